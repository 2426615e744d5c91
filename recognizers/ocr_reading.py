"""Reading text through OCR damage: the recognizers' words and digit runs as OCR writes them.

Scanned letters and handwritten forms come back from OCR with letters misread inside
words (`rnat` for `mat`, `cloor` for `door`, `vvall`, `c0de`, `1atch`, `5afe`, `8ack`),
letters swapped, dropped or doubled (`Keysfae`, `frnt`, `Keyssafe`), spaces inside words
(`und er`, `Fron t`) and letters inside numbers (`4O1 234 567l`, `c0de 6 4 l 2`,
`l2/O3/l947`). A pattern written for clean text misses all of them.

`read_ocr(text)` gives a `Reading`: the text with each damaged form of a recognizer word
(`ocr_lexicon()`: the home-access vocabularies, the words of its grammar, the NHS-number and
birth-date context words) written as the word, and each letter OCR reads for a digit inside
a run of digits written as the digit; or None when nothing is damaged (the text is read
once, as it was). `Reading.origin` maps a span of the reading back to the original text,
so a finding's offsets, its mask and its preview point at the characters the file holds.

The damaged forms are found in one Aho-Corasick pass over the case-folded text (the same
folded text the triggers share): every form one OCR confusion away from a word (`m` read
`rn`, `d` read `cl`, `w` read `vv`, `o`/`0`, `l`/`1`/`I`, `s`/`5`, `b`/`8`, `y`/`v`, `e` and
`o` read `c`, `a` read `n`), one space
inside a word of four letters or more (of three when neither half is a word: `ke y`), and in
a word of five letters or more one pair of
letters swapped, one letter dropped or one added. A form is never a word itself: forms that
are English words (`recognizers/data/ocr_real_words.txt`, built from a dictionary by
`tools/build_ocr_words.py`: `font` is not read as `front`, `mall` not as `mail`) and forms
that two words share are left out, and a space is never closed between two common words
(`do or`). A form must stand alone (no letter, digit or apostrophe either side: `I'm at` is
not `mat`).

Speech-to-text's forms are read in the same pass: a key device's first word heard as a plural,
a possessive or a word that sounds the same (`keys safe`, `key's safe`, `quay safe`; not after
a verb of keeping: `keep your keys safe`), and `for`/`to` heard for a digit inside a spoken
code (`the code is five nine for two`: at least four digit words, a word naming a code just
before). So are dialect, clipped
and other languages' spellings of the grammar's words and emoji written for a word
(`home_access_dialect.txt`: `wi'` with, `'as` has, `oor` our, `chabi` key, `🔑` key),
standing alone.

A digit run reads `l`, `I`, `O`, `o`, `S` and `Z` as `1`, `1`, `0`, `0`, `5` and `2` when
the run (digits in groups joined by single spaces, hyphens, dots or slashes) holds at least three
digits besides: a group of digits and those letters (`4O1`, `567l`, `5S12`) or one such
letter alone between or beside groups (`6 4 l 2`, `7 I 3 O`). A group with any other letter
is no part of a run (`Sat 12`, `SO14 0AA` holds two digits only).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

import ahocorasick

from recognizers.relatives import relatives
from recognizers.triggers import case_folded, fold_in_place, is_word_char
from recognizers.vocabulary import DATA_DIR, IRISH_PARTICLES, SURNAME_PARTICLES, read_entries

# What OCR writes for a letter (lower case: the automaton reads folded text, where `I` is `i`).
# A round letter loses or opens its stroke (`e`, `o` read `c`; `a` read `n`): `kcy snfe by
# gnrage codc`, `undcr`, `dcor`.
CONFUSIONS: dict[str, tuple[str, ...]] = {
    "m": ("rn",), "d": ("cl",), "w": ("vv",), "o": ("0", "c"), "l": ("1", "i"),
    "i": ("1", "l"), "s": ("5",), "b": ("8",), "y": ("v",), "e": ("c",), "a": ("n",),
}
# What OCR or a typist writes for a letter as a digit inside a word (`k3y`, `c0de`, `5afe`,
# `Mr 0'Brien`): the digit read back as the letter.
LETTER_FOR_DIGIT: dict[str, str] = {"0": "o", "3": "e", "5": "s"}


def is_digit_token(token: str) -> bool:
    """A token OCR made of a number: letters it reads for digits only (`DIGIT_FOR_LETTER`),
    no fewer digits than letters (`7l5S`, `2O48`; not `C0DE`, `k3y`)."""
    digits = sum(c.isdigit() for c in token)
    return digits > 0 and digits * 2 >= len(token) and all(
        c.isdigit() or c in DIGIT_FOR_LETTER for c in token)
# Swapped, dropped or added letters only in words this long: shorter ones collide with
# other words at every edit (`safe`: `sale`, `sae`, `sage`).
EDIT_MIN_LETTERS = 5
# A space inside a word only in words this long; in a shorter one of three letters only when
# neither half is a word (`ke y`, `k ey`; never `m at`, which is `I'm at`, nor `b in`).
SPACE_MIN_LETTERS = 4
SHORT_SPACED_LETTERS = 3
ONE_LETTER_WORDS = frozenset({"a", "i", "o"})
# A letter OCR adds: a neighbour doubled (`Keyssafe`), or a thin stroke read as a letter.
ADDED_LETTERS = "eilnrt"
# Words a space is never closed between: both halves common words (`do or`, `in to`).
COMMON_WORDS = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "by", "do", "for", "go", "he", "her", "his",
    "i", "if", "in", "is", "it", "me", "my", "no", "not", "of", "on", "or", "our", "she", "so",
    "the", "to", "up", "us", "we", "yes", "you"})
# The vocabulary files whose words OCR damage hides (a home-access note's objects, places,
# states, people and purposes; the labels of a name's field).
VOCABULARY_FILES = (
    "home_access_devices.txt", "home_access_code_words.txt", "home_access_containers.txt",
    "home_access_door_states.txt", "home_access_entry.txt", "home_access_hiding_places.txt",
    "home_access_keyholders.txt", "home_access_key_places.txt", "home_access_openings.txt",
    "home_access_premises.txt",
    "home_access_exclusions.txt", "home_access_code_kinds.txt", "home_access_not_entry.txt",
    "home_access_visitors.txt", "relatives.txt",
    "name_fields.txt",
)
# The words the recognizers' grammars and context spell out in their patterns rather than
# in vocabulary files: the home-access grammar's prepositions, keys, codes and states; the
# NHS-number and birth-date context; a name field's label.
GRAMMAR_WORDS = (
    "key", "keys", "spare", "safe", "keysafe", "code", "codes", "combination", "number",
    "numbers", "digits", "door", "front", "back", "side", "gate", "porch", "garage", "under",
    "underneath", "beneath", "behind", "inside", "beside", "above", "below", "hidden",
    "hanging", "hook", "left", "latch", "unlocked", "open", "yourself", "let", "enter",
    "entry", "access", "alarm", "padlock", "lockbox", "keypad", "worker", "stage",
    "findings", "office", "room", "ward", "staff", "removed", "ordered", "leave", "leaving",
    "nhs", "patient", "with",
    "hospital", "birth", "born", "date", "dob", "name", "surname", "forename",
)
REAL_WORDS_FILE = "ocr_real_words.txt"
HOLDERS_FILE = "home_access_keyholders.txt"
# Speech-to-text writes a device's first word as a plural or a possessive (`keys safe`,
# `key's safe`): read as the device unless a verb of keeping comes just before (`keep your
# keys safe` is advice).
DEVICES_FILE = "home_access_devices.txt"
SPOKEN_ENDINGS = ("s", "'s", "\u2019s")
# ... or as the word it sounds like (`quay safe`, `quay box`; `Quay Street` is no device), and
# `safe` heard as `save` or `say` (`the key say is on the wall`).
KEY_HOMOPHONES = ("quay",)
SAFE_HOMOPHONES = ("save", "say")
_KEEPING = re.compile(r"(?<![\w])(?:keep|keeps|kept|keeping|hold|holds|held|holding|store|stores|"
                      r"stored|storing|put|puts|leave|leaves|left|leaving|stay|stays|are|were|"
                      r"is|feel|feels)(?![\w])")
KEEPING_WORDS = 3
# A number spoken digit by digit, as speech-to-text writes it: `for` or `to` heard for `four`
# or `two`. Read as the digit only inside a run of spoken digits (a digit word on each side,
# four words at least) after a word naming a code (`the code is five nine for two`; never
# `two to three times a week` or `one to one`).
DIGIT_WORDS = ("zero", "oh", "nought", "one", "two", "three", "four", "five", "six", "seven",
               "eight", "nine")
HOMOPHONES = {"for": "four", "fore": "four", "to": "two", "too": "two"}
SPOKEN_SEPARATORS = (" ", ", ", "-")
SPOKEN_RUN_MIN = 4
_DIGIT_WORD = "(?:" + "|".join(DIGIT_WORDS) + ")"
_RUN_BEFORE = re.compile(rf"(?:(?<![\w']){_DIGIT_WORD}(?:[ ,\-]+))*$")
_RUN_AFTER = re.compile(
    rf"(?:[ ,\-]+{_DIGIT_WORD}(?![\w']))(?:[ ,\-]+(?:{_DIGIT_WORD}|for|fore|to|too)(?![\w']))*")
_NAMES_A_CODE = re.compile(r"(?<![\w])(?:code|codes|number|numbers|pin|combination|combo|digits|"
                           r"passcode)(?![\w])")
CODE_WORDS_BEFORE = 6
# Dialect, clipped and other languages' forms of the grammar's words, each read as the
# English word (`wi'` with, `nex'` next, `'as` has, `chabi` key): `home_access_dialect.txt`.
DIALECT_FILE = "home_access_dialect.txt"
APOSTROPHES = ("'", "\u2019")
# Other languages' words of the grammar, by language (`home_access_languages.txt`): each read
# as its English word, a stem with any ending, a postposition before the word it follows, a
# form that is an English word or a name too only in a unit (a row, a document's window)
# holding another form of its language.
LANGUAGES_FILE = "home_access_languages.txt"
# The same words in every other language of a public rule, built from a multilingual lexicon
# by `tools/build_language_blocks.py` (same syntax); the hand-written file's forms win.
BUILT_LANGUAGES_FILE = "home_access_languages_built.txt"
# The number words 0 to 9 of the languages most spoken in UK care (`digits =` lines only,
# block names as the hand-written file's), built from Unicode CLDR's spell-out rules by
# `tools/build_number_words.py`; a hand-written `digits =` line holds only the spellings
# this file lacks (romanised `wa7ed`, Polish `nula`), so each spelling is defined once.
NUMBER_WORDS_FILE = "home_access_number_words.txt"
# The access objects (key, padlock, lock, safe, doors, gate, code, mat, plant pot) and the
# neighbour in the same languages, from Wiktionary's translation tables, each form no other
# file reads (`tools/build_wikt_access_words.py`; same syntax, blocks named as the
# hand-written file's).
WIKT_WORDS_FILE = "home_access_languages_wikt.txt"
# A language's number words, 0 to 9 (`digits = nula | jeden | ...`), each read as its ASCII
# digit only inside a run of at least NUMBER_RUN_MIN number words of one language, joined by
# spaces, commas, hyphens or dots or by nothing in a script without spaces (`sette-due-zero-
# otto`, `七三零五`): alone, `due`, `tre`, `do`, `sei` are words of English or names.
DIGITS_ENTRY = "digits"
# The grammar's roles a language writes as English does (Scots `office`, Dutch `code`): no
# form, so that the file says a block is complete by role (`english = code | office`).
ENGLISH_ENTRY = "english"
# ... and the roles its words carry in the dialect file (`home_access_dialect.txt`, read
# there: Italian `chiave`, Spanish `llave`), each form defined once (`dialect = key | code`).
DIALECT_ENTRY = "dialect"
# ... and, in a built block, the roles its source gives no word for (`lacks = by | has`) and
# those whose source words the hand-written or dialect file reads (`elsewhere = key`).
LACKS_ENTRY = "lacks"
ELSEWHERE_ENTRY = "elsewhere"
# A number word in Latin letters is a key of the automaton with what may stand either side of
# it (the text is read with a space before and after it): met inside English words (`due` in
# `residue`, `se` in `house`, `dos` in `dosette`), a bare key would stop the pass at every one.
# (`/` between the words, a quote round them: `uno/due/tre/quattro`, `"sei tre due uno"`)
NUMBER_BEFORE = (" ", "-", ",", ":", "(", "\n", "/", '"', "\u201c")
NUMBER_AFTER = (" ", "-", ",", ".", ")", ";", "\n", "/", '"', "\u201d")
# Spellings of a language's digit that are English words or technical tokens too: one is
# never read as a digit on its own strength, only in a run that holds at least
# NUMBER_RUN_MIN - 1 of its language's other number words (`NULL NULL NULL NULL` is an empty
# field, not 0000; `six sept un` a date's words; `saat teen nau do` is 7392). The common
# English words and tokens among the Latin spellings of `digits =`.
ENGLISH_NUMBER_SPELLINGS = frozenset({
    "afar", "bay", "be", "bon", "chin", "char", "dew", "dim", "do", "dos", "hat", "mann",
    "nil", "nul", "null", "pat", "pet", "pump", "sat", "sept", "six", "tam", "teen", "tin",
    "um", "un", "une"})
_LATIN = re.compile(r"[a-z]")
NUMBER_RUN_MIN = 3
_NUMBER_JOINT = re.compile(r"[ ,.\-\u2013\u2014/\u3001\uff0c]{0,3}")
# Every data file the automaton is built from (`recognizers.compiled_ocr` digests them).
SOURCE_FILES = tuple(dict.fromkeys(
    (*VOCABULARY_FILES, REAL_WORDS_FILE, DEVICES_FILE, DIALECT_FILE, LANGUAGES_FILE,
     BUILT_LANGUAGES_FILE, NUMBER_WORDS_FILE, WIKT_WORDS_FILE)))
# What a form of the automaton is: a word's damaged form, a digit beside a letter OCR reads
# for one, a device as speech-to-text writes it, a digit word heard as another word, a word
# in dialect or another language.
WORD, DIGIT, SPOKEN, HOMOPHONE, DIALECT = "word", "digit", "spoken", "homophone", "dialect"
LANGUAGE, SCRIPT_DIGIT, NUMBER = "language", "script digit", "number word"
# ... and where a code may be damaged (`recognizers.spoken_codes`: `3 oh`, `8g`, `ks3`)
CODE_MARK = "code mark"
CODE_MARK_TOO = "code mark and another kind"  # a mark key that is also a form (`code5`)
# Dialect forms that are people's names too (Susi, Pinto, Porta, Porte, Sotto, Paso, Tem):
# read as the English word only written in lower case (`Susi keeps the spare key` is a
# person; `ang susi ay nasa ilalim ng paso` is a key under a pot).
LOWER_CASE_ONLY_FORMS = frozenset({"susi", "pinto", "porta", "porte", "sotto", "paso", "tem"})
MIN_FORM_LENGTH = 3

# A group of a digit run: digits and the letters OCR reads for digits.
DIGIT_FOR_LETTER: dict[str, str] = {"l": "1", "I": "1", "O": "0", "o": "0", "S": "5", "Z": "2"}
_DIGIT_LETTERS = str.maketrans(DIGIT_FOR_LETTER)
# Where a run may hold a letter read for a digit: a digit beside one of those letters,
# directly or across one separator (`4O`, `567l`, `4 l`).
# (One character class first: the engine jumps to it, a third faster than an alternation.)
_SUSPECT = re.compile(r"[\dlIOoSZ](?:(?<=\d)[ \-./]?[lIOoSZ]|(?<=[lIOoSZ])[ \-./]?\d)")
_GROUP_CHARS = frozenset("0123456789lIOoSZ")
_DIGIT_LETTER_CHARS = frozenset("lIOoSZ")
_SEPARATORS = frozenset(" -./")
RUN_MIN_DIGITS = 3
# A postcode district's shape (letters, then digits, then perhaps a letter).
_DISTRICT_SHAPE = re.compile(r"[A-Za-z]{1,2}\d{1,2}[A-Za-z]?")

Span = tuple[int, int]


def word_forms(word: str) -> set[str]:
    """Every form OCR damage makes of `word` (lower case) by one confusion, one inner
    space, or (five letters or more) one swap, drop or addition (a neighbour doubled or
    one of `ADDED_LETTERS`)."""
    forms: set[str] = set()
    for index, letter in enumerate(word):
        for misread in CONFUSIONS.get(letter, ()):
            forms.add(word[:index] + misread + word[index + 1:])
    if len(word) >= SPACE_MIN_LETTERS:
        for index in range(1, len(word)):
            left, right = word[:index], word[index:]
            if not (left in COMMON_WORDS and right in COMMON_WORDS):
                forms.add(f"{left} {right}")
    elif len(word) == SHORT_SPACED_LETTERS:
        words = COMMON_WORDS | ONE_LETTER_WORDS
        for index in (1, 2):
            left, right = word[:index], word[index:]
            if left not in words and right not in words:
                forms.add(f"{left} {right}")
    if len(word) >= EDIT_MIN_LETTERS:
        for index in range(len(word) - 1):
            forms.add(word[:index] + word[index + 1] + word[index] + word[index + 2:])
        for index in range(len(word) + 1):
            if index < len(word):
                forms.add(word[:index] + word[index + 1:])
            for letter in {*ADDED_LETTERS, *word[max(index - 1, 0):index + 1]}:
                forms.add(word[:index] + letter + word[index:])
    forms.discard(word)
    return {form for form in forms if len(form) >= MIN_FORM_LENGTH}


@cache
def ocr_lexicon() -> frozenset[str]:
    """The words read through OCR damage: every word of the vocabulary files and the
    grammar words, of three letters or more."""
    words = set(GRAMMAR_WORDS)
    for name in VOCABULARY_FILES:
        for entry in read_entries(DATA_DIR / name):
            if not (entry.startswith("[") and entry.endswith("]")):  # (a class's heading)
                words.update(re.findall(r"[a-z]{3,}", entry.casefold()))
    return frozenset(word for word in words if len(word) >= MIN_FORM_LENGTH)


@cache
def real_words() -> frozenset[str]:
    """English words one damage away from a lexicon word: never read as that word."""
    return frozenset(read_entries(DATA_DIR / REAL_WORDS_FILE))


def _is_two_words(form: str, known: frozenset[str]) -> bool:
    """A form with a space whose halves are both words phiscan reads (`key safe`), or one
    half is (`key s`): the half is read as itself."""
    halves = form.split(" ")
    return len(halves) == 2 and (any(half in known for half in halves) or all(
        half in COMMON_WORDS for half in halves))


def _word_parts(lexicon: frozenset[str]) -> frozenset[str]:
    """Every start and end of a lexicon word (`offic`, `ffice`): a form that is one is met
    inside the clean word wherever it is written, at a cost and never alone."""
    return frozenset(part for word in lexicon for index in range(1, len(word))
                     for part in (word[:index], word[index:]))


@cache
def form_automaton() -> ahocorasick.Automaton:
    """The automaton of damaged forms: the one compiled at build time
    (`recognizers.compiled_ocr`) while it matches its sources, else built here."""
    from recognizers.compiled_ocr import load_compiled  # it imports this module

    return load_compiled() or build_form_automaton()


def build_form_automaton() -> ahocorasick.Automaton:
    """Damaged form -> (its length, the word it stands for). A form two words share is
    read as the one of its own length (a swap or a letter misread: `neighbuor` is
    `neighbour`, not `neighbor` with a letter added), or dropped when that is not one."""
    lexicon, excluded = ocr_lexicon(), real_words()
    excluded = excluded | lexicon | _word_parts(lexicon)
    candidates: dict[str, set[str]] = {}
    for word in lexicon:
        for form in word_forms(word):
            if form not in excluded and not _is_two_words(form, lexicon):
                candidates.setdefault(form, set()).add(word)
    automaton = ahocorasick.Automaton()
    for form, words in candidates.items():
        same_length = [word for word in words if len(word) == len(form)]
        word = (next(iter(words)) if len(words) == 1
                else same_length[0] if len(same_length) == 1 else None)
        if word is not None:
            automaton.add_word(form, (len(form), word, WORD))
    for form, device in spoken_forms().items():
        automaton.add_word(form, (len(form), device, SPOKEN))
    for digit in DIGIT_WORDS:
        for separator in SPOKEN_SEPARATORS:
            for heard, meant in HOMOPHONES.items():
                form = f"{digit}{separator}{heard}"
                automaton.add_word(form, (len(form), f"{digit}{separator}{meant}", HOMOPHONE))
    # Where a digit meets a letter OCR reads for one (`4o`, `7 l`): the digit runs' pass,
    # in the same pass (value: no word).
    for digit in "0123456789":
        for letter in "liosz":  # `I`, `O`, `S`, `Z` folded
            for joint in ("", *_SEPARATORS):
                for pair in (digit + joint + letter, letter + joint + digit):
                    automaton.add_word(pair, (len(pair), None, DIGIT))
    for form, word in dialect_forms().items():
        automaton.add_word(form, (len(form), word, DIALECT))
    for form, foreign in language_forms().items():
        if foreign.digit and _LATIN.search(form):
            for key, before, after in _bounded(form):
                automaton.add_word(key, (len(key), (foreign, before, after), NUMBER))
        else:
            automaton.add_word(form, (len(form), foreign, LANGUAGE))
    for digit, ascii_digit in script_digits().items():
        automaton.add_word(digit, (1, ascii_digit, SCRIPT_DIGIT))
    from recognizers.spoken_codes import mark_keys  # it imports this module

    for key in mark_keys():
        if automaton.exists(key):  # both kinds kept: the form read and the code marked
            automaton.add_word(key, (len(key), automaton.get(key), CODE_MARK_TOO))
        else:
            automaton.add_word(key, (len(key), None, CODE_MARK))
    automaton.make_automaton()
    return automaton


def _bounded(form: str) -> list[tuple[str, int, int]]:
    """(key, characters before the form, characters after it) of a number word written in
    Latin letters with a boundary either side (`NUMBER_BEFORE`, `NUMBER_AFTER`)."""
    return [(f"{before}{form}{after}", len(before), len(after))
            for before in NUMBER_BEFORE for after in NUMBER_AFTER]


def script_digits() -> dict[str, str]:
    """Each decimal digit of a script other than ASCII (Arabic-Indic `٣`, Extended
    Arabic-Indic `۳`, Devanagari `३`, Bengali `৩`, Gurmukhi `੩`, Gujarati `૩`, Tamil `௩`,
    Thai `๓`, ...: every character `unicodedata.digit` reads) -> its ASCII digit. Read in
    the automaton's pass, so a text with none costs nothing more."""
    return {chr(code): str(unicodedata.digit(chr(code)))
            for code in range(0x80, sys.maxunicode + 1)
            if unicodedata.category(chr(code)) == "Nd"}


def _in_ascii(text: str, script_digits: list[tuple[int, str]]) -> str:
    """The text with each digit of another script at (position, ASCII digit) written in
    ASCII, one character for one (offsets unchanged)."""
    if not script_digits:
        return text
    characters = list(text)
    for position, ascii_digit in script_digits:
        characters[position] = ascii_digit
    return "".join(characters)


def dialect_forms() -> dict[str, str]:
    """`wi'` -> `with`: each `form = word` of the dialect file (folded), an apostrophe
    written either way."""
    forms = {}
    for entry in read_entries(DATA_DIR / DIALECT_FILE):
        form, _, word = (part.strip() for part in fold_in_place(entry).partition("="))
        for apostrophe in APOSTROPHES:
            forms[form.replace("'", apostrophe)] = word
    return forms


class Foreign(NamedTuple):
    """A form of `home_access_languages.txt`: the English it is read as ('' for a particle
    read as nothing), the languages it is a word of, and how it is read."""

    word: str
    languages: frozenset[str]
    stem: bool = False  # `kapı*`: with any ending
    after: bool = False  # `ke neeche = under <`: read before the word it follows
    guarded: bool = False  # `?pod`: an English word or a name too
    digit: bool = False  # a number word of `digits =`: `word` is its ASCII digit
    english: bool = False  # a number word that is an English word too (`sept`, `null`)
    # a form of some languages that is a number word of others (Gujarati `chhe` = is,
    # Urdu, Hindi and Panjabi `chhe` = 6): that reading, used in a run of their number words
    number: Foreign | None = None


def language_forms(path: Path | None = None) -> dict[str, Foreign]:
    """Each form of the languages file (folded, an apostrophe written either way) and how it
    is read; a form of two languages is a word of both (read as the last's English: the
    hand-written file is read after the built one, so its reading wins). A
    number word is read as its digit; a form that is a number word and another word too is
    read as the other word (`do`, `tre`: the number word is left out)."""
    forms: dict[str, Foreign] = {}
    numbers: dict[str, Foreign] = {}
    ambiguous: set[str] = set()
    language = ""
    paths = [path] if path else [DATA_DIR / name for name in (
        BUILT_LANGUAGES_FILE, WIKT_WORDS_FILE, NUMBER_WORDS_FILE, LANGUAGES_FILE)]
    for source, entry in ((path_, entry) for path_ in paths for entry in read_entries(path_)):
        if entry.startswith("[") and entry.endswith("]"):
            language = entry[1:-1]
            continue
        entry = unicodedata.normalize("NFC", entry)  # as text is typed (`ọ́`, `ï`)
        form, _, word = (part.strip() for part in fold_in_place(entry).partition("="))
        if form == DIGITS_ENTRY:
            _add_number_words(numbers, ambiguous, word, language)
            continue
        if form in (ENGLISH_ENTRY, DIALECT_ENTRY, LACKS_ENTRY, ELSEWHERE_ENTRY):
            continue
        after = word.endswith("<")
        word = word.rstrip("<").strip()
        guarded, stem = form.startswith("?"), form.endswith("*")
        form = form.lstrip("?").rstrip("*").strip()
        guarded = guarded or (source.name == BUILT_LANGUAGES_FILE
                              and _names_a_particle(form, stem))
        for written in {form.replace("'", apostrophe) for apostrophe in APOSTROPHES}:
            known = forms.get(written)
            languages = frozenset({language, *(known.languages if known else ())})
            forms[written] = Foreign("" if word == "-" else word, languages, stem, after,
                                     guarded and (known is None or known.guarded))
    unambiguous = {spelling: foreign for spelling, foreign in numbers.items()
                   if spelling not in ambiguous}
    for spelling, number in unambiguous.items():
        form = forms.get(spelling)
        if form is not None and not form.languages & number.languages:
            forms[spelling] = form._replace(number=number)
    return {**unambiguous, **forms}


NAME_PARTICLES = SURNAME_PARTICLES | IRISH_PARTICLES


def _names_a_particle(form: str, stem: bool) -> bool:
    """A built (unchecked) form that is, or as a stem reads, a name's particle (Maltese
    `bint*` = daughter reads `binti` of `Nurul Aisyah binti Ahmad`): read only beside another
    form of its language, like a form that is also English."""
    return any(particle == form or (stem and particle.startswith(form))
               for particle in NAME_PARTICLES)


def _add_number_words(numbers: dict[str, Foreign], ambiguous: set[str], words: str,
                      language: str) -> None:
    """`digits = nula | jeden/jedna | ...`: the words for 0 to 9 in order, each digit's
    spellings split by `/`; a word of two languages' digits is a number word of both, and
    of none when they spell different digits (`se`: Persian 3, Irish `sé` 6), added to
    `ambiguous`; an English word or token is marked (`ENGLISH_NUMBER_SPELLINGS`)."""
    for digit, spellings in enumerate(words.split("|")):
        for spelling in filter(None, (part.strip() for part in spellings.split("/"))):
            known = numbers.get(spelling)
            if known is not None and known.word != str(digit):
                ambiguous.add(spelling)
                continue
            languages = frozenset({language, *(known.languages if known else ())})
            numbers[spelling] = Foreign(str(digit), languages, digit=True,
                                        english=spelling in ENGLISH_NUMBER_SPELLINGS)


# Scripts written without spaces between words (Thai, Lao, Burmese, Khmer, Han, kana): a
# form of one is read wherever it is met.
_SPACES = re.compile(r"[ \t]+")


NAME_WORDS_MAX = 2


def _holder_before(text: str, words: list[tuple[int, int, str]], name: int) -> int | None:
    """A postposition follows its whole noun phrase: where the name it follows starts when a
    person read (`neighbour`) stands before it, the name up to NAME_WORDS_MAX words (a name
    and an honorific or a kin word: `বাজুવাળા પટેલભાઈ પાસે`, `पड़ोसी शर्मा जी के पास`), so
    the postposition is read before the person (`with neighbour પટેલભાઈ`)."""
    if not words or words[-1][2].strip().lower() not in holder_words():
        return None
    for _ in range(NAME_WORDS_MAX):
        if _SPACES.fullmatch(text, words[-1][1], name):
            return name
        gap = name
        while gap > words[-1][1] and text[gap - 1] in " \t":
            gap -= 1
        name = _word_start(text, gap)
        if name >= gap or name < words[-1][1]:
            return None
    return None


@cache
def holder_words() -> frozenset[str]:
    """The people of `home_access_keyholders.txt` (a warden, a shop) and every relative or
    person around the person (`relatives.txt`)."""
    return frozenset(entry.lower()
                     for entry in (*relatives(), *read_entries(DATA_DIR / HOLDERS_FILE)))


_UNSPACED = re.compile(
    r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


def _word_end(text: str, position: int) -> int:
    """The end of the word going on at `position` (a stem's ending)."""
    while position < len(text) and (is_word_char(text[position])
                                   or unicodedata.category(text[position]).startswith("M")):
        position += 1
    return position


def _word_start(text: str, end: int) -> int:
    """The start of the word ending at `end` (`end` itself when none does): stepping
    back, never searching the text before (a postposition per word of a long text)."""
    start = end
    while start > 0 and (is_word_char(text[start - 1]) or text[start - 1] in "'\u2019"):
        start -= 1
    while start < end and not is_word_char(text[start]):  # a word starts with a letter
        start += 1
    return start


# An elided article or preposition (`l'`, `d'`, `dell'`, `nell'`, `sull'`) is no word of its
# own: the form after its apostrophe is read (`l'hôpital`, `dell'ufficio`).
ELIDED_MAX_LETTERS = 4


def _after_elided(text: str, apostrophe: int) -> bool:
    """The apostrophe at `apostrophe` ends a word of one to ELIDED_MAX_LETTERS letters."""
    start = apostrophe
    while start > 0 and is_word_char(text[start - 1]) and apostrophe - start <= ELIDED_MAX_LETTERS:
        start -= 1
    return 0 < apostrophe - start <= ELIDED_MAX_LETTERS and not (
        start > 0 and is_word_char(text[start - 1]))


# Korean writes its particles and copula onto a numeral (`1234입니다`, `4417이에요`): a form
# in Hangul may follow a digit directly, read as a word of its own.
_ONTO_NUMERALS = re.compile(r"[\uac00-\ud7af]")


def _foreign_hit(text: str, start: int, end: int, form: str, foreign: Foreign
                 ) -> tuple[int, int] | None:
    """Where a form of another language is read in the text, if it is: standing alone (a
    stem with its ending; a Korean one also right after a digit), or anywhere in a script
    without spaces."""
    if _UNSPACED.search(form):
        return start, end
    before = text[start - 1] if start > 0 else " "
    onto_numeral = before.isdigit() and _ONTO_NUMERALS.match(form) is not None
    if (is_word_char(before) and not onto_numeral) or (
            before in "'\u2019" and not _after_elided(text, start - 1)):
        return None
    if foreign.stem:
        return start, _word_end(text, end)
    after = text[end] if end < len(text) else " "
    if is_word_char(after) or unicodedata.category(after).startswith("M"):
        return None
    return start, end


def _foreign_words(text: str, hits: list[tuple[int, int, Foreign]]
                   ) -> list[tuple[int, int, str]]:
    """(start, end, English) of each form of another language read: a guarded one only
    beside an unguarded form of its language; a postposition with the word before it, read
    after it (`gamle ke neeche` -> `under gamle`, that word read in turn when it is a form)."""
    hits = _in_number_runs(text, hits)
    spoken = set().union(*(foreign.languages for _, _, foreign in hits if not foreign.guarded))
    hits = [hit for hit in hits if not hit[2].guarded or hit[2].languages & spoken]
    # longest first, and a whole form before a stem read as long (`komşuda`, not `komşu*`),
    # and of two stems read as long the longer form, met later (`nøgleboks*`, not `nøgle*`)
    order = {id(hit): index for index, hit in enumerate(hits)}
    hits.sort(key=lambda hit: (hit[0], -(hit[1] - hit[0]), hit[2].stem, -order[id(hit)]))
    kept: list[tuple[int, int, Foreign]] = []
    for hit in hits:
        if not kept or hit[0] >= kept[-1][1]:
            kept.append(hit)
    words: list[tuple[int, int, str]] = []
    for start, end, foreign in kept:
        english = foreign.word
        if foreign.after:
            gap = start
            while gap > 0 and text[gap - 1] in " \t":
                gap -= 1
            if words and words[-1][1] == gap:
                previous = words.pop()
                start, english = previous[0], f"{english} {previous[2].strip()}"
            elif (word_start := _word_start(text, gap)) < gap and (
                    not words or word_start >= words[-1][1]):
                start, english = word_start, f"{english} {text[word_start:gap]}"
                if (holder := _holder_before(text, words, word_start)) is not None:
                    previous = words.pop()
                    start, english = previous[0], (f"{foreign.word} {previous[2].strip()} "
                                                   f"{text[holder:gap]}")
        # A word beside letters of a script without spaces is read as a word of its own.
        if start > 0 and is_word_char(text[start - 1]) and not (words and words[-1][1] == start):
            english = f" {english}"
        if end < len(text) and is_word_char(text[end]):
            english = f"{english} "
        words.append((start, end, english or " "))
    return words


def _in_number_runs(text: str, hits: list[tuple[int, int, Foreign]]
                    ) -> list[tuple[int, int, Foreign]]:
    """The hits with each number word left out unless it is in a run of NUMBER_RUN_MIN
    number words or more, one after another, that are words of one language, all but one
    at most of them no English word (`ENGLISH_NUMBER_SPELLINGS`); a form that is another
    language's number word is read as that number in such a run of that language
    (`paanch chhe aath nau`), as the form elsewhere (Gujarati `chhe`, is)."""
    numbers = sorted((start, end, foreign.number or foreign) for start, end, foreign in hits
                     if foreign.digit or foreign.number)
    if not numbers:
        return hits
    kept: set[tuple[int, int, Foreign]] = set()
    run = [numbers[0]]
    for hit in [*numbers[1:], None]:
        joined = hit is not None and hit[0] >= run[-1][1] and _NUMBER_JOINT.fullmatch(
            text, run[-1][1], hit[0]) is not None and (
            _common_languages(run) & hit[2].languages)
        if joined:
            run.append(hit)
            continue
        if len(run) >= NUMBER_RUN_MIN and _common_languages(run) and sum(
                not foreign.english for _, _, foreign in run) >= NUMBER_RUN_MIN - 1:
            kept.update(run)
        if hit is not None:
            run = [hit]
    read = {(start, end): foreign for start, end, foreign in kept}
    return [(start, end, read.get((start, end), foreign)) if foreign.number else
            (start, end, foreign) for start, end, foreign in hits
            if not foreign.digit or (start, end, foreign) in kept]


def _common_languages(run: list[tuple[int, int, Foreign]]) -> frozenset[str]:
    languages = run[0][2].languages
    for _, _, foreign in run[1:]:
        languages &= foreign.languages
    return languages


def spoken_forms() -> dict[str, str]:
    """`keys safe`, `key's safe` -> `key safe`: each device of the home-access vocabulary
    whose first word is `key`, that word written as speech-to-text hears it."""
    forms = {}
    for device in read_entries(DATA_DIR / DEVICES_FILE):
        first, _, rest = device.casefold().partition(" ")
        if first == "key" and rest:
            for ending in SPOKEN_ENDINGS:
                forms[f"{first}{ending} {rest}"] = device.casefold()
            for heard in KEY_HOMOPHONES:
                forms[f"{heard} {rest}"] = device.casefold()
            if rest == "safe":
                for heard in SAFE_HOMOPHONES:
                    for ending in ("", *SPOKEN_ENDINGS):
                        forms[f"{first}{ending} {heard}"] = device.casefold()
    return forms


def _is_spoken_device(folded: str, start: int) -> bool:
    """A device's spoken form with no verb of keeping in the words before it."""
    before = folded[max(start - 40, 0):start].split()[-KEEPING_WORDS:]
    return not _KEEPING.search(" ".join(before))


def _is_spoken_digit(folded: str, start: int, end: int) -> bool:
    """A digit word heard as another word (`nine for`), inside a spoken run of at least
    SPOKEN_RUN_MIN digit words with a word naming a code just before it."""
    after = _RUN_AFTER.match(folded, end)
    if after is None:
        return False
    window_start = max(start - 80, 0)
    before = _RUN_BEFORE.search(folded, window_start, start)
    run_start = before.start() if before else start
    words = (len(folded[run_start:start].replace(",", " ").replace("-", " ").split()) + 2
             + len(after.group().replace(",", " ").replace("-", " ").split()))
    named = folded[max(run_start - 40, 0):run_start].split()[-CODE_WORDS_BEFORE:]
    return words >= SPOKEN_RUN_MIN and _NAMES_A_CODE.search(" ".join(named)) is not None


@dataclass(frozen=True)
class Reading:
    """The text as read through OCR damage. `pieces`: (start in the reading, end in the
    reading, start in the text, end in the text) of each rewritten word, in order."""

    text: str
    pieces: tuple[tuple[int, int, int, int], ...]
    starts: tuple[int, ...] = ()  # each piece's start in the reading (set from `pieces`)
    # The reading this one was read from (`recognizers.noise_reading`), if not the text.
    under: Reading | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "starts", tuple(piece[0] for piece in self.pieces))

    def origin(self, start: int, end: int) -> Span:
        """The span of the original text that the reading's `start:end` was read from (a
        rewritten word maps to the whole damaged form)."""
        span = self._start_origin(start), self._end_origin(end)
        return self.under.origin(*span) if self.under is not None else span

    def _start_origin(self, position: int) -> int:
        index = bisect_right(self.starts, position) - 1
        if index < 0:
            return position
        read_start, read_end, start, end = self.pieces[index]
        return start if position < read_end else end + position - read_end

    def _end_origin(self, position: int) -> int:
        index = bisect_right(self.starts, position - 1) - 1
        if index < 0:
            return position
        read_start, read_end, start, end = self.pieces[index]
        return end if position <= read_end else end + position - read_end


def read_digit_runs(text: str) -> str:
    """The text with each letter OCR reads for a digit inside a run of digits read as the
    digit (offsets unchanged: one character for one)."""
    return _read_runs(text, [suspect.start() for suspect in _SUSPECT.finditer(text)])


def _read_runs(text: str, suspects: list[int]) -> str:
    """`read_digit_runs` given where a digit and such a letter meet, in order."""
    if not suspects:
        return text
    characters = list(text)
    position = 0
    for suspect in suspects:
        if suspect < position:
            continue
        groups = _run_around(text, suspect)
        if not groups:
            continue
        position = groups[-1][1]
        for group_start, group_end in _readable_groups(text, groups):
            characters[group_start:group_end] = text[group_start:group_end].translate(
                _DIGIT_LETTERS)
    return "".join(characters)


def _token(text: str, position: int) -> Span:
    """The letters and digits around `position`."""
    start = end = position
    while start > 0 and is_word_char(text[start - 1]):
        start -= 1
    while end < len(text) and is_word_char(text[end]):
        end += 1
    return start, end


def _is_group(text: str, span: Span) -> bool:
    return span[1] > span[0] and all(c in _GROUP_CHARS for c in text[span[0]:span[1]])


def _run_around(text: str, position: int) -> list[Span]:
    """The groups (tokens of digits and the letters read for them) joined by single
    separators around `position`; a token with any other letter ends the run."""
    first = _token(text, position)
    if not _is_group(text, first):
        return []
    before = [first]  # backwards: a long run is walked once, not shifted at every group
    while (start := before[-1][0]) > 1 and text[start - 1] in _SEPARATORS and (
            _is_group(text, previous := _token(text, start - 2))):
        before.append(previous)
    groups = before[::-1]
    while (end := groups[-1][1]) + 1 < len(text) and text[end] in _SEPARATORS and (
            _is_group(text, following := _token(text, end + 1))):
        groups.append(following)
    return groups


def _readable_groups(text: str, groups: list[Span]) -> list[Span]:
    """The groups of a run to read as digits: each with a digit (one that starts with
    letters only in a run of two such groups or beside three digits), and a single letter
    between two of those, or beside one in a run of two or more; none unless they hold
    two digits or more and three once read."""
    has_digit = [any(c.isdigit() for c in text[a:b]) for a, b in groups]
    digit_groups = sum(has_digit)
    readable = []
    for index, (group_start, group_end) in enumerate(groups):
        before = index > 0 and has_digit[index - 1]
        after = index + 1 < len(groups) and has_digit[index + 1]
        if has_digit[index]:
            if digit_groups >= 2 or not _letters_lead(text[group_start:group_end]):
                readable.append((group_start, group_end))
        elif group_end - group_start == 1 and not _joined_to_word(text, group_start, group_end) \
                and ((before and after) or ((before or after) and digit_groups >= 2)):
            readable.append((group_start, group_end))
    digits = sum(c.isdigit() for a, b in readable for c in text[a:b])
    return readable if digits >= 2 and sum(b - a for a, b in readable) >= RUN_MIN_DIGITS \
        else []


def _joined_to_word(text: str, start: int, end: int) -> bool:
    """A letter joined to a word by a slash, hyphen or dot: an abbreviation's (`K/S`)."""
    return (start > 1 and text[start - 1] in "-./" and is_word_char(text[start - 2])
            and not text[start - 2].isdigit()) or (
        end + 1 < len(text) and text[end] in "-./" and is_word_char(text[end + 1])
        and not text[end + 1].isdigit())


def _letters_lead(group: str) -> bool:
    """Letters before the first digit, in a group of two digits or fewer shaped as a
    postcode's district (`SO14`, `O2`, `S1O`): as often a code's own letters as a digit
    misread. A letter between digits is no district's (`O9l4`, `l9O3`: a code misread)."""
    return (not group[0].isdigit() and sum(c.isdigit() for c in group) < RUN_MIN_DIGITS
            and _DISTRICT_SHAPE.fullmatch(group) is not None)


def _standalone(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (is_word_char(before) or before in "'\u2019") and not is_word_char(after)


def _in_case_of(form: str, word: str) -> str:
    """`word` written in the case of the damaged form it replaces (`KEYSFAE` -> `KEYSAFE`)."""
    letters = [c for c in form if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return word.upper()
    return word.capitalize() if letters and letters[0].isupper() else word


def damage(text: str, folded: str) -> tuple[
        list[tuple[int, int, str]], list[int], list[tuple[int, str]], list[int]]:
    """One pass over the folded text: (start, end, word) of each damaged form standing
    alone, longest first where forms overlap; where a digit meets a letter OCR reads for
    one (`_read_runs`); (position, ASCII digit) of each digit of another script; and where
    a code may be damaged (`recognizers.spoken_codes`)."""
    found: list[tuple[int, int, str]] = []
    suspects: list[int] = []
    marks: list[int] = []
    foreign: list[tuple[int, int, Foreign]] = []
    in_scripts: list[tuple[int, str]] = []
    # read with a space either side, so a number word's boundary may be the text's start or end
    for last, (length, word, kind) in form_automaton().iter(f" {folded} "):
        last -= 1
        start = last + 1 - length
        if kind == CODE_MARK_TOO:
            marks.append(start)
            length, word, kind = word
        if kind == CODE_MARK:
            marks.append(start)
        elif kind == NUMBER:
            number, before, after = word
            foreign.append((start + before, last + 1 - after, number))
        elif kind == SCRIPT_DIGIT:
            in_scripts.append((start, word))
        elif kind == DIGIT:
            if text[start] in _DIGIT_LETTER_CHARS or text[last] in _DIGIT_LETTER_CHARS:
                suspects.append(start)
        elif kind == LANGUAGE:
            if (span := _foreign_hit(text, start, last + 1, folded[start:last + 1], word)):
                foreign.append((*span, word))
        elif kind == DIALECT and word is not None and folded[start:last + 1] in (
                LOWER_CASE_ONLY_FORMS) and not text[start:last + 1].islower():
            continue
        elif _standalone(text, start, last + 1) and (
                kind in (WORD, DIALECT) or (kind == SPOKEN and _is_spoken_device(folded, start))
                or (kind == HOMOPHONE and _is_spoken_digit(folded, start, last + 1))):
            found.append((start, last + 1, word))
    # another language's English is written as it is (not in the case of the form)
    english = set()
    if foreign:
        english = set(_foreign_words(text, foreign))
        found.extend(english)
    found.sort(key=lambda hit: (hit[0], -(hit[1] - hit[0])))
    kept: list[tuple[int, int, str]] = []
    for hit in found:
        start, end, word = hit
        if not kept or start >= kept[-1][1]:
            kept.append(hit if hit in english else (start, end, _in_case_of(text[start:end], word)))
    return kept, sorted(suspects), in_scripts, marks


# A word broken by a line-end hyphen in text copied from a PDF or a wrapped page (`key-
# worker`, `sup- port`, `un-\nder`): the halves, letters either side of a hyphen and a space
# or a line break, are read as one word (`keyworker`, `support`, `under`). Not a hyphen left
# hanging before a conjunction (`pre- and post-op`, `short- or long-term`), nor before a word
# an access phrase goes on with (`Front door- key safe 4 4 1 2` is a dash). A hyphen then a
# space mid-line is a dash (`Spare key- under the mat`) unless the two joined are a word the
# reading knows and one half is not (`un- der`, `arrange- ments`) or, both halves words, the
# joined word is a long one (`in- side`, `under- neath`): only a real line break always joins.
# A word in capitals is joined only into a word the reading knows (`SUM- MARY`).
_LINE_END_HYPHEN = re.compile(
    r"(?<=[A-Za-z])-(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)"
    r"(?!(?i:and|or|nor|to|than|as|key|keys|safe|code|codes|door|gate|box|pad|lock|fob|pin)"
    r"(?![A-Za-z]))(?=[a-z]{2}|[A-Z]{2})")
_WORD_START = re.compile(r"[A-Za-z]+$")
_WORD_END = re.compile(r"[a-z]+|[A-Z]+")
JOINED_HALVES_MIN = 6  # letters of a word joined from two words (`inside`, not `keyring`)
# The end of a word that is no word of its own (`arrange- ments`, `instal- lations`): a half
# the reading's small lexicon cannot join into a word it knows, joined by how English ends one.
_WORD_ENDING = re.compile(r"(?:[a-z]{0,4}(?:ments?|tions?|sions?|ness|ances?|ences?|ities|ally|"
                          r"able|ible|ised|ized)|[a-z]{2,4}(?:ings?|ity|ary|ory|ures?))\Z")


def is_known_word(word: str) -> bool:
    """A word the reading knows: a lexicon word, a real word, a common word."""
    folded = word.casefold()
    return folded in ocr_lexicon() or folded in real_words() or folded in COMMON_WORDS


def _joined_across_space(head: str, tail: str) -> bool:
    """A hyphen then a space mid-line is a dash (`Spare key- under the mat`, `Mary Smith-
    daughter`) unless the half before it is no word on its own and the two joined are one
    (`un- der`, `un- locked`), or both are words and the joined one is long (`in- side`), or
    the half after it is no word but a word's end (`arrange- ments`)."""
    if not is_known_word(tail) and _WORD_ENDING.match(tail.casefold()):
        return True
    return is_known_word(head + tail) and (
        not is_known_word(head) or not is_known_word(tail)
        or len(head) + len(tail) >= JOINED_HALVES_MIN)


def broken_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of each word broken by a line-end hyphen, as the word rejoined."""
    found: list[tuple[int, int, str]] = []
    if "-" not in text:
        return found
    for hyphen in _LINE_END_HYPHEN.finditer(text):
        head = _WORD_START.search(text, max(hyphen.start() - 40, 0), hyphen.start())
        tail = _WORD_END.match(text, hyphen.end())
        if head is None or tail is None or (tail.end() < len(text) and (
                text[tail.end()].isdigit() or text[tail.end()] == "'")):
            continue
        if tail.group().isupper() and not (head.group().isupper()
                                           and is_known_word(head.group() + tail.group())):
            continue
        if "\n" not in hyphen.group() and not _joined_across_space(head.group(), tail.group()):
            continue
        found.append((head.start(), tail.end(), head.group() + tail.group()))
    return found


def _with_broken_words(words: list[tuple[int, int, str]], text: str
                       ) -> list[tuple[int, int, str]]:
    """The damaged forms and the broken words together, in order; a broken word that
    overlaps a damaged form is left as it is."""
    broken = [hit for hit in broken_words(text)
              if not any(start < hit[1] and hit[0] < end for start, end, _ in words)]
    return sorted([*words, *broken]) if broken else words


# A space or a comma a URL or a web form's export encodes (`access=key%20safe%20code%204%206`):
# read as the character it stands for.
_URL_ESCAPE = re.compile(r"%(?:20|2C|2c)")
_URL_CHARACTERS = {"%20": " ", "%2C": ",", "%2c": ","}


def url_escapes(text: str) -> list[tuple[int, int, str]]:
    """(start, end, character) of each encoded space or comma of a text with a query's or a
    form's `=`; none in any other text."""
    if "%2" not in text or "=" not in text:
        return []
    return [(m.start(), m.end(), _URL_CHARACTERS[m.group()]) for m in _URL_ESCAPE.finditer(text)]


def _merged(words: list[tuple[int, int, str]], escapes: list[tuple[int, int, str]]
            ) -> list[tuple[int, int, str]]:
    """Rewrites in order, none overlapping (a word's first)."""
    kept: list[tuple[int, int, str]] = []
    for start, end, word in sorted([*words, *escapes], key=lambda hit: hit[0]):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end, word))
    return kept


def reading_of(text: str, rewrites: list[tuple[int, int, str]], read: str | None = None
               ) -> Reading:
    """The text with each (start, end, what it reads as) rewritten, in order and none
    overlapping; `read`: the text with its digit runs read (one character for one)."""
    read = text if read is None else read
    parts: list[str] = []
    pieces: list[tuple[int, int, int, int]] = []
    position = length = 0
    for start, end, word in rewrites:
        parts.append(read[position:start])
        length += start - position
        pieces.append((length, length + len(word), start, end))
        parts.append(word)
        length += len(word)
        position = end
    parts.append(read[position:])
    return Reading("".join(parts), tuple(pieces))


@lru_cache(maxsize=2)  # the text all recognizers are reading now
def read_ocr(text: str) -> Reading | None:
    """The text read through the noise of the process that wrote it
    (`recognizers.noise_reading`), then through OCR damage and words broken by a line-end
    hyphen; None when it holds none of them."""
    from recognizers.noise_reading import read_noise  # it imports this module

    noise = read_noise(text)
    if noise is None:
        return _read_damage(text)
    damaged = _read_damage(noise.text)
    return noise if damaged is None else replace(damaged, under=noise)


def _read_damage(text: str) -> Reading | None:
    """The text read through OCR damage and words broken by a line-end hyphen, or None
    when it holds neither."""
    folded = case_folded(text)
    if folded is None:  # folding moves offsets (`ß`): read as it is
        return None
    words, suspects, script_digits, marks = damage(text, folded)
    words = _with_broken_words(words, text)
    escapes = url_escapes(text)
    if marks:
        from recognizers.spoken_codes import code_rewrites_at  # it imports this module

        escapes += code_rewrites_at(text, marks)
    if escapes:
        words = _merged(words, escapes)
    digits_read = _in_ascii(_read_runs(text, suspects), script_digits)
    if not words:
        return None if digits_read == text else Reading(digits_read, ())
    return reading_of(text, words, digits_read)


def read_digits(value: str) -> str:
    """A detected number's characters as digits (`4O1 234 567l` -> `401 234 5671`): what a
    normaliser or a mask reads."""
    return read_digit_runs(value)
