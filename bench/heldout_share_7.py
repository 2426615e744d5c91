#!/usr/bin/env python3
"""Held-out share 7 for phiscan breach scoping (independent author, session 7, 30 Nov 2026).

Usage: python heldout_share_7.py SHARE TRUTH.json [PEOPLE=120] [SEED=1]

Models a breach of a shared drive used jointly by
  * Calderwick Children and Families Community Health Service (part of the invented
    North Calderwick Community Health NHS Trust): health visitors, school nurses,
    community children's nursing (CCN), children's palliative care at home, and its
    special-needs (SEN) transport unit;
  * Calderwick Borough Council Children with Disabilities (CWD) team and its
    short-breaks provider, Willowbank Short Breaks;
  * Heronsgate Housing Association: sheltered schemes and an extra-care scheme with
    the Heronsgate Careline warden/alarm service, the Calderwick Home from Hospital
    volunteer service, and StepWell Podiatry & AirHome Oxygen (domiciliary contractor).
Everything is invented. Deterministic from the seed.
"""
import csv
import datetime as dt
import io
import json
import os
import random
import re
import sys
import zipfile
from email.message import EmailMessage
from email.utils import format_datetime

import openpyxl
from docx import Document
from docx.shared import Pt

TODAY = dt.date(2026, 11, 20)

# ----------------------------------------------------------------------------- names
CHILD_F = ["Amelia", "Isla", "Ava", "Freya", "Poppy", "Evie", "Maisie", "Lily", "Ruby", "Aria",
           "Willow", "Esme", "Orla", "Niamh", "Aoife", "Zara", "Aisha", "Maryam", "Hafsa", "Anaya",
           "Kezia", "Tia-Rose", "Lacey-Mae", "Skye", "Ellie-May", "Sienna", "Harper", "Nevaeh",
           "Kayla", "Jasmine", "Imogen", "Phoebe", "Mia", "Eliza", "Bethany", "Seren", "Cerys",
           "Nia", "Leah", "Layla", "Summer", "Darcie", "Matilda", "Hollie", "Elodie", "Ffion"]
CHILD_M = ["Oliver", "Jayden", "Harry", "Alfie", "Theo", "Leo", "Noah", "Muhammad", "Ibrahim",
           "Yusuf", "Ayaan", "Reuben", "Kai", "Riley", "Tyler", "Kian", "Cian", "Oisin", "Rhys",
           "Dylan", "Logan", "Mason", "Finley", "Jacob", "Archie", "Freddie", "Tommy-Lee",
           "Charlie", "Ezra", "Rory", "Callum", "Brodie", "Tobias", "Elijah", "Zachary", "Lucas",
           "Jenson", "Ronnie", "Bobby", "Caden", "Ellis", "Jude", "Ollie", "Harley"]
OLD_F = ["Edna", "Doreen", "Mavis", "Brenda", "Jean", "Margaret", "Joan", "Patricia", "Eileen",
         "Sheila", "Irene", "Maureen", "Dorothy", "Gladys", "Winifred", "Hilda", "Iris", "Phyllis",
         "Beryl", "Valerie", "Rita", "Sylvia", "June", "Pauline", "Barbara", "Kathleen", "Bridget",
         "Agnes", "Nora", "Ivy", "Veronica", "Ada", "Olive", "Vera", "Elsie", "Marjorie", "Enid"]
OLD_M = ["Arthur", "Ernest", "Harold", "Dennis", "Leonard", "Stanley", "Kenneth", "Ronald",
         "Albert", "Cyril", "Wilfred", "Norman", "Clifford", "Reginald", "Herbert", "Frank",
         "Walter", "Gordon", "Raymond", "Desmond", "Trevor", "Eric", "Roy", "Geoffrey", "Maurice",
         "Percy", "Bernard", "Clive", "Derek", "Gerald", "Mohan", "Gurdev", "Winston", "Delroy"]
ADULT_F = ["Kerry", "Gemma", "Leanne", "Sarah", "Rebecca", "Natalie", "Danielle", "Stacey", "Amy",
           "Laura", "Nicola", "Hayley", "Jodie", "Samantha", "Charlotte", "Sophie", "Rachel",
           "Emma", "Hannah", "Kirsty", "Shazia", "Nasreen", "Farah", "Agnieszka", "Marta", "Ioana",
           "Chidinma", "Blessing", "Tasha", "Claire", "Joanne", "Lisa", "Michelle", "Tracey",
           "Lorraine", "Angela", "Helen", "Fiona", "Siobhan", "Ruth", "Deborah", "Karen",
           "Corinne", "Bev", "Priya", "Anjali", "Mei", "Gosia", "Aileen", "Rosalind", "Yvonne"]
ADULT_M = ["Craig", "Lee", "Darren", "Wayne", "Jamie", "Ryan", "Scott", "Dean", "Gareth", "Carl",
           "Stuart", "Matthew", "Daniel", "Adam", "Ashley", "Imran", "Tariq", "Bilal", "Tomasz",
           "Piotr", "Marius", "Emeka", "Tunde", "Kwame", "Sean", "Declan", "Liam", "Paul", "Mark",
           "Steven", "Neil", "Simon", "Graham", "Ian", "Hamish", "Rajesh", "Vikram", "Owen",
           "Gavin", "Barry", "Alastair", "Nathan"]
SURNAMES = ["Lomax", "Ashworth", "Fenwick", "Tully", "Merritt", "Rennie", "Dhillon", "Akhtar",
            "Okafor", "Nowak", "Kowalczyk", "Popescu", "O'Hara", "O'Donnell", "D'Souza",
            "McAllister", "MacLeod", "Ashby-Kerr", "Fenwick-Shaw", "Pryce-Jones", "Baptiste",
            "Whitworth", "Haworth", "Greenhalgh", "Pilkington", "Entwistle", "Catterall",
            "Sutcliffe", "Holroyd", "Brierley", "Crabtree", "Ackroyd", "Hepworth", "Marsden",
            "Thwaite", "Dobson", "Gaskell", "Kershaw", "Ormerod", "Lord", "Nuttall", "Horrocks",
            "Duckworth", "Rawcliffe", "Hargreaves", "Battersby", "Butterworth", "Clegg", "Crowther",
            "Farrimond", "Gorman", "Hussain", "Iqbal", "Mahmood", "Chaudhry", "Begum", "Rahman",
            "Patel", "Mistry", "Chauhan", "Kaur", "Sandhu", "Bains", "Adeyemi", "Mensah", "Asante",
            "Campbell", "Gallagher", "Quinn", "Doherty", "Kavanagh", "Byrne", "Flanagan", "Hughes",
            "Pritchard", "Vaughan", "Llewellyn", "Bevan", "Morgan-Price", "Wojcik", "Zielinski",
            "Dumitru", "Radu", "Osei", "Nwosu", "Eze", "Baxter", "Calvert", "Dewhurst", "Eccles",
            "Fairclough", "Gregson", "Halliwell", "Ingham", "Jolley", "Kenyon", "Leigh-Hart",
            "Mottram", "Naylor", "Openshaw", "Parkinson", "Ramsbottom", "Schofield", "Tattersall",
            "Unsworth", "Walmsley", "Yates", "Aspinall", "Birtwistle", "Cunliffe", "Dootson",
            "Elswood", "Fogarty", "Grundy", "Heap", "Isherwood", "Jagger", "Kilner", "Lunt",
            "Mellor", "Nield", "Oldroyd", "Peel", "Riding", "Shorrock", "Tomlinson", "Vickers",
            "Wadsworth", "Bamford", "Cheetham", "Dyson", "Frith", "Garside", "Hindle", "Ince",
            "Jowett", "Knowles", "Lockwood", "Moorhouse", "Nolan", "Pickles", "Rigby", "Stott",
            "Tennant", "Uttley", "Wrigley", "Bradshaw", "Cartwright", "Duerden", "Emmott",
            "Fazakerley", "Gillibrand", "Holden", "Jepson", "Kirkham", "Lancaster", "Midgley",
            "Pemberton", "Royle", "Sharples", "Thistlethwaite", "Ward-Bell", "St John", "Van Dijk",
            "De Luca", "Ni Bhriain", "MacKenzie", "O'Rourke", "Mc Guire", "N'Diaye", "Al-Rashid"]
STREETS = ["Fenwick Road", "Linnet Way", "Brackenmoor Lane", "Heron Close", "Mill Brow",
           "Kingfisher Drive", "Calder Terrace", "Spinners Walk", "Weavers Row", "Tanpit Lane",
           "Ridgeway Crescent", "Holly Bank", "Moorside Avenue", "Chapel Fold", "Beacon View",
           "Sycamore Grove", "Foundry Street", "Canal Side", "Larkhill Road", "Orchard Rise"]
TOWNS = [("Calderwick", "CW4"), ("Brackenmoor", "CW7"), ("Hollins Bridge", "CW9"),
         ("Sowerfold", "CW11"), ("Netherby Green", "CW3")]
SCHEMES = [("Mallard Court", "sheltered", "2 Heron Close", "Calderwick", "CW4 2HL"),
           ("Thornleigh House", "sheltered", "40 Mill Brow", "Brackenmoor", "CW7 5MB"),
           ("Cobden Gardens", "sheltered", "1 Cobden Walk", "Hollins Bridge", "CW9 1CG"),
           ("Orchard Lea", "extra-care", "Orchard Rise", "Sowerfold", "CW11 6OL")]
SCHOOLS = ["St Aidan's CE Primary", "Brackenmoor Community Primary", "Calder Vale Academy",
           "Hollins Bridge High School", "Netherby Green Infants", "Beacon View Special School",
           "Sowerfold Primary", "Larkhill Park School (special)"]
NURSERIES = ["Little Acorns Nursery", "Bright Sparks Pre-School", "Calderwick Children's Centre nursery"]
CONDITIONS_CHILD = [
    ("cerebral palsy (GMFCS IV), gastrostomy fed", True), ("Duchenne muscular dystrophy", True),
    ("autism spectrum condition, non-verbal", False), ("Down syndrome with AVSD repaired", True),
    ("epilepsy (Dravet syndrome)", True), ("spinal muscular atrophy type 2, overnight NIV", True),
    ("global developmental delay", False), ("tracheostomy, ventilated overnight", True),
    ("severe learning disability and challenging behaviour", False),
    ("congenital CMV with hearing loss", False), ("type 1 diabetes", False),
    ("Rett syndrome", True), ("life-limiting metabolic condition (MPS II)", True),
    ("ADHD and sensory processing difficulties", False), ("asthma, frequent admissions", False),
    ("faltering growth", False), ("eczema and food allergy (nut)", False)]
CONDITIONS_OLD = ["COPD on home oxygen", "type 2 diabetes, peripheral neuropathy",
                  "Alzheimer's dementia (moderate)", "heart failure", "Parkinson's disease",
                  "frailty, recurrent falls", "stroke with left-sided weakness",
                  "macular degeneration, registered blind", "osteoarthritis both knees",
                  "vascular dementia", "chronic kidney disease stage 4", "leg ulcers",
                  "depression and anxiety", "atrial fibrillation on warfarin"]


class World:
    def __init__(self, n, seed):
        self.r = random.Random(seed)
        self.n = n
        self.used_names = set()
        self.used_nhs = set()
        self.used_phone = set()
        self.people = []
        self.staff = {}        # name -> dict
        self.related = {}      # name -> dict
        self.seen_dob = set()  # ids of people written with full name + DOB in one record
        self.seen_nhs = set()  # ids of people whose NHS number is written
        self.access_written = {}  # id -> set(kind)
        self.files = []
        self.make_staff()
        self.make_people()

    # ------------------------------------------------------------------ primitives
    def phone(self):
        while True:
            p = "07700 900%03d" % self.r.randint(0, 999)
            if p not in self.used_phone:
                self.used_phone.add(p)
                return p

    def nhs(self):
        r = self.r
        while True:
            first = r.choice([r.randint(401, 499), r.randint(600, 708)])
            digits = [int(c) for c in "%03d" % first] + [r.randint(0, 9) for _ in range(6)]
            s = sum(d * w for d, w in zip(digits, range(10, 1, -1)))
            c = 11 - s % 11
            if c == 11:
                c = 0
            if c == 10:
                continue
            num = "".join(map(str, digits)) + str(c)
            if num not in self.used_nhs:
                self.used_nhs.add(num)
                return num

    def name(self, pool_f, pool_m, sex=None, surname=None):
        r = self.r
        for _ in range(1000):
            s = sex or r.choice("FM")
            fn = r.choice(pool_f if s == "F" else pool_m)
            sn = surname or r.choice(SURNAMES)
            full = fn + " " + sn
            if full not in self.used_names:
                self.used_names.add(full)
                return fn, sn, s
        raise RuntimeError("names exhausted")

    def address(self):
        r = self.r
        town, pc = r.choice(TOWNS)
        return {"line": "%d %s" % (r.randint(1, 140), r.choice(STREETS)), "town": town,
                "postcode": "%s %d%s%s" % (pc, r.randint(1, 9), r.choice("ABDEFGHJLNPQRSTUWXYZ"),
                                             r.choice("ABDEFGHJLNPQRSTUWXYZ"))}

    def dob(self, lo_years, hi_years):
        days = self.r.randint(int(lo_years * 365.25), int(hi_years * 365.25))
        return TODAY - dt.timedelta(days=days)

    # ------------------------------------------------------------------ staff
    def add_staff(self, role, team, n, title="", pool=None, addr=False):
        out = []
        for _ in range(n):
            fn, sn, s = self.name(ADULT_F, ADULT_M)
            d = {"name": fn + " " + sn, "fn": fn, "sn": sn, "role": role, "team": team,
                 "title": title, "phone": self.phone(),
                 "email": "%s.%s@%s" % (fn.lower(), sn.lower().replace("'", "").replace(" ", "").replace("-", ""), team)}
            if addr:
                d["addr"] = self.address()
                d["dob"] = self.dob(22, 60)
            self.staff[d["name"]] = d
            out.append(d)
        return out

    def make_staff(self):
        nhs = "calderwickchs.nhs.uk"
        self.hv = self.add_staff("Health Visitor", nhs, 6)
        self.sn = self.add_staff("School Nurse", nhs, 4)
        self.nn = self.add_staff("Community Nursery Nurse", nhs, 2)
        self.ccn = self.add_staff("Community Children's Nurse", nhs, 5)
        self.pall = self.add_staff("Children's Palliative Care Nurse", nhs, 3)
        self.paed = self.add_staff("Consultant Community Paediatrician", nhs, 2, "Dr")
        self.chs_admin = self.add_staff("Administrator", nhs, 3)
        self.sg_lead = self.add_staff("Named Nurse Safeguarding Children", nhs, 1)
        self.drivers = self.add_staff("Driver", "calderwick.gov.uk", 4)
        self.escorts = self.add_staff("Passenger Assistant", "calderwick.gov.uk", 4)
        self.transport_coord = self.add_staff("Transport Coordinator", "calderwick.gov.uk", 1)
        self.sw = self.add_staff("Social Worker", "calderwick.gov.uk", 5)
        self.cwd_mgr = self.add_staff("CWD Team Manager", "calderwick.gov.uk", 1)
        self.broker = self.add_staff("Short Breaks Broker", "calderwick.gov.uk", 2)
        self.ot = self.add_staff("Occupational Therapist (assessor)", "calderwick.gov.uk", 2)
        self.sb = self.add_staff("Short Breaks Support Worker", "willowbankbreaks.org.uk", 8, addr=True)
        self.sb_mgr = self.add_staff("Registered Manager", "willowbankbreaks.org.uk", 1, addr=True)
        self.warden = self.add_staff("Scheme Manager (warden)", "heronsgate-ha.org.uk", 4)
        self.op = self.add_staff("Careline Operator", "heronsgate-ha.org.uk", 6)
        self.ec_lead = self.add_staff("Extra-Care Team Leader", "heronsgate-ha.org.uk", 1)
        self.hsg = self.add_staff("Housing Officer", "heronsgate-ha.org.uk", 2)
        self.vol = self.add_staff("Home from Hospital Volunteer", "calderwickh2h.org.uk", 6)
        self.h2h_coord = self.add_staff("Home from Hospital Coordinator", "calderwickh2h.org.uk", 1)
        self.pod = self.add_staff("Podiatrist", "stepwell-airhome.co.uk", 3)
        self.oxy = self.add_staff("Home Oxygen Engineer", "stepwell-airhome.co.uk", 2)
        self.gps = self.add_staff("GP", "nhs.net", 6, "Dr")
        self.geri = self.add_staff("Consultant Geriatrician", "calderwickgeneral.nhs.uk", 2, "Dr")
        self.gp_practices = ["Brackenmoor Medical Practice", "Calder Vale Surgery",
                             "Hollins Bridge Health Centre", "Netherby Green Family Practice"]
        for i, g in enumerate(self.gps):
            g["practice"] = self.gp_practices[i % len(self.gp_practices)]

    # ------------------------------------------------------------------ people
    def add_related(self, fn, sn, rel, sex, dob_p=0.25, nhs_p=0.05, addr=None):
        r = self.r
        d = {"name": fn + " " + sn, "fn": fn, "sn": sn, "rel": rel, "sex": sex, "phone": self.phone(),
             "dob": self.dob(24, 75) if r.random() < dob_p else None,
             "nhs": self.nhs() if r.random() < nhs_p else "", "addr": addr}
        if rel in ("Grandmother", "Grandfather", "Son", "Daughter") and d["dob"]:
            d["dob"] = self.dob(50, 80) if rel.startswith("Grand") else self.dob(35, 65)
        self.related[d["name"]] = d
        return d

    def make_people(self):
        r = self.r
        n_child = int(round(self.n * 0.6))
        n_ten = self.n - n_child
        children = []
        while len(children) < n_child:
            sex = r.choice("FM")
            # sibling groups
            if children and r.random() < 0.08 and len(children) < n_child - 1:
                base = r.choice(children)
                fn, sn, _ = self.name(CHILD_F, CHILD_M, sex, base["surname"])
                p = self.new_child(fn, sn, sex, base)
            else:
                fn, sn, _ = self.name(CHILD_F, CHILD_M, sex)
                p = self.new_child(fn, sn, sex, None)
            children.append(p)
        tenants = []
        while len(tenants) < n_ten:
            if len(tenants) < n_ten - 1 and r.random() < 0.22:
                a = self.new_tenant(None)
                b = self.new_tenant(a)
                tenants += [a, b]
            else:
                tenants.append(self.new_tenant(None))
        tenants = tenants[:n_ten]
        self.children, self.tenants = children, tenants
        self.people = children + tenants
        for i, p in enumerate(self.people):
            p["id"] = i
        # a grandmother who is herself a tenant and the kinship carer of a child
        cands = [c for c in children if c["sib_of"] is None]
        gm_t = [t for t in tenants if t["sex"] == "F" and t["partner"] is None and 62 < t["age"] < 80]
        self.kinship = []
        for c, t in zip(cands[3:5], gm_t[:2]):
            c["kinship_tenant"] = t
            t["kinship_child"] = c
            self.kinship.append((c, t))
        self.assign_access()

    def new_child(self, fn, sn, sex, sib):
        r = self.r
        p = {"kind": "child", "forename": fn, "surname": sn, "sex": sex, "sib_of": sib,
             "middle": r.choice(CHILD_F if sex == "F" else CHILD_M) if r.random() < 0.45 else "",
             "nhs": self.nhs() if r.random() < 0.88 else "", "access": [], "kinship_tenant": None}
        p["dob"] = sib["dob"] + dt.timedelta(days=r.choice([-1, 1]) * r.randint(400, 2500)) if sib else self.dob(0.2, 17.5)
        if p["dob"] > TODAY - dt.timedelta(days=60):
            p["dob"] = TODAY - dt.timedelta(days=r.randint(60, 900))
        if TODAY - p["dob"] > dt.timedelta(days=int(17.8 * 365.25)):
            p["dob"] = TODAY - dt.timedelta(days=r.randint(3000, 6000))
        p["age"] = age(p["dob"])
        if sib:
            p["addr"], p["parents"], p["gp"] = sib["addr"], sib["parents"], sib["gp"]
        else:
            p["addr"] = self.address()
            p["gp"] = r.choice(self.gps)
            parents = []
            shape = r.random()
            if shape < 0.55:
                fm, _, _ = self.name(ADULT_F, ADULT_M, "F", sn)
                parents.append(self.add_related(fm, sn, "Mother", "F", nhs_p=0.1, addr=p["addr"]))
                if r.random() < 0.6:
                    ff, sf, _ = self.name(ADULT_F, ADULT_M, "M", sn if r.random() < 0.7 else None)
                    parents.append(self.add_related(ff, sf, "Father", "M", addr=p["addr"]))
            elif shape < 0.75:
                fm, sm, _ = self.name(ADULT_F, ADULT_M, "F")
                parents.append(self.add_related(fm, sm, "Mother", "F", addr=p["addr"]))
                ff, _, _ = self.name(ADULT_F, ADULT_M, "M", sn)
                parents.append(self.add_related(ff, sn, "Father", "M", addr=self.address()))
            elif shape < 0.88:
                fm, sm, _ = self.name(ADULT_F, ADULT_M, "F")
                parents.append(self.add_related(fm, sm, "Foster carer", "F", addr=p["addr"]))
            else:
                fm, _, _ = self.name(ADULT_F, ADULT_M, "F", sn)
                parents.append(self.add_related(fm, sn, "Mother", "F", addr=p["addr"]))
                gf, gs, _ = self.name(OLD_F, OLD_M, "F")
                parents.append(self.add_related(gf, gs, "Grandmother", "F", addr=self.address()))
            p["parents"] = parents
        p["cwd"] = r.random() < 0.38
        p["ccn"] = r.random() < (0.45 if p["cwd"] else 0.08)
        p["pall"] = p["ccn"] and r.random() < 0.25
        conds = [c for c in CONDITIONS_CHILD if c[1] == (p["ccn"] or p["cwd"] and r.random() < 0.5)]
        p["condition"] = r.choice(conds or CONDITIONS_CHILD)[0]
        if p["pall"]:
            p["condition"] = r.choice(["life-limiting metabolic condition (MPS II)",
                                       "spinal muscular atrophy type 1, end-of-life care plan",
                                       "relapsed neuroblastoma, palliative", "severe HIE, palliative care plan"])
        a = p["age"]
        p["setting"] = r.choice(SCHOOLS) if a >= 4 else (r.choice(NURSERIES) if a >= 2 else "")
        p["sw"] = r.choice(self.sw) if p["cwd"] else None
        p["hv"] = r.choice(self.hv)
        p["sn"] = r.choice(self.sn)
        p["ccn_nurse"] = r.choice(self.ccn)
        p["cwd_case"] = "CWD/%d/%04d" % (r.choice([2024, 2025, 2026]), r.randint(1, 9999))
        p["local_id"] = "CFS%06d" % r.randint(100000, 999999)
        return p

    def new_tenant(self, partner):
        r = self.r
        if partner:
            sex = "M" if partner["sex"] == "F" else "F"
            same = r.random() < 0.8
            fn, sn, _ = self.name(OLD_F, OLD_M, sex, partner["surname"] if same else None)
        else:
            sex = r.choice("FFM")
            fn, sn, _ = self.name(OLD_F, OLD_M, sex)
        p = {"kind": "tenant", "forename": fn, "surname": sn, "sex": sex, "partner": partner,
             "middle": r.choice(OLD_F if sex == "F" else OLD_M) if r.random() < 0.5 else "",
             "nhs": self.nhs() if r.random() < 0.85 else "", "access": [], "kinship_child": None,
             "title": ("Mrs" if r.random() < 0.6 else "Miss" if r.random() < 0.5 else "Ms") if sex == "F" else "Mr"}
        p["dob"] = self.dob(62, 97)
        p["age"] = age(p["dob"])
        if partner:
            partner["partner"] = p
            for k in ("scheme", "flat", "addr", "gp", "nok"):
                p[k] = partner[k]
            if p["surname"] == partner["surname"] and p["sex"] == "F":
                p["title"] = "Mrs"
        else:
            sch = r.choice(SCHEMES)
            p["scheme"] = sch
            p["flat"] = r.randint(1, 48)
            p["addr"] = {"line": "Flat %d, %s, %s" % (p["flat"], sch[0], sch[2]), "town": sch[3], "postcode": sch[4]}
            p["gp"] = r.choice(self.gps)
            nok = []
            k = r.random()
            rel = r.choice(["Daughter", "Son", "Niece", "Nephew", "Friend", "Daughter-in-law", "Granddaughter"])
            sx = "F" if rel in ("Daughter", "Niece", "Daughter-in-law", "Granddaughter") else ("M" if rel != "Friend" else r.choice("FM"))
            nf, ns, _ = self.name(ADULT_F, ADULT_M, sx, sn if rel in ("Son", "Daughter") and r.random() < 0.6 else None)
            nok.append(self.add_related(nf, ns, rel, sx, dob_p=0.3, nhs_p=0.07, addr=self.address()))
            if k < 0.4:
                rel2 = r.choice(["Neighbour", "Son", "Friend"])
                sx2 = r.choice("FM") if rel2 != "Son" else "M"
                nf, ns, _ = self.name(OLD_F if rel2 == "Neighbour" else ADULT_F, OLD_M if rel2 == "Neighbour" else ADULT_M, sx2)
                nok.append(self.add_related(nf, ns, rel2, sx2, dob_p=0.15, nhs_p=0.0,
                                            addr=({"line": "Flat %d, %s" % (r.randint(1, 48), sch[0]), "town": sch[3], "postcode": sch[4]} if rel2 == "Neighbour" else self.address())))
            p["nok"] = nok
        p["careline"] = r.random() < 0.75
        p["h2h"] = r.random() < 0.25
        p["pod"] = r.random() < 0.45
        p["oxy"] = r.random() < 0.18
        p["condition"] = "COPD on home oxygen" if p["oxy"] else r.choice(CONDITIONS_OLD)
        p["careline_id"] = "HC-%05d" % r.randint(10000, 99999)
        p["tenancy_ref"] = "HHA/%s/%03d" % ("".join(w[0] for w in p["scheme"][0].split()), p["flat"]) if True else ""
        p["warden"] = self.warden[SCHEMES.index(p["scheme"])]
        p["vol"] = r.choice(self.vol)
        p["podiatrist"] = r.choice(self.pod)
        return p

    def assign_access(self):
        """Give some people a way into their home; each kind at least a few times."""
        r = self.r
        kinds_cycle = ["code", "hidden_key", "key_holder", "left_open"]
        ten = [t for t in self.tenants]
        r.shuffle(ten)
        n_t = max(4, int(len(ten) * 0.35))
        done_flats = set()
        i = 0
        for t in ten:
            if i >= n_t:
                break
            key = t["addr"]["line"]
            if key in done_flats:
                continue  # partner shares the flat: handled below
            done_flats.add(key)
            kinds = [kinds_cycle[i % 4]]
            if r.random() < 0.25:
                kinds.append(r.choice([k for k in kinds_cycle if k not in kinds]))
            t["access"] = self.access_details(t, kinds)
            if t["partner"]:
                t["partner"]["access"] = t["access"]
            i += 1
        ch = [c for c in self.children if c["ccn"] or c["cwd"]]
        r.shuffle(ch)
        n_c = max(4, int(len(self.children) * 0.12))
        j = 0
        fam = set()
        for c in ch:
            if j >= n_c:
                break
            key = c["addr"]["line"] + c["addr"]["postcode"]
            if key in fam:
                continue
            fam.add(key)
            kinds = [kinds_cycle[(j + 2) % 4]]
            c["access"] = self.access_details(c, kinds)
            for s in self.children:  # siblings share the home
                if s is not c and s["addr"] is c["addr"]:
                    s["access"] = c["access"]
            j += 1

    def access_details(self, p, kinds):
        r = self.r
        out = []
        for k in kinds:
            if k == "code":
                code = "%04d" % r.randint(1000, 9999)
                where = r.choice(["by the front door", "on the wall left of the door", "by the back door",
                                  "beside the meter cupboard", "at the side gate", "under the porch light"])
                out.append({"kind": "code", "value": code, "where": where})
            elif k == "hidden_key":
                spot = r.choice(["under the green plant pot by the back door", "in the meter box, top shelf",
                                 "on a string inside the letterbox", "under the stone frog by the step",
                                 "in the bird box on the shed", "taped under the wheelie bin lid",
                                 "inside the old wellington boot in the porch"])
                out.append({"kind": "hidden_key", "value": spot})
            elif k == "key_holder":
                if p["kind"] == "tenant":
                    rel = [x for x in p["nok"]]
                    who = rel[-1] if rel else None
                else:
                    away = [q for q in p["parents"] if q["addr"] is not p["addr"]]
                    who = away[-1] if away else None
                if who is None or r.random() < 0.4:
                    fn, sn, sx = self.name(OLD_F, OLD_M)
                    who = self.add_related(fn, sn, "Neighbour", sx, dob_p=0.0, nhs_p=0.0, addr=self.address())
                    who["addr"]["line"] = "%d %s" % (r.randint(1, 90), p["addr"]["line"].split(" ", 1)[-1] if p["kind"] == "child" else STREETS[0])
                out.append({"kind": "key_holder", "value": who["name"] + " holds a spare key", "who": who})
            else:
                out.append({"kind": "left_open", "value": r.choice(["front door left on the latch", "door left unlocked for visitors",
                                                                     "back door left open - let yourself in"])})
        return out

    def add_file(self, path, kind):
        self.files.append((path, kind))


def age(d):
    a = TODAY.year - d.year - ((TODAY.month, TODAY.day) < (d.month, d.day))
    return a


def age_str(d):
    a = age(d)
    if a >= 2:
        return "%d yrs" % a
    months = (TODAY.year - d.year) * 12 + TODAY.month - d.month - (TODAY.day < d.day)
    return "%d months" % months


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def ordinal(n):
    return "%d%s" % (n, "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def fdate(d, style):
    if style == "dmy":
        return d.strftime("%d/%m/%Y")
    if style == "iso":
        return d.isoformat()
    if style == "long":
        return "%d %s %d" % (d.day, MONTHS[d.month - 1], d.year)
    if style == "ord":
        return "%s %s %d" % (ordinal(d.day), MONTHS[d.month - 1], d.year)
    if style == "mon":
        return "%02d-%s-%d" % (d.day, MONTHS[d.month - 1][:3], d.year)
    if style == "dot":
        return d.strftime("%d.%m.%Y")
    if style == "dash":
        return d.strftime("%d-%m-%Y")
    if style == "hl7":
        return d.strftime("%Y%m%d")
    if style == "short":
        return "%d/%d/%s" % (d.day, d.month, d.strftime("%Y"))
    raise ValueError(style)


DOB_STYLES = ["dmy", "iso", "long", "ord", "mon", "dot", "dash", "short"]


def nhs_fmt(n, style):
    if not n:
        return ""
    if style == 0:
        return "%s %s %s" % (n[:3], n[3:6], n[6:])
    if style == 1:
        return n
    return "%s-%s-%s" % (n[:3], n[3:6], n[6:])


def nm(p, style="full"):
    fn, sn, mid = p["forename"], p["surname"], p.get("middle", "")
    title = p.get("title", "")
    if style == "full":
        return "%s %s" % (fn, sn)
    if style == "mid":
        return "%s %s %s" % (fn, mid, sn) if mid else "%s %s" % (fn, sn)
    if style == "init":
        return "%s %s. %s" % (fn, mid[0], sn) if mid else "%s %s" % (fn, sn)
    if style == "title":
        return "%s %s %s" % (title, fn, sn) if title else "%s %s" % (fn, sn)
    if style == "rev":
        return "%s, %s" % (sn, fn + (" " + mid if mid else ""))
    if style == "REV":
        return "%s, %s" % (sn.upper(), fn)
    if style == "caps":
        return ("%s %s" % (fn, sn)).upper()
    if style == "lower":
        return ("%s %s" % (fn, sn)).lower()
    raise ValueError(style)


NAME_STYLES = ["full", "mid", "init", "title", "rev", "REV", "caps", "full", "mid"]


def access_line(p, r, who_writes="nurse"):
    """One sentence per access item, in varied wording."""
    out = []
    pron = "her" if p["sex"] == "F" else "his"
    home = "the flat" if p["kind"] == "tenant" else "the house"
    for a in p["access"]:
        k = a["kind"]
        if k == "code":
            c = a["value"]
            out.append(r.choice([
                "Key safe %s, code %s." % (a["where"], c),
                "Access: key in key safe %s - code %s." % (a["where"], c),
                "KS code %s (%s) for out-of-hours visits." % ((c[:2] + "-" + c[2:]) if r.random() < 0.3 else c, a["where"]),
                "If no answer use the key safe %s, combination %s, and knock loudly." % (a["where"], c),
            ]))
        elif k == "hidden_key":
            out.append(r.choice([
                "Spare key to %s is kept %s." % (home, a["value"]),
                "Key for visitors: %s." % a["value"],
                "Family leave a key %s so staff can get in." % a["value"],
            ]))
        elif k == "key_holder":
            w = a["who"]
            out.append(r.choice([
                "Key holder: %s (%s), %s - has a key to %s." % (w["name"], w["rel"].lower(), w["phone"], home),
                "If no reply, %s at %s holds a spare key (%s)." % (w["name"], w["addr"]["line"] if w.get("addr") else "next door", w["phone"]),
                "Spare key with %s, ring %s before attending." % (w["name"], w["phone"]),
            ]))
        else:
            out.append(r.choice([
                "Door is left on the latch for the morning visit - let yourself in and call out.",
                "%s leaves the door unlocked for visitors, just push the door." % ("Mum" if p["kind"] == "child" else "Tenant"),
                "Back door left open for us during the day, let yourself in.",
            ]))
    return out


def near_miss(r, ctx):
    pool = {
        "school": ["School gate code is 4729# for the drop-in (office will buzz you through after 9.15).",
                   "Nursery gate code changed to 1958 - front office only.",
                   "Reminder: school nurse locker 14 code 3391 in the medical room.",
                   "Staff room code at Calder Vale is C1704, sign in at reception first."],
        "chs": ["Clinic room key in the team office key safe, code 6620.", "Pool car keys (YK21 HVW) in the base key box, code 2255.",
                "Case number %s." % ("CS-%06d" % r.randint(100000, 999999)), "Datix ref W%06d logged." % r.randint(100000, 999999),
                "Key worker is the CCN team until handover.", "Key points agreed below."],
        "transport": ["Minibus keys in the depot key safe, code 8812.", "Booking ref TB-%05d." % r.randint(10000, 99999),
                      "Vehicle CW68 SEN keys with the duty coordinator.", "Wheelchair clamp code 14 on the tail-lift checklist."],
        "shortbreak": ["Staff room door code 2716 - do not share with families.", "Medication cupboard key on the shift lead's fob.",
                       "Booking ref SB-%05d confirmed." % r.randint(10000, 99999), "Bedroom 3 allocated (bed number 3B)."],
        "housing": ["Scheme office keypad 1904 - staff only.", "Laundry room token code 55.", "Staff toilet code 3412.",
                    "Repairs job number RJ%06d raised." % r.randint(100000, 999999), "Key safe fitting booked with the handyperson for 3 Dec.",
                    "Key safe code is held by the careline team, not written here.", "Guest room booking ref GR-%04d." % r.randint(1000, 9999)],
        "hospital": ["Discharged from Ward 7, bed 12.", "Bed 22 on Ward C4, side room.", "Pharmacy TTO ref %d." % r.randint(100000, 999999),
                     "Transport booking code TR%05d." % r.randint(10000, 99999)],
    }
    return r.choice(pool[ctx])


# ----------------------------------------------------------------------------- writers
def wrap(line, width=92):
    out = []
    while len(line) > width:
        cut = line.rfind(" ", 0, width)
        if cut <= 0:
            cut = width
        out.append(line[:cut])
        line = line[cut:].lstrip()
    out.append(line)
    return out


def pdf_bytes(lines):
    flat = []
    for ln in lines:
        flat += wrap(ln) if ln else [""]
    pages = [flat[i:i + 56] for i in range(0, len(flat), 56)] or [[""]]
    objs = []
    kids = []
    n_pages = len(pages)
    # 1 catalog, 2 pages, 3 font, then page/content pairs
    for i, pg in enumerate(pages):
        kids.append("%d 0 R" % (4 + 2 * i))
    objs.append("<< /Type /Catalog /Pages 2 0 R >>")
    objs.append("<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join(kids), n_pages))
    objs.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for i, pg in enumerate(pages):
        parts = ["BT", "/F1 10 Tf", "13 TL", "50 800 Td"]
        for ln in pg:
            e = ln.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            parts.append("(%s) Tj T*" % e)
        parts.append("ET")
        stream = "\n".join(parts).encode("cp1252", "replace")
        objs.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * i))
        objs.append(stream)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, o in enumerate(objs):
        offsets.append(len(out))
        if isinstance(o, bytes):
            out += b"%d 0 obj\n<< /Length %d >>\nstream\n" % (i + 1, len(o)) + o + b"\nendstream\nendobj\n"
        else:
            out += ("%d 0 obj\n%s\nendobj\n" % (i + 1, o)).encode("latin-1")
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def rtf_bytes(lines):
    def esc(s):
        o = []
        for ch in s:
            if ch in "\\{}":
                o.append("\\" + ch)
            elif ord(ch) < 128:
                o.append(ch)
            else:
                try:
                    o.append("\\'%02x" % ch.encode("cp1252")[0])
                except UnicodeEncodeError:
                    o.append("\\u%d?" % ord(ch))
        return "".join(o)
    body = "\\par\n".join(esc(ln) for ln in lines)
    return ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\n\\f0\\fs22 " + body + "\\par\n}").encode("ascii")


FIXED_TS = dt.datetime(2026, 11, 20, 9, 0, 0)


def fix_zip(data):
    """Rewrite an OOXML package with fixed member timestamps so output is byte-deterministic."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_TS.timetuple()[:6])
            zi.compress_type = zipfile.ZIP_DEFLATED
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2026-11-20T09:00:00Z", body)
            z.writestr(zi, body)
    return out.getvalue()


def docx_bytes(lines, table=None, header=None, footer=None, table_after=None):
    d = Document()
    st = d.styles["Normal"]
    st.font.size = Pt(11)
    if header:
        d.sections[0].header.paragraphs[0].text = header
    if footer:
        d.sections[0].footer.paragraphs[0].text = footer
    for i, ln in enumerate(lines):
        d.add_paragraph(ln)
        if table and table_after == i:
            t = d.add_table(rows=0, cols=len(table[0]))
            for row in table:
                cells = t.add_row().cells
                for c, v in zip(cells, row):
                    c.text = str(v)
    if table and table_after is None:
        t = d.add_table(rows=0, cols=len(table[0]))
        for row in table:
            cells = t.add_row().cells
            for c, v in zip(cells, row):
                c.text = str(v)
    d.core_properties.created = FIXED_TS
    d.core_properties.modified = FIXED_TS
    d.core_properties.author = "Calderwick CHS"
    b = io.BytesIO()
    d.save(b)
    return fix_zip(b.getvalue())


def xlsx_bytes(sheets):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets:
        ws = wb.create_sheet(title[:31])
        for row in rows:
            ws.append(list(row))
    wb.properties.created = FIXED_TS
    wb.properties.modified = FIXED_TS
    b = io.BytesIO()
    wb.save(b)
    return fix_zip(b.getvalue())


def csv_bytes(rows, delim=","):
    s = io.StringIO()
    w = csv.writer(s, delimiter=delim, lineterminator="\r\n")
    for row in rows:
        w.writerow(row)
    return s.getvalue().encode("utf-8")


class Share:
    def __init__(self, w, root):
        self.w = w
        self.r = w.r
        self.root = root
        self.corpus = []
        self.counts = {}

    def put(self, rel, data, kind):
        path = os.path.join(self.root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if isinstance(data, str):
            self.corpus.append(data)
            data = data.encode("utf-8")
        with open(path, "wb") as f:
            f.write(data)
        ext = rel.rsplit(".", 1)[-1].lower()
        self.counts[ext] = self.counts.get(ext, 0) + 1
        self.w.add_file(rel, kind)

    def text(self, lines):
        self.corpus.append("\n".join(lines))

    def dob(self, p):
        self.w.seen_dob.add(p["id"])

    def nhs(self, p, style=None):
        if not p["nhs"]:
            return ""
        self.w.seen_nhs.add(p["id"])
        return nhs_fmt(p["nhs"], self.r.randint(0, 2) if style is None else style)

    def acc(self, p, who="nurse"):
        lines = access_line(p, self.r, who)
        for a in p["access"]:
            self.w.access_written.setdefault(p["id"], set()).add(a["kind"])
            if a["kind"] == "key_holder":
                self.corpus.append(a["who"]["name"])
        return lines

    def letter(self, rel, lines, fmt, header=None, footer=None, table=None, table_after=None, kind="letter"):
        self.text(lines + ([header] if header else []) + ([footer] if footer else []))
        if table:
            self.text([" ".join(map(str, row)) for row in table])
        if fmt == "docx":
            self.put(rel + ".docx", docx_bytes(lines, table, header, footer, table_after), kind)
        elif fmt == "pdf":
            extra = [" | ".join(map(str, row)) for row in table] if table else []
            body = lines[:table_after + 1] + extra + lines[table_after + 1:] if table and table_after is not None else lines + extra
            self.put(rel + ".pdf", pdf_bytes(([header, ""] if header else []) + body + ([""] + [footer] if footer else [])), kind)
        else:
            extra = [" | ".join(map(str, row)) for row in table] if table else []
            body = lines[:table_after + 1] + extra + lines[table_after + 1:] if table and table_after is not None else lines + extra
            self.put(rel + ".rtf", rtf_bytes(([header, ""] if header else []) + body + ([""] + [footer] if footer else [])), kind)

    def letter_bytes(self, lines, fmt):
        self.text(lines)
        return {"docx": docx_bytes, "pdf": pdf_bytes, "rtf": rtf_bytes}[fmt](lines)


# ----------------------------------------------------------------------------- content
def rdate(r, lo=1, hi=80):
    return TODAY - dt.timedelta(days=r.randint(lo, hi))


def staff_sig(s):
    t = (s["title"] + " ") if s["title"] else ""
    return "%s%s, %s" % (t, s["name"], s["role"])


def fname_of(p):
    return "%s_%s" % (p["surname"].replace("'", "").replace(" ", ""), p["forename"][0])


def par_line(p):
    out = []
    for q in p["parents"]:
        s = "%s: %s, %s" % (q["rel"], q["name"], q["phone"])
        if q["dob"]:
            s += ", DOB %s" % fdate(q["dob"], "dmy")
        if q["nhs"]:
            s += ", own NHS no. %s" % nhs_fmt(q["nhs"], 0)
        out.append(s)
    return out


def gen_free_text(S):
    w, r = S.w, S.r
    # 1. health visiting contact records (children under 5)
    for p in [c for c in w.children if c["age"] < 5]:
        style = r.choice(NAME_STYLES)
        use_age = r.random() < 0.25
        lines = ["HEALTH VISITING - CONTACT RECORD", "Calderwick Children and Families Community Health Service", ""]
        if use_age:
            lines.append("Child: %s   Age: %s   Setting: %s" % (nm(p, style), age_str(p["dob"]), p["setting"] or "home"))
        else:
            S.dob(p)
            lines.append("Child: %s   DOB: %s   NHS No: %s" % (nm(p, style), fdate(p["dob"], r.choice(DOB_STYLES)), S.nhs(p) or "not yet known"))
        lines.append("Address: %s, %s %s" % (p["addr"]["line"], p["addr"]["town"], p["addr"]["postcode"]))
        lines += ["Parent/carer - " + x for x in par_line(p)]
        lines.append("Named HV: %s   GP: %s (%s)" % (p["hv"]["name"], "Dr " + p["gp"]["name"], p["gp"]["practice"]))
        lines.append("")
        for k in range(r.randint(1, 3)):
            d = rdate(r, 5, 200)
            visitor = r.choice([p["hv"], p["hv"], r.choice(w.nn)])
            lines.append("%s  %s (%s) - %s" % (fdate(d, "dmy"), visitor["name"], visitor["role"],
                                              r.choice(["home visit", "clinic contact", "telephone contact", "2-2.5 year review"])))
            pf = p["parents"][0]["fn"]
            lines.append("  Seen with %s. %s" % (pf, r.choice([
                "Weight 9.2kg (25th centile), feeding well, sleep improving.",
                "ASQ-3 completed, communication below cut-off - referral to SALT discussed.",
                "%s reports low mood, EPDS 14, GP aware, to review in 2 weeks." % pf,
                "Eczema flare, emollients discussed, %s's skin better on the new regime." % p["forename"],
                "Home conditions cluttered, smoke alarm not working, fire service referral made."])))
            if r.random() < 0.35:
                lines.append("  " + near_miss(r, r.choice(["chs", "school"])))
        if p["access"] and r.random() < 0.5:
            lines.append("  Visit plan: " + " ".join(S.acc(p)))
        lines.append("")
        lines.append("Entered by %s, %s" % (p["hv"]["name"], fdate(rdate(r, 1, 5), "dmy")))
        S.put("HealthVisiting/ContactRecords/%s_contacts.txt" % fname_of(p), "\n".join(lines), "free")

    # 1b. individual school nurse contact notes
    for p in [c for c in w.children if c["age"] >= 5 and r.random() < 0.35]:
        sn = p["sn"]
        lines = ["School Nursing Service - contact note", "Name: %s" % nm(p, r.choice(["full", "mid", "rev", "caps"]))]
        if r.random() < 0.5:
            S.dob(p)
            lines.append("DOB: %s   NHS: %s" % (fdate(p["dob"], r.choice(DOB_STYLES)), S.nhs(p) or "-"))
        else:
            lines.append("Age: %d   Year %d   %s" % (p["age"], max(0, p["age"] - 5), p["setting"]))
        for k in range(r.randint(1, 3)):
            d = rdate(r, 3, 150)
            lines += ["", "%s - %s (%s)" % (fdate(d, "dmy"), sn["name"], r.choice(["school contact", "phone call to parent", "home visit", "CHAT Health text"])),
                      r.choice(["%s seen in the medical room re %s; care plan reviewed with the SENCo." % (p["forename"], p["condition"]),
                                "Spoke to %s (%s) by phone: worried about sleep and screen time." % (p["parents"][0]["name"], p["parents"][0]["rel"].lower()),
                                "Emotional health check-in; %s says friendships are better. Will review after half term." % p["forename"],
                                "Home visit with %s (%s): %s." % (r.choice(w.sw)["name"], "social worker", near_miss(r, "school"))])]
        if p["access"] and r.random() < 0.3:
            lines += ["", "For the home visit: " + " ".join(S.acc(p))]
        lines += ["", "%s, School Nurse (SCPHN), %s" % (sn["name"], sn["phone"])]
        S.put("SchoolNursing/ContactNotes/%s_%s.txt" % (fname_of(p), p["local_id"]), "\n".join(lines), "free")

    # 2. school nurse drop-in logs (several children per file, mostly ages)
    by_school = {}
    for c in w.children:
        if c["age"] >= 4:
            by_school.setdefault(c["setting"], []).append(c)
    for school in sorted(by_school):
        kids = by_school[school]
        for chunk in [kids[i:i + 6] for i in range(0, len(kids), 6)]:
            d = rdate(r, 3, 60)
            nurse = chunk[0]["sn"]
            lines = ["School nursing drop-in log - %s - %s" % (school, fdate(d, "long")),
                     "School nurse: %s   Support: %s" % (nurse["name"], r.choice(w.nn)["name"]),
                     near_miss(r, "school"), ""]
            for c in chunk:
                t = "%02d:%02d" % (r.randint(9, 14), r.choice([0, 15, 30, 45]))
                if r.random() < 0.3:
                    S.dob(c)
                    who = "%s (DOB %s)" % (nm(c, r.choice(["full", "mid", "caps", "rev"])), fdate(c["dob"], r.choice(DOB_STYLES)))
                else:
                    who = "%s, %d" % (nm(c, r.choice(["full", "mid", "caps"])), c["age"])
                lines.append("%s  %s - %s" % (t, who, r.choice([
                    "asthma plan reviewed, inhaler in date, spacer kept in the class medical box.",
                    "self-referral re low mood, CHAT health leaflet given, follow-up next week.",
                    "enuresis - referred to continence clinic, parent %s informed by phone." % c["parents"][0]["name"],
                    "height/weight NCMP, letter to parents to follow.",
                    "care plan for %s updated with class teacher and SENCo." % c["condition"],
                    "headaches, vision check advised; mum %s to book optician." % c["parents"][0]["fn"]])))
            lines += ["", "Signed: %s, School Nurse (SCPHN)" % nurse["name"]]
            S.put("SchoolNursing/DropInLogs/%s_%s.txt" % (school.split()[0].replace("'", ""), d.strftime("%Y%m%d")),
                  "\n".join(lines), "free")

    # 3. community children's nursing visit notes (and palliative care at home)
    for p in [c for c in w.children if c["ccn"]]:
        lines = ["COMMUNITY CHILDREN'S NURSING - VISIT NOTES" + (" (CHILDREN'S PALLIATIVE CARE AT HOME)" if p["pall"] else "")]
        style = r.choice(["rev", "REV", "full", "mid", "caps"])
        S.dob(p)
        lines.append("Patient: %s  |  D.O.B. %s  |  NHS %s  |  Local ID %s" % (nm(p, style), fdate(p["dob"], r.choice(DOB_STYLES)),
                                                                         S.nhs(p) or "(none on record)", p["local_id"]))
        lines.append("Diagnosis: %s" % p["condition"])
        lines.append("Home: %s, %s, %s" % (p["addr"]["line"], p["addr"]["town"], p["addr"]["postcode"]))
        lines += ["Contact: " + x for x in par_line(p)]
        team = [p["ccn_nurse"]] + r.sample(w.ccn, 2) + (r.sample(w.pall, 2) if p["pall"] else [])
        lines.append("Visiting team: " + ", ".join("%s (%s)" % (s["name"], "CCN" if s in w.ccn else "palliative") for s in team))
        if p["access"]:
            lines.append("ACCESS: " + " ".join(S.acc(p)))
        lines.append("")
        for k in range(r.randint(2, 4)):
            d = rdate(r, 1, 40)
            s = r.choice(team)
            lines.append("---")
            lines.append("%s %02d:%02d  %s" % (fdate(d, "dmy"), r.randint(7, 22), r.choice([0, 20, 40]), s["name"]))
            lines.append(r.choice([
                "Gastrostomy site clean, button changed, %s tolerated well. Feed regime unchanged." % p["forename"],
                "Night sats reviewed - 4 desats below 90%%, O2 increased to 0.5L. Parents confident with suction.",
                "Syringe driver checked, midazolam and diamorphine as per plan. Family coping, %s sleeping." % p["forename"],
                "Trache change done with %s, no concerns. Spare trache and emergency box checked." % p["parents"][0]["fn"],
                "Seizure diary reviewed: 3 clusters this week, rescue buccal midazolam given once by %s." % p["parents"][0]["name"],
                "Weight 14.1kg. Reviewed continence supplies order. %s asked about short breaks - SW %s to call."
                % (p["parents"][0]["fn"], p["sw"]["name"] if p["sw"] else w.sw[0]["name"])]))
            if r.random() < 0.4:
                lines.append(near_miss(r, r.choice(["chs", "hospital"])))
        S.put("CCN/VisitNotes/%s_%s.txt" % (p["local_id"], fname_of(p)), "\n".join(lines), "free")

    # 4. short-break daily logs (several children, staff with phones and addresses)
    sb_kids = [c for c in w.children if c["cwd"]]
    w.sb_kids = sb_kids
    for i in range(0, len(sb_kids), 3):
        chunk = sb_kids[i:i + 3]
        d = rdate(r, 2, 50)
        shift = r.sample(w.sb, 3)
        lines = ["WILLOWBANK SHORT BREAKS - DAILY LOG  %s" % fdate(d, "ord"),
                 "Shift lead: %s (mob %s, home %s, %s)" % (shift[0]["name"], shift[0]["phone"], shift[0]["addr"]["line"], shift[0]["addr"]["postcode"]),
                 "On shift: %s (%s), %s (%s)" % (shift[1]["name"], shift[1]["phone"], shift[2]["name"], shift[2]["phone"]),
                 "Manager on call: %s %s" % (w.sb_mgr[0]["name"], w.sb_mgr[0]["phone"]),
                 near_miss(r, "shortbreak"), ""]
        for c in chunk:
            lines.append("*** %s (%s) ***" % (nm(c, r.choice(["full", "caps", "mid"])), age_str(c["dob"])))
            lines.append("Arrived %s with %s. %s" % (r.choice(["16:05", "16:40", "17:10", "10:00"]),
                         r.choice(["transport", c["parents"][0]["name"]]), r.choice([
                             "Settled quickly, played in the sensory room with %s." % r.choice(shift)["fn"],
                             "Unsettled at tea, used PECS, calmer after a bath.",
                             "Meds given 18:00 by %s, witnessed by %s (Keppra 250mg)." % (shift[0]["fn"], shift[1]["fn"]),
                             "Bolus feeds via gastrostomy 17:00 and 21:00, vented well.",
                             "Slept 21:30 - 06:45, checked hourly, no seizures."])))
            lines.append("Collected by %s (%s) at %s." % (c["parents"][0]["name"], c["parents"][0]["rel"].lower(), r.choice(["10:00", "16:30", "11:15"])))
            lines.append("")
        lines.append("Log completed by %s" % shift[0]["name"])
        S.put("ShortBreaks/DailyLogs/log_%s_%d.txt" % (d.strftime("%Y-%m-%d"), i // 3 + 1), "\n".join(lines), "free")

    # 5. warden daily logs by scheme
    for si, sch in enumerate(SCHEMES):
        tens = [t for t in w.tenants if t["scheme"] is sch]
        if not tens:
            continue
        for part in range(0, len(tens), 8):
            chunk = tens[part:part + 8]
            d = rdate(r, 2, 30)
            wd = w.warden[si]
            lines = ["%s - scheme manager's daily log - week commencing %s" % (sch[0], fdate(d, "long")),
                     "Scheme manager: %s (%s)   Relief: %s" % (wd["name"], wd["phone"], w.warden[(si + 1) % 4]["name"]),
                     near_miss(r, "housing"), ""]
            for t in chunk:
                ref = r.choice(["Flat %d %s" % (t["flat"], nm(t, "title")), "%s (flat %d)" % (nm(t, r.choice(["REV", "rev"])), t["flat"]),
                                "%s, %d" % (nm(t, "title"), t["age"])])
                lines.append("%s  %s: %s" % (fdate(rdate(r, 1, 7), "dmy"), ref, r.choice([
                    "daily call answered, well.", "no answer to daily call, checked in person - was in the bath, fine.",
                    "daughter %s rang re hospital appt; transport booked." % t["nok"][0]["name"],
                    "complained of pain in feet, podiatry (StepWell) referral chased with %s." % t["podiatrist"]["name"],
                    "oxygen concentrator alarm sounding - AirHome engineer %s called out." % w.oxy[0]["name"],
                    "fall in lounge, pendant pressed, careline operator %s attended with me, no injury." % r.choice(w.op)["name"]])))
                if t["access"] and r.random() < 0.6:
                    lines.append("    Access note for visitors: " + " ".join(S.acc(t, "warden")))
                if t["partner"] and r.random() < 0.5:
                    lines.append("    %s %s also seen, managing." % ("Husband" if t["partner"]["sex"] == "M" else "Wife", nm(t["partner"], "full")))
            lines.append("")
            lines.append("%s" % wd["name"])
            S.put("Housing/Schemes/%s/warden_log_%s.txt" % (sch[0].replace(" ", ""), d.strftime("%Y%m%d")), "\n".join(lines), "free")

    # 6. careline call logs
    cl = [t for t in w.tenants if t["careline"]]
    for i in range(0, len(cl), 7):
        chunk = cl[i:i + 7]
        d = rdate(r, 1, 20)
        lines = ["HERONSGATE CARELINE - CALL HANDLING LOG - %s" % d.isoformat(), "Shift supervisor: %s" % w.op[0]["name"], ""]
        for t in chunk:
            op = r.choice(w.op)
            kh = t["nok"][0]
            line = "%s %02d:%02d | op %s | %s | %s | %s, %s | " % (d.isoformat(), r.randint(0, 23), r.randint(0, 59), op["name"],
                                                                  t["careline_id"], r.choice(["pendant", "pull cord", "smoke", "bogus caller", "fall detector"]),
                                                                  nm(t, r.choice(["title", "REV", "full", "caps"])), t["addr"]["line"])
            line += r.choice(["no speech, rang %s (%s) %s, attended." % (kh["name"], kh["rel"].lower(), kh["phone"]),
                              "accidental, client fine.", "client fallen, ambulance ref 2611-%04d, mobile warden %s sent." % (r.randint(0, 9999), r.choice(w.warden)["name"]),
                              "test call OK.", "low battery on unit, engineer booked."])
            lines.append(line)
            if t["access"] and r.random() < 0.6:
                lines.append("    Responder info: " + " ".join(S.acc(t, "careline")))
        S.put("Housing/Careline/CallLogs/calls_%s_%d.log" % (d.strftime("%Y%m%d"), i // 7 + 1), "\n".join(lines), "free")

    # 7. home-from-hospital volunteer notes
    for t in [x for x in w.tenants if x["h2h"]]:
        v = t["vol"]
        lines = ["Calderwick Home from Hospital - volunteer visit notes",
                 "Client: %s  Age %d  %s" % (nm(t, r.choice(["title", "full", "init"])), t["age"], t["addr"]["line"]),
                 "Coordinator: %s   Volunteer: %s" % (w.h2h_coord[0]["name"], v["name"]),
                 near_miss(r, "hospital"), ""]
        if r.random() < 0.5:
            S.dob(t)
            lines.insert(2, "DOB %s (from discharge letter)" % fdate(t["dob"], r.choice(DOB_STYLES)))
        for k in range(r.randint(1, 3)):
            lines.append("Visit %d (%s): %s" % (k + 1, fdate(rdate(r, 1, 25), "short"), r.choice([
                "Collected prescription from Boots, put away shopping. %s tired but chatty." % t["forename"],
                "Helped %s make a list of questions for the GP (Dr %s)." % (t["forename"], t["gp"]["name"]),
                "Rang %s (%s) to update, they will visit Sunday." % (t["nok"][0]["name"], t["nok"][0]["rel"].lower()),
                "Fridge nearly empty, referred to the food bank with the warden's agreement."])))
        if t["access"]:
            lines.append("How I get in: " + " ".join(S.acc(t, "volunteer")))
        lines.append("-- %s, volunteer" % v["name"])
        S.put("HomeFromHospital/VisitNotes/%s_%s.txt" % (t["careline_id"], fname_of(t)), "\n".join(lines), "free")

    # 8. safeguarding referrals (parent's own DOB and NHS number)
    sg = r.sample(w.children, min(5, len(w.children)))
    for p in sg:
        par = p["parents"][0]
        if not par["dob"]:
            par["dob"] = w.dob(20, 45)
        if not par["nhs"] and r.random() < 0.6:
            par["nhs"] = w.nhs()
        S.dob(p)
        mf, ms, _ = w.name(ADULT_F, ADULT_M, "M")
        mp = w.add_related(mf, ms, "Mother's partner", "M", dob_p=0.0, nhs_p=0.0)
        ref = w.hv[0] if p["age"] < 5 else p["sn"]
        lines = ["SAFEGUARDING CHILDREN - MULTI-AGENCY REFERRAL (MARF)",
                 "Referrer: %s, %s, %s" % (ref["name"], ref["role"], ref["phone"]),
                 "Discussed with: %s (Named Nurse)" % w.sg_lead[0]["name"], "",
                 "Child: %s" % nm(p, "mid"), "Date of birth: %s" % fdate(p["dob"], "long"),
                 "NHS number: %s" % (S.nhs(p) or "unknown"), "School/setting: %s" % (p["setting"] or "none"),
                 "Address: %s, %s %s" % (p["addr"]["line"], p["addr"]["town"], p["addr"]["postcode"]), "",
                 "Parent: %s  DOB %s%s" % (par["name"], fdate(par["dob"], "dmy"), ("  NHS %s" % nhs_fmt(par["nhs"], 0)) if par["nhs"] else ""),
                 "", "Concern: " + r.choice([
                     "%s disclosed to school nurse that there is shouting at home most nights and mum's partner %s hits the wall." % (p["forename"], mp["name"]),
                     "Repeated missed health appointments and weight falling across centiles; home visit - no food in the house.",
                     "Bruising to upper arm noted at CCN visit, explanation inconsistent; paediatric assessment requested."]),
                 "", "Previous CWD case number %s. %s" % (p["cwd_case"], near_miss(r, "chs"))]
        S.put("Safeguarding/Referrals/MARF_%s_%s.txt" % (rdate(r, 1, 90).strftime("%Y%m%d"), fname_of(p)), "\n".join(lines), "free")
        # the partner named in the concern is a related person too: add to corpus-based detection
    # 9. team-around-the-child minutes
    for p in r.sample(w.sb_kids, min(5, len(w.sb_kids))):
        d = rdate(r, 5, 90)
        att = [p["sw"], p["ccn_nurse"], r.choice(w.ot), r.choice(w.broker), p["sn"] if p["age"] >= 4 else p["hv"]]
        lines = ["TEAM AROUND THE CHILD - MINUTES", "Child: %s (%s)" % (nm(p, r.choice(["full", "rev"])), age_str(p["dob"])),
                 "Date: %s   Venue: %s" % (fdate(d, "long"), r.choice(["Brackenmoor Children's Centre", "family home", "MS Teams"])),
                 "Present: " + "; ".join("%s (%s)" % (s["name"], s["role"]) for s in att) + "; " + "; ".join("%s (%s)" % (q["name"], q["rel"].lower()) for q in p["parents"]),
                 "Apologies: %s" % r.choice(w.paed)["name"], "Chair: %s" % att[0]["name"], "",
                 "1. Progress since last TAC: short breaks at Willowbank going well, 2 nights a month.",
                 "2. Health: %s. CCN %s to update the care plan." % (p["condition"], att[1]["fn"]),
                 "3. Equipment: OT %s to order a new sleep system; %s." % (att[2]["fn"], near_miss(r, "transport")),
                 "4. Sibling: " + (("%s also known to the service." % nm(p["sib_of"], "full")) if p["sib_of"] else "no concerns."),
                 "Next TAC in 12 weeks. Minutes by %s." % r.choice(w.chs_admin)["name"]]
        S.put("CWD/TAC/TAC_minutes_%s_%s.txt" % (fname_of(p), d.strftime("%Y%m%d")), "\n".join(lines), "free")
    # 10. extra-care / housing MDT minutes (several tenants, ages)
    for k in range(3):
        d = rdate(r, 5, 60)
        tens = r.sample(w.tenants, min(6, len(w.tenants)))
        att = [w.ec_lead[0], r.choice(w.warden), r.choice(w.hsg), w.h2h_coord[0], r.choice(w.pod), r.choice(w.gps)]
        lines = ["ORCHARD LEA / SHELTERED SCHEMES - MULTI-DISCIPLINARY MEETING - %s" % fdate(d, "dmy"),
                 "Attendees: " + ", ".join(staff_sig(s) for s in att), ""]
        for t in tens:
            lines.append("- %s, %d, %s: %s" % (nm(t, r.choice(["title", "caps", "rev"])), t["age"], t["scheme"][0], r.choice([
                "%s; falls x2 this month, OT assessment requested." % t["condition"],
                "care package increased to 4 calls; NOK %s aware." % t["nok"][0]["name"],
                "hospital discharge 2 weeks ago, H2H volunteer %s visiting weekly." % t["vol"]["name"],
                "rent arrears %s; housing officer to visit with benefits advice." % "GBP %d" % r.randint(100, 900)])))
            if t["partner"] and t["partner"] not in tens:
                lines.append("  (lives with %s, also a tenant)" % nm(t["partner"], "title"))
        lines.append("")
        lines.append("Actions typed by %s" % r.choice(w.chs_admin + w.hsg)["name"])
        S.put("Housing/MDT/MDT_%s.txt" % d.strftime("%Y%m%d"), "\n".join(lines), "free")


CHS_HEAD = "Calderwick Children and Families Community Health Service | Brackenmoor Health Centre, Mill Brow, Brackenmoor CW7 5QT"
HHA_HEAD = "Heronsgate Housing Association | Heronsgate House, 9 Calder Terrace, Calderwick CW4 1HH"
CWD_HEAD = "Calderwick Borough Council - Children with Disabilities Team | Town Hall Annexe, Calderwick CW4 1TA"
SW_HEAD = "StepWell Podiatry & AirHome Oxygen Ltd | Unit 4, Foundry Street Business Park, Hollins Bridge CW9 2FS"


def gen_letters(S):
    w, r = S.w, S.r
    fmts = ["docx", "pdf", "rtf"]
    # 11. EHC plan health advice (docx, table of details, cc list)
    for p in [c for c in w.children if c["cwd"] and c["age"] >= 2]:
        if r.random() < 0.3:
            continue
        paed = r.choice(w.paed)
        S.dob(p)
        d = rdate(r, 5, 120)
        table = [["Child's name", nm(p, "mid")], ["Date of birth", fdate(p["dob"], r.choice(["dmy", "long", "mon"]))],
                 ["NHS number", S.nhs(p) or "Not known"], ["Setting", p["setting"]],
                 ["Parent/carer", "; ".join(q["name"] for q in p["parents"])], ["CWD case", p["cwd_case"]]]
        lines = ["Health Advice for Education, Health and Care Needs Assessment", "Date: %s" % fdate(d, "long"),
                 "Child details:",
                 "Health needs: %s. %s requires adult support for personal care, medication in school and a"
                 " risk-assessed plan for trips." % (p["condition"], p["forename"]),
                 "Outcomes sought: to communicate choices using a high-tech AAC device; to access the curriculum with a 1:1.",
                 "Provision: CCN training for school staff (%s, Community Children's Nurse) each September;" % p["ccn_nurse"]["name"]
                 + " SEN transport with a trained passenger assistant.",
                 "", "Yours sincerely", "", "%s %s" % (paed["title"], paed["name"]), paed["role"],
                 "cc: %s (SEND Casework Officer); %s (Social Worker); Dr %s, %s; parents" % (
                     r.choice(w.chs_admin)["name"], (p["sw"] or w.sw[0])["name"], p["gp"]["name"], p["gp"]["practice"])]
        S.letter("EHC/HealthAdvice/EHC_health_advice_%s" % fname_of(p), lines, "docx", header=CHS_HEAD,
                 footer="Author: %s | Typed by %s" % (paed["name"], r.choice(w.chs_admin)["name"]), table=table, table_after=2)
    # 12. CCN referral letters (pdf): from HV or GP
    for p in [c for c in w.children if c["ccn"]]:
        frm = p["gp"] if r.random() < 0.5 else p["hv"]
        fd = "Dr " + frm["name"] if frm in w.gps else frm["name"]
        use_age = r.random() < 0.3
        lines = [frm.get("practice", "Health Visiting Team, Brackenmoor"), fdate(rdate(r, 30, 300), "long"), "",
                 "To: Community Children's Nursing Team (Lead: %s)" % w.ccn[0]["name"], "",
                 "Re: %s  %s  %s" % (nm(p, r.choice(["caps", "full", "mid", "rev"])),
                                     ("aged %s" % age_str(p["dob"])) if use_age else "DOB " + fdate(p["dob"], r.choice(DOB_STYLES)),
                                     ("NHS " + S.nhs(p)) if p["nhs"] else ""),
                 "%s, %s %s" % (p["addr"]["line"], p["addr"]["town"], p["addr"]["postcode"]), "",
                 "Dear colleague,", "",
                 "Please accept this referral for %s, who has %s. Parents (%s) would value support at home" % (
                     p["forename"], p["condition"], " and ".join(q["name"] for q in p["parents"])),
                 "with %s." % r.choice(["enteral feeding", "overnight ventilation", "symptom management", "seizure management and respite"])]
        if not use_age:
            S.dob(p)
        if p["access"] and r.random() < 0.5:
            lines += ["", "Access for visits: " + " ".join(S.acc(p))]
        lines += ["", "Yours faithfully,", fd, frm["role"]]
        S.letter("CCN/Referrals/referral_%s" % fname_of(p), lines, "pdf")
    # 13. short-break confirmations (pdf/docx) to families; kinship grandparents are tenants
    for p in w.sb_kids:
        if not p["kinship_tenant"] and r.random() < 0.35:
            continue
        br = r.choice(w.broker)
        kin = p["kinship_tenant"]
        addressee = kin if kin else p["parents"][0]
        d0 = TODAY + dt.timedelta(days=r.randint(5, 40))
        name_add = nm(kin, "title") if kin else addressee["name"]
        lines = [fdate(rdate(r, 1, 20), "long"), "", name_add,
                 (kin["addr"]["line"] if kin else p["addr"]["line"]), "",
                 "Dear %s," % (("%s %s" % (kin["title"], kin["surname"])) if kin else addressee["fn"]), "",
                 "Short break confirmation - %s (born %s)" % (nm(p, r.choice(["full", "mid"])), fdate(p["dob"], r.choice(["long", "dmy", "ord"]))),
                 "I am pleased to confirm overnight short breaks at Willowbank for %s from %s (2 nights, %s)." % (
                     p["forename"], fdate(d0, "long"), near_miss(r, "shortbreak")),
                 "Transport will be provided by Calderwick SEN Transport; your passenger assistant will be %s." % r.choice(w.escorts)["name"],
                 "Assessed by: %s (%s)   Approved by: %s" % (r.choice(w.ot)["name"], "assessor", w.cwd_mgr[0]["name"]),
                 "", "Kind regards,", br["name"], "Short Breaks Broker, %s" % br["phone"]]
        if kin:
            lines.insert(9, "As %s's kinship carer you may also claim the carer's break allowance." % p["forename"])
        S.dob(p)
        S.letter("ShortBreaks/Confirmations/SB_confirmation_%s" % fname_of(p), lines, r.choice(["pdf", "docx"]), header=CWD_HEAD)
    # 14. tenancy and scheme letters (rtf / docx)
    done = set()
    for t in w.tenants:
        if id(t) in done or r.random() < 0.5:
            continue
        done.add(id(t))
        pt = t["partner"]
        if pt:
            done.add(id(pt))
        to = nm(t, "title") + ((" and " + nm(pt, "title")) if pt else "")
        ho = r.choice(w.hsg)
        lines = [fdate(rdate(r, 1, 60), "long"), "", to, t["addr"]["line"], "%s %s" % (t["addr"]["town"], t["addr"]["postcode"]), "",
                 "Tenancy reference: %s" % t["tenancy_ref"], "",
                 "Dear %s," % (("%s %s" % (t["title"], t["surname"])) + ((" and %s %s" % (pt["title"], pt["surname"])) if pt else "")), ""]
        lines += r.choice([
            ["Rent and service charge from April 2027", "Your weekly rent will be GBP %d.%02d and the support charge GBP 14.20." % (r.randint(95, 140), r.randint(0, 99)),
             "Your scheme manager, %s, can help with any questions about housing benefit." % t["warden"]["name"]],
            ["Fire safety visit", "We will visit on %s to test the smoke detector and the pull cords in your flat." % fdate(TODAY + dt.timedelta(days=r.randint(3, 30)), "long"),
             "Our contractor will carry ID. " + near_miss(r, "housing")],
            ["Your support plan review", "Thank you for meeting %s on %s. As you are now %d we have updated your support plan." % (
                t["warden"]["name"], fdate(rdate(r, 5, 40), "long"), t["age"])]])
        if t["access"] and r.random() < 0.45:
            lines += ["We have recorded the following for emergency access to your flat: " + " ".join(S.acc(t, "housing"))]
        lines += ["", "Yours sincerely,", ho["name"], ho["role"], "cc %s (Scheme Manager); %s (Extra-Care Team Leader)" % (t["warden"]["name"], w.ec_lead[0]["name"])]
        S.letter("Housing/Letters/%s/%s_%s" % (t["scheme"][0].replace(" ", ""), t["tenancy_ref"].replace("/", "-"), fname_of(t)), lines,
                 r.choice(["rtf", "rtf", "docx"]), header=HHA_HEAD)
    # 15. careline responder confirmation (docx) - key holders and key safe
    for t in [x for x in w.tenants if x["careline"] and r.random() < 0.3]:
        op = r.choice(w.op)
        S.dob(t)
        lines = ["Heronsgate Careline - confirmation of your details", fdate(rdate(r, 1, 100), "long"), "",
                 "Dear %s," % nm(t, "title"), "",
                 "Thank you for joining Heronsgate Careline. Please check the details below and tell us about any changes.",
                 "Name: %s" % nm(t, "mid"), "Date of birth: %s" % fdate(t["dob"], r.choice(["dmy", "long"])),
                 "Careline number: %s" % t["careline_id"], "Medical information: %s" % t["condition"]]
        for i, k in enumerate(t["nok"]):
            lines.append("Responder %d: %s (%s) %s%s" % (i + 1, k["name"], k["rel"].lower(), k["phone"],
                                                        (", date of birth %s" % fdate(k["dob"], "dmy")) if k["dob"] else ""))
        if t["access"]:
            lines.append("Access information we hold: " + " ".join(S.acc(t, "careline")))
        else:
            lines.append(r.choice(["We have no key safe recorded for you - a key safe can be fitted for GBP 45.",
                                   "Key safe fitting booked for %s." % fdate(TODAY + dt.timedelta(days=9), "long")]))
        lines += ["", "Yours sincerely,", op["name"], "Careline Operator"]
        S.letter("Housing/Careline/Letters/responders_%s" % t["careline_id"], lines, "docx", header=HHA_HEAD)
    # 16. letters to GPs: podiatry / oxygen for tenants; school nurse for children
    for t in [x for x in w.tenants if x["pod"] or x["oxy"]]:
        au = t["podiatrist"] if t["pod"] else w.oxy[1]
        use_age = r.random() < 0.25
        idl = ("%s, aged %d" % (nm(t, "title"), t["age"])) if use_age else (
            "%s  DOB %s  NHS %s" % (nm(t, r.choice(["title", "init", "caps", "REV"])), fdate(t["dob"], r.choice(DOB_STYLES)), S.nhs(t) or "-"))
        if not use_age:
            S.dob(t)
        lines = [fdate(rdate(r, 1, 60), "long"), "", "Dr %s" % t["gp"]["name"], t["gp"]["practice"], "",
                 "Re: " + idl, t["addr"]["line"], "",
                 "Dear Dr %s," % t["gp"]["sn"], ""]
        if t["pod"]:
            lines.append("I saw your patient at home for domiciliary podiatry. %s has %s; both feet at moderate risk, "
                         "callus debrided, nails reduced. Review in 8 weeks." % (t["forename"], t["condition"]))
        if t["oxy"]:
            lines.append("AirHome installed a concentrator (2L/min, 15 hrs/day) and backup cylinders. Fire risk assessment done;"
                         " no smokers in the flat. Next service visit by %s." % w.oxy[0]["name"])
        if t["access"] and r.random() < 0.4:
            lines.append("For home visits: " + " ".join(S.acc(t, "podiatrist")))
        lines += ["", "Yours sincerely,", au["name"], au["role"], "cc: %s (scheme manager)" % t["warden"]["name"]]
        S.letter("Contractor/GPLetters/%s_%s" % ("POD" if t["pod"] else "OXY", fname_of(t)), lines, r.choice(["pdf", "rtf", "pdf"]), header=SW_HEAD)
    for p in r.sample([c for c in w.children if c["age"] >= 5], min(6, len([c for c in w.children if c["age"] >= 5]))):
        sn = p["sn"]
        S.dob(p)
        lines = [fdate(rdate(r, 1, 60), "long"), "", "Dr %s, %s" % (p["gp"]["name"], p["gp"]["practice"]), "",
                 "Dear Dr %s" % p["gp"]["sn"], "",
                 "RE: %s, D.O.B. %s, %s" % (nm(p, r.choice(["caps", "full", "rev"])), fdate(p["dob"], r.choice(DOB_STYLES)), p["setting"]),
                 "I saw %s in school today with %s's consent (%s). %s" % (p["forename"], p["parents"][0]["rel"].lower(), p["parents"][0]["name"], r.choice([
                     "BMI above the 98th centile; family keen for referral to the healthy weight service.",
                     "Daytime wetting persists despite fluids advice; please consider a UTI screen.",
                     "Low mood and self-harm (superficial cuts to forearm); CAMHS referral made today."])),
                 "", "Best wishes", sn["name"], "School Nurse, %s" % sn["phone"], "cc: parents; %s (SENCo)" % r.choice(w.chs_admin)["name"]]
        S.letter("SchoolNursing/Letters/GP_letter_%s" % fname_of(p), lines, r.choice(["pdf", "docx"]), header=CHS_HEAD)
    # 17. letters to families from health visiting (rtf)
    for p in [c for c in w.children if c["age"] < 5 and r.random() < 0.45]:
        par = p["parents"][0]
        lines = [fdate(rdate(r, 1, 30), "long"), "", "To the parent/carer of %s" % nm(p, r.choice(["full", "mid"])),
                 p["addr"]["line"], "%s %s" % (p["addr"]["town"], p["addr"]["postcode"]), "",
                 "Dear %s," % par["fn"], "",
                 "%s is due a %s. I will visit you at home on %s at %s." % (p["forename"], r.choice(["1 year review", "2-2.5 year review", "new baby review"]),
                                                                    fdate(TODAY + dt.timedelta(days=r.randint(3, 25)), "long"), r.choice(["9:30am", "1:30pm"])),
                 "If this is not convenient please ring the duty line on %s." % w.chs_admin[0]["phone"],
                 "", "Yours sincerely", p["hv"]["name"], "Health Visitor"]
        if r.random() < 0.5:
            lines.insert(3, "Date of birth: %s" % fdate(p["dob"], "long"))
            S.dob(p)
        S.letter("HealthVisiting/Letters/appt_%s" % fname_of(p), lines, "rtf", header=CHS_HEAD)
    # 18. letters about couples / kinship grandmother from the CWD team
    for c, t in w.kinship:
        sw = c["sw"] or w.sw[0]
        S.dob(t)
        lines = [fdate(rdate(r, 1, 40), "long"), "", nm(t, "title"), t["addr"]["line"], "", "Dear %s %s," % (t["title"], t["surname"]), "",
                 "Special guardianship support for %s" % nm(c, "full"),
                 "Thank you for meeting me. As %s's grandmother and special guardian you told me that your own health (%s) makes" % (c["forename"], t["condition"]),
                 "overnight care difficult. We have agreed that %s will have two overnight short breaks a month." % c["forename"],
                 "For our records: your date of birth %s; %s's date of birth %s." % (fdate(t["dob"], "dmy"), c["forename"], fdate(c["dob"], "dmy")),
                 "", "Yours sincerely,", sw["name"], "Social Worker, Children with Disabilities Team", "cc %s (Team Manager)" % w.cwd_mgr[0]["name"]]
        S.letter("CWD/Letters/SGO_support_%s" % fname_of(c), lines, "docx", header=CWD_HEAD)


# ----------------------------------------------------------------------------- structured
def hl7_name(p, title=""):
    return "%s^%s^%s^^%s" % (p["surname"].upper(), p["forename"].upper(), (p.get("middle") or "").upper(), title)


def hl7_staff(s, code):
    return "%s^%s^%s^^^%s" % (code, s["sn"].upper(), s["fn"].upper(), s["title"])


def hl7_addr(a):
    return "%s^^%s^^%s^GBR" % (a["line"], a["town"], a["postcode"])


def gen_structured(S):
    w, r = S.w, S.r
    ts = lambda: (dt.datetime(2026, 11, 1) + dt.timedelta(minutes=r.randint(0, 27000))).strftime("%Y%m%d%H%M")
    # 19. HL7 v2: ADT^A28/A31 registrations for children, ORU for oxygen tenants, REF^I12 referrals
    kids = r.sample(w.children, max(1, len(w.children) // 3))
    for p in kids:
        ev = r.choice(["A28", "A31"])
        pid3 = ("%s^^^NHS^NH~" % p["nhs"] if p["nhs"] else "") + "%s^^^CFS^MR" % p["local_id"]
        if p["nhs"]:
            S.nhs(p)
        S.dob(p)
        segs = ["MSH|^~\\&|SYSTMONE|CALDERWICK_CHS|CWD_LCS|CALDERWICK_BC|%s||ADT^%s|MSG%06d|P|2.4" % (ts(), ev, r.randint(0, 999999)),
                "EVN|%s|%s" % (ev, ts()),
                "PID|1||%s||%s||%s|%s|||%s||%s" % (pid3, hl7_name(p), fdate(p["dob"], "hl7"), p["sex"], hl7_addr(p["addr"]), p["parents"][0]["phone"].replace(" ", ""))]
        for i, q in enumerate(p["parents"]):
            rc = {"Mother": "MTH", "Father": "FTH", "Grandmother": "GRD", "Foster carer": "FCH"}.get(q["rel"], "OTH")
            seg = "NK1|%d|%s^%s|%s^%s|%s|%s" % (i + 1, q["sn"].upper(), q["fn"].upper(), rc, q["rel"], hl7_addr(q["addr"] or p["addr"]), q["phone"].replace(" ", ""))
            if q["dob"]:
                seg += "||||||||||%s" % fdate(q["dob"], "hl7")
            segs.append(seg)
            S.corpus.append(q["name"])
        segs.append("PV1|1|C|%s^^^CALDERWICK_CHS||||%s|%s" % (r.choice(["HV", "SN", "CCN"]), hl7_staff(p["gp"], "G%07d" % r.randint(0, 9999999)),
                                                              hl7_staff(p["hv"] if p["age"] < 5 else p["sn"], "N%06d" % r.randint(0, 999999))))
        segs.append("ROL|1|AD|PP^Primary Care Provider|%s" % hl7_staff(p["gp"], "G%07d" % r.randint(0, 9999999)))
        segs.append("ROL|2|AD|CP^Consulting Provider|%s" % hl7_staff(p["ccn_nurse"] if p["ccn"] else p["hv"], "N%06d" % r.randint(0, 999999)))
        if p["sw"]:
            segs.append("ROL|3|AD|SW^Social Worker|%s" % hl7_staff(p["sw"], "SW%05d" % r.randint(0, 99999)))
            S.corpus.append(p["sw"]["name"])
        if p["access"] and r.random() < 0.6:
            segs.append("NTE|1||" + " ".join(S.acc(p)))
        else:
            segs.append("NTE|1||%s" % near_miss(r, r.choice(["school", "transport", "chs"])))
        for s in (p["gp"], p["hv"], p["sn"], p["ccn_nurse"]):
            S.corpus.append(s["name"])
        S.put("Interfaces/HL7/ADT/%s_%s.hl7" % (ev, p["local_id"]), "\r".join(segs) + "\r", "structured")
    for t in [x for x in w.tenants if x["oxy"]] + r.sample(w.tenants, min(4, len(w.tenants))):
        S.dob(t)
        pid3 = ("%s^^^NHS^NH~" % t["nhs"] if t["nhs"] else "") + "%s^^^HHA^PI" % t["careline_id"]
        if t["nhs"]:
            S.nhs(t)
        k = t["nok"][0]
        segs = ["MSH|^~\\&|AIRHOME|STEPWELL|GPCONNECT|%s|%s||ORU^R01|OX%06d|P|2.4" % (t["gp"]["practice"].split()[0].upper(), ts(), r.randint(0, 999999)),
                "PID|1||%s||%s||%s|%s|||%s" % (pid3, hl7_name(t, t["title"].upper()), fdate(t["dob"], "hl7"), t["sex"], hl7_addr(t["addr"])),
                "NK1|1|%s^%s|%s|%s|%s" % (k["sn"].upper(), k["fn"].upper(), "NOK^" + k["rel"], hl7_addr(k["addr"] or t["addr"]), k["phone"].replace(" ", "")),
                "PV1|1|O|HOMEOX^^^STEPWELL||||%s" % hl7_staff(t["gp"], "G%07d" % r.randint(0, 9999999)),
                "OBR|1|||59408-5^Oxygen saturation^LN|||%s|||||||||%s" % (ts(), hl7_staff(w.oxy[0], "E%04d" % r.randint(0, 9999))),
                "OBX|1|NM|59408-5^SpO2^LN||%d|%%|94-98|L|||F" % r.randint(84, 95),
                "OBX|2|NM|19994-3^O2 flow^LN||%s|L/min|||||F" % r.choice(["1", "2", "2.5"]),
                "OBX|3|TX|NOTE^Engineer note||%s||||||F" % r.choice(["Concentrator serviced, filter changed.", "Backup cylinder replaced, 2 in store.",
                                                                      "Tenant using oxygen 12 hrs/day, advised 15."])]
        if t["access"] and r.random() < 0.5:
            segs.append("NTE|1||Engineer access: " + " ".join(S.acc(t, "engineer")))
        S.corpus += [k["name"], t["gp"]["name"], w.oxy[0]["name"]]
        S.put("Contractor/HL7/ORU_%s.hl7" % t["careline_id"], "\r".join(segs) + "\r", "structured")
    for t in [x for x in w.tenants if x["h2h"]]:
        S.dob(t)
        k = t["nok"][0]
        pid3 = ("%s^^^NHS^NH~" % t["nhs"] if t["nhs"] else "") + "RX%07d^^^CGH^MR" % r.randint(0, 9999999)
        if t["nhs"]:
            S.nhs(t)
        nk1 = "NK1|1|%s^%s|%s|%s|%s" % (k["sn"].upper(), k["fn"].upper(), "NOK^" + k["rel"], hl7_addr(k["addr"] or t["addr"]), k["phone"].replace(" ", ""))
        if k["dob"] or k["nhs"]:
            nk1 += "||||||||||%s" % (fdate(k["dob"], "hl7") if k["dob"] else "")
            if k["nhs"]:
                nk1 += "||||||||||||||||||%s^^^NHS^NH" % k["nhs"]
        ward = r.choice(["WARD7", "C4", "AMU", "ELDERLY2"])
        t["geri"] = r.choice(w.geri)
        S.corpus.append(t["geri"]["name"])
        segs = ["MSH|^~\\&|PAS|CALDERWICK_GEN|H2H|CALDERWICK_H2H|%s||ADT^A03|DS%06d|P|2.4" % (ts(), r.randint(0, 999999)),
                "EVN|A03|%s" % ts(),
                "PID|1||%s||%s||%s|%s|||%s" % (pid3, hl7_name(t, t["title"].upper()), fdate(t["dob"], "hl7"), t["sex"], hl7_addr(t["addr"])),
                nk1,
                "PV1|1|I|%s^%d^%d^CALDERWICK_GEN||||%s|||GER||||||||IP%07d|||||||||||||||||01^Home" % (
                    ward, r.randint(1, 30), r.randint(1, 4), hl7_staff(t["geri"], "C%06d" % r.randint(0, 999999)), r.randint(0, 9999999)),
                "ROL|1|AD|PP^Primary Care Provider|%s" % hl7_staff(t["gp"], "G%07d" % r.randint(0, 9999999)),
                "ROL|2|AD|CM^Case Manager|%s" % hl7_staff(w.h2h_coord[0], "H2H01"),
                "NTE|1||Discharged home to %s. H2H volunteer %s to visit within 48h. %s" % (t["scheme"][0], t["vol"]["name"], near_miss(r, "hospital"))]
        if t["access"] and r.random() < 0.4:
            segs.append("NTE|2||" + " ".join(S.acc(t, "volunteer")))
        S.corpus += [k["name"], t["gp"]["name"], w.h2h_coord[0]["name"], t["vol"]["name"]]
        S.put("HomeFromHospital/HL7/A03_%s.hl7" % t["careline_id"], "\r".join(segs) + "\r", "structured")
    refs = r.sample([c for c in w.children if c["cwd"]], min(6, len([c for c in w.children if c["cwd"]])))
    for p in refs:
        msgs = []
        S.dob(p)
        pid3 = ("%s^^^NHS^NH" % p["nhs"]) if p["nhs"] else "%s^^^CFS^MR" % p["local_id"]
        if p["nhs"]:
            S.nhs(p)
        msgs += ["MSH|^~\\&|CWD_LCS|CALDERWICK_BC|SYSTMONE|CALDERWICK_CHS|%s||REF^I12|RF%06d|P|2.4" % (ts(), r.randint(0, 999999)),
                 "RF1|A^Accepted|R^Routine|SB^Short breaks health assessment||O|%s|%s" % (p["cwd_case"], fdate(rdate(r, 1, 30), "hl7")),
                 "PRD|RP^Referring provider|%s^%s|%s|||%s" % (p["sw"]["sn"].upper(), p["sw"]["fn"].upper(), "Town Hall Annexe^^Calderwick^^CW4 1TA", p["sw"]["phone"].replace(" ", "")),
                 "PRD|RT^Referred to provider|%s^%s|Brackenmoor Health Centre^^Brackenmoor^^CW7 5QT" % (p["ccn_nurse"]["sn"].upper(), p["ccn_nurse"]["fn"].upper()),
                 "PID|1||%s||%s||%s|%s|||%s" % (pid3, hl7_name(p), fdate(p["dob"], "hl7"), p["sex"], hl7_addr(p["addr"])),
                 "NK1|1|%s^%s|%s|||%s" % (p["parents"][0]["sn"].upper(), p["parents"][0]["fn"].upper(), p["parents"][0]["rel"], p["parents"][0]["phone"].replace(" ", "")),
                 "ROL|1|AD|AT^Assessor|%s" % hl7_staff(r.choice(w.ot), "OT%04d" % r.randint(0, 9999)),
                 "NTE|1||Referral from CWD social worker %s for overnight short breaks; %s." % (p["sw"]["name"], near_miss(r, "shortbreak"))]
        S.corpus += [p["sw"]["name"], p["ccn_nurse"]["name"], p["parents"][0]["name"]]
        S.put("Interfaces/HL7/REF/REF_I12_%s.hl7" % p["cwd_case"].replace("/", "-"), "\r".join(msgs) + "\r", "structured")

    # 20. FHIR R4 bundles
    def patient_res(p, pid):
        res = {"resourceType": "Patient", "id": pid, "identifier": [], "name": [{"use": "official", "family": p["surname"],
                                                                                  "given": [p["forename"]] + ([p["middle"]] if p.get("middle") else [])}],
               "gender": "female" if p["sex"] == "F" else "male", "birthDate": p["dob"].isoformat(),
               "address": [{"line": [p["addr"]["line"]], "city": p["addr"]["town"], "postalCode": p["addr"]["postcode"]}]}
        if p.get("title"):
            res["name"][0]["prefix"] = [p["title"]]
        if p["nhs"]:
            S.nhs(p)
            res["identifier"].append({"system": "https://fhir.nhs.uk/Id/nhs-number", "value": p["nhs"]})
        res["identifier"].append({"system": "https://calderwickchs.nhs.uk/Id/local", "value": p.get("local_id") or p["careline_id"]})
        contacts = p["parents"] if p["kind"] == "child" else p["nok"]
        res["contact"] = [{"relationship": [{"text": q["rel"]}], "name": {"family": q["sn"], "given": [q["fn"]]},
                           "telecom": [{"system": "phone", "value": q["phone"]}]} for q in contacts]
        res["generalPractitioner"] = [{"display": "Dr " + p["gp"]["name"]}]
        S.dob(p)
        S.corpus += [q["name"] for q in contacts] + [p["gp"]["name"]]
        return res

    pall = [c for c in w.children if c["ccn"]]
    for p in pall:
        ents = [patient_res(p, "pat1")]
        for i, q in enumerate(p["parents"]):
            rp = {"resourceType": "RelatedPerson", "id": "rp%d" % i, "patient": {"reference": "Patient/pat1"},
                  "relationship": [{"text": q["rel"]}], "name": [{"family": q["sn"], "given": [q["fn"]]}],
                  "telecom": [{"system": "phone", "value": q["phone"]}]}
            if q["dob"]:
                rp["birthDate"] = q["dob"].isoformat()
            if q["nhs"]:
                rp["identifier"] = [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": q["nhs"]}]
            ents.append(rp)
        for i, s in enumerate([p["ccn_nurse"]] + (w.pall[:2] if p["pall"] else [])):
            ents.append({"resourceType": "Practitioner", "id": "prac%d" % i, "name": [{"family": s["sn"], "given": [s["fn"]]}],
                         "telecom": [{"system": "phone", "value": s["phone"]}, {"system": "email", "value": s["email"]}]})
            S.corpus.append(s["name"])
        ents.append({"resourceType": "Encounter", "id": "enc1", "status": "finished", "class": {"code": "HH", "display": "home health"},
                     "subject": {"reference": "Patient/pat1", "display": nm(p, "full")},
                     "participant": [{"individual": {"reference": "Practitioner/prac0", "display": p["ccn_nurse"]["name"]}}],
                     "period": {"start": rdate(r, 1, 30).isoformat()}})
        if p["access"] and r.random() < 0.7:
            ents.append({"resourceType": "Flag", "id": "flag1", "status": "active", "subject": {"reference": "Patient/pat1"},
                         "code": {"text": "Home access: " + " ".join(S.acc(p))}})
        else:
            ents.append({"resourceType": "Flag", "id": "flag1", "status": "active", "subject": {"reference": "Patient/pat1"},
                         "code": {"text": "Lone working: two staff for night visits. " + near_miss(r, "chs")}})
        ents.append({"resourceType": "Condition", "id": "cond1", "subject": {"reference": "Patient/pat1"}, "code": {"text": p["condition"]},
                     "note": [{"text": "Advance care plan agreed with %s." % p["parents"][0]["name"]}] if p["pall"] else []})
        b = {"resourceType": "Bundle", "type": "collection", "timestamp": "2026-11-%02dT10:00:00Z" % r.randint(1, 19),
             "entry": [{"fullUrl": "urn:uuid:%s-%d" % (p["local_id"], i), "resource": e} for i, e in enumerate(ents)]}
        S.put("CCN/FHIR/bundle_%s.json" % p["local_id"], json.dumps(b, indent=1), "structured")
    # extra-care bundle: several tenants in one bundle
    for sch in SCHEMES:
      ec = [t for t in w.tenants if t["scheme"] is sch]
      for i in range(0, len(ec), 5):
        ents = []
        for j, t in enumerate(ec[i:i + 5]):
            ents.append(patient_res(t, "t%d" % j))
            ents.append({"resourceType": "Observation", "id": "obs%d" % j, "status": "final", "code": {"text": "Waterlow score"},
                         "subject": {"reference": "Patient/t%d" % j}, "valueInteger": r.randint(8, 22),
                         "performer": [{"display": w.ec_lead[0]["name"]}],
                         "note": [{"text": " ".join(S.acc(t, "extra-care")) if t["access"] and r.random() < 0.5 else "Reviewed at weekly huddle; " + near_miss(r, "housing")}]})
        S.corpus.append(w.ec_lead[0]["name"])
        S.put("Housing/FHIR/%s_export_%d.json" % (sch[0].replace(" ", ""), i // 5 + 1), json.dumps({"resourceType": "Bundle", "type": "searchset", "total": len(ents),
                                                                                   "entry": [{"resource": e} for e in ents]}, indent=1), "structured")

    # 21. CSV extracts
    hv = [c for c in w.children if c["age"] < 5]
    rows = [["surname", "forename", "middle_names", "dob", "nhs_no", "postcode", "named_hv", "gp_practice", "parent_1", "parent_1_tel", "last_contact"]]
    for c in hv:
        S.dob(c)
        rows.append([c["surname"], c["forename"], c["middle"], fdate(c["dob"], "dmy"), S.nhs(c, 1), c["addr"]["postcode"], c["hv"]["name"],
                     c["gp"]["practice"], c["parents"][0]["name"], c["parents"][0]["phone"], fdate(rdate(r, 1, 120), "dmy")])
    S.text([" ".join(map(str, x)) for x in rows] + [c["forename"] + " " + c["surname"] for c in hv])
    S.put("HealthVisiting/Caseload/hv_caseload_extract_%s.csv" % TODAY.strftime("%Y%m%d"), csv_bytes(rows), "structured")
    # transport booking export
    tr = [c for c in w.children if c["cwd"] and c["age"] >= 3]
    rows = [["BookingRef", "TravelDate", "PickUp", "PassengerName", "Age", "PickUpAddress", "Destination", "Driver", "PassengerAssistant",
             "Vehicle", "Notes"]]
    for c in tr:
        for leg in range(r.randint(1, 2)):
            note = r.choice(["Wheelchair (tilt-in-space), 4-point restraint.", "Buccal midazolam travels in the red bag.", "Harness, sits behind driver.",
                             "Mum %s meets bus at gate." % c["parents"][0]["fn"], near_miss(r, "transport")])
            if c["access"] and leg == 0 and r.random() < 0.5:
                note = "Nobody home after school on Weds: " + " ".join(S.acc(c, "transport"))
            rows.append(["TB-%05d" % r.randint(10000, 99999), fdate(TODAY + dt.timedelta(days=r.randint(1, 10)), "dmy"), r.choice(["07:45", "08:05", "15:20", "16:00"]),
                         nm(c, r.choice(["full", "caps", "rev"])), c["age"], "%s, %s" % (c["addr"]["line"], c["addr"]["postcode"]),
                         r.choice([c["setting"] or "Willowbank Short Breaks", "Willowbank Short Breaks"]), r.choice(w.drivers)["name"],
                         r.choice(w.escorts)["name"], "CW%02d SEN" % r.randint(60, 75), note])
    S.text([" ".join(map(str, x)) for x in rows])
    S.put("Transport/Exports/SEN_transport_bookings_wk48.csv", csv_bytes(rows), "structured")
    # careline register (split names, key holders, key safe column)
    rows = [["ClientNo", "Title", "Surname", "Forenames", "DOB", "NHSNumber", "Scheme", "Flat", "Responder1", "Responder1Rel", "Responder1Tel",
             "Responder2", "Responder2Tel", "KeySafe", "AccessNotes", "Operator"]]
    for t in [x for x in w.tenants if x["careline"]]:
        S.dob(t)
        ks, an = "", ""
        for a in t["access"]:
            if a["kind"] == "code" and r.random() < 0.8:
                ks = "%s (%s)" % (a["value"], a["where"])
                w.access_written.setdefault(t["id"], set()).add("code")
            elif a["kind"] != "code" and r.random() < 0.6:
                an = access_line({"access": [a], "sex": t["sex"], "kind": "tenant"}, r)[0]
                w.access_written.setdefault(t["id"], set()).add(a["kind"])
        if not t["access"] and r.random() < 0.2:
            an = r.choice(["Key safe fitting booked", "No key safe - warden to advise", "Code held by careline team"])
        k1 = t["nok"][0]
        k2 = t["nok"][1] if len(t["nok"]) > 1 else None
        rows.append([t["careline_id"], t["title"], t["surname"], (t["forename"] + " " + t["middle"]).strip(), fdate(t["dob"], "iso"), S.nhs(t, 1),
                     t["scheme"][0], t["flat"], k1["name"], k1["rel"], k1["phone"], k2["name"] if k2 else "", k2["phone"] if k2 else "", ks, an,
                     r.choice(w.op)["name"]])
    S.text([" ".join(map(str, x)) for x in rows])
    S.put("Housing/Careline/careline_register_export.csv", csv_bytes(rows), "structured")
    # podiatry round list (semicolon CSV, full-name column, ages)
    rows = [["Round date", "Clinician", "Patient name", "Age", "Address", "Risk", "Notes"]]
    for t in [x for x in w.tenants if x["pod"]]:
        note = near_miss(r, "housing") if r.random() < 0.3 else "nail care"
        if t["access"] and r.random() < 0.4:
            note = " ".join(S.acc(t, "podiatrist"))
        rows.append([fdate(TODAY + dt.timedelta(days=r.randint(1, 14)), "dmy"), t["podiatrist"]["name"], nm(t, r.choice(["title", "REV", "full"])),
                     t["age"], t["addr"]["line"], r.choice(["low", "moderate", "high"]), note])
    S.text([" ".join(map(str, x)) for x in rows])
    S.put("Contractor/Podiatry/round_list_%s.csv" % TODAY.strftime("%Y%m%d"), csv_bytes(rows, ";"), "structured")

    # 22. XLSX
    cwd = [c for c in w.children if c["cwd"]]
    rows = [["CWD Register - Children with Disabilities Team (OFFICIAL-SENSITIVE)"],
            ["Case No", "Child Name", "Date of Birth", "NHS No", "Disability", "Social Worker", "Assessor", "Broker", "Short break package", "Parent/Carer"]]
    for c in cwd:
        S.dob(c)
        rows.append([c["cwd_case"], nm(c, r.choice(["full", "mid", "rev"])), c["dob"], S.nhs(c, 0) if r.random() < 0.7 else "",
                     c["condition"], (c["sw"] or w.sw[0])["name"], r.choice(w.ot)["name"], r.choice(w.broker)["name"],
                     "%d nights/yr" % r.choice([24, 36, 48]), (c["kinship_tenant"] and nm(c["kinship_tenant"], "full") + " (special guardian)") or c["parents"][0]["name"]])
    S.text([" ".join(map(str, x)) for x in rows])
    S.put("CWD/Registers/CWD_register_Nov26.xlsx", xlsx_bytes([("Register", rows)]), "structured")
    # school nursing caseload: full name + age + year group, no DOB
    sc = [c for c in w.children if c["age"] >= 5]
    rows = [["Pupil", "NHS number", "Age", "Year", "School", "School nurse", "Health need", "Parent contact"]]
    for c in sc:
        rows.append([nm(c, r.choice(["full", "caps", "rev"])), S.nhs(c, 0) if r.random() < 0.5 else "", c["age"], "Y%d" % max(0, c["age"] - 5), c["setting"], c["sn"]["name"], c["condition"],
                     "%s %s" % (c["parents"][0]["name"], c["parents"][0]["phone"])])
    S.text([" ".join(map(str, x)) for x in rows])
    S.put("SchoolNursing/Caseload/school_nursing_caseload.xlsx", xlsx_bytes([("Caseload", rows)]), "structured")
    # scheme tenancy list (ages only) with one sheet per scheme
    sheets = []
    for sch in SCHEMES:
        tens = [t for t in w.tenants if t["scheme"] is sch]
        rows = [["Flat", "Tenant", "Age", "Tenancy ref", "Scheme manager", "Support level", "Next of kin", "NOK tel"]]
        for t in tens:
            rows.append([t["flat"], nm(t, r.choice(["title", "full", "REV"])), t["age"], t["tenancy_ref"], t["warden"]["name"],
                         r.choice(["low", "medium", "high"]), t["nok"][0]["name"], t["nok"][0]["phone"]])
        S.text([" ".join(map(str, x)) for x in rows])
        sheets.append((sch[0], rows))
    S.put("Housing/Tenancy/scheme_tenancy_list.xlsx", xlsx_bytes(sheets), "structured")
    # short-break staff DBS renewals: staff with their own DOB and address (staff, never subjects)
    rows = [["Staff member", "Role", "Date of birth", "Home address", "Postcode", "Mobile", "DBS number", "Renewal due"]]
    for s in w.sb + w.sb_mgr:
        rows.append([s["name"], s["role"], fdate(s["dob"], "dmy"), s["addr"]["line"], s["addr"]["postcode"], s["phone"],
                     "00%010d" % r.randint(0, 9999999999), fdate(TODAY + dt.timedelta(days=r.randint(10, 300)), "dmy")])
    S.text([" ".join(map(str, x)) for x in rows])
    S.put("ShortBreaks/HR/DBS_renewals_2026.xlsx", xlsx_bytes([("Staff", rows)]), "structured")
    # oxygen delivery schedule
    ox = [t for t in w.tenants if t["oxy"]]
    if ox:
        rows = [["Delivery date", "Engineer", "Surname", "First name", "DOB", "Flat/address", "Cylinders", "Notes"]]
        for t in ox:
            S.dob(t)
            note = " ".join(S.acc(t, "engineer")) if t["access"] and r.random() < 0.5 else r.choice(["No smoking signage checked", near_miss(r, "housing")])
            rows.append([TODAY + dt.timedelta(days=r.randint(1, 20)), r.choice(w.oxy)["name"], t["surname"], t["forename"], fdate(t["dob"], "mon"),
                         t["addr"]["line"], r.randint(1, 4), note])
        S.text([" ".join(map(str, x)) for x in rows] + [t["forename"] + " " + t["surname"] for t in ox])
        S.put("Contractor/Oxygen/delivery_schedule.xlsx", xlsx_bytes([("Deliveries", rows)]), "structured")


def addr_of(s):
    return "%s <%s>" % (s["name"], s["email"])


def gen_email(S):
    w, r = S.w, S.r
    n = 0

    def send(frm, to, cc, subj, body, atts, folder):
        nonlocal n
        n += 1
        m = EmailMessage()
        m["From"] = addr_of(frm)
        m["To"] = ", ".join(addr_of(x) for x in to)
        if cc:
            m["Cc"] = ", ".join(addr_of(x) for x in cc)
        m["Subject"] = subj
        m["Date"] = format_datetime(dt.datetime(2026, 11, r.randint(1, 19), r.randint(8, 18), r.randint(0, 59), tzinfo=dt.timezone.utc))
        m["Message-ID"] = "<%d.%d@share7.invalid>" % (n, r.randint(0, 10 ** 8))
        m.set_content(body)
        for fn, data, mt, st in atts:
            m.add_attachment(data, maintype=mt, subtype=st, filename=fn)
        S.text([m["From"], m["To"], m.get("Cc", ""), subj, body])
        for x in [frm] + to + cc:
            S.corpus.append(x["name"])
        S.put("Mail/%s/%03d_%s.eml" % (folder, n, subj.split(" - ")[0].replace(" ", "_").replace("/", "")[:30]), m.as_bytes(), "structured")

    # HV -> CCN handover with referral pdf
    for p in r.sample([c for c in w.children if c["ccn"]], min(3, len([c for c in w.children if c["ccn"]]))):
        S.dob(p)
        body = "\n".join(["Hi %s," % p["ccn_nurse"]["fn"], "",
                          "Handing over %s (DOB %s, NHS %s) as discussed at the locality meeting." % (nm(p, r.choice(["mid", "full"])), fdate(p["dob"], r.choice(DOB_STYLES)), S.nhs(p) or "not known"),
                          "Mum is %s (%s)." % (p["parents"][0]["name"], p["parents"][0]["phone"])]
                         + (["Access: " + " ".join(S.acc(p))] if p["access"] and r.random() < 0.6 else [near_miss(r, "chs")])
                         + ["", "Thanks,", p["hv"]["name"], "Health Visitor, Brackenmoor"])
        letter = ["Referral summary", "Child: %s  DOB %s" % (nm(p, "full"), fdate(p["dob"], "dmy")), "Diagnosis: %s" % p["condition"], "Referrer: %s" % p["hv"]["name"]]
        send(p["hv"], [p["ccn_nurse"]], [w.ccn[0], r.choice(w.chs_admin)], "CCN handover - %s" % nm(p, "full"), body,
             [("referral_%s.pdf" % fname_of(p), S.letter_bytes(letter, "pdf"), "application", "pdf")], "CHS")
    # broker -> Willowbank with allocation CSV
    kids = r.sample(w.sb_kids, min(8, len(w.sb_kids)))
    rows = [["child_name", "dob", "case_no", "nights_allocated", "social_worker", "broker"]]
    for c in kids:
        S.dob(c)
        rows.append([nm(c, "full"), fdate(c["dob"], "iso"), c["cwd_case"], r.choice([2, 3, 4]), (c["sw"] or w.sw[0])["name"], w.broker[0]["name"]])
    S.text([" ".join(map(str, x)) for x in rows])
    send(w.broker[0], [w.sb_mgr[0]], [w.cwd_mgr[0]] + w.broker[1:], "December allocations - Willowbank",
         "Hi %s,\n\nDecember nights attached. Please confirm by Friday. %s\n\n%s\nShort Breaks Broker\n%s" % (w.sb_mgr[0]["fn"], near_miss(r, "shortbreak"), w.broker[0]["name"], w.broker[0]["phone"]),
         [("dec_allocations.csv", csv_bytes(rows), "text", "csv")], "CWD")
    # careline -> wardens overnight summary
    tens = r.sample([t for t in w.tenants if t["careline"]], min(5, len([t for t in w.tenants if t["careline"]])))
    lines = []
    for t in tens:
        lines.append("- %s, %s flat %d (%d): %s" % (nm(t, r.choice(["title", "REV"])), t["scheme"][0], t["flat"], t["age"], r.choice([
            "pendant activation 03:10, fallen, responder %s attended." % t["nok"][0]["name"], "smoke alarm (toast), reset.",
            "confused, asking for %s late %s, %s informed." % ("her" if t["sex"] == "F" else "his", "husband" if t["sex"] == "F" else "wife", t["nok"][0]["rel"].lower())])))
        if t["access"] and r.random() < 0.5:
            lines.append("   " + " ".join(S.acc(t, "careline")))
    op = r.choice(w.op)
    send(op, w.warden, [w.ec_lead[0], w.op[0]], "Overnight careline summary - %s" % fdate(rdate(r, 1, 10), "dmy"),
         "Morning all,\n\n" + "\n".join(lines) + "\n\n%s\nHeronsgate Careline (night shift)" % op["name"], [], "Housing")
    # H2H coordinator -> volunteer: new client
    for t in r.sample([x for x in w.tenants if x["h2h"]] or w.tenants[:1], min(3, max(1, len([x for x in w.tenants if x["h2h"]])))):
        S.dob(t)
        body = ["Hi %s," % t["vol"]["fn"], "", "New client for you from %s:" % r.choice(["Calderwick General, Ward 7", "Ward C4", "the discharge lounge"]),
                "%s, born %s, %s." % (nm(t, r.choice(["title", "full", "init"])), fdate(t["dob"], r.choice(DOB_STYLES)), t["addr"]["line"]),
                "NOK: %s (%s) %s." % (t["nok"][0]["name"], t["nok"][0]["rel"].lower(), t["nok"][0]["phone"])]
        if t["access"]:
            body.append(" ".join(S.acc(t, "volunteer")))
        body += ["", near_miss(r, "hospital"), "", "Many thanks,", w.h2h_coord[0]["name"], "Home from Hospital Coordinator"]
        send(w.h2h_coord[0], [t["vol"]], [t["warden"]], "New H2H client - %s" % t["scheme"][0], "\n".join(body), [], "H2H")
    # SW -> paediatrician, EHC advice docx attached
    for p in r.sample([c for c in w.children if c["cwd"] and c["sw"]], min(3, len([c for c in w.children if c["cwd"] and c["sw"]]))):
        paed = r.choice(w.paed)
        doc = ["Draft EHC health advice", "%s  born %s" % (nm(p, "mid"), fdate(p["dob"], "long")), "Needs: %s" % p["condition"],
               "Parent: %s" % p["parents"][0]["name"], "Drafted by %s" % paed["name"]]
        S.dob(p)
        send(p["sw"], [paed], [r.choice(w.chs_admin), w.cwd_mgr[0]], "EHC advice request - %s" % p["cwd_case"],
             "Dear Dr %s,\n\nCould you complete the attached health advice for %s by 12 December? Tribunal timescales apply.\n\nRegards\n%s\nSocial Worker, CWD Team\n%s" % (
                 paed["sn"], nm(p, "full"), p["sw"]["name"], p["sw"]["phone"]),
             [("EHC_draft_%s.docx" % fname_of(p), S.letter_bytes(doc, "docx"), "application", "vnd.openxmlformats-officedocument.wordprocessingml.document")], "CWD")
    for t in r.sample([x for x in w.tenants if x["pod"]], min(6, len([x for x in w.tenants if x["pod"]]))):
        idl = ("%s (%s)" % (nm(t, r.choice(["title", "full"])), fdate(t["dob"], r.choice(DOB_STYLES)))) if r.random() < 0.5 else "%s, %d" % (nm(t, "title"), t["age"])
        if "(" in idl:
            S.dob(t)
        body = ["Hi %s," % t["podiatrist"]["fn"], "", "Could you add %s, flat %d %s, to your next round?" % (idl, t["flat"], t["scheme"][0]),
                "%s. GP is Dr %s." % (t["condition"], t["gp"]["name"])]
        if t["access"] and r.random() < 0.5:
            body.append(" ".join(S.acc(t, "warden")))
        else:
            body.append(near_miss(r, "housing"))
        body += ["", "Thanks", t["warden"]["name"], "Scheme Manager, %s" % t["scheme"][0]]
        send(t["warden"], [t["podiatrist"]], [r.choice(w.hsg)], "Podiatry request - %s" % t["scheme"][0], "\n".join(body), [], "Housing")
    # transport coordinator -> drivers and escorts
    kids = r.sample([c for c in w.children if c["cwd"] and c["age"] >= 3], min(6, len([c for c in w.children if c["cwd"] and c["age"] >= 3])))
    body = ["All,", "", "Route changes from Monday:"]
    for c in kids:
        body.append("* %s (%d) - now collected %s from %s; %s" % (nm(c, r.choice(["full", "caps"])), c["age"], r.choice(["07:40", "08:10"]), c["addr"]["line"],
                                                                  r.choice(["new wheelchair, check clamps.", "mum %s will have the medication bag ready." % c["parents"][0]["fn"],
                                                                            near_miss(r, "transport")])))
    body += ["", near_miss(r, "transport"), "", w.transport_coord[0]["name"], "SEN Transport Coordinator"]
    send(w.transport_coord[0], w.drivers + w.escorts[:2], [w.cwd_mgr[0]], "Route changes - week 49", "\n".join(body), [], "Transport")
    # school nurse -> SENCo (staff admin) about a child, xlsx attachment of medical plan
    for p in r.sample([c for c in w.children if c["age"] >= 5], min(2, len([c for c in w.children if c["age"] >= 5]))):
        rows = [["Name", "DOB", "Condition", "Emergency medication", "Parent"], [nm(p, "full"), fdate(p["dob"], "dmy"), p["condition"], "see plan", p["parents"][0]["name"]]]
        S.dob(p)
        S.text([" ".join(map(str, x)) for x in rows])
        send(p["sn"], [r.choice(w.chs_admin)], [p["hv"]], "Healthcare plan - %s" % p["setting"],
             "Hello,\n\nUpdated healthcare plan for %s attached. %s\n\n%s\nSchool Nurse" % (p["forename"], near_miss(r, "school"), p["sn"]["name"]),
             [("IHP_%s.xlsx" % fname_of(p), xlsx_bytes([("Plan", rows)]), "application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")], "CHS")


def gen_fallback(S):
    """Natural cohort lists that also make sure every subject's DOB is written once with the full name."""
    w, r = S.w, S.r
    kids = [c for c in w.children if c["id"] not in w.seen_dob]
    rows = [["Immunisation catch-up cohort (school-aged and pre-school) - vaccinations team"], ["Name", "Date of birth", "Setting", "Vaccine due", "Consent"]]
    for c in kids:
        S.dob(c)
        rows.append([nm(c, r.choice(["full", "mid"])), fdate(c["dob"], "dmy"), c["setting"] or "home", r.choice(["MMR2", "HPV", "MenACWY", "Td/IPV", "4-in-1 pre-school"]),
                     r.choice(["yes", "no reply", "declined"])])
    rows.append(["Checked by %s" % r.choice(w.sn)["name"], "", "", "", ""])
    S.text([" ".join(map(str, x)) for x in rows])
    S.put("SchoolNursing/Immunisations/catch_up_cohort.csv", csv_bytes(rows), "structured")
    tens = [t for t in w.tenants if t["id"] not in w.seen_dob]
    rows = [["Scheme", "Flat", "Tenant", "DOB", "NHS", "GP", "Flu jab", "COVID autumn"]]
    for t in tens:
        S.dob(t)
        rows.append([t["scheme"][0], t["flat"], nm(t, r.choice(["title", "full"])), fdate(t["dob"], r.choice(["dmy", "iso"])), S.nhs(t, 1), "Dr " + t["gp"]["name"],
                     r.choice(["given", "booked", "declined"]), r.choice(["given", "booked", "declined"])])
    S.text([" ".join(map(str, x)) for x in rows])
    S.put("Housing/Wellbeing/vaccination_tracker_autumn26.csv", csv_bytes(rows), "structured")


def main():
    a = sys.argv[1:]
    if len(a) < 2:
        sys.exit(__doc__)
    share, truth = a[0], a[1]
    n = int(a[2]) if len(a) > 2 else 120
    seed = int(a[3]) if len(a) > 3 else 1
    random.seed(seed)  # the e-mail library draws MIME boundaries from the global generator
    w = World(n, seed)
    os.makedirs(share, exist_ok=True)
    S = Share(w, share)
    gen_free_text(S)
    gen_letters(S)
    gen_structured(S)
    gen_email(S)
    gen_fallback(S)
    corpus = "\n".join(S.corpus)
    people = []
    for p in w.people:
        assert p["id"] in w.seen_dob, p
        kinds = sorted(w.access_written.get(p["id"], set()))
        vals = [x["value"] for x in p["access"] if x["kind"] in kinds]
        e = {"forename": p["forename"], "surname": p["surname"], "dob": fdate(p["dob"], "dmy"),
             "nhs_number": p["nhs"] if p["id"] in w.seen_nhs else "", "keysafe_code": "; ".join(vals)}
        if kinds:
            e["access_kind"] = kinds
        if p.get("middle"):
            e["middle_names"] = p["middle"]
        e["group"] = "child" if p["kind"] == "child" else "older tenant"
        e["special_category"] = ["health"]
        if p["kind"] == "tenant":
            e["scheme"] = p["scheme"][0]
        people.append(e)
    import re
    def present(name):
        return re.search(r"(?<![A-Za-z'-])" + re.escape(name) + r"(?![A-Za-z'-])", corpus) is not None
    staff = sorted(s for s in w.staff if present(s))
    related = sorted(q for q in w.related if present(q))
    names = [p["forename"] + " " + p["surname"] for p in w.people]
    assert len(set(names)) == len(names)
    assert not (set(names) & set(staff)) and not (set(names) & set(related)) and not (set(staff) & set(related))
    with open(truth, "w", encoding="utf-8") as f:
        json.dump({"people": people, "staff": staff, "related": related}, f, indent=1, ensure_ascii=False)
    kinds = {}
    for _, k in w.files:
        kinds[k] = kinds.get(k, 0) + 1
    print("files:", len(w.files), "by kind:", kinds, "by ext:", dict(sorted(S.counts.items())), file=sys.stderr)
    print("people:", len(people), "with access:", sum(1 for e in people if e["keysafe_code"]), "with nhs:", sum(1 for e in people if e["nhs_number"]),
          "staff:", len(staff), "related:", len(related), file=sys.stderr)


if __name__ == "__main__":
    main()
