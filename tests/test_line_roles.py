"""A name's role in a field line remembered per line (`LineRoles`, `RoleRules.own_role`):
the same roles as working each one out, with the line's rules run once (issue 17)."""

from __future__ import annotations

import pytest

from phiscan.detect.roles import LineRoles, RoleRules
from tests.test_record_lines import breach_table_rows


class Forgetful(LineRoles):
    """A memory that keys nothing: every role worked out afresh."""

    def key(self, text, start, end, field):
        return None


def fresh_rules() -> RoleRules:
    rules = RoleRules.load()
    rules.__dict__["_line_roles"] = Forgetful()
    return rules


def name_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, field) of each `field: value` line's value."""
    spans, at = [], 0
    for line in text.splitlines(keepends=True):
        field, _, value = line.rstrip("\n").partition(": ")
        if value:
            start = at + len(field) + 2
            spans.append((start, start + len(value), field))
        at += len(line)
    return spans


def test_a_field_lines_role_is_worked_out_once_per_line(monkeypatch):
    rows = ["client_name: Patricia Green\nkey_worker: Rhys Ingham\nnext_of_kin: Julie Dobson\n",
            "client_name: Stanley Nowak\nkey_worker: Rhys Ingham\nnext_of_kin: Julie Dobson\n",
            "Surname: Walker\nForename: Kenneth\nGP: Wayne Ormerod\n",
            "Surname: Dobson\nForename: Kenneth\nGP: Wayne Ormerod\n"]
    reference = fresh_rules()
    expected = [reference.role_of(text, start, end, "row", field)
                for text in rows for start, end, field in name_spans(text)]
    rules = RoleRules.load()
    calls: list[str] = []
    line_role = RoleRules.line_role

    def counted(self, text, start, end, context, field):
        calls.append(text[start:end])
        return line_role(self, text, start, end, context, field)

    monkeypatch.setattr(RoleRules, "line_role", counted)
    found = [rules.role_of(text, start, end, "row", field)
             for text in rows for start, end, field in name_spans(text)]
    assert found == expected
    assert calls == ["Patricia Green", "Rhys Ingham", "Julie Dobson", "Stanley Nowak",
                     "Walker", "Kenneth", "Wayne Ormerod", "Dobson"]
    assert found[1:3] == ["staff", "related"] and found[0] == "subject"


def test_a_relation_word_alone_before_a_name_is_read_with_the_line_above():
    """`kin_before` reads two words before a name: when its line holds only one and that
    word is a relation (`Sister:`), the word ending the line above decides (`her`), so
    such a line's role is never remembered."""
    rules = RoleRules.load()
    relation = sorted(rules.related_after)[0]
    text = f"Notes: lives with her\n{relation.capitalize()}: Ruth Okafor\n"
    start = text.index("Ruth")
    assert not rules.reads_own_line(text, start)
    assert rules.reads_own_line("Surname: Walker\nForename: Kenneth\n",
                                len("Surname: Walker\nForename: "))
    assert rules.reads_own_line(f"Surname: Walker\nnext of {relation}: Ruth Okafor\n",
                                len(f"Surname: Walker\nnext of {relation}: "))
    rules.role_of(text, start, start + len("Ruth Okafor"), "row", relation)
    assert not rules._line_roles.known


@pytest.mark.parametrize("where", ["row", "Patient/1", "Practitioner/2"])
def test_roles_remembered_are_the_roles_worked_out(where):
    """Every name field of the breach extracts' rows: the same role remembered as worked
    out afresh, twice over (the second time from memory), whatever resource it is in."""
    rules, reference = RoleRules.load(), fresh_rules()
    units = breach_table_rows()
    for _twice in range(2):
        for unit in units:
            for span in unit.fields:
                start, end = span.start, span.end
                assert rules.role_of(unit.text, start, end, where, span.name) == (
                    reference.role_of(unit.text, start, end, where, span.name))
    assert rules._line_roles.known
