"""HOME_ACCESS by what a code is for (session 15, brief ha-precision): a classification code
for a condition, procedure or drug, `KS` as Kansas in an address or a machine-readable zone, a
mortuary's or a drill hall's code, and the old code of a home the person has left open no
home; access lines written next to the same words are still found."""

from __future__ import annotations

import pytest

from recognizers.home_access_recognizer import HomeAccessRecognizer


@pytest.fixture(scope="module")
def recognizer() -> HomeAccessRecognizer:
    return HomeAccessRecognizer()


def found(recognizer: HomeAccessRecognizer, text: str) -> int:
    return len(recognizer.analyze(text, ["HOME_ACCESS"]))


@pytest.mark.parametrize("text", [
    # a code for a condition the health vocabulary names
    "Use combination code for diabetes with the complication, code 4321 in the template.",
    "Coding audit: combination code for hypertension with heart failure, code 1130 on the "
    "template",
    # ... also when the line names a home for another reason
    "Combination code for asthma at the home visit, code 4412 in the template",
    # Kansas in a US address and before a machine-readable zone's filler
    "200 MAIN ST, TOPEKA KS<200107",
    "4410 W 3RD ST APT 12, LAWRENCE KS 66044",
    "Remit to PO Box 412, Salina, KS 67402",
    # places no one lives in
    "Mortuary door code 4472 to be changed after the audit",
    "Drill hall keypad 2211 for the cadet evening, instructor to lock up",
    # the code of a home left, or out of use
    "Old key safe code 5521 from her previous flat, she has moved to Elm Court now",
    "Previous address keysafe 1490 no longer in use, tenant left in August",
    "Key safe 6060 at his former home on Mill Lane, property now sold",
    "Door code 7171 no longer in use since the locks were changed",
    # a previous home as the label of the line
    "Previous property: key safe 8181, tenancy ended 30/09, keys returned to the council",
])
def test_a_code_for_something_else_is_no_way_in(recognizer, text):
    assert found(recognizer, text) == 0


@pytest.mark.parametrize("text", [
    "Code for diabetes review done; key safe 4321 by her front door",
    # a code for a visitor named by a condition, or for a person with one
    "Key safe code for the COPD nurse is 4412",
    "Key safe code for COPD nurse 4412",
    "Door code for the dementia team is 5566",
    "Door code for diabetes specialist nurse visits is 3434",
    "Key safe code for mum with dementia is 4545",
    "Diabetic review at home, key safe code 4321 next to the back door",
    # a key safe code of five digits after an address's colon, a state's letters with no town
    "Flat 2, 14 Main St: KS 66044 left of the door",
    "KS 66044 by the front door, carers only",
    # a new code after the old home or code is named
    "Her old bungalow was sold; new key safe code 5521 at the flat",
    "He has moved to Elm Court flat 3, new key safe code 5521 by the entrance",
    # the same places' people visiting a home
    "Coroner's officer: deceased's nephew Gavin Platt holds keys and will attend to let the "
    "undertakers in",
    "Mortuary booked for Friday. Meanwhile the house key safe is 7721 for the family",
    # a device or door word before `code`: the code is that device's, whatever it is for
    "Door code for insulin 4412",
    "Key safe code for end of life care 4412",
    "Key safe code for stroke rehab 4412",
    "Key safe code for catheter care 4412",
    # `KS` after a UK address or a town in capitals and small letters is a key safe
    "22 Mill Lane. Porch KS 55123",
    "Flat 3, 22 Mill Lane, Halifax KS 55123",
    "PO Box 12, Halifax. KS 55123",
    # a previous home named before the code is not the code's home
    "Moved in from her previous flat, key safe code 4412 by the front door",
])
def test_access_next_to_the_same_words_is_found(recognizer, text):
    assert found(recognizer, text) == 1
