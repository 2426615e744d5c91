"""An organisation's own number for a person: `LOCAL_ID` (no Presidio here:
`phiscan.detect.entities` keys by it; `recognizers.local_id_recognizer` finds it).

A local identifier is a labelled number: a pharmacy's `PMR no 10234` or `acct HD-24689`,
a service's `Client ID: C-4471`, `Case ref CHC/2026/04417`, a hospital's `Hosp No
RXR123456` or `MRN`, a social-care system's `Mosaic ID`, an equipment service's `Order
no`; in a table, a column so named (`PMR number: 10234`). Its label, read to its head
word, is its namespace: `PMR no`, `PMR number` and `pmr` are one namespace, `acct` and
`Delivery account` another. The key hashed is the namespace and the value, so `Client ID
4471` and `Order no 4471` never meet. Staff and organisation numbers are never a local
identifier (`Payroll no`, `GMC no`, `Staff ID`, `Supplier account`, `Invoice no`); NHS, CHI,
H&C and NI numbers have their own types. The value has three digits or more and no spaces.
Linking by it is `phiscan.scoping.linkage.link_local_ids`; a number its holders disagree
on is read per issuer there (`Issuers`: two organisations' `Client ID 10234`).
"""

from __future__ import annotations

import regex as re

# The head words of a local identifier's label, each with its namespace.
NAMESPACES: dict[str, str] = {
    "pmr": "pmr", "account": "account", "acct": "account", "a/c": "account",
    "client": "client", "customer": "customer", "cust": "customer",
    "service user": "service user", "case": "case", "claim": "claim",
    "referral": "referral", "hospital": "hospital", "hosp": "hospital", "mrn": "hospital",
    "patient": "patient", "resident": "resident", "tenant": "tenant",
    "mosaic": "mosaic", "las": "las", "liquidlogic": "liquidlogic", "carefirst": "carefirst",
    "swift": "swift", "rio": "rio", "pas": "pas", "emis": "emis", "systmone": "systmone",
    # a university's or a school's number for its student (`Student no: 25438170`, `Student
    # ID`, `Pupil number`): a student service's records with no birth date join by it
    "student": "student", "pupil": "pupil",
    # a day centre's or a club's number for its member (`Member ID` DC1055 on its register
    # and on its transport sheet, where the member is named as known: `Jean Horsfall`)
    "member": "member", "membership": "member",
    "local": "local", "person": "person", "order": "order", "job": "job", "asset": "asset",
    "repair": "repair", "ticket": "ticket", "booking": "booking", "phb": "phb", "chc": "chc",
    # a letter's sender's and addressee's case references: one namespace, as two letters
    # of one case give one person's reference under both
    "our ref": "reference", "your ref": "reference",
    "our reference": "reference", "your reference": "reference",
}
# Heads that name an identifier on their own (`acct HD-24689`, `MRN 40213`); the others
# need an identifier word or a colon after them (`Client ID`, `Case ref`, `Client: C-4471`).
STANDALONE = frozenset({"pmr", "acct", "a/c", "mrn", "mosaic", "our ref", "your ref",
                        "our reference", "your reference"})
# A word just before the head that makes the number staff's or an organisation's.
NOT_A_PERSONS = frozenset({
    "staff", "employee", "payroll", "gmc", "nmc", "gphc", "hcpc", "smartcard", "badge",
    "supplier", "invoice", "purchase", "po", "vat", "company", "practice", "ods", "vehicle",
    "van", "driver", "engineer", "technician", "carer", "worker", "prescriber", "locum",
    "contract", "contractor", "provider", "agency", "batch", "lot", "bank", "sort",
})
_ID_WORDS = r"(?:no|nos|number|num|nr|id|ref|reference|#)"
_HEADS = "|".join(sorted((re.escape(head).replace(r"\ ", r"[ \t]") for head in NAMESPACES),
                         key=len, reverse=True))
# The value: letters before the digits at most (`KR/NC/0725`), separators inside, three
# digits or more (checked in `local_id_key`), never a date or a phone number's spaced groups.
LOCAL_ID = (
    rf"(?i)(?<![^\W_]|/)(?P<head>{_HEADS})\.?(?:[ \t_\-]*(?P<idw>{_ID_WORDS})(?![^\W_])\.?)?"
    r"[ \t]*(?P<sep>[:#=])?[ \t]*"
    r"(?P<value>[A-Z]{0,5}(?:[\-/][A-Z]{1,5}){0,2}[\-/]?\d[A-Z0-9]*(?:[\-/][A-Z0-9]+){0,3})"
    r"(?![\w/\-]|[ \t]\d)"
)
_LOCAL_ID = re.compile(LOCAL_ID)
_DATE = re.compile(r"\d{1,4}[\-/]\d{1,2}[\-/]\d{1,4}")
HEAD_WORD = rf"(?i)(?<![^\W_]|/)(?:{_HEADS})(?![^\W_])"


def local_id_key(text: str) -> str | None:
    """`namespace:VALUE` for a local identifier's whole span (`Hosp No: rxr-1234` ->
    `hospital:RXR1234`), or None when it is none (no identifier word, colon, standalone
    head or letters opening the value: `on the account HD-29213`; fewer than three digits;
    a date)."""
    match = _LOCAL_ID.fullmatch(" ".join(text.split()))
    if match is None:
        return None
    head = " ".join(match["head"].casefold().split())
    value = match["value"]
    if not (match["idw"] or match["sep"] or head in STANDALONE or value[0].isalpha()):
        return None  # `client 4471`: a count as likely as a number; `client WS-2041` is one
    if sum(char.isdigit() for char in value) < 3 or _DATE.fullmatch(value):
        return None
    return f"{NAMESPACES[head]}:{''.join(char for char in value.upper() if char.isalnum())}"


def word_before(text: str, start: int) -> str:
    """The word right before `start` on its line, lower case."""
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    words = re.findall(r"[\w/]+", text[line_start:start])
    return words[-1].casefold() if words else ""
