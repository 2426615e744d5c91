"""Each recognizer on its own (no spaCy): exact spans, scores and flags."""

from __future__ import annotations

import json

import pytest

from recognizers import build_recognizers, is_valid_nhs_number
from recognizers.nhs_number_recognizer import NhsNumberRecognizer, scheme_of
from tests.conftest import DATA_DIR

THRESHOLD = 0.5
RECOGNIZERS = {recognizer.name: recognizer for recognizer in build_recognizers()}


def reported(text: str, entity: str) -> list[str]:
    """Values reported for `entity` at the default threshold, in text order."""
    found = []
    for recognizer in RECOGNIZERS.values():
        if entity in recognizer.supported_entities:
            found += [r for r in recognizer.analyze(text, [entity])
                      if r.entity_type == entity and r.score >= THRESHOLD]
    return [text[r.start:r.end] for r in sorted(found, key=lambda r: r.start)]


# --- NHS numbers -------------------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("NHS number: 943 476 5919", "943 476 5919"),
    ("NHS No. 943-476-5919 seen today", "943-476-5919"),
    ("nhs_number: 9434765919\n", "9434765919"),
    ("NHS:9434765919", "9434765919"),
    ("943\u00a0476\u00a05919 is her NHS number", "943\u00a0476\u00a05919"),
    ("PID|1||9434765919^^^NHS^NH||SMITH^JANE", "9434765919"),
    ("PID-3 nhs_number: 9434765919\n", "9434765919"),
    ("identifier[0].system: https://fhir.nhs.uk/Id/nhs-number\nidentifier[0].value: 4010232137\n",
     "4010232137"),
    ("Patient Jane Smith\nDOB 12/03/1941\n401 023 2137", "401 023 2137"),
])
def test_nhs_number_with_context_is_reported(text, value):
    assert reported(text, "UK_NHS") == [value]


@pytest.mark.parametrize("text", [
    "Invoice ref 4010232137 paid. Invoice ref 9434765919 due. Call 0113 496 0000.",
    "401-023-2137",  # Presidio's own test value: checksum-valid, no context
    "page id 9434765919",
    "Order 4010232137 dispatched",
    "Tel +44 113 496 0000",
    "NHS number 0000000000",  # degenerate
    "NHS number 943 476 5918",  # bad check digit
    "NHS number 8453035113",  # Republic of Ireland IHI range
    "NHS number 0113011113",  # CHI range with an impossible date
    "nhs 943 476-5919",  # mixed separators
    "NHS 19434765919",  # part of a longer number
])
def test_nhs_number_decoys_are_not_reported(text):
    assert reported(text, "UK_NHS") == []


def test_scores_follow_context():
    recognizer = NhsNumberRecognizer()

    def score(text: str) -> float:
        (result,) = recognizer.analyze(text, ["UK_NHS"])
        return result.score

    assert score("NHS 4010232137") == 1.0
    assert score("patient 4010232137") == 0.6
    assert score("4010232137") == 0.3
    assert score("invoice 4010232137") == 0.1
    assert score("4010232137 (NHS)") == 1.0  # context after the number counts too


def test_test_range_is_flagged_and_others_are_not():
    recognizer = NhsNumberRecognizer()
    (test_result,) = recognizer.analyze("NHS number 999 000 0018", ["UK_NHS"])
    (real_result,) = recognizer.analyze("NHS number 943 476 5919", ["UK_NHS"])
    assert test_result.recognition_metadata["phiscan_test_data"] is True
    assert "phiscan_test_data" not in real_result.recognition_metadata


def test_chi_and_hcn_are_their_own_types():
    recognizer = NhsNumberRecognizer()
    results = recognizer.analyze("CHI: 0101011113\nH&C number: 3462950622\n", ["UK_CHI", "UK_HCN"])
    assert [(r.entity_type, r.score) for r in results] == [("UK_CHI", 1.0), ("UK_HCN", 1.0)]


def test_validity_vectors_agree_except_documented_choices():
    """uk-fci/nhs-number and PDS vectors: phiscan agrees with every expected validity
    except where it is stricter on purpose."""
    vectors = json.loads((DATA_DIR / "nhs_vectors_compiled.json").read_text())["validity"]
    disagreements = {
        vector["input"] for vector in vectors
        if is_valid_nhs_number(vector["input"]) != vector["expected_valid"]
    }
    # 0000000000: degenerate; 8453035113: Republic of Ireland, not a UK number.
    assert disagreements == {"0000000000", "8453035113"}


def test_region_vectors_map_to_schemes():
    cases = json.loads((DATA_DIR / "nhs_number_cases.json").read_text())["region_of"]
    schemes = {case["number"]: scheme_of(case["number"]) for case in cases}
    assert schemes == {"0101011113": "chi", "3462950622": "hcn", "4000000632": "nhs",
                       "8453035113": None, "9234760735": "nhs"}


def test_presidio_span_vectors_need_context_in_phiscan():
    cases = json.loads((DATA_DIR / "nhs_vectors_compiled.json").read_text())
    for case in cases["presidio_recognizer_span_tests"]:
        assert reported(case["text"], "UK_NHS") == []
        with_context = reported(f"NHS number {case['text']}", "UK_NHS")
        expected = 1 if case["expected_count"] and is_valid_nhs_number(case["text"]) else 0
        assert len(with_context) == expected, case["text"]


# --- home access -------------------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("Key safe code 4821 by the front door", "Key safe code 4821 by the front door"),
    ("keysafe: C1234X", "keysafe: C1234X"),
    ("KS 1 2 3 4", "KS 1 2 3 4"),
    ("key safe combination is 3-7-1-9", "key safe combination is 3-7-1-9"),
    ("alarm code 1984#", "alarm code 1984#"),
    ("4821 is the key safe code", "4821 is the key safe"),
    ("Lockbox behind the drainpipe", "Lockbox behind the drainpipe"),
    ("Spare key under the mat", "Spare key under the mat"),
    ("key is in the meter box", "key is in the meter box"),
    ("Under the plant pot there is a spare key", "Under the plant pot there is a spare key"),
    ("Neighbour at number 14 holds a key", "Neighbour at number 14 holds a key"),
    ("Keyholder: daughter", "Keyholder"),
    ("Please let yourself in", "let yourself in"),
    ("Back door left unlocked for carers", "Back door left unlocked"),
    ("Communal door code 2580, then flat 3", "Communal door code 2580"),
])
def test_home_access_notes_are_found(text, value):
    assert reported(text, "HOME_ACCESS") == [value]


@pytest.mark.parametrize("text", [
    "Key stage 2 results", "Key findings: rota gaps", "key performance indicators for Q3",
    "Press any key to continue", "keyboard broken", "Use promo code 4821 for 10% off",
    "dress code is smart casual", "ICD-10 code E11.9", "postcode LS1 6AE",
    "The office door code is 4821", "server room door code 1234",
    "The door code for the office is 1234", "visit at 1400hrs", "key safe fitted in 2019",
    "Call 0113 496 0000 about the key safe", "Appointment 12/03/2024 key safe",
    "key safe code changed 12-03-2024",
])
def test_home_access_decoys_are_not_found(text):
    assert reported(text, "HOME_ACCESS") == []


def test_one_note_is_one_finding():
    text = "Key safe code 4821 by the front door, spare key under the mat."
    assert reported(text, "HOME_ACCESS") == [
        "Key safe code 4821 by the front door, spare key under the mat"]


def test_user_vocabulary_extends_the_shipped_one(tmp_path):
    from recognizers.home_access_recognizer import HomeAccessRecognizer

    (tmp_path / "home_access_devices.txt").write_text("# ours\ncode tin\n")
    text = "Code tin 7391 on the porch wall"
    assert HomeAccessRecognizer().analyze(text, ["HOME_ACCESS"]) == []
    (result,) = HomeAccessRecognizer(vocabulary_dirs=[tmp_path]).analyze(text, ["HOME_ACCESS"])
    assert text[result.start:result.end] == "Code tin 7391"


# --- other UK identifiers ------------------------------------------------------------------

@pytest.mark.parametrize("entity, text, values", [
    ("UK_POSTCODE", "Address: 1 Trevelyan Square, Leeds LS1 6AE", ["LS1 6AE"]),
    ("UK_POSTCODE", "GIR 0AA and SW1A 1AA and EC1A 1BB", ["GIR 0AA", "SW1A 1AA", "EC1A 1BB"]),
    ("UK_POSTCODE", "QA1 1AA", []),
    ("UK_POSTCODE", "postcode: ls16ae", ["ls16ae"]),
    ("UK_POSTCODE", "ref ls16ae", []),
    ("DATE_OF_BIRTH", "DOB 12/03/1941, seen 14/11/2024.", ["12/03/1941"]),
    ("DATE_OF_BIRTH", "date_of_birth: 12/03/1941\n", ["12/03/1941"]),
    ("DATE_OF_BIRTH", "birthDate: 1941-03-12\n", ["1941-03-12"]),
    ("DATE_OF_BIRTH", "born on 3rd March 1941", ["3rd March 1941"]),
    ("DATE_OF_BIRTH", "PID|1||9434765919^^^NHS^NH||SMITH^JANE||19410312|F", ["19410312"]),
    ("DATE_OF_BIRTH", "Visit date: 12/03/2024", []),
    ("DATE_OF_BIRTH", "dob: 31/02/1941", []),
    # a two-digit year is read in the latest century that puts it in the past (2030 is
    # in the future: 1930), `DoB`, `yyyy/mm/dd`, an apostrophe before the year
    ("DATE_OF_BIRTH", "DOB 12/04/30, D.O.B. 12-Apr-30", ["12/04/30", "12-Apr-30"]),
    ("DATE_OF_BIRTH", "DoB: 12/04/1930", ["12/04/1930"]),
    ("DATE_OF_BIRTH", "DOB 1930/04/12", ["1930/04/12"]),
    ("DATE_OF_BIRTH", "DOB 12th Apr '30", ["12th Apr '30"]),
    ("DATE_OF_BIRTH", "dob: 12/04/2030", []),
    ("PHONE_NUMBER", "Call 0113 496 0000.", ["0113 496 0000"]),
    ("PHONE_NUMBER", "mobile +44 (0)7700 900123", ["+44 (0)7700 900123"]),
    ("PHONE_NUMBER", "NHS number 943 476 5919", []),
    ("UK_NINO", "NI number: JG103759A", ["JG103759A"]),
    ("UK_NINO", "AB 12 34 56 C", ["AB 12 34 56 C"]),
    ("UK_NINO", "QQ123456C GB123456A", []),
    ("CLINICAL_CODE", "ICD-10 code E11.9", ["E11.9"]),
    ("CLINICAL_CODE", "SNOMED CT 44054006", ["44054006"]),
    ("CLINICAL_CODE", "E11.9 and 44054006", []),
    ("HEALTH_CONDITION", "Diagnosis: type 2 diabetes and COPD", ["type 2 diabetes", "COPD"]),
    ("HEALTH_CONDITION", "copd", []),
    ("MEDICATION", "Medication given: donepezil 10mg", ["donepezil"]),
    ("ETHNICITY", "ethnicity: White British\n", ["White British"]),
    ("ETHNICITY", "the white van", []),
    ("RELIGION", "Religion: Sikh\n", ["Sikh"]),
])
def test_uk_and_health_recognizers(entity, text, values):
    assert reported(text, entity) == values


@pytest.mark.parametrize("text, values", [
    ("patient_name: Jane Smith\nnhs_number: 9434765919\n", ["Jane Smith"]),
    ("surname: Smith\nforename: Jane\n", ["Smith", "Jane"]),
    ("name[0].family: Smith\nname[0].given[0]: Jane\nname[0].use: usual\n", ["Smith", "Jane"]),
    ("PID|1||9434765919^^^NHS^NH||SMITH^JANE^^^MRS||19410312|F", ["SMITH^JANE"]),
    ("NK1|1|SMITH^JOHN|SON", ["SMITH^JOHN"]),
    ("drug_name: Metformin\nname: Unknown\npatient: see notes\n", []),
    # a name before its date of birth's label in every shape
    ("Client: Edna Lamb, Date of Birth: 12th April, 1930", ["Edna Lamb"]),
    ("Client: Edna Lamb, DOB April 12th, 1930", ["Edna Lamb"]),
    ("Client: Edna Lamb, aged 96 (DOB 12 Apr 1930)", ["Edna Lamb"]),
    ("Client: Edna Lamb, DOB - 12/04/1930", ["Edna Lamb"]),
    ("Client: Edna Lamb, DoB 12/04/1930", ["Edna Lamb"]),
    ("Client: Sandra May Jones (DOB 12/04/1930)", ["Sandra May Jones"]),
    ("Jones, Sandra May DOB 12/04/1930", ["Jones, Sandra May"]),
    ("Margaret (Peggy) Holt, DOB 12/04/1930", ["Margaret (Peggy) Holt"]),
    ("Client: Sandra 'Sandy' Jones\nDOB: 12/04/1930", ["Sandra 'Sandy' Jones"]),
    ("HOLT, Margaret (Peggy) 12/04/1930", ["HOLT, Margaret (Peggy)"]),
    ("Met Carol Hey (Daughter), DOB 01/02/1960", ["Carol Hey"]),
    ("Visited Rose Grace Tattersall (DOB 12/04/1930) at home", ["Rose Grace Tattersall"]),
    # places are no names
    ("Moved to Sunnybank House (DOB 2/3/1948) last week.", []),
    ("Mrs Ida Platt, Low Farm, Thornby, DOB 2/3/1948", ["Mrs Ida Platt"]),
])
def test_names_from_structured_fields(text, values):
    assert [v for v in reported(text, "PERSON")] == values


def test_patterns_are_compiled_once_with_the_flags_they_run_with():
    """No recognizer compiles a pattern again at its first text (start-up cost); the
    home-access grammar compiles a pattern only when a text first passes its trigger."""
    from recognizers.base import ContextScoredRecognizer, Pattern

    ours = [r for r in build_recognizers() if isinstance(r, ContextScoredRecognizer)]
    assert len(ours) >= 10
    for recognizer in ours:
        lazy = recognizer.name == "PhiscanHomeAccessRecognizer"
        compiled = [(p.compiled_regex, p.compiled_with_flags) for p in recognizer.patterns]
        assert all(flags == recognizer.global_regex_flags for _regex, flags in compiled)
        assert all((regex is None) == lazy for regex, _flags in compiled)
        recognizer.analyze("Patient seen at 10:30, NHS number 943 476 5919.", [])
        if lazy:  # no access word in that text: no pattern behind a trigger compiled yet
            assert [p.name for p in recognizer.patterns if p.compiled_regex is not None] == [
                p.name for p in recognizer.patterns if p.name not in recognizer.triggers]
            recognizer.analyze("Key safe code 4321 by the back door.", [])
            compiled = [(p.compiled_regex, p.compiled_with_flags) for p in recognizer.patterns]
            assert any(regex is not None for regex, _flags in compiled)
        recognizer.analyze("Key safe code 4321, NHS number 943 476 5919.", [])
        assert [(p.compiled_regex, p.compiled_with_flags)
                for p in recognizer.patterns] == compiled  # the same objects: not recompiled
    with pytest.raises(ValueError, match="Invalid regex pattern"):
        Pattern("broken", "(unclosed", 0.5)
    broken = Pattern("broken", "(unclosed", 0.5, lazy=True)  # checked when first needed
    with pytest.raises(ValueError, match="Invalid regex pattern"):
        broken.compile(broken.compiled_with_flags)
