"""A condition said in prose stays a health finding when a `field: value` follows it on
the same line (`This patient has depression. Medication: metformin 500mg`): the prose
before a sentence end is no part of the field's name. Real letters and notes, the real
scan, the exact spans from the inventory."""

from __future__ import annotations

import sqlite3

from tests.cli import scan_quietly

CONDITIONS = ("depression", "insomnia", "joint pain", "paranoia")
FIELDS = (("Medication", "metformin 500mg bd"), ("Current meds", "sertraline 50 mg od"),
          ("Rx", "zopiclone 7.5mg nocte"), ("Plan", "naproxen 250mg tds"))
SHAPES = (
    "Dear Dr Okonkwo,\n\nThis patient has {condition}. {field}: {value}. Please advise.\n\n"
    "Yours sincerely\n",
    "Home visit 04/11: client lives alone and suffers from {condition}; {field}: {value}\n",
)
# A label is still a label: an everyday condition word naming a field is nobody's health.
LABEL_ONLY = "Depression review date: 12/03/2025\n"


def condition_spans(out) -> dict[str, set[tuple[int, int]]]:
    with sqlite3.connect(out / "inventory.sqlite") as db:
        rows = db.execute("SELECT l.location, f.start, f.end FROM findings f JOIN locations l "
                          "ON l.id = f.location_id WHERE f.entity_type = 'HEALTH_CONDITION'")
        found: dict[str, set[tuple[int, int]]] = {}
        for location, start, end in rows:
            found.setdefault(location.rsplit("/", 1)[1], set()).add((start, end))
    return found


def test_a_condition_before_a_field_on_its_line_is_found(tmp_path):
    share, expected = tmp_path / "share", {}
    share.mkdir()
    for number, condition in enumerate(CONDITIONS):
        for shape_number, shape in enumerate(SHAPES):
            field, value = FIELDS[(number + shape_number) % len(FIELDS)]
            text = shape.format(condition=condition, field=field, value=value)
            name = f"doc-{number}-{shape_number}.txt"
            (share / name).write_text(text, encoding="utf-8")
            start = text.index(condition)
            expected[name] = {(start, start + len(condition))}
    (share / "review.txt").write_text(LABEL_ONLY, encoding="utf-8")
    scan_quietly(share, tmp_path / "out")
    assert condition_spans(tmp_path / "out") == expected
