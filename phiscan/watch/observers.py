"""Which observer watches which path, and why.

inotify only sees changes made through this machine's kernel: on an SMB or NFS
mount, files written by other machines never raise an event. Such paths get
watchdog's polling observer, either because `[watch] poll_paths` lists them or
because /proc/mounts says their filesystem is a network one. A network mount
nested inside a locally watched tree gets a polling watch of its own.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from watchdog.events import (
    DirAttribEvent,
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileAttribEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserverVFS

from phiscan.config import WatchConfig
from phiscan.sources.local import is_within

log = logging.getLogger("phiscan.watch")

NETWORK_FS_TYPES = frozenset({
    "cifs", "smb3", "smbfs", "nfs", "nfs4", "ncpfs", "afs", "ceph", "glusterfs", "lustre",
    "gpfs", "9p", "davfs", "fuse.sshfs", "fuse.rclone", "fuse.s3fs", "fuse.glusterfs",
    "fuse.cephfs",
})
MOUNTS_FILE = "/proc/mounts"
NATIVE = "native"
POLLING = "polling"
# Our own reads raise opened/closed-no-write events: never ask for them.
EVENT_TYPES: list[type[FileSystemEvent]] = [
    FileCreatedEvent, FileModifiedEvent, FileClosedEvent, FileMovedEvent, FileDeletedEvent,
    FileAttribEvent, DirCreatedEvent, DirMovedEvent, DirDeletedEvent, DirAttribEvent,
]


@dataclass(frozen=True)
class WatchPlan:
    path: str
    observer: str
    reason: str


@dataclass(frozen=True)
class Mount:
    point: str
    fs_type: str


def _unescape(field: str) -> str:
    """/proc/mounts writes spaces and tabs in mount points as octal escapes."""
    return field.encode().decode("unicode_escape") if "\\" in field else field


def parse_mounts(text: str) -> list[Mount]:
    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            mounts.append(Mount(_unescape(fields[1]), fields[2]))
    return mounts


def read_mounts() -> list[Mount]:
    try:
        return parse_mounts(Path(MOUNTS_FILE).read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return []


def filesystem_of(path: str, mounts: list[Mount]) -> str:
    """The filesystem type of the innermost mount holding `path` ('' when unknown)."""
    best: Mount | None = None
    for mount in mounts:
        if is_within(path, mount.point) and (best is None or len(mount.point) >= len(best.point)):
            best = mount
    return best.fs_type if best else ""


def _poll_reason(path: str, config: WatchConfig, mounts: list[Mount]) -> str | None:
    for poll_path in config.poll_paths:
        if is_within(path, os.path.realpath(poll_path)):
            return f"listed in [watch] poll_paths ({poll_path})"
    fs_type = filesystem_of(path, mounts)
    if fs_type in NETWORK_FS_TYPES:
        return f"network filesystem {fs_type}: inotify cannot see other machines' changes"
    return None


def _nested_poll_paths(path: str, config: WatchConfig, mounts: list[Mount]) -> list[str]:
    nested = {os.path.realpath(p) for p in config.poll_paths}
    nested |= {m.point for m in mounts if m.fs_type in NETWORK_FS_TYPES}
    return sorted(p for p in nested if p != path and is_within(p, path) and os.path.isdir(p))


def plan_watches(paths: Iterable[str], config: WatchConfig,
                 mounts: list[Mount] | None = None) -> list[WatchPlan]:
    mounts = read_mounts() if mounts is None else mounts
    plans: list[WatchPlan] = []
    for path in paths:
        real = os.path.realpath(path)
        reason = _poll_reason(real, config, mounts)
        if reason:
            plans.append(WatchPlan(path, POLLING, reason))
            continue
        fs_type = filesystem_of(real, mounts) or "unknown"
        plans.append(WatchPlan(path, NATIVE, f"local filesystem {fs_type}"))
        for nested in _nested_poll_paths(real, config, mounts):
            plans.append(WatchPlan(nested, POLLING, _poll_reason(nested, config, mounts) or ""))
    return plans


class ForwardingHandler(FileSystemEventHandler):
    def __init__(self, receive) -> None:
        self.receive = receive

    def on_any_event(self, event: FileSystemEvent) -> None:
        self.receive(event)


def start_observers(plans: list[WatchPlan], handler: FileSystemEventHandler,
                    config: WatchConfig) -> tuple[list[BaseObserver], list[WatchPlan]]:
    """Started observers and the plans as carried out (a native watch may fall back).

    The observers start first: scheduling on a running observer starts the emitter
    at once, so an inotify failure (the watch limit) is raised here, per path."""
    native = Observer()
    native_name = type(native).__name__.removesuffix("Observer").lower() or NATIVE
    # lstat: a link is an entry of its own, never a folder to descend (watchdog's
    # default stat follows links, out of the root and round `up -> ..` loops).
    polling = PollingObserverVFS(os.lstat, os.scandir,
                                 polling_interval=config.poll_interval_seconds)
    observers = [native, polling]
    for observer in observers:
        observer.daemon = True
        observer.start()
    effective: list[WatchPlan] = []
    for plan in plans:
        if plan.observer == NATIVE:
            try:
                native.schedule(handler, plan.path, recursive=True, event_filter=EVENT_TYPES,
                                follow_symlink=False)
                log.info("watching %s with %s (%s)", plan.path, native_name, plan.reason)
                effective.append(WatchPlan(plan.path, native_name, plan.reason))
                continue
            except OSError as exc:
                log.warning("cannot watch %s natively (%s); polling it instead", plan.path,
                            type(exc).__name__)
                plan = WatchPlan(plan.path, POLLING, f"native watch failed: {type(exc).__name__}")
        polling.schedule(handler, plan.path, recursive=True, event_filter=EVENT_TYPES,
                         follow_symlink=False)
        log.info("watching %s by polling every %.1f s (%s)", plan.path,
                 config.poll_interval_seconds, plan.reason)
        effective.append(plan)
    return observers, effective


def stop_observers(observers: list[BaseObserver]) -> None:
    for observer in observers:
        observer.stop()
    for observer in observers:
        observer.join(timeout=10)
