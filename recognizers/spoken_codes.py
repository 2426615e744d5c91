"""Codes read through the damage of speech-to-text, handwriting OCR and keyboards.

A code reaches phiscan dictated, scanned or typed in a hurry, and each process damages it in
its own way: speech-to-text writes some digits as words and others as figures (`3 oh 8 8`,
`3 nine 7 two`), a digit as its homophone (`for`, `to`, `won`, `ate`), a repeated digit as
`double 3` or `treble seven`, and the speaker's fillers inside it (`2 er 9 er 1 4`); OCR of
handwriting reads a digit as a letter inside a number (`2O9B`, `8g14`); a keyboard fuses a
device's abbreviation to its code (`KS3371`). `ocr_reading`'s one automaton pass marks where
a code may be damaged (`mark_keys`); `code_rewrites_at(text, marks)` gives (start, end, what it
reads as) for each code there, and the OCR reading reads them with the damaged words, so every
context-scored recognizer reads the repaired code and each finding maps back to the characters
the file holds.

Each mapping is made only where the result is code-shaped: a spoken run becomes digits only
when it holds a figure (or follows a word naming a code) and at least CODE_MIN_DIGITS digits
once read (homophones and words that
are English first only after a word naming a code); letters become digits only inside a token
mostly of digits. What the code is for stays the grammar's question: a PIN or a locker's code
read through the same damage is still no home's.
"""

from __future__ import annotations

import re
from functools import cache

from recognizers.ocr_reading import DIGIT_FOR_LETTER
from recognizers.ocr_reading import HOMOPHONES as WORD_HOMOPHONES
from recognizers.vocabulary import DATA_DIR, read_entries

Rewrite = tuple[int, int, str]

# Digit words as speech-to-text writes them. `oh` and `o` are zero only beside a figure or
# another digit word; homophones (`for`, `to`, `won`, `ate`) only after a word naming a code.
DIGIT_WORDS = {"zero": "0", "nought": "0", "one": "1", "two": "2", "three": "3", "four": "4",
               "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
ZEROS = {"oh": "0", "o": "0"}
HOMOPHONES = {"for": "4", "fore": "4", "to": "2", "too": "2", "won": "1", "ate": "8"}
# A digit said two or three times (`double 3`, `treble seven`).
REPEATS = {"double": 2, "treble": 3, "triple": 3}
# A speaker's hesitation inside a code: read as nothing.
FILLERS = frozenset({"um", "umm", "er", "erm", "uh", "uhm", "ah"})
_AMBIGUOUS = frozenset({"one", *ZEROS, *HOMOPHONES, *FILLERS, *REPEATS})
_NEVER_LAST = frozenset({*HOMOPHONES, *FILLERS, *REPEATS})
CODE_MIN_DIGITS = 4
CODE_MAX_DIGITS = 8
GROUP_MAX_DIGITS = 4  # a figure of a spoken code: a longer one is a number of its own
_NAMES_A_CODE = re.compile(r"(?<![\w])(?:code|codes|pin|combination|combo|digits|"
                           r"passcode|cde|cod|c0de)(?![\w])")
CODE_WORDS_BEFORE = 6
# Words that name a code only right before it (`no. for 4 1 2`, `number: 2 9 4 1`); further
# back they are English (`no visits for 2 to 3 weeks`, `a number of carers`).
_NAMES_A_CODE_RIGHT_BEFORE = re.compile(r"(?:no|number)\W*")
# A span of time after a run (`for 2 to 3 weeks`): its `for` and `to` are words, not digits.
_DURATION_AFTER = re.compile(r"[^\S\n]*(?i:minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|"
                             r"wks?|months?|years?|yrs?)(?![\w])")

# Where a spoken run may be: a figure with a word beside it (the pattern starts with a digit,
# which the engine jumps to), or a repeat word.
_TOKEN = re.compile(r"[A-Za-z]+|[0-9]+")
_JOINTS = frozenset(" ,-")
RUN_WINDOW = 80

# A token OCR of handwriting made of a number: digits and the letters read for them, mostly
# digits. `B` and `g` join `ocr_reading`'s table here only: `g` never last (`500g` is a weight),
# `B` never in a token of fewer than four characters (`12B` is a flat).
HANDWRITTEN_DIGITS = {**DIGIT_FOR_LETTER, "B": "8", "g": "9"}
_HANDWRITTEN = re.compile(r"[0-9lIOoSZBg]{4,8}")
HANDWRITTEN_MIN_DIGITS = 3  # digits and `ocr_reading`'s letters: at most one `B` or `g` in four


@cache
def fused_prefixes() -> frozenset[str]:
    """Device abbreviations and code words a keyboard fuses to the code (`KS3371`,
    `code4471`): the home-access lexicon's one-word entries of letters only."""
    words = set()
    for name in ("home_access_devices.txt", "home_access_code_words.txt"):
        words.update(entry.casefold() for entry in read_entries(DATA_DIR / name)
                     if entry.isalpha())
    return frozenset(words)


# A code word misspelt, misheard or misread (`cold`, `coed`, `cdoe`, `combo` as `conbo`) right
# before a code: every form one edit (a letter changed, dropped, added, or two swapped) from a
# one-word code word of the lexicon of four letters or more, read as the word only when a
# code-shaped run follows it (`Key safe cold 3 nine 7 two`; `a cold 2 days ago` is no code).
NEAR_WORD_MIN_LETTERS = 4
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
_WORD_ENDING_AT = re.compile(r"(?<![\w'])([A-Za-z]{3,10})[ :=\-]{1,2}\Z")


@cache
def near_code_words() -> dict[str, str]:
    """Each one-edit form of the lexicon's code words -> the word (forms that are a code word
    themselves left out)."""
    entries = {entry.casefold() for entry in read_entries(DATA_DIR / "home_access_code_words.txt")
               if entry.isalpha()}
    # (the lexicon lists misspellings too, `coed`, `kode`: a base is a word its compounds use,
    # `pin code`, `combination lock`)
    compounds = {word for name in ("home_access_devices.txt", "home_access_code_words.txt")
                 for entry in read_entries(DATA_DIR / name) if " " in entry
                 for word in entry.casefold().split()}
    words = {word for word in entries & compounds if len(word) >= NEAR_WORD_MIN_LETTERS}
    forms: dict[str, str] = {}
    for word in sorted(words):
        for form in _one_edit(word):
            if form not in entries:
                forms.setdefault(form, word)
    return forms


def _one_edit(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return ({a + b[1:] for a, b in splits if b}
            | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
            | {a + c + b[1:] for a, b in splits if b for c in _ALPHABET}
            | {a + c + b for a, b in splits for c in _ALPHABET}) - {word}


def _near_code_words(text: str, figures: list[int]) -> list[Rewrite]:
    found: list[Rewrite] = []
    forms = near_code_words()
    for figure in figures:
        before = _WORD_ENDING_AT.search(text, max(figure - 14, 0), figure)
        if before is None or before.group(1).casefold() not in forms:
            continue
        run = _run_around(text, figure)
        if run is None or not _code_shaped(text, run):
            continue
        word = forms[before.group(1).casefold()]
        found.append((before.start(1), before.end(1),
                      word.upper() if before.group(1).isupper() else word))
    return found


def _code_shaped(text: str, run: list[tuple[int, int]]) -> bool:
    """A run of figures and digit words (fillers between) of CODE_MIN_DIGITS to
    CODE_MAX_DIGITS digits, or one figure of that length."""
    count = 0
    for start, end in run:
        word = text[start:end].casefold()
        if word.isdigit():
            count += len(word)
        elif word in DIGIT_WORDS:
            count += 1
        elif word not in FILLERS:
            return False
    return CODE_MIN_DIGITS <= count <= CODE_MAX_DIGITS


_FUSED = re.compile(r"[0-9]{3,8}(?![\w])")
_FUSED_LETTERS = re.compile(r"(?<![\w])[A-Za-z]{2,12}\Z")


def mark_keys() -> list[str]:
    """The keys of `ocr_reading`'s automaton (over the folded text, a space either side)
    that mark where a damaged code may be: a figure beside a spoken code's word (`3 oh`,
    `er 9`), a repeat word, `b` or `g` beside a digit, a device's abbreviation or a code word
    fused to a digit, a code word's one-edit form before a digit."""
    words = sorted({*DIGIT_WORDS, *ZEROS, *REPEATS, *FILLERS})
    keys: list[str] = []
    for digit in "0123456789":
        keys += [f"{digit}{joint}{word}{end}" for word in words for joint in _MARK_JOINTS
                 for end in _MARK_ENDS]
        keys += [f"{start}{word}{joint}{digit}" for word in words for joint in _MARK_JOINTS
                 for start in _MARK_STARTS]
        # a homophone only beside a figure of one digit (`for 7`, `9 to`; not `7700 to`)
        keys += [f"{start}{digit}{joint}{word}{end}" for word in HOMOPHONES
                 for joint in _MARK_JOINTS for start in _MARK_STARTS for end in _MARK_ENDS]
        keys += [f"{start}{word}{joint}{digit}{end}" for word in HOMOPHONES
                 for joint in _MARK_JOINTS for start in _MARK_STARTS for end in _MARK_ENDS]
        keys += [f"{digit}{letter}" for letter in "bg"] + [f"{letter}{digit}" for letter in "bg"]
        keys += [f"{prefix}{digit}" for prefix in fused_prefixes()]
        keys += [f" {form}{joint}{digit}" for form in near_code_words()
                 for joint in _NEAR_JOINTS]
    # two words of a code spoken all in words (`ate too`, `seven, er`, `double oh`, `two
    # nine`): read as digits only after a word naming a code (`the code's changed, it's now
    # two nine four one for the key safe`: the grammar reads plain digit words after a
    # device, never before one)
    spoken = sorted({*DIGIT_WORDS, *ZEROS, *HOMOPHONES, *REPEATS, *FILLERS})
    keys += [f" {first}{joint}{second}{end}" for first in spoken for second in spoken
             for joint in (" ", ", ") for end in (" ", ",", ".")]
    return sorted(set(keys))


_MARK_JOINTS = (" ", ", ", "-", ",")
_MARK_STARTS = (" ", "\n", "(", ",")
_MARK_ENDS = (" ", "\n", ",", ".", "-", ")")
_NEAR_JOINTS = (" ", ": ", ":")


def code_rewrites_at(text: str, marks: list[int]) -> list[Rewrite]:
    """(start, end, reading) of each damaged code at the automaton's marks (each the start
    of a key of `mark_keys`): spoken runs, handwritten tokens, fused prefixes and misspelt
    code words, each kind in order and none overlapping within its kind (the kinds may
    overlap, and the caller orders them)."""
    figures = sorted({_figure_at(text, mark) for mark in marks} - {-1})
    found = _spoken_runs(text, sorted({_token_start(text, mark) for mark in marks}))
    found += _handwritten(text, figures)
    found += _fused(text, figures)
    found += _near_code_words(text, figures)
    return found


def _token_start(text: str, mark: int) -> int:
    """The first letter or digit of a mark's key."""
    position = max(mark, 0)
    while position < len(text) - 1 and not text[position].isalnum():
        position += 1
    return position


def _figure_at(text: str, mark: int) -> int:
    """The first digit of a mark's key, or -1 (a repeat word's key has none)."""
    for position in range(mark, min(mark + 16, len(text))):
        if text[position].isdigit():
            return position
    return -1


def _spoken_runs(text: str, anchors: list[int]) -> list[Rewrite]:
    found: list[Rewrite] = []
    position = 0
    for anchor in anchors:
        if anchor < position:
            continue
        run = _run_around(text, anchor)
        if run is None:
            continue
        position = run[-1][1]
        rewrite = _read_run(text, run)
        if rewrite is not None:
            found.append(rewrite)
    return found


def _is_run_token(token: str) -> bool:
    word = token.casefold()
    return (token.isdigit() and len(token) <= GROUP_MAX_DIGITS) or word in DIGIT_WORDS \
        or word in ZEROS or word in HOMOPHONES or word in REPEATS or word in FILLERS


def _run_around(text: str, anchor: int) -> list[tuple[int, int]] | None:
    """The tokens joined by spaces, commas or hyphens around `anchor` that may be a spoken
    code's: figures, digit words, homophones, repeat words and fillers."""
    start = max(anchor - RUN_WINDOW, 0)
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, anchor + RUN_WINDOW)]
    index = next((i for i, (a, b) in enumerate(tokens) if a <= anchor < b), None)
    if index is None or not _is_run_token(text[slice(*tokens[index])]):
        return None
    first = last = index
    while first > 0 and _joined(text, tokens[first - 1], tokens[first]) \
            and _is_run_token(text[slice(*tokens[first - 1])]):
        first -= 1
    while last + 1 < len(tokens) and _joined(text, tokens[last], tokens[last + 1]) \
            and _is_run_token(text[slice(*tokens[last + 1])]):
        last += 1
    return tokens[first:last + 1]


def _joined(text: str, left: tuple[int, int], right: tuple[int, int]) -> bool:
    gap = text[left[1]:right[0]]
    return 0 < len(gap) <= 3 and all(c in _JOINTS for c in gap)


def _names_a_code_before(text: str, start: int) -> bool:
    """A word naming a code among the words before `start`, or `no`/`number` right before."""
    before = text[max(start - 40, 0):start].casefold().split()[-CODE_WORDS_BEFORE:]
    return _NAMES_A_CODE.search(" ".join(before)) is not None or bool(before) and \
        _NAMES_A_CODE_RIGHT_BEFORE.fullmatch(before[-1]) is not None


def _read_run(text: str, run: list[tuple[int, int]]) -> Rewrite | None:
    """The run as its digits (`3 0 8 8`), when it is code-shaped once read; else None."""
    named = _names_a_code_before(text, run[0][0]) and not _DURATION_AFTER.match(text, run[-1][1])
    run = _trimmed(text, run, named)
    if not run:
        return None
    folded = [text[a:b].casefold() for a, b in run]
    # homophones only in a code spoken digit by digit, as speech-to-text writes them
    named = named and all(len(w) == 1 or not w.isdigit() for w in folded) and all(
        text[a:b].islower() for (a, b), w in zip(run, folded, strict=True) if w in HOMOPHONES)
    digits: list[str] = []
    kept: list[int] = []  # indices of tokens read as digits
    index = 0
    while index < len(folded):
        word = folded[index]
        repeat = REPEATS.get(word)
        following = folded[index + 1] if index + 1 < len(folded) else ""
        single = following if len(following) == 1 and following.isdigit() \
            else DIGIT_WORDS.get(following) or ZEROS.get(following)
        if repeat and single:
            digits.append(" ".join(single * repeat))
            kept += [index, index + 1]
            index += 2
            continue
        digit = word if word.isdigit() else DIGIT_WORDS.get(word) or ZEROS.get(word) or (
            HOMOPHONES.get(word) if named else None)
        if digit is not None:
            digits.append(digit)
            kept.append(index)
        index += 1
    if not kept:
        return None
    span = run[kept[0]:kept[-1] + 1]
    inside = folded[kept[0]:kept[-1] + 1]
    # every token between the first and last digit read: a filler or a digit
    if any(i not in kept and folded[i] not in FILLERS for i in range(kept[0], kept[-1] + 1)):
        return _longest_part(text, run, kept, named)
    count = sum(len(d.replace(" ", "")) for d in digits)
    if not (CODE_MIN_DIGITS <= count <= CODE_MAX_DIGITS) or all(w.isdigit() for w in inside) \
            or not (named or any(w.isdigit() for w in inside)):
        return None
    if any(w in ZEROS for w in inside) and not _zero_beside_digit(folded, kept):
        return None
    # digit words and `for`/`to` only: `ocr_reading` reads them as words, and the grammar reads
    # them after a device; after a word naming a code they are the code (`the code's changed,
    # it's now two nine four one for the key safe`)
    if all(w in DIGIT_WORDS or w in WORD_HOMOPHONES for w in inside) and not (
            named and all(w in DIGIT_WORDS for w in inside)):
        return None
    return span[0][0], span[-1][1], " ".join(digits)


def _trimmed(text: str, run: list[tuple[int, int]], named: bool) -> list[tuple[int, int]]:
    """The run without words that start it or end it and are no digit there: a word that is
    English first (`the new one, 5 1 5 1`; `oh`) starts a code only after a word naming one;
    a homophone, a repeat word or a filler never ends one (`code 1 1 7 7 for the team`)."""
    first, last = 0, len(run)
    while first < last and _word(text, run[first]) in _AMBIGUOUS and not named:
        first += 1
    while last > first and _word(text, run[last - 1]) in _NEVER_LAST:
        last -= 1
    return run[first:last]


def _word(text: str, span: tuple[int, int]) -> str:
    return text[span[0]:span[1]].casefold()


def _longest_part(text: str, run: list[tuple[int, int]], kept: list[int],
                  named: bool) -> Rewrite | None:
    """A run broken by a word not read (a homophone with no code word before it): the
    tokens after the break are read as a run of their own when they are code-shaped."""
    breaks = [i for i in range(kept[0], kept[-1] + 1)
              if i not in kept and text[slice(*run[i])].casefold() not in FILLERS]
    tail = run[breaks[-1] + 1:]
    return _read_run(text, tail) if tail and len(tail) < len(run) else None


def _zero_beside_digit(folded: list[str], kept: list[int]) -> bool:
    """`oh` or `o` read as zero only next to another digit token of the run."""
    for position, index in enumerate(kept):
        if folded[index] in ZEROS:
            neighbours = kept[max(position - 1, 0):position] + kept[position + 1:position + 2]
            if not any(folded[n] not in ZEROS for n in neighbours):
                return False
    return True


def _handwritten(text: str, figures: list[int]) -> list[Rewrite]:
    """A token mostly of digits with letters OCR reads for digits, `B` or `g` among them
    (`2O9B`, `8g14`), read as its digits. (Tokens of `ocr_reading`'s own letters only are
    read there.)"""
    found: list[Rewrite] = []
    position = 0
    for figure in figures:
        if figure < position:
            continue
        start, end = _token_around(text, figure)
        position = end
        token = text[start:end]
        digits = sum(c.isdigit() for c in token)
        if not _HANDWRITTEN.fullmatch(token) or "B" not in token and "g" not in token \
                or len(token) - token.count("B") - token.count("g") < HANDWRITTEN_MIN_DIGITS \
                or digits * 2 < len(token) or token[-1] == "g":
            continue
        found.append((start, end, "".join(HANDWRITTEN_DIGITS.get(c, c) for c in token)))
    return found


def _token_around(text: str, position: int) -> tuple[int, int]:
    start = end = position
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] == "_"):
        end += 1
    return start, end


def _fused(text: str, figures: list[int]) -> list[Rewrite]:
    """A device's abbreviation or a code word fused to the code (`KS3371`, `code4471`):
    read with a space between."""
    found: list[Rewrite] = []
    for figure in figures:
        match = _FUSED.match(text, figure)
        if match is None or figure == 0 or not text[figure - 1].isalpha():
            continue
        letters = _FUSED_LETTERS.search(text, max(figure - 12, 0), figure)
        if letters is not None and letters.group().casefold() in fused_prefixes():
            found.append((letters.start(), match.end(), f"{letters.group()} {match.group()}"))
    return found
