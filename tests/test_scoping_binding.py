"""Whose date of birth, whose detail (issue 15, session 12): a worker an entry is passed to,
referred to, spoken to or escalated to is staff, never the entry's subject, so the entry's
date of birth and NHS number are never theirs (`[staff after a hand-over]` in
`phiscan/data/roles.txt`); read before a name only (`Mrs Edna Price informed the
receptionist`: her own verb), and not when the name's own identifier follows (`Spoke to
Mrs Edna Price (DOB ...)`: the person the note is about). In a log of several people, an
entry opened by a list item ends at the next item of its shape, so a date of birth whose
name was not read (`00:35  Ambulance crew brought in a man, DOB ...`) is never the name's
of the item above (`23:50  Gavin Thorne, aged 44, ...`). A name the person goes by, in
brackets or after `aka`, `known as`, `prefers`, qualifies the name before it (`Precious
Adeyemi (prefers Precious Ade), DOB ...`): the name is read with its own date of birth,
which no worker named later on the line takes. A crisis team's night log, a probation
unit's case transfers, an approved premises' resident list and a GP's telephone note,
scanned and exported by the real CLI.
"""

from __future__ import annotations

import sqlite3

import pytest

from tests.cli import export_individuals, names_with_roles, person, scan_quietly
from tests.conftest import assert_no_raw_values
from tests.share_builder import write_files

# Valid NHS numbers (check digit right), none in the test range.
NHS = {"brennan": "4867485268", "shaw": "4860574796", "adeyemi": "4863809271"}

NIGHT_LOG = """NORTHGATE CRISIS RESOLUTION AND HOME TREATMENT TEAM
Night log 14/11/2026 - 21:00 to 07:30
On duty: Ifeoma Barraclough (CRHT nurse), Dominic Ashworth (support worker)

21:40  Kieran Doyle (DOB 22/06/1991) rang, low mood after losing his job. Safety plan \
reviewed. Handed over to Marta Lindqvist for a day-team call.
22:15  Ms Aoife Brennan, NHS 486 748 5268, seen at home with her mother. Plan discussed \
with Yusuf Harrington (consultant on call).
23:05  Caller would not give a name at first, then DOB given as 14/07/1988. Advised 111.
23:50  Gavin Thorne, aged 44, walked in to the Safe Haven. Calm, left 00:20.
00:35  Ambulance crew brought in a man, DOB 02/02/1975, on a s136. Escalated to the AMHP.
01:10  Reuben Castellanos (DOB 09/09/1999) rang from the hostel. Spoke to Nadia Ferreira \
in the day team re his depot.
02:20  Ms Aoife Brennan rang again, settled after the call. Informed Yusuf Harrington.

Handover to day team 07:30. Log closed by Ifeoma Barraclough.
"""
VAN_LOG = """NORTHGATE CRISIS RESOLUTION AND HOME TREATMENT TEAM
Night log 15/11/2026
On the van: Keeley Marsden, Tobias Quinlan

21:10  Anonymous caller, DOB given as 30/03/1979, would not give a name. Advised 111.
21:40  Kieran Doyle (DOB 22/06/1991) rang, low mood. Safety plan reviewed.
22:15  Reuben Castellanos (DOB 09/09/1999) rang from the hostel.
"""
CASE_TRANSFERS = f"""Brackley Probation Delivery Unit - case transfer notes, November 2026
Prepared by Harriet Oyelowo (Probation Officer)

1. Darren Shaw aka Tank, DOB 03/04/1979, NHS {NHS['shaw']}. Case passed to Callum \
Brierley from 01/12. Informed Gillian Marr at the approved premises.
2. "BIG MICK" (Michael Tiernan), DOB 17/10/1983. Seen with Josie Fairweather (drug worker) \
on 20/11. Passed on to Leon Abernathy for the accredited programme.
3. Kerry-Anne Lowther, known as Kaz, DOB 21/08/1990. Referred on to Sunil Varma for ETE \
support.
4. Precious Adeyemi (prefers Precious Ade), DOB 11/05/1996, NHS {NHS['adeyemi']}. Spoke \
with Bogdan Nowicki at the hostel.
5. Craig Pennock, aged 29. Transferred in from Leeds; passed to Callum Brierley.
6. DOB 30/01/1987 - name withheld pending MAPPA. Escalated to Gillian Marr.
"""
RESIDENTS = f"""Resident,Known as,DOB,NHS number,Room,Key worker
Darren Shaw,Tank,03/04/1979,{NHS['shaw']},4,Callum Brierley
Michael Tiernan,Big Mick,17/10/1983,,7,Leon Abernathy
Kerry-Anne Lowther,Kaz,21/08/1990,,9,Sunil Varma
Precious Adeyemi,,11/05/1996,{NHS['adeyemi']},12,Callum Brierley
Kieran Doyle,,22/06/1991,,14,Leon Abernathy
Reuben Castellanos,,09/09/1999,,15,Sunil Varma
"""
PHONE_NOTE = """Telephone note 02/12/2026 - Dr Alys Morgan
Spoke to Mrs Edna Price (DOB 01/02/1940) about her blood results.
Mrs Edna Price informed the receptionist she will call back on Friday.
"""
STAFF = ["Ifeoma Barraclough", "Dominic Ashworth", "Marta Lindqvist", "Yusuf Harrington",
         "Nadia Ferreira", "Harriet Oyelowo", "Callum Brierley", "Gillian Marr",
         "Josie Fairweather", "Leon Abernathy", "Sunil Varma", "Bogdan Nowicki",
         "Keeley Marsden", "Tobias Quinlan"]


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    share = tmp_path_factory.mktemp("binding-share")
    out = tmp_path_factory.mktemp("binding-out") / "inventory"
    write_files(share, {"crisis/night-log.txt": NIGHT_LOG, "crisis/van-log.txt": VAN_LOG,
                        "probation/case-transfers.txt": CASE_TRANSFERS,
                        "ap/residents.csv": RESIDENTS, "gp/phone-note.txt": PHONE_NOTE})
    scan_quietly(share, out)
    return out


def test_a_worker_after_a_hand_over_or_contact_verb_is_staff(scanned):
    assert names_with_roles(scanned, "case-transfers.txt") == [
        ("line 4", "H****** O******", "staff"), ("line 4", "D***** S***", ""),
        ("line 4", "C***** B*******", "staff"), ("line 4", "G****** M***", "staff"),
        ("line 5", "M****** T******", ""), ("line 5", "J**** F**********", "staff"),
        ("line 5", "L*** A********", "staff"),
        ("line 6", "K********* L******", "subject"), ("line 6", "S**** V****", "staff"),
        ("line 7", "P******* A******", ""), ("line 7", "B***** N******", "staff"),
        ("line 8", "C**** P******", ""), ("line 8", "C***** B*******", "staff"),
        ("line 9", "G****** M***", "staff")]
    # (item 3's `Kerry-Anne Lowther, known as Kaz` is the subject by its `known as`: the name a
    # person is registered under, beside the one they go by, is the record's subject's)
    # a verb after a name is the name's own; a name with its own date of birth is the note's
    assert [role for _, _, role in names_with_roles(scanned, "phone-note.txt")] == [
        "staff", "", ""]


def records_of(out, location: str) -> list[tuple[str, str]]:
    """(entity type, record) of the names and dates of birth of one file, in text order."""
    with sqlite3.connect(out / "inventory.sqlite") as db:
        return db.execute(
            "SELECT f.entity_type, f.record FROM findings f JOIN locations l"
            " ON l.id = f.location_id WHERE l.location LIKE ?"
            " AND f.entity_type IN ('PERSON', 'DATE_OF_BIRTH') ORDER BY f.start",
            (f"%{location}",)).fetchall()


def test_a_log_items_date_of_birth_is_never_the_name_above(scanned):
    # `22:15` names Ms Brennan with her NHS number; `23:05` and `00:35` bring dates of
    # birth whose names were not read; `23:50` names Gavin Thorne with no identifier
    assert records_of(scanned, "night-log.txt")[4:9] == [
        ("PERSON", "line 6"), ("PERSON", "line 6"), ("DATE_OF_BIRTH", "line 7"),
        ("PERSON", "line 8"), ("DATE_OF_BIRTH", "line 9")]
    # the staff on the van, unmarked above the list, never take its first item's date
    assert records_of(scanned, "van-log.txt")[:3] == [
        ("PERSON", "line 3"), ("PERSON", "line 3 part 2"), ("DATE_OF_BIRTH", "line 5")]


def test_one_row_per_person_with_their_own_date_of_birth_and_no_staff(scanned, tmp_path):
    rows = export_individuals(scanned, tmp_path, "--reveal")
    assert sorted(person(row["name"], row["nhs_number"].replace(" ", ""),
                         row["date_of_birth"]) for row in rows) == sorted([
        person("Kieran Doyle", "", "22/06/1991"),
        person("Ms Aoife Brennan", NHS["brennan"], ""),
        person("Reuben Castellanos", "", "09/09/1999"),
        person("Darren Shaw", NHS["shaw"], "03/04/1979"),
        person("Michael Tiernan", "", "17/10/1983"),
        person("Kerry-Anne Lowther", "", "21/08/1990"),
        person("Precious Adeyemi", NHS["adeyemi"], "11/05/1996"),
        person("Mrs Edna Price", "", "01/02/1940"),
    ])
    names = " ".join(f"{row['name']} {row['other_names']}" for row in rows)
    assert not [name for name in [*STAFF, "Gavin Thorne", "Craig Pennock"] if name in names]


def test_nothing_raw_without_reveal(scanned, tmp_path):
    export_individuals(scanned, tmp_path)
    assert_no_raw_values(tmp_path, ["Callum Brierley", "Precious Adeyemi", "22/06/1991",
                                    NHS["adeyemi"]])
