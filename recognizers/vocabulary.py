"""Vocabulary files under `recognizers/data/`, extendable from a user's folder.

One entry per line, `#` starts a comment line. An entry written in capitals
(`KS`, `COPD`) matches case-sensitively, any other entry ignoring case. A user
folder with files of the same names adds its entries to the shipped ones.
"""

from __future__ import annotations

import hashlib
import logging
import sys
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

import regex as re

# A surname's particles in lower case (`Ms Sandra da Silva`, `Mr Piet van der Berg`; Welsh
# `ap`/`ab`, son of, and `ferch`, daughter of: `Llŷr ap RHYS`): one word of a name.
# Lower-case words a surname may hold (`Sandra da Silva`, `Llŷr ap Rhys`, `Omar bin Said`,
# `Nurul Aisyah binti Ahmad`).
SURNAME_PARTICLES = frozenset({"da", "de", "del", "della", "di", "du", "van", "von", "der", "den",
                               "la", "le", "dos", "das", "ter", "ten", "ap", "ab", "ferch",
                               "verch", "al", "el", "bin", "binti", "bint", "ibn"})
# Irish particles, capitalised and accented as written (`Siobhán Ní Bhriain`, `Seán Ó
# Murchú`), here without their accents: one system writes them, another drops them.
IRISH_PARTICLES = frozenset({"o", "ni", "nic", "ui", "mhic"})
SURNAME_PARTICLE = "(?:" + "|".join(sorted(SURNAME_PARTICLES, key=lambda word: (-len(word), word))
                                   ) + ")"
# Up to two particles before a surname's capitalised word, each followed by a space or a
# hyphen (`Pieter van der Berg`, `María de la Cruz`, `Khalid al-Rashid`).
PARTICLES_BEFORE = rf"(?:{SURNAME_PARTICLE}(?:[ ]+|-(?=\p{{Lu}}))){{0,2}}"
DATA_DIR = Path(__file__).parent / "data"
log = logging.getLogger("phiscan.recognizers")
T = TypeVar("T")
# Titles before a name. Here, not beside the NER recognizer that reads them, so that
# modules using them (`phiscan.detect.records`, which `report` imports) load no spaCy.
TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "rev",
                    "revd"})
# A name a person goes by, between the forenames and the surname or after them, in
# brackets or quotes: `Margaret (Peggy) Holt`, `Sandra 'Sandy' Jones`, `HOLT, Margaret
# (Peggy)` (`phiscan.detect.normalize` keys the name without it).
NICKNAME = r"(?:\(\p{Lu}\p{Ll}+\)|['‘\"“]\p{Lu}\p{Ll}+['’\"”])"
WILDCARD = "*"  # in a phrase: up to three words


def read_entries(path: Path) -> list[str]:
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = " ".join(line.split())
        if entry and not entry.startswith("#"):
            entries.append(entry)
    return entries


def read_classes(path: Path, classes: dict[str, list[str]] | None = None
                 ) -> dict[str, list[str]]:
    """A data file of word classes, `[class]` starting each (entries before the first go
    to the class ''), added to `classes`."""
    classes = {} if classes is None else classes
    current = classes.setdefault("", [])
    for entry in read_entries(path):
        if entry.startswith("[") and entry.endswith("]"):
            current = classes.setdefault(entry[1:-1].strip(), [])
        else:
            current.append(entry)
    return classes


def load_classes(name: str, extra_dirs: Sequence[str | Path] = ()) -> dict[str, list[str]]:
    """The shipped classes file `name`, then each extra folder's file of that name."""
    classes = read_classes(DATA_DIR / name)
    for folder in extra_dirs:
        path = Path(folder) / name
        if path.is_file():
            read_classes(path, classes)
    return classes


def load_vocabulary(name: str, extra_dirs: Sequence[str | Path] = ()) -> list[str]:
    """Shipped entries of `name`, then those of each extra folder, without repeats."""
    entries = read_entries(DATA_DIR / name)
    for folder in extra_dirs:
        path = Path(folder) / name
        if path.is_file():
            entries.extend(read_entries(path))
    return list(dict.fromkeys(entries))


@lru_cache(maxsize=1)
def organisation_words() -> frozenset[str]:
    """The last words of an organisation's name (`organisation_words.txt`), read once."""
    return frozenset(load_vocabulary("organisation_words.txt"))


def ends_as_organisation(words: Sequence[str]) -> bool:
    """Whether normalised words end as an organisation's name does: a legal form, a body's
    or a care service's noun (`Kestrel Homecare Ltd`, `Brightstone Live-in Care`,
    `Harbourside Home Support`, `Burley Park Surgery`)."""
    return bool(words) and (words[-1] in organisation_words()
                            or " ".join(words[-2:]) in organisation_words())


def is_case_sensitive(entry: str) -> bool:
    letters = [character for character in entry if character.isalpha()]
    return bool(letters) and all(character.isupper() for character in letters)


def phrase_regex(entry: str) -> str:
    """One entry as a regex: any run of spaces between words (never a line break), a
    hyphen may be a space or left out, `*` = up to 3 words."""
    body = _phrase_body(entry)
    return body if is_case_sensitive(entry) else f"(?i:{body})"


def _phrase_body(entry: str) -> str:
    parts = []
    for word in entry.split():
        if word == WILDCARD:
            parts.append(r"(?:[^\S\n]+[^\s.;]+){0,3}?")
        else:
            parts.append(re.escape(word))
    body = r"[^\S\n]+".join(parts).replace(r"[^\S\n]+(?:[^\S\n]+", r"(?:[^\S\n]+")
    return body.replace(r"\-", r"(?:-|[^\S\n])?")


def alternation(entries: Iterable[str]) -> str:
    """A word-bounded alternation, longest entries first so `key safe box` beats `key safe`."""
    ordered = sorted(set(entries), key=lambda entry: (-len(entry), entry))
    return r"(?<![\w])(?:" + _shared_starts(ordered, 0) + r")(?![\w])"


# How many leading characters entries share a test of (`_shared_starts`).
SHARED_DEPTH = 3


def _shared_starts(ordered: list[str], depth: int) -> str:
    """The entries' branches (each past its first `depth` characters, which they share
    ignoring case) in order, those whose next character is one ASCII letter or digit (either
    case) under a single test of it, to `SHARED_DEPTH` characters: the regex engine tries an
    alternation's branches one after another wherever it is tried, and a vocabulary's
    hundreds of branches each failed on its first character cost more than the rest of a
    grammar. The same matches: at any place only one group's character can match (they differ
    ignoring case) and a group keeps its branches' order; an entry going on otherwise (a
    hyphen that may be left out, a space, a wildcard, a letter outside ASCII, its end) keeps
    its place, and no later entry joins a group before it."""
    branches: list[str | list[str]] = []
    groups: dict[str, list[str]] = {}
    for entry in ordered:
        following = entry[depth:depth + 1]
        if depth >= SHARED_DEPTH or not (following.isascii() and following.isalnum()):
            branches.append(_rest(entry, depth))
            groups = {}
            continue
        if following.lower() not in groups:
            groups[following.lower()] = []
            branches.append(groups[following.lower()])
        groups[following.lower()].append(entry)
    return "|".join(
        branch if isinstance(branch, str)
        else _rest(branch[0], depth) if len(branch) == 1
        else f"(?i:{branch[0][depth].lower()})(?:{_shared_starts(branch, depth + 1)})"
        for branch in branches)


def _rest(entry: str, depth: int) -> str:
    """An entry's regex past its first `depth` characters (ASCII letters and digits, matched
    already ignoring case; checked behind for a case-sensitive entry)."""
    if depth == 0:
        return phrase_regex(entry)
    rest = _phrase_body(entry)[depth:]
    return f"(?<={entry[:depth]}){rest}" if is_case_sensitive(entry) else f"(?i:{rest})"


def build_time_file_cli(description: str, current: Callable[[], bool], write: Callable[[], None],
                        check_help: str) -> None:
    """The command line of a file written at build time (`make setup`): write it, or with
    `--check` exit 1 unless it is `current`."""
    import argparse  # only for this command, never at a scan's start-up

    parser = argparse.ArgumentParser(description=description,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help=check_help)
    if parser.parse_args().check:
        sys.exit(0 if current() else 1)
    write()


def load_build_time_file(path: Path, parse: Callable[[bytes], T | None], what: str
                         ) -> T | None:
    """A file written at build time, parsed, or None when it is missing, unreadable, from
    another version or stale (`parse` says None): the caller then builds from the sources."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        loaded = parse(data)
    except Exception as exc:  # a file from another version: built from the sources instead
        log.debug("%s unreadable (%s)", what, type(exc).__name__)
        return None
    if loaded is None:
        log.debug("%s out of date: built from the sources", what)
    return loaded


def sources_digest(files: Iterable[Path], versions: str) -> str:
    """What a build-time file is made from: its source files (names and bytes) and the
    versions of what it pickles (Python, a library)."""
    digest = hashlib.sha256()
    digest.update(f"{sys.version_info[:2]} {versions}".encode())
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def stamped(digest: str, body: bytes) -> bytes:
    # The digest leads in plain text, so a stale file is recognised without unpickling it.
    return digest.encode() + b"\n" + body


def unstamped(data: bytes, digest: str) -> bytes | None:
    """The body of a file `stamped` with `digest`, or None when it was made from other
    sources (stale)."""
    stored, _, body = data.partition(b"\n")
    return body if stored == digest.encode() else None


def write_build_time_file(path: Path, data: bytes) -> None:
    """Written beside and renamed, so a scan starting meanwhile reads the old file or the
    new one, never half of one."""
    temporary = path.with_suffix(".tmp")
    temporary.write_bytes(data)
    temporary.replace(path)
