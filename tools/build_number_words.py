"""Build `recognizers/data/home_access_number_words.txt`: the number words 0 to 9 of the
languages most spoken in UK care, taken from the Unicode CLDR's rule-based number formats
(`rbnf`, the spell-out rules ICU formats numbers in words with), one `[language]` block each
with its `digits =` line, read by `recognizers.ocr_reading` as the hand-written file's
`digits =` lines are (a run of three or more number words of one language is read as a code).

    python tools/build_number_words.py CLDR_RBNF_DIR

CLDR_RBNF_DIR is the `rbnf` folder of the npm package `cldr-rbnf` (48.2.0: `npm pack
cldr-rbnf@48.2.0`, Unicode License v3). For each locale of `LOCALES` the words of 0 to 9 are
read from its `%spellout-numbering` rules and every public `%spellout-cardinal-*` rule set
that names no grammatical case (`CASES`: a code is said in the nominative; `dwa`, `dwie`,
`dwaj` are kept, `dwóch` is not) and no financial or personal counting; a rule that refers to
another rule set (`=%spellout-cardinal-masculine=`, Lithuanian `=%%spellout-cardinal-stem-
few=i` for `keturi`) is followed. Each word in Latin letters is also written as people type
it without its diacritics (`pięć` gives `piec`, `tatló` gives `tatlo`, `șase` gives `sase`),
and a Romanian comma-below letter with the cedilla older keyboards type (`şase`).

Which languages: issue 14's list of those most spoken in UK care (Census 2021 main languages,
`home_access_languages.txt` header) whose locale CLDR's rbnf holds; a language CLDR has no
rules for (Panjabi, Urdu, Somali) and each romanised spelling (`ek`, `wa7ed`) stays on the
hand-written block's `digits =` line, which holds only the spellings this file lacks.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "recognizers" / "data"
OUT = DATA / "home_access_number_words.txt"
VERSION = "48.2.0"

# Block name of `home_access_languages.txt` -> the CLDR locales read for it.
LOCALES: dict[str, tuple[str, ...]] = {
    "welsh": ("cy",), "polish": ("pl",), "romanian": ("ro",),
    "portuguese": ("pt", "pt-PT"), "tagalog": ("fil",), "lithuanian": ("lt",),
    "bulgarian": ("bg",), "spanish": ("es",), "italian": ("it",), "french": ("fr",),
    "arabic": ("ar",),
}
CASES = ("genitive", "dative", "accusative", "instrumental", "locative", "prepositional",
         "ablative", "financial", "personal")
# Romanian comma-below letters and the cedilla letters typed for them
CEDILLA = str.maketrans({"ș": "ş", "ț": "ţ", "Ș": "Ş", "Ț": "Ţ"})
_REFERENCE = re.compile(r"^=(%%?[\w-]+)=(\w*)$")


def rule_sets(locale_dir: Path, locale: str) -> dict[str, dict[int, str]]:
    rules = json.loads((locale_dir / f"{locale}.json").read_text(encoding="utf-8"))
    spellout = rules["rbnf"]["rbnf"]["SpelloutRules"]
    return {name: {int(key): rule.rstrip(";").strip() for key, rule in entries
                   if key.isdigit() and int(key) < 10}
            for name, entries in spellout.items() if name.startswith("%")}


def _word(sets: dict[str, dict[int, str]], name: str, digit: int, depth: int = 0) -> str | None:
    rules = sets.get(name, {})
    rule = rules.get(digit)
    if rule is None:  # a reference rule holds up to the next rule's number (`4: =...=i`)
        below = max((key for key in rules if key < digit), default=None)
        rule = rules[below] if below is not None and rules[below].startswith("=") else None
    if rule is None or depth > 3:
        return None
    reference = _REFERENCE.match(rule)
    if reference:
        word = _word(sets, reference.group(1), digit, depth + 1)
        return word + reference.group(2) if word else None
    return None if re.search(r"[=<>←→\[\]%]", rule) else rule


def _read(name: str) -> bool:
    public = name.startswith("%spellout-") and not name.startswith("%%")
    return public and (name[len("%spellout-"):] == "numbering" or name.startswith(
        "%spellout-cardinal")) and not any(case in name for case in CASES)


def typed(word: str) -> list[str]:
    """The word, then as typed without diacritics (Latin letters only) and, for a Romanian
    comma-below letter, with the cedilla."""
    forms = [word]
    if all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in word):
        bare = "".join(ch for ch in unicodedata.normalize("NFD", word)
                       if not unicodedata.combining(ch))
        forms += [word.translate(CEDILLA), unicodedata.normalize("NFC", bare)]
    return list(dict.fromkeys(forms))


def number_words(locale_dir: Path, language: str) -> list[list[str]]:
    slots: list[list[str]] = [[] for _ in range(10)]
    for locale in LOCALES[language]:
        sets = rule_sets(locale_dir, locale)
        for name in filter(_read, sets):
            for digit in range(10):
                word = _word(sets, name, digit)
                if not word:
                    continue
                for form in typed(word.casefold()):
                    if form not in slots[digit]:
                        slots[digit].append(form)
    return slots


HEADER = f"""\
# BUILT by tools/build_number_words.py: do not edit (edit the script, or a hand-written
# block's `digits =` line of home_access_languages.txt for a spelling no source gives).
# The number words 0 to 9 of the languages most spoken in UK care, read as the hand-written
# file's `digits =` lines are: each word as its ASCII digit in a run of three or more number
# words of one language (`pedwar dau saith un`, `cztery dwa siedem`); each block's name is its
# hand-written block's. Source: Unicode CLDR {VERSION}, rule-based number format spell-out
# rules (npm `cldr-rbnf` {VERSION}, `rbnf/LOCALE.json`; the `%spellout-numbering` and
# `%spellout-cardinal-*` rule sets, cases left out), each word also as typed without its
# diacritics. Copyright (c) 2004-2026 Unicode, Inc.; Unicode License v3 (permissive: use,
# copy, modify and distribute with this notice); see recognizers/data/README.md.
"""


def main(locale_dir: Path) -> None:
    lines = [HEADER]
    for language, locales in LOCALES.items():
        slots = number_words(locale_dir, language)
        missing = [digit for digit, words in enumerate(slots) if not words]
        if missing:
            raise SystemExit(f"{language}: no word for {missing} in {locales}")
        lines.append(f"[{language}]\n# CLDR rbnf {', '.join(locales)}\n"
                     f"digits = {' | '.join('/'.join(words) for words in slots)}\n")
    OUT.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
