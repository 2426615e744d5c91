"""Where a pattern recognizer's regex scanning goes, pattern by pattern, and how much of it
any finer choice of where to scan could save at most.

    .venv/bin/python bench/grammar_cost.py /tmp/phiscan-bench/breach-7-600/share --suffix txt
    .venv/bin/python bench/grammar_cost.py SHARE --suffix docx --suffix pdf --suffix rtf
    .venv/bin/python bench/grammar_cost.py SHARE --recognizer PhiscanUkPostcodeRecognizer

The text units phiscan's extractors give for the folder's files (attachments and archive
members included) are scanned as `ContextScoredRecognizer.raw_matches` scans them: each
pattern only where its trigger lets it (the merged line regions of an unanchored trigger,
the starts of an anchored one). Each region (or start) is timed on its own, with
`time.process_time_ns`, over `--rounds` rounds (the fastest round of each pattern kept:
the machine is shared). Per pattern: the units it ran in, its regions, its matches, its
CPU, and the part of that CPU spent in regions that gave no match.

That last figure bounds every prefilter that decides where a pattern runs (a literal every
match must hold, a clause or sentence a match cannot cross, an automaton over the words
the grammar needs): a prefilter can skip at most the regions without a match, and only
then if it is exact. When most of a pattern's time is in regions that do match, only a
faster way of matching there (a different engine, a grammar over words instead of
characters) cuts it.
"""

from __future__ import annotations

import argparse
import collections
import gc
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


@dataclass
class Cost:
    units: int = 0
    regions: int = 0
    matches: int = 0
    empty_regions: int = 0
    rounds: list[tuple[int, int]] = field(default_factory=list)  # (ns all, ns in empty)

    def best(self) -> tuple[int, int]:
        return min(self.rounds) if self.rounds else (0, 0)


def unit_texts(share: Path, suffixes: set[str]) -> list[str]:
    """Every text unit of the folder's files (of those suffixes, if any)."""
    from phiscan.config import LimitsConfig
    from phiscan.extract import ExtractContext, choose_extractor, run_extractor
    from phiscan.model import Child, TextUnit

    def units(name: str, data: bytes) -> list[str]:
        extractor, _reason = choose_extractor(name, data)
        if extractor is None:
            return []
        found = []
        for piece in run_extractor(extractor, data, ExtractContext.for_file(name, LimitsConfig())):
            if isinstance(piece, TextUnit):
                found.append(piece.text)
            elif isinstance(piece, Child) and not (piece.error or piece.skip_reason):
                found += units(Path(piece.name).name, piece.data)
        return found

    texts = []
    for path in sorted(share.rglob("*")):
        if path.is_file() and (not suffixes or path.suffix.lstrip(".").lower() in suffixes):
            texts += units(path.name, path.read_bytes())
    return texts


def recognizer_named(name: str):
    from phiscan.config import Config
    from phiscan.scan.executors import WorkerState

    config = Config()
    config.scan.workers = 1
    state = WorkerState(config, b"grammar-cost-key")
    for recognizer in state.detector.layered.cheap:
        if recognizer.name == name or name in recognizer.supported_entities:
            return recognizer
    raise SystemExit(f"no cheap recognizer named {name}")


def where_to_scan(recognizer, text: str) -> dict[str, tuple[bool, list | None]]:
    """Per pattern: (anchored, its regions or starts; None: everywhere), as `raw_matches`."""
    from recognizers.triggers import starts_within, within

    gate = (recognizer.context_gate.regions(text)
            if recognizer.gated and recognizer.context_gate else None)
    found = {}
    for pattern in recognizer.patterns:
        trigger = recognizer.triggers.get(pattern.name) if recognizer.gated else None
        where = None
        if trigger is not None:
            where = trigger.starts(text) if trigger.anchored else trigger.regions(text)
        anchored = trigger is not None and trigger.anchored and where is not None
        if gate is not None:
            where = starts_within(where, gate) if anchored else within(where, gate)
        found[pattern.name] = (anchored, where)
    return found


def timed_round(recognizer, texts: list[str], plans: list[dict], costs: dict[str, Cost],
                count: bool) -> None:
    from recognizers.base import REGEX_TIMEOUT_SECONDS
    from recognizers.triggers import anchored_scan, scan

    clock = time.process_time_ns
    spent: collections.Counter[str] = collections.Counter()
    empty: collections.Counter[str] = collections.Counter()
    for text, plan in zip(texts, plans, strict=True):
        for pattern in recognizer.patterns:
            anchored, where = plan[pattern.name]
            if where == []:
                continue
            regex = pattern.compiled_regex
            pieces = ([[start] for start in where] if anchored
                      else [None] if where is None else [[region] for region in where])
            cost = costs[pattern.name]
            if count:
                cost.units += 1
            for piece in pieces:
                begun = clock()
                matches = (list(anchored_scan(regex, text, piece, REGEX_TIMEOUT_SECONDS))
                           if anchored else
                           list(scan(regex, text, piece, REGEX_TIMEOUT_SECONDS)))
                took = clock() - begun
                spent[pattern.name] += took
                if not matches:
                    empty[pattern.name] += took
                if count:
                    cost.regions += 1
                    cost.matches += len(matches)
                    cost.empty_regions += not matches
    for name, cost in costs.items():
        cost.rounds.append((spent[name], empty[name]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("share", type=Path)
    parser.add_argument("--suffix", action="append", default=[],
                        help="only files with this suffix (repeatable)")
    parser.add_argument("--recognizer", default="HOME_ACCESS",
                        help="a cheap recognizer's name or entity")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()

    texts = unit_texts(args.share, {suffix.lower() for suffix in args.suffix})
    recognizer = recognizer_named(args.recognizer)
    for text in texts[:5]:  # lazy patterns compiled, vocabularies read
        recognizer.raw_matches(text, recognizer.global_regex_flags)
    gc.freeze()
    begun = time.process_time()
    plans = [where_to_scan(recognizer, text) for text in texts]
    triggers_cpu = time.process_time() - begun
    costs = {pattern.name: Cost() for pattern in recognizer.patterns}
    for round_number in range(args.rounds):
        timed_round(recognizer, texts, plans, costs, count=round_number == 0)
    total = sum(cost.best()[0] for cost in costs.values()) / 1e6
    empty = sum(cost.best()[1] for cost in costs.values()) / 1e6
    print(f"{len(texts)} text units, {sum(map(len, texts)) / max(len(texts), 1):.0f} characters "
          f"each; {recognizer.name}: {len(recognizer.patterns)} patterns")
    print(f"triggers {1000 * triggers_cpu:.1f} ms; scanning {total:.1f} ms "
          f"({1000 * total / max(len(texts), 1):.0f} us a unit), of it in regions without a "
          f"match {empty:.1f} ms ({100 * empty / max(total, 1e-9):.0f}%)")
    print(f"{'ms':>7} {'no-match ms':>11} {'units':>6} {'regions':>8} {'empty':>6} "
          f"{'matches':>7}  pattern")
    ranked = sorted(costs.items(), key=lambda item: -item[1].best()[0])
    for name, cost in ranked[:args.top]:
        spent, in_empty = cost.best()
        print(f"{spent / 1e6:7.1f} {in_empty / 1e6:11.1f} {cost.units:6d} {cost.regions:8d} "
              f"{cost.empty_regions:6d} {cost.matches:7d}  {name}")


if __name__ == "__main__":
    main()
