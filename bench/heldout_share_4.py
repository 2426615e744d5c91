#!/usr/bin/env python3
"""Held-out share 4: an integrated discharge / virtual-ward / hospice share.

Organisation (invented): the Integrated Discharge & Frailty Hub of Northmoor
General Hospital NHS Foundation Trust (discharge coordinators, frailty team,
virtual ward), working with Hartside Borough Council Adult Social Care
(hospital social work, reablement, occupational therapy, telecare, brokerage)
and St Bede's Hospice community team.  The share is what a shared "Hub" drive
looks like after years of use.

usage: python heldout_share_4.py SHARE TRUTH.json [PEOPLE=120] [SEED=1]

Everything is invented.  Phones are 07700 900xxx, NHS numbers are valid mod-11
in issued ranges (401-499, 600-708), never 999.
"""
import csv
import io
import json
import os
import random
import sys
from datetime import date, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from datetime import datetime, timezone

import docx
import openpyxl

# --------------------------------------------------------------------------- names
FORENAMES_F = """Margaret Dorothy Joan Irene Doreen Sheila Brenda Maureen Edna Gladys Winifred
Hilda Phyllis Beryl Audrey Marjorie Elsie Ivy Mavis Norma Pauline Valerie Jean Betty Ruth Sylvia
Eileen Rita Vera Muriel Olive Enid Agnes Florence Lilian Constance Kathleen Bridget Nora Ada
Aileen Moira Glenys Rosalind Yvonne Josephine Bernadette Philippa Hazel Thelma Greta Lorna
Shirley Wendy Anne Carole Gillian Barbara Rosemary Patricia Evelyn Frances Hannah Myra Kamala
Parveen Shanti Blessing Gwendolyn Siobhan Ines Teresa Halina""".split()
FORENAMES_M = """Dennis Kenneth Harold Raymond Ernest Leonard Stanley Clifford Gordon Norman
Reginald Wilfred Cyril Percy Arthur Albert Frederick Walter Ronald Bernard Douglas Eric Herbert
Maurice Roy Clarence Desmond Gerald Howard Lionel Malcolm Neville Trevor Vernon Cecil Rodney
Alistair Bryan Colin Derek Graham Keith Lawrence Melvyn Nigel Roland Terence Victor Wallace
Ewan Fergus Hamish Idris Gwyn Emrys Padraig Seamus Tadeusz Rajinder Harbhajan Gurdev Mohammed
Abdul Winston Everton Lloyd Clement Aubrey Godfrey Rupert""".split()
SURNAMES = """Ackroyd Ainsworth Barraclough Battersby Blamires Booth Brearley Broadbent Butterworth
Crowther Dawson Entwistle Fairbank Fothergill Gledhill Greenwood Haigh Halstead Hepworth Hirst
Holroyd Illingworth Jagger Kershaw Lockwood Mellor Midgley Naylor Oldroyd Pickles Priestley
Ramsden Rhodes Schofield Shackleton Sutcliffe Thwaite Townend Uttley Varley Wadsworth Whiteley
Wormald Yeadon Armitage Beaumont Calvert Dyson Eastwood Firth Garside Hinchliffe Iredale
Jowett Kilner Lumb Moorhouse Nettleton Ogden Pollard Quarmby Riley Senior Tattersall Upton
Walshaw Womersley Ashworth Brook Chadwick Drake Ellis Fenton Gaukroger Heaton Inman Jessop
Knowles Lister Marsden Newsome Outhwaite Parkin Redfearn Stead Thornton Verity Wilkinson
O'Brien O'Neill D'Souza O'Hara McAllister MacLeod McGuinness O'Rourke Webb-Morton
Ashworth-Hale Lloyd-Davies Hughes-Parry Kaur Begum Chaudhry Nowak Kowalski Okafor Mensah
Campbell Fraser Llewellyn Pritchard Rees Gallagher Doherty Murphy Devlin Ferreira""".split()
STAFF_SURNAMES = """Nandakumar Rowe Fairclough Achterberg Oyelaran Szymanska Trelawny Quinlan
Penhaligon Abernethy Castellano Delacroix Ekwueme Forsythe Gillespie Hollingsworth Iqbal
Jankowski Kinsella Lindqvist Marchetti Nwosu Ostrowski Petrakis Ravenscroft Sandoval Tennant
Vasquez Whitlock Yardley Zielinski Mbeki Carrington Dunleavy""".split()
STAFF_FORENAMES = """Priya Gemma Owen Lotte Funmi Agata Kerenza Niamh Jago Fiona Marco Amelie
Chidi Rhiannon Ciaran Harriet Bilal Tomasz Aoife Ingrid Luca Ngozi Pawel Eleni Jasper Carmen
Imogen Rosa Callum Bethan Kasia Thabo Laurence Declan""".split()

RELATIONS = [("daughter", "F", "DAU"), ("son", "M", "SON"), ("niece", "F", "NIE"),
             ("nephew", "M", "NEP"), ("daughter-in-law", "F", "DIL"), ("son-in-law", "M", "SIL"),
             ("granddaughter", "F", "GRD"), ("grandson", "M", "GRS"), ("sister", "F", "SIS"),
             ("brother", "M", "BRO"), ("friend", "F", "FND")]
STREETS = """Moorside Road|Cragg Lane|Hebble Terrace|Lister Street|Ovenden Way|Booth Town Road|
Claremount Avenue|Skircoat Green|Well Head Lane|Shibden View|Beacon Hill Road|Mill Fold|
Pellon Lane|Sowerby Croft|Akroyd Place|Ladyship Mews|Heath Hill Rise|Dean Clough Row|
Tenterfield Close|Saville Park Gardens""".replace("\n", "").split("|")
TOWNS = [("Northmoor", "NV1"), ("Northmoor", "NV2"), ("Hartside", "NV4"), ("Hartside", "NV5"),
         ("Cragbridge", "NV7"), ("Low Ellerby", "NV8")]

STAFF_ROLES = [
    # (title, role text, org, team)
    ("Dr", "Consultant Geriatrician", "NGH", "Frailty"),
    ("Dr", "Frailty Registrar (SpR)", "NGH", "Frailty"),
    ("Dr", "Virtual Ward Consultant", "NGH", "Virtual Ward"),
    ("", "Advanced Nurse Practitioner, Virtual Ward", "NGH", "Virtual Ward"),
    ("", "Advanced Nurse Practitioner, Virtual Ward", "NGH", "Virtual Ward"),
    ("", "Virtual Ward Staff Nurse (Band 5)", "NGH", "Virtual Ward"),
    ("Sister", "Ward Sister, Ward 7 (Frailty)", "NGH", "Ward 7"),
    ("", "Charge Nurse, Ward 22 (AMU)", "NGH", "Ward 22"),
    ("", "Discharge Coordinator", "NGH", "Discharge Hub"),
    ("", "Discharge Coordinator", "NGH", "Discharge Hub"),
    ("", "Discharge Hub Administrator", "NGH", "Discharge Hub"),
    ("", "Hospital Social Worker", "HBC", "Hospital Social Work"),
    ("", "Hospital Social Worker", "HBC", "Hospital Social Work"),
    ("", "Senior Practitioner, Adult Social Care", "HBC", "Hospital Social Work"),
    ("", "Occupational Therapist", "HBC", "OT"),
    ("", "Occupational Therapist", "NGH", "Therapies"),
    ("", "Reablement Support Worker", "HBC", "Reablement"),
    ("", "Reablement Support Worker", "HBC", "Reablement"),
    ("", "Reablement Team Leader", "HBC", "Reablement"),
    ("", "Telecare Technician", "HBC", "Telecare"),
    ("", "Telecare Responder Coordinator", "HBC", "Telecare"),
    ("", "Brokerage Officer", "HBC", "Brokerage"),
    ("", "Brokerage Officer", "HBC", "Brokerage"),
    ("", "Clinical Nurse Specialist, Community Palliative Care", "SBH", "Hospice"),
    ("", "Clinical Nurse Specialist, Community Palliative Care", "SBH", "Hospice"),
    ("", "Hospice Healthcare Assistant", "SBH", "Hospice"),
    ("Dr", "Hospice Medical Director", "SBH", "Hospice"),
    ("", "Physiotherapist", "NGH", "Therapies"),
    ("", "Pharmacy Technician", "NGH", "Pharmacy"),
    ("", "Hospice Family Support Worker", "SBH", "Hospice"),
]
ORG = {"NGH": ("Northmoor General Hospital NHS Foundation Trust", "northmoor-tr.nhs.uk"),
       "HBC": ("Hartside Borough Council, Adult Social Care", "hartside.gov.uk"),
       "SBH": ("St Bede's Hospice", "stbedes-hospice.org.uk")}

CONDITIONS = ["frailty with recurrent falls", "community-acquired pneumonia", "urinary tract infection with delirium",
              "exacerbation of COPD", "heart failure with fluid overload", "fractured neck of femur (repaired)",
              "cellulitis of left leg", "Parkinson's disease with reduced mobility", "vascular dementia",
              "metastatic lung cancer", "end-stage renal failure", "type 2 diabetes with hypoglycaemia",
              "atrial fibrillation", "stroke with right-sided weakness", "metastatic prostate cancer",
              "motor neurone disease", "pancreatic cancer", "chronic kidney disease stage 4"]
MEDS = ["furosemide 40mg OD", "apixaban 5mg BD", "bisoprolol 2.5mg OD", "co-careldopa 25/100 TDS",
        "morphine sulfate MR 10mg BD", "paracetamol 1g QDS", "amoxicillin 500mg TDS",
        "metformin 500mg BD", "donepezil 10mg ON", "lansoprazole 30mg OD", "oxycodone 5mg PRN",
        "levetiracetam 500mg BD", "midazolam 2.5mg SC PRN (anticipatory)"]
ACCESS_TEMPLATES = [
    ("Key safe by the front door, code {c}", "{c}"),
    ("key safe on the wall left of the back door, code {c}", "{c}"),
    ("Keysafe {c} (round the side by the bins)", "{c}"),
    ("door code {c}# for the main entrance of the flats", "{c}#"),
    ("spare key under the green plant pot by the back step", "spare key under the green plant pot by the back step"),
    ("spare key is kept behind the loose brick by the garage door", "spare key behind the loose brick by the garage door"),
    ("KS code {c} - please scramble after use", "{c}"),
    ("key safe to the right of the porch, code {c}", "{c}"),
    ("lock box behind the drainpipe, combination {c}", "{c}"),
]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def ordinal(n):
    if 11 <= n % 100 <= 13:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def fmt_dob(d, k):
    k %= 8
    if k == 0:
        return d.strftime("%d/%m/%Y")
    if k == 1:
        return d.strftime("%d.%m.%Y")
    if k == 2:
        return d.isoformat()
    if k == 3:
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if k == 4:
        return f"{d.day:02d}-{MONTHS[d.month - 1][:3]}-{d.year}"
    if k == 5:
        return d.strftime("%d/%m/%y")
    if k == 6:
        return f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}"
    return f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}"


def nhs_number(rng):
    while True:
        first = rng.choice([rng.randint(401, 499), rng.randint(600, 708)])
        digits = [int(x) for x in f"{first:03d}"] + [rng.randint(0, 9) for _ in range(6)]
        s = sum(d * (10 - i) for i, d in enumerate(digits))
        chk = 11 - s % 11
        if chk == 11:
            chk = 0
        if chk == 10:
            continue
        if len(set(digits)) == 1:
            continue
        return "".join(map(str, digits)) + str(chk)


def nhs_fmt(n, k):
    k %= 3
    if k == 0:
        return f"{n[:3]} {n[3:6]} {n[6:]}"
    if k == 1:
        return n
    return f"{n[:3]}-{n[3:6]}-{n[6:]}"


def fix_zip(data):
    """Rewrite a zip with fixed member timestamps, so output is deterministic."""
    import zipfile
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 5, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                import re
                body = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>2026-01-05T09:00:00Z", body)
            dst.writestr(zi, body)
    return out.getvalue()


class Person:
    pass


class Gen:
    def __init__(self, n, seed):
        self.rng = random.Random(seed)
        self.n = n
        self.used = set()
        self.files = []
        self.make_staff()
        self.make_people()

    # ---------------------------------------------------------------- population
    def unique(self, fn, sn):
        key = (fn.lower(), sn.lower())
        if key in self.used:
            return False
        self.used.add(key)
        return True

    def make_staff(self):
        r = self.rng
        fns = STAFF_FORENAMES[:]
        sns = STAFF_SURNAMES[:]
        r.shuffle(fns)
        r.shuffle(sns)
        self.staff = []
        for i, (title, role, org, team) in enumerate(STAFF_ROLES):
            s = Person()
            s.fn, s.sn, s.title, s.role, s.org, s.team = fns[i], sns[i], title, role, org, team
            self.unique(s.fn, s.sn)
            s.full = f"{s.fn} {s.sn}"
            s.email = f"{s.fn.lower()}.{s.sn.lower()}@{ORG[org][1]}"
            s.bleep = r.randint(2000, 2999) if org == "NGH" else None
            s.ext = r.randint(4100, 4899)
            self.staff.append(s)
        self.by_team = {}
        for s in self.staff:
            self.by_team.setdefault(s.team, []).append(s)

    def st(self, *teams):
        pool = [s for t in teams for s in self.by_team.get(t, [])]
        return self.rng.choice(pool)

    def titled(self, s):
        return f"{s.title} {s.full}" if s.title in ("Dr",) else s.full

    def new_name(self, sex, surname=None):
        r = self.rng
        for _ in range(1000):
            fn = r.choice(FORENAMES_F if sex == "F" else FORENAMES_M)
            sn = surname or r.choice(SURNAMES)
            if self.unique(fn, sn):
                return fn, sn
        raise RuntimeError("names exhausted")

    def make_people(self):
        r = self.rng
        self.people = []
        self.related = []
        i = 0
        while len(self.people) < self.n:
            couple = len(self.people) <= self.n - 2 and r.random() < 0.12
            group = []
            sex = r.choice("FM")
            fn, sn = self.new_name(sex)
            p = self.person(fn, sn, sex)
            group.append(p)
            if couple:
                sex2 = "M" if sex == "F" else "F"
                fn2, _ = self.new_name(sex2, sn)
                q = self.person(fn2, sn, sex2)
                q.address, q.town, q.postcode, q.phone = p.address, p.town, p.postcode, p.phone
                q.partner, p.partner = p, q
                q.access, q.access_truth = p.access, p.access_truth
                q.keyholder = p.keyholder
                q.relatives = p.relatives
                if not p.nhs:
                    q.nhs = ""
                group.append(q)
            self.people.extend(group)
            i += 1
        for k, p in enumerate(self.people):
            p.idx = k
            p.hospital = bool(p.nhs)
            p.hospice = p.hospital and r.random() < 0.3
            p.vw = p.hospital and r.random() < 0.45
            p.social = (not p.hospital) or r.random() < 0.65
            p.telecare = r.random() < 0.45 or bool(p.access)
            p.ward = r.choice(["Ward 7 (Frailty)", "Ward 22 (AMU)", "Ward 11 (Respiratory)", "Ward 9 (Ortho-geriatrics)"])
            p.bed = r.randint(1, 28)
            p.mrn = f"NV{r.randint(1000000, 9999999)}"
            p.council_ref = f"ASC-{r.randint(100000, 999999)}"
            p.admit = date(2026, r.randint(1, 10), r.randint(1, 28))
            p.discharge = p.admit + timedelta(days=r.randint(2, 30))
            p.cond = r.choice(CONDITIONS)
            p.meds = r.sample(MEDS, 3)
            p.dob_written = False
            p.nhs_written = False
            p.access_written = False

    def person(self, fn, sn, sex):
        r = self.rng
        p = Person()
        p.fn, p.sn, p.sex = fn, sn, sex
        p.partner = None
        p.title = r.choice(["Mrs", "Miss", "Ms"]) if sex == "F" else "Mr"
        p.middle = ""
        if r.random() < 0.4:
            p.middle = r.choice(FORENAMES_F if sex == "F" else FORENAMES_M)
            if p.middle == fn:
                p.middle = ""
        p.dob = date(r.randint(1926, 1962), r.randint(1, 12), r.randint(1, 28))
        p.nhs = nhs_number(r) if r.random() < 0.84 else ""
        p.address = f"{r.randint(1, 140)} {r.choice(STREETS)}"
        p.town, out = r.choice(TOWNS)
        p.postcode = f"{out} {r.randint(1, 9)}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}"
        p.phone = f"07700 900{r.randint(0, 999):03d}"
        p.access = ""
        p.access_truth = ""
        p.keyholder = None
        if r.random() < 0.27:
            t, truth = r.choice(ACCESS_TEMPLATES)
            c = f"{r.randint(0, 9999):04d}" if r.random() < 0.85 else f"C{r.randint(1000, 9999)}X"
            p.access = t.format(c=c)
            p.access_truth = truth.format(c=c)
        p.relatives = []
        for _ in range(r.choice([1, 1, 2, 2, 3])):
            rel, rsex, code = r.choice(RELATIONS)
            same = rel in ("son", "brother", "grandson") or (rel in ("daughter", "sister") and r.random() < 0.3)
            rfn, rsn = self.new_name(rsex, sn if same else None)
            q = Person()
            q.fn, q.sn, q.rel, q.code, q.sex = rfn, rsn, rel, code, rsex
            q.full = f"{rfn} {rsn}"
            q.phone = f"07700 900{r.randint(0, 999):03d}"
            q.dob = date(r.randint(1950, 1988), r.randint(1, 12), r.randint(1, 28)) if r.random() < 0.35 else None
            p.relatives.append(q)
            self.related.append(q)
        if r.random() < 0.18:
            kfn, ksn = self.new_name(r.choice("FM"))
            q = Person()
            q.fn, q.sn, q.rel, q.code, q.sex = kfn, ksn, "neighbour", "NBR", "F"
            q.full = f"{kfn} {ksn}"
            q.phone = f"07700 900{r.randint(0, 999):03d}"
            q.dob = None
            q.house = r.randint(1, 140)
            p.keyholder = q
            self.related.append(q)
            if not p.access:
                p.access = f"neighbour {q.full} at number {q.house} holds a key"
                p.access_truth = p.access
        return p

    # ---------------------------------------------------------------- name shapes
    def nm(self, p, k=None):
        """A full name shape (always forename + surname present)."""
        r = self.rng
        if k is None:
            k = r.randint(0, 9)
        mid = p.middle
        sn = p.sn
        if k == 0:
            return f"{p.title} {p.fn} {sn}"
        if k == 1:
            return f"{sn.upper()}, {p.fn}"
        if k == 2:
            return f"{p.fn} {sn.upper()}"
        if k == 3:
            return f"{p.fn} {mid} {sn}" if mid else f"{p.fn} {sn}"
        if k == 4:
            return f"{p.fn} {mid[0]}. {sn}" if mid else f"{p.title} {p.fn} {sn}"
        if k == 5:
            return f"{sn}, {p.fn}" + (f" {mid}" if mid else "")
        if k == 6:
            return f"{p.title} {p.fn} {sn.upper()}"
        if k == 7:
            return f"{p.fn} {sn}"
        if k == 8:
            return f"{p.title} {p.fn} {mid} {sn}" if mid else f"{p.fn} {sn}"
        return f"{p.fn} {sn}"

    def short(self, p):
        return f"{p.title} {p.sn}"

    def dob(self, p, k=None):
        p.dob_written = True
        return fmt_dob(p.dob, self.rng.randint(0, 7) if k is None else k)

    def nhs(self, p, k=None):
        p.nhs_written = True
        return nhs_fmt(p.nhs, self.rng.randint(0, 2) if k is None else k)

    def acc(self, p):
        if p.access:
            p.access_written = True
            if p.partner:
                p.partner.access_written = True
        return p.access

    def rel_line(self, p, q, with_dob=None):
        r = self.rng
        s = f"{q.full} ({q.rel})"
        if q.dob and (with_dob or (with_dob is None and r.random() < 0.5)):
            s += f", DOB {fmt_dob(q.dob, r.randint(0, 7))}"
        return s + f", tel {q.phone}"

    def noise(self):
        r = self.rng
        return r.choice([
            f"Bleep {r.randint(2000, 2999)} if any issues.",
            f"Ward 7 door code is {r.randint(1000, 9999)} for visiting staff (changed monthly).",
            f"Equipment order no. {r.randint(4000000, 4999999)} placed with the community equipment store.",
            f"Pendant serial {r.randint(100000, 999999)} logged.",
            f"Call the Hub on ext {r.randint(4100, 4899)}.",
            f"Transport booking ref {r.randint(10000000, 99999999)}.",
            f"Moved to bed {r.randint(1, 28)} overnight.",
            f"Staff room code {r.randint(1000, 9999)} - do not share.",
            f"Locker {r.randint(1, 60)} holds patient property.",
            f"Pharmacy order {r.randint(600000, 699999)} for TTOs.",
        ])

    # ---------------------------------------------------------------- writers
    def write(self, rel, data, kind):
        path = os.path.join(self.root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        mode = "wb" if isinstance(data, bytes) else "w"
        with open(path, mode, **({} if mode == "wb" else {"encoding": "utf-8", "newline": ""})) as f:
            f.write(data)
        self.files.append((rel, kind))

    @staticmethod
    def pdf_bytes(lines):
        def esc(s):
            s = s.encode("latin-1", "replace").decode("latin-1")
            return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        wrapped = []
        for ln in lines:
            while len(ln) > 95:
                cut = ln.rfind(" ", 0, 95)
                cut = cut if cut > 20 else 95
                wrapped.append(ln[:cut])
                ln = ln[cut:].lstrip()
            wrapped.append(ln)
        pages = [wrapped[i:i + 54] for i in range(0, len(wrapped), 54)] or [[]]
        objs = []
        npages = len(pages)
        font_id = 3 + 2 * npages
        kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(npages))
        objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
        objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {npages} >>".encode())
        for i, pg in enumerate(pages):
            content = "BT /F1 10 Tf 50 800 Td 13 TL\n" + "".join(f"({esc(t)}) Tj T*\n" for t in pg) + "ET"
            cb = content.encode("latin-1")
            objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 {font_id} 0 R >> >> /Contents {4 + 2 * i} 0 R >>".encode())
            objs.append(b"<< /Length " + str(len(cb)).encode() + b" >>\nstream\n" + cb + b"\nendstream")
        objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offs = []
        for i, o in enumerate(objs):
            offs.append(len(out))
            out += f"{i + 1} 0 obj\n".encode() + o + b"\nendobj\n"
        x = len(out)
        out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
        for o in offs:
            out += f"{o:010d} 00000 n \n".encode()
        out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{x}\n%%EOF\n".encode()
        return bytes(out)

    @staticmethod
    def rtf_text(lines):
        def esc(s):
            s = s.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")
            return "".join(c if ord(c) < 128 else f"\\u{ord(c)}?" for c in s)
        body = "".join(esc(ln) + "\\par\n" for ln in lines)
        return "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\\f0\\fs22\n" + body + "}\n"

    @staticmethod
    def docx_bytes(lines, table=None, table_first=False):
        d = docx.Document()

        def add_table():
            t = d.add_table(rows=0, cols=len(table[0]))
            for row in table:
                cells = t.add_row().cells
                for c, v in zip(cells, row):
                    c.text = str(v)
        if table and table_first:
            add_table()
        for ln in lines:
            if ln == "<<TABLE>>" and table and not table_first:
                add_table()
                continue
            d.add_paragraph(ln)
        d.core_properties.author = "Hub"
        d.core_properties.created = datetime(2026, 1, 5, 9, 0, 0)
        d.core_properties.modified = datetime(2026, 1, 5, 9, 0, 0)
        d.core_properties.last_modified_by = "Hub"
        b = io.BytesIO()
        d.save(b)
        return fix_zip(b.getvalue())

    def letter(self, rel_noext, lines, kind, fmt=None, table=None):
        fmt = fmt or self.rng.choice(["docx", "pdf", "rtf"])
        if fmt == "docx":
            self.write(rel_noext + ".docx", self.docx_bytes(lines, table), kind)
        elif fmt == "pdf":
            if table:
                lines = self._inline_table(lines, table)
            self.write(rel_noext + ".pdf", self.pdf_bytes(lines), kind)
        else:
            if table:
                lines = self._inline_table(lines, table)
            self.write(rel_noext + ".rtf", self.rtf_text(lines), kind)
        return fmt

    @staticmethod
    def _inline_table(lines, table):
        out = []
        for ln in lines:
            if ln == "<<TABLE>>":
                out.extend(f"{row[0]}: {row[1]}" if len(row) == 2 else "  ".join(map(str, row)) for row in table)
            else:
                out.append(ln)
        return out

    def sig(self, s):
        lines = [self.rng.choice(["Yours sincerely,", "Kind regards,", "With best wishes,"]), "", self.titled(s), s.role, ORG[s.org][0]]
        if s.bleep:
            lines.append(f"Bleep {s.bleep} / ext {s.ext}")
        else:
            lines.append(f"Tel ext {s.ext}")
        return lines

    # ---------------------------------------------------------------- content
    def generate(self, root):
        self.root = root
        P = self.people
        hosp = [p for p in P if p.hospital]
        for p in P:
            if p.hospital:
                self.ward_note(p)
                self.discharge_summary(p)
                self.hl7_adt(p)
            if p.social:
                self.sw_case_notes(p)
                self.care_act(p)
            if p.hospice:
                self.hospice_visit(p)
                self.hospice_referral(p)
            if p.vw and self.rng.random() < 0.5:
                self.hl7_oru(p)
        for p in P:
            if p.relatives and self.rng.random() < 0.35:
                self.family_letter(p)
            if not p.hospital and self.rng.random() < 0.5:
                self.reablement_referral_letter(p)
        # couples: joint note each
        seen = set()
        for p in P:
            if p.partner and id(p) not in seen:
                seen.add(id(p)); seen.add(id(p.partner))
                self.couple_note(p, p.partner)
        # multi-patient free text
        for d in range(max(4, len(hosp) // 10)):
            self.handover(d, self.rng.sample(hosp, min(len(hosp), self.rng.randint(6, 12))))
        vwp = [p for p in P if p.vw]
        for d in range(max(3, len(vwp) // 6)):
            self.vw_review(d, self.rng.sample(vwp, min(len(vwp), self.rng.randint(4, 9))))
        for d in range(max(4, len(P) // 12)):
            self.huddle(d, self.rng.sample(P, min(len(P), self.rng.randint(5, 10))))
        # structured
        self.fhir_bundles(hosp)
        self.csv_discharge_list(hosp)
        self.csv_brokerage([p for p in P if p.social])
        self.csv_relatives(P)
        self.xlsx_telecare([p for p in P if p.telecare])
        self.xlsx_reablement([p for p in P if p.social])
        self.xlsx_ot_equipment(P)
        self.xlsx_staff_rota()
        for p in [p for p in hosp if self.rng.random() < 0.35]:
            self.hl7_ref(p)
        for p in P:
            if self.rng.random() < 0.45:
                self.email_about(p)
        for k in range(max(3, len(P) // 25)):
            self.email_list(k, self.rng.sample(P, min(len(P), 6)))
        # guarantee: every person's name+DOB, NHS (if any) and access written somewhere
        for p in P:
            if p.access and not p.access_written:
                self.access_note(p)

    # ---- free text
    def ward_note(self, p):
        r = self.rng
        nurse = self.st("Ward 7", "Ward 22")
        dc = self.st("Discharge Hub")
        doc = self.st("Frailty")
        pt = self.st("Therapies")
        q = p.relatives[0]
        lines = [
            f"{p.ward.upper()} - DISCHARGE PLANNING NOTE",
            f"Patient: {self.nm(p)}   DOB: {self.dob(p)}   NHS No: {self.nhs(p)}   Hosp no: {p.mrn}",
            f"Bed {p.bed}. Admitted {p.admit:%d/%m/%Y} with {p.cond}.",
            "",
            f"{p.admit + timedelta(days=1):%d/%m/%Y} 10:15  Seen on ward round by {self.titled(doc)}. Medically optimised from tomorrow. "
            f"Meds on discharge: {', '.join(p.meds)}.",
            f"{p.admit + timedelta(days=1):%d/%m/%Y} 14:40  Physio assessment ({pt.full}): mobilising with zimmer frame, 1 assist on stairs.",
            f"{p.admit + timedelta(days=2):%d/%m/%Y} 09:05  Discussed with {dc.full} (discharge coordinator). Pathway 1 - home with reablement.",
            f"Spoke to {q.full} ({q.rel}) on {q.phone}, who is happy with plan.",
            r.choice([f"{p.fn} is keen to get home to the cat.", f"{self.short(p)} says the stairs are the main worry.",
                      f"{p.fn} {p.sn} asked about the blue badge again."]),
            self.noise(),
        ]
        if p.access and r.random() < 0.5:
            lines.append(f"Access for reablement on day 1: {self.acc(p)}.")
        lines += ["", f"Signed: {nurse.full}, {nurse.role}", self.noise()]
        self.write(f"Hospital/Wards/{p.ward.split(' (')[0].replace(' ', '')}/DischargeNotes/{p.mrn}_{p.sn.replace(chr(39), '')}.txt",
                   "\n".join(lines) + "\n", "text")

    def sw_case_notes(self, p):
        r = self.rng
        sw = self.st("Hospital Social Work")
        sp = [s for s in self.by_team["Hospital Social Work"] if s is not sw][0]
        br = self.st("Brokerage")
        lines = [f"HARTSIDE ADULT SOCIAL CARE - CASE NOTES", f"Case ref {p.council_ref}",
                 f"Service user: {self.nm(p)}", f"Date of birth: {self.dob(p)}"]
        if p.nhs and r.random() < 0.6:
            lines.append(f"NHS number: {self.nhs(p)}")
        lines += [f"Address: {p.address}, {p.town} {p.postcode}", f"Allocated worker: {sw.full}", "",
                  f"{p.discharge - timedelta(days=3):%d/%m/%Y}  Referral received from the Discharge Hub. "
                  f"{p.fn} lives alone{' with ' + p.partner.fn if p.partner else ''} and had 2 falls before admission.",
                  f"{p.discharge - timedelta(days=2):%d/%m/%Y}  Home visit with {sp.full} (senior practitioner). "
                  f"Met {self.rel_line(p, p.relatives[0])}.",
                  ]
        if len(p.relatives) > 1:
            lines.append(f"Also spoke with {p.relatives[1].full}, {p.relatives[1].rel}, who lives out of area.")
        if p.partner:
            lines.append(f"Note: {p.partner.fn} {p.partner.sn} (DOB {self.dob(p.partner)}) is also known to ASC - see linked case.")
        if p.keyholder:
            lines.append(f"Key holder: {p.keyholder.full} (neighbour, no. {p.keyholder.house}), {p.keyholder.phone}.")
        if p.access and r.random() < 0.6:
            lines.append(f"Access: {self.acc(p)}.")
        lines += [f"{p.discharge - timedelta(days=1):%d/%m/%Y}  Package sourced by {br.full}: 2 calls daily, start {p.discharge:%d/%m/%Y}.",
                  f"Spoke with {r.choice(self.staff).full} re equipment. {self.noise()}",
                  f"{p.discharge + timedelta(days=7):%d/%m/%Y}  Review call. {p.fn} coping well. Case to remain open to {sw.full}.",
                  "", f"Entered by {sw.full}, {sw.role}"]
        self.write(f"ASC/CaseNotes/{p.council_ref}.txt", "\n".join(lines) + "\n", "text")

    def hospice_visit(self, p):
        r = self.rng
        cns = self.st("Hospice")
        hca = [s for s in self.by_team["Hospice"] if s is not cns][0]
        q = p.relatives[0]
        for v in range(r.randint(1, 2)):
            d = p.discharge + timedelta(days=5 + 7 * v)
            lines = [f"St Bede's Hospice - Community Visit Record", f"Date of visit: {d:%d %B %Y}",
                     f"Patient: {self.nm(p)} ({self.dob(p)})", f"NHS: {self.nhs(p)}",
                     f"Visited by: {cns.full} (CNS) and {hca.full}", "",
                     f"Diagnosis: {p.cond}. Current meds: {'; '.join(p.meds)}.",
                     f"{p.fn} more tired this week; pain controlled. {q.fn} ({q.rel}) present throughout and asked about respite.",
                     ]
            if q.dob:
                lines.append(f"Carer's assessment offered to {q.full} (DOB {fmt_dob(q.dob, r.randint(0, 7))}) - accepted.")
            if p.partner:
                lines.append(f"{'Husband' if p.partner.sex == 'M' else 'Wife'} {self.nm(p.partner)} (also known to the Hub, DOB {self.dob(p.partner)}) struggling with night care.")
            if p.access:
                lines.append(f"Access for out-of-hours team: {self.acc(p)}.")
            md = [s for s in self.by_team["Hospice"] if s.title == "Dr"][0]
            lines += [f"Plan: review in 7 days. Discussed with {self.titled(md)}.",
                      self.noise(), "", f"{cns.full}", "Clinical Nurse Specialist"]
            self.write(f"Hospice/CommunityVisits/{d:%Y-%m}/visit_{p.sn.lower().replace(chr(39), '')}_{p.fn.lower()}_{v + 1}.txt",
                       "\n".join(lines) + "\n", "text")

    def couple_note(self, a, b):
        r = self.rng
        sw = self.st("Hospital Social Work")
        ot = self.st("OT")
        k = r.randint(0, 2)
        if k == 0:
            head = f"Joint visit: {a.title} {a.fn} {a.sn} (DOB {self.dob(a)}) and {b.title} {b.fn} {b.sn} (DOB {self.dob(b)})"
        elif k == 1:
            head = f"Clients: {self.nm(a, 1)} ({self.dob(a, 0)}); {self.nm(b, 1)} ({self.dob(b, 0)})"
        else:
            head = f"Re: {a.fn} and {b.fn} {a.sn}, {a.address}, {a.postcode}\n{a.fn} {a.sn.upper()} DOB {self.dob(a)}\n{b.fn} {b.sn.upper()} DOB {self.dob(b)}"
        lines = [f"HARTSIDE ASC / OT - JOINT HOME VISIT NOTE", head, f"Present: {sw.full}, {ot.full}, {a.relatives[0].full} ({a.relatives[0].rel})", "",
                 f"Both {a.title} and {b.title} {a.sn} want to stay together at home. {a.fn} now cares for {b.fn} overnight, which is not sustainable.",
                 f"OT recommends a second stair rail and a perching stool. {self.noise()}"]
        if a.access:
            lines.append(f"Access to the property: {self.acc(a)}.")
        lines += ["", f"Written up by {ot.full}, {ot.role}"]
        self.write(f"ASC/JointVisits/{a.council_ref}_{b.council_ref}.txt", "\n".join(lines) + "\n", "text")

    def access_note(self, p):
        tech = self.st("Telecare")
        lines = [f"Telecare install - access details", f"Client: {self.nm(p)}, DOB {self.dob(p)}",
                 f"{p.address}, {p.town} {p.postcode}", f"Access: {self.acc(p)}",
                 f"Installed by {tech.full}. {self.noise()}"]
        self.write(f"ASC/Telecare/Installs/install_{p.council_ref}.txt", "\n".join(lines) + "\n", "text")

    def handover(self, d, ps):
        r = self.rng
        day = date(2026, r.randint(1, 10), r.randint(1, 28))
        nic = self.st("Ward 7", "Ward 22")
        lines = [f"WARD 7 / WARD 22 DISCHARGE HANDOVER - {day:%A %d %B %Y}",
                 f"Nurse in charge: {nic.full}   Bleep holder: {self.st('Frailty').full}",
                 f"Discharge coordinators on: {', '.join(s.full for s in self.by_team['Discharge Hub'][:2])}", ""]
        for i, p in enumerate(ps):
            style = r.randint(0, 2)
            if style == 0:
                lines.append(f"Bed {p.bed}  {self.nm(p, 1)} ({self.dob(p, 0)})  NHS {self.nhs(p, 0)}  {p.cond}. EDD {p.discharge:%d/%m}. "
                             f"{r.choice(['TTOs ordered.', 'Awaiting package.', 'Needs OT home visit.', 'For VW on discharge.'])}")
            elif style == 1:
                lines.append(f"{i + 1}. {self.nm(p, 6)}, DOB {self.dob(p)}, bed {p.bed} - {p.cond}; "
                             f"NOK {p.relatives[0].full} ({p.relatives[0].rel}) aware.")
            else:
                lines.append(f"- {p.fn} {p.sn} (NHS {self.nhs(p)}, born {self.dob(p, 3)}): {r.choice(['medically fit', 'not fit yet', 'query hospice referral'])}. Seen by {self.st('Therapies').full}.")
            if p.access and r.random() < 0.3:
                lines.append(f"     Home access for crew: {self.acc(p)}")
        lines += ["", self.noise(), f"Handed over by {nic.full} to {self.st('Ward 7', 'Ward 22').full}"]
        self.write(f"Hospital/Handover/{day:%Y}/{day:%m}/handover_{day:%Y%m%d}_{d}.txt", "\n".join(lines) + "\n", "text")

    def vw_review(self, d, ps):
        r = self.rng
        day = date(2026, r.randint(1, 10), r.randint(1, 28))
        anp = self.st("Virtual Ward")
        lines = [f"# Virtual Ward (Frailty) review notes {day:%d/%m/%Y}", "",
                 f"Clinician: {anp.full}, {anp.role}", f"Consultant oversight: {self.titled(self.by_team['Virtual Ward'][0])}", ""]
        t = 9 * 60
        for p in ps:
            t += r.randint(15, 45)
            lines.append(f"{t // 60:02d}:{t % 60:02d} {self.nm(p, r.choice([1, 2, 7]))} ({self.dob(p, r.choice([0, 1, 5]))}) - "
                         f"NEWS2 {r.randint(0, 5)}, SpO2 {r.randint(91, 99)}%, {r.choice(['remote obs stable', 'breathless on exertion', 'new confusion, VW visit booked', 'reports poor appetite'])}. "
                         f"{r.choice(['Continue.', 'Bloods tomorrow.', 'Step down in 48h.', 'Discuss at huddle.'])}")
            if p.access and r.random() < 0.5:
                lines.append(f"   visit access: {self.acc(p)}")
            if r.random() < 0.3:
                lines.append(f"   Spoke to {p.relatives[0].full} ({p.relatives[0].rel}) by phone.")
            lines.append("")
        lines += [self.noise(), "", f"Reviewed by {anp.full}"]
        self.write(f"Hospital/VirtualWard/Reviews/vw_review_{day:%Y%m%d}_{d}.md", "\n".join(lines) + "\n", "text")

    def huddle(self, d, ps):
        r = self.rng
        day = date(2026, r.randint(1, 10), r.randint(1, 28))
        att = r.sample(self.staff, 6)
        lines = [f"INTEGRATED DISCHARGE HUB - DAILY HUDDLE {day:%d.%m.%Y}",
                 f"Attendees: {', '.join(s.full for s in att)}", f"Chair: {att[0].full}", "---"]
        for p in ps:
            st = r.choice(self.staff)
            k = r.randint(0, 2)
            if k == 0:
                lines.append(f"{self.nm(p, 5)} (DOB {self.dob(p)}) - {r.choice(['P1 reablement start delayed', 'awaiting Care Act assessment', 'telecare install booked', 'hospice referral sent'])}. Action: {st.full}.")
            elif k == 1:
                lines.append(f"{self.nm(p, 0)}, {p.address}, {p.postcode}, DOB {self.dob(p, 6)}: brokerage chasing provider; {st.full} to update family.")
            else:
                lines.append(f"{self.nm(p, 2)} - DOB {self.dob(p, 4)}" + (f" - NHS {self.nhs(p)}" if p.nhs else " - no NHS no. on ASC system") + f" - {st.full} leads.")
            if p.access and r.random() < 0.25:
                lines.append(f"   (first call access: {self.acc(p)})")
        lines += ["---", f"Minutes: {self.st('Discharge Hub').full}", self.noise()]
        self.write(f"Hub/Huddles/huddle_{day:%Y-%m-%d}_{d}.txt", "\n".join(lines) + "\n", "text")

    # ---- letters
    def discharge_summary(self, p):
        r = self.rng
        doc = self.st("Frailty")
        gp = f"Dr {r.choice(STAFF_FORENAMES)} {r.choice(['Hallam', 'Morrow', 'Pettigrew', 'Oakes', 'Thursby'])}"
        lines = ["Northmoor General Hospital NHS Foundation Trust", "Frailty Service - Discharge Summary", "",
                 f"To: {gp}, Cragbridge Medical Practice", f"Date: {p.discharge:%d %B %Y}", "",
                 f"Re: {self.nm(p, r.choice([0, 6, 8]))}", f"DOB: {self.dob(p)}   NHS No: {self.nhs(p)}   Hospital No: {p.mrn}",
                 f"Address: {p.address}, {p.town}, {p.postcode}", "",
                 f"Dear {gp.split()[0]} {gp.split()[-1]},", "",
                 f"{self.short(p)} was admitted to {p.ward} on {p.admit:%d/%m/%Y} with {p.cond} and was discharged on {p.discharge:%d/%m/%Y}.",
                 f"Medication on discharge: {', '.join(p.meds)}.",
                 f"Follow-up: {'Frailty Virtual Ward for 7 days' if p.vw else 'GP review in 2 weeks'}. {'Referred to St Bede' + chr(39) + 's community team.' if p.hospice else ''}",
                 f"Next of kin: {p.relatives[0].full} ({p.relatives[0].rel}), {p.relatives[0].phone}.", ""]
        lines += self.sig(doc)
        lines += ["", f"cc: {self.st('Discharge Hub').full}, Discharge Hub; {self.st('Hospital Social Work').full}, Hartside ASC"]
        self.letter(f"Hospital/DischargeSummaries/{p.discharge:%Y-%m}/DS_{p.mrn}", lines, "letter")

    def care_act(self, p):
        r = self.rng
        sw = self.st("Hospital Social Work")
        carer = next((q for q in p.relatives if q.dob), None)
        table = [["Name", self.nm(p, r.choice([0, 3, 8]))], ["Date of birth", self.dob(p)],
                 ["NHS number", self.nhs(p) if p.nhs else "not known"], ["ASC reference", p.council_ref],
                 ["Address", f"{p.address}, {p.town} {p.postcode}"], ["Telephone", p.phone],
                 ["Assessor", sw.full], ["Date of assessment", f"{p.discharge - timedelta(days=2):%d/%m/%Y}"]]
        lines = ["HARTSIDE BOROUGH COUNCIL", "Care Act 2014 - Needs Assessment (s.9)", "", "<<TABLE>>", "",
                 "Eligible outcomes: managing and maintaining nutrition; maintaining personal hygiene; being able to make use of the home safely.",
                 f"Health: {p.cond}. {p.fn} manages own medication with a dosette box.",
                 f"Family: {self.rel_line(p, p.relatives[0])}."]
        if carer:
            lines.append(f"Carer's assessment: {carer.full}, {carer.rel}, born {fmt_dob(carer.dob, r.randint(0, 7))}, provides daily support.")
        if p.partner:
            lines.append(f"Lives with {p.partner.title} {p.partner.fn} {p.partner.sn}, who has their own assessment (ref {p.partner.council_ref}).")
        if p.access and r.random() < 0.5:
            lines.append(f"Access for providers: {self.acc(p)}.")
        lines += ["", f"Assessor: {sw.full}, {sw.role}", f"Countersigned by {self.by_team['Hospital Social Work'][-1].full}"]
        self.letter(f"ASC/CareActAssessments/{p.council_ref}_assessment", lines, "letter", table=table)

    def hospice_referral(self, p):
        doc = self.st("Frailty", "Virtual Ward")
        hosp = self.by_team["Hospice"]
        lines = ["Northmoor General Hospital - Referral to Community Palliative Care", "",
                 "St Bede's Hospice, Community Team", f"FAO: {hosp[0].full}", "",
                 f"Patient: {self.nm(p)}", f"Date of birth: {self.dob(p)}", f"NHS number: {self.nhs(p)}",
                 f"Address: {p.address}, {p.town} {p.postcode}   Tel: {p.phone}", "",
                 f"Dear {hosp[0].fn},", "",
                 f"Thank you for seeing this patient with {p.cond}. Preferred place of death: home. DNACPR in place.",
                 f"NOK: {self.rel_line(p, p.relatives[0], with_dob=True)}."]
        if p.keyholder:
            lines.append(f"A neighbour, {p.keyholder.full}, has a key.")
        lines += [""] + self.sig(doc)
        self.letter(f"Hospice/Referrals/referral_{p.mrn}", lines, "letter")

    def family_letter(self, p):
        r = self.rng
        q = r.choice(p.relatives)
        s = self.st("Hospital Social Work", "Discharge Hub", "Hospice")
        lines = [ORG[s.org][0], "", f"{q.full}", f"Date: {p.discharge:%d/%m/%Y}", "",
                 f"Dear {q.fn},", "",
                 f"Re: your {('mother' if p.sex == 'F' else 'father') if q.rel in ('son', 'daughter', 'son-in-law', 'daughter-in-law') else 'relative'}, "
                 f"{self.nm(p, r.choice([0, 4, 8]))}, date of birth {self.dob(p, r.choice([3, 6]))}", "",
                 f"I am writing to confirm the plan we discussed for {p.fn}'s return home on {p.discharge:%d %B}.",
                 "The reablement team will visit twice daily for up to six weeks.",
                 ]
        if p.access and r.random() < 0.5:
            lines.append(f"As agreed, carers will use the {self.acc(p)}.")
        lines += [""] + self.sig(s)
        self.letter(f"Letters/Families/{p.discharge:%Y-%m}/letter_{p.sn.replace(chr(39), '')}_{q.sn.replace(chr(39), '')}_{r.randint(100, 999)}", lines, "letter")

    def reablement_referral_letter(self, p):
        tl = self.st("Reablement")
        lines = ["Hartside Reablement Service", "Referral acceptance", "",
                 f"Service user: {self.nm(p)}", f"DOB: {self.dob(p)}", f"Address: {p.address}, {p.postcode}",
                 "No NHS number held on the ASC system." if not p.nhs else f"NHS number: {self.nhs(p)}", "",
                 f"Reablement support workers allocated: {', '.join(s.full for s in self.by_team['Reablement'][:2])}.",
                 f"OT: {self.st('OT').full}.", ""] + self.sig(tl)
        self.letter(f"ASC/Reablement/Referrals/reablement_{p.council_ref}", lines, "letter")

    # ---- HL7
    def hl7_name(self, p):
        return f"{p.sn.upper()}^{p.fn}^{p.middle}^^{p.title.upper()}"

    def pid(self, p):
        dob = p.dob.strftime("%Y%m%d")
        p.dob_written = True
        p.nhs_written = True
        return (f"PID|1||{p.nhs}^^^NHS^NH~{p.mrn}^^^NVH^MR||{self.hl7_name(p)}||{dob}|{p.sex}|||"
                f"{p.address}^^{p.town}^^{p.postcode}^GBR||{p.phone}")

    def nk1(self, p):
        segs = []
        for i, q in enumerate(p.relatives + ([p.keyholder] if p.keyholder else [])):
            segs.append(f"NK1|{i + 1}|{q.sn.upper()}^{q.fn}|{q.code}^{q.rel.title()}||{q.phone}|||" + (q.dob.strftime("%Y%m%d") if q.dob else ""))
        return segs

    def staff_xcn(self, s):
        return f"C{self.staff.index(s) * 7919 % 900000 + 100000}^{s.sn.upper()}^{s.fn}^^^{s.title.upper()}"

    def msh(self, t, p):
        ts = f"{p.discharge:%Y%m%d}{self.rng.randint(0, 23):02d}{self.rng.randint(0, 59):02d}"
        return f"MSH|^~\\&|NVPAS|NVH|HUB|HBC|{ts}||{t}|{self.rng.randint(10**9, 10**10 - 1)}|P|2.4", ts

    def hl7_adt(self, p):
        doc = self.st("Frailty")
        dc = self.st("Discharge Hub")
        m, ts = self.msh("ADT^A03", p)
        ward = p.ward.split(" (")[0].replace(" ", "").upper()
        segs = [m, f"EVN|A03|{ts}", self.pid(p)] + self.nk1(p) + [
            f"PV1|1|I|{ward}^{p.bed:02d}^A^NVH||||{self.staff_xcn(doc)}|||GER||||||||{self.staff_xcn(dc)}|{self.rng.randint(10**7, 10**8)}|||||||||||||||||||||||||{p.admit:%Y%m%d}|{p.discharge:%Y%m%d}",
            f"ROL|1|AD|DC^Discharge Coordinator|{self.staff_xcn(dc)}",
            f"OBX|1|TX|DISCH^Discharge note||Discharged to usual residence with reablement. {self.noise()}||||||F",
            f"NTE|1||Home contact {p.relatives[0].full} ({p.relatives[0].rel}). Handover by {dc.full}.",
        ]
        if p.access and self.rng.random() < 0.5:
            segs.append(f"NTE|2||Access for community teams: {self.acc(p)}")
        self.write(f"Interfaces/HL7/ADT/{p.discharge:%Y%m}/ADT_A03_{p.mrn}.hl7", "\r".join(segs) + "\r", "struct")

    def hl7_oru(self, p):
        anp = self.st("Virtual Ward")
        m, ts = self.msh("ORU^R01", p)
        segs = [m, self.pid(p), f"PV1|1|O|VWARD^^^NVH||||{self.staff_xcn(anp)}",
                f"OBR|1|{self.rng.randint(10**6, 10**7)}||NEWS2^NEWS2 score|||{ts}|||||||||{self.staff_xcn(anp)}",
                f"OBX|1|NM|RR^Respiratory rate||{self.rng.randint(14, 26)}|/min|||||F",
                f"OBX|2|NM|SPO2^Oxygen saturation||{self.rng.randint(90, 99)}|%|||||F",
                f"OBX|3|TX|NOTE^Virtual ward note||Remote review by {anp.full}. {p.fn} reports {self.rng.choice(['less breathless', 'ankle swelling', 'good night'])}.||||||F",
                f"NTE|1||{self.noise()}"]
        self.write(f"Interfaces/HL7/ORU/ORU_{p.mrn}_{self.rng.randint(1000, 9999)}.hl7", "\r".join(segs) + "\r", "struct")

    def hl7_ref(self, p):
        doc = self.st("Frailty", "Virtual Ward")
        hosp = self.st("Hospice")
        m, ts = self.msh("REF^I12", p)
        segs = [m, f"RF1|A|ROUT^Routine|HOSP^Hospice||{self.rng.randint(10**6, 10**7)}|{p.discharge:%Y%m%d}",
                f"PRD|RP|{doc.sn.upper()}^{doc.fn}^^^{doc.title.upper()}|Northmoor General Hospital",
                f"PRD|RT|{hosp.sn.upper()}^{hosp.fn}|St Bede's Hospice",
                self.pid(p)] + self.nk1(p) + [
                f"NTE|1||Referred for community palliative care ({p.cond}). Lives {'with partner' if p.partner else 'alone'}."]
        if p.access and self.rng.random() < 0.6:
            segs.append(f"NTE|2||{self.acc(p)}")
        self.write(f"Interfaces/HL7/REF/REF_I12_{p.mrn}.hl7", "\r".join(segs) + "\r", "struct")

    # ---- FHIR
    def fhir_bundles(self, ps):
        r = self.rng
        for b in range(0, len(ps), 10):
            entries = []
            for p in ps[b:b + 10]:
                pid = f"pat-{p.mrn}"
                p.dob_written = p.nhs_written = True
                name = {"use": "official", "family": p.sn, "given": [p.fn] + ([p.middle] if p.middle else []), "prefix": [p.title]}
                entries.append({"fullUrl": f"urn:uuid:{pid}", "resource": {
                    "resourceType": "Patient", "id": pid,
                    "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": p.nhs},
                                   {"system": "https://northmoor-tr.nhs.uk/Id/mrn", "value": p.mrn}],
                    "name": [name], "gender": "female" if p.sex == "F" else "male",
                    "birthDate": p.dob.isoformat(),
                    "telecom": [{"system": "phone", "value": p.phone}],
                    "address": [{"line": [p.address], "city": p.town, "postalCode": p.postcode}],
                    "contact": [{"relationship": [{"text": q.rel}], "name": {"family": q.sn, "given": [q.fn]},
                                 "telecom": [{"system": "phone", "value": q.phone}]} for q in p.relatives[:1]]}})
                for q in p.relatives[1:]:
                    res = {"resourceType": "RelatedPerson", "id": f"rp-{p.mrn}-{q.fn.lower()}",
                           "patient": {"reference": f"Patient/{pid}"},
                           "relationship": [{"text": q.rel}], "name": [{"family": q.sn, "given": [q.fn]}],
                           "telecom": [{"system": "phone", "value": q.phone}]}
                    if q.dob:
                        res["birthDate"] = q.dob.isoformat()
                    entries.append({"fullUrl": f"urn:uuid:{res['id']}", "resource": res})
                s = self.st("Virtual Ward", "Frailty")
                entries.append({"fullUrl": f"urn:uuid:enc-{p.mrn}", "resource": {
                    "resourceType": "Encounter", "id": f"enc-{p.mrn}", "status": "finished",
                    "class": {"code": "IMP"}, "subject": {"reference": f"Patient/{pid}", "display": f"{p.fn} {p.sn}"},
                    "participant": [{"individual": {"reference": f"Practitioner/pr-{s.sn.lower()}", "display": self.titled(s)}}],
                    "period": {"start": p.admit.isoformat(), "end": p.discharge.isoformat()},
                    "reasonCode": [{"text": p.cond}]}})
                if p.access and r.random() < 0.5:
                    entries.append({"fullUrl": f"urn:uuid:flag-{p.mrn}", "resource": {
                        "resourceType": "Flag", "id": f"flag-{p.mrn}", "status": "active",
                        "code": {"text": f"Home access: {self.acc(p)}"},
                        "subject": {"reference": f"Patient/{pid}", "display": f"{p.fn} {p.sn}"}}})
            for s in r.sample(self.staff, 4):
                entries.append({"fullUrl": f"urn:uuid:pr-{s.sn.lower()}", "resource": {
                    "resourceType": "Practitioner", "id": f"pr-{s.sn.lower()}",
                    "name": [{"family": s.sn, "given": [s.fn]} | ({"prefix": [s.title]} if s.title else {})],
                    "telecom": [{"system": "email", "value": s.email}]}})
            bundle = {"resourceType": "Bundle", "type": "collection", "id": f"vw-export-{b // 10 + 1}", "entry": entries}
            self.write(f"Interfaces/FHIR/vw_export_batch{b // 10 + 1:02d}.json", json.dumps(bundle, indent=1, ensure_ascii=False), "struct")

    # ---- CSV / XLSX
    def csv_write(self, rel, header, rows):
        b = io.StringIO()
        w = csv.writer(b)
        w.writerow(header)
        w.writerows(rows)
        self.write(rel, b.getvalue(), "struct")

    def csv_discharge_list(self, ps):
        rows = []
        for p in ps:
            dc = self.st("Discharge Hub")
            rows.append([self.nm(p, 1), self.dob(p, 0), self.nhs(p, 1), p.ward, p.bed, p.admit.isoformat(), p.discharge.isoformat(),
                         self.rng.choice(["P0", "P1", "P1", "P2", "P3"]), dc.full,
                         f"{p.relatives[0].full} ({p.relatives[0].rel})", p.relatives[0].phone])
        self.csv_write("Hub/Reports/discharge_pathway_extract_2026.csv",
                       ["Patient Name", "D.O.B", "NHS No", "Ward", "Bed", "Admitted", "Discharged", "Pathway",
                        "Discharge Coordinator", "NOK", "NOK Tel"], rows)

    def csv_brokerage(self, ps):
        rows = []
        for p in ps:
            rows.append([p.council_ref, p.sn, p.fn, p.middle, fmt_dob(p.dob, 2), p.postcode,
                         self.rng.choice(["Calder Homecare Ltd", "Brightside Support", "Moorview Care"]),
                         self.rng.choice([7, 10.5, 14, 21]), self.st("Brokerage").full,
                         f"PO{self.rng.randint(100000, 999999)}"])
            p.dob_written = True
        self.csv_write("ASC/Brokerage/brokerage_placements.csv",
                       ["council_ref", "client_surname", "client_first", "client_middle", "born", "pcode", "provider",
                        "hrs_per_week", "broker", "purchase_order"], rows)

    def csv_relatives(self, ps):
        rows = []
        for p in ps:
            for q in p.relatives + ([p.keyholder] if p.keyholder else []):
                rows.append([p.council_ref, f"{p.fn} {p.sn}", q.fn, q.sn, q.rel, q.phone,
                             fmt_dob(q.dob, 0) if q.dob else "", "Y" if q is p.keyholder or self.rng.random() < 0.2 else "N"])
        self.csv_write("ASC/Telecare/responders_and_contacts.csv",
                       ["client_ref", "client_full_name", "contact_first_name", "contact_last_name", "relationship",
                        "contact_phone", "contact_dob", "key_holder"], rows)

    def xlsx_write(self, rel, sheets):
        wb = openpyxl.Workbook()
        wb.remove(wb.active)
        for title, header, rows in sheets:
            ws = wb.create_sheet(title)
            ws.append(header)
            for row in rows:
                ws.append(row)
        wb.properties.created = datetime(2026, 1, 5, 9, 0, 0)
        wb.properties.modified = datetime(2026, 1, 5, 9, 0, 0)
        wb.properties.creator = "Hub"
        b = io.BytesIO()
        wb.save(b)
        self.write(rel, fix_zip(b.getvalue()), "struct")

    def xlsx_telecare(self, ps):
        rows = []
        for p in ps:
            resp = p.keyholder or p.relatives[0]
            rows.append([p.sn.upper(), p.fn + (f" {p.middle}" if p.middle else ""), self.dob(p, 0),
                         self.nhs(p, 0) if p.nhs else "", f"{p.address}, {p.town}", p.postcode,
                         self.acc(p) if p.access else self.rng.choice(["No key safe - family let in", "Client answers door", "Awaiting key safe fitting (order " + str(self.rng.randint(40000, 49999)) + ")"]),
                         resp.full, resp.rel, resp.phone, self.st("Telecare").full,
                         f"{self.rng.randint(100000, 999999)}"])
        self.xlsx_write("ASC/Telecare/telecare_register.xlsx",
                        [("Register", ["Surname", "Forename(s)", "Date of Birth", "NHS #", "Address", "Postcode",
                                       "Keysafe / access", "Responder 1", "Responder 1 relationship",
                                       "Responder 1 tel", "Installer", "Pendant serial"], rows)])

    def xlsx_reablement(self, ps):
        rows = []
        for p in ps:
            w = self.st("Reablement")
            rows.append([self.nm(p, self.rng.choice([0, 2, 3, 7])), self.dob(p, self.rng.choice([0, 2, 4])), p.council_ref,
                         f"{p.discharge:%d/%m/%Y}", w.full, self.st("OT").full,
                         self.rng.choice(["2 calls", "3 calls", "4 calls double-up"]),
                         f"{p.cond}; {self.rng.choice(['goals: kitchen independence', 'goals: bathing', 'goals: stairs'])}"])
        wk = [[s.full, s.role, "Mon-Fri"] for s in self.by_team["Reablement"]]
        self.xlsx_write("ASC/Reablement/reablement_caseload_2026.xlsx",
                        [("Caseload", ["Service user", "DoB", "ASC ref", "Start", "Reablement worker", "OT", "Package", "Notes"], rows),
                         ("Workers", ["Worker", "Job title", "Pattern"], wk)])

    def xlsx_ot_equipment(self, ps):
        rows = []
        for p in ps:
            if self.rng.random() < 0.5:
                continue
            rows.append([self.nm(p, self.rng.choice([1, 5])), fmt_dob(p.dob, 0), self.rng.choice(["Perching stool", "Bed lever", "Commode", "Rotunda", "Hospital bed"]),
                         f"{self.rng.randint(4000000, 4999999)}", self.st("OT").full, f"{p.discharge:%d/%m/%Y}"])
            p.dob_written = True
        self.xlsx_write("ASC/OT/equipment_orders.xlsx",
                        [("Orders", ["Client", "DOB", "Item", "Order no.", "Prescriber", "Delivery date"], rows)])

    def xlsx_staff_rota(self):
        days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        rows = [[s.full, s.role, ORG[s.org][0]] + [self.rng.choice(["E", "L", "LD", "N", "OFF"]) for _ in days] for s in self.staff]
        self.xlsx_write("Hub/Rota/hub_duty_rota_wk48.xlsx", [("Rota", ["Staff member", "Role", "Employer"] + days, rows)])

    # ---- e-mail
    def mail(self, frm, to, cc, subject, body, attachments, rel):
        m = EmailMessage()
        m["From"] = f"{frm.full} <{frm.email}>"
        m["To"] = ", ".join(f"{s.full} <{s.email}>" for s in to)
        if cc:
            m["Cc"] = ", ".join(f"{s.full} <{s.email}>" for s in cc)
        m["Subject"] = subject
        m["Date"] = format_datetime(datetime(2026, self.rng.randint(1, 11), self.rng.randint(1, 28), self.rng.randint(8, 17), 0, tzinfo=timezone.utc))
        m.set_content(body)
        for name, data, mt in attachments:
            maintype, subtype = mt.split("/")
            m.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
        if m.is_multipart():
            m.set_boundary(f"==hub-boundary-{self.rng.randint(10**9, 10**10 - 1)}==")
        self.write(rel, bytes(m), "struct")

    def email_about(self, p):
        r = self.rng
        frm = self.st("Discharge Hub", "Hospital Social Work", "Virtual Ward")
        to = [self.st("Brokerage", "Telecare", "Reablement", "Hospice")]
        cc = r.sample(self.staff, 2)
        body = [f"Hi {to[0].fn},", "",
                f"Please can you pick up {self.nm(p, r.choice([0, 2, 6]))} (DOB {self.dob(p)}"
                + (f", NHS {self.nhs(p)}" if p.nhs and r.random() < 0.6 else "") + f"), {p.address}, {p.postcode}.",
                f"{p.fn} is medically fit for discharge on {p.discharge:%d/%m}. {p.relatives[0].full} ({p.relatives[0].rel}) is the main contact on {p.relatives[0].phone}."]
        if p.access and r.random() < 0.5:
            body.append(f"For the first call: {self.acc(p)}.")
        body += [self.noise(), "", "Thanks,", frm.full, frm.role, f"ext {frm.ext}"]
        att = []
        if r.random() < 0.5:
            lines = [f"Referral summary", f"Name: {self.nm(p)}", f"Date of birth: {self.dob(p)}",
                     f"Diagnosis: {p.cond}", f"Referrer: {frm.full}"]
            if r.random() < 0.5:
                att.append((f"referral_{p.sn.replace(chr(39), '')}.docx", self.docx_bytes(lines),
                            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
            else:
                att.append((f"referral_{p.sn.replace(chr(39), '')}.pdf", self.pdf_bytes(lines), "application/pdf"))
        subj = r.choice([f"Discharge - bed {p.bed} - {self.short(p)}", f"New referral {p.council_ref}", f"RE: {p.fn} {p.sn} package start",
                         "FW: please action today"])
        self.mail(frm, to, cc, subj, "\n".join(body) + "\n", att,
                  f"Mailbox/Hub/{p.discharge:%Y-%m}/{p.council_ref}_{r.randint(1000, 9999)}.eml")

    def email_list(self, k, ps):
        r = self.rng
        frm = self.st("Discharge Hub")
        to = r.sample(self.staff, 4)
        body = [f"All,", "", "Today's list of medically fit patients waiting for packages:", ""]
        for p in ps:
            body.append(f"{self.nm(p, 1)} ({self.dob(p, 0)}) - {p.ward}, bed {p.bed}")
        body += ["", "Spreadsheet attached.", "", frm.full, "Discharge Hub"]
        b = io.StringIO()
        w = csv.writer(b)
        w.writerow(["surname", "forename", "date_of_birth", "nhs_number", "ward"])
        for p in ps:
            w.writerow([p.sn, p.fn, self.dob(p, 2), self.nhs(p, 1) if p.nhs else "", p.ward])
        self.mail(frm, to, [self.st("Frailty")], f"MFFD list {k + 1}", "\n".join(body) + "\n",
                  [(f"mffd_{k + 1}.csv", b.getvalue().encode(), "text/csv")], f"Mailbox/Hub/lists/mffd_{k + 1}.eml")

    # ---------------------------------------------------------------- truth
    def truth(self):
        people = []
        for p in self.people:
            assert p.dob_written
            d = {"forename": p.fn, "surname": p.sn, "dob": p.dob.strftime("%d/%m/%Y"),
                 "nhs_number": p.nhs if (p.nhs and p.nhs_written) else "",
                 "keysafe_code": p.access_truth if p.access_written else ""}
            if p.middle:
                d["middle_names"] = p.middle
            d["special_category"] = True
            d["partner_is_client"] = bool(p.partner)
            people.append(d)
        staff = sorted({s.full for s in self.staff})
        related = sorted({q.full for q in self.related})
        return {"people": people, "staff": staff, "related": related}


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        sys.exit(2)
    share, truth = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 120
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    g = Gen(n, seed)
    os.makedirs(share, exist_ok=True)
    g.generate(share)
    with open(truth, "w", encoding="utf-8") as f:
        json.dump(g.truth(), f, indent=1, ensure_ascii=False)
    counts = {}
    for rel, kind in g.files:
        ext = rel.rsplit(".", 1)[-1]
        counts[ext] = counts.get(ext, 0) + 1
    kinds = {}
    for rel, kind in g.files:
        kinds[kind] = kinds.get(kind, 0) + 1
    print(f"{len(g.files)} files", json.dumps(counts, sort_keys=True), json.dumps(kinds, sort_keys=True))


if __name__ == "__main__":
    main()
