"""Home access per person in a rehabilitation case manager's genres (session 14, issue 15):
the kinds of a note whose ways in touch (`Keysafe number is ... Spare key under ...`), an
agency's `new key arrangements at X's` (whose home, not who holds a key), and a therapist's
day notes in separated blocks headed by a title and surname (`Mrs Hendry - home session`),
whose access note is never the one fully named client's below (the block is cut apart and,
naming nobody read, joins nobody rather than the file's one identified client). Written
for this batch, not taken from any share; near misses stay rejected by the recognizer's
own tests.
"""

from __future__ import annotations

import pytest

from recognizers.access_kinds import ACCESS_KINDS_KEY
from recognizers.home_access_recognizer import HomeAccessRecognizer
from tests.cli import export_individuals, key, scanned_share
from tests.conftest import assert_no_raw_values


@pytest.fixture(scope="module")
def recognizer():
    return HomeAccessRecognizer()


# Each match keeps its own span when the note's matches are merged into one finding: the
# note's first match had grown to cover the whole note, so a hidden key after a code was
# read inside the code's match (lost), and a key in a lock box read past the box's code
# (a hidden key gained).
@pytest.mark.parametrize(("text", "kinds"), [
    ("Keysafe number is 4827. Spare key under the boot scraper by the back door.",
     [["code", "hidden_key"]]),
    ("Keysafe number is 4827. Spare key under the mat at the front door.",
     [["code", "hidden_key"]]),
    ("Key in the lock box to the left of the back door - combi 7713 NB the door is on the"
     " latch until noon.", [["code", "left_open"]]),
    # `key arrangements at X's` says whose home, not who holds a key
    ("Changed key arrangements at Mrs Pemberton's from Tuesday: alarm code 5519.",
     [["code"]]),
    ("Key arrangements at Derek Hollins's flat: spare with his sister Ann Hollins.",
     [["key_holder"]]),
    # a key holder's `Key` after a code's place hides no key
    ("Key safe: KS on the wall by the porch 3386 Key holder: Mrs Ames (neighbour).",
     [["code", "key_holder"]]),
    # a key at someone's still has its holder
    ("Spare key at Mrs Dean's next door.", [["key_holder"]]),
])
def test_each_way_in_of_a_note_is_its_own(recognizer, text, kinds):
    assert [result.recognition_metadata[ACCESS_KINDS_KEY]
            for result in recognizer.analyze(text, ["HOME_ACCESS"])] == kinds


DAY_NOTES = {
    "therapy/day_notes_2026-03-04.txt": (
        "Riverside Speech Therapy - day notes 4 March 2026\n"
        "Therapist: Lorna Kettering, Speech and Language Therapist\n\n"
        + "=" * 50 + "\n"
        "Mrs Hendry - home session\n"
        "Naming practice with picture cards; 7/10 unaided. Husband present.\n"
        "Access for next session: Key box on the wall by the garage, code 6218.\n"
        "Plan: weekly; report to the case manager.\n"
        + "=" * 50 + "\n"
        "Mr Quennell - home session\n"
        "Reading aloud, short paragraphs. Fatigued by the end.\n"
        "Plan: fortnightly; copy to Dev Sharma (CM).\n"
        + "=" * 50 + "\n"
        "Client: Barlow, Keith (DOB 02/03/1961)\n"
        "Swallow review at home; soft diet continues.\n"
        "Plan: weekly; copy to Dev Sharma (CM).\n"
        + "=" * 50 + "\n"),
    # one client's log cut into dated entries: `Mrs Lord` is Josephine Lord, one record
    "therapy/session_log_lord.txt": (
        "Riverside Speech Therapy - session log\n"
        "Client: Mrs Josephine Lord (DOB 09/09/1944)\n"
        + "-" * 50 + "\n"
        "03/02/2026 - Mrs Lord - home session\n"
        "Word retrieval tasks. Let yourself in, the front door is on the latch in the"
        " mornings.\n"
        + "-" * 50 + "\n"
        "10/02/2026 - Mrs Lord - home session\n"
        "Conversation practice; good progress.\n"
        + "-" * 50 + "\n"),
}


@pytest.fixture(scope="module")
def day_notes_scanned(tmp_path_factory):
    return scanned_share(tmp_path_factory, "access-day-notes", DAY_NOTES)


def test_a_block_headed_by_title_and_surname_keeps_its_access_note(day_notes_scanned,
                                                                   tmp_path):
    rows = export_individuals(day_notes_scanned, tmp_path, "--reveal")
    assert sorted((key("PERSON", row["name"]), row["date_of_birth"], row["home_access_kinds"])
                  for row in rows) == sorted([
                      (key("PERSON", "Keith Barlow"), "02/03/1961", ""),
                      (key("PERSON", "Josephine Lord"), "09/09/1944", "left_open")])


def test_nothing_raw_without_reveal(day_notes_scanned, tmp_path):
    export_individuals(day_notes_scanned, tmp_path)
    for written in (tmp_path, day_notes_scanned):
        assert_no_raw_values(written, ["6218", "Keith Barlow", "Josephine Lord", "Hendry"])
