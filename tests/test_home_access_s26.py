"""Session 26: a key safe or key box said to be gone is a device, not a key (its line no
longer hides the key named after it: `Key safe taken off by the landlord` over `key kept on a
cord inside the letterbox`), keys kept safe are advice (`keep your keys safe`), and a bracket
calling the home before it old (`Flat 4 (his old flat) ...`) makes the code after it that
home's, as does a code said void after it. Lines written for these tests, none taken from a
held-out set."""

from __future__ import annotations

import pytest

from recognizers.access_kinds import ACCESS_KINDS_KEY
from recognizers.home_access_recognizer import HomeAccessRecognizer


def _found(text: str) -> list[tuple[str, list[str]]]:
    results = HomeAccessRecognizer().analyze(text, ["HOME_ACCESS"])
    return [(text[result.start:result.end], result.recognition_metadata[ACCESS_KINDS_KEY])
            for result in results]


@pytest.mark.parametrize(("text", "found"), [
    # a wrapped line: the key safe is gone, the key on the cord is how to get in
    ("Seen at home with daughter.\nKey safe taken off by the landlord in May\n"
     "key kept on a cord inside the letterbox, pull it through\n",
     [("key kept on a cord inside the letterbox", ["hidden_key"])]),
    ("Keysafe has been removed. Spare key under the blue plant pot.",
     [("Spare key under the blue plant pot", ["hidden_key"])]),
    ("Key safe removed, key now with neighbour at no 4", [("key now with neighbour",
                                                           ["key_holder"])]),
    ("Key safe removed, key lost by the carer", []),
    # a key safe that is still there keeps its place
    ("Key safe behind the drainpipe, code 5512", [("Key safe behind the drainpipe, code 5512",
                                                   ["code"])]),
])
def test_a_key_safe_gone_is_no_key_and_the_key_named_after_it_is(text, found):
    assert _found(text) == found


def test_keys_kept_safe_is_advice_not_a_key():
    assert _found("Please keep your keys safe and never leave one under a mat.") == []


@pytest.mark.parametrize(("text", "found"), [
    ("Flat 4 (his old flat, now empty) door code 3190 until the warden resets it", []),
    ("14 Ash Grove (former address) KS 7702", []),
    # a bracket saying where someone came from: the code is of the home they are in now
    ("Mrs Dale (moved from her old flat in June) key safe 6620",
     [("key safe 6620", ["code"])]),
    ("Flat 9 (new flat) door code 3190", [("door code 3190", ["code"])]),
    # a code said void after it
    ("Previous address KS 7702", []),
    ("keypad 5521 - void now", []),
    ("The Old House key safe 6620", [("key safe 6620", ["code"])]),
])
def test_a_bracket_calling_the_home_before_a_code_old_makes_the_code_that_homes(text, found):
    assert _found(text) == found


# A line its writer ended is no wrapped line: the next line's first word would have fitted on
# it (the block's longest line is the width), so the two are read as two statements; a line
# a wrap broke is still joined.
@pytest.mark.parametrize(("text", "found"), [
    ("Seen at home, walking well with frame today.\nVan keys handed back to the depot office\n"
     "pls note back door is left unlocked for carers - go in and shout\n",
     [("back door is left unlocked for carers - go in", ["left_open"])]),
    ("We called at the house on Tuesday and the spare key is kept under the\n"
     "blue plant pot by the back door as agreed with her daughter last week.\n",
     [("spare key is kept under the\nblue plant pot by the back door", ["hidden_key"])]),
])
def test_a_line_its_writer_ended_is_read_alone(text, found):
    assert _found(text) == found


# After set z was recorded (session 26), its classes in other words: `w`/`w/` typed for `with`,
# outbuildings called stores, a key kept by a door for escape in a fire, and a door's knack told
# with someone coming to let the reader in.
@pytest.mark.parametrize(("text", "found"), [
    ("on my way, spare key w the lady at no 7", [("spare key w the lady", ["key_holder"])]),
    ("key w/ her son Dev at the farm", [("key w/ her son", ["key_holder"])]),
    ("spare key on a hook in the coal store", [("spare key on a hook in the coal store",
                                                ["hidden_key"])]),
    ("Safe and well visit: keep a key on a hook by the bedroom door for escape", []),
    ("front door catches, lift the handle and shove - we'll come let you in", []),
    ("front door catches, lift the handle and shove", [("front door catches, lift the handle",
                                                        ["left_open"])]),
    ("Key w0rker: Jo (Tue). Key dat es: review 3/1", []),
])
def test_set_z_classes_in_other_words(text, found):
    assert _found(text) == found


# A device fixed on a bin store's wall is the block's homes' (`lock box on the bin store wall`);
# the bin store's own code, or a keypad on its door, is the store's.
@pytest.mark.parametrize(("text", "found"), [
    ("Flat 3: spare key in the key box on the bin store wall, code 1190",
     [("spare key in the key box on the bin store wall, code 1190", ["code"])]),
    ("Bin store code 1190", []),
    ("keypad on the bin store door 1190", []),
    ("key safe on the depot wall, code 1190", []),
])
def test_a_device_on_a_bin_stores_wall_is_the_homes(text, found):
    assert _found(text) == found


# A room's door inside the home is no way in, however it opens (`the lounge door sticks`).
@pytest.mark.parametrize(("text", "found"), [
    ("Window cleaner: the bedroom door sticks, give it a shove", []),
    ("bathroom door is left unlocked so he can get to the loo at night", []),
    ("the back door sticks, give it a shove", [("back door sticks, give it a shove",
                                                ["left_open"])]),
])
def test_a_rooms_door_inside_the_home_is_no_way_in(text, found):
    assert _found(text) == found


# Share 25 (session 26, blind): a service holding the key holders' details holds no key.
@pytest.mark.parametrize(("text", "found"), [
    ("Access: Telecare hold key holder details", []),
    ("Access: Telecare hold a key", [("Telecare hold a key", ["key_holder"])]),
    ("Key holder details: Ann Platt (niece) 07700 900321", [("Key holder details",
                                                              ["key_holder"])]),
])
def test_a_key_holders_details_are_no_key(text, found):
    assert _found(text) == found


# Share 25 (session 26, blind): a route named by a noun alone is directions, not an opening left
# open; a verb of going in, a code in the route or a state after it still is a way in.
@pytest.mark.parametrize(("text", "found"), [
    ("Access: via rear garden - side gate", []),
    ("Entry round the back", []),
    ("enter via the side gate", [("enter via the side gate", ["left_open"])]),
    ("Access notes: Y - 5120 (by the back door)", [("Access notes: Y - 5120 (by the back door",
                                                    ["code"])]),
])
def test_a_route_named_by_a_noun_alone_is_directions(text, found):
    assert _found(text) == found
