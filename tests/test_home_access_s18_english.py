"""Session 18 (ha-english): classes of English phrasing the grammar lacked, each shown by a
new batch (`tests/data/home_access/english_s18.tsv`, written before reading the recognizer):
a code typed in at the start of the next clause or an alarm disarmed further on; an
organisation by its name as a key holder; asking to hold a key is holding none; a code
changed to a redaction, a placeholder or a blank is no code now; a form's value on the line
after its label; a building named by its former use; an opening said coded; where someone
is late from. Each class: lines of the batch or like them, near misses beside them."""

from __future__ import annotations

import pytest

from tests.home_access_batches import found

ACCESS = [
    # typed in at the next clause's start, or an alarm's own verb in the next clause
    "Alarm panel is behind the coat rack. Enter 4455 and it stops beeping.",
    "Burglar alarm is in the hall cupboard; to turn it off, press 6 1 2 0 then OK.",
    # (found before, still found)
    "Alarm at 4 Sefton Rise activated 03:10; responder let in with the held key, unset "
    "with 7 3 0 2, all in order.",
    # an organisation by its name holds a key
    "Welfare check request: Residence Life hold a master key for Kingfisher Court, ask at "
    "the Campus Security lodge.",
    "Brockley Lettings hold the spare for her flat.",
    # (found before by its first word alone, now by the whole name)
    "The nurse may collect a key from Hartley & Moss Solicitors on showing ID.",
    # a may or a will arranges one (found before, still found)
    "Her neighbour Jean could lend us a key.",
    "Tenancy note: the scheme manager may hold a spare key to flat 12 for emergencies.",
    # a code changed to another code is the new one (found before, still found)
    "Audit 14/02: 'Key safe code' changed from '7316' to '2049' by admin.",
    # a form's value on the line after its label, or a code carried on to the next line
    "Access\nKey safe: yes\nCode:\n4 0 0 8\nLocation: under the kitchen window",
    "Door entry code: 2 4\n8 0 # (block B, flat 11)",
    # (found before by its key safe's place, still found)
    "Key safe by the back door\nCode:\n9 1 7 3",
    # a building named by what it was is a home now (a property guardian's, a conversion's)
    "Guardian at the old fire station, Wren Road - his room's upstairs; the yard gate padlock "
    "is 0-9-3-6 and the main door is never locked during the day.",
    "Guardians' welcome sheet: the former chapel, Moor Lane; side door keypad 7 7 0 4.",
    # an opening said coded
    "Assessor brief: property has a coded entry gate - 1478* - then the flat is first on "
    "the left.",
    "Flat 2 has a coded front door, 5 5 1 9.",
    # where someone is coming back from is no purpose of the door
    "SMS from client: Running late from hospital, door's unlocked, make yourself at home and "
    "put kettle on",
]

NEAR_MISSES = [
    # a workplace's alarm typed in the next clause
    "Office alarm is by the staff door. Enter 4455 to set it.",
    # an organisation's name holding a workplace's key
    "Team Leader has the key to the stock room.",
    "Office Manager has the keys.",
    "Site Manager holds the keys.",
    "16:20 VEH 3 TAIL LIFT FAULT, KEYS LEFT IN KEY SAFE AT RESPITE UNIT, CODE 1 1 4 4",
    # asking to hold a key (each a false alarm before this change)
    "Tom the gardener asked whether he could have a key; Mrs Blythe said no.",
    "Her cleaner asked if she can keep a spare key, we said no.",
    # a code changed to nothing (each a false alarm before this change)
    "2024-03-11 09:44 field 'Key safe code' changed from '5930' to '[removed]' by user x1.",
    "Audit 14/02: 'Door code' changed from '7316' to '[redacted]' by admin.",
    "Key safe code changed from 4471 to blank (key safe taken off the wall).",
    # a form's next line that is no value of an access label
    "Staff room door code:\n4471",
    "Key safe: yes\nCode:\n[removed]",
    "Key safe: to be fitted\nNext visit:\n1030",
    # a building in use for what it is named, or a former one whose locks are no one's now
    "Fire station side door code 4471.",
    "Property notice: the old library will be vacated on 30/09 and no new codes issued.",
    "Running late from the office, door code 4471 for the staff entrance.",
    "The school has a coded gate, 4471 for staff.",
    "Coded door to the ward: 1234.",
]


@pytest.mark.parametrize("text", ACCESS)
def test_access_found(text):
    assert found(text)


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_miss_not_found(text):
    assert not found(text)
