"""The fastest spaCy batch size, in characters, for the blocks a worker sends to NER.

    .venv/bin/python bench/ner_batch.py --corpus breach --files 400
    .venv/bin/python bench/ner_batch.py --corpus mixed --files 1000 --sizes 1000 4000 16000

Generates the corpus (bench/corpus.py), runs the cheap pass over every file as a
worker does and keeps the blocks each worker batch (`BATCH_SIZE` files) hands to
spaCy, then times `TieredAnalyzer.ner_people_in` over those batches with each
`batch_chars` (CPU seconds, best of `--repeat`, the sizes interleaved so that a
drift of the shared machine touches all of them). The NER memory is not used here:
every block is read by spaCy each time.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import CORPORA, write_corpus  # noqa: E402

ONE_BATCH = 10**9


def worker_batches(root: Path, analyzer, files: list[str]) -> list[list[str]]:
    """For each batch of BATCH_SIZE files, the text of every block NER reads."""
    from phiscan.config import LimitsConfig
    from phiscan.extract import ExtractContext, choose_extractor, run_extractor
    from phiscan.model import Child, TextUnit
    from phiscan.scan.executors import BATCH_SIZE

    def units(name: str, data: bytes):
        extractor, _reason = choose_extractor(name, data)
        if extractor is None:
            return
        for piece in run_extractor(extractor, data, ExtractContext.for_file(name,
                                                                            LimitsConfig())):
            if isinstance(piece, TextUnit):
                yield piece
            elif isinstance(piece, Child) and not (piece.error or piece.skip_reason):
                yield from units(Path(piece.name).name, piece.data)

    batches = []
    for first in range(0, len(files), BATCH_SIZE):
        blocks = []
        for name in files[first:first + BATCH_SIZE]:
            path = Path(name)
            for unit in units(path.name, path.read_bytes()):
                plan = analyzer.plan(unit)
                blocks += [unit.text[block.start:block.end] for block in plan.blocks]
        batches.append(blocks)
    return batches


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="breach")
    parser.add_argument("--files", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--sizes", type=int, nargs="+",
                        default=[250, 1000, 2000, 4000, 8000, 16000, ONE_BATCH])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dir", default="/tmp/phiscan-bench")
    args = parser.parse_args()

    from phiscan.config import Config
    from phiscan.detect.detector import Detector

    base = Path(args.dir) / f"{args.corpus}-{args.seed}-{args.files}"
    if not (base / "share.truth.json").exists():
        write_corpus(args.corpus, base / "share", args.seed, args.files)
    files = sorted(json.loads((base / "share.truth.json").read_text()))
    analyzer = Detector(Config(), b"bench-key").layered
    batches = worker_batches(base / "share", analyzer, files)
    blocks = sum(len(batch) for batch in batches)
    chars = sum(len(block) for batch in batches for block in batch)
    seconds: dict[int, list[float]] = {size: [] for size in args.sizes}
    for _ in range(args.repeat):
        for size in args.sizes:
            analyzer.batch_chars = size
            started = time.process_time()
            for batch in batches:
                for _people in analyzer.ner_people_in(batch):
                    pass
            seconds[size].append(time.process_time() - started)
    print(json.dumps({
        "corpus": args.corpus, "files": len(files), "worker_batches": len(batches),
        "blocks": blocks, "chars": chars, "repeat": args.repeat,
        "cpu_seconds_best": {("one batch" if size == ONE_BATCH else str(size)):
                             round(min(times), 3) for size, times in seconds.items()},
        "cpu_seconds_each_run": {str(size): [round(t, 3) for t in times]
                                 for size, times in seconds.items()},
    }, indent=2))


if __name__ == "__main__":
    main()
