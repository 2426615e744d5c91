"""Real servers for source tests, all on 127.0.0.1: moto's S3 server, a fault-injecting
HTTP proxy in front of it, and Samba's smbd with a generated config.

Importable on its own so `bench/sources_throughput.py` can start the same servers.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import shutil
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

SMB_USER = "nobody"  # an existing Unix account: Samba maps every SMB user to one
SMB_PASSWORD = "phiscan-test-password"
SLOWDOWN_BODY = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SlowDown</Code>'
    b"<Message>Please reduce your request rate.</Message></Error>"
)
ACCESS_DENIED_BODY = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code>'
    b"<Message>Access Denied</Message></Error>"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_port(port: int, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return True
        except OSError:
            time.sleep(0.1)
    return False


# S3 ---------------------------------------------------------------------------

def start_moto() -> tuple[object, str]:
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    return server, f"http://{host}:{port}"


@dataclass
class FaultPlan:
    """What the proxy does to GETs of given keys (path `/bucket/key`)."""

    slowdown_keys: set[str] = field(default_factory=set)
    reset_keys: set[str] = field(default_factory=set)
    # Bucket sub-resources (`acl`, `policyStatus`, ...) answered 403 AccessDenied.
    denied_queries: set[str] = field(default_factory=set)
    # Buckets whose every request (listing and objects) is answered 403 AccessDenied.
    revoked_buckets: set[str] = field(default_factory=set)
    # Object paths (`/bucket/key`) whose GET is answered 403: that object's own ACL.
    denied_keys: set[str] = field(default_factory=set)
    # Object paths whose GET is accepted and never answered (until the proxy stops).
    hang_keys: set[str] = field(default_factory=set)
    # Called with the bucket name once moto has answered a listing, before the client
    # gets that answer: the change lands strictly between list and get.
    after_listing: Callable[[str], None] | None = None
    counts: dict[str, int] = field(default_factory=dict)

    def count(self, what: str) -> None:
        self.counts[what] = self.counts.get(what, 0) + 1


class FaultProxy:
    """A tiny HTTP proxy in front of moto that answers 503 SlowDown, drops the
    connection or never answers for chosen keys, and can act right after a listing
    was served."""

    def __init__(self, upstream: str, plan: FaultPlan) -> None:
        self.upstream = urlsplit(upstream)
        self.plan = plan
        handler = self._handler_class()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.released = threading.Event()  # lets hanging requests go when the proxy stops

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FaultProxy:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.released.set()
        self.server.shutdown()
        self.server.server_close()

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

            def do_GET(self) -> None:  # noqa: N802 (http.server API)
                proxy.handle(self)

            do_HEAD = do_PUT = do_POST = do_DELETE = do_GET  # noqa: N815

        return Handler

    def handle(self, request: BaseHTTPRequestHandler) -> None:
        path = unquote(urlsplit(request.path).path)
        query = parse_qs(urlsplit(request.path).query, keep_blank_values=True)
        if request.command == "GET" and path in self.plan.hang_keys:
            self.plan.count("hang")
            self.released.wait()  # the connection is open and silent: no status line
            request.close_connection = True
            return
        if request.command == "GET" and path in self.plan.slowdown_keys:
            self.plan.count("slowdown")
            _send_error(request, 503, SLOWDOWN_BODY)
            return
        if path.strip("/").split("/")[0] in self.plan.revoked_buckets or (
                request.command == "GET" and path in self.plan.denied_keys):
            self.plan.count("revoked")
            _send_error(request, 403, ACCESS_DENIED_BODY)
            return
        if request.command == "GET" and set(query) & self.plan.denied_queries:
            self.plan.count("denied")
            _send_error(request, 403, ACCESS_DENIED_BODY)
            return
        if request.command == "GET" and path in self.plan.reset_keys:
            self.plan.count("reset")
            request.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                          b"\x01\x00\x00\x00\x00\x00\x00\x00")
            request.close_connection = True
            request.connection.close()
            return
        listing = request.command == "GET" and query.get("list-type") == ["2"]
        if listing:
            self.plan.count("list")  # before answering: the client may check right after
        bucket = path.strip("/").split("/")[0]
        hook = self.plan.after_listing if listing else None
        self._forward(request, (lambda: hook(bucket)) if hook else None)

    def _forward(self, request: BaseHTTPRequestHandler,
                 before_reply: Callable[[], None] | None = None) -> None:
        length = int(request.headers.get("Content-Length") or 0)
        body = request.rfile.read(length) if length else None
        upstream = http.client.HTTPConnection(self.upstream.hostname, self.upstream.port,
                                              timeout=60)
        try:
            headers = {name: value for name, value in request.headers.items()
                       if name.lower() not in ("connection", "transfer-encoding")}
            upstream.request(request.command, request.path, body=body, headers=headers)
            response = upstream.getresponse()
            payload = response.read()
            if before_reply is not None:
                before_reply()
            request.send_response(response.status)
            for name, value in response.getheaders():
                if name.lower() not in ("connection", "transfer-encoding", "content-length",
                                        "server", "date"):
                    request.send_header(name, value)
            request.send_header("Content-Length", str(len(payload)))
            request.end_headers()
            if request.command != "HEAD":
                request.wfile.write(payload)
        finally:
            upstream.close()


def _send_error(request: BaseHTTPRequestHandler, status: int, body: bytes) -> None:
    request.send_response(status)
    request.send_header("Content-Type", "application/xml")
    request.send_header("Content-Length", str(len(body)))
    request.end_headers()
    request.wfile.write(body)


# SMB --------------------------------------------------------------------------

SMB2_READ = 0x0008


class SmbReadBlackhole:
    """A TCP relay in front of smbd that passes every SMB2 message except READ
    requests, which it swallows: the server never hears them, so the client waits
    for an answer that never comes (a server or link that hangs mid-transfer).
    Unsigned, unencrypted sessions only (guest), whose headers travel in clear."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.listener.getsockname()[1])
        self.dropped = 0
        self.sockets: list[socket.socket] = []
        self.thread = threading.Thread(target=self._accept, daemon=True)

    def __enter__(self) -> SmbReadBlackhole:
        self.thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.listener.close()
        for sock in self.sockets:
            with contextlib.suppress(OSError):
                sock.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(("127.0.0.1", self.upstream_port))
            self.sockets += [client, server]
            threading.Thread(target=self._relay, args=(client, server, True), daemon=True).start()
            threading.Thread(target=self._relay, args=(server, client, False),
                             daemon=True).start()

    def _relay(self, source: socket.socket, target: socket.socket, requests: bool) -> None:
        try:
            while frame := _read_frame(source):
                command = int.from_bytes(frame[16:18], "little") if len(frame) >= 18 else -1
                if requests and frame[4:8] == b"\xfeSMB" and command == SMB2_READ:
                    self.dropped += 1
                    continue
                target.sendall(frame)
        except OSError:
            pass


def _read_frame(sock: socket.socket) -> bytes:
    """One NetBIOS session frame (4-byte header with a 24-bit length), or b"" at the end."""
    header = _read_exact(sock, 4)
    if len(header) < 4:
        return b""
    body = _read_exact(sock, int.from_bytes(header[1:4], "big"))
    return header + body


def _read_exact(sock: socket.socket, size: int) -> bytes:
    chunks = []
    while size:
        chunk = sock.recv(size)
        if not chunk:
            break
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


class SambaUnavailable(Exception):
    pass


def ensure_samba_installed() -> str:
    """Path of smbd, installing Debian's samba when missing (as root)."""
    found = shutil.which("smbd") or ("/usr/sbin/smbd" if Path("/usr/sbin/smbd").exists() else "")
    if found:
        return found
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise SambaUnavailable("smbd is missing and cannot be installed (needs root and apt-get)")
    install = ["apt-get", "install", "-y", "--no-install-recommends",
               "-o", "DPkg::Lock::Timeout=300", "samba"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    if subprocess.run(install, env=env, capture_output=True, timeout=900).returncode != 0:
        subprocess.run(["apt-get", "update"], env=env, capture_output=True, timeout=900)
        result = subprocess.run(install, env=env, capture_output=True, timeout=900)
        if result.returncode != 0:
            tail = result.stderr.decode(errors="replace")[-300:]
            raise SambaUnavailable(f"apt-get install samba failed: {tail}")
    found = shutil.which("smbd") or "/usr/sbin/smbd"
    if not Path(found).exists():
        raise SambaUnavailable("samba installed but smbd not found")
    return found


def ensure_debian_command(command: str, package: str) -> str:
    """Path of a command, installing the Debian package that has it when missing (as root)."""
    found = shutil.which(command)
    if found:
        return found
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise RuntimeError(f"{command} is missing and cannot be installed (needs root, apt-get)")
    install = ["apt-get", "install", "-y", "--no-install-recommends",
               "-o", "DPkg::Lock::Timeout=300", package]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    if subprocess.run(install, env=env, capture_output=True, timeout=900).returncode != 0:
        subprocess.run(["apt-get", "update"], env=env, capture_output=True, timeout=900)
        subprocess.run(install, env=env, capture_output=True, timeout=900, check=True)
    found = shutil.which(command)
    if not found:
        raise RuntimeError(f"{package} installed but {command} not found")
    return found


@dataclass
class SambaServer:
    process: subprocess.Popen
    port: int
    workdir: Path

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)


def samba_config(workdir: Path, port: int, shares: dict[str, str]) -> str:
    """smb.conf text: everything under workdir, 127.0.0.1 only. `shares` maps a share
    name to `ACCESS:path`, ACCESS being `guest`, `user` (password) or `dfs` (guest, and
    symlinks named `msdfs:host\\share` in it are DFS links, i.e. reparse points)."""
    lines = [
        "[global]",
        "server role = standalone server",
        f"smb ports = {port}",
        "interfaces = 127.0.0.1",
        "bind interfaces only = yes",
        "disable netbios = yes",
        "map to guest = Bad User",
        f"guest account = {SMB_USER}",
        "server signing = auto",
        "server min protocol = SMB2_10",
        "load printers = no",
        "printing = bsd",
        "printcap name = /dev/null",
        "disable spoolss = yes",
        "log level = 0",
        f"log file = {workdir}/log.smbd",
        f"state directory = {workdir}/state",
        f"lock directory = {workdir}/lock",
        f"private dir = {workdir}/private",
        f"cache directory = {workdir}/cache",
        f"pid directory = {workdir}/pid",
        f"ncalrpc dir = {workdir}/ncalrpc",
        f"passdb backend = tdbsam:{workdir}/private/passdb.tdb",
        "",
    ]
    for name, spec in shares.items():
        access, _, path = spec.partition(":")
        lines += [f"[{name}]", f"path = {path}", "read only = yes", "browseable = yes"]
        if access in ("guest", "dfs"):
            lines += ["guest ok = yes", "guest only = yes"]
            if access == "dfs":
                lines.append("msdfs root = yes")
        else:
            lines += ["guest ok = no", f"valid users = {SMB_USER}"]
        lines.append("")
    return "\n".join(lines)


def start_samba(workdir: Path, shares: dict[str, str]) -> SambaServer:
    smbd = ensure_samba_installed()
    for sub in ("state", "lock", "private", "cache", "pid", "ncalrpc"):
        (workdir / sub).mkdir(parents=True, exist_ok=True)
    port = free_port()
    conf = workdir / "smb.conf"
    conf.write_text(samba_config(workdir, port, shares))
    smbpasswd = shutil.which("smbpasswd") or "/usr/bin/smbpasswd"
    subprocess.run(
        [smbpasswd, "-c", str(conf), "-a", "-s", SMB_USER],
        input=f"{SMB_PASSWORD}\n{SMB_PASSWORD}\n", text=True, capture_output=True, check=True,
        timeout=60,
    )
    # --no-process-group makes smbd signal its whole process group on exit: give it its own.
    process = subprocess.Popen(
        [smbd, "--foreground", "--no-process-group", f"--configfile={conf}"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    server = SambaServer(process, port, workdir)
    if not wait_for_port(port):
        server.stop()
        log = (workdir / "log.smbd").read_text(errors="replace")[-500:] \
            if (workdir / "log.smbd").exists() else ""
        raise SambaUnavailable(f"smbd did not start listening on {port}: {log}")
    return server
