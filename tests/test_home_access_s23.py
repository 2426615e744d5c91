"""Session 23: a record or a round of jobs kept for a device, with a word or two joined to the
device's (`Syringe driver / VOD combined sheet:`, `concentrator check`), names the visit, not
what a lock is for; where a person will be or is kept (`I'll be at the hospital`, `if we're
held up at school run, the ...`) names no owner; a code misread with a letter between its
digits (`O9l4`, `l9O3`) is read as digits, a postcode district's shape (`SO14`) is not; a
number then a street is a house's, no code (`the key safe at 116 Heptonstall Road`); a place
read before a key someone holds is no hidden key (`key safe on the side of the garage if no
ans daughter Helen Hey has a key`); a named place moved into for good is a move, and a death
stated of a name with an aside after it is a death (`Mr Percy Horsfall (DOB 05/03/1939)
died`). Lines written for these tests, none taken from a held-out set."""

from __future__ import annotations

import pytest

from recognizers.access_kinds import ACCESS_KINDS_KEY
from recognizers.home_access_recognizer import HomeAccessRecognizer
from recognizers.life_state_recognizer import LifeStateRecognizer
from recognizers.ocr_reading import read_ocr
from tests.home_access_batches import found

ACCESS = [
    "Hoist / sling check sheet: key safe code 4417, left of the back door.",
    "Feed pump & ventilator combined chart - keysafe by the bins 2 0 6 8",
    "Nebuliser review, Mr Abbott: keysafe under the kitchen window, 7313",
    "We'll be at the clinic all morning, the key safe by the back door is 5521.",
    "Sorry, I'd be at work by then - key safe on the porch wall, 8 3 0 2.",
    "If I'm held up at work, the neighbour at no. 3 has a spare key, just knock.",
    "In case we're stuck at the hospital, the spare key is under the green pot.",
    "ACCESS: KEYSAFE C0DE O7l2, right of garage",
    "keysafe code l4O8 at the side of the house",
    # after set_y was recorded: a code in words after a word naming it, a door off its catch,
    # where a person will be (with an aside), a carers' centre's worker
    "Voicemail: the code's changed, it's now three one seven two for the key box, ta",
    "Wife leaves the back door off the catch when she goes to the gym so the carer can walk in",
    "Mr Pym won't be home (dialysis), key under the blue pot by the back step",
    "Mrs Ode (hip op) will be at the clinic, she's left the key with the man in the newsagent's",
    "Carers' centre: the spare key is with Pat at no. 9 for the outreach worker",
    # other languages' words for an unlocked or open door, coming in, a key with someone, a
    # meter box; a holder's name with an accent (`Màiri`)
    "李先生家的门不锁，直接推门进去",
    "Tha an iuchair aig a nàbaidh aig àireamh 9",
    "Αφήνουμε την πόρτα ξεκλείδωτη για τη νοσηλεύτρια",
    "الباب الخلفي سيكون مفتوحا، ادخلوا",
    "ચાવી મીટર બોક્સમાં છે",
    "The house key is with Màiri, the neighbour at number 4",
    # a saint's name heading a visiting rota sends the visit (`pastoral visiting`)
    "St Chad's home visiting rota - Mr Oakes (frail) - back door left unlocked from 2pm",
    # a code of four digits after a garage is a code, not the garage's number
    "Keysafe beside the garage 7305, round the side",
    # a spare moved to a place (`the spare to under ...`: a key standing alone before `to`)
    "He's moved the spare to under the green wheelie bin",
    # a house's number then its street, and the code after it
    "Key safe at 112 Mill Lane, code 4471",
    "key safe outside 114 Park Road is 5521",
]

NEAR_MISSES = [
    # a device's own lock, or a place the job is done in, still owns the match
    "Syringe driver lockbox code 3311, keep it locked between visits.",
    "Hoist repair workshop: key safe by the shutter, code 4410.",
    "I'll be at the office - the office door code is 2580.",
    "Stuck at the depot, the depot gate code is 1470 if you need it.",
    # a public place's gate or padlock, a dog day care's alarm
    "Walker's note: the dog park gate code is 4412, please close it behind you.",
    "The playing field padlock combination is 1 3 5 7 for the Sunday league.",
    "Dog daycare alarm code 2290, they open at 7.",
    # a way in asked about and answered no, a register's title
    "Is it ok to leave the back door unlocked on Friday? Please don't, keep it locked.",
    "Key holder list | Mrs P Lund | 3 Ash Row | keyholder: none | contact 0113 496 0511",
    # a numbered garage's own lock (up to three digits, or four after `no`)
    "Garage 12 key safe code 4471 - the landlord's, for the lock-up",
    "Lock-up garage no. 1188: padlock combination 5 5 0 1",
    # a house number, then its street
    "Family are having the key safe at 116 Heptonstall Road taken off the wall.",
    "The key safe at 7 Mill Croft has been removed by the landlord.",
]


@pytest.mark.parametrize("text", ACCESS)
def test_found(text):
    assert found(text)


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_miss_not_found(text):
    assert not found(text)


@pytest.mark.parametrize(("text", "read"), [
    ("code O9l4", "code 0914"),
    ("code l9O3 at rear", "code 1903 at rear"),
])
def test_a_code_misread_with_a_letter_between_its_digits_is_read(text, read):
    reading = read_ocr(text)
    assert reading is not None and reading.text == read


@pytest.mark.parametrize("text", ["Southampton SO14 3AB", "phone on O2 today", "Sheffield S1O"])
def test_a_postcode_district_shape_is_left_as_it_is(text):
    reading = read_ocr(text)
    assert reading is None or reading.text == text


@pytest.mark.parametrize(("text", "kinds"), [
    ("code 7287 - key safe on the side of the garage if no ans daughter Helen Hey has a key",
     [["code", "key_holder"]]),
    ("door entry keypad 8444 (in the porch) if no ans son Martin Hirst has a key",
     [["code", "key_holder"]]),
    ("spare key under the gnome, neighbour at 12 also has a key",
     [["hidden_key", "key_holder"]]),
    ("key safe code 4471 Station Road side", [["code"]]),
    ("Dennis Lowe at 104 Weavers Court holds a key (07700 900919)", [["key_holder"]]),
])
def test_kinds(text, kinds):
    results = HomeAccessRecognizer().analyze(text, ["HOME_ACCESS"])
    assert [r.recognition_metadata[ACCESS_KINDS_KEY] for r in results] == kinds


@pytest.mark.parametrize(("text", "stated"), [
    ("Please take Mr Walter Rushworth off the Route lists - he has moved into Oakfield House "
     "permanently.", "moved into Oakfield House permanently"),
    ("Sad news: Mr Percy Horsfall (DOB 05/03/1939) died peacefully at home.",
     "Mr Percy Horsfall (DOB 05/03/1939) died"),
    ("Mrs Ann Lee (next door) passed away last week", None),
    ("She moved into the spare room for the winter.", None),
])
def test_life_states(text, stated):
    results = LifeStateRecognizer().analyze(text, ["LIFE_STATE"])
    assert [text[r.start:r.end] for r in results] == ([stated] if stated else [])
