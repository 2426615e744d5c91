"""Names in all-capital clinical notes (issue 14): titles in any case (`DR KLEIN`),
names in capitals (`JOHN SMITH`), `SMITH, Jane`; nursing shorthand, drugs and
conditions in capitals never people. Measured through the CLI on a labelled set of
all-capital notes written for this test (tests/data/capitals/notes.json)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.cli import run_cli

NOTES = json.loads((Path(__file__).parent / "data" / "capitals" / "notes.json").read_text(
    encoding="utf-8"))["notes"]
MIN_PRECISION = 0.8


def name_spans(note: dict) -> list[tuple[int, int]]:
    return [(note["text"].index(name), note["text"].index(name) + len(name))
            for name in note["names"]]


@pytest.fixture(scope="module")
def people(tmp_path_factory) -> dict[int, list[tuple[int, int]]]:
    root = tmp_path_factory.mktemp("capitals")
    share, out = root / "share", root / "out"
    share.mkdir()
    for index, note in enumerate(NOTES):
        (share / f"note-{index:02d}.txt").write_text(note["text"] + "\n", encoding="utf-8")
    result = run_cli("scan", str(share), "--out", str(out), "--workers", "1")
    assert result.returncode == 0, result.stderr[-2000:]
    with sqlite3.connect(out / "inventory.sqlite") as db:
        rows = db.execute("SELECT l.location, f.start, f.end FROM findings f JOIN locations l"
                          " ON l.id = f.location_id WHERE f.entity_type = 'PERSON'").fetchall()
    found: dict[int, list[tuple[int, int]]] = {index: [] for index in range(len(NOTES))}
    for location, start, end in rows:
        found[int(Path(location).stem.split("-")[1])].append((start, end))
    return found


def is_true(span: tuple[int, int], labelled: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in labelled)


def test_precision_on_all_capital_notes(people):
    reported = [(index, span) for index, spans in people.items() for span in spans]
    correct = [1 for index, span in reported if is_true(span, name_spans(NOTES[index]))]
    assert reported
    print(f"capitals: precision {len(correct)}/{len(reported)}")
    assert len(correct) / len(reported) >= MIN_PRECISION


def test_no_note_without_a_name_has_a_person(people):
    assert [index for index, note in enumerate(NOTES) if not note["names"] and people[index]
            ] == []


@pytest.mark.parametrize("name", ["KLEIN", "JOHN SMITH", "SMITH, Jane"])
def test_names_in_capitals_are_found(people, name):
    index = next(i for i, note in enumerate(NOTES) if name in note["names"])
    text = NOTES[index]["text"]
    start = text.index(name)
    assert any(s <= start + 1 and start + len(name) - 1 <= e for s, e in people[index]), (
        name, [text[s:e] for s, e in people[index]])


def test_recall_reported(people):
    labelled = [(index, span) for index, note in enumerate(NOTES) for span in name_spans(note)]
    hit = [1 for index, span in labelled if any(is_true(found, [span])
                                                 for found in people[index])]
    print(f"capitals: names found {len(hit)}/{len(labelled)}")
    assert hit


def _people_found(share: Path, out: Path, *options: str) -> list[tuple[int, int]]:
    result = run_cli("scan", str(share), "--out", str(out), "-q", "--no-ocr", "--workers", "1",
                     *options)
    assert result.returncode == 0, result.stderr[-2000:]
    with sqlite3.connect(out / "inventory.sqlite") as db:
        return db.execute("SELECT start, end FROM findings WHERE entity_type = 'PERSON'"
                          ).fetchall()


def test_a_name_field_label_from_the_configured_vocabulary_marks_a_name(tmp_path):
    """The capitals rule reads name-field labels from `[detection] vocabulary_dir` as the
    recognizers do: `HOUSEHOLDER:` is no shipped label, so the name after it in a note in
    capitals is kept only when the user's name_fields.txt adds it."""
    share, vocabulary = tmp_path / "share", tmp_path / "vocabulary"
    share.mkdir()
    vocabulary.mkdir()
    note = ("VISIT NOTE. HOUSEHOLDER: MARGARET THOMPSON WAS SEEN TODAY WITH CHEST PAIN."
            " NHS 943 476 5919.")
    (share / "note.txt").write_text(note + "\n", encoding="utf-8")
    (vocabulary / "name_fields.txt").write_text("householder\n", encoding="utf-8")
    config = tmp_path / "phiscan.toml"
    config.write_text(f'[detection]\nvocabulary_dir = "{vocabulary.as_posix()}"\n',
                      encoding="utf-8")
    name = (note.index("MARGARET"), note.index(" WAS"))
    assert _people_found(share, tmp_path / "shipped") == []
    assert _people_found(share, tmp_path / "configured", "--config", str(config)) == [name]
