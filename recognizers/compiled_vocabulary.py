"""phiscan's health vocabulary compiled once, at build time, instead of at each start.

    python -m recognizers.compiled_vocabulary            # write data/health_vocabulary.bin
    python -m recognizers.compiled_vocabulary --check    # exit 1 unless it is up to date

Building the vocabulary from its text files (about 43,000 terms folded, then one
Aho-Corasick automaton) costs about 0.2 CPU s of every scan's start-up; reading the
compiled file costs a fifth of that. `make setup` writes it (the Makefile's rule: after
the install, and again whenever a vocabulary file or this code changes). The file holds
a digest of everything its content is made from (the vocabulary files, the modules that
read and fold them, the Python and pyahocorasick versions); a file whose digest is not
that of the sources as they are now is ignored, and the vocabulary is built from the
text files as before, so a stale or missing file costs time, never a finding.
`tests/test_compiled_vocabulary.py` checks that the compiled vocabulary is the one the
text files give.
"""

from __future__ import annotations

import importlib.metadata
import pickle
from pathlib import Path

import ahocorasick

from recognizers import health_vocabulary as vocabulary
from recognizers.health_vocabulary import (
    CUES_FILE,
    HEADINGS_FILE,
    PRODUCTS_FILE,
    TERM_FILES,
    HealthVocabulary,
    Term,
)
from recognizers.vocabulary import (
    DATA_DIR,
    build_time_file_cli,
    load_build_time_file,
    sources_digest,
    stamped,
    unstamped,
    write_build_time_file,
)

COMPILED_PATH = DATA_DIR / "health_vocabulary.bin"
# The code that turns the text files into keys and terms.
SOURCE_MODULES = ("health_vocabulary.py", "vocabulary.py", "compiled_vocabulary.py")


def automaton_version() -> str:
    try:
        return importlib.metadata.version("pyahocorasick")
    except importlib.metadata.PackageNotFoundError:
        return ahocorasick.__file__ or ""


def source_digest() -> str:
    """What the compiled vocabulary is made from: the text files, the code that reads
    them, and the versions whose pickles it holds."""
    files = [DATA_DIR / name for name, *_rest in TERM_FILES]
    files += [DATA_DIR / CUES_FILE, DATA_DIR / HEADINGS_FILE, DATA_DIR / PRODUCTS_FILE]
    files += [Path(vocabulary.__file__).parent / name for name in SOURCE_MODULES]
    return sources_digest(files, automaton_version())


def compiled_form(built: HealthVocabulary, digest: str) -> bytes:
    """The vocabulary as bytes: keys in automaton order, each with the index of its
    term among the few distinct ones, the automaton, and the headings' lines."""
    terms = sorted(set(built.keys.values()), key=repr)
    index = {term: number for number, term in enumerate(terms)}
    codes = bytes(index[built.keys[key]] for key in built.key_list)
    return stamped(digest, pickle.dumps(
        (built.key_list, terms, codes, built.automaton, built.heading_lines),
        protocol=pickle.HIGHEST_PROTOCOL))


def from_compiled_form(data: bytes, digest: str) -> HealthVocabulary | None:
    body = unstamped(data, digest)
    if body is None:
        return None
    keys, terms, codes, automaton, headings = pickle.loads(body)  # noqa: S301
    if not all(isinstance(term, Term) for term in terms):
        return None
    return HealthVocabulary(dict(zip(keys, (terms[code] for code in codes), strict=True)),
                            headings, automaton)


def load_compiled(path: Path = COMPILED_PATH) -> HealthVocabulary | None:
    """The compiled vocabulary, or None when the file is missing, unreadable or stale."""
    return load_build_time_file(path, lambda data: from_compiled_form(data, source_digest()),
                                "compiled health vocabulary")


def write_compiled(path: Path = COMPILED_PATH) -> None:
    write_build_time_file(path, compiled_form(HealthVocabulary.from_files(()), source_digest()))


def main() -> None:
    build_time_file_cli(__doc__, lambda: load_compiled() is not None, write_compiled,
                        "exit 1 unless the compiled file matches its sources")


if __name__ == "__main__":
    main()
