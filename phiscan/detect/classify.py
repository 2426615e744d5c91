"""Classification: which categories of data a location holds, and how risky it is.

Categories (the entity table, `phiscan.detect.entities`):
- identifiers: NHS/CHI/H&C numbers, NI numbers, dates of birth, names
- contact: e-mail, phone, postcode, address
- financial: card numbers, IBANs
- health: conditions, medications, clinical codes (Art. 9 special category)
- home_access: key-safe codes, door codes, hidden keys (not Art. 9, but the most
  dangerous thing a care record can leak)
- ethnicity, religion, sexual_orientation: other Art. 9 categories

Risk rules, first match wins:
- critical: home_access together with an identifiable person or address; or
  special category with at least [risk] bulk_identifiers distinct identifiers; or
  special category or home_access readable by everyone (exposure `public` or `broad`)
- high: special category (health or other Art. 9 data with an identifiable
  person); or home_access on its own
- medium: a direct identifier (NHS number of a real person, NI number, date of birth)
- low: any other personal data (names, contact details, test-range NHS numbers)
- none: nothing found
"""

from __future__ import annotations

from phiscan.config import RiskConfig
from phiscan.detect.entities import (
    ADDRESS_ENTITIES,
    BULK_ENTITIES,
    DIRECT_IDENTIFIERS,
    FACT_ENTITIES,
    IDENTIFYING_ENTITIES,
    SPECIAL_CATEGORIES,
    category_of,
)
from phiscan.model import BROADLY_READABLE, Exposure, Finding, Risk


def categories_of(findings: list[Finding]) -> list[str]:
    return sorted({category_of(finding.entity_type) for finding in findings})


def _real(findings: list[Finding]) -> list[Finding]:
    return [finding for finding in findings if not finding.test_data]


def classify(findings: list[Finding], risk_config: RiskConfig,
             exposure: Exposure | None = None) -> tuple[list[str], bool, Risk]:
    """(categories, special_category, risk) for one location's findings and who can read it.
    A fact about a person (`LIFE_STATE`) is no data of a category: it changes neither."""
    findings = [finding for finding in findings if finding.entity_type not in FACT_ENTITIES]
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
    broadly_readable = exposure is not None and exposure.level in BROADLY_READABLE
    if located_home_access or bulk_special or (
            broadly_readable and (special_category or home_access)):
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
