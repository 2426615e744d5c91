"""Session 17 (s17-share): a line that states its person dead or moved for good into a care
home gives no way into a current home (a home left by a death or a move never counts), unless
it says someone still lives there. Lines written for these tests, none taken from a held-out
set or share."""

from __future__ import annotations

import pytest

from tests.home_access_batches import found

LEFT = [
    "Walking frame pick-up: client passed away 3rd March, key safe by the back gate 4417.",
    "Mr Ince deceased 12/05/2027. Daughter says the keysafe 9031 can be used to collect the bed.",
    "Oxygen concentrator to remove, patient died 04/04 - nephew left a key under the bin.",
    "RIP 22/01. Bungalow being emptied, lockbox 6620 on the porch for the house clearance.",
    "Commode collection: she moved into Elmfield Nursing Home, key box at the flat 3902.",
    "Now permanently at Rowan Lodge; the old key safe at the cottage is still 7715.",
    "Col 114, 9 Mill Lane, Reason: Deceased 02/02/2027, Notes: key safe 5530 by the meter box",
]

STILL_HOME = [
    # a survivor's own way in, on the line of the partner's death
    "Husband deceased 02/02/2027 - Mrs Ince still lives at the address, key safe 5530.",
    # the deceased's home named as such keeps its decided reading (a key holder for it)
    "Coroner's officer: deceased's brother Alan Fry holds keys and will attend to let the funeral "
    "directors in.",
    # a death on another line says nothing of this line's home
    "Mother died last year.\nKey safe by the front door, code 2841.",
]


@pytest.mark.parametrize("text", LEFT)
def test_a_home_left_by_death_or_move_gives_no_way_in(text):
    assert not found(text)


@pytest.mark.parametrize("text", STILL_HOME)
def test_a_home_still_lived_in_is_found(text):
    assert found(text)
