"""`phiscan diff --html FILE`: the changes between two scans as one self-contained page.

The report page's style and cards (`phiscan.scoping.html`): inline CSS, no script,
nothing fetched. Built from the diff document, so it holds no more than `--format json`
does (locations, levels, counts, pseudonymous ids and masked previews).
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from phiscan.scoping.html import RISK_COLOURS, STYLE, _card
from phiscan.security.files import open_private

SECTIONS = (
    ("appeared", "Appeared", ("status", "risk", "exposure", "sensitive")),
    ("went", "Went (deleted, moved or no longer listed)", ("status", "risk", "exposure",
                                                           "sensitive")),
    ("became_sensitive", "Became sensitive", ("risk", "categories")),
    ("stopped_being_sensitive", "Stopped being sensitive", ("risk", "categories")),
    ("contents_changed", "Contents changed (entity types or categories added or gone)",
     ("risk", "added", "removed", "added_categories", "removed_categories")),
    ("exposure_changed", "Exposure changed", ("old", "new", "new_principals")),
    ("risk_changed", "Risk changed", ("old", "new")),
    ("no_longer_read", "No longer read (not known to be clean)", ("old", "new", "reason")),
)
PERSON_COLUMNS = ("individual_id", "nhs_number_masked", "name_masked", "date_of_birth_masked",
                  "categories", "locations", "first_locations")


def _cell(column: str, value: object) -> str:
    if isinstance(value, dict):  # entity type -> how many more or fewer
        value = ", ".join(f"{name} {count}" for name, count in value.items())
    elif isinstance(value, list):
        value = ", ".join(map(str, value))
    elif isinstance(value, bool):
        value = "yes" if value else "no"
    text = escape(str(value))
    if column in ("risk", "old", "new") and str(value) in RISK_COLOURS:
        return (f"<td><span class='risk' style='background:{RISK_COLOURS[str(value)]}'>"
                f"{text}</span></td>")
    return f"<td>{text}</td>"


def _table(items: list[dict], columns: tuple[str, ...], first: str) -> str:
    if not items:
        return "<p class='note'>None.</p>"
    head = "".join(f"<th>{escape(column.replace('_', ' '))}</th>" for column in columns)
    rows = "".join(
        f"<tr><td class='loc'>{escape(str(item[first]))}</td>"
        + "".join(_cell(column, item[column]) for column in columns) + "</tr>"
        for item in items)
    return (f"<table><thead><tr><th>{escape(first.replace('_', ' '))}</th>{head}</tr></thead>"
            f"<tbody>{rows}</tbody></table>")


def _violations(violations: dict) -> str:
    if not violations["rules"]:
        return ("<h2>Policy violations</h2><p class='note'>No [[policy]] rules in the config "
                "given to diff: violations not compared.</p>")
    return "".join(
        f"<h2>{title} ({len(violations[name])})</h2>"
        + _table(violations[name], ("rule", "reason"), "location")
        for name, title in (("new", "New policy violations"),
                            ("resolved", "Policy violations resolved"),
                            ("no_longer_read", "Policy violations at locations no longer "
                                               "read (not known to be resolved)")))


def _side(name: str, side: dict) -> str:
    run = side["run"]
    return (f"<li><b>{name}</b>: <span class='loc'>{escape(side['label'])}</span>, run "
            f"{run['id']} ({escape(run['kind'])}, {escape(run['status'])}): "
            f"{side['locations']} locations, {side['sensitive_locations']} sensitive, "
            f"{side['people']} people</li>")


def render_diff_html(diff: dict) -> str:
    counts, people = diff["counts"], diff["people"]
    cards = "<div class='cards'>" + "".join([
        _card("people newly affected", people["newly_affected"],
              alert=people["newly_affected"] > 0),
        _card("locations became sensitive", counts["became_sensitive"],
              alert=counts["became_sensitive"] > 0),
        _card("locations with contents changed", counts["contents_changed"],
              alert=counts["contents_changed"] > 0),
        _card("locations appeared", counts["appeared"]),
        _card("locations went", counts["went"]),
        _card("exposure changed", counts["exposure_changed"]),
        _card("risk changed", counts["risk_changed"]),
        _card("people no longer found", people["no_longer_found"]),
        _card("people not re-read", people["not_re_read"], alert=people["not_re_read"] > 0),
        _card("new policy violations", len(diff["violations"]["new"]),
              alert=bool(diff["violations"]["new"])),
        _card("policy violations resolved", len(diff["violations"]["resolved"])),
    ]) + "</div>"
    sections = "".join(
        f"<h2>{escape(title)} ({counts[name]})</h2>"
        + _table(diff["locations"][name], columns, "location")
        for name, title, columns in SECTIONS)
    key_note = "" if diff["key"]["checked"] else (
        f"<p class='note'>{escape(diff['key']['note'])}</p>")
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<title>phiscan: what changed</title>"
        f"<style>{STYLE}</style></head><body>"
        "<h1>phiscan: what changed since the previous scan</h1>"
        f"<p class='note'>phiscan {escape(diff['phiscan_version'])}. Locations, levels, "
        "counts, pseudonymous ids and masked previews only: no identifiers.</p>"
        f"<ul>{_side('old', diff['old'])}{_side('new', diff['new'])}</ul>{key_note}"
        + cards + sections
        + f"<h2>People newly affected ({people['newly_affected']})</h2>"
        + _table(people["newly_affected_people"], PERSON_COLUMNS[1:], PERSON_COLUMNS[0])
        + _violations(diff["violations"])
        + "</body></html>\n"
    )


def write_diff_html(diff: dict, path: Path) -> Path:
    with open_private(path) as handle:
        handle.write(render_diff_html(diff))
    return path
