"""FHIR, JSON or XML: Patient resources (alone or in a Bundle), one record per Patient,
with the elements a recognizer needs named by meaning.

Other resources fall back to a generic flattening, one record each. FHIR XML is
first turned into the JSON shape (`from_xml`), so one reader serves both syntaxes
and the same resource gives the same record in either. Field names carry no list
positions (`name.given`, not `name[0].given[0]`): XML does not say which elements
are lists, and a name must not read differently by syntax. Narrative (`text.div`,
XHTML) is read as its text, without markup.

FHIR says what each element holds, so every field is coded (`FieldSpan.coded`:
spaCy never reads it; a HumanName's parts are name fields wherever it occurs)
except free text (`PROSE_ELEMENTS`: narrative, annotations, comments, string values)
and a Reference's `display`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lxml import etree

from phiscan.extract.base import ExtractContext, ExtractionError, Piece, record_unit
from phiscan.extract.structured import MAX_JSON_DEPTH, read_json

NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number"
FHIR_NAMESPACE = "http://hl7.org/fhir"
XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml"
# Attributes that are properties in JSON (element ids, extension urls); `value` is the
# primitive's own value.
PROPERTY_ATTRIBUTES = ("id", "url")
_POSITION = re.compile(r"\[\d+\]")
_REFERENCE_TYPE = re.compile(r"(?:^|/)([A-Z][A-Za-z]+)/[^/]+(?:/_history/[^/]+)?$")
_MARKUP = re.compile(r"<[^>]*>")
Pairs = list[tuple[str, str]]
# Elements (path endings) that hold free text rather than codes, names or dates.
PROSE_ELEMENTS = ("text.div", "note.text", "comment", "description", "valueString",
                  "valueMarkdown", "conclusion", "summary", "contentString",
                  "patientInstruction", "purpose")


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


def patient_pairs(patient: dict[str, Any], types: dict[str, str] | None = None) -> Pairs:
    """Named elements first, then everything else flattened, so nothing is missed."""
    named = {"identifier", "name", "birthDate", "address", "telecom"}
    pairs = [*identifier_pairs(patient), *name_pairs(patient),
             ("date_of_birth", text_of(patient.get("birthDate"))),
             *address_pairs(patient), *telecom_pairs(patient)]
    rest = {key: value for key, value in patient.items() if key not in named}
    # (a boolean is no leaf's text, but this one says the patient has died)
    deceased = [("deceasedBoolean", "true")] if patient.get("deceasedBoolean") is True else []
    return pairs + deceased + fhir_flatten(rest, types)


def narrative_text(div: str) -> str:
    """The text of an XHTML narrative, markup dropped (parsed safely, else stripped)."""
    from phiscan.extract.xmldoc import safe_xml_parser

    try:
        root = etree.fromstring(div.encode("utf-8"), parser=safe_xml_parser())
    except (etree.XMLSyntaxError, ValueError):
        root = None
    if root is None:
        return " ".join(_MARKUP.sub(" ", div).split())
    return " ".join(" ".join(root.itertext()).split())


def reference_type(reference: dict[str, Any], types: dict[str, str]) -> str:
    """The resource type a Reference points at: its `type`, its relative or absolute URL
    (`Practitioner/12`, `https://.../RelatedPerson/3`), or the Bundle entry whose
    `fullUrl` it names (`urn:uuid:...`); '' when none says."""
    explicit = text_of(reference.get("type"))
    if explicit:
        return explicit.rsplit("/", 1)[-1]
    target = text_of(reference.get("reference"))
    if target in types:
        return types[target]
    match = _REFERENCE_TYPE.search(target)
    return match.group(1) if match else ""


def typed_items(value: dict[str, Any], types: dict[str, str]) -> list[tuple[str, Any]]:
    """An object's members, a Reference's `display` under the type it points at:
    `performer.display` of a `Practitioner/12` reads `performer.Practitioner.display`, so
    the name in it is known for a clinician's, a related person's or the patient's
    (`phiscan.detect.roles`), as the standard says, whatever element holds it. The
    display moves after the other members (or takes the place of a member named by its
    type)."""
    items = list(value.items())
    if "display" not in value or "reference" not in value:
        return items
    kind = reference_type(value, types)
    if not kind:
        return items
    typed = {"display": value["display"]}
    items = [(key, child) for key, child in items if key != "display"]
    if any(key == kind for key, _child in items):
        return [(key, typed if key == kind else child) for key, child in items]
    return [*items, (kind, typed)]


def fhir_flatten(value: Any, types: dict[str, str] | None = None) -> Pairs:
    """Every leaf as (path without list positions, text), in one walk of the parsed
    document: a narrative as its text; a Reference's display under the type it points
    at (`typed_items`). Nested deeper than `MAX_JSON_DEPTH`: malformed."""
    pairs: Pairs = []
    _flatten_into(pairs, value, types or {}, "", False, 0)
    return pairs


def _flatten_into(pairs: Pairs, value: Any, types: dict[str, str], label: str, rooted: bool,
                  depth: int) -> None:
    """`rooted`: the path so far is not empty (a key or a list position was taken); the
    label is that path without list positions."""
    if depth > MAX_JSON_DEPTH:
        raise ExtractionError("json nested deeper than 64 levels")
    if isinstance(value, dict):
        for key, child in typed_items(value, types):
            name = str(key)
            if "[" in name:
                name = _POSITION.sub("", name)
            _flatten_into(pairs, child, types, f"{label}.{name}" if rooted else name,
                          rooted or str(key) != "", depth + 1)
    elif isinstance(value, list):
        for child in value:
            _flatten_into(pairs, child, types, label, True, depth + 1)
    elif value is not None and not isinstance(value, bool):
        name = label if rooted else "value"
        text = str(value)
        pairs.append((name, narrative_text(text) if name.endswith("text.div") else text))


def resource_pairs(resource: dict[str, Any], types: dict[str, str] | None = None) -> Pairs:
    if resource.get("resourceType") == "Patient":
        return patient_pairs(resource, types)
    return fhir_flatten(resource, types)


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


def entry_types(document: Any) -> dict[str, str]:
    """A Bundle's `fullUrl` -> resource type (`urn:uuid:...` -> `Practitioner`), so a
    reference to an entry says what it points at."""
    if not isinstance(document, dict) or document.get("resourceType") != "Bundle":
        return {}
    return {text_of(entry.get("fullUrl")): text_of(entry["resource"].get("resourceType"))
            for entry in as_dicts(document.get("entry"))
            if entry.get("fullUrl") and isinstance(entry.get("resource"), dict)}


# The elements by which a resource says whose it is (`Flag.subject`, `RelatedPerson.patient`,
# `Coverage.beneficiary`).
SUBJECT_ELEMENTS = ("subject", "patient", "beneficiary")
# Resources whose values are others' than the Patient they reference (staff, teams,
# organisations, places, groups of people): never part of the patient's record.
NOT_THE_PATIENTS = frozenset({"CareTeam", "Practitioner", "PractitionerRole", "Organization",
                              "Location", "Group", "HealthcareService"})


def label_of(where: str, resource: dict[str, Any]) -> str:
    return f"{where} {text_of(resource.get('resourceType')) or 'resource'}".strip()


def patient_labels(document: Any) -> dict[str, str]:
    """Each way a reference names a Patient of the document (`Patient/pat-104`, its
    `fullUrl`) -> that Patient's record label."""
    if not isinstance(document, dict) or document.get("resourceType") != "Bundle":
        return {}
    labels: dict[str, str] = {}
    for index, entry in enumerate(as_list(document.get("entry"))):
        resource = entry.get("resource") if isinstance(entry, dict) else None
        if not isinstance(resource, dict) or resource.get("resourceType") != "Patient":
            continue
        label = label_of(f"entry[{index}]", resource)
        for name in (f"Patient/{text_of(resource.get('id'))}" if resource.get("id") else "",
                     text_of(entry.get("fullUrl"))):
            if name:
                labels.setdefault(name, label)
    return labels


def subject_label(resource: dict[str, Any], patients: dict[str, str]) -> str | None:
    """The record of the Patient a resource is about, when that Patient is in the document:
    a RelatedPerson's key holder, a Flag's access note or an Encounter is part of the
    patient's record, as the standard links them, whatever the Bundle's order. A resource
    about others than the patient (`NOT_THE_PATIENTS`: a CareTeam's note, a Location) never
    is: its unmarked values (a nurse's own date of birth) are not the patient's."""
    if resource.get("resourceType") in NOT_THE_PATIENTS:
        return None
    for element in SUBJECT_ELEMENTS:
        for reference in as_dicts(resource.get(element)):
            label = patients.get(text_of(reference.get("reference")))
            if label is not None:
                return label
    return None


def fhir_units(document: Any, ctx: ExtractContext) -> Iterator[Piece]:
    types = entry_types(document)
    patients = patient_labels(document)
    for where, resource in resources(document):
        label = label_of(where, resource)
        pairs = [(name, ctx.spend_text(text))
                 for name, text in resource_pairs(resource, types)]
        # (its own label stays its position: a RelatedPerson's names and values are theirs)
        unit = record_unit(pairs, label, subject_label(resource, patients) or label,
                           prose=is_prose)
        if unit.text:
            yield unit


def is_prose(_index: int, name: str) -> bool:
    """Free text, or a Reference's `display` (`subject.display: Sandra Jones`: a name with
    no name field of its own); a Coding's `display` is a code's."""
    if name.endswith(".display") or name == "display":
        return not name.endswith("coding.display")
    return name.endswith(PROSE_ELEMENTS)


def extract_fhir(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    yield from read_json(data, ctx, fhir_units)


def is_fhir_xml(root: etree._Element) -> bool:
    return etree.QName(root).namespace == FHIR_NAMESPACE


def _primitive(value: str) -> Any:
    return {"true": True, "false": False}.get(value, value)


def from_xml(element: etree._Element) -> Any:
    """A FHIR XML element in the JSON shape: a resource (an UpperCamel element) as an
    object with its `resourceType`, a primitive as its `value` (its id and extensions
    under `_name`, as JSON keeps them), repeated children as lists, a narrative `div`
    as its XHTML text (JSON's form)."""
    if etree.QName(element).namespace == XHTML_NAMESPACE:
        return etree.tostring(element, encoding="unicode", with_tail=False)
    children = [child for child in element if isinstance(child.tag, str)]
    name = etree.QName(element).localname
    if name[:1].isupper():
        return {"resourceType": name, **_members(element, children)}
    if len(children) == 1 and etree.QName(children[0]).localname[:1].isupper():
        return from_xml(children[0])  # `resource`, `contained`: the resource itself
    return _members(element, children)


def _members(element: etree._Element, children: list[etree._Element]) -> dict[str, Any]:
    members: dict[str, Any] = {key: element.attrib[key] for key in PROPERTY_ATTRIBUTES
                               if key in element.attrib}
    groups: dict[str, list[Any]] = {}
    for child in children:
        key = etree.QName(child).localname
        if "value" in child.attrib:
            groups.setdefault(key, []).append(_primitive(child.attrib["value"]))
            grandchildren = [item for item in child if isinstance(item.tag, str)]
            extra = _members(child, grandchildren)
            if extra:
                groups.setdefault(f"_{key}", []).append(extra)
        else:
            groups.setdefault(key, []).append(from_xml(child))
    members.update({key: values[0] if len(values) == 1 else values
                    for key, values in groups.items()})
    return members
