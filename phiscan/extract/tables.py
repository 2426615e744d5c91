"""Tables as records: whether the first row names the columns, decided by evidence.

Every reader of rows and columns (CSV/TSV, spreadsheets, Word tables) goes
through `table_units`. A first row is taken as column names only when it looks
like labels and not like data:

- there are rows below it (a one-row table is data);
- no cell looks like a value: at most two digits, no date, e-mail, postcode or
  identifier shape, short (a few words), no repeats within the row, and none
  repeated in its own column below;
- most of its cells show label evidence: a word of the usual field
  vocabulary (`data/field_words.txt`: `name`, `dob`, `nhs`, `postcode`, ...), a phrase
  that says whose name a column holds (`data/roles.txt`: `Adult at risk`, `Raised by`,
  `Named nurse`), a programmer's name
  (`date_of_birth`, `nhsNumber`, `NHS No:`), or a type contrast with the column
  below (words over numbers and dates); or, whatever the other cells, two cells the
  vocabulary names of which one is also words over numbers and dates (`Name | Date of
  birth | Setting | Vaccine due | Consent`: a list's own columns are often in no
  vocabulary, and read headerless its names and dates of birth were never read);
- its first column does not read as labels all the way down (a two-column form,
  `Patient name | Jane Smith` over `NHS number | 943 476 5919`, has its labels there).

In a table without a header, a row laid out as labels and values side by side (`Patient
| YEADON, Brenda | DOB | 12/03/1941 | NHS | ...`: each label cell reads as a label and
has a value after it) names each value by its label.

The header may sit under up to three title lines (`District nursing visits -
Monday`: one text at most, a merged cell repeating it); those lines stay data.

A short table whose first column is all labels (`Name`, `NHS number`, `Date of
birth`, from its first row; two thirds of them from the vocabulary) is a form: one
record, each label naming the values beside it; laid out one column per person (two
or more value columns, each filled in most rows, no column of labels beside them: a
handover by bed), one record per column. In doubt the row is data, and is
scanned as data: a patient in the first row of a headerless sheet is never turned into
column names. A header cell whose column is empty below keeps its label: such labels are
given as one more unit at the end of the table, so nothing written in a table goes
unread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice

import regex

from phiscan.data import field_words
from phiscan.detect.roles import default_rules
from phiscan.extract.base import record_unit
from phiscan.model import TextUnit, unnamed_field
from recognizers.context import fold_accents, normalise_words, read_labels

SAMPLE_ROWS = 20  # rows below the first that the decision looks at
MAX_TITLE_ROWS = 3  # title lines above a header (`Visits - Monday 2 November`)
COLUMN_RECORD_FILL = 2 / 3  # a column per person fills this share of the form's rows
MAX_LABEL_WORDS = 6
MAX_LABEL_CHARS = 60
MAX_LABEL_DIGITS = 2
FORM_LABEL_SHARE = 2 / 3
MIN_FORM_HEAD_ROWS = 3  # rows of a form heading a sheet (`form_head`)
# Columns the vocabulary names that make a header whatever its other columns' names, when
# one of them is also words over numbers and dates (`Name | Date of birth | Setting |
# Vaccine due | Consent`: a cohort list's own columns are in no vocabulary).
MIN_NAMED_COLUMNS = 2

FIELD_WORDS = field_words()
# `date_of_birth`, `nhsNumber`, `PatientID`, `NHS No:`, `Ref #`, `Weight (kg)`, `Hosp no`
PROGRAMMER_NAME = regex.compile(
    r"^\p{L}[\p{L}\d]*(?:[_.]\p{L}[\p{L}\d]*)+$|^\p{Ll}+(?:\p{Lu}\p{Ll}*)+$"
    r"|^\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}*|ID)+$|[:#]$|\(\p{L}{1,6}\)$"
    # a word and `no` for its number (`Hosp no`, `Case No.`, `Ref no`)
    r"|^\p{L}+\.?[ ](?i:no|nos|num|nbr)\.?$")
WORD = regex.compile(r"\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})|\d+")
DATE = regex.compile(r"\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?|\d{1,2}:\d{2}")
VALUE_SHAPE = regex.compile(
    r"@\S+\.\S|(?<![\p{L}\d])\p{L}{1,2}\d[\p{L}\d]?\s*\d\p{L}{2}(?![\p{L}\d])|https?:|www\.",
    regex.IGNORECASE)
SENTENCE = regex.compile(r"[.!?;,]\s+\S")
# What a column name says in brackets about its values' shape (`Patient (Surname,
# Forename)`, `DOB (dd/mm/yyyy)`, `Weight (kg)`): no sentence, whatever its commas.
BRACKETED = regex.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# Words that spell a name's shape (`(SURNAME, Forename)`, `[Last First]`).
NAME_PARTS = frozenset({"surname", "surnames", "forename", "forenames", "first", "last",
                        "given", "family", "name", "names", "middle", "title", "initials",
                        "initial", "then"})

Cells = list[str]


def words_of(text: str) -> list[str]:
    """The lower-case words of a cell, accents dropped (`Ffôn` -> `ffon`)."""
    return [word.lower() for word in WORD.findall(fold_accents(text))]


def looks_like_value(cell: str) -> bool:
    """A cell no column name looks like: numbers, dates, identifiers, sentences."""
    return (len(cell) > MAX_LABEL_CHARS or sum(map(str.isdigit, cell)) > MAX_LABEL_DIGITS
            or len(cell.split()) > MAX_LABEL_WORDS or bool(DATE.search(cell))
            or bool(VALUE_SHAPE.search(cell)) or bool(SENTENCE.search(BRACKETED.sub(" ", cell))))


def has_field_word(cell: str) -> bool:
    """A column name's words, another language's labels read as English (`Dyddiad geni`:
    `date of birth`; `recognizers/data/form_labels.txt`)."""
    return any(word in FIELD_WORDS for word in read_labels(words_of(cell)))


def names_a_role(cell: str) -> bool:
    """`Adult at risk`, `Raised by`, `Named nurse`, `Next of kin`: a phrase that says whose
    name a column holds (`phiscan/data/roles.txt`) names a column, as does a label naming
    several subjects (`Tenants`, `Residents`: `RoleRules.field_role`)."""
    return default_rules().field_role(normalise_words(cell)) is not None


def reads_as_label(cell: str) -> bool:
    return (has_field_word(cell) or bool(PROGRAMMER_NAME.search(cell.strip()))
            or names_a_role(cell))


def is_numeric(cell: str) -> bool:
    """Numbers, dates, times, durations, codes: more digits than letters."""
    digits = sum(map(str.isdigit, cell))
    return digits > 0 and digits >= sum(map(str.isalpha, cell))


def column(rows: list[Cells], index: int) -> list[str]:
    return [row[index] for row in rows if index < len(row) and row[index]]


def label_evidence(label: str, below: list[str]) -> bool:
    """Vocabulary, a programmer's name, or words over a column of numbers and dates."""
    return reads_as_label(label) or type_contrast(label, below)


def is_label_column(below: list[str], label_share: float = 1.0) -> bool:
    """Labels all the way down the first column, distinct and without numbers: the
    keys of a form laid out in rows. `label_share`: how many of them must read as labels
    (`Access arrangements`, `Plan written by` are labels no vocabulary lists)."""
    return (bool(below) and len({value.casefold() for value in below}) == len(below)
            and all(not any(map(str.isdigit, value)) and not looks_like_value(value)
                    for value in below)
            and enough_labels(below, label_share * len(below)))


def enough_labels(values: list[str], wanted: float) -> bool:
    """Whether at least `wanted` of values read as labels (read until it is decided)."""
    labels, left = 0, len(values)
    for value in values:
        if labels >= wanted or labels + left < wanted:
            break
        labels += reads_as_label(value)
        left -= 1
    return labels >= wanted


def is_header(first: Cells, below: list[Cells]) -> bool:
    """Whether `first` names the columns of the rows `below` (a sample of them)."""
    labelled = [(index, cell) for index, cell in enumerate(first) if cell]
    if not below or not labelled:
        return False
    folded = [cell.casefold() for _index, cell in labelled]
    if not repeats_as_columns(folded) or any(looks_like_value(cell) for _i, cell in labelled):
        return False
    evidence = named = contrasted = 0
    for index, label in labelled:
        values = column(below, index)
        if label.casefold() in {value.casefold() for value in values}:
            return False
        if index == 0 and is_label_column(values):
            return False
        evidence += label_evidence(label, values)
        named += reads_as_label(label)
        # a column of dates under any word (`Contract` over `01/09/2026 - 30/06/2027`)
        contrasted += type_contrast(label, values)
    return evidence * 2 > len(labelled) or (named >= MIN_NAMED_COLUMNS and contrasted > 0)


def type_contrast(label: str, below: list[str]) -> bool:
    """Words over a column of numbers and dates (`Date of birth` over `24/03/2018`)."""
    numeric = sum(is_numeric(value) for value in below)
    return bool(below) and numeric * 2 > len(below) and not any(map(str.isdigit, label))


def repeats_as_columns(cells: list[str]) -> bool:
    """Whether a row's repeated cells can still be column names: a data row repeats its
    values (`notes | notes`, `Yes | Yes`), a header may repeat a column name the field
    vocabulary knows for a second person, apart from the first and among other names
    (`Client | DOB | Key holder | DOB`: `column_names` qualifies it)."""
    repeated = {cell for cell in cells if cells.count(cell) > 1}
    if not repeated:
        return True
    return (all(has_field_word(cell) for cell in repeated)
            and all(first != second for first, second in zip(cells, cells[1:], strict=False))
            and len(set(cells)) * 3 >= len(cells) * 2)


def is_form(rows: list[tuple[int, Cells]]) -> bool:
    """A short table whose first column holds labels all the way down, from its first
    row, with values beside them: `Name | Jane Smith` over `NHS number | 943 476 5919`.
    Most labels (`FORM_LABEL_SHARE`) must read as labels; the others only look like
    them (short, distinct, no digits)."""
    keys = [cells[0] for _number, cells in rows]
    return (len(rows) >= 2 and all(keys) and is_label_column(keys, FORM_LABEL_SHARE)
            and any(any(cells[1:]) for _number, cells in rows))


def form_units(rows: list[tuple[int, Cells]], where_prefix: str,
               spend: Callable[[str], str]) -> Iterator[TextUnit]:
    """A form as one record: each row's label names the values beside it. A form laid
    out one column per person (`Name | Enid Shackleton | Doreen Pickles` over `DOB | ...`,
    a handover by bed) is one record per column (`record_columns`): two people never
    share a record because a table was turned on its side."""
    columns = record_columns(rows)
    if not columns:
        where = where_prefix.strip() or f"row {rows[0][0]}"
        # (a row of labels and values side by side, `Patient | PRIESTLEY, Frances | DOB |
        # 12/03/1941`, keeps each label with its value)
        pairs = [pair for _n, cells in rows for pair in label_value_pairs(cells) or [
            (cells[0], " ".join(cell for cell in cells[1:] if cell))]]
        columns_pairs = [(where, pairs)]
    else:
        columns_pairs = [(f"{where_prefix}column {index + 1}",
                          [(cells[0], cells[index] if index < len(cells) else "")
                           for _n, cells in rows]) for index in columns]
    for where, pairs in columns_pairs:
        unit = record_unit(pairs, where, where)
        spend(unit.text)
        yield unit


def form_head(sample: list[tuple[int, Cells]]) -> tuple[int, int] | None:
    """Where a form heads a longer sheet, as (first, end) indices of `sample`: after at most
    `MAX_TITLE_ROWS` lines, `MIN_FORM_HEAD_ROWS` or more rows with no blank row between them
    that read as a form (`is_form`: `Client name | Audrey Entwistle` over `Date of birth |
    05/03/1959` over `Allergies | Codeine`), then a blank row and more rows (a MAR chart's
    medicines, a fluid chart's entries). One record: read row by row, its name and its date
    of birth were two records, and neither named anyone. None when the sheet has no such
    head."""
    for start in range(min(MAX_TITLE_ROWS + 1, len(sample))):
        end = start + 1
        while end < len(sample) and sample[end][0] == sample[end - 1][0] + 1:
            end += 1
        if (end - start >= MIN_FORM_HEAD_ROWS and end < len(sample)
                and is_form(sample[start:end])):
            return start, end
    return None


def record_columns(rows: list[tuple[int, Cells]]) -> list[int]:
    """The value columns of a form that are one record each: two or more, each filled in
    most of the form's rows (`COLUMN_RECORD_FILL`: a notes column is not), and no column
    of labels beside them (`Name | Jane Smith | DOB | 01/02/1940` pairs labels with
    values across a row: one record). [] when the form is one record."""
    grid = [cells for _number, cells in rows]
    width = max(len(cells) for cells in grid)
    if any(is_label_column(column(grid, index), FORM_LABEL_SHARE) for index in range(1, width)):
        return []
    values = [index for index in range(1, width)
              if len(column(grid, index)) >= COLUMN_RECORD_FILL * len(grid)]
    return values if len(values) >= 2 else []


def label_value_pairs(cells: Cells) -> list[tuple[str, str]] | None:
    """A row of a headerless table laid out as labels and values side by side
    (`Patient | YEADON, Brenda | DOB | 12/03/1941 | NHS | 668 785 5018`, a chart's top
    lines): each label names the value after it; None when the row is not so (every
    label cell must read as one, and hold a value after it)."""
    filled = [index for index, cell in enumerate(cells) if cell]
    if len(filled) < 2 or filled[0] != 0:
        return None
    labels = cells[0::2]
    values = cells[1::2]
    if len(values) < len(labels) and labels[-1]:
        return None
    pairs = [(label, value) for label, value in zip(labels, values, strict=False)
             if label or value]
    if not all(label and value and reads_as_label(label) and not looks_like_value(label)
               for label, value in pairs):
        return None
    return pairs


def column_names(header: Cells | None, width: int) -> list[str]:
    names = [without_name_shape(name) or unnamed_field(index)
             for index, name in enumerate(header or [])]
    return qualified(names) + [unnamed_field(index) for index in range(len(names), width)]


def qualified(names: list[str]) -> list[str]:
    """A column name met again is the column's before it (`Key holder | DOB` after `Client
    | DOB`: the key holder's date of birth, `Key holder DOB`), so a related person's
    values are read as theirs and each column keeps its own name."""
    seen: set[str] = set()
    named = []
    for index, name in enumerate(names):
        if name.casefold() in seen and index > 0:
            name = f"{names[index - 1]} {name}"
        seen.add(name.casefold())
        named.append(name)
    return named


def without_name_shape(name: str) -> str:
    """A column name without the name shape it spells out in brackets: `Service user
    [Surname Forename]` is a service user's name, not a surname or a forename field (a
    column read as a forename takes one word of `WHITTAKER Joan`)."""
    return BRACKETED.sub(lambda part: " " if all(
        word in NAME_PARTS for word in words_of(part.group())) else part.group(), name).strip()


def table_units(rows: Iterable[tuple[int, Cells]], where_prefix: str,
                spend: Callable[[str], str] = str) -> Iterator[TextUnit]:
    """One record per non-empty row, `{where_prefix}row N`, cells named by the header
    when the first non-empty row is one. `rows`: (row number, stripped cells).
    `spend` sees each unit's text first (the document's text budget)."""
    filled: Iterator[tuple[int, Cells]] = (
        (number, cells) for number, cells in rows if any(cells))
    sample, failure = first_rows(filled, SAMPLE_ROWS + 1)
    if failure is None and len(sample) <= SAMPLE_ROWS and is_form(sample):
        yield from form_units(sample, where_prefix, spend)
        return
    # Forms heading the sheet, one after another (a block per client), each a record of its
    # own named by its first row; read in a loop, as a sheet may hold thousands.
    while (head := form_head(sample)) is not None:
        start, end = head
        yield from table_units(iter(sample[:start]), where_prefix, spend)  # its title lines
        yield from form_units(sample[start:end], f"{where_prefix}row {sample[start][0]} ",
                              spend)
        if failure is not None:
            raise failure
        filled = chain(sample[end:], filled)
        sample, failure = first_rows(filled, SAMPLE_ROWS + 1)
    at = header_at(sample)
    header_number, header = sample[at] if at is not None else (0, None)
    records = sample[:at] + sample[at + 1:] if at is not None else sample
    used: set[int] = set()
    names_of_width: dict[int, list[str]] = {}  # (a table's column names worked out once)
    for number, cells in chain(records, filled):
        names = names_of_width.get(len(cells))
        if names is None:
            names = names_of_width[len(cells)] = column_names(header, len(cells))
        used.update(index for index, cell in enumerate(cells) if cell)
        where = f"{where_prefix}row {number}"
        pairs = (label_value_pairs(cells) if header is None else None) or list(
            zip(names, cells, strict=False))
        unit = record_unit(pairs, where, where)
        spend(unit.text)
        yield unit
    if failure is not None:
        raise failure
    unread = [label for index, label in enumerate(header or []) if label and index not in used]
    if unread:
        text = spend("\n".join(unread))
        yield TextUnit(text=text, where=f"{where_prefix}row {header_number}")


def is_title(cells: Cells) -> bool:
    """A line above a table's header: one text at most (a merged cell repeats it)."""
    return len({cell for cell in cells if cell}) <= 1


def header_at(sample: list[tuple[int, Cells]]) -> int | None:
    """Where the header is: the first row, or the first row under up to `MAX_TITLE_ROWS`
    title lines (`District nursing visits - Monday`) that names the columns below it;
    None when there is none. A title line over wider rows is never the header. Without
    this the cells of every row would be unnamed: a `Nurse` column's names would read
    as the patient's."""
    for at in range(min(MAX_TITLE_ROWS + 1, len(sample) - 1)):
        cells = sample[at][1]
        below = [row for _number, row in sample[at + 1:]]
        if is_title(cells) and any(not is_title(row) for row in below):
            continue
        return at if is_header(cells, below) else None
    return None


def first_rows(rows: Iterator[tuple[int, Cells]], count: int
               ) -> tuple[list[tuple[int, Cells]], Exception | None]:
    """Up to `count` rows, and what stopped the reading early (a damaged row): the rows
    before a failure are still given, as they were before the decision needed a sample."""
    sample: list[tuple[int, Cells]] = []
    try:
        for row in islice(rows, count):
            sample.append(row)
    except Exception as exc:  # noqa: BLE001 - raised again once the rows read are given
        return sample, exc
    return sample, None
