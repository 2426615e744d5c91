#!/usr/bin/env python3
"""Held-out breach share 14: a private brain-injury / personal-injury rehabilitation
case-management company and the firms around it (claimant solicitors, insurers,
a professional deputy firm, private therapists, a support-worker agency, an
equipment supplier).

    python heldout_share_14.py SHARE TRUTH.json [PEOPLE=120] [SEED=1]

Deterministic from SEED. Standard library + python-docx + openpyxl. Everything is
invented. PDF and RTF are written by hand.
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

# ---------------------------------------------------------------- name pools
MALE = ["Liam", "Jordan", "Callum", "Gareth", "Darren", "Stephen", "Mohammed", "Tomasz", "Ryan",
        "Keith", "Barry", "Neil", "Aaron", "Joshua", "Ethan", "Harvey", "Owen", "Kieran", "Dominic",
        "Imran", "Marcus", "Lewis", "Connor", "Shane", "Trevor", "Graham", "Malcolm", "Rhys",
        "Femi", "Vikram", "Declan", "Nathaniel", "Alfie", "Reece", "Jamal", "Piotr", "Anthony",
        "Craig", "Wayne", "Elliot", "Toby", "Kwame", "Desmond", "Stuart", "Oliver", "Harry"]
FEMALE = ["Chloe", "Gemma", "Leanne", "Stacey", "Bethany", "Joanne", "Amira", "Kayleigh", "Nicola",
          "Sharon", "Dawn", "Tracey", "Emma", "Jade", "Holly", "Megan", "Rosie", "Aisha", "Magdalena",
          "Lorraine", "Siobhan", "Natalie", "Kerry", "Yvonne", "Abigail", "Ruby", "Ellie", "Paige",
          "Fiona", "Priti", "Ngozi", "Carys", "Lucy", "Hayley", "Demi", "Teresa", "Anita", "Maisie",
          "Shannon", "Louise", "Freya", "Zainab", "Wendy", "Ella", "Imogen", "Grace"]
MIDDLE_M = ["James", "Lee", "Paul", "Anthony", "John", "David", "Ali", "Michael", "Robert", "Jan", "Owain"]
MIDDLE_F = ["Louise", "Marie", "Anne", "Jane", "Elizabeth", "May", "Rose", "Nadia", "Catherine", "Lynn"]
SURNAMES = ["Hargreaves", "Pryce", "Whitlock", "Mallory", "Marsh", "Stroud", "O'Hare", "Clarke-Jones",
            "Kowalczyk", "Okafor", "McAllister", "Brannigan", "Fenwick", "D'Souza", "Thackeray",
            "Lomax", "Yardley", "Haddon", "Quigley", "Ruddock", "Sefton", "Pickering", "Ashdown",
            "Bellamy", "Carver", "Danby", "Etherington", "Fairclough", "Gorton", "Hawley", "Ibbotson",
            "Jagger", "Kinsella", "Lambourne", "Mulholland", "Nuttall", "Ormerod", "Pennington",
            "Rowntree", "Sutcliffe", "Tranter", "Upton", "Varley", "Wadsworth", "Younis", "Abbasi",
            "Bhandari", "Chowdhury", "Nowak", "Szymanski", "Adeyemi-Cole", "Boateng", "Mensah",
            "Ferreira", "Rossiter", "Greenhalgh", "Holroyd", "Inglis", "Jephcott", "Kershaw",
            "Loughlin", "Meakin", "Northcott", "Oddie", "Prendergast", "Quayle", "Rimmer", "Shuttleworth",
            "Tilley", "Venables", "Wragg", "Ackroyd", "Blenkinsop", "Cropper", "Dinsdale", "Eccleston",
            "Froggatt", "Gledhill", "Hepworth", "Illingworth", "Jowett", "Kilner", "Lister", "Moorhouse",
            "Naylor", "O'Rourke", "Pilling", "Royston", "Scargill", "Tattersall", "Uttley", "Whiteley",
            "McGuigan", "Ní Dhonnchadha", "Van der Merwe", "St John", "ap Rhys", "Mac an tSaoir"]
# last entries are rarer shapes; the generator uses them sparingly
RARE = {"Ní Dhonnchadha", "Van der Merwe", "St John", "ap Rhys", "Mac an tSaoir"}
STREETS = ["Larkspur Way", "Beech Hollow", "Quarry Bank Road", "Tinsley Close", "Mill Race Lane",
           "Cotswold Drive", "Paddock View", "Orchard Rise", "Hazelmere Avenue", "Saxon Walk",
           "Kingfisher Court", "Rope Walk", "Foundry Terrace", "Glebe Crescent", "Wharfside Mews",
           "Chapel Fold", "Heron Way", "Linnet Gardens", "Ashburn Road", "Meadow Croft",
           "Station Approach", "Clover Bank", "Priory Gardens", "Tanner Street", "Holly Grove"]
TOWNS = [("Bristol", "BS"), ("Bath", "BA"), ("Swindon", "SN"), ("Gloucester", "GL"), ("Cheltenham", "GL"),
         ("Stroud", "GL"), ("Weston-super-Mare", "BS"), ("Chippenham", "SN"), ("Taunton", "TA"), ("Yate", "BS")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MON3 = [m[:3] for m in MONTHS]

# ---------------------------------------------------------------- organisations and staff
FIRM = "Kestrel Rehabilitation Case Management Ltd"
FIRM_SHORT = "Kestrel Rehab"
FIRM_ADDR = "Suite 3, Harrowgate Court, Portwey Business Park, Bristol BS16 9QT"
CM = [  # case managers
    ("Niamh", "Corrigan", "RGN, Senior Case Manager", "NC"),
    ("Tobias", "Renwick", "OT, Case Manager", "TR"),
    ("Priya", "Chaudhary", "OT, Case Manager", "PC"),
    ("Helen", "Ashworth", "RGN, Case Manager", "HA"),
    ("Marcus", "Obi", "OT, Case Manager", "MO"),
    ("Ffion", "Vaughan", "RGN, Case Manager", "FV"),
    ("Gemma", "Stroud", "OT, Case Manager", "GS"),
]
CLIN_LEAD = ("Rachel", "Imrie", "Clinical Lead")
ADMIN = [("Lorna", "Pask", "Case Administrator"), ("Dev", "Sandhu", "Accounts")]
SOLS = {
    "Bramwell Hythe LLP": {"addr": "9 Queen Square, Bristol BS1 4JE", "code": "BH",
                           "staff": [("Daniel", "Okonjo", "Partner"), ("Sophie", "Larkin", "Associate Solicitor"),
                                     ("Ben", "Tully", "Paralegal")]},
    "Carrick & Penrose Solicitors": {"addr": "Penrose House, 44 Westgate Street, Gloucester GL1 2NW", "code": "CP",
                                     "staff": [("Alison", "Fairbairn", "Senior Associate"), ("Joseph", "Mallory", "Solicitor"),
                                               ("Tasha", "Bright", "Litigation Executive")]},
    "Westgate Injury Law": {"addr": "2nd Floor, 17 Regent Circus, Swindon SN1 1PX", "code": "WIL",
                            "staff": [("Rhiannon", "Pugh", "Partner"), ("Adam", "Cheung", "Associate"),
                                      ("Keeley", "Hale", "Trainee Solicitor")]},
}
INSURERS = {
    "Meridian General Insurance plc": {"code": "MGI", "staff": [("Claire", "Hobday", "Rehabilitation Co-ordinator"),
                                                                ("Nathan", "Breslin", "Senior Claims Handler")]},
    "Castlemere Motor & Liability": {"code": "CML", "staff": [("Fatima", "Rahman", "Rehabilitation Co-ordinator"),
                                                              ("Stuart", "Keal", "Large Loss Claims Handler")]},
    "Ormsby Keel LLP (for the defendant Trust)": {"code": "OK", "staff": [("Victoria", "Lund", "Partner"),
                                                                          ("Martin", "Ashdown", "Associate")]},
}
DEPUTY_FIRM = "Alder Fenwick Deputyship Services"
DEPUTY_ADDR = "Alder House, 3 Lansdown Place, Bath BA1 5EY"
DEPUTY_STAFF = [("Jonathan", "Hale", "Professional Deputy (Partner)"), ("Megan", "Sloane", "Deputyship Case Officer"),
                ("Harriet", "Doyle", "Deputyship Case Officer"), ("Kofi", "Asante", "Property & Finance Officer")]
THERAPISTS = [("Kate", "Brennan", "Neuro-Physiotherapist", "NeuroMotion Physio"),
              ("Liam", "Stacey", "Physiotherapist", "NeuroMotion Physio"),
              ("Zara", "Mistry", "Occupational Therapist", "Able Hands OT"),
              ("Eilidh", "Ross", "Speech & Language Therapist", "Clearspeech SLT"),
              ("Owen", "Latimer", "Clinical Neuropsychologist", "Latimer Neuropsychology"),
              ("Sunita", "Bhatt", "Clinical Psychologist", "Latimer Neuropsychology")]
AGENCY = "Brightstep Support Ltd"
AGENCY_MGMT = [("Carla", "Dunne", "Registered Manager"), ("Jamie", "Frost", "Team Co-ordinator")]
SW = [("Tyrone", "Baptiste"), ("Agnieszka", "Wolska"), ("Kelly", "Marsh"), ("Ryan", "Pettigrew"),
      ("Blessing", "Adeyemi"), ("Sam", "Hurrell"), ("Leanne", "Cato"), ("Craig", "Whitlock"),
      ("Hannah", "Greaves"), ("Dean", "Pryce"), ("Joel", "Amankwah"), ("Izzy", "Rowe")]
EQUIP = "Liftwell Mobility & Adaptations"
EQUIP_STAFF = [("Graham", "Tandy", "Home Assessor"), ("Pete", "Rudd", "Senior Installer"), ("Sandra", "Bell", "Service Desk")]
UNIT = "Fernbrook Neurorehabilitation Unit"
UNIT_STAFF = [("Adaeze", "Nwosu", "Named Nurse / Key Worker"), ("Marek", "Zielinski", "Consultant in Rehabilitation Medicine")]
NHS_STAFF = [("Alisdair", "Munro", "GP"), ("Kiran", "Sethi", "GP"), ("Paul", "Everard", "Consultant Orthopaedic Surgeon"),
             ("Jane", "Whitcombe", "Consultant Neurologist"), ("Orla", "Keane", "Ward Sister")]
DEFENDANTS_RTA = ["Acme Haulage Ltd", "Severnside Logistics Ltd", "Mr P. Dalby", "Crestway Buses Ltd",
                  "Mrs K. Ellery", "Thornbury Plant Hire Ltd", "Mr S. Gatiss", "Avonline Couriers Ltd"]
DEFENDANTS_EL = ["Brookmead Construction Ltd", "Hallam Steel Fabrications Ltd", "Westway Warehousing Ltd",
                 "Cotswold Roofing Services Ltd"]
DEFENDANTS_CN = ["North Avonmere NHS Foundation Trust", "Severn Vale University Hospitals NHS Trust"]
RELS_ADULT = ["wife", "husband", "partner", "mother", "father", "sister", "brother", "son", "daughter"]


def staff_names():
    out = [f"{a} {b}" for a, b, *_ in CM] + [f"{CLIN_LEAD[0]} {CLIN_LEAD[1]}"]
    out += [f"{a} {b}" for a, b, _ in ADMIN]
    for f in SOLS.values():
        out += [f"{a} {b}" for a, b, _ in f["staff"]]
    for f in INSURERS.values():
        out += [f"{a} {b}" for a, b, _ in f["staff"]]
    out += [f"{a} {b}" for a, b, _ in DEPUTY_STAFF]
    out += [f"{a} {b}" for a, b, _, _ in THERAPISTS]
    out += [f"{a} {b}" for a, b, _ in AGENCY_MGMT] + [f"{a} {b}" for a, b in SW]
    out += [f"{a} {b}" for a, b, _ in EQUIP_STAFF] + [f"{a} {b}" for a, b, _ in UNIT_STAFF]
    out += [f"{a} {b}" for a, b, _ in NHS_STAFF]
    return out


# ---------------------------------------------------------------- helpers
def nhs_number(rng, used):
    while True:
        d = [rng.choice([4, 6])] + [rng.randrange(10) for _ in range(8)]
        s = sum(x * w for x, w in zip(d, range(10, 1, -1)))
        c = 11 - s % 11
        if c == 11:
            c = 0
        if c == 10:
            continue
        n = "".join(map(str, d)) + str(c)
        if n not in used:
            used.add(n)
            return n


def nhs_fmt(n, style):
    if style == 0:
        return n
    if style == 1:
        return f"{n[:3]} {n[3:6]} {n[6:]}"
    return f"{n[:3]}-{n[3:6]}-{n[6:]}"


def ordinal(d):
    return f"{d}{'th' if 11 <= d % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(d % 10, 'th')}"


def fdate(d, style):
    """Date in many forms. Styles ending in 2 are two-digit year (not 'full')."""
    if style == "dmy":
        return d.strftime("%d/%m/%Y")
    if style == "iso":
        return d.isoformat()
    if style == "long":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "ord":
        return f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}"
    if style == "mon":
        return f"{d.day:02d}-{MON3[d.month - 1]}-{d.year}"
    if style == "hl7":
        return d.strftime("%Y%m%d")
    if style == "dots":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "dots2":
        return f"{d.day}.{d.month}.{d.year % 100:02d}"
    if style == "slash2":
        return f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}"
    raise ValueError(style)


FULL_STYLES = ["dmy", "iso", "long", "ord", "mon", "dots"]


def money(x):
    return f"£{x:,.2f}"


class P:  # a person (claimant)
    pass


# ---------------------------------------------------------------- world
class World:
    def __init__(self, n, seed):
        self.rng = random.Random(seed)
        self.seed = seed
        self.n = n
        self.today = dt.date(2026, 11, 27)
        self.nhs_used = set()
        self.related = []           # names
        self.related_set = set()
        self.identified = set()     # claimant ids with full name + full DOB / NHS in one record
        self.access_written = {}    # id -> set of kinds written
        self.files = []
        self.make_people()

    # -- relatives -------------------------------------------------------
    def fresh(self, pool, surname):
        """A forename giving a name no claimant, staff member or other relative has."""
        taken = self.taken | self.related_set
        for _ in range(200):
            fn = self.rng.choice(pool)
            if f"{fn} {surname}" not in taken:
                return fn
        return fn + "a"

    def rel(self, forename, surname):
        name = f"{forename} {surname}"
        if name not in self.related_set:
            self.related_set.add(name)
            self.related.append(name)
        return name

    def make_people(self):
        rng = self.rng
        common = [s for s in SURNAMES if s not in RARE]
        rare = [s for s in SURNAMES if s in RARE]
        people = []
        homes = []
        pid = 0
        # households with two claimants (same accident)
        n_pairs = max(2, self.n // 12)
        staff_sur = ["Mallory", "Marsh", "Pryce", "Whitlock", "Stroud", "Hale", "Ashdown"]
        sur_queue = staff_sur + rng.sample(rare, 3)
        used_names = set()

        def new_name(sex, surname=None):
            for _ in range(100):
                fn = rng.choice(MALE if sex == "M" else FEMALE)
                sn = surname or (sur_queue.pop(0) if sur_queue else rng.choice(common))
                if (fn, sn) not in used_names:
                    used_names.add((fn, sn))
                    return fn, sn
            return fn, sn

        def rand_dob(child=False):
            if child:
                return dt.date(rng.randint(2009, 2019), rng.randint(1, 12), rng.randint(1, 28))
            return dt.date(rng.randint(1952, 2004), rng.randint(1, 12), rng.randint(1, 28))

        def make(sex, child, surname=None, name=None):
            nonlocal pid
            p = P()
            p.id = pid
            pid += 1
            p.sex = sex
            p.child = child
            if name:
                p.forename, p.surname = name
            else:
                p.forename, p.surname = new_name(sex, surname)
            p.middle = ""
            if rng.random() < 0.35:
                p.middle = rng.choice(MIDDLE_M if sex == "M" else MIDDLE_F)
            p.dob = rand_dob(child)
            if child:
                p.title = "Master" if sex == "M" else "Miss"
            else:
                p.title = "Mr" if sex == "M" else rng.choice(["Mrs", "Ms", "Miss", "Mrs"])
            p.nhs = nhs_number(rng, self.nhs_used) if rng.random() < 0.5 else ""
            p.former = None      # (forename, surname, how)
            p.family = []        # (relationship, forename, surname, dob or None)
            people.append(p)
            return p

        # exact duplicate names (different people, different DOBs)
        dup_names = []
        for _ in range(2):
            dup_names.append((rng.choice(MALE), rng.choice(common)))

        # pairs first
        for i in range(n_pairs):
            kind = rng.choice(["parent_child", "spouses", "siblings", "parent_child"])
            if kind == "parent_child":
                a = make(rng.choice("MF"), False)
                a.dob = dt.date(rng.randint(1975, 1992), rng.randint(1, 12), rng.randint(1, 28))
                b = make(rng.choice("MF"), True, surname=a.surname)
                rel_ab = ("mother" if a.sex == "F" else "father", "son" if b.sex == "M" else "daughter")
            elif kind == "spouses":
                a = make("M", False)
                b = make("F", False, surname=a.surname)
                b.title = "Mrs"
                rel_ab = ("husband", "wife")
            else:
                a = make(rng.choice("MF"), False)
                a.dob = dt.date(rng.randint(1996, 2004), rng.randint(1, 12), rng.randint(1, 28))
                b = make(rng.choice("MF"), True, surname=a.surname)
                rel_ab = ("brother" if a.sex == "M" else "sister", "brother" if b.sex == "M" else "sister")
            h = {"members": [a, b], "rel": rel_ab}
            homes.append(h)
        while len(people) < self.n:
            child = rng.random() < 0.12
            if dup_names and len(people) > self.n // 3 and rng.random() < 0.3:
                nm = dup_names.pop()
                a = make("M", False, name=nm)
                b = make("M", False, name=nm)
                homes.append({"members": [a], "rel": None})
                homes.append({"members": [b], "rel": None})
                continue
            a = make(rng.choice("MF"), child)
            homes.append({"members": [a], "rel": None})
        people = people[: self.n]
        homes = [h for h in homes if all(m in people for m in h["members"])]
        self.people = people
        self.homes = homes
        self.taken = set(staff_names()) | {f"{p.forename} {p.surname}" for p in people}

        for h in homes:
            lead = h["members"][0]
            town, pc = rng.choice(TOWNS)
            h["town"] = town
            h["postcode"] = f"{pc}{rng.randint(1, 39)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
            any_child = any(m.child for m in h["members"])
            r = rng.random()
            if any_child and len(h["members"]) == 1:
                h["type"] = "parents' home"
            elif r < 0.09 and len(h["members"]) == 1:
                h["type"] = "neuro-rehab unit"
            elif r < 0.30:
                h["type"] = "rented flat"
            elif r < 0.45:
                h["type"] = "adapted bungalow"
            elif r < 0.55 and lead.dob.year > 1993:
                h["type"] = "parents' home"
            else:
                h["type"] = "own home"
            if h["type"] == "rented flat":
                h["addr"] = f"Flat {rng.randint(1, 24)}, {rng.choice(['Brunel', 'Aldgate', 'Sovereign', 'Riverside', 'Moorland'])} House, {rng.randint(1, 120)} {rng.choice(STREETS)}"
            else:
                h["addr"] = f"{rng.randint(1, 180)} {rng.choice(STREETS)}"
            for m in h["members"]:
                m.home = h
                m.phone = f"07700 900{rng.randint(0, 999):03d}"
        # claims, allocations
        cm_w = [1.4, 1, 1, 1, 1, 1, 1]
        for p in people:
            p.cm = rng.choices(CM, cm_w)[0]
            p.claim_type = rng.choices(["RTA", "EL", "CN", "PL"], [6, 2, 2, 1])[0]
            yrs = max(1, (self.today - p.dob).days // 365 - 1)
            p.doa = self.today - dt.timedelta(days=rng.randint(200, min(yrs * 365, 3400)))
            if p.claim_type in ("RTA", "PL"):
                p.defendant = rng.choice(DEFENDANTS_RTA)
                p.insurer = rng.choice(["Meridian General Insurance plc", "Castlemere Motor & Liability"])
            elif p.claim_type == "EL":
                p.defendant = rng.choice(DEFENDANTS_EL)
                p.insurer = rng.choice(["Meridian General Insurance plc", "Castlemere Motor & Liability"])
            else:
                p.defendant = rng.choice(DEFENDANTS_CN)
                p.insurer = "Ormsby Keel LLP (for the defendant Trust)"
            if p.child and p.claim_type == "EL":
                p.claim_type = "RTA"
                p.defendant = rng.choice(DEFENDANTS_RTA)
            p.sol = rng.choice(list(SOLS))
            p.fee_earner = rng.choice(SOLS[p.sol]["staff"][:2])
            p.claim_no = f"{INSURERS[p.insurer]['code']}/{rng.choice(['PI', 'LL', 'MT'])}/{rng.randint(1000000, 9999999)}"
            p.sol_ref = f"{SOLS[p.sol]['code']}/{p.fee_earner[0][0]}{p.fee_earner[1][0]}/{rng.randint(10000, 99999)}"
            p.our_ref = f"KR/{p.cm[3]}/{rng.randint(100, 999):04d}"
            p.injury = rng.choice([
                "severe traumatic brain injury (GCS 5 at scene), right frontal contusions",
                "moderate-severe TBI with diffuse axonal injury", "mild TBI with post-concussion syndrome and PTSD",
                "hypoxic brain injury following delayed diagnosis", "T10 incomplete spinal cord injury",
                "below-knee amputation (left) and mild TBI", "complex pelvic and acetabular fractures, mild TBI",
                "brachial plexus injury (right) with chronic pain", "TBI with left hemiparesis and dysphasia",
                "frontal lobe injury with dysexecutive syndrome"])
            p.support = rng.random() < 0.5 and p.home["type"] != "neuro-rehab unit"
            p.deputy = None
            if "TBI" in p.injury or "brain" in p.injury or "frontal" in p.injury:
                if p.child:
                    p.deputy = None
                else:
                    p.deputy = rng.choices(["prof", "lay", "lpa", None], [4, 2, 1, 3])[0]
            p.equip = rng.random() < 0.35
            p.in_unit = p.home["type"] == "neuro-rehab unit"
        # family
        for h in homes:
            m = h["members"]
            if len(m) == 2:
                a, b = m
                a.family.append((h["rel"][1], b.forename, b.surname, "claimant"))
                b.family.append((h["rel"][0], a.forename, a.surname, "claimant"))
        for p in people:
            if p.child:
                # parents: a litigation friend
                have_parent = [f for f in p.family if f[0] in ("mother", "father")]
                if not have_parent:
                    msur = p.surname if rng.random() < 0.75 else rng.choice(common)
                    mf = self.fresh(FEMALE, msur)
                    mdob = dt.date(p.dob.year - rng.randint(22, 38), rng.randint(1, 12), rng.randint(1, 28))
                    p.family.append(("mother", mf, msur, mdob))
                    self.rel(mf, msur)
                    if rng.random() < 0.5:
                        ff = self.fresh(MALE, p.surname)
                        p.family.append(("father", ff, p.surname, None))
                        self.rel(ff, p.surname)
                p.lit_friend = [f for f in p.family if f[0] in ("mother", "father")][0]
            else:
                p.lit_friend = None
                k = rng.random()
                if k < 0.55 and not any(f[0] in ("wife", "husband") for f in p.family):
                    rel = ("wife" if p.sex == "M" else rng.choice(["husband", "partner"]))
                    sn = p.surname if rel != "partner" else rng.choice(common)
                    fn = self.fresh(FEMALE if rel == "wife" else MALE, sn)
                    p.family.append((rel, fn, sn, None))
                    self.rel(fn, sn)
                if p.dob.year < 1975 and rng.random() < 0.6:
                    sex = rng.choice("MF")
                    sn = p.surname if rng.random() < 0.6 else rng.choice(common)
                    fn = self.fresh(MALE if sex == "M" else FEMALE, sn)
                    p.family.append(("son" if sex == "M" else "daughter", fn, sn, None))
                    self.rel(fn, sn)
                if p.dob.year > 1990 and rng.random() < 0.6:
                    rel = rng.choice(["mother", "father"])
                    fn = self.fresh(FEMALE if rel == "mother" else MALE, p.surname)
                    p.family.append((rel, fn, p.surname, None))
                    self.rel(fn, p.surname)
                if rng.random() < 0.2:
                    rel = rng.choice(["sister", "brother"])
                    sn = p.surname if rng.random() < 0.5 else rng.choice(common)
                    fn = self.fresh(FEMALE if rel == "sister" else MALE, sn)
                    p.family.append((rel, fn, sn, None))
                    self.rel(fn, sn)
            for f in p.family:
                if f[3] != "claimant" and not (f[1] == p.forename and f[2] == p.surname):
                    self.rel(f[1], f[2])
            # lay deputy / attorney is family
            fam = [f for f in p.family if f[3] != "claimant" and f[0] not in ("son", "daughter") or
                   (f[3] != "claimant" and f[0] in ("son", "daughter") and p.dob.year < 1975)]
            if p.deputy in ("lay", "lpa") and fam:
                p.lay = fam[0]
            elif p.deputy in ("lay", "lpa"):
                p.deputy = "prof"
                p.lay = None
            else:
                p.lay = None
        # father and son of one name: one adult claimant's father shares his name and is his lay deputy
        cands = [p for p in people if not p.child and p.dob.year > 1988 and p.deputy is None and len(p.home["members"]) == 1]
        if cands:
            p = cands[0]
            p.family.append(("father", p.forename, p.surname, dt.date(p.dob.year - 27, 5, 17)))
            self.same_name_father = f"{p.forename} {p.surname}"
            p.deputy = "lay"
            p.lay = p.family[-1]
            p.same_name_father = True
        # maiden / married, deed poll
        women = [p for p in people if p.sex == "F" and not p.child and p.title == "Mrs"]
        for p in women[:3]:
            maiden = rng.choice(common)
            p.former = (p.forename, maiden, "née")
        kids = [p for p in people if p.child and p.nhs and p.former is None]
        if kids:
            k = kids[0]
            oldfn = rng.choice(FEMALE if k.sex == "M" else MALE)
            k.former = (oldfn, k.surname, "deed poll")
        adults = [p for p in people if not p.child and p.former is None and p.nhs and p.sex == "M"]
        if adults:
            a = adults[-1]
            a.former = (a.forename, rng.choice(common), "deed poll")
        # home access
        for h in homes:
            h["access"] = None
            if h["type"] == "neuro-rehab unit":
                continue
            if rng.random() < 0.48:
                kinds = [rng.choices(["code", "hidden_key", "key_holder", "left_open"], [55, 18, 17, 10])[0]]
                if rng.random() < 0.22:
                    extra = rng.choice(["code", "hidden_key", "key_holder", "left_open"])
                    if extra not in kinds:
                        kinds.append(extra)
                a = {"kinds": kinds}
                if "code" in kinds:
                    dev = rng.choices(["key safe", "communal", "gate", "alarm", "lockbox"], [60, 12, 8, 8, 12])[0]
                    if dev == "communal" and h["type"] != "rented flat":
                        dev = "key safe"
                    a["device"] = dev
                    a["code"] = str(rng.randint(1000, 9999)) if rng.random() < 0.85 else str(rng.randint(100000, 999999))
                    if dev == "key safe" and rng.random() < 0.12:
                        a["code"] = rng.choice("CXZ") + str(rng.randint(1000, 9999))
                    a["where"] = rng.choice(["to the left of the front door", "by the back door", "behind the drainpipe at the side",
                                             "on the wall by the garage", "inside the porch", "under the carport", "next to the gas meter",
                                             "on the fence by the side gate"])
                if "hidden_key" in kinds:
                    a["place"] = rng.choice(["under the green plant pot by the back door", "in the gas meter box",
                                             "under the mat at the back door", "in the bird box on the shed",
                                             "on a string behind the letterbox", "inside the fake rock by the front step",
                                             "under the third paving slab by the bins", "on the hook inside the coal bunker",
                                             "in the electric meter cupboard", "under the tortoise ornament by the door"])
                if "key_holder" in kinds:
                    lead = h["members"][0]
                    if rng.random() < 0.55:
                        sn = rng.choice(common)
                        fn = self.fresh(FEMALE + MALE, sn)
                        a["holder"] = (fn, sn, rng.choice(["neighbour", "neighbour at no. " + str(rng.randint(2, 90)), "friend"]))
                    else:
                        fam = [f for f in lead.family if f[3] != "claimant" and f[0] in (("son", "daughter", "sister", "brother") if h["type"] == "parents' home" else ("son", "daughter", "sister", "brother", "mother", "father"))
                               and not (f[1] == lead.forename and f[2] == lead.surname)]
                        if fam:
                            f = fam[0]
                            a["holder"] = (f[1], f[2], f[0])
                        else:
                            sn = rng.choice(common)
                            a["holder"] = (self.fresh(FEMALE, sn), sn, "neighbour")
                    a["holder_phone"] = f"07700 900{rng.randint(0, 999):03d}"
                    self.rel(a["holder"][0], a["holder"][1])
                if "left_open" in kinds:
                    a["open"] = rng.choice(["back door is left unlocked during the day - let yourself in",
                                            "front door on the latch from 8am, just push and shout hello",
                                            "door left open for the support workers, walk straight in",
                                            "side door unlocked for carers, come in and call out",
                                            "door is kept on the snib until the evening shift leaves"])
                h["access"] = a
        for p in people:
            self.access_written[p.id] = set()
        # staff sharing surnames: nothing else to do (Mallory, Marsh, Pryce, Whitlock, Stroud, Hale, Ashdown used first)
        self.mentions = {p.id: 0 for p in people}

    # -- names -----------------------------------------------------------
    def fn(self, p):
        return f"{p.forename} {p.surname}"

    def fmn(self, p, initial=False):
        if not p.middle:
            return self.fn(p)
        return f"{p.forename} {p.middle[0] + '.' if initial else p.middle} {p.surname}"

    def tfn(self, p, mid=True):
        return f"{p.title} {self.fmn(p, initial=True) if mid else self.fn(p)}"

    def sc(self, p, mid=False):
        s = f"{p.surname.upper()}, {p.forename}"
        if mid and p.middle:
            s += f" {p.middle}"
        return s

    def scm(self, p):
        return f"{p.surname}, {p.forename}" + (f" {p.middle[0]}." if p.middle else "")

    def inits(self, p):
        return f"{p.title} {p.forename[0]}.{p.surname[0]}."

    def claim_title(self, p):
        if p.child and p.lit_friend:
            lf = p.lit_friend
            who = "his" if p.sex == "M" else "her"
            return f"{p.forename} {p.surname} (a child, by {who} {lf[0]} and litigation friend {lf[1]} {lf[2]}) v {p.defendant}"
        sur = p.former[1] if p.former and p.former[2] == "née" else p.surname
        return f"{sur} v {p.defendant}"

    def dobf(self, p, style=None):
        return fdate(p.dob, style or self.rng.choice(FULL_STYLES))

    def ident(self, p):
        self.identified.add(p.id)

    def pron(self, p):
        return ("he", "his", "him") if p.sex == "M" else ("she", "her", "her")

    # -- home access text ---------------------------------------------------
    def access_lines(self, p, kinds=None, both=False):
        """Sentences telling how to get in. Records the kinds written."""
        h = p.home
        a = h["access"]
        if not a:
            return []
        rng = self.rng
        kinds = kinds or a["kinds"]
        out = []
        for k in kinds:
            if k == "code":
                c, w, dev = a["code"], a["where"], a["device"]
                if dev == "key safe":
                    opts = [f"Key safe {w}, code {c}.", f"KS {w} - {c}", f"Access via key safe ({w}), code {c}. Please scramble the dial after use.",
                            f"Keysafe number is {c}.", f"Let yourself in with the key from the key safe {w}: {c}",
                            f"Key safe code: {c} ({w})", f"key safe {c}", f"Keys in keysafe {w}, combination {c}."]
                elif dev == "lockbox":
                    opts = [f"Lock box {w}, code {c}.", f"Key in the lockbox {w} - combi {c}", f"Lockbox combination {c} ({w})."]
                elif dev == "communal":
                    opts = [f"Main entrance keypad {c}, then up to the flat.", f"Communal door code {c}.",
                            f"Use the entry code {c} on the main door, then up the stairs to the flat."]
                elif dev == "gate":
                    opts = [f"Side gate padlock {c}, go round to the back door.", f"Gate code {c} then round the back.",
                            f"Padlock on the side gate is {c}."]
                else:
                    opts = [f"Alarm code {c} - set it again when you leave.", f"Intruder alarm: {c} on the panel in the hall.",
                            f"House alarm is {c}."]
                out.append(rng.choice(opts))
            elif k == "hidden_key":
                pl = a["place"]
                opts = [f"Spare key {pl}.", f"Key is kept {pl}.", f"If no answer the key is {pl}.",
                        f"Front door key hidden {pl}.", f"Key {pl} - please put it back."]
                out.append(rng.choice(opts))
            elif k == "key_holder":
                fn, sn, rel = a["holder"]
                ph = a["holder_phone"]
                opts = [f"Key holder: {fn} {sn} ({rel}) {ph}.", f"{fn} {sn} ({rel}) holds a spare key - {ph}.",
                        f"Keys are held by {fn} {sn}, {rel}, tel {ph}.", f"If no answer, {fn} {sn} ({rel}) has a key ({ph}).",
                        f"Spare key left with {fn} {sn} ({rel}), {ph}."]
                out.append(rng.choice(opts))
            elif k == "left_open":
                o = a["open"]
                opts = [o[0].upper() + o[1:] + ".", f"Access: {o}.", f"NB {o}."]
                out.append(rng.choice(opts))
        for m in (h["members"] if both else [p]):
            self.access_written[m.id].update(kinds)
        return out

    def has_access(self, p):
        return p.home.get("access") is not None

    def household_line(self, p):
        others = [m for m in p.home["members"] if m is not p]
        if not others:
            return ""
        o = others[0]
        rel = [f[0] for f in p.family if f[1] == o.forename and f[2] == o.surname][0]
        return f"Lives with {self.pron(p)[1]} {rel} {self.fn(o)}, who is also a Kestrel client (ref {o.our_ref})."

    # -- pick -------------------------------------------------------------
    def pick(self, k, cond=lambda p: True, prefer_access=False):
        pool = [p for p in self.people if cond(p)]
        self.rng.shuffle(pool)
        pool.sort(key=lambda p: (self.mentions[p.id] + (0 if not prefer_access or (self.has_access(p) and not self.access_written[p.id]) else 2)))
        out = pool[:k]
        for p in out:
            self.mentions[p.id] += 1
        return out

    def add(self, rel, data):
        self.files.append((rel, data))


# ---------------------------------------------------------------- writers (PDF, RTF, DOCX, XLSX)
def pdf_bytes(pages):
    """pages: list of list of lines. Minimal PDF with Helvetica and a real text layer."""
    def esc(s):
        s = s.encode("latin-1", "replace").decode("latin-1")
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    objs = []
    n_pages = len(pages)
    # 1 catalog, 2 pages, 3 font, then page/content pairs
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(n_pages))
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for i, lines in enumerate(pages):
        parts = ["BT /F1 10 Tf 12 TL 56 790 Td"]
        for ln in lines:
            parts.append(f"({esc(ln)}) Tj T*")
        parts.append("ET")
        stream = "\n".join(parts).encode("latin-1", "replace")
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>".encode())
        objs.append(b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offs = []
    for i, o in enumerate(objs):
        offs.append(out.tell())
        out.write(f"{i + 1} 0 obj\n".encode() + o + b"\nendobj\n")
    x = out.tell()
    out.write(f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode())
    for o in offs:
        out.write(f"{o:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{x}\n%%EOF\n".encode())
    return out.getvalue()


def wrap(text, width=95):
    out = []
    for para in text.split("\n"):
        if not para.strip():
            out.append("")
            continue
        line = ""
        for w in para.split(" "):
            if len(line) + len(w) + 1 > width:
                out.append(line)
                line = w
            else:
                line = (line + " " + w) if line else w
        out.append(line)
    return out


def pdf_from_text(text):
    lines = wrap(text)
    pages = [lines[i:i + 60] for i in range(0, len(lines), 60)] or [[""]]
    return pdf_bytes(pages)


def rtf_from_text(text):
    def esc(s):
        o = []
        for ch in s:
            if ch in "\\{}":
                o.append("\\" + ch)
            elif ord(ch) > 127:
                o.append(f"\\u{ord(ch)}?")
            else:
                o.append(ch)
        return "".join(o)
    body = "\\par\n".join(esc(ln) for ln in text.split("\n"))
    return ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\n"
            "{\\info{\\author Kestrel}}\\viewkind4\\uc1\\pard\\f0\\fs22 " + body + "\\par\n}").encode("ascii")


FIXED = dt.datetime(2026, 11, 27, 9, 0, 0)


def fixzip(data):
    """Same bytes for the same seed: fixed member timestamps."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED.timetuple()[:6])
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = info.external_attr
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2026-11-27T09:00:00Z", body)
            z.writestr(zi, body)
    return out.getvalue()


def docx_bytes(paras, header=None, footer=None, tables=None):
    """paras: list of str or ('table', rows) or ('h', text)."""
    d = docx.Document()
    if header:
        d.sections[0].header.paragraphs[0].text = header
    if footer:
        d.sections[0].footer.paragraphs[0].text = footer
    for p in paras:
        if isinstance(p, tuple) and p[0] == "table":
            rows = p[1]
            t = d.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = "Table Grid"
            for i, r in enumerate(rows):
                for j, v in enumerate(r):
                    t.cell(i, j).text = str(v)
        elif isinstance(p, tuple) and p[0] == "h":
            d.add_heading(p[1], level=2)
        else:
            d.add_paragraph(p)
    d.core_properties.created = FIXED
    d.core_properties.modified = FIXED
    d.core_properties.author = "Kestrel"
    b = io.BytesIO()
    d.save(b)
    return fixzip(b.getvalue())


def xlsx_bytes(sheets):
    """sheets: list of (title, rows)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets:
        ws = wb.create_sheet(title[:31])
        for r in rows:
            ws.append(list(r))
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.properties.creator = "Brightstep"
    b = io.BytesIO()
    wb.save(b)
    return fixzip(b.getvalue())


def csv_bytes(rows, delim=","):
    s = io.StringIO()
    w = csv.writer(s, delimiter=delim, lineterminator="\r\n")
    for r in rows:
        w.writerow(r)
    return s.getvalue().encode("utf-8")


# ---------------------------------------------------------------- near misses
def near_misses(w):
    r = w.rng
    return {
        "office": f"Reminder: the Harrowgate Court office door code changes to {r.randint(1000, 9999)} from Monday. Key safe for the pool car keys is in the kitchen, code {r.randint(1000, 9999)} - do NOT give this out.",
        "sol_ks": f"Out-of-hours document drop: key safe at the rear of our Queen Square office, code {r.randint(1000, 9999)}.",
        "ward": f"Ward door code at Fernbrook is {r.randint(1000, 9999)}# - visitors should still sign in at reception.",
        "portal": f"Your PIN for our secure document portal is {r.randint(100000, 999999)}; it expires after 30 days.",
        "stairlift": f"Stairlift service code SL-{r.randint(1000, 9999)} (fault E7 cleared); next LOLER inspection due {fdate(w.today + dt.timedelta(days=r.randint(60, 180)), 'dmy')}.",
        "hoist": f"Hoist asset no. HS-{r.randint(10000, 99999)}, service plan code {r.randint(1000, 9999)}.",
        "sdb": f"Original will and deeds are held in the firm's safe deposit box no. {r.randint(10, 400)} at Lloyds, Milsom Street.",
        "keyworker": "Her key worker at Fernbrook is Adaeze Nwosu; key goals for the next 6 weeks agreed at the MDT.",
        "forced": "Police forced entry on Sunday night after a welfare concern; the door has been boarded and a joiner is booked. No key safe at the property at present.",
        "locks": "Landlord changed the front door locks after the break-in; both new keys are with the claimant. No key safe fitted yet - fitting booked with Liftwell, code NOT to be recorded on file.",
        "viewing": f"Viewing of the bungalow at {r.randint(2, 90)} {r.choice(STREETS)} booked for Thursday; the estate agent will meet us there (vendor away, agent's key safe code {r.randint(1000, 9999)} - agent only).",
        "former": f"Former home at {r.randint(2, 90)} {r.choice(STREETS)} now sold; completion done, the old key safe there is the buyers' to remove.",
        "office_code": "Key safe code is held by the Brightstep office - ring the on-call co-ordinator for it, do not write it in the log.",
        "bank": "Replacement debit card ordered by the deputy; the PIN will be posted separately to the deputy's office.",
        "keydates": "Key dates: exchange of witness statements 14 weeks; joint settlement meeting to be fixed.",
        "unit_locker": f"Claimant's belongings are in locker {r.randint(1, 40)} on Birch ward (combination {r.randint(100, 999)}).",
    }


# ---------------------------------------------------------------- builders
def sig_cm(cm):
    return f"{cm[0]} {cm[1]}\n{cm[2]}\n{FIRM}\n{FIRM_ADDR}\nTel 0117 496 0{rng_digits(cm)}"


def rng_digits(cm):
    return f"{(sum(map(ord, cm[1])) % 900) + 100:03d}"


def fam_str(f):
    return f"{f[1]} {f[2]}"


def accident_text(w, p):
    r = w.rng
    if p.claim_type == "RTA":
        return r.choice([f"front-seat passenger in a car struck head-on by a lorry operated by {p.defendant}",
                         f"pedestrian struck by a vehicle insured through {p.insurer.split(' (')[0]}",
                         "motorcyclist in collision with a van emerging from a side road",
                         "cyclist knocked from the bike at a roundabout"])
    if p.claim_type == "EL":
        return r.choice(["fell approx. 4 metres from a scaffold at work", "struck on the head by a falling load at the depot",
                         "fell through a fragile roof light at work"])
    if p.claim_type == "CN":
        return r.choice(["delayed diagnosis of a subarachnoid haemorrhage in ED", "hypoxic injury at birth (delayed delivery)",
                         "missed cauda equina following repeated GP attendances"])
    return r.choice(["tripped on a defective paving slab", "fell down unlit stairs at a leisure centre"])


def b_file_notes(w, count, nm):
    """Case-manager file notes, one claimant each (.txt)."""
    r = w.rng
    for p in w.pick(count, lambda p: True, prefer_access=True):
        cm = p.cm
        d = w.today - dt.timedelta(days=r.randint(1, 120))
        he, his, him = w.pron(p)
        lines = []
        shape = r.randint(0, 3)
        if shape == 0:
            lines.append(f"FILE NOTE - {FIRM_SHORT}")
            lines.append(f"Client: {w.sc(p)}    Our ref: {p.our_ref}")
            if r.random() < 0.6:
                lines.append(f"DOB: {w.dobf(p)}")
                w.ident(p)
        elif shape == 1:
            lines.append(f"File note: home visit to {w.tfn(p)} ({w.claim_title(p)})")
            if r.random() < 0.6:
                lines.append(f"D.O.B. {w.dobf(p)}   DOA {fdate(p.doa, 'dmy')}")
                w.ident(p)
        elif shape == 2:
            lines.append(f"{p.surname.upper()} {p.forename} - telephone attendance note")
            lines.append(f"Date of accident {fdate(p.doa, 'long')}")
        else:
            lines.append(f"Re: {w.tfn(p)} (DOB {fdate(p.dob, 'dots2')})")
        lines.append(f"Date: {fdate(d, 'dmy')}   Time spent: {r.choice(['1.5 hrs', '45 mins', '2 hrs incl. travel', '30 mins'])}")
        lines.append(f"Case manager: {cm[0]} {cm[1]} ({cm[2]})")
        lines.append("")
        body = []
        if p.in_unit:
            body.append(f"Visited {p.forename} at {UNIT}. Met with {UNIT_STAFF[0][0]} {UNIT_STAFF[0][1]} ({his} named nurse). "
                        f"{he.capitalize()} is settling, sleeping better, engaging with SLT ({THERAPISTS[3][0]} {THERAPISTS[3][1]}) three times weekly.")
            body.append(near_misses(w)[r.choice(["ward", "keyworker", "unit_locker"])])
        else:
            body.append(f"Home visit to {p.home['addr']}, {p.home['town']} ({p.home['type']}). {p.forename} was up and dressed when I arrived; "
                        f"{r.choice(['mood low', 'bright and chatty', 'tired after a poor night', 'irritable at first, settled'])}.")
            fam = [f for f in p.family if f[3] != "claimant"]
            if fam:
                f = r.choice(fam)
                body.append(f"{f[0].capitalize()} {fam_str(f)} present for part of the visit and raised concerns about "
                            f"{r.choice(['fatigue', 'money', 'the stairs', 'night-time wandering', 'his temper' if p.sex == 'M' else 'her temper', 'school transport'])}.")
            hl = w.household_line(p)
            if hl:
                body.append(hl)
            if p.support:
                s1, s2 = r.sample(SW, 2)
                body.append(f"Support workers {s1[0]} {s1[1]} and {s2[0]} {s2[1]} ({AGENCY}) covering the week; "
                            f"{r.choice(['no gaps', 'one missed shift on Tuesday', 'rota to be reviewed with Jamie Frost'])}.")
            if w.has_access(p) and (r.random() < 0.75 or not w.access_written[p.id]):
                body.append(" ".join(w.access_lines(p, both=bool(hl))))
            elif r.random() < 0.4:
                body.append(near_misses(w)[r.choice(["forced", "locks", "office_code", "viewing", "former"])])
        th = r.choice(THERAPISTS)
        body.append(f"Therapy: {th[0]} {th[1]} ({th[2]}) reports {r.choice(['steady gains in balance', 'improved word-finding', 'plateau - review needed', 'good engagement'])}.")
        body.append(f"Spoke to {p.fee_earner[0]} {p.fee_earner[1]} at {p.sol} re interim payment; {r.choice(['awaiting insurer response', 'costs budget to be updated', 'JSM provisionally listed'])}.")
        body.append("Actions: " + "; ".join(r.sample(["chase OT equipment quote", "update costs budget", "book case conference",
                                                       "send monthly report to solicitor and insurer", "review support hours",
                                                       "refer to neuropsychology", "liaise with deputy re funds"], 3)) + ".")
        text = "\n".join(lines) + "\n" + "\n\n".join(body) + f"\n\n{cm[0][0]}{cm[1][0]} / {cm[0]} {cm[1]}\n"
        fname = r.choice([f"FileNote_{d.isoformat()}_{p.surname.upper().replace(' ', '')}.txt",
                          f"{p.our_ref.replace('/', '-')} file note {fdate(d, 'dots')}.txt",
                          f"attendance_note_{p.surname.lower().replace(' ', '_')}_{d.strftime('%d%m%y')}.txt"])
        w.add(f"CaseManagement/{cm[1]}/{fname}", text.encode())


def b_shift_logs(w, count):
    r = w.rng
    for p in w.pick(count, lambda p: p.support, prefer_access=True):
        he, his, him = w.pron(p)
        lines = [f"{AGENCY} - 1:1 support shift log", f"Client: {w.fmn(p)}   Client ID: BS-{r.randint(1000, 9999)}",
                 f"Address: {p.home['addr']}, {p.home['town']} {p.home['postcode']}"]
        if r.random() < 0.5:
            lines.append(f"Date of birth: {w.dobf(p)}")
            if not p.middle:
                w.ident(p)
            else:
                w.ident(p)
        acc = w.access_lines(p) if w.has_access(p) else []
        if acc:
            lines.append("ACCESS: " + " ".join(acc))
        lines.append("=" * 60)
        d0 = w.today - dt.timedelta(days=r.randint(5, 60))
        workers = r.sample(SW, 3)
        for i in range(r.randint(4, 7)):
            d = d0 + dt.timedelta(days=i)
            sw = r.choice(workers)
            start = r.choice(["08:00", "09:00", "10:00", "14:00"])
            lines.append(f"{fdate(d, 'dmy')} {start}-{r.choice(['13:00', '16:00', '20:00', '22:00'])}  {sw[0]} {sw[1]}")
            ev = r.choice([f"Arrived, {p.forename} still in bed, prompted to get up. Breakfast made together. Walked to the shop (15 mins), needed prompts crossing.",
                           f"{p.forename} anxious about the court date. Used the calm box. Phoned {p.cm[0]} (CM) to update.",
                           f"Physio session with {THERAPISTS[0][0]} at home 11:00. {he.capitalize()} managed 10 sit-to-stands.",
                           f"Gym session, then lunch out. Paid from the deputy card - receipt in the folder.",
                           f"Quiet shift. Laundry, meds prompted 12:00 as per MAR. {p.forename} fatigued after lunch, rested 1hr.",
                           f"Verbal outburst at 15:20 when asked to shower; de-escalated. ABC chart completed and emailed to {AGENCY_MGMT[1][0]}."])
            lines.append("  " + ev)
            if acc and r.random() < 0.25:
                lines.append("  Left via back door, locked up. " + r.choice(["Key returned to key safe and scrambled.", "All secure."]))
            if r.random() < 0.15:
                lines.append("  " + near_misses(w)["office_code"])
            lines.append("-" * 40)
        if r.random() < 0.3:
            lines.append(near_misses(w)["keydates"])
        w.add(f"Brightstep/ShiftLogs/{p.surname.replace(' ', '')}_{p.forename[0]}_shiftlog_{d0.strftime('%b%Y')}.txt", "\n".join(lines).encode())


def b_therapy_notes(w, count):
    r = w.rng
    for _ in range(count):
        th = r.choice(THERAPISTS)
        ps = w.pick(r.randint(3, 5), lambda p: True)
        d = w.today - dt.timedelta(days=r.randint(1, 90))
        out = [f"{th[3]} - session notes {fdate(d, 'long')}", f"Therapist: {th[0]} {th[1]}, {th[2]}", ""]
        for p in ps:
            he, his, him = w.pron(p)
            out.append("-" * 50)
            form = r.randint(0, 3)
            if form == 0:
                out.append(f"Client: {w.scm(p)} (DOB {w.dobf(p, 'dmy')})")
                w.ident(p)
            elif form == 1:
                out.append(f"{w.fn(p)}, DOB {w.dobf(p)}, ref {p.our_ref}")
                w.ident(p)
            elif form == 2:
                out.append(f"{p.title} {p.surname} - {'clinic' if p.in_unit else 'home'} session")
            else:
                out.append(f"{w.fn(p)} ({p.claim_type}, DOA {fdate(p.doa, 'dmy')})")
            loc = UNIT if p.in_unit else "home"
            out.append(f"Seen at {loc}. " + r.choice([
                f"Worked on dynamic standing balance; Berg 38/56 (was 31). Carry-over poor without prompts.",
                f"Word-finding tasks; {he} self-corrected 6/10. {his.capitalize()} partner reports more frustration in the evenings.",
                f"CBT session 7 of 12. Discussed avoidance of driving; SUDS 70 -> 45 over the session.",
                f"Kitchen assessment: safe with kettle, needs supervision with hob. Recommend induction hob.",
                f"Memory strategies reviewed; phone alarms working. {his.capitalize()} support worker to reinforce."]))
            if p.child:
                lf = p.lit_friend
                out.append(f"{lf[0].capitalize()} ({fam_str(lf)}) present throughout.")
            if not p.in_unit and w.has_access(p) and r.random() < 0.3:
                out.append("Access for next session: " + " ".join(w.access_lines(p)))
            elif p.in_unit and r.random() < 0.5:
                out.append(near_misses(w)["ward"])
            out.append(f"Plan: continue {r.choice(['weekly', 'fortnightly'])}; report to {p.cm[0]} {p.cm[1]} (CM).")
        out.append("-" * 50)
        ext = r.choice([".txt", ".md", ".txt"])
        w.add(f"Therapies/{th[3].replace(' ', '_')}/sessions_{d.isoformat()}_{th[1].lower()}{ext}", "\n".join(out).encode())


def b_deputy_notes(w, count):
    r = w.rng
    for p in w.pick(count, lambda p: p.deputy == "prof", prefer_access=True):
        ds = r.choice(DEPUTY_STAFF[1:3])
        d = w.today - dt.timedelta(days=r.randint(5, 150))
        he, his, him = w.pron(p)
        t = [f"{DEPUTY_FIRM} - DEPUTY VISIT NOTE", f"P (protected party): {w.tfn(p)}",
             f"COP case no. {r.randint(10000000, 19999999)}T   Deputy: {DEPUTY_STAFF[0][0]} {DEPUTY_STAFF[0][1]}",
             f"Visit by {ds[0]} {ds[1]} on {fdate(d, 'ord')}", ""]
        if r.random() < 0.6:
            t.insert(2, f"Date of birth {w.dobf(p, 'long')}")
            w.ident(p)
        t.append(f"Visited P at {p.home['addr']}, {p.home['town']}. " + r.choice([
            "P appeared well kept; fridge stocked. Discussed weekly allowance (£120) and P's wish to buy a new TV.",
            "Reviewed spending on the prepaid card; two cash withdrawals unexplained, P says they were for his brother.",
            "P frustrated about the budget. Explained the deputy must act in P's best interests; P's views recorded."]))
        if p.home["type"] == "rented flat":
            t.append(f"Tenancy: assured shorthold, rent £{r.randint(650, 1150)} pcm paid by standing order from the deputyship account. Landlord reports no issues.")
        else:
            t.append(f"Property: {p.home['type']}; buildings insurance renewed. " + r.choice(["Roof repair quote obtained.", "Garden maintenance contract in place."]))
        if w.has_access(p) and r.random() < 0.7:
            t.append("For future visits: " + " ".join(w.access_lines(p)))
        t.append(near_misses(w)[r.choice(["sdb", "bank", "viewing", "former"])])
        fam = [f for f in p.family if f[3] != "claimant"]
        if fam:
            f = fam[0]
            t.append(f"Spoke with {f[0]} {fam_str(f)} by phone afterwards; {r.choice(['no concerns', 'concerned about exploitation by a friend', 'asks for a respite break'])}.")
        t.append(f"Next visit: {r.choice(['3 months', '6 months'])}. Copy to {p.cm[0]} {p.cm[1]}, case manager.")
        w.add(f"Deputy/VisitNotes/{p.surname.upper().replace(' ', '')}_{d.strftime('%Y%m%d')}.txt", ("\r\n".join(t) + "\r\n").encode())


def b_case_conf(w, count):
    r = w.rng
    for p in w.pick(count, lambda p: True, prefer_access=True):
        d = w.today - dt.timedelta(days=r.randint(5, 100))
        th = r.sample(THERAPISTS, 2)
        sw = r.choice(SW)
        fam = [f for f in p.family if f[3] != "claimant"]
        present = [f"{p.cm[0]} {p.cm[1]} (CM, chair)", f"{th[0][0]} {th[0][1]} ({th[0][2]})", f"{th[1][0]} {th[1][1]} ({th[1][2]})",
                   f"{sw[0]} {sw[1]} ({AGENCY})"]
        if fam:
            present.append(f"{fam_str(fam[0])} ({fam[0][0]})")
        if p.deputy == "prof":
            present.append(f"{DEPUTY_STAFF[1][0]} {DEPUTY_STAFF[1][1]} ({DEPUTY_FIRM})")
        t = [f"# Case conference - {w.fn(p)}", "", f"Date: {fdate(d, 'dmy')}, via Teams", f"Claimant: {w.fmn(p)}  DOB {w.dobf(p)}",
             f"Claim: {w.claim_title(p)}  Claim no. {p.claim_no}", "", "Present: " + "; ".join(present),
             f"Apologies: {p.fee_earner[0]} {p.fee_earner[1]} ({p.sol})", "", "## 1. Update"]
        w.ident(p)
        t.append(r.choice([f"{p.forename} has had a settled month. Fatigue remains the main barrier.",
                           f"Two incidents of verbal aggression towards staff; ABC charts reviewed.",
                           f"Discharged home from {UNIT} on {fdate(d - dt.timedelta(days=40), 'dmy')}; settling."]))
        t.append("## 2. Therapies")
        t.append(f"{th[0][0]}: goals 1 and 3 achieved. {th[1][0]}: recommends continued input for 12 sessions.")
        t.append("## 3. Support and home")
        if w.has_access(p) and not p.in_unit:
            t.append(f"Agreed access arrangements for new staff: " + " ".join(w.access_lines(p)))
        else:
            t.append(near_misses(w)[r.choice(["locks", "ward", "keyworker"]) if p.in_unit else r.choice(["locks", "forced", "office_code"])])
        hl = w.household_line(p)
        if hl:
            t.append(hl)
        t.append("## Actions")
        t.append(f"- {p.cm[0]} to update the costs budget\n- {sw[0]} to share the new rota\n- Next conference in 3 months")
        w.add(f"CaseManagement/CaseConferences/CC_{p.our_ref.replace('/', '')}_{d.isoformat()}.md", "\n".join(t).encode())


def b_chats(w, count):
    r = w.rng
    for i in range(count):
        if i % 2 == 0:
            p = w.pick(1, lambda p: p.support and not p.in_unit, prefer_access=True)[0]
            sws = r.sample(SW, 3)
            d = w.today - dt.timedelta(days=r.randint(3, 40))
            msgs = []
            t0 = dt.datetime.combine(d, dt.time(7, 40))
            lines_ = [(sws[0], f"morning all, I'm on with {p.forename.lower()} today"),
                      (sws[1], "he was up most of the night, check the sleep chart" if p.sex == "M" else "she was up most of the night, check the sleep chart"),
                      (AGENCY_MGMT[1], f"reminder {p.forename}'s physio moved to 2pm")]
            if w.has_access(p):
                lines_.append((sws[2], "for the new starter tomorrow: " + " ".join(w.access_lines(p))))
            fam = [f for f in p.family if f[3] != "claimant"]
            if fam:
                lines_.append((sws[0], f"{fam[0][1]} ({fam[0][0]}) popping in at 11 with the shopping"))
            lines_.append((sws[1], "👍"))
            lines_.append((AGENCY_MGMT[1], near_misses(w)["office_code"] if r.random() < 0.5 else "timesheets by Friday please"))
            for j, (who, txt) in enumerate(lines_):
                ts = t0 + dt.timedelta(minutes=7 * j)
                msgs.append(f"[{ts.strftime('%d/%m/%Y, %H:%M:%S')}] {who[0]} {who[1]}: {txt}")
            w.add(f"Brightstep/Chats/WhatsApp Chat with Team {p.forename}.txt", ("\n".join(msgs) + "\n").encode())
        else:
            ps = w.pick(4, lambda p: True)
            a, b = r.sample(CM, 2)
            d = w.today - dt.timedelta(days=r.randint(1, 30))
            msgs = []
            t0 = dt.datetime.combine(d, dt.time(9, 2))
            items = [(a, f"can you cover {ps[0].forename} {ps[0].surname.lower()}'s visit thurs? i'm in court"),
                     (b, f"yes fine. is that the one with the dog"),
                     (a, f"no that's {ps[1].title.lower()} {ps[1].surname}. {ps[0].forename}'s is the flat by the station"),
                     (b, f"ok. also {ps[2].surname.upper()} invoice bounced back from {ps[2].insurer.split(' ')[0]} - wrong claim no?"),
                     (a, f"should be {ps[2].claim_no}"),
                     (b, f"btw {ps[3].forename} {ps[3].surname} dob is {fdate(ps[3].dob, 'dmy')} not what's on the INA, can you fix"),
                     (a, near_misses(w)["office"])]
            w.ident(ps[3])
            if w.has_access(ps[0]) and not w.household_line(ps[0]):
                items.insert(2, (a, "access: " + " ".join(w.access_lines(ps[0]))))
            for j, (who, txt) in enumerate(items):
                ts = t0 + dt.timedelta(minutes=3 * j)
                msgs.append(f"{ts.strftime('%d/%m/%Y %H:%M')}\t{who[0]} {who[1]}\t{txt}")
            w.add(f"CaseManagement/Teams_export_{a[1]}_{b[1]}_{d.isoformat()}.tsv.txt", ("Date\tFrom\tMessage\n" + "\n".join(msgs) + "\n").encode())


def letterhead():
    return f"{FIRM}\n{FIRM_ADDR} | 0117 496 0000 | referrals@kestrel-rehab.example"


def b_ina_docx(w, count):
    r = w.rng
    for p in w.pick(count, lambda p: True, prefer_access=True):
        d = w.today - dt.timedelta(days=r.randint(30, 400))
        he, his, him = w.pron(p)
        fam = [f for f in p.family if f[3] != "claimant"]
        nm = w.fmn(p)
        if p.former:
            nm += f" (née {p.former[1]})" if p.former[2] == "née" else f" (formerly {p.former[0]} {p.former[1]})"
        details = [["Name", nm], ["Date of birth", w.dobf(p, r.choice(["dmy", "long"]))],
                   ["Address", f"{p.home['addr']}, {p.home['town']} {p.home['postcode']}"], ["Telephone", p.phone],
                   ["Date of accident", fdate(p.doa, "dmy")], ["Instructing solicitor", f"{p.fee_earner[0]} {p.fee_earner[1]}, {p.sol}"],
                   ["Compensator", p.insurer], ["Case manager", f"{p.cm[0]} {p.cm[1]}, {p.cm[2]}"]]
        w.ident(p)
        if p.nhs and r.random() < 0.5:
            details.insert(2, ["NHS number", nhs_fmt(p.nhs, 1)])
        if p.lit_friend:
            lf = p.lit_friend
            details.append(["Litigation friend", f"{fam_str(lf)} ({lf[0]})" + (f", DOB {fdate(lf[3], 'dmy')}" if isinstance(lf[3], dt.date) else "")])
        paras = [("h", "INITIAL NEEDS ASSESSMENT (Rehabilitation Code 2015)"), ("table", details), ("h", "1. Background and accident"),
                 f"On {fdate(p.doa, 'long')} {p.forename} was a {accident_text(w, p)}. {he.capitalize()} sustained a {p.injury}.",
                 ("h", "2. Current presentation"),
                 f"{p.forename} reports {r.choice(['headaches most days', 'poor sleep and fatigue', 'low mood and irritability', 'pain on walking more than 50 m'])}. "
                 f"{r.choice(['Insight appears limited.', 'Family report personality change.', 'Cognitive screen (MoCA) 21/30.'])}",
                 ("h", "3. Home environment")]
        if p.in_unit:
            paras.append(f"{p.forename} is currently an inpatient at {UNIT}. Home visit to the family home to follow before discharge planning. "
                         + near_misses(w)["ward"])
        else:
            paras.append(f"{p.forename} lives in a {p.home['type']} at the above address. "
                         + r.choice(["Stairs with a rail on one side; bathroom upstairs only.", "Level access to the front; step to the garden.",
                                     "Third-floor flat, lift often out of order."]))
            hl = w.household_line(p)
            if hl:
                paras.append(hl)
            if w.has_access(p):
                paras.append("Access to the property: " + " ".join(w.access_lines(p, both=bool(hl))))
        paras.append(("h", "4. Family and social"))
        if fam:
            paras.append("; ".join(f"{f[0]} {fam_str(f)}" for f in fam) + ".")
        paras.append(("h", "5. Recommendations"))
        paras.append("; ".join(r.sample(["neuro-physiotherapy 1x weekly", "OT assessment of the home", "SLT review",
                                         "neuropsychology assessment", f"1:1 support {r.randint(10, 40)} hrs/week ({AGENCY})",
                                         "stairlift and bathroom adaptation", "vocational rehabilitation later"], 4)) + ".")
        paras.append(f"Estimated immediate costs: {money(r.randint(8000, 45000))}")
        paras.append(f"{p.cm[0]} {p.cm[1]}\n{p.cm[2]}\n{fdate(d, 'long')}")
        paras.append(f"cc {p.fee_earner[0]} {p.fee_earner[1]}, {p.sol}; {INSURERS[p.insurer]['staff'][0][0]} {INSURERS[p.insurer]['staff'][0][1]}, {p.insurer}")
        data = docx_bytes(paras, header=letterhead(), footer=f"Our ref {p.our_ref} | CONFIDENTIAL - prepared for the parties under the Rehabilitation Code")
        w.add(f"Reports/INA/INA_{p.surname.replace(' ', '_')}_{p.forename}_{d.strftime('%Y%m')}.docx", data)


def b_monthly_docx(w, count):
    r = w.rng
    for p in w.pick(count, lambda p: True, prefer_access=True):
        d = w.today.replace(day=1) - dt.timedelta(days=r.randint(0, 200))
        he, his, him = w.pron(p)
        re_line = r.choice([f"Re: {w.tfn(p)} (DOB {fdate(p.dob, 'dots2')})", f"Re: {w.claim_title(p)}",
                            f"Re: {w.tfn(p)} - date of birth {w.dobf(p, 'long')}"])
        if "date of birth" in re_line:
            w.ident(p)
        paras = [f"CASE MANAGEMENT REPORT - {MONTHS[d.month - 1]} {d.year}", re_line, f"Your ref: {p.sol_ref}   Our ref: {p.our_ref}   Claim no: {p.claim_no}",
                 ("h", "Summary"),
                 f"{p.forename} {r.choice(['continues to make slow progress', 'has had a difficult month', 'has made good gains'])}. "
                 f"{r.choice(['Fatigue management remains the focus.', 'Mood has dipped since the anniversary of the accident.', 'Return-to-work trial discussed.'])}",
                 ("h", "Therapy"),
                 ("table", [["Therapist", "Discipline", "Sessions", "Comment"]] +
                  [[f"{t[0]} {t[1]}", t[2], str(r.randint(2, 8)), r.choice(["on track", "goals revised", "DNA x1"])] for t in r.sample(THERAPISTS, 3)]),
                 ("h", "Support")]
        if p.support:
            paras.append(f"{AGENCY}: {r.randint(12, 56)} hours/week. Core team {SW[r.randrange(12)][0]} and {SW[r.randrange(12)][0]}.")
            if w.has_access(p) and r.random() < 0.5:
                paras.append("Access arrangements unchanged: " + " ".join(w.access_lines(p)))
        else:
            paras.append("No commercial support at present; family providing gratuitous care.")
        if p.equip:
            paras.append(near_misses(w)[r.choice(["stairlift", "hoist"])])
        paras.append(f"{p.cm[0]} {p.cm[1]}, {p.cm[2]}")
        data = docx_bytes(paras, header=letterhead(), footer=f"{FIRM} - registered in England no. 0{r.randint(1000000, 9999999)}")
        w.add(f"Reports/Monthly/{p.our_ref.replace('/', '_')}_{d.strftime('%Y-%m')}_monthly.docx", data)


def letter_text(w, p, kind):
    """A letter between the parties; returns (text, folder, name)."""
    r = w.rng
    he, his, him = w.pron(p)
    d = w.today - dt.timedelta(days=r.randint(1, 300))
    ins = INSURERS[p.insurer]["staff"]
    sol = SOLS[p.sol]
    if kind == "sol_to_cm":
        fe = p.fee_earner
        t = [p.sol, sol["addr"], "", f"Our ref: {p.sol_ref}", f"Your ref: {p.our_ref}", "", fdate(d, "long"), "",
             f"{p.cm[0]} {p.cm[1]}", FIRM, FIRM_ADDR, "", f"Dear {p.cm[0]}", "",
             f"Re: Our client {w.tfn(p)} - {w.claim_title(p)}", ""]
        t.append(f"Thank you for your report of {fdate(d - dt.timedelta(days=20), 'long')}. We have forwarded it to "
                 f"{ins[1][0]} {ins[1][1]} at {p.insurer.split(' (')[0]} and requested a further interim payment of {money(r.randint(10, 80) * 1000)}.")
        if p.lit_friend:
            t.append(f"We have spoken to {p.forename}'s {p.lit_friend[0]}, {fam_str(p.lit_friend)}, who is content for the therapy to continue.")
        t.append(r.choice(["Please let us have an updated costs budget before the JSM.", "Please confirm whether a deputy should be appointed.",
                           "We enclose the defendant's Part 18 questions for your comments."]))
        if r.random() < 0.3:
            t.append(near_misses(w)["sol_ks"])
        t += ["", "Yours sincerely", "", f"{fe[0]} {fe[1]}", fe[2], p.sol]
        return "\n".join(t), f"Correspondence/{p.sol.split(' ')[0]}", f"letter_{p.sol_ref.replace('/', '-')}_{d.strftime('%Y%m%d')}"
    if kind == "ins_to_cm":
        rc = ins[0]
        t = [p.insurer.split(" (")[0].upper(), "Rehabilitation Team", "", f"Claim number: {p.claim_no}", f"Your ref: {p.our_ref}", f"Date: {fdate(d, 'dmy')}", "",
             f"Dear {p.cm[0]} {p.cm[1]},", "", f"Claimant: {w.scm(p)}", f"Date of accident: {fdate(p.doa, 'dmy')}", ""]
        if r.random() < 0.5:
            t.insert(10, f"Date of birth: {w.dobf(p, r.choice(['dmy', 'mon']))}")
            w.ident(p)
        t.append(f"I write to confirm that we will fund the recommendations in your INA dated {fdate(d - dt.timedelta(days=r.randint(10, 60)), 'dmy')} "
                 f"up to {money(r.randint(5, 40) * 1000)} for the next three months, on receipt of monthly reports and itemised invoices.")
        t.append(r.choice(["Please note that we do not fund case management travel over 60 minutes.", "We would ask that the support hours are tapered.",
                           near_misses(w)["portal"]]))
        t += ["", "Yours sincerely", "", f"{rc[0]} {rc[1]}", rc[2]]
        return "\n".join(t), "Correspondence/Insurers", f"{p.claim_no.replace('/', '')}_{d.isoformat()}_funding"
    if kind == "deputy":
        t = [DEPUTY_FIRM, DEPUTY_ADDR, "", f"Date: {fdate(d, 'ord')}", f"Our ref: AF/{r.randint(1000, 9999)}/JH", "",
             f"Dear {p.cm[0]}", "", f"{w.fn(p)} (born {w.dobf(p, 'long')})", ""]
        w.ident(p)
        if p.deputy == "prof":
            t.append(f"As you know, {DEPUTY_STAFF[0][0]} {DEPUTY_STAFF[0][1]} of this firm was appointed {p.forename}'s property and affairs deputy. "
                     f"We confirm funds are available for the equipment recommended ({money(r.randint(2, 20) * 1000)}).")
        elif p.deputy in ("lay", "lpa") and p.lay:
            role = "lay deputy" if p.deputy == "lay" else "attorney under a lasting power of attorney"
            t.append(f"We act for {fam_str(p.lay)}, {p.forename}'s {p.lay[0]} and {role}, in relation to the purchase of a bungalow.")
        else:
            t.append(f"We have been asked to assess whether {p.forename} requires a deputy. A COP3 will be needed.")
        t.append(near_misses(w)[r.choice(["sdb", "bank", "viewing"])])
        if w.has_access(p) and r.random() < 0.5:
            t.append("For the surveyor's visit: " + " ".join(w.access_lines(p)))
        t += ["", "Kind regards", "", f"{DEPUTY_STAFF[1][0]} {DEPUTY_STAFF[1][1]}", DEPUTY_STAFF[1][2]]
        return "\n".join(t), "Deputy/Correspondence", f"AF_letter_{p.surname.replace(' ', '')}_{d.strftime('%d%m%Y')}"
    if kind == "therapy_report":
        th = r.choice(THERAPISTS)
        t = [th[3], f"{th[2]} report", "", f"Client: {w.fmn(p)}", f"D.O.B.: {w.dobf(p, 'dmy')}", f"Referrer: {p.cm[0]} {p.cm[1]}, {FIRM}",
             f"Report date: {fdate(d, 'dmy')}", ""]
        w.ident(p)
        if p.nhs and r.random() < 0.4:
            t.insert(5, f"NHS No: {nhs_fmt(p.nhs, 1)}")
        t.append(f"{p.forename} has attended {r.randint(6, 24)} sessions. " + r.choice([
            "Standing balance has improved; 10 m walk test 14 s (was 22 s).", "Expressive language improved; still has word-finding pauses.",
            "Anxiety scores reduced (GAD-7 15 -> 9).", "Independent with personal care using a perching stool."]))
        t.append(r.choice(["Recommend a further block of 12 sessions.", "Recommend discharge with a home programme.",
                           "Recommend joint sessions with the support workers."]))
        if not p.in_unit and w.has_access(p) and r.random() < 0.35:
            t.append("Home sessions: " + " ".join(w.access_lines(p)))
        t += ["", f"{th[0]} {th[1]}", th[2]]
        return "\n".join(t), f"Therapies/{th[3].replace(' ', '_')}/Reports", f"{th[1]}_report_{p.surname.replace(' ', '')}_{d.strftime('%b%y')}"
    if kind == "equip":
        es = EQUIP_STAFF
        t = [EQUIP, "Unit 7, Brook Trading Estate, Yate BS37 5PR", "", f"Quotation / home assessment  Q-{r.randint(10000, 99999)}", f"Date: {fdate(d, 'dmy')}",
             f"Client: {w.tfn(p)}", f"Installation address: {p.home['addr']}, {p.home['town']} {p.home['postcode']}", f"Ordered by: {p.cm[0]} {p.cm[1]} ({FIRM})", ""]
        t.append(r.choice(["Straight stairlift (Brooks 130), right-hand rail, powered swivel seat.", "Ceiling track hoist bedroom to en-suite, 200 kg SWL.",
                           "Level-access shower conversion with fold-down seat.", "Ramp to front door (1:12) and widened doorway."]))
        t.append(near_misses(w)[r.choice(["stairlift", "hoist"])])
        if not p.in_unit and w.has_access(p) and r.random() < 0.6:
            t.append("Installer access: " + " ".join(w.access_lines(p)))
        t.append(f"Total inc. VAT {money(r.randint(1500, 14000))}")
        t += ["", f"{es[0][0]} {es[0][1]}, {es[0][2]}"]
        return "\n".join(t), "Equipment", f"Liftwell_Q_{p.surname.replace(' ', '')}_{d.strftime('%Y%m%d')}"
    # cm_to_sol
    t = [FIRM, FIRM_ADDR, "", f"Our ref: {p.our_ref}", f"Your ref: {p.sol_ref}", "", fdate(d, "long"), "", f"{p.fee_earner[0]} {p.fee_earner[1]}", p.sol, sol["addr"], "",
         f"Dear {p.fee_earner[1] if r.random() < 0.5 else p.fee_earner[0]}", "",
         r.choice([f"Re: {w.inits(p)} - {p.claim_no}", f"Re: {w.tfn(p)} (DOB {fdate(p.dob, 'dmy')})", f"Re: your client {w.fn(p)}"]), ""]
    if "(DOB" in t[-2]:
        w.ident(p)
    t.append(r.choice(["Please find enclosed my invoice for the period, together with the updated costs budget.",
                       "I write to update you following my visit last week.",
                       "I am concerned that the current support package is not meeting need."]))
    if p.in_unit:
        t.append(f"{p.forename} remains at {UNIT}; discharge planning meeting on {fdate(d + dt.timedelta(days=21), 'dmy')}.")
    t += ["", "Yours sincerely", "", f"{p.cm[0]} {p.cm[1]}", p.cm[2]]
    return "\n".join(t), f"Correspondence/Outgoing/{p.cm[1]}", f"{p.our_ref.replace('/', '-')}_letter_{d.strftime('%Y%m%d')}"


def b_letters(w, n_docx, n_pdf, n_rtf):
    r = w.rng
    kinds = ["sol_to_cm", "ins_to_cm", "deputy", "therapy_report", "equip", "cm_to_sol"]
    for fmt, n in (("docx", n_docx), ("pdf", n_pdf), ("rtf", n_rtf)):
        for _ in range(n):
            kind = r.choice(kinds)
            cond = (lambda p: p.deputy is not None) if kind == "deputy" else (lambda p: p.equip and not p.in_unit) if kind == "equip" else (lambda p: True)
            p = w.pick(1, cond, prefer_access=kind in ("deputy", "equip", "therapy_report"))[0]
            text, folder, name = letter_text(w, p, kind)
            if fmt == "docx":
                data = docx_bytes(text.split("\n"))
            elif fmt == "pdf":
                data = pdf_from_text(text)
            else:
                data = rtf_from_text(text)
            w.add(f"{folder}/{name}.{fmt}", data)


def b_caseloads(w, count):
    r = w.rng
    cms = r.sample(CM, count)
    for i, cm in enumerate(cms):
        ps = [p for p in w.people if p.cm == cm]
        r.shuffle(ps)
        ps = ps[: max(5, int(len(ps) * 0.8))]
        for p in ps:
            w.mentions[p.id] += 1
        style = i % 4
        if style == 0:
            rows = [["Case ID", "Claimant Surname", "Claimant Forename", "DOB", "Claim type", "DOA", "Instructing solicitor", "Fee earner", "Compensator", "Status"]]
            for p in ps:
                rows.append([p.our_ref, p.surname, p.forename + (f" {p.middle}" if p.middle else ""), fdate(p.dob, "dmy"), p.claim_type,
                             fdate(p.doa, "dmy"), p.sol, f"{p.fee_earner[0]} {p.fee_earner[1]}", p.insurer.split(" (")[0],
                             r.choice(["Active", "Active", "On hold", "Settled - closing"])])
                w.ident(p)
        elif style == 1:
            rows = [[f"Caseload - {cm[0]} {cm[1]} - exported {fdate(w.today, 'dmy')}"], ["Claimant", "D.O.B.", "Our ref", "Claim", "Next review", "Support agency", "Key contact"]]
            for p in ps:
                fam = [f for f in p.family if f[3] != "claimant"]
                rows.append([w.scm(p), fdate(p.dob, "iso"), p.our_ref, w.claim_title(p), fdate(w.today + dt.timedelta(days=r.randint(3, 90)), "dmy"),
                             AGENCY if p.support else "", f"{fam_str(fam[0])} ({fam[0][0]})" if fam else ""])
                w.ident(p)
        elif style == 2:
            rows = [["ref", "title", "first_name", "last_name", "date_of_birth", "nhs_no", "postcode", "home_type", "access_notes", "cm"]]
            for p in ps:
                acc = ""
                if w.has_access(p) and r.random() < 0.5:
                    acc = " ".join(w.access_lines(p))
                elif p.in_unit:
                    acc = "Inpatient Fernbrook - ward code on unit board"
                rows.append([p.our_ref, p.title, p.forename, p.surname, fdate(p.dob, "iso"), p.nhs, p.home["postcode"], p.home["type"], acc, cm[3]])
                w.ident(p)
        else:
            rows = [["Name", "Date of Birth", "Solicitor ref", "Claim No", "Risk", "Comments"]]
            for p in ps:
                rows.append([w.fn(p).upper(), fdate(p.dob, "mon"), p.sol_ref, p.claim_no, r.choice(["Low", "Medium", "High"]),
                             r.choice(["", "lone working - visit in pairs", "dog on premises", "safeguarding open", "interpreter needed"])])
                w.ident(p)
        w.add(f"CaseManagement/Caseloads/caseload_{cm[3]}_{w.today.strftime('%Y%m')}.csv", csv_bytes(rows, ";" if style == 3 else ","))


def b_budgets(w, count):
    r = w.rng
    for p in w.pick(count, lambda p: True):
        head = [[f"{FIRM} - Costs Budget"], [f"Claimant: {w.sc(p, mid=True)}", f"DOB: {fdate(p.dob, 'dmy')}"], [f"Claim: {w.claim_title(p)}", f"Claim no: {p.claim_no}"], []]
        w.ident(p)
        rows = [["Item", "Provider", "Rate (£)", "Units", "Period", "Total (£)"]]
        for item, prov, rate in r.sample([("Case management", FIRM, 110), ("Neuro-physiotherapy", "NeuroMotion Physio", 95),
                                          ("Occupational therapy", "Able Hands OT", 90), ("SLT", "Clearspeech SLT", 92),
                                          ("Neuropsychology", "Latimer Neuropsychology", 160), ("1:1 support", AGENCY, 24.5),
                                          ("Equipment", EQUIP, 1), ("Deputy fees", DEPUTY_FIRM, 1)], 5):
            units = r.randint(4, 400) if rate > 1 else r.randint(800, 9000)
            rows.append([item, prov, rate, units, "6 months", round(rate * units, 2)])
        notes = [["Note", "By", "Date"], [f"Budget agreed in principle by {INSURERS[p.insurer]['staff'][0][0]} {INSURERS[p.insurer]['staff'][0][1]}", f"{p.cm[0]} {p.cm[1]}", fdate(w.today - dt.timedelta(days=r.randint(1, 90)), "dmy")]]
        w.add(f"Finance/Budgets/Costs_budget_{p.surname.replace(' ', '')}_{p.our_ref.split('/')[-1]}.xlsx", xlsx_bytes([("Budget", head + rows), ("Notes", notes)]))


def b_rotas(w, count):
    r = w.rng
    for k in range(count):
        ps = w.pick(r.randint(6, 10), lambda p: p.support and not p.in_unit, prefer_access=True)
        d0 = w.today - dt.timedelta(days=r.randint(7, 60))
        d0 -= dt.timedelta(days=d0.weekday())
        rota = [[f"{AGENCY} - rota w/c {fdate(d0, 'dmy')}"], ["Date", "Client", "Shift", "Support worker", "Hours", "Notes / access"]]
        for i in range(5):
            d = d0 + dt.timedelta(days=i)
            for p in ps:
                if r.random() < 0.6:
                    sw = r.choice(SW)
                    note = ""
                    if w.has_access(p) and r.random() < 0.35:
                        note = " ".join(w.access_lines(p))
                    elif r.random() < 0.1:
                        note = r.choice(["cover needed", "client at Fernbrook for review am", "court - no shift"])
                    rota.append([fdate(d, "dmy"), r.choice([w.scm(p), f"{p.forename} {p.surname[0]}.", w.fn(p)]), r.choice(["08:00-14:00", "14:00-22:00", "09:00-17:00"]),
                                 f"{sw[0]} {sw[1]}", r.choice([6, 8, 8, 4]), note])
        clients = [["Client", "Date of birth", "Address", "Postcode", "Emergency contact", "Access"]]
        for p in ps:
            fam = [f for f in p.family if f[3] != "claimant"]
            acc = " ".join(w.access_lines(p)) if w.has_access(p) and r.random() < 0.7 else "Client/family let staff in"
            clients.append([w.fn(p), fdate(p.dob, r.choice(["dmy", "iso"])), p.home["addr"], p.home["postcode"],
                            f"{fam_str(fam[0])} ({fam[0][0]}) {p.phone}" if fam else "", acc])
            w.ident(p)
        sheets = [("Rota", rota)]
        if k != 1:
            sheets.append(("Clients", clients))
        w.add(f"Brightstep/Rotas/Rota_wc_{d0.isoformat()}.xlsx", xlsx_bytes(sheets))


def b_timesheets_csv(w, count):
    r = w.rng
    for k in range(count):
        ps = w.pick(r.randint(4, 8), lambda p: p.support)
        sw = r.choice(SW)
        d0 = w.today - dt.timedelta(days=r.randint(7, 90))
        rows = [["Worker", "Client surname", "Client first name", "Date", "Start", "End", "Hours", "Signed by"]]
        for i in range(r.randint(8, 16)):
            p = r.choice(ps)
            fam = [f for f in p.family if f[3] != "claimant"]
            rows.append([f"{sw[1]}, {sw[0]}", p.surname.upper(), p.forename, fdate(d0 + dt.timedelta(days=i), "dmy"), "09:00", "15:00", "6",
                         r.choice([f"{fam_str(fam[0])}" if fam else "client", "client", "client"])])
        w.add(f"Brightstep/Timesheets/timesheet_{sw[1].lower()}_{d0.strftime('%Y%m%d')}.csv", csv_bytes(rows))


def b_invoices(w, n_xlsx, n_csv):
    r = w.rng
    for k in range(n_xlsx + n_csv):
        ps = w.pick(r.randint(8, 14), lambda p: True)
        mth = w.today.replace(day=1) - dt.timedelta(days=30 * (k + 1))
        rows = [["Invoice no", "Claim ref", "Claimant", "Payer", "Period", "Net", "VAT", "Gross", "Status"]]
        for p in ps:
            net = r.randint(300, 4800)
            rows.append([f"KR-INV-{r.randint(20000, 29999)}", p.claim_no, r.choice([w.sc(p), w.fn(p), w.inits(p)]), p.insurer.split(" (")[0],
                         f"{MON3[mth.month - 1]} {mth.year}", net, round(net * 0.2, 2), round(net * 1.2, 2), r.choice(["Paid", "Sent", "Queried", "Overdue"])])
        if k < n_xlsx:
            w.add(f"Finance/Invoices/Invoice_schedule_{mth.strftime('%Y-%m')}.xlsx", xlsx_bytes([(f"{MON3[mth.month - 1]}{mth.year}", rows)]))
        else:
            w.add(f"Finance/Invoices/invoice_schedule_{mth.strftime('%Y%m')}.csv", csv_bytes(rows))


def hl7_escape(s):
    return s.replace("\\", "\\E\\").replace("|", "\\F\\").replace("^", "\\S\\").replace("&", "\\T\\").replace("~", "\\R\\")


def b_hl7(w, count):
    r = w.rng
    for k in range(count):
        ps = w.pick(r.randint(1, 3), lambda p: bool(p.nhs))
        msgs = []
        for p in ps:
            ts = (w.today - dt.timedelta(days=r.randint(100, 900))).strftime("%Y%m%d") + "1422"
            fore = p.former[0] if p.former and p.former[2] == "deed poll" else p.forename
            sur = p.former[1] if p.former else p.surname
            fam = [f for f in p.family if f[3] != "claimant"]
            doc = r.choice(NHS_STAFF[:4])
            seg = [f"MSH|^~\\&|EPR|SVUH|MEDREC|KESTREL|{ts}||ADT^A03|{r.randint(100000, 999999)}|P|2.4",
                   f"EVN|A03|{ts}",
                   f"PID|1||{p.nhs}^^^NHS^NH~{r.randint(1000000, 9999999)}^^^SVUH^MR||{hl7_escape(sur.upper())}^{fore}^{p.middle}^^{p.title}||{fdate(p.dob, 'hl7')}|{p.sex}|||{hl7_escape(p.home['addr'])}^^{p.home['town']}^^{p.home['postcode']}||{p.phone}"]
            if fam:
                f = fam[0]
                seg.append(f"NK1|1|{hl7_escape(f[2].upper())}^{f[1]}|{f[0].upper()[:3]}^{f[0]}|||")
            seg.append(f"PV1|1|I|WARD7^^^SVUH||||{doc[1].upper()}^{doc[0]}^^^Dr|||NEU||||||||{r.randint(10000000, 99999999)}")
            seg.append(f"DG1|1||S06.2|{hl7_escape(p.injury[:40])}")
            note = r.choice(["Discharged home with package of care.", "Transfer to Fernbrook Neurorehabilitation Unit for slow-stream rehab.",
                             "Self-discharged against advice."])
            if (not p.in_unit) and w.has_access(p) and r.random() < 0.5 and "code" in p.home["access"]["kinds"]:
                note = "Discharged home with package of care. " + " ".join(w.access_lines(p, kinds=["code"]))
            seg.append(f"NTE|1||{hl7_escape(note)}")
            msgs.append("\r".join(seg))
            if not p.former:
                w.ident(p)
            else:
                w.ident(p)  # NHS number identifies
        w.add(f"MedicalRecords/HL7/medrecs_extract_{k + 1:02d}.hl7", ("\r\n".join(msgs) + "\r").encode())


def b_fhir(w, count):
    r = w.rng
    for k in range(count):
        ps = w.pick(r.randint(1, 2), lambda p: bool(p.nhs))
        entries = []
        for p in ps:
            pidn = f"pat-{r.randint(1000, 9999)}"
            given = [p.forename] + ([p.middle] if p.middle else [])
            pat = {"resourceType": "Patient", "id": pidn,
                   "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": p.nhs}],
                   "name": [{"use": "official", "family": p.surname, "given": given, "prefix": [p.title]}],
                   "gender": "male" if p.sex == "M" else "female", "birthDate": p.dob.isoformat(),
                   "address": [{"line": [p.home["addr"]], "city": p.home["town"], "postalCode": p.home["postcode"]}]}
            if p.former:
                pat["name"].append({"use": "old", "family": p.former[1], "given": [p.former[0]]})
            w.ident(p)
            gp = r.choice(NHS_STAFF[:2])
            entries.append({"fullUrl": f"urn:uuid:{pidn}", "resource": pat})
            entries.append({"resource": {"resourceType": "Practitioner", "id": f"gp-{k}", "name": [{"family": gp[1], "given": [gp[0]], "prefix": ["Dr"]}]}})
            entries.append({"resource": {"resourceType": "Condition", "subject": {"reference": f"Patient/{pidn}"}, "code": {"text": p.injury},
                                         "onsetDateTime": p.doa.isoformat()}})
            fam = [f for f in p.family if f[3] != "claimant"]
            if fam:
                f = fam[0]
                entries.append({"resource": {"resourceType": "RelatedPerson", "patient": {"reference": f"Patient/{pidn}"},
                                             "relationship": [{"text": f[0]}], "name": [{"family": f[2], "given": [f[1]]}]}})
            txt = r.choice(["GP summary copied for the medico-legal bundle.", "Annual review: mood low, sertraline increased."])
            if (not p.in_unit) and w.has_access(p) and r.random() < 0.4:
                txt += " Home visit note: " + " ".join(w.access_lines(p))
            entries.append({"resource": {"resourceType": "Encounter", "subject": {"reference": f"Patient/{pidn}", "display": w.fn(p)},
                                         "participant": [{"individual": {"reference": f"Practitioner/gp-{k}", "display": f"Dr {gp[0]} {gp[1]}"}}],
                                         "text": {"status": "generated", "div": f"<div xmlns=\"http://www.w3.org/1999/xhtml\">{txt}</div>"}}})
        bundle = {"resourceType": "Bundle", "type": "collection", "meta": {"lastUpdated": w.today.isoformat() + "T09:00:00Z"}, "entry": entries}
        w.add(f"MedicalRecords/FHIR/gp_records_bundle_{k + 1:02d}.json", json.dumps(bundle, indent=2, ensure_ascii=False).encode())


def eml(w, frm, to, subject, body, cc=None, attach=None, date=None):
    m = EmailMessage()
    m["From"] = frm
    m["To"] = to
    if cc:
        m["Cc"] = cc
    m["Subject"] = subject
    m["Date"] = format_datetime(dt.datetime.combine(date or w.today, dt.time(10, 12), tzinfo=dt.timezone.utc))
    m["Message-ID"] = f"<{w.rng.randint(10**9, 10**10)}@kestrel-rehab.example>"
    m.set_content(body)
    for name, data, mt in attach or []:
        maintype, subtype = mt.split("/")
        m.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    if attach:
        m.set_boundary(f"=_kestrel_{w.rng.randint(10**11, 10**12)}")
    return bytes(m)


def addr(first, last, dom):
    return f"{first} {last} <{first.lower()}.{last.lower().replace(' ', '')}@{dom}>"


def b_emails(w, count):
    r = w.rng
    for k in range(count):
        kind = k % 5
        d = w.today - dt.timedelta(days=r.randint(1, 100))
        if kind == 0:   # insurer rehab co-ordinator chain with long quoted history
            p = w.pick(1, lambda p: True)[0]
            rc = INSURERS[p.insurer]["staff"][0]
            cm = p.cm
            q1 = (f"On {fdate(d - dt.timedelta(days=9), 'dmy')} {cm[0]} {cm[1]} wrote:\n> Dear {rc[0]},\n> Please see attached my report for {w.fn(p)}.\n"
                  f"> Claim no {p.claim_no}. The family have asked about respite.\n> Kind regards\n> {cm[0]}\n")
            q2 = (f"On {fdate(d - dt.timedelta(days=4), 'dmy')} {rc[0]} {rc[1]} wrote:\n> Thanks {cm[0]}. Can you confirm {p.forename}'s date of birth?"
                  f" Our system has two claimants of that name.\n>\n" + "\n".join("> " + x for x in q1.split("\n")))
            body = (f"Hi {rc[0]},\n\nYes - {w.tfn(p)}, DOB {w.dobf(p, 'dmy')}, DOA {fdate(p.doa, 'dmy')}.\n"
                    f"Respite costs to follow.\n\nKind regards\n{cm[0]} {cm[1]}\n{cm[2]}\n\n" + q2)
            w.ident(p)
            data = eml(w, addr(cm[0], cm[1], "kestrel-rehab.example"), addr(rc[0], rc[1], "meridian-gi.example"), f"RE: RE: {p.claim_no} - {p.surname}", body,
                       cc=addr(p.fee_earner[0], p.fee_earner[1], "solicitors.example"), date=d)
            w.add(f"Email/Insurers/RE_{p.claim_no.replace('/', '_')}.eml", data)
        elif kind == 1:   # agency sends timesheet CSV
            ps = w.pick(r.randint(3, 6), lambda p: p.support, prefer_access=True)
            rows = [["Client", "DOB", "Worker", "Week ending", "Hours", "Comments"]]
            for p in ps:
                rows.append([w.sc(p), fdate(p.dob, "dmy"), " / ".join(f"{s[0]} {s[1]}" for s in r.sample(SW, 2)), fdate(d, "dmy"), r.randint(10, 60),
                             r.choice(["", "one shift short", "extra hours for hospital appt"])])
                w.ident(p)
            body = (f"Hi {ps[0].cm[0]},\n\nPlease find attached the weekly hours for your clients.\n")
            acc_p = [p for p in ps if w.has_access(p)]
            if acc_p:
                p = acc_p[0]
                body += f"\nAlso - new key arrangements at {w.fn(p)}'s from Monday: " + " ".join(w.access_lines(p)) + "\n"
            body += f"\nThanks\n{AGENCY_MGMT[1][0]} {AGENCY_MGMT[1][1]}\n{AGENCY_MGMT[1][2]}, {AGENCY}\n"
            data = eml(w, addr(AGENCY_MGMT[1][0], AGENCY_MGMT[1][1], "brightstep.example"), addr(ps[0].cm[0], ps[0].cm[1], "kestrel-rehab.example"),
                       f"Weekly hours w/e {fdate(d, 'dmy')}", body, attach=[(f"hours_we_{d.strftime('%d%m%y')}.csv", csv_bytes(rows), "text/csv")], date=d)
            w.add(f"Email/Brightstep/weekly_hours_{d.isoformat()}.eml", data)
        elif kind == 2:   # CM sends monthly report docx to solicitor
            p = w.pick(1, lambda p: True, prefer_access=True)[0]
            paras = [f"Monthly update - {w.tfn(p)}", f"Date of birth: {w.dobf(p)}", f"Claim: {w.claim_title(p)}",
                     f"{p.forename} {r.choice(['is making steady progress', 'has struggled this month'])}."]
            w.ident(p)
            if w.has_access(p) and not p.in_unit and r.random() < 0.5:
                paras.append("Home access (for the expert's visit): " + " ".join(w.access_lines(p)))
            body = (f"Dear {p.fee_earner[0]},\n\nPlease find attached my update on your client. I would be grateful if you could forward a copy to "
                    f"{INSURERS[p.insurer]['staff'][0][0]} at the insurer.\n\nBest wishes\n{p.cm[0]}\n")
            data = eml(w, addr(p.cm[0], p.cm[1], "kestrel-rehab.example"), addr(p.fee_earner[0], p.fee_earner[1], "solicitors.example"),
                       f"{p.sol_ref} - monthly update", body, attach=[(f"Update_{p.surname.replace(' ', '')}.docx", docx_bytes(paras),
                                                                      "application/vnd.openxmlformats-officedocument.wordprocessingml.document")], date=d)
            w.add(f"Email/Sent/{p.sol_ref.replace('/', '-')}_update.eml", data)
        elif kind == 3:   # internal team email with office near miss and several claimants
            ps = w.pick(3, lambda p: True)
            a = r.choice(CM)
            body = (f"Hi all,\n\n{near_misses(w)['office']}\n\nAlso please note for the duty rota next week:\n"
                    + "\n".join(f"- {w.scm(p)} ({p.our_ref}) - {r.choice(['review due', 'invoice query', 'new support worker starting', 'JSM prep'])}" for p in ps)
                    + f"\n\n{CLIN_LEAD[0]}\n{CLIN_LEAD[0]} {CLIN_LEAD[1]}, {CLIN_LEAD[2]}\n")
            data = eml(w, addr(CLIN_LEAD[0], CLIN_LEAD[1], "kestrel-rehab.example"), "casemanagers@kestrel-rehab.example", "Office + duty rota", body, date=d)
            w.add(f"Email/Internal/office_and_duty_{d.isoformat()}.eml", data)
        else:   # equipment supplier confirms installation
            p = w.pick(1, lambda p: p.equip and not p.in_unit, prefer_access=True)[0]
            es = EQUIP_STAFF[2]
            body = (f"Dear {p.cm[0]},\n\nInstallation for {w.tfn(p)}, {p.home['addr']}, {p.home['town']} {p.home['postcode']}, is booked for "
                    f"{fdate(d + dt.timedelta(days=12), 'long')} (am). Our installer {EQUIP_STAFF[1][0]} {EQUIP_STAFF[1][1]} will attend.\n")
            if w.has_access(p):
                body += "Access details you gave us: " + " ".join(w.access_lines(p)) + "\n"
            else:
                body += "Please confirm someone will be home to let our installer in.\n"
            body += f"\n{near_misses(w)['stairlift']}\n\nRegards\n{es[0]} {es[1]}\n{es[2]}, {EQUIP}\n"
            data = eml(w, addr(es[0], es[1], "liftwell.example"), addr(p.cm[0], p.cm[1], "kestrel-rehab.example"), f"Install booking - {p.surname}", body, date=d)
            w.add(f"Email/Liftwell/install_{p.surname.replace(' ', '').lower()}_{d.strftime('%Y%m%d')}.eml", data)


def html_page(title, body):
    return f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{title}</title></head><body>\n{body}\n</body></html>\n".encode()


def esc_html(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def b_html(w, count):
    r = w.rng
    for k in range(count):
        if k % 2 == 0:   # insurer portal claimant page
            p = w.pick(1, lambda p: True)[0]
            rc = INSURERS[p.insurer]["staff"][0]
            banner = (f"<table class='banner'><tr><td>Claimant</td><td>{esc_html(w.scm(p))}</td><td>Date of birth</td><td>{fdate(p.dob, 'dmy')}</td></tr>"
                      f"<tr><td>Claim number</td><td>{p.claim_no}</td><td>Date of accident</td><td>{fdate(p.doa, 'dmy')}</td></tr></table>")
            w.ident(p)
            docs = "<table><tr><th>Document</th><th>Uploaded by</th><th>Date</th></tr>" + "".join(
                f"<tr><td>{x}</td><td>{p.cm[0]} {p.cm[1]}</td><td>{fdate(w.today - dt.timedelta(days=r.randint(1, 200)), 'dmy')}</td></tr>"
                for x in ["INA report", "Monthly report", "Invoice", "Costs budget"]) + "</table>"
            body = (f"<h1>{esc_html(p.insurer.split(' (')[0])} - Rehab Portal</h1>{banner}<h2>Documents</h2>{docs}"
                    f"<p>Rehabilitation co-ordinator: {rc[0]} {rc[1]}</p><p class='small'>{near_misses(w)['portal']}</p>")
            w.add(f"Portal/insurer_claim_{p.claim_no.replace('/', '')}.html", html_page("Claim summary", body))
        else:   # agency app: today's visits
            ps = w.pick(r.randint(5, 8), lambda p: p.support and not p.in_unit, prefer_access=True)
            rows = "".join(
                f"<tr><td>{r.choice(['08:00', '09:30', '14:00', '18:00'])}</td><td>{esc_html(w.fn(p))}</td><td>{esc_html(p.home['addr'])}, {p.home['postcode']}</td>"
                f"<td>{r.choice(SW)[0]}</td><td>{esc_html(' '.join(w.access_lines(p))) if w.has_access(p) and r.random() < 0.5 else ''}</td></tr>"
                for p in ps)
            body = f"<h1>{AGENCY} - Visits today</h1><table><tr><th>Time</th><th>Client</th><th>Address</th><th>Worker</th><th>Access info</th></tr>{rows}</table>"
            w.add(f"Portal/brightstep_visits_{(w.today - dt.timedelta(days=k)).isoformat()}.html", html_page("Visits", body))


def b_json(w, count):
    r = w.rng
    for k in range(count):
        ps = w.pick(r.randint(6, 10), lambda p: True)
        cases = []
        for p in ps:
            contacts = []
            for f in p.family:
                if f[3] == "claimant":
                    continue
                c = {"name": fam_str(f), "relationship": f[0]}
                if f[3] and r.random() < 0.5:
                    c["dob"] = f[3].isoformat()
                contacts.append(c)
            case = {"case_ref": p.our_ref, "claimant": {"title": p.title, "forename": p.forename, "middle_names": p.middle, "surname": p.surname,
                                                         "dob": fdate(p.dob, "iso")},
                    "claim": {"number": p.claim_no, "title": w.claim_title(p), "doa": p.doa.isoformat()},
                    "case_manager": f"{p.cm[0]} {p.cm[1]}", "contacts": contacts}
            if p.nhs:
                case["claimant"]["nhs_number"] = p.nhs
            if w.has_access(p) and r.random() < 0.4:
                case["home"] = {"type": p.home["type"], "access": " ".join(w.access_lines(p))}
            w.ident(p)
            cases.append(case)
        doc = {"export": {"system": "KestrelCMS", "generated": w.today.isoformat(), "by": f"{ADMIN[0][0]} {ADMIN[0][1]}"}, "cases": cases}
        w.add(f"Exports/kestrelcms_export_{k + 1}.json", json.dumps(doc, indent=1, ensure_ascii=False).encode())


def b_fallback(w):
    """Records where needed: every claimant identified, every planned access kind written."""
    r = w.rng
    missing = [p for p in w.people if p.id not in w.identified]
    if missing:
        rows = [["Tab", "Claimant", "Date of birth", "Claim", "Description"]]
        for i, p in enumerate(missing):
            rows.append([str(i + 1), w.fmn(p), fdate(p.dob, r.choice(["dmy", "long"])), w.claim_title(p), r.choice(["Medical records", "Witness statement", "Schedule of loss"])])
            w.ident(p)
        w.add("Correspondence/Bundles/trial_bundle_index_supplementary.docx", docx_bytes(["SUPPLEMENTARY BUNDLE INDEX", ("table", rows)]))
    al = [p for p in w.people if p.former]
    if al:
        rows = [["Case ref", "Current name", "Previous name", "Reason", "Date of birth", "Evidence seen by"]]
        for p in al:
            rows.append([p.our_ref, w.fmn(p), f"{p.former[0]} {p.former[1]}", "marriage" if p.former[2] == "née" else "change of name by deed poll",
                         fdate(p.dob, "dmy"), f"{ADMIN[0][0]} {ADMIN[0][1]}"])
            w.ident(p)
        w.add("Exports/alias_register.csv", csv_bytes(rows))
    todo = []
    for h in w.homes:
        if h["access"]:
            for m in h["members"]:
                miss = [k for k in h["access"]["kinds"] if k not in w.access_written[m.id]]
                if miss:
                    todo.append((m, miss))
    if todo:
        lines = [f"{AGENCY} - new client set-up checklist (access)", ""]
        for m, miss in todo:
            lines.append(f"{w.sc(m)}  DOB {fdate(m.dob, 'dmy')}  {m.home['addr']}, {m.home['postcode']}")
            lines.append("  " + " ".join(w.access_lines(m, kinds=miss)))
            lines.append("---")
        w.add("Brightstep/Setup/new_client_access_checklist.txt", "\n".join(lines).encode())


# ---------------------------------------------------------------- main
def build(n, seed):
    w = World(n, seed)
    s = n / 120.0

    def c(x):
        return max(1, round(x * s))
    # free text (~42)
    b_file_notes(w, c(22), None)
    b_shift_logs(w, c(6))
    b_therapy_notes(w, c(4))
    b_deputy_notes(w, c(4))
    b_case_conf(w, c(3))
    b_chats(w, c(3))
    # letters (~41)
    b_ina_docx(w, c(6))
    b_monthly_docx(w, c(5))
    b_letters(w, c(8), c(12), c(10))
    # structured (~42)
    b_caseloads(w, 4)
    b_budgets(w, c(5))
    b_rotas(w, c(3))
    b_timesheets_csv(w, c(3))
    b_invoices(w, c(2), c(1))
    b_hl7(w, c(5))
    b_fhir(w, c(4))
    b_emails(w, c(10))
    b_html(w, c(4))
    b_json(w, c(2))
    b_fallback(w)
    return w


def truth(w):
    people = []
    for p in w.people:
        a = p.home["access"]
        written = w.access_written[p.id]
        kinds = [k for k in ("code", "hidden_key", "key_holder", "left_open") if k in written]
        val = ""
        if kinds:
            if "code" in kinds:
                val = a["code"]
            elif "hidden_key" in kinds:
                val = a["place"]
            elif "key_holder" in kinds:
                val = f"key held by {a['holder'][0]} {a['holder'][1]}"
            else:
                val = a["open"]
        d = {"forename": p.forename, "surname": p.surname, "dob": p.dob.strftime("%d/%m/%Y"), "nhs_number": p.nhs,
             "keysafe_code": val, "access_kind": kinds, "special_category": True}
        if p.middle:
            d["middle_names"] = p.middle
        people.append(d)
    claimant_names = {f"{p.forename} {p.surname}" for p in w.people}
    related = [x for x in w.related]
    assert not (set(related) & claimant_names), set(related) & claimant_names
    assert not (set(related) & set(staff_names()))
    return {"people": people, "staff": staff_names(), "related": related}


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        sys.exit(2)
    share, tpath = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 120
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    w = build(n, seed)
    seen = set()
    for rel, data in w.files:
        base, ext = os.path.splitext(rel)
        i = 2
        while rel in seen:
            rel = f"{base} ({i}){ext}"
            i += 1
        seen.add(rel)
        path = os.path.join(share, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as fh:
            fh.write(data)
    os.makedirs(os.path.dirname(os.path.abspath(tpath)), exist_ok=True)
    with open(tpath, "w") as fh:
        json.dump(truth(w), fh, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
