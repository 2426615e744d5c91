"""A record whose subject is named in part is about that person, not the others it names
(issue 15, from blind share 23).

A council's adaptations service e-mails its contractors when a client dies: `Re Mr Ogley
(26.12.1950), 6 Tong Road - job J20679. Sadly Horace passed away ... Key safe to be taken off
once Hazel Bains has cleared the house.` The subject is `Mr Ogley`; the only full name is the
relative's, which took his date of birth and made her a person to notify (and `Sadly Horace` a
second one). Its bereavement letter goes to the relative with `Re: the late Glenys Verity, 14
Moorland View` (a topic line with the person's details after it, which spaCy reads as a
place), and a contractor's quote names the client by an initial beside `Surveyor: Leanne
Coates` (a trade's job word). Each row must be the register's person, once, with no one
else's name.
"""

from __future__ import annotations

import pytest

from tests.cli import export_individuals, key, scanned_share

REGISTER = ("Ref,NHS Number,Surname,Forename,DOB,Postcode\n"
            "DFG/25/1365,4852000018,Ogley,Horace,26/12/1950,WF15 1FH\n"
            "DFG/26/1770,4852000026,Verity,Glenys,10/03/1933,WF10 3AP\n"
            "DFG/25/1747,4852000034,Marsh,Emrys,19/11/1937,HX3 6RB\n"
            "DFG/26/1014,4852000042,Fairclough,Mavis,14/01/1928,LS13 2QT\n"
            "DFG/26/1713,4852000050,Firth,Kathleen,19/04/1955,HX3 6RB\n")


def _closure_mail(to: str, subject: str, birth: str, forename: str, relative: str) -> str:
    return (f"From: Ryan Jennings <ryan.jennings@adapt.example.gov.uk>\nTo: {to} "
            "<fitters@contractor.example.co.uk>\nSubject: access\n\n"
            f"Hi,\n\nRe {subject} ({birth}), 6 Tong Road - job J20679.\n"
            f"Sadly {forename} passed away on 28/10/2026. Please stand the fitters down. Key "
            f"safe to be taken off once {relative} has cleared the house.\n\nThanks\nRyan\n"
            "Ryan Jennings | Home Adaptations | 07700 900283\n")


LETTER = ("Adult Social Care - Home Adaptations Service\nCivic Centre, Halifax HX1 1ZZ\n"
          "08/10/2026\nMrs Una Booth\nDear Mrs Booth,\n"
          "Re: the late Glenys Verity, 14 Moorland View, Wakefield WF10 3AP\n"
          "Date of birth 10.03.1933\n"
          "I was very sorry to hear of your relative's death. The grant application for the "
          "level-access shower has been closed.\nYours sincerely\nDanielle Pritchard\n"
          "Occupational Therapist\n")


def _quote(client: str, flat: int, job: str) -> str:
    return ("Stairways North\nQUOTATION\nQuote ref Q-J21382 Date 01/09/2026\n"
            f"For: {client}, Flat {flat}, Calder Mews, Halifax HX3 6RB\n"
            f"Council ref: {job} Surveyor: Leanne Coates\n"
            "Supply and fit door-entry system\nQuote valid 30 days. Estimator: Callum Iqbal\n")




def _assessment(client: str, birth: str, number: str, flat: int) -> str:
    return (f"OT assessment (home adaptations)\nClient: {client}\nD.O.B {birth}\n"
            f"NHS number {number}\nAddress: Flat {flat}, Calder Mews, Halifax HX3 6RB\n"
            "Visit date: 17/08/2026   OT: Kayleigh Tennant\n\nRecommendation: door-entry "
            "system.\n\nSigned: Kayleigh Tennant\n")


SHARE = {
    "register/clients.csv": REGISTER,
    "mail/ogley.eml": _closure_mail("Gavin", "Mr Ogley", "26.12.1950", "Horace",
                                    "Hazel Bains"),
    "mail/fairclough.eml": _closure_mail("Callum", "Ms Fairclough", "14th January 1928",
                                         "Mavis", "Rita Kellett"),
    "letters/verity_closure.txt": LETTER,
    "ot/marsh.txt": _assessment("Mr E. Marsh", "1937-11-19", "4852000034", 46),
    "ot/firth.txt": _assessment("Mrs K. Firth", "1955-04-19", "4852000050", 57),
    "quotes/Q-J21382 Marsh.txt": _quote("Mr E. Marsh", 46, "DFG/25/1747"),
    "quotes/Q-J21315 Firth.txt": _quote("Mrs K. Firth", 57, "DFG/26/1713"),
}


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    out = scanned_share(tmp_path_factory, "partial-subjects", SHARE)
    return export_individuals(out, tmp_path_factory.mktemp("partial-subjects-export"),
                              "--reveal")


def test_every_row_is_a_register_person_with_only_their_own_names(rows):
    assert sorted((row["nhs_number"].replace(" ", ""), key("PERSON", row["name"]),
                   row["other_names"]) for row in rows) == [
        ("4852000018", key("PERSON", "Horace Ogley"), ""),
        ("4852000026", key("PERSON", "Glenys Verity"), ""),
        ("4852000034", key("PERSON", "Emrys Marsh"), "Mr E. Marsh"),
        ("4852000042", key("PERSON", "Mavis Fairclough"), ""),
        ("4852000050", key("PERSON", "Kathleen Firth"), "Mrs K. Firth"),
    ]


def test_the_mail_and_the_letter_are_their_subjects_records(rows):
    by_number = {row["nhs_number"].replace(" ", ""): row for row in rows}
    assert "ogley.eml" in by_number["4852000018"]["first_locations"]
    assert by_number["4852000018"]["life_state"] == "deceased"
    assert by_number["4852000042"]["life_state"] == "deceased"
    assert "verity_closure.txt" in by_number["4852000026"]["first_locations"]


@pytest.mark.parametrize(("line", "name"), [
    ("Re: the late Glenys Verity, 14 Moorland View", "Glenys Verity"),
    ("Re: Glenys Verity - DOB 10/03/1933", "Glenys Verity"),
    ("Re: Glenys Verity\nDate of birth 10.03.1933", "Glenys Verity"),
    # a topic with details after it, but no person
    ("Re: Home Visit, 14/10/2026", None),
    ("Re: Key Safe, 14 Moorland View", None),
    ("Re: Stairlift Quote, 2 pages", None),
    # a person's name, but nothing of theirs after it: a letter's topic as likely
    ("Re: Glenys Verity", None),
])
def test_a_topic_line_names_a_person_with_their_details_after(line, name):
    from recognizers.person_field_recognizer import NameFieldRecognizer

    found = NameFieldRecognizer().analyze(line, ["PERSON"])
    assert [line[result.start:result.end] for result in found] == ([name] if name else [])
