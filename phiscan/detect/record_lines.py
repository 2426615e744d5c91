"""A table's rows read line by line: each distinct line's raw matches found once.

A CSV or spreadsheet row reaches the cheap pass as `column: value` lines (`record_unit`),
and the same lines recur in row after row and file after file: a column's name with one
patient's NHS number, date of birth, postcode or key worker. Finding the candidates
(`ContextScoredRecognizer.raw_matches`: triggers, the context gate, the patterns) is
most of what the cheap pass costs on such rows, and it is the part that depends on the
line alone: no pattern crosses a line, and triggers and gates work by lines. So a line's
raw matches are remembered per worker (`RecordLines`), and a row's lines seen before
are not scanned again; those not seen yet are scanned together, once per row.

Only the finding is remembered, never the deciding: validation, context scoring (the
field name, the words around, the other fields of the row) and everything after run on
the row's own text as before, so a value typed into the wrong column is judged where it
is. A line is remembered under a keyed digest of its text (a random key per process,
as `ValueMemo`): no text is kept. Whether a line opens the row is part of the key (a
pattern may look one character behind a match: a line break, or nothing).

A column's value is also scored once (`RecordLines.scored`), for the recognizers whose
scoring reads only the match and `context_of` (`line_local_scoring`: NHS numbers,
postcodes, phones, NI numbers, clinical codes, term lists; dates of birth where the line
says so, `scored_on_line`): `context_of` reads a match in the value of a `name: value`
line from that line alone (`line_value_start`), so the line's validated and scored
results (offsets within the line, no text) are those of any row holding it. A line of
any other shape (prose, a dotted field name whose siblings are read, a match in the
column's name) is scored in its row every time, and so is a row with OCR damage (read
through its reading, as a whole).

A raw match its own line refuses whatever the rest of the text says (`refused_by_line`:
HOME_ACCESS's record fields whose name is no way in, `postcode`, `key_worker`, `OBX-2`) is
judged once per distinct line (`RecordLines.unrefused`) and dropped before `analyze`, in a
table's rows and a message's records alike: a row or message holding no other match of that
recognizer is not analysed at all (session 16).

Presidio's card, IBAN and e-mail recognizers (`line_local_results`: patterns that never
cross a line, no context read) give a row its lines' results: each distinct line is read
once, and a row without the character every match needs (`may_find`: a digit, an `@`) not
at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from presidio_analyzer import EntityRecognizer, RecognizerResult

from phiscan.detect.memory import KeyedMemory, remember
from recognizers.base import ContextScoredRecognizer, RawMatch
from recognizers.context import line_value_start

# Distinct lines a worker remembers (each entry: a 16-byte key and a few matches).
MEMORY_LINES = 65536
# A line's scored results, for one recognizer: (pattern index, result at line offsets).
LineScores = tuple[tuple[int, RecognizerResult], ...]
# A line's raw matches: (recognizer number, its matches at line offsets) for each
# recognizer with a match there, by number; most lines hold none (`()`).
LineMatches = tuple[tuple[int, tuple[RawMatch, ...]], ...]


@dataclass(frozen=True)
class RowLines:
    """One row's lines as `RecordLines.read_row` found them: (start, end) of each, its
    key, and, per recognizer number, the lines holding its raw matches (line index,
    matches at line offsets), in line order."""

    lines: list[tuple[int, int]]
    keys: list[bytes]
    holding: dict[int, list[tuple[int, tuple[RawMatch, ...]]]]


class RecordLines(KeyedMemory[LineMatches]):
    """Raw matches of record lines per line, for the recognizers that find them by
    patterns (`ContextScoredRecognizer`); the others read the row as before."""

    def __init__(self, recognizers: list[EntityRecognizer], size: int = MEMORY_LINES) -> None:
        self.recognizers = [r for r in recognizers if isinstance(r, ContextScoredRecognizer)]
        self.numbers = {id(r): number for number, r in enumerate(self.recognizers)}
        self.tags = {id(r): number.to_bytes(2, "big") for number, r in enumerate(self.recognizers)}
        self.line_scorers = frozenset(id(r) for r in self.recognizers if r.line_local_scoring)
        # Other recognizers whose results in a row are its lines' own (`found_by_lines`).
        finders = [r for r in recognizers if getattr(r, "line_local_results", False)]
        self.line_finders = {id(r): len(self.recognizers) + n for n, r in enumerate(finders)}
        self.tags.update((id(r), (len(self.recognizers) + n).to_bytes(2, "big"))
                         for n, r in enumerate(finders))
        super().__init__(size)
        # Scored results per (line, recognizer): `scored`.
        self.scores: dict[bytes, LineScores] = {}
        self.lines_read = 0  # lines scanned (not remembered), for tests and the benchmark
        self.lines_scored = 0  # (line, recognizer) pairs scored, not answered from memory
        # Results per (line, recognizer) of the `line_local_results` recognizers.
        self.line_results: dict[bytes, tuple[RecognizerResult, ...]] = {}
        self.lines_found = 0  # (line, recognizer) pairs they read, not answered from memory
        # Per (line, recognizer): which of its raw matches the line refuses (`unrefused`).
        self.refusals: dict[bytes, tuple[bool, ...]] = {}
        self.lines_refused = 0  # (line, recognizer) pairs judged, not answered from memory
        # The run of rows `read_ahead` read last: each row's lines and keys, by the row's
        # text (the very object the scan reads next), so `read_row` works them out once.
        self.ahead: dict[int, tuple[str, list[tuple[int, int]], list[bytes]]] = {}

    def handles(self, recognizer: EntityRecognizer) -> bool:
        return isinstance(recognizer, ContextScoredRecognizer)

    def key(self, line: str, opens: bool) -> bytes:
        data = ("\x01" if opens else "\x00") + line
        return self.digest(data)

    def matches(self, text: str) -> dict[int, list[RawMatch]]:
        """Per recognizer (by `id`), the raw matches in text, as `raw_matches(text)`
        gives them: pattern by pattern, each pattern's in text order. Nothing when a
        recognizer scans every line (`gated = False`, the reference tests compare with)."""
        return self.read_row(text)[0]

    def read_row(self, text: str) -> tuple[dict[int, list[RawMatch]], RowLines | None]:
        """`matches(text)`, and the row's lines they were found by (None with nothing)."""
        if not all(recognizer.gated for recognizer in self.recognizers):
            return {}, None
        held = self.ahead.pop(id(text), None)
        if held is not None and held[0] is text:
            lines, keys = held[1], held[2]
        else:
            lines, pieces = line_pieces(text)
            keys = [self.key(piece, index == 0) for index, piece in enumerate(pieces)]
        known = self.known
        by_line = [known.get(key) for key in keys]
        missing = [index for index, found in enumerate(by_line) if found is None]
        if missing:
            for index, read in zip(missing, self.read(text, lines, keys, missing), strict=True):
                by_line[index] = read
        holding: dict[int, list[tuple[int, tuple[RawMatch, ...]]]] = {}
        for index, remembered in enumerate(by_line):
            for number, matches in remembered:
                holding.setdefault(number, []).append((index, matches))
        found: dict[int, list[RawMatch]] = {}
        for number, recognizer in enumerate(self.recognizers):
            raw: list[RawMatch] = []
            for index, matches in holding.get(number, ()):
                offset = lines[index][0]
                raw.extend((pattern, start + offset, end + offset)
                           for pattern, start, end in matches)
            if len(raw) > 1:
                raw.sort(key=_pattern_index)  # pattern by pattern, each in text order (stable)
            found[id(recognizer)] = raw
        return found, RowLines(lines, keys, holding)

    def found_by_lines(self, recognizer: EntityRecognizer, text: str, row: RowLines,
                       entities: list[str]) -> list[RecognizerResult]:
        """What `recognizer.analyze(text)` returns for a recognizer whose patterns never
        cross a line and which reads no context (`line_local_results`): each line's
        results, found once per distinct line, in the order `remove_duplicates` gives. A row
        its cheap sign says no line of can hold a match (`may_find`: no `@`, no digit) is
        not read line by line."""
        if not recognizer.may_find(text):
            return []
        tag = self.tags[id(recognizer)]
        found: list[RecognizerResult] = []
        for (offset, end), key in zip(row.lines, row.keys, strict=True):
            known = self.line_results.get(key + tag)
            if known is None:
                self.lines_found += 1
                known = remember(self.line_results, key + tag, tuple(
                    recognizer.analyze(text[offset:end], entities, None) or []), self.limit)
            found.extend(_moved(result, offset) for result in known)
        return EntityRecognizer.remove_duplicates(found) if len(found) > 1 else found

    def unrefused(self, recognizer: ContextScoredRecognizer, text: str, row: RowLines
                  ) -> list[RawMatch]:
        """The recognizer's raw matches in the row (as `read_row` gives them) less those
        their own line refuses (`refused_by_line`: HOME_ACCESS's record fields whose name
        is no way in), each distinct line judged once: a column's name says it in every
        row. Nothing refused gives nothing in `analyze`, so a row holding no other match
        is not analysed at all (`recognizers.base.analyze_given`)."""
        tag = self.tags[id(recognizer)]
        kept: list[RawMatch] = []
        for index, mine in row.holding.get(self.numbers[id(recognizer)], ()):
            offset, key = row.lines[index][0], row.keys[index] + tag
            refused = self.refusals.get(key)
            if refused is None:
                self.lines_refused += 1
                refused = remember(self.refusals, key, tuple(
                    recognizer.refused_by_line(text, (pattern, start + offset, end + offset))
                    for pattern, start, end in mine), self.limit)
            kept.extend((pattern, start + offset, end + offset)
                        for (pattern, start, end), no in zip(mine, refused, strict=True)
                        if not no)
        if len(kept) > 1:
            kept.sort(key=_pattern_index)  # pattern by pattern, each in text order (stable)
        return kept

    def scores_lines(self, recognizer: EntityRecognizer) -> bool:
        return id(recognizer) in self.line_scorers

    def scored(self, recognizer: ContextScoredRecognizer, text: str, row: RowLines
               ) -> list[RecognizerResult]:
        """What `recognizer.analyze(text)` returns for a row without OCR damage whose raw
        matches `row` holds, each line's scored results taken from memory where the line
        was scored before (`line_local_scoring` recognizers only): validated and scored
        in pattern order, each pattern's in text order, then duplicates removed."""
        tag = self.tags[id(recognizer)]
        scored: list[tuple[int, RecognizerResult]] = []
        for index, mine in row.holding.get(self.numbers[id(recognizer)], ()):
            (offset, end), key = row.lines[index], row.keys[index]
            known = self.scores.get(key + tag)
            if known is not None:
                scored.extend((pattern, _moved(result, offset)) for pattern, result in known)
                continue
            self.lines_scored += 1
            line_scored, by_line = [], True
            for pattern, start, stop in mine:
                result, decided = recognizer.scored_on_line(
                    text, (pattern, start + offset, stop + offset))
                by_line = by_line and decided
                if result is not None:
                    line_scored.append((pattern, result))
            scored.extend(line_scored)
            value_start = line_value_start(text[offset:end].removesuffix("\n"))
            if by_line and value_start is not None and all(start >= value_start
                                                           for _p, start, _e in mine):
                remember(self.scores, key + tag,
                         tuple((pattern, _moved(result, -offset))
                               for pattern, result in line_scored),
                         self.limit)
        scored.sort(key=_first)  # pattern by pattern, each in text order (stable)
        results = [result for _index, result in scored]
        results = EntityRecognizer.remove_duplicates(results) if len(results) > 1 else results
        return recognizer.among_others(text, results)

    def read(self, text: str, lines: list[tuple[int, int]], keys: list[bytes],
             missing: list[int]) -> list[LineMatches]:
        """Scan the lines not remembered, together: in their order, each after a line
        break (or first, if it opens the row), as in the row; remember and return what
        each holds."""
        read = self.scan([text[lines[index][0]:lines[index][1]] for index in missing],
                         opens=missing[0] == 0)
        for index, matches in zip(missing, read, strict=True):
            self.put(keys[index], matches)
        return read

    def read_ahead(self, texts: list[str]) -> None:
        """Remember the raw matches of the lines of rows about to be read (`read_row`), a
        table's or a message's many records at once: their distinct lines not remembered
        are scanned together, in as few texts as the lines' places allow. A line is read
        where its row puts it: a row's first line opens a text, a line with no line break
        (the row's end) closes one, any other follows a line break anywhere; so the texts
        are the rows' new first lines, each with one new last line, and the first text
        holds every other new line. What each line holds is what `read_row` would find in
        its row (no pattern crosses a line; triggers and gates work by lines): nothing a row
        decides changes, only how many scans find it."""
        if not texts or not all(recognizer.gated for recognizer in self.recognizers):
            return
        known = self.known
        new: dict[bytes, tuple[str, bool]] = {}  # each new line: its text, whether it opens
        self.ahead = {}
        for text in texts:
            lines, pieces = line_pieces(text)
            keys = [self.key(piece, index == 0) for index, piece in enumerate(pieces)]
            self.ahead[id(text)] = (text, lines, keys)
            for index, (piece, key) in enumerate(zip(pieces, keys, strict=True)):
                if key not in known and key not in new:
                    new[key] = (piece, index == 0)
        if not new:
            return
        ended = {key: piece.endswith("\n") for key, (piece, _opens) in new.items()}
        openers = [key for key, (_piece, opens) in new.items() if opens and ended[key]]
        closers = [key for key, (_piece, opens) in new.items() if not opens and not ended[key]]
        middle = [key for key, (_piece, opens) in new.items() if not opens and ended[key]]
        groups = [[key] for key, (_piece, opens) in new.items() if opens and not ended[key]]
        for number in range(max(len(openers), len(closers), 1 if middle else 0)):
            groups.append([*openers[number:number + 1], *(middle if number == 0 else ()),
                           *closers[number:number + 1]])
        for group in groups:
            read = self.scan([new[key][0] for key in group], opens=new[group[0]][1])
            for key, matches in zip(group, read, strict=True):
                self.put(key, matches)

    def scan(self, pieces: list[str], opens: bool) -> list[LineMatches]:
        """What each line holds, the lines read as one text: the first at the text's start
        if it opens its row (after a line break if not), each other after the one before
        it; every line but the last ends with a line break."""
        prefix = "" if opens else "\n"
        starts, at = [], len(prefix)
        for piece in pieces:
            starts.append(at)
            at += len(piece)
        joined = prefix + "".join(pieces)
        bounds = [*starts, len(joined)]
        per_line: list[list[list[RawMatch]]] = [[[] for _ in self.recognizers] for _ in pieces]
        for number, recognizer in enumerate(self.recognizers):
            for index, start, end in recognizer.raw_matches(joined,
                                                            recognizer.global_regex_flags):
                if end <= start:  # an empty match is no candidate (`pattern_result`)
                    continue
                line = _line_of(bounds, start)
                offset = starts[line]
                per_line[line][number].append((index, start - offset, end - offset))
        self.lines_read += len(pieces)
        return [tuple((number, tuple(found)) for number, found in enumerate(matches) if found)
                for matches in per_line]


def _pattern_index(match: RawMatch) -> int:
    return match[0]


def _first(pair: tuple[int, RecognizerResult]) -> int:
    return pair[0]


def _moved(result: RecognizerResult, by: int) -> RecognizerResult:
    """A copy of result `by` characters further (its metadata copied: callers mark it)."""
    return RecognizerResult(result.entity_type, result.start + by, result.end + by,
                            result.score, result.analysis_explanation,
                            dict(result.recognition_metadata or {}))


def split_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, its line break included."""
    return line_pieces(text)[0]


def line_pieces(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    """`split_lines(text)`, and each line's text (its line break included)."""
    pieces = [piece + "\n" for piece in text.split("\n")]
    pieces[-1] = pieces[-1][:-1]  # the text's end: no line break
    if not pieces[-1]:
        pieces.pop()
    lines, start = [], 0
    for piece in pieces:
        lines.append((start, start + len(piece)))
        start += len(piece)
    return lines, pieces


def _line_of(bounds: list[int], position: int) -> int:
    """Which line of the joined text holds position (bounds: line starts, then the end)."""
    low, high = 0, len(bounds) - 2
    while low < high:
        middle = (low + high + 1) // 2
        if bounds[middle] <= position:
            low = middle
        else:
            high = middle - 1
    return low
