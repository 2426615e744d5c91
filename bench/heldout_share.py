"""An independent, breach-shaped share of a home-care provider, with its truth.

Written without reading phiscan's detectors or its own share generator, to measure
breach scoping (issue #15) on data the project has not shaped:

    python bench/heldout_share.py SHARE TRUTH.json [PEOPLE] [SEED]
    python -m phiscan scan SHARE --out OUT
    python -m phiscan eval TRUTH.json --scoping OUT

The share holds what a domiciliary care provider's file server holds: daily visit logs
naming several clients each (carers named with and without labels), handover sheets and
a community-hospital ward list, care plans with access arrangements, GP and hospital
letters (docx, rtf, txt) with signatures and cc lists, weekly rotas (xlsx), CSV
extracts with split surname/forename columns, HL7 v2 ADT messages, FHIR bundles and
staff e-mails. Staff recur across many clients; next of kin and neighbours hold keys;
a few couples are both clients. The truth (written outside the share) lists the
clients (`people`: forename, surname, dob dd/mm/yyyy, nhs_number or '', keysafe_code:
the code or key hiding place written somewhere in the share, or ''), `staff` and
`related` full names, in the JSON `phiscan.quality.scoping` reads.
"""

from __future__ import annotations

import csv
import json
import random
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import docx
import openpyxl

FEMALE = [
    "Agnes", "Barbara", "Beryl", "Brenda", "Carol", "Christine", "Doreen", "Dorothy", "Edna",
    "Eileen", "Elsie", "Enid", "Evelyn", "Freda", "Gladys", "Gwendoline", "Hazel", "Hilda",
    "Irene", "Iris", "Ivy", "Jean", "Joan", "Joyce", "Kathleen", "Lilian", "Mabel", "Margaret",
    "Marjorie", "Maureen", "Mavis", "Muriel", "Nora", "Olive", "Pamela", "Patricia", "Pauline",
    "Peggy", "Phyllis", "Rita", "Rosemary", "Sheila", "Shirley", "Sylvia", "Thelma", "Valerie",
    "Vera", "Violet", "Winifred", "Yvonne", "Bernadette", "Ngozi", "Parveen", "Gurdeep", "Teresa",
    "Siobhan", "Bronwen", "Morag"
]
MALE = [
    "Albert", "Alfred", "Arthur", "Bernard", "Cecil", "Clifford", "Cyril", "Dennis", "Derek",
    "Donald", "Douglas", "Eric", "Ernest", "Frank", "Frederick", "Geoffrey", "Gordon", "Harold",
    "Herbert", "Horace", "Howard", "Kenneth", "Leonard", "Leslie", "Malcolm", "Maurice", "Norman",
    "Percy", "Ralph", "Raymond", "Reginald", "Ronald", "Roy", "Stanley", "Sidney", "Terence",
    "Trevor", "Walter", "Wilfred", "Desmond", "Clement", "Winston", "Mohammed", "Baldev",
    "Tadeusz", "Seamus", "Hywel", "Angus"
]
SURNAMES = [
    "Ackroyd", "Ainsworth", "Appleyard", "Ashworth", "Barraclough", "Beardsley", "Blakey",
    "Bottomley", "Brearley", "Broadbent", "Calvert", "Cartwright", "Clegg", "Crabtree", "Dewhirst",
    "Dobson", "Eastwood", "Entwistle", "Fairclough", "Fawcett", "Gaukroger", "Greenwood", "Haigh",
    "Halstead", "Hargreaves", "Holroyd", "Horsfall", "Illingworth", "Jowett", "Kershaw", "Lumb",
    "Marsden", "Mitchell", "Naylor", "Oldroyd", "Pickles", "Priestley", "Ramsden", "Redman",
    "Rushworth", "Shackleton", "Sutcliffe", "Tattersall", "Thackray", "Uttley", "Wadsworth",
    "Whiteley", "Wilkinson", "Womersley", "O'Hara", "O'Donnell", "McAllister", "Mackintosh",
    "Fitzgerald", "Featherstone-Haugh", "Lloyd-Price", "Okonkwo", "Chaudhry", "Kowalczyk", "Nowak",
    "Sandhu", "Begum", "Achterberg", "Szymanski", "Ferreira", "D'Souza"
]
STAFF_FIRST = [
    "Leanne", "Kirsty", "Jodie", "Chantelle", "Gemma", "Stacey", "Danielle", "Amira", "Precious",
    "Oksana", "Ruta", "Tariq", "Callum", "Jordan", "Ryan", "Liam", "Kieran", "Ashleigh", "Bethany",
    "Shannon", "Tendai", "Blessing", "Magdalena", "Chiamaka", "Aleksandra", "Rhiannon", "Niamh",
    "Sinead", "Zainab", "Faisal"
]
STAFF_SURNAMES = [
    "Bishop", "Walsh", "Nair", "Quigley", "Okafor", "Pemberton", "Hussain", "Doyle", "Kaur",
    "Lewandowska", "Mensah", "Farrow", "Gallagher", "Brennan", "Sato", "Osei", "Whitfield",
    "Cunliffe", "Atherton", "Moyo", "Kavanagh", "Iqbal", "Ridley", "Sheridan", "Dunne", "Appiah",
    "Lindqvist", "Moreno", "Haworth", "Trueman"
]
DOCTOR_FIRST = [
    "Anil", "Fiona", "Rajesh", "Catriona", "Olumide", "Helen", "Marcus", "Priyanka", "Stephen",
    "Imogen", "Kwame", "Sunita", "Gareth", "Eleanor", "Hamid", "Rebecca"
]
DOCTOR_SURNAMES = [
    "Menon", "Reid", "Chakraborty", "Lennox", "Adebayo", "Forsyth", "Whitcombe", "Srinivasan",
    "Prothero", "Castellano", "Boateng", "Raman", "Llewellyn", "Ashdown", "Karimi", "Tennant"
]
STREETS = """Elm Road|Hollins Lane|Moorside Avenue|Beck Street|Chapel Fold|Wharf Street|Heather
Close|Prospect Terrace|Greenhead Lane|Mill Bank|Sunnyside Grove|Victoria Crescent|Ladysmith
Road|Paradise Row|Tower View|Rydal Mount|Sandholme Drive""".replace("\n", " ").split("|")
TOWNS = [("Hebden Bridge", "HX7"), ("Todmorden", "OL14"), ("Sowerby Bridge", "HX6"),
         ("Brighouse", "HD6"), ("Elland", "HX5"), ("Halifax", "HX1")]
CONDITIONS = ["Alzheimer's disease", "vascular dementia", "COPD", "congestive heart failure",
              "type 2 diabetes", "Parkinson's disease", "osteoarthritis of both knees",
              "fractured neck of femur (left), repaired", "atrial fibrillation",
              "chronic kidney disease stage 3", "stroke with right sided weakness",
              "macular degeneration", "depression", "leg ulcers", "breast cancer, in remission"]
MEDS = ["donepezil 10mg od", "furosemide 40mg om", "metformin 500mg bd", "apixaban 5mg bd",
        "co-careldopa 25/100 tds", "sertraline 50mg od", "paracetamol 1g qds prn",
        "bisoprolol 2.5mg od", "Fostair 100/6 two puffs bd", "alendronic acid 70mg weekly",
        "morphine sulfate 10mg/5ml prn", "levothyroxine 75mcg od"]
HIDING = ["under the blue plant pot by the back door", "in the meter box at the side",
          "under the stone frog on the step", "in the tin behind the drainpipe",
          "on the hook inside the shed", "in the fake rock in the front border"]
WOMEN_RELATIONS = {"daughter", "niece", "wife", "granddaughter", "daughter-in-law"}
RELATIONS = ["daughter", "son", "niece", "nephew", "husband", "wife", "granddaughter",
             "son-in-law", "friend"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
NEWS = ["been discharged from CRH", "had another fall", "started on antibiotics for a UTI",
        "been seen by the memory clinic"]
PROVIDER = "Calder Valley Homecare Ltd"
DOMAIN = "caldervalleyhomecare.example"


def nhs_check_digit(nine: str) -> int | None:
    """Modulus 11 over the first nine digits (weights 10..2); None when the number is void."""
    total = sum(int(digit) * weight for digit, weight in zip(nine, range(10, 1, -1),
                                                                strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def new_nhs_number(rng: random.Random, used: set[str]) -> str:
    while True:
        nine = str(rng.choice([4, 6, 7])) + "".join(str(rng.randint(0, 9)) for _ in range(8))
        check = nhs_check_digit(nine)
        if check is not None and nine + str(check) not in used:
            used.add(nine + str(check))
            return nine + str(check)


def ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


@dataclass
class Staff:
    first: str
    last: str
    job: str

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def titled(self) -> str:
        return f"Dr {self.full}" if self.job in ("GP", "Consultant") else self.full

    @property
    def email(self) -> str:
        return f"{self.first.lower()}.{self.last.lower()}@{DOMAIN}"


@dataclass
class Related:
    first: str
    last: str
    relation: str
    phone: str

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


@dataclass
class Client:
    title: str
    first: str
    middle: str
    last: str
    dob: date
    nhs: str
    house: int
    street: str
    town: str
    postcode: str
    conditions: list[str]
    meds: list[str]
    gp: Staff
    carers: list[Staff]
    nok: Related
    access: str = ""  # what the share says about getting in ('' = nothing)
    access_code: str = ""
    keyholder: Related | None = None
    partner: Client | None = None
    hospital_no: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def address(self) -> str:
        return f"{self.house} {self.street}, {self.town} {self.postcode}"


class Shapes:
    """The ways staff write one client's name, date of birth and NHS number."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def name(self, c: Client) -> str:
        middle = f" {c.middle}" if c.middle else ""
        initial = f" {c.middle[0]}." if c.middle else ""
        return self.rng.choice([
            f"{c.title} {c.first} {c.last}", f"{c.last.upper()}, {c.first}",
            f"{c.first} {c.last.upper()}", f"{c.first}{middle} {c.last}",
            f"{c.title} {c.first}{initial} {c.last}", f"{c.last.upper()}, {c.first}{middle}",
            f"{c.first} {c.last}"])

    def dob(self, d: date) -> str:
        return self.rng.choice([
            d.strftime("%d/%m/%Y"), d.strftime("%d.%m.%Y"), d.isoformat(),
            f"{d.day} {MONTHS[d.month - 1]} {d.year}", d.strftime("%d-%b-%Y"),
            f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}",
            d.strftime("%d/%m/%y" if d.year >= 1930 else "%d/%m/%Y")])  # '25 could be 2025

    def nhs(self, number: str) -> str:
        return self.rng.choice([f"{number[:3]} {number[3:6]} {number[6:]}", number,
                                f"{number[:3]}-{number[3:6]}-{number[6:]}"])

    def prose_dob(self, c: Client) -> str:
        d = c.dob
        return self.rng.choice([
            f"who was born on the {ordinal(d.day)} of {MONTHS[d.month - 1]} {d.year}",
            f"born {d.day} {MONTHS[d.month - 1]} {d.year}",
            f"(d.o.b. {d.strftime('%d/%m/%Y')})", f"DOB {self.dob(d)}"])


class World:
    def __init__(self, people: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.shape = Shapes(self.rng)
        rng = self.rng
        self.staff_keys: set[tuple[str, str]] = set()
        self.carers = [self._staff(STAFF_FIRST, STAFF_SURNAMES, "Carer") for _ in range(16)]
        self.seniors = [self._staff(STAFF_FIRST, STAFF_SURNAMES, "Senior Carer")
                        for _ in range(4)]
        self.nurses = [self._staff(STAFF_FIRST, STAFF_SURNAMES, "District Nurse")
                       for _ in range(6)]
        self.coordinators = [self._staff(STAFF_FIRST, STAFF_SURNAMES, "Care Coordinator")
                             for _ in range(3)]
        self.gps = [self._staff(DOCTOR_FIRST, DOCTOR_SURNAMES, "GP") for _ in range(6)]
        self.consultants = [self._staff(DOCTOR_FIRST, DOCTOR_SURNAMES, "Consultant")
                            for _ in range(5)]
        self.surgeries = {gp.full: rng.choice(["Beech House Surgery", "Calder Medical Centre",
                                               "Ryburn Valley Practice", "Station Road Surgery"])
                          for gp in self.gps}
        self.specialty = {c.full: rng.choice(["Care of the Elderly", "Respiratory Medicine",
                                              "Cardiology", "Old Age Psychiatry",
                                              "Orthogeriatrics"])
                          for c in self.consultants}
        self.related: list[Related] = []
        self.clients: list[Client] = []
        self.used_nhs: set[str] = set()
        self.client_keys: set[tuple[str, str]] = set()
        self.related_keys: set[tuple[str, str]] = set()
        while len(self.clients) < people:
            client = self._client(self.client_keys)
            self.clients.append(client)
            if len(self.clients) < people and rng.random() < 0.06:
                self.clients.append(self._partner_of(client, self.client_keys))

    def _staff(self, firsts: list[str], lasts: list[str], job: str) -> Staff:
        while True:
            key = (self.rng.choice(firsts), self.rng.choice(lasts))
            if key not in self.staff_keys:
                self.staff_keys.add(key)
                return Staff(*key, job)

    @property
    def staff(self) -> list[Staff]:
        return (self.carers + self.seniors + self.nurses + self.coordinators + self.gps
                + self.consultants)

    def _phone(self) -> str:
        return f"07700 900{self.rng.randint(0, 999):03d}"

    def _relative(self, last: str, relation: str) -> Related:
        rng = self.rng
        women = STAFF_FIRST[:11] + STAFF_FIRST[17:29] + FEMALE[:20]
        men = STAFF_FIRST[11:17] + STAFF_FIRST[29:] + MALE[:20]
        if relation in WOMEN_RELATIONS:
            first = rng.choice(women)
        elif relation in ("son", "nephew", "husband", "son-in-law"):
            first = rng.choice(men)
        else:
            first = rng.choice(women + men)
        if relation in ("niece", "friend", "granddaughter") or rng.random() < 0.3:
            last = rng.choice(SURNAMES + STAFF_SURNAMES)
        while (first, last) in self.staff_keys or (first, last) in self.client_keys:
            last = rng.choice(SURNAMES)
        person = Related(first, last, relation, self._phone())
        self.related_keys.add((first, last))
        self.related.append(person)
        return person

    def _client(self, keys: set[tuple[str, str]]) -> Client:
        rng = self.rng
        while True:
            female = rng.random() < 0.62
            first = rng.choice(FEMALE if female else MALE)
            last = rng.choice(SURNAMES)
            if ((first, last) not in keys and (first, last) not in self.staff_keys
                    and (first, last) not in self.related_keys):
                keys.add((first, last))
                break
        middle = rng.choice(FEMALE if female else MALE) if rng.random() < 0.4 else ""
        if middle == first:
            middle = ""
        title = rng.choice(["Mrs", "Miss", "Ms"]) if female else "Mr"
        dob = date(1924, 1, 1) + timedelta(days=rng.randint(0, 365 * 38))
        nhs = new_nhs_number(rng, self.used_nhs) if rng.random() < 0.8 else ""
        town, outward = rng.choice(TOWNS)
        postcode = f"{outward} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}" \
                   f"{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
        client = Client(
            title, first, middle, last, dob, nhs, rng.randint(1, 120), rng.choice(STREETS),
            town, postcode, rng.sample(CONDITIONS, rng.randint(1, 3)),
            rng.sample(MEDS, rng.randint(1, 4)), rng.choice(self.gps),
            rng.sample(self.carers, 3), self._relative(last, rng.choice(
                [r for r in RELATIONS if r != ("husband" if title == "Mr" else "wife")])))
        client.hospital_no = f"RX{rng.randint(1000000, 9999999)}"
        self._access(client)
        return client

    def _access(self, client: Client) -> None:
        rng = self.rng
        roll = rng.random()
        if roll < 0.36:
            client.access_code = f"{rng.randint(0, 9999):04d}"
            client.access = "keysafe"
        elif roll < 0.44:
            client.access = "hidden"
            client.access_code = rng.choice(HIDING)
        elif roll < 0.50:
            client.access = "keyholder"
            client.keyholder = self._relative(rng.choice(SURNAMES), "neighbour")
            client.access_code = "key with neighbour"
        if client.access == "keysafe" and rng.random() < 0.3:
            client.keyholder = self._relative(rng.choice(SURNAMES), "neighbour")

    def _partner_of(self, client: Client, keys: set[tuple[str, str]]) -> Client:
        before = len(self.related)
        partner = self._client(keys)
        keys.discard((partner.first, partner.last))
        del self.related[before:]  # the couple share next of kin and key holder
        partner.last = client.last
        partner.title = "Mr" if client.title != "Mr" else "Mrs"
        partner.first = self.rng.choice(MALE if partner.title == "Mr" else FEMALE)
        while ((partner.first, partner.last) in keys | self.related_keys
               or partner.first == client.first):
            partner.first = self.rng.choice(MALE if partner.title == "Mr" else FEMALE)
        keys.add((partner.first, partner.last))
        partner.middle = ""
        for attribute in ("house", "street", "town", "postcode", "access", "access_code",
                          "keyholder", "gp", "carers"):
            setattr(partner, attribute, getattr(client, attribute))
        partner.nok = client.nok
        partner.partner, client.partner = client, partner
        return partner

    def truth(self) -> dict:
        return {
            "people": [{"forename": c.first, "surname": c.last,
                        "dob": c.dob.strftime("%d/%m/%Y"), "nhs_number": c.nhs,
                        "keysafe_code": c.access_code, "middle_names": c.middle,
                        "postcode": c.postcode, "access": c.access} for c in self.clients],
            "staff": sorted({s.full for s in self.staff}),
            "related": sorted({r.full for r in self.related}),
        }


class Writer:
    def __init__(self, world: World, root: Path) -> None:
        self.w = world
        self.rng = world.rng
        self.s = world.shape
        self.root = root
        self.day0 = date(2026, 10, 5)

    def path(self, *parts: str) -> Path:
        target = self.root.joinpath(*parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    def access_sentence(self, c: Client) -> str:
        code = " ".join(c.access_code) if self.rng.random() < 0.4 else c.access_code
        if c.access == "keysafe":
            text = self.rng.choice([
                f"Key safe to the left of the front door, code {code}.",
                f"KS {code} - please scramble after use.",
                f"Access via keysafe by the back door. The code is {code}.",
                f"Let yourself in with the key from the key safe ({code})."])
        elif c.access == "hidden":
            text = f"Spare key is {c.access_code}, please put it back."
        elif c.access == "keyholder" and c.keyholder:
            text = (f"Neighbour {c.keyholder.full} at No {c.house + 2} holds a key "
                    f"if {c.first} does not answer.")
        else:
            return self.rng.choice([f"{c.title} {c.last} answers the door herself."
                                    if c.title != "Mr" else f"Mr {c.last} answers the door.",
                                    "Ring the bell and wait, client is slow on her feet.",
                                    "Family let carers in."])
        if c.access == "keysafe" and c.keyholder:
            text += f" Spare key with neighbour {c.keyholder.full}."
        return text

    # -- care plans (docx), one per client
    def care_plans(self) -> None:
        for c in self.w.clients:
            document = docx.Document()
            document.add_heading("Care and Support Plan", 1)
            table = document.add_table(rows=0, cols=2)
            coordinator = self.rng.choice(self.w.coordinators)
            rows = [("Name", f"{c.title} {c.first}{' ' + c.middle if c.middle else ''} {c.last}"),
                    ("Date of birth", self.s.dob(c.dob)),
                    ("NHS number", self.s.nhs(c.nhs) if c.nhs else "not known"),
                    ("Address", c.address),
                    ("GP", f"Dr {c.gp.full}, {self.w.surgeries[c.gp.full]}"),
                    ("Next of kin", f"{c.nok.full} ({c.nok.relation}) {c.nok.phone}"),
                    ("Access arrangements", self.access_sentence(c)),
                    ("Diagnoses", "; ".join(c.conditions)),
                    ("Medication", ", ".join(c.meds)),
                    ("Plan written by", f"{coordinator.full}, Care Coordinator")]
            for label, value in rows:
                cells = table.add_row().cells
                cells[0].text, cells[1].text = label, value
            document.add_paragraph(
                f"{c.first} likes to be called {c.first[:3] if len(c.first) > 4 else c.first}. "
                f"Needs help of one with personal care morning and evening. "
                f"Regular carers: {', '.join(s.full for s in c.carers[:2])}.")
            folder = f"{c.last.upper()} {c.first}".replace("'", "")
            document.save(self.path("Clients", folder, "Care plan.docx"))

    # -- daily visit logs: several clients each
    def visit_logs(self) -> None:
        clients = self.w.clients
        for index in range(max(10, len(clients) // 3)):
            day = self.day0 + timedelta(days=index)
            pair = self.rng.sample(self.w.carers, 2)
            round_clients = self.rng.sample(clients, self.rng.randint(4, 7))
            separator = self.rng.choice(["\n---------------------------\n", "\n\n"])
            style = index % 3
            header = (f"{PROVIDER} - daily log, round {index % 5 + 1}, "
                      f"{day.strftime('%a %d/%m/%Y')}\n")
            if style == 0:
                header += f"Carers on round: {pair[0].full} & {pair[1].full}\n"
            entries = []
            for slot, c in enumerate(round_clients):
                time = f"{7 + slot}:{self.rng.choice(['00', '15', '30', '45'])}"
                who = self.rng.choice([
                    f"Carer: {pair[0].full}", f"{pair[0].full} and {pair[1].full} attended",
                    f"Double up with {pair[1].full}", f"Visit done by {pair[1].full}",
                    f"{pair[0].full}, {pair[1].full}"])
                body = self.rng.choice([
                    "Assisted with wash and dress, breakfast taken, meds given from dosette.",
                    "Appeared more confused today, didn't recognise me at first. Ate half "
                    "her toast. Pad changed, skin intact.",
                    "Found on the floor in the hall, no injuries seen, helped up with the "
                    "Raizer, office and GP informed.",
                    "Catheter bag emptied 600ml, dark urine, encouraged fluids.",
                    "Low mood, tearful about her late husband. Sat with her 10 mins.",
                    "Insulin given by DN earlier, BM 11.2. Lunch prepared."])
                line = (f"{time} {self.s.name(c)} ({self.s.dob(c.dob)}) - {body} {who}.")
                if self.rng.random() < 0.4 and c.access:
                    line += " " + self.access_sentence(c)
                if self.rng.random() < 0.25:
                    line += f" {c.nok.first} ({c.nok.relation}) rang during the call."
                entries.append(line)
            text = header + separator.join(entries) + "\n"
            if style == 2:
                text += f"\nSigned {pair[0].full}\n"
            self.path("Visit logs", day.strftime("%Y-%m"),
                      f"log_{day.isoformat()}_round{index % 5 + 1}.txt").write_text(text)

    # -- handover sheets (docx tables) and a ward list (xlsx)
    def handovers(self) -> None:
        for index in range(max(4, len(self.w.clients) // 12)):
            day = self.day0 + timedelta(days=2 * index)
            nurse = self.rng.choice(self.w.nurses)
            document = docx.Document()
            document.add_heading(f"District nursing handover {day.strftime('%d/%m/%Y')}", 2)
            document.add_paragraph(f"Handed over by Sister {nurse.full} to the twilight team")
            table = document.add_table(rows=1, cols=5)
            for cell, heading in zip(table.rows[0].cells,
                                     ["Patient", "DOB", "NHS No", "Issue", "Access"],
                                     strict=True):
                cell.text = heading
            for c in self.rng.sample(self.w.clients, self.rng.randint(5, 9)):
                cells = table.add_row().cells
                cells[0].text = f"{c.last.upper()}, {c.first}"
                cells[1].text = self.s.dob(c.dob)
                cells[2].text = self.s.nhs(c.nhs) if c.nhs else ""
                cells[3].text = self.rng.choice(["leg ulcer dressing", "insulin",
                                                 "syringe driver check", "catheter change",
                                                 "pressure area care", "bloods"])
                cells[4].text = (c.access_code if c.access == "keysafe" else "")
            document.save(self.path("District Nursing", "Handover",
                                    f"handover {day.strftime('%d-%m-%Y')}.docx"))

    def ward_list(self) -> None:
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "Ward 3 Intermediate Care"
        sheet.append(["Bed", "Patient Name", "DOB", "NHS No", "Consultant", "Named Nurse",
                      "Diagnosis", "EDD"])
        for bed, c in enumerate(self.rng.sample(self.w.clients,
                                                min(18, len(self.w.clients))), start=1):
            sheet.append([bed, f"{c.last.upper()}, {c.first}", c.dob.strftime("%d/%m/%Y"),
                          c.nhs, f"Dr {self.rng.choice(self.w.consultants).last}",
                          self.rng.choice(self.w.nurses).full, c.conditions[0],
                          (self.day0 + timedelta(days=bed)).strftime("%d/%m/%Y")])
        book.save(self.path("District Nursing", "Ward 3 list.xlsx"))

    # -- letters: docx, rtf and txt
    def letter_text(self, c: Client) -> tuple[list[str], str]:
        consultant = self.rng.choice(self.w.consultants)
        clinic = self.w.specialty[consultant.full]
        nhs = f"  NHS No: {self.s.nhs(c.nhs)}" if c.nhs else f"  Hosp No: {c.hospital_no}"
        lines = [
            "Calderdale Royal Infirmary", f"Department of {clinic}",
            (self.day0 + timedelta(days=self.rng.randint(0, 50))).strftime("%d %B %Y"), "",
            f"Dr {c.gp.full}", self.w.surgeries[c.gp.full], "",
            f"Dear Dr {c.gp.last},", "",
            f"Re: {self.s.name(c)}  DOB: {self.s.dob(c.dob)}{nhs}",
            f"{c.address}", "",
            f"I reviewed {c.title} {c.last} in the {clinic} clinic today, accompanied by "
            f"{c.nok.relation} {c.nok.full}. Diagnoses: {'; '.join(c.conditions)}.",
            f"Current medication: {', '.join(c.meds)}. I have asked her carers from "
            f"{PROVIDER} to report any further falls.", "",
            "Yours sincerely", "", f"Dr {consultant.full}", f"Consultant, {clinic}", "",
            f"cc: {self.s.name(c)} (patient); {c.nok.full} ({c.nok.relation}); "
            f"Sister {self.rng.choice(self.w.nurses).full}, District Nursing Team"]
        return lines, consultant.full

    def letters(self) -> None:
        for index, c in enumerate(self.rng.sample(self.w.clients,
                                                  int(len(self.w.clients) * 0.7))):
            lines, _ = self.letter_text(c)
            kind = index % 3
            stem = f"clinic letter {c.last} {index:03d}"
            if kind == 0:
                document = docx.Document()
                for line in lines:
                    document.add_paragraph(line)
                document.save(self.path("Letters", f"{stem}.docx"))
            elif kind == 1:
                body = "\\par\n".join(line.replace("\\", "\\\\").replace("{", "\\{")
                                      .replace("}", "\\}") for line in lines)
                self.path("Letters", f"{stem}.rtf").write_text(
                    "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\\f0\\fs22\n" + body + "}\n")
            else:
                self.path("Letters", f"{stem}.txt").write_text("\n".join(lines) + "\n")

    # -- rotas: carers with their clients, names only
    def rotas(self) -> None:
        for week in range(4):
            book = openpyxl.Workbook()
            sheet = book.active
            sheet.title = f"w-c {(self.day0 + timedelta(weeks=week)).strftime('%d.%m')}"
            sheet.append(["Carer", "Day", "Start", "End", "Client", "Address", "Access"])
            for carer in self.w.carers:
                mine = [c for c in self.w.clients if carer in c.carers]
                for c in self.rng.sample(mine, min(len(mine), 6)):
                    access = ""
                    if c.access == "keysafe":
                        access = f"KS {c.access_code}"
                    elif c.access == "hidden":
                        access = f"key {c.access_code}"
                    sheet.append([carer.full, self.rng.choice(["Mon", "Tue", "Wed", "Thu",
                                                              "Fri", "Sat", "Sun"]),
                                  "08:00", "08:30", f"{c.first} {c.last}", c.address, access])
            book.save(self.path("Rotas", f"Rota week {week + 1}.xlsx"))

    # -- CSV extracts with split names
    def extracts(self) -> None:
        with self.path("Exports", "client list full.csv").open("w", newline="") as handle:
            out = csv.writer(handle)
            out.writerow(["Client ID", "Title", "Forename", "Surname", "Date of Birth",
                          "NHS Number", "Address", "Postcode", "Next of Kin",
                          "NOK Relationship", "NOK Phone", "Lead Carer"])
            for number, c in enumerate(self.w.clients, start=1001):
                out.writerow([f"CV{number}", c.title, c.first, c.last,
                              c.dob.strftime("%d/%m/%Y"), c.nhs,
                              f"{c.house} {c.street}, {c.town}", c.postcode, c.nok.full,
                              c.nok.relation, c.nok.phone, c.carers[0].full])
        with self.path("Exports", "no nhs number - to chase.csv").open(
                "w", newline="") as handle:
            out = csv.writer(handle)
            out.writerow(["SURNAME", "FIRST NAME", "DOB", "POSTCODE", "KEY SAFE", "GP"])
            for c in self.w.clients:
                if not c.nhs:
                    out.writerow([c.last.upper(), c.first, c.dob.strftime("%d-%b-%Y"),
                                  c.postcode, c.access_code if c.access == "keysafe" else "",
                                  f"Dr {c.gp.last}"])

    # -- HL7 v2 ADT
    def hl7(self) -> None:
        for index, c in enumerate(self.rng.sample(self.w.clients,
                                                  int(len(self.w.clients) * 0.5))):
            consultant = self.rng.choice(self.w.consultants)
            stamp = f"202610{self.rng.randint(10, 28)}{self.rng.randint(10, 23)}15"
            event = self.rng.choice(["A01", "A03", "A08"])
            ids = f"{c.hospital_no}^^^RXH^MR"
            if c.nhs:
                ids = f"{c.nhs}^^^NHS^NH~" + ids
            sex = "M" if c.title == "Mr" else "F"
            segments = [
                f"MSH|^~\\&|PAS|CRH|CAREHUB|CVHC|{stamp}||ADT^{event}|"
                f"MSG{index:05d}|P|2.4",
                f"EVN|{event}|{stamp}",
                f"PID|1||{ids}||{c.last.upper()}^{c.first}^{c.middle}^^{c.title}||"
                f"{c.dob.strftime('%Y%m%d')}|{sex}|||{c.house} {c.street}^^{c.town}^^"
                f"{c.postcode}||01422 {self.rng.randint(100000, 999999)}",
                f"NK1|1|{c.nok.last.upper()}^{c.nok.first}|{c.nok.relation.upper()[:3]}^"
                f"{c.nok.relation}||{c.nok.phone}",
                f"PV1|1|I|W3^B{index % 18 + 1}^1^CRH||||C{self.rng.randint(1000000, 9999999)}"
                f"^{consultant.last.upper()}^{consultant.first}^^^Dr|"
                f"G{self.rng.randint(1000000, 9999999)}^{c.gp.last.upper()}^{c.gp.first}^^^Dr||"
                f"{self.w.specialty[consultant.full][:3].upper()}",
            ]
            self.path("Integration", "HL7 inbound", f"ADT_{index:04d}.hl7").write_text(
                "\r".join(segments) + "\r")

    # -- FHIR bundles
    def fhir(self) -> None:
        for index, c in enumerate(self.rng.sample(self.w.clients,
                                                  int(len(self.w.clients) * 0.4))):
            patient = {
                "resourceType": "Patient", "id": f"pat-{index}",
                "name": [{"use": "official", "family": c.last,
                          "given": [c.first] + ([c.middle] if c.middle else []),
                          "prefix": [c.title]}],
                "birthDate": c.dob.isoformat(),
                "gender": "male" if c.title == "Mr" else "female",
                "address": [{"line": [f"{c.house} {c.street}"], "city": c.town,
                             "postalCode": c.postcode}],
                "generalPractitioner": [{"reference": f"Practitioner/gp-{index}",
                                         "display": f"Dr {c.gp.full}"}],
            }
            if c.nhs:
                patient["identifier"] = [{"system": "https://fhir.nhs.uk/Id/nhs-number",
                                          "value": c.nhs}]
            practitioner = {"resourceType": "Practitioner", "id": f"gp-{index}",
                            "name": [{"family": c.gp.last, "given": [c.gp.first],
                                      "prefix": ["Dr"]}]}
            related = {"resourceType": "RelatedPerson", "id": f"nok-{index}",
                       "patient": {"reference": f"Patient/pat-{index}"},
                       "relationship": [{"text": c.nok.relation}],
                       "name": [{"family": c.nok.last, "given": [c.nok.first]}],
                       "telecom": [{"system": "phone", "value": c.nok.phone}]}
            bundle = {"resourceType": "Bundle", "type": "collection",
                      "entry": [{"resource": r} for r in (patient, practitioner, related)]}
            self.path("Integration", "FHIR", f"bundle-{index:04d}.json").write_text(
                json.dumps(bundle, indent=1))

    # -- e-mails between staff about clients
    def emails(self) -> None:
        for index, c in enumerate(self.rng.sample(self.w.clients,
                                                  int(len(self.w.clients) * 0.6))):
            sender = self.rng.choice(self.w.coordinators + self.w.seniors)
            to = c.carers[:2]
            message = EmailMessage()
            message["From"] = f"{sender.full} <{sender.email}>"
            message["To"] = ", ".join(f"{s.full} <{s.email}>" for s in to)
            message["Cc"] = f"{self.rng.choice(self.w.nurses).full} <dn.team@{DOMAIN}>"
            message["Subject"] = self.rng.choice([
                f"{c.title} {c.last} - discharged today", f"RE: {c.first} {c.last} visits",
                "change to access", f"Fwd: {c.last.upper()} {c.first} falls"])
            message["Date"] = format_datetime(
                datetime(2026, 10, 5 + index % 20, 9 + index % 8, 12))
            access = ""
            if c.access and self.rng.random() < 0.6:
                access = "\n" + self.access_sentence(c) + "\n"
            partner = ""
            if c.partner:
                partner = (f"\n{c.partner.title} {c.partner.first} {c.partner.last} "
                           f"({self.s.dob(c.partner.dob)}), who lives with {c.first}, "
                           "also needs a welfare check.\n")
            message.set_content(
                f"Hi {to[0].first},\n\n"
                f"Just to let you know {self.s.name(c)} {self.s.prose_dob(c)} of {c.address} "
                f"has {self.rng.choice(NEWS)}. "
                f"{'His' if c.title == 'Mr' else 'Her'} {c.nok.relation} {c.nok.full} "
                "will be there for the first call.\n"
                f"{access}{partner}\n"
                f"Thanks\n{sender.first}\n\n{sender.full}\n{sender.job}\n{PROVIDER}\n")
            self.path("Mail", sender.full.replace(" ", "."),
                      f"{index:04d}.eml").write_bytes(bytes(message))

    def all(self) -> None:
        for step in (self.care_plans, self.visit_logs, self.handovers, self.ward_list,
                     self.letters, self.rotas, self.extracts, self.hl7, self.fhir,
                     self.emails):
            step()


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    share, truth = Path(argv[0]), Path(argv[1])
    people = int(argv[2]) if len(argv) > 2 else 150
    seed = int(argv[3]) if len(argv) > 3 else 2026
    world = World(people, seed)
    Writer(world, share).all()
    truth.write_text(json.dumps(world.truth(), indent=1))
    files = sum(1 for path in share.rglob("*") if path.is_file())
    print(f"{files} files, {len(world.clients)} people, {len(world.staff)} staff, "
          f"{len(world.related)} related")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
