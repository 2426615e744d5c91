"""A date of birth alone in one part of a one-person document is that person's (session 19,
a new user's trial): a Word letter's header names its patient with an NHS number, and its
body says `Patient born 29/07/1938` over the diagnosis. Header, footer and body are records
of their own; the body names nobody, but its date of birth made it a record that "identifies
someone", so it skipped the rule that gives a record naming nobody to the one person its
file identifies, and the patient's health data was lost (counted in no one's categories).

The date joins only a file's one identified person (no other person named in it, as for a
record naming nobody) who carries no other date of birth: a date that disagrees with the
person's own stays unattributed (one more possible person in the upper bound, as before).
"""

from __future__ import annotations

import docx
import pytest

from phiscan.scoping.linkage import link
from phiscan.scoping.subject_records import Record
from tests.cli import export_individuals, key, report_json, scan_quietly


def record(location: str, name: str, *, nhs=(), names=(), dobs=(), postcodes=(),
           categories=("identifiers",)) -> Record:
    return Record(location, name, nhs=set(nhs), full_names=set(names), dobs=set(dobs),
                  postcodes=set(postcodes), categories=set(categories))


def placed(records: list[Record]) -> tuple[list[set[tuple[str, str]]], set[tuple[str, str]]]:
    linked = link(records)
    return ([{r.key for r in person.records} for person in linked.individuals],
            {r.key for r in linked.unattributed})


HEADER = ("letter.docx", "section 1 header")
BODY = ("letter.docx", "body")


def test_a_body_s_date_of_birth_joins_the_header_s_one_patient():
    people, unattributed = placed([
        record(*HEADER, nhs={"n1"}, names={"holdsworth"}),
        record(*BODY, dobs={"d1"}, categories=("identifiers", "health"))])
    assert (people, unattributed) == ([{HEADER, BODY}], set())


def test_it_joins_when_the_person_carries_that_date_elsewhere():
    diary = ("diary.xlsx", "sheet December row 4")
    people, unattributed = placed([
        record(*HEADER, nhs={"n1"}, names={"holdsworth"}),
        record(*diary, names={"holdsworth"}, dobs={"d1"}),
        record(*BODY, dobs={"d1"}, categories=("identifiers", "health"))])
    assert (people, unattributed) == ([{HEADER, diary, BODY}], set())


def test_a_date_the_person_does_not_carry_joins_nobody():
    header = record(*HEADER, nhs={"n1"}, names={"holdsworth"}, dobs={"d1"})
    people, unattributed = placed([
        header, record(*BODY, dobs={"d2"}, categories=("identifiers", "health"))])
    assert (people, unattributed) == ([{HEADER}], {BODY})


def test_a_file_naming_two_people_gives_its_date_to_nobody():
    second = ("letter.docx", "section 1 footer")
    people, unattributed = placed([
        record(*HEADER, nhs={"n1"}, names={"holdsworth"}),
        record(*second, nhs={"n2"}, names={"clegg"}),
        record(*BODY, dobs={"d1"}, categories=("identifiers", "health"))])
    assert (sorted(map(sorted, people)), unattributed) == (
        [[second], [HEADER]], {BODY})


@pytest.mark.parametrize("name", ["row 3", "sheet Visits row 12", "table 1 row 3",
                                  "table 1 column 2", "[2]", "cases[1]", "message 2",
                                  "entry[1] Patient", "line 4"])
def test_a_row_or_item_of_a_series_is_its_own_person_s(name):
    """A table's row, a JSON element, an HL7 message, a list's entry is a record of its own
    person: its date of birth (a name not read) is never the file's one identified person's,
    who has none written (a waiting list's first row with a number, the next without)."""
    first = ("waiting.csv", "row 2")
    people, unattributed = placed([
        record(*first, nhs={"n1"}, names={"holdsworth"}),
        record("waiting.csv", name, dobs={"d1"}, categories=("identifiers", "health"))])
    assert (people, unattributed) == ([{first}], {("waiting.csv", name)})


def test_a_tissue_viability_letter_s_patient_has_its_health_data(tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    letter = docx.Document()
    letter.sections[0].header.paragraphs[0].text = (
        "CONFIDENTIAL - Mr Stanley Holdsworth - NHS 687 825 8480")
    letter.add_paragraph("Tissue viability review. Patient born 29/07/1938.")
    letter.add_paragraph("Grade 3 pressure ulcer to sacrum. Pressure-relieving mattress "
                         "ordered. District nurses to visit daily.")
    letter.save(str(share / "tv-review.docx"))
    out = tmp_path / "out"
    scan_quietly(share, out)
    people = report_json(out)
    assert (people["individuals"]["total"], people["individuals"]["with_special_category"],
            people["records"]["unattributed"]) == (1, 1, 0)
    (row,) = export_individuals(out, tmp_path, "--reveal")
    assert (key("PERSON", row["name"]), row["nhs_number"].replace(" ", ""),
            key("DATE_OF_BIRTH", row["date_of_birth"]), row["special_category"]) == (
        key("PERSON", "Stanley Holdsworth"), "6878258480", key("DATE_OF_BIRTH", "29/07/1938"),
        "true")
