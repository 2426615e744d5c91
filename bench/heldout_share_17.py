#!/usr/bin/env python3
"""Held-out breach share 17: an integrated community equipment service (ICES).

Meridian Community Equipment Ltd runs the Wexmoor Integrated Community Equipment
Service for Wexmoor County Council and NHS Wexmoor and Brannock ICB: warehouse and
decontamination unit, technicians' vans, the wheelchair and posture service and a
home oxygen contract.  Everything here is invented.

usage: python heldout_share_17.py SHARE TRUTH.json [PEOPLE=120] [SEED=1]

Standard library plus python-docx and openpyxl.  Deterministic from SEED (zip members,
core properties, e-mail boundaries and dates are fixed).
"""
import csv
import datetime as dt
import io
import json
import os
import random
import re
import sys
import textwrap
import zipfile
from email.message import EmailMessage
from email.utils import format_datetime

from docx import Document
from openpyxl import Workbook

# ---------------------------------------------------------------- pools
FEM = ["Irene", "Margaret", "Doreen", "Pauline", "Brenda", "Sheila", "Jean", "Maureen",
       "Valerie", "Christine", "Patricia", "Sandra", "Gwendoline", "Hilda", "Edna", "Joan",
       "Beryl", "Rita", "Glenys", "Elaine", "Janet", "Lorraine", "Anita", "Yvonne", "Shirley",
       "Carol", "Ruth", "Hazel", "Marjorie", "Nora", "Siobhan", "Agnieszka", "Halina",
       "Parveen", "Nasreen", "Kulwinder", "Hyacinth", "Precious", "Dolores", "Ivy", "Olive",
       "Winifred", "Dilys", "Bernadette", "Teresa", "Kathleen", "Amira", "Mavis", "Enid",
       "Lillian", "Gaynor", "Rosalind", "Noreen", "Philippa", "Bridget", "Zofia", "Shabana"]
MAL = ["Arthur", "Kenneth", "Derek", "Raymond", "Norman", "Leslie", "Clifford", "Dennis",
       "Gordon", "Trevor", "Malcolm", "Roy", "Stanley", "Harold", "Bernard", "Cyril", "Eric",
       "Frank", "Geoffrey", "Alan", "Keith", "Terence", "Brian", "Colin", "Desmond", "Winston",
       "Tadeusz", "Zbigniew", "Mohammed", "Gurdev", "Ravinder", "Ifeanyi", "Patrick", "Seamus",
       "Declan", "Huw", "Emrys", "Wilfred", "Ronald", "Alistair", "Barrington", "Lionel",
       "Maurice", "Vernon", "Graham", "Neville", "Aubrey", "Rashid", "Kwame", "Iain"]
CHILD_F = ["Maisie", "Ava", "Lily-Mae", "Amelia", "Zara", "Poppy", "Aisha", "Evie"]
CHILD_M = ["Alfie", "Jayden", "Reuben", "Kai", "Ibrahim", "Oscar", "Theo", "Harvey"]
MID_F = ["Ann", "Mary", "Elizabeth", "Joan", "Louise", "May", "Rose", "Frances", "Jane", "Edith"]
MID_M = ["John", "James", "William", "Edward", "Thomas", "George", "Anthony", "Henry", "David"]
SUR = ["Maddock", "Hollins", "Fenwick", "Pryce", "Tattersall", "Brannigan", "O'Driscoll",
       "D'Souza", "Lloyd-Pritchard", "Ashton-Kerr", "McKellar", "MacAulay", "Rigby", "Entwistle",
       "Gaskell", "Pilling", "Haworth", "Crabtree", "Ormerod", "Sutcliffe", "Bamford",
       "Kowalczyk", "Nowak", "Akhtar", "Hussain", "Sandhu", "Bains", "Okafor", "Mensah",
       "Campbell", "Blackwood", "Thwaite", "Ackroyd", "Greenhalgh", "Nuttall", "Pickup",
       "Scholes", "Whitworth", "Bradshaw", "Heap", "Kershaw", "Lomax", "Schofield",
       "Stansfield", "Marsden", "Holroyd", "Dyson", "Firth", "Brearley", "Hepworth",
       "Illingworth", "Keighley", "Naylor", "Oldroyd", "Ramsden", "Townend", "Varley",
       "Wadsworth", "Yeadon", "O'Hagan", "Fitzgerald", "Van Rooyen", "Gallacher", "Prothero",
       "Jeavons", "Tomlinson", "Cartwright", "Hammond", "Ellwood-Shaw", "Quigley", "Rhodes",
       "Sowerby", "Threlfall", "Upton", "Wrigley", "Beddows", "Catterall", "Duckworth",
       "Eastham", "Fairclough", "Grundy", "Hindle", "Ingham", "Jolley", "Kenyon", "Leeming"]
PREV_SUR = ["Loxley", "Barraclough", "Dewhurst", "Ogden", "Pratt", "Hargreaves", "Moss",
            "Winstanley", "Cowburn", "Aspinall"]
STAFF_F = ["Lucy", "Hannah", "Gemma", "Priya", "Joanne", "Rachel", "Nicola", "Sarah", "Kirsty",
           "Bethan", "Funmi", "Claire", "Helen", "Louise", "Anna", "Grace", "Fiona", "Leanne",
           "Sadia", "Megan", "Tasha", "Jo", "Karen", "Deborah"]
STAFF_M = ["Dean", "Craig", "Lee", "Jamie", "Wayne", "Gareth", "Mark", "Paul", "Richard",
           "Tomasz", "Imran", "Simon", "Adam", "Stuart", "Ben", "Nathan", "Owen", "Sunil",
           "Chris", "Darren", "Matt", "Kieran"]
STAFF_SUR = ["Atherton", "Okonjo", "Whittle", "Sharples", "Bevan", "Chaudhry", "Dunleavy",
             "Eckersley", "Fogarty", "Garside", "Hurst", "Ibbotson", "Jarvis", "Kaur-Gill",
             "Lam", "Molyneux", "Nolan", "Oyelaran", "Parkes", "Rafiq", "Saddler", "Tennant",
             "Unsworth", "Vickers", "Walmsley", "Yates", "Zielinski", "Ashworth", "Booth",
             "Cullen", "Dobson", "Fletcher", "Gorton", "Hesketh", "Iqbal", "Kirkham", "Lynch",
             "Mottram", "Newsome", "Pendlebury", "Riley", "Stott", "Tyldesley", "Wardle",
             "Birtwistle", "Coupe", "Dewsnap", "Flitcroft", "Greaves", "Holden", "Kettle",
             "Latham", "Mercer", "Peel", "Royle", "Sumner", "Tonge", "Warburton"]
REL_F = ["Karen", "Julie", "Tracey", "Dawn", "Alison", "Michelle", "Sharon", "Lisa", "Wendy",
         "Jackie", "Denise", "Angela", "Samina", "Beata", "Ruth", "Kerry", "Nadia", "Gail"]
REL_M = ["Gary", "Steven", "Darren", "Andrew", "Philip", "Kevin", "Neil", "Martin", "Ian",
         "Shaun", "Tariq", "Marek", "Robert", "Jason", "Carl", "Ewan", "Dale", "Glen"]
STREETS = ["Ashgrove Road", "Mill Street", "Ferry Lane", "Calder Avenue", "Beacon View",
           "Holly Bank", "Rosemount Close", "Station Road", "Church Lane", "Tanner's Row",
           "Brook Terrace", "Willow Crescent", "Moorside Drive", "Foundry Street",
           "Larch Grove", "Quarry Hill", "Kestrel Way", "Orchard Mews", "Priory Walk",
           "Canal Side", "Spring Gardens", "Blackthorn Rise", "Hawthorn Drive", "Park View",
           "Cobden Street", "Jubilee Terrace", "Sefton Road", "Heather Close"]
BLOCKS = ["Calder Court", "Beacon House", "Priory Heights", "Foundry Mill Apartments",
          "Kestrel Court", "St Anne's Court"]
TOWNS = [("Wexmoor", "WX1"), ("Wexmoor", "WX2"), ("Castle Brannock", "WX5"), ("Pellow", "WX3"),
         ("Eddleston Bridge", "WX7"), ("Sanderby", "WX9"), ("Halton Moor", "WX4")]
CARE_HOMES = [("Oakridge Nursing Home", "2 Oakridge Lane, Wexmoor WX2 4PL"),
              ("The Laurels Residential Home", "41 Beacon View, Pellow WX3 8DQ"),
              ("Hartside Court Care Home", "Hartside Road, Castle Brannock WX5 1RT"),
              ("Brookfield Lodge", "9 Brook Terrace, Sanderby WX9 3HU")]
HOSP = ["Wexmoor General Hospital", "Brannock Community Hospital"]
WARDS = ["Ward 22", "Ward 7 (Stroke Unit)", "Ward 14", "AMU", "Beech Ward"]
ITEMS = [("BED01", "profiling bed with rails"), ("MAT03", "dynamic pressure mattress"),
         ("MAT01", "static foam pressure mattress"), ("HOI02", "mobile hoist"),
         ("SLG-M", "full body sling size M"), ("SLG-L", "full body sling size L"),
         ("COM01", "static commode"), ("RTS02", "raised toilet seat 4in"),
         ("PST01", "perching stool"), ("BTL01", "bath lift"), ("SHC01", "shower chair"),
         ("ZF01", "zimmer frame"), ("RLT4", "4-wheeled walker"), ("RRC01", "riser recliner chair"),
         ("STA01", "stand aid (Sara-type)"), ("TRB01", "transfer board"),
         ("GRB2", "grab rails x2"), ("BLV01", "bed lever"), ("OBT01", "over-bed table"),
         ("CHR01", "chair raisers set"), ("CUS02", "pressure cushion"), ("TOF01", "toilet frame"),
         ("SBC01", "slide sheets pair"), ("WCH01", "attendant wheelchair")]
PAED_ITEMS = [("PSS01", "paediatric seating system"), ("COT02", "paediatric cot bed (high-sided)"),
              ("PBS01", "paediatric bath seat"), ("PSC02", "paediatric standing frame")]
DIAG = ["CVA (left hemiparesis)", "Parkinson's disease", "multiple sclerosis", "COPD",
        "end-stage heart failure", "motor neurone disease", "advanced dementia",
        "fractured neck of femur", "spinal cord injury T10", "cerebral palsy (GMFCS IV)",
        "bilateral below-knee amputation", "metastatic breast cancer", "osteoarthritis both knees",
        "Huntington's disease", "pressure ulcer grade 3 sacrum", "lung cancer (palliative)",
        "pulmonary fibrosis", "Duchenne muscular dystrophy", "obesity (BMI 48)", "frailty"]
MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTH = ["January", "February", "March", "April", "May", "June", "July", "August",
         "September", "October", "November", "December"]
HIDDEN = ["under the green plant pot by the back door", "under the mat at the back door",
          "in the meter box on the side wall", "on a string behind the letterbox",
          "under the stone hedgehog by the front step", "in the shed, on the hook behind the door",
          "inside the bird box on the fence", "behind the loose brick left of the porch",
          "under the blue recycling box", "in the coal bunker under the lid",
          "under the third flowerpot along the wall", "in the gas meter cupboard"]
KS_LOC = ["left of the front door", "by the back door", "behind the drainpipe",
          "on the porch wall", "by the garage", "next to the meter box", "round the side by the bins",
          "under the porch light", "right of the door frame"]
OPEN = ["door left on the latch for deliveries - let yourself in and shout",
        "back door unlocked during the day, walk straight in",
        "front door open 9-5, knock and go in",
        "door on the snib, just push and call out",
        "porch door left unlocked for us, go straight through to the lounge",
        "side door is never locked in the day - let yourselves in"]
START = dt.date(2026, 9, 1)
END = dt.date(2026, 11, 27)
ORG = "Meridian Community Equipment Ltd"
SVC = "Wexmoor Integrated Community Equipment Service"


# ---------------------------------------------------------------- formats
def f_dmy(d): return d.strftime("%d/%m/%Y")
def f_iso(d): return d.isoformat()
def f_long(d): return f"{d.day} {MONTH[d.month - 1]} {d.year}"
def f_mon(d): return f"{d.day:02d}-{MON[d.month - 1]}-{d.year}"
def f_hl7(d): return d.strftime("%Y%m%d")


def nhs_fmt(n, style=0):
    if not n:
        return ""
    if style == 1:
        return n
    if style == 2:
        return f"{n[:3]}-{n[3:6]}-{n[6:]}"
    return f"{n[:3]} {n[3:6]} {n[6:]}"


def fixed_zip(data):
    """Rewrite an OOXML zip with fixed member times and core-property dates."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                txt = blob.decode("utf-8")
                txt = re.sub(r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)",
                             r"\g<1>2026-11-30T09:00:00Z\3", txt)
                blob = txt.encode("utf-8")
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 11, 30, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, blob)
    return out.getvalue()


def docx_bytes(blocks, header=None, footer=None):
    d = Document()
    d.core_properties.author = "ICES"
    sec = d.sections[0]
    if header:
        sec.header.paragraphs[0].text = header
    if footer:
        sec.footer.paragraphs[0].text = footer
    for b in blocks:
        kind = b[0]
        if kind == "p":
            d.add_paragraph(b[1])
        elif kind == "h":
            d.add_heading(b[1], level=b[2] if len(b) > 2 else 1)
        elif kind == "table":
            rows = b[1]
            t = d.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            t.style = "Table Grid"
            for i, r in enumerate(rows):
                for j, v in enumerate(r):
                    t.cell(i, j).text = str(v)
    buf = io.BytesIO()
    d.save(buf)
    return fixed_zip(buf.getvalue())


def xlsx_bytes(sheets):
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets:
        ws = wb.create_sheet(name[:31])
        for r in rows:
            ws.append(list(r))
    wb.properties.creator = "ICES"
    wb.properties.created = dt.datetime(2026, 11, 30, 9, 0, 0)
    wb.properties.modified = dt.datetime(2026, 11, 30, 9, 0, 0)
    buf = io.BytesIO()
    wb.save(buf)
    return fixed_zip(buf.getvalue())


def csv_bytes(rows, delim=","):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delim, lineterminator="\r\n")
    for r in rows:
        w.writerow(r)
    return buf.getvalue().encode("utf-8")


def _pdf_esc(s):
    s = s.encode("cp1252", "replace").decode("latin-1")
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_bytes(lines):
    wrapped = []
    for ln in lines:
        if not ln.strip():
            wrapped.append("")
            continue
        wrapped.extend(textwrap.wrap(ln, 92) or [""])
    pages = [wrapped[i:i + 54] for i in range(0, len(wrapped), 54)] or [[""]]
    objs = {}
    n_pages = len(pages)
    page_ids = [4 + 2 * i for i in range(n_pages)]
    objs[1] = "<< /Type /Catalog /Pages 2 0 R >>"
    objs[2] = "<< /Type /Pages /Kids [%s] /Count %d >>" % (
        " ".join(f"{p} 0 R" for p in page_ids), n_pages)
    objs[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    for i, pg in enumerate(pages):
        pid = page_ids[i]
        body = "BT /F1 10 Tf 13 TL 48 800 Td\n" + "".join(
            f"({_pdf_esc(t)}) Tj T*\n" for t in pg) + "ET"
        stream = body.encode("latin-1")
        objs[pid] = ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                     f"/Resources << /Font << /F1 3 0 R >> >> /Contents {pid + 1} 0 R >>")
        objs[pid + 1] = stream
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for k in sorted(objs):
        offsets[k] = out.tell()
        v = objs[k]
        if isinstance(v, bytes):
            out.write(f"{k} 0 obj\n<< /Length {len(v)} >>\nstream\n".encode())
            out.write(v)
            out.write(b"\nendstream\nendobj\n")
        else:
            out.write(f"{k} 0 obj\n{v}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    size = max(objs) + 1
    out.write(f"xref\n0 {size}\n0000000000 65535 f \n".encode())
    for k in range(1, size):
        out.write(f"{offsets[k]:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {size} /Root 1 0 R /Info << /Producer (ICES forms) >> >>\n"
              f"startxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def rtf_bytes(paras):
    def esc(s):
        o = []
        for ch in s:
            if ch in "\\{}":
                o.append("\\" + ch)
            elif ord(ch) > 127:
                o.append("\\u%d?" % ord(ch))
            else:
                o.append(ch)
        return "".join(o)
    body = "\\par\n".join(esc(p) for p in paras)
    return ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}"
            "\\viewkind4\\uc1\\pard\\f0\\fs22 " + body + "\\par\n}").encode("ascii")


# ---------------------------------------------------------------- model
class P:  # a service user
    pass


class R:  # a related person or staff member
    def __init__(self, fore, sur, role="", title=""):
        self.fore, self.sur, self.role, self.title = fore, sur, role, title

    @property
    def full(self):
        return f"{self.fore} {self.sur}"


class Share:
    def __init__(self, out, n, seed):
        self.out, self.n, self.seed = out, n, seed
        self.rng = random.Random(seed * 7919 + 17)
        self.files = []
        self.used_nhs = set()
        self.used_phone = set()
        self.staff_used = {}
        self.rel_used = {}
        self.covered = set()
        self.written = {}       # person idx -> set of kinds
        self.written_val = {}   # person idx -> {kind: value}
        self.mail_n = 0
        self.job_n = 0
        os.makedirs(out, exist_ok=True)

    # -- ids
    def phone(self):
        while True:
            p = f"07700 900{self.rng.randrange(1000):03d}"
            if p not in self.used_phone or len(self.used_phone) > 900:
                self.used_phone.add(p)
                return p

    def nhs(self):
        rng = self.rng
        while True:
            digits = [int(rng.choice("46"))] + [rng.randrange(10) for _ in range(8)]
            s = sum(d * (10 - i) for i, d in enumerate(digits))
            c = 11 - s % 11
            if c == 11:
                c = 0
            if c == 10:
                continue
            n = "".join(map(str, digits)) + str(c)
            if n in self.used_nhs:
                continue
            self.used_nhs.add(n)
            return n

    def postcode(self, prefix):
        L = "ABDEFGHJLNPQRSTUWXYZ"
        r = self.rng
        return f"{prefix} {r.randrange(1, 10)}{r.choice(L)}{r.choice(L)}"

    def jobno(self):
        self.job_n += 1
        return f"J26-{self.seed % 10}{self.job_n:04d}"

    # -- writing
    def put(self, rel, data, kind):
        path = os.path.join(self.out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if isinstance(data, str):
            data = data.encode("utf-8")
        with open(path, "wb") as f:
            f.write(data)
        self.files.append((rel, kind))

    def S(self, s, form="full"):
        """A staff member's name as written; tracked for the truth."""
        self.staff_used[s.full] = 1
        if form == "full":
            return s.full
        if form == "title":
            return f"{s.title} {s.fore} {s.sur}".strip()
        if form == "init":
            return f"{s.fore[0]}. {s.sur}"
        if form == "first":
            return s.fore
        if form == "sur_comma":
            return f"{s.sur.upper()}, {s.fore}"
        if form == "hl7":
            return f"{s.sur.upper()}^{s.fore}^^^{s.title}"
        return s.full

    def Rn(self, r, form="full"):
        self.rel_used[r.full] = 1
        if form == "full":
            return r.full
        if form == "title":
            return f"{r.title} {r.fore} {r.sur}".strip()
        if form == "first":
            return r.fore
        if form == "hl7":
            return f"{r.sur.upper()}^{r.fore}"
        return r.full

    def cover(self, p):
        self.covered.add(p.i)

    def mark(self, p, kinds):
        self.written.setdefault(p.i, set()).update(kinds)
        vals = self.written_val.setdefault(p.i, {})
        a = p.acc
        for k in kinds:
            if k == "code":
                vals[k] = a["code"]
            elif k == "hidden_key":
                vals[k] = a["hidden"]
            elif k == "key_holder":
                vals[k] = "key held by " + a["holder"].full
            elif k == "left_open":
                vals[k] = a["open"]


# ---------------------------------------------------------------- people
def name(p, form):
    mid = p.mid
    if form == "full":
        return f"{p.fore} {p.sur}"
    if form == "fullmid":
        return " ".join([p.fore] + mid + [p.sur])
    if form == "mid_init":
        return f"{p.fore} {mid[0][0]}. {p.sur}" if mid else f"{p.fore} {p.sur}"
    if form == "title_full":
        return f"{p.title} {p.fore} {p.sur}".strip()
    if form == "title_init":
        return f"{p.title} {p.fore[0]} {p.sur}".strip()
    if form == "label":
        return f"{p.title} {p.fore[0]} {p.sur.upper()}".strip()
    if form == "sur_comma":
        return f"{p.sur.upper()}, {p.fore}"
    if form == "sur_comma_mid":
        return f"{p.sur}, {p.fore}" + (f" {mid[0][0]}." if mid else "")
    if form == "lower":
        return f"{p.fore} {p.sur}".lower()
    if form == "upper":
        return f"{p.fore} {p.sur}".upper()
    if form == "title_sur":
        return f"{p.title} {p.sur}" if p.title else p.fore
    if form == "first":
        return p.fore
    raise ValueError(form)


FULL_FORMS = ["full", "fullmid", "mid_init", "title_full", "sur_comma", "sur_comma_mid", "upper"]


def dob_as(p, rng, forms=("dmy", "iso", "long", "mon")):
    f = rng.choice(forms)
    return {"dmy": f_dmy, "iso": f_iso, "long": f_long, "mon": f_mon, "hl7": f_hl7}[f](p.dob)


def build(sh):
    rng = sh.rng
    # ---- staff
    staff = {}
    used_staff = set()

    def mk(role, k, titles=None):
        out = []
        for _ in range(k):
            while True:
                fem = rng.random() < 0.6
                fore = rng.choice(STAFF_F if fem else STAFF_M)
                sur = rng.choice(STAFF_SUR)
                if (fore, sur) not in used_staff:
                    break
            used_staff.add((fore, sur))
            t = titles or ("Ms" if fem else "Mr")
            out.append(R(fore, sur, role, t))
        staff[role] = out
        return out

    mk("technician", 7)
    mk("coordinator", 4)
    mk("ot", 6)
    mk("physio", 3)
    mk("dn", 4)
    mk("discharge", 3)
    mk("sw", 3)
    mk("wheelchair", 3)
    mk("rehab_eng", 1)
    mk("oxygen_eng", 2)
    mk("resp_nurse", 2)
    mk("gp", 4, "Dr")
    mk("ch_manager", 4)
    mk("warehouse", 3)
    mk("manager", 1)
    mk("complaints", 1)
    mk("repair", 2)
    mk("fire", 1)
    mk("ward_nurse", 2)
    mk("consultant", 2, "Dr")
    sh.staff = staff
    prescribers = staff["ot"] + staff["physio"] + staff["dn"] + staff["discharge"] + staff["sw"]
    sh.prescribers = prescribers

    # ---- service users
    people = []
    names_used = set()
    n = sh.n

    def person(sex=None, sur=None, age="old", addr=None, hh=None):
        p = P()
        p.i = len(people)
        p.sex = sex or rng.choice("FFM")
        if age == "child":
            p.fore = rng.choice(CHILD_F if p.sex == "F" else CHILD_M)
        else:
            p.fore = rng.choice(FEM if p.sex == "F" else MAL)
        for _ in range(200):
            s = sur or rng.choice(SUR)
            if (p.fore, s) not in names_used:
                break
            p.fore = rng.choice(FEM if p.sex == "F" else MAL) if age != "child" else rng.choice(
                CHILD_F if p.sex == "F" else CHILD_M)
        p.sur = s
        names_used.add((p.fore, p.sur))
        r = rng.random()
        p.mid = []
        if age != "child" and r < 0.35:
            p.mid = [rng.choice(MID_F if p.sex == "F" else MID_M)]
            if r < 0.06:
                p.mid.append(rng.choice(MID_F if p.sex == "F" else MID_M))
        elif age == "child" and r < 0.3:
            p.mid = [rng.choice(MID_F if p.sex == "F" else MID_M)]
        p.mid = [m for m in p.mid if m != p.fore]
        if age == "child":
            p.dob = dt.date(rng.randint(2012, 2023), rng.randint(1, 12), rng.randint(1, 28))
            p.title = ""
        elif age == "adult":
            p.dob = dt.date(rng.randint(1962, 2004), rng.randint(1, 12), rng.randint(1, 28))
            p.title = "Mr" if p.sex == "M" else rng.choice(["Ms", "Mrs", "Miss"])
        else:
            p.dob = dt.date(rng.randint(1928, 1958), rng.randint(1, 12), rng.randint(1, 28))
            p.title = "Mr" if p.sex == "M" else rng.choice(["Mrs", "Mrs", "Mrs", "Miss", "Ms"])
        p.age = age
        p.nhs = sh.nhs() if rng.random() > 0.04 else ""
        p.phone = sh.phone()
        p.prev_sur = ""
        p.hh = hh
        p.addr = addr
        p.setting = "home"
        p.nok = None
        p.events = {}
        people.append(p)
        return p

    def address():
        town, pre = rng.choice(TOWNS)
        if rng.random() < 0.15:
            return {"line": f"Flat {rng.randint(1, 40)}, {rng.choice(BLOCKS)}", "street": "",
                    "town": town, "pc": sh.postcode(pre), "flat": True,
                    "no": rng.randint(1, 40)}
        no = rng.randint(1, 120)
        st = rng.choice(STREETS)
        return {"line": f"{no} {st}", "street": st, "town": town, "pc": sh.postcode(pre),
                "flat": False, "no": no}

    households = []
    while len(people) < n:
        left = n - len(people)
        r = rng.random()
        if r < 0.12 and left >= 2:          # couple, both with equipment
            a = address()
            hh = {"addr": a, "members": []}
            sur = rng.choice(SUR)
            m = person("M", sur, "old", a, hh)
            f = person("F", sur, "old", a, hh)
            f.title = "Mrs"
            m.title = "Mr" if rng.random() > 0.15 else "Dr"
            hh["members"] = [m, f]
            households.append(hh)
        elif r < 0.16 and left >= 2:        # parent and adult child, both service users
            a = address()
            hh = {"addr": a, "members": []}
            sur = rng.choice(SUR)
            mum = person("F", sur, "old", a, hh)
            kid = person(rng.choice("FM"), sur, "adult", a, hh)
            hh["members"] = [mum, kid]
            households.append(hh)
        elif r < 0.22:                      # child
            a = address()
            hh = {"addr": a, "members": []}
            c = person(None, None, "child", a, hh)
            hh["members"] = [c]
            households.append(hh)
        else:
            a = address()
            hh = {"addr": a, "members": []}
            p = person(None, None, "adult" if rng.random() < 0.18 else "old", a, hh)
            hh["members"] = [p]
            households.append(hh)
    # same-name pairs in different households (different DOB, address)
    singles = [h["members"][0] for h in households if len(h["members"]) == 1
               and h["members"][0].age == "old"]
    rng.shuffle(singles)
    for k in range(0, min(4, len(singles) - 1), 2):
        a, b = singles[k], singles[k + 1]
        b.fore, b.sur, b.sex = a.fore, a.sur, a.sex
        b.title = a.title if a.title != "Mr" or b.sex == "M" else b.title
        if a.sex == "F":
            b.title = "Mrs"
        a.same_name = b
        b.same_name = a
    # married women with previous names
    for p in rng.sample([p for p in people if p.sex == "F" and p.age == "old"], 7):
        p.prev_sur = rng.choice(PREV_SUR)
    # staff sharing surnames with service users
    for role in ("technician", "ot", "coordinator", "dn"):
        s = staff[role][0]
        q = rng.choice(people)
        s.sur = q.sur
        s.shares_with = q
    # settings
    for hh in households:
        ms = hh["members"]
        for p in ms:
            if p.age == "child":
                continue
            r = rng.random()
            if r < 0.08 and len(ms) == 1:
                p.setting = "carehome"
            elif r < 0.17 and len(ms) == 1:
                p.setting = "moved"
            elif r < 0.27 and not any(q.setting == "died" for q in ms):
                p.setting = "died"
        if len(ms) == 2 and all(q.setting == "died" for q in ms):
            ms[1].setting = "home"
    for p in people:
        if p.setting in ("carehome", "moved"):
            p.care_home = rng.choice(CARE_HOMES)
        if p.setting == "died":
            p.dod = START + dt.timedelta(days=rng.randint(20, 80))
        if p.setting == "moved":
            p.moved_on = START + dt.timedelta(days=rng.randint(20, 80))
    # next of kin / related people
    for hh in households:
        ms = hh["members"]
        base = ms[0]
        if base.age == "child":
            par = R(rng.choice(REL_F), base.sur if rng.random() < 0.8 else rng.choice(SUR),
                    "mother", "Mrs")
            if rng.random() < 0.3:
                par = R(rng.choice(REL_M), base.sur, "father", "Mr")
            base.nok = par
            continue
        for p in ms:
            if len(ms) == 2 and ms[0].sex != ms[1].sex and ms[0].age == ms[1].age == "old" \
                    and rng.random() < 0.5:
                p.nok = None  # spouse is the other member
            rel = rng.choice(["daughter", "son", "niece", "daughter-in-law", "nephew", "friend",
                              "daughter", "son", "granddaughter"])
            fem = rel in ("daughter", "niece", "daughter-in-law", "granddaughter")
            sur = p.sur if rel in ("son", "granddaughter", "nephew") or rng.random() < 0.3 \
                else rng.choice(SUR)
            if rel == "friend":
                sur = rng.choice(SUR)
            p.nok = R(rng.choice(REL_F if fem else REL_M), sur, rel, "Mrs" if fem else "Mr")
        if len(ms) == 2:
            ms[1].nok = ms[0].nok if rng.random() < 0.6 else ms[1].nok
    # a few relatives share a full name with nobody; avoid clashes with people/staff
    pnames = {(p.fore, p.sur) for p in people}
    snames = {(s.fore, s.sur) for ss in staff.values() for s in ss}
    for p in people:
        if p.nok and ((p.nok.fore, p.nok.sur) in pnames or (p.nok.fore, p.nok.sur) in snames):
            p.nok.fore = rng.choice([x for x in (REL_F if p.nok.title == "Mrs" else REL_M)
                                     if x != p.nok.fore])
    for ss in staff.values():
        for s in ss:
            if (s.fore, s.sur) in pnames:
                s.fore = "Rebecca" if s.title != "Mr" else "Jonathan"
    # services and events
    for p in people:
        p.prescriber = rng.choice(prescribers)
        if p.age == "child":
            p.prescriber = rng.choice(staff["ot"] + staff["physio"])
        p.diag = rng.sample(DIAG, 2 if rng.random() < 0.4 else 1)
        if p.age == "child":
            p.diag = [rng.choice(["cerebral palsy (GMFCS IV)", "Duchenne muscular dystrophy",
                                  "Rett syndrome", "spina bifida", "global developmental delay"])]
        k = rng.randint(1, 4)
        p.items = rng.sample(ITEMS, k)
        if p.age == "child":
            p.items = rng.sample(PAED_ITEMS, 2)
        p.wheelchair = p.age == "child" or rng.random() < 0.22
        p.oxygen = p.age != "child" and (((("COPD" in p.diag) or ("pulmonary fibrosis" in p.diag))
                                          and rng.random() < 0.6) or rng.random() < 0.03)
        p.hoist = any(c in ("HOI02", "STA01") for c, _ in p.items)
        p.stairlift = p.setting == "home" and p.age != "child" and rng.random() < 0.07
        p.order_ref = f"ORD{rng.randint(2600000, 2699999)}"
        p.asset = f"A{rng.randint(100000, 999999)}"
        p.wc_ref = f"WC/{rng.randint(2019, 2026)}/{rng.randint(1000, 9999)}"
        p.client_id = f"C{rng.randint(10000, 99999)}"
        p.order_date = START + dt.timedelta(days=rng.randint(0, 70))
        p.priority = rng.choice(["Standard (7 day)", "Standard (7 day)", "Next day", "Urgent same day",
                                 "Standard (7 day)", "Palliative - same day"])
        p.smoker = p.oxygen and rng.random() < 0.35
        p.gp = rng.choice(staff["gp"])
        if p.setting == "died" and p.order_date > p.dod - dt.timedelta(days=5):
            p.order_date = p.dod - dt.timedelta(days=rng.randint(8, 18))
        if p.setting == "moved" and p.order_date > p.moved_on - dt.timedelta(days=5):
            p.order_date = p.moved_on - dt.timedelta(days=rng.randint(8, 18))
        if p.order_date < START:
            p.order_date = START
        p.del_date = p.order_date + dt.timedelta(days=rng.randint(0, 5))
        while p.del_date.weekday() > 4:
            p.del_date += dt.timedelta(days=1)
        p.job = sh.jobno()
    # home access, by household
    for hh in households:
        ms = hh["members"]
        home_members = [p for p in ms if p.setting == "home"]
        acc = None
        if home_members and rng.random() < 0.45:
            kinds = []
            r = rng.random()
            if r < 0.45:
                kinds = ["code"]
            elif r < 0.58:
                kinds = ["hidden_key"]
            elif r < 0.72:
                kinds = ["key_holder"]
            elif r < 0.82:
                kinds = ["left_open"]
            elif r < 0.94:
                kinds = ["code", "key_holder"]
            else:
                kinds = ["hidden_key", "key_holder"]
            a = hh["addr"]
            holder_rel = rng.choice(["neighbour", "daughter", "son", "niece", "neighbour"])
            holder = None
            if "key_holder" in kinds:
                nok = home_members[0].nok
                if nok and holder_rel != "neighbour" and rng.random() < 0.7:
                    holder = nok
                else:
                    holder = R(rng.choice(REL_F + REL_M), rng.choice(SUR), "neighbour",
                               "")
                    holder.house = (a["no"] + rng.choice([1, 2, -1, -2])) if not a["flat"] \
                        else rng.randint(1, 40)
            acc = {"kinds": kinds, "code": f"{rng.randint(0, 9999):04d}",
                   "loc": rng.choice(KS_LOC), "hidden": rng.choice(HIDDEN),
                   "holder": holder, "open": rng.choice(OPEN),
                   "holder_phone": sh.phone()}
            if a["flat"] and "code" in kinds:
                acc["loc"] = "communal door keypad"
        for p in ms:
            p.acc = acc if p.setting == "home" else None
            p.old_acc = acc
        hh["acc"] = acc
        # old-home near-miss details for leavers
        for p in ms:
            if p.setting in ("died", "moved"):
                p.old_code = f"{rng.randint(0, 9999):04d}"
    sh.people = people
    sh.households = households
    return sh


# ---------------------------------------------------------------- phrasing
def access_text(sh, p, style="sheet", kinds=None):
    """Return a way-in sentence for p's home; marks the truth."""
    rng = sh.rng
    a = p.acc
    if not a:
        return ""
    kinds = list(kinds or a["kinds"])
    parts = []
    for k in kinds:
        if k == "code":
            c = a["code"]
            loc = a["loc"]
            if loc == "communal door keypad":
                opts = [f"Door entry code {c}# for the main door, then lift to flat",
                        f"communal door keypad {c}", f"Main entrance code: {c}",
                        f"buzz won't be answered - use door code {c} on the keypad"]
            else:
                spaced = " ".join(c)
                opts = [f"Key safe {loc}, code {c}", f"KS {c}", f"keysafe - {c}",
                        f"Access via key safe ({loc}) code {c}",
                        f"Key box {loc}: {c}", f"Code for the key safe is {spaced}",
                        f"Key in keysafe, {c}. Please scramble after use",
                        f"Lockbox {loc} - {c}", f"key safe combi {c} (put key back!)",
                        f"KS by door {c}", f"Key safe number {c}"]
            parts.append(rng.choice(opts))
        elif k == "hidden_key":
            h = a["hidden"]
            opts = [f"Spare key {h}", f"key is kept {h}", f"No key safe - key {h}",
                    f"Key {h}, please put it back", f"Key left {h} for us",
                    f"Family leave a key {h}"]
            parts.append(rng.choice(opts))
        elif k == "key_holder":
            hd = a["holder"]
            ph = a["holder_phone"]
            if hd.role == "neighbour":
                opts = [f"Neighbour at no. {hd.house} ({sh.Rn(hd)}) holds a key",
                        f"Key with neighbour {sh.Rn(hd)} at number {hd.house}, {ph}",
                        f"Key holder: {sh.Rn(hd)} (neighbour, no.{hd.house}) {ph}",
                        f"If no answer {sh.Rn(hd)} next door has a key"]
            else:
                opts = [f"If no answer ring {hd.role} {sh.Rn(hd)} who lives close by, "
                        f"{'she' if hd.title == 'Mrs' else 'he'} has a key - {ph}",
                        f"Key holder: {sh.Rn(hd)} ({hd.role}) {ph}",
                        f"{hd.role.capitalize()} {sh.Rn(hd)} keeps a spare key and will meet you "
                        f"- ring {ph}",
                        f"Key held by {hd.role} {sh.Rn(hd)} {ph}"]
            parts.append(rng.choice(opts))
        elif k == "left_open":
            o = a["open"]
            parts.append(rng.choice([o, o.capitalize(), f"Access: {o}"]))
    sh.mark(p, kinds)
    if style == "terse":
        return "; ".join(parts)
    return ". ".join(x[0].upper() + x[1:] for x in parts) + "."


def near_miss_for(sh, p, when=None):
    """A line that looks like access but gives no way into p's current home.

    `when` is the record's date: before a death or a move the person was still at home,
    so only a home near miss fits."""
    rng = sh.rng
    if when is not None and ((p.setting == "died" and when < p.dod) or
                             (p.setting == "moved" and when < p.moved_on)):
        return _home_near_miss(rng)
    if p.setting == "carehome":
        ch = p.care_home[0]
        return rng.choice([
            f"Deliver to {ch} - front door code {rng.randint(1000, 9999)}#, ask for nurse in "
            f"charge. Sluice room code {rng.randint(1000, 9999)} for used slings.",
            f"{ch}: keypad at reception {rng.randint(1000, 9999)}, sign in book.",
            f"Resident at {ch}; report to the office on arrival (door code on the lanyard "
            f"{rng.randint(100, 999)}X).",
        ])
    if p.setting == "died":
        return rng.choice([
            f"Client deceased {f_dmy(p.dod)} - key safe at the property {p.old_code}, family "
            f"say use it for the collection.",
            f"Passed away {f_dmy(p.dod)}. House empty, son has left the key under the mat for "
            f"the collection.",
            f"RIP {f_dmy(p.dod)}. Property being cleared - keysafe {p.old_code} per executor.",
        ])
    if p.setting == "moved":
        return rng.choice([
            f"Now permanently at {p.care_home[0]} (moved {f_dmy(p.moved_on)}). Old bungalow: "
            f"keysafe {p.old_code} still on wall - family clearing house.",
            f"Moved into {p.care_home[0]}. Collect from old address, key safe there {p.old_code}.",
        ])
    return _home_near_miss(rng)


def _home_near_miss(rng):
    return rng.choice([
        "Key safe to be fitted by the handyperson scheme - no code yet, phone before visiting.",
        "No key safe. Client must be in - phone 30 min before.",
        "Code for key safe is held by the coordinator, not to go on the job sheet.",
        f"Riser recliner handset lock PIN set to {rng.randint(1000, 9999)} by family so "
        f"grandchildren can't play with it.",
        f"Bed handset lockout code {rng.randint(100, 999)} - show carers how to unlock.",
        "Key worker at day centre (Tues/Thurs) - don't deliver those days.",
        "Doors locked and chain on after 6pm - daytime delivery only.",
        "Wheelchair access via ramp at rear, gate sticks.",
        "Client will let you in - takes a while to get to the door, be patient.",
        "Ring bell and wait, wife answers.",
    ])


def household_of(sh, p):
    return [q for q in p.hh["members"] if q is not p]


# ---------------------------------------------------------------- files
def gen(sh):
    rng = sh.rng
    people = sh.people
    st = sh.staff
    techs = st["technician"]
    coords = st["coordinator"]
    n = len(people)

    def choose(lst, k):
        return rng.sample(lst, min(k, len(lst)))

    def items_txt(p):
        return ", ".join(d for _, d in p.items)

    def addr1(p):
        a = p.hh["addr"]
        if p.setting == "carehome":
            return f"{p.care_home[0]}, {p.care_home[1]}"
        return f"{a['line']}, {a['town']} {a['pc']}"

    # ---------- partition people into primary ID channels
    order = people[:]
    rng.shuffle(order)
    chan = {}
    ch_names = (["csv"] * 46 + ["xlsx"] * 17 + ["email_docx"] * 6 + ["form_docx"] * 6
                + ["hl7"] * 9 + ["fhir"] * 8 + ["email_pdf"] * 2 + ["json"] * 6)
    for i, p in enumerate(order):
        chan[p.i] = ch_names[int(i * len(ch_names) / n)]
    sh.chan = chan

    # ================= STRUCTURED =================
    # order exports (CSV, three months)
    csv_people = [p for p in people if chan[p.i] == "csv"]
    for mi, (mname, mnum) in enumerate([("2026-09", 9), ("2026-10", 10), ("2026-11", 11)]):
        rows = [["Order Ref", "Order Date", "Client Surname", "Client Forename", "DOB",
                 "NHS Number", "Address", "Postcode", "Items", "Priority", "Prescriber",
                 "Team", "Delivery Instructions"]]
        grp = [p for p in csv_people if p.order_date.month == mnum or
               (mnum == 11 and p.order_date.month > 11)]
        # also a few repeat orders from other channels (name + DOB repeated)
        grp += [p for p in choose([q for q in people if chan[q.i] != "csv"], 4)]
        for p in sorted(grp, key=lambda q: q.order_date):
            instr = ""
            if p.acc and rng.random() < 0.45:
                instr = access_text(sh, p, "terse")
            elif rng.random() < 0.3:
                instr = near_miss_for(sh, p, p.order_date)
            elif p.nok and rng.random() < 0.4:
                instr = f"Contact {p.nok.role} {sh.Rn(p.nok)} {sh.phone()} to arrange"
            dob = f_dmy(p.dob) if mi != 1 else f_iso(p.dob)
            rows.append([p.order_ref, f_dmy(p.order_date), p.sur, " ".join([p.fore] + p.mid),
                         dob, nhs_fmt(p.nhs, 1), p.hh["addr"]["line"] if p.setting != "carehome"
                         else p.care_home[0], p.hh["addr"]["pc"] if p.setting != "carehome"
                         else p.care_home[1].split()[-2] + " " + p.care_home[1].split()[-1],
                         "; ".join(f"{c} {d}" for c, d in p.items), p.priority,
                         sh.S(p.prescriber), p.prescriber.role.upper(), instr])
            sh.cover(p)
        sh.put(f"Orders/Exports/ICES_orders_{mname}.csv", csv_bytes(rows), "structured")

    # online orders XLSX (split columns, ISO DOB, title column)
    xl_people = [p for p in people if chan[p.i] == "xlsx"]
    half = len(xl_people) // 2
    for k, grp in enumerate([xl_people[:half], xl_people[half:]]):
        rows = [["OrderNo", "Submitted", "Title", "Forename", "Middle", "Surname", "DateOfBirth",
                 "NHSNo", "Addr1", "Town", "Postcode", "Tel", "Equipment", "ClinicalReason",
                 "PrescriberName", "PrescriberPIN", "Notes"]]
        for p in grp:
            note = ""
            if p.acc and rng.random() < 0.6:
                note = access_text(sh, p, "terse")
            elif rng.random() < 0.4:
                note = near_miss_for(sh, p, p.order_date)
            rows.append([p.order_ref, f_iso(p.order_date), p.title, p.fore, " ".join(p.mid),
                         p.sur, f_iso(p.dob), nhs_fmt(p.nhs, 0), p.hh["addr"]["line"],
                         p.hh["addr"]["town"], p.hh["addr"]["pc"], p.phone, items_txt(p),
                         "; ".join(p.diag), sh.S(p.prescriber), f"P{rng.randint(10000, 99999)}",
                         note])
            sh.cover(p)
        sh.put(f"Orders/Online/online_orders_batch{k + 1}.xlsx",
               xlsx_bytes([("Orders", rows)]), "structured")

    # route lists (every person's delivery is on one)
    routed = sorted(people, key=lambda q: q.del_date)
    n_routes = max(4, round(n / 15))
    chunks = [routed[i * len(routed) // n_routes:(i + 1) * len(routed) // n_routes]
              for i in range(n_routes)]
    sh.routes = []
    for ri, grp in enumerate(chunks):
        day = grp[0].del_date
        van = f"Van {ri % 6 + 1}"
        tech = techs[ri % len(techs)]
        rows_title = [f"{SVC} - Delivery route {van} - {day.strftime('%a')} {f_dmy(day)}",
                      f"Technician: {sh.S(tech)}"]
        hdr = ["Drop", "Job No", "Client", "Address", "Postcode", "Tel", "Task", "Access / Notes"]
        rows = []
        for k, p in enumerate(grp):
            task = "Deliver & fit: " + ", ".join(c for c, _ in p.items)
            if p.acc:
                note = access_text(sh, p, "terse")
            elif rng.random() < 0.55:
                note = near_miss_for(sh, p, p.del_date)
            else:
                note = rng.choice(["", "Ring first", "Dog", "Steep steps", "Park on drive",
                                   "Parking tricky - use side street", "Wife answers door"])
            form = rng.choice(["label", "label", "title_init", "sur_comma"])
            rows.append([k + 1, p.job, name(p, form), addr1(p).rsplit(",", 1)[0]
                         if p.setting != "carehome" else p.care_home[0],
                         p.hh["addr"]["pc"] if p.setting != "carehome" else "",
                         p.phone if p.setting != "carehome" else "", task, note])
        sh.routes.append((day, van, tech, grp))
        if ri == 0:
            sh.route_mail = (rows_title, hdr, rows, day, van, tech)
            continue
        if ri % 3 == 2:
            sh.put(f"Transport/Routes/route_{van.replace(' ', '')}_{f_iso(day)}.xlsx",
                   xlsx_bytes([("Route", [[t] for t in rows_title] + [hdr] + rows)]), "structured")
        else:
            sh.put(f"Transport/Routes/route_{van.replace(' ', '')}_{f_iso(day)}.csv",
                   csv_bytes([[t] for t in rows_title] + [hdr] + rows), "structured")

    # collection lists
    leavers = [p for p in people if p.setting in ("died", "moved")]
    others = choose([p for p in people if p.setting == "home"], max(3, n // 15))
    coll = leavers + others
    rng.shuffle(coll)
    halves = [coll[:len(coll) // 2], coll[len(coll) // 2:]]
    for k, grp in enumerate(halves):
        rows = [["Coll Ref", "Asset", "Client", "Address", "Reason", "Contact", "Access notes",
                 "Status"]]
        for p in grp:
            if p.setting == "died":
                reason = f"Deceased {f_dmy(p.dod)}"
                surv = [q for q in household_of(sh, p) if q.setting == "home"]
                if surv and surv[0].acc and rng.random() < 0.7:
                    s = surv[0]
                    note = (f"{name(s, 'title_full')} still lives at the address (own equipment, "
                            f"do NOT collect {'hers' if s.sex == 'F' else 'his'}). " + access_text(sh, s, "terse"))
                else:
                    note = near_miss_for(sh, p)
                contact = f"{sh.Rn(p.nok)} ({p.nok.role})" if p.nok else "Funeral director"
            elif p.setting == "moved":
                reason = f"Moved to {p.care_home[0]} (permanent)"
                note = near_miss_for(sh, p)
                contact = f"{sh.Rn(p.nok)} ({p.nok.role})" if p.nok else ""
            else:
                reason = rng.choice(["No longer required", "Improved - no longer required",
                                     "Replaced with bariatric", "Duplicate issue"])
                note = access_text(sh, p, "terse") if p.acc and rng.random() < 0.5 else ""
                contact = p.phone
            form = rng.choice(["title_full", "sur_comma", "label"])
            rows.append([f"COL{rng.randint(10000, 99999)}", p.asset, name(p, form),
                         addr1(p), reason, contact, note, rng.choice(["Booked", "Open",
                                                                     "Collected", "Failed"])])
        if k == 0:
            sh.put(f"Transport/Collections/collections_w/c_{f_iso(END - dt.timedelta(days=7))}"
                   ".csv".replace("w/c", "wc"), csv_bytes(rows), "structured")
        else:
            sh.put("Transport/Collections/collections_outstanding.xlsx",
                   xlsx_bytes([("Outstanding", rows)]), "structured")

    # LOLER inspection schedule
    hoist_people = [p for p in people if p.hoist] or people[:5]
    rows = [["Asset No", "Equipment", "Serial", "SWL kg", "Client", "Address", "Postcode",
             "Last LOLER", "Next due", "Inspector", "Access"]]
    for p in hoist_people:
        note = ""
        if p.acc and rng.random() < 0.5:
            note = access_text(sh, p, "terse")
        elif p.setting == "carehome":
            note = near_miss_for(sh, p)
        last = p.del_date
        rows.append([p.asset, "Mobile hoist", f"SN{rng.randint(1000000, 9999999)}",
                     rng.choice([150, 180, 227]), name(p, "sur_comma_mid"), addr1(p).split(",")[0],
                     p.hh["addr"]["pc"], f_mon(last), f_mon(last + dt.timedelta(days=182)),
                     sh.S(rng.choice(techs)), note])
        rows.append([f"A{rng.randint(100000, 999999)}", "Sling (full body)",
                     f"SL{rng.randint(10000, 99999)}", "", name(p, "sur_comma_mid"), "", "",
                     f_mon(last), f_mon(last + dt.timedelta(days=182)), "", ""])
    sh.put("Compliance/LOLER_PUWER_schedule_Q4.xlsx",
           xlsx_bytes([("LOLER", rows), ("Notes", [["Inspections every 6 months for hoists and "
                                                   "slings in people's homes."],
                                                  ["Warehouse key cabinet code for test weights: "
                                                   f"{rng.randint(1000, 9999)}"]])]), "structured")

    # stairlift / through-floor-lift service schedule
    sl = [p for p in people if p.stairlift] or choose([p for p in people if p.setting == "home"], 3)
    rows = [["Asset", "Type", "Client", "Address", "Service due", "Engineer", "Access"]]
    for p in sl:
        note = access_text(sh, p, "terse") if p.acc else near_miss_for(sh, p)
        rows.append([f"SL-{rng.randint(1000, 9999)}", rng.choice(["Straight stairlift",
                                                                  "Curved stairlift",
                                                                  "Through-floor lift"]),
                     name(p, "title_init"), addr1(p), f_dmy(p.del_date + dt.timedelta(days=30)),
                     sh.S(rng.choice(techs)), note])
    sh.put("Compliance/stairlift_TFL_service_due.csv", csv_bytes(rows), "structured")

    # field safety notice / recall list (name + DOB)
    bed_people = [p for p in people if any(c == "BED01" for c, _ in p.items)]
    rec = choose(bed_people, max(6, len(bed_people) * 2 // 3))
    rows = [["FSN ref", "Model", "Serial", "Client name", "DOB", "Address", "Status",
             "Comments"]]
    for p in rec:
        com = ""
        if p.setting == "died":
            com = "Client deceased - bed to be collected not modified"
        elif p.setting == "moved":
            com = f"Client in {p.care_home[0]}; bed at old address"
        elif p.acc and rng.random() < 0.35:
            com = access_text(sh, p, "terse")
        rows.append(["FSN-2026-014", "Axiom 4 profiling bed (actuator batch 22-07)",
                     f"AX4-{rng.randint(100000, 999999)}", name(p, "fullmid"),
                     f_mon(p.dob), addr1(p), rng.choice(["Modified", "Booked", "Not contacted",
                                                         "Refused visit"]), com])
        sh.cover(p)
    sh.put("HeadOffice/Recalls/FSN-2026-014_affected_clients.xlsx",
           xlsx_bytes([("Affected", rows)]), "structured")

    # staff rota (xlsx) and on-call (csv) with workplace codes
    rows = [["Week commencing", "Name", "Role", "Van", "Mon", "Tue", "Wed", "Thu", "Fri",
             "Notes"]]
    for s in techs + st["warehouse"] + coords:
        rows.append([f_dmy(END - dt.timedelta(days=11)), sh.S(s), s.role, rng.choice(
            ["Van 1", "Van 2", "Van 3", "Van 4", "Van 5", "Van 6", ""]),
            *[rng.choice(["E", "L", "OFF", "E", "L", "AL"]) for _ in range(5)], ""])
    rows.append(["", "", "", "", "", "", "", "", "", f"Warehouse side gate code changed to "
                 f"{rng.randint(1000, 9999)}# from Monday"])
    rows.append(["", "", "", "", "", "", "", "", "", f"Van 3 lock box {rng.randint(1000, 9999)} "
                 "(spare van keys) - Van 5 lock box as before"])
    rows.append(["", "", "", "", "", "", "", "", "", f"Decon unit alarm {rng.randint(1000, 9999)}"
                 ", set on leaving"])
    sh.put("HeadOffice/Rotas/tech_rota_Nov.xlsx", xlsx_bytes([("Rota", rows)]), "structured")
    rows = [["Date", "On call coordinator", "On call technician", "Mobile", "Notes"]]
    for k in range(14):
        d = END - dt.timedelta(days=14 - k)
        rows.append([f_dmy(d), sh.S(rng.choice(coords)), sh.S(rng.choice(techs)), sh.phone(),
                     rng.choice(["", "", f"Key cabinet {rng.randint(1000, 9999)}",
                                 "Oxygen engineer covering north", "Bank holiday rate"])])
    sh.put("HeadOffice/Rotas/oncall.csv", csv_bytes(rows), "structured")

    # HL7 discharge referrals
    hl7_people = [p for p in people if chan[p.i] == "hl7"]
    for k in range(0, len(hl7_people), 3):
        grp = hl7_people[k:k + 3]
        msgs = []
        for j, p in enumerate(grp):
            ts = dt.datetime.combine(p.order_date, dt.time(9 + j, 12 * j % 60))
            dn = rng.choice(st["discharge"] + st["ward_nurse"])
            a = p.hh["addr"]
            nte = [f"Discharge planned {f_dmy(p.del_date)} from {rng.choice(WARDS)}, "
                   f"{HOSP[k % 2]}. Equipment required before discharge: {items_txt(p)}."]
            if p.acc:
                nte.append("Lives alone - " + access_text(sh, p, "terse")
                           if len(p.hh["members"]) == 1 else access_text(sh, p, "terse"))
            else:
                nte.append(f"{rng.choice(WARDS)} door code {rng.randint(1000, 9999)} if "
                           "collecting anything from the ward.")
            pid3 = f"{p.nhs}^^^NHS^NH~RX{rng.randint(100000, 999999)}^^^WGH^MR" if p.nhs \
                else f"RX{rng.randint(100000, 999999)}^^^WGH^MR"
            segs = [
                f"MSH|^~\\&|WGH_PAS|WEXMOOR GEN|ICES|MERIDIAN|{ts.strftime('%Y%m%d%H%M%S')}||"
                f"REF^I12^REF_I12|WGH{rng.randint(100000, 999999)}|P|2.4",
                f"RF1|A^Active||EQP^Equipment||WGH{rng.randint(10000, 99999)}|"
                f"{ts.strftime('%Y%m%d')}",
                f"PRD|RP|{sh.S(dn, 'hl7')}|Discharge Team^^{HOSP[k % 2]}||{sh.phone()}",
                f"PID|1||{pid3}||{p.sur.upper()}^{p.fore}^{' '.join(p.mid)}^^{p.title}||"
                f"{f_hl7(p.dob)}|{p.sex}|||{a['line']}^^{a['town']}^^{a['pc']}||{p.phone}",
            ]
            if p.nok:
                segs.append(f"NK1|1|{sh.Rn(p.nok, 'hl7')}|{p.nok.role.upper()[:3]}^"
                            f"{p.nok.role}||{sh.phone()}")
            segs.append(f"PV1|1|I|{rng.choice(WARDS)}^^^WGH||||{sh.S(rng.choice(st['consultant']), 'hl7')}")
            segs.append(f"DG1|1||^{p.diag[0]}^LOCAL")
            for q, t in enumerate(nte):
                segs.append(f"NTE|{q + 1}||{t}")
            msgs.append("\r".join(segs) + "\r")
            sh.cover(p)
        sh.put(f"Referrals/HL7/WGH_discharge_{k // 3 + 1:02d}.hl7", "".join(msgs), "structured")

    # FHIR referrals (wheelchair service / community referrals)
    fh = [p for p in people if chan[p.i] == "fhir"]
    for k in range(0, len(fh), 3):
        grp = fh[k:k + 3]
        entries = []
        for p in grp:
            a = p.hh["addr"]
            pr = p.prescriber
            pat = {"resourceType": "Patient", "id": f"pat-{p.client_id}",
                   "identifier": ([{"system": "https://fhir.nhs.uk/Id/nhs-number",
                                    "value": p.nhs}] if p.nhs else []) +
                   [{"system": "https://ices.meridian.example/client-id", "value": p.client_id}],
                   "name": [{"use": "official", "family": p.sur, "given": [p.fore] + p.mid,
                             "prefix": [p.title] if p.title else []}],
                   "birthDate": f_iso(p.dob), "gender": "female" if p.sex == "F" else "male",
                   "address": [{"line": [a["line"]], "city": a["town"], "postalCode": a["pc"]}],
                   "telecom": [{"system": "phone", "value": p.phone}]}
            if p.prev_sur:
                pat["name"].append({"use": "maiden", "family": p.prev_sur, "given": [p.fore]})
            notes = [{"text": f"Referral for {items_txt(p)}. Diagnosis: {'; '.join(p.diag)}."}]
            if p.acc and rng.random() < 0.7:
                notes.append({"text": "Access: " + access_text(sh, p)})
            elif rng.random() < 0.5:
                notes.append({"text": near_miss_for(sh, p, p.order_date)})
            sr = {"resourceType": "ServiceRequest", "id": f"sr-{p.order_ref}",
                  "status": "active", "intent": "order",
                  "subject": {"reference": f"Patient/pat-{p.client_id}"},
                  "requester": {"reference": f"Practitioner/pr-{pr.sur.lower()}",
                                "display": sh.S(pr)},
                  "authoredOn": f_iso(p.order_date), "note": notes}
            entries += [{"resource": pat}, {"resource": sr}]
            if p.nok:
                entries.append({"resource": {
                    "resourceType": "RelatedPerson", "id": f"rp-{p.client_id}",
                    "patient": {"reference": f"Patient/pat-{p.client_id}"},
                    "relationship": [{"text": p.nok.role}],
                    "name": [{"family": p.nok.sur, "given": [sh.Rn(p.nok, 'first')]}],
                    "telecom": [{"system": "phone", "value": sh.phone()}]}})
            sh.cover(p)
        used_pr = {e["resource"]["requester"]["display"] for e in entries
                   if e["resource"]["resourceType"] == "ServiceRequest"}
        for pr in sh.prescribers:
            if pr.full in used_pr:
                entries.append({"resource": {"resourceType": "Practitioner",
                                             "id": f"pr-{pr.sur.lower()}",
                                             "name": [{"family": pr.sur, "given": [pr.fore]}]}})
        bundle = {"resourceType": "Bundle", "type": "collection",
                  "timestamp": f"{f_iso(grp[0].order_date)}T10:00:00Z", "entry": entries}
        sh.put(f"Referrals/FHIR/community_referrals_{k // 3 + 1:02d}.json",
               json.dumps(bundle, indent=2), "structured")

    # job-management system JSON and XML exports
    js = [p for p in people if chan[p.i] == "json"]
    extra = choose([p for p in people if chan[p.i] != "json"], max(6, n // 12))
    pool = js + extra
    for k, grp in enumerate([pool[:len(pool) // 2], pool[len(pool) // 2:]]):
        jobs = []
        for p in grp:
            primary = chan[p.i] == "json"
            j = {"jobRef": p.job, "orderRef": p.order_ref, "type": "DELIVER_FIT",
                 "scheduled": f_iso(p.del_date),
                 "client": {"clientId": p.client_id, "displayName": name(p, "title_init")},
                 "site": {"address": addr1(p)}, "assets": [p.asset],
                 "technician": sh.S(rng.choice(techs)),
                 "accessNotes": access_text(sh, p, "terse") if p.acc and rng.random() < 0.6
                 else "", "riskFlags": rng.sample(["DOG", "SMOKER", "O2 IN USE", "STEPS",
                                                   "LONE WORKER", "AGGRESSIVE RELATIVE"], 1)}
            if primary:
                j["client"].update({"forename": p.fore, "surname": p.sur,
                                    "dob": f_iso(p.dob), "nhsNumber": p.nhs})
                sh.cover(p)
            jobs.append(j)
        if k == 0:
            sh.put("Systems/JobManager/export_jobs_part1.json",
                   json.dumps({"exportedAt": "2026-11-28T07:02:11Z", "system": "FleetJobs 4.2",
                               "jobs": jobs}, indent=1), "structured")
        else:
            x = ['<?xml version="1.0" encoding="UTF-8"?>', "<JobExport system=\"FleetJobs 4.2\">"]
            for j in jobs:
                c = j["client"]
                x.append(f'  <Job ref="{j["jobRef"]}" order="{j["orderRef"]}">')
                if "surname" in c:
                    x.append(f"    <Client id=\"{c['clientId']}\"><Surname>{xe(c['surname'])}"
                             f"</Surname><Forenames>{xe(c['forename'])}</Forenames>"
                             f"<DateOfBirth>{c['dob']}</DateOfBirth><NHSNumber>{c['nhsNumber']}"
                             "</NHSNumber></Client>")
                else:
                    x.append(f"    <Client id=\"{c['clientId']}\"><Name>{xe(c['displayName'])}"
                             "</Name></Client>")
                x.append(f"    <Address>{xe(j['site']['address'])}</Address>")
                x.append(f"    <AccessInfo>{xe(j['accessNotes'])}</AccessInfo>")
                x.append(f"    <Technician>{xe(j['technician'])}</Technician>")
                x.append(f"    <Scheduled>{j['scheduled']}</Scheduled>")
                x.append("  </Job>")
            x.append("</JobExport>")
            sh.put("Systems/JobManager/export_jobs_part2.xml", "\n".join(x) + "\n", "structured")
    # a second XML: asset register extract (asset numbers only + client ids)
    x = ['<?xml version="1.0" encoding="UTF-8"?>', "<AssetRegister>"]
    for p in choose(people, max(10, n // 5)):
        x.append(f'  <Asset no="{p.asset}"><Item>{xe(p.items[0][1])}</Item><ClientId>'
                 f"{p.client_id}</ClientId><Postcode>{p.hh['addr']['pc']}</Postcode>"
                 f"<Status>{'ON LOAN' if p.setting == 'home' else 'TO COLLECT'}</Status></Asset>")
    x.append(f'  <Store name="Decon bay"><KeyCabinet>{rng.randint(1000, 9999)}</KeyCabinet>'
             "</Store>")
    x.append("</AssetRegister>")
    sh.put("Systems/JobManager/asset_register_extract.xml", "\n".join(x) + "\n", "structured")

    # oxygen delivery log
    ox = [p for p in people if p.oxygen]
    rows = [["HOOF ref", "Patient", "DOB", "Postcode", "Equipment", "Flow l/min", "Hrs/day",
             "Installed", "Engineer", "Cylinders", "Notes"]]
    for p in ox:
        p.hoof = f"HOOF-{rng.randint(100000, 999999)}"
        note = ""
        if p.smoker:
            note = "SMOKER - fire service referral made"
        if p.acc and rng.random() < 0.5:
            note += (" | " if note else "") + access_text(sh, p, "terse")
        if p.setting == "died":
            note += f" | Removal: patient died {f_dmy(p.dod)}"
        rows.append([p.hoof, name(p, "sur_comma"), f_dmy(p.dob), p.hh["addr"]["pc"],
                     rng.choice(["Concentrator + backup cylinder", "Concentrator",
                                 "Ambulatory cylinders x4", "LOX"]), rng.choice([1, 2, 2.5, 3]),
                     rng.choice([15, 16, 24]), f_dmy(p.del_date),
                     sh.S(rng.choice(st["oxygen_eng"])), rng.randint(0, 6), note])
        sh.cover(p)
    sh.put("Oxygen/O2_install_delivery_log.csv", csv_bytes(rows), "structured")

    # wheelchair repair tickets from repair contractor
    wc = [p for p in people if p.wheelchair]
    rows = [["Ticket", "Logged", "Chair serial", "WC ref", "Customer", "Postcode", "Fault",
             "Engineer", "Visit notes"]]
    for p in choose(wc, max(5, len(wc) * 2 // 3)):
        note = ""
        if p.acc and rng.random() < 0.5:
            note = access_text(sh, p, "terse")
        elif rng.random() < 0.5:
            note = near_miss_for(sh, p)
        rows.append([f"CMR{rng.randint(10000, 99999)}", f_dmy(p.del_date + dt.timedelta(
            days=rng.randint(5, 30))), f"WC{rng.randint(100000, 999999)}", p.wc_ref,
            name(p, rng.choice(["title_sur", "label"])), p.hh["addr"]["pc"],
            rng.choice(["puncture rear left", "joystick error code E04", "brakes slipping",
                        "footplate snapped", "battery won't charge", "tilt actuator dead"]),
            sh.S(rng.choice(st["repair"])), note])
    sh.put("Wheelchairs/CastleMobility_repair_tickets.csv", csv_bytes(rows), "structured")

    # contract KPI extract: order refs and NHS numbers only
    rows = [["Order ref", "NHS number", "Priority", "Ordered", "Delivered", "Within KPI"]]
    for p in people:
        if p.nhs and rng.random() < 0.6:
            rows.append([p.order_ref, p.nhs, p.priority, f_dmy(p.order_date), f_dmy(p.del_date),
                         rng.choice(["Y", "Y", "Y", "N"])])
    sh.put("HeadOffice/Contract/KPI_extract_Q3.csv", csv_bytes(rows), "structured")

    # ================= E-MAILS =================
    def mail(rel, frm, to, subj, when, body, atts=(), cc=None):
        sh.mail_n += 1
        m = EmailMessage()
        m["From"] = frm
        m["To"] = to
        if cc:
            m["Cc"] = cc
        m["Subject"] = subj
        m["Date"] = format_datetime(dt.datetime.combine(when, dt.time(9 + sh.mail_n % 8, 7 * sh.mail_n % 60),
                                                        tzinfo=dt.timezone.utc))
        m["Message-ID"] = f"<ices{sh.seed}.{sh.mail_n}@meridian-ces.example>"
        m.set_content(body)
        for fn, data, mt, st_ in atts:
            m.add_attachment(data, maintype=mt, subtype=st_, filename=fn)
        for q, part in enumerate(m.walk()):
            if part.is_multipart():
                part.set_boundary(f"=_ices_{sh.seed}_{sh.mail_n}_{q}")
        sh.put(rel, m.as_bytes(), "structured")

    def addr_of(s, dom="nhs.net"):
        return f"{sh.S(s)} <{s.fore.lower()}.{re.sub('[^a-z]', '', s.sur.lower())}@{dom}>"

    ices_mail = f"ICES Orders <orders@meridian-ces.example>"

    def presc_form(p, with_access=True):
        a = p.hh["addr"]
        rows = [["Client name", name(p, "fullmid")], ["Date of birth", f_dmy(p.dob)],
                ["NHS number", nhs_fmt(p.nhs, 0)], ["Address", f"{a['line']}, {a['town']}"],
                ["Postcode", a["pc"]], ["Telephone", p.phone],
                ["Next of kin", f"{sh.Rn(p.nok)} ({p.nok.role})" if p.nok else "none recorded"],
                ["Diagnosis / condition", "; ".join(p.diag)],
                ["Equipment", "\n".join(f"{c} {d} x1" for c, d in p.items)],
                ["Priority", p.priority],
                ["Access arrangements", access_text(sh, p) if p.acc and with_access else
                 near_miss_for(sh, p, p.order_date)],
                ["Prescriber", sh.S(p.prescriber)], ["Role", p.prescriber.role.upper()],
                ["Date", f_dmy(p.order_date)]]
        sh.cover(p)
        return rows

    em = [p for p in people if chan[p.i] == "email_docx"]
    for p in em:
        pr = p.prescriber
        form = presc_form(p)
        doc = docx_bytes([("h", "Equipment Prescription Form"), ("p", f"{SVC}"),
                          ("table", form),
                          ("p", "Countersignature required for items over £500 (Band 6+).")],
                         footer=f"{ORG} - ICES form EP1 v7")
        urgent = "URGENT SAME DAY - " if "same day" in p.priority else ""
        body = (f"Hi,\n\nPlease find attached an order for {name(p, rng.choice(['title_init', 'title_sur', 'first']))}."
                f" {'Discharge tomorrow so needs to be in today please. ' if urgent else ''}"
                f"\n\n")
        if p.acc and rng.random() < 0.5:
            body += "Access info: " + access_text(sh, p) + "\n\n"
        if rng.random() < 0.3:
            body += f"I'm on the ward ({rng.choice(WARDS)}, door code {rng.randint(1000, 9999)}) " \
                    "if you need me.\n\n"
        body += f"Thanks\n{sh.S(pr)}\n{pr.role.upper()} - Wexmoor Community Therapy\n{sh.phone()}\n"
        fn = f"EP1_{p.sur.replace(' ', '').replace(chr(39), '')}_{p.fore[0]}.docx"
        mail(f"Mail/Orders/{f_iso(p.order_date)}_{urgent and 'URGENT_'}order_{p.order_ref}.eml",
             addr_of(pr), ices_mail, f"{urgent}Equipment order {p.order_ref}", p.order_date, body,
             [(fn, doc, "application",
               "vnd.openxmlformats-officedocument.wordprocessingml.document")])

    ep = [p for p in people if chan[p.i] == "email_pdf"]
    for p in ep:
        form = presc_form(p)
        lines = ["WEXMOOR ICES - EQUIPMENT PRESCRIPTION (EP1)", ""] + \
            [f"{k}: {v}".replace("\n", "; ") for k, v in form]
        mail(f"Mail/Orders/{f_iso(p.order_date)}_order_{p.order_ref}_pdf.eml",
             addr_of(p.prescriber), ices_mail, f"Order - {name(p, 'label')}", p.order_date,
             f"Order attached as PDF (scanned from our system).\n\n{sh.S(p.prescriber)}\n",
             [(f"EP1_{p.order_ref}.pdf", pdf_bytes(lines), "application", "pdf")])

    # countersignature query
    cs = choose([p for p in people if chan[p.i] in ("csv", "xlsx")], 1)
    for p in cs:
        body = (f"Hi {sh.S(p.prescriber, 'first')},\n\nYour order {p.order_ref} for "
                f"{name(p, 'title_full')} (DOB {f_long(p.dob)}) includes a riser recliner "
                f"which needs countersigning by a Band 7 before we can release it from the "
                f"warehouse. Can you ask your team lead?\n\nKind regards\n{sh.S(coords[0])}\n"
                f"ICES Coordinator\n")
        sh.cover(p)
        mail(f"Mail/Queries/countersign_{p.order_ref}.eml", ices_mail, addr_of(p.prescriber),
             f"Countersignature needed - {p.order_ref}", p.order_date + dt.timedelta(days=1), body)

    # urgent same-day plain e-mails (no NHS number)
    for p in choose([p for p in people if p.setting == "home" and "same day" in p.priority], 2):
        body = (f"Can we get a {p.items[0][1]} out today to {name(p, 'title_init')}, "
                f"{addr1(p)}? {rng.choice(['End of life, family struggling.', 'Fell last night, now bed-bound.', 'Going home from AMU at 2pm.'])}\n\n")
        if p.acc:
            body += access_text(sh, p) + "\n\n"
        else:
            body += near_miss_for(sh, p) + "\n\n"
        body += f"{sh.S(p.prescriber)}\n"
        mail(f"Mail/Orders/URGENT_{p.job}.eml", addr_of(p.prescriber), ices_mail,
             "URGENT same day delivery please", p.order_date, body)

    # route list attached to e-mail (XLSX)
    rt, hdr, rows, day, van, tech = sh.route_mail
    mail(f"Mail/Transport/route_{van.replace(' ', '')}_{f_iso(day)}.eml",
         addr_of(coords[1], "meridian-ces.example"), addr_of(tech, "meridian-ces.example"),
         f"Tomorrow's route {van}", day - dt.timedelta(days=1),
         f"{sh.S(tech, 'first')}, route for tomorrow attached. Two late adds at the bottom.\n"
         f"Warehouse gate code is {rng.randint(1000, 9999)} this week.\n\n{sh.S(coords[1], 'first')}\n",
         [(f"route_{f_iso(day)}.xlsx", xlsx_bytes([("Route", [[t] for t in rt] + [hdr] + rows)]),
           "application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")])

    # CSV attached: oxygen removal requests
    rem = [p for p in ox if p.setting in ("died", "moved")] + choose(ox, 1)
    rows = [["HOOF ref", "Patient", "Address", "Reason", "Contact"]]
    for p in rem:
        reason = "Deceased" if p.setting == "died" else ("Moved to care home" if p.setting == "moved"
                                                         else "Clinician stopped O2")
        rows.append([getattr(p, "hoof", ""), name(p, "title_full"), addr1(p), reason,
                     sh.Rn(p.nok) if p.nok else ""])
    mail("Mail/Oxygen/O2_removal_requests.eml", addr_of(st["resp_nurse"][0]),
         addr_of(st["oxygen_eng"][0], "meridian-ces.example"), "Removals this week",
         END - dt.timedelta(days=4), "Please arrange removals as per attached list.\n\n"
         f"{sh.S(st['resp_nurse'][0])}\nHome Oxygen Assessment Service\n",
         [("removals.csv", csv_bytes(rows), "text", "csv")])

    # complaint e-mail from a relative
    cp = choose([p for p in people if p.nok and p.setting == "home"], 2)
    for p in cp:
        body = (f"To whom it may concern,\n\nI am writing about my {p.nok.role == 'son' and 'mother' or 'relative'} "
                f"{name(p, 'full')}, date of birth {f_dmy(p.dob)}, at {addr1(p)}. The bed was "
                f"promised for {f_dmy(p.del_date)} and nobody came. Nobody rang. "
                f"{'Your driver then left the front door wide open when he finally came.' if rng.random() < 0.5 else ''}\n\n"
                f"{sh.Rn(p.nok)}\n{sh.phone()}\n")
        sh.cover(p)
        p.complaint = True
        mail(f"Mail/Complaints/complaint_{p.order_ref}.eml",
             f"{sh.Rn(p.nok)} <{p.nok.fore.lower()}{rng.randint(10, 99)}@mailbox.example>",
             "Complaints <complaints@meridian-ces.example>", "Complaint - missed delivery",
             p.del_date + dt.timedelta(days=2), body)

    # ================= LETTERS AND FORMS =================
    # standalone prescription forms (DOCX)
    for p in [p for p in people if chan[p.i] == "form_docx"]:
        form = presc_form(p)
        sp = rng.random() < 0.4
        blocks = [("h", "Special (non-stock) item request" if sp else "Equipment Prescription"),
                  ("table", form)]
        if sp:
            blocks.append(("p", f"Clinical justification: {name(p, 'first')} has "
                           f"{p.diag[0]} and cannot use the standard stock item. Has had two "
                           "falls transferring. Trialled in clinic. Reviewed with "
                           f"{sh.S(rng.choice(st['ot']))}."))
        sh.put(f"Orders/Forms/{'SPECIAL' if sp else 'EP1'}_{p.order_ref}.docx",
               docx_bytes(blocks), "letter")

    # HOOF forms (PDF)
    for p in ox[:max(3, n // 15)]:
        a = p.hh["addr"]
        rn = rng.choice(st["resp_nurse"])
        lines = ["HOME OXYGEN ORDER FORM (HOOF) - Part B", f"HOOF ref: {p.hoof}", "",
                 f"Patient surname: {p.sur.upper()}", f"Forename(s): {' '.join([p.fore] + p.mid)}",
                 f"Date of birth: {f_dmy(p.dob)}", f"NHS number: {nhs_fmt(p.nhs)}",
                 f"Address: {a['line']}, {a['town']}", f"Postcode: {a['pc']}",
                 f"Tel: {p.phone}", "",
                 f"Clinical: {'; '.join(p.diag)}", f"Flow rate: {rng.choice([1, 2, 3])} l/min, "
                 f"{rng.choice([15, 16, 24])} hrs/day", f"Smoker in household: {'YES' if p.smoker else 'No'}",
                 f"Consent to share with fire service: {'Yes' if p.smoker else 'N/A'}", "",
                 f"Clinician: {sh.S(rn)}, Home Oxygen Assessment Service", f"GP: {sh.S(p.gp, 'title')}",
                 "", "Delivery / access information:"]
        if p.acc and rng.random() < 0.6:
            lines.append(access_text(sh, p))
        else:
            lines.append(near_miss_for(sh, p, p.order_date))
        sh.cover(p)
        sh.put(f"Oxygen/HOOF/HOOF_{p.hoof}.pdf", pdf_bytes(lines), "letter")

    # oxygen risk assessments (smokers and a couple of others)
    for p in ([q for q in ox if q.smoker] + choose([q for q in ox if not q.smoker], 1))[:max(2, n // 40)]:
        fire = st["fire"][0]
        blocks = [("h", "Home Oxygen Risk Mitigation - Initial Home Risk Assessment"),
                  ("table", [["Patient", name(p, "title_full")], ["DOB", f_long(p.dob)],
                             ["HOOF ref", getattr(p, "hoof", "")],
                             ["Address", addr1(p)],
                             ["Smoking", "Current smoker (10/day), e-cig also" if p.smoker else "Never"],
                             ["Other risks", rng.choice(["Gas fire in lounge", "Lives alone",
                                                         "Candles", "Hoarding in hallway"])],
                             ["Fire service referral", f"Yes - {sh.S(fire)}, Home Fire Safety, "
                                                       "Wexmoor Fire & Rescue" if p.smoker else "No"]]),
                  ("p", f"Assessed by {sh.S(rng.choice(st['resp_nurse']))} with "
                   f"{sh.S(rng.choice(st['oxygen_eng']))} present.")]
        if p.acc and rng.random() < 0.5:
            blocks.append(("p", "Access for engineer visits: " + access_text(sh, p)))
        sh.cover(p)
        sh.put(f"Oxygen/RiskAssessments/IHRA_{p.sur.replace(chr(39), '').replace(' ', '')}_{p.hoof}.docx",
               docx_bytes(blocks), "letter")

    # wheelchair clinic letters (DOCX and PDF) and voucher letters (RTF)
    wct = st["wheelchair"]
    for k, p in enumerate(wc[:max(4, n // 12)]):
        th = wct[k % len(wct)]
        a = p.hh["addr"]
        if k % 3 == 2:
            amount = rng.choice([350, 480, 620, 790, 1150])
            paras = [f"{ORG} - Wexmoor Wheelchair & Posture Service", f"{f_long(p.del_date)}", "",
                     (f"Parent/carer of {name(p, 'full')}" if p.age == "child" else name(p, "title_full")),
                     a["line"], a["town"], a["pc"], "",
                     f"Our ref: {p.wc_ref}", f"Date of birth: {f_dmy(p.dob)}", "",
                     f"Dear {name(p, 'title_sur') if p.age != 'child' else sh.Rn(p.nok, 'title')},",
                     f"Personal Wheelchair Budget - notional voucher of £{amount}",
                     "Following your assessment we can offer a personal wheelchair budget "
                     "towards a chair of your choice from an approved supplier. Please take this "
                     "letter with you.", "", "Yours sincerely", sh.S(th),
                     "Wheelchair Therapist"]
            sh.cover(p)
            sh.put(f"Wheelchairs/Letters/voucher_{p.wc_ref.replace('/', '-')}.rtf",
                   rtf_bytes(paras), "letter")
            continue
        body = [f"Re: {name(p, 'fullmid')}   DOB: {f_long(p.dob)}   NHS No: {nhs_fmt(p.nhs)}",
                f"{a['line']}, {a['town']} {a['pc']}", "",
                f"Dear {sh.S(p.gp, 'title')},",
                f"I saw {name(p, 'first')} in the wheelchair clinic at Brannock Community Hospital "
                f"{'with ' + p.nok.role + ' ' + sh.Rn(p.nok) if p.nok else ''}. "
                f"Diagnoses: {'; '.join(p.diag)}.",
                f"Posture: {rng.choice(['pelvic obliquity, fixed', 'kyphosis, flexible', 'windswept hips', 'good sitting balance'])}. "
                f"Pressure: {rng.choice(['Waterlow 18, grade 2 sacral', 'skin intact', 'history of ischial ulcer'])}.",
                f"Plan: {rng.choice(['tilt-in-space chair with pressure cushion', 'lightweight self-propel chair', 'powered chair trial', 'modular seating'])}. "
                f"Rehab engineer {sh.S(st['rehab_eng'][0])} to fit.",
                "", "Yours sincerely", sh.S(th), "Clinical Lead Wheelchair Therapist",
                f"cc: {name(p, 'title_full')}; {sh.S(p.prescriber)}"]
        if p.prev_sur:
            body.insert(1, f"(Previously known as {p.fore} {p.prev_sur})")
        sh.cover(p)
        if k % 3 == 0:
            sh.put(f"Wheelchairs/Letters/clinic_letter_{p.wc_ref.replace('/', '-')}.docx",
                   docx_bytes([("p", x) for x in body], header="Wexmoor Wheelchair & Posture Service"),
                   "letter")
        else:
            sh.put(f"Wheelchairs/Letters/clinic_letter_{p.wc_ref.replace('/', '-')}.pdf",
                   pdf_bytes(["Wexmoor Wheelchair & Posture Service", ""] + body), "letter")

    # complaint replies
    for k, p in enumerate(cp):
        paras = [f"{sh.Rn(p.nok, 'title')}", "By email", "", f"{f_long(p.del_date + dt.timedelta(days=12))}",
                 f"Dear {p.nok.title} {p.nok.sur},",
                 f"Re: {name(p, 'title_full')} - order {p.order_ref}",
                 "Thank you for your e-mail. I am sorry the delivery was missed. Our records show "
                 f"the job was rescheduled after a van breakdown and the call to you was not made. "
                 f"{sh.S(rng.choice(techs))} has been spoken to about the door being left open.",
                 "We have reviewed how we confirm deliveries with families.", "",
                 "Yours sincerely", sh.S(st["complaints"][0]), "Customer Relations Manager"]
        if k % 2:
            sh.put(f"HeadOffice/Complaints/reply_{p.order_ref}.rtf", rtf_bytes(paras), "letter")
        else:
            sh.put(f"HeadOffice/Complaints/reply_{p.order_ref}.docx",
                   docx_bytes([("p", x) for x in paras]), "letter")

    # subject access request reply
    sar = rng.choice([p for p in people if p.setting == "home" and p.age == "old"])
    items = [["Record", "Held by", "Date"], ["Equipment prescription EP1", "ICES orders", f_dmy(sar.order_date)],
             ["Delivery job sheet", "Technicians", f_dmy(sar.del_date)],
             ["Call log entries", "Customer services", "various"]]
    blocks = [("p", name(sar, "title_full")), ("p", addr1(sar)), ("p", ""),
              ("p", f"Dear {name(sar, 'title_sur')},"),
              ("p", f"Subject access request - {name(sar, 'fullmid')}, date of birth "
               f"{f_long(sar.dob)}, NHS number {nhs_fmt(sar.nhs)}"),
              ("p", "We received your request on " + f_long(END - dt.timedelta(days=25)) +
               ". We hold the following records about you:"), ("table", items),
              ("p", "Copies are enclosed. Some information about third parties (staff home "
               "phone numbers) has been removed."),
              ("p", f"Yours sincerely\n{sh.S(st['complaints'][0])}\nData Protection Officer")]
    if sar.acc:
        blocks.insert(6, ("p", "Your job sheet records the access note: " + access_text(sh, sar)))
    sh.cover(sar)
    sh.put(f"HeadOffice/SAR/SAR_response_{sar.client_id}.docx", docx_bytes(blocks), "letter")

    # failed-delivery card letters (RTF)
    fd = choose([p for p in people if p.setting == "home" and not p.acc], 3)
    for p in fd:
        paras = [f"{name(p, 'label')}", addr1(p), "",
                 f"Sorry we missed you on {f_long(p.del_date)}.",
                 f"We called to deliver: {items_txt(p)} (job {p.job}).",
                 "There was no answer and no key safe or other way in, so we could not leave the "
                 "equipment. Please ring 0300 555 0188 to rebook.", "",
                 f"Technician: {sh.S(rng.choice(techs), 'first')}"]
        sh.put(f"Transport/FailedDelivery/card_{p.job}.rtf", rtf_bytes(paras), "letter")

    # condolence + collection letters
    for p in choose([p for p in people if p.setting == "died" and p.nok], 3):
        paras = [sh.Rn(p.nok, "title"), addr1(p), "",
                 f"Dear {p.nok.title} {p.nok.sur},",
                 f"Re: the late {name(p, 'title_full')}",
                 "We were sorry to hear of your loss. When you are ready, we can collect the "
                 f"equipment on loan ({items_txt(p)}). Please call us; there is no charge.",
                 "", "With sympathy", sh.S(rng.choice(coords)), "ICES Coordinator"]
        sh.put(f"Transport/Collections/letter_collection_{p.client_id}.docx",
               docx_bytes([("p", x) for x in paras]), "letter")

    # FSN letters to clients (PDF)
    for p in choose([q for q in rec if q.setting == "home"], 2):
        lines = [f"{ORG}", f"{f_long(END - dt.timedelta(days=20))}", "",
                 name(p, "title_full"), addr1(p), "", "URGENT FIELD SAFETY NOTICE FSN-2026-014",
                 f"Dear {name(p, 'title_sur')},",
                 "The profiling bed on loan to you (Axiom 4) needs a modification to its lifting "
                 "actuator. A technician will call to book a visit. Please keep using the bed but "
                 "do not raise it above half height.", "", "Yours sincerely", sh.S(st["manager"][0]),
                 "Contract Manager"]
        sh.put(f"HeadOffice/Recalls/FSN_letter_{p.client_id}.pdf", pdf_bytes(lines), "letter")

    # delivery / handover forms signed on site (PDF)
    for day, van, tech, grp in sh.routes[:4]:
        p = rng.choice(grp)
        lines = ["DELIVERY & HANDOVER NOTE", f"Job: {p.job}   Order: {p.order_ref}",
                 f"Client: {name(p, 'title_init')}   Asset: {p.asset}",
                 f"Items: {items_txt(p)}", f"Demonstrated to: "
                 f"{sh.Rn(p.nok) + ' (' + p.nok.role + ')' if p.nok else 'client'}",
                 "Checks: brakes, cot sides, handset lockout explained.",
                 f"Technician: {sh.S(tech)}   Date: {f_dmy(day)}"]
        sh.put(f"Transport/Handover/handover_{p.job}.pdf", pdf_bytes(lines), "letter")

    # ================= FREE TEXT =================
    # technicians' job sheets for each route day
    for day, van, tech, grp in sh.routes:
        out = [f"JOB SHEET NOTES  {van}  {day.strftime('%A')} {f_dmy(day)}",
               f"Tech: {sh.S(tech, rng.choice(['full', 'init']))}", "-" * 40]
        for p in choose(grp, max(4, len(grp) * 2 // 3)):
            form = rng.choice(["title_full", "title_sur", "label", "lower", "title_init"])
            out.append(f"{p.job}  {name(p, form)}  {addr1(p)}")
            did = rng.choice(["Delivered and fitted", "Fitted", "Built and demo'd"] +
                             (["Delivered, left boxed (family to fit chair raisers)"]
                              if any(c == "CHR01" for c, _ in p.items) else []))
            out.append(f"{did}: {items_txt(p)}. Asset {p.asset}.")
            present = []
            if p.nok and rng.random() < 0.6:
                present.append(f"{p.nok.role} {sh.Rn(p.nok)}")
            if rng.random() < 0.3:
                present.append(f"OT {sh.S(rng.choice(st['ot']))}")
            hh_o = household_of(sh, p)
            if hh_o and rng.random() < 0.6:
                present.append(f"{name(hh_o[0], 'first')} (also on our books)")
            if present:
                out.append("Present: " + ", ".join(present) + ".")
            if p.acc and rng.random() < 0.75:
                out.append(access_text(sh, p))
            elif rng.random() < 0.5:
                out.append(near_miss_for(sh, p, p.del_date))
            out.append("Risk: " + rng.choice(["none noted", "dog (friendly)", "smoker in house",
                                              "O2 in use - no smoking sign up", "steep steps at front",
                                              "cluttered hallway, moved rug", "son can be verbally aggressive"]))
            out.append("")
        sh.put(f"Technicians/JobSheets/{f_iso(day)}_{van.replace(' ', '')}_{tech.sur.replace(chr(39), '')}.txt",
               "\n".join(out) + "\n", "text")

    # collection rounds & LOLER rounds (technician notes)
    for k in range(2):
        grp = choose(coll, 5)
        tech = techs[(k + 3) % len(techs)]
        out = [f"collections round {k + 1} - {sh.S(tech, 'first').lower()} - van {k + 4}", ""]
        for p in grp:
            out.append(f"* {name(p, rng.choice(['lower', 'label', 'title_sur']))} ({p.asset})")
            if p.setting in ("died", "moved"):
                out.append("  " + near_miss_for(sh, p))
            elif p.acc and rng.random() < 0.6:
                out.append("  " + access_text(sh, p))
            else:
                out.append("  no access first attempt, card left, no key safe")
            out.append("  " + rng.choice(["bed stripped and bagged for decon", "hoist collected, sling "
                                          "left - not ours", "collected, signed by family",
                                          "commode collected"]))
        sh.put(f"Technicians/JobSheets/collections_round_{k + 1}.txt", "\n".join(out) + "\n", "text")
    for k in range(2):
        grp = choose(hoist_people, 5)
        tech = techs[(k + 5) % len(techs)]
        out = [f"LOLER inspections - {sh.S(tech)} - {f_dmy(END - dt.timedelta(days=10 + k))}", ""]
        for p in grp:
            out.append(f"{p.asset} hoist at {name(p, 'title_init')}'s ({addr1(p).split(',')[0]}): "
                       f"{rng.choice(['pass', 'pass', 'FAIL - spreader bar worn, quarantined', 'pass, sling date expired - replaced'])}")
            if p.acc and rng.random() < 0.5:
                out.append("   got in: " + access_text(sh, p, "terse"))
            elif p.setting == "carehome":
                out.append("   " + near_miss_for(sh, p))
        sh.put(f"Technicians/LOLER/loler_round_{k + 1}.txt", "\n".join(out) + "\n", "text")

    # repair/breakdown call logs
    for k in range(3):
        out = []
        d0 = START + dt.timedelta(days=25 * k + 3)
        for j in range(max(6, n // 14)):
            t = dt.datetime.combine(d0 + dt.timedelta(days=j // 3), dt.time(8 + j % 9, (j * 13) % 60))
            p = rng.choice([q for q in people if q.del_date <= t.date() and not (
                q.setting == "died" and q.dod <= t.date())] or people)
            who = rng.choice(["client", f"{p.nok.role} {sh.Rn(p.nok, 'first')}" if p.nok else "client",
                              "carer from agency"])
            fault = rng.choice(["bed won't go down", "mattress alarm beeping",
                                "hoist battery not charging", "stairlift stuck half way",
                                "riser chair stuck in recline", "pump error E2 on mattress"])
            ref = rng.choice([f"asset {p.asset}", f"job {p.job}", name(p, "title_sur") + " " + p.hh["addr"]["pc"]])
            line = f"[{t:%Y-%m-%d %H:%M}] {sh.S(rng.choice(coords), 'first').upper()}: call from {who} re {ref} - {fault}."
            if p.acc and rng.random() < 0.35:
                line += " Engineer to attend, " + access_text(sh, p, "terse") + "."
            elif rng.random() < 0.3:
                line += " " + near_miss_for(sh, p, t.date())
            else:
                line += rng.choice([" Talked through reset, resolved.", " Engineer booked next day.",
                                    " Told to ring 999 if pt trapped.", " Logged for callback."])
            out.append(line)
        sh.put(f"CustomerServices/CallLogs/calls_{f_iso(d0)}.log", "\n".join(out) + "\n", "text")

    # wheelchair assessment notes
    for p in choose(wc, max(3, n // 20)):
        th = rng.choice(wct)
        out = [f"WHEELCHAIR ASSESSMENT - {name(p, 'sur_comma')}   DOB {f_mon(p.dob)}   {p.wc_ref}",
               f"Assessor: {sh.S(th)}   Date: {f_dmy(p.del_date)}", "",
               f"Dx: {'; '.join(p.diag)}.",
               f"Seen at {'home' if p.setting == 'home' else p.care_home[0] if p.setting != 'died' else 'home'}"
               f"{' with ' + p.nok.role + ' ' + sh.Rn(p.nok) if p.nok else ''}.",
               f"Sitting: {rng.choice(['posterior pelvic tilt', 'leans to L', 'needs lateral supports', 'independent sitting balance'])}. "
               f"Hip-knee {rng.choice(['90/90', '80/100'])}. Seat width {rng.randint(34, 50)} cm.",
               f"Skin: {rng.choice(['intact', 'grade 2 sacral, DN dressing', 'redness L ischium'])}. "
               f"Transfers: {rng.choice(['hoist x2', 'stand aid', 'independent with board'])}.",
               f"Plan: {rng.choice(['order tilt-in-space', 'voucher offered', 'repair existing', 'refer to rehab engineer'])}."]
        if p.prev_sur:
            out.insert(1, f"(old records under {p.prev_sur.upper()}, {p.fore})")
        if p.acc and rng.random() < 0.5:
            out.append("For the home visit: " + access_text(sh, p))
        sh.cover(p)
        sh.put(f"Wheelchairs/Assessments/assess_{p.wc_ref.replace('/', '-')}.txt", "\n".join(out) + "\n", "text")

    # incident reports
    inc = []
    fallen = rng.choice([p for p in people if p.acc and "code" in p.acc["kinds"]] or
                        [p for p in people if p.setting == "home"])
    tech = rng.choice(techs)
    txt = [f"INCIDENT REPORT  IR-{rng.randint(1000, 9999)}", f"Reported by: {sh.S(tech)} (technician)",
           f"Date: {f_dmy(fallen.del_date + dt.timedelta(days=14))}", "",
           f"Attended {name(fallen, 'title_full')}, {addr1(fallen)} for a service visit. No answer.",
           (f"Let myself in as per job notes ({access_text(sh, fallen, 'terse')}) and found "
            if fallen.acc else "Neighbour let me in and I found ") +
           f"{name(fallen, 'title_sur')} on the floor by the bed, conscious, said {'she' if fallen.sex == 'F' else 'he'} had been "
           "there since the night before. Rang 999, stayed until the ambulance came. Informed "
           f"{fallen.nok.role + ' ' + sh.Rn(fallen.nok) if fallen.nok else 'GP'} and coordinator "
           f"{sh.S(coords[2])}.", "", "Action: safeguarding alert raised with Adult Social Care."]
    inc.append(("IR_found_on_floor", txt))
    same = [p for p in people if hasattr(p, "same_name")]
    if same:
        a = same[0]
        b = a.same_name
        txt = [f"INCIDENT - wrong address delivery", f"Reported by {sh.S(coords[0])}", "",
               f"Bed for {name(a, 'full')} (DOB {f_dmy(a.dob)}, {addr1(a)}) was delivered to "
               f"{name(b, 'full')} (DOB {f_dmy(b.dob)}) at {addr1(b)} - same name on the system, "
               f"technician picked the wrong record. Collected same day. No harm. Both clients "
               f"informed. Duty of candour letter to {name(a, 'title_sur')}.",
               "Lesson: always check DOB and postcode on the route list."]
        sh.cover(a)
        sh.cover(b)
        inc.append(("IR_wrong_address", txt))
    p = rng.choice(people)
    txt = [f"Incident - lost equipment", f"Asset {p.asset} ({p.items[0][1]}) not found at collection from "
           f"{addr1(p).split(',')[0]}. Family say it was taken by previous carers. Written off. "
           f"Van {rng.randint(1, 6)} lock box and key cabinet {rng.randint(1000, 9999)} checked - "
           "not in stores.", f"Logged by {sh.S(rng.choice(st['warehouse']))}"]
    inc.append(("IR_lost_asset", txt))
    p = rng.choice([q for q in people if q.setting == "home"])
    txt = ["Incident - dog bite", f"{sh.S(rng.choice(techs))} bitten on the hand by the dog at "
           f"{name(p, 'title_init')}'s. Job {p.job}. First aid, tetanus ok. Flag added: DOG - "
           "ask family to shut it away before visits.", near_miss_for(sh, p)]
    inc.append(("IR_dog_bite", txt))
    for nm_, txt in inc:
        sh.put(f"HeadOffice/Incidents/{nm_}.txt", "\n".join(txt) + "\n", "text")

    # no-access logs
    for k in range(2):
        out = [f"NO ACCESS / FAILED DELIVERY LOG - {MONTH[9 + k]} 2026", ""]
        for p in choose([q for q in people if q.setting == "home"], max(5, n // 20)):
            if p.acc and rng.random() < 0.3:
                line = (f"{p.job} {name(p, 'label')} - no answer, tried key safe as noted on order but "
                        f"failed; 2nd visit OK. " + access_text(sh, p, "terse"))
            else:
                line = f"{p.job} {name(p, 'label')} - " + rng.choice([
                    "no answer, no key safe, card left.", "client in hospital, nobody told us.",
                    "wrong day given to family, rebooked.", "no parking, couldn't get near.",
                    "nobody home, no way in, rang NOK no reply."])
            out.append(line)
        sh.put(f"Transport/FailedDelivery/no_access_log_{MON[9 + k]}.txt", "\n".join(out) + "\n", "text")

    # coordinators' desk notes
    for k in range(3):
        c = coords[k % len(coords)]
        out = [f"Desk notes - {sh.S(c)} - week {k + 1}", ""]
        for p in choose(people, max(5, n // 18)):
            s = f"- {name(p, rng.choice(['title_full', 'title_sur', 'full', 'lower']))}: "
            s += rng.choice([f"{sh.S(p.prescriber)} rang chasing {p.order_ref}. ",
                             f"OT {sh.S(rng.choice(st['ot']))} wants bed moved downstairs. ",
                             f"{p.nok.role + ' ' + sh.Rn(p.nok) if p.nok else 'Client'} rang to rebook. ",
                             "Special item approved by panel. "])
            if p.acc and rng.random() < 0.4:
                s += access_text(sh, p)
            elif rng.random() < 0.4:
                s += near_miss_for(sh, p)
            out.append(s)
        sh.put(f"CustomerServices/Coordinators/desk_notes_wk{k + 1}.txt", "\n".join(out) + "\n", "text")

    # oxygen engineer notes
    eng = st["oxygen_eng"]
    for k in range(0, min(len(ox), 9), 3):
        grp = ox[k:k + 3]
        e = eng[(k // 3) % len(eng)]
        out = [f"O2 engineer visits - {sh.S(e, 'init')}", ""]
        for p in grp:
            out.append(f"{name(p, rng.choice(['title_full', 'upper', 'title_init']))} {p.hh['addr']['pc']} - "
                       f"{rng.choice(['install concentrator', 'cylinder swap', '6-monthly service', 'removal'])}.")
            if p.smoker:
                out.append("  Smoking in lounge again. Warned. Fire service already referred.")
            if p.acc and rng.random() < 0.5:
                out.append("  " + access_text(sh, p))
            elif p.setting in ("died", "moved", "carehome"):
                out.append("  " + near_miss_for(sh, p))
        sh.put(f"Oxygen/EngineerNotes/o2_visits_{k // 3 + 1}.txt", "\n".join(out) + "\n", "text")

    # stairlift service notes
    for k in range(2):
        grp = choose(sl, 3)
        out = [f"Stairlift / TFL service visits - {sh.S(techs[k])}", ""]
        for p in grp:
            out.append(f"{name(p, 'title_init')} ({addr1(p).split(',')[0]}): service done, "
                       f"{rng.choice(['new batteries', 'track cleaned', 'swivel seat adjusted', 'call station faulty - part ordered'])}.")
            if p.acc and rng.random() < 0.5:
                out.append(access_text(sh, p))
        sh.put(f"Technicians/Stairlifts/service_notes_{k + 1}.txt", "\n".join(out) + "\n", "text")

    # warehouse / decon notes (near misses only)
    wh = st["warehouse"]
    for k in range(2):
        out = [f"Decon unit log - {sh.S(wh[k % len(wh)])}", "",
               f"Returned: {', '.join(rng.choice(people).asset for _ in range(6))}.",
               f"Quarantine cage key in key cabinet, cabinet code {rng.randint(1000, 9999)}.",
               f"Gate code for weekend deliveries {rng.randint(1000, 9999)}#.",
               "Mattress covers failed inspection x3 - scrapped.",
               f"Alarm code for the unit changed after {sh.S(wh[(k + 1) % len(wh)], 'first')} left.",
               "Van 2 lock box code stays the same."]
        sh.put(f"Warehouse/decon_log_{k + 1}.txt", "\n".join(out) + "\n", "text")

    # team handover notes (markdown)
    for k in range(2):
        out = [f"# Team huddle {f_dmy(END - dt.timedelta(days=7 * (k + 1)))}", "",
               f"Present: {', '.join(sh.S(s) for s in coords[:3])}, {sh.S(techs[k])}", ""]
        for p in choose(people, max(5, n // 24)):
            out.append(f"- **{name(p, 'title_sur')}** ({p.hh['addr']['pc']}): "
                       + rng.choice(["complaint ongoing", "needs bariatric bed", "palliative - fast track",
                                     "safeguarding concern raised", "OT to reassess"]) + ". "
                       + (access_text(sh, p) if p.acc and rng.random() < 0.3 else ""))
        sh.put(f"CustomerServices/huddle_{k + 1}.md", "\n".join(out) + "\n", "text")

    # discharge team notes
    hosp = [p for p in people if chan[p.i] in ("hl7", "fhir")]
    for k in range(2):
        dn = st["discharge"][k % len(st["discharge"])]
        out = [f"Discharge hub notes - {sh.S(dn)} - {HOSP[k]}", ""]
        for p in choose(hosp, 4):
            out.append(f"{name(p, rng.choice(['sur_comma', 'full']))} {f_dmy(p.dob) if rng.random() < 0.5 else ''} "
                       f"- equipment order sent to ICES, {p.priority.lower()}.")
            if p.acc and rng.random() < 0.5:
                out.append("  Home: " + access_text(sh, p))
            else:
                out.append(f"  {rng.choice(WARDS)} door {rng.randint(1000, 9999)} for equipment drop-offs.")
        sh.put(f"Referrals/DischargeHub/hub_notes_{k + 1}.txt", "\n".join(out) + "\n", "text")

    # data-quality extract: anyone not yet identifiable anywhere gets a name + DOB record
    miss = [p for p in people if p.i not in sh.covered]
    rows = [["Client ID", "Surname", "Forename(s)", "Date of birth", "NHS number", "Query"]]
    for p in miss:
        rows.append([p.client_id, p.sur, " ".join([p.fore] + p.mid), f_long(p.dob),
                     nhs_fmt(p.nhs, 2), rng.choice(["NHS number missing on order", "Address mismatch with PDS",
                                                    "Duplicate record?", "GP not recorded"])])
        sh.cover(p)
    for p in choose([q for q in people if not q.nhs], 3):
        if p not in miss:
            rows.append([p.client_id, p.sur, p.fore, f_long(p.dob), "", "NHS number missing on order"])
    sh.put("HeadOffice/Contract/data_quality_queries.xlsx", xlsx_bytes([("Queries", rows)]), "structured")


def xe(s):
    return (str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


# ---------------------------------------------------------------- truth
def truth(sh):
    out = []
    for p in sh.people:
        kinds = sorted(sh.written.get(p.i, set()))
        vals = sh.written_val.get(p.i, {})
        ks = ""
        for k in ("code", "hidden_key", "key_holder", "left_open"):
            if k in vals:
                ks = vals[k]
                break
        d = {"forename": p.fore, "surname": p.sur, "dob": f_dmy(p.dob), "nhs_number": p.nhs,
             "keysafe_code": ks, "access_kind": kinds, "special_category": True}
        if p.mid:
            d["middle_names"] = " ".join(p.mid)
        out.append(d)
    pnames = {(p.fore + " " + p.sur) for p in sh.people}
    staff = sorted(k for k in sh.staff_used if k not in pnames)
    related = sorted(k for k in sh.rel_used if k not in pnames and k not in sh.staff_used)
    return {"people": out, "staff": staff, "related": related}


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    share, tpath = argv[1], argv[2]
    n = int(argv[3]) if len(argv) > 3 else 120
    seed = int(argv[4]) if len(argv) > 4 else 1
    sh = Share(share, n, seed)
    build(sh)
    gen(sh)
    assert all(p.i in sh.covered for p in sh.people)
    t = truth(sh)
    os.makedirs(os.path.dirname(os.path.abspath(tpath)), exist_ok=True)
    with open(tpath, "w") as f:
        json.dump(t, f, indent=1)
    kinds = {}
    for rel, k in sh.files:
        kinds[k] = kinds.get(k, 0) + 1
    ext = {}
    for rel, k in sh.files:
        e = rel.rsplit(".", 1)[-1]
        ext[e] = ext.get(e, 0) + 1
    ha = sum(1 for p in t["people"] if p["keysafe_code"])
    print(f"{len(sh.files)} files {kinds} {dict(sorted(ext.items()))}; people {len(t['people'])}, "
          f"home access {ha}, staff {len(t['staff'])}, related {len(t['related'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
