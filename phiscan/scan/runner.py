"""A whole scan: sources -> executor -> inventory (one writer) -> exports."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import logging
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from itertools import islice
from pathlib import Path

from phiscan import __version__
from phiscan.config import Config, ConfigError
from phiscan.detect.allowlist import ALLOWED_PATH_REASON, CHANGED_ALLOWED_REASON
from phiscan.detect.normalize import KEY_FORMAT, variant_vocabulary_digest
from phiscan.inventory.exports import write_exports
from phiscan.inventory.lock import output_lock
from phiscan.inventory.store import FINGERPRINT_KEY, KEY_FORMAT_META, Inventory, PreviousState
from phiscan.model import MEMBER_SEP, LocationResult, SourceItem, Status
from phiscan.policy.record import record_violations
from phiscan.scan.executors import Executor, Job, JobResults, make_executor
from phiscan.scan.progress import log_unread
from phiscan.security.files import ensure_private_dir
from phiscan.security.keys import scan_key
from phiscan.sources import connection_settings, matches_globs, open_source
from phiscan.sources.base import (
    UNAVAILABLE_PREFIX,
    SourceUnavailable,
    display_uri,
    source_key,
)
from phiscan.sources.local import display_path, listed_nothing
from phiscan.sources.posture import SourcePosture, raise_risk_for_exposure, source_posture

log = logging.getLogger("phiscan.scan")
WRITE_BATCH = 200
# Items of a local walk read before the workers start: their formats' readers are
# imported once, by a fork pool's parent (`phiscan.extract.import_readers`).
LOOKAHEAD = 1024


@dataclass
class ScanProgress:
    """What the progress display shows; updated by the single writer."""

    files_found: int = 0
    walk_done: bool = False
    files_done: int = 0
    bytes_done: int = 0
    findings: int = 0
    unchanged: int = 0
    gone: int = 0
    statuses: Counter = field(default_factory=Counter)
    started: float = field(default_factory=time.monotonic)
    unavailable: list[str] = field(default_factory=list)
    # Why each of those was not read, as the log said it (no credentials: display URIs).
    unavailable_reasons: dict[str, str] = field(default_factory=dict)
    unavailable_keys: dict[str, str] = field(default_factory=dict)
    # Roots whose walk listed no file (empty, not mounted, or every file hidden by the
    # globs), with how many locations the inventory held there from earlier runs.
    empty_roots: dict[str, int] = field(default_factory=dict)
    # Of those, roots where the globs hid every location earlier runs read: not gone, not
    # read either, so no --fail-on-* check passes on them.
    hidden_roots: dict[str, int] = field(default_factory=dict)

    def record(self, results: list[LocationResult]) -> None:
        self.files_done += 1
        self.bytes_done += results[0].size
        for result in results:
            self.statuses[str(result.status)] += 1
            self.findings += len(result.findings)
        if results[0].reason.startswith(UNAVAILABLE_PREFIX):
            self.not_read(results[0].root, results[0].reason)  # read failed: it went away

    def not_read(self, root: str, reason: str, key: str | None = None) -> None:
        """A source or root not fully read: the run is incomplete, and reports say why.
        `key` is its `source_key` when `root` is a local path as typed (not absolute)."""
        if root not in self.unavailable:
            self.unavailable.append(root)
        self.unavailable_reasons.setdefault(root, reason)
        self.unavailable_keys.setdefault(root, key or source_key(root))

    def not_read_list(self) -> list[dict[str, str]]:
        return [{"source": root, "reason": self.unavailable_reasons.get(root, ""),
                 "key": self.unavailable_keys[root]} for root in self.unavailable]


def scan_source_key(uri: str) -> str:
    """A source's key as runs record it: a local one resolved against the scan's cwd."""
    return source_key(uri if "://" in uri else display_path(os.path.abspath(uri)))


@dataclass
class ScanOutcome:
    run_id: int
    summary: dict
    progress: ScanProgress
    key_origin: str


ProgressCallback = Callable[[ScanProgress], None]
FLUSH_SECONDS = 1.0


def _jobs(sources: list[str], config: Config, progress: ScanProgress,
          roots: set[str], postures: dict[str, SourcePosture], out: Path) -> Iterator[Job]:
    """The walk, lazily: one item at a time, never a list of the whole share. The
    output folder is never listed, as the watch daemon never lists it."""
    for uri in sources:
        source = open_source(uri, config)
        if hasattr(source, "ignore"):
            source.ignore(str(out))
        root = getattr(source, "root", None)
        if isinstance(root, str):
            roots.add(display_path(root))
        listed = 0
        try:
            posture = source_posture(source)
            if posture is not None:
                postures[posture.root] = posture
            for item in source.walk():
                progress.files_found += 1
                listed += 1
                roots.add(item.root)
                yield uri, item
            warn_unused_globs(uri, source)
            if listed == 0:
                warn_empty(uri, source)
                stored_root = display_path(root) if "://" not in uri else root
                if isinstance(stored_root, str):
                    progress.empty_roots[stored_root] = 0
        except SourceUnavailable as exc:
            # Not fully listed: nothing under it may be marked gone, and the run is incomplete.
            log.error("source unavailable: %s (%s)", display_uri(uri), exc)
            progress.not_read(display_uri(uri), str(exc), scan_source_key(uri))
            roots.difference_update({display_path(root), root} if isinstance(root, str) else ())
        finally:
            source.close()
    progress.walk_done = True


def warn_unused_globs(uri: str, source: object) -> None:
    globs = getattr(source, "globs", None)
    for unused in globs.unused() if globs is not None else ():
        log.warning("%s matched no file under %s", unused, display_uri(uri))


def warn_empty(uri: str, source: object) -> None:
    globs = getattr(source, "globs", None)
    if globs is not None and globs.hidden:
        log.warning("%s: --include/--exclude hid every one of the %d files listed: nothing "
                    "read", display_uri(uri), globs.hidden)
    else:
        log.warning("%s: the walk listed no file: nothing read (an empty folder, or a share "
                    "that is not mounted?)", display_uri(uri))


class Walk:
    """The scan's walk (`_jobs`) with what it learns on the way (the roots listed, the
    sources' postures). For local sources only, its first `LOOKAHEAD` items can be read
    before the workers start (`first_files`); iterating gives them, then the rest, and
    an exception met while reading ahead is raised where the iteration reaches it. A
    remote source is never opened before the fork (its client may start threads)."""

    def __init__(self, sources: list[str], config: Config, progress: ScanProgress,
                 out: Path) -> None:
        self.roots: set[str] = set()
        self.postures: dict[str, SourcePosture] = {}
        self.jobs = _jobs(sources, config, progress, self.roots, self.postures, out)
        self.local = all("://" not in uri for uri in sources)
        self.ahead: list[Job] = []
        self.error: Exception | None = None

    def first_files(self) -> list[str] | None:
        if not self.local:
            return None
        try:
            self.ahead.extend(islice(self.jobs, LOOKAHEAD))
        except Exception as exc:  # raised again where the walk would have raised it
            self.error = exc
        return [item.location for _uri, item in self.ahead]

    def __iter__(self) -> Iterator[Job]:
        ahead, self.ahead = self.ahead, []
        yield from ahead
        if self.error is not None:
            error, self.error = self.error, None
            raise error
        yield from self.jobs


def detection_fingerprint(config: Config) -> str:
    """What decides a location's findings besides its bytes: a change forces a full rescan."""
    settings = {"version": __version__, "key_format": KEY_FORMAT, "nlp": asdict(config.nlp),
                "detection": asdict(config.detection), "limits": asdict(config.limits),
                "name_variants_sha256": variant_vocabulary_digest()}
    allowlist = Path(config.detection.allowlist) if config.detection.allowlist else None
    if allowlist is not None and allowlist.is_file():
        settings["allowlist_sha256"] = hashlib.sha256(allowlist.read_bytes()).hexdigest()
    return hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()


def is_unchanged(item: SourceItem, previous: PreviousState) -> bool:
    """ETag + size when the source has ETags (S3), else size + mtime. A location that
    errored, or holds a member that did, is never unchanged: errors are retried."""
    if item.skip_reason or previous.status == str(Status.ERROR) or previous.member_errors \
            or item.size != previous.size:
        return False
    if item.exposure is not None and previous.exposure != (
            str(item.exposure.level), item.exposure.principals):
        return False  # re-permissioned: its risk may change too
    if item.etag:
        return item.etag == previous.etag
    return item.modified == previous.modified


def flag_changed_allowed(inventory: Inventory, results: list[LocationResult]) -> int:
    """An allow-listed path whose size, mtime or ETag differs from the row a scan last
    wrote: still not read (allowed paths never are), but what was reviewed and allowed is
    no longer what is there, so its row says so and the log names it for re-review. Scan
    and watch alike, before the results are written. Returns how many."""
    flagged = 0
    for index, result in enumerate(results):
        if result.reason != ALLOWED_PATH_REASON:
            continue
        previous = inventory.previous_state(result.location)
        if previous is None or (previous.size, previous.modified, previous.etag) == (
                result.size, result.modified, result.etag):
            continue
        results[index] = replace(result, reason=CHANGED_ALLOWED_REASON)
        log.warning("%s: %s", result.location, CHANGED_ALLOWED_REASON)
        flagged += 1
    return flagged


class RescanPlanner:
    """Lets changed and new locations through to the executor; records the rest as
    carried forward. On resume, locations this run already wrote are not redone."""

    def __init__(self, inventory: Inventory, run_id: int, full: bool,
                 progress: ScanProgress) -> None:
        self.inventory = inventory
        self.run_id = run_id
        self.full = full
        self.progress = progress
        self.carried: list[str] = []

    def needs_scan(self, item: SourceItem) -> bool:
        previous = self.inventory.previous_state(item.location)
        if previous is None:
            return True
        if previous.last_run == self.run_id:
            return False  # a resume: this run wrote it (an errored member is retried next run)
        return self.full or not is_unchanged(item, previous)

    def filter(self, jobs: Iterable[Job]) -> Iterator[Job]:
        for job in jobs:
            if self.needs_scan(job[1]):
                yield job
                continue
            self.carried.append(job[1].location)
            self.progress.unchanged += 1
            self.progress.files_done += 1
            if len(self.carried) >= WRITE_BATCH:
                self.flush()

    def flush(self) -> None:
        self.inventory.carry_forward(self.run_id, self.carried)
        self.carried.clear()


class ResultWriter:
    """The single inventory writer: a transaction per batch, at least once a second so
    an interrupted scan loses at most the last second of work."""

    def __init__(self, inventory: Inventory, run_id: int) -> None:
        self.inventory = inventory
        self.run_id = run_id
        self.pending: list[LocationResult] = []
        self.last_flush = time.monotonic()

    def add(self, results: list[LocationResult]) -> None:
        self.pending.extend(results)  # a location and its members always in one transaction
        if len(self.pending) >= WRITE_BATCH or time.monotonic() - self.last_flush >= FLUSH_SECONDS:
            self.flush()

    def flush(self) -> None:
        self.inventory.write_results(self.run_id, self.pending)
        self.pending.clear()
        self.last_flush = time.monotonic()


def heap_frozen(results: Iterator[JobResults]) -> Iterator[JobResults]:
    """The results, with everything this process held before the first of them (its
    imports; with `--workers 1`, the engine) left out of the cyclic collector's walks
    until the last: results pass through by the thousand, and each full collection
    re-walked the whole heap (a quarter of the writer's CPU on a 1,000-file extract)."""
    gc.freeze()
    try:
        yield from results
    finally:
        gc.unfreeze()


def _open_run(inventory: Inventory, sources: list[str], config: Config, full: bool,
              resume: bool) -> tuple[int, bool]:
    """(run id, full). --resume continues the interrupted run with its own options."""
    for run_id in inventory.close_orphaned_runs():
        log.warning("run %d was killed before it finished: marked interrupted", run_id)
    interrupted = inventory.resumable_run() if resume else None
    if interrupted is None:
        if resume:
            log.info("nothing to resume: starting a new scan")
        options = {"workers": config.scan.workers, "executor": config.scan.executor,
                   "full": full, "source_keys": [scan_source_key(uri) for uri in sources],
                   "connections": {
                       uri: settings for uri in sources
                       if (settings := connection_settings(uri, config))}}
        return inventory.start_run("scan", sources, options), full
    if json.loads(interrupted["sources"]) != sources:
        raise ConfigError("--resume needs the same sources as the interrupted run "
                          f"(run {interrupted['id']})")
    inventory.reopen_run(interrupted["id"])
    log.info("resuming run %d", interrupted["id"])
    return int(interrupted["id"]), bool(json.loads(interrupted["options"]).get("full"))


def _hold_emptied_roots(inventory: Inventory, run_id: int, progress: ScanProgress,
                        roots: set[str], config: Config, accept_empty: bool) -> None:
    """A root that listed nothing where earlier runs read locations is taken as not
    mounted, like a source that cannot be listed: nothing under it is marked gone and
    the run is incomplete, unless `accept_empty` says it was emptied on purpose."""
    for root in progress.empty_roots:
        read_before = len(_listable_unseen(inventory, run_id, root, config))
        progress.empty_roots[root] = read_before
        if not read_before:
            hidden = sum(1 for _ in inventory.unseen_locations(run_id, root))
            if hidden:
                progress.hidden_roots[root] = hidden
            continue
        if accept_empty:
            log.warning("%s listed nothing where earlier scans read %d locations: marked gone "
                        "(--accept-empty)", root, read_before)
            continue
        log.error("%s listed no file where earlier scans read %d locations: taken as not "
                  "mounted, nothing marked gone, the run is incomplete (--accept-empty if it "
                  "was emptied on purpose)", root, read_before)
        progress.not_read(root, listed_nothing(read_before))
        roots.discard(root)


def _listable_unseen(inventory: Inventory, run_id: int, root: str, config: Config) -> list[str]:
    """The locations under `root` earlier runs read and this walk did not list, of those
    the current --include/--exclude would list (what they hide is left as it was)."""
    unseen: list[str] = []
    for location in inventory.unseen_locations(run_id, root):
        top = location.split(MEMBER_SEP, 1)[0]
        relative = top[len(root):].lstrip("/") if top.startswith(root) else top
        if matches_globs(relative, config.scan.include, config.scan.exclude, top):
            unseen.append(location)
    return unseen


def _mark_unseen_gone(inventory: Inventory, run_id: int, roots: set[str], config: Config) -> int:
    """After a completed walk: what the walk would have listed but did not is gone."""
    gone = [location for root in sorted(roots)
            for location in _listable_unseen(inventory, run_id, root, config)]
    inventory.mark_gone(gone, run_id)
    return len(gone)


def run_scan(
    sources: list[str], out_dir: str | Path, config: Config,
    on_progress: ProgressCallback | None = None, *, full: bool = False, resume: bool = False,
    accept_empty: bool = False,
) -> ScanOutcome:
    """Scan into out_dir. A rescan into the same folder skips unchanged locations
    unless `full`; `resume` continues an interrupted run instead of starting one."""
    out = ensure_private_dir(out_dir)
    with output_lock(out, "scan"):
        remove_stale_reports(out)
        key = scan_key(out, config)  # opens and closes the inventory: before the fork
        progress = ScanProgress()
        walk = Walk(sources, config, progress, out)
        # Before the inventory opens: forked workers never hold its SQLite handle.
        executor = make_executor(config, key.secret, walk.first_files)
        try:
            return _scan_with(executor, sources, walk, out, config, key.origin, progress,
                              on_progress, full=full, resume=resume, accept_empty=accept_empty)
        finally:
            executor.close()



def remove_stale_reports(out: Path) -> None:
    """The report files an earlier `report --ico/--html` wrote into the folder describe the
    inventory this scan is about to change: left beside it, a responder could send last
    week's figures. They are phiscan's own files; removed, with a log line saying to report
    again."""
    from phiscan.scoping.html import HTML_REPORT
    from phiscan.scoping.ico import ICO_JSON, ICO_MARKDOWN

    removed = []
    for name in (ICO_MARKDOWN, ICO_JSON, HTML_REPORT):
        with contextlib.suppress(FileNotFoundError):
            (out / name).unlink()
            removed.append(name)
    if removed:
        log.warning("removed %s, written from the inventory before this scan: run phiscan "
                    "report --ico/--html again for figures of this scan", ", ".join(removed))

def _scan_with(executor: Executor, sources: list[str], walk: Walk, out: Path, config: Config,
               key_origin: str, progress: ScanProgress, on_progress: ProgressCallback | None,
               *, full: bool, resume: bool, accept_empty: bool) -> ScanOutcome:
    with Inventory(out) as inventory:
        run_id, full = _open_run(inventory, sources, config, full, resume)
        fingerprint = detection_fingerprint(config)
        if inventory.meta(FINGERPRINT_KEY) not in (None, fingerprint) and not full:
            log.warning("detection settings or version changed: rescanning every location")
            full = True
        planner = RescanPlanner(inventory, run_id, full, progress)
        writer = ResultWriter(inventory, run_id)
        roots, postures = walk.roots, walk.postures
        status = "interrupted"
        try:
            for results in heap_frozen(executor.map(planner.filter(walk))):
                raise_risk_for_exposure(results, postures)
                flag_changed_allowed(inventory, results)
                progress.record(results)
                log_unread(results)
                writer.add(results)
                if on_progress:
                    on_progress(progress)
            writer.flush()
            planner.flush()
            _hold_emptied_roots(inventory, run_id, progress, roots, config, accept_empty)
            progress.gone = _mark_unseen_gone(inventory, run_id, roots, config)
            inventory.set_meta(FINGERPRINT_KEY, fingerprint)
            inventory.set_meta(KEY_FORMAT_META, KEY_FORMAT)
            status = "incomplete" if progress.unavailable else "completed"
        except KeyboardInterrupt:  # Ctrl-C, or SIGTERM as the CLI turns it: exports still say so
            executor.abort()
        finally:
            executor.close()
            inventory.record_postures(run_id, postures.values())
            counts = {"files": progress.files_done, "findings": progress.findings,
                      "unchanged": progress.unchanged, "gone": progress.gone,
                      "unavailable": progress.not_read_list(),
                      **{f"status_{key}": value for key, value in progress.statuses.items()}}
            inventory.finish_run(run_id, status, counts)
        record_violations(inventory, config.policy)
        summary = write_exports(
            inventory, out,
            {"id": run_id, "status": status, "sources": sources,
             "unavailable": progress.unavailable,
             "seconds": round(time.monotonic() - progress.started, 3),
             **inventory.rows_of_run(run_id)},
        )
    log.info("scan %s: %d locations (%s), %d unchanged, %d gone, %d findings", status,
             sum(progress.statuses.values()), _status_counts(progress.statuses),
             progress.unchanged, progress.gone, progress.findings)
    return ScanOutcome(run_id, summary, progress, key_origin)


def _status_counts(statuses: Counter) -> str:
    return ", ".join(f"{statuses.get(str(status), 0)} {status}" for status in Status)


def has_special_category(summary: dict) -> bool:
    return summary.get("special_category_locations", 0) > 0


def has_violations(summary: dict) -> bool:
    return summary.get("policy_violations", {}).get("total", 0) > 0


__all__ = ["run_scan", "ScanOutcome", "ScanProgress", "has_special_category", "has_violations",
           "Status"]
