"""JSON documents: leaves flattened to `path: value`, one record per array element.

An object holding a list of records (`{"exportedBy": ..., "cases": [{...}, {...}]}`: an
array of objects, at any depth under objects, in which some object has a date-of-birth or
NHS-number key) gives one record per object (`cases[1]`, as a CSV row or a FHIR resource
is) and one for the rest of the object (`document`), so two people of one export never
share a record and the exporter's fields join none of them. Arrays inside such an object
(a case's carers, alerts) stay in its record, under their field names. A document that is
itself an array is one record per element, and an element that is no person but holds a
list of people (a round holding its calls: `[0].calls[2]`) is split the same way, so one
call's key safe code is never the round's other residents'.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterator
from typing import Any

from phiscan.extract.base import ExtractContext, ExtractionError, Piece, record_unit
from phiscan.extract.text import decode_text, extract_text

MAX_JSON_DEPTH = 64
# Keys that identify a person: an array of objects each holding one is a list of people.
_IDENTITY_KEY = re.compile(r"nhs|dob|birth|chi_?(?:no|num)", re.IGNORECASE)
# A key giving a person's name or age: an element of an array of people with one is a person
# though it gives no identifier (a case giving only an age keeps its carers).
_PERSON_KEY = re.compile(r"name|^age(?:$|[_ ]?[Yy]ears)", re.IGNORECASE)
# A key giving where someone lives: with a name, an object is a person's address-book entry
# (a delivery app's stop, a round's customer: `customer.lastName` beside `address.postcode`).
_HOME_KEY = re.compile(r"address|post_?code|zip", re.IGNORECASE)


def flatten(value: Any, path: str = "", depth: int = 0) -> Iterator[tuple[str, str]]:
    if depth > MAX_JSON_DEPTH:
        raise ExtractionError("json nested deeper than 64 levels")
    if isinstance(value, dict):
        for key, child in value.items():
            yield from flatten(child, f"{path}.{key}" if path else str(key), depth + 1)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from flatten(child, f"{path}[{index}]", depth + 1)
    elif value is not None and not isinstance(value, bool):
        yield path or "value", str(value)


def parse_json(data: bytes, ctx: ExtractContext) -> Any:
    try:
        return json.loads(decode_text(data))
    except (ValueError, RecursionError) as exc:  # ValueError: an integer over 4,300 digits
        raise ExtractionError(f"malformed json: {type(exc).__name__}") from None


def read_json(data: bytes, ctx: ExtractContext,
              units: Callable[[Any, ExtractContext], Iterator[Piece]]) -> Iterator[Piece]:
    """The document's units; content taken for JSON by its first bytes (a `[section]`,
    `[date] message` or `{note}` line) that does not parse is read as text. A file
    named as JSON that does not parse stays `malformed json`. One parse, under the
    file's deadline (the sniff does not parse)."""
    try:
        document = parse_json(data, ctx)
    except ExtractionError:
        if named_json(ctx.name):
            raise
        yield from extract_text(data, ctx)
        return
    yield from units(document, ctx)


def named_json(name: str) -> bool:
    from phiscan.extract import EXTENSIONS, READ_TOGETHER

    return EXTENSIONS.get(os.path.splitext(name)[1].lower()) in READ_TOGETHER["json"]


def is_people(value: Any) -> bool:
    """An array of objects, one of them (not necessarily every one: a case may give only
    an age) with a key that identifies a person (`dob`, `nhsNumber`, `date_of_birth`)
    among its own or its objects' keys, or every one a person's name and home (a delivery
    app's stops: `customer.firstName`, `address.postcode`, no identifier; each stop's access
    note is that customer's, never the route's other customers')."""
    return (isinstance(value, list) and bool(value)
            and all(isinstance(item, dict) for item in value)
            and (any(has_identity_key(item) for item in value)
                 or all(_names_a_home(item) for item in value)))


def _names_a_home(item: dict[str, Any]) -> bool:
    return (has_identity_key(item, keys=_PERSON_KEY)
            and has_identity_key(item, keys=_HOME_KEY))


def has_identity_key(item: dict[str, Any], depth: int = 0,
                     keys: re.Pattern[str] = _IDENTITY_KEY) -> bool:
    return any(keys.search(str(key)) or (
        isinstance(child, dict) and depth < 2 and has_identity_key(child, depth + 1, keys))
        for key, child in item.items())


# A record: (where it is, the object, its fields' prefix).
Record = tuple[str, Any, str]


def split_people(value: Any, path: str = "", depth: int = 0) -> tuple[Any, list[Record]]:
    """(the object without its arrays holding people, their records), looking through nested
    objects and into arrays of objects that hold people."""
    if not isinstance(value, dict) or depth > MAX_JSON_DEPTH:
        return value, []
    rest: dict[str, Any] = {}
    people: list[Record] = []
    for key, child in value.items():
        child_path = f"{path}.{key}" if path else str(key)
        found = _array_records(child, child_path, depth + 1)
        if found is not None:
            people.extend(found)
            continue
        kept, found = split_people(child, child_path, depth + 1)
        people.extend(found)
        rest[key] = kept
    return rest, people


def _array_records(value: Any, path: str, depth: int) -> list[Record] | None:
    """The records of an array of objects that holds people, element by element (a
    person whole; any other object, such as a carer's round, less its people, then each of
    them); None for any other value, which stays in its object's record."""
    if not isinstance(value, list) or not value or depth > MAX_JSON_DEPTH or not all(
            isinstance(item, dict) for item in value):
        return None
    people = is_people(value)
    records = [record for index, item in enumerate(value)
               for record in _records_of(item, f"{path}[{index}]", depth, people)]
    return records if people or len(records) > len(value) else None


def _records_of(value: Any, where: str, depth: int = 0, among_people: bool = False
                ) -> list[Record]:
    """The records of one object: the object as it is when it is a person (a person keeps
    its arrays), else the object less its people, then each of their records. A person has
    an identity key, or, among people, a name or an age. Its fields' prefix is where it is
    inside the document (none for the document or a top-level element)."""
    prefix = f"{where}." if depth else ""
    if isinstance(value, dict) and (has_identity_key(value) or among_people and has_identity_key(
            value, keys=_PERSON_KEY)):
        return [(where, value, prefix)]
    rest, people = split_people(value, where, depth)
    return [(where, rest, prefix), *people]


def extract_json(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    yield from read_json(data, ctx, json_units)


def json_units(document: Any, ctx: ExtractContext) -> Iterator[Piece]:
    if isinstance(document, list):
        people = is_people(document)
        records = [record for index, element in enumerate(document)
                   for record in _records_of(element, f"[{index}]", among_people=people)]
    else:  # the document itself is never one person: its arrays of people are split off
        rest, people = split_people(document)
        records = [("", rest, ""), *people]
    for where, record, prefix in records:
        pairs = [(prefix + name, value) for name, value in flatten(record)]
        if pairs:
            yield record_unit(pairs, where, where or "document")
