"""A person known by one name and registered under another is one person, their legal name
the row's name (session 19, people-names). Share 18's counselling notes head each client by
the name they go by and say the legal one in the intake line (`CLIENT: Jay McCarthy ...
Intake: DOB ... (legal name Hamza McCarthy)`), while the GP's records carry the legal name:
the note became a second person. A name after `legal name`, `registered as`, `known as`,
`preferred name` is the record's subject's (`phiscan/data/roles.txt`); one after a `[legal
name]` phrase, or in a field so named (`legalName.first`), is their legal name: the row's
`name`, the name they go by in `other_names`. A counsellor heading the note is staff
(`counsellor` a job word: it was the note's subject). An incident report's Markdown label
(`**Student:** Kieran Peter McCarthy (24164703), DOB ...`) gives the whole name, the student
number in brackets no bar to it (the first given name was lost: another extra person).
Written for this batch (before: 3 rows for 2 people, the note a second person with no other
name; an extract row by student number joined nobody).
"""

from __future__ import annotations

import pytest

from tests.cli import export_individuals, key, scanned_share
from tests.conftest import assert_no_raw_values

COUNSELLING_NOTE = (
    "CLIENT: Jay Quarmby    Student no: 25438170    Counsellor: Declan Ferncastle\n"
    "Intake: DOB 29/06/2007 (legal name Hamza Quarmby)\n"
    "Presenting: low mood, panic attacks\n\n"
    "Session 1 - 19/08/2026\nDiscussed sleep and exam stress. Plan: review in 2 weeks.\n"
)
GP_RECORD = (
    "Wexcombe University Health Centre - consultation\n"
    "Patient: QUARMBY, Hamza\nDOB: 29/06/2007\nNHS: 943 476 5919\n"
    "Seen by: Dr Marianne Oyelaran\nProblem: depression\n"
)
MAILING_LIST = (
    "Email,First Name,Last Name,Mailing list\n"
    "hquarmby170@student.example.ac.uk,Jay,Quarmby,Disability Service updates\n"
)
INCIDENT = (
    "# Serious incident report\n\n"
    "**Student:** Kieran Peter Ellerby (24164703), DOB 6 August 2004\n"
    "**Date:** 12 March 2026\n\n## Summary\nFound unresponsive in his room; asthma.\n"
)
GP_LIST = (
    "Name,DOB,NHS number,Condition\n"
    "Kieran Ellerby,06/08/2004,401 023 2137,asthma\n"
)
FILES = {"counselling/Jay Q 25438170.txt": COUNSELLING_NOTE, "gp/consultation.txt": GP_RECORD,
         "office/mailing_list.csv": MAILING_LIST, "office/IR_2026-03-12_24164703.md": INCIDENT,
         "gp/asthma_register.csv": GP_LIST}


@pytest.fixture(scope="module")
def legal_names_scanned(tmp_path_factory):
    return scanned_share(tmp_path_factory, "legal-names", FILES)


def test_one_row_each_by_the_legal_name(legal_names_scanned, tmp_path):
    rows = export_individuals(legal_names_scanned, tmp_path, "--reveal")
    assert sorted((key("PERSON", row["name"]), key("UK_NHS", row["nhs_number"]),
                   key("DATE_OF_BIRTH", row["date_of_birth"])) for row in rows) == sorted([
                       (key("PERSON", "Hamza Quarmby"), key("UK_NHS", "9434765919"),
                        key("DATE_OF_BIRTH", "29/06/2007")),
                       (key("PERSON", "Kieran Ellerby"), key("UK_NHS", "4010232137"),
                        key("DATE_OF_BIRTH", "06/08/2004"))])


def test_the_name_they_go_by_is_their_other_name(legal_names_scanned, tmp_path):
    rows = export_individuals(legal_names_scanned, tmp_path, "--reveal")
    hamza = next(row for row in rows if key("PERSON", row["name"]) == key("PERSON", "Hamza "
                                                                              "Quarmby"))
    assert [key("PERSON", name) for name in hamza["other_names"].split("; ")] == [
        key("PERSON", "Jay Quarmby")]
    assert int(hamza["records"]) == 3  # the note, the consultation, the mailing list


def test_nothing_raw_without_reveal(legal_names_scanned, tmp_path):
    export_individuals(legal_names_scanned, tmp_path)
    for written in (tmp_path, legal_names_scanned):
        assert_no_raw_values(written, ["Quarmby", "Ferncastle", "Ellerby"])


# A student service's extracts keyed by student number alone (an engagement export: no name,
# no date of birth) are the student's whose record gives that number beside their name: a
# university's `Student no` is the person's local identifier (`recognizers.local_ids`).
STUDENT_NOTE = ("Client: Precious Ackerley\nStudent no: 24870338\nDOB: 09/03/2006\n"
                "Presenting: anxiety, low mood\n")
ENGAGEMENT = ("Student number,Sessions missed,Flag\n24870338,6,wellbeing concern\n"
              "24870339,0,\n")


def test_a_student_number_joins_the_students_extract_rows(tmp_path_factory, tmp_path):
    out = scanned_share(tmp_path_factory, "student-numbers", {
        "wellbeing/note_0412.txt": STUDENT_NOTE, "engagement/export.csv": ENGAGEMENT})
    rows = export_individuals(out, tmp_path, "--reveal")
    assert [(key("PERSON", row["name"]), row["records"], row["locations"]) for row in rows] == [
        (key("PERSON", "Precious Ackerley"), "2", "2")]
