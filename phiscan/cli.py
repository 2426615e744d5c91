"""The `phiscan` command line: the app and its commands' registration.

Each command lives in its own module in `phiscan/commands/`. Exit codes
(`phiscan.commands.console`): 0 completed; 1 completed and a --fail-on-* condition
holds; 2 usage or configuration error; 3 the scan did not complete.

Importing this module and registering the commands stays light: Presidio, spaCy, the
readers, the sources' clients and Dask are imported inside the commands that use them
(tests/test_cli_imports.py holds this), so `--version`, `--help` and `status` answer at once.
"""

from __future__ import annotations

import os
import sys
import threading

from phiscan import __version__
from phiscan.logs import scrub_warnings, scrubbed_excepthook, scrubbed_thread_excepthook

HELP = (
    "Find special-category health data on shares and buckets, and scope who a leak "
    "touched.\n\nExit codes: 0 completed; 1 completed and a --fail-on-findings, "
    "--fail-on-violations or --fail-on-risk condition holds; 2 usage or configuration "
    "error; 3 not complete: a scan interrupted (SIGINT, SIGTERM), a source unavailable, a "
    "root that listed no file where earlier scans read locations (taken as not mounted; "
    "--accept-empty), the output folder's disk full, or a --fail-on-* check over a root "
    "--include/--exclude hid whole; a report or individuals list of an incomplete "
    "inventory (a lower bound), individuals --reveal unable to re-read every value; "
    "status of a watch daemon not running."
)


def version_text() -> str:
    return f"phiscan {__version__}"


# Help read off a terminal (cron mail, a pager, a file) is laid out this wide: at Rich's
# default 80 columns the option names of `scan --help` are cut short.
HELP_COLUMNS_OFF_TERMINAL = "120"


def main() -> None:
    sys.excepthook = scrubbed_excepthook
    threading.excepthook = scrubbed_thread_excepthook
    scrub_warnings()
    if sys.argv[1:] == ["--version"]:  # answered before Typer and the commands are imported
        print(version_text())
        return
    if ("--help" in sys.argv or "-h" in sys.argv) and not sys.stdout.isatty():
        os.environ.setdefault("COLUMNS", HELP_COLUMNS_OFF_TERMINAL)
    from rich.markup import escape

    from phiscan.commands import build_app
    from phiscan.commands.console import EXIT_CRASH, EXIT_USAGE, err_console
    from phiscan.security.files import Refused

    try:
        build_app(HELP, version_text())()
    except Refused as exc:  # an output path we cannot keep private, a busy output folder
        err_console.print(f"[red]error:[/red] {escape(str(exc))}", soft_wrap=True)
        sys.exit(EXIT_USAGE)
    except Exception as exc:
        # Typer swaps sys.excepthook for one that ends in the interpreter's own hook, which
        # prints the message (a path, a parser's quote of content): report it ourselves.
        scrubbed_excepthook(type(exc), exc, exc.__traceback__)
        sys.exit(EXIT_CRASH)


if __name__ == "__main__":
    main()
