#!/usr/bin/env bash
# Installs the Debian packages the kiosk and its tests need, only those missing.
# Qt's offscreen/xcb platforms and Qt Multimedia need a few shared libraries that a
# minimal Debian lacks; badges and screenshots use the Noto CJK font so they look
# the same on every machine; CUPS + cups-pdf and PostgreSQL serve the real-printer
# and real-hub tests; cage (the kiosk session's compositor) lets systemd-analyze verify the
# unit `kiosk install-kiosk` writes (desktop-file-validate its launcher), and x11-utils'
# xwininfo checks that the locked door covers a bare X server (Xvfb, no window manager).
set -euo pipefail
packages=(
  libpulse0 libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-xkb1 fonts-noto-cjk fonts-dejavu-core xvfb xauth poppler-utils
  cups cups-bsd printer-driver-cups-pdf postgresql
  cage x11-utils desktop-file-utils
)
# Debian's own python3 makes virtual environments only with python3-venv.
if ! python3 -c "import ensurepip" >/dev/null 2>&1; then
  packages+=(python3-venv)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
