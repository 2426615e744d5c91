"""Text read through OCR damage (`recognizers/ocr_reading.py`): the recognizers' words and
digit runs as OCR writes them, found by every recognizer, with offsets, masks and keys of
the characters the file holds."""

from __future__ import annotations

import sqlite3

import pytest

from phiscan.detect.entities import mask_value, normalise
from phiscan.quality.evaluation import phiscan_predictor
from recognizers.home_access_recognizer import HomeAccessRecognizer
from recognizers.ocr_reading import _word_start, read_digit_runs, read_ocr, word_forms
from tests.cli import run_cli
from tests.conftest import assert_no_raw_values

# (damaged, read): one damage of each kind the reading knows.
DAMAGED = [
    ("key under the rnat", "key under the mat"),  # m read rn
    ("by the back cloor", "by the back door"),  # d read cl
    ("on the vvall", "on the wall"),  # w read vv
    ("c0de 1 2 3 4", "code 1 2 3 4"),  # o read 0
    ("on the 1atch", "on the latch"),  # l read 1
    ("let yourseIf in", "let yourself in"),  # l read I
    ("KEY 5AFE", "KEY SAFE"),  # s read 5
    ("the 8ack door", "the back door"),  # b read 8
    ("ACCESS - Keysfae by door", "ACCESS - Keysafe by door"),  # two letters swapped
    ("the frnot door", "the front door"),
    ("Keyssafe on the wall", "Keysafe on the wall"),  # a letter added
    ("spare key hiden in the shed", "spare key hidden in the shed"),  # a letter dropped
    ("key is und er the mat", "key is under the mat"),  # a space inside a word
    ("Fron t door stiff", "Front door stiff"),
    ("D0B: l2/O3/l947", "DOB: 12/03/1947"),
    ("NHS no 4O1 234 593l", "NHS no 401 234 5931"),
    ("c0de 6 4 l 2", "code 6 4 1 2"),
    ("Key safe code: 7 I 3 O", "Key safe code: 7 1 3 0"),
    ("code I 9 8 4 on the left", "code 1 9 8 4 on the left"),
    ("tel O7700 900123", "tel 07700 900123"),
    ("Ke y Saf e (fron t) - 5 5 2 0", "Key Safe (front) - 5 5 2 0"),  # a three-letter word spaced
    ("Spare kev with Mrs Allen", "Spare key with Mrs Allen"),  # y read v
    # speech-to-text: a device's first word heard as a plural or a possessive, a digit word
    # heard as `for` or `to` inside a spoken code
    ("the keys safe is by the back door", "the key safe is by the back door"),
    ("key's safe on the wall", "key safe on the wall"),
    ("the code is five nine for two", "the code is five nine four two"),
    ("key box code six to three one", "key box code six two three one"),
    # a round letter read `c` or `n` (`e`, `o`; `a`), `Z` read for `2` inside a run
    ("kcy snfe by the frcnt dcor", "key safe by the front door"),
    ("codc 4 8 Z 1", "code 4 8 2 1"),
    # dialect, clipped and other languages' words, and emoji, read as the English word
    ("key's wi' oor Jean", "key's with our Jean"),
    ("the lad nex' door 'as got 'er key", "the lad next door has got her key"),
    ("spare chabi is with Khala", "spare key is with Khala"),
    ("allwedd gyda Mrs Pugh drws nesaf", "key with Mrs Pugh next door"),
    ("🔑 box by the door", "key box by the door"),
    ("the darwaza is on the latch", "the door is on the latch"),
    ("kod do drzwi 4 4 1 9", "door code 4 4 1 9"),
]


@pytest.mark.parametrize(("damaged", "read"), DAMAGED)
def test_damage_is_read_as_the_word_or_the_digit(damaged, read):
    assert read_ocr(damaged).text == read


@pytest.mark.parametrize("text", [
    "font size 14 for her letters",  # an English word one letter off `front`
    "modelling clay in the day room",  # `clay` is a word (`d` read `cl` of `day`)
    "do or die",  # two common words are never joined (`door`)
    "I'm at home, the key safe is by the door",  # `m at` after an apostrophe; `key safe`
    "K/S 5 5 1 9 on wall",  # the `S` of an abbreviation
    "Postcode SO14 0AA, O2 shop",  # a postcode's district, a brand: two digits at most
    "Sat 12 Oct, Solo 2, at 4 I will go",  # letters of words; one digit beside `I`
    "Room 101 booked for 10.30",
    "I'm at home, b in the box",  # a three-letter word's halves that are words: `m at`, `b in`
    "Keep your keys safe when you go out",  # advice: a verb of keeping before `keys safe`
    "one to one support two to three times a week",  # no code named before the run
    "the code for the gate is on the sheet, two to three visits",
    "code nine to five",  # three spoken words: no run
    "Size Z2 jacket, zone 4",  # `Z` beside one digit: no run of three
    "with her wit and wisdom",  # `wi` and `wit` inside words are no clipped `with`
    "the cat's bowl, can't stop",  # an apostrophe inside a word is no clipped word
])
def test_clean_text_is_read_as_it_is(text):
    assert read_ocr(text) is None


def test_every_result_points_at_the_characters_the_file_holds():
    text = "Note - Key is und er the rnat at back, Fron t door stiff"
    reading = read_ocr(text)
    assert reading.text == "Note - Key is under the mat at back, Front door stiff"
    start = reading.text.index("under the mat")
    assert text[slice(*reading.origin(start, start + len("under the mat")))] == "und er the rnat"
    start = reading.text.index("Front door")
    assert text[slice(*reading.origin(start, start + len("Front door")))] == "Fron t door"
    assert reading.origin(0, 4) == (0, 4)
    end = len(reading.text)
    assert reading.origin(end - 5, end) == (len(text) - 5, len(text))


def test_a_digit_run_keeps_its_length():
    text = "NHS 4O1 234 593l, DOB l2/O3/l947, code 6 4 l 2"
    assert len(read_digit_runs(text)) == len(text)


def test_a_long_run_is_read_whole():
    """A run of 200,000 groups whose only misread letter is its last is read in one walk
    (groups found backwards from it, never shifted one by one)."""
    text = "1 " * 200_000 + "l and more"
    assert read_digit_runs(text) == "1 " * 200_000 + "1 and more"


def test_forms_are_one_damage_away_and_edits_only_in_long_words():
    assert {"rnat", "m at"} <= word_forms("mat") | {"m at"}
    assert "mta" not in word_forms("mat")  # no swap in a word under five letters
    assert {"sa fe", "5afe"} <= word_forms("safe")
    assert "sfae" not in word_forms("safe")
    assert {"fornt", "frnt", "frront", "fron t"} <= word_forms("front")


@pytest.fixture(scope="module")
def predict(config):
    return phiscan_predictor(config)


def _found(predict, text):
    return [(span.entity_type, text[span.start:span.end]) for span in predict(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Patient: Margaret Holt\nNHS no: 4O1 234 593l\nD0B: l2/O3/l947",
     [("UK_NHS", "4O1 234 593l"), ("DATE_OF_BIRTH", "l2/O3/l947"),
      ("PERSON", "Margaret Holt")]),
    ("NH5 number 4O1-234-593l, referred by GP", [("UK_NHS", "4O1-234-593l")]),
    ("Date of 8irth: O4/l1/1939 per the scanned form", [("DATE_OF_BIRTH", "O4/l1/1939")]),
    ("Surnarne: HOLT\nForenarne: Margaret", [("PERSON", "HOLT"), ("PERSON", "Margaret")]),
    ("Narne: Margaret Holt", [("PERSON", "Margaret Holt")]),
    ("Scanned referral: spare key hiclden in the rneter box",
     [("HOME_ACCESS", "spare key hiclden in the rneter box")]),
])
def test_every_recognizer_reads_through_the_damage(predict, text, expected):
    assert _found(predict, text) == expected


def test_a_damaged_value_links_and_masks_as_the_clean_one():
    assert normalise("UK_NHS", "4O1 234 593l") == normalise("UK_NHS", "401 234 5931")
    assert mask_value("UK_NHS", "4O1 234 593l") == "401 *** ****"
    assert normalise("DATE_OF_BIRTH", "l2/O3/l947") == normalise("DATE_OF_BIRTH", "12/03/1947")


def test_a_scan_links_an_ocr_read_letter_to_the_typed_one(tmp_path):
    """Through the CLI: the OCR'd letter's NHS number and date of birth hash as the typed
    letter's do, previews point at the right characters, and no raw value is written."""
    share, out = tmp_path / "share", tmp_path / "out"
    share.mkdir()
    (share / "typed.txt").write_text(
        "Re: Margaret Holt\nNHS no: 401 234 5931\nDOB: 12/03/1947\n", encoding="utf-8")
    (share / "scanned.txt").write_text(
        "Re: Margaret Holt\nNHS no: 4O1 234 593l\nD0B: l2/O3/l947\n"
        "Key is und er the rnat at back\n", encoding="utf-8")
    # A table's rows go through the remembered-lines path (`record_lines`): a row with no
    # raw match in its own text is still read through its damage.
    (share / "visits.csv").write_text(
        "client,nhs number,access\nMargaret Holt,4O1 234 593l,Key is und er the rnat at back\n"
        "Alan Webb,943 476 5919,rings the bell\n", encoding="utf-8")
    result = run_cli("scan", str(share), "--out", str(out), "--workers", "1")
    assert result.returncode == 0, result.stderr[-2000:]
    with sqlite3.connect(out / "inventory.sqlite") as db:
        rows = db.execute(
            "SELECT l.location, f.entity_type, f.start, f.end, f.masked, f.value_hash"
            " FROM findings f JOIN locations l ON l.id = f.location_id"
            " WHERE f.entity_type != 'PERSON' ORDER BY l.location, f.start").fetchall()
    by_file: dict[str, dict[str, tuple]] = {}
    for location, entity_type, start, end, masked, value_hash in rows:
        by_file.setdefault(location.rsplit("/", 1)[-1], {})[entity_type] = (
            start, end, masked, value_hash)
    scanned, typed = by_file["scanned.txt"], by_file["typed.txt"]
    table = sorted((entity_type, masked, value_hash) for location, entity_type, _start, _end,
                   masked, value_hash in rows if location.endswith("visits.csv"))
    assert [(entity_type, masked) for entity_type, masked, _hash in table] == [
        ("HOME_ACCESS", table[0][1]), ("UK_NHS", "401 *** ****"), ("UK_NHS", "943 *** ****")]
    assert table[1][2] == typed["UK_NHS"][3]
    assert sorted(scanned) == ["DATE_OF_BIRTH", "HOME_ACCESS", "UK_NHS"]
    text = (share / "scanned.txt").read_text()
    assert text[scanned["UK_NHS"][0]:scanned["UK_NHS"][1]] == "4O1 234 593l"
    assert text[scanned["DATE_OF_BIRTH"][0]:scanned["DATE_OF_BIRTH"][1]] == "l2/O3/l947"
    assert text[scanned["HOME_ACCESS"][0]:scanned["HOME_ACCESS"][1]] == (
        "Key is und er the rnat")
    assert scanned["UK_NHS"][2] == typed["UK_NHS"][2] == "401 *** ****"
    assert scanned["UK_NHS"][3] == typed["UK_NHS"][3]
    assert scanned["DATE_OF_BIRTH"][3] == typed["DATE_OF_BIRTH"][3]
    assert_no_raw_values(out, ["4O1 234 593l", "401 234 5931", "l2/O3/l947", "12/03/1947"])


@pytest.mark.parametrize("text", [
    "Spare key- under the mat.",
    "Spare key- neighbour at no. 4 has it.",
    "Keys- under the plant pot by the back door.",
    "Back door- leave unlocked for carers.",
])
def test_a_dash_after_a_word_mid_line_is_no_broken_word(text):
    from recognizers.home_access_recognizer import HomeAccessRecognizer
    assert HomeAccessRecognizer().analyze(text, ["HOME_ACCESS"])


def test_a_dash_between_a_name_and_a_relation_joins_nothing():
    from recognizers.person_field_recognizer import NameFieldRecognizer
    text = "Next of kin: Mary Smith- daughter"
    found = NameFieldRecognizer().analyze(text, ["PERSON"])
    assert not [r for r in found if "daughter" in text[r.start:r.end]]


@pytest.mark.parametrize(("text", "word"), [
    ("The spare is un- der the mat", "under"), ("left un- locked", "unlocked"),
    ("neigh-\nbour", "neighbour"),
    # session 13: two words joined into a long one, a word's end that is no word, capitals
    ("spare key is kept in- side the meter box", "inside"),
    ("Entry arrange- ments: key safe", "arrangements"), ("KEY SAFE IN- SIDE PORCH", "INSIDE")])
def test_a_word_broken_across_a_line_or_after_a_non_word_is_joined(text, word):
    from recognizers.ocr_reading import broken_words
    assert [hit[2] for hit in broken_words(text)] == [word]


@pytest.mark.parametrize("text", [
    "Spare key- under the mat", "Mary Smith- daughter", "JOHN SMITH- JONES", "the key- ring",
    "Front door- key safe 4 4 1 2"])
def test_a_dash_between_two_words_joins_nothing(text):
    from recognizers.ocr_reading import broken_words
    assert broken_words(text) == []


@pytest.mark.parametrize("text", [
    "Susi keeps the spare key.", "Pinto has the spare key for the back door."])
def test_a_dialect_word_that_is_a_name_is_the_name_when_capitalised(text):
    from recognizers.home_access_recognizer import HomeAccessRecognizer
    assert HomeAccessRecognizer().analyze(text, ["HOME_ACCESS"])
    assert "key keeps" not in (getattr(read_ocr(text), "text", "") or "")


# Other languages' words by language (`home_access_languages.txt`): a form standing alone, a
# stem with its ending, a postposition read before the word it follows, a script without
# spaces, an elided article.
LANGUAGES = [
    ("Zapasowy klucz jest pod wycieraczką", "spare key is under mat"),
    ("Anahtar kapının önündeki paspasın altında", "key by door under mat"),
    ("chaabi gamle ke neeche hai", "key under plant pot hai"),
    ("چابی پڑوسی کے پاس ہے", "key with neighbour is"),
    ("钥匙在花盆下面", "key is under plant pot"),
    ("Le digicode de l'hôpital", "Le door code de l'hospital"),
    ("kelid pishe hamsaye hast", "key with neighbour is"),
    # a holder before the key said as the language says it (`X pase chavi`: X has the key)
    ("Dikri pase chavi che", "daughter has the key che"),
    ("Cheia o are fiica ei", "Key is with daughter ei"),
]


@pytest.mark.parametrize(("text", "read"), LANGUAGES)
def test_other_languages_words_are_read_as_the_grammar_s_english(text, read):
    assert read_ocr(text).text == read


@pytest.mark.parametrize("text", [
    "The pod is ready at the front door",  # Polish `pod` (under) with no other Polish word
    "Are you coming to the sub station?",  # Romanian `are` (has), `sub` (under)
    "Dom has the spare key",  # Polish `dom` (house), a name
    "Ma said the key is under the mat",  # Polish `ma` (has)
    "a niche hobby, the tob is full",  # Bengali `niche` (under), `tob` (pot)
])
def test_a_form_that_is_an_english_word_or_a_name_is_not_read_alone(text):
    reading = read_ocr(text)
    assert reading is None or reading.text == text


def test_a_guarded_form_is_read_beside_another_of_its_language():
    assert read_ocr("klucz pod wycieraczką").text == "key under mat"


def test_a_dialect_word_in_lower_case_is_still_read():
    reading = read_ocr("ang susi ay nasa ilalim ng paso, pinto sa likod")
    assert reading is not None and "key" in reading.text and "door" in reading.text


@pytest.mark.parametrize("text", [
    "Yedek anahtar paspasın altında, kapı kodu 4471. İyi günler",  # a Turkish dotted capital
    "Ersatzschlüssel unter der Fußmatte",  # a German sharp s
])
def test_a_letter_whose_fold_is_longer_does_not_turn_the_reading_off(text):
    assert HomeAccessRecognizer().analyze(text, ["HOME_ACCESS"])


def test_a_postposition_reads_the_word_before_it_without_rereading_the_text():
    # the word before each postposition is found by stepping back: thousands of them in a
    # long text are read as fast as one (a regex over the text before each was quadratic)
    text = "शहर में लोग हैं और " * 3000
    reading = read_ocr(text)
    assert reading is None or len(reading.text) > 0
    assert _word_start("a bc'd", 6) == 2 and _word_start("a  ", 3) == 3
