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
