"""A community alarm service's exports, person by person (issue 15, session 20 `s20-share`,
from the twentieth breach share's classes; a housing trust's alarm and handyperson service,
not the share's world):

- **Holders and contacts in one value.** A column or a form's label names key holders and
  contacts together (`Key holders / contacts`, `Responders / key holders`) and each person
  of its value says whether they hold a key (`KEY`, `no key`, `contact only`). The label says
  who may be listed, each person's words whether they hold a key: a value whose people all
  hold none names no key holder (nor one saying only who lives there: `lives with her
  husband Frank`); one `KEY` among them does. Before, the label alone made
  every row a key holder's (and, read as a column name, a way in of no kind).
- **A second person in columns of their own.** A row keeps a couple on one alarm in
  `Tenant 2 First name`, `Tenant 2 DOB`, `Tenant 2 NHS` columns: those columns are a part of
  the row's entry (`row 2 part 2`), so each date of birth and NHS number goes with its own
  name, and the row's key-box code, written once for the home, is both people's. As one
  record, the row made one person of two.
- **A couple in one form.** A job card's table names both people in one cell and lists their
  dates of birth and NHS numbers in the same order (`Arthur Dobson & Enid Dobson`, `11/04/1934
  / 02/09/1936`): the n-th of each is one person's (`table 1 part 2`), and the key box the card
  gives once is both people's. As one record, the card made one person of the couple.
- **A responder's key column.** `Responder 1: Hazel Rigg` ... `Resp 1 Key: Y`: the column
  asks whether the record's responder holds a key, and `Y` says so (a key holder); `N` says
  not. Before, `Key: Y` was read as a key's place that says nowhere, and nobody was one.
- **The kit fitted in a home.** `Equipment: Lifeline pendant + smoke detector` lists what is
  in the home; it does not make the record's key-box code a pendant's.
- **An account closed.** `Permanent nursing care` (a closure's reason) and `Client in care
  home` state a move into care, and `Destination: Brierfield Care Centre` is where the
  person went, not what the key box left on the wall is for: the code is the way into the
  home they left (`former_home_access_kinds`), never a current one.

Scanned and exported by the real CLI; nothing raw leaves without `--reveal`.
"""

from __future__ import annotations

import pytest

from tests.cli import export_individuals, key, scanned_share
from tests.conftest import assert_no_raw_values

TENANTS = (
    "Tenant 1 First name,Tenant 1 Surname,Tenant 1 DOB,Tenant 1 NHS,Tenant 2 First name,"
    "Tenant 2 Surname,Tenant 2 DOB,Tenant 2 NHS,Address,Postcode,Equipment,Key box,"
    "Key holders / contacts\n"
    "Wilfred,Hartley,03/02/1936,486 700 1007,Marian,Hartley,19/07/1939,486 700 1074,"
    "4 Gannow Lane,BB12 6QA,Lifeline pendant + smoke detector,"
    "\"Key box by the back door, code 7316\",Sandra Hartley (daughter) 07700 900412 no key\n"
    "Ezra,Blackmore,22/11/1941,486 700 1147,,,,,12 Gannow Lane,BB12 6QB,Lifeline pendant,"
    "none,Lorna Pike (neighbour) 07700 900533 KEY; Dev Blackmore (son) 07700 900544 no key\n"
    "Thelma,Ormerod,08/05/1944,486 700 1287,,,,,20 Gannow Lane,BB12 6QD,Lifeline pendant,"
    "none,Jim Ormerod (nephew) 07700 900555 no key; Fay Lund (friend) 07700 900566 "
    "contact only\n"
    "Nora,Pilling,17/10/1938,486 700 1805,,,,,28 Gannow Lane,BB12 6QE,Lifeline pendant,"
    "none,lives with her husband Frank (also a client)\n")
JOB_CARD = (
    "Handyperson job card HP-0412\n"
    "Client: Mr Ezekiel Thornber    DOB: 14/08/1938\n"
    "Address: 9 Sandygate Road, BB12 6QT\n"
    "Responders / key holders | Ada Crewe (sister) 07700 900577 - contact only\n"
    "Work done: grab rail fitted by the back step, tested.\n")
CLOSED = (
    "Client,Date of birth,NHS,Postcode,Reason,Destination,Equipment,Key box status,Notes\n"
    "\"PICKUP, Lavinia\",30/01/1931,486 700 1422,BB12 7LA,Permanent nursing care,"
    "Brierfield Care Centre,Lifeline pendant,\"Left on wall - code 5820, not reset\",\n"
    "\"Sowerby, Clement\",12/12/1929,486 700 1562,BB12 7LB,Closed,,Lifeline pendant,"
    "\"Still fitted, code 6142\",Client in care home - son clearing the house\n")
RESPONDERS = (
    "Name,DOB,Responder 1,Resp 1 Relationship,Resp 1 Key,Responder 2,Resp 2 Relationship,"
    "Resp 2 Key\n"
    "Gideon Rigg,01/03/1940,Hazel Rigg,daughter,Y,Tom Dyer,neighbour,N\n"
    "Olive Kenyon,02/04/1941,Ray Kenyon,son,N,,,\n")
COUPLE_CARD = (
    "Handyperson job card HP-0519\n\n"
    "| Client name(s) | Arthur Dobson & Enid Dobson |\n|---|---|\n"
    "| Date of birth | 11/04/1934 / 02/09/1936 |\n"
    "| NHS number | 486 700 1635 / 486 700 1708 |\n"
    "| Address | 3 Holme Street, BB12 6QF |\n"
    "| Key box | by the back door, code 2284 |\n")
SHARE = {"alarms/tenants_export.csv": TENANTS, "handyperson/job_HP-0412.txt": JOB_CARD,
         "alarms/closed_accounts.csv": CLOSED, "alarms/responders.csv": RESPONDERS,
         "handyperson/job_HP-0519.md": COUPLE_CARD}
RAW = ["Wilfred Hartley", "Marian Hartley", "486 700 1074", "7316", "Lorna Pike", "Hazel Rigg",
       "Lavinia", "5820", "6142"]


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    out = scanned_share(tmp_path_factory, "alarm-exports", SHARE)
    assert_no_raw_values(out, RAW)
    found = export_individuals(out, tmp_path_factory.mktemp("alarm-exports-export"), "--reveal")
    return {key("PERSON", row["name"]): row for row in found}


def test_each_person_of_a_couples_row_is_a_row_of_their_own_with_their_own_numbers(rows):
    assert len(rows) == 12
    for name, nhs in (("Wilfred Hartley", "486 700 1007"), ("Marian Hartley", "486 700 1074"),
                      ("Arthur Dobson", "486 700 1635"), ("Enid Dobson", "486 700 1708")):
        row = rows[key("PERSON", name)]
        assert [key("UK_NHS", value) for value in row["nhs_number"].split("; ")] == [
            key("UK_NHS", nhs)]
        assert row["linkage_fault"] == ""


def test_the_couples_key_box_code_is_both_peoples_and_the_pendant_takes_none(rows):
    for name in ("Wilfred Hartley", "Marian Hartley", "Arthur Dobson", "Enid Dobson"):
        assert rows[key("PERSON", name)]["home_access_kinds"] == "code"


def test_a_holder_list_is_a_key_holder_only_where_someone_of_it_holds_a_key(rows):
    assert rows[key("PERSON", "Ezra Blackmore")]["home_access_kinds"] == "key_holder"
    for name in ("Thelma Ormerod", "Ezekiel Thornber", "Nora Pilling"):
        row = rows[key("PERSON", name)]
        assert (row["home_access"], row["home_access_kinds"]) == ("false", "")
    assert int(rows[key("PERSON", "Thelma Ormerod")]["related_people_count"]) == 2


def test_a_responders_key_column_answered_yes_is_a_key_holder_and_no_is_none(rows):
    assert rows[key("PERSON", "Gideon Rigg")]["home_access_kinds"] == "key_holder"
    assert rows[key("PERSON", "Olive Kenyon")]["home_access"] == "false"


@pytest.mark.parametrize(("name", "state"), [("Lavinia Pickup", "moved_out"),
                                             ("Clement Sowerby", "moved_out")])
def test_a_closed_accounts_key_box_opens_the_home_its_person_left(rows, name, state):
    row = rows[key("PERSON", name)]
    assert (row["life_state"], row["home_access"], row["home_access_kinds"],
            row["former_home_access_kinds"]) == (state, "false", "", "code")
