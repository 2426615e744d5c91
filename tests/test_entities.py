"""Entity types are defined once (`phiscan.detect.entities`): the recognizers, the table
and the reference page agree, and classification, hashing and masking read the table."""

from __future__ import annotations

import re
from pathlib import Path

from phiscan.detect.entities import (
    DEFAULT_ENTITIES,
    ENTITIES,
    mask_value,
    normalise,
)
from phiscan.detect.normalize import is_full_name

DOCS = Path(__file__).resolve().parent.parent / "docs" / "reference" / "output.md"


def emitted_types(detector) -> set[str]:
    return {entity for recognizer in detector.analyzer.registry.recognizers
            for entity in recognizer.supported_entities}


def test_every_emitted_type_is_in_the_table(detector) -> None:
    assert emitted_types(detector) - set(ENTITIES) == set()


def test_every_type_in_the_table_is_emitted(detector) -> None:
    assert set(ENTITIES) - emitted_types(detector) == set()


def test_the_scan_reports_every_type_in_the_table_by_default(detector) -> None:
    assert set(detector.entities) == set(DEFAULT_ENTITIES) == set(ENTITIES)


def test_the_reference_page_lists_exactly_the_table() -> None:
    section = DOCS.read_text().split("## Entity types", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    documented = {name for row in rows for name in re.findall(r"`([A-Z_]+)`", row.split("|")[1])}
    assert documented == set(ENTITIES)


def test_one_person_hashes_alike_across_shapes() -> None:
    assert normalise("UK_NHS", "943 476 5919") == normalise("UK_NHS", "9434765919")
    assert normalise("PERSON", "SMITH, Jane") == normalise("PERSON", "Mrs Jane Smith")
    assert normalise("DATE_OF_BIRTH", "12/03/1941") == normalise("DATE_OF_BIRTH", "1941-03-12")
    assert normalise("UK_POSTCODE", "sw1a 1aa") == "SW1A1AA"
    assert normalise("PHONE_NUMBER", "+44 113 496 0000") == "01134960000"


def test_every_shape_of_one_name_gives_one_key() -> None:
    shapes = {
        "Sandra Jones": ["JONES, Sandra May", "Mrs Sandra (Sandy) Jones", "Sandra 'Sandy' Jones",
                         "JONES^Sandra^May^^MRS", "Sandra Jones Jnr", "Cllr Sandra Jones"],
        "Anne-Marie Dobson-Leigh": ["DOBSON-LEIGH, Anne-Marie"],
        "Zoë O'Neill": ["Zoe ONeill", "O’NEILL, ZOË", "Lt Col Zoe O'Neill"],
    }
    for name, others in shapes.items():
        assert {normalise("PERSON", other) for other in others} == {normalise("PERSON", name)}
    assert normalise("PERSON", "Sandra Jones") != normalise("PERSON", "Sandra Jowett")
    # A double surname keeps both parts in the key (`Susan Ackroyd-Hall` is not `Susan Hall`);
    # written with no hyphen and forename first, `Dobson` may be a middle name: that shape
    # links to the hyphened one only with a date of birth (a variant, `link_variants`).
    for unhyphened in ("Anne Marie Dobson Leigh", "Dobson Leigh, Anne Marie"):
        assert normalise("PERSON", unhyphened) != normalise("PERSON", "Anne-Marie Dobson-Leigh")


def test_a_title_word_after_the_first_word_is_a_surname() -> None:
    """`Florence Lord`, `Alan King`: a title word only before the name is a title (share 5:
    `Lord` was dropped, so her name keyed as `Florence` alone and linked nowhere)."""
    assert {normalise("PERSON", shape) for shape in (
        "Florence Lord", "LORD, Florence", "LORD^Florence^^^Miss", "Miss Florence LORD",
        "Lord, Florence")} == {"florence lord"}
    assert normalise("PERSON", "Lord Florence Smith") == normalise("PERSON", "Florence Smith")
    assert mask_value("PERSON", "Miss Florence Lord") == "Miss F******* L***"
    assert mask_value("PERSON", "Lt Col Ann Dean") == "Lt Col A** D***"
    assert is_full_name("F******* Lord") and not is_full_name("Mrs L***")
    # a forename and initials is no full name, however many initials follow it (NER's `Tariq
    # A. F.` of `Akhtar, Tariq A. F. (1958-07-10)` made a person of a forename and a DOB);
    # an initial before a surname still is one (`G. Pickles`: the initial form links it)
    assert not is_full_name("T**** A. F.") and not is_full_name("P******* J.")
    assert is_full_name("G. P******") and is_full_name("T**** A. A*****")


def test_a_two_digit_year_keys_by_day_month_and_year_of_the_century() -> None:
    """`14/02/25` may be 1925 or 2025: the key leaves the century out and links either."""
    forms = ["14/02/25", "14/02/1925", "1925-02-14", "19250214", "14 Feb 1925",
             "14th February '25", "1925/02/14", "14.2.25", "February 14, 1925"]
    assert {normalise("DATE_OF_BIRTH", form) for form in forms} == {"14/02/25"}
    assert normalise("DATE_OF_BIRTH", "14/02/1926") != normalise("DATE_OF_BIRTH", "14/02/25")


def test_masks_show_shape_never_value() -> None:
    assert mask_value("UK_NHS", "943 476 5919") == "943 *** ****"
    assert mask_value("PERSON", "Jane  Smith") == "J*** S****"
    assert mask_value("UK_POSTCODE", "SW1A 1AA") == "SW1A ***"
    assert mask_value("EMAIL_ADDRESS", "jane.smith@example.org") == "j*********@e******.***"
    assert mask_value("HOME_ACCESS", "key safe 4821") == "*** **** ****"
    assert mask_value("SOMETHING_ELSE", "abc 123") == "*** ***"


def test_an_initial_then_a_family_name_in_two_words_keys_as_the_initial_form() -> None:
    """`Mrs S Mac Giolla` is Siobhan Mac Giolla's initial and family name, never a forename
    `Mac` (share 27: it keyed as `giolla mac`, a full name of nobody)."""
    assert normalise("PERSON", "Mrs S Mac Giolla") == "s. giolla"
    assert normalise("PERSON", "Mrs S Mac Giolla") != normalise("PERSON", "Sean Giolla")
    assert normalise("PERSON", "Mr J van der Berg") == normalise("PERSON", "Mr J. Berg")
