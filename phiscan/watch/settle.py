"""Debounce: turn a stream of filesystem events into settled paths to scan.

Events for one path coalesce into one pending entry. A path is handed to the
workers once it has been closed after writing (plus a short grace, so a
write-then-rename save is seen as one file), or once no event has arrived for
`settle_seconds` and its size and mtime did not change between two checks.
Deletes and moves become control messages for the writer, in event order, sent
before any later scan of the same path. While the catch-up pass runs, nothing is
dispatched (events only accumulate), so catch-up comes before live events.
"""

from __future__ import annotations

import logging
import os
import queue
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from watchdog.events import FileSystemEvent

from phiscan.sources.local import display_path, is_within, reached_through_link
from phiscan.watch.messages import (
    Control,
    Gone,
    Moved,
    Reexpose,
    ReexposeTree,
    TreeGone,
    TreeMoved,
    WorkItem,
)

log = logging.getLogger("phiscan.watch")

CLOSED_GRACE_SECONDS = 0.25
TICK_SECONDS = 0.1


@dataclass
class Pending:
    changed_at: float
    closed: bool = False
    last_stat: tuple[int, int] | None = None


@dataclass
class LastEvent:
    at: float
    kind: str
    location: str


@dataclass
class RootMap:
    """Which watched root a path belongs to; the output folder is never watched, and a
    path reached through a linked folder belongs to no root (the scan's link rule)."""

    roots: list[str]
    ignored: list[str] = field(default_factory=list)
    real_roots: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        self.real_roots = {root: os.path.realpath(root) for root in self.roots}

    def root_of(self, path: str) -> str | None:
        if any(is_within(path, ignored) for ignored in self.ignored):
            return None
        best = None
        for root in self.roots:
            if is_within(path, root) and (best is None or len(root) > len(best)):
                best = root
        if best is None or reached_through_link(path, best, self.real_roots[best]):
            return None
        return best


def put_until(target: queue.Queue, message: object, stop: threading.Event) -> bool:
    """A blocking put that gives up on shutdown: this is the back-pressure point."""
    while not stop.is_set():
        try:
            target.put(message, timeout=0.2)
            return True
        except queue.Full:
            continue
    return False


class Debouncer:
    def __init__(self, roots: RootMap, settle_seconds: float, max_pending: int,
                 work: queue.Queue, inbox: queue.Queue, stop: threading.Event,
                 on_overflow: Callable[[], None],
                 walk: Callable[[str, str], Iterable[str]]) -> None:
        self.roots = roots
        self.walk = walk
        self.settle_seconds = settle_seconds
        self.max_pending = max_pending
        self.work = work
        self.inbox = inbox
        self.stop = stop
        self.on_overflow = on_overflow
        self.lock = threading.Lock()
        self.pending: dict[str, Pending] = {}
        self.controls: deque[Control] = deque()
        self.dirs_to_walk: deque[str] = deque()
        self.released = threading.Event()
        self.overflowed = False
        self.events = 0
        self.last_event: LastEvent | None = None

    # Observer threads
    def on_event(self, event: FileSystemEvent) -> None:
        source = os.fsdecode(event.src_path)
        destination = os.fsdecode(event.dest_path) if event.dest_path else ""
        in_source = self.roots.root_of(source) is not None
        in_destination = bool(destination) and self.roots.root_of(destination) is not None
        if not (in_source or in_destination):
            return
        with self.lock:
            self.events += 1
            self.last_event = LastEvent(time.time(), event.event_type,
                                        display_path(destination or source))
            if event.is_directory:
                self._directory_event(event.event_type, source, destination,
                                      in_source, in_destination)
            else:
                self._file_event(event.event_type, source, destination,
                                 in_source, in_destination)
            if len(self.pending) + len(self.controls) > self.max_pending:
                self._overflow()

    def rescan(self, path: str) -> None:
        """Scan `path` again once it settles (the writer found it changed)."""
        with self.lock:
            self._touch(path)

    def _touch(self, path: str, closed: bool = False) -> None:
        entry = self.pending.get(path)
        if entry is None:
            self.pending[path] = Pending(time.monotonic(), closed)
        else:
            entry.changed_at, entry.closed, entry.last_stat = time.monotonic(), closed, None

    def _file_event(self, kind: str, source: str, destination: str,
                    in_source: bool, in_destination: bool) -> None:
        if kind in ("created", "modified", "closed"):
            self._touch(source, closed=kind == "closed")
        elif kind == "attrib":
            if in_source:
                self._reexpose(Reexpose(source), source)
        elif kind == "deleted":
            self.pending.pop(source, None)
            self.controls.append(Gone(display_path(source)))
        elif kind == "moved":
            self.pending.pop(source, None)
            if in_source and in_destination:
                self.controls.append(Moved(display_path(source), display_path(destination)))
            elif in_source:
                self.controls.append(Gone(display_path(source)))
            if in_destination:
                self._touch(destination)

    def _directory_event(self, kind: str, source: str, destination: str,
                         in_source: bool, in_destination: bool) -> None:
        if kind == "created":
            self.dirs_to_walk.append(source)
        elif kind == "attrib":
            if in_source:
                self._reexpose(ReexposeTree(source), source)
        elif kind == "deleted":
            self._drop_under(source)
            self.controls.append(TreeGone(display_path(source)))
        elif kind == "moved":
            self._drop_under(source)
            if in_source and in_destination:
                self.controls.append(TreeMoved(display_path(source), display_path(destination)))
            elif in_source:
                self.controls.append(TreeGone(display_path(source)))
            if in_destination:
                self.dirs_to_walk.append(destination)

    def _reexpose(self, control: Reexpose | ReexposeTree, path: str) -> None:
        """Queue a permission change once: a `chmod -R` sends an event for every folder and
        file, and a folder's re-exposure already covers all below it. Only the queue's tail
        of re-exposures is merged, so nothing moves past a move or a removal."""
        tail = len(self.controls)
        while tail and isinstance(self.controls[tail - 1], Reexpose | ReexposeTree):
            tail -= 1
        queued = list(self.controls)[tail:]
        if control in queued or any(isinstance(earlier, ReexposeTree)
                                    and is_within(path, earlier.directory) for earlier in queued):
            return
        if isinstance(control, ReexposeTree):
            for earlier in queued:
                if is_within(earlier.directory if isinstance(earlier, ReexposeTree)
                             else earlier.path, path):
                    self.controls.remove(earlier)
        self.controls.append(control)

    def _drop_under(self, directory: str) -> None:
        for path in [p for p in self.pending if is_within(p, directory)]:
            del self.pending[path]

    def _overflow(self) -> None:
        """Too many changes to remember: forget them and let a full catch-up pass redo it."""
        log.warning("more than %d changes pending; dropping them and scheduling a full resync",
                    self.max_pending)
        self.pending.clear()
        self.controls.clear()
        self.overflowed = True

    # Settle thread
    def run(self) -> None:
        while not self.stop.is_set():
            self.tick()
            self.stop.wait(TICK_SECONDS)

    def tick(self) -> None:
        self._walk_new_directories()
        if not self.released.is_set():
            return
        with self.lock:
            controls = list(self.controls)
            self.controls.clear()
            candidates = self._candidates(time.monotonic())
            overflowed, self.overflowed = self.overflowed, False
        if overflowed:
            self.on_overflow()
        for control in controls:
            if not put_until(self.inbox, control, self.stop):
                return
        for path in self._settled(candidates):
            root = self.roots.root_of(path)
            if root and not put_until(self.work, WorkItem(root, path), self.stop):
                return

    def _candidates(self, now: float) -> list[tuple[str, Pending, float]]:
        ready = []
        for path, entry in self.pending.items():
            quiet_for = now - entry.changed_at
            if quiet_for >= (CLOSED_GRACE_SECONDS if entry.closed else self.settle_seconds):
                ready.append((path, entry, entry.changed_at))
        return ready

    def _settled(self, candidates: list[tuple[str, Pending, float]]) -> list[str]:
        settled = []
        for path, entry, changed_at in candidates:
            current = None if entry.closed else _size_and_mtime(path)
            with self.lock:
                if self.pending.get(path) is not entry or entry.changed_at != changed_at:
                    continue  # a newer event arrived meanwhile
                if current is not None and current != entry.last_stat and current[0] >= 0:
                    entry.last_stat = current  # still changing (or first look): check again
                    continue
                del self.pending[path]
            settled.append(path)
        return settled

    def _walk_new_directories(self) -> None:
        """A directory that appears may already hold files (moved in, or written before
        the new inotify watch was in place): listed by the scan's own walk, so a link
        in it gets its row and is not followed (nor is the directory, if it is a link)."""
        while True:
            with self.lock:
                if not self.dirs_to_walk:
                    return
                directory = self.dirs_to_walk.popleft()
            root = self.roots.root_of(directory)
            found = list(self.walk(root, directory)) if root else []
            with self.lock:
                for path in found:
                    if self.roots.root_of(path):
                        self._touch(path)

    def pending_count(self) -> int:
        with self.lock:
            return len(self.pending) + len(self.controls)


def _size_and_mtime(path: str) -> tuple[int, int] | None:
    """None when the path is gone (its delete event follows); (-1, errno) when unreadable,
    which dispatches at once so the worker records the error."""
    try:
        stat_result = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return (-1, exc.errno or 0)
    return stat_result.st_size, stat_result.st_mtime_ns
