"""The health vocabulary compiled at build time (recognizers/compiled_vocabulary.py) is the
one its text files give, is used only while it matches them, and changes no finding."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from recognizers import compiled_vocabulary as compiled
from recognizers.health_vocabulary import HealthVocabulary
from recognizers.vocabulary import DATA_DIR

ROOT = Path(__file__).resolve().parent.parent

NOTE = """PAST MEDICAL HISTORY: HTN, DM, COPD.
Allergies: penicillin
Seen today with her daughter; c/o chest pain on exertion. Known asthma, on salbutamol
100mcg inhaler PRN and metformin 500 mg BD. History of myocardial infarction (MI) in 2019.
Plan: refer to cardiology; recheck HbA1c. Had a cold last week, feeling better.
Mrs Heather Rice attended; no history of diabetes in the family."""


@pytest.fixture(scope="module")
def from_files() -> HealthVocabulary:
    return HealthVocabulary.from_files(())


def test_the_compiled_vocabulary_is_the_one_the_text_files_give(tmp_path, from_files):
    path = tmp_path / "health_vocabulary.bin"
    compiled.write_compiled(path)
    loaded = compiled.load_compiled(path)
    assert loaded is not None
    assert loaded.keys == from_files.keys
    assert loaded.key_list == from_files.key_list
    assert loaded.heading_lines == from_files.heading_lines
    assert len(loaded.keys) > 40_000
    for text in (NOTE, NOTE.upper(), NOTE.replace("\n", " ")):
        assert loaded.hits(text) == from_files.hits(text)
        assert loaded.mentions(text) == from_files.mentions(text)
    found = {NOTE[m.start:m.end] for m in loaded.mentions(NOTE)}
    assert {"HTN", "COPD", "penicillin", "salbutamol", "metformin", "myocardial infarction",
            "MI", "asthma"} <= found


def test_a_stale_or_broken_file_is_ignored(tmp_path, from_files):
    path = tmp_path / "health_vocabulary.bin"
    path.write_bytes(compiled.compiled_form(from_files, "a digest of other sources"))
    assert compiled.load_compiled(path) is None
    path.write_bytes(b"not a compiled vocabulary")
    assert compiled.load_compiled(path) is None
    assert compiled.load_compiled(tmp_path / "missing.bin") is None


def test_the_digest_follows_every_source(tmp_path, monkeypatch):
    """A changed vocabulary file or reading code makes a compiled file stale."""
    before = compiled.source_digest()
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns("*.bin"))
    monkeypatch.setattr(compiled, "DATA_DIR", data)
    assert compiled.source_digest() == before
    with (data / "medications.txt").open("a") as file:
        file.write("zzfictitiousmab\n")
    assert compiled.source_digest() != before


def test_the_build_script_writes_a_file_that_passes_its_check(tmp_path):
    """`python -m recognizers.compiled_vocabulary` (the Makefile's rule), then `--check`
    on a copy of the package: 0 while it matches, 1 once a vocabulary file changed."""
    package = tmp_path / "recognizers"
    shutil.copytree(ROOT / "recognizers", package,
                    ignore=shutil.ignore_patterns("*.bin", "__pycache__"))

    def run(*argv: str) -> int:
        return subprocess.run([sys.executable, "-m", "recognizers.compiled_vocabulary", *argv],
                              cwd=tmp_path, env={"PYTHONPATH": str(tmp_path)},
                              capture_output=True, timeout=300).returncode

    assert run("--check") == 1
    assert run() == 0
    assert (package / "data" / "health_vocabulary.bin").stat().st_size > 1_000_000
    assert run("--check") == 0
    with (package / "data" / "clinical_cues.txt").open("a") as file:
        file.write("zzfictitious cue\n")
    assert run("--check") == 1
