"""The catch-up pass: what changed while the daemon was not watching.

Walks each root with the scan's own source (same rules for links, FIFOs, sizes
and globs) and compares size and mtime with the inventory: new or changed files
are queued for scanning, inventory locations no longer found are marked gone.
A new file with the inode, size and mtime of an alerted file that disappeared is
that file renamed: the alerted state moves with it instead of alerting again.
Runs at start (before live events are dispatched), after an event overflow, and
every `resync_interval_seconds`.
"""

from __future__ import annotations

import logging
import os
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from phiscan.config import Config
from phiscan.inventory.store import Inventory
from phiscan.model import SourceItem
from phiscan.sources.local import LocalSource, display_path
from phiscan.watch.alerts import Identity
from phiscan.watch.messages import Gone, Moved, Reexpose, WorkItem
from phiscan.watch.settle import RootMap, put_until

log = logging.getLogger("phiscan.watch")


@dataclass
class CatchUpCounts:
    walked: int = 0
    queued: int = 0
    gone: int = 0
    renamed: int = 0
    reexposed: int = 0


def known_locations(out_dir: Path, root: str) -> dict[str, tuple[int, float, str, tuple]]:
    """Top-level inventory locations below root that are not gone: size, mtime, exposure
    level and principals."""
    with Inventory(out_dir, readonly=True) as inventory:
        return inventory.top_locations_under(display_path(root))


def exposure_changed(item: SourceItem, stored: tuple[int, float, str, tuple]) -> bool:
    """Re-permissioned since it was stored (chmod, chown, setfacl, on it or a folder above)."""
    return item.exposure is not None and (str(item.exposure.level),
                                          item.exposure.principals) != stored[2:]


class CatchUp:
    def __init__(self, roots: RootMap, out_dir: Path, config: Config, work: queue.Queue,
                 inbox: queue.Queue, stop: threading.Event,
                 missing: dict[Identity, str]) -> None:
        self.roots = roots
        self.out_dir = out_dir
        self.config = config
        self.work = work
        self.inbox = inbox
        self.stop = stop
        self.missing = missing
        self.counts = CatchUpCounts()

    def run(self) -> CatchUpCounts:
        for root in self.roots.roots:
            if self.stop.is_set():
                break
            self._catch_up_root(root)
        log.info("catch-up: %d files walked, %d queued, %d gone, %d renamed, %d "
                 "re-permissioned", self.counts.walked, self.counts.queued, self.counts.gone,
                 self.counts.renamed, self.counts.reexposed)
        return self.counts

    def _catch_up_root(self, root: str) -> None:
        known = known_locations(self.out_dir, root)
        seen: set[str] = set()
        for item in LocalSource(root, self.config).walk():
            if self.stop.is_set():
                return
            if self.roots.root_of(item.handle) is None:
                continue  # the output folder inside a watched tree
            self.counts.walked += 1
            seen.add(item.location)
            stored = known.get(item.location)
            if stored is not None and stored[:2] == (item.size, item.modified):
                if exposure_changed(item, stored):
                    if not put_until(self.inbox, Reexpose(item.handle), self.stop):
                        return
                    self.counts.reexposed += 1
                continue
            if stored is None:
                self._carry_if_renamed(item)
            if not put_until(self.work, WorkItem(root, item.handle, item), self.stop):
                return
            self.counts.queued += 1
        for location in sorted(set(known) - seen):
            if not put_until(self.inbox, Gone(location), self.stop):
                return
            self.counts.gone += 1

    def _carry_if_renamed(self, item: SourceItem) -> None:
        if not self.missing or item.skip_reason:
            return
        try:
            stat_result = os.lstat(item.handle)
        except OSError:
            return
        identity = Identity(stat_result.st_dev, stat_result.st_ino, item.size, item.modified)
        old_location = self.missing.pop(identity, None)
        if old_location is not None:
            put_until(self.inbox, Moved(old_location, item.location), self.stop)
            self.counts.renamed += 1


def start_catch_up(catch_up: CatchUp, on_done: Callable[[CatchUpCounts], None]
                   ) -> threading.Thread:
    def run() -> None:
        try:
            counts = catch_up.run()
        except Exception as exc:  # a vanished root must not leave live events held back
            log.error("catch-up pass failed: %s", type(exc).__name__)
            counts = catch_up.counts
        on_done(counts)

    thread = threading.Thread(target=run, name="phiscan-catch-up", daemon=True)
    thread.start()
    return thread
