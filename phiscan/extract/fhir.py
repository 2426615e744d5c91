"""FHIR JSON: Patient resources (alone or in a Bundle), one record per Patient,
with the elements a recognizer needs named by meaning.

Other resources fall back to the generic JSON flattening, one record each.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from phiscan.extract.base import ExtractContext, Piece, record_unit
from phiscan.extract.structured import flatten, parse_json

NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number"
Pairs = list[tuple[str, str]]


def as_list(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    return [] if value is None else [value]


def as_dicts(value: Any) -> list[dict[str, Any]]:
    return [item for item in as_list(value) if isinstance(item, dict)]


def text_of(value: Any) -> str:
    return " ".join(str(item) for item in as_list(value) if isinstance(item, str | int | float))


def identifier_pairs(patient: dict[str, Any]) -> Pairs:
    pairs: Pairs = []
    for identifier in as_dicts(patient.get("identifier")):
        value = text_of(identifier.get("value"))
        if identifier.get("system") == NHS_NUMBER_SYSTEM:
            pairs.append(("nhs_number", value))
        else:
            pairs.append((f"identifier ({text_of(identifier.get('system')) or 'no system'})",
                          value))
    return pairs


def name_pairs(patient: dict[str, Any]) -> Pairs:
    pairs: Pairs = []
    for name in as_dicts(patient.get("name")):
        joined = " ".join(part for part in (text_of(name.get("given")),
                                            text_of(name.get("family"))) if part)
        pairs.append(("patient_name", joined or text_of(name.get("text"))))
    return pairs


def address_pairs(patient: dict[str, Any]) -> Pairs:
    pairs: Pairs = []
    for address in as_dicts(patient.get("address")):
        parts = [text_of(address.get(key)) for key in ("line", "city", "district", "state")]
        pairs.append(("address", ", ".join(part for part in parts if part)))
        pairs.append(("postcode", text_of(address.get("postalCode"))))
    return pairs


def telecom_pairs(patient: dict[str, Any]) -> Pairs:
    names = {"email": "email", "phone": "phone", "sms": "phone"}
    return [(names.get(str(telecom.get("system")), "telecom"), text_of(telecom.get("value")))
            for telecom in as_dicts(patient.get("telecom"))]


def patient_pairs(patient: dict[str, Any]) -> Pairs:
    """Named elements first, then everything else flattened, so nothing is missed."""
    named = {"identifier", "name", "birthDate", "address", "telecom"}
    pairs = [*identifier_pairs(patient), *name_pairs(patient),
             ("date_of_birth", text_of(patient.get("birthDate"))),
             *address_pairs(patient), *telecom_pairs(patient)]
    rest = {key: value for key, value in patient.items() if key not in named}
    return pairs + list(flatten(rest))


def resource_pairs(resource: dict[str, Any]) -> Pairs:
    if resource.get("resourceType") == "Patient":
        return patient_pairs(resource)
    return list(flatten(resource))


def resources(document: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    """(where, resource) for a resource, a Bundle's entries, or an array of resources."""
    if isinstance(document, dict) and document.get("resourceType") == "Bundle":
        for index, entry in enumerate(as_list(document.get("entry"))):
            if isinstance(entry, dict) and isinstance(entry.get("resource"), dict):
                yield f"entry[{index}]", entry["resource"]
    elif isinstance(document, dict):
        yield "", document
    else:
        for index, item in enumerate(as_list(document)):
            if isinstance(item, dict):
                yield f"[{index}]", item


def extract_fhir(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    for where, resource in resources(parse_json(data, ctx)):
        kind = text_of(resource.get("resourceType")) or "resource"
        label = f"{where} {kind}".strip()
        unit = record_unit(resource_pairs(resource), label, label)
        if unit.text:
            yield unit
