"""A text unit's findings remembered, so a unit seen before is not analysed again.

Exports repeat whole units across files: the same Practitioner or Organization
resource in every FHIR bundle of a care team, the same letterhead, header block or
template paragraph in every letter. A unit's findings depend on nothing but the unit
(its text, position, record, fields and window) and the worker's fixed engine,
configuration and key, so a unit whose every part matches one analysed before gets
that unit's findings (masked and hashed already: `Finding` holds no raw value)
without its cheap pass, names, labels, roles or hashing.

The memory is keyed by a keyed digest of the unit (a random key per process): no
text is kept. Only findings complete in the normal way are remembered, never those
of a unit cut short by a deadline (`DocumentParts.stop`), and only units with at
most `MAX_FINDINGS` findings, so the memory stays small: `UNIT_MEMORY` entries at
most, the oldest going first. A unit longer than `MAX_CHARS` (a page of a long letter,
a window of a huge note) is never keyed: such text does not recur, and its digest
would cost a copy of it.
"""

from __future__ import annotations

from phiscan.detect.memory import KeyedMemory
from phiscan.model import Finding, TextUnit

UNIT_MEMORY = 4096
MAX_FINDINGS = 64
MAX_CHARS = 65536


class UnitMemo(KeyedMemory[tuple[Finding, ...]]):
    def __init__(self, size: int = UNIT_MEMORY) -> None:
        super().__init__(size)
        self.hits = 0  # units answered from memory, for tests and the benchmark

    def key(self, unit: TextUnit) -> bytes | None:
        """A digest of everything detection reads of the unit; None when it is too long
        to be remembered."""
        if len(unit.text) > MAX_CHARS:
            return None
        window = unit.window
        described = repr((
            unit.text, unit.where, unit.record,
            [(span.start, span.end, span.name, span.coded) for span in unit.fields],
            None if window is None else (window.number, window.offset, window.keep_start,
                                         window.keep_end)))
        return self.digest(described)

    def findings(self, key: bytes | None) -> list[Finding] | None:
        known = self.get(key)
        if known is None:
            return None
        self.hits += 1
        return list(known)

    def keep(self, key: bytes, findings: list[Finding]) -> None:
        if len(findings) > MAX_FINDINGS or key in self.known or self.limit < 1:
            return
        self.put(key, tuple(findings))
