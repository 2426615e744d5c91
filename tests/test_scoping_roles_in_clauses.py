"""Who a name is, read from its whole clause (issue 15): the person a carer's assessment, a
lasting power of attorney or a staff member's supervision is offered to, given to or held
with takes the role the thing says (`A carers assessment has now been formally offered to
Graham Brammall, DOB ...`: an unpaid carer, related, and his date of birth is his own),
however many linking words stand between (`Met Ruth Calder (sister), DOB ...`: `sister`
after a name is a relation, before one a nurse's title); a participle with `by` names the
doer instead (`completed by Helen Frost`: staff); a possessive after the name is someone else's
(`Carer's assessment for Doreen Walsh's son`: she stays the subject). In a text that
marks its subject, a full name nothing marks is the person its forename is marked as
elsewhere in the text (`His niece Rosalind helped ...`, then `Rosalind Ackerley, DOB ...`:
related, her date of birth hers). A role word before a verb in prose is the verb's doer:
`Carer found Mrs Nora Blakey (DOB ...)`, `District nurse visited Mr Ivor Penhale`,
`Daughter took ...` leave the patient unmarked (before, she was staff, her date of birth
not hers, and she was missed). A topic word after a
name (`Phoned Kevin Ambler regarding the delivery`, `Spoke with ... re equipment`) starts
the topic: it never makes that name the subject's, so a colleague named so in two clients'
notes is never a subject and never brings one client's key-safe code to another. Scanned
and exported by the real CLI; nothing raw leaves without `--reveal`.
"""

from __future__ import annotations

import pytest

from phiscan.detect.entities import normalise
from tests.cli import export_individuals, names_with_roles, scan_quietly
from tests.conftest import assert_no_raw_values
from tests.share_builder import write_files

# Valid NHS numbers (check digit right), none in the test range.
NHS = {"brammall": "4855260185", "pickles": "4851590830", "walsh": "4851860919",
       "okafor": "4853909966", "penhale": "4857877899"}

SOCIAL_WORK_NOTE = f"""Adult Social Care - contact record
Service user: Mrs Edith Brammall   DOB 03/05/1936   NHS {NHS['brammall']}
Visit with Helen Frost (social worker). Met Ruth Calder (sister), DOB 19th July 1941.
Edith is managing with the package.
A carers assessment has now been formally offered to Graham Brammall, DOB 11/09/1961, \
who visits daily.
Carer's assessment completed by Helen Frost on 14/03/2026.
"""
HOSPICE_LETTER = f"""Re: Mr Arnold Pickles (DOB 14.02.1940), NHS {NHS['pickles']}

Lasting power of attorney granted to Janet Pickles (born 02/07/1968) in 2021.
Bereavement support offered to Colin Ashdown, 07700 900418, after the funeral.
"""
CLIENT_NOTE_WALSH = f"""Client: Doreen Walsh (DOB 1939-04-12)  NHS {NHS['walsh']}
Phoned Kevin Ambler regarding the commode delivery.
Carer's assessment for Doreen Walsh's son booked for next week.
Access: key safe by the garage door, code 4471.
"""
CLIENT_NOTE_OKAFOR = f"""Client: Mr Felix Okafor (DOB 1944-08-30)  NHS {NHS['okafor']}
Spoke with Kevin Ambler re equipment. Supervision given to Tom Acheson after the visit.
"""
NURSING_NOTE = """District nursing - visit
Patient: Mr Walter Denby   DOB 02/02/1933
Seen at home. His niece Rosalind helped with the transfer; Walter in good spirits.
Rosalind Ackerley, DOB 19/06/1970, tel 07700 900233, would like a call back.
"""
OUT_OF_HOURS_LOG = f"""Out of hours log 03/04/2026
07:40 Carer found Mrs Nora Blakey (DOB 02/03/1931) on the floor; no injury seen.
09:15 District nurse visited Mr Ivor Penhale, NHS {NHS['penhale']}, catheter changed.
10:30 Daughter took Mrs Nora Blakey to the GP.
"""
ROTA_MAIL = """From: Kevin Ambler <kevin.ambler@council.example>
To: Tom Acheson <tom.acheson@council.example>
Subject: deliveries this week

Two commodes to go out on Thursday.
"""


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    share = tmp_path_factory.mktemp("clause-roles-share")
    out = tmp_path_factory.mktemp("clause-roles-out") / "inventory"
    write_files(share, {"asc/brammall.txt": SOCIAL_WORK_NOTE,
                        "hospice/pickles_letter.txt": HOSPICE_LETTER,
                        "asc/walsh.txt": CLIENT_NOTE_WALSH, "asc/okafor.txt": CLIENT_NOTE_OKAFOR,
                        "mail/deliveries.eml": ROTA_MAIL, "dn/denby.txt": NURSING_NOTE,
                        "ooh/log.txt": OUT_OF_HOURS_LOG})
    scan_quietly(share, out)
    return out


def test_a_thing_done_for_a_person_gives_them_its_role_across_linking_words(scanned):
    assert [role for _, _, role in names_with_roles(scanned, "brammall.txt")] == [
        "subject", "staff", "related", "related", "staff"]
    assert [role for _, _, role in names_with_roles(scanned, "pickles_letter.txt")] == [
        "subject", "related", "related"]


def test_a_forename_the_text_marks_as_a_relative_marks_the_full_name(scanned):
    assert [role for _, _, role in names_with_roles(scanned, "denby.txt")] == [
        "subject", "related"]


def test_a_role_word_before_a_verb_is_its_doer_not_the_names_role(scanned):
    assert [role for _, _, role in names_with_roles(scanned, "ooh/log.txt")] == ["", "", ""]


def test_a_topic_word_after_a_name_never_makes_it_the_subjects(scanned):
    # `Spoke with` before him makes the colleague staff (a contact verb, session 12)
    assert [role for _, _, role in names_with_roles(scanned, "okafor.txt")] == [
        "subject", "staff", "staff"]
    assert [role for _, _, role in names_with_roles(scanned, "walsh.txt")] == [
        "subject", "", ""]


def test_one_row_per_client_with_their_own_date_and_access_only(scanned, tmp_path):
    rows = export_individuals(scanned, tmp_path, "--reveal")
    assert sorted((row["name"], normalise("DATE_OF_BIRTH", row["date_of_birth"]),
                   row["nhs_number"].replace(" ", ""), row["home_access"]) for row in rows) == [
        ("Doreen Walsh", normalise("DATE_OF_BIRTH", "1939-04-12"), NHS["walsh"], "true"),
        ("Mr Arnold Pickles", normalise("DATE_OF_BIRTH", "14.02.1940"), NHS["pickles"],
         "false"),
        ("Mr Felix Okafor", normalise("DATE_OF_BIRTH", "1944-08-30"), NHS["okafor"], "false"),
        ("Mr Ivor Penhale", "", NHS["penhale"], "false"),
        ("Mr Walter Denby", normalise("DATE_OF_BIRTH", "02/02/1933"), "", "false"),
        ("Mrs Edith Brammall", normalise("DATE_OF_BIRTH", "03/05/1936"), NHS["brammall"],
         "false"),
        ("Mrs Nora Blakey", normalise("DATE_OF_BIRTH", "02/03/1931"), "", "false"),
    ]
    related = {row["name"]: sorted(row["related_people"].split("; ")) for row in rows
               if row["related_people"]}
    assert related == {"Mrs Edith Brammall": ["Graham Brammall", "Ruth Calder"],
                       "Mr Arnold Pickles": ["Colin Ashdown", "Janet Pickles"],
                       "Mr Walter Denby": ["Rosalind Ackerley"]}
    assert "Kevin Ambler" not in " ".join(row["other_names"] for row in rows)


def test_nothing_raw_without_reveal(scanned, tmp_path):
    export_individuals(scanned, tmp_path)
    assert_no_raw_values(tmp_path, ["Graham Brammall", "Janet Pickles", "Kevin Ambler",
                                    "11/09/1961", NHS["okafor"]])
