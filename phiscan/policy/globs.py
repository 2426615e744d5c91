"""Path globs as policy rules and `--include`/`--exclude` read them (one definition)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from phiscan.model import MEMBER_SEP


@dataclass(frozen=True)
class Glob:
    """One path or bucket glob. `*` is any name part, `**` any number of folders, `?` one
    character. Starting with `/` or a scheme (`s3://`, `smb://`) it is anchored to the whole
    location; otherwise it matches from any folder down (`Finance/**` anywhere). A glob
    also covers everything below what it names (folders, archive members). `smb://`
    locations compare without case, as Windows shares do."""

    text: str
    exact: re.Pattern[str]
    folded: re.Pattern[str]

    @classmethod
    def parse(cls, text: str) -> Glob:
        anchored = text.startswith("/") or "://" in text
        body = _glob_regex(text.rstrip("/") or "/")  # `Finance/` names the folder too
        pattern = ("" if anchored else rf"(?:.*[/{MEMBER_SEP}])?") + body + \
            rf"(?:[/{MEMBER_SEP}].*)?"
        return cls(text, re.compile(pattern, re.DOTALL),
                   re.compile(pattern, re.DOTALL | re.IGNORECASE))

    def matches(self, location: str) -> bool:
        pattern = self.folded if location[:6].lower() == "smb://" else self.exact
        return pattern.fullmatch(location) is not None


def _glob_regex(text: str) -> str:
    parts: list[str] = []
    index = 0
    while index < len(text):
        if text.startswith("**/", index):
            parts.append("(?:.*/)?")
            index += 3
        elif text.startswith("**", index):
            parts.append(".*")
            index += 2
        elif text[index] == "*":
            parts.append("[^/]*")
            index += 1
        elif text[index] == "?":
            parts.append("[^/]")
            index += 1
        else:
            parts.append(re.escape(text[index]))
            index += 1
    return "".join(parts)


@lru_cache(maxsize=256)
def parsed_glob(text: str) -> Glob:
    """A glob parsed once per process, however many paths it is matched against."""
    return Glob.parse(text)
