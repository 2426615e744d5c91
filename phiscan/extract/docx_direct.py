"""Word .docx text read straight from the package XML, with python-docx's semantics.

python-docx decompresses and CRC-checks every part of the package (styles,
theme, fonts, images) and builds its object model before any text is read.
This reader opens only `[Content_Types].xml`, the `.rels` files, and the parts
holding text (main document, headers, footers), and reads their text exactly
as python-docx 1.2 does:

- paragraph text: the direct `w:r` children and the `w:r` of direct
  `w:hyperlink` children; run content `w:t`, `w:tab`, `w:ptab`, `w:cr`,
  `w:br` (a newline only for a text-wrapping break), `w:noBreakHyphen`;
  runs inside `w:ins`, `w:sdt`, `w:smartTag`, `w:fldSimple` are not read;
- tables: the direct `w:tbl` of the body (or header/footer), each `w:tr`, each
  `w:tc` repeated over its `gridSpan`, a cell's text its direct paragraphs; a
  cell continuing a vertical merge (`w:vMerge`) gives the text and span of the
  cell at the same grid column in the row above (after `w:gridBefore`);
- sections: every `w:sectPr` python-docx finds, with the "default" header and
  footer of each; a linked one (no reference) is inherited, so not re-read.

Whatever this reader does not reproduce exactly raises NeedsPythonDocx, and
the caller reads the document with python-docx instead: a vertical merge with
no cell above or over 50 rows, an odd `gridSpan` or `gridBefore` value, more
than one `w:body`, a `w:sectPr` before the first section's (in a content
control or revision), and every kind of damage python-docx itself would fail
on (missing part or content type, unparsable XML, a header reference to
nothing), so errors stay python-docx's.
One difference is deliberate: a part neither reader parses (styles, an image)
is no longer decompressed, so a corrupt stream or bad CRC inside it no longer
costs the document its text.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from copy import deepcopy
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PACKAGE_URI, PackURI
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W_NS = {"w": W[1:-1]}
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"

P, R, HYPERLINK, TBL, TR, TC = (W + "p", W + "r", W + "hyperlink", W + "tbl", W + "tr", W + "tc")
T, BR, BR_TYPE = W + "t", W + "br", W + "type"
SDT, SDT_CONTENT, CUSTOM_XML = W + "sdt", W + "sdtContent", W + "customXml"
BLOCK_WRAPPERS = frozenset({SDT, SDT_CONTENT, CUSTOM_XML})
RUN_CONTAINERS = frozenset({HYPERLINK, SDT, SDT_CONTENT, CUSTOM_XML, W + "ins", W + "moveTo",
                            W + "smartTag", W + "fldSimple", W + "dir", W + "bdo"})
TEXT_BOX, RUBY = W + "txbxContent", W + "ruby"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Story parts a document refers to beside its headers and footers: (type, where, item tag).
NOTE_PARTS = (
    ("application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
     "footnotes", W + "footnote"),
    ("application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
     "endnotes", W + "endnote"),
    ("application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
     "comments", W + "comment"),
)
FIXED_RUN_TEXT = {W + "tab": "\t", W + "ptab": "\t", W + "cr": "\n", W + "noBreakHyphen": "-"}
STORY_ROOTS = (W + "hdr", W + "ftr")

# The main part of a document, a template, and their macro-enabled forms (.docx,
# .dotx, .docm, .dotm): the same WordprocessingML under four content types.
WORD_MAIN_TYPES = (CONTENT_TYPE.WML_DOCUMENT_MAIN,
                   "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
                   "application/vnd.ms-word.document.macroEnabled.main+xml",
                   "application/vnd.ms-word.template.macroEnabledTemplate.main+xml")
TEXT_PART_TYPES = (*WORD_MAIN_TYPES, CONTENT_TYPE.WML_HEADER, CONTENT_TYPE.WML_FOOTER,
                   *(content_type for content_type, _where, _tag in NOTE_PARTS))
STORY_PART_TYPES = (CONTENT_TYPE.WML_HEADER, CONTENT_TYPE.WML_FOOTER)
READABLE_COMPRESSION = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
DIGITS = re.compile(r"[0-9]+")
MAX_MERGED_ROWS = 50
# python-docx's own choice of sections: a paragraph's sectPr, then the body's.
SECTION_PROPERTIES = etree.XPath("./w:body/w:p/w:pPr/w:sectPr | ./w:body/w:sectPr",
                                 namespaces=W_NS)

# The options python-docx parses with (blank text removed, entities never
# resolved), so both accept and reject the same documents; never the network,
# never a huge tree.
XML_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False,
                             no_network=True, huge_tree=False)


class NeedsPythonDocx(Exception):
    """The document holds something this reader does not reproduce exactly."""


@dataclass(frozen=True)
class Paragraphs:
    where: str
    texts: list[str]


@dataclass(frozen=True)
class TableRows:
    where: str
    rows: list[list[str]]


Block = Paragraphs | TableRows


class Relationship(NamedTuple):
    rid: str
    reltype: str
    target: str
    external: bool


@dataclass(frozen=True)
class Part:
    content_type: str | None
    relationships: list[Relationship]
    root: etree._Element | None  # parsed only for the text parts


# python-docx's own part-name arithmetic, remembered for short names: every
# package names the same parts ("styles.xml" from "/word/document.xml").
CACHED_NAME_CHARS = 256


@lru_cache(maxsize=1024)
def cached_target_partname(source: PackURI, target: str) -> PackURI:
    return PackURI.from_rel_ref(source.baseURI, target)


def target_partname(source: PackURI, target: str) -> PackURI:
    if len(source) + len(target) > CACHED_NAME_CHARS:
        return PackURI.from_rel_ref(source.baseURI, target)
    return cached_target_partname(source, target)


@lru_cache(maxsize=1024)
def cached_rels_member(partname: PackURI) -> str:
    return partname.rels_uri.membername


def rels_member(partname: PackURI) -> str:
    if len(partname) > CACHED_NAME_CHARS:
        return partname.rels_uri.membername
    return cached_rels_member(partname)


def parse_xml(blob: bytes) -> etree._Element:
    return etree.fromstring(blob, XML_PARSER)


def run_text(run: etree._Element, pieces: list[str]) -> None:
    for child in run:
        tag = child.tag
        if tag == T:
            pieces.append(child.text or "")
        elif tag == BR:
            pieces.append("\n" if child.get(BR_TYPE, "textWrapping") == "textWrapping" else "")
        elif tag in FIXED_RUN_TEXT:
            pieces.append(FIXED_RUN_TEXT[tag])
        elif tag == RUBY:  # East Asian annotation: the base text, not its reading guide
            for base in child.iterchildren(W + "rubyBase"):
                container_runs(base, pieces)


def container_runs(element: etree._Element, pieces: list[str]) -> None:
    for child in element:
        if child.tag == R:
            run_text(child, pieces)
        elif child.tag in RUN_CONTAINERS:
            container_runs(child, pieces)


def paragraph_text(paragraph: etree._Element) -> str:
    """The runs of the paragraph, also those in hyperlinks, tracked insertions and
    moves, content controls, smart tags, simple fields and custom XML (python-docx
    reads only the first); deleted text is not text."""
    pieces: list[str] = []
    container_runs(paragraph, pieces)
    return "".join(pieces)


def decimal_value(element: etree._Element) -> int:
    value = element.get(W + "val")
    if value is None or not DIGITS.fullmatch(value):
        raise NeedsPythonDocx("unusual w:val")
    return int(value)


def property_of(element: etree._Element, properties: str, name: str) -> etree._Element | None:
    """`element/properties/name`, first of each, as python-docx looks it up."""
    found = element.find(W + properties)
    return None if found is None else found.find(W + name)


def grid_span(cell: etree._Element) -> int:
    """How many grid columns the cell covers; python-docx repeats it that often."""
    span = property_of(cell, "tcPr", "gridSpan")
    return 1 if span is None else decimal_value(span)


def grid_before(row: etree._Element) -> int:
    before = property_of(row, "trPr", "gridBefore")
    return 0 if before is None else decimal_value(before)


def continues_merge(cell: etree._Element) -> bool:
    merge = property_of(cell, "tcPr", "vMerge")
    return merge is not None and merge.get(W + "val", "continue") == "continue"


def cell_above(cell: etree._Element) -> etree._Element:
    """The cell starting at the same grid column in the row above (python-docx's
    `_tc_above`); where there is none python-docx fails, so it is left to it."""
    row = cell.getparent()
    above = next(row.itersiblings(TR, preceding=True), None)
    if above is None:
        raise NeedsPythonDocx("vertical merge continued from no row")
    offset = grid_before(row) + sum(grid_span(c) for c in cell.itersiblings(TC, preceding=True))
    remaining = offset - grid_before(above)
    for candidate in above.iterchildren(TC):
        if remaining < 0:
            break
        if remaining == 0:
            return candidate
        remaining -= grid_span(candidate)
    raise NeedsPythonDocx("vertical merge continued from no cell")


def merge_origin(cell: etree._Element) -> etree._Element:
    """The cell holding the text of a vertical merge. python-docx recurses upwards,
    so a very long merge is left to it (its recursion limit is its own)."""
    for _ in range(MAX_MERGED_ROWS):
        if not continues_merge(cell):
            return cell
        cell = cell_above(cell)
    raise NeedsPythonDocx("very long vertical merge")


def unwrapped(element: etree._Element, tags: tuple[str, ...]) -> Iterator[etree._Element]:
    """The children with these tags, also those inside block-level content controls
    and custom XML (a repeating section of a form wraps its rows)."""
    for child in element:
        if child.tag in tags:
            yield child
        elif child.tag in BLOCK_WRAPPERS:
            yield from unwrapped(child, tags)


def cell_paragraphs(cell: etree._Element) -> Iterator[etree._Element]:
    """A cell's paragraphs in order, those of tables nested in it included."""
    for child in unwrapped(cell, (P, TBL)):
        if child.tag == P:
            yield child
        else:
            for row in unwrapped(child, (TR,)):
                for inner in unwrapped(row, (TC,)):
                    yield from cell_paragraphs(inner)


def row_cells(row: etree._Element) -> list[str]:
    """One text per grid column, as python-docx's `row.cells`: a horizontally merged
    cell repeated over its span, a vertically merged one taken from the row above."""
    cells: list[str] = []
    for cell in unwrapped(row, (TC,)):
        origin = merge_origin(cell)
        text = "\n".join(paragraph_text(p) for p in cell_paragraphs(origin)).strip()
        cells.extend([text] * grid_span(origin))
    return cells


def story_blocks(story: etree._Element, where: str, table_prefix: str) -> Iterator[Block]:
    """A body, header, footer, note or text box: its paragraphs, then its tables."""
    yield Paragraphs(where, [paragraph_text(p) for p in unwrapped(story, (P,))])
    for index, table in enumerate(unwrapped(story, (TBL,)), start=1):
        rows = [row_cells(row) for row in unwrapped(table, (TR,))]
        yield TableRows(f"{table_prefix}table {index}", rows)


class Package:
    """The parts python-docx would load, checked as it checks them, text parts parsed."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self.overrides: dict[str, str | None] = {}
        self.defaults: dict[str, str | None] = {}
        self.read_content_types()
        self.relationships = self.relationships_of(PACKAGE_URI)
        self.parts: dict[str, Part] = {}
        self.load_parts(PACKAGE_URI, self.relationships)

    def member(self, name: str) -> zipfile.ZipInfo:
        """The member python-docx would read: it fails on a missing, encrypted or
        oddly compressed one (a part it reads but this reader does not included)."""
        info = self.archive.getinfo(name)
        if info.flag_bits & 0x1 or info.compress_type not in READABLE_COMPRESSION:
            raise NeedsPythonDocx("encrypted or unusually compressed part")
        return info

    def read(self, name: str) -> bytes:
        return self.archive.read(self.member(name))

    def read_content_types(self) -> None:
        types = parse_xml(self.read("[Content_Types].xml"))
        if types.tag != TYPES + "Types":
            raise NeedsPythonDocx("unexpected content types root")
        for override in types.iterchildren(TYPES + "Override"):
            self.overrides[override.get("PartName").lower()] = override.get("ContentType")
        for default in types.iterchildren(TYPES + "Default"):
            self.defaults[default.get("Extension").lower()] = default.get("ContentType")

    def content_type(self, partname: PackURI) -> str | None:
        if partname.lower() in self.overrides:
            return self.overrides[partname.lower()]
        return self.defaults[partname.ext.lower()]

    def relationships_of(self, partname: PackURI) -> list[Relationship]:
        try:
            blob = self.read(rels_member(partname))
        except KeyError:
            return []
        rels = parse_xml(blob)
        if rels.tag != RELS + "Relationships":
            raise NeedsPythonDocx("unexpected relationships root")
        return [Relationship(rel.get("Id"), rel.get("Type"), rel.get("Target"),
                             rel.get("TargetMode", "Internal") == "External")
                for rel in rels.iterchildren(RELS + "Relationship")]

    def load_parts(self, source: PackURI, relationships: list[Relationship]) -> None:
        """python-docx's walk: every internal target, once; a missing member or content
        type fails there, so it makes this reader give way."""
        for rel in relationships:
            if rel.external:
                continue
            partname = target_partname(source, rel.target)
            if partname in self.parts:
                continue
            self.member(partname.membername)
            content_type = self.content_type(partname)
            own_relationships = self.relationships_of(partname)
            root = (parse_xml(self.read(partname.membername))
                    if content_type in TEXT_PART_TYPES else None)
            self.parts[partname] = Part(content_type, own_relationships, root)
            self.load_parts(partname, own_relationships)

    def main_document(self) -> tuple[PackURI, Part]:
        by_id = {rel.rid: rel for rel in self.relationships}
        main = [rel for rel in by_id.values() if rel.reltype == RELATIONSHIP_TYPE.OFFICE_DOCUMENT]
        if len(main) != 1 or main[0].external:
            raise NeedsPythonDocx("no single main document")
        partname = target_partname(PACKAGE_URI, main[0].target)
        part = self.parts[partname]
        if part.content_type not in WORD_MAIN_TYPES:
            raise NeedsPythonDocx("main part is not a Word document")
        return partname, part


def default_reference(section: etree._Element, kind: str) -> str | None:
    """The r:id of the section's "default" header or footer; None when it is linked."""
    for reference in section.iterchildren(f"{W}{kind}Reference"):
        if reference.get(W + "type") == "default":
            rid = reference.get(R_ID)
            if rid is None:
                raise NeedsPythonDocx("header or footer reference without r:id")
            return rid
    return None


def related_parts(package: Package, document: PackURI) -> dict[str, PackURI]:
    return {rel.rid: target_partname(document, rel.target)
            for rel in package.parts[document].relationships if not rel.external}


def header_footer_blocks(package: Package, document: PackURI, sections: list[etree._Element],
                         read: dict[PackURI, str] | None = None) -> Iterator[Block]:
    """Each section's default header and footer, as python-docx reads them; `read`
    gets the parts read and where they were."""
    read = {} if read is None else read
    related = related_parts(package, document)
    for number, section in enumerate(sections, start=1):
        for kind in ("header", "footer"):
            rid = default_reference(section, kind)
            if rid is None:
                continue  # linked to the previous section; the first one's is empty
            story = package.parts[related[rid]]
            if (story.content_type not in STORY_PART_TYPES or story.root is None
                    or story.root.tag not in STORY_ROOTS):
                raise NeedsPythonDocx("header or footer reference to another kind of part")
            where = f"section {number} {kind}"
            read.setdefault(related[rid], where)
            yield from story_blocks(story.root, where, f"{where} ")


def text_box_blocks(root: etree._Element, prefix: str) -> Iterator[Block]:
    """Text boxes anywhere in a story, each once: Word writes a VML copy of a
    DrawingML text box as the markup-compatibility fallback, which is not read."""
    boxes = [box for box in root.iter(TEXT_BOX)
             if next(box.iterancestors(MC_FALLBACK), None) is None]
    for number, box in enumerate(boxes, start=1):
        where = f"{prefix}text box {number}"
        yield from story_blocks(box, where, f"{where} ")


def page_header_footer_blocks(package: Package, document: PackURI,
                              sections: list[etree._Element], read: dict[PackURI, str]
                              ) -> Iterator[Block]:
    """First-page and even-page headers and footers (python-docx reads only the
    default ones), each part once."""
    related = related_parts(package, document)
    for number, section in enumerate(sections, start=1):
        for kind in ("header", "footer"):
            for reference in section.iterchildren(f"{W}{kind}Reference"):
                page, partname = reference.get(W + "type"), related.get(reference.get(R_ID))
                if page == "default" or partname is None or partname in read:
                    continue
                story = package.parts.get(partname)
                if story is None or story.root is None or story.root.tag not in STORY_ROOTS:
                    continue
                where = f"section {number} {page}-page {kind}"
                read[partname] = where
                yield from story_blocks(story.root, where, f"{where} ")


def note_blocks(package: Package, document: PackURI) -> Iterator[Block]:
    """Footnotes, endnotes and comments: each part's notes as one story."""
    for partname in dict.fromkeys(related_parts(package, document).values()):
        part = package.parts.get(partname)
        for content_type, where, item_tag in NOTE_PARTS:
            if part is None or part.content_type != content_type or part.root is None:
                continue
            story = etree.Element(W + "body")
            for item in part.root.iterchildren(item_tag):
                if item.get(W + "type") in (None, "normal"):
                    story.extend(deepcopy(child) for child in item)
            yield from story_blocks(story, where, f"{where} ")
            yield from text_box_blocks(story, f"{where} ")


def supplementary_blocks(package: Package, document: PackURI, body: etree._Element,
                         sections: list[etree._Element], read: dict[PackURI, str]
                         ) -> Iterator[Block]:
    """What python-docx never reads: text boxes, first- and even-page headers and
    footers, footnotes, endnotes and comments."""
    yield from text_box_blocks(body, "")
    for partname, where in list(read.items()):
        yield from text_box_blocks(package.parts[partname].root, f"{where} ")
    yield from page_header_footer_blocks(package, document, sections, read)
    yield from note_blocks(package, document)


def open_package(data: bytes) -> tuple[Package, PackURI, etree._Element, list[etree._Element]]:
    """The package, its main part's name, the body, and the sections python-docx lists."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        package = Package(archive)
    partname, part = package.main_document()
    document = part.root
    if document is None or document.tag != W + "document":
        raise NeedsPythonDocx("unexpected document root")
    bodies = document.findall(W + "body")
    if len(bodies) != 1:
        raise NeedsPythonDocx("not exactly one body")
    return package, partname, bodies[0], SECTION_PROPERTIES(document)


def supplementary_blocks_or_none(data: bytes) -> list[Block]:
    """For a document python-docx reads: the parts it does not, when they can be read."""
    try:
        package, partname, body, sections = open_package(data)
        read: dict[PackURI, str] = {}
        for _block in header_footer_blocks(package, partname, sections, read):
            pass
        return list(supplementary_blocks(package, partname, body, sections, read))
    except MemoryError:
        raise
    except Exception:  # python-docx has given what it can; nothing more is readable
        return []


def read_blocks(data: bytes) -> list[Block]:
    """Body paragraphs, body tables, then each section's header and footer, in the
    order python-docx gives them. Everything is read before anything is returned."""
    package, partname, body, sections = open_package(data)
    document = body.getparent()
    if sections and next(document.iter(W + "sectPr")) is not sections[0]:
        # python-docx lets the first section inherit from any earlier w:sectPr
        # (one in a content control, a revision): a section it does not list.
        raise NeedsPythonDocx("section properties outside the section list")
    read: dict[PackURI, str] = {}
    blocks = list(story_blocks(body, "body", ""))
    blocks.extend(header_footer_blocks(package, partname, sections, read))
    blocks.extend(supplementary_blocks(package, partname, body, sections, read))
    return blocks


def read_blocks_or_none(data: bytes) -> list[Block] | None:
    """The blocks, or None when python-docx must read the document to be exact."""
    try:
        return read_blocks(data)
    except MemoryError:
        raise
    except Exception:  # anything unexpected: python-docx gives the result, or the error
        return None
