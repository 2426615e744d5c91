"""`phiscan diff` lists a location whose contents changed while its risk and sensitivity
stayed the same: what IG asks of a diff is what is new, not only what got riskier."""

from __future__ import annotations

from phiscan.commands.diff import render_text
from phiscan.inventory.store import StoredLocation
from phiscan.scoping.changes import location_changes
from phiscan.scoping.diff_html import render_diff_html

ROOT = "/mnt/crisis-team"


def location(name: str, entities: dict[str, int], categories: list[str], *,
             status: str = "scanned", risk: str = "critical") -> StoredLocation:
    return StoredLocation(f"{ROOT}/{name}", ROOT, ROOT, status, "", 100, 0.0, None, "text",
                          100, 0, entities, categories, "health" in categories, risk, False,
                          "group", ["group:crisis"], "")


SAFETY_PLAN = {"PERSON": 2, "UK_NHS": 1, "MEDICAL_CONDITION": 3}
PLAN_CATEGORIES = ["health", "identifiers"]


def weeks() -> tuple[list[StoredLocation], list[StoredLocation]]:
    """Week 1 and week 2 of a crisis team's folder: a safety plan gains a key-safe code and
    a second NHS number (its risk stays critical); a rota loses its only name; a medication
    chart finds one condition fewer (not new: not listed); a referral not read this week."""
    week1 = [location("safety-plan.docx", SAFETY_PLAN, PLAN_CATEGORIES),
             location("rota.xlsx", {"PERSON": 1}, ["identifiers"], risk="low"),
             location("meds.csv", {"MEDICAL_CONDITION": 4, "UK_NHS": 4}, PLAN_CATEGORIES),
             location("referral.pdf", {"UK_NHS": 1}, ["identifiers"], risk="low")]
    week2 = [location("safety-plan.docx", {**SAFETY_PLAN, "UK_NHS": 2, "HOME_ACCESS": 1},
                      [*PLAN_CATEGORIES, "home_access"]),
             location("rota.xlsx", {}, [], risk="none"),
             location("meds.csv", {"MEDICAL_CONDITION": 3, "UK_NHS": 4}, PLAN_CATEGORIES),
             location("referral.pdf", {}, [], status="error", risk="none")]
    return week1, week2


def test_a_location_that_gained_or_lost_types_is_listed_with_what_changed():
    changes = location_changes(*weeks())
    assert changes["contents_changed"] == [
        {"location": f"{ROOT}/rota.xlsx", "risk": "none", "added": {}, "removed": {"PERSON": 1},
         "added_categories": [], "removed_categories": ["identifiers"]},
        {"location": f"{ROOT}/safety-plan.docx", "risk": "critical",
         "added": {"HOME_ACCESS": 1, "UK_NHS": 1}, "removed": {},
         "added_categories": ["home_access"], "removed_categories": []},
    ]
    # the plan was sensitive and critical before: no other change lists it
    assert changes["became_sensitive"] == [] and changes["risk_changed"] == [
        {"location": f"{ROOT}/rota.xlsx", "old": "low", "new": "none"}]


def test_the_text_and_html_say_what_was_added_and_count_resolved_violations():
    changes = location_changes(*weeks())
    side = {"label": ROOT, "run": {"id": 1, "kind": "scan", "status": "completed",
                                   "finished_at": None},
            "locations": 4, "sensitive_locations": 2, "people": 3}
    diff = {"phiscan_version": "test", "old": side, "new": side,
            "key": {"checked": True, "note": ""},
            "counts": {name: len(items) for name, items in changes.items()},
            "locations": changes,
            "people": {"old_total": 3, "new_total": 3, "newly_affected": 0,
                       "no_longer_found": 0, "not_re_read": 0, "newly_affected_people": [],
                       "no_longer_found_people": [], "not_re_read_people": []},
            "violations": {"rules": 1, "old_total": 1, "new_total": 1,
                           "new": [{"location": f"{ROOT}/rota.xlsx", "rule": "r",
                                    "reason": "x"}],
                           "resolved": [{"location": f"{ROOT}/meds.csv", "rule": "r",
                                         "reason": "y"}],
                           "no_longer_read": []}}
    text = render_text(diff)
    at = text.index("contents changed (entity types or categories added or gone, or a type "
                    "found more often): 2")
    assert text[at + 2] == (f"  {ROOT}/safety-plan.docx  [risk critical] +HOME_ACCESS 1, "
                            "+UK_NHS 1; categories +home_access")
    html = render_diff_html(diff)
    for card in ("<div class='n'>2</div><div class='l'>locations with contents changed</div>",
                 "<div class='n'>1</div><div class='l'>new policy violations</div>",
                 "<div class='n'>1</div><div class='l'>policy violations resolved</div>"):
        assert card in html
    assert "<td>HOME_ACCESS 1, UK_NHS 1</td><td></td><td>home_access</td>" in html
