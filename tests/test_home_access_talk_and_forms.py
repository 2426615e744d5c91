"""HOME_ACCESS across the layout of a line (session 16, brief ha-shapes): an access object
named, then its code sentences, turns or bullets later; a question about a code answered by
one; a code, then what it is for; a flattened form's label cell and its value cell (or the
device's cell and its code's); a box or
a safe placed at the home. Near misses stay rejected: a form's object answered no or left
unticked, a question answered no, a code whose topic is a jewellery or cash box."""

from __future__ import annotations

from pathlib import Path

import pytest

from recognizers.home_access_recognizer import HomeAccessRecognizer


@pytest.fixture(scope="module")
def recognizer() -> HomeAccessRecognizer:
    return HomeAccessRecognizer()


def findings(recognizer: HomeAccessRecognizer, text: str) -> list[str]:
    return [text[r.start:r.end] for r in recognizer.analyze(text, ["HOME_ACCESS"])]


@pytest.mark.parametrize(("text", "code"), [
    # the object named, its code sentences later
    ("Mr Lowe is slow to the door. The safe is on the fence by the recycling bins. He forgets "
     "things. Code is 2 7 0 9.", "2 7 0 9"),
    ("Lock box fitted by his son last spring. Hard to see at night. Take a torch. Digits are "
     "5 1 6 8.", "5 1 6 8"),
    # a questionnaire's questions and answers
    ("Is there a key safe? Yes. Where? Left of the garage door. What's the code? 6 4 0 2.",
     "6 4 0 2"),
    # turns of a conversation
    ("Nurse: does he still have the lockbox? Wife: yes, the number is the same as last time, "
     "3 8 8 1.", "3 8 8 1"),
    ("> Is the code still the same for the box? Yes still 7 1 1 0", "7 1 1 0"),
    # a code, then what it is for
    ("Code is 9 3 0 4. That's for the safe by the side gate.", "9 3 0 4"),
    # a flattened form: a label's cell, then its value's
    ("Key safe? | Y | Where | by back door | Code | 4 1 9 0 | Pets | cat", "4 1 9 0"),
    # a CSV row: the device's cell, then its code's
    ('"Keysafe no";"5027";"Where";"porch"', "5027"),
])
def test_code_told_later_in_the_talk(recognizer, text, code):
    found = findings(recognizer, text)
    assert len(found) == 1
    assert code in found[0]


@pytest.mark.parametrize(("text", "place"), [
    ("Vet visit: the owner says take the key from the upturned bucket by the water tap.",
     "bucket"),
])
def test_key_taken_from_a_placed_thing(recognizer, text, place):
    found = findings(recognizer, text)
    assert len(found) == 1
    assert place in found[0]


@pytest.mark.parametrize("text", [
    # a form's object answered no, or its box left unticked
    "Key safe? | N | Where | n/a | Code | 4 1 9 0 | Pets | cat",
    "- [ ] Keyholder  - [x] Lives alone",
    "Q: Keyholder? A: None. Q: Pets? A: dog",
    # a question answered no
    "> Could you leave the back door unlocked for the carers? No – she keeps it locked now.",
    # the talk's topic is a box of valuables
    "Her jewellery box is on the dresser. Her son says the combination is 3 3 0 8.",
    "Church fete: the cash box is beside the tombola. Combination 6 1 6 1, don't lose it.",
    # a safe that is a bank's
    "Code to the safe in the bank is 1 7 3 5",
])
def test_no_way_in(recognizer, text):
    assert findings(recognizer, text) == []


# Session 16's dev batches (`tests/data/home_access/shapes_s16.tsv`, 42 access and 42 near
# misses, written first, in volunteer drivers', pharmacy run sheets', research nurses', vets'
# and film locations' worlds; `shapes_s16_b.tsv`, 20 and 20, written after the first change,
# in foodbank, podiatry, chaplaincy, hospice and meter-reading notes). First measured at
# f8e5962: 31/42 with 5 false alarms, and 15/20 with 4; the lines left are in the docs
# (docs/history/session-16-ha-shapes.md).
BATCHES = Path(__file__).parent / "data" / "home_access"


@pytest.mark.parametrize(("name", "counts"), [
    ("shapes_s16.tsv", (41, 42, 2, 42)), ("shapes_s16_b.tsv", (20, 20, 1, 20))])
def test_the_s16_layout_batches(recognizer, name, counts):
    rows = [line.split("\t", 1)
            for line in (BATCHES / name).read_text(encoding="utf-8").splitlines()[1:]]
    found = [label for label, text in rows if findings(recognizer, text)]
    labels = [label for label, _ in rows]
    assert (found.count("access"), labels.count("access"), found.count("near_miss"),
            labels.count("near_miss")) == counts
