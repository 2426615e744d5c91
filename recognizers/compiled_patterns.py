"""The grammar's lazy patterns compiled once, at build time, instead of in every worker.

    python -m recognizers.compiled_patterns            # write data/compiled_patterns.bin
    python -m recognizers.compiled_patterns --check    # exit 1 unless it holds them all

HOME_ACCESS's grammar (`Pattern(..., lazy=True)`: vocabulary alternations of 5,000 to
18,000 characters) is compiled when a text first passes a pattern's trigger. Compiling
is the `regex` module's parser, in Python: 0.4-0.6 CPU s in each worker of a scan whose
texts mention a key, a lock, a door or a code, paid again by every worker and every scan.
The patterns the recognizers' modules compile when imported (about 200, `prebuilt`) are
in the table too. The module's own pickle of a compiled pattern holds its compiled program,
and reading it back skips the parser (about 0.3 ms a pattern). `make setup` writes that table (the
Makefile's rule: after the install, and again when a recognizer or vocabulary file
changes); `compiled(source, flags)` answers from it.

Each entry is found by a digest of its own source and flags, so a pattern whose source
is not in the table (a user's vocabulary folder, a vocabulary file changed since the
table was written, another flag) is compiled from its source as before: a stale or
missing table costs time, never a finding. The table names the Python and `regex`
versions that wrote it and is ignored under others. It is read with an unpickler that
admits no global but `regex`'s own constructor of compiled patterns.
`tests/test_compiled_patterns.py` checks that patterns from the table find what patterns
compiled from their source find.
"""

from __future__ import annotations

import collections
import contextlib
import functools
import hashlib
import io
import logging
import pickle
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import regex

from recognizers.vocabulary import DATA_DIR, build_time_file_cli, write_build_time_file

log = logging.getLogger("phiscan.recognizers")

TABLE_PATH = DATA_DIR / "compiled_patterns.bin"
# The only global a compiled pattern's pickle names (`regex._main._pickle`).
_CONSTRUCTOR = ("regex._regex", "compile")
# Patterns this process took from the table or compiled from source (tests, bench).
compiled_from: collections.Counter[str] = collections.Counter()
# While `recording()`: every (source, flags) asked of `compiled`.
_recorded: list[tuple[str, int]] | None = None
# The (source, flags) of every pattern a recognizer module compiled as it was imported
# (`prebuilt`): the same set in every process that has imported the modules.
_prebuilt: set[tuple[str, int]] = set()


def table_header() -> bytes:
    """What a table's first line must say: the pickled programs are the `regex`
    module's own, valid for its version under this Python only."""
    return f"phiscan compiled patterns {sys.version_info[:2]} regex {regex.__version__}".encode()


def entry_key(source: str, flags: int) -> str:
    data = f"{flags}\0{source}".encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class _Unpickler(pickle.Unpickler):
    """Admits `regex`'s constructor of compiled patterns (`allowed`) and nothing else:
    the table's outer layer is plain strings and bytes."""

    def __init__(self, data: bytes, allowed: tuple[str, str] | None) -> None:
        super().__init__(io.BytesIO(data))
        self.allowed = allowed

    def find_class(self, module: str, name: str):
        if (module, name) != self.allowed:
            raise pickle.UnpicklingError(f"global {module}.{name} not allowed")
        return super().find_class(module, name)


def read_table(path: Path) -> dict[str, bytes]:
    """The table's entries (digest -> a compiled pattern's pickle), or none when the
    file is missing, unreadable or written under other versions."""
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    header, _, body = data.partition(b"\n")
    if header != table_header():
        log.debug("compiled patterns written under other versions: compiled from source")
        return {}
    try:
        table = _Unpickler(body, None).load()
    except Exception as exc:  # a damaged file: every pattern compiled from its source
        log.debug("compiled patterns unreadable (%s)", type(exc).__name__)
        return {}
    if not isinstance(table, dict):
        return {}
    return {key: value for key, value in table.items()
            if isinstance(key, str) and isinstance(value, bytes)}


@functools.cache
def _table(path: Path) -> dict[str, bytes]:
    return read_table(path)


def compiled(source: str, flags: int = 0, path: Path | None = None) -> regex.Pattern:
    """`regex.compile(source, flags)`, from the table when it holds it."""
    if _recorded is not None:
        _recorded.append((source, flags))
    stored = _table(path or TABLE_PATH).get(entry_key(source, flags))
    if stored is not None:
        try:
            pattern = _Unpickler(stored, _CONSTRUCTOR).load()
        except Exception as exc:
            log.debug("compiled pattern unreadable (%s)", type(exc).__name__)
        else:
            if isinstance(pattern, regex.Pattern) and pattern.pattern == source:
                compiled_from["table"] += 1
                return pattern
    compiled_from["source"] += 1
    return regex.compile(source, flags)


def prebuilt(source: str, flags: int = 0) -> regex.Pattern:
    """A pattern a module compiles as it is imported: `compiled(source, flags)`, and
    listed for the table (`table_sources`)."""
    _prebuilt.add((source, flags))
    return compiled(source, flags)


@contextlib.contextmanager
def recording() -> Iterator[list[tuple[str, int]]]:
    """The (source, flags) of every pattern compiled through `compiled` inside."""
    global _recorded
    outer, _recorded = _recorded, []
    try:
        yield _recorded
    finally:
        recorded, _recorded = _recorded, outer
        if outer is not None:
            outer.extend(recorded)


def table_sources() -> list[tuple[str, int]]:
    """(source, flags) of every pattern the table holds: those the shipped recognizers
    compile when they are built (their `Pattern`s and the grammar's own, through
    `compiled`), those their modules compile when imported (`prebuilt`, in order), then
    those they compile when first needed (`lazy_sources`)."""
    from recognizers.catalog import build_recognizers

    with recording() as built:
        build_recognizers()
    return list(dict.fromkeys([*built, *sorted(_prebuilt), *lazy_sources()]))


def lazy_sources() -> list[tuple[str, int]]:
    """(source, flags) of every pattern the shipped recognizers compile when first
    needed (`lazy_patterns` of each), with the shipped vocabulary."""
    from recognizers.catalog import build_recognizers

    sources: list[tuple[str, int]] = []
    for recognizer in build_recognizers():
        lazy_patterns = getattr(recognizer, "lazy_patterns", None)
        if lazy_patterns is not None:
            sources.extend(lazy_patterns())
    return sources


def table_of(sources: Iterable[tuple[str, int]]) -> bytes:
    entries = {entry_key(source, flags): pickle.dumps(regex.compile(source, flags),
                                                      protocol=pickle.HIGHEST_PROTOCOL)
               for source, flags in sources}
    return table_header() + b"\n" + pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)


def write_table(path: Path | None = None, sources: Iterable[tuple[str, int]] | None = None
                ) -> None:
    write_build_time_file(path or TABLE_PATH,
                          table_of(table_sources() if sources is None else sources))
    _table.cache_clear()  # building the recognizers above read the table as it was


def holds_all(path: Path | None = None) -> bool:
    """Whether the table holds every pattern of the shipped recognizers (`table_sources`)."""
    table = read_table(path or TABLE_PATH)
    return all(entry_key(source, flags) in table for source, flags in table_sources())


def main() -> None:
    build_time_file_cli(__doc__, holds_all, write_table,
                        "exit 1 unless the table holds every pattern as it is now")


if __name__ == "__main__":
    # Run as the imported module: its `compiled` is the one the recognizers call and record
    # through, not this copy's.
    from recognizers.compiled_patterns import main as imported_main

    imported_main()
