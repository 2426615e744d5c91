"""One person whatever the given name they go by (session 19, share 19).

A master list's `Forename: Ronald | Known as: Ron` and a route sheet's `Ron Southall,
01/09/1949` are one person: a short or pet form of a given name (`recognizers/data/
name_variants.txt`, `[given names]`) is part of the name's variant form, so it joins its
person only with an agreeing date of birth (`link_variants`), never on the name alone. A
record that makes nobody by itself (a test-range NHS number's) joins the one person of its
name's variant or initial form and date of birth. And staff whose role column says a job in
several words (`Operations director and IG lead`, `Chief executive`), or whose job follows
their name in brackets (`Zofia Ferris (Driver), DOB ...`), are staff."""

from __future__ import annotations

import pytest

from phiscan.detect.normalize import initial_form, normalise_name, variant_form
from phiscan.detect.roles import STAFF, RoleRules
from phiscan.scoping.linkage import Linkage, count_people, link
from phiscan.scoping.subject_records import Record


@pytest.mark.parametrize(("one", "other"), [
    ("Ron Southall", "Ronald Southall"),
    ("Peggy Instone", "INSTONE, Margaret"),
    ("Betty Garbett", "Elizabeth Garbett"),
    ("Bernie Gittins", "Bernard Gittins"),
    ("Dai Pritchard", "David Pritchard"),
    ("Nessie Pritchard", "Agnes Pritchard"),
    # (session 20, share 20's pet forms beside a date of birth)
    ("Bridie Malone", "MALONE, Bridget"),
    ("Phyl Greenhalgh", "Phyllis Greenhalgh"),
    ("Mr Cliff Entwistle", "Clifford Entwistle"),
    # (session 20: `Ronnie` is Veronica's too, a Polish pet form, a shorter `Barb`)
    ("Ronnie Ashcroft", "Veronica Ashcroft"),
    ("Ronnie Ashcroft", "Ronald Ashcroft"),
    ("Zbyszek Wojcik", "WOJCIK, Zbigniew"),
    ("Barb Holden", "Barbara Holden"),
])
def test_a_short_or_pet_given_name_has_its_names_variant_form(one, other):
    assert variant_form(one) == variant_form(other)


@pytest.mark.parametrize(("one", "other"), [
    ("Rita Upton", "Margaret Upton"),  # a given name of its own
    ("Ron Southall", "Robert Southall"),
    ("Betty Garbett", "Beryl Garbett"),
    ("Ronnie Ashcroft", "Vera Ashcroft"),
])
def test_other_given_names_keep_their_variant_forms(one, other):
    assert variant_form(one) != variant_form(other)


def record(location: str, name: str, *, nhs=(), test_nhs=(), dobs=()) -> Record:
    """A record naming one person as the detector keys it (`test_name_cultures.record`),
    with its initial form where it has a forename."""
    key, form = normalise_name(name), variant_form(name)
    initial = initial_form(name)
    return Record(location, "document", nhs=set(nhs), test_nhs=set(test_nhs),
                  full_names={key}, dobs=set(dobs), categories={"identifiers"},
                  variants={key: frozenset({form})} if form != key else {},
                  initials={key: initial} if initial and initial != key else {})


def test_the_name_a_person_goes_by_joins_them_with_their_date_of_birth():
    records = [record("master.xlsx", "Ronald Southall", nhs={"n1"}, dobs={"1949-09-01"}),
               record("route.csv", "Ron Southall", dobs={"1949-09-01"}),
               record("notes.docx", "Ron Southall", dobs={"1949-09-01"})]
    assert count_people(records, Linkage.STANDARD) == 1
    assert len(link(records).individuals) == 1


def test_a_pet_name_never_joins_without_the_same_date_of_birth():
    records = [record("master.xlsx", "Ronald Southall", nhs={"n1"}, dobs={"1949-09-01"}),
               record("route.csv", "Ron Southall", dobs={"1951-03-02"})]
    assert count_people(records, Linkage.STANDARD) == 2


def test_an_initial_joins_once_the_pet_name_and_the_name_are_one():
    # `Mr C. Hollins` of a date of birth that `Chris Hollins` and `Christopher Hollins`
    # share: one person holds the initial form once the pet name joined the name
    records = [record("master.xlsx", "Christopher Hollins", nhs={"n1"}, dobs={"1975-02-25"}),
               record("notes.docx", "Chris Hollins", dobs={"1975-02-25"}),
               record("podiatry.rtf", "Mr C. Hollins", dobs={"1975-02-25"})]
    assert count_people(records, Linkage.STANDARD) == 1


@pytest.mark.parametrize("other", ["Ron Southall", "Mr R. Southall"])
def test_a_test_range_record_joins_the_person_of_its_variant_or_initial_form(other):
    # the names with a test-range number make nobody; the one person written with the
    # name's pet or initial form and the same date of birth is theirs
    person = record("route.csv", other, dobs={"1949-09-01"})
    test = record("master.xlsx", "Ronald Southall", test_nhs={"t1"}, dobs={"1949-09-01"})
    individuals = link([person, test]).individuals
    assert [len(found.records) for found in individuals] == [2]


def test_a_test_range_record_of_another_date_of_birth_joins_nobody():
    person = record("route.csv", "Ron Southall", dobs={"1949-09-01"})
    test = record("master.xlsx", "Ronald Southall", test_nhs={"t1"}, dobs={"1950-09-01"})
    assert [len(found.records) for found in link([person, test]).individuals] == [1]


@pytest.mark.parametrize("value", ["Operations director and IG lead", "Chief executive"])
def test_a_role_column_of_a_long_job_title_is_staff(value):
    assert RoleRules.load().row_role([("Name", "Donna Cheung"), ("Role", value)]) == STAFF


def test_a_role_column_of_a_sentence_is_no_role():
    assert RoleRules.load().row_role([("Role", "see the notes for what she does")]) is None


def test_a_job_in_brackets_after_a_name_is_staff():
    rules = RoleRules.load()
    text = "Zofia Ferris (Driver), DOB 17/07/1975: back surgery."
    assert rules.titled(text, 0, len("Zofia Ferris (Driver)"))
    assert not rules.titled("Minnie Driver, DOB 17/07/1975", 0, len("Minnie Driver"))
