"""Group the findings of free text into records, so one person's details link.

A structured unit (CSV row, JSON record, HL7 message, FHIR Patient) already
names its record. Free text does not: a name in one paragraph and a key-safe
code in the next are about the same person in a visit note, but not in a
200-page care log. The text is only available in the worker, so the grouping
happens at detection time:

- a short text (at most SHORT_TEXT_CHARS) is one record: `document` (or the
  unit's own `where`, such as `page 3`);
- a longer text is cut into sections at separator lines (`---`, `===`, `***`,
  a form feed, a Markdown heading): `section N`;
- a section that is still long is cut into paragraphs at blank lines:
  `section N paragraph M`.

The unit's own `where` (`page 3`, `sheet Visits`) prefixes the record name; a
window of a long text (`phiscan.detect.windows`) is `part N` of it, its records named within.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from phiscan.model import Finding, TextUnit

SHORT_TEXT_CHARS = 4_000
_SECTION_BREAK = re.compile(r"^(?:[ \t]*(?:-{3,}|={3,}|\*{3,}|_{3,})[ \t]*|\f.*|#{1,6}[ \t].*)$",
                            re.MULTILINE)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def _starts(text: str, breaks: re.Pattern[str]) -> list[int]:
    """Offsets where each block starts (the first block starts at 0)."""
    return [0, *(match.start() for match in breaks.finditer(text) if match.start() > 0)]


def _block_index(starts: list[int], offset: int) -> int:
    return bisect_right(starts, offset) - 1


class FreeTextRecords:
    """Names the record of any offset in one free text; the text is cut once."""

    def __init__(self, text: str, where: str = "") -> None:
        self.text = text
        self.where = where
        self.short = len(text) <= SHORT_TEXT_CHARS
        self.section_starts = [] if self.short else _starts(text, _SECTION_BREAK)
        self.paragraph_starts: dict[int, list[int]] = {}

    def record_at(self, offset: int) -> str:
        if self.short:
            return self.where or "document"
        section = _block_index(self.section_starts, offset)
        start = self.section_starts[section]
        end = (self.section_starts[section + 1] if section + 1 < len(self.section_starts)
               else len(self.text))
        name = f"{self.where} section {section + 1}".strip()
        if end - start <= SHORT_TEXT_CHARS:
            return name
        if section not in self.paragraph_starts:
            self.paragraph_starts[section] = _starts(self.text[start:end], _PARAGRAPH_BREAK)
        paragraph = _block_index(self.paragraph_starts[section], offset - start)
        return f"{name} paragraph {paragraph + 1}"


def assign_records(unit: TextUnit, findings: list[Finding], where: str | None = None
                   ) -> list[Finding]:
    """Findings of a free-text unit with their record set; structured units unchanged.
    `where`: the unit's position as it is stored, when that differs (masked)."""
    if unit.record is not None or not findings:
        return findings
    stored = unit.where if where is None else where
    name = stored if unit.window is None else f"{stored} part {unit.window.number}"
    records = FreeTextRecords(unit.text, name.strip())
    return [replace(finding, record=records.record_at(finding.start)) for finding in findings]
