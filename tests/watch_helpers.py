"""Driving the real `phiscan watch` process in tests: start it, wait on its status
file and inventory with a deadline (never a fixed sleep), read what it wrote."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

DEADLINE_SECONDS = 120.0


@dataclass
class Daemon:
    process: subprocess.Popen
    stdout_path: Path
    stderr_path: Path

    def stdout(self) -> str:
        return self.stdout_path.read_text(encoding="utf-8")

    def stderr(self) -> str:
        return self.stderr_path.read_text(encoding="utf-8")

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 60) -> int:
        self.process.send_signal(sig)
        return self.process.wait(timeout=timeout)


def write_config(path: Path, **watch: object) -> Path:
    lines = ["[watch]"]
    for key, value in watch.items():
        lines.append(f"{key} = {json.dumps(value)}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def start_daemon(shares: list[Path], out: Path, config: Path, logs: Path,
                 env: dict | None = None) -> Daemon:
    logs.mkdir(parents=True, exist_ok=True)
    number = len(list(logs.glob("stdout-*.txt")))
    stdout_path, stderr_path = logs / f"stdout-{number}.txt", logs / f"stderr-{number}.txt"
    with open(stdout_path, "wb") as stdout, open(stderr_path, "wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "phiscan", "watch", *map(str, shares), "--out", str(out),
             "--config", str(config)],
            stdout=stdout, stderr=stderr, env=env or os.environ.copy(),
            start_new_session=True,
        )
    return Daemon(process, stdout_path, stderr_path)


def wait_for(condition: Callable[[], object], what: str, daemon: Daemon | None = None,
             deadline: float = DEADLINE_SECONDS) -> object:
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        if daemon is not None and daemon.process.poll() is not None:
            raise AssertionError(f"daemon exited ({daemon.process.returncode}) waiting for "
                                 f"{what}:\n{daemon.stderr()[-3000:]}")
        time.sleep(0.25)
    raise AssertionError(f"timed out after {deadline:.0f} s waiting for {what}")


def read_status(out: Path) -> dict:
    try:
        return json.loads((out / "watch-status.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def wait_until_running(out: Path, daemon: Daemon, pid: int | None = None) -> dict:
    pid = pid or daemon.process.pid

    def running() -> dict:
        status = read_status(out)
        ready = (status.get("pid") == pid and status.get("catch_up_done")
                 and status.get("workers_ready") == status.get("workers"))
        return status if ready else {}

    return wait_for(running, "the daemon to finish catch-up", daemon)


@dataclass(frozen=True)
class Row:
    status: str
    entities: dict
    risk: str
    gone: bool


def inventory_rows(out: Path) -> dict[str, Row]:
    path = out / "inventory.sqlite"
    if not path.exists():
        return {}
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    try:
        rows = db.execute("SELECT location, status, entities, risk, gone FROM locations")
        return {loc: Row(status, json.loads(ents), risk, bool(gone))
                for loc, status, ents, risk, gone in rows}
    except sqlite3.OperationalError:
        return {}
    finally:
        db.close()


def count_present(out: Path) -> int:
    """Cheap enough to poll: no JSON decoding."""
    path = out / "inventory.sqlite"
    if not path.exists():
        return 0
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    try:
        return db.execute("SELECT count(*) FROM locations WHERE gone=0").fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        db.close()


def present(out: Path) -> dict[str, Row]:
    return {loc: row for loc, row in inventory_rows(out).items() if not row.gone}


def alert_lines(out: Path) -> list[dict]:
    path = out / "alerts.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def leaked(value: str, text: str) -> bool:
    """`value` as a token of its own: not part of an alert id, a path or a timestamp."""
    pattern = rf"(?<!\w)(?<!\d\.){re.escape(value)}(?!\w)(?!\.\d)"
    return re.search(pattern, text) is not None
