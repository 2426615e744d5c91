"""A name before its age in brackets heads an e-mail's or a list's entry (issue 15): a
supported-employment coordinator's e-mail about two clients, `Re Tunde Bakare (41):
...` over the first client's key-safe code and `Re Helen Whitaker (38): ...` below it.
Before, NER read only the second name, so the body was hers and she took the first client's
code; with both names read the body names two people and no identifier, and its code is left
unattributed rather than guessed onto one of them. A list line (`- Mrs Ida Wray (91) seen at
home`) gives its name too; a line's first words alone (`Ward Round (3) moved`) give none.
"""

from __future__ import annotations

import pytest

from tests.cli import export_individuals, key, names_with_roles, report_json, scanned_share

CLIENTS = (
    "Client name,Date of birth,Postcode\n"
    "Tunde Bakare,14/02/1985,LS7 3PQ\n"
    "Helen Whitaker,26/03/1988,LS6 1UN\n"
    "Ida Wray,05/05/1935,LS9 8DD\n"
)
MAIL = (
    "From: Tom Barraclough <tom.barraclough@workwise.example>\n"
    "To: Rosie Fairburn <rosie.fairburn@workwise.example>\n"
    "Subject: Client updates (2 people)\n"
    "Date: Mon, 02 Nov 2026 11:05:00 +0000\n"
    "Content-Type: text/plain; charset=utf-8\n"
    "\n"
    "Hi Rosie,\n"
    "\n"
    "Re Tunde Bakare (41): the job coach visit is on Thursday.\n"
    "For the visit: key safe on the wall by the porch, code 0762.\n"
    "Re Helen Whitaker (38): the employer has asked for a workplace assessment.\n"
    "\n"
    "Thanks\n"
    "Tom Barraclough\n"
)
ROUND = (
    "Welfare round - Tuesday\n"
    "- Mrs Ida Wray (91) seen at home, all well.\n"
    "Ward Round (3) moved to Friday.\n"
)
SHARE = {"clients/register.csv": CLIENTS, "mail/updates.eml": MAIL, "rounds/welfare.txt": ROUND}


@pytest.fixture(scope="module")
def updates(tmp_path_factory):
    return scanned_share(tmp_path_factory, "bracketed-age", SHARE)


def test_both_clients_of_the_mail_are_read_and_neither_takes_the_code(updates, tmp_path):
    rows = export_individuals(updates, tmp_path, "--reveal")
    assert sorted((key("PERSON", row["name"]), row["home_access"]) for row in rows) == sorted(
        (key("PERSON", name), "false")
        for name in ("Tunde Bakare", "Helen Whitaker", "Ida Wray"))
    assert report_json(updates)["records"]["with_home_access"] == 1


def test_names_before_a_bracketed_age_after_a_topic_word_or_a_list_marker(updates):
    assert [(masked, role) for _, masked, role in names_with_roles(updates, "updates.eml")
            if role != "staff"] == [("T**** B*****", "subject"), ("H**** W*******", "subject")]
    assert [masked for _, masked, _ in names_with_roles(updates, "welfare")] == ["Mrs I** W***"]


# Session 11's review (brief fix-rec): a lower-case list item is a name only before an
# address in its bracket (a house number then a capitalised word, `flat`, `apt`).
@pytest.mark.parametrize(("text", "name"), [
    ("* dog walker (10am) - key in the key safe", None),
    ("- tea towels (4 packs)", None),
    ("- repeat prescription (28 days)", None),
    ("- jade hughes (12 Heather Bank)", "jade hughes"),
    ("* nia o'brien (flat 3, Mill Court)", "nia o'brien"),
])
def test_a_lower_case_list_item_is_a_name_only_before_an_address(text, name):
    from recognizers.person_field_recognizer import NameFieldRecognizer
    found = [text[r.start:r.end] for r in NameFieldRecognizer().analyze(text, ["PERSON"])]
    assert found == ([name] if name else [])


# Session 11's review (brief fix-rec): a list line's first words before a bracketed number
# are no name when each is a word the reading knows (`Ward Round (3)`), and a household
# phrase's value ending in a condition's or a scheme's word is none.
@pytest.mark.parametrize(("text", "name"), [
    ("- Ward Round (3)", None), ("- Fire Door (2)", None),
    ("She lives with Bipolar Affective Disorder", None),
    ("Lives with Hidden Disabilities Sunflower scheme", None),
    ("- Mrs Ida Wray (91) moved in today", "Mrs Ida Wray"),
    ("lives with his partner Owen Tierney", "Owen Tierney"),
])
def test_list_heads_and_household_values_that_are_no_names(text, name):
    from recognizers.person_field_recognizer import NameFieldRecognizer
    found = [text[r.start:r.end] for r in NameFieldRecognizer().analyze(text, ["PERSON"])]
    assert found == ([name] if name else [])


# Session 26 (share 23's concierge handovers): a list item's name before its home in brackets
# (`* Ivy Leyland (flat 39): KS code ...`) heads the entry as before its age; a place's words
# before a bracketed room stay no name.
@pytest.mark.parametrize(("text", "name"), [
    ("* Winifred Oates (flat 39): new fob issued", "Winifred Oates"),
    ("- Mr Tariq Bashir (Room 12) - door code changed", "Mr Tariq Bashir"),
    ("* Agnes Pybus (No. 7): carer in am", "Agnes Pybus"),
    ("* Laundry Room (room 4): machine fixed", None),
    ("- Guest Suite (flat 2): booked for family", None),
])
def test_a_list_items_name_before_its_home_in_brackets(text, name):
    from recognizers.person_field_recognizer import NameFieldRecognizer
    found = [text[r.start:r.end] for r in NameFieldRecognizer().analyze(text, ["PERSON"])]
    assert found == ([name] if name else [])
