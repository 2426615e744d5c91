"""Session 16 (s16-set): a time told by a place (`after school`), a person's own door in a
transport or club note, a car's own key, and Akan's door, pot and `go in`. Lines written for
these tests, none taken from a held-out set."""

from __future__ import annotations

import pytest

from tests.home_access_batches import found

ACCESS = [
    # a time told by where someone was is no owner
    "Lets himself in after school with a key on a string inside the letterbox.",
    "Health visitor: the 7-year-old lets herself into the flat after school using a key on a "
    "string through the letterbox.",
    # a person's own door, in a transport service's note
    "Day centre bus: 9:40 Ron at 2 Elm Rd - driver to knock then go in, his door is left "
    "unlatched on Mondays.",
    "Minibus run: Ron at 2 Elm Rd, his door is left unlatched on Mondays.",
    "Minibus run: Ron at 2 Elm Rd, his front door is left open on Mondays.",
    # Akan: door (ɛpono), pot (kuruwa), go in (kɔ mu), the door is open (no abue)
    "Akwantuo: safoa no wɔ kuruwa no ase wɔ ɛpono ho, bue na kɔ mu.",
    "Nsrahwɛ: ɛpono no abue, kɔ mu na frɛ maame no.",
    "Safoa no hyɛ kuruwa a ɛwɔ ɛpon no nkyɛn ase.",
]

NEAR_MISSES = [
    "The office door is left unlatched during opening hours for deliveries.",
    "Adwumayɛbea safoa no wɔ kuruwa no ase.",
    # a car's own key is no home's
    "Hi it's Dot from the Village Car Scheme - the car's spare key is in the scheme's key safe "
    "at the village hall (code 3391) if I'm off sick Weds.",
    "Volunteer drivers: the car's spare key is in the scheme's key box at the community centre.",
    # `after the office ...` still names the office
    "Use the key safe by the office door after the office closes, code 2288.",
    # an after-school club is an owner, not a time
    "The after school club's key safe code is 4521.",
    "Key safe for the breakfast and after school club: code 4521.",
]


@pytest.mark.parametrize("text", ACCESS)
def test_a_home_s_way_in_is_found(text):
    assert found(text)


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_a_near_miss_is_not_found(text):
    assert not found(text)
