"""PowerPoint .pptx/.pptm/.ppsx/.potx: slides in show order, each with its tables
(as rows), SmartArt text, speaker notes and comments; then the masters and their
layouts. Read straight from the package XML (transitional or strict OOXML), so no
content type is refused and nothing but the text parts is decompressed.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterator

from lxml import etree

from phiscan.extract.archive import check_container, open_zip
from phiscan.extract.base import ExtractContext, ExtractionError, Piece
from phiscan.extract.docx_direct import parse_xml
from phiscan.extract.embedded import embedded_files
from phiscan.extract.tables import table_units
from phiscan.model import TextUnit

RELS_TAG = "{*}Relationship"
# Paragraphs of DrawingML text outside tables (tables are read as rows).
PARAGRAPHS = etree.XPath(".//*[local-name()='p' and not(ancestor::*[local-name()='tbl'])]")
TEXT_RUNS = etree.XPath(".//*[local-name()='t' or local-name()='br' or local-name()='text']")
TABLES = etree.XPath(".//*[local-name()='tbl']")
# Parts a slide refers to whose text belongs to it: (relationship type ending, label).
SLIDE_PARTS = (("/notesSlide", "notes"), ("/comments", "comments"),
               ("/diagramData", "diagram"))


def local(element: etree._Element) -> str:
    return etree.QName(element).localname


def paragraph_text(paragraph: etree._Element) -> str:
    return "".join("\n" if local(run) == "br" else (run.text or "")
                   for run in TEXT_RUNS(paragraph))


class Package:
    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self.names = set(archive.namelist())

    def xml(self, name: str) -> etree._Element | None:
        if name not in self.names:
            return None
        return parse_xml(self.archive.read(name))

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """rId -> (type, target part name) of the part's internal relationships."""
        folder, base = posixpath.split(part)
        rels = self.xml(posixpath.join(folder, "_rels", f"{base}.rels"))
        if rels is None:
            return {}
        found = {}
        for rel in rels.iter(RELS_TAG):
            if rel.get("TargetMode") == "External" or not rel.get("Target"):
                continue
            target = rel.get("Target")
            name = (target.lstrip("/") if target.startswith("/")
                    else posixpath.normpath(posixpath.join(folder, target)))
            found[rel.get("Id")] = (rel.get("Type", ""), name)
        return found

    def main_part(self) -> str:
        for kind, name in self.relationships("").values():
            if kind.endswith("/officeDocument"):
                return name
        raise ExtractionError("malformed pptx: no presentation part")


def part_units(package: Package, part: str, where: str, ctx: ExtractContext
               ) -> Iterator[Piece]:
    root = package.xml(part)
    if root is None:
        return
    texts = [text for paragraph in PARAGRAPHS(root)
             if (text := paragraph_text(paragraph).strip())]
    if local(root) == "cmLst":  # legacy comments: p:cm/p:text, no DrawingML paragraphs
        texts = [text for element in root.iter("{*}text") if (text := (element.text or "").strip())]
    if texts:
        yield TextUnit(text=ctx.spend_text("\n".join(texts)), where=where)
    for number, table in enumerate(TABLES(root), start=1):
        rows = [["\n".join(text for paragraph in cell.iter("{*}p")
                           if (text := paragraph_text(paragraph).strip()))
                 for cell in row.iterchildren("{*}tc")] for row in table.iterchildren("{*}tr")]
        yield from table_units(enumerate(rows, start=1), f"{where} table {number} ",
                               ctx.spend_text)


def listed_parts(package: Package, main: str, list_tag: str) -> list[str]:
    """The parts a presentation list (slides, masters) names, in its order."""
    root = package.xml(main)
    if root is None:
        raise ExtractionError("malformed pptx: no presentation part")
    related = package.relationships(main)
    rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    strict_rid = "{http://purl.oclc.org/ooxml/officeDocument/relationships}id"
    parts = []
    for listed in root.iter(f"{{*}}{list_tag}"):
        for entry in listed:
            key = entry.get(rid) or entry.get(strict_rid)
            if key in related:
                parts.append(related[key][1])
    return parts


def presentation_units(package: Package, ctx: ExtractContext) -> Iterator[Piece]:
    main = package.main_part()
    for number, slide in enumerate(listed_parts(package, main, "sldIdLst"), start=1):
        yield from part_units(package, slide, f"slide {number}", ctx)
        for kind, target in package.relationships(slide).values():
            for ending, label in SLIDE_PARTS:
                if kind.endswith(ending):
                    yield from part_units(package, target, f"slide {number} {label}", ctx)
    for number, master in enumerate(listed_parts(package, main, "sldMasterIdLst"), start=1):
        yield from part_units(package, master, f"master {number}", ctx)
        layouts = [target for kind, target in package.relationships(master).values()
                   if kind.endswith("/slideLayout")]
        for index, layout in enumerate(sorted(layouts), start=1):
            yield from part_units(package, layout, f"master {number} layout {index}", ctx)


def extract_pptx(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    check_container(data, ctx, "pptx")
    with open_zip(data, "pptx") as archive:
        yield from presentation_units(Package(archive), ctx)
    yield from embedded_files(data, ctx)
