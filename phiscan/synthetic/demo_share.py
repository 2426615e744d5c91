"""A synthetic sample share for the demo: a home-care provider's team drive.

Every person, number and code here is generated from a seed; NHS numbers are
checksum-valid but random. Run: `python -m phiscan.synthetic.demo_share DIR`.
"""

from __future__ import annotations

import csv
import io
import json
import random
import sys
import zipfile
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

import docx
import openpyxl

from phiscan.synthetic.formats import build_msg, build_pdf
from phiscan.synthetic.people import FORENAMES, SURNAMES, random_nhs_number, spaced

STREETS = ("Trevelyan Square", "Boar Lane", "Park Road", "Church Street", "Mill Lane",
           "Victoria Road", "Station Road", "The Crescent")
POSTCODES = ("LS1 6AE", "LS6 2QB", "BD7 1DP", "HX1 5TT", "WF1 2EB", "HG2 8PA", "YO1 7HH")
CONDITIONS = ("type 2 diabetes", "dementia", "COPD", "heart failure", "Parkinson's disease",
              "chronic kidney disease", "atrial fibrillation", "depression")
MEDICATIONS = ("metformin", "donepezil", "salbutamol", "furosemide", "levodopa",
               "apixaban", "sertraline", "ramipril")
HIDING_PLACES = ("under the mat", "in the meter box", "under the plant pot by the door")


@dataclass(frozen=True)
class Person:
    forename: str
    surname: str
    nhs_number: str
    dob: str  # dd/mm/yyyy
    address: str
    postcode: str
    condition: str
    medication: str
    keysafe_code: str
    hiding_place: str

    @property
    def name(self) -> str:
        return f"{self.forename} {self.surname}"


def make_people(rng: random.Random, count: int) -> list[Person]:
    people = []
    used: set[str] = set()
    while len(people) < count:
        nhs_number = random_nhs_number(rng)
        if nhs_number in used:
            continue
        used.add(nhs_number)
        people.append(Person(
            forename=rng.choice(FORENAMES), surname=rng.choice(SURNAMES), nhs_number=nhs_number,
            dob=f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1925, 1960)}",
            address=f"{rng.randint(1, 180)} {rng.choice(STREETS)}",
            postcode=rng.choice(POSTCODES), condition=rng.choice(CONDITIONS),
            medication=rng.choice(MEDICATIONS), keysafe_code=f"{rng.randint(1000, 9999)}",
            hiding_place=rng.choice(HIDING_PLACES),
        ))
    return people


def visit_note(person: Person) -> str:
    return (
        f"Home visit note\n\nPatient: {person.name}\nNHS number: {spaced(person.nhs_number)}\n"
        f"DOB: {person.dob}\nAddress: {person.address}, Leeds {person.postcode}\n\n"
        f"Carer arrived 09:10. Key safe code {person.keysafe_code} by the front door; "
        f"spare key {person.hiding_place}. {person.forename} was comfortable. "
        f"Diagnosis: {person.condition}. Medication given: {person.medication}.\n"
    )


def rota_csv(people: list[Person]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["client_name", "nhs_number", "date_of_birth", "postcode", "access_notes",
                     "visit_time"])
    for person in people:
        writer.writerow([person.name, person.nhs_number, person.dob, person.postcode,
                         f"Key safe code {person.keysafe_code}", "08:30"])
    return buffer.getvalue()


def iso_dob(person: Person) -> str:
    day, month, year = person.dob.split("/")
    return f"{year}-{month}-{day}"


def fhir_patient_resource(person: Person) -> dict:
    return {
        "resourceType": "Patient",
        "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number",
                        "value": person.nhs_number}],
        "name": [{"use": "usual", "family": person.surname, "given": [person.forename]}],
        "birthDate": iso_dob(person),
        "address": [{"line": [person.address], "city": "Leeds", "postalCode": person.postcode}],
    }


def fhir_patient(person: Person) -> str:
    return json.dumps(fhir_patient_resource(person), indent=2)


def fhir_bundle(people: list[Person]) -> str:
    entries = [{"resource": fhir_patient_resource(person)} for person in people]
    return json.dumps({"resourceType": "Bundle", "type": "searchset", "entry": entries},
                      indent=2)


def letters_zip(people: list[Person]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, person in enumerate(people, start=1):
            archive.writestr(
                f"letters/letter-{index:03d}.txt",
                f"Dear {person.name},\nYour NHS number is {spaced(person.nhs_number)}. "
                f"Your next appointment for your {person.condition} review is on Monday.\n",
            )
    return buffer.getvalue()


def visit_docx(person: Person) -> bytes:
    document = docx.Document()
    for line in visit_note(person).splitlines():
        document.add_paragraph(line)
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ("nhs_number", "date_of_birth", "access_notes"),
                          strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, (spaced(person.nhs_number), person.dob,
                                                f"Key safe code {person.keysafe_code}"),
                          strict=True):
        cell.text = text
    document.sections[0].footer.paragraphs[0].text = "Leeds Home Care - confidential"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def visits_xlsx(people: list[Person]) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Visits"
    sheet.append(["client_name", "nhs_number", "date_of_birth", "access_notes", "visit_time"])
    for person in people:
        sheet.append([person.name, spaced(person.nhs_number), person.dob,
                      f"Key safe code {person.keysafe_code}", "08:30"])
    staff = workbook.create_sheet("Staff")
    staff.append(["carer", "team"])
    staff.append(["Team North", "North"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def discharge_pdf(person: Person) -> bytes:
    return build_pdf([
        ["Leeds General Infirmary - discharge summary", f"Patient: {person.name}",
         f"NHS number: {spaced(person.nhs_number)}", f"DOB: {person.dob}"],
        [f"Diagnosis: {person.condition}. Medication: {person.medication}.",
         f"Home care: key safe code {person.keysafe_code}."],
    ])


def care_plan_rtf(person: Person) -> bytes:
    return ("{\\rtf1\\ansi{\\fonttbl\\f0\\fswiss Arial;}\\f0\\pard\\b Care plan\\b0\\par "
            f"Client: {person.name}\\par NHS number: {spaced(person.nhs_number)}\\par "
            f"Condition: {person.condition}\\par Key safe code {person.keysafe_code}\\par}}"
            ).encode("cp1252")


def rota_change_eml(person: Person) -> bytes:
    message = EmailMessage()
    message["From"] = "Rota Coordinator <rota@example.org>"
    message["To"] = "north.team@example.org"
    message["Subject"] = "Rota change and visit note"
    message.set_content(f"Please cover {person.forename}'s 08:30 visit tomorrow. "
                        f"Key safe code {person.keysafe_code}.\n")
    message.add_attachment(visit_note(person).encode(), maintype="text", subtype="plain",
                           filename="visit-note.txt")
    return message.as_bytes()


def referral_msg(person: Person) -> bytes:
    return build_msg(
        subject="Referral to community nursing",
        body=f"Referral for {person.name}, NHS number {spaced(person.nhs_number)}, "
             f"DOB {person.dob}. Diagnosis: {person.condition}.\n",
        sender="gp.surgery@example.org", to="Community Nursing",
        attachments=[("access.txt", f"Key safe code {person.keysafe_code}".encode())],
    )


def hl7_message(person: Person, number: int) -> str:
    day, month, year = person.dob.split("/")
    return "\r".join([
        f"MSH|^~\\&|PAS|LTH|CARE|LHC|20241128090000||ADT^A04|DEMO{number:04d}|P|2.4",
        f"PID|1||{person.nhs_number}^^^NHS^NH||{person.surname}^{person.forename}||"
        f"{year}{month}{day}|U|||{person.address}^^Leeds^^{person.postcode}",
        f"DG1|1||^{person.condition}",
    ]) + "\r"


def handover_html(person: Person) -> str:
    return (f"<!DOCTYPE html><html><head><title>Handover</title></head><body>"
            f"<h1>Handover</h1><p>{person.name} (NHS number {spaced(person.nhs_number)}): "
            f"{person.condition}. Spare key {person.hiding_place}.</p></body></html>\n")


def referral_xml(person: Person) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<referral><patient>'
            f"<name>{person.name}</name><nhsNumber>NHS number {spaced(person.nhs_number)}"
            f"</nhsNumber><condition>{person.condition}</condition></patient></referral>\n")


def build_other_formats(base: Path, people: list[Person]) -> None:
    """The same kind of notes in every other file type phiscan reads."""
    (base / "admin" / "inbox").mkdir(parents=True, exist_ok=True)
    (base / "care-notes" / "visit-009.docx").write_bytes(visit_docx(people[0]))
    (base / "exports" / "visits.xlsx").write_bytes(visits_xlsx(people[1:4]))
    (base / "letters" / "discharge-summary.pdf").write_bytes(discharge_pdf(people[4]))
    (base / "care-notes" / "care-plan.rtf").write_bytes(care_plan_rtf(people[5]))
    (base / "admin" / "inbox" / "rota-change.eml").write_bytes(rota_change_eml(people[6]))
    (base / "admin" / "inbox" / "referral.msg").write_bytes(referral_msg(people[7]))
    (base / "exports" / "adt-feed.hl7").write_text(
        hl7_message(people[8], 1) + hl7_message(people[9], 2), newline="")
    (base / "exports" / "patients-bundle.json").write_text(fhir_bundle(people[10:12]))
    (base / "care-notes" / "handover.html").write_text(handover_html(people[12]))
    (base / "letters" / "referral.xml").write_text(referral_xml(people[13]))


# The first 24 people are in the original text, CSV, JSON and zip files; the next 14
# in the other file types. Drawn from one seeded sequence, so adding people at the
# end never changes the ones before.
PEOPLE_COUNT = 38


def build_sample_share(root: str | Path, seed: int = 7, every_format: bool = False
                       ) -> list[Person]:
    """The text, CSV, JSON and zip share; with `every_format` (the demo) also docx,
    xlsx, PDF, RTF, e-mail, Outlook, HL7, a FHIR Bundle, HTML and XML."""
    rng = random.Random(seed)
    people = make_people(rng, PEOPLE_COUNT)
    base = Path(root)
    for folder in ("care-notes", "exports", "letters", "admin"):
        (base / folder).mkdir(parents=True, exist_ok=True)
    for index, person in enumerate(people[:8], start=1):
        (base / "care-notes" / f"visit-{index:03d}.txt").write_text(visit_note(person))
    (base / "exports" / "rota-week-48.csv").write_text(rota_csv(people[8:16]))
    for index, person in enumerate(people[16:20], start=1):
        (base / "exports" / f"patient-{index:03d}.json").write_text(fhir_patient(person))
    (base / "letters" / "appointment-letters.zip").write_bytes(letters_zip(people[20:24]))
    (base / "admin" / "invoices.txt").write_text(
        "Invoice ref 4010232137 paid. Invoice ref 9434765919 due. Call 0113 496 0000.\n")
    (base / "admin" / "team-meeting.md").write_text(
        "# Team meeting\nKey findings: rota gaps on Fridays. Key stage 2 training booked.\n")
    if not every_format:
        return people[:24]
    build_other_formats(base, people[24:])
    return people


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "demo-share")
    built = build_sample_share(target, every_format=True)
    print(f"sample share with {len(built)} synthetic people written to {target}")
