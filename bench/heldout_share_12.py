#!/usr/bin/env python3
"""Held-out breach share 12: a rural Welsh health board's community services and partners.

    python heldout_share_12.py SHARE TRUTH.json [PEOPLE=120] [SEED=1]

Writes an invented county's (Sir Ddyfnant) community-services export folder: district
nursing diaries and caseloads, palliative and night-sitting handovers, out-of-hours GP home
visits, a dispensing practice's delivery rounds, a community pharmacy, community OT, a Care &
Repair agency and its contractors, a telecare / falls-response service, a Welsh-medium day
centre and a sheltered-housing scheme. Everything is invented. Standard library plus
python-docx and openpyxl. Deterministic from SEED (content; container timestamps fixed too).

Truth (outside the share): {"people": [...], "staff": [...], "related": [...]}. Every value of
truth is derived from what was actually written: identification, NHS numbers and home access
are tracked as each record is produced.
"""
import csv
import datetime as dt
import io
import json
import os
import random
import sys
import zipfile
from email.message import EmailMessage
from email.utils import format_datetime

import docx
import openpyxl
from docx.shared import Pt

FIXED = dt.datetime(2025, 11, 14, 9, 0, 0)
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
CY_MONTHS = ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst",
             "Medi", "Hydref", "Tachwedd", "Rhagfyr"]

# ----------------------------------------------------------------------------- name stock
MALE = ["Dafydd", "Emrys", "Gwilym", "Idris", "Islwyn", "Meirion", "Arwel", "Huw", "Gethin",
        "Ieuan", "Aled", "Hywel", "Elfed", "Berwyn", "Derwyn", "Gwynfor", "Alun", "Bryn", "Llŷr",
        "Iorwerth", "Tomos", "Rhys", "Glyn", "Elwyn", "Trefor", "Ifor", "Geraint", "Eifion",
        "Dilwyn", "John", "William", "Thomas", "Robert", "David", "Evan", "Owen", "Griffith",
        "Iolo", "Cledwyn", "Emlyn", "Goronwy", "Caradog"]
FEMALE = ["Siân", "Mair", "Gwenllian", "Ffion", "Olwen", "Glenys", "Megan", "Beti", "Menna",
          "Bethan", "Catrin", "Eluned", "Gwladys", "Myfanwy", "Morfudd", "Angharad", "Lowri",
          "Dilys", "Eirlys", "Nia", "Eurwen", "Heledd", "Gwawr", "Elen", "Rhiannon", "Nerys",
          "Margaret", "Mary", "Ann", "Elizabeth", "Gwyneth", "Enid", "Ceinwen", "Marian", "Non",
          "Blodwen", "Gwenda", "Annwen", "Llinos", "Mattie"]
INC_M = ["Derek", "Colin", "Roger", "Keith", "Malcolm", "Graham"]
INC_F = ["Patricia", "Pauline", "Sheila", "Brenda", "Valerie", "Jean"]
INC_S = ["Fairweather", "Hollis", "Whitaker", "Bradshaw", "Sutton", "O'Neill", "Kettleborough",
         "Ashworth"]
MID_M = ["Rhys", "Wyn", "Glyn", "Lloyd", "Emrys", "Tudor", "Owen", "Dafydd"]
MID_F = ["Wyn", "Eluned", "Mai", "Haf", "Angharad", "Ann", "Medi", "Elin"]
SURN = [("Jones", 14), ("Davies", 10), ("Evans", 9), ("Williams", 9), ("Thomas", 8),
        ("Roberts", 7), ("Hughes", 7), ("Lewis", 6), ("Morgan", 3), ("Griffiths", 3),
        ("Owen", 3), ("Pugh", 2), ("Lloyd", 2), ("Price", 2), ("Rees", 2), ("Jenkins", 2),
        ("Parry", 2), ("Pritchard", 2), ("Bowen", 2), ("Vaughan", 1), ("Powell", 1),
        ("Rowlands", 2), ("Ellis", 2), ("Edwards", 2), ("Humphreys", 1), ("Lloyd-Jones", 1),
        ("Wynne-Evans", 1), ("Pryce-Williams", 1), ("ap Dafydd", 1), ("ap Rhys", 1),
        ("Llewelyn", 1), ("Bevan", 1)]
HOUSES = ["Bryn Awel", "Tŷ Gwyn", "Maes-y-Coed", "The Old Forge", "Pen-y-Bryn", "Llys Meirion",
          "Hafod Wen", "Cefn Isaf", "Glan-yr-Afon", "Tŷ Capel", "Gwern Ddu", "Bron Haul",
          "Awelfa", "Rhoslan", "Y Bwthyn", "Cartref", "Noddfa", "Penrhiw", "Ffynnon Wen",
          "Ty'n Rhos", "Blaen-cwm", "Erw Fach", "Hafan Elen", "Llys Gwilym", "Ty Dafydd",
          "Bryn Morgan", "Rose Cottage", "Swn-y-Nant", "Gorwel", "Min-y-Ddôl", "Tŷ Nant",
          "Pant-y-Ffynnon", "Dolau", "Waun Fawr", "Cwm Isaf", "Tan-y-Graig", "Brynhyfryd",
          "Bodlondeb", "Glasfryn", "Tyddyn Bach", "Llwyn Onn", "Cae Mawr", "Hendre Ifan",
          "Pen-lan", "Gelli Goch", "Ael-y-Bryn", "Bryn Siriol", "Y Garn", "Tŷ Isaf",
          "Trem-y-Mynydd", "Bythynnod Nant", "Ystrad Fach", "Graig Wen", "Lluest", "Henblas",
          "Fron Deg", "Pen-y-Cae", "Glan Ceri", "Tŷ'r Ysgol", "Old School House",
          "The Old Chapel House", "Derwen", "Meillionen", "Gwynfa", "Arosfa", "Tegfan",
          "Frondeg Farm", "Cilgwyn", "Blaenau Uchaf", "Gilfach", "Nantlle Cottage",
          "Hafod-y-Llan", "Coed Mawr", "Bryn Eithin", "Cwrt Mawr", "Maesteg House",
          "Glanrafon Isaf", "Penbryn Farm", "Wern Goch", "Llain", "Pant Glas", "Y Felin",
          "Tŷ Newydd", "Lôn Goed", "Ffordd Fawr Cottage", "Pencraig", "Plas Bach",
          "Dôl-y-Gaseg", "Cefn Hir", "Bryn Ifan", "Glenys Cottage", "Megan's Cottage",
          "Nyth Clyd", "Crud yr Awel", "Trefgarn"]
VILLAGES = [("Llanhedydd", "LD9 4"), ("Cwmcerdin", "LD9 6"), ("Pont-y-Gwyddel", "LD9 3"),
            ("Bryncelyn Uchaf", "LD9 7"), ("Llanwenog Fach", "LD9 5"),
            ("Rhos-y-Garth", "LD9 8"), ("Capel Dewi Fach", "LD9 2"), ("Tregarnedd", "LD9 9")]
SCHEME = "Llys Hedd"
SCHEME_ADDR = "Heol y Capel, Llanhedydd"
SCHEME_PC = "LD9 4HD"
COUNTY = "Sir Ddyfnant"
BOARD = "Bwrdd Iechyd Dyfnant / Dyfnant Health Board"

# ----------------------------------------------------------------------------- staff
STAFF_DEF = [
    # key, forename, surname, role, org, title
    ("carys", "Carys", "Jones", "District Nurse Team Leader", "DN Llanhedydd", ""),
    ("sioned", "Sioned", "Hughes", "District Nurse", "DN Llanhedydd", ""),
    ("gareth", "Gareth", "Lewis", "Community Staff Nurse", "DN Llanhedydd", ""),
    ("elin", "Elin Mai", "Thomas", "Healthcare Support Worker", "DN Llanhedydd", ""),
    ("bethan", "Bethan Wyn", "Roberts", "District Nurse Team Leader", "DN Cwmcerdin", ""),
    ("rhodri", "Rhodri", "Davies", "Community Staff Nurse", "DN Cwmcerdin", ""),
    ("kelly", "Kelly", "Pritchard", "Healthcare Support Worker", "DN Cwmcerdin", ""),
    ("nerys", "Nerys", "Vaughan", "Palliative Care CNS", "Community Palliative Care", ""),
    ("owainrees", "Owain", "Rees", "Consultant in Palliative Medicine", "Community Palliative Care", "Dr"),
    ("llinos", "Llinos", "Williams", "Night Sitter", "Night Sitting Service", ""),
    ("tracey", "Tracey", "Bowen", "Night Sitter", "Night Sitting Service", ""),
    ("glesni", "Glesni", "Parry", "Night Sitter", "Night Sitting Service", ""),
    ("hefin", "Hefin", "Morgan", "CHC Fast-Track Co-ordinator", "CHC Team", ""),
    ("annmarie", "Ann-Marie", "Griffiths", "OOH GP", "Dyfnant OOH", "Dr"),
    ("kiran", "Kiran", "Bhatt", "OOH GP", "Dyfnant OOH", "Dr"),
    ("tomos", "Tomos", "Ellis", "OOH GP", "Dyfnant OOH", "Dr"),
    ("dewi", "Dewi", "Jenkins", "OOH Driver", "Dyfnant OOH", ""),
    ("huw", "Huw", "Lloyd", "GP Partner", "Meddygfa'r Bont", "Dr"),
    ("sarah", "Sarah", "Whitfield", "Salaried GP", "Meddygfa'r Bont", "Dr"),
    ("manon", "Manon", "Price", "Dispenser", "Meddygfa'r Bont", ""),
    ("dai", "Dai", "Evans", "Delivery Driver", "Meddygfa'r Bont", ""),
    ("aled", "Aled", "O'Connor", "Pharmacist", "Fferyllfa Cwmcerdin", ""),
    ("leanne", "Leanne", "Jenkins", "Pharmacy Technician", "Fferyllfa Cwmcerdin", ""),
    ("rhian", "Rhian", "Williams", "Community Occupational Therapist", "Community OT", ""),
    ("ffion", "Ffion", "Humphreys", "Occupational Therapist", "Community OT", ""),
    ("mark", "Mark", "Ellis", "OT Technical Instructor", "Community OT", ""),
    ("gwenda", "Gwenda", "Thomas", "Caseworker", "Gofal a Thrwsio Dyfnant", ""),
    ("steffan", "Steffan", "Rowlands", "Technical Officer", "Gofal a Thrwsio Dyfnant", ""),
    ("kevin", "Kevin", "Jones", "Handyperson", "Gofal a Thrwsio Dyfnant", ""),
    ("garethg", "Gareth", "Griffiths", "Builder (contractor)", "Griffiths a'i Fab Adeiladwyr", ""),
    ("wayne", "Wayne", "Powell", "Stairlift Engineer (contractor)", "Dringo Stairlifts Ltd", ""),
    ("sharon", "Sharon", "Lewis", "Call Handler", "Cyswllt Dyfnant Telecare", ""),
    ("iwan", "Iwan", "Davies", "Mobile Responder", "Cyswllt Dyfnant Telecare", ""),
    ("hannah", "Hannah", "Evans", "Mobile Responder", "Cyswllt Dyfnant Telecare", ""),
    ("emyr", "Emyr", "Owen", "Telecare Installer", "Cyswllt Dyfnant Telecare", ""),
    ("mererid", "Mererid", "Jones", "Rheolwr / Manager", "Canolfan Ddydd Hafod", ""),
    ("delyth", "Delyth", "Roberts", "Gweithiwr Gofal / Care Assistant", "Canolfan Ddydd Hafod", ""),
    ("alunp", "Alun", "Pugh", "Volunteer Driver", "Canolfan Ddydd Hafod", ""),
    ("eirian", "Eirian", "Roberts", "Scheme Manager", "Llys Hedd Sheltered Housing", ""),
    ("gwion", "Gwion", "Lloyd", "Social Worker", "Sir Ddyfnant Adult Services", ""),
    ("catrinm", "Catrin", "Morgan", "Consultant Geriatrician", "Ysbyty Cyffredinol Dyfnant", "Dr"),
]


class Staff:
    def __init__(self, key, fore, sur, role, org, title):
        self.key, self.fore, self.sur, self.role, self.org, self.title = key, fore, sur, role, org, title

    @property
    def name(self):
        return f"{self.fore} {self.sur}"

    @property
    def first(self):
        return self.fore.split()[0]

    def titled(self):
        return f"{self.title} {self.name}" if self.title else self.name

    def initial(self):
        return f"{self.first[0]}. {self.sur}"

    def email(self):
        dom = {"Gofal a Thrwsio Dyfnant": "gofalathrwsio-dyfnant.org.uk",
               "Griffiths a'i Fab Adeiladwyr": "griffithsbuilders.example",
               "Dringo Stairlifts Ltd": "dringo-stairlifts.example",
               "Cyswllt Dyfnant Telecare": "sirddyfnant.gov.example",
               "Canolfan Ddydd Hafod": "sirddyfnant.gov.example",
               "Llys Hedd Sheltered Housing": "tai-dyfnant.example",
               "Sir Ddyfnant Adult Services": "sirddyfnant.gov.example",
               "Fferyllfa Cwmcerdin": "fferyllfacwmcerdin.example"}.get(self.org, "wales.nhs.example")
        local = (self.first + "." + self.sur).lower().replace("'", "").replace(" ", "")
        return local.replace("-", "") + "@" + dom


class Related:
    def __init__(self, fore, sur, rel, where, phone):
        self.fore, self.sur, self.rel, self.where, self.phone = fore, sur, rel, where, phone

    @property
    def name(self):
        return f"{self.fore} {self.sur}"


class Home:
    def __init__(self, hid, name, village, pc, flat=None):
        self.hid, self.name, self.village, self.pc, self.flat = hid, name, village, pc, flat
        self.residents = []
        self.plan = {}        # kind -> data
        self.emitted = {}     # kind -> first value written

    def addr(self, style=0):
        if self.flat:
            base = [f"Flat {self.flat}", SCHEME, "Heol y Capel", "Llanhedydd", SCHEME_PC]
        else:
            base = [self.name, self.village, self.pc]
        if style == 1:
            return ", ".join(base[:-1]) + " " + base[-1]
        if style == 2:
            return "\n".join(base)
        return ", ".join(base)

    def short(self):
        return f"Flat {self.flat} {SCHEME}" if self.flat else f"{self.name}, {self.village}"


class Person:
    def __init__(self, pid):
        self.pid = pid
        self.middle = []
        self.byname = ""
        self.spouse = None
        self.nok = None
        self.services = set()
        self.uses = 0

    @property
    def fs(self):
        return f"{self.fore} {self.sur}"

    @property
    def full(self):
        return " ".join([self.fore] + self.middle + [self.sur])

    def title_name(self):
        return f"{self.title} {self.fs}"

    def sf(self, upper=True):
        s = self.sur.upper() if upper else self.sur
        m = (" " + " ".join(self.middle)) if self.middle else ""
        return f"{s}, {self.fore}{m}"

    def sfi(self):
        m = (" " + self.middle[0][0] + ".") if self.middle else ""
        return f"{self.sur}, {self.fore}{m}"

    def mrs(self):
        return f"{self.title} {self.sur}"

    def hl7name(self):
        mid = " ".join(self.middle)
        return f"{self.sur.upper()}^{self.fore}^{mid}^^{self.title}"

    def age(self, on=dt.date(2025, 11, 10)):
        return on.year - self.dob.year - ((on.month, on.day) < (self.dob.month, self.dob.day))


# ----------------------------------------------------------------------------- formats
def fdob(d, style):
    if style == "dmy":
        return d.strftime("%d/%m/%Y")
    if style == "iso":
        return d.isoformat()
    if style == "long":
        return f"{d.day} {EN_MONTHS[d.month - 1]} {d.year}"
    if style == "cy":
        return f"{d.day} {CY_MONTHS[d.month - 1]} {d.year}"
    if style == "mon":
        return f"{d.day:02d}-{EN_MONTHS[d.month - 1][:3]}-{d.year}"
    if style == "hl7":
        return d.strftime("%Y%m%d")
    if style == "dot":
        return d.strftime("%d.%m.%Y")
    if style == "short":
        return f"{d.day}/{d.month}/{d.year}"
    raise ValueError(style)


def fnhs(n, style=0):
    if not n:
        return ""
    if style == 0:
        return f"{n[:3]} {n[3:6]} {n[6:]}"
    if style == 1:
        return n
    return f"{n[:3]}-{n[3:6]}-{n[6:]}"


def make_nhs(rnd, used):
    while True:
        d = [rnd.choice([4, 6, 7])] + [rnd.randint(0, 9) for _ in range(8)]
        s = sum(x * (10 - i) for i, x in enumerate(d))
        c = 11 - s % 11
        if c == 11:
            c = 0
        if c == 10:
            continue
        n = "".join(map(str, d + [c]))
        if n not in used and not n.startswith("999"):
            used.add(n)
            return n


# ----------------------------------------------------------------------------- writers
def pdf_bytes(pages):
    """pages: list of lists of lines. Helvetica, WinAnsi plus w/y circumflex, with ToUnicode."""
    special = {"ŵ": 0x81, "ŷ": 0x8D, "Ŵ": 0x8F, "Ŷ": 0x90}

    def enc(s):
        out = bytearray()
        for ch in s:
            if ch in special:
                out.append(special[ch])
                continue
            try:
                out += ch.encode("cp1252")
            except UnicodeEncodeError:
                out += b"?"
        return bytes(out)

    cmap_lines = []
    pairs = []
    for b in range(0x20, 0x100):
        try:
            u = bytes([b]).decode("cp1252")
        except UnicodeDecodeError:
            continue
        pairs.append((b, ord(u)))
    for ch, b in special.items():
        pairs.append((b, ord(ch)))
    pairs.sort()
    for i in range(0, len(pairs), 90):
        chunk = pairs[i:i + 90]
        cmap_lines.append(f"{len(chunk)} beginbfchar")
        for b, u in chunk:
            cmap_lines.append(f"<{b:02X}> <{u:04X}>")
        cmap_lines.append("endbfchar")
    cmap = ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n" + "\n".join(cmap_lines) +
            "\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n").encode()
    objs = {}
    objs[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objs[3] = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding "
               b"/BaseEncoding /WinAnsiEncoding /Differences [129 /wcircumflex 141 /ycircumflex "
               b"143 /Wcircumflex 144 /Ycircumflex] >> /ToUnicode 4 0 R >>")
    objs[4] = b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream"
    kids = []
    n = 5
    for lines in pages:
        body = bytearray(b"BT\n/F1 10 Tf\n13 TL\n50 800 Td\n")
        for ln in lines:
            body += b"<" + enc(ln).hex().upper().encode() + b"> Tj T*\n"
        body += b"ET\n"
        objs[n] = b"<< /Length %d >>\nstream\n" % len(body) + bytes(body) + b"endstream"
        objs[n + 1] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font "
                       b"<< /F1 3 0 R >> >> /Contents %d 0 R >>" % n)
        kids.append(n + 1)
        n += 2
    objs[2] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % len(kids)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offs = {}
    for i in sorted(objs):
        offs[i] = len(out)
        out += b"%d 0 obj\n" % i + objs[i] + b"\nendobj\n"
    xref = len(out)
    mx = max(objs)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (mx + 1)
    for i in range(1, mx + 1):
        out += b"%010d 00000 n \n" % offs[i]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (mx + 1, xref)
    return bytes(out)


def wrap(text, width=92):
    out = []
    for para in text.split("\n"):
        if not para:
            out.append("")
            continue
        line = ""
        for w in para.split(" "):
            if len(line) + len(w) + 1 > width and line:
                out.append(line)
                line = w
            else:
                line = (line + " " + w) if line else w
        out.append(line)
    return out


SINK = []


def pdf_text(text):
    SINK.append(text)
    lines = wrap(text)
    pages = [lines[i:i + 58] for i in range(0, len(lines), 58)] or [[]]
    return pdf_bytes(pages)


def rtf_bytes(paras, bold_first=True):
    SINK.append("\n".join(paras))
    def esc(s):
        o = []
        for ch in s:
            if ch in "\\{}":
                o.append("\\" + ch)
            elif ch == "\t":
                o.append("\\tab ")
            elif ord(ch) < 128:
                o.append(ch)
            else:
                c = ord(ch)
                o.append(f"\\u{c if c < 32768 else c - 65536}?")
        return "".join(o)
    body = []
    for i, p in enumerate(paras):
        t = esc(p)
        if i == 0 and bold_first:
            t = "{\\b " + t + "}"
        body.append(t + "\\par")
    s = ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\n"
         "{\\info{\\author Dyfnant}}\\viewkind4\\uc1\\pard\\f0\\fs22\n" + "\n".join(body) + "\n}")
    return s.encode("ascii")


def docx_bytes(paras, tables=(), header=None, footer=None, author="Dyfnant"):
    SINK.append("\n".join(paras))
    SINK.extend(" | ".join(map(str, row)) for _, rows in tables for row in rows)
    SINK.extend(x for x in (header, footer) if x)
    d = docx.Document()
    st = d.styles["Normal"]
    st.font.name = "Arial"
    st.font.size = Pt(11)
    cp = d.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.created = FIXED
    cp.modified = FIXED
    if header:
        d.sections[0].header.paragraphs[0].text = header
    if footer:
        d.sections[0].footer.paragraphs[0].text = footer
    tpos = dict(tables)
    for i, p in enumerate(paras):
        if i in tpos:
            rows = tpos[i]
            t = d.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, v in enumerate(row):
                    t.cell(r, c).text = str(v)
        d.add_paragraph(p)
    if len(paras) in tpos:
        rows = tpos[len(paras)]
        t = d.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                t.cell(r, c).text = str(v)
    b = io.BytesIO()
    d.save(b)
    return fix_zip(b.getvalue())


def fix_zip(data):
    """Rewrite a zip with fixed member timestamps so output bytes are stable."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2025, 11, 14, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, src.read(info.filename))
    return out.getvalue()


def xlsx_bytes(sheets, author="Dyfnant"):
    SINK.extend(" | ".join(map(str, row)) for _, rows in sheets for row in rows)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(list(row))
    wb.properties.creator = author
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    b = io.BytesIO()
    wb.save(b)
    return fix_zip(b.getvalue())


def csv_bytes(rows, delim=",", crlf=True, bom=False):
    SINK.extend(" | ".join(map(str, row)) for row in rows)
    s = io.StringIO()
    w = csv.writer(s, delimiter=delim, lineterminator="\r\n" if crlf else "\n")
    for r in rows:
        w.writerow(r)
    data = s.getvalue().encode("utf-8")
    return (b"\xef\xbb\xbf" + data) if bom else data


# ----------------------------------------------------------------------------- the world
class World:
    def __init__(self, n, seed):
        self.rnd = random.Random(seed)
        self.seed = seed
        self.n = n
        self.staff = {k: Staff(k, f, s, r, o, t) for k, f, s, r, o, t in STAFF_DEF}
        self.people = []
        self.homes = []
        self.related = []
        self.ident = set()        # pids identified (name + DOB or NHS in one record)
        self.nhs_written = set()  # pids whose NHS number appears
        self.files = {}
        self.nhs_used = set()
        self.build()

    # ---- people
    def _surname(self):
        names, w = zip(*SURN)
        return self.rnd.choices(names, weights=w)[0]

    def _related(self, sur, rel, where):
        r = self.rnd
        fore = r.choice(MALE if rel in ("son", "nephew", "brother", "farm neighbour", "grandson", "son-in-law", "husband")
                        else FEMALE if rel in ("daughter", "niece", "sister", "granddaughter", "daughter-in-law", "wife")
                        else MALE + FEMALE)
        taken = {p.fs for p in self.people} | {s.name for s in self.staff.values()} | {x.name for x in self.related}
        for _ in range(50):
            if fore + " " + sur not in taken:
                break
            fore = r.choice(MALE + FEMALE)
            if rel in ("neighbour", "farm neighbour", "friend from chapel"):
                sur = self._surname()
        ph = f"07700 900{r.randint(0, 999):03d}"
        x = Related(fore, sur, rel, where, ph)
        self.related.append(x)
        return x

    def build(self):
        r = self.rnd
        houses = HOUSES[:]
        r.shuffle(houses)
        staff_names = {s.name for s in self.staff.values()}
        used_names = set()
        flats = list(range(1, 25))
        r.shuffle(flats)
        n = self.n
        n_couples = max(2, n // 12)
        n_flat = max(3, n // 10)
        twins = [("John", "Davies", "M"), ("Mair", "Jones", "F"), ("Gwyn", "Evans", "M")]
        pid = 0

        def new_person(sex, sur=None, old=True, fore=None):
            nonlocal pid
            p = Person(pid)
            pid += 1
            p.sex = sex
            incomer = r.random() < 0.08 and sur is None and fore is None
            for _ in range(100):
                if fore:
                    f = fore
                elif incomer:
                    f = r.choice(INC_M if sex == "M" else INC_F)
                else:
                    f = r.choice(MALE if sex == "M" else FEMALE)
                s = sur or (r.choice(INC_S) if incomer else self._surname())
                if f + " " + s not in staff_names and (f + " " + s not in used_names or fore):
                    break
            p.fore, p.sur = f, s
            used_names.add(f + " " + s)
            if r.random() < 0.25 and not fore:
                p.middle = [r.choice(MID_M if sex == "M" else MID_F)]
                if r.random() < 0.15:
                    p.middle.append(r.choice(MID_M if sex == "M" else MID_F))
                if p.middle[0] == p.fore:
                    p.middle = []
            if old:
                y = r.choices([r.randint(1925, 1945), r.randint(1946, 1960), r.randint(1961, 1982)],
                              weights=[60, 30, 10])[0]
            else:
                y = r.randint(1961, 1982)
            p.dob = dt.date(y, r.randint(1, 12), r.randint(1, 28))
            p.title = ("Mr" if sex == "M" else r.choice(["Mrs", "Mrs", "Mrs", "Miss", "Ms"]))
            if r.random() < 0.01:
                p.title = "Dr"
            p.nhs = "" if r.random() < 0.15 else make_nhs(r, self.nhs_used)
            self.people.append(p)
            return p

        vill_idx = 0

        def new_home(flat=None):
            nonlocal vill_idx
            if flat:
                h = Home(len(self.homes), f"Flat {flat}", "Llanhedydd", SCHEME_PC, flat)
            else:
                name = houses.pop() if houses else f"Tyddyn {len(self.homes)}"
                v, pc = VILLAGES[r.randrange(len(VILLAGES))]
                h = Home(len(self.homes), name, v, pc + f"{r.choice('ABDEFGHJLNPQRSTUWXY')}{r.choice('ABDEFGHJLNPQRSTUWXY')}")
            self.homes.append(h)
            return h

        # couples (both service users)
        for _ in range(n_couples):
            sur = self._surname()
            a = new_person("M", sur)
            b = new_person("F", sur)
            b.title = "Mrs"
            a.spouse, b.spouse = b, a
            h = new_home()
            for p in (a, b):
                p.home = h
                h.residents.append(p)
        # same name, different people
        for f, s, sex in twins:
            for _ in range(2):
                if len(self.people) >= n:
                    break
                p = new_person(sex, s, fore=f)
                p.middle = []
                h = new_home()
                p.home = h
                h.residents.append(p)
        # scheme flats
        for _ in range(n_flat):
            if len(self.people) >= n:
                break
            p = new_person(r.choice("MFF"))
            h = new_home(flats.pop())
            p.home = h
            h.residents.append(p)
            p.services.add("scheme")
        while len(self.people) < n:
            p = new_person(r.choice("MFF"))
            h = new_home()
            p.home = h
            h.residents.append(p)
        self.people = self.people[:n]
        # a few bynames
        for p in r.sample([q for q in self.people if q.sex == "M"], min(5, sum(q.sex == "M" for q in self.people))):
            p.byname = r.choice([f"{p.sur} the Post", f"{p.fore} Llaeth", f"{p.fore} Siop",
                                 f"{p.fore} {p.home.name.split()[0]}", f"{p.fore} y Felin"])
        # services
        for p in self.people:
            if "scheme" in p.services:
                if r.random() < 0.5:
                    p.services.add("telecare")
            opts = ["dn", "dn", "dn", "pall", "ooh", "deliv", "deliv", "ot", "ot", "cr", "tele", "tele",
                    "dayc", "pharm"]
            k = r.choice([1, 2, 2, 3])
            for s in r.sample(opts, k):
                p.services.add({"tele": "telecare"}.get(s, s))
            if "cr" in p.services:
                p.services.add("ot") if r.random() < 0.6 else None
            if p.home.flat:
                p.services.discard("deliv")
            p.cond = self.condition(p)
        for p in self.people:
            if p.spouse:
                p.services |= set(s for s in p.spouse.services if s in ("deliv", "telecare", "cr"))
        # next of kin (related, not service users)
        for p in self.people:
            if p.spouse:
                continue
            if r.random() < 0.75:
                rel = r.choice(["daughter", "son", "daughter", "niece", "nephew", "husband", "wife"])
                if rel == "husband" and p.sex == "M" or rel == "wife" and p.sex == "F":
                    rel = "daughter"
                sur = p.sur if rel in ("son", "husband", "wife") or r.random() < 0.35 else self._surname()
                where = r.choice(["Cardiff", "Aberystwyth", "Carmarthen", "Chester", "Swansea",
                                  "lives in the village", "Birmingham", "Wrexham", "same house"]
                                 if rel not in ("husband", "wife") else ["same house"])
                p.nok = self._related(sur, rel, where)
        self.minister = Related("Elfed", "Rowlands", "minister, Capel Bethesda", "Tŷ'r Gweinidog", "07700 900418")
        self.related.append(self.minister)
        # home access plans
        for h in self.homes:
            self.plan_access(h)

    def condition(self, p):
        r = self.rnd
        c = []
        if "pall" in p.services:
            c.append(r.choice(["metastatic prostate cancer", "pancreatic cancer", "motor neurone disease",
                               "end-stage heart failure", "metastatic breast cancer", "lung cancer with bone mets",
                               "end-stage COPD"]))
        c.append(r.choice(["COPD", "heart failure", "Parkinson's disease", "Alzheimer's dementia",
                           "CVA with left-sided weakness", "type 2 diabetes (insulin)", "osteoarthritis both knees",
                           "AF on apixaban", "macular degeneration", "fractured neck of femur (healing)",
                           "venous leg ulcers", "vascular dementia", "rheumatoid arthritis", "CKD stage 4"]))
        return c

    def plan_access(self, h):
        r = self.rnd
        lead = h.residents[0]
        x = r.random()
        locs = ["left of the front door", "by the back door", "on the wall of the porch",
                "behind the water butt", "on the gable end by the oil tank", "right of the kitchen door",
                "on the barn wall by the yard gate", "next to the meter box", "inside the porch on the left"]
        places = [("under the slate by the back door", "o dan y llechen wrth y drws cefn"),
                  ("in the old milk churn in the porch", "yn yr hen gorddi llaeth yn y portsh"),
                  ("on a nail inside the coal shed", "ar hoelen tu mewn i'r sied lo"),
                  ("under the blue flower pot by the back step", "o dan y pot blodau glas wrth y stepen gefn"),
                  ("in the meter box on the side wall", "yn y bocs mesurydd ar y wal ochr"),
                  ("behind the loose stone left of the front door", "tu ôl i'r garreg rydd wrth y drws ffrynt"),
                  ("in the wellington boot in the lean-to", "yn yr esgid law yn y penty"),
                  ("under the boot scraper", "o dan y crafwr esgidiau"),
                  ("inside the bird box on the garden wall", "yn y bocs adar ar wal yr ardd")]
        opens = [("Back door is left unlocked for us - go in and call out", "back door left unlocked"),
                 ("Front door is left on the latch for visits, walk straight in", "front door on the latch"),
                 ("Door is never locked in the daytime - go straight in, he is very deaf", "door never locked in the daytime"),
                 ("Porch door left open for the nurses; let yourselves in and shout", "porch door left open"),
                 ("Kitchen door unlocked from 9 for the carers - just push it, it sticks", "kitchen door unlocked from 9")]
        if h.flat:
            if x < 0.35:
                h.plan["code"] = (f"{r.randint(0, 9999):04d}", "on the wall by the flat door")
            elif x < 0.45:
                h.plan["holder"] = [self._holder(h)]
            return
        if x < 0.34:
            h.plan["code"] = (f"{r.randint(0, 9999):04d}", r.choice(locs))
            if r.random() < 0.3:
                h.plan["holder"] = [self._holder(h)]
        elif x < 0.44:
            h.plan["hidden"] = r.choice(places)
            if r.random() < 0.25:
                h.plan["holder"] = [self._holder(h)]
        elif x < 0.55:
            h.plan["holder"] = [self._holder(h)]
            if r.random() < 0.3:
                h.plan["holder"].append(self._holder(h))
        elif x < 0.61:
            h.plan["open"] = r.choice(opens)
        if h.plan and r.random() < 0.08 and "open" not in h.plan:
            h.plan["open"] = r.choice(opens)

    def _holder(self, h):
        r = self.rnd
        lead = h.residents[0]
        x = r.random()
        if x < 0.45 and lead.nok and lead.nok.rel not in ("husband", "wife"):
            k = lead.nok
            if k.where in ("Cardiff", "Birmingham", "Chester", "Swansea"):
                k.where = "lives in the village"
            return k
        if x < 0.52 and self.minister not in [k for hh in self.homes for k in hh.plan.get("holder", [])]:
            return self.minister
        if h.flat:
            return self._related(lead.sur, r.choice(["daughter", "son"]), "lives in Llanhedydd")
        farm = r.choice(HOUSES)
        while farm in [hh.name for hh in self.homes]:
            farm = r.choice(HOUSES + ["Penbryn Isaf", "Cefn Coch", "Bryn Du", "Hafod Ifan"])
            if farm not in HOUSES:
                break
        return self._related(self._surname(), r.choice(["neighbour", "farm neighbour", "friend from chapel",
                                                         "neighbour"]), farm)

    # ---- bookkeeping
    def idn(self, p, nhs=False):
        self.ident.add(p.pid)
        if nhs and p.nhs:
            self.nhs_written.add(p.pid)

    def nhsw(self, p):
        if p.nhs:
            self.nhs_written.add(p.pid)

    def emit(self, h, kind, value):
        if kind not in h.emitted:
            h.emitted[kind] = value

    def pick(self, pool, k):
        r = self.rnd
        pool = list(dict.fromkeys(pool))
        r.shuffle(pool)
        pool.sort(key=lambda p: p.uses)
        out = pool[:k]
        for p in out:
            p.uses += 1
        return out

    def svc(self, s):
        return [p for p in self.people if s in p.services]

    def add(self, path, data):
        if isinstance(data, str):
            SINK.append(data)
            data = data.encode("utf-8")
        assert path not in self.files, path
        self.files[path] = data

    # ---- home access phrasing
    def access(self, p, kinds=None, lang="en", terse=False):
        """A line telling a reader how to get in, for p's home; records what it gave."""
        h = p.home
        r = self.rnd
        kinds = [k for k in (kinds or list(h.plan)) if k in h.plan]
        parts = []
        for k in kinds:
            if k == "code":
                c, loc = h.plan["code"]
                cs = " ".join(c)
                if lang == "cy":
                    t = r.choice([f"Cod y blwch allweddi: {c}",
                                  f"Blwch allweddi {('wrth y drws' if h.flat else 'wrth y drws cefn')} - cod {c}",
                                  f"Allwedd yn y blwch, rhif {c}"])
                elif terse:
                    t = r.choice([f"KS {c}", f"K/S {loc} {c}", f"keysafe {cs}", f"Key safe: {c}", f"KS code {c}"])
                else:
                    t = r.choice([f"Key safe {loc}, code {c}.",
                                  f"Access via key safe ({loc}) code {c}",
                                  f"Keysafe code {cs} - please scramble the numbers after.",
                                  f"Key is in the key safe {loc}: {c}",
                                  f"Lock box {loc}, number {c}.",
                                  f"Key safe no. {c} as {'she' if p.sex == 'F' else 'he'} can't get to the door.",
                                  f"Code for the key safe is {c} ({loc})",
                                  f"Let yourself in using the key safe - {c}"])
                self.emit(h, "code", c)
            elif k == "hidden":
                en, cy = h.plan["hidden"]
                if lang == "cy":
                    t = r.choice([f"Mae'r allwedd sbâr {cy}.", f"Allwedd {cy}."])
                    self.emit(h, "hidden", cy)
                else:
                    t = r.choice([f"Spare key {en}.", f"Key kept {en} - please put it back.",
                                  f"No key safe - key is {en}.", f"Front door key {en}",
                                  f"Let yourself in, key is {en}."])
                    self.emit(h, "hidden", en)
            elif k == "holder":
                hs = h.plan["holder"]
                hd = hs[0]
                if lang == "cy":
                    rel_cy = {"daughter": "merch", "son": "mab", "neighbour": "cymydog", "niece": "nith",
                              "nephew": "nai", "farm neighbour": "cymydog", "friend from chapel": "ffrind o'r capel",
                              "minister, Capel Bethesda": "gweinidog"}.get(hd.rel, hd.rel)
                    t = f"Mae gan {hd.name} ({rel_cy}, {hd.where}) allwedd - {hd.phone}"
                elif terse:
                    t = r.choice([f"Key holder: {hd.name} ({hd.rel}) {hd.phone}", f"KH {hd.name} {hd.phone}",
                                  f"Keys - {hd.name}, {hd.rel}"])
                else:
                    if hd is self.minister:
                        t = f"The minister, Revd {hd.name} (Tŷ'r Gweinidog), keeps a spare key - {hd.phone}"
                    else:
                        t = r.choice([f"Key holder: {hd.name} ({hd.rel}, {hd.where}) {hd.phone}",
                                      f"{hd.rel.capitalize()} {hd.name} at {hd.where} holds a spare key.",
                                      f"If no answer ring {hd.name} ({hd.rel}) who has a key - {hd.phone}",
                                      f"{hd.name} ({hd.rel}) has a key and is 5 mins away, {hd.phone}"])
                if len(hs) > 1:
                    t += f" Second key with {hs[1].name} ({hs[1].rel}, {hs[1].where})."
                self.emit(h, "holder", f"key held by {hd.name}")
            elif k == "open":
                en, val = h.plan["open"]
                if lang == "cy":
                    t = "Mae'r drws cefn ar agor yn ystod y dydd - ewch i mewn a galw."
                else:
                    t = en + "."
                self.emit(h, "open", val if lang == "en" else "drws cefn ar agor yn ystod y dydd")
            parts.append(t)
        return " ".join(parts)

    def no_access_line(self, p):
        r = self.rnd
        return r.choice(["Answers the door herself - ring and wait, she is slow on her feet." if p.sex == "F"
                         else "Answers the door himself, ring and give him time.",
                         "Family will let us in.", "No key safe.", "Knock loudly - hard of hearing.",
                         "Please lock the back door when leaving.",
                         "Key safe discussed; family to think about it.",
                         "Ring first, dog is shut in the kitchen.", ""])

    def near_miss(self):
        r = self.rnd
        c = f"{r.randint(1000, 9999)}"
        return r.choice([
            f"Llys Hedd main entrance door code for staff is {c}# - not to be given to visitors.",
            f"Scheme office door code {c}.",
            f"Surgery back-door key safe {c} for collecting the dispensary bags out of hours.",
            f"Pharmacy key safe {c} (fridge keys) - on-call pharmacist only.",
            f"Van lock box code {c} - return keys to the store.",
            f"Griffiths yard gate code {c}, materials in the left bay.",
            f"Daughter runs the holiday let at Glan Gors; guests' key safe there is {c} - nothing to do with us.",
            f"His bank card PIN ({c}) was written on the calendar - advised son to deal with it.",
            f"Telecare ref TC-{r.randint(10000, 99999)}.",
            f"C&R job no. CR/25/{r.randint(100, 999)}.",
            "Key worker: Gwion Lloyd (social services).",
            "Gweithiwr allweddol: Delyth Roberts.",
            "Police forced entry on Sunday when no answer - front door boarded, family arranging a joiner.",
            "Locks changed after the break-in in the village; key safe taken off, new one not fitted yet.",
            "Key safe to be fitted by Care & Repair - date to be confirmed.",
            "Code status: DNACPR in place (All Wales form in the house).",
            f"Day centre door code {c} (Canolfan Hafod).",
            f"Drugs cupboard key is in the nurses' base key safe {c}.",
            "Key points: mobility worse, appetite poor.",
            "Wheelchair access to the chapel is poor - ramp needed for funeral planning.",
            f"Pendant no. {r.randint(100000, 999999)} tested OK.",
            "Key safe fitted but code is with the telecare office - ring them.",
            f"Cod drws y swyddfa: {c}.",
            f"Pool car (Berlingo) key box {c} at Llanhedydd clinic.",
        ])

    def staff_for(self, p):
        if getattr(p, "named_nurse", None):
            return p.named_nurse
        p.named_nurse = self._staff_for(p)
        return p.named_nurse

    def _staff_for(self, p):
        r = self.rnd
        if p.home.village in ("Cwmcerdin", "Rhos-y-Garth", "Tregarnedd", "Capel Dewi Fach"):
            return self.staff[r.choice(["bethan", "rhodri", "kelly"])]
        return self.staff[r.choice(["carys", "sioned", "gareth", "elin"])]


# ----------------------------------------------------------------------------- file generators
DATES = [dt.date(2025, 11, d) for d in (3, 4, 5, 6, 7, 10, 11, 12, 13)]


def dn_diaries(w, count):
    r = w.rnd
    pool = w.svc("dn") + w.svc("pall")
    tasks = ["leg ulcer redressed, compression 2-layer reapplied", "catheter bag changed, urine clear",
             "pressure areas checked - sacrum grade 2 improving", "insulin given 16 units Lantus, BM 9.4",
             "B12 injection given", "post-op wound clean and dry, steristrips off",
             "syringe driver checked, site OK, 18:00 rate unchanged", "bloods taken (U&E, FBC) for GP",
             "heel dressing renewed, Aquacel", "wound swab taken - green exudate"]
    for i in range(count):
        nurse = w.staff[r.choice(["carys", "sioned", "gareth", "rhodri", "bethan", "elin", "kelly"])]
        day = DATES[i % len(DATES)]
        pts = w.pick(pool, r.randint(5, 7))
        style = i % 4
        lines = []
        if style == 0:
            lines.append(f"DN DIARY - {nurse.name} - {day.strftime('%A %d/%m/%Y')}")
            lines.append(f"Car: Berlingo (pool).  Working with: {w.staff['elin'].first if nurse.key != 'elin' else 'Sioned'}")
            lines.append("")
        elif style == 1:
            lines.append(f"Dyddiadur / Diary   {day.strftime('%d.%m.%y')}   {nurse.first} ({nurse.role})")
            lines.append("-" * 60)
        elif style == 2:
            lines.append(f"{nurse.first.upper()} {day.strftime('%a %d %b')} - visits")
        else:
            lines.append(f"Visit list {day.isoformat()} / {nurse.initial()}")
            lines.append("")
        t = dt.datetime(2025, 1, 1, 8, 45)
        for p in pts:
            t += dt.timedelta(minutes=r.randint(25, 55))
            task = r.choice(tasks)
            acc = w.access(p, terse=(style == 2)) if p.home.plan and r.random() < 0.6 else ""
            if not acc and r.random() < 0.4:
                acc = w.no_access_line(p)
            if style == 0:
                twin = [q for q in w.people if q.fs == p.fs and q is not p]
                lines.append(f"{t:%H:%M}  {p.title} {p.fs} ({fdob(p.dob, 'dmy')}), {p.home.short()}"
                             + (f"  NB not the {p.fore} {p.sur} at {twin[0].home.name}!" if twin else ""))
                w.idn(p)
                lines.append(f"       {task}. {acc}".rstrip())
            elif style == 1:
                lines.append(f"{t:%H:%M} {p.sf()}  DOB {fdob(p.dob, 'short')}" + (f"  NHS {fnhs(p.nhs)}" if p.nhs else ""))
                w.idn(p, nhs=True)
                lines.append(f"  {p.home.addr()}")
                lines.append(f"  {task}. {p.cond[0]}. {acc}".rstrip())
            elif style == 2:
                lines.append(f"- {p.fore} {p.sur} {p.age()}y {p.home.name} -- {task}. {acc}".rstrip())
            else:
                lines.append(f"[{t:%H:%M}] {p.mrs()} / {p.home.short()} - {task}")
                if acc:
                    lines.append(f"    access: {acc}")
            if r.random() < 0.12:
                lines.append("       " + w.near_miss())
            lines.append("")
        if style == 3:
            lines.append("Reminder: " + w.near_miss())
        lines.append(f"-- {nurse.initial()}")
        fn = f"Nyrsio_Ardal/diaries/{nurse.first}_{day.isoformat()}_{i}.txt"
        w.add(fn, "\n".join(lines) + "\n")


def pall_handovers(w, count):
    r = w.rnd
    pool = w.svc("pall") or w.people
    for i in range(count):
        pts = w.pick(pool, r.randint(2, 3))
        sitter = w.staff[r.choice(["llinos", "tracey", "glesni"])]
        nerys = w.staff["nerys"]
        day = DATES[(i * 2) % len(DATES)]
        L = [f"NIGHT SITTING SERVICE - HANDOVER {day.strftime('%d/%m/%Y')} 21:30",
             f"From: {nerys.name} (Palliative CNS)   To: {sitter.name}, {w.staff['glesni' if sitter.key != 'glesni' else 'tracey'].first}",
             ""]
        for j, p in enumerate(pts, 1):
            L.append(f"{j}. {p.full}  DOB {fdob(p.dob, 'long')}  ({p.age()})")
            w.idn(p)
            L.append(f"   {p.home.addr()}")
            L.append(f"   Dx: {p.cond[0]}. CHC fast track agreed; night sitting 22:00-07:00 Mon-Thu.")
            if p.spouse:
                L.append(f"   {p.spouse.fore} ({'wife' if p.sex == 'M' else 'husband'}) is exhausted, sleeping upstairs.")
            elif p.nok:
                L.append(f"   NOK {p.nok.name} ({p.nok.rel}) {p.nok.phone}.")
            if p.home.plan:
                L.append("   Access: " + w.access(p))
            else:
                L.append("   Access: " + r.choice(["family let sitter in.", "ring bell, wife answers.",
                                                     "Daughter stays over and opens the door."]))
            L.append(f"   Anticipatory meds in the house. {r.choice(['Syringe driver running.', 'Oramorph PRN.', 'Comfortable last night.'])}")
            L.append("")
        L.append(w.near_miss())
        L.append(f"{nerys.first}")
        w.add(f"Gofal_Lliniarol/night_sitting/handover_{day.isoformat()}_{i}.txt", "\n".join(L) + "\n")


def ooh_notes(w, count):
    r = w.rnd
    pool = w.svc("ooh") or w.people
    for i in range(count):
        p = w.pick(pool, 1)[0]
        gp = w.staff[r.choice(["annmarie", "kiran", "tomos"])]
        drv = w.staff["dewi"]
        day = DATES[i % len(DATES)]
        L = [f"Dyfnant OOH - Home Visit Record",
             f"Case ref: OOH{r.randint(100000, 999999)}    Date: {day.strftime('%d-%b-%Y')}  Time: {r.randint(18, 23)}:{r.randint(10, 59)}",
             f"Clinician: {gp.titled()}    Driver: {drv.name}",
             f"Patient: {p.sf()}",
             f"DOB: {fdob(p.dob, 'dmy')}   NHS No: {fnhs(p.nhs, 1) or 'not known'}",
             f"Address: {p.home.addr()}",
             f"Registered GP: {w.staff['huw'].titled()}, Meddygfa'r Bont", ""]
        w.idn(p, nhs=True)
        hist = r.choice(["Called by " + (p.nok.rel if p.nok else "neighbour") + " - increasing breathlessness, not settling.",
                         "Fall at home, on floor ~1 hr, pendant pressed, telecare responder attended first.",
                         "Agitation at end of life, family distressed. Syringe driver review.",
                         "Urinary retention, catheter bypassing."])
        L.append(f"History: {hist}")
        L.append(f"PMH: {', '.join(p.cond)}.")
        L.append(f"O/E: sats {r.randint(86, 97)}% RA, HR {r.randint(60, 110)}, T {r.randint(360, 384) / 10}.")
        L.append(r.choice(["Plan: rescue meds given, DN to review in the morning.",
                           "Plan: catheter changed, DN informed.",
                           "Plan: remain at home per wishes (ACP in house). GP to review Monday."]))
        if p.home.plan and r.random() < 0.7:
            L.append("Access for crew: " + w.access(p))
        elif r.random() < 0.3:
            L.append(w.near_miss())
        L.append(f"Signed: {gp.titled()} ({gp.role})")
        w.add(f"OOH/home_visits/OOH_{day.strftime('%Y%m%d')}_{i:02d}.txt", "\n".join(L) + "\n")


def delivery_rounds(w, count):
    r = w.rnd
    pool = [p for p in w.svc("deliv")]
    dai = w.staff["dai"]
    manon = w.staff["manon"]
    for i in range(count):
        day = DATES[i * 3 % len(DATES)]
        pts = w.pick(pool, min(len(pool), r.randint(8, 10)))
        L = [f"MEDDYGFA'R BONT DISPENSARY - DELIVERY ROUND {['A (Llanhedydd side)', 'B (Cwmcerdin / Rhos)', 'C (top road)'][i % 3]}",
             f"Driver: {dai.name} ('Dai Fan')   Packed by: {manon.name}   {day.strftime('%A %d %B %Y')}",
             "Bags signed for unless marked. Fridge items in blue cool bag.", ""]
        for j, p in enumerate(pts, 1):
            who = p.byname and r.random() < 0.5
            nm = f"{p.title} {p.fore[0]}. {p.sur}" + (f" ('{p.byname}')" if who else "")
            nb = r.randint(1, 4)
            L.append(f"{j:>2}. {nm} - {p.home.name}, {p.home.village}  [{nb} bag{'s' if nb > 1 else ''}]")
            note = ""
            if p.home.plan and r.random() < 0.65:
                note = w.access(p, kinds=[k for k in ("hidden", "open", "code", "holder") if k in p.home.plan][:1])
                if "code" in p.home.plan and r.random() < 0.5:
                    note += " Leave bag on the kitchen table."
            else:
                note = r.choice(["Leave in the blue box by the gate if out.", "Ring bell, wait - slow.",
                                 "Leave with the shop in the village if no answer.",
                                 "Dog loose in the yard - stay in the van until Emrys comes out.",
                                 "Cattle grid, then second farm on left.", "Signature needed (CD).",
                                 "Do NOT leave outside - goats."])
            L.append(f"    {note}")
            if p.spouse and p.spouse in pts:
                L.append("    (same house as above)")
        L.append("")
        L.append(w.near_miss())
        L.append(f"Back at surgery by 3. Key back in the key cabinet, {manon.first}.")
        w.add(f"Meddygfa_r_Bont/Dispensary/round_{'ABC'[i % 3]}_{day.isoformat()}.txt", "\n".join(L) + "\n")


def ot_notes(w, count):
    r = w.rnd
    pool = w.svc("ot") or w.people
    for i in range(count):
        p = w.pick(pool, 1)[0]
        ot = w.staff[r.choice(["rhian", "ffion", "mark"])]
        day = DATES[(i + 2) % len(DATES)]
        L = [f"Community OT - Home Visit Note", f"Client: {p.full}   ({p.title})",
             f"D.O.B.: {fdob(p.dob, 'mon')}" + (f"   NHS: {fnhs(p.nhs, 2)}" if p.nhs else ""),
             f"Home: {p.home.addr(1)}", f"Visited: {day.strftime('%d/%m/%Y')} by {ot.name}, {ot.role}", ""]
        w.idn(p, nhs=True)
        dwelling = ("ground floor flat within sheltered scheme" if p.home.flat else
                    r.choice(["two-storey stone farmhouse, bathroom upstairs", "detached cottage, steep steps to front door",
                              "bungalow, step at back door 20cm", "terraced cottage, stairs very narrow"]))
        L.append(f"Environment: {dwelling}.")
        L.append(f"Presenting: {p.cond[0]}; reports difficulty with {r.choice(['stairs', 'bathing', 'toilet transfers', 'getting in and out of bed', 'the front step'])}.")
        L.append(r.choice(["Recommend: 2 x grab rails by WC, half-step at back door. Refer Care & Repair.",
                           "Recommend: stairlift assessment - refer to Gofal a Thrwsio for DFG.",
                           "Bath board and seat issued. Review 6/52.",
                           "Access to the property is poor for a wheelchair - ramp to be looked at.",
                           "Key safe recommended so the telecare responders and DNs can get in; referred C&R."]))
        if p.spouse:
            L.append(f"{p.spouse.title} {p.spouse.fore} {p.spouse.sur} present throughout, main carer.")
        if p.home.plan and r.random() < 0.5:
            L.append("Access for next visit: " + w.access(p))
        if r.random() < 0.4:
            L.append(w.near_miss())
        L.append("")
        L.append(f"{ot.name}, {ot.role}")
        w.add(f"OT/visit_notes/{p.sur.replace(' ', '_')}_{day.strftime('%d%m%y')}_{i}.txt", "\n".join(L) + "\n")


def mdt_minutes(w, count):
    r = w.rnd
    pool = w.svc("dn") + w.svc("pall") + w.svc("ot")
    for i in range(count):
        pts = w.pick(pool, r.randint(5, 7))
        day = DATES[(i * 3 + 1) % len(DATES)]
        present = r.sample([w.staff[k] for k in ("carys", "sioned", "bethan", "nerys", "huw", "sarah", "rhian",
                                                  "gwion", "hefin", "owainrees")], 6)
        L = [f"Cyfarfod Tîm Amlddisgyblaethol / MDT - Meddygfa'r Bont - {day.strftime('%d/%m/%Y')}",
             "Present: " + ", ".join(s.titled() + f" ({s.role.split()[0]})" for s in present),
             f"Apologies: {w.staff['ffion'].name}", "Chair: " + present[0].name, ""]
        for p in pts:
            lead = r.choice(present)
            L.append(f"{p.sur.upper()}, {p.fore}" + (f" {p.middle[0][0]}." if p.middle else "") +
                     f" - {p.age()} - {p.home.short()}" + (f" - NHS {fnhs(p.nhs)}" if p.nhs else ""))
            w.nhsw(p)
            if p.nhs:
                w.idn(p, nhs=True)
            L.append(f"  {p.cond[0]}. " + r.choice(["Deteriorating, GSF amber -> red.", "Stable, continue.",
                                                    "Family struggling; carer's assessment offered to " +
                                                    (p.nok.name if p.nok else "neighbour") + ".",
                                                    "CHC fast-track to be completed.",
                                                    "Falls x2 this month, telecare referral."]))
            if p.home.plan and r.random() < 0.35:
                L.append("  Access: " + w.access(p))
            L.append(f"  Action: {lead.first} to {r.choice(['review', 'phone family', 'refer OT', 'update ACP', 'liaise with C&R'])}.")
            L.append("")
        L.append("AOB: " + w.near_miss())
        w.add(f"MDT/MDT_minutes_{day.isoformat()}.txt", "\n".join(L) + "\n")


def dn_handovers(w, count):
    r = w.rnd
    pool = w.svc("dn") or w.people
    for i in range(count):
        pts = w.pick(pool, r.randint(5, 6))
        day = DATES[(i * 2 + 3) % len(DATES)]
        frm = w.staff[r.choice(["carys", "bethan"])]
        to = w.staff[r.choice(["gareth", "rhodri", "sioned"])]
        L = [f"Handover {day.strftime('%d/%m')} late -> OOH nursing", f"From {frm.first} to {to.first}", "",
             "| Patient | DOB | Place | Issue | Access |", "|---|---|---|---|---|"]
        for p in pts:
            acc = w.access(p, terse=True) if p.home.plan and r.random() < 0.6 else ""
            L.append(f"| {p.fore} {p.sur} | {fdob(p.dob, 'dmy')} | {p.home.short()} | {p.cond[0]} | {acc} |")
            w.idn(p)
        L.append("")
        L.append(f"Phones: {frm.first} on call till 22:00. {w.near_miss()}")
        w.add(f"Nyrsio_Ardal/handover/handover_{day.isoformat()}.md", "\n".join(L) + "\n")


def chat_exports(w, count):
    r = w.rnd
    pool = w.svc("dn") + w.svc("telecare") + w.svc("pall")
    for i in range(count):
        members = r.sample([w.staff[k] for k in ("carys", "sioned", "gareth", "elin", "rhodri", "kelly", "nerys")], 4)
        pts = w.pick(pool, 4)
        day = DATES[(i + 4) % len(DATES)]
        L = []
        t = dt.datetime.combine(day, dt.time(7, 50))
        for p in pts:
            a = r.choice(members)
            t += dt.timedelta(minutes=r.randint(3, 40))
            L.append(f"[{t:%d/%m/%Y, %H:%M:%S}] {a.name}: Anyone able to pick up {p.fore} {p.sur} at {p.home.name} today? {p.cond[0]}")
            b = r.choice([m for m in members if m is not a])
            t += dt.timedelta(minutes=r.randint(1, 9))
            L.append(f"[{t:%d/%m/%Y, %H:%M:%S}] {b.name}: I can after 2. DOB?")
            t += dt.timedelta(minutes=1)
            L.append(f"[{t:%d/%m/%Y, %H:%M:%S}] {a.name}: {fdob(p.dob, 'dmy')}" + (f" NHS {fnhs(p.nhs, 1)}" if p.nhs and r.random() < 0.5 else ""))
            if p.home.plan:
                t += dt.timedelta(minutes=1)
                L.append(f"[{t:%d/%m/%Y, %H:%M:%S}] {a.name}: {w.access(p, terse=r.random() < 0.5)}")
            t += dt.timedelta(minutes=2)
            L.append(f"[{t:%d/%m/%Y, %H:%M:%S}] {b.name}: 👍")
        t += dt.timedelta(minutes=30)
        L.append(f"[{t:%d/%m/%Y, %H:%M:%S}] {members[0].name}: {w.near_miss()}")
        w.add(f"Nyrsio_Ardal/WhatsApp Chat - DN Tim {i + 1}.txt", "\r\n".join(L) + "\r\n")


def telecare_logs(w, count):
    r = w.rnd
    pool = w.svc("telecare") or w.people
    for i in range(count):
        day = DATES[(i * 4) % len(DATES)]
        pts = w.pick(pool, r.randint(5, 7))
        L = [f"# Cyswllt Dyfnant call log export {day.isoformat()} (operator {w.staff['sharon'].name})"]
        t = dt.datetime.combine(day, dt.time(0, 5))
        for p in pts:
            t += dt.timedelta(minutes=r.randint(40, 180))
            ev = r.choice(["PENDANT ALARM", "FALL DETECTOR", "SMOKE", "NO RESPONSE CHECK", "BED SENSOR"])
            L.append(f"{t:%Y-%m-%d %H:%M:%S} | {ev} | client {p.title} {p.fs} ({fdob(p.dob, 'iso')}) | {p.home.short()}")
            w.idn(p)
            resp = w.staff[r.choice(["iwan", "hannah"])]
            if p.home.plan and r.random() < 0.7:
                L.append(f"{t:%Y-%m-%d %H:%M:%S} | NOTE | responder {resp.name} sent. {w.access(p)}")
            else:
                L.append(f"{t:%Y-%m-%d %H:%M:%S} | NOTE | spoke via unit, {r.choice(['false alarm', 'client OK', 'ambulance requested', 'contacted ' + (p.nok.name if p.nok else 'neighbour')])}")
            if r.random() < 0.15:
                L.append(f"{t:%Y-%m-%d %H:%M:%S} | NOTE | {w.near_miss()}")
        w.add(f"Telecare/logs/calllog_{day.strftime('%Y%m%d')}.log", "\n".join(L) + "\n")


def dayc_notes(w, count):
    r = w.rnd
    pool = w.svc("dayc") or w.people
    mer = w.staff["mererid"]
    for i in range(count):
        day = DATES[(i * 5 + 2) % len(DATES)]
        pts = w.pick(pool, r.randint(5, 6))
        L = [f"CANOLFAN DDYDD HAFOD - Nodiadau'r dydd / Daily notes - {day.day} {CY_MONTHS[day.month - 1]} {day.year}",
             f"Staff: {mer.name}, {w.staff['delyth'].name}. Gyrrwr / driver: {w.staff['alunp'].name}", ""]
        for p in pts:
            L.append(f"* {p.fore} {p.sur} (ganwyd {fdob(p.dob, 'cy')}) - {p.home.short()}")
            w.idn(p)
            L.append("  " + r.choice(["Hwyliau da, canu gyda'r côr. Bwyta'n dda.", "Wedi blino heddiw, cysgu ar ôl cinio.",
                                      "Tired, didn't eat much. Told Delyth her hip is sore.", "Cymryd rhan yn y cwis. Good day.",
                                      "Bath yn y ganolfan. Croen yn iawn."]))
            if p.home.plan and r.random() < 0.5:
                L.append("  Bws adref / transport home: " + w.access(p, lang=r.choice(["cy", "en"])))
            elif r.random() < 0.3:
                L.append("  " + w.near_miss())
        w.add(f"Canolfan_Hafod/nodiadau_{day.isoformat()}.txt", "\n".join(L) + "\n")


def scheme_logs(w, count):
    r = w.rnd
    pool = [p for p in w.people if p.home.flat]
    eir = w.staff["eirian"]
    for i in range(count):
        day = DATES[(i * 3 + 5) % len(DATES)]
        pts = w.pick(pool, min(len(pool), 5))
        c1 = r.randint(1000, 9999)
        L = [f"{SCHEME} Scheme Manager's Log - {eir.name} - w/c {day.strftime('%d/%m/%Y')}",
             f"Main entrance keypad changed this week: new code {c1}X (staff, carers & deliveries only). Residents have fobs.",
             f"Office key cabinet code unchanged.", ""]
        for p in pts:
            L.append(f"Flat {p.home.flat} - {p.title} {p.fore} {p.sur}: " + r.choice([
                "daily call answered.", "no answer to daily call, found OK in lounge.", "OT visit re: shower seat.",
                "family visiting from Cardiff.", "GP visit, chest infection.", "wants to join the coffee morning."]))
            if p.home.plan and r.random() < 0.6:
                L.append("   " + w.access(p))
        L.append("")
        L.append("Fire alarm test Weds 11:00. Laundry room door code same as last month.")
        w.add(f"Llys_Hedd/manager_log_{day.isoformat()}.txt", "\n".join(L) + "\n")


# ---- letters
def letterhead(org):
    return {
        "DN": f"{BOARD}\nGwasanaethau Cymunedol / Community Services\nClinig Llanhedydd, Stryd Fawr, Llanhedydd {COUNTY} LD9 4AA",
        "OT": f"{BOARD}\nTherapi Galwedigaethol Cymunedol / Community Occupational Therapy\nCanolfan Iechyd Cwmcerdin LD9 6CC",
        "CR": "Gofal a Thrwsio Dyfnant / Care & Repair Dyfnant\nUned 4, Parc Busnes Pont-y-Gwyddel LD9 3BB\nElusen gofrestredig / Registered charity",
        "PALL": f"{BOARD}\nGofal Lliniarol Cymunedol / Community Palliative Care",
        "GP": "Meddygfa'r Bont (Dispensing Practice)\nHeol yr Afon, Pont-y-Gwyddel, LD9 3AP\nDr H. Lloyd, Dr S. Whitfield",
        "TEL": "Cyswllt Dyfnant - Gwasanaeth Teleofal / Telecare & Falls Response\nCyngor Sir Ddyfnant",
        "DAY": "Canolfan Ddydd Hafod\nFfordd y Felin, Llanhedydd LD9 4FF",
        "PHARM": "Fferyllfa Cwmcerdin / Cwmcerdin Pharmacy\nSgwâr y Farchnad, Cwmcerdin LD9 6AB",
        "OOH": "Dyfnant Out of Hours Service / Gwasanaeth y Tu Allan i Oriau",
    }[org]


def ot_letters(w, count):
    r = w.rnd
    pool = w.svc("ot") or w.people
    for i in range(count):
        p = w.pick(pool, 1)[0]
        ot = w.staff[r.choice(["rhian", "ffion"])]
        gp = w.staff[r.choice(["huw", "sarah"])]
        day = DATES[(i + 1) % len(DATES)]
        paras = [day.strftime("%d %B %Y"), f"{gp.titled()}\nMeddygfa'r Bont\nPont-y-Gwyddel",
                 f"Dear {gp.title} {gp.sur},",
                 f"Re: {p.title} {p.full}, {p.home.addr()}\nDate of birth: {fdob(p.dob, r.choice(['long', 'dmy']))}"
                 + (f"   NHS number: {fnhs(p.nhs)}" if p.nhs else ""),
                 f"I visited {p.mrs()} at home on {DATES[i % len(DATES)].strftime('%d/%m/%Y')} following your referral. "
                 f"{'She' if p.sex == 'F' else 'He'} has {p.cond[0]} and is finding "
                 f"{r.choice(['the stairs', 'getting in and out of the bath', 'the step at the back door'])} increasingly difficult.",
                 r.choice(["I have recommended a stairlift and referred to Gofal a Thrwsio Dyfnant for a Disabled Facilities Grant.",
                           "I have issued a perching stool and a raised toilet seat and asked Care & Repair to fit two grab rails.",
                           "A half-step and rail at the back door have been requested through the Rapid Response Adaptations Programme."])]
        w.idn(p, nhs=True)
        if p.spouse:
            paras.append(f"{'Her husband' if p.sex == 'F' else 'His wife'}, {p.spouse.fore}, is also known to our service.")
        if p.home.plan and r.random() < 0.3:
            paras.append("For your practice's home visits: " + w.access(p))
        elif r.random() < 0.4:
            paras.append("Key worker for the DFG: " + w.staff["gwenda"].name + ", Care & Repair.")
        paras += ["Yours sincerely,", f"{ot.name}\n{ot.role}", f"cc: {p.title} {p.fs}; {w.staff['gwenda'].name}, Gofal a Thrwsio Dyfnant"]
        w.add(f"OT/letters/OT_letter_{p.sur.replace(' ', '')}_{p.fore[0]}_{i}.docx",
              docx_bytes(paras, header=letterhead("OT"), footer="Rydym yn croesawu gohebiaeth yn Gymraeg / We welcome correspondence in Welsh", author=ot.name))


def cr_letters(w, count):
    r = w.rnd
    pool = w.svc("cr") or w.people
    gw = w.staff["gwenda"]
    for i in range(count):
        p = w.pick(pool, 1)[0]
        day = DATES[(i * 2) % len(DATES)]
        ref = f"CR/25/{r.randint(1000, 9999)}"
        paras = [f"Ein cyf / Our ref: {ref}", day.strftime("%d/%m/%Y"),
                 f"{p.title} {p.fore} {p.sur}\n{p.home.addr(2)}",
                 f"Annwyl {p.mrs()} / Dear {p.mrs()},",
                 "Grant Addasiadau Cyflym / Rapid Response Adaptations",
                 f"I am pleased to confirm that the following work has been approved for your home: "
                 f"{r.choice(['2 x grab rails (bathroom), 1 x newel rail', 'concrete ramp to the back door with handrail', 'key safe and external lighting', 'half step and rail to front door'])}. "
                 f"Our contractor, {w.staff['garethg'].name} of Griffiths a'i Fab, will ring you to arrange a date.",
                 "To help us keep our records right, please check your details below."]
        tables = [(len(paras), [["Enw / Name", p.full], ["Dyddiad geni / Date of birth", fdob(p.dob, r.choice(["cy", "dmy", "long"]))],
                                ["Cyfeiriad / Address", p.home.addr()], ["Ffôn / Phone", f"07700 900{r.randint(0, 999):03d}"],
                                ["Atgyfeiriwyd gan / Referred by", w.staff[r.choice(['rhian', 'ffion'])].name + " (OT)"]])]
        w.idn(p)
        paras.append("If you have any questions please ring me on 07700 900" + f"{r.randint(0, 999):03d}.")
        if r.random() < 0.3:
            paras.append(w.near_miss())
        paras += ["Yn gywir / Yours sincerely,", f"{gw.name}\nGweithiwr Achos / Caseworker"]
        w.add(f"Care_and_Repair/letters/{ref.replace('/', '-')}_{p.sur.replace(' ', '')}.docx",
              docx_bytes(paras, tables=tables, header=letterhead("CR"), author=gw.name))


def chc_letters(w, count):
    r = w.rnd
    pool = w.svc("pall") or w.people
    hef = w.staff["hefin"]
    for i in range(count):
        p = w.pick(pool, 1)[0]
        day = DATES[(i + 5) % len(DATES)]
        nok = p.spouse or p.nok
        to = (f"{nok.title} {nok.fs}" if p.spouse else nok.name) if nok else f"{p.title} {p.fs}"
        paras = [day.strftime("%d %B %Y"), f"{to}\n{p.home.addr(2) if p.spouse or not nok else nok.where}",
                 "CHC Fast Track - end of life care package",
                 f"Patient: {p.title} {p.full}   DOB: {fdob(p.dob, 'dmy')}   NHS: {fnhs(p.nhs) or 'to follow'}",
                 f"Further to the Fast Track tool completed by {w.staff['nerys'].name}, Palliative Care CNS, I can confirm that "
                 f"NHS Continuing Healthcare funding has been agreed from {day.strftime('%d/%m/%Y')}. This includes night sitting "
                 f"four nights a week from the Night Sitting Service and a package of care four calls a day.",
                 "The package will be reviewed in 4 weeks or sooner if needs change."]
        w.idn(p, nhs=True)
        if p.home.plan and r.random() < 0.4:
            paras.append("We have noted for the sitters: " + w.access(p))
        paras += ["Yours sincerely,", f"{hef.name}\n{hef.role}, {BOARD}",
                  f"cc: {w.staff['huw'].titled()}; {w.staff['carys'].name} (DN)"]
        w.add(f"Gofal_Lliniarol/CHC/FastTrack_{p.sur.replace(' ', '')}_{p.dob.year}.docx",
              docx_bytes(paras, header=letterhead("PALL"), author=hef.name))


def dayc_letters(w, count):
    r = w.rnd
    pool = w.svc("dayc") or w.people
    mer = w.staff["mererid"]
    for i in range(count):
        p = w.pick(pool, 1)[0]
        paras = [f"{DATES[i].day} {CY_MONTHS[DATES[i].month - 1]} {DATES[i].year}",
                 f"{p.title} {p.fs}\n{p.home.addr(2)}",
                 f"Annwyl {p.fore},",
                 f"Croeso i Ganolfan Ddydd Hafod! Byddwch yn dod atom bob {r.choice(['dydd Mawrth', 'dydd Iau', 'dydd Llun a dydd Iau'])}. "
                 f"Bydd {w.staff['alunp'].name} yn eich casglu tua 9.30.",
                 f"Welcome to Hafod Day Centre. We have your details as: {p.full}, ganwyd / born {fdob(p.dob, 'cy')}.",
                 "Os oes angen newid unrhyw beth, ffoniwch ni. Please ring if anything needs changing.",
                 "Cofion cynnes / Kind regards,", f"{mer.name}\nRheolwr / Manager"]
        w.idn(p)
        if p.home.plan and r.random() < 0.35:
            paras.insert(6, "Nodyn i'r gyrrwr / note for the driver: " + w.access(p, lang="cy"))
        w.add(f"Canolfan_Hafod/llythyrau/croeso_{p.fore}_{p.sur.replace(' ', '')}.docx",
              docx_bytes(paras, header=letterhead("DAY"), author=mer.name))


def dn_discharge_letters(w, count):
    r = w.rnd
    pool = w.svc("dn") or w.people
    for i in range(count):
        p = w.pick(pool, 1)[0]
        n = w.staff_for(p)
        paras = [DATES[-1 - i].strftime("%d/%m/%Y"), f"{p.title} {p.fore} {p.sur}\n{p.home.addr(2)}",
                 f"Dear {p.mrs()},",
                 f"Discharge from the District Nursing caseload - {p.full}, born {fdob(p.dob, 'long')}",
                 f"Your {r.choice(['leg ulcer has healed', 'wound has healed', 'catheter is now managed by the continence clinic'])} "
                 f"and we will no longer be visiting. If you need us again please ring the team.",
                 "Please remember to remove the code from your key safe if you no longer need it, or change it." if "code" in p.home.plan else
                 "Thank you for making us welcome.",
                 "Best wishes,", f"{n.name}\n{n.role}"]
        w.idn(p)
        w.add(f"Nyrsio_Ardal/letters/discharge_{p.sur.replace(' ', '')}_{i}.docx", docx_bytes(paras, header=letterhead("DN"), author=n.name))


def cr_completion_pdfs(w, count):
    r = w.rnd
    pool = [p for p in w.svc("cr")] or w.people
    for i in range(count):
        p = w.pick(pool, 1)[0]
        g = w.staff[r.choice(["garethg", "kevin", "steffan"])]
        ref = f"CR/25/{r.randint(1000, 9999)}"
        work = r.choice(["Grab rails x2 fitted to bathroom, ceramic tiles, fixings into masonry.",
                         "Ramp formed to back door 1:12, handrail both sides.", "Stair rail (second banister) fitted.",
                         "External light over front door."])
        T = [letterhead("CR"), "", "TYSTYSGRIF CWBLHAU GWAITH / WORK COMPLETION CERTIFICATE", "",
             f"Job ref: {ref}      Date completed: {DATES[(i + 3) % len(DATES)].strftime('%d/%m/%Y')}",
             f"Client: {p.sur.upper()}, {p.fore}      DOB: {fdob(p.dob, 'dmy')}",
             f"Property: {p.home.addr()}", f"Operative: {g.name} ({g.org})", "", f"Work carried out: {work}"]
        w.idn(p)
        if "code" in p.home.plan and r.random() < 0.6:
            c, loc = p.home.plan["code"]
            T.append(f"Key safe (police-approved, Supra C500) fitted {loc}. Code set to {c} with client - "
                     f"please keep this certificate somewhere safe and do not share the code.")
            w.emit(p.home, "code", c)
        elif r.random() < 0.3:
            T.append("Key safe: client declined.")
        T += ["", "Client satisfied: YES   Signature: (signed)", f"Inspected by: {w.staff['steffan'].name}, Technical Officer",
              "", w.near_miss() if r.random() < 0.3 else "Guarantee: 12 months on workmanship."]
        w.add(f"Care_and_Repair/completions/{ref.replace('/', '_')}.pdf", pdf_text("\n".join(T)))


def telecare_install_pdfs(w, count):
    r = w.rnd
    pool = w.svc("telecare") or w.people
    for i in range(count):
        p = w.pick(pool, 1)[0]
        em = w.staff["emyr"]
        T = [letterhead("TEL"), "", DATES[i % len(DATES)].strftime("%d %B %Y"), "",
             f"{p.title} {p.fore} {p.sur}", p.home.addr(2), "",
             f"Annwyl / Dear {p.mrs()},", "",
             f"Your Lifeline unit and pendant were installed on {DATES[i % len(DATES)].strftime('%d/%m/%Y')} by {em.name}.",
             "Details we hold:",
             f"  Name: {p.full}", f"  Date of birth: {fdob(p.dob, r.choice(['long', 'dmy', 'cy']))}",
             f"  NHS number: {fnhs(p.nhs)}" if p.nhs else "  NHS number: -",
             f"  Pendant ID: P{r.randint(100000, 999999)}   Unit tel: 07700 900{r.randint(0, 999):03d}"]
        w.idn(p, nhs=True)
        if p.home.plan:
            if "holder" in p.home.plan:
                for hd in p.home.plan["holder"]:
                    T.append(f"  Key holder: {hd.name} ({hd.rel}) {hd.phone}")
                w.emit(p.home, "holder", f"key held by {p.home.plan['holder'][0].name}")
            if "code" in p.home.plan:
                T.append(f"  Responder access: key safe {p.home.plan['code'][1]}, code {p.home.plan['code'][0]}")
                w.emit(p.home, "code", p.home.plan["code"][0])
        else:
            T.append(f"  Contact (no key): {p.nok.name if p.nok else 'none given'}; if no answer we will send the ambulance service.")
        T += ["", "Please test your pendant once a month.", "Yn gywir / Yours sincerely,", em.name, em.role]
        w.add(f"Telecare/installs/install_{p.sur.replace(' ', '').replace(chr(39), '')}_{i}.pdf", pdf_text("\n".join(T)))


def pall_pdfs(w, count):
    r = w.rnd
    pool = w.svc("pall") or w.people
    for i in range(count):
        p = w.pick(pool, 1)[0]
        cons = w.staff["owainrees"]
        T = [letterhead("PALL"), "", f"Clinic letter dictated {DATES[i].strftime('%d/%m/%Y')}, typed {DATES[i + 1].strftime('%d/%m/%Y')}", "",
             f"{w.staff['huw'].titled()}, Meddygfa'r Bont", "",
             f"Re: {p.title} {p.full}  ({fdob(p.dob, 'mon')})  NHS {fnhs(p.nhs) or 'n/k'}", f"{p.home.addr()}", "",
             f"Dear Huw,", "",
             f"I saw {p.fore} at home with {p.spouse.fore if p.spouse else (p.nok.name if p.nok else 'a neighbour')} today. "
             f"Diagnosis: {p.cond[0]}. {'She' if p.sex == 'F' else 'He'} wishes to die at home and we have discussed "
             "DNACPR, which is in place. I have increased the syringe driver and written up anticipatory medication.",
             f"{w.staff['nerys'].name} will continue to visit weekly and the district nurses daily."]
        w.idn(p, nhs=True)
        if p.home.plan and r.random() < 0.3:
            T.append("Access for the team: " + w.access(p))
        T += ["", "Best wishes,", cons.titled(), cons.role, f"cc {p.title} {p.fs}"]
        w.add(f"Gofal_Lliniarol/letters/{p.sur.replace(' ', '')}_{p.fore}_clinic.pdf", pdf_text("\n".join(T)))


def gp_rtf(w, count):
    r = w.rnd
    pool = w.svc("deliv") + w.svc("ooh") + w.svc("dn")
    for i in range(count):
        p = w.pick(pool, 1)[0]
        gp = w.staff[r.choice(["huw", "sarah"])]
        paras = [letterhead("GP").replace("\n", " | "), DATES[i % len(DATES)].strftime("%d %B %Y"),
                 f"Adran Orthopedeg / Orthopaedic Dept, Ysbyty Cyffredinol Dyfnant" if i % 2 else
                 f"{w.staff['catrinm'].titled()}, Care of the Elderly, Ysbyty Cyffredinol Dyfnant",
                 f"Dear Colleague,",
                 f"RE: {p.sf()}  D.O.B. {fdob(p.dob, r.choice(['dmy', 'dot', 'long']))}  " + (f"NHS No. {fnhs(p.nhs, 1)}" if p.nhs else ""),
                 f"{p.home.addr()}",
                 f"Thank you for seeing this {p.age()} year old {'lady' if p.sex == 'F' else 'gentleman'} with {', '.join(p.cond)}. "
                 + r.choice(["Falls increasing; lives alone on a hill farm.", "Weight loss 6kg over 3 months.",
                             "Cognitive decline noted by family and the delivery driver."]),
                 f"Medication is dispensed by the practice and delivered weekly by our driver.",
                 r.choice(["Transport will be needed.", "Welsh is first language; please offer Welsh-speaking staff.",
                           "Hard of hearing."])]
        w.idn(p, nhs=True)
        if p.home.plan and r.random() < 0.25:
            paras.append("If a home visit is needed: " + w.access(p))
        paras += ["Yours sincerely,", gp.titled(), gp.role]
        w.add(f"Meddygfa_r_Bont/letters/referral_{p.sur.replace(' ', '')}_{i}.rtf", rtf_bytes(paras))


def ooh_rtf(w, count):
    r = w.rnd
    pool = w.svc("ooh") + w.svc("pall")
    for i in range(count):
        p = w.pick(pool, 1)[0]
        gp = w.staff[r.choice(["annmarie", "kiran", "tomos"])]
        paras = ["Dyfnant OOH - Post Event Message for the registered practice",
                 f"Patient: {p.title} {p.fore} {p.sur}", f"Date of birth: {fdob(p.dob, 'iso')}",
                 f"NHS number: {fnhs(p.nhs) or 'unknown'}", f"Address: {p.home.addr()}",
                 f"Consultation: home visit by {gp.titled()}, {DATES[i].strftime('%d/%m/%Y')} {r.randint(19, 23)}:{r.randint(0, 59):02d}",
                 f"Presenting complaint: {r.choice(['fall', 'breathless', 'pain not controlled', 'confused', 'catheter blocked'])}.",
                 f"Outcome: managed at home. Practice to review.",
                 f"Informed: {w.staff_for(p).name} (DN)."]
        w.idn(p, nhs=True)
        if p.home.plan and r.random() < 0.5:
            paras.append("Access information recorded on the call: " + w.access(p))
        else:
            paras.append(w.near_miss())
        w.add(f"OOH/PEM/PEM_{i:03d}_{p.sur.replace(' ', '')}.rtf", rtf_bytes(paras))


def pharm_rtf(w, count):
    r = w.rnd
    pool = w.svc("pharm") or w.people
    ao = w.staff["aled"]
    for i in range(count):
        p = w.pick(pool, 1)[0]
        paras = [letterhead("PHARM").replace("\n", " - "), DATES[i + 2].strftime("%d/%m/%Y"),
                 f"To: {w.staff['huw'].titled()}, Meddygfa'r Bont",
                 f"Re: {p.full}, {p.home.short()} (DOB {fdob(p.dob, 'short')})",
                 "We have started this patient on weekly compliance packs (blister packs) from next week. "
                 "Please send 7-day prescriptions. We will deliver on Thursdays.",
                 "Discharge Medicines Review completed: apixaban dose checked against weight and creatinine."]
        w.idn(p)
        if r.random() < 0.5:
            paras.append(w.near_miss())
        paras += ["Diolch,", ao.name, ao.role]
        w.add(f"Fferyllfa/letters/DMR_{p.sur.replace(' ', '')}_{i}.rtf", rtf_bytes(paras))


# ---- structured
def caseload_csv(w, team, teamname):
    r = w.rnd
    pool = [p for p in w.svc("dn") + w.svc("pall") if (w.staff_for(p).org == teamname)]
    pool = sorted(set(pool), key=lambda p: p.pid)
    rows = [["NHS Number", "Surname", "Forename", "Middle", "DOB", "Title", "Address", "Postcode",
             "Named Nurse", "Visit Freq", "Reason", "Access / Key safe"]]
    for p in pool:
        acc = w.access(p, terse=True) if p.home.plan and r.random() < 0.5 else ""
        addr = p.home.addr().rsplit(",", 1)[0]
        rows.append([fnhs(p.nhs, 1), p.sur, p.fore, " ".join(p.middle), fdob(p.dob, "dmy"), p.title, addr,
                     SCHEME_PC if p.home.flat else p.home.pc, w.staff_for(p).name,
                     r.choice(["daily", "3x week", "weekly", "fortnightly", "BD"]), p.cond[0], acc])
        w.idn(p, nhs=True)
    w.add(f"Exports/DN_caseload_{team}_2025-11.csv", csv_bytes(rows))


def telecare_extract(w, part, n):
    r = w.rnd
    pool = sorted(w.svc("telecare"), key=lambda p: p.pid)
    pool = pool[part::n]
    rows = [["client_id", "surname", "forename", "dob", "nhs_no", "address", "postcode", "equipment",
             "key_safe", "key_safe_code", "key_safe_location", "keyholder1_name", "keyholder1_relationship",
             "keyholder1_phone", "keyholder2_name", "keyholder2_relationship", "responder_notes"]]
    for p in pool:
        h = p.home
        code = h.plan.get("code")
        hs = h.plan.get("holder", [])
        note = ""
        if "hidden" in h.plan and r.random() < 0.5:
            note = w.access(p, kinds=["hidden"])
        elif "open" in h.plan and r.random() < 0.5:
            note = w.access(p, kinds=["open"])
        elif not h.plan:
            note = r.choice(["No key safe. Contact family first.", "Client will not have key safe.",
                             "Key safe to be fitted by C&R - not yet done.", ""])
        if code:
            w.emit(h, "code", code[0])
        if hs:
            w.emit(h, "holder", f"key held by {hs[0].name}")
        contact = "" if hs else (p.nok.name + " (no key)" if p.nok and r.random() < 0.5 else "")
        rows.append([f"CD{10000 + p.pid}", p.sur, p.fore, fdob(p.dob, "iso"), fnhs(p.nhs, 1),
                     h.addr().rsplit(",", 1)[0], SCHEME_PC if h.flat else h.pc,
                     r.choice(["Lifeline + pendant", "Lifeline + fall detector", "pendant, smoke, bed sensor"]),
                     "Y" if code else "N", code[0] if code else "", code[1] if code else "",
                     hs[0].name if hs else contact, hs[0].rel if hs else ("contact only" if contact else ""),
                     hs[0].phone if hs else "", hs[1].name if len(hs) > 1 else "",
                     hs[1].rel if len(hs) > 1 else "", note])
        w.idn(p, nhs=True)
    w.add(f"Telecare/exports/cyswllt_clients_{part + 1}_of_{n}.csv", csv_bytes(rows, bom=True))


def cr_jobs_csv(w):
    r = w.rnd
    pool = sorted(w.svc("cr"), key=lambda p: p.pid)
    rows = [["Job Ref", "Client", "Property", "Work", "Contractor", "Status", "Notes"]]
    for p in pool:
        note = ""
        if "code" in p.home.plan and r.random() < 0.5:
            note = w.access(p, kinds=["code"])
        elif p.home.plan and r.random() < 0.4:
            note = "Access: " + w.access(p)
        else:
            note = w.near_miss() if r.random() < 0.3 else ""
        rows.append([f"CR/25/{r.randint(1000, 9999)}", f"{p.title} {p.fore[0]} {p.sur}", p.home.short(),
                     r.choice(["grab rails", "ramp", "stairlift (DFG)", "key safe", "half step", "lever taps"]),
                     r.choice([w.staff["garethg"].name, w.staff["wayne"].name, w.staff["kevin"].name]),
                     r.choice(["booked", "complete", "awaiting OT", "on hold"]), note])
    w.add("Care_and_Repair/jobs_open.csv", csv_bytes(rows))


def dayc_register(w):
    pool = sorted(w.svc("dayc"), key=lambda p: p.pid)
    rows = [["Enw", "Cyfenw", "Dyddiad geni", "Dyddiau", "Cludiant", "Deiet"]]
    r = w.rnd
    for p in pool:
        rows.append([p.fore, p.sur, fdob(p.dob, "dmy"), r.choice(["Llun", "Mawrth", "Iau", "Llun/Iau"]),
                     r.choice(["Bws (Alun)", "Teulu", "Tacsi"]), r.choice(["", "diabetig", "meddal", "llysieuol"])])
        w.idn(p)
    w.add("Canolfan_Hafod/cofrestr_mynychwyr.csv", csv_bytes(rows, delim=";"))


def pharmacy_csv(w):
    pool = sorted(w.svc("pharm") + [p for p in w.svc("deliv") if w.rnd.random() < 0.2], key=lambda p: p.pid)
    rows = [["Patient", "DOB", "Pack type", "Collect/Deliver", "Delivery note"]]
    r = w.rnd
    for p in dict.fromkeys(pool):
        note = w.access(p, kinds=[k for k in ("hidden", "open") if k in p.home.plan][:1]) if (
            ("hidden" in p.home.plan or "open" in p.home.plan) and r.random() < 0.6) else r.choice(["", "Signature", "Leave with neighbour", "Fridge line"])
        rows.append([f"{p.sur}, {p.fore}" + (f" {p.middle[0][0]}." if p.middle else ""), fdob(p.dob, "mon"),
                     r.choice(["Blister 7d", "Original packs", "MDS 28d"]), r.choice(["Deliver", "Collect"]), note])
        w.idn(p)
    w.add("Fferyllfa/compliance_packs.csv", csv_bytes(rows))


def ot_waiting_csv(w):
    """No NHS numbers: split name columns, DOB."""
    pool = sorted(w.svc("ot"), key=lambda p: p.pid)
    rows = [["Surname", "First name", "Date of Birth", "Village", "Priority", "Referrer", "Allocated OT"]]
    r = w.rnd
    for p in pool:
        rows.append([p.sur.upper(), p.fore, fdob(p.dob, "dmy"), p.home.village if not p.home.flat else "Llanhedydd (Llys Hedd)",
                     r.choice(["P1", "P2", "P3"]), r.choice(["GP", "DN", "Self", "Hospital"]),
                     r.choice([w.staff["rhian"].name, w.staff["ffion"].name, ""])])
        w.idn(p)
    w.add("OT/waiting_list_Nov25.csv", csv_bytes(rows))


def delivery_schedule_csv(w):
    pool = sorted(w.svc("deliv"), key=lambda p: p.pid)
    rows = [["Round", "Day", "Patient", "House", "Village", "Items", "Driver instructions"]]
    r = w.rnd
    for p in pool:
        ins = w.access(p, kinds=["hidden"] if "hidden" in p.home.plan else ["open"] if "open" in p.home.plan else ["holder"]) \
            if p.home.plan and r.random() < 0.4 else r.choice(["", "leave in porch box", "ring first", "CD - signature"])
        rows.append([r.choice("ABC"), r.choice(["Mon", "Wed", "Fri"]), f"{p.fore} {p.sur}", p.home.name, p.home.village,
                     r.randint(1, 5), ins])
    w.add("Meddygfa_r_Bont/Dispensary/delivery_schedule.csv", csv_bytes(rows))


def nightsit_rota_xlsx(w, i):
    r = w.rnd
    pool = w.svc("pall") or w.people
    pts = w.pick(pool, min(len(pool), 5))
    sitters = [w.staff[k] for k in ("llinos", "tracey", "glesni")]
    rows = [[f"Night Sitting Rota - w/c {DATES[i * 5].strftime('%d/%m/%Y')}"], [],
            ["Client", "DOB", "Address", "Mon", "Tue", "Wed", "Thu", "Access"]]
    for p in pts:
        acc = w.access(p) if p.home.plan else "family opens door"
        rows.append([p.fs, fdob(p.dob, "dmy"), p.home.short()] + [r.choice(sitters).name for _ in range(4)] + [acc])
        w.idn(p)
    rows += [[], ["Co-ordinator", w.staff["hefin"].name], ["Nurses' base key safe (drugs)", f"{r.randint(1000, 9999)}"]]
    w.add(f"Gofal_Lliniarol/night_sitting/rota_wc_{DATES[i * 5].isoformat()}.xlsx",
          xlsx_bytes([("Rota", rows)], author=w.staff["hefin"].name))


def delivery_xlsx(w):
    r = w.rnd
    pool = sorted(w.svc("deliv"), key=lambda p: p.pid)
    sheets = []
    for rnd_name in ("A", "B", "C"):
        rows = [["Drop", "Name", "DOB", "House", "Village", "Postcode", "Notes"]]
        for j, p in enumerate(pool[{"A": 0, "B": 1, "C": 2}[rnd_name]::3], 1):
            note = w.access(p, terse=True) if p.home.plan and r.random() < 0.5 else ""
            rows.append([j, f"{p.title} {p.fore} {p.sur}", fdob(p.dob, "dmy"), p.home.name, p.home.village, p.home.pc, note])
            w.idn(p)
        sheets.append((f"Round {rnd_name}", rows))
    w.add("Meddygfa_r_Bont/Dispensary/Rounds_master.xlsx", xlsx_bytes(sheets, author=w.staff["manon"].name))


def contractor_xlsx(w, i):
    r = w.rnd
    pool = w.svc("cr") or w.people
    pts = w.pick(pool, min(len(pool), 6))
    g = w.staff["garethg"] if i == 0 else w.staff["wayne"]
    rows = [[f"{g.org} - job sheets for Gofal a Thrwsio Dyfnant - {g.name}"],
            ["Job", "Customer", "Tel", "Address", "Work", "Access / notes", "Done"]]
    for p in pts:
        note = w.access(p) if p.home.plan and r.random() < 0.6 else r.choice([
            "Customer in all day.", "Ring daughter first.", f"Van lock box {r.randint(1000, 9999)}",
            "Parking in the yard.", "Stairlift rail measured, 13 steps, curve at top."])
        rows.append([f"CR/25/{r.randint(1000, 9999)}", f"{p.sur}, {p.fore}", f"07700 900{r.randint(0, 999):03d}",
                     p.home.addr(), r.choice(["rails", "ramp", "stairlift", "key safe + rails", "half step"]),
                     note, r.choice(["Y", "N", ""])])
    rows.append([])
    rows.append(["Store/yard gate code", f"{r.randint(1000, 9999)}"])
    w.add(f"Care_and_Repair/contractors/{g.org.split()[0]}_jobsheets_{i + 1}.xlsx", xlsx_bytes([("Jobs", rows)], author=g.name))


def keysafe_register_xlsx(w):
    """District nursing's own key safe register (code homes only)."""
    pool = sorted([p for p in w.svc("dn") if "code" in p.home.plan], key=lambda p: p.pid)
    rows = [["Cofrestr blychau allweddi / Key safe register - DN Llanhedydd & Cwmcerdin - CONFIDENTIAL"],
            ["Patient", "Address", "Key safe location", "Code", "Checked"]]
    for p in pool:
        c, loc = p.home.plan["code"]
        rows.append([p.sf(upper=False), p.home.short(), loc, c, DATES[w.rnd.randrange(len(DATES))].strftime("%d/%m/%Y")])
        w.emit(p.home, "code", c)
    w.add("Nyrsio_Ardal/keysafe_register.xlsx", xlsx_bytes([("Register", rows)], author=w.staff["carys"].name))


def hl7_files(w, count):
    r = w.rnd
    pool = w.people
    for i in range(count):
        pts = w.pick(pool, r.randint(2, 4))
        msgs = []
        for j, p in enumerate(pts):
            att = w.staff[r.choice(["huw", "sarah", "catrinm", "annmarie"])]
            dn = w.staff_for(p)
            ts = DATES[i % len(DATES)].strftime("%Y%m%d") + f"{r.randint(8, 18):02d}{r.randint(0, 59):02d}"
            pid3 = f"{p.nhs}^^^NHS^NH" if p.nhs else f"D{700000 + p.pid}^^^DYF^MR"
            h = p.home
            addr = (f"Flat {h.flat}^{SCHEME}, Heol y Capel^Llanhedydd^{COUNTY}^{SCHEME_PC}" if h.flat else
                    f"{h.name}^^{h.village}^{COUNTY}^{h.pc}")
            seg = [f"MSH|^~\\&|WCCG|DYFNANT|COMMUNITY|DYF|{ts}||{'ADT^A04' if j % 2 == 0 else 'REF^I12'}|MSG{i:02d}{j:02d}{r.randint(100, 999)}|P|2.4",
                   f"EVN|A04|{ts}",
                   f"PID|1||{pid3}||{p.hl7name()}||{fdob(p.dob, 'hl7')}|{p.sex}|||{addr}||07700 900{r.randint(0, 999):03d}"]
            if p.spouse:
                seg.append(f"NK1|1|{p.spouse.sur.upper()}^{p.spouse.fore}|{'HUS^Husband' if p.sex == 'F' else 'WIF^Wife'}|{addr}")
            elif p.nok:
                seg.append(f"NK1|1|{p.nok.sur.upper()}^{p.nok.fore}|{p.nok.rel.upper()[:3]}^{p.nok.rel}||{p.nok.phone}")
            seg.append(f"PV1|1|C|{'DN' if 'dn' in p.services else 'COMM'}^^^DYF||||G{r.randint(1000000, 9999999)}^{att.sur.upper()}^{att.fore}^^^{att.title or 'Dr'}")
            seg.append(f"ROL|1|AD|PP^Named Nurse|N{r.randint(100000, 999999)}^{dn.sur.upper()}^{dn.fore}")
            seg.append(f"OBX|1|TX|DX^Diagnosis||{p.cond[0]}||||||F")
            if h.plan and r.random() < 0.6:
                seg.append(f"NTE|1||Access: {w.access(p)}")
            elif r.random() < 0.3:
                seg.append(f"NTE|1||{w.near_miss()}")
            msgs.append("\r".join(seg))
            w.idn(p, nhs=True)
        w.add(f"Interfaces/hl7/batch_{i + 1:03d}.hl7", "\r\n".join(msgs) + "\r")


def fhir_files(w, count):
    r = w.rnd
    for i in range(count):
        pts = w.pick(w.people, r.randint(2, 4))
        entries = []
        pracs = {}
        for p in pts:
            s = w.staff_for(p)
            pracs[s.key] = s
            pat = {"resourceType": "Patient", "id": f"pat-{p.pid}",
                   "name": [{"use": "official", "family": p.sur, "given": [p.fore] + p.middle, "prefix": [p.title]}],
                   "gender": "female" if p.sex == "F" else "male", "birthDate": fdob(p.dob, "iso"),
                   "address": [{"line": [f"Flat {p.home.flat}", SCHEME, "Heol y Capel"] if p.home.flat else [p.home.name],
                                "city": "Llanhedydd" if p.home.flat else p.home.village, "district": COUNTY,
                                "postalCode": SCHEME_PC if p.home.flat else p.home.pc}],
                   "communication": [{"language": {"text": r.choice(["Welsh", "English", "Cymraeg"])}}],
                   "generalPractitioner": [{"display": w.staff["huw"].titled()}]}
            if p.nhs:
                pat["identifier"] = [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": p.nhs}]
            entries.append({"fullUrl": f"urn:uuid:pat-{p.pid}", "resource": pat})
            w.idn(p, nhs=True)
            if p.home.plan and r.random() < 0.6:
                entries.append({"resource": {"resourceType": "Flag", "status": "active",
                                             "code": {"text": "Home access: " + w.access(p)},
                                             "subject": {"reference": f"Patient/pat-{p.pid}", "display": p.fs}}})
            hs = p.home.plan.get("holder")
            if hs and r.random() < 0.5:
                entries.append({"resource": {"resourceType": "RelatedPerson", "patient": {"reference": f"Patient/pat-{p.pid}"},
                                             "relationship": [{"text": hs[0].rel + " - key holder"}],
                                             "name": [{"family": hs[0].sur, "given": [hs[0].fore]}],
                                             "telecom": [{"system": "phone", "value": hs[0].phone}]}})
                w.emit(p.home, "holder", f"key held by {hs[0].name}")
            entries.append({"resource": {"resourceType": "Encounter", "status": "finished", "class": {"code": "HH", "display": "home health"},
                                         "subject": {"reference": f"Patient/pat-{p.pid}"},
                                         "participant": [{"individual": {"reference": f"Practitioner/{s.key}", "display": s.name}}],
                                         "period": {"start": DATES[i % len(DATES)].isoformat()}}})
        for s in pracs.values():
            entries.append({"resource": {"resourceType": "Practitioner", "id": s.key,
                                         "name": [{"family": s.sur, "given": s.fore.split(), "prefix": [s.title] if s.title else []}],
                                         "qualification": [{"code": {"text": s.role}}]}})
        bundle = {"resourceType": "Bundle", "type": "collection", "timestamp": f"{DATES[i].isoformat()}T09:00:00Z", "entry": entries}
        w.add(f"Interfaces/fhir/community_bundle_{i + 1}.json", json.dumps(bundle, ensure_ascii=False, indent=1))


def eml_files(w, count):
    r = w.rnd
    for i in range(count):
        kind = i % 4
        msg = EmailMessage()
        day = dt.datetime.combine(DATES[i % len(DATES)], dt.time(r.randint(8, 17), r.randint(0, 59)), tzinfo=dt.timezone.utc)
        if kind == 0:
            frm, to, cc = w.staff["carys"], w.staff["bethan"], [w.staff["nerys"]]
            pts = w.pick(w.svc("dn") or w.people, 4)
            subj = "Cover list for Friday - Llanhedydd patients"
            body = [f"Hi {to.first},", "", "Thanks for covering. The four who need a visit on Friday are in the attached. Main things:"]
            for p in pts:
                body.append(f"- {p.title} {p.fs}: {p.cond[0]}" + (f". {w.access(p)}" if p.home.plan and r.random() < 0.5 else ""))
            body += ["", "Diolch,", frm.first, f"{frm.role}, {frm.org}"]
            att = csv_bytes([["name", "dob", "nhs", "address", "task"]] +
                            [[p.fs, fdob(p.dob, "dmy"), fnhs(p.nhs, 1), p.home.addr(), p.cond[0]] for p in pts])
            for p in pts:
                w.idn(p, nhs=True)
            att_name, mt = "friday_cover.csv", ("text", "csv")
        elif kind == 1:
            frm, to, cc = w.staff["rhian"], w.staff["gwenda"], [w.staff["steffan"]]
            p = w.pick(w.svc("ot") or w.people, 1)[0]
            pts = [p]
            subj = f"Referral - {p.fs} - rails and key safe"
            body = [f"Bore da {to.first},", "",
                    f"Please find attached a referral for {p.title} {p.sur}, {p.home.short()}. DOB {fdob(p.dob, 'dmy')}.",
                    f"{'She' if p.sex == 'F' else 'He'} needs two grab rails and a key safe so the DNs can get in."]
            w.idn(p)
            if "code" in p.home.plan and r.random() < 0.4:
                body.append("Actually there's already a key safe - " + w.access(p, kinds=["code"]) + " - so just the rails.")
            body += ["", "Diolch yn fawr,", frm.name, frm.role]
            att = docx_bytes(["Community OT referral to Gofal a Thrwsio Dyfnant", f"Name: {p.full}",
                              f"Date of birth: {fdob(p.dob, 'long')}", f"NHS no: {fnhs(p.nhs) or '-'}",
                              f"Address: {p.home.addr()}", f"Diagnosis: {p.cond[0]}",
                              "Work requested: grab rails x2 (WC, bath), key safe",
                              f"Referrer: {frm.name}, {frm.role}"], author=frm.name)
            w.nhsw(p)
            att_name, mt = f"referral_{p.sur.replace(' ', '')}.docx", ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")
        elif kind == 2:
            frm, to, cc = w.staff["sharon"], w.staff["iwan"], [w.staff["hannah"]]
            pts = w.pick(w.svc("telecare") or w.people, 3)
            subj = "Responder updates - new clients this week"
            body = [f"{to.first}, {cc[0].first},", "", "New on the system this week, details attached:"]
            for p in pts:
                body.append(f"  {p.sf()} ({p.home.short()}) - " + (w.access(p) if p.home.plan else "no key, contact family"))
            body += ["", w.near_miss(), "", frm.name, "Cyswllt Dyfnant control room"]
            att = csv_bytes([["Surname", "Forename", "DOB", "Address"]] +
                            [[p.sur, p.fore, fdob(p.dob, "iso"), p.home.addr()] for p in pts])
            for p in pts:
                w.idn(p)
            att_name, mt = "new_clients.csv", ("text", "csv")
        else:
            frm, to, cc = w.staff["dai"], w.staff["manon"], [w.staff["huw"]]
            pts = w.pick(w.svc("deliv") or w.people, 2)
            subj = "Round B today - problems"
            body = [f"Manon,", ""]
            for p in pts:
                body.append(f"{p.title} {p.sur} at {p.home.name} didn't answer. " +
                            (f"Used the usual - {w.access(p)}" if p.home.plan else "Left with the neighbour, hope thats ok.") +
                            f" {'Wife' if p.sex == 'M' and p.spouse else 'Family'} say {p.fore} has been poorly.")
            body += ["", "Also the van lock box code has been changed, its on the board.", "Dai"]
            att = None
        msg["From"] = f"{frm.name} <{frm.email()}>"
        msg["To"] = f"{to.name} <{to.email()}>"
        msg["Cc"] = ", ".join(f"{c.name} <{c.email()}>" for c in cc)
        msg["Subject"] = subj
        msg["Date"] = format_datetime(day)
        msg["Message-ID"] = f"<s12.{w.seed}.{i}@dyfnant.example>"
        msg.set_content("\n".join(body))
        SINK.append("\n".join(body))
        if att is not None:
            msg.add_attachment(att, maintype=mt[0], subtype=mt[1], filename=att_name)
        w.add(f"Mail/{i + 1:02d}_{subj[:30].replace(' ', '_').replace('/', '-')}.eml", msg.as_bytes())


def html_files(w, count):
    r = w.rnd
    for i in range(count):
        if i % 2 == 0:
            p = w.pick(w.svc("telecare") or w.people, 1)[0]
            hs = p.home.plan.get("holder", [])
            kh_rows = "".join(f"<tr><td>{k.name}</td><td>{k.rel}</td><td>{k.phone}</td><td>Yes</td></tr>" for k in hs)
            if hs:
                w.emit(p.home, "holder", f"key held by {hs[0].name}")
            elif p.nok:
                kh_rows = f"<tr><td>{p.nok.name}</td><td>{p.nok.rel}</td><td>{p.nok.phone}</td><td>No</td></tr>"
            acc = ""
            if "code" in p.home.plan:
                acc = f"<dt>Key safe</dt><dd>{p.home.plan['code'][1]} &mdash; code {p.home.plan['code'][0]}</dd>"
                w.emit(p.home, "code", p.home.plan["code"][0])
            html = f"""<!DOCTYPE html><html lang="cy"><head><meta charset="utf-8"><title>Cyswllt Dyfnant - client record</title></head>
<body><div class="banner"><table><tr><td>Name</td><td>{p.title} {p.full}</td><td>DOB</td><td>{fdob(p.dob, 'dmy')}</td>
<td>NHS</td><td>{fnhs(p.nhs) or '&nbsp;'}</td></tr></table></div>
<h2>Address</h2><p>{p.home.addr()}</p>
<h2>Responder information</h2><dl>{acc}<dt>Pets</dt><dd>{r.choice(['none', 'collie - friendly', 'cat'])}</dd></dl>
<h3>Contacts</h3><table><tr><th>Name</th><th>Relationship</th><th>Phone</th><th>Holds key</th></tr>{kh_rows}</table>
<h3>Recent calls</h3><table><tr><th>Date</th><th>Type</th><th>Operator</th></tr>
<tr><td>{DATES[0].strftime('%d/%m/%Y')}</td><td>Pendant - fall</td><td>{w.staff['sharon'].name}</td></tr>
<tr><td>{DATES[3].strftime('%d/%m/%Y')}</td><td>Test call</td><td>{w.staff['sharon'].name}</td></tr></table>
<footer>Logged in: {w.staff['sharon'].email()}</footer></body></html>"""
            w.idn(p, nhs=True)
            w.add(f"Telecare/portal/client_{10000 + p.pid}.html", html)
        else:
            pts = w.pick(w.svc("pall") + w.svc("dn"), 6)
            rows = "".join(f"<tr><td>{p.sf()}</td><td>{fdob(p.dob, 'dmy')}</td><td>{fnhs(p.nhs)}</td><td>{p.home.village if not p.home.flat else 'Llys Hedd'}</td>"
                           f"<td>{r.choice(['Fast Track', 'Full CHC', 'FNC'])}</td><td>{w.staff['hefin'].name}</td></tr>" for p in pts)
            for p in pts:
                w.idn(p, nhs=True)
            html = f"""<html><head><meta charset="utf-8"><title>CHC Portal - caseload</title></head><body>
<h1>Continuing Healthcare - Dyfnant - open cases</h1><p>Printed by {w.staff['hefin'].name} {DATES[i].strftime('%d/%m/%Y')}</p>
<table border="1"><tr><th>Patient</th><th>DOB</th><th>NHS No</th><th>Locality</th><th>Pathway</th><th>Co-ordinator</th></tr>{rows}</table>
<p>Key dates: panel {DATES[-1].strftime('%d/%m/%Y')}.</p></body></html>"""
            w.add(f"CHC/portal_open_cases_{i}.html", html)


def json_files(w):
    r = w.rnd
    # OT app export
    pool = w.pick(w.svc("ot") or w.people, min(8, len(w.svc("ot"))))
    recs = []
    for p in pool:
        recs.append({"client": {"firstName": p.fore, "lastName": p.sur, "dob": fdob(p.dob, "iso"), "nhsNumber": p.nhs or None},
                     "address": p.home.addr(), "allocatedTo": w.staff[r.choice(["rhian", "ffion", "mark"])].name,
                     "equipment": r.sample(["bath board", "perching stool", "raised toilet seat", "commode", "bed lever", "trolley"], 2),
                     "visitNotes": (w.access(p) if p.home.plan and r.random() < 0.4 else w.near_miss() if r.random() < 0.3 else "")})
        w.idn(p, nhs=True)
    w.add("OT/app_export_caseload.json", json.dumps({"exported": "2025-11-13T16:02:00Z", "team": "Community OT Dyfnant",
                                                      "clients": recs}, ensure_ascii=False, indent=2))
    # day centre transport
    pool = w.pick(w.svc("dayc") or w.people, min(8, len(w.svc("dayc"))))
    run = [{"pickup": j + 1, "name": f"{p.fore} {p.sur}", "house": p.home.short(), "age": p.age(),
            "note": (w.access(p, lang="cy") if p.home.plan and r.random() < 0.3 else r.choice(["", "ffon symud / walking stick", "wheelchair"]))}
           for j, p in enumerate(pool)]
    w.add("Canolfan_Hafod/transport_run.json", json.dumps({"driver": w.staff["alunp"].name, "vehicle": "Bws Mini DY70 ABC",
                                                           "date": DATES[2].isoformat(), "run": run}, ensure_ascii=False, indent=2))
    # delivery app
    pool = w.pick(w.svc("deliv") or w.people, min(9, len(w.svc("deliv"))))
    drops = []
    for p in pool:
        drops.append({"patient": {"name": p.sf(upper=False), "dob": fdob(p.dob, "dmy")},
                      "location": {"house": p.home.name, "village": p.home.village, "postcode": p.home.pc},
                      "instructions": (w.access(p) if p.home.plan and r.random() < 0.5 else r.choice(["", "Leave in blue box", "Call on arrival"])),
                      "signedBy": r.choice(["patient", "spouse", "", "left safe"])})
        w.idn(p)
    w.add("Meddygfa_r_Bont/Dispensary/app_drops_export.json",
          json.dumps([{"route": "B", "driver": w.staff["dai"].name, "drops": drops}], ensure_ascii=False, indent=2))


def topups(w):
    """Records a real export would hold for anyone not yet identifiable, and access not yet written."""
    r = w.rnd
    missing = [p for p in w.people if p.pid not in w.ident or (p.nhs and p.pid not in w.nhs_written)]
    if missing:
        rows = [["PAS_ID", "Surname", "Forename(s)", "DOB", "NHS_Number", "Address", "Query"]]
        for p in missing:
            rows.append([f"D{700000 + p.pid}", p.sur, " ".join([p.fore] + p.middle), fdob(p.dob, "dmy"), fnhs(p.nhs, 1),
                         p.home.addr(), r.choice(["address check", "GP registration check", "duplicate check"])])
            w.idn(p, nhs=True)
        w.add("Exports/PAS_demographics_queries.csv", csv_bytes(rows))
    lines = []
    for h in w.homes:
        todo = [k for k in h.plan if k not in h.emitted]
        if todo:
            p = h.residents[0]
            who = " & ".join(f"{q.title} {q.fs}" for q in h.residents)
            lines.append(f"{who} - {h.short()}: {w.access(p, kinds=todo)}")
    if lines:
        w.add("Nyrsio_Ardal/access_updates_for_OOH.txt",
              "Access info updated on the system this week (for OOH nursing and the sitters)\n"
              f"Sent by {w.staff['carys'].name}\n\n" + "\n".join(lines) + "\n\n" + w.near_miss() + "\n")


# ----------------------------------------------------------------------------- main
KIND_NAMES = {"code": "code", "hidden": "hidden_key", "holder": "key_holder", "open": "left_open"}


def generate(share, truth_path, n=120, seed=1):
    SINK.clear()
    w = World(n, seed)
    # notes (~44)
    dn_diaries(w, 10)
    pall_handovers(w, 4)
    ooh_notes(w, 5)
    delivery_rounds(w, 3)
    ot_notes(w, 6)
    mdt_minutes(w, 3)
    dn_handovers(w, 3)
    chat_exports(w, 3)
    telecare_logs(w, 3)
    dayc_notes(w, 2)
    scheme_logs(w, 2)
    # letters (~42)
    ot_letters(w, 6)
    cr_letters(w, 5)
    chc_letters(w, 3)
    dayc_letters(w, 2)
    dn_discharge_letters(w, 2)
    cr_completion_pdfs(w, 5)
    telecare_install_pdfs(w, 4)
    pall_pdfs(w, 3)
    gp_rtf(w, 6)
    ooh_rtf(w, 4)
    pharm_rtf(w, 2)
    # structured (~42)
    caseload_csv(w, "Llanhedydd", "DN Llanhedydd")
    caseload_csv(w, "Cwmcerdin", "DN Cwmcerdin")
    telecare_extract(w, 0, 2)
    telecare_extract(w, 1, 2)
    cr_jobs_csv(w)
    dayc_register(w)
    pharmacy_csv(w)
    ot_waiting_csv(w)
    delivery_schedule_csv(w)
    nightsit_rota_xlsx(w, 0)
    nightsit_rota_xlsx(w, 1)
    delivery_xlsx(w)
    contractor_xlsx(w, 0)
    contractor_xlsx(w, 1)
    keysafe_register_xlsx(w)
    hl7_files(w, 6)
    fhir_files(w, 5)
    eml_files(w, 8)
    html_files(w, 4)
    json_files(w)
    topups(w)

    for path, data in sorted(w.files.items()):
        full = os.path.join(share, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as f:
            f.write(data)

    people = []
    for p in w.people:
        h = p.home
        kinds = [KIND_NAMES[k] for k in ("code", "hidden", "holder", "open") if k in h.emitted]
        val = ""
        for k in ("code", "hidden", "holder", "open"):
            if k in h.emitted:
                val = h.emitted[k]
                break
        rec = {"forename": p.fore, "surname": p.sur, "dob": fdob(p.dob, "dmy"),
               "nhs_number": p.nhs if p.pid in w.nhs_written else "",
               "keysafe_code": val, "access_kind": kinds, "special_category": True}
        if p.middle:
            rec["middle_names"] = " ".join(p.middle)
        people.append(rec)
    alltext = "\n".join(SINK)
    named_rel = {x.name for x in w.related
                 if x.name in alltext or f"{x.sur.upper()}^{x.fore}" in alltext}
    for h in w.homes:
        if "holder" in h.emitted:
            named_rel.add(h.plan["holder"][0].name)
    named_rel = sorted(named_rel)
    truth = {"people": people, "staff": sorted(s.name for s in w.staff.values()), "related": named_rel}
    os.makedirs(os.path.dirname(os.path.abspath(truth_path)), exist_ok=True)
    with open(truth_path, "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
    return w


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    generate(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 120,
             int(sys.argv[4]) if len(sys.argv) > 4 else 1)
