"""What a scan costs before its first result: `phiscan scan` over a share of one file.

    .venv/bin/python bench/startup.py
    .venv/bin/python bench/startup.py --trees /work/main /work/wt-startup --runs 5
    .venv/bin/python bench/startup.py --corpus breach-hl7 --workers 2

Each tree's modules run from bytecode compiled first (`bench/bytecode.py`), as an
installed package's do.

For each corpus, a share holding its first file (the seeded `bench/corpus.py` corpus,
so the same file every time) is scanned by `python -m phiscan scan SHARE --out OUT
--workers N` as a new process, with each tree's code first on PYTHONPATH; with several
`--trees` the runs alternate between them, so a change in the machine's load touches
each tree alike. A one-file scan is the start-up (interpreter, imports, spaCy model,
recognizers, vocabularies, the fork of the workers) and one file's scan, which costs a
few CPU milliseconds. Printed per tree, corpus and worker count: the median CPU seconds
of the scan's whole process tree (user + system of the process and its workers), the
median wall seconds, and the load average before the runs: the machine is shared, so
CPU seconds are the figure to compare.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bytecode import compile_tree, installed_env  # noqa: E402
from bench.corpus import CORPORA  # noqa: E402

DEFAULT_CORPORA = ("breach-hl7", "mixed", "breach")


def one_file_share(kind: str, folder: Path, seed: int) -> Path:
    share = folder / kind
    first = next(iter(CORPORA[kind](seed, 1)))
    path = share / first.path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(first.data)
    return share


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def scan_once(tree: str, share: Path, out: Path, workers: int) -> tuple[float, float]:
    """(CPU s, wall s) of one `phiscan scan` process and its workers."""
    environment = {**installed_env(os.environ), "PYTHONPATH": tree}
    command = [sys.executable, "-m", "phiscan", "scan", str(share), "--out", str(out),
               "--workers", str(workers)]
    cpu_before, started = children_cpu(), time.perf_counter()
    subprocess.run(command, env=environment, check=True, cwd=tree,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return children_cpu() - cpu_before, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--trees", nargs="+", default=[str(ROOT)],
                        help="source trees to compare (each put first on PYTHONPATH)")
    parser.add_argument("--corpus", nargs="+", default=list(DEFAULT_CORPORA),
                        choices=sorted(CORPORA))
    parser.add_argument("--workers", nargs="+", type=int, default=[1, 2])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    for tree in args.trees:
        compile_tree(Path(tree))
    with tempfile.TemporaryDirectory(prefix="phiscan-startup-") as temporary:
        folder = Path(temporary)
        for kind in args.corpus:
            share = one_file_share(kind, folder / "shares", args.seed)
            for workers in args.workers:
                load = os.getloadavg()[0]
                cpu: dict[str, list[float]] = {tree: [] for tree in args.trees}
                wall: dict[str, list[float]] = {tree: [] for tree in args.trees}
                for run in range(args.runs):
                    for number, tree in enumerate(args.trees):
                        # A new folder for every scan: into an earlier one's, the file
                        # is unchanged and is not scanned again.
                        out = folder / f"out-{kind}-{workers}-{run}-{number}"
                        seconds = scan_once(tree, share, out, workers)
                        cpu[tree].append(seconds[0])
                        wall[tree].append(seconds[1])
                for tree in args.trees:
                    print(f"{kind:12s} workers {workers}  {tree}: "
                          f"{statistics.median(cpu[tree]):.2f} CPU s "
                          f"(runs {', '.join(f'{s:.2f}' for s in cpu[tree])}), "
                          f"{statistics.median(wall[tree]):.2f} s wall, load {load:.1f}")


if __name__ == "__main__":
    main()
