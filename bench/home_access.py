"""HOME_ACCESS on phrasing sets, through the scan's own detector: entry instructions
found and near misses flagged, per set and per class.

    .venv/bin/python bench/home_access.py                      # dev set + held-out sets
    .venv/bin/python bench/home_access.py SET.tsv ... [--json OUT] [--show-misses]
    .venv/bin/python bench/home_access.py --speed      # the recognizer alone, MB/s


With no argument it measures tests/data/home_access/dev.tsv and every `*.tsv` under
tests/data/heldout/home_access/. `--show-misses` prints the line number and text of
each missed positive and each false alarm (phrasing sets are written notes, not data
from a share).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from phiscan.quality.phrasings import PhrasingResult, load_phrasings, measure  # noqa: E402

DEFAULT_SETS = [ROOT / "tests" / "data" / "home_access" / "dev.tsv",
                *sorted((ROOT / "tests" / "data" / "heldout" / "home_access").glob("*.tsv"))]


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
    args = parser.parse_args()
    if args.speed:
        speed()
        return
    from phiscan.config import Config
    from phiscan.quality.evaluation import phiscan_predictor

    predict = phiscan_predictor(Config())
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
