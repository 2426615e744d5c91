"""Session 19 (s19-set): set_t's general classes, each in lines of my own (none of
set_t's): a key that says it is the home's (`house key`) is the home's wherever it is kept, a
car's glovebox too; the writer's own key to a home named by its number (`I've got the key for
no. 4`); a cupboard or a box things are kept in, inside a home or beside it, whose padlock or
code opens no way in (`a padlocked cupboard`, `the deck box`); what a lock is said of right
after it (`padlocked X`) is whose it is, a place it is `next to` is not; a spreadsheet row
flattened as its comma-separated column names, one bar, then its values, whose key holder column
is empty. Access lines beside each: the same shapes about a home's gate, a key kept in a
cupboard, a row naming its key holder."""

from __future__ import annotations

import pytest

from tests.home_access_batches import found

ACCESS = [
    # a key kept in a cupboard is where it is, not whose a lock is (found before, still)
    "Spare front door key is in the cupboard by the back door.",
    "Key safe on the wall next to the bin cupboard, code 4096.",
    # a place a lock is next to is where it is, not what it is for (missed before)
    "Key safe on the wall next to the lock-up, code 4096.",
    # a padlocked way in keeps its code (found before, still)
    "Padlocked side gate to the bungalow, combination 6604.",
    "Back gate padlocked now, combo 3-1-7-5.",
    # a key that says it is the home's, kept in a car (each missed before this change)
    "The spare house key is in the glovebox, the car is never locked.",
    "Flat key lives in the glove box of the Corsa on the drive.",
    # the writer's own key to a home named by its number (each missed before this change)
    "I've got the key for No. 17 while she's away, ring me first.",
    "I hold the key for number 3 if the district nurse needs it.",
    "We've got the key for 8 Quarry Lane, call before you come.",
    # a comma row naming its key holder (found before, still)
    "Ref, Client, Address, Key holder | A17, Ada Moss, 8 Quay Row, son Tom Moss 07700 900512",
]

NEAR_MISSES = [
    # a cupboard or a box things are kept in (the two cupboards flagged before this change)
    "Shared house: the tenants each have a padlocked cupboard in the kitchen, combination 442.",
    "Her padlocked food cupboard is the one by the fridge, combination 9031.",
    "Please leave the parcel in the deck box on the jetty, its code is 5520.",
    "Groceries go in the dock box at the end of the pontoon, code 2718.",
    # a car's own key kept in it; a key for a numbered locker or room (never found)
    "Spare key is in the glovebox of the pool car.",
    "I have the key for locker no. 4 in the staff room.",
    # a comma row whose key holder column is empty (each flagged before this change)
    "Ref, Client, Address, Key holder | A18, Bo Lund, 3 Mill Yard, n/a",
    "ID, Name, Access notes, Key holder | B22, Cy Hart, ramp at the front, none",
]


@pytest.mark.parametrize("line", ACCESS)
def test_access_found(line):
    assert found(line)


@pytest.mark.parametrize("line", NEAR_MISSES)
def test_near_miss_not_found(line):
    assert not found(line)
