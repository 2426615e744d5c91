"""How fast the CLI answers: `--version`, `--help`, `status DIR`, `report DIR` (issue #17).

    python bench/cli_latency.py [--locations 100000] [--runs 5]

Builds an inventory of --locations scanned files (each with a patient's NHS number, name
and date of birth, as keyed hashes and masks: no raw value) in a temporary folder, then
runs each command --runs times as a new process and prints the median wall seconds and
the median CPU seconds (user + system of the process), with the load average: the
machine is shared, so CPU seconds are the steadier figure. Python writes bytecode for
this run (PYTHONDONTWRITEBYTECODE unset), as an installed package has it.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from phiscan.inventory.store import Inventory
from phiscan.model import Finding, LocationResult, Risk, Status
from phiscan.watch.status import write_status

PERSON_TYPES = (("UK_NHS", "*** *** 1234"), ("PERSON", "J*** S****"),
                ("DATE_OF_BIRTH", "**/**/1970"))


def _finding(entity_type: str, masked: str, person: int, role: str) -> Finding:
    value_hash = hashlib.sha256(f"{entity_type}:{person}".encode()).hexdigest()
    return Finding(entity_type, 0.9, "bench", "text", 0, 10, masked, value_hash,
                   record="1", role=role if entity_type == "PERSON" else "")


def location(index: int, root: str) -> LocationResult:
    person = index // 3  # three files per patient, as in an export folder
    findings = [_finding(kind, masked, person, "subject") for kind, masked in PERSON_TYPES]
    return LocationResult(
        location=f"{root}/patient{person:06d}/visit{index % 3}.txt", status=Status.SCANNED,
        size=2000, modified=time.time(), root=root, extractor="text", chars=2000,
        findings=findings, categories=["identity"], special_category=False, risk=Risk.HIGH,
    )


def make_inventory(out: Path, count: int) -> None:
    with Inventory(out) as inventory:
        run_id = inventory.start_run("scan", ["/share"])
        batch = 5000
        for first in range(0, count, batch):
            inventory.write_results(
                run_id, (location(i, "/share") for i in range(first, min(first + batch, count))))
        inventory.finish_run(run_id, "completed", {"scanned": count})
    now = time.time()  # a watch that is running: this process, beating now
    write_status(out, {"state": "running", "pid": os.getpid(), "started_at": now,
                       "heartbeat_at": now, "heartbeat_seconds": 600, "paths": []})


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL)
    if done.returncode != 0:
        raise SystemExit(f"{command[3:]} exited {done.returncode}")
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--locations", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    phiscan = [sys.executable, "-m", "phiscan"]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        started = time.perf_counter()
        make_inventory(out, args.locations)
        print(f"inventory: {args.locations} locations in {time.perf_counter() - started:.1f} s")
        commands = {
            "--version": phiscan + ["--version"],
            "--help": phiscan + ["--help"],
            "status DIR": phiscan + ["status", str(out)],
            f"report DIR ({args.locations} locations)": phiscan + ["report", str(out)],
        }
        subprocess.run(phiscan + ["--help"], env=env, stdout=subprocess.DEVNULL)  # bytecode
        print(f"load average before: {os.getloadavg()[0]:.1f}")
        for name, command in commands.items():
            runs = [timed(command, env) for _ in range(args.runs)]
            wall = statistics.median(run[0] for run in runs)
            cpu = statistics.median(run[1] for run in runs)
            print(f"{name:40s} wall {wall:6.3f} s  cpu {cpu:6.3f} s  (median of {args.runs})")
        print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
