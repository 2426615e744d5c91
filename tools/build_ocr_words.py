"""Build `recognizers/data/ocr_real_words.txt` (run by hand, not at scan time).

    python tools/build_ocr_words.py [DICTIONARY]

The forms OCR damage makes of the recognizers' words (`recognizers/ocr_reading.py`) that
are English words themselves (`font` of `front`, `mall` of `mail`), or two English words
with a space (`for mat`): a scan never reads them as the word. DICTIONARY is a word list,
one word a line; by default Debian's `wbritish` (`/usr/share/dict/british-english`,
SCOWL: public domain / permissive; `apt-get install wbritish`). Run it again whenever a
vocabulary file that `ocr_reading.VOCABULARY_FILES` names changes.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from recognizers.ocr_reading import REAL_WORDS_FILE, ocr_lexicon, word_forms  # noqa: E402
from recognizers.vocabulary import DATA_DIR  # noqa: E402

DEFAULT_DICTIONARY = Path("/usr/share/dict/british-english")
TWO_LETTER_WORDS = frozenset({
    "a", "i", "am", "an", "as", "at", "be", "by", "do", "go", "he", "hi", "if", "in", "is",
    "it", "me", "my", "no", "of", "oh", "ok", "on", "or", "ox", "so", "to", "up", "us", "we"})
HEADER = """\
# Forms of the OCR-read words (recognizers/ocr_reading.py) that are English words
# themselves, or two with a space: never read as the word. Built by
# tools/build_ocr_words.py from Debian's wbritish word list (SCOWL); do not edit by hand.
"""


def main(dictionary: Path = DEFAULT_DICTIONARY) -> None:
    english = {line.strip().casefold() for line in dictionary.read_text(
        encoding="utf-8", errors="replace").splitlines() if line.strip().isalpha()}
    # A word list's letters and two-letter abbreviations (`pl`, `al`) are no words here.
    english = {word for word in english if len(word) > 2} | TWO_LETTER_WORDS
    forms = {form for word in ocr_lexicon() for form in word_forms(word)
             if all(part in english for part in form.split(" "))}
    (DATA_DIR / REAL_WORDS_FILE).write_text(HEADER + "".join(f"{form}\n" for form in
                                                             sorted(forms)), encoding="utf-8")
    print(f"{len(forms)} English forms of {len(ocr_lexicon())} words")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DICTIONARY)
