"""`phiscan report DIR`: the breach summary (Rich tables, JSON, ICO figures, HTML)."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from phiscan.commands.console import (
    EXIT_INCOMPLETE,
    EXIT_USAGE,
    console,
    err_console,
    indented,
    measure_table,
    usage_error,
)
from phiscan.config import ConfigError, load_config
from phiscan.inventory.lock import OutputBusy, output_lock
from phiscan.inventory.store import INVENTORY_FILENAME
from phiscan.scoping.html import HTML_REPORT, SHOWN_READERS, write_html
from phiscan.scoping.ico import write_ico
from phiscan.scoping.report import (
    build_report,
    leaves_out,
    load_scope,
    upper_bound_lines,
    who_can_read,
    without_cyclic_gc,
)
from phiscan.security.files import ensure_private_dir


def people_table(report: dict) -> Table:
    people = report["individuals"]
    return measure_table("people affected", "people", [
        ("individuals (total)", people["total"]),
        ("  lower bound (loose linkage)", people["lower_bound"]),
        ("  upper bound (strict linkage)", people["upper_bound"]),
        ("    of which counted above", people["upper_bound_explained"]["counted"]),
        *[(f"    + {label}", count)
          for label, count in upper_bound_lines(people["upper_bound_explained"])],
        ("with special-category data", people["with_special_category"]),
        ("with home-access details (any)", people["with_home_access"]),
        ("  entry details: code, hidden key, door left open (ICO figure)",
         people["with_entry_details"]),
        ("  key holder named only", people["with_key_holder_only"]),
        ("  given by their own records (not only a household member's note)",
         people["with_own_home_access"]),
        ("a way into a home they left (died, moved out for good; not above)",
         people["with_former_home_access"]),
        ("deceased (counted above)", people["deceased"]),
        ("moved out for good (counted above)", people["moved_out"]),
        ("with an NHS number", people["with_nhs_number"]),
        ("without an NHS number", people["without_nhs_number"]),
        *indented(people["by_category"], "exposed: "),
        ("related people (next of kin, key holders; not counted)", people["related_people"]),
        ("staff names recurring across subjects (not counted)",
         len(report["staff"]["recurring_names"])),
        ("test-range NHS numbers (not people)", report["test_data"]["test_range_nhs_numbers"]),
        ("LINKAGE FAULTS: rows with more dates of birth, NHS numbers or identities than one "
         "person (check them: individuals --export, column linkage_fault)",
         people["linkage_faults"]),
        ("  the most people those rows may be", people["people_in_linkage_faults"]),
        ("  NHS numbers written for several people (data quality)",
         report["data_quality"]["nhs_numbers_for_several_people"]),
    ])


def locations_table(report: dict) -> Table:
    locations, records = report["locations"], report["records"]
    return measure_table("records and locations", "count", [
        ("records", records["total"]),
        ("  linked to individuals", records["linked_to_individuals"]),
        ("  not attributed to anyone", records["unattributed"]),
        ("locations", locations["total"]),
        *indented(locations["by_status"]),
        *indented(locations["by_risk"], "risk "),
        *indented(report["entities"], "findings "),
    ])


# Where every row of a cut list is: the exports the scan wrote beside the inventory.
SEE_ALL_LOCATIONS = (
    "files.csv in the scan folder lists every location with its risk, exposure and readers")


def with_more(table: Table, shown: int, total: int, see_all: str) -> Table:
    """A list cut short says how many rows it left out and where they all are."""
    if total > shown:
        table.caption = f"and {total - shown} more: {see_all}"
    return table


def top_table(report: dict, limit: int = 10) -> Table:
    table = Table(title="top locations by risk")
    table.add_column("risk")
    table.add_column("people", justify="right")
    table.add_column("who can read", overflow="fold")
    table.add_column("location", overflow="fold")
    shown = report["top_locations"][:limit]
    for item in shown:
        table.add_row(item["risk"], str(item["individuals"]), escape(who_can_read(item)),
                      escape(item["location"]))
    at_risk = sum(count for risk, count in report["locations"]["by_risk"].items()
                  if risk != "none")
    return with_more(table, len(shown), at_risk, SEE_ALL_LOCATIONS)


def exposure_table(report: dict) -> Table:
    exposure = report["exposure"]
    return measure_table("who can read sensitive data", "count", [
        ("sensitive and broadly readable: locations",
         exposure["sensitive_broadly_readable"]["locations"]),
        ("sensitive and broadly readable: people",
         exposure["sensitive_broadly_readable"]["people"]),
        *indented(exposure["sensitive_by_exposure"], "sensitive locations "),
        *[(f"personal data {level}: locations, people", f"{held['locations']}, {held['people']}")
          for level, held in exposure["personal_data_by_exposure"].items()],
    ])


def broad_readers_table(report: dict, limit: int = SHOWN_READERS) -> Table:
    """Who can read the sensitive files every account or anyone can read: the top ones
    by people."""
    table = Table(title="sensitive and broadly readable: who can read them")
    table.add_column("people", justify="right")
    table.add_column("risk")
    table.add_column("exposure")
    table.add_column("readers", overflow="fold")
    table.add_column("location", overflow="fold")
    broad = report["exposure"]["sensitive_broadly_readable"]
    shown = broad["top_locations"][:limit]
    for item in shown:
        table.add_row(str(item["people"]), item["risk"], item["exposure"],
                      escape(", ".join(item["readers"])), escape(item["location"]))
    return with_more(table, len(shown), broad["locations"], SEE_ALL_LOCATIONS)


FolderColumns = tuple[tuple[str, str], ...]  # (header, key in the folder row)
BROAD_FOLDERS: FolderColumns = (("broad locations", "broadly_readable_locations"),
                                ("people there", "people_broadly_readable"))
PEOPLE_FOLDERS: FolderColumns = (("people", "people"),
                                 ("sensitive locations", "sensitive_locations"))


def folder_tables(report: dict) -> list[Table]:
    folders = report["exposure"]
    see_all = f"{SEE_ALL_LOCATIONS} (a folder: the path to its last /)"
    broad = folders["top_folders_by_broad_exposure"]
    by_people = folders["top_folders_by_people"]
    return [with_more(folder_table("folders to lock down first (broadly readable sensitive "
                                   "data)", broad, BROAD_FOLDERS),
                      len(broad), folders["folders_with_broadly_readable_sensitive_data"],
                      see_all),
            with_more(folder_table("folders by people affected", by_people, PEOPLE_FOLDERS),
                      len(by_people), folders["folders_with_sensitive_data"], see_all)]


def folder_table(title: str, rows: list[dict], columns: FolderColumns) -> Table:
    """Counts per folder, the folder name last (folded, never cut)."""
    table = Table(title=title)
    for header, _key in columns:
        table.add_column(header, justify="right")
    table.add_column("folder", overflow="fold")
    for row in rows:
        table.add_row(*(str(row[key]) for _header, key in columns), escape(row["folder"]))
    return table


SHOWN_VIOLATIONS = 100  # on screen; --format json lists every one


def policy_tables(report: dict, limit: int = SHOWN_VIOLATIONS) -> list[Table]:
    policy = report["policy"]
    counts = measure_table("policy violations", "count", [
        ("violations", policy["total"]),
        ("locations breaking a rule", policy["locations"]),
        *indented({escape(rule): count for rule, count in policy["by_rule"].items()},
                  "rule "),
    ])
    shown = policy["violations"][:limit]
    title = "violations" + (f" (first {limit} of {policy['total']}; --format json lists all)"
                            if policy["total"] > limit else "")
    table = Table(title=title)
    for header in ("rule", "categories", "exposure", "location"):
        table.add_column(header, overflow="fold")
    for item in shown:  # rule names and paths are the user's: shown as written, never markup
        table.add_row(escape(item["rule"]), ", ".join(item["categories"]), item["exposure"],
                      escape(item["location"]))
    return [counts, table] if shown else [counts]


def report_command(
    out_dir: Annotated[Path, typer.Argument(
        metavar="DIR", help="Scan output folder (holds inventory.sqlite).")],
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="text (Rich tables) or json.")
    ] = "text",
    ico: Annotated[bool, typer.Option(
        "--ico", help="Write ico-art33.md and ico-art33.json (Art. 33(3) figures) in DIR.")
    ] = False,
    html: Annotated[bool, typer.Option(
        "--html", help="Write report.html (one self-contained file) in DIR.")] = False,
    to: Annotated[Path | None, typer.Option(
        "--to", metavar="FOLDER", help="Write the --ico/--html files in FOLDER (created "
        "0700) instead of DIR: while `phiscan watch` or a scan writes DIR.")] = None,
    config_path: Annotated[Path | None, typer.Option(
        "--config", "-c", help="TOML config (\\[scoping] rules).")] = None,
) -> None:
    """Summarise a scan as a breach: people affected, bounds, categories, locations."""
    # The collector stays off until the report is printed and its records, people and
    # tables are freed: switched on between loading the scope and building the report,
    # its first pass walked the millions of objects just made (a tenth of the command).
    with without_cyclic_gc():
        report_to(out_dir, output_format, ico, html, config_path, to)


def report_to(out_dir: Path, output_format: str, ico: bool, html: bool,
              config_path: Path | None, to: Path | None = None) -> None:
    if output_format not in ("text", "json"):
        err_console.print("[red]--format must be text or json[/red]")
        raise typer.Exit(EXIT_USAGE)
    try:
        config = load_config(config_path)
    except ConfigError as exc:
        err_console.print(f"[red]config error: {escape(str(exc))}[/red]")
        raise typer.Exit(EXIT_USAGE) from None
    try:
        scope = load_scope(out_dir, config)
    except FileNotFoundError:
        err_console.print(
            f"[red]no inventory in {escape(str(out_dir))}[/red] (run phiscan scan first)")
        raise typer.Exit(EXIT_USAGE) from None
    with contextlib.ExitStack() as writing:
        if ico or html:  # refused before the work, not after printing it
            writing.enter_context(report_folder_lock(to or out_dir, handover=to is not None))
        report = build_report(scope)
        show_and_write(report, output_format, ico, html, Path(to or out_dir))
    # Written in full, but not the whole breach.
    if report["completeness"]["figures_are_lower_bounds"]:
        err_console.print("[red]report: the inventory is incomplete (exit 3): the figures "
                          "are a lower bound[/red]")
        raise typer.Exit(EXIT_INCOMPLETE)


@contextlib.contextmanager
def report_folder_lock(folder: Path, handover: bool = False) -> Iterator[None]:
    """The writer lock of the folder the report files go to (made 0700 when new); a busy
    one is a usage error naming the holder and `--to`. A `--to` folder is handed over
    (to the DPO, the ICO): its lock file goes with the lock, unless it holds an inventory."""
    ensure_private_dir(folder)
    remove = handover and not (folder / INVENTORY_FILENAME).exists()
    with contextlib.ExitStack() as stack:
        try:
            stack.enter_context(output_lock(folder, "report", remove=remove))
        except OutputBusy as exc:
            raise usage_error(f"{exc}; or write the report files elsewhere with --to FOLDER"
                              ) from None
        yield


def show_and_write(report: dict, output_format: str, ico: bool, html: bool,
                   folder: Path) -> None:
    if output_format == "json":
        print(json.dumps(report, indent=2))
    else:
        completeness = report["completeness"]
        if leaves_out(completeness):
            colour = "red" if completeness["figures_are_lower_bounds"] else "yellow"
            console.print(f"[bold {colour}]{escape(completeness['statement'])}[/bold {colour}]")
        for table in (people_table(report), locations_table(report), top_table(report),
                      exposure_table(report), broad_readers_table(report),
                      *folder_tables(report),
                      *policy_tables(report)):
            console.print(table)
    written = []
    if ico:
        written.extend(write_ico(report, folder))
    if html:
        written.append(write_html(report, folder / HTML_REPORT))
    for path in written:
        err_console.print(f"wrote {escape(str(path))}")


def register(app: typer.Typer) -> None:
    app.command("report")(report_command)
