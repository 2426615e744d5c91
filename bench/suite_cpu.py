"""Sum `tests/suite_cpu.py`'s per-test lines (PHISCAN_TEST_CPU=FILE) per test file.

`python bench/suite_cpu.py FILE [FILE2]`: per file, tests, CPU seconds (pytest's own plus
its waited-for children's) and phiscan starts, costliest first; with FILE2 (the same suite
after a change) both columns and the difference, and the totals of each.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path


def per_file(path: Path) -> dict[str, list[float]]:
    """file -> [tests, CPU seconds, phiscan starts]."""
    files: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0])
    for line in path.read_text().splitlines():
        node, own, children, starts = line.split("\t")
        row = files[node.split("::")[0].removeprefix("tests/")]
        row[0] += 1
        row[1] += float(own) + float(children)
        row[2] += int(starts)
    return files


def main(paths: list[str]) -> None:
    runs = [per_file(Path(path)) for path in paths]
    names = sorted(set().union(*runs), key=lambda name: -runs[0].get(name, [0, 0, 0])[1])
    heading = "| file | tests | CPU s | starts |" + (" after CPU s | starts | diff |"
                                                   if len(runs) > 1 else "")
    print(heading)
    print("|" + "---|" * (heading.count("|") - 1))
    for name in names:
        cells = [name, *(f"{v:.1f}" if i == 1 else str(int(v))
                         for i, v in enumerate(runs[0].get(name, [0, 0, 0])))]
        if len(runs) > 1:
            after = runs[1].get(name, [0, 0, 0])
            cells += [f"{after[1]:.1f}", str(int(after[2])),
                      f"{after[1] - runs[0].get(name, [0, 0, 0])[1]:+.1f}"]
        print("| " + " | ".join(cells) + " |")
    for path, run in zip(paths, runs, strict=True):
        print(f"{path}: {sum(r[0] for r in run.values()):.0f} tests, "
              f"{sum(r[1] for r in run.values()):.1f} CPU s, "
              f"{sum(r[2] for r in run.values()):.0f} phiscan starts")


if __name__ == "__main__":
    main(sys.argv[1:])
