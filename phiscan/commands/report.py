"""`phiscan report DIR`: the breach summary (Rich tables, JSON, ICO figures, HTML)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from phiscan.scoping.html import HTML_REPORT, write_html
from phiscan.scoping.ico import write_ico
from phiscan.scoping.report import build_report, load_scope

EXIT_USAGE = 2
console = Console()
err_console = Console(stderr=True)


def people_table(report: dict) -> Table:
    people = report["individuals"]
    table = Table(title="people affected")
    table.add_column("measure")
    table.add_column("people", justify="right")
    table.add_row("individuals (total)", str(people["total"]))
    table.add_row("  lower bound (loose linkage)", str(people["lower_bound"]))
    table.add_row("  upper bound (strict linkage)", str(people["upper_bound"]))
    table.add_row("with special-category data", str(people["with_special_category"]))
    table.add_row("with home-access details", str(people["with_home_access"]))
    table.add_row("with an NHS number", str(people["with_nhs_number"]))
    table.add_row("without an NHS number", str(people["without_nhs_number"]))
    for category, count in people["by_category"].items():
        table.add_row(f"  exposed: {category}", str(count))
    table.add_row("test-range NHS numbers (not people)",
                  str(report["test_data"]["test_range_nhs_numbers"]))
    return table


def locations_table(report: dict) -> Table:
    locations, records = report["locations"], report["records"]
    table = Table(title="records and locations")
    table.add_column("measure")
    table.add_column("count", justify="right")
    table.add_row("records", str(records["total"]))
    table.add_row("  linked to individuals", str(records["linked_to_individuals"]))
    table.add_row("  not attributed to anyone", str(records["unattributed"]))
    table.add_row("locations", str(locations["total"]))
    for status, count in locations["by_status"].items():
        table.add_row(f"  {status}", str(count))
    for risk, count in locations["by_risk"].items():
        table.add_row(f"  risk {risk}", str(count))
    for entity, count in report["entities"].items():
        table.add_row(f"  findings {entity}", str(count))
    return table


def top_table(report: dict, limit: int = 10) -> Table:
    table = Table(title="top locations by risk")
    table.add_column("risk")
    table.add_column("people", justify="right")
    table.add_column("location", overflow="fold")
    for item in report["top_locations"][:limit]:
        table.add_row(item["risk"], str(item["individuals"]), item["location"])
    return table


def report_command(
    out_dir: Annotated[Path, typer.Argument(help="Scan output folder (holds inventory.sqlite).")],
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="text (Rich tables) or json.")
    ] = "text",
    ico: Annotated[bool, typer.Option(
        "--ico", help="Write ico-art33.md and ico-art33.json (Art. 33(3) figures) in DIR.")
    ] = False,
    html: Annotated[bool, typer.Option(
        "--html", help="Write report.html (one self-contained file) in DIR.")] = False,
) -> None:
    """Summarise a scan as a breach: people affected, bounds, categories, locations."""
    if output_format not in ("text", "json"):
        err_console.print("[red]--format must be text or json[/red]")
        raise typer.Exit(EXIT_USAGE)
    try:
        scope = load_scope(out_dir)
    except FileNotFoundError:
        err_console.print(f"[red]no inventory in {out_dir}[/red] (run phiscan scan first)")
        raise typer.Exit(EXIT_USAGE) from None
    report = build_report(scope)
    if output_format == "json":
        print(json.dumps(report, indent=2))
    else:
        for table in (people_table(report), locations_table(report), top_table(report)):
            console.print(table)
    written = []
    if ico:
        written.extend(write_ico(report, Path(out_dir)))
    if html:
        written.append(write_html(report, Path(out_dir) / HTML_REPORT))
    for path in written:
        err_console.print(f"wrote {path}")


def register(app: typer.Typer) -> None:
    app.command("report")(report_command)
