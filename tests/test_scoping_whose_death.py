"""A death a record states of a named person is that person's (issue 15).

A district nurse's letter about Mrs Ivy Sutcliffe said `Mr Sutcliffe passed away in 2019, she
lives alone`: she was exported deceased, her letter addressed to her estate, her key safe a
former home's. `Mr Denby died on 14/10/2026` in Mr Arthur Denby's own record was not read as a
death at all. The named person is compared with the record's person (surname, title's sex,
forename): another's death leaves the record's person as they are; their own is theirs.
"""

from __future__ import annotations

import pytest

from tests.cli import export_individuals, key, scanned_share

WIDOW = (
    "Hillside Community Nursing Team\n\n"
    "Re: Mrs Ivy Sutcliffe, DOB 03/04/1936, NHS number 485 777 3406\n"
    "14 Moorfield Road, Halifax HX3 5RT\n\n"
    "Mrs Sutcliffe was seen at home today for her leg ulcer dressing. Mr Sutcliffe passed away"
    " in 2019, she lives alone and manages well with the carers.\n"
    "Key safe by the back door, code 4417.\n\nSigned, Nurse Paula Grant\n"
)
OWN_DEATH = (
    "Re: Mr Arthur Denby, DOB 12/09/1931, NHS number 485 000 1203\n"
    "3 Brook Lane, Halifax HX2 7QP\n\n"
    "Mr Denby died on 14/10/2026 at home with his family present. Key safe code 9921 to be"
    " changed.\n"
)
BEREAVED = (
    "Bereavement Support Service\n\n"
    "Re: Mrs Joan Denby, DOB 02/02/1934, NHS number 485 100 0014\n"
    "3 Brook Lane, Halifax HX2 7QP\n\n"
    "We are sorry to hear that Arthur Denby has sadly passed away. Mrs Denby has asked for the"
    " key safe code 9921 to be changed.\n"
)
OWN_TITLED_DEATH = (
    "Re: Mrs Edna Pickles, DOB 09/01/1929, NHS number 485 100 0022\n"
    "Mrs Pickles died on 01/11/2026 at home. Key safe 2210 by the garage, please collect"
    " equipment.\n"
)
SHARE = {"letters/sutcliffe.txt": WIDOW, "letters/denby_arthur.txt": OWN_DEATH,
         "bereavement/denby_joan.txt": BEREAVED, "letters/pickles.txt": OWN_TITLED_DEATH}
PEOPLE = {"Ivy Sutcliffe": ("false", "subject", "code", ""),
          "Arthur Denby": ("true", "estate", "", "code"),
          "Joan Denby": ("false", "subject", "code", ""),
          "Edna Pickles": ("true", "estate", "", "code")}


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    out = scanned_share(tmp_path_factory, "whose-death", SHARE)
    return export_individuals(out, tmp_path_factory.mktemp("whose-death-export"), "--reveal")


def test_one_row_per_person(rows):
    assert sorted(key("PERSON", row["name"]) for row in rows) == sorted(
        key("PERSON", name) for name in PEOPLE)


@pytest.mark.parametrize("name", sorted(PEOPLE))
def test_each_death_is_the_named_persons(rows, name):
    row = next(row for row in rows if key("PERSON", row["name"]) == key("PERSON", name))
    assert (row["deceased"], row["write_to"], row["home_access_kinds"],
            row["former_home_access_kinds"]) == PEOPLE[name]
