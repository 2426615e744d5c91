"""XML read by meaning (issue 14): FHIR XML through the FHIR reader (the same resources
as JSON and as XML give identical findings), HL7 v3 CDA by its structure (NHS number in
`id/@extension`, patient name, `birthTime/@value`, address, telecom), and elements that
name themselves (`<field name="nhs_number" value="..."/>`). One scan through the CLI.

The FHIR resources are NHS Digital's public Personal Demographics Service examples
(tests/data/fhir, MIT; see tests/data/SOURCES.md). Their XML form is made here by
`fhir_json_to_xml`, written from the FHIR XML rules (primitives in `value`
attributes, repeated elements for arrays, element ids and extension urls as
attributes, resources as elements named by type, narrative as XHTML).
"""

from __future__ import annotations

import copy
import json
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from tests.conftest import assert_no_raw_values

FHIR = "http://hl7.org/fhir"
XHTML = "http://www.w3.org/1999/xhtml"
DATA = Path(__file__).parent / "data" / "fhir"
NARRATIVE = (f'<div xmlns="{XHTML}"><p>Seen at home: <b>Jane Example</b>, NHS number '
             '943 476 5919, asthma review.</p></div>')
CDA = """<?xml version="1.0" encoding="UTF-8"?>
<ClinicalDocument xmlns="urn:hl7-org:v3">
  <id root="2.16.840.1.113883.2.1.3.2.4.18.2" extension="A7B8C9"/>
  <title>Discharge summary</title>
  <recordTarget>
    <patientRole>
      <id root="2.16.840.1.113883.2.1.4.1" extension="4010232137"/>
      <addr use="H"><streetAddressLine>12 Park Row</streetAddressLine>
        <city>Leeds</city><postalCode>LS1 6AE</postalCode></addr>
      <telecom use="HP" value="tel:07700900461"/>
      <patient>
        <name><given>Margaret</given><family>Thompson</family></name>
        <administrativeGenderCode code="2"/>
        <birthTime value="19410312"/>
      </patient>
    </patientRole>
  </recordTarget>
</ClinicalDocument>
"""
FIELDS = ('<export><record><field name="nhs_number" value="9434765919"/>'
          '<field name="surname" value="Rivers"/><field name="forename" value="Susan"/>'
          '</record></export>')
RAW_VALUES = ["4010232137", "Thompson", "19410312", "07700900461", "9434765919",
              "943 476 5919", "Jane Example", "Rivers"]


def fhir_json_to_xml(resource: dict[str, Any]) -> bytes:
    root = etree.Element(f"{{{FHIR}}}{resource['resourceType']}", nsmap={None: FHIR})
    add_members(root, resource, is_resource=True)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def add_members(parent: etree._Element, value: dict[str, Any], is_resource: bool) -> None:
    for key, member in value.items():
        if key == "resourceType":
            continue
        if not is_resource and key in ("id", "url") and isinstance(member, str):
            parent.set(key, member)
            continue
        for item in member if isinstance(member, list) else [member]:
            add_element(parent, key, item)


def add_element(parent: etree._Element, key: str, item: Any) -> None:
    if key == "div" and isinstance(item, str):
        parent.append(etree.fromstring(item))
        return
    element = etree.SubElement(parent, f"{{{FHIR}}}{key}")
    if isinstance(item, dict) and "resourceType" in item:
        inner = etree.SubElement(element, f"{{{FHIR}}}{item['resourceType']}")
        add_members(inner, item, is_resource=True)
    elif isinstance(item, dict):
        add_members(element, item, is_resource=False)
    else:
        element.set("value", str(item).lower() if isinstance(item, bool) else str(item))


def resources() -> dict[str, dict[str, Any]]:
    found = {path.stem: json.loads(path.read_text()) for path in sorted(DATA.glob("*.json"))}
    with_narrative = copy.deepcopy(found["Patient"])
    with_narrative["text"] = {"status": "generated", "div": NARRATIVE}
    found["bundle"] = {"resourceType": "Bundle", "type": "searchset", "entry": [
        {"fullUrl": "urn:uuid:1", "resource": with_narrative},
        *({"resource": found[name]} for name in sorted(found)[:3])]}
    return found


@pytest.fixture(scope="module")
def scanned(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("xml")
    share, out = root / "share", root / "out"
    share.mkdir()
    for name, resource in resources().items():
        (share / f"{name}.json").write_text(json.dumps(resource, indent=2))
        (share / f"{name}.xml").write_bytes(fhir_json_to_xml(resource))
    (share / "discharge.cda.xml").write_text(CDA)
    (share / "fields.xml").write_text(FIELDS)
    result = subprocess.run(
        [sys.executable, "-m", "phiscan", "scan", str(share), "--out", str(out),
         "--workers", "1"], capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-2000:]
    return out


def findings(out: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(out / "inventory.sqlite") as db:
        rows = db.execute(
            "SELECT l.location, l.status, f.entity_type, f.masked, f.field, f.value_hash"
            " FROM locations l LEFT JOIN findings f ON f.location_id = l.id").fetchall()
    by_file: dict[str, list[tuple]] = {}
    for location, status, *finding in rows:
        assert status == "scanned", (Path(location).name, status)
        by_file.setdefault(Path(location).name, [])
        if finding[0] is not None:
            by_file[Path(location).name].append(tuple(finding))
    return by_file


def test_each_fhir_resource_gives_identical_findings_as_json_and_as_xml(scanned):
    by_file = findings(scanned)
    names = sorted(resources())
    assert len(names) == 17
    for name in names:
        as_json = Counter((entity, masked, value_hash)
                          for entity, masked, _field, value_hash in by_file[f"{name}.json"])
        as_xml = Counter((entity, masked, value_hash)
                         for entity, masked, _field, value_hash in by_file[f"{name}.xml"])
        assert as_xml == as_json, name
    patient = Counter(entity for entity, *_rest in by_file["Patient.xml"])
    assert {"UK_NHS", "PERSON", "DATE_OF_BIRTH", "UK_POSTCODE", "PHONE_NUMBER",
            "EMAIL_ADDRESS"} <= set(patient)


def test_the_narrative_is_read_as_text_in_either_syntax(scanned):
    by_file = findings(scanned)
    for name in ("bundle.json", "bundle.xml"):
        narrative = {(entity, masked) for entity, masked, field, _hash in by_file[name]
                     if field == "text.div"}
        assert narrative == {("PERSON", "J*** E******"), ("UK_NHS", "943 *** ****"),
                             ("HEALTH_CONDITION", "******")}, name


def test_a_cda_document_is_read_by_its_structure(scanned):
    assert sorted((entity, masked, field) for entity, masked, field, _hash
                  in findings(scanned)["discharge.cda.xml"]) == [
        ("DATE_OF_BIRTH", "****-**-**", "date_of_birth"),
        ("PERSON", "M******* T*******", "patient_name"),
        ("PHONE_NUMBER", "***********", "phone"),
        ("UK_NHS", "401 *** ****", "nhs_number"),
        ("UK_POSTCODE", "LS1 ***", "postcode"),
    ]


def test_an_element_that_names_itself_labels_its_value(scanned):
    assert sorted((entity, masked, field) for entity, masked, field, _hash
                  in findings(scanned)["fields.xml"]) == [
        ("PERSON", "R*****", "surname"), ("PERSON", "S****", "forename"),
        ("PERSON", "S**** R*****", "surname"), ("UK_NHS", "943 *** ****", "nhs_number")]


def test_no_raw_value_reaches_the_outputs(scanned):
    assert_no_raw_values(scanned, RAW_VALUES)
