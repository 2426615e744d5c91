"""Applying the rules to the inventory: after a scan over every location (the rules may
have changed since), in the watch daemon over each batch it writes."""

from __future__ import annotations

from collections.abc import Iterable

from phiscan.inventory.store import Inventory, StoredLocation, StoredViolation
from phiscan.model import ExposureLevel, LocationResult
from phiscan.policy.rules import Location, PolicyRule, Violation, violations


def stored_location(stored: StoredLocation) -> Location:
    return Location(stored.location, frozenset(stored.categories), stored.special_category,
                    stored.exposure)


def result_location(result: LocationResult) -> Location:
    exposure = result.exposure.level if result.exposure else ExposureLevel.UNKNOWN
    return Location(result.location, frozenset(result.categories), result.special_category,
                    str(exposure))


def violations_at(rules: list[PolicyRule],
                  locations: Iterable[StoredLocation]) -> list[StoredViolation]:
    """The rules applied to stored locations, by location then rule."""
    return [StoredViolation(stored.location, violation) for stored in locations
            for violation in sorted(violations(rules, stored_location(stored)),
                                    key=lambda found: found.rule)]


def record_violations(inventory: Inventory, rules: list[PolicyRule]) -> int:
    """Every present location checked; the stored violations replaced. Returns their count."""
    if not rules:
        inventory.replace_violations([])
        return 0
    found = [(location, violation)
             for location, categories, special, exposure in inventory.holding_data()
             for violation in violations(rules, Location(location, frozenset(categories),
                                                         special, exposure))]
    inventory.replace_violations(found)
    return len(found)


def record_result_violations(inventory: Inventory, rules: list[PolicyRule],
                             results: Iterable[LocationResult]) -> dict[str, list[Violation]]:
    """The violations of results just written, stored in place of their old ones; returned
    per location (an empty list for a location that breaks no rule)."""
    by_location = {result.location: violations(rules, result_location(result))
                   for result in results}
    inventory.update_violations(by_location, [(location, violation)
                                              for location, found in by_location.items()
                                              for violation in found])
    return by_location
