"""Real servers for source tests, all on 127.0.0.1: moto's S3 server, a fault-injecting
HTTP proxy in front of it, and Samba's smbd with a generated config.

Importable on its own so `bench/sources_throughput.py` can start the same servers.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlencode, urlsplit

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

# moto's S3 server in a process of its own, not a thread of the caller's: a test process
# that runs no other thread can run phiscan's CLI in-process, whose scans then fork their
# workers (`tests/cli.py`, `phiscan.scan.executors.start_method`).
MOTO_SCRIPT = """
import sys
from moto.server import ThreadedMotoServer
from werkzeug.serving import WSGIRequestHandler

# A reply's headers and body go out in two writes; with Nagle's algorithm on, the
# second waited for the client's delayed ACK: 40 ms on every request on a quiet
# machine (1,000 GetObjectAcl calls took 50 s). TCP_NODELAY sends each write at once.
WSGIRequestHandler.disable_nagle_algorithm = True
server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
server.start()
host, port = server.get_host_and_port()
print(f"http://{host}:{port}", flush=True)
sys.stdin.read()  # until the caller closes it (or ends)
server.stop()
"""


class MotoServer:
    """moto's S3 server in a subprocess; `stop()` ends it."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", MOTO_SCRIPT], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, text=True)
        self.url = self.process.stdout.readline().strip()
        if not self.url.startswith("http://"):
            self.stop()
            raise RuntimeError("moto's S3 server did not start")

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start_moto() -> tuple[MotoServer, str]:
    server = MotoServer()
    return server, server.url


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
    # Listings served at most this many keys a page (the request's max-keys lowered), so
    # paging is exercised without a thousand objects; each asked-for max-keys is recorded.
    page_size: int | None = None
    requested_max_keys: list[str | None] = field(default_factory=list)
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
            disable_nagle_algorithm = True  # see MOTO_SCRIPT

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

            def do_GET(self) -> None:  # noqa: N802 (http.server API)
                proxy.handle(self)

            do_HEAD = do_PUT = do_POST = do_DELETE = do_GET  # noqa: N815

        return Handler

    def handle(self, request: BaseHTTPRequestHandler) -> None:
        path = unquote(urlsplit(request.path).path)
        query = parse_qs(urlsplit(request.path).query, keep_blank_values=True)
        # Faults on keys hit reading the object, not reading its ACL (`?acl`) in the walk.
        reads_object = request.command == "GET" and "acl" not in query
        if reads_object and path in self.plan.hang_keys:
            self.plan.count("hang")
            self.released.wait()  # the connection is open and silent: no status line
            request.close_connection = True
            return
        if reads_object and path in self.plan.slowdown_keys:
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
        if reads_object and path in self.plan.reset_keys:
            self.plan.count("reset")
            request.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                          b"\x01\x00\x00\x00\x00\x00\x00\x00")
            request.close_connection = True
            request.connection.close()
            return
        if request.command == "GET" and "acl" in query and "/" in path.strip("/"):
            self.plan.count("object_acl")
        listing = request.command == "GET" and query.get("list-type") == ["2"]
        if listing:
            self.plan.count("list")  # before answering: the client may check right after
            self._cap_page(request, query)
        bucket = path.strip("/").split("/")[0]
        hook = self.plan.after_listing if listing else None
        self._forward(request, (lambda: hook(bucket)) if hook else None)

    def _cap_page(self, request: BaseHTTPRequestHandler, query: dict[str, list[str]]) -> None:
        asked = query.get("max-keys", [None])[0]
        self.plan.requested_max_keys.append(asked)
        if self.plan.page_size is None:
            return
        capped = min(int(asked or 1000), self.plan.page_size)
        query = {**query, "max-keys": [str(capped)]}
        request.path = urlsplit(request.path)._replace(query=urlencode(query, doseq=True)).geturl()

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


class SmbRelay:
    """A TCP relay in front of smbd, frame by frame (NetBIOS session frames).

    `host`/`port` say where it listens: Samba's client tools (smbcacls) have no port
    option and always dial 445, and Linux routes all of 127.0.0.0/8 to the loopback
    device, so a relay on a random 127.x.y.z:445 reaches an smbd on any port without
    taking 445 on 127.0.0.1 from anyone else."""

    def __init__(self, upstream_port: int, host: str = "127.0.0.1", port: int = 0) -> None:
        self.upstream_port = upstream_port
        self.listener = socket.create_server((host, port))
        self.host = host
        self.port = int(self.listener.getsockname()[1])
        self.sockets: list[socket.socket] = []
        self.thread = threading.Thread(target=self._accept, daemon=True)

    def __enter__(self) -> SmbRelay:
        self.thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        # Closing a listening socket does not wake a thread blocked in accept(); shutting
        # it down does, so the relay's threads end instead of idling for the rest of the
        # test process (where any thread sends later CLI scans to a subprocess).
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        for sock in self.sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                sock.close()
        self.thread.join(timeout=10)

    def passes(self, frame: bytes) -> bool:
        """Whether a client-to-server frame goes through (every frame does here)."""
        return True

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
                if requests and not self.passes(frame):
                    continue
                target.sendall(frame)
        except OSError:
            pass
        finally:
            with contextlib.suppress(OSError):
                target.shutdown(socket.SHUT_WR)


class SmbReadBlackhole(SmbRelay):
    """A relay that passes every SMB2 message except READ requests, which it swallows:
    the server never hears them, so the client waits for an answer that never comes
    (a server or link that hangs mid-transfer). Unsigned, unencrypted sessions only
    (guest), whose headers travel in clear."""

    def __init__(self, upstream_port: int) -> None:
        super().__init__(upstream_port)
        self.dropped = 0

    def passes(self, frame: bytes) -> bool:
        command = int.from_bytes(frame[16:18], "little") if len(frame) >= 18 else -1
        if frame[4:8] == b"\xfeSMB" and command == SMB2_READ:
            self.dropped += 1
            return False
        return True


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
    """Path of smbd, installing Debian's samba and samba-vfs-modules (acl_xattr, for the
    NT ACL share) when missing (as root)."""
    found = shutil.which("smbd") or ("/usr/sbin/smbd" if Path("/usr/sbin/smbd").exists() else "")
    if found and list(Path("/usr/lib").glob("*/samba/vfs/acl_xattr.so")):
        return found
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise SambaUnavailable("smbd is missing and cannot be installed (needs root and apt-get)")
    install = ["apt-get", "install", "-y", "--no-install-recommends",
               "-o", "DPkg::Lock::Timeout=300", "samba", "samba-vfs-modules"]
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
        """smbd and everything it started. smbd's children share its process group,
        but samba-dcerpcd (which smbd starts on demand for RPC pipes such as LSA, used
        by smbcacls and by phiscan's SID lookups) makes itself a session leader: it
        would outlive the tests, so it is found through its pid file and ended too."""
        groups = [self.process.pid]
        helper = _pid_from(self.workdir / "pid" / "samba-dcerpcd.pid", self.workdir / "smb.conf")
        if helper is not None:
            groups.append(helper)
        for group in groups:
            _end_process_group(group, reap=self.process.poll)


def _pid_from(pid_file: Path, config: Path) -> int | None:
    """The pid in pid_file when that process is still the one this config started."""
    try:
        pid = int(pid_file.read_text().split()[0])
        command_line = Path(f"/proc/{pid}/cmdline").read_bytes()
    except (OSError, ValueError, IndexError):
        return None
    return pid if str(config).encode() in command_line else None


def _end_process_group(group: int, reap: Callable[[], object], timeout: float = 10.0) -> None:
    """SIGTERM to the group, SIGKILL to what is left after timeout; returns once no
    member is running. Its children become zombies until init reaps them (within
    seconds), and `pgrep smbd` lists zombies too: wait a little for those as well.
    `reap` collects the one member that is this process's own child (smbd)."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(group, sig)
        except ProcessLookupError:
            return
        if _wait_group(group, timeout, reap, zombies=False):
            break
    _wait_group(group, timeout, reap, zombies=True)


def _wait_group(group: int, timeout: float, reap: Callable[[], object], zombies: bool) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        reap()
        if not _group_members(group, zombies):
            return True
        time.sleep(0.1)
    return False


def _group_members(group: int, zombies: bool) -> list[int]:
    members = []
    for status in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = status.read_text().rsplit(")", 1)[1].split()  # state, ppid, pgrp...
        except (OSError, IndexError):
            continue
        if int(fields[2]) == group and (zombies or fields[0] != "Z"):
            members.append(int(status.parent.name))
    return members


def _die_with_parent() -> None:
    """In the child before exec: SIGTERM when the test process dies, even by SIGKILL
    (a test run killed by a timeout would otherwise leave smbd serving)."""
    import ctypes

    pr_set_pdeathsig = 1
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


def samba_config(workdir: Path, port: int, shares: dict[str, str]) -> str:
    """smb.conf text: everything under workdir, 127.0.0.1 only. `shares` maps a share
    name to `ACCESS:path`, ACCESS being `guest`, `user` (password), `dfs` (guest, and
    symlinks named `msdfs:host\\share` in it are DFS links, i.e. reparse points) or `acl`
    (password, NT ACLs kept in `security.NTACL` by `vfs objects = acl_xattr`, writable
    by SMB_USER as a share admin so `smbcacls` can set them)."""
    lines = [
        "[global]",
        "server role = standalone server",
        f"smb ports = {port}",
        "interfaces = 127.0.0.1",
        "bind interfaces only = yes",
        "disable netbios = yes",
        "netbios name = PHISCANTEST",  # accounts are PHISCANTEST\user on any host
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
        read_only = "no" if access == "acl" else "yes"
        lines += [f"[{name}]", f"path = {path}", f"read only = {read_only}", "browseable = yes"]
        if access in ("guest", "dfs"):
            lines += ["guest ok = yes", "guest only = yes"]
            if access == "dfs":
                lines.append("msdfs root = yes")
        elif access == "acl":
            lines += ["guest ok = no", f"valid users = {SMB_USER}", f"admin users = {SMB_USER}",
                      "vfs objects = acl_xattr"]
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
        start_new_session=True, preexec_fn=_die_with_parent,
    )
    server = SambaServer(process, port, workdir)
    if not wait_for_port(port):
        server.stop()
        log = (workdir / "log.smbd").read_text(errors="replace")[-500:] \
            if (workdir / "log.smbd").exists() else ""
        raise SambaUnavailable(f"smbd did not start listening on {port}: {log}")
    return server


def smbcacls(server: SambaServer, share: str, path: str, *arguments: str) -> str:
    """Run Samba's `smbcacls //host/share path ARGUMENTS` against the test smbd, as
    SMB_USER, through a relay on a random loopback address at port 445 (smbcacls
    cannot be given a port). Returns its output; a failure raises with its stderr."""
    command = ensure_debian_command("smbcacls", "smbclient")
    host = f"127.{random.randint(1, 254)}.{random.randint(1, 254)}.{random.randint(2, 254)}"
    with SmbRelay(server.port, host, 445) as relay:
        result = subprocess.run(
            [command, f"//{relay.host}/{share}", path, "-U", f"{SMB_USER}%{SMB_PASSWORD}",
             "--configfile", str(server.workdir / "smb.conf"), *arguments],
            capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise RuntimeError(f"smbcacls {' '.join(arguments)} {path}: {result.stdout}"
                           f"{result.stderr}")
    return result.stdout
