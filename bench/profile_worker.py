"""Where one worker's time goes: cProfile over a worker's own loop on a folder.

    .venv/bin/python bench/profile_worker.py /tmp/phiscan-bench/breach-hl7-7-300/share
    .venv/bin/python bench/profile_worker.py SHARE --top 30 --sort tottime
    .venv/bin/python bench/profile_worker.py SHARE --by-recognizer

Builds one `WorkerState` (the engine a pool worker builds; its start-up is not
profiled), walks the folder and scans it in batches of `BATCH_SIZE` files exactly
as a pool worker does (`scan_batch`: each file's cheap pass, then one spaCy call
for the batch's names), under cProfile. Prints the CPU seconds per file, the
blocks and calls spaCy got, and the top functions.

`--by-recognizer`: no profiler (it doubles the cost of small calls); the folder is
scanned twice and the second pass's CPU seconds are given in total and per cheap
recognizer, with the worker's start-up (imports, then engine) measured before it.
spaCy's share is what the first pass costs more: the second answers its blocks from
the worker's memory of blocks read.
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def by_recognizer(share: str) -> None:
    started = time.process_time()
    from phiscan.config import Config
    from phiscan.scan.executors import BATCH_SIZE, WorkerState, batches
    from phiscan.sources import open_source

    imported = time.process_time()
    config = Config()
    config.scan.workers = 1
    state = WorkerState(config, b"profile-key")
    built = time.process_time()
    layered = state.detector.layered
    cost: collections.Counter[str] = collections.Counter()
    run_cheap = layered.run_cheap

    def timed(recognizer, text):
        begun = time.process_time()
        try:
            return run_cheap(recognizer, text)
        finally:
            cost[recognizer.name] += time.process_time() - begun

    layered.run_cheap = timed
    uri = str(Path(share).resolve())
    jobs = [(uri, item) for item in open_source(uri, config).walk()]
    passes = []
    for _ in range(2):
        cost.clear()
        begun = time.process_time()
        for batch in batches(iter(jobs), BATCH_SIZE):
            state.scan_batch(batch)
        passes.append(time.process_time() - begun)
    print(f"start-up: imports {imported - started:.2f} CPU s, engine {built - imported:.2f}")
    print(f"{len(jobs)} files: first pass {passes[0]:.2f} CPU s, second {passes[1]:.2f} "
          f"({1000 * passes[1] / len(jobs):.1f} ms per file)")
    print(f"cheap pass {sum(cost.values()):.2f} CPU s of the second:")
    for name, seconds in cost.most_common():
        print(f"  {seconds:7.3f}  {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("share")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--sort", default="cumulative", choices=("cumulative", "tottime"))
    parser.add_argument("--by-recognizer", action="store_true",
                        help="CPU seconds per cheap recognizer, without the profiler")
    args = parser.parse_args()
    if args.by_recognizer:
        by_recognizer(args.share)
        return

    from phiscan.config import Config
    from phiscan.scan.executors import BATCH_SIZE, WorkerState, batches
    from phiscan.sources import open_source

    config = Config()
    config.scan.workers = 1
    state = WorkerState(config, b"profile-key")
    uri = str(Path(args.share).resolve())
    jobs = [(uri, item) for item in open_source(uri, config).walk()]
    profile = cProfile.Profile(time.process_time)  # CPU: the machine is shared
    cpu_started = time.process_time()
    profile.enable()
    for batch in batches(iter(jobs), BATCH_SIZE):
        state.scan_batch(batch)
    profile.disable()
    cpu = time.process_time() - cpu_started
    layered = state.detector.layered
    print(f"{len(jobs)} files, {cpu:.2f} CPU s (profiled), {1000 * cpu / len(jobs):.1f} ms "
          f"per file; spaCy read {layered.blocks_read} blocks in {layered.spacy_calls} calls")
    pstats.Stats(profile).sort_stats(args.sort).print_stats(args.top)


if __name__ == "__main__":
    main()
