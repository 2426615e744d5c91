"""One person written by number and by name (session 15): a commissioning team's returns
extract gives each patient's NHS number and date of birth and no name (`nhs_no,birth_date`
beside a local reference), an assessor's diary the name and date of birth and no number.
A date of birth exactly those two carry joins them (`link_unnamed_halves`): one row with the
name, the number and the date. A date of birth the extract and two named people share joins
nobody (three rows), and a date the extract shares with a named and numbered person of
another number joins nobody (two rows). Scanned and exported by the real CLI; nothing raw
leaves without `--reveal`.
"""

from __future__ import annotations

import pytest

from tests.cli import export_individuals, key, report_json, scanned_share
from tests.conftest import assert_no_raw_values

RETURNS = (
    "org,local_ref,nhs_no,birth_date,district,outcome\n"
    "R0A,LR-7781,4612030001,19510914,WR9,positive\n"
    "R0A,LR-7782,4729150007,19440302,WR9,negative\n"
    "R0A,LR-7783,4388200018,19600611,WR2,positive\n"
)
DIARY = (
    "Assessor diary - November\n"
    "\n"
    "04/11/2026  Nadia Pemberton, DOB 14/09/1951. Checklist positive, DST booked.\n"
    "05/11/2026  Trevor Ashdown, DOB 02/03/1944. Checklist negative.\n"
    "05/11/2026  Gwen Tolley, DOB 02/03/1944. Checklist negative.\n"
    "06/11/2026  Colin Marsh, DOB 11/06/1960, NHS 4500670009. Fast track referral.\n"
)
SHARE = {"returns/extract_q3.csv": RETURNS, "assessors/diary_nov.txt": DIARY}
RAW = ["4612030001", "Pemberton", "14/09/1951", "Ashdown", "Tolley", "Colin Marsh"]


@pytest.fixture(scope="module")
def unnamed(tmp_path_factory):
    return scanned_share(tmp_path_factory, "linkage-unnamed", SHARE)


def test_a_numbered_row_without_a_name_joins_the_one_named_person_of_its_birth_date(
        unnamed, tmp_path):
    rows = export_individuals(unnamed, tmp_path, "--reveal")
    assert sorted((key("PERSON", row["name"]) if row["name"] else "", row["nhs_number"],
                   key("DATE_OF_BIRTH", row["date_of_birth"])) for row in rows) == sorted([
        (key("PERSON", "Nadia Pemberton"), "4612030001", key("DATE_OF_BIRTH", "14/09/1951")),
        ("", "4729150007", key("DATE_OF_BIRTH", "02/03/1944")),
        (key("PERSON", "Trevor Ashdown"), "", key("DATE_OF_BIRTH", "02/03/1944")),
        (key("PERSON", "Gwen Tolley"), "", key("DATE_OF_BIRTH", "02/03/1944")),
        ("", "4388200018", key("DATE_OF_BIRTH", "11/06/1960")),
        (key("PERSON", "Colin Marsh"), "4500670009", key("DATE_OF_BIRTH", "11/06/1960")),
    ])


def test_the_report_counts_six_people_and_shows_no_raw_value(unnamed, tmp_path):
    assert report_json(unnamed)["individuals"]["total"] == 6
    assert len(export_individuals(unnamed, tmp_path)) == 6
    assert_no_raw_values(unnamed, RAW)
    assert_no_raw_values(tmp_path, RAW)



def halves(strangers: int) -> list:
    """One person as a numbered row and a named note sharing 14/09/1951, beside `strangers`
    numbered-only and named-only people each with a date of their own."""
    from phiscan.scoping.subject_records import Record
    records = [Record("extract", "row 1", nhs={"n0"}, dobs={"d-pair"}),
               Record("diary", "line 1", full_names={"h-name"}, dobs={"d-pair"})]
    for number in range(strangers):
        records.append(Record("extract", f"row {number + 2}", nhs={f"n{number + 1}"},
                              dobs={f"d-n{number}"}))
        records.append(Record("diary", f"line {number + 2}", full_names={f"h{number}"},
                              dobs={f"d-h{number}"}))
    return records


@pytest.mark.parametrize(("strangers", "joined"), [(3, True), (400, False)])
def test_a_date_of_birth_links_no_one_where_strangers_would_share_it_by_chance(
        strangers, joined):
    """On a few people a date of birth the two halves alone carry joins them; among
    hundreds of numbered-only and named-only people strangers share dates by chance, and a
    date alone links nobody (`CHANCE_PAIRS_ALLOWED`)."""
    from phiscan.scoping.linkage import UnionFind, link_unnamed_halves
    records = halves(strangers)
    groups = UnionFind(records)
    link_unnamed_halves(groups, records, list(range(len(records))))
    assert (groups.find(0) == groups.find(1)) is joined
