"""`phiscan individuals DIR`: the people a breach touched, one row each."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from phiscan.commands.console import (
    EXIT_INCOMPLETE,
    console,
    err_console,
    refuse_unsafe_target,
    usage_error,
)
from phiscan.config import ConfigError, WatchConfig, load_config
from phiscan.inventory.lock import output_lock
from phiscan.inventory.store import INVENTORY_FILENAME, Inventory
from phiscan.scoping.individuals_csv import (
    export_row,
    person_value_keys,
    write_export,
)
from phiscan.scoping.linkage import Individual
from phiscan.scoping.report import completeness_section, load_scope
from phiscan.security.keys import inventory_key, no_key_message

if TYPE_CHECKING:
    from phiscan.scoping.reveal import RevealOutcome

SHOWN = 50


def individuals_table(people: list[Individual]) -> Table:
    table = Table(title=f"individuals ({len(people)})")
    for column in ("id", "NHS number", "name", "home access", "health", "locations"):
        table.add_column(column)
    for person in people[:SHOWN]:
        row = export_row(person)
        table.add_row(person.id, str(row["nhs_number_masked"]), str(row["name_masked"]),
                      str(row["home_access_kinds"]) or "-", str(row["special_category"]),
                      str(row["locations"]))
    return table


def own_output_names() -> frozenset[str]:
    """The files phiscan itself keeps in an output folder."""
    from phiscan.inventory.exports import FILES_CSV, FILES_JSONL, SUMMARY_JSON
    from phiscan.inventory.lock import LOCK_FILENAME
    from phiscan.logs import LOG_FILENAME
    from phiscan.scoping.html import HTML_REPORT
    from phiscan.scoping.ico import ICO_JSON, ICO_MARKDOWN
    from phiscan.watch.alerts import STATE_FILENAME
    from phiscan.watch.status import STATUS_FILENAME

    inventory = {INVENTORY_FILENAME + suffix for suffix in ("", "-wal", "-shm", "-journal")}
    return frozenset({FILES_CSV, FILES_JSONL, SUMMARY_JSON, LOCK_FILENAME, LOG_FILENAME,
                      HTML_REPORT, ICO_JSON, ICO_MARKDOWN, STATE_FILENAME, STATUS_FILENAME,
                      WatchConfig().alerts_file, *inventory})


def refuse_own_output(export: Path, out_dir: Path) -> None:
    """Exit 2 before any work when --export names one of the scan's own files."""
    if (export.name in own_output_names()
            and export.resolve().parent == out_dir.resolve()):
        raise usage_error(f"will not write {export}: it is one of the scan's own outputs "
                          f"in {out_dir}; give another file name")


def reveal_for(out_dir: Path, people: list[Individual], target: str,
               config_path: Path | None) -> RevealOutcome:
    """Values of the people's hashes, re-read from the sources, the locations that could
    not be re-read with why, and the postal addresses before their postcodes; logged with
    `target` (where they are written)."""
    try:
        config = load_config(config_path)
    except ConfigError as exc:
        raise usage_error(f"config error: {exc}") from None
    key = inventory_key(out_dir, config)
    if key is None:
        raise usage_error(no_key_message())
    from phiscan.scoping.reveal import reveal_values  # loads the NLP stack: only when asked

    outcome = reveal_values(out_dir, [person_value_keys(person) for person in people],
                            key.secret, config)
    with Inventory(out_dir) as inventory:
        inventory.log_audit("reveal", getpass.getuser(), {
            "export": target, "individuals": len(people),
            "values_recovered": len(outcome.values), "locations_read": outcome.locations_read,
            "locations_failed": outcome.locations_failed,
        })
    # One line each, never wrapped mid-sentence (a narrow terminal folds it, not Rich).
    err_console.print(f"reveal: {len(outcome.values)} values recovered from "
                      f"{outcome.locations_read} locations; logged in the inventory.",
                      soft_wrap=True)
    if outcome.locations_failed:
        err_console.print(f"[red]reveal: {outcome.locations_failed} locations could not be "
                          "re-read: their people's values are missing (column reveal_note "
                          "says which and why); exit 3.[/red]", soft_wrap=True)
    return outcome


def individuals_command(
    out_dir: Annotated[Path, typer.Argument(
        metavar="DIR", help="Scan output folder (holds inventory.sqlite).")],
    export: Annotated[Path | None, typer.Option(
        "--export", help="Write one CSV row per individual (0600).")] = None,
    reveal: Annotated[bool, typer.Option(
        "--reveal", help="Add the real values, re-read from the sources (Art. 34 letters). "
                         "Logged in the inventory.")] = False,
    config_path: Annotated[Path | None, typer.Option(
        "--config", "-c", help="TOML config (key, source credentials).")] = None,
) -> None:
    """List the people affected; export them for case handling or letters."""
    if reveal and export is None:
        raise usage_error("--reveal needs --export FILE.csv")
    if export is not None:
        refuse_unsafe_target(export)
        refuse_own_output(export, out_dir)
    try:
        config = load_config(config_path)
    except ConfigError as exc:
        raise usage_error(f"config error: {exc}") from None
    try:
        scope = load_scope(out_dir, config)
    except FileNotFoundError:
        raise usage_error(f"no inventory in {out_dir} (run phiscan scan first)") from None
    completeness = completeness_section(scope)
    incomplete = completeness["figures_are_lower_bounds"]
    if incomplete:  # first, before any person is listed or written
        err_console.print(f"[bold red]{escape(completeness['statement'])}[/bold red]")
    people = scope.individuals
    # the letter's address is the most recent: each location's modified time
    modified = {location.location: location.modified for location in scope.locations}
    if export is None:
        console.print(individuals_table(people))
        if incomplete:  # as `report` exits: the list is not everyone affected
            raise typer.Exit(EXIT_INCOMPLETE)
        return
    if reveal:  # the audit row goes into the inventory: a writer like any other
        with output_lock(out_dir, "individuals --reveal"):
            outcome = reveal_for(out_dir, people, str(export.resolve()), config_path)
            unread = outcome.unread
            count = write_export(export, people, outcome.values, unread, outcome.addresses,
                                 modified)
    else:
        count, unread = write_export(export, people, modified=modified), {}
    err_console.print(f"wrote {count} individuals to {escape(str(export))}", soft_wrap=True)
    # Written with what was recovered, but not every letter can be addressed, or not
    # everyone affected is on the list.
    if unread or incomplete:
        raise typer.Exit(EXIT_INCOMPLETE)


def register(app: typer.Typer) -> None:
    app.command("individuals")(individuals_command)
