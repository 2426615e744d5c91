"""Free-text findings grouped into records (document, section, paragraph)."""

from __future__ import annotations

from phiscan.detect.records import SHORT_TEXT_CHARS, FreeTextRecords, LineIndex, assign_records
from phiscan.model import Finding, TextUnit


def finding_at(start: int, record: str | None = None) -> Finding:
    return Finding("PERSON", 0.85, "test", "", start, start + 4, "J***", "h", record=record)


def test_a_short_text_is_one_record():
    text = "Patient: Jane Smith\n\nKey safe code 1234 by the door.\n"
    records = FreeTextRecords(text)
    assert {records.record_at(0), records.record_at(text.index("Key"))} == {"document"}


def test_a_page_keeps_its_own_name():
    assert FreeTextRecords("short page", "page 3").record_at(0) == "page 3"


def test_a_long_text_is_cut_at_section_breaks_then_paragraphs():
    filler = "word " * (SHORT_TEXT_CHARS // 5)
    text = f"first\n\n---\nsecond {filler}\n\n{filler}\n# Heading\nthird\n"
    records = FreeTextRecords(text)
    assert records.record_at(0) == "section 1"
    assert records.record_at(text.index("second")) == "section 2 paragraph 1"
    assert records.record_at(text.index("second") + len(filler) + 20) == "section 2 paragraph 2"
    assert records.record_at(text.index("third")) == "section 3"


def test_structured_units_keep_their_record_and_free_text_gets_one():
    row = TextUnit("client_name: Jane Smith\n", where="row 2", record="row 2")
    assert assign_records(row, [finding_at(13, "row 2")])[0].record == "row 2"
    note = TextUnit("Jane Smith was seen today.\n")
    assert assign_records(note, [finding_at(0)])[0].record == "document"


def test_separator_lines_are_numbered_from_the_line_index():
    """`-----`, `=====`, `***`, `___` alone on a line, found by line number (1-based), at the
    text's start, after Windows line breaks and at its end; a longer line holding dashes is
    none."""
    text = ("=====\r\nClient: A\r\n-----\r\nClient: B - see notes ---- here\n"
            "  ***  \nlast\n___")
    assert LineIndex(text).separators == [1, 3, 5, 7]
    assert [LineIndex(text).line_at(offset) for offset in (0, 6, 7, len(text))] == [1, 1, 2, 7]


def test_an_organisation_or_office_label_marks_only_its_own_address_block() -> None:
    from phiscan.detect.records import LineIndex, _organisations_block

    def marked(text: str) -> bool:
        lines = LineIndex(text)
        return _organisations_block(lines, text.count("\n") + 1)

    assert [marked(text) for text in (
        "Burley Park Surgery\nPatient: Mrs Ada Thwaite\nAddress: 21 Rose Street, Leeds LS4 2QQ",
        "Registered office: 1 Park Row, Leeds LS1 5AB\nClient: Mr Tom Pike\n"
        "Address: 9 Cliff Road, Leeds LS6 4QT",
        "Main address: 3 Mill Lane, Halifax HX3 7DJ",
        "Site address: 3 Mill Lane, Halifax HX3 7DJ",
        "Aire Valley Community Care Ltd\nUnit 4, Kirkstall Forge, Leeds LS5 3BF",
        "Office address: Unit 4, Leeds LS5 3BF",
        "Burley Park Surgery\n12 Cardigan Road\nLeeds LS6 1DL",
    )] == [False, False, False, False, True, True, True]


def test_a_way_in_of_no_kind_is_not_a_subject_s_own() -> None:
    """`_names_own_way_in` counts a way in of a kind other than a key holder; a HOME_ACCESS
    finding with no kind read (`''`) is none."""
    from dataclasses import replace

    from phiscan.detect.records import _names_own_way_in
    from phiscan.model import Finding

    def found(entity_type: str, start: int, **values: str) -> Finding:
        return Finding(entity_type, 0.9, "test", "document", start, start + 4, "****",
                       f"hash-{start}", **values)

    name = replace(found("PERSON", 0, role="subject"), masked="T***** H****")
    assert [_names_own_way_in([name, found("HOME_ACCESS", 20, kind=kind)])
            for kind in ("", "key_holder", "code", "code,key_holder")] == [
        False, False, True, True]


def test_a_word_and_a_day_before_a_month_is_no_list_marker() -> None:
    """`Born 24 July 1952.` opens a sentence about a date, not a list item as `Stop 2` or
    `Job 4:` do: read as an item, each block's `Born ...` line ended the person above
    before their date, and the next block's name took it (a file of `== Name ==` blocks)."""
    text = ("Born 24 July 1952. Period claimed: 2019 to 2021.\n"
            "born 3 mar 1941\n"
            "Stop 2  09:15  Mr Idris Pugh\n"
            "Job 4: boiler\n"
            "Drop 3  10:31  Ms Eileen Kilbride\n")
    lines = LineIndex(text)
    assert [lines.item_shape(number) for number in range(1, 6)] == [
        None, None, ("", "stop"), ("", "job"), ("", "drop")]
