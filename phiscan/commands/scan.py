"""`phiscan scan`: sources into an inventory and exports."""

from __future__ import annotations

import logging
import signal
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from phiscan.commands.console import (
    EXIT_FINDINGS,
    EXIT_INCOMPLETE,
    EXIT_USAGE,
    OUTPUT_FULL_MESSAGE,
    ConfigOption,
    console,
    err_console,
    load_or_exit,
    log_config_warnings,
    prepare_output,
    refuse_before_output,
    summary_table,
    usage_error,
    violations_line,
)
from phiscan.config import MAX_FILE_BYTES_MESSAGE, WORKERS_MESSAGE, Config, ConfigError
from phiscan.inventory.lock import output_lock
from phiscan.inventory.store import is_disk_full
from phiscan.logs import setup_logging
from phiscan.model import RISK_ORDER, Risk
from phiscan.scan.progress import progress_display

if TYPE_CHECKING:
    from phiscan.scan.runner import ScanOutcome

log = logging.getLogger("phiscan.scan")


def apply_executor_options(config: Config, workers: int | None, executor: str | None,
                           scheduler: str | None) -> None:
    if workers is not None:
        if workers < 0:
            err_console.print(f"[red]--{WORKERS_MESSAGE}[/red]")
            raise typer.Exit(EXIT_USAGE)
        config.scan.workers = workers
    if executor is not None:
        config.scan.executor = executor
    if scheduler is not None:
        config.scan.scheduler = scheduler


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
    fail_on_violations: Annotated[
        bool, typer.Option(help="Exit 1 when any location breaks a \\[\\[policy]] rule.")
    ] = False,
    fail_on_risk: Annotated[
        str | None, typer.Option(
            help="Exit 1 when any location's risk is LEVEL or above (low, medium, high, "
                 "critical).", metavar="LEVEL")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only warnings and errors.")] = False,
    debug: Annotated[bool, typer.Option(help="Verbose logs (never values).")] = False,
    workers: Annotated[
        int | None, typer.Option(help="Worker processes (0, the default: one per CPU core).")
    ] = None,
    executor: Annotated[str | None, typer.Option(help="local (processes) or dask.")] = None,
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler, e.g. tcp://10.0.0.5:8786.")
    ] = None,
    full: Annotated[bool, typer.Option(help="Rescan unchanged locations too.")] = False,
    resume: Annotated[bool, typer.Option(help="Continue an interrupted scan in --out.")] = False,
    accept_empty: Annotated[bool, typer.Option(
        help="A root that lists no file where earlier scans read files was emptied on "
             "purpose: mark its locations gone (by default it is taken as not mounted).")
    ] = False,
    profile: Annotated[str | None, typer.Option(help="AWS profile for s3:// sources.")] = None,
    region: Annotated[str | None, typer.Option(help="AWS region for s3:// sources.")] = None,
    endpoint_url: Annotated[
        str | None, typer.Option(help="S3-compatible endpoint (path-style addressing).")
    ] = None,
    s3_versions: Annotated[bool, typer.Option(
        "--s3-versions", help="Read noncurrent S3 object versions too, each as its own "
                              "location (s3://bucket/key?versionId=V).")] = False,
) -> None:
    """Scan SOURCES into an inventory and exports in --out.

    A rescan into the same --out skips unchanged locations (size and mtime, or ETag
    and size) and keeps their findings; --full rescans everything."""
    config = load_or_exit(config_path)
    apply_executor_options(config, workers, executor, scheduler)
    config.s3.profile = profile or config.s3.profile
    config.s3.region = region or config.s3.region
    config.s3.endpoint_url = endpoint_url or config.s3.endpoint_url
    config.s3.versions = s3_versions or config.s3.versions
    if include:
        config.scan.include = list(include)
    if exclude:
        config.scan.exclude = list(exclude)
    if max_file_bytes is not None:
        if max_file_bytes < 1:
            raise usage_error(f"--{MAX_FILE_BYTES_MESSAGE.replace('_', '-')}, not "
                              f"{max_file_bytes}")
        config.scan.max_file_bytes = max_file_bytes
    if follow_symlinks:
        config.scan.follow_symlinks = True
    if no_ocr:
        config.ocr.enabled = False
    risk_floor = parse_risk(fail_on_risk)
    missing = [s for s in sources if "://" not in s and not Path(s).exists()]
    if missing:
        err_console.print(f"[red]no such source:[/red] {escape(', '.join(missing))}")
        raise typer.Exit(EXIT_USAGE)
    refuse_before_output(sources, config)
    prepare_output(out)
    with output_lock(out, "scan"):
        scan_locked(sources, out, config, quiet=quiet, debug=debug, full=full, resume=resume,
                    accept_empty=accept_empty,
                    fail_on=FailOn(fail_on_findings, fail_on_violations, risk_floor))


@contextmanager
def interrupting_signals(received: list[str]) -> Iterator[None]:
    """SIGINT (Ctrl-C) and SIGTERM both interrupt the scan the same way: the run is
    recorded `interrupted`, its exports written, and `--resume` continues it. The
    signal's name goes into `received`; a second SIGTERM while that is written is
    ignored (a second Ctrl-C is not)."""
    def on_signal(signum: int, _frame: object) -> None:
        if received and signum == signal.SIGTERM:
            return
        received.append(signal.Signals(signum).name)
        raise KeyboardInterrupt

    previous = {signum: signal.signal(signum, on_signal)
                for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def report_interrupted(received: list[str], outcome: ScanOutcome) -> None:
    log.warning("scan interrupted (%s): %d locations written in run %d, which is marked "
                "interrupted; the exports hold %d rows of this run and %d as earlier runs "
                "left them; run the same command with --resume to continue it",
                received[0] if received else "interrupt", outcome.progress.files_done,
                outcome.run_id, outcome.summary["run"]["rows_this_run"],
                outcome.summary["run"]["rows_earlier_runs"])


def refuse_to_pass_nothing_read(outcome: ScanOutcome) -> None:
    """A --fail-on-* check never passes a scan whose --include/--exclude hid every file
    earlier scans read under a root: nothing there was read, so nothing is known clean."""
    hidden = outcome.progress.hidden_roots
    if hidden:
        log.error("not passing --fail-on-*: --include/--exclude hid every file of %s where "
                  "earlier scans read %d locations", ", ".join(hidden), sum(hidden.values()))
        raise typer.Exit(EXIT_INCOMPLETE)


@dataclass(frozen=True)
class FailOn:
    """What makes a completed scan exit 1: special-category data, a policy violation,
    a location at or above a risk level."""

    findings: bool = False
    violations: bool = False
    risk: Risk | None = None

    def any(self) -> bool:
        return self.findings or self.violations or self.risk is not None


def parse_risk(level: str | None) -> Risk | None:
    if level is None:
        return None
    if level not in RISK_ORDER[1:]:
        raise usage_error(f"--fail-on-risk must be one of {', '.join(RISK_ORDER[1:])}, "
                          f"not {level!r}")
    return Risk(level)


def at_or_above(summary: dict, floor: Risk) -> int:
    """How many locations are at `floor` risk or above."""
    levels = RISK_ORDER[RISK_ORDER.index(floor):]
    return sum(summary.get("risk", {}).get(str(level), 0) for level in levels)


def report_violations(summary: dict) -> None:
    """Policy violations on the console and in the log, also with --quiet."""
    if (summary.get("policy_violations") or {}).get("total"):
        log.warning("policy violations: %s", violations_line(summary))


def scan_locked(sources: list[str], out: Path, config: Config, *, quiet: bool, debug: bool,
                full: bool, resume: bool, accept_empty: bool, fail_on: FailOn) -> None:
    """The scan command once it holds the output folder's lock. `fail_on`: the
    conditions that make a completed scan exit 1."""
    setup_logging(out, quiet=quiet, debug=debug)
    log_config_warnings(config)
    from phiscan.scan.runner import has_special_category, has_violations, run_scan

    received: list[str] = []
    with progress_display(enabled=not quiet and sys.stderr.isatty()) as on_progress, \
            interrupting_signals(received):
        try:
            outcome = run_scan(sources, out, config, on_progress=on_progress, full=full,
                               resume=resume, accept_empty=accept_empty)
        except KeyboardInterrupt:  # before the first result: nothing of this run written
            log.warning("scan interrupted (%s) before any result was written; run the same "
                        "command again (add --resume if a run was started)",
                        received[0] if received else "interrupt")
            raise typer.Exit(EXIT_INCOMPLETE) from None
        except ConfigError as exc:
            err_console.print(f"[red]config error:[/red] {escape(str(exc))}")
            raise typer.Exit(EXIT_USAGE) from None
        except (OSError, sqlite3.Error) as exc:
            if not is_disk_full(exc):
                raise
            err_console.print(OUTPUT_FULL_MESSAGE.format(out=out))
            raise typer.Exit(EXIT_INCOMPLETE) from None
    if not quiet:
        console.print(summary_table(outcome.summary))
        console.print(f"inventory: {escape(str(out / 'inventory.sqlite'))}")
    report_violations(outcome.summary)
    if outcome.summary["run"]["status"] == "interrupted":
        report_interrupted(received, outcome)
    if outcome.summary["run"]["status"] != "completed":
        raise typer.Exit(EXIT_INCOMPLETE)
    if fail_on.any():
        refuse_to_pass_nothing_read(outcome)
    if fail_on.findings and has_special_category(outcome.summary):
        raise typer.Exit(EXIT_FINDINGS)
    if fail_on.violations and has_violations(outcome.summary):
        raise typer.Exit(EXIT_FINDINGS)
    if fail_on.risk is not None and at_or_above(outcome.summary, fail_on.risk):
        log.warning("%d locations at risk %s or above", at_or_above(outcome.summary,
                                                                     fail_on.risk), fail_on.risk)
        raise typer.Exit(EXIT_FINDINGS)


def register(app: typer.Typer) -> None:
    app.command()(scan)
