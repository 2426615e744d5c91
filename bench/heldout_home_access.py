"""Score phiscan's HOME_ACCESS on the held-out phrasing sets (tests/data/heldout/home_access).

    python bench/heldout_home_access.py [--show] [SET.tsv ...]

Each line of a set becomes one text file; `python -m phiscan scan` reads them all and a
line counts as found when its file has a HOME_ACCESS finding in `files.jsonl` (the
documented output, so nothing of phiscan's internals is used). Prints recall and
precision per set; `--show` lists the lines it got wrong.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path

SETS = Path(__file__).resolve().parent.parent / "tests" / "data" / "heldout" / "home_access"


def read_set(path: Path) -> list[tuple[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return [(row["label"], row["text"]) for row in csv.DictReader(handle, delimiter="\t")]


def found_lines(texts: list[str], work: Path) -> set[int]:
    share, out = work / "share", work / "out"
    share.mkdir()
    for index, text in enumerate(texts):
        (share / f"{index:04d}.txt").write_text(text + "\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "phiscan", "scan", str(share), "--out", str(out),
                    "-q", "--no-ocr"], check=True)
    found = set()
    for line in (out / "files.jsonl").read_text().splitlines():
        row = json.loads(line)
        if row["entities"].get("HOME_ACCESS"):
            found.add(int(Path(row["location"]).stem))
    return found


def score(path: Path, show: bool) -> None:
    examples = read_set(path)
    with tempfile.TemporaryDirectory() as work:
        found = found_lines([text for _, text in examples], Path(work))
    hits = [(label == "access", index in found) for index, (label, _) in enumerate(examples)]
    true_pos = sum(1 for truth, hit in hits if truth and hit)
    false_neg = sum(1 for truth, hit in hits if truth and not hit)
    false_pos = sum(1 for truth, hit in hits if hit and not truth)
    recall = true_pos / (true_pos + false_neg) if true_pos + false_neg else 1.0
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else 1.0
    print(f"{path.name}: access {true_pos + false_neg}, near misses "
          f"{len(examples) - true_pos - false_neg}; found {true_pos}, missed {false_neg}, "
          f"false alarms {false_pos}; recall {recall:.3f}, precision {precision:.3f}")
    if show:
        for index, (label, text) in enumerate(examples):
            if (label == "access") != (index in found):
                print(f"  {'missed' if label == 'access' else 'false alarm'}: {text}")


def main(argv: list[str]) -> int:
    show = "--show" in argv
    paths = [Path(arg) for arg in argv if arg != "--show"] or sorted(SETS.glob("set_*.tsv"))
    for path in paths:
        score(path, show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
