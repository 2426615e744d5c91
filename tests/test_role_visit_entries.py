"""A name heading an entry that tells a visit to them (session 26, from share 23's concierge
handovers): `Flat 7 Mrs Booth: contractor in for level-access shower` is the resident's entry,
the contractor came to her, so she is no staff; `Mrs Booth: carer` and `Sam Oduya: carer,
visits Mon-Fri` still label a carer. Lines written for this test."""

from __future__ import annotations

import pytest

from phiscan.detect.roles import RoleRules


def roles_in(text: str, names: list[str]) -> list[str]:
    rules = RoleRules.load()
    return [rules.role_of(text, text.index(name), text.index(name) + len(name))
            for name in names]


@pytest.mark.parametrize(("text", "name", "role"), [
    ("- Flat 3 Mrs Ada Booth: plumber in for the leaking tap\n", "Mrs Ada Booth", ""),
    ("- Flat 12 Mr Leon Hale: carer visited, all well\n", "Mr Leon Hale", ""),
    ("- Flat 9 Mr Ivo Ramsden - district nurse due pm\n", "Mr Ivo Ramsden", ""),
    ("Jane Hollis: carer\n", "Jane Hollis", "staff"),
    ("Paula Eze: nurse (bank)\n", "Paula Eze", "staff"),
    ("Sam Oduya: carer, visits Mon-Fri\n", "Sam Oduya", "staff"),
    ("Tom Reyes - night carer\n", "Tom Reyes", "staff"),
])
def test_a_visit_told_after_a_name_is_to_them_not_theirs(text, name, role):
    assert roles_in(text, [name]) == [role]


@pytest.mark.parametrize(("text", "name", "role"), [
    ("- Flat 2 Mrs Ada Lyle: DN to visit pm\n", "Mrs Ada Lyle", ""),
    ("Jane Hollis: carer to Mrs Ada Lyle\n", "Jane Hollis", "staff"),
])
def test_to_makes_a_visit_only_before_a_verb(text, name, role):
    assert roles_in(text, [name]) == [role]
