"""NHS numbers (`UK_NHS`), Scottish CHI numbers (`UK_CHI`), Northern Ireland H&C numbers
(`UK_HCN`).

All three are ten digits with the same modulus-11 check digit (a check value of
10 means no valid number); the first digits say which scheme issued them:

| first digits            | scheme                                   | reported as          |
|-------------------------|------------------------------------------|----------------------|
| 0101..3112 (DDMMYY ok)  | Scotland CHI (starts with date of birth) | `UK_CHI`             |
| 32..39                  | Northern Ireland H&C                     | `UK_HCN`             |
| 4, 6, 7, 900..998       | England, Wales, Isle of Man              | `UK_NHS`             |
| 5                       | reserved, never issued (PDS test data)   | `UK_NHS`, test data  |
| 999                     | reserved test range                      | `UK_NHS`, test data  |
| anything else           | unallocated, Republic of Ireland, junk   | not reported         |

Unlike Presidio's stock recognizer, a checksum-valid number is not enough:
about 1 in 11 random 10-digit numbers pass. Context decides the score: NHS/CHI
words (or a column named like `nhs_number`, a FHIR identifier system, the NHS
assigning authority of an HL7 PID-3) score 1.0; health words nearby score 0.6;
nothing scores 0.3, below the 0.5 reporting threshold; a label such as
`invoice ref` or `tel` right before the number scores 0.1.
"""

from __future__ import annotations

from datetime import date

from presidio_analyzer import RecognizerResult

from recognizers.base import ContextScoredRecognizer, Pattern, flag
from recognizers.context import MatchContext, Terms, context_of

TEST_DATA_KEY = "phiscan_test_data"
SCHEME_KEY = "phiscan_scheme"

_SEP = r"[ \u00a0\u202f]"
# 3-3-4 with spaces (any kind), hyphens, or nothing; never glued to other digits,
# a phone prefix (+44) or a longer hyphenated reference.
NHS_PATTERN = (
    r"(?<![\d+])(?<!\d[.,/-])"
    rf"\d{{3}}(?:{_SEP}\d{{3}}{_SEP}|-\d{{3}}-|\d{{3}})\d{{4}}"
    r"(?![\d])(?![.,/-]\d)"
)

STRONG_CONTEXT = Terms([
    "nhs", "nhsno", "nhsnumber", "nhs no", "chi", "chi no", "chino", "chinumber", "h&c",
    "hcn", "health and care number", "health & care number", "community health index",
])
WEAK_CONTEXT = Terms([
    "patient", "patients", "pt", "dob", "d o b", "date of birth", "born", "gp", "surgery",
    "hospital", "clinic", "ward", "nurse", "doctor", "dr", "referral", "discharge",
    "admission", "a&e", "client", "service user", "resident", "carer", "care", "health",
    "medical", "medication", "diagnosis", "appointment", "practice", "consultant",
])
NEGATIVE_LABELS = Terms([
    "invoice", "inv", "ref", "reference", "order", "account", "acc", "acct", "a c", "page",
    "tel", "telephone", "phone", "mobile", "mob", "fax", "call", "ring", "ticket", "case",
    "serial", "tracking", "batch", "lot", "po", "sort code", "mrn", "hospital number",
    "hospital no", "hosp no", "employee", "staff", "payroll", "customer", "policy",
    "booking", "transaction", "receipt", "isbn", "vat", "company number", "crn",
])
CONTEXT_WORDS = sorted(
    {p for terms in (STRONG_CONTEXT, WEAK_CONTEXT) for p in terms.phrases}
)

SCORE_STRONG = 1.0
SCORE_WEAK = 0.6
SCORE_NONE = 0.3
SCORE_NEGATIVE = 0.1


def nhs_check_digit(first_nine: str) -> int | None:
    """The modulus-11 check digit, or None when no check digit can be valid (10)."""
    weights = range(10, 1, -1)
    total = sum(int(digit) * weight for digit, weight in zip(first_nine, weights, strict=True))
    check = 11 - (total % 11)
    if check == 11:
        return 0
    if check == 10:
        return None
    return check


def digits_of(value: str) -> str:
    return "".join(character for character in value if character.isdigit())


def passes_checksum(digits: str) -> bool:
    return len(digits) == 10 and nhs_check_digit(digits[:9]) == int(digits[9])


def _chi_date_ok(digits: str) -> bool:
    day, month, year = int(digits[0:2]), int(digits[2:4]), int(digits[4:6])
    for century in (1900, 2000):
        try:
            date(century + year, month, day)
            return True
        except ValueError:
            continue
    return False


def scheme_of(value: str) -> str | None:
    """`nhs`, `nhs-test`, `chi` or `hcn` for a valid number; None otherwise."""
    digits = digits_of(value)
    if not passes_checksum(digits) or len(set(digits)) == 1:
        return None
    number = int(digits)
    if 101_000_000 <= number <= 3_112_999_999:
        return "chi" if _chi_date_ok(digits) else None
    if 3_200_000_000 <= number <= 3_999_999_999:
        return "hcn"
    if digits.startswith("999") or digits[0] == "5":
        return "nhs-test"
    if digits[0] in "4679":
        return "nhs"
    return None


def is_valid_nhs_number(value: str) -> bool:
    """A number phiscan would report as NHS, CHI or H&C (checksum, range, not degenerate)."""
    return scheme_of(value) is not None


def is_test_range(value: str) -> bool:
    return scheme_of(value) == "nhs-test"


ENTITY_OF_SCHEME = {"nhs": "UK_NHS", "nhs-test": "UK_NHS", "chi": "UK_CHI", "hcn": "UK_HCN"}


def context_score(context: MatchContext, strong: Terms = STRONG_CONTEXT) -> float:
    immediate = context.immediate()
    if strong.found_in(immediate):
        return SCORE_STRONG
    next_word = " ".join(context.after.split()[:1])
    if NEGATIVE_LABELS.found_in(immediate) or NEGATIVE_LABELS.found_in(f" {next_word} "):
        return SCORE_NEGATIVE
    if strong.found_in(context.nearby):
        return SCORE_STRONG
    if WEAK_CONTEXT.found_in(context.nearby):
        return SCORE_WEAK
    return SCORE_NONE


class NhsNumberRecognizer(ContextScoredRecognizer):
    """Checksum- and range-validated NHS/CHI/H&C numbers; confidence from context."""
    line_local_scoring = True  # the match and `context_of` only

    ENTITY = "UK_NHS"

    def __init__(self, patterns: list[Pattern] | None = None, context: list[str] | None = None,
        supported_language: str = "en", supported_entity: str | None = None) -> None:
        super().__init__(
            entity=supported_entity or self.ENTITY, name="PhiscanNhsNumberRecognizer",
            patterns=patterns or [Pattern("nhs number", NHS_PATTERN, SCORE_NONE)],
            context=context or CONTEXT_WORDS, extra_entities=("UK_CHI", "UK_HCN"),
            supported_language=supported_language,
        )
        # Words that make a number an NHS number for certain; weak words stay as shipped.
        self.strong_context = self.context_terms if context else STRONG_CONTEXT

    def validate_result(self, pattern_text: str) -> bool:
        return is_valid_nhs_number(pattern_text)

    def score_match(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        scheme = scheme_of(text[result.start:result.end])
        if scheme is None:
            return None
        result.entity_type = ENTITY_OF_SCHEME[scheme] if scheme not in (
            "nhs", "nhs-test") else self.supported_entities[0]
        result.score = context_score(context_of(text, result.start, result.end),
                                     self.strong_context)
        flag(result, SCHEME_KEY, scheme)
        if scheme == "nhs-test":
            flag(result, TEST_DATA_KEY, True)
        return result
