"""The one definition of "this person died or moved out for good": the phrases and fields
that state it, whose it is (never a relative's), and what it makes of a way into their home.

The `LIFE_STATE` recognizer (`recognizers.life_state_recognizer`) finds these phrases in any
record; scoping reads the states of a person's records (`person_state`) and puts the way into a
home they left apart (`phiscan.scoping.linkage.Individual.former_home_access`). No other rule
decides it: a `HOME_ACCESS` note on the same line as a death keeps its way in, and the person's
state says whose former home it opens. Kept apart from the recognizer so scoping and the entity
table read it without Presidio.
"""

from __future__ import annotations

import regex as re

from recognizers.relatives import relatives, words_pattern

DECEASED, MOVED_OUT = "deceased", "moved_out"
LIFE_STATES = (DECEASED, MOVED_OUT)
# Not a state of the person but of their home's way in: the code the records give opens it no
# more, as its code was changed and the new one kept out of the records (`KS code changed -
# new code NOT held, ring duty SW`, `code changed - ring pt for new code`):
# `phiscan.scoping.linkage.Individual.withdrawn_kinds`.
CODE_OUT_OF_USE = "code_out_of_use"
# Not a state: the record says someone still lives at the home (`Mrs Ivy Kershaw still lives at
# the address`, on a collection list's row for her husband who died), so a death or a move it
# states is of another person of that home than the one it may join.
SURVIVOR = "survivor"
# The phrases (regex strings, read with the `regex` module: `\p{Lu}`).
# A date as records write it (a death's, a move's, a return's).
ANY_DATE = (r"(?:\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}|\d{8}"
         r"|\d{1,2}(?:st|nd|rd|th)? [A-Za-z]{3,9},? \d{4})")
_SEP = r"[^\S\n]*[:=|,][^\S\n]*"
_YES = r"(?:y|yes|true|1)(?![\w])"
# A field or column of the person's death (the label is the match).
DEATH_DATE = (r"(?<![\w])(?i:date[ _-]?of[ _-]?death|death[ _-]?date|d\.?o\.?d\.?|date[ _-]?died"
              r"|deceased[ _-]?(?:date(?:[ _-]?time)?|on)|date[ _-]?deceased)"
              rf"(?={_SEP}{ANY_DATE})")
DEATH_FLAG = (r"(?<![\w])(?i:deceased(?:[ _-]?(?:flag|indicator|boolean|y/?n))?"
              rf"|death[ _-]?indicator|is[ _-]?deceased|died)(?={_SEP}(?i:{_YES}))")
# A field of why a package, a tenancy or a register's entry ended (`END_REASON`, `Reason for
# closure`, `Discharge reason`, `Exit status`), answered with a death or a move out for good
# (`DIED`, `Deceased`, `RES`, `Nursing home`, `Moved away`): a commissioner's return, a closed
# clients' list. (Not a hospital stay, a transfer to another provider, nor `no longer
# required`.)
_END_REASON_LABEL = (
    r"(?i:(?:end(?:ing)?|leaving|exit|closure|closing|discharge|cessation|termination)[ _-]?"
    r"reason|reason[ _-]?(?:for[ _-]?)?(?:end(?:ing)?|leaving|closure|discharge|exit"
    r"|ceasing)|(?:end|exit|closure)[ _-]?(?:status|outcome))")
_END_DIED = r"(?i:died|deceased|death|dead|rip|passed[ _]away)"
_END_MOVED = (r"(?i:res|resi|residential(?:[ _](?:care|home|placement))?"
              r"|nursing(?:[ _](?:care|home|placement))?|care[ _]home"
              r"|moved(?:[ _](?:out[ _]of[ _]area|away|out|area))?|relocated"
              r"|perm(?:anent)?[ _](?:placement|care|move))")
# (a register's status says a death too: `Status: DIED`)
END_REASON_DEATH = rf"(?<![\w])(?:{_END_REASON_LABEL}|(?i:status)){_SEP}{_END_DIED}(?![\w])"
END_REASON_MOVE = rf"(?<![\w]){_END_REASON_LABEL}{_SEP}{_END_MOVED}(?![\w])"
_END_REASON_MOVE = re.compile(END_REASON_MOVE)
# A titled name (`Mrs Ivy Sutcliffe`, `Mr Sutcliffe`): whose death a statement right after it
# is (`phiscan.detect.deaths` binds it to the record's person or to someone else).
_TITLE = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?[^\S\n]+"
_NAME_WORD = r"\p{Lu}[\p{L}'\u2019-]+"
TITLED_NAME = rf"{_TITLE}{_NAME_WORD}(?:[^\S\n]+{_NAME_WORD}){{0,2}}"
_HAS_DIED = r"(?i:(?:has |had )?(?:sadly )?died)"
# An aside between a name and what is said of it (`Mr Percy Horsfall (DOB 05/03/1939) died`).
_ASIDE = r"(?:[^\S\n]*\([^()\n]{1,40}\))?"
# The record's own words.
# A field of the death answered no or left empty (`Deceased: N`, `Deceased,` in a row whose
# cell is blank): a column's label, not a death.
_ANSWERED_NO = (r"(?![^\S\n]*[:=|,][^\S\n]*(?:(?i:n|no|false|0|none|not known|unknown|-)"
                r"[^\S\n]*)?(?:\n|\Z|[|,;]))")
DEATH_WORDS = (rf"(?<![\w'])(?:(?i:deceased(?!'s|s |\w){_ANSWERED_NO}|passed away"
               r"|(?:patient|client|resident|service user|pt\.?|tenant|he|she)"
               r" (?:has |had )?(?:sadly )?died"
               r"|the late(?= (?:mr|mrs|ms|miss)\.? [A-Z])|rip(?=[^\S\n]*\d)"
               r"|(?:collection|removal)s? after death"
               rf"|death (?:was )?verified)|{TITLED_NAME}{_ASIDE}[^\S\n]+{_HAS_DIED})(?![\w])")
MOVE_WORDS = (r"(?<![\w])(?i:(?:moved (?:in)?to|(?:gone|went) into) (?:[\w'&.-]+ ){0,4}"
              r"(?:care|nursing|residential) home"
              r"|now (?:living |resident )?permanently (?:at|in)|moved permanently|permanent"
              r" (?:placement|admission|residen(?:ce|t)|(?:residential|nursing) care)"
              r"|now resident at"
              # into a relative's home for good (`has moved in with her daughter Gwen`,
              # `Pt moved to live with family out of area`; a stay says `staying with`)
              rf"|moved in with (?:her|his|their) (?:{words_pattern(relatives())})"
              rf"|(?:moved|gone|went)(?: permanently)? (?:away )?to live with (?:her |his |their )?"
              rf"(?:family|{words_pattern(relatives())})"
              # a named place moved into for good (`he has moved into Oakfield House
              # permanently`)
              r"|(?:moved|gone|went|admitted|transferred) (?:in)?to (?:[\w'&.-]+ ){1,4}permanently"
              # a care home named with its kind in brackets (`Moved to Moorview House
              # (nursing) on 04/09/2026`), and a register's care-home column filled in
              r"|moved (?:in)?to (?:[\w'&.-]+ ){0,4}\((?:nursing|residential)(?: care)?"
              r"(?: home)?\)"
              # (not a wish, a plan or a stay: `Preferred care home: Oak Lodge`)
              r"|(?<!(?:preferred|planned|proposed|potential|possible|requested|chosen|"
              r"respite|interim|temporary)[ _-])(?:current )?(?:care|nursing|residential)"
              r"[ _-]?home(?=[^\S\n]*[:=][^\S\n]*(?!(?:no|none|not|n/?a|nil|unknown|tbc|"
              r"pending)\b)[a-z]{2})"
              # a closure's reason or a register's status (`Client in care home - KS still on
              # wall`): the record's own person, never a relative's (`relative_before`)
              r"|(?:client|patient|resident|service user|tenant|she|he) (?:is )?(?:now )?in"
              r" (?:a |the )?(?:care|nursing|residential) home"
              # a status recorded as a code (`<Status>care_home</Status>`)
              r"|(?<=status[^\S\n]{0,3}[:=][^\S\n]{0,3})(?:in[ _]|moved[ _]to[ _])?(?:care|nursing"
              r"|residential)[ _]home"
              # a closure's abbreviation before a named place (`Closed - perm. to Oakwood
              # Lodge`: moved there for good)
              r"|perm(?:\.|anently)?[^\S\n]+(?:moved[^\S\n]+)?(?:in)?to[^\S\n]+(?:the[^\S\n]+)?"
              r"(?-i:\p{Lu}[\w'&.-]*(?:[^\S\n]+\p{Lu}[\w'&.-]*){0,4}))(?![\w])")
# A new code said kept out of the record (`New code NOT written on this form`, `new KS code not
# held`, `New code not to be minuted`, `new code withheld`): never a code given (`new code 4411`).
_KEPT_OUT = (r"(?:recorded|held|written|given|kept|stored|known|minuted|shared|included|noted"
             r"|documented|on[^\S\n]+(?:file|record|the[^\S\n]+system))")
_SP = r"[^\S\n]+"
_NEW_CODE_KEPT_OUT = (
    # (up to two words naming the lock between: `new key safe code`, `new KS code`)
    rf"new{_SP}(?:[\w/-]+{_SP}){{0,2}}?(?:code|combination|combi)(?:{_SP}(?:is|was|has{_SP}been"
    rf"|will{_SP}be))?{_SP}(?:not{_SP}(?:to{_SP}be{_SP}|being{_SP}|yet{_SP})?{_KEPT_OUT}|withheld"
    # (`The new code is NOT to go on Kestrel`: onto the system the record is in)
    rf"|not{_SP}to{_SP}(?:go|be{_SP}(?:put|added|entered))(?:{_SP}(?:on|onto|in|into))?"
    r"|unknown)")
# A code said changed, the new one to be got elsewhere, with no code between (`KS code changed
# by family - ring pt for new code`, `code changed after break-in, pt will give new one by
# phone`, `Key safe code CHANGED (see email) - ring NOK for code on the day`).
_GOT_ELSEWHERE = (
    rf"(?:ring|call|phone|tel|contact|ask)\b[^\d\n.]{{0,30}}?\bfor{_SP}(?:the{_SP})?(?:new{_SP})?"
    rf"(?:code|one|number)|(?:give|provide|pass{_SP}on|text|tell){_SP}(?:you{_SP}|us{_SP})?"
    rf"(?:the{_SP}|a{_SP})?new{_SP}(?:one|code)|see{_SP}(?:team{_SP})?e-?mail")
# Where a statement says the new code is got (`ring the office for the new code`): never what
# the code opens.
WHERE_GOT = re.compile(rf"(?i:{_GOT_ELSEWHERE})")
_CODE_CHANGED_ELSEWHERE = (
    rf"code{_SP}(?:has{_SP}been{_SP}|was{_SP}|now{_SP})?(?:changed|reset|altered)\b"
    rf"[^\d\n]{{0,60}}?(?:{_GOT_ELSEWHERE})")
# A named person's key safe taken off or removed (`The key safe at Ms Dilys Cadwaladr's has been
# taken off the wall`, `Mrs Ann Lee's keysafe was removed`): the home's code opens nothing. (A
# key safe said removed with no one named stays a way in: a care log's line names no one.)
# (a titled name, its initials too: `Miss K Kowalczyk's`)
_OWNER = (rf"(?-i:{_TITLE}(?:\p{{Lu}}\.?[^\S\n]+){{0,3}}{_NAME_WORD}"
          rf"(?:[^\S\n]+{_NAME_WORD}){{0,2}})['\u2019]s")
_KEY_SAFE = r"(?:key[^\S\n]?safe|key[^\S\n]?box|lock[^\S\n]?box)"
_TAKEN_AWAY = (rf"(?:has{_SP}been|had{_SP}been|was|is{_SP}now){_SP}(?:taken{_SP}(?:off|down|away)"
               r"|removed)")
_NAMED_KEY_SAFE_GONE = (rf"{_KEY_SAFE}{_SP}(?:at|of){_SP}{_OWNER}(?:{_SP}(?:house|home|flat"
                        rf"|bungalow|place))?{_SP}{_TAKEN_AWAY}|{_OWNER}{_SP}{_KEY_SAFE}{_SP}"
                        rf"{_TAKEN_AWAY}")
CODE_OUT_OF_USE_WORDS = (rf"(?<![\w])(?i:{_NEW_CODE_KEPT_OUT}|{_CODE_CHANGED_ELSEWHERE}"
                         rf"|{_NAMED_KEY_SAFE_GONE})(?![\w])")
# A field naming a home its person has left (`Previous address`, `Old address`, `OLD:` beside
# `NEW:`, `prev_postcode`, `Address (old)`, `Moved from`): the postcode in it is that home's,
# and a way in given only beside that postcode is the way into a home they left
# (`phiscan.scoping.linkage.Individual.withdrawn_kinds`).
FORMER_ADDRESS = "former_address"
_FORMER_ADDRESS_LABEL = re.compile(
    r"(?i)^\W*(?:(?:previous|prev|old|former)(?:[\s_.-]+(?:home|house|flat))?"
    r"(?:[\s_.-]*(?:address|addr|postcode|post[\s_-]?code|residence))?"
    r"|(?:last|earlier)(?:[\s_.-]+(?:home|house|flat))?[\s_.-]*(?:address|addr|postcode"
    r"|post[\s_-]?code|residence)"
    r"|(?:address|postcode)[\s_-]*\((?:old|previous|former)\)|moved[\s_-]+from)\W*$")


def names_former_address(label: str) -> bool:
    """Whether a field's or a line's label names a home its person has left."""
    return bool(label) and _FORMER_ADDRESS_LABEL.match(label) is not None


# A move told in prose, the home left after `from` and before any `to` (`Audrey Haigh (DOB
# 27/03/1945) moved on 24/06/2026 from 30 Heath Street, Bradford, BD8 5DG to: ...`).
_MOVED_FROM = re.compile(
    r"(?i)(?<![\w])(?:moved|moves|moving|relocated|transferred)(?![\w])[^.;!?\n]{0,40}?"
    r"(?<![\w])from(?![\w])(?:(?!(?<![\w])(?:to|into|now|lives?|living)(?![\w]))[^.;!?\n])"
    r"{0,120}\Z")
MOVED_FROM_CHARS = 200


def moved_from_before(text: str, start: int) -> bool:
    """Whether a postcode at `start` is of the home a move on its line left."""
    line_start = max(text.rfind("\n", 0, start) + 1, start - MOVED_FROM_CHARS)
    return _MOVED_FROM.search(text, line_start, start) is not None


# Someone still lives at the home: whoever's death or move the record states is not theirs.
_NAME = rf"(?:{_TITLE})?{_NAME_WORD}(?:[^\S\n]+{_NAME_WORD}){{1,3}}"
SURVIVOR_WORDS = (rf"(?<![\w])(?:{_NAME} )?(?i:still (?:lives|living|resides|resident)"
                  r" (?:at|in|there)|(?:still )?(?:lives|living) there)(?![\w])")
# Where a survivor's statement starts after their name (`Mrs Ivy Kershaw| still lives at`).
_SURVIVOR_PHRASE = re.compile(
    r" (?:still (?:lives|living|resides|resident)|lives there|living there)", re.IGNORECASE)


_CODE_OUT_OF_USE = re.compile(CODE_OUT_OF_USE_WORDS)


def state_of(value: str) -> str:
    """The state a matched text states (`moved_out` for a move, `survivor` for someone still
    living there, `code_out_of_use` for a home's code changed and the new one kept out of
    the record, else `deceased`)."""
    if _CODE_OUT_OF_USE.fullmatch(value):
        return CODE_OUT_OF_USE
    if _END_REASON_MOVE.fullmatch(value):
        return MOVED_OUT
    lowered = value.casefold()
    if "still" in lowered or "lives there" in lowered or "living there" in lowered:
        return SURVIVOR
    return MOVED_OUT if ("move" in lowered or "perm" in lowered or "resident at" in lowered
                         or lowered.endswith((" home", "_home"))) else DECEASED


def survivor_name(value: str) -> str:
    """The name a survivor's statement opens with (`Mrs Ivy Kershaw` of `Mrs Ivy Kershaw still
    lives at`), '' when it names nobody (`still lives there`)."""
    found = _SURVIVOR_PHRASE.search(" " + value)
    return value[:found.start()].strip() if found else ""


# A relative's word, or someone else's around the person (`relatives.txt`), right before a
# statement: theirs, not the record's person's (`Husband deceased`, `her son moved into ...`).
_RELATIVE = re.compile(
    rf"(?<![\w])(?i:{words_pattern(relatives())})(?:'s|\u2019s|s)?(?![\w])")
_BEFORE_WORDS = 3


def relative_before(text: str, start: int) -> bool:
    """A relative's word (or words: `next door`) among the three words before `start` on its
    line."""
    line_start = text.rfind("\n", 0, start) + 1
    words = text[line_start:start].replace(",", " ").split()[-_BEFORE_WORDS:]
    return _RELATIVE.search(" ".join(words)) is not None


# The name a death statement is of: in its match (`Mr Denby died`) or right before it
# (`Mr Sutcliffe passed away`, `Arthur Denby has sadly passed away`).
_NAME_OPENING = re.compile(rf"({TITLED_NAME}){_ASIDE}[^\S\n]+{_HAS_DIED}")
_NAME_BEFORE = re.compile(rf"({TITLED_NAME}){_ASIDE}[^\S\n]+(?i:(?:has |had )?(?:sadly )?)\Z")


def death_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the titled name is whose death text[start:end] states, None when no name is its
    subject."""
    opening = _NAME_OPENING.match(text, start, end)
    if opening:
        return opening.span(1)
    before = _NAME_BEFORE.search(text, max(0, text.rfind("\n", 0, start) + 1), start)
    return before.span(1) if before else None


def person_state(states: set[str]) -> str:
    """A person's state from the states their records give: a death outranks a move (a
    resident who died there); '' when none."""
    return next((state for state in (DECEASED, MOVED_OUT) if state in states), "")
