"""One key per person across naming cultures (issue 15, session 13).

The full-name key folds every diacritic, letters with a stroke too (`Łukasz` = `Lukasz`,
`Đức` = `Duc`); a family name written first in capitals is the family name in several
words too (`VAN DER BERG Pieter`); particles are read inside a name in prose (`Pieter van
der Berg (DOB)`, `Khalid al-Rashid`, `Nurul Aisyah binti Ahmad`); a name in another order,
with or without a particle, or in another romanisation (`Abdul Rashid Muhammad` for
`Mohammed Abdul Rashid`) joins its person only with an agreeing date of birth (or NHS
number), never on the name alone."""

from __future__ import annotations

import pytest

from phiscan.detect.normalize import normalise_name, variant_form, variant_keys
from phiscan.model import TextUnit
from phiscan.scoping.linkage import Linkage, count_people, link
from phiscan.scoping.subject_records import Record


@pytest.mark.parametrize(("one", "other"), [
    ("Łukasz Wiśniewski", "Lukasz Wisniewski"),
    ("TRẦN Đức Anh", "Duc Anh Tran"),
    ("Zoë Ørsted", "Zoe Orsted"),
    ("Jürgen Weiß", "Jurgen Weiss"),
    ("VAN DER BERG Pieter", "Pieter van der Berg"),
    ("DE LA CRUZ Maria", "María de la Cruz"),
    ("NÍ BHRIAIN Siobhán", "Siobhan Ni Bhriain"),
    ("CHAN Tai Man", "Tai Man Chan"),
])
def test_one_full_name_key_whatever_the_letters_and_order(one, other):
    assert normalise_name(one) == normalise_name(other)


@pytest.mark.parametrize(("one", "other"), [
    ("Mohammed Abdul Rashid", "Abdul Rashid Mohammed"),
    ("RASHID, Mohammed Abdul", "Abdul Rashid Muhammad"),
    ("Mohammed Iqbal", "Mohamed Iqbal"),
    ("Nurul Aisyah binti Ahmad", "AHMAD, Nurul Aisyah"),
    ("Khalid al-Rashid", "RASHID Khalid"),
    ("Seán Ó Murchú", "Sean Murchu"),
    ("KARIM Md Abdul", "Mohammed Abdul Karim"),  # a ward list's abbreviation
    ("Yousef el-Masri", "AL-MASRI, Youssef"),
])
def test_a_name_in_another_order_particle_or_spelling_has_one_variant_form(one, other):
    assert variant_form(one) == variant_form(other)


@pytest.mark.parametrize(("one", "other"), [
    ("Harjit Singh", "Harjit Singh Sandhu"),  # `Singh` and a forename is no identity
    ("Rukhsana Begum", "Shahida Begum"),
    ("Mohammed Iqbal", "Mohammed Imran"),
    ("Tai Man Chan", "Peter Chan"),
])
def test_different_names_have_different_variant_forms(one, other):
    assert variant_form(one) != variant_form(other)


def record(location: str, name: str, *, nhs=(), dobs=()) -> Record:
    """A record naming one person as the detector keys it: the name's key, and its variant
    form where that differs (`Detector.variant_hash`)."""
    key, form = normalise_name(name), variant_form(name)
    return Record(location, "document", nhs=set(nhs), full_names={key}, dobs=set(dobs),
                  categories={"identifiers"},
                  variants={key: frozenset({form})} if form != key else {})


def people(records: list[Record]) -> int:
    return count_people(records, Linkage.STANDARD)


def test_another_order_joins_its_person_with_the_same_date_of_birth():
    records = [record("note.txt", "Mohammed Abdul Rashid", nhs={"n1"}, dobs={"1954-05-06"}),
               record("extract.csv", "Abdul Rashid Mohammed", dobs={"1954-05-06"}),
               record("mail.eml", "Abdul Rashid Muhammad", dobs={"1954-05-06"})]
    assert people(records) == 1
    assert len(link(records).individuals) == 1


def test_a_spelling_joins_only_with_the_same_date_of_birth():
    records = [record("note.txt", "Mohammed Iqbal", dobs={"1941-06-27"}),
               record("letter.txt", "Muhammad Iqbal", dobs={"1941-06-27"}),
               record("clinic.txt", "Mohamed Iqbal", dobs={"2001-11-26"})]
    assert people(records) == 2


def test_a_variant_never_joins_two_numbered_people():
    # two men of one form and date of birth with their own NHS numbers: which one is the
    # third record's? Neither: it stays a person of its own.
    records = [record("a.txt", "Mohammed Iqbal", nhs={"n1"}, dobs={"1941-06-27"}),
               record("b.txt", "Mohamed Iqbal", nhs={"n2"}, dobs={"1941-06-27"}),
               record("c.txt", "Muhammad Iqbal", dobs={"1941-06-27"})]
    assert people(records) == 3


def test_a_variant_without_a_date_of_birth_joins_nobody():
    records = [record("note.txt", "Mohammed Abdul Rashid", nhs={"n1"}, dobs={"1954-05-06"}),
               record("rota.csv", "Abdul Rashid Mohammed")]
    individuals = link(records).individuals
    assert len(individuals) == 1
    assert [len(person.records) for person in individuals] == [1]


def test_the_strict_bound_keeps_variants_apart():
    records = [record("note.txt", "Mohammed Iqbal", dobs={"1941-06-27"}),
               record("letter.txt", "Muhammad Iqbal", dobs={"1941-06-27"})]
    assert count_people(records, Linkage.STRICT) == 2


@pytest.mark.parametrize(("text", "name"), [
    ("Visit to Pieter van der Berg (25/07/1990) today.", "Pieter van der Berg"),
    ("Visit to María de la Cruz (01/10/1934) today.", "María de la Cruz"),
    ("Visit to Khalid al-Rashid (08/06/1983) today.", "Khalid al-Rashid"),
    ("Patient: Nurul Aisyah binti Ahmad\nDOB 09/03/1949\n", "Nurul Aisyah binti Ahmad"),
    ("Re: Mr Khalid al-Rashid, NHS 943 476 5919\n", "Mr Khalid al-Rashid"),
    ("Patient: VAN DER BERG Pieter\nBorn: 12/03/1957\n", "VAN DER BERG Pieter"),
])
def test_particles_are_read_inside_a_name(detector, text, name):
    found = [value for finding, value in detector.detect_unit_values(TextUnit(text=text,
                                                                              where="x"))
             if finding.entity_type == "PERSON"]
    assert found == [name]


def test_a_name_carries_its_variant_form_hash(detector):
    unit = TextUnit(text="Patient: Abdul Rashid Muhammad\nDOB 06/05/1954\n", where="x")
    finding = next(finding for finding in detector.detect_unit(unit)
                   if finding.entity_type == "PERSON")
    other = TextUnit(text="Patient: Mohammed Abdul Rashid\nDOB 06/05/1954\n", where="x")
    plain = next(finding for finding in detector.detect_unit(other)
                 if finding.entity_type == "PERSON")
    assert finding.variant_hash and finding.value_hash not in variant_keys(finding.variant_hash)
    # (each also carries its middle names' forms, `abdul rashid`, `rashid muhammad`)
    assert variant_keys(plain.variant_hash) & variant_keys(finding.variant_hash)
    assert finding.value_hash != plain.value_hash
