"""`phiscan diff OLD NEW` / `phiscan diff DIR [--runs A B]`: what changed between two scans.

Exit codes: 0 compared (whatever changed); 2 usage error, no inventory, runs that cannot
be compared, or two sides made with different HMAC keys.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from phiscan.commands.console import (
    ConfigOption,
    console,
    err_console,
    load_or_exit,
    refuse_unsafe_target,
    usage_error,
)
from phiscan.model import utc_time
from phiscan.scoping.changes import DiffProblem, build_diff, folder_side, run_sides

TEXT_LIMIT = 50
HEADINGS = {
    "appeared": "appeared",
    "went": "went (deleted, moved or no longer listed)",
    "became_sensitive": "became sensitive (special-category or home-access data)",
    "stopped_being_sensitive": "stopped being sensitive",
    "contents_changed": "contents changed (entity types or categories added or gone, or a "
                        "type found more often)",
    "exposure_changed": "exposure changed",
    "risk_changed": "risk changed",
    "no_longer_read": "no longer read (skipped or error now: not known to be clean)",
}


def _when(epoch: float | None) -> str:
    if epoch is None:
        return "not finished"
    return utc_time(epoch)


def _side_line(name: str, side: dict) -> str:
    run = side["run"]
    return (f"{name}: {side['label']} (run {run['id']}, {run['kind']} {run['status']}, "
            f"finished {_when(run['finished_at'])}): {side['locations']} locations, "
            f"{side['sensitive_locations']} sensitive, {side['people']} people")


def _location_line(name: str, item: dict) -> str:
    where = item["location"]
    if name in ("appeared", "went"):
        sensitive = ", sensitive" if item["sensitive"] else ""
        return f"  {where}  [{item['status']}, risk {item['risk']}, {item['exposure']}{sensitive}]"
    if name in ("became_sensitive", "stopped_being_sensitive"):
        return f"  {where}  [risk {item['risk']}; {', '.join(item['categories']) or 'nothing'}]"
    if name == "contents_changed":
        return f"  {where}  [risk {item['risk']}] {contents_line(item)}"
    if name == "exposure_changed":
        return (f"  {where}  {item['old']} -> {item['new']} "
                f"({', '.join(item['new_principals']) or 'no one listed'})")
    if name == "no_longer_read":
        return f"  {where}  {item['old']} -> {item['new']}: {item['reason']}"
    return f"  {where}  {item['old']} -> {item['new']}"


def contents_line(item: dict) -> str:
    """`+HOME_ACCESS 1, +UK_NHS 1; -PERSON 2; categories +home_access`: types and counts."""
    parts = [", ".join(f"{sign}{name} {count}" for name, count in item[field].items())
             for sign, field in (("+", "added"), ("-", "removed")) if item[field]]
    categories = [f"{sign}{name}" for sign, field in (("+", "added_categories"),
                                                      ("-", "removed_categories"))
                  for name in item[field]]
    if categories:
        parts.append("categories " + ", ".join(categories))
    return "; ".join(parts)


def _person_line(person: dict) -> str:
    shown = [person["individual_id"]]
    for label, key in (("NHS", "nhs_number_masked"), ("name", "name_masked"),
                       ("born", "date_of_birth_masked")):
        if person[key]:
            shown.append(f"{label} {person[key]}")
    shown.append(f"{person['categories'] or 'no category'}; {person['locations']} location(s)")
    return "  " + "  ".join(shown)


def _capped(lines: list[str], limit: int) -> list[str]:
    if len(lines) <= limit:
        return lines
    return [*lines[:limit], f"  ... and {len(lines) - limit} more (all in --format json)"]


def render_text(diff: dict, limit: int = TEXT_LIMIT) -> list[str]:
    lines = [_side_line("old", diff["old"]), _side_line("new", diff["new"])]
    if not diff["key"]["checked"]:
        lines.append(f"note: {diff['key']['note']}")
    for name, heading in HEADINGS.items():
        items = diff["locations"][name]
        lines.append(f"{heading}: {len(items)}")
        lines += _capped([_location_line(name, item) for item in items], limit)
    people = diff["people"]
    lines.append(f"people: {people['old_total']} -> {people['new_total']}; newly affected "
                 f"{people['newly_affected']}, no longer found {people['no_longer_found']}, "
                 f"not re-read {people['not_re_read']} (found before in a file not read "
                 "whole now)")
    lines.append(f"newly affected people: {people['newly_affected']}")
    lines += _capped([_person_line(person) for person in people["newly_affected_people"]], limit)
    return lines + _violation_lines(diff["violations"], limit)


def _violation_lines(violations: dict, limit: int) -> list[str]:
    if not violations["rules"]:
        return ["policy: no [[policy]] rules in the config (give diff the scans' --config to "
                "compare violations)"]
    lines = []
    for name, heading in (("new", "new policy violations"), ("resolved", "violations resolved"),
                          ("no_longer_read", "violations at locations no longer read (not "
                                             "known to be resolved)")):
        lines.append(f"{heading}: {len(violations[name])}")
        lines += _capped([f"  {item['location']}  {item['rule']}: {item['reason']}"
                          for item in violations[name]], limit)
    return lines


def diff_command(
    old: Annotated[Path, typer.Argument(
        help="The older scan output folder, or the one inventory whose runs to compare.")],
    new: Annotated[Path | None, typer.Argument(
        help="The newer scan output folder (omit to compare two runs in OLD).")] = None,
    runs: Annotated[tuple[int, int] | None, typer.Option(
        "--runs", help="Two run ids in OLD to compare (default: its last two completed runs).")
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="text or json.")] = "text",
    html: Annotated[Path | None, typer.Option(
        "--html", help="Also write the changes as one self-contained HTML page (0600).")
    ] = None,
    limit: Annotated[int, typer.Option(
        help="Lines per section in text (json lists everything).")] = TEXT_LIMIT,
    config_path: ConfigOption = None,
) -> None:
    """What changed between two scans: locations that appeared, went, became or stopped
    being sensitive, gained or lost entity types or categories, changed exposure or risk;
    people newly affected; new policy violations (the --config's \\[\\[policy]] rules
    applied to both scans)."""
    if output_format not in ("text", "json"):
        raise usage_error("--format must be text or json")
    if new is not None and runs is not None:
        raise usage_error("give either two folders or one folder with --runs, not both")
    if html is not None:
        refuse_unsafe_target(html)
    config = load_or_exit(config_path)
    try:
        if new is None:
            old_side, new_side = run_sides(old, config, runs)
        else:
            old_side, new_side = folder_side(old, config), folder_side(new, config)
        diff = build_diff(old_side, new_side, config.policy)
    except DiffProblem as exc:
        raise usage_error(str(exc)) from None
    if output_format == "json":
        print(json.dumps(diff, indent=2))
    else:
        for line in render_text(diff, limit):
            console.print(line, highlight=False, markup=False, soft_wrap=True)
    if html is not None:
        from phiscan.scoping.diff_html import write_diff_html

        err_console.print(f"wrote {write_diff_html(diff, html)}", highlight=False,
                          markup=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    app.command("diff")(diff_command)
