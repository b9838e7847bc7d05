"""Where the data shipped inside the package lives: icons, sounds, translations, badges, demo.

Found through importlib.resources, so the same call works from the checkout, an editable
install and an installed wheel. pip and pipx install a package as plain files, where
`files()` is a real directory; Qt, lrelease and the event loader need real file names, so
anything else (a zipped package) is reported rather than silently extracted.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def path(*parts: str) -> Path:
    """The file or folder `parts` (e.g. "icons", "admit.svg") inside kiosk/resources/."""
    ref = files(__name__).joinpath(*parts)
    if not isinstance(ref, Path):
        raise RuntimeError(f"kiosk's resources are not plain files ({ref!r}): reinstall with pip")
    return ref


def demo_event() -> Path:
    """The built-in demo event (Smart City Expo Shanghai)."""
    return path("demo", "sces.toml")
