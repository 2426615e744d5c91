"""The export contract other tools rely on, rewritten after every scan.

- files.jsonl: one object per location (see README "Output contract")
- files.csv: the same rows flattened for a spreadsheet
- summary.json: totals by status, entity type, category and risk; pages read by OCR;
  `[[policy]]` violations (total, locations, per rule)
All created 0600. Only masked, aggregated data: no finding values.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

from phiscan.inventory.store import (
    Inventory,
    StoredLocation,
    StoredViolation,
    risk_counts,
    status_counts,
)
from phiscan.model import BROADLY_READABLE, utc_time
from phiscan.security.files import replaced_private

FILES_JSONL = "files.jsonl"
FILES_CSV = "files.csv"
SUMMARY_JSON = "summary.json"
CSV_COLUMNS = (
    "location", "status", "reason", "size", "modified", "special_category", "categories",
    "risk", "entities", "exposure", "exposure_principals",
)


def location_record(location: StoredLocation) -> dict:
    return {
        "location": location.location,
        "status": location.status,
        "reason": location.reason,
        "size": location.size,
        "chars": location.chars,
        "modified": utc_time(location.modified) if location.modified else "",  # 0: not known
        "entities": location.entities,
        "special_category": location.special_category,
        "categories": location.categories,
        "risk": location.risk,
        "exposure": location.exposure,
        "exposure_principals": location.exposure_principals,
        "exposure_reason": location.exposure_reason,
    }


def is_sensitive(location: StoredLocation) -> bool:
    """Special-category data or home-access details: what exposure makes critical."""
    return location.special_category or "home_access" in location.categories


def is_sensitive_and_broadly_readable(location: StoredLocation) -> bool:
    return is_sensitive(location) and location.exposure in BROADLY_READABLE


def violation_counts(violations: list[StoredViolation]) -> dict:
    """How many violations, at how many locations, per rule (the rules that found any)."""
    return {"total": len(violations),
            "locations": len({item.location for item in violations}),
            "by_rule": dict(sorted(Counter(item.violation.rule for item in violations).items()))}


def build_summary(locations: list[StoredLocation], run: dict | None = None,
                  violations: list[StoredViolation] | None = None) -> dict:
    entity_totals: Counter[str] = Counter()
    category_locations: Counter[str] = Counter()
    for location in locations:
        category_locations.update(location.categories)
    # Counted by shape first: a large inventory repeats a few entity mixes, and Counter
    # counts hashable items in C where adding dict to dict is a Python loop per location.
    for shape, times in Counter(tuple(loc.entities.items()) for loc in locations).items():
        for name, count in shape:
            entity_totals[name] += count * times
    return {
        "locations": len(locations),
        "status": status_counts(locations),
        "risk": risk_counts(locations),
        "special_category_locations": sum(1 for loc in locations if loc.special_category),
        "sensitive_broadly_readable_locations": sum(
            1 for loc in locations if is_sensitive_and_broadly_readable(loc)),
        "entities": dict(sorted(entity_totals.items())),
        "categories": dict(sorted(category_locations.items())),
        "bytes": sum(location.size for location in locations),
        "ocr_pages": sum(location.ocr_pages for location in locations),
        "policy_violations": violation_counts(violations or []),
        "run": run or {},
    }


def write_exports(inventory: Inventory, out_dir: str | Path, run: dict | None = None) -> dict:
    out = Path(out_dir)
    locations = list(inventory.locations())
    with replaced_private(out / FILES_JSONL) as handle:
        for location in locations:
            handle.write(json.dumps(location_record(location), ensure_ascii=False) + "\n")
    with replaced_private(out / FILES_CSV) as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for location in locations:
            record = location_record(location)
            record["categories"] = ";".join(location.categories)
            record["entities"] = ";".join(f"{k}={v}" for k, v in location.entities.items())
            record["special_category"] = str(location.special_category).lower()
            record["exposure_principals"] = ";".join(location.exposure_principals)
            writer.writerow([record[column] for column in CSV_COLUMNS])
    summary = build_summary(locations, run, inventory.violations())
    with replaced_private(out / SUMMARY_JSON) as handle:
        json.dump(summary, handle, indent=2, sort_keys=True)
        handle.write("\n")
    return summary
