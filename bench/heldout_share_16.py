#!/usr/bin/env python3
"""Held-out breach share 16: a regional community pharmacy group.

Usage: python heldout_share_16.py SHARE TRUTH.json [PEOPLE=120] [SEED=1]

Writes a breach-shaped export folder of Harrowfield & Calder Pharmacy Group
(twelve branches, a hub-and-spoke dispensing hub, a home-delivery service, supply
to care homes and domiciliary-care agencies) and its truth file.  Everything is
invented.  Standard library plus python-docx and openpyxl only; PDF and RTF are
written by hand.  Deterministic from SEED (file bytes too: zip timestamps fixed).
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

import docx
import openpyxl

FIXED = dt.datetime(2026, 11, 30, 9, 0, 0)
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

# ----------------------------------------------------------------- name pools
F_OLD = ["Doreen", "Edna", "Margaret", "Joan", "Brenda", "Irene", "Sheila", "Patricia",
         "Maureen", "Barbara", "Jean", "Valerie", "Eileen", "Sylvia", "Dorothy", "Audrey",
         "Pauline", "Kathleen", "Elsie", "Gwendoline", "Rita", "Hilda", "Winifred", "Lorna",
         "Beryl", "Glenys", "Mavis", "Nora", "Rosemary", "Yvonne", "Shirley", "Hazel",
         "Marjorie", "Agnes", "Bridget", "Parveen", "Kamala", "Halina", "Ngozi", "Siobhan",
         "Christine", "Janet", "Ivy", "Muriel", "Olive", "Thelma"]
M_OLD = ["Harold", "Kenneth", "Derek", "Ronald", "Gordon", "Stanley", "Cyril", "Norman",
         "Leslie", "Dennis", "Clifford", "Arthur", "Bernard", "Raymond", "Walter", "Trevor",
         "Malcolm", "Brian", "Keith", "Alan", "Geoffrey", "Roy", "Eric", "Frank", "Terence",
         "Desmond", "Vernon", "Wilfred", "Clive", "Mohammed", "Rajesh", "Tadeusz", "Emeka",
         "Seamus", "Gareth", "Idris", "Albert", "Herbert", "Donald", "Maurice"]
KIDS_F = ["Lily", "Freya", "Isla", "Amelia", "Maya", "Ruby", "Esme", "Aisha"]
KIDS_M = ["Oliver", "Alfie", "Noah", "Zain", "Theo", "Archie", "Reuben", "Kacper"]
MIDDLE_F = ["May", "Ann", "Elizabeth", "Rose", "Joyce", "Mary", "Louise", "Jane", "Irene", "Kathleen"]
MIDDLE_M = ["James", "John", "William", "Edward", "Thomas", "Arthur", "Patrick", "Lewis", "George"]
SURNAMES = ["Ashworth", "Pollard", "Hebblethwaite", "Greenhalgh", "Sutcliffe", "Ackroyd",
            "Butterworth", "Crossley", "Dewhurst", "Entwistle", "Fairclough", "Garside",
            "Haworth", "Ingham", "Jagger", "Kershaw", "Lumb", "Midgley", "Nuttall", "Ormerod",
            "Pickles", "Quarmby", "Rushworth", "Shackleton", "Thewlis", "Uttley", "Varley",
            "Whiteley", "Yeadon", "Holroyd", "Brearley", "Clegg", "Dobson", "Eastwood",
            "Firth", "Gaukroger", "Hirst", "Illingworth", "Jowett", "Kitson", "Lister",
            "Normanton", "Oldroyd", "Priestley", "Redman", "Schofield", "Tattersall",
            "Wainwright", "Womersley", "O'Donnell", "O'Hara", "McAllister", "McGuinness",
            "Smith-Rowley", "Fitzgerald-Hale", "D'Souza", "Kowalczyk", "Patel", "Begum",
            "Okafor", "Nowak", "Ellis", "Khan", "Mahmood", "Evans", "Pryce-Jones",
            "Brannigan", "Lockwood", "Sowerby", "Tetley", "Dyson", "Ramsden", "Bottomley",
            "Stansfield", "Mellor", "Cockcroft", "Appleyard", "Broadbent", "Hinchliffe",
            "Sunderland", "Wadsworth", "Barraclough", "Horsfall", "Armitage"]
STAFF_F = ["Karen", "Joanne", "Nicola", "Claire", "Sarah", "Helen", "Rachel", "Priya",
           "Amina", "Leanne", "Gemma", "Kirsty", "Fiona", "Zoe", "Hannah", "Lucy", "Bethan",
           "Samina", "Olivia", "Megan", "Tracey", "Dawn"]
STAFF_M = ["Gary", "Darren", "Imran", "Wayne", "Lee", "Stuart", "Mark", "Adeel", "Tom",
           "Craig", "Sanjay", "Ryan", "Paul", "Chris", "Jamal", "Ben", "Owen", "Dean"]
STAFF_SUR = ["Pickup", "Mistry", "Ahmed", "Hussain", "Chowdhury", "Greenwood", "Bamforth",
             "Holt", "Siddiqui", "Rowe", "Fletcher", "Kaur", "Bhatti", "Naylor", "Walsh",
             "Coates", "Sykes", "Hargreaves", "Iqbal", "Tennant", "Royle", "Maqsood",
             "Pearson", "Spencer", "Lord", "Crabtree", "Marsden", "Booth", "Ogden", "Rhodes",
             "Varma", "Nwosu", "Kelleher", "Fairbairn", "Gill", "Stott"]
REL_F = ["Sandra", "Julie", "Susan", "Lorraine", "Debbie", "Angela", "Michelle", "Alison",
         "Jacqueline", "Wendy", "Carol", "Denise", "Rukhsana", "Grace", "Anita", "Lynne"]
REL_M = ["Steven", "Michael", "David", "Philip", "Andrew", "Neil", "Kevin", "Martin",
         "Ian", "Graham", "Shaun", "Tariq", "Colin", "Robert", "Nigel", "Carl"]

STREETS = ["Elm Road", "Kiln Lane", "Bell Lane", "Mercer Street", "Calder Terrace",
           "Brindle Close", "Ravenscar Avenue", "Heath Mount", "Cote Lane", "Mill Fold",
           "Lark Rise", "Tenter Croft", "Sowood Gardens", "Dene View", "Moorside Road",
           "Fountain Street", "Shaw Hill", "Hollins Crescent", "Weavers Court", "Ing Head",
           "Bank Top", "Spring Grove", "Clough Road", "Birch Avenue", "Wharf Street",
           "Crag View", "Stubbing Way", "Chapel Row", "Nook Lane", "Acre Drive"]
TOWNS = ["Harrowfield", "Oakbridge", "Pennock Green", "Stainby", "Wetherden", "Aldmoor",
         "Fellgate", "Sutton Peel"]
BRANCHES = [("HPG01", "Market Street, Harrowfield"), ("HPG02", "Kilnsey Road, Harrowfield"),
            ("HPG03", "Oakbridge"), ("HPG04", "Pennock Green"), ("HPG05", "Stainby"),
            ("HPG06", "Wetherden"), ("HPG07", "Aldmoor"), ("HPG08", "Brackley Cross"),
            ("HPG09", "Fellgate"), ("HPG10", "Morrow Lane"), ("HPG11", "Sutton Peel"),
            ("HPG12", "Threlkeld Park")]
PRACTICES = ["Oakbridge Medical Centre", "Pennock Green Surgery", "Stainby Health Centre",
             "The Aldmoor Practice", "Fellgate Family Doctors", "Morrow Lane Surgery"]
PRACTICE_CODES = ["B84012", "B84027", "B84033", "B84041", "B84058", "B84066"]
CARE_HOMES = [("Larkhill House", ["Bramble", "Heather"]),
              ("St Aidan's Nursing Home", ["Ground floor", "First floor"]),
              ("Willowmere Lodge", ["Rowan", "Beech", "Cedar"])]
AGENCIES = ["Brightside Homecare", "Kindred Home Support"]
HOSPITALS = ["Harrowfield General Hospital", "Oakbridge Royal Infirmary"]
ORG = "Harrowfield & Calder Pharmacy Group"
HUB = "HCPG Dispensing Hub, Unit 4 Brindle Business Park, Harrowfield HF2 6LT"

MEDS_OLD = ["Amlodipine 5mg tablets", "Atorvastatin 20mg tablets", "Ramipril 2.5mg capsules",
            "Metformin 500mg tablets", "Bisoprolol 2.5mg tablets", "Apixaban 5mg tablets",
            "Furosemide 40mg tablets", "Lansoprazole 30mg capsules", "Levothyroxine 50mcg tablets",
            "Donepezil 10mg tablets", "Sertraline 50mg tablets", "Co-codamol 30/500 tablets",
            "Alendronic acid 70mg tablets", "Adcal-D3 chewable tablets", "Tamsulosin 400mcg capsules",
            "Latanoprost 50mcg/ml eye drops", "Salbutamol 100mcg inhaler", "Fostair 100/6 inhaler",
            "Gliclazide 80mg tablets", "Mirtazapine 15mg tablets", "Senna 7.5mg tablets",
            "Paracetamol 500mg tablets", "Doxazosin 4mg tablets", "Edoxaban 60mg tablets"]
MEDS_CD = ["Morphine sulfate 10mg/5ml oral solution", "Oxycodone 5mg capsules",
           "Zomorph 10mg capsules", "Buprenorphine 10micrograms/hour patches",
           "Fentanyl 25micrograms/hour patches", "Pregabalin 75mg capsules"]
MEDS_KID = ["Amoxicillin 250mg/5ml oral suspension", "Paracetamol 120mg/5ml oral suspension",
            "Ibuprofen 100mg/5ml oral suspension", "Salbutamol 100mcg inhaler with spacer",
            "Movicol Paediatric Plain sachets", "Clarithromycin 125mg/5ml oral suspension",
            "Beclometasone 50mcg inhaler"]
CONDITIONS = ["hypertension", "type 2 diabetes", "atrial fibrillation", "heart failure",
              "COPD", "osteoporosis", "hypothyroidism", "Alzheimer's disease", "osteoarthritis",
              "Parkinson's disease", "chronic kidney disease stage 3", "depression"]


# ----------------------------------------------------------------- helpers
def nhs_number(rng, used):
    while True:
        d = [rng.choice([4, 6])] + [rng.randrange(10) for _ in range(8)]
        s = sum(x * (10 - i) for i, x in enumerate(d))
        c = 11 - s % 11
        if c == 11:
            c = 0
        if c == 10:
            continue
        n = "".join(map(str, d)) + str(c)
        if n not in used:
            used.add(n)
            return n


def nhs_sp(n):
    return f"{n[:3]} {n[3:6]} {n[6:]}"


def d_slash(d):
    return d.strftime("%d/%m/%Y")


def d_iso(d):
    return d.isoformat()


def d_long(d):
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def d_mon(d):
    return f"{d.day:02d}-{MONTHS[d.month - 1][:3]}-{d.year}"


def d_hl7(d):
    return d.strftime("%Y%m%d")


def d_dots(d):
    return d.strftime("%d.%m.%Y")


def phone(rng):
    return f"07700 900{rng.randrange(1000):03d}"


class Person:
    pass


class World:
    def __init__(self, n, seed):
        self.rng = random.Random(seed)
        self.seed = seed
        self.n = n
        self.used_nhs = set()
        self.covered = set()          # person ids with full name + DOB/NHS in one record
        self.access = {}              # pid -> {"kinds": set, "code":..., "hidden":..., "holder":..., "open":...}
        self.staff = []               # names
        self.related = []             # names
        self.files = []
        self.build_staff()
        self.build_people()

    # ----- staff
    def new_staff(self, role, female=None, surname=None, title=""):
        rng = self.rng
        if female is None:
            female = rng.random() < 0.6
        while True:
            f = rng.choice(STAFF_F if female else STAFF_M)
            s = surname or rng.choice(STAFF_SUR)
            name = f"{f} {s}"
            if name not in self.staff:
                break
            surname = None
        self.staff.append(name)
        st = Person()
        st.forename, st.surname, st.role, st.female, st.title = f, s, role, female, title
        st.name = name
        st.init = f"{f[0]}. {s}"
        return st

    def build_staff(self):
        rng = self.rng
        self.pharmacists = [self.new_staff("pharmacist") for _ in range(12)]
        self.techs = [self.new_staff("technician") for _ in range(8)]
        self.drivers = [self.new_staff("driver", female=rng.random() < 0.3) for _ in range(6)]
        self.locums = [self.new_staff("locum pharmacist") for _ in range(4)]
        self.gps = {p: [self.new_staff("GP", title="Dr") for _ in range(2)] for p in PRACTICES}
        self.receptionists = {p: self.new_staff("GP receptionist", female=True) for p in PRACTICES}
        self.agency_mgr = {a: self.new_staff("care agency manager") for a in AGENCIES}
        self.agency_carers = {a: [self.new_staff("carer") for _ in range(3)] for a in AGENCIES}
        self.home_mgr = {h[0]: self.new_staff("care home manager") for h in CARE_HOMES}
        self.home_nurse = {h[0]: self.new_staff("nurse") for h in CARE_HOMES}
        self.hosp_pharm = {h: self.new_staff("hospital pharmacist") for h in HOSPITALS}
        self.consultants = {h: self.new_staff("consultant", title="Dr") for h in HOSPITALS}
        self.head_office = {r: self.new_staff(r) for r in
                            ["superintendent pharmacist", "customer services lead",
                             "data protection officer", "delivery manager", "hub manager"]}
        self.cs_agents = [self.new_staff("customer services adviser") for _ in range(3)]
        self.branch_rp = {b[0]: self.pharmacists[i] for i, b in enumerate(BRANCHES)}

    # ----- people
    def build_people(self):
        rng = self.rng
        n = self.n
        people = []
        names_used = set()
        kinds = (["home"] * 70 + ["carehome"] * 14 + ["moved"] * 5 + ["died"] * 5 + ["child"] * 6)
        for i in range(n):
            p = Person()
            p.id = i
            p.setting = kinds[i % len(kinds)] if i < len(kinds) else rng.choice(kinds)
            people.append(p)
        rng.shuffle(people)
        for i, p in enumerate(people):
            p.id = i
        self.people = people
        period_start = dt.date(2026, 9, 1)
        for p in people:
            child = p.setting == "child"
            p.female = rng.random() < (0.5 if child else 0.62)
            if child:
                p.dob = dt.date(2026, 1, 1) - dt.timedelta(days=rng.randrange(365, 365 * 13))
            else:
                p.dob = dt.date(1960, 1, 1) - dt.timedelta(days=rng.randrange(0, 365 * 40))
            for _ in range(200):
                if child:
                    f = rng.choice(KIDS_F if p.female else KIDS_M)
                else:
                    f = rng.choice(F_OLD if p.female else M_OLD)
                s = rng.choice(SURNAMES)
                if (f, s) not in names_used:
                    break
            names_used.add((f, s))
            p.forename, p.surname = f, s
            p.middle = ""
            if rng.random() < 0.3:
                p.middle = rng.choice(MIDDLE_F if p.female else MIDDLE_M)
            if child:
                p.title = "Miss" if p.female else "Master"
            else:
                p.title = rng.choice(["Mrs", "Mrs", "Miss", "Ms"]) if p.female else "Mr"
            p.nhs = nhs_number(rng, self.used_nhs)
            p.branch = rng.choice(BRANCHES)
            pi = rng.randrange(len(PRACTICES))
            p.practice, p.practice_code = PRACTICES[pi], PRACTICE_CODES[pi]
            p.gp = rng.choice(self.gps[p.practice])
            p.pmr = f"{p.branch[0][3:]}{rng.randrange(10000, 99999)}"
            p.acct = ""
            p.house = str(rng.randrange(1, 140))
            p.street = rng.choice(STREETS)
            p.town = rng.choice(TOWNS)
            p.postcode = f"HF{rng.randrange(1, 9)} {rng.randrange(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
            p.phone = phone(rng)
            meds = MEDS_KID if child else MEDS_OLD
            p.meds = rng.sample(meds, rng.randrange(1, 3) if child else rng.randrange(3, 8))
            p.cd = (not child) and rng.random() < 0.25
            if p.cd:
                p.meds.append(rng.choice(MEDS_CD))
            p.conditions = [] if child else rng.sample(CONDITIONS, rng.randrange(1, 4))
            p.carehome, p.unit, p.room = None, None, None
            p.moved_date = p.died_date = None
            if p.setting in ("carehome", "moved"):
                h = rng.choice(CARE_HOMES)
                p.carehome, p.unit, p.room = h[0], rng.choice(h[1]), str(rng.randrange(1, 40))
            if p.setting == "moved":
                p.moved_date = period_start + dt.timedelta(days=rng.randrange(20, 70))
            if p.setting == "died":
                p.died_date = period_start + dt.timedelta(days=rng.randrange(25, 80))
            p.delivered = p.setting in ("home", "moved", "died") and rng.random() < 0.8
            if p.delivered:
                p.acct = f"HD-{rng.randrange(20000, 29999)}"
            p.agency = rng.choice(AGENCIES) if p.setting == "home" and rng.random() < 0.3 else None
            p.mds = (not child) and p.setting != "carehome" and rng.random() < 0.4
            # contact: relative (related person)
            rf = rng.random() < 0.6
            cf = rng.choice(REL_F if rf else REL_M)
            if child:
                rel = "mother" if rf else "father"
                cs = p.surname if rng.random() < 0.8 else rng.choice(SURNAMES)
            else:
                rel = rng.choice(["daughter", "son", "niece", "nephew", "wife" if not p.female else "husband",
                                  "daughter-in-law", "friend"]) if rf or True else "son"
                if rel in ("son", "nephew", "husband") and rf:
                    rel = "daughter"
                if rel in ("daughter", "niece", "wife", "daughter-in-law") and not rf:
                    rel = "son"
                cs = p.surname if rel in ("son", "wife", "husband") or rng.random() < 0.4 else rng.choice(SURNAMES)
            p.contact = f"{cf} {cs}"
            p.contact_rel = rel
            p.contact_phone = phone(rng)
            p.prev_surname = None
        # households: couples at one address, both customers
        home = [p for p in people if p.setting == "home"]
        pairs = 0
        i = 0
        while pairs < max(1, n // 18) and i + 1 < len(home):
            a, b = home[i], home[i + 1]
            i += 2
            if a.female == b.female:
                continue
            b.surname = a.surname
            b.house, b.street, b.town, b.postcode = a.house, a.street, a.town, a.postcode
            b.branch, b.practice, b.practice_code, b.gp = a.branch, a.practice, a.practice_code, a.gp
            b.pmr = f"{b.branch[0][3:]}{b.pmr[2:]}"
            b.delivered = a.delivered
            b.acct = a.acct  # one delivery account per household
            b.agency = a.agency
            b.title = "Mr" if not b.female else "Mrs"
            a.title = "Mr" if not a.female else "Mrs"
            a.partner, b.partner = b, a
            pairs += 1
        for p in people:
            if not hasattr(p, "partner"):
                p.partner = None
        # a same-name pair (unrelated, different DOB, different branch)
        adults = [p for p in people if p.setting != "child" and p.partner is None]
        if len(adults) >= 4:
            a, b = adults[0], adults[3]
            b.forename, b.surname, b.female = a.forename, a.surname, a.female
            if b.middle:
                b.middle = rng.choice(MIDDLE_F if b.female else MIDDLE_M)
            b.title = a.title if a.title != "Mrs" else "Mrs"
            if b.branch == a.branch:
                b.branch = BRANCHES[(BRANCHES.index(a.branch) + 5) % 12]
            self.same_name = (a, b)
        else:
            self.same_name = None
        # previous (maiden / earlier married) names
        for p in [q for q in adults if q.female and q is not (self.same_name or (None,))[0]
                  and q is not (self.same_name or (None, None))[1]][5:8]:
            p.prev_surname = rng.choice([s for s in SURNAMES if s != p.surname])
        # staff sharing surnames with customers
        for k, st in enumerate([self.techs[0], self.drivers[1], self.pharmacists[5]]):
            if k < len(people):
                cust = people[(k * 7 + 3) % len(people)]
                old = st.name
                st.surname = cust.surname
                st.name = f"{st.forename} {st.surname}"
                st.init = f"{st.forename[0]}. {st.surname}"
                self.staff[self.staff.index(old)] = st.name
        # access profiles (own home only)
        for p in people:
            p.profile = None
            if p.setting != "home" or not (p.delivered or p.agency):
                continue
            if p.partner is not None and p.partner.id < p.id and p.partner.profile is not None:
                p.profile = p.partner.profile    # one home, one way in
                continue
            if rng.random() < 0.58:
                p.profile = self.make_profile(p)
        # accounts to numbers for children: parent named
        for p in people:
            p.age = (dt.date(2026, 11, 1) - p.dob).days // 365

    def make_profile(self, p):
        rng = self.rng
        r = rng.random()
        prof = {"kinds": []}
        if r < 0.45:
            prof["kinds"] = ["code"]
        elif r < 0.6:
            prof["kinds"] = ["hidden_key"]
        elif r < 0.75:
            prof["kinds"] = ["key_holder"]
        elif r < 0.85:
            prof["kinds"] = ["left_open"]
        elif r < 0.95:
            prof["kinds"] = ["code", "key_holder"]
        else:
            prof["kinds"] = ["hidden_key", "key_holder"]
        code = rng.choice([f"{rng.randrange(10000):04d}", f"{rng.randrange(10000):04d}",
                           f"{rng.randrange(1000, 9999)}", f"C{rng.randrange(1000, 9999)}X",
                           f"{rng.randrange(100000):05d}"])
        prof["code"] = code
        prof["ks_where"] = rng.choice(["left of the front door", "by the back door", "on the garage wall",
                                       "behind the drainpipe at the side", "in the porch", "next to the meter box",
                                       "right of the kitchen door", "by the side gate"])
        prof["hidden"] = rng.choice(["under the green plant pot by the back door",
                                     "in the meter box (front of house)",
                                     "on a string behind the letterbox",
                                     "under the stone frog by the step",
                                     "under the mat at the back door",
                                     "in the coal bunker, left side",
                                     "in the bird box on the shed",
                                     "inside the gas meter cupboard"])
        prof["holder_rel"] = rng.choice(["neighbour", "neighbour", "niece", "friend from church", "warden",
                                         "son", "daughter"])
        hf = {"niece": True, "daughter": True, "son": False}.get(prof["holder_rel"], rng.random() < 0.5)
        hn = f"{rng.choice(REL_F if hf else REL_M)} {rng.choice(SURNAMES + STAFF_SUR)}"
        prof["holder"] = hn
        if prof["holder_rel"] in ("son", "daughter"):
            prof["holder"] = f"{hn.split()[0]} {p.surname}"
        prof["holder_no"] = str(int(p.house) + rng.choice([-2, 2, 1, -1, 4])) if int(p.house) > 4 else "12"
        prof["open"] = rng.choice(["door on the latch", "back door left unlocked", "front door open",
                                   "porch door unlocked"])
        return prof

    # ----- access writing and tracking
    def note_access(self, p, kind):
        a = self.access.setdefault(p.id, {"kinds": set()})
        a["kinds"].add(kind)
        if p.partner is not None and p.partner.profile is p.profile:
            b = self.access.setdefault(p.partner.id, {"kinds": set()})
            b["kinds"].add(kind)

    def access_text(self, p, style=None, kinds=None):
        """Return a way-in line for p's home, record what it gives."""
        rng = self.rng
        prof = p.profile
        if prof is None:
            return ""
        kinds = kinds or prof["kinds"]
        parts = []
        for k in kinds:
            if k == "code":
                c, w = prof["code"], prof["ks_where"]
                parts.append(rng.choice([
                    f"Key safe {w}, code {c}",
                    f"KS {c} ({w})",
                    f"keysafe {w} - {c}",
                    f"Key in key safe, code {c}. Please put key back and scramble the numbers",
                    f"Access: key box {w}, combination {c}",
                    f"key safe no. {c}",
                    f"Use key safe - {' '.join(c)}",
                    f"Lockbox {c} {w}",
                ]))
                self.note_access(p, "code")
            elif k == "hidden_key":
                h = prof["hidden"]
                parts.append(rng.choice([
                    f"Spare key {h}",
                    f"Key is kept {h}",
                    f"If no answer key {h} - let yourself in and shout",
                    f"Key {h}",
                    f"She leaves the key {h} for us",
                ]))
                self.note_access(p, "hidden_key")
            elif k == "key_holder":
                hn, rel, no = self.rel(prof["holder"]), prof["holder_rel"], prof["holder_no"]
                if rel == "neighbour":
                    parts.append(rng.choice([
                        f"Neighbour at no. {no} ({hn}) has a key",
                        f"Key with no. {no} - ask for {hn.split()[0]}",
                        f"If no answer, {hn} at number {no} holds a spare key",
                        f"Key holder: {hn} (neighbour, {no} {p.street})",
                    ]))
                else:
                    parts.append(rng.choice([
                        f"Key holder: {hn} ({rel}) {phone(rng)}",
                        f"{rel.capitalize()} {hn} holds a key - ring {phone(rng)} if no answer",
                        f"{hn} ({rel}) has a key and will let you in",
                    ]))
                self.note_access(p, "key_holder")
            elif k == "left_open":
                parts.append(rng.choice([
                    "Door on the latch - go straight in and shout hello",
                    "Back door left unlocked for us, walk in, he can't get to the door",
                    "Let yourself in, front door open in the day",
                    "Porch door unlocked on delivery days - push hard",
                    "Just push the door, it's left open for the carers",
                ]))
                self.note_access(p, "left_open")
                for q in [p] + ([p.partner] if p.partner is not None and p.partner.profile is p.profile else []):
                    self.access[q.id].setdefault("open_text", parts[-1])
        return ". ".join(parts)

    def safe_place(self):
        return self.rng.choice([
            "Safe place: porch (parcels only - no access)", "Leave with no. 12 if out",
            "Safe place: behind the wheelie bin", "Ring bell and wait - slow on stairs",
            "Knock loudly, hard of hearing", "Dog in garden - ring ahead",
            "Do not leave - signature required", "Customer collects if missed",
            "Key safe being fitted by council next week - no code yet",
            "Ring ahead, uses a walking frame", "Leave in blue storage box by front door",
        ])

    def rel(self, name):
        if name not in self.related:
            self.related.append(name)
        return name

    def cover(self, p):
        self.covered.add(p.id)


# ----------------------------------------------------------------- writers
def _fixed_core(name, data):
    if name == "docProps/core.xml":
        data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)", rb"\g<1>2026-11-30T09:00:00Z\2", data)
    return data


def fix_zip(path):
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, _fixed_core(i.filename, z.read(i.filename))) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            zi = zipfile.ZipInfo(name, date_time=(2026, 11, 30, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


def fix_zip_bytes(data):
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for i in src.infolist():
            zi = zipfile.ZipInfo(i.filename, date_time=(2026, 11, 30, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, _fixed_core(i.filename, src.read(i.filename)))
    return out.getvalue()


def new_doc():
    d = docx.Document()
    cp = d.core_properties
    cp.created = FIXED
    cp.modified = FIXED
    cp.last_modified_by = "HCPG"
    cp.author = "HCPG"
    return d


def doc_bytes(d):
    b = io.BytesIO()
    d.save(b)
    return fix_zip_bytes(b.getvalue())


def new_wb():
    wb = openpyxl.Workbook()
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.properties.creator = "HCPG"
    return wb


def wb_save(wb, path):
    wb.save(path)
    fix_zip(path)


def pdf_escape(s):
    s = s.encode("latin-1", "replace").decode("latin-1")
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


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


def write_pdf(path, lines):
    flat = []
    for ln in lines:
        flat.extend(wrap(ln) if ln else [""])
    pages = [flat[i:i + 56] for i in range(0, len(flat), 56)] or [[""]]
    objs = {}
    objs[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objs[3] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    kids = []
    num = 4
    for pg in pages:
        content = ["BT /F1 10 Tf 13 TL 56 790 Td"]
        for ln in pg:
            content.append(f"({pdf_escape(ln)}) Tj T*")
        content.append("ET")
        stream = "\n".join(content).encode("latin-1")
        objs[num + 1] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
        objs[num] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (num + 1))
        kids.append(num)
        num += 2
    objs[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join(f"{k} 0 R" for k in kids).encode(), len(kids))
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for k in sorted(objs):
        offsets[k] = out.tell()
        out.write(b"%d 0 obj\n" % k + objs[k] + b"\nendobj\n")
    xref = out.tell()
    n = max(objs) + 1
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % n)
    for k in range(1, n):
        out.write(b"%010d 00000 n \n" % offsets[k])
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (n, xref))
    with open(path, "wb") as f:
        f.write(out.getvalue())


def rtf_escape(s):
    o = []
    for ch in s:
        if ch in "\\{}":
            o.append("\\" + ch)
        elif ord(ch) > 127:
            o.append("\\'%02x" % ord(ch.encode("cp1252", "replace")))
        else:
            o.append(ch)
    return "".join(o)


def write_rtf(path, lines):
    body = "\\par\n".join(rtf_escape(x) for x in lines)
    txt = ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\n"
           "\\viewkind4\\uc1\\pard\\f0\\fs22 " + body + "\\par\n}\n")
    with open(path, "w", encoding="ascii", newline="\n") as f:
        f.write(txt)


def write_text(path, text, crlf=False):
    with open(path, "w", encoding="utf-8", newline="\r\n" if crlf else "\n") as f:
        f.write(text)


def csv_text(rows, delim=","):
    b = io.StringIO()
    w = csv.writer(b, delimiter=delim, lineterminator="\r\n")
    for r in rows:
        w.writerow(r)
    return b.getvalue()


def write_csv(path, rows, delim=","):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(csv_text(rows, delim))


# ----------------------------------------------------------------- name and date shapes
def full(p):
    return f"{p.forename} {p.surname}"


def full_mid(p):
    return f"{p.forename} {p.middle} {p.surname}" if p.middle else full(p)


def titled(p):
    return f"{p.title} {full(p)}"


def label(p):
    return f"{p.title} {p.forename[0]} {p.surname.upper()}"


def sur_first(p):
    return f"{p.surname.upper()}, {p.forename}"


def sur_first_init(p):
    return f"{p.surname}, {p.forename}" + (f" {p.middle[0]}." if p.middle else "")


def fore_upper_sur(p):
    return f"{p.forename} {p.surname.upper()}"


def his(p):
    return "her" if p.female else "his"


def he(p):
    return "she" if p.female else "he"


def address(p):
    return f"{p.house} {p.street}, {p.town}"


def dob_any(rng, p):
    return rng.choice([d_slash, d_long, d_mon, d_iso, d_dots])(p.dob)


def rdate(rng, a, b):
    return a + dt.timedelta(days=rng.randrange((b - a).days + 1))


def alive_at_home(p, day):
    if p.setting not in ("home", "moved", "died"):
        return False
    if p.moved_date and day >= p.moved_date:
        return False
    if p.died_date and day >= p.died_date:
        return False
    return True


class Share:
    def __init__(self, world, root):
        self.w = world
        self.rng = world.rng
        self.root = root
        self.count = {}

    def path(self, rel):
        full_path = os.path.join(self.root, rel)
        os.makedirs(os.path.dirname(full_path), exist_ok=True)
        ext = os.path.splitext(rel)[1].lower()
        self.count[ext] = self.count.get(ext, 0) + 1
        return full_path

    def contact(self, p):
        return self.w.rel(p.contact)

    def pick(self, pool, k):
        pool = list(pool)
        return self.rng.sample(pool, min(k, len(pool)))

    # ------------------------------------------------------------- PMR exports
    def pmr_exports(self):
        w, rng = self.w, self.rng
        for bi, (bcode, bname) in enumerate(BRANCHES[:8]):
            pts = sorted([p for p in w.people if p.branch[0] == bcode], key=lambda p: p.pmr)
            if not pts:
                continue
            v = bi % 4
            tag = bname.split(",")[0].replace(" ", "")
            if v == 0:
                rows = [["PMR No", "Title", "Surname", "Forename", "Middle name(s)", "Previous surname", "DOB",
                         "NHS No", "Address", "Postcode", "Usual GP", "Practice", "Delivery acct", "Rep / carer",
                         "Flags"]]
                for p in pts:
                    flags = []
                    if p.mds:
                        flags.append("MDS weekly")
                    if p.died_date:
                        flags.append(f"Deceased {d_slash(p.died_date)}")
                    if p.moved_date:
                        flags.append(f"Moved to {p.carehome} {d_slash(p.moved_date)}")
                    if p.carehome and not p.moved_date:
                        flags.append(f"Care home: {p.carehome}")
                    rows.append([p.pmr, p.title, p.surname, p.forename, p.middle, p.prev_surname or "",
                                 d_slash(p.dob), nhs_sp(p.nhs), f"{p.house} {p.street}", p.postcode,
                                 f"Dr {p.gp.name}", p.practice, p.acct,
                                 f"{self.contact(p)} ({p.contact_rel})", "; ".join(flags)])
                    w.cover(p)
                write_csv(self.path(f"Branches/{bcode} {tag}/PMR patient list export {bcode}.csv"), rows)
            elif v == 1:
                rows = [["Patient Name", "D.O.B.", "NHS Number", "Item", "Qty", "Last dispensed", "Prescriber",
                         "Surgery", "Collect/Deliver"]]
                for p in pts:
                    for m in p.meds:
                        rows.append([sur_first_init(p), d_mon(p.dob), p.nhs, m, rng.choice([28, 56, 84, 100]),
                                     d_slash(rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 11, 25))),
                                     f"Dr {p.gp.init}", p.practice, "Deliver" if p.delivered else "Collect"])
                    w.cover(p)
                write_csv(self.path(f"Branches/{bcode} {tag}/dispensing history Sep-Nov.csv"), rows)
            elif v == 2:
                wb = new_wb()
                ws = wb.active
                ws.title = "Patients"
                ws.append([f"{ORG} - {bname} - patient medication records - printed 28/11/2026"])
                ws.append(["Patient ID", "Patient name", "Date of birth", "NHS number", "Address", "Postcode",
                           "Registered GP", "Nominated", "Compliance aid", "Notes"])
                for p in pts:
                    note = ""
                    if p.died_date:
                        note = "RIP - notified by family"
                    elif p.setting == "child":
                        note = f"Parent: {self.contact(p)}"
                    ws.append([p.pmr, full_mid(p), d_iso(p.dob), nhs_sp(p.nhs), address(p), p.postcode,
                               f"Dr {p.gp.forename} {p.gp.surname}", "Y", "Dosette (MDS)" if p.mds else "", note])
                    w.cover(p)
                ws2 = wb.create_sheet("Repeats")
                ws2.append(["Patient ID", "Surname", "Item", "Due"])
                for p in pts:
                    for m in p.meds[:2]:
                        ws2.append([p.pmr, p.surname.upper(), m, d_slash(rdate(rng, dt.date(2026, 11, 20), dt.date(2026, 12, 20)))])
                wb_save(wb, self.path(f"Branches/{bcode} {tag}/PMR extract {bcode}.xlsx"))
            else:
                rows = [["Patient ID", "Name", "Born", "NHS no", "Postcode", "Practice", "Exemption", "Delivery"]]
                for p in pts:
                    rows.append([p.pmr, f"{p.title} {fore_upper_sur(p)}", d_dots(p.dob), p.nhs, p.postcode,
                                 p.practice_code, rng.choice(["A (60+)", "A (60+)", "B (under 16)" if p.setting == "child" else "F (MedEx)", "paid", "PPC"]),
                                 p.acct or "-"])
                    w.cover(p)
                write_csv(self.path(f"Branches/{bcode} {tag}/{bcode}_patients_{w.seed}.csv"), rows, delim=";")

    # ------------------------------------------------------------- delivery
    def run_sheets(self):
        w, rng = self.w, self.rng
        delivered = [p for p in w.people if p.delivered]
        profiled = [p for p in delivered if p.profile is not None]
        rng.shuffle(profiled)
        n_sheets = 8
        assign = [[] for _ in range(n_sheets)]
        for i, p in enumerate(profiled):
            if i % 3 != 2:   # two thirds of homes with a way in appear on a run sheet
                assign[i % n_sheets].append(p)
        self.app_only = [p for i, p in enumerate(profiled) if i % 3 == 2]
        for si in range(n_sheets):
            day = dt.date(2026, 10, 5) + dt.timedelta(days=si * 6 + rng.randrange(3))
            drv = w.drivers[si % len(w.drivers)]
            stops = [p for p in assign[si] if alive_at_home(p, day)]
            others = [p for p in delivered if p not in stops and alive_at_home(p, day) and p.profile is None]
            stops += self.pick(others, rng.randrange(5, 9))
            rng.shuffle(stops)
            shape = [label, sur_first, full, titled][si % 4]
            header = ["Stop", "Acct", "Customer", "Address", "Postcode", "Bags", "CD/Sig", "Fridge",
                      "Delivery notes", "Time", "Signed"]
            rows = []
            seen = set()
            for k, p in enumerate(stops):
                key = p.acct
                note = ""
                if p.profile is not None:
                    note = w.access_text(p)
                elif rng.random() < 0.5:
                    note = w.safe_place()
                if key in seen:
                    continue
                seen.add(key)
                name = shape(p)
                if p.partner is not None and p.partner.acct == p.acct:
                    name = f"{name} & {p.partner.forename}" if shape is full else f"{name} (+{p.partner.title} {p.partner.surname})"
                rows.append([k + 1, p.acct, name, f"{p.house} {p.street}", p.postcode,
                             rng.randrange(1, 4), "CD - SIG REQ" if p.cd else "",
                             "F" if rng.random() < 0.1 else "", note, "", ""])
            title = f"HCPG Home Delivery - run sheet - Van {si % 4 + 1} - {drv.name} - {day.strftime('%a %d/%m/%Y')}"
            foot = [["Key: CD = controlled drug, signature required. F = fridge line (cool bag)."],
                    [rng.choice([f"Van {si % 4 + 1} key lock box at hub: {rng.randrange(1000, 9999)}",
                                 "Return unsigned CDs to hub cage, do not leave in van",
                                 f"Hub cage code changed to {rng.randrange(1000, 9999)} from Monday",
                                 "Parcel locker returns: Co-op Fellgate, locker 14"])]]
            if si < 6:
                wb = new_wb()
                ws = wb.active
                ws.title = "Run"
                ws.append([title])
                ws.append(header)
                for r in rows:
                    ws.append(r)
                ws.append([])
                for f in foot:
                    ws.append(f)
                wb_save(wb, self.path(f"Delivery/Run sheets/run_{day.isoformat()}_van{si % 4 + 1}.xlsx"))
            else:
                write_csv(self.path(f"Delivery/Run sheets/runsheet {day.strftime('%d%m%y')} {drv.forename}.csv"),
                          [[title], header] + rows + [[]] + foot)

    def app_exports(self):
        w, rng = self.w, self.rng
        delivered = [p for p in w.people if p.delivered]
        halves = [self.app_only[0::2], self.app_only[1::2]]
        for ai in range(2):
            day = dt.date(2026, 11, 10) + dt.timedelta(days=ai * 9)
            drv = w.drivers[(ai + 2) % len(w.drivers)]
            stops = [p for p in halves[ai] if alive_at_home(p, day)]
            # a few more with a way in appear a second time, in the app's words
            stops += self.pick([p for p in delivered if p.profile is not None and p not in stops and alive_at_home(p, day)], 4)
            stops += self.pick([p for p in delivered if p.profile is None and alive_at_home(p, day)], 6)
            rng.shuffle(stops)
            out = []
            for k, p in enumerate(stops):
                stop = {
                    "stopId": f"S{day.strftime('%m%d')}-{k + 1:02d}",
                    "account": p.acct,
                    "customer": {"firstName": p.forename if ai == 0 else p.forename.lower(),
                                 "lastName": p.surname if ai == 0 else p.surname.lower(),
                                 "title": p.title},
                    "address": {"line1": f"{p.house} {p.street}", "town": p.town, "postcode": p.postcode},
                    "phone": p.phone,
                    "accessNotes": w.access_text(p) if p.profile is not None else (w.safe_place() if rng.random() < 0.4 else ""),
                    "items": [{"description": m, "cd": m in MEDS_CD} for m in p.meds[:3]],
                    "requiresSignature": bool(p.cd),
                    "status": rng.choice(["DELIVERED", "DELIVERED", "DELIVERED", "FAILED"]),
                    "pod": {"signedBy": rng.choice([f"{p.forename[0]} {p.surname}", "customer", "carer",
                                                   f"{self.contact(p).split()[0]} ({p.contact_rel})"]),
                            "time": f"{day.isoformat()}T{rng.randrange(9, 17):02d}:{rng.randrange(60):02d}:00Z"},
                }
                out.append(stop)
            doc = {"export": {"app": "DropRoute Pharmacy", "version": "4.12.1", "generated": f"{day.isoformat()}T18:02:11Z",
                              "depot": "HCPG Hub", "driver": {"name": drv.name, "vehicle": f"Van {ai + 2}"}},
                   "route": out}
            with open(self.path(f"Delivery/App exports/droproute_{day.isoformat()}.json"), "w") as f:
                json.dump(doc, f, indent=2)

    def failed_log(self):
        w, rng = self.w, self.rng
        delivered = [p for p in w.people if p.delivered]
        rows = [["Date", "Account", "Surname", "Address", "Reason", "Card left", "Driver", "Action"]]
        for p in self.pick(delivered, 14):
            day = rdate(rng, dt.date(2026, 9, 7), dt.date(2026, 11, 27))
            rows.append([d_slash(day), p.acct, p.surname, f"{p.house} {p.street}",
                         rng.choice(["No answer", "No answer - curtains closed", "Wrong address on label",
                                     "Customer in hospital", "No safe place for CD", "Refused - already had"]),
                         rng.choice(["Y", "Y", "N"]), rng.choice(w.drivers).forename,
                         rng.choice(["Re-deliver tomorrow", "Rang daughter", "Returned to branch",
                                     "Key safe fitted but no code on file - rang family, no reply"])])
        for p in [q for q in w.people if q.delivered and (q.moved_date or q.died_date)]:
            ev = p.moved_date or p.died_date
            code = f"{rng.randrange(10000):04d}"
            why = (f"Moved into {p.carehome} {d_slash(p.moved_date)} - house empty, old key safe ({code}) to be removed by family"
                   if p.moved_date else
                   f"Customer passed away {d_slash(p.died_date)}. {p.contact_rel.capitalize()} clearing house, says key safe {code} coming off")
            rows.append([d_slash(ev + dt.timedelta(days=2)), p.acct, p.surname, f"{p.house} {p.street}", why, "N",
                         rng.choice(w.drivers).forename, "Account closed"])
        write_csv(self.path("Delivery/failed deliveries log Q3-Q4.csv"), rows)

    def driver_notes(self):
        w, rng = self.w, self.rng
        for di in range(5):
            drv = w.drivers[di % len(w.drivers)]
            day = dt.date(2026, 9, 14) + dt.timedelta(days=di * 15 + rng.randrange(4))
            if di == 2:
                day = dt.date(2026, 11, 26)
            pool = [p for p in w.people if p.delivered and alive_at_home(p, day)]
            ps = self.pick(pool, rng.randrange(4, 7))
            lines = [f"Driver notes {drv.forename} {day.strftime('%d/%m')}", ""]
            for k, p in enumerate(ps):
                who = rng.choice([f"{p.title} {p.surname}", titled(p), f"{p.forename} {p.surname}", f"acct {p.acct}"])
                if p.profile is not None and rng.random() < 0.7:
                    a = w.access_text(p, kinds=[rng.choice(p.profile["kinds"])])
                    lines.append(f"{who} ({p.house} {p.street}) - no answer at first. {a}. Left meds on kitchen table, "
                                 f"note on top. All locked up after.")
                elif p.cd:
                    lines.append(f"{who} - CD signed for by {rng.choice(['her' if p.female else 'him', self.contact(p).split()[0]])}. "
                                 f"Checked ID.")
                else:
                    lines.append(f"{who} - {rng.choice(['delivered ok', 'left with neighbour, card through door', 'fine, chatty as usual', 'not in - card left, back tomorrow', 'said the blister packs are hard to open, told branch'])}.")
            lines.append("")
            lines.append(rng.choice([f"Van lock box code is now {rng.randrange(1000, 9999)} (Darren changed it).",
                                     "Fuel card left in van 2 glovebox.",
                                     f"Hub back door code {rng.randrange(1000, 9999)}# wasn't working at 7am, rang Imran.",
                                     "Parcel locker at the Co-op full again."]))
            if di == 2:
                gone = [p for p in w.people if p.delivered and p.died_date and p.died_date < day]
                if gone:
                    g = gone[0]
                    lines.append(f"Went to {g.house} {g.street} for {g.title} {g.surname} - neighbour said {he(g)} passed away "
                                 f"last week. Key safe still on wall ({rng.randrange(1000, 9999)}) but I didn't go in. Brought bag back.")
            write_text(self.path(f"Delivery/Driver notes/{drv.forename.lower()}_{day.isoformat()}.txt"), "\n".join(lines) + "\n")

    # ------------------------------------------------------------- customer services
    def call_notes(self):
        w, rng = self.w, self.rng
        home = [p for p in w.people if p.setting == "home" and p.delivered]
        chosen = self.pick([p for p in home if p.profile is not None], 3) + self.pick([p for p in home if p.profile is None], 1)
        left = [p for p in w.people if p.moved_date or p.died_date]
        chosen += self.pick(left, 2)
        for ci, p in enumerate(chosen):
            agent = w.cs_agents[ci % len(w.cs_agents)]
            day = rdate(rng, dt.date(2026, 9, 10), dt.date(2026, 11, 26))
            if p.died_date or p.moved_date:
                day = (p.died_date or p.moved_date) + dt.timedelta(days=rng.randrange(1, 5))
            c = self.contact(p)
            L = [f"CALL NOTE  {d_slash(day)} {rng.randrange(9, 17):02d}:{rng.randrange(60):02d}",
                 f"Taken by: {agent.name}",
                 f"Caller: {c} ({p.contact_rel}) tel {p.contact_phone}",
                 f"Re: {rng.choice([titled(p), full_mid(p), sur_first(p)])}" +
                 (f", DOB {dob_any(rng, p)}" if rng.random() < 0.6 else f", acct {p.acct}"),
                 ""]
            if p.died_date:
                code = f"{rng.randrange(10000):04d}"
                L.append(f"{p.contact_rel.capitalize()} rang to say {p.forename} died on {d_long(p.died_date)} at home. "
                         f"Please stop deliveries and cancel repeats with {p.practice}. Asked about returning the "
                         f"morphine - advised bring to branch or driver can collect. The key safe at the house "
                         f"(code {code}) is being taken off at the weekend and nobody lives there now.")
                L.append("Condolences given. Deliveries stopped, account closed, PMR marked deceased.")
            elif p.moved_date:
                code = f"{rng.randrange(10000):04d}"
                L.append(f"{p.forename} moved permanently into {p.carehome} ({p.unit} unit) on {d_slash(p.moved_date)}. "
                         f"Home will be sold. Old key safe code {code} - family changing it, no need to keep.")
                L.append(f"Transferred to care home supply; {p.carehome} will order through the monthly cycle.")
            elif p.profile is not None:
                a = w.access_text(p)
                L.append(f"Caller says {p.forename} can't get to the door since the fall. Update delivery notes: {a}.")
                L.append(f"Also asked why the {rng.choice(p.meds)} was late last week - owing from wholesaler, apologised.")
            else:
                L.append(f"Asked for deliveries to be moved to Thursdays as {p.forename} has day centre on Tuesdays. "
                         f"No key safe, {p.forename} will be in. Key worker at the day centre is {w.rel(rng.choice(REL_F))} - not needed for us.")
            L.append("")
            L.append(f"Action: update DropRoute notes / inform {p.branch[1]} branch. {agent.forename[0]}{agent.surname[0]}")
            write_text(self.path(f"Head office/Customer services/call notes/{day.isoformat()}_{p.surname.replace(chr(39), '')}.txt"),
                       "\n".join(L) + "\n", crlf=ci % 2 == 0)

    # ------------------------------------------------------------- consultations (free text)
    def consultations(self):
        w, rng = self.w, self.rng
        adults = [p for p in w.people if p.setting in ("home", "moved", "died")]
        kids = [p for p in w.people if p.setting == "child"]
        # NMS
        for i, p in enumerate(self.pick(adults, 8)):
            ph = w.branch_rp[p.branch[0]]
            med = rng.choice(p.meds)
            day = rdate(rng, dt.date(2026, 9, 3), dt.date(2026, 11, 20))
            if i % 3 == 0:
                head = f"New Medicine Service - intervention\nPatient: {titled(p)}   DOB: {d_dots(p.dob)}\n"
                w.cover(p)
            elif i % 3 == 1:
                head = f"NMS engagement {d_slash(day)}\n{fore_upper_sur(p)} (PMR {p.pmr}) born {d_long(p.dob)}\n"
                w.cover(p)
            else:
                head = f"NMS follow-up - Pt PMR {p.pmr}, {label(p)}\n"
            body = (f"New medicine: {med}, started by Dr {p.gp.surname} ({p.practice}). "
                    f"Spoke to {rng.choice(['patient', 'patient and ' + p.contact_rel + ' ' + self.contact(p).split()[0]])} by phone. "
                    f"{rng.choice(['Taking as prescribed, no side effects.', 'Some ankle swelling since starting - advised to mention to GP.', 'Missed doses at weekends, discussed setting an alarm.', 'Not sure what it is for; explained.'])} "
                    f"Conditions: {', '.join(p.conditions) or 'none recorded'}.")
            extra = ""
            if p.profile is not None and rng.random() < 0.5:
                extra = f"\nHousebound - delivery set up. {w.access_text(p)}."
            write_text(self.path(f"Branches/{p.branch[0]} consultations/NMS/NMS_{p.pmr}_{day.strftime('%Y%m%d')}.txt"),
                       head + "\n" + body + extra + f"\n\n{ph.name} MPharm, {p.branch[1]}\n")
        # DMS
        for i, p in enumerate(self.pick([q for q in adults if q not in ()], 5)):
            hosp = rng.choice(HOSPITALS)
            day = rdate(rng, dt.date(2026, 9, 3), dt.date(2026, 11, 20))
            tech = rng.choice(w.techs)
            L = [f"DMS - stage {rng.choice([1, 2, 3])} - {d_slash(day)}",
                 f"Referral from {hosp} ({w.hosp_pharm[hosp].name}, ward pharmacist)",
                 f"Name: {sur_first(p)}",
                 f"DOB: {d_mon(p.dob)}" if i % 2 == 0 else f"Age {p.age}",
                 "",
                 f"Admitted with {rng.choice(['a fall', 'chest infection', 'AKI', 'exacerbation of COPD', 'urosepsis'])}. "
                 f"Changes on discharge: {rng.choice(p.meds)} STOPPED, {rng.choice(MEDS_OLD)} STARTED. "
                 f"Checked against PMR - updated. Informed {p.practice} (spoke to {w.receptionists[p.practice].forename} on reception).",
                 f"Checked by {tech.name} (ACPT). Clinical check {w.branch_rp[p.branch[0]].name}."]
            if i % 2 == 0:
                w.cover(p)
            if p.mds:
                L.append("MDS tray re-made from new list; old trays collected from home.")
            if p.profile is not None and i % 2 == 0:
                L.append(f"Discharge letter says: lives alone, {w.access_text(p, kinds=[p.profile['kinds'][0]])}.")
            write_text(self.path(f"Branches/{p.branch[0]} consultations/DMS/DMS {p.surname} {day.isoformat()}.txt"),
                       "\n".join(L) + "\n")
        # Pharmacy First
        pf = self.pick(kids, 3) + self.pick(adults, 2)
        for i, p in enumerate(pf):
            ph = w.branch_rp[p.branch[0]]
            day = rdate(rng, dt.date(2026, 9, 3), dt.date(2026, 11, 20))
            if p.setting == "child":
                parent = self.contact(p)
                txt = (f"Pharmacy First - clinical pathway: {rng.choice(['acute otitis media', 'impetigo', 'sore throat', 'infected insect bite'])}\n"
                       f"{d_slash(day)}\n\n"
                       f"{full(p)} ({['dob', 'DOB', 'd.o.b.'][i % 3]} {d_mon(p.dob) if i % 2 else d_slash(p.dob)}), {p.age} yrs, "
                       f"brought in by {p.contact_rel} {parent}. Weight {rng.randrange(12, 40)} kg.\n"
                       f"Gateway criteria met. Supplied {rng.choice(MEDS_KID)} under PGD. Safety-netting given to {parent.split()[0]}.\n"
                       f"GP notified: {p.practice} (Dr {p.gp.surname}).\n{ph.name}\n")
            else:
                txt = (f"PHARMACY FIRST CONSULTATION\nDate: {d_slash(day)}\nPatient: {full_mid(p)}\nDate of birth: {d_slash(p.dob)}\n"
                       f"Pathway: {rng.choice(['uncomplicated UTI', 'shingles', 'acute sinusitis'])}\n"
                       f"Outcome: supplied under PGD; allergy check done; interaction check against PMR {p.pmr}.\n"
                       f"Pharmacist: {ph.name}\n")
            w.cover(p)
            write_text(self.path(f"Branches/{p.branch[0]} consultations/Pharmacy First/PF_{day.isoformat()}_{i + 1}.txt"), txt)
        # BP clinics (several people per file)
        for i in range(3):
            ps = self.pick(adults, 4)
            ph = w.pharmacists[(i * 3) % len(w.pharmacists)]
            day = dt.date(2026, 10, 6) + dt.timedelta(days=i * 14)
            L = [f"Hypertension case-finding clinic {day.strftime('%d/%m/%Y')} - {ph.name}", "=" * 40]
            for p in ps:
                L.append(f"{sur_first(p)}  {d_slash(p.dob) if rng.random() < 0.6 else ''}")
                w.cover(p) if "/" in L[-1] else None
                L.append(f"  Clinic BP {rng.randrange(128, 176)}/{rng.randrange(70, 100)}; ABPM offered "
                         f"{rng.choice(['accepted', 'declined', 'booked'])}. Referred to {p.practice}: "
                         f"{rng.choice(['yes', 'no'])}.")
                L.append("-" * 40)
            write_text(self.path(f"Branches/BP clinic/BP clinic {day.isoformat()}.txt"), "\n".join(L) + "\n")
        # Smoking cessation
        for i, p in enumerate(self.pick([q for q in adults if q.age < 85], 2)):
            L = [f"Smoking cessation - week {rng.randrange(1, 12)} review", f"Client: {fore_upper_sur(p)}",
                 f"D.O.B.: {d_slash(p.dob)}" if i == 0 else f"Ref: SC-{rng.randrange(1000, 9999)}",
                 f"CO reading {rng.randrange(2, 30)} ppm. NRT: patch 21mg + inhalator. Quit date set.",
                 f"Advisor: {w.techs[i + 2].name}"]
            if i == 0:
                w.cover(p)
            write_text(self.path(f"Branches/Stop smoking/{p.surname.upper()} wk review.txt"), "\n".join(L) + "\n")

    # ------------------------------------------------------------- incidents
    def incidents(self):
        w, rng = self.w, self.rng
        ppl = self.pick([p for p in w.people if p.setting != "child"], 4)
        kinds = ["Wrong strength dispensed", "Delivered to wrong address", "CD not signed for",
                 "MDS tray - missing tablet"]
        for i, p in enumerate(ppl):
            rep = rng.choice(w.pharmacists + w.techs)
            day = rdate(rng, dt.date(2026, 9, 3), dt.date(2026, 11, 20))
            L = [f"DISPENSING INCIDENT REPORT  Ref INC-26-{rng.randrange(100, 999)}",
                 f"Date of incident: {d_slash(day)}    Branch: {p.branch[1]}",
                 f"Reported by: {rep.name}",
                 f"Patient: {titled(p)} - PMR {p.pmr}" + (f" - DOB {d_long(p.dob)}" if i % 2 == 0 else ""),
                 f"Type: {kinds[i]}",
                 ""]
            if i % 2 == 0:
                w.cover(p)
            if i == 1:
                other = rng.choice([q for q in w.people if q.delivered and q is not p] or [p])
                L.append(f"Bag for {p.title} {p.surname} was left at {other.house} {other.street} ({other.title} {other.surname}'s) "
                         f"by {rng.choice(w.drivers).name}. Neighbour returned it next day, seal intact. Both customers apologised to.")
            else:
                L.append(f"{rng.choice(p.meds)} - {rng.choice(['5mg supplied instead of 2.5mg', 'label on wrong box', 'tablet missing from Tuesday teatime slot', 'signature not obtained'])}. "
                         f"Picked up at accuracy check by {rng.choice(w.techs).name}? {rng.choice(['No', 'Yes'])}. "
                         f"Prescriber Dr {p.gp.name} informed.")
            L.append("")
            L.append(rng.choice(["Learning: second check at bench. Shared at huddle.",
                                 f"CD cabinet keypad code changed after this ({rng.randrange(1000, 9999)}) - RP only.",
                                 "Reported to superintendent; no harm."]))
            write_text(self.path(f"Head office/Incidents/INC report {day.isoformat()} {i + 1}.txt"), "\n".join(L) + "\n")
        wb = new_wb()
        ws = wb.active
        ws.title = "Incident log"
        ws.append(["Ref", "Date", "Branch", "Category", "Patient / PMR", "Summary", "Reported by", "Severity"])
        for p in self.pick(w.people, 10):
            ws.append([f"INC-26-{rng.randrange(100, 999)}", d_slash(rdate(rng, dt.date(2026, 6, 1), dt.date(2026, 11, 28))),
                       p.branch[1], rng.choice(["near miss", "dispensing error", "delivery", "CD discrepancy"]),
                       f"{p.pmr} {p.surname}", rng.choice(["Wrong quantity", "Labelled for wrong patient, caught at bench",
                                                           "Late delivery - palliative", "Owing not chased"]),
                       rng.choice(w.techs + w.pharmacists).name, rng.choice(["low", "low", "moderate"])])
        ws.append(["INC-26-900", "14/11/2026", "Hub", "security", "-",
                   f"Cage 2 combination written on whiteboard ({rng.randrange(1000, 9999)}) - changed", w.head_office['hub manager'].name, "low"])
        ws.append(["INC-26-901", "20/11/2026", "Fellgate", "security", "-",
                   f"Alarm code {rng.randrange(1000, 9999)} shared by text with locum - reset", w.pharmacists[8].name, "low"])
        wb_save(wb, self.path("Head office/Incidents/incident log 2026.xlsx"))

    # ------------------------------------------------------------- logs
    def logs(self):
        w, rng = self.w, self.rng
        # owings
        rows = [["Date", "PMR", "Name", "Item owed", "Qty", "Supplier", "Notified"]]
        for p in self.pick(w.people, 12):
            rows.append([d_slash(rdate(rng, dt.date(2026, 11, 1), dt.date(2026, 11, 27))), p.pmr,
                         f"{p.title} {p.surname}", rng.choice(p.meds), rng.randrange(7, 56),
                         rng.choice(["AAH", "Alliance", "Phoenix"]), rng.choice(["text", "phone", "letter", "-"])])
        write_csv(self.path("Hub/owings list w-c 23-11.csv"), rows)
        # CD register extract
        rows = [["Date", "Drug", "Qty supplied", "Patient name", "Patient address", "Prescriber", "Collected by",
                 "ID checked", "Running balance", "Entered by"]]
        for p in [q for q in w.people if q.cd][:14]:
            rows.append([d_slash(rdate(rng, dt.date(2026, 10, 1), dt.date(2026, 11, 27))),
                         next((m for m in p.meds if m in MEDS_CD), MEDS_CD[0]), rng.randrange(10, 300),
                         f"{p.forename} {p.surname}", f"{p.house} {p.street} {p.postcode}" if not p.carehome else p.carehome,
                         f"Dr {p.gp.name}", rng.choice([f"Driver ({rng.choice(w.drivers).name})",
                                                         f"{self.contact(p)} ({p.contact_rel})", "Patient"]),
                         "Y", rng.randrange(0, 500), rng.choice(w.pharmacists).init])
        write_csv(self.path("Hub/CD register extract Oct-Nov.csv"), rows)
        # managed repeats
        rows = [["Requested", "Patient", "PMR no", "Practice", "Items", "Requested by", "Status"]]
        for p in self.pick([q for q in w.people if q.setting != "carehome"], 16):
            rows.append([d_slash(rdate(rng, dt.date(2026, 10, 1), dt.date(2026, 11, 27))),
                         rng.choice([label(p), f"{p.title} {p.surname}", full(p)]), p.pmr, p.practice,
                         "; ".join(p.meds[:3]), rng.choice(["patient", p.contact_rel, "carer", "agency"]),
                         rng.choice(["sent to GP", "approved", "query - GP", "ready"])])
        write_csv(self.path("Hub/managed repeat requests Nov.csv"), rows)
        # flu records
        rows = [["Vaccination date", "Surname", "First name", "DOB", "NHS number", "Vaccine", "Batch", "Site",
                 "Vaccinator", "Setting"]]
        for p in self.pick([q for q in w.people if q.setting != "child"], 18):
            rows.append([d_slash(rdate(rng, dt.date(2026, 9, 15), dt.date(2026, 11, 20))), p.surname, p.forename,
                         d_iso(p.dob), p.nhs, "aTIV", f"QX{rng.randrange(1000, 9999)}AB", "L deltoid",
                         rng.choice(w.pharmacists).name, "care home" if p.carehome and not p.moved_date else
                         ("housebound - at home" if p.setting == "home" and rng.random() < 0.3 else "pharmacy")])
            w.cover(p)
        write_csv(self.path("Head office/Flu 2026-27/flu vaccinations export.csv"), rows)

    # ------------------------------------------------------------- MAR and care homes
    def mar_charts(self):
        w, rng = self.w, self.rng
        for ai, ag in enumerate(AGENCIES + [AGENCIES[0]]):
            clients = [p for p in w.people if p.agency == ag]
            clients = clients[ai // 2 * 4: ai // 2 * 4 + 5] if ai != 2 else clients[5:10]
            if not clients:
                continue
            wb = new_wb()
            first = True
            for p in clients:
                ws = wb.active if first else wb.create_sheet()
                first = False
                ws.title = (p.surname[:12] + " " + p.forename[0]).replace("'", "")
                ws.append([f"MEDICATION ADMINISTRATION RECORD - {ag}", "", "", f"Cycle start {rng.choice(['02/11/2026', '09/11/2026', '16/11/2026'])}"])
                ws.append(["Client name", full_mid(p) if ai != 1 else sur_first_init(p)])
                ws.append(["Date of birth", d_slash(p.dob) if ai != 1 else d_long(p.dob)])
                ws.append(["Address", f"{address(p)} {p.postcode}"])
                ws.append(["GP", f"Dr {p.gp.name}, {p.practice}"])
                ws.append(["Allergies", rng.choice(["NKDA", "Penicillin", "Codeine (vomiting)"])])
                ws.append([])
                ws.append(["Medication", "Dose / directions", "Time"] + [str(d) for d in range(1, 15)])
                for m in p.meds:
                    ws.append([m, rng.choice(["ONE daily", "ONE twice daily", "TWO at night", "as directed"]),
                               rng.choice(["08:00", "08:00/18:00", "22:00", "12:00"])] + [""] * 14)
                ws.append([])
                ws.append(["Pharmacy", f"{ORG} - {p.branch[1]}", "Supplied by", w.branch_rp[p.branch[0]].name])
                w.cover(p)
            wb_save(wb, self.path(f"Care supply/Agencies/{ag}/MAR charts {['Nov', 'Nov wk2', 'new clients'][ai]}.xlsx"))

    def care_home_orders(self):
        w, rng = self.w, self.rng
        for hi, (home, units) in enumerate(CARE_HOMES):
            res = [p for p in w.people if p.carehome == home]
            if not res:
                continue
            wb = new_wb()
            ws = wb.active
            ws.title = "Order"
            ws.append([f"{home} - monthly medication order - cycle starting 23/11/2026"])
            ws.append(["Unit", "Room", "Resident", "DOB", "NHS No", "Item", "Qty", "GP", "Round", "Notes"])
            for p in sorted(res, key=lambda q: (q.unit, int(q.room))):
                nm = [sur_first(p), full(p), f"{p.surname}, {p.forename}"][hi]
                for j, m in enumerate(p.meds):
                    ws.append([p.unit, p.room, nm if j == 0 else nm, d_slash(p.dob) if hi != 2 else d_mon(p.dob),
                               p.nhs if j == 0 else "", m, rng.choice([28, 56]), f"Dr {p.gp.surname}",
                               rng.choice(["AM", "Lunch", "Tea", "Bed"]),
                               f"Admitted {d_slash(p.moved_date)}" if p.moved_date and j == 0 else ""])
                w.cover(p)
            ws.append([])
            ws.append([f"Ordered by {w.home_nurse[home].name} (nurse) / checked {w.home_mgr[home].name} (manager)"])
            ws.append([f"Drivers: front door code {rng.randrange(1000, 9999)}*, treatment room C{rng.randrange(1000, 9999)}. "
                       "Hand CDs to nurse in charge only."])
            wb_save(wb, self.path(f"Care supply/Care homes/{home.replace(chr(39), '')} order Nov.xlsx"))

    # ------------------------------------------------------------- claims, rota
    def claims(self):
        w, rng = self.w, self.rng
        rows = [["Claim ref", "Form", "Dispensed", "Patient surname", "Patient forename", "DOB", "NHS no",
                 "Exemption", "Evidence", "Items", "Prescriber", "Branch"]]
        for p in self.pick(w.people, 40):
            rows.append([f"CL{rng.randrange(10**8, 10**9)}", rng.choice(["EPS", "EPS", "FP10"]),
                         d_iso(rdate(rng, dt.date(2026, 10, 1), dt.date(2026, 10, 31))),
                         p.surname.upper(), p.forename.upper(), d_hl7(p.dob), p.nhs,
                         "B" if p.setting == "child" else rng.choice(["A", "A", "F", "paid"]),
                         rng.choice(["Y", "N", "Y"]), len(p.meds), f"{p.gp.surname} {p.gp.forename[0]}",
                         p.branch[0]])
            w.cover(p)
        write_csv(self.path("Head office/NHSBSA/October claim extract.csv"), rows)

    def rota(self):
        w, rng = self.w, self.rng
        wb = new_wb()
        ws = wb.active
        ws.title = "Rota w-c 30 Nov"
        ws.append(["Branch", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Notes"])
        for bi, (bc, bn) in enumerate(BRANCHES):
            rp = w.branch_rp[bc]
            note = ""
            if bi == 4:
                note = f"Back door code {rng.randrange(1000, 9999)}#"
            if bi == 8:
                note = f"Alarm {rng.randrange(1000, 9999)} - last out sets"
            if bi == 10:
                note = "Locum - Smartcard PIN reset requested via RA"
            ws.append([bn] + [rp.name if d % 3 else rng.choice(w.locums).name for d in range(6)] + [note])
        ws.append([])
        ws.append(["Drivers"] + [w.drivers[(d + k) % len(w.drivers)].name for k, d in enumerate(range(6))] + ["Van 3 lock box code with hub manager"])
        ws.append(["Hub"] + [rng.choice(w.techs).name for _ in range(6)] + [f"CD cabinet {rng.randrange(1000, 9999)} RP only"])
        wb_save(wb, self.path("Head office/HR/rota w-c 30-11-2026.xlsx"))
        rows = [["Booking ref", "Locum", "GPhC no", "Branch", "Date", "Rate", "Agency", "Smartcard"]]
        for k in range(10):
            l = w.locums[k % len(w.locums)]
            rows.append([f"LB-{2600 + k}", l.name, str(rng.randrange(2000000, 2099999)), rng.choice(BRANCHES)[1],
                         d_slash(rdate(rng, dt.date(2026, 11, 1), dt.date(2026, 12, 31))), "45.00",
                         rng.choice(["Locate a Locum", "direct"]), rng.choice(["own", "own", "PIN locked - RA"])])
        write_csv(self.path("Head office/HR/locum bookings.csv"), rows)

    # ------------------------------------------------------------- HL7 and FHIR referrals
    def hl7(self):
        w, rng = self.w, self.rng
        pool = [p for p in w.people if p.setting in ("home", "moved") and p.setting != "child"]
        chosen = self.pick(pool, 7)
        groups = [chosen[0:2], chosen[2:4], chosen[4:6], chosen[6:7]]
        for gi, grp in enumerate(groups):
            if not grp:
                continue
            msgs = []
            for p in grp:
                hosp = rng.choice(HOSPITALS)
                cons = w.consultants[hosp]
                when = rdate(rng, dt.date(2026, 9, 5), dt.date(2026, 11, 25))
                ts = when.strftime("%Y%m%d") + f"{rng.randrange(8, 18):02d}{rng.randrange(60):02d}"
                c = self.contact(p)
                cf, cs = c.split(" ", 1)
                segs = [
                    f"MSH|^~\\&|EPMA|{hosp.split()[0].upper()}|DMS|HCPG|{ts}||ADT^A03|{rng.randrange(10**7, 10**8)}|P|2.4",
                    f"EVN|A03|{ts}",
                    f"PID|1||{p.nhs}^^^NHS^NH~{rng.randrange(10**6, 10**7)}^^^{hosp.split()[0].upper()}^MR||"
                    f"{p.surname.upper()}^{p.forename}^{p.middle}^^{p.title}||{d_hl7(p.dob)}|{'F' if p.female else 'M'}|||"
                    f"{p.house} {p.street}^^{p.town}^^{p.postcode}||{p.phone}",
                    f"PD1|||{p.practice}^^{p.practice_code}|{p.gp.surname.upper()}^{p.gp.forename}^^^Dr",
                    f"NK1|1|{cs.upper()}^{cf}|{ {'daughter': 'DAU', 'son': 'SON'}.get(p.contact_rel, 'OTH') }^{p.contact_rel}||{p.contact_phone}",
                    f"PV1|1|I|{rng.choice(['Ward 7', 'AMU', 'Ward 22', 'Frailty unit'])}|||||"
                    f"{cons.surname.upper()}^{cons.forename}^^^Dr|||||||||||||||||||||||||||||||||||{ts}",
                ]
                for k, m in enumerate(p.meds[:4]):
                    segs.append(f"OBX|{k + 1}|TX|DISCHMED^Discharge medication||{m}|||||F")
                note = f"Discharged home. {rng.choice(['Lives alone.', 'Lives with wife.' if not p.female else 'Lives with husband.', 'Package of care x2 daily.'])}"
                if p.profile is not None and rng.random() < 0.7:
                    note += " Access for community teams: " + w.access_text(p, kinds=[p.profile["kinds"][0]]).replace("|", "/") + "."
                elif p.moved_date:
                    note += f" For transfer to {p.carehome} - family to arrange."
                segs.append(f"NTE|1||{note}")
                segs.append(f"NTE|2||Please refer to community pharmacy for DMS. Pharmacist: {w.hosp_pharm[hosp].name}")
                msgs.append("\r".join(segs) + "\r")
                w.cover(p)
            with open(self.path(f"Hub/Referrals/HL7/dms_adt_{gi + 1:02d}.hl7"), "w", newline="") as f:
                f.write("\n".join(msgs))

    def fhir(self):
        w, rng = self.w, self.rng
        pool = [p for p in w.people if p.setting in ("home", "died")]
        for fi, p in enumerate(self.pick(pool, 3)):
            hosp = rng.choice(HOSPITALS)
            hp = w.hosp_pharm[hosp]
            c = self.contact(p)
            cf, cs = c.split(" ", 1)
            pat = {"resourceType": "Patient", "id": f"pat-{fi + 1}",
                   "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": p.nhs}],
                   "name": [{"use": "official", "family": p.surname, "given": [p.forename] + ([p.middle] if p.middle else []),
                             "prefix": [p.title]}],
                   "gender": "female" if p.female else "male", "birthDate": d_iso(p.dob),
                   "address": [{"line": [f"{p.house} {p.street}"], "city": p.town, "postalCode": p.postcode}],
                   "telecom": [{"system": "phone", "value": p.phone}],
                   "generalPractitioner": [{"reference": "Practitioner/gp", "display": f"Dr {p.gp.name}"}]}
            entries = [pat,
                       {"resourceType": "Practitioner", "id": "gp",
                        "name": [{"family": p.gp.surname, "given": [p.gp.forename], "prefix": ["Dr"]}]},
                       {"resourceType": "Practitioner", "id": "hosp-pharm",
                        "name": [{"family": hp.surname, "given": [hp.forename]}]},
                       {"resourceType": "RelatedPerson", "id": "nok", "patient": {"reference": "Patient/pat-1"},
                        "relationship": [{"text": p.contact_rel}],
                        "name": [{"family": cs, "given": [cf]}],
                        "telecom": [{"system": "phone", "value": p.contact_phone}]}]
            for k, m in enumerate(p.meds):
                entries.append({"resourceType": "MedicationRequest", "id": f"med-{k + 1}", "status": "active",
                                "intent": "order", "subject": {"reference": f"Patient/pat-{fi + 1}"},
                                "medicationCodeableConcept": {"text": m},
                                "dosageInstruction": [{"text": rng.choice(["ONE daily", "ONE twice a day", "TWO at night"])}]})
            note = "Discharge Medicines Service referral. Changes: see MedicationRequest list."
            if p.profile is not None and fi != 1:
                note += " Housebound; " + w.access_text(p) + "."
            entries.append({"resourceType": "Communication", "id": "note", "status": "completed",
                            "subject": {"reference": f"Patient/pat-{fi + 1}"},
                            "sender": {"reference": "Practitioner/hosp-pharm", "display": hp.name},
                            "payload": [{"contentString": note}]})
            bundle = {"resourceType": "Bundle", "type": "message", "timestamp": f"2026-{rng.randrange(9, 12):02d}-{rng.randrange(1, 28):02d}T10:15:00Z",
                      "entry": [{"fullUrl": f"urn:uuid:{self.w.seed:04d}-{fi}-{k}", "resource": r} for k, r in enumerate(entries)]}
            w.cover(p)
            with open(self.path(f"Hub/Referrals/FHIR/dms-referral-{fi + 1}.json"), "w") as f:
                json.dump(bundle, f, indent=1)

    # ------------------------------------------------------------- e-mail
    def eml(self, rel, frm, to, subject, body, attachments=(), day=None):
        m = EmailMessage()
        m["From"] = frm
        m["To"] = to
        m["Subject"] = subject
        day = day or dt.date(2026, 11, 20)
        m["Date"] = format_datetime(dt.datetime(day.year, day.month, day.day, 10, 12, tzinfo=dt.timezone.utc))
        m["Message-ID"] = f"<{len(subject)}.{day.isoformat()}.{len(body)}@hcpg.example>"
        m.set_content(body)
        for name, data, mt, st in attachments:
            m.add_attachment(data, maintype=mt, subtype=st, filename=name)
        if attachments:
            m.set_boundary(f"=_hcpg_{day.strftime('%Y%m%d')}_{len(body)}")
        with open(self.path(rel), "wb") as f:
            f.write(bytes(m))

    def emails(self):
        w, rng = self.w, self.rng
        # GP practices' prescription requests with CSV attachments
        for gi, prac in enumerate(PRACTICES[:2]):
            rec = w.receptionists[prac]
            ps = self.pick([p for p in w.people if p.practice == prac], 8)
            rows = [["Patient", "DOB", "Item(s)", "Prescriber", "Notes"]]
            for p in ps:
                rows.append([rng.choice([full(p), sur_first_init(p)]) if gi == 0 else fore_upper_sur(p),
                             d_slash(p.dob), "; ".join(p.meds[:2]), f"Dr {p.gp.surname}",
                             rng.choice(["", "dose change", "please deliver", "query strength"])])
                w.cover(p)
            day = dt.date(2026, 11, 3 + gi * 7)
            body = (f"Hi,\n\nPlease find attached this week's list of issued repeats for your hub. "
                    f"{ps[0].title} {ps[0].surname} has had a dose change - new script on the spine.\n\n"
                    f"Kind regards\n{rec.name}\nReception, {prac}\n")
            self.eml(f"Email export/Hub inbox/{day.isoformat()} repeats {prac}.eml",
                     f"{rec.name} <reception.{gi}@{prac.split()[0].lower()}.example>", "HCPG Hub <hub@hcpg.example>",
                     f"Repeat prescriptions issued w/c {d_slash(day)}", body,
                     [(f"repeats_{day.strftime('%d%m')}.csv", csv_text(rows).encode(), "text", "csv")], day)
        # GP query with DOCX attachment
        p = rng.choice([q for q in w.people if q.setting == "home"])
        d = new_doc()
        d.add_paragraph(f"Pharmacy query form - {ORG}")
        t = d.add_table(rows=0, cols=2)
        for a, b in [("Patient", full_mid(p)), ("Date of birth", d_long(p.dob)), ("NHS number", nhs_sp(p.nhs)),
                     ("Prescriber", f"Dr {p.gp.name}"), ("Query", f"{p.meds[0]} and {rng.choice(MEDS_OLD)} - interaction; please review"),
                     ("Raised by", w.branch_rp[p.branch[0]].name)]:
            r = t.add_row().cells
            r[0].text, r[1].text = a, b
        w.cover(p)
        self.eml(f"Email export/Branch {p.branch[0]}/query to {p.practice}.eml",
                 f"{w.branch_rp[p.branch[0]].name} <{p.branch[0].lower()}@hcpg.example>",
                 f"{w.receptionists[p.practice].name} <reception@gp.example>",
                 f"Query re {titled(p)}", f"Dear Dr {p.gp.surname},\n\nPlease see attached query about {p.title} {p.surname}. "
                 f"Could you let us know before Friday's delivery?\n\nThanks\n{w.branch_rp[p.branch[0]].forename}\n",
                 [("query.docx", doc_bytes(d), "application", "vnd.openxmlformats-officedocument.wordprocessingml.document")],
                 dt.date(2026, 10, 14))
        # care agency e-mails with DOCX medicines list
        for ai, ag in enumerate(AGENCIES):
            clients = [q for q in w.people if q.agency == ag]
            if not clients:
                continue
            mgr = w.agency_mgr[ag]
            c = clients[-1]
            d = new_doc()
            d.add_heading(f"{ag} - client medicines changes", 1)
            t = d.add_table(rows=1, cols=4)
            for cell, h in zip(t.rows[0].cells, ["Client", "DOB", "Change", "From"]):
                cell.text = h
            for q in clients[:4]:
                r = t.add_row().cells
                r[0].text, r[1].text, r[2].text, r[3].text = (sur_first(q), d_slash(q.dob),
                                                              f"{rng.choice(q.meds)} stopped", d_slash(dt.date(2026, 11, 16)))
                w.cover(q)
            extra = ""
            if c.profile is not None:
                extra = (f"\n\nAlso for your drivers - {titled(c)} at {c.house} {c.street}: {w.access_text(c)}. "
                         f"Our carers {w.agency_carers[ag][0].name} and {w.agency_carers[ag][1].name} go in 8am and 6pm.")
            body = (f"Morning,\n\nPlease see changes attached for our clients on your MAR charts.{extra}\n\n"
                    f"Our office door code is changing on Monday - nothing for you to do.\n\n{mgr.name}\nRegistered Manager, {ag}\n")
            self.eml(f"Email export/Care supply/{ag} changes {ai + 1}.eml",
                     f"{mgr.name} <manager@{ag.split()[0].lower()}.example>", "Care supply <caresupply@hcpg.example>",
                     "Client medication changes + access", body,
                     [("changes.docx", doc_bytes(d), "application", "vnd.openxmlformats-officedocument.wordprocessingml.document")],
                     dt.date(2026, 11, 17 + ai))
        # family e-mail (no NHS number)
        fam = self.pick([q for q in w.people if q.profile is not None], 1) or self.pick(w.people, 1)
        q = fam[0]
        c = self.contact(q)
        body = (f"Hello,\n\nI'm writing about my {self.relword(q)}, {full(q)}, who gets {his(q)} tablets delivered "
                f"from your {q.branch[1]} branch. Born {d_long(q.dob)} if you need to check.\n\n")
        w.cover(q)
        if q.profile is not None:
            body += f"I live two hours away so please note for the drivers: {w.access_text(q)}.\n\n"
        body += f"Also the Smartcard reader at the branch was down on Tuesday and nobody could look {'her' if q.female else 'him'} up.\n\nThanks,\n{c}\n{q.contact_phone}\n"
        self.eml(f"Email export/Customer services/{d_slash(dt.date(2026, 11, 8)).replace('/', '-')} from {c.split()[0]}.eml",
                 f"{c} <{c.split()[0].lower()}.{rng.randrange(10, 99)}@mail.example>", "Customer Services <help@hcpg.example>",
                 f"Deliveries for my {self.relword(q)}", body, (), dt.date(2026, 11, 8))
        # hospital email with DOCX discharge summary
        p = rng.choice([x for x in w.people if x.setting in ("home", "moved")])
        hosp = rng.choice(HOSPITALS)
        d = new_doc()
        d.add_paragraph(f"{hosp} - Pharmacy discharge summary")
        d.add_paragraph(f"Patient: {p.title} {p.forename} {p.middle + ' ' if p.middle else ''}{p.surname.upper()}   "
                        f"NHS No: {p.nhs}   DOB: {d_slash(p.dob)}")
        d.add_paragraph(f"Consultant: Dr {w.consultants[hosp].name}. Discharge meds: " + "; ".join(p.meds))
        if p.moved_date:
            d.add_paragraph(f"Discharged to {p.carehome} (permanent placement).")
        w.cover(p)
        self.eml(f"Email export/Hub inbox/DMS {hosp.split()[0]} {p.surname}.eml",
                 f"{w.hosp_pharm[hosp].name} <pharmacy@{hosp.split()[0].lower()}.nhs.example>", "hub@hcpg.example",
                 "DMS referral - secure", f"Please see attached for {p.title} {p.surname}.\n\n{w.hosp_pharm[hosp].name}\n",
                 [("discharge_summary.docx", doc_bytes(d), "application", "vnd.openxmlformats-officedocument.wordprocessingml.document")],
                 dt.date(2026, 10, 22))
        # complaint e-mail
        p = self.complaint_person = rng.choice([x for x in w.people if x.delivered and x.cd] or w.people)
        c = self.contact(p)
        body = (f"To whom it may concern,\n\nMy {p.contact_rel.replace('daughter', 'mother').replace('son', 'parent')} "
                f"{titled(p)} ({d_slash(p.dob)}) was left without {his(p)} {next((m for m in p.meds if m in MEDS_CD), p.meds[0])} "
                f"over the weekend because the driver would not leave it without a signature and nobody rang us. "
                f"This is the second time. I want a full explanation.\n\n{c}\n")
        w.cover(p)
        self.eml("Email export/Complaints/complaint - missed CD delivery.eml",
                 f"{c} <{c.split()[0].lower()}@mail.example>", "complaints@hcpg.example",
                 "Formal complaint", body, (), dt.date(2026, 10, 27))

    # ------------------------------------------------------------- letters and forms
    def relword(self, p):
        r = p.contact_rel
        if r in ("daughter", "son", "daughter-in-law"):
            return "mother" if p.female else "father"
        if r in ("niece", "nephew"):
            return "aunt" if p.female else "uncle"
        if r in ("wife", "husband"):
            return "wife" if p.female else "husband"
        if r in ("mother", "father"):
            return "daughter" if p.female else "son"
        return "friend"

    def letters_docx(self):
        w, rng = self.w, self.rng
        adults = [p for p in w.people if p.setting != "child"]
        for i, p in enumerate(self.pick(adults, 7)):
            ph = w.branch_rp[p.branch[0]]
            day = rdate(rng, dt.date(2026, 9, 10), dt.date(2026, 11, 26))
            d = new_doc()
            sec = d.sections[0]
            sec.header.paragraphs[0].text = f"{ORG} - {p.branch[1]} branch"
            d.add_paragraph(d_long(day))
            d.add_paragraph(f"Dr {p.gp.name}\n{p.practice}")
            d.add_paragraph(f"Dear Dr {p.gp.surname},")
            shape = i % 3
            if shape == 0:
                d.add_paragraph(f"Re: {titled(p)}, DOB {d_slash(p.dob)}, NHS No {nhs_sp(p.nhs)}").runs[0].bold = True
                w.cover(p)
            elif shape == 1:
                d.add_paragraph(f"Re: {p.surname.upper()}, {p.forename} {p.middle}".rstrip() + f" ({d_long(p.dob)}) - {address(p)}")
                w.cover(p)
            else:
                d.add_paragraph(f"Re: {p.title} {p.forename[0]}. {p.surname} (our ref {p.pmr})")
            reason = rng.choice([
                f"We have been asked by {p.title} {p.surname}'s {p.contact_rel} to move {p.forename} onto a monitored dosage "
                f"system. Our assessment (enclosed) found that a large-print MAR and reminder chart would be more suitable.",
                f"During a New Medicine Service consultation {p.forename} reported dizziness since starting "
                f"{rng.choice(p.meds)}. Home BP {rng.randrange(95, 110)}/{rng.randrange(55, 65)}. Please review.",
                f"{p.forename} has been ordering {rng.choice(p.meds)} more often than prescribed (5 requests in 8 weeks). "
                f"We have not supplied early. You may wish to review.",
                f"We are unable to obtain {rng.choice(p.meds)} from any wholesaler. Could you consider an alternative?",
            ])
            d.add_paragraph(reason)
            if p.profile is not None and i % 2 == 0:
                d.add_paragraph(f"For your district nurses' information, the family have asked us to share: {w.access_text(p)}.")
            d.add_paragraph("Yours sincerely,")
            d.add_paragraph(f"{ph.name}\nPharmacist, GPhC {rng.randrange(2000000, 2099999)}")
            with open(self.path(f"Branches/{p.branch[0]} letters/Letter to GP {p.surname} {day.strftime('%d-%m-%y')}.docx"), "wb") as f:
                f.write(doc_bytes(d))

    def mds_forms(self):
        w, rng = self.w, self.rng
        pool = [p for p in w.people if p.mds and p.setting == "home"] or [p for p in w.people if p.setting == "home"]
        for i, p in enumerate(self.pick(pool, 6)):
            d = new_doc()
            d.add_heading("Compliance aid (MDS) assessment - Equality Act 2010", 1)
            t = d.add_table(rows=0, cols=2)
            t.style = "Table Grid"
            nm = [full_mid(p), sur_first_init(p), titled(p)][i % 3]
            rows = [("Name", nm), ("Date of birth", [d_slash, d_long, d_mon][i % 3](p.dob)),
                    ("Address", f"{address(p)} {p.postcode}"), ("GP", f"Dr {p.gp.name} ({p.practice})"),
                    ("Lives", rng.choice(["alone", "with spouse", "alone, daughter visits daily"])),
                    ("Can open blister / bottle", rng.choice(["yes", "no - arthritis", "with difficulty"])),
                    ("Cognition", rng.choice(["no concerns", "mild memory problems", "diagnosed dementia"])),
                    ("Support", p.agency or "family"),
                    ("Delivery", "yes" if p.delivered else "collected by " + self.contact(p)),
                    ("Access for delivery", w.access_text(p) if p.profile is not None else "Patient answers door"),
                    ("Outcome", rng.choice(["7-day MDS supplied", "Reminder chart + easy-open tops", "MDS not suitable - refer GP"])),
                    ("Assessed by", f"{w.branch_rp[p.branch[0]].name}, {d_slash(rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 11, 20)))}")]
            for a, b in rows:
                r = t.add_row().cells
                r[0].text, r[1].text = a, b
            w.cover(p)
            with open(self.path(f"Branches/{p.branch[0]} forms/MDS assessment {p.pmr}.docx"), "wb") as f:
                f.write(doc_bytes(d))

    def registration_forms(self):
        w, rng = self.w, self.rng
        pool = [p for p in w.people if p.delivered and p.setting == "home"]
        for i, p in enumerate(self.pick(pool, 3)):
            d = new_doc()
            d.add_paragraph("HCPG HOME DELIVERY - REGISTRATION")
            d.add_paragraph(f"Account number: {p.acct}")
            d.add_paragraph(f"Full name: {full_mid(p)}")
            d.add_paragraph(f"Date of birth: {d_slash(p.dob)}")
            d.add_paragraph(f"Address: {address(p)}  Postcode: {p.postcode}")
            d.add_paragraph(f"Contact for deliveries: {self.contact(p)} ({p.contact_rel}) {p.contact_phone}")
            if p.profile is not None:
                d.add_paragraph(f"If you cannot come to the door, how should the driver get in? {w.access_text(p)}")
            else:
                d.add_paragraph("If you cannot come to the door, how should the driver get in? N/A - will always be in")
            d.add_paragraph(f"Signed: {p.forename[0]}. {p.surname}    Consent to store these details: YES")
            w.cover(p)
            with open(self.path(f"Delivery/Registrations/registration {p.acct}.docx"), "wb") as f:
                f.write(doc_bytes(d))

    def sar_and_complaint(self):
        w, rng = self.w, self.rng
        p = rng.choice([q for q in w.people if q.setting == "home"])
        dpo = w.head_office["data protection officer"]
        c = self.contact(p)
        write_rtf(self.path("Head office/SAR/SAR request received 02-10-2026.rtf"),
                  [f"{address(p)}", p.postcode, "", "28 September 2026", "",
                   "Dear Sir or Madam,", "",
                   f"Subject access request: {full_mid(p)}, date of birth {d_long(p.dob)}", "",
                   f"I hold lasting power of attorney for health and welfare for my {self.relword(p)}. Please send copies of all records "
                   f"you hold about {'her' if p.female else 'him'}, including delivery notes, call recordings and the notes your drivers make.", "",
                   "Yours faithfully,", c])
        w.cover(p)
        d = new_doc()
        d.add_paragraph(f"{ORG}\nData Protection Officer")
        d.add_paragraph("26 October 2026")
        d.add_paragraph(f"Dear {c.split()[0]} {c.split()[-1]},")
        d.add_paragraph(f"Re: your subject access request for {titled(p)} (DOB {d_slash(p.dob)}, NHS number {p.nhs})")
        d.add_paragraph("We enclose the following records:")
        t = d.add_table(rows=1, cols=3)
        for cell, h in zip(t.rows[0].cells, ["Record", "Source", "Pages"]):
            cell.text = h
        for rec in ["Patient medication record", "Delivery account and notes", "Call notes", "Consultation notes"]:
            r = t.add_row().cells
            r[0].text, r[1].text, r[2].text = rec, rng.choice(["PMR", "DropRoute", "CRM"]), str(rng.randrange(1, 12))
        if p.profile is not None:
            d.add_paragraph(f"The delivery notes currently read: \"{w.access_text(p)}\". Please tell us if this should change.")
        d.add_paragraph("We have withheld the names of staff where appropriate.")
        d.add_paragraph(f"Yours sincerely,\n{dpo.name}\nData Protection Officer")
        with open(self.path("Head office/SAR/SAR response.docx"), "wb") as f:
            f.write(doc_bytes(d))
        # complaint replies
        p = self.complaint_person
        c = self.contact(p)
        lead = w.head_office["customer services lead"]
        d = new_doc()
        d.add_paragraph("3 November 2026")
        d.add_paragraph(f"Dear {c},")
        d.add_paragraph(f"Thank you for your e-mail of 27 October about the delivery for {p.title} {p.surname}. "
                        f"I am sorry that {p.forename} was without medicine over the weekend. I have spoken to the driver, "
                        f"{rng.choice(w.drivers).name}, and the {p.branch[1]} branch team. Controlled drugs must be signed for; "
                        f"we should have telephoned you on {p.contact_phone}.")
        d.add_paragraph("I will write again when our investigation is complete.")
        d.add_paragraph(f"Yours sincerely\n{lead.name}\nCustomer Services Lead")
        with open(self.path("Head office/Complaints/complaint acknowledgement.docx"), "wb") as f:
            f.write(doc_bytes(d))
        sup = w.head_office["superintendent pharmacist"]
        L = [ORG, "Superintendent Pharmacist's office", "", "24 November 2026", "", f"Dear {c},", "",
             f"Re: {full_mid(p)}, born {d_long(p.dob)} - complaint reference CP-26-{rng.randrange(100, 999)}", "",
             "We have completed our investigation. We found that the delivery was marked 'signature required' and no-one "
             "answered at the address. Our driver correctly did not leave the controlled drug, but our branch did not "
             "follow the failed-delivery procedure and did not call you.",
             f"We have agreed a new arrangement with you, recorded on the account {p.acct}:"]
        if p.profile is not None:
            L.append("   " + w.access_text(p))
        else:
            L.append("   Driver to phone the family 30 minutes before arrival; no key safe at the property.")
        L += ["", "If you remain unhappy you may contact the Parliamentary and Health Service Ombudsman.", "",
              "Yours sincerely", sup.name, "Superintendent Pharmacist"]
        w.cover(p)
        write_pdf(self.path("Head office/Complaints/complaint final response.pdf"), L)

    def pdfs(self):
        w, rng = self.w, self.rng
        adults = [p for p in w.people if p.setting in ("home", "moved", "died")]
        for i, p in enumerate(self.pick(adults, 5)):
            ph = w.branch_rp[p.branch[0]]
            svc = rng.choice(["New Medicine Service", "Discharge Medicines Service"])
            L = [f"{ORG} - {p.branch[1]}", "", f"To: Dr {p.gp.name}, {p.practice} ({p.practice_code})",
                 f"Date: {d_slash(rdate(rng, dt.date(2026, 9, 5), dt.date(2026, 11, 25)))}", "",
                 f"{svc} - notification of outcome", "",
                 f"Patient: {[full_mid(p), sur_first(p), titled(p)][i % 3]}",
                 f"DOB: {[d_slash, d_mon, d_long][i % 3](p.dob)}   NHS: {nhs_sp(p.nhs) if i % 2 == 0 else 'not recorded'}",
                 f"Address: {address(p)}", "",
                 f"Medicines reviewed: {', '.join(p.meds)}.",
                 rng.choice(["No problems identified. Patient understands how to take the new medicine.",
                             "Adherence issue identified - referred back to prescriber.",
                             "Side effect reported (nausea). Advised to continue and review with GP in 2 weeks."]),
                 "", f"Pharmacist: {ph.name}", f"Technician: {rng.choice(w.techs).name}"]
            w.cover(p)
            write_pdf(self.path(f"Branches/{p.branch[0]} letters/{svc.split()[0]} outcome {p.pmr}.pdf"), L)
        kids = [p for p in w.people if p.setting == "child"]
        for i, p in enumerate(self.pick(kids, 2) + self.pick(adults, 1)):
            L = ["Pharmacy First - Post Event Message (GP Connect: Update Record)", "",
                 f"Practice: {p.practice}", f"Patient name: {full(p)}", f"Date of birth: {d_slash(p.dob)}",
                 f"NHS number: {p.nhs}", "",
                 f"Consultation by: {w.branch_rp[p.branch[0]].name}",
                 f"Supplied: {rng.choice(MEDS_KID if p.setting == 'child' else MEDS_OLD)}"]
            if p.setting == "child":
                L.append(f"Parent/guardian present: {self.contact(p)} ({p.contact_rel})")
            w.cover(p)
            write_pdf(self.path(f"Branches/{p.branch[0]} letters/PF post event {i + 1}.pdf"), L)
        # flu consent forms (one person each; housebound at home)
        for i, p in enumerate(self.pick([q for q in w.people if q.setting == "home"], 3)):
            L = ["SEASONAL INFLUENZA VACCINATION - CONSENT AND RECORD", "",
                 f"Surname: {p.surname.upper()}", f"Forename(s): {p.forename} {p.middle}".rstrip(),
                 f"Date of birth: {d_slash(p.dob)}", f"Address: {address(p)} {p.postcode}",
                 f"GP practice: {p.practice}", "", "Eligibility: aged 65 or over / housebound", "",
                 "I consent to receive the vaccine.   Signed: ____________",
                 f"Vaccine batch: QX{rng.randrange(1000, 9999)}AB    Expiry 06/2027",
                 f"Vaccinator: {rng.choice(w.pharmacists).name}"]
            if p.profile is not None and i == 0:
                L.append(f"Home visit: {w.access_text(p, kinds=[p.profile['kinds'][0]])}")
            w.cover(p)
            write_pdf(self.path(f"Head office/Flu 2026-27/consent forms/flu consent {i + 1}.pdf"), L)

    def rtfs(self):
        w, rng = self.w, self.rng
        pool = [p for p in w.people if p.delivered and p.setting == "home"]
        for i, p in enumerate(self.pick(pool, 4)):
            L = [ORG, "Home Delivery Service", "", f"{titled(p)}", f"{address(p)}", p.postcode, "",
                 d_long(rdate(rng, dt.date(2026, 9, 1), dt.date(2026, 11, 20))), "",
                 f"Dear {p.title} {p.surname},", "",
                 f"Welcome to our free home delivery service. Your account number is {p.acct}. Deliveries from our "
                 f"{p.branch[1]} branch will be on {rng.choice(['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays'])}.",
                 ""]
            if p.profile is not None:
                L.append(f"You told us how our driver can get in if you cannot come to the door: {w.access_text(p)}. "
                         "Please let us know straight away if this changes.")
            else:
                L.append("You told us you will always be in to take the delivery. If you are out, the driver will leave a card.")
            L += ["", "Yours sincerely,", w.head_office["delivery manager"].name, "Delivery Manager"]
            write_rtf(self.path(f"Delivery/Letters/welcome {p.acct}.rtf"), L)
        # letter to a care home
        home = CARE_HOMES[0][0]
        res = [p for p in w.people if p.carehome == home]
        L = [f"{w.home_mgr[home].name}", f"Manager, {home}", "", "12 November 2026", "",
             f"Dear {w.home_mgr[home].forename},", "",
             "Following the medicines review with the GP on Tuesday, please note the following residents' changes:", ""]
        for p in res[:5]:
            L.append(f"  - {p.surname}, {p.forename} (DOB {d_slash(p.dob)}), {p.unit}: {rng.choice(p.meds)} reduced")
            w.cover(p)
        L += ["", "The driver will use the front door keypad as before; please leave the treatment room locked.", "",
              "Kind regards,", w.pharmacists[2].name, "Care home lead pharmacist"]
        write_rtf(self.path(f"Care supply/Care homes/letter to {home} 12-11.rtf"), L)
        # bereavement / returns letter
        gone = [p for p in w.people if p.died_date]
        if gone:
            p = gone[-1]
            c = self.contact(p)
            L = [f"{c}", f"{address(p)}", p.postcode, "", d_long(p.died_date + dt.timedelta(days=9)), "",
                 f"Dear {c.split()[0]},", "",
                 f"We were very sorry to hear of the death of your {self.relword(p)}, {full(p)} (born {d_slash(p.dob)}).",
                 f"We have closed the delivery account and cancelled repeat prescriptions with {p.practice}.",
                 "Please return any unused medicines, including the controlled drugs, to the branch, or our driver can collect them.",
                 f"The key safe details on the account have been deleted.",
                 "", "With our sincere condolences,", w.branch_rp[p.branch[0]].name]
            w.cover(p)
            write_rtf(self.path(f"Branches/{p.branch[0]} letters/condolence {p.surname}.rtf"), L)

    # ------------------------------------------------------------- coverage top-up
    def top_up(self):
        w = self.w
        missing = [p for p in w.people if p.id not in w.covered]
        rows = [["NHS number", "Surname", "Forename", "DOB", "Exemption claimed", "RTEC result", "Branch"]]
        for p in missing:
            rows.append([p.nhs, p.surname, p.forename, d_iso(p.dob), "A", "not confirmed - evidence required", p.branch[0]])
            w.cover(p)
        # a few more for realism
        for p in self.pick([q for q in w.people if q not in missing], 6):
            rows.append([p.nhs, p.surname, p.forename, d_iso(p.dob), "F", "confirmed", p.branch[0]])
        write_csv(self.path("Head office/NHSBSA/exemption check - not confirmed.csv"), rows)
        self.topped_up = len(missing)


def build(share_dir, truth_path, n=120, seed=1):
    w = World(n, seed)
    # tidy contact relations for partners
    for p in w.people:
        if p.partner is not None and p.contact_rel in ("wife", "husband"):
            p.contact_rel = "daughter" if p.contact.split()[0] in REL_F else "son"
    os.makedirs(share_dir, exist_ok=True)
    s = Share(w, share_dir)
    s.pmr_exports()
    s.run_sheets()
    s.app_exports()
    s.failed_log()
    s.driver_notes()
    s.call_notes()
    s.consultations()
    s.incidents()
    s.logs()
    s.mar_charts()
    s.care_home_orders()
    s.claims()
    s.rota()
    s.hl7()
    s.fhir()
    s.emails()
    s.letters_docx()
    s.mds_forms()
    s.registration_forms()
    s.sar_and_complaint()
    s.pdfs()
    s.rtfs()
    s.top_up()
    staff_set = set(w.staff)
    people = []
    for p in w.people:
        a = w.access.get(p.id)
        kinds = sorted(a["kinds"]) if a else []
        code = ""
        if kinds:
            pr = p.profile
            if "code" in kinds:
                code = pr["code"]
            elif "hidden_key" in kinds:
                code = pr["hidden"]
            elif "key_holder" in kinds:
                code = f"key held by {pr['holder']}"
            else:
                code = a["open_text"]
        rec = {"forename": p.forename, "surname": p.surname, "dob": d_slash(p.dob), "nhs_number": p.nhs,
               "keysafe_code": code, "access_kind": kinds, "special_category": True}
        if p.middle:
            rec["middle_names"] = p.middle
        people.append(rec)
    related = [r for r in w.related if r not in staff_set]
    truth = {"people": people, "staff": list(w.staff), "related": related}
    os.makedirs(os.path.dirname(os.path.abspath(truth_path)), exist_ok=True)
    with open(truth_path, "w") as f:
        json.dump(truth, f, indent=1)
    return w, s


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    n = int(argv[3]) if len(argv) > 3 else 120
    seed = int(argv[4]) if len(argv) > 4 else 1
    w, s = build(argv[1], argv[2], n, seed)
    total = sum(s.count.values())
    acc = sum(1 for p in w.people if w.access.get(p.id))
    print(f"{total} files, {len(w.people)} people, {acc} with home access, {len(w.staff)} staff, "
          f"{len(w.related)} related; by type: " + ", ".join(f"{k}={v}" for k, v in sorted(s.count.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
