"""Where one worker's time goes: cProfile over a worker's own loop on a folder.

    .venv/bin/python bench/profile_worker.py /tmp/phiscan-bench/breach-hl7-7-300/share
    .venv/bin/python bench/profile_worker.py SHARE --top 30 --sort tottime
    .venv/bin/python bench/profile_worker.py SHARE --by-recognizer
    .venv/bin/python bench/profile_worker.py SHARE --by-format
    .venv/bin/python bench/profile_worker.py SHARE --only docx --top 30

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

`--by-format`: no profiler; the files are scanned one format (file name suffix) at a
time, in the worker's batches (the CPU of extractors' helper processes included),
after one file of each format has warmed the worker (lazy patterns compiled), with
the engine left out of garbage collections as in a forked worker, and with its
memory of blocks read emptied. Per format: CPU seconds in all and per file, and how
they split: extraction (the extractors run again on their own, attachments
included), the cheap pass, spaCy (the blocks, their characters and the calls it
got) and the rest (findings: masking, hashing, labels, roles, records,
classification). `--only SUFFIX`: profile that format's files only
(after the same warm-up).
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import gc
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

    def timed(recognizer, text, raw=None):
        begun = time.process_time()
        try:
            return run_cheap(recognizer, text, raw)
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


def suffix(job) -> str:
    name = job[1].location.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[-1].lower() if "." in name else "(none)"


def extraction_cpu(jobs) -> float:
    """CPU seconds the extractors take over these files, attachments included."""
    from bench.compare import document_text

    begun = time.process_time()
    for _uri, item in jobs:
        document_text(Path(item.location).name, Path(item.location).read_bytes())
    return time.process_time() - begun


def children_cpu() -> float:
    """CPU seconds of this process's children, live (an extractor's helper) or reaped."""
    import resource

    import psutil

    reaped = resource.getrusage(resource.RUSAGE_CHILDREN)
    live = 0.0
    for child in psutil.Process().children(recursive=True):
        try:
            times = child.cpu_times()
        except psutil.Error:
            continue
        live += times.user + times.system
    return reaped.ru_utime + reaped.ru_stime + live


def by_format(share: str) -> None:
    from phiscan.config import Config
    from phiscan.detect.tiered import NerMemory
    from phiscan.scan.executors import BATCH_SIZE, WorkerState, batches
    from phiscan.sources import open_source

    config = Config()
    config.scan.workers = 1
    state = WorkerState(config, b"profile-key")
    gc.freeze()  # as a forked worker's inherited engine is (`executors._fork_workers`)
    layered = state.detector.layered
    uri = str(Path(share).resolve())
    groups: dict[str, list] = collections.defaultdict(list)
    for item in open_source(uri, config).walk():
        groups[suffix((uri, item))].append((uri, item))
    state.scan_batch([jobs[0] for jobs in groups.values()])  # warm-up
    layered.ner_memory = NerMemory()
    cheap_cpu = [0.0]
    spacy = {"cpu": 0.0, "chars": 0}
    run_cheap, read, ner_people_in = layered.run_cheap, layered.read, layered.ner_people_in

    def timed_cheap(recognizer, text, raw=None):
        begun = time.process_time()
        try:
            return run_cheap(recognizer, text, raw)
        finally:
            cheap_cpu[0] += time.process_time() - begun

    def timed_read(plans):
        begun = time.process_time()
        try:
            return read(plans)
        finally:
            spacy["cpu"] += time.process_time() - begun

    def counted(pieces):
        spacy["chars"] += sum(len(piece) for piece in pieces)
        return ner_people_in(pieces)

    layered.run_cheap, layered.read, layered.ner_people_in = timed_cheap, timed_read, counted
    print(f"{'format':8} {'files':>5} {'CPU s':>6} {'ms/file':>8} {'extract':>8} {'cheap':>7} "
          f"{'spaCy':>7} {'rest':>7} {'blocks':>7} {'chars':>8} {'calls':>5}  (ms per file)")
    totals = collections.Counter()
    for name, jobs in sorted(groups.items(), key=lambda group: -len(group[1])):
        cheap_cpu[0] = spacy["cpu"] = spacy["chars"] = 0
        blocks, calls = layered.blocks_read, layered.spacy_calls
        begun, helpers = time.process_time(), children_cpu()
        for batch in batches(iter(jobs), BATCH_SIZE):
            state.scan_batch(batch)
        cpu = time.process_time() - begun + children_cpu() - helpers
        extract = extraction_cpu(jobs)
        rest = cpu - extract - cheap_cpu[0] - spacy["cpu"]
        per = 1000 / len(jobs)
        print(f"{name:8} {len(jobs):5d} {cpu:6.2f} {cpu * per:8.1f} {extract * per:8.1f} "
              f"{cheap_cpu[0] * per:7.1f} {spacy['cpu'] * per:7.1f} {rest * per:7.1f} "
              f"{layered.blocks_read - blocks:7d} {spacy['chars']:8d} "
              f"{layered.spacy_calls - calls:5d}")
        totals.update({"files": len(jobs), "cpu": cpu, "extract": extract,
                       "cheap": cheap_cpu[0], "spacy": spacy["cpu"], "rest": rest})
    print(f"{'all':8} {totals['files']:5d} {totals['cpu']:6.2f} CPU s: extraction "
          f"{totals['extract']:.2f}, cheap pass {totals['cheap']:.2f}, spaCy "
          f"{totals['spacy']:.2f}, rest {totals['rest']:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("share")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--sort", default="cumulative", choices=("cumulative", "tottime"))
    parser.add_argument("--by-recognizer", action="store_true",
                        help="CPU seconds per cheap recognizer, without the profiler")
    parser.add_argument("--by-format", action="store_true",
                        help="CPU seconds per file format and stage, without the profiler")
    parser.add_argument("--only", metavar="SUFFIX", help="profile only files with this suffix")
    args = parser.parse_args()
    if args.by_recognizer:
        by_recognizer(args.share)
        return
    if args.by_format:
        by_format(args.share)
        return

    from phiscan.config import Config
    from phiscan.scan.executors import BATCH_SIZE, WorkerState, batches
    from phiscan.sources import open_source

    config = Config()
    config.scan.workers = 1
    state = WorkerState(config, b"profile-key")
    uri = str(Path(args.share).resolve())
    jobs = [(uri, item) for item in open_source(uri, config).walk()]
    if args.only:  # after one file of each format has warmed the worker (lazy patterns)
        state.scan_batch(list({suffix(job): job for job in jobs}.values()))
        state.detector.layered.ner_memory.results.clear()
        jobs = [job for job in jobs if suffix(job) == args.only.lower().lstrip(".")]
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
