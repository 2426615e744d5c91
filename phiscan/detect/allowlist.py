"""Known false positives, recorded once and honoured on every scan (detect-secrets' baseline).

An allow-list is a TOML file:

    # values are hashed at load time; prefer `hashes` so the file holds no values
    values = ["4010232137"]
    hashes = ["UK_NHS:3f1c..."]          # entity type + ":" + the finding's value_hash
    patterns = ["^INV-\\\\d+$"]          # regexes matched against the raw value
    paths = ["*/test-fixtures/*"]        # locations never scanned for findings
"""

from __future__ import annotations

import fnmatch
import os
import re
import stat
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from phiscan.config import ConfigError
from phiscan.detect.entities import ENTITIES, normalise
from phiscan.security.keys import keyed_hash

KEYS = ("values", "hashes", "patterns", "paths")
# A finding's value_hash is a whole HMAC-SHA256 hex digest (`keyed_hash`): a shorter
# one, cut when it was copied, matches no finding.
_HASH = re.compile(r"(?P<entity>[A-Z_]+):[0-9a-f]{64}")
_KEY_NAME = re.compile(r"[a-z_]{1,20}")


ALLOWED_PATH_REASON = "allow-listed path"
# An allowed file whose content changed since a scan last saw it: still never read, but
# what was reviewed and allowed is no longer what is there.
CHANGED_ALLOWED_REASON = ("allow-listed path, changed since it was last seen: not scanned, "
                          "re-review it")


def check_allowlist(raw: dict, path: str | Path) -> None:
    """A mistyped allow-list would suppress nothing without a word: refuse it instead."""
    unknown = sorted(set(raw) - set(KEYS))
    if unknown:
        # a mistyped key is named, anything else not: an allow-list can hold raw values
        shown = [key for key in unknown if _KEY_NAME.fullmatch(key)]
        others = len(unknown) - len(shown)
        raise ConfigError(f"unknown key in allow-list {path}: "
                          f"{', '.join(shown + ([f'{others} other'] if others else []))} "
                          f"(known: {', '.join(KEYS)})")
    for key in KEYS:
        entries = raw.get(key, [])
        # `values = [9434765919]`: a number left unquoted is still the value
        allowed = (str, int) if key == "values" else (str,)
        if not isinstance(entries, list) or not all(
                isinstance(e, allowed) and not isinstance(e, bool) for e in entries):
            raise ConfigError(f"allow-list {path}: {key} must be a list of strings")
    for key in KEYS:
        for number, entry in enumerate(raw.get(key, []), start=1):
            if not str(entry).strip():
                raise ConfigError(f"allow-list {path}: {key} entry {number} is empty")
    for number, entry in enumerate(raw.get("hashes", []), start=1):
        match = _HASH.fullmatch(entry)
        if match is None or match["entity"] not in ENTITIES:
            raise ConfigError(f"allow-list {path}: hashes entry {number} is not TYPE:value_hash "
                              "(a known entity type, a colon, the finding's whole 64-character "
                              "value_hash)")
    if not any(raw.get(key) for key in KEYS):
        raise ConfigError(f"allow-list {path} has no entry: it would suppress nothing "
                          f"(give one of {', '.join(KEYS)})")


def readable_values_warning(path: str | Path | None) -> str | None:
    """A warning when an allow-list holding raw values (`values`) may be read by other
    accounts: those values are identifiers. Never a value; None when there is nothing
    to say (no list, hashes and patterns only, mode 0600)."""
    if not path:
        return None
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
        raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return None  # `load` says why it cannot be read
    if not raw.get("values") or not mode & 0o044:
        return None
    return (f"allow-list {path} holds {len(raw['values'])} raw value(s) and other accounts "
            f"may read it (mode {mode:04o}): chmod 600 it, or replace `values` by `hashes`")


@dataclass
class AllowList:
    values: list[str] = field(default_factory=list)
    hashes: set[str] = field(default_factory=set)
    patterns: list[re.Pattern[str]] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, path: str | Path | None) -> AllowList:
        if not path:
            return cls()
        try:
            raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read allow-list {path}: {type(exc).__name__}") from None
        check_allowlist(raw, path)
        try:
            patterns = [re.compile(pattern) for pattern in raw.get("patterns", [])]
        except re.error as exc:
            raise ConfigError(f"bad regex in allow-list {path}: {exc.msg}") from None
        return cls(
            values=[str(value) for value in raw.get("values", [])],
            hashes={str(value) for value in raw.get("hashes", [])},
            patterns=patterns,
            paths=[str(value) for value in raw.get("paths", [])],
        )

    def allows_path(self, location: str) -> bool:
        return any(fnmatch.fnmatchcase(location, pattern) for pattern in self.paths)

    def allows_value(self, entity_type: str, raw_value: str, value_hash: str, key: bytes) -> bool:
        if f"{entity_type}:{value_hash}" in self.hashes:
            return True
        if any(pattern.search(raw_value) for pattern in self.patterns):
            return True
        if not self.values:  # the usual case: no need to normalise every finding again
            return False
        normalised = normalise(entity_type, raw_value)
        return any(
            keyed_hash(key, entity_type, normalise(entity_type, value)) == value_hash
            for value in self.values
            if normalise(entity_type, value) == normalised
        )
