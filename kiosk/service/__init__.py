"""Services over the store: deciding and recording scans. No Qt."""
