"""The detector: TextUnits in, Findings out (masked and hashed, never raw).

Every Finding is made here, with its position, record and field name guarded by
`labels` (identifiers in them masked, and found): the one way labels reach the
inventory, which masks any other label whole (`store.stored_label`).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex
from presidio_analyzer import RecognizerResult

from phiscan.config import Config
from phiscan.detect.allowlist import AllowList
from phiscan.detect.deaths import with_deaths_of_others
from phiscan.detect.engine import (
    build_analyzer,
    entities_for,
    is_test_data,
    recognizer_name,
)
from phiscan.detect.entities import keyed_as, mask_value, normalise
from phiscan.detect.labels import (
    LABEL_FIELD_PREFIX,
    FoldedValue,
    Hit,
    LabelGuard,
    folded_values,
)
from phiscan.detect.memory import KeyedMemory
from phiscan.detect.normalize import (
    FAMILY_FORM,
    initial_form,
    is_full_name,
    name_parts,
    variant_form,
    variant_hashes,
    variant_keys,
)
from phiscan.detect.records import (
    LIFE_STATE,
    PLACE,
    assign_records,
    with_cell_mentions,
    with_column_people,
    with_listed_people,
)
from phiscan.detect.relations import relation_of
from phiscan.detect.roles import (
    LEGAL_NAME,
    RELATED,
    SUBJECT,
    default_rules,
    spread_forename_roles,
    spread_roles,
)
from phiscan.detect.split_names import (
    SPLIT_NAME_RECOGNIZER,
    NamePart,
    joined_in_text,
    joined_names,
    labelled_parts,
)
from phiscan.detect.surnames import couple_names, surname_owners
from phiscan.detect.tiered import NamePlan, TieredAnalyzer
from phiscan.detect.unit_memo import UnitMemo
from phiscan.model import Finding, Label, TextUnit
from phiscan.security.keys import keyed_hash
from recognizers.access_kinds import ACCESS_KINDS_KEY, CODE, KIND_SEPARATOR
from recognizers.context import line_value_start, normalise_words, raw_line_field
from recognizers.health_vocabulary import MEDICATION
from recognizers.life_states import (
    CODE_OUT_OF_USE,
    FORMER_ADDRESS,
    moved_from_before,
    names_former_address,
)

SCORE_JOINED = 0.85
COUPLE_NAMES = "PhiscanCoupleNames"
# Distinct values a worker remembers the keyed hash and mask of (about 120 bytes each).
MEMORY_VALUES = 65536
# One capitalised word and the space after it: a forename NER left out of a cell's name.
CELL_FORENAME = regex.compile(r"\p{Lu}[\p{Ll}'’\-]+[ \t]+")


# A field of an object in a list (`cases[0].carers[1].name`): the list entry is `...[1]`;
# or of an object inside a record (`visits[0].carer.name`: `visits[0].carer`).
LIST_ENTRY_FIELD = regex.compile(r"(.*[\]\w])\.[^.\[\]]+")


def list_entry(field: str | None) -> str:
    """The list entry or object a field is a direct member of (`cases[0].carers[1]`,
    `visits[0].carer`), or ''."""
    if not field or "." not in field:  # a column's name (`nhs_number`): no entry's member
        return ""
    match = LIST_ENTRY_FIELD.fullmatch(field)
    return match.group(1) if match else ""


def without_medicines_in_names(results: list[RecognizerResult]) -> list[RecognizerResult]:
    """A medicine's name inside a person's name is that name, not health data: a given name
    that is also a trade name (`Mr Tobi Davies`, `Yasmin Khan (DOB ...)`) or a herb
    (`Heather Rosemary Smith` in a record with a medication list). The name rules read no
    other medicine into a name (`person_ner_recognizer.ClinicalWords`)."""
    names = [(result.start, result.end) for result in results if result.entity_type == "PERSON"]
    if not names:
        return results
    return [result for result in results if result.entity_type != MEDICATION or not any(
        start <= result.start and result.end <= end for start, end in names)]


def with_surname_owners(valued: list) -> list:
    """Free text's `(result, raw, hash, masked)` values, a title-and-surname mention that
    stands for the text's one full name of that surname (`phiscan.detect.surnames`)
    carrying that name's raw value (memory only), keyed hash and mask."""
    people = [index for index, (result, *_rest) in enumerate(valued)
              if result.entity_type == "PERSON"]
    owners = surname_owners([valued[index][1] for index in people])
    if not owners:
        return valued
    valued = list(valued)
    for mention, owner in owners.items():
        result = valued[people[mention]][0]
        valued[people[mention]] = (result, *valued[people[owner]][1:])
    return valued


class Detector:
    """Built once per process (the spaCy pipeline is the expensive part)."""

    def __init__(self, config: Config, hmac_key: bytes) -> None:
        self.config = config
        self.key = hmac_key
        self.analyzer = build_analyzer(config)
        self.entities = entities_for(config)
        self.layered = TieredAnalyzer(self.analyzer, self.entities, config)
        self.allowlist = AllowList.load(config.detection.allowlist)
        self.labels = LabelGuard(self.layered, config.detection.threshold)
        self.roles = default_rules()
        self.memo = ValueMemo()
        self.units = UnitMemo()  # findings of units seen before

    def detect_unit(self, unit: TextUnit) -> list[Finding]:
        return [finding for finding, _value in self.detect_unit_values(unit)]

    def detect_unit_values(self, unit: TextUnit) -> list[tuple[Finding, str]]:
        """A unit's findings with their raw values (in memory only: `--reveal`)."""
        plan = self.start(unit)
        self.read_names([plan])
        return self.values(plan)

    def start(self, unit: TextUnit) -> NamePlan:
        """The cheap pass over a unit; its names are read by `read_names`, which can
        serve the units of many locations in one spaCy batch."""
        return self.layered.plan(unit)

    def read_names(self, plans: list[NamePlan]) -> None:
        self.layered.read(plans)

    def findings(self, plan: NamePlan) -> list[Finding]:
        """A unit's findings, masked and hashed, once its names are read: those in its
        text, then those in its labels (`reported_once` drops a label's finding that the
        location reports already)."""
        return [finding for finding, _value in self.values(plan)]

    def values(self, plan: NamePlan) -> list[tuple[Finding, str]]:
        """The unit's findings with their raw values. A window (`phiscan.detect.windows`) gives
        those that start on its side of each overlap, at their offsets in the whole unit."""
        unit = plan.unit
        valued = []
        results = without_medicines_in_names(self.layered.results(plan))
        for result in results:
            if not unit.owns(result.start):
                continue
            if result.entity_type == "PERSON":
                if in_column_name(unit, result.start, result.end):
                    continue  # `Patient (Surname, Forename): ...`: the labels' own scan reads it
                field = unit.field_at(result.start, result.end)
                if self.roles.is_role_field(field if field is not None
                                            else line_label(unit.text, result.start)):
                    continue  # `Job title: Grounds Maintenance Operative`: what, never who
                result = self.whole_cell_name(unit, result)
            raw_value = unit.text[result.start:result.end]
            value_hash, masked = self.hashed(result.entity_type, raw_value)
            if value_hash is not None:
                valued.append((result, raw_value, value_hash, masked))
        valued, part_forms = self.joined_name_values(unit, valued)
        if unit.record is None:
            valued = with_surname_owners(valued + self.couple_values(unit))
        labels = UnitLabels(self.labels, unit, [(r.entity_type, raw) for r, raw, _h, _m in valued])
        entry_roles = self.entry_roles(unit) if valued else {}
        findings = []
        for result, raw, value_hash, masked in valued:
            field = unit.field_at(result.start, result.end)
            role = (entry_roles.get(list_entry(field))
                    or self.role_of(unit, result.entity_type, result.start, result.end, field))
            findings.append(Finding(
                entity_type=result.entity_type,
                score=round(float(result.score), 3),
                recognizer=recognizer_name(result),
                where=labels.where,
                start=result.start,
                end=result.end,
                masked=masked,
                value_hash=value_hash,
                record=labels.record,
                field=labels.field(field),
                test_data=is_test_data(result),
                role=role,
                kind=(LEGAL_NAME if result.entity_type == "PERSON" and role == SUBJECT
                      and self.roles.legal_name(unit.text, result.start, field)
                      else relation_of(unit, result.start, result.end, field)
                      if result.entity_type == "PERSON" and role == RELATED
                      else FORMER_ADDRESS if result.entity_type == "UK_POSTCODE"
                      and (names_former_address(field if field is not None
                                                else line_label(unit.text, result.start))
                           or moved_from_before(unit.text, result.start))
                      else access_kinds_of(result)),
                initial_hash=(self.initial_hash(raw, value_hash)
                              if result.entity_type == "PERSON" else ""),
                variant_hash=(variant_hashes(self.variant_hash(raw, value_hash),
                                             *part_forms.get(raw, ()))
                              if result.entity_type == "PERSON" else ""),
            ))
        findings = with_cell_mentions(unit, with_listed_people(unit, with_column_people(
            unit, self.row_roles(unit, findings))))
        findings = [finding if isinstance(finding.record, Label)
                    else finding.but(record=Label(finding.record))
                    for finding in assign_records(unit, self.spread(unit, findings),
                                                  labels.where)]
        findings = with_deaths_of_others(unit.text, findings)
        superseded = states_superseded(findings)
        if unit.window is not None:
            offset = unit.window.offset
            findings = [finding.but(start=finding.start + offset, end=finding.end + offset)
                        for finding in findings]
        in_text = [(finding, raw) for index, (finding, raw) in enumerate(zip(
            findings, (raw for _r, raw, _h, _m in valued), strict=True))
            if finding.role != PLACE and index not in superseded]
        return in_text + self.label_values(labels, bool(in_text))

    def spread(self, unit: TextUnit, findings: list) -> list:
        """One name, one role in one text; in free text, a forename's mark too."""
        findings = spread_roles(findings)
        if unit.record is not None:  # a structured record is one person's
            return findings
        return spread_forename_roles(unit.text, findings, self.roles)

    def joined_name_values(self, unit: TextUnit, valued: list
                           ) -> tuple[list, dict[str, tuple[str, ...]]]:
        """`valued` with the full names joined from a record's separate forename and surname
        fields, less each joined cell read as a full name on its own (a two-word forename,
        `Mary Ann` beside `O'Neill`, or surname, `binti Ahmad`: a part, which must not name
        the row); and, for each joined name, the hashes of its cells so read, which it
        carries beside its own variant form (`variant_hashes`): free text that reads
        `O'Neill, Mary Ann (DOB)` as `Mary Ann` still joins her, with a date of birth only
        (`phiscan.scoping.linkage.link_variants`). Free text's form labels pair as fields do
        (`Surname: SCHOLEFIELD      Forename(s): Mohammed` on a scanned referral: each part
        alone named nobody, and the form's NHS number and date of birth made a nameless row)."""
        if unit.record is None:
            # (a full name too: `Forename(s): Thelma Louise` over `Surname: REDMAN` is a
            # form's two forenames, a part as a two-word forename cell is)
            pairs = joined_in_text(unit.text, labelled_parts(unit.text, [
                (result.start, result.end, raw) for result, raw, _h, _m in valued
                if result.entity_type == "PERSON"]))
        elif unit.fields:
            pairs = joined_names([NamePart(result.start, result.end, raw, field)
                                  for result, raw, _h, _m in valued
                                  if result.entity_type == "PERSON" and (
                                      field := unit.field_at(result.start, result.end))
                                  is not None])
        else:
            pairs = []
        if not pairs:
            return valued, {}
        whole = {(result.start, result.end): value_hash
                 for result, _raw, value_hash, masked in valued
                 if result.entity_type == "PERSON" and is_full_name(masked)}
        joined = []
        part_forms: dict[str, tuple[str, ...]] = {}
        part_spans = set()
        for given, family, full_name in pairs:
            value_hash, masked = self.hashed("PERSON", full_name)
            if value_hash is None:
                continue
            result = RecognizerResult("PERSON", family.start, family.end, SCORE_JOINED, None,
                                      {RecognizerResult.RECOGNIZER_NAME_KEY:
                                       SPLIT_NAME_RECOGNIZER})
            joined.append((result, full_name, value_hash, masked))
            spans = [span for span in ((given.start, given.end), (family.start, family.end))
                     if span in whole]
            part_forms[full_name] = part_forms.get(full_name, ()) + tuple(
                whole[span] for span in spans)
            part_spans.update(spans)
        kept = [item for item in valued if not (item[0].entity_type == "PERSON"
                                                and (item[0].start, item[0].end) in part_spans)]
        return kept + joined, part_forms

    def couple_values(self, unit: TextUnit) -> list:
        """Each partner of `Mr & Mrs Pickering (Frank DOB ..., Joan DOB ...)` as a full name
        at their forename (`phiscan.detect.surnames.couple_names`)."""
        if "&" not in unit.text and " and " not in unit.text:
            return []
        valued = []
        for start, end, full_name in couple_names(unit.text):
            value_hash, masked = self.hashed("PERSON", full_name)
            if value_hash is not None and unit.owns(start):
                result = RecognizerResult("PERSON", start, end, SCORE_JOINED, None,
                                          {RecognizerResult.RECOGNIZER_NAME_KEY: COUPLE_NAMES})
                valued.append((result, full_name, value_hash, masked))
        return valued

    def entry_roles(self, unit: TextUnit) -> dict[str, str]:
        """The role each list entry of a record gives its own fields (`carers[0]` ->
        related, from its `relationship: friend`; `visits[0].carer` -> related, from its
        `relationship: wife`; `RoleRules.row_role` over the entry's cells): a name and a date
        of birth in a case's carer entry are the carer's, whatever the list or object is
        called."""
        if unit.record is None:
            return {}
        cells: dict[str, list[tuple[str, str]]] = {}
        for span in unit.fields:
            entry = list_entry(span.name)
            if entry and entry != unit.where:  # the record itself: `row_roles`
                leaf = span.name[len(entry) + 1:]
                cells.setdefault(entry, []).append((leaf, unit.text[span.start:span.end]))
        roles = {entry: self.roles.row_role(entry_cells) for entry, entry_cells in cells.items()}
        return {entry: role for entry, role in roles.items() if role is not None}

    def role_of(self, unit: TextUnit, entity_type: str, start: int, end: int,
                field: str | None) -> str:
        """A name's role (subject, staff, related) from the text around it; another value's,
        `related` when its field (`field`, the unit's field it is in) is a related
        person's (`RoleRules.value_role`)."""
        if entity_type != "PERSON":
            return self.roles.value_role(field, unit.where)
        return self.roles.role_of(unit.text, start, end, unit.where, field)

    def whole_cell_name(self, unit: TextUnit, result: RecognizerResult) -> RecognizerResult:
        """A name in a column that says whose name it holds (`Adult at risk`, `Patient`,
        `Nurse`) is the cell's name from its first word: `Mavis Joan Beddoes`, where NER
        read only `Joan Beddoes` (a forename opening a label's value is left out of free
        text, where it may be a verb or a role; a column of names has neither)."""
        cell = next((span for span in unit.fields
                     if span.start < result.start and result.end <= span.end), None)
        if cell is None or cell.coded:
            return result
        gap = unit.text[cell.start:result.start]
        word = normalise_words(gap).strip()
        if (not CELL_FORENAME.fullmatch(gap) or word in self.roles.phrase_words
                or word in self.roles.staff_titles
                or self.roles.field_role(normalise_words(cell.name)) is None):
            return result
        return RecognizerResult(result.entity_type, cell.start, result.end, result.score,
                                result.analysis_explanation, result.recognition_metadata)

    def row_roles(self, unit: TextUnit, findings: list[Finding]) -> list[Finding]:
        """A record's one person, named with no role of its own, takes the role its row
        gives (`RoleRules.row_role`: `Print name | Designation` over `Harriet Tennant |
        Staff Nurse`). A row naming two people, or one already marked, is left alone: its
        `Relationship` cell may be about either."""
        names = [finding for finding in findings if finding.entity_type == "PERSON"]
        if (not unit.fields or not names or any(finding.role for finding in names)
                or len({f.value_hash for f in names if " " in f.masked.strip()}) != 1):
            return findings
        role = self.roles.row_role((span.name, unit.text[span.start:span.end])
                                   for span in unit.fields)
        if role is None:
            return findings
        return [finding.but(role=role) if finding.entity_type == "PERSON" else finding
                for finding in findings]

    def hashed(self, entity_type: str, raw_value: str) -> tuple[str | None, str]:
        """(keyed hash, None when the allow-list lets the value pass; masked preview).
        The hash and mask are worked out once per distinct value in a worker
        (`ValueMemo`): one person's values recur in every row, message and file
        that names them."""
        key = self.memo.key(entity_type, raw_value)
        known = self.memo.get(key)
        if known is None:
            known = self.memo.put(key, (
                keyed_hash(self.key, keyed_as(entity_type, raw_value),
                           normalise(entity_type, raw_value)),
                mask_value(entity_type, raw_value)))
        value_hash, masked = known
        if self.allowlist.allows_value(entity_type, raw_value, value_hash, self.key):
            return None, masked
        return value_hash, masked

    def initial_hash(self, raw_value: str, value_hash: str) -> str:
        """The keyed hash of a name's initial form (`g. pickles`), remembered per value as
        its hash is; '' when it has none or it is the name's own key (`Mr G. Pickles`)."""
        key = self.memo.key(INITIAL_FORM, raw_value)
        known = self.memo.get(key)
        if known is None:
            form = initial_form(raw_value)
            known = self.memo.put(key, ("" if form is None
                                        else keyed_hash(self.key, "PERSON", form), ""))
        return "" if known[0] == value_hash else known[0]

    def variant_hash(self, raw_value: str, value_hash: str) -> str:
        """The keyed hash of a name's variant form (`abdul mohammed rashid`), remembered per
        value; '' when the form has fewer than two words or is the name's own key."""
        key = self.memo.key(VARIANT_FORM, raw_value)
        known = self.memo.get(key)
        if known is None:
            known = self.memo.put(key, (variant_form_hashes(self.key, raw_value), ""))
        return variant_hashes(*(form for form in variant_keys(known[0]) if form != value_hash))

    def label_values(self, labels: UnitLabels, record_has_findings: bool
                     ) -> list[tuple[Finding, str]]:
        """Findings in the unit's labels (offsets within the label they are in)."""
        found = []
        for raw_label, guarded, hits in labels.scanned():
            for hit in hits:
                if not self.labels.reportable(hit, record_has_findings):
                    continue
                raw_value = raw_label[hit.start:hit.end]
                value_hash, masked = self.hashed(hit.entity_type, raw_value)
                if value_hash is None:
                    continue
                found.append((Finding(
                    entity_type=hit.entity_type,
                    score=round(max(hit.score, self.config.detection.threshold), 3),
                    recognizer=hit.recognizer, where=labels.where,
                    start=hit.start, end=hit.end,
                    masked=masked, value_hash=value_hash,
                    record=labels.record or Label(labels.where or "document"),
                    field=Label(LABEL_FIELD_PREFIX + guarded), test_data=hit.test_data,
                    in_label=True,
                    initial_hash=(self.initial_hash(raw_value, value_hash)
                                  if hit.entity_type == "PERSON" else ""),
                    variant_hash=(self.variant_hash(raw_value, value_hash)
                                  if hit.entity_type == "PERSON" else ""),
                ), raw_value))
        return found


def variant_form_hash(key: bytes, raw_value: str) -> str:
    """The keyed hash of a name's variant form, '' when it has fewer than two words."""
    form = variant_form(raw_value)
    return "" if len(form.split()) < 2 else keyed_hash(key, "PERSON", form)


def variant_form_hashes(key: bytes, raw_value: str) -> str:
    """The keyed hashes (`variant_hashes`) of a name's variant form and of each of its
    middle names with its family name, in full and by initial: a person known by a middle
    name (`Siobhan Winifred Dyson`, `Winifred Dyson` on the rota, `W. Dyson`) is linked by it
    only with an agreeing date of birth (`phiscan.scoping.linkage.link_variants`)."""
    given, family = name_parts(raw_value)
    if not family or not given:
        return variant_form_hash(key, raw_value)
    middles = [keyed_hash(key, "PERSON", normalise("PERSON", f"{middle} {family[-1]}"))
               for middle in given[1:] if len(middle.rstrip(".")) > 1]
    # (and by its initial: `M. Ashworth-Lee (03/12/1929)` on a handover is Gwen Mary's)
    initials = [keyed_hash(key, "PERSON", form) for middle in given[1:]
                if (form := initial_form(f"{middle} {family[-1]}")) is not None]
    surname = FAMILY_FORM + keyed_hash(key, "PERSON", normalise("PERSON", family[-1]))
    return variant_hashes(variant_form_hash(key, raw_value), *middles, *initials, surname)


# The memo entry of a name's initial form (`Detector.initial_hash`).
INITIAL_FORM = "PERSON initial form"
# The memo entry of a name's variant form (`Detector.variant_hash`).
VARIANT_FORM = "PERSON variant form"

class ValueMemo(KeyedMemory[tuple[str, str]]):
    """A value's keyed hash (`keyed_hash`) and mask (`mask_value`), remembered per
    distinct value under a keyed digest of it (a random key per process): no value's
    text is kept. Bounded: the oldest entries go first once it holds `MEMORY_VALUES`."""

    def __init__(self) -> None:
        super().__init__(MEMORY_VALUES)

    def key(self, entity_type: str, raw_value: str) -> bytes:
        return self.digest(f"{entity_type}\x1f{raw_value}")


def states_superseded(findings: list[Finding]) -> set[int]:
    """The positions of the statements that the record's code is out of use (`KS code changed
    by family - ring pt for new code`: `recognizers.life_states.CODE_OUT_OF_USE`) after which
    the same record gives a code (`... keysafe code 4810 - by the meter cupboard`): that
    code is the one in use, and the statement is dropped."""
    out_of_use = [(index, finding) for index, finding in enumerate(findings)
                  if finding.entity_type == LIFE_STATE and finding.kind == CODE_OUT_OF_USE]
    if not out_of_use:
        return set()
    codes = [finding for finding in findings if finding.entity_type == "HOME_ACCESS"
             and CODE in finding.kind.split(KIND_SEPARATOR)]
    return {index for index, state in out_of_use
            if any(code.record == state.record and code.start > state.end for code in codes)}


def access_kinds_of(result: RecognizerResult) -> str:
    """A HOME_ACCESS finding's kinds of way in (`code,key_holder`), as its recognizer gave
    them (`recognizers.access_kinds`); '' for any other finding."""
    kinds = (result.recognition_metadata or {}).get(ACCESS_KINDS_KEY)
    return KIND_SEPARATOR.join(kinds) if kinds else ""


def line_label(text: str, start: int) -> str:
    """The label of the `label: value` line a match starts in the value of (`Role` of a
    report's `Role: Grounds Maintenance Operative`), or ''."""
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    value_start = line_value_start(text[line_start:start + 1])
    if value_start is None or line_start + value_start > start:
        return ""
    return raw_line_field(text[line_start:start + 1]) or ""


def in_column_name(unit: TextUnit, start: int, end: int) -> bool:
    """Whether a span of a structured record lies in a column's name (before its value on
    its `name: value` line). Column names are read by `UnitLabels`, which keeps a name
    made of column words only (`SURNAME, Forename`) out."""
    if unit.record is None or not unit.fields:
        return False
    line_end = unit.text.find("\n", end)
    return any(end <= span.start and (line_end == -1 or span.start < line_end)
               and "\n" not in unit.text[end:span.start] for span in unit.fields)


def reported_once(findings: list[Finding]) -> list[Finding]:
    """A location's findings without the label findings whose value it reports already
    (in its text, or in an earlier label: a sheet name repeats on every row)."""
    if not any(finding.in_label for finding in findings):
        return findings
    seen = {(f.entity_type, f.value_hash) for f in findings if not f.in_label}
    kept = []
    for finding in findings:
        key = (finding.entity_type, finding.value_hash)
        if finding.in_label:
            if key in seen:
                continue
            seen.add(key)
        kept.append(finding)
    return kept


class UnitLabels:
    """The guarded labels of one unit: its position, record and field names."""

    def __init__(self, guard: LabelGuard, unit: TextUnit, values: list[tuple[str, str]]
                 ) -> None:
        self.guard = guard
        self.values = folded_values(values)
        self.raw_where, self.raw_record = unit.where, unit.record
        self.where, self.where_hits = guard.guard(unit.where, self.values)
        self.record: Label | None = None
        self.record_hits: list[Hit] = []
        if unit.record == unit.where:
            self.record = self.where
        elif unit.record is not None:
            self.record, self.record_hits = guard.guard(unit.record, self.values)
        self.field_names = list(dict.fromkeys(span.name for span in unit.fields))
        self.fields: dict[str, tuple[Label, list[Hit]]] = {}
        self.names_hits: dict[str, list[Hit]] | None = None  # the field names' candidates
        self.names_values: list[FoldedValue] | None = None  # values some field name holds

    def field(self, name: str | None) -> Label | None:
        if name is None:
            return None
        if name not in self.fields:
            hits = self.field_hits().get(name)
            values = self.values if hits is None else self.values_in_names()
            self.fields[name] = (self.guard.guard(name, values) if hits is None
                                 else self.guard.guard_hits(name, hits, values))
        return self.fields[name][0]

    def values_in_names(self) -> list[FoldedValue]:
        """The unit's values that one of its field names may repeat (`repeated_values`
        looks for each in each name's case-folded text): those found in all the names
        case-folded and joined, looked for once a unit, not once a field. A value found
        across two names is looked for again in each, and found in neither."""
        if self.names_values is None:
            names = "\n".join(name.casefold() for name in self.field_names)
            self.names_values = [value for value in self.values if value[1] in names]
        return self.names_values

    def field_hits(self) -> dict[str, list[Hit]]:
        if self.names_hits is None:
            self.names_hits = dict(zip(self.field_names, self.guard.names_hits(self.field_names),
                                       strict=True))
        return self.names_hits

    def scanned(self) -> Iterator[tuple[str, Label, list[Hit]]]:
        """(raw label, guarded label, candidates) for every label holding a candidate."""
        if self.where_hits:
            yield self.raw_where, self.where, self.where_hits
        if self.record_hits and self.raw_record is not None and self.record is not None:
            yield self.raw_record, self.record, self.record_hits
        for name, hits in self.field_hits().items():
            if hits:
                self.field(name)
                yield name, *self.fields[name]


__all__ = ["Detector", "NamePlan", "reported_once"]
