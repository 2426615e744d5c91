"""`individuals --export`: one row per person for case handling.

Pseudonymous ids and masked identifiers only. With `--reveal`, columns with the
values recovered from the sources are added (see `phiscan.scoping.reveal`).
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from phiscan.scoping.linkage import Individual
from phiscan.security import open_private

FIRST_LOCATIONS = 3
EXPORT_COLUMNS = (
    "individual_id", "nhs_number_masked", "name_masked", "date_of_birth_masked",
    "postcode_masked", "categories", "special_category", "home_access",
    "test_range_nhs_number", "records", "locations", "first_locations",
)
ROLES = ("nhs", "full_names", "dobs", "postcodes")
REVEAL_COLUMNS = ("nhs_number", "name", "date_of_birth", "postcode")


def ranked_hashes(person: Individual, role: str) -> list[str]:
    """The person's values of one role, most frequent first (their own name before a
    carer's named once in a note)."""
    counts: Counter[str] = Counter()
    for record in person.records:
        counts.update(getattr(record, role))
    return sorted(counts, key=lambda value_hash: (-counts[value_hash], value_hash))


def masked_previews(person: Individual, role: str) -> str:
    previews: dict[str, str] = {}
    for record in person.records:
        previews.update(record.masked)
    ordered = [previews[value_hash] for value_hash in ranked_hashes(person, role)]
    return "; ".join(dict.fromkeys(ordered))


def export_row(person: Individual) -> dict[str, str | int]:
    locations = person.locations
    nhs_masked, names_masked, dobs_masked, postcodes_masked = (
        masked_previews(person, role) for role in ROLES
    )
    return {
        "individual_id": person.id,
        "nhs_number_masked": nhs_masked,
        "name_masked": names_masked,
        "date_of_birth_masked": dobs_masked,
        "postcode_masked": postcodes_masked,
        "categories": ";".join(sorted(person.categories)),
        "special_category": str(person.special_category).lower(),
        "home_access": str(person.home_access).lower(),
        "test_range_nhs_number": str(person.test_range_nhs).lower(),
        "records": len(person.records),
        "locations": len(locations),
        "first_locations": " | ".join(locations[:FIRST_LOCATIONS]),
    }


def revealed_row(person: Individual, values: dict[str, str]) -> dict[str, str]:
    return {
        column: "; ".join(dict.fromkeys(
            values[value_hash] for value_hash in ranked_hashes(person, role)
            if value_hash in values
        ))
        for column, role in zip(REVEAL_COLUMNS, ROLES, strict=True)
    }


def write_export(path: Path, people: list[Individual],
                 revealed: dict[str, str] | None = None) -> int:
    """Write the CSV 0600; `revealed` maps value hashes to recovered values."""
    columns = EXPORT_COLUMNS + (REVEAL_COLUMNS if revealed is not None else ())
    with open_private(path) as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        for person in people:
            row: dict = export_row(person)
            if revealed is not None:
                row |= revealed_row(person, revealed)
            writer.writerow(row)
    return len(people)
