"""A second held-out breach share: a GP practice and its community nursing team.

    python bench/heldout_share_2.py SHARE TRUTH.json [PEOPLE=120] [SEED=1]

Written without reading phiscan's detectors, generators or the first held-out share, so
breach scoping can be measured on records nobody tuned on. The share holds what a
practice's shared drive leaks: appointment and visit lists naming several patients, GP
referral letters (docx) with the referrer's signature and a cc list, a safeguarding log
and medication administration records (xlsx) with nurses' initials and names, a clinical
system CSV (separate forename/surname columns, some rows without an NHS number), HL7 ORU
results, FHIR Bundles (Patient, Practitioner, RelatedPerson), a caseload handover and
staff e-mails (.eml). Staff recur across patients; next of kin and key holders are named;
each patient is written in several name and date-of-birth shapes.

TRUTH.json is in the `CareTruth` format `phiscan eval TRUTH --scoping OUT` reads: people
(forename, surname, dob dd/mm/yyyy, nhs_number or '', keysafe_code or ''), staff and
related (full names). A patient has home access in the truth exactly when a key-safe code
to their home is written somewhere in the share. Every value is synthetic; NHS numbers
pass the modulus 11 check; phone numbers are from Ofcom's drama range.
"""

from __future__ import annotations

import csv
import json
import random
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from email.message import EmailMessage
from pathlib import Path

import openpyxl
from docx import Document


def words(text: str, separator: str | None = None) -> list[str]:
    return text.split(separator)


FEMALE = words(
    "Agnes Beryl Brenda Carol Doreen Edna Eileen Elsie Enid Freda Gladys Glenys Hilda Ivy "
          "Jean Joan Joyce Kathleen Lilian Margaret Marjorie Maureen Mavis Muriel Nora Olive "
          "Pamela Patricia Rita Rosemary Sheila Shirley Sylvia Thelma Valerie Vera Winifred "
          "Yvonne Bernadette Gwendoline Parveen Nasreen Krystyna Siobhan Morag Ffion")
MALE = words("Albert Arnold Bernard Cyril Clifford Dennis Derek Donald Douglas Eric Ernest Frank "
        "Geoffrey Gordon Harold Herbert Howard Kenneth Leslie Maurice Norman Percy Ralph Ronald "
        "Roy Stanley Sidney Trevor Victor Walter Wilfred Alistair Dafydd Gurdev Tadeusz Desmond "
        "Clement Winston Hamish Rhodri Iqbal Seamus Lionel Vernon")
SURNAMES = words(
    "Abbott Ashworth Bagshaw Barraclough Beddoes Blenkinsop Boothroyd Brearley Catterall "
            "Chadwick Clegg Crabtree Dewhurst Dinsdale Entwistle Fairclough Fothergill Gaskell "
            "Greenhalgh Haworth Hepworth Hinchcliffe Holroyd Illingworth Jagger Kershaw Lumb "
            "Marsden Mellor Nuttall Ogden Pickles Pilling Priestley Ramsden Rishworth Shackleton "
            "Sowerby Sutcliffe Thistlethwaite Tillotson Uttley Wadsworth Whitworth Wolstenholme "
            "Yeadon Kowalczyk Nowak Bhatti Mahmood Chaudhry Iqbal Mensah Adeyemi Ferreira "
            "O'Rourke McAllister Llewellyn Pritchard Gallagher Devlin Quigley MacLeod "
            "Fitzgerald Okonkwo Szymanski Rahman")
MIDDLE = {"F": words("Anne Mary Elizabeth Louise May Joan Rose"),
          "M": words("James John William Arthur George Edward Thomas")}
STAFF_FORE = words("Harriet Naveed Ciara Tomasz Bronwen Oluwaseun Rebecca Imran Fiona Declan Gemma "
              "Priyanka Lachlan Anouska Kwame Rosalind Yusuf Eleri Callum Marisa Joanna "
              "Hamza Philippa Ruaridh")
STAFF_SUR = words("Tennant Qureshi Doherty Wisniewski Prosser Adebayo Lockwood Siddiqui Buchanan "
             "Fenwick Hartigan Venkatesh Ferguson Blackwood Asante Pemberton Hussain Vaughan "
             "Drummond Castellano Whitfield Malik Carrington Munro")
ROLES = ["GP Partner", "GP Partner", "Salaried GP", "GP Registrar", "Practice Nurse",
         "Practice Nurse", "District Nursing Sister", "Community Staff Nurse",
         "Community Staff Nurse", "Community Staff Nurse", "Healthcare Assistant",
         "Healthcare Assistant", "Clinical Pharmacist", "Safeguarding Lead",
         "Practice Manager", "Care Coordinator", "Advanced Nurse Practitioner",
         "Community Matron", "Consultant Geriatrician", "Consultant Cardiologist",
         "Frailty Nurse", "Medical Secretary"]
STREETS = words("Moor Lane, Nab Road, Calder Terrace, Mill Fold, Chapel Street, Heights Road, "
           "Beck Side, Ings Lane, Clough Avenue, Ridge View, Well Croft, Tenter Hill", ", ")
TOWNS = [("Todmorden", "OL14"), ("Hebden Bridge", "HX7"), ("Sowerby Bridge", "HX6"),
         ("Elland", "HX5"), ("Brighouse", "HD6"), ("Halifax", "HX3")]
MONTHS = words("January February March April May June July August September October November "
          "December")
PLACES = ["by the front door", "to the left of the back door", "on the garage wall",
          "behind the drainpipe", "at the side of the porch", "next to the gas meter box",
          "round the back by the bins", "under the kitchen window"]
KS_WORDS = ["key safe", "keysafe", "key-safe", "KS", "key box", "lock box"]
MEDS = [("Bisoprolol 2.5mg", "OD", "08:00"), ("Metformin 500mg", "BD", "08:00/18:00"),
        ("Furosemide 40mg", "OM", "08:00"), ("Apixaban 5mg", "BD", "08:00/20:00"),
        ("Donepezil 10mg", "ON", "22:00"), ("Insulin glargine 18 units", "OD", "09:00"),
        ("Paracetamol 1g", "QDS", "08/12/16/20"), ("Lactulose 10ml", "BD", "08:00/18:00"),
        ("Fentanyl patch 12mcg/hr", "72-hourly", "10:00"), ("Sertraline 50mg", "OD", "08:00")]
CONCERNS = ["unexplained bruising to both forearms noted at dressing change",
            "patient reports money going missing from purse",
            "house found cold, no food in fridge, possible self-neglect",
            "grandson shouting at patient during visit, patient tearful afterwards",
            "pressure damage grade 3 sacrum, carers not repositioning",
            "patient disclosed being pushed by a family member"]
TESTS = [("U&E", [("NA", "Sodium", "mmol/L", "133-146", 125, 150),
                  ("K", "Potassium", "mmol/L", "3.5-5.3", 3.0, 6.0),
                  ("CREA", "Creatinine", "umol/L", "45-84", 40, 220)]),
         ("FBC", [("HB", "Haemoglobin", "g/L", "115-165", 80, 160),
                  ("WBC", "White cell count", "10*9/L", "4.0-11.0", 2.0, 18.0)]),
         ("HBA1C", [("HBA1C", "HbA1c", "mmol/mol", "20-41", 35, 95)])]


def nhs_check_digit(first9: str) -> int | None:
    """Modulus 11 check digit of nine digits; None when the number cannot be issued."""
    remainder = sum(int(digit) * (10 - index) for index, digit in enumerate(first9)) % 11
    check = 11 - remainder
    return 0 if check == 11 else None if check == 10 else check


def new_nhs_number(rng: random.Random, used: set[str]) -> str:
    while True:
        first9 = str(rng.choice([rng.randint(400_000_000, 499_999_999),
                                 rng.randint(600_000_000, 708_999_999)]))
        check = nhs_check_digit(first9)
        if check is not None and first9 + str(check) not in used:
            used.add(first9 + str(check))
            return first9 + str(check)


@dataclass
class Staff:
    forename: str
    surname: str
    role: str

    @property
    def name(self) -> str:
        return f"{self.forename} {self.surname}"

    @property
    def initials(self) -> str:
        return self.forename[0] + self.surname[0]

    @property
    def titled(self) -> str:
        return f"Dr {self.name}" if "GP" in self.role or "Consultant" in self.role else self.name


@dataclass
class Patient:
    forename: str
    middle: str
    surname: str
    sex: str
    dob: date
    nhs: str
    street: str
    town: str
    postcode: str
    phone: str
    keysafe: str
    place: str
    gp: Staff
    nurse: Staff
    kin: str = ""
    kin_relation: str = ""
    keyholder: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def title(self) -> str:
        return "Mr" if self.sex == "M" else "Mrs" if self.extra.get("married") else "Miss"

    def name_shape(self, rng: random.Random) -> str:
        shapes = [f"{self.forename} {self.surname}", f"{self.surname.upper()}, {self.forename}",
                  f"{self.title} {self.forename} {self.surname}",
                  f"{self.surname}, {self.forename}",
                  f"{self.forename} {self.middle} {self.surname}",
                  f"{self.title} {self.forename} {self.surname.upper()}"]
        return rng.choice(shapes)

    def dob_shape(self, rng: random.Random) -> str:
        day = self.dob
        return rng.choice([day.strftime("%d/%m/%Y"), day.strftime("%d-%b-%Y"),
                           f"{day.day} {MONTHS[day.month - 1]} {day.year}",
                           day.isoformat(), day.strftime("%d.%m.%Y")])

    def nhs_shape(self, rng: random.Random) -> str:
        n = self.nhs
        return rng.choice([f"{n[:3]} {n[3:6]} {n[6:]}", n, f"{n[:3]}-{n[3:6]}-{n[6:]}"])

    def access_text(self, rng: random.Random) -> str:
        if self.keysafe:
            word = rng.choice(KS_WORDS)
            code = rng.choice([self.keysafe, " ".join(self.keysafe)])
            return rng.choice([f"{word} {self.place}, code {code}",
                               f"{word} ({self.place}) - {code}",
                               f"{word} code {code} {self.place}, please scramble after use",
                               f"{code} is the {word} code, it is {self.place}"])
        return rng.choice(["patient opens the door, allow time", "wife lets staff in",
                           "ring bell and wait, pt mobile with frame",
                           "no key safe - daughter present for visits"])


def make_people(rng: random.Random, count: int) -> tuple[list[Patient], list[Staff], list[str]]:
    staff = [Staff(fore, sur, role) for fore, sur, role in zip(
        rng.sample(STAFF_FORE, len(ROLES)), rng.sample(STAFF_SUR, len(ROLES)), ROLES, strict=True)]
    gps = [s for s in staff if "GP" in s.role]
    nurses = [s for s in staff if "Nurs" in s.role or "Sister" in s.role or "Matron" in s.role]
    used_nhs: set[str] = set()
    people: list[Patient] = []
    seen: set[tuple[str, str, date]] = set()
    related: list[str] = []
    while len(people) < count:
        sex = rng.choice("MF")
        forename = rng.choice(MALE if sex == "M" else FEMALE)
        surname = rng.choice(SURNAMES)
        dob = date(1926, 1, 1) + timedelta(days=rng.randint(0, 365 * 50))
        if (forename, surname, dob) in seen or surname in STAFF_SUR:
            continue
        seen.add((forename, surname, dob))
        town, district = rng.choice(TOWNS)
        has_code = rng.random() < 0.35
        patient = Patient(
            forename=forename, middle=rng.choice(MIDDLE[sex]), surname=surname, sex=sex, dob=dob,
            nhs=new_nhs_number(rng, used_nhs) if rng.random() < 0.85 else "",
            street=f"{rng.randint(1, 140)} {rng.choice(STREETS)}", town=town,
            postcode=f"{district} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
                     f"{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}",
            phone=f"07700 900{rng.randint(0, 999):03d}",
            keysafe=f"{rng.randint(0, 9999):04d}" if has_code else "",
            place=rng.choice(PLACES), gp=rng.choice(gps), nurse=rng.choice(nurses),
            extra={"married": rng.random() < 0.6})
        if rng.random() < 0.65:
            relation = rng.choice(["son", "daughter", "wife", "husband", "niece", "nephew"])
            kin_fore = rng.choice(MALE if relation in ("son", "husband", "nephew") else FEMALE)
            patient.kin = f"{kin_fore} {surname if rng.random() < 0.7 else rng.choice(SURNAMES)}"
            patient.kin_relation = relation
            related.append(patient.kin)
        if has_code and rng.random() < 0.4:
            patient.keyholder = f"{rng.choice(FEMALE + MALE)} {rng.choice(SURNAMES)}"
            related.append(patient.keyholder)
        people.append(patient)
    return people, staff, sorted(set(related))


def chunks(rng: random.Random, items: list, low: int, high: int) -> list[list]:
    order = items[:]
    rng.shuffle(order)
    out = []
    while order:
        size = rng.randint(low, high)
        out.append(order[:size])
        order = order[size:]
    return out


def write_register(share: Path, rng: random.Random, people: list[Patient]) -> None:
    """Clinical system export: separate name columns, some patients without NHS number."""
    chosen = [p for p in people if rng.random() < 0.75]
    with (share / "exports" / "housebound_register_Q3.csv").open("w", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["Surname", "Forename", "Date of Birth", "NHS Number", "Postcode",
                      "Usual GP", "Housebound since"])
        for p in chosen:
            out.writerow([p.surname, p.forename, p.dob.strftime("%d/%m/%Y"), p.nhs, p.postcode,
                          p.gp.titled, f"{rng.randint(1, 28):02d}/0{rng.randint(1, 9)}/2025"])


def write_appointments(share: Path, rng: random.Random, people: list[Patient],
                       staff: list[Staff]) -> None:
    nurses = [s for s in staff if "Nurse" in s.role or "Assistant" in s.role]
    for number, group in enumerate(chunks(rng, people, 5, 9)):
        day = date(2026, 11, 2) + timedelta(days=number % 25)
        clinician = rng.choice(nurses)
        if number % 2:
            lines = [f"TREATMENT ROOM LIST  {day.strftime('%A %d %B %Y')}",
                     f"Clinician: {clinician.titled} ({clinician.role})", ""]
            for slot, p in enumerate(group):
                nhs = f"  NHS {p.nhs_shape(rng)}" if p.nhs and rng.random() < 0.6 else ""
                lines.append(f"{9 + slot // 4:02d}:{(slot % 4) * 15:02d}  "
                             f"{p.surname.upper()}, {p.forename} ({p.dob_shape(rng)}){nhs}  "
                             f"{rng.choice(['B12', 'bloods', 'dressing', 'flu vacc', 'ECG'])}")
            lines += ["", f"Printed by {rng.choice(staff).name}"]
            (share / "appointments" / f"list_{day.isoformat()}_{number}.txt").write_text(
                "\n".join(lines) + "\n")
        else:
            book = openpyxl.Workbook()
            sheet = book.active
            sheet.title = "Visits"
            sheet.append(["Date", "Time", "Patient", "DOB", "NHS No", "Address", "Visit",
                          "Nurse"])
            for slot, p in enumerate(group):
                nurse = rng.choice([p.nurse, clinician])
                sheet.append([day.strftime("%d/%m/%Y"), f"{9 + slot}:00",
                              f"{p.forename} {p.surname}", p.dob.strftime("%d/%m/%Y"),
                              p.nhs, f"{p.street}, {p.town}",
                              rng.choice(["insulin", "catheter care", "leg ulcer", "palliative"]),
                              nurse.name])
            book.save(share / "appointments" / f"dn_visits_{day.isoformat()}_{number}.xlsx")


def write_referrals(share: Path, rng: random.Random, people: list[Patient],
                    staff: list[Staff]) -> None:
    consultants = [s for s in staff if "Consultant" in s.role]
    for number, p in enumerate(rng.sample(people, len(people) // 3)):
        doc = Document()
        doc.add_paragraph("Calder Valley Medical Practice\nBeck Side Surgery, Todmorden OL14 5ZZ")
        doc.add_paragraph(f"{rng.randint(1, 28)} November 2026")
        to = rng.choice(consultants + [None])
        doc.add_paragraph(f"Dear {to.titled}" if to else "Dear Colleague")
        head = f"Re: {p.title} {p.forename} {p.surname.upper()}   DOB: {p.dob_shape(rng)}"
        if p.nhs:
            head += f"   NHS No: {p.nhs_shape(rng)}"
        doc.add_paragraph(head)
        doc.add_paragraph(f"{p.street}, {p.town} {p.postcode}   Tel {p.phone}")
        pronoun = "He" if p.sex == "M" else "She"
        body = (f"Thank you for seeing this {2026 - p.dob.year}-year-old "
                f"{'gentleman' if p.sex == 'M' else 'lady'} with worsening breathlessness and "
                f"ankle swelling. {pronoun} is housebound and known to {p.nurse.name} of the "
                f"district nursing team.")
        if p.kin:
            body += f" Next of kin is {p.kin_relation} {p.kin} ({p.phone[:-1]}7)."
        doc.add_paragraph(body)
        if p.keysafe or rng.random() < 0.3:
            doc.add_paragraph(f"Access: {p.access_text(rng)}")
        signer = p.gp if rng.random() < 0.8 else rng.choice(staff)
        doc.add_paragraph(f"Yours sincerely,\n\n\n{signer.titled}\n{signer.role}")
        cc = rng.sample([s for s in staff if s is not signer], 2)
        doc.add_paragraph(f"cc: {cc[0].name}, {cc[0].role}; {cc[1].titled}; patient")
        doc.save(share / "letters" / f"referral_{number:03d}_{p.surname.lower()}.docx")


def write_safeguarding(share: Path, rng: random.Random, people: list[Patient],
                       staff: list[Staff]) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Log 2026"
    sheet.append(["Ref", "Date raised", "Adult at risk", "DOB", "NHS number", "Concern",
                  "Raised by", "People involved", "Outcome"])
    lead = next(s for s in staff if s.role == "Safeguarding Lead")
    for number, p in enumerate(rng.sample(people, min(30, len(people)))):
        involved = f"{p.kin} ({p.kin_relation})" if p.kin else "none recorded"
        raised = f"{rng.randint(1, 28):02d}/{rng.randint(1, 11):02d}/26"
        sheet.append([f"SG-{2600 + number}", raised,
                      p.name_shape(rng), p.dob_shape(rng), p.nhs_shape(rng) if p.nhs else "",
                      rng.choice(CONCERNS), rng.choice(staff).name, involved,
                      f"Discussed with {lead.name}; "
                      + rng.choice(["referred to ASC", "no further action", "s42 enquiry"])])
    book.save(share / "safeguarding" / "safeguarding_log_2026.xlsx")


def write_mars(share: Path, rng: random.Random, people: list[Patient],
               staff: list[Staff]) -> None:
    givers = [s for s in staff if "Nurse" in s.role or "Assistant" in s.role
              or "Sister" in s.role]
    for p in rng.sample(people, len(people) // 5):
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "MAR"
        sheet.append(["MEDICATION ADMINISTRATION RECORD - community"])
        sheet.append(["Patient", f"{p.surname.upper()}, {p.forename}", "DOB",
                      p.dob.strftime("%d/%m/%Y"), "NHS", p.nhs])
        sheet.append(["Address", f"{p.street}, {p.town}", "GP", p.gp.titled])
        if p.keysafe:
            sheet.append(["Access", p.access_text(rng)])
        sheet.append([])
        sheet.append(["Medication", "Freq", "Times"] + [f"{d:02d}/11" for d in range(16, 23)])
        team = rng.sample(givers, 3)
        for med in rng.sample(MEDS, 3):
            sheet.append(list(med) + [rng.choice(team).initials for _ in range(7)])
        signatures = book.create_sheet("Signatures")
        signatures.append(["Initials", "Print name", "Designation"])
        for person in team:
            signatures.append([person.initials, person.name, person.role])
        book.save(share / "mar" / f"MAR_{p.surname}_{p.forename[0]}.xlsx")


def write_hl7(share: Path, rng: random.Random, people: list[Patient],
              staff: list[Staff]) -> None:
    gps = [s for s in staff if "GP" in s.role]
    for number, p in enumerate(rng.sample(people, len(people) // 2)):
        doctor = rng.choice([p.gp] + gps)
        doctor_field = f"G{rng.randint(1000000, 9999999)}^{doctor.surname.upper()}^" \
                       f"{doctor.forename.upper()}^^^DR"
        ident = f"{p.nhs}^^^NHS^NH" if p.nhs else f"RXX{rng.randint(100000, 999999)}^^^RXX^MR"
        test, analytes = rng.choice(TESTS)
        segments = [
            f"MSH|^~\\&|WINPATH|CHFT|EMISWEB|B82999|20261{rng.randint(101, 130)}0930||"
            f"ORU^R01|MSG{number:05d}|P|2.4",
            f"PID|1||{ident}||{p.surname.upper()}^{p.forename.upper()}^^^"
            f"{p.title.upper()}||{p.dob.strftime('%Y%m%d')}|{p.sex}|||"
            f"{p.street}^^{p.town}^^{p.postcode}",
            f"PV1|1|O|||||{doctor_field}",
            f"ORC|RE|ORD{number:06d}||||||||||{doctor_field}",
            f"OBR|1|ORD{number:06d}|LAB{number:06d}|{test}^{test}|||20261116||||||||"
            f"{doctor_field}",
        ]
        for index, (code, label, unit, ref, low, high) in enumerate(analytes, 1):
            value = round(rng.uniform(low, high), 1)
            segments.append(f"OBX|{index}|NM|{code}^{label}||{value}|{unit}|{ref}|N|||F")
        (share / "results" / f"oru_{number:04d}.hl7").write_text("\r".join(segments) + "\r")


def write_fhir(share: Path, rng: random.Random, people: list[Patient],
               staff: list[Staff]) -> None:
    for number, group in enumerate(chunks(rng, rng.sample(people, len(people) // 3), 1, 3)):
        entries = []
        for index, p in enumerate(group):
            pid = f"pat-{number}-{index}"
            patient = {"resourceType": "Patient", "id": pid,
                       "name": [{"use": "official", "family": p.surname,
                                 "given": [p.forename] + ([p.middle] if index % 2 else []),
                                 "prefix": [p.title]}],
                       "gender": "male" if p.sex == "M" else "female",
                       "birthDate": p.dob.isoformat(),
                       "address": [{"line": [p.street], "city": p.town,
                                    "postalCode": p.postcode}]}
            if p.nhs:
                patient["identifier"] = [{"system": "https://fhir.nhs.uk/Id/nhs-number",
                                          "value": p.nhs}]
            entries.append({"fullUrl": f"urn:uuid:{pid}", "resource": patient})
            practitioner = p.nurse if index % 2 else p.gp
            entries.append({"fullUrl": f"urn:uuid:prac-{number}-{index}", "resource": {
                "resourceType": "Practitioner", "id": f"prac-{number}-{index}",
                "name": [{"family": practitioner.surname, "given": [practitioner.forename]}]}})
            if p.kin:
                kin_fore, _, kin_sur = p.kin.partition(" ")
                entries.append({"fullUrl": f"urn:uuid:rel-{number}-{index}", "resource": {
                    "resourceType": "RelatedPerson", "id": f"rel-{number}-{index}",
                    "patient": {"reference": f"Patient/{pid}"},
                    "relationship": [{"text": p.kin_relation}],
                    "name": [{"family": kin_sur, "given": [kin_fore]}],
                    "telecom": [{"system": "phone", "value": p.phone}]}})
        bundle = {"resourceType": "Bundle", "type": "collection", "entry": entries}
        (share / "fhir" / f"bundle_{number:03d}.json").write_text(json.dumps(bundle, indent=1))


def write_caseload(share: Path, rng: random.Random, people: list[Patient],
                   staff: list[Staff]) -> None:
    """District nursing handover: a table, one patient a row, access in its own column."""
    coded = [p for p in people if p.keysafe]
    rest = [p for p in people if not p.keysafe]
    for number, group in enumerate(chunks(rng, coded + rng.sample(rest, len(rest) // 3), 6, 12)):
        doc = Document()
        nurse = rng.choice([s for s in staff if "Sister" in s.role or "Matron" in s.role])
        doc.add_paragraph(f"Upper Valley DN caseload handover - week {45 + number}")
        doc.add_paragraph(f"Prepared by {nurse.name}, {nurse.role}")
        table = doc.add_table(rows=1, cols=5)
        for cell, text in zip(table.rows[0].cells, ["Patient", "DOB / NHS", "Address",
                                                    "Access", "Named nurse"], strict=True):
            cell.text = text
        for p in group:
            ids = p.dob_shape(rng) + (f" / {p.nhs_shape(rng)}" if p.nhs else "")
            row = table.add_row().cells
            access = p.access_text(rng)
            if p.keyholder:
                access += f"; spare key held by neighbour {p.keyholder}"
            for cell, text in zip(row, [p.name_shape(rng), ids, f"{p.street}, {p.postcode}",
                                        access, p.nurse.name], strict=True):
                cell.text = text
        doc.save(share / "caseload" / f"handover_wk{45 + number}.docx")


def email_body(rng: random.Random, sender: Staff, to: Staff, group: list[Patient]) -> str:
    lines = [f"Hi {to.forename},", ""]
    for p in group:
        who = rng.choice([f"{p.forename} {p.surname} (DOB {p.dob_shape(rng)})",
                          f"{p.title} {p.surname}, {p.forename}, born {p.dob_shape(rng)}",
                          f"{p.forename} {p.surname}, NHS {p.nhs_shape(rng)}" if p.nhs
                          else f"{p.forename} {p.surname} ({p.dob_shape(rng)})"])
        lines.append(f"Could you add {who} to {rng.choice(['tomorrow', 'Thursday'])}'s list "
                     f"for {rng.choice(['a wound review', 'bloods', 'a syringe driver check'])}.")
        if p.keysafe and rng.random() < 0.7:
            text = p.access_text(rng)
            lines.append(f"{text[0].upper()}{text[1:]}.")
        if p.keyholder and rng.random() < 0.5:
            lines.append(f"If no answer, {p.keyholder} next door has a key.")
        if p.kin and rng.random() < 0.5:
            pronoun = "His" if p.sex == "M" else "Her"
            lines.append(f"{pronoun} {p.kin_relation} {p.kin} would like a call on {p.phone}.")
        lines.append("")
    if rng.random() < 0.3:
        lines.append("PS the surgery's staff entrance code has changed to 2580#, staff only.")
    lines += ["Thanks", sender.forename, "", sender.name, sender.role,
              "Calder Valley Medical Practice"]
    return "\n".join(lines) + "\n"


def write_emails(share: Path, rng: random.Random, people: list[Patient],
                 staff: list[Staff]) -> None:
    for number, group in enumerate(chunks(rng, rng.sample(people, len(people) // 2), 1, 3)):
        sender, to = rng.sample(staff, 2)
        message = EmailMessage()
        message["From"] = f"{sender.name} <{sender.forename.lower()}.{sender.surname.lower()}" \
                          f"@nhs.net>"
        message["To"] = f"{to.name} <{to.forename.lower()}.{to.surname.lower()}@nhs.net>"
        message["Subject"] = rng.choice(["Visit request", "Add to list", "Handover",
                                         "FW: patients"])
        message["Date"] = f"Tue, {rng.randint(1, 28)} Nov 2026 1{rng.randint(0, 7)}:05:00 +0000"
        message.set_content(email_body(rng, sender, to, group))
        (share / "mail" / f"msg_{number:04d}.eml").write_bytes(bytes(message))


def build(share: Path, truth_path: Path, count: int, seed: int) -> None:
    rng = random.Random(seed)
    people, staff, related = make_people(rng, count)
    for folder in ("exports", "appointments", "letters", "safeguarding", "mar", "results",
                   "fhir", "caseload", "mail"):
        (share / folder).mkdir(parents=True, exist_ok=True)
    write_register(share, rng, people)
    write_appointments(share, rng, people, staff)
    write_referrals(share, rng, people, staff)
    write_safeguarding(share, rng, people, staff)
    write_mars(share, rng, people, staff)
    write_hl7(share, rng, people, staff)
    write_fhir(share, rng, people, staff)
    write_caseload(share, rng, people, staff)
    write_emails(share, rng, people, staff)
    truth = {"people": [{"forename": p.forename, "surname": p.surname,
                         "dob": p.dob.strftime("%d/%m/%Y"), "nhs_number": p.nhs,
                         "keysafe_code": p.keysafe} for p in people],
             "staff": [s.name for s in staff], "related": related}
    truth_path.write_text(json.dumps(truth, indent=1))


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    count = int(argv[2]) if len(argv) > 2 else 120
    seed = int(argv[3]) if len(argv) > 3 else 1
    build(Path(argv[0]), Path(argv[1]), count, seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
