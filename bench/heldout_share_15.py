#!/usr/bin/env python3
"""Held-out breach share 15: an integrated care board's NHS Continuing Healthcare
(CHC) and personal health budget (PHB) team, its brokerage, PHB support service,
commissioning support unit data team, and the providers, hospitals, GPs, solicitors
and families around it.

    python heldout_share_15.py SHARE TRUTH.json [PEOPLE=120] [SEED=1]

Standard library plus python-docx and openpyxl. Everything is invented: names,
addresses, NHS numbers (valid mod 11, first digit 4 or 6), phones 07700 900xxx.
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

# ----------------------------------------------------------------------------- names
MALE = """Alan Barry Clive Desmond Eric Francis Gareth Howard Ivor Jeffrey Keith Leonard Malcolm
Norman Oliver Patrick Raymond Stanley Trevor Vernon Wilfred Yusuf Arjun Tomasz Kwame Declan
Rhys Callum Graham Nigel Derek Roland Ashok Winston Marek Ciaran Hugh Lionel Duncan Kieran
Jamal Ralph Terence Bernard Cyril Glyn Owen Piotr Mohammed Harjit Emeka Dominic Aled Euan
Felix Jasper Rory Sunil Godfrey Clifford Reuben Toby""".split()
FEMALE = """Agnes Beryl Carol Doreen Edith Freda Gwendolyn Hilda Irene Joan Kathleen Lorna Marjorie
Nancy Olive Pauline Rita Sheila Thelma Valerie Winifred Yvonne Anjali Bozena Comfort Deirdre
Eileen Fiona Glenys Heather Ingrid Janet Lesley Maureen Norah Priya Rosemary Sandra Teresa
Una Wendy Zofia Bernadette Dilys Evelyn Frances Gillian Hazel Imelda Jacqueline Kirsty Leah
Mairead Nasreen Orla Philippa Rukhsana Sian Tamsin Verity""".split()
SURNAMES = """Ashworth Brannigan Cotterill Dunmore Ellerby Fairclough Gathercole Hebblethwaite Ingleby
Jobling Kershaw Lomax Mottram Nuttall Openshaw Pilkington Quarmby Rudd Scholefield Tattersall
Underwood Varley Whitworth Yeadon Arkwright Bairstow Crossley Dewhurst Eccleston Fothergill
Greenhalgh Haworth Illingworth Jagger Kitching Lumb Marsden Naylor Ormerod Pickersgill Ramsden
Sutcliffe Thwaite Uttley Wadsworth O'Driscoll McAteer Fitzgerald-Hay Okonkwo Adeyemi Mensah
Kowalczyk Nowicki Sandhu Chaudhry Rahman Patel Begum Chen Nguyen D'Souza Fernandes Braithwaite
Hollinrake Lees-Jones Ackroyd Birtwistle Calvert Dobson Entwistle Farrar Gledhill Holroyd Jowett
Keighley Lister Moorhouse Nettleton Oldroyd Priestley Redfearn Shackleton Tordoff Umpleby Walmsley
Wilde Ainsworth Bottomley Clegg Drabble Emmott Firth Gaukroger Hirst Iredale Jessop Kaye
Longbottom Maude Newsome Oates Pollard Rushworth Stansfield Thackray Verity Waddington Yates
O'Hagan McCready Mac an tSaoir Ní Bhriain St John-Murray Bamford Caldwell Delaney Egan Flanagan
Gilmartin Hegarty Kavanagh Lafferty Mulrooney Quigley Rafferty Sheehan Tierney Whelan""".split()
SURNAMES = [s.replace("_", " ") for s in SURNAMES if s not in ("Mac", "an", "tSaoir", "Ní",
                                                                 "Bhriain", "St", "John-Murray")]
SURNAMES += ["St John-Murray", "Ní Bhriain", "de Souza", "van Rooyen"]
MIDDLE_M = "James John Edward Arthur George Thomas William Robert Michael Anthony Joseph David".split()
MIDDLE_F = "Mary Ann Elizabeth Margaret Jane Louise Rose Patricia Catherine Grace May Frances".split()

STREETS = """Tanner's Row|Holme Lane|Cobden Street|Bracken Rise|Weavers Close|Mill Fold Court|Station
Road|Church Bank|Larkfield Avenue|Foundry Walk|Orchard Way|Barley Croft|Ings Lane|Kiln Hill|Well
Street|Springfield Terrace|Moor View|Victoria Road|Ashgrove|Clough Lane|Pennine Drive|Heather
Close|Canal Side|Hollin Crescent|Quarry Bank|Sycamore Drive|The Paddock|Nab Lane|Fern Lea|
Chapel Street""".replace("\n", " ").split("|")
STREETS = [s.strip() for s in STREETS if s.strip()]
TOWNS = [("Aldermoor", "AM"), ("Tessbridge", "TB"), ("Kelsham", "KH"), ("Upper Brayford", "UB"),
         ("Morrow Green", "MG"), ("Saltmarsh End", "SE")]
# invented postcode prefixes written as real ones are (two letters, district digit)
PC_AREA = {"AM": "HX", "TB": "HD", "KH": "BD", "UB": "OL", "MG": "HX", "SE": "WF"}

CONDITIONS = [
    ("motor neurone disease", "neuro"), ("advanced Parkinson's disease", "neuro"),
    ("secondary progressive multiple sclerosis", "neuro"), ("Huntington's disease", "neuro"),
    ("vascular dementia", "dementia"), ("Alzheimer's disease with distressed behaviour", "dementia"),
    ("frontotemporal dementia", "dementia"), ("mixed dementia", "dementia"),
    ("acquired brain injury after a road traffic collision", "abi"),
    ("hypoxic brain injury following cardiac arrest", "abi"),
    ("traumatic brain injury (fall from height)", "abi"),
    ("learning disability with epilepsy and dysphagia", "ld"),
    ("cerebral palsy with severe learning disability", "ld"),
    ("Down's syndrome with early-onset dementia", "ld"),
    ("metastatic lung cancer", "eol"), ("end-stage heart failure", "eol"),
    ("end-stage COPD", "eol"), ("pancreatic cancer with liver metastases", "eol"),
    ("C5 spinal cord injury (tetraplegia)", "neuro"),
]
CHILD_CONDITIONS = [("Duchenne muscular dystrophy", "child"), ("Rett syndrome", "child"),
                    ("complex epilepsy with global developmental delay", "child"),
                    ("spinal muscular atrophy type 2", "child")]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MON3 = [m[:3] for m in MONTHS]

ICB = "Aldermoor and Tessbridge Integrated Care Board"
ICB_SHORT = "A&T ICB"
CHC_TEAM = "All-Age Continuing Care Team"
ICB_ADDR = ["Calder Point, 4th Floor", "Wharf Street", "Aldermoor", "HX1 9ZT"]
PHB_ORG = "Keystone PHB Support (a Calder Valley Independent Living charity)"
PHB_SHORT = "Keystone PHB Support"
CSU = "Pennine Lakes Commissioning Support Unit"
PAYROLL = "ClearPay Payroll Bureau Ltd"
ADVOCACY = "Speakwell Advocacy"
AGENCIES = ["Kestrel Homecare Ltd", "Greenacre Care at Home", "Thistle Lane Domiciliary Care",
            "Pennant Complex Care", "Harbourside Home Support", "Brightstone Live-in Care"]
NURSING_HOMES = [("Larchfield Nursing Home", "Larchfield Road, Kelsham", "BD9 4QL"),
                 ("St Bride's Court", "Bride Lane, Tessbridge", "HD3 6NP"),
                 ("Oakhanger House (nursing)", "22 Oakhanger Drive, Aldermoor", "HX2 7BD"),
                 ("The Beeches Neuro Care Centre", "Beech Hill, Upper Brayford", "OL6 2RR")]
SUPPORTED = [("Hollybank supported living", "3-5 Hollybank Mews, Morrow Green"),
             ("Calder View (supported living, Aspire Living Services)", "Calder View, Saltmarsh End")]
HOSPITALS = ["Tessbridge General Hospital", "Aldermoor Royal Infirmary"]
WARDS = ["Ward 7 (stroke & neuro rehab)", "Ward 12 (elderly care)", "Ward 22 (respiratory)",
         "Ashby Ward (acute medicine)", "Hawthorn Unit (complex discharge)"]
SOLICITORS = ["Pargeter Lowe LLP", "Hanrahan & Co Solicitors", "Castleford Reid Solicitors"]
GP_PRACTICES = ["Brayford Medical Practice", "Kelsham Health Centre", "Tessbridge Road Surgery",
                "Morrow Green Family Practice", "Aldermoor Central PCN - Saltmarsh branch"]

STAFF_ROLES = [  # (role, organisation-key, count)
    ("CHC Nurse Assessor", "icb", 7), ("Clinical Lead, CHC", "icb", 1), ("Panel Chair", "icb", 1),
    ("Senior Social Worker (panel member)", "council", 2), ("Finance and Contracts Manager", "icb", 1),
    ("CHC Administrator", "icb", 2), ("Brokerage Officer", "icb", 3), ("Appeals and Retrospective Reviews Officer", "icb", 1),
    ("PHB Support Officer", "phb", 3), ("Direct Payments Auditor", "phb", 1),
    ("Senior Data Analyst", "csu", 1), ("Information Officer", "csu", 1),
    ("Registered Manager", "agency", 5), ("Care Co-ordinator", "agency", 4), ("Care Worker", "agency", 4),
    ("Personal Assistant", "pa", 9), ("GP", "gp", 5), ("Discharge Co-ordinator", "hosp", 3),
    ("Ward Sister", "hosp", 1), ("Paralegal", "sol", 2), ("Solicitor", "sol", 2),
    ("Nursing Home Manager", "nh", 3), ("Independent Advocate", "adv", 2),
    ("Payroll Administrator", "payroll", 1), ("Consultant", "hosp", 3), ("Specialist Nurse (MND)", "icb", 1),
]


def fixed_zip(data):
    """rewrite an OOXML zip with fixed member times, so the bytes depend on the seed only"""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 11, 28, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = info.external_attr
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2026-11-28T09:00:00Z", body)
            dst.writestr(zi, body)
    return out.getvalue()


def nhs_check(d9):
    s = sum(int(c) * (10 - i) for i, c in enumerate(d9))
    r = 11 - s % 11
    if r == 11:
        r = 0
    return None if r == 10 else r


class Gen:
    def __init__(self, share, truth_path, n_people, seed):
        self.share = share
        self.truth_path = truth_path
        self.n = n_people
        self.seed = seed
        self.r = random.Random(seed * 7919 + 15)
        self.used_names = set()
        self.used_nhs = set()
        self.used_codes = set()
        self.phones = set()
        self.covered = set()
        self.access_seen = {}   # pid -> set(kinds) actually written
        self.files = []
        self.related = []
        self.staff = []
        os.makedirs(share, exist_ok=True)

    # ------------------------------------------------------------------ basics
    def phone(self):
        while True:
            p = "07700 900%03d" % self.r.randint(0, 999)
            if p not in self.phones:
                self.phones.add(p)
                return p

    def nhs(self):
        while True:
            first = self.r.choice("46")
            d9 = first + "".join(str(self.r.randint(0, 9)) for _ in range(8))
            if d9.startswith("999"):
                continue
            c = nhs_check(d9)
            if c is None:
                continue
            n = d9 + str(c)
            if n not in self.used_nhs:
                self.used_nhs.add(n)
                return n

    def code4(self):
        while True:
            c = "%04d" % self.r.randint(0, 9999)
            if c[0] == "0" and self.r.random() < 0.7:
                continue
            if c not in self.used_codes and len(set(c)) > 1:
                self.used_codes.add(c)
                return c

    def new_name(self, sex, surname=None):
        for _ in range(500):
            fn = self.r.choice(MALE if sex == "M" else FEMALE)
            sn = surname or self.r.choice(SURNAMES)
            if (fn, sn) not in self.used_names:
                self.used_names.add((fn, sn))
                return fn, sn
        raise RuntimeError("names exhausted")

    def address(self):
        town, code = self.r.choice(TOWNS)
        house = self.r.choice([str(self.r.randint(1, 140)), "Flat %d, %s House" % (
            self.r.randint(1, 30), self.r.choice(["Priestley", "Holme", "Weaver", "Calder"])),
            self.r.choice(["Rose Cottage", "2 The Bungalows", "Ivy Bank", "Hill Top Farm"])])
        street = self.r.choice(STREETS)
        pc = "%s%d %d%s" % (PC_AREA[code], self.r.randint(1, 9), self.r.randint(1, 9),
                            "".join(self.r.choice("ABDEFGHJLNPQRSTUWXYZ") for _ in range(2)))
        if house[0].isdigit():
            line = "%s %s" % (house, street)
        else:
            line = "%s, %s" % (house, street)
        return {"line": line, "town": town, "postcode": pc}

    def date(self, y0, y1):
        a = dt.date(y0, 1, 1).toordinal()
        b = dt.date(y1, 12, 28).toordinal()
        return dt.date.fromordinal(self.r.randint(a, b))

    def pdate(self, a=(2026, 7, 1), b=(2026, 11, 27)):
        return dt.date.fromordinal(self.r.randint(dt.date(*a).toordinal(), dt.date(*b).toordinal()))

    # ------------------------------------------------------------------ forms
    @staticmethod
    def dob(d, form):
        if form == "dmy":
            return d.strftime("%d/%m/%Y")
        if form == "iso":
            return d.isoformat()
        if form == "long":
            return "%d %s %d" % (d.day, MONTHS[d.month - 1], d.year)
        if form == "mon":
            return "%02d-%s-%d" % (d.day, MON3[d.month - 1], d.year)
        if form == "hl7":
            return d.strftime("%Y%m%d")
        if form == "dots":
            return d.strftime("%d.%m.%Y")
        raise ValueError(form)

    def rdob(self, p, forms=("dmy", "iso", "long", "mon", "dmy", "long")):
        return self.dob(p["dob"], self.r.choice(forms))

    @staticmethod
    def fmt_nhs(n, style=0):
        if not n:
            return ""
        if style == 0:
            return "%s %s %s" % (n[:3], n[3:6], n[6:])
        if style == 1:
            return n
        return "%s-%s-%s" % (n[:3], n[3:6], n[6:])

    def name(self, p, form):
        fn, sn, mids = p["forename"], p["surname"], p.get("middle", [])
        mi = " ".join(m[0] + "." for m in mids)
        if form == "full":
            return "%s %s" % (fn, sn)
        if form == "full_mid":
            return " ".join([fn] + mids + [sn])
        if form == "init_mid":
            return " ".join([fn] + ([mi] if mi else []) + [sn])
        if form == "title_full":
            return "%s %s %s" % (p["title"], fn, sn)
        if form == "title_init":
            return "%s %s %s" % (p["title"], fn[0], sn)
        if form == "title":
            return "%s %s" % (p["title"], sn)
        if form == "SUR_comma":
            return "%s, %s" % (sn.upper(), fn)
        if form == "Sur_comma_mi":
            return "%s, %s%s" % (sn, fn, (" " + mi) if mi else "")
        if form == "Sur_comma_full":
            return "%s, %s" % (sn, " ".join([fn] + mids))
        if form == "upper":
            return ("%s %s" % (fn, sn)).upper()
        if form == "lower":
            return ("%s %s" % (fn, sn)).lower()
        if form == "Fn_SUR":
            return "%s %s" % (fn, sn.upper())
        if form == "first":
            return fn
        raise ValueError(form)

    def rname(self, p, forms=("full", "full", "title_full", "init_mid", "full_mid", "Fn_SUR")):
        return self.name(p, self.r.choice(forms))

    def cover(self, p):
        self.covered.add(p["pid"])

    def access_written(self, p, kinds):
        for q in self.household(p):
            self.access_seen.setdefault(q["pid"], set()).update(kinds)

    def household(self, p):
        return [q for q in self.people if q.get("home_id") == p["home_id"]] if p.get("home_id") else [p]

    # ------------------------------------------------------------------ writers
    def path(self, rel):
        full = os.path.join(self.share, rel)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        self.files.append(rel)
        return full

    def w_text(self, rel, text, crlf=False):
        if crlf:
            text = text.replace("\n", "\r\n")
        with open(self.path(rel), "w", encoding="utf-8", newline="") as f:
            f.write(text)

    def w_csv(self, rel, header, rows, delim=","):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=delim, lineterminator="\r\n")
        if header:
            w.writerow(header)
        for row in rows:
            w.writerow(row)
        with open(self.path(rel), "w", encoding="utf-8", newline="") as f:
            f.write(buf.getvalue())

    def w_xlsx(self, rel, sheets):
        wb = openpyxl.Workbook()
        wb.remove(wb.active)
        for title, rows in sheets:
            ws = wb.create_sheet(title)
            for row in rows:
                ws.append(row)
        fixed = dt.datetime(2026, 11, 28, 9, 0, 0)
        wb.properties.created = fixed
        wb.properties.modified = fixed
        wb.properties.creator = "A&T ICB"
        buf = io.BytesIO()
        wb.save(buf)
        with open(self.path(rel), "wb") as f:
            f.write(fixed_zip(buf.getvalue()))

    def docx_doc(self, blocks):
        d = docx.Document()
        d.core_properties.author = "CHC Team"
        d.core_properties.created = dt.datetime(2026, 11, 1, 9, 0, 0)
        d.core_properties.modified = dt.datetime(2026, 11, 1, 9, 0, 0)
        for b in blocks:
            if isinstance(b, tuple) and b[0] == "table":
                rows = b[1]
                t = d.add_table(rows=len(rows), cols=max(len(r) for r in rows))
                for i, row in enumerate(rows):
                    for j, cell in enumerate(row):
                        t.cell(i, j).text = str(cell)
            elif isinstance(b, tuple) and b[0] == "h":
                d.add_heading(b[1], level=b[2] if len(b) > 2 else 1)
            else:
                d.add_paragraph(b)
        return d

    def w_docx(self, rel, blocks, header=None, footer=None):
        d = self.docx_doc(blocks)
        if header:
            d.sections[0].header.paragraphs[0].text = header
        if footer:
            d.sections[0].footer.paragraphs[0].text = footer
        buf = io.BytesIO()
        d.save(buf)
        with open(self.path(rel), "wb") as f:
            f.write(fixed_zip(buf.getvalue()))

    def docx_bytes(self, blocks):
        d = self.docx_doc(blocks)
        buf = io.BytesIO()
        d.save(buf)
        return fixed_zip(buf.getvalue())

    @staticmethod
    def pdf_bytes(pages):
        """pages: list of lists of lines. Helvetica 10pt, text layer, hand-written."""
        def esc(s):
            s = s.encode("latin-1", "replace").decode("latin-1")
            return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        objs = []
        objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
        kids = []
        n_pages = len(pages)
        font_id = 3
        objs.append(None)  # pages placeholder
        objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        for lines in pages:
            content = ["BT", "/F1 10 Tf", "13 TL", "50 800 Td"]
            for ln in lines:
                content.append("(%s) Tj T*" % esc(ln))
            content.append("ET")
            stream = "\n".join(content).encode("latin-1", "replace")
            objs.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
            content_id = len(objs)
            objs.append(("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources "
                         "<< /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (font_id, content_id)).encode())
            kids.append(len(objs))
        objs[1] = ("<< /Type /Pages /Kids [%s] /Count %d >>" % (
            " ".join("%d 0 R" % k for k in kids), n_pages)).encode()
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for i, o in enumerate(objs, 1):
            offsets.append(len(out))
            out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
        for off in offsets:
            out += b"%010d 00000 n \n" % off
        out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
        return bytes(out)

    def w_pdf(self, rel, text):
        """text: str with \f between pages; long lines wrapped at 95 chars, 58 lines a page."""
        pages = []
        for page in text.split("\f"):
            lines = []
            for ln in page.split("\n"):
                while len(ln) > 95:
                    cut = ln.rfind(" ", 0, 95)
                    cut = cut if cut > 20 else 95
                    lines.append(ln[:cut])
                    ln = ln[cut:].lstrip()
                lines.append(ln)
            for i in range(0, max(len(lines), 1), 58):
                pages.append(lines[i:i + 58])
        with open(self.path(rel), "wb") as f:
            f.write(self.pdf_bytes(pages))

    def w_rtf(self, rel, text):
        def esc(s):
            out = []
            for ch in s:
                if ch in "\\{}":
                    out.append("\\" + ch)
                elif ord(ch) > 127:
                    out.append("\\u%d?" % ord(ch))
                else:
                    out.append(ch)
            return "".join(out)
        body = "\\par\n".join(esc(ln) for ln in text.split("\n"))
        rtf = ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}"
               "\\viewkind4\\uc1\\pard\\f0\\fs22\n" + body + "\\par\n}")
        with open(self.path(rel), "w", encoding="ascii", newline="\r\n") as f:
            f.write(rtf)

    def w_eml(self, rel, frm, to, subject, body, when, cc=None, attachments=(), html=None):
        m = EmailMessage()
        m["From"] = frm
        m["To"] = ", ".join(to) if isinstance(to, list) else to
        if cc:
            m["Cc"] = ", ".join(cc)
        m["Subject"] = subject
        m["Date"] = format_datetime(when)
        m["Message-ID"] = "<%d.%d.%d@mail.atics.example>" % (self.seed, len(self.files), when.toordinal())
        m.set_content(body)
        if html:
            m.add_alternative(html, subtype="html")
        for fname, data, mtype in attachments:
            maintype, subtype = mtype.split("/")
            m.add_attachment(data, maintype=maintype, subtype=subtype, filename=fname)
        if m.is_multipart():
            m.set_boundary("==share15_%d_%d==" % (self.seed, len(self.files)))
            for i, part in enumerate(m.iter_parts()):
                if part.is_multipart():
                    part.set_boundary("==share15_%d_%d_%d==" % (self.seed, len(self.files), i))
        with open(self.path(rel), "wb") as f:
            f.write(bytes(m))

    # ------------------------------------------------------------------ model
    def staff_person(self, role, org, surname=None):
        sex = self.r.choice("MF")
        fn, sn = self.new_name(sex, surname)
        s = {"forename": fn, "surname": sn, "role": role, "org": org, "sex": sex,
             "phone": self.phone()}
        if role in ("GP", "Consultant"):
            s["title"] = "Dr"
        else:
            s["title"] = "Mr" if sex == "M" else self.r.choice(["Mrs", "Ms", "Miss"])
        s["email"] = "%s.%s@%s" % (fn.lower(), sn.lower().replace("'", "").replace(" ", ""), {
            "icb": "nhs.net", "council": "aldermoor.gov.example", "phb": "keystonephb.org.example",
            "csu": "nhs.net", "agency": "care.example", "pa": "mail.example", "gp": "nhs.net",
            "hosp": "nhs.net", "sol": "law.example", "nh": "care.example", "adv": "speakwell.org.example",
            "payroll": "clearpay.example"}[org])
        self.staff.append(s)
        return s

    def rel_person(self, sex, relation, surname=None):
        fn, sn = self.new_name(sex, surname)
        rp = {"forename": fn, "surname": sn, "relation": relation, "sex": sex,
              "title": "Mr" if sex == "M" else self.r.choice(["Mrs", "Ms", "Mrs"]),
              "phone": self.phone()}
        self.related.append(rp)
        return rp

    def build(self):
        r = self.r
        # staff; a few share surnames with people (decided after people exist)
        self.people = []
        people = self.people
        n = self.n
        n_child = max(2, n // 30)
        for i in range(n):
            child = i < n_child
            sex = r.choice("MF")
            fn, sn = self.new_name(sex)
            p = {"pid": i, "forename": fn, "surname": sn, "sex": sex, "middle": [],
                 "child": child}
            if r.random() < 0.35:
                p["middle"] = [r.choice(MIDDLE_M if sex == "M" else MIDDLE_F)]
                if r.random() < 0.2:
                    p["middle"].append(r.choice(MIDDLE_M if sex == "M" else MIDDLE_F))
                    if p["middle"][0] == p["middle"][1]:
                        p["middle"].pop()
            p["title"] = ("Mr" if sex == "M" else r.choice(["Mrs", "Mrs", "Miss", "Ms"]))
            if child:
                p["dob"] = self.date(2008, 2009)
                p["title"] = "Master" if sex == "M" and r.random() < 0.3 else p["title"]
                p["title"] = "Miss" if sex == "F" else p["title"]
            else:
                p["dob"] = self.date(1931, 1990)
            people.append(p)
        # same-name pairs: two people each sharing a full name with another
        for a, b in [(n - 1, n - 2), (n - 3, n - 4)]:
            if a > n_child + 2 and b > n_child:
                people[a]["forename"], people[a]["surname"], people[a]["sex"] = \
                    people[b]["forename"], people[b]["surname"], people[b]["sex"]
                people[a]["title"] = people[b]["title"]
                people[a]["middle"] = []
                people[b]["middle"] = [r.choice(MIDDLE_M if people[b]["sex"] == "M" else MIDDLE_F)]
                people[a]["same_name"] = people[b]["pid"]
                people[b]["same_name"] = people[a]["pid"]
        # settings
        settings = []
        for p in people:
            if p["child"]:
                p["setting"] = "family_home"
                p["condition"], p["cgroup"] = r.choice(CHILD_CONDITIONS)
                continue
            x = r.random()
            p["setting"] = ("own_home" if x < 0.50 else "family_home" if x < 0.60 else
                            "supported_living" if x < 0.68 else "nursing_home" if x < 0.86 else
                            "moved" if x < 0.93 else "died")
            p["condition"], p["cgroup"] = r.choice(CONDITIONS)
            if p["setting"] == "supported_living":
                p["condition"], p["cgroup"] = r.choice([c for c in CONDITIONS if c[1] in ("ld", "abi")])
            if p["setting"] == "died":
                p["condition"], p["cgroup"] = r.choice([c for c in CONDITIONS if c[1] == "eol"])
        # couples: two people in one home, same surname
        own = [p for p in people if p["setting"] == "own_home" and not p.get("same_name")]
        r.shuffle(own)
        n_couples = max(2, n // 30)
        for k in range(n_couples):
            if len(own) < 2:
                break
            a, b = own.pop(), own.pop()
            b["surname"] = a["surname"]
            b["sex"] = "F" if a["sex"] == "M" else "M"
            b["forename"] = self.new_name(b["sex"], a["surname"])[0]
            b["title"] = "Mrs" if b["sex"] == "F" else "Mr"
            b["middle"] = [m for m in b["middle"] if False]
            b["dob"] = a["dob"] + dt.timedelta(days=r.randint(-2500, 2500))
            a["home_id"] = b["home_id"] = "H%d" % k
            a["partner"], b["partner"] = b["pid"], a["pid"]
        # married women with previous names
        for p in people:
            if p["sex"] == "F" and not p["child"] and r.random() < 0.12:
                p["prev_surname"] = r.choice(SURNAMES)
        # identifiers
        for p in people:
            p["nhs"] = self.nhs() if r.random() < 0.92 else ""
            p["case_id"] = "CHC%06d" % r.randint(100000, 399999)
            p["cm_id"] = "P%07d" % r.randint(1000000, 9999999)  # case-management system id
            p["addr"] = self.address()
            p["referral"] = self.pdate((2026, 6, 1), (2026, 10, 20))
            if p["setting"] == "died":
                p["died"] = self.pdate((2026, 8, 15), (2026, 11, 20))
            if p["setting"] == "moved":
                p["moved_on"] = self.pdate((2026, 8, 20), (2026, 11, 10))
                p["nh"] = r.choice(NURSING_HOMES)
            if p["setting"] == "nursing_home":
                p["nh"] = r.choice(NURSING_HOMES)
            if p["setting"] == "supported_living":
                p["sl"] = r.choice(SUPPORTED)
        for p in people:
            if p.get("partner") is not None and p["pid"] > p["partner"]:
                p["addr"] = people[p["partner"]]["addr"]
        # outcomes
        for p in people:
            x = r.random()
            if p["cgroup"] == "eol" and x < 0.7:
                p["outcome"] = "fast_track"
            elif p["child"]:
                p["outcome"] = "transition"
            else:
                p["outcome"] = ("eligible" if x < 0.55 else "not_eligible" if x < 0.68 else
                                "checklist_negative" if x < 0.76 else "pending" if x < 0.86 else
                                "retrospective" if x < 0.92 else "eligible")
            if p["setting"] == "died" and p["outcome"] not in ("fast_track",):
                p["outcome"] = "fast_track"
            p["phb"] = (p["setting"] in ("own_home", "family_home") and p["outcome"] in ("eligible", "transition")
                        and r.random() < 0.45)
        # staff
        S = {}
        for role, org, cnt in STAFF_ROLES:
            S[role] = [self.staff_person(role, org) for _ in range(max(1, cnt if n >= 60 else (cnt + 1) // 2))]
        # staff sharing surnames with people
        donors = r.sample(people, 6)
        for d_, role in zip(donors, ["CHC Nurse Assessor", "Care Worker", "Personal Assistant",
                                     "Brokerage Officer", "GP", "Registered Manager"]):
            sex = r.choice("MF")
            fn, _ = self.new_name(sex, d_["surname"])
            s = S[role][-1]
            self.used_names.add((fn, d_["surname"]))
            s["forename"], s["surname"], s["sex"] = fn, d_["surname"], sex
            s["email"] = "%s.%s@%s" % (fn.lower(), d_["surname"].lower().replace("'", "").replace(" ", ""),
                                        s["email"].split("@")[1])
            if role != "GP":
                s["title"] = "Mr" if sex == "M" else "Ms"
        self.S = S
        # per-person staff and family
        for p in people:
            p["assessor"] = r.choice(S["CHC Nurse Assessor"])
            p["gp"] = r.choice(S["GP"])
            p["gp_practice"] = GP_PRACTICES[S["GP"].index(p["gp"]) % len(GP_PRACTICES)]
            p["broker"] = r.choice(S["Brokerage Officer"])
            p["agency_i"] = r.randrange(len(AGENCIES))
            p["agency"] = AGENCIES[p["agency_i"]]
            p["agency_mgr"] = S["Registered Manager"][p["agency_i"] % len(S["Registered Manager"])]
            p["coord"] = S["Care Co-ordinator"][p["agency_i"] % len(S["Care Co-ordinator"])]
            p["hours"] = r.choice([7, 10.5, 14, 17.5, 21, 28, 35, 42, 56, 84, 168])
            p["rate"] = r.choice([24.60, 25.80, 27.15, 28.40, 31.90, 34.50])
            p["nh_fee"] = r.choice([1245.00, 1386.50, 1512.00, 1674.25, 1890.00])
            p["from_ward"] = r.random() < 0.3 or p["outcome"] == "fast_track"
            p["hospital"] = r.choice(HOSPITALS)
            p["ward"] = r.choice(WARDS)
            p["dc"] = r.choice(S["Discharge Co-ordinator"])
        for p in people:
            if p.get("partner") is not None and p["pid"] > p["partner"]:
                q = people[p["partner"]]
                for k in ("assessor", "gp", "gp_practice", "agency_i", "agency", "agency_mgr", "coord", "broker"):
                    p[k] = q[k]
        # family: next of kin, LPA / deputy
        for p in people:
            rels = []
            if p.get("partner") is None:
                if p["child"]:
                    rels.append(self.rel_person("F", "mother", p["surname"]))
                    if r.random() < 0.5:
                        rels.append(self.rel_person("M", "father", p["surname"]))
                else:
                    rel = r.choice(["daughter", "son", "wife", "husband", "niece", "brother", "sister", "nephew"])
                    sex = "F" if rel in ("daughter", "wife", "niece", "sister") else "M"
                    same = rel in ("son", "wife", "husband", "brother") or (rel == "daughter" and r.random() < 0.4)
                    rels.append(self.rel_person(sex, rel, p["surname"] if same else None))
                    if r.random() < 0.35:
                        rel2 = r.choice(["son", "daughter", "grandson", "friend"])
                        sex2 = "M" if rel2 in ("son", "grandson") else "F"
                        rels.append(self.rel_person(sex2, rel2, p["surname"] if rel2 != "friend" and r.random() < 0.5 else None))
            else:
                if p["pid"] < p["partner"]:
                    rels.append(self.rel_person("M", "son", p["surname"]) if r.random() < .5 else self.rel_person("F", "daughter", p["surname"]))
                else:
                    rels = people[p["partner"]]["rels"]
            if p.get("partner") is None or p["pid"] < p["partner"]:
                for rp in rels:
                    rp["phone"] = rp.get("phone") or self.phone()
            p["rels"] = rels
            p["nok"] = rels[0]
            x = r.random()
            p["legal"] = ("LPA (health and welfare)" if x < 0.35 else "deputy (Court of Protection)" if x < 0.45
                          else "none")
            if p["child"]:
                p["legal"] = "parent"
            p["solicitor"] = None
            if p["outcome"] in ("not_eligible", "retrospective") and r.random() < 0.7:
                p["solicitor"] = (r.choice(SOLICITORS), r.choice(S["Paralegal"] + S["Solicitor"]))
            p["advocate"] = r.choice(S["Independent Advocate"]) if (p["legal"] == "none" and p["cgroup"] in ("ld", "dementia") and r.random() < .5) else None
            if p["phb"]:
                p["pas"] = r.sample(S["Personal Assistant"], r.choice([1, 2, 2, 3]))
                p["phb_officer"] = r.choice(S["PHB Support Officer"])
        # home access
        for p in people:
            p["access"] = {}
        for p in people:
            if p.get("partner") is not None and p["pid"] > p["partner"]:
                continue
            if p["setting"] not in ("own_home", "family_home") or p["outcome"] == "checklist_negative" and r.random() < 0.5:
                continue
            if p["child"] and r.random() < 0.7:
                continue
            if r.random() > (0.62 if p["setting"] == "own_home" else 0.35):
                continue
            x = r.random()
            kinds = (["code"] if x < 0.48 else ["hidden_key"] if x < 0.60 else ["key_holder"] if x < 0.72 else
                     ["left_open"] if x < 0.80 else ["code", "key_holder"] if x < 0.91 else
                     ["code", "hidden_key"] if x < 0.96 else ["left_open", "key_holder"])
            acc = {}
            if "code" in kinds:
                acc["code"] = self.code4()
                acc["code_where"] = r.choice(["left of the front door", "by the back door", "on the garage wall",
                                              "behind the drainpipe at the side", "in the porch", "next to the gas meter box",
                                              "on the wall by the wheelie bins", "under the kitchen window"])
                acc["device"] = r.choice(["key safe", "key safe", "keysafe", "key box", "lock box", "key safe", "door keypad"])
            if "hidden_key" in kinds:
                acc["hide"] = r.choice(["under the grey slate by the back step", "inside the blue watering can in the porch",
                                        "under the doormat", "in the outside meter cupboard",
                                        "on a string behind the letterbox", "under the stone hedgehog by the front door",
                                        "behind the loose brick left of the back door", "in the coal bunker, on the ledge",
                                        "under the third plant pot along", "in the shed on the hook behind the door"])
            if "key_holder" in kinds:
                if r.random() < 0.5:
                    kh = self.rel_person(r.choice("MF"), "neighbour")
                    kh["house"] = "no. %d" % r.randint(2, 60)
                else:
                    kh = p["nok"]
                acc["holder"] = kh
            if "left_open" in kinds:
                acc["open"] = r.choice(["back door left unlocked from 7.30am for carers",
                                        "front door on the latch during the day",
                                        "door kept unlocked - let yourselves in and shout hello",
                                        "side door is never locked while his wife is in, just push it"])
            acc["kinds"] = kinds
            for q in self.household(p):
                q["access"] = acc
        # moved / died people with an old code written somewhere (near miss)
        for p in people:
            if p["setting"] in ("moved", "died") and r.random() < 0.6:
                p["old_code"] = self.code4()

    # ------------------------------------------------------------------ access phrasing
    def access_phrase(self, p, style=None):
        """A way in written as a worker would; returns (text, kinds)."""
        a = p["access"]
        r = self.r
        parts, kinds = [], []
        if "code" in a:
            c = a["code"]
            dev = a["device"]
            cw = a["code_where"]
            spaced = "-".join(c) if r.random() < 0.2 else c
            opts = [
                "%s %s, code %s" % (dev.capitalize(), cw, spaced),
                "Access via %s (%s) - %s" % (dev, cw, spaced),
                "KS %s. Key safe is %s." % (spaced, cw),
                "Carers let themselves in with the key from the %s - number is %s" % (dev, spaced),
                "%s code %s (%s), please put the key back and scramble the numbers" % (dev.capitalize(), spaced, cw),
                "Code for the %s: %s" % (dev, spaced),
                "K/S %s - %s" % (cw, spaced),
            ]
            if dev == "door keypad":
                opts = ["Keypad on the front door, code %s then press the tick" % spaced,
                        "Door entry keypad %s" % spaced, "Front door has a keypad lock - %s#" % c]
            parts.append(r.choice(opts))
            kinds.append("code")
        if "hide" in a:
            h = a["hide"]
            parts.append(r.choice(["Spare key %s" % h, "Key is kept %s" % h,
                                   "If no answer the key is %s" % h,
                                   "Key %s - family happy for carers to use it" % h]))
            kinds.append("hidden_key")
        if "holder" in a:
            kh = a["holder"]
            if kh.get("relation") == "neighbour":
                t = r.choice(["Neighbour %s %s at %s holds a key (%s)" % (kh["forename"], kh["surname"], kh["house"], kh["phone"]),
                              "Key holder: %s %s, neighbour, %s, tel %s" % (kh["title"], kh["surname"], kh["house"], kh["phone"]),
                              "Spare key with %s %s next door (%s)" % (kh["forename"], kh["surname"], kh["house"])])
            else:
                t = r.choice(["Key holder: %s %s (%s) %s" % (kh["forename"], kh["surname"], kh["relation"], kh["phone"]),
                              "%s %s has a key and will let the agency in if needed" % (kh["relation"].capitalize(), kh["forename"]),
                              "Keys held by %s %s (%s), lives ten minutes away" % (kh["forename"], kh["surname"], kh["relation"])])
            parts.append(t)
            kinds.append("key_holder")
        if "open" in a:
            parts.append(r.choice(["%s" % a["open"].capitalize(), "NB %s" % a["open"], "Access: %s" % a["open"]]))
            kinds.append("left_open")
        return ". ".join(parts), kinds

    def maybe_access(self, p, prob=1.0):
        if p["access"] and self.r.random() < prob:
            t, k = self.access_phrase(p)
            self.access_written(p, k)
            return t
        return ""

    def near_miss(self, p=None):
        r = self.r
        opts = [
            "Office door code on the 4th floor at Calder Point has changed to %s# from Monday." % self.code4(),
            "CHC invoice ref INV-%06d queried by finance." % r.randint(100000, 999999),
            "Equipment store (Brayford loan store) keypad %s - collect profiling bed for delivery." % self.code4(),
            "Key worker at day centre updated on plan.",
            "Payroll portal PIN reset for the family - new PIN sent by post, not by e-mail.",
            "Case reference CHC/2026/%05d quoted by the solicitor." % r.randint(10000, 99999),
            "Pool car key safe at the Kelsham base is %s - please return keys after visits." % self.code4(),
            "Key safe to be fitted by Care & Repair next week; code will be phoned through to the agency, do NOT write it in the notes.",
            "Code is held by the agency office and given out on the day, not recorded here.",
            "Key findings from the DST shared with the family.",
            "Prepaid card PIN blocked after three attempts - bank contacted.",
        ]
        if p is not None and p.get("nh"):
            nh = p["nh"][0]
            opts += ["Visited at %s. Front door code %s, lift code %s - ask at reception." % (nh, self.code4(), self.code4()),
                     "%s: visitors sign in; door code %s* (staff gave it)." % (nh, self.code4())]
        if p is not None and p.get("old_code"):
            oc = p["old_code"]
            if p["setting"] == "moved":
                opts = ["Now permanently at %s. Old flat empty - key safe at the old address (%s) to be removed by the landlord, agency to hand back fob." % (p["nh"][0], oc),
                        "Former home: key safe code was %s - housing officer says tenancy ended, locks changed." % oc]
            else:
                opts = ["Died at home %s. Family clearing the house; old key safe %s - equipment store to collect hoist, daughter will meet them." % (self.dob(p["died"], "dmy"), oc)]
        return r.choice(opts)

    # ------------------------------------------------------------------ outputs
    def run(self):
        self.build()
        P = self.people
        r = self.r
        self.write_activity_returns()
        self.write_national_extract()
        self.write_trackers()
        self.write_pa_and_payroll()
        self.write_invoices()
        self.write_hl7()
        self.write_fhir()
        self.write_case_html()
        self.write_case_json()
        self.write_emails()
        self.write_assessor_notes()
        self.write_dst()
        self.write_checklists()
        self.write_panel_minutes()
        self.write_brokerage_logs()
        self.write_phb_reviews()
        self.write_retro_notes()
        self.write_phone_log()
        self.write_eligibility_letters()
        self.write_not_eligible_pdfs()
        self.write_appeals_rtf()
        self.write_fast_track_forms()
        self.write_phb_plans()
        self.write_package_notices()
        self.write_scanned_referrals()
        self.write_gp_letters()
        self.write_review_letters()
        self.write_catchup()
        self.write_truth()

    def active(self, month):
        """people on the ICB's caseload in a month (funded or under assessment)"""
        out = []
        for p in self.people:
            if p["outcome"] in ("checklist_negative",):
                continue
            if p["referral"].month > month:
                continue
            if p.get("died") and p["died"].month < month:
                continue
            out.append(p)
        return out

    # --- structured ---------------------------------------------------------
    def setting_label(self, p, when=None):
        s = p["setting"]
        if s == "moved":
            return "Care home with nursing" if when and when >= p["moved_on"] else "Own home"
        return {"own_home": "Own home", "family_home": "Family home", "supported_living": "Supported living",
                "nursing_home": "Care home with nursing", "died": "Own home"}[s]

    def funding(self, p):
        return {"eligible": "CHC", "fast_track": "CHC Fast Track", "not_eligible": "FNC" if p.get("nh") else "Not eligible",
                "pending": "Assessment", "retrospective": "Retrospective review", "transition": "Transition (CC 0-25)",
                "checklist_negative": "Checklist negative"}[p["outcome"]] + (" - PHB" if p["phb"] else "")

    def weekly_cost(self, p):
        if p.get("nh") and p["setting"] == "nursing_home":
            return p["nh_fee"]
        return round(p["hours"] * p["rate"], 2)

    def write_activity_returns(self):
        r = self.r
        for mi, (month, form) in enumerate([(8, "A"), (9, "B"), (10, "C"), (11, "D")]):
            act = self.active(month)
            mdate = dt.date(2026, month, 28)
            if form == "A":
                hdr = ["Local ID", "NHS Number", "Surname", "Forename", "DOB", "Gender", "Postcode", "Funding stream",
                       "Care setting", "Weekly cost (GBP)", "Package start", "Assessor"]
                rows = []
                for p in act:
                    rows.append([p["case_id"], p["nhs"], p["surname"], p["forename"], self.dob(p["dob"], "dmy"), p["sex"],
                                 p["addr"]["postcode"] if p["setting"] in ("own_home", "family_home", "died") else p.get("nh", ("", "", ""))[2] or p["addr"]["postcode"],
                                 self.funding(p), self.setting_label(p, mdate), "%.2f" % self.weekly_cost(p),
                                 self.dob(p["referral"] + dt.timedelta(days=21), "dmy"),
                                 "%s %s" % (p["assessor"]["forename"], p["assessor"]["surname"])])
                    self.cover(p)
                self.w_csv("CSU Data Team/Monthly returns/CHC_activity_2026-08.csv", hdr, rows)
            elif form == "B":
                hdr = ["month", "local_id", "nhs_number", "patient_name", "date_of_birth", "setting", "stream", "weekly_cost",
                       "review_due"]
                rows = []
                for p in act:
                    rows.append(["2026-09", p["case_id"], self.fmt_nhs(p["nhs"], 0), self.name(p, "SUR_comma"),
                                 self.dob(p["dob"], "iso"), self.setting_label(p, mdate), self.funding(p),
                                 self.weekly_cost(p), (p["referral"] + dt.timedelta(days=90)).isoformat()])
                    self.cover(p)
                self.w_csv("CSU Data Team/Monthly returns/chc_return_sep26_v2.csv", hdr, rows)
            elif form == "C":
                rows = [["A&T ICB - CHC / FNC / PHB activity return - October 2026 (OFFICIAL-SENSITIVE)"],
                        ["Case ID", "NHS No.", "Name", "D.O.B.", "Setting", "Stream", "Provider", "Hrs/wk", "Weekly cost"]]
                for p in act:
                    prov = p["nh"][0] if (p.get("nh") and (p["setting"] == "nursing_home" or p["setting"] == "moved" and p["moved_on"] < mdate)) else (p["sl"][0] if p.get("sl") else ("PHB - own PAs" if p["phb"] else p["agency"]))
                    rows.append([p["case_id"], p["nhs"] and int(p["nhs"]), self.name(p, "Sur_comma_mi"),
                                 self.dob(p["dob"], "mon"), self.setting_label(p, mdate), self.funding(p), prov,
                                 p["hours"] if not p.get("nh") else "", self.weekly_cost(p)])
                    self.cover(p)
                nh = [x for x in rows[2:] if x[4] == "Care home with nursing"]
                home = [x for x in rows[2:] if x[4] != "Care home with nursing"]
                self.w_xlsx("CSU Data Team/Monthly returns/CHC activity Oct-26.xlsx",
                            [("Community", rows[:2] + home), ("Care homes", rows[:2] + nh),
                             ("Notes", [["Submitted by"], ["%s %s, %s" % (self.S["Senior Data Analyst"][0]["forename"], self.S["Senior Data Analyst"][0]["surname"], CSU)]])])
            else:
                hdr = ["Ref", "NHS", "Family name", "Given names", "Birth date", "Sex", "Status", "End date", "End reason"]
                rows = []
                for p in act:
                    end, why = "", ""
                    if p.get("died"):
                        end, why = self.dob(p["died"], "dmy"), "Deceased"
                    elif p["setting"] == "moved":
                        end, why = self.dob(p["moved_on"], "dmy"), "Package ended - moved to care home"
                    rows.append([p["case_id"], p["nhs"], p["surname"].upper(), " ".join([p["forename"]] + p["middle"]),
                                 self.dob(p["dob"], "dmy"), p["sex"], self.funding(p), end, why])
                    self.cover(p)
                self.w_csv("CSU Data Team/Monthly returns/CHC_Nov26_provisional.csv", hdr, rows)

    def write_national_extract(self):
        hdr = ["ORG_CODE", "LOCAL_PATIENT_ID", "NHS_NUMBER", "PERSON_BIRTH_DATE", "POSTCODE_DISTRICT",
               "REFERRAL_DATE", "CHECKLIST_OUTCOME", "DST_DATE", "ELIGIBILITY", "FAST_TRACK", "PHB_FLAG"]
        rows = []
        for p in self.people:
            if not p["nhs"]:
                continue
            rows.append(["QWX", p["case_id"], p["nhs"], self.dob(p["dob"], "hl7"), p["addr"]["postcode"].split()[0],
                         p["referral"].strftime("%Y%m%d"), "N" if p["outcome"] == "checklist_negative" else "P",
                         "" if p["outcome"] in ("checklist_negative", "pending", "fast_track") else (p["referral"] + dt.timedelta(days=28)).strftime("%Y%m%d"),
                         {"eligible": "E", "not_eligible": "NE", "fast_track": "E", "pending": "", "transition": "",
                          "retrospective": "R", "checklist_negative": ""}[p["outcome"]],
                         "Y" if p["outcome"] == "fast_track" else "N", "Y" if p["phb"] else "N"])
        self.w_csv("CSU Data Team/National dataset/CHC_PLD_QWX_2026Q2.csv", hdr, rows, delim="|")

    def tracker_access(self, p):
        if p["access"] and self.r.random() < 0.75:
            t, k = self.access_phrase(p)
            self.access_written(p, k)
            return t
        if p.get("nh"):
            return "Nursing home - report to nurse in charge"
        if p.get("sl"):
            return "Staffed 24/7 - ring bell"
        if self.r.random() < 0.25:
            return self.r.choice(["Key safe to be fitted - code TBC", "Wife answers door", "Ring and wait, slow to answer",
                                  "Daughter lets carers in", "Code held by office"])
        return ""

    def write_trackers(self):
        r = self.r
        # brokerage tracker xlsx
        hdr = ["Client", "Case ID", "DOB", "Provider", "Start date", "Calls/day", "Hours/wk", "Rate", "Weekly cost",
               "Access / key-safe notes for agency", "Broker", "Status"]
        rows = [["CHC home-care packages - live tracker (brokerage) - DO NOT FORWARD"], hdr]
        homecare = [p for p in self.people if p["setting"] in ("own_home", "family_home", "died", "moved") and not p["phb"]
                    and p["outcome"] not in ("checklist_negative", "not_eligible", "retrospective")]
        for p in homecare:
            status = "Live"
            if p.get("died"):
                status = "Ended - died %s" % self.dob(p["died"], "dmy")
            elif p["setting"] == "moved":
                status = "Ended %s - NH placement" % self.dob(p["moved_on"], "dmy")
            acc = self.tracker_access(p) if status == "Live" else (
                ("Old KS %s - n/a now" % p["old_code"]) if p.get("old_code") else "")
            rows.append([self.name(p, r.choice(["Sur_comma_mi", "SUR_comma", "Sur_comma_full"])), p["case_id"],
                         self.dob(p["dob"], r.choice(["dmy", "mon"])), p["agency"],
                         self.dob(p["referral"] + dt.timedelta(days=r.randint(7, 30)), "dmy"), r.choice([2, 3, 4, 4, "Live-in"]),
                         p["hours"], p["rate"], round(p["hours"] * p["rate"], 2), acc,
                         p["broker"]["forename"], status])
            self.cover(p)
        nh_rows = [["Nursing home placements"], ["Resident", "NHS no", "Home", "Room", "Weekly fee", "Start", "FNC/CHC", "Notes"]]
        for p in self.people:
            if p.get("nh"):
                nh_rows.append([self.name(p, "full"), self.fmt_nhs(p["nhs"]), p["nh"][0], "Rm %d" % r.randint(1, 48),
                                p["nh_fee"], self.dob(p.get("moved_on") or p["referral"], "dmy"), self.funding(p),
                                self.near_miss(p) if r.random() < 0.3 else ""])
                if p["nhs"]:
                    self.cover(p)
        self.w_xlsx("Brokerage/Trackers/Package tracker LIVE.xlsx", [("Home care", rows), ("Nursing", nh_rows)])
        # PHB packages CSV
        hdr = ["phb_ref", "holder_surname", "holder_forename", "nhs_no", "budget_manager", "manager_relationship",
               "annual_budget", "num_pas", "payroll", "support_officer", "notes"]
        rows = []
        for p in self.people:
            if not p["phb"]:
                continue
            mgr = p["nok"] if (p["legal"] != "none" or p["child"]) else None
            note = ""
            if p["access"] and r.random() < 0.4:
                note = self.maybe_access(p)
            elif r.random() < 0.3:
                note = self.near_miss()
            rows.append(["PHB-%05d" % r.randint(10000, 99999), p["surname"], p["forename"], p["nhs"],
                         "%s %s" % (mgr["forename"], mgr["surname"]) if mgr else "Self",
                         mgr["relation"] if mgr else "", round(p["hours"] * p["rate"] * 52, 2), len(p["pas"]),
                         PAYROLL, p["phb_officer"]["forename"] + " " + p["phb_officer"]["surname"], note])
            if p["nhs"]:
                self.cover(p)
        self.w_csv("PHB Support/phb_packages_register.csv", hdr, rows)

    def write_pa_and_payroll(self):
        r = self.r
        phb = [p for p in self.people if p["phb"]]
        # timesheets: 2 xlsx + 2 csv, each for a few employers
        chunks = [phb[i::4] for i in range(4)]
        for ci, ch in enumerate(chunks):
            if not ch:
                continue
            if ci % 2 == 0:
                sheets = []
                for p in ch:
                    emp = p["nok"] if (p["legal"] != "none" or p["child"]) else p
                    rows = [["PA timesheet - 4 weeks ending 25/10/2026"],
                            ["Employer", "%s %s" % (emp["forename"], emp["surname"]) if emp is not p else self.name(p, "title_full")],
                            ["Care for", self.name(p, "full")],
                            [],
                            ["Date", "PA", "Start", "Finish", "Hours", "Signed (employer)"]]
                    d0 = dt.date(2026, 9, 28)
                    for k in range(10):
                        pa = r.choice(p["pas"])
                        day = d0 + dt.timedelta(days=k * 3)
                        st = r.choice([7, 8, 9, 13, 17])
                        hrs = r.choice([3, 4, 6, 8])
                        rows.append([day.strftime("%d/%m/%Y"), "%s %s" % (pa["forename"], pa["surname"]),
                                     "%02d:00" % st, "%02d:00" % (st + hrs), hrs, emp["forename"][0] + emp["surname"][0]])
                    sheets.append(("%s %s" % (p["surname"][:20], p["forename"][0]), rows))
                self.w_xlsx("PHB Support/Timesheets/PA timesheets Oct batch %d.xlsx" % (ci // 2 + 1), sheets)
            else:
                rows = []
                for p in ch:
                    for k in range(6):
                        pa = r.choice(p["pas"])
                        rows.append([p["surname"], p["forename"], "%s %s" % (pa["forename"], pa["surname"]),
                                     (dt.date(2026, 10, 5) + dt.timedelta(days=k * 4)).isoformat(),
                                     r.choice([3, 4, 5.5, 8]), r.choice(["", "", "sleep-in", "waking night"])])
                self.w_csv("PHB Support/Timesheets/timesheets_wk41-44_%d.csv" % ci,
                           ["employer_surname", "employer_forename", "pa_name", "shift_date", "hours", "shift_type"], rows)
        # payroll bureau export
        rows = []
        for p in phb:
            emp = p["nok"] if (p["legal"] != "none" or p["child"]) else p
            for pa in p["pas"]:
                rows.append(["ER%05d" % (p["pid"] * 37 % 99991), "%s, %s" % (emp["surname"], emp["forename"]),
                             "%s %s" % (pa["forename"], pa["surname"]),
                             "QQ%02d%02d%02dC" % (r.randint(10, 99), r.randint(10, 99), r.randint(10, 99)),
                             "%.2f" % (r.randint(380, 2100) + r.random()), "1257L", "M07"])
        self.w_csv("PHB Support/Payroll/ClearPay_export_M07.csv",
                   ["employer_ref", "employer_name", "employee_name", "ni_number", "gross_pay", "tax_code", "period"], rows)
        # recruitment advert (no person identifiable)
        if phb:
            p = phb[0]
            adv = ("PERSONAL ASSISTANT WANTED - %s area\n\n"
                   "A friendly %s in their %ds who loves football and music is looking for two PAs to support "
                   "them at home, mornings and some evenings. Moving and handling training given. GBP 13.20/hr, paid via %s.\n"
                   "No experience needed - just kindness and reliability.\n\n"
                   "Contact Keystone PHB Support on 07700 900%03d quoting ref PA-ADV-%03d. Enhanced DBS required.\n"
                   % (p["addr"]["town"], "man" if p["sex"] == "M" else "woman", (2026 - p["dob"].year) // 10 * 10,
                      PAYROLL, r.randint(0, 999), r.randint(1, 400)))
            self.w_text("PHB Support/Recruitment/PA advert draft.txt", adv)

    def write_invoices(self):
        r = self.r
        for ai, ag in enumerate(AGENCIES[:4]):
            clients = [p for p in self.people if p["agency"] == ag and not p["phb"] and p["setting"] in ("own_home", "family_home", "died", "moved")
                       and p["outcome"] in ("eligible", "fast_track", "pending", "transition")]
            if not clients:
                continue
            inv = "INV-%06d" % r.randint(100000, 999999)
            rows = []
            for p in clients:
                hrs = round(p["hours"] * 4, 1)
                # providers often have no NHS number
                rows.append([inv, self.name(p, "full" if ai % 2 else "SUR_comma"),
                             self.dob(p["dob"], "dmy") if ai != 2 else "",
                             p["case_id"] if ai == 2 else "", hrs, p["rate"], round(hrs * p["rate"], 2)])
                if ai != 2:
                    self.cover(p)
            hdr = ["Invoice", "Service user", "DOB", "ICB ref", "Hours delivered", "Rate", "Amount"]
            if ai % 2 == 0:
                self.w_csv("Brokerage/Invoices/%s %s Oct26.csv" % (ag.split()[0], inv), hdr, rows)
            else:
                self.w_xlsx("Brokerage/Invoices/%s_invoice_%s.xlsx" % (ag.split()[0], inv),
                            [("Invoice", [["%s - invoice to %s" % (ag, ICB)], ["Period 01/10/2026 - 31/10/2026"], hdr] + rows)])

    def write_hl7(self):
        r = self.r
        ward = [p for p in self.people if p["from_ward"] and p["setting"] != "supported_living"]
        r.shuffle(ward)
        chosen = ward[:5]
        for k, p in enumerate(chosen):
            ts = dt.datetime.combine(p["referral"], dt.time(r.randint(9, 17), r.randint(0, 59)))
            nok = p["nok"]
            cons = r.choice(self.S["Consultant"])
            hc = "TGH" if p["hospital"].startswith("Tess") else "ARI"
            pid3 = ("%s^^^NHS^NH~%s^^^%s^MR" % (p["nhs"], "RX%06d" % r.randint(0, 999999), hc)) if p["nhs"] else ("RX%06d^^^%s^MR" % (r.randint(0, 999999), hc))
            mid = " ".join(p["middle"])
            segs = [
                "MSH|^~\\&|PAS|%s|CHCREF|ATICB|%s||ADT^A03^ADT_A03|MSG%06d|P|2.4" % (
                    "TGH" if p["hospital"].startswith("Tess") else "ARI", ts.strftime("%Y%m%d%H%M"), r.randint(0, 999999)),
                "EVN|A03|%s" % ts.strftime("%Y%m%d%H%M"),
                "PID|1||%s||%s^%s^%s^^%s||%s|%s|||%s^^%s^^%s||%s" % (
                    pid3, p["surname"].upper(), p["forename"], mid, p["title"], self.dob(p["dob"], "hl7"), p["sex"],
                    p["addr"]["line"], p["addr"]["town"], p["addr"]["postcode"], p["addr"].get("phone", "")),
                "NK1|1|%s^%s|%s|||%s" % (nok["surname"].upper(), nok["forename"], nok["relation"].upper()[:3], nok["phone"]),
                "PV1|1|I|%s^^^%s||||%s^%s^%s^^^Dr|||||||||||%s" % (
                    p["ward"].split(" (")[0], p["hospital"], "C%05d" % r.randint(0, 99999),
                    cons["surname"].upper(), cons["forename"], "V%07d" % r.randint(0, 9999999)),
                "PV2|||^Discharged to %s" % ("usual residence with CHC package" if p["setting"] in ("own_home", "family_home") else "nursing home"),
            ]
            notes = ["Diagnosis: %s. CHC %s completed on ward by %s %s (discharge co-ordinator)." % (
                p["condition"], "Fast Track" if p["outcome"] == "fast_track" else "Checklist", p["dc"]["forename"], p["dc"]["surname"])]
            if p["access"] and r.random() < 0.6:
                notes.append("Home: " + self.maybe_access(p))
            elif p["setting"] == "moved" and p.get("old_code"):
                notes.append(self.near_miss(p))
            else:
                notes.append(r.choice(["Equipment: hospital bed, hoist, pressure mattress delivered before discharge.",
                                       "TTO 14 days. Just in Case medicines prescribed.",
                                       "Lives with %s. Stairs: bed downstairs." % nok["relation"]]))
            for i, nt in enumerate(notes, 1):
                segs.append("NTE|%d||%s" % (i, nt.replace("|", "/")))
            segs.append("OBX|1|TX|DISSUM^Discharge summary||%s||||||F" % (
                "Admitted with %s. Needs 2 carers for transfers. DNACPR in place: %s." % (
                    r.choice(["aspiration pneumonia", "fall and reduced mobility", "UTI and delirium", "seizures"]),
                    r.choice(["yes", "no"]))))
            self.cover(p)
            self.w_text("Shared Drive/Hospital discharges/ADT_%s_%d.hl7" % (ts.strftime("%Y%m%d"), k + 1), "\r".join(segs) + "\r")

    def write_fhir(self):
        r = self.r
        ward = [p for p in self.people if p["from_ward"]]
        r.shuffle(ward)
        for k, p in enumerate(ward[:4]):
            nok = p["nok"]
            pat = {"resourceType": "Patient", "id": "pat-%d" % k,
                   "name": [{"use": "official", "family": p["surname"], "given": [p["forename"]] + p["middle"],
                             "prefix": [p["title"]]}],
                   "gender": "male" if p["sex"] == "M" else "female",
                   "birthDate": p["dob"].isoformat(),
                   "address": [{"line": [p["addr"]["line"]], "city": p["addr"]["town"], "postalCode": p["addr"]["postcode"]}]}
            if p["nhs"]:
                pat["identifier"] = [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": p["nhs"]}]
            if p.get("prev_surname"):
                pat["name"].append({"use": "maiden", "family": p["prev_surname"], "given": [p["forename"]]})
            dc = p["dc"]
            sec_text = "Discharged %s to %s. Condition: %s. Referred to ICB CHC team for %s." % (
                self.dob(p["referral"], "long"),
                "home" if p["setting"] in ("own_home", "family_home", "died") else "nursing home",
                p["condition"], "Fast Track" if p["outcome"] == "fast_track" else "full assessment")
            if p["access"] and r.random() < 0.5:
                sec_text += " Access for community staff: " + self.maybe_access(p) + "."
            bundle = {"resourceType": "Bundle", "type": "document", "timestamp": p["referral"].isoformat() + "T16:20:00Z",
                      "entry": [
                          {"resource": {"resourceType": "Composition", "status": "final",
                                        "title": "Discharge summary", "subject": {"reference": "Patient/pat-%d" % k},
                                        "author": [{"reference": "Practitioner/pr-%d" % k, "display": "%s %s" % (dc["forename"], dc["surname"])}],
                                        "section": [{"title": "Plan", "text": {"status": "generated",
                                                                              "div": "<div xmlns=\"http://www.w3.org/1999/xhtml\">%s</div>" % sec_text}}]}},
                          {"resource": pat},
                          {"resource": {"resourceType": "Practitioner", "id": "pr-%d" % k,
                                        "name": [{"family": dc["surname"], "given": [dc["forename"]]}]}},
                          {"resource": {"resourceType": "RelatedPerson", "patient": {"reference": "Patient/pat-%d" % k},
                                        "relationship": [{"text": nok["relation"]}],
                                        "name": [{"family": nok["surname"], "given": [nok["forename"]]}],
                                        "telecom": [{"system": "phone", "value": nok["phone"]}]}},
                      ]}
            self.cover(p)
            with open(self.path("Shared Drive/Hospital discharges/discharge_%s_%s.json" % (p["case_id"], k)), "w") as f:
                json.dump(bundle, f, indent=2, ensure_ascii=False)

    def write_case_html(self):
        r = self.r
        pool = [p for p in self.people if p["outcome"] != "checklist_negative"]
        r.shuffle(pool)
        for k, p in enumerate(pool[:6]):
            esc = lambda s: s.replace("&", "&amp;").replace("<", "&lt;")
            notes = []
            d = p["referral"]
            for j in range(r.randint(3, 6)):
                d = d + dt.timedelta(days=r.randint(3, 20))
                who = r.choice([p["assessor"], p["broker"], self.S["CHC Administrator"][0]])
                txt = r.choice([
                    "Spoke with %s %s (%s) re package. Happy with plan." % (p["nok"]["forename"], p["nok"]["surname"], p["nok"]["relation"]),
                    "Referral received from %s." % (p["hospital"] if p["from_ward"] else p["gp_practice"]),
                    "Checklist positive - full DST booked.",
                    "Provider %s confirmed start." % p["agency"],
                    self.near_miss(p),
                    "Review due %s." % self.dob(d + dt.timedelta(days=90), "dmy"),
                ])
                if j == 1 and p["access"]:
                    txt = "Access alert updated: " + self.maybe_access(p)
                notes.append("<tr><td>%s</td><td>%s %s</td><td>%s</td></tr>" % (d.strftime("%d/%m/%Y"), who["forename"], who["surname"], esc(txt)))
            banner = ("<table class=\"banner\"><tr><td>Name</td><td>%s</td><td>DOB</td><td>%s</td><td>NHS No</td><td>%s</td></tr>"
                      "<tr><td>Case ID</td><td>%s</td><td>Setting</td><td>%s</td><td>Assessor</td><td>%s %s</td></tr></table>") % (
                esc(self.name(p, "SUR_comma")), self.dob(p["dob"], "dmy"), self.fmt_nhs(p["nhs"]) or "not recorded", p["case_id"],
                self.setting_label(p), p["assessor"]["forename"], p["assessor"]["surname"])
            html = ("<!DOCTYPE html><html><head><title>CareTrack CHC - %s</title></head><body>"
                    "<h1>CareTrack - Continuing Care record</h1>%s<h2>Contacts</h2><dl><dt>Next of kin</dt><dd>%s %s (%s) %s</dd>"
                    "<dt>Legal</dt><dd>%s</dd></dl><h2>Case notes</h2><table><tr><th>Date</th><th>Author</th><th>Note</th></tr>%s</table>"
                    "</body></html>") % (p["case_id"], banner, p["nok"]["forename"], p["nok"]["surname"], p["nok"]["relation"], p["nok"]["phone"],
                                         p["legal"], "".join(notes))
            self.cover(p)
            self.w_text("Case system export/html/%s.html" % p["cm_id"], html)

    def write_case_json(self):
        r = self.r
        pool = [p for p in self.people if p["outcome"] not in ("checklist_negative",)]
        r.shuffle(pool)
        for part in range(2):
            cases = []
            for p in pool[part * 12:(part + 1) * 12]:
                c = {"caseId": p["case_id"], "clientId": p["cm_id"],
                     "person": {"surname": p["surname"], "forenames": " ".join([p["forename"]] + p["middle"]),
                                "dob": self.dob(p["dob"], "iso"), "nhsNumber": p["nhs"] or None},
                     "stream": self.funding(p), "setting": self.setting_label(p),
                     "contacts": [{"name": "%s %s" % (q["forename"], q["surname"]), "relationship": q["relation"], "phone": q["phone"]} for q in p["rels"]],
                     "alerts": [], "notes": []}
                if p["access"] and r.random() < 0.6:
                    c["alerts"].append({"type": "Home access", "text": self.maybe_access(p)})
                if p.get("old_code"):
                    c["alerts"].append({"type": "Closed address", "text": self.near_miss(p)})
                c["notes"].append({"date": p["referral"].isoformat(), "author": "%s %s" % (p["assessor"]["forename"], p["assessor"]["surname"]),
                                   "text": "Case opened. %s." % p["condition"].capitalize()})
                cases.append(c)
                self.cover(p)
            with open(self.path("Case system export/json/caretrack_export_%d.json" % (part + 1)), "w") as f:
                json.dump({"exported": "2026-11-27T18:02:11Z", "system": "CareTrack 4.2", "cases": cases}, f, indent=1, ensure_ascii=False)

    @staticmethod
    def their(p, rel):
        """what the relative calls the person"""
        m = p["sex"] == "M"
        return {"son": "father" if m else "mother", "daughter": "father" if m else "mother",
                "wife": "husband", "husband": "wife", "niece": "uncle" if m else "aunt", "nephew": "uncle" if m else "aunt",
                "brother": "brother" if m else "sister", "sister": "brother" if m else "sister",
                "mother": "son" if m else "daughter", "father": "son" if m else "daughter",
                "grandson": "grandfather" if m else "grandmother"}.get(rel["relation"], "friend")

    def sig(self, s):
        return "%s %s\n%s" % (s["forename"], s["surname"], s["role"])

    def write_emails(self):
        r = self.r
        S = self.S
        when0 = dt.datetime(2026, 9, 1, 9, 12, tzinfo=dt.timezone.utc)
        homecare = [p for p in self.people if p["setting"] in ("own_home", "family_home") and not p["phb"]
                    and p["outcome"] in ("eligible", "fast_track", "pending", "transition")]
        r.shuffle(homecare)
        # 1-4 referral e-mails to many providers with a docx referral attached
        for k, p in enumerate(homecare[:4]):
            b = p["broker"]
            to = ["%s <referrals@%s.example>" % (a, a.split()[0].lower()) for a in AGENCIES]
            body = ("Good morning all,\n\nPlease see attached referral for a %s package, %s calls per day, %s hours per week, "
                    "%s area (%s). Start ASAP - %s.\n\nPlease respond by 3pm with capacity and start date. Rate cap GBP %.2f/hr.\n\n"
                    "Kind regards\n%s\nBrokerage Officer, %s\n%s" % (
                        "Fast Track" if p["outcome"] == "fast_track" else "CHC", r.choice([2, 3, 4]), p["hours"], p["addr"]["town"],
                        p["addr"]["postcode"].split()[0], "end of life" if p["outcome"] == "fast_track" else "hospital discharge pending",
                        p["rate"], self.name(b, "full"), ICB_SHORT, b["phone"]))
            acc = self.maybe_access(p) or self.near_miss()
            att = self.docx_bytes([("h", "Brokerage referral - %s" % p["case_id"]),
                                   ("table", [["Name", self.name(p, "title_full")], ["Date of birth", self.dob(p["dob"], "long")],
                                              ["NHS number", self.fmt_nhs(p["nhs"]) or "awaited"],
                                              ["Address", "%s, %s %s" % (p["addr"]["line"], p["addr"]["town"], p["addr"]["postcode"])],
                                              ["Diagnosis", p["condition"]], ["Next of kin", "%s %s (%s) %s" % (p["nok"]["forename"], p["nok"]["surname"], p["nok"]["relation"], p["nok"]["phone"])],
                                              ["Access", acc], ["GP", "%s %s, %s" % (p["gp"]["title"], p["gp"]["surname"], p["gp_practice"])]]),
                                   "Moving and handling: %s." % r.choice(["hoist and 2 carers", "stand aid, 1 carer", "slide sheets, 2 carers"]),
                                   "Referrer: %s" % self.name(b, "full")])
            self.cover(p)
            self.w_eml("Brokerage/Mail/Referral %s %d.eml" % (p["case_id"], k), "%s <%s>" % (self.name(b, "full"), b["email"]), to,
                       "URGENT package request %s - %s" % (p["addr"]["town"], p["case_id"]), body,
                       dt.datetime.combine(p["referral"] + dt.timedelta(days=1), dt.time(9, 12 + k), tzinfo=dt.timezone.utc),
                       attachments=[("Referral_%s.docx" % p["case_id"], att, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")])
        # 5-6 provider responses
        for k, p in enumerate(homecare[4:6]):
            mgr = p["agency_mgr"]
            body = ("Hi %s,\n\nWe can pick up %s (%s) from %s. Our co-ordinator %s %s will ring %s %s to arrange the first call.\n"
                    "%s\n\nThanks\n%s\nRegistered Manager, %s" % (
                        p["broker"]["forename"], self.name(p, "full"), self.dob(p["dob"], "dmy"),
                        self.dob(p["referral"] + dt.timedelta(days=12), "long"), p["coord"]["forename"], p["coord"]["surname"],
                        p["nok"]["relation"], p["nok"]["forename"],
                        ("Can you confirm access is still: " + self.maybe_access(p) + "?") if p["access"] else "Can you confirm whether a key safe is being fitted?",
                        self.name(mgr, "full"), p["agency"]))
            self.cover(p)
            self.w_eml("Brokerage/Mail/RE package request %s.eml" % p["case_id"], "%s <%s>" % (self.name(mgr, "full"), mgr["email"]),
                       "%s <%s>" % (self.name(p["broker"], "full"), p["broker"]["email"]), "RE: URGENT package request - %s" % p["case_id"], body,
                       dt.datetime.combine(p["referral"] + dt.timedelta(days=3), dt.time(14, 20 + k), tzinfo=dt.timezone.utc))
        # 7 weekly starts e-mail with CSV attachment
        rows = io.StringIO()
        w = csv.writer(rows)
        w.writerow(["Client", "DOB", "Provider", "Start", "Access"])
        for p in homecare[6:14]:
            w.writerow([self.name(p, "Fn_SUR"), self.dob(p["dob"], "iso"), p["agency"], self.dob(p["referral"] + dt.timedelta(days=15), "dmy"),
                        self.tracker_access(p)])
            self.cover(p)
        b = S["Brokerage Officer"][0]
        self.w_eml("Brokerage/Mail/Weekly starts wc 12 Oct.eml", "%s <%s>" % (self.name(b, "full"), b["email"]),
                   ["chc.team@nhs.net"], "Package starts w/c 12/10", "Team - starts this week attached. %s\n\n%s" % (self.near_miss(), self.name(b, "full")),
                   dt.datetime(2026, 10, 12, 8, 5, tzinfo=dt.timezone.utc), attachments=[("starts_wc1210.csv", rows.getvalue().encode(), "text/csv")])
        # 8-9 solicitor e-mails
        sol = [p for p in self.people if p["solicitor"]]
        for k, p in enumerate(sol[:2]):
            firm, st = p["solicitor"]
            body = ("Dear Sir/Madam,\n\nOur client: %s\nOur ref: %s/%s\n\nWe act for %s %s, %s of the above named, "
                    "date of birth %s, in respect of a retrospective claim for NHS Continuing Healthcare for the period %s to %s.\n"
                    "Please confirm receipt and provide the case reference.\n\nYours faithfully\n%s\n%s, %s" % (
                        self.name(p, "title_full") + (" (deceased)" if p.get("died") else ""), st["surname"][:3].upper(), r.randint(1000, 9999), p["nok"]["forename"], p["nok"]["surname"],
                        p["nok"]["relation"], self.dob(p["dob"], "long"), "1 April 2019", "30 June 2021", self.name(st, "full"), st["role"], firm)) \
                if p["outcome"] == "retrospective" else (
                    "Dear CHC Team,\n\nRe: %s, NHS number %s\n\nWe are instructed by %s %s (%s) to appeal the decision that our client is not eligible. "
                    "We request a copy of the DST and the evidence relied on by the panel.\n\n%s\n%s\n%s" % (
                        self.name(p, "full"), self.fmt_nhs(p["nhs"]) or "[not known to us]", p["nok"]["forename"], p["nok"]["surname"],
                        p["nok"]["relation"], self.name(st, "full"), st["role"], firm))
            if p["nhs"] or p["outcome"] == "retrospective":
                self.cover(p)
            self.w_eml("Appeals/Mail/%s %s.eml" % (firm.split()[0], p["case_id"]), "%s <%s>" % (self.name(st, "full"), st["email"]),
                       "chc.appeals@nhs.net", "Continuing Healthcare - %s" % self.name(p, "full"), body,
                       dt.datetime(2026, 9, 20 + k, 11, 0, tzinfo=dt.timezone.utc))
        # 10 family e-mail
        fam = [p for p in self.people if p["legal"] != "none" and p["setting"] in ("own_home", "family_home")]
        for k, p in enumerate(fam[:2]):
            n = p["nok"]
            acc = self.maybe_access(p, 0.7)
            body = ("Hello %s,\n\nI'm writing about my %s %s. The carers missed the lunch call twice last week and %s was left "
                    "without a drink. I hold the LPA for health and welfare so please speak to me. %s\n\nAlso - %s\n\nThanks, %s" % (
                        p["assessor"]["forename"], self.their(p, n),
                        self.name(p, "full"), "he" if p["sex"] == "M" else "she", ("For the record: " + acc + ".") if acc else "",
                        r.choice(["the payroll PIN letter never arrived.", "the new hoist is too big for the bedroom.",
                                  "who is the key worker now?"]), n["forename"]))
            self.w_eml("Assessors/Mail/Family email %s.eml" % p["case_id"], "%s %s <%s.%s@mail.example>" % (n["forename"], n["surname"], n["forename"].lower(), n["surname"].lower().replace("'", "").replace(" ", "")),
                       "%s <%s>" % (self.name(p["assessor"], "full"), p["assessor"]["email"]), "Care for %s" % p["forename"], body,
                       dt.datetime(2026, 10, 2 + k, 21, 40, tzinfo=dt.timezone.utc))

    # --- free text ----------------------------------------------------------
    def visit_entry(self, p, d, who):
        r = self.r
        nm = self.rname(p)
        head = r.choice(["%s - home visit to %s" % (d.strftime("%d/%m/%Y"), nm),
                         "%s %s: %s" % (d.strftime("%d.%m.%y"), r.choice(["Visit", "Tel", "Joint visit"]), nm),
                         "%s  %s" % (d.strftime("%a %d %b"), nm)])
        if r.random() < 0.55:
            head += r.choice([" (DOB %s)" % self.rdob(p), ", DOB %s" % self.rdob(p), " d.o.b. %s" % self.rdob(p),
                              " NHS %s" % self.fmt_nhs(p["nhs"], r.randint(0, 2)) if p["nhs"] else " (%s)" % self.rdob(p)])
            self.cover(p)  # every form rname gives holds forename and surname
        else:
            head += " [%s]" % p["case_id"]
        n = p["nok"]
        setting = ("at home" if p["setting"] in ("own_home", "family_home", "died") or
                   p["setting"] == "moved" and d < p["moved_on"] else
                   "at %s" % p["nh"][0] if p.get("nh") else "at %s" % p["sl"][0] if p.get("sl") else "at home")
        body = [r.choice([
            "Seen %s with %s %s (%s) present. %s." % (setting, n["forename"], n["surname"], n["relation"], p["condition"].capitalize()),
            "%s seen %s. %s present for part. Known %s." % (p["forename"], setting, n["relation"].capitalize(), p["condition"]),
        ])]
        body.append(r.choice([
            "Weight down 3kg since last review; now on fortified diet and SALT advice (level 4 puree).",
            "Two falls in the past month despite sensor mat. Needs 2 for all transfers with hoist.",
            "Nocturnal agitation most nights, wandering to the front door; wife exhausted.",
            "PEG feeds overnight, family trained. Grade 2 sore to sacrum, district nurses dressing.",
            "Breathing more laboured, NIV at night. Secretions managed with hyoscine patch.",
            "Seizure diary shows 4-6 tonic-clonic a week; rescue buccal midazolam held at home.",
            "Capacity assessed re care decisions: lacks capacity; best interests with family.",
            "Catheter blocked twice; continence nurse to review. Skin intact.",
        ]))
        if r.random() < 0.4:
            body.append(self.maybe_access(p) or self.near_miss(p))
        elif r.random() < 0.3:
            body.append(self.near_miss(p))
        body.append(r.choice(["Plan: DST to panel.", "Plan: review in 3 months.", "Plan: brokerage to source extra night care.",
                              "Plan: refer to Keystone re PHB.", "Plan: letter to GP.", "Plan: %s to action." % self.name(who, "first")]))
        return head + "\n" + " ".join(b for b in body if b)

    def write_assessor_notes(self):
        r = self.r
        for ai, a in enumerate(self.S["CHC Nurse Assessor"]):
            mine = [p for p in self.people if p["assessor"] is a]
            if not mine:
                continue
            entries = []
            d = dt.date(2026, 9, 1)
            for p in mine + r.sample(mine, min(3, len(mine))):
                d = d + dt.timedelta(days=r.randint(0, 3))
                entries.append(self.visit_entry(p, d, a))
            txt = "Case notes - %s %s, CHC Nurse Assessor, %s\nPeriod: September - November 2026\n\n" % (a["forename"], a["surname"], ICB_SHORT)
            sep = r.choice(["\n\n", "\n----\n", "\n\n* * *\n\n"])
            txt += sep.join(entries) + "\n"
            ext = r.choice(["txt", "txt", "md", "log"])
            self.w_text("Assessors/%s %s/casenotes_%s.%s" % (a["forename"], a["surname"], "autumn26", ext), txt, crlf=(ai % 3 == 0))

    DOMAINS = ["Behaviour", "Cognition", "Psychological and emotional needs", "Communication", "Mobility",
               "Nutrition", "Continence", "Skin integrity", "Breathing", "Drug therapies and medication",
               "Altered states of consciousness"]

    def write_dst(self):
        r = self.r
        pool = [p for p in self.people if p["outcome"] in ("eligible", "not_eligible", "pending", "transition")]
        r.shuffle(pool)
        for k, p in enumerate(pool[:9]):
            lines = ["DECISION SUPPORT TOOL - DOMAIN WRITE-UP (DRAFT FOR PANEL)", ""]
            lines.append("Individual: %s" % self.name(p, r.choice(["full_mid", "title_full", "Sur_comma_full"])))
            lines.append("Date of birth: %s    NHS number: %s" % (self.rdob(p), self.fmt_nhs(p["nhs"]) or "not held"))
            lines.append("CHC ref: %s" % p["case_id"])
            lines.append("MDT present: %s %s (CHC assessor), %s %s (%s), %s %s (%s)%s" % (
                p["assessor"]["forename"], p["assessor"]["surname"], p["coord"]["forename"], p["coord"]["surname"], p["agency"],
                p["nok"]["forename"], p["nok"]["surname"], p["nok"]["relation"],
                (", %s %s (IMCA, %s)" % (p["advocate"]["forename"], p["advocate"]["surname"], ADVOCACY)) if p["advocate"] else ""))
            lines.append("")
            for dom in r.sample(self.DOMAINS, 6):
                lvl = r.choice(["No needs", "Low", "Moderate", "High", "Severe", "Priority"])
                txt = {
                    "Behaviour": "%s can become verbally aggressive during personal care, striking out at carers two to three times a week. Two carers and a calm approach needed." % p["forename"],
                    "Cognition": "Disorientated to time and place; does not recognise %s on some days. Cannot retain information about risk." % p["nok"]["relation"],
                    "Mobility": "Hoisted for all transfers; unable to weight bear. High falls risk when agitated.",
                    "Nutrition": "Level 4 puree, thickened fluids. Coughing on fluids; aspiration pneumonia in June.",
                    "Continence": "Doubly incontinent; catheter in situ since admission.",
                    "Skin integrity": "Category 2 pressure ulcer to left heel, healing. Repositioned 4-hourly.",
                    "Breathing": "Nocturnal NIV; desaturates when lying flat.",
                    "Drug therapies and medication": "Complex regime including apomorphine pump; timing critical. Family administer evening doses.",
                    "Altered states of consciousness": "Absences daily, tonic-clonic seizures weekly, buccal midazolam given by family twice this month.",
                    "Communication": "Uses gestures and a few words; communication passport in place.",
                    "Psychological and emotional needs": "Low mood, tearful; withdrawn when %s is not visiting." % p["nok"]["forename"],
                }[dom]
                lines.append("%s - %s\n%s" % (dom.upper(), lvl, txt))
                lines.append("")
            lines.append("Recommendation: %s" % ("primary health need" if p["outcome"] in ("eligible", "transition") else "no primary health need" if p["outcome"] == "not_eligible" else "to panel"))
            lines.append("Family view: %s %s %s with the levels recorded." % (p["nok"]["forename"], p["nok"]["surname"], r.choice(["agrees", "disagrees", "partly agrees"])))
            if p["access"] and r.random() < 0.3:
                lines.append("Practical: " + self.maybe_access(p))
            lines.append("\nAuthor: %s %s RN, CHC Nurse Assessor" % (p["assessor"]["forename"], p["assessor"]["surname"]))
            self.cover(p)
            self.w_text("Assessors/DST write-ups/DST_%s_%s.txt" % (p["case_id"], p["surname"].replace("'", "").replace(" ", "")), "\n".join(lines))

    def write_checklists(self):
        r = self.r
        pool = [p for p in self.people if p["outcome"] in ("checklist_negative", "not_eligible", "pending")]
        r.shuffle(pool)
        for k in range(4):
            grp = pool[k::4][:8]
            if not grp:
                continue
            a = self.S["CHC Nurse Assessor"][k % len(self.S["CHC Nurse Assessor"])]
            lines = ["CHC Checklist screening - outcomes log", "Screener: %s %s" % (a["forename"], a["surname"]), ""]
            for p in grp:
                res = "NEGATIVE - no further assessment" if p["outcome"] == "checklist_negative" else "POSITIVE - refer for full assessment"
                where = p["hospital"] + " " + p["ward"] if p["from_ward"] else p["gp_practice"]
                line = "%s  %s, %s  %s  Referred by: %s (%s). Checklist: %s. A=%d B=%d C=%d." % (
                    self.dob(p["referral"], "dmy"), p["surname"].upper(), p["forename"], self.dob(p["dob"], r.choice(["dmy", "mon"])),
                    self.name(p["dc"] if p["from_ward"] else p["gp"], "full"), where, res, r.randint(0, 3), r.randint(1, 6), r.randint(0, 5))
                if r.random() < 0.3:
                    line += " Family informed: %s %s (%s)." % (p["nok"]["forename"], p["nok"]["surname"], p["nok"]["relation"])
                if p["outcome"] == "checklist_negative":
                    line += " Signposted to council ASC for care needs assessment."
                lines.append(line)
                self.cover(p)
            self.w_text("Assessors/Checklists/checklist_log_%d.txt" % (k + 1), "\n".join(lines) + "\n")

    def write_panel_minutes(self):
        r = self.r
        S = self.S
        pool = [p for p in self.people if p["outcome"] in ("eligible", "not_eligible", "pending", "transition", "retrospective")]
        r.shuffle(pool)
        for k in range(4):
            grp = pool[k::4][:9]
            date = dt.date(2026, 8 + k, 10 + k)
            present = [S["Panel Chair"][0], S["Clinical Lead, CHC"][0]] + S["Senior Social Worker (panel member)"][:1] + \
                [S["Finance and Contracts Manager"][0], S["CHC Administrator"][k % 2]]
            L = ["CHC CLINICAL COMMISSIONING PANEL - MINUTES", "Date: %s  Venue: Calder Point, Room 4.12 / Teams" % self.dob(date, "long"),
                 "Present: " + ", ".join("%s %s (%s)" % (s["forename"], s["surname"], s["role"]) for s in present),
                 "Apologies: %s %s" % (S["CHC Nurse Assessor"][k]["forename"], S["CHC Nurse Assessor"][k]["surname"]), "",
                 "1. Minutes of last meeting agreed.", "2. Room 4.12 door code changed - ask admin (not minuted).", "3. Cases", ""]
            for i, p in enumerate(grp, 1):
                style = r.choice(["id", "name", "name_dob", "initials"])
                if style == "id":
                    who = "%s (%s, %s)" % (p["case_id"], p["sex"], 2026 - p["dob"].year)
                elif style == "name":
                    who = self.name(p, "title_full")
                elif style == "initials":
                    who = "%s%s - %s" % (p["forename"][0], p["surname"][0], p["case_id"])
                else:
                    who = "%s, DOB %s" % (self.name(p, "full"), self.dob(p["dob"], "dmy"))
                    self.cover(p)
                a = p["assessor"]
                dec = {"eligible": "Eligible - CHC funding agreed from %s." % self.dob(p["referral"] + dt.timedelta(days=30), "dmy"),
                       "not_eligible": "Not eligible. Panel did not find a primary health need; FNC to continue where applicable.",
                       "pending": "Deferred - further evidence needed from %s (%s)." % (self.name(p["gp"], "title"), p["gp_practice"]),
                       "transition": "Transition case - eligible from 18th birthday, %s." % self.dob(p["dob"].replace(year=p["dob"].year + 18), "long"),
                       "retrospective": "Retrospective period reviewed; refund of care fees agreed for part of period."}[p["outcome"]]
                L.append("3.%d %s\nPresented by %s %s. %s. Domains: %s. %s%s" % (
                    i, who, a["forename"], a["surname"], p["condition"].capitalize(),
                    ", ".join("%s %s" % (d_, r.choice(["H", "S", "M", "P"])) for d_ in r.sample(self.DOMAINS, 4)), dec,
                    " %s to write to %s %s." % (a["forename"], p["nok"]["forename"], p["nok"]["surname"]) if r.random() < 0.5 else ""))
                L.append("")
            L.append("4. AOB: %s" % self.near_miss())
            L.append("Next panel: %s" % self.dob(date + dt.timedelta(days=28), "long"))
            self.w_text("Panel/Minutes/Panel minutes %s.%s" % (date.isoformat(), "txt" if k % 2 else "md"), "\n".join(L) + "\n")

    def write_brokerage_logs(self):
        r = self.r
        for bi, b in enumerate(self.S["Brokerage Officer"]):
            mine = [p for p in self.people if p["broker"] is b and p["outcome"] in ("eligible", "fast_track", "transition", "pending")
                    and p["setting"] not in ("supported_living",)]
            if not mine:
                continue
            L = ["Brokerage log - %s %s" % (b["forename"], b["surname"]), ""]
            d = dt.date(2026, 9, 1)
            for p in mine:
                d += dt.timedelta(days=r.randint(0, 2))
                t = dt.time(r.randint(8, 16), r.choice([0, 5, 15, 20, 35, 45, 50]))
                ref = r.choice([p["case_id"], self.name(p, "title"), self.name(p, "SUR_comma"), self.name(p, "full")])
                L.append("%s %s  %s - referral out to %s. %s" % (
                    d.strftime("%d/%m"), t.strftime("%H:%M"), ref, ", ".join(r.sample(AGENCIES, 3)),
                    r.choice(["Nothing back yet.", "Chased.", "Fast Track - escalated to manager.", ""])))
                if p.get("nh") and p["setting"] == "nursing_home":
                    L.append("%s %s  %s - bed offered at %s, weekly fee GBP %.2f agreed. %s" % (
                        (d + dt.timedelta(days=2)).strftime("%d/%m"), "15:10", ref, p["nh"][0], p["nh_fee"], self.near_miss(p) if r.random() < 0.5 else ""))
                else:
                    acc = self.maybe_access(p, 0.5)
                    L.append("%s %s  %s - %s accepted. Start %s. %s" % (
                        (d + dt.timedelta(days=1)).strftime("%d/%m"), "%02d:%02d" % (r.randint(9, 16), r.randint(0, 59)), ref, p["agency"], self.dob(d + dt.timedelta(days=r.randint(2, 9)), "dmy"),
                        ("Told %s %s (co-ordinator): %s" % (p["coord"]["forename"], p["coord"]["surname"], acc)) if acc else
                        r.choice(["", "Key safe to be fitted - no code yet.", "Agency to ring %s on %s." % (p["nok"]["relation"], p["nok"]["phone"])])))
            self.w_text("Brokerage/Logs/brokerage_log_%s.txt" % b["surname"].lower().replace("'", "").replace(" ", ""), "\n".join(L) + "\n")
        # extra log: package stops
        stops = [p for p in self.people if p["setting"] in ("moved", "died")]
        L = ["PACKAGE STOPS / CHANGES - autumn 2026", ""]
        for p in stops:
            if p["setting"] == "died":
                L.append("%s  %s (%s) - died %s. Package ended, agency %s informed. %s" % (
                    p["case_id"], self.name(p, "full"), self.dob(p["dob"], "dmy"), self.dob(p["died"], "long"), p["agency"],
                    self.near_miss(p) if p.get("old_code") else ""))
            else:
                L.append("%s  %s (%s) - moved to %s on %s. Home care stopped. %s" % (
                    p["case_id"], self.name(p, "full"), self.dob(p["dob"], "dmy"), p["nh"][0], self.dob(p["moved_on"], "dmy"),
                    self.near_miss(p) if p.get("old_code") else ""))
            self.cover(p)
        self.w_text("Brokerage/Logs/package_stops_2026.txt", "\n".join(L) + "\n")

    def write_phb_reviews(self):
        r = self.r
        phb = [p for p in self.people if p["phb"]]
        for k, p in enumerate(phb[:7]):
            o = p["phb_officer"]
            n = p["nok"]
            L = ["PHB review - %s" % self.name(p, r.choice(["full", "init_mid", "title_full"])),
                 "%s  |  Holder DOB %s  |  CHC %s" % (self.dob(self.pdate((2026, 9, 1), (2026, 11, 20)), "dmy"), self.rdob(p), p["case_id"]),
                 "Reviewer: %s %s, %s" % (o["forename"], o["surname"], PHB_SHORT), ""]
            mgr = n if (p["legal"] != "none" or p["child"]) else None
            L.append(r.choice([
                "Budget managed by %s %s (%s), who holds %s. Met at home with %s." % (n["forename"], n["surname"], n["relation"], p["legal"] if p["legal"] != "none" else "no formal authority", p["forename"]),
                "%s manages the budget himself/herself with help from %s %s." % (p["forename"], n["relation"], n["forename"]),
            ]) if mgr else "%s manages own budget; %s %s (%s) helps with paperwork." % (p["forename"], n["forename"], n["surname"], n["relation"]))
            L.append("PAs: " + "; ".join("%s %s (%s hrs/wk)" % (pa["forename"], pa["surname"], r.choice([8, 12, 16, 20, 24])) for pa in p["pas"]) + ".")
            L.append(r.choice(["Account audit: GBP 2,310.40 surplus, to be clawed back above 8 weeks' contingency.",
                               "Audit found two payments to a PA not on payroll - explained (cover during sickness), receipts seen.",
                               "Statements reconciled to timesheets for Jul-Sep. No concerns."]))
            if p["access"]:
                L.append("How PAs get in: " + self.maybe_access(p))
            L.append(self.near_miss() if r.random() < 0.5 else "Outcomes met: attends hydrotherapy weekly, went to the coast in August.")
            L.append("Next review due %s." % self.dob(dt.date(2027, 2, 1) + dt.timedelta(days=k * 5), "long"))
            if "DOB" in L[1] and p["forename"] in L[0] and p["surname"] in L[0]:
                self.cover(p)
            self.w_text("PHB Support/Reviews/PHB review %s.txt" % p["case_id"], "\n".join(L) + "\n")

    def write_retro_notes(self):
        r = self.r
        retro = [p for p in self.people if p["outcome"] == "retrospective"]
        for k in range(2):
            grp = retro[k::2]
            if not grp:
                continue
            o = self.S["Appeals and Retrospective Reviews Officer"][0]
            L = ["Retrospective (previously unassessed periods of care) - file notes", "Officer: %s %s" % (o["forename"], o["surname"]), ""]
            for p in grp:
                who = self.name(p, r.choice(["full", "Sur_comma_mi", "title_full"]))
                L.append("== %s ==" % who)
                L.append("Born %s. Period claimed: %s to %s at %s." % (
                    self.dob(p["dob"], r.choice(["long", "dmy"])), self.dob(dt.date(2019, r.randint(1, 12), 1), "dmy"),
                    self.dob(dt.date(2021, r.randint(1, 12), 28), "dmy"), p["nh"][0] if p.get("nh") else r.choice([n[0] for n in NURSING_HOMES])))
                if p["solicitor"]:
                    L.append("Claim brought by %s (%s, %s) for %s %s (%s)." % (p["solicitor"][1]["forename"] + " " + p["solicitor"][1]["surname"], p["solicitor"][1]["role"], p["solicitor"][0], p["nok"]["forename"], p["nok"]["surname"], p["nok"]["relation"]))
                else:
                    L.append("Family claiming direct: %s %s (%s), %s." % (p["nok"]["forename"], p["nok"]["surname"], p["nok"]["relation"], p["nok"]["phone"]))
                L.append(r.choice(["Care home records requested 14/09; 420 pages received.", "GP records awaited.",
                                   "Notional DST completed; recommendation eligible from 03/2020.", "Evidence insufficient for 2019."]))
                L.append("")
                if p["forename"] in who and p["surname"] in who:
                    self.cover(p)
            self.w_text("Appeals/Retrospective/retro_file_notes_%d.txt" % (k + 1), "\n".join(L))

    def write_phone_log(self):
        r = self.r
        for k in range(2):
            adm = self.S["CHC Administrator"][k % len(self.S["CHC Administrator"])]
            L = ["CHC duty line - phone messages", "Taken by %s %s" % (adm["forename"], adm["surname"]), ""]
            for p in r.sample(self.people, 10):
                n = p["nok"]
                t = r.choice([
                    "%s %s (%s) rang re %s %s - wants update on DST. Call back %s." % (n["forename"], n["surname"], n["relation"], p["forename"], p["surname"], n["phone"]),
                    "%s (%s) rang: agency late again for %s. Passed to %s." % (p["agency_mgr"]["forename"] + " " + p["agency_mgr"]["surname"], p["agency"], self.name(p, "title"), p["broker"]["forename"]),
                    "GP %s re %s, DOB %s - sending updated med list." % (self.name(p["gp"], "title_full"), self.name(p, "full"), self.dob(p["dob"], "dmy")),
                ])
                if "DOB" in t:
                    self.cover(p)
                if p["access"] and r.random() < 0.2:
                    t += " Also said: " + self.maybe_access(p)
                L.append("%s  %s" % (self.pdate((2026, 10, 1), (2026, 11, 25)).strftime("%d/%m %a"), t))
            L.append("")
            L.append(self.near_miss())
            self.w_text("Admin/Duty line/phone_msgs_%d.txt" % (k + 1), "\n".join(L) + "\n")

    # --- letters ------------------------------------------------------------
    def addr_block(self, p, to=None):
        to = to or p
        if p["setting"] == "nursing_home" and to is p:
            return ["%s" % self.name(p, "title_full"), p["nh"][0], p["nh"][1], p["nh"][2]]
        if to is not p:
            if "addr" not in to:
                lives_with = to["relation"] in ("wife", "husband", "mother", "father") and p["setting"] in ("own_home", "family_home")
                to["addr"] = p["addr"] if lives_with else self.address()
            a = to["addr"]
            return ["%s %s %s" % (to["title"], to["forename"], to["surname"]), a["line"], a["town"], a["postcode"]]
        return [("%s %s %s" % (to["title"], to["forename"], to["surname"])), p["addr"]["line"], p["addr"]["town"], p["addr"]["postcode"]]

    def write_eligibility_letters(self):
        r = self.r
        pool = [p for p in self.people if p["outcome"] in ("eligible", "fast_track", "transition") and not p.get("died")]
        r.shuffle(pool)
        for k, p in enumerate(pool[:8]):
            to = p["nok"] if (p["legal"] != "none" or p["child"] or p["cgroup"] == "dementia") else p
            a = p["assessor"]
            blocks = [ICB, CHC_TEAM, ", ".join(ICB_ADDR), "", self.dob(self.pdate((2026, 9, 1), (2026, 11, 20)), "long"), ""]
            blocks += self.addr_block(p, to)
            blocks += ["", "Our ref: %s" % p["case_id"],
                       "Re: %s   Date of birth: %s   NHS number: %s" % (self.name(p, r.choice(["full", "full_mid", "title_full"])), self.rdob(p), self.fmt_nhs(p["nhs"]) or "-"),
                       "", "Dear %s %s," % (to["title"], to["surname"]),
                       "NHS Continuing Healthcare - outcome of assessment",
                       "I am writing to let you know that the clinical commissioning panel has agreed that %s is eligible for NHS Continuing Healthcare. "
                       "Funding starts from %s. A review will take place at three months and then at least annually." % (
                           "your %s, %s," % (self.their(p, to), p["forename"]) if to is not p else "you",
                           self.dob(p["referral"] + dt.timedelta(days=28), "long")),
                       "Your care will be arranged by our brokerage team (%s %s, %s). You may also ask for a personal health budget." % (p["broker"]["forename"], p["broker"]["surname"], p["broker"]["phone"]),
                       "If you disagree with this decision you can ask for a local resolution meeting within six months.",
                       "", "Yours sincerely", "", "%s %s" % (a["forename"], a["surname"]), "CHC Nurse Assessor, on behalf of %s" % ICB,
                       "cc: %s, %s" % (self.name(p["gp"], "title_full"), p["gp_practice"])]
            self.cover(p)
            self.w_docx("Letters/Eligibility/%s eligibility letter.docx" % p["case_id"], blocks, footer="OFFICIAL-SENSITIVE: PERSONAL")

    def write_not_eligible_pdfs(self):
        r = self.r
        pool = [p for p in self.people if p["outcome"] in ("not_eligible", "checklist_negative")]
        for k, p in enumerate(pool[:5]):
            to = p["nok"] if p["legal"] != "none" else p
            L = [ICB, CHC_TEAM, ""] + self.addr_block(p, to) + ["", self.dob(self.pdate((2026, 9, 1), (2026, 11, 20)), "dmy"), "",
                 "Dear %s %s" % (to["title"], to["surname"]), "",
                 "%s: %s (born %s)" % ("Checklist outcome" if p["outcome"] == "checklist_negative" else "Decision",
                                        self.name(p, r.choice(["title_full", "full_mid", "upper"])), self.dob(p["dob"], r.choice(["long", "dmy", "mon"]))),
                 "",
                 ("The NHS Continuing Healthcare Checklist completed on %s did not indicate a need for a full assessment. "
                  "This does not mean you have no care needs: we have passed your details to Aldermoor Council Adult Social Care." % self.dob(p["referral"], "long"))
                 if p["outcome"] == "checklist_negative" else
                 ("Following the multidisciplinary assessment and the panel on %s, the ICB has decided that %s does not have a primary health need "
                  "and is not eligible for NHS Continuing Healthcare. %s" % (
                      self.dob(p["referral"] + dt.timedelta(days=40), "long"), p["forename"],
                      "NHS-funded Nursing Care (FNC) of GBP 254.06 a week will be paid to the nursing home." if p.get("nh") else "")),
                 "", "You have the right to ask for this decision to be reviewed. Please write to the Appeals Officer within six months.",
                 "", "Yours sincerely", "", "%s %s" % (p["assessor"]["forename"], p["assessor"]["surname"]), "CHC Nurse Assessor"]
            self.cover(p)
            self.w_pdf("Letters/Not eligible/NE_%s.pdf" % p["case_id"], "\n".join(L))

    def write_appeals_rtf(self):
        r = self.r
        pool = [p for p in self.people if p["solicitor"]] + [p for p in self.people if p["outcome"] == "not_eligible" and not p["solicitor"]]
        for k, p in enumerate(pool[:5]):
            if p["solicitor"]:
                firm, st = p["solicitor"]
                L = [firm, "Solicitors", "12 Exchange Street, Tessbridge HD1 2AA", "", "Our ref: %s/%d" % (st["surname"][:3].upper(), r.randint(100, 999)),
                     "Your ref: %s" % p["case_id"], "", self.dob(self.pdate((2026, 9, 1), (2026, 11, 20)), "long"), "",
                     "Appeals Officer, %s" % CHC_TEAM, ICB, "",
                     "Dear Sir or Madam", "",
                     "Re: %s (DOB %s) - %s" % (self.name(p, r.choice(["full", "Sur_comma_mi", "title_full"])), self.rdob(p),
                                                 "retrospective claim" if p["outcome"] == "retrospective" else "request for local resolution"),
                     "", "We are instructed by %s %s, %s and attorney of the above. %s" % (
                         p["nok"]["forename"], p["nok"]["surname"], p["nok"]["relation"],
                         "The claim covers care home fees paid privately between 2019 and 2021." if p["outcome"] == "retrospective" else
                         "We say the DST under-scored the Cognition and Behaviour domains and that the panel did not consider the nature, intensity, complexity and unpredictability of need."),
                     "Please send the full case file, including the assessor's notes, within 28 days.",
                     "", "Yours faithfully", "", "%s %s" % (st["forename"], st["surname"]), "%s, %s" % (st["role"], firm)]
            else:
                a = self.S["Appeals and Retrospective Reviews Officer"][0]
                L = [ICB, "", self.dob(self.pdate((2026, 10, 1), (2026, 11, 25)), "long"), ""] + self.addr_block(p, p["nok"]) + [
                     "", "Dear %s %s" % (p["nok"]["title"], p["nok"]["surname"]),
                     "", "Local resolution meeting - %s" % self.name(p, "full"),
                     "Thank you for your letter disagreeing with the decision about your %s. A local resolution meeting is booked for %s at Calder Point. "
                     "Parking is available; the office door code is not needed - please report to reception." % ("relative", self.dob(self.pdate((2026, 12, 2), (2026, 12, 20)), "long")),
                     "", "Yours sincerely", "%s %s" % (a["forename"], a["surname"]), a["role"]]
            if "DOB" in "\n".join(L):
                self.cover(p)
            self.w_rtf("Appeals/Letters/%s appeal %d.rtf" % (p["case_id"], k), "\n".join(L))

    def write_fast_track_forms(self):
        r = self.r
        ft = [p for p in self.people if p["outcome"] == "fast_track"]
        for k, p in enumerate(ft[:5]):
            dc = p["dc"] if p["from_ward"] else p["gp"]
            rows = [["Fast Track Pathway Tool for NHS Continuing Healthcare", ""],
                    ["Name", self.name(p, r.choice(["full", "full_mid", "upper"]))],
                    ["Date of birth", self.rdob(p)], ["NHS number", self.fmt_nhs(p["nhs"]) or ""],
                    ["Address", "%s, %s, %s" % (p["addr"]["line"], p["addr"]["town"], p["addr"]["postcode"])],
                    ["Current location", "%s, %s" % (p["ward"], p["hospital"]) if p["from_ward"] else "Home"],
                    ["Preferred place of care / death", r.choice(["Home", "Home with family", "Hospice if symptoms escalate"])],
                    ["Nature of condition", "%s; rapidly deteriorating, may be entering a terminal phase." % p["condition"]],
                    ["Appropriate clinician", "%s %s, %s" % (dc["forename"], dc["surname"], dc["role"])],
                    ["Key contact", "%s %s (%s) %s" % (p["nok"]["forename"], p["nok"]["surname"], p["nok"]["relation"], p["nok"]["phone"])]]
            acc = self.maybe_access(p, 0.6)
            if acc:
                rows.append(["Access to property", acc])
            elif p["setting"] in ("own_home", "family_home"):
                rows.append(["Access to property", r.choice(["Family present 24/7", "Key safe to be fitted by Care & Repair - code to follow", "Ring bell"])])
            blocks = [("h", "Fast Track referral - %s" % p["case_id"]), ("table", rows),
                      "Signed: %s %s   Date: %s" % (dc["forename"], dc["surname"], self.dob(p["referral"], "dmy"))]
            self.cover(p)
            self.w_docx("Fast Track/FT_%s.docx" % p["case_id"], blocks)

    def write_phb_plans(self):
        r = self.r
        phb = [p for p in self.people if p["phb"]]
        for k, p in enumerate(phb[-5:]):
            n = p["nok"]
            blocks = [("h", "My personal health budget care and support plan"),
                      ("table", [["My name", self.name(p, r.choice(["full", "full_mid"]))], ["Date of birth", self.rdob(p)],
                                 ["NHS number", self.fmt_nhs(p["nhs"]) or "don't know"],
                                 ["People who help me plan", "%s %s (%s); %s %s (%s)" % (n["forename"], n["surname"], n["relation"], p["phb_officer"]["forename"], p["phb_officer"]["surname"], PHB_SHORT)]]),
                      ("h", "What is important to me", 2),
                      r.choice(["Being at home with my dog, Bramble. Watching the rugby. Having my hair done on Fridays.",
                                "Seeing my grandchildren. Going to chapel on Sunday. Not being rushed in the mornings.",
                                "Music, especially brass bands. Choosing my own PAs. Staying out of hospital."]),
                      ("h", "My PAs", 2),
                      ", ".join("%s %s" % (pa["forename"], pa["surname"]) for pa in p["pas"]) + " - employed by %s through %s." % (
                          "me" if not (p["legal"] != "none" or p["child"]) else "my %s %s" % (n["relation"], n["forename"]), PAYROLL),
                      ("h", "Getting into my home", 2),
                      self.maybe_access(p) or r.choice(["Someone is always in. Ring the bell and wait - I take a while to get to the door.",
                                                        "Key safe being fitted in December; my PAs will be told the code by phone."]),
                      ("h", "My budget", 2),
                      "GBP %.2f a year. Contingency held: 8 weeks. Payroll portal PIN is kept by %s - never write it down here." % (p["hours"] * p["rate"] * 52, n["forename"]),
                      "Agreed by %s %s, PHB Support Officer" % (p["phb_officer"]["forename"], p["phb_officer"]["surname"])]
            self.cover(p)
            self.w_docx("PHB Support/Care plans/PHB plan %s %s.docx" % (p["forename"], p["surname"][0]), blocks)

    def write_package_notices(self):
        r = self.r
        pool = [p for p in self.people if p["setting"] in ("own_home", "family_home", "moved", "died") and not p["phb"]
                and p["outcome"] in ("eligible", "fast_track", "pending", "transition")]
        r.shuffle(pool)
        for k, p in enumerate(pool[:5]):
            start = p["setting"] in ("own_home", "family_home")
            L = [ICB + " - Brokerage", "PACKAGE %s NOTICE" % ("START" if start else "STOP"), "",
                 "To: %s, %s" % (self.name(p["agency_mgr"], "full"), p["agency"]), "From: %s" % self.name(p["broker"], "full"),
                 "Date: %s" % self.dob(self.pdate((2026, 9, 1), (2026, 11, 20)), "dmy"), "",
                 "Service user: %s" % self.name(p, r.choice(["Sur_comma_mi", "full", "title_full"])),
                 "DOB: %s" % self.dob(p["dob"], r.choice(["dmy", "mon"])), "NHS No: %s" % (self.fmt_nhs(p["nhs"]) or "TBC"),
                 "CHC ref: %s" % p["case_id"], "Address: %s, %s %s" % (p["addr"]["line"], p["addr"]["town"], p["addr"]["postcode"]), ""]
            if start:
                L += ["Package: %s hrs/wk at GBP %.2f/hr, start %s." % (p["hours"], p["rate"], self.dob(p["referral"] + dt.timedelta(days=20), "long")),
                      "Access: %s" % (self.maybe_access(p) or "Family will let carers in for the first week; key safe to be fitted."),
                      "Next of kin: %s %s, %s" % (p["nok"]["forename"], p["nok"]["surname"], p["nok"]["phone"])]
            else:
                why = ("died on %s" % self.dob(p["died"], "long")) if p.get("died") else ("moved to %s on %s" % (p["nh"][0], self.dob(p["moved_on"], "long")))
                L += ["Please stop all calls: service user %s." % why,
                      "Return any keys to the family. %s" % (self.near_miss(p) if p.get("old_code") else ""),
                      "Final invoice to be received by the end of the month."]
            self.cover(p)
            self.w_pdf("Brokerage/Notices/%s_%s.pdf" % ("start" if start else "stop", p["case_id"]), "\n".join(L))

    def write_scanned_referrals(self):
        r = self.r
        pool = [p for p in self.people if p["from_ward"] or r.random() < 0.1]
        r.shuffle(pool)
        for k, p in enumerate(pool[:5]):
            ref = p["dc"] if p["from_ward"] else p["gp"]
            L = ["REFERRAL FOR NHS CONTINUING HEALTHCARE ASSESSMENT", "(scanned %s by CHC admin)" % self.dob(p["referral"], "dmy"), "",
                 "Surname: %s      Forename(s): %s" % (p["surname"].upper(), " ".join([p["forename"]] + p["middle"])),
                 "Date of Birth: %s      NHS No: %s" % (self.dob(p["dob"], r.choice(["dmy", "dots", "mon"])), self.fmt_nhs(p["nhs"], 1) or "unknown"),
                 "Previous surname: %s" % (p.get("prev_surname") or "-"),
                 "Current location: %s" % ("%s, %s" % (p["ward"], p["hospital"]) if p["from_ward"] else p["gp_practice"]),
                 "Referrer: %s %s, %s  Tel %s" % (ref["forename"], ref["surname"], ref["role"], ref["phone"]),
                 "Next of kin: %s %s (%s)" % (p["nok"]["forename"], p["nok"]["surname"], p["nok"]["relation"]),
                 "Legal: %s" % p["legal"], "",
                 "Reason for referral:", "%s. %s" % (p["condition"].capitalize(), r.choice([
                     "Increasing needs, family can no longer manage at home.", "Ready for discharge but needs 24h care.",
                     "Deteriorating quickly; Fast Track considered but not met.", "Transition from children's continuing care at 18."]))]
            if p["access"] and r.random() < 0.5:
                L += ["", "Home access (for assessor visit): " + self.maybe_access(p)]
            self.cover(p)
            self.w_pdf("Shared Drive/Scanned referrals/SCAN_%s_%03d.pdf" % (p["referral"].strftime("%Y%m%d"), k), "\n".join(L))

    def write_gp_letters(self):
        r = self.r
        pool = [p for p in self.people if p["outcome"] in ("pending", "eligible")]
        r.shuffle(pool)
        for k, p in enumerate(pool[:4]):
            g = p["gp"]
            L = [p["gp_practice"], "", self.dob(self.pdate((2026, 9, 1), (2026, 11, 20)), "long"), "",
                 "%s %s" % (p["assessor"]["forename"], p["assessor"]["surname"]), "CHC Nurse Assessor, %s" % ICB_SHORT, "",
                 "Dear %s," % p["assessor"]["forename"], "",
                 "%s %s  DOB %s  %s" % (self.name(p, r.choice(["title_full", "upper", "full"])), "", self.dob(p["dob"], r.choice(["dmy", "dots"])), p["addr"]["postcode"]),
                 "NHS %s" % (self.fmt_nhs(p["nhs"]) or "-"), "",
                 "Thank you for your request for information. %s has %s, diagnosed in %d. Medication: %s. "
                 "In my view the needs are %s." % (p["forename"], p["condition"], r.randint(2012, 2025),
                                                  r.choice(["co-careldopa, rotigotine patch, apomorphine infusion", "levetiracetam, clobazam, buccal midazolam PRN",
                                                            "riluzole, glycopyrronium, morphine sulfate oral solution PRN", "memantine, risperidone 250mcg nocte"]),
                                                  r.choice(["complex and unpredictable", "largely stable", "increasing"])),
                 "", "Yours sincerely", "", self.name(g, "title_full"), "General Practitioner"]
            self.cover(p)
            self.w_rtf("Assessors/GP letters/GP reply %s.rtf" % p["case_id"], "\n".join(L))

    def write_review_letters(self):
        r = self.r
        pool = [p for p in self.people if p["outcome"] == "eligible" and p["setting"] in ("nursing_home", "supported_living", "own_home")]
        r.shuffle(pool)
        for k, p in enumerate(pool[:4]):
            blocks = [ICB, CHC_TEAM, ""] + self.addr_block(p, p["nok"]) + ["",
                      "Re: 3-month review - %s (%s)" % (self.name(p, "full"), p["case_id"]),
                      "Dear %s %s," % (p["nok"]["title"], p["nok"]["surname"]),
                      "The review of %s's care is booked for %s at %s. Please let us know if you would like %s to attend." % (
                          p["forename"], self.dob(self.pdate((2026, 12, 1), (2027, 1, 20)), "long"),
                          p["nh"][0] if p.get("nh") else p["sl"][0] if p.get("sl") else "home",
                          (p["advocate"]["forename"] + " " + p["advocate"]["surname"] + " (" + ADVOCACY + ")") if p["advocate"] else "anyone else"),
                      self.near_miss(p) if p.get("nh") and r.random() < 0.6 else "",
                      "Yours sincerely", "%s %s" % (p["assessor"]["forename"], p["assessor"]["surname"])]
            self.w_docx("Letters/Reviews/Review booking %s.docx" % p["case_id"], [b for b in blocks if b != ""])

    def write_catchup(self):
        """Every person's full name with DOB or NHS number in at least one record: the
        assessors' caseload handover list picks up anyone not yet so written."""
        missing = [p for p in self.people if p["pid"] not in self.covered]
        rows = []
        a = self.S["CHC Nurse Assessor"][0]
        for p in missing:
            rows.append("| %s | %s | %s | %s | %s |" % (p["case_id"], self.name(p, "Sur_comma_full"), self.dob(p["dob"], "dmy"),
                                                        self.fmt_nhs(p["nhs"]) or "-", self.funding(p)))
            self.cover(p)
        # some already-covered people too, so the list is not only the gaps
        extra = [p for p in self.people if p not in missing][:6]
        for p in extra:
            rows.append("| %s | %s | %s | %s | %s |" % (p["case_id"], self.name(p, "Sur_comma_full"), self.dob(p["dob"], "dmy"),
                                                        self.fmt_nhs(p["nhs"]) or "-", self.funding(p)))
        txt = ("# Caseload handover - %s %s (leaving 30/11/2026)\n\nCases to reallocate at Monday huddle.\n\n"
               "| CHC ref | Name | DOB | NHS no | Stream |\n|---|---|---|---|---|\n%s\n\nAll outstanding reviews to %s %s.\n" % (
                   a["forename"], a["surname"], "\n".join(rows), self.S["Clinical Lead, CHC"][0]["forename"], self.S["Clinical Lead, CHC"][0]["surname"]))
        self.w_text("Assessors/caseload_handover.md", txt)

    def write_truth(self):
        people = []
        for p in self.people:
            kinds_written = self.access_seen.get(p["pid"], set())
            a = p["access"]
            kinds = [k for k in ("code", "hidden_key", "key_holder", "left_open") if k in kinds_written]
            val = ""
            if kinds:
                if "code" in kinds:
                    val = a["code"]
                elif "hidden_key" in kinds:
                    val = a["hide"]
                elif "key_holder" in kinds:
                    val = "key held by %s %s" % (a["holder"]["forename"], a["holder"]["surname"])
                else:
                    val = a["open"]
            d = {"forename": p["forename"], "surname": p["surname"], "dob": p["dob"].strftime("%d/%m/%Y"),
                 "nhs_number": p["nhs"], "keysafe_code": val, "access_kind": kinds, "special_category": True}
            if p["middle"]:
                d["middle_names"] = " ".join(p["middle"])
            people.append(d)
        staff = sorted({"%s %s" % (s["forename"], s["surname"]) for s in self.staff})
        pnames = {"%s %s" % (p["forename"], p["surname"]) for p in self.people}
        related = sorted({"%s %s" % (q["forename"], q["surname"]) for q in self.related} - pnames)
        os.makedirs(os.path.dirname(os.path.abspath(self.truth_path)), exist_ok=True)
        with open(self.truth_path, "w") as f:
            json.dump({"people": people, "staff": staff, "related": related}, f, indent=1, ensure_ascii=False)


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    share, truth = argv[1], argv[2]
    n = int(argv[3]) if len(argv) > 3 else 120
    seed = int(argv[4]) if len(argv) > 4 else 1
    g = Gen(share, truth, n, seed)
    g.run()
    print("%d files, %d people, %d with home access" % (len(g.files), len(g.people), sum(1 for p in g.people if g.access_seen.get(p["pid"]))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
