"""Storage: the SQLite inventory and the exports rewritten after every scan."""
