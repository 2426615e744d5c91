"""A home-access batch's two tests: every access line found, no near miss found (each
session's own batch module gives its ACCESS and NEAR_MISSES lists and calls these)."""

from __future__ import annotations

from functools import cache

from recognizers.home_access_recognizer import HomeAccessRecognizer


@cache
def recognizer() -> HomeAccessRecognizer:
    return HomeAccessRecognizer()


def found(text: str) -> bool:
    return bool(recognizer().analyze(text, ["HOME_ACCESS"]))
