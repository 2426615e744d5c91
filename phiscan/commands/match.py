"""`phiscan match DIR --mpi PATIENTS.csv`: join the trust's MPI to the people affected."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from phiscan.commands.console import (
    console,
    err_console,
    measure_table,
    refuse_unsafe_target,
    usage_error,
)
from phiscan.config import ConfigError, load_config
from phiscan.scoping.mpi import MpiError, match_people, parse_columns, read_mpi, write_match_csv
from phiscan.scoping.report import load_scope
from phiscan.security.keys import inventory_key, no_key_message

# The --columns example the warning gives: header names no MPI header is read by itself as.
COLUMNS_EXAMPLE = "forename=PAT_FN,surname=PAT_SN,dob=PAT_DB"


def summary_rows(summary: dict) -> list[tuple[str, object]]:
    rows: list[tuple[str, object]] = []
    for name, value in summary.items():
        label = name.replace("_", " ")
        if isinstance(value, dict):
            rows.extend((f"  {label}: {inner}", count) for inner, count in value.items())
        else:
            rows.append((label, value))
    return rows


def summary_table(summary: dict) -> Table:
    return measure_table("MPI match", "count", summary_rows(summary))


def match_command(
    out_dir: Annotated[Path, typer.Argument(help="Scan output folder (holds inventory.sqlite).")],
    mpi: Annotated[Path, typer.Option("--mpi", help="The trust's MPI as CSV with a header.")],
    columns: Annotated[str | None, typer.Option(
        "--columns", help="ROLE=COLUMN,...; roles nhs, name, forename, surname, dob, postcode. "
                          "Default: usual header names.")] = None,
    out: Annotated[Path | None, typer.Option(
        "--out", help="Write individual_id,status,matched_on,mpi_rows as CSV (0600).")] = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    config_path: Annotated[Path | None, typer.Option("--config", "-c")] = None,
) -> None:
    """Hash the MPI with the scan's key and join it to the individuals."""
    try:
        config = load_config(config_path)
    except ConfigError as exc:
        raise usage_error(f"config error: {exc}") from None
    if out is not None:
        refuse_unsafe_target(out)
    if not mpi.is_file():
        raise usage_error(f"no such MPI file: {mpi}")
    try:
        scope = load_scope(out_dir, config)
        key = inventory_key(out_dir, config)
        if key is None:
            raise usage_error(no_key_message())
        entries = read_mpi(mpi, parse_columns(columns), key.secret)
    except FileNotFoundError:
        raise usage_error(f"no inventory in {out_dir} (run phiscan scan first)") from None
    except MpiError as exc:
        raise usage_error(str(exc)) from None
    if entries.nhs_only:
        err_console.print("[yellow]warning: no name and date-of-birth columns recognised in "
                          "the MPI header: matching by NHS number only, so people found "
                          "without one are never matched; name them with --columns "
                          f"(e.g. {COLUMNS_EXAMPLE})[/yellow]")
    result = match_people(scope.individuals, entries.rows)
    summary = result.summary()
    if output_format == "json":
        print(json.dumps(summary, indent=2))
    else:
        console.print(summary_table(summary))
    if out is not None:
        write_match_csv(out, result)
        err_console.print(f"wrote {escape(str(out))}")


def register(app: typer.Typer) -> None:
    app.command("match")(match_command)
