"""`phiscan watch PATH... --out DIR`: the watch daemon (see phiscan/watch/)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from phiscan.commands.console import (
    EXIT_USAGE,
    ConfigOption,
    err_console,
    load_or_exit,
    log_config_warnings,
    prepare_output,
    refuse_before_output,
)
from phiscan.inventory.lock import output_lock
from phiscan.logs import setup_logging


def watch(
    paths: Annotated[list[str], typer.Argument(help="Folders to watch (local or mounted).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Inventory folder (created 0700).")],
    config_path: ConfigOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only warnings and errors.")] = False,
    debug: Annotated[bool, typer.Option(help="Verbose logs (never values).")] = False,
) -> None:
    """Watch PATHS: scan new and changed files into --out and alert on sensitive data.

    Alerts are JSON lines on stdout and in DIR/alerts.jsonl; logs go to stderr and
    DIR/phiscan.log. Stops cleanly on SIGTERM or Ctrl-C. See `phiscan status DIR`.
    """
    config = load_or_exit(config_path)
    urls = [path for path in paths if "://" in path]
    if urls:  # kept as given: a Path would fold smb:// into smb:/
        err_console.print(f"[red]watch reads a local or mounted folder, not a URL:[/red] "
                          f"{escape(', '.join(urls))} (mount the share and watch the mount "
                          "point, or use `phiscan scan` for the URL)", soft_wrap=True)
        raise typer.Exit(EXIT_USAGE)
    not_folders = [path for path in paths if not Path(path).is_dir()]
    if not_folders:
        err_console.print(f"[red]not a folder:[/red] {escape(', '.join(not_folders))}")
        raise typer.Exit(EXIT_USAGE)
    refuse_before_output([], config)  # an allow-list no worker could load: refused now
    prepare_output(out)
    with output_lock(out, "watch"):
        setup_logging(out, quiet=quiet, debug=debug)
        log_config_warnings(config)
        from phiscan.watch.daemon import WatchError, run_watch

        try:
            code = run_watch(list(paths), out, config)
        except (WatchError, ValueError) as exc:
            err_console.print(f"[red]cannot watch:[/red] {escape(str(exc))}")
            raise typer.Exit(EXIT_USAGE) from None
    raise typer.Exit(code)


def register(app: typer.Typer) -> None:
    app.command()(watch)
