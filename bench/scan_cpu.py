"""A whole scan's CPU per file, start-up aside, alternating between code trees.

    .venv/bin/python bench/scan_cpu.py --corpus breach-fhir --files 1000
    .venv/bin/python bench/scan_cpu.py --corpus breach-hl7 --trees /work/main /work/wt-x --runs 3

The seeded `bench/corpus.py` corpus (written once under `--dir`, as `bench/compare.py`
writes it) is scanned by `python -m phiscan scan SHARE --out OUT --workers N --full` as
a new process, with each tree's code first on PYTHONPATH, and so is a share of its first
file alone (the scan's fixed cost: interpreter, imports, engine, the workers' fork, one
file). With several `--trees` the runs alternate, so a change in the machine's load
touches each tree alike. Printed per tree: the median CPU seconds (user + system of the
scan's whole process tree) of the full scan and of the one-file scan, and CPU
milliseconds per file with the fixed cost taken out (what a file costs, per core), with
the load average around the runs: the machine is shared, so CPU is the figure to compare.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import write_corpus  # noqa: E402

KEY = "scan-cpu-bench-key-0123456789abcdef"


def share_of(kind: str, files: int, folder: Path, seed: int) -> Path:
    share = folder / f"{kind}-{seed}-{files}" / "share"
    if not share.exists():
        write_corpus(kind, share, seed, files)
    return share


def one_file_copy(share: Path, folder: Path) -> Path:
    first = min(path for path in share.rglob("*") if path.is_file())
    single = folder / "one-file"
    shutil.rmtree(single, ignore_errors=True)
    target = single / first.relative_to(share)
    target.parent.mkdir(parents=True)
    shutil.copy2(first, target)
    return single


def scan_cpu(tree: Path, share: Path, workers: int) -> float:
    """CPU seconds of one `phiscan scan` of share as a new process (and its workers)."""
    env = {**os.environ, "PYTHONPATH": str(tree), "PHISCAN_HMAC_KEY": KEY}
    with tempfile.TemporaryDirectory() as out:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, "-m", "phiscan", "scan", str(share), "--out", out,
                        "--workers", str(workers), "--full", "-q"],
                       cwd=tree, env=env, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="breach-fhir")
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--trees", nargs="+", default=[str(ROOT)])
    parser.add_argument("--dir", default=str(Path(tempfile.gettempdir()) / "phiscan-bench"))
    args = parser.parse_args()
    folder = Path(args.dir)
    share = share_of(args.corpus, args.files, folder, args.seed)
    single = one_file_copy(share, folder / f"scan-cpu-{os.getpid()}")
    trees = [Path(tree).resolve() for tree in args.trees]
    whole: dict[Path, list[float]] = {tree: [] for tree in trees}
    fixed: dict[Path, list[float]] = {tree: [] for tree in trees}
    load_before = os.getloadavg()[0]
    try:
        for _ in range(args.runs):
            for tree in trees:
                whole[tree].append(scan_cpu(tree, share, args.workers))
                fixed[tree].append(scan_cpu(tree, single, args.workers))
    finally:
        shutil.rmtree(single.parent, ignore_errors=True)
    load_after = os.getloadavg()[0]
    files = sum(1 for path in share.rglob("*") if path.is_file())
    print(f"{args.corpus}, {files} files, {args.workers} workers, {args.runs} runs, "
          f"load {load_before:.1f} -> {load_after:.1f}")
    for tree in trees:
        scan, start = statistics.median(whole[tree]), statistics.median(fixed[tree])
        runs = ", ".join(f"{cpu:.2f}" for cpu in whole[tree])
        print(f"  {tree}: scan {scan:.2f} CPU s ({runs}), one-file scan {start:.2f}, "
              f"{(scan - start) / max(files - 1, 1) * 1000:.2f} CPU ms per file")


if __name__ == "__main__":
    main()
