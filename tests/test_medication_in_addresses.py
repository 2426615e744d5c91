"""A medicine's word inside an address is no medication (session 18): the medicines'
vocabulary holds herbs and plants that are street and house names too (`19 Valerian Way`,
`Chamomile Cottage` over a postcode, `Rosemary Gardens`). None is a MEDICATION finding
there, in any record shape; a real drug beside an address still is, and a relative's own
drug in their sentence makes them a data subject of their own
(`phiscan.detect.records.with_related_subjects`), while a relative's contact line with a
herbal street does not."""

from __future__ import annotations

import pytest

from phiscan.model import TextUnit

ADDRESSES = {
    "a number and a street": (
        "Home visit log, Thursday\nClient: Mr Desmond Achterberg, 19 Valerian Way, "
        "Shrewsbury SY3 9QT\nDOB 02/02/1936. Seen by district nurse; dressing changed.\n", []),
    "a house's name in an address block": (
        "Referral to falls clinic\nMrs Olwen Pritchett\nChamomile Cottage\nBwlch-y-groes\n"
        "Llandrindod Wells\nLD1 5RT\nNHS number 401 023 2137\nHistory of falls.\n", []),
    "a relative's contact line": (
        "Contact: her nephew Kieran Sowerby, 7 Rosemary Gardens, Dumfries DG1 4PP, mobile "
        "07700 900311. Patient takes metformin.\n", ["metformin"]),
    "an address field": (
        "Address: Flat 2, Fennel House, Garlic Street, Manchester M4 6DL\n"
        "Patient: Ayodele Oduya, DOB 14/07/1951\nDiagnosis: heart failure.\n", []),
    "a delivery stop": (
        "Delivery sheet - Tuesday\nStop 3: 41 Sage Close, Hexham NE46 2AZ - Mrs Brigid "
        "Colquhoun - walker frame, DOB 09/09/1940, NHS 401 023 2145\n", []),
    "a street's type with no number": (
        "Mrs Ida Penhaligon moved to Rosemary Gardens last spring; she takes digoxin.\n",
        ["digoxin"]),
    "a letter's heading": (
        "Re: Mr Tobias Wren, 3 Thyme Court, Norwich NR2 3LB (DOB 11/11/1931)\nDear Dr Frost, "
        "thank you for seeing Mr Wren, who has COPD.\n", []),
    "drugs beside an address": (
        "Mrs Edna Pilkington, 14 Acre Lane, Bolton BL1 4QQ, DOB 05/05/1939, takes digoxin "
        "and furosemide daily.\n", ["digoxin", "furosemide"]),
    "a drug after a herbal street": (
        "Visit: 9 Heather View, Keighley BD21 3PQ. Client Mr Ronald Birtwistle (DOB "
        "01/01/1933) refused his donepezil again; carer informed GP.\n", ["donepezil"]),
    "a clinic named by its drug": (
        "Patient: Lowri Bevan, DOB 04/04/1950\nSeen in the Warfarin Clinic today; INR 2.4.\n",
        ["Warfarin"]),
}


@pytest.mark.parametrize("text, drugs", ADDRESSES.values(), ids=ADDRESSES.keys())
def test_a_medicines_word_in_an_address_is_no_medication(detector, text, drugs):
    found = detector.detect_unit_values(TextUnit(text))
    assert [raw for finding, raw in found if finding.entity_type == "MEDICATION"] == drugs


def people(detector, text: str) -> set[tuple[str, str, str, str]]:
    """(entity, record, role, value) of the names, dates of birth and medicines."""
    return {(finding.entity_type, str(finding.record), finding.role, raw)
            for finding, raw in detector.detect_unit_values(TextUnit(text))
            if finding.entity_type in ("PERSON", "DATE_OF_BIRTH", "MEDICATION")}


def test_a_relatives_own_drug_makes_them_a_subject_and_their_street_does_not(detector):
    text = ("Patient: Gwen Hardcastle, DOB 02/02/1930, NHS 401 023 2153\n"
            "Next of kin: her son Barry Hardcastle, DOB 14/06/1962, who takes lithium, lives "
            "at 74 Heather View, Halifax HX3 5QQ.\n")
    assert people(detector, text) == {
        ("PERSON", "document", "subject", "Gwen Hardcastle"),
        ("DATE_OF_BIRTH", "document", "", "02/02/1930"),
        ("PERSON", "document related 1", "subject", "Barry Hardcastle"),
        ("DATE_OF_BIRTH", "document related 1", "subject", "14/06/1962"),
        ("MEDICATION", "document related 1", "", "lithium"),
    }
    text = ("Patient: Gwen Hardcastle, DOB 02/02/1930, NHS 401 023 2153\n"
            "Next of kin: her son Barry Hardcastle, DOB 14/06/1962, 74 Heather View, Halifax "
            "HX3 5QQ, mobile 07700 900546.\n")
    assert people(detector, text) == {
        ("PERSON", "document", "subject", "Gwen Hardcastle"),
        ("DATE_OF_BIRTH", "document", "", "02/02/1930"),
        ("PERSON", "document", "related", "Barry Hardcastle"),
        ("DATE_OF_BIRTH", "document", "related", "14/06/1962"),
    }
