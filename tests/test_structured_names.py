"""No NER where the structure already names people (issue 17).

HL7 v2, FHIR and e-mail headers say what each field holds: their names come from the
name fields (PID-5, PV1-7, OBR-16, HumanName, From/To), and spaCy reads only their
free text (an OBX-5 of a text type, NTE, a Z-segment, a FHIR annotation or narrative,
a Subject), each cell on its own. Coded fields holding capitalised words (`FBC Full
Blood Count`, an organism in a coded OBX, a ward) never reach spaCy.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from phiscan.config import LimitsConfig
from phiscan.extract import ExtractContext, choose_extractor, run_extractor
from phiscan.model import TextUnit
from tests.cli import scan_quietly

ORU = (
    "MSH|^~\\&|LAB|RXX|EPR|RXX|202401011200||ORU^R01|7|P|2.4\r"
    "PID|1||9434765919^^^NHS^NH||JONES^Sandra^^^Mrs||19300412|F\r"
    "PV1|1|I|West Ward^Bay Two||||C1234^HUGHES^Anna^^^Dr\r"
    "OBR|1|55||FBC^Full Blood Count|||202401011000|||||||||C77^PATEL^Ravi^^^Dr\r"
    "OBX|1|CE|ORG^Organism||Staphylococcus Aureus^Staph Aureus||||||F\r"
    "OBX|2|TX|NOTE^Comment||Dementia review at home; her daughter Karen Jones was"
    " present.||||||F\r"
    "NTE|1||Dementia plan phoned to Leanne Bishop.\r"
    "ZPV|1|Dementia visit by Peter Long\r"
)
BUNDLE = {"resourceType": "Bundle", "type": "collection", "entry": [
    {"resource": {"resourceType": "Patient",
                  "name": [{"family": "Jones", "given": ["Sandra"]}],
                  "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number",
                                  "value": "9434765919"}]}},
    {"resource": {"resourceType": "Practitioner",
                  "name": [{"family": "Hughes", "given": ["Anna"], "prefix": ["Dr"]}]}},
    {"resource": {"resourceType": "Condition", "code": {"text": "Parkinson's disease"},
                  "subject": {"reference": "Patient/1", "display": "Sandra Jones"},
                  "note": [{"text": "Reported by her daughter Karen Jones on the ward."}],
                  "text": {"status": "generated",
                           "div": '<div xmlns="http://www.w3.org/1999/xhtml">Dementia review'
                                  " with Peter Long, community nurse.</div>"}}},
]}
EMAIL = (
    "From: Leanne Bishop <leanne.bishop@care.example.org>\n"
    "To: Peter Long <peter.long@care.example.org>; Anna Hughes"
    " <anna.hughes@care.example.org>\n"
    "Subject: Visit for Alan Webb\n\n"
    "Alan Webb, NHS 943 476 5919, was seen today.\n"
)


def units(name: str, data: bytes) -> list[TextUnit]:
    extractor, _reason = choose_extractor(name, data)
    assert extractor is not None
    pieces = run_extractor(extractor, data, ExtractContext.for_file(name, LimitsConfig()))
    return [piece for piece in pieces if isinstance(piece, TextUnit)]


def ner_blocks(detector, unit: TextUnit) -> list[str]:
    plan = detector.start(unit)
    return [unit.text[block.start:block.end] for block in plan.blocks]


def test_spacy_reads_only_the_free_text_of_an_hl7_message(detector):
    [message] = units("oru.hl7", ORU.encode())
    coded = {unit_field.name for unit_field in message.fields if unit_field.coded}
    assert {"PID-5 patient_name", "PV1-3", "OBR-4", "OBR-16 ordering_provider_name",
            "MSH-9"} <= coded
    free = [message.text[f.start:f.end] for f in message.fields if not f.coded]
    assert free == ["Dementia review at home; her daughter Karen Jones was present.",
                    "Dementia plan phoned to Leanne Bishop.", "1",
                    "Dementia visit by Peter Long"]  # OBX-5 of type TX, NTE-3, the Z-segment
    assert ner_blocks(detector, message) == free[:2] + free[3:]


def test_spacy_reads_only_fhir_narrative_and_annotations(detector):
    patient, practitioner, condition = units("bundle.json", json.dumps(BUNDLE).encode())
    assert ner_blocks(detector, patient) == ner_blocks(detector, practitioner) == []
    assert ner_blocks(detector, condition) == [
        "Sandra Jones",  # a Reference's display: a name without a name field
        "Reported by her daughter Karen Jones on the ward.",
        "Dementia review with Peter Long, community nurse."]


def test_an_address_header_is_one_coded_field_per_address(detector):
    headers, _body = units("update.eml", EMAIL.encode())
    assert headers.text == (
        "From: Leanne Bishop <leanne.bishop@care.example.org>\n"
        "To: Peter Long <peter.long@care.example.org>\n"
        "To: Anna Hughes <anna.hughes@care.example.org>\n"
        "Subject: Visit for Alan Webb\n")
    assert [unit_field.coded for unit_field in headers.fields] == [True, True, True, False]
    assert ner_blocks(detector, headers) == ["Visit for Alan Webb"]


def test_a_header_that_is_no_address_list_is_read_as_text(detector):
    headers, _body = units("odd.eml", b"From: the ward clerk, Jane Smith\nSubject: x\n\nHi\n")
    assert headers.text == "From: the ward clerk, Jane Smith\nSubject: x\n"
    assert [unit_field.coded for unit_field in headers.fields] == [False, False]


@pytest.fixture(scope="module")
def scanned(tmp_path_factory) -> Path:
    share = tmp_path_factory.mktemp("structured-share")
    (share / "oru.hl7").write_text(ORU, encoding="utf-8")
    (share / "bundle.json").write_text(json.dumps(BUNDLE), encoding="utf-8")
    (share / "update.eml").write_text(EMAIL, encoding="utf-8")
    out = tmp_path_factory.mktemp("structured-out") / "inventory"
    scan_quietly(share, out)
    return out


def people(out: Path, location_part: str) -> list[tuple[str, str, str]]:
    """(masked, recognizer, field) of every full name found in a file."""
    with sqlite3.connect(out / "inventory.sqlite") as db:
        rows = db.execute(
            "SELECT f.masked, f.recognizer, coalesce(f.field, '') FROM findings f JOIN locations l"
            " ON l.id = f.location_id WHERE f.entity_type = 'PERSON' AND l.location LIKE ?"
            " AND f.masked LIKE '% %'", (f"%{location_part}",)).fetchall()
    return sorted(rows)


def test_names_come_from_fields_and_from_free_text_through_the_cli(scanned):
    fields, ner = "PhiscanNameFieldRecognizer", "CheckedSpacyRecognizer"
    assert people(scanned, "oru.hl7") == [
        ("A*** H*****", fields, "PV1-7 attending_doctor_name"),
        ("K**** J****", ner, "OBX-5"),
        ("L***** B*****", ner, "NTE-3"),
        ("P**** L***", ner, "ZPV-2"),
        ("R*** P****", fields, "OBR-16 ordering_provider_name"),
        ("S***** J****", fields, "PID-5 patient_name"),
    ]
    assert people(scanned, "bundle.json") == [
        ("A*** H*****", "PhiscanSplitNameFields", "name.family"),
        ("K**** J****", ner, "note.text"),
        ("P**** L***", ner, "text.div"),
        ("S***** J****", ner, "subject.Patient.display"),  # under its reference type
        ("S***** J****", fields, "patient_name"),
    ]
    assert people(scanned, "update.eml") == [
        ("A*** H*****", fields, "To"),
        ("A*** W***", ner, "Subject"),
        ("A*** W***", fields, ""),  # the body: the name before its NHS number's label
        ("L***** B*****", fields, "From"),
        ("P**** L***", fields, "To"),
    ]

