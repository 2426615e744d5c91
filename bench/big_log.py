"""A long ordinary log through `phiscan scan --workers 1`: time, peak RSS, and the one
NHS number on its last line found (issue #13 item 14: target under a minute for 100 MB).

    .venv/bin/python bench/big_log.py                 # 100 MB of heartbeat lines
    .venv/bin/python bench/big_log.py --mb 21         # the issue's 21 MB log
    .venv/bin/python bench/big_log.py --mixed         # requests, logins, slow queries too

Every line has a timestamp (a date candidate) and none is about a person, so nothing
but the cheap pass should run: windows with no finding never reach spaCy.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NHS_LINE = "2026-11-30 23:59:59,999 WARN exported record NHS number 943 476 5919\n"
HEARTBEAT = "{stamp} INFO heartbeat service=ok\n"
MIXED = [
    HEARTBEAT,
    "{stamp} DEBUG GET /api/v1/items/{number} 200 {small}ms\n",
    "{stamp} INFO User login succeeded for user_id={number} from 10.0.{small}.17\n",
    "{stamp} WARN Slow query took {small} ms on table orders (rows={number})\n",
    "{stamp} ERROR Connection reset by peer; retry {small} of 5\n",
]


def write_log(path: Path, megabytes: float, mixed: bool) -> int:
    """The log (megabytes of 10^6 bytes: 100 stays under the default max_file_bytes),
    NHS line last; its size in bytes."""
    templates = MIXED if mixed else [HEARTBEAT]
    target = int(megabytes * 1_000_000) - len(NHS_LINE)
    chosen = random.Random(13)
    written = second = 0
    with path.open("w", encoding="ascii") as out:
        while written < target:
            lines = []
            for _ in range(10_000):
                stamp = (f"2026-11-30 {second // 3600 % 24:02d}:{second // 60 % 60:02d}:"
                         f"{second % 60:02d}")
                template = templates[chosen.randrange(len(templates))]
                lines.append(template.format(stamp=stamp, number=chosen.randrange(10**7),
                                             small=chosen.randrange(1, 999)))
                second += 1
            block = "".join(lines)
            if written + len(block) > target:  # whole lines only
                block = block[:block.rfind("\n", 0, target - written) + 1]
                written = target
            else:
                written += len(block)
            out.write(block)
        out.write(NHS_LINE)
    return path.stat().st_size


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def scan(share: Path, out: Path) -> tuple[float, int, float]:
    """Wall seconds, peak RSS of the process tree, CPU seconds of the tree (the scan
    and the workers it waited for)."""
    import psutil

    env = {**os.environ, "PHISCAN_HMAC_KEY": "bench-key-not-secret"}
    cpu_before = children_cpu()
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "phiscan", "scan", str(share), "--out", str(out), "--quiet",
         "--workers", "1"], env=env, stdout=subprocess.DEVNULL)
    watched = psutil.Process(process.pid)
    peak = 0
    while process.poll() is None:
        try:
            tree = [watched, *watched.children(recursive=True)]
            peak = max(peak, sum(member.memory_info().rss for member in tree))
        except psutil.Error:
            pass
        time.sleep(0.2)
    elapsed = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"scan exited {process.returncode}")
    return elapsed, peak, children_cpu() - cpu_before


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=100.0)
    parser.add_argument("--mixed", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="phiscan-biglog-") as folder:
        share = Path(folder) / "share"
        share.mkdir()
        size = write_log(share / "service.log", args.mb, args.mixed)
        elapsed, peak, cpu = scan(share, Path(folder) / "out")
        [row] = [json.loads(line) for line in
                 (Path(folder) / "out" / "files.jsonl").read_text().splitlines()]
    print(json.dumps({
        "bytes": size, "lines": "mixed" if args.mixed else "heartbeat",
        "seconds": round(elapsed, 1), "cpu_seconds": round(cpu, 1),
        "mb_per_s": round(size / 1024 / 1024 / elapsed, 2), "peak_rss_mb": peak // 2**20,
        "status": row["status"], "reason": row["reason"], "entities": row["entities"],
        "load_average": os.getloadavg(),
    }, indent=2))


if __name__ == "__main__":
    main()
