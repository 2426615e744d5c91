"""Build `recognizers/data/home_access_languages_wikt.txt`: the access objects (key, door,
front and back door, gate, code, padlock, lock, safe, mat, plant pot, neighbour; and a bike,
whose padlock is no home's) in the languages most spoken in UK care, from Wiktionary's
translation tables as the Open Multilingual Wordnet links them to WordNet synsets, each form
that no hand-written, built or dialect file reads yet; one `[language]` block each, named
as its hand-written block, read by `recognizers.ocr_reading` as those files are.

    python tools/build_wikt_access_words.py OMW_DATA_DIR

OMW_DATA_DIR is a checkout of omwn/omw-data (`wns/wikt/wn-wikt-LANG.tab`; the commit read is
`OMW_COMMIT`, the one `tools/build_language_blocks.py` reads). Needs `wordfreq` 3.1.1: a
single word that is also an English word or a common name (zipf >= 2.5) is marked `?` (read
only beside another form of its language), as in the other files, and so is a form the
source gives for another sense too (French `coffre`, a chest and a car's boot; Polish
`zamek`, a castle and a zip): a word of two senses is read only where its language is. Each
form in Latin letters is also written as typed without its diacritics (`portón`, `porton`),
as the number words are; a form of three letters or fewer is left out.

Which languages and roles (from the issue, not from any phrasing line): issue 14's languages
of UK care (`LANGUAGES`), and the grammar's access objects and the holder (`ROLES`: the WordNet
3.0 synsets `tools/build_language_blocks.py` names for them). A form the other files already
read, as any word, is left to them (each form defined once); a form two roles give is read as
the first role of `ROLES` (`candado` is a padlock before a lock).
"""

from __future__ import annotations

import sys
import unicodedata
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_number_words import typed  # noqa: E402

from recognizers.ocr_reading import (  # noqa: E402
    BUILT_LANGUAGES_FILE,
    LANGUAGES_FILE,
    dialect_forms,
    language_forms,
)
from recognizers.triggers import fold_in_place  # noqa: E402
from recognizers.vocabulary import DATA_DIR  # noqa: E402

OUT = DATA_DIR / "home_access_languages_wikt.txt"
OMW_COMMIT = "f75be19ec590da12a7a5665e361690b5badb7a25"
ENGLISH_ZIPF = 2.5
# A form this short (French `cle` typed for `clé`) is met inside English words (`cleared`):
# the automaton would stop at each, so it is left out.
SHORT = 3

# Block name of `home_access_languages.txt` -> the source's ISO 639-3 code.
LANGUAGES = {
    "welsh": "cym", "polish": "pol", "romanian": "ron", "portuguese": "por",
    "tagalog": "tgl", "lithuanian": "lit", "bulgarian": "bul", "spanish": "spa",
    "italian": "ita", "french": "fra", "arabic": "arb", "urdu": "urd", "panjabi": "pan",
    "somali": "som",
}
# The English a form is read as -> its WordNet 3.0 synsets (as build_language_blocks.py's).
ROLES: dict[str, tuple[str, ...]] = {
    "key": ("03613294-n",), "padlock": ("03874599-n",), "lock": ("03682487-n",),
    "safe": ("04125021-n",), "front door": ("03399240-n",), "back door": ("02768744-n",),
    "door": ("03221720-n",), "gate": ("03427296-n",), "code": ("06355894-n",),
    "mat": ("03223299-n",), "plant pot": ("03957315-n", "03991062-n"),
    "neighbour": ("10352299-n",),
    # what a padlock belongs to when it is no home's (`home_access_exclusions.txt`: `bike`),
    # so that a padlock newly read in a language stays a near miss on a bike (`cadenas de
    # son vélo`)
    "bike": ("02834778-n",),
}

ROLE_SYNSETS = frozenset(synset for synsets in ROLES.values() for synset in synsets)


def lemmas(omw: Path, iso: str) -> dict[str, list[str]]:
    """synset -> the source's lemmas of it, in the file's order."""
    by_synset: dict[str, list[str]] = {}
    path = omw / "wns" / "wikt" / f"wn-wikt-{iso}.tab"
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 3 and parts[1].endswith(":lemma"):
            by_synset.setdefault(parts[0], []).append(parts[2].strip())
    return by_synset


def read_already() -> tuple[set[str], set[str]]:
    """The forms the other files read (folded), and their stems."""
    forms: set[str] = set(dialect_forms())
    stems: set[str] = set()
    for name in (BUILT_LANGUAGES_FILE, LANGUAGES_FILE):
        for form, foreign in language_forms(DATA_DIR / name).items():
            (stems if foreign.stem else forms).add(form)
    return forms, stems


def _read(form: str, forms: set[str], stems: set[str]) -> bool:
    return form in forms or any(word.startswith(stem) for word in form.split()
                                for stem in stems)


def main(omw: Path) -> None:
    from wordfreq import zipf_frequency

    forms, stems = read_already()
    lines = [HEADER]
    for language, iso in LANGUAGES.items():
        by_synset = lemmas(omw, iso)
        # the lemmas the source gives for a sense outside the access objects too
        other = Counter(lemma.casefold() for synset, words in by_synset.items()
                        if synset not in ROLE_SYNSETS for lemma in words)
        block: dict[str, tuple[str, bool]] = {}
        for english, synsets in ROLES.items():
            for lemma in (lemma for synset in synsets for lemma in by_synset.get(synset, [])):
                for form in typed(unicodedata.normalize("NFC", lemma.casefold())):
                    folded = fold_in_place(form)
                    if folded in block or _read(folded, forms, stems) or len(folded) <= SHORT:
                        continue
                    block[folded] = (english, other[lemma.casefold()] > 0)
        if not block:
            continue
        lines.append(f"[{language}]")
        for form, (english, polysemous) in block.items():
            guard = "?" if polysemous or (" " not in form and zipf_frequency(
                form, "en") >= ENGLISH_ZIPF) else ""
            lines.append(f"{guard}{form} = {english}")
        lines.append("")
    OUT.write_text("\n".join(lines), encoding="utf-8")


HEADER = f"""\
# BUILT by tools/build_wikt_access_words.py: do not edit (edit the script; a form the
# hand-written, built or dialect file reads is never repeated here).
# The access objects (key, padlock, lock, safe, door, front and back door, gate, code, mat,
# plant pot), the neighbour who holds a key and a bike (whose padlock is no home's), in the
# languages most spoken in UK care, that the hand-written blocks of home_access_languages.txt
# do not read yet; each block named as its hand-written block and read as that file is
# (same syntax; `?form` also English, or a word the source gives for another sense too:
# read only beside another form of its language).
# Source: Wiktionary translation tables as linked to WordNet synsets by the Open Multilingual
# Wordnet (Bond & Foster 2013), omwn/omw-data @ {OMW_COMMIT},
# wns/wikt/wn-wikt-LANG.tab, CC BY-SA 3.0. This file is a derived work of that data and
# carries CC BY-SA 4.0 (CC BY-SA 3.0 lets an adaptation carry a later version); the rest of
# phiscan stays Apache-2.0. See recognizers/data/README.md.
"""


if __name__ == "__main__":
    main(Path(sys.argv[1]))
