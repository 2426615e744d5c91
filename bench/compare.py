"""phiscan against plain Presidio on the same seeded corpus, in one run.

    .venv/bin/python bench/compare.py --corpus mixed --files 2000
    .venv/bin/python bench/compare.py --corpus text --files 200
    .venv/bin/python bench/compare.py --corpus breach --files 600
    .venv/bin/python bench/compare.py --corpus breach-hl7 --files 300
    .venv/bin/python bench/compare.py --corpus breach-csv --files 1000 --patients 20000

Precision and recall are given over all evaluated types and per type
(`per_type`), for both engines on the same files. An e-mail's attachments are
part of its file: Presidio reads their extracted text with the message's, and
phiscan's findings in them count for the message.

Each engine runs in its own process; this process samples the RSS of that
process tree (phiscan's workers included). Plain Presidio is the stock
AnalyzerEngine with the same spaCy model package, loaded explicitly (no
download), over the same extracted text (phiscan's extractors, timed as part of
its run), at the same 0.5 reporting threshold. Because it is about two orders of
magnitude slower, Presidio runs on every k-th file (`--presidio-every`); rates
are per file and per MB, and precision/recall are given for both on exactly
those files, and for phiscan on all of them.

Start-up: `files_per_s` counts part of it for phiscan (its engine build, spaCy model
and workers inside its timed run; its imports, spaCy's and Presidio's included, before
it) and none for Presidio (its imports and engine build come before the clock), as the
headline ratio always has. An engine process imports only what its engine needs: the
corpus generators (`bench/corpus.py`: spaCy, Presidio and every format's writer, about
1.2-1.7 CPU s) are imported by the benchmark's own process alone, never before either
engine's clock nor into either start-up. Both are also given on equal
terms: `ratios.both_with_startup` sets phiscan's whole run against Presidio's
start-up plus its per-file time projected to every file; `ratios.both_without_startup`
sets phiscan's rate after its first result against Presidio's per-file rate.
`files_per_cpu_s` counts CPU time instead of wall time (phiscan: its process and
its reaped worker processes, start-up included; Presidio: its timed loop), so a
busy machine, which slows two workers more than one process, moves it less.
`ratios.files_per_cpu_s` is the headline per core: phiscan's start-up counted,
Presidio's not.

Per core on equal terms (`per_core_equal_terms`, CPU seconds): phiscan's fixed cost
is measured in every run as the same engine process over a share holding only the
corpus's first file in name order (`phiscan_fixed_cpu_s`: its imports, engine build, workers and
exports). `without_startup` sets phiscan's CPU per file with that fixed cost taken
out ((run - one-file run) / (files - 1)) against Presidio's CPU per file in its
timed loop; `with_startup` counts both start-ups: phiscan's whole process tree,
imports included, against Presidio's import and engine build (the CPU its process
spent before the first file) plus its per-file CPU for every file.

Bytecode: both engine processes read phiscan's modules from bytecode compiled before the
clock starts (`bench/bytecode.py`), as an installed package does, also where
PYTHONDONTWRITEBYTECODE is set.

Noise: on a small virtual machine either engine's rate moves by a third from
one run to the next (Presidio's CPU time for the same 100 files measured 3.5 to
5.8 s back to back). Each engine therefore runs `--repeat` times (default 3),
alternating so that a drift of the machine touches both, and the rates are the
medians; `files_per_s_each_run` and `ratio_files_per_s_each_run` show the spread.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bytecode import compile_tree, installed_env  # noqa: E402

if TYPE_CHECKING:
    from bench.corpus import Truth

BENCH_KEY = "phiscan-bench-key"
EVALUATED = ("UK_NHS", "PERSON", "EMAIL_ADDRESS")
THRESHOLD = 0.5


def keyed(entity: str, value: str) -> str:
    from phiscan.detect.entities import normalise
    from phiscan.security.keys import keyed_hash

    return keyed_hash(BENCH_KEY.encode(), entity, normalise(entity, value))


def extracted_text(path: Path) -> str:
    return document_text(path.name, path.read_bytes())


def document_text(name: str, data: bytes) -> str:
    """The text phiscan's extractors give, attachments and archive members included."""
    from phiscan.config import LimitsConfig
    from phiscan.extract import ExtractContext, choose_extractor, run_extractor
    from phiscan.model import Child, TextUnit

    extractor, _reason = choose_extractor(name, data)
    if extractor is None:
        return ""
    texts = []
    for piece in run_extractor(extractor, data, ExtractContext.for_file(name, LimitsConfig())):
        if isinstance(piece, TextUnit):
            texts.append(piece.text)
        elif isinstance(piece, Child) and not (piece.error or piece.skip_reason):
            texts.append(document_text(Path(piece.name).name, piece.data))
    return "\n".join(texts)


# Engines (each runs in a child process: `compare.py --engine NAME ...`)
def run_presidio(files: list[str], results_path: Path) -> None:
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    from phiscan.config import DEFAULT_MODEL
    from phiscan.detect.engine import OfflineEmailRecognizer
    from phiscan.detect.lazy_imports import import_every_recognizer

    import_every_recognizer()  # stock Presidio finds its recognizers among those imported
    provider = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": DEFAULT_MODEL}]})
    startup_started = time.perf_counter()
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
    # The stock e-mail recognizer would fetch the public-suffix list: the same check
    # against tldextract's bundled list, so the baseline never touches the network.
    analyzer.registry.remove_recognizer("EmailRecognizer")
    analyzer.registry.add_recognizer(OfflineEmailRecognizer())
    startup = time.perf_counter() - startup_started
    found: dict[str, list[tuple[str, str]]] = {}
    text_chars = 0
    started = time.perf_counter()
    cpu_started = time.process_time()  # this process so far: imports and the engine build
    for name in files:
        text = extracted_text(Path(name))
        text_chars += len(text)
        results = analyzer.analyze(text, language="en", score_threshold=THRESHOLD)
        found[name] = [(r.entity_type, keyed(r.entity_type, text[r.start:r.end]))
                       for r in results if r.entity_type in EVALUATED]
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    results_path.write_text(json.dumps({"seconds": seconds, "cpu_seconds": cpu_seconds,
                                        "startup_seconds": startup,
                                        "startup_cpu_seconds": cpu_started,
                                        "text_chars": text_chars, "found": found}))


def run_phiscan(root: str, out: str, workers: int, results_path: Path) -> None:
    import sqlite3

    from phiscan.config import Config
    from phiscan.model import MEMBER_SEP
    from phiscan.scan.runner import run_scan

    config = Config()
    config.scan.workers = workers
    first_result: list[tuple[float, int]] = []

    def on_progress(progress) -> None:
        if not first_result:
            first_result.append((time.perf_counter() - started, progress.files_done))

    cpu_before = process_tree_cpu_seconds()
    started = time.perf_counter()
    run_scan([root], out, config, on_progress=on_progress, full=True)
    seconds = time.perf_counter() - started
    cpu_seconds = process_tree_cpu_seconds() - cpu_before
    found: dict[str, list[tuple[str, str]]] = {}
    with sqlite3.connect(Path(out) / "inventory.sqlite") as db:
        for location, entity, value_hash in db.execute(
                "SELECT l.location, f.entity_type, f.value_hash FROM findings f"
                " JOIN locations l ON l.id=f.location_id"):
            if entity in EVALUATED:  # an attachment's findings count for its message
                top = location.split(MEMBER_SEP, 1)[0]
                found.setdefault(top, []).append((entity, value_hash))
    results_path.write_text(json.dumps({"seconds": seconds, "cpu_seconds": cpu_seconds,
                                        "import_cpu_seconds": cpu_before,
                                        "first_result": first_result[0],
                                        "found": found}))


def process_tree_cpu_seconds() -> float:
    """This process and its reaped children (the scan's workers, once the pool is shut down)."""
    import resource

    usages = (resource.getrusage(resource.RUSAGE_SELF),
              resource.getrusage(resource.RUSAGE_CHILDREN))
    return sum(usage.ru_utime + usage.ru_stime for usage in usages)


# Measurement
def run_child(args: list[str]) -> float:
    """Run an engine process; return its peak RSS in MB (the process and its children)."""
    import psutil

    env = {**installed_env(os.environ), "PHISCAN_HMAC_KEY": BENCH_KEY, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, __file__, *args], env=env)
    watched = psutil.Process(process.pid)
    peak = 0
    while process.poll() is None:
        try:
            tree = [watched, *watched.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.1)
    if process.returncode:
        raise SystemExit(f"engine process failed: {args[:2]}")
    return peak / 1e6


def precision_recall(truth: dict[str, Truth], found: dict[str, list], files: list[str],
                     entity_type: str | None = None) -> tuple[float, float]:
    """Over the distinct (type, value) pairs of each file; one type, or all evaluated."""
    def wanted(entity: str) -> bool:
        return entity_type is None or entity == entity_type

    true_positives = false_positives = false_negatives = 0
    for name in files:
        expected = {(entity, keyed(entity, value)) for entity, value in truth[name]
                    if wanted(entity)}
        got = {tuple(pair) for pair in found.get(name, []) if wanted(pair[0])}
        true_positives += len(expected & got)
        false_positives += len(got - expected)
        false_negatives += len(expected - got)
    precision = true_positives / max(true_positives + false_positives, 1)
    recall = true_positives / max(true_positives + false_negatives, 1)
    return round(precision, 3), round(recall, 3)


def per_type(truth: dict[str, Truth], phiscan: dict, presidio: dict, sample: list[str]
             ) -> dict[str, dict[str, tuple[float, float]]]:
    """Precision and recall per evaluated type, both engines on the sampled files."""
    return {entity: {"phiscan": precision_recall(truth, phiscan, sample, entity),
                     "presidio": precision_recall(truth, presidio, sample, entity)}
            for entity in EVALUATED}


def one_file_share(root: Path, first: str, base: Path) -> Path:
    """A share holding only the corpus's first file, where it lies in the corpus."""
    share = base / "one-file"
    copy = share / Path(first).relative_to(root)
    if not copy.exists():
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(Path(first).read_bytes())
    return share


def run_engines(root: Path, base: Path, workers: int, one_file: Path) -> dict:
    """One run of each engine, phiscan first (then on the one-file share, for its fixed
    cost); their results and peak RSS."""
    run_child(["--engine", "phiscan", str(one_file), str(base / "out-one-file"),
               str(workers), str(base / "phiscan-one-file.json")])
    phiscan_rss = run_child(["--engine", "phiscan", str(root), str(base / "out"),
                             str(workers), str(base / "phiscan.json")])
    presidio_rss = run_child(["--engine", "presidio", str(base / "sample.json"),
                              str(base / "presidio.json")])
    return {"phiscan": json.loads((base / "phiscan.json").read_text()),
            "phiscan_one_file": json.loads((base / "phiscan-one-file.json").read_text()),
            "presidio": json.loads((base / "presidio.json").read_text()),
            "phiscan_rss": phiscan_rss, "presidio_rss": presidio_rss}


def run_rates(run: dict, files: int, sample: int, all_chars: int) -> dict[str, float]:
    phiscan, presidio = run["phiscan"], run["presidio"]
    first_seconds, first_files = phiscan["first_result"]
    p_files = files / phiscan["seconds"]
    s_files = sample / presidio["seconds"]
    return {
        "p_files": p_files, "p_mb": all_chars / 1e6 / phiscan["seconds"],
        "p_first": first_seconds,
        "p_after_first": (files - first_files) / (phiscan["seconds"] - first_seconds),
        "p_cpu": phiscan["cpu_seconds"], "p_seconds": phiscan["seconds"],
        "s_files": s_files, "s_mb": presidio["text_chars"] / 1e6 / presidio["seconds"],
        "s_startup": presidio["startup_seconds"], "s_cpu": presidio["cpu_seconds"],
        "s_seconds": presidio["seconds"],
        "s_projected": files / (presidio["startup_seconds"] + files / s_files),
        "ratio": p_files / s_files,
        **equal_terms(run, files, sample),
    }


def equal_terms(run: dict, files: int, sample: int) -> dict[str, float]:
    """CPU per file, per core, with and without each engine's start-up (see the module's
    docstring)."""
    phiscan, presidio, one_file = run["phiscan"], run["presidio"], run["phiscan_one_file"]
    p_per_file = (phiscan["cpu_seconds"] - one_file["cpu_seconds"]) / max(files - 1, 1)
    s_per_file = presidio["cpu_seconds"] / sample
    p_whole = phiscan["cpu_seconds"] + phiscan["import_cpu_seconds"]
    s_whole = presidio["startup_cpu_seconds"] + files * s_per_file
    return {"p_fixed_cpu": one_file["cpu_seconds"] + one_file["import_cpu_seconds"],
            "p_cpu_per_file": p_per_file, "s_cpu_per_file": s_per_file,
            "s_startup_cpu": presidio["startup_cpu_seconds"],
            "p_cpu_with_startup": p_whole, "s_cpu_with_startup": s_whole,
            "ratio_cpu_without_startup": s_per_file / p_per_file,
            "ratio_cpu_with_startup": s_whole / p_whole}


def benchmark(args: argparse.Namespace) -> None:
    from bench.corpus import write_corpus

    population = "" if args.patients is None else f"-p{args.patients}"
    base = Path(args.dir) / f"{args.corpus}-{args.seed}-{args.files}{population}"
    root = base / "share"
    truth_file = base / "share.truth.json"
    if not truth_file.exists():
        print(f"generating {args.files} {args.corpus} files in {root} ...", flush=True)
        write_corpus(args.corpus, root, args.seed, args.files, args.patients)
    truth: dict[str, Truth] = json.loads(truth_file.read_text())
    files = sorted(truth)
    sample = files[::args.presidio_every]
    (base / "sample.json").write_text(json.dumps(sample))
    all_chars = sum(len(extracted_text(Path(name))) for name in files)
    load_before = os.getloadavg()
    one_file = one_file_share(root, files[0], base)
    runs = [run_engines(root, base, args.workers, one_file) for _ in range(args.repeat)]
    load_after = os.getloadavg()
    for run in runs[1:]:  # both engines are deterministic: every run finds the same
        for engine in ("phiscan", "presidio"):
            if run[engine]["found"] != runs[0][engine]["found"]:
                raise SystemExit(f"{engine} found different values in a repeated run")
    rates = [run_rates(run, len(files), len(sample), all_chars) for run in runs]

    def median(key: str) -> float:
        return statistics.median(rate[key] for rate in rates)

    p_files, s_files, p_mb, s_mb = (median(key) for key in ("p_files", "s_files", "p_mb",
                                                            "s_mb"))
    phiscan, presidio = runs[0]["phiscan"], runs[0]["presidio"]
    report = {
        "corpus": args.corpus, "patients": args.patients, "files": len(files),
        "text_mb": round(all_chars / 1e6, 2),
        "presidio_files": len(sample), "workers": args.workers, "runs": args.repeat,
        "load_average_before_after": [round(load_before[0], 2), round(load_after[0], 2)],
        "phiscan": {"seconds": round(median("p_seconds"), 1), "files_per_s": round(p_files, 2),
                    "files_per_s_each_run": [round(rate["p_files"], 1) for rate in rates],
                    "first_result_seconds": round(median("p_first"), 2),
                    "files_per_s_after_first_result": round(median("p_after_first"), 2),
                    "cpu_seconds": round(median("p_cpu"), 1),
                    "files_per_cpu_s": round(len(files) / median("p_cpu"), 2),
                    "mb_per_s": round(p_mb, 4),
                    "peak_rss_mb": round(max(run["phiscan_rss"] for run in runs)),
                    "precision_recall_sample": precision_recall(truth, phiscan["found"], sample),
                    "precision_recall_all": precision_recall(truth, phiscan["found"], files)},
        "presidio": {"seconds": round(median("s_seconds"), 1), "files_per_s": round(s_files, 2),
                     "files_per_s_each_run": [round(rate["s_files"], 2) for rate in rates],
                     "startup_seconds": round(median("s_startup"), 2),
                     "files_per_s_all_files_projected_with_startup": round(
                         median("s_projected"), 2),
                     "cpu_seconds": round(median("s_cpu"), 1),
                     "files_per_cpu_s": round(len(sample) / median("s_cpu"), 2),
                     "mb_per_s": round(s_mb, 4),
                     "peak_rss_mb": round(max(run["presidio_rss"] for run in runs)),
                     "precision_recall_sample": precision_recall(truth, presidio["found"],
                                                                 sample)},
        "per_type_precision_recall_sample": per_type(truth, phiscan["found"],
                                                     presidio["found"], sample),
        "ratio_files_per_s": round(p_files / s_files, 1),
        # Per core: phiscan's rate over its workers against Presidio's one process; and
        # by CPU time (`ratios.files_per_cpu_s`), which a busy machine moves less.
        "files_per_s_per_core": {"phiscan": round(p_files / args.workers, 2),
                                 "presidio": round(s_files, 2)},
        "ratio_files_per_s_per_core": round(p_files / args.workers / s_files, 1),
        "ratio_mb_per_s": round(p_mb / s_mb, 1),
        "ratio_files_per_s_each_run": [round(rate["ratio"], 1) for rate in rates],
        "ratios": {"both_with_startup": round(p_files / median("s_projected"), 1),
                   "both_without_startup": round(median("p_after_first") / s_files, 1),
                   "files_per_cpu_s": round(len(files) / median("p_cpu")
                                            / (len(sample) / median("s_cpu")), 1)},
        "per_core_equal_terms": {
            "phiscan_fixed_cpu_s": round(median("p_fixed_cpu"), 2),
            "phiscan_cpu_ms_per_file_without_startup": round(1000 * median("p_cpu_per_file"), 2),
            "presidio_cpu_ms_per_file": round(1000 * median("s_cpu_per_file"), 2),
            "presidio_startup_cpu_s": round(median("s_startup_cpu"), 2),
            "phiscan_cpu_s_with_startup": round(median("p_cpu_with_startup"), 1),
            "presidio_cpu_s_with_startup_projected": round(median("s_cpu_with_startup"), 1),
            "ratio_without_startup": round(median("ratio_cpu_without_startup"), 1),
            "ratio_with_startup": round(median("ratio_cpu_with_startup"), 1),
            "ratio_without_startup_each_run": [round(rate["ratio_cpu_without_startup"], 1)
                                               for rate in rates]},
    }
    print(json.dumps(report, indent=2))


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--engine":
        engine, *rest = sys.argv[2:]
        if engine == "phiscan":
            run_phiscan(rest[0], rest[1], int(rest[2]), Path(rest[3]))
        else:
            run_presidio(json.loads(Path(rest[0]).read_text()), Path(rest[1]))
        return
    # Not imported by the engine processes: the corpus generators import spaCy, Presidio
    # and the writers of every format (about 1.2-1.7 CPU s), which would land before
    # either engine's clock and in both start-ups.
    from bench.corpus import CORPORA

    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="mixed")
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--patients", type=int, default=None,
                        help="a breach corpus's population (default 400): larger means rows "
                             "and resources recur less across files, as on a bigger share")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--presidio-every", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each engine, alternating; rates are the medians")
    parser.add_argument("--dir", default="/tmp/phiscan-bench")
    compile_tree(ROOT)
    benchmark(parser.parse_args())


if __name__ == "__main__":
    main()
