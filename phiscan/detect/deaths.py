"""Whose death a record states, when a name is its subject: `Mr Sutcliffe passed away in 2019,
she lives alone` in a letter about Mrs Ivy Sutcliffe is her late husband's death, not hers;
`Mr Denby died on 14/10/2026` in Mr Arthur Denby's record is his.

The name (`recognizers.life_states.death_name`) is compared with the full names the record
gives its person: a different surname, a title of the other sex (`Mr` beside `Mrs`) or another
forename make it someone else's death, marked `related` so the record's person keeps their
state (`phiscan.scoping.subject_records.add_finding`). A name that fits, or a record with no
full name of its person, leaves the death the record's. Raw names are compared here, at
detection time, and never leave this module.
"""

from __future__ import annotations

import re

from phiscan.detect.normalize import family_key, is_full_name, is_title, name_parts
from phiscan.detect.records import LIFE_STATE
from phiscan.detect.roles import RELATED, SUBJECT, UNMARKED
from phiscan.detect.tiered import PERSON
from phiscan.model import Finding
from recognizers.life_states import DECEASED, death_name, state_of

# The sex a title says, where it says one (`Dr`, `Mx`, `Prof` say none).
MALE_TITLES = frozenset({"mr", "master", "sir", "lord", "fr"})
FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "dame", "lady"})
_TITLE_REACH = 8  # how far before a name its title may start (`Mrs `, `Miss. `)
# Between a name and its death statement (`Arthur Denby has sadly passed away`).
_GAP = re.compile(r"[^\S\n]+(?:(?:has|had)[^\S\n]+)?(?:sadly[^\S\n]+)?", re.IGNORECASE)


def _sex(name: str) -> str:
    """`m` or `f` by the name's leading title, '' when it has none that says."""
    first = name.split()[0].casefold().rstrip(".") if name.split() else ""
    return "m" if first in MALE_TITLES else "f" if first in FEMALE_TITLES else ""


def _same_person(death: str, subject: str) -> bool:
    """Whether a titled name may be the subject's: family name (`family_key`), the title's
    sex and the first given name agree where both give them (`name_parts`)."""
    death_given, death_family = name_parts(death)
    subject_given, subject_family = name_parts(subject)
    if not death_family or not subject_family:
        return True
    if family_key(death_family[-1]) != family_key(subject_family[-1]):
        return False
    if len({_sex(death), _sex(subject)} - {""}) > 1:
        return False
    if death_given and subject_given:
        death_first, subject_first = death_given[0].casefold(), subject_given[0].casefold()
        return death_first == subject_first or (
            min(len(death_first), len(subject_first)) == 1 and death_first[0] == subject_first[0])
    return True


def _titled(text: str, finding: Finding) -> str:
    """The name as written with the title right before it, if any (`Mrs Ivy Sutcliffe`)."""
    name = text[finding.start:finding.end]
    before = text[max(0, finding.start - _TITLE_REACH):finding.start].split()
    return f"{before[-1]} {name}" if before and is_title(before[-1]) else name


def _name_before(text: str, death: Finding, findings: list[Finding]) -> tuple[int, int] | None:
    """Where a full name read right before a death statement is (`Arthur Denby has sadly
    passed away`), None when none is."""
    for finding in findings:
        if (finding.entity_type == PERSON and finding.end <= death.start
                and is_full_name(finding.masked)
                and _GAP.fullmatch(text, finding.end, death.start)):
            return finding.start, finding.end
    return None


def with_deaths_of_others(text: str, findings: list[Finding]) -> list[Finding]:
    """The findings, each death stated of a named person other than its record's person
    marked `related` (module docstring)."""
    deaths = [finding for finding in findings if finding.entity_type == LIFE_STATE
              and not finding.role and state_of(text[finding.start:finding.end]) == DECEASED]
    if not deaths:
        return findings
    others = {}
    for death in deaths:
        span = death_name(text, death.start, death.end) or _name_before(text, death, findings)
        if span is None:
            continue
        subjects = [_titled(text, finding) for finding in findings
                    if finding.entity_type == PERSON and finding.record == death.record
                    and finding.role in (SUBJECT, UNMARKED) and is_full_name(finding.masked)
                    and (finding.end <= span[0] or finding.start >= span[1])]
        name = text[span[0]:span[1]]
        if subjects and not any(_same_person(name, subject) for subject in subjects):
            others[id(death)] = death.but(role=RELATED)
    return [others.get(id(finding), finding) for finding in findings]
