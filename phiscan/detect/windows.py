"""Long text read to its end in bounded windows.

A unit longer than `[limits] text_window_chars` (a 25 MB note, a huge cell, a
page of a log) is analysed as overlapping windows of that size, one after the
other, so detection never holds more than a window's text at once and nothing
is cut off. Neighbouring windows share `text_window_overlap_chars`; the middle
of each overlap is the border between them: a window reports only the findings
that start on its side (`TextUnit.owns`), so a value straddling a window's edge
is found whole by the window it starts in, once, with at least half the overlap
of context on each side.
"""

from __future__ import annotations

from collections.abc import Iterator

from phiscan.config import LimitsConfig
from phiscan.model import FieldSpan, TextUnit, Window


def text_windows(unit: TextUnit, limits: LimitsConfig) -> Iterator[TextUnit]:
    """The unit itself when it fits in one window, else its windows in order."""
    size = max(limits.text_window_chars, 2)
    length = len(unit.text)
    if length <= size:
        yield unit
        return
    overlap = min(max(limits.text_window_overlap_chars, 0), size // 2)
    step, margin = size - overlap, overlap // 2
    start, part = 0, 1
    while True:
        end = min(start + size, length)
        last = end == length
        yield window(unit, start, end, Window(part, unit_offset(unit) + start,
                                               0 if start == 0 else margin,
                                               end - start if last else step + margin))
        if last:
            return
        start, part = start + step, part + 1


def unit_offset(unit: TextUnit) -> int:
    return unit.window.offset if unit.window is not None else 0


def window(unit: TextUnit, start: int, end: int, place: Window) -> TextUnit:
    """text[start:end] of unit, with the fields that reach into it."""
    fields = [FieldSpan(max(span.start, start) - start, min(span.end, end) - start, span.name,
                        span.coded)
              for span in unit.fields if span.start < end and start < span.end]
    return TextUnit(text=unit.text[start:end], where=unit.where, record=unit.record,
                    fields=fields, window=place)
