"""The polling observer (for network mounts) with the alert channels: a webhook
on a local HTTP server that fails once, syslog over UDP, and the rate limit."""

from __future__ import annotations

import json
import os
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.watch_helpers import (
    alert_lines,
    leaked,
    present,
    read_status,
    start_daemon,
    wait_for,
    wait_until_running,
    write_config,
)

CODES = ["7391", "2846", "5173", "9024", "6618"]


class Webhook:
    """Answers 500 to the first POST, 200 afterwards; keeps every body."""

    def __init__(self) -> None:
        self.bodies: list[dict] = []
        self.statuses: list[int] = []
        received = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server API)
                body = self.rfile.read(int(self.headers["Content-Length"]))
                status = 500 if not received.statuses else 200
                received.statuses.append(status)
                if status == 200:
                    received.bodies.append(json.loads(body))
                self.send_response(status)
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/alerts"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class SyslogReceiver:
    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.messages: list[str] = []
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._receive, daemon=True)
        self.thread.start()
        self.address = f"127.0.0.1:{self.sock.getsockname()[1]}"

    def _receive(self) -> None:
        while not self.stopping.is_set():
            try:
                self.messages.append(self.sock.recv(65536).decode())
            except TimeoutError:
                continue

    def close(self) -> None:
        self.stopping.set()
        self.thread.join()
        self.sock.close()


@pytest.fixture()
def receivers():
    webhook, syslog = Webhook(), SyslogReceiver()
    yield webhook, syslog
    webhook.close()
    syslog.close()


def test_polling_observer_with_webhook_syslog_and_rate_limit(tmp_path: Path, receivers):
    webhook, syslog = receivers
    share = tmp_path / "mounted-share"
    share.mkdir()
    out = share / ".phiscan"  # inside the watched tree: must not watch itself
    config = write_config(
        tmp_path / "watch.toml", poll_paths=[str(share)], poll_interval_seconds=0.3,
        settle_seconds=0.3, heartbeat_seconds=0.5, workers=1, max_alerts_per_minute=2,
        webhook_url=webhook.url, webhook_retries=2, syslog=True,
        syslog_address=syslog.address)
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    daemon = start_daemon([share], out, config, tmp_path / "logs", env=env)
    status = wait_until_running(out, daemon)
    assert status["paths"] == [{"path": str(share), "observer": "polling",
                                "reason": f"listed in [watch] poll_paths ({share})"}]

    for number, code in enumerate(CODES):
        (share / f"keysafe-{number}.txt").write_text(f"Key safe code {code}.\n")
        (share / f"stock-{number}.txt").write_text(f"stock count {number}\n")
    expected = {str(share / f"{kind}-{n}.txt") for kind in ("keysafe", "stock") for n in range(5)}
    wait_for(lambda: set(present(out)) == expected, "ten files via polling", daemon)
    (share / "stock-0.txt").unlink()
    wait_for(lambda: str(share / "stock-0.txt") not in present(out), "a delete via polling",
             daemon)
    wait_for(lambda: len(webhook.bodies) == 3, "three webhook deliveries", daemon)
    wait_for(lambda: len(syslog.messages) == 3, "three syslog messages", daemon)
    wait_for(lambda: read_status(out).get("alerts_suppressed") == 3, "suppressed count", daemon)

    # Every alert is in the file; stdout, syslog and webhook stop at the limit.
    assert sorted(a["location"] for a in alert_lines(out)) == sorted(
        str(share / f"keysafe-{n}.txt") for n in range(5))
    stdout_events = [json.loads(line)["event"] for line in daemon.stdout().splitlines()]
    assert stdout_events == ["sensitive_location", "sensitive_location", "alerts_rate_limited"]
    assert [body["event"] for body in webhook.bodies] == stdout_events
    assert webhook.statuses == [500, 200, 200, 200]  # the first POST was retried
    assert [json.loads(m.split("phiscan: ", 1)[1])["event"] for m in syslog.messages] == \
        stdout_events
    assert daemon.stop() == 0
    # On exit the channels hear how many alerts only went to the file.
    final = [json.loads(line) for line in daemon.stdout().splitlines()][-1]
    assert final == {"event": "alerts_suppressed", "count": 3,
                     "alerts_file": str(out / "alerts.jsonl")}
    everything = [daemon.stdout(), daemon.stderr(), json.dumps(webhook.bodies),
                  *syslog.messages, *(p.read_text() for p in out.glob("*.json*"))]
    for code in CODES:
        assert not any(leaked(code, text) for text in everything)
