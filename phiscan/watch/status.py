"""The heartbeat file `DIR/watch-status.json` (0600), rewritten atomically every
`heartbeat_seconds`, and how `phiscan status` judges it."""

from __future__ import annotations

import json
import os
from pathlib import Path

from phiscan.security.files import replaced_private

STATUS_FILENAME = "watch-status.json"
# The daemon is presumed dead when its heartbeat is this many intervals old.
STALE_AFTER_BEATS = 5
STALE_FLOOR_SECONDS = 10.0


def write_status(out_dir: Path, status: dict) -> None:
    with replaced_private(out_dir / STATUS_FILENAME) as handle:
        json.dump(status, handle, indent=2, sort_keys=True)
        handle.write("\n")


def read_status(out_dir: Path) -> dict | None:
    try:
        return json.loads((out_dir / STATUS_FILENAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # alive, owned by another user
    return True


def running_state(status: dict, now: float) -> tuple[bool, str]:
    """(running, why) from the status file alone."""
    if status.get("state") == "stopped":
        return False, "stopped cleanly"
    age = now - float(status.get("heartbeat_at", 0))
    limit = max(STALE_FLOOR_SECONDS, STALE_AFTER_BEATS * float(status.get("heartbeat_seconds", 2)))
    if not _pid_alive(int(status.get("pid", 0) or 0)):
        return False, f"process {status.get('pid')} is gone (killed or crashed)"
    if age > limit:
        return False, f"no heartbeat for {age:.0f} s"
    return True, str(status.get("state", "running"))
