"""A home left by a death or a move: one definition (session 19, `life-unify`).

Session 17 dropped a way in on any line that stated its person dead or moved into a care home
(a line rule of its own phrases); session 18 read the same fact person-wide (`LIFE_STATE`) and
put such a way in apart as a former home's. Two definitions disagreed: a death and a way in on
one line gave nothing (not even `with_former_home_access`), on two lines a former home. Now
`recognizers.life_states` is the only definition: the line keeps its way in, the line's own
`LIFE_STATE` makes its person `deceased` or `moved_out`, and the way in is counted apart as the
home they left. Lines written for these tests, none taken from a held-out set or share.
"""

from __future__ import annotations

import pytest

from recognizers.life_state_recognizer import LifeStateRecognizer
from tests.cli import export_individuals, key, report_json, scanned_share
from tests.conftest import assert_no_raw_values
from tests.home_access_batches import found

# A death or a move and a way in on one line: the way in is read, and so is the state.
LEFT = [
    ("Walking frame pick-up: client passed away 3rd March, key safe by the back gate 4417.",
     "deceased"),
    ("Mr Ince deceased 12/05/2027. Daughter says the keysafe 9031 can be used to collect the bed.",
     "deceased"),
    ("RIP 22/01. Bungalow being emptied, lockbox 6620 on the porch for the house clearance.",
     "deceased"),
    ("Col 114, 9 Mill Lane, Reason: Deceased 02/02/2027, Notes: key safe 5530 by the meter box",
     "deceased"),
    # the pronoun the line rule read is the person's own death too (`LIFE_STATE` now)
    ("Oxygen removal: she died 04/04 - key under the mat by the back door.", "deceased"),
    ("Commode collection, pt died at home 03/03, key safe 4411 on the porch.", "deceased"),
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


def states(text: str) -> list[str]:
    return [result.recognition_metadata["access_kinds"][0]
            for result in LifeStateRecognizer().analyze(text, ["LIFE_STATE"])]


@pytest.mark.parametrize(("text", "state"), LEFT)
def test_a_line_stating_a_death_keeps_its_way_in_and_states_the_death(text, state):
    assert found(text)
    assert states(text) == [state]


@pytest.mark.parametrize("text", STILL_HOME)
def test_a_home_still_lived_in_is_found(text):
    assert found(text)


# A relative's death or move (`relatives.txt`, every word of it) is never the person's.
@pytest.mark.parametrize("text", [
    "Nan passed away in June; key safe 3319 by the door for the carers.",
    "Her stepdad moved into Ashby Nursing Home last month.",
    "Son-in-law deceased 2024, she manages alone",
    "Lodger moved permanently to Leeds",
])
def test_a_relatives_death_or_move_is_theirs(text):
    assert states(text) == []


# An equipment service's collections: a death and the way in on one line of each note. The
# dead keep the way in, counted apart; the living one's is hers.
FILES = {
    "collections/round_12.txt": (
        "Collections round 12 - driver notes\n\n"
        "Mr Leonard Quayle, DOB 14/02/1933, NHS 4010232137\n"
        "Walking frame pick-up: client passed away 02/11/2026, key safe by the back gate 4417.\n\n"
        "* * *\n\n"
        "Mrs Winifred Ashcombe, DOB 09/09/1941, NHS 4010232145\n"
        "Deliver commode. Key safe by the back gate 6682.\n"),
}


def test_the_dead_keep_the_way_in_counted_apart(tmp_path_factory, tmp_path):
    out = scanned_share(tmp_path_factory, "left-on-the-line", FILES)
    rows = export_individuals(out, tmp_path, "--reveal")
    given = sorted((key("PERSON", row["name"]), row["home_access"], row["life_state"],
                    row["home_access_kinds"], row["former_home_access_kinds"]) for row in rows)
    assert given == sorted([
        (key("PERSON", "Leonard Quayle"), "false", "deceased", "", "code"),
        (key("PERSON", "Winifred Ashcombe"), "true", "", "code", "")])
    people = report_json(out)["individuals"]
    assert (people["total"], people["with_home_access"], people["with_former_home_access"],
            people["deceased"]) == (2, 1, 1, 1)
    assert_no_raw_values(out, ["Quayle", "Ashcombe", "4417", "6682"])
