"""Every entity type phiscan reports, defined once.

The default entity list, the categories and risk sets of classification, the normaliser
used before hashing and the masked preview are all read from `ENTITIES`. A test fails
when a recognizer emits a type missing here, or a type here is emitted by nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from phiscan.detect.normalize import (
    INITIAL,
    digits_only,
    normalise_birth_date,
    normalise_name,
    normalise_phone,
    without_leading_titles,
)
from recognizers.life_states import SURVIVOR, state_of, survivor_name
from recognizers.local_ids import local_id_key

SPECIAL_CATEGORIES = frozenset({"health", "ethnicity", "religion", "sexual_orientation"})

_LETTERS_AND_DIGITS = re.compile(r"[A-Za-z0-9]")


def folded(value: str) -> str:
    return " ".join(value.casefold().split())


def compact_upper(value: str) -> str:
    return "".join(value.upper().split())


def date_key(value: str) -> str:
    """A date of birth in any common UK form -> one ISO key."""
    return normalise_birth_date(value) or folded(value)


def life_state(value: str) -> str:
    """A life state's key: the state's name (`deceased`), never the words or the date; a
    survivor's statement keys as the name it opens with, as that name's `PERSON` finding does
    (so scoping knows whose death it is not), else as the state."""
    state = state_of(value)
    name = survivor_name(value) if state == SURVIVOR else ""
    return normalise_name(name) if name else state


def keyed_as(entity_type: str, value: str) -> str:
    """The entity type a value is keyed under (`phiscan.security.keys.keyed_hash`): its own,
    except a survivor's statement that names someone (`Mrs Ivy Kershaw still lives at`), keyed
    as that name's `PERSON` so scoping can tell the person it is about."""
    if entity_type == "LIFE_STATE" and state_of(value) == SURVIVOR and survivor_name(value):
        return "PERSON"
    return entity_type


def local_id(value: str) -> str:
    """A local identifier's key: its namespace and value (`PMR no 10234` -> `pmr:10234`)."""
    return local_id_key(value) or compact_upper(value)


def mask_local_id(value: str) -> str:
    """The namespace only: `pmr ***` (a label is no one's identifier)."""
    key = local_id_key(value)
    return f"{key.split(':', 1)[0]} ***" if key else mask_everything(value)


def _mask_word(word: str) -> str:
    return word[:1] + "*" * (len(word) - 1) if word else word


def mask_health_number(value: str) -> str:
    """First three digits: `943 *** ****`."""
    digits = digits_only(value)
    return f"{digits[:3]} *** ****" if len(digits) >= 3 else "***"


def mask_postcode(value: str) -> str:
    """Outward code only: `SW1A ***`."""
    parts = value.split()
    return f"{parts[0].upper()} ***" if len(parts) == 2 else "*** ***"


def mask_email(value: str) -> str:
    if "@" not in value:
        return mask_everything(value)
    local, _, domain = value.partition("@")
    return f"{_mask_word(local)}@{_mask_word(domain.split('.')[0])}.***"


def mask_name(value: str) -> str:
    """First letter of each word, a title the name opens with as it is: `Mrs J*** S****`
    (a title word later is the surname: `F******* L***`). An initial keeps its dot (`J.`
    shows no more than `J*` does), so a forename and an initial (`P******* J.`, a forename
    column's `Percival J.`) is never read as a full name (`phiscan.detect.normalize.
    is_full_name`)."""
    words = value.split(" ")
    kept = len(words) - len(without_leading_titles(words))
    return " ".join(word if index < kept or INITIAL.fullmatch(word) else _mask_word(word)
                    for index, word in enumerate(words))[:60]


def mask_everything(value: str) -> str:
    """Codes, dates, other numbers and free text: every letter and digit hidden."""
    masked = _LETTERS_AND_DIGITS.sub("*", value)
    return masked[:40] if len(masked) <= 40 else masked[:37] + "..."


@dataclass(frozen=True)
class EntityType:
    name: str
    category: str  # identifiers, contact, financial, health, home_access, ...
    normalise: Callable[[str], str] = folded
    mask: Callable[[str], str] = mask_everything
    identifying: bool = False  # makes a record about an identifiable person
    direct_identifier: bool = False  # on its own raises risk to medium
    counts_towards_bulk: bool = False  # distinct values make a bulk special-category file
    address: bool = False  # places a home-access note at a home
    # A fact about the record's person (their life state), not data of a category: never in
    # a location's categories or risk (`phiscan.detect.classify`).
    fact: bool = False
    # A national health-service number (England and Wales's NHS number, Scotland's CHI,
    # Northern Ireland's H&C number): one number, one person, so a record holding a valid
    # one is a data subject, and records sharing it are one person (`health_numbers`).
    health_number: bool = False

    @property
    def special_category(self) -> bool:
        return self.category in SPECIAL_CATEGORIES


_TABLE: tuple[EntityType, ...] = (
    EntityType("UK_NHS", "identifiers", digits_only, mask_health_number,
               identifying=True, direct_identifier=True, counts_towards_bulk=True,
               health_number=True),
    EntityType("UK_CHI", "identifiers", digits_only, mask_health_number,
               identifying=True, direct_identifier=True, counts_towards_bulk=True,
               health_number=True),
    EntityType("UK_HCN", "identifiers", digits_only, mask_health_number,
               identifying=True, direct_identifier=True, counts_towards_bulk=True,
               health_number=True),
    EntityType("HOME_ACCESS", "home_access"),
    EntityType("PERSON", "identifiers", normalise_name, mask_name,
               identifying=True, counts_towards_bulk=True),
    EntityType("DATE_OF_BIRTH", "identifiers", date_key,
               identifying=True, direct_identifier=True),
    EntityType("UK_NINO", "identifiers", compact_upper,
               identifying=True, direct_identifier=True, counts_towards_bulk=True),
    # Never `identifying`: an organisation's number joins a person's records
    # (`phiscan.scoping.linkage.link_local_ids`), it makes no file about someone on its own.
    EntityType("LOCAL_ID", "identifiers", local_id, mask_local_id),
    EntityType("UK_POSTCODE", "contact", compact_upper, mask_postcode, address=True),
    EntityType("PHONE_NUMBER", "contact", normalise_phone, identifying=True),
    EntityType("EMAIL_ADDRESS", "contact", folded, mask_email, identifying=True),
    EntityType("HEALTH_CONDITION", "health"),
    EntityType("MEDICATION", "health"),
    EntityType("CLINICAL_CODE", "health"),
    EntityType("ETHNICITY", "ethnicity"),
    EntityType("RELIGION", "religion"),
    EntityType("SEXUAL_ORIENTATION", "sexual_orientation"),
    # Deceased or moved out for good: hashed as the state only (`life_state`), never the words.
    EntityType("LIFE_STATE", "life_state", life_state, fact=True),
    EntityType("CREDIT_CARD", "financial"),
    EntityType("IBAN_CODE", "financial"),
)
ENTITIES: dict[str, EntityType] = {entity.name: entity for entity in _TABLE}
# Anything a user's own configuration adds: a category of its own, free-text rules.
UNKNOWN = EntityType("OTHER", "other")

DEFAULT_ENTITIES: tuple[str, ...] = tuple(ENTITIES)
ENTITY_CATEGORIES: dict[str, str] = {name: entity.category for name, entity in ENTITIES.items()}
IDENTIFYING_ENTITIES = frozenset(name for name, e in ENTITIES.items() if e.identifying)
DIRECT_IDENTIFIERS = frozenset(name for name, e in ENTITIES.items() if e.direct_identifier)
BULK_ENTITIES = frozenset(name for name, e in ENTITIES.items() if e.counts_towards_bulk)
ADDRESS_ENTITIES = frozenset(name for name, e in ENTITIES.items() if e.address)
FACT_ENTITIES = frozenset(name for name, e in ENTITIES.items() if e.fact)
HEALTH_NUMBERS = frozenset(name for name, e in ENTITIES.items() if e.health_number)


def entity(name: str) -> EntityType:
    return ENTITIES.get(name, UNKNOWN)


def category_of(name: str) -> str:
    return entity(name).category


def normalise(entity_type: str, value: str) -> str:
    """The form that is hashed: one person's value hashes alike across formats."""
    return entity(entity_type).normalise(value)


def mask_value(entity_type: str, value: str) -> str:
    """A preview that shows the shape, never the value."""
    return entity(entity_type).mask(" ".join(value.split()))
