"""The allow-list: known false positives by value, hash, pattern or path."""

from __future__ import annotations

import pytest

from phiscan.config import Config, ConfigError
from phiscan.detect.allowlist import AllowList
from phiscan.detect.detector import Detector
from phiscan.model import TextUnit

KEY = b"test-key-not-secret"
TEXT = "NHS number 401 023 2137.\nNHS number 943 476 5919.\nNHS number 462 840 1772.\n"


def nhs_findings(detector: Detector) -> list[str]:
    unit = TextUnit(TEXT)
    return [TEXT[f.start:f.end] for f in detector.detect_unit(unit) if f.entity_type == "UK_NHS"]


@pytest.fixture(scope="module")
def detector_for(tmp_path_factory):
    """A Detector whose allow-list file can be rewritten (spaCy loaded once)."""
    path = tmp_path_factory.mktemp("allow") / "allowlist.toml"
    path.write_text('paths = ["*/never-here/*"]\n')
    config = Config()
    config.detection.allowlist = str(path)
    detector = Detector(config, KEY)

    def with_allowlist(content: str) -> Detector:
        path.write_text(content)
        detector.allowlist = AllowList.load(path) if content else AllowList()
        return detector

    return with_allowlist


def test_without_entries_every_number_is_reported(detector_for):
    assert nhs_findings(detector_for("")) == ["401 023 2137", "943 476 5919", "462 840 1772"]


def test_values_match_in_any_spelling(detector_for):
    detector = detector_for('values = ["4010232137", "943-476-5919"]\n')
    assert nhs_findings(detector) == ["462 840 1772"]


def test_hashes_hold_no_values(detector_for):
    detector = detector_for("")
    (finding,) = [f for f in detector.detect_unit(TextUnit(TEXT))
                  if f.entity_type == "UK_NHS" and f.masked.startswith("943")]
    detector = detector_for(f'hashes = ["UK_NHS:{finding.value_hash}"]\n')
    assert nhs_findings(detector) == ["401 023 2137", "462 840 1772"]


def test_patterns_match_the_raw_value(detector_for):
    detector = detector_for('patterns = ["^4\\\\d\\\\d 0"]\n')
    assert nhs_findings(detector) == ["943 476 5919", "462 840 1772"]


def test_paths_are_globs_on_the_location(tmp_path):
    path = tmp_path / "allow.toml"
    path.write_text('paths = ["*/test-fixtures/*"]\n')
    allowlist = AllowList.load(path)
    assert allowlist.allows_path("/share/app/test-fixtures/patients.csv")
    assert not allowlist.allows_path("/share/app/exports/patients.csv")


@pytest.mark.parametrize("content, message", [
    ("values = [", "cannot read allow-list"),
    ('patterns = ["("]\n', "bad regex in allow-list"),
    ('hash = ["UK_NHS:3f1c2b9a"]\n', "unknown key in allow-list"),
    ('path = ["*/Scans/*"]\n', "unknown key in allow-list"),
    ('hashes = ["3f1c2b9a77"]\n', "hashes entry 1 is not TYPE:value_hash"),
    ('hashes = ["NHS:3f1c2b9a77"]\n', "hashes entry 1 is not TYPE:value_hash"),
    ('values = "4010232137"\n', "values must be a list of strings"),
    ('hashes = ["HEALTH_CONDITION:8f8629bb"]\n', "hashes entry 1 is not TYPE:value_hash"),
    (f'hashes = ["UK_NHS:{"a" * 64}", "UK_NHS:{"a" * 63}"]\n',
     "hashes entry 2 is not TYPE:value_hash"),
    ('hashes = ["UK_NHS:' + "A" * 64 + '"]\n', "hashes entry 1 is not TYPE:value_hash"),
    ("", "has no entry: it would suppress nothing"),
    ("# nothing yet\n", "has no entry: it would suppress nothing"),
    ("values = []\npaths = []\n", "has no entry: it would suppress nothing"),
    ('paths = ["*/x/*", ""]\n', "paths entry 2 is empty"),
    ('values = ["  "]\n', "values entry 1 is empty"),
    ('"Edna Price" = true\nvalue = ["x"]\n', "unknown key in allow-list"),
])
def test_bad_allowlist_is_a_config_error_without_content(tmp_path, content, message):
    path = tmp_path / "allow.toml"
    path.write_text(content)
    with pytest.raises(ConfigError) as error:
        AllowList.load(path)
    assert message in str(error.value)
    assert not content.strip() or content.strip() not in str(error.value)
    assert "Edna" not in str(error.value)  # an allow-list can hold raw values: never echoed


def test_a_number_left_unquoted_in_values_is_the_value(tmp_path):
    path = tmp_path / "allow.toml"
    path.write_text("values = [4010232137]\n")
    assert AllowList.load(path).values == ["4010232137"]


def test_a_whole_hash_of_a_known_type_is_accepted(tmp_path):
    path = tmp_path / "allow.toml"
    path.write_text(f'hashes = ["HEALTH_CONDITION:{"0123456789abcdef" * 4}"]\n')
    assert AllowList.load(path).hashes == {f"HEALTH_CONDITION:{'0123456789abcdef' * 4}"}


def test_an_allowed_path_that_changed_is_not_read_but_flagged_for_re_review(tmp_path):
    """A research team's synthetic export is allow-listed by path. Rescanned unchanged it
    stays plainly allowed; once someone overwrites it (real rows pasted in) it is still
    never read, but its row and the log say it changed since it was last seen."""
    import json
    import os

    from tests.cli import run_cli

    share, out = tmp_path / "research", tmp_path / "out"
    (share / "synthetic").mkdir(parents=True)
    export = share / "synthetic" / "cohort.csv"
    export.write_text("id,score\n1,0.4\n2,0.7\n")
    (share / "protocol.txt").write_text("Protocol v3: recruitment closes in March.\n")
    allow = tmp_path / "allow.toml"
    allow.write_text('paths = ["*/synthetic/*"]\n')
    allow.chmod(0o600)
    config = tmp_path / "phiscan.toml"
    config.write_text(f'[detection]\nallowlist = "{allow}"\n')

    def scan() -> tuple[str, str, dict]:
        result = run_cli("scan", str(share), "--out", str(out), "--config", str(config),
                         "--workers", "1", "--quiet")
        assert result.returncode == 0, result.stderr
        rows = {row["location"]: row for row in map(
            json.loads, (out / "files.jsonl").read_text().splitlines())}
        return result.stderr, (out / "phiscan.log").read_text(), rows[str(export)]

    changed = (f"{export}: allow-listed path, changed since it was last seen: not scanned, "
               "re-review it")
    for _ in range(2):  # first seen, then seen again unchanged
        stderr, logged, row = scan()
        assert (row["status"], row["reason"]) == ("skipped", "allow-listed path")
        assert changed not in stderr and changed not in logged
    export.write_text("id,name,nhs\n1,Rhiannon Pryce,401 023 2137\n")
    os.utime(export, (1_700_000_000, 1_700_000_000))
    stderr, logged, row = scan()
    assert (row["status"], row["reason"], row["entities"]) == (
        "skipped", "allow-listed path, changed since it was last seen: not scanned, "
        "re-review it", {})
    assert stderr.count(changed) == 1 and logged.count(changed) == 1
    assert "401 023 2137" not in stderr + logged
    _stderr, _logged, row = scan()  # unchanged since: the flag stays until re-reviewed
    assert row["reason"].startswith("allow-listed path, changed since")
