"""How to get into someone's home: `HOME_ACCESS`.

Key-safe codes and locations, door/entry/gate/alarm codes, where a key is
hidden, who holds a key, and instructions to let yourself in. The 2022 supplier
breach exposed exactly this for 890 people receiving care at home.

A grammar, not a list of phrasings. Its word classes come from the vocabulary
files `home_access_*.txt` (see `recognizers/data/README.md`), so an organisation
can add its own wording:

- an **access object**: a device (`key safe` or a spelling of it one letter off,
  `KS`, `k/safe`, `lock box`, `padlock`, `keypad`, `fob`), an opening with a code word
  (`back door pin`, `gate code`), or a code word for an opening or a device
  (`the code for the front door`, `code to get in`, `code for the box on the wall`), or
  a code word whose code says what it opens (`use code 3232 on the main entrance`), an
  opening that has a code (`the gate's got a code now`), or a record's one-word field
  (`KeySafeCode=5 3 8 8`, `KEY_SAFE_PIN: 4471`);
- an object **described** rather than named (`the little grey box by the door`, `the lock
  on the gate`): placed on a fixture and followed by its code or a code word;
- with a **code** (digits in any spacing, `#`/`*`, a letter either side) in the
  same clause, in the next one when that one starts with the code or names it
  (`... and the code scrambled. Code 3321.`) or announces a new one (`keysafe code
  changed!! new one is 6 0 1 7`), typed in, followed by its purpose
  (`2460 to disarm`), just before the object, or earlier and the object said to use the
  same (`alarm 6161, key from key safe (same code)`); or sentences, turns or bullets later
  on its line when a code word names it (`Safe is on the wall beside the meter cupboard.
  Code 9201.`, `Son: a box on the fence. Nurse: the code? Son: 0 5 1 1`), a question
  about a code answered by one (turns parted by ` / `, `>`, `•` or a flattened thread's
  ` | `, a speaker's label with its time), a box placed on a fixture with a bare code beside
  it (`7-0-3-5, box is on the wall beside the bins`), a form's label cell then its value
  cell (`Code | 6638`);
  not after the object answered no or left unticked (`Key safe? | N`, `[ ] Keyholder`), nor
  when the last box the talk named is another owner's (`her jewellery box ...`);
- or with **where it is** (a key-holding device on or by a fixture, a garden,
  door or outbuilding object);
- a **key** hidden under/behind/inside/in/on a place of that class, with up to
  two words describing it (`under the third plant pot`), or in something tied or hung on a
  place, door or gate (`in a tin hanging off the bird table`), in the same or the next
  clause, or a key said to be hidden; a key that says it opens the home (`spare key`,
  `key to the house`) kept anywhere that is a place (`on the nail above the freezer`);
- **entry instructions**: an opening with a state (`patio door left unlocked`,
  `door on the snib`), a route in (`enter via the side gate`), knock or ring
  then go in, a door left open for whoever visits (`so carers can get in`), the entry
  phrases file (`let yourself in`, `code to get in`), how to force a door that does not lock
  (`pull it towards you hard and lift the handle`);
- **keyholders**: a relative, neighbour, warden, responder, shop or pharmacy (or someone by
  title and name, or by name and place: `Doreen at 14`) who has, holds or keeps a key, the
  spare or a set (`son has the only other key`, `neighbour holds the spare`), or a key,
  spare or spare set left with, at, from or off one of them, a named shop or a house number
  (`spare set with the lady opposite`, `key left at no. 9`, `pick up the spare from the
  Co-op`), or a key then who keeps it (`Spare? her sister keeps it`).

`score_match` then resolves what the lock is for from its owner (the owner word nearest
to the match in its clause, or its record's line, from `home_access_owners.txt`: a home's
or a person's own keeps it, a workplace's, school's, holiday let's, vehicle's, kit's,
medicines box's or firm's drops it, and so do a parcel box's, a hospital side room's, a skip's
and a medicine's named right before its lock; a holiday guest's message anywhere on the line
is a let's; `KS` in a clinical history is a diagnosis), and rejects
what is not a way into a home by what it is for (an
office or server-room door, a ward keypad, a promo, login or diagnosis code, a vehicle, a
kit bag or drugs box, a padlock on a shed, a stairlift's or a window's key,
words of the exclusions file in the clause around it, each piece between commas read
alone; who holds a key and where they are, a title with its name, and a note's opening
label naming its writer or a visiting service (`Pharmacy driver:`, `Stairlift:`) are never
read as a purpose: `the pharmacy next door has her spare key`, `Mrs Ward`), nor is a piece
after a code's comma that starts something else (`K/S 1 1 4 9, pendant worn`), codes that are a
year, a time, a date or a phone number, instructions under a negation (`do not
leave the back door unlocked`, `asked us not to leave the door on the latch`, `please stop
leaving it on the snib`; not what the person cannot do, nor `if not`), someone letting the
visitor in (`she will let you in`: the person opens the door), advice not to leave or hide a
key (`never leave a key under the mat`), a device still to be fitted with no code, a lock said
to hold no key (`no keys in it`, `the old key safe is empty`), a code of a home left or of
a lock called old (`key safe at the old address`, `Old KS 2290 - n/a now`) unless a new one
is given with it, and keys lost, removed, being cut, handed back or old. A way in on a line
that states its person dead or moved into a care home stays a way in: whether the home is one
its person left is their life state's to say (`LIFE_STATE`, `recognizers.life_states`), read
person-wide by scoping (`with_former_home_access`), not a second definition here.
Overlapping matches are merged, so one note is one finding. Nothing here logs text: the scan
reports masked previews only.
"""

from __future__ import annotations

import functools
import re as stdlib_re
import threading
from collections.abc import Callable, Iterator, Sequence
from copy import copy
from pathlib import Path

import regex as re
from presidio_analyzer import EntityRecognizer, RecognizerResult

from recognizers import access_fields as fields
from recognizers import access_kinds as kinds
from recognizers.base import DEFAULT_FLAGS, ContextScoredRecognizer, Pattern, RawMatch, flag
from recognizers.compiled_patterns import compiled, prebuilt
from recognizers.context import (
    IDENTIFIER_LABEL_WORDS,
    Terms,
    line_bounds,
    normalise_words,
    without_digits,
)
from recognizers.dates import parse_date
from recognizers.health_vocabulary import HealthVocabulary, health_vocabulary
from recognizers.noise_reading import writer_ended_line
from recognizers.ocr_reading import LETTER_FOR_DIGIT, is_digit_token
from recognizers.relatives import family, relatives, words_pattern
from recognizers.triggers import (
    LOOKAHEAD_CHARS,
    Literal,
    Trigger,
    starts_within,
    vocabulary_trigger,
)
from recognizers.uk_postcode_recognizer import POSTCODE
from recognizers.vocabulary import alternation, load_classes, load_vocabulary

ENTITY = "HOME_ACCESS"

# A code: 3-8 digits, optionally spaced or hyphenated (`1 2 3 4`, `3-7-1-9`), an
# optional letter either side (`C1234X`), an optional `#`/`*` (`1984#`). Never part of a
# longer number, an amount (`£500`, `1,500`), a time (`1400hrs`), a date (`12/03`) or a
# phone number. A match starts
# at the first digit: what may precede it (`#`, `*`, a letter) is read by the look-behind,
# which lets the engine jump from digit to digit (ten times faster over prose than
# trying the optional prefix at every character); `(?=\d)` first makes a code after a
# lazy gap four times cheaper to try at each character.
CODE = kinds.CODE_SHAPE
# A code in words: `four seven two one`, `one-nine-eight-four` (3 to 8 digits).
_DIGIT_WORD = r"(?:zero|oh|nought|one|two|three|four|five|six|seven|eight|nine)"
# Speech-to-text writes `four` as `for` (`for seven one for`): read as a digit only inside a
# run, after a digit word or before two (`code for one two three` is a code either way), and
# never before what a `for` is for (`two six for the back door`).
_SPOKEN_FOR = r"for(?![^\S\n]+(?:the|a|an|her|his|their|my|your|our|this|that|it|you|us)\b)"
_RUN_DIGIT = rf"(?:{_DIGIT_WORD}|{_SPOKEN_FOR})"
SPELT_CODE = (
    rf"(?=(?i:[zontfse]))(?<![\w])(?i:(?:{_SPOKEN_FOR}[^\S\n]+(?={_DIGIT_WORD}[^\S\n,\-]+"
    rf"{_DIGIT_WORD}))?{_DIGIT_WORD}(?:[^\S\n]*[,\-][^\S\n]*|[^\S\n]+)"
    rf"{_RUN_DIGIT}(?:(?:[^\S\n]*[,\-][^\S\n]*|[^\S\n]+|[^\S\n]*,?[^\S\n]+and[^\S\n]+)"
    rf"{_RUN_DIGIT}){{1,6}})(?![\w])"
)
# A code said as people say numbers, in pairs or with repeats (`twenty-two seventeen`,
# `nineteen seventy-two`, `double four seven one`, `four treble two`): a group of two or three
# digits is one word (a teen, a tens word and its unit, `double`/`treble` and a digit word),
# read whole (`forty five minutes` is one group, no code; each way of reading a group ends at
# a word's end, so `twenty seventeen` is `twenty` then `seventeen`), in a run of two to six
# words with one group at least (three digits or more), not followed by a unit of time.
_TENS = r"(?:twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety)"
_UNIT_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_DIGIT_GROUP = (rf"(?>(?:double|treble|triple)[^\S\n\-]*[\-]?[^\S\n]*{_DIGIT_WORD}(?![\w])"
                rf"|{_TENS}(?:[^\S\n]*-[^\S\n]*|[^\S\n]+)?{_UNIT_WORD}(?![\w])|{_TENS}(?![\w])"
                r"|(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
                r"|nineteen)(?![\w]))")
_SPOKEN_SEP = r"(?:[^\S\n]*[,\-][^\S\n]*|[^\S\n]+)"
_SPOKEN_WORD = rf"(?:{_DIGIT_GROUP}|{_DIGIT_WORD}(?![\w]))"
GROUPED_CODE = (
    rf"(?=(?i:[zontfsed]))(?<![\w])(?i:(?:{_DIGIT_WORD}{_SPOKEN_SEP}){{1,4}}{_DIGIT_GROUP}"
    rf"(?:{_SPOKEN_SEP}{_SPOKEN_WORD}){{0,3}}|{_DIGIT_GROUP}(?:{_SPOKEN_SEP}{_SPOKEN_WORD})"
    rf"{{1,5}})(?![\w])(?![^\S\n]*-?[^\S\n]*(?i:minutes?|mins?|hours?|hrs?|days?|weeks?|"
    rf"months?|years?|times|o['\u2019]?clock|am|pm|pounds?|quid|percent|per)\b)"
)
# A code read out digit by digit after a word naming it: `the numbers are 2, 9, 4 and 6`
# (single digits, the last after `and`; `steps 1, 2 and 3` is no code).
LISTED_CODE = (r"(?=\d)(?<=(?<![\w])(?i:numbers?|digits|codes?|combination|combo)"
               r"(?:[^\S\n]+(?i:are|is))?[^\S\n]*:?[^\S\n]*)(?<![\w,.])\d(?:[^\S\n]*,[^\S\n]*\d){1,6}[^\S\n]*,?"
               r"[^\S\n]+(?i:and)[^\S\n]+\d(?![\w])")
# A code told in parts so it is never written whole (`first two are 4 and 1, last two are 9
# and 6`, `first half 41, second half 96`, `1st three digits: 5 0 2 - last one: 7`): a first
# part and a last (second, next, other) part, each named by how many digits it holds.
_PART_NAMED = (r"(?i:one|two|three|four|half|bit|part|1|2|3|4)"
               r"(?:[^\S\n]+(?i:digits?|numbers?|nos?))?"
               r"(?:[^\S\n]+(?i:are|is|=)|[^\S\n]*[:=\-\u2013\u2014])?[^\S\n]*")
_PART = (r"\d{1,4}(?:(?:[^\S\n]*[,&][^\S\n]*|[^\S\n]*,?[^\S\n]+(?i:and|then)[^\S\n]+"
         r"|[^\S\n]+)\d{1,4}){0,3}(?![\w])")
PARTED_CODE = (rf"(?=(?i:[f1]))(?<![\w])(?i:first|1st)[^\S\n]+{_PART_NAMED}{_PART}"
               r"[^\S\n]*(?:[,;\-\u2013\u2014][^\S\n]*)?(?:(?i:and|then)[^\S\n]+)?"
               r"(?:(?i:the)[^\S\n]+)?(?i:last|second|next|final|other|2nd)[^\S\n]+"
               rf"{_PART_NAMED}{_PART}")
_ANY_CODE = f"(?:{CODE}|{SPELT_CODE}|{GROUPED_CODE}|{LISTED_CODE})"
# (told in parts only after its object: one more alternative tried at every character of
# every pattern's gap before its code cost a tenth of the recognizer on office prose)
_CODE_OR_PARTS = f"(?:{CODE}|{SPELT_CODE}|{GROUPED_CODE}|{LISTED_CODE}|{PARTED_CODE})"
# A code told by what it is made of, the person's own numbers (`code = her house number (38)
# twice`, `combination is the year she was born`, `code is her DOB`, `pin is the last four
# digits of her landline`): whoever reads the record knows them, so it is a code given. Only
# as the value of a code word (`code is ...`, `code = ...`): the same facts are written about
# a person everywhere.
_SPOKEN_AS = (r"(?:[^\S\n]+(?i:is|was|=)|[^\S\n]*[:=])[^\S\n]*"
              r"(?:(?i:just|simply|the[^\S\n]+same[^\S\n]+as|same[^\S\n]+as)[^\S\n]+)?")
_WHOSE = (r"(?:her|his|their|the[^\S\n]+(?:client|patient|resident|tenant)['\u2019]?s?"
          r"|(?:mum|dad|nan|gran|grandad)['\u2019]?s)")
DERIVED_CODE = (
    r"(?=(?i:[cpn]))(?<![\w])(?i:codes?|pin|combination|combo|number)" + _SPOKEN_AS
    + r"(?i:" + _WHOSE + r"[^\S\n]+(?:house|door|flat|home|bungalow)[^\S\n]+"
    r"(?:number|no\.?|nr\.?)(?:[^\S\n]*\(\d{1,4}\))?(?:[^\S\n]+(?:twice|backwards|reversed"
    r"|repeated|doubled|x[^\S\n]?2|two[^\S\n]+times)(?![\w]))?"
    r"|(?:the[^\S\n]+)?year[^\S\n]+(?:she|he|they|(?:mr|mrs|ms|miss)\.?[^\S\n]+[a-z][\w'\-]*)"
    r"[^\S\n]+(?:was|were)[^\S\n]+born"
    r"|" + _WHOSE + r"[^\S\n]+(?:birth[^\S\n]?year|year[^\S\n]+of[^\S\n]+birth|birthday"
    r"|date[^\S\n]+of[^\S\n]+birth|dob|d\.o\.b\.?)"
    r"|(?:the[^\S\n]+)?(?:last|first)[^\S\n]+(?:four|4|three|3|six|6)[^\S\n]+(?:digits|numbers)"
    r"[^\S\n]+of[^\S\n]+" + _WHOSE + r"[^\S\n]+(?:(?:home[^\S\n]+|land[^\S\n]?line[^\S\n]+"
    r"|mobile[^\S\n]+|tele)?phone(?:[^\S\n]+number)?|landline|mobile|nhs[^\S\n]+number"
    r"|postcode))(?![\w])"
)
_CODE_PREFIX = prebuilt(r"[#*]?[A-Za-z]?$")
_SP = r"[^\S\n]+"  # spaces, never a line break: no pattern crosses a line
# A character of the same clause: no line break or sentence end; the full stop of
# `no.` / `nr.` / `num.` does not end a clause (`Key-safe no. 7 4 1 9`), nor the dot of a
# time or a decimal (`open from 11.30 for the driver`).
_CLAUSE_CHAR = r"(?:[^\n.;!?]|(?<=(?<![^\W\d_])(?i:no|nr|num))\.|(?<=\d)\.(?=\d))"
_CLAUSE_END = r"[.;!?]+[^\S\n]*"
# Between an opening and its code word, or a code and its object: spaces, or a colon,
# dash, comma or bracket (`Front door: code 1234`, `1234 (key safe)`).
_JOINER = r"(?:[^\S\n]*[:\-\u2013\u2014,(][^\S\n]*|[^\S\n]+)"
# `key` followed by one of these is a figure of speech, not a door key.
_NOT_A_DOOR_KEY = (
    r"(?![^\S\n]+(?i:stage|findings?|performance|indicators?|points?|workers?|messages?|"
    r"issues?|areas?|skills?|roles?|dates?|themes?|risks?|factors?|contacts?|facts?|"
    r"features?|terms?|words?|stakeholders?|priorit(?:y|ies)|objectives?|actions?|"
    r"information|info|lessons?|questions?|changes?|documents?|principles?|results?|"
    r"things?|parts?|person|people|members?|goals?|elements?|aspects?|concerns?|"
    r"components?|milestones?|measures?|tasks?|outcomes?|steps?|signs?|symptoms?|"
    r"decisions?|events?|services?|partners?|players?|role|figures?|finders?|trackers?|"
    r"locators?|switch(?:es)?|fobs?|diary|diaries|turners?|to[^\S\n]+success)\b)"
)
# `key for the car`, `keys to the medicine cabinet`: a key, but not to a home.
_NOT_A_HOME_KEY = (
    r"(?![^\S\n]+(?i:to|for)[^\S\n]+(?!(?:Mr|Mrs|Ms|Miss|Dr)\b)"
    r"(?:(?i:the|her|his|their|a|my|your)[^\S\n]+)?(?:\w+[^\S\n]+)?(?i:car|cars|van|vehicle|"
    r"scooter|bike|locker|lockers|cabinet|trolley|cupboard|drawer|desk|safe|cash|till|window|"
    r"windows|filing|medicines?|medication|meds|drugs?|office|offices|ward|clinic|sheds?|"
    r"greenhouse|summerhouse|allotment|loft|attic|cellar|bedroom|bathroom|trunk|chest|"
    r"wardrobe|bicycle|bikes|bins?|stairlift|chair|meter(?![^\S\n]+read))\b)"
)
# A key to or for a boat or a caravan (`a spare key for his boat`): a home's only when the text
# says someone lives there (`LIVED_IN_WORDS`); else a craft's or a van's like a car's.
_KEY_TO_A_CRAFT = prebuilt(
    r"(?i:keys?)[^\S\n]+(?i:to|for)[^\S\n]+(?:(?i:the|her|his|their|a|my|your)[^\S\n]+)?"
    r"(?:\w+[^\S\n]+)?(?i:caravan|boat)(?![\w])")
KEY_TO_A_CRAFT_CHARS = 40
# (the same words after `key` in a record's normalised field name: `key_worker`, `Key concerns`)
_KEY_FIGURE = prebuilt(r" keys?(?=" + _NOT_A_DOOR_KEY.removeprefix("(?!"))


# (a column's or segment field's name recurs in every row and message: its class is read
# once per name)
@functools.lru_cache(maxsize=4096)
def _name_class(words: str) -> str | None:
    """What a field whose name reads `words` holds (`access_fields.name_class`)."""
    return fields.name_class(words, _KEY_FIGURE.search)


_KEY_WORD = (r"(?i:key[^\S\n]?fobs?|keys?|fobs?|key[^\S\n]?rings?)\b" + _NOT_A_DOOR_KEY
             + _NOT_A_HOME_KEY)
# `the spare`, `a set` standing for a key: nothing after it but punctuation, the line's
# end or a word that starts a new phrase (`has a spare if the KS jams`, not `a spare room`).
_STANDS_ALONE = (
    r"\b(?=[^\S\n]*(?:$|[^\w\s])|[^\S\n]+(?i:for|if|in|at|and|too|as|just|which|so|with|is|"
    r"are|kept|left|held|incase|on|from|off|under|underneath|behind|inside|beside|above|below|near|"
    r"outside|hidden|hanging|hung|taped|tucked|to|into|"
    r"of[^\S\n]+(?:(?:her|his|their|the|my|our|mum's|dad's)[^\S\n]+)?keys)\b)"
)
_SPARE_ALONE = r"(?i:spares?)" + _STANDS_ALONE
_SET_ALONE = r"(?i:set)" + _STANDS_ALONE
# `spare set` is a set of keys, unless of something else (`spare set of pads`).
_SPARE_SET = r"(?i:spare[^\S\n]+set)\b(?![^\S\n]+(?i:of)[^\S\n]+(?!(?i:keys)\b)\w)"
# Outbuildings whose door has a key of its own (`the byre door key`): not the home's.
_OUTBUILDINGS = r"byre|barn|stables?|workshop|outhouse|henhouse|coop|polytunnel"
# Not a key: a key safe or key box said to be gone (`Key safe removed by family last month` over
# `key on string thru the letterbox`: the key is the one on the string), and keys kept safe
# (`Keep your keys safe`).
_DEVICE_REMOVED = (
    r"(?:(?i:was|has[^\S\n]+been|been|now|since|then|all)[^\S\n]+)?(?i:removed|taken[^\S\n]+"
    r"(?:off|away|down)|gone|stolen|lost|broken[^\S\n]+off|ripped[^\S\n]+off)\b")
_NOT_A_KEY_HOLDER_DEVICE = (
    r"(?![^\S\n]*-?[^\S\n]*(?i:safes?|box(?:es)?)\b[^\S\n]*" + _DEVICE_REMOVED + ")"
    r"(?!(?<=(?i:keys))[^\S\n]+(?i:safe)\b)"
    # the details of a key holder are no key (`Careline hold key holder details`)
    r"(?![^\S\n]*-?[^\S\n]*(?i:holders?)[^\S\n]+(?i:details|info|information|contacts?|list|"
    r"numbers?|register|records?)\b)"
)
# A door key (a fob, a spare, a spare set), not the key of a safe, a cupboard or a van, nor an
# answer key, unless the answer is the one not given (`If no answer key under the pot`).
_KEY = (
    r"(?<![^\W\d_])(?<!(?i:any|press|the\s+shift|function|car|allen|(?<!(?i:no)\s+)answer|"
    r"safe|cd|staff|"
    r"cupboard|cabinet|trolley|locker|van|till|cash|desk|drawer|lock\s+and|meter|window|"
    r"stairlift|isolator|lowering|scooter|bike|triangle|fridge|vehicle|filing|jewellery\s+box|"
    r"engine|ignition|outboard|tractor|mower|"
    r"shed|garage\s+door\s+remote|(?:cellar|loft|attic|bedroom|bathroom|pantry|toilet|study|"
    r"cupboard|internal|room|" + _OUTBUILDINGS + r")"
    r"(?:\s+door)?|turn(?:s|ing)?\s+(?:the|her|his|their|a))(?:['\u2019]s)?\s)"
    r"(?:(?i:spare[^\S\n]+|front[^\S\n]+door[^\S\n]+|back[^\S\n]+door[^\S\n]+|door[^\S\n]+|"
    r"house[^\S\n]+)?" + _KEY_WORD + _NOT_A_KEY_HOLDER_DEVICE + "|" + _SPARE_SET + "|"
    + _SPARE_ALONE + ")"
)
# `key safe` as it gets typed: one letter wrong, missing or extra in `safe`, `key`
# shortened (`keysave`, `kesafe`, `keyseafe`, `keysaf`).
def one_edit(word: str, letter: str = "[a-z]") -> str:
    """A regex for every spelling of `word` with one `letter` wrong, missing or extra."""
    forms = {word}
    for index in range(len(word) + 1):
        forms.add(word[:index] + letter + word[index:])  # one letter extra
        if index < len(word):
            forms.add(word[:index] + letter + word[index + 1:])  # one letter wrong
            forms.add(word[:index] + word[index + 1:])  # one letter missing
    # Longest first; ties in a fixed order, so the pattern's source is the same in every
    # process (`recognizers.compiled_patterns` finds it by its source). Two forms of one
    # length match the same characters, so their order changes no match.
    return "(?:" + "|".join(sorted(forms, key=lambda form: (-len(form), form))) + ")"


# `key` as it gets typed or read back from handwriting: a letter missing, doubled or
# swapped, `c` for `e` (`kee safe`, `kye safe`, `kcy safe`; `k3y` is read as `key`, see
# `read_through_ocr`); `safe` one letter off or broken by a space (`key sa fe`).
_KEY_TYPED = r"k(?:ey|ee|ei|ye|cy|e|y)"
# (A digit OCR reads for a letter counts as a wrong letter: `KEYSAF3`.)
_SAFE_TYPED = rf"(?:{one_edit('safe', '[a-z035]')}|s[ ]afe|sa[ ]fe|saf[ ]e)"
_MISSPELT_KEY_SAFE = (rf"(?<![\w])(?i:{_KEY_TYPED}[ \-]?{_SAFE_TYPED}|k[ /\-]?safe)"
                      r"(?![\w])")
_DETERMINER = r"(?:(?i:the|a|an|her|his|their|its|my|your|our|this)[^\S\n]+)?"
# Up to `n` words describing a place or an opening (`third`, `3rd`, `loose`, `'welcome'`).
_WORD = (r"(?:\d+(?i:st|nd|rd|th)?|['\"\u2018\u201c]?[A-Za-z][\w'\-\u2019]*['\"\u2019\u201d]?)"
         r"[^\S\n]+")
_HIDE_PREPOSITION = (
    r"(?<![\w])(?i:under(?:neath)?|beneath|in|inside|within|behind|on[^\S\n]+top[^\S\n]+of|"
    r"on|above|below|beside|next[^\S\n]+to|by|at[^\S\n]+the[^\S\n]+back[^\S\n]+of|"
    r"ahint|aneath|ablow|ben)"
)
_ATTACHED = (
    r"(?<![\w])(?i:tied|taped|clipped|hooked|hung|hanging|fixed|attached|fastened|strapped|"
    r"pinned|wedged|stuck|(?:cable|zip)[ \-]?tied)[^\S\n]+(?i:to|on|onto|off|from|over|under|"
    r"behind|inside|round|around)"
)
_LOCATED = (
    r"(?<![\w])(?i:on|by|at|behind|beside|next[^\S\n]+to|near|under(?:neath)?|above|below|"
    r"inside|in|outside|round|around|(?:to|on|at)[^\S\n]+the[^\S\n]+(?:left|right|side|back)"
    r"[^\S\n]+of|(?:left|right)[^\S\n]+of)"
)
_FIXTURES = ("door", "front door", "back door", "side door", "wall", "gate", "window", "fence",
             "doorbell", "light", "porch light", "pipe", "porch", "door frame", "garage door",
             "house", "bungalow", "flat", "entrance", "property", "building")
# `key safe`, `key box`: a device, not a key someone holds.
_NOT_A_KEY_DEVICE = r"(?![^\S\n]*-?[^\S\n]*(?i:safes?|box|boxes|pad|codes?)\b)"
# `key arrangements`: the arrangements for getting in, not a key someone holds.
_NOT_ARRANGED = r"(?![^\S\n]+(?i:arrangements?)\b)"
# (`is having the spare key`: the progressive as English is spoken in South Asia and Africa)
_HOLD_VERB = (r"(?:(?:(?i:does|do|did)[^\S\n]+(?:(?i:still|also)[^\S\n]+)?)?"
              r"(?i:holds?|has|have|keeps?|kept)(?:[^\S\n]+(?i:got))?"
              r"|(?i:is|are)[^\S\n]+(?i:having|holding|keeping))")
# Asking to hold a key is holding none (`asked whether he could have a key`, `can I keep
# one?`); `may`, `will` and `should` arrange one (`the scheme manager may hold a spare`).
_ASKING = "could|can|would"
# Giving a key to someone (`given a spare to Carol`, `Kayden's given me a spare`): one list for
# the patterns and for the words their trigger looks for.
_GIVEN_VERBS = ("given", "gave", "give", "gives", "handed", "hands", "passed", "lent", "loaned")
_GIVEN = rf"(?i:{'|'.join(_GIVEN_VERBS)})"
# Coming with a key of one's own (`son attending with his key`): the words the pattern's
# trigger looks for.
_BRINGS_VERBS = ("attend", "com", "arriv", "bring", "way with")
# (`w/` and a lone `w` are `with` as people type it: `keys w next door no.12`)
_HELD_BY = (r"(?i:held[^\S\n]+by|with|(?<![\w])w/|(?<![\w])w(?=[^\S\n])|kept[^\S\n]+by|"
            r"left[^\S\n]+with|from|off|at)")
# A key that says it opens the home (`spare key`, `house key`, `key to the flat`): where
# it is kept counts whatever the place (`on the nail above the freezer`), but not a time
# or a manner (`in the post`, `on the way`).
# A door inside the home (`the cellar door key`) is none of these.
_HOME_KEY_WORDS = (
    r"(?<!(?i:cellar|loft|attic|bedroom|bathroom|pantry|toilet|study|room|" + _OUTBUILDINGS
    + r")\s)(?i:spare|front[^\S\n]+door|back[^\S\n]+door|side[^\S\n]+door|door|house|flat)"
)
_SPATIAL = (
    r"(?:(?<![\w])(?i:under(?:neath)?|beneath|behind|inside|in|on|above|below|beside|"
    r"on[^\S\n]+top[^\S\n]+of|next[^\S\n]+to|hanging[^\S\n]+(?:on|from)|hung[^\S\n]+on)"
    # where a key was moved or put (`she's moved the spare key to the gas meter cupboard`)
    r"|(?<=(?<![\w])(?i:moved|move|put|placed|transferred)(?:[^\S\n]+[\w'\u2019]+){0,3}"
    r"[^\S\n]+)(?<![\w])(?i:to|into))"
)
# The home's word ends its phrase (`key to the back door is ...`), never a word that
# describes something else (`key to the garden shed`, `key for the back bedroom`).
_HEAD_ENDS = (
    r"(?=[^\S\n]*(?:[^\w\s]|$)|[^\S\n]+(?i:is|are|was|were|kept|hangs?|hung|lives?|left|"
    r"stays?|sits?|goes|on|in|inside|under(?:neath)?|behind|by|at|with|next|above|below|"
    r"beside|can|will|should|which|that|and|or|from|hidden|tucked|located|placed|put)\b)"
)
_NOT_A_PLACE = (
    r"(?!(?i:way|post|mail|morning|afternoon|evening|night|day|week|month|year|future|"
    r"meantime|past|case|event|process|system|name|hand|hands|interim|"
    # whose it is, not where (`spare fob in the customer's possession`)
    r"possession|keeping)\b)"
)
# Someone named (`Jean`, `Mrs Patel`): a key left with them is held by them.
# (a name's letters in any alphabet's case: `Màiri`, `Siân`, `Zoë`)
_NAMED = (r"(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?[^\S\n]+)?(?!(?:Yes|No|None|Not|Unknown)\b)"
          r"\p{Lu}\p{Ll}+\b")
# Someone by title and name (`Mrs Dean`): a keyholder; never a purpose (`Mrs Ward`).
_TITLED = r"(?<![\w])(?:Mr|Mrs|Ms|Miss|Dr|Mstr)\.?[^\S\n]+[A-Z][\w'\-\u2019]*"
# Someone by their full name (`Elfed Rowlands`, `Revd Alison Pike`): two or three capitalised
# words, after a title of any calling (`Revd`, `Cllr`, `Fr`) or none.
_FULL_NAMED = (r"(?<![\w])(?:(?:Mr|Mrs|Ms|Miss|Dr|Mstr|Revd|Rev|Fr|Cllr|Sr|Prof)\.?[^\S\n]+)?"
               r"(?!(?:Yes|No|None|Not|Unknown|Key|Keys|Spare|Door|Gate|Code)\b)"
               r"[A-Z][\w'\-\u2019]+(?:[^\S\n]+[A-Z][\w'\-\u2019]+){1,2}")
# An organisation by its name (`Residence Life`, `Hartley & Moss Solicitors`, `Sentinel
# Alarm Monitoring`): words in title case, `&` or `and` between two, none a key's or a door's.
# A job title is no organisation (`Office Manager has the keys` is the office's).
_NOT_AN_ORGANISATION_WORD = (
    r"(?!(?:The|Key|Keys|Spare|Door|Gate|Code|Flat|House|Managers?|Leaders?|Officers?|Workers?|"
    r"Co-?ordinators?|Supervisors?|Sisters?|Nurses?|Teachers?|Staff|Team|Lead|Head|Directors?|"
    r"Caretakers?|Administrators?|Receptionists?|Assistants?|Porters?|Wardens?)\b)")
_ORGANISATION = (rf"(?<![\w]){_NOT_AN_ORGANISATION_WORD}"
                 r"[A-Z][a-z][\w'\-\u2019]*(?:[^\S\n]+(?:(?:&|and)[^\S\n]+)?"
                 rf"{_NOT_AN_ORGANISATION_WORD}[A-Z][a-z][\w'\-\u2019]*){{1,3}}")
# Whoever a key is kept or held by, named by their role and then by title and name (`kept by
# the interpreter, Mr Haddad`): a person, whatever the role (`by` a place is beside it); the
# role is read for a purpose (`the estate agent, Mr Rowe`), the name is not.
_ROLE_THEN = (r"(?<=(?<![\w])(?i:by)[^\S\n]+)(?i:the|her|his|their|our|your)[^\S\n]+"
              r"(?:[A-Za-z][\w\-]*[^\S\n]+)?[A-Za-z][\w\-]*[^\S\n]*,[^\S\n]*")
# Someone named and placed (`Doreen at 14`, `Pat across the road at 22`, `Ian upstairs`): a
# neighbour by name, not the person at home. Their name and place are read for a purpose.
_NOT_A_NAME = (r"(?!(?:She|He|They|It|We|I|You|Pt|Patient|Client|Tenant|Service|User|Office|"
               r"Staff|Team|Nobody|Someone|Anyone|Everyone|Who|Which|That|This|There|Key|Keys|"
               r"Spare|Door|Gate|Code)\b)")
_NAMED_PLACED = (
    rf"(?<![\w]){_NOT_A_NAME}\p{{Lu}}\p{{Ll}}+(?:[^\S\n]+\p{{Lu}}\p{{Ll}}+)?[^\S\n]+"
    r"(?:(?i:at|in|from)[^\S\n]+(?:(?i:no\.?|nr\.?|number|flat|house)[^\S\n]*)?\d{1,3}[A-Za-z]?\b"
    r"|(?:(?i:a|one|two|three|four|five|few|couple[^\S\n]+of|\d)[^\S\n]+)?(?i:doors?)[^\S\n]+"
    r"(?i:down|up|along|away)\b"
    r"|(?i:across|over|up|down|round|along)[^\S\n]+(?i:the)[^\S\n]+(?i:road|street|way|landing|"
    r"corridor|hall|lane|close|stairs|corner)\b|(?i:opposite|next[^\S\n]+door|upstairs|"
    r"downstairs|below|above)\b)"
)
# A house a key is left at (`at no. 9`, `with number 22`, `at 31`, `at flat 3`).
_HOUSE_NUMBER = r"(?:(?i:no\.?|nr\.?|number|flat|house)[^\S\n]*)?\d{1,3}[A-Za-z]?\b(?![:.]\d)"
_HIDDEN = r"(?<![\w])(?i:hidden|hid|hides|stashed|tucked|concealed|secreted|buried)\b"
# Words that, after an access object and a clause end, introduce its code.
_NUMBER_WORDS = ("number", "numbers", "no", "digits", "it's", "it is")
# A new code after a change is announced (`keysafe code changed!! new one is 6 0 1 7`,
# `Key safe changed. Now 6612`, `New: 1379`, `the current one is 1 6 6 8`, `that's the new
# one, 5 1 5 1`): `new`, `now` or `current`, at most a word naming the code and `is`, a
# colon or a comma, then the code (`New referral 33123` is no code).
_NEW_CODE = (
    r"(?<![\w])(?i:new|now|current|latest|updated)(?:[^\S\n]+(?i:one|code|number|no\.?|"
    r"combo|combination|pin|digits))?"
    r"(?:[^\S\n]*[:=\-\u2013]|[^\S\n]+(?i:is|are|reads)|(?<=[Oo]ne),)?[^\S\n]*"
)
# A reference that says the number after it is the code told about before it: a new or
# current one (`_NEW_CODE`, with `new`, `current` or `latest` and its noun), the sum of a
# memory aid (`so it's`, `which makes it`, `i.e.`), or the second of a change told from one
# code to another (`code changed from 1904 to 6652`, `reset from 2211 to 8093`: the old code
# is no way in, whatever number it is).
_CODE_REFERENCE = (
    r"(?:(?<![\w])(?i:new|current|latest)[^\S\n]+(?i:one|code|number|combination|pin)"
    r"(?:[^\S\n]*[:=,\-\u2013]|[^\S\n]+(?i:is|reads))[^\S\n]*"
    r"|(?:(?<![\w])(?i:so|which[^\S\n]+makes|making|that[^\S\n]+makes)[^\S\n]+(?i:it['\u2019]s|it[^\S\n]+is|it)"
    r"[^\S\n]*[:,]?[^\S\n]*|(?<![\w])(?i:i\.e\.|ie)[^\S\n]*[:,]?[^\S\n]*"
    r"|(?<![\w])(?i:changed|change|changing|reset|switched|altered|updated)[^\S\n]+(?i:from)"
    r"[^\S\n]+[#*]?[A-Za-z]?\d(?:[ \-]?\d){2,7}[A-Za-z]?[#*]?[^\S\n]+(?i:to)[^\S\n]+)"
    # (a memory aid's sum is no year: `fitted in 2019, i.e. 2019 model`)
    r"(?!(?:19|20)\d\d(?![\d\-/.]?\d)))"
)
REFERENCE_REACH = 40
# A connected lock or doorbell by its kind or its maker (`Nuki`, `Ring app`, `Doorbell app`),
# and a code it gives a guest (`guest PIN`, `visitor code`, `temporary code`, `guest access`).
# A maker that is a place's or a name's word too (`Yale New Haven Hospital`) only with a
# lock's or an app's word within two words (`Yale app`, `Yale Access app`, `Yale keypad`).
_LOCK_APP_MAKERS = ("smart", "smartlock", "smartlocks", "nuki", "yale", "ultion", "igloohome",
                    "eufy", "august", "ring", "nest", "video", "doorbell")
_LOCK_APP_NAME = (
    r"(?<![\w])(?i:smart[^\S\n\-]?locks?|nuki|ultion|igloohome|eufy|august[^\S\n]+lock|"
    r"yale(?:[^\S\n]+[\w\-]+){0,2}?[^\S\n]+(?:apps?|smart[^\S\n\-]?locks?|locks?|keypads?)|"
    r"(?:ring|nest|eufy|video)[^\S\n]+(?:app|doorbell|intercom|log)|doorbell[^\S\n]+app)"
    r"(?![\w])")
_GUEST_CODE = (
    r"(?<![\w])(?i:guest|guests|visitor|visitors|temporary|temp|one[^\S\n]?-?[^\S\n]?time)"
    r"[^\S\n]+(?i:codes?|pins?|passcodes?|access)(?![\w])")
_REFERENCE_RE = prebuilt(_CODE_REFERENCE)
# A code given as what opens the object: `the box by the back door opens with 7351`.
_OPENS_WITH = r"(?<![\w])(?i:opens?|unlocks?|opened|unlocked)[^\S\n]+(?i:with|using|by)\b"
# Typing a code in (`communal door: press 4 9 2 1`), or what opens it (`opens with code 6610`).
_KEY_IN = (
    r"(?:(?<![\w])(?i:press|enter|punch(?:[^\S\n]+in)?|type(?:[^\S\n]+in)?|key[^\S\n]+in|"
    r"put[^\S\n]+in|input|use|hit|"
    r"tap(?:[^\S\n]+in)?|dial|disarm(?:[^\S\n]+with)?|unset(?:[^\S\n]+with)?)\b"
    r"|" + _OPENS_WITH + ")"
)
# The next clause typing a code in (`Alarm panel behind the coats. Enter 4455 ...`,
# `...; to disarm press 2 9 0 1`): `_KEY_IN` but its verbs that type nothing (`use`, `hit`).
_DISARM = r"(?<![\w])(?i:disarm|unset)(?:[^\S\n]+(?i:with|using|by))?\b"
_KEYED_WORDS = ("press", "enter", "punch", "type", "key in", "input", "tap", "dial", "disarm",
                "unset")
_KEYED_NEXT = (
    r"(?:(?<![\w])(?i:to[^\S\n]+(?:disarm|unset|open|get[^\S\n]+in)[^\S\n]*,?[^\S\n]*)?"
    r"(?i:press|enter|punch(?:[^\S\n]+in)?|type(?:[^\S\n]+in)?|key[^\S\n]+in|input|"
    r"tap(?:[^\S\n]+in)?|dial)\b|" + _DISARM + ")"
)
# What a code is for, after it: `2460 to disarm`, `1234 to open the gate`.
_TO_OPEN = (
    r"(?i:to|will)[^\S\n]+(?i:disarm|unset|deactivate|turn(?:[^\S\n]+it)?[^\S\n]+off|"
    r"switch(?:[^\S\n]+it)?[^\S\n]+off|open|unlock|release|get[^\S\n]+in|gain[^\S\n]+entry)\b"
)
# `let yourself in`, `let urself in`, `let ur selves in`, `let the carers in`.
_LET_IN = (
    r"(?<![\w])(?i:let)[^\S\n]+(?i:(?:your|ur|yr|them|him|her|my|our)[^\S\n]?(?:self|selves)|"
    r"you|carers?|staff|us|the[^\S\n]+carers?)[^\S\n]+(?i:in(?:to|side)?)\b"
)
# Who a door is left open for (`back door open in the mornings so carers can get in`,
# `door open from 11.30 for the driver`; not `open in the summer for the cat`): us, you, or a
# visitor of a service that calls at a home (`home_access_visitors.txt`).
def visitors_pattern(visitors: Sequence[str]) -> str:
    return (r"(?<![\w])(?:(?i:the|our|your)[^\S\n]+)?(?:(?i:us|you|we|visitors|call|visits?)\b|"
            + alternation(plurals(visitors)) + ")")
# Knocking or ringing, then going in: `ring twice then use the key`.
_KNOCK = r"(?<![\w])(?i:knock|chap|ring|buzz|press[^\S\n]+the[^\S\n]+(?:bell|buzzer|intercom))\b"
_GO_IN = (
    r"(?i:let[^\S\n]+(?:yourself|yourselves)[^\S\n]+in|use[^\S\n]+(?:the[^\S\n]+)?(?:spare"
    r"[^\S\n]+)?(?:key|fob)|walk[^\S\n]+(?:straight[^\S\n]+)?in|come[^\S\n]+(?:straight[^\S\n]+)?"
    r"in|(?:go|gan)[^\S\n]+(?:straight[^\S\n]+)?in|enter|open[^\S\n]+the[^\S\n]+door)\b"
)
# A door of something that is not the home (`the door's open on the shed`).
_NOT_ON_A_THING = (r"(?![^\S\n]+(?i:on|of|in)[^\S\n]+(?:(?i:the|her|his|their)[^\S\n]+)?"
                   r"(?i:shed|greenhouse|summerhouse|car|van|fridge|freezer|cupboard|wardrobe|oven|"
                   r"microwave|cage|hutch|coop|garage|outhouse|cabinet)\b)")
# Going in (`come round`, `walk straight in`; Geordie `gan in`).
# Someone who will open a door for you (`knock and wait, I will open the door myself`, `Mrs
# Ellis will open it for you`) is letting you in, as `she will let you in` is: `open` after
# a modal or `to` is someone's doing, never the state of a door or an instruction to you.
_SOMEONE_OPENS = (r"(?<!(?<![\w])(?i:will|shall|would|can|could|to|may|might)[^\S\n]+)"
                  r"(?<!['\u2019](?i:ll)[^\S\n]+)")
_COME_IN = (r"(?i:come|go|walk|gan|step)(?:[^\S\n]+(?:straight|on|right))?[^\S\n]+"
            r"(?i:in|round|around|through)\b")
# A way in through an opening: `entry is via the side gate`, `access to the property is
# through the garage` (a short gap before the preposition); `use the back door` (a door
# or a key-holding device only: `use the house phone` is none).
_ROUTE_VIA = (
    r"(?<![\w])(?i:enter|entry|access|get[^\S\n]+in|come[^\S\n]+in|go[^\S\n]+in)"
    r"(?:[^\S\n]*:|[^\n.;!?]{0,25}?)[^\S\n]*(?<![\w])(?i:via|through|using|by|round|around)"
)
_ROUTE_NOUN = prebuilt(r"(?i:entry|access)\b")
_ROUTE_USE = (
    r"(?<![\w])(?i:use|(?:go|come|walk)[^\S\n]+(?:round|around|through)(?:[^\S\n]+to)?)"
)
_ROUTE_USE_AT = prebuilt(_ROUTE_USE)
# The words those start with (what their trigger looks for).
_ROUTE_WORDS = ("enter", "entry", "access", "get", "come", "go", "use", "walk")
_KNOCK_WORDS = ("knock", "chap", "ring", "buzz", "press")
# `on the latch`, `off the snib`: found where `latch` or `snib` is.
# How to force a door that does not lock (`pull it towards you hard and lift the handle`,
# `give the back door a hard push`): the door is open to whoever knows it.
_KNACK = (
    r"(?<![\w])(?i:towards?[^\S\n]+you|lift[^\S\n]+(?:the|its)[^\S\n]+handle|"
    r"(?:hard|firm|good)[^\S\n]+(?:push|pull|shove|tug|yank)|"
    r"(?:push|pull|shove|tug|yank)[^\S\n]+it[^\S\n]+(?:hard|firmly)|"
    r"(?:hard|firmly)[^\S\n]+(?:and|to)[^\S\n]+(?:it[^\S\n]+)?(?:will[^\S\n]+)?opens?|"
    # a lock that is broken: `give it a shove with your shoulder and you're in`, `lean on it
    # and it opens`
    r"give[^\S\n]+it[^\S\n]+a[^\S\n]+(?:\w+[^\S\n]+)?(?:push|shove|nudge|barge|kick)|"
    r"lean[^\S\n]+on[^\S\n]+it|and[^\S\n]+you(?:['\u2019]re|[^\S\n]+are)[^\S\n]+in|"
    r"and[^\S\n]+(?:it|the[^\S\n]+door)[^\S\n]+(?:opens|gives))\b"
)
# A door that does not lock, between a door and how to force it: no negation of the knack
# (`Front door doesn't lock, the Yale's broken - just give it a shove`).
_BROKEN_LOCK = (r"(?<![\w])(?i:doesn['\u2019]?t|does[^\S\n]+not|won['\u2019]?t|will[^\S\n]+not|"
                r"can['\u2019]?t|cannot|isn['\u2019]?t)[^\S\n]+(?i:lock|locking|shut|close|latch)\b")
_FIELD_OBJECT = (
    r"(?i:key[_\-]?safe|k[_\-]?s|key[_\-]?box|lock[_\-]?box|key[_\-]?pad|pad[_\-]?lock|"
    r"(?:front|back|side|main|communal|outer|street)?[_\-]?door(?:[_\-]?entry)?|"
    r"(?:front|back|side|main)?[_\-]?gate|entry|alarm|access|building)"
)
_CODE_FIELD = (
    r"(?:(?<![^\W_])|(?<=[a-z])(?=[A-Z]))" + _FIELD_OBJECT
    + r"[_\-]?(?i:code|pin|combination|combo)[^\S\n]*[=:|][^\S\n]*" + CODE
)
_FIELD_WORDS = ("code", "pin", "combination", "combo")
# The one-word names of those fields as the automaton finds them (case-folded, joined by
# nothing, `_` or `-`): what every match of the field pattern holds.
_FIELD_OBJECTS = ("keysafe", "key safe", "ks", "k s", "keybox", "key box", "lockbox", "lock box",
                  "keypad", "key pad", "padlock", "pad lock", "door", "front door", "back door",
                  "side door", "main door", "communal door", "outer door", "street door",
                  "door entry", "front door entry", "main door entry", "gate", "front gate",
                  "back gate", "side gate", "main gate", "entry", "alarm", "access", "building")


def field_names() -> list[str]:
    return sorted({separator.join(obj.split()) + separator + word
                   for obj in _FIELD_OBJECTS for word in _FIELD_WORDS
                   for separator in ("", "_", "-")})
# (`off the catch` too, after its door: a night latch's catch released, `leaves front door
# off the catch`, `door left off the catch`)
_LATCHED = (r"(?<![\w])(?:(?i:on|off)[^\S\n]+(?:(?i:the)[^\S\n]+)?(?i:latch|snib)|"
            r"(?<=(?<![\w])(?i:door|doors|gate)(?:[^\S\n]+[A-Za-z']+){0,2}[^\S\n]+)"
            r"(?i:off)[^\S\n]+(?:(?i:the)[^\S\n]+)?(?i:catch))\b")
_GET_IN = (
    r"(?i:to[^\S\n]+(?:get|gain|let[^\S\n]+(?:yourself|yourselves|you))[^\S\n]+"
    r"(?:in(?:to|side)?|entry|access))\b(?![^\S\n]+touch)"
)
_NEGATION = Terms(["not", "never", "don't", "dont", "do not", "no longer", "mustn't",
                   "must not", "shouldn't", "should not", "cannot", "can't", "won't", "isn't",
                   "wasn't", "doesn't", "didn't",
                   # a request to stop doing it (`please stop leaving the door on the snib`)
                   "stop", "stopped", "no more", "any more", "anymore", "quit"])
# How many words before an instruction a negation is looked for in its clause (`asked us
# not to leave the door on the latch`).
NEGATION_WORDS = 8
# `if not`, `if no answer`: what to do otherwise, not a negation of it.
_OTHERWISE = Terms(["if not", "if no", "if she's not", "if he's not", "if they're not",
                    "if she isn't", "if he isn't", "if they aren't", "if not in", "when not",
                    "if nobody", "if no one", "or not",
                    # a negated purpose says why, not what not to do (`come in without
                    # knocking so as not to wake his wife - door will be unlatched`)
                    "as not to", "order not to", "so not to"])
# A negation of what the person can do (`pt can't stand to answer the door, door will be left
# unlocked`) is why the door is left open, not a negation of the instruction.
_UNABLE = Terms([f"{negation} {verb}" for negation in (
    "can't", "cant", "cannot", "can not", "won't", "wont", "doesn't", "does not", "couldn't",
    "not able to", "isn't able to", "unable to", "not always able to")
    for verb in ("answer", "stand", "get", "hear", "walk", "come", "reach", "manage",
                 "mobilise", "mobilize", "move", "see", "open", "get up", "get to",
                 # not at home (`the occupier, who won't be in - he will leave ... open`)
                 "be in", "be home", "be at home", "be there", "be around", "be back")])
# Who holds a key and where they are (the `holder` group: `the pharmacy next door`, `her
# friend from church`, `Mrs Ward`) does not say what the key opens: only the key's own
# words and, when the holder comes first, the words after the key (`has a key for the
# scheme office`) are read for a purpose that is not a home.
_KEYHOLDER_PATTERNS = frozenset({"keyholder word", "keyholder holds key", "key held by",
                                 "holder then pronoun has key",
                                 "keys then named holder",
                                 "key given to", "holder given key", "key then its holder",
                                 "holder has key", "holder brings own key",
                                 "key left with", "asked who has key", "key given to speaker"})
_HOLDER_LAST_PATTERNS = frozenset({"keyholder word", "key held by", "key given to",
                                   "keys then named holder",
                                   "key left with", "asked who has key", "key given to speaker"})
# (or a holder that is a job: `Keyholder vacancy: Spar`, `keyholder / assistant manager`)
_HOLDER_OF = prebuilt(r"[^\S\n]+(?i:of|for)\b|[^\S\n]*[/,:\-]?[^\S\n]*(?i:vacanc(?:y|ies)|"
                        r"jobs?|role|post|position|wanted|required|assistant|manager|supervisor)\b")
# A title and the word after it are a name, never a purpose (`Mrs Ward`, `Mr Church`).
_TITLED_WORDS = prebuilt(r" (?:mr|mrs|ms|miss|mstr) \S+")
# A street's name is an address, never a purpose (`4 Station Road`, `Church Street`).
_STREET_WORDS = ("road", "rd", "street", "st", "lane", "ln", "avenue", "ave", "drive", "crescent",
                 "cres", "terrace", "grove", "gardens", "gdns", "mews", "parade", "cottages",
                 "close", "row", "square", "villas")
_STREET_NAME = prebuilt(rf" \S+ (?:{'|'.join(_STREET_WORDS)})(?= )")
# What a code is for when it opens nothing (read in the match itself):
# - a classification code: `code`, `coded` or `coding` for, of or as a condition, procedure
#   or drug that the health vocabulary (the automaton the health recognizers load) names
#   right after it (`combination code for diabetes with the complication, code 4321`);
_CODED_FOR = prebuilt(r"(?<![\w])(?i:codes?|coded|coding)[^\S\n]+(?i:for|of|as)[^\S\n]+"
                        r"(?P<what>[^\W_][^\n,.;:()]{0,60})")
CODED_FOR_WORDS = 4
VISITOR_AFTER_TERM_WORDS = 2  # `diabetes specialist nurse` is a visitor
# - `KS` as Kansas: before a machine-readable zone's filler (`KS<200107`), or after a town's
#   name and before a ZIP code as a ZIP+4 (`Wichita, KS 67202-1134`), or written the US way
#   (a town in capitals, `LAWRENCE KS 66044`, or a comma, `Salina, KS 67402`) with a street
#   address before it on its line (`4410 W 3RD ST APT 12, `) and no UK postcode on it (a
#   key safe after a UK address: `22 Mill Lane, Halifax KS 55123`).
_STATE_KS = prebuilt(r"(?<![\w])KS<|(?<=(?<![\w])(?P<town>[A-Z][A-Za-z'\-]*)(?P<comma>,?)"
                       r"[^\S\n]+)KS[^\S\n]*\d{5}(?P<plus>-\d{4})?(?![\w\-])")
_UK_POSTCODE = prebuilt(POSTCODE)  # the postcode recognizer's own definition
_STREET_ADDRESS = prebuilt(
    r"(?<![\w])\d+[A-Za-z]?[^\S\n]+(?:[\w.'\-]+[^\S\n]+){1,4}"
    rf"(?i:{'|'.join(_STREET_WORDS)}|blvd|boulevard|hwy|highway|pl|place|way|ct|court)\b"
    r"|(?<![\w])(?i:p\.?[^\S\n]?o\.?[^\S\n]+box)[^\S\n]+\d+")
# - an old code: of a home the person has left (`from her previous flat`, `previous address
#   keysafe`, `key safe at the old address`; but `the old coach house` names where someone
#   lives), or said to be out of use after it (`1490 no longer in use`), unless a new or
#   current one is given.
_LEFT_HOME_BEFORE = r"(?:previous|former|(?:her|his|their|my|your|mum s|dad s) old)"
_OUT_OF_USE = Terms(["no longer in use", "not in use", "no longer used", "out of use",
                     "disused", "no longer works", "no longer valid", "not valid",
                     # a register's column for a home left (`Old KS 2290 - n/a now`)
                     "n a now", "not applicable now", "no longer needed", "not needed now",
                     # a home left empty (`keypad 8608 - void now`: a void flat's)
                     "void", "void now", "now void"])
# An object called old right before it (`Old KS 2290`, `previous lockbox 7720`, `family
# clearing the house; old key safe 8802`): the lock of a home left or replaced (normalised
# words of the clause before the match).
# So is an object after an old code (`old code for the key box by her gate was 1 1 1 1`) and
# a way in after `old access` (`the app is still showing the OLD access (Keys - ...)`).
_OLD_OBJECT = prebuilt(r" (?:old|previous|former|disused) (?:(?:code|pin|number|combination|"
                       r"combo) (?:for|of|to|on) (?:the |her |his |their )?|access (?:(?:details|"
                       r"info|information|notes?|arrangements?) )?)?$")
# A building with a reception desk (a care or nursing home, supported living, an office):
# a door code said with it (`front door code 3266 - ask at reception`) is the building's, no
# one's home's (normalised words of the sentence; a house's `reception room` is no desk). A
# key kept there is still a home's (`spare key kept at the housing office, ask reception`).
_RECEPTION = prebuilt(r"(?:^| )(?:at|from|ask|via|to|by) (?:the )?(?:main )?reception"
                        r"(?! room)(?: |$)|(?:^| )reception (?:desk|staff)(?: |$)")
# Where the clause before a code ends: a home left named across it is where the person came
# from (`Moved in from her previous flat, key safe code 4412`); a label's colon or dash ends
# none (`Previous property: key safe 8181` is that home's).
_CLAUSE_BEFORE_BREAK = prebuilt(r"[,;()]")
# A new or current code given in the sentence (`old KS 2290 - new KS 4471`), a number within
# a few words of the word: a new code said to be held elsewhere is none (`Old code 1157 no
# longer works, new code given to coordinators only`).
_STILL_NEW = prebuilt(r"(?:^| )(?:new|current|latest|updated)(?: [a-z]+){0,3} [0-9]")
# A word whose first letter OCR read as a zero (`0FFICE`, normalised `0 ffice`), read around
# a match only: a zero starting a word is as often a number's (`read_through_ocr` leaves it).
_LEADING_ZERO = prebuilt(r"(?<= )0 (?=[a-z]{2})")
# A service that comes to the home is no hospital or hospice (`hospice at home`).
_AT_HOME_SERVICE = prebuilt(r" (?:hospice|hospital|hosp) at home(?= )")
# A message's medium names no purpose (`Son on WhatsApp:` is no app's code; read in
# normalised words, where `WhatsApp` is `whats app`), nor does any app a message came by
# (`Walkies app msg from Sandra:`; in a text, `_LOCK_APP_IN_TEXT`).
_MESSAGE_WORDS = r"(?:msgs?|messages?|chat|notification|dm|text)"
_MEDIUM = prebuilt(r" (?:whats ?app|face ?book|face ?time|ms teams|teams chat|slack|"
                     r"messenger|imessage|signal) (?:app )?(?=\S)"
                     rf"| app (?={_MESSAGE_WORDS} )")
# A lock's own app is the lock's (`Nuki app: new keypad code ...`, `front door lock works from
# an app`): `app` after a lock or a smart lock's name is no app's code.
_LOCK_APP_WORDS = (r"(?:smart lock|lock|keypad|nuki|yale|ultion|igloohome|eufy|ring|nest|doorbell|"
                   r"video doorbell)")
_LOCK_APP = prebuilt(rf"(?<= {_LOCK_APP_WORDS}(?: \S+){{0,4}}) app (?=\S)")
# (the same in a text, for the owner model: the `app` of `Nuki app:` or of `Walkies app msg`
# names no owner)
_LOCK_APP_IN_TEXT = prebuilt(
    rf"(?<=(?<![\w])(?i:{_LOCK_APP_WORDS})(?:\W+\w+){{0,4}}?\W+)(?i:app)(?![\w])"
    rf"|(?i:app)(?=[^\S\n]+(?i:{_MESSAGE_WORDS})\b)")
# A depot injection given to a person is a dose, not a depot (`if he doesn't answer for his
# depot`, `giving her depot at home`).
_DEPOT_DOSE = prebuilt(r" (?:(?:his|her|their|my|your|monthly|fortnightly|weekly|next) depot"
                         r"|depot (?:injection|injections|jab|dose|medication)) (?!clinic)")
# A boat's locker is a place on a home afloat, not a staff locker (`key in the fender locker`).
_BOAT_LOCKER = prebuilt(r" (?:fender|gas|cratch|stern|bow|anchor|rope|cockpit) lockers?(?= )")
# A keyholder still to be named is none (`Keyholder details to be confirmed`).
_NO_HOLDER = Terms(["tbc", "tba", "to be confirmed", "to be arranged", "unknown", "not known",
                    "none", "no one", "nobody", "details", "n a",
                    # (a record's holder not written down: `KH1 not on file`)
                    "not on file", "none on file", "not recorded", "none recorded",
                    "not listed", "none listed"])
# A store of kit a visitor carries or a locked store of medicines (`drugs box`, `clinical
# bag`, `sharps cabinet`), read in normalised words: its lock is no way into a home.
_CARRIED_STORE = prebuilt(
    r" (?:drugs?|meds?|medications?|medicines?|clinical|kit|equipment|obs|first aid|sharps|iv|"
    r"syringe driver|dressings?|nursing|tools?|cd) (?:box|boxes|bags?|cases?|tins?|pouch|"
    r"pouches|kits?|cabinets?|cupboards?|trolleys?|safes?|lockers?|lock ?box(?:es)?|"
    r"key ?box(?:es)?|key ?safes?) "
    # any bag, case or store with a lock of its own (`the treatment bag has a combination
    # lock`, `her fridge for the biologics has a padlock`)
    r"| (?:bags?|cases?|holdalls?|rucksacks?|backpacks?|suitcases?|briefcases?|satchels?|"
    r"fridges?|freezers?|cabinets?|cupboards?|lockers?|drawers?|trunks?|chests?)"
    r"(?: (?!has |have |with )\S+){0,3} (?:has |have |with |s )(?:a |an |the |its )?(?:\w+ )?"
    r"(?:combination|padlock|lock|code|pin|keypad)s? ")
# Something locked in a store (`knives and medicines locked in a cabinet, combination 0 4 2
# 0`, `passport locked in her bedside drawer`), read in normalised words of the clause before a
# code: the code is the store's. Not a key locked in one (`the spare is locked in a box by the
# door`), nor a key-holding device (`locked in the key safe`).
_LOCKED_IN_STORE = prebuilt(
    r"(?:^| )(?!(?:keys?|spares?|fobs?|set) )\S+ (?:(?:is|are|was|were|kept|all|now) )*locked "
    r"(?:away |up )?(?:in|inside|into) (?:(?:a|an|the|her|his|their|my|our|its) )?(?:\S+ ){0,2}?"
    r"(?<!key |lock )(?:cabinet|cupboard|drawer|safe|locker|wardrobe|trunk|chest|tin|box|case)s?"
    r"(?: |$)")
STORE_WORDS_BEFORE = 12
# A meeting's place before a code on its line (a calendar invite's `Where:`, `Room 12`,
# `meeting in Room 3`): the code is the meeting room's. A meeting alone is no owner (`Staff
# meeting today - Mr Jones' key safe code is 4 4 1 2` is Mr Jones' home's).
_MEETING_PLACE = prebuilt(
    r"(?<![\w])(?i:meeting|meetings|briefing|briefings|huddle|training)(?![\w])"
    r"[^\n]{0,120}?(?:(?<![\w])(?i:where|location|venue|room)[^\S\n]*[:=]"
    r"|(?<![\w])(?i:room)[^\S\n]+[A-Za-z]?\d)")
# A device that holds a key: a code whose own words name one is the device's, whatever was
# locked in a store before it (`Dosette locked in the kitchen cupboard, key safe code 4 4 1 2`).
_KEY_HOLDER_WORD = prebuilt(r"(?<![\w])(?i:key[ \-]?safe|k/s|ks|key[ \-]?box|lock[ \-]?box)"
                              r"(?![\w])")


def _store_clause_before(text: str, position: int, label: re.Pattern | None) -> str:
    """The STORE_WORDS_BEFORE words before position in its clause, from its last `and` on
    when a new subject follows it (`Her medication is locked in a cupboard and the key safe
    ...`: the key safe is no store's); a comma does not end it (`passport locked in her
    bedside drawer, combination 4 4 7 1` is the drawer's)."""
    clause = _clause_before(text, position, STORE_WORDS_BEFORE, label)
    head, found, tail = clause.rpartition(" and ")
    return tail if found and tail.split()[:1] in (["the"], ["a"], ["her"], ["his"]) else clause


# A lock or keypad fitted to a vehicle (`the mobile dental van has a keypad`, `the van's
# lockbox`), read in normalised words.
_VEHICLE_FITTING = prebuilt(
    r" (?:van|vans|car|cars|vehicle|vehicles|ambulance|minibus|bus|lorry|truck|cab) "
    r"(?:has|have|with|s) (?:a |an |the |its )?(?:\w+ )?(?:keypad|key pad|lockbox|lock box|"
    r"key box|keybox|box|key safe|keysafe|padlock|combination|alarm|lock|code|pin) ")
# A vehicle's own door, named right before the match or in it (`the van's side door code is
# 2 9 1 4`, `minibus back door 4411`): the vehicle's, whoever drives it.
# Vehicles: their doors, and a record's words (`van_lockbox_code`, `"vehicle":"pool car 3"`).
VEHICLES = ("vans", "van", "cars", "car", "vehicles", "vehicle", "minibus", "ambulance",
            "lorry", "truck", "cab", "bus", "campervan", "camper", "motorhome")
_VEHICLE_DOOR = prebuilt(
    r"(?<![\w])(?i:" + "|".join(VEHICLES) + r")(?:['\u2019]s)?[^\S\n]+"
    r"(?:(?i:side|back|rear|front|sliding|passenger|driver['\u2019]?s?|"
    r"boot|cab|tail)[^\S\n]+)?(?i:doors?|tailgate)(?![\w])")
VEHICLE_DOOR_CHARS = 40
# A key in a part of a vehicle (`spare key is under the sun visor`, `in the magnetic box
# under the wheel arch`) is the vehicle's, whoever's it is (`Her Fiesta's spare key`).
_VEHICLE_PART = prebuilt(
    r" (?:sun ?visors?|visors?|wheel ?arch(?:es)?|footwells?|dashboard|dash|glove ?box|"
    r"glove compartment|ignition|tow ?bar|bumper|number plate|spare wheel|sat ?nav|"
    r"(?:car|van|back|front|passenger|drivers?) seats?) "
    # locked out of a vehicle, a spare key is for the vehicle (`locked out of her car, spare
    # key at home in the kitchen drawer`)
    r"| locked out of (?:her|his|their|the|my|a|your) (?:car|van|vehicle|campervan|motor) ")
# Patterns whose match starts after the object it names (`if the alarm goes off, the code
# is ...` starts at `code`): this many more words before it are read for a purpose.
_READ_BACK = frozenset({"opening then its code"})
_READ_BACK_WORDS = 8
# `no key holder`, `needs a keyholder`: nobody holds a key.
# A questionnaire's answer `N` or `No` right after its question (`Key holder N / Door chain
# Y`, `Key holder? | No |`): the field says there is none.
_ANSWERED_NO = prebuilt(r"[^\S\n]*[?:]?[^\S\n]*(?:\|[^\S\n]*)?(?i:n|no)[^\S\n]*(?=[/|;,\n]|\Z)")
_NO_HOLDER_BEFORE = Terms(["no", "without", "not a", "need a", "needs a", "find a", "no named",
                           "no known", "no other",
                           # a form's refusal (`client declines keyholder`)
                           "declines", "declined", "declines a", "declined a", "refuses",
                           "refused", "refuses a", "refused a", "does not want a",
                           "doesn't want a", "did not want a", "didn't want a"])
# A padlock or a lock fastens what it is on: on a door or a gate it is a way in (`padlock on
# the side gate`), on anything else it locks that thing (`padlock on the shed`).
_FASTENER = prebuilt(r"(?i:pad[ \-]?lock|combination[ \-]+(?:pad)?lock|lock)\b"
                       r"(?![ \-]*(?i:box|safe))")
_OPENING_WORD = prebuilt(r"(?i:door|gate|dr)\b")


# A fastener named by what it fastens (`the bin shed padlock is 1 9 1`, `bike lock 4421`).
_FASTENED_THINGS = Terms(["shed", "bin", "bins", "bin shed", "bin store", "bike", "bicycle",
                          "barn", "stable", "stables", "workshop", "tow hitch", "hitch",
                          "cycle", "locker", "suitcase", "bag", "cabinet", "cupboard",
                          "trunk", "chest", "trailer", "allotment", "hut", "greenhouse",
                          "summerhouse", "coal bunker", "outhouse", "store", "garage block",
                          "lock up", "lockup", "fridge", "freezer", "drawer", "wardrobe",
                          "window", "windows", "scooter", "chair", "phone", "laptop",
                          # a hatch inside the home or the kitchen's is no way in
                          "loft", "attic", "serving",
                          # nor a room's door inside it (`the lounge door sticks, give it a
                          # shove`)
                          "lounge", "bedroom", "bathroom", "ensuite", "toilet", "loo"])


_DOOR_PATTERNS = frozenset({"door knack", "door state", "open then go in"})
# Things with a keypad or a code of their own that are no one's way in (`Fridge keypad code
# 2281`, `Drug cupboard keypad is 4 4 0 9`, `medicines_trolley_code`): in prose, named right
# before the keypad or the code word; in a record, anywhere in it (`KEYPAD_THINGS`).
KEYPAD_THINGS = Terms(["fridge", "fridges", "freezer", "freezers", "vaccine fridge",
                       "drug fridge", "drug cupboard", "drugs cupboard", "cd cupboard",
                       "medicines cupboard", "medication cupboard", "drug cabinet",
                       "drugs cabinet", "medicines cabinet", "medication cabinet",
                       "key cabinet", "trolley", "trolleys", "medicines trolley",
                       "drug trolley", "drug safe", "drugs safe", "medication safe",
                       "medicines safe", "locker", "lockers"])
# (in prose the word right before is read, so a cupboard or a cabinet of any kind counts)
_KEYPAD_THING_WORDS = Terms([*KEYPAD_THINGS.phrases, "cupboard", "cabinet", "safe deposit"])
# Longest first, then in order: the same source in every process, so it is in the table.
_KEYPAD_THING_BEFORE = prebuilt(
    r"(?i)(?<![\w])(?:" + "|".join(phrase.replace(" ", r"[^\S\n]+") for phrase in sorted(
        _KEYPAD_THING_WORDS.phrases, key=lambda phrase: (-len(phrase), phrase)))
    + r")['\u2019]?s?[^\S\n]*\Z")
_KEYPAD_WORD = prebuilt(r"(?<![\w])(?i:key[ \-]?pad|code|pin|combination|combo)(?![\w])")


_PADLOCKED_THING = prebuilt(
    r"(?<![\w])(?i:padlocked)[^\S\n]+(?P<thing>[\w\-]+(?:[^\S\n]+[\w\-]+){0,2})")
_OPENINGS_AFTER = frozenset({"door", "doors", "gate", "gates", "hatch", "hatches", "entrance"})


def _fastens_a_thing(text: str, start: int, end: int) -> bool:
    """A padlock or lock in the match whose words before it name what it fastens, or a
    keypad or code word right after a thing with a keypad of its own."""
    for fastener in _FASTENER.finditer(text, start, end):
        if _FASTENED_THINGS.ends(_words_before(text, fastener.start(), 2)) or \
                _FASTENED_THINGS.ends(_words_before(text, fastener.start(), 1)):
            return True
    # or the thing said padlocked right after it (`a padlocked food cupboard, combination
    # 808`), not its door or gate (`padlocked shed door`)
    for said in _PADLOCKED_THING.finditer(text, start, end):
        words = normalise_words(said.group("thing")).split()
        if any(_FASTENED_THINGS.ends(normalise_words(" ".join(words[:n]))) and
               (len(words) == n or words[n] not in _OPENINGS_AFTER)
               for n in (1, 2) if len(words) >= n):
            return True
    return any(_KEYPAD_THING_BEFORE.search(text, max(word.start() - 40, 0), word.start())
               for word in _KEYPAD_WORD.finditer(text, start, end))


def _locks_something_else(text: str, result: RecognizerResult) -> bool:
    """A fastener (not a key safe) whose place is not a door or a gate."""
    fastener = _FASTENER.match(text, result.start, result.end)
    return fastener is not None and not _OPENING_WORD.search(text, fastener.end(), result.end)


# An opening found open is an incident, not an instruction (`door was on the latch when I
# arrived`, `found unlocked on arrival`).
_INCIDENT = Terms(["found", "on arrival", "when i arrived", "when we arrived", "arrived to find",
                   "was left", "were left", "had been left", "arrived", "was unlocked",
                   "was open", "were unlocked",
                   # talk of the past or of people in general is no instruction
                   "everyone", "everybody", "used to", "years ago", "back then",
                   "in those days", "in the old days", "talked about", "talks about",
                   "remembers", "remembered", "reminisced",
                   # a way in forced (by police, by a burglar) is no one's way in now
                   "entry forced", "forced entry", "forced the door", "forced their way",
                   "broke in", "broken into", "door boarded", "boarded up"])
# A key lost or stolen is held by nobody (`lost her house keys at the shops`).
_GONE = Terms(["lost", "lose", "loses", "losing", "misplaced", "mislaid", "dropped", "stolen",
              "removed", "taken away", "no longer",
              # keys being cut or handed back are in nobody's keeping for the home
              "being cut", "getting cut", "to be cut", "cut at", "handed back", "given back",
              "back off", "back from", "taken back", "took back",
              "handed in", "returned to mr", "returned to mrs", "returned to ms",
              "returned to miss", "returned to her", "returned to him", "returned to them",
              "returned to the owner", "returned to the family", "returned to family",
              "returned to the client", "returned to client", "returned to the office",
              # old keys open nothing now
              "old keys", "old key", "old house keys", "old house key", "old set", "old spare",
              "previous keys", "previous key"])
# Keys replaced after a loss are no way in (`locks changed, pt has a new set`); read in the
# match and after it only: `Locks changed, new spare key under the pot` still says where.
_REPLACED = Terms(["new set", "new keys", "new lock", "new locks", "locksmith", "locks changed",
                   "lock changed", "changed the locks", "changed the lock", "locks were changed",
                   "lock was changed", "locks have been changed", "lock has been changed",
                   "locks had been changed", "new locks fitted"])
# A sentence saying no spare or other key exists (`locks changed; only Miss Dunne has keys
# now, there is no spare`, `spare was with her brother but he returned it, no spare now`):
# whoever it names holding a key, or wherever, is the resident or was before. Read across
# the whole sentence, before the match and after it.
# A key in the lock being handled, not left there (`struggles to turn the key in the lock`,
# `can't manage a key in the lock because of tremor`): an assessor's or a therapist's note of
# what the person can do says where a key goes when used, not where one is kept.
_KEY_HANDLED = prebuilt(
    r"(?<![\w])(?i:turn|turns|turned|turning|manage|manages|managed|managing|use|uses|used|"
    r"using|fit|fits|fitting|insert|inserts|inserted|inserting|put|puts|putting|twist|twists|"
    r"twisting|operate|operates|operating|grip|gripping|handle|handles|handling|get|gets|"
    r"getting|work|works|working|line|lining)"
    r"(?:[^\S\n]+(?i:up|the|a|an|her|his|their|my|your|front|back|door|house|own))*"
    r"[^\S\n]+(?i:keys?)[^\S\n]+(?i:in|into)[^\S\n]+(?:(?i:the|a|her|his|their|my|your)"
    r"[^\S\n]+)?(?:(?i:front|back|door)[^\S\n]+)*(?i:locks?|keyholes?)(?![\w])")
KEY_HANDLED_REACH = 40
_LOCK_WORD = prebuilt(r"(?i:lock|keyhole)")


def _key_in_hand(text: str, result: RecognizerResult) -> bool:
    """Whether the match is, or holds, a key being handled in its lock (`_KEY_HANDLED`)."""
    if not _LOCK_WORD.search(text, result.start, result.end + 20):
        return False
    for handled in _KEY_HANDLED.finditer(text, max(result.start - KEY_HANDLED_REACH, 0),
                                         min(result.end + KEY_HANDLED_REACH, len(text))):
        if handled.start() < result.end and handled.end() > result.start:
            return True
    return False


_NO_SPARE = Terms(["no spare", "no spares",
                   "no other key", "no other keys", "no other set", "nobody else has a key",
                   "no one else has a key", "nobody else has keys", "no one else has keys",
                   "nobody else has one", "no one else has one", "no keys held",
                   "no key held", "no keyholder now", "no key holder now"])
NO_SPARE_WORDS_AFTER = 30
# Patterns saying where a key is or who has it.
_KEY_PLACE_PATTERNS = _KEYHOLDER_PATTERNS | {"hidden key", "hiding place before key",
                                             "home key kept", "key said hidden",
                                             "key in a placed thing",
                                             "key hidden under a thing"}
# A key device said gone right after it is no place of a key (`Keysafe has been removed. Spare
# key under the pot`: the spare is where the key is).
_REMOVED_DEVICE = prebuilt(r"[^\W\d_]+(?:[^\S\n]*-?[^\S\n]*[^\W\d_]+)?[^\S\n]+" + _DEVICE_REMOVED)
_PIECE_BREAK = prebuilt(r"[,;:()]|[^\S\n][\-\u2013\u2014][^\S\n]")
# A hiding place the match itself denies, to its end (`keep the key on you, not under the
# mat`, `key not under the mat`): no key is there, unless the clause goes on to where it is
# (`not under the mat but in the shed`).
_PLACE_DENIED = prebuilt(r"(?i:\b(?:not|never|no[^\S\n]+longer)[^\S\n]+(?:under|underneath|"
                         r"beneath|behind|in|inside|on|at)\b)[^,;:|\n]*\Z")
_PLACE_INSTEAD = prebuilt(r"[^\S\n]*,?[^\S\n]*(?i:but|instead|it'?s|its|now)\b")
_NEGATED_PATTERNS = frozenset({"door state", "door knack", "entry instruction", "route in",
                               "knock then in", "latched", "let in", "open then go in"})
# A number right after one of these, or after one and a filler, is someone else's: a
# reference, a room, a phone (`job raised 12334`, `job no. 58812`).
_OTHER_NUMBER_LABELS = Terms(["ref", "reference", "invoice", "order", "job", "ticket",
                              "case", "tel", "phone", "mobile", "mob", "ext", "extension",
                              "client", "customer",
                              "room", "bed", "bay", "ward", "id", "nhs", "account",
                              "booking", "appointment", "certificate", "cert", "serial",
                              "item", "claim", "incident", "cad",
                              # a record's money or stock field (`'price': '4499'`)
                              "price", "cost", "amount", "total", "fee", "balance", "sku",
                              "qty", "quantity", "batch", "tracking"])
# A phone's label before a short number is how the code was given (`given over the phone:
# 3141`); a phone number is longer.
_PHONE_LABELS = Terms(["tel", "phone", "mobile", "mob"])
PHONE_DIGITS = 6


def _is_other_number(word_before: str, value: str) -> bool:
    if _PHONE_LABELS.equals(word_before):
        return sum(character.isdigit() for character in value) >= PHONE_DIGITS
    return _OTHER_NUMBER_LABELS.equals(word_before)


_NUMBER_FILLERS = Terms(["no", "nr", "num", "number", "raised", "logged", "is"])
_YEAR_WORDS = Terms(["in", "since", "from", "until", "during", "year", "fitted", "installed",
                     "replaced", "dated", "of"])
_TIME_WORDS = Terms(["at", "from", "until", "till", "before", "after", "around", "approx",
                     "approximately", "by"])
_TIME_SUFFIX = Terms(["am", "pm", "hrs", "hours", "h", "hr", "o clock"])
# A day, then hours from and to (`fitting booked Tues 10-12`, `visit Mon 9-11`, `between
# 2-4`): a slot of hours, not a code.
_SLOT_WORDS = Terms(["mon", "monday", "tue", "tues", "tuesday", "wed", "weds", "wednesday",
                     "thu", "thur", "thurs", "thursday", "fri", "friday", "sat", "saturday",
                     "sun", "sunday", "today", "tomorrow", "tmrw", "between"])
# A number followed by one of these is a quantity, not a code.
_UNITS = Terms(["mg", "mcg", "ml", "g", "kg", "units", "unit", "iu", "mmol", "tablets",
                "tablet", "puffs", "doses", "ng", "micrograms", "milligrams", "pounds",
                "percent", "calories", "kcal", "steps", "metres", "miles", "feet", "ft"])
_CODE_RE = prebuilt(CODE)
_CODE_AFTER_PLACE = prebuilt(rf"[^\S\n]*(?:(?i:is|was|=)[^\S\n]+|[:=\-][^\S\n]*)?{CODE}")
_SPOKEN_CODE_RE = prebuilt(f"(?:{SPELT_CODE}|{GROUPED_CODE})")
_SPOKEN_DIGIT = prebuilt(r"(?<![\w])(?i:one|two|three|four|five|six|seven|eight|nine|zero|oh|"
                           r"nought|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|"
                           r"twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety|double|"
                           r"treble|triple)(?![a-z])")
# A label that opens a note with who wrote it or which service it is for (`Pharmacy
# driver:`, `Stairlift:`, `Meals on wheels no-answer procedure:`): its words are no purpose
# of the code after it. A label naming a place (`Office:`, `Day centre:`) is not one.
_WRITER_WORDS = (
    r"(?i:drivers?|deliver(?:y|ies)|crews?|visits?|notes?|notebooks?|engineers?|services?|"
    r"referrals?|rounds?|bookings?|rotas?|handovers?|books?|logs?|calls?|responses?|records?|"
    r"updates?|messages?|texts?|e-?mails?|procedures?|info|information|instructions?|"
    r"handbooks?|scripts?|pasted|copied(?:[^\S\n]+in)?|"
    # what the note was copied from, a board, a photo or a scan and where it hangs (`Office
    # whiteboard:`, `[whiteboard photo, office]`): the writer's place, not the lock's
    r"whiteboards?|noticeboards?|boards?|photos?|pictures?|scans?|transcripts?|transcriptions?|"
    r"transcribed|voicemails?)"
)
# Of those, a service that goes to a home (`sitting service`, `Pharmacy delivery`; not a
# pick-up, which may be at the place: `Nursery pick-up`): a place named before it in a
# note's label sends it.
_VISITING = r"(?i:drivers?|deliver(?:y|ies)|crews?|visit(?:s|ing|ors?)?|services?|rounds?|calls?)"
# Visitors too general to name a service (`Day centre team:` is a place's team).
_NOT_A_SERVICE = frozenset({"team", "staff", "agency", "visitor", "helper", "worker"})


def for_visitor(visitors: Sequence[str]) -> re.Pattern:
    """`for (the) meter readers` in normalised words: whom a key or a code is for, a
    visitor of a service, is no purpose (`keeps a key for meter readers`)."""
    services = "|".join(re.escape(normalise_words(form).strip()) for form in sorted(
        plurals([v for v in visitors if v not in _NOT_A_SERVICE]), key=len, reverse=True))
    return compiled(rf" for (?:the |our |your )?(?:{services})(?= )")


def service_word(visitors: Sequence[str]) -> re.Pattern:
    """A word naming who wrote a note or anyone visiting the home (`Church visitor:`)."""
    services = alternation(plurals(visitors))
    return compiled(rf"\b{_WRITER_WORDS}\b|{services}")


def writer_label(visitors: Sequence[str], community: Sequence[str] = ()) -> re.Pattern:
    """A label naming who wrote (`Pharmacy driver note:`); a general visitor names a service
    only sent by a community's group (`Church visitor:`, `Mosque befriending:`), not by a
    workplace (`Ward visitor:` is the ward's)."""
    services = alternation(plurals([v for v in visitors if v not in _NOT_A_SERVICE]))
    sent = (rf"|{alternation(community)}[^\S\n]+(?i:visitors?|volunteers?)"
            if community else "")
    return compiled(rf"[^\S\n]*(?:[^:\n]{{0,40}}?(?:\b{_WRITER_WORDS}|{services}{sent})"
                      rf"[^\S\n]*:|\[[^\]\n]{{0,40}}?\b{_WRITER_WORDS}\b[^\]\n]{{0,40}}\])")
_SENTENCE_END = prebuilt(r"[.;\n!?]")
# A questionnaire's fields are parted by a spaced slash (`Key safe Y - code 2084 / Smoke
# alarm Y`), and a row's cells by a bar (`KS: 4455 (rear door) | Pendant: Y`): the words of
# the next field say nothing of what the code before it is for.
_AFTER_END = prebuilt(r"[.;\n!?|]|[^\S\n]/[^\S\n]")
# A line break ends a clause where the next line starts a field of its own (`GP: Dr X,
# Ashcombe Medical Practice` then `Access: keysafe 9600`: the practice is not what the code
# opens); a line that goes on without a label may be the same sentence broken by a wrap.
_NEXT_LINE_FIELD = r"\n(?=[^\S\n]*[^\W\d][^:\n]{0,30}:)"
# A number's abbreviation ends no sentence (`Garage no. 14 in the council block ...`).
_NUMBER_ABBREVIATION = r"(?<!(?<![\w])(?i:no|nos|num))"
_CLAUSE_BREAK = prebuilt(rf"[;!?\n](?=\s|$)|{_NUMBER_ABBREVIATION}\.(?=\s|$)|{_NEXT_LINE_FIELD}")
_SENTENCE_BREAK = prebuilt(rf"[!?\n](?=\s|$)|{_NUMBER_ABBREVIATION}\.(?=\s|$)|"
                             rf"{_NEXT_LINE_FIELD}")
WORD_WINDOW_CHARS = 160

SCORE_CODE = 0.9
SCORE_HIDDEN_KEY = 0.85
SCORE_LOCATION = 0.8
SCORE_KEYHOLDER = 0.75
SCORE_ENTRY = 0.75

# How far apart the parts of a note may be (characters): an object and its code in
# one clause; the lead of the next clause before its code word; an object and where
# it is; a key and its hiding place; an opening and its state.
CLAUSE_REACH = 60
NEXT_CLAUSE_LEAD = 25
LOCATION_REACH = 20
HIDING_REACH = 40
RELATIVE_REACH = 20  # more, after `which`/`that`
STATE_REACH = 30
# A code, then an object said to use the same one: how far before the object the code
# may be (with its own length), and the object's words up to `same`.
SHARED_REACH = 120


def _clause(reach: int) -> str:
    """Up to `reach` characters of the same clause (as few as possible)."""
    return f"{_CLAUSE_CHAR}{{0,{reach}}}?"


def _described(words: int) -> str:
    return f"(?:{_WORD}){{0,{words}}}?"


class Vocabulary:
    """The grammar's word classes, from the shipped files and a user's folders."""

    def __init__(self, extra_dirs: Sequence[str | Path] = ()) -> None:
        def load(name: str) -> list[str]:
            return load_vocabulary(f"home_access_{name}.txt", extra_dirs)

        self.devices = load("devices")
        self.devices += code_forms([*self.devices, *BOX_INITIALS])
        self.openings = load("openings")
        self.premises = load("premises")
        self.code_words = load("code_words")
        self.states = load("door_states")
        self.places = load("hiding_places")
        # (a relative or someone around the person holds a key too: `relatives.txt`)
        self.holders = list(dict.fromkeys([*relatives(), *load("keyholders")]))
        self.key_places = load("key_places")
        self.entry = load("entry")
        self.exclusions = load("exclusions")
        self.code_kinds = load("code_kinds")
        self.not_entry = load("not_entry")
        self.containers = load("containers")
        self.visitors = load("visitors")
        # Other languages' words join the class of the same name (`home_access_welsh.txt`).
        other_language = load_classes("home_access_welsh.txt", extra_dirs)
        for name in ("devices", "openings", "code_words", "hiding_places", "door_states"):
            attribute = {"hiding_places": "places", "door_states": "states"}.get(name, name)
            setattr(self, attribute, [*getattr(self, attribute), *other_language.get(name, [])])
        self.other_keys = other_language.get("keys", [])
        self.other_prepositions = other_language.get("hide_prepositions", [])
        # Devices that hold a key (a key safe, a lock box, a padlock, a keypad): where
        # one is fixed says how to get in; where an alarm panel is does not.
        self.key_devices = [d for d in self.devices
                            if re.search(r"key|lock|box|safe|\bks\b", d, re.IGNORECASE)]
        # Openings a person walks through (doors and gates, not `the house`).
        self.doors = [o for o in self.openings if re.search(r"door|gate", o, re.IGNORECASE)]
        # Openings a door state can be said of (`conservatory, it's never locked`).
        self.stated = [o for o in [*self.openings, *self.premises] if re.search(
            r"door|gate|dr\b|conservatory|garage|porch|entrance|passage|house|flat|bungalow|"
            r"property|maisonette|annexe|caravan|chalet|trailer|boat|lodge", o, re.IGNORECASE)]

    def key_pattern(self) -> str:
        """A door key, in English (`_KEY`) or another language's word for it."""
        return f"(?:{_KEY}|{alternation(self.other_keys)})" if self.other_keys else _KEY

    def hide_preposition(self) -> str:
        return (f"(?:{_HIDE_PREPOSITION}|{alternation(self.other_prepositions)})"
                if self.other_prepositions else _HIDE_PREPOSITION)

    def device_pattern(self, holding_a_key: bool = False) -> str:
        """The devices (or those holding a key), a misspelt key safe included."""
        entries = self.key_devices if holding_a_key else self.devices
        return f"(?:{alternation(entries)}|{_MISSPELT_KEY_SAFE}|{_BOX_INITIALS})"


# A device's initials (`KS`, `k/s`, `KB`, `L/B`): two letters, a slash or a dot between them.
_INITIALS = prebuilt(r"[A-Za-z][/.]?[A-Za-z]")
# A key box's and a lock box's initials alone, in capitals: a unit after a number (`512 KB`,
# `12 LB`) and an article's prefix before one (`KB 4471`) are not, so a code comes after a word
# (`KB by back door, code 3 3 8 1`, `LB code 2 4 6 8`), never right after them.
BOX_INITIALS = ("KB", "LB")
_BOX_INITIALS = (r"(?<![\w/.])(?<!\d[^\S\n])(?:KB|LB)(?![\w/])"
                 r"(?![^\S\n]*[:=\-]?[^\S\n]*[\d#*])")


def code_forms(devices: Sequence[str]) -> list[str]:
    """Each device's initials with a `C` for its code (`KS-C`, `K/B-C`, `LBC`, `k/s/c`): the
    code of the device, as a job sheet abbreviates it. (An entry's hyphen may be a space or
    left out: `KS-C` is `KSC` and `KS C` too.)"""
    letter = {True: "C", False: "c"}
    return [form for initials in devices if _INITIALS.fullmatch(initials)
            for form in (f"{initials}-{letter[initials.isupper()]}",
                         f"{initials}/{letter[initials.isupper()]}")
            if form not in devices]


def plurals(entries: Sequence[str]) -> list[str]:
    """Each entry, its plural and its possessive (`neighbours`, `flats`, `son's`)."""
    return [form for entry in entries for form in (entry, f"{entry}s", f"{entry}'s")]


def access_object(words: Vocabulary) -> str:
    """A device, an opening with a code word or said coded, or a code word for an opening
    or device."""
    devices, openings = words.device_pattern(), alternation(words.openings)
    code_words = alternation(words.code_words)
    places_in = alternation(plurals([*words.openings, *words.premises]))
    # `the box` or `the lock` of a code word, not `the box of gloves`.
    containers = rf"{alternation(plurals(words.containers))}(?!{_SP}(?i:of)\b)"
    # An opening that has a code (`the gate's got a code now - 4 0 4 0`, `door has a pin`).
    has_code = (rf"(?:['\u2019]s{_SP}(?i:got)|{_SP}(?i:has|have|uses|takes|needs)"
                rf"(?:{_SP}(?i:got))?){_SP}(?:(?i:a|an|the){_SP})?(?:(?i:new|different){_SP})?")
    return (
        rf"(?:{devices}|{openings}(?:{_SP}{openings})?(?:{_JOINER}|{has_code}){code_words}"
        rf"|{code_words}{_SP}(?i:to|for|of|on|into){_SP}{_DETERMINER}{_described(2)}"
        rf"(?:{devices}|{places_in}|{containers})"
        rf"|{code_words}{_SP}{_GET_IN}"
        # an opening said coded (`a coded entry gate - 1478*`)
        rf"|(?<![\w])(?i:coded){_SP}{openings}(?:{_SP}{openings})?)"
    )


def grammar(name: str, regex: str, score: float) -> Pattern:
    """One of the grammar's patterns: compiled when a text first passes its trigger
    (compiling them all is about 0.3 CPU s, a third of a worker's start-up, and
    structured records rarely hold an access word)."""
    return Pattern(name, regex, score, lazy=True)


def build_patterns(extra_dirs: Sequence[str | Path] = (), *, clause_reach: int = CLAUSE_REACH,
                   next_clause_lead: int = NEXT_CLAUSE_LEAD,
                   location_reach: int = LOCATION_REACH, hiding_reach: int = HIDING_REACH,
                   state_reach: int = STATE_REACH) -> list[Pattern]:
    words = Vocabulary(extra_dirs)
    obj = access_object(words)
    openings, doors = alternation(words.openings), alternation(words.doors)
    stated = alternation(words.stated)
    premises = alternation(words.premises)
    premises_in = alternation(plurals(words.premises))
    devices, key_devices = words.device_pattern(), words.device_pattern(holding_a_key=True)
    places = alternation(words.places)
    fixtures = alternation([*words.places, *_FIXTURES])
    holders = alternation(plurals(words.holders))
    code_words = alternation(words.code_words)
    number_words = alternation([*words.code_words, *_NUMBER_WORDS])
    # `numbers` and `digits` name a code; `number` alone is as often a meter's or a job's.
    code_numbers = alternation([*words.code_words, "numbers", "digits"])
    next_clause = rf"{_clause(clause_reach)}{_CLAUSE_END}"
    # A part of a place counts as the place (`in the outside of the lock`, `in the bottom
    # of the meter box`).
    part_of = (rf"(?:(?i:outside|inside|side|back|front|top|bottom|underside|base|corner|end|"
               rf"left|right){_SP}(?i:of){_SP}{_DETERMINER}{_described(2)})?")
    # A key, or what holds it, fastened to a place or a door or gate (`in a pouch tied to the
    # drainpipe`, `in a tin hanging off the bird table`).
    key = words.key_pattern()
    hiding_place = (rf"(?:{words.hide_preposition()}{_SP}{_DETERMINER}{_described(2)}{part_of}"
                    rf"{places}"
                    rf"|{_ATTACHED}{_SP}{_DETERMINER}{_described(2)}{part_of}{fixtures})")
    located = (
        rf"{_LOCATED}{_SP}{_DETERMINER}{_described(2)}(?:(?i:side|corner|wall|back|front|rear)"
        rf"{_SP}(?i:of){_SP}{_DETERMINER}{_described(2)})?{fixtures}"
    )
    # No negation and no finding between an opening and its state: `door is not left
    # unlocked` is no instruction, nor `door was found unlocked` (an incident).
    not_negated = rf"(?:(?!(?<![\w])(?i:not|never|no|found)\b|(?i:n't)){_CLAUSE_CHAR})"
    # Who holds it, up to the verb: a negation there says they do not (`no longer has`;
    # `at no 23` is a house).
    # A colon ends who holds it: `Cleaner's book: she keeps the key` names a book's writer.
    holder_clause = (rf"(?:(?!(?<![\w])(?i:not|never|no[^\S\n]+longer)\b|(?i:n't)|:)"
                     rf"{_CLAUSE_CHAR}){{0,{hiding_reach}}}?")
    # Words between holding and the key (`has the only other key`), none saying it is gone.
    held_words = (rf"(?:(?!(?i:lost|misplaced|mislaid|returned|given|handed|dropped|no|not|"
                  rf"never|broken)\b){_WORD}){{0,2}}?")
    key_held = rf"(?:{_KEY}|{_SET_ALONE}){_NOT_A_KEY_DEVICE}"
    house = rf"{_HOUSE_NUMBER}(?![^\S\n]*(?i:am|pm|o'?clock|hrs|mins?|minutes)\b)"
    # (`Keys: none held by agency`: nobody holds one)
    not_none = rf"(?:(?!(?<![\w])(?i:none|no|not|nobody|never)\b){_CLAUSE_CHAR})"
    # A key's home said by whose it is (`for Mrs Ames' bungalow`, `to her mum's flat`): a
    # home of the owners file's home class.
    homes = alternation(load_classes("home_access_owners.txt", extra_dirs).get(HOME, []))
    whose_home = (rf"(?:{_SP}(?i:to|for){_SP}{_DETERMINER}{_described(2)}(?:{_TITLED}|"
                  rf"[A-Za-z][\w\-]*)['\u2019](?i:s)?{_SP}(?:{homes}){_HEAD_ENDS})?")
    return [
        grammar("code after object",
                rf"{obj}{_clause(clause_reach)}(?:{_CODE_OR_PARTS}|{DERIVED_CODE})",
                SCORE_CODE),
        grammar("code in next clause",
                rf"{obj}{next_clause}(?:{_clause(next_clause_lead)}(?:{number_words}"
                rf"{_clause(12)}|{_NEW_CODE})"
                # or the clause after a short one naming the code (`... push-button boxes
                # by the porch. Press clear first. The numbers are 2, 9, 4 and 6.`)
                rf"|{_clause(40)}{_CLAUSE_END}{_clause(next_clause_lead)}{code_numbers}"
                rf"{_clause(12)})?{_ANY_CODE}", SCORE_CODE),
        # A code told after a reference to it, further on in the object's clause than a
        # code right after it (`... opened with the code at 14:02 - that's the new one, 5 1 5
        # 1`, `code is his birthday backwards - born in 1947, so it's 7491`): the reference
        # says this number is the code, whatever number came first.
        grammar("code after a reference",
                rf"(?:{obj}|{openings}{_clause(25)}(?<![\w])(?i:code|pin|combination)(?![\w]))"
                rf"{_clause(clause_reach + REFERENCE_REACH)}{_CODE_REFERENCE}{_ANY_CODE}",
                SCORE_CODE),
        # A connected lock's or doorbell's guest code (`Ring app: visitor code for the
        # carers is 8 3 1 6`, `Yale Access app - guest PIN for the district nurses: 602 914`,
        # `Doorbell app > Guest codes: 'Dog walker' 3319`): the app or the lock, then a
        # guest's, a visitor's or a temporary code in its clause, then the code.
        grammar("lock app guest code",
                rf"{_LOCK_APP_NAME}{_clause(60)}{_GUEST_CODE}{_clause(40)}{_ANY_CODE}",
                SCORE_CODE),
        grammar("code keyed in",
                rf"(?:{devices}|{openings}){_clause(25)}(?:{_KEY_IN}{_clause(20)}{CODE}"
                rf"|{CODE}{_SP}{_TO_OPEN})", SCORE_CODE),
        # ... or typed in at the next clause's start, or disarmed anywhere in its own or the
        # next clause (`Alarm panel behind the coats. Enter 4455`, `alarm activation at 3
        # Heron Close; guard attended, unset with 8052`): run only on lines holding a verb
        # of typing in (`_KEYED_WORDS`).
        grammar("code keyed in a clause on",
                rf"(?:{devices}|{openings})"
                rf"(?:{next_clause}{_clause(next_clause_lead)}{_KEYED_NEXT}{_clause(20)}{CODE}"
                rf"|(?:{next_clause})?{_clause(clause_reach)}{_DISARM}{_clause(20)}{CODE})",
                SCORE_CODE),
        # `When you get to the flats, press 0815`: read back from `press`/`enter`.
        grammar("premises then keyed in",
                rf"(?<={premises_in}{_CLAUSE_CHAR}{{0,25}})(?<![\w])(?i:press|enter)\b"
                rf"{_clause(20)}{CODE}", SCORE_CODE),
        grammar("code before object",
                rf"{CODE}{_JOINER}(?:(?:(?i:is|=|for|opens)){_SP})?"
                rf"(?:(?:(?i:the|for{_SP}the|to{_SP}the|on{_SP}the){_SP}{_described(2)})?{obj}|"
                rf"(?i:for|to|on|opens|into){_SP}{_DETERMINER}{_described(2)}{doors})",
                SCORE_CODE),
        # Someone's box or the box with its code word (`Gran's box code is 0 9 0 9`).
        grammar("owned box code",
                rf"(?<=(?:['\u2019]s|(?<![\w])(?i:the|her|his|their|my|our|your)){_SP})"
                rf"{alternation(words.containers)}{_SP}{code_words}{_clause(clause_reach)}"
                rf"{_ANY_CODE}", SCORE_CODE),
        grammar("described object",
                rf"(?:{alternation(plurals(words.containers))}|{BARE_SAFE}){_SP}{located}"
                rf"(?:{_clause(clause_reach)}(?:{code_numbers}|{_OPENS_WITH}|"
                rf"(?i:has|holds|with){_SP}(?i:the|a){_SP}(?i:keys?|spare)\b){_clause(12)}"
                rf"|{_JOINER}(?:(?i:is|=){_SP})?){_ANY_CODE}", SCORE_CODE),
        # A code word whose code then says what it opens or is for (`use code 3232 on the
        # main entrance`, `code 1357 to turn it off`).
        grammar("code then opening",
                rf"{code_words}{_JOINER}(?:(?i:is|=){_SP})?{_ANY_CODE}{_SP}"
                rf"(?:(?i:for|to|on|into|at|opens){_SP}{_DETERMINER}{_described(2)}"
                rf"(?:{openings}|{premises})|{_TO_OPEN})", SCORE_CODE),
        # A code, then an object said to use the same one (`alarm 6161, key from key safe
        # (same code)`, `gate code 4412 - the key safe is the same`).
        grammar("code shared with object",
                rf"{CODE}{_clause(SHARED_REACH - 40)}{obj}{_clause(25)}"
                rf"(?<![\w])(?i:same|identical)\b",
                SCORE_CODE),
        grammar("object location",
                rf"{key_devices}{_clause(location_reach)}(?:{_CLAUSE_END}"
                rf"{_clause(location_reach)})?{located}", SCORE_LOCATION),
        grammar("hidden key",
                rf"{key}{_clause(hiding_reach)}(?:{_CLAUSE_END}{_clause(location_reach)})?"
                rf"{hiding_place}", SCORE_HIDDEN_KEY),
        grammar("hiding place before key", rf"{hiding_place}{_clause(hiding_reach)}{key}",
                SCORE_HIDDEN_KEY),
        grammar("home key kept",
                rf"(?<![^\W\d_])(?:{_HOME_KEY_WORDS}{_SP}{_KEY_WORD}|{_KEY_WORD}{_SP}(?i:to|for)"
                rf"{_SP}{_DETERMINER}(?:{premises}|{openings}|(?i:home)){_HEAD_ENDS})"
                # a relative clause reaches further (`the spare key which the informant
                # (neighbour) says is kept on a hook inside the greenhouse`)
                rf"(?:(?:[^\S\n]*,)?{_SP}(?i:which|that)\b{_clause(hiding_reach + RELATIVE_REACH)}"
                rf"|{_clause(hiding_reach)}){_SPATIAL}{_SP}(?i:the|a|an|her|his|their|its)"
                # (a possessive is no place: its place follows it, `in the customer's
                # possession` names none)
                rf"{_SP}{_NOT_A_PLACE}{_described(2)}{_NOT_A_PLACE}[A-Za-z][\w'\-\u2019]*+"
                rf"(?<!['\u2019][sS])",
                SCORE_HIDDEN_KEY),
        grammar("key said hidden", rf"{_KEY}{_clause(20)}{_HIDDEN}", SCORE_HIDDEN_KEY),
        grammar("key to get in", rf"{_KEY}{_clause(hiding_reach)}{_GET_IN}", SCORE_ENTRY),
        # (not a register's or a list's title: `Key holder register | ... | keyholder: NONE`,
        # whose rows' fields say who holds one)
        grammar("keyholder word", r"(?<![\w])(?i:key(?:-|[^\S\n])?holders?)(?![\w])"
                r"(?![^\S\n]+(?i:register|list|log|book)(?![\w]))",
                SCORE_KEYHOLDER),
        grammar("keyholder holds key",
                rf"(?:(?P<holder>(?:{holders}(?:{_SP}{_described(2)}{_FULL_NAMED})?|{_TITLED}"
                rf"|(?<![\w])(?i:they)(?={_SP}{_HOLD_VERB})){holder_clause})"
                rf"|{_NAMED_PLACED}{holder_clause}|(?P<holder>{_ORGANISATION}){_SP})"
                rf"(?<!(?<![\w])(?i:and|then|please|pls|{_ASKING}){_SP}){_HOLD_VERB}{_SP}{_DETERMINER}"
                rf"{held_words}{key_held}",
                SCORE_KEYHOLDER),
        # (`new key arrangements at Mrs Upton's`: a key word naming what is arranged for
        # the home, not a key at someone's)
        # (a key said to be for a home by whose it is, `spare key for Mrs Ames' bungalow is
        # with ...`, `key to her mum's flat is with ...`: the home's phrase, then the gap)
        grammar("key held by",
                rf"{key}{_NOT_A_KEY_DEVICE}{_NOT_ARRANGED}{whose_home}{not_none}{{0,25}}?(?:{_HELD_BY}{_SP}(?:(?P<holder>{_DETERMINER}"
                rf"{_described(2)}{holders}|{_TITLED}|{house}|{_ORGANISATION})"
                rf"|(?:(?i:the|our|wor){_SP})?{_NAMED}|{_ROLE_THEN}(?P<holder>{_TITLED}))"
                rf"|:[^\S\n]*(?P<holder>{_DETERMINER}{holders}))",
                SCORE_KEYHOLDER),
        # A key as a label, then who holds it by name and role (`Keys - Iolo Evans, farm
        # neighbour`, `Keys: Revd Alison Pike (churchwarden)`): a name alone may be anyone's.
        grammar("keys then named holder",
                rf"{_KEY}{_NOT_A_KEY_DEVICE}[^\S\n]*[:\-\u2013\u2014][^\S\n]*(?P<holder>{_FULL_NAMED}"
                rf"(?:[^\S\n]*,[^\S\n]*|[^\S\n]*\([^\S\n]*){_DETERMINER}{_described(1)}{holders})",
                SCORE_KEYHOLDER),
        # A key, then who keeps it (`Spare? her sister keeps it`, `pick up the spare from
        # the shop, the manager has it`).
        grammar("key then its holder",
                rf"{_KEY}{_NOT_A_KEY_DEVICE}{_clause(40)}(?:{_CLAUSE_END}|[,:\-][^\S\n]*)"
                rf"(?P<holder>{_DETERMINER}{_described(1)}{holders}|{_TITLED}|{_NAMED_PLACED})"
                rf"{_SP}(?:(?i:also|still|always){_SP})?{_HOLD_VERB}{_SP}(?i:it|them|one)\b",
                SCORE_KEYHOLDER),
        # A key given to someone (`I've given a spare to Carol across the road`).
        grammar("key given to",
                rf"(?<=(?<![\w]){_GIVEN}"
                rf"{_SP}(?:[\w']+{_SP}){{0,2}})(?:{_KEY_WORD}|(?i:spares?|set)\b)"
                rf"{_NOT_A_KEY_DEVICE}{_SP}(?i:to){_SP}(?P<holder>{_DETERMINER}{_described(2)}"
                rf"{holders}|{_TITLED}|(?:(?i:the){_SP})?{_NAMED})", SCORE_KEYHOLDER),
        # Someone given a key, said the other way round (`Mum has given the neighbour a
        # spare key`, `gave the HR manager (Gail Frost) a spare`): whoever stands between
        # the verb and the key is its holder: a holder, a titled or named person, or a role
        # with its holder's name in brackets; a pronoun (`given him a key`) or a household
        # (`given the new tenants the keys`) says no one else holds one.
        grammar("holder given key",
                rf"(?<![\w])(?<!(?i:be|been|being|was|were|is|are|get|got){_SP}){_GIVEN}{_SP}"
                rf"(?P<holder>{_DETERMINER}{_described(2)}{holders}|{_TITLED}|{_FULL_NAMED}"
                rf"|{_NAMED}|(?i:the|her|his|their|our|my|your){_SP}{_described(2)}"
                rf"[A-Za-z][\w'\-]*(?={_SP}\([^\S\n]*{_FULL_NAMED}[^\S\n]*\)))"
                rf"(?:{_SP}{_ASIDE})?{_SP}(?i:a|an|the|her|his|their|my|our|one|another)"
                rf"{_SP}(?:(?i:spare|other|copy|front|back|door|house|flat)(?:{_SP}|-))*"
                rf"(?:{_KEY_WORD}|(?i:spares?)\b|(?i:set)(?:{_SP}(?i:of){_SP}(?i:keys))?\b)"
                rf"{_NOT_A_KEY_DEVICE}", SCORE_KEYHOLDER),
        # Someone coming with their own key (`NOK son attending with his key`, `her
        # daughter is on her way with her key`, `Mrs Kaur's nephew will come round with his
        # spare`): who brings a key of their own to the home holds one. A key they are to
        # collect or return is not said here (`with the key from the office`: no `his`).
        grammar("holder brings own key",
                rf"(?P<holder>{_DETERMINER}{_described(1)}{holders}|{_TITLED})"
                rf"(?:{_SP}{_FULL_NAMED})?{holder_clause}(?<![\w])"
                rf"(?i:attending|coming|arriving|attends|comes|come|arrives|bringing|brings|"
                rf"on{_SP}(?:his|her|their|the){_SP}way)(?:{_SP}(?i:over|round|around|along|"
                rf"in|up|down|out))?{_SP}(?i:with){_SP}(?i:his|her|their)"
                rf"{_SP}(?:(?i:own|spare|door|house|front|back){_SP})*"
                rf"(?:{_KEY_WORD}|(?i:spares?)\b|(?i:set)\b)", SCORE_KEYHOLDER),
        # An opening with its state, or left open for whoever visits.
        grammar("door state", rf"{stated}(?:{not_negated}{{0,{state_reach}}}?"
                rf"(?:{alternation(words.states)}|(?<![\w]){_SOMEONE_OPENS}(?i:open|ajar)\b{_clause(40)}"
                rf"(?<![\w])(?i:for|so)\b{_clause(15)}{visitors_pattern(words.visitors)}"
                # `back door open, come round`: open, then go in
                rf"|(?<![\w])(?i:open|ajar)\b[^\S\n]*(?:[,\-\u2013&]|(?i:so|and))"
                rf"[^\S\n]*(?:(?i:just|please|pls){_SP})?{_COME_IN})"
                # `the side door's open`, `door's always unlocked`
                rf"|['\u2019]s{_SP}(?:(?i:always|aye|usually|normally|left|kept){_SP})?"
                rf"(?i:open|unlocked|ajar)\b{_NOT_ON_A_THING})", SCORE_ENTRY),
        grammar("door knack", rf"{doors}(?:{not_negated}|{_BROKEN_LOCK}){{0,60}}?{_KNACK}",
                SCORE_ENTRY),
        grammar("route in",
                rf"(?:{_ROUTE_VIA}{_SP}{_DETERMINER}{_described(2)}"
                rf"(?:{openings}|{premises}|{key_devices})"
                rf"|{_ROUTE_USE}{_SP}{_DETERMINER}{_described(2)}(?:{doors}|{key_devices}))",
                SCORE_ENTRY),
        grammar("knock then in",
                rf"{_KNOCK}{_clause(40)}(?:(?<![\w])(?i:then|and)\b|[&,\-])"
                rf"{_clause(12)}{_SOMEONE_OPENS}{_GO_IN}",
                SCORE_ENTRY),
        grammar("entry instruction", alternation(words.entry), SCORE_ENTRY),
        grammar("latched", _LATCHED, SCORE_ENTRY),
        grammar("let in", _LET_IN, SCORE_ENTRY),
        # A door, gate or alarm given its code with nothing between (`Gate: 8 8 0 2`,
        # `back door 4471, then ...`, a letter before it as `CODE` allows, `COMMUNAL DOOR
        # C2468`): the code ends its clause.
        grammar("code after opening",
                rf"(?:{doors}|(?i:entrance|main[^\S\n]+entrance|alarm|barrier)(?![\w])"
                # `the entry's 4 3 4 3` (Scots: the stair's door); `Entry 4343` may be a list's
                rf"|(?i:entry)(?=['\u2019]s|{_SP}(?i:is){_SP}|{_JOINER}{_KEYPAD_CODE}))"
                rf"(?:['\u2019]s)?{_JOINER}"
                rf"(?:(?i:is|=){_SP})?(?:[#*]?[A-Za-z](?=\d))?{CODE}(?=[^\S\n]*(?:$|[,.;:)!/|]|(?i:then|and)\b))",
                SCORE_CODE),
        # An opening, then its code named later in the clause (`if the alarm goes off,
        # the code is 6 6 3 0`, `gate sticks - code: 4411`).
        # Read back from the code word (few) to the opening (many: `alarm`, `door`).
        grammar("opening then its code",
                rf"(?<=(?:{openings}){_CLAUSE_CHAR}{{0,40}})(?<![\w]){code_words}"
                rf"(?:{_SP}(?i:is|was|=)|[^\S\n]*[:=\-])[^\S\n]*(?:(?i:now){_SP})?{_ANY_CODE}",
                SCORE_CODE),
        # A record's field named in one word (`KeySafeCode=5 3 8 8`, `KEY_SAFE_PIN: 4471`,
        # `DoorEntryCode: 2907`): an access object joined to its code word.
        grammar("code field", _CODE_FIELD, SCORE_CODE),
        *other_words_patterns(words, hiding_reach=hiding_reach, clause_reach=clause_reach),
        *talk_patterns(words),
        # A record's field read by its name (`recognizers/access_fields.py`), decided by
        # `HomeAccessRecognizer.record_field`.
        grammar("record field", fields.FIELD, SCORE_CODE),
        grammar("record insert", fields.INSERT, SCORE_CODE),
        # A table's line, its cells read as fields named by the table's header
        # (`HomeAccessRecognizer.table_row`).
        grammar("record table", fields.TABLE_LINE, SCORE_CODE),
    ]




# Set_h's classes said in other words (issue 14, session 8): a grammar of who has a key, what
# is open and where a key is, not a list of phrasings.
# What someone does with a key they hold: has (got) it, keeps, holds, looks after or minds it,
# will lend it, lets us use it (`mum's got a spare key`, `Mrs Begum looks after his spare key`,
# `brother has agreed to let us use his key`).
_KEY_VERB = (
    r"(?:['\u2019](?i:s|ve)[^\S\n]+(?i:got)"
    r"|(?:(?i:does|do|did)[^\S\n]+(?:(?i:still|also)[^\S\n]+)?)?(?i:holds?|has|have|keeps?|kept)"
    r"(?:[^\S\n]+(?i:got))?"
    r"|(?i:is|are)[^\S\n]+(?i:having)"
    r"|(?i:looks?|looking)[^\S\n]+(?i:after)|(?i:minds?|minding|holding|keeping)"
    r"|(?i:can|could|will|would)[^\S\n]+(?i:lend)[^\S\n]+(?i:us|you|them)"
    r"|(?:(?i:has|have)[^\S\n]+)?(?i:agreed|offered|said)[^\S\n]+(?i:to)[^\S\n]+"
    r"(?:(?i:let)[^\S\n]+(?i:us|you|them) (?i:use|borrow)|(?i:lend)[^\S\n]+(?i:us|you|them))"
    r"|(?i:lets?)[^\S\n]+(?i:us|you|them) (?i:use|borrow))\b"
)
# After `and`, only a verb that is no imperative (`son ... and has keys`; not `and keep the key`).
_KEY_VERB_AFTER_AND = r"(?i:has|holds|keeps|looks[^\S\n]+after|minds)\b"
# A holder's own key, told after another thing they do (`son locks up at night and keeps the
# key`, `lives in Leeds and keeps the key to his own flat`): `the key` alone, or a key to
# their own home, is no key to the subject's.
_NOT_THEIR_OWN = (r"(?![^\S\n]+(?i:the|his|her|their)[^\S\n]+(?i:keys?)\b"
                  r"(?![^\S\n]+(?i:to|for)\b)"
                  r"|[^\S\n]+(?:\S+[^\S\n]+){0,2}?(?i:keys?)[^\S\n]+(?i:to|for)[^\S\n]+"
                  r"(?i:his|her|their)[^\S\n]+(?i:own)\b)")
# `our` before a first name names one of the family (`Our Kayleigh's got a key for me
# mam's`, Northern and Scouse speech): a relative, as `our kid` is.
_OUR_NAMED = rf"(?<![\w])(?i:our)[^\S\n]+{_NOT_A_NAME}[A-Z][a-z]+(?![\w])"
# A bracket beside who holds it is read as one word (`grandparents Ron & Val (07700 900855)`,
# `brother (7 Dean Rd)`).
_ASIDE = r"\([^()\n]{0,40}\)"
# A verb whose subject is the writer (`I've got`, `we have`).
_NOT_THE_WRITERS = (r"(?<!(?<![\w])(?i:i|we)(?:['\u2019](?i:ve|d|ll))?[^\S\n]*)"
                    r"(?<!(?<![\w])(?i:i|we)(?:['\u2019](?i:ve|d|ll))?[^\S\n]+(?i:have|had)"
                    r"[^\S\n]+)")
# The words every `_KEY_VERB` holds (what its key lines are kept by).
_HELD_VERB_WORDS = ("hold", "has", "have", "keep", "kept", "got", "look", "mind", "lend", "borrow",
                    "having",
                    "us use", "you use", "them use")
# Left with someone, wherever the key is named before in the sentence (`3 keys cut - 1 to
# officer, 1 left with neighbour Mr Latham at no.17`).
# Held or kept at a place that keeps keys (`2 sets held at our office`, `kept at the estate
# office, ask for Linda`, `lodged with the Co-op`, `one stays at our hostel office`).
_LEFT_WITH = (r"(?<![\w])(?:(?i:left|lodged|deposited)[^\S\n]+(?i:with)"
              r"|(?i:held|kept|lodged|left|stays?)[^\S\n]+(?i:at|with))")
_LEFT_WITH_WORDS = ("left", "lodged", "deposited", "held", "kept", "stay")
LEFT_WITH_REACH = 80
PRONOUN_REACH = 80
# An opening said open or openable, then go in: open, unlocked, never bolted, a bolt that can
# be slid from outside, a sneck or hook to lift, a handle to turn (`side hatch bolt can be slid
# from outside, go in`, `door only has a hook-and-eye, lift it and come in`).
_OPEN_OR_OPENABLE = (
    r"(?:(?:(?<![\w])(?i:never|not)|(?i:n['\u2019]t))[^\S\n]+(?:(?i:ever|be|been)[^\S\n]+)?"
    r"(?i:locked|bolted|latched|secured)\b"
    r"|(?<![\w])(?<!(?<![\w])(?i:to)[^\S\n]+)(?i:open|unlocked|unbolted|unlatched|ajar)\b"
    r"|(?<![\w])(?i:can|could)[^\S\n]+(?i:be)[^\S\n]+(?i:opened|slid|lifted|pushed|pulled|"
    r"unhooked|undone|unbolted|unlatched)\b"
    r"|(?<![\w])(?i:lift|slide|slip|unhook|undo|flip|push|pull|turn|twist)(?:[^\S\n]+(?i:up|back|"
    r"open|off|down))?[^\S\n]+(?:(?i:it|the[^\S\n]+(?:sneck|latch|handle|bolt|hook|catch|bungee|"
    r"knob|snib|loop))\b))"
)
# Someone's home named by whose it is (`Stan's`, `her house`), not their car (`Stan's car`).
_PERSONS_HOME = (
    r"(?:[A-Z][a-z]+['\u2019]s(?=[^\S\n]*(?:[^\w\s]|$)|[^\S\n]+(?i:if|in|when|so|as|and|"
    r"house|flat|home|bungalow|place|front|back|door)\b)|(?i:her|his|their)[^\S\n]+"
    r"(?i:house|flat|home|bungalow|place)\b)"
)
_HATCHES = ("hatch", "side hatch", "front hatch", "rear hatch", "stern hatch", "cabin door")
# A code named in a later field of the record its key device is in: fields split by `|` or
# `;` (`Access: key box rear wall | Notes: ... | Code: 8160`), or `key=value` fields split by
# spaces (`access_type=key_safe location=rear code=7 0 7 1`).
_FIELD_BREAK = r"(?:[|;]|[^\S\n]+(?=[A-Za-z_]{2,30}=))"
_IN_FIELD = rf"(?:(?!{_FIELD_BREAK})[^\n])"
# A form flattened into cells names a field in one cell and gives its value in the next
# (`Key safe? | Y | Location | L of front door | Code | 6638`): a code word's cell, then its
# code's.
_LATER_FIELD = (rf"{_IN_FIELD}{{0,60}}(?:{_FIELD_BREAK}{_IN_FIELD}{{0,80}}){{0,5}}?{_FIELD_BREAK}"
                r"[^\S\n]*(?i:code|pin|combination|combi|combo|key[^\S\n_]?safe[^\S\n_]?code)"
                r"[^\S\n]*[:=|][^\S\n]*")
# A key named by nothing but whose it is (`the key`, `Mum's key`, `spare key`), not by what
# it opens (`lift key`, `chair lock key`, `carousel key` are a thing's).
# (nor after `no answer`: `if no answer key under the dahlia` is the key, as in `_KEY`)
_UNQUALIFIED = (r"(?<=(?:^|[^\w\s'\u2019]|(?<![\w])(?i:the|a|an|her|his|their|my|your|our|"
                r"its|and|is|if|then|no[^\S\n]+answer)|['\u2019]s|s['\u2019])[^\S\n]*)")
# What is no thing a key can be under or behind (`key under review`, `behind the times`).
_NOT_A_HIDING_PLACE = (r"(?!(?i:review|discussion|control|supervision|care|name|names|"
                       r"arrangement|arrangements|times|scenes|counter|age|pressure|threat|"
                       r"investigation|consideration|license|licence|contract|agreement|"
                       r"protest|oath|guard|lock|locks)\b)")
# A store with a lock of its own: a key in it, then a code, is the store's code (`second key
# in the coordinator's safe - code 4 4 0 9`).
_LOCKED_STORE = (r"(?i:safes?|cabinets?|cupboards?|lockers?|drawers?|fridges?|freezers?|"
                 r"trolleys?|tills?|cars?|vans?)\b")
# A code typed on a keypad, ending in `#` or `*` (`ENTRY 1407#`): a code whatever names it.
_KEYPAD_CODE = r"\d(?:[ \-]?\d){2,7}[#*]"
# A key device written as a record's value (`access_type=key_safe`).
_FIELD_DEVICES = ("key_safe", "keysafe", "key_box", "lock_box", "key_pad", "pad_lock")
# `number` names a code only of a key device or a box (`the number for the box is two five
# eight zero`): a house's or a phone's number is none.
_NUMBER_OF = (r"(?<![\w])(?i:number|no\.|digits)[^\S\n]+(?i:for|of|on|to)[^\S\n]+")


def other_words_patterns(words: Vocabulary, *, hiding_reach: int = HIDING_REACH,
                         clause_reach: int = CLAUSE_REACH) -> list[Pattern]:
    """Who has a key, what is open and where a key is, in any words: a person or relation,
    a verb of holding and a key in one clause; an opening, its open state or how to open it,
    and going in; a key in any named thing placed at the home; a code given for a box by its
    number, or in a later field of its record."""
    holders = alternation(plurals(words.holders))
    key_devices = words.device_pattern(holding_a_key=True)
    containers = alternation(plurals(words.containers))
    code_words = alternation(words.code_words)
    fixtures = alternation([*words.places, *_FIXTURES])
    entry_points = alternation([*words.stated, *_HATCHES])
    # Anyone named who has the spare is who else holds one (`Aisha has the spare at hers`).
    named_spare = (rf"(?<![\w]){_NOT_A_NAME}[A-Z][a-z]+(?=[^\S\n]*{_KEY_VERB}[^\S\n]+"
                   rf"{_DETERMINER}(?i:spare)s?\b)")
    holder_word = rf"(?:{holders}|{_TITLED}|{_NAMED_PLACED}|{named_spare}|{_OUR_NAMED})"
    key_places = alternation(plurals(words.key_places))
    # (no negation and no advice between who and their verb: `advised son against keeping a
    # key in the meter box`)
    holder_reach = (rf"(?:{_ASIDE}|(?!(?<![\w])(?i:not|never|no[^\S\n]+longer|against|avoid|"
                    rf"instead[^\S\n]+of|rather[^\S\n]+than)\b|(?i:n't)|:)"
                    rf"{_CLAUSE_CHAR}){{0,{hiding_reach}}}?")
    verb = (rf"(?:(?<!(?<![\w])(?i:and|then|please|pls|{_ASKING}){_SP}){_KEY_VERB}"
            rf"|(?<=(?<![\w])(?i:and){_SP}){_KEY_VERB_AFTER_AND}{_NOT_THEIR_OWN})")
    key_held = rf"(?:{_KEY}|{_SET_ALONE}){_NOT_A_KEY_DEVICE}"
    held_words = (rf"(?:(?!(?i:lost|misplaced|mislaid|returned|given|handed|dropped|no|not|"
                  rf"never|broken|wrong|old)\b){_WORD}){{0,2}}?")
    not_negated = rf"(?:(?!(?<![\w])(?i:not|never|no|found)\b|(?i:n't)){_CLAUSE_CHAR})"
    located = (rf"{_LOCATED}{_SP}{_DETERMINER}{_described(2)}(?:(?i:side|corner|wall|back|"
               rf"front|rear){_SP}(?i:of){_SP}{_DETERMINER}{_described(2)})?{fixtures}")
    return [
        # (not a verb whose subject is the writer: `Mum I'll be out the 14th, I've got my own
        # key now` names no holder, the writer has their own)
        grammar("holder has key",
                rf"(?P<holder>{holder_word}{holder_reach}){_NOT_THE_WRITERS}{verb}{_SP}"
                rf"{_DETERMINER}{held_words}{key_held}", SCORE_KEYHOLDER),
        # A form's question and its answer (`Who else has keys? - My brother Alan, lives at
        # 14 Park Rd`): the answer names who holds one.
        # Who holds it named first, then said again by a pronoun that holds it, or its verb
        # after `and` (`her nephew Owen lives in Abergavenny, an hour away, but he does hold a
        # key`, `her brother ... lives round the corner and has a key to Mum's`).
        grammar("holder then pronoun has key",
                rf"(?P<holder>{holders}){_clause(PRONOUN_REACH)}(?<![\w])(?:(?i:he|she|they)"
                rf"{_SP}(?:(?i:also|still|always){_SP})?{verb}|(?i:and){_SP}{_KEY_VERB_AFTER_AND})"
                rf"{_NOT_THEIR_OWN}{_SP}{_DETERMINER}{held_words}{key_held}",
                SCORE_KEYHOLDER),
        grammar("asked who has key",
                rf"(?<![\w])(?i:who){_SP}(?:(?i:else|also){_SP})?{_KEY_VERB}{_SP}{_DETERMINER}"
                rf"{held_words}{key_held}[^\S\n]*[?:][^\S\n]*(?:[\-\u2013:][^\S\n]*)?"
                rf"(?P<holder>{_DETERMINER}{_described(1)}{holders}|{_TITLED})", SCORE_KEYHOLDER),
        # The writer's own key to someone's home (`I've got a key for Stan's`, `a key for Mr
        # Nankivell`).
        # (or a key said to be someone's: `I have his key, collect it from me at 19`)
        grammar("speaker has key",
                rf"(?<![\w])(?:I|[Ww]e)(?:['\u2019]ve{_SP}(?i:got)|{_SP}(?i:have|hold|keep)"
                rf"(?:{_SP}(?i:got))?){_SP}(?:{_DETERMINER}{held_words}{key_held}{_SP}(?i:for|to)"
                rf"{_SP}(?:(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?{_SP})?{_PERSONS_HOME}|{_TITLED}"
                # (a home by its number: `the key for no. 4`, `a key to 12 Elm Road`)
                rf"|(?i:no\.?|number|nr\.?)[^\S\n]*\d{{1,4}}[A-Za-z]?(?![\w])"
                rf"|\d{{1,4}}[A-Za-z]?{_SP}[A-Z][\w'\-]*(?:{_SP}[A-Z][\w'\-]*)?)"
                # (`your`: written to the key's owner, `Nan, I've got your spare key now`)
                rf"|(?:(?i:his|her|their|your)|{_NOT_A_NAME}[A-Z][a-z]+['\u2019]s){_SP}"
                rf"{held_words}{key_held})", SCORE_KEYHOLDER),
        # A key given to the writer (`Kayden's given me a spare for his flat`).
        grammar("key given to speaker",
                rf"(?<![\w]){_GIVEN}{_SP}(?i:me|us)"
                rf"{_SP}{_DETERMINER}{held_words}(?:{_KEY_WORD}|(?i:spare|set)s?\b)"
                rf"{_NOT_A_KEY_DEVICE}", SCORE_KEYHOLDER),
        # A key, then the code of what holds it (`Klucz w skrzynce na klucze przy garażu, kod
        # 4 4 1 9`: a key in a box of any name, its code in the clause).
        grammar("key then its code",
                rf"{_KEY}{_NOT_A_KEY_DEVICE}(?:(?!(?<![\w]){_LOCKED_STORE}){_CLAUSE_CHAR})"
                rf"{{0,{clause_reach}}}?(?<![\w]){code_words}"
                rf"(?![\w]){_JOINER}(?:(?i:is|=){_SP})?{_ANY_CODE}", SCORE_CODE),
        # An object asked about and a code answering it (`anyone know the keysafe for Mr
        # Pryce?  [09:15] Ade Bankole: 6021`): the answer opens what was asked about.
        grammar("code answers question",
                rf"{access_object(words)}{_clause(clause_reach)}\?[^\S\n]*"
                rf"(?:[|/>][^\S\n]*)?(?:\[[^\]\n]{{1,12}}\][^\S\n]*)?(?:{_SPEAKER})?{CODE}",
                SCORE_CODE),
        grammar("key left with",
                rf"{_KEY}{_NOT_A_KEY_DEVICE}{_clause(LEFT_WITH_REACH)}{_LEFT_WITH}{_SP}"
                rf"(?P<holder>{_DETERMINER}{_described(2)}(?:{holders}|{key_places})|{_TITLED}"
                # a front desk keeps a key held or kept there (`the flat's spare key held at
                # hall reception`); one left at a reception is handed over (`Key left at
                # reception for the GP`)
                rf"|(?<=(?i:held|kept){_SP}(?i:at){_SP}){_DETERMINER}{_described(1)}"
                rf"(?i:reception)(?![\w]|{_SP}(?i:room|area)\b))",
                SCORE_KEYHOLDER),
        grammar("open then go in",
                rf"{entry_points}{not_negated}{{0,40}}?{_OPEN_OR_OPENABLE}{_clause(40)}"
                rf"(?<![\w])(?<!(?:(?<![\w])(?i:not|never)|(?i:n't)){_SP}){_COME_IN}", SCORE_ENTRY),
        # (or taken from a thing: `the spare key from the upturned bucket by the water tap`;
        # from someone is who holds it: `from his brother in flat 3`)
        grammar("key in a placed thing",
                rf"{_KEY}{_clause(hiding_reach)}(?:{_HIDE_PREPOSITION}{_SP}{_DETERMINER}"
                rf"|(?<![\w])(?i:from)(?:{_SP}(?i:under(?:neath)?|beneath|behind|inside|in))?"
                rf"{_SP}(?i:the|a|an){_SP}(?!{holders}(?![\w])))"
                rf"{_described(2)}{_NOT_A_PLACE}[A-Za-z][\w'\-]*{_SP}{located}",
                SCORE_HIDDEN_KEY),
        # A key under, behind or beneath anything (`under the hedgehog ornament`, `behind
        # the stone frog`): hiding places as a class, not a list; what it is is not read.
        grammar("key hidden under a thing",
                rf"{_UNQUALIFIED}{_KEY}{_NOT_A_KEY_DEVICE}{_clause(hiding_reach)}(?<![\w])"
                rf"(?i:under(?:neath)?|beneath|behind|ablow|ahint|aneath)"
                rf"{_SP}(?i:the|a|an|her|his|their|its|my|your|our|this|that){_SP}"
                rf"{_described(2)}{_NOT_A_PLACE}{_NOT_A_HIDING_PLACE}"
                rf"[A-Za-z][\w'\-]*", SCORE_HIDDEN_KEY),
        grammar("number of object",
                rf"{_NUMBER_OF}{_DETERMINER}{_described(2)}(?:{key_devices}|{containers})"
                rf"{_clause(clause_reach)}{_ANY_CODE}", SCORE_CODE),
        grammar("code in later field",
                rf"(?:{key_devices}|(?<![\w]){alternation(_FIELD_DEVICES)}(?![\w]))"
                rf"{_LATER_FIELD}{CODE}", SCORE_CODE),
    ]


# The talk an access object is named in, read on past its clause (issue 14, session 16): a
# later sentence, a turn (` / `, `> `, `[09:13] Coordinator:`) or a bullet (`•`) of the same
# line. The object named last stays the topic until a code is named (`Safe is on the wall
# beside the meter cupboard. Code 9201.`, `Does the client have a key safe? Yes. Where is
# it? Behind the wheelie bins. What is the code? 5527.`); what the code is for is then read
# over the whole match, so a sentence naming another owner between them drops it.
_TALK_BREAK = r"(?:[.;!?]+[^\S\n]*|[^\S\n]+[/\u2022>|][^\S\n]*|[^\S\n]*\u2022[^\S\n]*)"
TALK_SENTENCES = 4
# A question answered after a question back: how many turns may stand between, and how long
# each may be.
TURNS_BETWEEN = 2
QUESTION_BACK = 60
TALK_SENTENCE_REACH = 90
# Who speaks a turn, with its time (`[09:13] Coordinator:`, `Office:`, `Carer: yes,`, a chat
# export's `Ben Adeyemi 10:21:`), its turns parted by ` / `, `>`, `•` or, flattened from a
# thread's lines, ` | `.
_SPEAKER = (r"[A-Z][\w'\-]*(?:[^\S\n]+[A-Z][\w'\-]*){0,2}"
            r"(?:[^\S\n]+\d{1,2}[:.]\d{2})?[^\S\n]*:[^\S\n]*")
_TURN_LABEL = (r"(?:[/>\u2022|][^\S\n]*)?(?:\[[^\]\n]{1,12}\][^\S\n]*)?"
               rf"(?:{_SPEAKER})?")
# An answer's words before its code (`Yes still 4 0 0 9`, `yep, it's 2 2 1 8`).
_ANSWER_WORDS = (r"(?:(?i:yes|yeah|yep|aye|still|same|it['\u2019]?s|it[^\S\n]+is|that['\u2019]?s)"
                 r"[^\S\n]*,?[^\S\n]*){0,3}")
# What names a code when the object was named sentences before: a code word, `number`,
# `digits`, `it's`, `opens with`, or what to key in (`You need 8152 then ...`).
_NEED = (r"(?<![\w])(?i:(?:you|you['\u2019]ll|you[^\S\n]+will)[^\S\n]+need"
         r"|(?:put|punch|type|key)[^\S\n]+in)\b")
# A safe named alone (`Safe on the wall, right of the porch`), not a key safe's word: a safe
# counts only placed on a fixture or a hiding place of the home, as `the reception safe` or
# `the safe in the bank` is a workplace's.
BARE_SAFE = r"(?<!(?i:key)[^\S\n\-]?)(?<![\w])(?i:safes?)(?![\w])"
# A box, a lock or a safe said to be on, by or beside a fixture or a hiding place, a verb of
# being or fixing between (`Box is fixed to the fence by the bins`, `the safe is beside the
# coal bunker`).
_PLACED_VERBS = (r"(?:[^\S\n]+(?i:is|are|was|sits|lives|fixed|fitted|mounted|screwed|bolted|"
                 r"attached|installed|now|still|located|placed|up))")


def talk_patterns(words: Vocabulary) -> list[Pattern]:
    """An access object named, then its code sentences or turns later; a question about a
    code answered by one; a code, then what it is for in the next sentence."""
    obj = access_object(words)
    code_words = alternation(words.code_words)
    number_words = alternation([*words.code_words, *_NUMBER_WORDS])
    devices, key_devices = words.device_pattern(), words.device_pattern(holding_a_key=True)
    containers = alternation(plurals(words.containers))
    fixtures = alternation([*words.places, *_FIXTURES])
    openings, premises = alternation(words.openings), alternation(words.premises)
    located = (rf"{_LOCATED}{_SP}{_DETERMINER}{_described(2)}(?:(?i:side|corner|wall|back|"
               rf"front|rear){_SP}(?i:of){_SP}{_DETERMINER}{_described(2)})?{fixtures}")
    placed = (rf"(?:{containers}|{BARE_SAFE}){_PLACED_VERBS}{{0,2}}{_SP}(?:{located}|(?i:to|onto)"
              rf"{_SP}{_DETERMINER}{_described(2)}{fixtures})")
    sentences = (rf"(?:{_clause(TALK_SENTENCE_REACH)}{_TALK_BREAK}{_TURN_LABEL})"
                 rf"{{0,{TALK_SENTENCES}}}?")
    answer = rf"[^\S\n]*\?[^\S\n]*{_TURN_LABEL}{_ANSWER_WORDS}"
    named = (rf"{_clause(30)}(?:(?<![\w]){number_words}(?![\w])|{_OPENS_WITH}|{_NEED})"
             rf"(?:{_clause(30)}|{answer})")
    return [
        grammar("code later in the talk", rf"{obj}{sentences}{named}{_ANY_CODE}", SCORE_CODE),
        grammar("placed box, code later", rf"{placed}{sentences}{named}{_ANY_CODE}",
                SCORE_CODE),
        # A question naming a code and what it opens, answered by one (`Is the code still
        # the same for the box? Yes still 4 0 0 9`).
        grammar("code question answered",
                rf"(?<![\w]){code_words}(?![\w]){_clause(40)}(?<![\w])"
                rf"(?:{key_devices}|{containers}|{openings}|{premises}){_clause(20)}{answer}"
                rf"{_ANY_CODE}", SCORE_CODE),
        # A question about a code answered turns later, after a question back and its answer
        # (`Q: what's the gate code for Mum's? / A: which gate, front or side? / A: side -
        # 4 1 7 7`): the turns between hold no number, the answer's turn starts with up to
        # three words that pick what was asked about and ends with the code.
        grammar("code asked, answered later",
                rf"(?={_clause(60)}(?<![\w]){number_words}(?![\w]))(?:{obj}|{openings}|{key_devices})"
                rf"{_clause(60)}"
                rf"[^\S\n]*\?(?:{_TALK_BREAK}{_TURN_LABEL}[^\n\d/\u2022>.;!?]{{1,{QUESTION_BACK}}}"
                rf"[.;!?]*){{1,{TURNS_BETWEEN}}}{_TALK_BREAK}{_TURN_LABEL}{_ANSWER_WORDS}"
                rf"(?:[A-Za-z][\w'\u2019]*[^\S\n]*(?:[,:\-\u2013\u2014][^\S\n]*)?){{0,3}}?"
                rf"{_ANY_CODE}(?=[^\S\n]*(?:[.!;/\u2022]|$))", SCORE_CODE),
        # A turn that is a code alone, then, up to `TURNS_BETWEEN` turns later, what it is
        # for (`Son: 7 2 9 0 / Son: that's for the key safe round the side`, a thread's lines
        # read as one by `read_thread_turns`): the turns between hold no number.
        grammar("bare code, then what it is for",
                rf"(?:(?<![^\n])|[/>\u2022])[^\S\n]*{_TURN_LABEL}{_ANSWER_WORDS}"
                rf"{_ANY_CODE}[^\S\n]*[.!]?(?:{_TALK_BREAK}{_TURN_LABEL}"
                rf"[^\n\d/\u2022>]{{1,{QUESTION_BACK}}}){{0,{TURNS_BETWEEN}}}?{_TALK_BREAK}"
                rf"{_TURN_LABEL}(?:(?i:yes|yeah|oh|ok|sorry)[^\S\n]*,?[^\S\n]*)?"
                rf"(?i:it['\u2019]?s|it{_SP}is|that['\u2019]?s|that{_SP}is|this{_SP}is)"
                rf"{_SP}(?:(?i:the{_SP}code|the{_SP}number|the{_SP}one){_SP})?(?i:for|to|on)"
                rf"{_SP}{_DETERMINER}{_described(2)}"
                rf"(?:{devices}|{containers}|{BARE_SAFE}|{openings}|{premises})", SCORE_CODE),
        # A form's cell naming a key device (and its code), the code filling the next cell
        # (`"KS Number";"8147";"Location";...`, `Key safe;4471;rear`).
        grammar("code in the next cell",
                rf"{key_devices}(?:{_SP}(?i:number|no\.?|code|pin|combination|combo|digits))?"
                rf"[\"']?[^\S\n]*[;,\t|][^\S\n]*[\"']?{CODE}(?=[\"']?[^\S\n]*(?:[;,\t|]|$))",
                SCORE_CODE),
        # A box placed on a fixture of the home and a code beside it, in either order, with no
        # code word (`7-0-3-5, box is on the wall beside the bins`, `box is under the step,
        # 0633`): the code is the box's, as a reader takes it.
        grammar("placed box and its code",
                rf"{placed}[^\n\d,;.:]{{0,30}}?[,\-\u2013\u2014:][^\S\n]*{CODE}", SCORE_CODE),
        # (read from the box back to its code: tried only where a box's word starts)
        grammar("code and its placed box",
                r"(?<=(?:^|[\n|/>:])[^\S\n]{0,3}\d(?:[ \-]?\d){2,7}[^\S\n]*[,\-\u2013\u2014]"
                rf"[^\S\n]*(?:(?i:the|a|her|his|their)[^\S\n]+)?){placed}", SCORE_CODE),
        # A code, then what it is for in the next sentence (`Code is 5 8 1 4. It's for the
        # safe by his back door`).
        grammar("code then what it is for",
                rf"(?<![\w]){code_words}{_JOINER}(?:(?i:is|=){_SP})?{_ANY_CODE}{_clause(30)}"
                rf"{_TALK_BREAK}(?i:it['\u2019]s|it{_SP}is|that['\u2019]s|that{_SP}is|this{_SP}is)"
                rf"{_SP}(?:(?i:the{_SP}code|the{_SP}number){_SP})?(?i:for|to|on){_SP}{_DETERMINER}"
                rf"{_described(2)}(?:{devices}|{containers}|{BARE_SAFE}|{openings}|{premises})",
                SCORE_CODE),
    ]


# A key device whose record's next field starts within the reach `_LATER_FIELD` allows (from
# where its first word ends: the rest of a device's name is read in that reach too).
_FIELD_AFTER = prebuilt(r"[^\n|;]{0,100}(?:[|;]|[^\S\n][A-Za-z_]{2,30}=)")


_NUMBER_LITERALS = tuple(Literal(word, confirm=_NUMBER_OF) for word in ("number", "no", "digits"))




def other_words_triggers(key_line: _Remembered, field_first: _Remembered,
                         entry_point_first: _Remembered, number_first: Trigger,
                         object_first: _Remembered, code_words: Sequence[str] = (),
                         key_first: Callable[[_Remembered], Trigger] = lambda lines: lines
                         ) -> dict[str, Trigger]:
    """Where `other_words_patterns` can match: key lines holding a verb of holding or
    `left`; the starts of an opening or a hatch; `number` or `digits` before a preposition
    (`number_first`, a trigger holding `_NUMBER_LITERALS`); the starts of an access object
    with a record's field after it. `key_first`: for a pattern that starts with a door key,
    the key's starts on its lines (`_KeyStarts`)."""
    return {
        "holder has key": (held := _lines_holding(key_line, _HELD_VERB_WORDS)),
        "holder then pronoun has key": held,
        "speaker has key": held, "asked who has key": held,
        "key given to speaker": _lines_holding(key_line, _GIVEN_VERBS),
        "key then its code": key_first(_lines_holding(key_line, code_words)),
        "code answers question": object_first,
        "key left with": key_first(_lines_holding(key_line, _LEFT_WITH_WORDS)),
        "open then go in": entry_point_first,
        "key in a placed thing": key_first(key_line),
        "key hidden under a thing": key_first(key_line),
        "number of object": number_first,
        "code in later field": field_first,
    }


class _Remembered(Trigger):
    """A trigger whose hits are computed once per text and shared by its views."""

    def __init__(self, source: Trigger, anchored: bool,
                 only: frozenset[str] | None = None,
                 followed_by: re.Pattern | None = None, reach: int | None = None) -> None:
        super().__init__(anchored=anchored, reach=reach)
        self.source = source
        self.only = only
        self.followed_by = followed_by
        self.last: tuple[str, list | None] | None = None

    def hits(self, text: str) -> list | None:
        if self.only is not None:
            found = self.source.hits(text)
            return None if found is None else [
                (start, end) for start, end in found if text[start:end].casefold() in self.only
                and (self.followed_by is None or self.followed_by.match(text, end))]
        last = self.last  # read once: a Dask worker's threads share the trigger
        if last is None or last[0] is not text:
            last = self.last = (text, self.source.hits(text))
        return last[1]

    def view(self, anchored: bool, only: Sequence[Literal] | None = None,
             followed_by: re.Pattern | None = None, reach: int | None = None) -> _Remembered:
        """The same hits (or those of the literals `only`, and of those the ones
        `followed_by` matches after), read as starts (anchored) or as lines (or `reach`
        characters of them around each hit): one automaton pass serves word groups of
        several patterns."""
        kept = None if only is None else frozenset(literal.text.casefold() for literal in only)
        return _Remembered(self, anchored, kept, followed_by, reach)


class _KeyStartsFound:
    """Every position where a door key (`Vocabulary.key_pattern`) starts on the key lines
    (`lines`: their regions), found once per text by one overlapped scan of the key's
    regex over them, and shared by the `_KeyStarts` views of the patterns that start with
    a key. Overlapped: `spare key` starts a key at `spare` and at `key`, and a pattern
    failing at the first may match at the second. A line is scanned with the real text
    before it (look-behinds) and `LOOKAHEAD_CHARS` past its end, as `triggers.scan` does."""

    def __init__(self, lines: _Remembered, source: str) -> None:
        self.lines = lines
        self.source = source
        self.last: tuple[str, list[int] | None] | None = None

    @functools.cached_property
    def pattern(self) -> re.Pattern:
        return compiled(self.source, DEFAULT_FLAGS)

    def starts(self, text: str) -> list[int] | None:
        last = self.last  # read once: a Dask worker's threads share the trigger
        if last is None or last[0] is not text:
            last = self.last = (text, self._starts(text))
        return last[1]

    def _starts(self, text: str) -> list[int] | None:
        regions = self.lines.regions(text)
        if regions is None:
            return None
        found: list[int] = []
        for start, end in regions:
            limit = min(len(text), end + LOOKAHEAD_CHARS)
            for match in self.pattern.finditer(text, start, limit, overlapped=True):
                if match.start() >= end:
                    break
                found.append(match.start())
        return found


class _KeyStarts(Trigger):
    """Where a pattern that starts with a door key can match: where a key starts
    (`_KeyStartsFound`) on the lines of `lines` (the key lines, or those of them holding a
    word the pattern needs). Anchored: the pattern is tried at those starts alone, not at
    every position of each line (the regex engine reads each position's look-behinds and
    first characters before failing there, for each of ten patterns). The same matches:
    every match of such a pattern starts where its key does, and a key matches there."""

    def __init__(self, lines: _Remembered, keys: _KeyStartsFound) -> None:
        super().__init__(anchored=True)
        self.lines = lines
        self.keys = keys

    def starts(self, text: str) -> list[int] | None:
        regions = self.lines.regions(text)
        found = None if regions is None else self.keys.starts(text)
        return None if found is None else starts_within(found, regions)


def _lines_holding(source: _Remembered, words: Sequence[str]) -> _Remembered:
    """The lines of `source`'s hits that hold one of `words` (case-folded, anywhere in a
    word), for a pattern each match of which holds one beside the hit: a line without
    any is not scanned. Only where the pattern runs changes, never what it matches
    (`tests/test_triggers.py`)."""
    view = _Remembered(source, anchored=False)
    def holds_a_word(line: str) -> bool:
        folded = line.casefold()  # once per line, not once per word
        return any(word in folded for word in words)

    view.keep_line = holds_a_word
    return view


def _lines_with_turns(source: _Remembered) -> _Remembered:
    """The lines of `source`'s hits that hold a turn's break (`/`, `>`, `•`: a thread's lines
    read as one hold `•`), a digit and what a code is said to be (`that's`, `it's`, `this
    is`): `bare code, then what it is for` needs all three."""
    view = _Remembered(source, anchored=False)

    def holds_turns(line: str) -> bool:
        return ((("\u2022" in line or "/" in line or ">" in line)
                 and any(char.isdigit() for char in line))
                and _SAID_TO_BE.search(line) is not None)

    view.keep_line = holds_turns
    return view


_SAID_TO_BE = stdlib_re.compile(r"(?i)\b(?:it|that|this)(?:['\u2019]?s|\s+is)\b")


_QUESTION_AFTER = prebuilt(rf"[^\n.;!?]{{0,{CLAUSE_REACH + 20}}}\?")
# (the question's object, its clause and the question mark: more than any such question)
_ASKED_AFTER = prebuilt(r"[^\n]{0,200}?\?")
_SAME_AFTER = prebuilt(r"[^\n.;!?]{0,90}?(?<![\w])(?i:same|identical)\b")


def build_triggers(extra_dirs: Sequence[str | Path] = ()) -> dict[str, Trigger]:
    """Where each pattern can match, in four automaton passes: where an access object
    starts (a device, an opening, a code word, a misspelt key safe, a record's field: as
    starts, or as the lines holding one) or an opening or home a state is said of (`door`,
    `house`): one pass read through views; where a described object starts (`box`,
    `lock`); where an instruction starts (`let`, `knock`, `enter`, the entry phrases); the
    lines holding a key, a spare, a set or a latch. A pattern anchored on a group of words
    is tried at every start of the group (a superset of its own); a trigger shared by
    patterns holds all their words."""
    words = Vocabulary(extra_dirs)
    words_first = vocabulary_trigger([*words.devices, *words.openings, *words.code_words])
    object_literals = [
        *words_first.literals,
        *(Literal(start, word_end=False, confirm=_MISSPELT_KEY_SAFE)
          for start in ("key", "kes", "kys", "ke", "ky", "kc")),
        *(Literal(form) for form in ("k/safe", "k-safe", "k safe", "ksafe", "coded")),
        *(Literal(initials, confirm=_BOX_INITIALS) for initials in BOX_INITIALS),
        *(Literal(name, word_start=False) for name in field_names()),
        *(Literal(name) for name in _FIELD_DEVICES if "_" in name)]
    stated = vocabulary_trigger(words.stated).literals
    # (and a hatch, where an opening said open then going in starts: one pass serves both)
    entry_points = vocabulary_trigger([*words.stated, *_HATCHES]).literals
    # (a connected lock's maker or kind, in the same pass: `smart` is a device's already)
    known = {literal.text.casefold() for literal in [*object_literals, *entry_points]}
    lock_apps = [Literal(word, confirm=_LOCK_APP_NAME) for word in _LOCK_APP_MAKERS]
    objects = _Remembered(Trigger(literals=[*object_literals, *entry_points, *(
        literal for literal in lock_apps if literal.text not in known)]), anchored=True)
    object_first = objects.view(anchored=True, only=object_literals)
    object_line = objects.view(anchored=False, only=object_literals)
    # Around an object followed by `same` (few): a code shared with another object.
    same_line = objects.view(anchored=False, only=object_literals, followed_by=_SAME_AFTER,
                             reach=SHARED_REACH)
    stated_first = objects.view(anchored=True, only=stated)
    code_word_first = objects.view(
        anchored=True, only=vocabulary_trigger(words.code_words).literals)
    containers_first = vocabulary_trigger(plurals(words.containers), anchored=True)
    placed_first = vocabulary_trigger(plurals([*words.containers, "safe"]), anchored=True)
    instructions = vocabulary_trigger([*words.entry, *_ROUTE_WORDS, *_KNOCK_WORDS])
    # (and `number for the box`: its confirmed hits are rare, so one pass serves both)
    instruction_first = Trigger(literals=[*instructions.literals,
                                          Literal("let", confirm=_LET_IN), *_NUMBER_LITERALS],
                                anchored=True)
    key_line = _Remembered(Trigger(literals=[
        *(Literal(word, word_start=False, word_end=False, confirm=_KEY_WORD)
          for word in ("key", "fob")),
        Literal("spare", word_end=False,
                confirm=rf"{_SPARE_SET}|{_SPARE_ALONE}|(?i:spares?){_SP}(?i:to)\b"),
        Literal("set", confirm=_SET_ALONE), Literal("latch"), Literal("snib"), Literal("catch"),
        *(Literal(word) for word in sorted({key.split()[0] for key in words.other_keys}))]),
        anchored=False)
    # Key lines holding the word a pattern needs beside its key: who holds it
    # (`_HOLD_VERB`), a hiding word (`_HIDDEN`), getting in (`_GET_IN`).
    held_line = _lines_holding(key_line, ("hold", "has", "have", "keep", "kept", "having"))
    hidden_line = _lines_holding(key_line, ("hid", "stashed", "tucked", "concealed",
                                            "secreted", "buried"))
    get_in_line = _lines_holding(key_line, ("get", "gain", "let"))
    keys = _KeyStartsFound(key_line, words.key_pattern())

    def key_first(lines: _Remembered) -> _KeyStarts:
        return _KeyStarts(lines, keys)

    return {
        "code after object": object_first, "code in next clause": object_first,
        "code after a reference": object_first,
        "lock app guest code": objects.view(anchored=True, only=lock_apps),
        "code keyed in": object_first, "object location": object_first,
        "code keyed in a clause on": _lines_holding(object_first, _KEYED_WORDS),
        "premises then keyed in": instruction_first,
        "described object": placed_first, "owned box code": containers_first,
        "code then opening": object_first,
        "door state": stated_first, "door knack": stated_first, "code before object": object_line,
        "code shared with object": same_line,
        "hidden key": key_first(key_line), "hiding place before key": key_line,
        "key said hidden": key_first(hidden_line), "home key kept": key_line,
        "key to get in": key_first(get_in_line),
        "key held by": key_first(key_line), "keys then named holder": key_first(key_line),
        "key given to": key_line,
        "holder given key": _lines_holding(key_line, _GIVEN_VERBS),
        "holder brings own key": _lines_holding(key_line, _BRINGS_VERBS),
        "key then its holder": key_first(held_line),
        "keyholder holds key": held_line, "route in": instruction_first,
        "knock then in": instruction_first, "entry instruction": instruction_first,
        "latched": key_line, "let in": instruction_first, "code after opening": object_first,
        "opening then its code": code_word_first,
        "code field": object_first,
        "code later in the talk": object_first, "placed box, code later": placed_first,
        "placed box and its code": placed_first, "code and its placed box": placed_first,
        "code question answered": code_word_first, "code then what it is for": code_word_first,
        # (an object with a question mark after it on its line: few)
        "code asked, answered later": objects.view(anchored=True, only=object_literals,
                                                   followed_by=_ASKED_AFTER),
        "code in the next cell": object_first,
        # (lines holding an object, a turn's break and what the code is said to be for)
        "bare code, then what it is for": _lines_with_turns(object_line),
        # (lines holding a word a record's access field is named by, or an SQL INSERT)
        "record field": Trigger(literals=[
            *(Literal(word, word_start=False, word_end=False) for word in fields.FIELD_WORDS),
            *(Literal(word, word_end=False) for word in fields.WORD_START_FIELD_WORDS)],
            keep_line=fields.holds_a_field),
        "record insert": Trigger(literals=[Literal("insert")]),
        "record table": Trigger(sign=fields.TABLE_SIGNS),
        **other_words_triggers(key_line, objects.view(
            anchored=True, only=object_literals, followed_by=_FIELD_AFTER),
            objects.view(anchored=True, only=entry_points), instruction_first,
            # (an object followed by a question mark in reach: few)
            objects.view(anchored=True, only=object_literals, followed_by=_QUESTION_AFTER),
            [word.casefold() for word in words.code_words], key_first),
    }


def _is_negated(before: str) -> bool:
    return (_NEGATION.found_in(before) and not _UNABLE.found_in(before)
            and not _OTHERWISE.found_in(before))


# Where a clause's pieces part for a negation: a comma, or a dash with a space either side.
_NEGATION_PIECE_BREAK = prebuilt(r",|[^\S\n]+[-\u2013\u2014][^\S\n]+")


def _negation_scope(text: str, position: int, label: re.Pattern | None = None) -> str:
    """The words before position in its clause where a negation of it is read: its last
    piece between commas (or spaced dashes: `don't wait – the door is never locked`), and an
    earlier piece only when it ends with the negation (`do not, repeat not, leave it open`);
    `don't knock, side door will be unlocked` negates the knock."""
    window = text[max(position - WORD_WINDOW_CHARS, 0):position]
    breaks = [match.end() for match in _CLAUSE_BREAK.finditer(window)]
    clause = window[breaks[-1]:] if breaks else window
    found = label.match(clause) if label is not None else None
    clause = clause[found.end():] if found else clause
    pieces = _NEGATION_PIECE_BREAK.split(clause)
    kept = [piece for piece in pieces[:-1] if _NEGATION.ends(normalise_words(piece))]
    words = normalise_words(" ".join([*kept, pieces[-1]]))
    return f" {' '.join(words.split()[-NEGATION_WORDS:])} "


def _words_before(text: str, position: int, count: int) -> str:
    """The last `count` words of the line before position (reading a short window
    first: a long line must not make every match read it all)."""
    start = max(position - WORD_WINDOW_CHARS, 0)
    line_start = text.rfind("\n", start, position)
    if line_start == -1 and start > 0:
        words = text[start:position].split()
        if len(words) > count:  # the window holds the wanted words whole
            return normalise_words(" ".join(words[-count:]))
        line_start = text.rfind("\n", 0, position)
    line_start = max(line_start, 0)
    return normalise_words(" ".join(text[line_start:position].split()[-count:]))


_BARE_OPENING = prebuilt(r"(?i:doors?|gates?|dr)\b")


def _thing_before_door(text: str, position: int) -> str:
    """The word before a door that may name whose door it is: a bare door's word before it
    (`Checked the freezer, door is open`), but an opening named by its own place (`back
    door`) only in its piece (`leave milk in the fridge, back door is open from 6am`: the
    fridge is no door's)."""
    if _BARE_OPENING.match(text, position):
        return _words_before(text, position, 1)
    pieces = _PIECE_BREAK.split(text[max(position - WORD_WINDOW_CHARS, 0):position])
    if len(pieces) == 1:
        return _words_before(text, position, 1)
    return normalise_words(" ".join(pieces[-1].split()[-1:]))


def _clause_before(text: str, position: int, count: int,
                   label: re.Pattern | None = None) -> str:
    """The last `count` words before position in its clause, after a writer's `label`
    (`Pharmacy driver note:` says who wrote, not what a code opens)."""
    window = text[max(position - WORD_WINDOW_CHARS, 0):position]
    breaks = [match.end() for match in _CLAUSE_BREAK.finditer(window)]
    clause = window[breaks[-1]:] if breaks else window
    found = label.match(clause) if label is not None else None
    clause = clause[found.end():] if found else clause
    return normalise_words(" ".join(clause.split()[-count:]))


def _piece_before(window: str, before: str) -> str:
    """The words of `before` (`_clause_before` of the window's end) in the window's last
    piece: none before its last comma, colon, bracket or dash."""
    breaks = [found.end() for found in _PIECE_BREAK.finditer(
        window, max(len(window) - WORD_WINDOW_CHARS, 0))]
    if not breaks:
        return before
    piece = normalise_words(window[breaks[-1]:]).split()
    return " ".join(before.split()[-len(piece):]) if piece else ""


def _sentence_before(text: str, position: int, home_words: re.Pattern) -> str:
    """The sentence before position, across commas, colons and semicolons (at most
    WORD_WINDOW_CHARS), an errand told in an earlier piece blanked (`fetch the ladder from
    the depot - ...` is where a thing comes from, not what the match is for)."""
    start = _after_ended_line(text, _sentence_start(text, 0, position), position)
    return _without_errands(text, start, position, home_words)


def _after_ended_line(text: str, start: int, position: int) -> int:
    """Where the text after the last line between start and position that its writer ended
    (`noise_reading.writer_ended_line`) begins: start if none is."""
    line_end = text.rfind("\n", start, position)
    while line_end != -1:
        if writer_ended_line(text, line_end, text[line_end + 1:position]):
            return line_end + 1
        line_end = text.rfind("\n", start, line_end)
    return start


def _clause_after(text: str, position: int, words: int = 4) -> str:
    """The first `words` words after position, up to the end of the sentence."""
    limit = min(position + WORD_WINDOW_CHARS, len(text))
    end_match = _AFTER_END.search(text, position, limit)
    if end_match is None and limit < len(text):
        found = text[position:limit].split()
        if len(found) > words:  # the window holds the wanted words whole
            return normalise_words(" ".join(found[:words]))
        end_match = _AFTER_END.search(text, position)
    end = end_match.start() if end_match else len(text)
    return normalise_words(" ".join(text[position:end].split()[:words]))


# After a comma, the words that go on saying what the match is for (`key safe 2290, at
# the station`, `padlock 383, engineers only`); any other word starts a new piece (`K/S
# 1 1 4 9, pendant worn`).
_AFTER_COMMA = prebuilt(
    r"[^\S\n]*,[^\S\n]*+(?!(?i:for|to|at|on|in|into|of|by|which|that|used|only|opens|"
    r"belongs|is|are|goes|works|near|next|inside)\b|(?:[\w'\-]+[^\S\n]+){1,2}(?i:only)\b)")


# A code's sentence ended right after it and the next one saying what it is for (`Keypad:
# 1357 + tick. Use for the nurses' base door at Sandpiper Ward`).
_USED_FOR_NEXT = prebuilt(
    r"[^\S\n]*(?:[+&][^\S\n]*[\w#*]+[^\S\n]*|[#*][^\S\n]*)?[.;][^\S\n]+"
    r"(?i:use(?:[^\S\n]+it)?[^\S\n]+"
    r"(?:for|on)|(?:it|this|that)(?:['\u2019]s|[^\S\n]+is)[^\S\n]+(?:for|on))(?![\w])")
USED_FOR_EXTRA_WORDS = 4


def _purpose_after(text: str, position: int, words: int) -> str:
    """The words after a match read for its purpose: none past a comma that starts a new
    piece; the next sentence's when it says what the code is for (`_USED_FOR_NEXT`)."""
    if _AFTER_COMMA.match(text, position):
        return ""
    used_for = _USED_FOR_NEXT.match(text, position)
    if used_for:
        return "for " + _clause_after(text, used_for.end(), words + USED_FOR_EXTRA_WORDS)
    return _clause_after(text, position, words)


def _is_time(value: str, word_before: str, after: str) -> bool:
    digits = value.strip("#*")
    words = after.split()[:2]
    # a suffix right after it (`am`, `o clock`), or after the time it runs to (`0930 - 1000
    # hrs`); not a word after another field (`code=7 0 7 1 visit=AM`)
    if words and (any(f" {' '.join(words)} ".startswith(suffix) for suffix in _TIME_SUFFIX.padded)
                  or (words[0].isdigit() and _TIME_SUFFIX.equals(f" {' '.join(words[1:])} "))):
        return True
    if len(digits) == 4 and digits.isdigit() and _TIME_WORDS.found_in(word_before):
        return int(digits[:2]) < 24 and int(digits[2:]) < 60
    hours = digits.split("-")
    return (len(hours) == 2 and all(hour.isdigit() and len(hour) <= 2 and int(hour) <= 24
                                    for hour in hours)
            and _SLOT_WORDS.found_in(word_before))


def _is_year(value: str, word_before: str) -> bool:
    return ((len(value) == 4 and value.isdigit() and 1900 <= int(value) <= 2099
             or _SPOKEN_YEAR.match(value) is not None) and _YEAR_WORDS.found_in(word_before))


# A year said in words (`fitted in nineteen ninety-nine`, `since twenty twenty-two`).
_SPOKEN_YEAR = prebuilt(r"(?i)(?:nineteen|twenty|two[ \-]thousand)[ \-]+[a-z]+(?:[ \-]+[a-z]+)?$")


# A code given as an example (guidance, policy, training: `key safe codes such as 1234`,
# `(e.g. 2580)`, `a keypad code, say 9999`, `e.g. 'front door 7731'`) is no one's code;
# nor one a bracket after it says is to be replaced (`1234 (replace with the client's own
# code)`).
_EXAMPLE_BEFORE = prebuilt(
    r"(?:(?<![\w])(?i:such[^\S\n]+as|e\.?[^\S\n]?g\.?|eg|for[^\S\n]+(?:example|instance))"
    r"|(?<=(?i:codes|numbers|pins|digits|combinations)[^\S\n]+)(?i:like)|,[^\S\n]*(?i:say))"
    r"[:,]?[^\S\n]*['\"\u2018\u201c(]?(?:[^\S\n]*[A-Za-z][\w\-]*){0,3}[^\S\n]*\Z")
_EXAMPLE_AFTER = prebuilt(
    r"[^\S\n]*[(\[][^\S\n]*(?i:replace[^\S\n]+(?:with|by)|example|e\.?g\.?[^\S\n]*\d|"
    r"sample[^\S\n]+(?:code|only|number|pin)|dummy|made[^\S\n]+up|not[^\S\n]+(?:a[^\S\n]+)?real)")


def _is_example(text: str, start: int, end: int) -> bool:
    return (_EXAMPLE_BEFORE.search(text, max(start - 40, 0), start) is not None
            or _EXAMPLE_AFTER.match(text, end) is not None)


_FIELD_END = prebuilt(r"[^\S\n]*[|;]")
_DATE_SEPARATOR = prebuilt(r"[ \-]")


def _is_date(value: str) -> bool:
    groups = _DATE_SEPARATOR.split(value)
    return len(groups) == 3 and any(len(g) > 1 for g in groups) and parse_date(
        value.replace(" ", "/")) is not None


# A number then a street is a house's (`the key safe at 116 Heptonstall Road`), no code,
# unless a code's word says it is one (`key safe code 4471 Station Road side`).
_CODE_WORDS_BEFORE = frozenset({"code", "pin", "combination", "combo", "number", "no", "is"})
_STREET_AFTER = prebuilt(
    r"[^\S\n]+(?:[A-Z][\w'\-\u2019]*[^\S\n]+){1,3}(?i:"
    + "|".join([*_STREET_WORDS, "way", "place", "walk", "hill", "court", "croft", "fold",
                "mount"]) + r")(?![\w])")


def is_house_number(text: str, code_start: int, code_end: int) -> bool:
    """A number then a street (`the key safe at 116 Heptonstall Road`): a house's, no code,
    unless a code's word says it is one (`key safe code 4471 Station Road side`)."""
    return (_STREET_AFTER.match(text, code_end) is not None
            and _words_before(text, code_start, 1).strip() not in _CODE_WORDS_BEFORE)


def code_is_plausible(text: str, code_start: int, code_end: int) -> bool:
    """A code value, not a year, a time, a date, a quantity, a reference or a piece of
    a longer number."""
    value = text[code_start:code_end]
    two_before = _words_before(text, code_start, 2)
    # (a quote or a bracket before the code is no word: `'price': '4499'`)
    one_before = _words_before(text, code_start, 1)
    word_before = one_before if one_before.strip() else f" {' '.join(two_before.split()[-1:])} "
    # (in its own field: `KS 7 4 2 0 | am+pm` is no time)
    after = "" if _FIELD_END.match(text, code_end) else _clause_after(text, code_end, 2)
    bare = value.strip("#*")
    return not (_is_time(bare, word_before, after) or _is_year(bare, word_before)
                or _is_date(bare) or _is_other_number(word_before, bare)
                or (_NUMBER_FILLERS.equals(word_before)
                    and _OTHER_NUMBER_LABELS.equals(f" {two_before.split()[0]} "))
                or _UNITS.found_in(normalise_words(" ".join(after.split()[:1]))))


# A digit (or two) between letters is a letter misread by OCR or typed for one (`k3y
# safe`, `c0de`, `under the p0t`, `d00r`); a code never sits inside a word. Read as that letter, one
# character for one, so every offset stays the text's own.
# (The standard library's engine, the digit first: a quarter faster than `regex` here.)
_MISREAD = "".join(LETTER_FOR_DIGIT)
_OCR_DIGIT = stdlib_re.compile(rf"[{_MISREAD}](?<=[A-Za-z][{_MISREAD}])[{_MISREAD}]?(?=[A-Za-z])")
_OCR_LETTER = str.maketrans(LETTER_FOR_DIGIT)


# A form's value on the line after its label (`Code:` / `4 0 0 8`), or a code's digits
# carried on to the next line (`Door entry code: 2 4` / `8 0 #`): the line break read as a
# space, so the label and its value are one line (no pattern crosses a line); a line that
# starts with a code's digits is the value of the label before it.
_VALUE_LINE = r"(?=[^\S\n]*[#*]?\d(?:[ \-]?\d){0,7}[^\S\n]*[#*]?(?![\w\-/.:]))"
_FORM_VALUE_BREAK = prebuilt(
    rf"(?:(?<=:[^\S\n]*)|(?<=:[^\S\n]*[#*]?\d(?:[ \-]?\d){{0,3}}[^\S\n]*))\n{_VALUE_LINE}")


def read_form_values(text: str) -> str:
    """The text with a form's label and its value on the next line read as one line (the
    same length: each line break read as a space)."""
    if "\n" not in text or ":" not in text or not _FORM_VALUE_BREAK.search(text):
        return text
    return _FORM_VALUE_BREAK.sub(" ", text)


# A message thread as a chat or a messaging app exports it: one turn a line, each opening with
# its time (`[09:02]`, `09:02 -`, `[02/12/2026, 09:02:11]`, `02/12/2026, 09:02 -`) and who
# speaks (`Carer A:`, `Daughter:`). A question about a way in is often answered turns later
# with a bare code (`[09:02] Carer A: what's the key safe code for Mrs B?` ... `[09:10]
# Daughter: 4471`), and a bare code often said what it is for turns later (`[14:01] Son: 7 2
# 9 0` ... `[14:02] Son: that's for the key safe round the side`): the grammar reads a
# line's turns (` / `, `•`, `> `), so `read_thread_turns` reads these lines as one.
_THREAD_TIME = (r"(?:\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4},?[^\S\n]+)?\d{1,2}[:.]\d{2}(?::\d{2})?"
                r"(?:[^\S\n]*(?i:am|pm))?")
_THREAD_TURN = stdlib_re.compile(
    rf"^[^\S\n]*(?:>[^\S\n]*)?(?P<time>\[{_THREAD_TIME}\]|{_THREAD_TIME}(?:[^\S\n]*[\-\u2013])?)"
    r"[^\S\n]+(?P<speaker>[A-Z][\w'\-]*(?:[^\S\n]+[\w'\-]+){0,2}?)"
    r"(?:[^\S\n]*\([^)\n]{1,30}\))?[^\S\n]*:(?!//)[^\S\n]*", stdlib_re.MULTILINE)
# A turn that asks (its words end with a question mark), and one that is a code alone (up to
# three words of answer before it: `4471`, `yes it's 2 2 1 8`).
_ASKS = stdlib_re.compile(r"\?[^\S\n]*$")
_BARE_CODE_TURN = stdlib_re.compile(
    r"(?i:(?:yes|yeah|yep|aye|ok|it'?s|it\u2019s|its|it is|code|still)[,.!]?[^\S\n]+){0,3}"
    r"[#*]?\d(?:[^\S\n\-]?\d){2,7}[#*]?[^\S\n]*[.!]?[^\S\n]*$")
_HOLDS_A_DIGIT = stdlib_re.compile(r"\d")


def read_thread_turns(text: str) -> str:
    """The text with a thread's turns read as one line, the same length: from a turn that
    asks a question to the first later turn holding a number, when that turn is another
    speaker's and at most `TURNS_BETWEEN` turns stand between; and from a turn that is a code
    alone over the `TURNS_BETWEEN + 1` turns after it. Each line break between is read as a
    turn's bullet (`•`) and each turn's time as spaces (a time is never a code)."""
    if "\n" not in text or ":" not in text:
        return text
    turns = list(_THREAD_TURN.finditer(text))
    if len(turns) < 2:
        return text
    ends = [fields.line_end(text, turn.end()) for turn in turns]
    # (whether each turn is the line straight after the turn before it)
    follows = [False] + [turns[index].start() == ends[index - 1] + 1
                         for index in range(1, len(turns))]
    joined: set[int] = set()  # the indexes of turns joined to the next
    for index, turn in enumerate(turns):
        words = text[turn.end():ends[index]]
        if _ASKS.search(words):
            last = _answering_turn(text, turns, ends, follows, index)
        elif _BARE_CODE_TURN.fullmatch(words):
            last = _last_turn(follows, index, TURNS_BETWEEN + 1)
        else:
            continue
        joined.update(range(index, last))
    if not joined:
        return text
    read = list(text)
    for index in joined | {index + 1 for index in joined}:
        start, end = turns[index].span("time")
        read[start:end] = " " * (end - start)
    for index in joined:
        read[ends[index]] = "\u2022"
    return "".join(read)


def _last_turn(follows: list[bool], index: int, most: int) -> int:
    """The index of the last of up to `most` turns straight after turn `index`."""
    last = index
    while last + 1 < len(follows) and follows[last + 1] and last - index < most:
        last += 1
    return last


def _answering_turn(text: str, turns: list, ends: list[int], follows: list[bool],
                    index: int) -> int:
    """The index of the first turn after a question that holds a number, if it comes at
    most `TURNS_BETWEEN + 1` turns later and is not the asker's own; else the question's."""
    asker = turns[index].group("speaker")
    for later in range(index + 1, _last_turn(follows, index, TURNS_BETWEEN + 1) + 1):
        turn = turns[later]
        if _HOLDS_A_DIGIT.search(text, turn.end(), ends[later]):
            return later if turn.group("speaker") != asker else index
    return index


def read_through_ocr(text: str) -> str:
    """The text with each digit (or two: `d00r`) misread for a letter inside a word read as
    the letter; not in a number OCR wrote with letters (`7l5S` is a code, `ocr_reading`)."""
    return _OCR_DIGIT.sub(lambda digits: _as_letters(text, digits), text)


def _as_letters(text: str, digits: stdlib_re.Match) -> str:
    start, end = digits.span()
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    if is_digit_token(text[start:end]):
        return digits.group()
    return digits.group().translate(_OCR_LETTER)


# A relative's word (`relatives.txt`'s `[family]`: `mum`, `nan`, `son-in-law`), in any case.
_FAMILY = words_pattern(family())

# What a lock, key or code is for, resolved from its owner (`home_access_owners.txt`).
# A person's own way in (`Ken's front door`, `Mrs Tate's door`, `Mum's smart lock`) is a
# home's owner, like the owners file's `[home]` words.
_PERSON_OWN = (
    r"(?<![\w])(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?[^\S\n]+[A-Z][\w\-]*['\u2019]s"
    # a saint's name is a church's, a school's or a hospital's (`St Luke's hall door`)
    r"|(?<!St[^\S\n])(?<!St\.[^\S\n])(?<!Saint[^\S\n])[A-Z][a-z]+['\u2019]s|(?i:client|pt|patient|tenant|"
    r"resident|customer|occupier|householder|homeowner|owner|user|" + _FAMILY + r")['\u2019]s"
    # a pronoun's own (`his own front door is round the side`)
    r"|(?i:his|her)[^\S\n]+own)(?![\w])"
    # only when what is theirs is a way in or the home (`Mum's smart lock`, `Ken's front
    # door`; not `Mum's suitcase`)
    r"(?=(?:[^\S\n]+[\w\-]+){0,2}?[^\S\n]+(?i:doors?|gates?|locks?|keys?|keysafe|ks|k/s|box|"
    r"flat|house|home|bungalow|room|place|porch|garage|caravan|chalet|boat|code|pin|keypad|fob)\b)"
    # a relative's standing for their home, as British English says it (`the key for Nan's is
    # in the meter box`, `stays at Mum's`, `round his dad's, door code 4410`)
    r"|(?<![\w])(?i:" + _FAMILY + r")['\u2019]s(?=[^\S\n]*(?:[,.;:)!?]|$)"
    r"|[^\S\n]+(?i:is|was|has|and|too)\b)"
)
# A street or a block's name is an address, never an owner (`3 Station Cottages`).
_ADDRESS_NAME = prebuilt(
    r"(?<![\w])[A-Z][\w'\-]*[^\S\n]+(?:"
    + "|".join(word.capitalize() for word in [*_STREET_WORDS, "court", "way", "place", "walk",
                                              "green", "view", "rise", "house", "lodge", "hall"])
    + r")(?![\w])"
)
# A house number and the capitalised words after it are an address (`Park home 23 Willow
# Bank`: which home, not a bank's); a ward's, a room's or a unit's number is none.
_NUMBERED_ADDRESS = prebuilt(
    r"(?=\d)(?<![\w])(?<!(?i:ward|room|rm|bay|bed|unit|level|floor|block|locker|store|site|route|"
    r"bus|no|number|gate|door|platform|suite)[^\S\n])\d{1,4}[A-Za-z]?[^\S\n]+"
    r"(?:[A-Z][\w'\-]*[^\S\n]+){0,2}[A-Z][\w'\-]*(?![\w])")
# When a way in is open, never whose it is (`left on the latch on day-centre mornings`,
# `on clinic days`, `during respite weekends`): a service named in a time is no owner.
# Who is on something (`she is`, `pt's`), told before `on` in a when-clause.
_ON_IT = r"(?i:she|he|they|pt|patient|client)(?:[^\S\n]+(?i:is|are)|['\u2019]s)?"
_WHEN = prebuilt(
    r"(?<![\w])(?i:on|during|every|most|some)[^\S\n]+(?:[\w'\-]+[^\S\n]+){0,2}?"
    r"(?i:days|mornings|afternoons|evenings|nights|weekends|weekdays)(?![\w])"
    # a time told by a place someone goes, without an article (`lets himself in after
    # school`, `before work`, `after day centre`): no owner (`after the office closes` is one)
    r"|(?<![\w])(?i:after|before)[^\S\n]+(?:(?i:her|his|their|my)[^\S\n]+)?"
    r"(?!(?i:the|a|an|this|that|[0-9])(?![\w]))[A-Za-z][\w'\-]*"
    r"(?:[^\S\n]+(?i:centre|center|club|group|service))?(?![\w])"
    # a time told by what the person is on (`back door left unlocked while on machine`: the
    # dialysis machine, no owner of the door)
    # (`when` only with who is on it: `code 1441, use when on site` is a building site's)
    r"|(?<![\w])(?:(?i:while|whilst)(?:[^\S\n]+" + _ON_IT + r")?|(?i:when)[^\S\n]+" + _ON_IT
    + r")[^\S\n]+(?i:on)[^\S\n]+(?:(?i:the|her|his|their)[^\S\n]+)?[A-Za-z][\w'\-]*(?![\w])")


# A clinical encounter says where a person was seen, treated or discharged from, whom the
# writer phoned or heard from, or where a visitor comes from (`Seen in clinic, COPD stable,
# key safe ...`, `Discharged from ward 7 today`, `Phoned the pharmacy re dosette;`, `(seen
# at clinic last week)`, `District nurse from the health centre visits daily`): what else
# the sentence is about, not what a lock is for, so its place is no owner and no purpose. A
# lock that is the place's own says so by its grammar, outside the encounter (`the clinic's
# key safe`, `key safe at the surgery`, `ward door code`). At most three words of the place,
# never a possessive or a word of a way in.
_ENCOUNTER_LEAD = (
    r"(?<![\w])(?:(?i:seen|saw|see|seeing|reviewed|assessed|examined|treated|"
    r"bloods[^\S\n]+(?:taken|done))(?:[^\S\n]+(?i:him|her|them|pt|patient))?"
    r"(?:[^\S\n]+(?i:by)[^\S\n]+[\w\-]+(?:[^\S\n]+[\w\-]+)?)?[^\S\n]+(?i:in|at)"
    r"|(?i:discharged|transferred|back|home|returned|returning|call|calls|letter|message|"
    r"referral|e-?mail|fax|update)[^\S\n]+(?i:from)"
    r"|(?i:admitted|referred)[^\S\n]+(?i:to|into)"
    r"|(?i:attended|attends|attending|phoned|rang|called|contacted|e-?mailed|faxed|"
    r"spoke[^\S\n]+(?:to|with)))")
_ENCOUNTER_PLACE = (
    r"(?:[^\S\n]+(?i:the|a|an|her|his|their|our))?"
    r"(?:[^\S\n]+(?!(?i:key|keys|keysafe|ks|k/s|code|codes|door|doors|gate|lock|padlock|keypad|"
    r"box|safe|fob|and|but|then|so)(?![\w\-/&]))[\w\-/&]+(?![\w\-/&'\u2019])){1,3}")
_ENCOUNTER = prebuilt(_ENCOUNTER_LEAD + _ENCOUNTER_PLACE)
# A visitor coming `from` a place (`District nurse from the health centre`): the place is read
# at each `from`, then the visitor (a word may name its service: `Dispensary driver`) right
# before it, rather than the visitors tried at every word.
_FROM_A_PLACE = prebuilt(r"(?<![\w])(?i:from)" + _ENCOUNTER_PLACE)
VISITOR_BEFORE = "visitor before"
FROM_PLACE_VISITOR_CHARS = 60


def visitor_before_source(visitors: Sequence[str]) -> str:
    """A visitor (and a word naming its service) ending where a search ends."""
    return rf"(?:(?<![\w])[\w\-]+[^\S\n]+)?{alternation(plurals(visitors))}[^\S\n]+\Z"


# `their`/`its` before the lock takes the encounter's place back (`Phoned the surgery:
# their back door code ...`).
_PLACE_PRONOUN = prebuilt(r"(?<![\w])(?i:their|its)[^\S\n]+(?:[\w\-]+[^\S\n]+){0,2}\Z")
# A place that does a service to the home (`Community pharmacy delivering blister packs`)
# names where a visitor comes from, not what a lock is for.
_SERVICE_DONE = prebuilt(r"[^\S\n]+(?i:deliver|delivers|delivering|delivered|visits|visiting|"
                           r"calls|calling)(?![\w])")


def _line_before(text: str, position: int) -> int:
    """Where the line holding the character before position starts (0 for the text's
    first): how far back a search for what ends at position, never crossing a line, can
    find anything (a `$` before a line break that ends its reach included), so a window
    read back from position may start there and find the same."""
    return text.rfind("\n", 0, position - 1) + 1 if position > 1 else 0


def _window_without_addresses(text: str, position: int, home_words: re.Pattern) -> str:
    """The window `_clause_before` reads before position, each numbered address and each
    errand of an earlier piece in it blanked (`Flat 2, 9 School Hill: keysafe ...` names no
    school; `fetch the ladder from the depot - key box ...` no depot's), its length kept: the
    window alone, never a copy of the whole text per match."""
    start = _after_ended_line(text, max(position - WORD_WINDOW_CHARS, 0), position)
    window = _without_errands(text, start, position, home_words)
    if not any(map(str.isdigit, window)):
        return window
    return _NUMBERED_ADDRESS.sub(lambda m: " " * len(m.group()), window)


# Who a message or a fax is to or from (`To: DN Team South | From: Brookfield Surgery`)
# names its correspondents, not the owner of a lock in another of its fields.
# (a field that starts with its label: `RETURN TO: Homecare Pharmacy` is where goods go)
# (and a forwarded mail's header run onto the line of its marker: `---------- Forwarded
# message --------- From: Stairlift Bookings <...> Subject: ...`, up to the next header)
_CORRESPONDENT = prebuilt(r"(?:^|(?<=[|;\n]))[^\S\n]*(?i:to|from|cc|re|attn|fao|sender|"
                            r"recipient)[^\S\n]*:[^|;\n]*"
                            r"|(?<=(?i:message)[^\S\n]*-{2,}[^\S\n]*)(?i:from)[^\S\n]*:"
                            r"[^|;\n]*?(?=[^\S\n]+(?i:subject|sent|date|to|cc)[^\S\n]*:|$)",
                            re.MULTILINE)
# A bracket right after a person says something of the person (`if Mrs Ellis (wheelchair)
# can't get to the door`, `Mum (dementia)`), not whose a lock is.
# (or right after where a person is not: `client won't be there (day centre)`)
_PERSON_ASIDE = prebuilt(
    r"(?<=(?<![\w])(?:(?:Mr|Mrs|Ms|Miss|Dr|Mstr)\.?[^\S\n]+[A-Z][\w'\-\u2019]*|(?i:client|"
    r"pt|patient|tenant|resident|customer|" + _FAMILY + r")|(?i:be[^\S\n]+(?:there|in|out|"
    r"away|home|back)|(?:is|are|'s|'re)[^\S\n]+(?:out|away)))[^\S\n]*)\([^()\n]{1,40}\)")
# A numbered flat is an address (`Flat 2, 9 Ash Grove`): which home, not whose.
_NUMBERED_FLAT = prebuilt(r"(?<![\w])(?i:flat|apartment|apt)\.?[^\S\n]*\d{1,4}[A-Za-z]?(?![\w])")
# Where a person is (`she's at the day centre`, `pt goes to school`) names no owner.
# (the next clause's article may start before the match: `if we're held up at school run, the
# lad's nan next door has our key`)
_NEXT_ARTICLE = r"(?:(?<=,[^\S\n])(?i:the|a|an|her|his|their|our|my)[^\S\n]+)?$"
_WHEREABOUTS = prebuilt(
    r"(?:(?<![\w])(?i:she|he|they|pt|patient|client|tenant|i|we|you|who|" + _FAMILY + r")"
    # a person by title and name (`Mr Dale's in the ward`, `Mrs Ibe (carer for son) will be
    # at the hospital`)
    r"|(?<![\w])(?:Mr|Mrs|Ms|Miss|Dr)\.?[^\S\n]+[A-Z][\w\-]*(?:[^\S\n]*\([^()\n]{1,40}\))?)"
    r"(?:['\u2019](?:s|re|m)|[^\S\n]+(?i:is|are|am|was|were|goes|go|went|attends|"
    r"will[^\S\n]+be|has[^\S\n]+gone|lives|works)"
    # (to be there, told by a contraction: `I'll be at the hospital`, `we'd be at work`)
    r"|(?:['\u2019](?:ll|d)|[^\S\n]+(?i:would|may|might|could|should|must))[^\S\n]+(?i:be))?"
    # with an adverb or two (`if she's still at school`, `he's usually out at the gym`), or
    # kept there (`if we're held up at school run`, `I'm stuck at work`)
    r"(?:[^\S\n]+(?i:still|now|currently|back|already|usually|normally|often|away|out|"
    r"mostly|held[^\S\n]+up|tied[^\S\n]+up|stuck|delayed|kept|busy|late)){0,2}"
    r"[^\S\n]+(?i:at|in|to|on)[^\S\n]+"
    r"(?:(?i:the|a|her|his|their)[^\S\n]+)?(?:\S+[^\S\n]+){0,2}" + _NEXT_ARTICLE +
    # where someone comes back from (`when Kyle gets back from college he uses the back door
    # keypad`, `home from day centre at 4`, `running late from hospital, door's unlocked`)
    r"|(?<![\w])(?i:back|home|returns?|returned|returning|comes?|came|coming|gets?|got|late|"
    r"delayed|discharged)"
    r"[^\S\n]+(?i:from)[^\S\n]+(?:(?i:the|a|her|his|their|my)[^\S\n]+)?(?:\S+[^\S\n]+){0,2}"
    + _NEXT_ARTICLE)
WHEREABOUTS_CHARS = 60
_OWNER_LEAD = prebuilt(r"(?i:at|in|to)[^\S\n]+(?:(?i:the|a|her|his|their)[^\S\n]+)?")
# After the match, an owner is what it is for or on (`door code on the ward`), never where
# a key is (`in the garage`).
_OWNER_AFTER = prebuilt(
    # (`next to`, `close to`: where it is, not what it is for; `goes to his club`: where a
    # person goes, `_WHEREABOUTS`)
    r"(?<![\w])(?:(?i:for|of|on|into)|(?<!(?i:next|close|adjacent|goes|go|went|going|gone|"
    r"comes|come|came|gets|got|back|off)[^\S\n])(?i:to))"
    r"[^\S\n]+(?:(?i:the|a|an|our|your|this|that)[^\S\n]+)?(?:\S+[^\S\n]+){0,2}$")
_EXPLICIT_PURPOSE = prebuilt(
    r"[^\S\n]*(?i:to|for|of|into)[^\S\n]+(?:(?i:the|a|an|our|your|this|that|her|his|their)"
    r"[^\S\n]+)?(?:[\w\-']+[^\S\n]+)?")
# An owner said not to be one (`not void`, `not at the house`) names nothing.
# (or said to be elsewhere: `rented by Mr Polglase, nowhere near his house`)
_NEGATED_OWNER = prebuilt(r"(?<![\w])(?i:not|isn['\u2019]t|never|nowhere[^\S\n]+near|"
                            r"far[^\S\n]+from|away[^\S\n]+from)[^\S\n]+"
                            r"(?:(?i:at|in|on|for|a|an|the|her|his|their|my|our)[^\S\n]+){0,2}$")
_RECORD_SEPARATOR = prebuilt(r"[|;]|(?<=[A-Za-z_])=(?=\S)")
RECORD_FIELDS = 2  # separators on a line that make it a record of fields
# A record's cell naming the visit's job or goods (`TYPE: HOIST-PM`, `PARTS: none`).
_JOB_CELL = prebuilt(r"[^\S\n]*(?i:(?:job|visit|service|work)[^\S\n]*type|type|job|task|"
                     r"parts?|items?|equipment|kit|goods|products?|order)[^\S\n]*[:=]")
OWNER_AFTER_CHARS = 40
_KS = prebuilt(r"(?<![\w/])KS(?![\w/])")


# Someone said to live in a home (`Mrs Vance is still living at 9 Calder View until the sale`,
# `he lives on his boat`, `lives aboard the narrowboat`): it is a home, whatever else its text
# says it is (for sale, in probate, let, a boat's key). Not said of someone no longer there
# (`no one lives there`, `no longer lives at the flat`, `lived there twenty years`); an address
# alone only after `still` (`the owner lives at 12 Elm Road` says where the owner is).
_NOT_LIVING = (r"(?<!(?i:nobody|no[^\S\n]+one|noone|not|longer|never)[^\S\n]+"
               r"(?:(?i:still)[^\S\n]+)?)")


def lived_in_source(home_words: str) -> str:
    """Someone said to live in a home named by one of `home_words` (an alternation)."""
    verb = r"(?i:lives|living|resides|residing)[^\S\n]+(?i:at|in|on|aboard)[^\S\n]+"
    return (rf"(?<![\w]){_NOT_LIVING}(?:{verb}(?:(?i:the|a|an|her|his|their|my|our)[^\S\n]+)?"
            rf"(?:[\w\-']+[^\S\n]+)?(?i:{home_words})"
            rf"|(?i:still)[^\S\n]+{verb}\d{{1,4}}[A-Za-z]?[^\S\n]+[A-Z])")


# What never joins a device's word to its visit's (`syringe driver / VOD combined sheet`): a
# lock's word, an article or a preposition (`hoist in the garage`).
_JOINING = r"(?:[^\S\n]*[/&+][^\S\n]*|[^\S\n]+)"
_NOT_A_JOINED_WORD = (r"(?i:key|keys|keysafe|ks|safe|code|codes|door|doors|gate|box|lock|padlock|"
                      r"keypad|fob|latch|the|a|an|in|on|at|by|of|for|to|from|with|is|and)")


class PurposeModel:
    """What a match's lock, key or code is for: the owner word nearest to it in its clause
    (in a record, its line before it), a home's or another class's."""

    def __init__(self, classes: dict[str, list[str]], exclusions: Sequence[str],
                 clinical: Sequence[str], visitors: Sequence[str] = ()) -> None:
        owners = [word for name, words in classes.items()
                  if name not in (HOME, NO_OWNER, CLINICAL, STAY)
                  and not name.startswith(POSSESSOR) for word in words]
        possessors = [word for name, words in classes.items() if name.startswith(POSSESSOR)
                      for word in words]
        # A purpose by whom a code is for (`for staff`, `engineers only`) is read next to
        # the match only (`HomeAccessRecognizer.exclusions`), never across its clause.
        places = [word for word in exclusions if not _BY_WHOM.search(word)]
        self._sources = {HOME: alternation(classes.get(HOME, [])) + "|" + _PERSON_OWN,
                         OWNERS: "|".join([alternation(owners),
                                           *(shape.pattern for shape in _OWNER_SHAPES)]),
                         NOT_HOME: alternation(places),
                         POSSESSOR: "|".join([alternation([*owners, *possessors, *places]),
                                              *(shape.pattern for shape in _OWNER_SHAPES),
                                              _NUMBERED_THING.pattern]),
                         POSSESSOR_AFTER: "|".join([alternation([*owners, *places]),
                                                    *(shape.pattern for shape in _OWNER_SHAPES)]),
                         NO_OWNER: alternation(classes.get(NO_OWNER, [])) + "|" + _TITLED,
                         CLINICAL: alternation([*classes.get(CLINICAL, []), *clinical]),
                         VISITOR_BEFORE: visitor_before_source(
                             [v for v in visitors if v not in _PLACE_PEOPLE] or ["visitor"])}
        self._compiled: dict[str, re.Pattern] | None = None
        # Most matches name no other owner: one automaton pass over their scope says so.
        self._any_other = Terms([*owners, *places])
        self._home_words = Terms(classes.get(HOME, []))
        self._lived_in = compiled(lived_in_source(alternation(classes.get(HOME, []))))
        # The classes whose places no one lives in (`holiday let`, `probate`, `valuer`): a
        # text saying someone lives there reads them as no owner.
        self._unlived = compiled(alternation([*classes.get(LET, []), *classes.get(VOID, [])]))
        self.home_alternation = alternation(classes.get(HOME, []))
        # A waste place's wall or side is where a device is fixed at a block of homes (`lock
        # box on the bin store wall`), never what it locks (`bin store code` still is).
        self.mounted_at_waste = compiled(
            rf"(?i:{alternation(classes[WASTE])})"
            rf"(?=[^\S\n]+(?i:wall|side|fence|post|pillar|brickwork)s?(?![\w]))"
            if classes.get(WASTE) else r"(?!)")
        self._stay = Terms(classes.get(STAY, []))
        self._medicines: Terms | None = None
        # a place's own people (`depot team`, `office staff`) work there: not visitors
        self._visitor = compiled(alternation(plurals(
            [v for v in visitors if v not in _PLACE_PEOPLE]))) if visitors else None
        # a label's place then, up to two words on, a visiting service (`Carers' centre
        # sitting service:`, `Food bank parcel round:`): who sends the visit, not whose a lock is
        self._sends_a_visit = compiled(
            rf"(?:[^\S\n]+[\w'\u2019\-]+){{0,2}}?[^\S\n]*[,\-]?[^\S\n]*(?:{_VISITING}"
            + (rf"|{alternation(plurals([v for v in visitors if v not in _NOT_A_SERVICE]))}"
               if visitors else "") + r")(?![\w])")
        jobs = load_classes("home_access_device_jobs.txt")
        devices = [*classes.get(EQUIPMENT, []), *jobs.get("device", [])]
        # (another visit's word or two may join the device's: `syringe driver / VOD combined
        # sheet`, normalised `syringe driver vod combined sheet`; never a lock's word)
        self._device_job = compiled(
            rf"(?i:{alternation(devices)})(?:{_JOINING}(?!{_NOT_A_JOINED_WORD}(?![\w]))"
            rf"[A-Za-z]+){{0,2}}?{_JOINING}(?i:{alternation(jobs.get('job', []))})(?![\w])"
        ) if devices and jobs.get("job") else None

    def without_device_jobs(self, words: str) -> str:
        """Normalised words with each job on a device in a home (`stairlift callout`)
        blanked: it names the visit, not what a lock is for."""
        return words if self._device_job is None else self._device_job.sub(" ", words)

    def medicine_before(self, text: str, start: int) -> bool:
        """A medicine named in the piece of the clause right before a match (`clozapine kept
        in a lockbox`, `methadone locked in the lockbox`): the lock keeps the medicine."""
        # (from its line on: a line break ends a piece and no break holds one, so the last
        # piece is the whole window's)
        window = text[max(start - WORD_WINDOW_CHARS, _line_before(text, start)):start]
        pieces = _MEDICINE_PIECE_BREAK.split(window)
        words = normalise_words(" ".join(pieces[-1].split()[-MEDICINE_WORDS:]))
        if len(words) < 3:
            return False
        if self._medicines is None:  # built when a match first has words before it
            self._medicines = Terms(load_vocabulary("medications.txt"))
        return self._medicines.found_in(words)

    def for_a_stay(self, text: str, start: int, end: int) -> bool:
        """A message to a holiday guest (`Self check-in from 4pm: ...`, `check out by 10`):
        its words anywhere on the match's line (within a window) say the lock is a let's."""
        line_start, line_end = line_bounds(text, start, end)
        window = text[max(line_start, start - 2 * WORD_WINDOW_CHARS):
                      min(line_end, end + 2 * WORD_WINDOW_CHARS)]
        words = normalise_words(window)
        return self._stay.found_in(words) or _BOOKED_STAY.search(words) is not None

    def _names_a_visitor(self, text: str, hit: re.Match) -> bool:
        """A place named right before a visitor to the home (`mosque befriending`, `church
        visitor`) says where the visitor comes from, not what a lock is for; a device right
        before a job on it (`Stairlift callout`, `Hoist service`) names the visit to a home."""
        gap = _SPACES.match(text, hit.end())
        if self._device_job is not None and self._device_job.fullmatch(hit.group()) is None \
                and self._device_job.match(text, hit.start()) is not None:
            return True
        return _SERVICE_DONE.match(text, hit.end()) is not None or (
            self._visitor is not None and gap is not None
            and self._visitor.match(text, gap.end()) is not None)

    def encounters(self, text: str, start: int = 0, end: int | None = None
                   ) -> list[tuple[int, int]]:
        """Where text[start:end] names a clinical encounter or a visitor from a place."""
        end = len(text) if end is None else end
        spans = [m.span() for m in _ENCOUNTER.finditer(text, start, end)]
        for place in _FROM_A_PLACE.finditer(text, start, end):
            visitor = self._patterns()[VISITOR_BEFORE].search(
                text, max(place.start() - FROM_PLACE_VISITOR_CHARS, start), place.start())
            if visitor is not None:
                spans.append((visitor.start(), place.end()))
        return spans

    def without_encounters(self, text: str) -> str:
        """text with each clinical encounter blanked, its length kept."""
        for a, b in self.encounters(text):
            text = f"{text[:a]}{' ' * (b - a)}{text[b:]}"
        return text

    def names_another_place(self, normalised: str) -> bool:
        """Whether normalised words name an owner that is no home, or a place or purpose of
        the exclusions file (a record's words, read whole)."""
        return self._any_other.found_in(normalised)

    def names_a_home(self, normalised: str) -> bool:
        """Whether normalised words end with a home's word (`the trailer`)."""
        return self._home_words.ends(normalised)

    def lives_there(self, text: str, start: int, end: int) -> bool:
        """Whether the match's line says someone lives in a home (`lived_in_source`)."""
        line_start, line_end = line_bounds(text, start, end)
        return self._lived_in.search(text, line_start, line_end) is not None

    @functools.cached_property
    def home_words(self) -> re.Pattern:
        """The home words of the owners vocabulary (`flat`, `bungalow`), a user's folders'
        too, in raw text any case: what tells an errand's place from a home."""
        return re.compile(f"(?i:{self.home_alternation})")

    def sources(self) -> list[str]:
        return list(self._sources.values())

    def _patterns(self) -> dict[str, re.Pattern]:
        if self._compiled is None:  # compiled when a match is first resolved
            self._compiled = {name: compiled(source) for name, source in self._sources.items()}
        return self._compiled

    def resolve(self, text: str, start: int, end: int, label: re.Pattern,
                service: re.Pattern, skip: tuple[int, int] | None = None) -> str | None:
        """`home`, `not home`, or None when no owner is named; `own home` when the access
        object itself says it is a home's or a person's (`his mum's house`)."""
        line_start, line_end = line_bounds(text, start, end)
        owned = self.possessor(text, start, end, line_start, line_end)
        if owned is not None:
            return OWN_HOME if owned == HOME else owned
        scope_start, label_end = _owner_scope(text, line_start, start, label, service)
        piece_end = _AFTER_PIECE_END.search(text, end, min(line_end, end + OWNER_AFTER_CHARS))
        after_end = piece_end.start() if piece_end else min(line_end, end + OWNER_AFTER_CHARS)
        found = self._nearest(text, start, end, scope_start, label_end, after_end, skip)
        if found is not None or _after_job_cells(text, line_start, start) is not None:
            return found
        # Its clause names no owner: the sentence before it may (`Vaccine fridge at Elm
        # Surgery: key ...; treatment corridor door code 7 1 9`, `Side rm 4 - door code`),
        # read the same way, its label for the owners file's words only; a home named
        # anywhere in it keeps the match (`Callum's flat is next to the office; his door
        # code is ...`).
        sentence = _sentence_start(text, line_start, start)
        if sentence < scope_start:
            label_at = _owner_scope(text, sentence, sentence, label, service)[1]
            found = self._nearest(text, start, end, sentence, max(label_at, sentence),
                                  scope_start, skip, any_home=True)
            if found is not None:
                return found
        return self._note_before(text, start, end, line_start, sentence, label, service, skip)

    def possessor(self, text: str, start: int, end: int, line_start: int, line_end: int
                  ) -> str | None:
        """Whose the match's access object is, said by the object itself: the words naming
        it right before it (`the team base key safe`, `van 3 key box`, `his bungalow key
        safe`, `Mrs O'Neill's side gate padlock`; the word nearest it decides, its openings
        skipped) or, for a device, where it is right after it (`key safe at the depot`, `key
        safe on his porch`), for a key what it is to (`a key to Mr Hosking's cottage`). A
        home's or a person's keeps the match whatever else its clause names; a word of any
        other owner class or of the exclusions file's places drops it, and the possessor
        classes' words only right before the object; a counted object (`key safe
        installations: 412`) is no home's. None when the object names no possessor."""
        found = _OBJECT_WORD.search(text, start, end)
        if found is None:
            # a person's own door or gate is their home's (`his door is left unlatched`, `her
            # back gate is open`), whatever service or vehicle the note is about
            if _OPENING_FIRST.match(text, start) and _PRONOUN_LAST.search(
                    text, max(line_start, start - 8), start):
                return HOME
            return None
        if _is_counted(text, found, line_start, line_end):
            return NOT_HOME
        if _DEVICE_WORD.fullmatch(found.group()) and _held_for_a_home(text, found.end(),
                                                                      line_end):
            return HOME
        patterns = self._patterns()
        a, words, b = _possessor_before(text, max(line_start, found.start() - POSSESSOR_CHARS),
                                        found.start())
        owned = self._possessor_class(text, words, b, patterns[POSSESSOR], last=True)
        if owned == NOT_HOME and _SITE_ALONE.fullmatch(text, words, b) and _site_of_homes(
                text, line_start, line_end):
            owned = None  # a site of homes' barrier or gate is its homes' way in
        if owned is not None:
            return owned
        # `his key safe`, `her side gate padlock` (a key or a code alone may be anything of
        # hers: `her spare key in her handbag`, `her PIN`)
        if _PRONOUN_LAST.search(text, a, words) and (
                _DEVICE_WORD.fullmatch(found.group()) or _OPENING_WORD.search(text, words, b)):
            return HOME
        device = _DEVICE_WORD.fullmatch(found.group()) is not None
        after = (_DEVICE_AFTER if device else _KEY_AFTER).match(
            text, found.end(), min(line_end, found.end() + POSSESSOR_CHARS))
        if after is None:
            return None
        if _PRONOUN_HOME.match(text, after.start("words"), after.end()):
            return HOME
        return self._possessor_class(text, after.start("words"), after.end(),
                                     patterns[POSSESSOR_AFTER])

    def _possessor_class(self, text: str, a: int, b: int, other: re.Pattern, last: bool = False
                         ) -> str | None:
        """The class of the possessor named in text[a:b]: the hit nearest the object (the
        last before it, the first after it); a home word inside another class's phrase
        (`boiler house`) is that class's; an address (`at Ash House`, `4 Church Street`)
        names none."""
        if a >= b:
            return None
        # (a lock's own app is the lock's: `Doorbell app guest codes`)
        held = [m.span() for shape in (_NUMBERED_FLAT, _ADDRESS_NAME, _NUMBERED_ADDRESS,
                                       _TITLED_NAME, _LOCK_APP_IN_TEXT, self.mounted_at_waste)
                for m in shape.finditer(text, a, b)]
        hits = [(m.span(), kind) for kind, pattern in ((NOT_HOME, other),
                                                       (HOME, self._patterns()[HOME]))
                for m in pattern.finditer(text, a, b)
                if not any(x <= m.start() < y for x, y in held)]
        # a word inside a longer phrase of the other class is that phrase's (`boiler house`,
        # `caravan site`)
        hits = [(span, kind) for span, kind in hits if not any(
            x <= span[0] and span[1] <= y and y - x > span[1] - span[0] for (x, y), _ in hits)]
        if not hits:
            return None
        return max(hits, key=lambda hit: (hit[0][1] if last else -hit[0][0],
                                          hit[1] == NOT_HOME))[1]

    def _note_before(self, text: str, start: int, end: int, line_start: int, sentence: int,
                     label: re.Pattern, service: re.Pattern, skip: tuple[int, int] | None
                     ) -> str | None:
        """Its sentence names no owner and no one's way in: a place's own way in named in
        the note's sentences before it on its line, with an owner of another class than a
        home there, is what this one goes on about (`Day opps: new fob for the centre's front
        door ... Code for the sensory garden gate is 2244`: the centre's gate), unless a home
        is named there too. A sentence naming whose
        the way in is (`The key safe by his front door is 4411`) is read alone."""
        note_start = max(line_start, sentence - NOTE_CHARS_BEFORE)
        if sentence <= note_start or _SOMEONES.search(
                text, sentence, min(len(text), end + OWNER_AFTER_CHARS)):
            return None
        if not _PLACES_WAY_IN.search(text, note_start, sentence):
            return None
        patterns = self._patterns()
        if patterns[HOME].search(text, note_start, sentence):
            return None
        return NOT_HOME if any(patterns[name].search(text, note_start, sentence)
                               for name in (OWNERS, NOT_HOME)) else None

    def _nearest(self, text: str, start: int, end: int, scope_start: int, label_end: int,
                 after_end: int, skip: tuple[int, int] | None, any_home: bool = False
                 ) -> str | None:
        """The class of the owner nearest the match in text[scope_start:after_end] (with
        `any_home`, a home's wherever it is)."""
        patterns = self._patterns()
        held = [skip] if skip else []
        # Addresses, names and services to the home name no other owner.
        if not self._any_other.found_in(normalise_words(text[scope_start:after_end])) \
                and not any(shape.search(text, scope_start, after_end)
                            for shape in _OWNER_SHAPES):
            return None
        # An address (`Flat 2`, `Rowan House`) says which home, not whose.
        held += [m.span() for address in (_NUMBERED_FLAT, _ADDRESS_NAME, _NUMBERED_ADDRESS, _WHEN)
                 for m in address.finditer(text, scope_start, after_end)]
        # a dead person's name and home are no living person's (`the late Mr Gill's flat`)
        home_held = [*held, *(m.span() for m in _DECEASED.finditer(text, scope_start, after_end))]
        held += [m.span() for m in _LOCK_APP_IN_TEXT.finditer(text, scope_start, after_end)]
        held += [m.span() for m in self.mounted_at_waste.finditer(text, scope_start, after_end)]
        if text.find("(", scope_start, after_end) != -1:
            held += [m.span() for m in _PERSON_ASIDE.finditer(text, scope_start, after_end)]
        if text.find(":", scope_start, after_end) != -1:  # a field's label has one
            held += [m.span() for m in _CORRESPONDENT.finditer(text, scope_start, after_end)]
        skipped = [*held, *_errands_before(text, scope_start, start, self.home_words),
                   *(m.span() for m in patterns[NO_OWNER].finditer(text, scope_start, after_end))]
        if self.lives_there(text, start, end):  # a home for sale or let someone lives in
            skipped += [m.span() for m in self._unlived.finditer(text, scope_start, after_end)]
        if not _PLACE_PRONOUN.search(text, max(start - 30, scope_start), start):
            skipped += self.encounters(text, scope_start, after_end)
        # a job on a device before the match names the visit (`Syringe driver / VOD combined
        # sheet: key safe ...`), an owner inside it none; a device named after the match still
        # owns it (`... for the hoist`), a place the job is done in too (`Wheelchair repair
        # workshop: key safe ...`)
        device_jobs = ([m.span() for m in self._device_job.finditer(text, scope_start, start)]
                       if self._device_job is not None else [])
        best: tuple[int, bool, str] | None = None
        for kind, name in ((NOT_HOME, OWNERS), (NOT_HOME, NOT_HOME), (HOME, HOME)):
            # A note's label names a service, read for the owners file's words only.
            first = scope_start if name != NOT_HOME else label_end
            for hit in patterns[name].finditer(text, first, after_end):
                if not _is_owner(text, hit, start, home_held if kind == HOME else skipped,
                                 scope_start) or self._names_a_visitor(text, hit) or any(
                        a <= hit.start() and hit.end() <= b for a, b in device_jobs) or (
                        kind != HOME and hit.end() < label_end
                        and self._sends_a_visit.match(text, hit.end(), label_end)):
                    continue
                distance = (max(start - hit.end(), 0) if hit.start() < start
                            else hit.start() - start)
                # What the match says it is to or for, right after it, comes first (`holds a
                # key to her house`, whatever is before it).
                if hit.start() >= end and _EXPLICIT_PURPOSE.fullmatch(text, end, hit.start()):
                    distance = -1
                if any_home and kind == HOME:
                    return HOME
                rank = (max(distance, -1), kind == HOME)  # a tie goes to the other class
                if best is None or rank < best[:2]:
                    best = (*rank, kind)
        return best[2] if best else None

    def is_diagnosis(self, text: str, start: int, end: int) -> bool:
        """`KS` in a clinical history (`Hx: HIV, KS 2014 in remission`) is Kaposi's
        sarcoma: the match names no key safe or code but `KS`, and its line a clinical
        word."""
        matched = text[start:end]
        if not _KS.search(matched) or _NAMES_A_DEVICE.search(matched):
            return False
        line_start, line_end = line_bounds(text, start, end)
        return self._patterns()[CLINICAL].search(text, line_start, line_end) is not None


# A place booked or rented for a stay (`booked the cottage near Tenby`, `we've rented a
# cottage for Mum in June`), read in normalised words: a let, not anyone's home. Not a flat,
# a caravan or a lodge, which people rent to live in.
_BOOKED_STAY = prebuilt(r"(?:^| )(?:booked|rented|hired|reserved)(?: \S+){0,2}? "
                          r"(?:cottage|cottages|villa|cabin|apartment|glamping|yurt|shepherd s hut)"
                          r"(?: |$)")
_SPACES = prebuilt(r"[^\S\n]+")
_PLACE_PEOPLE = frozenset({"staff", "care staff", "team", "agency", "crew", "worker",
                           "helper", "support worker"})
HOME, NOT_HOME, OWNERS, NO_OWNER, CLINICAL = "home", "not home", "owners", "no owner", "clinical"
# Owner classes read only as an access object's own possessor (`PurposeModel.possessor`).
POSSESSOR = "possessor:"
OWN_HOME = "own home"  # the object's own possessor is a home's or a person's
# An access object whose possessor is read: a key device, a key, a code or a fob.
_OBJECT_WORD = prebuilt(
    r"(?<![\w])(?i:key[^\S\n\-]?safes?|keysafes?|k/s|ks(?:-c)?|key[^\S\n\-]?box(?:es)?|"
    r"lock[^\S\n\-]?box(?:es)?|pad[^\S\n\-]?locks?|padlocked|key[^\S\n\-]?pads?|fobs?|"
    r"keys?|codes?|combination|combi|pin)(?![\w])")
POSSESSOR_CHARS = 60
POSSESSOR_AFTER = "possessor after"
_TITLED_NAME = prebuilt(_TITLED)  # `for Mrs Ward` names a person, not a ward
# What may stand between a possessor and its object: an opening and its side (`the depot's
# side gate code`), `is` before a state (`the slurry store gate is padlocked`).
_POSSESSOR_GAP = prebuilt(
    r"(?:[^\S\n]+(?i:front|back|rear|side|main|door|doors|gate|gates|entrance|entry|is|"
    r"alarm|spare|door's|gate's))*[^\S\n]*\Z")
# The words naming an object right before it: at most three, none a word of a clause's
# frame (a verb, a preposition, a determiner, a pronoun: `Maureen from church has a key`
# names a holder), in the object's piece (a comma with a space, a colon, a bracket or a dash
# starts another; `Van 7,keybox` in a row of fields is one piece).
_FRAME = (r"(?i:a|an|the|this|that|these|those|our|your|my|his|her|their|its|he|she|they|we|i|"
          r"it|has|have|had|keeps|keep|kept|holds|hold|held|is|are|was|were|be|been|with|from|"
          r"at|in|on|by|to|for|of|and|or|but|if|then|so|uses|use|used|got|get|gets|please|"
          r"leave|left|put|new|old|no|not|set|changed|now)")
_POSSESSOR_WORDS = prebuilt(
    rf"(?:(?<![\w'\u2019\-\.,])(?!{_FRAME}(?![\w'\u2019\-]))[\w'\u2019\-\.,]+[^\S\n]+){{0,2}}"
    rf"(?<![\w'\u2019\-\.,])(?!{_FRAME}(?![\w'\u2019\-]))[\w'\u2019\-\.,]+[^\S\n]*\Z")
_POSSESSOR_BREAK = prebuilt(r",[^\S\n]|[:;|()\[\]\n!?]|\.[^\S\n]|"
                              r"[^\S\n][\-\u2013\u2014][^\S\n]")


def _is_counted(text: str, found: re.Match, line_start: int, line_end: int) -> bool:
    """Whether the object is counted (`97 key safes`) or named for a count (`key safe
    installations`)."""
    if _COUNTED_AFTER.match(text, found.end(), min(line_end, found.end() + 40)):
        return True
    return bool(_PLURAL_DEVICE.search(found.group())) and _COUNTED_BEFORE.search(
        text, max(line_start, found.start() - 20), found.start()) is not None


# A device's place chained to a home (`key box on the wall of the bike shed at her block`,
# `lockbox inside the coal bunker by his back door`) or said to hold a home's key (`... holds
# the flat key`, `has his back door key in it`): the place's own place, or what the device
# holds, says whose it is, whatever the place in between is (a bike shed, a bin store, a
# coal bunker are a home's as well as an office's). Read in the device's sentence piece,
# up to a full stop, a semicolon or a bracket.
_CHAIN_TO_HOME = prebuilt(
    r"(?<![\w])(?:(?i:at|of|behind|beside|by|outside|next[^\S\n]+to|for)[^\S\n]+"
    r"(?i:her|his|their|the[^\S\n]+client['\u2019]s|mum['\u2019]s|dad['\u2019]s)[^\S\n]+"
    r"(?:(?i:own|old|new|front|back|rear|side)[^\S\n]+)?"
    r"(?i:block|flat|house|home|bungalow|cottage|maisonette|building|caravan|back[^\S\n]+door|"
    r"front[^\S\n]+door|porch)"
    r"|(?i:holds?|has|keeps?|contains?|with)[^\S\n]+(?i:the|her|his|their)[^\S\n]+"
    r"(?:(?i:spare|only|other)[^\S\n]+)?(?i:flat|house|home|bungalow|cottage|front[^\S\n]+door|"
    r"back[^\S\n]+door|door|main[^\S\n]+door)[^\S\n]+(?i:keys?|fob))(?![\w])")
_CHAIN_END = prebuilt(r"[;()\n]|\.(?=\s|$)")
CHAIN_CHARS = 90


def _held_for_a_home(text: str, device_end: int, line_end: int) -> bool:
    """Whether the words after a device, in its sentence's piece, chain its place to a
    home or say it holds a home's key (`_CHAIN_TO_HOME`)."""
    limit = min(line_end, device_end + CHAIN_CHARS)
    stop = _CHAIN_END.search(text, device_end, limit)
    return _CHAIN_TO_HOME.search(text, device_end, stop.start() if stop else limit) is not None


# `site` alone (or its barrier, gate or entrance) is a building site's (`Site key safe on
# the hoarding`), unless its record names a home that stands on a site (a pitch, a trailer,
# a caravan, a park or mobile home, a chalet) within a few lines: a Traveller site's, a
# caravan or park-home estate's barrier code is its homes' way in (`Address: Pitch 1, ...
# Traveller Site` over `Access / entry notes: Site barrier code 4317 (changes monthly)`).
_SITE_ALONE = prebuilt(r"(?i:site(?:['\u2019]s)?)(?:[^\S\n]+(?i:barrier|gate|entrance))?"
                       r"[^\S\n]*")
_HOME_ON_A_SITE = prebuilt(r"(?<![\w])(?i:pitch|trailer|caravan|mobile[^\S\n]+home|"
                           r"park[^\S\n]+home|chalet)(?![\w])")
SITE_RECORD_CHARS = 300


def _site_of_homes(text: str, line_start: int, line_end: int) -> bool:
    """Whether a `site` named on a line is a site of homes (see `_SITE_ALONE`)."""
    return _HOME_ON_A_SITE.search(text, max(0, line_start - SITE_RECORD_CHARS),
                                  min(len(text), line_end + SITE_RECORD_CHARS)) is not None


def _possessor_before(text: str, a: int, b: int) -> tuple[int, int, int]:
    """(piece start, possessor words start, end) before an object that starts at b: up to
    three words in its piece, the openings next to it skipped (the words' start is the end
    when there are none)."""
    breaks = [m.end() for m in _POSSESSOR_BREAK.finditer(text, a, b)]
    a = breaks[-1] if breaks else a
    gap = _POSSESSOR_GAP.search(text, a, b)
    b = gap.start() if gap else b
    words = _POSSESSOR_WORDS.search(text, a, b)
    return a, (words.start() if words else b), b


# After a device, where it is (`key safe at the depot`, `on his porch`); after a key or a
# code, what it is to or for (`key to Mr Hosking's cottage`; `key in the locker` is where a
# key is, the hidden-key patterns' own): the first up to three words.
_AFTER_WORDS = (r"[^\S\n]+(?:(?i:the|a|an|our|this|that)[^\S\n]+)?"
                r"(?P<words>(?:[\w'\u2019\-]+[^\S\n]+){0,2}[\w'\u2019\-]+)")
_DEVICE_AFTER = prebuilt(r"[^\S\n]+(?i:at|of|for|on|by|beside|outside|next[^\S\n]+to)"
                           + _AFTER_WORDS)
_KEY_AFTER = prebuilt(r"[^\S\n]+(?i:of|for|to)" + _AFTER_WORDS)
# A person's pronoun right before an object (`his key safe`, `her side gate padlock`) or
# before a home's way in or part after it (`on his porch`); `their` may be a place's.
_OPENING_FIRST = prebuilt(r"(?i:(?:front|back|side|rear)[^\S\n]+)?(?i:doors?|gates?)(?![\w])")
_PRONOUN_LAST = prebuilt(r"(?<![\w])(?i:his|her)[^\S\n]*\Z")
_PRONOUN_HOME = prebuilt(
    r"(?i:his|her)[^\S\n]+(?:[\w\-]+[^\S\n]+)?(?i:porch|doors?|gates?|house|home|flat|"
    r"bungalow|cottage|place|caravan)(?![\w])")
# A numbered thing of no home, as an object's possessor (`van 3 key box`, `bay 4`, `unit 6`).
_NUMBERED_THING = prebuilt(
    r"(?<![\w])(?i:van|unit|bay|kiosk|lorry|truck|store)"
    r"[^\S\n]*(?i:no\.?|number|#)?[^\S\n]*\d{1,4}[A-Za-z]?(?![\w])(?![^\S\n]*[\d\-])")
# An access object counted or in aggregate (`Key safe installations: 412`, `1,284 key safes
# fitted across the borough`): a statistic, no home's way in. Read with a word broken by a
# line-end hyphen joined (`instal- lations`).
_COUNTED_BEFORE = prebuilt(
    r"(?<![\w])\d{1,3}(?:,\d{3})+|\d{2,}(?:[^\S\n]+(?i:new|more|extra|further))?[^\S\n]+\Z")
_COUNTED_AFTER = prebuilt(
    r"(?i:s)?[^\S\n]+(?i:instal-?[^\S\n]*lations|installs|fittings|removals|orders|requests|"
    r"referrals|fitted[^\S\n]+this[^\S\n]+year|installed[^\S\n]+this[^\S\n]+year)(?![\w])")
_PLURAL_DEVICE = prebuilt(r"(?i:safes|boxes|locks|pads)\Z")
EQUIPMENT = "equipment"  # a device or appliance: its lock opens it, not a home
LET, VOID = "let", "void"  # a home let or for sale, a home no one lives in
COMMUNITY = "community"  # a community's premises; its visitors call at homes
STAY = "stay"  # a holiday guest's message: read across the line, not the clause
WASTE = "waste"  # where a block's bins go: its wall holds devices of the homes
# The piece before a match a medicine is looked for in (words after a comma, colon, dash or
# bracket; at most this many).
_MEDICINE_PIECE_BREAK = prebuilt(
    r"[,;:|()\n.!?]|[^\S\n][\-\u2013\u2014][^\S\n]"
    # a conjunction starts another thing (`insulin pens in the fridge and the key safe ...`)
    r"|(?<![\w])(?i:and|then|but|so|also|plus|while|whilst)(?![\w])")
MEDICINE_WORDS = 6
_BY_WHOM = prebuilt(r"^for |(?:^| )only$|^only |^visiting ")
_NAMES_A_DEVICE = prebuilt(r"(?i:key[^\S\n]*safe|key[^\S\n]*box|lock|k/s|code|pin|combi)")
# A leading label (`Stairlift service sheet:`, `Job card - `): what service the note is of.
_LABEL = prebuilt(r"[^\S\n]*[^:\n]{0,40}?(?::|[^\S\n][\-\u2013\u2014][^\S\n])")
_AFTER_PIECE_END = prebuilt(r"[,(;.!?\n]|[^\S\n][\-\u2013\u2014][^\S\n]")


# A numbered garage, vault or locker rented away from a home (`Garage no. 14 in the council
# block`, `vault 31`), or a dead person's home (`the late Mrs Rowe`): no one's home.
# (four digits only after `no`, `number` or `#`: `key safe by the garage 1188` is a code)
_NUMBERED_STORE = prebuilt(
    r"(?<![\w])(?i:garage|vault|locker|container|cage|lock-?up)"
    r"[^\S\n]*(?:(?i:no\.?|number|#)[^\S\n]*\d{1,4}|\d{1,3})[A-Za-z]?(?![\w])"
    r"(?![^\S\n]*[\d\-])")
# (with the name and what was theirs: `the late Mr Gill's flat` is no living person's home)
_DECEASED = prebuilt(r"(?<![\w])(?i:the[^\S\n]+late)[^\S\n]+(?:Mr|Mrs|Ms|Miss|Dr)\b"
                       r"(?:\.?[^\S\n]+[A-Z][\w\-]*(?:['\u2019]s?(?:[^\S\n]+[\w\-]+)?)?)?")
# Where a home is, by a place next to it (`above the shop`, `over the bakery`, `opposite
# the school`), ending where an owner word starts.
_LANDMARK = prebuilt(
    r"(?<![\w])(?i:above|below|over|beneath|underneath|opposite|next[^\S\n]+door[^\S\n]+to|"
    r"upstairs[^\S\n]+from|across[^\S\n]+from)[^\S\n]+(?:(?i:the|a|an)[^\S\n]+)?"
    r"(?:[\w\-']+[^\S\n]+){0,2}\Z")
# A saint's name is a church's, a school's or a hospital's, never a home's (`St Mark's hall`,
# `at St Peter's`); not a street named after one (`St John's Road`).
_SAINT = prebuilt(r"(?<![\w])(?:St\.?|Saint)[^\S\n]+[A-Z][\w\-]*(?:['\u2019]s?|s['\u2019])"
                    r"(?![\w])(?![^\S\n]+(?:" + "|".join(
                        word.capitalize() for word in (*_STREET_WORDS, "court", "way", "place",
                                                       "walk", "green", "view", "rise")) + r")\b)")


# A vehicle's registration (`XX19 ABC`) starting a record's field, a bracket or a line is a
# vehicle's record (`Berlingo | XX19 ABC | key cabinet (code ...)`, `Hire car (AB23 CDE): the
# key safe code is ...`); in a sentence it may be a visitor's (`his van KT17 BXR is on the
# drive`) and names no owner.
_VEHICLE_MARK = prebuilt(r"(?:(?<=^|[|;(\[\n])|(?<=[|;(\[\n][^\S\n]{1,3}))"
                           r"[A-Z]{2}\d{2}[^\S\n]?[A-Z]{3}(?![\w])", re.MULTILINE)
# A team's base or hub named by its acronym (`CLDT base`, `the ICT base`, `PBS hub`) is the
# team's workplace; not in a line of capitals (`KEY SAFE AT BASE OF PIPE`).
_TEAM_BASE = prebuilt(r"(?<![\w])[A-Z]{2,6}[^\S\n]+(?:[Bb]ase|[Hh]ub|HQ)(?![\w])")
# A word saying whose a way in is: a person's pronoun or possessive, or the client's.
_SOMEONES = prebuilt(r"(?<![\w])(?:(?i:his|her|hers|their|theirs|client|pt|patient|tenant|"
                       r"resident)|[A-Z][a-z]+['\u2019]s)(?![\w])")
# A place's own way in (`the centre's front door`, `the hall's side door`): a thing's
# possessive (a person's is a name's) then an opening, a fob or a reception.
_PLACES_WAY_IN = prebuilt(
    r"(?<![\w])(?i:the|this|that)[^\S\n]+[a-z][\w\-]*['\u2019]s(?:[^\S\n]+[\w\-]+){0,2}?"
    r"[^\S\n]+(?i:doors?|gates?|entrances?|receptions?|fobs?|keypads?|key[^\S\n]?safes?)"
    r"(?![\w])")
# How far before a sentence the note's earlier sentences are read for its owner.
NOTE_CHARS_BEFORE = 160
# Owners told by their shape rather than by a word of the owners file.
_OWNER_SHAPES = (_SAINT, _VEHICLE_MARK, _TEAM_BASE, _NUMBERED_STORE, _DECEASED)


def _sentence_start(text: str, line_start: int, start: int) -> int:
    """Where the sentence holding start begins on its line (at most WORD_WINDOW_CHARS
    before it)."""
    window = max(line_start, start - WORD_WINDOW_CHARS)
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, window, start)]
    return breaks[-1] if breaks else window


def _after_job_cells(text: str, line_start: int, start: int) -> int | None:
    """Where the cells of a record's line before `start` that name the visit's job or goods
    end (`TYPE: HOIST-PM`, `PARTS: ...`, `Job: pendant + smoke det`): what was done or
    brought is no owner of the lock a later cell gives (`ACCESS: KS-C 7 1 2 0`), the cells
    after them are read as the line is; None when no such cell comes before."""
    separators = list(_RECORD_SEPARATOR.finditer(text, line_start, start))
    if len(separators) < RECORD_FIELDS:
        return None
    cells = [line_start, *(separator.end() for separator in separators)]
    after = None
    for cell, end in zip(cells, [separator.start() for separator in separators], strict=False):
        if _JOB_CELL.match(text, cell, end):
            after = end + 1
    return after


def _owner_scope(text: str, line_start: int, start: int, label: re.Pattern,
                 service: re.Pattern) -> tuple[int, int]:
    """Where the owner is looked for before a match (its line in a record of fields,
    otherwise its clause), and where a leading label naming a writer or a service ends
    (`Stairlift service sheet:`; `New office:` names a place)."""
    if len(_RECORD_SEPARATOR.findall(text, line_start, start)) >= RECORD_FIELDS:
        after = _after_job_cells(text, line_start, start)
        return (after, after) if after is not None else (line_start, line_start)
    window = max(line_start, start - WORD_WINDOW_CHARS)
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, window, start)]
    clause = breaks[-1] if breaks else window
    found = label.match(text, clause, start)
    if found:
        return clause, found.end()
    leading = _LABEL.match(text, clause, start)
    if leading and service.search(text, clause, leading.end()):
        return clause, leading.end()
    return clause, clause


# An errand of carrying told in a piece of its own before a match (`take the folder back to
# the office; ...`, `bring the gym ball from clinic - ...`, `to collect bank statements;
# ...`): the place it names is where a thing goes or comes from, not what the lock after it is
# for. (A place someone goes to, `attend the probation office, buzz the intercom`, is where
# what follows happens; a service delivering to the home, `pharmacy delivering blister
# packs`, is a visitor's; `drop-off`, `drop-in` are events.) Its piece ends at a clause's or
# a piece's break.
_ERRAND = prebuilt(
    r"(?<![\w])(?i:take|takes|taking|took|bring|brings|bringing|brought|collect|collects|"
    r"collecting|collected|fetch|fetches|fetching|pick(?:s|ing|ed)?[^\S\n]+up|"
    r"drop|drops|dropping|dropped|return|returns|returning|returned)(?![\w\-])")
_ERRAND_END = prebuilt(r"[;,|\n\u2022:]|\.(?=\s|$)|[^\S\n][\-\u2013\u2014][^\S\n]")
# Where the thing carried is taken or found (`at the depot`, `from the branch office`): when
# the next piece names no one's home, the lock it goes on about is that place's (`pick up the
# van keys at the depot - key safe round the back`), so only the thing carried is blanked.
_ERRAND_PLACE = prebuilt(r"[^\S\n](?i:at|from)[^\S\n]")


def _without_errands(text: str, start: int, end: int, home_words: re.Pattern) -> str:
    """text[start:end] with each errand told in a piece before end blanked, its length
    kept."""
    piece = text[start:end]
    for a, b in _errands_before(text, start, end, home_words):
        piece = f"{piece[:a - start]}{' ' * (b - a)}{piece[b - start:]}"
    return piece


def _errands_before(text: str, scope_start: int, start: int, home_words: re.Pattern
                    ) -> list[tuple[int, int]]:
    """Spans of errands told in pieces that end before start (none when the match is in the
    errand's own piece: `collect the key from the office key safe` names whose it is)."""
    spans = []
    for errand in _ERRAND.finditer(text, scope_start, start):
        end = _ERRAND_END.search(text, errand.end(), start)
        if end is None:
            continue
        place = _ERRAND_PLACE.search(text, errand.end(), end.start())
        if place is not None and not _names_a_home(text, errand.start(), end.end(), start,
                                                   home_words):
            spans.append((errand.start(), place.start()))
        else:
            spans.append((errand.start(), end.start()))
    return spans


def _names_a_home(text: str, errand: int, after: int, position: int,
                  home_words: re.Pattern) -> bool:
    """Whether the line outside the errand (text[errand:after]), before it or from after
    up to the end of position's sentence, names someone's home (`Physio home visit - ...`,
    `at Mrs Roe's the keysafe ...`, `her key safe`)."""
    limit = min(len(text), position + WORD_WINDOW_CHARS)
    end = _SENTENCE_END.search(text, position, limit)
    spans = ((text.rfind("\n", 0, errand) + 1, errand), (after, end.start() if end else limit))
    return any(shape.search(text, a, b) for shape in (_SOMEONES, home_words)
               for a, b in spans)


# The rest of a label naming key holders and who else its value lists (`Key holders /
# contacts:`, `Responders / key holders |`, a Word form's label cell), up to its separator.
_HOLDER_LABEL_REST = prebuilt(r"[^\S\n]*(?:/[^\S\n]*[A-Za-z][\w ]{0,30}?[^\S\n]*)?(?:[:|\t]|$)",
                              re.MULTILINE)


def _line_head(text: str, position: int) -> str:
    """A line's text before `position` (a field's whole label, `Resp 1 Key: `)."""
    return text[text.rfind("\n", 0, position) + 1:position]


def _line_rest(text: str, position: int) -> str:
    end = text.find("\n", position)
    return text[position:] if end == -1 else text[position:end]


def _label_holds_none(text: str, end: int) -> bool:
    """A key-holder label whose value lists people each written as holding no key
    (`Key holders / contacts: Julie Sutcliffe (g/dau) 07700 900633 no key`, `Responders / key
    holders | Pam Haydock (neighbour) - contact only`): the label says who may be listed,
    the value whether they hold a key (`fields.every_holder_holds_none`)."""
    label = _HOLDER_LABEL_REST.match(text, end)
    if label is None:
        return False
    return fields.every_holder_holds_none(_line_rest(text, label.end()))


def _empty_column(text: str, start: int, end: int) -> bool:
    """A column name in a flattened comma row whose value is empty (`Key holder | ..., n/a`)."""
    value = fields.comma_row_value(text, start, end)
    return value is not None and fields.is_empty(value)


def _is_owner(text: str, hit: re.Match, start: int, skipped: list[tuple[int, int]],
              scope_start: int) -> bool:
    """A hit that names what the match is for: not who holds a key, not an address or a
    name, not a service to the home, not where a person is; after the match's start, only
    what it is for or on."""
    if any(a <= hit.start() < b for a, b in skipped):
        return False
    if _NEGATED_OWNER.search(text, max(scope_start, hit.start() - 24), hit.start()):
        return False
    if hit.start() < start:  # an owner the match starts inside (`parcel box`) is before it
        # a place a home is above, below or opposite is where the home is (`Mrs Bell's own flat
        # is above the shop: ... key safe`), not whose a lock is
        if _LANDMARK.search(text, max(scope_start, hit.start() - 30), hit.start()):
            return False
        # an owner word that starts with its preposition (`at the hospital`) is read as where
        # a person is with that preposition (`I'm at the hospital`)
        lead = _OWNER_LEAD.match(hit.group())
        return not _WHEREABOUTS.search(text, max(scope_start, hit.start() - WHEREABOUTS_CHARS),
                                       hit.start() + (lead.end() if lead else 0))
    return _OWNER_AFTER.search(text, max(start, hit.start() - 40), hit.start()) is not None


# What `score_match` reads around a span that the span's pattern does not change (the window
# and the sentence before it, whose its object is, the purpose words of the same pieces), kept
# while one recognizer scores one text: a span two patterns find (`Key safe code 4471`, a code
# after its object and a code later in the talk; every span of a visit note) is read once.
# Keyed by the text object itself, held here so never taken for another; per thread.
_read_once = threading.local()


def _once(recognizer: HomeAccessRecognizer, text: str, key: tuple, read: Callable[[], object]
          ) -> object:
    if getattr(_read_once, "text", None) is not text or _read_once.recognizer is not recognizer:
        _read_once.text, _read_once.recognizer, _read_once.answers = text, recognizer, {}
    answers = _read_once.answers
    if key not in answers:
        answers[key] = read()
    return answers[key]


class HomeAccessRecognizer(ContextScoredRecognizer):
    """Codes, hidden keys, keyholders and entry instructions for a person's home."""

    ENTITY = ENTITY

    def __init__(self, patterns: list[Pattern] | None = None, context: list[str] | None = None,
        supported_language: str = "en", supported_entity: str | None = None,
        vocabulary_dirs: Sequence[str | Path] = (), *, clause_reach: int = CLAUSE_REACH,
        next_clause_lead: int = NEXT_CLAUSE_LEAD, hiding_reach: int = HIDING_REACH,
        exclusions: Sequence[str] = (), purpose_words_before: int = 3,
        purpose_words_after: int = 4) -> None:
        """The grammar's word classes come from the vocabulary files; `clause_reach`,
        `next_clause_lead` and `hiding_reach` set how far apart its parts may be;
        `exclusions` adds purposes that are not a home (to the exclusions file), read
        `purpose_words_before` / `purpose_words_after` words around a match in its
        clause. `context` is kept for Presidio's interface (the grammar is the context)."""
        words = Vocabulary(vocabulary_dirs)
        self.vocabulary_dirs = tuple(str(folder) for folder in vocabulary_dirs)
        self.exclusions = Terms([*words.exclusions, *exclusions])
        self.by_whom = Terms([w for w in [*words.exclusions, *exclusions] if _BY_WHOM.search(w)])
        # what kind of code a code is (`diagnosis`, `promo`): read in the match's own piece
        # and its own field's name only (`_own_piece`, `_names_a_code_kind`)
        self.code_kinds = Terms(words.code_kinds)
        self.not_entry = Terms(words.not_entry)
        classes = load_classes("home_access_owners.txt", vocabulary_dirs)
        self.writer_label = writer_label(words.visitors, classes.get(COMMUNITY, []))
        self.service = service_word(words.visitors)
        self.for_visitor = for_visitor(words.visitors)
        self.purpose = PurposeModel(classes,
                                    [*words.exclusions, *exclusions],
                                    load_vocabulary("clinical_abbreviations.txt"),
                                    words.visitors)
        self.purpose_words_before = purpose_words_before
        self.purpose_words_after = purpose_words_after
        self.holder_words = Terms(plurals(words.holders))
        # (where a door key starts: `_KeyStartsFound`, compiled from the build-time table)
        self.key_source = words.key_pattern()
        self.device_or_door = re.compile(
            rf"{words.device_pattern(holding_a_key=True)}|{_OPENING_WORD.pattern}", re.IGNORECASE)
        # A device holding a key said gone says nothing of the keys (`Key safe removed, key
        # now with neighbour at no 4`): left out where a key's loss is looked for.
        self.key_device_source = words.device_pattern(holding_a_key=True)
        self.key_device_gone_source = rf"{self.key_device_source}[^\S\n]+{_DEVICE_REMOVED}"
        super().__init__(
            entity=supported_entity or ENTITY, name="PhiscanHomeAccessRecognizer",
            patterns=patterns or build_patterns(
                vocabulary_dirs, clause_reach=clause_reach, next_clause_lead=next_clause_lead,
                hiding_reach=hiding_reach),
            triggers=None if patterns else build_triggers(vocabulary_dirs),
            context=context or ["key safe", "door code", "key", "let yourself in", "keyholder"],
            supported_language=supported_language,
        )

    def lazy_patterns(self) -> list[tuple[str, int]]:
        return [*super().lazy_patterns(), *((source, 0) for source in self.purpose.sources()),
                (fields.FIELD, 0), (self.key_source, DEFAULT_FLAGS),
                (self.key_device_source, DEFAULT_FLAGS),
                (self.key_device_gone_source, DEFAULT_FLAGS)]

    # Every result comes from a raw match of the text `analyze` reads (`reads_another_text`
    # says when that is not the text itself): a table row without one is not analysed.
    quiet_without_matches = True
    refuses_by_line = True

    @functools.cached_property
    def key_device(self) -> re.Pattern:
        return compiled(self.key_device_source, DEFAULT_FLAGS)

    @functools.cached_property
    def key_device_gone(self) -> re.Pattern:
        return compiled(self.key_device_gone_source, DEFAULT_FLAGS)

    def _placed_device_before(self, text: str, result: RecognizerResult) -> bool:
        """A place right after a key device in its sentence, its code after it, is the
        device's (`Key safe is on the wall by the side gate - code 1976 - put the key back`):
        no key hidden there."""
        start = max(0, result.start - DEVICE_BEFORE_CHARS)
        for sentence_end in _SENTENCE_END.finditer(text, start, result.start):
            start = sentence_end.end()
        return self.key_device.search(text, start, result.start) is not None

    def _key_said_gone(self, text: str, result: RecognizerResult, matched: str,
                       after: str) -> bool:
        """A key place's key said gone or replaced around it (a key device's own loss left
        out: `key_device_gone`)."""
        clause_before = _clause_before(text, result.start, 4, self.writer_label)
        return (_GONE.found_in(normalise_words(
                    self.key_device_gone.sub(" ", f"{clause_before} {matched} {after}")))
                or _REPLACED.found_in(normalise_words(f"{matched} {after}")))

    def reads_another_text(self, text: str) -> bool:
        return (read_through_ocr(text) is not text or read_form_values(text) is not text
                or read_thread_turns(text) is not text or super().reads_another_text(text))

    def refused_by_line(self, text: str, raw: RawMatch) -> bool:
        """A record field (`record field`) whose name says it is no way in (`postcode`,
        `key_worker`, `OBX-2`), or that its pattern does not match alone: `record_field`
        refuses it by that before anything else (its pattern matches within the line)."""
        index, start, end = raw
        pattern = self.patterns[index].name
        if pattern not in _FIELD_PATTERNS or pattern == "record insert":
            return False
        match = self._regex(pattern).fullmatch(text, start, end)
        return match is None or _name_class(fields.field_name_of(match) or "") is None

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        text = read_through_ocr(read_thread_turns(read_form_values(text)))
        scored = self.scored_matches(text, regex_flags)
        kept = EntityRecognizer.remove_duplicates(scored) if len(scored) > 1 else scored
        return with_access_kinds(text, merge_touching(text, kept), scored)

    def _unlabelled(self, sentence: str) -> str:
        """The sentence without a label naming its writer or service (`Hospice night
        nursing:` is who wrote, not a nursing kit)."""
        label = self.writer_label.match(sentence)
        return sentence[label.end():] if label else sentence

    def _holder(self, text: str, result: RecognizerResult, pattern: str
                ) -> tuple[int, int] | None:
        """Where the match names who holds the key (and where they are), if it does."""
        if pattern not in _KEYHOLDER_PATTERNS:
            return None
        regex = self._regex(pattern)
        if "holder" not in regex.groupindex:
            return None
        match = regex.fullmatch(text, result.start, result.end)
        if match is None or match.start("holder") < 0:
            return None
        return match.span("holder")

    def _without_holder(self, text: str, result: RecognizerResult,
                        holder: tuple[int, int] | None) -> str:
        """The matched text with who holds the key (and where they are) left out."""
        matched = text[result.start:result.end]
        if holder is None:
            return matched
        start, end = holder[0] - result.start, holder[1] - result.start
        return f"{matched[:start]} {matched[end:]}"

    @functools.cached_property
    def _patterns_named(self) -> dict[str, Pattern]:
        named: dict[str, Pattern] = {}
        for each in self.patterns:
            named.setdefault(each.name, each)
        return named

    def _regex(self, pattern: str) -> re.Pattern:
        """The compiled regex of the pattern named `pattern` (compiled: it matched)."""
        return self._patterns_named[pattern].compiled_regex

    def record_field(self, text: str, result: RecognizerResult, pattern: str
                     ) -> RecognizerResult | None:
        """A record's field whose name says it is a home's way in and whose value has the
        shape of one (`recognizers/access_fields.py`), unless its record says what else the
        lock is for: the exclusions file's places and purposes and the owners file's places
        that are no home (what the grammar reads around a match), or a thing with a keypad of
        its own, read in the record's words but its people's and addresses' values."""
        regex = self._regex(pattern)
        match = regex.fullmatch(text, result.start, result.end)
        if match is None:
            return None
        # (a field's name is read first, once per name: most matched fields, `postcode`,
        # `OBX-2`, `key_worker`, are no way in whatever their value or record)
        if pattern != "record insert" and _name_class(
                fields.field_name_of(match) or "") is None:
            return None
        bounds = _RecordBounds(text, result.start, result.end)
        if pattern == "record insert":
            found, named = fields.insert_fields(match), match.group("table")
        else:
            field = fields.fields_of(match)
            found, named = ([field] if field else []), ""
        for field in found:
            kind = self._field_kind(text, field, lambda at=field.start: _record_words_but_prose(
                text, *_lines_around(text, *bounds.get(), at), named))
            if kind is None:
                continue
            start, end = bounds.get()
            if (self._record_is_for_another(text, start, end, field, named)
                    or self.code_kinds.found_in(fields.field_words(field.name))):
                return None
            # (a holder's field is its name alone, an INSERT's its table: the person it names
            # is a name's finding)
            if kind != kinds.KEY_HOLDER:
                result.start, result.end = min(field.start, field.value_start), field.value_end
            elif field.name_end > 0:
                result.start, result.end = field.start, field.name_end
            else:
                result.end = match.end("table")
            flag(result, FIELD_KIND, kind)
            return result
        return None

    def table_row(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        """A table's row whose header names a cell a home's way in (`| Key safe |` over `6402
        (left of front door)`, `| Entry |` over `3 8 8 0# side door`), read as a record's field
        is (`record_field`): the code that starts the cell; unless the row's other cells, but
        its people's and addresses', say what else the lock is for."""
        for row in fields.table_rows(text, *line_bounds(text, result.start, result.end)):
            words = " ".join(f"{field.name} {field.value}" for field in row
                             if not fields.is_person_or_address(field.name, field.value))
            if self._names_another(fields.field_words(words)):
                continue
            for field in row:
                kind = self._table_cell_kind(text, field, words)
                if kind is not None and not self.code_kinds.found_in(
                        fields.field_words(field.name)):
                    result.start, result.end = field.value_start, field.value_end
                    flag(result, FIELD_KIND, kind)
                    return result
        return None

    def _table_cell_kind(self, text: str, field: fields.Field, row_words: str) -> str | None:
        """The kind of way in a table's cell gives, decided as a record's field of its
        column's name is (`_field_kind`): the code that starts the cell is its value when
        what follows it leaves it a code (`fields.leaves_a_code`)."""
        code = _CODE_RE.match(text, field.value_start, field.value_end)
        if code is not None and fields.leaves_a_code(text[code.end():field.value_end]):
            field = fields.Field(field.name, code.group(), field.start, code.start(), code.end())
        return self._field_kind(text, field, lambda: fields.field_words(row_words))

    def _record_is_for_another(self, text: str, start: int, end: int, field: fields.Field,
                               named: str = "") -> bool:
        """Whether a record (text[start:end], named by its table) says its field's lock is
        for something that is no home."""
        # (most records name nothing else at all: their words read whole say so first)
        if not self._names_another(fields.field_words(f"{named} {field.name} {text[start:end]}")):
            return False
        # (a title and its name, a street's name: `Mrs Ward`, `Church Street`, as the grammar
        # reads them)
        return self._names_another(_STREET_NAME.sub(" ", _TITLED_WORDS.sub(" ", normalise_words(
            f"{named} {field.name} {_record_purpose_text(text, start, end, field)}"))))

    def _names_another(self, words: str) -> bool:
        """Whether normalised words name a purpose, an owner, a vehicle or a thing with a
        keypad of its own that is no home."""
        return (self.exclusions.found_in(words) or self.purpose.names_another_place(words)
                or KEYPAD_THINGS.found_in(words) or _RECORD_VEHICLES.found_in(words))

    def _other_lines_say_another(self, text: str, result: RecognizerResult) -> bool:
        """A match that is a field line of a record the extractor wrote one field a line (a
        CSV row, a JSON object, an XML element: `site@name: Ward 7` then `keypad: 2 3 2 3`),
        whose record's other lines say its lock is for something that is no home (what a
        record's field is read by, `record_field`)."""
        line_start, line_end = line_bounds(text, result.start, result.end)
        # (only a match that is its line's field, `keypad: 2 3 2 3`; prose in a notes column
        # is read as prose)
        if text[line_start:result.start].strip():
            return False
        start, end = _record_bounds(text, result.start, result.end)
        if (start, end) == (line_start, line_end):
            return False
        field = fields.Field(" ", "", result.start, result.start, result.end)
        return self._record_is_for_another(text, start, end, field)

    def _field_kind(self, text: str, field: fields.Field, record_words: Callable[[], str]
                    ) -> str | None:
        """The kind of way in a field gives (its name's class, its value's shape and, for a
        generic name, its record's words, read only then), or None."""
        figurative = _KEY_FIGURE.search
        named = _name_class(field.name)
        if named is None:
            return None
        if named in (fields.GENERIC, fields.GENERIC_PLACE, fields.GENERIC_HOLDER):
            record = record_words()
            named = {fields.GENERIC: fields.CODE if (fields.names_key_device(record)
                                                     or fields.names_home_lock(record)) else None,
                     fields.GENERIC_PLACE: fields.PLACE if fields.names_a_key(
                         record, figurative) else None,
                     fields.GENERIC_HOLDER: fields.HOLDER if fields.names_a_holder(
                         record) else None}[named]
        value = fields.clean_value(field.value)
        # (`Responder 1: Hazel Rigg` ... `Resp 1 Key: Y`: the column's whole label asks whether
        # the record's responder holds a key, and the answer is yes; `N` is none)
        if named in (fields.PLACE, fields.HOLDER) and fields.is_yes(value) and \
                fields.asks_who_holds(_line_head(text, field.value_start)):
            return kinds.KEY_HOLDER
        if named == fields.CODE:
            code = _CODE_RE.search(text, field.value_start, field.value_end)
            return kinds.CODE if (code is not None and code.group() == value
                                  and code_is_plausible(text, code.start(), code.end())) else None
        if named == fields.PLACE and fields.says_where(value):
            # (the name says what the column may hold, the value what this record holds: a
            # key of its own under a `Key safe / entry` column is hidden, not a key safe)
            device = fields.names_key_device(field.name) and not kinds.names_own_key(value)
            return kinds.CODE if device else kinds.HIDDEN_KEY
        if named == fields.HOLDER and fields.names_someone(
                value, self.holder_words.found_in) and not fields.holds_none(value) and not \
                fields.every_holder_holds_none(_line_rest(text, field.value_start)):
            return kinds.KEY_HOLDER
        return None

    @functools.cached_property
    def _health(self) -> HealthVocabulary:
        return health_vocabulary(self.vocabulary_dirs)

    def _is_classification_code(self, text: str, start: int, end: int) -> bool:
        """A code said to be for a condition, procedure or drug (`_CODED_FOR`): the term
        comes first, and is no visitor's specialty (`code for the COPD nurse`, `code for
        stroke team`, `code for mum with dementia` are codes for people). A device's or a
        door's code is a way in whatever it is for (`Key safe code for catheter care 4412`)."""
        for hit in _CODED_FOR.finditer(text, start, end):
            if self.device_or_door.search(text, start, hit.start()):
                continue
            words = " ".join(hit.group("what").split()[:CODED_FOR_WORDS])
            for term_start, term_end in self._health.term_spans(words):
                if term_start == 0 and not self.service.search(
                        " ".join(words[term_end:].split()[:VISITOR_AFTER_TERM_WORDS])):
                    return True
        return False

    @functools.cached_property
    def _left_home(self) -> re.Pattern:
        return re.compile(rf"(?:^| )(?:{_LEFT_HOME_BEFORE} (?:\S+ )?"
                          rf"(?:address|{self.purpose.home_alternation})|the old address)(?= |$)")

    @functools.cached_property
    def _old_home_aside(self) -> re.Pattern:
        """A bracket right before the match calling the home it follows old (`Flat 27 (old
        flat, Mr Exley moved to flat 33) door entry code 7827`): the code is that home's."""
        # (`moved from his old flat`: the code is where he moved to)
        return re.compile(rf"\((?:(?:(?!\b(?i:from|left|out[^\S\n]+of)\b)[^()\n])*?[^\w()\n])?"
                          rf"(?i:old|previous|former)[^\S\n]+"
                          rf"(?i:address|{self.purpose.home_alternation})\b[^()\n]*\)[^\S\n]*$")

    def _is_old_code(self, before: str, clause: str, matched: str, after: str) -> bool:
        """A code of a home left (named in its clause or after it: a home left named in a
        clause before it is where the person came from), of an object called old (the
        words of its `clause` before it) or out of use (the words after it), unless a new or
        current one is given in its sentence (normalised words)."""
        if _STILL_NEW.search(f"{before} {matched} {after}"):
            return False
        # (a match opening its clause, in brackets after what it is: `the OLD access (Keys -
        # Chantelle Nowak, ...)`, is read with the words before the bracket)
        return self._left_home.search(f"{matched} {after}") is not None or \
            _OLD_OBJECT.search(clause if clause.strip() else before) is not None or \
            _OUT_OF_USE.found_in(after)

    @staticmethod
    def _changed_to_nothing(text: str, result: RecognizerResult) -> bool:
        """The match's code is a value changed to a redaction, a placeholder or a blank."""
        code = _CODE_RE.search(text, result.start, result.end)
        while code is not None and code.end() < result.end:
            code = _CODE_RE.search(text, code.end(), result.end)
        return (code is not None and _CHANGED_FROM.search(text, max(code.start() - 8, 0),
                                                          code.start()) is not None
                and _CHANGED_TO_NOTHING.match(text, code.end()) is not None)

    def _topic_is_another(self, text: str, result: RecognizerResult) -> bool:
        """A code word with no object of its own (`Combination is 6 0 2 0`) is the code of
        the last lock or box the talk named before it on its line: when that names an owner
        that is no home (`Her jewellery box is by the bed. ... the combination is 1956`,
        `a grey cash box beside the till`), the code is that owner's."""
        if not _BARE_CODE_WORD.match(text, result.start):
            return False
        line_start = line_bounds(text, result.start, result.end)[0]
        window = text[max(line_start, result.start - TOPIC_CHARS):result.start]
        things = list(_TOPIC_THING.finditer(window))
        if not things:
            return False
        topic = things[-1]
        # (the topic's own words: its sentence's, never the one before)
        own = _TALK_START.split(window[:topic.end()])[-1]
        words = normalise_words(" ".join(own.split()[-TOPIC_WORDS:]))
        return (self.purpose.names_another_place(words)
                and not self.purpose.names_a_home(words))

    @staticmethod
    def _code_follows(text: str, end: int) -> bool:
        """A plausible code in the clause after `end`, on its line."""
        line_end = text.find("\n", end)
        limit = min(end + _CODE_FOLLOWS_CHARS, len(text) if line_end == -1 else line_end)
        return any(code_is_plausible(text, code.start(), code.end())
                   and not is_house_number(text, code.start(), code.end())
                   for code in _CODE_RE.finditer(text, end, limit))

    def _answered_none(self, text: str, start: int) -> bool:
        """A form's access object answered no (`Key safe? | N`, `Keysafe Y/N: N`, `KeySafe=N`):
        a code in a later field or sentence is not its."""
        device = self.device_or_door.match(text, start)
        return device is not None and _ANSWERED_NONE.match(text, device.end()) is not None

    def _purpose_words(self, pieces: list[str], before: str, after: str) -> str:
        """The match's pieces with the words before and after it, each piece normalised
        alone (`|` between), without what names no purpose (a street, a titled name, a lock's
        app, a visit's service)."""
        pieces = [f"{before} {pieces[0]}", *pieces[1:]]
        pieces[-1] = f"{pieces[-1]} {after}"
        return self.purpose.without_device_jobs(self.for_visitor.sub(
            " ", _AT_HOME_SERVICE.sub(" ", _DEPOT_DOSE.sub(
            " ", _BOAT_LOCKER.sub(" ", _STREET_NAME.sub(
            " ", _TITLED_WORDS.sub(" ", _LEADING_ZERO.sub("o", _LOCK_APP.sub(" ", _MEDIUM.sub(
                " ", "|".join(normalise_words(p) for p in pieces)))))))))))

    def score_match(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        """Drop a match whose clause says it is not for a home, whose code is a year, a
        time, a date or another number, or an instruction under a negation."""
        pattern = result.analysis_explanation.pattern_name if result.analysis_explanation else ""
        if pattern in _FIELD_PATTERNS:
            return self.record_field(text, result, pattern)
        if pattern == "record table":
            return self.table_row(text, result)
        text = _without_former_uses(text, result.start, result.end)
        if pattern in _OBJECT_FIRST_CODES and self._answered_none(text, result.start):
            return None
        if _UNTICKED_BEFORE.search(text, max(result.start - 30, 0), result.start):
            return None
        if PATTERN_KINDS.get(pattern) == kinds.CODE and (
                self._changed_to_nothing(text, result)
                or _DATA_FIELD.search(text, result.start, result.end)):
            return None
        if self._topic_is_another(text, result):
            return None
        if PATTERN_KINDS.get(pattern) != kinds.CODE and _key_in_hand(text, result):
            return None
        if "?" not in text[result.start:result.end] and _ANSWERED_NO_AFTER.match(text, result.end):
            return None
        # (a line stating its person dead or moved for good keeps its way in: whose home it
        # opens is the person's life state's to say, `LIFE_STATE`, never this line's alone)
        line = line_bounds(text, result.start, result.end)
        if text[line[0]:result.start].lstrip()[:1] == "|":
            # (a table's row: its goods' columns say it lists no home, its people's and
            # addresses' cells are no purpose of a way in told in another cell)
            if fields.lists_goods(text, *line):
                return None
            text = fields.without_people_cells(text, *line) or text
        if pattern == "code field" and self._record_is_for_another(
                *_field_in_record(text, result)):
            return None
        if self._other_lines_say_another(text, result):
            return None
        # A match read back from its code word: the words before its opening count too.
        window = _once(self, text, ("window", result.start), lambda: _WHEN.sub(
            # (when it is, read before the clause is cut: `in after school with a key ...`)
            lambda when: " " * len(when.group()), self.purpose.without_encounters(
                _window_without_addresses(text, result.start, self.purpose.home_words))))
        before = _clause_before(window, len(window),
                                self.purpose_words_before
                                + (_READ_BACK_WORDS if pattern in _READ_BACK else 0),
                                self.writer_label)
        # Where a person is, right before the match, is no purpose of it (`if she's still at
        # school the code for the box is 2 9 0 1`), as it is no owner.
        if _WHEREABOUTS.search(text, max(result.start - WHEREABOUTS_CHARS,
                                          _line_before(text, result.start)), result.start):
            before = ""
        # Who holds a key comes last, so nothing after it is read; but a holder `of` or `for`
        # something is read with what it holds (`key holder for the drugs box`).
        # A device's place, then its code: what the code is said to be for is the device's
        # (`the padlock on the scaffold tower gate is 1 4 4 1, site staff only`).
        code_after = (_CODE_AFTER_PLACE.match(text, result.end)
                      if pattern == "object location" else None)
        after = ("" if pattern in _HOLDER_LAST_PATTERNS and not _HOLDER_OF.match(text, result.end)
                 else _purpose_after(text, code_after.end() if code_after else result.end,
                                     self.purpose_words_after))
        # When it is open is no purpose of it (`on the latch on day-centre mornings`).
        before = _WHEN.sub(" ", before)
        after = _WHEN.sub(" ", self.purpose.without_encounters(after))
        holder = self._holder(text, result, pattern)
        matched = self._without_holder(text, result, holder)
        if pattern in _TALK_PATTERNS:  # who speaks a turn is no owner (`Office: back - 5582`)
            matched = _TURN_SPEAKER.sub(lambda label: " " * len(label.group()), matched)
        # Each piece between commas, colons or brackets is read alone: `fence post, code
        # 4482` names no postcode.
        pieces = _PIECE_BREAK.split(matched)
        surroundings = _once(self, text, ("purpose", tuple(pieces), before, after),
                             lambda: self._purpose_words(pieces, before, after))
        # What kind of code it is is read in the match's own pieces only (`Mrs Hart,
        # diagnosis dementia, key safe 4471` is no diagnosis code).
        own_before, own_after = _piece_before(window, before), _PIECE_BREAK.split(after)[0]
        own_pieces = _once(self, text, ("purpose", tuple(pieces), own_before, own_after),
                           lambda: self._purpose_words(pieces, own_before, own_after))
        sentence_before, unlabelled = _once(self, text, ("sentence", result.start), lambda: (
            before := _sentence_before(text, result.start, self.purpose.home_words),
            self.purpose.without_encounters(self._unlabelled(before))))
        told = _WHEN.sub(" ", f"{unlabelled} {matched} {after}")
        sentence = _DEPOT_DOSE.sub(" ", _LEADING_ZERO.sub("o", normalise_words(told)))
        # a thing named in one phrase is read in its piece only (`wound dressing, key safe
        # 4471` names no dressings' key safe)
        by_piece = "|".join(normalise_words(piece) for piece in _PIECE_BREAK.split(told))
        owner = _once(self, text, ("owner", result.start, result.end, holder),
                      lambda: self.purpose.resolve(text, result.start, result.end,
                                                   self.writer_label, self.service, holder))
        # An object that says it is a home's (`a spare key to his mum's house`, `Mrs O'Neill's
        # side gate padlock`) is one whatever other place its sentence names (`Depot worker
        # Gary (client's son) keeps ...`, `Council depot rang: ...`).
        possessed, owner = owner == OWN_HOME, HOME if owner == OWN_HOME else owner
        # A home's owner nearer than any other place (`Mum's smart lock`, `Nest app:` before
        # it) leaves next to the match only a purpose by whom (`for staff`).
        purposes = self.by_whom if owner == HOME else self.exclusions
        if (purposes.found_in(surroundings) or (not possessed and self.not_entry.found_in(sentence))
                or (owner != HOME and self.code_kinds.found_in(own_pieces))
                or (pattern != "object location"  # KS by a door is a key safe
                    and self.purpose.is_diagnosis(text, result.start, result.end))
                or owner == NOT_HOME or self.purpose.for_a_stay(text, result.start, result.end)
                or (owner != HOME and self.purpose.medicine_before(text, result.start))
                or _holds_no_key(text, result, pattern)
                or (not possessed and self.not_entry.found_in(without_digits(sentence)))
                or _CARRIED_STORE.search(by_piece) or _VEHICLE_FITTING.search(by_piece)
                or _names_a_vehicle_door(text, result.start, result.end)
                or (_keys_a_craft(text, result.start, result.end)
                    and not self.purpose.lives_there(text, result.start, result.end))
                # (a key that says it is the home's is the home's wherever it is kept: `the
                # spare house key is in the glovebox of the car on the drive`)
                or (not possessed and _VEHICLE_PART.search(sentence))
                or self._is_classification_code(text, result.start, result.end)
                or _names_a_state(text, result.start, result.end)
                or (PATTERN_KINDS.get(pattern) == kinds.CODE and _RECEPTION.search(
                    f"{sentence} {_clause_after(text, result.end, EVENT_WORDS_AFTER)}"))
                or self._old_home_aside.search(text, line_bounds(text, result.start,
                                                                 result.end)[0], result.start)
                or self._is_old_code(normalise_words(sentence_before), normalise_words(
                    _CLAUSE_BEFORE_BREAK.split(sentence_before)[-1]), normalise_words(
                    f"{_CLAUSE_BEFORE_BREAK.split(sentence_before)[-1]} {matched}"),
                                     normalise_words(after))):
            return None
        if pattern in _KEY_PLACE_PATTERNS and (_ADVISED_NOT_TO_LEAVE.search(_clause_before(
                text, result.start, NEGATION_WORDS, self.writer_label).strip())
                                                or _NO_KEY.search(text, result.start, result.end)):
            return None
        if _is_still_to_come(text, result, pattern, sentence):
            return None
        told_after = _clause_after(text, result.end, EVENT_WORDS_AFTER)
        if (pattern in _EVENT_PATTERNS and _is_past_event(normalise_words(
                f"{sentence_before} {matched} {told_after}"))
                or pattern in _KEY_PLACE_PATTERNS and _BACK_INSIDE.search(
                    normalise_words(matched))):
            return None
        if PATTERN_KINDS.get(pattern) == kinds.CODE and _MEETING_PLACE.search(
                text, line_bounds(text, result.start, result.end)[0], result.start):
            return None
        if PATTERN_KINDS.get(pattern) == kinds.CODE and not _KEY_HOLDER_WORD.search(
                text, result.start, result.end) and _LOCKED_IN_STORE.search(_store_clause_before(
                    text, result.start, self.writer_label)):
            return None
        if pattern in _KEY_PLACE_PATTERNS and _NO_SPARE.found_in(normalise_words(
                f"{sentence_before} {matched} "
                f"{_clause_after(text, result.end, NO_SPARE_WORDS_AFTER)}")):
            return None
        if pattern in _KEY_PLACE_PATTERNS and self._key_said_gone(text, result, matched, after):
            return None
        if pattern == "hiding place before key" and _CODE_RE.search(
                text, result.start, result.end) and self._placed_device_before(text, result):
            return None
        if pattern in _KEY_PLACE_PATTERNS and pattern not in _KEYHOLDER_PATTERNS and (
                _INDOOR_FURNITURE.search(normalise_words(
                    f"{matched} {_clause_after(text, result.end, INDOOR_WORDS_AFTER)}"))):
            return None
        if pattern in _KEY_PLACE_PATTERNS and _PLACE_DENIED.search(matched) and not \
                _PLACE_INSTEAD.match(text, result.end):
            return None
        if pattern in _NEGATED_PATTERNS and (_is_negated(_negation_scope(
                text, result.start, self.writer_label))
                                             or _INCIDENT.found_in(surroundings)):
            return None
        if pattern == "keyholder word" and (_NO_HOLDER.found_in(_clause_after(text, result.end))
                                            or _ANSWERED_NO.match(text, result.end)
                                            or _ANSWERED_NONE.match(text, result.end)
                                            or _HOLDER_NOT_GIVEN.match(text, result.end)
                                            or _PLACEHOLDER_NAME.search(
                                                text, max(result.start - 4, 0), result.start)
                                            or _NO_HOLDER_BEFORE.ends(before)
                                            # (a comma row's column with no holder in it)
                                            or _empty_column(text, result.start, result.end)
                                            or _label_holds_none(text, result.end)):
            return None
        # A route named by a noun alone is directions (`Access via rear - side gate`), not an
        # opening left open, unless it holds the code (`Access notes: Yes - 2802 (by the front
        # door)`); a verb of going in is an instruction (`enter via the side gate`).
        # So is a door to use or go round to (`staff use the side door, the front step is too
        # steep`, `use the side entrance for wheelchair access`): which door, not that it is
        # open; `use the back door, it's left unlocked` is the door's state's, and a key
        # device to use is the way in (`use keysafe at front 1, 5, 8, 2`).
        if pattern == "route in" and (_ROUTE_NOUN.match(text, result.start) or (
                _ROUTE_USE_AT.match(text, result.start)
                and not self.key_device.search(text, result.start, result.end))) and \
                _CODE_RE.search(text, result.start, result.end) is None:
            return None
        if pattern == "object location" and (_locks_something_else(text, result)
                                             or _REMOVED_DEVICE.match(text, result.start)):
            return None
        if _fastens_a_thing(text, max(result.start - 1, 0), result.end):
            return None
        # A door of a thing is no way in (`the shed door doesn't shut, give it a good push`).
        # A home's own (`the trailer door`) is the home's.
        # A door told with someone coming to let the reader in is no way in on one's own
        # (`door sticks just push it hard, ill come let u in`).
        if pattern in _DOOR_PATTERNS and _COMING_TO_LET_IN.search(
                text, result.end, line_bounds(text, result.start, result.end)[1]):
            return None
        if pattern in _DOOR_PATTERNS and _FASTENED_THINGS.ends(
                word_before := _thing_before_door(text, result.start)) and not \
                self.purpose.names_a_home(word_before):
            return None
        if pattern in _LET_PATTERNS and (someone_lets_in(text, result.start, result.end)
                                         or _LETS_SELF_IN_WITH_OWN_KEY.search(normalise_words(
                                             f"{matched} {_clause_after(text, result.end, 12)}"))):
            return None
        # (a code told after a reference is the one after it: `born in 1947, so it's 7491`)
        told = (list(_REFERENCE_RE.finditer(text, result.start, result.end))[-1].end()
                if pattern == "code after a reference" else result.start)
        codes = list(_CODE_RE.finditer(text, told, result.end))
        houses = [code for code in codes if is_house_number(text, code.start(), code.end())]
        for code in codes:
            if code not in houses and (not code_is_plausible(text, code.start(), code.end())
                                       or _is_example(text, code.start(), code.end())):
                return None
        # A code read from a house's number only is none (`the key safe at 116 Heptonstall
        # Road taken off the wall`), unless a code follows in its clause (`key safe outside
        # 114 Park Road is 5521`).
        if houses and len(houses) == len(codes) and PATTERN_KINDS.get(pattern) == kinds.CODE \
                and not self._code_follows(text, result.end):
            return None
        # A code in words is read the same (`the reading room is twenty-two ten` is a room's).
        if _SPOKEN_DIGIT.search(text, result.start, result.end):
            for code in _SPOKEN_CODE_RE.finditer(text, result.start, result.end):
                if not code_is_plausible(text, code.start(), code.end()):
                    return None
        if pattern == "code before object":  # the code's `#`/letter prefix is part of it
            prefix = _CODE_PREFIX.search(text, max(result.start - 2, 0), result.start)
            result.start = prefix.start() if prefix else result.start
        return result


_CODE_FOLLOWS_CHARS = 40


# Advice or a request not to leave, hide or keep a key somewhere, right before the key
# (`never leave a key under the mat`, `told her not to hide spare keys outside`, `advised
# against keeping a key in the meter box`): no key is there. Read in normalised words.
_ADVISED_NOT_TO_LEAVE = prebuilt(
    r"(?:^| )(?:not|never|don t|dont|do not|does not|doesn t|shouldn t|should not|mustn t|"
    r"must not|against|stop|no longer|instead of|rather than|avoid)(?: to)?(?: \S+)? "
    r"(?:hide|hides|hiding|hid|leave|leaves|leaving|keep|keeps|keeping|put|puts|putting|"
    r"store|stores|storing|hang|hanging|tuck|tucking)(?: (?:a|an|the|any|your|her|his|their|"
    r"spare|house|door|front|back|keys?|them|it))*$")
# A key said not to be there (`no keys are kept in it`, `there's no spare under the mat`);
# not a device (`No key safe - key is in the meter cupboard`).
_NO_KEY = prebuilt(r"(?<![\w])(?i:no)[^\S\n]+(?:(?i:spare|house|door)[^\S\n]+)?(?i:keys?|spares?)"
                     r"\b(?![^\S\n]*-?[^\S\n]*(?i:safes?|box|boxes|pad|lock|holders?))")
# Patterns that say where a device is without its code: a device still to come (`a key safe
# to be fitted by the front door`, `we could get a lockbox fitted by the door`, `son
# installing a keypad lock on the front door next week`) is no way in yet.
_DEVICE_WORD = prebuilt(r"(?<![\w])(?i:key[ \-]?safe|k/s|ks|key[ \-]?box|lock[ \-]?box|"
                          r"key[ \-]?pad|pad[ \-]?lock|smart[ \-]lock)(?![\w])")
_NOT_YET = Terms(["to be fitted", "to be installed", "to be put up", "being fitted",
                  "being installed", "will be fitted", "will be installed", "will fit",
                  "will install", "will put", "is installing", "are installing", "installing",
                  "is fitting", "are fitting", "going to fit", "going to install",
                  "going to put", "going to get", "could get", "could fit",
                  "could put", "would get", "might get", "should get", "plans to", "planning to",
                  "if she agrees", "if he agrees", "if they agree", "once it s", "once it is",
                  "on order", "been ordered", "is ordered",
                  "awaiting fitting", "awaiting installation", "not fitted yet", "not yet fitted"])
# A lock said to hold no key: `there's no key in it now`, `parcels only, no keys in it` (in
# the match and the rest of its line), `the old key safe is empty` (in the match and the
# words after it in its piece: `..., her fridge is empty` is another thing's).
_NO_KEY_IN_IT = Terms(["no key in it", "no keys in it", "no key inside", "no keys inside",
                       "no key kept in it", "no keys kept in it", "no keys are kept in it",
                       "no key is kept in it", "no key in there", "no keys in there",
                       "nothing in it", "nothing inside it"])
_EMPTY = Terms(["is empty", "s empty", "was empty", "empty now", "now empty", "left empty"])
# After the match, `empty` said of its own device: no other thing named or time given first
# (`... code 1 9 1 9 is empty now`; not `use it when the flat is empty`).
_DEVICE_EMPTY = prebuilt(
    r"(?:(?!(?:the|her|his|their|my|our|a|an|when|while|whilst|if|until|as|once)\b)\S+ )*?"
    r"(?:is |s |was |now |left |been |it s |it is )*empty\b")
EMPTY_WORDS_AFTER = 8
# `..., empty since the new one was fitted`: the next piece says so first.
_EMPTY_NEXT = prebuilt(r"[^\S\n]*[,\-\u2013(][^\S\n]*"
                         r"(?:(?i:it['\u2019]s|it[^\S\n]+is|now|but|and)[^\S\n]+)?(?i:empty)\b")
_CONDITION = Terms(["if", "when", "in case", "incase", "should", "unless", "whether"])
# A device said not to be there: `no key safe at the property`, `a house without a key
# safe` (right before the match on its line; `Key safe no. 7` has its number after), when
# the match is that one piece (`No key safe - key in the meter cupboard` goes on to the way in).
_ABSENT_BEFORE = prebuilt(r"(?<![\w.])(?i:no|without(?:[^\S\n]+(?:a|an|any))?)[^\S\n]+$")
_NEXT_PIECE = prebuilt(r"[,;:(]|[^\S\n][-\u2013][^\S\n]")


# A past incident told as one (`the key had been left in the front door overnight` in a
# claim, `last month an agency worker left the back door unlocked`, `thieves found the spare
# key under the plant pot`): an event in the past, dated or in a report, is no way in now,
# unless the sentence says it still is (`since last week the spare has been under the pot`,
# `ever since`, `still there`). Read in normalised words across the match's sentence, for a
# key's place and a door's state (who holds a key keeps it whenever it was given).
_EVENT_PATTERNS = (_KEY_PLACE_PATTERNS - _KEYHOLDER_PATTERNS) | _NEGATED_PATTERNS
EVENT_WORDS_AFTER = 12
_PAST_EVENT = prebuilt(
    r" (?:had been left|had left|was left|were left|"
    r"(?<! ve )(?<! has )(?<! have )left (?:the|her|his|their|a|it) "
    r"(?:\S+ )?(?:keys?|doors?)|found (?:the|a|her|his)|was found|were found|"
    r"let themselves in|let himself in|let herself in|got in|broke in|was under|were under|"
    r"was hidden|was kept) ")
_PAST_WHEN = prebuilt(
    r" (?:last (?:night|week|month|year|time|winter|summer|(?:mon|tues|wednes|thurs|fri|satur|"
    r"sun)day)|yesterday|overnight|the other day|that night|earlier today|"
    r"on (?:mon|tues|wednes|thurs|fri|satur|sun)day(?: night| morning| evening)?|"
    r"on \d{1,2}(?: st| nd| rd| th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
    r"\w*|(?:\d+|a|an|one|two|three|four|five|six|a few|a couple of) (?:days?|weeks?|months?|"
    r"years?) ago) ")
# A record's own noun dates nothing (`Visit report: carer let herself in with the spare key
# under the mat` is an everyday log); it tells a past event only with a past-perfect verb
# (`Claim notes: the key had been left in the back door`).
_PAST_RECORD = prebuilt(r" (?:incident|claim|complaint|police log|statement|investigation|"
                          r"report|reported|policyholder|burglary|break in) ")
_PAST_PERFECT = prebuilt(r" had (?:been )?\w+ ")
# (a state said to hold now: the event is how the key came to be where it is)
_STILL_SO = prebuilt(r" (?:still|since|ever since|currently|from now on|always|every|"
                       r"is kept|are kept|s kept|is hidden|now kept|is now|remains|as usual|"
                       r"(?:is|are|s) (?:under|behind|in|inside|beneath|underneath)) ")
# A key put back inside through the letterbox or the door (`drop di key back inside through
# di letterbox`, `post the key back through the door`): no one outside can get it.
_BACK_INSIDE = prebuilt(r" back (?:inside |in |into the house )?(?:through|thru|via) ")
# A key kept in the home's own furniture (`her house keys are in the blue teapot on the
# dresser`, `spare key in the bedside drawer`) is where it is indoors, no way in from outside.
_INDOOR_FURNITURE = prebuilt(
    r" (?:dresser|welsh dresser|sideboard|mantelpiece|mantel ?shelf|mantel|bureau|"
    r"dressing table|bedside (?:table|cabinet|drawer)|hall table|hall stand|kitchen table|"
    r"kitchen drawer|top drawer|fruit bowl|jewellery box|handbag|purse|coat pocket) ")
INDOOR_WORDS_AFTER = 6
DEVICE_BEFORE_CHARS = 40  # how far before a hiding place its key device is read


# A building named by what it was (`the old fire station`, `the former chapel`, `The Old
# Bakery`) is a home now (a property guardian's, a conversion's), no workplace: blanked
# before what a match is for is read. Only buildings that are let or converted as homes:
# `the old office` or `the old ward` may still be a workplace's.
_FORMER_BUILDINGS = ("fire station", "police station", "station", "library", "school",
                     "schoolhouse", "chapel", "church", "vicarage", "rectory", "manse", "bank",
                     "pub", "inn", "post office", "mill", "forge", "smithy", "dairy", "bakery",
                     "surgery", "warehouse", "factory", "hospital", "courthouse", "town hall",
                     "barracks", "telephone exchange", "police house", "care home", "nursing home")
_FORMER_USE = prebuilt(r"(?<![\w])(?i:old|former|disused|converted)[^\S\n]+"
                       rf"(?i:{'|'.join(sorted(_FORMER_BUILDINGS, key=len, reverse=True))})"
                       r"(?![\w])")


def _without_former_uses(text: str, start: int, end: int) -> str:
    """The text with each building named by its former use on the match's line blanked
    (its length kept), or the text itself when its line names none."""
    line_start, line_end = line_bounds(text, start, end)
    if _FORMER_USE.search(text, line_start, line_end) is None:
        return text
    line = _FORMER_USE.sub(lambda found: " " * len(found.group()), text[line_start:line_end])
    return f"{text[:line_start]}{line}{text[line_end:]}"


def _is_past_event(words: str) -> bool:
    """Whether normalised words tell a past incident (`_PAST_EVENT` with `_PAST_WHEN`) and
    no state that still holds."""
    words = f" {words} "
    dated = _PAST_WHEN.search(words) is not None or (
        _PAST_RECORD.search(words) is not None and _PAST_PERFECT.search(words) is not None)
    return (_PAST_EVENT.search(words) is not None and dated
            and _STILL_SO.search(words) is None)


def _is_still_to_come(text: str, result: RecognizerResult, pattern: str, sentence: str
                      ) -> bool:
    """A device with no code said to be fitted later or if agreed (where it will be is no
    way in)."""
    return (PATTERN_KINDS.get(pattern) in (kinds.CODE, kinds.HIDDEN_KEY)
            and _DEVICE_WORD.search(text, result.start, result.end) is not None
            and _CODE_RE.search(text, result.start, result.end) is None
            and _NOT_YET.found_in(sentence))


def _holds_no_key(text: str, result: RecognizerResult, pattern: str) -> bool:
    """A code's lock or a device said to hold no key, or not to be there."""
    if PATTERN_KINDS.get(pattern) != kinds.CODE and not _DEVICE_WORD.search(
            text, result.start, result.end):
        return False
    line_start, line_end = line_bounds(text, result.start, result.end)
    if _ABSENT_BEFORE.search(text, max(line_start, result.start - 20), result.start) and not \
            _NEXT_PIECE.search(text, result.start, result.end):
        return True
    matched = normalise_words(text[result.start:result.end])
    # `if the key safe is empty, ...` says what to do then, not that it is
    return _NO_KEY_IN_IT.found_in(normalise_words(
        text[result.start:min(line_end, result.end + WORD_WINDOW_CHARS)])) or (
        (_EMPTY.found_in(f" {matched} ") or _DEVICE_EMPTY.match(" ".join(
            _purpose_after(text, result.end, EMPTY_WORDS_AFTER).split()))
         or _EMPTY_NEXT.match(text, result.end) is not None)
        and not _CONDITION.found_in(_clause_before(text, result.start, 3)))


# `let carers in` is how to get in when it is an instruction (`Let carers in via the side
# door`, `please let the carers in`); with someone doing the letting (`Family let carers
# in`, `she will let you in`, `wait for her to let you in`) the home is opened by a person,
# not open to a reader.
_LET_PATTERNS = frozenset({"entry instruction", "let in"})
# The person at home letting herself in with her own key is no way in for anyone else.
_LETS_SELF_IN_WITH_OWN_KEY = prebuilt(
    r"let (?:herself|himself|themselves) in\b.* (?:her|his|their) own keys? ")
_LETTING_OTHERS = prebuilt(r"(?i:let)[^\S\n]+(?:(?i:the)[^\S\n]+)?(?i:carers?|staff)\b")
_LETTING_YOU = prebuilt(r"(?i:let)[^\S\n]+(?i:you|us|them)[^\S\n]+(?i:in)\b")
_INSTRUCTION_START = prebuilt(r"(?:^|[.,;:!?(\-–*•]|\b(?i:please|pls|to))[^\S\n]*$")
# `to let you in` is someone's doing (`for her to let you in`), never an instruction to you.
_INSTRUCTION_TO_YOU = prebuilt(r"(?:^|[.,;:!?(\-–*•]|\b(?i:please|pls))[^\S\n]*$")


# A vehicle someone lives in (`Lives in a motorhome on the farm`, `living in his campervan`):
# its door is that home's.
_LIVES_IN_VEHICLE = prebuilt(
    r"(?<![\w])(?i:lives|living|lived|resides|residing|sleeps|sleeping|home[^\S\n]+is)"
    r"[^\S\n]+(?i:in|on|at|from)[^\S\n]+(?:(?i:a|an|the|her|his|their|my|our|its)[^\S\n]+)?"
    r"(?:[\w\-]+[^\S\n]+)?(?i:vans?|cars?|vehicles?|minibus|bus|lorry|truck|camper(?:van)?s?|"
    r"motor[^\S\n]?homes?)(?![\w])")
LIVES_IN_VEHICLE_CHARS = 200


def _keys_a_craft(text: str, start: int, end: int) -> bool:
    """A key in the match said to be to or for a boat or a caravan (`_KEY_TO_A_CRAFT`)."""
    return any(key.start() < end for key in _KEY_TO_A_CRAFT.finditer(
        text, start, min(len(text), end + KEY_TO_A_CRAFT_CHARS)))


def _names_a_vehicle_door(text: str, start: int, end: int) -> bool:
    """A vehicle's door in the match or ending right before it, unless the note says
    someone lives in a vehicle (the door is a home's)."""
    return any(door.end() >= start - 1 for door in _VEHICLE_DOOR.finditer(
        text, max(start - VEHICLE_DOOR_CHARS, 0), end)) and _LIVES_IN_VEHICLE.search(
            text, max(start - LIVES_IN_VEHICLE_CHARS, 0), end) is None


def _names_a_state(text: str, start: int, end: int) -> bool:
    """`KS` as Kansas in the match (`_STATE_KS`): a ZIP code needs its four more digits, or
    to be written the US way after a street address on a line with no UK postcode."""
    line_start, line_end = line_bounds(text, start, end)
    for state in _STATE_KS.finditer(text, start, end):
        if text[state.end() - 1] == "<" or state.group("plus"):
            return True
        if (state.group("comma") or state.group("town").isupper()) and _STREET_ADDRESS.search(
                text, line_start, state.start()) and not _UK_POSTCODE.search(
                    text, line_start, line_end):
            return True
    return False


_COMING_TO_LET_IN = prebuilt(
    r"(?<![\w])(?i:i|ill|i'll|i\u2019ll|we|we'll|we\u2019ll|she'll|he'll|someone|somebody)"
    r"[^\S\n]+(?i:will[^\S\n]+|can[^\S\n]+)?(?i:come[^\S\n]+(?:and[^\S\n]+|to[^\S\n]+|n[^\S\n]+)?"
    r"|be[^\S\n]+there[^\S\n]+to[^\S\n]+)?(?i:let)[^\S\n]+(?i:u|you|ya|them|yous|the[^\S\n]+\w+)"
    r"[^\S\n]+(?i:in)\b")


def someone_lets_in(text: str, start: int, end: int) -> bool:
    """`X let(s) carers in`, `X will let you in`: a `let` of carers, staff, you or us with
    words before it in its clause other than `please` (or, for carers and staff, `to`)."""
    if _LETTING_YOU.match(text, start, end):
        instruction = _INSTRUCTION_TO_YOU
    elif _LETTING_OTHERS.match(text, start, end):
        instruction = _INSTRUCTION_START
    else:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    return not instruction.search(text[max(line_start, start - 40):start])


_JOIN = prebuilt(r"[\s,]*(?i:and)?[\s,]*")


# What kind of way in each pattern finds (`recognizers.access_kinds`).
PATTERN_KINDS = {
    "code after object": kinds.CODE, "code after opening": kinds.CODE,
    "code before object": kinds.CODE, "code field": kinds.CODE,
    "code in next clause": kinds.CODE, "code keyed in": kinds.CODE,
    "code keyed in a clause on": kinds.CODE,
    "code after a reference": kinds.CODE, "lock app guest code": kinds.CODE,
    "code then opening": kinds.CODE, "opening then its code": kinds.CODE,
    "owned box code": kinds.CODE, "premises then keyed in": kinds.CODE,
    "code shared with object": kinds.CODE,
    "described object": kinds.CODE, "object location": kinds.CODE,
    "hidden key": kinds.HIDDEN_KEY, "hiding place before key": kinds.HIDDEN_KEY,
    "key said hidden": kinds.HIDDEN_KEY, "home key kept": kinds.HIDDEN_KEY,
    "key to get in": kinds.HIDDEN_KEY,
    "door state": kinds.LEFT_OPEN, "latched": kinds.LEFT_OPEN, "door knack": kinds.LEFT_OPEN,
    "entry instruction": kinds.GO_IN, "route in": kinds.GO_IN,
    "knock then in": kinds.GO_IN, "let in": kinds.GO_IN,
    "keyholder holds key": kinds.KEY_HOLDER, "keyholder word": kinds.KEY_HOLDER,
    "key held by": kinds.KEY_HOLDER, "key given to": kinds.KEY_HOLDER,
    "holder given key": kinds.KEY_HOLDER, "holder brings own key": kinds.KEY_HOLDER,
    "keys then named holder": kinds.KEY_HOLDER,
    "key then its holder": kinds.KEY_HOLDER,
    "holder has key": kinds.KEY_HOLDER, "key left with": kinds.KEY_HOLDER,
    "holder then pronoun has key": kinds.KEY_HOLDER,
    "speaker has key": kinds.KEY_HOLDER, "asked who has key": kinds.KEY_HOLDER,
    "open then go in": kinds.LEFT_OPEN, "key in a placed thing": kinds.HIDDEN_KEY,
    "number of object": kinds.CODE, "code in later field": kinds.CODE,
    "key given to speaker": kinds.KEY_HOLDER, "key then its code": kinds.CODE,
    "key hidden under a thing": kinds.HIDDEN_KEY,
    "code answers question": kinds.CODE,
    "code later in the talk": kinds.CODE, "placed box, code later": kinds.CODE,
    "placed box and its code": kinds.CODE, "code and its placed box": kinds.CODE,
    "code question answered": kinds.CODE, "code then what it is for": kinds.CODE,
    "code asked, answered later": kinds.CODE,
    "bare code, then what it is for": kinds.CODE,
    "code in the next cell": kinds.CODE,
    "record field": kinds.CODE, "record insert": kinds.CODE, "record table": kinds.CODE,
}
_FIELD_PATTERNS = frozenset({"record field", "record insert"})
# A code word with no object before it in its match, and the locks and boxes a talk's topic
# may be (`HomeAccessRecognizer._topic_is_another`): the last one in reach before the code.
_BARE_CODE_WORD = prebuilt(r"(?i:combination|combo|code|pin|passcode)(?![\w])"
                             r"(?![^\S\n]+(?i:for|to|of|on)\b)")
_TOPIC_THING = prebuilt(r"(?<![\w])(?i:box|boxes|safe|tin|case|lock|locker|cabinet|"
                          r"drawer|chest)(?![\w])")
TOPIC_CHARS = 160
# A question the match is in, answered no (`> Can you leave the door unlocked for the nurse?
# No, sorry - ...`): what it asks for is refused.
_ANSWERED_NO_AFTER = prebuilt(
    rf"[^\n.;!?]{{0,80}}\?[^\S\n]*{_TURN_LABEL}(?:>[^\S\n]*)?(?i:no|nope|nah|(?:please[^\S\n]+)?"
    r"(?:don'?t|don\u2019t|do[^\S\n]+not))(?![\w])"
    r"(?![^\S\n]*,?[^\S\n]*(?i:but|though|however)\b)")
_TALK_START = prebuilt(r"[.;!?|/>:\u2022]")
TOPIC_WORDS = 4
# Patterns that start at an access object and find its code in a later field, clause or turn.
# Patterns read over turns of a talk, and who speaks each turn after the first (`/ Office:`,
# `> [09:15] Ade Bankole:`): a speaker's label names who answers, not what the lock is for.
_TALK_PATTERNS = frozenset({"code asked, answered later", "code later in the talk",
                            "code question answered", "code answers question",
                            "bare code, then what it is for"})
_TURN_SPEAKER = prebuilt(r"(?<=[/>\u2022?][^\S\n]*)(?:\[[^\]\n]{1,12}\][^\S\n]*)?"
                         r"[A-Z][\w'\-]*(?:[^\S\n]+[A-Z][\w'\-]*){0,2}[^\S\n]*:")
_OBJECT_FIRST_CODES = frozenset({"code in next clause", "code later in the talk",
                                 "code asked, answered later",
                                 "code in later field", "code in the next cell"})
# A form's answer of no to the object it follows: `? | N`, `Y/N: N`, `=N`, `? A: None`, or an
# unticked box (`Keyholder: ☐`).
_ANSWERED_NONE = prebuilt(
    r"[^\S\n]*(?:[?:=]|(?i:y/n)[^\S\n]*:?)?[^\S\n]*(?:\|[^\S\n]*)?(?:(?i:a|ans|answer)[^\S\n]*:[^\S\n]*)?"
    r"(?:(?i:n|no|none)[^\S\n]*(?=[/|;,.\n]|\Z)|\[[^\S\n]?\]|\u2610)")
# A form's unticked box right before its item (`- [ ] Key safe fitted`, `☐ keyholder`): the
# item is not so.
# No value: a redaction, a template's placeholder, a mask or a blank (`[removed]`,
# `[withheld under s.40]`, `{{keyholder_name}}`, `<name>`, `****`, `████`, `blank`): never a code
# nor anyone.
_NO_VALUE = (
    r"(?:''|\"\"|\u2018\u2019|\u201c\u201d|['\"\u2018\u201c]?(?:\[[^\]\n]{2,20}\]"
    r"|\[(?i:withheld|redacted|removed|deleted)[^\]\n]{0,40}\]|\{[^}\n]{0,30}\}+"
    r"|<[^>\n]{0,20}>|[*x#X]{3,}|\u2588+|(?i:none|blank|empty|null|nil|n/?a|removed|deleted|"
    r"redacted|withheld|cleared)(?![\w])))")
# A value changed from a code to nothing (`changed from '5930' to '[removed]'`, `from 4471
# to blank`): no code is left (a code after `to` is a new one: `from 5930 to 7714` keeps the
# line).
_CHANGED_FROM = prebuilt(r"(?<![\w])(?i:from)[^\S\n]*['\"\u2018\u201c]?\Z")
_CHANGED_TO_NOTHING = prebuilt(
    r"['\"\u2019\u201d]?[^\S\n]*(?:(?i:to)(?![\w])|->|=>|\u2192)[^\S\n]*" + _NO_VALUE)
# A code's field talked about as data (`removed the keysafe code field from client 4471`,
# `keysafe field now masked in the export (fixes #412)`): the number after it is no value of
# it, unless the field gives one (`key safe field: 4471`, `code field is 4471`).
_DATA_FIELD = prebuilt(r"(?<![\w])(?i:code|pin|safe|keysafe|box|lockbox|combination)"
                       r"[^\S\n_]*(?i:fields?|columns?|attributes?)(?![\w])"
                       r"(?![^\S\n]*(?:[:=]|(?i:is|was|reads?|value)(?![\w])))")
# A keyholder's field whose value is no value (`Key holder: {{keyholder_name}}`, `Key holder:
# [withheld]`): no one is named.
_HOLDER_NOT_GIVEN = prebuilt(r"[^\S\n]*[:=\-\u2013\u2014]?[^\S\n]*" + _NO_VALUE
                             # nor a data check's note of one with no details (`key holder
                             # with no phone number`, `keyholder without contact details`)
                             + r"|[^\S\n]+(?i:with[^\S\n]+no|without(?:[^\S\n]+a)?|has[^\S\n]+no"
                             r"|missing)[^\S\n]+(?:\w+[^\S\n]+)?(?i:phone|number|contact|name|"
                             r"details|tel)")
# (the word inside a placeholder is its name: `<KEYHOLDER>`, `{{ keyholder }}`)
_PLACEHOLDER_NAME = prebuilt(r"(?:<|\{\{?)[^\S\n]*\Z")
_UNTICKED_BEFORE = prebuilt(r"(?:\[[^\S\n]?\]|\u2610)[^\S\n]*(?:[\w'\-]+[^\S\n]+){0,2}\Z")
# The kind of way in a record's field gives (`HomeAccessRecognizer.record_field`), in its
# result's metadata: a field's name says it, not its pattern's.
FIELD_KIND = "home_access_field_kind"


def with_access_kinds(text: str, merged: list[RecognizerResult],
                      scored: list[RecognizerResult]) -> list[RecognizerResult]:
    """Each finding's kinds of way in (`recognizers.access_kinds.assign_kinds`)."""
    kinds.assign_kinds(text, merged, [
        (match, (match.recognition_metadata or {}).get(FIELD_KIND) or PATTERN_KINDS.get(
            match.analysis_explanation.pattern_name, kinds.CODE))
        for match in scored if match.analysis_explanation is not None])
    return merged


# A record's lines: a `name: value` line (a CSV row, a flattened JSON object or an SQL row as
# the extractors give it, one field a line); its neighbours of that shape are the same record
# (a log's `name=value` line is a record of its own). At most this many lines either side.
_FIELD_LINE = prebuilt(r"[^\S\n]*[\w\[\]\"'][\w .@\-/\[\]\"'^]{0,60}[^\S\n]*:(?!//)")
# An XML element's attribute as the extractor writes it (`site@name: Ward 7`): the element
# starts a record of its own.
_ELEMENT = prebuilt(r"[^\S\n]*([\w.\-]+)@")
RECORD_LINES = 40


def _element(text: str, start: int) -> str | None:
    found = _ELEMENT.match(text, start)
    return found.group(1) if found else None


def _record_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The record a field is in: its line, and the field lines next to it when it is one
    (up to another element's attributes, in a flattened XML document)."""
    line_start, line_end = line_bounds(text, start, end)
    if not _FIELD_LINE.match(text, line_start, line_end):
        return line_start, line_end
    element = _element(text, line_start)
    for _ in range(RECORD_LINES):
        if line_start == 0:
            break
        before = text.rfind("\n", 0, line_start - 1) + 1
        if not _FIELD_LINE.match(text, before, line_start - 1) or (
                element is not None and _element(text, before) != element):
            break
        line_start, element = before, _element(text, before) or element
    for _ in range(RECORD_LINES):
        if line_end >= len(text):
            break
        after = text.find("\n", line_end + 1)
        after = len(text) if after == -1 else after
        if not _FIELD_LINE.match(text, line_end + 1, after) or _element(
                text, line_end + 1) not in (None, element):
            break
        line_end = after
    return line_start, line_end


class _RecordBounds:
    """`_record_bounds` of a match, worked out when first asked for."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self.bounds: tuple[int, int] | None = None

    def get(self) -> tuple[int, int]:
        if self.bounds is None:
            self.bounds = _record_bounds(self.text, self.start, self.end)
        return self.bounds


_RECORD_VEHICLES = Terms(VEHICLES)
_FIELD_NAME_BEFORE = prebuilt(r"[\w.\-]*\Z")


def _field_in_record(text: str, result: RecognizerResult
                     ) -> tuple[str, int, int, fields.Field]:
    """A one-word field's match (`code field`: `KEY_SAFE_PIN: 4471`) as a record's field:
    the text, its record's bounds and the field, its name read from the name's start
    (`van_lockbox_code` of a match at `lockbox`)."""
    name_start = _FIELD_NAME_BEFORE.search(text, line_bounds(text, result.start, result.end)[0],
                                           result.start).start()
    code = _CODE_RE.search(text, result.start, result.end)
    value_start, value_end = code.span() if code else (result.end, result.end)
    start, end = _record_bounds(text, result.start, result.end)
    return text, start, end, fields.Field(fields.field_words(text[name_start:value_start]), "",
                                          name_start, value_start, value_end)


PROSE_WORDS = 5


def _line_field_end(record: str, field: fields.Field) -> int:
    """Where a field ends: in a record of one field a line, its line's end when it starts its
    line (`GP: Dr Ann Rigg, Moorside Health Centre`: a value with commas), else its value's
    end."""
    line_start = record.rfind("\n", 0, field.start) + 1
    if "\n" not in record.strip("\n") or record[line_start:field.start].strip():
        return field.value_end
    line_end = record.find("\n", field.start)
    return len(record) if line_end == -1 else line_end


# Someone by title and name, in a record's text (`Mrs Edna Ward`): no purpose.
_TITLED_NAME = prebuilt(_TITLED + r"(?:[^\S\n]+[A-Z][\w'\-\u2019]*){0,2}")


# A field named as a person's detail or an identifier (`Postcode`, `Pendant serial`,
# `Responder 1 tel`): its name says what the value is, never what a lock is for.
_PERSONAL_FIELDS = Terms(load_vocabulary("field_labels.txt"))


def _about_the_person(words: str) -> bool:
    last = words.split()[-1:]
    return bool(last) and (last[0] in IDENTIFIER_LABEL_WORDS or _PERSONAL_FIELDS.found_in(words))


# A generic field's neighbours: the lines of its record this near it (an OBX's own OBX-3
# before its OBX-5; a lock event's `lock` beside its `code`), not a note segments away.
GENERIC_LINES_BEFORE, GENERIC_LINES_AFTER = 3, 1


def _lines_around(text: str, start: int, end: int, position: int) -> tuple[int, int]:
    """The record's lines from GENERIC_LINES_BEFORE before `position`'s line to
    GENERIC_LINES_AFTER after it."""
    low = position
    for _ in range(GENERIC_LINES_BEFORE + 1):
        low = text.rfind("\n", start, low)
        if low == -1:
            low = start
            break
    high = position
    for _ in range(GENERIC_LINES_AFTER + 1):
        found = text.find("\n", high + 1, end)
        if found == -1:
            high = end
            break
        high = found
    return max(low, start), min(high, end)


def _siblings(record: str) -> Iterator[tuple[fields.Field, int]]:
    """Each field of a record with where its value ends (a line's end in a field-a-line
    record)."""
    for other in fields.field_matches(record):
        sibling = fields.fields_of(other)
        if sibling is not None:
            yield sibling, _line_field_end(record, sibling)


def _is_prose(record: str, sibling: fields.Field, end_of_field: int) -> bool:
    """A value of more than PROSE_WORDS words: a note, read by the grammar as prose."""
    return len(record[sibling.value_start:end_of_field].split()) > PROSE_WORDS


def _blanked_words(record: str, blanks: list[tuple[int, int]], named: str = "") -> str:
    characters = list(record)
    for a, b in blanks:
        characters[a:b] = " " * (b - a)
    return fields.field_words(f"{named} {''.join(characters)}")


def _record_words_but_prose(text: str, start: int, end: int, named: str) -> str:
    """A record's words without its prose values: what makes a generic `code` a lock's is
    a field of the record, never a note beside it (an Observation's LOINC `code` beside
    `note.text: Key safe fitting booked ...`)."""
    record = text[start:end]
    return _blanked_words(record, [(sibling.value_start, end_of_field)
                                   for sibling, end_of_field in _siblings(record)
                                   if _is_prose(record, sibling, end_of_field)], named)


def _record_purpose_text(text: str, start: int, end: int, field: fields.Field) -> str:
    """The record's text read for what its lock is for: without the field's own value, nor
    the values of its people and addresses (`"client":"E. Ward-Lowe"` names no ward), nor the
    fields about another party (`GP: Dr Ann Rigg, Moorside Health Centre`) or named as a
    person's detail (`Postcode`), nor its notes."""
    record = text[start:end]
    blanks = [m.span() for m in _TITLED_NAME.finditer(record)]
    # (a key's place is read for what it is: `Spare key: in the office` is the office's)
    if _name_class(field.name) not in (fields.PLACE, fields.GENERIC_PLACE):
        blanks.append((field.value_start - start, field.value_end - start))
    of_a_place = fields.is_a_places_record(record)
    for sibling, end_of_field in _siblings(record):
        # (a field answered yes or no says what the home has, `Pendant: Y`, not what its
        # lock is for)
        if fields.is_another_party(sibling.name) or fields.lists_kit(sibling.name) or (
                fields.is_flag(sibling.value)) or (
                not of_a_place and _about_the_person(fields.field_words(sibling.name))):
            blanks.append((sibling.start, end_of_field))
        elif (fields.is_person_or_address(sibling.name, sibling.value, of_a_place)
              or _is_prose(record, sibling, end_of_field)):
            blanks.append((sibling.value_start, max(sibling.value_end, end_of_field)))
    return _blanked_words(record, blanks)


def merge_touching(text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
    """One finding per note: matches that overlap, or are joined only by `,` or `and`,
    become one span. Each span is a copy: the matches keep their own spans, which say what
    kind of way in each gives (`with_access_kinds`; grown in place, a note's first match
    had covered the whole note: `Keysafe number is 3761. Spare key under the mat` lost its
    hidden key to the code's match, `Key in the lockbox by the door - combi 5368` gained
    one)."""
    merged: list[RecognizerResult] = []
    for result in sorted(results, key=lambda r: (r.start, -r.end)):
        if merged and (result.start <= merged[-1].end or _JOIN.fullmatch(
                text, merged[-1].end, result.start)):
            last = merged[-1]
            last.end = max(last.end, result.end)
            last.score = max(last.score, result.score)
            continue
        merged.append(copy(result))
    return merged
