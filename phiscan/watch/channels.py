"""Where alerts go: the alerts file (every alert), then stdout, syslog and a
webhook (rate-limited). Payloads hold masked values only; they are built in
`alerts.py` from findings that never carried a raw value."""

from __future__ import annotations

import contextlib
import json
import logging
import logging.handlers
import os
import queue
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import deque
from collections.abc import Callable
from pathlib import Path

from phiscan.config import WatchConfig
from phiscan.security.files import PRIVATE_FILE_MODE

log = logging.getLogger("phiscan.watch")
WINDOW_SECONDS = 60.0
WEBHOOK_QUEUE_SIZE = 1_000


class RateLimiter:
    """At most `per_minute` in any 60 s window (0 = unlimited)."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self.sent: deque[float] = deque()

    def _expire(self) -> float:
        now = self.clock()
        while self.sent and now - self.sent[0] >= WINDOW_SECONDS:
            self.sent.popleft()
        return now

    def has_room(self) -> bool:
        self._expire()
        return self.per_minute <= 0 or len(self.sent) < self.per_minute

    def allow(self) -> bool:
        now = self._expire()
        if self.per_minute > 0 and len(self.sent) >= self.per_minute:
            return False
        self.sent.append(now)
        return True


class AlertFile:
    """Append-only JSON lines, 0600, one write() per line so a kill never tears a line."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, PRIVATE_FILE_MODE)
        os.fchmod(self.fd, PRIVATE_FILE_MODE)

    def append(self, payloads: list[dict]) -> None:
        for payload in payloads:
            os.write(self.fd, (json.dumps(payload, sort_keys=True) + "\n").encode())
        if payloads:
            os.fsync(self.fd)

    def alert_ids(self) -> set[str]:
        ids = set()
        with open(self.path, encoding="utf-8", errors="replace") as handle:
            for line in handle:
                try:
                    ids.add(json.loads(line)["alert_id"])
                except (ValueError, KeyError, TypeError):
                    continue
        return ids

    def close(self) -> None:
        os.close(self.fd)


class SyslogChannel:
    def __init__(self, address: str) -> None:
        target: str | tuple[str, int] = address
        if ":" in address and not address.startswith("/"):
            host, _, port = address.rpartition(":")
            target = (host, int(port))
        self.handler = logging.handlers.SysLogHandler(
            address=target, facility=logging.handlers.SysLogHandler.LOG_USER)
        self.handler.append_nul = False
        self.handler.setFormatter(logging.Formatter("phiscan: %(message)s"))

    def send(self, payload: dict) -> None:
        record = logging.LogRecord("phiscan.alert", logging.WARNING, __file__, 0,
                                   json.dumps(payload, sort_keys=True), None, None)
        self.handler.emit(record)

    def close(self) -> None:
        self.handler.close()


class WebhookSender:
    """POSTs JSON from its own thread, retrying with backoff; never logs the URL
    (webhook URLs often embed a token)."""

    def __init__(self, url: str, retries: int, timeout: float, backoff: float = 1.0) -> None:
        if not url.startswith(("http://", "https://")):
            raise ValueError("[watch] webhook_url must start with http:// or https://")
        self.url = url
        self.retries = max(0, retries)
        self.timeout = timeout
        self.backoff = backoff
        self.queue: queue.Queue[dict | None] = queue.Queue(WEBHOOK_QUEUE_SIZE)
        self.closing = threading.Event()
        self.delivered = 0
        self.failed = 0
        self.thread = threading.Thread(target=self._run, name="phiscan-webhook", daemon=True)
        self.thread.start()

    def send(self, payload: dict) -> None:
        try:
            self.queue.put_nowait(payload)
        except queue.Full:
            self.failed += 1
            log.warning("webhook queue full: alert %s not posted (it is in the alerts file)",
                        payload.get("alert_id"))

    def _run(self) -> None:
        while True:
            payload = self.queue.get()
            if payload is None:
                return
            self._post(payload)

    def _post(self, payload: dict) -> None:
        body = json.dumps(payload, sort_keys=True).encode()
        attempts = self.retries + 1
        for attempt in range(1, attempts + 1):
            request = urllib.request.Request(
                self.url, data=body, method="POST",
                headers={"Content-Type": "application/json", "User-Agent": "phiscan-watch"})
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    response.read()
                self.delivered += 1
                return
            except urllib.error.HTTPError as exc:
                problem = f"HTTP {exc.code}"
            except (urllib.error.URLError, OSError) as exc:
                problem = type(exc).__name__
            log.warning("webhook POST failed (%s), attempt %d of %d", problem, attempt, attempts)
            if attempt < attempts and self.closing.wait(self.backoff * 2 ** (attempt - 1)):
                break
        self.failed += 1
        log.error("webhook gave up on alert %s (it is in the alerts file)",
                  payload.get("alert_id"))

    def close(self, timeout: float) -> None:
        with contextlib.suppress(queue.Full):
            self.queue.put(None, timeout=timeout)
        self.thread.join(timeout)
        self.closing.set()


class AlertChannels:
    def __init__(self, out_dir: Path, config: WatchConfig) -> None:
        path = Path(config.alerts_file)
        self.file = AlertFile(path if path.is_absolute() else out_dir / path)
        self.limiter = RateLimiter(config.max_alerts_per_minute)
        self.max_per_minute = config.max_alerts_per_minute
        self.suppressed = 0
        self.suppressed_total = 0
        self.syslog: SyslogChannel | None = None
        if config.syslog:
            try:
                self.syslog = SyslogChannel(config.syslog_address)
            except (OSError, ValueError) as exc:
                log.warning("syslog unavailable (%s): alerts go to the file and stdout",
                            type(exc).__name__)
        self.webhook = (WebhookSender(config.webhook_url, config.webhook_retries,
                                      config.webhook_timeout_seconds)
                        if config.webhook_url else None)

    def announce(self, payloads: list[dict]) -> None:
        """Stdout, syslog and webhook, within the rate limit."""
        for payload in payloads:
            if self.limiter.allow():
                self.flush_suppressed(force=True)
                self._emit(payload)
                continue
            self.suppressed += 1
            self.suppressed_total += 1
            if self.suppressed == 1:
                log.warning("alert rate limit reached (%d per minute): further alerts go only "
                            "to %s until the window reopens", self.max_per_minute,
                            self.file.path.name)
                self._emit({"event": "alerts_rate_limited",
                            "max_alerts_per_minute": self.max_per_minute,
                            "alerts_file": str(self.file.path)})

    def flush_suppressed(self, force: bool = False) -> None:
        """Once the window has room again, say how many alerts only went to the file."""
        if self.suppressed and (force or self.limiter.has_room()):
            self._emit({"event": "alerts_suppressed", "count": self.suppressed,
                        "alerts_file": str(self.file.path)})
            self.suppressed = 0

    def _emit(self, payload: dict) -> None:
        try:
            sys.stdout.write(json.dumps(payload, sort_keys=True) + "\n")
            sys.stdout.flush()
        except (OSError, ValueError):
            pass  # no reader on stdout: the file still has every alert
        if self.syslog:
            self.syslog.send(payload)
        if self.webhook:
            self.webhook.send(payload)

    def close(self) -> None:
        self.flush_suppressed(force=True)
        if self.webhook:
            self.webhook.close(timeout=10)
        if self.syslog:
            self.syslog.close()
        self.file.close()
