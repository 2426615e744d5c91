"""Linkage rules on hand-built records: exact individuals and bounds, no detection involved."""

from __future__ import annotations

from phiscan.scoping.linkage import Linkage, count_people, link, seeds_of
from phiscan.scoping.subject_records import Record


def record(location: str, *, nhs=(), test_nhs=(), names=(), dobs=(), postcodes=(),
           categories=("identifiers",)) -> Record:
    return Record(location, "document", nhs=set(nhs), test_nhs=set(test_nhs),
                  full_names=set(names), dobs=set(dobs), postcodes=set(postcodes),
                  categories=set(categories))


def counts(records: list[Record]) -> tuple[int, int, int]:
    standard = len(link(records).individuals)
    assert count_people(records, Linkage.STANDARD) == standard
    found = tuple(count_people(records, linkage) if linkage is not Linkage.STANDARD else standard
                  for linkage in (Linkage.LOOSE, Linkage.STANDARD, Linkage.STRICT))
    # As the report runs them: one set of seeds shared by the three linkages, in its order;
    # no linkage changes what the next one starts from.
    shared = seeds_of(records)
    people = [person.id for person in link(records, shared).individuals]
    assert (count_people(records, Linkage.LOOSE, shared), len(people),
            count_people(records, Linkage.STRICT, shared)) == found
    assert [person.id for person in link(records, shared).individuals] == people
    assert count_people(records, Linkage.STANDARD, shared) == standard
    return found


def test_same_nhs_number_is_one_person_across_locations():
    records = [record("a.txt", nhs={"n1"}, names={"jane"}), record("b.csv", nhs={"n1"}),
               record("c.json", nhs={"n2"})]
    assert counts(records) == (2, 2, 2)


def test_name_and_dob_link_a_record_without_nhs_number():
    records = [record("note.txt", nhs={"n1"}, names={"smith"}, dobs={"d1"}, postcodes={"p1"}),
               record("letter.txt", names={"smith"}, dobs={"d1"})]
    linked = link(records)
    assert len(linked.individuals) == 1
    assert len(linked.individuals[0].records) == 2
    # strict: no agreeing postcode on the letter, so it may be someone else
    assert counts(records) == (1, 1, 2)


def test_same_name_and_dob_with_different_nhs_numbers_are_two_people():
    records = [record("a.txt", nhs={"n1"}, names={"smith"}, dobs={"d1"}),
               record("b.txt", nhs={"n2"}, names={"smith"}, dobs={"d1"})]
    assert counts(records) == (1, 2, 2)


def test_staff_names_without_dob_never_make_a_person():
    rota = [record("rota.csv", names={f"carer{i}"}) for i in range(5)]
    patients = [record("p.txt", nhs={"n1"}, names={"carer1", "patient1"})]
    linked = link(rota + patients)
    assert len(linked.individuals) == 1
    assert counts(rota + patients) == (1, 1, 1)


def test_name_only_record_attaches_only_when_the_name_is_unique_and_postcode_agrees():
    seeds = [record("a.txt", nhs={"n1"}, names={"jane"}, postcodes={"p1"}),
             record("b.txt", nhs={"n2"}, names={"carer"}),
             record("c.txt", nhs={"n3"}, names={"carer"})]
    keysafe = record("keys.csv", names={"jane"}, categories={"identifiers", "home_access"})
    wrong_postcode = record("w.csv", names={"jane"}, postcodes={"p9"},
                            categories={"identifiers", "home_access"})
    carer_list = record("staff.csv", names={"carer"}, categories={"identifiers", "home_access"})
    linked = link([*seeds, keysafe, wrong_postcode, carer_list])
    jane = next(person for person in linked.individuals if person.nhs == {"n1"})
    assert jane.home_access
    assert sum(person.home_access for person in linked.individuals) == 1
    assert [r.location for r in linked.unattributed] == ["w.csv", "staff.csv"]


def test_unknown_names_beside_health_data_raise_only_the_upper_bound():
    records = [record("a.txt", nhs={"n1"}),
               record("b.txt", names={"stranger"}, categories={"identifiers", "health"}),
               record("c.txt", names={"visitor"})]
    assert counts(records) == (1, 1, 2)


def test_test_range_numbers_are_not_people_but_flag_who_they_attach_to():
    records = [record("t.csv", test_nhs={"t1"}),
               record("t2.csv", test_nhs={"t2"}, names={"test patient"}, dobs={"d9"}),
               record("a.txt", nhs={"n1"}, names={"smith"}, dobs={"d1"}),
               record("b.txt", test_nhs={"t3"}, names={"smith"}, dobs={"d1"})]
    linked = link(records)
    assert len(linked.individuals) == 1
    assert linked.individuals[0].test_range_nhs
    assert counts(records) == (1, 1, 1)


def test_loose_links_name_and_postcode_but_not_names_shared_by_several_nhs_numbers():
    records = [record("a.txt", names={"jane"}, dobs={"d1"}, postcodes={"p1"}),
               record("b.txt", names={"jane"}, dobs={"d2"}, postcodes={"p1"}),
               record("c.txt", nhs={"n1"}, names={"mill lane"}, postcodes={"p2"}),
               record("d.txt", nhs={"n2"}, names={"mill lane"}, postcodes={"p2"})]
    assert counts(records) == (3, 4, 4)


def test_individual_ids_are_stable_and_unique():
    records = [record(f"{i}.txt", nhs={f"n{i}"}) for i in range(50)]
    first = [person.id for person in link(records).individuals]
    second = [person.id for person in link(list(reversed(records))).individuals]
    assert first == second
    assert len(set(first)) == 50
    assert all(identifier.startswith("P-") for identifier in first)


def test_dates_of_birth_without_a_name_raise_only_the_upper_bound():
    records = [record("a.txt", nhs={"n1"}, names={"smith"}, dobs={"d1"}),
               record("b.json", dobs={"d2"}, postcodes={"p1"}),
               record("c.json", dobs={"d2"}, postcodes={"p1"}),
               record("d.json", dobs={"d3"}),
               record("t.csv", test_nhs={"t1"}, dobs={"d4"})]
    assert counts(records) == (1, 1, 3)


def test_a_name_written_once_with_a_number_and_once_with_a_date_of_birth_is_one_person():
    by_number = record("mail.eml", nhs={"n1"}, names={"jagger"})
    by_birth = record("list.txt", names={"jagger"}, dobs={"d1"}, postcodes={"p1"})
    linked = link([by_number, by_birth])
    assert [len(person.records) for person in linked.individuals] == [2]
    assert counts([by_number, by_birth]) == (1, 1, 2)
    # anything told twice that differs keeps them apart: two dates, two numbers, two postcodes
    for first, second in ((record("b.txt", nhs={"n1"}, names={"jagger"}, dobs={"d2"}), by_birth),
                          (record("b.txt", nhs={"n2"}, names={"jagger"}), by_number),
                          (record("b.txt", nhs={"n1"}, names={"jagger"}, postcodes={"p2"}),
                           by_birth)):
        assert counts([first, second])[1] == 2
    # a name three people carry is common or a carer's; one never alone may be a carer's
    third = record("c.txt", names={"jagger"}, dobs={"d3"})
    assert counts([by_number, by_birth, third])[1] == 3
    beside = record("note.txt", nhs={"n1"}, names={"jagger", "carer"})
    assert counts([beside, by_birth])[1] == 2
