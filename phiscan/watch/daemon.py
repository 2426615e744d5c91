"""The watch daemon: observers -> debounce -> bounded queue -> worker threads ->
one writer (this main thread owns the inventory and the alert state).

Threads: watchdog observers (events into the debouncer), the settle thread
(settled paths into the bounded work queue: the back-pressure point), the
workers (results into the bounded inbox), a catch-up thread at start and on
resync, a webhook sender. SIGTERM/SIGINT stop it cleanly; a SIGKILL loses only
work in flight, which the next start's catch-up pass redoes.
"""

from __future__ import annotations

import logging
import os
import queue
import signal
import stat
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from phiscan import __version__
from phiscan.config import Config, RiskConfig
from phiscan.detect.classify import classify
from phiscan.inventory.exports import write_exports
from phiscan.inventory.lock import output_lock
from phiscan.inventory.store import NOT_READ_REASON, Inventory
from phiscan.model import LocationResult, Status
from phiscan.policy.record import record_result_violations, record_violations
from phiscan.policy.rules import PolicyRule
from phiscan.scan.progress import log_unread
from phiscan.scan.runner import flag_changed_allowed, remove_stale_reports
from phiscan.security.files import ensure_private_dir
from phiscan.security.keys import scan_key
from phiscan.sources.base import SourceUnavailable
from phiscan.sources.exposure import LocalExposure
from phiscan.sources.local import LocalSource, display_path, local_path
from phiscan.watch.alerts import Alerter, Identity
from phiscan.watch.availability import Availability
from phiscan.watch.catchup import CatchUp, CatchUpCounts, start_catch_up
from phiscan.watch.channels import AlertChannels
from phiscan.watch.messages import (
    Control,
    Gone,
    Message,
    Moved,
    Reexpose,
    ReexposeTree,
    Scanned,
    TreeGone,
    TreeMoved,
)
from phiscan.watch.observers import (
    ForwardingHandler,
    plan_watches,
    start_observers,
    stop_observers,
)
from phiscan.watch.settle import Debouncer, RootMap
from phiscan.watch.status import write_status
from phiscan.watch.workers import WorkerPool

log = logging.getLogger("phiscan.watch")
DRAIN_BATCH = 500


class WatchError(Exception):
    """A reason the daemon cannot start (exit code 2)."""


class Writer:
    """Applies messages in order: the single writer of the inventory and alert state."""

    def __init__(self, inventory: Inventory, alerter: Alerter, run_id: int,
                 rules: list[PolicyRule], risk: RiskConfig,
                 rescan: Callable[[str], None], availability: Availability) -> None:
        self.inventory = inventory
        self.availability = availability
        self.alerter = alerter
        self.run_id = run_id
        self.rules = rules
        self.risk = risk
        self.rescan = rescan  # a path whose content changed too: scanned once it settles
        self.counts: Counter[str] = Counter()
        self.dirty = False

    def apply(self, messages: list[Message]) -> None:
        batch: list[Scanned] = []
        for message in messages:
            if isinstance(message, Scanned):
                batch.append(message)
                continue
            self._write(batch)
            batch = []
            self._control(message)
        self._write(batch)

    def _write(self, batch: list[Scanned]) -> None:
        current = []
        for scanned in batch:
            still_there, identity = _still_there(scanned)
            if still_there:
                current.append((scanned.results, identity))
        self.counts["stale"] += len(batch) - len(current)
        for results, _identity in current:
            self.counts[str(results[0].status)] += 1
            self.counts["locations"] += len(results)
        self._store(current)

    def _store(self, current: list[tuple[list[LocationResult], Identity | None]],
               log_errors: bool = True) -> None:
        """Write locations (each with its members), check the rules, raise alerts."""
        if not current:
            return
        containers = [results[0].location for results, _ in current if len(results) > 1]
        if containers:  # members that left the archive must not linger
            self.inventory.mark_gone(containers, self.run_id)
        results = [r for rs, _ in current for r in rs]
        flag_changed_allowed(self.inventory, results)
        self.inventory.write_results(self.run_id, results)
        if log_errors:
            log_unread(results)
        violations = record_result_violations(self.inventory, self.rules, results)
        pairs: list = []
        for location_results, identity in current:
            pairs.append((location_results[0], identity))
            pairs.extend((member, None) for member in location_results[1:])
        scanned = {r.location for r in results if r.status == Status.SCANNED}
        self.counts["alerts"] += self.alerter.on_results(
            pairs, {location: found for location, found in violations.items()
                    if location in scanned})
        self.dirty = True

    def _reexpose(self, path: str) -> None:
        """Who can read a stored file, read again; when it changed, its stored findings
        (and its members') are classified again with it and written: risk, alerts and
        `max_exposure` rules follow, and the content is not read. A file whose size or
        mtime changed too is scanned again instead."""
        results = self.inventory.stored_results(display_path(path))
        if not results or results[0].exposure is None or (
                results[0].exposure.reason == NOT_READ_REASON):
            return  # not stored, or a row the walk made without reading (a link)
        try:
            stat_result = os.lstat(path)
        except OSError:
            return  # gone: its own event says so
        if (stat_result.st_size, stat_result.st_mtime) != (results[0].size,
                                                           results[0].modified):
            self.rescan(path)
            return
        exposure = LocalExposure().of(path)
        if exposure == results[0].exposure:
            return
        for result in results:
            result.exposure = exposure
            result.categories, result.special_category, result.risk = classify(
                result.findings, self.risk, exposure)
        identity = Identity(stat_result.st_dev, stat_result.st_ino, stat_result.st_size,
                            stat_result.st_mtime)
        self.counts["reexposed"] += 1
        self._store([(results, identity)], log_errors=False)

    def _control(self, message: Control) -> None:
        if self._held(message):
            self.counts["not_gone_unavailable"] += 1
            return
        if isinstance(message, Reexpose):
            self._reexpose(message.path)
        elif isinstance(message, ReexposeTree):
            for location in sorted(self.inventory.top_locations_under(
                    display_path(message.directory))):
                self._reexpose(local_path(location))
        elif isinstance(message, Gone):
            self.inventory.mark_gone([message.location], self.run_id)
            self.alerter.forget(message.location)
            self.counts["gone"] += 1
        elif isinstance(message, Moved):
            self.alerter.carry(message.source, message.destination)
            self.inventory.mark_gone([message.source], self.run_id)
            self.counts["moved"] += 1
        elif isinstance(message, TreeGone):
            self.counts["gone"] += self.inventory.mark_tree_gone(message.directory, self.run_id)
            self.alerter.forget_tree(message.directory)
        else:
            self.alerter.carry_tree(message.source, message.destination)
            self.counts["moved"] += self.inventory.mark_tree_gone(message.source, self.run_id)
        self.dirty = True

    def _held(self, message: Control) -> bool:
        """A delete or move away under an unavailable root is not applied (no mass gone)."""
        if isinstance(message, Gone | TreeGone | Moved | TreeMoved):
            location = message.location if isinstance(message, Gone) else (
                message.directory if isinstance(message, TreeGone) else message.source)
            return self.availability.holds(location, self.inventory)
        return False


def _still_there(scanned: Scanned) -> tuple[bool, Identity | None]:
    """A result is written only if the file is still what was scanned: if it was moved,
    deleted or changed meanwhile, a later event brings the truth (no stale rows)."""
    item = scanned.item
    try:
        stat_result = os.lstat(item.handle)
        if stat.S_ISLNK(stat_result.st_mode) and not item.skip_reason:
            stat_result = os.stat(item.handle)  # a followed link: the walk saw the target
    except FileNotFoundError:
        return False, None
    except OSError:
        return True, None
    if item.skip_reason and item.modified == 0:
        return True, None  # a link not followed, an unreadable entry: nothing to compare
    if stat_result.st_size != item.size or stat_result.st_mtime != item.modified:
        return False, None
    return True, Identity(stat_result.st_dev, stat_result.st_ino, item.size, item.modified)


class WatchDaemon:
    def __init__(self, paths: list[str], out_dir: Path, config: Config) -> None:
        self.config = config
        self.watch = config.watch
        self.out_dir = out_dir
        self.roots = RootMap([os.path.abspath(p) for p in paths],
                             ignored=[os.path.abspath(out_dir)])
        self.stop = threading.Event()
        self.work: queue.Queue = queue.Queue(max(1, self.watch.queue_size))
        self.inbox: queue.Queue = queue.Queue(max(1, self.watch.queue_size))
        self.state = "starting"
        self.started_at = time.time()
        self.catch_up_thread: threading.Thread | None = None
        self.catch_up_done = False
        self.last_catch_up: CatchUpCounts | None = None
        self.resync_due = self._next_resync(time.monotonic())
        self.plans: list = []
        self.availability = Availability(self.roots.roots)

    # Lifecycle
    def run(self) -> int:
        os.umask(0o077)
        ensure_private_dir(self.out_dir)
        with output_lock(self.out_dir, "watch"):
            return self._run_locked()

    def _run_locked(self) -> int:
        # The reports an earlier `report --ico/--html` wrote describe an inventory this
        # watch is about to change, as a scan would.
        remove_stale_reports(self.out_dir)
        key = scan_key(self.out_dir, self.config)
        log.info("phiscan %s watch starting (pid %d); HMAC key from %s", __version__,
                 os.getpid(), key.origin)
        self.inventory = Inventory(self.out_dir)
        self.inventory.close_orphaned_runs()
        self.run_id = self.inventory.start_run("watch", self.roots.roots,
                                               {"workers": self.watch.workers})
        self.channels = AlertChannels(self.out_dir, self.watch)
        self.alerter = Alerter(self.out_dir, self.channels)
        record_violations(self.inventory, self.config.policy)  # the rules may have changed
        self.alerter.reconcile(self.inventory)
        self._install_signal_handlers()
        self.debouncer = Debouncer(self.roots, self.watch.settle_seconds, self.watch.max_pending,
                                   self.work, self.inbox, self.stop, self._request_resync,
                                   self._walk_new_folder)
        self.writer = Writer(self.inventory, self.alerter, self.run_id, self.config.policy,
                             self.config.risk, self.debouncer.rescan, self.availability)
        self.observers, self.plans = start_observers(
            plan_watches(self.roots.roots, self.watch),
            ForwardingHandler(self.debouncer.on_event), self.watch)
        self.pool = WorkerPool(self.config, key.secret, self.watch.workers, self.work, self.inbox,
                               self.stop)
        self.pool.start()
        self.settle_thread = threading.Thread(target=self.debouncer.run, name="phiscan-settle",
                                              daemon=True)
        self.settle_thread.start()
        self.state = "catching-up"
        self._start_catch_up()
        try:
            self._loop()
        finally:
            self._shutdown()
        return 0

    def _walk_new_folder(self, root: str, folder: str) -> Iterator[str]:
        """The paths the scan's walk lists under a folder that appeared under `root`."""
        try:
            for item in LocalSource(root, self.config).walk(folder):
                yield item.handle
        except SourceUnavailable as exc:
            log.warning("cannot list a new folder: %s", exc)

    def _install_signal_handlers(self) -> None:
        def on_signal(signum, frame) -> None:
            log.info("signal %s: stopping", signal.Signals(signum).name)
            self.stop.set()

        signal.signal(signal.SIGTERM, on_signal)
        signal.signal(signal.SIGINT, on_signal)

    def _loop(self) -> None:
        last_status = last_export = 0.0
        while not self.stop.is_set():
            messages = self._drain(timeout=0.2)
            if messages:
                self.writer.apply(messages)
            now = time.monotonic()
            if now - last_status >= self.watch.heartbeat_seconds:
                if self.availability.recovered():
                    self._request_resync()
                self._write_status()
                last_status = now
            export_every = self.watch.export_interval_seconds
            if export_every > 0 and self.writer.dirty and now - last_export >= export_every:
                self._export()
                last_export = now
            self.channels.flush_suppressed()
            self._maybe_resync(now)

    def _drain(self, timeout: float) -> list[Message]:
        try:
            messages = [self.inbox.get(timeout=timeout)]
        except queue.Empty:
            return []
        while len(messages) < DRAIN_BATCH:
            try:
                messages.append(self.inbox.get_nowait())
            except queue.Empty:
                break
        return messages

    def _shutdown(self) -> None:
        self.state = "stopping"
        self.stop.set()
        self._write_status()
        stop_observers(self.observers)
        self.pool.join(timeout=30)
        leftovers = self._drain(timeout=0)
        while leftovers:  # finished work already in hand is kept
            self.writer.apply(leftovers)
            leftovers = self._drain(timeout=0)
        counts = dict(self.writer.counts)
        self.inventory.finish_run(self.run_id, "completed", counts)
        self._export()
        self.channels.close()
        self.alerter.close()
        self.state = "stopped"
        self._write_status()
        self.inventory.close()
        log.info("phiscan watch stopped: %s", counts)

    # Catch-up and resync
    def _start_catch_up(self) -> None:
        catch_up = CatchUp(self.roots, self.out_dir, self.config, self.work, self.inbox,
                           self.stop, self.alerter.missing_identities())
        self.catch_up_thread = start_catch_up(catch_up, self._catch_up_finished)

    def _catch_up_finished(self, counts: CatchUpCounts) -> None:
        self.last_catch_up = counts
        self.catch_up_done = True
        if self.state == "catching-up":
            self.state = "running"
        self.debouncer.released.set()

    def _request_resync(self) -> None:
        self.resync_due = 0.0

    def _maybe_resync(self, now: float) -> None:
        if now < self.resync_due or (self.catch_up_thread and self.catch_up_thread.is_alive()):
            return
        log.info("resync: full catch-up pass")
        self._start_catch_up()
        self.resync_due = self._next_resync(now)

    def _next_resync(self, now: float) -> float:
        interval = self.watch.resync_interval_seconds
        return now + interval if interval > 0 else float("inf")

    # Outputs
    def _export(self) -> None:
        write_exports(self.inventory, self.out_dir,
                      {"id": self.run_id, "status": "watching", "sources": self.roots.roots})
        self.writer.dirty = False

    def _write_status(self) -> None:
        in_progress = self.pool.in_progress()
        pending = self.debouncer.pending_count()
        last_event = self.debouncer.last_event
        catching_up = self.catch_up_thread is not None and self.catch_up_thread.is_alive()
        idle = (self.catch_up_done and not catching_up and pending == 0 and in_progress == 0
                and self.work.qsize() == 0 and self.inbox.qsize() == 0)
        write_status(self.out_dir, {
            "pid": os.getpid(),
            "version": __version__,
            "state": self.state,
            "started_at": self.started_at,
            "heartbeat_at": time.time(),
            "heartbeat_seconds": self.watch.heartbeat_seconds,
            "run_id": self.run_id,
            "paths": [{"path": p.path, "observer": p.observer, "reason": p.reason}
                      for p in self.plans],
            "workers": self.watch.workers,
            "workers_ready": self.pool.ready,
            "catch_up_done": self.catch_up_done,
            "catching_up": catching_up,
            "catch_up": vars(self.last_catch_up) if self.last_catch_up else None,
            "queue_depth": self.work.qsize(),
            "queue_size": self.watch.queue_size,
            "results_waiting": self.inbox.qsize(),
            "pending": pending,
            "in_progress": in_progress,
            "idle": idle,
            "events": self.debouncer.events,
            "last_event": vars(last_event) if last_event else None,
            "counts": dict(self.writer.counts),
            "unavailable": self.availability.roots(),
            "alerts_suppressed": self.channels.suppressed_total,
        })


def run_watch(paths: list[str], out_dir: str | Path, config: Config) -> int:
    threading.excepthook = _scrubbed_thread_hook
    return WatchDaemon(paths, Path(out_dir), config).run()


def _scrubbed_thread_hook(args: threading.ExceptHookArgs) -> None:
    """A crashing thread reports its exception type and place, never the message."""
    frame = args.exc_traceback
    while frame is not None and frame.tb_next is not None:
        frame = frame.tb_next
    where = f" at {frame.tb_frame.f_code.co_filename}:{frame.tb_lineno}" if frame else ""
    thread = args.thread.name if args.thread else "?"
    sys.stderr.write(f"phiscan: thread {thread} failed: {args.exc_type.__name__}{where}\n")
