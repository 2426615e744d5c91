"""bench/compare.py's engine processes: each side's start-up is its own."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# What an engine process (`compare.py --engine ...`) has imported once the module is loaded,
# before either engine's code runs.
LOADED = """
import runpy, sys
runpy.run_path(sys.argv[1], run_name="compare")
print(sorted(name for name in ("bench.corpus", "spacy", "presidio_analyzer", "docx", "openpyxl")
             if name in sys.modules))
"""


def test_an_engine_process_imports_neither_the_corpus_generators_nor_an_engine_before_its_clock():
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run([sys.executable, "-c", LOADED, str(ROOT / "bench" / "compare.py")],
                          cwd=ROOT, capture_output=True, text=True, check=True, env=env)
    assert done.stdout.strip() == "[]"
