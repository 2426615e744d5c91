"""The figures the ICO's personal data breach report asks for (UK GDPR Art. 33(3)).

Art. 33(3)(a) wants the nature of the breach including, where possible, the
categories and approximate number of data subjects and of personal data
records. This module states those figures with the method and its bounds; the
parts only the controller knows (DPO contact, consequences, measures) are left
as prompts. It never contains personal data: counts and category names only.
"""

from __future__ import annotations

import json
from pathlib import Path

from phiscan.detect.entities import SPECIAL_CATEGORIES
from phiscan.scoping.subject_records import HOME_ACCESS
from phiscan.security.files import open_private

ICO_MARKDOWN = "ico-art33.md"
ICO_JSON = "ico-art33.json"
ICO_SCHEMA = "phiscan.ico-art33/1"

CATEGORY_LABELS = {
    "identifiers": "Identifiers (NHS number, name, date of birth)",
    "contact": "Contact details (address, postcode, e-mail, phone)",
    "financial": "Financial details (card numbers, bank accounts)",
    "health": "Health data (conditions, medications, clinical codes)",
    "ethnicity": "Racial or ethnic origin",
    "religion": "Religious or philosophical beliefs",
    "sexual_orientation": "Sex life or sexual orientation",
    "home_access": "Home-access details (key-safe and door codes, hidden keys, doors left "
                   "open, key holders named)",
    "other": "Other personal data",
}
CONTROLLER_PROMPTS = {
    "dpo_contact": "Name and contact details of the DPO or other contact point: to complete.",
    "likely_consequences": "Likely consequences for the people affected: to complete "
                           "(home-access details put people receiving care at risk of "
                           "burglary and harm; health data is special category).",
    "measures": "Measures taken or proposed, including to mitigate adverse effects: "
                "to complete (for example, changing key-safe codes of the people listed).",
}


def _category_item(category: str, individuals: int) -> dict:
    return {"category": category, "label": CATEGORY_LABELS.get(category, category),
            "individuals": individuals, "special_category": category in SPECIAL_CATEGORIES}


def _categories(report: dict) -> list[dict]:
    return [_category_item(category, count)
            for category, count in report["individuals"]["by_category"].items()]


def _data_subject_types(individuals: dict) -> list[str]:
    types = []
    if individuals["total"]:
        by_address = individuals["identified_by"]["name_and_address"]
        types.append(f"Patients or service users: {individuals['total']} (identified by NHS "
                     "number, or by name with date of birth" + (
                         f"; {by_address} of them by name and address only"
                         if by_address else "") + ")")
    if individuals["with_entry_details"]:
        types.append("People receiving care at home whose home can be entered from the "
                     "leaked details (key-safe or door codes, hidden keys, doors left open): "
                     f"{individuals['with_entry_details']}")
    if individuals["with_key_holder_only"]:
        types.append("People receiving care at home for whom only a key holder is named: "
                     f"{individuals['with_key_holder_only']}")
    types.append("Staff named without a date of birth or NHS number (for example on rotas) "
                 "are not counted as data subjects by this method")
    return types


def build_ico(report: dict) -> dict:
    individuals, records = report["individuals"], report["records"]
    categories = _categories(report)
    return {
        "schema": ICO_SCHEMA,
        "generated_at": report["generated_at"],
        "completeness": report["completeness"],
        "data_subjects": {
            "approximate_number": individuals["total"],
            "lower_bound": individuals["lower_bound"],
            "upper_bound": individuals["upper_bound"],
            "with_special_category_data": individuals["with_special_category"],
            "with_home_access_details": individuals["with_entry_details"],
            "with_key_holder_named_only": individuals["with_key_holder_only"],
            "identified_by_name_and_address_only":
                individuals["identified_by"]["name_and_address"],
            "linkage_faults": individuals["linkage_faults"],
            "people_in_linkage_faults": individuals["people_in_linkage_faults"],
            "types": _data_subject_types(individuals),
        },
        "records": {
            "approximate_number": records["total"],
            "linked_to_data_subjects": records["linked_to_individuals"],
            "test_data_only": records["test_data_only"],
        },
        "categories_of_personal_data": categories,
        # Art. 9 data was exposed when any location holds it, whether or not the method
        # could count the people it is about (a name without a date of birth is no one).
        "special_category_data": (any(item["special_category"] for item in categories)
                                  or report["locations"]["special_category"] > 0),
        "criminal_offence_data": {
            "detected": False,
            "note": "phiscan has no recognizer for criminal-offence data (Art. 10): "
                    "review the locations listed manually",
        },
        "test_data": report["test_data"],
        "locations": {"total": report["locations"]["total"],
                      "special_category": report["locations"]["special_category"],
                      "by_risk": report["locations"]["by_risk"],
                      "by_category": report["locations"]["by_category"]},
        "method": report["method"],
        "to_complete_by_controller": CONTROLLER_PROMPTS,
    }


def _markdown_lines(ico: dict) -> list[str]:
    subjects, records = ico["data_subjects"], ico["records"]
    rows = _category_rows(ico)
    lines = [
        "# Personal data breach: figures for the ICO report (UK GDPR Art. 33(3))",
        "",
        *([f"**{ico['completeness']['statement']}**", ""]
          if ico["completeness"]["lower_bound"] else []),
        "Prepared by phiscan from the scan inventory. Counts only: this document contains "
        "no personal data.",
        "",
        "## Approximate number of data subjects",
        "",
        f"- **{subjects['approximate_number']}** people "
        f"(between {subjects['lower_bound']} and {subjects['upper_bound']}, see Method)",
        *([f"- of whom identified by name and address only (no NHS number or date of birth: "
           "a name at a postcode with the way into that home, as on a key-safe list): "
           f"{subjects['identified_by_name_and_address_only']}"]
          if subjects["identified_by_name_and_address_only"] else []),
        f"- with special-category (health) data: {subjects['with_special_category_data']}",
        "- with home-access details (their home can be entered from the leak: a key-safe "
        f"or door code, a hidden key, a door left open): "
        f"{subjects['with_home_access_details']}",
        f"- with only a key holder named: {subjects['with_key_holder_named_only']}",
        *([f"- **check before sending**: {subjects['linkage_faults']} of these rows carry "
           "more dates of birth, NHS numbers or identities than one person (linkage faults: up to "
           f"{subjects['people_in_linkage_faults']} people; `individuals --export`, column "
           "`linkage_fault`)"] if subjects["linkage_faults"] else []),
        "",
        "Types of data subject:",
        "",
        *[f"- {kind}" for kind in subjects["types"]],
        "",
        "## Approximate number of personal data records",
        "",
        f"- **{records['approximate_number']}** records "
        f"({records['linked_to_data_subjects']} linked to a data subject; "
        f"{records['test_data_only']} hold only test-range NHS numbers)",
        "",
        "## Categories of personal data",
        "",
        "| category | people | locations | special category (Art. 9) |",
        "|---|---:|---:|---|",
        *[f"| {item['label']} | {item['individuals']} | {item['locations']} | "
          f"{'yes' if item['special_category'] else 'no'} |" for item in rows],
        *_uncounted_lines(rows),
        "",
        f"Special-category data: **{'yes' if ico['special_category_data'] else 'no'}**. "
        f"Criminal-offence data (Art. 10): {ico['criminal_offence_data']['note']}.",
        "",
        "## Method and bounds",
        "",
        *[f"- {name.replace('_', ' ')}: {text}" for name, text in ico["method"].items()],
        f"- test-range NHS numbers found (not counted as people): "
        f"{ico['test_data']['test_range_nhs_numbers']}",
        "",
        "## To complete by the controller",
        "",
        *[f"- {text}" for text in ico["to_complete_by_controller"].values()],
    ]
    return lines


def _category_rows(ico: dict) -> list[dict]:
    """Each category with the people counted and the locations holding it: a category
    found in files about no countable person still has its row."""
    items = {item["category"]: item for item in ico["categories_of_personal_data"]}
    locations = ico["locations"]["by_category"]
    return [{**items.get(category, _category_item(category, 0)),
             "locations": locations.get(category, 0)}
            for category in dict.fromkeys([*items, *locations])]


def _uncounted_lines(rows: list[dict]) -> list[str]:
    """A warning where locations hold special-category or home-access data that no
    counted person carries: the people it is about are named without a date of birth or
    NHS number, and a responder must find them by reading those locations."""
    uncounted = [row["label"] for row in rows if row["locations"] and not row["individuals"]
                 and (row["special_category"] or row["category"] == HOME_ACCESS)]
    if not uncounted:
        return []
    return ["", "**Check before sending**: locations hold "
            + "; ".join(uncounted) + " about people this method could not count (named "
            "without a date of birth or NHS number). Read those locations (`files.csv`, "
            "column `categories`) to find who they are."]


def render_markdown(ico: dict) -> str:
    return "\n".join(_markdown_lines(ico)) + "\n"


def write_ico(report: dict, out_dir: Path) -> tuple[Path, Path]:
    ico = build_ico(report)
    markdown_path, json_path = out_dir / ICO_MARKDOWN, out_dir / ICO_JSON
    with open_private(markdown_path) as handle:
        handle.write(render_markdown(ico))
    with open_private(json_path) as handle:
        json.dump(ico, handle, indent=2)
        handle.write("\n")
    return markdown_path, json_path
