"""XML: element text and attribute values with their tag (and attribute) names beside
them; DTDs and entities ignored.

Read by meaning where the vocabulary is known: FHIR XML (namespace
http://hl7.org/fhir) through the FHIR reader, as FHIR JSON is; HL7 v3 (CDA, ITK)
by its structure (`phiscan.extract.cda`). Elsewhere an element that names itself
(`<field name="nhs_number" value="..."/>`) is labelled by that name.

The parser never loads a DTD, never resolves an entity (internal or external:
no billion laughs, no XXE) and never touches the network.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from phiscan.extract import cda
from phiscan.extract.base import ExtractContext, ExtractionError, Piece, record_unit
from phiscan.extract.fhir import fhir_units, from_xml, is_fhir_xml
from phiscan.extract.structured import json_units, split_people

# Attributes by which an element gives its own field name (`<field name=".." value=".."/>`).
NAMING_ATTRIBUTES = ("name", "key", "field", "label")


def safe_xml_parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
        huge_tree=False, remove_comments=True, remove_pis=True,
    )


def parse_xml(data: bytes) -> etree._Element:
    try:
        root = etree.fromstring(data, parser=safe_xml_parser())
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise ExtractionError(f"malformed xml: {type(exc).__name__}") from None
    if root is None:
        raise ExtractionError("malformed xml: no root element")
    return root


def local_name(element: etree._Element) -> str:
    return etree.QName(element).localname


def own_name(element: etree._Element) -> str | None:
    """The field name an element gives itself, when it also holds a value."""
    if "value" not in element.attrib and not (element.text and element.text.strip()):
        return None
    for attribute in NAMING_ATTRIBUTES:
        name = element.get(attribute, "").strip()
        if name:
            return name
    return None


def labelled_text(root: etree._Element, hl7: bool = False) -> Iterator[tuple[str, str]]:
    """(tag, text) for each element's own text, `tag@attribute` for its attribute
    values, and its tail under the parent's tag. An element that names itself labels
    its value and text by that name. `hl7`: leave out what `cda.meaning_pairs` read."""
    for element in root.iter():
        if not isinstance(element.tag, str):  # an unresolved entity reference
            continue
        tag = local_name(element)
        inside = hl7 and (cda.read_as_text(element) or cda.covered(element))
        named = own_name(element)
        for name, value in element.attrib.items():
            attribute = etree.QName(name).localname
            if not value.strip() or inside or (hl7 and tag in cda.READ_BY_MEANING):
                continue
            if named and attribute in NAMING_ATTRIBUTES:
                continue
            yield (named if named and attribute == "value" else f"{tag}@{attribute}"), value
        if element.text and element.text.strip() and not inside:
            yield named or tag, element.text
        parent = element.getparent()
        if parent is not None and element.tail and element.tail.strip() and not (
                hl7 and cda.covered(element)):
            yield local_name(parent), element.tail


def extract_xml(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    root = parse_xml(data)
    if is_fhir_xml(root):
        yield from fhir_units(from_xml(root), ctx)
        return
    hl7 = cda.is_hl7_v3(root)
    document = None if hl7 else as_json(root)
    if document is not None and split_people(document)[1]:
        yield from json_units(document, ctx)
        return
    named = list(cda.meaning_pairs(root)) if hl7 else []
    pairs = [(name, ctx.spend_text(text)) for name, text in
             [*named, *labelled_text(root, hl7=hl7)]]
    if pairs:
        yield record_unit(pairs, "", None)


def as_json(root: etree._Element) -> dict | None:
    """An export's elements in JSON's shape (`<Student><Surname>..</Surname>..</Student>`
    repeated: `{"Student": [{"Surname": ..}, ..]}`, attributes under `@name`), so a list of
    people is split into one record per person as a JSON export's is (`phiscan.extract.
    structured`): one student's forenames never join the next one's surname or birth date.
    None when elements name themselves or text stands between them (mixed content)."""
    def read(element: etree._Element) -> dict | str | None:
        children = [child for child in element if isinstance(child.tag, str)]
        text = (element.text or "").strip()
        if own_name(element) or any((child.tail or "").strip() for child in children):
            return None
        if not children:
            return text if not element.attrib else {
                **{f"@{etree.QName(k).localname}": v for k, v in element.attrib.items()},
                **({"value": text} if text else {})}
        if text:
            return None
        value: dict = {f"@{etree.QName(k).localname}": v for k, v in element.attrib.items()}
        for child in children:
            read_child = read(child)
            if read_child is None:
                return None
            name = local_name(child)
            if name in value:
                if not isinstance(value[name], list):
                    value[name] = [value[name]]
                value[name].append(read_child)
            else:
                value[name] = read_child
        return value

    document = read(root)
    return document if isinstance(document, dict) else None
