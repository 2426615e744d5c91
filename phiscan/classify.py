"""Classification: which categories of data a location holds, and how risky it is.

Categories (documented in the README):
- identifiers: NHS/CHI/H&C numbers, NI numbers, dates of birth, names
- contact: e-mail, phone, postcode, address
- financial: card numbers, IBANs
- health: conditions, medications, clinical codes (Art. 9 special category)
- home_access: key-safe codes, door codes, hidden keys (not Art. 9, but the most
  dangerous thing a care record can leak)
- ethnicity, religion, sexual_orientation: other Art. 9 categories

Risk rules, first match wins:
- critical: home_access together with an identifiable person or address; or
  special category with at least [risk] bulk_identifiers distinct identifiers
- high: special category (health or other Art. 9 data with an identifiable
  person); or home_access on its own
- medium: a direct identifier (NHS number of a real person, NI number, date of birth)
- low: any other personal data (names, contact details, test-range NHS numbers)
- none: nothing found
"""

from __future__ import annotations

from phiscan.config import RiskConfig
from phiscan.model import Finding, Risk

ENTITY_CATEGORIES: dict[str, str] = {
    "UK_NHS": "identifiers",
    "UK_CHI": "identifiers",
    "UK_HCN": "identifiers",
    "UK_NINO": "identifiers",
    "DATE_OF_BIRTH": "identifiers",
    "PERSON": "identifiers",
    "EMAIL_ADDRESS": "contact",
    "PHONE_NUMBER": "contact",
    "UK_PHONE": "contact",
    "UK_POSTCODE": "contact",
    "STREET_ADDRESS": "contact",
    "CREDIT_CARD": "financial",
    "IBAN_CODE": "financial",
    "HEALTH_CONDITION": "health",
    "MEDICATION": "health",
    "CLINICAL_CODE": "health",
    "HEALTH_TERM": "health",
    "HOME_ACCESS": "home_access",
    "ETHNICITY": "ethnicity",
    "RELIGION": "religion",
    "SEXUAL_ORIENTATION": "sexual_orientation",
}
SPECIAL_CATEGORIES = frozenset({"health", "ethnicity", "religion", "sexual_orientation"})
# Entities that make a record about an identifiable person.
IDENTIFYING_ENTITIES = frozenset(
    {"UK_NHS", "UK_CHI", "UK_HCN", "UK_NINO", "DATE_OF_BIRTH", "PERSON", "EMAIL_ADDRESS",
     "PHONE_NUMBER", "UK_PHONE"}
)
ADDRESS_ENTITIES = frozenset({"UK_POSTCODE", "STREET_ADDRESS"})
DIRECT_IDENTIFIERS = frozenset({"UK_NHS", "UK_CHI", "UK_HCN", "UK_NINO", "DATE_OF_BIRTH"})
BULK_ENTITIES = frozenset({"UK_NHS", "UK_CHI", "UK_HCN", "UK_NINO", "PERSON"})


def categories_of(findings: list[Finding]) -> list[str]:
    return sorted({ENTITY_CATEGORIES.get(finding.entity_type, "other") for finding in findings})


def _real(findings: list[Finding]) -> list[Finding]:
    return [finding for finding in findings if not finding.test_data]


def classify(findings: list[Finding], risk_config: RiskConfig) -> tuple[list[str], bool, Risk]:
    """(categories, special_category, risk) for one location's findings."""
    categories = categories_of(findings)
    real = _real(findings)
    real_types = {finding.entity_type for finding in real}
    identifiable = bool(real_types & IDENTIFYING_ENTITIES)
    special_category = identifiable and bool(SPECIAL_CATEGORIES & set(categories_of(real)))
    home_access = "HOME_ACCESS" in real_types
    distinct_identifiers = len(
        {finding.value_hash for finding in real if finding.entity_type in BULK_ENTITIES}
    )
    located_home_access = home_access and (identifiable or real_types & ADDRESS_ENTITIES)
    bulk_special = special_category and distinct_identifiers >= risk_config.bulk_identifiers
    if located_home_access or bulk_special:
        risk = Risk.CRITICAL
    elif special_category or home_access:
        risk = Risk.HIGH
    elif real_types & DIRECT_IDENTIFIERS:
        risk = Risk.MEDIUM
    elif findings:
        risk = Risk.LOW
    else:
        risk = Risk.NONE
    return categories, special_category, risk
