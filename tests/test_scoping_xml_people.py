"""An XML export's people one record each (session 18, s18-ids): a learning-support
service's export repeats one element per person (`<Learner><FamilyName>..</FamilyName>
<GivenNames>Ines Carolina</GivenNames><BirthDate>..</BirthDate></Learner>`). Read as one
labelled text, a person's two given names were taken for a full name (`Ines Carolina`)
and one person's names joined the next one's birth date. Read in JSON's shape, each
repeated element is a record, as a JSON export's array is (`phiscan.extract.structured`).
Written for this batch (before: 1 of the 3 learners right, the one with one given name).
"""

from __future__ import annotations

import pytest

from phiscan.config import LimitsConfig
from phiscan.extract.base import ExtractContext
from phiscan.extract.xmldoc import as_json, extract_xml, parse_xml
from tests.cli import export_individuals, key, scanned_share
from tests.conftest import assert_no_raw_values

EXPORT = """<?xml version="1.0" encoding="UTF-8"?>
<LearnerSupportExport source="Kestrel College" run="2026-10-30">
  <Learner>
    <LearnerRef>K0042117</LearnerRef>
    <FamilyName>Arbuthnot</FamilyName>
    <GivenNames>Ines Carolina</GivenNames>
    <Need>dyspraxia</Need>
    <BirthDate>2006-05-21</BirthDate>
  </Learner>
  <Learner>
    <LearnerRef>K0042388</LearnerRef>
    <FamilyName>Szczepanik</FamilyName>
    <GivenNames>Bartosz</GivenNames>
    <BirthDate>2005-12-03</BirthDate>
    <Need>epilepsy</Need>
  </Learner>
  <Learner>
    <LearnerRef>K0042590</LearnerRef>
    <FamilyName>Okonkwo</FamilyName>
    <GivenNames>Chidera Grace</GivenNames>
    <BirthDate>2007-01-14</BirthDate>
    <Need>autism spectrum disorder</Need>
  </Learner>
</LearnerSupportExport>
"""


@pytest.fixture(scope="module")
def learners_scanned(tmp_path_factory):
    return scanned_share(tmp_path_factory, "xml-people", {"support/learners.xml": EXPORT})


def test_repeated_elements_read_as_a_list():
    document = as_json(parse_xml(EXPORT.encode()))
    assert document["@source"] == "Kestrel College"
    assert [learner["FamilyName"] for learner in document["Learner"]] == [
        "Arbuthnot", "Szczepanik", "Okonkwo"]
    # elements that name themselves, or text between elements, keep the labelled text
    assert as_json(parse_xml(b'<r><field name="nhs" value="1"/><field name="x">2</field></r>')
                   ) is None
    assert as_json(parse_xml(b"<p>Seen <b>today</b> at home</p>")) is None


def test_one_record_per_person():
    context = ExtractContext.for_file("learners.xml", LimitsConfig())
    pieces = list(extract_xml(EXPORT.encode(), context))
    assert [piece.record for piece in pieces] == ["document", "Learner[0]", "Learner[1]",
                                                  "Learner[2]"]


def test_each_learner_with_their_own_birth_date(learners_scanned, tmp_path):
    rows = export_individuals(learners_scanned, tmp_path, "--reveal")
    assert sorted((key("PERSON", row["name"]), key("DATE_OF_BIRTH", row["date_of_birth"]))
                  for row in rows) == sorted([
                      (key("PERSON", "Ines Carolina Arbuthnot"),
                       key("DATE_OF_BIRTH", "2006-05-21")),
                      (key("PERSON", "Bartosz Szczepanik"), key("DATE_OF_BIRTH", "2005-12-03")),
                      (key("PERSON", "Chidera Grace Okonkwo"),
                       key("DATE_OF_BIRTH", "2007-01-14"))])


def test_nothing_raw_without_reveal(learners_scanned, tmp_path):
    export_individuals(learners_scanned, tmp_path)
    for written in (tmp_path, learners_scanned):
        assert_no_raw_values(written, ["Arbuthnot", "Szczepanik", "Chidera", "Bartosz"])
