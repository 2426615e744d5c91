"""HOME_ACCESS on phrasing sets, through the scan's own detector: entry instructions
found and near misses flagged, per set and per class.

    .venv/bin/python bench/home_access.py                      # dev set + held-out sets
    .venv/bin/python bench/home_access.py SET.tsv ... [--json OUT] [--show-misses]
    .venv/bin/python bench/home_access.py --speed      # the recognizer alone, MB/s
    .venv/bin/python bench/home_access.py --by-author [--json OUT] [--against BEFORE.json]


With no argument it measures tests/data/home_access/dev.tsv and every `*.tsv` under
tests/data/heldout/home_access/. `--show-misses` prints the line number and text of
each missed positive and each false alarm (phrasing sets are written notes, not data
from a share).

`--by-author` prints one row per committed set (each an independent author's) and per
batch of the dev set (each written in one voice for one session's classes: its heading
comment, `# Session N, batch X`), so that a change is seen in every author's lines, not
only the set it was made for; `--against` a `--json` of an earlier `--by-author` run prints
each row's change and the lines that moved (a class that moves one author's lines only,
with no dev line of another voice, is suspect).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from phiscan.quality.phrasings import (  # noqa: E402
    Phrasing,
    PhrasingResult,
    load_phrasings,
    measure,
)

DEFAULT_SETS = [ROOT / "tests" / "data" / "home_access" / "dev.tsv",
                *sorted((ROOT / "tests" / "data" / "heldout" / "home_access").glob("**/*.tsv"))]


def show(result: PhrasingResult, misses: bool) -> None:
    positives, near = result.positives, result.near_misses
    print(f"{result.name}: found {positives.flagged}/{positives.total} "
          f"({positives.flagged / max(positives.total, 1):.1%}); "
          f"false alarms {near.flagged}/{near.total}")
    for (positive, kind), counts in sorted(result.counts.items()):
        what = "found" if positive else "false alarms"
        print(f"  {kind:<24} {what:<13} {counts.flagged}/{counts.total}")
    if misses:
        for phrasing in result.missed:
            print(f"  MISSED line {phrasing.line}: {phrasing.text}")
        for phrasing in result.false_alarms:
            print(f"  FALSE ALARM line {phrasing.line}: {phrasing.text}")


_BATCH_HEADING = re.compile(r"^#\s*Session\s+(?P<session>\d+)[^,]*,\s*batch\s+(?P<letter>[A-Z])\b")
DEV_SET = DEFAULT_SETS[0]


def dev_batches(path: Path = DEV_SET) -> list[tuple[str, set[int]]]:
    """(name, line numbers) of each part of the dev set: the lines before the first batch
    heading, then each batch's lines up to the next heading. A letter used again by a later
    session is named with its session (`dev batch B (session 11)`), so earlier rows keep
    their names."""
    parts: list[tuple[str, set[int]]] = [("dev (before batch A)", set())]
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        heading = _BATCH_HEADING.match(line)
        if heading:
            # a later session may reuse a batch's letter: its row is named by its session too
            name = f"dev batch {heading.group('letter')}"
            if any(part[0] == name for part in parts):
                name = f"{name} (session {heading.group('session')})"
            parts.append((name, set()))
        elif line.strip() and not line.startswith("#"):
            parts[-1][1].add(number)
    return parts


def by_author(predict, sets: list[Path]) -> list[dict]:
    """A row per committed set and per dev batch: found, false alarms, and which lines."""
    rows = []
    for path in sets:
        phrasings = load_phrasings(path)
        full = path.resolve()
        parts = dev_batches(path) if full == DEV_SET else [(
            str(full.relative_to(ROOT)) if full.is_relative_to(ROOT) else str(path),
            {p.line for p in phrasings})]
        for name, lines in parts:
            rows.append(_row(name, [p for p in phrasings if p.line in lines], predict))
    return rows


def _row(name: str, phrasings: list[Phrasing], predict) -> dict:
    result = measure(name, phrasings, predict)
    return {"set": name, "found": result.positives.flagged,
            "positives": result.positives.total, "false_alarms": result.near_misses.flagged,
            "near_misses": result.near_misses.total,
            "missed": [p.text for p in result.missed],
            "flagged": [p.text for p in result.false_alarms]}


def show_by_author(rows: list[dict], before: list[dict] | None) -> None:
    earlier = {row["set"]: row for row in before or []}
    print(f"{'set or dev batch':<48} {'found':>9} {'false alarms':>13}  change")
    for row in rows:
        was = earlier.get(row["set"])
        change = "" if was is None else (
            f"found {row['found'] - was['found']:+d}, false alarms "
            f"{row['false_alarms'] - was['false_alarms']:+d}")
        print(f"{row['set']:<48} {row['found']:>4}/{row['positives']:<4} "
              f"{row['false_alarms']:>6}/{row['near_misses']:<6}  {change}")
        if was is None:
            continue
        for label, texts in (
                ("now found", set(was["missed"]) - set(row["missed"])),
                ("now missed", set(row["missed"]) - set(was["missed"])),
                ("no longer flagged", set(was["flagged"]) - set(row["flagged"])),
                ("now flagged", set(row["flagged"]) - set(was["flagged"]))):
            for text in sorted(texts):
                print(f"    {label + ':':<19} {text}")


def speed(rounds: int = 3) -> None:
    """The recognizer alone (no spaCy) over the seeded UK corpus (dense: an identifier on
    nearly every line), its documents without access notes, and the first 60 files of
    bench/compare.py's text-heavy corpus (office prose); best of `rounds`, CPU seconds."""
    import time

    from bench.corpus import text_heavy_corpus
    from phiscan.synthetic.corpus import generate_corpus
    from recognizers.home_access_recognizer import HomeAccessRecognizer

    recognizer = HomeAccessRecognizer()
    documents = generate_corpus(seed=1, size=600)
    for label, texts in (("UK corpus", [d.text for d in documents]),
                         ("UK corpus without access notes", [
                             d.text for d in documents if not any(
                                 s.entity_type == "HOME_ACCESS" for s in d.spans)]),
                         ("text-heavy bench corpus, 60 files", [
                             f.data.decode() for f in text_heavy_corpus(7, 60)])):
        size = sum(len(text) for text in texts) / 1e6
        best = min(_timed(recognizer, texts, time.process_time) for _round in range(rounds))
        print(f"{label}: {len(texts)} texts, {size:.2f} MB, {best:.3f} CPU s, "
              f"{size / best:.2f} MB/s")


def _timed(recognizer, texts: list[str], clock) -> float:
    started = clock()
    for text in texts:
        recognizer.analyze(text, ["HOME_ACCESS"])
    return clock() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*", type=Path)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--speed", action="store_true")
    parser.add_argument("--by-author", action="store_true")
    parser.add_argument("--against", type=Path)
    args = parser.parse_args()
    if args.speed:
        speed()
        return
    from phiscan.config import Config
    from phiscan.quality.evaluation import phiscan_predictor

    predict = phiscan_predictor(Config())
    if args.by_author:
        rows = by_author(predict, args.sets or DEFAULT_SETS)
        before = json.loads(args.against.read_text()) if args.against else None
        show_by_author(rows, before)
        if args.json:
            args.json.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return
    results = []
    for path in args.sets or DEFAULT_SETS:
        full = path.resolve()
        name = str(full.relative_to(ROOT)) if full.is_relative_to(ROOT) else str(path)
        result = measure(name, load_phrasings(path), predict)
        show(result, args.show_misses)
        results.append(result.as_dict())
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
