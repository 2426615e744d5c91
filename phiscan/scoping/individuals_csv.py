"""`individuals --export`: one row per person for case handling.

Pseudonymous ids and masked identifiers only. With `--reveal`, columns with the
values recovered from the sources are added (see `phiscan.scoping.reveal`).
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from phiscan.detect.normalize import readable_name
from phiscan.detect.postal_addresses import Address
from phiscan.model import MEMBER_SEP
from phiscan.scoping.letters import (
    found_in,
    is_deceased,
    letter_postcodes,
    write_to,
)
from phiscan.scoping.linkage import Individual
from phiscan.scoping.recurrence import name_id
from phiscan.scoping.subject_records import UNKNOWN_KIND
from phiscan.security.files import open_private
from recognizers.access_kinds import ACCESS_KINDS

FIRST_LOCATIONS = 3
# What an Art. 34 letter needs (`phiscan.scoping.letters`): whether a record says the person
# died, whom to write to, the next of kin then, and the address: its postcode masked, where
# it was found, and how many postcodes of their own the person has.
LETTER_COLUMNS = ("deceased", "write_to", "next_of_kin_masked", "address_masked",
                  "address_found_in", "addresses_found")
EXPORT_COLUMNS = (
    "individual_id", "nhs_number_masked", "name_masked", "other_names_masked",
    "date_of_birth_masked", "postcode_masked", "related_people_masked", "related_people_count",
    "categories", "special_category", "home_access", "home_access_kinds",
    "test_range_nhs_number", "records",
    "locations", "first_locations", "linkage_fault", "identified_by", "name_ids",
    "local_ids_masked", "home_access_via", "life_state", "former_home_access_kinds",
    *LETTER_COLUMNS,
)
# The kinds of hash a revealed row shows; names are split into the best, the others and
# related people by `name_columns`.
ROLES = ("nhs", "full_names", "dobs", "postcodes", "related_names")
# Names as a letter writes them (`PRICE, Ann` -> `Ann Price`: `readable_name`).
NAME_COLUMNS = frozenset({"name", "other_names", "related_people"})
REVEAL_COLUMNS = ("nhs_number", "name", "other_names", "date_of_birth", "postcode",
                  "related_people", "reveal_note", "address", "next_of_kin")


def ranked_hashes(person: Individual, role: str) -> list[str]:
    """The person's values of one role, most frequent first (their own name before a
    carer's named once in a note); a name some record marks as the subject's (`Patient:`,
    a `client` column, HL7 PID-5, FHIR Patient.name) before any name no record marks,
    however often that one is written (a hostel read as a name beside the person's in a
    list's row, then in every shift log naming the hostel, is never their name); among
    marked names, one a record says is their legal name (`Record.legal_names`) before the
    name they go by, however often that is written; among names as frequent, the more often
    marked first."""
    counts: Counter[str] = Counter()
    marked: Counter[str] = Counter()
    legal: set[str] = set()
    for record in person.records:
        counts.update(getattr(record, role))
        marked.update(record.marked_names)
        legal |= record.legal_names
    return sorted(counts, key=lambda value_hash: (not marked[value_hash], value_hash not in legal,
                                                   -counts[value_hash], -marked[value_hash],
                                                   value_hash))


def name_columns(person: Individual) -> dict[str, list[str]]:
    """The person's best name (the one most of their records carry), their other names
    (variants never written beside the best one: a name in the same record as the
    subject's is somebody else's, but for the name a record gives beside their legal one:
    the name they go by) and related people, as hashes. A name written with an
    initial (`Mr G. Pickles`) comes after the name it shortens (`Graham Pickles`)."""
    ranked = ranked_hashes(person, "full_names")
    shortened = set().union(*(record.initials.values() for record in person.records))
    ranked = [name for name in ranked if name not in shortened] + [
        name for name in ranked if name in shortened]
    best = ranked[:1]
    beside_best = set().union(*(record.full_names for record in person.records
                                if best and best[0] in record.full_names))
    # the names a record gives as the person's own beside their legal one (the name they go
    # by: `Jay McCarthy ... (legal name Hamza McCarthy)`): theirs, though written beside it
    chosen = set().union(*(record.marked_names for record in person.records
                           if best and best[0] in record.legal_names))
    others = [value_hash for value_hash in ranked[1:]
              if value_hash not in beside_best or value_hash in chosen]
    related = person.related_names  # never the person's own name (a guarantor who is she)
    return {"name": best, "other_names": others,
            "related_people": [value_hash for value_hash in ranked_hashes(person, "related_names")
                               if value_hash in related]}


def hashes_by_column(person: Individual) -> dict[str, list[str]]:
    columns = name_columns(person)
    return {
        "nhs_number": ranked_hashes(person, "nhs"),
        "name": columns["name"],
        "other_names": columns["other_names"],
        "date_of_birth": ranked_hashes(person, "dobs"),
        "postcode": ranked_hashes(person, "postcodes"),
        "related_people": columns["related_people"],
    }


def _previews(person: Individual) -> dict[str, str]:
    previews: dict[str, str] = {}
    for record in person.records:
        previews.update(record.masked)
    return previews


def masked_previews(person: Individual, hashes: list[str]) -> str:
    previews = _previews(person)
    return "; ".join(dict.fromkeys(previews[value_hash] for value_hash in hashes))


def next_of_kin_masked(person: Individual, hashes: list[str]) -> str:
    """The related people's masked names, each with what they are to the person if said."""
    previews = _previews(person)
    return "; ".join(dict.fromkeys(with_relation(person, value_hash, previews[value_hash])
                                   for value_hash in hashes))


def ordered_kinds(kinds: set[str]) -> str:
    """Kinds of way into a home in a fixed order: `code`, `hidden_key`, `left_open` (the home
    opens from the text alone), `key_holder` (a key holder named), `unknown` (an inventory
    older than kinds)."""
    return ";".join(kind for kind in (*ACCESS_KINDS, UNKNOWN_KIND) if kind in kinds)


def home_access_columns(person: Individual) -> dict[str, str]:
    """The way into the home the person lives in that still opens it (`home_access`,
    `home_access_kinds`, and whose records give it: `home_access_via`), and apart a way in
    that no longer does (`former_home_access_kinds`: every kind of a home left by dying or
    moving out for good, with `life_state`; a code changed since, `withdrawn_kinds`)."""
    former = person.found_kinds if person.life_state else person.withdrawn_kinds
    return {"home_access": str(person.home_access).lower(),
            "home_access_kinds": ordered_kinds(person.access_kinds) if person.home_access
            else "",
            "home_access_via": person.home_access_via if person.home_access else "",
            "life_state": person.life_state,
            "former_home_access_kinds": ordered_kinds(former) if person.former_home_access
            else ""}


def relation(person: Individual, value_hash: str) -> str:
    """What a related person is to `person`, as most of the records naming them say; ''."""
    said = Counter(record.relations[value_hash] for record in person.records
                   if value_hash in record.relations)
    return min(said, key=lambda word: (-said[word], word)) if said else ""


def with_relation(person: Individual, value_hash: str, name: str) -> str:
    """`Karen Whiteley (daughter)`: a next of kin with what they are to the person, if said."""
    said = relation(person, value_hash)
    return f"{name} ({said})" if said else name


def letter_columns(person: Individual, hashes: dict[str, list[str]],
                   modified: dict[str, float] | None = None) -> dict[str, str | int]:
    """`LETTER_COLUMNS`, masked: the letter's postcode is the person's most recent, then most
    frequent (`letters.letter_postcodes`); the next of kin are the related people their
    records name, for a person a record says died."""
    postcodes = letter_postcodes(person, modified)
    deceased = is_deceased(person)
    first = postcodes[0] if postcodes else None
    return {
        "deceased": str(deceased).lower(),
        "write_to": write_to(person, hashes["related_people"]),
        "next_of_kin_masked": next_of_kin_masked(person, hashes["related_people"]) if deceased
        else "",
        "address_masked": masked_previews(person, [first[0]]) if first else "",
        "address_found_in": found_in(*first[1][0]) if first else "",
        "addresses_found": len(postcodes),
    }


def export_row(person: Individual, modified: dict[str, float] | None = None
               ) -> dict[str, str | int]:
    """`modified`: each location's modified time (the letter's most recent address)."""
    locations = person.locations
    hashes = hashes_by_column(person)
    return {
        "individual_id": person.id,
        "nhs_number_masked": masked_previews(person, hashes["nhs_number"]),
        "name_masked": masked_previews(person, hashes["name"]),
        "other_names_masked": masked_previews(person, hashes["other_names"]),
        "date_of_birth_masked": masked_previews(person, hashes["date_of_birth"]),
        "postcode_masked": masked_previews(person, hashes["postcode"]),
        "related_people_masked": masked_previews(person, hashes["related_people"]),
        "related_people_count": len(hashes["related_people"]),
        "categories": ";".join(sorted(person.categories)),
        "special_category": str(person.special_category).lower(),
        **home_access_columns(person),
        "test_range_nhs_number": str(person.test_range_nhs).lower(),
        "records": len(person.records),
        "locations": len(locations),
        "first_locations": " | ".join(locations[:FIRST_LOCATIONS]),
        "linkage_fault": person.linkage_fault,
        "identified_by": person.identified_by,
        # what `[scoping] staff_names` takes, to say a row's name is a member of staff's
        "name_ids": ";".join(name_id(value_hash)
                             for value_hash in hashes["name"] + hashes["other_names"]),
        # the organisations' numbers for the person, as their namespaces (`pmr ***`)
        "local_ids_masked": masked_previews(person, ranked_hashes(person, "local_ids")),
        **letter_columns(person, hashes, modified),
    }


# (location, record, value hash): a value as one of a person's records holds it
# (`phiscan.scoping.reveal.ValueKey`).
ValueKey = tuple[str, str, str]


def person_value_keys(person: Individual) -> set[ValueKey]:
    """The findings a reveal recovers for the person: their own records' values only."""
    return {(record.location, record.name, value_hash) for record in person.records
            for role in ROLES for value_hash in getattr(record, role)}


def recovery_order(values: dict[ValueKey, str]) -> dict[ValueKey, int]:
    """Each recovered value's rank in the order the reveal read it (smallest file first,
    then text order): a person's value of a hash is the first of their own recovered."""
    return {key: rank for rank, key in enumerate(values)}


def own_values(person: Individual, values: dict[ValueKey, str],
               order: dict[ValueKey, int] | None = None) -> dict[str, str]:
    """Value hash -> the value recovered from the person's own records (the first
    recovered, by `order`): a hash another person's file holds never gives them its value."""
    order = recovery_order(values) if order is None else order
    first: dict[str, ValueKey] = {}
    for record in person.records:
        for role in ROLES:
            for value_hash in getattr(record, role):
                key = (record.location, record.name, value_hash)
                if key in values and (value_hash not in first
                                      or order[key] < order[first[value_hash]]):
                    first[value_hash] = key
    return {value_hash: values[key] for value_hash, key in first.items()}


def revealed_row(person: Individual, values: dict[ValueKey, str],
                 unread: dict[str, str],
                 order: dict[ValueKey, int] | None = None,
                 addresses: dict[ValueKey, Address] | None = None,
                 modified: dict[str, float] | None = None) -> dict[str, str]:
    """`order`: `recovery_order(values)`, computed once for many rows; `addresses`: the
    postal addresses re-read before the person's postcodes (`RevealOutcome.addresses`)."""
    by_column = hashes_by_column(person)
    own = own_values(person, values, order)
    row = {
        column: "; ".join(dict.fromkeys(
            readable_name(own[value_hash]) if column in NAME_COLUMNS else own[value_hash]
            for value_hash in hashes if value_hash in own
        ))
        for column, hashes in by_column.items()
    }
    row["reveal_note"] = reveal_note(person, by_column, own, unread)
    row["next_of_kin"] = "; ".join(dict.fromkeys(
        with_relation(person, value_hash, readable_name(own[value_hash]))
        for value_hash in by_column["related_people"] if value_hash in own
    )) if is_deceased(person) else ""
    row |= letter_address(person, addresses or {}, modified)
    return row


def letter_address(person: Individual, addresses: dict[ValueKey, Address],
                   modified: dict[str, float] | None = None) -> dict[str, str]:
    """The postal address a letter goes to, as re-read from the person's own records: of
    their postcodes in the letter's order (`letters.letter_postcodes`), the first with an
    address that is no organisation's (a practice's letterhead), the fullest written, and
    where it was found; nothing when none was re-read."""
    for postcode, places in letter_postcodes(person, modified):
        found = [(addresses[(location, record, postcode)], location, record)
                 for location, record in places
                 if (location, record, postcode) in addresses
                 and not addresses[(location, record, postcode)].organisation]
        if found:
            address, location, record = max(found, key=lambda item: item[0].parts)
            return {"address": address.text, "address_found_in": found_in(location, record)}
    return {"address": ""}


def reveal_note(person: Individual, by_column: dict[str, list[str]], values: dict[str, str],
                unread: dict[str, str]) -> str:
    """Why a revealed row lacks values: the person's locations that could not be re-read,
    with the reason, or how many values the re-read files no longer held."""
    tops = dict.fromkeys(location.split(MEMBER_SEP, 1)[0] for location in person.locations)
    failed = [f"not re-read: {top} ({unread[top]})" for top in tops if top in unread]
    if failed:
        return " | ".join(failed)
    missing = sum(value_hash not in values for hashes in by_column.values()
                  for value_hash in hashes)
    return f"{missing} value(s) not found when re-read (changed since the scan?)" if missing else ""


def write_export(path: Path, people: list[Individual],
                 revealed: dict[ValueKey, str] | None = None,
                 unread: dict[str, str] | None = None,
                 addresses: dict[ValueKey, Address] | None = None,
                 modified: dict[str, float] | None = None) -> int:
    """Write the CSV 0600; `revealed` maps findings to recovered values, `unread`
    the locations that could not be re-read to why, `addresses` postcodes' findings to the
    postal addresses before them; `modified` each location's modified time."""
    columns = EXPORT_COLUMNS + (REVEAL_COLUMNS if revealed is not None else ())
    order = recovery_order(revealed) if revealed is not None else {}
    with open_private(path) as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        for person in people:
            row: dict = export_row(person, modified)
            if revealed is not None:
                row |= revealed_row(person, revealed, unread or {}, order, addresses, modified)
            writer.writerow(row)
    return len(people)
