"""Names in all-capital clinical notes, measured on held-out public text (issue 14).

The notes are excerpts of public MTSamples transcriptions written in capitals, with
their own names kept and names added where notes carry them (a patient line, `SEEN BY
DR X`, a relative, a signature); every name labelled by span
(`tests/data/capitals_mtsamples`, built by `bench/capitals_set.py`; origin in
tests/data/SOURCES.md). `heldout_a` was measured once and one rule changed after it;
`heldout_b` was measured only with the rules as they are. Scanned by the real CLI: a
reported PERSON is right when it overlaps a labelled name.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.cli import run_cli

DATA = Path(__file__).parent / "data" / "capitals_mtsamples"
PARTS = ("heldout_a", "heldout_b")
MIN_PRECISION = 0.8
# Measured 0.626 (a) and 0.643 (b): names count only near another finding, and most
# notes' health words are outside the vocabularies.
MIN_RECALL = 0.6


def notes(part: str) -> list[dict]:
    return json.loads((DATA / f"{part}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scanned(tmp_path_factory) -> dict[str, dict]:
    """Per part: the PERSON spans found and the special-category flag, note by note."""
    root = tmp_path_factory.mktemp("capitals-heldout")
    share, out = root / "share", root / "out"
    for part in PARTS:
        (share / part).mkdir(parents=True)
        for index, note in enumerate(notes(part)):
            (share / part / f"note-{index:03d}.txt").write_text(note["full_text"] + "\n",
                                                                 encoding="utf-8")
    result = run_cli("scan", str(share), "--out", str(out), "--quiet", "--workers", "1")
    assert result.returncode == 0, result.stderr[-2000:]
    found = {part: {"people": {}, "special": {}, "health": {}} for part in PARTS}
    with sqlite3.connect(out / "inventory.sqlite") as db:
        for location, entity, start, end in db.execute(
                "SELECT l.location, f.entity_type, f.start, f.end FROM findings f JOIN"
                " locations l ON l.id = f.location_id WHERE f.entity_type IN"
                " ('PERSON', 'HEALTH_CONDITION', 'MEDICATION')"):
            path = Path(location)
            kind = "people" if entity == "PERSON" else "health"
            found[path.parent.name][kind].setdefault(path.stem, []).append((start, end))
    for line in (out / "files.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        path = Path(row["location"])
        assert row["status"] == "scanned", row
        found[path.parent.name]["special"][path.stem] = row["special_category"]
    return found


def figures(part: str, found: dict) -> tuple[int, int, int, int, list[str]]:
    """(right, reported, names found, names labelled, nameless notes made special
    category by a false name)."""
    right = reported = hit = labelled = 0
    falsely_special = []
    for index, note in enumerate(notes(part)):
        stem = f"note-{index:03d}"
        gold = [(span["start_position"], span["end_position"]) for span in note["spans"]]
        people = found["people"].get(stem, [])
        reported += len(people)
        right += sum(1 for s, e in people if any(s < ge and gs < e for gs, ge in gold))
        labelled += len(gold)
        hit += sum(1 for gs, ge in gold if any(s < ge and gs < e for s, e in people))
        if not gold and people and found["special"][stem]:
            falsely_special.append(stem)
    return right, reported, hit, labelled, falsely_special


@pytest.mark.parametrize("part", PARTS)
def test_names_in_capitals_on_held_out_notes(scanned, part):
    right, reported, hit, labelled, falsely_special = figures(part, scanned[part])
    print(f"{part}: precision {right}/{reported}, recall {hit}/{labelled}, "
          f"nameless notes special category by a false name: {len(falsely_special)}")
    assert right / reported >= MIN_PRECISION
    assert hit / labelled >= MIN_RECALL
    assert falsely_special == []


@pytest.mark.parametrize("part", PARTS)
def test_drugs_and_conditions_are_never_people(scanned, part):
    found = scanned[part]
    assert [(stem, span) for stem, people in found["people"].items() for span in people
            if any(s < span[1] and span[0] < e for s, e in found["health"].get(stem, []))
            ] == []
