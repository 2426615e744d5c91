"""HOME_ACCESS as a grammar (issue 14): entry instructions found and near misses left
alone on phrasing sets, measured through the scan's own detector (the path `phiscan
scan` and `phiscan eval` run), with exact counts.

tests/data/home_access/dev.tsv is the development set the grammar was tuned on (not held
out). The held-out sets under tests/data/heldout/home_access/ were written by someone
who had not read the recognizer; their counts are what the grammar gave when first
measured on them and after one fix of general gaps (docs/design/detection.md).
"""

from __future__ import annotations

import functools
import json
import sqlite3
from pathlib import Path

import pytest
import regex

from phiscan.quality.evaluation import phiscan_predictor
from phiscan.quality.phrasings import load_phrasings, measure
from recognizers.home_access_recognizer import CODE, HomeAccessRecognizer, read_through_ocr
from tests.cli import run_cli
from tests.conftest import DATA_DIR, assert_no_raw_values

DEV_SET = DATA_DIR / "home_access" / "dev.tsv"
HELD_OUT = DATA_DIR / "heldout" / "home_access"
DEV_PHRASINGS = load_phrasings(DEV_SET)


@functools.cache
def default_recognizer() -> HomeAccessRecognizer:
    """One recognizer with the shipped vocabularies for every case here, as a scan's
    detector holds one for all its texts: building one per case was ~600 builds."""
    return HomeAccessRecognizer()


@pytest.fixture(scope="module")
def predict(config):
    return phiscan_predictor(config)


# The dev set's access lines found, of all, by kind (one figure for both tests below).
DEV_FOUND = {"code": (1111, 1120), "hiding": (385, 388), "entry": (268, 269),
             "keyholder": (367, 376)}
DEV_MISSED = sum(total - flagged for flagged, total in DEV_FOUND.values())


def test_dev_set_rates(predict):
    result = measure("dev", DEV_PHRASINGS, predict)
    found = {kind: (c.flagged, c.total) for (positive, kind), c in result.counts.items()
             if positive}
    assert found == DEV_FOUND
    # An app's code told in a relative clause and a key kept in an office's key cabinet for a
    # named resident's flat (batch P) are not read; nor a code of three digits and `#` (batch N).
    assert [p.text for p in result.missed] == [
        "Main door opened by intercom, buzz flat 3",
        "Social prescriber: Ken's front door lock works from an app, the code it gave him for "
        "visitors is 1 9 7 4",
        "Resettlement: Mr Osei moved into flat 4 on Friday; a spare key to his flat is kept in "
        "our office key cabinet, tag 12",
        "H@H: kit set-up tomorrow 9am, 17 Ash Grove, communal door 4 7 2 #, flat 5 on 2nd floor",
        # batches T and U (session 10): an office that holds a key for a named flat, a key
        # holder with an office's key safe beside it, keys in a key cabinet
        "Deputy's office holds the spare key to Mr Doyle's flat - collect from reception and "
        "sign it out",
        "Care leaver's flat: his PA has a spare key (kept in our office key safe) for welfare "
        "checks",
        "Chapel friend Mrs Price keeps Mr Evans' spare under the boot scraper at his back door",
        "Appointee visit 12/3 - spare keys for 14 Heron Walk are in our key cabinet (hook 6), "
        "sign them out",
        # batch B (session 11): a key dropped at a key-exchange point (`dropped` reads as lost)
        "KeyNest: a key for Mrs Gill's flat has been dropped at the KeyNest point (Costcutter, "
        "Bath Rd) for her carers, collection code 488213",
        # batch O (session 12, noise; missed in clean text too): a year in brackets after the
        # device (the wheelchair repair job sheet is found since session 17, s17-set: a job
        # on a device in a home names no owner)
        "Risk assessment.pdf: Entry: key safe (\ufb01tted 2023) to the right of the front door; "
        "code 9 0 3 6",
        # (batch L of session 12, a Bengali holder whose words were read apart from the
        # postposition after them, is read since session 18: a postposition follows its
        # whole noun phrase)
        # batch N (session 12): a Cantonese holder at a named neighbour's place (`度`)
        "媽媽屋企鎖匙喺隔籬王太度，門牌 12 號",
        # (batch G of session 12, a record's name and value in two cells of a CSV row, is read
        # since session 16)
        # batch O (session 13): a home's padlock told by a council depot's bin crew
        "Council depot rang: the bin crew have Mrs O'Neill's side gate padlock number, 0 3 1 2, "
        "so they can pull her bin out (assisted collection).",
        # batch S (session 13, shapes and spellings), as first measured (its grey box on the
        # wall and its numbers in the next sentence are read since session 16)
        "Porch KP 1 9 0 1 then straight up the stairs, Mr Bray is in the front bedroom.",
        # batch J (session 14, languages; both missed in English too): a key told to be with a
        # holder after the house it opens, a code told before its key box
        "Sleutel van het huis van mijn moeder ligt bij de buurvrouw op nummer 12",
        "暗証番号は四七二九、玄関のキーボックスです",
        # batch Y (session 14): a key said moved somewhere (`moved to`), and a boat's parts
        # (`cabin key`, `cockpit`) read as no home's
        "Key was moved to the meter cupboard on Monday and is still there.",
        "Lives on his boat at the marina, pontoon C - cabin key is under the cushion in the "
        "cockpit.",
        # batch H (session 20, languages of UK care, sourced words): a lock named with no
        # device or code word after it (`kandado`, `cerradura`), and a lock in an inflected
        # form the source does not give (Bulgarian `ключалката`)
        "Ang kandado sa gate ay may code na 1 9 5 5",
        "Cerradura de la puerta trasera con código 2 2 8 5",
        "Ключалката на входната врата е с код 7 3 1 0",
        # batch T (session 20): a key said to be to a caravan or for a boat is a home's only
        # when the text says someone lives there (batch L, session 20); these two do not
        "the couple on the next pitch have a spare key to the caravan",
        "Lock keeper holds a spare key for his boat"]
    # (batch B of session 22, equipment named in an earlier piece, `concentrator check`, is
    # read since session 23: a job or a record kept for a device names the visit)
    # A code printed on a packet reads like one on a key box, and a writer's label naming
    # her workplace is not read as the lock's owner (batch R): the known false alarms.
    assert [p.text for p in result.false_alarms] == [
        "Cleaner's book: new Hoover bags in the cupboard, code on the box 7 7 1 0",
        "Cleaner at the dental practice: alarm 4 7 4 7, keys under the back step",
        # a place's possessive (`the unit's`) names no owner of its own (batch T)
        "RE: respite booking - the unit's key safe (for the out-of-hours manager) is 8 2 8 2",
        # an owner's possessive reads as a home's, nearer than the let (batch W)
        "Holiday cottage for the respite break - the owner's key safe is 7 7 4 4, check-in 4pm",
        # a place's way in told in the note's sentence before without a thing's possessive
        # (batch P of session 11)
        "College placement - Leah uses the student entrance with her lanyard. Code for the "
        "courtyard gate is 1 3 3 7.",
        "Respite unit: residents' fobs are kept at the office. The code for the garden gate is "
        "9 9 0 0.",
        # batch B (session 11): a childminder's setting is no owner word
        "Childminder: the setting's gate code is 8 8 3 1, parents only at pick-up",
        # batch C: what comes after a holder named by title is not read
        "The key is held by the estate agent, Mr Rowe, for viewings of the empty flat",
        # batch O (session 12, noise; each a false alarm in clean text too): a device ordered
        # after a door read the other way round, a policy about codes, a drug fridge's key
        # safe (the leaflet's advice never to hide a key after `keys safe` is read since
        # session 26: keys kept safe are no key safe)
        "Care & Repair (OCR): grab rail fitted by front cloor, key safe orclered, no code yet",
        "Policy (PDF): Staff must not record key safe codes in the prop- erty, codes go in the "
        "secure app only",
        "Home chemo unit: drug fridge k3ysafe c0de 2O48 in the day unit",
        # (batch Y of session 12, a `stock room` in two words, is read since session 18)
        # batch O (session 13): a school gate told only by its caretaker's label and half term
        "Caretaker: main gate keypad for the contractors over half term is 1 9 6 6, please "
        "don't give it to parents.",
        # batch S (session 13): a key safe placed with no code
        "There's a key safe on the left of the porch. The bins go out on Tuesday.",
        # batch A (session 15): a European address's postcode told again as a `KS code`
        "Rue de la Loi 175, 1048 Bruxelles, KS code 1048 on the envelope"]
    assert result.near_misses.total == 2277


# (entry instructions found, positives, false alarms, near misses). First measurement
# (main at 4ca81e2): set_b 41/49 and set_c 44/48, no false alarm; set_d (a second author,
# first measured at 03b372c and 63c6add) 54/61, no false alarm; set_e (a third author,
# first measured at cbc18b3) 73/75, 4 false alarms. These are the counts
# after fixing the general gaps each first measurement showed (by class, never by line):
# no set here is held out any more (tests/data/heldout/home_access/README.md). set_e's
# last miss (a key on a hook in a dog kennel) is found since animal houses joined the
# hiding places in session 5. set_f (a fourth author, never shown until measured at
# 44392a9: 64/72, 3 false alarms; at 37ea467: 66/72, 2) is met since session 6 fixed its
# classes (tests/data/heldout/home_access/README.md).
# set_g (a fifth author, never shown until measured at 692e335: 70/79, 8 false alarms; at
# 609e6c6: 70/79, 7) is tuned on since session 7 fixed its classes: what a lock is for (its
# 7 false alarms), the missed classes, and OCR damage inside words (recognizers/ocr_reading.py).
HELD_OUT_COUNTS = {"set_b.tsv": (49, 49, 0, 49), "set_c.tsv": (48, 48, 0, 48),
                   "set_d.tsv": (61, 61, 0, 63), "set_e.tsv": (75, 75, 0, 75),
                   "set_f.tsv": (72, 72, 0, 72), "open/set_g.tsv": (79, 79, 0, 76),
                   "open/set_h.tsv": (74, 75, 0, 75), "open/set_i.tsv": (75, 75, 0, 75),
                   "open/set_j.tsv": (75, 75, 0, 75), "open/set_k.tsv": (76, 76, 0, 76),
                   "open/set_l.tsv": (75, 77, 0, 77), "open/set_m.tsv": (73, 76, 0, 79),
                   "open/set_n.tsv": (74, 77, 1, 78), "open/set_o.tsv": (73, 78, 2, 79),
                   "open/set_p.tsv": (73, 77, 2, 78), "open/set_q.tsv": (64, 78, 0, 79),
                   "open/set_r.tsv": (73, 79, 0, 76),
                   "open/set_s.tsv": (70, 76, 0, 78),
                   "open/set_t.tsv": (78, 86, 3, 84),
                   "open/set_u.tsv": (81, 82, 0, 83), "open/set_v.tsv": (83, 89, 1, 89),
                   "open/set_w.tsv": (50, 50, 0, 51), "open/set_y.tsv": (83, 87, 1, 87),
                   "open/set_z.tsv": (49, 50, 0, 50), "open/set_aa.tsv": (75, 82, 2, 82),
                   "open/set_ab.tsv": (78, 80, 2, 80)}
# Measured once while never shown (61/75, 8 false alarms at 7d5d087), below the 95% target,
# tuned on since session 8: its false-alarm classes fixed (what a lock is for, advice not to
# hide a key, a device still to come, a lock with no key in it: 0 false alarms), its damaged
# text (`Ke y Saf e`, `Spare kev`) read, and its missed classes said in other words read as
# grammar (who has a key, what is open, where a key is, a code in words or in a later field).
# Its counts are asserted so that any change to them is seen; it is kept out of the 95% check
# as a set measured below it when never shown.
# set_i (a seventh author, session 8): never shown until measured at session 8's end, 66/75
# with 3 false alarms at its start (a52c682), 67/75 with 3 at its end (31237ea); tuned on
# since session 9, by class: its three false alarms (a storage unit, a flat between tenants,
# a members' club) went with whose place a lock opens (dev batches P, Q); its misses went by
# mechanism, each class with dev lines of another voice (dev batch N): keys held or kept at
# an office, a shop or a desk, dialect and other languages' words read as English (`wi'`,
# `chabi`), a box named by its code, an opening said padlocked, where someone comes back from
# is no purpose (`back from college`), OCR damage in every word of a phrase. Like set_h, it
# stays out of the 95% check as a set measured below it when never shown.
# set_j (a ninth author, session 9): never shown until measured at session 9's end, 64/75 with
# 7 false alarms both at its start (2cfc0a2) and at its end (8bce413); asserted at its
# counts, below the target, from then on. Session 10: its seven false alarms went with what a
# lock belongs to (dev batches T and V): a device's or an appliance's lock, a saint's hall, a
# storage unit, a side room and a ward (in Polish too), a place named earlier in the
# sentence, a sentence saying there is no spare. Its misses went with parts read together (the
# recall slice, dev batch U): a key then the code of what holds it, a code answering a chat's
# question, a keypad code after `ENTRY`, the writer's own key, a numbered address, a
# correspondent or where someone is as no owner, a negated purpose, `w/`: 72/75.
# set_k (a tenth author, session 10): never shown until measured at session 10's end, 74/76
# with 8 false alarms at its start (c2d1cab), 74/76 with 6 at its end (b768247): recall met
# the target when first measured, false alarms did not; asserted at its counts from then on.
# Session 11 (dev batch P of session 11, by class): a vehicle's registration in its record,
# words broken by a line-end hyphen, a team's base by its acronym, a store locked in a home, a
# team's meeting, a place's way in told in the note's sentence before, `our` before a name,
# and a door's thing only in its piece: 76/76, 0 false alarms.
# set_l (an eleventh author, session 11): never shown until measured, 66/77 with no false
# alarm both at session 11's start (9d743e4) and at its end (563c1f8): that session's
# HOME_ACCESS work (dev batches P, S, Z, B, C) moved none of its lines. Asserted at its counts,
# below the target, from then on. Session 12: its OCR'd form line (`C0DE: 7l5S`, a number OCR
# wrote with letters, read as a number: recognizers/noise_reading.py, dev batch O); other
# languages' words read by language (`recognizers/data/home_access_languages.txt`, the
# census's main languages, not its lines): its Polish and romanised Urdu lines (a key with a
# neighbour at a number, a door left open, a key under a plant pot, a door always open);
# structured records read by field name (dev batches F and G): its JSON lock events, SQL
# UPDATE and form fields: 75/77, no false alarm (tuned on).
# set_m (a twelfth author, session 12): never shown until measured, 61/76 with 8 false alarms
# at session 12's start (563929c), 64/76 with 8 at its end (3235554: the field reading, the
# noise reading and other languages by language). Asserted at its counts, below the target.
# Session 13: its eight false alarms (a team base's, a site's, a fitter's van's and a van's
# key box, a bakery's key safe, a rented garage, executors' clearance, an annual report's count
# of installations) gone by whose the access object is (`PurposeModel.possessor`): 64/76, no
# false alarm (tuned on); with dev batch S: 70/76, no false alarm (emoji keycaps, a smudged
# digit, `kay`/`dower`, words broken mid-line: `in- side`, `arrange- ments`; a pipe table's
# address cell no purpose; a forwarded mail's sender); with dev batch K (key holders): 72/76,
# no false alarm (a clerk to the trustees named after his role, a neighbour's voicemail
# offering his key); set_j 73/75 (a brother who lives round the
# corner `and has a key to Mum's`).
# set_n (a thirteenth author, session 13): never shown until measured, 62/77 with 4 false
# alarms at session 13's start (f51bdd5) and at its end (12e7aa2): moved by none of the
# session's mechanisms. Asserted at its counts, below the target. Session 14: its Italian
# number words, Yoruba, Scots, Greek, Gujarati and Tamil lines read and an Italian office's
# key box rejected since other languages are read by one lexicon of the census's and the
# world's main languages with their number words and digits (dev batches I and J); an errand's
# place in an earlier piece, a code after a reference, a doorbell app's guest codes read, a
# past incident and a key posted back inside rejected (brief ha-clauses, dev batch Y).
# set_o (a fourteenth author, session 14): never shown until measured, 58/78 with 3 false
# alarms at session 14's start (bf2462f), 61/78 with 3 at its end (1e2ab6a). Asserted at its
# counts, below the target. Session 15: 62/78, 3 (a code spoken half in figures, read by
# recognizers/spoken_codes.py, written for batch damage_s15; set_o's lines not tuned on).
# Session 16 (ha-lang): 65/78, 3: its Kurdish, Nepali and Tigrinya holders, read since the
# rule's blocks are complete by role and hold the NHS's interpreting languages (its lines not
# looked at; batch languages_s16).
# set_p (a fifteenth author, session 15): never shown until measured, 62/77 with 10 false
# alarms at session 15's start (a9d1065), 62/77 with 8 at its end (c7e3468). Asserted at its
# counts, below the target. Tuned after reading (s15-lang: nine languages' blocks completed by
# role; s15-access: Y/N questionnaires, forced entry, a building's reception): 70/77, 3.
# Session 16 (ha-shapes): 73/77, 2: a code's object carried across sentences and turns, forms'
# label and value cells, questions answered No (batches shapes_s16, shapes_s16_b).
# set_q (a sixteenth author, session 16): never shown until measured, 51/78 with 3 false
# alarms at session 16's start (f8e5962), 53/78 with 1 at its end (d229aff). Asserted at its
# counts, below the target. Tuned after reading (s16-set: a place told as a time, a person's
# own door in a service's note, a car's own key, Akan's door and pot): 56/78, 0.
# Session 17 (ha-words): 62/78, 0: the blocks built from CLDR and the Open Multilingual Wordnet
# for every national official language (`home_access_languages_built.txt`).
# set_r (a seventeenth author, session 17): never shown until measured, 63/79 with 2 false
# alarms at session 17's start (2c1dd07) and at its end (98d3a07). Tuned after reading
# (s17-set: a job on a device in a home names no owner, a spaced dash ends a negation, a
# hiding place the line denies): 66/79, 1. Session 18 (ha-english: an alarm disarmed or a
# code typed in a clause on, a building named by its former use, a code changed to a
# redaction): 69/79, 0; with ha-closed (a postposition after its holder, Bengali and
# Gujarati in their own script): 71/79, 0. Asserted at those counts, below the target.
# set_s (an eighteenth author, session 18): never shown until measured, 61/76 with 8 false
# alarms at session 18's start (58744a2) and at its end (0248c5c). Tuned after reading (s18-set:
# a service named in a note's label sends the visit and owns no lock, one definition of no
# value, a code's field talked about as data): 63/76, 4; session 19 (ha-set: someone given a
# key said the other way round, a key held at a front desk, a question answered after a
# question back, a code told in parts, a flat row's names then values, a board's label, a key
# handled in its lock, a shop's and a trunk's locks, a fob in its owner's possession): 69/76,
# 0 (set_o 65 -> 66/78 by the first). Asserted at those counts, below the target.
# set_t (a nineteenth author, session 19): never shown until measured, 74/86 with 6 false
# alarms at session 19's start and end (c4be7b6). Tuned after reading (s19-set: a thing said
# padlocked is whose the padlock is, `next to` a place is where, a flattened comma row's empty
# key holder column, a home's own key kept in a car, the writer's key to a home by its
# number, a dock box): 76/86, 3. Asserted at those counts, below the target.
# set_u (a twentieth author, session 20): never shown until measured, 74/82 with 3 false
# alarms at 07ba288 (telecare, patient transport, meals on wheels, fire safe-and-well,
# housing repairs, church visitors, night nurses). Tuned after reading (s20-set, dev batch U
# of session 20: `casey`/`kay ess` for KS, KH1/KH2 key holders, a key to a named person's
# home before its holder, `DOOR C2468`, a smoke alarm's fitting as the visit's job, a code
# changed from X to Y, a day's slot of hours, someone coming with their own key, a training
# suite, a depot in Romanian): 81/82, 0. Its one miss, a code told before its box a sentence
# on and in parts, one of them by another number, stays. Asserted at those counts, below
# the 95% check as a set measured below it when never shown. Set v (session 22, blind:
# palliative care at home, home dialysis and nutrition, phlebotomy, oxygen, deputies,
# hoarding, pest control, pet fostering, release from prison, lodgings, rural rounds):
# 75/89 with 6 false alarms on 89 near misses, the same at the session's start (a6262cb's
# successor 505cad7) and after the changes made for other sets; then one false alarm class
# (a code whose next sentence says what it is for, `Use for the nurses' base door at
# Sandpiper Ward`), a code for trainees (an exclusion's words) and the writer's own key
# after a name they address (`Mum I'll be out the 14th, I've got my own key`) left 3.
# Set w (session 22, blind, a second author of the same worlds): 47/50, 0/51, the same.
# Set y (session 23, blind: memory services, empty homes after a death, landlords, visitors
# of faith groups, Traveller and boater health visitors): 74/87, 3/87 at the session's start
# and when first met. Session 23's classes from v, w and y (other languages' words for an
# unlocked or open door, a name with an accent, a code in digit words after a word naming it,
# a door off its catch) took w to 50/50 and u, h-m and j over the target.
# Set z (session 26, blind: delivery drivers, fire-service visits, night district nurses,
# discharge checklists, lettings and repairs, farms, students' and supported flats, phone
# texts, column forms; ten lines in other languages): 46/50, 2/50 at the session's start
# (256b2c6) and when first met (9426b92); 48/50, 0/50 after its classes were read in other
# words (`w`/`w/` for with, outbuildings called stores, a key kept for escape, someone coming
# to let the reader in); 49/50 with a lock box on a bin store's wall read as the homes'.
# A device fixed on a bin store's wall (session 26, after set z) took n over the target (its
# false alarm stays).
# set_aa (session 27: an author never shown phiscan; boats and Traveller sites, wardens' books,
# locksmiths, telecare, voice-to-text, pasted rows; 22 lines in other languages): 74/82, 4/82
# at the session's start (b9c807f) and when first met (5603492), below the target; 74/82,
# 2/82 after an old code said no longer working and a door to use were read as no way in.
# set_ab (session 28, blind: care WhatsApp groups, phone call-monitoring notes, Scottish and
# Welsh district nurses, welfare checks, family texts, OCR'd forms; 22 lines in other
# languages): 76/80, 6/80 at the start (9fb6d54) and when first met (25aa933): recall on
# target, false alarms not; 77/80, 2/80 after a refused keyholder, a key in a car seat or the
# home's own furniture, an old code's key box and an unsnibbed door; 78/80 with Punjabi's
# `left open` in Gurmukhi.
BELOW_TARGET = {"open/set_o.tsv", "open/set_p.tsv", "open/set_q.tsv",
                "open/set_r.tsv", "open/set_s.tsv", "open/set_t.tsv", "open/set_v.tsv",
                "open/set_y.tsv", "open/set_z.tsv", "open/set_aa.tsv"}


@pytest.mark.parametrize("name", sorted(HELD_OUT_COUNTS))
def test_held_out_set_rates(predict, name):
    result = measure(name, load_phrasings(HELD_OUT / name), predict)
    assert (result.positives.flagged, result.positives.total, result.near_misses.flagged,
            result.near_misses.total) == HELD_OUT_COUNTS[name]
    if name not in BELOW_TARGET:
        assert result.positives.flagged >= 0.95 * result.positives.total


def test_every_held_out_set_is_measured():
    assert sorted(path.relative_to(HELD_OUT).as_posix()
                  for path in HELD_OUT.glob("**/*.tsv")) == sorted(HELD_OUT_COUNTS)


@pytest.mark.parametrize("text", [
    "Key-safe no. 7 4 1 9", "keycode 0007 on side door",
    "the key is returned to the key safe and the code scrambled. Code 3321.",
    "C1234X is the keysafe code", "Door entry code *1990#", "code is 0007 for the back door",
])
def test_issue_examples_are_one_finding(text):
    assert len(default_recognizer().analyze(text, ["HOME_ACCESS"])) == 1


@pytest.mark.parametrize("text", [
    "key worker", "door code for the server room is 4821", "safe at reception",
    "key findings", "the keypad on the ward is 1234", "promo code 4821",
    "Diagnosis code 4019", "Do not leave the back door unlocked",
])
def test_issue_near_misses_are_not_found(text):
    assert default_recognizer().analyze(text, ["HOME_ACCESS"]) == []


# The kinds of writing set_d showed missing, each as a class (issue 14): a keyholder in
# free text (a relative, a neighbour, a shop, a pharmacy, a warden, a responder; `has the
# only other key`, `holds the spare`, `spare set with`, `key left at`), a new code after a
# change is announced, an access object described rather than named.
@pytest.mark.parametrize("text", [
    "Grandson has the only other key", "Neighbour opposite holds the spare",
    "Spare set with the couple at no. 3", "Key left at number 22 with Mrs Hoyle",
    "Spare key left with the pharmacy on Mill Road", "Keys with the Londis on the corner",
    "The warden has got a set", "Telecare responder keeps a key for emergencies",
    "Mrs Ward at 19 has a key", "Her friend from the library holds the spare",
    "KS code changed!!! new one 4 4 0 9", "key safe reset. Now 7 2 7 2",
    "code for the wooden box on the fence is 1 8 1 8", "The lock on the back gate is 9 4 0 2",
    "grey box left of the door - code 3 0 3 0", "the box by the porch opens with 6 2 6 2",
])
def test_kinds_set_d_showed_are_found(text):
    assert len(default_recognizer().analyze(text, ["HOME_ACCESS"])) == 1


@pytest.mark.parametrize("text", [
    "Staff keys held by the shift leader", "Office keyholders: Jan and Ali",
    "Key worker has a spare slot on Monday", "Warden holds the keys to the scheme office",
    "The pharmacy keeps the CD safe keys", "Son has lost his key, locksmith booked",
    "Neighbour no longer has a key", "Key left at reception for the GP",
    "Key safe to be fitted by the council, no code yet", "Spare set of pads with Mrs Hoyle",
    "Key safe code changed!! ask the office for the new one", "Key safe changed. Now 2 visits",
    "Code for the box of gloves is 4 4 1 9", "Lock on the bathroom door broken since 2019",
    "The lock on the office door is 2 2 1 1", "She has a spare room for her grandson",
])
def test_near_misses_of_those_kinds_are_not_found(text):
    assert default_recognizer().analyze(text, ["HOME_ACCESS"]) == []


# The classes writing from more services showed (issue 14, session 5), each as a class: a
# label naming the writer's service (`Pharmacy driver:`, `Stairlift:`) is no purpose; `in
# hospital` is where a person is; visitors of any service a door is left open for; a
# record's one-word field; an opening that has a code or a possessive state; a keyholder
# of any family word or trade, `they`, a key given to someone; Scots and Welsh words; a
# negation of what the person can do, or `if not`, negates no instruction.
@pytest.mark.parametrize("text", [
    "Pharmacy driver note: back gate code 1 2 1 2, meds through the back door",
    "Stairlift: customer's niece (Anna, 07700 900184) has keys and can meet you",
    "Stairlift engineer: tenant in hospital, keys in key safe, combo 2468",
    "Hospital at home: key hidden in the hedge by the gate, in a sandwich bag",
    "Meals on wheels: leave tray in kitchen, door open from 11.30 for the driver",
    "CRM: KeySafe=Y; KeySafeCode=5 3 8 8; KeySafeLocation=Garage wall",
    "CRM|ACCESS=KEY SAFE|KEY_SAFE_PIN: 9 1 8 2|LOC=REAR", "Gate: 8 8 0 2",
    "Meals: gate's got a code now - 4 0 4 0", "Scots note: the close door's 1 9 1 9",
    "Cleaner: if not the side door's open", "Dental: house unlocked, pt upstairs",
    "Key also held by the milkman, Dave", "Vicar at St John's holds a spare",
    "take meds to number 11, they have her key", "I've given a spare to Carol across the road",
    "Scottish: her neighbour across the landing has a set of her keys",
    "Befriender: just chap the door and go in", "Scots: the door's aye open",
    "Scottish: key's under the big stane",
    "Welsh client: key's in the coal cwtch by the back door, under the bucket",
    "PTS: pt can't stand to answer door, door will be left unlocked from 8am for crew",
    "Mr P leaves the key in the outside of the lock for us",
    "Hospital at home: spare key in the small safe behind the wheelie bin, code 4512",
    "the box by the gate has the key - 2 6 2 6",
    "Text from granddaughter: Gran's box code is 0 9 0 9",
    "Cleaner's book: alarm - put in 1 2 0 8 within 30 seconds",
    "Controlled entry to the close, use code 4418",
    "Repairs: tenant's keysafe combination given over the phone: 3 1 4 1",
    "Scots: key's ahint the rone pipe at the back door",
    "Hospital at home: front door left unlatched for the team from 7pm",
    "Live-in carer: if the alarm goes off, the code is 6 6 3 0",
    "Key safe at 4 Church Street, code 1234",
])
def test_kinds_wider_services_showed_are_found(text):
    assert len(default_recognizer().analyze(text, ["HOME_ACCESS"])) == 1


@pytest.mark.parametrize("text", [
    "PTS crew: ambulance station door code changed to 4471 from Monday",
    "Vehicle keys for PTS 14 are in the key safe at the station, code 2290",
    "PTS: vehicle 22 keys are in the key box at Bank Street station, code 2 0 0 2",
    "Dental: the mobile dental van has a keypad, code 1 8 1 8",
    "Pharmacy delivery driver: van alarm code 1 1 8 8",
    "Hospital at home: drugs box combination 4 4 0 4, keep in the boot",
    "Hospital at home: the treatment bag has a combination lock, 5 5 5",
    "MOW: fridge padlock at the kitchen is 552",
    "Night sitter: there's a padlock on the shed, code unknown, not needed",
    "Council housing: garage block padlock code 5 1 5 for the housing team only",
    "Engineer to access the plant room on level -1, code 5522",
    "Keys being cut at Timpson's on Friday, original returned to Mrs Black",
    "Cleaner's book: her old house keys are in the kitchen drawer",
    "Repairs: fit keysafe - job raised 12334, code will be set by tenant",
    "Ambulance: pt locked out, crew called locksmith, no key holder",
    "Cleaner's book: the cellar door key is on the hook in the kitchen",
    "Cleaner's book: she keeps the key to the garden shed on the kitchen hook",
    "Stairlift: the key switch on the carriage must be on, key is kept on the chair arm",
    "Electricity meter in the communal cupboard, meter key with the caretaker",
    "Live-in carer: the windows have locks, the keys are on the kitchen windowsill",
    "Befriender: she talked about when everyone left their doors unlocked in the 60s",
    "Befriender: the scheme lounge door code is 9 1 1 9, for volunteers",
    "Podiatry: clinic at Brook St, door code 1 2 2 1 for visiting staff",
    "CRM: KEY_SAFE_CODE: [withheld - ask coordinator]",
    "Scots: the bin shed padlock is 1 9 1, the cooncil changed it",
    "Cleaner's book: the key to the shed is on the windowsill inside, for the mower",
    "PTS: station garage door code 5 0 0 5", "UCR: the team car's key box at base, code 6 2 6 2",
    "Stairlift installer: customer's key fob for the car was found under the chair",
    "Night sitter: agency building door code 1 8 8 1", "Church hall key safe 1234",
])
def test_near_misses_of_wider_services_are_not_found(text):
    assert default_recognizer().analyze(text, ["HOME_ACCESS"]) == []


# The classes set_f showed (issue 14, session 6), each in shapes of its own: an
# abbreviation and its place before spaced digits (a word after the code's comma starts a
# new piece, no purpose of it), typos stacked on the object and the code word, a code said
# to be the same as another, a keyholder by name and place or named after the key, a spare
# collected from someone, a key in something tied to or hung on a place; the person
# letting the visitor in herself and a request not to leave a door open are near misses.
@pytest.mark.parametrize("text", [
    "Son rang to confirm: KS back door 2 2 8 1, pendant worn", "k/s by garage 4 4 0 2",
    "keesafe cde 4 0 4 0 on the wall by the bins", "kee-safe c0de 7 7 1 0",
    "k3y safe c0de 5 1 5 1", "Gate code 4412 - the key safe is the same",
    "Panel in the porch 3 3 0 1 to turn off the alarm, keysafe uses the same number",
    "Doreen at 14 keeps a key and will open up if she doesn't answer",
    "Collect the spare from the Spar on Holt Road, the owner keeps it for him",
    "Spare? her sister keeps it, lives at number 8", "Get the spare off Bernie at 31",
    "Key in a little pouch tied to the drainpipe round the back",
    "key's in a bag clipped to the washing line post", "Key in an old sock tied to the back gate",
    "Family have asked us to leave the back door on the latch for the tea call",
])
def test_kinds_set_f_showed_are_found(text):
    assert len(default_recognizer().analyze(text, ["HOME_ACCESS"])) == 1


@pytest.mark.parametrize("text", [
    "kee safe cde not known, ask the coordinator",
    "Staff room code 4411, the key cupboard is the same",
    "Office door 2 2 0 0 and the key safe at base is the same",
    "Pat across the road keeps an eye on him", "The Co-op manager keeps the till keys",
    "Pick up the spare battery for the hearing aid from the chemist",
    "Her nephew keeps a key diary of her appointments",
    "Car keys in a tin tied to the hook in the office",
    "Family msg: we've taken the spare key back off the neighbour now",
    "Knock loudly and wait, she will let you in", "Buzz flat 4 and wait for her to let you in",
    "She likes to let us in herself, give her time to get to the door",
    "Asked us not to leave the door on the latch any more after last time",
    "Please stop leaving the door on the snib, daughter has complained",
    "No more leaving the door on the latch per son",
])
def test_near_misses_of_set_f_kinds_are_not_found(text):
    assert default_recognizer().analyze(text, ["HOME_ACCESS"]) == []


# The classes writing from still more services, records, handwriting and dialect showed
# (issue 14, session 6, batches B and C): a digit read for a letter inside a word (`k3y`,
# `c0de`, `p0t`), `safe` broken by a space, `c` for `e`; an opening said to be open, then
# go in (`back door open, come round`); Geordie `gan in` and `nivver locked`; boats' and
# caravans' places (`fender locker`, `gas bottle cover`). Near misses: keys kept to get out
# in a fire, a kit's lock box, an imperative `and keep the key`, a key being turned, pest
# control's bait boxes, places of worship, a barn's or a tow hitch's lock, a park's
# clubhouse, an engine's key.
@pytest.mark.parametrize("text", [
    "k3y safe by frnt door c0de 5 9 9 5", "key sa fe 7 1 7 1 left of door",
    "kcy safe code 3 3 6 6 by back door", "k3y under the p0t by the back step",
    "Welsh: drws cefn ar agor / back door open, come round",
    "Geordie: the back door's nivvor locked, pet", "Geordie: divn't knock, just gan in",
    "Houseboat: key in the fender locker at the stern",
    "Park home: spare key under the gas bottle cover at the side",
    "Narrowboat 'Kestrel', moored at Lock 14: padlock on the hatch is 3 8 1",
    "KS: 3 8 2 9 - Loc: back porch", "ACCESS|KEYSAFE|CODE 7 2 7 2|LOCATION FRONT WALL",
    "How do we get in if you don't answer? My neighbour Gwen at no 5 has a key",
    "OCR: lo ck box by fr0nt d00r 1 6 1 6", "Scots: the entry's 4 3 4 3, she's 3 up right",
    "Scots: gie the door a shove, it's no locked", "Geordie: her lass across the road has a key",
    "Hospice at home: key in a magnetic box stuck under the wheelie bin lid",
    "Static caravan: barrier code 5 1 1 5, then van 31",
    "Hospice night nursing: KEY SAFE 7 4 4 7 RHS OF FRONT DOOR. DOG IN KITCHEN.",
    "Meter reading: customer's neighbour at 9 keeps a key for meter readers",
    "OCR: KEYSAF3 C0DE 1 3 3 1", "Boat: key in the tin on the roof by the chimney",
])
def test_kinds_more_services_and_records_showed_are_found(text):
    assert len(default_recognizer().analyze(text, ["HOME_ACCESS"])) == 1


@pytest.mark.parametrize("text", [
    "Safe and Well visit: advised on keeping keys by the door in case of fire",
    "Hospice at home: syringe driver lockbox code 4 0 0 4, keys to be kept by the nurse",
    "Night sitter: please lock the back door after the family leave and keep the key on the hook",
    "OT visit: client struggles to turn the key in the front door lock, key turner ordered",
    "Pest control: bait box by the bins, tamper-proof key kept by the technician",
    "Community visitor: the mosque hall key is kept by the caretaker",
    "West Country: the barn padlock is 4 4 1, farm use only",
    "Park home: residents' clubhouse door code 2 5 2 5",
    "Houseboat: the engine key is kept in the fender locker",
    "Caravan: tow hitch lock code 5 5 0, for the caravan when towing",
    "k3y worker to ring on Monday", "c0de for the tablet is 1 1 2 2 (her iPad)",
    "Handwritten (scanned): 0FFICE D00R C0DE 8 1 1 8",
    "Txt: door's open on the shed, can you shut it on your way out x",
    "Safeguarding: key concern is financial abuse by the key holder of her bank card",
    "Hospice at home: magnetic key holder for the drugs box, kept by the nurse",
    "Reablement: pt is now able to let herself in and out with her own key",
    "Hospice night nursing: CD BOX CODE 7 4 4 7, KEEP WITH NOTES",
    "Key for the gas meter cupboard is with the caretaker",
])
def test_near_misses_of_more_services_and_records_are_not_found(text):
    assert default_recognizer().analyze(text, ["HOME_ACCESS"]) == []


# What a lock, key or code is for, resolved from its owner (issue 14, session 7: set_g's
# false alarms and dev batch G): the owner word nearest to the match in its clause (a
# record's line before it) decides, a home's or a person's own keeping it, a workplace's,
# school's, holiday let's, vehicle's, kit's, medicines box's, firm's or safe's dropping it
# (`recognizers/data/home_access_owners.txt`, with the exclusions file's places); `KS` in a
# clinical history is a diagnosis.
@pytest.mark.parametrize("text", [
    "Custody suite door code changes to 8 1 4 2 on Monday",
    "Station 9 crew room side door code changes to 5 5 1 0 on Friday, not for visitors",
    "16 Oct | Ward 9 (Harbour) | visiting 2-8pm | door code 2190 for relatives",
    "site=depot; gate_code=4545; updated_by=admin", "rec 77; loc=office; door_code=6112; 03/11",
    "Health visitor: baby clinic at the children's centre, door code 4 2 4 2 for parents",
    "Home treatment team: interview room 2 at the CMHT has a keypad, 3 9 3 9",
    "Anticipatory medicines: the just-in-case box on the dresser has a combination, 2 0 5",
    "Podiatry: instruments are in the locked case, combination 3 3 1",
    "Dialysis engineer: the machine's service panel key is kept in the spares box in the garage",
    "Hoist battery charger key is on the hook inside the garage",
    "Deputyship: the will is in the firm's safe, combination 1 7 3 9, held by the senior partner",
    "Deputyship: deed box and safe deposit box key held by the bank",
    "Rodent bait stations locked, key with the contractor",
    "Holiday cottage booking: key safe by the front door, code 6 6 1 2 is sent when you arrive",
    "Viewing keys for 14 Oak Way are in the key safe at the branch, code 2 9 2 9",
    "Pet fostering: kennel block padlock at the rescue centre is 8 0 8",
    "White Watch: appliance bay door code 3 4 3 4 from today",
    "PMH: KS 2011, HIV on ART, hep B", "Hx: HIV (dx 2009), KS 2014 in remission, CD4 stable",
])
def test_what_a_lock_is_for_drops_other_owners(text):
    assert default_recognizer().analyze(text, ["HOME_ACCESS"]) == []


@pytest.mark.parametrize("text", [
    "rec 5512; loc=flat 3; door_code=2290; updated_by=admin",
    "Extra care scheme, flat 23: fob for the main door, flat door keypad 5 8 5 8",
    "HMO: Daniel is room 4 at the top, his room door has a code lock, 7 0 7 0",
    "Sheltered housing: warden off today, Mrs Tate's door has a keysafe, 3 1 1 3",
    "she's at the day centre on Tuesdays so the key safe 4 4 1 2 by the door is how you get in",
    "Pt goes to school in the mornings, door code 2 5 2 5",
    "Ambulance notes: CAD says KS code 2 7 2 7 - confirmed with caller",
    "Virtual ward obs: husband out at work, combination for the keysafe is 2 9 9 1",
    "Stairlift service sheet: Access - keysafe (4 7 8 0) at the side of the bay window",
    "Church visitor: she says come in the side door, it's always open, and give a shout",
    "Neighbour at no. 14 (Mr Pryce) holds a key for Mrs Ward, ring him if no answer",
    "Spare key is with the warden, ask at the scheme office",
    "Alarm - disarm with 1 2 1 2 on the panel inside the front door",
    "D2A: family fitting a key safe, code will be 1 5 6 3 (confirmed by son on the ward today)",
])
def test_what_a_lock_is_for_keeps_a_home_or_no_owner(text):
    assert len(default_recognizer().analyze(text, ["HOME_ACCESS"])) == 1


# set_g's missed classes (issue 14, session 7), each in shapes of its own: a push-button
# box told by its look with its numbers in words or read out after a short clause, a key on
# a hook inside an outbuilding told in a relative clause, a door left open for a visitor by
# someone who won't be in, a lock that is broken and how to force it, Welsh
# (`home_access_welsh.txt`).
@pytest.mark.parametrize("text", [
    "Gran has one of those silver boxes with push buttons next to the back door, the numbers "
    "are one, five, five and eight",
    "The box on the wall by her porch is the push-button sort, clear it first then it's "
    "seven, two, two, zero",
    "There's a push-button box by the garage. Press C first. The numbers are 4, 1, 1 and 7.",
    "Neighbour says the spare key, which he put there himself last winter, is on a hook "
    "inside the summerhouse",
    "The tenant won't be home but says the back door will be left open for the engineer",
    "The back door lock has been broken for months, give it a good push with your hip and "
    "you're in",
    "Front door won't lock since the storm, the Yale's bust, just lean on it and it opens",
    "Blwch allweddi ar y wal, cod 4 7 4 7", "Mae'r allwedd sbâr o dan y pot blodau",
    "Traveller site, pitch 6: the trailer door is left open for the nurse, dogs are chained",
])
def test_kinds_set_g_missed_are_found(text):
    assert len(default_recognizer().analyze(text, ["HOME_ACCESS"])) == 1


@pytest.mark.parametrize("text", [
    "The shed door doesn't shut properly, give it a good push",
    "The fridge door won't close, give it a shove and it clicks",
    "Office front door won't lock, give it a shove and you're in",
    "Key safe fitted by the council, steps 1, 2 and 3 are done",
    "Push-button box on the wall at the office is 4 4 1 2",
    "Blwch allweddi y swyddfa (office), cod 2 2 3 3", "Mae'r allwedd yn y car",
    "She won't be in on Friday, do not leave the door unlocked",
])
def test_near_misses_of_set_g_missed_kinds_are_not_found(text):
    assert default_recognizer().analyze(text, ["HOME_ACCESS"]) == []


def test_kinds_of_the_new_classes():
    def kinds_of(text: str) -> list[str]:
        [result] = default_recognizer().analyze(text, ["HOME_ACCESS"])
        return result.recognition_metadata["access_kinds"]
    assert kinds_of("Mae'r allwedd sbâr o dan y pot blodau") == ["hidden_key"]
    assert kinds_of("Front door won't lock, just lean on it and it opens") == ["left_open"]
    assert kinds_of("Push-button box by the porch. Press clear first. The numbers are 2, 9, 4 "
                    "and 6.") == ["code"]


# Batch I (issue 14, session 7): what is the home's said after the match comes first (`holds
# a key to her house`), a customer's or a named person's own way in is a home's owner
# (`Mum's smart lock`; not `Mum's suitcase`), smart locks, a chalet's state.
@pytest.mark.parametrize("text", [
    "Nest app: Mum's smart lock has a guest code for carers, 8 2 8 2, works 7am-10pm",
    "Traveller site plot 4: Mrs Price says the chalet's never locked, just go in and shout",
    "Wheelchair repair: customer's front door code is 2 1 0 9 (sheltered block), chair in hall",
    "Delayed at the hospital, her brother Keith holds a key to her house",
])
def test_kinds_batch_i_showed_are_found(text):
    assert len(default_recognizer().analyze(text, ["HOME_ACCESS"])) == 1


@pytest.mark.parametrize("text", [
    "Traveller site: the site's amenity block is locked at night, warden has the key",
    "Wheelchair service: the repair workshop's roller door code is 2 1 0 9",
    "Podiatrist: my instrument case combination is 4 1 0, don't tell students",
    "Befriender: the charity shop's key safe at the back is 4 4 2 9",
    "Mum's suitcase has a combination lock, 0 0 0", "Code for the lock on her suitcase is 0 0 0 0",
    "Her brother Keith holds a key to the office",
])
def test_near_misses_batch_i_showed_are_not_found(text):
    assert default_recognizer().analyze(text, ["HOME_ACCESS"]) == []


# set_h's false-alarm classes (issue 14, session 8), each in shapes of its own: a lock whose
# owner is no home (a medicine named before it, a case, a skip, a parcel box, a hospital's
# side room, a team room), a message to a holiday guest anywhere on its line, advice not to
# leave or hide a key, a device still to be fitted with no code, a lock said to hold no key.
@pytest.mark.parametrize("text", [
    "HTT: olanzapine stored in a lock box under the bed, combination 4 4 0",
    "Community pharmacy: methadone kept in the keysafe-style box, code 9 1 9 1",
    "Physio: the TENS machine carry case padlock is 3 0 3",
    "Clearance crew: skip padlock 5-5-1 (the hire firm's), leave it locked",
    "Porch: parcel locker code 2 7 7 1, for the courier",
    "Ward round list | Bed 12 | Mr Hale | side room door code 6060 | family visiting",
    "Welcome! Key box by the door, code 3 1 3 1. Enjoy your stay",
    "Lockbox 7 2 7 2 at the side gate; check out by 11 please, leave keys inside",
    "Burglary advice: don't hide a key under the mat, burglars look there first",
    "Advised her against leaving a spare key in the meter box",
    "Son is fitting a key safe by the back door next week, code to follow",
    "The key safe on the wall (code 1 9 1 9) is empty now",
    "Parcel drop box by the step, combination 4 4 8, no keys in it",
    "Air bnb: hello! Lock box left of the porch, 5 5 9 0. Checkout is 11",
    "Spare key safe in the shed, empty since March",
])
def test_set_h_false_alarm_classes_are_not_found(text):
    assert default_recognizer().analyze(text, ["HOME_ACCESS"]) == []


@pytest.mark.parametrize("text", [
    "Meds prompt only; key safe by the front door, code 4 4 0 9",
    "Blister packs in the kitchen | KS 2 2 6 1 by back door",
    "If the key safe is empty there is a spare behind the drainpipe",
    "Key safe fitted last week by the front door, code 8 1 8 1",
    "Don't knock, the key is under the mat",
    "No key safe - key is left in the meter cupboard",
    "Her key safe's on the wall by the bins, code 3 0 4 4, her fridge is empty",
    "Letting agent repair ticket: tenant at work, key safe by the bins, code 6 1 1 6",
    "Insulin pens in the fridge and the key safe by the door, code 4 1 4 1",
    "Use the key safe 4 4 5 5 when the flat is empty",
    "KS by the back door 2 2 1 9, family visiting next week",
])
def test_near_those_classes_a_home_is_still_found(text):
    assert len(default_recognizer().analyze(text, ["HOME_ACCESS"])) == 1


# Damaged text (issue 14, session 8): two damaged words in one phrase, `y` read `v`, and
# speech-to-text (`keys safe`, `key's safe`, `for`/`to` heard inside a spoken code), read by
# the OCR reading (recognizers/ocr_reading.py) before the grammar.
@pytest.mark.parametrize("text", [
    "Scanned slip: Ke y Saf e by fron t door - 3 3 9 0",
    "OCR: spare kev und er the mat",
    "Dictated: the keys safe code is two five for one",
    "Voice note: the key's safe code is one six to nine",
])
def test_damaged_and_dictated_text_is_found(text):
    assert len(default_recognizer().analyze(text, ["HOME_ACCESS"])) == 1


@pytest.mark.parametrize("text", [
    "Dictated: keep the keys safe when you go out, code for the gym is five",
    "Key safe fitted; one to one support two to three times a week",
    "OCR: kev worker und er review",
])
def test_damaged_and_dictated_near_misses_are_not_found(text):
    assert default_recognizer().analyze(text, ["HOME_ACCESS"]) == []


# Set_h's classes said in other words (issue 14, session 8, dev batch L): who has a key in any
# words (a person or relation, a verb of holding, a key, in one clause), an opening said open
# or openable then going in, a key in any named thing placed at the home, a code given for a
# box by its number or in a later field of its record, `for` read as four in a spoken run.
SAID_IN_OTHER_WORDS = [
    ("mum says if baby's asleep don't knock, side door will be unlocked, come through",
     ["left_open"]),
    ("Gary's mum's got a spare key if we can't get an answer, she's only round the corner",
     ["key_holder"]),
    ("grandparents Ron & Val Ashworth (07700 900855) have keys, live 2 doors down",
     ["key_holder"]),
    ("brother (7 Dean Rd) has agreed to let us use his key on Thursday", ["key_holder"]),
    ("Mrs Begum at number 22 looks after his spare key", ["key_holder"]),
    ("son Mark lives at 5 Elm Row and has keys if no answer", ["key_holder"]),
    ("3 keys cut - 1 to officer, 1 through letterbox, 1 left with neighbour Mr Latham at no.17",
     ["key_holder"]),
    ("I've got a key for Stan's if you need it", ["key_holder"]),
    ("Form: Who else has keys? - My brother Alan, lives at 14 Park Rd", ["key_holder"]),
    ("side hatch bolt can be slid from outside, go in, he's usually in bed", ["left_open"]),
    ("the chalet door only has a hook-and-eye, lift it and come in", ["left_open"]),
    ("porch door is never bolted, just turn the handle and come in quietly", ["left_open"]),
    ("the gate and front door will both be open from 9, come on through", ["left_open"]),
    ("he leaves the key in the gnome by the front step", ["hidden_key"]),
    ("key in the lantern to the left of the decking steps", ["hidden_key"]),
    ("so if the nurse comes the number for the box is two five eight zero", ["code"]),
    ("Speech-to-text: key safe number is for seven one for, it's by the back door", ["code"]),
    ("Access: key box rear wall | Notes: pt very deaf, don't bother knocking | Code: 8160",
     ["code"]),
    ("client=R Moss access=key_safe loc=porch pets=cat code=4 4 1 9", ["code"]),
    # a depot injection is a dose, a library's visit a service (batch M)
    ("CPN: if he doesn't answer for his depot we can get the key from his brother in flat 3",
     ["key_holder"]),
    ("Home library service: spare key under the boot scraper if she's out", ["hidden_key"]),
]


@pytest.mark.parametrize(("text", "kinds"), SAID_IN_OTHER_WORDS)
def test_classes_said_in_other_words_are_found_with_their_kinds(text, kinds):
    [result] = default_recognizer().analyze(text, ["HOME_ACCESS"])
    assert result.recognition_metadata["access_kinds"] == kinds


@pytest.mark.parametrize("text", [
    "Her brother Femi has the key to the allotment shed", "Her son has the car keys",
    "I've got a key for Stan's car", "Who has a key? Nobody, family all abroad",
    "the warden has agreed to let us use the office key",
    "Loft hatch is open, come up the ladder carefully",
    "Clinic door is never locked in hours, walk straight in to reception",
    "Medicine cabinet: the key is kept in the teapot on the dresser",
    "Lockers: the key is in the plant pot left of the staff room door",
    "Clinic: the keypad code for the treatment room is two five eight zero",
    "Dictated: her phone PIN is for three for one, she asked us to check her texts",
    "Phone number for the box office is oh one two three four five",
    "Site: Riverside Clinic | Access: key box by staff entrance | Code: 8160",
    "site=depot access_type=key_safe location=gate code=2 2 1 9",
    "Bus depot: drivers' key safe by the canteen, code 5 5 1 2",
    "Library: the staff room door code is 2 2 0 9",
    "Never leave the door on the latch", "Do not, repeat not, leave the door on the latch",
])
def test_near_misses_of_those_classes_are_not_found(text):
    assert default_recognizer().analyze(text, ["HOME_ACCESS"]) == []


# Whose place a lock, key or code opens (issue 14, session 9, dev batches P and Q): premises
# that are no one's home (storage, a lock-up, clubs, halls, places of worship, a community
# garden), a home no one lives in (void, between tenants, vacant, a show home, probate), a
# stay booked or rented, a key in a part of a vehicle; and, close to them, the homes a
# resident is named in or a negation keeps (`not void`, `not at the house`).
@pytest.mark.parametrize("text", [
    "Mum's boxes are in self-storage at the retail park, unit 40, padlock 5 5 1 8",
    "He keeps his bike in a lock-up behind the shops (not at the flat), padlock 7 2 7 2",
    "Storage unit 9: combination 1-4-4-1, Mr Hart's papers are in the grey trunk",
    "The bowls club door code is 3 0 3 0, Dad plays on Thursdays",
    "Members' entrance round the back of the Legion, keypad 6 1 6 1",
    "Gurdwara kitchen: side door code 4 2 4 2 for sewa volunteers",
    "Community garden polytunnel padlock 9 1 9 1",
    "Void: 5 Alder Close, between tenancies, key safe by the porch 2 0 2 0",
    "{\"status\":\"void\",\"unit\":\"Flat 7, Rowan House\",\"keysafe\":\"8 8 2 2\"}",
    "The house has been vacant since probate, agent's key box code 6 0 6 0",
    "Show flat 2: keypad code 1 9 2 8#, sales team on site",
    "We've booked a cottage in Whitby for Dad's birthday, the key box code is 4 1 1 4",
    "Guest house booked for the funeral: key box by the door, 3 3 7 7",
    "His van's spare key is under the sun visor",
    "Spare key's on top of the wheel arch of the Corsa",
    "Customer locked out of his van, spare key in the kitchen drawer at home",
    "Scouts at St Peter's: hall door code 5 1 5 1",
    # batch R: a store with a lock of its own, a vehicle's door, a bin store, a hall's key,
    # a guest's apartment
    "The chest freezer for her meals has a padlock, combination 4 0 0 4",
    "Physio van door code 8 1 8 1",
    "The bin store at Ash Court is padlocked, combination 3 2 3 2",
    "The hall key is with Brenda at the paper shop",
    "Your cottage: key box left of the door, code 2 6 2 6. Enjoy!",
])
def test_locks_of_places_that_are_no_ones_home_are_not_found(text):
    assert default_recognizer().analyze(text, ["HOME_ACCESS"]) == []


@pytest.mark.parametrize(("text", "kinds"), [
    ("Tenant's flat (not void, Ms Ray moved in Monday): key safe 4 7 0 1", ["code"]),
    ("Mr Lyle's house, not the empty one next door: key under the blue pot", ["hidden_key"]),
    ("Church visitor: spare key under the boot scraper", ["hidden_key"]),
    ("Parish visitor: her neighbour at no 6 has a key", ["key_holder"]),
    ("Mosque befriending: Mr Ali's key safe is 2 9 0 3, left of the door", ["code"]),
    ("Flat 2, 9 Ash Grove: key safe by the door, code 5 2 5 2", ["code"]),
])
def test_homes_close_to_those_places_are_found_with_their_kinds(text, kinds):
    [result] = default_recognizer().analyze(text, ["HOME_ACCESS"])
    assert result.recognition_metadata["access_kinds"] == kinds


# What a lock belongs to (issue 14, session 10, dev batches T and V): a trade's or a
# service's premises and its rooms, a centre, a saint's church or school, an appliance or a
# medical device, a container that holds no house key, a hospital's side room or a ward (in
# Polish too), a place named earlier in the sentence than the lock's own clause, and a
# sentence saying there is no spare (whoever it names with a key is the resident, or was).
@pytest.mark.parametrize("text", [
    "Visiting hairdresser: the salon's back door key is under the mat for Tracey on Sundays",
    "Emergency plumber: stopcock key is in the meter cupboard under the stairs",
    "HPN pump keypad lock code 0 1 2 3 - ring the homecare nurse if alarming",
    "Enteral feed pump - keypad lock 1 1 2 2, family must not unlock it",
    "Place of safety at Hillside: the key cabinet code is 1 7 3 9",
    "Section 136 suite door code 8 0 8 0 - AMHP to ring from the airlock",
    "Young carers group: the youth centre key is with Shona, alarm code 3 6 1 2",
    "AMHP base at the civic centre: key safe for the pool phones 7 8 7 8",
    "Befriending coffee morning at St Mark's hall - key from the verger, alarm code 8 2 2 1",
    "Autism outreach group meets at St Anne's on Weds - side door key from the caretaker, "
    "alarm 4 0 1 9",
    "Vaccine fridge at Elm Surgery: key is in the desk drawer; corridor door code 7 1 9",
    "Handover WB: Side rm 4 - door code 2255 - barrier nursing",
    "Tata na oddziale 7 kod do drzwi 1 4 7 2 for visitors after 8pm",
    "Mandir ni chavi is with Kantaben, hall alarm 7 2 7 2",
    "Lock-up at the back o' the shops, the padlock's 2 4 2 4",
    "Refuge: kitchen cupboards have padlocks, each woman has her own key",
    "Locks changed after the break-in; only Miss Dunne has keys now, there is no spare",
    "Keys were with the neighbour at 4 but she moved away - no spare now, ring the bell",
    # batch W: a day service's building, a coach, a staff bedroom, a children's contact centre
    "<site name=\"Beech House Day Services\"><door code=\"7 0 7 0\"/></site>",
    "Young carers' trip: coach driver's lockbox for the coach keys, 5 5 8 8",
    "Sleep-in room at the scheme: the staff bedroom door code is 2 2 0 0",
    "Kinship: the contact centre's door code is 3 3 1 0, Nan to bring the kids at 10",
])
def test_locks_of_things_that_are_no_home_are_not_found(text):
    assert default_recognizer().analyze(text, ["HOME_ACCESS"]) == []


@pytest.mark.parametrize(("text", "kinds"), [
    ("Night staff: Callum's flat is next to the office; his door code is 3071", ["code"]),
    ("Stroke ESD: wife is still on the ward; her nephew Darren two doors up has got a key",
     ["key_holder"]),
    ("Pet foster collection: Mr Dale's in the ward, his neighbour gave us the key safe code "
     "4 4 3 7", ["code"]),
    ("Autism outreach: Kyle's flat at St Anne's Court - his key safe is 5 0 5 0 by the door",
     ["code"]),
    ("St Mark's vicar holds a spare key to Mrs Amos's bungalow", ["key_holder"]),
    ("Sanctuary: locks changed, new spare key with her sister Farhia at 22 Elm Rd, ex has none",
     ["key_holder"]),
    ("Call centre: caller confirms the warden has a key", ["key_holder"]),
    ("Sleep-in support at Mr Fry's own flat: his door code is 2 2 0 0", ["code"]),
    ("Lives in the old coach house behind the hall: key safe 6 1 6 1 by the door", ["code"]),
])
def test_homes_close_to_those_things_are_found_with_their_kinds(text, kinds):
    [result] = default_recognizer().analyze(text, ["HOME_ACCESS"])
    assert result.recognition_metadata["access_kinds"] == kinds


def test_a_negation_is_read_in_its_own_piece():
    """`don't knock, side door will be unlocked` negates the knock, not the door."""
    assert default_recognizer().analyze("don't knock, side door will be unlocked",
                                          ["HOME_ACCESS"]) != []
    assert default_recognizer().analyze("please don't leave the side door unlocked",
                                          ["HOME_ACCESS"]) == []


def test_an_organisation_adds_owners_by_class(tmp_path):
    text = "bingo hall side door code 4 4 2 1"
    assert len(default_recognizer().analyze(text, ["HOME_ACCESS"])) == 1
    (tmp_path / "home_access_owners.txt").write_text("[workplace]\nbingo hall\n")
    assert HomeAccessRecognizer(vocabulary_dirs=[tmp_path]).analyze(text, ["HOME_ACCESS"]) == []


def test_a_digit_read_for_a_letter_keeps_every_offset():
    text = "Note: k3y safe c0de 5 9 9 5 by the p0rch"
    assert len(read_through_ocr(text)) == len(text)
    assert read_through_ocr(text) == "Note: key safe code 5 9 9 5 by the porch"
    assert read_through_ocr("C1234X, 3rd floor, A0") == "C1234X, 3rd floor, A0"
    assert read_through_ocr("fr0nt d00r") == "front door"


def test_reach_and_purposes_are_tuned_through_the_constructor():
    far = "Key safe is round the side past the bins, code 4821"
    assert HomeAccessRecognizer(clause_reach=20).analyze(
        "Key safe code 4821", ["HOME_ACCESS"]) != []
    assert HomeAccessRecognizer(clause_reach=20).analyze(far, ["HOME_ACCESS"]) == []
    assert default_recognizer().analyze(far, ["HOME_ACCESS"]) != []
    marina = "Gate code 4821 for the marina"
    assert default_recognizer().analyze(marina, ["HOME_ACCESS"]) != []
    assert HomeAccessRecognizer(exclusions=["marina"]).analyze(marina, ["HOME_ACCESS"]) == []


def test_a_scan_of_the_dev_notes_reports_them_masked(tmp_path):
    """Every positive note through the CLI: one HOME_ACCESS location each, and no code
    anywhere in the output or the console."""
    share, out = tmp_path / "share", tmp_path / "out"
    share.mkdir()
    positives = [p for p in DEV_PHRASINGS if p.positive]
    for index, phrasing in enumerate(positives):
        # named in letters: a file name's digits could be read as a leaked code
        name = "".join("abcdefghij"[int(digit)] for digit in f"{index:04d}")
        (share / f"note-{name}.txt").write_text(phrasing.text + "\n", encoding="utf-8")
    result = run_cli("scan", str(share), "--out", str(out), "--workers", "1")
    assert result.returncode == 0, result.stderr[-2000:]
    with sqlite3.connect(out / "inventory.sqlite") as db:
        flagged = {Path(row[0]).name for row in db.execute(
            "SELECT DISTINCT l.location FROM findings f JOIN locations l ON l.id = f.location_id"
            " WHERE f.entity_type = 'HOME_ACCESS'")}
        previews = [row[0] for row in db.execute(
            "SELECT masked FROM findings WHERE entity_type = 'HOME_ACCESS'")]
    statuses = {json.loads(line)["status"]
                for line in (out / "files.jsonl").read_text().splitlines()}
    assert statuses == {"scanned"}, statuses
    assert len(flagged) == len(positives) - DEV_MISSED
    assert not [preview for preview in previews if any(c.isdigit() for c in preview)]
    # The log counts files and findings (its progress lines as the scan goes, so they vary
    # from run to run) and stamps the time, the summary counts findings and times the run:
    # a code equal to one of those numbers (`"HOME_ACCESS": 1199`, `1331 findings`) or to
    # digits of that time (`"seconds": 21.1007`) is no leak.
    # files.jsonl gives each file's size, characters and modification time, and its
    # path holds pytest's numbered folder, and phiscan.lock the scan's process id: a code
    # among those digits is no leak either.
    summary = json.loads((out / "summary.json").read_text())
    rows = [json.loads(line) for line in (out / "files.jsonl").read_text().splitlines()]
    lock = out / "phiscan.lock"
    metadata = " ".join([str(summary["run"]["seconds"]), str(tmp_path),
                         lock.read_text(errors="replace") if lock.exists() else "",
                         *(str(value) for row in rows for value in _scalars(row)
                           if isinstance(value, int | float))])
    counts = {str(len(positives)), *(str(value) for value in _numbers(summary)),
              *regex.findall(r"\d+", (out / "phiscan.log").read_text())}
    codes = sorted({code for p in positives for code in _codes(p.text)
                    if regex.sub(r"\D", "", code) not in counts
                    and regex.sub(r"\D", "", code) not in metadata})
    assert len(codes) > 50
    console = tmp_path / "console"
    console.mkdir()
    (console / "output.txt").write_text(result.stdout + result.stderr)
    assert_no_raw_values(out, codes)
    assert_no_raw_values(console, codes)


def _numbers(value) -> list[int]:
    """Every whole number in a JSON value (the summary's counts)."""
    if isinstance(value, dict):
        return [number for item in value.values() for number in _numbers(item)]
    if isinstance(value, list):
        return [number for item in value for number in _numbers(item)]
    return [value] if isinstance(value, int) and not isinstance(value, bool) else []


def _scalars(value) -> list[object]:
    """Every number or string in a JSON value, bar its keys."""
    if isinstance(value, dict):
        return [scalar for item in value.values() for scalar in _scalars(item)]
    if isinstance(value, list):
        return [scalar for item in value for scalar in _scalars(item)]
    return [] if isinstance(value, bool) else [value]


def _codes(text: str) -> list[str]:
    return [match.group() for match in regex.finditer(CODE, text)]


# Set_i's missed classes (issue 14, session 9, dev batch N), each in words of its own: a key
# held, kept or lodged at a place that keeps keys, dialect and other languages' words, a box
# named by its code, an opening said padlocked, where someone comes back from, and someone
# named who has the spare.
@pytest.mark.parametrize(("text", "kinds"), [
    ("Mrs Kaur's keys are kept at the sheltered scheme office, ask for Deb", ["key_holder"]),
    ("one set of keys to his flat lodged with the Spar on Hill St", ["key_holder"]),
    ("spare key for her bungalow held at the site office by the entrance", ["key_holder"]),
    ("Spare key's wiv 'er sister at no. 12", ["key_holder"]),
    ("the fella upstairs 'as got a key, knock on", ["key_holder"]),
    ("chaabi is with his cousin at number 9", ["key_holder"]),
    ("klucz jest u sąsiada - key with the neighbour at 4", ["key_holder"]),
    ("Shona has the spare, lives across the road", ["key_holder"]),
    ("code box left of the front door, 7 3 1 9", ["code"]),
    ("Side gate padlocked, combination 2-8-8-0, shut it behind you", ["code"]),
    ("when she's home from day centre she uses the front door keypad, 2 5 5 1", ["code"]),
    ("🔑 safe by the back door: 4 0 9 1", ["code"]),
    ("Beta says the darwaza will be unlocked, just go in", ["left_open"]),
    ("back gate kłódka 2-2-5-1", ["code"]),
])
def test_set_i_classes_in_other_words_are_found(text, kinds):
    # one finding each; two for the line said in Polish, then in English (each half is one)
    results = default_recognizer().analyze(text, ["HOME_ACCESS"])
    assert len(results) == (2 if text.startswith("klucz jest") else 1)
    assert [result.recognition_metadata["access_kinds"] for result in results] == [kinds] * len(
        results)


@pytest.mark.parametrize("text", [
    "Pool car keys are kept at the office, sign them out",
    "Keys for the community centre are held at the parish office, ask for Jan",
    "Viewing keys for 3 Oak Rd held at our branch, ask for Ann",
    "Key left at reception for the visiting GP",
    "Allotment gate padlocked at dusk, combination 4 4 1 0",
    "Tom has the spare laptop charger",
    "Locker code box 3 3 1 2 in the changing room",
])
def test_near_those_classes_no_home_is_found(text):
    assert default_recognizer().analyze(text, ["HOME_ACCESS"]) == []


# A record's next labelled line is a field of its own: the place named on the line above
# (the GP's practice, the pharmacy, the office) is not what its code or key is for.
@pytest.mark.parametrize(("text", "kinds"), [
    ("GP: Dr Ann Rigg, Moorside Health Centre\nAccess: key safe 3 8 1 0", ["code"]),
    ("Pharmacy: Lowther Chemists, Market Street\nKeys: spare under the green pot", ["hidden_key"]),
    ("Referred by: duty office, Civic Centre\n  Entry: door on the latch for the nurses",
     ["left_open"]),
])
def test_a_labelled_line_is_read_apart_from_the_place_above_it(text, kinds):
    [result] = default_recognizer().analyze(text, ["HOME_ACCESS"])
    assert result.recognition_metadata["access_kinds"] == kinds


@pytest.mark.parametrize("text", [
    "GP: Dr Ann Rigg, Moorside Health Centre, staff entrance keypad 3 8 1 0",
    "Pharmacy: Lowther Chemists\ncontrolled drugs cabinet key under the till",
])
def test_a_place_on_the_same_field_or_an_unlabelled_next_line_still_owns_the_lock(text):
    assert default_recognizer().analyze(text, ["HOME_ACCESS"]) == []


# Session 10's recall classes (issue 14, dev batch U written first in set_k's genres), each in
# words of its own: parts read together, not phrasings.
@pytest.mark.parametrize(("text", "kinds"), [
    ("Key w/ the lady at no. 7, she's expecting you", ["key_holder"]),
    ("chavi is under the brick by the back step", ["hidden_key"]),
    ("Furaha is with her cousin Hodan at number 31", ["key_holder"]),
    ("Furaha waxay ku jirtaa sanduuqa, koodh 7 7 2 1", ["code"]),
    ("Please don't ring the bell so as not to set the dog off - back door is left unlocked",
     ["left_open"]),
    ("if he's usually out at the gym, the code for the box is 4 1 7 2", ["code"]),
    ("Okoro, P | 4 Elm Row | K/S 3 9 0 2 | pm only", ["code"]),
    ("To: Rapid Response | From: Oakfield Medical Centre | Access: keysafe by garage 5 8 2 0",
     ["code"]),
    ("Flat 2, 9 School Hill: keysafe left of the door, code 6 2 1 8", ["code"]),
    ("I've got her key, collect it from me at number 14", ["key_holder"]),
    ("Her grandson has given us a spare for the bungalow", ["key_holder"]),
    ("who has the keysafe code for Mrs Ali? [14:02] Sam: 4829", ["code"]),
    ("BLOCK C / ENTRY 3 3 9 1# / FLAT 6", ["code"]),
    ("the key is behind the blue milk churn", ["hidden_key"]),
    ("Mondays the spare is left under the concrete tortoise", ["hidden_key"]),
])
def test_session_10_recall_classes_are_found(text, kinds):
    [result] = default_recognizer().analyze(text, ["HOME_ACCESS"])
    assert result.recognition_metadata["access_kinds"] == kinds


@pytest.mark.parametrize("text", [
    "Stock room key w/ the duty manager",
    "Second key in the practice safe, code 1 1 9 0",
    "Who knows the code for the staff room door? [10:01] Jo: 4 4 1 2",
    "RETURN TO: Depot, 7 Mill Park | Gate code 0 8 0 8 for drivers",
    "Surgery staff ENTRY 1 2 3 4#",
    "I have her key worker's number",
    "Keys given to us by the agent for the void flat",
    "Carousel key under the microwave",
    "Her key is under review by the housing officer",
    "keys behind reception",
])
def test_near_session_10_recall_classes_no_home_is_found(text):
    assert default_recognizer().analyze(text, ["HOME_ACCESS"]) == []


# Session 11's breadth classes (issue 14, dev batches B and C written first in worlds and shapes
# the sets used little), each in words of its own: codes said as people say numbers, holding
# as English is spoken elsewhere, a holder by role and name, other languages' words of place
# and company, a homophone.
@pytest.mark.parametrize(("text", "kinds"), [
    ("Her keysafe's number is sixty-two eighteen", ["code"]),
    ("The lockbox code: double nine three", ["code"]),
    ("Key safe: treble one six", ["code"]),
    ("Mrs Obi's downstairs neighbour is having a spare key", ["key_holder"]),
    ("Spare set is kept by their translator, Ms Ionescu", ["key_holder"]),
    ("Para Doña Pilar: la llave está debajo de la maceta del patio", ["hidden_key"]),
    ("la chiave è sotto lo zerbino", ["hidden_key"]),
    ("Schlüssel bei der Nachbarin, Frau Weber, Nummer 4", ["key_holder"]),
    ("Ключі у соседки, квартира 12", ["key_holder"]),
    ("Quay safe round the side, 4 0 4 1", ["code"]),
    ("Yale app: carers' keypad code is 3 7 7 1", ["code"]),
    ("https://visits.example/new?access=lock%20box%20code%208%201%200%204&when=am", ["code"]),
])
def test_session_11_breadth_classes_are_found(text, kinds):
    [result] = default_recognizer().analyze(text, ["HOME_ACCESS"])
    assert result.recognition_metadata["access_kinds"] == kinds


@pytest.mark.parametrize("text", [
    "Day centre minibus: the side door code is 5 5 1 9",
    "Knock and wait, her husband will open the door",
    "Staff room code is nineteen ninety-one",
    "Key safe code forty five minutes before the visit is changed",
    "Keysafe fitted in nineteen ninety-nine, code with the office",
    "The barn's key is under the feed bin",
    "The keypad code for the reading room is twenty-two ten",
    "Banking app: new passcode 3 7 7 1",
    "Lockbox by the side gate is 2 2 1 9, depot staff only",
])
def test_near_session_11_breadth_classes_no_home_is_found(text):
    assert default_recognizer().analyze(text, ["HOME_ACCESS"]) == []


@pytest.mark.parametrize(("text", "found"), [
    ("Access: back door is left on the latch on day-centre mornings, just push and call out",
     True),
    ("Front door left unlocked on clinic days so the nurse can let herself in", True),
    ("Door on the latch during day-centre days - call out as you go in", True),
    ("The day centre's front door is left on the latch on weekday mornings for drop-ins",
     False),
    ("Respite unit back door left unlocked on transport mornings for the drivers", False),
])
def test_when_a_door_is_open_is_no_purpose_or_owner(text, found):
    """A service named in a time (`on day-centre mornings`, `on clinic days`) says when the
    home is open, not what the lock is for (share 10's day-centre days missed it); a service
    that owns the door still rules it out."""
    results = default_recognizer().analyze(text, ["HOME_ACCESS"])
    assert bool(results) is found
    if found:
        assert {kind for result in results
                for kind in result.recognition_metadata["access_kinds"]} == {"left_open"}


# Session 11 (issue 14, dev batch P of session 11): what set_k's false alarms and misses were,
# as classes. A vehicle's registration starting a record's field, a bracket or a line; a word
# broken by a line-end hyphen read whole; a team's base or hub by its acronym; something
# locked in a store before a code; a team's meeting; a place's way in told by a thing's
# possessive in the note's sentence before.
@pytest.mark.parametrize("text", [
    "Hire car for the respite trip (AB23 CDE): the key safe code is 6 6 0 2 at the collection "
    "point",
    "WV19 TRE Kangoo - lockbox 1 7 7 3, fuel card in the glovebox",
    "Out of hours, the ICT base has a key safe left of the shutter: 4 0 4 0",
    "SALT base: the late-shift lockbox on the wall by the bins is 1 4 9 0",
    "Shared Lives home check: bleach and cleaning products locked in the utility cupboard, "
    "combination 1 9 0 8",
    "Supported lodgings: Amir's passport is locked in her bedside drawer, combination 4 4 7 1",
    "Calendar: MDT meeting | Thu 11:00 | Room 12, Kestrel House | door code 8 2 8 2#",
    "Day service: Kai's escort signs in at the centre's reception. The sensory room keypad is "
    "4 5 4 5.",
    "Youth club night: the hall's side door opens with the leader's fob. Keypad on the yard gate "
    "is 2 0 2 0.",
    "The key- worker will agree the key out- comes with the per- son at the review.",
])
def test_set_k_false_alarm_classes_are_not_found(text):
    assert default_recognizer().analyze(text, ["HOME_ACCESS"]) == []


@pytest.mark.parametrize(("text", "kinds"), [
    ("Mrs Okafor's car is ND18 WSA on the drive; her key safe is by the back door, code 8 0 2 1",
     ["code"]),
    ("Visit | Mr Hale | 14 Oak Rise | his van KT17 BXR is on the drive | key safe left of porch "
     "5 5 3 9", ["code"]),
    ("Tenant at 4 Mill Court (CLDT client): her key safe is by the front door, code 2 8 1 4",
     ["code"]),
    ("Kinship carers: Gran keeps the meds locked in a cabinet. The key safe by the garage is "
     "5 0 3 8.", ["code"]),
    ("Day centre drop-off: Ruth goes home at 4. Code for the garden gate at her bungalow is "
     "2 7 2 7.", ["code"]),
    # a word broken by a line-end hyphen, read whole
    ("Tenancy file (PDF): the spare key is kept un- der the plant pot by the back door.",
     ["hidden_key"]),
    ("Letter (PDF): a spare key is held by her neigh-\nbour at number 12.", ["key_holder"]),
    # `our` before a first name is one of the family
    ("Our Shannon's got a key for me nan's, she's just up the road if you can't get in.",
     ["key_holder"]),
    # a thing named in the piece before is no door's owner
    ("Carer note: put the shopping in the freezer, back door is open till noon for the nurse.",
     ["left_open"]),
])
def test_homes_close_to_set_k_classes_are_found_with_their_kinds(text, kinds):
    [result] = default_recognizer().analyze(text, ["HOME_ACCESS"])
    assert result.recognition_metadata["access_kinds"] == kinds


def test_a_bare_door_after_a_thing_is_still_the_things():
    assert default_recognizer().analyze(
        "Checked the freezer, door is open - seal has gone, ordered a new one.",
        ["HOME_ACCESS"]) == []
    assert default_recognizer().analyze(
        "Our Kelly's got a key for the church hall, she does the flowers on Saturdays.",
        ["HOME_ACCESS"]) == []
# Session 11 (new-user report, item 1): a place named in a clinical sentence about something
# else (where the patient was seen, treated or discharged from, whom the writer phoned, where
# a visitor comes from) is no owner of a home's key safe; a lock is the place's own only when
# its grammar says so (a possessive, `at/of/for the X`, `X door`, `their` after the place).
@pytest.mark.parametrize("text", [
    "Seen in the leg ulcer clinic, healing well, keysafe 8 1 3 0 to the left of the porch",
    "Discharged from ward 4 on Friday, K/S 2 6 6 9 by the back door for POC",
    "Attended the anticoag clinic; key safe code for visits is 7 0 3 3",
    "Phoned the chemist re blister packs, key safe 5 9 1 2 beside the garage door",
    "Reviewed at the practice, key safe 3 4 4 8 on the wall by the front door",
    "OT from the health centre calls weekly, key safe 1 2 7 7",
    "Key safe 9 3 0 5 by the side gate (reviewed in diabetes clinic last month)",
    "hx falls, lives alone. KS 6 4 8 1 by back door",
    "Saw her in surgery on Monday, key safe 4 2 4 2 on the wall by the porch",
    "Had a letter from the stroke ward, keysafe 7 5 1 9 left of the back door",
    "Dispensary driver from the surgery delivers Tuesdays, key safe 3 0 6 6 by the side door",
])
def test_a_place_named_about_something_else_is_no_owner(text):
    assert default_recognizer().analyze(text, ["HOME_ACCESS"])


@pytest.mark.parametrize("text", [
    "Seen in clinic; the clinic's key safe code is 4 1 1 4 for bank staff",
    "Key safe at the surgery, code 6 6 0 2, holds the practice's spare keys",
    "Discharged from ward 5, ward door code 8 8 2 2 for relatives",
    "Phoned the surgery: their back door code is 4 4 1 1",
    "Seen at the health centre; staff entrance code 1 9 0 9",
    "PMH: HIV, KS 2012 in remission, seen in clinic",
    "Hx KS right shin 2016, under oncology",
])
def test_a_places_own_lock_and_a_diagnosis_are_not_found(text):
    assert default_recognizer().analyze(text, ["HOME_ACCESS"]) == []


# Item 15: a code given as an example in guidance is no one's code; a real one beside
# guidance words still is.
@pytest.mark.parametrize(("text", "found"), [
    ("Staff must never record key safe codes such as 1234 in the notes.", False),
    ("Never text a door code (e.g. 2580) to a personal phone", False),
    ("if a client tells you a keypad code, say 9999, do not repeat it on the radio", False),
    ("Pick four digits for the key safe, for example 7 3 5 2, and change them monthly", False),
    ("Template - key safe code: 1234 (replace with the client's own code)", False),
    ("Reminder: Mrs Ali's key safe code is now 6 0 2 2, do not write it elsewhere", True),
    ("Codes such as the key safe's (3 9 1 7) are only in the folder at the house", True),
])
def test_an_example_code_in_guidance_is_no_ones(text, found):
    assert bool(default_recognizer().analyze(text, ["HOME_ACCESS"])) is found


CLINICAL_HOME_LINES = [
    "Seen in the heart failure clinic, fluid balance ok, key safe 2 7 1 9 left of the front "
    "door.",
    "Discharged from ward 12 this morning; keysafe 6 0 3 8 beside the porch for the "
    "reablement team.",
    "Reviewed at the practice today, K/S 8 2 5 5 on the garage wall.",
    "hx falls x3, lives alone. KS 7 0 5 1 by front door",
    "Community nurse from the health centre visits twice daily, key safe 5 5 1 3.",
]
CLINICAL_NEAR_MISSES = [
    "Seen in clinic; the clinic's key safe code is 4 1 1 4 for bank staff",
    "Policy: staff must never record key safe codes such as 1234 in the notes.",
]


def test_a_scan_finds_home_access_in_clinical_sentences(tmp_path):
    """Each line in its own note under a client header, through `phiscan scan`: HOME_ACCESS
    in every note about the home, none in the place's own lock or the policy's example."""
    share, out = tmp_path / "share", tmp_path / "out"
    share.mkdir()
    header = "Client: Mrs Edna Pickering DOB 11/02/1936 NHS 943 476 5919\n"
    names = {}
    for index, line in enumerate([*CLINICAL_HOME_LINES, *CLINICAL_NEAR_MISSES]):
        name = f"note-{'abcdefghij'[index]}.txt"
        (share / name).write_text(header + line + "\n", encoding="utf-8")
        names[name] = line in CLINICAL_HOME_LINES
    result = run_cli("scan", str(share), "--out", str(out), "--workers", "1")
    assert result.returncode == 0, result.stderr[-2000:]
    with sqlite3.connect(out / "inventory.sqlite") as db:
        flagged = {Path(row[0]).name for row in db.execute(
            "SELECT DISTINCT l.location FROM findings f JOIN locations l ON l.id = f.location_id"
            " WHERE f.entity_type = 'HOME_ACCESS'")}
    rows = {Path(row["location"]).name: row
            for row in map(json.loads, (out / "files.jsonl").read_text().splitlines())}
    assert flagged == {name for name, home in names.items() if home}
    assert {name: row["status"] for name, row in rows.items()} == {
        name: "scanned" for name in names}
    assert {name: row["risk"] for name, row in rows.items() if names[name]} == {
        name: "critical" for name, home in names.items() if home}


# Session 11's review (brief fix-rec): a bracket is an example's only when it says so
# (`replace with`, `sample code`, `example`), and a store locked before a code is the code's
# only in the code's own clause (to a comma or `and`), never when the code names a key device.
@pytest.mark.parametrize(("text", "home"), [
    ("Key safe code 4 4 1 2 (replace batteries in keypad yearly)", True),
    ("Key safe 4412 (sample pot left in kitchen for collection)", True),
    ("Key safe by front door 4412 (e.g. use side gate after dark)", True),
    ("Dosette locked in the kitchen cupboard, key safe code 4 4 1 2.", True),
    ("Key safe code: 1234 (sample code only, use the client's own)", False),
    ("Key safe code: 1234 (replace with the client's own code)", False),
    ("Passport locked in her bedside drawer, combination 4 4 7 1", False),
])
def test_an_example_or_a_store_is_read_only_where_it_is_said(text, home):
    assert bool(default_recognizer().analyze(text, ["HOME_ACCESS"])) is home


def test_a_key_safe_after_a_store_and_keeps_its_whole_span():
    text = "Her medication is locked in a cupboard and the key safe by the door is 4 4 1 2."
    found = default_recognizer().analyze(text, ["HOME_ACCESS"])
    assert [text[r.start:r.end] for r in found] == ["key safe by the door is 4 4 1 2"]


# Session 11's review (brief fix-rec): a vehicle's door is no home's unless someone lives in
# the vehicle.
@pytest.mark.parametrize(("text", "home"), [
    ("Lives in a motorhome on the farm; the motorhome door code is 4 4 1 2.", True),
    ("Lives in his campervan; campervan door code 4412.", True),
    ("Day centre minibus: the side door code is 5 5 1 9", False),
    ("Drives a campervan to the coast; campervan door code 4412.", False),
])
def test_a_vehicle_someone_lives_in_is_a_home(text, home):
    assert bool(default_recognizer().analyze(text, ["HOME_ACCESS"])) is home


# Session 11's review (brief fix-rec): a spoken group ends at a word's end in each of its
# readings (`twenty seventeen` is `twenty` then `seventeen`), a year in words is one in any
# case, and a digit word is a word of its own (`ty` in `property` is none).
@pytest.mark.parametrize(("text", "home"), [
    ("Key safe code is twenty seventeen", True),
    ("Key safe code is forty fourteen", True),
    ("The lockbox code is sixty sixteen", True),
    ("Keysafe fitted in Nineteen Ninety-Nine, code with the office", False),
    ("Keysafe fitted in nineteen ninety-nine, code with the office", False),
    ("The key safe was fitted forty five minutes ago", False),
])
def test_spoken_groups_and_years_end_at_a_word(text, home):
    assert bool(default_recognizer().analyze(text, ["HOME_ACCESS"])) is home


def test_a_spoken_digit_is_a_word_of_its_own():
    from recognizers.home_access_recognizer import _SPOKEN_DIGIT
    assert not _SPOKEN_DIGIT.search("the property phone")
    assert _SPOKEN_DIGIT.search("twenty-two seventeen")


# Session 11's review (brief fix-rec): a team's meeting or training is a lock's owner only
# where the lock is the meeting's place (an invite's `Where:`, `Room 12`).
@pytest.mark.parametrize(("text", "home"), [
    ("Staff meeting today - Mr Jones' key safe code is 4 4 1 2.", True),
    ("Staff training: key safe by the front door, code 4 4 1 2.", True),
    ("Discussed at team meeting. Key safe code 4 4 1 2.", True),
    ("Calendar: MDT meeting | Thu 11:00 | Room 12, Kestrel House | door code 8 2 8 2#", False),
    ("Subject: PBS team meeting | When: Fri 5 Dec 09:30 | Where: Arden House (door code 4096)",
     False),
])
def test_a_meeting_owns_a_lock_only_at_its_place(text, home):
    assert bool(default_recognizer().analyze(text, ["HOME_ACCESS"])) is home


# Session 13 (brief ha-owner, set_m's false alarms, dev batches O and Q): whose an access
# object is, said by the object itself (`PurposeModel.possessor`): the words naming it right
# before it or where it is right after it, read as a home's or a person's, or as a class of
# places and things no one lives in (`home_access_owners.txt`, its `[possessor: ...]` classes
# read only there); a counted object is a statistic. A home stays a home beside such words.
@pytest.mark.parametrize(("text", "home"), [
    ("DN diary: the team base key safe is now 4 4 1 9, ask Lyn.", False),
    ("Site key safe 4 4 1 9 on the hoarding, hard hats past this point.", False),
    ("Removals: van 4 keybox 2 2 8 1, sign for the keys.", False),
    ("The gritter's key box code is 7 1 7 1 and the van's key box is 7 1 7 2.", False),
    ("Caretaker: boiler house key safe 4 4 1 9, keys back on the board.", False),
    ("Machinery store combination 6 0 6 0; quad keys behind the door.", False),
    ("Executors' lockbox 7 1 7 1 for the auctioneers, utilities off.", False),
    ("Garage no. 9 behind the shops (rented, not at his flat): padlock 6 0 6 0.", False),
    ("HIA report: Key safe installations: 412, up 9% on last year.", False),
    ("Newsletter: 146 key safes fitted last year, 38 codes changed.", False),
    ("The late Mr Gill's flat: key safe 4 3 1 0 for the valuers.", False),
    ("Key safe by her front door 5 1 9 0, the office has the code too.", True),
    ("The school caretaker lives on site; his bungalow key safe is 3 3 0 6.", True),
    ("Mrs Bell's flat is above the bakery: side door, key safe code 1 5 5 8.", True),
    ("Depot worker Gary (client's son) keeps a spare key to his mum's house.", True),
    ("Church warden Mrs Pengelly has a spare key to Mr Hosking's cottage.", True),
    ("Mr Drake lives over the cafe: his own front door is round the side, key safe 2 7 2 7.",
     True),
    ("Key safe at 4 Church Street, code 1 2 3 4.", True),
    ("Caravan site barrier code 4 2 2 4 then van 17, key safe on the van 6 6 1 6.", True),
])
def test_an_access_objects_possessor_says_whose_it_is(text, home):
    assert bool(default_recognizer().analyze(text, ["HOME_ACCESS"])) is home


# `site` alone is a building site's, unless its record names a home standing on a site (a
# pitch, a trailer, a caravan, a park or mobile home): a Traveller site's or a park-home
# estate's barrier code is its homes' way in (session 19, share 19's route rows and clinic
# plans: every such person's code was missed).
@pytest.mark.parametrize(("text", "found"), [
    ("Address: Pitch 1, Hollins Lane Traveller Site\nPostcode: AB1 2CD\n"
     "Access / entry notes: Site barrier code 1 1 5 8 (changes monthly)",
     ["Site barrier code 1 1 5 8"]),
    ("Plot: 14\nHome: park home\nAccess: site gate code 9031, van is the green one",
     ["gate code 9031"]),
    ("Pitch: 8\nNotes: Site barrier code 4317 (changes monthly)", ["Site barrier code 4317"]),
    # no home on a site in the record: a building site's
    ("Access / entry notes: Site barrier code 1158 (changes monthly)", []),
    ("Plot 12: Site gate code 4411, hard hats past this point.", []),
    # a site's own facility stays no home's
    ("Pitch 4 clinic: site shower block code 8564 (communal, staff may use the toilet).", []),
])
def test_a_site_of_homes_barrier_is_its_homes_way_in(text, found):
    results = default_recognizer().analyze(text, ["HOME_ACCESS"])
    assert [text[r.start:r.end] for r in results] == found


# Session 13 (dev batch S): a device's initials and their code forms (`K/B-C`, `KS-C`, `LBC`);
# `KB` and `LB` alone are a unit after a number and an article's prefix before one.
@pytest.mark.parametrize(("text", "home"), [
    ("Job ticket 55120 - K/B-C 6 0 2 7, box on wall left of porch", True),
    ("JOB 8821 | ACCESS: KS-C 7 1 2 0 | PARTS: none", True),
    ("Repairs: LBC 2 2 3 4, tenant out", True),
    ("Access: KB by back door, code 3 3 8 1", True),
    ("key in lock box (LB) under meter cabinet, code 7 7 0 1", True),
    ("l/b code 5 5 1 0 on the side gate", True),
    ("Job ticket 55121 - see KB 4471 article, reset the router first.", False),
    ("Download 512 KB 4471 times a day", False),
    ("weight 12 LB 1 2 3 4", False),
    ("Works order: LB 2 x 25kg bags of sand, deliver to depot", False),
    ("Year 6 KS2 SATs: 104 reading, KS1 data 2 2 4 1", False),
])
def test_a_devices_initials_and_their_code_forms(text, home):
    assert bool(default_recognizer().analyze(text, ["HOME_ACCESS"])) is home


# Session 13 (dev batch S): the app a message came by names no owner of the lock it tells of.
@pytest.mark.parametrize(("text", "home"), [
    ("Walkies app msg from Sandra: hiya, key's in the lockbox by the green bin, code 4719", True),
    ("App notification from Ring: front door keypad code 2 2 4 1 set", True),
    ("PawPals: to unlock the app use PIN 2580, then tap Walks.", False),
])
def test_the_app_a_message_came_by_owns_no_lock(text, home):
    assert bool(default_recognizer().analyze(text, ["HOME_ACCESS"])) is home


# Session 13: a forwarded mail's header run onto its marker's line names the sender, not the
# lock's owner (`From: Stairlift Servicing`); a place the message itself names still is one.
@pytest.mark.parametrize(("text", "home"), [
    ("---------- Forwarded message --------- From: Stairlift Servicing <jobs@example.com> "
     "Subject: visit Tues > client says back gate code 4 4 0 1, go round", True),
    ("-------- Original Message -------- From: Hoist Servicing Ltd Sent: Monday To: bookings "
     "Subject: visit > the back gate code is 4 4 0 1", True),
    ("---------- Forwarded message --------- From: Hub office <hub@example.com> Subject: the "
     "office side gate code is 1 1 5 9", False),
])
def test_a_forwarded_mails_sender_owns_no_lock(text, home):
    assert bool(default_recognizer().analyze(text, ["HOME_ACCESS"])) is home
# Session 13 (issues 14 and 15, dev batch K): a key holder in any shape, named by role and
# name. A key as a label then a full name and a role; a role, a full name and a place before
# the verb; a holder named, then a pronoun or `and` that holds; `does hold`; someone placed
# some doors along; the writer's key for a person by title; a body or an office that keeps
# keys (a solicitor, a verger, a keyholding service); outbuildings by their old names.
HOLDERS_BY_ROLE_AND_NAME = [
    ("Keys - Dilwyn Pryce, neighbour", ["key_holder"]),
    ("Keys: Fr Tomasz Nowak (parish priest)", ["key_holder"]),
    ("Keys – Mrs Aled Hughes (sister-in-law) 07700 900111", ["key_holder"]),
    ("Friend from chapel Ffion Rees at Maes Glas Farm holds a spare key", ["key_holder"]),
    ("Her cousin lives over in Kidderminster, a bus ride away, but she has a spare",
     ["key_holder"]),
    ("Her nephew Rhodri lives out past Llandrindod, forty minutes away, and has a key",
     ["key_holder"]),
    ("Her daughter moved to Leeds in the spring but she does still hold a key", ["key_holder"]),
    ("Kath three doors up keeps the spare", ["key_holder"]),
    ("Voicemail: Barry here, I've got a key for Mrs Okafor, ring me if she doesn't answer",
     ["key_holder"]),
    ("Solicitor (Pryce & Co, attorney under the LPA) holds the keys to the bungalow",
     ["key_holder"]),
    ("The verger has a key to Miss Pugh's cottage", ["key_holder"]),
    ("If no answer the key is in the coal house", ["hidden_key"]),
    ("Spare is on a hook in the privy", ["hidden_key"]),
]


@pytest.mark.parametrize(("text", "kinds"), HOLDERS_BY_ROLE_AND_NAME)
def test_key_holders_by_role_and_name_are_found_with_their_kinds(text, kinds):
    [result] = default_recognizer().analyze(text, ["HOME_ACCESS"])
    assert result.recognition_metadata["access_kinds"] == kinds


@pytest.mark.parametrize("text", [
    "Keys: none held by the family, she opens the door herself",
    "Keys - see the care plan, section 4",
    "Key worker - Dilwyn Pryce, support worker",
    "Keyholder vacancy: Spar, Heol Fawr, evenings and weekends",
    "He is a keyholder for the Co-op where he works, the alarm company rings him at night",
    "The verger holds the keys to the church and the vestry",
    "Her son lives in Leeds and keeps the key to his own flat with him",
    "The solicitor holds the deeds and the will",
    "I've got a key for Mr Okafor's allotment shed",
    "Son locks up at night and keeps the key",
])
def test_near_misses_of_holders_by_role_and_name_are_not_found(text):
    assert default_recognizer().analyze(text, ["HOME_ACCESS"]) == []


# A porch, a gate or a building's door unlocked beside a code or a hidden key on its line is
# the way to the key safe or the key, not the home's door left open (share 13's caseloads:
# `KS inside the porch (porch not locked): 8632` was counted as a door left open too).
@pytest.mark.parametrize(("text", "kinds"), [
    ("KS inside the porch (porch not locked): 8632", ["code"]),
    ("Side gate unlocked, key safe on back wall 4471", ["code"]),
    ("Communal door is always open; flat key under the mat outside no. 4", ["hidden_key"]),
    ("Back door left unlocked, key safe 1234 as backup", ["code", "left_open"]),
    ("Porch door on the latch, go straight in", ["left_open"]),
    ("Access: Yes - 4003 (inside the porch (porch not locked))", ["code"]),
    ("Access: family leave the porch door unlocked for deliveries, go through to the kitchen",
     ["left_open"]),
    # an outer door's state that says to walk in through it is the home left open, a code
    # on its line too (session 19, share 19: `Porch door unlocked, walk in` lost its kind)
    ("Key safe on the garage wall, code 9123; Porch door unlocked, walk in - she is in the "
     "back room", ["code", "left_open"]),
])
def test_an_outer_door_open_on_the_way_to_a_key_is_not_the_home_left_open(text, kinds):
    results = default_recognizer().analyze(text, ["HOME_ACCESS"])
    assert sorted({kind for result in results
                   for kind in result.recognition_metadata["access_kinds"]}) == kinds


# An entry instruction that holds a code itself is going in by that code, not a door left open
# (share 13's equipment orders: `Access notes: Yes - 2802 (by the front door)`).
@pytest.mark.parametrize(("text", "kinds"), [
    ("Access notes: Yes - 2802 (by the front door)", ["code"]),
    ("Access via the back door, just walk in", ["left_open"]),
])
def test_an_entry_instruction_holding_a_code_is_the_code_s_way_in(text, kinds):
    results = default_recognizer().analyze(text, ["HOME_ACCESS"])
    assert sorted({kind for result in results
                   for kind in result.recognition_metadata["access_kinds"]}) == kinds


# Session 14 (brief ha-clauses, dev batch Y): what a clause says about an access object. A
# place an errand of carrying names in a piece before the match is where a thing goes, not
# what the lock is for; a past incident (dated or in a report) is no way in now, unless the
# sentence says the key is still there; a key posted back inside is no one's way in; a
# device's place chained to a home, or holding a home's key, is the home's; a code told
# after a reference (`the new one,`, `so it's`) is the one after it, whatever number came
# first; a connected lock's or doorbell's guest code; hired craft and trailers no one lives in.
@pytest.mark.parametrize(("text", "home"), [
    ("Audiologist: drop the spare batteries off at the surgery; at Mrs Roe's the keysafe "
     "is by the coal hole, 4 1 7 7", True),
    # (session 14 fix-ha: the place an errand names is kept when the next piece names no
    # home: the depot's key box; with `her` it is her home's)
    ("Handyman - fetch the ladder from the depot - key box behind the water butt 8 0 2 6",
     False),
    ("Handyman - fetch the ladder from the depot - key box behind her water butt 8 0 2 6",
     True),
    ("Physio home visit - bring the gym ball from clinic - keysafe under the porch light "
     "6 0 3 9", True),
    ("Pick up the van keys at the depot - key safe round the back, code 4412", False),
    ("Collect the rota from the branch office; key safe by the side entrance, code 5531",
     False),
    ("Drop the post at the church hall - key safe by the vestry door, code 6183", False),
    ("Drop the prescription at the surgery; key box by the garage, code 3391", False),
    ("Collect the sheep feed from the co-op - key safe by her back door, code 7150", True),
    ("Go to the depot; key safe by the fuel pumps, code 8 0 2 6", False),
    ("Depot key safe; code 8 0 2 6", False),
])
def test_an_errands_place_in_an_earlier_piece_owns_no_lock(text, home):
    assert bool(default_recognizer().analyze(text, ["HOME_ACCESS"])) is home


@pytest.mark.parametrize(("text", "home"), [
    ("Safeguarding report: two weeks ago the spare key was found under the hedgehog "
     "ornament by a passer-by.", False),
    ("Complaint: on Friday night the agency left the side door unlocked until morning.",
     False),
    ("Claim notes: the policyholder says the key had been left in the back door overnight.",
     False),
    ("After his last visit, post the key back through the letterbox please.", False),
    ("Ever since the fall last year she has kept a spare key under the hedgehog ornament.",
     True),
    ("The spare key was put under the hedgehog ornament yesterday and it is still there.",
     True),
    ("I've left the side door unlocked for you, he had a bad night last night.", True),
    # (session 14 fix-ha: a record's noun alone dates nothing; a key said to be there now
    # still is)
    ("Visit report: carer let herself in with the spare key under the mat by the back door.",
     True),
    ("Daily report 12/03: got in using the spare key under the front door mat as usual.", True),
    ("Handover report - found the key under the plant pot by the back door, let myself in.",
     True),
    ("Incident form: carer found the back door unlocked, spare key is under the blue pot.",
     True),
    ("Night report: key is in the meter cupboard by the side door, let himself in at 10.",
     True),
    ("Incident report: the spare key had been left under the doormat at the back door.", False),
])
def test_a_past_incident_is_no_way_in_now(text, home):
    assert bool(default_recognizer().analyze(text, ["HOME_ACCESS"])) is home


@pytest.mark.parametrize(("text", "home"), [
    ("Lockbox on the side of the coal bunker behind his bungalow, 3 5 5 3", True),
    ("Lockbox screwed to the side of the bike shed by his back door, 6 2 2 6", True),
    ("Key box on the wall of the bike shed behind her flat, code 6 2 2 6", True),
    ("The key box inside the bin store holds the front door key, code 3 5 5 3", True),
    # (a `box` alone, the described-object pattern's, has no possessor read: not yet)
    pytest.param("Key box inside the cricket club's bin store holds the roller keys, code "
                 "3 5 5 3", False, marks=pytest.mark.xfail(strict=True)),
])
def test_a_devices_place_chained_to_a_home_is_the_homes(text, home):
    assert bool(default_recognizer().analyze(text, ["HOME_ACCESS"])) is home


@pytest.mark.parametrize(("text", "home"), [
    ("Key safe code is the year she was born, 1938, reversed - so it's 8 3 9 1", True),
    ("Back door keypad was used at 09:15 by the cleaner - it's the current code: 2 6 6 2",
     True),
    ("Key box code was reset at 10:30 today; latest one is 7 4 7 4", True),
    ("Key safe was fitted in 2019, so it's 6 years old now", False),
])
def test_a_code_told_after_a_reference_is_the_one_after_it(text, home):
    assert bool(default_recognizer().analyze(text, ["HOME_ACCESS"])) is home


@pytest.mark.parametrize("text", [
    "The key safe by the back door was fitted in 2019, i.e. 2019 model",
    "Key box on the barn door was put up in 2021, i.e. 2021 model",
])
def test_a_year_after_a_memory_aid_is_no_code(text):
    # (the device is still found, without the year as its code)
    found = default_recognizer().analyze(text, ["HOME_ACCESS"])
    assert len(found) == 1
    assert not any(character.isdigit() for character in text[found[0].start:found[0].end])


@pytest.mark.parametrize(("text", "found"), [
    ("Yale New Haven Hospital visitor access: parking code 4471", None),
    ("Yale University Press: visitor code 5521 for the stockroom", None),
    ("Yale Access app - guest PIN for the district nurses: 602 914",
     "Yale Access app - guest PIN for the district nurses: 602 914"),
    ("Yale Linus smart lock - guest code 7734 for the dog walker",
     "Yale Linus smart lock - guest code 7734"),
    ("Smartlock - visitor code 8316 for the district nurses", "Smartlock - visitor code 8316"),
    ("SmartLock: temporary code 2290 for the window cleaner", "SmartLock: temporary code 2290"),
])
def test_a_lock_makers_name_needs_a_lock_or_an_app(text, found):
    results = default_recognizer().analyze(text, ["HOME_ACCESS"])
    assert [text[r.start:r.end] for r in results] == ([found] if found else [])


@pytest.mark.parametrize(("text", "home"), [
    ("Eufy doorbell app: temporary code for the night sitter 5 0 8 8", True),
    ("Igloohome - one-time PIN for the OT visit on Weds: 4 3 1 9 0 2", True),
    ("Nest app: guest code for the surgery's staff door 5 0 8 8", False),
    ("Smart lock on the clinic store: guest PIN 4 3 1 9", False),
    ("Ring the doorbell twice; visitor parking code 5088", False),
])
def test_a_connected_locks_guest_code(text, home):
    assert bool(default_recognizer().analyze(text, ["HOME_ACCESS"])) is home


@pytest.mark.parametrize(("text", "home"), [
    # (a boat's cabin is read as a site's cabin, nearer than the boat: not yet)
    pytest.param("Lives aboard the narrowboat Heron at the wharf: cabin padlock 1 9 9 1", True,
                 marks=pytest.mark.xfail(strict=True)),
    ("Lives aboard the narrowboat Heron at the wharf: padlock on the hatch 1 9 9 1", True),
    ("Day boat hire: padlock on the cabin 1 9 9 1, leave the key at the kiosk", False),
    ("Touring caravan on the farm drive: key box on the A-frame 2 2 0 2", False),
    ("The horse box's padlock is 6 1 6 1", False),
])
def test_craft_no_one_lives_in_own_no_home(text, home):
    assert bool(default_recognizer().analyze(text, ["HOME_ACCESS"])) is home


# A home the grammar reads as no one's (let, for sale, in probate; a boat's or a caravan's
# key) is a home when its line says someone lives there (`lived_in_source`, session 20).
@pytest.mark.parametrize(("text", "home"), [
    ("Lives on the narrowboat at the wharf; a spare key for the boat is with his sister", True),
    ("A spare key for the boat is with his sister", False),
    ("Key to the caravan is in the site office; no one lives in the caravan now", False),
    ("He is still living at 4 Elm Row until the sale; the valuer can collect a key from his son",
     True),
    ("Probate: the valuer can collect a key from his son", False),
    ("Holiday let: the owner lives at 4 Elm Row, key safe 5 5 1 2 for the cleaners", False),
    ("His widow still lives at the bungalow - for the valuers, key safe by the door, 4 8 2 1",
     True),
    ("No one lives at the bungalow now - for the valuers, key safe by the door, 4 8 2 1", False),
])
def test_a_home_someone_lives_in_is_a_home(text, home):
    assert bool(default_recognizer().analyze(text, ["HOME_ACCESS"])) is home


# A school named as a journey, a term or a form, or as where the reader is, is no owner of a
# way in after it (the owners file's `[no owner]`, `_WHEREABOUTS`); a school's own lock is.
@pytest.mark.parametrize(("text", "home"), [
    ("If I'm stuck on the school run, Ali knows the code for the key box, it's 2 7 2 7", True),
    ("While you are at school your uncle has a spare key", True),
    ("School run: the school's side gate code is 2 7 2 7", False),
    ("While you are at school the lab door code is 2 7 2 7", False),
])
def test_a_school_run_or_term_names_no_owner(text, home):
    assert bool(default_recognizer().analyze(text, ["HOME_ACCESS"])) is home


# Set ab's classes (session 28, after it was recorded), said in other words: a keyholder a
# form says was refused, a key in a car or in the home's own furniture, the place of a key box
# whose code is called old, and a snib undone.
@pytest.mark.parametrize(("text", "kinds"), [
    ("Wee note: Mr Doig's back door is left unsnibbed for the carers", ["left_open"]),
    ("Spare key under the flowerpot by the back door, she keeps her purse in the sideboard",
     ["hidden_key"]),
    ("New code for the key box by the gate is 4 0 1 7", ["code"]),
    ("Keyholder: daughter Amina, 07700 900512", ["key_holder"]),
    ("New access (key safe by the door, code 4471)", ["code"]),
])
def test_set_ab_classes_in_other_words_are_found(text, kinds):
    results = default_recognizer().analyze(text, ["HOME_ACCESS"])
    assert sorted({kind for result in results
                   for kind in result.recognition_metadata["access_kinds"]}) == kinds


@pytest.mark.parametrize("text", [
    "Telecare install: client refused a keyholder, family live abroad",
    "Spare house key kept in the top drawer of the bureau in the lounge",
    "Her keys turned up under the passenger seat of her son's car",
    "Previous code for the lock box on the porch was 2 2 4 6, changed by the locksmith, "
    "the office has the new one",
    # a data check's note of a key holder with no details names no one (share 27)
    "  - Mr Winston Campbell (CT-00451), DOB 08/03/1949: key holder with no phone number",
    "Keyholder without contact details - please update the record",
    # what an app still shows as the old access, in brackets (share 27's change of address)
    "The app is still showing the OLD access (Keys - Chantelle Nowak, daughter, tel 07700 "
    "900518) - that house is empty now",
])
def test_near_set_ab_classes_no_way_in_is_found(text):
    assert not default_recognizer().analyze(text, ["HOME_ACCESS"])


# A place right after a key device is the device's (share 27's care plans: `Key safe is on the
# wall by the side gate - code 1976 - put the key back every time!` had a key hidden by the
# gate); a place in a sentence of its own still hides a key.
@pytest.mark.parametrize(("text", "kinds"), [
    ("Key safe is on the wall by the side gate - code 1976 - put the key back every time!",
     ["code"]),
    ("Lockbox on the fence by the bins, combination 4402, please return the key after", ["code"]),
    ("Under the pot by the back door is the spare key", ["hidden_key"]),
])
def test_a_place_after_a_key_device_is_the_devices(text, kinds):
    [result] = default_recognizer().analyze(text, ["HOME_ACCESS"])
    assert result.recognition_metadata["access_kinds"] == kinds


# An outer door's state is by a code only when its own sentence holds one (share 27's carer-app
# card: a date of birth's year before `Access: Porch and inner door unlocked` made it a code).
@pytest.mark.parametrize(("text", "kinds"), [
    ("It shows Ms Olive Marsden, DOB 28 May 1978, 42 Mill Drive, Elland, HX5 9TG. Access: "
     "Porch and inner door unlocked in the day", ["left_open"]),
    ("Access: Yes - 4003 (inside the porch (porch not locked))", ["code"]),
])
def test_an_outer_doors_state_reads_its_own_sentence(text, kinds):
    [result] = default_recognizer().analyze(text, ["HOME_ACCESS"])
    assert result.recognition_metadata["access_kinds"] == kinds
