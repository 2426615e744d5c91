"""HOME_ACCESS's lazy grammar compiled at build time (recognizers/compiled_patterns.py):
read back instead of compiled in every worker, only while it is the grammar's own source,
and finding exactly what patterns compiled from their source find."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from phiscan.quality.phrasings import load_phrasings
from recognizers import access_fields, compiled_patterns
from recognizers.catalog import build_recognizers
from recognizers.home_access_recognizer import HomeAccessRecognizer
from tests.conftest import DATA_DIR

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [phrasing.text for phrasing in load_phrasings(DATA_DIR / "home_access" / "dev.tsv")]


def findings(recognizer: HomeAccessRecognizer) -> list[tuple]:
    return [(index, r.entity_type, r.start, r.end, r.score)
            for index, text in enumerate(TEXTS)
            for r in recognizer.analyze(text, [recognizer.ENTITY])]


@pytest.fixture
def table(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "compiled_patterns.bin"
    monkeypatch.setattr(compiled_patterns, "TABLE_PATH", path)
    return path


def test_the_grammar_read_from_the_table_finds_what_its_source_finds(table):
    compiled_patterns.write_table(table)
    assert compiled_patterns.holds_all(table)
    compiled_patterns.compiled_from.clear()
    # The field pattern is compiled once per process: an earlier test may have asked for it.
    access_fields._field_regex.cache_clear()
    with compiled_patterns.recording() as asked:
        from_table = findings(HomeAccessRecognizer())
    # Every pattern built or reached by the dev set came from the table: none compiled here,
    # the lazy grammar's and those compiled when the recognizer is built.
    assert compiled_patterns.compiled_from["source"] == 0
    assert compiled_patterns.compiled_from["table"] == len(asked)
    assert set(compiled_patterns.lazy_sources()) < set(asked)
    assert set(asked) <= set(compiled_patterns.table_sources())
    table.unlink()
    compiled_patterns._table.cache_clear()
    compiled_patterns.compiled_from.clear()
    from_source = findings(HomeAccessRecognizer())
    assert compiled_patterns.compiled_from["table"] == 0
    assert from_table == from_source
    # Most of the dev set's texts hold a match (its exact rates: test_home_access_phrasings).
    assert len({index for index, *_rest in from_table}) > 1100


def test_building_the_recognizers_compiles_nothing_from_source(table):
    """A scan's parent builds every recognizer: each pattern it compiles then (a Pattern's
    regex, the grammar's writer labels and services) is read from the table."""
    compiled_patterns.write_table(table)
    compiled_patterns.compiled_from.clear()
    with compiled_patterns.recording() as asked:
        recognizers = build_recognizers()
    assert compiled_patterns.compiled_from == {"table": len(asked)}
    patterns = [pattern for recognizer in recognizers
                for pattern in getattr(recognizer, "patterns", ())
                if not getattr(pattern, "lazy", False)]
    assert len(asked) > 20 and len(patterns) > 20
    table.unlink()
    compiled_patterns._table.cache_clear()
    compiled_patterns.compiled_from.clear()
    from_source = build_recognizers()
    assert compiled_patterns.compiled_from == {"source": len(asked)}
    assert [(p.regex, p.compiled_regex.pattern, p.compiled_regex.flags) for r in from_source
            for p in getattr(r, "patterns", ()) if not getattr(p, "lazy", False)] == [
        (p.regex, p.compiled_regex.pattern, p.compiled_regex.flags) for p in patterns]


def test_sources_are_the_same_in_every_process():
    """Workers look patterns up by their source: it must not depend on hash seeds."""
    here = [compiled_patterns.entry_key(source, flags)
            for source, flags in compiled_patterns.table_sources()]
    script = ("from recognizers.compiled_patterns import table_sources, entry_key\n"
              "print(' '.join(entry_key(s, f) for s, f in table_sources()))")
    for seed in ("1", "2"):
        run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                             text=True, check=True,
                             env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)})
        assert run.stdout.split() == here


def test_a_stale_damaged_or_foreign_table_compiles_from_source(table):
    source, flags = r"(?i:key[^\S\n]+safe)\s+\d{4}", regex.MULTILINE
    compiled_patterns.write_table(table, [(source, flags)])
    assert compiled_patterns.read_table(table)
    assert not compiled_patterns.holds_all(table)  # not the shipped grammar
    header, _, body = table.read_bytes().partition(b"\n")
    variants = {
        "other versions": b"phiscan compiled patterns (3, 0) regex 0\n" + body,
        "damaged": header + b"\n" + body[: len(body) // 2],
        # An entry whose pickle calls something other than regex's constructor.
        "foreign": header + b"\n" + pickle.dumps(
            {compiled_patterns.entry_key(source, flags): pickle.dumps(os.getcwd)}),
        "not a table": b"not a table",
    }
    for name, data in variants.items():
        table.write_bytes(data)
        compiled_patterns._table.cache_clear()
        compiled_patterns.compiled_from.clear()
        pattern = compiled_patterns.compiled(source, flags)
        assert compiled_patterns.compiled_from == {"source": 1}, name
        assert pattern.findall("Key safe 4821") == ["Key safe 4821"]
    # A pattern the table does not hold (another source or other flags) is compiled.
    compiled_patterns.write_table(table, [(source, flags)])
    compiled_patterns._table.cache_clear()
    compiled_patterns.compiled_from.clear()
    compiled_patterns.compiled(source, 0)
    compiled_patterns.compiled(source + "x", flags)
    assert compiled_patterns.compiled(source, flags).findall("key  safe 1234") == [
        "key  safe 1234"]
    assert compiled_patterns.compiled_from == {"source": 2, "table": 1}


def test_check_says_whether_the_shipped_table_is_current(tmp_path):
    """`make setup` writes the table; `--check` fails on one that lacks a pattern."""
    script = ("import sys, pathlib\n"
              "from recognizers import compiled_patterns as c\n"
              "c.TABLE_PATH = pathlib.Path(sys.argv[1])\n"
              "sys.argv = sys.argv[:1] + sys.argv[2:]\n"
              "c.main()")
    path = tmp_path / "table.bin"

    def run(*args: str) -> int:
        return subprocess.run([sys.executable, "-c", script, str(path), *args], cwd=ROOT,
                              env={**os.environ, "PYTHONPATH": str(ROOT)}).returncode

    assert run("--check") == 1
    assert run() == 0 and path.exists()
    assert run("--check") == 0
