"""The `phiscan` command line.

Exit codes: 0 completed; 1 completed with special-category findings and
--fail-on-findings; 2 usage or configuration error; 3 the scan did not complete.
"""

from __future__ import annotations

import sqlite3
import sys
import threading
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from phiscan import __version__
from phiscan.config import Config, ConfigError, load_config
from phiscan.display import escape_controls
from phiscan.inventory.store import is_disk_full
from phiscan.logs import (
    scrub_warnings,
    scrubbed_excepthook,
    scrubbed_thread_excepthook,
    setup_logging,
)
from phiscan.outlock import output_lock
from phiscan.scan.progress import progress_display
from phiscan.security import (
    OutputPathError,
    Refused,
    check_output_target,
    ensure_private_dir,
    shared_folder_note,
)

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INCOMPLETE = 3
EXIT_CRASH = 1  # what the interpreter itself returns for an unhandled exception
OUTPUT_FULL_MESSAGE = (
    "[red]output folder full:[/red] cannot write to {out} (no space left). The inventory "
    "holds every location written before this point; free space, then run the same "
    "command again (add --resume to continue this run)."
)

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


class SafeConsole(Console):
    """A Rich console whose every string (printed, or a table cell or title) is escaped.

    Rich turns each str it renders into Text through `render_str`, the one boundary
    they all cross; its own styling codes are added after it.
    """

    def render_str(self, text: str, **kwargs) -> Text:
        return super().render_str(escape_controls(text), **kwargs)


console = SafeConsole(stderr=False)
err_console = SafeConsole(stderr=True)

ConfigOption = Annotated[
    Path | None, typer.Option("--config", "-c", help="TOML config file (see init-config).")
]


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


def load_or_exit(config_path: Path | None) -> Config:
    try:
        return load_config(config_path)
    except ConfigError as exc:
        err_console.print(f"[red]config error:[/red] {exc}")
        raise typer.Exit(EXIT_USAGE) from None


def usage_error(message: str) -> typer.Exit:
    """Print a usage problem and return the Exit to raise (exit code 2)."""
    err_console.print(f"[red]{escape(message)}[/red]", soft_wrap=True)
    return typer.Exit(EXIT_USAGE)


def prepare_output(out: Path) -> None:
    """The --out folder: made 0700, or an existing one checked (never chmodded)."""
    ensure_private_dir(out)
    note = shared_folder_note(out)
    if note:
        err_console.print(f"[yellow]note:[/yellow] {escape(note)}", soft_wrap=True)


def refuse_unsafe_target(path: Path) -> None:
    """Exit 2 before any work when an output path is a link, FIFO, device or folder."""
    try:
        check_output_target(path)
    except OutputPathError as exc:
        raise usage_error(str(exc)) from None


Rows = Iterable[tuple[str, object]]


def indented(counts: dict, prefix: str = "") -> Rows:
    """`  <prefix><key>` rows under a heading row, one per count."""
    return ((f"  {prefix}{key}", value) for key, value in counts.items())


def measure_table(title: str, value_header: str, rows: Rows) -> Table:
    """The two-column `measure | value` table every summary prints."""
    table = Table(title=title)
    table.add_column("measure")
    table.add_column(value_header, justify="right")
    for measure, value in rows:
        table.add_row(measure, str(value))
    return table


def summary_table(summary: dict) -> Table:
    return measure_table("phiscan summary", "value", [
        ("locations", summary["locations"]),
        *indented(summary["status"]),
        ("special-category locations", summary["special_category_locations"]),
        *indented(summary["risk"], "risk "),
        *indented(summary["entities"]),
    ])


def apply_executor_options(config: Config, workers: int | None, executor: str | None,
                           scheduler: str | None) -> None:
    if workers is not None:
        if workers < 1:
            err_console.print("[red]--workers must be at least 1[/red]")
            raise typer.Exit(EXIT_USAGE)
        config.scan.workers = workers
    if executor is not None:
        config.scan.executor = executor
    if scheduler is not None:
        config.scan.scheduler = scheduler


@app.command()
def scan(
    sources: Annotated[list[str], typer.Argument(help="Paths, smb:// or s3:// URIs.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder (created 0700).")],
    config_path: ConfigOption = None,
    include: Annotated[list[str] | None, typer.Option("--include", help="Glob to include.")] = None,
    exclude: Annotated[list[str] | None, typer.Option("--exclude", help="Glob to exclude.")] = None,
    max_file_bytes: Annotated[int | None, typer.Option(help="Skip larger files.")] = None,
    follow_symlinks: Annotated[bool, typer.Option(help="Follow links inside the root.")] = False,
    no_ocr: Annotated[
        bool, typer.Option("--no-ocr", help="Do not OCR images and scanned PDF pages.")
    ] = False,
    fail_on_findings: Annotated[
        bool, typer.Option(help="Exit 1 when special-category data is found.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only warnings and errors.")] = False,
    debug: Annotated[bool, typer.Option(help="Verbose logs (never values).")] = False,
    workers: Annotated[
        int | None, typer.Option(help="Worker processes (default: one per CPU core).")
    ] = None,
    executor: Annotated[str | None, typer.Option(help="local (processes) or dask.")] = None,
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler, e.g. tcp://10.0.0.5:8786.")
    ] = None,
    full: Annotated[bool, typer.Option(help="Rescan unchanged locations too.")] = False,
    resume: Annotated[bool, typer.Option(help="Continue an interrupted scan in --out.")] = False,
    profile: Annotated[str | None, typer.Option(help="AWS profile for s3:// sources.")] = None,
    region: Annotated[str | None, typer.Option(help="AWS region for s3:// sources.")] = None,
    endpoint_url: Annotated[
        str | None, typer.Option(help="S3-compatible endpoint (path-style addressing).")
    ] = None,
) -> None:
    """Scan SOURCES into an inventory and exports in --out.

    A rescan into the same --out skips unchanged locations (size and mtime, or ETag
    and size) and keeps their findings; --full rescans everything."""
    config = load_or_exit(config_path)
    apply_executor_options(config, workers, executor, scheduler)
    config.s3.profile = profile or config.s3.profile
    config.s3.region = region or config.s3.region
    config.s3.endpoint_url = endpoint_url or config.s3.endpoint_url
    if include:
        config.scan.include = list(include)
    if exclude:
        config.scan.exclude = list(exclude)
    if max_file_bytes is not None:
        config.scan.max_file_bytes = max_file_bytes
    if follow_symlinks:
        config.scan.follow_symlinks = True
    if no_ocr:
        config.ocr.enabled = False
    missing = [s for s in sources if "://" not in s and not Path(s).exists()]
    if missing:
        err_console.print(f"[red]no such source:[/red] {', '.join(missing)}")
        raise typer.Exit(EXIT_USAGE)
    prepare_output(out)
    with output_lock(out, "scan"):
        scan_locked(sources, out, config, quiet=quiet, debug=debug, full=full, resume=resume,
                    fail_on_findings=fail_on_findings)


def scan_locked(sources: list[str], out: Path, config: Config, *, quiet: bool, debug: bool,
                full: bool, resume: bool, fail_on_findings: bool) -> None:
    """The scan command once it holds the output folder's lock."""
    setup_logging(out, quiet=quiet, debug=debug)
    from phiscan.scan.runner import has_special_category, run_scan

    with progress_display(enabled=not quiet and sys.stderr.isatty()) as on_progress:
        try:
            outcome = run_scan(sources, out, config, on_progress=on_progress, full=full,
                               resume=resume)
        except ConfigError as exc:
            err_console.print(f"[red]config error:[/red] {exc}")
            raise typer.Exit(EXIT_USAGE) from None
        except (OSError, sqlite3.Error) as exc:
            if not is_disk_full(exc):
                raise
            err_console.print(OUTPUT_FULL_MESSAGE.format(out=out))
            raise typer.Exit(EXIT_INCOMPLETE) from None
    if not quiet:
        console.print(summary_table(outcome.summary))
        console.print(f"inventory: {out / 'inventory.sqlite'}")
    if outcome.summary["run"]["status"] != "completed":
        raise typer.Exit(EXIT_INCOMPLETE)
    if fail_on_findings and has_special_category(outcome.summary):
        raise typer.Exit(EXIT_FINDINGS)


@app.command()
def recognizers(config_path: ConfigOption = None) -> None:
    """List the entity types and the recognizers that detect them."""
    config = load_or_exit(config_path)
    from phiscan.detect.engine import build_analyzer, entities_for, supported_entities

    analyzer = build_analyzer(config)
    enabled = set(entities_for(config))
    table = Table(title="recognizers")
    table.add_column("entity type")
    table.add_column("recognizer")
    table.add_column("reported")
    for entity, name in sorted(set(supported_entities(analyzer))):
        table.add_row(entity, name, "yes" if entity in enabled else "no")
    console.print(table)


@app.command("init-config")
def init_config(
    path: Annotated[Path, typer.Argument(help="Where to write the config.")] = Path(
        "phiscan.toml"
    ),
    force: Annotated[bool, typer.Option(help="Overwrite an existing file.")] = False,
) -> None:
    """Write a commented configuration file with every default."""
    if path.exists() and not force:
        err_console.print(f"[red]{path} exists[/red] (use --force)")
        raise typer.Exit(EXIT_USAGE)
    text = resources.files("phiscan.data").joinpath("config.example.toml").read_text("utf-8")
    path.write_text(text, encoding="utf-8")
    console.print(f"wrote {path}")


def register_commands() -> None:
    """Commands that live in their own modules (phiscan/commands/*.py)."""
    from phiscan import commands

    commands.register(app)


def main() -> None:
    sys.excepthook = scrubbed_excepthook
    threading.excepthook = scrubbed_thread_excepthook
    scrub_warnings()
    register_commands()
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
