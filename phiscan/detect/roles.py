"""Whose name is it: the role of every PERSON finding.

`subject` (the patient, client, service user, resident), `staff` (carer, nurse, GP,
author, signatory, e-mail sender or recipient, meeting attendee) or `related` (next of
kin, a neighbour holding a key, a family contact: exposed, but not the patient).

The role is read from the text around the name, at detection time (the only time the
text is there), from the strongest signal first:

1. HL7 v2, for a person-name field: PID (and MRG) names the patient; NK1, GT1 (guarantor)
   and IN1 (insured) a related person; any other segment (PV1-7/8, ROL, ORC, OBR, TXA,
   PRT, STF...) a clinician. Free text in a message (OBX-5, NTE-3, a Z-segment) is read
   like any text, by the signals below;
2. the words just before the name on its line (`Carer Leanne Bishop`, `Seen by`,
   `Client: JONES, Sandra  Carer: Ms Leanne Bishop`): the rightmost phrase wins;
3. the field name (`client_name`, `next_of_kin`, `gp_name`, `Present:`, an e-mail's
   `From`/`To`/`Cc`): again the rightmost phrase, so `patient_gp` is the GP's;
4. a clinical title on the name (`Dr`, `Nurse`, `Prof`);
5. a role word just after it (`Karen Jones (daughter)`, `Leanne Bishop, carer`);
6. a signature block (`Yours sincerely` on one of the lines above);
7. the FHIR resource it sits in (Practitioner, RelatedPerson, Patient);

and otherwise no role (`''`): such a name counts as the subject's, unless it recurs
across many subjects (`phiscan.scoping.recurrence`). The phrases live in
`phiscan/data/roles.txt`, with job words as a class (`JobWords`: the words that head a
job title, job endings, grades), so `tissue viability nurse`, `podiatrist` or
`countersigned by` need no phrase of their own. Only the role leaves this module: no
name is kept.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from pathlib import Path

from phiscan.detect.memory import KeyedMemory
from phiscan.detect.normalize import is_full_name, is_title
from phiscan.model import Finding
from recognizers.context import (
    MatchContext,
    context_of,
    line_field,
    line_value_start,
    normalise_words,
)
from recognizers.vocabulary import read_classes

SUBJECT, STAFF, RELATED = "subject", "staff", "related"
PERSON = "PERSON"
UNMARKED = ""  # no signal: counted as the subject's, unless it recurs across subjects
ROLES = (SUBJECT, STAFF, RELATED)
# The people whose own values (a date of birth, a phone) are never the record subject's.
NOT_SUBJECT = frozenset({STAFF, RELATED})
ROLES_FILE = Path(__file__).parent.parent / "data" / "roles.txt"
# Hand-over, referral, report and contact verbs (`passed to`, `spoke to`): `transfer_to`.
TRANSFER_SECTION = "staff after a hand-over"
LEGAL_SECTION = "legal name"
# A PERSON finding's kind for the name a record says is its person's legal one, beside a
# name they go by (`Jay McCarthy ... (legal name Hamza McCarthy)`, `legalName.first`).
LEGAL_NAME = "legal"
MAX_PHRASE_WORDS = 4
# A role column's value: a job title of a few words, two joined (`Operations director and
# IG lead`), ending in a job word (`RoleRules.row_role`).
MAX_ROLE_VALUE_WORDS = 8
SIGNATURE_LINES = 4  # a name this many lines below `Yours sincerely` signs the letter
AFTER_WORDS = 2
LIST_SEPARATORS = ";|,)"
ARTICLES = frozenset({"a", "an", "the", "our", "one"})
WRAP_REACH = 200  # characters of the line above read for a wrapped sentence's words
WRAPPED_MIN_WORDS = 6  # a line of prose, not a heading
LABEL_WORDS = 3  # as `context_of` reads a label
ROLE_FIELD_CACHE = 4096  # column names remembered by `RoleRules._column_fact`
LINE_ROLES = 65536  # field lines' roles a worker remembers (`LineRoles`)
KIN_BEFORE_CHARS = 30  # `kin_before`: how far before a name its two words are read
AFTER_JOB_WORDS = 3  # `Jane Doe, tissue viability nurse`
# A thing done to or for a person, earlier in the name's clause (`recipient_role`).
CLAUSE_CHARS = 120
CLAUSE_START = re.compile(r"[.;:!?\n\r(\[|]")
WORD = re.compile(r"[^\W_]+")
SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
# The dash between a text's title-line name and what the text is (`PILLING Joanne - file note`).
TITLE_DASH = re.compile(r"[ \t]+[-\u2013\u2014][ \t]+\S")
POSSESSIVE = ("'s", "\u2019s")
# A name then a colon or a dash, then a visit told of it (`Flat 7 Mrs Booth: contractor in for
# level-access shower`, `Mr Ramsden - OT visited`): the visitor is the job, not the name.
NAME_THEN_ENTRY = re.compile(r"[ \t]*(?::|[-\u2013\u2014][ \t])")
# After a visitor's job, words that make it a visit (with `RoleRules.is_verb`'s doer verbs).
VISIT_WORDS = frozenset({"in", "out", "due", "came", "comes", "coming", "here", "round",
                         "today", "tomorrow", "am", "pm", "booked", "arranged", "cancelled"})
VISIT_JOB_WORDS = 2  # `district nurse visited`
ENTRY_PHRASE = re.compile(r"[^,;(\[\n\r]*")
MAX_LINKING_WORDS = 6  # `has now been formally offered to`
# Words of a sentence, not of a job title (`said the nurse`, `and her nurse`): no
# spaCy here (`report` reads roles and must start at once).
SENTENCE_WORDS = frozenset({
    "a", "an", "the", "and", "or", "but", "to", "of", "in", "on", "at", "for", "with",
    "by", "from", "as", "is", "was", "are", "were", "be", "been", "has", "had", "have",
    "said", "says", "told", "asked", "saw", "seen", "her", "his", "their", "him", "she",
    "he", "they", "who", "which", "that", "this", "not", "no", "will", "would", "can",
    "could", "should", "did", "does", "if", "when", "then", "so", "also", "today"})
# Of those, the words a sentence has and a signature line does not (`Sarah Kenworthy,
# Consultant in Elderly Medicine, on behalf of the team` has none): verbs and pronouns.
PROSE_WORDS = SENTENCE_WORDS - {"a", "an", "the", "and", "or", "but", "to", "of", "in", "on",
                                "at", "for", "with", "by", "from", "as"}
PROSE_MIN_WORDS = 2  # `I saw Mr Hartley today`; `Mr Hartley's wound is no better`
READER = "your"
# How far before a name a household phrase is read (`shares their home with Mrs`).
CO_RESIDENT_CHARS = 40
# A name's own identifier right after it (`Albert Jones (DOB ...)`, `, born ...`, `, NHS ...`).
OWN_IDENTIFIER = re.compile(r"[ \t]*[,(\-–]?[ \t]*(?:aged[ \t]+\d+[ \t,]*)?"
                            r"(?i:dob\b|d\.o\.b|born\b|date of birth|nhs\b)")
# Or a date in brackets right after it (`Mrs Edna Price (01/02/1940)`).
OWN_BRACKETED_DATE = re.compile(r"[ \t]*\([ \t]*\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}[ \t]*\)")
# A name whose own clause says they hold a key (`Ellie Mensah at 97 Victoria Road holds a
# key`, `Tom Hirst, who lives opposite, has a spare key`): a key holder, related.
HOLDS_A_KEY = re.compile(
    r"^[ ]*(?:(?:at|of|from)(?:[ ](?:no|number|flat))?[ ]\d+(?:[ ][a-z]+){0,3}[ ]"
    r"|(?:who[ ])?(?:lives[ ])?(?:next[ ]door|opposite|over[ ]the[ ]road|across[ ]the[ ]road"
    r"|upstairs|downstairs)[ ])?(?:also[ ])?(?:holds|has|keeps|is[ ]holding)"
    r"(?:[ ](?:a|the|one|both))?(?:[ ]spare)?(?:[ ]set[ ]of)?[ ](?:keys?|spare)\b"
    r"(?![ ](?:workers?|safes?|codes?|points|findings|stage|contacts?|issues?|box|boxes)\b)")
# A line that opens with only `and`, `&` or a comma before a name: the line above wrapped
# between two coordinated names (`coordinated_role`).
WRAPPED_COORDINATOR = re.compile(r"[^\S\n]*(?:and|&|,)[^\S\n]+")
# A full name and `and`, `&` or a comma right before another name (`coordinated_role`).
COORDINATED = re.compile(r"(?P<name>(?:[A-Z][\w'\u2019-]+[^\S\n]+){1,3}[A-Z][\w'\u2019-]+)"
                         r"[^\S\n]*(?:,|&|\band\b)[^\S\n]*$")
# `Signed for by`: the one who received a thing and signed for it (the patient, a
# relative), never its doer as `<done> by` is.
RECEIVER_ENDING = ("for", "by")
AFFILIATION_STARTS = frozenset({"from", "of"})
# A copula right between a role phrase and a name equates them (`My LD nurse is Kemi
# Adebayo`, `Her main carer was Joan Pike`): the phrase is the name's, not a doer's.
EQUATING = frozenset({"is", "was"})
# `my sister`, `her sister`: the relation, never the nurse's title (`RoleRules.kin_before`).
KIN_POSSESSIVES = frozenset({"my", "his", "her", "their", "your", "our"})
# Team words that name a place a patient is seen at, too (`Mrs Jones at the surgery`, `at
# the vaccination hub`): `at` before them says nothing; before any other (`Marek Griffiths
# at the council`, `at the office`) it says where the person works.
ATTENDED_PLACES = frozenset({"practice", "surgery", "department", "dept", "hub"})
AT = "at"
# Job words that are surnames too (`John Porter`, `Minnie Driver`): a name ending in one
# is a name (`RoleRules.job_title`).
SURNAME_JOBS = frozenset({"porter", "warden", "driver", "clerk", "chaplain", "carer", "mentor",
                          "broker", "deputy", "engineer", "lead", "chair", "taker", "student",
                          "surgeon", "advocate", "doctor", "handler", "inspector", "director",
                          "matron", "secretary", "trainee", "dispatcher", "reviewer",
                          "housekeeper", "commissioner", "courier", "installer"})
# `is also on our list`: a relative who is a patient too (`RoleRules.also_subject`).
COPULAS = frozenset({"is", "was", "who", "s"})
CASELOADS = frozenset({"list", "caseload", "books", "ward", "round", "register", "lists"})
# Words of a time or date between `<done>` and `by` (`seen on 11 Oct at 14:00 by`).
WHEN_WORDS = frozenset({"on", "at", "am", "pm", "hrs", "today", "yesterday", "jan", "feb",
                        "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
                        "dec", "january", "february", "march", "april", "june", "july",
                        "august", "september", "october", "november", "december", "th", "st",
                        "nd", "rd"})
AFFILIATION_WORDS = 5  # `from the Harrowfield district nursing team`
ARTICLES = frozenset({"the", "a", "an", "her", "his", "their"})
# The role HL7 v2 gives the person-name fields of a segment; a name field of any other
# segment names a clinician or an operator. A guarantor or insured who is the patient is
# the patient's own name in that record (`Person.related_names` leaves it out).
# Segments that are a staff member's own record (HL7 v2 master files: staff, practitioner).
HL7_STAFF_RECORDS = frozenset({"STF", "PRA"})
HL7_ROLES = {"PID": SUBJECT, "MRG": SUBJECT, "NK1": RELATED, "GT1": RELATED, "IN1": RELATED}
# A person-name field as `phiscan.extract.hl7` names it: `PV1-7 attending_doctor_name`.
_HL7_NAME_FIELD = re.compile(r"([A-Z][A-Z0-9]{2})-\d+ \w+_name$")
_HL7_FIELD = re.compile(r"([A-Z][A-Z0-9]{2})-\d+\b")
# Free text in a raw segment (HL7 pasted into a text): its names are read like any text.
HL7_RAW_TEXT_FIELDS = frozenset({("OBX", 5), ("NTE", 3)})
FHIR_ROLES = {"practitioner": STAFF, "practitioner role": STAFF, "related person": RELATED,
              "patient": SUBJECT, "person": SUBJECT}


@dataclass(frozen=True)
class JobWords:
    """Job titles as a class, not a list: a word that heads a job title (`nurse`,
    `officer`, `lead`: `tissue viability nurse`, `housing officer`, `safeguarding lead`),
    a word with a job's ending (`-ologist`, `-ician`, `-apist`: `podiatrist`,
    `paediatrician`, `radiographer`), a pay band (`band 6`), or an action done by
    someone (`handed over by`, `countersigned by`: a word ending `-ed`/`-en` before
    `by`)."""

    heads: frozenset[str]
    endings: tuple[str, ...]
    participles: frozenset[str] = frozenset()  # `done by`, `led by`: no -ed, no -en

    def is_job(self, word: str) -> bool:
        return word in self.heads or (len(word) > 6 and word.endswith(self.endings))

    def ends_phrase(self, words: list[str], end: int) -> bool:
        """A job word, or `<done> by`, ends words[:end]."""
        last = words[end - 1]
        if last == "by":
            return end >= 2 and (words[end - 2].endswith(("ed", "en"))
                                 or words[end - 2] in self.participles)
        if end >= 2 and words[end - 2] == "band" and last.isdigit():
            return True
        return self.is_job(last)


# A sentence's end before a name on its line: a word in lower case of three letters or more
# and its stop (`DVLA informed by patient. Sanjay Patel (son-in-law) present`); a title's or
# a label's abbreviation (`Dr.`, `Pt.`, `Re.`, `D.O.B.`) ends no sentence, nor does a
# lower-case one (`her nephew, tel. Sanjay Patel`, `district nurse resp. Sanjay Patel`).
SENTENCE_BEFORE = re.compile(r"(?<![\w.])([^\W\d_]{3,})[.!?](?=[ \t])")
LOWER_CASE_ABBREVIATIONS = frozenset({"approx", "resp", "tel", "mob", "incl", "excl", "etc",
                                      "esp", "ext"})


def in_own_sentence(before: str) -> str:
    """The part of the text before a name that lies in the name's own sentence."""
    ends = [match.end() for match in SENTENCE_BEFORE.finditer(before) if match[1].islower()
            and not (match[0].endswith(".") and match[1] in LOWER_CASE_ABBREVIATIONS)]
    return before[ends[-1]:] if ends else before


def sentence_label(text: str, start: int, label: str) -> str:
    """The label words before a name, read in the name's own sentence only: a role word
    ending the sentence before (`informed by patient.`) is that sentence's, never the
    name's."""
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    before = text[max(line_start, start - 100):start]
    own = in_own_sentence(before)
    if own is before:
        return label
    words = normalise_words(own).split()
    return normalise_words(" ".join(words[-LABEL_WORDS:])) if words else " "


def wrapped_label(text: str, start: int) -> str:
    """The last words of the line above a name that opens its line, when the sentence runs
    on over the break (a line of prose, `WRAPPED_MIN_WORDS` words or more, ending in a word in
    lower case: `He lives with his mother and his brother` then `Finn Brannigan (born ...)`):
    prose wrapped at a fixed width puts a name's role word on the line before it. '' otherwise
    (a heading such as `Community matron caseload`, a label line, a sentence's end). Only a
    role phrase ending that line gives the name its role (`RoleRules.role_of`)."""
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    if text[line_start:start].strip() or line_start == 0:
        return ""
    previous = text[max(0, line_start - WRAP_REACH):line_start].rstrip("\r\n")
    previous = previous[max(previous.rfind("\n"), previous.rfind("\r")) + 1:]
    words = normalise_words(previous).split()
    # (a table row pasted as text, its cells parted by tabs or bars, is no wrapped prose:
    # `Mirza, Abdul<TAB>...<TAB>code with the admin team` over `Bains, Gurdev<TAB>...`)
    if (not previous or not previous[-1].islower() or len(words) < WRAPPED_MIN_WORDS
            or "\t" in previous or "|" in previous):
        return ""
    return normalise_words(" ".join(words[-LABEL_WORDS:]))


@dataclass(frozen=True)
class RoleRules:
    phrases: dict[tuple[str, ...], str]  # role words (subject, staff, related)
    staff_fields: frozenset[str]
    staff_titles: frozenset[str]
    signatures: tuple[str, ...]
    jobs: JobWords = JobWords(frozenset(), ())
    role_fields: frozenset[str] = frozenset()
    household: tuple[str, ...] = ()  # `lives with`: two people of one home
    # `carer s assessment` -> related: a thing done for a person (`recipient_role`)
    received: dict[tuple[str, ...], str] = dataclasses.field(default_factory=dict)
    linking: frozenset[str] = frozenset()  # `was`, `offered`, `to`: between a thing and a name
    topics: frozenset[str] = frozenset()  # `re`, `regarding`: mark the name after, never before
    verbs: frozenset[str] = frozenset()  # `found`, `took`: a role phrase before them is a doer
    related_after: frozenset[str] = frozenset()  # `(sister)`: a relation after, a title before
    teams: frozenset[str] = frozenset()  # `from the district nursing team`: staff
    relation_fields: frozenset[str] = frozenset()  # `Relationship`: role fields about kin
    # `home shared with`: the name after lives in the note's home (`co_resident`)
    co_residents: tuple[tuple[str, ...], ...] = ()
    # `passed to`, `spoke to`: staff before a name only (`transfer_to`)
    transfers: frozenset[tuple[str, ...]] = frozenset()
    # `legal name`, `registered as`: the name after is the person's legal one (`legal_name`)
    legal: frozenset[tuple[str, ...]] = frozenset()

    @classmethod
    def load(cls, path: Path = ROLES_FILE) -> RoleRules:
        sections = {name: [normalise_words(entry).strip() for entry in entries]
                    for name, entries in read_classes(path).items()}
        phrases = {tuple(phrase.split()): role for role in ROLES
                   for phrase in sections.get(role, [])}
        transfers = frozenset(tuple(phrase.split())
                              for phrase in sections.get(TRANSFER_SECTION, []))
        phrases.update(dict.fromkeys(transfers, STAFF))
        jobs = JobWords(frozenset(sections.get("job heads", [])),
                        tuple(sections.get("job endings", [])),
                        frozenset(sections.get("participles", [])))
        received = {tuple(phrase.split()): role for role in ROLES
                    for phrase in sections.get(f"received {role}", [])}
        return cls(phrases, frozenset(sections.get("staff fields", [])),
                   frozenset(sections.get("staff titles", [])),
                   tuple(sections.get("signature", [])), jobs,
                   frozenset(sections.get("role fields", []))
                   | frozenset(sections.get("relation fields", [])),
                   tuple(f" {phrase} " for phrase in sections.get("household", [])),
                   received, frozenset(sections.get("linking words", [])),
                   frozenset(sections.get("topic words", [])),
                   frozenset(sections.get("doer verbs", [])),
                   frozenset(sections.get("related after a name", [])),
                   frozenset(sections.get("team words", [])),
                   frozenset(sections.get("relation fields", [])),
                   co_residents=tuple(tuple(phrase.split()) for phrase in sections.get(
                       "household before a name", [])),
                   transfers=transfers,
                   legal=frozenset(tuple(phrase.split())
                                   for phrase in sections.get(LEGAL_SECTION, [])))

    @cached_property
    def phrase_words(self) -> frozenset[str]:
        return frozenset(word for phrase in self.phrases for word in phrase)

    def phrase_ending(self, words: list[str], end: int) -> str | None:
        """The role of the longest phrase ending at words[end - 1]; else staff when a job
        word ends there (a listed phrase wins: `family carer` is related)."""
        for length in range(min(MAX_PHRASE_WORDS, end), 0, -1):
            role = self.phrases.get(tuple(words[end - length:end]))
            if role is not None:
                return role
        last = words[end - 1]
        # `carers`, `nurses`, `daughters`; an abbreviation's plural too (`PAs: ...`,
        # `GPs`): a listed phrase only, a job word's plural from four letters
        if len(last) > 2 and last.endswith("s"):
            singular = [*words[max(0, end - MAX_PHRASE_WORDS):end - 1], last[:-1]]
            for length in range(len(singular), 0, -1):
                role = self.phrases.get(tuple(singular[-length:]))
                if role is not None:
                    return role
            if len(last) > 3 and self.jobs.is_job(last[:-1]):
                return STAFF
        return STAFF if self.jobs.ends_phrase(words, end) else None

    def rightmost(self, normalised: str, prose: bool = False) -> str | None:
        """The role of the last role phrase in these words (the longest one ending there).
        The reader's relation (`Re: your mother, ...`) gives way to a phrase before it.
        In prose, a verb between the phrase and the name makes the phrase its doer and the
        name its object (`Carer found Mrs Jones`, `District nurse visited ...`, `Daughter
        took ...`, `Son and Mrs Jones`): no role from it.
        `Signed for by:` names whoever received a thing (the patient, a relative): no role."""
        words = normalised.split()
        if words[-2:] == list(RECEIVER_ENDING):
            return None
        return self._rightmost(words, prose)

    def _rightmost(self, words: list[str], prose: bool) -> str | None:
        if len(words) > 1 and words[-1] == "of" and self.phrase_ending(
                words, len(words) - 1) == RELATED:
            return SUBJECT  # `Parent/carer of Amelia Kershaw`: whom the relation is to
        if prose and len(words) > 1 and words[-1] in EQUATING:
            role = self.phrase_ending(words, len(words) - 1)
            if role is not None:
                return role  # `My LD nurse is Kemi Adebayo`: the phrase names the person
        end, fallback = len(words), None
        while end > 0:
            role = self.phrase_ending(words, end)
            reader = self.reader_before(words, end) if role == RELATED else None
            if reader is None:
                if role is not None:
                    return role
                if prose and self.is_verb(words[end - 1]):
                    return fallback
                end -= 1
            else:
                fallback, end = fallback or role, reader
        return fallback

    def is_verb(self, word: str) -> bool:
        """A word that makes a role phrase before it a doer (`[doer verbs]`, a participle,
        a word ending `-ed`)."""
        return (word in self.verbs or word in self.jobs.participles
                or (len(word) > 3 and word.endswith("ed")))

    def reader_before(self, words: list[str], end: int) -> int | None:
        """Where `your` stands just before a phrase ending at words[end - 1], if it does."""
        for index in range(end - 2, max(-1, end - MAX_PHRASE_WORDS - 2), -1):
            if words[index] == READER:
                return index
        return None

    def also_subject(self, apposition: str) -> bool:
        """`also a tenant`, `(also a patient)`, `is also on our list` right after a name: a
        relative who is a subject too (a couple who are both tenants or patients), whatever
        the relation before it."""
        words = apposition.split()
        while words[:1] and words[0] in COPULAS:  # `Geoffrey Kaye is also on our list`
            words = words[1:]
        if words[:1] != ["also"]:
            return False
        rest = [word for word in words[1:3] if word not in ARTICLES] + words[3:]
        if rest[:1] == ["on"] and any(word in CASELOADS for word in rest[1:3]):
            return True  # `also on our list`, `also on the caseload`, `also on our books`
        return self.first(" ".join(rest)) == SUBJECT

    def job_line_below(self, text: str, start: int, end: int) -> bool:
        """A name alone on its line with a job title on the next (`Jason Pell` over
        `Careline Operator`): a signature written without a closing line."""
        line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
        line_end = text.find("\n", end)
        if line_end == -1 or text[line_start:start].strip() or text[end:line_end].strip(" ,\r"):
            return False
        next_end = text.find("\n", line_end + 1)
        words = normalise_words(text[line_end + 1:len(text) if next_end == -1 else next_end]
                                ).split()
        return 0 < len(words) <= MAX_PHRASE_WORDS and (
            self.phrase_ending(words, len(words)) == STAFF)

    def first(self, normalised: str) -> str | None:
        """The role of a phrase at the start of these words (`(daughter)`, `, carer`), or
        of a job title there (`, tissue viability nurse`; no common word before the job
        word: `said the nurse` is not one)."""
        words = normalised.split()
        if words and words[0] in self.topics:  # `Spoke with Jane Doe re equipment`
            return None
        if words and words[0] in self.related_after:  # `Jean Pritchard (sister)`
            return RELATED
        for length in range(min(AFTER_WORDS, len(words)), 0, -1):
            phrase = tuple(words[:length])
            role = self.phrases.get(phrase)
            if role is not None and phrase not in self.transfers:
                return role
        for word in words[:AFTER_JOB_WORDS]:
            if self.jobs.is_job(word) or (
                    self.phrases.get((word,)) == STAFF and (word,) not in self.transfers):
                return STAFF
            if word in SENTENCE_WORDS or word in self.phrase_words:
                return None
        return None

    def dated_doer(self, text: str, start: int) -> bool:
        """`Last seen 11/10/2026 by Joel Trelawney`, `visited on 3 March at 14:00 by`: a
        `<done> by` with the when between the participle and `by` names the doer, as
        `seen by` does."""
        line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
        words = normalise_words(text[max(line_start, start - 80):start]).split()
        if len(words) < 3 or words[-1] != "by":
            return False
        at = len(words) - 2
        while at >= 0 and (words[at].isdigit() or words[at] in WHEN_WORDS):
            at -= 1
        return 0 <= at < len(words) - 2 and self.jobs.ends_phrase([*words[:at + 1], "by"], at + 2)

    def plural_subjects(self, field: str) -> bool:
        """A label naming several subjects (`Residents:`, `Clients:`, `Patients:`): a
        relation word inside its value joins a couple who are both subjects (`and his wife
        Mrs Joan Pike`), never a relative of the first."""
        words = field.split()
        if not words or len(words[-1]) < 4 or not words[-1].endswith("s"):
            return False
        return self.phrase_ending([*words[:-1], words[-1][:-1]], len(words)) == SUBJECT

    def affiliated(self, normalised: str) -> bool:
        """`from the district nursing team`, `of Beacon Telecare control room`, `of the
        surgery`: where the named person works, so staff. `at` only before a place no
        patient is seen at (`Marek Griffiths at the council`, `at the office`; never `at the
        surgery`: `ATTENDED_PLACES`). Up to `AFFILIATION_WORDS` words (the team's name)
        between the preposition and a team word (`[team words]`)."""
        words = normalised.split()
        if not words or words[0] not in AFFILIATION_STARTS | {AT} or not self.teams:
            return False
        for word in words[1:1 + AFFILIATION_WORDS]:
            if word in self.teams:
                return words[0] != AT or word not in ATTENDED_PLACES
            if word in SENTENCE_WORDS - ARTICLES:
                return False
        return False

    def readers_relative(self, normalised: str) -> bool:
        """Whether the last role phrase is the reader's relation (`Re: your mother, Mrs
        Edna Price`, `Re: your relative, Miss ...`): in a letter to a relative that names
        the letter's subject, so a label before it (`Re:`) says more."""
        words = normalised.split()
        for end in range(len(words), 0, -1):
            if self.phrase_ending(words, end) is not None:
                return self.reader_before(words, end) is not None
        return False

    def field_role(self, field: str) -> str | None:
        """The role a field's name gives its value; a label naming several subjects
        (`Tenants`, `Residents`: `plural_subjects`) gives each name of its list theirs."""
        if field.strip() in self.staff_fields:
            return STAFF
        role = self.rightmost(field)
        return SUBJECT if role is None and self.plural_subjects(field) else role

    def value_role(self, field: str | None, where: str = "") -> str:
        """`related` for a value a related person's own field holds (a `contact_dob` or
        `next_of_kin_phone` column, an NK1/GT1/IN1 field, a FHIR RelatedPerson), `staff` for
        one of a staff member's own record (a FHIR Practitioner's `birthDate`, an HL7 STF
        segment), so the record's subject never takes it and it makes no possible person;
        '' otherwise (a row's values are its person's). A column named for a staff member
        holds theirs too (`Carer DOB`, `Referrer phone`, `gp_postcode`): never the row's
        person's, whoever the carer is."""
        if field:
            role = self._column_fact(self._value_field_cache, field, self._field_value_role)
            if role:
                return role
        resource = fhir_role(where) if where else None
        return resource if resource in NOT_SUBJECT else UNMARKED

    def _field_value_role(self, field: str) -> str:
        segment = _HL7_FIELD.match(field)
        if segment is not None:
            if HL7_ROLES.get(segment.group(1)) == RELATED:
                return RELATED
            return STAFF if field[:3] in HL7_STAFF_RECORDS else UNMARKED
        role = self.field_role(normalise_words(field))
        return role if role in NOT_SUBJECT else UNMARKED

    def legal_name(self, text: str, start: int, field: str | None) -> bool:
        """Whether the words just before a name on its line end with a `[legal name]` phrase
        (`(legal name Hamza McCarthy)`, `Registered as: ...`), or its field's name holds one
        (`student.legalName.first`, `Legal surname`): the person's legal name."""
        line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
        words = normalise_words(text[max(line_start, start - 40):start]).split()
        if any(tuple(words[len(words) - len(phrase):]) == phrase for phrase in self.legal
               if len(words) >= len(phrase)):
            return True
        if not field:
            return False
        named = normalise_words(field).split()
        return any(tuple(named[index:index + len(phrase)]) == phrase for phrase in self.legal
                   for index in range(len(named)))

    def is_role_field(self, field: str) -> bool:
        """A `Designation`, `Role` or `Relationship` column (`[role fields]`)."""
        return self._column_fact(self._role_field_cache, field,
                                 lambda name: normalise_words(name).strip() in self.role_fields)

    @staticmethod
    def _column_fact(cache: dict, field: str, decide: Callable[[str], object]):
        """A fact about a column name, remembered (bounded): every row of an extract asks it
        of the same few names."""
        known = cache.get(field)
        if known is None:
            if len(cache) >= ROLE_FIELD_CACHE:
                cache.clear()
            known = cache[field] = decide(field)
        return known

    @cached_property
    def _role_field_cache(self) -> dict[str, bool]:
        return {}

    @cached_property
    def _value_field_cache(self) -> dict[str, str]:
        return {}

    def row_role(self, cells: Iterable[tuple[str, str]]) -> str | None:
        """The role a record's cells give its person: a `Designation`, `Role` or
        `Relationship` cell (`[role fields]`) whose whole value is a role phrase or a job
        title (`Community Staff Nurse`, `Daughter`, `Social worker`; a few words, no
        digits). None when no such cell says, or two say different things."""
        found = set()
        for field, value in cells:
            if not self.is_role_field(field):
                continue
            words = normalise_words(value).split()
            if not words or len(words) > MAX_ROLE_VALUE_WORDS or any(w.isdigit() for w in words):
                continue
            role = self.phrase_ending(words, len(words))
            if words[0] in self.related_after and normalise_words(field).strip() in (
                    self.relation_fields):
                role = RELATED  # `Relationship: Sister`, as `Iris Shackleton (sister)`
            if role is not None:
                found.add(role)
        return found.pop() if len(found) == 1 else None

    def titled(self, text: str, start: int, end: int) -> bool:
        """`Dr Anna Hughes` (title inside the match) or `Nurse` right before it; or a job
        word NER took into a full name (`Volunteer Aisha Karim`, `Driver Wayne Pickup`: a
        job word and two words more, no comma: `Porter, John` is a surname)."""
        words = normalise_words(text[start:end]).split()
        before = normalise_words(in_own_sentence(text[max(0, start - 20):start])).split()[-1:]
        if any(word in self.staff_titles for word in words[:1] + before):
            return True
        if (len(words) >= 3 and "," not in text[start:end]
                and (self.jobs.is_job(words[0]) or self.phrases.get(tuple(words[:1])) == STAFF)):
            return True
        if (len(words) >= 3 and text[start:end].rstrip().endswith(")")
                and self.jobs.is_job(words[-1])):
            return True  # `Zofia Ferris (Driver), DOB ...`: a job in brackets, never a surname
        return self.job_title(words)

    def transfer_to(self, normalised: str) -> bool:
        """Whether these words (before a name) end with a hand-over, referral, report or
        contact verb (`[staff after a hand-over]`: `passed to`, `Referred on to`, `spoke
        with`), a title after it allowed (`passed to Mrs`)."""
        words = normalised.split()
        while words and is_title(words[-1]):
            words.pop()
        return any(tuple(words[-length:]) in self.transfers
                   for length in range(1, min(MAX_PHRASE_WORDS, len(words)) + 1))

    def co_resident(self, text: str, start: int, end: int) -> bool:
        """A name right after a household phrase (`(home shared with Aoife Doherty) key safe
        ...`, `lives with Mr Owen Tierney`): someone living in the home of the person the
        note is about, a related person of theirs (`phiscan.scoping.linkage.share_homes`
        gives both the home's way in when both are people of the breach at one postcode).
        Not when the name's own identifier follows (`lives with Albert Jones (DOB ...)`: a
        person of the entry, `phiscan.detect.records.EntryNames.lives_with`)."""
        line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
        words = normalise_words(text[max(line_start, start - CO_RESIDENT_CHARS):start]).split()
        while words and is_title(words[-1]):
            words.pop()
        return any(tuple(words[-len(phrase):]) == phrase for phrase in self.co_residents
                   ) and OWN_IDENTIFIER.match(text, end) is None

    def kin_before(self, text: str, start: int) -> bool:
        """`my sister Ruth Okafor`, `her sister Jean`: a word that is a relation after a name
        and a title before one (`[related after a name]`: `Sister Mary Jones` is a nurse)
        is the relation when a possessive stands before it."""
        before = normalise_words(text[max(0, start - KIN_BEFORE_CHARS):start]).split()[-2:]
        return (len(before) == 2 and before[0] in KIN_POSSESSIVES
                and before[1] in self.related_after)

    def team_in_brackets(self, text: str, start: int) -> bool:
        """A name in brackets right after a team's name (`transport office (Tracey
        Tennant)`, `the community LD team (Kemi Adebayo)`): whom to ask there, staff."""
        head = text[max(0, start - 60):start]
        if not head.rstrip(" \t").endswith("("):
            return False
        words = normalise_words(head[:head.rstrip(" \t").rfind("(")]).split()
        return bool(words) and words[-1] in self.teams

    def job_title(self, words: list[str]) -> bool:
        """A job title NER read as a name (`Volunteer Coordinator` under a signature,
        `Consultant Geriatrician` in a cc list): every word a job word, or the last one a
        job word no surname is (`Admiral Nurse`, `Ward Clerk` are titles; `John Porter`
        is a name)."""
        if len(words) < 2 or "," in words:
            return False
        if all(self.jobs.is_job(word) for word in words):
            return True
        return self.jobs.is_job(words[-1]) and words[-1] not in SURNAME_JOBS

    def signed(self, text: str, start: int, end: int) -> bool:
        """A name on one of the few lines below a closing line (`Yours sincerely`, `Kind
        regards, Jane`). A closing line that holds its own signature (`signed Jamal
        Wisniewski` under a visit in a log) signs itself, never the next patient's line;
        a name in a sentence signs nothing: `Thanks again.` opening an e-mail is no
        closing line for `Mr Hartley (DOB ...) needs his dressing changed tomorrow`."""
        if in_prose(text, start, end):
            return False
        line_start = text.rfind("\n", 0, start) + 1
        lines = text[max(0, line_start - 400):line_start].splitlines()[-SIGNATURE_LINES:]
        return any(self.closes(normalise_words(line).strip()) for line in lines if line.strip())

    def closes(self, words: str) -> bool:
        """A closing line whose signature is below it: the phrase and one word at most."""
        return any(words.startswith(phrase) and len(words[len(phrase):].split()) <= 1
                   for phrase in self.signatures)

    def role_of(self, text: str, start: int, end: int, where: str = "",
                field: str | None = None) -> str:
        """A name's role (subject, staff, related) from the text around it, else its FHIR
        resource's."""
        return self.own_role(text, start, end, field) or fhir_role(where) or UNMARKED

    def own_role(self, text: str, start: int, end: int, field: str | None) -> str | None:
        """The role the text around a name gives it. For a name in the value of a `name:
        value` line with a field name, that reads nothing but its line and the words just
        before it (`line_role`, then `wider_role`), so it is remembered per line
        (`LineRoles`) when those words lie in the line too (`reads_own_line`): a column's
        staff and relatives recur in row after row."""
        if team_sign_off(text, start, end):
            return STAFF
        key = self._line_roles.key(text, start, end, field)
        if key is not None and (known := self._line_roles.get(key)) is not None:
            return known or None
        context = context_of(text, start, end)
        role = self.line_role(text, start, end, context, field)
        if role is None:
            role = self.wider_role(text, start, end, context)
            if key is not None and not self.reads_own_line(text, start):
                return role
        if key is not None:
            self._line_roles.put(key, role or "")
        return role

    def reads_own_line(self, text: str, start: int) -> bool:
        """Whether the words `kin_before` and `titled` read before a name in a field line's
        value decide the same in any text holding that line: their window lies in the
        line, or the line holds the two words `kin_before` reads, or one that is no
        relation (then the word before it cannot make one). `titled` reads one word,
        which the line always holds (its field name)."""
        line_start = text.rfind("\n", 0, start) + 1
        if start - KIN_BEFORE_CHARS >= line_start:
            return True
        words = normalise_words(text[line_start:start]).split()
        return len(words) >= 2 or (len(words) == 1 and words[0] not in self.related_after)

    @cached_property
    def _line_roles(self) -> LineRoles:
        return LineRoles()

    def line_role(self, text: str, start: int, end: int, context: MatchContext,
                  field: str | None) -> str | None:
        """The role a name's own line gives it: an HL7 name field's, its label's or field's,
        a list's heading, its apposition. For a name in a field line's value
        (`line_value_start`) this reads nothing but that line (`context_of` reads it alone,
        `list_heading`, `own_apposition` and `line_after` stop at its ends)."""
        segment = hl7_name_segment(context.hl7_segment, context.hl7_field, field or "")
        if segment:
            return HL7_ROLES.get(segment, STAFF)
        label = context.label
        if not label.strip() and not context.field.strip():
            label = wrapped_label(text, start)
            words = label.split()
            role = self.phrase_ending(words, len(words)) if words else None
        else:
            label = sentence_label(text, start, label)
            role = self.rightmost(label, prose=not context.field.strip())
        if role == RELATED and self.readers_relative(label):
            role = self.field_role(context.field) or role
        if role == STAFF and self.transfer_to(label) and own_identifier(text, end):
            role = None  # `Spoke to Mrs Edna Price (DOB ...)`: the entry's own person
        if role == RELATED and self.plural_subjects(context.field):
            role = SUBJECT  # `Residents: Mr Harold Pike (...) and his wife Mrs Joan Pike (...)`
        if role is not None and (heading := self.list_heading(text, start)) is not None:
            role = (self.first(own_apposition(text, end, context.after))
                    or self.rightmost(normalise_words(heading)))
        if role is None and self.co_resident(text, start, end):
            role = RELATED  # `Access: (home shared with Aoife Doherty) key safe ...`
        if role is None:
            field_words = context.field if context.field.strip() else normalise_words(field or "")
            role = self.field_role(field_words)
        apposition = own_apposition(text, end, context.after)
        if role == STAFF and self.first(apposition) == RELATED:
            role = RELATED  # `cc: Joanne Brannigan (parent)`, `Present: ... (son)`
        if role == RELATED and self.also_subject(own_apposition(text, end, line_after(text, end))):
            role = SUBJECT  # `Her husband Walter Cowgill, also a tenant (DOB ...)`
        return role

    def wider_role(self, text: str, start: int, end: int, context: MatchContext) -> str | None:
        """The role of a name its own line gives none (`line_role`): from the words before
        it (a relation, a title, a team, a dated deed), the line below (a job title), its
        apposition or affiliation; and in prose, a coordinated name's, a recipient's or a
        signature's."""
        role = None
        if self.kin_before(text, start):
            role = RELATED  # `My sister Ruth Okafor`: a relation, never the title `Sister`
        if role is None and self.titled(text, start, end):
            role = STAFF
        if role is None and self.team_in_brackets(text, start):
            role = STAFF  # `Questions: transport office (Tracey Tennant), 07700 ...`
        if role is None and self.job_line_below(text, start, end):
            role = STAFF
        if role is None and self.dated_doer(text, start):
            role = STAFF
        if role is None and not possessive(text, start, end):
            apposition = own_apposition(text, end, context.after)
            if not (self.titles_text(text, start, end, apposition)
                    or self.visit_entry(text, end)):
                role = self.first(apposition)
            if role is None and HOLDS_A_KEY.match(
                    own_apposition(text, end, line_after(text, end))):
                role = RELATED  # `Ellie Mensah at 97 Victoria Road holds a key`
            if role is None and self.affiliated(line_after(text, end)):
                role = STAFF
        if role is None and not context.field.strip():
            role = self.coordinated_role(text, start)
        if role is None and not context.field.strip():
            role = self.recipient_role(text, start, end)
        if role is None and not context.field.strip() and self.signed(text, start, end):
            role = STAFF
        return role


    def visit_entry(self, text: str, end: int) -> bool:
        """Whether a name heads an entry telling a visit to them (`Mrs Booth: contractor in
        for level-access shower`, `Mr Hale - carer visited`): a job, then a doer verb or a
        visit word."""
        if NAME_THEN_ENTRY.match(text, end) is None:
            return False
        # (the entry's first phrase: `Sam Oduya: carer, visits Mon-Fri` is a carer who visits)
        words = normalise_words(ENTRY_PHRASE.match(text, end).group()).split()
        for index, word in enumerate(words[:VISIT_JOB_WORDS]):
            if self.jobs.is_job(word) or self.phrases.get((word,)) == STAFF:
                after = words[index + 1:index + 3]
                if after[:1] == ["to"]:  # `DN to visit pm`, never `carer to Mrs Jones`
                    after = after[1:]
                return bool(after) and (after[0] in VISIT_WORDS or self.is_verb(after[0]))
        return False

    def titles_text(self, text: str, start: int, end: int, apposition: str) -> bool:
        """Whether a name opens the text's first line before a dash and what the text is
        (`OKONJO Chidinma - disability adviser home visit`): the words after the dash
        describe the note, not the person, unless they end in a job (`Jane SMITH - Senior
        Case Manager`)."""
        words = apposition.split()
        return bool(words) and not text[:start].strip() and TITLE_DASH.match(
            text, end) is not None and not (self.jobs.is_job(words[-1]) or self.phrases.get(
                (words[-1],)) == STAFF)

    def coordinated_role(self, text: str, start: int) -> str | None:
        """The role a phrase gives the full name just before this one, when only `and`, `&`
        or a comma stands between (`delivered and fitted by Yvonne Cartwright and Imran
        Duckworth`, `Carers: Jane Doe, Amy Blake`): a phrase before two coordinated names
        is both names'. Only a phrase before the first name counts, never its own title or
        apposition (`Dr Amy Blake and Mrs Joan Hill`: the second is no doctor)."""
        line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
        if WRAPPED_COORDINATOR.fullmatch(text, line_start, start) and line_start > 0:
            # `Parents (Lorraine Farrimond` / `and Marius Cartwright)`: a line wrapped
            # between the two names is read as one line
            line_start = max(text.rfind("\n", 0, line_start - 1),
                             text.rfind("\r", 0, line_start - 1)) + 1
        window = text[max(line_start, start - 120):start]
        before = COORDINATED.search(window.replace("\r", " ").replace("\n", " "))
        if before is None:
            return None
        first = start - len(before.group()) + before.start("name") - before.start()
        label = context_of(text, first, first + len(before.group("name"))).label
        return self.rightmost(label, prose=True) if label.strip() else None

    def recipient_role(self, text: str, start: int, end: int) -> str | None:
        """The role of a name a thing is done to or for, earlier in its clause: `Carer's
        assessment offered to Shanti Eastwood` (an unpaid carer's: related), `Supervision
        held with Jane Doe` (staff's). Only things are listed (`[received ...]`): a person
        word before a verb is its doer (`Daughter arranged for Mrs Jones to ...`). Between
        the thing and the name stand only linking words (`was`, a participle, `to`), in
        lower case; a possessive after the name (`Mrs Jones's daughter`) is someone else."""
        if not self.received or possessive(text, start, end):
            return None
        clause = CLAUSE_START.split(text[max(0, start - CLAUSE_CHARS):start])[-1]
        words = [match.group() for match in WORD.finditer(clause)]
        if words and is_title(words[-1]):  # `offered to Mrs Eastwood`
            words.pop()
        end_at = len(words)
        while True:
            lowered = [word.lower() for word in words[max(0, end_at - MAX_PHRASE_WORDS):end_at]]
            for length in range(len(lowered), 0, -1):
                role = self.received.get(tuple(lowered[-length:]))
                if role is not None:
                    return role
            if end_at == 0 or len(words) - end_at >= MAX_LINKING_WORDS:
                return None
            word = words[end_at - 1]
            if word != word.lower() or not self.links(word):
                return None
            end_at -= 1

    def links(self, word: str) -> bool:
        """A linking word: listed (`was`, `to`, `for`), or a participle (`offered`, `given`)."""
        return (word in self.linking or word in self.jobs.participles
                or (len(word) > 3 and word.endswith(("ed", "en"))))

    def forename_mark(self, text: str, forename: str, spans: list[tuple[int, int]]
                      ) -> str | None:
        """The one role (staff or related) a text gives a forename written alone (outside
        every name found): a role word right after it (`Shanti (daughter-in-law)`) or a
        role phrase right before it (`her son Eric`); None if none, or two."""
        found = set()
        for match in re.finditer(rf"(?<![\w'\u2019-]){re.escape(forename)}(?![\w'\u2019-])",
                                 text):
            start, end = match.span()
            if any(lo <= start < hi for lo, hi in spans):
                continue
            role = self.first(own_apposition(text, end, context_of(text, start, end).after))
            if role is None:
                line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
                words = normalise_words(text[max(line_start, start - 60):start]).split()
                if words and self.reader_before(words, len(words)) is None:
                    role = self.phrase_ending(words, len(words))
            if role is not None:
                found.add(role)
        return found.pop() if len(found) == 1 and found <= NOT_SUBJECT else None

    def list_heading(self, text: str, start: int) -> str | None:
        """When the label before a name belongs to an earlier item of a list on its line
        (`cc: UTTLEY, Pauline (patient); Derek Ashworth (husband)`: no role phrase between
        the last separator and the name), the list's heading (what precedes its first
        item's end: `Present: Jane Doe`); else None. The name's own apposition, then the
        heading, give its role, never an earlier item's apposition."""
        line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
        before = text[max(line_start, start - 200):start]
        cuts = [index for index, char in enumerate(before) if char in LIST_SEPARATORS]
        if not cuts or self.rightmost(normalise_words(before[cuts[-1] + 1:])) is not None:
            return None
        heading = before[:cuts[0]]
        opened = heading.rfind("(")
        # `cc: Mrs Winifred Stirk (patient); Priya Raman`: the first item's own apposition
        # is no part of the heading
        return heading[:opened] if before[cuts[0]] == ")" and opened != -1 else heading


# Short names joined by `+` (`Sharon B + Tony`, `Lorraine + Dave`): a forename, an initial at most.
_TEAM = re.compile(r"[A-Z][a-z'\-]+(?: [A-Z]\.?)?(?: \+ [A-Z][a-z'\-]+(?: [A-Z]\.?)?)+")


def team_sign_off(text: str, start: int, end: int) -> bool:
    """A line that is nothing but short names joined by `+` (`Sharon B + Tony` closing a
    visit in a responders' shift log): the team that went, staff, never one person; read
    as a name, it took the visit's client's date of birth and made a row of nobody."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:len(text) if line_end == -1 else line_end].strip()
    return "+" in text[start:end] and _TEAM.fullmatch(line) is not None


def in_prose(text: str, start: int, end: int) -> bool:
    """Whether the name's line, the name left out, is a sentence: it holds verbs and
    pronouns (`PROSE_WORDS`), as a signature line does not."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:start] + " " + text[end:len(text) if line_end == -1 else line_end]
    words = normalise_words(line).split()
    return sum(word in PROSE_WORDS for word in words) >= PROSE_MIN_WORDS


class LineRoles(KeyedMemory[str]):
    """The roles field lines gave their names (`RoleRules.line_role`), remembered per
    worker under a keyed digest of the line, the name's place in it and its field (no
    text kept), for a name in the value of a `name: value` line with a field name: there
    the role its line gives reads nothing else."""

    def __init__(self) -> None:
        super().__init__(LINE_ROLES)

    def key(self, text: str, start: int, end: int, field: str | None) -> bytes | None:
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line = text[line_start:len(text) if line_end == -1 else line_end]
        value_start = line_value_start(line)
        if (value_start is None or start - line_start < value_start
                or not (line_field(line) or "").strip()):
            return None
        return self.digest(f"{field or ''}\x1f{start - line_start}\x1f{end - line_start}"
                           f"\x1f{line}")


def own_identifier(text: str, end: int) -> bool:
    """A name's own identifier right after it (`Albert Jones (DOB ...)`, `, NHS ...`,
    `Mrs Edna Price (01/02/1940)`)."""
    return bool(OWN_IDENTIFIER.match(text, end) or OWN_BRACKETED_DATE.match(text, end))


def possessive(text: str, start: int, end: int) -> bool:
    """`Doreen Walsh's son`: the words after the name describe someone else."""
    return text.startswith(POSSESSIVE, end) or text.endswith(POSSESSIVE, start, end)


def line_after(text: str, end: int, chars: int = 80) -> str:
    """The normalised words after a name up to its line's end (at most `chars`)."""
    line_end = min(index for index in (text.find("\n", end), text.find("\r", end), len(text))
                   if index != -1)
    return normalise_words(text[end:min(line_end, end + chars)])


def own_apposition(text: str, end: int, after: str) -> str:
    """The words after a name that may describe it: up to the next list separator
    (`cc: Jane Doe; patient`: `patient` is the next item, not Jane Doe's role) or the end
    of its sentence (`CH Amy Blake. Pt WHITELEY, Edna`: `Pt` opens the next one)."""
    line_end = text.find("\n", end)
    rest = text[end:len(text) if line_end == -1 else line_end]
    sentence_end = SENTENCE_END.search(rest)
    cut = min((index for index in (rest.find(";"), rest.find("|"),
                                   sentence_end.start() if sentence_end else -1)
               if index != -1), default=-1)
    return after if cut == -1 else normalise_words(rest[:cut])


def spread_roles(findings: list[Finding]) -> list[Finding]:
    """A name a text marks as staff's or a related person's once keeps that role where the
    same text mentions it with no mark (`Present: Dr Tobias Lindqvist (CT2)`, then
    `Tobias Lindqvist to action` under a patient's entry; `Next of kin: Carol Wragg`,
    then `Carol Wragg visited`): one name, one role in one text. A name the text marks
    two ways (staff and subject) keeps each mention's own; a surname alone (`Mr Rushworth`)
    may be any of a family, so only full names spread."""
    marks: dict[str, set[str]] = {}
    for finding in findings:
        if (finding.entity_type == PERSON and finding.role != UNMARKED
                and is_full_name(finding.masked)):
            marks.setdefault(finding.value_hash, set()).add(finding.role)
    spread = {value_hash: next(iter(roles)) for value_hash, roles in marks.items()
              if len(roles) == 1 and SUBJECT not in roles}
    if not spread:
        return findings
    return [finding.but(role=spread[finding.value_hash])
            if finding.entity_type == PERSON and finding.role == UNMARKED
            and finding.value_hash in spread else finding for finding in findings]


def spread_forename_roles(text: str, findings: list[Finding],
                          rules: RoleRules | None = None) -> list[Finding]:
    """In a text that marks its subject (`Patient: Mrs Agnes Oldroyd`), a full name with no
    mark whose forename the text itself marks as someone else's (`Shanti (daughter-in-law)
    present throughout`, `her son Eric rang`, `Carer Leanne arrived late`) is that person:
    `Shanti Eastwood (DOB ...)` later is the daughter-in-law, and her date of birth hers.
    Only the forename's own mark counts (a role word right after it, or a role phrase
    right before it, not the reader's relation: `your husband John`); a forename the
    subject shares, a name written surname first, or a forename marked two ways marks
    nobody."""
    rules = rules or default_rules()
    names = [finding for finding in findings if finding.entity_type == PERSON]
    subjects = {forename_of(text[f.start:f.end]) for f in names if f.role == SUBJECT}
    if not subjects:
        return findings
    spans = [(f.start, f.end) for f in names]
    roles: dict[str, str | None] = {}
    changed: dict[int, str] = {}
    for finding in names:
        if finding.role != UNMARKED or not is_full_name(finding.masked):
            continue
        forename = forename_of(text[finding.start:finding.end])
        if not forename or forename in subjects:
            continue
        if forename not in roles:
            roles[forename] = rules.forename_mark(text, forename, spans)
        if roles[forename] is not None:
            changed[id(finding)] = roles[forename]
    return [finding.but(role=changed[id(finding)]) if id(finding) in changed else finding
            for finding in findings]


def forename_of(name: str) -> str:
    """`Shanti` of `Shanti Eastwood` or `Mrs Shanti Eastwood`; '' for a surname-first or
    capitals shape (`JONES, Sandra`, `EASTWOOD Shanti`), whose first word is no forename."""
    if "," in name:
        return ""
    words = [word for word in WORD.findall(name) if not is_title(word)]
    if len(words) < 2 or len(words[0]) < 2 or words[0].isupper():
        return ""
    return words[0]


def hl7_name_segment(raw_segment: str, raw_field: int, field: str) -> str:
    """The segment whose person-name field holds a name: `PV1-8 referring_doctor_name`
    (a field as the extractor names it) -> `PV1`; a raw segment in a text, unless the
    name sits in its free text; '' for free text (`OBX-5`, `NTE-3`, a Z-segment)."""
    if raw_segment:
        return "" if (raw_segment, raw_field) in HL7_RAW_TEXT_FIELDS else raw_segment
    match = _HL7_NAME_FIELD.match(field)
    return match.group(1) if match else ""


@lru_cache(maxsize=4096)
def fhir_role(where: str) -> str | None:
    """The role a FHIR resource gives its names: `entry[3] Practitioner` -> staff.
    Remembered per position: a row's every value asks it."""
    words = normalise_words(where).split()
    for length in (2, 1):
        for index in range(len(words) - length, -1, -1):
            role = FHIR_ROLES.get(" ".join(words[index:index + length]))
            if role is not None:
                return role
    return None


@cache
def default_rules() -> RoleRules:
    return RoleRules.load()
