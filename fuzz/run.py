"""Long, randomised fuzzing of the extractors and the detection entry point.

    .venv/bin/python -m fuzz.run --minutes 10               # extractors
    .venv/bin/python -m fuzz.run --minutes 10 --target detect

Runs hypothesis in rounds of `--examples` with fresh seeds until the time is up.
Each example runs under the per-file limits (`phiscan.scan.limits`): a hang or a
memory blow-up is reported as a failure like any unexpected exception, and
hypothesis shrinks it to a small reproducer. Exit status 1 if anything failed.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from functools import cache

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from fuzz.targets import documents, extract_everything, fuzz_limits, seed_documents
from phiscan.scan.limits import FileTimeout, deadline, memory_allowance

EXAMPLE_SECONDS = 10.0
EXAMPLE_MEMORY_MB = 1024


def bounded(call) -> None:
    """One example under a wall-clock and a memory limit, failures as assertions."""
    try:
        with deadline(EXAMPLE_SECONDS), memory_allowance(EXAMPLE_MEMORY_MB):
            call()
    except FileTimeout:
        raise AssertionError(f"hang: over {EXAMPLE_SECONDS} s") from None
    except MemoryError:
        raise AssertionError(f"memory: over {EXAMPLE_MEMORY_MB} MB") from None


def extractor_round(examples: int, round_seed: int) -> None:
    seeds = seed_documents()
    limits = fuzz_limits()

    @seed(round_seed)
    @settings(max_examples=examples, deadline=None, database=None, print_blob=True,
              suppress_health_check=list(HealthCheck))
    @given(documents(seeds))
    def fuzz_extractors(document: tuple[str, bytes]) -> None:
        name, data = document
        bounded(lambda: extract_everything(name, data, limits))

    fuzz_extractors()


def detection_round(examples: int, round_seed: int) -> None:
    from phiscan.model import TextUnit

    detector = shared_detector()

    @seed(round_seed)
    @settings(max_examples=examples, deadline=None, database=None, print_blob=True,
              suppress_health_check=list(HealthCheck))
    @given(st.text(max_size=5000))
    def fuzz_detection(text: str) -> None:
        unit = TextUnit(text=f"{text}\nNHS number: 943 476 5919\n")

        def check() -> None:
            findings = detector.detect_unit(unit)
            assert any(f.entity_type == "UK_NHS" for f in findings), "identifier lost"
            assert all("9434765919" not in f.masked.replace(" ", "") for f in findings)

        bounded(check)

    fuzz_detection()


@cache
def shared_detector():
    """One engine for every round (loading spaCy is the slow part)."""
    from phiscan.config import Config
    from phiscan.detect.detector import Detector

    return Detector(Config(), b"fuzz-key")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--examples", type=int, default=500, help="examples per round")
    parser.add_argument("--target", choices=("extract", "detect"), default="extract")
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args(argv)
    rounds = random.Random(args.seed)
    run_round = extractor_round if args.target == "extract" else detection_round
    end = time.monotonic() + args.minutes * 60
    done = failures = 0
    while time.monotonic() < end:
        round_seed = rounds.randrange(2**32)
        try:
            run_round(args.examples, round_seed)
        except Exception as exc:  # hypothesis has printed the shrunk example
            failures += 1
            print(f"round seed {round_seed}: FAILED ({type(exc).__name__})", flush=True)
        done += 1
        print(f"round {done} (seed {round_seed}): {args.examples} examples", flush=True)
    print(f"{args.target}: {done} rounds, {done * args.examples} examples, "
          f"{failures} failing rounds")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
