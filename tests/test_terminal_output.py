"""What reaches the terminal: crashes by type and place only, names without control codes.

Every test runs the real CLI in a subprocess.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SECRET_PATH = "/srv/exports/Jane-Smith-9434765919.csv"


def run_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "phiscan", *args], capture_output=True,
                          text=True, timeout=600, env=env)


def env_with_path_first(folder: Path) -> dict:
    """The environment with `folder` first on PYTHONPATH (its sitecustomize runs first)."""
    rest = os.environ.get("PYTHONPATH", "")
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(folder), rest]))}


def test_an_unexpected_exception_prints_its_type_and_place_never_its_message(tmp_path):
    """Typer swaps the crash hook for one that ends in the interpreter's, which printed the
    whole traceback with the message (here an OSError naming an export path)."""
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(
        "import phiscan.scoping.report as report\n"
        "def failing(*_args, **_kwargs):\n"
        f"    raise PermissionError(13, 'Permission denied', {SECRET_PATH!r})\n"
        "report.load_scope = failing\n"
    )
    result = run_cli("report", str(tmp_path), env=env_with_path_first(hooks))
    assert result.returncode == 1
    assert "phiscan: internal error PermissionError at " in result.stderr
    assert "(message withheld)" in result.stderr
    printed = result.stdout + result.stderr
    assert "Jane-Smith" not in printed and "9434765919" not in printed
    assert "Permission denied" not in printed and "Traceback" not in printed
