#!/usr/bin/env python3
"""Held-out breach share 22: a hospice's community services and an end-of-life
care partnership.  Usage:

    heldout_share_22.py SHARE_DIR TRUTH.json [PEOPLE=120] [SEED=1]

Everything is invented.  Phone numbers are Ofcom drama numbers; NHS numbers start
485 with a valid modulus-11 check digit.  Home-access kinds in the truth come only
from statements actually written (each writer records what it wrote).
"""
import csv
import io
import json
import os
import random
import sys
from datetime import date, datetime, timedelta
from email.message import EmailMessage
from xml.sax.saxutils import escape

import docx
import openpyxl

# ---------------------------------------------------------------- name pools
F_FEM = ["Ann", "Margaret", "Joan", "Eileen", "Doreen", "Gwenllian", "Maureen", "Beryl", "Sheila",
         "Patricia", "Brenda", "Valerie", "Irene", "Jean", "Hilda", "Rita", "Glenys", "Pauline",
         "Olwen", "Marjorie", "Edna", "Winifred", "Sylvia", "Iris", "Noreen", "Bridget", "Mairead",
         "Kathleen", "Dorothy", "Elsie", "Mavis", "Gladys", "Yvonne", "Shirley", "Carol", "Lorna",
         "Agnieszka", "Parveen", "Rukhsana", "Hyacinth", "Marcia", "Precious", "Teresa", "Rosaleen",
         "Avril", "Janice", "Wendy", "Lilian", "Vera", "Cynthia"]
F_MAL = ["Dennis", "Arthur", "Kenneth", "Gwilym", "Trevor", "Ronald", "Derek", "Malcolm", "Bernard",
         "Clifford", "Leslie", "Alwyn", "Reginald", "Stanley", "Cyril", "Eric", "Norman", "Gordon",
         "Desmond", "Padraig", "Seamus", "Tadeusz", "Mohammed", "Harbans", "Winston", "Everton",
         "Barrington", "Roy", "Frank", "Alan", "Geoffrey", "Howard", "Neville", "Raymond", "Walter",
         "Victor", "Colin", "Brian", "Terence", "Lionel", "Emrys", "Idris", "Cledwyn", "Hywel"]
MIDDLE_F = ["May", "Rose", "Elizabeth", "Joan", "Mary", "Louise", "Ann", "Jane", "Edith", "Grace",
            "Myfanwy", "Bronwen", "Kathleen"]
MIDDLE_M = ["John", "James", "William", "Thomas", "George", "Edward", "Albert", "Rhys", "Owen",
            "Patrick", "Francis", "Henry"]
SURN = ["Price", "Ellis", "Hargreaves", "Pritchard", "Bellamy", "Crossley", "O'Donnell", "O'Hare",
        "Hughes-Lloyd", "Fenwick", "Tregunna", "Ashworth", "Butterfield", "Kowalczyk", "Nowak",
        "Akhtar", "Sandhu", "Gill", "McAllister", "MacLeod", "Rowntree", "Whitworth", "Greenhalgh",
        "Dunmore", "Shackleton", "Pendry", "Llewellyn", "Bevan", "Morgan-Reece", "Cartwright",
        "Thwaite", "Ollerenshaw", "Brennan", "Quigley", "D'Souza", "Fernandes", "Okafor", "Mensah",
        "Campbell-Brown", "Baptiste", "Royle", "Kettlewell", "Haworth", "Sowerby", "Illingworth",
        "Nuttall", "Entwistle", "Pickersgill", "Tattersall", "Heseltine", "Varley", "Mottram",
        "Dobson", "Lumb", "Gaunt", "Bairstow", "Hepworth", "Sugden", "Laycock", "Holroyd",
        "Ackroyd", "Ramsden", "Drabble", "Wilding", "Farrar", "Clegg", "Pogson", "Sutcliffe",
        "Crowther", "Brook", "Barraclough", "Horsfall", "Marsden", "Redfearn", "Walmsley",
        "Stansfield", "Greenwood", "Uttley", "Binns", "Firth", "Jowett", "Wadsworth", "Priestley",
        "Hinchcliffe", "Schofield", "Ogden", "Kershaw", "Hirst", "Wainwright", "Midgley",
        "Lister", "Naylor", "Rhodes", "Oldroyd", "Fearnley", "Dyson", "Sykes", "Mellor",
        "Haigh", "Birkby", "Senior", "Goldthorpe", "Ibbotson", "Jagger", "Lockwood", "Mallinson",
        "Pearce", "Quarmby", "Roebuck", "Stead", "Tinker", "Whiteley", "Yates", "Zielinski",
        "Wojcik", "Ahmed", "Chaudhry", "Begum", "Kaur", "Bhatti", "Nwosu", "Adeyemi", "Ferreira"]
STAFF_F = ["Leanne", "Kirsty", "Charlotte", "Hayley", "Nadia", "Bethan", "Siobhan", "Rachael",
           "Gemma", "Amira", "Joanne", "Lucy", "Sunita", "Abigail", "Ffion", "Danielle", "Michaela"]
STAFF_M = ["Omar", "Callum", "Jamie", "Tomasz", "Rhodri", "Kwame", "Liam", "Owain", "Imran", "Stuart"]
STAFF_S = ["Bishop", "Haddad", "Kilbride", "Ferriday", "Okonjo", "Strachan", "Penhaligon", "Vickers",
           "Marchetti", "Oyelaran", "Brightwell", "Cadwallader", "Lindqvist", "Rafferty", "Sewell",
           "Achebe", "Moorcroft", "Tennant", "Valdez", "Hollingworth", "Kaczmarek", "Delaney",
           "Ashdown", "Pemberton", "Quayle", "Fairbairn", "Northcott", "Rushworth", "Winstanley"]
REL_F = ["Sian", "Tracey", "Julie", "Karen", "Deborah", "Sharon", "Michelle", "Nicola", "Claire",
         "Angela", "Samantha", "Lisa", "Donna", "Helen", "Mandy", "Bushra", "Ewa", "Tanya"]
REL_M = ["Gareth", "Darren", "Paul", "Mark", "Steven", "Wayne", "Craig", "Andrew", "Neil", "Lee",
         "Gavin", "Dean", "Jason", "Kamran", "Marek", "Dwayne", "Ieuan", "Carl"]
STREETS = ["Heol y Nant", "Moorside Road", "Chapel Fold", "Albion Terrace", "Wesley Street",
           "Bank Top", "Clough Lane", "Ravensknowle Road", "Mill Hey", "Prospect Row",
           "Cemetery Road", "Spring Gardens", "Lower Brockholes", "Intake Lane", "Garden Crescent",
           "Bradford Road", "Beech Avenue", "Croft Close", "Stoney Bank", "Hall Ings",
           "Tenter Hill", "Victoria Parade", "St Mary's Court", "Station View", "Greenhead Lane"]
TOWNS = [("Holmfirth", "HD9"), ("Marsden", "HD7"), ("Elland", "HX5"), ("Todmorden", "OL14"),
         ("Hebden Bridge", "HX7"), ("Brighouse", "HD6"), ("Mirfield", "WF14"), ("Slaithwaite", "HD7"),
         ("Sowerby Bridge", "HX6"), ("Honley", "HD9")]
DIAG = ["metastatic ca lung", "pancreatic ca", "MND", "end-stage COPD", "heart failure (NYHA IV)",
        "ca prostate w/ bony mets", "ovarian ca", "glioblastoma", "end stage renal failure (conservative mx)",
        "advanced dementia", "oesophageal ca", "bowel ca w/ liver mets", "IPF", "mesothelioma",
        "ca breast, brain mets", "advanced Parkinson's"]
GPS = ["Dr Helen Varga", "Dr Anil Bhattacharya", "Dr Ruth Ormerod", "Dr Simon Ketteridge",
       "Dr Funmi Adebayo", "Dr Gethin Rowlands"]
SURGERIES = ["Honley Surgery", "Calder Valley Medical Practice", "Marsden Health Centre",
             "Elland Medical Group", "Todmorden Health Centre", "Brighouse Family Practice"]
CARE_HOMES = ["Ashgrove Nursing Home", "The Laurels Care Home", "Fernlea Nursing Home",
              "Moorview House (nursing)"]


def nhs_number(rng, used):
    while True:
        body = "485" + "".join(str(rng.randrange(10)) for _ in range(6))
        s = sum(int(d) * w for d, w in zip(body, range(10, 1, -1)))
        c = 11 - (s % 11)
        if c == 11:
            c = 0
        if c == 10:
            continue
        n = body + str(c)
        if n not in used:
            used.add(n)
            return n


def nhs_ok(n):
    if len(n) != 10 or not n.isdigit():
        return False
    s = sum(int(d) * w for d, w in zip(n[:9], range(10, 1, -1)))
    c = 11 - (s % 11)
    c = 0 if c == 11 else c
    return c != 10 and c == int(n[9])


def spaced(n):
    return f"{n[:3]} {n[3:6]} {n[6:]}"


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def d_uk(d):
    return d.strftime("%d/%m/%Y")


def dob_form(rng, d):
    k = rng.randrange(6)
    if k == 0:
        return d.strftime("%d/%m/%Y")
    if k == 1:
        return d.isoformat()
    if k == 2:
        return f"{d.day} {MONTHS[d.month-1][:3]} {d.year}"
    if k == 3:
        return f"{d.day} {MONTHS[d.month-1]} {d.year}"
    if k == 4:
        return d.strftime("%d.%m.%Y")
    return d.strftime("%d-%b-%Y")


def phone(rng):
    k = rng.randrange(4)
    if k == 0:
        return f"07700 900{rng.randrange(1000):03d}"
    if k == 1:
        return f"0113 496 0{rng.randrange(1000):03d}"
    if k == 2:
        return f"0117 496 0{rng.randrange(1000):03d}"
    return f"020 7946 0{rng.randrange(1000):03d}"


class World:
    def __init__(self, n, seed):
        self.rng = rng = random.Random(seed)
        self.seed = seed
        self.used_names = set()
        self.used_nhs = set()
        self.related = set()
        self.staff_named = set()
        self.start = date(2026, 8, 3)
        self.end = date(2026, 11, 20)
        self._make_staff()
        self.people = [self._make_person(i) for i in range(n)]
        self._couples()
        self._access()

    # -------------------------------------------------------------- helpers
    def uniq_name(self, firsts, surns):
        for _ in range(1000):
            f = self.rng.choice(firsts)
            s = self.rng.choice(surns)
            if (f, s) not in self.used_names:
                self.used_names.add((f, s))
                return f, s
        raise RuntimeError("names exhausted")

    def _make_staff(self):
        rng = self.rng
        roles = ([("CNS", 4), ("HaH nurse", 5), ("HCA", 6), ("carer", 8), ("DN", 5),
                  ("consultant", 2), ("coordinator", 3), ("volunteer", 3), ("bereavement", 2),
                  ("admin", 2), ("driver", 2), ("night sitter", 4)])
        self.staff = []
        for role, k in roles:
            for _ in range(k):
                f, s = self.uniq_name(STAFF_F + STAFF_M, STAFF_S)
                full = f"Dr {f} {s}" if role == "consultant" else f"{f} {s}"
                self.staff.append({"role": role, "f": f, "s": s, "full": full})
        self.gps = list(GPS)
        for g in GPS:
            parts = g.split()
            self.used_names.add((parts[1], parts[2]))

    def st(self, role):
        s = self.rng.choice([x for x in self.staff if x["role"] == role])
        self.staff_named.add(s["full"])
        return s

    def st_name(self, role):
        return self.st(role)["full"]

    def gp(self, p):
        self.staff_named.add(p["gp"])
        return p["gp"]

    def rel(self, name):
        self.related.add(name)
        return name

    def _make_person(self, i):
        rng = self.rng
        sex = rng.choice("FM")
        f, s = self.uniq_name(F_FEM if sex == "F" else F_MAL, SURN)
        mid = rng.choice(MIDDLE_F if sex == "F" else MIDDLE_M) if rng.random() < 0.55 else ""
        known = mid if (mid and rng.random() < 0.25) else f
        dob = date(1928, 1, 1) + timedelta(days=rng.randrange(365 * 40))
        town, pc = rng.choice(TOWNS)
        p = {
            "i": i, "sex": sex, "f": f, "m": mid, "s": s, "known": known,
            "title": ("Mrs" if rng.random() < 0.6 else "Miss" if rng.random() < 0.5 else "Ms")
            if sex == "F" else "Mr",
            "dob": dob, "nhs": nhs_number(rng, self.used_nhs) if rng.random() < 0.75 else "",
            "addr": f"{rng.randrange(1, 140)} {rng.choice(STREETS)}, {town}",
            "pc": f"{pc} {rng.randrange(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXY')}{rng.choice('ABDEFGHJLNPQRSTUWXY')}",
            "tel": phone(rng), "gp": rng.choice(GPS), "surgery": rng.choice(SURGERIES),
            "diag": rng.choice(DIAG), "reg_id": f"EPaCCS-{40000 + i * 7 + rng.randrange(7)}",
            "keyworker": None, "dnacpr": rng.random() < 0.7,
            "deceased": False, "dod": None, "moved": None, "spouse_of": None,
            "access": [], "emitted": set(),
            "nok": None,
        }
        p["keyworker"] = self.st("CNS")["full"]
        # deaths / moves
        r = rng.random()
        if r < 0.42:
            p["deceased"] = True
            p["dod"] = self.start + timedelta(days=rng.randrange(20, 105))
        elif r < 0.50:
            p["moved"] = rng.choice(CARE_HOMES)
        # next of kin
        rel_kind = rng.choice(["daughter", "son", "wife" if sex == "M" else "husband", "niece",
                               "daughter", "son", "partner"])
        if rel_kind in ("daughter", "niece", "wife"):
            rf, rs = self.uniq_name(REL_F, [s] if rel_kind == "wife" else SURN + [s, s, s])
        elif rel_kind in ("son", "husband"):
            rf, rs = self.uniq_name(REL_M, [s] if rel_kind == "husband" else [s, s, s] + SURN[:20])
        else:
            rf, rs = self.uniq_name(REL_F + REL_M, SURN)
        p["nok"] = {"f": rf, "s": rs, "full": f"{rf} {rs}", "kind": rel_kind, "tel": phone(rng)}
        return p

    def _couples(self):
        """A few widows/widowers: both partners are patients; the survivor is the
        bereaved next of kin of the first to die, so she is a patient, not related."""
        rng = self.rng
        dead = [p for p in self.people if p["deceased"] and p["sex"] == "M"]
        alive = [p for p in self.people if not p["deceased"] and not p["moved"] and p["sex"] == "F"
                 and p["title"] == "Mrs"]
        rng.shuffle(dead)
        rng.shuffle(alive)
        for h, w in list(zip(dead, alive))[:4]:
            # she takes his surname and address
            self.used_names.discard((w["f"], w["s"]))
            w["s"] = h["s"]
            if (w["f"], w["s"]) in self.used_names:
                w["f"] = w["f"]  # extremely unlikely clash; accept
            self.used_names.add((w["f"], w["s"]))
            w["addr"], w["pc"] = h["addr"], h["pc"]
            w["spouse_of"] = h["i"]
            h["nok"] = {"f": w["f"], "s": w["s"], "full": f"{w['f']} {w['s']}", "kind": "wife",
                        "tel": w["tel"], "patient": w["i"]}
            h["widow"] = w["i"]

    # -------------------------------------------------------------- access
    def _access(self):
        rng = self.rng
        for p in self.people:
            r = rng.random()
            if r < 0.40:
                kinds = []
            else:
                kinds = [rng.choice(["code", "code", "code", "hidden_key", "key_holder", "left_open"])]
                if rng.random() < 0.3:
                    k2 = rng.choice(["code", "hidden_key", "key_holder", "left_open"])
                    if k2 not in kinds:
                        kinds.append(k2)
            if p.get("widow") is not None:
                kinds = []  # shared home handled on the widow's record
            for k in kinds:
                p["access"].append({"kind": k, "text": self.access_text(p, k),
                                    "chan": rng.choice(["note", "note", "note", "register", "email",
                                                        "handover", "rota", "xml", "careplan"])})

    def access_text(self, p, kind):
        rng = self.rng
        c = f"{rng.randrange(10000):04d}"
        her = "her" if p["sex"] == "F" else "his"
        if kind == "code":
            return rng.choice([
                f"Key safe by front door, code {c}",
                f"keysafe to the left of the back door - code {c}",
                f"KS code {c} (side of porch)",
                f"key safe on wall by garage, no. {c}",
                f"key in keysafe, code is {c}, pls put key back & scramble",
                f"Lockbox on the gate post, combi {c}",
                f"door entry for the flats is {c[:3]}# then key safe outside flat, code {c[1:]}{rng.randrange(10)}",
                f"K/S {c}",
                f"code for keysafe changed to {c} by daughter",
                f"Schlüsselkasten (key safe) am Hintereingang: {c}",
            ])
        if kind == "hidden_key":
            return rng.choice([
                "spare key under the grey plant pot by the back step",
                "key is kept in the meter box at front of house",
                "key on a string behind the letterbox",
                "Key under the stone frog by the shed door",
                f"spare key hidden in the bird box on the side fence",
                "no key safe - key left under the mat at the back",
                "key in the outside toilet, on the nail behind the door",
                "Key hidden under the blue ornament on the windowsill",
            ])
        if kind == "key_holder":
            nf, ns = self.uniq_name(REL_F + REL_M, SURN)
            who = self.rel(f"{nf} {ns}")
            num = rng.randrange(1, 140)
            return rng.choice([
                f"Neighbour {who} at no. {num} holds a key",
                f"key holder: {who} (neighbour, {phone(rng)})",
                f"if no answer ring {who} next door ({phone(rng)}) - has a key",
                f"{who} over the road has {her} spare key",
                f"Keyholder = {who}, lives at {num} same street",
            ])
        # left_open
        return rng.choice([
            "door left on the latch for carers, let yourself in and shout",
            "back door unlocked 8am-8pm, just push and call out",
            "front door left open for night sitter - walk straight in",
            "Door on the latch during the day, let yourself in",
            f"{her} daughter leaves the back door unlocked for us, go straight in",
        ])

    def emit(self, p, a):
        """Record that access statement a for person p has been written."""
        former = bool(p["deceased"] or p["moved"])
        p["emitted"].add((a["kind"], former))
        return a["text"]

    def access_for(self, p, chan):
        return [self.emit(p, a) for a in p["access"] if a["chan"] == chan]

    # -------------------------------------------------------------- names
    def name_shape(self, p, k=None):
        rng = self.rng
        k = rng.randrange(7) if k is None else k
        f = p["known"] if rng.random() < 0.3 else p["f"]
        if k == 0:
            return f"{p['title']} {p['f']} {p['s']}"
        if k == 1:
            return f"{p['s'].upper()}, {p['f']}" + (f" {p['m']}" if p["m"] else "")
        if k == 2:
            return f"{p['f']} {p['s'].upper()}"
        if k == 3:
            return f"{p['f']} {p['m'] + ' ' if p['m'] else ''}{p['s']}"
        if k == 4:
            return f"{p['s']}, {p['f']}"
        if k == 5:
            return f"{p['title']} {p['s']} ({p['known']})"
        return f"{f} {p['s']}"

    def known_line(self, p):
        if p["known"] != p["f"]:
            return f" (known as {p['known']})"
        return ""

    def truth(self):
        people = []
        for p in self.people:
            cur = sorted({k for k, fo in p["emitted"] if not fo})
            old = sorted({k for k, fo in p["emitted"] if fo})
            people.append({"forename": p["f"], "surname": p["s"], "dob": d_uk(p["dob"]),
                           "nhs_number": p["nhs"], "access_kind": cur, "former_access_kind": old})
        pnames = {f"{p['f']} {p['s']}" for p in self.people}
        return {"people": people, "staff": sorted(self.staff_named),
                "related": sorted(n for n in self.related if n not in pnames)}


# ================================================================== writers
FIXED_TS = datetime(2026, 11, 21, 9, 0, 0)


def normalize_zip(path):
    """Rewrite an OOXML zip with fixed timestamps so a seed gives identical bytes."""
    import re
    import zipfile
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2026-11-21T09:00:00Z", data)
            zi = zipfile.ZipInfo(name, date_time=(2026, 11, 21, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


def w_text(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


def w_docx(path, paras, table=None):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    d = docx.Document()
    for para in paras:
        if para.startswith("# "):
            d.add_heading(para[2:], level=1)
        else:
            d.add_paragraph(para)
    d.core_properties.author = "Calder Valley Hospice"
    if table:
        t = d.add_table(rows=0, cols=len(table[0]))
        for row in table:
            cells = t.add_row().cells
            for c, v in zip(cells, row):
                c.text = str(v)
    d.save(path)
    normalize_zip(path)


def _pdf_esc(t):
    t = t.encode("latin-1", "replace").decode("latin-1")
    return t.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def w_pdf(path, lines, scanned=False):
    """A minimal text-layer PDF (reportlab is not installed in the venv)."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    font = "Courier" if scanned else "Helvetica"
    pages = [lines[i:i + 52] for i in range(0, max(len(lines), 1), 52)] or [[]]
    objs = []
    objs.append("<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages)))
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>")
    objs.append(f"<< /Type /Font /Subtype /Type1 /BaseFont /{font} /Encoding /WinAnsiEncoding >>")
    for i, pg in enumerate(pages):
        ops = ["BT", f"/F1 10 Tf 14 TL 50 800 Td"]
        for ln in pg:
            ops.append(f"({_pdf_esc(ln[:105])}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1")
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                    f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>")
        objs.append((f"<< /Length {len(stream)} >>\nstream\n").encode("latin-1") + stream + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offs = []
    for n, o in enumerate(objs, 1):
        offs.append(len(out))
        body = o if isinstance(o, bytes) else o.encode("latin-1")
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for o in offs:
        out += f"{o:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    with open(path, "wb") as fh:
        fh.write(out)


def w_csv(path, header, rows, delim=","):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter=delim)
        w.writerow(header)
        w.writerows(rows)


def csv_bytes(header, rows):
    b = io.StringIO()
    w = csv.writer(b)
    w.writerow(header)
    w.writerows(rows)
    return b.getvalue().encode("utf-8")


def w_xlsx(path, sheets):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, header, rows in sheets:
        ws = wb.create_sheet(name[:31])
        ws.append(header)
        for r in rows:
            ws.append([("" if v is None else v) for v in r])
    wb.save(path)
    normalize_zip(path)


def w_eml(path, frm, to, subj, body, when, attach=None, cc=None):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    m = EmailMessage()
    m["From"] = frm
    m["To"] = to
    if cc:
        m["Cc"] = cc
    m["Subject"] = subj
    m["Date"] = when.strftime("%a, %d %b %Y %H:%M:%S +0000")
    m["Message-ID"] = f"<{sum(map(ord, os.path.basename(path))) * 7919 % 10**9}.{when.strftime('%Y%m%d%H%M')}@calderhospice.example>"
    m.set_content(body)
    for fname, data, mt in (attach or []):
        maint, sub = mt.split("/")
        m.add_attachment(data, maintype=maint, subtype=sub, filename=fname)
    if attach:
        m.set_boundary(f"=====cvh_{when.strftime('%Y%m%d%H%M%S')}_part=====")
    with open(path, "wb") as fh:
        fh.write(bytes(m))


def email_of(name):
    parts = name.replace("Dr ", "").split()
    return f"{parts[0].lower()}.{parts[-1].lower().replace(chr(39), '')}@calderhospice.example"


# ================================================================== documents
NEAR_MISS = [
    "Hospice base key safe code is 1970 if you're back after 6 - NOT for patient homes",
    "code status: DNACPR in place, ReSPECT form in the blue folder",
    "Code status discussed - for comfort care only",
    "key worker remains {kw}",
    "key points: pain better since SD increased",
    "key safe fitting booked via Age UK for next week (not in yet)",
    "Key safe code is held by the coordination centre - ring the hub, do not write it here",
    "locked up on leaving and posted key back as agreed",
    "door chain on at night, family worried re cold callers",
    "wheelchair access poor - 3 steps to front door",
    "pool car keys left in the drawer at base",
    "her bank card PIN was written on the fridge (4417) - advised daughter to remove it",
    "left via front door, pulled it to, checked it was locked",
    "fault code E4 on the air mattress pump - equipment service informed",
]


class Share:
    def __init__(self, world, root):
        self.W = world
        self.rng = world.rng
        self.root = root
        self.count = {}

    def path(self, *parts):
        p = os.path.join(self.root, *parts)
        ext = os.path.splitext(p)[1]
        self.count[ext] = self.count.get(ext, 0) + 1
        return p

    def nm(self):
        s = self.rng.choice(NEAR_MISS)
        return s.replace("{kw}", self.W.st_name("CNS"))

    # --------------------------------------------------------------- visit notes
    def visit_notes(self):
        W, rng = self.W, self.rng
        for p in W.people:
            last = p["dod"] or W.end
            nvis = rng.choice([1, 1, 1, 2, 2, 3])
            note_access_done = False
            for v in range(nvis):
                day = last - timedelta(days=rng.randrange(2, 40))
                svc = rng.choice(["HaH", "night sitting", "DN", "dom care"])
                who = (W.st_name("HaH nurse") if svc == "HaH" else W.st_name("night sitter")
                       if svc == "night sitting" else W.st_name("DN") if svc == "DN" else W.st_name("carer"))
                second = W.st_name("HCA" if svc != "dom care" else "carer")
                lines = []
                hdr = rng.randrange(3)
                if hdr == 0:
                    lines.append(f"{svc.upper()} VISIT NOTE   {day.strftime('%d/%m/%Y')}  {rng.randrange(7,22):02d}:{rng.choice(['00','15','30','45'])}")
                    lines.append(f"Patient: {W.name_shape(p)}{W.known_line(p)}")
                    lines.append(f"DOB: {dob_form(rng, p['dob'])}" + (f"   NHS: {spaced(p['nhs'])}" if p["nhs"] else ""))
                    lines.append(f"Address: {p['addr']} {p['pc']}")
                elif hdr == 1:
                    lines.append(f"{day.strftime('%a %d %b')} - {svc} - {W.name_shape(p, 2)} ({dob_form(rng, p['dob'])})")
                    if p["nhs"]:
                        lines.append(f"nhs no {p['nhs']}")
                else:
                    lines.append(f"Client: {W.name_shape(p, 1)}   d.o.b {p['dob'].strftime('%d/%m/%y')} [{p['dob'].year}]")
                    lines.append(f"Addr {p['addr']}, {p['pc']}   Tel {p['tel']}")
                lines.append(f"Staff: {who} + {second}" if rng.random() < 0.5 else f"{who} / {second}")
                lines.append("")
                body = self.visit_body(p, svc)
                lines += body
                if not note_access_done:
                    acc = W.access_for(p, "note")
                    if acc:
                        lines.append("Access: " + ". ".join(acc))
                    note_access_done = True
                if rng.random() < 0.35:
                    lines.append(self.nm())
                if p["spouse_of"] is not None and v == 0:
                    h = W.people[p["spouse_of"]]
                    lines.append(f"Widowed - her late husband {h['known']} {h['s']} was also on our caseload, "
                                 f"died {h['dod'].strftime('%d/%m')}. Low mood, bereavement team aware.")
                nk = p["nok"]
                if rng.random() < 0.5:
                    lines.append(f"{nk['kind'].capitalize()} {W.rel(nk['full']) if 'patient' not in nk else nk['full']} present, updated.")
                lines.append(f"-- {who.split()[-2] if not who.startswith('Dr') else who}")
                fn = f"{p['s'].lower().replace(chr(39), '')}_{p['f'][0].lower()}_{day.strftime('%Y%m%d')}_{v}"
                if rng.random() < 0.7:
                    w_text(self.path("HospiceAtHome", "visit_notes", day.strftime("%Y-%m"), fn + ".txt"), "\n".join(lines) + "\n")
                else:
                    w_docx(self.path("HospiceAtHome", "visit_notes", day.strftime("%Y-%m"), fn + ".docx"), lines)

    def visit_body(self, p, svc):
        rng = self.rng
        he = "she" if p["sex"] == "F" else "he"
        opts = [
            f"{p['known']} settled, {he} slept most of visit. Mouth care given, repositioned 2hrly.",
            f"SD running well, 24hr syringe driver recharged - morphine 15mg + midazolam 5mg. Site L chest clear.",
            f"Pain 6/10 on arrival, PRN oxycodone given, reviewed @30min 2/10.",
            f"Resp secretions ++, glyco given SC. family aware of changes.",
            f"Pt eating v little, sips only. Skin intact, sacrum pink blanching.",
            f"{he.capitalize()} was agitated overnight, calmer after PRN midaz 2.5mg SC.",
            f"Catheter draining, urine concentrated. Pressure areas checked.",
            f"Nite sit 22:00-07:00. Pt restless until 02:00 then slept. Family rested upstairs.",
            f"Dx {p['diag']}. Recognised as dying, plan discussed with family.",
        ]
        return rng.sample(opts, 3)

    # --------------------------------------------------------------- register
    def register_rows(self, subset=None):
        W = self.W
        rows = []
        for p in (subset or W.people):
            acc = "; ".join(W.access_for(p, "register"))
            rows.append([p["reg_id"], p["s"], p["f"], p["m"], p["known"] if p["known"] != p["f"] else "",
                         d_uk(p["dob"]), p["nhs"], p["addr"], p["pc"], p["gp"], p["surgery"],
                         p["keyworker"], p["diag"], "Y" if p["dnacpr"] else "N",
                         "Deceased" if p["deceased"] else "Care home" if p["moved"] else
                         self.rng.choice(["Stable", "Unstable", "Deteriorating", "Dying"]),
                         d_uk(p["dod"]) if p["dod"] else "", p["moved"] or "", acc,
                         W.rel(p["nok"]["full"]) if "patient" not in p["nok"] else p["nok"]["full"],
                         p["nok"]["kind"], p["nok"]["tel"]])
            W.staff_named.add(p["gp"])
        return rows

    REG_HDR = ["Register ID", "Surname", "Forename", "Middle name", "Known as", "DOB", "NHS Number",
               "Address", "Postcode", "GP", "Practice", "Key worker", "Diagnosis", "DNACPR",
               "Phase", "Date of death", "Care home", "Access information", "NOK", "NOK relationship",
               "NOK phone"]

    def register(self):
        W = self.W
        rows = self.register_rows()
        w_csv(self.path("Coordination_Centre", "register", "EoL_register_full_export.csv"), self.REG_HDR, rows)

    def truth_json(self, path):
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(self.W.truth(), fh, indent=1)

    # --------------------------------------------------------------- weekly exports
    def weekly_exports(self):
        W, rng = self.W, self.rng
        hdr = ["RegID", "Surname", "Forename", "DOB", "NHS No", "Postcode", "Phase", "PPD", "Key worker"]
        for wk in range(6):
            wdate = W.start + timedelta(days=7 * wk * 2 + 4)
            sub = rng.sample(W.people, min(len(W.people), rng.randint(25, 45)))
            new_rows, dead_rows, fu_rows = [], [], []
            for p in sub:
                dob = p["dob"].strftime("%d/%m/%Y") if wk % 2 else p["dob"]
                row = [p["reg_id"], p["s"].upper(), p["f"], dob, spaced(p["nhs"]) if p["nhs"] else "",
                       p["pc"], "Deceased" if p["deceased"] and p["dod"] <= wdate else
                       rng.choice(["Stable", "Unstable", "Deteriorating"]),
                       rng.choice(["Home", "Hospice IPU", "Home", "Care home", "not discussed"]),
                       p["keyworker"]]
                if p["deceased"] and p["dod"] <= wdate:
                    dead_rows.append(row[:6] + [d_uk(p["dod"]), rng.choice(["Home", "Hospice IPU", "Hospital"]),
                                                  "Yes" if rng.random() < 0.8 else "No",
                                                  W.rel(p["nok"]["full"]) if "patient" not in p["nok"] else p["nok"]["full"]])
                else:
                    new_rows.append(row)
                if rng.random() < 0.3:
                    fu_rows.append([p["s"], p["f"], dob, rng.choice(["Needs ReSPECT review", "JIC meds not in home",
                                    "Carer strain - refer night sitting", "Syringe driver started",
                                    "code status not recorded", "Wants to die at home"])])
            sheets = [("Active", hdr, new_rows),
                      ("Deaths this week", ["RegID", "Surname", "Forename", "DOB", "NHS No", "Postcode",
                                            "Date of death", "Place of death", "Died in PPD", "Bereaved contact"], dead_rows),
                      ("Follow up", ["Surname", "Forename", "Date of birth", "Action"], fu_rows)]
            ext = ".xlsx" if wk % 3 != 2 else ".csv"
            name = f"EPaCCS_weekly_{wdate.strftime('%Y%m%d')}"
            if ext == ".xlsx":
                w_xlsx(self.path("Coordination_Centre", "weekly_exports", name + ext), sheets)
            else:
                w_csv(self.path("Coordination_Centre", "weekly_exports", name + ext), hdr, new_rows, delim=";")

    # --------------------------------------------------------------- XML export
    def xml_export(self):
        W, rng = self.W, self.rng
        out = ['<?xml version="1.0" encoding="UTF-8"?>',
               f'<eolRegisterExport generated="{W.end.isoformat()}T06:00:00" system="PalCare Coord v4.2">']
        for p in W.people:
            if rng.random() < 0.15:
                continue
            out.append(f'  <person regId="{p["reg_id"]}">')
            out.append(f"    <familyName>{escape(p['s'])}</familyName>")
            out.append(f"    <givenName>{escape(p['f'])}</givenName>")
            if p["m"]:
                out.append(f"    <middleName>{escape(p['m'])}</middleName>")
            if p["known"] != p["f"]:
                out.append(f"    <preferredName>{escape(p['known'])}</preferredName>")
            out.append(f"    <birthDate>{p['dob'].isoformat()}</birthDate>")
            if p["nhs"]:
                out.append(f"    <nhsNumber>{p['nhs']}</nhsNumber>")
            out.append(f"    <address><line>{escape(p['addr'])}</line><postcode>{p['pc']}</postcode></address>")
            out.append(f"    <gp>{escape(W.gp(p))}</gp>")
            out.append(f"    <keyWorker>{escape(p['keyworker'])}</keyWorker>")
            out.append(f"    <resuscitation codeStatus=\"{'DNACPR' if p['dnacpr'] else 'For CPR'}\"/>")
            acc = W.access_for(p, "xml")
            if acc:
                out.append(f"    <accessInformation>{escape('; '.join(acc))}</accessInformation>")
            if p["deceased"]:
                out.append(f"    <deceased flag=\"true\" dateOfDeath=\"{p['dod'].isoformat()}\"/>")
            nk = p["nok"]
            nkname = nk["full"] if "patient" in nk else W.rel(nk["full"])
            out.append(f"    <contact role=\"NOK\" relationship=\"{nk['kind']}\"><name>{escape(nkname)}</name>"
                       f"<phone>{nk['tel']}</phone></contact>")
            out.append("  </person>")
        out.append("</eolRegisterExport>")
        w_text(self.path("Coordination_Centre", "exports", "register_export_full.xml"), "\n".join(out) + "\n")

    # --------------------------------------------------------------- handovers
    def handovers(self):
        W, rng = self.W, self.rng
        pending = [p for p in W.people if any(a["chan"] == "handover" for a in p["access"])]
        rng.shuffle(pending)
        days = 16
        for d in range(days):
            day = W.start + timedelta(days=d * 6 + rng.randrange(3))
            alive = [q for q in W.people if not q["dod"] or q["dod"] > day]
            pts = rng.sample(alive, 7)
            while pending and len(pts) < 12 and (d % 2 == 0 or d >= days - 4):
                q = pending.pop()
                if q not in pts:
                    pts.append(q)
            rows = [["Patient", "DOB", "Area", "Update", "Access / keys"]]
            for p in pts:
                acc = "; ".join(W.access_for(p, "handover"))
                rows.append([W.name_shape(p, rng.choice([1, 2, 4])), dob_form(rng, p["dob"]), p["pc"].split()[0],
                             rng.choice(["SD recharged, settled", "PRN x2 overnight", "family struggling, ?more sits",
                                         "for VoD when needed - expected death", "new referral, assess today",
                                         "JIC meds in home", "ReSPECT done"]), acc])
            lead = W.st_name("HaH nurse")
            paras = [f"# Hospice at Home - handover {day.strftime('%A %d %B %Y')}",
                     f"Handover given by {lead} to {W.st_name('HaH nurse')} and {W.st_name('HCA')}.",
                     "Night sitters on tonight: " + ", ".join(sorted({W.st_name("night sitter") for _ in range(2)})) + "."]
            if rng.random() < 0.5:
                paras.append(self.nm())
            if d >= days - 2:
                while pending:
                    q = pending.pop()
                    acc = "; ".join(W.access_for(q, "handover"))
                    rows.append([W.name_shape(q, 1), dob_form(rng, q["dob"]), q["pc"].split()[0], "carry over", acc])
            p_ = self.path("HospiceAtHome", "handovers", f"handover_{day.strftime('%Y%m%d')}.docx")
            os.makedirs(os.path.dirname(p_), exist_ok=True)
            dd = docx.Document()
            for para in paras:
                if para.startswith("# "):
                    dd.add_heading(para[2:], 1)
                else:
                    dd.add_paragraph(para)
            t = dd.add_table(rows=0, cols=5)
            for r in rows:
                cells = t.add_row().cells
                for c, v in zip(cells, r):
                    c.text = v
            dd.add_paragraph(f"Coordinator on duty: {W.st_name('coordinator')}")
            dd.save(p_)
            normalize_zip(p_)

    # --------------------------------------------------------------- rotas
    def rotas(self):
        W, rng = self.W, self.rng
        pending = [p for p in W.people if any(a["chan"] == "rota" for a in p["access"])]
        carers = [s for s in W.staff if s["role"] in ("carer", "night sitter", "HCA")]
        for wk in range(8):
            wstart = W.start + timedelta(days=14 * wk)
            rows = []
            clients = rng.sample(W.people, 10)
            for q in pending[wk::8]:
                if q not in clients:
                    clients.append(q)
            for day in range(7):
                for p in clients:
                    if rng.random() < 0.45:
                        continue
                    c = rng.choice(carers)
                    W.staff_named.add(c["full"])
                    note = ""
                    if p in pending and rng.random() < 0.6:
                        note = "; ".join(W.access_for(p, "rota"))
                    elif rng.random() < 0.08:
                        note = rng.choice(["double up", "eol - be gentle with wife", "key worker aware",
                                           "use the office key safe for the gloves", "cat - keep in"])
                    rows.append([(wstart + timedelta(days=day)).strftime("%d/%m/%Y"),
                                 rng.choice(["AM", "Lunch", "Tea", "Bed", "Night sit 22-07"]),
                                 c["full"], W.name_shape(p, rng.choice([1, 4, 2])), p["pc"], note])
            # make sure every pending client got their access line at least once
            for p in pending[wk::8]:
                if not any(a["chan"] == "rota" and (a["kind"], bool(p["deceased"] or p["moved"])) in p["emitted"]
                           for a in p["access"]):
                    c = rng.choice(carers)
                    W.staff_named.add(c["full"])
                    rows.append([wstart.strftime("%d/%m/%Y"), "AM", c["full"], W.name_shape(p, 1), p["pc"],
                                 "; ".join(W.access_for(p, "rota"))])
            hdr = ["Date", "Call", "Carer", "Client", "Postcode", "Notes"]
            name = f"Rota_w-c_{wstart.strftime('%d%m%y')}"
            if wk % 2:
                w_xlsx(self.path("Sunset_Care_Agency", "rotas", name + ".xlsx"),
                       [("Rota", hdr, rows), ("Carers", ["Carer", "Mobile", "Role"],
                         [[c["full"], phone(rng), c["role"]] for c in carers])])
                for c in carers:
                    W.staff_named.add(c["full"])
            else:
                w_csv(self.path("Sunset_Care_Agency", "rotas", name + ".csv"), hdr, rows)

    # --------------------------------------------------------------- e-mails
    def emails(self):
        W, rng = self.W, self.rng
        pending = [p for p in W.people if any(a["chan"] == "email" for a in p["access"])]
        coord = W.st("coordinator")
        k = 0
        for p in pending:
            frm = W.st("DN") if rng.random() < 0.5 else W.st("coordinator")
            to = W.st("HaH nurse")
            acc = W.access_for(p, "email")
            nk = p["nok"]
            nkname = nk["full"] if "patient" in nk else W.rel(nk["full"])
            body = (f"Hi {to['f']},\n\nQuick one re {W.name_shape(p)}{W.known_line(p)}, DOB {dob_form(rng, p['dob'])}"
                    + (f", NHS {p['nhs']}" if p["nhs"] and rng.random() < 0.7 else "")
                    + f", {p['addr']}.\n\n"
                    + rng.choice(["Family have asked for night sits from Thurs.",
                                  "Can HaH do the 2nd visit today, SD due recharge ~14:00.",
                                  "Please update the register, phase now deteriorating."])
                    + "\n\nAccess for whoever goes: " + ". ".join(acc) + ".\n"
                    + f"{nk['kind'].capitalize()} is {nkname}, {nk['tel']}.\n\n"
                    + f"Thanks\n{frm['f']}\n{frm['full']}\n"
                    + ("Palliative Care Coordination Centre\n" if frm["role"] == "coordinator" else "District Nursing, Calder Valley\n"))
            when = datetime.combine(W.start + timedelta(days=rng.randrange(100)), datetime.min.time()) + timedelta(hours=rng.randrange(8, 18), minutes=rng.randrange(60))
            W.staff_named.update([frm["full"], to["full"]])
            w_eml(self.path("Mail", f"{when.strftime('%Y%m%d_%H%M')}_re_{p['s'].lower().replace(chr(39),'')}.eml"),
                  f"{frm['full']} <{email_of(frm['full'])}>", f"{to['full']} <{email_of(to['full'])}>",
                  f"RE: {p['s'].upper()} - visit today", body, when)
            k += 1
        # weekly register mails with CSV attachments
        for wk in range(8):
            when = datetime.combine(W.start + timedelta(days=wk * 13 + 2), datetime.min.time()) + timedelta(hours=9, minutes=12)
            sub = rng.sample(W.people, 15)
            rows = [[p["s"], p["f"], d_uk(p["dob"]), p["nhs"], p["pc"], p["gp"],
                     "deceased" if p["deceased"] else "active"] for p in sub]
            for p in sub:
                W.staff_named.add(p["gp"])
            data = csv_bytes(["surname", "forename", "dob", "nhs_number", "postcode", "gp", "status"], rows)
            to = W.st("HaH nurse")
            W.staff_named.add(coord["full"])
            body = (f"Morning all,\n\nAttached this week's new additions / changes to the EoL register.\n"
                    f"{self.nm()}.\nPlease do not forward outside the partnership.\n\n{coord['full']}\nCoordination Centre\n")
            w_eml(self.path("Mail", f"{when.strftime('%Y%m%d_%H%M')}_register_changes.eml"),
                  f"{coord['full']} <{email_of(coord['full'])}>", f"HaH team <hah@calderhospice.example>",
                  f"EoL register changes wk {wk + 1}", body, when,
                  attach=[(f"register_changes_wk{wk + 1}.csv", data, "text/csv")], cc=f"{to['full']} <{email_of(to['full'])}>")
            W.staff_named.add(to["full"])

    # --------------------------------------------------------------- letters
    def letters(self):
        W, rng = self.W, self.rng
        for p in W.people:
            # GP letter after first assessment, ~60%
            if rng.random() < 0.45:
                cons = W.st_name("consultant")
                gp = W.gp(p)
                day = (p["dod"] or W.end) - timedelta(days=rng.randrange(20, 60))
                lines = ["Calder Valley Hospice - Community Palliative Care", "", day.strftime("%d %B %Y"), "",
                         f"{gp}", p["surgery"], "", f"Dear {gp.split()[0]} {gp.split()[-1]},", "",
                         f"Re: {W.name_shape(p, rng.choice([0, 1, 3]))}{W.known_line(p)}",
                         f"DOB {dob_form(rng, p['dob'])}" + (f"  NHS No {spaced(p['nhs'])}" if p["nhs"] else ""),
                         f"{p['addr']}, {p['pc']}", "",
                         f"I reviewed {p['known']} at home today with {p['keyworker']} (CNS).",
                         f"Diagnosis: {p['diag']}. Symptoms: pain, breathlessness, fatigue.",
                         "We have agreed anticipatory medicines and a ReSPECT form is in the home.",
                         "Code status: not for CPR (discussed with patient and family).",
                         "Key concerns: carer fatigue; preferred place of death home.", "",
                         "Yours sincerely,", "", cons, "Consultant in Palliative Medicine"]
                fn = f"GP_letter_{p['s'].replace(chr(39),'')}_{p['f'][0]}_{day.strftime('%Y%m%d')}"
                if rng.random() < 0.5:
                    w_pdf(self.path("Letters", "GP", fn + ".pdf"), lines)
                else:
                    w_docx(self.path("Letters", "GP", fn + ".docx"), lines)
            # bereavement letter
            if p["deceased"] and rng.random() < 0.75:
                bv = W.st_name("bereavement")
                nk = p["nok"]
                nkname = nk["full"] if "patient" in nk else W.rel(nk["full"])
                day = min(p["dod"] + timedelta(days=rng.randrange(14, 40)), W.end)
                t = {"daughter": "Ms", "niece": "Ms", "wife": "Mrs", "son": "Mr", "husband": "Mr"}.get(nk["kind"], "")
                rel_word = {"daughter": "mother" if p["sex"] == "F" else "father", "son": "mother" if p["sex"] == "F" else "father",
                            "wife": "husband", "husband": "wife", "niece": "aunt" if p["sex"] == "F" else "uncle"}.get(nk["kind"], "partner")
                lines = ["Calder Valley Hospice - Family Support & Bereavement Service", "", day.strftime("%d %B %Y"), "",
                         f"{(t + ' ') if t else ''}{nkname}", p["addr"] if nk["kind"] in ("wife", "husband") else f"{rng.randrange(1, 99)} {rng.choice(STREETS)}",
                         "", f"Dear {nk['f']},", "",
                         f"We were so sorry to hear of the death of your {rel_word}, {p['title']} {p['known']} {p['s']}, on {p['dod'].strftime('%d %B')}.",
                         "Many families tell us that the weeks after a death are a blur. Our bereavement volunteers",
                         "offer a listening visit or phone call, and our 'Coffee & Cake' group meets on Tuesdays.",
                         f"If you would like to talk to someone, please call me on {phone(rng)}.", "",
                         "With kind regards,", "", bv, "Bereavement Support Coordinator",
                         f"Our ref: BV/{p['reg_id']}"]
                fn = f"bereavement_{p['s'].replace(chr(39),'')}_{day.strftime('%Y%m%d')}"
                if rng.random() < 0.5:
                    w_docx(self.path("Bereavement", "letters_out", fn + ".docx"), lines)
                else:
                    w_pdf(self.path("Bereavement", "letters_out", fn + ".pdf"), lines)

    # --------------------------------------------------------------- ReSPECT / DNACPR
    def respect_forms(self):
        W, rng = self.W, self.rng
        for p in W.people:
            if not p["dnacpr"] or rng.random() < 0.68:
                continue
            clin = W.st_name(rng.choice(["consultant", "CNS"]))
            lines = ["ReSPECT - Recommended Summary Plan for Emergency Care and Treatment", "",
                     f"Full name: {p['f']} {p['m'] + ' ' if p['m'] else ''}{p['s']}",
                     f"Date of birth: {d_uk(p['dob'])}", f"NHS/CHI/Health and care number: {p['nhs'] or 'not known'}",
                     f"Address: {p['addr']} {p['pc']}", "",
                     "Section 4: CPR attempts NOT recommended (code status: DNACPR)",
                     f"Diagnosis relevant to plan: {p['diag']}",
                     "Section 3: What matters to me: to stay at home with my family and my dog.",
                     f"Clinician: {clin}   Date: {(p['dod'] or W.end) - timedelta(days=rng.randrange(10, 70)):%d/%m/%Y}",
                     f"Emergency contact: {p['nok']['full'] if 'patient' in p['nok'] else W.rel(p['nok']['full'])} ({p['nok']['kind']}) {p['nok']['tel']}"]
            scanned = rng.random() < 0.3
            if scanned:
                lines = ["[scanned 1 of 1]  CVH-SCAN-" + str(rng.randrange(10**5, 10**6))] + [ln.upper() if i % 4 == 0 else ln for i, ln in enumerate(lines)]
            w_pdf(self.path("Clinical_Forms", "ReSPECT", f"ReSPECT_{p['s'].upper().replace(chr(39),'')}_{p['f']}.pdf"), lines, scanned=scanned)

    # --------------------------------------------------------------- verification of death, equipment
    def deaths(self):
        W, rng = self.W, self.rng
        for p in W.people:
            if not p["deceased"]:
                continue
            if rng.random() < 0.6:
                dn = W.st_name("DN")
                nk = p["nok"]
                nkname = nk["full"] if "patient" in nk else W.rel(nk["full"])
                rows = [["Name of deceased", f"{p['f']} {p['s']}"], ["Date of birth", d_uk(p["dob"])],
                        ["NHS number", p["nhs"] or "unknown"], ["Address", f"{p['addr']}, {p['pc']}"],
                        ["Date of death", d_uk(p["dod"])], ["Time verified", f"{rng.randrange(0, 24):02d}:{rng.randrange(60):02d}"],
                        ["Verified by", dn], ["Persons present", f"{nkname} ({nk['kind']})"],
                        ["Syringe driver", "removed, contents discarded with " + W.st_name("DN")],
                        ["Funeral director", rng.choice(["Co-op Funeralcare Elland", "J. Haigh & Sons", "Pennine Funeral Services"])],
                        ["DNACPR / code status", "DNACPR in place - original with GP"]]
                w_docx(self.path("District_Nursing", "VoD", f"VoD_{p['s'].replace(chr(39),'')}_{p['dod'].strftime('%Y%m%d')}.docx"),
                       ["# Verification of Expected Death (RN)"], table=rows)
            # equipment collection after death: house may be empty, access restated
            if rng.random() < 0.65:
                drv = W.st_name("driver")
                lines = [f"EQUIPMENT COLLECTION - JOB {rng.randrange(100000, 999999)}",
                         f"Date: {min(p['dod'] + timedelta(days=rng.randrange(3, 15)), W.end).strftime('%d/%m/%Y')}   Driver: {drv}",
                         f"Client: the late {p['title']} {p['f'][0]}. {p['s']}   ({d_uk(p['dob'])})",
                         f"Address: {p['addr']} {p['pc']}",
                         "Items: profiling bed, pressure mattress (dynamic), commode, perching stool", ""]
                r = rng.random()
                existing = [a for a in p["access"]]
                if existing and r < 0.6:
                    a = rng.choice(existing)
                    lines.append("House empty now. Access: " + W.emit(p, a))
                elif r < 0.8 and p.get("widow") is None:
                    k = rng.choice(["code", "key_holder", "hidden_key"])
                    a = {"kind": k, "text": W.access_text(p, k), "chan": "collect"}
                    p["access"].append(a)
                    lines.append("Property empty since death. " + W.emit(p, a))
                else:
                    nk = p["nok"]
                    nkname = nk["full"] if "patient" in nk else W.rel(nk["full"])
                    lines.append(f"Arrange time with {nk['kind']} {nkname} on {nk['tel']} - family will meet driver there")
                lines.append(rng.choice(["Key safe to be removed by family after clearance.", "Bed in front room.", ""]))
                w_text(self.path("Equipment", "collections", f"collect_{p['s'].lower().replace(chr(39),'')}_{p['reg_id'][-5:]}.txt"),
                       "\n".join(lines) + "\n")

    def moves(self):
        W, rng = self.W, self.rng
        for p in W.people:
            if not p["moved"]:
                continue
            cns = W.st_name("CNS")
            lines = [f"Transfer of care note - {p['moved']}",
                     f"{W.name_shape(p, 0)}  DOB {dob_form(rng, p['dob'])}" + (f"  NHS {p['nhs']}" if p["nhs"] else ""),
                     f"Previously at {p['addr']} {p['pc']}.",
                     f"Moved to {p['moved']} on {(W.start + timedelta(days=rng.randrange(10, 90))):%d/%m/%Y} as family no longer able to manage.",
                     f"Hospice CNS {cns} will continue to visit; care home staff aware of ReSPECT."]
            if rng.random() < 0.5:
                k = rng.choice(["code", "key_holder"])
                a = {"kind": k, "text": W.access_text(p, k), "chan": "move"}
                p["access"].append(a)
                lines.append("Old address now empty - " + W.emit(p, a) + " (for equipment team).")
            w_text(self.path("HospiceAtHome", "transfers", f"transfer_{p['s'].lower().replace(chr(39),'')}_{p['f'][0].lower()}.txt"), "\n".join(lines) + "\n")

    # --------------------------------------------------------------- MDT minutes
    def mdt(self):
        W, rng = self.W, self.rng
        for m in range(8):
            day = W.start + timedelta(days=14 * m + 1)
            present = [W.st_name("consultant"), W.st_name("CNS"), W.st_name("CNS"), W.st_name("coordinator"),
                       W.st_name("HaH nurse"), W.st_name("DN"), W.st_name("bereavement")]
            paras = [f"# Community Palliative Care MDT - {day.strftime('%d/%m/%Y')}",
                     "Present: " + ", ".join(dict.fromkeys(present)),
                     f"Apologies: {W.st_name('volunteer')} (volunteer coordinator)",
                     "1. Patients discussed"]
            for p in rng.sample(W.people, 8):
                ini = f"{p['f'][0]}{p['s'][0]}"
                paras.append(f"{ini} ({p['s'].upper()}, {p['f']}, {dob_form(rng, p['dob'])}) - {p['diag']}. "
                             + rng.choice(["Deteriorating, SD in situ.", "Stable, reduce visits.", "Family need more support.",
                                           "Died this week - bereavement follow-up.", "Consider IPU admission."])
                             + f" Action: {ini} - {rng.choice(['review ReSPECT', 'refer night sitting', 'GP to prescribe JIC'])}.")
            paras.append("2. AOB: " + self.nm())
            paras.append("Key dates: next MDT in 2 weeks. Minutes: " + W.st_name("admin"))
            fn = f"MDT_minutes_{day.strftime('%Y-%m-%d')}"
            if m % 3 == 2:
                w_text(self.path("Meetings", fn + ".txt"), "\n".join(x.lstrip("# ") for x in paras) + "\n")
            else:
                w_docx(self.path("Meetings", fn + ".docx"), paras)

    def volunteer_log(self):
        """Volunteers' sitting log: first names only for patients (not a count)."""
        W, rng = self.W, self.rng
        rows = []
        for _ in range(40):
            p = rng.choice(W.people)
            rows.append([(W.start + timedelta(days=rng.randrange(100))).strftime("%d/%m/%Y"), W.st_name("volunteer"),
                         f"{p['known']} {p['s'][0]}.", p["pc"].split()[0], rng.choice(["2", "3", "1.5"]), "mileage claimed"])
        w_csv(self.path("Volunteers", "sitting_log_Q3.csv"), ["Date", "Volunteer", "Sat with", "Area", "Hours", "Expenses"], rows)

    # --------------------------------------------------------------- agency care plans (form tables)
    def care_plans(self):
        W, rng = self.W, self.rng
        for p in W.people:
            has = any(a["chan"] == "careplan" for a in p["access"])
            if not has and rng.random() < 0.8:
                continue
            mgr = W.st_name("carer")
            acc = "; ".join(W.access_for(p, "careplan")) or rng.choice(
                ["Client will answer door", "Wife lets carers in", "Ring bell and wait - client slow on feet",
                 "key safe being fitted w/c 14th - code to follow from office"])
            nk = p["nok"]
            nkname = nk["full"] if "patient" in nk else W.rel(nk["full"])
            rows = [["Client name", f"{p['title']} {p['f']} {p['m'] + ' ' if p['m'] else ''}{p['s']}"],
                    ["Preferred name", p["known"]], ["Date of birth", dob_form(rng, p["dob"])],
                    ["NHS number", spaced(p["nhs"]) if p["nhs"] else ""], ["Address", f"{p['addr']}, {p['pc']}"],
                    ["Access to property", acc], ["Next of kin", f"{nkname} ({nk['kind']}) {nk['tel']}"],
                    ["GP", W.gp(p)], ["Care package", rng.choice(["QDS x2 carers (fast track CHC)", "TDS + night sit x2/wk", "BD double up"])],
                    ["Resuscitation", "DNACPR - code status confirmed with hospice" if p["dnacpr"] else "For CPR"],
                    ["Care plan written by", mgr]]
            w_docx(self.path("Sunset_Care_Agency", "care_plans", f"CarePlan_{p['s'].replace(chr(39),'')}_{p['f']}.docx"),
                   ["# Sunset Care Ltd - End of Life Care Plan (Fast Track)",
                    "Please read before first call. Keep in client's home folder."], table=rows)

    # --------------------------------------------------------------- night sitting timesheets
    def timesheets(self):
        W, rng = self.W, self.rng
        sitters = [s for s in W.staff if s["role"] in ("night sitter", "volunteer")]
        for mth in range(4):
            sheets = []
            for s in sitters:
                W.staff_named.add(s["full"])
                rows = []
                for _ in range(rng.randint(3, 8)):
                    p = rng.choice(W.people)
                    rows.append([(W.start + timedelta(days=30 * mth + rng.randrange(28))).strftime("%d/%m/%Y"),
                                 p["s"], p["f"], "22:00", "07:00", rng.choice(["NS1", "NS2", "VS"]),
                                 rng.choice(["", "", "mileage 14", "taxi home"])])
                sheets.append((f"{s['f']} {s['s'][0]}", ["Date", "Client surname", "Client forename", "Start", "Finish",
                                                         "Timesheet code", "Expenses"], rows))
            sheets.append(("Summary", ["Sitter", "Shifts", "Approved by"],
                           [[s["full"], len(r[2]), W.st_name("coordinator")] for s, r in zip(sitters, sheets)]))
            w_xlsx(self.path("NightSitting", f"timesheets_{(W.start + timedelta(days=30 * mth)).strftime('%Y_%m')}.xlsx"), sheets)

    # --------------------------------------------------------------- DN syringe driver list (pipe table)
    def sd_lists(self):
        W, rng = self.W, self.rng
        for k in range(6):
            day = W.start + timedelta(days=17 * k + 3)
            lines = [f"DN CALDER VALLEY - SYRINGE DRIVER LIST {day.strftime('%d/%m/%Y')}", "",
                     "| Patient | DOB | NHS | Drugs (24h) | Due | Nurse |", "|---|---|---|---|---|---|"]
            for p in rng.sample(W.people, 9):
                lines.append(f"| {W.name_shape(p, rng.choice([1, 2, 4]))} | {d_uk(p['dob'])} | {p['nhs']} | "
                             f"{rng.choice(['morphine 10mg, midaz 10mg', 'oxycodone 5mg, levomepromazine 6.25mg', 'alfentanil 1mg, glyco 1.2mg'])} | "
                             f"{rng.randrange(8, 20):02d}:00 | {W.st_name('DN')} |")
            lines += ["", "Batch numbers in the drug book. Nurses' base keypad changed to 2580 this week (base only).", ""]
            w_text(self.path("District_Nursing", "SD_lists", f"SD_list_{day.strftime('%Y%m%d')}.txt"), "\n".join(lines))

    def build(self):
        self.visit_notes()
        self.register()
        self.weekly_exports()
        self.xml_export()
        self.handovers()
        self.rotas()
        self.emails()
        self.letters()
        self.respect_forms()
        self.deaths()
        self.moves()
        self.mdt()
        self.volunteer_log()
        self.care_plans()
        self.timesheets()
        self.sd_lists()


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    share, truth = argv[1], argv[2]
    n = int(argv[3]) if len(argv) > 3 else 120
    seed = int(argv[4]) if len(argv) > 4 else 1
    os.makedirs(share, exist_ok=True)
    W = World(n, seed)
    S = Share(W, share)
    S.build()
    S.truth_json(truth)
    print(json.dumps(S.count, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
