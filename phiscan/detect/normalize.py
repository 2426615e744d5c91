"""Normalise detected values before hashing, so one person links across formats.

`943 476 5919` and `9434765919` hash alike; `SMITH, Jane`, `Mrs Jane Smith`,
`Jane SMITH`, `JONES^Jane^^^Mrs` (HL7), `Jane M. Smith` and `jane smith` hash alike;
`22/10/2010`, `2010-10-22` and `20101022` hash alike, and a date of birth written
`22/10/10` with them.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from recognizers.dates import birth_key, parse_date
from recognizers.ocr_reading import read_digits
from recognizers.vocabulary import DATA_DIR, IRISH_PARTICLES, SURNAME_PARTICLES, load_classes

# Which normalisers made an inventory's keys. Raise it whenever a normaliser's output changes
# (2: century-free birth dates, hyphenated names by their last part, accents folded; 3: a
# title word is a title only before the name, so `Florence Lord` keeps her surname): keys of
# two formats never link, so a scan rescans everything and scoping warns on an older inventory;
# 4: a name whose forename is only an initial keys as its initial form, `g. pickles`; 5:
# letters with no accent to take off fold too, `Łukasz` = `Lukasz`, `Đức` = `Duc`; 6: a
# double-barrelled family name keeps all its parts, `Smith-Jones` is not `Jones`).
KEY_FORMAT = "6"

TITLES = frozenset(
    ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lady", "lord", "rev",
     "revd", "master", "cllr", "capt", "col", "lt", "maj", "sgt", "fr"]
)
# After a name: `John Smith Jnr`, `John Smith III`; never the family name.
SUFFIXES = frozenset(["jr", "jnr", "snr", "sr", "ii", "iii", "iv"])
_NON_DIGIT = re.compile(r"\D")
# An initial with its dot (`J.`): kept as written by a mask, so never a name word.
INITIAL = re.compile(r"[^\W\d_]\.")
_POSSESSIVE = re.compile(r"(?<=[^\W\d_])['\u2019]s\b")
_NAME_TOKEN = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")


def digits_only(value: str) -> str:
    """The digits of a number, letters OCR reads for digits read as them (`4O1 234 593l`)."""
    return _NON_DIGIT.sub("", read_digits(value))


def is_title(word: str) -> bool:
    return word.casefold().rstrip(".") in TITLES


@lru_cache(maxsize=65536)
def is_full_name(masked: str) -> bool:
    """At least two words that are neither initials nor titles (`J*** S****`): a forename
    alone, with an initial after it (`J*** S`, `P******* J.`: a mask keeps an initial's
    dot) or a title (`Mrs S****`) links nobody.
    A title word after the name's first word is a surname (`F******* Lord`)."""
    words = without_leading_titles(masked.split())
    while len(words) > 1 and INITIAL.fullmatch(words[-1]):
        # `Percival J.` in a forename column, `Tariq A. F.` read by NER without the surname
        # before its comma (`Akhtar, Tariq A. F. (1958-07-10)`): forenames and initials
        words = words[:-1]
    return sum(len(word) > 1 for word in words) >= 2


def without_leading_titles(words: list[str]) -> list[str]:
    """The words after the titles a name opens with (`Mrs`, `Lt Col`); a title word later
    is a name (`Florence Lord`, `Alan King`), and a title word alone is kept (`LORD` in
    HL7's family component)."""
    start = 0
    while start < len(words) - 1 and is_title(words[start]):
        start += 1
    return words[start:]


# Letters Unicode gives no decomposition, written without their stroke or as two letters
# by systems that cannot store them (`Łukasz` / `Lukasz`, `Đức` / `Duc`, `Ørsted` / `Orsted`).
_PLAIN_LETTERS = str.maketrans({
    "Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "Ð": "D", "ð": "d", "Ø": "O", "ø": "o",
    "Ħ": "H", "ħ": "h", "ı": "i", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "ß": "ss",
    "Þ": "TH", "þ": "th"})


def _without_accents(value: str) -> str:
    """`Zoë` -> `Zoe`, `Chloé` -> `Chloe`, `Łukasz` -> `Lukasz`: records and systems write
    a name with and without its accents."""
    decomposed = unicodedata.normalize("NFKD", value).translate(_PLAIN_LETTERS)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _name_words(value: str) -> list[str]:
    """Words of a name without titles and initials; `O'Neill` and `O’Neill` -> `ONeill`;
    a possessive is no part of it (`Mr Terence Winstanley's key`)."""
    value = _POSSESSIVE.sub("", _without_accents(value)).replace("'", "").replace("\u2019", "")
    return [word for word in without_leading_titles(_NAME_TOKEN.findall(value))
            if len(word) > 1 and word.casefold() not in SUFFIXES]


def name_parts(value: str) -> tuple[list[str], list[str]]:
    """(given names, family name words) from every shape a UK record writes a name in:
    HL7 `FAMILY^GIVEN^MIDDLE^^TITLE`, `SURNAME, Forename`, `Forename SURNAME` or
    `SURNAME Forename` (the word in capitals among mixed case; the words in capitals that
    open a name, `VAN DER BERG Pieter`), else family name last."""
    if "^" in value:
        family, _, given = value.partition("^")
        return _name_words(given.replace("^", " ")), _name_words(family)
    head, comma, tail = value.rpartition(",")
    if comma and tail.split() and all(is_title(word) for word in tail.split()):
        # a title after a comma is no given name (`KOWALCZYK Doreen, Ms`: Doreen Kowalczyk)
        return name_parts(head)
    if "," in value:
        family, _, given = value.partition(",")
        return _name_words(given), _name_words(family)
    words = _name_words(value)
    tokens = without_leading_titles(_NAME_TOKEN.findall(_without_accents(value)))
    if words and len(tokens) > 1 and len(tokens[0]) == 1:
        return [], words  # `Mrs S Mac Giolla`: after an initial, the family name's words
    capitals = [word for word in words if word.isupper()]
    if len(capitals) == 1 and len(words) > 1:
        return [word for word in words if word is not capitals[0]], capitals
    if 1 < len(capitals) < len(words) and words[:len(capitals)] == capitals:
        # family first in capitals, in several words: `VAN DER BERG Pieter`, `DE LA CRUZ Maria`
        return words[len(capitals):], capitals
    return words[:-1], words[-1:]


def _readable_word(word: str, all_lower: bool = False) -> str:
    """`O'NEILL` -> `O'Neill`, `WEBB-MORTON` -> `Webb-Morton` (and `o'brien` -> `O'Brien` in a
    name written all in lower case); a word in mixed case as written (`McKAY`, `van`)."""
    if not (word.isupper() or (all_lower and word.islower())) or len(word) < 2:
        return word
    return re.sub(r"[^\W\d_]+", lambda part: part[0].capitalize(), word)


def readable_name(value: str) -> str:
    """A name as a letter writes it: given names first, family name in title case
    (`PRICE, Ann` and `PRICE^Ann^^^Mrs` -> `Ann Price`, `Ann PRICE` -> `Ann Price`, `DOREEN
    BAMFORD` -> `Doreen Bamford`, `agnes whitworth` -> `Agnes Whitworth`); a title and middle
    names kept; display only, never a key."""
    value = " ".join(value.split())
    if "^" in value:
        family, *given = value.split("^")
        title = given[3] if len(given) > 3 else ""
        value = " ".join(part for part in (title, *given[:2], family) if part)
    elif value.count(",") == 1:
        family, _, given = value.partition(",")
        if given.strip() and family.strip():
            value = f"{given.strip()} {family.strip()}"
    else:
        words = value.split()
        capitals = [word for word in words if word.isupper() and len(word) > 1]
        if 0 < len(capitals) < len(words) and words[:len(capitals)] == capitals and not any(
                is_title(word) for word in capitals):
            value = " ".join(words[len(capitals):] + capitals)  # `VAN DER BERG Pieter`
    all_lower = value.islower()
    return " ".join(_readable_word(word, all_lower) for word in value.split())


def _given_part(value: str) -> str:
    """The part of a name its given names are in, by the shape `name_parts` reads."""
    if "^" in value:
        return value.partition("^")[2].replace("^", " ")
    return value.partition(",")[2] if "," in value else value


def initial_form(value: str) -> str | None:
    """`g. pickles`: the first given name's initial and the family name's last word, for
    `Graham Pickles`, `PICKLES, Graham`, `Mr G. Pickles` and `PICKLES, G.` alike; None when
    the name has no family name or no given name nor initial. A name written with only an
    initial keys as this form (`normalise_name`), and every other name's form is stored
    beside its key (`Finding.initial_hash`), so scoping can tell that `Mr G. Pickles, born
    21 June 1975` is `Graham Pickles` of that date of birth, never by the initial alone."""
    given, family = name_parts(value)
    if not family:
        return None
    if given:
        initial = given[0][0]
    else:
        words = without_leading_titles(_NAME_TOKEN.findall(_without_accents(_given_part(value))))
        initial = next((word for word in words if len(word) == 1), "")
        if not initial:
            return None
    return f"{initial.casefold()}. {family_key(family[-1])}"


def family_key(word: str) -> str:
    """A family name's last word as a key keeps every part of a double-barrelled name
    (`smith-jones`): `Mary Smith-Jones` and `Mary Brown-Jones` are two people, as are
    `Susan Ackroyd-Hall` and `Susan Hall`; a particle joined by a hyphen is dropped
    (`al-Rashid` is `rashid`)."""
    parts = [part for part in word.casefold().split("-") if part]
    kept = [part for part in parts if part not in _PARTICLES] or parts[-1:]
    return "-".join(kept)


def normalise_name(value: str) -> str:
    """One key per person: the first given name and the last word of the family name,
    case-free and order-free (a surname-first column pair `Jones Sandra` matches too);
    titles, suffixes, middle names, initials and accents dropped: `SMITH, Jane` == `Mrs
    Jane M. Smith`, `Zoë` == `Zoe`. A hyphened given name counts by its first part
    (`Anne-Marie` / `Anne Marie`); a double-barrelled family name keeps all its parts
    (`family_key`): a name sharing one part of it is another person's. `Webb Morton`
    without its hyphen keys as `Morton` and links to `Webb-Morton` only as a variant, with
    an agreeing date of birth (`phiscan.scoping.linkage.link_variants`)."""
    given, family = name_parts(value)
    if not given and family and (initial := initial_form(value)) is not None:
        return initial  # `Mr G. Pickles`: never the surname alone, which any of a family is
    words = [word.casefold() for word in (given[:1] + family[-1:])]
    if len(words) == 2:
        words = [words[0].split("-")[0], family_key(words[1])]
    return " ".join(sorted(words))


_PARTICLES = SURNAME_PARTICLES | IRISH_PARTICLES


@lru_cache(maxsize=1)
def _spellings() -> dict[str, str]:
    """Spelling -> the spelling that stands for its line (`recognizers/data/
    name_variants.txt`: `muhammad` -> `mohammed`; a given name's short and pet forms,
    `[given names]`: `peggy` -> `margaret`)."""
    classes = load_classes("name_variants.txt")
    return {spelling: line.split()[0]
            for section in ("given names", "spellings") for line in classes.get(section, [])
            for spelling in line.split()}


def variant_vocabulary_digest() -> str:
    """The digest of what `variant_form` reads besides the name (`name_variants.txt`, the
    particles): stored variant hashes hold for one digest only, so a scan's fingerprint
    holds it (`phiscan.scan.runner.detection_fingerprint`)."""
    digest = hashlib.sha256((DATA_DIR / "name_variants.txt").read_bytes())
    digest.update(" ".join(sorted(_PARTICLES)).encode())
    return digest.hexdigest()


def variant_form(value: str) -> str:
    """A name's words whatever their order, particles and romanisation: `Mohammed Abdul
    Rashid`, `RASHID, Mohammed Abdul`, `Abdul Rashid Muhammad` -> `abdul mohammed rashid`;
    `Nurul Aisyah binti Ahmad` = `Nurul Aisyah Ahmad`. Never a key on its own (any of a
    family, or two men called `Muhammad Iqbal`): scoping links two names of one form only
    with an agreeing date of birth (`phiscan.scoping.linkage.link_variants`)."""
    spellings = _spellings()
    given, family = name_parts(value)
    words = (part.casefold() for word in given + family for part in word.split("-"))
    return " ".join(sorted({spellings.get(word, word) for word in words
                            if word not in _PARTICLES and len(word) > 1}))


# Between the hashes of one stored `variant_hash` (`variant_hashes`).
VARIANT_SEPARATOR = ","
# Before the hash of a full name's family name among its stored variants (`f:<hash of
# clegg>` of `Trevor Clegg`): never a form two names are linked by, only how a record naming
# `Mr Clegg (23/04/1953)` finds the one person of that family name and date of birth
# (`phiscan.scoping.linkage.family_and_dob_target`).
FAMILY_FORM = "f:"


def family_forms(keys: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """(the variant forms, the family names' hashes) of a stored variant's keys."""
    family = frozenset(key[len(FAMILY_FORM):] for key in keys if key.startswith(FAMILY_FORM))
    if not family:
        return keys, family
    return frozenset(key for key in keys if not key.startswith(FAMILY_FORM)), family


def variant_hashes(*hashes: str) -> str:
    """A name finding's stored `variant_hash`: the hashes of every other form the name is
    written in, joined; '' for none. A name joined from a record's split fields
    (`Mary Ann` | `O'Neill`) carries its own variant form's and its given cell's, which
    free text reads as the name (`O'Neill, Mary Ann (DOB)`): a record needs room for both."""
    return VARIANT_SEPARATOR.join(sorted({value for value in hashes if value}))


def variant_keys(stored: str) -> frozenset[str]:
    """The hashes one stored `variant_hash` holds (`variant_hashes`)."""
    return frozenset(value for value in stored.split(VARIANT_SEPARATOR) if value)


def normalise_date(value: str) -> str | None:
    """ISO date for the formats a UK record uses (day first), or None."""
    parsed = parse_date(value)
    return parsed.isoformat() if parsed else None


def normalise_birth_date(value: str) -> str | None:
    """A date of birth's key: day, month and year of the century (`recognizers.dates.
    birth_key`): `12/04/25` matches `12 April 1925` without guessing the century."""
    return birth_key(read_digits(value))


def normalise_phone(value: str) -> str:
    digits = digits_only(value)
    if digits.startswith("44"):
        digits = "0" + digits[2:]
    return digits
