"""Session 19 (ha-set): the general classes set_s still missed or flagged, each in a new
batch of my own lines (none of set_s's): someone given a key said the other way round
(`given the warden a spare key`); a home's key held or kept at a front desk (`held at
reception`); a question about a code answered turns later, after a question back; a code
told in parts (`first two ..., last two ...`); a spreadsheet row flattened without its outer
bars, its column names then its values; a label naming the board or photo a note was copied
from and where it hangs (`[whiteboard photo, office]`). Near misses beside each: a key being
handled in its lock (an assessor's note of what the person can do), a key left at a
reception for someone, a fob in its owner's possession, a shop's key holder, a storage trunk,
the same talk and parts about an office's or a staff room's lock, a goods table."""

from __future__ import annotations

import pytest

from tests.home_access_batches import found

ACCESS = [
    # someone given a key, said the other way round (each missed before this change)
    "Mrs Hale has given the warden a spare key.",
    "Tenant has given her support worker (Dana Price) a spare key for emergencies.",
    "He gave Callum a spare key to the flat last week.",
    # a home's key held or kept at a front desk (each missed before this change)
    "Sheltered scheme: the flat's spare key is held at reception for the night staff.",
    "Halls: spare keys for each flat are kept at the main reception.",
    # a code asked about, answered after a question back (each missed before this change)
    "Carer: what's the key safe code for Mr Dunn? / Office: front or back? / Carer: back / "
    "Office: back one is 5 5 8 2",
    "Q: gate number for Nan's? / A: the side gate or the drive? / A: side \u2014 3 0 9 1",
    # a code told in parts (each missed before this change)
    "Key safe code: first two are 7 and 3, last two 0 and 8.",
    "Gran's gate code - first half 52, second half 19.",
    # a flat row: a heading, the column names, then the values (each missed before)
    "ACCESS | Key held by | Tel | Ian Roe | 07700 900321",
    "CONTACTS | Spare key with | Phone | Relationship | Pat Lowe | 07700 900654 | neighbour",
    # a label naming the board a note was copied from and where it hangs (missed before)
    "[photo of office whiteboard] Mrs Kaur: KS 5170",
    "Office whiteboard: Mr Tait - KS 3317",
    # (found before, still found)
    "Spare key kept at the housing office.",
    "Key left in the lock on the outside of the front door.",
    "Code is 4 4 1 9 for the key safe by the back door.",
]

NEAR_MISSES = [
    # a key being handled in its lock (each a false alarm before this change)
    "OT: struggles to turn the key in the lock with her left hand.",
    "PIP assessor: can't manage a key in the lock, uses a door chain at night.",
    # a shop's key holder, a storage trunk (each a false alarm before this change)
    "She is the key holder for the store and opens up at 6.",
    "Veg box: leave it in the storage trunk by the porch, combination 2 9 1.",
    # a key left at a reception for someone, a fob in its owner's possession, an office's
    # lock asked about, a staff room's code in parts, a goods table, a household's own keys,
    # a board's own place named in the note (not found before either)
    "Key left at reception for the locum GP.",
    "Car club: spare fob in the member's possession.",
    "Q: what's the door code for the office? / A: which floor? / A: second \u2014 4 1 7 7",
    "Staff room code: first two 4 and 1, last two 9 and 6.",
    "STOCK | Item | Code | Price | Bolt | 4471 | 3.99",
    "The landlord has given the new tenants the keys.",
    "I've given him a spare key.",
    "Office whiteboard: staff room code 4412",
    "[whiteboard, clinic] fridge code 4412",
]


@pytest.mark.parametrize("text", ACCESS)
def test_access_found(text):
    assert found(text)


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_miss_not_found(text):
    assert not found(text)
