"""A benchmark's engine processes run with bytecode, as an installed package does.

A pip install compiles every module to bytecode; a source tree run with
PYTHONDONTWRITEBYTECODE set (as this project's sessions run) compiles phiscan's 130
modules from source in every process, about a quarter of a CPU second of a scan's fixed
cost that no installed phiscan pays (Presidio's and spaCy's modules have their bytecode
in site-packages either way). `installed_env` drops that variable and points the
bytecode at a folder outside the tree (PYTHONPYCACHEPREFIX: a reference tree is not
written to); `compile_tree` fills it before anything is timed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

PYCACHE = Path(tempfile.gettempdir()) / "phiscan-bench-pycache"
PACKAGES = ("phiscan", "recognizers", "bench")


def installed_env(env: Mapping[str, str]) -> dict[str, str]:
    """env with bytecode written and read under `PYCACHE`."""
    changed = {key: value for key, value in env.items() if key != "PYTHONDONTWRITEBYTECODE"}
    changed["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return changed


def compile_tree(tree: Path) -> None:
    """Every module of the tree's packages compiled into `PYCACHE` now, untimed."""
    folders = [str(tree / package) for package in PACKAGES if (tree / package).is_dir()]
    subprocess.run([sys.executable, "-m", "compileall", "-q", *folders],
                   env=installed_env(os.environ), check=True, stdout=subprocess.DEVNULL)
