"""Reading text through the noise of the process that wrote it, before OCR damage is read.

Text reaches the recognizers through processes that leave marks no writer made: a PDF's text
layer (ligatures `ﬁ`, `ﬂ`; soft hyphens; non-breaking, thin and zero-width spaces; a sentence
wrapped over two lines), an e-mail's source (`=20`, `=3D` and `=E2=80=9C` quoted-printable
leftovers; `&nbsp;`, `&amp;`, `&#39;` entities; `> >` quote markers at a line's start and in a
chain joined into one line; `[cid:image001.png@...]` inline images), speech-to-text (a code
word heard as another: `the co is`, `the coat is` before a number), OCR of a form (`0` read
for `O` before an apostrophe, `Mr 0'Brien`; `n0.` for `no.`).

`read_noise(text)` gives a `Reading` (`recognizers.ocr_reading`) of the text with each mark
read as what the writer wrote, or None when the text holds none: most text is ASCII with no
`&`, `=`, `>`, `[cid:` or line break, and costs a few membership tests. Every rewrite maps
back to the characters it was read from (`Reading.origin`), so a finding's offsets point at
the file's own text. `recognizers.ocr_reading.read_ocr` reads OCR damage on this reading.
"""

from __future__ import annotations

import bisect
import functools
import html
import re
import unicodedata

from recognizers.ocr_reading import (
    DIGIT_FOR_LETTER,
    LETTER_FOR_DIGIT,
    Reading,
    is_known_word,
    reading_of,
)

DIGITS_READ = str.maketrans(DIGIT_FOR_LETTER)

Rewrite = tuple[int, int, str]

# Characters a PDF's or a web page's text layer holds that no one types: invisible ones (a
# soft hyphen, zero-width spaces and joiners, a byte-order mark) are read as nothing; spaces
# of other widths as a space; ligatures and full-width letters and digits as their letters
# (Unicode NFKC: only these, where compatibility decomposition keeps the meaning).
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_SPACES = "\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_COMPATIBLE = r"\ufb00-\ufb06\uff01-\uff5e"
_CHARACTER_NOISE = re.compile(rf"[{_INVISIBLE}]+|[{_SPACES}]|[{_COMPATIBLE}]")
# An emoji keycap (`2️⃣`: a digit, `#` or `*`, an optional emoji presentation selector and the
# enclosing keycap) is its digit: a phone's keyboard writes a code so (`KS = 2️⃣4️⃣8️⃣1️⃣`).
KEYCAP = "\u20e3"
_KEYCAP = re.compile(r"[0-9#*]\ufe0f?\u20e3")

# An HTML entity (`&nbsp;`, `&#39;`, `&#x2019;`) is read as its character.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

# Quoted-printable leftovers: an encoded space or tab before a line's end (`=20`), an encoded
# `=` (`=3D`), the bytes of a character beyond ASCII (`=E2=80=99`), a soft line break (`=` at
# a line's end). A `=` and two hex digits elsewhere is a field's value (`code=2045`).
_QP_BYTES = re.compile(r"(?:=[89A-F][0-9A-F])+|=3D|=(?:20|09)(?=[^\S\n]*(?:\n|$))|=\r?\n")

# E-mail quote markers: `>` (or `&gt;`) runs at a line's start, or between spaces in a chain
# joined into one line (`... for the carers >> thanks Ruth`); never between numbers (`BP > 140`)
# nor an arrow's head (`->`).
_QUOTE = re.compile(
    r"(?m)(?:^[^\S\n]*(?:(?:>|&gt;)[^\S\n]*)+"
    r"|(?<=[^\S\n])(?<![\d\-=][^\S\n])(?:>|&gt;)(?:[^\S\n]*(?:>|&gt;))*[^\S\n]+(?=[^\d\s]))")

# An inline image's reference in a mail's text part.
_CID = re.compile(r"\[cid:[^\]\s]{1,200}\]")

# A sentence wrapped at a line's end (a PDF's text layer, a mail wrapped at 72 characters):
# the line goes on when it ends with a word or a comma, is as long as a wrapped line is (three
# words and 30 characters at least: a short line is a line of its own, `neighbour is the key` /
# `holder`), and the next line (after any quote marker) starts with a plain word in lower case,
# or with a number after a word that cannot end a sentence (`the code is` / `2 4 8 1`). Not in
# a record's lines (a tab, a `|`, a segment's `^`, a structured key: `address[0].line:`).
# (Each pattern here starts with a character, not a look-behind: the engine jumps to it.)
_WRAPPED = re.compile(r"\n(?:[^\S\n]*(?:>|&gt;))*[^\S\n]*(?=[a-z0-9])")
_GOES_ON = frozenset({"is", "are", "was", "the", "of", "to", "a", "an", "by", "at", "in", "on",
                      "for", "with", "code", "number", "combination", "pin", "and"})
_RECORD_LINE = re.compile(r"[\t|^]|^[^\S\n]*[\w\-]*[\[._][\w.\[\]\-]*[:=]")
# The next line goes on in a plain word or a number (`address[0].postalCode:` is a field).
_GOES_ON_WITH = re.compile(r"(?:[a-z]+|[\d ]+)(?:[^\w:=\[.]|\.(?!\w)|$)")
WRAPPED_MIN_WORDS = 3
WRAPPED_MIN_CHARACTERS = 30
# A wrapped line may stop a few characters short of its block's width (a space kept at its end).
WRAP_SLACK = 2

# Speech-to-text's code word heard as another before a number: `the co is three three one`,
# `the coat is 4 4 1 2`.
_IS_NUMBER = re.compile(r" (?:is|IS)[^\S\n]+(?:\d|(?i:zero|oh|nought|one|two|three|four|five|"
                        r"six|seven|eight|nine|double|treble)\b)")
_HEARD_CODE = re.compile(r"(?<![\w'])(?i:co|coat)\Z")
HEARD_CODE_CHARACTERS = 5

# OCR's `0` for `O` where a digit cannot be, before an apostrophe and a capital (`Mr 0'Brien`);
# and `no.` with its `0` and a house number read with letters for digits (`n0.l4`, `N0 9`): read
# as `ocr_reading`'s confusion tables say.
_OCR_ZERO = re.compile(r"0(?<![\w']0)(?=['\u2019][A-Z][a-z])")
_OCR_NUMBER = re.compile(r"[Nn](?<![\w][Nn])(0)(\.?[^\S\n]?)([0-9lIOoSZ]{1,4})(?![\w])")

# One character of a code nobody could read, as a transcriber or an OCR engine marks it
# (`47?9`, `4_19`, `5 7 [smudged] 3`): read as a digit, so the rest is still read as a code.
# Between two digits only, with the same spacing either side (`4 or 5? 9 people` is prose),
# and one in a code (`?_?` is no code).
_UNREADABLE = re.compile(r"[?_]|[\[(](?i:smudged|illegible|unclear|unreadable|\?)[\])]")
_CODE_SPACING = " -"
UNREADABLE_DIGIT = "0"

# An access noun spelt as it sounds, as a writer or a dialect spells it by ear (`kee`, `kay`,
# `dower`, `dore`, `frunt`): another vowel between the noun's consonants. Read as the noun only
# in lower case (`Kay` is a name, `The Dower House` a house) and beside what the noun goes with:
# a key where it is kept or what it is in (`the kay's under the brick`, `spare kee`), a door
# after which door it is (`back dower`, `frunt dore`), the front before a door.
_KEY_SOUNDED = re.compile(r"k(?<![\w'\-]k)(?:ay|ee|ei|ie|eey)(?![\w\-])")
_DOOR_SOUNDED = re.compile(r"d(?<![\w'\-]d)(?:ower|ore|oar|oer|or)(?![\w\-])")
_FRONT_SOUNDED = re.compile(r"f(?<![\w'\-]f)(?:runt|rnt|ornt|rount)(?![\w\-])")
_KEY_PLACED_AFTER = re.compile(
    r"(?:['\u2019]?s|[^\S\n]+(?:is|was|are|kept|left|hidden|hung|hangs))?[^\S\n]+"
    r"(?:under|underneath|beneath|behind|in|inside|on|above|below|beside|with|at|next to|"
    r"safe|box|code)(?![\w])")
_KEY_QUALIFIED_BEFORE = re.compile(
    r"(?<![\w])(?:spare|door|house|front|back)[^\S\n]+\Z")
_DOOR_QUALIFIED_BEFORE = re.compile(
    r"(?<![\w])(?:front|back|side|rear|porch|kitchen|garage|patio|french|frunt|fornt)"
    r"[^\S\n]+\Z")
_DOOR_NAMED_AFTER = re.compile(r"[^\S\n]+(?:code|key|keys)(?![\w])")
_DOOR_AFTER = re.compile(r"[^\S\n]+(?:door|doors|dore|dower|dor|doar)(?![\w])")
_WORDS_BEFORE = 12

# Letter-spaced words, as a PDF's text layer gives a tracked heading or a form's boxed letters
# (`K E Y  S A F E  C O D E`): single letters joined by single spaces, words by two or more,
# read as the words when one of them is a word the reading knows (`J R Hartley` stays).
_LETTER_SPACED = re.compile(
    r"(?<![\w])[A-Za-z](?: [A-Za-z])+(?:[^\S\n]{2,}[A-Za-z](?: [A-Za-z])+)*(?![\w])")
_WORD_GAP = re.compile(r"[^\S\n]{2,}")
# Where such a run may start: three letters spaced at least (the first word's length).
# (after any space, a line break or an opening bracket: a PDF's tracked heading sits on its
# own line)
_SPACED_LETTERS = re.compile(r"[\s(\[][A-Za-z] [A-Za-z] [A-Za-z](?![\w])")


def read_noise(text: str) -> Reading | None:
    """The text with each mark of the process that wrote it read as what was written, or
    None when it holds none."""
    rewrites = noise_rewrites(text)
    return reading_of(text, rewrites) if rewrites else None


def noise_rewrites(text: str) -> list[Rewrite]:
    """(start, end, what it reads as) of each mark, in order, none overlapping."""
    found: list[Rewrite] = []
    if not text.isascii():
        found += _characters(text)
    if "&" in text:
        found += _entities(text)
    if "=" in text:
        found += _quoted_printable(text)
    if ">" in text or "&gt;" in text:
        found += [(m.start(), m.end(), "") for m in _QUOTE.finditer(text)]
    if "[cid:" in text:
        found += [(m.start(), m.end(), " ") for m in _CID.finditer(text)]
    if "\n" in text:
        found += _wrapped_lines(text)
    if text[1:2] == " " or " " in text and _SPACED_LETTERS.search(text):
        found += _letter_spaced(text)
    if " is" in text or " IS" in text:
        found += _heard_code(text)
    if "?" in text or "_" in text or "[" in text or "(" in text:
        found += _unreadable_digits(text)
    found += _sounded_nouns(text)
    found += _ocr_zeros(text)
    return _in_order(found)


def _characters(text: str) -> list[Rewrite]:
    found = [(m.start(), m.end(), m.group()[0]) for m in _KEYCAP.finditer(text)
             ] if KEYCAP in text else []
    for match in _CHARACTER_NOISE.finditer(text):
        character = match.group()
        if character[0] in _INVISIBLE:
            found.append((match.start(), match.end(), ""))
        elif character in _SPACES:
            found.append((match.start(), match.end(), " "))
        else:
            found.append((match.start(), match.end(), unicodedata.normalize("NFKC", character)))
    return found


def _entities(text: str) -> list[Rewrite]:
    found = []
    for match in _ENTITY.finditer(text):
        character = html.unescape(match.group())
        if character != match.group():
            found.append((match.start(), match.end(), _plain(character)))
    return found


def _plain(character: str) -> str:
    """A decoded character as the reading holds it (a non-breaking space is a space)."""
    if character in _INVISIBLE:
        return ""
    return " " if character in _SPACES else character


def _quoted_printable(text: str) -> list[Rewrite]:
    found = []
    for match in _QP_BYTES.finditer(text):
        encoded = match.group()
        if encoded.startswith("=\r") or encoded == "=\n":
            found.append((match.start(), match.end(), ""))
            continue
        try:
            decoded = bytes.fromhex(encoded.replace("=", "")).decode("utf-8")
        except ValueError:  # not the bytes of a character: a value of its own
            continue
        found.append((match.start(), match.end(), "".join(_plain(c) for c in decoded)))
    return found


def _wrapped_lines(text: str) -> list[Rewrite]:
    found = []
    for match in _WRAPPED.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        line = text[line_start:match.start()].rstrip()
        if not line or not (line[-1] == "," or line[-1].isascii() and line[-1].isalpha()):
            continue
        next_end = text.find("\n", match.end())
        following = text[match.end():next_end if next_end >= 0 else len(text)]
        words = line.split()
        if len(words) >= WRAPPED_MIN_WORDS and len(line.strip()) >= WRAPPED_MIN_CHARACTERS \
                and not _RECORD_LINE.search(line) \
                and not _RECORD_LINE.search(following) and _GOES_ON_WITH.match(following) and (
                following[:1].islower() or words[-1].casefold() in _GOES_ON) \
                and not writer_ended_line(text, line_start + len(line), following):
            found.append((line_start + len(line), match.end(), " "))
    return found


def writer_ended_line(text: str, line_end: int, following: str) -> bool:
    """Whether the line ending at `line_end` stops where the first word of `following` (the
    next line) would still have fitted, the width being its block's longest line: its writer
    ended it (`Pool car keys returned to the key cabinet` over `pls note door is left
    unlocked ...`), no wrap broke it."""
    line_start = text.rfind("\n", 0, line_end) + 1
    starts, widths = _block_widths(text)
    width = widths[bisect.bisect_right(starts, line_start) - 1]
    first_word = following.split(None, 1)
    return bool(first_word) and (line_end - line_start) + 1 + len(first_word[0]) <= (
        width - WRAP_SLACK)


@functools.lru_cache(maxsize=4)  # the texts being read now: one pass each, not one per line
def _block_widths(text: str) -> tuple[list[int], list[int]]:
    """Where each block of lines (between blank lines) starts, and its longest line."""
    starts, widths, position = [], [], 0
    for block in text.split("\n\n"):
        starts.append(position)
        widths.append(max(map(len, block.split("\n"))))
        position += len(block) + 2
    return starts, widths


def _heard_code(text: str) -> list[Rewrite]:
    """`co` or `coat` right before `is` and a number, read as `code`."""
    found = []
    for number in _IS_NUMBER.finditer(text):
        start = max(number.start() - HEARD_CODE_CHARACTERS, 0)
        heard = _HEARD_CODE.search(text, start, number.start())
        if heard:
            found.append((heard.start(), heard.end(), "code"))
    return found


def _unreadable_digits(text: str) -> list[Rewrite]:
    """Each mark of one unreadable character between two digits of a code, read as a digit."""
    found: list[Rewrite] = []
    for match in _UNREADABLE.finditer(text):
        start, end = match.span()
        spacing = text[start - 1:start] if start > 1 and text[start - 1] in _CODE_SPACING else ""
        before = start - len(spacing) - 1
        after = end + len(spacing)
        if before < 0 or not text[before].isdigit() or text[end:after] != spacing \
                or not text[after:after + 1].isdigit() or _run_digits(text, start, end) > 7:
            continue  # (a longer number, `MRN_0012345_01`, is an identifier, never a code)
        # (a second mark in the same code: the code is not read)
        if found and text[found[-1][1]:start].replace(" ", "").replace("-", "").isdigit():
            found.pop()
        else:
            found.append((start, end, UNREADABLE_DIGIT))
    return found



def _run_digits(text: str, start: int, end: int) -> int:
    """How many digits the number around a mark at start..end holds (spaces, dashes and
    other marks between them read through)."""
    left = start
    while left > 0 and (text[left - 1].isdigit() or text[left - 1] in _CODE_SPACING + "?_"):
        left -= 1
    right = end
    while right < len(text) and (text[right].isdigit() or text[right] in _CODE_SPACING + "?_"):
        right += 1
    return sum(character.isdigit() for character in text[left:right])

def _sounded_nouns(text: str) -> list[Rewrite]:
    """Each access noun spelt as it sounds, beside what it goes with, read as the noun."""
    found: list[Rewrite] = []
    if "k" in text:
        for match in _KEY_SOUNDED.finditer(text):
            before = text[max(match.start() - _WORDS_BEFORE, 0):match.start()]
            if _KEY_PLACED_AFTER.match(text, match.end()) or _KEY_QUALIFIED_BEFORE.search(before):
                found.append((match.start(), match.end(), "key"))
    if "d" in text:
        for match in _DOOR_SOUNDED.finditer(text):
            before = text[max(match.start() - _WORDS_BEFORE, 0):match.start()]
            if _DOOR_QUALIFIED_BEFORE.search(before) or _DOOR_NAMED_AFTER.match(text, match.end()):
                found.append((match.start(), match.end(), "door"))
    if "fr" in text or "fo" in text:
        found += [(m.start(), m.end(), "front") for m in _FRONT_SOUNDED.finditer(text)
                  if _DOOR_AFTER.match(text, m.end())]
    return found


def _letter_spaced(text: str) -> list[Rewrite]:
    """Each letter-spaced word as the word, each gap between two as one space."""
    found = []
    starts = [0] if text[1:2] == " " else []
    starts += [hit.start() + 1 for hit in _SPACED_LETTERS.finditer(text)]
    position = 0
    for start in starts:
        match = _LETTER_SPACED.match(text, start) if start >= position else None
        if match is None:
            continue
        position = match.end()
        words = [part.replace(" ", "") for part in _WORD_GAP.split(match.group())]
        if len(words[0]) < 3 or not any(is_known_word(word) for word in words):
            continue
        piece = match.start()
        for gap in _WORD_GAP.finditer(text, match.start(), match.end()):
            found += [(piece, gap.start(), text[piece:gap.start()].replace(" ", "")),
                      (gap.start(), gap.end(), " ")]
            piece = gap.end()
        found.append((piece, match.end(), text[piece:match.end()].replace(" ", "")))
    return found


def _ocr_zeros(text: str) -> list[Rewrite]:
    found = [(m.start(), m.end(), LETTER_FOR_DIGIT["0"].upper())
             for m in _OCR_ZERO.finditer(text)] if "0" in text else []
    if "n0" not in text and "N0" not in text:
        return found
    for match in _OCR_NUMBER.finditer(text):
        number = match.group(3)
        if not any(c.isdigit() for c in number):
            continue
        found.append((match.start(1), match.end(1),
                      _in_case(text, match.start(1), LETTER_FOR_DIGIT["0"])))
        if not number.isdigit():
            found.append((match.start(3), match.end(3), number.translate(DIGITS_READ)))
    return found


def _in_case(text: str, position: int, letter: str) -> str:
    """The letter in the case of the character before it (`n0.` -> `no.`, `N0.` -> `NO.`)
    or, at a word's start, in capitals (`0'Brien` -> `O'Brien`)."""
    before = text[position - 1] if position > 0 else " "
    return letter if before.islower() else letter.upper()


def _in_order(found: list[Rewrite]) -> list[Rewrite]:
    kept: list[Rewrite] = []
    for start, end, word in sorted(found, key=lambda hit: (hit[0], -(hit[1] - hit[0]))):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end, word))
    return kept
