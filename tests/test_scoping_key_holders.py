"""Key holders and access notes bound to the subject of their record (issues 14 and 15,
session 13), whatever shape the record takes:

- a FHIR resource about a Patient of its Bundle (`Flag.subject`, `RelatedPerson.patient`) is
  part of that Patient's record, wherever it stands in the Bundle: a RelatedPerson who holds
  the key makes the patient's way in `key_holder` (the holder stays a related person), a
  Flag's key safe code is the patient's `code`;
- a log's line stamped with the same date and time as the event line above it (`22:14 |
  NOTE | ...` under `22:14 | CALL | client ...`) is that event's next line, so its key
  holder or code is that event's client's, never the next event's.

Scanned and exported by the real CLI; nothing raw leaves without `--reveal`.
"""

from __future__ import annotations

import json

import pytest

from tests.cli import export_individuals, key, scanned_share
from tests.conftest import assert_no_raw_values


def _patient(ident: str, family: str, given: str, birth: str, nhs: str) -> dict:
    return {"resource": {
        "resourceType": "Patient", "id": ident,
        "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": nhs}],
        "name": [{"family": family, "given": [given]}], "birthDate": birth}}


BUNDLE = {"resourceType": "Bundle", "type": "collection", "entry": [
    _patient("hah-1", "Okonkwo", "Beatrice", "1936-02-14", "4868123106"),
    _patient("hah-2", "Lindqvist", "Harald", "1931-09-30", "4869256681"),
    # (out of order: each resource after both patients)
    {"resource": {"resourceType": "RelatedPerson", "patient": {"reference": "Patient/hah-2"},
                  "relationship": [{"text": "neighbour - key holder"}],
                  "name": [{"family": "Marsh", "given": ["Delia"]}],
                  "telecom": [{"system": "phone", "value": "07700 900614"}]}},
    {"resource": {"resourceType": "Flag", "status": "active",
                  "subject": {"reference": "Patient/hah-1"},
                  "code": {"text": "Key safe left of the porch, code 3 3 9 1"}}},
    {"resource": {"resourceType": "Practitioner", "id": "pr-1",
                  "name": [{"family": "Adeyemi", "given": ["Tunde"]}]}},
]}

LOG = (
    "Hillside Community Alarms - overnight log 03/12/2026 (operator Priya Shah)\n"
    "03/12/2026 22:14 | FALL | client Mrs Winifred Castle (DOB 04/05/1936) | 2 Tanyard Row\n"
    "03/12/2026 22:14 | NOTE | warden sent. Niece Carys Bevan at Ivy House holds a spare key.\n"
    "03/12/2026 23:40 | PENDANT | client Mr Albert Quayle (DOB 12/12/1931) | 9 Mill Lane\n"
    "03/12/2026 23:40 | NOTE | spoke via unit, no help needed\n"
    "04/12/2026 01:05 | SMOKE | client Mrs Edith Fenwick (DOB 30/09/1929) | 4 Kiln Court\n"
    "04/12/2026 01:05 | NOTE | false alarm, burnt toast. Key safe by the back door, code 7720.\n"
    "04/12/2026 02:30 | BED SENSOR | client Mr Reginald Tolley (DOB 14/02/1938) | 1 Ash Row\n"
)

SHARE = {"fhir/hospice_bundle.json": json.dumps(BUNDLE, indent=1),
         "alarms/overnight_log.txt": LOG}


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    return scanned_share(tmp_path_factory, "key-holders", SHARE)


def test_each_detail_opens_the_home_of_its_record_subject(scanned, tmp_path):
    rows = export_individuals(scanned, tmp_path, "--reveal")
    assert sorted((key("PERSON", row["name"]), row["home_access_kinds"]) for row in rows) == \
        sorted([(key("PERSON", "Beatrice Okonkwo"), "code"),
                (key("PERSON", "Harald Lindqvist"), "key_holder"),
                (key("PERSON", "Winifred Castle"), "key_holder"),
                (key("PERSON", "Albert Quayle"), ""),
                (key("PERSON", "Edith Fenwick"), "code"),
                (key("PERSON", "Reginald Tolley"), "")])


def test_the_key_holders_are_related_people_not_subjects(scanned, tmp_path):
    rows = {key("PERSON", row["name"]): row for row in export_individuals(
        scanned, tmp_path, "--reveal")}
    assert rows[key("PERSON", "Harald Lindqvist")]["related_people"] == "Delia Marsh"
    assert not {key("PERSON", "Delia Marsh"), key("PERSON", "Carys Bevan")} & set(rows)


def test_nothing_raw_without_reveal(scanned, tmp_path):
    export_individuals(scanned, tmp_path)
    assert_no_raw_values(tmp_path / "people.csv", ["Okonkwo", "Lindqvist", "Marsh", "Bevan",
                                                   "3 3 9 1", "7720", "4868123106"])


VISITS = (
    "District nursing - day list\n"
    "13/11/2025 Visit to Mrs Gwen Hardcastle (DOB 02/03/1941) completed\n"
    "13/11/2025 Referral received for NHS 943 476 5919, insulin dependent diabetes\n"
    "14/11/2025 Visit to Mr Walter Pickles (DOB 11/10/1939) completed\n"
)


def test_a_date_without_a_time_never_joins_two_items_of_one_day(tmp_path_factory, tmp_path):
    """Two items of one day are two events: only a stamp holding a time of day (`22:14`)
    continues the event above, so the referral's NHS number and diagnosis are not Gwen's."""
    out = scanned_share(tmp_path_factory, "day-list", {"lists/day.txt": VISITS})
    rows = export_individuals(out, tmp_path, "--reveal")
    gwen = [row for row in rows if "Hardcastle" in row["name"]]
    assert len(gwen) == 1
    assert (gwen[0]["nhs_number"], gwen[0]["special_category"]) == ("", "false")


CARE_TEAM_BUNDLE = {"resourceType": "Bundle", "type": "collection", "entry": [
    _patient("ct-1", "Okonkwo", "Beatrice", "1936-02-14", "4868123106"),
    {"resource": {"resourceType": "CareTeam", "subject": {"reference": "Patient/ct-1"},
                  "note": [{"text": "Lead nurse for this team: date of birth 09/07/1984, "
                                    "mobile 07700 900123"}]}},
]}


def test_a_care_team_s_values_never_join_its_patient_s_record(tmp_path_factory, tmp_path):
    """A CareTeam, Practitioner, Organization or Location is about others than the
    Patient it references: its unmarked values (a nurse's date of birth) stay its own."""
    out = scanned_share(tmp_path_factory, "care-team",
                        {"fhir/team.json": json.dumps(CARE_TEAM_BUNDLE, indent=1)})
    rows = export_individuals(out, tmp_path, "--reveal")
    beatrice = [row for row in rows if "Okonkwo" in row["name"]]
    assert [(row["date_of_birth"], row["linkage_fault"]) for row in beatrice] == [
        ("1936-02-14", "")]
    assert [row["categories"] for row in beatrice] == ["identifiers"]
