"""A table's rows read line by line: each distinct line's raw matches found once
(`phiscan/detect/record_lines.py`), with findings exactly those of scanning each row
whole (issue 17)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bench.corpus import CORPORA
from phiscan.detect.record_lines import RecordLines, split_lines
from phiscan.detect.tiered import is_table_row
from phiscan.model import TextUnit
from tests.test_field_recognition import units_of

DATA = Path(__file__).parent / "data"
TABLE_SUFFIXES = {".csv", ".tsv", ".xlsx", ".xls", ".ods", ".eml"}


def table_rows() -> list[TextUnit]:
    """Every row of the breach corpora's CSV and XLSX extracts, of the breach corpus's
    tables and e-mailed caseloads, of the mixed corpus's client lists and rotas, and of
    the tests' own spreadsheets."""
    files = [(Path(f.path).name, f.data) for kind in ("breach-csv", "breach-xlsx")
             for f in CORPORA[kind](3, 40)]
    files += [(Path(f.path).name, f.data) for kind in ("breach", "mixed")
              for f in CORPORA[kind](3, 120) if Path(f.path).suffix in TABLE_SUFFIXES]
    files += [(path.name, path.read_bytes()) for path in sorted(DATA.rglob("*"))
              if path.suffix in TABLE_SUFFIXES and "heldout" not in path.parts
              and path.is_file()]
    units = []
    for name, data in files:
        try:
            units += units_of(name, data)
        except Exception:  # noqa: BLE001 - a fixture that is no table (encrypted, damaged)
            continue
    return [unit for unit in units if is_table_row(unit)]


def shuffled_rows(rows: list[TextUnit], count: int, seed: int) -> list[str]:
    """Rows made of other rows' lines in any order (a line then opens a row it did not
    open, follows other lines, ends a text without its line break), with free-text
    values of every home-access kind (the costliest grammar) among them."""
    rng = random.Random(seed)
    lines = [row.text[start:end] for row in rows for start, end in split_lines(row.text)]
    phrasings = [line.split("\t")[-1] for line in
                 (DATA / "home_access" / "dev.tsv").read_text(encoding="utf-8").splitlines()
                 if "\t" in line and not line.startswith("expected")]
    lines += [f"{rng.choice(['notes', 'Access', 'key_safe', 'comments'])}: {text}\n"
              for text in rng.sample(phrasings, 400)]
    texts = []
    for _ in range(count):
        text = "".join(rng.choice(lines) for _ in range(rng.randint(1, 9)))
        texts.append(text.rstrip("\n") if rng.random() < 0.3 else text)
    return texts


def assert_read_by_lines_as_whole(layered, texts: list[str]) -> None:
    """Each text read through a line memory gives the candidates of the text read whole,
    and the memory answered some lines without reading them."""
    lines = RecordLines(layered.cheap)
    for text in texts:
        assert signature(layered.candidates(text, lines)) == signature(
            layered.candidates(text)), text
    assert 0 < lines.lines_read < sum(len(split_lines(text)) for text in texts)


def signature(results) -> list[tuple]:
    return sorted((r.entity_type, r.start, r.end, r.score,
                   r.analysis_explanation.pattern_name if r.analysis_explanation else None,
                   sorted((key, str(value)) for key, value in
                          (r.recognition_metadata or {}).items())) for r in results)


@pytest.fixture(scope="module")
def rows() -> list[TextUnit]:
    return table_rows()


def test_rows_read_by_lines_give_the_findings_of_rows_read_whole(detector, rows):
    kinds = {unit.where.split()[0] for unit in rows}
    assert len(rows) > 600 and {"row", "sheet"} <= kinds
    layered = detector.layered
    found = 0
    for unit in rows:
        layered.record_lines = None
        whole = [(f.entity_type, f.start, f.end, f.score, f.role, f.recognizer, f.field,
                  f.value_hash, f.in_label) for f in detector.detect_unit(unit)]
        layered.record_lines = RecordLines(layered.cheap)
        for _twice in range(2):  # scanning its lines, then remembering them
            assert [(f.entity_type, f.start, f.end, f.score, f.role, f.recognizer, f.field,
                     f.value_hash, f.in_label) for f in detector.detect_unit(unit)] == whole
        found += len(whole)
    assert found > 3000


def test_a_line_in_any_row_gives_what_scanning_that_row_gives(detector, rows):
    assert_read_by_lines_as_whole(detector.layered, shuffled_rows(rows, 3000, seed=17))


def test_each_distinct_line_is_scanned_once(detector, rows):
    layered = detector.layered
    lines = RecordLines(layered.cheap)
    for unit in rows[:200]:
        layered.candidates(unit.text, lines)
    scanned = lines.lines_read
    distinct = {(unit.text[start:end], start == 0) for unit in rows[:200]
                for start, end in split_lines(unit.text)}
    assert scanned == len(distinct) == len(lines.known)
    for unit in rows[:200]:
        layered.candidates(unit.text, lines)
    assert lines.lines_read == scanned


def test_the_memory_is_bounded_and_holds_no_text(detector, rows):
    layered = detector.layered
    lines = RecordLines(layered.cheap, size=50)
    for unit in rows[:100]:
        layered.candidates(unit.text, lines)
    assert len(lines.known) == 50
    assert all(isinstance(key, bytes) and len(key) == 16 for key in lines.known)
    assert all(isinstance(number, int) and all(isinstance(value, int) for match in found
                                               for value in match)
               for matches in lines.known.values() for number, found in matches)


def test_a_recognizer_scanning_every_line_is_not_answered_from_memory(detector, rows):
    layered = detector.layered
    lines = RecordLines(layered.cheap)
    recognizer = lines.recognizers[0]
    recognizer.gated = False
    try:
        assert lines.matches(rows[0].text) == {}
    finally:
        recognizer.gated = True
    assert set(lines.matches(rows[0].text)) == {id(r) for r in lines.recognizers}


def breach_table_rows() -> list[TextUnit]:
    return [unit for kind in ("breach-csv", "breach-xlsx") for f in CORPORA[kind](5, 30)
            for unit in units_of(Path(f.path).name, f.data) if is_table_row(unit)]


def test_a_column_value_is_scored_once(detector):
    """The breach extracts' rows read twice through one memory: the lines of the
    recognizers whose scoring is their line's (`line_local_scoring`) are scored the first
    time only, and each row's candidates are those of reading it whole."""
    rows = breach_table_rows()
    layered = detector.layered
    lines = RecordLines(layered.cheap)
    first = [signature(layered.candidates(unit.text, lines)) for unit in rows]
    scored = lines.lines_scored
    assert 0 < scored < sum(len(split_lines(unit.text)) for unit in rows)
    second = [signature(layered.candidates(unit.text, lines)) for unit in rows]
    assert lines.lines_scored == scored
    assert first == second == [signature(layered.candidates(unit.text)) for unit in rows]
    assert all(isinstance(key, bytes) and len(key) == 18 for key in lines.scores)
    scorers = {type(r).__name__ for r in lines.recognizers if lines.scores_lines(r)}
    assert {"NhsNumberRecognizer", "UkPostcodeRecognizer", "DateOfBirthRecognizer",
            "NameFieldRecognizer"} <= scorers
    assert "HomeAccessRecognizer" not in scorers


def test_a_name_decided_by_its_line_is_scored_once(detector, monkeypatch):
    """A name field's value and a titled name are decided by their line (`scored_on_line`):
    a line seen in an earlier row is not scored again, and the row's names are those of
    reading it whole. A name before a bracketed date reads past its line (the bracket may
    be anywhere after it), so it is scored in every row holding it."""
    layered = detector.layered
    names = next(r for r in layered.cheap if type(r).__name__ == "NameFieldRecognizer")
    scored_lines: list[str] = []
    scored_on_line = names.scored_on_line

    def counted(text, raw):
        scored_lines.append(text[raw[1]:raw[2]])
        return scored_on_line(text, raw)

    monkeypatch.setattr(names, "scored_on_line", counted)
    rows = ["client_name: Patricia Green\nnhs_number: 4858200019\n",
            "client_name: Patricia Green\nnotes: seen by Dr Imran Ellery\n",
            "key_worker: Stanley Nowak\nnotes: seen by Dr Imran Ellery\n",
            "key_worker: Stanley Nowak\nnotes: visited Ada Lovelock (12/04/1930) today\n",
            "client_name: Patricia Green\nnotes: visited Ada Lovelock (12/04/1930) today\n"]
    lines = RecordLines(layered.cheap)
    for text in rows:
        found = signature(layered.candidates(text, lines))
        assert found == signature(layered.candidates(text, None))
        assert ("PERSON", text.find(": ") + 2) in [(entity, start)
                                                   for entity, start, *_rest in found]
    # (`visited Ada Lovelock` is read by the visit verb and by the bracketed date in each row
    # holding it: the date reads past its line, so that line is scored again whole)
    assert scored_lines == ["Patricia Green", "Dr Imran Ellery", "Stanley Nowak",
                            *["Ada Lovelock"] * 4]


@pytest.mark.parametrize("text", [
    # A dotted field: its siblings (`contact.use`) are read too.
    "contact.use: mobile\ncontact.phone: 07700 900123\n",
    # A written date whose line names no birth: whether it heads a list entry is read.
    "ref: A1\nnotes: visited Ada Lovelock (12/04/1930) today\n",
    # A match in the column's name, not in its value.
    "LS1 4AP depot: closed\nnotes: none\n",
])
def test_a_line_whose_score_reads_more_than_itself_is_scored_every_time(detector, text):
    layered = detector.layered
    lines = RecordLines(layered.cheap)
    once = signature(layered.candidates(text, lines))
    scored = lines.lines_scored
    assert scored > 0
    assert signature(layered.candidates(text, lines)) == once == signature(
        layered.candidates(text))
    assert lines.lines_scored == 2 * scored
    assert not lines.scores


def test_card_and_iban_numbers_of_a_row_are_its_lines_own(detector):
    """Presidio's card and IBAN recognizers read a row by its lines, each distinct line
    once: the same candidates as reading the row whole, wherever the line stands."""
    layered = detector.layered
    lines = RecordLines(layered.cheap)
    card, iban = "card: 4111 1111 1111 1111\n", "bank: GB82 WEST 1234 5698 7654 32\n"
    texts = [card + iban, "client_name: Ada Lovelock\n" + iban + card, iban + "notes: none",
             card.rstrip("\n"), "notes: ref 4111111111111111 and GB82WEST12345698765432\n"]
    for text in texts:
        found = signature(layered.candidates(text, lines))
        assert found == signature(layered.candidates(text))
        assert {"CREDIT_CARD", "IBAN_CODE"} & {entity for entity, *_rest in found}
    assert lines.lines_found == lines_read_by_finders(layered, lines, texts)


def test_email_addresses_of_a_row_are_its_lines_own(detector):
    """The e-mail recognizer reads a row by its lines as the card and IBAN ones do: the
    same candidates as reading the row whole, each distinct line read once."""
    layered = detector.layered
    lines = RecordLines(layered.cheap)
    email = next(r for r in layered.cheap if r.supported_entities == ["EMAIL_ADDRESS"])
    assert id(email) in lines.line_finders
    texts = ["Email: kenneth.walker@example.org\nGP: Wayne Ormerod\n",
             "Surname: Walker\nEmail: kenneth.walker@example.org\n",
             "notes: wrote to a.b@nhs.net, cc c-d@example.co.uk; bad@x\nEmail: none",
             "Email: kenneth.walker@example.org"]
    for text in texts:
        found = signature(layered.candidates(text, lines))
        assert found == signature(layered.candidates(text))
        assert "EMAIL_ADDRESS" in {entity for entity, *_rest in found}
    assert lines.lines_found == lines_read_by_finders(layered, lines, texts)
    assert lines_read_by_finders(layered, lines, ["Email: none\nGP: Wayne Ormerod"]) == 0


def lines_read_by_finders(layered, lines: RecordLines, texts: list[str]) -> int:
    """(line, recognizer) pairs the line finders read: each distinct line once, of the rows
    holding the character their matches need (`may_find`: a digit, an `@`)."""
    finders = [r for r in layered.cheap if id(r) in lines.line_finders]
    return len({(id(finder), text[start:end], start == 0) for text in texts
                for finder in finders if finder.may_find(text)
                for start, end in split_lines(text)})


def test_a_value_in_the_wrong_column_is_found_where_it_is(detector):
    """Every line still goes through every recognizer: an NHS number typed into a notes
    column and a name in an ID column are found in that column, whether their rows' other
    lines were scored before or come from memory."""
    from phiscan.extract.base import record_unit

    rows = [[("client_name", "Patricia Green"), ("nhs_number", "4858200019"),
             ("notes", "Prefers morning visits")],
            [("client_name", "Stanley Nowak"), ("nhs_number", "4858200027"),
             ("notes", "NHS no 4858200019 on an old letter")],
            [("client_id", "Doris Whitworth"), ("nhs_number", "4858200027"),
             ("notes", "Prefers morning visits")]]
    layered = detector.layered
    layered.record_lines = lines = RecordLines(layered.cheap)
    try:
        for _twice in range(2):
            found = [[(f.entity_type, str(f.field), f.value_hash) for f in detector.detect_unit(
                record_unit(pairs, f"row {number}", f"row {number}"))]
                for number, pairs in enumerate(rows, 2)]
            first_nhs = found[0][0][2]
            assert [[(entity, field) for entity, field, _hash in row] for row in found] == [
                [("UK_NHS", "nhs_number"), ("PERSON", "client_name")],
                [("UK_NHS", "nhs_number"), ("UK_NHS", "notes"), ("PERSON", "client_name")],
                [("UK_NHS", "nhs_number"), ("PERSON", "client_id")]]
            assert found[1][1][2] == first_nhs != found[1][0][2] == found[2][0][2]
        # Two NHS number lines, the note and two name lines, once each.
        assert lines.lines_scored == 5
    finally:
        layered.record_lines = RecordLines(layered.cheap)

def _home_access_counted(layered, monkeypatch) -> tuple[object, list[str]]:
    """The HOME_ACCESS recognizer, and the list of texts its `analyze` is called on."""
    access = next(r for r in layered.cheap if r.supported_entities[0] == "HOME_ACCESS")
    analysed: list[str] = []
    analyze = access.analyze

    def counted(text, *args, **kwargs):
        analysed.append(text)
        return analyze(text, *args, **kwargs)

    monkeypatch.setattr(access, "analyze", counted)
    return access, analysed


def test_home_access_reads_only_rows_that_may_hold_a_way_in(detector, monkeypatch):
    """A row whose lines hold no raw match of the grammar is not analysed for home access
    (most rows of an extract: nothing but names, numbers and dates); a row whose digits
    read as letters (`k3y`) is, as its reading may hold what its text does not."""
    layered = detector.layered
    access, analysed = _home_access_counted(layered, monkeypatch)
    plain = "client_name: Norman Jackson\nnhs_number: 7469501401\nnotes: Prefers morning visits"
    damaged = "client_name: Norman Jackson\nnotes: spare k3y under the mat by the back door"
    lines = RecordLines(layered.cheap)
    found = {text: [(r.entity_type, text[r.start:r.end]) for r in layered.candidates(text, lines)
                    if r.entity_type == "HOME_ACCESS"] for text in (plain, damaged)}
    assert found == {plain: [], damaged: [("HOME_ACCESS",
                                           "spare k3y under the mat by the back door")]}
    assert analysed == [damaged]


def test_home_access_does_not_analyse_fields_whose_name_is_no_way_in(detector, monkeypatch):
    """A row whose only raw matches of the grammar are record fields named no way in
    (`postcode`, `key_worker`: their names hold `code` and `key`) is not analysed for home
    access, in a table or a message; each such line is judged once (`RecordLines.unrefused`);
    a field named a way in (`key_safe`) still is, with the finding of the row read whole."""
    layered = detector.layered
    access, analysed = _home_access_counted(layered, monkeypatch)
    staff = "client_name: Norman Jackson\npostcode: LS6 2QB\nkey_worker: Imran Garside\n"
    other = "client_name: Edith Lowe\npostcode: LS6 2QB\nkey_worker: Imran Garside\n"
    coded = "client_name: Edith Lowe\npostcode: LS6 2QB\nkey_safe: 4471\n"
    lines = RecordLines(layered.cheap)
    assert access.raw_matches(staff, access.global_regex_flags)  # the names' words match
    for _reading in range(2):  # a table's row and a message's record are read alike
        found = {text: [(r.entity_type, text[r.start:r.end])
                        for r in layered.candidates(text, lines)
                        if r.entity_type == "HOME_ACCESS"] for text in (staff, other, coded)}
        assert found == {staff: [], other: [], coded: [("HOME_ACCESS", "key_safe: 4471")]}
    assert analysed == [coded, coded]
    assert lines.lines_refused == 3  # postcode, key_worker, key_safe: once each
    assert signature(layered.candidates(coded, lines)) == signature(layered.candidates(coded))


def test_lines_read_ahead_for_many_rows_give_what_each_row_gives(detector, rows, monkeypatch):
    """`RecordLines.read_ahead`: the new lines of many rows (lines opening rows they did not
    open, rows ending without a line break, one-line rows) scanned in a few texts leave the
    memory holding what each row's own scan finds: every row's candidates are those of the
    row read whole, and no row scans a line again."""
    layered = detector.layered
    texts = shuffled_rows(rows, 1200, seed=29)
    assert any(len(split_lines(text)) == 1 and not text.endswith("\n") for text in texts)
    lines = RecordLines(layered.cheap)
    scans = []
    scan = RecordLines.scan
    monkeypatch.setattr(RecordLines, "scan", lambda self, pieces, opens: (
        scans.append(len(pieces)), scan(self, pieces, opens))[1])
    for start in range(0, len(texts), 32):
        lines.read_ahead(texts[start:start + 32])
    read_ahead = lines.lines_read
    distinct = {(text[begin:end], begin == 0) for text in texts
                for begin, end in split_lines(text)}
    assert read_ahead == len(distinct) == sum(scans)
    assert len(scans) < len(texts) * 0.6
    for text in texts:
        assert signature(layered.candidates(text, lines)) == signature(
            layered.candidates(text)), text
    assert lines.lines_read == read_ahead
    # A table's rows in their order: their new lines in fewer scans than rows holding one.
    row_by_row, ahead = RecordLines(layered.cheap), RecordLines(layered.cheap)
    ahead.secret = row_by_row.secret  # the same digests
    scans.clear()
    for unit in rows:
        row_by_row.read_row(unit.text)
    rows_scanned = len(scans)
    scans.clear()
    for start in range(0, len(rows), 32):
        ahead.read_ahead([unit.text for unit in rows[start:start + 32]])
    assert ahead.known.keys() == row_by_row.known.keys()
    assert all(ahead.known[key] == row_by_row.known[key] for key in ahead.known)
    assert 3 * len(scans) < rows_scanned  # 1,015 scans for 6,046 rows' (of 6,299)


def test_rows_held_back_come_in_order_and_before_their_extractors_failure(detector, rows):
    """`records_read_ahead` (the scan's loop): rows held back to be read ahead come out in
    the extractor's order, with the pieces between them, and an extractor's failure after
    some rows comes after those rows, as it does unheld."""
    from phiscan.scan.pipeline import RECORDS_AHEAD, records_read_ahead

    other = TextUnit(text="free text", where="page 1")
    pieces = [*rows[:5], other, *rows[5:5 + 2 * RECORDS_AHEAD + 3]]
    assert list(records_read_ahead(iter(pieces), detector)) == pieces

    def failing():
        yield from rows[:7]
        raise ValueError("malformed")

    given = []
    with pytest.raises(ValueError, match="malformed"):
        for piece in records_read_ahead(failing(), detector):
            given.append(piece)
    assert given == rows[:7]
