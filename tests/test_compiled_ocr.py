"""The OCR reading's automaton compiled at build time (recognizers/compiled_ocr.py) holds
exactly the forms its sources give, is used only while it matches them, and reads a
damaged text as the automaton built at start does."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from recognizers import compiled_ocr as compiled
from recognizers import ocr_reading
from recognizers.vocabulary import DATA_DIR

ROOT = Path(__file__).resolve().parent.parent

DAMAGED = ("Kcy snfe by the frnt cloor, c0de 4O1 7, spare under the rnat; "
           "NHS no 4O1 234 567l, date of birtn l2/O3/l947; keys safe at the back, "
           "the code is five nine for two.")


@pytest.fixture(scope="module")
def built():
    return ocr_reading.build_form_automaton()


def test_the_compiled_automaton_holds_the_forms_the_sources_give(tmp_path, built):
    path = tmp_path / "ocr_forms.bin"
    compiled.write_compiled(path)
    loaded = compiled.load_compiled(path)
    assert loaded is not None
    assert sorted(loaded.items()) == sorted(built.items())
    assert len(loaded) > 40_000
    assert loaded.get("cloor") == (5, "door", ocr_reading.WORD)
    assert list(loaded.iter("kcy snfe")) == list(built.iter("kcy snfe"))


def test_a_scan_reads_damage_through_the_compiled_automaton_as_through_the_built_one(
        tmp_path, monkeypatch, built):
    """`form_automaton()` (what a scan uses) takes the compiled file while it is current,
    and its reading of a damaged text is the built automaton's; a stale file is rebuilt
    from the sources."""
    path = tmp_path / "ocr_forms.bin"
    compiled.write_compiled(path)
    monkeypatch.setattr(compiled, "COMPILED_PATH", path)
    readings = []
    for content in (path.read_bytes(), compiled.compiled_form(built, "another digest")):
        path.write_bytes(content)
        ocr_reading.form_automaton.cache_clear()
        readings.append((ocr_reading.read_ocr(DAMAGED), len(ocr_reading.form_automaton())))
    ocr_reading.form_automaton.cache_clear()
    original = ocr_reading.form_automaton
    try:
        ocr_reading.form_automaton = lambda: built
        from_sources = ocr_reading.read_ocr(DAMAGED)
    finally:
        ocr_reading.form_automaton = original
    assert from_sources is not None
    assert readings == [(from_sources, len(built))] * 2
    assert "key safe" in from_sources.text.casefold() and "door" in from_sources.text


def test_a_stale_or_broken_file_is_ignored(tmp_path, built):
    path = tmp_path / "ocr_forms.bin"
    path.write_bytes(compiled.compiled_form(built, "a digest of other sources"))
    assert compiled.load_compiled(path) is None
    path.write_bytes(compiled.source_digest().encode() + b"\nnot a pickle")
    assert compiled.load_compiled(path) is None
    assert compiled.load_compiled(tmp_path / "missing.bin") is None


def test_the_digest_follows_every_source(tmp_path, monkeypatch):
    """A changed vocabulary file, dictionary of real words or dialect file makes a
    compiled file stale."""
    before = compiled.source_digest()
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns("*.bin"))
    monkeypatch.setattr(compiled, "DATA_DIR", data)
    assert compiled.source_digest() == before
    for name in ("home_access_devices.txt", "ocr_real_words.txt", "home_access_dialect.txt"):
        with (data / name).open("a") as file:
            file.write("zzfictitious\n")
        changed = compiled.source_digest()
        assert changed != before
        before = changed


def test_the_build_script_writes_a_file_that_passes_its_check(tmp_path):
    """`python -m recognizers.compiled_ocr` (the Makefile's rule), then `--check` on a
    copy of the package: 0 while it matches, 1 once a vocabulary file changed."""
    package = tmp_path / "recognizers"
    shutil.copytree(ROOT / "recognizers", package,
                    ignore=shutil.ignore_patterns("*.bin", "__pycache__"))

    def run(*argv: str) -> int:
        return subprocess.run([sys.executable, "-m", "recognizers.compiled_ocr", *argv],
                              cwd=tmp_path, env={"PYTHONPATH": str(tmp_path)},
                              capture_output=True, timeout=300).returncode

    assert run("--check") == 1
    assert run() == 0
    assert (package / "data" / "ocr_forms.bin").stat().st_size > 1_000_000
    assert run("--check") == 0
    with (package / "data" / "home_access_keyholders.txt").open("a") as file:
        file.write("zzfictitious holder\n")
    assert run("--check") == 1
