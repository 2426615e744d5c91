"""What an Art. 34 letter needs of each person, for `individuals --export [--reveal]`.

A responder writes to each person affected at their own postal address, or, when a record
says they died, to their next of kin or their estate. The inventory keeps only keyed
hashes, so the export says which of the person's own postcodes the letter goes to (their
most recent, then most frequent: `letter_postcodes`) and where it was found; `--reveal`
re-reads that place and takes the address written before the postcode (`postal_address`),
never an organisation's (a practice's letterhead: `ends_as_organisation`). A relative's or a
member of staff's postcode is never the person's (`phiscan.scoping.subject_records`).
"""

from __future__ import annotations

from collections import Counter

from phiscan.scoping.linkage import Individual
from recognizers.life_states import DECEASED

# Whom the letter goes to (`write_to`).
TO_SUBJECT, TO_NEXT_OF_KIN, TO_ESTATE = "subject", "next_of_kin", "estate"


def is_deceased(person: Individual) -> bool:
    return person.life_state == DECEASED


def write_to(person: Individual, related: list[str]) -> str:
    """Whom the letter goes to: the person, or, when a record says they died, their next of
    kin (the related people their records name) or, with nobody named, their estate."""
    if not is_deceased(person):
        return TO_SUBJECT
    return TO_NEXT_OF_KIN if related else TO_ESTATE


def letter_postcodes(person: Individual, modified: dict[str, float] | None = None
                     ) -> list[tuple[str, list[tuple[str, str]]]]:
    """The person's own postcodes, the letter's first: the most recent (the latest
    modified of the files giving it), then the most frequent (records giving it); each with
    the (location, record) giving it, most recent first. A copied share's files all have
    one time, and its records' count decides."""
    modified = modified or {}
    counts: Counter[str] = Counter()
    latest: dict[str, float] = {}
    where: dict[str, list[tuple[float, str, str]]] = {}
    for record in person.records:
        when = modified.get(record.location, 0.0)
        for postcode in record.postcodes:
            counts[postcode] += 1
            latest[postcode] = max(latest.get(postcode, when), when)
            where.setdefault(postcode, []).append((when, record.location, record.name))
    ranked = sorted(counts, key=lambda postcode: (-latest[postcode], -counts[postcode],
                                                  postcode))
    return [(postcode, [(location, name) for _when, location, name in sorted(
        where[postcode], key=lambda item: -item[0])]) for postcode in ranked]


def found_in(location: str, record: str) -> str:
    """Where an address was found, as a responder opens it: the file, then its part."""
    return f"{location} ({record})"
