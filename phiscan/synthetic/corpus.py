"""A seeded, labelled corpus of synthetic UK health and care records, for `phiscan eval`.

Every document is text as phiscan's extractors hand it to detection: free-text
notes and letters, CSV rows and flattened FHIR resources as `field: value`
lines, raw HL7 v2 messages. Every person, number and code is generated; NHS
numbers are checksum-valid but random. Gold spans are recorded while the text
is built, so labels and text cannot drift apart.

Decoys cover what the recognizers must not report: invoice, order and page
references that pass the NHS modulus-11 check, phone numbers, hospital numbers
(MRN), degenerate and bad-checksum numbers, office and server-room door codes,
`key stage 2`, `key findings`, `key performance indicators`, `press any key`,
`keyboard`, promo and dress codes, ICD-10 codes, the word postcode, times,
dates that are not dates of birth.

Format: the presidio-research JSON list (`full_text`, `spans` with
`entity_type`, `entity_value`, `start_position`, `end_position`) plus `id`,
`kind` and a `test_data` flag on test-range NHS numbers.
Run: `python -m phiscan.synthetic.corpus OUT.json [--seed N] [--size N]`.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from phiscan.synthetic.people import FORENAMES, SURNAMES, mod11_number

STREETS = ("Trevelyan Square", "Boar Lane", "Park Road", "Church Street", "Mill Lane",
           "Victoria Road", "Station Road", "The Crescent", "Hawthorn Avenue", "Kirkgate")
TOWNS = ("Leeds", "Bradford", "Halifax", "Wakefield", "Harrogate", "York", "Sheffield")
POSTCODES = ("LS1 6AE", "LS6 2QB", "BD7 1DP", "HX1 5TT", "WF1 2EB", "HG2 8PA", "YO1 7HH",
             "S10 2TN", "M1 1AE", "SW1A 1AA", "EC1A 1BB", "B33 8TH", "CR2 6XH", "DN55 1PT")
CONDITIONS = ("type 2 diabetes", "dementia", "COPD", "heart failure", "Parkinson's disease",
              "chronic kidney disease", "atrial fibrillation", "depression", "asthma",
              "osteoarthritis", "hypertension", "epilepsy", "schizophrenia", "stroke")
MEDICATIONS = ("metformin", "donepezil", "salbutamol", "furosemide", "levodopa", "apixaban",
               "sertraline", "ramipril", "amlodipine", "omeprazole", "levetiracetam",
               "atorvastatin", "paracetamol", "warfarin")
HIDING_PLACES = ("under the mat", "in the meter box", "under the plant pot by the door",
                 "behind the drainpipe", "under the garden gnome", "in the shed")
RELATIONS = ("daughter", "son", "neighbour", "niece", "friend")
NINO_PREFIXES = ("AB", "JG", "CE", "PR", "SK", "WL", "HT", "NE")
ICD10_CODES = ("E11.9", "F03", "J44.1", "I10", "G20", "N18.3", "I48", "F32.9")
GP_SURNAMES = ("Patel", "Okafor", "Murphy", "Khan", "Hughes", "Walker")


@dataclass
class GoldSpan:
    entity_type: str
    start: int
    end: int
    value: str
    test_data: bool = False


@dataclass
class Document:
    doc_id: str
    kind: str
    text: str
    spans: list[GoldSpan]

    def to_json(self) -> dict:
        return {
            "id": self.doc_id, "kind": self.kind, "full_text": self.text,
            "spans": [
                {"entity_type": s.entity_type, "entity_value": s.value,
                 "start_position": s.start, "end_position": s.end,
                 **({"test_data": True} if s.test_data else {})}
                for s in self.spans
            ],
        }


@dataclass
class Builder:
    """Text built piece by piece; entity pieces become gold spans."""

    parts: list[str] = field(default_factory=list)
    spans: list[GoldSpan] = field(default_factory=list)
    length: int = 0

    def add(self, text: str) -> Builder:
        self.parts.append(text)
        self.length += len(text)
        return self

    def entity(self, entity_type: str, value: str, test_data: bool = False) -> Builder:
        self.spans.append(GoldSpan(entity_type, self.length, self.length + len(value), value,
                                   test_data))
        return self.add(value)

    def field(self, name: str, value: str, entity_type: str | None = None,
              test_data: bool = False) -> Builder:
        """One `name: value` line, as phiscan's record extractors write them."""
        self.add(f"{name}: ")
        if entity_type:
            self.entity(entity_type, value, test_data)
        else:
            self.add(value)
        return self.add("\n")

    def build(self, doc_id: str, kind: str) -> Document:
        return Document(doc_id, kind, "".join(self.parts), self.spans)


# --- values ------------------------------------------------------------------------------

def nhs_number(rng: random.Random) -> str:
    return mod11_number(rng, rng.choice(("4", "6", "7", "94")))


def test_nhs_number(rng: random.Random) -> str:
    return mod11_number(rng, "999")


def chi_number(rng: random.Random) -> str:
    birth = f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(30, 99):02d}"
    return mod11_number(rng, birth)


def hcn_number(rng: random.Random) -> str:
    return mod11_number(rng, str(rng.randint(32, 39)))


def reference_number(rng: random.Random) -> str:
    """A 10-digit business reference that happens to pass the NHS check."""
    return mod11_number(rng, str(rng.randint(1, 9)))


def nhs_format(rng: random.Random, digits: str) -> str:
    style = rng.choice(("spaced", "spaced", "plain", "hyphen", "nbsp"))
    if style == "plain":
        return digits
    separator = {"spaced": " ", "hyphen": "-", "nbsp": "\u00a0"}[style]
    return separator.join((digits[:3], digits[3:6], digits[6:]))


def code_value(rng: random.Random) -> str:
    digits = "".join(str(rng.randrange(10)) for _ in range(4))
    style = rng.choice(("plain", "plain", "letters", "spaced", "hyphen", "hash"))
    if style == "letters":
        return f"{rng.choice('ABCDEFGHJKLMNPRSTX')}{digits}{rng.choice('ABCDEFGHJKLMNPRSTX')}"
    if style == "spaced":
        return " ".join(digits)
    if style == "hyphen":
        return "-".join(digits)
    return digits + ("#" if style == "hash" else "")


def dob(rng: random.Random) -> str:
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1925, 1995)
    months = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
    return rng.choice((
        f"{day:02d}/{month:02d}/{year}", f"{day:02d}-{month:02d}-{year}",
        f"{day:02d}.{month:02d}.{year}", f"{year}-{month:02d}-{day:02d}",
        f"{day} {months[month - 1]} {year}", f"{day} {months[month - 1][:3]} {year}",
    ))


def phone(rng: random.Random) -> str:
    tail = f"{rng.randint(0, 999):03d}"
    return rng.choice((f"0113 496 0{tail}", f"07700 900{tail}", f"+44 7700 900{tail}",
                       f"(0113) 496 0{tail}", f"020 7946 0{tail}", f"0161 496 0{tail}"))


def nino(rng: random.Random) -> str:
    digits = f"{rng.randint(0, 999999):06d}"
    value = f"{rng.choice(NINO_PREFIXES)}{digits}{rng.choice('ABCD')}"
    if rng.random() < 0.5:
        return f"{value[:2]} {value[2:4]} {value[4:6]} {value[6:8]} {value[8]}"
    return value


@dataclass(frozen=True)
class Person:
    forename: str
    surname: str
    nhs: str
    dob: str
    postcode: str
    address: str
    phone: str
    condition: str
    medication: str

    @property
    def name(self) -> str:
        return f"{self.forename} {self.surname}"

    @property
    def email(self) -> str:
        return f"{self.forename.lower()}.{self.surname.lower()}@example.co.uk"


def person(rng: random.Random) -> Person:
    return Person(
        forename=rng.choice(FORENAMES), surname=rng.choice(SURNAMES), nhs=nhs_number(rng),
        dob=dob(rng), postcode=rng.choice(POSTCODES),
        address=f"{rng.randint(1, 180)} {rng.choice(STREETS)}, {rng.choice(TOWNS)}",
        phone=phone(rng), condition=rng.choice(CONDITIONS),
        medication=rng.choice(MEDICATIONS),
    )


# --- pieces of notes ---------------------------------------------------------------------

def add_nhs_in_prose(b: Builder, rng: random.Random, digits: str, test: bool = False) -> None:
    value = nhs_format(rng, digits)
    style = rng.randrange(6)
    if style == 0:
        b.add("NHS number: ").entity("UK_NHS", value, test).add("\n")
    elif style == 1:
        b.add("NHS No. ").entity("UK_NHS", value, test).add(". ")
    elif style == 2:
        b.add("NHS:").entity("UK_NHS", digits, test).add(" ")
    elif style == 3:
        b.add("Her NHS number is ").entity("UK_NHS", value, test).add(". ")
    elif style == 4:
        b.entity("UK_NHS", value, test).add(" (NHS)\n")
    else:
        b.add("nhs no ").entity("UK_NHS", value, test).add("\n")


def add_home_access(b: Builder, rng: random.Random) -> None:
    code = code_value(rng)
    templates: list[Callable[[], None]] = [
        lambda: b.entity("HOME_ACCESS", f"Key safe code {code}").add(" by the front door. "),
        lambda: b.entity("HOME_ACCESS", f"Keysafe: {code}").add(". "),
        lambda: b.entity("HOME_ACCESS", f"KS {code}").add(" (changed last week). "),
        lambda: b.entity("HOME_ACCESS", f"key safe combination is {code}").add(". "),
        lambda: b.entity("HOME_ACCESS", f"Key safe to the left of the door, code {code}")
        .add(". "),
        lambda: b.entity("HOME_ACCESS", f"Door entry code {code}").add(". "),
        lambda: b.entity("HOME_ACCESS", f"Communal door code {code}").add(", flat 3. "),
        lambda: b.entity("HOME_ACCESS", f"Gate code {code}").add(". "),
        lambda: b.entity("HOME_ACCESS", f"Alarm code {code}").add(" - please reset. "),
        lambda: b.entity("HOME_ACCESS", f"Spare key {rng.choice(HIDING_PLACES)}").add(". "),
        lambda: b.entity("HOME_ACCESS", "Key is kept in the meter box").add(". "),
        lambda: b.entity("HOME_ACCESS", f"Neighbour at number {rng.randint(2, 60)} holds a key")
        .add(". "),
        lambda: b.entity("HOME_ACCESS", f"Spare key with the {rng.choice(RELATIONS)}")
        .add(f" at no. {rng.randint(2, 60)}. "),
        lambda: b.add("Please ").entity("HOME_ACCESS", "let yourself in").add(". "),
        lambda: b.entity("HOME_ACCESS", "Back door left unlocked").add(" for carers. "),
        lambda: b.entity("HOME_ACCESS", "Door is left on the latch").add(" in the morning. "),
        lambda: b.entity("HOME_ACCESS", "Lockbox behind the drainpipe").add(". "),
    ]
    rng.choice(templates)()


def add_health(b: Builder, p: Person) -> None:
    b.add("Diagnosis: ").entity("HEALTH_CONDITION", p.condition).add(". Medication given: ")
    b.entity("MEDICATION", p.medication).add(".\n")


# --- documents ---------------------------------------------------------------------------

def visit_note(rng: random.Random, p: Person) -> Builder:
    b = Builder().add("Home visit note\n\nPatient: ").entity("PERSON", p.name).add("\n")
    add_nhs_in_prose(b, rng, p.nhs)
    b.add("DOB: ").entity("DATE_OF_BIRTH", p.dob).add("\n")
    b.add(f"Address: {p.address} ").entity("UK_POSTCODE", p.postcode).add("\n")
    b.add("Tel: ").entity("PHONE_NUMBER", p.phone).add("\n\n")
    b.add(f"Carer arrived {rng.randint(7, 11):02d}:{rng.choice(('00', '15', '30'))}. ")
    add_home_access(b, rng)
    b.entity("PERSON", p.forename).add(" was comfortable. ")
    add_health(b, p)
    return b


def referral_letter(rng: random.Random, p: Person) -> Builder:
    gp = rng.choice(GP_SURNAMES)
    b = Builder().add("Dear Dr ").entity("PERSON", gp).add(",\n\nRe: ")
    b.entity("PERSON", p.name).add(", DOB ").entity("DATE_OF_BIRTH", p.dob).add("\n")
    add_nhs_in_prose(b, rng, p.nhs)
    b.add("I would be grateful if you could review this patient, who has ")
    b.entity("HEALTH_CONDITION", p.condition).add(" and takes ")
    b.entity("MEDICATION", p.medication).add(". ")
    if rng.random() < 0.5:
        b.add("NI number: ").entity("UK_NINO", nino(rng)).add(". ")
    b.add("Contact: ").entity("EMAIL_ADDRESS", p.email).add("\n")
    if rng.random() < 0.4:
        b.add("Invoice ref ").add(nhs_format(rng, reference_number(rng)))
        b.add(" relates to the transport booking.\n")
    return b.add("Yours sincerely,\nCommunity nursing team\n")


def rota_row(rng: random.Random, p: Person) -> Builder:
    b = Builder()
    if rng.random() < 0.5:
        b.field(rng.choice(("client_name", "patient_name", "name")), p.name, "PERSON")
    else:
        b.field("surname", p.surname, "PERSON").field("forename", p.forename, "PERSON")
    b.field(rng.choice(("nhs_number", "NHS No", "nhsno", "NHS Number")), p.nhs, "UK_NHS")
    b.field(rng.choice(("date_of_birth", "dob", "DOB")), p.dob, "DATE_OF_BIRTH")
    b.field("postcode", p.postcode, "UK_POSTCODE")
    b.field("phone", p.phone, "PHONE_NUMBER")
    b.add("access_notes: ")
    add_home_access(b, rng)
    b.add("\n")
    b.field("diagnosis", p.condition, "HEALTH_CONDITION")
    b.field("visit_time", rng.choice(("08:30", "1400hrs", "17:15")))
    if rng.random() < 0.5:
        b.field("invoice_ref", reference_number(rng))
    return b


def hl7_message(rng: random.Random, p: Person) -> Builder:
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1925, 1995)
    b = Builder().add("MSH|^~\\&|CARESYS|RX1|PAS|RX1|20241114093000||ADT^A04|MSG0001|P|2.4\r")
    b.add("PID|1||").entity("UK_NHS", p.nhs).add("^^^NHS^NH~")
    b.add(f"{reference_number(rng)}^^^RX1^MR||")
    b.entity("PERSON", f"{p.surname.upper()}^{p.forename.upper()}").add("^^^MRS||")
    b.entity("DATE_OF_BIRTH", f"{year}{month:02d}{day:02d}").add("|F|||")
    b.add(f"{p.address.split(',')[0]}^^{rng.choice(TOWNS)}^^").entity("UK_POSTCODE", p.postcode)
    b.add("||").entity("PHONE_NUMBER", p.phone).add("\r")
    return b.add("PV1|1|O|CLINIC^^^RX1||||C1234^CONSULTANT^A\r")


def fhir_patient(rng: random.Random, p: Person) -> Builder:
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1925, 1995)
    b = Builder().field("resourceType", "Patient")
    b.field("identifier[0].system", "https://fhir.nhs.uk/Id/nhs-number")
    b.field("identifier[0].value", p.nhs, "UK_NHS")
    b.field("name[0].use", "usual").field("name[0].family", p.surname, "PERSON")
    b.field("name[0].given[0]", p.forename, "PERSON")
    b.field("birthDate", f"{year}-{month:02d}-{day:02d}", "DATE_OF_BIRTH")
    b.field("address[0].line[0]", p.address.split(",")[0])
    b.field("address[0].postalCode", p.postcode, "UK_POSTCODE")
    b.field("telecom[0].system", "phone").field("telecom[0].value", p.phone, "PHONE_NUMBER")
    b.field("telecom[1].system", "email").field("telecom[1].value", p.email, "EMAIL_ADDRESS")
    return b


def test_patient_note(rng: random.Random, p: Person) -> Builder:
    b = Builder().add("Training record (test patient)\nPatient: ").entity("PERSON", p.name)
    b.add("\n")
    add_nhs_in_prose(b, rng, test_nhs_number(rng), test=True)
    return b.add("Use only in the training environment.\n")


def scottish_and_ni_note(rng: random.Random, p: Person) -> Builder:
    b = Builder().add("Transfer of care\nPatient: ").entity("PERSON", p.name).add("\n")
    if rng.random() < 0.5:
        b.add("CHI number: ").entity("UK_CHI", chi_number(rng)).add("\n")
    else:
        b.add("H&C number: ").entity("UK_HCN", hcn_number(rng)).add("\n")
    return b.add("Diagnosis: ").entity("HEALTH_CONDITION", p.condition).add("\n")


def invoice_only(rng: random.Random, _p: Person) -> Builder:
    b = Builder().add("Accounts payable - batch run\n")
    for _ in range(rng.randint(3, 6)):
        label = rng.choice(("Invoice ref", "Invoice no.", "Order number", "Account", "PO",
                            "Page id", "Tracking", "Ref:", "INV"))
        value = nhs_format(rng, reference_number(rng))
        amount = f"£{rng.randint(20, 900)}.{rng.randint(0, 99):02d}"
        b.add(f"{label} {value} - {amount} due {rng.randint(1, 28):02d}/11/2024\n")
    b.add(f"Checked at {rng.choice(('1400hrs', '0930', '16:45'))}.\n")
    return b


def phone_only(rng: random.Random, _p: Person) -> Builder:
    b = Builder().add("Useful numbers\n")
    for label in rng.sample(("Reception", "Out of hours", "Pharmacy", "Rota line", "Mobile",
                             "Fax", "Switchboard"), 4):
        b.add(f"{label}: ").entity("PHONE_NUMBER", phone(rng)).add("\n")
    return b


def office_memo(rng: random.Random, _p: Person) -> Builder:
    code = f"{rng.randint(1000, 9999)}"
    b = Builder().add("Team briefing\n")
    b.add(f"The office door code is {code}. Server room door code {rng.randint(1000, 9999)}. ")
    b.add("Key findings: rota gaps on Fridays. Key stage 2 training booked. ")
    b.add("Key performance indicators are on track. Press any key to unlock the kiosk; ")
    b.add("the keyboard in room 2 is broken. Promo code 4821 for the staff canteen, ")
    b.add("dress code is smart casual. Use ICD-10 code ")
    b.entity("CLINICAL_CODE", rng.choice(ICD10_CODES)).add(" in the audit. ")
    b.add("Send the form to the postcode on the letter (")
    b.entity("UK_POSTCODE", rng.choice(POSTCODES)).add("). ")
    b.add(f"Meeting at 1400hrs on {rng.randint(1, 28):02d}/12/2024. Call ")
    b.entity("PHONE_NUMBER", phone(rng)).add(" with questions.\n")
    return b


def bare_numbers(rng: random.Random, _p: Person) -> Builder:
    b = Builder().add("Export log\n")
    for _ in range(rng.randint(3, 5)):
        b.add(f"{reference_number(rng)} processed\n")
    b.add("NHS number: 0000000000 (placeholder)\n")
    bad = nhs_number(rng)
    b.add(f"NHS number {bad[:9]}{(int(bad[9]) + 1) % 10} rejected by PDS\n")
    return b


KINDS: dict[str, tuple[Callable[[random.Random, Person], Builder], int]] = {
    "visit_note": (visit_note, 6),
    "referral_letter": (referral_letter, 4),
    "rota_row": (rota_row, 5),
    "hl7_message": (hl7_message, 3),
    "fhir_patient": (fhir_patient, 3),
    "test_patient": (test_patient_note, 2),
    "chi_hcn": (scottish_and_ni_note, 2),
    "invoice_only": (invoice_only, 2),
    "phone_only": (phone_only, 2),
    "office_memo": (office_memo, 2),
    "bare_numbers": (bare_numbers, 2),
}
DECOY_KINDS = ("invoice_only", "phone_only", "office_memo", "bare_numbers")


def generate_corpus(seed: int = 7, size: int = 300) -> list[Document]:
    rng = random.Random(seed)
    names = list(KINDS)
    weights = [KINDS[name][1] for name in names]
    documents = []
    for index in range(size):
        kind = names[index] if index < len(names) else rng.choices(names, weights)[0]
        builder = KINDS[kind][0](rng, person(rng))
        documents.append(builder.build(f"{kind}-{index:04d}", kind))
    return documents


def write_corpus(path: str | Path, seed: int = 7, size: int = 300) -> int:
    documents = generate_corpus(seed, size)
    Path(path).write_text(
        json.dumps([d.to_json() for d in documents], indent=1, ensure_ascii=False),
        encoding="utf-8",
    )
    return len(documents)


def main() -> None:
    parser = argparse.ArgumentParser(description="Write the labelled synthetic corpus.")
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--size", type=int, default=300)
    args = parser.parse_args()
    count = write_corpus(args.out, args.seed, args.size)
    print(f"{count} labelled documents written to {args.out}")


if __name__ == "__main__":
    main()
