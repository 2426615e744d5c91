"""Where one worker's time goes: cProfile over a worker's own loop on a folder.

    .venv/bin/python bench/profile_worker.py /tmp/phiscan-bench/breach-hl7-7-300/share
    .venv/bin/python bench/profile_worker.py SHARE --top 30 --sort tottime

Builds one `WorkerState` (the engine a pool worker builds; its start-up is not
profiled), walks the folder and scans it in batches of `BATCH_SIZE` files exactly
as a pool worker does (`scan_batch`: each file's cheap pass, then one spaCy call
for the batch's names), under cProfile. Prints the CPU seconds per file, the
blocks and calls spaCy got, and the top functions.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("share")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--sort", default="cumulative", choices=("cumulative", "tottime"))
    args = parser.parse_args()

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
