#!/usr/bin/env python3
"""Held-out breach-shaped share no. 3 for phiscan breach scoping.

    python heldout_share_3.py SHARE TRUTH.json [PEOPLE=120] [SEED=1]

Writes the leaked "S: drive" of an invented NHS community trust's older people's
mental health (OPMH) services -- community team, memory assessment service, crisis
resolution / home treatment team (CRHT) and an inpatient older-adult ward (Larch Ward)
-- together with the folders of a care-home group the trust commissions (Harbourside
Care Group: three homes) that were synced onto the same share.

Written without reading phiscan's detectors or its own generators; see
heldout_share_3-README.md for the conventions.  Everything is invented: NHS numbers are
valid mod-11 numbers in the 999 test range, phones are 07700 900xxx / 01632 960xxx,
e-mail domains are fictitious.  Deterministic from the seed.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import random
import re
import sys
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from pathlib import Path

TRUST = "Wealdmoor Community Health NHS Trust"
TRUST_DOMAIN = "wealdmoor.nhs.uk"
CARE_GROUP = "Harbourside Care Group"
CARE_DOMAIN = "harbourside-care.example"
COUNCIL = "Moorhurst County Council"
TODAY = dt.date(2026, 11, 20)

FEMALE = """Dorothy Margaret Joan Edna Doris Irene Sheila Patricia Brenda Valerie Pauline
Maureen Beryl Jean Eileen Gwendolyn Hilda Phyllis Winifred Mavis Sylvia Barbara Kathleen
Gladys Marjorie Audrey Elsie Vera Rita Shirley Janet Christine Gillian Rosemary Ann Yvonne
Lorna Marion Hazel Olive Ivy Agnes Nora Bridget Philomena Teresa Ruby Violet Mabel Ethel
Freda Iris Lilian Norma Sandra Linda Carole Jacqueline Susan Bernadette Geraldine Wendy
Kamala Nasreen Shirin Parveen Jaswinder Halina Krystyna Grazyna Esther Ngozi Comfort
Precious Mei Ling Anh Fatima Rukhsana""".split()
MALE = """Arthur Harold Kenneth Leonard Ernest Frederick Albert Stanley Dennis Roy Ronald
Norman Gordon Cyril Wilfred Reginald Clifford Bernard Herbert Walter Sidney Percy Eric
Raymond Derek Terence Malcolm Keith Graham Barry Trevor Colin Brian Geoffrey Leslie Victor
Cecil Douglas Alfred Maurice Desmond Vincent Patrick Dermot Francis Gerald Lionel Howard
Roger Clive Neville Alan Brendan Declan Seamus Tadeusz Zbigniew Bogdan Rajinder Gurdev
Mohammed Abdul Tariq Emmanuel Chukwuma Winston Delroy Errol Hamid Bashir Kwame""".split()
SURNAMES = """Wragg Pickering Hollis Thornbury Ashdown Brierley Cattermole Dunstable Eversley
Fairbairn Gosling Hebden Ingleby Jessop Kettleborough Lathbury Marchant Nettleship Oddie
Pennock Quinnell Rushworth Stainthorpe Tranter Umpleby Varley Whitlock Yeadon Ackroyd
Blenkinsop Cheesman Dimmock Earnshaw Fothergill Grimshaw Hepworth Illingworth Jowett
Kitching Lumb Micklethwaite Normington Oldroyd Pollard Redfearn Sugden Tetley Uttley
Wadsworth Abbott Bellamy Chadwick Dewhurst Entwistle Fenwick Garside Haigh Isherwood
Jagger Kershaw Lockwood Mallinson Nuttall Ormerod Pilling Rawcliffe Schofield Thackeray
Walmsley Mottram Birtwistle Crossley Duckworth Greenhalgh Holroyd Lees Mellor Ogden
Rothwell Sutcliffe Tattersall O'Neill O'Brien O'Sullivan O'Rourke D'Souza McAllister
McGregor MacLennan Webb-Morton Lloyd-Jones Fitzgerald Kowalski Nowicki Wisniewski
Zielinski Begum Chaudhry Hussain Akhtar Sandhu Gill Dhillon Patel Mistry Okonkwo Adebayo
Mensah Osei Nguyen Tran Campbell Gayle Forbes""".split()
TWO_WORD_SURNAMES = ["da Silva", "van der Berg"]
STAFF_NAMES = [  # (title, forename, surname, role label, team, email local part)
    ("Dr", "Amara", "Okafor", "Consultant Old Age Psychiatrist", "opmh"),
    ("Dr", "Hugh", "Castellan", "Consultant Psychiatrist (Larch Ward)", "ward"),
    ("Dr", "Priyanka", "Venkatesan", "Specialty Doctor", "opmh"),
    ("Dr", "Tobias", "Lindqvist", "CT2 Psychiatry", "ward"),
    ("", "Ruth", "Pennington", "Community Psychiatric Nurse", "opmh"),
    ("", "Tomasz", "Nowak", "Community Psychiatric Nurse", "opmh"),
    ("", "Grace", "Abernethy", "Community Psychiatric Nurse", "opmh"),
    ("", "Marcus", "Fairweather", "Occupational Therapist", "opmh"),
    ("", "Siobhan", "Kearney", "Memory Nurse Specialist", "memory"),
    ("Dr", "Eleanor", "Whitcombe", "Clinical Psychologist", "memory"),
    ("", "Darren", "Holcroft", "Support Worker", "opmh"),
    ("", "Yasmin", "Rahman", "AMHP / Social Worker", "opmh"),
    ("", "Beverley", "Stott", "Team Administrator", "opmh"),
    ("", "Jolene", "Marsden", "Medical Secretary", "memory"),
    ("", "Neil", "Ashworth", "Team Manager", "opmh"),
    ("Dr", "Farid", "Haddad", "Consultant Psychiatrist (CRHT)", "crht"),
    ("", "Lucy", "Brennan", "CRHT Nurse", "crht"),
    ("", "Owen", "Prytherch", "CRHT Nurse", "crht"),
    ("", "Chidi", "Eze", "CRHT Nurse", "crht"),
    ("", "Kirsty", "Lamb", "CRHT Support Worker", "crht"),
    ("", "Helena", "Sorensen", "Ward Manager", "ward"),
    ("", "Adaeze", "Nwosu", "Staff Nurse", "ward"),
    ("", "Callum", "Rigby", "Staff Nurse", "ward"),
    ("", "Bronwen", "Pugh", "Healthcare Assistant", "ward"),
    ("", "Imran", "Qureshi", "Clinical Pharmacist", "ward"),
    ("", "Sandra", "Quigley", "Care Home Liaison Nurse", "opmh"),
    ("", "Kelly", "Mason", "Senior Carer", "home0"),
    ("", "Priya", "Shah", "Carer", "home0"),
    ("", "Joy", "Adeyemi", "Senior Carer", "home1"),
    ("", "Wayne", "Tillotson", "Carer", "home1"),
    ("", "Agnieszka", "Wojcik", "Carer", "home2"),
    ("", "Sharon", "Battersby", "Deputy Manager", "home2"),
    ("", "Diane", "Ferriby", "Home Manager", "home0"),
    ("", "Rebecca", "Hurst", "Home Manager", "home1"),
    ("", "Paul", "Eastwood", "Home Manager", "home2"),
    ("", "Nadia", "Kaur", "Activities Coordinator", "home0"),
    ("Dr", "Helen", "Marsh", "GP, Orchard Surgery", "gp"),
    ("Dr", "Rupert", "Dunmore", "GP, Castle Street Medical Practice", "gp"),
    ("Dr", "Anjali", "Bhatt", "GP, Wealdbridge Health Centre", "gp"),
    ("Dr", "Simon", "Ferrers", "GP, Moorhurst Group Practice", "gp"),
    ("Dr", "Oluwaseun", "Adeleke", "GP, Elmstead Green Surgery", "gp"),
    ("", "Gary", "Blackledge", "Telecare Technician", "council"),
    ("", "Stephen", "Rowntree", "Telecare Technician", "council"),
]
STREETS = """Elm Road|Mill Lane|Station Road|Church Walk|Victoria Terrace|Orchard Close|Beacon Rise
|Hop Garden Way|Kiln Lane|Oast Court|Pilgrims Way|Weald View|Hazel Grove|Coronation Road
|Barley Close|Tannery Street|Chapel Row|Forge Lane|Meadow Bank|Bramley Drive|Sandpit Lane
|Nursery Road|Rectory Gardens|Ropewalk|Foundry Close""".replace("\n", "").split("|")
TOWNS = [("Wealdbridge", "TN23"), ("Moorhurst", "TN24"), ("Elmstead Green", "TN25"),
         ("Castlebury", "ME14"), ("Hollingford", "ME15"), ("Little Ashby", "TN27")]
HOMES = [("Beacon House", "14 Beacon Rise, Wealdbridge", "TN23 6QH"),
         ("The Maltings", "2 Kiln Lane, Moorhurst", "TN24 9JL"),
         ("Sandpiper Lodge", "88 Ropewalk, Castlebury", "ME14 2XT")]
DIAGNOSES = ["Alzheimer's disease", "mixed Alzheimer's and vascular dementia", "vascular dementia",
             "dementia with Lewy bodies", "recurrent depressive disorder, current episode severe",
             "late-onset schizophrenia-like psychosis", "bipolar affective disorder",
             "generalised anxiety disorder", "mild cognitive impairment",
             "persistent delusional disorder", "alcohol-related brain damage",
             "frontotemporal dementia (behavioural variant)", "moderate depressive episode"]
MEDS = ["donepezil 10 mg nocte", "memantine 20 mg once daily", "sertraline 100 mg mane",
        "mirtazapine 30 mg nocte", "lithium carbonate 400 mg nocte", "quetiapine 25 mg bd",
        "risperidone 500 micrograms bd", "aripiprazole 10 mg mane", "rivastigmine patch 9.5 mg/24 h",
        "olanzapine 5 mg nocte", "venlafaxine XL 150 mg", "galantamine XL 16 mg",
        "haloperidol decanoate 50 mg IM four-weekly", "zopiclone 3.75 mg nocte PRN"]
RISKS = ["expressed passive wish to die, no plans", "overdose of paracetamol in 2019",
         "self-neglect: poor oral intake", "wandering at night, found by police once",
         "financial exploitation concern raised by bank", "falls x3 in last month",
         "verbal aggression towards carers when distressed", "alcohol use increasing"]
RELATIONS_F = ["daughter", "niece", "sister", "granddaughter", "daughter-in-law"]
RELATIONS_M = ["son", "nephew", "brother", "grandson", "son-in-law"]


@dataclass
class Person:
    kind: str  # subject | related | staff
    title: str
    forename: str
    surname: str
    sex: str = "F"
    middle: str = ""
    dob: dt.date | None = None
    nhs: str = ""
    mrn: str = ""
    street: str = ""
    town: str = ""
    postcode: str = ""
    phone: str = ""
    group: str = ""  # A community, B ward, C care home
    relation: str = ""  # for related people
    role: str = ""  # staff job title
    team: str = ""
    email: str = ""
    relatives: list = field(default_factory=list)
    spouse: Person | None = None
    gp: Person | None = None
    coord: Person | None = None
    home: int = -1
    room: int = 0
    access: str = ""  # the home-access sentence (code / hidden key), '' if none
    code: str = ""
    admin_only: bool = False
    diagnosis: str = ""
    meds: list = field(default_factory=list)
    risk: str = ""
    health: bool = False  # exposed in the share
    access_exposed: bool = False
    files: set = field(default_factory=set)

    @property
    def full(self) -> str:
        return f"{self.forename} {self.surname}"


class Share:
    def __init__(self, root: Path, people: int, seed: int):
        self.root = root
        self.rng = random.Random(seed)
        self.n = people
        self.used_keys: set[tuple[str, str]] = set()
        self.nhs_used: set[str] = set()
        self.counts: dict[str, int] = {}
        self.staff: list[Person] = []
        self.subjects: list[Person] = []
        self.related: list[Person] = []
        self.phones: set[str] = set()

    # ---------------------------------------------------------------- people
    def key(self, forename: str, surname: str) -> tuple[str, str]:
        return forename.lower(), surname.split()[-1].lower().replace("'", "")

    def unique_name(self, sex: str, surname: str | None = None) -> tuple[str, str]:
        for _ in range(10000):
            fore = self.rng.choice(FEMALE if sex == "F" else MALE)
            sur = surname or (self.rng.choice(TWO_WORD_SURNAMES) if self.rng.random() < 0.015
                              else self.rng.choice(SURNAMES))
            if self.key(fore, sur) not in self.used_keys:
                self.used_keys.add(self.key(fore, sur))
                return fore, sur
        raise RuntimeError("name pool exhausted")

    def nhs_number(self) -> str:
        while True:
            # Lead's addition (not the author's): HELDOUT_NHS_PREFIX=485 draws numbers in an
            # issued range, which phiscan counts as people; the author's 999 test range it does not.
            prefix = [int(d) for d in os.environ.get("HELDOUT_NHS_PREFIX", "999")]
            digits = prefix + [self.rng.randrange(10) for _ in range(6)]
            total = sum(d * (10 - i) for i, d in enumerate(digits))
            check = 11 - total % 11
            if check == 11:
                check = 0
            if check == 10:
                continue
            number = "".join(map(str, digits)) + str(check)
            if number not in self.nhs_used:
                self.nhs_used.add(number)
                return number

    def mobile(self) -> str:
        while True:
            number = f"07700 900{self.rng.randrange(1000):03d}"
            if number not in self.phones:
                self.phones.add(number)
                return number

    def landline(self) -> str:
        while True:
            number = f"01632 960{self.rng.randrange(1000):03d}"
            if number not in self.phones:
                self.phones.add(number)
                return number

    def postcode(self, outward: str) -> str:
        letters = "ABDEFGHJLNPQRSTUWXYZ"
        return f"{outward} {self.rng.randrange(1, 10)}{self.rng.choice(letters)}{self.rng.choice(letters)}"

    def make_staff(self):
        for title, fore, sur, role, team in STAFF_NAMES:
            self.used_keys.add(self.key(fore, sur))
            local = f"{fore}.{sur}".lower().replace("'", "")
            domain = (CARE_DOMAIN if team.startswith("home") else
                      "moorhurst-council.example" if team == "council" else
                      "nhs.example" if team == "gp" else TRUST_DOMAIN)
            self.staff.append(Person("staff", title, fore, sur, role=role, team=team,
                                     email=f"{local}@{domain}"))

    def st(self, team: str | None = None, role_word: str | None = None) -> Person:
        pool = [s for s in self.staff if (team is None or s.team == team)
                and (role_word is None or role_word.lower() in s.role.lower())]
        return self.rng.choice(pool)

    def make_subjects(self):
        rng = self.rng
        n_b = max(2, round(self.n * 0.2))
        n_c = max(3, round(self.n * 0.3))
        n_a = self.n - n_b - n_c
        groups = ["A"] * n_a + ["B"] * n_b + ["C"] * n_c
        gps = [s for s in self.staff if s.team == "gp"]
        coords = [s for s in self.staff if s.team == "opmh" and
                  ("Nurse" in s.role or "Therapist" in s.role or "Social" in s.role)]
        i = 0
        while i < len(groups):
            group = groups[i]
            sex = rng.choice("FFFM")
            fore, sur = self.unique_name(sex)
            p = self.new_subject(group, sex, fore, sur, gps, coords)
            i += 1
            # couples: both on the caseload, same address, each other's next of kin
            if group == "A" and i < len(groups) and groups[i] == "A" and rng.random() < 0.12:
                sex2 = "M" if sex == "F" else "F"
                fore2, _ = self.unique_name(sex2, sur)
                q = self.new_subject("A", sex2, fore2, sur, gps, coords, near=p)
                p.spouse, q.spouse = q, p
                i += 1
        for p in self.subjects:
            self.make_relatives(p)
        # health / home access plans
        for p in self.subjects:
            p.diagnosis = rng.choice(DIAGNOSES)
            p.meds = rng.sample(MEDS, rng.randint(1, 3))
            p.risk = rng.choice(RISKS) if rng.random() < 0.5 else ""
            if p.group == "A":
                p.admin_only = rng.random() < 0.12 and p.spouse is None
            elif p.group == "C":
                p.admin_only = rng.random() < 0.2
        for p in self.subjects:
            if p.group == "C":
                continue
            if p.access:
                continue  # set with the spouse
            chance = 0.5 if p.group == "A" else 0.35
            if p.admin_only or rng.random() < chance:
                p.code, p.access = self.access_text(p, keysafe=p.admin_only)
                if p.spouse is not None:
                    p.spouse.code, p.spouse.access = p.code, p.access

    def new_subject(self, group, sex, fore, sur, gps, coords, near: Person | None = None):
        rng = self.rng
        if group == "C":
            year = rng.randint(1924, 1944)
        elif group == "B":
            year = rng.randint(1930, 1962)
        else:
            year = rng.randint(1929, 1960)
        dob = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
        title = ("Mr" if sex == "M" else rng.choice(["Mrs", "Mrs", "Miss", "Ms"]))
        p = Person("subject", title, fore, sur, sex=sex, dob=dob, group=group)
        p.middle = rng.choice(FEMALE if sex == "F" else MALE) if rng.random() < 0.4 else ""
        if p.middle == fore:
            p.middle = ""
        no_nhs = 0.35 if group == "C" else 0.1
        p.nhs = "" if rng.random() < no_nhs else self.nhs_number()
        p.mrn = f"WM{rng.randrange(100000, 999999)}"
        if near is not None:
            p.street, p.town, p.postcode, p.phone = near.street, near.town, near.postcode, near.phone
            p.gp, p.coord = near.gp, near.coord
        else:
            town, outward = rng.choice(TOWNS)
            p.street = f"{rng.randint(1, 120)} {rng.choice(STREETS)}"
            p.town, p.postcode = town, self.postcode(outward)
            p.phone = self.landline() if rng.random() < 0.6 else self.mobile()
            p.gp = rng.choice(gps)
            p.coord = rng.choice(coords)
        if group == "C":
            p.home = rng.randrange(len(HOMES))
            taken = {q.room for q in self.subjects if q.home == p.home}
            p.room = rng.choice([r for r in range(1, 61) if r not in taken])
        self.subjects.append(p)
        return p

    def make_relatives(self, p: Person):
        rng = self.rng
        if p.spouse is not None:
            p.relatives.append(p.spouse)  # a subject in their own right
            shared = [r for r in p.spouse.relatives if r.kind == "related"]
            if shared:  # the couple's children / neighbours are the same people
                p.relatives.extend(shared)
                return
        for _ in range(rng.choice([1, 1, 1, 2, 2, 0] if p.spouse is None else [0, 1])):
            sex = rng.choice("FM")
            same = rng.random() < 0.5
            fore, sur = self.unique_name(sex, p.surname if same else None)
            if same:
                rel = rng.choice(["daughter", "sister", "granddaughter"] if sex == "F" else ["son", "brother", "grandson"])
            elif sex == "F":
                rel = rng.choice(["daughter", "niece", "daughter-in-law", "sister", "friend", "neighbour"])
            else:
                rel = rng.choice(["son-in-law", "nephew", "friend", "neighbour"])
            r = Person("related", "Mr" if sex == "M" else rng.choice(["Mrs", "Ms"]), fore, sur,
                       sex=sex, relation=rel, phone=self.mobile())
            if rel == "neighbour":
                r.street = f"{rng.randint(1, 120)} {p.street.split(' ', 1)[1]}"
            if rng.random() < 0.25:
                r.dob = dt.date(rng.randint(1950, 1985), 1, 1) + dt.timedelta(days=rng.randrange(365))
            p.relatives.append(r)
            self.related.append(r)

    def access_text(self, p: Person, keysafe: bool = False) -> tuple[str, str]:
        rng = self.rng
        code = f"{rng.randrange(10000):04d}"
        kind = rng.random() * (0.55 if keysafe else 1.0)
        if kind < 0.55:
            side = rng.choice(["left of the front door", "by the back door", "behind the drainpipe",
                               "on the garage wall", "next to the side gate"])
            return code, f"Key safe {side}, code {code}."
        if kind < 0.7:
            return code, f"Main door entry code {code}# then flat {rng.randint(1, 24)} on the {rng.choice(['first', 'second', 'ground'])} floor."
        if kind < 0.85:
            place = rng.choice(["under the blue plant pot by the shed", "in the meter box (not locked)",
                                "under the mat at the back door", "inside the coal bunker lid",
                                "on a hook behind the side gate"])
            return "", f"Spare key kept {place}."
        return code, f"Keysafe (Supra C500) code {code}, fitted {rng.choice(['left', 'right'])} of porch."

    # ---------------------------------------------------------------- shapes
    def name(self, p: Person, style: str | None = None) -> str:
        rng = self.rng
        styles = ["title_full", "full", "SUR_comma", "Fore_SUR", "title_full", "full_mid",
                  "Sur_comma", "title_Fore_SUR", "upper"]
        style = style or rng.choice(styles)
        sur, fore, mid = p.surname, p.forename, p.middle
        if style == "title_full":
            return f"{p.title} {fore} {sur}"
        if style == "full":
            return f"{fore} {sur}"
        if style == "full_mid":
            return f"{fore} {mid} {sur}" if mid else f"{fore} {sur}"
        if style == "mid_initial":
            return f"{p.title} {fore} {mid[0]}. {sur}" if mid else f"{p.title} {fore} {sur}"
        if style == "SUR_comma":
            return f"{sur.upper()}, {fore}" + (f" {mid}" if mid and rng.random() < 0.5 else "")
        if style == "Sur_comma":
            return f"{sur}, {fore}"
        if style == "Fore_SUR":
            return f"{fore} {sur.upper()}"
        if style == "title_Fore_SUR":
            return f"{p.title} {fore} {sur.upper()}"
        if style == "upper":
            return f"{fore} {sur}".upper()
        if style == "SUR_fore":
            return f"{sur.upper()} {fore}"
        if style == "title_sur":
            return f"{p.title} {sur}"
        raise ValueError(style)

    def dob(self, d: dt.date, style: str | None = None) -> str:
        style = style or self.rng.choice(["slash", "dot", "iso", "long", "abbr", "short", "ord",
                                          "slash", "slash"])
        if style == "slash":
            return d.strftime("%d/%m/%Y")
        if style == "dot":
            return d.strftime("%d.%m.%Y")
        if style == "iso":
            return d.isoformat()
        if style == "long":
            return f"{d.day} {d.strftime('%B %Y')}"
        if style == "abbr":
            return d.strftime("%d-%b-%Y")
        if style == "short":
            return d.strftime("%d/%m/%y")
        if style == "ord":
            suffix = "th" if 11 <= d.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
            return f"{d.day}{suffix} {d.strftime('%B %Y')}"
        if style == "hl7":
            return d.strftime("%Y%m%d")
        raise ValueError(style)

    def nhs(self, p: Person, style: str | None = None) -> str:
        n = p.nhs
        style = style or self.rng.choice(["space", "space", "plain", "dash"])
        if style == "space":
            return f"{n[:3]} {n[3:6]} {n[6:]}"
        if style == "dash":
            return f"{n[:3]}-{n[3:6]}-{n[6:]}"
        return n

    def staff_name(self, s: Person, style: str | None = None) -> str:
        style = style or self.rng.choice(["full", "full", "titled", "SUR_comma", "Fore_SUR"])
        if style == "titled" and s.title:
            return f"{s.title} {s.full}"
        if style == "SUR_comma":
            return f"{s.surname.upper()}, {s.forename}"
        if style == "Fore_SUR":
            return f"{s.forename} {s.surname.upper()}"
        return f"{s.title} {s.full}".strip() if s.title else s.full

    def age(self, p: Person, on: dt.date = TODAY) -> int:
        return on.year - p.dob.year - ((on.month, on.day) < (p.dob.month, p.dob.day))

    def date(self, start=dt.date(2026, 8, 1), end=dt.date(2026, 11, 19)) -> dt.date:
        return start + dt.timedelta(days=self.rng.randrange((end - start).days))

    def ddate(self, d: dt.date) -> str:
        return self.rng.choice([d.strftime("%d/%m/%Y"), f"{d.day} {d.strftime('%B %Y')}",
                                d.strftime("%a %d %b %Y")])

    # -------------------------------------------------------- what is exposed
    def health_line(self, p: Person) -> str:
        """A sentence of health data about p (marks p)."""
        p.health = True
        rng = self.rng
        opts = [f"Diagnosis: {p.diagnosis}.", f"Current medication: {'; '.join(p.meds)}.",
                f"Known {p.diagnosis}; on {p.meds[0]}."]
        if p.risk:
            opts.append(f"Risk: {p.risk}.")
        return rng.choice(opts)

    def health_lines(self, p: Person, k: int = 2) -> str:
        """k different health sentences about p (marks p)."""
        p.health = True
        opts = [f"Diagnosis: {p.diagnosis}.", f"Current medication: {'; '.join(p.meds)}.",
                f"Known {p.diagnosis}; on {p.meds[0]}."]
        if p.risk:
            opts.append(f"Risk: {p.risk}.")
        picked = self.rng.sample(opts[1:], k - 1) if k > 1 else []
        return " ".join([self.rng.choice([opts[0], opts[2]])] + [o for o in picked if o != opts[2]][:k - 1])

    def access_line(self, p: Person) -> str:
        if not p.access:
            return self.near_miss(p)
        p.access_exposed = True
        if p.spouse is not None and p.spouse.access == p.access:
            p.spouse.access_exposed = True
        return p.access

    def near_miss(self, p: Person | None = None) -> str:
        rng = self.rng
        rel = p.relatives[0] if p is not None and p.relatives and p.relatives[0].kind == "related" else None
        options = ["No key safe fitted - ring bell and wait, slow to answer.",
                   "Key safe: none. Client lets staff in.",
                   f"Bleep holder on call: {rng.randint(2000, 2999)}.",
                   f"Flat {rng.randint(1, 40)}: client buzzes staff in, no code.",
                   "Key safe code not recorded here - see the locked section of the record.",
                   f"Telecare pendant ID TC-{rng.randint(10000, 99999)} (not a door code).",
                   f"Ext {rng.randint(3000, 3999)} for the duty desk."]
        if rel is not None:
            options.append(f"No key safe; {rel.relation} {rel.forename} has the only key and lets staff in.")
        return rng.choice(options)

    def non_health_line(self, p: Person) -> str:
        rel = next((r for r in p.relatives if r.kind == "related"), None)
        opts = ["Enjoyed the singing group this afternoon.", "Hairdresser visit, pleased with result.",
                "Watched the film in the lounge with other residents.", "Asked for the newspaper.",
                "Chose to eat lunch in own room today.", "Went out to the garden with staff."]
        if rel is not None:
            opts.append(f"Visit from {rel.relation} {rel.full} in the afternoon.")
        return self.rng.choice(opts)

    # ---------------------------------------------------------------- writers
    def path(self, rel: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def count(self, rel: str):
        ext = rel.rsplit(".", 1)[-1].lower()
        self.counts[ext] = self.counts.get(ext, 0) + 1

    def write_text(self, rel: str, text: str, crlf: bool = False):
        data = text.replace("\n", "\r\n") if crlf else text
        self.path(rel).write_bytes(data.encode("utf-8"))
        self.count(rel)

    def write_csv(self, rel: str, header: list[str], rows: list[list], delimiter: str = ","):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)
        self.path(rel).write_text(buffer.getvalue(), encoding="utf-8")
        self.count(rel)

    def csv_text(self, header, rows) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)
        return buffer.getvalue()

    def write_xlsx(self, rel: str, sheets: list[tuple[str, list[str], list[list]]]):
        from openpyxl import Workbook
        wb = Workbook()
        wb.remove(wb.active)
        for title, header, rows in sheets:
            ws = wb.create_sheet(title)
            ws.append(header)
            for row in rows:
                ws.append(row)
        stamp = dt.datetime(2026, 11, 18, 9, 0, 0)
        wb.properties.created = stamp
        wb.properties.modified = stamp
        wb.properties.creator = "Wealdmoor"
        wb.save(self.path(rel))
        self.fix_zip(self.path(rel))
        self.count(rel)

    def write_docx(self, rel: str, blocks: list):
        """blocks: str paragraphs, or ('table', rows) for a table."""
        import docx
        document = docx.Document()
        for block in blocks:
            if isinstance(block, tuple) and block[0] == "table":
                rows = block[1]
                table = document.add_table(rows=len(rows), cols=len(rows[0]))
                for r, row in enumerate(rows):
                    for c, value in enumerate(row):
                        table.cell(r, c).text = str(value)
            else:
                document.add_paragraph(block)
        props = document.core_properties
        props.author = "Wealdmoor"
        props.created = props.modified = dt.datetime(2026, 11, 18, 9, 0, 0)
        document.save(self.path(rel))
        self.fix_zip(self.path(rel))
        self.count(rel)

    @staticmethod
    def fix_zip(path: Path):
        """Same bytes for the same seed: fixed member timestamps."""
        import zipfile
        with zipfile.ZipFile(path) as source:
            members = [(info, source.read(info)) for info in source.infolist()]
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
            for info, data in members:
                if info.filename == "docProps/core.xml":  # openpyxl stamps the save time
                    data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-11-18T09:00:00Z", data)
                fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 11, 18, 9, 0, 0))
                fixed.compress_type = zipfile.ZIP_DEFLATED
                fixed.external_attr = info.external_attr
                target.writestr(fixed, data)

    def write_rtf(self, rel: str, lines: list[str]):
        def esc(s: str) -> str:
            s = s.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")
            return "".join(c if ord(c) < 128 else f"\\u{ord(c)}?" for c in s)
        body = "\n".join(f"{esc(line)}\\par" for line in lines)
        text = ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\n"
                "\\viewkind4\\uc1\\pard\\f0\\fs22\n" + body + "\n}\n")
        self.path(rel).write_text(text, encoding="ascii")
        self.count(rel)

    def write_pdf(self, rel: str, pages: list[list[str]]):
        def esc(s: str) -> str:
            s = s.encode("latin-1", "replace").decode("latin-1")
            return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        objects: list[bytes] = []
        n_pages = len(pages)
        # 1 catalog, 2 pages, 3 font, then per page: page, contents
        kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(n_pages))
        objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
        objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
        objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        for i, lines in enumerate(pages):
            ops = ["BT", "/F1 10 Tf", "13 TL", "50 790 Td"]
            for line in lines:
                ops.append(f"({esc(line)}) Tj T*")
            ops.append("ET")
            stream = "\n".join(ops).encode("latin-1")
            objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                           f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>".encode())
            objects.append(b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream
                           + b"\nendstream")
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for number, obj in enumerate(objects, 1):
            offsets.append(len(out))
            out += f"{number} 0 obj\n".encode() + obj + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
        for off in offsets:
            out += f"{off:010d} 00000 n \n".encode()
        out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").encode()
        self.path(rel).write_bytes(bytes(out))
        self.count(rel)

    def write_eml(self, rel: str, sender: Person, to: list[Person], cc: list[Person], subject: str,
                  body: str, when: dt.datetime, attachments: list[tuple[str, str, str]] = ()):
        msg = EmailMessage()
        msg["From"] = formataddr((sender.full, sender.email))
        msg["To"] = ", ".join(formataddr((p.full, p.email)) for p in to)
        if cc:
            msg["Cc"] = ", ".join(formataddr((p.full, p.email)) for p in cc)
        msg["Subject"] = subject
        msg["Date"] = format_datetime(when.replace(tzinfo=dt.timezone.utc))
        msg["Message-ID"] = f"<{self.rng.getrandbits(64):016x}@{sender.email.split('@')[1]}>"
        msg.set_content(body)
        for filename, content, subtype in attachments:
            msg.add_attachment(content.encode("utf-8"), maintype="text", subtype=subtype,
                               filename=filename)
        if attachments:
            msg.set_boundary(f"==============={self.rng.getrandbits(60):019d}==")
        self.path(rel).write_bytes(bytes(msg))
        self.count(rel)

    def signature(self, s: Person) -> str:
        rng = self.rng
        style = rng.random()
        if style < 0.4:
            return f"{self.staff_name(s, 'titled')}\n{s.role}"
        if style < 0.7:
            return f"Signed: {s.full}, {s.role}"
        return f"{s.full} ({s.role}) {self.org(s)}".rstrip()

    def org(self, s: Person) -> str:
        if s.team in ("opmh", "crht", "ward", "memory"):
            return TRUST
        if s.team.startswith("home"):
            return f"{CARE_GROUP}, {HOMES[int(s.team[4:])][0]}"
        if s.team == "council":
            return COUNCIL
        return s.role.split(", ")[-1]

    # ---------------------------------------------------------------- content
    def header_block(self, p: Person) -> list[str]:
        rng = self.rng
        lines = [f"Client: {self.name(p, rng.choice(['SUR_comma', 'title_full', 'full_mid', 'Sur_comma']))}"]
        if p.nhs and rng.random() < 0.85:
            lines.append(f"NHS No: {self.nhs(p)}")
        lines.append(f"DOB: {self.dob(p.dob)}")
        lines.append(f"Address: {p.street}, {p.town} {p.postcode}   Tel: {p.phone}")
        lines.append(f"GP: {self.staff_name(p.gp, 'titled')}")
        if p.coord is not None:
            lines.append(f"Care co-ordinator: {p.coord.full} ({p.coord.role})")
        for r in p.relatives:
            if r.kind == "related":
                lines.append(self.relative_line(r))
            else:
                lines.append(f"Spouse: {self.name(r, 'title_full')} (also open to the team)")
        return lines

    def relative_line(self, r: Person) -> str:
        rng = self.rng
        shape = rng.random()
        extra = f", {r.street}" if r.street else ""
        if r.relation == "neighbour":
            return f"Key holder: {r.full} (neighbour{extra}) {r.phone}"
        if r.dob and shape < 0.5:
            return f"Family carer: {r.title} {r.full} ({r.relation}), DOB {self.dob(r.dob)}, tel {r.phone}"
        if shape < 0.4:
            return f"NOK: {r.full} ({r.relation}) {r.phone}"
        if shape < 0.7:
            return f"Next of kin: {r.title} {r.full}, {r.relation}, tel {r.phone}"
        return f"Emergency contact: {r.full} - {r.relation} - {r.phone}"

    def progress_notes(self, p: Person):
        """RiO-style progress notes export for one community client."""
        rng = self.rng
        lines = [f"{TRUST} - Progress notes (printed {TODAY.strftime('%d/%m/%Y')})",
                 "Older People's Mental Health - Community Team (West)", ""]
        lines += self.header_block(p)
        visits = sorted(self.date() for _ in range(rng.randint(2, 5)))
        for d in visits:
            worker = p.coord if rng.random() < 0.6 else self.st("opmh")
            second = self.st("opmh") if rng.random() < 0.4 else None
            lines += ["", "-" * 40,
                      f"{d.strftime('%d/%m/%Y')} {rng.randint(9, 16):02d}:{rng.choice(['00', '15', '30', '45'])}  "
                      f"{rng.choice(['Home visit', 'Telephone contact', 'Clinic appointment', 'Joint home visit'])}"]
            seen = f"Seen by {worker.full}" + (f" and {second.full}" if second and second is not worker else "")
            lines.append(seen + ".")
            if rng.random() < 0.6:
                lines.append(self.access_line(p) if p.access and rng.random() < 0.7 else self.near_miss(p))
            who = rng.choice([p.forename, self.name(p, "title_sur"), p.forename])
            lines.append(f"{who} {rng.choice(['was up and dressed', 'was in bed on arrival', 'greeted us at the door', 'was reluctant to engage at first'])}. "
                         + self.health_lines(p))
            if p.spouse is not None:
                lines.append(f"{'Husband' if p.spouse.sex == 'M' else 'Wife'} {self.name(p.spouse, 'full')} present; "
                             f"{self.name(p.spouse, 'title_sur')} also on our caseload (see own record).")
            rel = next((r for r in p.relatives if r.kind == "related"), None)
            if rel is not None and rng.random() < 0.5:
                lines.append(f"Spoke to {rel.relation} {rel.full} on {rel.phone} afterwards, updated.")
            if rng.random() < 0.4:
                other = self.st()
                lines.append(f"Plan agreed with {other.full}. Review in {rng.randint(1, 4)} weeks.")
            if rng.random() < 0.3:
                lines.append(f"Discussed with {self.staff_name(rng.choice([self.staff[0], self.staff[2]]), 'titled')} - "
                             f"{rng.choice(['increase', 'continue', 'reduce'])} {p.meds[0]}.")
            lines.append(f"Entered by: {self.staff_name(worker, rng.choice(['full', 'SUR_comma']))}, {worker.role}")
        folder = rng.choice(["Community/Caseload West", "Community/Caseload East"])
        self.write_text(f"OPMH/{folder}/{p.surname.replace(' ', '_')}_{p.mrn}/progress_notes.txt",
                        "\n".join(lines) + "\n", crlf=rng.random() < 0.5)

    def crht_handover(self, people: list[Person], d: dt.date, index: int):
        rng = self.rng
        nic = self.st("crht", "Nurse")
        on = [s for s in self.staff if s.team == "crht"]
        rng.shuffle(on)
        lines = [f"CRISIS RESOLUTION & HOME TREATMENT TEAM - HANDOVER {d.strftime('%d/%m/%Y')} 08:30",
                 f"Nurse in charge: {nic.full}   Bleep {rng.randint(2000, 2999)}",
                 f"On shift: {', '.join(s.full for s in on[:3])}",
                 f"Consultant: {self.staff_name(self.st('crht', 'Consultant'), 'titled')}", ""]
        for n, p in enumerate(people, 1):
            style = rng.random()
            if style < 0.5:
                head = f"{n}. {self.name(p, 'SUR_comma')} ({self.dob(p.dob, rng.choice(['slash', 'dot', 'short']))})"
            else:
                head = f"{n}. {self.name(p, rng.choice(['title_full', 'Fore_SUR']))}, DOB {self.dob(p.dob)}"
            if p.nhs and rng.random() < 0.7:
                head += f", NHS {self.nhs(p)}"
            lines.append(head)
            lines.append(f"   {p.street}, {p.town} {p.postcode}. " +
                         (self.access_line(p) if p.access and rng.random() < 0.8 else self.near_miss(p)))
            lines.append(f"   {self.health_line(p)} {rng.choice(['Visit twice daily.', 'Daily visit.', 'Phone call am, visit pm.'])} "
                         f"Allocated: {rng.choice(on[:3]).full}.")
            lines.append("")
        lines.append(f"Handed over by {nic.full}.")
        self.write_text(f"CRHT/Handover/{d.isoformat()}_handover_{index}.txt", "\n".join(lines) + "\n")

    def ward_round(self, people: list[Person], d: dt.date):
        rng = self.rng
        cons = self.staff[1]
        present = [cons] + [s for s in self.staff if s.team == "ward" and s is not cons]
        present = present[:1] + rng.sample(present[1:], 4)
        lines = [f"LARCH WARD (Older Adult Functional/Organic) - Consultant ward round {self.ddate(d)}",
                 "Present: " + ", ".join(f"{self.staff_name(s, 'titled')} ({s.role})" for s in present), ""]
        for bed, p in enumerate(people, 1):
            shape = rng.random()
            if shape < 0.4:
                head = f"Bed {bed}: {self.name(p, 'SUR_comma')}  DOB {self.dob(p.dob)}"
            elif shape < 0.7:
                head = f"Bed {bed} - {self.name(p, 'title_full')} ({self.dob(p.dob, rng.choice(['slash', 'short']))})"
            else:
                head = f"Bed {bed}  {self.name(p, 'Fore_SUR')}  aged {self.age(p)}  dob {self.dob(p.dob)}"
            if p.nhs and rng.random() < 0.6:
                head += f"  NHS {self.nhs(p)}"
            lines.append(head)
            lines.append(f"  {rng.choice(['Detained s2 MHA', 'Detained s3 MHA', 'Informal', 'DoLS in place'])}. "
                         f"{self.health_lines(p)}")
            if p.access and rng.random() < 0.5:
                lines.append(f"  Discharge planning: {self.access_line(p)} Reablement team informed.")
            owner = rng.choice(present[1:])
            lines.append(f"  Plan: {rng.choice(['bloods', 'ECG', 'home visit with OT', 'CPA pre-discharge meeting', 'leave 2h escorted'])}. "
                         f"{owner.full} to action.")
            lines.append("")
        self.write_text(f"Inpatients/Larch Ward/Ward rounds/WR_{d.isoformat()}.txt", "\n".join(lines) + "\n")

    def ward_handover(self, people: list[Person], d: dt.date):
        rng = self.rng
        nurses = [s for s in self.staff if s.team == "ward" and ("Nurse" in s.role or "Assistant" in s.role)]
        lines = [f"Larch Ward night to day handover {d.strftime('%d.%m.%Y')}",
                 f"Night: {rng.choice(nurses).full}, {rng.choice(nurses).full} | Day: {rng.choice(nurses).full}, {rng.choice(nurses).full}",
                 "", "Bed | Patient | DOB | Obs | Overnight"]
        for bed, p in enumerate(people, 1):
            obs = rng.choice(["General", "Intermittent 15 min", "Level 3 1:1", "General"])
            lines.append(f"{bed} | {self.name(p, rng.choice(['SUR_comma', 'Fore_SUR', 'full']))} | "
                         f"{self.dob(p.dob, rng.choice(['slash', 'dot', 'iso']))} | {obs} | {self.health_line(p)}")
        lines += ["", f"Handed over by {rng.choice(nurses).full} to {rng.choice(nurses).full}."]
        self.write_text(f"Inpatients/Larch Ward/Handover/handover_{d.isoformat()}.txt", "\n".join(lines) + "\n")

    def mdt(self, people: list[Person], d: dt.date, index: int):
        rng = self.rng
        team = [s for s in self.staff if s.team in ("opmh", "memory")]
        present = rng.sample(team, 6)
        chair = self.st("opmh", "Consultant")
        lines = [f"OPMH Community MDT - minutes - {d.strftime('%A %d %B %Y')}",
                 f"Chair: {self.staff_name(chair, 'titled')}",
                 "Present: " + ", ".join(s.full for s in present),
                 "Apologies: " + self.st("opmh").full,
                 f"Minute taker: {self.staff[12].full}", "", "=== New referrals and reviews ==="]
        for p in people:
            if rng.random() < 0.5:
                lines.append(f"- {self.name(p, 'title_full')} ({self.dob(p.dob, rng.choice(['slash', 'short']))}), "
                             f"referred by {self.staff_name(p.gp, 'titled')}.")
            else:
                lines.append(f"- {self.name(p, 'SUR_comma')}, {self.age(p)}, DOB {self.dob(p.dob)}"
                             + (f", NHS {self.nhs(p)}" if p.nhs and rng.random() < 0.5 else ""))
            lines.append(f"  {self.health_lines(p)}")
            worker = rng.choice(present)
            lines.append(f"  {worker.full} to {rng.choice(['complete FACE risk assessment', 'visit this week', 'liaise with GP re bloods', 'arrange memory clinic'])}.")
            if p.access and rng.random() < 0.3:
                lines.append(f"  Access: {self.access_line(p)}")
            lines.append("")
        lines.append("Next meeting: same time next week.")
        self.write_text(f"OPMH/MDT minutes/MDT_{d.isoformat()}_{index}.md", "\n".join(lines) + "\n")

    def care_home_log(self, home: int, people: list[Person], d: dt.date):
        rng = self.rng
        name, _, _ = HOMES[home]
        carers = [s for s in self.staff if s.team == f"home{home}" and s.role in ("Carer", "Senior Carer", "Deputy Manager", "Activities Coordinator")]
        if len(carers) < 2:
            carers += [s for s in self.staff if s.team.startswith("home") and s not in carers][:2]
        lines = [f"{CARE_GROUP} - {name} - Daily log {d.strftime('%d/%m/%Y')}",
                 f"Day staff: {', '.join(c.full for c in carers)}", ""]
        for p in people:
            style = home % 3
            if style == 0:
                head = f"Rm {p.room}  {self.name(p, rng.choice(['title_full', 'title_Fore_SUR']))}"
            elif style == 1:
                head = f"{self.name(p, 'SUR_comma')} (Room {p.room})"
            else:
                head = f"{self.name(p, 'full')} ({self.dob(p.dob, rng.choice(['slash', 'short']))}) - Rm {p.room}"
            lines.append(head)
            c1, c2 = rng.sample(carers, 2)
            if p.admin_only:
                text = self.non_health_line(p)
            else:
                text = rng.choice([
                    f"{c1.full} and {c2.full} supported with personal care. " + self.health_line(p),
                    self.health_line(p) + f" Carer: {c1.full}.",
                    f"{self.health_line(p)} {rng.choice(['PRN lorazepam 0.5 mg at 14:10 for agitation.', 'BP 142/88, pulse 76.', 'Fall in en-suite 03:20, no injury, neuro obs started.', 'Urine dip positive, GP informed.', 'Weight 58.2 kg.'])} ({c1.full})",
                    self.non_health_line(p) + " " + self.health_line(p)])
            lines.append("  " + text)
            lines.append("")
        lines.append(f"Signed off: {rng.choice(carers).full}")
        self.write_text(f"Harbourside/{name}/Daily logs/{d.isoformat()}.txt", "\n".join(lines) + "\n")

    def safeguarding(self, p: Person, index: int):
        rng = self.rng
        worker = self.st("opmh")
        rel = next((r for r in p.relatives if r.kind == "related"), None)
        lines = ["SAFEGUARDING ADULTS - CONCERN RECORD", f"Date: {self.ddate(self.date())}",
                 f"Adult at risk: {self.name(p, rng.choice(['title_full', 'SUR_comma']))}",
                 f"Date of birth: {self.dob(p.dob)}"]
        if p.nhs:
            lines.append(f"NHS number: {self.nhs(p)}")
        lines += [f"Address: {p.street}, {p.town}, {p.postcode}", "",
                  f"Concern raised by: {worker.full}, {worker.role}",
                  f"Safeguarding lead: {self.st('opmh', 'Manager').full}"]
        if rel is not None:
            lines.append(f"Alleged perpetrator: none identified. {rel.relation.capitalize()} {rel.full} "
                         f"({rel.phone}) informed with consent.")
        lines += ["", f"Summary: {self.health_line(p)} Concern about {rng.choice(['unexplained bruising', 'money going missing', 'neglect by paid carers', 'door left unlocked overnight'])}.",
                  self.access_line(p) if p.access else self.near_miss(p),
                  "", f"Discussed with {self.staff_name(self.st('opmh', 'Social'), 'full')} (AMHP) and MASH referral made."]
        self.write_text(f"OPMH/Safeguarding/SG_{index:03d}_{p.mrn}.txt", "\n".join(lines) + "\n")

    # ---------------------------------------------------------------- letters
    def letter_memory(self, p: Person, fmt: str):
        rng = self.rng
        author = rng.choice([self.staff[0], self.staff[2], self.staff[9], self.staff[8]])
        d = self.date()
        gp = p.gp
        rel = next((r for r in p.relatives if r.kind == "related"), None)
        score = rng.randint(48, 92)
        re_line = f"Re: {self.name(p, rng.choice(['title_full', 'full_mid', 'mid_initial', 'title_Fore_SUR']))}"
        ident = [f"DOB {self.dob(p.dob, rng.choice(['slash', 'long', 'dot', 'ord']))}"]
        if p.nhs:
            ident.append(f"NHS No {self.nhs(p)}")
        body_lines = [TRUST, "Memory Assessment Service, Moorhurst Clinic, 3 Foundry Close, Moorhurst TN24 1AX",
                      f"Tel {self.landline()}   Secretary: {self.staff[13].full}", "",
                      d.strftime("%d %B %Y"), "", self.staff_name(gp, "titled"), gp.role.split(", ")[1], "",
                      f"Dear {gp.title} {gp.surname}", ""]
        table = None
        if fmt == "docx" and rng.random() < 0.4:
            table = ("table", [["Patient", self.name(p, "title_full")], ["Date of birth", self.dob(p.dob)],
                               ["NHS number", self.nhs(p) if p.nhs else "not known"],
                               ["Address", f"{p.street}, {p.town} {p.postcode}"]])
        else:
            body_lines += [re_line + ", " + ", ".join(ident), f"{p.street}, {p.town}, {p.postcode}", ""]
        text = [f"Diagnosis: {p.diagnosis}", f"Medication: {', '.join(p.meds)}", "",
                f"I saw {self.name(p, 'title_sur')} in clinic on {self.ddate(d - dt.timedelta(days=rng.randint(3, 20)))}"
                + (f" with {'her' if p.sex == 'F' else 'his'} {rel.relation}, {rel.full}." if rel else "."),
                f"ACE-III total {score}/100 (attention 14/18, memory {rng.randint(6, 20)}/26). "
                f"{'She' if p.sex == 'F' else 'He'} lives {rng.choice(['alone', 'with spouse', 'with family support'])}.",
                self.health_line(p)]
        if p.access and rng.random() < 0.35:
            text.append(f"For community follow-up: {self.access_line(p)}")
        cc = [f"{p.coord.full}, {p.coord.role}"]
        if rng.random() < 0.4:
            cc.insert(0, f"{self.name(p, 'title_full')} (patient)")
        text += ["", "Yours sincerely", "", self.staff_name(author, "titled"), author.role, "",
                 "cc: " + "; ".join(cc)]
        p.health = True
        name = f"OPMH/Memory Service/Letters/{d.strftime('%Y%m')}/{p.surname.replace(' ', '')}_{p.forename[0]}_{d.strftime('%d%m')}.{fmt}"
        if fmt == "docx":
            blocks = body_lines + ([table, ""] if table else []) + text
            self.write_docx(name, blocks)
        elif fmt == "pdf":
            self.write_pdf(name, [body_lines + text])
        else:
            self.write_rtf(name, body_lines + text)

    def letter_discharge(self, p: Person):
        rng = self.rng
        doctor = rng.choice([self.staff[1], self.staff[3]])
        adm = self.date(dt.date(2026, 6, 1), dt.date(2026, 9, 30))
        dis = adm + dt.timedelta(days=rng.randint(14, 60))
        blocks = [TRUST, "Larch Ward, Moorhurst Hospital", "INPATIENT DISCHARGE SUMMARY", "",
                  ("table", [["Name", self.name(p, rng.choice(['SUR_comma', 'title_full']))],
                             ["DOB", self.dob(p.dob)], ["NHS No", self.nhs(p) if p.nhs else ""],
                             ["Hospital No", p.mrn], ["GP", self.staff_name(p.gp, "titled")]]),
                  "", f"Admitted {adm.strftime('%d/%m/%Y')} ({rng.choice(['s2 MHA', 's3 MHA', 'informal'])}); discharged {dis.strftime('%d/%m/%Y')}.",
                  f"Diagnosis on discharge: {p.diagnosis}.", f"Medication on discharge: {'; '.join(p.meds)}.",
                  self.health_line(p)]
        if p.access:
            blocks.append(f"Home access for reablement / CRHT follow-up: {self.access_line(p)}")
        else:
            blocks.append(self.near_miss(p))
        for r in p.relatives:
            if r.kind == "related":
                blocks.append(f"Next of kin: {r.full} ({r.relation}), {r.phone}")
        blocks += ["", "Kind regards", "", self.staff_name(doctor, "titled"), doctor.role,
                   f"cc: {self.staff_name(p.gp, 'titled')}; {self.staff[16 + rng.randint(0, 2)].full} (CRHT)"]
        p.health = True
        self.write_docx(f"Inpatients/Larch Ward/Discharge summaries/DS_{p.mrn}_{dis.isoformat()}.docx", blocks)

    def letter_gp_referral(self, p: Person):
        rng = self.rng
        gp = p.gp
        d = self.date(dt.date(2026, 6, 1), dt.date(2026, 10, 1))
        lines = [gp.role.split(", ")[1], f"{rng.randint(1, 90)} High Street, {p.town}", "", d.strftime("%d/%m/%Y"), "",
                 "To: Single Point of Access, Older People's Mental Health", "", "Dear Colleague", "",
                 f"{self.name(p, rng.choice(['title_full', 'full_mid', 'SUR_comma']))}, "
                 f"born {self.dob(p.dob, rng.choice(['long', 'slash', 'ord', 'abbr']))}"
                 + (f", NHS number {self.nhs(p)}" if p.nhs else ""),
                 f"{p.street}, {p.town}, {p.postcode}. Tel {p.phone}", "",
                 f"Thank you for seeing this {self.age(p)} year old {'lady' if p.sex == 'F' else 'gentleman'}. "
                 + self.health_lines(p)]
        rel = next((r for r in p.relatives if r.kind == "related"), None)
        if rel is not None:
            lines.append(f"{'Her' if p.sex == 'F' else 'His'} {rel.relation} {rel.full} ({rel.phone}) is very worried.")
        lines += ["", "Yours faithfully", "", self.staff_name(gp, "titled"), gp.role]
        self.write_rtf(f"OPMH/Referrals/Incoming/{d.isoformat()}_{p.surname.replace(' ', '')}.rtf", lines)

    def letter_to_relative(self, p: Person, fmt: str):
        rng = self.rng
        rel = next((r for r in p.relatives if r.kind == "related"), None)
        if rel is None:
            return False
        author = p.coord
        d = self.date()
        lines = [TRUST, "Older People's Mental Health Community Team", "", d.strftime("%d %B %Y"), "",
                 f"{rel.title} {rel.full}", f"{rel.street or str(rng.randint(1, 99)) + ' ' + rng.choice(STREETS)}, {rng.choice(TOWNS)[0]}",
                 "", f"Dear {rel.title} {rel.surname}", "",
                 f"Re: your {('mother' if p.sex == 'F' else 'father') if rel.relation in ('daughter', 'son', 'daughter-in-law', 'son-in-law') else 'relative'}, "
                 f"{self.name(p, 'title_full')} (DOB {self.dob(p.dob)})", "",
                 f"Thank you for meeting with me on {self.ddate(d - dt.timedelta(days=4))}. As discussed, "
                 + self.health_line(p),
                 "The carer's assessment has been booked; please call the duty line if things change."]
        if p.access and rng.random() < 0.5:
            lines.append(f"We have noted the access arrangements you gave us: {self.access_line(p)}")
        lines += ["", "With best wishes", "", author.full, author.role]
        self.write_pdf(f"OPMH/Letters out/{d.strftime('%Y-%m')}/to_{rel.relation}_{p.mrn}.pdf", [lines]) if fmt == "pdf" else \
            self.write_rtf(f"OPMH/Letters out/{d.strftime('%Y-%m')}/to_{rel.relation}_{p.mrn}.rtf", lines)
        return True

    def letter_appointment(self, p: Person):
        rng = self.rng
        d = self.date(dt.date(2026, 11, 1), dt.date(2026, 12, 20))
        who = p.coord if rng.random() < 0.5 else self.staff[0]
        lines = [TRUST, "Outpatients - Older People's Mental Health", "",
                 f"{self.name(p, 'title_full')}", p.street, f"{p.town} {p.postcode}", "",
                 f"NHS Number: {self.nhs(p) if p.nhs else '-'}    Date of birth: {self.dob(p.dob)}", "",
                 f"Dear {self.name(p, 'title_sur')}", "",
                 f"An appointment has been made for you with {self.staff_name(who, 'titled')} on "
                 f"{d.strftime('%A %d %B %Y')} at {rng.randint(9, 15)}:{rng.choice(['00', '30'])}.",
                 f"This is to review your {p.meds[0].split(' ')[0]} and your {p.diagnosis}.",
                 "If you cannot attend please telephone the booking office.", "",
                 "Yours sincerely", "", self.staff[13].full, "Medical Secretary"]
        p.health = True
        self.write_pdf(f"OPMH/Outpatients/Appointment letters/{d.isoformat()}_{p.mrn}.pdf", [lines])

    def letter_care_home_review(self, p: Person, fmt: str):
        rng = self.rng
        nurse = self.staff[25]
        home, address, postcode = HOMES[p.home]
        d = self.date()
        manager = [s for s in self.staff if s.team == f"home{p.home}" and s.role == "Home Manager"][0]
        lines = [TRUST, "Care Home Liaison Team", "", d.strftime("%d/%m/%Y"), "",
                 f"{manager.full}, Home Manager", f"{home}, {address} {postcode}", "",
                 f"Dear {manager.forename}", "",
                 f"Re: {self.name(p, rng.choice(['title_full', 'SUR_comma', 'Fore_SUR']))}, Room {p.room}, "
                 f"DOB {self.dob(p.dob)}" + (f", NHS {self.nhs(p)}" if p.nhs else ""), "",
                 f"I reviewed {self.name(p, 'title_sur')} on {self.ddate(d)} with {self.staff_name(self.st('home' + str(p.home)), 'full')}. "
                 + self.health_lines(p),
                 f"Please continue the behaviour chart; {self.staff_name(p.gp, 'titled')} has been asked to review bloods.",
                 "", "Kind regards", "", nurse.full, nurse.role,
                 f"cc: {self.staff_name(p.gp, 'titled')}; {self.staff[0].full}"]
        name = f"Harbourside/{home}/Correspondence/CHLT_{p.surname.replace(' ', '')}_{d.isoformat()}.{fmt}"
        if fmt == "docx":
            self.write_docx(name, lines)
        elif fmt == "pdf":
            self.write_pdf(name, [lines])
        else:
            self.write_rtf(name, lines)

    # ------------------------------------------------------------- structured
    def hl7_pid(self, p: Person) -> str:
        ids = []
        if p.nhs:
            ids.append(f"{p.nhs}^^^NHS^NH")
        ids.append(f"{p.mrn}^^^WCHT^MR")
        name = f"{p.surname.upper()}^{p.forename}^{p.middle}^^{p.title}"
        address = f"{p.street}^^{p.town}^Kent^{p.postcode}^GBR^H"
        return (f"PID|1||{'~'.join(ids)}||{name}||{self.dob(p.dob, 'hl7')}|{p.sex}|||{address}||"
                f"{p.phone.replace(' ', '')}^PRN^PH")

    def hl7_msg(self, p: Person, kind: str, when: dt.datetime, results: bool = False) -> str:
        rng = self.rng
        stamp = when.strftime("%Y%m%d%H%M%S")
        control = f"{rng.getrandbits(40):010x}"
        segs = [f"MSH|^~\\&|RIO|WCHT|TIE|WCHT|{stamp}||{kind}|{control}|P|2.4",
                f"EVN|{kind.split('^')[1]}|{stamp}", self.hl7_pid(p)]
        for i, r in enumerate([r for r in p.relatives if r.kind == "related"], 1):
            rel_code = {"daughter": "DAU", "son": "SON", "neighbour": "NBR", "friend": "FND"}.get(r.relation, "OTH")
            dob = self.dob(r.dob, "hl7") if r.dob else ""
            nk1 = ["NK1", str(i), f"{r.surname.upper()}^{r.forename}^^^{r.title}",
                   f"{rel_code}^{r.relation.capitalize()}", r.street, r.phone.replace(" ", "")] + [""] * 9
            nk1 += [r.sex, dob]  # NK1-15 sex, NK1-16 date of birth
            segs.append("|".join(nk1).rstrip("|"))
        cons = self.staff[1] if p.group == "B" else self.staff[0]
        doctor = f"C{rng.randint(1000, 9999)}^{cons.surname.upper()}^{cons.forename}^^^Dr"
        pv1 = ["PV1", "1", "I" if p.group == "B" else "O",
               f"LARCH^BED{rng.randint(1, 18)}^^WCHT" if p.group == "B" else "OPMHCLIN^^^WCHT",
               "", "", "", doctor,  # PV1-7 attending
               f"G{rng.randint(100000, 999999)}^{p.gp.surname.upper()}^{p.gp.forename}^^^Dr",  # PV1-8 referring
               "", "PSY", "", "", "", "", "", "", doctor]  # PV1-17 admitting
        segs.append("|".join(pv1))
        segs.append(f"ROL|1|AD|PP^Primary Care Provider|G{rng.randint(100000, 999999)}^{p.gp.surname.upper()}^{p.gp.forename}^^^Dr")
        if p.coord is not None:
            segs.append(f"ROL|2|AD|CC^Care Coordinator|N{rng.randint(1000, 9999)}^{p.coord.surname.upper()}^{p.coord.forename}")
        if kind.startswith("ADT"):
            segs.append(f"DG1|1||F0{rng.randint(0, 9)}^{p.diagnosis}^I10||{stamp}|A")
            p.health = True
        if results:
            pharm = self.staff[24]
            segs.append(f"ORC|RE|{rng.randint(100000, 999999)}||||||||||P{rng.randint(1000, 9999)}^{pharm.surname.upper()}^{pharm.forename}")
            segs.append(f"OBR|1|||LITH^Lithium level^L|||{stamp}|||||||||C1234^{cons.surname.upper()}^{cons.forename}^^^Dr")
            segs.append(f"OBX|1|NM|LITH^Lithium^L||{rng.uniform(0.3, 1.2):.2f}|mmol/L|0.4-1.0|N|||F")
            segs.append(f"OBX|2|NM|EGFR^eGFR^L||{rng.randint(35, 90)}|mL/min/1.73m2|>60||||F")
            segs.append(f"OBX|3|TX|COMMENT^Comment^L||{p.forename} on {p.meds[0]}; {p.diagnosis}.||||||F")
            p.health = True
        return "\r".join(segs) + "\r"

    def hl7_files(self, ward: list[Person], lithium: list[Person]):
        rng = self.rng
        for p in ward:
            when = dt.datetime.combine(self.date(dt.date(2026, 6, 1), dt.date(2026, 9, 30)),
                                       dt.time(rng.randint(0, 23), rng.randint(0, 59)))
            self.write_text(f"Interfaces/HL7/ADT/ADT_A01_{when.strftime('%Y%m%d%H%M')}_{p.mrn}.hl7",
                            self.hl7_msg(p, "ADT^A01", when))
        # a batch file of discharges (several patients, one message each)
        for start in range(0, len(ward), 5):
            batch = ward[start:start + 5]
            msgs = []
            for p in batch:
                when = dt.datetime.combine(self.date(dt.date(2026, 10, 1), dt.date(2026, 11, 15)), dt.time(11, 0))
                msgs.append(self.hl7_msg(p, "ADT^A03", when))
            self.write_text(f"Interfaces/HL7/ADT/batch_A03_{start // 5 + 1:02d}.hl7", "\n".join(msgs))
        for p in lithium:
            when = dt.datetime.combine(self.date(), dt.time(rng.randint(8, 12), rng.randint(0, 59)))
            self.write_text(f"Interfaces/HL7/ORU/ORU_{when.strftime('%Y%m%d%H%M')}_{p.mrn}.hl7",
                            self.hl7_msg(p, "ORU^R01", when, results=True))

    def fhir_patient(self, p: Person, pid: str) -> dict:
        identifiers = []
        if p.nhs:
            identifiers.append({"system": "https://fhir.nhs.uk/Id/nhs-number", "value": p.nhs})
        identifiers.append({"system": "https://wealdmoor.nhs.uk/Id/rio", "value": p.mrn})
        given = [p.forename] + ([p.middle] if p.middle else [])
        resource = {"resourceType": "Patient", "id": pid, "identifier": identifiers,
                    "name": [{"use": "official", "prefix": [p.title], "given": given, "family": p.surname}],
                    "gender": "female" if p.sex == "F" else "male", "birthDate": p.dob.isoformat(),
                    "address": [{"line": [p.street], "city": p.town, "postalCode": p.postcode}],
                    "telecom": [{"system": "phone", "value": p.phone}],
                    "generalPractitioner": [{"display": self.staff_name(p.gp, "titled")}]}
        rel = next((r for r in p.relatives if r.kind == "related"), None)
        if rel is not None and self.rng.random() < 0.4:
            resource["contact"] = [{"relationship": [{"text": rel.relation}],
                                    "name": {"given": [rel.forename], "family": rel.surname},
                                    "telecom": [{"system": "phone", "value": rel.phone}]}]
        return resource

    def fhir_bundle(self, people: list[Person], rel: str):
        rng = self.rng
        entries = []
        practitioners = {}
        for n, p in enumerate(people):
            pid = f"pat-{p.mrn}"
            entries.append(self.fhir_patient(p, pid))
            for r in [r for r in p.relatives if r.kind == "related"]:
                related = {"resourceType": "RelatedPerson", "id": f"rp-{len(entries)}",
                           "patient": {"reference": f"Patient/{pid}"},
                           "relationship": [{"text": r.relation}],
                           "name": [{"given": [r.forename], "family": r.surname}],
                           "telecom": [{"system": "phone", "value": r.phone}]}
                if r.dob:
                    related["birthDate"] = r.dob.isoformat()
                entries.append(related)
            staff = p.coord if p.group != "B" else self.staff[1]
            if staff.full not in practitioners:
                practitioners[staff.full] = f"prac-{len(practitioners) + 1}"
                entries.append({"resourceType": "Practitioner", "id": practitioners[staff.full],
                                "name": [{"prefix": [staff.title] if staff.title else [], "given": [staff.forename],
                                          "family": staff.surname}],
                                "qualification": [{"code": {"text": staff.role}}]})
            when = self.date()
            enc_id = f"enc-{n}"
            entries.append({"resourceType": "Encounter", "id": enc_id, "status": "finished",
                            "class": {"code": "HH" if p.group == "A" else "IMP"},
                            "subject": {"reference": f"Patient/{pid}", "display": self.name(p, "full")},
                            "participant": [{"individual": {"reference": f"Practitioner/{practitioners[staff.full]}",
                                                            "display": staff.full}}],
                            "period": {"start": when.isoformat()}})
            if not p.admin_only:
                score = rng.choice([("ACE-III total score", rng.randint(45, 95)),
                                    ("HoNOS65+ total", rng.randint(4, 30)),
                                    ("Geriatric Depression Scale (15)", rng.randint(2, 15))])
                entries.append({"resourceType": "Observation", "id": f"obs-{n}", "status": "final",
                                "code": {"text": score[0]}, "valueInteger": score[1],
                                "subject": {"reference": f"Patient/{pid}"},
                                "encounter": {"reference": f"Encounter/{enc_id}"},
                                "performer": [{"display": staff.full}],
                                "note": [{"text": f"{p.diagnosis}; {p.meds[0]}"}]})
                entries.append({"resourceType": "Condition", "id": f"cond-{n}",
                                "code": {"text": p.diagnosis},
                                "subject": {"reference": f"Patient/{pid}"}})
                p.health = True
        bundle = {"resourceType": "Bundle", "type": "collection",
                  "timestamp": "2026-11-18T09:00:00Z",
                  "entry": [{"fullUrl": f"urn:uuid:{e['resourceType'].lower()}-{e['id']}", "resource": e} for e in entries]}
        self.write_text(rel, json.dumps(bundle, indent=1 if rng.random() < 0.5 else None))

    # ---------------------------------------------------------------- emails
    def emails(self, community: list[Person], ward: list[Person], residents: list[Person]):
        rng = self.rng
        n = 0

        def when():
            return dt.datetime.combine(self.date(), dt.time(rng.randint(7, 18), rng.randint(0, 59)))

        def sign(s: Person) -> str:
            return rng.choice([f"\nKind regards\n{s.full}\n{s.role}\n", f"\nThanks\n{s.forename}\n",
                               f"\nMany thanks,\n{self.staff_name(s, 'titled')} | {s.role} | {self.org(s)}\n"])

        # 1. weekend key-safe list for the HTT (csv attachment, home access)
        with_access = [p for p in community if p.access and not p.admin_only]
        for k in range(0, min(len(with_access), 24), 8):
            group = with_access[k:k + 8]
            sender, to = self.st("crht", "Nurse"), [s for s in self.staff if s.team == "crht"]
            rows = []
            for p in group:
                rows.append([self.name(p, "Sur_comma"), self.dob(p.dob, "slash"), f"{p.street}, {p.postcode}",
                             self.access_line(p), self.staff_name(self.st("crht"), "full")])
            att = self.csv_text(["Client", "D.O.B", "Address", "Access", "Visiting"], rows)
            n += 1
            self.write_eml(f"Mail/CRHT/{n:03d}_weekend_access.eml", sender, to, [self.staff[14]],
                           "Weekend visits - access details (do not forward)",
                           f"Hi all,\n\nAttached are the access details for this weekend's visits. Please delete after use.\n{sign(sender)}",
                           when(), [("weekend_access.csv", att, "csv")])
        # 2. referral discussions about one client
        for p in rng.sample(community, min(len(community), max(4, self.n // 10))):
            if p.admin_only:
                continue
            sender = p.coord
            to = [self.staff[0]]
            cc = [self.staff[12], self.st("opmh")]
            body = (f"Dear {self.staff[0].forename},\n\nCould we discuss {self.name(p, rng.choice(['title_full', 'Fore_SUR', 'full_mid']))} "
                    f"(DOB {self.dob(p.dob)}{', NHS ' + self.nhs(p) if p.nhs else ''}) at Thursday's MDT?\n"
                    f"{self.health_lines(p)}\n")
            if p.spouse is not None:
                body += (f"{'Her husband' if p.sex == 'F' else 'His wife'} {self.name(p.spouse, 'title_full')} "
                         f"(DOB {self.dob(p.spouse.dob)}) is also known to us; {self.health_line(p.spouse)}\n")
            if p.access and rng.random() < 0.5:
                body += f"For the visit: {self.access_line(p)}\n"
            body += sign(sender)
            n += 1
            self.write_eml(f"Mail/OPMH/{n:03d}_{p.mrn}.eml", sender, to, cc,
                           f"{rng.choice(['Urgent review', 'MDT discussion', 'Advice please'])} - {p.forename[0]}.{p.surname[0]}.", body, when())
        # 3. bed state with txt attachment
        for k in range(0, len(ward), 8):
            group = ward[k:k + 8]
            sender = self.staff[20]
            lines = [f"{self.name(p, 'SUR_comma')}\t{self.dob(p.dob, 'dot')}\t{self.nhs(p, 'plain') if p.nhs else ''}\t{self.health_line(p)}"
                     for p in group]
            n += 1
            self.write_eml(f"Mail/Larch/{n:03d}_bed_state.eml", sender,
                           [self.staff[1], self.staff[15]], [self.staff[3], self.staff[24]],
                           "Larch bed state and delayed discharges",
                           f"Please see attached bed state.\n{sign(sender)}", when(),
                           [("bedstate.txt", "\n".join(lines) + "\n", "plain")])
        # 4. care home referrals and invoice queries
        for home in range(len(HOMES)):
            mine = [p for p in residents if p.home == home]
            if not mine:
                continue
            manager = [s for s in self.staff if s.team == f"home{home}" and s.role == "Home Manager"][0]
            for p in [q for q in mine if not q.admin_only][:2]:
                body = (f"Hi {self.staff[25].forename},\n\nWe would like a review for {self.name(p, 'title_full')} "
                        f"in Room {p.room} (born {self.dob(p.dob)}). {self.health_line(p)}\n"
                        f"{next((r.relation.capitalize() + ' ' + r.full + ' (' + r.phone + ') is aware.' for r in p.relatives if r.kind == 'related'), '')}\n{sign(manager)}")
                n += 1
                self.write_eml(f"Mail/Care homes/{n:03d}_referral.eml", manager, [self.staff[25]],
                               [self.st(f"home{home}")], f"Referral - {HOMES[home][0]}", body, when())
            rows = [[p.surname, p.forename, self.dob(p.dob, "iso"), p.room, rng.choice(["LA funded", "Self funder", "LA funded + top-up"]),
                     f"{rng.randint(900, 1600)}.00"] for p in mine]
            att = self.csv_text(["Surname", "First name", "Birth date", "Room", "Funding", "Weekly fee"], rows)
            n += 1
            self.write_eml(f"Mail/Care homes/{n:03d}_invoice.eml", manager, [self.staff[14]], [],
                           "Commissioned placements - November invoice",
                           f"Neil,\n\nPlease find the placement list for November.\n{sign(manager)}", when(),
                           [(f"placements_{HOMES[home][0].replace(' ', '_')}.csv", att, "csv")])
        # 5. council telecare key-safe installs (home access, no health data)
        installs = [p for p in community if p.admin_only] + [p for p in community if p.access and not p.admin_only][:4]
        for k in range(0, len(installs), 6):
            group = installs[k:k + 6]
            tech = rng.choice([s for s in self.staff if s.team == "council"])
            rows = [[self.name(p, "full"), self.dob(p.dob, rng.choice(["slash", "iso"])), p.street, p.postcode,
                     p.code or "n/a", self.access_line(p), tech.full] for p in group]
            att = self.csv_text(["Name", "Date of Birth", "Address", "Postcode", "Code", "Notes", "Installer"], rows)
            n += 1
            self.write_eml(f"Mail/Telecare/{n:03d}_keysafe_installs.eml", tech, [self.staff[12]], [self.staff[16]],
                           "Key safe installations completed",
                           f"Hello,\n\nKey safes fitted this week for your clients, codes as set with the client.\n{sign(tech)}",
                           when(), [("installs.csv", att, "csv")])
        # 6. a couple in one e-mail (both subjects)
        couples = [p for p in community if p.spouse is not None and p.sex == "F"]
        for p in couples[:3]:
            q = p.spouse
            sender = p.coord
            body = (f"Hi {self.staff[16].forename},\n\nJoint referral: {self.name(q, 'title_full')} (DOB {self.dob(q.dob)}) and "
                    f"{self.name(p, 'title_full')} (DOB {self.dob(p.dob)}), {p.street}, {p.postcode}.\n"
                    f"{self.health_line(q)} {self.health_line(p)}\n{self.access_line(p)}\n{sign(sender)}")
            n += 1
            self.write_eml(f"Mail/CRHT/{n:03d}_joint.eml", sender, [self.staff[16], self.staff[17]], [self.staff[0]],
                           "Joint referral (couple)", body, when())

    # ---------------------------------------------------------------- tables
    def tables(self, community, ward, residents):
        rng = self.rng
        active = [p for p in community if not p.admin_only]
        # caseload extract: split names
        for team, members in (("West", active[::2]), ("East", active[1::2])):
            rows = []
            for p in members:
                rows.append([p.surname.upper() if rng.random() < 0.5 else p.surname, p.forename, p.middle,
                             self.dob(p.dob, "slash"), self.nhs(p, "plain") if p.nhs else "", p.postcode,
                             p.coord.full, p.diagnosis, self.date(dt.date(2026, 12, 1), dt.date(2027, 3, 1)).isoformat()])
                p.health = True
            self.write_csv(f"OPMH/Reports/caseload_{team.lower()}_{TODAY.strftime('%Y%m')}.csv",
                           ["Surname", "Forename", "Middle name(s)", "D.O.B.", "NHS No.", "Postcode", "Care Co-ordinator",
                            "Primary diagnosis", "Next CPA"], rows)
        # memory clinic waiting list: full-name column
        waiting = [p for p in active if "dementia" in p.diagnosis or "Alzheimer" in p.diagnosis or "cognitive" in p.diagnosis]
        rows = [[self.name(p, rng.choice(["Sur_comma", "SUR_comma", "full", "SUR_fore"])), self.dob(p.dob, rng.choice(["slash", "dot", "iso", "abbr"])),
                 self.nhs(p) if p.nhs else "", self.staff_name(p.gp, "titled"), self.date().isoformat(),
                 rng.choice(["Routine", "Soon", "Urgent"]), "Memory assessment - " + p.diagnosis] for p in waiting]
        for p in waiting:
            p.health = True
        self.write_csv("OPMH/Memory Service/waiting_list.csv",
                       ["Patient Name", "DOB", "NHS Number", "Referrer", "Referral received", "Priority", "Reason"], rows)
        # depot / lithium clinic list (xlsx)
        clinic = [p for p in active + ward if any("lithium" in m or "decanoate" in m or "aripiprazole" in m for m in p.meds)]
        rows = [[self.name(p, "Fore_SUR"), self.dob(p.dob, "iso"), self.nhs(p, "space") if p.nhs else "",
                 next(m for m in p.meds if "lithium" in m or "decanoate" in m or "aripiprazole" in m),
                 self.date().isoformat(), rng.choice([s.full for s in self.staff if s.team == "opmh" and "Nurse" in s.role])] for p in clinic]
        for p in clinic:
            p.health = True
        self.write_xlsx("OPMH/Clinics/depot_and_lithium_clinic.xlsx",
                        [("Clinic list", ["Client", "Birth date", "NHS", "Medication", "Due", "Nurse"], rows)])
        # HTT visit schedule with access column (xlsx, two sheets)
        crht = [p for p in community if p.access and not p.admin_only]
        staff = [s for s in self.staff if s.team == "crht"]
        sheets = []
        for day in ("Saturday", "Sunday"):
            rows = []
            for p in rng.sample(crht, min(len(crht), 10)):
                s1, s2 = rng.sample(staff, 2)
                rows.append([f"{rng.randint(8, 19):02d}:{rng.choice(['00', '30'])}", p.surname, p.forename,
                             self.dob(p.dob, "slash"), f"{p.street}, {p.town}", self.access_line(p), s1.full, s2.full,
                             self.health_line(p)])
            sheets.append((day, ["Time", "Client surname", "Client forename", "DOB", "Address", "Access / key safe",
                                 "Staff 1", "Staff 2", "Notes"], rows))
        self.write_xlsx("CRHT/Rota/HTT_weekend_visits.xlsx", sheets)
        # staff rota (names staff only, plus on-call)
        rows = []
        for d in range(14):
            day = dt.date(2026, 11, 2) + dt.timedelta(days=d)
            for shift in ("Early 07:30-15:30", "Late 13:30-21:30", "Night 21:00-08:00"):
                a, b = rng.sample(staff, 2)
                rows.append([day.isoformat(), shift, a.full, b.full, self.staff[15].full if shift.startswith("Night") else ""])
        self.write_xlsx("CRHT/Rota/CRHT_rota_Nov26.xlsx", [("Rota", ["Date", "Shift", "Staff", "Staff", "Consultant on call"], rows)])
        # key safe register (csv, split name fields with programmer names)
        rows = []
        for p in [q for q in community if q.access]:
            holder = next((r for r in p.relatives if r.kind == "related"), None)
            rows.append([p.surname, p.forename, self.dob(p.dob, "iso"), f"{p.street}, {p.town}", p.postcode,
                         self.access_line(p), holder.full if holder else "", holder.phone if holder else "",
                         holder.relation if holder else ""])
        self.write_csv("CRHT/Key safe register/keysafe_register.csv",
                       ["client_surname", "client_forename", "client_dob", "address", "postcode", "access_details",
                        "key_holder_name", "key_holder_phone", "key_holder_relationship"], rows)
        # ward bed state (xlsx)
        rows = [[i + 1, self.name(p, "SUR_comma"), self.dob(p.dob, "dot"), self.nhs(p, "plain") if p.nhs else "",
                 rng.choice(["s2", "s3", "Informal", "DoLS"]), self.health_line(p), self.staff_name(self.staff[1], "titled")]
                for i, p in enumerate(ward)]
        self.write_xlsx("Inpatients/Larch Ward/bed_state.xlsx",
                        [("Bed state", ["Bed", "Patient", "DOB", "NHS No", "Legal status", "Issues", "Consultant"], rows)])
        # care home resident lists (csv, per home) and a group invoice workbook (xlsx)
        for home in range(len(HOMES)):
            mine = [p for p in residents if p.home == home]
            rows = []
            for p in mine:
                nok = next((r for r in p.relatives if r.kind == "related"), None)
                rows.append([p.room, self.name(p, rng.choice(["title_full", "Sur_comma", "full"])),
                             self.dob(p.dob, rng.choice(["slash", "short", "long"])), self.nhs(p) if p.nhs else "",
                             self.staff_name(p.gp, "titled"), nok.full if nok else "", nok.relation if nok else "",
                             nok.phone if nok else ""])
            self.write_csv(f"Harbourside/{HOMES[home][0]}/resident_list.csv",
                           ["Room", "Resident", "Date of Birth", "NHS number", "GP", "Next of kin", "Relationship", "NOK phone"],
                           rows)
            self.write_csv(f"Harbourside/{HOMES[home][0]}/visitor_bookings.csv",
                           ["Date", "Slot", "Visitor", "Visiting"],
                           [[self.date().isoformat(), f"{rng.randint(10, 16)}:00", r.full, self.name(p, "full")]
                            for p in mine for r in p.relatives if r.kind == "related"], delimiter=";")
        sheets = []
        for home in range(len(HOMES)):
            rows = [[p.surname.upper(), p.forename, self.dob(p.dob, "iso"), self.nhs(p, "plain") if p.nhs else "",
                     p.room, f"{rng.randint(900, 1600)}.00", rng.choice(["LA", "Self", "LA + top-up"])]
                    for p in residents if p.home == home]
            sheets.append((HOMES[home][0][:30], ["SURNAME", "Forename", "DOB", "NHS", "Room", "Weekly fee", "Funding"], rows))
        self.write_xlsx("Finance/Commissioned placements/Harbourside_invoice_Nov26.xlsx", sheets)
        # care home MAR summary (xlsx) for residents with health data
        rows = [[self.name(p, "full"), self.dob(p.dob, "slash"), HOMES[p.home][0], "; ".join(p.meds), self.st(f"home{p.home}").full]
                for p in residents if not p.admin_only]
        for p in residents:
            if not p.admin_only:
                p.health = True
        self.write_xlsx("Harbourside/Group/MAR_psychotropics_audit.xlsx",
                        [("Audit", ["Resident name", "DOB", "Home", "Psychotropics", "Checked by"], rows)])

    # ---------------------------------------------------------------- build
    def build(self):
        rng = self.rng
        self.make_staff()
        self.make_subjects()
        community = [p for p in self.subjects if p.group == "A"]
        ward = [p for p in self.subjects if p.group == "B"]
        residents = [p for p in self.subjects if p.group == "C"]
        active = [p for p in community if not p.admin_only]
        # free text
        for p in active:
            self.progress_notes(p)
        for i in range(max(2, self.n // 10)):
            group = rng.sample(active, min(len(active), rng.randint(5, 8)))
            self.crht_handover(group, self.date(), i + 1)
        days = sorted({self.date() for _ in range(max(2, self.n // 20))})
        for d in days:
            self.ward_round(rng.sample(ward, min(len(ward), rng.randint(6, 10))), d)
            self.ward_handover(rng.sample(ward, min(len(ward), rng.randint(6, 10))), d)
        for i in range(max(2, self.n // 15)):
            self.mdt(rng.sample(active, min(len(active), rng.randint(5, 9))), self.date(), i + 1)
        for home in range(len(HOMES)):
            mine = [p for p in residents if p.home == home]
            if not mine:
                continue
            for d in sorted({self.date(dt.date(2026, 11, 1)) for _ in range(max(2, self.n // 20))}):
                self.care_home_log(home, rng.sample(mine, min(len(mine), rng.randint(6, 12))), d)
        for i, p in enumerate(rng.sample(active + ward, max(2, self.n // 25))):
            self.safeguarding(p, i + 1)
        # letters
        for p in active:
            r = rng.random()
            if r < 0.45:
                self.letter_memory(p, "docx")
            elif r < 0.7:
                self.letter_memory(p, "pdf")
            elif r < 0.85:
                self.letter_memory(p, "rtf")
        for p in ward:
            self.letter_discharge(p)
        for p in rng.sample(active + ward, len(active + ward) // 3):
            self.letter_gp_referral(p)
        for p in rng.sample(active, len(active) // 4):
            self.letter_to_relative(p, rng.choice(["pdf", "rtf"]))
        for p in rng.sample(active, len(active) // 4):
            self.letter_appointment(p)
        for p in [q for q in residents if not q.admin_only]:
            if rng.random() < 0.6:
                self.letter_care_home_review(p, rng.choice(["docx", "pdf", "rtf"]))
        # structured
        lithium = [p for p in active + ward if any("lithium" in m for m in p.meds)]
        self.hl7_files(ward, lithium)
        for p in rng.sample(active + ward, len(active + ward) // 2):
            self.fhir_bundle([p], f"Interfaces/FHIR/encounter_{p.mrn}.json")
        for k in range(0, len(active), 15):
            self.fhir_bundle(active[k:k + 15], f"Interfaces/FHIR/export_batch_{k // 15 + 1:02d}.json")
        self.fhir_bundle([p for p in residents if not p.admin_only][:12], "Interfaces/FHIR/care_home_liaison_export.json")
        self.emails(community, ward, residents)
        self.tables(community, ward, residents)
        # every subject must be identifiable somewhere (name + DOB together): guaranteed by
        # progress notes (active), HL7 / discharge (ward), resident lists (care homes),
        # telecare installs (admin-only community clients).

    def truth(self) -> tuple[dict, dict]:
        people = []
        for p in self.subjects:
            people.append({
                "forename": p.forename, "surname": p.surname, "middle_names": p.middle, "title": p.title,
                "name": p.full, "dob": p.dob.isoformat(), "nhs_number": p.nhs,
                "postcode": p.postcode, "group": {"A": "community", "B": "inpatient", "C": "care home"}[p.group],
                "special_category": p.health, "health": p.health,
                "home_access": p.access_exposed,
                # the eval counts home access as people with a truthy `keysafe_code`: the code
                # exposed, or for a hidden spare key (no code) the exposed description
                "keysafe_code": (p.code or p.access) if p.access_exposed else "",
                "home_access_detail": p.access if p.access_exposed else "",
                "spouse_also_subject": p.spouse.full if p.spouse else "",
                "related": [{"name": r.full, "relation": r.relation} for r in p.relatives if r.kind == "related"],
            })
        truth = {  # exactly the keys `phiscan eval --scoping` accepts
            "people": people,
            "staff": [s.full for s in self.staff],
            "related": [r.full for r in self.related],
        }
        meta = {
            "schema": "heldout_share_3/1",
            "organisation": f"{TRUST} (older people's mental health: community team, memory service, CRHT, "
                            f"Larch Ward) + commissioned {CARE_GROUP} (3 care homes)",
            "staff_detail": [{"name": s.full, "role": s.role} for s in self.staff],
            "related_detail": [{"name": r.full, "relation": r.relation} for r in self.related],
            "total": len(people),
            "with_home_access": sum(1 for p in self.subjects if p.access_exposed),
            "with_special_category": sum(1 for p in self.subjects if p.health),
            "without_nhs_number": sum(1 for p in self.subjects if not p.nhs),
            "files_by_format": dict(sorted(self.counts.items())),
            "files": sum(self.counts.values()),
        }
        return truth, meta


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    share, truth = Path(argv[1]), Path(argv[2])
    people = int(argv[3]) if len(argv) > 3 else 120
    seed = int(argv[4]) if len(argv) > 4 else 1
    share.mkdir(parents=True, exist_ok=True)
    gen = Share(share, people, seed)
    gen.build()
    data, meta = gen.truth()
    truth.parent.mkdir(parents=True, exist_ok=True)
    truth.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    # everything else (organisation, counts, roles of staff and relatives) beside it
    truth.with_name(truth.stem + ".meta.json").write_text(json.dumps(meta, indent=1) + "\n",
                                                          encoding="utf-8")
    data = meta
    print(f"{data['files']} files, {data['total']} people, {data['with_home_access']} with home access, "
          f"{data['with_special_category']} with health data: {data['files_by_format']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
