"""A diagnosis written as an item of a person's record is health data (issue 14, session 20,
brief ha-turns): a condition standing as a clause of its own, up to two words before it
(`Advanced dementia.`, `Lives alone, advanced dementia.`, `- vascular dementia -`), in a
text that names a person as a record does (a title and a name, a `Client:` field) within
`CONTEXT_CHARS`, with no clinical cue anywhere. A condition inside a sentence (`advanced
dementia affects ...`), an item in a text that names nobody, and everyday words stay out:
the news rate (bench/health_language.py) does not move."""

from __future__ import annotations

import pytest

from recognizers.health_vocabulary import CONDITION, health_vocabulary, is_item

FILLER = (" Made tea and tidied the kitchen, then put the bins out and checked the fridge for"
          " out-of-date food before leaving at half past ten.")

RECORDS = [
    ("Visited Mrs Joan Tait at 10am. Advanced dementia, settled today." + FILLER, "dementia"),
    ("Mrs Edna Pargeter, 12 Rose Lane. Vascular dementia. Lives alone." + FILLER,
     "Vascular dementia"),
    ("Round sheet\nMrs Joan Tait, 14 Elm Court - advanced dementia - double up\n"
     "Mr Ray Dunn, 3 Elm Court - lives with wife" + FILLER, "dementia"),
    ("Client: Ray Dunn\nNotes: double up calls, Parkinson's, hoist for transfers." + FILLER,
     "Parkinson's"),
]

NOT_RECORDS = [
    # inside a sentence, a person named nearby
    "The charity said advanced dementia affects 900,000 people in the UK, and Mr Hunt "
    "agreed." + FILLER,
    # an item, but no person named
    "Round sheet for the east patch. Advanced dementia awareness session on Friday."
    + FILLER.replace("the fridge", "stock"),
    # a person named, the word is everyday English (`stroke of luck`)
    "Mrs Tait won the raffle. A stroke of luck, she said." + FILLER,
]


def conditions(text: str) -> list[str]:
    return [text[m.start:m.end] for m in health_vocabulary().mentions(text)
            if m.entity == CONDITION]


@pytest.mark.parametrize(("text", "condition"), RECORDS)
def test_a_diagnosis_written_as_a_record_item_is_health_data(text, condition):
    assert conditions(text) == [condition]


@pytest.mark.parametrize("text", NOT_RECORDS)
def test_a_condition_in_a_sentence_or_a_text_naming_nobody_is_not(text):
    assert conditions(text) == []


@pytest.mark.parametrize(("text", "item"), [
    ("Advanced dementia.", True), ("Lives alone, advanced dementia, two calls", True),
    ("x - vascular dementia - y", True), ("(dementia)", True),
    ("advanced dementia affects many", False), ("he has dementia and", False),
    ("living well with early onset dementia.", False),
])
def test_an_item_stands_alone_with_two_words_before_it_at_most(text, item):
    start = text.index("dementia")
    assert is_item(text, start, start + len("dementia")) is item
