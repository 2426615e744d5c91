"""How long checking `[[policy]]` rules takes after a scan (issue #19).

    python bench/policy_check.py [--locations 100000] [--runs 5]

Builds an inventory of --locations scanned files spread over Finance, HR,
Community/Restricted, Community/Rota and All-Staff folders, with categories and exposure
varying by file, then times `record_violations` (every present location checked against
the five rules of docs/usage/policy.md and the violations table replaced): the step every
scan now ends with. Prints the violations found and the median wall and CPU seconds
(the machine is shared: CPU seconds are the steadier figure).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from phiscan.inventory.store import Inventory
from phiscan.model import Exposure, ExposureLevel, LocationResult, Risk, Status
from phiscan.policy.record import record_violations
from phiscan.policy.rules import parse_policy

FOLDERS = ("Finance", "HR", "Community/Restricted", "Community/Rota", "All-Staff")
CATEGORIES = (["identifiers"], ["identifiers", "health"], ["home_access"],
              ["contact", "identifiers"], [])
LEVELS = (ExposureLevel.BROAD, ExposureLevel.GROUP, ExposureLevel.RESTRICTED)
RULES = [
    {"name": "finance-no-special-category", "paths": ["Finance/**"],
     "forbid": ["special_category"]},
    {"name": "home-access-only-in-restricted", "paths": ["**"],
     "except_paths": ["Community/Restricted/**"], "forbid": ["home_access"]},
    {"name": "restricted-never-broad", "paths": ["Community/Restricted/**"],
     "max_exposure": "group"},
    {"name": "hr-identifiers-and-contact-only", "paths": ["HR/**"],
     "allow": ["identifiers", "contact"]},
    {"name": "all-staff-nothing-sensitive-broad", "paths": ["/share/All-Staff"],
     "max_exposure": "group", "max_exposure_for": ["sensitive"]},
]


def location(index: int) -> LocationResult:
    categories = CATEGORIES[index % len(CATEGORIES)]
    return LocationResult(
        location=f"/share/{FOLDERS[index % len(FOLDERS)]}/team{index % 97}/file{index:07d}.txt",
        status=Status.SCANNED, size=2000, modified=time.time(), root="/share",
        extractor="text", chars=2000, categories=list(categories),
        special_category="health" in categories, risk=Risk.HIGH if categories else Risk.NONE,
        exposure=Exposure(LEVELS[index % len(LEVELS)]))


def make_inventory(out: Path, count: int) -> None:
    with Inventory(out) as inventory:
        run_id = inventory.start_run("scan", ["/share"])
        for first in range(0, count, 5000):
            inventory.write_results(
                run_id, (location(i) for i in range(first, min(first + 5000, count))))
        inventory.finish_run(run_id, "completed", {"scanned": count})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--locations", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    rules = parse_policy(RULES)
    with tempfile.TemporaryDirectory() as folder:
        make_inventory(Path(folder), args.locations)
        seconds, cpu = [], []
        with Inventory(folder) as inventory:
            for _ in range(args.runs):
                start, start_cpu = time.perf_counter(), time.process_time()
                found = record_violations(inventory, rules)
                seconds.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
    print(f"{args.locations} locations, {len(rules)} rules: {found} violations; median over "
          f"{args.runs} runs {statistics.median(seconds):.2f} s wall, "
          f"{statistics.median(cpu):.2f} s CPU; load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
