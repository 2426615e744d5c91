"""NHS number (England, Wales, Isle of Man): `UK_NHS`.

Ten digits, modulus-11 check digit (a check value of 10 means invalid).
Unlike Presidio's stock recognizer, a bare checksum-valid number is not enough:
about 1 in 11 random 10-digit numbers pass. Without NHS/health context near the
match the score stays below the reporting threshold.
"""

from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult

# 3-3-4 with the same separator (space, hyphen, non-breaking space) or none.
NHS_PATTERN = r"(?<![\d\w])(\d{3})([ \-\u00a0]?)(\d{3})\2(\d{4})(?![\d])"
CONTEXT = [
    "nhs", "nhsno", "nhs_number", "nhsnumber", "nhs number", "patient", "dob", "gp",
    "hospital", "chi", "mrn", "health", "nhs no",
]
TEST_RANGE_PREFIX = "999"


def nhs_check_digit(first_nine: str) -> int | None:
    """The modulus-11 check digit, or None when the number cannot be valid (10)."""
    weights = range(10, 1, -1)
    total = sum(int(digit) * weight for digit, weight in zip(first_nine, weights, strict=True))
    check = 11 - (total % 11)
    if check == 11:
        return 0
    if check == 10:
        return None
    return check


def is_valid_nhs_number(value: str) -> bool:
    digits = "".join(character for character in value if character.isdigit())
    if len(digits) != 10 or len(set(digits)) == 1:
        return False
    return nhs_check_digit(digits[:9]) == int(digits[9])


def is_test_range(value: str) -> bool:
    digits = "".join(character for character in value if character.isdigit())
    return digits.startswith(TEST_RANGE_PREFIX)


class NhsNumberRecognizer(PatternRecognizer):
    """Checksum-validated NHS numbers; confidence comes from context."""

    ENTITY = "UK_NHS"
    BASE_SCORE = 0.3  # below the 0.5 reporting threshold until context raises it

    def __init__(self) -> None:
        super().__init__(
            supported_entity=self.ENTITY,
            name="PhiscanNhsNumberRecognizer",
            patterns=[Pattern("nhs number", NHS_PATTERN, self.BASE_SCORE)],
            context=CONTEXT,
            supported_language="en",
        )

    def validate_result(self, pattern_text: str) -> bool:
        return is_valid_nhs_number(pattern_text)

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        results: list[RecognizerResult] = super().analyze(
            text, entities, nlp_artifacts, regex_flags
        )
        for result in results:
            if is_test_range(text[result.start:result.end]):
                result.recognition_metadata = {
                    **(result.recognition_metadata or {}), "phiscan_test_data": True,
                }
        return results
