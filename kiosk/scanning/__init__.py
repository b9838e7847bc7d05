"""kiosk: offline-first conference check-in."""
