"""The OCR reading's automaton of damaged forms compiled once, at build time.

    python -m recognizers.compiled_ocr            # write data/ocr_forms.bin
    python -m recognizers.compiled_ocr --check    # exit 1 unless it is up to date

`recognizers.ocr_reading.build_form_automaton` makes every damaged form of about 840
words (45,000 forms, checked against a dictionary of real words) and one Aho-Corasick
automaton: about 0.1 CPU s of every scan's start-up, in the parent that forks the
workers. Reading the pickled automaton back costs about 0.015. `make setup` writes it
(the Makefile's rule: after the install, and again whenever a vocabulary file or the
code that makes the forms changes). As for the compiled health vocabulary
(`recognizers.compiled_vocabulary`), the file leads with a digest of everything it is
made from (the data files `ocr_reading.SOURCE_FILES`, the modules that read them, the
Python and pyahocorasick versions); a file whose digest is not that of the sources as
they are now is ignored and the automaton is built from them as before, so a stale or
missing file costs time, never a finding. `tests/test_compiled_ocr.py` checks that the
compiled automaton holds exactly the forms the sources give.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import ahocorasick

from recognizers import ocr_reading
from recognizers.compiled_vocabulary import automaton_version
from recognizers.vocabulary import (
    DATA_DIR,
    build_time_file_cli,
    load_build_time_file,
    sources_digest,
    stamped,
    unstamped,
    write_build_time_file,
)

COMPILED_PATH = DATA_DIR / "ocr_forms.bin"
# The code that makes the forms (`read_entries` is vocabulary.py's).
SOURCE_MODULES = ("ocr_reading.py", "spoken_codes.py", "vocabulary.py", "compiled_ocr.py")


def source_digest() -> str:
    """What the compiled automaton is made from: the data files, the code that makes
    the forms, and the versions whose pickle it is."""
    files = [DATA_DIR / name for name in ocr_reading.SOURCE_FILES]
    files += [Path(ocr_reading.__file__).parent / name for name in SOURCE_MODULES]
    return sources_digest(files, automaton_version())


def compiled_form(automaton: ahocorasick.Automaton, digest: str) -> bytes:
    return stamped(digest, pickle.dumps(automaton, protocol=pickle.HIGHEST_PROTOCOL))


def from_compiled_form(data: bytes, digest: str) -> ahocorasick.Automaton | None:
    body = unstamped(data, digest)
    if body is None:
        return None
    automaton = pickle.loads(body)  # noqa: S301 (written by this module at build time)
    if not isinstance(automaton, ahocorasick.Automaton):
        return None
    return automaton


def load_compiled(path: Path | None = None) -> ahocorasick.Automaton | None:
    """The compiled automaton, or None when the file is missing, unreadable or stale."""
    return load_build_time_file(path or COMPILED_PATH,
                                lambda data: from_compiled_form(data, source_digest()),
                                "compiled OCR forms")


def write_compiled(path: Path | None = None) -> None:
    write_build_time_file(path or COMPILED_PATH,
                          compiled_form(ocr_reading.build_form_automaton(), source_digest()))


def main() -> None:
    build_time_file_cli(__doc__, lambda: load_compiled() is not None, write_compiled,
                        "exit 1 unless the compiled file matches its sources")


if __name__ == "__main__":
    main()
