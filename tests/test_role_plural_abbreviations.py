"""A role abbreviation in the plural before a list of names (session 15): a budget review's
`PAs: Graham Pollitt (12 hrs/wk); Sandra Kettlewell (6 hrs/wk)` names two personal
assistants, staff like `PA: ...`; `GPs:` and `OTs:` the same. Before, only words of four
letters or more were read as plurals, so `PAs` gave no role and the holder's date of birth
made a PA a data subject. A three-letter word that is no listed role's plural (`Was`,
`Yes`) still gives none.
"""

from __future__ import annotations

import pytest

from phiscan.detect.roles import RoleRules
from tests.cli import export_individuals, key, scanned_share
from tests.conftest import assert_no_raw_values


def roles_in(text: str, names: list[str]) -> list[str]:
    rules = RoleRules.load()
    return [rules.role_of(text, text.index(name), text.index(name) + len(name))
            for name in names]


@pytest.mark.parametrize(("text", "names", "roles"), [
    ("PAs: Graham Pollitt (12 hrs/wk); Sandra Kettlewell (6 hrs/wk).",
     ["Graham Pollitt", "Sandra Kettlewell"], ["staff", "staff"]),
    ("PA: Graham Pollitt (12 hrs/wk).", ["Graham Pollitt"], ["staff"]),
    ("GPs: Wayne Ormerod, Nadia Cheema", ["Wayne Ormerod", "Nadia Cheema"],
     ["staff", "staff"]),
    ("OTs: Rhys Ingham", ["Rhys Ingham"], ["staff"]),
    ("Has: Graham Pollitt", ["Graham Pollitt"], [""]),
    ("Yes: Graham Pollitt rang back.", ["Graham Pollitt"], [""]),
])
def test_a_plural_role_abbreviation_makes_its_names_staff(text, names, roles):
    assert roles_in(text, names) == roles


REVIEW = (
    "Budget review - Doreen Whitcombe\n"
    "12/10/2026  |  Holder DOB 1938-05-19  |  Ref BR-44120\n"
    "Reviewer: Harriet Colquhoun, Oakfield Budget Support\n"
    "\n"
    "Doreen manages own budget; her son helps with paperwork. Parkinson's disease, falls in"
    " July.\n"
    "PAs: Graham Pollitt (12 hrs/wk); Sandra Kettlewell (6 hrs/wk).\n"
    "Timesheets checked for Jul-Sep.\n"
)
RAW = ["Graham Pollitt", "Sandra Kettlewell", "1938-05-19", "Whitcombe"]


@pytest.fixture(scope="module")
def review(tmp_path_factory):
    return scanned_share(tmp_path_factory, "plural-pas", {"budget/review_br44120.txt": REVIEW})


def test_no_personal_assistant_is_a_data_subject(review, tmp_path):
    rows = export_individuals(review, tmp_path, "--reveal")
    assert [key("PERSON", row["name"]) for row in rows
            if key("PERSON", row["name"]) in {key("PERSON", "Graham Pollitt"),
                                               key("PERSON", "Sandra Kettlewell")}] == []
    assert_no_raw_values(review, RAW)
