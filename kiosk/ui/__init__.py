"""PySide6 windows of the kiosk: the hall door screen, the staff dialogs and the venue board."""
