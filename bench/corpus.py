"""Seeded benchmark corpora with their truth: every planted value, by file.

- `mixed`: a care provider's share in office formats: visit notes (.txt), letters
  (.docx, .pdf), rotas (.csv), patient lists (.xlsx), contact lists, and admin
  files with no personal data (minutes, invoices with look-alike numbers).
- `text`: long prose documents (policies, minutes) with a patient snippet every
  few pages: what most of a shared drive looks like.

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


CORPORA = {"mixed": mixed_corpus, "text": text_heavy_corpus}


def write_corpus(kind: str, root: Path, seed: int, files: int) -> dict[str, Truth]:
    """Write the files under root; truth by absolute path (also saved as root/../truth)."""
    truth: dict[str, Truth] = {}
    for corpus_file in CORPORA[kind](seed, files):
        path = root / corpus_file.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(corpus_file.data)
        truth[str(path)] = corpus_file.truth
    (root.parent / f"{root.name}.truth.json").write_text(json.dumps(truth))
    return truth


__all__ = ["CORPORA", "CorpusFile", "mixed_corpus", "text_heavy_corpus", "write_corpus",
           "CONDITIONS", "MEDICATIONS"]
