"""`phiscan watch`: keep an inventory of shared drives current and alert on new
sensitive data. See daemon.py for the threads and alerts.py for the alert rules."""

from phiscan.watch.daemon import WatchError, run_watch

__all__ = ["WatchError", "run_watch"]
