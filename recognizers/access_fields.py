"""Home access in a structured record, read by its field names (issue 14, session 12).

A share's records are often not prose: a smart lock's app logs `{"event":"code_used",
"lock":"front_door","code":"4471"}`, a care system's dump says `UPDATE clients SET
keysafe_code='9156'`, a form says `Key safe: [x] yes  Code: ____ 4471`. There the field's
name is the access object and its value is the code, the hiding place or the holder. A
field is read in any of the shapes records are written in (`"name":"value"`, `name=value`,
`name: value`, `<name>value</name>`, `name="value"`, an HL7 OBX's observation and value, an
SQL INSERT's columns paired with its values), its name split into words (snake_case,
camelCase, dots, hyphens, `^`) and read as one of:

- an **access object** (a key device, `ks`, `ksc`, or an opening, an alarm, an entry or an
  access with a code word: `keysafe_code`, `DoorEntryCode`, `gatePadlockCombo`): its value
  must be a code;
- a **key's place** (a key or a key device with a word of place: `spare_key_location`,
  `spareKey`, `key_hidden_at`): its value must say where (a preposition of place);
- a **key holder** (`key holder`, `keyholder`, `spare key with`, `key held by`): its value
  must name someone (a title and name, a relation or a neighbour, a first and last name);
- a **generic value** (`code`, `pin`, `value`, `valueString`, `combination`): a code, only
  when the record's other fields name a key device, or a lock, a door or a keypad together
  with a home, a tenant or a client.

Whether the record says what else the lock is for is the recognizer's to decide (the same
purpose words as its grammar: `HomeAccessRecognizer.record_field`).
"""

from __future__ import annotations

import re as stdlib_re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

import regex as re

from recognizers.compiled_patterns import compiled, prebuilt
from recognizers.context import normalise_words

# A field's value as written: quoted, or bare up to the next separator, a wide gap, the
# next `name=`/`name:` or the line's end.
_VALUE = (
    r"(?:\"(?P<dq>[^\"\n]{0,80})\"|'(?P<sq>[^'\n]{0,80})'"
    r"|(?P<bare>[^\s\"'<>{}|,;&][^\n\"<>{}|,;&]{0,79}?)"
    r"(?=[^\S\n]*(?:[,;|&}<)\n]|\Z)|[^\S\n]{2,}|[^\S\n]+[A-Za-z_][\w.\-]*[^\S\n]*[=:][^/]))"
)
# A field: a quoted name (JSON, a dict), a bare one or a form's label of up to four words
# (`name = value`, `Key safe code: ...`), an XML element, an HL7 OBX's identifier.
FIELD = (
    r"(?:(?<=[\"'])(?P<quoted>[A-Za-z][\w.\- ]{0,40}?)[\"'][^\S\n]*[:=][^\S\n]*"
    r"|(?<![\w.\-/\"'])(?P<name>[A-Za-z][\w.\-/]{0,40}(?:[^\S\n][A-Za-z][\w.\-/]{0,20}){0,3})"
    r"[^\S\n]*(?:=|:(?![/\\]))[^\S\n]*"
    r"|<(?P<tag>[A-Za-z][\w.\-]{0,40})(?:[^\S\n][^<>\n]{0,200})?>"
    r"|(?<![\w])OBX\|[^|\n]*\|[^|\n]*\|(?P<obx>[^|\n]{1,80})\|[^|\n]*\|)"
    + _VALUE
)
# An SQL INSERT with its columns: each column's value is paired with it.
INSERT = (r"(?i:insert)[^\S\n]+(?i:into)[^\S\n]+(?P<table>[\w.\[\]`\"]{1,60})[^\S\n]*"
          r"\((?P<columns>[^()\n]{1,400})\)[^\S\n]*(?i:values)[^\S\n]*"
          r"\((?P<values>[^\n]{1,600}?)\)[^\S\n]*(?:;|(?=\n)|\Z)")
# The words a field pattern's line must hold one of (its trigger's literals), in a field's
# name: right before a separator, up to three words on (`holds_a_field`). Every name the
# recognizer keeps holds one: a key device's (`key`, `lock`, `ks`), a code word (an opening is
# an access object only with one), a holder's, a spare key's, an OBX's value; `ks` and `pin`
# only at a word's start (`thanks`, `opinion`).
FIELD_WORDS = ("key", "lock", "code", "combi", "combo", "holder", "spare", "obx")
WORD_START_FIELD_WORDS = ("ks", "pin")
_NAMED_BY = stdlib_re.compile("|".join(FIELD_WORDS) + r"|(?<![a-z])(?:ks|pin)")
_SEPARATOR = stdlib_re.compile(r"[:=>|^]")
_INSERT_INTO = stdlib_re.compile(r"insert\s+into")
NAME_CHARS = 100  # how far before a separator its name is read


def holds_a_field(line: str) -> bool:
    """Whether a line holds a field named by one of `FIELD_WORDS` (one in the last four
    words before a separator), or an SQL INSERT: the only lines a field pattern can match
    that scoring keeps, so prose is not scanned."""
    lowered = line.lower()
    if "insert" in lowered and _INSERT_INTO.search(lowered):
        return True
    for separator in _SEPARATOR.finditer(lowered):
        at = separator.start()
        name = " ".join(lowered[max(0, at - NAME_CHARS):at].split()[-4:])
        if _NAMED_BY.search(name):
            return True
    return False

_ACRONYM = stdlib_re.compile(r"(?<=[A-Z])(?=[A-Z][a-z])")
_DEVICE = prebuilt(r" (?:key ?safe|keysafes?|key ?box|lock ?box|key ?pad|pad ?lock|"
                     r"smart ?lock|ks|ksc|k s|k safe|key ?lock ?box|combi ?box|code ?box|"
                     r"key ?holder ?box) ")
_OPENING = prebuilt(r" (?:door|doors|gate|gates|entry|entrance|alarm|access|building|"
                      r"barrier|porch|intercom|dr) ")
# A lock of anything (`lock_code`, `"lock":"front_door"`, `keypad_pin_set`): a home's only
# with a home, a tenant or a client in its record.
_LOCK = prebuilt(r" (?:lock|locks|deadbolt|smart lock|door|doors|keypad|key pad|front door|"
                   r"back door|side door) ")
# (not `number`: a door's number is a house's)
_CODE_WORD = prebuilt(r" (?:code|codes|pin|pins|combination|combo|combi|passcode|digits|"
                        r"password) ")
_GENERIC = prebuilt(r"^ (?:(?:.* )?(?:code|pin|combination|combo|passcode|value|"
                      r"value string|value code|answer|obx 5)|number|digits) $")
_KEY = prebuilt(r" (?:key|keys|spare|spare key|spare keys|house key|door key) ")
# A place or a person named by a generic field (`"location":"under the mat"`, `name`): a
# key's place or a holder only when the record's other fields say whose.
_GENERIC_PLACE = prebuilt(r"^ (?:location|loc|where|whereabouts|position|hidden|hidden at|"
                            r"kept|kept at|hiding place) $")
# `holder` alone says not what is held (`Bleep holder`, `Budget holder`): a generic person.
_GENERIC_PERSON = prebuilt(r"^ (?:name|full name|contact|contact name|person|holders?) $")
_PLACE_WORD = prebuilt(r" (?:location|loc|where|hidden|hidden at|hiding|place|kept|kept at|"
                         r"position|left|stored|whereabouts) ")
_HOLDER = prebuilt(r" (?:key ?holders?|keyholders?|key holder name|"
                     r"held by|key with|keys with|spare with|key held by|holds key|"
                     r"has key|has keys) ")
# A holder's detail, not the holder (`keyholder1_relationship: neighbour`, `Key holder tel`).
_HOLDER_DETAIL = prebuilt(r" (?:relationship|relation|rel|phone|tel|telephone|mobile|mob|"
                            r"number|no|address|email|postcode|notes?) $")
# A holder's value saying they hold none (`Gwladys Parry (no key)`, `contact only, no keys`,
# `Pam Haydock (neighbour) - contact only`).
_HOLDS_NONE = prebuilt(r" (?:no key|no keys|no spare|not a key ?holder|not keyholder|"
                         r"without a key|has no key|does not hold a key|doesn't hold a key|"
                         r"contact only|contacts only) ")
# Where a list of holders in one value starts its next person: a `;`, or a comma before a
# name (`Jas Edge (g/dau) KEY, Ian Ashcroft (son) no key`), never a comma inside one
# person's details (`Pam Haydock, neighbour, no key`).
_NEXT_HOLDER = prebuilt(r";|,(?=[^\S\n]*(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?[^\S\n]+)?[A-Z][a-z]+"
                          r"[^\S\n]+[A-Z][a-z'\-]+)")
# An item of such a list that says who lives in the home, not who holds a key (`lives with
# ms. Jaswinder (also client); Wayne Sandhu (son) no key`).
_HOUSEHOLD_ITEM = prebuilt(r"[^\S\n]*(?i:lives|living|lodges|lodging|staying)[^\S\n]+(?i:with)\b")
# A name saying the field is no longer so (`No longer a keyholder`, `former key holder`).
_NOT_NOW = prebuilt(r" (?:not|no longer|former|ex|previous|old|lost|removed) ")
# A value that says where: a preposition of place and a word after it.
_PLACE_VALUE = prebuilt(
    r"(?:^| )(?:under|underneath|beneath|behind|inside|in|on|by|beside|above|below|near|"
    r"next to|left of|right of|rt of|lt of|l of|r of|at the back of|on top of|round|around|"
    r"outside) \S")
_TITLE_NAME = prebuilt(r"(?<![\w])(?:Mr|Mrs|Ms|Miss|Dr|Mstr)\.?[^\S\n]+\w")
_FIRST_LAST = prebuilt(r"(?<![\w])[A-Z][a-z]+[^\S\n]+(?:[A-Z]\.?[^\S\n]+)?[A-Z][a-z'\-]+")
# A value that is no value (`n/a`, `none`, `tbc`, an empty box).
_EMPTY_VALUE = prebuilt(r"^ (?:n ?a|na|none|nil|no|not known|unknown|tbc|tba|tbd|null|"
                          r"false|to be confirmed|x|no spare|not applicable)(?: |$)")
# Marks a form puts around a value (`____ 4471 ____`, `[x]`).
_FORM_MARKS = prebuilt(r"_{2,}|\[[ xX✓]?\]|[\[\]()]")
# The record's people and addresses (`"client":"E. Ward-Lowe"`, `"home":"14 Pell St"`): who
# and where, never what a lock is for.
_PERSON = prebuilt(
    r"^ (?:(?:(?:.* )?(?:client|tenant|resident|patient|su|carer|contact|keyholder|"
    r"key holder|holder|first|last|full|sur|given|family|person|user|nok|responder|worker)"
    r" ?)?names?"
    r"|(?:.* )?(?:client|clients|tenant|resident|patient|su|"
    r"service user|carer|staff id|user|responder|contact|keyholder|key holder|relationship|"
    r"relation|nok|subject|created by|sent by|phone|tel|mobile|email))(?: \d+)? $")
_ADDRESS = prebuilt(r"^ (?:.* )?(?:address|addr|home|property|street|postcode|post code|"
                      r"town|city|flat|house)(?: \d+)? $")
# A home, a tenant or a client: what makes a lock, a door or a keypad's record a home's.
_HOME_CONTEXT = prebuilt(r" (?:home|homes|house|flat|bungalow|tenant|tenants|client|clients|"
                           r"resident|residents|service user|su|patient|property|dwelling|"
                           r"household|occupier|customer) ")


@dataclass(frozen=True)
class Field:
    """One field of a record: its normalised name, its value as written, and where each is."""

    name: str
    value: str
    start: int  # where the field (its name) starts in the text
    value_start: int
    value_end: int
    name_end: int = -1  # where its name ends (-1: no name of its own, an INSERT's value)


CODE, PLACE, HOLDER, GENERIC = "code", "place", "holder", "generic"
GENERIC_PLACE, GENERIC_HOLDER = "generic place", "generic holder"


def field_words(name: str) -> str:
    """A field's name as words (`KSCode` -> ` ks code `, `spare_key.location` -> ` spare key
    location `, `KSC^Key safe code^LOCAL` -> ` ksc key safe code local `); a word more in
    capitals than not is one word (`CoDE`, `LoCATIoN`: capitals read through OCR damage)."""
    return normalise_words(_ACRONYM.sub(" ", _MOSTLY_CAPITALS.sub(_lower, name)))


_MOSTLY_CAPITALS = stdlib_re.compile(r"[A-Za-z]{2,}")


def _lower(word: stdlib_re.Match) -> str:
    text = word.group()
    capitals = sum(character.isupper() for character in text)
    return text.lower() if capitals > len(text) - capitals else text


def name_class(words: str, figurative: Callable[[str], bool]) -> str | None:
    """What a field named `words` holds: a code, a key's place, a holder, a generic value,
    or nothing of a home's access (nor where `figurative` says its key is a figure of
    speech: `key worker`, `Key concerns`)."""
    if figurative(words) or _NOT_NOW.search(words):
        return None
    if _HOLDER.search(words):
        return None if _HOLDER_DETAIL.search(words) else HOLDER
    device = _DEVICE.search(words) is not None
    if _PLACE_WORD.search(words) and (device or _KEY.search(words)):
        return PLACE
    if device or (_OPENING.search(words) and _CODE_WORD.search(words)) or _ACCESS_COLUMN.match(
            words):
        return CODE
    if _KEY.search(words) and not _CODE_WORD.search(words):
        return PLACE  # `spareKey`: a key whose value says where it is
    if _GENERIC.match(words) or (_LOCK.search(words) and _CODE_WORD.search(words)):
        return GENERIC
    if _GENERIC_PLACE.match(words):
        return GENERIC_PLACE
    if _GENERIC_PERSON.match(words):
        return GENERIC_HOLDER
    return None


def clean_value(value: str) -> str:
    """A value without a form's marks around it (`____ 4471 ____` -> `4471`)."""
    return " ".join(_FORM_MARKS.sub(" ", value).split())


def is_empty(value: str) -> bool:
    return not value.strip() or _EMPTY_VALUE.match(normalise_words(value)) is not None


def comma_row_value(text: str, start: int, end: int) -> str | None:
    """The value under the column name at text[start:end] when its line is a spreadsheet
    row flattened as its comma-separated column names, one bar, then as many values
    (`Name, Address, Key holder | Ann Roe, 4 Elm Rd, n/a`); None for any other line."""
    line_start = text.rfind("\n", 0, start) + 1
    row_end = line_end(text, end)
    line = text[line_start:row_end]
    if line.count("|") != 1:
        return None
    bar = line_start + line.index("|")
    if end > bar:
        return None
    names = text[line_start:bar].split(",")
    values = text[bar + 1:row_end].split(",")
    if len(names) < 2 or len(names) != len(values):
        return None
    at, offset = 0, line_start
    for index, name in enumerate(names):
        if offset <= start < offset + len(name):
            at = index
            break
        offset += len(name) + 1
    else:
        return None
    return values[at]


def says_where(value: str) -> bool:
    return not is_empty(value) and _PLACE_VALUE.search(
        normalise_words(value.replace("_", " ")).strip()) is not None


def holds_none(value: str) -> bool:
    return _HOLDS_NONE.search(normalise_words(value)) is not None


# A yes in a form's or an export's cell (`Resp 1 Key | Y`, `Holds key: Yes`).
_YES = prebuilt(r"^ (?:y|yes|true|ticked|x) $")
# A column asking whether a person of the record holds a key (`Resp 1 Key`, `Responder 2 key`,
# `NOK holds key`, `Contact key`): a person's word and a key's, in its whole label.
_PERSON_WORD = prebuilt(r" (?:resp|responder|responders|contact|contacts|nok|kin|neighbour|"
                          r"relative|family|keyholder|holder|kh) ")
_KEY_WORD = prebuilt(r" (?:key|keys) ")


def is_yes(value: str) -> bool:
    return _YES.match(normalise_words(value)) is not None


# A yes or a no alone (`Pendant: Y`, `Smoke alarm: No`): what a home or its person has.
_FLAG = prebuilt(r"^ (?:y|n|yes|no|true|false|ticked|x) $")


def is_flag(value: str) -> bool:
    return _FLAG.match(normalise_words(value)) is not None


def asks_who_holds(label: str) -> bool:
    """A label asking whether a person the record names holds a key (`Resp 1 Key`): a person's
    word and a key's. Answered yes, the person of its column is a key holder."""
    words = normalise_words(label)
    return _PERSON_WORD.search(words) is not None and _KEY_WORD.search(words) is not None


def every_holder_holds_none(value: str) -> bool:
    """A list of holders and contacts in one value (a careline export's `Key holders /
    contacts` cell, a job sheet's `Responders / key holders`), each person with their key
    status: True when each person of it is written as holding no key (`Julie Sutcliffe
    (g/dau) 07700 900633 no key`, `Pam Haydock (neighbour) - contact only`). The label says
    who may be listed there, each person's words whether they hold a key: one `KEY` among
    them is a key holder. A value saying only who lives there (`lives with mrs. Christine
    (also client)`) names no holder either."""
    items = [item for item in _NEXT_HOLDER.split(value) if item.strip()]
    return bool(items) and all(holds_none(item) or _HOUSEHOLD_ITEM.match(item)
                               for item in items)


def names_someone(value: str, holders: Callable[[str], bool]) -> bool:
    """A title and a name, a first and a last name, or one of `holders` (normalised words:
    a relation, a neighbour)."""
    if is_empty(value):
        return False
    return bool(_TITLE_NAME.search(value) or _FIRST_LAST.search(value)
                or holders(normalise_words(value)))


def names_key_device(words: str) -> bool:
    return _DEVICE.search(words) is not None


def names_a_key(words: str, figurative: Callable[[str], bool]) -> bool:
    """A key device or a door key (not a key worker)."""
    return names_key_device(words) or (_KEY.search(words) is not None
                                       and not figurative(words))


def names_a_holder(words: str) -> bool:
    return _HOLDER.search(words) is not None


def names_home_lock(words: str) -> bool:
    """A lock, a door or a keypad, and a home, a tenant or a client."""
    return _LOCK.search(words) is not None and _HOME_CONTEXT.search(words) is not None


# A field about another party than the lock (`GP: Dr Ann Rigg, Moorside Health Centre`,
# `"pharmacy":"Lowther Chemists"`, `Referred by: duty office`, an agency's `office`): neither
# its name nor its value says what the lock is for.
_OTHER_PARTY = prebuilt(
    r" (?:gp|gps|doctor|practice|surgery|pharmacy|chemist|referrer|referred|referral|day centre|"
    r"school|college|worker|team|office|agency|provider|branch|consultant|"
    r"dentist|optician|nurse|manager|coordinator|commissioner|funder|ccg|icb|from|to|cc|"
    r"service|services|activity|activities|appointment|appointments|"
    # where the person went (a closure's `Destination: Heathfield Court Care Centre`): the
    # home they left keeps its key safe
    r"destination|destinations|discharged to|moved to|transferred to) ")


def is_another_party(name_words: str) -> bool:
    return _OTHER_PARTY.search(name_words) is not None


# A field listing the kit fitted in the home (a careline export's `Equipment: Orbit pendant
# (mobile)`, `Sensors: falls detector`, a job sheet's `Equipment installed`): what else is in
# the home, never what the record's key safe is for (an alarm pendant's own code is read where
# its code is written: `pendant code 4471`); and the adaptation or works done to the home (an
# adaptations register's `Adaptation: stairlift (straight)`, a job sheet's `Works: external ramp`).
_KIT = prebuilt(r" (?:equipment|kit|sensors?|devices?|peripherals?|telecare|equipment "
                  r"installed|installed|adaptations?|works?|aids?|fitted) ")


def lists_kit(name_words: str) -> bool:
    return _KIT.search(name_words) is not None


def is_person_or_address(name_words: str, value: str, of_a_place: bool = False) -> bool:
    """A field naming who (`client`, `keyHolderName`, a `name` unless its record is a
    place's) or, with a number in it, where (`"address":"Flat 2, 9 Ash Grove"`;
    `"property":"void"` says what the home is)."""
    if of_a_place and name_words == " name ":
        return False
    return _PERSON.match(name_words) is not None or (
        _ADDRESS.match(name_words) is not None and any(c.isdigit() for c in value))


# A record of a place (`<Site><Name>Riverside clinic</Name>`, `"site":`, `site@name`): its
# `name` names the place.
_PLACES = (r"(?:site|building|premises|venue|room|ward|office|practice|organi[sz]ation|team|"
           r"depot|branch|base)")
_PLACE_RECORD = prebuilt(rf"(?i)<{_PLACES}[\s>/]|[\"']{_PLACES}[\"'][^\S\n]*[:=]"
                           rf"|(?<![\w]){_PLACES}(?:@|[^\S\n]*[:=])")


def is_a_places_record(record: str) -> bool:
    return _PLACE_RECORD.search(record) is not None


_NAME_GROUPS = ("quoted", "name", "tag", "obx")


def fields_of(match: re.Match) -> Field | None:
    """The field a `FIELD` match read."""
    for group in _NAME_GROUPS:
        if match.start(group) >= 0:
            name, name_start, name_end = match.group(group), match.start(group), match.end(group)
            break
    else:
        return None
    for group in ("dq", "sq", "bare"):
        if match.start(group) >= 0:
            return Field(name_words(name), match.group(group),
                         name_start, match.start(group), match.end(group), name_end)
    return None


def field_name_of(match: re.Match) -> str | None:
    """The name of the field a `FIELD` match read, as words (`fields_of`'s `name`)."""
    group = next((group for group in _NAME_GROUPS if match.start(group) >= 0), None)
    return None if group is None else name_words(match.group(group))


# A column's or segment field's name recurs in every row and message (`postcode`, `PID-11`,
# `key_worker`): its words are read once per name.
@lru_cache(maxsize=4096)
def name_words(name: str) -> str:
    """A `FIELD` match's name as words (an HL7 component's `^` a space)."""
    return field_words(name.replace("^", " "))


_SQL_ITEM = prebuilt(r"[^\S\n]*(?:'(?P<sq>(?:[^'\n]|'')*)'|\"(?P<dq>[^\"\n]*)\"|"
                       r"(?P<bare>[^,'\"\n]*?))[^\S\n]*(?:,|$)")


def insert_fields(match: re.Match) -> list[Field]:
    """An SQL INSERT's columns paired with its values (none when their counts differ)."""
    columns = [column.strip(" `\"[]") for column in match.group("columns").split(",")]
    values: list[tuple[str, int, int]] = []
    start, end = match.span("values")
    for item in _SQL_ITEM.finditer(match.string, start, end):
        if item.end() == item.start():
            break
        group = next(g for g in ("sq", "dq", "bare") if item.start(g) >= 0)
        values.append((item.group(group), item.start(group), item.end(group)))
        if item.end() >= end:
            break
    if len(values) != len(columns):
        return []
    return [Field(field_words(column), value, value_start, value_start, value_end)
            for column, (value, value_start, value_end) in zip(columns, values, strict=True)]


@cache
def _field_regex() -> re.Pattern:
    return compiled(FIELD)


def field_matches(record: str) -> list[re.Match]:
    """Every field `FIELD` reads in a record's text."""
    return list(_field_regex().finditer(record))


# A pipe table (Markdown, a wiki's, a PDF's or a mail's text): a line of cells between `|`s.
# Its header is the first line of its block of such lines (a separator line `|---|` is no
# row), or, in a table flattened onto one line, the cells before its first separator or
# empty cell; a row is read as a record whose fields are named by the header's cells.
FLAT_MIN_CELLS = 4  # a flat row's fewest cells: two names and two values
TABLE_LINE = (r"(?m)^[^\S\n]*\|[^\n]*\|[^\S\n]*$"
              # (a spreadsheet's row flattened without its outer bars: `ACCESS | Key held by |
              # Phone | Steph Rudd | 07700 900640`, read by `header_then_values`)
              rf"|^[^|\n]+(?:\|[^|\n]+){{{FLAT_MIN_CELLS - 1},}}$")
# Where a table's line may be, each scanned alone (`triggers.Trigger`): a barred line, or three
# bars with cells between (a search for the bar first: a line-start alternation tried at every
# line cost a tenth of the recognizer on office prose).
TABLE_SIGNS = (r"(?m)^[^\S\n]*\|[^\n]*\|[^\S\n]*$",
               rf"\|[^|\n]+(?:\|[^|\n]+){{{FLAT_MIN_CELLS - 3}}}\|")
_TABLE_LINE = stdlib_re.compile(r"[^\S\n]*\|.*\|[^\S\n]*")
_SEPARATOR_CELL = stdlib_re.compile(r":?-{2,}:?")
# A column saying how to get in (`Access`, `Entry`, `Access details`): a field that holds a
# code (`name_class`; a log's `Entry` of a visit's time and words holds none: `leaves_a_code`).
_ACCESS_COLUMN = prebuilt(r"^ (?:access|entry|access details|entry details|access info|"
                            r"access arrangements|access notes|entry instructions|"
                            r"access instructions|how to get in|way in|getting in) $")
# A product's or an order's columns: the table lists goods, not homes (`| Item | Code | Price |`),
# only when one column says what the goods are and another their price or quantity (a care
# plan's `Weekly cost` or `Total` column lists no goods).
_GOODS_NAME_COLUMN = prebuilt(r" (?:items?|products?|skus?|product name|item name) ")
_GOODS_AMOUNT_COLUMN = prebuilt(r" (?:price|prices|cost|costs|qty|quantity|unit price|total|"
                                  r"rrp|stock) ")


def names_goods(names: list[str]) -> bool:
    """Whether a table's header's cells (split into words, `field_words`) name goods: what
    they are and their price or quantity."""
    return any(_GOODS_NAME_COLUMN.search(name) for name in names) and any(
        _GOODS_AMOUNT_COLUMN.search(name) for name in names)

Cell = tuple[str, int, int]  # a cell's text without its spaces, and where it is


def _cells(text: str, start: int, end: int) -> list[Cell]:
    bars = [at for at in range(start, end) if text[at] == "|"]
    cells = []
    for left, right in zip(bars, bars[1:], strict=False):
        raw = text[left + 1:right]
        cell_start = left + 1 + len(raw) - len(raw.lstrip())
        cell_end = max(cell_start, right - (len(raw) - len(raw.rstrip())))
        cells.append((text[cell_start:cell_end], cell_start, cell_end))
    return cells


def _groups(cells: list[Cell]) -> list[list[Cell]]:
    """A flattened line's cells, split at its empty and separator cells."""
    groups: list[list[Cell]] = [[]]
    for cell in cells:
        if not cell[0] or _SEPARATOR_CELL.fullmatch(cell[0]):
            if groups[-1]:
                groups.append([])
        else:
            groups[-1].append(cell)
    return [group for group in groups if group]


def _block_header(text: str, line_start: int) -> tuple[int, int] | None:
    """The first line of the block of table lines that holds the line at `line_start` (None
    for that first line itself). Worked out once per block of the last text read: each row
    of a long table asks, and walking to the table's top for every row made reading it
    quadratic (a 4,000-row pipe table: 26 s)."""
    if _HEADERS[0] is not text:  # the text itself is held, so its identity cannot be reused
        _HEADERS[0], _HEADERS[1] = text, {}
    known: dict[int, tuple[int, int] | None] = _HEADERS[1]
    if line_start not in known:
        top = line_start
        while top > 0:
            previous = text.rfind("\n", 0, top - 1) + 1
            if not _TABLE_LINE.fullmatch(text, previous, top - 1):
                break
            top = previous
        header = (top, line_end(text, top)) if top < line_start else None
        known[line_start] = header
        # every table line under the asked one shares its block's header
        start = line_end(text, line_start) + 1
        if not _TABLE_LINE.fullmatch(text, line_start, start - 1):
            start = len(text)  # a line outside a table heads no block below it
        while start < len(text) and _TABLE_LINE.fullmatch(text, start, line_end(text, start)):
            known[start] = header or (line_start, line_end(text, line_start))
            start = line_end(text, start) + 1
    return known[line_start]


def line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end == -1 else end


_HEADERS: list = [None, {}]  # the last text read, and its table lines' block headers


def _bare_cells(text: str, start: int, end: int) -> list[Cell]:
    """The cells of a line of `|`-separated cells without outer bars."""
    cells, left = [], start
    for right in [*(at for at in range(start, end) if text[at] == "|"), end]:
        raw = text[left:right]
        cell_start = left + len(raw) - len(raw.lstrip())
        cell_end = max(cell_start, right - (len(raw) - len(raw.rstrip())))
        cells.append((text[cell_start:cell_end], cell_start, cell_end))
        left = right + 1
    return cells


# A spreadsheet row copied flat without its outer bars, a merged heading over its columns
# first (`ACCESS | Key held by | Phone | Relationship | Steph Rudd | 07700 900640 | daughter`):
# with no empty cell between, its column names then as many values. Read so only when the
# names hold no digit and are short, and the first value is no name of a column's kind
# (the halves differ).
_NAME_CELL_WORDS = 4
_DIGIT = stdlib_re.compile(r"\d")


def header_then_values(cells: list[Cell]) -> tuple[list[Cell], list[list[Cell]]]:
    """A flat row's column names and its one row of values (none when it is no such row)."""
    if any(not cell[0] for cell in cells):
        return [], []
    rest = cells[1:] if len(cells) % 2 else cells
    half = len(rest) // 2
    names, values = rest[:half], rest[half:]
    if half < 2 or any(_DIGIT.search(name) or len(name.split()) > _NAME_CELL_WORDS
                       for name, _, _ in [*cells[:len(cells) - len(rest)], *names]) \
            or not any(_DIGIT.search(value) for value, _, _ in values):
        return [], []
    return names, [values]


def table_rows(text: str, line_start: int, line_end: int) -> list[list[Field]]:
    """The rows a table's line holds, each as fields named by its header's cells (none when
    the table lists goods, or a row's cells do not match its header's)."""
    if text[line_start:line_end].lstrip()[:1] != "|":  # a flat row without its outer bars
        header, rows = header_then_values(_bare_cells(text, line_start, line_end))
        names = [field_words(name) for name, _, _ in header]
        if not rows or names_goods(names):
            return []
        return [[Field(name, value, cell[1], start, end) for name, cell, (value, start, end)
                 in zip(names, header, row, strict=True)] for row in rows]
    header_line = _block_header(text, line_start)
    if header_line is None:  # the header's own line: a flattened table's rows after it
        groups = _groups(_cells(text, line_start, line_end))
        header, rows = (groups[0], groups[1:]) if groups else ([], [])
    else:
        header = [cell for cell in _cells(text, *header_line) if cell[0]]
        cells = _cells(text, line_start, line_end)
        rows = [] if all(_SEPARATOR_CELL.fullmatch(cell[0]) or not cell[0] for cell in cells) \
            else [cells]
    names = [field_words(name) for name, _, _ in header]
    rows = [row for row in rows if len(row) == len(names)]
    if not rows or names_goods(names):
        return []
    return [[Field(name, value, start, start, end) for name, (value, start, end)
             in zip(names, row, strict=True)] for row in rows]


def leaves_a_code(after: str) -> bool:
    """Whether what follows a number in its cell leaves the number a code: nothing, an aside
    in brackets, or words of a way in or of where (`6402 (left of front door)`, `3 8 8 0# side
    door`); a number followed by ordinary words is no code (`1430 visited, pt settled`)."""
    after = after.strip()
    if not after or after[0] in "([":
        return True
    words = normalise_words(after)
    return says_where(after) or any(word.search(words) for word in (
        _DEVICE, _OPENING, _LOCK, _CODE_WORD, _KEY))


def lists_goods(text: str, line_start: int, line_end: int) -> bool:
    """Whether a table's line is in a table whose header names goods' columns (`names_goods`)."""
    header_line = _block_header(text, line_start)
    groups = _groups(_cells(text, *(header_line or (line_start, line_end))))
    # (a line of its own is a table's header only with a row of as many cells after it)
    if not groups or header_line is None and not any(
            len(group) == len(groups[0]) for group in groups[1:]):
        return False
    return names_goods([field_words(name) for name, _, _ in groups[0]])


def without_people_cells(text: str, line_start: int, line_end: int) -> str | None:
    """The text with a table line's cells of its people's and addresses' columns (`Client`,
    `Addr`) blanked, so prose in its other cells is read without them (`Church Hill` is no
    church); None when the line is in no table with such a column."""
    cells = [field for row in table_rows(text, line_start, line_end) for field in row
             if _PERSON.match(field.name) or _ADDRESS.match(field.name)]
    if not cells:
        return None
    parts, position = [], 0
    for field in cells:
        parts += [text[position:field.value_start], " " * (field.value_end - field.value_start)]
        position = field.value_end
    return "".join(parts) + text[position:]
