"""The person a note is about, where notes put them (session 15, issue 15): a university
student support service's visit notes headed by their student's name and the note's kind
(`OKONJO Chidinma - disability adviser home visit`, `Ewan QUARRIE - mentor session`), and
a request form whose labels stand without a colon (`Name            Olamide Fasanya`). The
students are identified in the service's register; the notes name them only, so their
ways in count only when the note's name is read and joins them. Written for this batch, in
a world unlike the breach shares (before: 1 of the 5 students with a way in counted, the
`Mx` one).
"""

from __future__ import annotations

import pytest

from recognizers.person_field_recognizer import NameFieldRecognizer
from tests.cli import export_individuals, key, scanned_share
from tests.conftest import assert_no_raw_values


@pytest.fixture(scope="module")
def names():
    return NameFieldRecognizer()


@pytest.mark.parametrize(("text", "found"), [
    ("OKONJO Chidinma - disability adviser home visit\nDate: 02/10/2026\n",
     ["OKONJO Chidinma"]),
    ("\nEwan QUARRIE \u2013 mentor session 4\nMentor: see rota\n", ["Ewan QUARRIE"]),
    # only the text's first line is its title line
    ("Notes\nOKONJO Chidinma - disability adviser home visit\n", []),
    # no dash after it, or words that are no name
    ("OKONJO Chidinma disability adviser home visit\n", []),
    ("NHS Trust - annual report\n", []),
    ("MRI Brain - report\n", []),
    # a heading: the word beside the capitals an English word's or an organisation's
    ("URGENT Referral - community team\n", []),
    ("HALIFAX Office - rota\n", []),
    ("CALDERDALE Council - minutes\n", []),
    # a label without a colon, aligned with the line below
    ("Name            Olamide Fasanya\nCourse          MEng Chemical Engineering\n",
     ["Olamide Fasanya"]),
    # not aligned, or a label that holds no name
    ("Name     Olamide Fasanya\nCourse          MEng Chemical Engineering\n", []),
    ("Course          Olamide Fasanya\nYear            Two\n", []),
    # a tab's gap: aligned once the tabs are expanded
    ("Name\tOlamide Fasanya\nDOB\t01/02/1990\n", ["Olamide Fasanya"]),
    ("Name\t\tOlamide Fasanya\nDOB\t01/02/1990\n", []),
])
def test_names_read_where_notes_put_them(names, text, found):
    assert [text[result.start:result.end]
            for result in names.analyze(text, ["PERSON"])] == found

REGISTER = (
    "Surname,Forename,Date of birth,Student no,Term postcode\n"
    "Okonjo,Chidinma,14/02/2004,S2231871,LS6 2QT\n"
    "Fairclough,Bethan,03/09/2003,S2219044,LS6 1AB\n"
    "Quarrie,Ewan,22/11/2005,S2240012,LS4 2PL\n"
    "Fasanya,Olamide,07/07/2002,S2198833,LS2 9JT\n"
    "Lindqvist,Astrid,30/01/2004,S2227765,LS6 3HN\n"
    "Obuya,Ruth,18/05/2003,S2211190,LS7 3EE\n"
    "Pemberton-Ayles,Kit,09/12/2004,S2233004,LS6 4AA\n"
    "Tennant,Oliver,11/03/2001,S2190087,LS8 1RT\n"
)

STUDENTS = {
    "support/register_2026-27.csv": REGISTER,
    # the note's first line: SURNAME Forename, then what the note is
    "support/adviser_notes/OKONJO_2026-10-02.txt": (
        "OKONJO Chidinma - disability adviser home visit\n"
        "Visit date: 02/10/2026   Adviser: Rhiannon Pryde (Disability Adviser)\n\n"
        "Met Chidinma at her shared house. Discussed exam arrangements after her recent"
        " seizures: rest breaks and a reader.\n"
        "Getting in: she is often asleep after a seizure, so the house has a key safe by the"
        " bins, code 6240.\n\n"
        "Next review in six weeks. RP\n"),
    "support/adviser_notes/fairclough welfare check.txt": (
        "FAIRCLOUGH Bethan \u2013 welfare check (concern raised by her flatmates)\n"
        "Date: 14/10/2026\n\n"
        "Low mood, not attending lectures, anxiety about money. Agreed a GP appointment.\n"
        "If she does not answer, the spare key is under the blue plant pot by the back"
        " door.\n"),
    # Forename SURNAME heading the note
    "support/mentoring/quarrie.txt": (
        "Ewan QUARRIE - specialist mentor session 4\n"
        "Mentor: Gareth Ollerenshaw\n\n"
        "Worked on a revision timetable; autism-related overload in the library.\n"
        "The front door is left on the latch for the mentor on Tuesdays.\n"),
    # a form whose labels stand without a colon
    "support/requests/home visit request 0917.txt": (
        "STUDENT SUPPORT SERVICE\n"
        "Home visit request\n\n"
        "Name            Olamide Fasanya\n"
        "Student no      S2198833\n"
        "Course          MEng Chemical Engineering\n"
        "Requested by    Dr Alan Pike (personal tutor)\n"
        "Reason          missed deadlines, depression\n"
        "Access          key safe left of the front door, code 1958\n"),
    # a name the title rules read (`Mx`) and one they did not (`Master`)
    "support/adviser_notes/pemberton-ayles.txt": (
        "Re: Mx Kit Pemberton-Ayles\n"
        "Date: 20/10/2026\n\n"
        "Chronic fatigue; agreed a reduced study load. Lock box by the side door, code"
        " 7081.\n"),
    # a staff member's name heading a note about no student
    "support/adviser_notes/PRYDE caseload.txt": (
        "PRYDE Rhiannon - caseload summary, autumn term\n"
        "Open cases 31, closed 12. Office door code 4410 for cover staff.\n"),
}


@pytest.fixture(scope="module")
def students_scanned(tmp_path_factory):
    return scanned_share(tmp_path_factory, "subject-lines", STUDENTS)


def test_the_student_a_note_is_about_gets_its_way_in(students_scanned, tmp_path):
    rows = export_individuals(students_scanned, tmp_path, "--reveal")
    assert sorted((key("PERSON", row["name"]), row["date_of_birth"], row["home_access_kinds"])
                  for row in rows) == sorted([
                      (key("PERSON", "Chidinma Okonjo"), "14/02/2004", "code"),
                      (key("PERSON", "Bethan Fairclough"), "03/09/2003", "hidden_key"),
                      (key("PERSON", "Ewan Quarrie"), "22/11/2005", "left_open"),
                      (key("PERSON", "Olamide Fasanya"), "07/07/2002", "code"),
                      (key("PERSON", "Astrid Lindqvist"), "30/01/2004", ""),
                      (key("PERSON", "Ruth Obuya"), "18/05/2003", ""),
                      (key("PERSON", "Kit Pemberton-Ayles"), "09/12/2004", "code"),
                      (key("PERSON", "Oliver Tennant"), "11/03/2001", "")])


def test_nothing_raw_without_reveal(students_scanned, tmp_path):
    export_individuals(students_scanned, tmp_path)
    for written in (tmp_path, students_scanned):
        # (file names are locations, shown as they are: the names inside are not)
        assert_no_raw_values(written, ["6240", "Chidinma", "Bethan", "Ewan", "Fasanya"])
