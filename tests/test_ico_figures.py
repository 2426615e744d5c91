"""The ICO draft's figures, each with one definition and a sentence (session 15 trial):
home access of any kind is one figure, the same in the headline and the categories
table, split into entry details and key holder only; related people and staff are data
subjects of their own kind with their counts; a location anyone can read (a public
object on moto's real S3 server) is stated, whatever categories it holds."""

from __future__ import annotations

import json

import pytest

from tests.cli import run_cli

VISITS = (
    "Riverside Housing - tenancy support visits, week 9\n"
    "Tenant: Mr Osman Farah, DOB 03/07/1950. Key safe by the side gate, code 4 4 1 2.\n"
    "Support worker: Gareth Pryce. Next of kin: daughter Amina Farah, 07700 900321.\n"
)
KEYS = (
    "Tenant: Mrs Ruth Ellery, DOB 21/01/1944. Spare key held by neighbour Colin Baird.\n"
    "Support worker: Gareth Pryce. Diagnosis: COPD, on home oxygen.\n"
)
PUBLIC_CSV = ("nhs_number,date_of_birth\n943 476 5919,12/03/1951\n401 023 2137,04/11/1948\n"
              "943 476 5870,30/06/1962\n")


@pytest.fixture(scope="module")
def ico(s3_admin, moto_endpoint, aws_test_env, tmp_path_factory):
    s3_admin.create_bucket(Bucket="ico-tenancy")
    s3_admin.put_object(Bucket="ico-tenancy", Key="visits/farah.txt", Body=VISITS.encode())
    s3_admin.put_object(Bucket="ico-tenancy", Key="visits/ellery.txt", Body=KEYS.encode())
    s3_admin.put_object(Bucket="ico-tenancy", Key="export/ids.csv", Body=PUBLIC_CSV.encode(),
                        ACL="public-read")
    out = tmp_path_factory.mktemp("ico") / "out"
    scanned = run_cli("scan", "s3://ico-tenancy", "--out", str(out), "--endpoint-url",
                      moto_endpoint, "--workers", "1", "--quiet")
    assert scanned.returncode == 0, scanned.stderr
    reported = run_cli("report", str(out), "--ico", "--format", "json")
    assert reported.returncode == 0, reported.stderr
    return (json.loads(reported.stdout), json.loads((out / "ico-art33.json").read_text()),
            (out / "ico-art33.md").read_text())


def test_home_access_is_one_figure_split_in_two(ico):
    report, figures, markdown = ico
    subjects = figures["data_subjects"]
    table = {item["category"]: item["individuals"]
             for item in figures["categories_of_personal_data"]}
    assert (subjects["with_any_home_access_details"], subjects["with_entry_details"],
            subjects["with_key_holder_named_only"], table["home_access"]) == (2, 1, 1, 2)
    assert ("- with home-access details of any kind (a key-safe or door code, a hidden key, a "
            "door left open, or a key holder named; the Home-access row of the categories "
            "table): 2") in markdown
    assert "  - of whom their home can be entered from the leaked details alone" in markdown


def test_related_people_and_staff_are_data_subjects_of_their_own_kind(ico):
    _report, figures, markdown = ico
    subjects = figures["data_subjects"]
    assert (subjects["related_people"], subjects["staff_names"]) == (2, 1)
    assert ("- Related people named in the records (next of kin, key holders, family "
            "contacts): 2 distinct names") in markdown
    assert "- Staff named in the records (carers, clinicians, authors): 1 distinct names" \
        in markdown


def test_a_public_location_is_stated_whatever_it_holds(ico):
    report, figures, markdown = ico
    assert report["exposure"]["personal_data_by_exposure"]["public"] == {
        "locations": 1, "people": 3}
    assert ("- **1 location(s) with personal data readable by anyone, without an account "
            "(public)**, holding data of 3 of the people counted") in markdown
    assert markdown.index("## Who could read it") < markdown.index("## Method and bounds")


def test_recurring_staff_names_are_counted_once():
    from phiscan.scoping.ico import _data_subject_types, staff_names

    report = {"staff": {"names": 3, "recurring_names": [{"id": "n1", "subjects": 4}]},
              "individuals": {"total": 0, "with_home_access": 0, "related_people": 0,
                              "identified_by": {"name_and_address": 0}}}
    assert staff_names(report) == 3
    assert _data_subject_types(report) == [
        "Staff named in the records (carers, clinicians, authors): 3 distinct names; "
        "exposed as staff, not counted in the total above"]
