"""A person known by a middle name, kept in a register's own middle-name field, and a name
with its title after a comma (issue 15).

A memory service's XML export keeps `givenName` Olive, `middleName` Maud and `familyName`
Oldroyd; its visit notes say `Re: Maud Oldroyd (dob 15.05.1927)` and its handovers `M.
Oldroyd (15/05/1927)`. The middle-name field is joined between the given and family names
(`Olive Maud Oldroyd`), and a person known by a middle name, in full or by its initial, is
linked by it with an agreeing date of birth only: one person, not three.

A day centre's members register names each member on its `Members` sheet (`Forename` Vera,
`Known as` Jean, a date of birth) and on its `Transport` sheet as known (`Jean Horsfall`),
with the way in; a `Member ID` (DC1055) on both is the centre's number for her, a local
identifier that joins the two.
"""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from tests.cli import export_individuals, key, scanned_share

REGISTER = """<?xml version="1.0" encoding="UTF-8"?>
<register>
  <client>
    <clientId>CV5033</clientId>
    <familyName>Oldroyd</familyName><givenName>Olive</givenName>
    <middleName>Maud</middleName>
    <birthDate>1927-05-15</birthDate>
    <address>27 Pellon Lane, Mytholm</address><postcode>CB9 8TA</postcode>
  </client>
  <client>
    <clientId>CV5034</clientId>
    <familyName>Oldroyd</familyName><givenName>Valerie</givenName>
    <middleName>Jean</middleName>
    <birthDate>1932-07-26</birthDate>
    <address>4 Ing Lane, Mytholm</address><postcode>CB9 4QT</postcode>
  </client>
</register>
"""
VISIT = ("Visit note 12.07.26\nRe: Maud Oldroyd (dob 15.05.1927)\n\n"
         "Visited Maud at home. More muddled in the evenings, some sundowning.\n"
         "Lock box next to the gas meter, number is 1303.\n")
HANDOVER = ("AN team handover w/c 21/08/2026\n\n"
            "* M. Oldroyd (15/05/1927) - falls x2\n"
            "* Mr Marsden, E. (11/07/1958) - carer struggling\n")


def write_share(share):
    from tests.share_builder import write_files

    write_files(share, {"exports/register.xml": REGISTER, "visits/Oldroyd_M.txt": VISIT,
                        "handovers/handover.txt": HANDOVER})
    book = Workbook()
    members = book.active
    members.title = "Members"
    members.append(["Member ID", "Surname", "Forename", "Known as", "DOB", "Address",
                    "Postcode", "Days"])
    members.append(["DC1055", "Horsfall", "Vera", "Jean", "27/01/1944",
                    "48 Heptonstall Road, Calderbridge", "CB4 5GR", "Mon-Fri"])
    members.append(["DC1056", "Lister", "Lorna", None, "02/02/1936", "9 Ing Lane, Mytholm",
                    "CB9 2QT", "Tue"])
    transport = book.create_sheet("Transport")
    transport.append(["Member ID", "Name", "Route", "Pick-up", "Access notes"])
    transport.append(["DC1055", "Jean Horsfall", "A", "9:30",
                      "key under the stone frog by the back step"])
    transport.append(["DC1056", "Lorna Lister", "B", "9:45", "daughter brings her out"])
    (share / "daycentre").mkdir()
    book.save(share / "daycentre" / "Members_register.xlsx")


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    return scanned_share(tmp_path_factory, "middle-names", write_share)


def test_a_person_known_by_a_middle_name_is_one_person(out, tmp_path):
    rows = export_individuals(out, tmp_path, "--reveal")
    oldroyds = [row for row in rows if "Oldroyd" in row["name"]]
    assert sorted((key("DATE_OF_BIRTH", row["date_of_birth"]), row["home_access_kinds"])
                  for row in oldroyds) == sorted([(key("DATE_OF_BIRTH", "15/05/1927"), "code"),
                                                  (key("DATE_OF_BIRTH", "26/07/1932"), "")])
    maud = next(row for row in oldroyds
                if key("DATE_OF_BIRTH", row["date_of_birth"]) == key("DATE_OF_BIRTH",
                                                                      "15/05/1927"))
    names = {key("PERSON", name) for name in [maud["name"], *maud["other_names"].split(" | ")]
             if name}
    assert key("PERSON", "Olive Maud Oldroyd") in names


def test_a_member_named_as_known_is_joined_by_the_member_id(out, tmp_path):
    rows = export_individuals(out, tmp_path, "--reveal")
    vera = [row for row in rows if "Horsfall" in row["name"]]
    assert [(key("DATE_OF_BIRTH", row["date_of_birth"]), row["home_access_kinds"])
            for row in vera] == [(key("DATE_OF_BIRTH", "27/01/1944"), "hidden_key")]


@pytest.mark.parametrize(("written", "same_as"), [
    ("KOWALCZYK Doreen, Ms", "Doreen Kowalczyk"),
    ("JONES, Sandra, Mrs", "Sandra Jones"),
    ("O'HARE Patricia, Ms.", "Patricia O'Hare"),
])
def test_a_title_after_a_comma_is_no_given_name(written, same_as):
    # (an OT's form: `Client: KOWALCZYK Doreen, Ms`; the name keyed as `doreen ms` was a
    # second person beside the register's Doreen Kowalczyk of the same date of birth)
    assert key("PERSON", written) == key("PERSON", same_as)
