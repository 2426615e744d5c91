"""`[[policy]]` rules: where each category of data may be found and how widely readable.

A rule names the locations it covers (`paths`, less `except_paths`: globs matched against
the location as stored, `/srv/share/...`, `smb://server/share/...`, `s3://bucket/...`) and
says what is wrong there: categories found that it forbids (`forbid`), categories found
outside those it allows (`allow`), or data readable more widely than `max_exposure`
(for the categories in `max_exposure_for`, default any). Checked on load: a bad rule is a
`PolicyError` naming the rule and the key. A violation holds the rule's name, categories
and an exposure level: never content.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from phiscan.detect.entities import ENTITIES, SPECIAL_CATEGORIES, UNKNOWN
from phiscan.model import ExposureLevel
from phiscan.policy.globs import Glob

# Narrowest first: a location violates `max_exposure` when its exposure sits further on.
EXPOSURE_RANK = (ExposureLevel.RESTRICTED, ExposureLevel.GROUP, ExposureLevel.BROAD,
                 ExposureLevel.PUBLIC)
CATEGORIES = frozenset({entity.category for entity in ENTITIES.values()} | {UNKNOWN.category})
SPECIAL = "special_category"  # a special-category location (the summary's count)
SENSITIVE = "sensitive"  # special-category or home-access: what exposure makes critical
# Anything found, but a special category only about someone identifiable: a leaflet on
# diabetes in a public folder holds none (`allow = []` counts its health word).
PERSONAL = "personal_data"
HOME_ACCESS = "home_access"
GROUPS = {SPECIAL: SPECIAL_CATEGORIES, SENSITIVE: SPECIAL_CATEGORIES | {HOME_ACCESS},
          PERSONAL: CATEGORIES}
KEYS = ("name", "paths", "except_paths", "forbid", "allow", "max_exposure", "max_exposure_for")


class PolicyError(ValueError):
    """A `[[policy]]` rule that cannot be applied as written."""


@dataclass(frozen=True)
class Location:
    """What a rule looks at: the location as stored, its categories, whether it is a
    special-category location, and who can read it."""

    location: str
    categories: frozenset[str]
    special_category: bool
    exposure: str

    def hits(self, terms: frozenset[str]) -> set[str]:
        """The categories found here that `terms` (categories or groups) name."""
        found = set(self.categories & terms)
        if terms & {SPECIAL, SENSITIVE, PERSONAL}:
            found |= self.categories & SPECIAL_CATEGORIES if self.special_category else set()
        if SENSITIVE in terms:
            found |= self.categories & {HOME_ACCESS}
        if PERSONAL in terms:
            found |= self.categories - SPECIAL_CATEGORIES
        return found


@dataclass(frozen=True)
class Violation:
    """One rule broken at one location: no content, only the rule and categories."""

    rule: str
    categories: tuple[str, ...]
    exposure: str  # the location's, whatever the rule broke: who can read what broke it
    reason: str


@dataclass(frozen=True)
class PolicyRule:
    name: str
    paths: tuple[Glob, ...]
    except_paths: tuple[Glob, ...] = ()
    forbid: frozenset[str] = frozenset()
    allow: frozenset[str] | None = None
    max_exposure: ExposureLevel | None = None
    max_exposure_for: frozenset[str] | None = None  # None: any category found

    def covers(self, location: str) -> bool:
        return any(glob.matches(location) for glob in self.paths) and not any(
            glob.matches(location) for glob in self.except_paths)

    def check(self, location: Location) -> Violation | None:
        if not location.categories or not self.covers(location.location):
            return None
        wrong = location.hits(self.forbid)
        if self.allow is not None:
            wrong |= location.categories - _expand(self.allow)
        reasons = [f"{', '.join(sorted(wrong))} not allowed here"] if wrong else []
        too_wide = self._too_wide(location)
        if too_wide:
            reasons.append(f"{', '.join(sorted(too_wide))} with exposure {location.exposure}"
                           f" (at most {self.max_exposure} allowed)")
        if not reasons:
            return None
        return Violation(self.name, tuple(sorted(wrong | too_wide)), location.exposure,
                         "; ".join(reasons))

    def _too_wide(self, location: Location) -> set[str]:
        if self.max_exposure is None or location.exposure not in EXPOSURE_RANK:
            return set()  # unknown exposure is reported as such, never guessed
        if EXPOSURE_RANK.index(ExposureLevel(location.exposure)) <= EXPOSURE_RANK.index(
                self.max_exposure):
            return set()
        if self.max_exposure_for is None:
            return set(location.categories)
        return location.hits(self.max_exposure_for)


def _expand(terms: frozenset[str]) -> frozenset[str]:
    expanded = set(terms)
    for group, members in GROUPS.items():
        if group in terms:
            expanded |= members
    return frozenset(expanded)


def violations(rules: Iterable[PolicyRule], location: Location) -> list[Violation]:
    return [found for rule in rules if (found := rule.check(location)) is not None]


# Loading and checking the rules as written in the config
def parse_policy(raw: object) -> list[PolicyRule]:
    """The `[[policy]]` array of tables, checked rule by rule."""
    if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
        raise PolicyError("policy rules are written as [[policy]] tables")
    rules = [_parse_rule(number, item) for number, item in enumerate(raw, start=1)]
    seen: set[str] = set()
    for rule in rules:
        if rule.name in seen:
            raise PolicyError(f"[[policy]] name {rule.name!r} is used by two rules")
        seen.add(rule.name)
    return rules


def _parse_rule(number: int, raw: dict) -> PolicyRule:
    name = raw.get("name")
    where = f"[[policy]] rule {number}" + (f" ({name!r})" if isinstance(name, str) else "")
    unknown = sorted(set(raw) - set(KEYS))
    if unknown:
        raise PolicyError(f"{where}: unknown key {unknown[0]!r} (keys: {', '.join(KEYS)})")
    if not isinstance(name, str) or not name.strip() or not name.isprintable():
        raise PolicyError(f"{where}: needs a name (text, one line)")
    rule = PolicyRule(
        name=name,
        paths=_globs(where, raw, "paths", required=True),
        except_paths=_globs(where, raw, "except_paths", required=False),
        forbid=_categories(where, raw, "forbid") or frozenset(),
        allow=_categories(where, raw, "allow"),
        max_exposure=_exposure(where, raw.get("max_exposure")),
        max_exposure_for=_categories(where, raw, "max_exposure_for"),
    )
    if "forbid" in raw and "allow" in raw:
        raise PolicyError(f"{where}: use either forbid or allow, not both")
    if rule.max_exposure_for is not None and rule.max_exposure is None:
        raise PolicyError(f"{where}: max_exposure_for needs max_exposure")
    if not rule.forbid and rule.allow is None and rule.max_exposure is None:
        raise PolicyError(f"{where}: says nothing is wrong: give forbid, allow or "
                          "max_exposure")
    return rule


def _strings(where: str, raw: dict, key: str) -> list[str] | None:
    value = raw.get(key)
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise PolicyError(f"{where}: {key} must be a list of text, e.g. {key} = [\"...\"]")
    return value


def _globs(where: str, raw: dict, key: str, required: bool) -> tuple[Glob, ...]:
    texts = _strings(where, raw, key) or []
    if required and not texts:
        raise PolicyError(f"{where}: needs {key}, e.g. {key} = [\"Finance/**\"]")
    if any(not text.strip() for text in texts):
        raise PolicyError(f"{where}: {key} holds an empty glob")
    return tuple(Glob.parse(text) for text in texts)


def _categories(where: str, raw: dict, key: str) -> frozenset[str] | None:
    terms = _strings(where, raw, key)
    if terms is None:
        return None
    known = CATEGORIES | set(GROUPS)
    for term in terms:
        if term not in known:
            raise PolicyError(f"{where}: {key} names an unknown category {term!r} "
                              f"(categories: {', '.join(sorted(known))})")
    return frozenset(terms)


def _exposure(where: str, value: object) -> ExposureLevel | None:
    if value is None:
        return None
    levels = [str(level) for level in EXPOSURE_RANK]
    if value not in levels:
        raise PolicyError(f"{where}: max_exposure must be one of {', '.join(levels)}")
    return ExposureLevel(value)
