"""Listing, read and scan throughput of the S3 and SMB sources against the local
source, on one generated share served three ways (all on 127.0.0.1):

    .venv/bin/python bench/sources_throughput.py [--copies 20] [--big-mb 16]

S3 is moto's server (Python, its own process), SMB is Debian's smbd, so the remote
numbers are a floor for the sources' own overhead, not a forecast for AWS or a
Windows file server. Needs root for Samba (installed when missing).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from phiscan.config import Config  # noqa: E402
from phiscan.scan.runner import run_scan  # noqa: E402
from phiscan.sources import open_source  # noqa: E402
from phiscan.synthetic.demo_share import build_sample_share  # noqa: E402
from tests.servers import free_port, start_samba, wait_for_port  # noqa: E402
from tests.source_fixtures import AWS_TEST_ENV  # noqa: E402


def start_moto_process() -> tuple[subprocess.Popen, str]:
    """moto in its own process: in ours it would share the GIL with the client."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    if not wait_for_port(port):
        process.kill()
        raise SystemExit("moto server did not start")
    return process, f"http://127.0.0.1:{port}"


def build_share(root: Path, copies: int, big_mb: int) -> None:
    for copy in range(copies):
        build_sample_share(root / f"team-{copy:03d}", seed=copy)
    (root / "big").mkdir()
    for index in range(2):
        (root / "big" / f"export-{index}.csv").write_bytes(os.urandom(big_mb << 20))
    for path in [root, *root.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)


def upload(endpoint: str, bucket: str, root: Path) -> None:
    import boto3

    client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
    client.create_bucket(Bucket=bucket)
    for path in sorted(root.rglob("*")):
        if path.is_file():
            client.put_object(Bucket=bucket, Key=path.relative_to(root).as_posix(),
                              Body=path.read_bytes())


def measure(uri: str, config: Config) -> dict[str, float]:
    source = open_source(uri, config)
    started = time.perf_counter()
    items = list(source.walk())
    listed = time.perf_counter() - started
    started = time.perf_counter()
    read_bytes = sum(len(source.read(item, config.scan.max_file_bytes)) for item in items)
    read = time.perf_counter() - started
    source.close()
    return {"files": len(items), "list_s": listed, "files_per_s_listed": len(items) / listed,
            "read_s": read, "mb": read_bytes / 1e6, "mb_per_s_read": read_bytes / 1e6 / read}


def scan_seconds(uri: str, config: Config, out: Path) -> float:
    scan_config = Config()
    scan_config.s3, scan_config.smb = config.s3, config.smb
    scan_config.scan.workers = 1
    scan_config.scan.exclude = ["big/*"]  # random bytes: only the read test uses them
    started = time.perf_counter()
    run_scan([uri], out, scan_config)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--big-mb", type=int, default=16)
    parser.add_argument("--no-scan", action="store_true", help="only list and read")
    args = parser.parse_args()
    os.environ.update(AWS_TEST_ENV)
    os.environ.setdefault("PHISCAN_HMAC_KEY", "bench-key")
    work = Path(tempfile.mkdtemp(prefix="phiscan-bench-"))
    work.chmod(0o755)
    share = work / "share"
    build_share(share, args.copies, args.big_mb)
    moto, endpoint = start_moto_process()
    samba = start_samba(work / "samba", {"share": f"guest:{share}"})
    try:
        upload(endpoint, "bench", share)
        config = Config()
        config.s3.endpoint_url = endpoint
        config.smb.require_signing = False
        uris = {"local": str(share), "s3": "s3://bench",
                "smb": f"smb://guest@127.0.0.1:{samba.port}/share"}
        print(f"{'source':6} {'files':>6} {'list s':>7} {'files/s':>8} {'read MB':>8} "
              f"{'read s':>7} {'MB/s':>7} {'scan s':>7}")
        for name, uri in uris.items():
            row = measure(uri, config)
            scanned = "-" if args.no_scan else f"{scan_seconds(uri, config, work / name):7.1f}"
            print(f"{name:6} {row['files']:6d} {row['list_s']:7.3f} "
                  f"{row['files_per_s_listed']:8.0f} {row['mb']:8.1f} {row['read_s']:7.2f} "
                  f"{row['mb_per_s_read']:7.1f} {scanned:>7}")
    finally:
        samba.stop()
        moto.terminate()
        moto.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
