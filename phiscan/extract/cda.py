"""HL7 v3 (CDA, ITK) XML: the patient's identifiers, name, birth time, address and
contacts named by meaning, then every other text and attribute value as in any XML.

HL7 v3 keeps values in attributes: an identifier is `<id root="OID" extension="..."/>`
(the NHS number's OID below), a birth time `<birthTime value="19410312"/>`, a phone
`<telecom value="tel:..."/>`. Names under `patient` are the patient's; other people
(authors, informants, guardians) are named by the element that holds them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

HL7_V3_NAMESPACE = "urn:hl7-org:v3"
NHS_NUMBER_OIDS = {"2.16.840.1.113883.2.1.4.1"}
ADDRESS_PARTS = ("streetAddressLine", "houseNumber", "streetName", "additionalLocator",
                 "city", "county", "state")
TELECOM_SCHEMES = {"tel": "phone", "fax": "fax", "mailto": "email"}
_HL7_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")

Pairs = list[tuple[str, str]]


def is_hl7_v3(root: etree._Element) -> bool:
    return etree.QName(root).namespace == HL7_V3_NAMESPACE


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in element if isinstance(child.tag, str) and _local(child) == name]


def _text(element: etree._Element) -> str:
    return " ".join(" ".join(element.itertext()).split())


def _owner(element: etree._Element) -> str:
    """Whose value this is: `patient`, or the element holding the person
    (`assignedPerson`, `guardianPerson`, ...)."""
    parent = element.getparent()
    return "patient" if parent is not None and _local(parent) == "patient" else (
        _local(parent) if parent is not None else "document")


def is_person_name(element: etree._Element) -> bool:
    """A person's name (given/family parts, or the patient's), not a drug's or a place's."""
    return bool(_children(element, "given") or _children(element, "family")
                or _owner(element) == "patient")


def identifier_pair(element: etree._Element) -> tuple[str, str] | None:
    extension = element.get("extension", "").strip()
    if not extension:
        return None
    root = element.get("root", "")
    return ("nhs_number" if root in NHS_NUMBER_OIDS else f"id ({root or 'no root'})",
            extension)


def name_pair(element: etree._Element) -> tuple[str, str]:
    given = [_text(part) for part in _children(element, "given")]
    family = [_text(part) for part in _children(element, "family")]
    joined = " ".join(part for part in (*given, *family) if part) or _text(element)
    owner = _owner(element)
    return ("patient_name" if owner == "patient" else f"{owner} name", joined)


def birth_time(value: str) -> str:
    """HL7's `YYYYMMDD[hhmm...]` as an ISO date a date recognizer reads."""
    match = _HL7_DATE.match(value)
    return f"{match[1]}-{match[2]}-{match[3]}" if match else value


def address_pairs(element: etree._Element) -> Pairs:
    parts = [_text(child) for name in ADDRESS_PARTS for child in _children(element, name)]
    pairs = [("address", ", ".join(part for part in parts if part))]
    pairs += [("postcode", _text(child)) for child in _children(element, "postalCode")]
    if not any(value for _name, value in pairs):
        pairs.append(("address", _text(element)))
    return pairs


def telecom_pair(element: etree._Element) -> tuple[str, str] | None:
    value = element.get("value", "").strip()
    scheme, _colon, rest = value.partition(":")
    if rest and scheme.lower() in TELECOM_SCHEMES:
        return TELECOM_SCHEMES[scheme.lower()], rest
    return ("telecom", value) if value else None


def meaning_pairs(root: etree._Element) -> Iterator[tuple[str, str]]:
    """The values HL7 v3 names by structure, in document order."""
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        name = _local(element)
        pair: tuple[str, str] | None = None
        if name == "id":
            pair = identifier_pair(element)
        elif name == "name" and is_person_name(element):
            pair = name_pair(element)
        elif name == "birthTime" and element.get("value"):
            pair = ("date_of_birth", birth_time(element.get("value", "")))
        elif name == "addr":
            yield from address_pairs(element)
        elif name == "telecom":
            pair = telecom_pair(element)
        if pair is not None:
            yield pair


# Read by meaning above; their raw attributes would only repeat the same value.
READ_BY_MEANING = {"id", "birthTime", "telecom"}


def read_as_text(element: etree._Element) -> bool:
    """A person's name or an address, read whole by `meaning_pairs`."""
    name = _local(element)
    return name == "addr" or (name == "name" and is_person_name(element))


def covered(element: etree._Element) -> bool:
    """Inside an element already read by meaning (a name's parts, an address's lines)."""
    return any(isinstance(ancestor.tag, str) and read_as_text(ancestor)
               for ancestor in element.iterancestors())
