"""Names from NER in text written in capitals: kept only where the text marks them.

In a nursing note in capitals, case says nothing: `FROZEN SAMPLE`, `ESCHERICHIA COLI`
and `AGNIESZKA MORRISON` look alike to a reader and to spaCy (which reads the block
truecased: `CheckedSpacyRecognizer.truecased`), and no vocabulary of clinical words is
ever complete. A reader knows a name in capitals by what is written around it, so a
name spaCy finds in a block in capitals is kept only with one of these marks:

- a title just before it or opening it (`DR KLEIN`, `NURSE PATEL`);
- a role phrase just before it (`SEEN BY`, `WIFE`, `DAUGHTER`, `SIGNED`: the phrases of
  `phiscan/data/roles.txt` that give names their roles), or a name field's label
  (`PATIENT:`, `PT:`, `NEXT OF KIN:`: `recognizers/data/name_fields.txt` and the same
  file in the configured `[detection] vocabulary_dir`, as the recognizers read it);
- the start of its line (`JOHN SMITH ADMITTED OVERNIGHT`: a note's header), or a
  line of its own after a list marker, with nothing after it but a role (`, STAFF
  NURSE`) or a post-nominal (`RN`, `SN`): a list entry or a signature.

Names found by the cheap rules (a title, `SMITH, JANE` after a label, a name field)
carry their mark already and are not affected.
"""

from __future__ import annotations

from functools import cache

import regex

from phiscan.detect.normalize import is_title as is_any_title
from phiscan.detect.roles import MAX_PHRASE_WORDS, RoleRules, default_rules
from recognizers.context import normalise_words
from recognizers.person_field_recognizer import name_field_terms

# `RN`, `SN`, `HCA`, `RGN`: letters after a signature's name.
_POST_NOMINAL = regex.compile(r"[ \t,]*\p{Lu}{2,4}\.?[ \t.]*")
_LIST_MARKER = regex.compile(r"[ \t]*(?:[-*•]|\(?\d{1,3}[.)])?[ \t]*")


def is_title(word: str) -> bool:
    """A title in capitals (`MX` is the clinical abbreviation there: `T2 N0 MX`)."""
    return is_any_title(word) and word.casefold().rstrip(".") != "mx"


name_fields = cache(name_field_terms)


def ends_with_role(normalised: str, rules: RoleRules) -> bool:
    words = normalised.split()
    return any(tuple(words[-length:]) in rules.phrases
               for length in range(1, min(MAX_PHRASE_WORDS, len(words)) + 1))


def marked_name(text: str, start: int, end: int, vocabulary_dirs: tuple[str, ...] = ()
                ) -> bool:
    """Whether the name text[start:end], in a block in capitals, is marked as one;
    `vocabulary_dirs`: the configured folders (`DetectionConfig.vocabulary_dirs`)."""
    rules = default_rules()
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    before = text[line_start:start]
    after = text[end:len(text) if line_end == -1 else line_end]
    first = text[start:end].split(" ", 1)[0]
    words_before = normalise_words(before)
    if is_title(first) or (words_before.split()[-1:] and (
            is_title(words_before.split()[-1])
            or words_before.split()[-1] in rules.staff_titles)):
        return True
    if ends_with_role(words_before, rules):
        return True
    if before.rstrip().endswith(":") and name_fields(vocabulary_dirs).ends(words_before):
        return True
    if not before.strip():  # opens its line: a header, a signature, `JOHN SMITH ADMITTED`
        return True
    own_line = _LIST_MARKER.fullmatch(before) is not None
    return own_line and (not after.strip(" \t.,") or _POST_NOMINAL.fullmatch(after) is not None
                         or ends_with_role(" " + " ".join(normalise_words(after).split()[:3])
                                           + " ", rules))
