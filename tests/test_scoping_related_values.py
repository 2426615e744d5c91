"""A related person's own values are never the patient's (issue 15): a contacts extract's
`contact_dob` / `contact_phone` columns, an HL7 NK1 date of birth and a FHIR RelatedPerson's
birthDate belong to the relative, so a patient never takes a second date of birth (and so
never becomes two people). Scanned by the real CLI; the export is read back with `--reveal`.
"""

from __future__ import annotations

import json

import pytest

from phiscan.detect.entities import normalise
from tests.cli import export_individuals, scan_quietly
from tests.share_builder import write_files

CONTACTS = (
    "client_ref,client_full_name,client_dob,contact_first_name,contact_last_name,"
    "relationship,contact_phone,contact_dob,key_holder\n"
    "C-101,Edna Ramsbottom,01/02/1931,Carol,Fenton,daughter,07700 900567,16/07/1962,Y\n"
    "C-101,Edna Ramsbottom,01/02/1931,Gwyn,Armitage,son-in-law,07700 900001,,N\n"
    "C-102,Walter Crabtree,03/04/1935,Yvonne,Townend,niece,07700 900071,06/09/1966,N\n"
)
ADT = (
    "MSH|^~\\&|PAS|RXX|EPR|RXX|202401011200||ADT^A04|1|P|2.5\r"
    "PID|1||9434765919^^^NHS^NH||RAMSBOTTOM^Edna^^^Mrs||19310201|F\r"
    "NK1|1|FENTON^Carol|DAU|||||||||||F|19620716\r"
)
BUNDLE = {"resourceType": "Bundle", "type": "collection", "entry": [
    {"fullUrl": "urn:uuid:p1", "resource": {
        "resourceType": "Patient", "birthDate": "1935-04-03",
        "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "4010232137"}],
        "name": [{"family": "Crabtree", "given": ["Walter"]}]}},
    {"fullUrl": "urn:uuid:r1", "resource": {
        "resourceType": "RelatedPerson", "patient": {"reference": "urn:uuid:p1"},
        "birthDate": "1966-09-06", "name": [{"family": "Townend", "given": ["Yvonne"]}]}},
]}


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    share = tmp_path_factory.mktemp("related-values-share")
    out = tmp_path_factory.mktemp("related-values-out") / "inventory"
    write_files(share, {"telecare/contacts.csv": CONTACTS, "pas/adt.hl7": ADT,
                        "fhir/bundle.json": json.dumps(BUNDLE)})
    scan_quietly(share, out)
    return out


def test_a_relatives_own_values_never_make_the_patient_a_second_person(scanned, tmp_path):
    rows = export_individuals(scanned, tmp_path, "--reveal")
    # the name and date shown are whichever form was read first; one row each, two files each
    assert sorted((row["name"].lower(), normalise("DATE_OF_BIRTH", row["date_of_birth"]),
                   row["nhs_number"].replace(" ", ""), row["locations"]) for row in rows) == [
        ("edna ramsbottom", normalise("DATE_OF_BIRTH", "01/02/1931"), "9434765919", "2"),
        ("walter crabtree", normalise("DATE_OF_BIRTH", "03/04/1935"), "4010232137", "2"),
    ]
    revealed = " ".join(" ".join(row.values()) for row in rows)
    assert "16/07/1962" not in revealed and "1962" not in revealed
    assert "07700 900567" not in revealed
