"""Session 24: a record's field naming the adaptation or works done to the home (an adaptations
register's `Adaptation: stairlift (straight)`, a job sheet's `Works: external ramp`) says what
was fitted there, never what the record's key holder or key safe is for: share 23's register
lost two key holders to its `Adaptation` column. A record about a place that is no home still
keeps its lock the place's. Lines written for these tests, none taken from a held-out set."""

from __future__ import annotations

import pytest

from recognizers.access_kinds import ACCESS_KINDS_KEY
from recognizers.home_access_recognizer import HomeAccessRecognizer


def _kinds(text: str) -> list[list[str]]:
    results = HomeAccessRecognizer().analyze(text, ["HOME_ACCESS"])
    return [result.recognition_metadata[ACCESS_KINDS_KEY] for result in results]


@pytest.mark.parametrize(("record", "kinds"), [
    ("Ref: DFG/26/1144\nSurname: Pollard\nForename: Winston\nAdaptation: stairlift (straight)\n"
     "Status: Open\nKey holder: Irene Whiteley (niece)\n", [["key_holder"]]),
    ("Job no: J21382\nWorks: external ramp\nKey holder: Jean Pollard (neighbour)\n",
     [["key_holder"]]),
    ("Surname: Pollard\nAdaptations: ramp + rails\nKey safe: 4471\n", [["code"]]),
    # the record's place is no home: its lock is the place's
    ("Site: Stairlift depot\nKey holder: Irene Whiteley\n", []),
    ("Site: Riverside day centre\nAdaptation: ramp\nKey safe: 4471\n", []),
])
def test_the_works_done_to_a_home_say_nothing_of_what_its_lock_is_for(record, kinds):
    assert _kinds(record) == kinds
