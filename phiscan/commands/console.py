"""What every command shares: exit codes, the consoles (every string escaped) and the
small helpers for configuration, output folders and summary tables."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from phiscan.config import Config, ConfigError, check_endpoint_url, load_config
from phiscan.security.files import (
    OutputPathError,
    check_output_target,
    ensure_private_dir,
    shared_folder_note,
)
from phiscan.security.terminal import escape_controls

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


def load_or_exit(config_path: Path | None) -> Config:
    try:
        return load_config(config_path)
    except ConfigError as exc:
        err_console.print(f"[red]config error:[/red] {escape(str(exc))}", soft_wrap=True)
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
    """Exit 2 before any work when an output path is a link, FIFO, device or folder, or
    its folder does not exist."""
    try:
        check_output_target(path)
    except OutputPathError as exc:
        raise usage_error(str(exc)) from None
    if not path.parent.is_dir():
        raise usage_error(f"no folder {path.parent} to write {path.name} in")


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
        # Each indented row sits under the heading it counts a part of.
        ("locations", summary["locations"]),
        *indented(summary["status"]),
        *indented(summary["risk"], "risk "),
        ("special-category locations", summary["special_category_locations"]),
        ("findings", sum(summary["entities"].values())),
        *indented(summary["entities"]),
        ("policy violations", (summary.get("policy_violations") or {}).get("total", 0)),
        *indented((summary.get("policy_violations") or {}).get("by_rule", {}), "rule "),
    ])


def violations_line(summary: dict) -> str:
    """`5 at 4 locations (finance-no-special-category 1, home-access-only 4)`, or `0`."""
    counts = summary.get("policy_violations") or {}
    if not counts.get("total"):
        return "0"
    rules = ", ".join(f"{rule} {count}" for rule, count in counts["by_rule"].items())
    return f"{counts['total']} at {counts['locations']} locations ({rules})"


def refuse_before_output(sources: list[str], config: Config) -> None:
    """A URI no source can take, or an allow-list that cannot be read, ends the command
    before an output folder or a run (which would store the URI) exists."""
    from phiscan.detect.allowlist import AllowList
    from phiscan.sources import check_source_uri

    try:
        for uri in sources:
            check_source_uri(uri)
        check_endpoint_url(config.s3.endpoint_url, "--endpoint-url / [s3] endpoint_url")
        AllowList.load(config.detection.allowlist)
    except ConfigError as exc:
        err_console.print(f"[red]config error:[/red] {escape(str(exc))}", soft_wrap=True)
        raise typer.Exit(EXIT_USAGE) from None


def log_config_warnings(config: Config) -> None:
    """Warnings about the config (an allow-list of raw values others can read), once the
    output folder's log is set up: on stderr and in `phiscan.log`, where a service's
    operator looks, never on stderr alone."""
    from phiscan.detect.allowlist import readable_values_warning

    warning = readable_values_warning(config.detection.allowlist)
    if warning:
        logging.getLogger("phiscan.config").warning("%s", warning)
