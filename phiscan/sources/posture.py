"""Where a source's own settings change how bad a finding is.

A bucket anyone on the internet can read turns a care note into a leak that
has already happened, so every location under it, and every object whose own
ACL makes it public, gets its risk raised one level. The posture is recorded in
the inventory (`source_posture`) so the responder can see why.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from phiscan.model import RISK_ORDER, ExposureLevel, LocationResult, Risk


@dataclass(frozen=True)
class SourcePosture:
    """What the source's access settings say. `publicly_readable` is None when the
    caller may not read enough settings to tell; `notes` says which ones."""

    root: str
    publicly_readable: bool | None
    facts: dict[str, object] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def source_posture(source: object) -> SourcePosture | None:
    """The posture of sources that can report one (S3); None for the others."""
    report = getattr(source, "posture", None)
    return report() if callable(report) else None


def raised_risk(risk: Risk) -> Risk:
    """One level up; nothing found stays `none`."""
    if risk == Risk.NONE:
        return risk
    return RISK_ORDER[min(RISK_ORDER.index(risk) + 1, len(RISK_ORDER) - 1)]


def raise_risk_for_exposure(results: Iterable[LocationResult],
                            postures: dict[str, SourcePosture]) -> None:
    """Raise, in place, the risk of results under a publicly readable root or public
    themselves (once, whichever says so)."""
    for result in results:
        posture = postures.get(result.root)
        public = result.exposure is not None and result.exposure.level == ExposureLevel.PUBLIC
        if public or (posture is not None and posture.publicly_readable):
            result.risk = raised_risk(result.risk)
