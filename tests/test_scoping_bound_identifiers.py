"""A date of birth belongs to the name it is written beside (issue 15), and a key kept at a
place is hidden there, not held (issue 14).

- `STANSFIELD, Gordon - 08/10/1953` heading a visit note: the date after a name written
  surname first, across a dash, is his date of birth (only a date old enough not to be the
  visit's).
- `Mr Gordon Stansfield (DOB 08/10/1953) died in hospital ... His wife Mrs Mary Stansfield
  (also on our caseload) told us`: the record's marked subject was his wife, and she took
  his date of birth; the name an identifier is written beside keeps the record.
- `Family keep a key under the gnome by the garage`: the family as a whole, like `they`, is
  the household keeping its key at a place, so the place is the way in and no one is to ask
  (`her son keeps a key under the mat` is both; `keeps a key at hers` holds one).
- MDT minutes listing people at the margin, their notes indented: an indented paragraph
  after a blank line (`  Access: key safe ...`) is the person's above, not the next one's.
"""

from __future__ import annotations

import pytest

from recognizers.access_kinds import ACCESS_KINDS_KEY
from recognizers.date_of_birth_recognizer import DateOfBirthRecognizer
from recognizers.home_access_recognizer import HomeAccessRecognizer
from tests.cli import export_individuals, key, scanned_share

CLOSURE = ("30/07/2026 - Sad news: Mr Gordon Stansfield (DOB 08/10/1953) died in hospital "
           "after a chest infection. His wife Mrs Mary Stansfield (also on our caseload) "
           "told us by phone; she is staying in the house.\n")
VISIT = ("14/03/2026 AN home visit - ACKROYD, Wilfred - 11/02/1931\n\n"
         "Joint visit with OT. Wilfred settled. Dementia, lives with his wife.\n"
         "Brenda (his wife, also known to the memory service, DOB 03/05/1934) was present.\n")
MDT = ("Memory Service MDT - 02/04/2026\n"
       "Present: Dr Omar Haddad, Leanne Bishop, Tomasz Wrobel\n---\n"
       "QUARMBY, Marjorie  11.07.1938  485 773 2947\n"
       "  Vascular dementia. Stable. Action: OH\n\n"
       "DYSON, Gloria  29.10.1956  485 708 3019\n"
       "  Alzheimer's disease, late onset. Deteriorating, carer strain. Action: LB\n\n"
       "  Access: key safe next to the gas meter, code 1194. Spare key held by Julie Dyson "
       "(daughter) 07700 900990.\n"
       "ZIELINSKI, Lorna  10.12.1930\n"
       "  Dementia with Lewy bodies. Discussed respite. Action: TW\n")


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    return scanned_share(tmp_path_factory, "bound-identifiers",
                         {"closures/Stansfield_G.txt": CLOSURE, "visits/Ackroyd_W.txt": VISIT,
                          "mdt/MDT_2026-04-02.txt": MDT})


def test_a_date_of_birth_stays_with_the_name_it_is_written_beside(out, tmp_path):
    rows = export_individuals(out, tmp_path, "--reveal")
    named = sorted((key("PERSON", row["name"]), key("DATE_OF_BIRTH", row["date_of_birth"]))
                   for row in rows if row["name"])
    assert named == sorted([(key("PERSON", "Gordon Stansfield"),
                             key("DATE_OF_BIRTH", "08/10/1953")),
                            (key("PERSON", "Wilfred Ackroyd"),
                             key("DATE_OF_BIRTH", "11/02/1931")),
                            *((key("PERSON", name), key("DATE_OF_BIRTH", dob)) for name, dob in (
                                ("Marjorie Quarmby", "11.07.1938"), ("Gloria Dyson", "29.10.1956"),
                                ("Lorna Zielinski", "10.12.1930")))])


def test_an_indented_note_after_a_blank_line_is_the_person_s_above(out, tmp_path):
    rows = export_individuals(out, tmp_path, "--reveal")
    kinds = {key("PERSON", row["name"]): row["home_access_kinds"] for row in rows}
    assert [kinds[key("PERSON", name)] for name in ("Marjorie Quarmby", "Gloria Dyson",
                                                     "Lorna Zielinski")] == [
        "", "code;key_holder", ""]


@pytest.mark.parametrize(("text", "birth"), [
    ("AN home visit - STANSFIELD, Gordon - 08/10/1953", True),
    ("AN home visit - STANSFIELD, Gordon – 08/10/1953", True),
    ("AN home visit - STANSFIELD, Gordon - 14/03/2026", False),
])
def test_a_date_after_a_surname_first_name_and_a_dash(text, birth):
    results = DateOfBirthRecognizer().analyze(text, ["DATE_OF_BIRTH"])
    assert bool([r for r in results if r.score >= 0.5]) is birth


@pytest.mark.parametrize(("text", "kinds"), [
    ("Family keep a key under the gnome by the garage.", [["hidden_key"]]),
    ("Family keep a key on the hook inside the coal shed.", [["hidden_key"]]),
    ("Access: key box by the back door, code 5692. Family keep a key under the mat at the "
     "back door.", [["code"], ["hidden_key"]]),
    ("Neighbour Joan keeps a key at hers, no. 12.", [["key_holder"]]),
    ("Mrs Lee next door keeps a spare key.", [["key_holder"]]),
])
def test_a_key_kept_at_a_place_is_hidden_not_held(text, kinds):
    results = HomeAccessRecognizer().analyze(text, ["HOME_ACCESS"])
    assert [r.recognition_metadata[ACCESS_KINDS_KEY] for r in results] == kinds
