"""An informal closing signs an e-mail as a formal one does (session 26, from blind share 25's
crew e-mails): `Cheers` or `Thank you` over the writer's name and a `Name | Job | Service` line
makes that name the writer's, staff, so the visit's date of birth is never hers. Lines written
for this test."""

from __future__ import annotations

import pytest

from phiscan.detect.roles import RoleRules

BODY = ("Visited Mrs P Okoro today at 4 Mill Row. DOB 3 May 1941.\n"
        "Access: answers door.\n\n{closing}\nDani\nDani Whitcombe | Crew Manager | Blue Watch\n")


@pytest.mark.parametrize(("closing", "role"), [
    ("Cheers", "staff"), ("Thank you", "staff"), ("All the best", "staff"),
    ("Kind regards", "staff"), ("See you Tuesday at the depot", ""),
])
def test_an_informal_closing_signs_the_mail(closing, role):
    text = BODY.format(closing=closing)
    start = text.index("Dani Whitcombe")
    assert RoleRules.load().role_of(text, start, start + len("Dani Whitcombe")) == role
