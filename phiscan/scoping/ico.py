"""The figures the ICO's personal data breach report asks for (UK GDPR Art. 33(3)).

Art. 33(3)(a) wants the nature of the breach including, where possible, the
categories and approximate number of data subjects and of personal data
records. This module states those figures with the method and its bounds; the
parts only the controller knows (DPO contact, consequences, measures) are left
as prompts. It never contains personal data: counts and category names only.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from phiscan.detect.entities import SPECIAL_CATEGORIES
from phiscan.model import MEMBER_SEP
from phiscan.scoping.report import folder_of, leaves_out
from phiscan.security.files import open_private
from phiscan.security.terminal import escape_controls

ICO_MARKDOWN = "ico-art33.md"
ICO_JSON = "ico-art33.json"
ICO_SCHEMA = "phiscan.ico-art33/3"

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


# Characters Markdown (and the HTML it may hold) reads as markup inside a line of text.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
# A file name's word after its first letter: what may be a surname (`careplan-ackroyd`).
_NAME_WORD = re.compile(r"(?<=[^\W\d_])[^\W\d_]+")
# Its digits when a run of four or more may be a date or an NHS number; shorter runs
# alone are sequence numbers (`letter-030`) and stay, so that listed files differ.
_LONG_NUMBER = re.compile(r"\d{4}")
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,5}$")


def markdown_text(text: str) -> str:
    """Text a reader wrote (a source name, a reason) shown as itself in Markdown."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", escape_controls(text).replace("\n", " "))


def masked_location(location: str) -> str:
    """A location as the draft names it: its folder as it is, the rest (file name, archive
    members) with each word's first letter only, no digit where a long number is, the
    extension kept: `s3://b/ipu/care-plans/c*******-a******.txt`, `s3://b/l*****-030.pdf`.
    Enough to find it in `files.csv`."""
    folder = folder_of(location) if "/" in location.split(MEMBER_SEP, 1)[0] else ""
    rest = location[len(folder):]
    extension = _EXTENSION.search(rest)
    stem = rest[:extension.start()] if extension else rest
    hidden = _NAME_WORD.sub(lambda match: "*" * len(match.group()), stem)
    if _LONG_NUMBER.search(hidden):
        hidden = re.sub(r"\d", "*", hidden)
    return folder + hidden + (extension.group() if extension else "")


def _masked_items(items: list[dict]) -> list[dict]:
    return [{**item, "location": masked_location(item["location"])} for item in items]


def _category_item(category: str, individuals: int) -> dict:
    return {"category": category, "label": CATEGORY_LABELS.get(category, category),
            "individuals": individuals, "special_category": category in SPECIAL_CATEGORIES}


def _categories(report: dict) -> list[dict]:
    return [_category_item(category, count)
            for category, count in report["individuals"]["by_category"].items()]


def staff_names(report: dict) -> int:
    """Distinct staff names: `staff.names` already holds the recurring ones (moved to
    staff in every record where they recur), so they are not added again."""
    return report["staff"]["names"]


def _data_subject_types(report: dict) -> list[str]:
    """Each kind of person whose data is exposed, with a count: those counted in the total,
    and the related people and staff the records name, who are not."""
    individuals = report["individuals"]
    types = []
    if individuals["total"]:
        by_address = individuals["identified_by"]["name_and_address"]
        types.append(f"Patients or service users: {individuals['total']} (identified by NHS "
                     "number, or by name with date of birth" + (
                         f"; {by_address} of them by name and address only"
                         if by_address else "") + ")")
    if individuals["with_home_access"]:
        types.append("People receiving care at home with home-access details in the leak: "
                     f"{individuals['with_home_access']} (of the patients above)")
    if individuals["related_people"]:
        types.append("Related people named in the records (next of kin, key holders, family "
                     f"contacts): {individuals['related_people']} distinct names; their names "
                     "and relationship are exposed; not counted in the total above")
    staff = staff_names(report)
    if staff:
        types.append(f"Staff named in the records (carers, clinicians, authors): {staff} "
                     "distinct names; exposed as staff, not counted in the total above")
    return types


def build_ico(report: dict) -> dict:
    individuals, records = report["individuals"], report["records"]
    not_read = report["locations"]["not_read"]
    uncounted = report["locations"]["sensitive_without_people"]
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
            "with_entry_details": individuals["with_entry_details"],
            "with_key_holder_named_only": individuals["with_key_holder_only"],
            "identified_by_name_and_address_only":
                individuals["identified_by"]["name_and_address"],
            "linkage_faults": individuals["linkage_faults"],
            "people_in_linkage_faults": individuals["people_in_linkage_faults"],
            "with_any_home_access_details": individuals["with_home_access"],
            "with_former_home_access_details": individuals["with_former_home_access"],
            "deceased": individuals["deceased"],
            "moved_out": individuals["moved_out"],
            "related_people": individuals["related_people"],
            "staff_names": staff_names(report),
            "types": _data_subject_types(report),
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
        "exposure": {"personal_data_by_exposure":
                     report["exposure"]["personal_data_by_exposure"],
                     "sensitive_broadly_readable": {
                         key: report["exposure"]["sensitive_broadly_readable"][key]
                         for key in ("locations", "people")}},
        "test_data": report["test_data"],
        "locations": {"total": report["locations"]["total"],
                      "special_category": report["locations"]["special_category"],
                      "by_risk": report["locations"]["by_risk"],
                      "by_category": report["locations"]["by_category"],
                      "not_read": {**not_read, "locations": _masked_items(
                          not_read["locations"])},
                      "sensitive_without_people": {**uncounted, "locations": _masked_items(
                          uncounted["locations"])}},
        "method": report["method"],
        "to_complete_by_controller": CONTROLLER_PROMPTS,
    }


def _markdown_lines(ico: dict) -> list[str]:
    subjects, records = ico["data_subjects"], ico["records"]
    rows = _category_rows(ico)
    lines = [
        "# Personal data breach: figures for the ICO report (UK GDPR Art. 33(3))",
        "",
        *_statement_lines(ico["completeness"]),
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
        "- with home-access details of any kind (a key-safe or door code, a hidden key, a "
        "door left open, or a key holder named; the Home-access row of the categories "
        f"table): {subjects['with_any_home_access_details']}",
        "  - of whom their home can be entered from the leaked details alone (a code, a "
        f"hidden key, a door left open): {subjects['with_entry_details']}",
        "  - of whom only a key holder is named (no code, key or open door): "
        f"{subjects['with_key_holder_named_only']}",
        *(["- with the way into a home they no longer live in (they died, or moved out for "
           "good; a family may still live there: the controller decides whom to tell): "
           f"{subjects['with_former_home_access_details']}"]
          if subjects["with_former_home_access_details"] else []),
        *([f"- deceased (counted above: NHS confidentiality covers them, UK GDPR does not): "
           f"{subjects['deceased']}"] if subjects["deceased"] else []),
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
        *_uncounted_lines(ico["locations"]["sensitive_without_people"]),
        "",
        f"Special-category data: **{'yes' if ico['special_category_data'] else 'no'}**. "
        f"Criminal-offence data (Art. 10): {ico['criminal_offence_data']['note']}.",
        "",
        "## Who could read it",
        "",
        *_exposure_lines(ico["exposure"]),
        "",
        *_not_read_lines(ico["locations"]["not_read"]),
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


EXPOSURE_WORDS = {"public": "readable by anyone, without an account (public)",
                  "broad": "readable by every account on the system or domain",
                  "group": "readable by the members of named groups",
                  "restricted": "readable by the owner and named accounts only",
                  "unknown": "whose permissions could not be read"}


def _exposure_lines(exposure: dict) -> list[str]:
    """Who could read the personal data, widest first: a public location is stated
    whatever categories it holds."""
    by_level = exposure["personal_data_by_exposure"]
    lines = [f"- {'**' if level == 'public' else ''}{by_level[level]['locations']} "
             f"location(s) with personal data {EXPOSURE_WORDS[level]}"
             f"{'**' if level == 'public' else ''}, holding data of "
             f"{by_level[level]['people']} of the people counted"
             for level in EXPOSURE_WORDS if level in by_level]
    broad = exposure["sensitive_broadly_readable"]
    lines.append(f"- of those readable by anyone or every account, with special-category "
                 f"data or home-access details: {broad['locations']} location(s), "
                 f"{broad['people']} people")
    return lines


def _category_rows(ico: dict) -> list[dict]:
    """Each category with the people counted and the locations holding it: a category
    found in files about no countable person still has its row."""
    items = {item["category"]: item for item in ico["categories_of_personal_data"]}
    locations = ico["locations"]["by_category"]
    return [{**items.get(category, _category_item(category, 0)),
             "locations": locations.get(category, 0)}
            for category in dict.fromkeys([*items, *locations])]


def _statement_lines(completeness: dict) -> list[str]:
    """The completeness sentence first, in bold when the figures leave anything out."""
    text = markdown_text(completeness["statement"])
    return [f"**{text}**" if leaves_out(completeness) else text, ""]


def _listed(items: list[dict], total: int) -> str:
    named = ", ".join(markdown_text(item["location"]) for item in items)
    return named + (f" and {total - len(items)} more" if total > len(items) else "")


def _uncounted_lines(uncounted: dict) -> list[str]:
    """A warning where locations hold special-category or home-access data but no counted
    person: the people it is about are named without a date of birth or NHS number, and a
    responder must find them by reading those locations."""
    if not uncounted["total"]:
        return []
    categories = sorted({CATEGORY_LABELS.get(category, category).split(" (")[0]
                         for item in uncounted["locations"] for category in item["categories"]
                         if category in SPECIAL_CATEGORIES or category == "home_access"})
    return ["", f"**Check before sending**: {uncounted['total']} location(s) hold "
            f"{'; '.join(categories)} about people this method could not count (named "
            "without a date of birth or NHS number): "
            f"{_listed(uncounted['locations'], uncounted['total'])}. Read those locations "
            "(`files.csv`, column `categories`) to find who they are."]


def _not_read_lines(not_read: dict) -> list[str]:
    """The locations listed but never read, by reason, and the first few: what they hold
    is in no figure above."""
    if not not_read["total"]:
        return []
    return ["## Locations not read", "",
            *[f"- {markdown_text(reason)}: {count}" for reason, count
              in not_read["by_reason"].items()],
            *[f"- {markdown_text(item['location'])} "
              f"({markdown_text(item['status'] + ': ' + item['reason'])}, "
              f"{EXPOSURE_WORDS.get(item['exposure'], item['exposure'])})"
              for item in not_read["locations"]],
            *([f"- and {not_read['total'] - len(not_read['locations'])} more "
               "(`files.csv`, column `status`)"]
              if not_read["total"] > len(not_read["locations"]) else []),
            ""]


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
