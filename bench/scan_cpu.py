"""A whole scan's CPU per file, start-up aside, alternating between code trees.

    .venv/bin/python bench/scan_cpu.py --corpus breach-fhir --files 1000
    .venv/bin/python bench/scan_cpu.py --corpus breach-hl7 --trees /work/main /work/wt-x --runs 3

The seeded `bench/corpus.py` corpus (written once under `--dir`, as `bench/compare.py`
writes it) is scanned by `run_scan(..., full=True)` in a new process (as `bench/compare.py`
runs it: `--workers N`, everything else default), with each tree's code first on
PYTHONPATH, and so is a share of its first file alone (the scan's fixed cost: interpreter,
imports, engine, the workers' fork, one file). With several `--trees` the runs
alternate, so a change in the machine's load touches each tree alike. Printed per tree:
the median CPU seconds (user + system of the scan's whole process tree) of the full scan
and of the one-file scan, and CPU milliseconds per file with the fixed cost taken out
(what a file costs, per core), with the load average around the runs: the machine is
shared, so CPU is the figure to compare. Beside it, `after imports`: the CPU of
`run_scan` alone (its process and workers), the figure `bench/compare.py`'s headline
counts (`phiscan.cpu_seconds`).

Each tree's modules run from bytecode compiled first (`bench/bytecode.py`), as an
installed package's do.

`--same-findings`: each tree's first full scan keeps its inventory, and every location's
status and findings (entity, value hash, span, position, record, field, role, kind,
score, recognizer, mask) are compared between the trees: a change of speed must not
change what is found (exit status 1 if they differ).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bytecode import compile_tree, installed_env  # noqa: E402
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


# Run by each tree's interpreter process: only `run_scan`'s signature is assumed.
SCAN = """
import resource, sys
from phiscan.config import Config
from phiscan.scan.runner import run_scan

def cpu():
    usages = (resource.getrusage(resource.RUSAGE_SELF),
              resource.getrusage(resource.RUSAGE_CHILDREN))
    return sum(usage.ru_utime + usage.ru_stime for usage in usages)

config = Config()
config.scan.workers = int(sys.argv[3])
before = cpu()
run_scan([sys.argv[1]], sys.argv[2], config, full=True)
print(cpu() - before)
"""


def scan_cpu(tree: Path, share: Path, workers: int, keep: Path | None = None
             ) -> tuple[float, float]:
    """CPU seconds of one scan of share as a new process (and its workers): in all, and
    after its imports (`run_scan` alone); `keep`: the output folder to leave the
    inventory in."""
    env = {**installed_env(os.environ), "PYTHONPATH": str(tree), "PHISCAN_HMAC_KEY": KEY}
    with tempfile.TemporaryDirectory() as scratch:
        out = str(keep) if keep is not None else scratch
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        done = subprocess.run([sys.executable, "-c", SCAN, str(share), out, str(workers)],
                              cwd=tree, env=env, check=True, capture_output=True, text=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    whole = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return whole, float(done.stdout.split()[-1])


def inventory_rows(out: Path) -> list[tuple]:
    """Every location's status and findings, in a stable order."""
    with sqlite3.connect(out / "inventory.sqlite") as db:
        statuses = db.execute("SELECT location, status, reason FROM locations").fetchall()
        findings = db.execute(
            "SELECT l.location, f.entity_type, f.value_hash, f.start, f.end, f.position,"
            " f.record, f.field, f.role, f.kind, f.score, f.recognizer, f.masked"
            " FROM findings f JOIN locations l ON l.id = f.location_id").fetchall()
    return sorted(statuses) + sorted(map(repr, findings))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="breach-fhir")
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--trees", nargs="+", default=[str(ROOT)])
    parser.add_argument("--same-findings", action="store_true")
    parser.add_argument("--dir", default=str(Path(tempfile.gettempdir()) / "phiscan-bench"))
    args = parser.parse_args()
    folder = Path(args.dir)
    share = share_of(args.corpus, args.files, folder, args.seed)
    single = one_file_copy(share, folder / f"scan-cpu-{os.getpid()}")
    trees = [Path(tree).resolve() for tree in args.trees]
    for tree in trees:
        compile_tree(tree)
    whole: dict[Path, list[float]] = {tree: [] for tree in trees}
    fixed: dict[Path, list[float]] = {tree: [] for tree in trees}
    run_only: dict[Path, list[float]] = {tree: [] for tree in trees}
    load_before = os.getloadavg()[0]
    kept = {tree: single.parent / f"inventory-{number}" for number, tree in enumerate(trees)}
    rows: dict[Path, list[tuple]] = {}
    try:
        for run in range(args.runs):
            for tree in trees:
                keep = kept[tree] if args.same_findings and run == 0 else None
                scan, after_imports = scan_cpu(tree, share, args.workers, keep)
                whole[tree].append(scan)
                run_only[tree].append(after_imports)
                if keep is not None:
                    rows[tree] = inventory_rows(keep)
                fixed[tree].append(scan_cpu(tree, single, args.workers)[0])
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
              f"{(scan - start) / max(files - 1, 1) * 1000:.2f} CPU ms per file; after imports "
              f"{statistics.median(run_only[tree]):.2f} "
              f"({', '.join(f'{cpu:.2f}' for cpu in run_only[tree])})")
    if rows:
        first = rows[trees[0]]
        differ = [tree for tree in trees[1:] if rows[tree] != first]
        print(f"  inventories: {len(first)} rows (locations and findings) per tree; "
              + ("identical" if not differ else f"DIFFER in {', '.join(map(str, differ))}"))
        if differ:
            sys.exit(1)


if __name__ == "__main__":
    main()
