"""What keeping each run's state costs, and how fast `phiscan diff` answers (issue #19).

    python bench/diff_history.py [--locations 100000] [--changed 0.1]

Writes --locations scanned files (three findings each, as keyed hashes and masks: no raw
value) as run 1, then rewrites a --changed share of them with new findings as run 2, as
an incremental weekly rescan does; prints the CPU seconds of each run's writes, the rows
the history tables gained and the inventory's size, then runs `phiscan diff DIR` (the
two runs) and `phiscan diff DIR DIR` (two folders) as new processes and prints their CPU
seconds (user + system). Run it at an older commit (before `location_history`) to
compare the writes: it uses only `write_results`.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.cli_latency import location  # noqa: E402
from phiscan.inventory.store import Inventory  # noqa: E402


def write_run(inventory: Inventory, indices: range | list[int], generation: int) -> float:
    """CPU seconds to write one run; `generation` changes the findings' hashes."""
    run_id = inventory.start_run("scan", ["/share"])
    started = time.process_time()
    batch = 5000
    for first in range(0, len(indices), batch):
        results = [location(index, "/share") for index in indices[first:first + batch]]
        for result in results:
            result.findings = [replace(finding, value_hash=f"{finding.value_hash}-{generation}")
                               for finding in result.findings]
        inventory.write_results(run_id, results)
    seconds = time.process_time() - started
    inventory.finish_run(run_id, "completed", {"scanned": len(indices)})
    return seconds


def table_rows(inventory: Inventory, table: str) -> int | None:
    exists = inventory.db.execute("SELECT 1 FROM sqlite_master WHERE name=?", (table,))
    if exists.fetchone() is None:
        return None
    return inventory.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def cli_cpu(*args: str) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-m", "phiscan", *args], check=True,
                   stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--locations", type=int, default=100_000)
    parser.add_argument("--changed", type=float, default=0.1)
    args = parser.parse_args()
    out = Path(tempfile.mkdtemp(prefix="phiscan-bench-diff-")) / "out"
    changed = list(range(0, args.locations, round(1 / args.changed)))
    with Inventory(out) as inventory:
        first = write_run(inventory, range(args.locations), 1)
        second = write_run(inventory, changed, 2)
        rows = {table: table_rows(inventory, table)
                for table in ("location_history", "superseded_findings", "findings")}
    size = sum(path.stat().st_size for path in out.iterdir() if path.name.startswith("inv"))
    print(f"locations {args.locations}, rewritten in run 2: {len(changed)}; "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"run 1 writes: {first:.2f} CPU s; run 2 writes: {second:.2f} CPU s")
    print(f"rows: {rows}; inventory {size / 1e6:.1f} MB")
    if rows["location_history"] is not None:
        print(f"diff DIR (runs 1 and 2): {cli_cpu('diff', str(out), '--format', 'json'):.2f} "
              "CPU s")
        print(f"diff DIR DIR (folders): "
              f"{cli_cpu('diff', str(out), str(out), '--format', 'json'):.2f} CPU s")


if __name__ == "__main__":
    main()
