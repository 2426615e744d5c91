"""The detector: TextUnits in, Findings out (masked and hashed, never raw)."""

from __future__ import annotations

from dataclasses import replace

from phiscan.allowlist import AllowList
from phiscan.config import Config
from phiscan.detect.engine import (
    build_analyzer,
    entities_for,
    is_test_data,
    recognizer_name,
)
from phiscan.detect.entities import mask_value, normalise
from phiscan.detect.tiered import NamePlan, TieredAnalyzer
from phiscan.model import Finding, TextUnit
from phiscan.records import assign_records
from phiscan.security import keyed_hash


class Detector:
    """Built once per process (the spaCy pipeline is the expensive part)."""

    def __init__(self, config: Config, hmac_key: bytes) -> None:
        self.config = config
        self.key = hmac_key
        self.analyzer = build_analyzer(config)
        self.entities = entities_for(config)
        self.layered = TieredAnalyzer(self.analyzer, self.entities, config)
        self.allowlist = AllowList.load(config.detection.allowlist)

    def detect_unit(self, unit: TextUnit) -> list[Finding]:
        plan = self.start(unit)
        self.read_names([plan])
        return self.findings(plan)

    def start(self, unit: TextUnit) -> NamePlan:
        """The cheap pass over a unit; its names are read by `read_names`, which can
        serve the units of many locations in one spaCy batch."""
        return self.layered.plan(unit)

    def read_names(self, plans: list[NamePlan]) -> None:
        self.layered.read(plans)

    def findings(self, plan: NamePlan) -> list[Finding]:
        """A unit's findings, masked and hashed, once its names are read. A window
        (`phiscan.windows`) gives those that start on its side of each overlap, at
        their offsets in the whole unit."""
        unit, findings = plan.unit, []
        for result in self.layered.results(plan):
            if not unit.owns(result.start):
                continue
            raw_value = unit.text[result.start:result.end]
            value_hash = keyed_hash(
                self.key, result.entity_type, normalise(result.entity_type, raw_value)
            )
            if self.allowlist.allows_value(result.entity_type, raw_value, value_hash, self.key):
                continue
            findings.append(
                Finding(
                    entity_type=result.entity_type,
                    score=round(float(result.score), 3),
                    recognizer=recognizer_name(result),
                    where=unit.where,
                    start=result.start,
                    end=result.end,
                    masked=mask_value(result.entity_type, raw_value),
                    value_hash=value_hash,
                    record=unit.record,
                    field=unit.field_at(result.start, result.end),
                    test_data=is_test_data(result),
                )
            )
        findings = assign_records(unit, findings)
        if unit.window is not None:
            offset = unit.window.offset
            findings = [replace(finding, start=finding.start + offset, end=finding.end + offset)
                        for finding in findings]
        return findings


__all__ = ["Detector", "NamePlan"]
