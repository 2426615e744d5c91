"""Phrasing sets: short notes that do or do not say how to get into a home, one per row,
measured through the scan's own detector (`evaluation.phiscan_predictor`).

A set is a tab-separated file with a header row naming at least `expected` and `text`
(and optionally `class`); lines starting with `#` are comments. `expected` is `access`
(or `yes`, `1`, `true`: the note holds home-access information) or anything else (a
near miss: it must yield no finding). A note counts as found when the scan reports at
least one finding of the entity in it.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from phiscan.quality.evaluation import Span

ENTITY = "HOME_ACCESS"
POSITIVE = frozenset({"access", "yes", "y", "1", "true", "positive", "home_access"})
EXPECTED_COLUMNS = ("expected", "label", "positive")
CLASS_COLUMNS = ("class", "kind", "category")


@dataclass(frozen=True)
class Phrasing:
    line: int  # line number in its file
    positive: bool
    kind: str
    text: str


@dataclass
class Counts:
    total: int = 0
    flagged: int = 0


@dataclass
class PhrasingResult:
    name: str
    # (positive, class) -> how many rows, how many flagged
    counts: dict[tuple[bool, str], Counts] = field(default_factory=dict)
    missed: list[Phrasing] = field(default_factory=list)  # positives with no finding
    false_alarms: list[Phrasing] = field(default_factory=list)  # near misses with one

    @property
    def positives(self) -> Counts:
        return self._sum(positive=True)

    @property
    def near_misses(self) -> Counts:
        return self._sum(positive=False)

    def _sum(self, positive: bool) -> Counts:
        counts = Counts()
        for (kind_positive, _kind), part in self.counts.items():
            if kind_positive == positive:
                counts.total += part.total
                counts.flagged += part.flagged
        return counts

    def add(self, phrasing: Phrasing, flagged: bool) -> None:
        counts = self.counts.setdefault((phrasing.positive, phrasing.kind), Counts())
        counts.total += 1
        counts.flagged += flagged
        if phrasing.positive and not flagged:
            self.missed.append(phrasing)
        if flagged and not phrasing.positive:
            self.false_alarms.append(phrasing)

    def as_dict(self) -> dict:
        return {
            "set": self.name,
            "found": self.positives.flagged, "positives": self.positives.total,
            "false_alarms": self.near_misses.flagged, "near_misses": self.near_misses.total,
            "by_class": [{"class": kind, "positive": positive, "total": c.total,
                          "flagged": c.flagged}
                         for (positive, kind), c in sorted(self.counts.items())],
        }


class PhrasingSetError(ValueError):
    """The file is not a phrasing set."""


def _column(header: list[str], names: Iterable[str]) -> int | None:
    lowered = [name.strip().lower() for name in header]
    return next((lowered.index(name) for name in names if name in lowered), None)


def load_phrasings(path: str | Path) -> list[Phrasing]:
    lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    numbered = [(number, line) for number, line in enumerate(lines, 1)
                if line.strip() and not line.lstrip().startswith("#")]
    if not numbered:
        raise PhrasingSetError(f"{Path(path).name}: no rows")
    rows = list(csv.reader([line for _n, line in numbered], delimiter="\t",
                           quoting=csv.QUOTE_NONE))
    header, expected = rows[0], _column(rows[0], EXPECTED_COLUMNS)
    text, kind = _column(header, ("text", "note", "phrase")), _column(header, CLASS_COLUMNS)
    if expected is None or text is None:
        raise PhrasingSetError(f"{Path(path).name}: the header needs `expected` and `text`")
    phrasings = []
    for (number, _line), row in zip(numbered[1:], rows[1:], strict=True):
        if len(row) <= max(expected, text):
            raise PhrasingSetError(f"{Path(path).name}: line {number} has too few columns")
        positive = row[expected].strip().lower() in POSITIVE
        label = row[kind].strip() if kind is not None and kind < len(row) else ""
        phrasings.append(Phrasing(number, positive, label or ("access" if positive else
                                                              "near_miss"), row[text]))
    return phrasings


def measure(name: str, phrasings: Iterable[Phrasing], predict: Callable[[str], list[Span]],
            entity: str = ENTITY) -> PhrasingResult:
    result = PhrasingResult(name)
    for phrasing in phrasings:
        flagged = any(span.entity_type == entity for span in predict(phrasing.text))
        result.add(phrasing, flagged)
    return result
