"""People's names from structured fields: `PERSON`.

spaCy finds names in prose; a spreadsheet cell `Jane Smith` under
`client_name`, a flattened FHIR `name[0].family: Smith`, or an HL7 PID-5
`SMITH^JANE` has no sentence around it. This recognizer reads the field name
(see `name_fields.txt`), or a title (`Dr Hughes`, `Mrs Jane Smith`), and accepts
a value that looks like a name: one to six words of letters (apostrophes,
hyphens, dots allowed), no digits, capitalised or in capitals, not a placeholder
such as `Unknown`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from presidio_analyzer import RecognizerResult
from spacy.lang.en.stop_words import STOP_WORDS

from recognizers.addresses import is_home_after, places
from recognizers.base import ContextScoredRecognizer, Pattern, RawMatch
from recognizers.compiled_patterns import prebuilt
from recognizers.context import (
    Terms,
    context_of,
    line_bounds,
    line_field,
    normalise_words,
    raw_line_field,
    without_digits,
)
from recognizers.date_of_birth_recognizer import (
    DATE_GAP,
    GAPPED_ROW_HEAD,
    ROW_MARKER,
    ROW_NAME,
    bracketed_after_name,
)
from recognizers.dates import MONTH_NAME, parse_birth_date
from recognizers.name_part_fields import holds_a_name_part
from recognizers.ocr_reading import is_known_word
from recognizers.person_ner_recognizer import (
    LIST_SEPARATOR,
    TITLES,
    clinical_terms,
    field_labels,
    name_end,
    names_a_product,
    not_name_terms,
    product_terms,
)
from recognizers.triggers import Literal, Trigger
from recognizers.vocabulary import (
    NICKNAME,
    PARTICLES_BEFORE,
    SURNAME_PARTICLES,
    ends_as_organisation,
    load_vocabulary,
    organisation_words,
)

NAME_FIELD_MEMORY = 4096  # field names whose answer is kept
_NAME_WORD = r"[^\W\d_](?:[^\W\d_]|['’.\-](?=[^\W\d_]))*\.?"
# A label inside a field's value, naming whose value follows (`Contact: Mother: ...`).
_NESTED_LABEL = r"[^\W\d_][^:\n\r\d]{0,39}:[ \t]+"
NESTED_LABEL = prebuilt(rf"[ \t]*({_NESTED_LABEL})")
# A dead person named in a field (`Re: the late Glenys Verity, 14 Moorland View`): the words
# before the name say what became of them.
_THE_LATE = r"(?:[Tt]he[ \t]+[Ll]ate[ \t]+)"
# A field value that is one name: on its own after `field: `, to the end of the line (a
# Windows line ends `\r\n`), before a relation in brackets (`Dennis Penrose (son)`), or
# before the person's own details (`Mother: Agnieszka Hargreaves, 07700 900101, own NHS
# no. ...`, `Emergency contact: Sanjay Wetherall - 07700 900604`, `Next of kin: Mavis
# Prendergast (wife) 01632 960111`, `Re: Sutcliffe, Callum Caden  aged 4 yrs`), or before
# the `|` that
# ends the line's first cell (`Patient: Sutcliffe, Callum Caden  |  D.O.B. ...`) or the
# wide gap that does (`Optometrist: Sunita Rao    Carer present: ...`).
FIELD_NAME_VALUE = (
    rf"(?<=^[ \t]*[^:\n\r]{{1,80}}:(?:\*\*|__)?[ \t]+(?:{_NESTED_LABEL})?{_THE_LATE}?)"
    rf"(?!{_THE_LATE}){_NAME_WORD}"
    rf"(?:,?[ \t]+(?:{_NAME_WORD}|{NICKNAME})){{0,5}}"
    r"(?=[ \t]*(?:\(\p{Ll}[\p{Ll} \-]{0,30}\)[ \t]*)?(?:\r?$|\+?\d{3})"
    r"|(?:,|[ \t]+[-–])[ \t]*\+?\d"
    r"|(?:,[ \t]*|[ \t]+)(?:D[Oo][Bb]|[Dd]ob|D\.O\.B|[Bb]orn|[Aa]ged|NHS|[Tt]el|[Mm]ob)\b"
    r"|[ \t]{0,40}\||[ \t]{2,40}\S"
    # or the person's case or student number in brackets (`Student: Kieran McCarthy
    # (24164703), DOB ...`, `Client: Ann Bell [CHC123456]`): an identifier, never a name's
    r"|[ \t]*[(\[]\p{Lu}{0,5}[\-/]?\d[\p{Lu}\d/\-]{2,}[)\]])"
)
# A name field's value that lists several people, each a name of its own (a lettings list's
# `tenant_names: Ann Bell / Raj Iyer / Tom Hart`, `Residents: Ann Bell; Raj Iyer`): names
# split by ` / `, `;`, `&` or ` and `, each one to six name words (kept: two or more, no
# common word, under a name field or its plural: `lists_names`); the whole value, to the end
# of its line, is such a list.
_LISTED_WORD = rf"(?!and[ \t]){_NAME_WORD}"
_LISTED_ITEM = rf"{_LISTED_WORD}(?:[ \t]+{_LISTED_WORD}){{0,5}}"
_NAME_SEPARATOR = r"(?:[ \t]*[/;&][ \t]*|[ \t]+and[ \t]+)"
_FIELD_HEAD = r"^[ \t]*[^:\n\r]{1,80}:[ \t]+"
FIELD_NAME_LIST = (
    rf"(?<={_FIELD_HEAD}(?:{_LISTED_ITEM}{_NAME_SEPARATOR})+){_LISTED_ITEM}"
    rf"(?=(?:{_NAME_SEPARATOR}{_LISTED_ITEM})*[ \t]*;?[ \t]*\r?$)"
    rf"|(?<={_FIELD_HEAD}){_LISTED_ITEM}(?=(?:{_NAME_SEPARATOR}{_LISTED_ITEM})+[ \t]*;?[ \t]*\r?$)"
)
# HL7 v2: PID-5 (patient name) and NK1-2 (next of kin): FAMILY^GIVEN^MIDDLE^SUFFIX^PREFIX.
HL7_NAME = (
    r"(?<=(?:^|\r)(?:PID|NK1)\|(?:[^|\n\r]*\|){1,4})"
    rf"{_NAME_WORD}(?:[ \t]{_NAME_WORD})*\^{_NAME_WORD}(?:[ \t]{_NAME_WORD})*"
)
# `Dr Hughes`, `Mrs Jane Smith`, `DR KLEIN`: a title makes the next capitalised words a
# name; words of clinical text after it are not (`MS FLARE`, `MR SEVERE`: multiple
# sclerosis, mitral regurgitation), nor the words that follow a name in capitals
# (`DR KLEIN THIS AM`). `MX` in capitals is no title: it is the clinical abbreviation
# (`T2 N0 MX`: no distant metastasis assessed; `MX PLAN`: management).
TITLED = "titled name"
# A word of the name is capitalised (`Jones`, `O'Neill`) or in capitals (`Sandra JONES`);
# a trailing word in capitals that is no name (`Mrs Jane Smith GP`) is trimmed.
_TITLED_WORD = (r"(?:[A-Z](?:[a-z]+|['’](?=[A-Z]))(?:['’\-]?[A-Z]?[a-z]+)*"
                r"|[A-Z](?:[A-Z]|['’\-](?=[A-Z]))+)")
# Initials may stand before or between the words (`Mr Cecil A. O'Hara`, `Dr J. Patel`); a
# forename, two middle names and the surname are four words (`Mr Alan Charles Joseph Rhodes`
# heading a letter: cut at three, the surname was lost and the letter made a second person).
_INITIALS = r"(?:[A-Z]\.?[ ])*"
_PARTICLES = PARTICLES_BEFORE
TITLED_NAME = (
    r"(?<![\w])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Revd?"
    r"|MR|MRS|MS|MISS|DR|PROF|SIR|DAME|REVD?)\.?[ ]+"
    rf"{_INITIALS}{_TITLED_WORD}(?:[ ]{NICKNAME})?"
    rf"(?:[ ]{_INITIALS}{_PARTICLES}{_TITLED_WORD}){{0,3}}"
    r"(?![\w'’\-])"
)
# `JONES, Sandra` / `WEBB-MORTON, Alan James` / `DAVIES, KENNETH` (the NHS's list
# convention; in capitals, no common or clinical word: `HX: ASTHMA, COPD`) in free text,
# where a list or a label puts it: at the start of a line or a cell, after `:`, `;`, `|`,
# `(` or a title, or after a list item's marker at the start of a line (`1.`, `-`, `•`,
# `Bed 4`, `09:30`); inside a sentence only with the forename in lower case.
LISTED = "surname first"
# (in any alphabet's letters: `DĄBEK, Halina`, `ŁUKASZEWICZ, Zoë`)
_CAPS_WORD = r"\p{Lu}(?:\p{Lu}|['’\-](?=\p{Lu}))*\p{Lu}"
_FORENAME = r"\p{Lu}\p{Ll}+(?:['’\-]\p{Lu}?\p{Ll}+)*"
LISTED_NAME = (
    rf"(?<![\w'’\-]){_CAPS_WORD}(?:[ ]{_CAPS_WORD}){{0,2}},[ ]?"
    rf"(?:{_FORENAME}(?:[ ]{_FORENAME}|[ ][A-Z]\.?)?(?:[ ]{NICKNAME})?"
    rf"|{_CAPS_WORD}(?:[ ]{_CAPS_WORD})?)(?![\w'’\-])"
)
# A capitalised word just before `SURNAME,` is its forename (`Precious KITCHING, Room 55`),
# unless it is a title.
_FORENAME_BEFORE = prebuilt(
    r"(?<![\w'’\-])(?!(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Revd?|Bed|Room|Rm)\b)"
    r"[A-Z][a-z]+[ ]$")
# `Esther NGUYEN`, `Philomena B. JOWETT`, `Sandra DA SILVA` (the surname in capitals, as
# lists write it) where a list or a label puts it: after a list item's marker (`Bed 2`,
# `5.`, `09:30`) or a label (`Re:`), no common or clinical word.
HEADED = "forename then surname in capitals"
# A surname in capitals may keep its `Mc`/`Mac` as written (`Stuart McKAY`, `MacBRIDE`).
# Either in any alphabet's letters (`Siân LLOYD`, `Zoë ŁUKASZEWICZ`).
_CAPS_ANY = r"\p{Lu}(?:\p{Lu}|['’\-](?=\p{Lu}))*\p{Lu}"
_FORENAME_ANY = r"\p{Lu}\p{Ll}+(?:['’\-]\p{Lu}?\p{Ll}+)*"
_CAPS_SURNAME = rf"(?:Ma?c)?{_CAPS_ANY}"
HEADED_NAME = (
    rf"(?<![\w'’\-]){_FORENAME_ANY}(?:[ ](?:{_FORENAME_ANY}|\p{{Lu}}\.?))?"
    rf"[ ]{_PARTICLES}{_CAPS_SURNAME}(?:[ ]{_CAPS_ANY})?(?![\w'’\-])"
)
_TITLE_BEFORE = prebuilt(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|MR|MRS|MS|MISS|MX|DR)\.?[ \t]*$")
_LISTED_BEFORE = prebuilt(r"(?:^|[:;|(\t]|\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?)[ \t]*$")
LIST_MARKER = prebuilt(r"[ \t]*(?:[-*•–]|\(?\d{1,3}[.)]|\p{L}+\.?[ \t]+\d{1,4}[.):]?"
                         r"|\d{1,2}[:.]\d{2}(?:[ \t]*[-–])?)[ \t]+")
# A list item's head before its person: its markers, then up to three segments each ended
# by a list separator (`07:12  Market St - `, `Job 2: 08:40 Fernlea Court - `, `20:05 – Bed 3
# – `): where the item happened or what it is, never part of the name after it, which
# heads the item as a name right after its marker does when the person's own details
# follow it (`heads_item`): after a segment, capitalised words alone are as likely what
# the item is about (`Car park - Blue BADGE renewed`, `Outpatients - Kidney CLINIC`).
ITEM_HEAD = prebuilt(rf"(?:{LIST_MARKER.pattern})+(?:[^\n\r]{{1,60}}?{LIST_SEPARATOR.pattern})"
                       r"{0,3}")
DETAILS_AFTER = prebuilt(r"[ \t]*(?:\(\d|[,\-–]?[ \t]*\(?(?:DOB|D\.O\.B|Dob|DoB|dob|[Bb]orn"
                           r"|aged|NHS)\b)")


def heads_item(text: str, before: str, end: int) -> bool:
    """Whether a name ending at `end`, after `before` on its line, heads a list item:
    right after its marker (`5. `, `Bed 2 `, `09:30 `), or after the item's head
    (`ITEM_HEAD`) with the person's details next (a bracketed date, `DOB`, `aged`)."""
    return LIST_MARKER.fullmatch(before) is not None or (
        ITEM_HEAD.fullmatch(before) is not None and DETAILS_AFTER.match(text, end) is not None)
INITIAL = prebuilt(r"[A-Z]\.?")
# A name inside a sentence comes after a word in lower case (`could you add `); a date in
# brackets after it is its date of birth only when far enough back not to be an event's
# (`seen at Leeds General (03/04/2019)`).
_IN_SENTENCE = prebuilt(r"(?<![\w'’\-])\p{Ll}+[ ]$")
# A sentence's first word before the name, which no name is (`not_names.txt`: `10/11/2026
# Visited Ashworth-Brown, Bethany Elizabeth (7 June 1974) at home`); and a Markdown
# heading's marks (`## 5. Rashid, Mohammed Abdul (20-Oct-1939)`).
_SENTENCE_OPENER = prebuilt(r"(?:^|[.!?][ \t]+|\d[ \t]+)(\p{Lu}\p{Ll}+)[ ]$")
_HEADING_BEFORE = prebuilt(r"[ \t]*#{1,6}[ \t]+(?:\d{1,3}[.)][ \t]+)?")
IN_SENTENCE_MIN_YEARS = 10


def old_enough(value: str, years: int, today: date | None = None) -> bool:
    today = today or date.today()
    parsed = parse_birth_date(value, today)
    return parsed is not None and (today - parsed).days >= years * 365
# A list entry's name with its date of birth in brackets (`7:45 Hazel SANDHU (18/02/1940)`,
# `Mrs Joan Hill (03/04/42)`): at the head of its line, the date old enough to be a birth
# date (`recognizers.date_of_birth_recognizer.bracketed_after_name`).
BEFORE_DATE = "name before a bracketed date"
_ANY_CAP_WORD = r"\p{Lu}[\p{L}'’\-]*[\p{L}]"
NAME_BEFORE_DATE = (
    rf"(?<![\w'’\-])(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?[ ])?{_ANY_CAP_WORD},?"
    rf"(?:[ ]{PARTICLES_BEFORE}(?:{_ANY_CAP_WORD}|\p{{Lu}}\.?|{NICKNAME})){{1,3}}"
    r"(?=[ \t]{0,4}\(\d[^)\n]{5,20}\))"
)
# A list row's name at the head of its line with its date of birth across a gap
# (`Whitworth, Gladys     03.01.1934`, `07:40  Ernest Mallinson\t1937-02-27`):
# `recognizers.date_of_birth_recognizer.after_listed_name` reads the same shape.
BEFORE_GAPPED_DATE = "name before a date across a gap"
NUMERIC_DATE = r"\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}(?!\d)"
NAME_BEFORE_GAPPED_DATE = (
    rf"(?<=(?:^|[\n\r])[ \t]*{GAPPED_ROW_HEAD}){ROW_NAME}(?={DATE_GAP}{NUMERIC_DATE})"
    rf"|(?<=(?:^|[\n\r])[ \t]*{ROW_MARKER}){ROW_NAME}(?=[ ]{NUMERIC_DATE})"
)
# A name written right before the label of its own identifier, anywhere in a sentence
# (`Could you add Freda Bagshaw (DOB 09/06/1941) to the list`, `Mr Yeadon, Cyril, born
# 29/05/1938`, `Mrs HOLROYD, Edna - D.O.B. 12/03/1931`, `Vera Fitzgerald, NHS 462 547
# 2512`): the label says whose number or date it is, so the capitalised words before it
# are a person's name (words that are no name, such as `Re` or `Patient`, are left off
# its start).
BEFORE_IDENTIFIER = "name before its identifier"
# The label and the start of its value: a digit, or a month's name (`DOB April 12th, 1930`),
# or, after a date-of-birth label only, a year after a word saying it is only a year or
# about it (`D.O.B. YOB 1964`, `DOB c.1950`, `born approx 1948`): the label still says whose
# details follow. Any other word before a year is no date of birth (`Leeds Teaching
# Hospitals NHS Trust 2024 annual report`), nor is a heading's `Born` (`Annual Report Born
# in 1964 section`).
_LABEL_END = r"[ \t:\-–]*(?:the[ ])?"
_ABOUT_YEAR = r"(?i:yob|c|circa|approx|about|around|in)\.?[ ]?\d{4}(?!\d)"
IDENTIFIER_LABEL = (r"(?:(?:DOB|D\.O\.B\.?|Dob|DoB|dob|d\.o\.b\.?|born(?:[ ]on)?"
                    rf"|[Dd]ate[ ]of[ ][Bb]irth){_LABEL_END}{_ABOUT_YEAR}"
                    r"|(?:DOB|D\.O\.B\.?|Dob|DoB|dob|d\.o\.b\.?|[Bb]orn(?:[ ]on)?"
                    r"|[Dd]ate[ ]of[ ][Bb]irth|NHS(?:[ ](?:[Nn]o\.?|[Nn]umber|#))?)"
                    rf"{_LABEL_END}(?:\d|{MONTH_NAME}[ .]))")
# who the person is to the patient, between the name and its label: `Greta Redfearn
# (sister), DOB ...`, `Greta Redfearn, sister, born ...` (lower-case words, no digits), or
# their age (`Edna Lamb, aged 96 (DOB ...)`; as an ambulance log writes it with their sex:
# `WHITELEY, Edna, 91F, NHS ...`, `Albert Nuttall, 87 yrs, NHS ...`)
RELATION_BETWEEN = (r"(?:[ ]\([a-z][a-z \-]{1,24}\)|,[ ][a-z][a-z\-]{1,24}(?:[ ][a-z\-]{1,12})?,"
                    r"|,[ ]aged[ ]\d{1,3}"
                    r"|,[ ]\d{1,3}[ ]?(?:[MF]|yrs?|years(?:[ ]old)?)(?![\w]),?)")
# or the name they go by, in brackets or after `aka`, `known as`, `prefers` (`Precious
# Adeyemi (prefers Precious Ade), DOB ...`, `Shaw, Darren (aka TANK), DOB ...`): an alias
# qualifies the name before it, it is no name of its own
ALIAS_WORDS = r"(?i:aka|a\.k\.a\.?|also[ ]known[ ]as|known[ ]as|k/a|prefers|preferred[ ]name:?)"
_ALIAS = rf"[\"'‘“]?{_ANY_CAP_WORD}(?:[ ]{_ANY_CAP_WORD}){{0,2}}[\"'’”]?"
ALIAS_BETWEEN = rf"(?:[ ]\({ALIAS_WORDS}[ ]{_ALIAS}\)|,?[ ]{ALIAS_WORDS}[ ]{_ALIAS},?)"
NAME_BEFORE_IDENTIFIER = (
    rf"(?<![\w'’\-])(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?[ ])?{_ANY_CAP_WORD},?"
    rf"(?:[ ]{PARTICLES_BEFORE}(?:{_ANY_CAP_WORD}|\p{{Lu}}\.?|{NICKNAME})){{1,3}}"
    rf"(?=(?:{RELATION_BETWEEN}|{ALIAS_BETWEEN})?,?[ \t]*[(\-–]?[ \t]*{IDENTIFIER_LABEL})"
)
# A person said to live in the home a note is about (`(home shared with Aoife Doherty) key
# safe ...`, `lives with his partner Owen Tierney`): the household phrase says a person's
# name follows, whatever spaCy makes of it. Two to four capitalised words (a title
# allowed), none common or clinical (`lives with Down Syndrome` is no name).
HOUSEHOLD = "name after a household phrase"
# The last word of a condition or a scheme lived with, never of a name (`lives with Bipolar
# Affective Disorder`, `Hidden Disabilities`).
_CONDITION_HEADS = frozenset({"disorder", "disorders", "disease", "syndrome", "disability",
                              "disabilities", "condition", "conditions", "impairment", "injury",
                              "illness", "sunflower", "scheme", "dementia", "cancer"})
HOUSEHOLD_PHRASE = (r"(?i:lives|living|live|home[ ]shared|shares[ ](?:a|the|her|his|their)[ ]home"
                    r"|shared[ ]home)[ ]with[ ]")
_PARTNER = r"(?:(?:his|her|their)[ ](?:wife|husband|partner|spouse|fianc[eé]e?)[ ])?"
HOUSEHOLD_NAME = (
    rf"(?<![\w'’\-]){HOUSEHOLD_PHRASE}{_PARTNER}\K(?:(?:Mr|Mrs|Ms|Miss|Mx)\.?[ ])?"
    rf"{_ANY_CAP_WORD}(?:[ ](?:{_ANY_CAP_WORD}|\p{{Lu}}\.?)){{1,3}}(?![\w'’\-])"
)
# A person's other name, after the words that give it (`Intake: DOB ... (legal name Hamza
# McCarthy)`, `registered as Finn Kelly`, `known as Alex Kelly`): the phrase says a name
# follows, whatever spaCy makes of it (`phiscan/data/roles.txt` makes it the subject's, and a
# legal one their legal name). Two to four capitalised words, none common or clinical.
OTHER_NAME = "name after a legal or chosen name phrase"
OTHER_NAME_PHRASE = (r"(?i:(?:full[ ])?legal[ ]name|registered[ ](?:name|as)|official[ ]name"
                     r"|birth[ ]name|also[ ]known[ ]as|known[ ]as|preferred[ ]name)")
NAME_AFTER_OTHER_NAME_PHRASE = (
    rf"(?<![\w'’\-]){OTHER_NAME_PHRASE}(?:[ ]is)?:?[ \t]+\K"
    rf"{_ANY_CAP_WORD}(?:[ ](?:{_ANY_CAP_WORD}|\p{{Lu}}\.?)){{1,3}}(?![\w'’\-])"
)
# A person seen, after the verb saying so (`Visited Eluned Lumb today at ...`, `Saw Icilda
# Akhtar at home`): the object of a visit is a person, whatever spaCy makes of a name it has not
# learnt. Two to four capitalised words, none common, clinical or a place's (`Visited Priory
# Court`); a titled name is `TITLED`'s.
VISITED = "name after a visit verb"
NAME_AFTER_VISIT_VERB = (
    rf"(?<![\w'’\-])(?i:visited|saw|reviewed|assessed)[ ]\K"
    rf"{_ANY_CAP_WORD}(?:[ ](?:{_ANY_CAP_WORD}|\p{{Lu}}\.?)){{1,3}}(?![\w'’\-])"
)
# A name typed in lower case at the head of a list item, with the person's own details
# after it (`* nia o'brien (54 Heather Bank, ...) - ...`, `3. malcolm entwistle, aged 91`;
# a bracket holds an address: a house number then a capitalised word, `flat`, `apt`; not
# `- tea towels (4 packs)`):
# the item's shape says it is a person's, whatever its case. Two to four words, none common,
# clinical or a placeholder (`NameFieldRecognizer.lower_case_name`).
LOWER_LISTED = "lower-case name heading a list item"
_LOWER_WORD = r"\p{Ll}[\p{Ll}'’\-]*\p{Ll}"
LOWER_LISTED_NAME = (
    rf"(?<=(?:^|[\n\r]){LIST_MARKER.pattern}){_LOWER_WORD}(?:[ ]{_LOWER_WORD}){{1,3}}"
    r"(?=[ \t]*\((?:\d+[A-Za-z]?,?[ ]\p{Lu}|[Ff]lat[ ]|[Aa]pt[ ])|,[ \t]*aged[ ]\d"
    r"|[ \t]+\(?(?:DOB|[Dd]ob|D\.O\.B)\b)"
)
# A name before its age at the head of a log's entry or a label's value, surname first
# (`SETTLING IN: Garside, Alan Edward Charles, aged 91`, `Walmsley, Mrs Jean, aged 78`,
# `WAINWRIGHT Lewis, aged 95`): the age says a person's details follow, so the words before
# it are the whole name (NER read `Alan Edward Charles` and `Mrs Jean`: no surname). Only
# the surname-first shapes: `Forename Surname, aged 91` is read already.
BEFORE_AGE = "surname first before an age"
NAME_BEFORE_AGE = (
    rf"(?<![\w'’\-])(?:{_ANY_CAP_WORD},[ ](?:(?:Mr|Mrs|Ms|Miss|Mx)\.?[ ])?{_ANY_CAP_WORD}"
    rf"(?:[ ](?:{_ANY_CAP_WORD}|\p{{Lu}}\.?)){{0,2}}"
    rf"|{_CAPS_WORD}[ ]{_FORENAME}(?:[ ](?:{_FORENAME}|[A-Z]\.?))?)(?=,[ ]aged[ ]\d)"
)
# A name before its age or its home in brackets after a topic word or a list marker at the
# head of a line (`Re Dominic Adeyemi (63): the hospital passport ...`, `- Mrs Ida Wray (91)
# ...`, `* Ivy Leyland (flat 39): KS code ...`): an e-mail's or a list's entry about one person.
# No word of it common, clinical or a place's; a line's first words alone are as likely `Ward
# Round (3)`.
BEFORE_BRACKETED_AGE = "name before a bracketed age"
BRACKETED_AGE_OR_HOME = (r"\((?:\d{1,3}|(?i:flat|apt|apartment|room|rm|unit|bungalow|no\.?)"
                         r"[ ]?\d{1,4}[A-Za-z]?)\)")
NAME_BEFORE_BRACKETED_AGE = (
    rf"(?<=(?:^|[\n\r])[ \t]*(?:(?:Re|RE|Regarding|Ref)\b:?[ \t]*|{LIST_MARKER.pattern}))"
    rf"(?:(?:Mr|Mrs|Ms|Miss|Mx)\.?[ ])?{_ANY_CAP_WORD}(?:[ ](?:{_ANY_CAP_WORD}|\p{{Lu}}\.)){{1,3}}"
    rf"(?=[ ]{BRACKETED_AGE_OR_HOME}(?:[:,;.\-–]|[ \t]|$))"
)
_VOWELS = frozenset("AEIOUY")


def _is_acronym(word: str) -> bool:
    """Three capitals or more with no vowel (`MDT`, `CMHT`, `NHS`) are initials, never a
    surname (`Fellside MDT - 2 December`: a team's meeting, not a person)."""
    return len(word) >= 3 and word.isupper() and not _VOWELS.intersection(word)


# The name a text opens with, before a dash and what the text is (`PILLING Joanne -
# telephone attendance note`, `Ewan QUARRIE - mentor session 4`): a note's title line names
# whom the note is about. The surname in capitals, before or after the forenames; only on
# the text's first line, no word of it a title, common, clinical or a place's (`NHS Trust -
# ...`, `KESTREL Rehabilitation - ...`): `heads_text`.
TITLE_LINE = "name heading a text"
NAME_HEADING_TEXT = (
    rf"(?<=(?:^|[\n\r])[ \t]*)(?:{_CAPS_SURNAME}(?:[ ]{_CAPS_ANY})?[ ]{_FORENAME_ANY}"
    rf"(?:[ ](?:{_FORENAME_ANY}|\p{{Lu}}\.?))?"
    rf"|{_FORENAME_ANY}(?:[ ](?:{_FORENAME_ANY}|\p{{Lu}}\.?))?[ ]{_PARTICLES}{_CAPS_SURNAME}"
    rf"(?:[ ]{_CAPS_ANY})?)(?=[ \t]+[-–—][ \t]+\S)"
)
# A form's label and its value across a gap, with no colon (`Student name    Hiroshi
# Nakamura`, `Patient\tDerek Pickles`): the label is a name field's, and the value starts
# where a neighbouring line's value does, tabs expanded (`aligned_label`), as a form lays
# them out.
ALIGNED = "name after a label across a gap"
_GAP = r"(?:[ ]{2,40}|[ ]{0,40}\t[ \t]{0,40})"
_ALIGNED_LABEL = r"\p{Lu}[\p{L}]*(?:[ ][\p{L}]+){0,3}"
NAME_AFTER_ALIGNED_LABEL = (
    rf"(?<=(?:^|[\n\r])[ \t]*{_ALIGNED_LABEL}{_GAP})"
    rf"{_NAME_WORD}(?:[ ]{_NAME_WORD}){{1,3}}(?=[ \t]*(?:\(|\r?$))"
)
# An e-mail header's display name: `From: Leanne Bishop <l.bishop@care.example>`.
MAIL = "mail display name"
MAIL_NAME = (
    r"^[ \t]*(?i:from|to|cc|bcc|reply-to|sender):[ \t]+\"?\K"
    rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,4}}(?=\"?[ \t]*<)"
)
# A name field's value follows a colon; a list entry's name comes before `(` and a digit
# (the other patterns scan fast on their own).
TRIGGERS = {
    "name field": Trigger(literals=[Literal(
        ":", word_start=False, word_end=False,
        confirm=r"(?<=^[ \t]*[^:\n\r]{1,80}):(?:\*\*|__)?[ \t]+[^\W\d_]")]),
    # the bracketed date after the name, within reach of its (at most four) words
    BEFORE_DATE: Trigger(sign=r"\(\d", reach=160),
    BEFORE_GAPPED_DATE: Trigger(sign=(r"(?<![ \t])(?:[ ]{2}|\t)[ \t]{0,40}\d{1,4}[/.\-]\d",
                                       r"(?<=\p{Ll})[ ]\d{1,4}[/.\-]\d{1,2}[/.\-]\d"),
                                 reach=160),
    # the identifier's label after the name (its words within reach)
    BEFORE_IDENTIFIER: Trigger(sign=IDENTIFIER_LABEL, reach=160),
    # the household phrase's last word, before the name
    HOUSEHOLD: Trigger(literals=[Literal("with")]),
    # the other-name phrase's last word, before the name
    OTHER_NAME: Trigger(literals=[Literal("name"), Literal("as")]),
    # the visit verb before the name
    VISITED: Trigger(literals=[Literal(verb) for verb in ("visited", "saw", "reviewed",
                                                          "assessed")]),
    # the age after the name (its words within reach)
    BEFORE_AGE: Trigger(sign=r",[ ]aged[ ]\d", reach=160),
    # the bracketed age or home after the name (its words within reach)
    BEFORE_BRACKETED_AGE: Trigger(sign=rf"[ ]{BRACKETED_AGE_OR_HOME}", reach=160),
    # a list item's marker and a word in lower case after it
    LOWER_LISTED: Trigger(sign=rf"^{LIST_MARKER.pattern}\p{{Ll}}", reach=160),
    # the dash after the name, on its line
    TITLE_LINE: Trigger(sign=r"[ \t][-–—][ \t]"),
    # the label at the head of its line and the gap before the value
    ALIGNED: Trigger(sign=r"^[ \t]*\p{Lu}\p{L}*(?:[ ]\p{L}+){0,3}(?:[ ]{2}|[ ]*\t)[ \t]*\p{Lu}"),
    # the header's name and its colon, at the start of the line
    MAIL: Trigger(literals=[Literal(f"{header}:", word_end=False)
                            for header in ("from", "to", "cc", "bcc", "reply-to", "sender")]),
}
PARTICLES = SURNAME_PARTICLES | {"mac", "st", "an"}  # `Mac an tSaoir`, `Nic an Bhaird`
# An Irish surname's mutated first letter before its capital (`tSaoir`, `hUiginn`, `nDubhda`).
IRISH_MUTATED = prebuilt(r"(?:t|h|n|bh|mb|gc|nd|ng|bp|dt)\p{Lu}\p{Ll}+")
PLACEHOLDERS = Terms(["unknown", "n a", "na", "none", "null", "not known", "not recorded",
                      "test", "tbc", "anonymous", "redacted", "withheld", "yes", "no", "male",
                      "female", "other", "true", "false", "see notes", "home", "mobile",
                      "official", "usual", "nickname", "maiden", "old"])
SCORE = 0.85
FIELD = "name field"
# A field name's last word made plural (`Tenants`, `tenant_names`, `Residents`).
_PLURAL_END = prebuilt(r"(?<=\p{L}{3})[sS]$")
FIELD_LIST = "name field list"
# A bracket that ends a field's name and qualifies it (`Patient (as recorded)`, `Client
# [if known]`, `Next of kin (1)`).
_QUALIFIER = prebuilt(r"\s*(?:\([^()]*\)|\[[^\[\]]*\])\s*$")
MAX_LOWER_CASE_WORDS = 4
# A letter's topic label (`Re: Fitzgerald, Bernard John`, `Regarding: ...`): its value is a
# name only in the surname-first shape, capitalised, no word common or clinical (`Re:
# Discharge Summary` is no name; `Re: Follow-up, Urgent` has no name word).
TOPIC_FIELDS = frozenset({"re", "regarding", "ref"})
_TOPIC_DETAILS = prebuilt(
    r"(?:,|[ \t]+[-–])[ \t]*\+?\d"
    r"|(?:,[ \t]*|[ \t]+[-–]?[ \t]*)\(?(?:D\.?O\.?B|[Dd]ob|[Bb]orn|NHS)\b"
    r"|[ \t]*\r?\n[ \t]*(?:D\.?O\.?B|[Dd]ate of [Bb]irth|NHS)\b")
SURNAME_FIRST = prebuilt(rf"{_NAME_WORD},[ \t]+{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}}")


def split_exclusions(entries: Sequence[str]) -> tuple[list[str], list[str]]:
    """A name-field list's entries and its `-word` exclusions (the word without its `-`)."""
    return ([entry for entry in entries if not entry.startswith("-")],
            [entry[1:] for entry in entries if entry.startswith("-")])


def name_field_terms(vocabulary_dirs: Sequence[str | Path] = ()) -> Terms:
    """The field names that hold a person's name (`name_fields.txt` and a user's)."""
    return Terms(split_exclusions(load_vocabulary("name_fields.txt", vocabulary_dirs))[0])


HL7_FIELDS = {"PID": 5, "NK1": 2}


_NAME_SEPARATOR = prebuilt(r"[\s,^]+")
_NICKNAME_IN = prebuilt(rf"[ \t]+{NICKNAME}")
_QUOTES = "()'‘’\"“”"


def looks_like_name(value: str) -> bool:
    words = [word.strip(_QUOTES) for word in _NAME_SEPARATOR.split(value) if word]
    if not words or len(value) > 80 or PLACEHOLDERS.found_in(normalise_words(value)):
        return False
    capitalised = [_without_particle(word) for word in words
                   if word.casefold() not in PARTICLES]
    return bool(capitalised) and all(word[:1].isupper() or IRISH_MUTATED.fullmatch(word)
                                     for word in capitalised)


def names_an_organisation(value: str) -> bool:
    """A value whose words end as an organisation's name does (`organisation_words.txt`:
    `Calder GP Federation`, `Ryburn Primary Care Network`, `Halifax Medical Centre`,
    `Calder Valley Care Ltd`): a place and an organisation's noun, in a name column or after
    a title's field, is a letterhead or a provider, never a person."""
    return ends_as_organisation(normalise_words(value).split())


def _without_particle(word: str) -> str:
    """`al-Rashid` -> `Rashid`: a particle joined to its surname by a hyphen."""
    particle, hyphen, rest = word.partition("-")
    return rest if hyphen and particle.casefold() in PARTICLES else word


def is_topic_field(raw_field: str) -> bool:
    return normalise_words(raw_field).strip() in TOPIC_FIELDS


def is_initial(words: list[str], index: int) -> bool:
    """An initial inside a name: `A.`, or `A` before a word in mixed case (`Cecil A
    O'Hara`; in capitals, `DR KLEIN A AND E` is no initial)."""
    word = words[index]
    if len(word) == 2 and word[1] == "." and word[0].isupper():
        return True
    return (len(word) == 1 and word.isupper() and index + 1 < len(words)
            and not words[index + 1].isupper())


def _name_words(value: str) -> int:
    """How many words of a name are neither titles nor initials."""
    return sum(word.casefold().rstrip(".,") not in TITLES and not INITIAL.fullmatch(word)
               for word in value.split())


def _pattern_of(result: RecognizerResult) -> str:
    return result.analysis_explanation.pattern_name if result.analysis_explanation else ""


# A number after a titled name's last word (`Flat 21`, `Room 4`): that word heads a place.
_NUMBER_AFTER = prebuilt(r"[ \t]+\d")

# The patterns whose matches `score_match` decides from their own line (`scored_on_line`).
LINE_DECIDED = frozenset((FIELD, FIELD_LIST, TITLED, MAIL, VISITED))


class NameFieldRecognizer(ContextScoredRecognizer):
    ENTITY = "PERSON"
    quiet_without_matches = True  # `analyze` filters the base class's results
    line_local_scoring = True  # for the patterns of `LINE_DECIDED`: `scored_on_line`

    def __init__(self, patterns: list[Pattern] | None = None, context: list[str] | None = None,
        supported_language: str = "en", supported_entity: str | None = None,
        vocabulary_dirs: Sequence[str | Path] = ()) -> None:
        """`context`, when given, is the list of field names that hold a name (by default
        `name_fields.txt` and a user's additions to it)."""
        entries = context or load_vocabulary("name_fields.txt", vocabulary_dirs)
        fields, excluded = split_exclusions(entries)
        self.name_fields = Terms(fields)
        self.excluded = Terms(excluded)
        self.not_names = not_name_terms(vocabulary_dirs)
        self.labels = field_labels(vocabulary_dirs)
        self.clinical = clinical_terms(vocabulary_dirs)
        self.products = product_terms(vocabulary_dirs)
        self.places = places(tuple(str(folder) for folder in vocabulary_dirs))
        self._name_field_answers: dict[str, bool] = {}
        self._line_answers: dict[tuple[str, bool], bool] = {}
        self._no_name_answers: dict[str, bool] = {}
        self._list_line_answers: dict[str, bool] = {}
        super().__init__(
            entity=supported_entity or self.ENTITY, name="PhiscanNameFieldRecognizer",
            patterns=patterns or [Pattern(FIELD, FIELD_NAME_VALUE, SCORE),
                                  Pattern(FIELD_LIST, FIELD_NAME_LIST, SCORE),
                                  Pattern("hl7 name", HL7_NAME, SCORE),
                                  Pattern(TITLED, TITLED_NAME, SCORE),
                                  Pattern(LISTED, LISTED_NAME, SCORE),
                                  Pattern(HEADED, HEADED_NAME, SCORE),
                                  Pattern(BEFORE_DATE, NAME_BEFORE_DATE, SCORE),
                                  Pattern(BEFORE_GAPPED_DATE, NAME_BEFORE_GAPPED_DATE, SCORE),
                                  Pattern(BEFORE_IDENTIFIER, NAME_BEFORE_IDENTIFIER, SCORE),
                                  Pattern(MAIL, MAIL_NAME, SCORE),
                                  Pattern(HOUSEHOLD, HOUSEHOLD_NAME, SCORE),
                                  Pattern(OTHER_NAME, NAME_AFTER_OTHER_NAME_PHRASE, SCORE),
                                  Pattern(VISITED, NAME_AFTER_VISIT_VERB, SCORE),
                                  Pattern(LOWER_LISTED, LOWER_LISTED_NAME, SCORE),
                                  Pattern(BEFORE_AGE, NAME_BEFORE_AGE, SCORE),
                                  Pattern(BEFORE_BRACKETED_AGE, NAME_BEFORE_BRACKETED_AGE,
                                          SCORE),
                                  Pattern(TITLE_LINE, NAME_HEADING_TEXT, SCORE),
                                  Pattern(ALIGNED, NAME_AFTER_ALIGNED_LABEL, SCORE)],
            context=fields,
            supported_language=supported_language,
            triggers=None if patterns else {
                **TRIGGERS,
                FIELD: replace(TRIGGERS[FIELD], keep_line=self.may_hold_name_value),
                FIELD_LIST: replace(TRIGGERS[FIELD], keep_line=self.may_hold_names)},
        )

    def may_hold_name_value(self, line: str) -> bool:
        """Whether a `field: value` line's value can be kept by the `name field` pattern:
        `scored` keeps it only when its field is a name field (the answer is remembered
        per field name, so a record's other columns are never scanned for a name value).
        A line that reads otherwise (an HL7 segment, a carriage return) is scanned."""
        if "\r" in line:
            return True
        colon = line.find(":")
        if colon == -1:
            return True  # no field line: the pattern cannot match on it
        # What `line_field` reads is decided by the line up to its first colon and whether
        # a space follows it (an HL7 segment's `|` comes before any colon that could stop it).
        nested = NESTED_LABEL.match(line, colon + 1)
        head = (line[:colon], line[colon + 1:colon + 2] in (" ", "\t"),
                nested[1] if nested else "")
        known = self._line_answers.get(head)
        if known is None:
            if len(self._line_answers) >= NAME_FIELD_MEMORY:
                self._line_answers.clear()
            field = line_field(line)
            raw_field = raw_line_field(line) or ""
            known = self._line_answers[head] = field is None or self.is_name_column(
                raw_field) or is_topic_field(raw_field) or (
                nested is not None and self.is_name_column(nested[1].rstrip(" \t:")))
        return known

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        """The names found, without a name read from another full name's last word and
        the words after its comma (`Mrs Ida Platt, Ivy Cottage, DOB ...` is no `Platt, Ivy
        Cottage`): the rules that read capitalised words before a date or an identifier's
        label give way there to the full name that starts before theirs (`Mr Yeadon, Cyril,
        born ...` stays `Yeadon, Cyril`: `Mr Yeadon` alone names nobody fully)."""
        return self.among_others(text, super().analyze(text, entities, nlp_artifacts,
                                                       regex_flags))

    def among_others(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        """`analyze`'s filter: a name read by a rule before a date or an identifier's label
        that another full name holds is dropped, as is one that only capitalised words
        after another full name's comma lead to (`Mrs Gwenllian Pritchard, Bryn Awel,
        Llanbedr (DOB ...)`: her home and village, never `Awel, Llanbedr`)."""
        if len(results) < 2:
            return results
        return [result for result in results
                if _pattern_of(result) not in (BEFORE_IDENTIFIER, BEFORE_DATE)
                or "," not in text[result.start:result.end].split(" ", 1)[0]
                or not any((other.start < result.start < other.end
                            or is_home_after(text, other.end, result.start))
                           and _name_words(text[other.start:other.end]) >= 2
                           for other in results)]

    def scored_on_line(self, text: str, raw: RawMatch) -> tuple[RecognizerResult | None, bool]:
        """Decided by its line for a name field's value, a titled name or a mail display
        name: `score_match` reads their value, `context_of` and the rest of their line
        (`name_end`); the list-shape rules may read past the line (`BEFORE_DATE` looks for
        the next bracket wherever it is, `BEFORE_GAPPED_DATE` 40 characters on)."""
        return self.scored_raw(text, raw), self.patterns[raw[0]].name in LINE_DECIDED

    def is_name_field(self, field: str) -> bool:
        """Whether a field name names a person; remembered per name (a record's fields
        repeat in every row and message)."""
        known = self._name_field_answers.get(field)
        if known is None:
            if len(self._name_field_answers) >= NAME_FIELD_MEMORY:
                self._name_field_answers.clear()
            known = self._name_field_answers[field] = self._is_name_field(field)
        return known

    def is_name_column(self, raw_field: str) -> bool:
        """Whether a field, as written, holds a name: by its words, or by its words before a
        bracket that qualifies it (`Patient (as recorded)`, `Client name [if known]`), unless
        the bracket names something that is no person (`Name (organisation)`)."""
        if self.is_name_field(normalise_words(raw_field)):
            return True
        qualifier = _QUALIFIER.search(raw_field)
        if qualifier is None or qualifier.start() == 0:
            return False
        return (not self.excluded.found_in(normalise_words(qualifier.group()))
                and self.is_name_field(normalise_words(raw_field[:qualifier.start()])))

    def lists_names(self, text: str, result: RecognizerResult) -> bool:
        """Whether a list of names (`FIELD_NAME_LIST`) is a name field's value: its field
        holds a name, or one name of each of several people (`Tenants`, `tenant_names`,
        `Residents`: a name field's last word made plural)."""
        line_start, line_end = line_bounds(text, result.start, result.end)
        raw_field = raw_line_field(text[line_start:line_end])
        return raw_field is not None and self.is_names_column(raw_field)

    def is_names_column(self, raw_field: str) -> bool:
        """Whether a field, as written, holds a name or several people's (`lists_names`)."""
        singular = _PLURAL_END.sub("", raw_field.rstrip())
        return self.is_name_column(raw_field) or (
            singular != raw_field.rstrip() and self.is_name_column(singular))

    def may_hold_names(self, line: str) -> bool:
        """`may_hold_name_value` for a list of names: a plural name field's line too."""
        if self.may_hold_name_value(line):
            return True
        head = line[:line.find(":")]
        known = self._list_line_answers.get(head)
        if known is None:
            if len(self._list_line_answers) >= NAME_FIELD_MEMORY:
                self._list_line_answers.clear()
            raw_field = raw_line_field(line)
            known = self._list_line_answers[head] = (raw_field is not None
                                                     and self.is_names_column(raw_field))
        return known

    def lower_case_name(self, value: str) -> bool:
        """A name typed in lower case (`brian tweedale`, `o'hare, mary`): two to four words,
        none a common word, a clinical one or a placeholder; read only in a name field,
        whose column says it holds a name. A hyphenated word is clinical only when each of
        its parts is (`lily-mae`: `mae` alone is a clinical abbreviation)."""
        words = [word for word in value.replace(",", " ").split() if word not in PARTICLES]
        return (2 <= len(words) <= MAX_LOWER_CASE_WORDS and value.islower()
                and not PLACEHOLDERS.found_in(normalise_words(value))
                and not any(self.not_names.equals(normalise_words(word))
                            or normalise_words(word).strip() in STOP_WORDS
                            or all(self.clinical.found_in(part) for part in word.split("-"))
                            for word in words))

    def lower_case_part(self, text: str, start: int, value: str) -> bool:
        """One part of a name typed in lower case in its own field (`firstName: arthur`,
        `surname: holroyd`, a delivery app's customer): one word, not common, clinical or a
        placeholder, in a field whose name says it is a forename or a surname."""
        line_start, line_end = line_bounds(text, start, start + len(value))
        field = normalise_words(raw_line_field(text[line_start:line_end]) or "").strip()
        return (value.islower() and len(value.split()) == 1 and len(value) > 1
                and holds_a_name_part(field)
                and not PLACEHOLDERS.found_in(normalise_words(value))
                and not self.is_no_name(value))

    def _is_name_field(self, field: str) -> bool:
        words = without_digits(field)
        ending = max((phrase for phrase in self.name_fields.padded if words.endswith(phrase)),
                     key=len, default=None)
        # The exclusions apply to the words before the name phrase: `service user` is a
        # name field, `user name` is not.
        return ending is not None and not self.excluded.found_in(
            words[:len(words) - len(ending)] + " ")

    def is_no_name(self, word: str) -> bool:
        """Whether a word is common or clinical; remembered per word (the same names and
        words come back in every record of a share)."""
        known = self._no_name_answers.get(word)
        if known is None:
            if len(self._no_name_answers) >= NAME_FIELD_MEMORY:
                self._no_name_answers.clear()
            normalised = normalise_words(word)
            known = self._no_name_answers[word] = (
                self.not_names.equals(normalised) or self.clinical.found_in(word)
                or normalised.strip() in STOP_WORDS)
        return known

    def trimmed(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        """A titled name without trailing capitals that are no name (`GP`, `DOB`, `AM`)
        and without clinical words (`MS FLARE`: none left, no name); none where the title
        and the word after it name a product (`MS Teams`)."""
        words = text[result.start:result.end].split(" ")
        if names_a_product(self.products, text, result.start, result.end, word_before=False):
            return None
        cut = next((i for i, word in enumerate(words[1:], 1)
                    if (self.clinical.found_in(word)
                        and not self.clinical.brand_forename(words[1:], i - 1))
                    or (i > 1 and word.isupper() and not is_initial(words, i)
                        and (len(word) < 3 or self.is_no_name(word)))),
                   len(words))
        words = words[:cut]
        if len(words) < 2:
            return None
        while len(words) > 2 and words[-1].isupper() and (
                len(words[-1]) < 3 or self.is_no_name(words[-1])):
            words.pop()
        if len(words) == 2 and words[-1].isupper() and self.not_names.equals(
                normalise_words(words[-1])):
            return None
        if len(words) > 2 and _NUMBER_AFTER.match(
                text, result.start + len(" ".join(words))) and self.not_names.equals(
                normalise_words(words[-1])):
            words.pop()  # `Mrs Audrey Platt Flat 21, ...`: the address's unit and its number
        result.end = result.start + len(" ".join(words))
        return result

    def score_match(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        """A name found by its field, title, list shape or mail header, ending before
        any field label it ran into (`Mrs Jane Smith Dob`)."""
        result = self.without_relation_in_brackets(text, result)
        if result is None:
            return None
        result = self.scored(text, result)
        if result is None or names_an_organisation(text[result.start:result.end]):
            return None
        end = name_end(text, result.start, result.end, self.labels)
        if end is None or end - result.start < 2:
            return None
        result.end = end
        return result

    def without_relation_in_brackets(self, text: str, result: RecognizerResult
                                     ) -> RecognizerResult | None:
        """A word in brackets or quotes read as a nickname that is no name (`Mary Jones
        (Daughter)`, `(Patient)`) ends the name there; None when no name is left before it."""
        for nickname in _NICKNAME_IN.finditer(text, result.start, result.end):
            if self.is_no_name(nickname[0].strip(" \t" + _QUOTES)):
                result.end = nickname.start()
                return result if result.end - result.start > 1 else None
        return result

    def is_surname_first(self, value: str) -> bool:
        """`Fitzgerald, Bernard John`: a surname, its comma and one to three given names,
        none of them a common, clinical or place word."""
        return SURNAME_FIRST.fullmatch(value) is not None and not self.has_no_name_word(
            value.split())

    def heads_topic(self, text: str, value: str, result: RecognizerResult) -> bool:
        """A letter's topic that is a person: their name in two to four words, none common,
        clinical or a place's, then their details (`Re: Glenys Verity, 14 Moorland View`, `Re:
        Glenys Verity - DOB ...`, or a date of birth or NHS number heading the next line).
        `Re: Home Visit, 14/10/2026` has a common word; `Re: Discharge Summary` no details."""
        words = [word.strip(_QUOTES) for word in value.split()
                 if word.casefold().rstrip(".") not in TITLES and not INITIAL.fullmatch(word)]
        if not 2 <= len(words) <= 4 or self.has_no_name_word(words) or self.places.names_place(
                " ".join(words)) or any(is_known_word(word) for word in words):
            return False
        return _TOPIC_DETAILS.match(text, result.end) is not None

    def has_no_name_word(self, words: list[str]) -> bool:
        """Whether a name's words hold one that is no name: a common word only as its
        first or last word, or its first forename (a middle name may be one: `Sandra May
        Jones`, `Jones, Sandra May`), a label's, a clinical word or a place's
        (`Ivy Cottage`, `Sunnybank House`: `recognizers/addresses.py`) anywhere."""
        comma = next((index for index, word in enumerate(words) if word.endswith(",")), None)
        ends = {0, len(words) - 1} if comma is None else {0, comma, comma + 1}
        return any(self.places.ends_with_place_word(word.rstrip(",")) or ((
            self.is_no_name(word.rstrip(",")) if index in ends
            else self.not_names.equals(normalise_words(word)) or self.clinical.found_in(word))
            and not self.clinical.brand_forename(words, index))
            for index, word in enumerate(words))

    def heads_entry_with_birth_date(self, text: str, result: RecognizerResult) -> bool:
        """The name opens its line (or a list item, a label's value) or follows a word in
        lower case inside a sentence (`Could you add Glenys Dinsdale (06/12/1926) to`), and
        the bracketed date after it reads as its date of birth; no word of it is a common
        or clinical one."""
        line_start = max(text.rfind("\n", 0, result.start), text.rfind("\r", 0, result.start))
        before = text[line_start + 1:result.start]
        heads = (_LISTED_BEFORE.search(before[-12:]) or heads_item(text, before, result.end)
                 or _HEADING_BEFORE.fullmatch(before))
        opener = _SENTENCE_OPENER.search(before, max(0, len(before) - 40))
        if not (heads or _IN_SENTENCE.search(before[-40:])
                or (opener and self.is_no_name(opener[1]))):
            return False
        words = [word.strip(_QUOTES) for word in text[result.start:result.end].replace(",", " ")
                 .split() if word.casefold().rstrip(".") not in TITLES
                 and not INITIAL.fullmatch(word)]
        if self.has_no_name_word(words):
            return False
        date_start = text.index("(", result.end) + 1
        date_end = text.index(")", date_start)
        if not heads and not old_enough(text[date_start:date_end], IN_SENTENCE_MIN_YEARS):
            return False  # `seen at Leeds General (03/04/2019)`: an event's date
        return bracketed_after_name(text, date_start, date_end)

    def without_opening_words(self, text: str, result: RecognizerResult) -> RecognizerResult:
        """The name without the sentence's opening words before it that no name is
        (`not_names.txt`), while two words are left (`Visited VU Van Hung (27/07/1942)`: the
        rule's pattern reads the verb as a name's first word, and the family name in
        capitals is the name's). A common word may be a forename (`Will Anthony Jones`)."""
        words = text[result.start:result.end].split(" ")
        while len(words) > 2 and self.not_names.equals(normalise_words(words[0].rstrip(","))):
            result.start += len(words.pop(0)) + 1
        return result

    def without_leading_words(self, text: str, result: RecognizerResult
                              ) -> RecognizerResult | None:
        """The name without the words before it that are no name (`Re`, `Patient`, a
        sentence's first word): two name words at least, none common or clinical."""
        words = text[result.start:result.end].split(" ")
        while words and self.is_no_name(words[0].rstrip(",")) and not (
                self.clinical.brand_forename(words, 0)):
            result.start += len(words.pop(0)) + 1
        names = [word.strip(_QUOTES) for word in words
                 if word.casefold().rstrip(".") not in TITLES and not INITIAL.fullmatch(word)]
        if len(names) < 2 or self.has_no_name_word(names) or self.places.names_place(
                " ".join(names)):
            return None  # `Flat 18 Llys Hedd - NHS ...`: a place named head first
        return result

    def household_name(self, value: str, result: RecognizerResult) -> RecognizerResult | None:
        """The name after a household phrase: two name words at least, none of them a
        common, clinical or place word, nor a clinical phrase across them (`lives with
        Motor Neurone Disease`, `Down Syndrome`)."""
        names = [word for word in value.split()
                 if word.casefold().rstrip(".") not in TITLES and not INITIAL.fullmatch(word)]
        if len(names) < 2 or self.clinical.found_in(value) or (
                names[-1].casefold() in _CONDITION_HEADS) or any(
                self.is_no_name(word) or self.places.ends_with_place_word(word)
                for word in names):
            return None
        return result

    def heads_with_age(self, text: str, value: str, result: RecognizerResult
                       ) -> RecognizerResult | None:
        """A surname-first name before its age where a list or a label puts it (the line's
        start, a list marker, after a label's colon: `17/11/2026 VISIT: Garside, Alan ...`),
        no word of it common, clinical or a place's (`Discharge, Urgent, aged 3 days`)."""
        line_start = max(text.rfind("\n", 0, result.start), text.rfind("\r", 0, result.start))
        before = text[line_start + 1:result.start]
        if not (not before.strip() or before.rstrip().endswith(":")
                or heads_item(text, before, result.end)):
            return None
        words = [word.strip(_QUOTES) for word in value.replace(",", " ").split()
                 if word.casefold().rstrip(".") not in TITLES and not INITIAL.fullmatch(word)]
        return None if len(words) < 2 or self.has_no_name_word(words) else result

    def heads_entry(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        """`Forename SURNAME` at the head of a list item or a label's value, without
        a trailing word in capitals that is no name (`Jean GARSIDE DOB`); no common or
        clinical word in it."""
        line_start = max(text.rfind("\n", 0, result.start), text.rfind("\r", 0, result.start))
        before = text[line_start + 1:result.start]
        if not before.strip():
            return None  # a line's first words alone are as likely `Title VII`
        words = text[result.start:result.end].split(" ")
        if len(words) > 2 and (len(words[-1]) < 3 or self.is_no_name(words[-1])):
            words.pop()
        if any(self.is_no_name(word) for word in words if not INITIAL.fullmatch(word)) or (
                self.places.names_place(" ".join(words))):
            return None  # `Kidney CLINIC`, `Riverside LODGE`: a place's name in capitals
        result.end = result.start + len(" ".join(words))
        if not (_LISTED_BEFORE.search(before[-12:]) or heads_item(text, before, result.end)):
            return None
        return result

    def plain_name(self, value: str) -> bool:
        """Two name words at least (initials aside), none a title, common, clinical or a
        place's."""
        words = [word for word in value.split() if not INITIAL.fullmatch(word)]
        return len(words) >= 2 and not any(
            word.casefold().rstrip(".") in TITLES for word in words) and not (
            self.has_no_name_word(words) or self.places.names_place(" ".join(words)))

    def heads_text(self, text: str, value: str, result: RecognizerResult
                   ) -> RecognizerResult | None:
        """A name before a dash on the text's first line (its title line); the words beside
        the capitals no English word nor an organisation's (`URGENT Referral`, `CALDERDALE
        Council`: a heading)."""
        if text[:result.start].strip() or not self.plain_name(value):
            return None
        if any(word.casefold() in organisation_words() or _is_acronym(word)
               or (not word.isupper() and is_known_word(word)) for word in value.split()):
            return None
        return result

    def aligned_label(self, text: str, value: str, result: RecognizerResult
                      ) -> RecognizerResult | None:
        """A name after a name field's label across a gap, where the line above or below
        is a label and a value starting in the same column (a form, not a sentence)."""
        line_start, line_end = line_bounds(text, result.start, result.end)
        label = text[line_start:result.start].strip()
        if not self.is_name_column(label) or not self.plain_name(value):
            return None
        column = len(text[line_start:result.start].expandtabs())
        return result if any(_value_column(line) == column
                             for line in _neighbour_lines(text, line_start, line_end)) else None

    def scored(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        value = text[result.start:result.end]
        pattern = result.analysis_explanation.pattern_name if result.analysis_explanation else ""
        if not looks_like_name(value) and not (pattern in (FIELD, LOWER_LISTED)
                                               and self.lower_case_name(value)) and not (
                pattern == FIELD and self.lower_case_part(text, result.start, value)):
            return None
        if pattern == TITLED:
            return self.trimmed(text, result)
        if pattern == FIELD_LIST:
            words = value.split()  # a full name each, no common word (`Gas / Electric`)
            return result if len(words) >= 2 and not self.has_no_name_word(words) and (
                self.lists_names(text, result)) else None
        if pattern in (MAIL, LOWER_LISTED):
            return result
        if pattern == BEFORE_DATE:
            result = self.without_opening_words(text, result)
            return result if self.heads_entry_with_birth_date(text, result) else None
        if pattern == BEFORE_GAPPED_DATE:
            words = [word.strip(_QUOTES) for word in value.replace(",", " ").split()
                     if not INITIAL.fullmatch(word)]
            date_at = text[result.end:result.end + 40].lstrip(" \t")
            return None if len(words) < 2 or self.has_no_name_word(words) or not old_enough(
                date_at.split(None, 1)[0], 2) else result
        if pattern == BEFORE_IDENTIFIER:
            return self.without_leading_words(text, result)
        if pattern == HOUSEHOLD:
            return self.household_name(value, result)
        if pattern == OTHER_NAME:
            return result if self.plain_name(value) else None
        if pattern == VISITED:  # (no word of a phrase: `Assessed Moving And Handling`)
            return result if self.plain_name(value) and not any(
                word.casefold() in STOP_WORDS for word in value.split()) else None
        if pattern == BEFORE_AGE:
            return self.heads_with_age(text, value, result)
        if pattern == BEFORE_BRACKETED_AGE:
            words = [word for word in value.split()
                     if word.casefold().rstrip(".") not in TITLES and not INITIAL.fullmatch(word)]
            titled = len(words) < len(value.split())
            return None if len(words) < 2 or self.has_no_name_word(words) or (
                not titled and all(is_known_word(word) for word in words)) else result
        if pattern == HEADED:
            return self.heads_entry(text, result)
        if pattern == TITLE_LINE:
            return self.heads_text(text, value, result)
        if pattern == ALIGNED:
            return self.aligned_label(text, value, result)
        if pattern == LISTED:
            line_start = max(text.rfind("\n", 0, result.start), text.rfind("\r", 0, result.start))
            surname, forename = value.split(",", 1)
            before = text[line_start + 1:result.start]
            if self.not_names.equals(normalise_words(surname)) or _FORENAME_BEFORE.search(
                    before):
                return None  # `Re: Precious KITCHING, Room 55`: the forename came first
            if not (_LISTED_BEFORE.search(before[-12:]) or heads_item(text, before,
                                                                         result.end)):
                # Inside a sentence (`let you know MACKINTOSH, Mohammed who ...`) only a
                # surname of three capitals or more and a forename in lower case, no
                # common or clinical word (`with COPD, Asthma`).
                return None if forename.isupper() or len(surname.strip()) < 3 or any(
                    self.is_no_name(word) for word in value.replace(",", " ").split()
                ) else result
            if not forename.isupper():
                return result
            # In capitals (`DAVIES, KENNETH`) a list of findings looks the same
            # (`OPERATION: CYSTOSCOPY, TUR`): no common or clinical word, and a label
            # before it only when it is a name field's (`PT:`, `PATIENT:`).
            label = text[line_start + 1:result.start]
            if len(forename.strip()) < 3 or any(
                    self.is_no_name(word) for word in value.replace(",", " ").split()):
                return None  # `COLIN ADEYEMI, SN`: a signature's post-nominal
            return result if not normalise_words(label).strip() or self.is_name_field(
                without_digits(normalise_words(label))) or _TITLE_BEFORE.search(label) or (
                heads_item(text, label, result.end)) else None
        context = context_of(text, result.start, result.end)
        if context.hl7_segment:
            return result if HL7_FIELDS.get(context.hl7_segment) == context.hl7_field else None
        if self.is_name_field(context.field):
            return result
        line_start, line_end = line_bounds(text, result.start, result.end)
        raw_field = raw_line_field(text[line_start:line_end])
        if raw_field is not None and self.is_name_column(raw_field):
            return result
        if raw_field is not None and is_topic_field(raw_field):
            return result if self.is_surname_first(value) or self.heads_topic(
                text, value, result) else None
        # `Contact: Mother: Agnieszka Hargreaves, ...`: the label nearest the value says
        nested = text[line_start:result.start].rstrip(" \t")
        nested = nested[:-1] if nested.endswith(":") else ""
        nested = nested[nested.rfind(":") + 1:].strip() if ":" in nested else ""
        return result if nested and self.is_name_column(nested) else None


_LABEL_AND_VALUE = prebuilt(rf"[ \t]*{_ALIGNED_LABEL}{_GAP}(?=\S)")


def _value_column(line: str) -> int | None:
    """Where a `label   value` line's value starts, or None for any other line."""
    match = _LABEL_AND_VALUE.match(line)
    if match is None or match.end() >= len(line.rstrip()):
        return None
    return len(line[:match.end()].expandtabs())


def _neighbour_lines(text: str, line_start: int, line_end: int) -> list[str]:
    """The lines right above and below a line (a form's rows have no blank between)."""
    above_end = line_start - 1
    above = text[text.rfind("\n", 0, max(above_end, 0)) + 1:above_end] if above_end > 0 else ""
    below_end = text.find("\n", line_end + 1)
    below = text[line_end + 1:below_end if below_end != -1 else len(text)]
    return [line.rstrip("\r") for line in (above, below) if line.strip()]
