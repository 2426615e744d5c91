#!/usr/bin/env python3
"""Held-out breach share 11: an inclusion-health and recovery partnership.

    python heldout_share_11.py SHARE TRUTH.json [PEOPLE=120] [SEED=1]

Writes a breach responder's export folder for the (invented) Brackenport Inclusion
and Recovery Partnership, and its truth file (outside the share). Deterministic from
SEED. Standard library plus python-docx and openpyxl; PDF and RTF written by hand.
Every name, number, address and code is invented.
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
from docx.shared import Pt
from openpyxl import Workbook

# --------------------------------------------------------------------------- pools
MALE = ["Gary", "Liam", "Dean", "Michael", "Stephen", "Daniel", "Patrick", "Anthony", "Thomas",
        "William", "Christopher", "Lee", "Craig", "Wayne", "Darren", "Shaun", "Jamie", "Kieran",
        "Ryan", "Connor", "Mohammed", "Tariq", "Kamil", "Wojciech", "Marius", "Andrei", "Dawit",
        "Yonas", "Delroy", "Winston", "Jason", "Paul", "Mark", "Kevin", "Scott", "Callum", "Ross",
        "Declan", "Francis", "Joseph", "Rahim", "Bartosz", "Tomasz", "Florin", "Aaron", "Nathan",
        "Carl", "Martin", "Jonathan", "Robert", "Sean", "Kyle", "Bradley", "Dominic"]
FEMALE = ["Kayleigh", "Rebecca", "Jacqueline", "Samantha", "Elizabeth", "Donna", "Kelly", "Leanne",
          "Michelle", "Stacey", "Chantelle", "Nicola", "Lisa", "Tracy", "Amy", "Gemma", "Siobhan",
          "Bernadette", "Roisin", "Danielle", "Jade", "Chloe", "Natalie", "Marta", "Agnieszka",
          "Ioana", "Selam", "Hiwot", "Shanice", "Paulette", "Catherine", "Kirsty", "Zoe", "Sharon",
          "Joanne", "Angela", "Louise", "Toni", "Katherine", "Charlene"]
ORIGIN = {}
for _s in ["Kowalski", "Nowak", "Wisniewski", "Szymanski"]:
    ORIGIN[_s] = "pl"
for _s in ["Popescu", "Ionescu", "Dragomir", "Radu"]:
    ORIGIN[_s] = "ro"
for _s in ["Tesfaye", "Haile", "Ghebremedhin"]:
    ORIGIN[_s] = "er"
for _s in ["Hussain", "Akhtar", "Mahmood", "Iqbal"]:
    ORIGIN[_s] = "pk"
for _s in ["Baptiste", "Weekes", "Mensah", "Boateng", "Oyelaran", "Ogunleye", "Smith-Okafor", "Mbeki-Jones"]:
    ORIGIN[_s] = "cw"
ORIGIN_FORE = {
    "pl": (["Kamil", "Wojciech", "Bartosz", "Tomasz", "Piotr", "Marek"], ["Marta", "Agnieszka", "Joanna", "Kasia"]),
    "ro": (["Marius", "Andrei", "Florin", "Ionut", "Mihai"], ["Ioana", "Elena", "Andreea"]),
    "er": (["Dawit", "Yonas", "Tesfay", "Samuel"], ["Selam", "Hiwot", "Helen", "Senait"]),
    "pk": (["Mohammed", "Tariq", "Rahim", "Imran", "Adeel"], ["Nadia", "Samina", "Ayesha", "Angela"]),
    "cw": (["Delroy", "Winston", "Jason", "Kwabena", "Marcus", "Tyrone", "Daniel"], ["Shanice", "Paulette", "Chantelle", "Grace", "Toni"]),
}
_FOREIGN = {f for v in ORIGIN_FORE.values() for lst in v for f in lst} - {"Jason", "Daniel", "Chantelle", "Toni", "Angela", "Helen", "Grace", "Marcus", "Samuel"}
BRIT_M = [f for f in MALE if f not in _FOREIGN]
BRIT_F = [f for f in FEMALE if f not in _FOREIGN]
MIDDLE_M = ["James", "John", "Paul", "Anthony", "Lee", "Michael", "Patrick", "David", "Joseph",
            "Francis", "Ali", "Jan", "Dean", "Robert", "Liam", "Kofi"]
MIDDLE_F = ["Marie", "Louise", "Anne", "Jane", "Elizabeth", "Maria", "Jo", "Rose", "Frances",
            "Leigh", "Dawn", "Grace"]
SURNAMES = ["McBride", "Ashworth", "Brennan", "O'Rourke", "Whelan", "Gallagher", "McGinty",
            "Doherty", "Quinn", "Heggarty", "Rooney", "Purcell", "Boyle", "Walsh", "Kowalski",
            "Nowak", "Wisniewski", "Popescu", "Ionescu", "Tesfaye", "Haile", "Ghebremedhin",
            "Campbell", "Thompson", "Clarke", "Barraclough", "Sutcliffe", "Hinchliffe", "Pickles",
            "Greenwood", "Ackroyd", "Lister", "Crabtree", "Moorhouse", "Stansfield", "Fairclough",
            "Shaw", "Naylor", "Hussain", "Akhtar", "Mahmood", "Iqbal", "Campbell-Reid",
            "Smith-Okafor", "Nowak-Hill", "D'Arcy", "O'Shea", "MacLeod", "McAllister", "Price",
            "Jenkins", "Evans", "Lloyd", "Morgan", "Wainwright", "Thackeray", "Heseltine",
            "Cartwright", "Hebblethwaite", "Oyelaran", "Mensah", "Boateng", "Baptiste", "Riley",
            "Lowther", "Kitching", "Mulligan", "Cassidy", "Flanagan", "Lavelle", "Maguire", "Dunne",
            "Keogh", "Casey", "Nolan", "Connolly", "Hanlon", "Tully", "McNulty", "Farrell",
            "Horsfall", "Duckworth", "Entwistle", "Hargreaves", "Kilbride", "Rafferty", "Mooney",
            "Devine", "Slattery", "Ogunleye", "Mbeki-Jones", "Szymanski", "Dragomir", "Radu",
            "Weekes", "Stewart", "Gillespie", "Haworth", "Butterfield", "Oldroyd", "Binns", "Varey"]
# staff who share a service user's surname (forced into the service users' surnames)
SHARED_SURNAMES = ["Kerr", "Tierney", "Holroyd", "Donnelly"]
NICK = {"Gary": "Gaz", "Michael": "Mikey", "Stephen": "Stevie", "Daniel": "Danny", "Patrick": "Paddy",
        "Anthony": "Tony", "Thomas": "Tommy", "William": "Billy", "Christopher": "Chris",
        "Kayleigh": "Kay", "Rebecca": "Becca", "Jacqueline": "Jackie", "Samantha": "Sam",
        "Elizabeth": "Lizzie", "Joseph": "Joe", "Wojciech": "Wojtek", "Jonathan": "Jonno",
        "Robert": "Bobby", "Nicola": "Nicky", "Katherine": "Kath", "Bernadette": "Bernie",
        "Danielle": "Dani", "Callum": "Cal", "Francis": "Frankie", "Declan": "Dec",
        "Bartosz": "Bart", "Tomasz": "Tomek", "Dominic": "Dom", "Natalie": "Nat", "Toni": "Tone"}
STREET_NICK = ["Scouse", "Tiny", "Ginger", "Jock", "Geordie", "Bomber", "Smiler", "Taff", "Red",
               "Spider", "Irish", "Curly", "Bambi", "Pepsi"]
ALT_FORE = {"Stephen": "Steven", "Katherine": "Kathryn", "Shaun": "Sean", "Kayleigh": "Kayley",
            "Jacqueline": "Jaqueline", "Siobhan": "Shevaun", "Gary": "Garry", "Zoe": "Zoey",
            "Mohammed": "Muhammad", "Andrei": "Andrej", "Roisin": "Rosheen", "Lee": "Leigh",
            "Jade": "Jayde", "Nicola": "Nichola", "Tracy": "Tracey", "Charlene": "Sharlene"}
ALT_SUR = {"McBride": "MacBride", "McAllister": "MacAllister", "MacLeod": "McLeod",
           "Hinchliffe": "Hinchcliffe", "Heggarty": "Hegarty", "Ghebremedhin": "Gebremedhin",
           "Wisniewski": "Wisnieski", "Sutcliffe": "Sutcliff", "O'Rourke": "O Rourke",
           "D'Arcy": "Darcy", "Tesfaye": "Tesfay", "Mulligan": "Milligan", "Kilbride": "Kilbryde"}
REL_FORE_M = ["Brian", "Keith", "Terry", "Graham", "Nigel", "Barry", "Derek", "Kenneth", "Imran",
              "Piotr", "Desmond", "Hugh", "Malcolm", "Gordon", "Vincent"]
REL_FORE_F = ["Carol", "Doreen", "Pauline", "Brenda", "Maureen", "Yvonne", "Janice", "Shirley",
              "Wendy", "Nasreen", "Ewa", "Hazel", "Irene", "Gail", "Lorraine", "Denise"]
REL_SUR = ["Pugh", "Ormondroyd", "Fenwick", "Tattersall", "Midgley", "Rushworth", "Bairstow",
           "Marsden", "Hird", "Lumb", "Dobson", "Illingworth", "Sagar", "Rhodes", "Tordoff",
           "Hemingway", "Booth", "Scargill", "Ellwood", "Feather"]

CITY = "Brackenport"
STREETS = ["Tern Court", "Gannet Row", "Cinder Street", "Ropewalk", "Salter's Yard", "Kiln Bank",
           "Cooper's Walk", "Ebor Street", "Harrowgate Way", "Foundry Terrace", "Sluice Lane",
           "Netherfold Road", "Chandlers Rise", "Pelham Close", "Wyvern Street",
           "Marlow Court", "Teasel Way", "Drury Fold", "Canal Side", "Bethel Street"]
SLEEP_SITES = ["Bridge St multi-storey, level 2", "doorway of old Woolworths, Market St",
               "under the railway arches, Quayside", "tent by the canal towpath (Lock 9)",
               "bus station shelter, bay F", "St Peter's churchyard", "Ropewalk car park stairwell",
               "back of the Co-op, Cinder St", "Gannet Row underpass", "riverside benches by the weir"]
HIDE = ["under the mat", "under the blue plant pot by the back step", "in the gas meter box",
        "behind the loose brick to the left of the door", "taped under the lid of the green bin",
        "on a string through the letterbox", "on top of the door frame",
        "in the electric cupboard on the landing", "inside the old boot by the back door",
        "under the stone frog in the front garden", "in the outside light fitting",
        "in the bird box on the fence"]
KS_PLACE = ["left of the front door", "behind the drainpipe", "by the meter box",
            "on the wall by the bins", "at the back door", "round the side by the gate",
            "under the kitchen window", "next to the door bell", "behind the hedge, right of door"]

STAFF_SPEC = [
    # (forename, surname, role, org, initials-for-actions)
    ("Ruth", "Adeyemi", "GP partner", "shc"), ("Conor", "Whitlock", "GP", "shc"),
    ("Priya", "Raghunathan", "salaried GP", "shc"), ("Hannah", "Sowerby", "practice nurse", "shc"),
    ("Gethin", "Rowlands", "practice nurse", "shc"),
    ("Abigail", "Nwachukwu", "mental health nurse", "shc"),
    ("Fergus", "Lindqvist", "podiatrist", "shc"), ("Maureen", "Tolson", "practice manager", "shc"),
    ("Kelly-Ann", "Birtwistle", "receptionist", "shc"),
    ("Sophie", "Marchetti", "recovery worker", "brs"), ("Dwayne", "Ellerby", "recovery worker", "brs"),
    ("Nadia", "Chaudhry", "recovery worker", "brs"), ("Owen", "Pickersgill", "recovery worker", "brs"),
    ("Leonie", "Fairbanks", "recovery worker", "brs"), ("Craig", "Donnelly", "recovery worker", "brs"),
    ("Iain", "Galbraith", "consultant addiction psychiatrist", "brs"),
    ("Meera", "Joshi", "non-medical prescriber", "brs"), ("Bronagh", "Devlin", "hepatitis C nurse", "brs"),
    ("Alun", "Pryce", "harm reduction lead", "brs"), ("Stacey-Jo", "Wragg", "harm reduction worker", "brs"),
    ("Chidi", "Okoro", "peer volunteer", "brs"), ("Ben", "Asante", "peer volunteer", "brs"),
    ("Becky", "Lund", "Housing First team leader", "ahf"), ("Jordan", "Hale", "tenancy support worker", "ahf"),
    ("Precious", "Mhlanga", "tenancy support worker", "ahf"), ("Tom", "Ormerod", "tenancy support worker", "ahf"),
    ("Aoife", "Kinsella", "tenancy support worker", "ahf"), ("Lewis", "Garside", "tenancy support worker", "ahf"),
    ("Marcus", "Feeney", "rough sleeper coordinator", "out"), ("Tash", "Oduya", "outreach worker", "out"),
    ("Rhys", "Bellamy", "outreach worker", "out"), ("Gemma", "Thwaites", "outreach worker", "out"),
    ("Sam", "Kerr", "outreach worker", "out"),
    ("Denise", "Hollingworth", "hostel manager", "hos"), ("Kwame", "Asamoah", "project worker", "hos"),
    ("Lauren", "Pilling", "project worker", "hos"), ("Mick", "Tierney", "night concierge", "hos"),
    ("Harjit", "Sandhu", "pharmacist", "ph1"), ("Olu", "Bankole", "pharmacist", "ph2"),
    ("Elaine", "Holroyd", "pharmacist", "ph3"), ("Jess", "Varley", "pharmacy technician", "ph1"),
]
ORGS = {
    "shc": ("Saltings Health Centre", "Specialist Homeless Health Practice", "3 Wharf Lane, Brackenport BK1 2SH", "saltings.hc@nhs-bk.example"),
    "brs": ("Brackenport Recovery Service", "NHS drug and alcohol service", "Cinder Street Hub, 18 Cinder Street, Brackenport BK2 1RS", "brs.referrals@nhs-bk.example"),
    "ahf": ("Anchorage Housing First", "Housing First", "Unit 4, Salter's Yard, Brackenport BK3 5AH", "office@anchoragehf.example"),
    "out": ("Brackenport City Council Street Outreach Team", "rough sleeper outreach", "Civic Centre, Brackenport BK1 1CC", "streetoutreach@brackenport.example"),
    "hos": ("Causeway Housing", "hostels", "Ferrier House, 2 Dock Road, Brackenport BK1 4HF", "ferrier@causewayhousing.example"),
    "ph1": ("Dockside Pharmacy", "pharmacy", "27 Dock Road, Brackenport BK1 4DP", "dockside.pharmacy@nhs-bk.example"),
    "ph2": ("Mill Lane Chemist", "pharmacy", "5 Mill Lane, Brackenport BK2 6ML", "milllane.chemist@nhs-bk.example"),
    "ph3": ("Holroyd's Pharmacy", "pharmacy", "112 Netherfold Road, Brackenport BK4 2HP", "holroyds@nhs-bk.example"),
}
HOSTELS = [("Ferrier House", "2 Dock Road", "BK1 4HF"), ("St Brendan's", "40 Lock Street", "BK2 3SB")]
EXT_PROF = [  # external professionals: counted as related, not staff
    ("Gareth", "Ambler", "probation officer", "Brackenport Probation Delivery Unit"),
    ("Yasmin", "Rauf", "probation officer", "Brackenport Probation Delivery Unit"),
    ("Colette", "Binnington", "probation officer", "Brackenport Probation Delivery Unit"),
    ("Imogen", "Tate", "independent advocate", "Voice Advocacy Brackenport"),
    ("Farid", "Haddad", "independent advocate", "Voice Advocacy Brackenport"),
    ("Helen", "Okonkwo", "consultant hepatologist", "Brackenport General Infirmary"),
    ("Simon", "Threlfall", "acute medicine consultant", "Brackenport General Infirmary"),
    ("Ursula", "Petrakis", "specialty registrar", "Brackenport General Infirmary"),
]
DRUGS = ["heroin", "crack cocaine", "heroin and crack", "alcohol", "pregabalin and heroin",
         "spice", "alcohol and diazepam", "crystal meth"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def nhs_valid(rng):
    while True:
        first = rng.choice("4567")
        digits = [int(first)] + [rng.randint(0, 9) for _ in range(8)]
        s = sum(d * (10 - i) for i, d in enumerate(digits))
        c = 11 - s % 11
        if c == 11:
            c = 0
        if c == 10:
            continue
        return "".join(map(str, digits)) + str(c)


# --------------------------------------------------------------------------- formats
def fdob(d, style):
    if style == "slash":
        return d.strftime("%d/%m/%Y")
    if style == "iso":
        return d.isoformat()
    if style == "long":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "mon":
        return d.strftime("%d-%b-%Y")
    if style == "hl7":
        return d.strftime("%Y%m%d")
    if style == "dot":
        return d.strftime("%d.%m.%Y")
    if style == "short":
        return f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}"
    raise ValueError(style)


def fnhs(n, style="sp"):
    if style == "sp":
        return f"{n[:3]} {n[3:6]} {n[6:]}"
    if style == "dash":
        return f"{n[:3]}-{n[3:6]}-{n[6:]}"
    return n


def upper_sur(s):
    return s.upper()


class Person:
    def __init__(self, **kw):
        self.__dict__.update(kw)

    # name shapes --------------------------------------------------------
    def n(self, shape="fs"):
        f, s, m = self.fore, self.sur, self.mid
        mi = (" " + " ".join(x[0] + "." for x in m.split())) if m else ""
        if shape == "fs":
            return f"{f} {s}"
        if shape == "fms":
            return f"{f} {m} {s}" if m else f"{f} {s}"
        if shape == "FS":
            return f"{f} {upper_sur(s)}"
        if shape == "FMS":
            return f"{f} {m} {upper_sur(s)}" if m else f"{f} {upper_sur(s)}"
        if shape == "S,F":
            return f"{upper_sur(s)}, {f}"
        if shape == "S,FM":
            return f"{s}, {f}{mi}"
        if shape == "S,Fmid":
            return f"{upper_sur(s)}, {f} {m}" if m else f"{upper_sur(s)}, {f}"
        if shape == "title":
            return f"{self.title} {f} {s}"
        if shape == "titleS":
            return f"{self.title} {s}"
        if shape == "lower":
            return f"{f} {s}".lower()
        if shape == "UPPER":
            return f"{f} {s}".upper()
        if shape == "ka":
            return self.known_as or f
        if shape == "kas":
            return f"{self.known_as or f} {s}"
        if shape == "alt":
            return f"{upper_sur(self.alt_sur or s)}, {self.alt_fore or f}"
        raise ValueError(shape)

    @property
    def he(self):
        return {"M": "he", "F": "she", "X": "they"}[self.sex]

    @property
    def his(self):
        return {"M": "his", "F": "her", "X": "their"}[self.sex]

    @property
    def him(self):
        return {"M": "him", "F": "her", "X": "them"}[self.sex]

    @property
    def He(self):
        return self.he.capitalize()

    @property
    def His(self):
        return self.his.capitalize()


# --------------------------------------------------------------------------- writers
def pdf_bytes(lines, title="document"):
    """A minimal PDF with a real text layer (Helvetica, WinAnsi)."""
    wrapped = []
    for ln in lines:
        if not ln:
            wrapped.append("")
            continue
        wrapped.extend(textwrap.wrap(ln, 92) or [""])
    pages = [wrapped[i:i + 56] for i in range(0, max(len(wrapped), 1), 56)] or [[]]

    def esc(s):
        b = s.encode("cp1252", "replace")
        out = bytearray()
        for ch in b:
            if ch in (0x28, 0x29, 0x5C):
                out += b"\\" + bytes([ch])
            elif ch < 32 or ch > 126:
                out += ("\\%03o" % ch).encode()
            else:
                out.append(ch)
        return bytes(out)

    objs = []
    n_pages = len(pages)
    page_ids = [4 + 2 * i for i in range(n_pages)]
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objs.append(b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % p for p in page_ids) +
                b"] /Count %d >>" % n_pages)
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for pg in pages:
        stream = bytearray(b"BT /F1 10 Tf 13 TL 50 800 Td\n")
        for ln in pg:
            stream += b"(" + esc(ln) + b") Tj T*\n"
        stream += b"ET"
        cid = len(objs) + 2
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % cid)
        objs.append(b"<< /Length %d >>\nstream\n" % len(stream) + bytes(stream) + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offs:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def rtf_bytes(paras, bold_first=True):
    def esc(s):
        o = []
        for ch in s:
            if ch in "\\{}":
                o.append("\\" + ch)
            elif ord(ch) > 127:
                o.append("\\u%d?" % ord(ch))
            elif ch == "\t":
                o.append("\\tab ")
            else:
                o.append(ch)
        return "".join(o)
    body = []
    for i, p in enumerate(paras):
        if i == 0 and bold_first:
            body.append("{\\b " + esc(p) + "}\\par")
        else:
            body.append(esc(p) + "\\par")
    s = ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\n"
         "{\\*\\generator Riched20 10.0.19041}\\viewkind4\\uc1\\pard\\f0\\fs22\n" + "\n".join(body) + "\n}")
    return s.encode("ascii")


def fixed_zip(data):
    """rewrite an OOXML package with fixed member timestamps, so output is byte-identical per seed."""
    src = zipfile.ZipFile(io.BytesIO(data))
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 11, 30, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-11-30T09:00:00Z", body)
            dst.writestr(zi, body)
    return bio.getvalue()


def docx_bytes(header, paras, table=None, footer=None, table_first=False):
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "Arial"
    st.font.size = Pt(11)
    sec = doc.sections[0]
    if header:
        hp = sec.header.paragraphs[0]
        hp.text = header
    if footer:
        sec.footer.paragraphs[0].text = footer

    def add_table():
        t = doc.add_table(rows=0, cols=len(table[0]))
        t.style = "Table Grid"
        for row in table:
            cells = t.add_row().cells
            for c, v in zip(cells, row):
                c.text = str(v)
    if table and table_first:
        add_table()
    for p in paras:
        if p == "<<TABLE>>" and table:
            add_table()
            continue
        doc.add_paragraph(p)
    if table and not table_first and "<<TABLE>>" not in paras:
        add_table()
    doc.core_properties.author = "BIRP"
    doc.core_properties.created = dt.datetime(2026, 11, 30, 9, 0)
    doc.core_properties.modified = dt.datetime(2026, 11, 30, 9, 0)
    bio = io.BytesIO()
    doc.save(bio)
    return fixed_zip(bio.getvalue())


def xlsx_bytes(sheets):
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets:
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(list(r))
    wb.properties.creator = "BIRP"
    wb.properties.created = dt.datetime(2026, 11, 30, 9, 0)
    wb.properties.modified = dt.datetime(2026, 11, 30, 9, 0)
    bio = io.BytesIO()
    wb.save(bio)
    return fixed_zip(bio.getvalue())


def csv_bytes(rows, delim=",", crlf=True):
    bio = io.StringIO()
    w = csv.writer(bio, delimiter=delim, lineterminator="\r\n" if crlf else "\n")
    for r in rows:
        w.writerow(r)
    return bio.getvalue().encode("utf-8")


# --------------------------------------------------------------------------- generator
class Share:
    def __init__(self, n_people, seed):
        self.rng = random.Random(seed * 7919 + 11)
        self.N = n_people
        self.k = n_people / 120.0
        self.files = []  # (relpath, bytes, kind)
        self.staff = []
        self.related = {}  # name -> description
        self.used_names = set()
        self._make_staff()
        self._make_people()

    def cnt(self, base):
        return max(1, int(round(base * self.k)))

    # ---------------------------------------------------------------- staff
    def _make_staff(self):
        self.st = {}
        for f, s, role, org in STAFF_SPEC:
            o = Person(fore=f, sur=s, role=role, org=org,
                       title="Dr" if role in ("GP partner", "GP", "salaried GP", "consultant addiction psychiatrist") else "",
                       email=f"{f.lower().replace('-', '')}.{s.lower()}@{ORGS[org][3].split('@')[1]}",
                       gmc="G%07d" % self.rng.randint(1000000, 9999999))
            o.name = f"{f} {s}"
            o.ini = f[0] + s[0]
            self.staff.append(o)
            self.st.setdefault(org, []).append(o)
            self.used_names.add(o.name)
        by = lambda r: [x for x in self.staff if x.role == r]
        self.gps = [x for x in self.staff if x.role in ("GP partner", "GP", "salaried GP")]
        self.nurses = by("practice nurse")
        self.mhn = by("mental health nurse")[0]
        self.podiatrist = by("podiatrist")[0]
        self.rws = by("recovery worker")
        self.prescribers = [x for x in self.staff if x.role in ("consultant addiction psychiatrist", "non-medical prescriber")]
        self.hcv = by("hepatitis C nurse")[0]
        self.hr = [x for x in self.staff if x.role in ("harm reduction lead", "harm reduction worker", "peer volunteer")]
        self.tsw = [x for x in self.staff if x.org == "ahf"]
        self.outreach = [x for x in self.staff if x.org == "out"]
        self.hostel_staff = [x for x in self.staff if x.org == "hos"]
        self.pharm = {k: [x for x in self.staff if x.org == k] for k in ("ph1", "ph2", "ph3")}
        self.ext = []
        for f, s, role, org in EXT_PROF:
            e = Person(fore=f, sur=s, role=role, org=org, name=f"{f} {s}")
            self.ext.append(e)
            self.used_names.add(e.name)

    def sname(self, s, titled=False):
        if titled and s.title:
            return f"{s.title} {s.name}"
        return s.name

    # ---------------------------------------------------------------- people
    def _rel_name(self, sex=None):
        r = self.rng
        while True:
            sex = sex or r.choice("MF")
            f = r.choice(REL_FORE_M if sex == "M" else REL_FORE_F)
            s = r.choice(REL_SUR)
            if f"{f} {s}" not in self.used_names:
                self.used_names.add(f"{f} {s}")
                return f, s

    def add_related(self, name, desc):
        self.related.setdefault(name, desc)

    def phone(self):
        return "07700 900%03d" % self.rng.randint(0, 999)

    def _make_people(self):
        r = self.rng
        N = self.N
        pairs = set()
        surnames = SURNAMES[:]
        r.shuffle(surnames)
        surnames = SHARED_SURNAMES + surnames
        people = []
        si = 0
        for i in range(N):
            sex = r.choices("MFX", [60, 38, 2])[0]
            while True:
                s = surnames[si % len(surnames)] if si < len(surnames) else r.choice(surnames)
                male = sex == "M" or (sex == "X" and r.random() < .5)
                og = ORIGIN.get(s)
                if og:
                    f = r.choice(ORIGIN_FORE[og][0 if male else 1])
                else:
                    f = r.choice(BRIT_M if male else BRIT_F)
                if (f, s) not in pairs and f"{f} {s}" not in self.used_names:
                    break
                si += 1
            si += 1
            pairs.add((f, s))
            self.used_names.add(f"{f} {s}")
            mid = ""
            if r.random() < .3:
                mid = r.choice(MIDDLE_M if male else MIDDLE_F)
                if r.random() < .15:
                    mid += " " + r.choice(MIDDLE_M if male else MIDDLE_F)
                    if mid.split()[0] == mid.split()[1]:
                        mid = mid.split()[0]
                if mid == f:
                    mid = ""
            dob = dt.date(1958, 1, 1) + dt.timedelta(days=r.randint(0, 365 * 47))
            title = {"M": "Mr", "F": r.choice(["Ms", "Miss", "Mrs", "Ms"]), "X": "Mx"}[sex]
            known = None
            if f in NICK and r.random() < .55:
                known = NICK[f]
            elif r.random() < .1:
                known = r.choice(STREET_NICK)
            p = Person(idx=i, fore=f, mid=mid, sur=s, sex=sex, dob=dob, title=title,
                       nhs=nhs_valid(r), known_as=known,
                       alt_fore=ALT_FORE.get(f) if r.random() < .5 else None,
                       alt_sur=ALT_SUR.get(s) if r.random() < .6 else None,
                       phone=self.phone() if r.random() < .55 else "", partner=None,
                       rels=[], covered=False, hh=None, drug=r.choice(DRUGS),
                       ref=f"BRS-{r.randint(10000, 99999)}", shc=f"SHC{r.randint(100000, 999999)}")
            people.append(p)
        # about a fifth have no NHS number anywhere (never registered, overseas, gave no details)
        for p in r.sample(people, int(round(.2 * N))):
            p.nhs = ""
        # housing
        for p in people:
            p.housing = r.choices(["tenancy", "hostel", "street", "temp"], [38, 26, 21, 15])[0]
        # couples: both service users
        n_couples = max(1, int(round(7 * self.k)))
        cand = [p for p in people if p.sex != "X"]
        r.shuffle(cand)
        couples = []
        used = set()
        for a in cand:
            if len(couples) >= n_couples:
                break
            if a.idx in used:
                continue
            for b in cand:
                if b.idx not in used and b.idx != a.idx and b.sex != a.sex:
                    used.update({a.idx, b.idx})
                    couples.append((a, b))
                    b.housing = a.housing
                    a.partner, b.partner = b, a
                    break
        self.couples = couples
        # households
        self.households = []
        hostel_rooms = {h[0]: list(range(1, 41)) for h in HOSTELS}
        for h in hostel_rooms.values():
            r.shuffle(h)
        for p in people:
            if p.hh is not None:
                continue
            members = [p] + ([p.partner] if p.partner else [])
            hh = Person(members=members, kind=p.housing, acc=None, written=set(), plan=set())
            if p.housing == "tenancy":
                street = r.choice(STREETS)
                num = r.randint(1, 120)
                flat = f"Flat {r.randint(1, 24)}, " if r.random() < .75 else ""
                hh.line1 = f"{flat}{num} {street}"
                hh.short = f"{'flat ' + flat.split()[1].rstrip(',') + ', ' if flat else ''}{num} {street}"
                hh.postcode = f"BK{r.randint(1, 9)} {r.randint(1, 9)}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}"
                hh.hf = r.random() < .8
                hh.landlord = r.choice(["Brackenport Homes", "Causeway Housing", "Tenterfield HA", "private landlord (Mr Yusuf)"])
            elif p.housing == "hostel":
                hn = r.choice(HOSTELS)
                hh.hostel = hn
                hh.rooms = [hostel_rooms[hn[0]].pop() for _ in members]
                hh.line1 = f"Room {hh.rooms[0]}, {hn[0]}, {hn[1]}"
                hh.postcode = hn[2]
                hh.hf = False
            elif p.housing == "street":
                hh.site = r.choice(SLEEP_SITES)
                hh.line1 = "No fixed abode"
                hh.postcode = "ZZ99 3VZ"
                hh.hf = False
            else:
                hh.site = r.choice(["Riverside Lodge B&B (temporary accommodation), room %d" % r.randint(1, 14),
                                    "sofa surfing at a friend's in Kiln Bank", "sofa surfing with cousin, Netherfold estate",
                                    "Harbour View B&B (council temp), room %d" % r.randint(1, 20)])
                hh.line1 = "No fixed abode" if "sofa" in hh.site else hh.site.split(" (")[0]
                hh.postcode = "ZZ99 3VZ" if "sofa" in hh.site else "BK1 9RL"
                hh.hf = False
            for m in members:
                m.hh = hh
            self.households.append(hh)
        # services
        for p in people:
            sv = set()
            if r.random() < .88:
                sv.add("gp")
            if r.random() < .62 or p.drug in ("heroin", "heroin and crack"):
                sv.add("brs")
            if "brs" in sv and ("heroin" in p.drug or r.random() < .2):
                sv.add("ost")
            if "brs" in sv and r.random() < .22:
                sv.add("hcv")
            if p.hh.hf:
                sv.add("hf")
            if p.housing in ("street",) or (p.housing == "temp" and r.random() < .6) or (p.housing == "hostel" and r.random() < .25):
                sv.add("out")
            if r.random() < .28:
                sv.add("mh")
            if r.random() < .14:
                sv.add("pod")
            p.sv = sv
            p.gp = r.choice(self.gps)
            p.nurse = r.choice(self.nurses)
            p.rw = r.choice(self.rws)
            p.presc = r.choice(self.prescribers)
            p.tsw = r.choice(self.tsw[1:])
            p.ow = r.choice(self.outreach)
            p.pharmacy = r.choice(["ph1", "ph2", "ph3"])
            p.dose = r.choice(["methadone 1mg/ml oral solution %dml daily" % r.choice([30, 40, 50, 60, 70, 80, 90]),
                               "buprenorphine %dmg sublingual daily" % r.choice([4, 8, 12, 16]),
                               "Espranor %dmg daily" % r.choice([8, 16])])
            p.supervised = r.random() < .7
        # partners share partner services at least partially
        for a, b in couples:
            if a.hh.hf:
                b.sv.add("hf")
                b.tsw = a.tsw
        # related people
        for p in people:
            if p.partner is None and r.random() < .15:
                f, s = self._rel_name("F" if p.sex == "M" else "M")
                p.rels.append(("partner", f"{f} {s}", self.phone()))
            if r.random() < .28:
                f, s = self._rel_name("F")
                if r.random() < .5:
                    s = p.sur
                    if f"{f} {s}" in self.used_names:
                        f, s = self._rel_name("F")
                    self.used_names.add(f"{f} {s}")
                p.rels.append(("mum", f"{f} {s}", self.phone()))
            if r.random() < .2:
                sx = r.choice("MF")
                f, s = self._rel_name(sx)
                p.rels.append(("brother" if sx == "M" else "sister", f"{f} {s}", self.phone()))
            if r.random() < .1:
                f, s = self._rel_name()
                p.rels.append(("friend", f"{f} {s}", self.phone()))
            p.probation = r.choice(self.ext[:3]) if r.random() < .22 else None
            p.advocate = r.choice(self.ext[3:5]) if r.random() < .1 else None
        # home access plans (own tenancy only)
        for hh in self.households:
            if hh.kind != "tenancy":
                continue
            if r.random() > .72:
                hh.noaccess = r.choice(["ks_booked", "forced", "answers", "code_office", "none"])
                continue
            hh.noaccess = None
            plan = set()
            roll = r.random()
            if roll < .55:
                plan.add("code")
            elif roll < .72:
                plan.add("hidden_key")
            elif roll < .88:
                plan.add("key_holder")
            else:
                plan.add("left_open")
            if r.random() < .25:
                plan.add(r.choice(["key_holder", "left_open", "hidden_key", "code"]))
            hh.plan = plan
            hh.device = r.choices(["key safe", "smart lock", "lock box", "block"], [60, 14, 10, 16])[0]
            hh.code = "%04d" % r.randint(0, 9999) if r.random() < .85 else "%d" % r.randint(10000, 999999)
            hh.block = "%04d" % r.randint(1000, 9999) + r.choice(["", "#", "X"])
            hh.place = r.choice(KS_PLACE)
            hh.hide = r.choice(HIDE)
            hh.holder_desc = r.choice(["neighbour at no. %d" % r.randint(1, 60), "neighbour across the landing",
                                       "his mum" if hh.members[0].sex == "M" else "her mum", "sister",
                                       "friend", "neighbour downstairs"])
            hsex = "F" if ("mum" in hh.holder_desc or hh.holder_desc == "sister") else r.choice("MF")
            f, s = self._rel_name(hsex)
            if "mum" in hh.holder_desc:
                f = r.choice(REL_FORE_F)
                s = hh.members[0].sur if r.random() < .5 else s
                if f"{f} {s}" in self.used_names:
                    f, s = self._rel_name("F")
                self.used_names.add(f"{f} {s}")
            hh.holder = f"{f} {s}"
            hh.holder_phone = self.phone()
            hh.open_days = r.choice(["Tuesday and Friday mornings", "visit days", "weekday mornings", "Mondays 10-12",
                                     "when expecting us"])
        self.people = people

    # ---------------------------------------------------------------- access text
    def mark(self, hh, kinds):
        hh.written.update(kinds)

    def acc_terse(self, hh, kinds=None):
        """a caseload cell; returns text and marks the kinds written."""
        r = self.rng
        kinds = list(kinds or sorted(hh.plan))
        parts = []
        for k in kinds:
            if k == "code":
                parts.append(self.code_text(hh, terse=True))
            elif k == "hidden_key":
                parts.append(r.choice([f"Spare key {hh.hide}", f"key kept {hh.hide}", f"Key {hh.hide} if no answer"]))
            elif k == "key_holder":
                parts.append(r.choice([f"Keyholder: {hh.holder} ({hh.holder_desc}) {hh.holder_phone}",
                                       f"spare key with {hh.holder_desc} {hh.holder} {hh.holder_phone}",
                                       f"Key held by {hh.holder} ({hh.holder_desc})"]))
            elif k == "left_open":
                parts.append(r.choice([f"door left on latch {hh.open_days} - knock & go in",
                                       f"Leaves door unlocked {hh.open_days}, let yourself in",
                                       f"front door unlocked for workers {hh.open_days}"]))
        self.mark(hh, kinds)
        return "; ".join(parts)

    def code_text(self, hh, terse=False):
        r = self.rng
        d = hh.device
        if terse:
            if d == "key safe":
                return r.choice([f"KS {hh.code} ({hh.place})", f"Keysafe {hh.place} - {hh.code}",
                                 f"K/S code {hh.code}", f"key safe c. {hh.code}, {hh.place}"])
            if d == "smart lock":
                return r.choice([f"Smart lock keypad {hh.code} + tick", f"keypad lock {hh.code}"])
            if d == "lock box":
                return f"Lock box {hh.place}, combi {hh.code}"
            return f"Main door {hh.block}, then KS {hh.code} ({hh.place})"
        if d == "key safe":
            return r.choice([f"Key safe is {hh.place}, code {hh.code}.",
                             f"Let myself in with the key from the key safe ({hh.place}), code {hh.code}, as agreed.",
                             f"The keysafe code is {hh.code} - it's {hh.place}.",
                             f"Access via key safe {hh.place}: {hh.code}."])
        if d == "smart lock":
            return r.choice([f"Front door has a smart lock - tap in {hh.code} then press the tick.",
                             f"Keypad lock on the flat door, code {hh.code}."])
        if d == "lock box":
            return f"Key is in the lock box {hh.place}, combination {hh.code}."
        return r.choice([f"Buzzer to the block doesn't work - use the trade code {hh.block} on the main door, then the key safe {hh.place}, code {hh.code}.",
                         f"Communal door code {hh.block}; key safe for the flat is {hh.place}, code {hh.code}."])

    def acc_note(self, hh, p, kinds=None):
        """narrative sentence(s) by a worker, about person p's home."""
        r = self.rng
        kinds = list(kinds or sorted(hh.plan))
        out = []
        for k in kinds:
            if k == "code":
                out.append(self.code_text(hh))
            elif k == "hidden_key":
                out.append(r.choice([f"{p.He} keeps a spare key {hh.hide} if {p.he} doesn't answer.",
                                     f"If no answer the key is {hh.hide}.",
                                     f"{p.He} has told us the spare key is {hh.hide} - use it if worried."]))
            elif k == "key_holder":
                out.append(r.choice([f"{hh.holder_desc[0].upper() + hh.holder_desc[1:]} {hh.holder} holds a spare key and is happy to let us in ({hh.holder_phone}).",
                                     f"Spare key is with {hh.holder} ({hh.holder_desc}), tel {hh.holder_phone}.",
                                     f"If no answer, {hh.holder} ({hh.holder_desc}) has a key."]))
            elif k == "left_open":
                out.append(r.choice([f"{p.He} leaves the door on the latch {hh.open_days} - knock and go straight in.",
                                     f"Door is left unlocked for us {hh.open_days}; let yourself in and call out as {p.he} is often asleep.",
                                     f"{p.He} has asked that we just walk in {hh.open_days} - the back door is left open."]))
        self.mark(hh, kinds)
        return " ".join(out)

    def near_miss_home(self, hh, p):
        r = self.rng
        na = getattr(hh, "noaccess", None)
        opts = {
            "ks_booked": [f"Key safe requested for {p.his} flat - fitting booked with Brackenport Homes repairs, no code yet.",
                          "KS fitting booked, code to be set by tenant on the day."],
            "forced": [f"Police forced entry on a welfare check; door boarded and lock changed. New keys given to {p.him} only - no spare, no code.",
                       "Lock changed after the break-in. Tenant has both keys. No key safe."],
            "answers": [f"{p.He} always answers - no key safe and doesn't want one.",
                        f"No access arrangements - {p.he} will only open the door to workers {p.he} knows."],
            "code_office": ["Key safe code is held by the HF office - ring the duty phone, do not write it down.",
                            "KS code on the secure system only, ask Becky."],
            "none": [f"{p.He} has asked for a door chain - fitted.", "Door entry buzzer for the block is broken, reported.",
                     "Tenant worried about people trying the door at night - discussed security."],
        }
        return r.choice(opts.get(na or "none"))

    def near_miss_general(self):
        r = self.rng
        return r.choice([
            "Van keys in the lockbox at the depot (code 5562) - please return them.",
            f"Ferrier House office door code changed to {r.randint(1000, 9999)}# - staff only, not for residents.",
            f"Clinic room 2 keypad is C{r.randint(1000, 9999)}X this month.",
            "Dockside Pharmacy side door buzzer for the hatch - ring twice.",
            f"St Brendan's staff key safe (by reception) code {r.randint(1000, 9999)} - for staff only.",
            "Reminder: key worker allocations go on the board by Friday.",
            f"Helped {r.choice(['him', 'her'])} reset the bank card PIN at the branch.",
            f"Crime ref {r.randint(10, 99)}/{r.randint(10000, 99999)}/26 for the stolen phone.",
            "Needle exchange batch code NX-4471-B logged.",
            f"Housing Register ref HR{r.randint(100000, 999999)} - band B.",
            "Naloxone training: key points covered, recovery position practised.",
            f"Outreach van lock box code {r.randint(1000, 9999)} (depot, bay 3).",
            "Wheelchair access at the Cinder St hub via the ramp on Ebor St.",
        ])

    # ---------------------------------------------------------------- helpers
    def add(self, path, data, kind):
        if isinstance(data, str):
            data = data.encode("utf-8")
        self.files.append((path, data, kind))

    def cover(self, p):
        p.covered = True

    def date_in(self, lo=(2026, 8, 1), hi=(2026, 11, 27)):
        a = dt.date(*lo)
        b = dt.date(*hi)
        return a + dt.timedelta(days=self.rng.randint(0, (b - a).days))

    def pick(self, pool, n):
        pool = list(pool)
        return self.rng.sample(pool, min(n, len(pool)))

    def who(self, sv):
        return [p for p in self.people if sv in p.sv]

    def addr(self, p):
        hh = p.hh
        if hh.kind == "tenancy":
            return f"{hh.line1}, {CITY} {hh.postcode}"
        if hh.kind == "hostel":
            room = hh.rooms[hh.members.index(p)]
            return f"Room {room}, {hh.hostel[0]}, {hh.hostel[1]}, {CITY} {hh.hostel[2]}"
        return "No fixed abode"

    def housing_phrase(self, p):
        hh = p.hh
        if hh.kind == "tenancy":
            return f"own tenancy at {hh.short}" + (" (Housing First)" if hh.hf else "")
        if hh.kind == "hostel":
            return f"{hh.hostel[0]} hostel, room {hh.rooms[hh.members.index(p)]}"
        if hh.kind == "street":
            return f"rough sleeping - {hh.site}"
        return hh.site

    def rel_text(self, p):
        bits = []
        for role, name, ph in p.rels:
            self.add_related(name, f"{role} of a service user")
            bits.append(f"{role} {name}")
        return bits

    def dob_any(self, p):
        return fdob(p.dob, self.rng.choice(["slash", "slash", "long", "mon", "iso"]))

    # ================================================================ free text
    def gen_outreach_logs(self):
        r = self.rng
        pool = [p for p in self.people if "out" in p.sv or p.housing == "street"]
        for i in range(self.cnt(8)):
            d = self.date_in()
            early = r.random() < .6
            crew = self.pick(self.outreach, 2)
            vol = r.choice(self.hr[2:]) if r.random() < .4 else None
            lines = [f"BRACKENPORT CITY COUNCIL - STREET OUTREACH TEAM",
                     f"Shift log: {d.strftime('%A')} {d.day} {MONTHS[d.month - 1]} {d.year}, {'05:30-09:00 (early)' if early else '20:00-23:30 (late)'}",
                     f"On shift: {crew[0].name}, {crew[1].name}" + (f" (+ {vol.name}, BRS peer volunteer)" if vol else ""),
                     f"Van: BK21 OUT. {'Keys from the depot lockbox, code %d.' % r.randint(1000, 9999) if r.random() < .5 else 'Van keys signed out at Civic Centre security.'}",
                     "Area: city centre, riverside, Gannet Row, bus station", ""]
            t = dt.datetime(d.year, d.month, d.day, 5 if early else 20, 40)
            for p in self.pick(pool, r.randint(6, 9)):
                t += dt.timedelta(minutes=r.randint(8, 30))
                hh = p.hh
                style = r.random()
                if style < .3 and p.known_as:
                    who = f"{p.known_as.upper()} ({p.n('fs')}, b.{p.dob.year})"
                elif style < .55:
                    who = f"{p.n('FS')} ({fdob(p.dob, 'slash')})"
                    self.cover(p)
                elif style < .75:
                    who = f"{p.n('fs')}, aged {2026 - p.dob.year - (1 if (p.dob.month, p.dob.day) > (d.month, d.day) else 0)}"
                else:
                    who = f"{p.n('S,F')} - DOB {fdob(p.dob, 'long')}"
                    self.cover(p)
                if hh.kind == "street":
                    where = hh.site
                    what = r.choice(["Bedded down, sleeping bag wet - replaced. Offered Ferrier House bed, declined.",
                                     "Awake and chatty. Says scripts going ok at the chemist. Needs GP re abscess on left leg - told about walk-in at Saltings.",
                                     "Found asleep, roused easily, breathing fine. Naloxone kit checked - has one.",
                                     f"Begging pitch. Looks unwell, thinner. Agreed to see {p.nurse.name} at Saltings nurse clinic Thursday.",
                                     "Didn't want to engage this morning. Left hot drink and socks.",
                                     "Verified rough sleeper - added to by-name list. SWEP info given."])
                    if p.partner and p.partner.hh is hh:
                        what = f"With partner {p.partner.n('fs')}. " + what
                elif hh.kind == "hostel":
                    where = r.choice(["Market St", "outside Ferrier House", "Quayside benches", "bus station"])
                    what = f"Has a room at {hh.hostel[0]} but out all night. Reminded about curfew and missed signings."
                elif hh.kind == "temp":
                    where = r.choice(["Market St", "library steps", "Cinder St hub"])
                    what = f"Currently {hh.site}. Asked about Housing First waiting list - passed to {self.tsw[0].name}."
                else:
                    where = r.choice(["Market St", "Quayside", "Ropewalk car park"])
                    what = f"Has own flat ({hh.short}) but out begging. Said things are 'on top' at the flat - flag to HF."
                rels = ""
                if p.probation and r.random() < .4:
                    rels = f" Due at probation with {p.probation.name} Monday."
                    self.add_related(p.probation.name, "probation officer (external)")
                lines.append(f"{t.strftime('%H:%M')}  {where} - {who}. {what}{rels}")
            lines += ["", "Handover: " + r.choice([self.near_miss_general(), "nil else.", "SWEP not triggered tonight.",
                                                   "Two new faces at the arches, no names given - check next shift.",
                                                   f"{crew[0].fore} to update CHAIN."]),
                      f"Log completed by {crew[0].name} {t.strftime('%H:%M')}"]
            self.add(f"Outreach/Shift logs/{d.isoformat()} {'early' if early else 'late'} shift.txt",
                     "\n".join(lines) + "\n", "text")

    def gen_keyworker_notes(self):
        r = self.rng
        for p in self.pick(self.who("brs"), self.cnt(10)):
            hh = p.hh
            ents = []
            d = self.date_in((2026, 8, 1), (2026, 9, 15))
            hdr = [f"Brackenport Recovery Service - case notes export (printed {dt.date(2026, 11, 28).strftime('%d/%m/%Y')})",
                   f"Client: {p.n('S,Fmid')}    Known as: {p.known_as or '-'}",
                   f"DOB: {fdob(p.dob, 'slash')}    NHS No: {fnhs(p.nhs) if p.nhs else 'not known'}    BRS ID: {p.ref}",
                   f"Address: {self.addr(p)}",
                   f"Keyworker: {p.rw.name}    Prescriber: {self.sname(p.presc, True)}    GP: {self.sname(p.gp, True)}, Saltings HC",
                   "=" * 72]
            self.cover(p)
            for j in range(r.randint(4, 7)):
                d += dt.timedelta(days=r.randint(6, 16))
                author = p.rw if r.random() < .8 else r.choice(self.rws)
                typ = r.choice(["1:1 keywork", "Home visit", "Telephone", "Joint visit", "Script review", "DNA"])
                if (hh.kind != "tenancy" and typ == "Home visit") or ("ost" not in p.sv and typ == "Script review"):
                    typ = "1:1 keywork"
                body = []
                if typ == "DNA":
                    body.append(f"Did not attend 1:1. Rang {p.phone or 'no phone on file'} - no answer. Pharmacy ({ORGS[p.pharmacy][0]}) say last pick-up was {(d - dt.timedelta(days=2)).strftime('%d/%m')}.")
                elif typ == "Script review":
                    body.append(f"Script review with {self.sname(p.presc, True)}. Currently on {p.dose}, {'supervised' if p.supervised else 'take-home'} at {ORGS[p.pharmacy][0]}. UDS positive for {r.choice(['opiates and cocaine', 'cocaine only', 'opiates only', 'benzos', 'nothing other than script'])}.")
                    body.append(r.choice(["Dose unchanged.", "Increased by 5ml.", "Agreed to stay on daily supervised for now.",
                                          "Discussed move to Buvidal - will think about it."]))
                elif typ == "Home visit":
                    body.append(f"HV to {hh.short}. " + (self.acc_note(hh, p) if hh.plan and r.random() < .7 else self.near_miss_home(hh, p)))
                    body.append(r.choice(["Flat reasonably tidy, food in the fridge.", "Lots of people in and out - concerns re cuckooing.",
                                          f"{p.He} was in bed, low mood, hasn't eaten since yesterday.", "Gas card needs topping up - gave £10 voucher."]))
                elif typ == "Joint visit":
                    other = p.tsw if hh.hf else p.ow
                    body.append(f"Joint with {other.name} ({ORGS[other.org][0]}). Discussed {r.choice(['rent arrears', 'benefits sanction', 'hep C testing', 'court date', 'detox options'])}.")
                else:
                    body.append(r.choice([f"Using {p.drug} {r.choice(['daily', 'most days', 'at weekends', 'less since last review'])}. Injecting in groin - harm reduction advice given, NSP via the van.",
                                          f"Talked about {p.his} relationship with {p.partner.n('fs') if p.partner else 'family'} and triggers.",
                                          f"Completed TOP. {p.He} scored {r.randint(3, 9)}/10 for wellbeing.",
                                          "Mutual aid group Thursday - said might go with Chidi (peer volunteer)."]))
                    if p.rels and r.random() < .4:
                        role, nm, ph = r.choice(p.rels)
                        self.add_related(nm, f"{role} of a service user")
                        body.append(f"{p.His} {role} {nm} ({ph}) rang worried - consent in place to speak to {nm.split()[0]}.")
                    if p.probation and r.random() < .5:
                        self.add_related(p.probation.name, "probation officer (external)")
                        body.append(f"Updated {p.probation.name} (probation) by phone.")
                if r.random() < .2:
                    body.append(self.near_miss_general())
                ents.append(f"{d.strftime('%d/%m/%Y')} {r.randint(9, 16):02d}:{r.choice(['00', '15', '30', '45'])}  {typ}  -  {author.name} ({author.role})\n" + "\n".join(body) + "\n")
            self.add(f"Recovery/Keyworker notes/{p.sur.upper()} {p.fore} - keyworker notes.txt",
                     "\n".join(hdr) + "\n\n" + "\n".join(ents), "text")

    def gen_mdt(self):
        r = self.rng
        for i in range(self.cnt(5)):
            d = dt.date(2026, 8, 5) + dt.timedelta(days=14 * i + r.randint(0, 3))
            present = [r.choice(self.gps), self.mhn, r.choice(self.rws), r.choice(self.rws), self.tsw[0],
                       r.choice(self.tsw[1:]), self.outreach[0], r.choice(self.hostel_staff[:3]), self.hcv]
            present = list(dict.fromkeys(present))
            chair = present[0]
            lines = [f"# Inclusion Health MDT - {d.day} {MONTHS[d.month - 1]} {d.year}", "",
                     "Venue: Saltings Health Centre, meeting room 2" + (f" (door code C{r.randint(1000, 9999)}X)" if r.random() < .5 else ""),
                     "", "**Present:** " + ", ".join(f"{s.name} ({s.role}, {ORGS[s.org][0]})" for s in present),
                     f"**Apologies:** {r.choice(self.prescribers).name}, {r.choice(self.nurses).name}",
                     f"**Chair:** {chair.name}", ""]
            cases = self.pick(self.people, r.randint(5, 8))
            for j, p in enumerate(cases, 1):
                hh = p.hh
                shape = r.choice(["fms", "FS", "title"])
                idv = []
                if r.random() < .8:
                    idv.append(f"DOB {fdob(p.dob, r.choice(['slash', 'long']))}")
                if p.nhs and r.random() < .6:
                    idv.append(f"NHS {fnhs(p.nhs)}")
                if idv:
                    self.cover(p)
                lines.append(f"## {j}. {p.n(shape)} ({', '.join(idv) if idv else 'no DOB recorded'})" + (f" - known as {p.known_as}" if p.known_as else ""))
                lines.append("")
                bits = [f"Housing: {self.housing_phrase(p)}."]
                bits.append(r.choice([f"Weight loss and chest infection; {p.gp.fore} has seen. Not collecting script consistently.",
                                      f"Hep C RNA positive, wants treatment - {self.hcv.fore} to arrange.",
                                      f"Self-harm over the weekend, A&E then left before being seen. {self.mhn.fore} to review.",
                                      f"Two non-fatal overdoses in a month. Has naloxone? Partner trained?",
                                      f"Eviction risk - rent arrears and ASB complaints from neighbours.",
                                      f"Engaging well, wants detox. Referral to Ravensdale rehab discussed.",
                                      f"Leg ulcers - {self.podiatrist.fore} and practice nurse to do joint dressing clinic."]))
                if p.partner:
                    bits.append(f"Partner {p.partner.n('fs')} is also known to services (see item below if listed).")
                if hh.kind == "tenancy" and hh.plan and r.random() < .35:
                    bits.append("Home visit access for GP: " + self.acc_note(hh, p))
                elif hh.kind == "tenancy" and r.random() < .3:
                    bits.append(self.near_miss_home(hh, p))
                if p.probation and r.random() < .5:
                    self.add_related(p.probation.name, "probation officer (external)")
                    bits.append(f"On licence - {p.probation.name} (probation) aware.")
                lines.append(" ".join(bits))
                acts = self.pick([s for s in present], 2)
                lines.append("")
                lines.append("**Actions:** " + "; ".join(f"{a.ini} to {r.choice(['contact', 'visit', 'book review for', 'update plan for', 'chase bloods for'])} {p.fore}" for a in acts))
                lines.append("")
            lines.append(f"Next MDT: {(d + dt.timedelta(days=14)).strftime('%d/%m/%Y')}. Minutes: {self.st['shc'][7].name}.")
            self.add(f"MDT/Inclusion MDT minutes {d.isoformat()}.md", "\n".join(lines) + "\n", "text")

    def gen_hf_handovers(self):
        r = self.rng
        hf = [hh for hh in self.households if hh.kind == "tenancy" and hh.hf]
        for i in range(self.cnt(5)):
            d = dt.date(2026, 8, 3) + dt.timedelta(weeks=3 * i + r.randint(0, 1))
            frm = self.tsw[0]
            cover = r.choice(self.tsw[1:])
            lines = [f"ANCHORAGE HOUSING FIRST - TEAM HANDOVER  w/c {d.strftime('%d/%m/%Y')}",
                     f"From: {frm.name}    Covering Mon-Tue: {cover.name}", "-" * 60, ""]
            days = ["MON", "TUE", "WED", "THU", "FRI"]
            for dayn, hhs in zip(days, [self.pick(hf, r.randint(2, 4)) for _ in days]):
                lines.append(dayn)
                slots = sorted(f"{r.randint(9, 15):02d}:{r.choice(['00', '30'])}" for _ in hhs)
                for tm, hh in zip(slots, hhs):
                    p = hh.members[0]
                    names = " & ".join(m.n(r.choice(["fs", "FS", "kas"])) for m in hh.members)
                    task = r.choice(["welfare check - not seen since Friday", "benefits appt at job centre, support to attend",
                                     "gas/electric top up", "rent account review", "joint visit with BRS",
                                     "food parcel drop", "repairs: bathroom leak, Brackenport Homes coming am"])
                    acc = ""
                    if hh.plan and r.random() < .55:
                        acc = " ACCESS: " + self.acc_terse(hh)
                    elif r.random() < .3:
                        acc = " " + self.near_miss_home(hh, p)
                    lines.append(f"  {tm}  {names} ({hh.short}) - {task}.{acc} [{p.tsw.fore}]")
                lines.append("")
            lines += ["OTHER", f"  - {self.near_miss_general()}",
                      "  - Lone working: text the duty phone on arrival and leaving, every visit.",
                      "  - Key worker meeting Thursday 2pm moved to the Salter's Yard office."]
            self.add(f"Housing First/Handovers/Team handover w-c {d.isoformat()}.txt", "\n".join(lines) + "\n", "text")

    def gen_chats(self):
        r = self.rng
        # WhatsApp style HF team
        hfp = [p for p in self.people if "hf" in p.sv]
        for ci in range(self.cnt(3)):
            d = self.date_in((2026, 9, 1), (2026, 11, 20))
            kind = ci % 3
            lines = []
            if kind == 0:
                members = self.tsw
                t = dt.datetime(d.year, d.month, d.day, 8, 2)
                for p in self.pick(hfp, r.randint(4, 6)):
                    a, b = self.pick(members, 2)
                    hh = p.hh
                    t += dt.timedelta(minutes=r.randint(3, 70))
                    lines.append(f"{t.strftime('%d/%m/%Y, %H:%M')} - {a.name}: anyone seen {p.n('ka').lower()} {p.sur.lower() if r.random() < .5 else ''}? not answering phone".replace("  ", " "))
                    t += dt.timedelta(minutes=r.randint(1, 9))
                    if hh.plan and r.random() < .7:
                        k = r.choice(sorted(hh.plan))
                        msg = {"code": f"i can pop round at 11. {hh.device if hh.device != 'block' else 'keysafe'} still {hh.code}?",
                               "hidden_key": f"i'll go at 11, key still {hh.hide}?",
                               "key_holder": f"i'll go. is {hh.holder.split()[0]} still got the spare?",
                               "left_open": f"i'll go at 11, does {p.he} still leave the door on the latch?"}[k]
                        lines.append(f"{t.strftime('%d/%m/%Y, %H:%M')} - {b.name}: {msg}")
                        t += dt.timedelta(minutes=2)
                        lines.append(f"{t.strftime('%d/%m/%Y, %H:%M')} - {a.name}: yep 👍")
                    else:
                        lines.append(f"{t.strftime('%d/%m/%Y, %H:%M')} - {b.name}: saw {p.him} at the hub yesterday, seemed ok")
                lines.append(f"{t.strftime('%d/%m/%Y, %H:%M')} - {members[0].name}: <Media omitted>")
                lines.append(f"{t.strftime('%d/%m/%Y, %H:%M')} - {members[0].name}: reminder office key safe code changes monday, ask me for new one")
                self.add(f"Chats/WhatsApp Chat with AHF team {d.isoformat()}.txt", "\n".join(lines) + "\n", "text")
            elif kind == 1:
                # Teams chat export, BRS duty
                t = dt.datetime(d.year, d.month, d.day, 9, 5)
                for p in self.pick(self.who("brs"), r.randint(4, 6)):
                    a, b = self.pick(self.rws + self.prescribers, 2)
                    t += dt.timedelta(minutes=r.randint(5, 50))
                    if r.random() < .5:
                        txt = f"{ORGS[p.pharmacy][0]} on the phone - {p.n('fs')} {fdob(p.dob, 'slash')} missed 3 days, can we re-titrate?"
                        self.cover(p)
                    else:
                        txt = f"{p.n('ka')} {p.sur[0]}. in reception asking for {p.rw.fore}, anyone free?"
                    lines.append(f"[{t.strftime('%d/%m/%Y %H:%M')}] {a.name}\n{txt}\n")
                    t += dt.timedelta(minutes=r.randint(1, 6))
                    lines.append(f"[{t.strftime('%d/%m/%Y %H:%M')}] {b.name}\n{r.choice(['on it', 'I can see them at 2', 'Can you check the last dose date on the system first', 'send to duty prescriber please'])}\n")
                self.add(f"Chats/Teams - BRS duty chat {d.isoformat()}.txt", "\n".join(lines), "text")
            else:
                # outreach group text thread
                t = dt.datetime(d.year, d.month, d.day, 6, 1)
                for p in self.pick([p for p in self.people if p.housing in ("street", "temp")], r.randint(4, 6)):
                    a = r.choice(self.outreach)
                    t += dt.timedelta(minutes=r.randint(5, 40))
                    where = p.hh.site if p.hh.kind == "street" else "Market St"
                    lines.append(f"{t.strftime('%d/%m/%Y %H:%M')} {a.fore}: {p.n('ka')} ({p.sur}) at {where}. {r.choice(['ok', 'asleep, breathing ok', 'wants to talk to HF', 'looks rough, sores on hands', 'asked for sleeping bag'])}")
                lines.append(f"{t.strftime('%d/%m/%Y %H:%M')} {self.outreach[0].fore}: van back at depot, keys in lockbox")
                self.add(f"Chats/Outreach group text {d.isoformat()}.txt", "\n".join(lines) + "\n", "text")

    def gen_van_logs(self):
        r = self.rng
        for i in range(self.cnt(3)):
            d = self.date_in()
            crew = [self.hr[0], r.choice(self.hr[1:])]
            lines = []
            t = dt.datetime(d.year, d.month, d.day, 18, 30)
            for p in self.pick([p for p in self.people if "brs" in p.sv or p.housing == "street"], r.randint(6, 10)):
                t += dt.timedelta(minutes=r.randint(4, 25))
                nm = r.choice([f'"{p.known_as}" ({p.fore[0]}{p.sur[0]}, yob {p.dob.year})' if p.known_as else f"{p.fore[0]}.{p.sur[0]}. yob {p.dob.year}",
                               f"{p.n('fs')} yob {p.dob.year}", f"{p.fore} {p.sur[0]} ({p.dob.year})"])
                lines.append(f"{t.isoformat(' ', 'minutes')} | van=TERN | site={r.choice(['Quayside', 'bus station', 'Cinder St', 'Gannet Row'])} | staff={crew[0].ini}/{crew[1].ini} | client={nm} | "
                             f"NSP={r.choice(['10x1ml orange', '20x1ml + 10 swabs', 'foils x10', 'none'])} | naloxone={r.choice(['Prenoxad batch PX%d' % r.randint(1000, 9999), 'Nyxoid batch NY%dB' % r.randint(100, 999), 'has kit'])} | notes={r.choice(['wound check, referred to nurse', 'BBV test offered - declined', 'DBS (dry blood spot) done', 'ok', 'asked about fentanyl test strips'])}")
            lines.append(f"{t.isoformat(' ', 'minutes')} | van=TERN | END | keys returned to depot lockbox | staff={crew[0].ini}")
            self.add(f"Harm reduction/van_log_{d.strftime('%Y%m%d')}.log", "\n".join(lines) + "\n", "text")

    def gen_gp_consults(self):
        r = self.rng
        for i in range(self.cnt(4)):
            gp = self.gps[i % len(self.gps)]
            month = 8 + i % 4
            blocks = [f"SALTINGS HEALTH CENTRE - consultation extract - {gp.title} {gp.name} - {MONTHS[month - 1]} 2026", ""]
            for p in self.pick(self.who("gp"), r.randint(4, 6)):
                d = dt.date(2026, month, r.randint(1, 28))
                hh = p.hh
                blocks.append("-" * 60)
                blocks.append(f"Patient: {p.title} {p.fore} {(p.mid + ' ') if p.mid else ''}{p.sur.upper()}   DOB: {fdob(p.dob, 'mon')}   NHS No: {p.nhs or 'none'}")
                self.cover(p)
                blocks.append(f"Date: {d.strftime('%d/%m/%Y')}   Clinician: {gp.title} {gp.name}   Type: {r.choice(['Walk-in', 'Booked', 'Outreach clinic (Ferrier House)', 'Home visit' if hh.kind == 'tenancy' else 'Telephone'])}")
                blocks.append(f"History: {r.choice(['Cough 3/52, green sputum, smoker.', 'Abscess R groin, injecting site.', 'Low mood, poor sleep, voices worse at night.', 'Requesting fit note.', 'Fall while intoxicated, L wrist pain.', 'Seizure yesterday - alcohol withdrawal?'])}")
                blocks.append(f"Social: {self.housing_phrase(p)}. Uses {p.drug}. " + (f"On {p.dose} via BRS ({p.presc.name})." if "ost" in p.sv else ""))
                if hh.kind == "tenancy" and hh.plan and r.random() < .4:
                    blocks.append("Home visit access: " + self.acc_note(hh, p, [r.choice(sorted(hh.plan))]))
                blocks.append(f"Plan: {r.choice(['Doxycycline 100mg od 7/7. Review 1/52.', 'Refer BGI hepatology.', 'Refer MH nurse ' + self.mhn.name + '.', 'Bloods inc LFT, HbA1c, BBV.', 'X-ray L wrist, sling.', 'Fit note 4/52.'])}")
                blocks.append("")
            self.add(f"GP/Consultation extract {MONTHS[month - 1]} 2026 {gp.sur}.txt", "\n".join(blocks) + "\n", "text")

    def gen_hcv_notes(self):
        r = self.rng
        pool = self.who("hcv") or self.who("brs")
        for i in range(self.cnt(2)):
            lines = [f"Hepatitis C nurse clinic notes - {self.hcv.name} (BRS)", f"Clinic: Cinder Street Hub / outreach van. Period: {'Aug-Sep' if i == 0 else 'Oct-Nov'} 2026", ""]
            for p in self.pick(pool, r.randint(4, 6)):
                d = self.date_in()
                lines.append(f"*** {p.n('S,FM')} ({fdob(p.dob, 'iso')}) {('NHS ' + p.nhs) if p.nhs else ''}".rstrip())
                self.cover(p)
                lines.append(f"{d.strftime('%d %b')}: {r.choice(['DBS test at van, reactive. Venous bloods for RNA taken.', 'RNA +ve, genotype 3a. Fibroscan 6.1 kPa. Starting Epclusa 12/52.', 'Week 4 of treatment, good adherence (pharmacy supervised with methadone).', 'SVR12 bloods taken - fingers crossed.', 'Missed 2 appts - to try via outreach team.'])}")
                if p.partner:
                    lines.append(f"Partner {p.partner.n('fs')} also offered test.")
                lines.append("")
            self.add(f"Recovery/Hep C/HCV clinic notes {'Aug-Sep' if i == 0 else 'Oct-Nov'} 2026.txt", "\n".join(lines), "text")

    def gen_safeguarding(self):
        r = self.rng
        for i in range(self.cnt(2)):
            hhs = [hh for hh in self.households if hh.kind == "tenancy" and hh.plan <= {"code"}]
            hh = r.choice(hhs)
            p = hh.members[0]
            d = self.date_in()
            by = p.tsw if hh.hf else p.rw
            lines = [f"SAFEGUARDING ADULTS - CONCERN NOTE", f"Date raised: {d.strftime('%d/%m/%Y')}    Raised by: {by.name}, {by.role}, {ORGS[by.org][0]}",
                     f"Adult at risk: {p.n('fms')}    DOB: {fdob(p.dob, 'long')}    NHS: {fnhs(p.nhs) if p.nhs else 'unknown'}",
                     f"Address: {self.addr(p)}", ""]
            self.cover(p)
            if p.partner:
                lines.append(f"Lives with partner {p.partner.n('fs')} (DOB {fdob(p.partner.dob, 'slash')}), also a BRS client.")
                self.cover(p.partner)
            lines.append(f"Concern: suspected cuckooing - two males from out of area staying at the flat, {p.he} reports they took {p.his} keys and phone. "
                         "Neighbours reporting people coming and going through the night.")
            lines.append(f"Police (PC 4471 Hartley) attended {(d + dt.timedelta(days=1)).strftime('%d/%m')}; forced entry as no answer. "
                         "Locks changed by Brackenport Homes same day; new keys given to tenant only. No spare held by anyone.")
            if hh.plan and "code" in hh.plan:
                lines.append(f"NB the key safe at the flat - code {hh.code} - is known to the visitors; HF to change it. Until then do NOT use the key safe.")
                self.mark(hh, ["code"])
            lines.append(f"Actions: strategy meeting; {p.rw.name} to increase contact; {self.outreach[0].name} informed.")
            self.add(f"Safeguarding/Concern {d.isoformat()} {p.sur.upper()}.txt", "\n".join(lines) + "\n", "text")

    # ================================================================ letters
    def letterhead(self, org):
        o = ORGS[org]
        return f"{o[0]}  |  {o[1]}  |  {o[2]}"

    def gen_gp_referrals(self):
        r = self.rng
        for p in self.pick(self.who("gp"), self.cnt(6)):
            gp = p.gp
            d = self.date_in()
            cons = r.choice(self.ext[5:7])
            self.add_related(cons.name, f"{cons.role}, {cons.org} (external)")
            paras = [d.strftime("%d %B %Y").lstrip("0"), "",
                     f"{cons.name}", f"{cons.role.capitalize()}", f"{cons.org}", "Infirmary Road, Brackenport BK5 1GI", "",
                     f"Dear Dr {cons.sur},", "",
                     f"Re: {p.title} {p.n('fms')}   DOB: {fdob(p.dob, 'long')}   NHS number: {fnhs(p.nhs) if p.nhs else 'not yet allocated'}",
                     f"Address: {self.addr(p) if p.hh.kind != 'street' else 'No fixed abode - c/o Saltings Health Centre'}", "",
                     f"Thank you for seeing this {2026 - p.dob.year}-year-old {'man' if p.sex == 'M' else 'woman' if p.sex == 'F' else 'patient'}, who is registered with our specialist homeless health practice. "
                     f"{p.He} has a history of {p.drug} use and is under Brackenport Recovery Service ({p.rw.name}, recovery worker).",
                     r.choice(["Hepatitis C RNA positive (genotype 1a) with a Fibroscan of 12.4 kPa; I would be grateful for assessment for treatment and cirrhosis surveillance.",
                               "Deranged LFTs (ALT 214) and a history of heavy alcohol use; please assess.",
                               "Recurrent groin abscesses with a suspected pseudoaneurysm; please see urgently.",
                               "Breathlessness and weight loss of 8kg; chest X-ray shows right upper lobe changes."]),
                     f"Housing: {self.housing_phrase(p)}. "
                     + ("Appointment letters often do not reach homeless patients - please send a copy to us and we will pass it on via the outreach team." if p.hh.kind != "tenancy" else ""),
                     ]
            if p.phone:
                paras.append(f"{p.His} mobile is {p.phone} but it is often out of credit.")
            if p.hh.kind == "tenancy" and p.hh.plan and r.random() < .4:
                paras.append("If your team needs to visit, " + self.acc_note(p.hh, p, [r.choice(sorted(p.hh.plan))]))
            nok = [x for x in p.rels if x[0] in ("mum", "sister", "brother", "partner")]
            if nok:
                role, nm, ph = nok[0]
                self.add_related(nm, f"{role} of a service user")
                paras.append(f"Next of kin: {nm} ({role}), {ph}.")
            paras += ["", "Yours sincerely,", "", f"{gp.title} {gp.name}", f"{gp.role.capitalize()}, Saltings Health Centre", f"GMC {gp.gmc[1:]}",
                      f"cc: {p.rw.name}, Brackenport Recovery Service"]
            self.cover(p)
            self.add(f"Letters/GP referrals/Referral {p.sur} {d.strftime('%Y%m%d')}.docx",
                     docx_bytes(self.letterhead("shc"), paras, footer="Saltings Health Centre - confidential"), "docx")

    def gen_hf_letters(self):
        r = self.rng
        hhs = [hh for hh in self.households if hh.kind == "tenancy" and hh.hf]
        for hh in self.pick(hhs, self.cnt(6)):
            p = hh.members[0]
            d = self.date_in()
            w = p.tsw
            names = " and ".join(m.n("title") for m in hh.members)
            paras = [f"{names}", hh.line1, f"{CITY} {hh.postcode}", "", d.strftime("%d/%m/%Y"), "",
                     f"Dear {' and '.join(m.n('ka') for m in hh.members)},", "",
                     "Your Housing First support plan - review", "",
                     f"Thank you for meeting with me on {(d - dt.timedelta(days=r.randint(2, 9))).strftime('%d %B')}. This letter sets out what we agreed.",
                     "<<TABLE>>", ""]
            table = [["Name", "Date of birth", "NHS number"]] + [[m.n("fms"), fdob(m.dob, "slash"), fnhs(m.nhs) if m.nhs else ""] for m in hh.members]
            for m in hh.members:
                self.cover(m)
            goals = r.sample(["Keep your rent account up to date (currently £%d in arrears)" % r.randint(40, 900),
                              "Register with Saltings Health Centre and see the nurse about your legs",
                              "Attend BRS appointments with %s" % p.rw.name, "Get a bed and a cooker through the welfare fund",
                              "Reduce the number of people staying over", "Apply for PIP with Welfare Rights"], 3)
            paras += [f"{k + 1}. {g}" for k, g in enumerate(goals)]
            paras.append("")
            if hh.plan and r.random() < .75:
                paras.append("Visits: " + self.acc_note(hh, p))
                paras.append("Please let us know if this changes.")
            else:
                paras.append(self.near_miss_home(hh, p))
            paras += ["", "Your tenancy reference is AHF-%04d. Your key worker is %s." % (r.randint(1, 9999), w.name), "",
                      "Best wishes,", "", w.name, f"{w.role.capitalize()}, Anchorage Housing First", f"Duty phone 07700 900{r.randint(0, 999):03d}"]
            self.add(f"Letters/Housing First/Support plan review {p.sur} {d.isoformat()}.docx",
                     docx_bytes(self.letterhead("ahf"), paras, table=table), "docx")

    def gen_brs_letters(self):
        r = self.rng
        for p in self.pick(self.who("brs"), self.cnt(5)):
            d = self.date_in()
            a = self.addr(p)
            if p.hh.kind in ("street", "temp"):
                a = "c/o Cinder Street Hub, 18 Cinder Street, Brackenport BK2 1RS"
            elif p.hh.kind == "hostel":
                a = f"c/o {p.hh.hostel[0]}, {p.hh.hostel[1]}, Brackenport {p.hh.hostel[2]}"
            kind = r.choice(["appt", "dna", "review"])
            paras = ["PRIVATE AND CONFIDENTIAL", "", p.n("title"), *a.split(", "), "", d.strftime("%d %B %Y"), "",
                     f"BRS ID: {p.ref}    NHS number: {fnhs(p.nhs, 'none') if p.nhs else '-'}    Date of birth: {fdob(p.dob, 'slash')}", "",
                     f"Dear {p.n('titleS')},", ""]
            self.cover(p)
            if kind == "appt":
                paras.append(f"You have an appointment with {self.sname(p.presc, True)} ({p.presc.role}) on {(d + dt.timedelta(days=10)).strftime('%A %d %B')} at 11:30 at the Cinder Street Hub to review your prescription.")
            elif kind == "dna":
                paras.append(f"We have tried to contact you several times since {(d - dt.timedelta(days=20)).strftime('%d %B')}. If we do not hear from you by {(d + dt.timedelta(days=14)).strftime('%d %B')}, we may need to reduce your prescription for your safety.")
            else:
                paras.append(f"This is to confirm your treatment plan: {p.dose}, {'supervised daily' if p.supervised else 'collected'} at {ORGS[p.pharmacy][0]}.")
            paras += ["Please bring your naloxone kit so we can check its expiry date.", "",
                      "If you cannot attend, ring reception on 07700 900611. Ask for your key worker, " + p.rw.name + ".", "",
                      "Yours sincerely,", "", p.rw.name, f"Recovery Worker, Brackenport Recovery Service"]
            self.add(f"Letters/Recovery/{kind.upper()} letter {p.ref}.docx", docx_bytes(self.letterhead("brs"), paras), "docx")

    def gen_probation_letters(self):
        r = self.rng
        pool = [p for p in self.people if p.probation] or self.people
        for p in self.pick(pool, self.cnt(3)):
            po = p.probation or self.ext[0]
            self.add_related(po.name, "probation officer (external)")
            d = self.date_in()
            paras = [d.strftime("%d/%m/%Y"), "", po.name, "Probation Officer", po.org, "Carr House, Brackenport BK2 8PD", "",
                     f"Dear {po.fore},", "",
                     f"RE: {p.n('UPPER')} (DOB {fdob(p.dob, 'short')}) - attendance and engagement", "",
                     f"With {p.his} consent, I confirm that {p.n('fs')} is engaged with Brackenport Recovery Service. {p.He} has attended {r.randint(3, 9)} of {r.randint(9, 12)} appointments since {MONTHS[r.randint(6, 8)]} "
                     f"and is on a stable prescription. Drug testing: {r.choice(['negative for illicit opiates for 6 weeks', 'positive for cocaine on 2 of 4 tests', 'consistent with prescribed medication'])}.",
                     f"Housing: {self.housing_phrase(p)}.",
                     f"I would support the drug rehabilitation requirement continuing. Please contact me on 07700 900{r.randint(0, 999):03d}.", "",
                     "Kind regards", "", p.rw.name, "Recovery Worker, BRS"]
            self.cover(p)
            self.add(f"Letters/Recovery/Probation update {p.sur} {d.isoformat()}.docx", docx_bytes(self.letterhead("brs"), paras), "docx")

    def gen_pdf_instalment(self):
        r = self.rng
        for i in range(self.cnt(5)):
            ph = ["ph1", "ph2", "ph3"][i % 3]
            d = self.date_in()
            pts = [p for p in self.who("ost") if p.pharmacy == ph] or self.who("ost") or self.people
            presc = r.choice(self.prescribers)
            lines = ["BRACKENPORT RECOVERY SERVICE", "Cinder Street Hub, 18 Cinder Street, Brackenport BK2 1RS", "",
                     f"To: The Pharmacist, {ORGS[ph][0]}, {ORGS[ph][2]}", f"Date: {d.strftime('%d/%m/%Y')}", "",
                     "INSTALMENT DISPENSING - CHANGES TO SUPERVISED CONSUMPTION", ""]
            for p in self.pick(pts, r.randint(2, 4)):
                lines += [f"Patient: {p.n('S,Fmid')}", f"Date of birth: {fdob(p.dob, 'long')}    NHS No: {fnhs(p.nhs) if p.nhs else 'n/k'}",
                          f"Address: {self.addr(p)}",
                          f"Medicine: {p.dose}. {'Supervised consumption daily' if p.supervised else 'Supervised Mon-Sat, Sunday take-home'}; FP10MDA from {(d + dt.timedelta(days=1)).strftime('%d/%m/%Y')}.",
                          r.choice(["Please withhold if intoxicated and contact us.", "Three missed doses - do not dispense, refer back to prescriber.", "Hep C treatment (Epclusa) to be supervised with methadone."]), ""]
                self.cover(p)
            lines += [f"Prescriber: {self.sname(presc, True)}, {presc.role}", "Any queries: BRS duty line 07700 900611. Pharmacy side door / hatch keypad is for staff deliveries only."]
            self.add(f"Letters/Pharmacy/Instalment changes {ORGS[ph][0]} {d.isoformat()}.pdf", pdf_bytes(lines), "pdf")

    def gen_pdf_discharge(self):
        r = self.rng
        for p in self.pick(self.who("gp"), self.cnt(5)):
            d = self.date_in()
            cons = r.choice(self.ext[5:8])
            self.add_related(cons.name, f"{cons.role}, {cons.org} (external)")
            hh = p.hh
            lines = ["BRACKENPORT GENERAL INFIRMARY - DISCHARGE SUMMARY", "",
                     f"Patient name: {p.sur.upper()}, {p.fore} {p.mid}".rstrip(),
                     f"DOB: {fdob(p.dob, 'slash')}   NHS number: {fnhs(p.nhs) if p.nhs else 'Not known - temporary number issued'}   Hospital no: BGI{r.randint(1000000, 9999999)}",
                     f"Address on admission: {self.addr(p) if hh.kind != 'street' else 'NFA (rough sleeping)'}",
                     f"GP: {self.sname(p.gp, True)}, Saltings Health Centre",
                     f"Admitted: {(d - dt.timedelta(days=r.randint(2, 12))).strftime('%d-%b-%Y')}   Discharged: {d.strftime('%d-%b-%Y')}   Ward: 23 (Acute Medicine)",
                     f"Consultant: Dr {cons.name}", "",
                     "Diagnosis: " + r.choice(["Community acquired pneumonia", "Infected injection site, cellulitis R leg", "Alcohol withdrawal seizure", "Opioid overdose, naloxone given by paramedics", "Decompensated liver disease"]),
                     "Medication on discharge: " + r.choice(["Co-amoxiclav 625mg tds 5 days", "Chlordiazepoxide reducing regime", "Thiamine 100mg tds"]) + (f"; {p.dose} (BRS - last dose given on ward {d.strftime('%d/%m')} 08:00)" if "ost" in p.sv else ""),
                     "", "Social: " + self.housing_phrase(p) + ". " + ("Ward key for the patient's property locker returned." if r.random() < .3 else ""),
                     ]
            if p.rels:
                role, nm, ph = p.rels[0]
                self.add_related(nm, f"{role} of a service user")
                lines.append(f"Next of kin: {nm} ({role}) {ph}")
            if hh.kind == "tenancy" and hh.plan and r.random() < .35:
                lines.append("District nurses for dressings at home. Access: " + self.acc_note(hh, p, [r.choice(sorted(hh.plan))]))
            lines += ["", f"Summary completed by Dr {self.ext[7].name}, specialty registrar, for Dr {cons.name}"]
            self.add_related(self.ext[7].name, "specialty registrar, Brackenport General Infirmary (external)")
            self.cover(p)
            self.add(f"Letters/Discharge summaries/BGI discharge {p.sur.upper()} {d.strftime('%d%m%Y')}.pdf", pdf_bytes(lines), "pdf")

    def gen_pdf_hostel(self):
        r = self.rng
        pool = [p for p in self.people if p.housing == "hostel"] or self.people
        for p in self.pick(pool, self.cnt(3)):
            d = self.date_in()
            hn = p.hh.hostel if p.hh.kind == "hostel" else HOSTELS[0]
            room = p.hh.rooms[p.hh.members.index(p)] if p.hh.kind == "hostel" else 1
            mgr = self.hostel_staff[0]
            lines = ["CAUSEWAY HOUSING", f"{hn[0]}, {hn[1]}, Brackenport {hn[2]}", "",
                     f"{p.n('title')}", f"Room {room}, {hn[0]}", "", d.strftime("%d %B %Y"), "",
                     f"Resident: {p.n('fs')}   Date of birth: {fdob(p.dob, 'dot')}", "",
                     "FIRST WRITTEN WARNING - LICENCE AGREEMENT", "",
                     f"Dear {p.n('ka')},", "",
                     r.choice(["On two occasions this week visitors were let into the building after 11pm.", "Staff found drug paraphernalia in your room during the weekly room check.",
                               "You have not paid your service charge for 4 weeks."]),
                     "Please remember the front door code is for residents only and must never be given to visitors. "
                     f"The code will be changed on {(d + dt.timedelta(days=3)).strftime('%d/%m')} and new codes given out at the office.",
                     f"Your room key and fob remain the property of Causeway Housing. Lost fobs are charged at £10.",
                     "Your support worker will go through this with you. If you want an advocate, Voice Advocacy can help.", "",
                     "Yours sincerely", "", mgr.name, "Hostel Manager"]
            self.cover(p)
            self.add(f"Letters/Hostels/Warning letter Rm{room} {hn[0]} {d.isoformat()}.pdf", pdf_bytes(lines), "pdf")

    def gen_rtf_letters(self):
        r = self.rng
        # podiatry
        for p in self.pick(self.who("pod") or self.who("gp"), self.cnt(3)):
            d = self.date_in()
            paras = [f"Saltings Health Centre - Podiatry", f"{d.strftime('%d/%m/%Y')}", "", f"Dear {self.sname(p.gp, True)},", "",
                     f"Re: {p.n('S,FM')}, D.O.B. {fdob(p.dob, 'slash')}, NHS {fnhs(p.nhs) if p.nhs else '(none)'}", "",
                     f"I saw {p.n('ka')} at the Ferrier House outreach foot clinic. {r.choice(['Trench foot both feet, maceration between toes.', 'Infected ingrown toenail L hallux - partial nail avulsion.', 'Venous ulcer L ankle, exudating.'])} "
                     f"{p.He} needs new boots and dry socks daily - outreach team ({p.ow.name}) aware.", "",
                     "Regards,", self.podiatrist.name, "Podiatrist (HCPC PO{})".format(r.randint(10000, 99999))]
            self.cover(p)
            self.add(f"Letters/Podiatry/Podiatry letter {p.sur} {d.isoformat()}.rtf", rtf_bytes(paras), "rtf")
        # mental health nurse
        for p in self.pick(self.who("mh") or self.who("gp"), self.cnt(3)):
            d = self.date_in()
            hh = p.hh
            paras = [f"Mental Health Nurse assessment - Saltings Health Centre", "",
                     f"Name: {p.n('fms')}", f"Date of birth: {fdob(p.dob, 'long')}", f"NHS: {fnhs(p.nhs) if p.nhs else ''}", f"Assessed: {d.strftime('%d %B %Y')} by {self.mhn.name}, RMN", "",
                     f"Presentation: {r.choice(['Low mood, passive suicidal ideation, no plan.', 'Paranoid ideas about neighbours, hearing voices, not on medication.', 'Anxiety and flashbacks; history of childhood trauma.'])}",
                     f"Risk: {r.choice(['moderate to self', 'low to others', 'high from others (exploitation)'])}. Substance use: {p.drug}.",
                     f"Housing: {self.housing_phrase(p)}."]
            if hh.kind == "tenancy" and hh.plan and r.random() < .5:
                paras.append("For crisis team home visits: " + self.acc_note(hh, p, [r.choice(sorted(hh.plan))]))
            if p.advocate:
                self.add_related(p.advocate.name, "independent advocate (external)")
                paras.append(f"Advocate: {p.advocate.name}, {p.advocate.org}.")
            paras += ["", f"Plan: refer to Brackenport Community Mental Health Team; {self.sname(p.gp, True)} to start sertraline 50mg.", "", self.mhn.name]
            self.cover(p)
            self.add(f"Letters/Mental health/MHN assessment {p.sur} {d.isoformat()}.rtf", rtf_bytes(paras), "rtf")
        # key safe installation letters
        hhs = [hh for hh in self.households if hh.kind == "tenancy" and "code" in hh.plan]
        for hh in self.pick(hhs, self.cnt(3)):
            p = hh.members[0]
            d = self.date_in()
            paras = [f"Anchorage Housing First - Repairs and Safety", "", ", ".join(m.n("title") for m in hh.members), hh.line1, f"{CITY} {hh.postcode}", "", d.strftime("%d %B %Y"), "",
                     f"Dear {p.n('titleS')},", "",
                     f"As agreed, a {'key safe' if hh.device in ('key safe', 'block') else hh.device} has been fitted at your home ({hh.place}).",
                     f"The code has been set to {hh.code}. Only you, your Housing First worker ({p.tsw.name}) and emergency services have been given it.",
                     "Please do not share the code with visitors. If you think someone else knows it, ring us and we will change it straight away.", "",
                     f"Tenancy ref: AHF-{r.randint(1, 9999):04d}", "", "Yours sincerely,", self.tsw[0].name, "Team Leader"]
            self.mark(hh, ["code"])
            self.add(f"Letters/Housing First/Key safe fitted {p.sur} {d.isoformat()}.rtf", rtf_bytes(paras), "rtf")
        # near-miss letter: lock change, no code
        hhs2 = [hh for hh in self.households if hh.kind == "tenancy" and not hh.plan] or [hh for hh in self.households if hh.kind == "tenancy"]
        for hh in self.pick(hhs2, self.cnt(2)):
            p = hh.members[0]
            d = self.date_in()
            paras = ["Brackenport Homes - Repairs", "", p.n("title"), hh.line1, f"{CITY} {hh.postcode}", "", d.strftime("%d/%m/%Y"), "",
                     f"Dear {p.n('titleS')},", "",
                     f"Following the police forced entry on {(d - dt.timedelta(days=2)).strftime('%d/%m/%Y')}, our contractor replaced the front door lock and made the door secure. "
                     "Two new keys were handed to you in person. We do not keep a spare key or a code for your home.",
                     "A recharge of £85 may apply. Job number: BH-R-%d." % r.randint(100000, 999999), "", "Repairs Team"]
            self.add(f"Letters/Housing/Lock change {p.sur} {d.isoformat()}.rtf", rtf_bytes(paras), "rtf")

    # ================================================================ structured
    def gen_hf_caseload(self):
        r = self.rng
        rows = [["Tenant ref", "Surname", "First name", "Known as", "DOB", "NHS no", "Address", "Postcode", "Support worker", "Access / lone working", "Risk flags"]]
        for hh in self.households:
            if not (hh.kind == "tenancy" and hh.hf):
                continue
            for m in hh.members:
                acc = ""
                if hh.plan and r.random() < .55:
                    acc = self.acc_terse(hh)
                elif r.random() < .5:
                    acc = r.choice(["visit in pairs", "dog - ring first", "no access info", "KS fitting booked", "always answers"])
                rows.append([f"AHF-{r.randint(1, 9999):04d}", m.sur, m.fore + (" " + m.mid if m.mid and r.random() < .5 else ""), m.known_as or "",
                             fdob(m.dob, "slash"), m.nhs, hh.line1, hh.postcode, m.tsw.name, acc,
                             r.choice(["", "OD risk", "DV", "exploitation", "aggression to staff", "fire risk (smoking in bed)"])])
                self.cover(m)
        self.add("Housing First/AHF caseload export.csv", csv_bytes(rows), "csv")

    def gen_brs_caseloads(self):
        r = self.rng
        brs = self.who("brs")
        half = len(brs) // 2
        for ti, (team, grp) in enumerate([("North", brs[:half]), ("City", brs[half:])]):
            rows = [["client_id", "last_name", "first_name", "middle_name", "dob", "nhs_number", "keyworker", "prescriber", "treatment", "pharmacy", "housing_status", "last_contact"]]
            for p in grp:
                rows.append([p.ref, p.sur, p.fore, p.mid, fdob(p.dob, "iso"), p.nhs, p.rw.name, p.presc.name if "ost" in p.sv else "",
                             p.dose if "ost" in p.sv else "psychosocial only", ORGS[p.pharmacy][0] if "ost" in p.sv else "",
                             {"tenancy": "settled - own tenancy", "hostel": "hostel", "street": "NFA - rough sleeping", "temp": "temp/sofa"}[p.housing],
                             self.date_in().isoformat()])
                self.cover(p)
            self.add(f"Recovery/Caseload extract {team} team.csv", csv_bytes(rows, crlf=ti == 0), "csv")

    def gen_pharmacy_lists(self):
        r = self.rng
        for i in range(self.cnt(4)):
            ph = ["ph1", "ph2", "ph3", "ph1"][i % 4]
            d = dt.date(2026, 9, 7) + dt.timedelta(weeks=3 * i)
            pts = [p for p in self.who("ost") if p.pharmacy == ph]
            rows = [[f"{ORGS[ph][0]} - supervised consumption week commencing {d.strftime('%d/%m/%Y')}"],
                    ["Patient", "DOB", "Medicine", "Dose", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Prescriber", "Notes"]]
            for p in pts:
                alt = r.random() < .3 and (p.alt_fore or p.alt_sur)
                name = p.n("alt") if alt else p.n("S,F")
                if not alt:
                    self.cover(p)
                marks = [r.choice(["S", "S", "S", "X", "TH"]) for _ in range(7)]
                med = "Methadone 1mg/ml" if "methadone" in p.dose else "Buprenorphine"
                rows.append([name, fdob(p.dob, "slash"), med, p.dose.split(" ")[-2] if "methadone" in p.dose else p.dose.split()[1], *marks,
                             p.presc.name, r.choice(["", "", "ID checked", "missed 3 - contact BRS", "with Epclusa", "naloxone supplied"])])
            rows.append([])
            rows.append([f"Checked by: {self.pharm[ph][0].name}", "", "S = supervised, TH = take home, X = not collected"])
            self.add(f"Pharmacy/{ORGS[ph][0].replace(chr(39), '')} supervised w-c {d.isoformat()}.csv", csv_bytes(rows), "csv")

    def gen_naloxone(self):
        r = self.rng
        rows = [["date", "site", "client", "yob", "gender", "kit", "batch", "supplied_by", "trained"]]
        for p in self.pick(self.people, int(30 * self.k) + 1):
            s = r.choice(self.hr + [self.pharm["ph1"][0], self.pharm["ph2"][0]])
            rows.append([self.date_in().isoformat(), r.choice(["Van", "Cinder St", "Dockside Pharmacy", "Mill Lane Chemist", "Ferrier House"]),
                         r.choice([f"{p.fore[0]}{p.sur[0]}", p.known_as or f"{p.fore} {p.sur[0]}", f"{p.fore} {p.sur}"]), p.dob.year, p.sex,
                         r.choice(["Prenoxad", "Nyxoid"]), f"{r.choice(['PX', 'NY'])}{r.randint(1000, 9999)}", s.name, r.choice(["Y", "Y", "refresher"])])
        self.add("Harm reduction/Naloxone supply log 2026.csv", csv_bytes(rows), "csv")

    def gen_hostel_lists(self):
        r = self.rng
        for hn in HOSTELS:
            res = [p for p in self.people if p.hh.kind == "hostel" and p.hh.hostel == hn]
            rows = [["Room", "Resident", "DOB", "Key worker", "Moved in", "Licence", "Notes"]]
            for p in sorted(res, key=lambda x: x.hh.rooms[x.hh.members.index(x)]):
                alt = r.random() < .25 and (p.alt_fore or p.alt_sur)
                nm = f"{p.alt_fore or p.fore} {p.alt_sur or p.sur}" if alt else r.choice([p.n("fs"), p.n("FS"), p.n("fms")])
                yob_only = r.random() < .2
                if not alt and not yob_only:
                    self.cover(p)
                rows.append([p.hh.rooms[p.hh.members.index(p)], nm, str(p.dob.year) if yob_only else fdob(p.dob, "slash"), r.choice(self.hostel_staff[1:3]).name,
                             self.date_in((2026, 1, 5), (2026, 10, 30)).strftime("%d/%m/%Y"), r.choice(["current", "current", "1st warning", "notice served"]),
                             r.choice(["", "fob replaced", "room check overdue", "curfew breaches", "OST at Dockside", "partner in rm %d" % (p.partner.hh.rooms[p.partner.hh.members.index(p.partner)]) if p.partner and p.partner.hh is p.hh else ""])])
            rows.append(["", f"Office door code {r.randint(1000, 9999)} - STAFF ONLY", "", "", "", "", ""])
            self.add(f"Hostels/{hn[0].replace(chr(39), '')} resident list.csv", csv_bytes(rows), "csv")

    def gen_by_name_list(self):
        r = self.rng
        rows = [["Ref", "Name", "AKA", "DOB/YOB", "Gender", "Nationality", "Last seen", "Location", "Status", "Worker", "NHS no"]]
        pool = [p for p in self.people if "out" in p.sv]
        for p in pool:
            full = r.random() < .5
            if full:
                self.cover(p)
            rows.append([f"RS{r.randint(1000, 9999)}", p.n("fs"), p.known_as or "", fdob(p.dob, "slash") if full else f"c.{p.dob.year}",
                         {"M": "Male", "F": "Female", "X": "Non-binary"}[p.sex], r.choice(["UK", "UK", "UK", "Irish", "Polish", "Romanian", "Eritrean"]),
                         self.date_in((2026, 10, 1), (2026, 11, 27)).strftime("%d/%m/%Y"),
                         p.hh.site if p.hh.kind in ("street", "temp") else self.housing_phrase(p),
                         {"street": "Bedded down", "temp": "TA / sofa", "hostel": "In hostel", "tenancy": "Housed"}[p.housing], p.ow.name,
                         p.nhs if full and p.nhs and r.random() < .3 else ""])
        self.add("Outreach/By-name list rough sleepers Nov 2026.csv", csv_bytes(rows), "csv")

    def gen_hcv_tracker(self):
        r = self.rng
        rows = [["NHS Number", "Patient Name", "Date of Birth", "Antibody", "RNA", "Genotype", "Treatment", "Start", "SVR12", "Nurse"]]
        for p in self.who("hcv"):
            rows.append([fnhs(p.nhs) if p.nhs else "", p.n("S,FM"), fdob(p.dob, "mon"), "Reactive", r.choice(["Detected", "Detected", "Not detected"]),
                         r.choice(["1a", "3a", "3", "1b", ""]), r.choice(["Epclusa 12wk", "Maviret 8wk", "-"]), self.date_in().strftime("%d/%m/%Y"),
                         r.choice(["", "pending", "achieved"]), self.hcv.name])
            self.cover(p)
        self.add("Recovery/Hep C/HCV treatment tracker.csv", csv_bytes(rows), "csv")

    def gen_rotas(self):
        r = self.rng
        days = [dt.date(2026, 11, 2) + dt.timedelta(days=i) for i in range(28)]
        rows = [["Date", "Early (05:30-09:00)", "Late (20:00-23:30)", "Van driver", "On call", "Notes"]]
        for d in days:
            e = self.pick(self.outreach, 2)
            l = self.pick(self.outreach, 2)
            rows.append([d, f"{e[0].name} / {e[1].name}", f"{l[0].name} / {l[1].name}", r.choice(self.outreach).fore,
                         self.outreach[0].name, r.choice(["", "", "SWEP", "Van MOT", "training"])])
        alloc = [["Worker", "Client", "Known as", "Status"]]
        for p in self.pick([p for p in self.people if "out" in p.sv], 20):
            alloc.append([p.ow.name, p.n("fs"), p.known_as or "", "open"])
        self.add("Outreach/Outreach rota Nov 2026.xlsx", xlsx_bytes([("Rota", rows), ("Allocations", alloc)]), "xlsx")
        # HF rota and allocations
        rows = [["Week", "Mon", "Tue", "Wed", "Thu", "Fri", "Duty phone"]]
        for w in range(6):
            d = dt.date(2026, 10, 5) + dt.timedelta(weeks=w)
            rows.append([d.strftime("%d/%m/%Y")] + [r.choice(self.tsw).name for _ in range(5)] + [r.choice(self.tsw).fore])
        alloc = [["Support worker", "Tenant", "Address", "Visit day"]]
        for hh in [h for h in self.households if h.kind == "tenancy" and h.hf]:
            for m in hh.members:
                alloc.append([m.tsw.name, m.n("S,F"), hh.short, r.choice(["Mon", "Tue", "Wed", "Thu", "Fri"])])
        self.add("Housing First/HF rota and allocations.xlsx", xlsx_bytes([("Rota", rows), ("Allocations", alloc)]), "xlsx")

    def gen_gp_registrations(self):
        r = self.rng
        rows = [["Registration date", "Surname", "Forename(s)", "Title", "Sex", "Date of birth", "NHS number", "Address", "Postcode", "Usual GP", "Registration type"]]
        for p in self.pick(self.who("gp"), int(len(self.who("gp")) * .55)):
            rows.append([self.date_in((2025, 6, 1), (2026, 11, 20)), p.sur, (p.fore + " " + p.mid).strip(), p.title, p.sex,
                         p.dob, p.nhs, p.hh.line1 if p.hh.kind in ("tenancy", "hostel") else "NFA c/o 3 Wharf Lane", p.hh.postcode if p.hh.kind != "street" else "ZZ99 3VZ",
                         p.gp.name, r.choice(["Permanent", "Permanent", "Temporary resident", "Immediately necessary"])])
            self.cover(p)
        self.add("GP/New registrations 2025-26.xlsx", xlsx_bytes([("Registrations", rows)]), "xlsx")

    def gen_mdt_tracker(self):
        r = self.rng
        rows = [["Date", "Client", "DOB", "Service lead", "Action", "Owner", "Due", "Status"]]
        for p in self.pick(self.people, int(25 * self.k) + 1):
            o = r.choice(self.staff[:30])
            rows.append([self.date_in(), p.n(r.choice(["FS", "fs", "S,F"])), fdob(p.dob, "slash") if r.random() < .6 else "",
                         r.choice(["GP", "BRS", "AHF", "Outreach"]), r.choice(["chase bloods", "HV", "review script", "PIP form", "referral to CMHT", "safeguarding strategy"]),
                         o.name, self.date_in(), r.choice(["open", "done", "carried fwd"])])
        dna = [["Clinic", "Patient", "Date of birth", "Appt", "Clinician", "Follow-up"]]
        for p in self.pick(self.who("gp"), int(15 * self.k) + 1):
            dna.append([r.choice(["Nurse", "GP", "Podiatry", "MHN", "HCV"]), p.n("S,FM"), fdob(p.dob, "iso"), self.date_in(), r.choice(self.gps + self.nurses).name,
                        r.choice(["outreach to find", "text sent", "letter c/o hostel"])])
        self.add("MDT/MDT action tracker.xlsx", xlsx_bytes([("Actions", rows), ("DNA", dna)]), "xlsx")

    # ---------------- HL7
    def hl7_pid(self, p, setid=1):
        ids = []
        if p.nhs:
            ids.append(f"{p.nhs}^^^NHS^NH")
        ids.append(f"{p.shc}^^^SHC^PI")
        hh = p.hh
        if hh.kind == "tenancy":
            addr = f"{hh.line1}^^{CITY}^^{hh.postcode}^GBR^H"
        elif hh.kind == "hostel":
            addr = f"{hh.line1}^^{CITY}^^{hh.postcode}^GBR^H"
        else:
            addr = f"NO FIXED ABODE^^{CITY}^^ZZ99 3VZ^GBR^H"
        ph = (p.phone.replace(" ", "") + "^PRN^CP") if p.phone else ""
        return (f"PID|{setid}||{'~'.join(ids)}||{p.sur.upper()}^{p.fore}^{p.mid}^^{p.title}||{fdob(p.dob, 'hl7')}|{p.sex if p.sex != 'X' else 'U'}|||"
                f"{addr}||{ph}|||||||||||||||||")

    def hl7_xcn(self, s):
        return f"{s.gmc}^{s.sur.upper()}^{s.fore}^^^{s.title or ''}"

    def gen_hl7(self):
        r = self.rng
        for i in range(self.cnt(6)):
            msgs = []
            for p in self.pick(self.who("gp"), r.randint(1, 3)):
                ts = dt.datetime.combine(self.date_in(), dt.time(r.randint(8, 17), r.randint(0, 59), r.randint(0, 59)))
                ev = r.choice(["A04", "A08", "A28"])
                seg = [f"MSH|^~\\&|EMISWEB|SALTINGS_HC|BRS_CASE|BRS|{ts.strftime('%Y%m%d%H%M%S')}||ADT^{ev}^ADT_A01|SHC{ts.strftime('%y%m%d%H%M%S')}{r.randint(10, 99)}|P|2.4|||AL|NE",
                       f"EVN|{ev}|{ts.strftime('%Y%m%d%H%M%S')}|||{self.hl7_xcn(p.gp)}", self.hl7_pid(p),
                       f"PD1|||SALTINGS HEALTH CENTRE^^Y0{r.randint(1000, 9999)}|{self.hl7_xcn(p.gp)}"]
                k = 1
                for role, nm, ph in p.rels[:2]:
                    f, s = nm.split(" ", 1)
                    code = {"mum": "MTH^Mother", "partner": "PTNR^Partner", "sister": "SIS^Sister", "brother": "BRO^Brother", "friend": "FND^Friend"}[role]
                    seg.append(f"NK1|{k}|{s.upper()}^{f}|{code}^HL70063||{ph.replace(' ', '')}")
                    self.add_related(nm, f"{role} of a service user")
                    k += 1
                if p.partner and r.random() < .5:
                    seg.append(f"NK1|{k}|{p.partner.sur.upper()}^{p.partner.fore}|PTNR^Partner^HL70063")
                seg.append(f"PV1|1|O|SHC^^^SALTINGS HC||||{self.hl7_xcn(p.gp)}|||||||||||||||||||||||||||||||||||||||||{ts.strftime('%Y%m%d%H%M')}")
                seg.append(f"ROL|1|AD|PP^Primary Care Provider^HL70443|{self.hl7_xcn(p.gp)}")
                if "brs" in p.sv:
                    seg.append(f"ROL|2|AD|CP^Consulting Provider^HL70443|{self.hl7_xcn(p.presc)}")
                hh = p.hh
                if hh.kind == "tenancy" and hh.plan and ev == "A08" and r.random() < .7:
                    seg.append(f"NTE|1||Home visit access: {self.acc_note(hh, p, [r.choice(sorted(hh.plan))])}")
                elif hh.kind == "hostel":
                    seg.append(f"NTE|1||Resident at {hh.hostel[0]}. Post via hostel office.")
                elif hh.kind == "street":
                    seg.append("NTE|1||Rough sleeper. Contact via Street Outreach Team.")
                msgs.append("\r".join(seg))
                if p.nhs or True:
                    self.cover(p)
            self.add(f"Interfaces/HL7/ADT_SHC_{i + 1:03d}.hl7", ("\r\n".join(msgs) + "\r\n").replace("\r\n", "\r\n"), "hl7")
        for i in range(self.cnt(4)):
            msgs = []
            for p in self.pick(self.who("hcv") or self.who("brs"), r.randint(1, 3)):
                ts = dt.datetime.combine(self.date_in(), dt.time(r.randint(8, 17), r.randint(0, 59)))
                seg = [f"MSH|^~\\&|WINPATH|BGI_PATH|EMISWEB|SALTINGS_HC|{ts.strftime('%Y%m%d%H%M')}||ORU^R01^ORU_R01|BGI{r.randint(10 ** 7, 10 ** 8)}|P|2.4",
                       self.hl7_pid(p),
                       f"PV1|1|O|BRS^^^CINDER ST HUB||||{self.hl7_xcn(p.gp)}",
                       f"ORC|RE|BRS{r.randint(10000, 99999)}|L{r.randint(100000, 999999)}",
                       f"OBR|1|BRS{r.randint(10000, 99999)}|L{r.randint(100000, 999999)}|HCVRNA^Hepatitis C RNA PCR^L|||{ts.strftime('%Y%m%d%H%M')}|||||||||{self.hcv.gmc}^{self.hcv.sur.upper()}^{self.hcv.fore}^^^Nurse||||||||F",
                       f"OBX|1|NM|HCVVL^HCV viral load^L||{r.choice([0, 1200, 56000, 840000])}|IU/mL|<15||||F",
                       f"OBX|2|ST|HCVGT^HCV genotype^L||{r.choice(['1a', '3a', 'not done'])}||||||F",
                       f"NTE|1||Sample via BRS outreach van (DBS). Batch {r.randint(1000, 9999)}. Clinic keypad code not required for result collection."]
                msgs.append("\r".join(seg))
                self.cover(p)
            self.add(f"Interfaces/HL7/ORU_HCV_{i + 1:03d}.hl7", "\r".join(msgs) + "\r", "hl7")

    # ---------------- FHIR
    def fhir_patient(self, p, pid):
        res = {"resourceType": "Patient", "id": pid,
               "identifier": ([{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": p.nhs}] if p.nhs else []) +
                             [{"system": "https://saltings-hc.example/Id/patient", "value": p.shc}],
               "name": [{"use": "official", "family": p.sur, "given": [p.fore] + ([*p.mid.split()] if p.mid else []), "prefix": [p.title]}],
               "gender": {"M": "male", "F": "female", "X": "other"}[p.sex], "birthDate": p.dob.isoformat()}
        if p.known_as:
            res["name"].append({"use": "nickname", "given": [p.known_as]})
        hh = p.hh
        if hh.kind in ("tenancy", "hostel"):
            res["address"] = [{"use": "home", "line": [hh.line1], "city": CITY, "postalCode": hh.postcode}]
        else:
            res["address"] = [{"use": "temp", "text": "No fixed abode", "postalCode": "ZZ99 3VZ"}]
        if p.phone:
            res["telecom"] = [{"system": "phone", "value": p.phone, "use": "mobile"}]
        return res

    def gen_fhir(self):
        r = self.rng
        for i in range(self.cnt(5)):
            entries = []
            pracs = {}
            for j, p in enumerate(self.pick(self.people, r.randint(2, 4))):
                pid = f"pt-{i}-{j}"
                entries.append({"fullUrl": f"urn:uuid:{pid}", "resource": self.fhir_patient(p, pid)})
                self.cover(p)
                author = r.choice([p.gp, p.rw, p.nurse, self.hcv])
                prid = f"pr-{author.sur.lower()}"
                if prid not in pracs:
                    pracs[prid] = {"resourceType": "Practitioner", "id": prid,
                                   "name": [{"family": author.sur, "given": [author.fore], "prefix": [author.title] if author.title else []}],
                                   "identifier": [{"system": "https://fhir.hl7.org.uk/Id/gmc-number" if author.title else "https://birp.example/Id/staff", "value": author.gmc}]}
                d = self.date_in()
                entries.append({"fullUrl": f"urn:uuid:enc-{i}-{j}", "resource": {
                    "resourceType": "Encounter", "id": f"enc-{i}-{j}", "status": "finished",
                    "class": {"code": "AMB"}, "subject": {"reference": f"urn:uuid:{pid}", "display": p.n("fs")},
                    "participant": [{"individual": {"reference": f"Practitioner/{prid}", "display": author.name}}],
                    "period": {"start": d.isoformat()}}})
                if r.random() < .5:
                    entries.append({"fullUrl": f"urn:uuid:obs-{i}-{j}", "resource": {
                        "resourceType": "Observation", "id": f"obs-{i}-{j}", "status": "final",
                        "code": {"text": r.choice(["HCV RNA", "Alcohol units per week", "Urine drug screen", "Weight"])},
                        "subject": {"reference": f"urn:uuid:{pid}"}, "effectiveDateTime": d.isoformat(),
                        "valueString": r.choice(["Detected", "140", "Opiates positive", "54 kg"]),
                        "performer": [{"reference": f"Practitioner/{prid}", "display": author.name}]}})
                hh = p.hh
                if hh.kind == "tenancy":
                    if hh.plan and r.random() < .55:
                        txt = self.acc_note(hh, p, [r.choice(sorted(hh.plan))])
                    else:
                        txt = self.near_miss_home(hh, p)
                    entries.append({"fullUrl": f"urn:uuid:cp-{i}-{j}", "resource": {
                        "resourceType": "CarePlan", "id": f"cp-{i}-{j}", "status": "active", "intent": "plan",
                        "title": "Home visiting plan", "subject": {"reference": f"urn:uuid:{pid}", "display": p.n("fs")},
                        "author": {"reference": f"Practitioner/{prid}", "display": author.name},
                        "note": [{"authorString": author.name, "time": d.isoformat(), "text": txt}]}})
                if p.rels and r.random() < .6:
                    role, nm, ph = p.rels[0]
                    f, s = nm.split(" ", 1)
                    self.add_related(nm, f"{role} of a service user")
                    entries.append({"fullUrl": f"urn:uuid:rp-{i}-{j}", "resource": {
                        "resourceType": "RelatedPerson", "id": f"rp-{i}-{j}", "patient": {"reference": f"urn:uuid:{pid}"},
                        "relationship": [{"text": role}], "name": [{"family": s, "given": [f]}],
                        "telecom": [{"system": "phone", "value": ph}]}})
            for prid, pr in pracs.items():
                entries.append({"fullUrl": f"urn:uuid:{prid}", "resource": pr})
            bundle = {"resourceType": "Bundle", "id": f"birp-export-{i + 1}", "type": "collection",
                      "timestamp": f"2026-11-{r.randint(1, 28):02d}T10:00:00Z", "entry": entries}
            self.add(f"Interfaces/FHIR/shared_care_bundle_{i + 1:02d}.json", json.dumps(bundle, indent=2, ensure_ascii=False), "json-fhir")

    # ---------------- e-mail
    def eml(self, frm, to, cc, subject, body, attachments=(), date=None):
        m = EmailMessage()
        m["From"] = f"{frm.name} <{frm.email}>"
        m["To"] = ", ".join(f"{t.name} <{t.email}>" for t in to)
        if cc:
            m["Cc"] = ", ".join(f"{t.name} <{t.email}>" for t in cc)
        m["Subject"] = subject
        d = date or self.date_in()
        m["Date"] = format_datetime(dt.datetime(d.year, d.month, d.day, self.rng.randint(8, 17), self.rng.randint(0, 59), tzinfo=dt.timezone.utc))
        m["Message-ID"] = f"<{self.rng.randint(10 ** 9, 10 ** 10)}.birp@mail.example>"
        sig = f"\n\n{frm.name}\n{frm.role.capitalize()}\n{ORGS[frm.org][0]}\n{ORGS[frm.org][2]}\n"
        m.set_content(body + sig)
        for fn, data, mt, st in attachments:
            m.add_attachment(data, maintype=mt, subtype=st, filename=fn)
        if attachments:
            m.set_boundary("=_birp_%010d" % self.rng.randint(0, 10 ** 10 - 1))
        return bytes(m)

    def gen_emails(self):
        r = self.rng
        n = self.cnt(6)
        for i in range(n):
            kind = i % 6
            if kind == 0:
                hh = r.choice([h for h in self.households if h.kind == "tenancy" and h.hf] or self.households)
                p = hh.members[0]
                frm = p.tsw
                body = (f"Hi {p.gp.fore},\n\nCould you or one of the team do a home visit for {p.n('fs')} ({fdob(p.dob, 'slash')}) at {hh.line1}? "
                        f"{p.He} has been in bed for a week with a bad chest and won't come to the walk-in.\n\n")
                if hh.plan:
                    body += self.acc_note(hh, p) + "\n\n"
                else:
                    body += self.near_miss_home(hh, p) + "\n\n"
                body += "Support plan summary attached.\n\nThanks"
                self.cover(p)
                att = docx_bytes(self.letterhead("ahf"), [f"Support plan summary - {p.n('fms')}", f"DOB {fdob(p.dob, 'long')}", f"Tenancy start: {self.date_in((2024, 1, 1), (2026, 6, 1)).strftime('%d/%m/%Y')}",
                                                          f"Worker: {frm.name}", f"Health: registered Saltings HC ({p.gp.name}). {('BRS - ' + p.rw.name) if 'brs' in p.sv else ''}"])
                data = self.eml(frm, [p.gp], [self.tsw[0]], f"Home visit request - {p.fore} {p.sur[0]}", body, [(f"Support plan {p.sur}.docx", att, "application", "vnd.openxmlformats-officedocument.wordprocessingml.document")])
                self.add(f"Email/Home visit request {p.sur}.eml", data, "eml")
            elif kind == 1:
                ph = r.choice(["ph1", "ph2", "ph3"])
                frm = r.choice(self.prescribers)
                pts = [p for p in self.who("ost") if p.pharmacy == ph][:8]
                rows = [["Surname", "Forename", "DOB", "NHS", "Change", "From"]]
                for p in pts:
                    rows.append([p.sur.upper(), p.fore, fdob(p.dob, "slash"), p.nhs, r.choice(["+5ml", "-5ml", "to daily supervised", "take-home Sun", "STOP - 3 missed"]),
                                 (self.date_in((2026, 11, 1), (2026, 11, 30))).strftime("%d/%m/%Y")])
                    self.cover(p)
                body = (f"Dear {self.pharm[ph][0].fore},\n\nPlease see attached the dose changes for your BRS patients from Monday. New FP10MDAs are in the post.\n"
                        "As before, please ring the duty line if anyone is intoxicated.\n\nKind regards")
                data = self.eml(frm, [self.pharm[ph][0]], [r.choice(self.rws)], "BRS dose changes - w/c 30/11", body,
                                [("dose_changes.csv", csv_bytes(rows), "text", "csv")])
                self.add(f"Email/BRS dose changes {ORGS[ph][0].replace(chr(39), '')}.eml", data, "eml")
            elif kind == 2:
                frm = r.choice(self.outreach)
                pts = self.pick([p for p in self.people if p.housing in ("street", "temp")], 5)
                rows = [["Name", "Known as", "DOB", "Sleeping site", "Priority"]]
                for p in pts:
                    rows.append([p.n("fs"), p.known_as or "", fdob(p.dob, "slash"), p.hh.site if hasattr(p.hh, "site") else "", r.choice(["high", "medium"])])
                    self.cover(p)
                body = (f"Hi {self.hostel_staff[0].fore},\n\nSWEP is on from tonight (forecast -3). Please can you hold beds for the people on the attached list? "
                        f"{pts[0].n('ka')} in particular has been very unwell.\n\nPS the Ferrier House side door code isn't working for our team - could you check?\n\nCheers")
                data = self.eml(frm, [self.hostel_staff[0]], [self.outreach[0]], "SWEP bed requests", body, [("swep_list.csv", csv_bytes(rows), "text", "csv")])
                self.add("Email/SWEP bed requests.eml", data, "eml")
            elif kind == 3:
                frm = self.st["shc"][7]
                pts = self.pick(self.people, 5)
                paras = ["MDT actions", ""] + [f"{p.n('FS')} ({fdob(p.dob, 'slash')}): {r.choice(['GP to review', 'BRS to chase', 'AHF to visit', 'Outreach to locate'])}" for p in pts]
                for p in pts:
                    self.cover(p)
                att = docx_bytes(self.letterhead("shc"), paras)
                to = self.pick(self.staff[:30], 5)
                data = self.eml(frm, to, [], "Inclusion MDT - actions", "Hi all,\n\nActions from today attached. Please update the tracker.\n\nThanks",
                                [("MDT actions.docx", att, "application", "vnd.openxmlformats-officedocument.wordprocessingml.document")])
                self.add("Email/Inclusion MDT actions.eml", data, "eml")
            elif kind == 4:
                frm = self.hcv
                pts = self.pick(self.who("hcv") or self.who("brs"), 4)
                rows = [["patient", "dob", "nhs_number", "rna", "next_step"]]
                for p in pts:
                    rows.append([p.n("S,F"), fdob(p.dob, "iso"), p.nhs, r.choice(["detected", "not detected"]), r.choice(["start treatment", "SVR bloods", "refer hepatology"])])
                    self.cover(p)
                data = self.eml(frm, self.gps[:2], [self.prescribers[0]], "HCV RNA results this month", "Hi both,\n\nLatest RNA results attached for your patients.\n\nBest", [("hcv_results.csv", csv_bytes(rows), "text", "csv")])
                self.add("Email/HCV RNA results.eml", data, "eml")
            else:
                hh = r.choice([h for h in self.households if h.kind == "tenancy" and not h.plan])
                p = hh.members[0]
                frm = self.tsw[0]
                body = (f"All,\n\nFollowing last night's incident at {hh.short}, police forced entry to check on {p.n('fs')}. "
                        f"{p.He} is safe and has been taken to BGI. Brackenport Homes changed the lock this morning - new keys are with {p.him} on the ward. "
                        "There is no spare and no key safe at the moment, so please don't attempt any visits until we have spoken to "
                        f"{p.him}.\n\nDOB for your records: {fdob(p.dob, 'long')}.\n\n{self.near_miss_general()}\n\nBecky")
                self.cover(p)
                data = self.eml(frm, self.tsw[1:], [p.rw, p.gp], f"Incident - {hh.short}", body)
                self.add(f"Email/Incident {p.sur}.eml", data, "eml")

    # ---------------- HTML
    def gen_html(self):
        r = self.rng
        esc = lambda s: str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        for i in range(self.cnt(3)):
            kind = i % 3
            if kind == 0:
                p = r.choice(self.who("ost") or self.people)
                rows = "".join(f"<tr><td>{(self.date_in()).strftime('%d/%m/%Y')}</td><td>{esc(p.dose)}</td><td>{r.choice(['Supervised', 'Not collected', 'Take home'])}</td><td>{esc(r.choice(self.pharm[p.pharmacy]).name)}</td></tr>" for _ in range(6))
                html = f"""<!DOCTYPE html><html><head><title>PharmaPortal - Patient record</title></head><body>
<h1>PharmaPortal</h1><p>{esc(ORGS[p.pharmacy][0])} - logged in as {esc(self.pharm[p.pharmacy][0].name)}</p>
<table class="banner"><tr><td>Patient</td><td>{esc(p.n('S,Fmid'))}</td><td>DOB</td><td>{fdob(p.dob, 'short')}</td><td>NHS</td><td>{fnhs(p.nhs) if p.nhs else 'n/k'}</td></tr></table>
<h2>Supervised consumption</h2>
<table><tr><th>Date</th><th>Item</th><th>Outcome</th><th>Pharmacist</th></tr>{rows}</table>
<p>Prescriber: {esc(p.presc.name)}. Naloxone supplied: yes.</p></body></html>"""
                self.cover(p)
                self.add(f"Portal/PharmaPortal {p.ref}.html", html, "html")
            elif kind == 1:
                hh = r.choice([h for h in self.households if h.kind == "tenancy" and h.hf] or self.households)
                p = hh.members[0]
                acc = self.acc_terse(hh) if hh.plan and r.random() < .7 else self.near_miss_home(hh, p)
                html = f"""<html><head><title>AHF tenant portal</title></head><body>
<h1>Tenant record</h1><dl>
<dt>Name</dt><dd>{esc(p.n('fms'))}</dd><dt>Date of birth</dt><dd>{fdob(p.dob, 'slash')}</dd>
<dt>NHS number</dt><dd>{fnhs(p.nhs) if p.nhs else ''}</dd><dt>Address</dt><dd>{esc(hh.line1)}, {CITY} {hh.postcode}</dd>
<dt>Household</dt><dd>{esc(' and '.join(m.n('fs') for m in hh.members))}</dd>
<dt>Support worker</dt><dd>{esc(p.tsw.name)}</dd><dt>Access notes</dt><dd>{esc(acc)}</dd>
<dt>Landlord</dt><dd>{esc(hh.landlord)}</dd></dl>
<p>Last updated by {esc(self.tsw[0].name)}</p></body></html>"""
                self.cover(p)
                self.add(f"Portal/AHF tenant {p.sur}.html", html, "html")
            else:
                pts = self.pick([p for p in self.people if "out" in p.sv] or self.people, 6)
                rows = "".join(f"<tr><td>{self.date_in().strftime('%d/%m/%Y')}</td><td>{esc(p.n('fs'))}</td><td>{esc(p.known_as or '')}</td><td>{p.dob.year}</td><td>{esc(p.hh.site if hasattr(p.hh, 'site') else self.housing_phrase(p))}</td><td>{esc(p.ow.name)}</td></tr>" for p in pts)
                html = f"""<!DOCTYPE html><html><body><h1>StreetAlert referrals - Brackenport</h1>
<table><tr><th>Referred</th><th>Name</th><th>AKA</th><th>YOB</th><th>Location</th><th>Assigned to</th></tr>{rows}</table>
<p>Referrals from the public via the app. Verify before adding to the by-name list.</p></body></html>"""
                self.add(f"Portal/StreetAlert referrals {i}.html", html, "html")

    def gen_json(self):
        r = self.rng
        recs = []
        for p in self.pick([p for p in self.people if p.housing in ("street", "temp", "hostel")], int(15 * self.k) + 1):
            full = r.random() < .4
            if full:
                self.cover(p)
            recs.append({"contact_id": r.randint(10000, 99999), "client": {"first_name": p.fore, "last_name": p.sur, "aka": p.known_as,
                                                                         **({"dob": p.dob.isoformat()} if full else {"yob": p.dob.year})},
                         "location": p.hh.site if hasattr(p.hh, "site") else "hostel", "worker": p.ow.name,
                         "outcome": r.choice(["engaged", "declined", "asleep", "referred to GP"]), "timestamp": f"{self.date_in().isoformat()}T06:{r.randint(10, 59)}:00"})
        self.add("Outreach/outreach_app_export.json", json.dumps({"export": {"app": "OutreachLog", "team": "Brackenport Street Outreach", "generated": "2026-11-28"}, "contacts": recs}, indent=1), "json")
        recs = []
        for p in self.pick(self.who("brs"), int(12 * self.k) + 1):
            recs.append({"name": p.n("fs"), "dob": fdob(p.dob, "slash"), "nhsNumber": p.nhs or None, "kitsSupplied": r.randint(1, 4),
                         "lastSupply": self.date_in().isoformat(), "suppliedBy": r.choice(self.hr).name})
            self.cover(p)
        self.add("Harm reduction/naloxone_register.json", json.dumps(recs, indent=2), "json")

    # ---------------- filling: coverage and access kinds
    def gen_fill(self):
        r = self.rng
        # home visit lone-working sheet: every planned access kind not yet written, plus some repeats
        rows = [["Client", "DOB", "Address", "Worker", "Visit in pairs?", "Access / entry", "Pets", "Last reviewed"]]
        for hh in self.households:
            if hh.kind != "tenancy":
                continue
            missing = hh.plan - hh.written
            if missing or (hh.plan and r.random() < .3) or (not hh.plan and r.random() < .4):
                for m in hh.members:
                    if missing or hh.plan:
                        kinds = sorted(missing) if missing else sorted(hh.plan)
                        acc = self.acc_terse(hh, kinds)
                    else:
                        acc = self.near_miss_home(hh, m)
                    rows.append([m.n("S,F"), fdob(m.dob, "slash"), f"{hh.line1}, {hh.postcode}", (m.tsw if hh.hf else m.rw).name,
                                 r.choice(["Y", "N", "N"]), acc, r.choice(["", "dog (staffie)", "cat", ""]), self.date_in().strftime("%d/%m/%Y")])
                    self.cover(m)
                    missing = set()
        self.add("Housing First/Home visits - lone working and access.xlsx", xlsx_bytes([("Home visits", rows)]), "xlsx")
        # anyone never named with full name + DOB/NHS: new referrals
        rows = [["Referral date", "Surname", "Forename", "Middle", "DOB", "NHS number", "Referred by", "Reason"]]
        for p in self.people:
            if not p.covered:
                rows.append([self.date_in().strftime("%d/%m/%Y"), p.sur, p.fore, p.mid, fdob(p.dob, "slash"), p.nhs,
                             r.choice(self.staff[:33]).name, r.choice(["OST", "alcohol", "housing", "registration", "hep C"])])
                self.cover(p)
        for p in self.pick(self.people, 6):
            rows.append([self.date_in().strftime("%d/%m/%Y"), p.sur, p.fore, p.mid, fdob(p.dob, "slash"), p.nhs, r.choice(self.staff[:33]).name, "re-referral"])
        self.add("Recovery/Referrals received Q3-Q4.csv", csv_bytes(rows), "csv")

    # ---------------------------------------------------------------- run
    def build(self):
        for g in [self.gen_outreach_logs, self.gen_keyworker_notes, self.gen_mdt, self.gen_hf_handovers, self.gen_chats,
                  self.gen_van_logs, self.gen_gp_consults, self.gen_hcv_notes, self.gen_safeguarding,
                  self.gen_gp_referrals, self.gen_hf_letters, self.gen_brs_letters, self.gen_probation_letters,
                  self.gen_pdf_instalment, self.gen_pdf_discharge, self.gen_pdf_hostel, self.gen_rtf_letters,
                  self.gen_hf_caseload, self.gen_brs_caseloads, self.gen_pharmacy_lists, self.gen_naloxone,
                  self.gen_hostel_lists, self.gen_by_name_list, self.gen_hcv_tracker, self.gen_rotas,
                  self.gen_gp_registrations, self.gen_mdt_tracker, self.gen_hl7, self.gen_fhir, self.gen_emails,
                  self.gen_html, self.gen_json, self.gen_fill]:
            g()
        # couples sharing a home: each note about the home is about both
        for hh in self.households:
            if hh.kind == "tenancy" and hh.written != hh.plan:
                raise SystemExit(f"internal: access kinds written {hh.written} != planned {hh.plan}")

    def truth(self):
        people = []
        for p in self.people:
            hh = p.hh
            code = ""
            kinds = sorted(hh.written) if hh.kind == "tenancy" else []
            if kinds:
                if "code" in kinds:
                    code = hh.code
                elif "hidden_key" in kinds:
                    code = hh.hide
                elif "key_holder" in kinds:
                    code = f"key held by {hh.holder}"
                else:
                    code = f"door left open {hh.open_days}"
                self.add_related(hh.holder, "key holder") if "key_holder" in kinds else None
            d = {"forename": p.fore, "surname": p.sur, "dob": fdob(p.dob, "slash"), "nhs_number": p.nhs,
                 "keysafe_code": code, "access_kind": kinds, "special_category": True}
            if p.mid:
                d["middle_names"] = p.mid
            people.append(d)
        staff = [s.name for s in self.staff]
        related = sorted(self.related)
        return {"people": people, "staff": staff, "related": related}


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    share, truth_path = argv[1], argv[2]
    n = int(argv[3]) if len(argv) > 3 else 120
    seed = int(argv[4]) if len(argv) > 4 else 1
    s = Share(n, seed)
    s.build()
    for path, data, kind in s.files:
        full = os.path.join(share, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as fh:
            fh.write(data)
    t = s.truth()
    os.makedirs(os.path.dirname(os.path.abspath(truth_path)), exist_ok=True)
    with open(truth_path, "w", encoding="utf-8") as fh:
        json.dump(t, fh, indent=1, ensure_ascii=False)
    # summary on stderr
    from collections import Counter
    kinds = Counter(k for _, _, k in s.files)
    acc = Counter(k for p in t["people"] for k in p["access_kind"])
    print(f"files {len(s.files)} {dict(sorted(kinds.items()))}", file=sys.stderr)
    print(f"people {len(t['people'])}, with home access {sum(1 for p in t['people'] if p['keysafe_code'])}, kinds {dict(acc)}, "
          f"no NHS {sum(1 for p in t['people'] if not p['nhs_number'])}, staff {len(t['staff'])}, related {len(t['related'])}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
