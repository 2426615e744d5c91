"""`phiscan status DIR`: is the watch daemon alive, how busy, what has it seen.

Exit codes: 0 running; 3 not running (stopped, killed, or no heartbeat);
2 no watch status in DIR.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from phiscan.commands.console import EXIT_INCOMPLETE, EXIT_USAGE, console, err_console
from phiscan.inventory.store import Inventory
from phiscan.model import utc_time
from phiscan.watch.status import read_status, running_state


def _inventory_summary(out: Path) -> dict:
    try:
        with Inventory(out, readonly=True) as inventory:
            return inventory.summary()
    except FileNotFoundError:
        return {}


def _pairs(counts: dict) -> str:
    return ", ".join(f"{key} {value}" for key, value in counts.items()) or "none"


def render(status: dict, inventory: dict, running: bool, why: str, now: float) -> list[str]:
    # `why` is the daemon's own state when it runs (`running`, `starting`, `stopping`).
    label = ("running" if why == "running" else f"running, {why}") if running else (
        f"not running ({why})")
    lines = [f"phiscan watch: {label}; pid {status.get('pid')}, "
             f"started {utc_time(status.get('started_at', 0))}",
             f"heartbeat: {now - status.get('heartbeat_at', 0):.1f} s ago"]
    for path in status.get("paths", []):
        lines.append(f"watching: {path['path']} with {path['observer']} ({path['reason']})")
    for root in status.get("unavailable", []):
        lines.append(f"unavailable: {root} (unmounted, replaced or empty: nothing marked gone)")
    catch_up = "done" if status.get("catch_up_done") else "in progress"
    lines.append(f"catch-up: {catch_up}")
    lines.append(f"queue: {status.get('queue_depth', 0)} queued (max "
                 f"{status.get('queue_size')}), {status.get('pending', 0)} settling, "
                 f"{status.get('in_progress', 0)} scanning, "
                 f"{status.get('results_waiting', 0)} to write")
    last = status.get("last_event")
    lines.append(f"last event: {utc_time(last['at'])} {last['kind']} {last['location']}"
                 if last else "last event: none")
    lines.append(f"events: {status.get('events', 0)}; {_pairs(status.get('counts', {}))}; "
                 f"alerts suppressed by the rate limit: {status.get('alerts_suppressed', 0)}")
    if inventory:
        lines.append(f"inventory: {inventory['locations']} locations "
                     f"({_pairs(inventory['status'])}); special-category "
                     f"{inventory['special_category_locations']}; risk {_pairs(inventory['risk'])}")
    return lines


def status(
    out: Annotated[Path, typer.Argument(help="The folder given to `phiscan watch --out`.")],
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Show whether `phiscan watch` is running on DIR, its queue, last event and counts."""
    current = read_status(out)
    if current is None:
        err_console.print(f"[red]no watch status in {escape(str(out))}[/red]"
                          " (is `phiscan watch` using it?)")
        raise typer.Exit(EXIT_USAGE)
    now = time.time()
    running, why = running_state(current, now)
    inventory = _inventory_summary(out)
    if as_json:
        print(json.dumps({"running": running, "why": why, "status": current,
                          "inventory": inventory}, indent=2, sort_keys=True))
    else:
        for line in render(current, inventory, running, why, now):
            console.print(line, highlight=False, markup=False, soft_wrap=True)
    if not running:
        raise typer.Exit(EXIT_INCOMPLETE)


def register(app: typer.Typer) -> None:
    app.command()(status)
