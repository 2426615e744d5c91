"""Peak RSS of a whole `phiscan scan` (main process and workers) on a large tree.

    .venv/bin/python bench/walk.py --files 100000          # builds /tmp/phiscan-walk
    .venv/bin/python bench/rss.py /tmp/phiscan-walk --workers 2

Also the peak of the processes' summed proportional set size (PSS: a page shared by
n processes counts 1/n in each), the memory the scan really holds: forked workers
share the engine their parent built, and the summed RSS counts it in every process.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("tree")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    import psutil

    out = tempfile.mkdtemp(prefix="phiscan-rss-")
    env = {**os.environ, "PHISCAN_HMAC_KEY": "phiscan-bench-rss-key"}
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "phiscan", "scan", args.tree, "--out", out, "--quiet",
         "--workers", str(args.workers)], env=env, stdout=subprocess.DEVNULL)
    watched = psutil.Process(process.pid)
    peak = samples = 0
    main_peak = pss_peak = 0
    while process.poll() is None:
        try:
            main_rss = watched.memory_info().rss
            tree = sum(child.memory_info().rss for child in watched.children(recursive=True))
            peak, main_peak = max(peak, main_rss + tree), max(main_peak, main_rss)
            pss_peak = max(pss_peak, sum(p.memory_full_info().pss for p in
                                         [watched, *watched.children(recursive=True)]))
            samples += 1
        except psutil.Error:
            pass
        time.sleep(0.2)
    seconds = time.perf_counter() - started
    with open(os.path.join(out, "summary.json")) as handle:
        locations = __import__("json").load(handle)["locations"]
    shutil.rmtree(out)
    print(f"{locations} locations in {seconds:.0f} s ({locations / seconds:.0f}/s), peak RSS "
          f"{peak / 1e6:.0f} MB (main process {main_peak / 1e6:.0f} MB), peak PSS "
          f"{pss_peak / 1e6:.0f} MB, exit "
          f"{process.returncode}, load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
