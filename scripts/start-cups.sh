#!/usr/bin/env bash
# Starts CUPS (no systemd on CI) and a cups-pdf queue for the real-printing test; idempotent.
# Prints the queue and the folder where cups-pdf writes its PDFs, last line:
#   KIOSK_PDF_QUEUE=<queue> KIOSK_PDF_DIR=<folder>
set -euo pipefail
queue="${KIOSK_PDF_QUEUE:-KioskPDF}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

if ! command -v cupsd >/dev/null || [ ! -e /usr/lib/cups/backend/cups-pdf ]; then
  echo "start-cups: cups or printer-driver-cups-pdf is not installed (see scripts/setup-system.sh)" >&2
  exit 1
fi

running() { lpstat -r 2>/dev/null | grep -q "is running"; }
if ! running; then
  $sudo mkdir -p /run/cups
  $sudo cupsd  # forks into the background by itself
  for _ in $(seq 100); do running && break; sleep 0.1; done
  running || { echo "start-cups: cupsd did not start" >&2; exit 1; }
fi

if ! lpstat -p "$queue" >/dev/null 2>&1; then
  model=$(lpinfo -m 2>/dev/null | awk '/CUPS-PDF_opt\.ppd/ {print $1; exit}')
  [ -n "$model" ] || model=$(lpinfo -m 2>/dev/null | awk '/CUPS-PDF/ {print $1; exit}')
  [ -n "$model" ] || { echo "start-cups: no CUPS-PDF driver found by lpinfo -m" >&2; exit 1; }
  # lpadmin warns that printer drivers are deprecated; cups-pdf has no driverless form.
  $sudo lpadmin -p "$queue" -E -v cups-pdf:/ -m "$model" 2>/dev/null
fi
$sudo cupsenable "$queue"
$sudo cupsaccept "$queue"

# cups-pdf writes to "Out" of its configuration (${HOME} is the job owner's home).
out=$(awk '$1 == "Out" {print $2}' /etc/cups/cups-pdf.conf 2>/dev/null | tail -n 1)
out="${out:-/var/spool/cups-pdf/\${USER\}}"
home=$(getent passwd "$(id -un)" | cut -d: -f6)
out="${out//\$\{HOME\}/$home}"
out="${out//\$\{USER\}/$(id -un)}"
echo "start-cups: CUPS is running; queue $queue prints through cups-pdf into $out"
echo "KIOSK_PDF_QUEUE=$queue KIOSK_PDF_DIR=$out"
