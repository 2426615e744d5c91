#!/usr/bin/env python
"""Held-out breach share 24: a memory service and dementia support partnership.

usage: heldout_share_24.py SHARE_DIR TRUTH.json [PEOPLE=120] [SEED=1]

Writes an invented share (memory clinic, Admiral nurses, day centre + minibus,
befriending/sitting volunteers, carers' group, Herbert Protocol forms) and the truth.
Standard library + python-docx + openpyxl; PDFs are written by a small built-in writer.
"""
import csv
import io
import json
import os
import random
import sys
import zlib
from datetime import date, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from datetime import datetime, timezone
from xml.sax.saxutils import escape

import docx
import openpyxl

# ---------------------------------------------------------------- name pools
F_FEM = ["Ann", "Margaret", "Joan", "Dorothy", "Irene", "Patricia", "Sheila", "Brenda", "Maureen",
         "Jean", "Eileen", "Doreen", "Betty", "Edna", "Gwen", "Hilda", "Mavis", "Valerie", "Sylvia",
         "Pauline", "Barbara", "Kathleen", "Rita", "Elsie", "Marjorie", "Audrey", "Winifred",
         "Glenys", "Nora", "Bridget", "Theresa", "Parveen", "Kamaljit", "Hyacinth", "Gloria",
         "Phyllis", "Iris", "Muriel", "Olive", "Vera", "Freda", "Enid", "Beryl", "Lorna", "Yvonne"]
F_MAL = ["Arthur", "Kenneth", "Dennis", "Ronald", "Harold", "Frank", "Albert", "Stanley", "Leonard",
         "Norman", "Derek", "Brian", "Geoffrey", "Raymond", "Clifford", "Eric", "Walter", "Cyril",
         "Trevor", "Malcolm", "Desmond", "Gurdev", "Tadeusz", "Winston", "Seamus", "Alun", "Percy",
         "Reginald", "Sidney", "Herbert", "Roy", "Bernard", "Gordon", "Douglas", "Wilfred", "Mohammed"]
MIDDLE_F = ["Mary", "Elizabeth", "Joan", "Rose", "May", "Louise", "Ann", "Edith", "Grace", "Maud",
            "Pearl", "Jean", "Lilian", "Violet"]
MIDDLE_M = ["James", "John", "William", "Edward", "George", "Thomas", "Henry", "Arthur", "Charles",
            "Frederick", "Albert", "Victor"]
SURN = ["Price", "Hartley", "Pemberton", "Crossley", "Hargreaves", "Ackroyd", "Sutcliffe",
        "Threlfall", "Brogden", "Kowalczyk", "Okafor", "Bhatti", "Mistry", "O'Rourke", "D'Souza",
        "Ashworth-Lee", "McAllister", "Fitzgerald", "Holroyd", "Greenwood", "Barraclough",
        "Wainwright", "Ormerod", "Butterworth", "Haworth", "Kershaw", "Lumb", "Midgley", "Pickles",
        "Rushworth", "Sagar", "Tattersall", "Uttley", "Whiteley", "Nutter", "Dewhurst", "Entwistle",
        "Fielden", "Gaukroger", "Hey", "Illingworth", "Jagger", "Lister", "Mitchell", "Normanton",
        "Priestley", "Redman", "Schofield", "Tordoff", "Varley", "Walsh", "Brennan", "O'Neill",
        "Kaur", "Singh", "Begum", "Chaudhry", "Campbell-Reid", "Forbes", "Gallagher", "Horsfall",
        "Jowett", "Kitson", "Lockwood", "Marsden", "Naylor", "Oldroyd", "Pollard", "Quarmby",
        "Rhodes", "Stansfield", "Tennant", "Wadsworth", "Yates", "Zielinski", "Ellwood", "Dyson",
        "Cawthorne", "Bairstow", "Appleyard", "Mortimer-Shaw", "O'Hara", "Duckworth", "Spencer",
        "Tetley", "Bottomley", "Clegg", "Hirst", "Sykes", "Firth"]
REL_F = ["Karen", "Julie", "Dawn", "Tracey", "Nicola", "Lisa", "Claire", "Helen", "Joanne",
         "Michelle", "Rachel", "Sarah", "Deborah", "Amanda", "Lorraine", "Jacqueline", "Samina",
         "Gillian", "Wendy", "Kerry", "Donna", "Angela"]
REL_M = ["Gareth", "Steven", "Mark", "Paul", "Darren", "Andrew", "Simon", "Wayne", "Craig",
         "Stuart", "Neil", "Jason", "Martin", "Lee", "Imran", "Philip", "Carl", "Ian", "Gary"]
NEIGH_SURN = ["Avery", "Doyle", "Fenwick", "Goodall", "Hamer", "Inskip", "Jepson", "Kilner",
              "Lees", "Moxon", "Nuttall", "Pogson", "Riley", "Swales", "Thewlis", "Verity",
              "Womersley", "Ramsden", "Crabtree", "Hebden"]
STREETS = ["Hollin Lane", "Back Shaw Street", "Moorside Road", "Cragg Vale Terrace", "Ewood Court",
           "Lumbutts Road", "Savile Park Gardens", "Birks Hall Lane", "Chapel Fold", "Well Royd Avenue",
           "Stoney Royd", "Mill Bank Road", "Heptonstall Road", "Oakroyd Close", "Fern Hill Grove",
           "Ling Bob Croft", "Tenter Fields", "Booth Street", "Sowerby New Road", "Crow Nest Drive",
           "Pellon Lane", "Parkinson Lane", "Wheatley Court", "Bankfield Mount", "Norton Tower Lane"]
TOWNS = [("Calderbridge", "CB3"), ("Calderbridge", "CB4"), ("Hebble End", "CB7"),
         ("Sowerthorpe", "CB6"), ("Luddenfoot", "CB2"), ("Mytholm", "CB9")]
CARE_HOMES = ["Oakfield House", "The Laurels Nursing Home", "Beechwood Court Care Home",
              "St Anne's Residential Home", "Crow Wood Lodge"]

STAFF = [  # (name, role, short)
    ("Dr Omar Haddad", "Consultant Old Age Psychiatrist", "OH"),
    ("Dr Fiona Carmichael", "Consultant Old Age Psychiatrist", "FC"),
    ("Dr Sunil Raghavan", "Specialty Doctor, Memory Clinic", "SR"),
    ("Leanne Bishop", "Admiral Nurse", "LB"),
    ("Rosalind Achebe", "Admiral Nurse", "RA"),
    ("Tomasz Wrobel", "Admiral Nurse", "TW"),
    ("Bethan Lloyd-Harris", "Memory Clinic Nurse Specialist", "BLH"),
    ("Priya Nandakumar", "Clinical Pharmacist", "PN"),
    ("Graham Oddie", "Minibus Driver", "GO"),
    ("Keith Stothard", "Minibus Driver", "KS"),
    ("Shazia Anwar", "Passenger Assistant", "SA"),
    ("Mandy Fairclough", "Day Centre Coordinator", "MF"),
    ("Colin Etherington", "Day Centre Support Worker", "CE"),
    ("Joyce Bentham", "Befriending Coordinator", "JB"),
    ("Agnieszka Nowak", "Sitting Service Volunteer", "AN"),
    ("Derek Illsley", "Befriending Volunteer", "DI"),
    ("Harriet Quenby", "Befriending Volunteer", "HQ"),
    ("Rev. Alan Musgrave", "Befriending Volunteer", "AM"),
    ("Tessa Vickerman", "Carers' Group Facilitator", "TV"),
    ("Nadia Farouk", "Admin Officer", "NF"),
    ("Lynne Cowgill", "Service Manager", "LC"),
    ("Hamza Iqbal", "Occupational Therapist", "HI"),
    ("Sophie Ratcliffe-Dunn", "Assistant Psychologist", "SRD"),
]
GPS = ["Dr Helen Maddox", "Dr Rajesh Kothari", "Dr Euan Strachan", "Dr Catriona Bell",
       "Dr Ifeoma Nwosu", "Dr Peter Langstaff"]
SURGERIES = ["Rydings Hall Surgery", "Boulevard Medical Practice", "Beechwood Medical Centre",
             "Stainland Road Surgery", "Hebble End Health Centre"]
DIAG = [("Alzheimer's disease, late onset", "F00.1"), ("Vascular dementia", "F01.9"),
        ("Mixed Alzheimer's and vascular dementia", "F00.2"), ("Dementia with Lewy bodies", "G31.8"),
        ("Frontotemporal dementia", "F02.0"), ("Mild cognitive impairment", "F06.7"),
        ("Alzheimer's disease, early onset", "F00.0")]
MEDS = ["Donepezil 10mg nocte", "Donepezil 5mg nocte", "Rivastigmine patch 9.5mg/24h",
        "Galantamine XL 16mg od", "Memantine 20mg od", "Memantine 10mg od", "Sertraline 50mg od",
        "Mirtazapine 15mg nocte", "Amlodipine 5mg od", "Atorvastatin 20mg nocte",
        "Levothyroxine 75mcg od", "Bisoprolol 2.5mg od", "Metformin 500mg bd", "Clopidogrel 75mg od"]

TODAY = date(2026, 10, 30)
START = date(2026, 3, 2)


def nhs_number(rng, used):
    while True:
        d = [4, 8, 5] + [rng.randint(0, 9) for _ in range(6)]
        s = sum(w * x for w, x in zip(range(10, 1, -1), d))
        c = 11 - (s % 11)
        if c == 11:
            c = 0
        if c == 10:
            continue
        n = "".join(map(str, d)) + str(c)
        if n not in used:
            used.add(n)
            return n


def fmt_nhs(n, style):
    if style == 0:
        return n
    if style == 1:
        return f"{n[:3]} {n[3:6]} {n[6:]}"
    return f"{n[:3]}-{n[3:6]}-{n[6:]}"


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def fmt_dob(d, style):
    if style == 0:
        return d.strftime("%d/%m/%Y")
    if style == 1:
        return f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}"
    if style == 2:
        return d.isoformat()
    if style == 3:
        return d.strftime("%d.%m.%Y")
    if style == 4:
        suf = "th" if 11 <= d.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
        return f"{d.day}{suf} {MONTHS[d.month - 1]} {d.year}"
    return f"{d.day:02d}-{MONTHS[d.month - 1][:3]}-{d.year}"


def dmy(d):
    return d.strftime("%d/%m/%Y")


def phone(rng):
    r = rng.random()
    if r < 0.6:
        return f"07700 900{rng.randint(0, 999):03d}"
    if r < 0.85:
        return f"0113 496 0{rng.randint(0, 999):03d}"
    return f"0117 496 0{rng.randint(0, 999):03d}"


class Rel:
    def __init__(self, forename, surname, relation, phone_no, address=None):
        self.forename, self.surname, self.relation = forename, surname, relation
        self.phone, self.address = phone_no, address

    @property
    def full(self):
        return f"{self.forename} {self.surname}"


class Person:
    pass


# ---------------------------------------------------------------- minimal PDF writer
def pdf_bytes(pages, font="Helvetica", size=10):
    """pages: list of list of text lines. Writes a text-layer PDF (WinAnsi)."""
    objs = []

    def add(b):
        objs.append(b)
        return len(objs)

    font_id = add(f"<< /Type /Font /Subtype /Type1 /BaseFont /{font} /Encoding /WinAnsiEncoding >>".encode())
    page_ids = []
    pages_id_placeholder = len(objs) + 1
    add(b"")  # pages object placeholder
    for lines in pages:
        out = io.StringIO()
        out.write(f"BT /F1 {size} Tf {size + 3} TL 50 800 Td\n")
        for ln in lines:
            t = ln.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            out.write(f"({t}) Tj T*\n")
        out.write("ET\n")
        raw = zlib.compress(out.getvalue().encode("cp1252", "replace"))
        cid = add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(raw) + raw + b"\nendstream")
        pid = add(f"<< /Type /Page /Parent {pages_id_placeholder} 0 R /MediaBox [0 0 595 842] "
                  f"/Resources << /Font << /F1 {font_id} 0 R >> >> /Contents {cid} 0 R >>".encode())
        page_ids.append(pid)
    objs[pages_id_placeholder - 1] = (f"<< /Type /Pages /Kids [{' '.join(f'{p} 0 R' for p in page_ids)}] "
                                      f"/Count {len(page_ids)} >>").encode()
    cat = add(f"<< /Type /Catalog /Pages {pages_id_placeholder} 0 R >>".encode())
    buf = io.BytesIO()
    buf.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(buf.tell())
        buf.write(f"{i} 0 obj\n".encode() + o + b"\nendobj\n")
    xref = buf.tell()
    buf.write(f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode())
    for o in offs:
        buf.write(f"{o:010d} 00000 n \n".encode())
    buf.write(f"trailer\n<< /Size {len(objs) + 1} /Root {cat} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return buf.getvalue()


def wrap(text, width=92):
    out = []
    for para in text.split("\n"):
        line = ""
        for w in para.split(" "):
            if len(line) + len(w) + 1 > width and line:
                out.append(line)
                line = w
            else:
                line = (line + " " + w) if line else w
        out.append(line)
    return out


def write_pdf(path, text, font="Helvetica", size=10, per_page=58):
    lines = wrap(text)
    pages = [lines[i:i + per_page] for i in range(0, len(lines), per_page)] or [[""]]
    with open(path, "wb") as f:
        f.write(pdf_bytes(pages, font, size))


def write_docx(path, paras, table=None, header=None, footer=None):
    d = docx.Document()
    if header:
        d.sections[0].header.paragraphs[0].text = header
    if footer:
        d.sections[0].footer.paragraphs[0].text = footer
    for p in paras:
        if p is None:
            continue
        if p == "<<TABLE>>" and table:
            t = d.add_table(rows=0, cols=len(table[0]))
            t.style = "Table Grid"
            for row in table:
                cells = t.add_row().cells
                for c, v in zip(cells, row):
                    c.text = str(v)
            continue
        d.add_paragraph(p)
    d.save(path)


# ---------------------------------------------------------------- the world
def make_world(n, rng):
    used_nhs, used_names = set(), set()
    people, related_names = [], set()
    gp_of = {}
    surn_pool = SURN[:]
    rng.shuffle(surn_pool)
    for i in range(n):
        p = Person()
        p.idx = i
        p.sex = "F" if rng.random() < 0.58 else "M"
        while True:
            fn = rng.choice(F_FEM if p.sex == "F" else F_MAL)
            sn = rng.choice(surn_pool)
            if (fn, sn) not in used_names:
                break
        used_names.add((fn, sn))
        p.forename, p.surname = fn, sn
        p.middle = rng.choice(MIDDLE_F if p.sex == "F" else MIDDLE_M) if rng.random() < 0.45 else ""
        if p.middle == p.forename:
            p.middle = ""
        p.known_middle = bool(p.middle) and rng.random() < 0.35   # known by middle name
        p.title = ("Mrs" if rng.random() < 0.7 else rng.choice(["Miss", "Ms"])) if p.sex == "F" else "Mr"
        p.dob = date(1926, 1, 1) + timedelta(days=rng.randint(0, 365 * 34))
        p.nhs = nhs_number(rng, used_nhs) if rng.random() < 0.75 else ""
        town, out = rng.choice(TOWNS)
        p.addr = f"{rng.randint(1, 140)} {rng.choice(STREETS)}, {town}"
        if rng.random() < 0.12:
            p.addr = f"Flat {rng.randint(1, 24)}, {rng.choice(['Ewood', 'Bankfield', 'Calder'])} House, " + p.addr.split(', ', 1)[1]
        p.postcode = f"{out} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
        p.phone = phone(rng)
        p.gp = rng.choice(GPS)
        p.surgery = SURGERIES[GPS.index(p.gp) % len(SURGERIES)]
        p.diag = rng.choice(DIAG)
        p.meds = rng.sample(MEDS, rng.randint(2, 5))
        r = rng.random()
        p.status = "home" if r < 0.78 else ("care" if r < 0.88 else "died")
        p.event_date = START + timedelta(days=rng.randint(60, 220))
        p.care_home = rng.choice(CARE_HOMES) if p.status == "care" else ""
        # household
        p.spouse = None
        p.partner_patient = None
        if rng.random() < 0.55:
            sf = rng.choice(F_MAL if p.sex == "F" else F_FEM)
            p.spouse = Rel(sf, p.surname, "husband" if p.sex == "F" else "wife", p.phone)
        kids = []
        for _ in range(rng.choice([0, 1, 1, 2])):
            ks = rng.random() < 0.5
            kf = rng.choice(REL_F if ks else REL_M)
            ksn = p.surname if (not ks or rng.random() < 0.4) else rng.choice(NEIGH_SURN + SURN[:10])
            kids.append(Rel(kf, ksn, "daughter" if ks else "son", phone(rng)))
        p.kids = kids
        p.neighbour = None
        if rng.random() < 0.35:
            nf = rng.choice(F_FEM + REL_F + F_MAL)
            p.neighbour = Rel(nf, rng.choice(NEIGH_SURN), "neighbour", phone(rng),
                              f"no. {rng.randint(1, 140)}")
        p.services = {"clinic"} if rng.random() < 0.85 else set()
        for s, pr in (("admiral", 0.4), ("daycentre", 0.45), ("befriend", 0.3), ("herbert", 0.35)):
            if rng.random() < pr:
                p.services.add(s)
        if not p.services:
            p.services.add("admiral")
        if p.status == "died" and p.spouse is None and not p.kids:
            p.kids = [Rel(rng.choice(REL_F), p.surname, "daughter", phone(rng))]
        p.written = set()
        people.append(p)
    # dual-patient couples: take pairs of people living at home, make them a household
    homes = [p for p in people if p.status == "home" and p.spouse is None]
    rng.shuffle(homes)
    couples = []
    for a, b in zip(homes[0:12:2], homes[1:12:2]):
        if a.sex == b.sex:
            continue
        if (b.forename, a.surname) in used_names:
            continue
        used_names.discard((b.forename, b.surname))
        b.surname = a.surname
        used_names.add((b.forename, b.surname))
        b.addr, b.postcode, b.phone = a.addr, a.postcode, a.phone
        b.title = "Mrs" if b.sex == "F" else "Mr"
        a.partner_patient, b.partner_patient = b, a
        b.kids = a.kids
        b.neighbour = a.neighbour
        b.services |= {"daycentre"}
        a.services |= {"daycentre"}
        couples.append((a, b))
    # the first couple: one of them dies during the period, the other (also a patient) stays at home
    if couples:
        a, b = couples[0]
        late = a if a.sex == "M" else b
        late.status, late.care_home = "died", ""
        late.event_date = START + timedelta(days=150)
    # access facts
    for p in people:
        p.code = p.hidden = p.holder = p.open = None
        if p.partner_patient is not None and p.partner_patient.idx < p.idx:
            q = p.partner_patient
            p.code, p.hidden, p.holder, p.open = q.code, q.hidden, q.holder, q.open
            continue
        r = rng.random()
        if r < 0.35:
            p.code = {"code": f"{rng.randint(0, 9999):04d}",
                      "dev": rng.choice(["key safe", "keysafe", "key safe", "key box", "lock box",
                                         "door entry keypad", "gate padlock"]),
                      "where": rng.choice(["left of the front door", "by the back door",
                                           "on the wall behind the wheelie bins", "in the porch",
                                           "under the kitchen window", "on the side of the garage",
                                           "next to the gas meter", "by the side gate"])}
        if rng.random() < 0.16:
            p.hidden = rng.choice(["under the stone frog by the back step",
                                   "in the meter box at the front",
                                   "on a string behind the letterbox",
                                   "under the mat at the back door",
                                   "under the blue plant pot by the shed",
                                   "on the hook inside the coal shed",
                                   "in the bird box on the fence",
                                   "under the gnome by the garage",
                                   "inside the old boot by the back door"])
        if rng.random() < 0.22:
            cands = [k for k in p.kids] + ([p.neighbour] if p.neighbour else [])
            if not cands or rng.random() < 0.3:
                nf = rng.choice(F_FEM + REL_F)
                p.neighbour = p.neighbour or Rel(nf, rng.choice(NEIGH_SURN), "neighbour", phone(rng),
                                                 f"no. {rng.randint(1, 140)}")
                cands = [p.neighbour]
            p.holder = rng.choice(cands)
        if rng.random() < 0.14 and (p.spouse or "daycentre" in p.services):
            p.open = rng.choice(["front door left on the latch from 9.15 for the minibus",
                                 "back door left unlocked - let yourself in and shout",
                                 "door on the snib when expecting us, just push it",
                                 "door kept unlocked in the day, walk straight in"])
        if p.partner_patient is not None:
            q = p.partner_patient
            q.code, q.hidden, q.holder, q.open = p.code, p.hidden, p.holder, p.open
    # no related person may share a full name with a patient or staff member
    taken = {f"{p.forename} {p.surname}" for p in people} | {f"{known(p)} {p.surname}" for p in people}
    taken |= {n for n, _, _ in STAFF} | set(GPS)
    for p in people:
        for r in ([p.spouse] if p.spouse else []) + p.kids + ([p.neighbour] if p.neighbour else []):
            pool = REL_F + REL_M if r.relation in ("son", "daughter") else F_FEM + F_MAL + REL_F
            while r.full in taken:
                r.forename = rng.choice(pool)
    return people, couples


def has_access(p):
    return any([p.code, p.hidden, p.holder, p.open])


# ----- name shapes
def known(p):
    return p.middle if p.known_middle else p.forename


def nm_full(p):            # Ann Price  (known-as)
    return f"{known(p)} {p.surname}"


def nm_title(p):           # Mrs Ann Price
    return f"{p.title} {known(p)} {p.surname}"


def nm_formal(p):          # Mrs Elizabeth Joan Price
    mid = f" {p.middle}" if p.middle else ""
    return f"{p.title} {p.forename}{mid} {p.surname}"


def nm_upper_first(p):     # PRICE, Ann
    mid = f" {p.middle}" if p.middle else ""
    return f"{p.surname.upper()}, {p.forename}{mid}"


def nm_upper_last(p):      # Ann PRICE
    return f"{known(p)} {p.surname.upper()}"


def nm_knownas(p):
    if p.known_middle:
        return f"{p.forename} {p.middle} {p.surname} (known as {p.middle})"
    return f"{p.forename} {p.surname}"


def pr(p):
    return "she" if p.sex == "F" else "he"


def pos(p):
    return "her" if p.sex == "F" else "his"


# ----- access phrasing: every call records the kind as written for that person
def access_text(p, voice, rng, include=("code", "hidden_key", "key_holder", "left_open")):
    bits = []
    if p.code and "code" in include:
        c = p.code
        forms = {
            "nurse": [f"Access: {c['dev']} {c['where']}, code {c['code']}.",
                      f"Let myself in using the {c['dev']} ({c['where']}) - code {c['code']}.",
                      f"{c['dev'].capitalize()} {c['where']}, number is {c['code']}."],
            "driver": [f"KS {c['code']} {c['where']}", f"{c['dev']} {c['code']} ({c['where']})",
                       f"code {c['code']} - {c['dev']} {c['where']}"],
            "volunteer": [f"The {c['dev']} is {c['where']} and the code is {c['code']}.",
                          f"if no answer use the {c['dev']} {c['where']}, code {c['code']}"],
            "form": [f"{c['dev'].capitalize()} {c['where']} - code {c['code']}"],
        }[voice]
        bits.append(rng.choice(forms))
        record(p, "code")
    if p.hidden and "hidden_key" in include:
        forms = {
            "nurse": [f"Spare key kept {p.hidden}.", f"Family keep a key {p.hidden}."],
            "driver": [f"key {p.hidden}", f"spare key {p.hidden}"],
            "volunteer": [f"There is a spare key {p.hidden} if {pr(p)} doesn't hear the bell."],
            "form": [f"Spare key {p.hidden}"],
        }[voice]
        bits.append(rng.choice(forms))
        record(p, "hidden_key")
    if p.holder and "key_holder" in include:
        h = p.holder
        extra = f" at {h.address}" if h.address else ""
        forms = {
            "nurse": [f"Key holder: {h.relation} {h.full}{extra} ({h.phone}).",
                      f"{h.relation.capitalize()} {h.full}{extra} holds a key.",
                      f"Spare key held by {h.full} ({h.relation}) {h.phone}."],
            "driver": [f"keys held by {h.full} ({h.relation}{extra}) {h.phone}",
                       f"if no ans {h.relation} {h.full} has a key {h.phone}"],
            "volunteer": [f"{h.full}, the {h.relation}{extra}, has a key if you need it."],
            "form": [f"Key holder: {h.full} ({h.relation}) tel {h.phone}"],
        }[voice]
        bits.append(rng.choice(forms))
        record(p, "key_holder")
    if p.open and "left_open" in include:
        forms = {
            "nurse": [f"NB {p.open}.", f"Family say {p.open}."],
            "driver": [p.open, p.open.replace("front door", "frnt dr")],
            "volunteer": [f"{p.open[0].upper()}{p.open[1:]}."],
            "form": [p.open],
        }[voice]
        bits.append(rng.choice(forms))
        record(p, "left_open")
    return " ".join(bits)


def record(p, kind):
    p.written.add(kind)
    if p.partner_patient is not None and p.partner_patient.status == p.status:
        pass  # the partner's own files state it for them separately


NEAR_MISS = [
    "Day centre key safe (staff use only) is 4092 - please don't write it on sheets.",
    "Minibus keys in the key cabinet at the depot, code with Mandy.",
    "Code status: DNACPR in place, ReSPECT form on the fridge.",
    "Key worker at the day centre: Colin.",
    "Key points from the visit below.",
    "Key safe fitting requested via Handyperson scheme - waiting list approx 6 wks.",
    "Daughter has asked for the key safe code to be kept off the notes - code is with the office.",
    "Wheelchair access via the ramp at the side entrance.",
    "Reminded to lock the door and put the chain on at night, worried about cold callers.",
    "Bank card PIN was written on a note in the purse - advised to destroy it, son aware.",
    "Visit type code: AN-F2F. Timesheet code 117.",
    "Has trouble with the TV remote, presses every key.",
    "Access to GP is by phone only at the moment, long waits.",
    "Office door code changed Monday - ask Nadia.",
]


# ---------------------------------------------------------------- writers
class Share:
    def __init__(self, root, rng):
        self.root, self.rng = root, rng
        self.count = {}
        self.corpus = []
        self.seen = set()

    def path(self, rel):
        full = os.path.join(self.root, rel)
        stem, ext0 = os.path.splitext(full)
        k = 2
        while full in self.seen:
            full = f"{stem}_{k}{ext0}"
            k += 1
        self.seen.add(full)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        ext = os.path.splitext(rel)[1].lower() or "(none)"
        self.count[ext] = self.count.get(ext, 0) + 1
        return full

    def docx(self, rel, paras, **kw):
        self.corpus.append("\n".join(x for x in paras if x))
        for row in kw.get("table") or []:
            self.corpus.append(" | ".join(map(str, row)))
        write_docx(self.path(rel), paras, **kw)

    def pdf(self, rel, text, **kw):
        self.corpus.append(text)
        write_pdf(self.path(rel), text, **kw)

    def xlsx(self, rel, wb):
        for ws in wb.worksheets:
            for row in ws.iter_rows(values_only=True):
                self.corpus.append(" | ".join("" if v is None else str(v) for v in row))
        wb.save(self.path(rel))

    def text(self, rel, s, enc="utf-8"):
        self.corpus.append(s)
        with open(self.path(rel), "w", encoding=enc, newline="") as f:
            f.write(s)

    def csv(self, rel, rows, delim=","):
        buf = io.StringIO()
        csv.writer(buf, delimiter=delim, lineterminator="\r\n").writerows(rows)
        self.text(rel, buf.getvalue())


def fname(p):
    return f"{p.surname.replace(' ', '')}_{known(p)[0]}"


def visit_date(rng, p, before=None):
    hi = (before or TODAY) - START
    return START + timedelta(days=rng.randint(0, max(1, hi.days - 1)))


def write_visit_notes(sh, people, staff_by_role, rng):
    nurses = staff_by_role["Admiral Nurse"]
    for p in people:
        if "admiral" not in p.services:
            continue
        p.nurse = rng.choice(nurses)
        nvis = rng.randint(1, 3)
        limit = p.event_date if p.status != "home" else TODAY
        for v in range(nvis):
            d = visit_date(rng, p, limit)
            carer = p.spouse.full if p.spouse else (p.kids[0].full if p.kids else "")
            style = rng.randint(0, 2)
            lines = []
            if style == 0:
                lines += ["ADMIRAL NURSE SERVICE - HOME VISIT RECORD", "",
                          f"Date of visit: {dmy(d)}    Admiral Nurse: {p.nurse}",
                          f"Person living with dementia: {nm_title(p)}",
                          f"DOB: {fmt_dob(p.dob, rng.randint(0, 5))}" + (f"   NHS No: {fmt_nhs(p.nhs, rng.randint(0, 2))}" if p.nhs else ""),
                          f"Address: {p.addr} {p.postcode}",
                          f"Main carer: {carer} ({p.spouse.relation if p.spouse else 'family'})" if carer else "Main carer: none - lives alone",
                          "", "Summary:"]
            elif style == 1:
                lines += [f"{dmy(d)} AN home visit - {nm_upper_first(p)} - {fmt_dob(p.dob, 0)}", ""]
            else:
                lines += [f"Visit note {d.strftime('%d.%m.%y')}", f"Re: {nm_full(p)} (dob {fmt_dob(p.dob, 3)})", ""]
            who = f"{known(p)} and {p.spouse.forename}" if p.spouse else known(p)
            body = rng.choice([
                f"Visited {who} at home. {known(p)} more muddled in the evenings per family, "
                f"some sundowning. Sleep poor. Discussed routine + daytime activity.",
                f"Joint visit with OT. {known(p)} settled, recognised me today. "
                f"{'Carer ' + p.spouse.forename + ' v tired, not sleeping, tearful at times.' if p.spouse else 'Lives alone, dtr phones daily.'}",
                f"Home visit. Discussed LPA (health + welfare) - forms not done yet. {known(p)} "
                f"pleasant, walked with frame. Some word-finding difficulty. Wandered out once last wk, found by neighbour.",
                f"Tel call then visit. Meds in dosette, taking {p.meds[0]}. Appetite ok. "
                f"{'Husband' if p.spouse and p.spouse.relation == 'husband' else 'Family'} asking about respite at the day centre.",
            ])
            lines.append(body)
            both = p.partner_patient is not None and (p.partner_patient.status == "home" or d < p.partner_patient.event_date)
            if both:
                q = p.partner_patient
                lines.append(f"{known(q)} ({pos(p)} {'wife' if q.sex == 'F' else 'husband'}, also known to "
                             f"the memory service, DOB {fmt_dob(q.dob, 0)}) was present and contributed.")
            if has_access(p) and (v == 0 or rng.random() < 0.3):
                before = set(p.written)
                lines.append(access_text(p, "nurse", rng))
                if both:
                    p.partner_patient.written |= p.written
            if rng.random() < 0.4:
                lines.append(rng.choice(NEAR_MISS))
            lines += ["", f"Plan: review {rng.choice(['2/52', '4/52', '6/52', 'next month'])}. Carers group info given.",
                      f"{p.nurse.split()[0]} {rng.choice(['(AN)', 'Admiral Nurse', ''])}"]
            txt = "\n".join(lines) + "\n"
            rel = f"AdmiralNurses/{p.nurse.split()[-1]}/visits/{fname(p)}_{d.isoformat()}_{v}"
            if rng.random() < 0.3:
                sh.docx(rel + ".docx", txt.split("\n"))
            else:
                sh.text(rel + ".txt", txt)
    # events: moves and deaths, written in a later note
    for p in people:
        if p.status == "home" or "admiral" not in p.services:
            continue
        if p.status == "care":
            t = (f"{dmy(p.event_date)} - {nm_title(p)} (DOB {fmt_dob(p.dob, 0)}) moved permanently into "
                 f"{p.care_home} today following carer breakdown. House to be sold. Discharged from AN caseload.\n")
        else:
            q = p.partner_patient
            if q is not None:
                t0 = (f"{dmy(p.event_date)} - Sad news: {nm_title(p)} (DOB {fmt_dob(p.dob, 0)}) died in hospital after a chest "
                      f"infection. {pos(p).capitalize()} wife {nm_title(q)} (also on our caseload) told us by phone; she is staying "
                      f"in the house and the day centre will keep collecting her. ")
                sh.text(f"AdmiralNurses/{p.nurse.split()[-1]}/closures/{fname(p)}_closure.txt", t0 + "\n")
                continue
            bereaved = p.spouse.full if p.spouse else (p.kids[0].full if p.kids else "the family")
            t = (f"{dmy(p.event_date)} - Sad news: {nm_title(p)} (DOB {fmt_dob(p.dob, 0)}) died peacefully at home / "
                 f"in hospital. {'Spouse' if p.spouse else 'Family:'} {bereaved} informed us. "
                 f"{'The house is now empty.' if not p.spouse else p.spouse.forename + ' staying on in the house for now.'} "
                 f"Bereavement letter to go from the team.\n")
        sh.text(f"AdmiralNurses/{p.nurse.split()[-1]}/closures/{fname(p)}_closure.txt", t)


def write_register(sh, people, rng):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Members"
    ws.append(["Member ID", "Surname", "Forename", "Known as", "DOB", "NHS No", "Address", "Postcode",
               "Days", "Status"])
    tr = wb.create_sheet("Transport")
    tr.append(["Member ID", "Name", "Route", "Pick-up", "Access notes", "Key safe code", "Key holder"])
    ct = wb.create_sheet("Contacts")
    ct.append(["Member ID", "Member", "Contact name", "Relationship", "Phone", "Holds key"])
    members = [p for p in people if "daycentre" in p.services]
    for p in members:
        p.member_id = f"DC{1000 + p.idx}"
        st = {"home": "Active", "care": f"Left - moved to {p.care_home}", "died": "Deceased"}[p.status]
        ws.append([p.member_id, p.surname, p.forename, known(p) if p.known_middle else "",
                   fmt_dob(p.dob, 0), fmt_nhs(p.nhs, 1) if p.nhs else "", p.addr, p.postcode,
                   rng.choice(["Mon/Wed", "Tue/Thu", "Fri", "Mon-Fri", "Wed"]), st])
        if p.status == "home":
            note = access_text(p, "driver", rng, include=("hidden_key", "left_open"))
            code = ""
            if p.code:
                code = p.code["code"]
                record(p, "code")
            holder = ""
            if p.holder:
                holder = f"{p.holder.full} ({p.holder.relation})"
                record(p, "key_holder")
            tr.append([p.member_id, f"{known(p)} {p.surname}", rng.choice(["A", "B", "C"]),
                       f"{rng.randint(8, 9)}:{rng.choice(['00', '15', '30', '45'])}", note, code, holder])
        for c in ([p.spouse] if p.spouse else []) + p.kids[:1]:
            ct.append([p.member_id, nm_upper_first(p), c.full, c.relation, c.phone,
                       "Y" if p.holder is c and p.status == "home" else ""])
    sh.xlsx("DayCentre/Register/Members_register_MASTER.xlsx", wb)
    return members


def staff_sig(name, role):
    return [name, role, "Calder Valley Memory Service & Dementia Support Partnership",
            "Tel 0113 496 0412"]


def write_clinic(sh, people, rng):
    docs = [n for n, r, _ in STAFF if r.startswith("Consultant") or r.startswith("Specialty")]
    for p in people:
        if "clinic" not in p.services:
            continue
        doc = rng.choice(docs)
        d = visit_date(rng, p, p.event_date if p.status != "home" else TODAY)
        p.consultant = doc
        diag, icd = p.diag
        who = (f"accompanied by {pos(p)} {p.spouse.relation}, {p.spouse.full}" if p.spouse and rng.random() < 0.7
               else (f"accompanied by {pos(p)} {p.kids[0].relation} {p.kids[0].full}" if p.kids else "attended alone"))
        ace = rng.randint(48, 88)
        paras = [
            "Calder Valley Memory Service - Memory Assessment Clinic",
            "Ewood Resource Centre, Calderbridge CB3 1DL",
            f"Date: {d.strftime('%d %B %Y')}", "",
            f"{p.gp}", f"{p.surgery}", "",
            f"Dear Dr {p.gp.split()[-1]},", "",
            f"Re: {nm_formal(p)}   DOB {fmt_dob(p.dob, rng.choice([0, 1, 4]))}"
            + (f"   NHS {fmt_nhs(p.nhs, 1)}" if p.nhs else "   NHS no. not known"),
            f"{p.addr}, {p.postcode}", "",
            f"Diagnosis: {diag} ({icd})", "",
            f"I saw {nm_title(p)} in clinic today, {who}. "
            + (f"{p.forename} prefers to be called {p.middle}. " if p.known_middle else "")
            + f"ACE-III {ace}/100. CT head shows generalised atrophy with small vessel change. "
            f"{pr(p).capitalize()} has been started on {p.meds[0]}.",
            "",
            rng.choice(["Code status was discussed; a ReSPECT conversation will follow with the Admiral Nurse.",
                        "Driving: advised to inform DVLA and stop driving.",
                        "Key concerns raised by family: night-time wandering, missed meals.",
                        "We have referred to the day centre and the befriending service."]),
            "", "Yours sincerely", ""] + staff_sig(doc, dict((a, b) for a, b, _ in STAFF)[doc])
        base = f"MemoryClinic/Letters/{d.year}-{d.month:02d}/{fname(p)}_GP_letter"
        if rng.random() < 0.55:
            sh.docx(base + ".docx", paras, footer=f"cc: {nm_title(p)}, {p.addr}")
        else:
            sh.pdf(base + ".pdf", "\n".join(paras + ["", f"cc: patient; {p.surgery}"]))
        # medication review for some
        if rng.random() < 0.3:
            pn = "Priya Nandakumar"
            txt = "\n".join([
                "MEDICATION REVIEW - MEMORY SERVICE PHARMACY", "",
                f"Patient: {nm_upper_first(p)}", f"D.O.B.: {fmt_dob(p.dob, 5)}",
                f"NHS: {fmt_nhs(p.nhs, 0) if p.nhs else '-'}", f"GP: {p.gp}, {p.surgery}", "",
                "Current medicines:"] + [f"  - {m}" for m in p.meds] + [
                "", "Adherence: blister pack from local pharmacy, " +
                (f"{p.spouse.relation} {p.spouse.forename} prompts doses." if p.spouse else "carers prompt am dose."),
                "Anticholinergic burden score 2. Suggest review of the sedating antihistamine.",
                "", f"Reviewed by {pn}, Clinical Pharmacist, {dmy(d + timedelta(days=14))}"])
            sh.pdf(f"MemoryClinic/MedReviews/medrev_{p.surname.upper()}_{d.strftime('%y%m%d')}.pdf", txt)


def write_bereavement(sh, people, rng):
    for p in people:
        if p.status != "died":
            continue
        to = p.spouse if p.spouse else (p.kids[0] if p.kids else None)
        if p.partner_patient is not None:
            q = p.partner_patient
            to = Rel(known(q), q.surname, "wife" if q.sex == "F" else "husband", q.phone)
        if to is None:
            continue
        author = getattr(p, "nurse", None) or "Lynne Cowgill"
        paras = [f"{dmy(p.event_date + timedelta(days=rng.randint(5, 20)))}", "",
                 f"{to.full}", f"{p.addr}" if p.spouse else f"c/o {p.addr}", f"{p.postcode}", "",
                 f"Dear {to.forename},", "",
                 f"We were so sorry to hear of the death of your {('wife' if p.sex == 'F' else 'husband') if p.spouse else ('mother' if p.sex == 'F' else 'father')}, "
                 f"{known(p)} {p.surname}. Everyone at the day centre and the memory service remembers "
                 f"{known(p)} with real fondness.",
                 "If you would find it helpful, the carers' support group continues to meet on the first "
                 "Tuesday of the month and you would be very welcome. Our bereavement volunteers can also visit.",
                 "", "With our sincere condolences,", "", author, "on behalf of the team"]
        if rng.random() < 0.6:
            sh.docx(f"Admin/Bereavement/condolence_{p.surname}_{to.forename}.docx", paras)
        else:
            sh.pdf(f"Admin/Bereavement/condolence_{p.surname}.pdf", "\n".join(paras))


def write_pickups(sh, people, members, rng):
    drivers = ["Graham Oddie", "Keith Stothard"]
    days = [START + timedelta(days=7 * w + dd) for w in range(0, 30, 3) for dd in (0, 2)]
    for d in days:
        on = [p for p in members if (p.status == "home" or p.event_date > d)]
        on = rng.sample(on, min(len(on), rng.randint(8, 16)))
        route = rng.choice("ABC")
        drv = rng.choice(drivers)
        rows = [[f"Route {route} - {d.strftime('%A %d %B')} - Driver: {drv} - PA: Shazia Anwar"],
                ["Time", "Member", "Address", "Postcode", "Tel", "Notes for driver"]]
        t = 8 * 60 + 40
        for p in on:
            t += rng.randint(6, 14)
            if p.status == "home" or True:
                note = access_text(p, "driver", rng) if has_access(p) and rng.random() < 0.7 else rng.choice(
                    ["", "rings bell, wait - slow on stairs", "walking frame", "wheelchair - use tail lift",
                     "carer brings them out to the bus", "check has hearing aid in", "DNACPR in folder"])
            rows.append([f"{t // 60:02d}:{t % 60:02d}", rng.choice([nm_upper_first(p), nm_upper_last(p), nm_full(p)]),
                         p.addr, p.postcode, p.phone, note])
        rows.append(["", "NB", "Minibus keys: depot key safe by the garage shutter, code from Mandy - staff only", "", "", ""])
        base = f"DayCentre/Transport/{d.isoformat()}_route{route}"
        if rng.random() < 0.5:
            sh.csv(base + ".csv", rows)
        else:
            wb = openpyxl.Workbook()
            ws = wb.active
            ws.title = f"Route {route}"
            for r in rows:
                ws.append(r)
            sh.xlsx(base + ".xlsx", wb)


def write_respect(sh, people, rng):
    for p in people:
        if rng.random() > 0.24:
            continue
        dn = rng.random() < 0.6
        txt = "\n".join([
            "ReSPECT - Recommended Summary Plan for Emergency Care and Treatment", "",
            f"Full name: {p.forename}{' ' + p.middle if p.middle else ''} {p.surname}",
            f"Date of birth: {fmt_dob(p.dob, 0)}", f"NHS/CHI/Health and care number: {fmt_nhs(p.nhs, 1) if p.nhs else ''}",
            f"Address: {p.addr} {p.postcode}", "",
            "1. Shared understanding of my health: " + p.diag[0] + ", " + rng.choice(["moderate", "advanced", "mild"]),
            "3. What matters to me: staying at home with " + (p.spouse.forename if p.spouse else "my cat") + ", my garden",
            "4. Clinical recommendations: prioritise comfort" if dn else "4. Clinical recommendations: prioritise extending life",
            f"CPR attempts recommended: {'NO - DNACPR' if dn else 'YES'}   Code status: {'DNACPR' if dn else 'Full code'}",
            "", f"Clinician: {getattr(p, 'consultant', 'Dr Omar Haddad')}",
            f"Emergency contact: {(p.spouse or (p.kids[0] if p.kids else None)).full if (p.spouse or p.kids) else 'none recorded'}",
        ])
        sh.pdf(f"MemoryClinic/ReSPECT/ReSPECT_{fname(p)}.pdf", txt)


def write_herbert(sh, people, rng):
    for p in people:
        if "herbert" not in p.services:
            continue
        paras = ["THE HERBERT PROTOCOL - missing person information form",
                 "Keep this form safe. Give it to the police if the person goes missing.", ""]
        rows = [["Full name", f"{p.forename} {p.middle + ' ' if p.middle else ''}{p.surname}"],
                ["Known as", known(p)], ["Date of birth", fmt_dob(p.dob, rng.choice([0, 1, 4]))],
                ["NHS number", fmt_nhs(p.nhs, 2) if p.nhs else "don't know"],
                ["Current address", f"{p.addr} {p.postcode}"],
                ["Height / build", f"{rng.randint(150, 183)}cm, {rng.choice(['slim', 'medium', 'stocky'])}"],
                ["Places they may go", rng.choice(["old house on Pellon Lane", "the cemetery (husband's grave)",
                                                   "Calderbridge bus station", "the mill where he worked"])],
                ["Medical conditions", p.diag[0]],
                ["Medication", ", ".join(p.meds[:2])]]
        contact = p.spouse or (p.kids[0] if p.kids else None)
        if contact:
            rows.append(["Next of kin / contact", f"{contact.full} ({contact.relation}) {contact.phone}"])
        if has_access(p) and p.status == "home" and rng.random() < 0.7:
            rows.append(["How to get into the home", access_text(p, "form", rng)])
        rows.append(["Completed by", contact.full if contact else "Joyce Bentham (coordinator)"])
        base = f"Herbert_Protocol/{p.surname}_{known(p)}_herbert"
        if rng.random() < 0.6:
            sh.docx(base + ".docx", paras + ["<<TABLE>>"], table=rows)
        else:
            sh.pdf(base + ".pdf", "\n".join(paras + [f"{a}: {b}" for a, b in rows]))


def write_befriending(sh, people, rng):
    vols = ["Agnieszka Nowak", "Derek Illsley", "Harriet Quenby", "Rev. Alan Musgrave"]
    bef = [p for p in people if "befriend" in p.services]
    for p in bef:
        p.vol = rng.choice(vols)
        d = visit_date(rng, p, p.event_date if p.status != "home" else TODAY)
        if p.vol == "Agnieszka Nowak" and rng.random() < 0.5:
            body = (f"Sitting visit {dmy(d)}. Byłam u pani {known(p)} {p.surname} 3 godz. "
                    f"({p.spouse.forename if p.spouse else 'daughter'} went shopping). We did the jigsaw, she ate soup. "
                    f"All ok, no falls.")
        else:
            body = (f"{dmy(d)} - sat with {nm_full(p)} while {p.spouse.forename if p.spouse else 'family'} "
                    f"went to {rng.choice(['the dentist', 'carers group', 'Morrisons', 'a hospital appt'])}. "
                    f"{known(p)} talked a lot about the war / the mill. Bit restless after 3pm.")
        if has_access(p) and rng.random() < 0.5:
            body += " " + access_text(p, "volunteer", rng)
        body += f"\n-- {p.vol}\n"
        sh.text(f"Befriending/VolunteerNotes/{p.vol.split()[-1]}/{d.isoformat()}_{known(p)}{p.surname[0]}.txt", body)
    # rota: volunteers across many people
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rota"
    ws.append(["Week commencing", "Day", "Volunteer", "Client", "Client surname", "Time", "Notes"])
    for w in range(12):
        wc = START + timedelta(days=7 * w)
        for p in rng.sample(bef, min(len(bef), 8)):
            ws.append([dmy(wc), rng.choice(["Mon", "Tue", "Wed", "Thu", "Fri"]), p.vol, known(p), p.surname,
                       rng.choice(["10-12", "1-4pm", "2-4"]), rng.choice(["", "", "carer at group", "new match"])])
    ws2 = wb.create_sheet("Volunteers")
    ws2.append(["Volunteer", "DBS checked", "Phone"])
    for v in vols:
        ws2.append([v, "Y", f"0113 496 0{rng.randint(0, 999):03d}"])
    sh.xlsx("Befriending/Rota_2026_Q2.xlsx", wb)


def write_carers_group(sh, people, rng):
    carers = [p for p in people if p.spouse]
    for m in range(7):
        d = START + timedelta(days=35 * m + 1)
        came = rng.sample(carers, min(len(carers), rng.randint(6, 12)))
        rows = [["Carers' Support Group - sign in", f"{dmy(d)}", ""], ["Name", "Caring for", "Phone"]]
        for p in came:
            rows.append([p.spouse.full, nm_full(p) if rng.random() < 0.5 else known(p), p.spouse.phone])
        sh.csv(f"CarersGroup/SignIn/signin_{d.isoformat()}.csv", rows)
        mins = [f"Carers' Support Group - minutes {d.strftime('%d %B %Y')}",
                f"Present: Tessa Vickerman (facilitator), Leanne Bishop (Admiral Nurse), "
                + ", ".join(p.spouse.full for p in came), "",
                "1. Welcome. Tessa welcomed new members.",
                f"2. Speaker: Hamza Iqbal (OT) on making the home safer - door alarms, key safes (fitting via "
                f"the council scheme, no codes on paper please).",
                f"3. {came[0].spouse.forename} shared that {known(came[0])} has started going out at night; "
                f"group discussed the Herbert Protocol.",
                "4. AOB: minibus pick-ups delayed on Fridays."]
        sh.docx(f"CarersGroup/Minutes/minutes_{d.isoformat()}.docx", mins)


def write_mdt(sh, people, rng):
    for k in range(10):
        d = START + timedelta(days=14 * k + 3)
        cases = rng.sample(people, 6)
        lines = [f"Memory Service MDT - {d.strftime('%d/%m/%Y')}",
                 "Present: Dr Omar Haddad, Dr Fiona Carmichael, Leanne Bishop, Rosalind Achebe, Tomasz Wrobel, "
                 "Bethan Lloyd-Harris, Hamza Iqbal, Mandy Fairclough",
                 "Apologies: Sophie Ratcliffe-Dunn", "---"]
        for p in cases:
            lines += [f"{nm_upper_first(p)}  {fmt_dob(p.dob, 3)}  {fmt_nhs(p.nhs, 1) if p.nhs else ''}",
                      f"  {p.diag[0]}. {rng.choice(['Stable.', 'Deteriorating, carer strain.', 'For review of meds.', 'Discussed respite.'])}"
                      f" Action: {rng.choice(['LB', 'RA', 'TW', 'OH'])}", ""]
            if has_access(p) and p.status == "home" and rng.random() < 0.25:
                lines.append("  " + access_text(p, "nurse", rng))
        lines.append(rng.choice(NEAR_MISS))
        if rng.random() < 0.5:
            sh.docx(f"MemoryClinic/MDT/MDT_{d.isoformat()}.docx", lines)
        else:
            sh.text(f"MemoryClinic/MDT/MDT_{d.isoformat()}.txt", "\n".join(lines) + "\n")


def write_emails(sh, people, members, rng):
    for k in range(28):
        d = START + timedelta(days=rng.randint(0, 230))
        msg = EmailMessage()
        sender = rng.choice([("Mandy Fairclough", "mandy.fairclough"), ("Nadia Farouk", "nadia.farouk"),
                             ("Leanne Bishop", "leanne.bishop"), ("Joyce Bentham", "joyce.bentham")])
        msg["From"] = f"{sender[0]} <{sender[1]}@cvmemory.example.org>"
        msg["To"] = rng.choice(["transport@cvmemory.example.org", "Graham Oddie <graham.oddie@cvmemory.example.org>",
                                "memoryteam@cvmemory.example.org"])
        msg["Date"] = format_datetime(datetime(d.year, d.month, d.day, rng.randint(8, 17), rng.randint(0, 59), tzinfo=timezone.utc))
        kind = k % 3
        if kind == 0:
            p = rng.choice([q for q in members if q.status == "home"] or people)
            msg["Subject"] = f"Change to pick-up - {known(p)} {p.surname}"
            body = (f"Hi Graham,\n\nFrom next week {nm_title(p)} ({p.addr}) will need collecting earlier. "
                    + (access_text(p, "driver", rng) + "\n" if has_access(p) else "") +
                    f"\nThanks\n{sender[0]}\n")
            msg.set_content(body)
            sh.corpus.append(body)
        elif kind == 1:
            msg["Subject"] = "weekly attendance export"
            msg.set_content(f"Attached this week's attendance export.\n\n{sender[0]}\n")
            rows = [["surname", "forename", "dob", "nhs_number", "attended", "transport_notes"]]
            for p in rng.sample(members, min(10, len(members))):
                note = ""
                if has_access(p) and p.status == "home" and rng.random() < 0.4:
                    note = access_text(p, "driver", rng)
                rows.append([p.surname, p.forename, fmt_dob(p.dob, 2), p.nhs, rng.choice(["Y", "N", "Y"]), note])
            buf = io.StringIO()
            csv.writer(buf, lineterminator="\r\n").writerows(rows)
            sh.corpus.append(buf.getvalue())
            msg.add_attachment(buf.getvalue().encode(), maintype="text", subtype="csv",
                               filename=f"attendance_{d.isoformat()}.csv")
            msg.set_boundary(f"==cvms-{k:04d}-{d.isoformat()}==")
        else:
            p = rng.choice(people)
            msg["Subject"] = f"RE: {p.surname} - referral"
            body = (f"Hi all,\n\nReferral received for {nm_upper_last(p)}, DOB {fmt_dob(p.dob, 1)}, "
                    f"{'NHS ' + fmt_nhs(p.nhs, 1) if p.nhs else 'no NHS no on the referral'}. "
                    f"GP {p.gp}. Please can someone pick up.\n\n"
                    + (f"{p.spouse.relation.capitalize()} {p.spouse.full} is main carer, tel {p.spouse.phone}.\n" if p.spouse else "")
                    + f"\nThanks, {sender[0]}\n")
            msg.set_content(body)
            sh.corpus.append(body)
        with open(sh.path(f"Mail/{d.isoformat()}_{k:02d}.eml"), "wb") as f:
            f.write(bytes(msg))
    for p in people:
        if p.status != "care":
            continue
        msg = EmailMessage()
        msg["From"] = "Nadia Farouk <nadia.farouk@cvmemory.example.org>"
        msg["To"] = "transport@cvmemory.example.org"
        msg["Date"] = format_datetime(datetime(p.event_date.year, p.event_date.month, p.event_date.day, 11, 5, tzinfo=timezone.utc))
        msg["Subject"] = f"{p.surname} - taken off transport list"
        body = (f"Morning,\n\nPlease take {nm_title(p)} off the Route lists from today - {pr(p)} has moved "
                f"into {p.care_home} permanently. Family are having the key safe at {p.addr} taken off the wall "
                f"before the house goes on the market, so please delete the old details.\n\nNadia\n")
        msg.set_content(body)
        sh.corpus.append(body)
        with open(sh.path(f"Mail/{p.event_date.isoformat()}_moved_{p.surname}.eml"), "wb") as f:
            f.write(bytes(msg))


def write_exports(sh, people, members, rng):
    # weekly coordination register exports (csv) and an XML export
    for w in range(8):
        d = START + timedelta(days=28 * w)
        rows = [["Client ID", "Surname", "Forename", "DOB", "NHS Number", "Services", "Coordinator", "Status"]]
        for p in people:
            if rng.random() < 0.7:
                rows.append([f"CV{5000 + p.idx}", p.surname.upper(), p.forename, fmt_dob(p.dob, 0), p.nhs,
                             "/".join(sorted(p.services)), rng.choice(["Nadia Farouk", "Joyce Bentham", "Lynne Cowgill"]),
                             "deceased" if p.status == "died" and p.event_date < d else
                             ("care home" if p.status == "care" and p.event_date < d else "open")])
        if w % 2:
            wb = openpyxl.Workbook()
            ws = wb.active
            ws.title = "Open"
            cl = wb.create_sheet("Closed")
            for i, r in enumerate(rows):
                if i == 0:
                    ws.append(r)
                    cl.append(r + ["Closure reason"])
                elif r[-1] == "open":
                    ws.append(r)
                else:
                    cl.append(r + [r[-1]])
            kp = wb.create_sheet("Access")
            kp.append(["Client ID", "Name", "Key safe", "Other access info"])
            for p in people:
                if p.status == "home" and (p.code or p.open) and rng.random() < 0.5:
                    code = ""
                    if p.code:
                        code = f"{p.code['code']} ({p.code['where']})"
                        record(p, "code")
                    kp.append([f"CV{5000 + p.idx}", nm_upper_first(p), code,
                               access_text(p, "driver", rng, include=("left_open",))])
            sh.xlsx(f"Coordination/Exports/weekly_register_{d.isoformat()}.xlsx", wb)
        else:
            sh.csv(f"Coordination/Exports/register_export_{d.isoformat()}.csv", rows, delim=rng.choice([",", ";"]))
    x = ['<?xml version="1.0" encoding="UTF-8"?>', "<registerExport generated=\"2026-10-01\">"]
    for p in people:
        x.append("  <client>")
        x.append(f"    <clientId>CV{5000 + p.idx}</clientId>")
        x.append(f"    <familyName>{escape(p.surname)}</familyName><givenName>{escape(p.forename)}</givenName>")
        if p.middle:
            x.append(f"    <middleName>{escape(p.middle)}</middleName>")
        x.append(f"    <birthDate>{p.dob.isoformat()}</birthDate>")
        if p.nhs:
            x.append(f"    <nhsNumber>{p.nhs}</nhsNumber>")
        x.append(f"    <address>{escape(p.addr)}</address><postcode>{p.postcode}</postcode>")
        if p.status == "home" and p.code and rng.random() < 0.5:
            x.append(f"    <keySafeCode>{p.code['code']}</keySafeCode>")
            record(p, "code")
        x.append(f"    <status>{p.status}</status>")
        x.append("  </client>")
    x.append("</registerExport>")
    sh.text("Coordination/Exports/register_full_export.xml", "\n".join(x) + "\n")


def write_handovers(sh, people, rng):
    for w in range(14):
        d = START + timedelta(days=14 * w + 4)
        nurse = rng.choice(["Leanne Bishop", "Rosalind Achebe", "Tomasz Wrobel"])
        lines = [f"AN team handover w/c {dmy(d)} - from {nurse}", ""]
        for p in rng.sample(people, 5):
            shape = rng.choice([nm_upper_last(p), f"{known(p)[0]}. {p.surname}", f"{p.title} {p.surname}, {known(p)[0]}."])
            lines.append(f"* {shape} ({fmt_dob(p.dob, 0)}) - {rng.choice(['carer struggling', 'new dx', 'falls x2', 'hosp admission UTI', 'resp care req'])}")
            if has_access(p) and p.status == "home" and rng.random() < 0.3:
                lines.append("   " + access_text(p, "nurse", rng))
        lines += ["", rng.choice(NEAR_MISS)]
        if rng.random() < 0.5:
            sh.docx(f"AdmiralNurses/Handovers/handover_{d.isoformat()}.docx", lines)
        else:
            sh.text(f"AdmiralNurses/Handovers/handover_{d.isoformat()}.txt", "\n".join(lines) + "\n")


def write_scans(sh, people, rng):
    for p in rng.sample(people, 6):
        txt = "\n".join(["[scanned 14/09/2026 10:12 MFD-2 ADMIN]", "",
                         "CALDER VALLEY MEMORY SERVICE     CONSENT TO SHARE INFORMATION", "",
                         f"NAME  {p.surname.upper()}  {p.forename.upper()}",
                         f"D O B  {p.dob.strftime('%d %m %Y')}",
                         f"NHS   {fmt_nhs(p.nhs, 1) if p.nhs else ''}",
                         "I agree to information being shared with my GP, the day centre and",
                         "the Admiral Nurse service.",
                         f"Signed  ({p.spouse.full if p.spouse else known(p) + ' ' + p.surname})   date {dmy(START)}"])
        sh.pdf(f"Admin/Scans/SCAN_{rng.randint(10000, 99999)}.pdf", txt, font="Courier", size=11)


def truth(people, couples, staff_names, related):
    out = {"people": [], "staff": sorted(staff_names), "related": sorted(related)}
    for p in people:
        kinds = sorted(p.written)
        cur = kinds if p.status == "home" else []
        former = kinds if p.status != "home" else []
        out["people"].append({"forename": p.forename, "surname": p.surname, "dob": dmy(p.dob),
                              "nhs_number": p.nhs, "access_kind": cur, "former_access_kind": former})
    return out


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    root, tpath = argv[1], argv[2]
    n = int(argv[3]) if len(argv) > 3 else 120
    seed = int(argv[4]) if len(argv) > 4 else 1
    rng = random.Random(seed)
    people, couples = make_world(n, rng)
    os.makedirs(root, exist_ok=True)
    sh = Share(root, rng)
    staff_by_role = {}
    for name, role, _ in STAFF:
        staff_by_role.setdefault(role, []).append(name)
    sh.named_staff = set()
    write_visit_notes(sh, people, staff_by_role, rng)
    members = write_register(sh, people, rng)
    write_clinic(sh, people, rng)
    write_bereavement(sh, people, rng)
    write_pickups(sh, people, members, rng)
    write_respect(sh, people, rng)
    write_herbert(sh, people, rng)
    write_befriending(sh, people, rng)
    write_carers_group(sh, people, rng)
    write_mdt(sh, people, rng)
    write_emails(sh, people, members, rng)
    write_exports(sh, people, members, rng)
    write_handovers(sh, people, rng)
    write_scans(sh, people, rng)
    related = set()
    for p in people:
        for r in ([p.spouse] if p.spouse else []) + p.kids + ([p.neighbour] if p.neighbour else []):
            related.add(r.full)
    corpus = "\n".join(sh.corpus)
    related = {r for r in related if r in corpus}
    staff_names = [s[0] for s in STAFF if s[0] in corpus] + [g for g in GPS if g in corpus]
    t = truth(people, couples, staff_names, related)
    with open(tpath, "w") as f:
        json.dump(t, f, indent=1)
    print("files:", sum(sh.count.values()), dict(sorted(sh.count.items())))
    print("people", len(t["people"]), "access", sum(1 for x in t["people"] if x["access_kind"]),
          "former", sum(1 for x in t["people"] if x["former_access_kind"]),
          "staff", len(t["staff"]), "related", len(t["related"]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
