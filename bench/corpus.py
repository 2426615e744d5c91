"""Seeded benchmark corpora with their truth: every planted value, by file.

- `mixed`: a care provider's share in office formats: visit notes (.txt), letters
  (.docx, .pdf), rotas (.csv), patient lists (.xlsx), contact lists, and admin
  files with no personal data (minutes, invoices with look-alike numbers).
- `text`: long prose documents (policies, minutes) with a patient snippet every
  few pages: what most of a shared drive looks like.
- `breach`: a care provider's export folder after a breach: every file names patients
  and staff (notes; letters as DOCX, PDF, RTF; HL7 v2, FHIR, CSV, XLSX, e-mails with a
  CSV attachment); `breach-hl7`, `breach-fhir`, `breach-csv` and `breach-xlsx` are its
  structured formats alone.

Truth lists (entity type, value) for the types both phiscan and stock Presidio
report: UK_NHS, PERSON, EMAIL_ADDRESS. Every name in the text is a planted,
full name, so a name found anywhere else is a false positive.
"""

from __future__ import annotations

import csv
import io
import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from phiscan.synthetic.demo_share import CONDITIONS, MEDICATIONS, Person, make_people, spaced
from phiscan.synthetic.people import (
    RELATED_FORENAMES,
    RELATED_SURNAMES,
    STAFF_FORENAMES,
    STAFF_SURNAMES,
)

Truth = list[tuple[str, str]]


@dataclass
class CorpusFile:
    path: str
    data: bytes
    truth: Truth = field(default_factory=list)


def person_truth(person: Person, *, nhs: bool = True, email: str = "") -> Truth:
    truth: Truth = [("PERSON", person.name)]
    if nhs:
        truth.append(("UK_NHS", person.nhs_number))
    if email:
        truth.append(("EMAIL_ADDRESS", email))
    return truth


def email_of(person: Person) -> str:
    return f"{person.forename.lower()}.{person.surname.lower()}@example.org"


def visit_note_text(person: Person) -> str:
    return (
        f"Home visit note\n\nPatient: {person.name}\nNHS number: {spaced(person.nhs_number)}\n"
        f"Address: {person.address}, Leeds {person.postcode}\n\n"
        f"Carer arrived 09:10. Key safe code {person.keysafe_code} by the front door. "
        f"Client was comfortable and ate breakfast. Diagnosis: {person.condition}. "
        f"Medication given: {person.medication}.\n"
    )


def letter_lines(person: Person) -> list[str]:
    return [
        "Leeds Community Care, Trevelyan Square, Leeds",
        f"Dear {person.name},",
        f"NHS number: {spaced(person.nhs_number)}",
        f"Your next review for {person.condition} is booked at the clinic on Monday.",
        "Please bring a list of your current medicines with you.",
        "Yours sincerely, the community nursing team",
    ]


def docx_bytes(paragraphs: list[str]) -> bytes:
    from docx import Document

    document = Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(header: list[str], rows: list[list[str]]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Clients"
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_bytes(lines: list[str]) -> bytes:
    """A one-page PDF with a real text layer (Helvetica), built by hand."""
    content = "BT /F1 11 Tf 50 780 Td 14 TL " + " ".join(
        f"({_pdf_escape(line)}) Tj T*" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        " /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
              .encode())
    return out.getvalue()


def rota_csv(people: list[Person]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["client_name", "nhs_number", "postcode", "visit_time", "carer_notes"])
    for person in people:
        writer.writerow([person.name, person.nhs_number, person.postcode, "08:30",
                         f"Key safe code {person.keysafe_code}"])
    return buffer.getvalue().encode()


ADMIN_SENTENCES = (
    "The team reviewed the rota gaps on Fridays and agreed to recruit two more carers.",
    "Invoice ref {ref} was paid on time; purchase order {ref2} is still outstanding.",
    "Mandatory training on safeguarding and moving and handling is due by the end of March.",
    "The fire alarm test is every Tuesday at 10:00; call extension {ext} to report faults.",
    "Mileage claims must be submitted on the new form before the fifth working day.",
    "The quality audit found that care plans were reviewed within the agreed timescales.",
    "Supervision sessions will move to the second floor meeting room from next month.",
    "Key stage 2 training was booked for the apprentices in the Harrogate office.",
    "The Information Governance toolkit submission is due and evidence is being collated.",
    "Staff are reminded to lock screens and never to leave printed rotas in vehicles.",
    "Agency spend fell by twelve per cent compared with the same quarter last year.",
    "Policy documents are reviewed every two years or sooner when legislation changes.",
)


def admin_text(rng: random.Random, sentences: int) -> str:
    picked = []
    for _ in range(sentences):
        sentence = rng.choice(ADMIN_SENTENCES)
        picked.append(sentence.format(ref=rng.randrange(10**9, 10**10),
                                      ref2=rng.randrange(10**5, 10**6),
                                      ext=rng.randrange(1000, 9999)))
    paragraphs = [" ".join(picked[i:i + 5]) for i in range(0, len(picked), 5)]
    return "\n\n".join(paragraphs) + "\n"


def patient_snippet(person: Person) -> str:
    return (f"Case discussed: {person.name}, NHS number {spaced(person.nhs_number)}, "
            f"reviewed for {person.condition} and started on {person.medication}.")


FileMaker = Callable[[random.Random, list[Person], int], CorpusFile]


def make_visit_note(rng: random.Random, people: list[Person], index: int) -> CorpusFile:
    person = rng.choice(people)
    return CorpusFile(f"care-notes/visit-{index:06d}.txt", visit_note_text(person).encode(),
                      person_truth(person))


def make_docx_letter(rng: random.Random, people: list[Person], index: int) -> CorpusFile:
    person = rng.choice(people)
    return CorpusFile(f"letters/letter-{index:06d}.docx", docx_bytes(letter_lines(person)),
                      person_truth(person))


def make_pdf_letter(rng: random.Random, people: list[Person], index: int) -> CorpusFile:
    person = rng.choice(people)
    return CorpusFile(f"letters/discharge-{index:06d}.pdf", pdf_bytes(letter_lines(person)),
                      person_truth(person))


def make_rota(rng: random.Random, people: list[Person], index: int) -> CorpusFile:
    chosen = rng.sample(people, rng.randint(3, 12))
    truth = [entry for person in chosen for entry in person_truth(person)]
    return CorpusFile(f"exports/rota-{index:06d}.csv", rota_csv(chosen), truth)


def make_client_list(rng: random.Random, people: list[Person], index: int) -> CorpusFile:
    chosen = rng.sample(people, rng.randint(3, 12))
    rows = [[person.name, spaced(person.nhs_number), email_of(person), person.condition]
            for person in chosen]
    truth = [entry for person in chosen
             for entry in person_truth(person, email=email_of(person))]
    data = xlsx_bytes(["Client name", "NHS number", "Email", "Condition"], rows)
    return CorpusFile(f"exports/clients-{index:06d}.xlsx", data, truth)


def make_minutes(rng: random.Random, people: list[Person], index: int) -> CorpusFile:
    return CorpusFile(f"admin/minutes-{index:06d}.md",
                      ("# Team meeting\n\n" + admin_text(rng, 10)).encode())


def make_policy_docx(rng: random.Random, people: list[Person], index: int) -> CorpusFile:
    paragraphs = admin_text(rng, 25).split("\n\n")
    return CorpusFile(f"admin/policy-{index:06d}.docx", docx_bytes(paragraphs))


def make_invoice(rng: random.Random, people: list[Person], index: int) -> CorpusFile:
    lines = [f"Invoice ref {rng.randrange(10**9, 10**10)} paid. "
             f"Call 0113 496 {rng.randrange(1000, 9999)}." for _ in range(5)]
    return CorpusFile(f"admin/invoices-{index:06d}.txt", ("\n".join(lines) + "\n").encode())


MIXED_KINDS: tuple[tuple[FileMaker, int], ...] = (
    (make_visit_note, 20), (make_docx_letter, 10), (make_pdf_letter, 10), (make_rota, 8),
    (make_client_list, 6), (make_minutes, 20), (make_policy_docx, 12), (make_invoice, 14),
)


def mixed_corpus(seed: int, files: int) -> Iterator[CorpusFile]:
    rng = random.Random(seed)
    people = make_people(rng, 500)
    makers = [maker for maker, _weight in MIXED_KINDS]
    weights = [weight for _maker, weight in MIXED_KINDS]
    for index in range(files):
        yield rng.choices(makers, weights)[0](rng, people, index)


def text_heavy_corpus(seed: int, files: int, kb_per_file: int = 64) -> Iterator[CorpusFile]:
    """Long prose with one patient snippet about every 16 KB."""
    rng = random.Random(seed)
    people = make_people(rng, 500)
    for index in range(files):
        parts: list[str] = []
        truth: Truth = []
        size = 0
        while size < kb_per_file * 1024:
            chunk = admin_text(rng, 40)
            if rng.random() < 0.25:
                person = rng.choice(people)
                chunk += "\n" + patient_snippet(person) + "\n\n"
                truth += person_truth(person)
            parts.append(chunk)
            size += len(chunk)
        yield CorpusFile(f"documents/doc-{index:05d}.txt", "".join(parts).encode(), truth)


# The breach corpus: a care provider's export folder, every file full of people.
# Patients, staff and relatives come from separate name lists, so every name in the
# text is a planted full name (in the shapes records write: `Mrs Jane Smith`,
# `SMITH, Jane`, `Jane SMITH`, HL7 `SMITH^Jane`, FHIR family/given, split columns).
STAFF_ROLES = ("carer", "nurse", "consultant", "gp", "social worker")
RELATIONS = ("daughter", "son", "niece", "wife", "husband", "neighbour")


@dataclass(frozen=True)
class Cast:
    """Who a file names: its patients, the staff around them and their relatives."""

    patients: list[Person]
    staff: list[str]
    related: list[str]


# Patients in a breach corpus: each is named in about 25 of 1,000 structured files, as
# a provider's weekly lists repeat its clients; `--patients` sets how often rows repeat.
BREACH_PATIENTS = 400


def breach_cast(rng: random.Random, patients: int = BREACH_PATIENTS) -> Cast:
    return Cast(make_people(rng, patients),
                [f"{f} {s}" for f in STAFF_FORENAMES for s in STAFF_SURNAMES],
                [f"{f} {s}" for f in RELATED_FORENAMES for s in RELATED_SURNAMES])


def names_truth(*names: str) -> Truth:
    return [("PERSON", name) for name in names]


def staff_email(name: str) -> str:
    return f"{name.lower().replace(' ', '.')}@care.example.org"


def name_shape(rng: random.Random, person: Person) -> str:
    title = rng.choice(("Mr", "Mrs", "Ms"))
    return rng.choice((f"{title} {person.forename} {person.surname}",
                       f"{person.surname.upper()}, {person.forename}",
                       f"{person.forename} {person.surname.upper()}", person.name))


def breach_visit_note(rng: random.Random, cast: Cast, index: int) -> CorpusFile:
    person = rng.choice(cast.patients)
    carer, nurse = rng.sample(cast.staff, 2)
    relative, relation = rng.choice(cast.related), rng.choice(RELATIONS)
    label = rng.choice(("Client", "Patient", "Service user", "Resident"))
    lines = [rng.choice(("Home visit note", "Daily care record", "Visit log")),
             f"{label}: {name_shape(rng, person)}", f"DOB: {person.dob}",
             f"NHS number: {spaced(person.nhs_number)}",
             f"Address: {person.address}, Leeds {person.postcode}", ""]
    story = [
        rng.choice((f"Carer {carer} arrived at 09:10.", f"Visited by {carer} this morning.",
                    f"{carer} (carer) attended at 08:45.")),
        f"Key safe code {person.keysafe_code} by the front door.",
        f"{person.forename} was comfortable and ate breakfast.",
        f"Medication given: {person.medication} for {person.condition}.",
        rng.choice((f"Her {relation} {relative} phoned to ask about the next review.",
                    f"Next of kin {relative} ({relation}) was informed.",
                    f"{relative}, {relation}, holds a spare key.")),
        rng.choice((f"Reviewed by Nurse {nurse}.", f"District nurse {nurse} to visit on Friday.",
                    f"Escalated to {nurse}, community nurse.")),
    ]
    rng.shuffle(story[2:4])
    text = "\n".join(lines) + " ".join(story) + "\n"
    return CorpusFile(f"care-notes/visit-{index:06d}.txt", text.encode(),
                      person_truth(person) + names_truth(carer, nurse, relative))


def breach_letter(rng: random.Random, cast: Cast) -> tuple[list[str], Truth]:
    person = rng.choice(cast.patients)
    consultant, gp = rng.sample(cast.staff, 2)
    relative = rng.choice(cast.related)
    title = rng.choice(("Mr", "Mrs", "Ms"))
    lines = [
        "Leeds Community Care, Trevelyan Square, Leeds LS1 6HP",
        f"Dear Dr {gp},",
        f"Re: {title} {person.forename} {person.surname.upper()}, DOB {person.dob}, "
        f"NHS number {spaced(person.nhs_number)}",
        f"I reviewed {person.name} in the memory clinic today with her {rng.choice(RELATIONS)} "
        f"{relative}. The {person.condition} is stable and {person.medication} continues.",
        f"Address: {person.address}, Leeds {person.postcode}.",
        "Please repeat the bloods in three months.",
        "Yours sincerely,",
        f"Dr {consultant}",
        "Consultant Geriatrician",
        f"cc: {person.name}",
    ]
    return lines, person_truth(person) + names_truth(consultant, gp, relative)


def rtf_bytes(lines: list[str]) -> bytes:
    def escape(line: str) -> str:
        return line.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")

    body = "\n".join(f"{escape(line)}\\par" for line in lines)
    return ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\\f0\\fs22\n" + body + "\n}"
            ).encode("latin-1")


def breach_docx(rng: random.Random, cast: Cast, index: int) -> CorpusFile:
    lines, truth = breach_letter(rng, cast)
    return CorpusFile(f"letters/clinic-{index:06d}.docx", docx_bytes(lines), truth)


def breach_pdf(rng: random.Random, cast: Cast, index: int) -> CorpusFile:
    lines, truth = breach_letter(rng, cast)
    return CorpusFile(f"letters/discharge-{index:06d}.pdf", pdf_bytes(lines), truth)


def breach_rtf(rng: random.Random, cast: Cast, index: int) -> CorpusFile:
    lines, truth = breach_letter(rng, cast)
    return CorpusFile(f"letters/referral-{index:06d}.rtf", rtf_bytes(lines), truth)


def hl7_name(name: str, title: str = "") -> str:
    forename, surname = name.split(" ", 1)
    return f"{surname.upper()}^{forename}" + (f"^^^{title}" if title else "")


def breach_hl7(rng: random.Random, cast: Cast, index: int) -> CorpusFile:
    """ADT (admission, next of kin, doctors) or ORU (a result with a free-text note)."""
    person = rng.choice(cast.patients)
    doctor, other = rng.sample(cast.staff, 2)
    relative, relation = rng.choice(cast.related), rng.choice(RELATIONS)
    day, month, year = person.dob.split("/")
    kind = rng.choice(("ADT^A01", "ADT^A08", "ORU^R01"))
    segments = [
        f"MSH|^~\\&|PAS|RXX|EPR|RXX|2024031{index % 10}0930||{kind}|{index:08d}|P|2.4",
        f"PID|1||{person.nhs_number}^^^NHS^NH~H{index:07d}^^^RXX^MR||"
        f"{hl7_name(person.name, rng.choice(('MR', 'MRS', 'MS')))}||{year}{month}{day}|U|||"
        f"{person.address}^^Leeds^^{person.postcode}",
        f"PV1|1|I|W{index % 9}^B{index % 20}||||C{index % 999:04d}^{hl7_name(doctor, 'Dr')}|"
        f"G{index % 777:04d}^{hl7_name(other, 'Dr')}",
    ]
    names = [doctor, other]
    if kind.startswith("ADT"):
        segments.append(f"NK1|1|{hl7_name(relative)}|{relation.upper()[:3]}|"
                        f"{rng.randint(1, 99)} Park Lane^^Leeds")
    else:
        segments += [
            f"OBR|1|{index:06d}||FBC^Full blood count|||20240312||||||||"
            f"|C{index % 999:04d}^{hl7_name(doctor, 'Dr')}",
            "OBX|1|NM|HB^Haemoglobin||118|g/L|115-165||||F",
            f"OBX|2|TX|NOTE^Comment||Sample taken at home; {relation} {relative} present."
            f" {person.condition} noted.||||||F",
            f"NTE|1||Discussed with {other} by phone.",
        ]
    names.append(relative)
    return CorpusFile(f"hl7/msg-{index:06d}.hl7", ("\r".join(segments) + "\r").encode(),
                      person_truth(person) + names_truth(*names))


def fhir_name(name: str, prefix: str = "") -> dict:
    forename, surname = name.split(" ", 1)
    return {"family": surname, "given": [forename], **({"prefix": [prefix]} if prefix else {})}


def breach_fhir(rng: random.Random, cast: Cast, index: int) -> CorpusFile:
    """A bundle: the patient, their GP, a relative, an encounter with narrative and notes."""
    person = rng.choice(cast.patients)
    gp, nurse = rng.sample(cast.staff, 2)
    relative, relation = rng.choice(cast.related), rng.choice(RELATIONS)
    day, month, year = person.dob.split("/")
    email = email_of(person)
    patient = {"resourceType": "Patient", "id": f"p{index}",
               "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number",
                               "value": person.nhs_number}],
               "name": [fhir_name(person.name, rng.choice(("Mr", "Mrs", "Ms")))],
               "birthDate": f"{year}-{month}-{day}",
               "telecom": [{"system": "email", "value": email}],
               "address": [{"line": [person.address], "city": "Leeds",
                            "postalCode": person.postcode}]}
    encounter = {"resourceType": "Encounter", "id": f"e{index}", "status": "finished",
                 "text": {"status": "generated", "div":
                          f'<div xmlns="http://www.w3.org/1999/xhtml">Home visit to '
                          f"{person.name} by Nurse {nurse}; her {relation} {relative} "
                          f"was present.</div>"},
                 "subject": {"reference": f"Patient/p{index}"}}
    condition = {"resourceType": "Condition", "id": f"c{index}",
                 "code": {"text": person.condition},
                 "note": [{"text": f"Reported by {relative} ({relation}); reviewed by "
                                   f"{nurse}."}]}
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": [
        {"resource": patient},
        {"resource": {"resourceType": "Practitioner", "name": [fhir_name(gp, "Dr")]}},
        {"resource": {"resourceType": "RelatedPerson", "name": [fhir_name(relative)],
                      "relationship": [{"text": relation}]}},
        {"resource": encounter}, {"resource": condition}]}
    return CorpusFile(f"fhir/bundle-{index:06d}.json", json.dumps(bundle, indent=1).encode(),
                      person_truth(person, email=email) + names_truth(gp, nurse, relative))


def breach_rows(rng: random.Random, cast: Cast) -> tuple[list[tuple[Person, str, str]], Truth]:
    """Patients, each with a key worker and a next of kin."""
    rows = [(person, rng.choice(cast.staff), rng.choice(cast.related))
            for person in rng.sample(cast.patients, rng.randint(4, 15))]
    truth = [entry for person, worker, relative in rows
             for entry in person_truth(person) + names_truth(worker, relative)]
    return rows, truth


def caseload_csv(rows: list[tuple[Person, str, str]], rng: random.Random) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["client_name", "nhs_number", "date_of_birth", "postcode", "key_worker",
                     "next_of_kin", "notes"])
    for person, worker, relative in rows:
        writer.writerow([person.name, person.nhs_number, person.dob, person.postcode, worker,
                         relative, rng.choice((
                             f"Key safe {person.keysafe_code}", "Prefers morning visits",
                             f"{person.condition}; {person.medication}"))])
    return buffer.getvalue().encode()


def breach_csv(rng: random.Random, cast: Cast, index: int) -> CorpusFile:
    rows, truth = breach_rows(rng, cast)
    return CorpusFile(f"exports/caseload-{index:06d}.csv", caseload_csv(rows, rng), truth)


def breach_xlsx(rng: random.Random, cast: Cast, index: int) -> CorpusFile:
    rows, truth = breach_rows(rng, cast)
    header = ["Surname", "Forename", "NHS No", "DOB", "Email", "GP", "Next of kin", "Condition"]
    cells = [[person.surname, person.forename, spaced(person.nhs_number), person.dob,
              email_of(person), worker, relative, person.condition]
             for person, worker, relative in rows]
    truth += [("EMAIL_ADDRESS", email_of(person)) for person, _w, _r in rows]
    return CorpusFile(f"exports/register-{index:06d}.xlsx", xlsx_bytes(header, cells), truth)


def breach_email(rng: random.Random, cast: Cast, index: int) -> CorpusFile:
    """A carer e-mails a manager about a patient, with the week's caseload attached."""
    from email.message import EmailMessage

    sender, recipient = rng.sample(cast.staff, 2)
    person = rng.choice(cast.patients)
    rows, truth = breach_rows(rng, cast)
    message = EmailMessage()
    message["From"] = f"{sender} <{staff_email(sender)}>"
    message["To"] = f"{recipient} <{staff_email(recipient)}>"
    message["Subject"] = "Caseload for next week"
    message.set_content(f"Hi,\n\n{person.name} (NHS {spaced(person.nhs_number)}, DOB "
                        f"{person.dob}) was unwell today; I have called the GP.\n"
                        f"The caseload is attached.\n\n{sender}\nSenior carer\n")
    message.add_attachment(caseload_csv(rows, rng), maintype="text", subtype="csv",
                           filename="caseload.csv")
    truth += person_truth(person) + names_truth(sender, recipient)
    truth += [("EMAIL_ADDRESS", staff_email(name)) for name in (sender, recipient)]
    return CorpusFile(f"mail/message-{index:06d}.eml", bytes(message), truth)


BreachMaker = Callable[[random.Random, Cast, int], CorpusFile]
# About a third free-text notes, a third letters, a third structured.
BREACH_KINDS: dict[str, tuple[tuple[BreachMaker, int], ...]] = {
    "breach": ((breach_visit_note, 33), (breach_docx, 12), (breach_pdf, 11), (breach_rtf, 10),
               (breach_hl7, 8), (breach_fhir, 6), (breach_csv, 7), (breach_xlsx, 6),
               (breach_email, 7)),
    "breach-hl7": ((breach_hl7, 1),), "breach-fhir": ((breach_fhir, 1),),
    "breach-csv": ((breach_csv, 1),), "breach-xlsx": ((breach_xlsx, 1),),
}


def breach_corpus(kind: str) -> Callable[..., Iterator[CorpusFile]]:
    def corpus(seed: int, files: int, patients: int = BREACH_PATIENTS) -> Iterator[CorpusFile]:
        rng = random.Random(seed)
        cast = breach_cast(rng, patients)
        makers = [maker for maker, _weight in BREACH_KINDS[kind]]
        weights = [weight for _maker, weight in BREACH_KINDS[kind]]
        for index in range(files):
            yield rng.choices(makers, weights)[0](rng, cast, index)
    return corpus


CORPORA: dict[str, Callable[[int, int], Iterator[CorpusFile]]] = {
    "mixed": mixed_corpus, "text": text_heavy_corpus,
    **{kind: breach_corpus(kind) for kind in BREACH_KINDS}}


def write_corpus(kind: str, root: Path, seed: int, files: int,
                 patients: int | None = None) -> dict[str, Truth]:
    """Write the files under root; truth by absolute path (also saved as root/../truth).
    `patients` sizes a breach corpus's population (how often its people recur)."""
    if patients is not None and kind not in BREACH_KINDS:
        raise ValueError(f"--patients applies to the breach corpora, not {kind}")
    extra = {} if patients is None else {"patients": patients}
    truth: dict[str, Truth] = {}
    for corpus_file in CORPORA[kind](seed, files, **extra):
        path = root / corpus_file.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(corpus_file.data)
        truth[str(path)] = corpus_file.truth
    (root.parent / f"{root.name}.truth.json").write_text(json.dumps(truth))
    return truth


__all__ = ["CORPORA", "CorpusFile", "mixed_corpus", "text_heavy_corpus", "write_corpus",
           "CONDITIONS", "MEDICATIONS"]
