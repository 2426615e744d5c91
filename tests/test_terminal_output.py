"""What reaches the terminal: crashes by type and place only, names without control codes.

Every test runs the real CLI in a subprocess.
"""

from __future__ import annotations

import os
from pathlib import Path

from tests.cli import run_process as run_cli  # the process is the subject
from tests.watch_helpers import (
    read_status,
    start_daemon,
    wait_for,
    wait_until_running,
    write_config,
)

SECRET_PATH = "/srv/exports/Jane-Smith-9434765919.csv"


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


HOSTILE = "\x1b]0;PWNED\x07\x1b[2J"
ESCAPED = "\\x1b]0;PWNED\\x07\\x1b[2J"
NOTE = "Patient Jane Smith, NHS number 943 476 5919, diagnosis: type 2 diabetes.\n"


def assert_no_terminal_controls(printed: str) -> None:
    for control in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert control not in printed, repr(control)


def wide_env() -> dict:
    """Rich folds table cells to the terminal width: wide enough for a name on one line."""
    return {**os.environ, "COLUMNS": "400"}


def test_names_with_control_characters_are_printed_escaped_by_scan_and_report(tmp_path):
    share, out = tmp_path / f"share {HOSTILE}", tmp_path / f"out {HOSTILE}"
    share.mkdir()
    (share / f"{HOSTILE} note\u202etxt.txt").write_text(NOTE)
    scan = run_cli("scan", str(share), "--out", str(out), "--workers", "1", env=wide_env())
    assert scan.returncode == 0, scan.stderr[-2000:]
    assert_no_terminal_controls(scan.stdout + scan.stderr)
    assert f"out {ESCAPED}/inventory.sqlite" in scan.stdout
    report = run_cli("report", str(out), env=wide_env())
    assert report.returncode == 0, report.stderr[-2000:]
    assert_no_terminal_controls(report.stdout + report.stderr)
    assert f"{ESCAPED} note\\u202etxt.txt" in report.stdout


def test_status_prints_watched_paths_and_events_escaped(tmp_path):
    share, out = tmp_path / f"share {HOSTILE}", tmp_path / "out"
    share.mkdir()
    config = write_config(tmp_path / "watch.toml", settle_seconds=0.3, heartbeat_seconds=0.5,
                          workers=1)
    daemon = start_daemon([share], out, config, tmp_path / "logs", env=wide_env())
    try:
        wait_until_running(out, daemon)
        (share / f"{HOSTILE} new\u202etxt.txt").write_text(NOTE)
        wait_for(lambda: (read_status(out).get("last_event") or {}).get("location"),
                 "the new file's event", daemon)
        shown = run_cli("status", str(out), env=wide_env())
    finally:
        assert daemon.stop() == 0
    assert shown.returncode == 0, shown.stderr[-2000:]
    assert_no_terminal_controls(shown.stdout + shown.stderr)
    assert f"watching: {tmp_path}/share {ESCAPED} with" in shown.stdout
    assert f"share {ESCAPED}/{ESCAPED} new\\u202etxt.txt" in shown.stdout
    assert_no_terminal_controls(daemon.stderr() + daemon.stdout())


MARKUP = "[bold]Finance[/bold]"


def test_names_that_look_like_rich_markup_are_printed_as_written(tmp_path):
    """A folder called `[bold]Finance[/bold]` is a name, not styling: Rich read it as
    markup and printed `Finance`, so the location shown was not the one on disk."""
    share, out = tmp_path / "share", tmp_path / f"out {MARKUP}"
    (share / MARKUP).mkdir(parents=True)
    (share / MARKUP / "note.txt").write_text(NOTE)
    scan = run_cli("scan", str(share), "--out", str(out), "--workers", "1", env=wide_env())
    assert scan.returncode == 0, scan.stderr[-2000:]
    assert f"inventory: {out}/inventory.sqlite" in scan.stdout
    report = run_cli("report", str(out), "--html", env=wide_env())
    assert report.returncode == 0, report.stderr[-2000:]
    location_rows = [line for line in report.stdout.splitlines() if "note.txt" in line]
    assert len(location_rows) == 1 and f"{share}/{MARKUP}/note.txt" in location_rows[0]
    folder_rows = [line for line in report.stdout.splitlines()
                   if line.rstrip(" │").endswith(f"{share}/{MARKUP}")]
    assert len(folder_rows) == 1  # folders by people (pytest's tmp folder is private)
    assert f"wrote {out}/report.html" in report.stderr


def test_help_read_off_a_terminal_keeps_every_option_name_whole():
    env = {key: value for key, value in os.environ.items() if key != "COLUMNS"}
    result = run_cli("scan", "--help", env=env)  # captured: not a terminal, as in cron mail
    assert result.returncode == 0, result.stderr
    assert "…" not in result.stdout
    for whole in ("--follow-symlinks", "--fail-on-violations", "--fail-on-findings",
                  "tcp://10.0.0.5:8786", "--accept-empty"):
        assert whole in result.stdout, whole


def test_help_shows_a_value_placeholder_for_options_that_take_a_value_and_none_for_flags():
    for command in ((), ("scan",), ("report",), ("watch",)):
        result = run_cli(*command, "--help")
        assert result.returncode == 0, result.stderr
        assert "<bool>" not in result.stdout, command
    scan_rows = {line.split()[1]: line for line in run_cli("scan", "--help").stdout.splitlines()
                 if line.startswith("│") and len(line.split()) > 2}
    assert "<int>" in scan_rows["--workers"]
