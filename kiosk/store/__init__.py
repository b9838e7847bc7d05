"""SQLite through sqlite-utils: the only writer of the kiosk's tables."""
