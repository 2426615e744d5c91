"""XML: element text and attribute values with their tag (and attribute) names beside
them; DTDs and entities ignored.

The parser never loads a DTD, never resolves an entity (internal or external:
no billion laughs, no XXE) and never touches the network.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from phiscan.extract.base import ExtractContext, ExtractionError, Piece, record_unit


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


def labelled_text(root: etree._Element) -> Iterator[tuple[str, str]]:
    """(tag, text) for each element's own text, `tag@attribute` for its attribute
    values, and its tail under the parent's tag."""
    for element in root.iter():
        if not isinstance(element.tag, str):  # an unresolved entity reference
            continue
        for name, value in element.attrib.items():
            if value.strip():
                yield f"{local_name(element)}@{etree.QName(name).localname}", value
        if element.text and element.text.strip():
            yield local_name(element), element.text
        parent = element.getparent()
        if parent is not None and element.tail and element.tail.strip():
            yield local_name(parent), element.tail


def extract_xml(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    root = parse_xml(data)
    pairs = []
    for name, text in labelled_text(root):
        pairs.append((name, ctx.spend_text(text)))
    if pairs:
        yield record_unit(pairs, "", None)
