"""Session 17 (s17-set): a job on a device in a home (`Stairlift callout:`, `Hoist service -`,
`Wheelchair repair job:`) names the visit to the home, not what a lock is for; a spaced dash
parts a clause's pieces for a negation as a comma does (`don't knock - the door is left
open`); a hiding place the match itself denies (`keep the key on you, not under the mat`)
hides no key. Lines written for these tests, none taken from a held-out set."""

from __future__ import annotations

import pytest

from tests.home_access_batches import found

ACCESS = [
    # not found before this change: the device before the lock was read as its owner
    "Hoist service — Mr Tran lives alone; lockbox left of the front door 7 7 1 2.",
    "Wheelchair repair job: back gate padlock combination 3 9 5 0, chair is in the lounge.",
    "Oxygen concentrator service visit: key safe on the side wall 2-8-1-6.",
    "Stairlift repair: key safe on the garage wall, 0-5-5-2.",
    "Hoist visit: key safe on the garage wall, 0-5-5-2.",
    # found before, still found
    "Stairlift callout for Mrs Eddy: key safe by the porch, code 4-4-0-9.",
    "Profiling bed installation, Flat 3: key safe code 5541 by the front door.",
    # a negation before a spaced dash negates its own piece (not found before this change)
    "Please don't ring – the back door is never locked in the daytime.",
    "Don't knock - the porch door is left unlocked for the carers.",
    "Don't wait — the kitchen door is never locked in the daytime.",
    # found before, still found
    "No need to wait — the side door is left open on weekdays.",
    # a denied place with the place it is now still tells where the key is
    "Key under the mat, not in the plant pot.",
    "Key not under the mat but in the shed, top shelf.",
    "Key's not under the mat now, it's under the blue pot.",
    "If not in, key under the mat.",
    "Key is not under the mat, it's behind the meter box.",
]

NEAR_MISSES = [
    # a workshop, a centre or a depot nearer the match is still its owner
    "Wheelchair repair workshop: key safe by the shutter, code 1234.",
    "Wheelchair service centre: key safe by the loading bay, code 7788.",
    "Stairlift callout: engineer to use the depot key safe, code 2211, to fetch parts.",
    "Equipment store callout: key safe at the depot, code 6612.",
    "Stairlift depot: key safe by the roller door, code 9081.",
    # a device's own key or code is still no home's
    "Mobility scooter repair: scooter key is in the ignition.",
    "Stairlift repair: the stairlift key is on the hook in the hall.",
    "Hoist service: the hoist's charger cabinet code is 3380.",
    "Wheelchair access code for the surgery side door: 4455.",
    # a negation still reaches across a dash when its piece ends with it
    "The back door is not - repeat not - to be left open.",
    "Do not – under any circumstances – leave the back door unlocked.",
    "Never - the back door is never left open, she is very security conscious.",
    "The front door is not left unlocked – she locks it after every visit.",
    "Do not leave the back door open – not even in the daytime.",
    # a hiding place denied to the match's end (found before this change)
    "Keep the key on you, not under the mat.",
    "Key not under the mat.",
    "The key is not under the mat any more.",
    "Please keep the key with you, not behind the gas meter box, since the burglary.",
]


@pytest.mark.parametrize("text", ACCESS)
def test_a_home_s_way_in_is_found(text):
    assert found(text)


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_a_near_miss_is_not_found(text):
    assert not found(text)
