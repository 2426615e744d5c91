"""Logging that cannot leak: messages carry locations and statuses, never values.

Tracebacks are not printed by default (an exception message from a third-party
parser may quote file content); `--debug` shows exception types and frames
without messages. Warnings are shown the same way, by kind and place only:
openpyxl's warning about a date cell out of range, for one, quotes the cell's
number (which may be an NHS number typed into a date column).
"""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
import traceback
import warnings
from pathlib import Path

from phiscan.security.files import open_private
from phiscan.security.terminal import escape_controls

LOG_FILENAME = "phiscan.log"


class ScrubbedFormatter(logging.Formatter):
    """Drops exception messages: only the type and where it was raised survive."""

    def format(self, record: logging.LogRecord) -> str:
        return escape_controls(super().format(record))

    def formatException(self, exc_info) -> str:  # noqa: N802 (logging API)
        exc_type, _exc, tb = exc_info
        frames = traceback.extract_tb(tb)
        lines = [f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}'
                 for frame in frames]
        name = exc_type.__name__ if exc_type else "Exception"
        return "Traceback (message withheld):\n" + "\n".join(lines) + f"\n{name}"


def setup_logging(out_dir: Path | None, *, quiet: bool = False, debug: bool = False) -> None:
    root = logging.getLogger("phiscan")
    root.handlers.clear()
    # A full output disk must not turn every later log call into a printed traceback.
    logging.raiseExceptions = False
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    root.propagate = False
    formatter = ScrubbedFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.WARNING if quiet else (logging.DEBUG if debug else logging.INFO))
    console.setFormatter(formatter)
    root.addHandler(console)
    if out_dir is not None:
        handler = logging.StreamHandler(open_private(Path(out_dir) / LOG_FILENAME, "a"))
        handler.setFormatter(formatter)
        root.addHandler(handler)
    for noisy in ("presidio-analyzer", "presidio_analyzer", "botocore", "boto3", "smbprotocol",
                  "urllib3", "distributed"):
        logging.getLogger(noisy).setLevel(logging.ERROR)


def scrubbed_excepthook(exc_type, exc, tb) -> None:
    """Last-resort handler: the type and location of a crash, never its message."""
    frames = traceback.extract_tb(tb)
    where = f" at {frames[-1].filename}:{frames[-1].lineno}" if frames else ""
    sys.stderr.write(f"phiscan: internal error {exc_type.__name__}{where} (message withheld)\n")


def scrubbed_thread_excepthook(args: threading.ExceptHookArgs) -> None:
    """The same for a thread that dies (the default prints the whole traceback)."""
    if args.exc_type is SystemExit:
        return
    scrubbed_excepthook(args.exc_type, args.exc_value, args.exc_traceback)


def scrubbed_showwarning(message, category, filename, lineno, file=None, line=None) -> None:
    """`warnings.showwarning` without the message: its kind and where it was raised."""
    with contextlib.suppress(OSError, ValueError):  # a closed or full stream: dropped
        (file or sys.stderr).write(
            f"phiscan: {category.__name__} at {filename}:{lineno} (message withheld)\n")


def scrub_warnings() -> None:
    """For this process (idempotent): every scanning process calls it, spawned or forked."""
    warnings.showwarning = scrubbed_showwarning
