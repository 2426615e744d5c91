"""One self-contained HTML file: summary, charts, top locations.

Inline CSS and inline SVG only: no script, no external stylesheet, font or
image, so it opens offline and fetches nothing. Built from the report data, so
it holds no more than the JSON report does (counts, locations, categories).
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from phiscan.scoping.report import leaves_out, upper_bound_lines, who_can_read
from phiscan.security.files import open_private

HTML_REPORT = "report.html"
BAR_HEIGHT = 22
CHART_WIDTH = 520
LABEL_WIDTH = 170
RISK_COLOURS = {"critical": "#7b1020", "high": "#c0392b", "medium": "#e67e22", "low": "#f1c40f",
                "none": "#95a5a6"}
DEFAULT_COLOUR = "#2c6e9b"

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:60rem;
color:#1d1d1d;padding:0 1rem}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
.cards{display:flex;flex-wrap:wrap;gap:1rem}
.card{border:1px solid #ccc;border-radius:6px;padding:.8rem 1rem;min-width:10rem}
.card .n{font-size:1.8rem;font-weight:bold}.card .l{font-size:.85rem;color:#555}
.incomplete{border:2px solid #7b1020;padding:.6em;color:#7b1020}
.card.alert{border-color:#7b1020}.card.alert .n{color:#7b1020}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border-bottom:1px solid #e2e2e2;padding:.3rem .5rem;text-align:left;vertical-align:top}
td.num{text-align:right}.loc{word-break:break-all;font-family:monospace;font-size:.8rem}
.risk{color:#fff;border-radius:3px;padding:0 .4rem}
svg text{font-size:12px;font-family:inherit}
.note{color:#555;font-size:.85rem}
"""


def bar_chart(title: str, values: dict[str, int], colours: dict[str, str] | None = None) -> str:
    """A horizontal bar chart as inline SVG."""
    if not values:
        return f"<p class='note'>{escape(title)}: nothing to show.</p>"
    largest = max(values.values()) or 1
    height = BAR_HEIGHT * len(values) + 10
    bar_space = CHART_WIDTH - LABEL_WIDTH - 60
    rows = []
    for index, (label, count) in enumerate(values.items()):
        y = index * BAR_HEIGHT + 5
        width = max(1, round(bar_space * count / largest)) if count else 0
        colour = (colours or {}).get(label, DEFAULT_COLOUR)
        rows.append(
            f"<text x='{LABEL_WIDTH - 6}' y='{y + 15}' text-anchor='end'>{escape(label)}</text>"
            f"<rect x='{LABEL_WIDTH}' y='{y + 3}' width='{width}' height='{BAR_HEIGHT - 6}' "
            f"fill='{colour}'/>"
            f"<text x='{LABEL_WIDTH + width + 5}' y='{y + 15}'>{count}</text>"
        )
    return (
        f"<figure><figcaption>{escape(title)}</figcaption>"
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{CHART_WIDTH}' height='{height}' "
        f"role='img' aria-label='{escape(title)}'>{''.join(rows)}</svg></figure>"
    )


def _card(label: str, value: object, alert: bool = False) -> str:
    css = "card alert" if alert else "card"
    return (f"<div class='{css}'><div class='n'>{escape(str(value))}</div>"
            f"<div class='l'>{escape(label)}</div></div>")


def _cards(report: dict) -> str:
    people = report["individuals"]
    return "<div class='cards'>" + "".join([
        _card("people affected", people["total"], alert=True),
        _card("range (lower to upper bound)",
              f"{people['lower_bound']} to {people['upper_bound']}"),
        _card("with health or other special-category data", people["with_special_category"]),
        _card("home can be entered from the leak (codes, hidden keys, doors left open)",
              people["with_entry_details"], alert=people["with_entry_details"] > 0),
        _card("only a key holder named", people["with_key_holder_only"]),
        _card("with an NHS number", people["with_nhs_number"]),
        _card("records", report["records"]["total"]),
        _card("locations", report["locations"]["total"]),
        _card("test-range NHS numbers (not people)",
              report["test_data"]["test_range_nhs_numbers"]),
    ]) + "</div>"


CHART_LABEL_CHARS = 22  # with the rank, what fits LABEL_WIDTH at the chart's font size


def short_path(path: str, limit: int = CHART_LABEL_CHARS) -> str:
    """A path cut from the left to fit a chart label: the end of a path tells it apart
    (`…/Podiatry/Letters`), its start (`/srv/share`) is the same for every row."""
    path = path.replace("!", "/")
    return path if len(path) <= limit else "…" + path[-(limit - 1):]


def ranked_bars(rows: list[dict], path_field: str, count_field: str,
                limit: int = 10) -> dict[str, int]:
    """Bars for the first `limit` rows with a count, one per row: keyed by the row's rank and
    its shortened path, so two rows never merge into one bar, however alike their paths
    (`Podiatry/Letters` and `SALT/Letters`). The tables below have the full paths."""
    ranked = [row for row in rows if row[count_field]][:limit]
    return {f"{index}. {short_path(row[path_field])}": row[count_field]
            for index, row in enumerate(ranked, start=1)}


def _people_per_location(report: dict) -> dict[str, int]:
    ranked = sorted(report["top_locations"], key=lambda item: -item["individuals"])
    return ranked_bars(ranked, "location", "individuals")


SEE_ALL = "<code>files.csv</code> in the scan folder lists every location"


def _more(shown: int, total: int) -> str:
    """A list cut short says how many it left out and where they all are."""
    return (f"<p class='note'>And {total - shown} more: {SEE_ALL}.</p>"
            if total > shown else "")


def _top_locations_table(report: dict) -> str:
    rows = [
        f"<tr><td><span class='risk' style='background:{RISK_COLOURS.get(item['risk'], '#555')}'>"
        f"{escape(item['risk'])}</span></td><td class='num'>{item['individuals']}</td>"
        f"<td>{escape(', '.join(item['categories']))}</td>"
        f"<td>{escape(who_can_read(item))}</td>"
        f"<td class='loc'>{escape(item['location'])}</td></tr>"
        for item in report["top_locations"]
    ]
    at_risk = sum(count for risk, count in report["locations"]["by_risk"].items()
                  if risk != "none")
    return ("<table><thead><tr><th>risk</th><th>people</th><th>categories</th>"
            "<th>who can read</th><th>location</th></tr></thead><tbody>" + "".join(rows)
            + "</tbody></table>"
            + _more(len(rows), at_risk))


SHOWN_READERS = 10  # in the text and HTML reports; the JSON report lists up to TOP_LOCATIONS


def _exposure(report: dict) -> str:
    """Sensitive data every account (broad) or anyone (public) can read, and the folders
    to lock down first."""
    exposure = report["exposure"]
    broad = exposure["sensitive_broadly_readable"]
    cards = "<div class='cards'>" + "".join([
        _card("sensitive locations broadly readable", broad["locations"],
              alert=broad["locations"] > 0),
        _card("people in them", broad["people"], alert=broad["people"] > 0),
    ]) + "</div>"
    rows = [
        f"<tr><td class='num'>{row['broadly_readable_locations']}</td>"
        f"<td class='num'>{row['people_broadly_readable']}</td>"
        f"<td class='loc'>{escape(row['folder'])}</td></tr>"
        for row in exposure["top_folders_by_broad_exposure"]
    ]
    table = ("<table><thead><tr><th>broad locations</th><th>people there</th>"
             "<th>folder</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")
    readers = [
        f"<tr><td class='num'>{item['people']}</td><td>{escape(item['risk'])}</td>"
        f"<td>{escape(item['exposure'])}</td><td>{escape(', '.join(item['readers']))}</td>"
        f"<td class='loc'>{escape(item['location'])}</td></tr>"
        for item in broad["top_locations"][:SHOWN_READERS]
    ]
    readers_table = ("<table><thead><tr><th>people</th><th>risk</th><th>exposure</th>"
                     "<th>readers</th><th>location</th></tr></thead><tbody>"
                     + "".join(readers) + "</tbody></table>")
    by_people = ranked_bars(exposure["top_folders_by_people"], "folder", "people")
    return (cards + bar_chart("sensitive locations by exposure",
                              exposure["sensitive_by_exposure"])
            + bar_chart("people per folder (top 10)", by_people)
            + "<h3>Sensitive files every account (broad) or anyone (public) can read, and who reads"
            " them</h3>" + readers_table + _more(len(readers), broad["locations"])
            + "<h3>Folders to lock down first</h3>" + table
            + _more(len(rows), exposure["folders_with_broadly_readable_sensitive_data"]))


SHOWN_VIOLATIONS = 100  # the JSON report lists every one


def _policy(report: dict) -> str:
    """The [[policy]] rules broken: counts per rule and the violations themselves."""
    policy = report["policy"]
    cards = "<div class='cards'>" + "".join([
        _card("policy violations", policy["total"], alert=policy["total"] > 0),
        _card("locations breaking a rule", policy["locations"], alert=policy["locations"] > 0),
    ]) + "</div>"
    rows = [
        f"<tr><td>{escape(item['rule'])}</td><td>{escape(', '.join(item['categories']))}</td>"
        f"<td>{escape(item['exposure'])}</td><td class='loc'>{escape(item['location'])}</td></tr>"
        for item in policy["violations"][:SHOWN_VIOLATIONS]
    ]
    more = (f"<p class='note'>The first {SHOWN_VIOLATIONS} of {policy['total']}: "
            "<code>phiscan report --format json</code> lists every one.</p>"
            if policy["total"] > SHOWN_VIOLATIONS else "")
    table = ("<table><thead><tr><th>rule</th><th>categories</th><th>exposure</th>"
             "<th>location</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
             if rows else "<p class='note'>No location breaks a rule.</p>")
    per_rule = "".join(f"<tr><td>{escape(rule)}</td><td class='num'>{count}</td></tr>"
                       for rule, count in policy["by_rule"].items())
    by_rule = ("<table><thead><tr><th>rule</th><th>violations</th></tr></thead><tbody>"
               + per_rule + "</tbody></table>" if per_rule else "")
    return cards + by_rule + "<h3>Violations</h3>" + table + more


def _upper_bound(report: dict) -> str:
    """What makes up the upper bound beyond the people counted, by class of evidence."""
    section = report["individuals"]["upper_bound_explained"]
    rows = "".join(f"<tr><td>{escape(label)}</td><td class='num'>{count}</td></tr>"
                   for label, count in [("people counted", section["counted"]),
                                        *upper_bound_lines(section)])
    return (f"<p class='note'>The upper bound, {section['upper_bound']}, is the people counted "
            f"and {section['possible_further_people']} possible further people:</p>"
            "<table><thead><tr><th>evidence</th><th>people</th></tr></thead><tbody>"
            + rows + "</tbody></table>")


def _method(report: dict) -> str:
    items = "".join(f"<li><b>{escape(name.replace('_', ' '))}</b>: {escape(text)}</li>"
                    for name, text in report["method"].items())
    return f"<ul class='note'>{items}</ul>"


def _incomplete(report: dict) -> str:
    """The lower-bound warning of an incomplete scan, or what else the figures leave out
    (locations not read, locations removed since a scan read them), before any figure."""
    completeness = report["completeness"]
    if not leaves_out(completeness):
        return ""
    return ("<p class='incomplete' role='alert'><strong>"
            f"{escape(completeness['statement'])}</strong></p>")


def render_html(report: dict) -> str:
    locations = report["locations"]
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<title>phiscan breach report</title>"
        f"<style>{STYLE}</style></head><body>"
        "<h1>phiscan breach report</h1>"
        + _incomplete(report)
        + f"<p class='note'>phiscan {escape(report['phiscan_version'])}. Counts, categories and "
        "the names of files and objects as they are, which may hold a person's name: no "
        "value found in them (NHS number, date of birth, name). Keep it as you would the "
        "data.</p>"
        + _cards(report)
        + "<h2>The upper bound explained</h2>" + _upper_bound(report)
        + "<h2>People by category of data exposed</h2>"
        + bar_chart("people by category", report["individuals"]["by_category"])
        + "<h2>Locations</h2>"
        + bar_chart("people per location (top 10)", _people_per_location(report))
        + bar_chart("locations by risk", locations["by_risk"], RISK_COLOURS)
        + bar_chart("locations by category", locations["by_category"])
        + bar_chart("locations by status", locations["by_status"])
        + "<h2>Top locations by risk</h2>" + _top_locations_table(report)
        + "<h2>Who can read sensitive data</h2>" + _exposure(report)
        + "<h2>Policy violations</h2>" + _policy(report)
        + "<h2>Method</h2>" + _method(report)
        + "</body></html>\n"
    )


def write_html(report: dict, path: Path) -> Path:
    with open_private(path) as handle:
        handle.write(render_html(report))
    return path
