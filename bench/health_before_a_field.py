"""Session 16 (fix-report): everyday-word conditions said in prose with a `field: value`
on the same line, in letters and notes (a batch unlike any fixture), scanned by a tree.

    PYTHONPATH=TREE .venv/bin/python bench/health_before_a_field.py TREE WORKDIR

Prints how many of the 24 conditions the scan found at their exact span."""

from __future__ import annotations

import itertools
import sqlite3
import subprocess
import sys
from pathlib import Path

CONDITIONS = ("depression", "insomnia", "joint pain", "paranoia", "acute pain", "cancer",
              "stomach disease", "aggressive behaviour")
FIELDS = (("Medication", "metformin 500mg bd"), ("Current meds", "sertraline 50 mg od"),
          ("Rx", "zopiclone 7.5mg nocte"), ("Plan", "naproxen 250mg tds"),
          ("Repeat prescription", "amlodipine 5mg"), ("Allergies", "penicillin"))
SHAPES = (
    "Dear Dr Okonkwo,\n\nThank you for seeing Mr Bale, who has {c}. {l}: {m}. Please "
    "advise.\n\nKind regards\n",
    "Clinic note 04/11\nPt reviewed in clinic; ongoing {c}? {l}: {m}\n",
    "To whom it may concern, the client lives alone and suffers from {c}; {l}: {m}, "
    "collected weekly.\n",
    "Visit log - carer noted {c} is worse this week! {l}: {m}\n",
)


def write_batch(share: Path) -> dict[str, tuple[int, int]]:
    share.mkdir(parents=True)
    truth = {}
    for number, (condition, (label, value), shape) in enumerate(
            zip(itertools.cycle(CONDITIONS), FIELDS * 4, SHAPES * 6)):
        text = shape.format(c=condition, l=label, m=value)
        name = f"doc{number:02d}.txt"
        (share / name).write_text(text, encoding="utf-8")
        start = text.index(condition)
        truth[name] = (start, start + len(condition))
    return truth


def main(tree: str, work: str) -> None:
    truth = write_batch(Path(work) / "share")
    out = Path(work) / "out"
    subprocess.run([sys.executable, "-m", "phiscan", "scan", str(Path(work) / "share"),
                    "--out", str(out), "-q"], check=True, cwd=tree)
    with sqlite3.connect(out / "inventory.sqlite") as db:
        rows = db.execute("SELECT l.location, f.start, f.end FROM findings f JOIN locations "
                          "l ON l.id = f.location_id WHERE f.entity_type='HEALTH_CONDITION'")
        found = {(location.rsplit("/", 1)[1], start, end) for location, start, end in rows}
    hits = sum(any(name == got and start < span[1] and end > span[0]
                   for got, start, end in found) for name, span in truth.items())
    print(f"conditions found {hits}/{len(truth)}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
