"""The `phiscan` command line: the app and its commands' registration.

Each command lives in its own module in `phiscan/commands/`. Exit codes
(`phiscan.commands.console`): 0 completed; 1 completed with special-category findings
and --fail-on-findings; 2 usage or configuration error; 3 the scan did not complete.
"""

from __future__ import annotations

import sys
import threading
from typing import Annotated

import typer
from rich.markup import escape

from phiscan import __version__
from phiscan.commands import register
from phiscan.commands.console import EXIT_CRASH, EXIT_USAGE, console, err_console
from phiscan.logs import scrub_warnings, scrubbed_excepthook, scrubbed_thread_excepthook
from phiscan.security.files import Refused

app = typer.Typer(
    name="phiscan",
    help=(
        "Find special-category health data on shares and buckets, and scope who a leak "
        "touched.\n\nExit codes: 0 completed; 1 completed with special-category findings "
        "(with --fail-on-findings); 2 usage or configuration error; 3 scan did not complete."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def version_callback(value: bool) -> None:
    if value:
        console.print(f"phiscan {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=version_callback, is_eager=True,
                           help="Print the version and exit.")
    ] = False,
) -> None:
    """phiscan command line."""


def main() -> None:
    sys.excepthook = scrubbed_excepthook
    threading.excepthook = scrubbed_thread_excepthook
    scrub_warnings()
    register(app)
    try:
        app()
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
