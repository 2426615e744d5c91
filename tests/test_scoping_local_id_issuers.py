"""Two organisations' local numbers in one breach share (session 18): a council's adult
social care and a community NHS trust both write `Client ID`, each in its own top folder.
The same `Client ID 10234` is a council client and a trust patient: each organisation's
unnamed note with that number joins its own holder (`phiscan.scoping.linkage.Issuers`),
where before neither joined anyone, and the number is no longer counted as shared. One
organisation's number in three of its files is still one person, in whichever of its
folders."""

from __future__ import annotations

import pytest

from tests.cli import export_individuals, report_json, scanned_share

COUNCIL = "Calderbrook Metropolitan Borough Council - Adult Social Care\n"
TRUST = "Moorside Community NHS Trust - District Nursing\n"
FILES = {
    "calderbrook-council/asc/assessments/ashby-assessment.txt": (
        COUNCIL + "Care needs assessment\nClient ID: 10234\nName: Winifred Ashby\n"
        "Date of birth: 17/03/1938\nNeeds help with washing and dressing.\n"),
    "calderbrook-council/asc/reviews/review-0412.txt": (
        COUNCIL + "Six-week review\nClient ID: 10234\nPackage continues; left-sided weakness "
        "improving. Key safe code 2291.\n"),
    "moorside-trust/community-nursing/caseload.csv": (
        "Client ID,Surname,Forename,DOB,NHS number\n"
        "10234,Quigley,Bernard,02/09/1946,4010232145\n"
        "10777,Fenwick,Stella,11/01/1952,4010232153\n"),
    "moorside-trust/community-nursing/visits/visit-2211.txt": (
        TRUST + "Visit note\nClient ID: 10234\nLeg ulcer dressed; insulin-dependent "
        "diabetes, sugars high.\n"),
    "calderbrook-council/asc/assessments/lister-assessment.txt": (
        COUNCIL + "Client ID: 30881\nName: Percival Lister\nDate of birth: 05/05/1935\n"
        "Parkinson's disease; falls at home.\n"),
    "calderbrook-council/asc/reviews/review-0519.txt": (
        COUNCIL + "Client ID: 30881\nMr Lister had another fall; OT referral made.\n"),
    "calderbrook-council/finance/charging-0519.txt": (
        "Calderbrook Metropolitan Borough Council - Financial assessment\n"
        "Client ID: 30881\nAssessed charge 42.10 per week.\n"),
}


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    return scanned_share(tmp_path_factory, "local-id-issuers", FILES)


def test_each_organisations_number_joins_its_own_holder(scanned, tmp_path):
    rows = export_individuals(scanned, tmp_path, "--reveal")
    assert sorted((row["name"], row["other_names"], row["categories"], row["home_access"],
                   row["locations"]) for row in rows) == [
        ("Bernard Quigley", "", "health;identifiers", "false", "2"),
        ("Percival Lister", "", "health;identifiers", "false", "3"),
        ("Stella Fenwick", "", "identifiers", "false", "1"),
        ("Winifred Ashby", "", "home_access;identifiers", "true", "2"),
    ]


def test_a_number_of_two_issuers_is_no_shared_number(scanned):
    assert report_json(scanned)["data_quality"]["local_ids_for_several_people"] == 0
