#!/usr/bin/env python3
"""Held-out share 8: primary-care contractors and community services that go into
people's homes for a GP federation (invented: Wyvern Vale GP Federation).

usage: python heldout_share_8.py SHARE TRUTH.json [PEOPLE=120] [SEED=1]

Deterministic from SEED. Everything is invented. See README.md beside this file.
"""
import datetime as dt
import io
import json
import os
import random
import sys
import zipfile
from email.message import EmailMessage
from email.utils import format_datetime

import xlsxwriter
from docx import Document
from docx.shared import Pt

TODAY = dt.date(2026, 11, 20)

# ----------------------------------------------------------------------------- pools
F_OLD = """Margaret Joan Dorothy Patricia Barbara Jean Sheila Brenda Maureen Irene Doreen Eileen
Audrey Betty Elsie Gladys Hilda Marjorie Sylvia Valerie Pauline Christine Janet Mavis Winifred Edna
Rita Beryl Shirley Glenys Norma Iris Phyllis Vera Olive Kathleen Bridget Siobhan Nora Ivy Enid Muriel
Lilian Agnes Freda Nasreen Parveen Halina Precious Gwendolyn Cynthia Rosemary Josephine""".split()
M_OLD = """Kenneth Ronald Dennis Brian Derek Raymond Albert Harold Stanley Leonard Norman Frederick
Clifford Arthur Walter Bernard Gordon Roy Trevor Malcolm Geoffrey Douglas Cyril Eric Alan Peter Keith
Colin Terence Graham Desmond Patrick Gerald Wilfred Reginald Sidney Maurice Lionel Hugh Owen Gurdeep
Harjit Rashid Abdul Winston Delroy Tomasz Kwame Emrys Dafydd Ivor Cecil Horace""".split()
F_YOUNG = """Chloe Jade Amy Danielle Leanne Kayleigh Sophie Hollie Megan Stacey Rhiannon Aisha Nadia
Bethany Courtney Shannon Zara Ellie""".split()
M_YOUNG = """Liam Jordan Kieran Callum Ryan Daniel Jamie Connor Aaron Nathan Reece Bradley Owain Tariq
Dean Lewis Scott Marcus""".split()
F_MID = """Karen Julie Susan Tracey Alison Joanne Nicola Michelle Sarah Helen Deborah Lorraine Gillian
Wendy Amanda Angela Claire Samantha Jacqueline Rachel Dawn Kerry Lisa Emma Kirsty Beverley Sharon
Gemma Lindsey Yvonne Harpreet Shabana Agnieszka Abimbola""".split()
M_MID = """Paul Mark David Andrew Stephen Gary Neil Darren Simon Martin Ian Craig Lee Wayne Jason
Richard Philip Anthony Kevin Robert Adrian Carl Gareth Rhys Sanjay Imran Marek Femi Stuart Glen""".split()
SURN = """Hughes Pritchard Ashworth Thornley Bellamy Cartwright Holloway Pemberton Whitlock Fairbairn
Drinkwater Blackwood Hargreaves Moorcroft Sutcliffe Pennington Rowbotham Entwistle Tattersall Greenhalgh
Birtwistle Ainsworth Kershaw Haworth Lomax Clegg Duckworth Pickup Horrocks Brierley Whittaker Openshaw
Mellor Ogden Hepworth Ramsbottom Crabtree Gaskell Bamford Heap Lord Kenyon Marsden Nuttall Pilling
Schofield Stott Turnbull Winstanley Yates Armitage Booth Crowther Dyson Firth Gledhill Haigh Illingworth
Jagger Kitchen Lockwood Midgley Noble Oldroyd Priestley Quarmby Rushworth Sykes Thewlis Uttley Varley
Wadsworth Patel Mistry Kaur Singh Begum Chowdhury Okafor Mensah Nowak Kowalczyk Campbell Fraser Munro
Jenkins Griffiths Prosser Vaughan Llewellyn Bevan Gwilliam Probert Meredith Tudor Harcourt Lindqvist
O'Neill O'Brien O'Hara D'Souza McAllister McCready MacLeod Fitzgerald-Jones Smith-Rowe Clarke-Evans
Lloyd-Price Ashby-Crane Hale-Bennett Vine Ruddock Purcell Quayle Skerritt Tolley Upton Wragg Yeadon
Gillespie Hollins Kilbride Lyle Madeley Nevin Pollitt Redfern Speight Tranter""".split()
STREETS = """Elm Road|Mill Lane|Church Street|Station Road|Orchard Close|Beech Avenue|Victoria Terrace|
Chapel Row|Brook Street|Willow Way|Queens Drive|Meadow View|Hawthorn Crescent|Cherry Tree Walk|
Ash Grove|Priory Lane|Sandy Lane|Granville Road|Moorland Rise|Kingsway|Albert Street|Lark Hill|
Fountain Street|Spring Gardens|Poplar Close|The Paddock|Canal Side|Foundry Lane|Well Lane|Park Crescent""".replace("\n", "").split("|")
TOWNS = [("Wyvernbury", "WV"), ("Ashcombe", "AC"), ("Kelsford", "KF"), ("Marlow Vale", "MV"), ("Thornbridge", "TB")]
# invented postcode districts written in Royal Mail shape with real-looking letters
PC_AREAS = {"Wyvernbury": "WR11", "Ashcombe": "WR12", "Kelsford": "WR14", "Marlow Vale": "HR8", "Thornbridge": "HR9"}
PRACTICES = [("Elmfield Surgery", "Wyvernbury"), ("Kelsford Health Centre", "Kelsford"),
             ("Ashcombe Medical Practice", "Ashcombe"), ("Vale Family Practice", "Marlow Vale")]
BRANCHES = ["Kelsford", "Wyvernbury High St", "Ashcombe Parade"]
NICK = {"Margaret": "Peggy", "Dorothy": "Dot", "Patricia": "Pat", "Kenneth": "Ken", "Ronald": "Ron", "Albert": "Bert",
        "Frederick": "Fred", "Harold": "Harry", "Leonard": "Len", "Stanley": "Stan", "Gwendolyn": "Gwen", "Josephine": "Jo",
        "Winifred": "Winnie", "Reginald": "Reg", "Terence": "Terry", "Raymond": "Ray", "Bernard": "Bernie", "Kathleen": "Kath",
        "Christine": "Chris", "Valerie": "Val", "Frederick ": "Freddie", "Clifford": "Cliff", "Geoffrey": "Geoff",
        "Douglas": "Doug", "Gerald": "Gerry", "Wilfred": "Wilf", "Sidney": "Sid", "Daniel": "Danny", "Bethany": "Beth"}
MON = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
MONTH = "January February March April May June July August September October November December".split()


def fixed_zip(data):
    """rewrite a zip with fixed member times so the output is byte-for-byte deterministic"""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 11, 20, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            z.writestr(zi, src.read(info.filename))
    return out.getvalue()


def nhs_check(d9):
    s = sum(int(c) * (10 - i) for i, c in enumerate(d9))
    c = 11 - s % 11
    if c == 11:
        c = 0
    return None if c == 10 else str(c)


class Gen:
    def __init__(self, share, n, seed):
        self.r = random.Random(seed)
        self.share = share
        self.n = n
        self.seed = seed
        self.names = set()
        self.nhs_used = set()
        self.phones = list(range(100, 1000))
        self.r.shuffle(self.phones)
        self.land = list(range(100, 1000))
        self.r.shuffle(self.land)
        self.counts = {}
        self.staff_seen = set()
        self.related_seen = set()
        self.corpus = []
        self.dob_shown = set()
        self.access_written = {}
        self.counter = 1000 + seed * 37

    # ------------------------------------------------------------- small helpers
    def nid(self):
        self.counter += self.r.randint(1, 9)
        return self.counter

    def phone(self):
        return "07700 900%03d" % self.phones.pop()

    def landline(self):
        return "01632 960%03d" % self.land.pop()

    def nhs(self):
        r = self.r
        while True:
            first = r.choice([r.randint(401, 499), r.randint(600, 708)])
            d9 = "%03d%06d" % (first, r.randint(0, 999999))
            c = nhs_check(d9)
            if c and d9 + c not in self.nhs_used and len(set(d9 + c)) > 1:
                self.nhs_used.add(d9 + c)
                return d9 + c

    def fresh_name(self, pool, surname=None):
        for _ in range(1000):
            f = self.r.choice(pool)
            s = surname or self.r.choice(SURN)
            if (f + " " + s) not in self.names:
                self.names.add(f + " " + s)
                return f, s
        raise RuntimeError("names exhausted")

    def address(self, town=None):
        r = self.r
        town = town or r.choice(TOWNS)[0]
        flat = r.random() < 0.18
        num = r.randint(1, 140)
        street = r.choice(STREETS)
        line1 = ("Flat %d, %s House, %s" % (r.randint(1, 24), r.choice(["Orchard", "Beacon", "Linden", "Mercia"]), street)) if flat else "%d %s" % (num, street)
        pc = "%s %d%s" % (PC_AREAS[town], r.randint(1, 9), "".join(r.choice("ABDEFGHJLNPQRSTUWXYZ") for _ in range(2)))
        return {"line1": line1, "town": town, "postcode": pc, "flat": flat}

    def addr_str(self, a, sep=", "):
        return sep.join([a["line1"], a["town"], a["postcode"]])

    def dob_fmt(self, d, style=None):
        r = self.r
        style = style if style is not None else r.choice(["slash", "slash", "slash", "mon", "month", "iso", "dash", "dot", "ord"])
        if style == "slash":
            return d.strftime("%d/%m/%Y")
        if style == "mon":
            return "%d %s %d" % (d.day, MON[d.month - 1], d.year)
        if style == "month":
            return "%d %s %d" % (d.day, MONTH[d.month - 1], d.year)
        if style == "iso":
            return d.isoformat()
        if style == "dash":
            return d.strftime("%d-%m-%Y")
        if style == "dot":
            return d.strftime("%d.%m.%Y")
        if style == "ord":
            suf = "th" if 11 <= d.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
            return "%d%s %s %d" % (d.day, suf, MONTH[d.month - 1], d.year)
        return d.strftime("%d/%m/%Y")

    def nhs_fmt(self, n):
        s = self.r.random()
        if s < 0.55:
            return "%s %s %s" % (n[:3], n[3:6], n[6:])
        if s < 0.8:
            return n
        return "%s-%s-%s" % (n[:3], n[3:6], n[6:])

    def age(self, d):
        return TODAY.year - d.year - ((TODAY.month, TODAY.day) < (d.month, d.day))

    def day(self, back=40):
        return TODAY - dt.timedelta(days=self.r.randint(0, back))

    # name shapes for a patient
    def full(self, p):
        return p["forename"] + " " + p["surname"]

    def shape(self, p, style=None):
        r = self.r
        f, s, m = p["forename"], p["surname"], p["middle"]
        t = p["title"]
        styles = ["full", "full", "full", "mid", "title_full", "SURNAME_comma", "comma_init", "upper", "title_init",
                  "title_sur", "mid_init", "lower", "title_full_mid", "order", "nick"]
        st = style or r.choice(styles)
        mi = " ".join(x[0] + "." for x in m)
        if st == "full":
            return f + " " + s
        if st == "mid":
            return " ".join([f] + m + [s])
        if st == "title_full":
            return t + " " + f + " " + s
        if st == "title_full_mid":
            return " ".join([t, f] + m + [s])
        if st == "SURNAME_comma":
            return s.upper() + ", " + f + ((" " + " ".join(m)) if m else "")
        if st == "comma_init":
            return s + ", " + f + ((" " + mi) if m else "")
        if st == "upper":
            return (f + " " + s).upper()
        if st == "title_init":
            return t + " " + f[0] + ". " + s
        if st == "title_sur":
            return t + " " + s
        if st == "mid_init":
            return f + (" " + mi if m else "") + " " + s
        if st == "lower":
            return (f + " " + s).lower()
        if st == "order":
            return s.upper() + " " + f
        if st == "nick":
            if f in NICK:
                return "%s '%s' %s" % (f, NICK[f], s) if r.random() < 0.5 else "%s (%s) %s" % (f, NICK[f], s)
            return t + " " + f + " " + s
        return f + " " + s

    def st(self, s, role=False):
        """a staff member's name as written"""
        self.staff_seen.add(s["name"])
        if role:
            return "%s (%s)" % (s["name"], s["role"])
        return s["name"]

    def rel(self, rp):
        self.related_seen.add(rp["name"])
        return rp["name"]

    # ------------------------------------------------------------- writers
    def path(self, rel):
        p = os.path.join(self.share, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        return p

    def count(self, kind):
        self.counts[kind] = self.counts.get(kind, 0) + 1

    def write_text(self, rel, text, kind="txt"):
        with open(self.path(rel), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        self.corpus.append(text)
        self.count(kind)

    def csv_text(self, header, rows, sep=","):
        def q(v):
            v = "" if v is None else str(v)
            if sep in v or '"' in v or "\n" in v:
                return '"' + v.replace('"', '""') + '"'
            return v
        out = [sep.join(q(h) for h in header)]
        out += [sep.join(q(c) for c in row) for row in rows]
        return "\r\n".join(out) + "\r\n"

    def write_csv(self, rel, header, rows, sep=","):
        self.write_text(rel, self.csv_text(header, rows, sep), kind="csv")

    def xlsx_bytes(self, sheets):
        bio = io.BytesIO()
        wb = xlsxwriter.Workbook(bio, {"in_memory": True})
        wb.set_properties({"created": dt.datetime(2026, 11, 20, 9, 0, 0), "author": "Wyvern Vale GP Federation"})
        for name, title, header, rows in sheets:
            ws = wb.add_worksheet(name[:31])
            r0 = 0
            if title:
                ws.write(0, 0, title)
                r0 = 2
            for j, h in enumerate(header):
                ws.write(r0, j, h)
            for i, row in enumerate(rows):
                for j, v in enumerate(row):
                    ws.write(r0 + 1 + i, j, "" if v is None else v)
            self.corpus.append("\n".join(" | ".join(str(c) for c in row) for row in [header] + rows))
        wb.close()
        return fixed_zip(bio.getvalue())

    def write_xlsx(self, rel, sheets):
        with open(self.path(rel), "wb") as fh:
            fh.write(self.xlsx_bytes(sheets))
        self.count("xlsx")

    def docx_bytes(self, header_lines, paras, table=None, footer=None):
        d = Document()
        d.styles["Normal"].font.name = "Arial"
        d.styles["Normal"].font.size = Pt(10)
        sec = d.sections[0]
        for hl in header_lines:
            sec.header.add_paragraph(hl)
        if footer:
            sec.footer.add_paragraph(footer)
        txt = list(header_lines)
        for p in paras:
            if p == "<TABLE>" and table:
                t = d.add_table(rows=0, cols=len(table[0]))
                for row in table:
                    cells = t.add_row().cells
                    for c, v in zip(cells, row):
                        c.text = str(v)
                    txt.append(" | ".join(str(v) for v in row))
            else:
                d.add_paragraph(p)
                txt.append(p)
        if footer:
            txt.append(footer)
        self.corpus.append("\n".join(txt))
        bio = io.BytesIO()
        d.core_properties.created = dt.datetime(2026, 11, 20, 9, 0, 0)
        d.core_properties.modified = dt.datetime(2026, 11, 20, 9, 0, 0)
        d.core_properties.last_modified_by = "Wyvern Vale GP Federation"
        d.save(bio)
        return fixed_zip(bio.getvalue())

    def write_docx(self, rel, header_lines, paras, table=None, footer=None):
        with open(self.path(rel), "wb") as fh:
            fh.write(self.docx_bytes(header_lines, paras, table, footer))
        self.count("docx")

    @staticmethod
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

    def pdf_bytes(self, lines):
        flat = []
        for ln in lines:
            flat.extend(self.wrap(ln) if ln else [""])
        pages = [flat[i:i + 60] for i in range(0, len(flat), 60)] or [[""]]
        objs = []

        def esc(s):
            s = s.encode("latin-1", "replace").decode("latin-1")
            return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        # 1 catalog, 2 pages, 3 font, then page/content pairs
        kids = []
        body = {}
        for i, pg in enumerate(pages):
            pid = 4 + 2 * i
            cid = pid + 1
            kids.append(pid)
            ops = ["BT", "/F1 10 Tf", "12 TL", "50 800 Td"]
            for ln in pg:
                ops.append("(%s) Tj T*" % esc(ln))
            ops.append("ET")
            stream = "\n".join(ops).encode("latin-1")
            body[pid] = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % cid
            body[cid] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
        body[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
        body[2] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % len(kids)
        body[3] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
        out = io.BytesIO()
        out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offs = {}
        for k in sorted(body):
            offs[k] = out.tell()
            out.write(b"%d 0 obj\n" % k + body[k] + b"\nendobj\n")
        xref = out.tell()
        n = max(body) + 1
        out.write(b"xref\n0 %d\n0000000000 65535 f \n" % n)
        for k in range(1, n):
            out.write(b"%010d 00000 n \n" % offs[k])
        out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (n, xref))
        self.corpus.append("\n".join(lines))
        return out.getvalue()

    def write_pdf(self, rel, lines):
        with open(self.path(rel), "wb") as fh:
            fh.write(self.pdf_bytes(lines))
        self.count("pdf")

    def rtf_text(self, lines):
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
        body = "\n".join(esc(ln) + "\\par" for ln in lines)
        self.corpus.append("\n".join(lines))
        return "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}\\f0\\fs22\n" + body + "\n}\n"

    def write_rtf(self, rel, lines):
        with open(self.path(rel), "w", encoding="ascii", newline="\r\n") as fh:
            fh.write(self.rtf_text(lines))
        self.count("rtf")

    def write_letter(self, rel_noext, header_lines, paras, fmt=None, table=None):
        fmt = fmt or self.r.choice(["docx", "docx", "pdf", "rtf"])
        if fmt == "docx":
            self.write_docx(rel_noext + ".docx", header_lines, paras, table=table)
        else:
            lines = list(header_lines) + [""]
            for p in paras:
                if p == "<TABLE>" and table:
                    lines += ["   ".join(str(c) for c in row) for row in table]
                else:
                    lines.append(p)
            if fmt == "pdf":
                self.write_pdf(rel_noext + ".pdf", lines)
            else:
                self.write_rtf(rel_noext + ".rtf", lines)

    def write_eml(self, rel, frm, to, cc, subject, body, attachments=(), when=None):
        m = EmailMessage()
        m["From"] = "%s <%s>" % (self.st(frm), frm["email"])
        m["To"] = ", ".join("%s <%s>" % (self.st(t), t["email"]) for t in to)
        if cc:
            m["Cc"] = ", ".join("%s <%s>" % (self.st(c), c["email"]) for c in cc)
        m["Subject"] = subject
        when = when or self.day(30)
        if not isinstance(when, dt.datetime):
            when = dt.datetime.combine(when, dt.time(self.r.randint(8, 17), self.r.randint(0, 59)))
        m["Date"] = format_datetime(when.replace(tzinfo=dt.timezone.utc))
        m["Message-ID"] = "<%d.%d@wyvernvale-fed.example>" % (self.nid(), self.seed)
        m.set_content(body)
        self.corpus.append(subject + "\n" + body)
        for fname, data, mt in attachments:
            maintype, subtype = mt.split("/")
            m.add_attachment(data, maintype=maintype, subtype=subtype, filename=fname)
        if m.is_multipart():
            m.set_boundary("==wvfed_%d_%d==" % (self.seed, self.nid()))
        with open(self.path(rel), "wb") as fh:
            fh.write(bytes(m))
        self.count("eml")

    def write_hl7(self, rel, messages):
        txt = "\r".join("\r".join(msg) for msg in messages) + "\r"
        with open(self.path(rel), "w", encoding="utf-8", newline="") as fh:
            fh.write(txt)
        self.corpus.append(txt)
        self.count("hl7")

    def write_json(self, rel, obj, kind="fhir"):
        txt = json.dumps(obj, indent=2, ensure_ascii=False)
        with open(self.path(rel), "w", encoding="utf-8") as fh:
            fh.write(txt)
        self.corpus.append(txt)
        self.count(kind)

    # ------------------------------------------------------------- population
    def build(self):
        r = self.r
        n = self.n
        # staff first so their names are reserved
        self.staff = []

        def mk(role, org, domain, k, pool=None):
            out = []
            for _ in range(k):
                sex = r.choice("FM")
                f, s = self.fresh_name(pool or (F_MID if sex == "F" else M_MID))
                d = {"name": f + " " + s, "first": f, "sur": s, "role": role, "org": org,
                     "email": "%s.%s@%s" % (f.lower(), s.lower().replace("'", "").replace("-", ""), domain),
                     "phone": self.phone()}
                out.append(d)
                self.staff.append(d)
            return out
        self.drivers = mk("delivery driver", "Hartwell Pharmacy", "hartwellpharmacy.example", 4)
        self.pharmacists = mk("pharmacist", "Hartwell Pharmacy", "hartwellpharmacy.example", 3)
        self.techs = mk("dispensing technician", "Hartwell Pharmacy", "hartwellpharmacy.example", 3)
        self.pharm_admin = mk("delivery coordinator", "Hartwell Pharmacy", "hartwellpharmacy.example", 1)
        self.optoms = mk("optometrist", "ClearSight Home Eyecare", "clearsight-home.example", 2)
        self.do = mk("dispensing optician", "ClearSight Home Eyecare", "clearsight-home.example", 1)
        self.eye_admin = mk("booking coordinator", "ClearSight Home Eyecare", "clearsight-home.example", 1)
        self.auds = mk("audiologist", "HearWell Domiciliary Audiology", "hearwell-dom.example", 2)
        self.aud_tech = mk("hearing aid technician", "HearWell Domiciliary Audiology", "hearwell-dom.example", 1)
        self.fitters = mk("equipment technician", "Wyvern Vale ICES", "wv-ices.example", 4)
        self.ices_coord = mk("ICES coordinator", "Wyvern Vale ICES", "wv-ices.example", 1)
        self.ots = mk("occupational therapist", "Wyvern Vale ICES", "wv-ices.example", 1)
        self.wcs = mk("wheelchair therapist", "Wyvern Vale Wheelchair Service", "wv-ices.example", 1)
        self.admirals = mk("Admiral nurse", "Memory Assessment & Dementia Support", "wvmemory.example", 3)
        self.advisers = mk("dementia adviser", "Memory Assessment & Dementia Support", "wvmemory.example", 3)
        self.psych = mk("consultant old age psychiatrist", "Memory Assessment & Dementia Support", "wvmemory.example", 1)
        self.mem_admin = mk("memory service administrator", "Memory Assessment & Dementia Support", "wvmemory.example", 1)
        self.sl_officers = mk("Shared Lives officer", "Wyvern Vale Council", "wyvernvale.gov.example", 2)
        self.dp_officer = mk("direct payments officer", "Wyvern Vale Council", "wyvernvale.gov.example", 1)
        self.sw = mk("social worker", "Wyvern Vale Council", "wyvernvale.gov.example", 1)
        self.sl_carers = mk("Shared Lives carer", "Wyvern Vale Shared Lives", "sharedlives-carers.example", 4)
        self.pas = mk("personal assistant", "direct payment PA", "mailbox.example", 5)
        self.gps = mk("GP", "practice", "nhs-fed.example", 4)
        self.clin_dir = mk("clinical director", "Wyvern Vale GP Federation", "nhs-fed.example", 1)
        self.ig = mk("IG lead", "Wyvern Vale GP Federation", "nhs-fed.example", 1)
        self.opsman = mk("operations manager", "Wyvern Vale GP Federation", "nhs-fed.example", 1)
        for g in self.gps + self.clin_dir:
            g["dr"] = "Dr " + g["name"]
        for i, g in enumerate(self.gps):
            g["practice"] = PRACTICES[i][0]
        for c in self.sl_carers + self.pas:
            c["addr"] = self.address()
            c["dob"] = dt.date(r.randint(1958, 1998), r.randint(1, 12), r.randint(1, 28))
        # Shared Lives carer households: related people
        self.sl_house = {}
        for c in self.sl_carers:
            hh = []
            for rel in r.sample(["husband", "wife", "partner", "son", "daughter", "mother"], r.randint(1, 2)):
                pool = M_MID if rel in ("husband", "son") else F_MID if rel in ("wife", "daughter", "mother") else r.choice([M_MID, F_MID])
                if rel in ("son", "daughter"):
                    pool = M_YOUNG if rel == "son" else F_YOUNG
                f, s = self.fresh_name(pool, surname=c["sur"] if r.random() < 0.8 else None)
                hh.append({"name": f + " " + s, "relationship": rel, "phone": self.phone() if r.random() < 0.6 else ""})
            self.sl_house[c["name"]] = hh

        # patients
        people = []
        n_couples = max(2, n // 18)
        i = 0
        while len(people) < n:
            kind = r.random()
            couple = len(people) < n_couples * 2 and len(people) + 2 <= n
            if couple:
                a = self.patient(kind="older")
                b = self.patient(kind="older", sex="F" if a["sex"] == "M" else "M",
                                 surname=a["surname"] if r.random() < 0.75 else None, addr=a["addr"])
                a["partner"], b["partner"] = b["pid"], a["pid"]
                b["gp"] = a["gp"]
                people += [a, b]
            else:
                k = "ld" if kind < 0.12 else "yod" if kind < 0.2 else "older"
                people.append(self.patient(kind=k))
            i += 1
        self.people = people
        self.by = {p["pid"]: p for p in people}
        # services
        for p in people:
            sv = set()
            if p["kind"] == "ld":
                sv |= set(r.sample(["sharedlives", "dp", "dp", "eye", "audiology", "pharmacy"], 2))
                if r.random() < 0.5:
                    sv.add("sharedlives" if "dp" in sv else "dp")
            elif p["kind"] == "yod":
                sv |= {"memory"}
                sv |= set(r.sample(["pharmacy", "dp", "ices", "eye"], r.randint(1, 2)))
            else:
                for s, pr in [("pharmacy", .55), ("eye", .35), ("audiology", .38), ("ices", .42), ("memory", .3), ("dp", .06)]:
                    if r.random() < pr:
                        sv.add(s)
                if not sv:
                    sv.add(r.choice(["pharmacy", "ices", "eye", "audiology"]))
            p["services"] = sv
            p["mds"] = "pharmacy" in sv and r.random() < 0.6
            p["wheelchair"] = "ices" in sv and r.random() < 0.35
        # couples share memory/pharmacy sometimes
        for p in people:
            if p.get("partner") and r.random() < 0.5:
                p["services"].add("pharmacy")
        # relatives
        for p in people:
            self.relatives(p)
        # home access per household (never for Shared Lives placements)
        done = set()
        for p in people:
            if p["pid"] in done:
                continue
            hh = [p] + ([self.by[p["partner"]]] if p.get("partner") else [])
            for q in hh:
                done.add(q["pid"])
            if "sharedlives" in p["services"] or any("sharedlives" in q["services"] for q in hh):
                continue
            if r.random() < 0.34:
                acc = self.make_access(p)
                for q in hh:
                    q["access"] = acc

    def patient(self, kind, sex=None, surname=None, addr=None):
        r = self.r
        sex = sex or r.choice("FFM")
        if kind == "ld":
            pool = F_YOUNG if sex == "F" else M_YOUNG
            yr = r.randint(1980, 2006)
        elif kind == "yod":
            pool = F_MID if sex == "F" else M_MID
            yr = r.randint(1962, 1974)
        else:
            pool = F_OLD if sex == "F" else M_OLD
            yr = r.randint(1927, 1952)
        f, s = self.fresh_name(pool, surname)
        mids = []
        x = r.random()
        if x < 0.42:
            mids = [r.choice([m for m in pool if m != f])]
        elif x < 0.48:
            mids = r.sample([m for m in pool if m != f], 2)
        dob = dt.date(yr, r.randint(1, 12), r.randint(1, 28))
        title = ("Mrs" if r.random() < 0.7 else "Miss" if r.random() < 0.5 else "Ms") if sex == "F" else "Mr"
        if kind == "ld" and sex == "F":
            title = r.choice(["Miss", "Ms"])
        pid = len(getattr(self, "_pids", [])) + 1
        self._pids = getattr(self, "_pids", []) + [pid]
        p = {"pid": pid, "forename": f, "surname": s, "middle": mids, "sex": sex, "dob": dob, "title": title,
             "kind": kind, "nhs": self.nhs() if r.random() < 0.86 else "",
             "addr": addr or self.address(), "phone": self.landline() if r.random() < 0.6 else self.phone(),
             "gp": r.choice(range(4)), "access": None, "rels": [], "partner": None,
             "local": "HP%06d" % r.randint(100000, 999999)}
        if kind == "ld":
            p["cond"] = r.choice(["learning disability", "Down syndrome", "autism and learning disability", "cerebral palsy with learning disability"])
        elif kind == "yod":
            p["cond"] = r.choice(["young onset Alzheimer's disease", "frontotemporal dementia", "mild cognitive impairment"])
        else:
            p["cond"] = r.choice(["Alzheimer's disease", "vascular dementia", "mixed dementia", "Parkinson's disease",
                                  "COPD", "type 2 diabetes", "heart failure", "osteoarthritis", "macular degeneration",
                                  "atrial fibrillation", "stroke with left-sided weakness", "glaucoma", "CKD stage 3"])
        return p

    def relatives(self, p):
        r = self.r
        k = r.choice([1, 1, 2, 2, 3]) if p["kind"] != "ld" else 2
        rels = []
        opts = (["mother", "father", "sister", "brother"] if p["kind"] == "ld" else
                ["daughter", "son", "niece", "nephew", "son-in-law", "granddaughter", "friend", "neighbour", "sister", "brother"])
        if not p.get("partner") and p["kind"] != "ld" and r.random() < 0.35:
            opts = ["wife" if p["sex"] == "M" else "husband"] + opts
            k = max(k, 2)
        chosen = []
        for o in opts:
            if len(chosen) >= k:
                break
            if r.random() < 0.55 or (o in ("wife", "husband", "mother")):
                chosen.append(o)
        if not chosen:
            chosen = [opts[0]]
        for o in chosen:
            male = o in ("son", "nephew", "son-in-law", "father", "brother", "husband") or (o in ("friend", "neighbour") and r.random() < 0.4)
            if o in ("sister", "brother", "husband", "wife") and p["kind"] == "older":
                pool = M_OLD if male else F_OLD
            elif o == "granddaughter":
                pool = F_YOUNG
            else:
                pool = M_MID if male else F_MID
            same = o in ("son", "father", "mother", "husband", "wife", "brother") or (o in ("daughter", "sister") and r.random() < 0.5)
            f, s = self.fresh_name(pool, surname=p["surname"] if same else None)
            rp = {"name": f + " " + s, "first": f, "sur": s, "relationship": o, "phone": self.phone(),
                  "dob": None, "nhs": "", "addr": self.address() if o not in ("husband", "wife") else p["addr"],
                  "roles": []}
            if r.random() < 0.22:
                yr = p["dob"].year + (r.randint(22, 38) if o in ("daughter", "son", "son-in-law", "niece", "nephew") else r.randint(-6, 6))
                if o in ("mother", "father"):
                    yr = p["dob"].year - r.randint(22, 35)
                if o == "granddaughter":
                    yr = p["dob"].year + r.randint(45, 60)
                yr = min(yr, 2004)
                rp["dob"] = dt.date(yr, r.randint(1, 12), r.randint(1, 28))
                if r.random() < 0.3:
                    rp["nhs"] = self.nhs()
            rels.append(rp)
        rels[0]["roles"].append("next of kin")
        if p["kind"] == "ld" or ("dp" in p["services"] and r.random() < 0.5) or ("memory" in p["services"] and r.random() < 0.4):
            rels[0]["roles"].append(r.choice(["appointee", "LPA (health and welfare)", "LPA (property and financial affairs)"]))
        p["rels"] = rels

    def make_access(self, p):
        r = self.r
        kinds = [r.choices(["code", "hidden_key", "key_holder", "left_open"], [46, 20, 18, 16])[0]]
        if r.random() < 0.2:
            other = r.choice([k for k in ["code", "hidden_key", "key_holder"] if k != kinds[0]])
            kinds.append(other)
        acc = {"kinds": kinds}
        if "code" in kinds:
            digits = "%04d" % r.randint(0, 9999)
            while digits.startswith(("19", "20")) or len(set(digits)) == 1:
                digits = "%04d" % r.randint(0, 9999)
            form = r.random()
            code = digits if form < 0.7 else ("C" + digits) if form < 0.82 else (digits + "#") if form < 0.92 else "%d%s" % (r.randint(1, 9), digits)
            acc["code"] = code
            flat = p["addr"]["flat"]
            acc["code_lines"] = [
                "Key safe %s the front door, code %s." % (r.choice(["left of", "right of", "beside", "above"]), code),
                "KS code %s (box on wall by %s)." % (code, "the flat door" if flat else r.choice(["back door", "porch", "garage"])),
                "Key in key safe - combination %s - please put key back and scramble." % code,
                "Keysafe: %s" % code,
            ] if not flat else [
                "Own key safe beside flat door, code %s." % code,
                "Key safe outside flat %s, code %s - return key and scramble." % (p["addr"]["line1"].split(",")[0].replace("Flat ", ""), code),
                "Keysafe: %s" % code,
            ]
            if not flat and r.random() < 0.3:
                acc["code_lines"].append("Side gate padlock %s then key safe on back wall." % code)
        if "hidden_key" in kinds:
            spot = r.choice(["under the blue plant pot by the back door", "in the meter box on the left of the house",
                             "under the stone frog on the front step", "on a string behind the letterbox",
                             "hanging on the hook inside the shed door", "in the bird box on the side fence",
                             "under the mat at the back door", "under the third plant pot along the patio"])
            if p["addr"]["flat"]:
                spot = r.choice(["under the doormat outside the flat door", "in the electric meter cupboard next to her flat door"
                                 if p["sex"] == "F" else "in the electric meter cupboard next to his flat door"])
            acc["spot"] = spot
            acc["hidden_lines"] = ["Spare key is %s." % spot, "Key %s - let yourself in." % spot,
                                   "If no answer use spare key (%s)." % spot]
        if "key_holder" in kinds:
            if p["rels"] and r.random() < 0.5:
                kh = r.choice(p["rels"])
            else:
                sex = r.choice("FM")
                f, s = self.fresh_name(F_OLD + F_MID if sex == "F" else M_OLD + M_MID)
                kh = {"name": f + " " + s, "first": f, "sur": s, "relationship": "neighbour", "phone": self.phone(),
                      "dob": None, "nhs": "", "addr": None, "roles": []}
                kh["house_no"] = r.randint(1, 60)
                p["rels"].append(kh)
            kh["roles"].append("key holder")
            acc["holder"] = kh
            where = ("at no. %d" % kh["house_no"]) if kh.get("house_no") else ""
            acc["holder_lines"] = [
                "Key holder: %s (%s%s) %s" % (kh["name"], kh["relationship"], (" " + where) if where else "", kh["phone"]),
                "%s %s holds a spare key - ring %s if no answer." % (kh["relationship"].capitalize(), kh["name"], kh["phone"]),
                "No key safe. %s (%s) has a key and will come and let you in." % (kh["name"], kh["relationship"]),
            ]
            if "code" in kinds or "hidden_key" in kinds:
                acc["holder_lines"][2] = "%s (%s) also has a key and lives nearby." % (kh["name"], kh["relationship"])
        if "left_open" in kinds:
            acc["open_lines"] = ["Back door left unlocked for visitors in the morning - let yourself in and call out.",
                                 "Front door on the latch during the day, just push the door and shout hello.",
                                 "Leaves the door unlocked for the driver - let yourself in, meds on the kitchen table."]
        if "code" in kinds:
            acc["truth"] = acc["code"]
        elif "hidden_key" in kinds:
            acc["truth"] = "spare key " + acc["spot"]
        elif "key_holder" in kinds:
            acc["truth"] = "key held by %s (%s)" % (acc["holder"]["name"], acc["holder"]["relationship"])
        else:
            acc["truth"] = "door left unlocked / on the latch for visitors"
        return acc

    def access_line(self, p):
        """one line telling a reader how to get in (or '' when none)."""
        a = p["access"]
        if not a:
            return ""
        r = self.r
        k = r.choice(a["kinds"])
        self.access_written.setdefault(p["pid"], set()).add(k)
        if k == "code":
            return r.choice(a["code_lines"])
        if k == "hidden_key":
            return r.choice(a["hidden_lines"])
        if k == "key_holder":
            self.related_seen.add(a["holder"]["name"])
            return r.choice(a["holder_lines"])
        return r.choice(a["open_lines"])

    def all_access_lines(self, p):
        a = p["access"]
        self.access_written.setdefault(p["pid"], set()).update(a["kinds"])
        out = []
        for k in a["kinds"]:
            if k == "code":
                out.append(a["code_lines"][0])
            elif k == "hidden_key":
                out.append(a["hidden_lines"][0])
            elif k == "key_holder":
                self.related_seen.add(a["holder"]["name"])
                out.append(a["holder_lines"][0])
            else:
                out.append(a["open_lines"][0])
        return "\n".join(out)

    def near_miss(self, p=None):
        """a line that looks like access but opens no one's home"""
        r = self.r
        tok = lambda n, al="0123456789ABCDEF": "".join(r.choice(al) for _ in range(n))
        person = [
            "Collection locker PIN %06d texted to %s (Hartwell branch locker)." % (r.randint(100000, 999999), r.choice(["daughter", "son", "patient"])),
            "EPS token %s-%s-%s." % (tok(6), tok(6), tok(6, "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ")),
            "Order no. ORD-%07d." % r.randint(1000000, 9999999),
            "Key safe fitting requested via Careline - no code yet.",
            "Old key safe removed (broken); no code held.",
            "Door code is held by the office - ring for it, never write it on the run sheet.",
            "Please lock the door behind you and check the door chain.",
            "Prescription locker 14 at the pharmacy, PIN %04d." % r.randint(1000, 9999),
            "Case no. %s/%d/%05d." % (r.choice(["SL", "DP", "ASC", "MEM"]), 2026, r.randint(1, 99999)),
            "Pendant alarm tested OK, Careline ref %d." % r.randint(100000, 999999),
            "Hearing aid serial SN%d%s%04d." % (r.randint(20, 26), r.choice("ABCK"), r.randint(0, 9999)),
        ]
        work = [
            "Van keys in depot key safe, code %04d - return by 17:30." % r.randint(1000, 9999),
            "Equipment store door code %d# (Unit 4, Brindley Park)." % r.randint(1000, 9999),
            "Clinic room keypad C%04d at Elmfield Surgery." % r.randint(1000, 9999),
            "Office alarm code changed to %04d (staff only)." % r.randint(1000, 9999),
            "Batch LOT %s%d." % (r.choice("ABKXZ"), r.randint(10000, 99999)),
            "Job no. ICES-%06d." % r.randint(100000, 999999),
            "Controlled drugs cabinet key with the responsible pharmacist; CD register page %d." % r.randint(10, 99),
        ]
        if p and p["access"]:
            person = [x for x in person if "ey safe" not in x and "oor code" not in x]
        return r.choice(person if p else work)

    def shape_full(self, p):
        return self.shape(p, self.r.choice(["full", "mid", "title_full", "SURNAME_comma", "upper", "title_full_mid", "mid_init"]))

    def spouse_word(self, q):
        return "husband" if q["sex"] == "M" else "wife"

    # ------------------------------------------------------------- generators
    def run(self):
        self.build()
        self.gen_pharmacy()
        self.gen_eye()
        self.gen_audiology()
        self.gen_ices()
        self.gen_memory()
        self.gen_sharedlives_dp()
        self.gen_meetings()
        self.gen_incidents()
        self.gen_mail_misc()
        self.gen_hl7_fhir()
        self.ensure_access()
        self.ensure_dob()

    def svc(self, s):
        return [p for p in self.people if s in p["services"]]

    def row_name_dob(self, p):
        self.dob_shown.add(p["pid"])

    # ---- pharmacy
    def gen_pharmacy(self):
        r = self.r
        deliv = self.svc("pharmacy")
        if not deliv:
            return
        # run notes (free text), one per driver-day
        days = sorted({self.day(20) for _ in range(8)})
        export_rows = []
        for d in days:
            for drv in r.sample(self.drivers, 2):
                drops = r.sample(deliv, min(len(deliv), r.randint(5, 10)))
                ph = r.choice(self.pharmacists)
                br = r.choice(BRANCHES)
                lines = ["HARTWELL PHARMACY - %s branch" % br,
                         "Home delivery run notes   %s   Driver: %s" % (d.strftime("%a %d %b %Y"), self.st(drv)),
                         "Bags checked out by %s, pharmacist. %s" % (self.st(ph), self.near_miss() if r.random() < 0.5 else ""),
                         ""]
                for k, p in enumerate(drops, 1):
                    t = "%02d:%02d" % (9 + k // 2, r.randint(0, 59))
                    nm = self.shape(p)
                    extra = " (%d)" % self.age(p["dob"]) if r.random() < 0.3 else ""
                    lines.append("Drop %d  %s  %s%s, %s" % (k, t, nm, extra, self.addr_str(p["addr"])))
                    if p["access"] and r.random() < 0.75:
                        lines.append("   " + self.access_line(p))
                    elif r.random() < 0.25:
                        lines.append("   " + self.near_miss(p))
                    if p["mds"]:
                        lines.append("   %d x MDS trays (weekly). Put in kitchen, not on doorstep." % r.randint(1, 4))
                    outcome = r.choice(["Delivered, signed.", "Delivered - handed to %s." % (self.rel(p["rels"][0]) + " (" + p["rels"][0]["relationship"] + ")"),
                                        "No answer x2, card left, returned to branch.", "Delivered.", "Delivered, patient asked about flu jab."])
                    if p.get("partner"):
                        q = self.by[p["partner"]]
                        outcome += " %s's items in same bag." % self.shape(q, "title_full")
                    lines.append("   " + outcome)
                    export_rows.append([d.isoformat(), "RUN-%s-%s" % (d.strftime("%d%m"), drv["first"][:2].upper()), k,
                                        self.st(drv), p["surname"], p["forename"], p["addr"]["line1"], p["addr"]["postcode"],
                                        self.dob_fmt(p["dob"], "slash") if r.random() < 0.6 else "", p["nhs"] if r.random() < 0.5 else "",
                                        "%d" % r.randint(1, 6), self.access_line(p) if p["access"] and r.random() < 0.5 else "",
                                        outcome.split(".")[0], self.st(ph)])
                    if export_rows[-1][8]:
                        self.dob_shown.add(p["pid"])
                lines.append("")
                lines.append("Returned van keys to depot key safe. Mileage %d." % r.randint(30, 120))
                self.write_text("Hartwell_Pharmacy/Deliveries/run_notes/%s_%s.txt" % (d.isoformat(), drv["first"].lower()), "\n".join(lines))
        # export (csv, weekly)
        hdr = ["run_date", "run_ref", "drop", "driver", "cust_surname", "cust_first", "addr1", "postcode", "cust_dob",
               "nhs_no", "items", "delivery_instructions", "outcome", "released_by"]
        byd = {}
        for row in export_rows:
            byd.setdefault(row[0], []).append(row)
        for k, (dd, rows) in enumerate(sorted(byd.items())):
            if k % 3 == 2:
                self.write_xlsx("Hartwell_Pharmacy/Deliveries/exports/delivery_export_%s.xlsx" % dd, [("Runs", None, hdr, rows)])
            else:
                self.write_csv("Hartwell_Pharmacy/Deliveries/exports/delivery_export_%s.csv" % dd, hdr, rows)
        # failed-delivery notes (free text) + emails
        for p in r.sample(deliv, min(len(deliv), max(3, len(deliv) // 6))):
            drv = r.choice(self.drivers)
            d = self.day(20)
            txt = ["FAILED DELIVERY NOTE", "Date: %s   Driver: %s" % (d.strftime("%d/%m/%Y"), self.st(drv)),
                   "Patient: %s   DOB: %s" % (self.shape(p, r.choice(["full", "SURNAME_comma", "title_full_mid"])), self.dob_fmt(p["dob"])),
                   "Address: %s" % self.addr_str(p["addr"]),
                   "Knocked and rang %s, no answer. Neighbour said %s may be in hospital." % (p["phone"], "she" if p["sex"] == "F" else "he"),
                   ]
            if p["access"] and "left_open" not in p["access"]["kinds"] and r.random() < 0.6:
                txt.append("Did not use key safe / key - policy is not to enter if patient not known to be in. (%s)" % self.access_line(p))
            else:
                txt.append(self.near_miss(p))
            txt.append("Meds returned to %s branch CD cupboard, logged by %s." % (r.choice(BRANCHES), self.st(r.choice(self.techs))))
            if r.random() < 0.5:
                rp = p["rels"][0]
                txt.append("Rang %s (%s) on %s - will collect from branch." % (self.rel(rp), rp["relationship"], rp["phone"]))
            self.dob_shown.add(p["pid"])
            if r.random() < 0.5:
                self.write_text("Hartwell_Pharmacy/Deliveries/failed/failed_%s_%s.txt" % (d.strftime("%Y%m%d"), p["surname"].lower().replace("'", "")), "\n".join(txt))
            else:
                self.write_eml("Hartwell_Pharmacy/Mail/failed_delivery_%d.eml" % self.nid(), drv, [r.choice(self.pharmacists)],
                               [self.pharm_admin[0]], "Failed delivery - %s" % self.shape(p, "title_sur"), "\n".join(txt) + "\n\n" + drv["first"], when=d)
        # MDS dosette schedules: xlsx per branch + csv
        mds = [p for p in deliv if p["mds"]]
        for bi, br in enumerate(BRANCHES):
            sub = mds[bi::3]
            if not sub:
                continue
            rows = []
            for p in sub:
                meds = r.sample(["Donepezil 10mg", "Amlodipine 5mg", "Metformin 500mg", "Atorvastatin 20mg", "Ramipril 2.5mg",
                                 "Bisoprolol 2.5mg", "Furosemide 40mg", "Levothyroxine 50mcg", "Memantine 10mg", "Apixaban 5mg",
                                 "Sertraline 50mg", "Co-careldopa 25/100", "Lansoprazole 15mg", "Paracetamol 500mg"], 4)
                rows.append([self.shape(p, r.choice(["full", "mid", "SURNAME_comma"])), self.dob_fmt(p["dob"], r.choice(["slash", "iso", "dot"])),
                             p["nhs"], meds[0], meds[1], meds[2], meds[3], "weekly", self.st(r.choice(self.techs)),
                             self.st(r.choice(self.pharmacists)), "LOT %s%d" % (r.choice("ABKXZ"), r.randint(10000, 99999)),
                             "Delivery" if r.random() < 0.8 else "Collect (locker)"])
                self.dob_shown.add(p["pid"])
            hdr = ["Patient (full name)", "D.O.B.", "NHS No.", "Breakfast", "Lunch", "Teatime", "Bedtime", "Cycle",
                   "Assembled by", "Clinical check", "Tray batch", "Supply"]
            if bi == 1:
                self.write_csv("Hartwell_Pharmacy/MDS/dosette_schedule_%s.csv" % br.split()[0].lower(), hdr, rows)
            else:
                self.write_xlsx("Hartwell_Pharmacy/MDS/MDS_schedule_%s.xlsx" % br.split()[0], [("MDS " + br.split()[0], "Monitored dosage schedule - %s - w/c 16 Nov 2026" % br, hdr, rows)])

    # ---- eye care
    def gen_eye(self):
        r = self.r
        pts = self.svc("eye")
        hl7 = []
        daysheets = {}
        for p in pts:
            op = r.choice(self.optoms)
            d = self.day(40)
            va_r, va_l = r.choice(["6/6", "6/9", "6/12", "6/18", "6/24", "6/36", "6/60"]), r.choice(["6/6", "6/9", "6/12", "6/18", "6/24"])
            finding = r.choice(["early cataract both eyes", "dense cataract right eye", "dry age-related macular degeneration",
                                "suspected wet AMD left eye", "primary open-angle glaucoma (known)", "diabetic retinopathy (background)",
                                "no significant pathology", "posterior capsule opacification right eye"])
            urgent = "wet" in finding or "dense" in finding
            rec = ["CLEARSIGHT HOME EYECARE - DOMICILIARY SIGHT TEST RECORD",
                   "Visit date: %s   Optometrist: %s   GOC 01-%05d" % (d.strftime("%d/%m/%Y"), self.st(op), r.randint(10000, 99999)),
                   "Patient: %s" % self.shape(p, r.choice(["SURNAME_comma", "title_full_mid", "full"])),
                   ("DOB: %s" % self.dob_fmt(p["dob"])) if r.random() < 0.75 else "Age: %d" % self.age(p["dob"]),
                   "NHS no: %s" % self.nhs_fmt(p["nhs"]) if p["nhs"] else "NHS no: not known (ask GP)",
                   "Address: %s" % self.addr_str(p["addr"]),
                   "GP: %s, %s" % (self.gps[p["gp"]]["dr"], PRACTICES[p["gp"]][0]),
                   ]
            self.st(self.gps[p["gp"]])
            if rec[3].startswith("DOB"):
                self.dob_shown.add(p["pid"])
            if p["access"] and r.random() < 0.7:
                rec.append("Access: " + self.access_line(p))
            rec += ["Reason for visit: unable to leave home unaccompanied (%s)." % p["cond"],
                    "VA R %s  L %s   IOP R %d L %d mmHg" % (va_r, va_l, r.randint(12, 24), r.randint(12, 24)),
                    "Findings: %s." % finding,
                    "Rx: R %+.2f/%+.2f x%d  L %+.2f/%+.2f x%d  Add +%.2f" % (r.randint(-12, 12) / 4, -r.randint(0, 8) / 4, r.randint(1, 180), r.randint(-12, 12) / 4, -r.randint(0, 8) / 4, r.randint(1, 180), r.randint(8, 12) / 4),
                    "Outcome: %s." % ("urgent referral to hospital eye service" if urgent else r.choice(["new spectacles ordered", "routine recall 12 months", "referral to HES (routine)"])),
                    "Frames order no. ORD-%07d, dispensed by %s." % (r.randint(1000000, 9999999), self.st(self.do[0]))]
            if r.random() < 0.5:
                rp = p["rels"][0]
                rec.append("%s (%s) present for the test." % (self.rel(rp), rp["relationship"]))
            if r.random() < 0.3:
                fn = "ClearSight_Eyecare/visit_records/%s/%s_%s.txt" % (d.strftime("%Y-%m"), p["surname"].replace("'", ""), p["local"])
                self.write_text(fn, "\n".join(rec))
            else:
                daysheets.setdefault((d, op["first"]), []).append("\n".join(rec))
            # letters to GP / HES for ~60%
            if r.random() < 0.6:
                gp = self.gps[p["gp"]]
                hes = "referral" in rec[-2] or urgent
                hdr = ["ClearSight Home Eyecare Ltd", "Unit 2, Brindley Park, Wyvernbury WR11 2PL", "Tel 01632 960000"]
                to = "Eye Casualty / Ophthalmology Referrals, Wyvern Vale General Hospital" if hes else "%s, %s" % (self.st(gp) and gp["dr"], gp["practice"])
                body = [d.strftime("%d %B %Y"), to, "",
                        "Re: %s  DOB %s  NHS %s" % (self.shape(p, r.choice(["title_full", "title_full_mid", "SURNAME_comma"])), self.dob_fmt(p["dob"]), self.nhs_fmt(p["nhs"]) if p["nhs"] else "(not held)"),
                        self.addr_str(p["addr"]), "",
                        ("I saw this patient at home today and would be grateful for an %s ophthalmology appointment. " % ("urgent" if urgent else "routine"))
                        if hes else "I carried out a domiciliary sight test today; results for your records.",
                        "VA R %s, L %s. Findings: %s. %s" % (va_r, va_l, finding, "The patient has %s and lives alone." % p["cond"] if r.random() < 0.5 else ""),
                        "Please note for transport: %s" % (self.access_line(p) if p["access"] and r.random() < 0.4 else "patient needs a wheelchair for transfer."),
                        "", "Yours sincerely", "", self.st(op), "Optometrist", "cc %s; patient" % (gp["dr"] if hes else "file")]
                self.dob_shown.add(p["pid"])
                self.write_letter("ClearSight_Eyecare/letters/%s_%s_%s" % ("HES_referral" if hes else "GP_result", p["surname"].replace("'", ""), d.strftime("%Y%m%d")), hdr, body)
            # HL7 ORU to federation hub for some
            if r.random() < 0.45:
                hl7.append(self.hl7_msg(p, "ORU^R01", "CLEARSIGHT", d, obx=[("VA-R", "Visual acuity right", va_r), ("VA-L", "Visual acuity left", va_l),
                                                                             ("FIND", "Findings", finding)], staff=op))
        for i in range(0, len(hl7), 2):
            self.write_hl7("ClearSight_Eyecare/hl7_outbound/ORU_batch_%02d.hl7" % (i // 2 + 1), hl7[i:i + 2])
        self.flush_daysheets(daysheets, "ClearSight_Eyecare/visit_records/day_sheets")

    def flush_daysheets(self, sheets, folder):
        # visits of one clinician's day in one file; a lone visit goes into the next day's sheet
        keys = sorted(sheets)
        buf, first = [], None
        for k in keys:
            buf += sheets[k]
            first = first or k
            if len(buf) >= 3:
                self.write_text("%s/%s_%s.txt" % (folder, first[0].isoformat(), first[1].lower()),
                                ("\n\n" + "=" * 50 + "\n\n").join(buf))
                buf, first = [], None
        if buf:
            self.write_text("%s/%s_%s.txt" % (folder, first[0].isoformat(), first[1].lower()), "\n".join(buf))

    def hl7_name(self, p):
        return "%s^%s^%s^^%s" % (p["surname"].upper(), p["forename"], " ".join(p["middle"]), p["title"])

    def hl7_msg(self, p, mtype, app, d, obx=(), staff=None, nte=None):
        r = self.r
        ts = d.strftime("%Y%m%d") + "%02d%02d00" % (r.randint(8, 17), r.randint(0, 59))
        pid3 = ("%s^^^NHS^NH~" % p["nhs"] if p["nhs"] else "") + "%s^^^%s^PI" % (p["local"], app)
        segs = ["MSH|^~\\&|%s|%s|FEDHUB|WYVERNVALEFED|%s||%s|%s%d|P|2.4" % (app, app, ts, mtype, app[:3], self.nid())]
        if mtype.startswith("ADT"):
            segs.append("EVN|%s|%s" % (mtype.split("^")[1], ts))
        segs.append("PID|1||%s||%s||%s|%s|||%s^^%s^^%s^GBR||%s" % (pid3, self.hl7_name(p), p["dob"].strftime("%Y%m%d"), p["sex"],
                                                                   p["addr"]["line1"], p["addr"]["town"], p["addr"]["postcode"], p["phone"].replace(" ", "")))
        self.dob_shown.add(p["pid"])
        for i, rp in enumerate(p["rels"][:2], 1):
            code = {"daughter": "DAU", "son": "SON", "wife": "SPO", "husband": "SPO", "mother": "MTH", "father": "FTH",
                    "sister": "SIS", "brother": "BRO", "neighbour": "NBR", "friend": "FND"}.get(rp["relationship"], "OTH")
            segs.append("NK1|%d|%s^%s|%s^%s|%s|%s||%s" % (i, rp["sur"].upper(), rp["first"], code, rp["relationship"],
                                                         self.addr_str(rp["addr"], "^") if rp["addr"] else "", rp["phone"].replace(" ", ""),
                                                         "NOK" if "next of kin" in rp["roles"] else ("KEY" if "key holder" in rp["roles"] else "")))
            self.related_seen.add(rp["name"])
        gp = self.gps[p["gp"]]
        self.st(gp)
        segs.append("PV1|1|O|HOMEVISIT^^^%s||||G%07d^%s^%s^^^Dr|||%s" % (app, 1000000 + p["gp"] * 13, gp["sur"].upper(), gp["first"], {"CLEARSIGHT": "OPT", "HEARWELL": "AUD", "WVMEMORY": "MEM", "HARTWELL": "PHA", "WVICES": "ICE"}.get(app, "OTH")))
        if staff:
            self.st(staff)
            segs.append("ROL|1|AD|PP^Performing provider|%s^%s^%s" % (r.randint(100000, 999999), staff["sur"].upper(), staff["first"]))
        if mtype.startswith("ORU"):
            segs.append("OBR|1|%d||%s|||%s" % (self.nid(), "DOMVISIT^Domiciliary visit", ts))
        for k, (code, label, val) in enumerate(obx, 1):
            segs.append("OBX|%d|ST|%s^%s||%s||||||F" % (k, code, label, val))
        notes = []
        if nte:
            notes.append(nte)
        if p["access"] and r.random() < 0.45:
            notes.append("Visit access: " + self.access_line(p))
        elif r.random() < 0.2:
            notes.append(self.near_miss(p))
        for k, t in enumerate(notes, 1):
            segs.append("NTE|%d||%s" % (k, t.replace("|", "/")))
        return segs

    # ---- audiology
    def gen_audiology(self):
        r = self.r
        pts = self.svc("audiology")
        hl7 = []
        daysheets = {}
        repairs = []
        for p in pts:
            au = r.choice(self.auds)
            d = self.day(40)
            serial_r, serial_l = "SN%d%s%04d" % (r.randint(20, 26), r.choice("ABCK"), r.randint(0, 9999)), "SN%d%s%04d" % (r.randint(20, 26), r.choice("ABCK"), r.randint(0, 9999))
            loss = r.choice(["mild", "moderate", "moderate-to-severe", "severe"])
            visit = r.choice(["fitting", "fitting", "follow-up", "repair", "wax check and retube"])
            rec = ["HEARWELL DOMICILIARY AUDIOLOGY - home visit record",
                   "%s | %s | audiologist %s" % (d.strftime("%d.%m.%Y"), visit.upper(), self.st(au)),
                   "Client: %s, aged %d" % (self.shape(p, r.choice(["title_full", "full", "upper", "mid_init"])), self.age(p["dob"])),
                   "Address: %s" % self.addr_str(p["addr"])]
            if r.random() < 0.4:
                rec.insert(3, "Date of birth: %s" % self.dob_fmt(p["dob"]))
                self.dob_shown.add(p["pid"])
            if p["access"] and r.random() < 0.65:
                rec.append("Getting in: " + self.access_line(p))
            rec += ["Audiogram: %s bilateral sensorineural hearing loss. Also has %s." % (loss, p["cond"]),
                    "Aids: R serial %s, L serial %s (BTE, open fit). Batteries size 312." % (serial_r, serial_l),
                    "Outcome: %s" % r.choice(["aids fitted and verified, REM done", "aid returned to lab for repair", "retubed both aids", "no further action"])]
            if p.get("partner"):
                q = self.by[p["partner"]]
                rec.append("%s %s also on our caseload - seen same visit." % (self.spouse_word(q).capitalize(), self.shape(q, "full")) if "audiology" in q["services"]
                           else "%s (%s) present throughout." % (self.shape(q, "full"), self.spouse_word(q)))
            elif r.random() < 0.5:
                rp = r.choice(p["rels"])
                rec.append("%s %s helps with batteries; phone %s." % (rp["relationship"].capitalize(), self.rel(rp), rp["phone"]))
            rec.append("Tech support: %s." % self.st(self.aud_tech[0]))
            if r.random() < 0.3:
                self.write_text("HearWell_Audiology/visits/%s_%s.txt" % (d.strftime("%Y%m%d"), p["surname"].upper().replace("'", "")), "\n".join(rec))
            else:
                daysheets.setdefault((d, au["first"]), []).append("\n".join(rec))
            repairs.append([d.strftime("%d/%m/%Y"), self.shape(p, "SURNAME_comma"), self.dob_fmt(p["dob"], "slash") if r.random() < 0.5 else "",
                            serial_r, serial_l, visit, self.st(au), "REP-%05d" % r.randint(0, 99999)])
            if repairs[-1][2]:
                self.dob_shown.add(p["pid"])
            if visit == "fitting" and r.random() < 0.7:
                hdr = ["HearWell Domiciliary Audiology", "NHS Any Qualified Provider - Wyvern Vale GP Federation"]
                body = [d.strftime("%d %B %Y"), self.shape(p, "title_full"), self.addr_str(p["addr"], "\n"), "",
                        "Dear %s," % self.shape(p, "title_sur"),
                        "Date of birth: %s   NHS number: %s" % (self.dob_fmt(p["dob"]), self.nhs_fmt(p["nhs"]) if p["nhs"] else "not recorded"),
                        "Thank you for letting us visit you at home. Your new hearing aids were fitted today by %s." % self.st(au),
                        "Serial numbers: right %s, left %s. Your warranty runs to %s." % (serial_r, serial_l, (d + dt.timedelta(days=365 * 3)).strftime("%d/%m/%Y")),
                        "For repairs ring 01632 960000 (quote reference REP-%05d). Replacement batteries are free from %s branch of Hartwell Pharmacy." % (r.randint(0, 99999), r.choice(BRANCHES)),
                        "", "Yours sincerely", self.st(au), "Audiologist", "cc %s, %s" % (self.st(self.gps[p["gp"]]) and self.gps[p["gp"]]["dr"], PRACTICES[p["gp"]][0])]
                self.dob_shown.add(p["pid"])
                self.write_letter("HearWell_Audiology/letters/fitting_%s_%s" % (p["surname"].replace("'", ""), p["local"]), hdr, body)
            if r.random() < 0.4:
                hl7.append(self.hl7_msg(p, "ORU^R01", "HEARWELL", d, obx=[("PTA-R", "Pure tone average right dB HL", str(r.randint(30, 80))),
                                                                           ("PTA-L", "Pure tone average left dB HL", str(r.randint(30, 80)))], staff=au))
        if repairs:
            self.write_xlsx("HearWell_Audiology/repairs_and_fittings_log.xlsx",
                            [("Log", None, ["Visit date", "Client", "DOB", "Serial R", "Serial L", "Visit type", "Audiologist", "Ref"], repairs)])
        for i in range(0, len(hl7), 2):
            self.write_hl7("HearWell_Audiology/hl7/oru_%02d.hl7" % (i // 2 + 1), hl7[i:i + 2])
        self.flush_daysheets(daysheets, "HearWell_Audiology/visits/day_sheets")

    # ---- ICES and wheelchairs
    def gen_ices(self):
        r = self.r
        pts = self.svc("ices")
        jobs = []
        jobdays = sorted({self.day(35) for _ in range(14)})
        for p in pts:
            for _ in range(r.randint(1, 2)):
                d = r.choice(jobdays)
                jt = r.choice(["Delivery", "Delivery", "Collection", "Repair", "Delivery + fit"])
                item = r.choice(["profiling bed + side rails", "alternating pressure mattress", "commode", "perching stool",
                                 "raised toilet seat", "4-wheeled walker", "riser recliner chair", "bath lift", "hoist (mobile)",
                                 "standing frame"])
                if p["wheelchair"] and r.random() < 0.5:
                    item = r.choice(["self-propelled wheelchair", "attendant-propelled wheelchair", "tilt-in-space wheelchair"])
                serial = r.choice(["WC-%05d-%s" % (r.randint(0, 99999), r.choice("KLM")), "ICE%07d" % r.randint(0, 9999999)])
                f1, f2 = r.sample(self.fitters, 2)
                job = "ICES-%06d" % r.randint(100000, 999999)
                acc = self.access_line(p) if p["access"] and r.random() < 0.6 else (self.near_miss(p) if r.random() < 0.3 else "")
                jobs.append((p, d, jt, item, serial, f1, f2, job, acc))
        # job notes free text, grouped by day
        byday = {}
        for j in jobs:
            byday.setdefault(j[1], []).append(j)
        for d, js in sorted(byday.items()):
            lines = ["WYVERN VALE ICES - technician job notes %s" % d.strftime("%A %d %B %Y"),
                     "Store: Unit 4 Brindley Park. %s" % (self.near_miss() if r.random() < 0.6 else ""), ""]
            for (p, _, jt, item, serial, f1, f2, job, acc) in js:
                lines += ["%s  %s  %s" % (job, jt.upper(), item),
                          "Client: %s%s  %s" % (self.shape(p), (" (%d yrs)" % self.age(p["dob"])) if r.random() < 0.4 else "", self.addr_str(p["addr"])),
                          "Crew: %s / %s   Prescriber: %s" % (self.st(f1), self.st(f2), self.st(r.choice(self.ots + self.wcs))),
                          "Serial %s" % serial]
                if acc:
                    lines.append("Access: " + acc)
                lines.append(r.choice(["Fitted and demonstrated to client and family.", "Collected, item to decontamination.",
                                       "Client not in - left card.", "Fitted. %s signed." % self.shape(p, "title_sur"),
                                       "Collected after death - family present, condolences given.", "Repair done on site."]))
                lines.append("-" * 40)
            self.write_text("ICES/job_notes/%s.txt" % d.isoformat(), "\n".join(lines))
        # export csv + xlsx
        rows = []
        for (p, d, jt, item, serial, f1, f2, job, acc) in jobs:
            show_dob = r.random() < 0.65
            rows.append([job, d.strftime("%d/%m/%Y"), jt, p["title"], self.full(p) if r.random() < 0.7 else self.shape(p, "SURNAME_comma"),
                         self.dob_fmt(p["dob"], r.choice(["slash", "dash"])) if show_dob else "", p["nhs"], p["addr"]["line1"],
                         p["addr"]["postcode"], item, serial, self.st(f1), self.st(f2), acc, self.st(r.choice(self.ots + self.wcs))])
            if show_dob:
                self.dob_shown.add(p["pid"])
        hdr = ["Job No", "Job Date", "Job Type", "Title", "Client Name", "Client DOB", "Client NHS", "Address 1", "Postcode",
               "Item", "Serial", "Fitter 1", "Fitter 2", "Access notes", "Assessed by"]
        self.write_csv("ICES/exports/ices_jobs_nov2026.csv", hdr, rows)
        wc = [p for p in pts if p["wheelchair"]]
        if wc:
            wrows = []
            for p in wc:
                wrows.append([p["surname"], " ".join([p["forename"]] + p["middle"]), self.dob_fmt(p["dob"], "iso"), p["nhs"],
                              r.choice(["self-propelled", "attendant", "powered indoor/outdoor", "tilt-in-space"]),
                              "WC-%05d-%s" % (r.randint(0, 99999), r.choice("KLM")), self.st(self.wcs[0]), p["cond"],
                              r.choice(["", "cushion review due", "pressure care risk", "weight 62 kg"])])
                self.dob_shown.add(p["pid"])
            self.write_xlsx("ICES/wheelchair_service/wheelchair_register.xlsx",
                            [("Register", "Wyvern Vale Wheelchair Service - active users", ["Surname", "Forenames", "DoB", "NHS", "Chair type",
                                                                                             "Chair serial", "Therapist", "Diagnosis", "Notes"], wrows)])
        # delivery confirmations (letters) for about half
        for (p, d, jt, item, serial, f1, f2, job, acc) in jobs:
            if jt.startswith("Delivery") and r.random() < 0.45:
                hdr = ["Wyvern Vale Integrated Community Equipment Service", "Unit 4 Brindley Park, Wyvernbury WR11 2PL"]
                body = [d.strftime("%d/%m/%Y"), "%s, %s" % (self.shape(p, "title_full"), self.addr_str(p["addr"])), "",
                        "EQUIPMENT DELIVERY CONFIRMATION - job %s" % job, "<TABLE>",
                        "The equipment above was delivered and fitted by %s and %s. It remains the property of the service." % (self.st(f1), self.st(f2)),
                        "To report a fault ring 01632 960000 quoting the serial number.", "",
                        "Signed for by: %s" % (self.shape(p, "full") if r.random() < 0.6 else "%s (%s)" % (self.rel(p["rels"][0]), p["rels"][0]["relationship"]))]
                table = [["Name", self.shape(p, "full")], ["Date of birth", self.dob_fmt(p["dob"])],
                         ["NHS number", self.nhs_fmt(p["nhs"]) if p["nhs"] else ""], ["Item", item], ["Serial", serial]]
                self.dob_shown.add(p["pid"])
                self.write_letter("ICES/letters/delivery_confirmation_%s" % job, hdr, body, table=table)

    # ---- memory service
    def gen_memory(self):
        r = self.r
        pts = self.svc("memory")
        caseload = []
        for p in pts:
            an = r.choice(self.admirals)
            adv = r.choice(self.advisers)
            carer = p["rels"][0]
            diag = p["cond"] if ("dementia" in p["cond"] or "Alzheimer" in p["cond"] or "cognitive" in p["cond"]) else r.choice(
                ["Alzheimer's disease", "vascular dementia", "mixed dementia", "dementia with Lewy bodies"])
            p["diag"] = diag
            # contact notes (free text, several entries)
            lines = ["MEMORY ASSESSMENT & DEMENTIA SUPPORT SERVICE - CONTACT NOTES",
                     "Service user: %s   %s" % (self.shape(p, r.choice(["SURNAME_comma", "title_full_mid", "full"])),
                                                ("DOB " + self.dob_fmt(p["dob"])) if r.random() < 0.5 else "age %d" % self.age(p["dob"])),
                     "Allocated Admiral nurse: %s   Dementia adviser: %s" % (self.st(an), self.st(adv)), "==="]
            if "DOB" in lines[1]:
                self.dob_shown.add(p["pid"])
            for k in range(r.randint(2, 4)):
                d = self.day(60)
                who = r.choice([an, adv])
                entry = ["%s %s (%s):" % (d.strftime("%d/%m/%Y"), self.st(who), who["role"])]
                entry.append(r.choice([
                    "Home visit. %s is main carer and is exhausted; discussed carer's assessment and respite." % self.rel(carer),
                    "Phone call with %s (%s) - %s more confused in the evenings, wandering at night." % (self.rel(carer), carer["relationship"], p["forename"]),
                    "Joint visit with %s. Reviewed %s; ACE-III %d/100 at clinic." % (self.st(r.choice(self.advisers + self.admirals)), diag, r.randint(55, 88)),
                    "Discussed LPA and advance care planning. %s." % ("LPA registered, attorney %s" % self.rel(carer) if any("LPA" in x for x in carer["roles"]) else "No LPA yet"),
                    "Dropped off Carers' Centre leaflet and dementia café dates. Next review in 6 weeks.",
                ]))
                if p["access"] and r.random() < 0.5:
                    entry.append("Access for visits: " + self.access_line(p))
                elif r.random() < 0.25:
                    entry.append(self.near_miss(p))
                if p.get("partner") and r.random() < 0.5:
                    entry.append("%s (%s) also known to service." % (self.shape(self.by[p["partner"]], "full"), self.spouse_word(self.by[p["partner"]])))
                lines += entry + ["---"]
            self.write_text("Memory_Service/contact_notes/%s_%s%s" % (p["surname"].replace("'", ""), p["forename"], r.choice([".txt", ".txt", ".md"])), "\n".join(lines))
            caseload.append([p["surname"], p["forename"], self.age(p["dob"]), diag, self.st(an), self.st(adv),
                             self.rel(carer), carer["relationship"], carer["phone"],
                             "Y" if not p.get("partner") and r.random() < 0.6 else "N"])
            # diagnosis letter
            if r.random() < 0.7:
                gp = self.gps[p["gp"]]
                d = self.day(60)
                hdr = ["Memory Assessment Service", "Wyvern Vale Community Mental Health Centre, Lark Hill, Kelsford"]
                body = [d.strftime("%d %B %Y"), "%s, %s" % (self.st(gp) and gp["dr"], gp["practice"]), "",
                        "Dear %s," % gp["dr"],
                        "RE: %s   D.O.B. %s   NHS No %s" % (self.shape(p, r.choice(["title_full_mid", "upper", "SURNAME_comma"])), self.dob_fmt(p["dob"]), self.nhs_fmt(p["nhs"]) if p["nhs"] else "-"),
                        self.addr_str(p["addr"]), "",
                        "Diagnosis: %s." % diag,
                        "I saw %s in clinic with %s (%s). MRI showed %s. ACE-III %d/100." % (
                            self.shape(p, "title_sur"), self.rel(carer), carer["relationship"],
                            r.choice(["generalised atrophy", "small vessel disease", "bilateral hippocampal atrophy"]), r.randint(55, 88)),
                        "Plan: %s. Referred to the Admiral nurse team (%s) and dementia adviser %s." % (
                            r.choice(["start donepezil 5 mg at night, increase to 10 mg after 4 weeks", "memantine 5 mg titrating", "no medication at present"]),
                            self.st(an), self.st(adv)),
                        "", "Yours sincerely", "", self.st(self.psych[0]), "Consultant in Old Age Psychiatry",
                        "cc: %s; %s (%s)" % (self.shape(p, "title_full"), carer["name"], carer["relationship"])]
                self.dob_shown.add(p["pid"])
                self.write_letter("Memory_Service/letters/diagnosis_%s_%s" % (p["surname"].replace("'", ""), d.strftime("%Y%m%d")), hdr, body)
            # letter to family
            if r.random() < 0.35:
                d = self.day(30)
                hdr = ["Admiral Nurse Service", "Memory Assessment & Dementia Support"]
                body = [d.strftime("%d/%m/%Y"), carer["name"], self.addr_str(carer["addr"]) if carer["addr"] else "", "",
                        "Dear %s," % carer["first"],
                        "Re your %s, %s (born %s)" % ({"husband": "husband", "wife": "wife"}.get(carer["relationship"], "relative"),
                                                   self.shape(p, "mid"), self.dob_fmt(p["dob"], "month")),
                        "Thank you for talking with me on %s. As promised I have referred you for a carer's assessment with %s at the council." % (
                            (d - dt.timedelta(days=3)).strftime("%d %B"), self.st(self.sw[0])),
                        "%s" % ("Your own date of birth is recorded as %s for the carers' register." % self.dob_fmt(carer["dob"]) if carer["dob"] else ""),
                        "", "Best wishes", self.st(an), "Admiral Nurse"]
                self.related_seen.add(carer["name"])
                self.dob_shown.add(p["pid"])
                self.write_letter("Memory_Service/letters/family_%s_%s" % (carer["sur"].replace("'", ""), d.strftime("%Y%m%d")), hdr, body)
        if caseload:
            self.write_csv("Memory_Service/caseload_admiral_nurses.csv",
                           ["Surname", "Forename", "Age", "Diagnosis", "Admiral Nurse", "Dementia Adviser", "Main carer", "Carer relationship",
                            "Carer phone", "Lives alone"], caseload)
        # carers register incl. relatives' own DOB / NHS number
        crow = []
        for p in self.people:
            for rp in p["rels"]:
                if rp["dob"] or rp["nhs"]:
                    crow.append([rp["name"], self.dob_fmt(rp["dob"], "slash") if rp["dob"] else "", rp["nhs"], rp["phone"],
                                 "carer of %s" % self.full(p), rp["relationship"], "; ".join(rp["roles"])])
                    self.related_seen.add(rp["name"])
        if crow:
            self.write_xlsx("Memory_Service/carers_register.xlsx", [("Carers", "Unpaid carers known to service (for carers' assessments)",
                                                                    ["Carer name", "Carer DOB", "Carer NHS no", "Carer tel", "Cares for", "Relationship", "Role"], crow)])

    # ---- Shared Lives and direct payments
    def gen_sharedlives_dp(self):
        r = self.r
        sl = self.svc("sharedlives")
        reg = []
        for p in sl:
            c = r.choice(self.sl_carers)
            p["sl_carer"] = c
            off = r.choice(self.sl_officers)
            hh = self.sl_house[c["name"]]
            # placement log
            lines = ["SHARED LIVES PLACEMENT LOG", "Person: %s" % self.shape(p, r.choice(["full", "mid", "SURNAME_comma"])),
                     "Shared Lives carer: %s, %s, tel %s" % (self.st(c), self.addr_str(c["addr"]), c["phone"]),
                     "Scheme worker: %s" % self.st(off), "***"]
            for k in range(r.randint(3, 5)):
                d = self.day(45)
                h = r.choice(hh)
                lines.append("%s - %s" % (d.strftime("%a %d/%m"), r.choice([
                    "%s went to the day centre; %s (%s's %s) drove." % (p["forename"], self.rel(h), c["first"], h["relationship"]),
                    "Good day. Cooked tea with %s. Took evening meds (%s)." % (c["first"], r.choice(["sodium valproate", "risperidone", "sertraline", "levetiracetam"])),
                    "Seizure at 19:40 lasting 2 minutes, recovered. Logged for GP.",
                    "Phoned mum/dad; %s visiting Sunday." % self.rel(p["rels"][0]),
                    "Respite weekend - %s covered while %s away." % (self.rel(h), c["first"]),
                ])))
                if r.random() < 0.2:
                    lines.append("   " + self.near_miss(p))
            self.write_text("Council_Shared_Lives/placement_logs/%s_%s.txt" % (p["forename"].lower(), p["surname"].lower().replace("'", "")), "\n".join(lines))
            reg.append([self.full(p), self.dob_fmt(p["dob"], "slash"), p["nhs"], p["cond"], c["name"], c["phone"], c["addr"]["postcode"],
                        "; ".join("%s (%s)" % (x["name"], x["relationship"]) for x in hh), "SL-2026-%04d" % r.randint(1, 9999), off["name"]])
            for x in hh:
                self.related_seen.add(x["name"])
            self.dob_shown.add(p["pid"])
            # agreement (docx)
            if r.random() < 0.75:
                rp = p["rels"][0]
                body = ["SHARED LIVES PLACEMENT AGREEMENT", "This agreement is between the person, the Shared Lives carer and the scheme.", "<TABLE>",
                        "Household members aged 16+: %s." % ", ".join("%s (%s)" % (self.rel(x), x["relationship"]) for x in hh),
                        "Family contact: %s (%s) %s - %s." % (self.rel(rp), rp["relationship"], rp["phone"], "; ".join(rp["roles"])),
                        "Support needs: %s; needs prompting with medication and support in the community." % p["cond"],
                        "Signed: %s (scheme)  %s (carer)" % (self.st(off), self.st(c))]
                table = [["Person", self.shape(p, "mid")], ["Date of birth", self.dob_fmt(p["dob"])],
                         ["NHS number", self.nhs_fmt(p["nhs"]) if p["nhs"] else ""], ["Carer", c["name"]],
                         ["Carer address", self.addr_str(c["addr"])], ["Carer DOB", self.dob_fmt(c["dob"], "slash")],
                         ["Start date", self.day(300).strftime("%d/%m/%Y")]]
                self.write_letter("Council_Shared_Lives/agreements/SL_agreement_%s" % p["surname"].replace("'", ""), ["Wyvern Vale Council - Shared Lives Scheme"], body,
                                  fmt=r.choice(["docx", "docx", "pdf"]), table=table)
        if reg:
            self.write_csv("Council_Shared_Lives/sl_register.csv", ["person_name", "person_dob", "nhs_number", "needs", "sl_carer",
                                                                   "sl_carer_tel", "sl_carer_postcode", "household", "case_ref", "scheme_worker"], reg)
        # carers approval register with carers' own DOBs (staff)
        self.write_xlsx("Council_Shared_Lives/carer_approvals.xlsx", [("Approved carers", None,
                        ["Carer", "DOB", "Address", "Tel", "DBS issued", "Panel date"],
                        [[self.st(c), self.dob_fmt(c["dob"], "slash"), self.addr_str(c["addr"]), c["phone"], self.day(700).strftime("%d/%m/%Y"),
                          self.day(900).strftime("%d/%m/%Y")] for c in self.sl_carers])])
        # direct payments
        dp = self.svc("dp")
        ts_rows = []
        for p in dp:
            pa = r.choice(self.pas)
            p["pa"] = pa
            app = next((x for x in p["rels"] if "appointee" in x["roles"]), None)
            for k in range(r.randint(2, 5)):
                d = self.day(28)
                note = r.choice(["Shopping and lunch out.", "Took %s swimming." % p["forename"], "Prompted meds, tidied kitchen.",
                                 "Bank trip - %s put in own PIN, I did not see it." % p["forename"], "Cover for %s." % self.st(r.choice([x for x in self.pas if x is not pa])),
                                 "GP appt at %s." % PRACTICES[p["gp"]][0]])
                if p["access"] and r.random() < 0.4:
                    note += " " + self.access_line(p)
                ts_rows.append([self.st(pa), pa["phone"], self.full(p) if r.random() < 0.6 else self.shape(p, "SURNAME_comma"),
                                d.strftime("%d/%m/%Y"), "%02d:00" % r.randint(8, 14), "%02d:00" % r.randint(15, 19), note,
                                "DP/%04d" % r.randint(1, 9999)])
            # DP letter
            if r.random() < 0.8:
                to = app or p["rels"][0]
                if p["kind"] != "ld" and not app:
                    to = None
                body = [self.day(60).strftime("%d %B %Y"),
                        ("%s (appointee)" % self.rel(to)) if to else self.shape(p, "title_full"),
                        self.addr_str(to["addr"]) if to and to["addr"] else self.addr_str(p["addr"]), "",
                        "DIRECT PAYMENT - %s, date of birth %s" % (self.shape(p, r.choice(["full", "mid", "title_full"])), self.dob_fmt(p["dob"])),
                        "Your direct payment of GBP %d.%02d every four weeks starts on %s. It may be used to employ a personal assistant (currently %s, tel %s)." % (
                            r.randint(300, 1400), r.randint(0, 99), self.day(10).strftime("%d/%m/%Y"), self.st(pa), pa["phone"]),
                        "Assessed needs: %s. Your case reference is DP/%04d." % (p["cond"], r.randint(1, 9999)),
                        "", "Yours sincerely", self.st(self.dp_officer[0]), "Direct Payments Officer"]
                self.dob_shown.add(p["pid"])
                self.write_letter("Council_Direct_Payments/letters/DP_%s_%s" % (p["surname"].replace("'", ""), p["forename"]), ["Wyvern Vale Council - Adult Social Care"], body)
        if ts_rows:
            self.write_csv("Council_Direct_Payments/PA_timesheets_nov.csv", ["PA name", "PA mobile", "Employer (client)", "Date", "Start", "Finish", "Notes", "DP ref"], ts_rows)
            pr = [[self.st(pa), self.dob_fmt(pa["dob"], "slash"), self.addr_str(pa["addr"]), pa["phone"],
                   "QQ%06d%s" % (r.randint(0, 999999), r.choice("ABCD")) if False else "", "enhanced", self.day(500).strftime("%d/%m/%Y")] for pa in self.pas]
            for row in pr:
                row[4] = "%s%s%06d%s" % (r.choice("ABCEGHJKLMNPRSTWXYZ"), r.choice("ABCEGHJKLMNPRSTWXYZ"), r.randint(0, 999999), r.choice("ABCD"))
            self.write_xlsx("Council_Direct_Payments/PA_checks.xlsx", [("PA DBS and RTW", "Personal assistants - DBS and right to work",
                            ["PA", "Date of birth", "Home address", "Mobile", "NI number", "DBS level", "DBS date"], pr)])
            # a few PA notes in free text
            for p in dp[: max(1, len(dp) // 3)]:
                pa = p["pa"]
                d = self.day(20)
                txt = ["PA shift notes - %s" % self.st(pa), "Client: %s (%s)" % (self.shape(p), "age %d" % self.age(p["dob"])), d.strftime("%d/%m/%Y"),
                       "Arrived 10:00. %s" % (self.access_line(p) if p["access"] else "Rang bell, %s let me in." % p["forename"]),
                       "Went to the shops. %s seemed low, talked about %s." % (p["forename"], self.rel(p["rels"][0])),
                       "Timesheet sent to %s. My mileage 14 miles." % self.st(self.dp_officer[0])]
                self.write_text("Council_Direct_Payments/PA_notes/%s_%s.txt" % (pa["first"].lower(), d.strftime("%Y%m%d")), "\n".join(txt))

    # ---- meetings
    def gen_meetings(self):
        r = self.r
        for m in range(r.randint(3, 4)):
            d = self.day(50)
            att = r.sample(self.admirals + self.advisers + self.pharmacists + self.ots + self.sw + self.optoms + self.auds + self.gps, 7)
            pts = r.sample(self.people, 5)
            lines = ["# Wyvern Vale GP Federation - complex care MDT", "Date: %s, Kelsford Health Centre (keypad C%04d on clinic door)" % (d.strftime("%d %B %Y"), r.randint(1000, 9999)),
                     "Present: " + ", ".join("%s (%s)" % (self.st(a), a["role"]) for a in att),
                     "Apologies: %s" % self.st(r.choice(self.fitters + self.drivers)), "", "## Cases"]
            for k, p in enumerate(pts, 1):
                dobtxt = ("DOB " + self.dob_fmt(p["dob"])) if r.random() < 0.5 else "%d y/o" % self.age(p["dob"])
                if dobtxt.startswith("DOB"):
                    self.dob_shown.add(p["pid"])
                line = "%d. %s, %s, %s. %s." % (k, self.shape(p, r.choice(["title_full", "SURNAME_comma", "full", "mid"])),
                                                dobtxt, p["addr"]["town"], p["cond"])
                line += " Services: %s." % ", ".join(sorted(p["services"]))
                if p["access"] and r.random() < 0.5:
                    line += " Access agreed for all services: " + self.access_line(p)
                if r.random() < 0.4:
                    rp = p["rels"][0]
                    line += " %s (%s) struggling; carer's assessment offered." % (self.rel(rp), rp["relationship"])
                lines.append(line)
                lines.append("   Action: %s" % self.st(r.choice(att)))
            lines += ["", "## AOB", "Drivers to stop writing key safe codes on paper run sheets - codes to be held in the app only (%s)." % self.st(self.opsman[0])]
            fmt = r.choice(["md", "docx", "txt"])
            if fmt == "docx":
                self.write_docx("Federation/MDT/MDT_minutes_%s.docx" % d.isoformat(), ["Wyvern Vale GP Federation"], [x.lstrip("# ") for x in lines])
            else:
                self.write_text("Federation/MDT/MDT_minutes_%s.%s" % (d.isoformat(), fmt), "\n".join(lines))
        # federation board / contracts meeting: mostly staff, with a list of patients in a complaint
        d = self.day(30)
        p1, p2 = r.sample(self.people, 2)
        lines = ["Wyvern Vale GP Federation - Contracts & Quality meeting", d.strftime("%d/%m/%Y"),
                 "Attendees: " + "; ".join(self.st(x) for x in self.clin_dir + self.ig + self.opsman + [self.pharm_admin[0], self.ices_coord[0], self.eye_admin[0], self.mem_admin[0]]),
                 "1. Pharmacy delivery KPIs: 97.2%% on time. Failed deliveries discussed (see log). Driver %s commended." % self.st(r.choice(self.drivers)),
                 "2. Complaint from %s (%s) re equipment collected from %s's home without notice. %s to reply." % (
                     self.rel(p1["rels"][0]), p1["rels"][0]["relationship"], self.shape(p1, "title_full"), self.st(self.ices_coord[0])),
                 "3. IG: run sheet found in a public car park listing %s, %s and others; reported as an incident. %s to assess." % (
                     self.shape(p2, "full"), self.addr_str(p2["addr"]), self.st(self.ig[0])),
                 "4. Dementia adviser caseloads at 95/WTE. Memory clinic wait 14 weeks.",
                 "Next meeting: staff room, code for staff room door %04d." % r.randint(1000, 9999)]
        self.write_text("Federation/meetings/contracts_quality_%s.txt" % d.isoformat(), "\n".join(lines))

    def gen_incidents(self):
        r = self.r
        acc_people = [p for p in self.people if p["access"]]
        other = [p for p in self.people if not p["access"]]
        for k in range(r.randint(3, 5)):
            d = self.day(40)
            rep = r.choice(self.drivers + self.fitters + self.advisers + self.pas)
            if acc_people and r.random() < 0.6:
                p = r.choice(acc_people)
                what = "Run sheet left in van overnight at the depot. It listed %s (%s) with the line: \"%s\" Sheet retrieved next morning." % (
                    self.shape(p, "full"), self.addr_str(p["addr"]), self.access_line(p))
            else:
                p = r.choice(other)
                what = r.choice(["%s found on the floor at home, conscious; ambulance called, stayed until arrival." % self.shape(p, "title_full"),
                                 "Wrong MDS tray delivered to %s - belonged to another patient. Retrieved within 1 hour, no doses taken." % self.shape(p, "full"),
                                 "Wheelchair brake failure reported by %s; chair withdrawn. %s" % (self.shape(p, "full"), self.near_miss(p))])
            txt = ["INCIDENT REPORT  IR-%05d" % r.randint(0, 99999), "Date of incident: %s" % d.strftime("%d/%m/%Y"),
                   "Reported by: %s, %s" % (self.st(rep), rep["role"]),
                   "Person affected: %s   DOB: %s" % (self.shape(p, r.choice(["full", "mid"])), self.dob_fmt(p["dob"])),
                   "What happened: " + what,
                   "Manager review: %s. Duty of candour: letter to %s (%s)." % (self.st(self.opsman[0]), self.rel(p["rels"][0]), p["rels"][0]["relationship"])]
            self.dob_shown.add(p["pid"])
            if r.random() < 0.5:
                self.write_text("Federation/incidents/IR_%s_%d.txt" % (d.isoformat(), k), "\n".join(txt))
            else:
                self.write_docx("Federation/incidents/IR_%s_%d.docx" % (d.isoformat(), k), ["Incident report (Datix export)"], txt)

    def gen_mail_misc(self):
        r = self.r
        # ICES coordinator -> fitters with job sheet attachment
        for w in range(2):
            jobs = r.sample(self.svc("ices") or self.people, min(6, len(self.svc("ices") or self.people)))
            rows = []
            for p in jobs:
                rows.append([self.shape(p, "full"), self.dob_fmt(p["dob"], "slash"), self.addr_str(p["addr"]), p["phone"],
                             r.choice(["Deliver bed", "Collect commode", "Fit rails", "Deliver wheelchair"]),
                             self.access_line(p) if p["access"] else "", "ICES-%06d" % r.randint(100000, 999999)])
                self.dob_shown.add(p["pid"])
            att = self.csv_text(["Client", "DOB", "Address", "Phone", "Task", "Access", "Job"], rows).encode()
            self.corpus.append(att.decode())
            f1, f2 = r.sample(self.fitters, 2)
            self.write_eml("ICES/Mail/job_sheet_week_%d.eml" % (47 + w), self.ices_coord[0], [f1, f2], [self.ots[0]],
                           "Job sheet w/c %s" % self.day(10).strftime("%d/%m"),
                           "Hi both,\n\nJobs attached. Store code unchanged (%d#). %s has a dog - ring first.\n\nThanks\n%s" % (
                               r.randint(1000, 9999), self.shape(jobs[0], "title_sur"), self.ices_coord[0]["first"]),
                           [("jobsheet.csv", att, "text/csv")])
        # Admiral nurse -> dementia adviser with a docx attachment
        mem = self.svc("memory")
        for p in r.sample(mem, min(len(mem), 4)):
            an, adv = r.choice(self.admirals), r.choice(self.advisers)
            rp = p["rels"][0]
            doc = self.docx_bytes(["Handover"], ["Handover for %s, DOB %s" % (self.shape(p, "mid"), self.dob_fmt(p["dob"])),
                                                 "Carer: %s (%s), %s" % (self.rel(rp), rp["relationship"], rp["phone"]),
                                                 self.all_access_lines(p) if p["access"] else "No key safe; %s answers the door." % rp["first"],
                                                 "Diagnosis: %s" % p.get("diag", p["cond"])])
            self.dob_shown.add(p["pid"])
            self.write_eml("Memory_Service/Mail/handover_%d.eml" % self.nid(), an, [adv], [self.mem_admin[0]],
                           "Handover - %s" % self.shape(p, "title_sur"),
                           "Hi %s,\n\nHandover attached for %s while I'm on leave. %s rang today, very tearful.\n\n%s\nAdmiral Nurse" % (
                               adv["first"], self.shape(p, "full"), self.rel(rp), an["name"]),
                           [("handover_%s.docx" % p["surname"].replace("'", ""), doc,
                             "application/vnd.openxmlformats-officedocument.wordprocessingml.document")])
        # optometrist -> GP email with PDF
        eye = self.svc("eye")
        for p in r.sample(eye, min(len(eye), 3)):
            op = r.choice(self.optoms)
            gp = self.gps[p["gp"]]
            pdf = self.pdf_bytes(["ClearSight Home Eyecare - urgent referral", "Patient: %s" % self.shape(p, "title_full_mid"),
                                  "Date of birth: %s" % self.dob_fmt(p["dob"]), "NHS number: %s" % (self.nhs_fmt(p["nhs"]) if p["nhs"] else "unknown"),
                                  "Sudden distortion left eye, suspected wet AMD.", "Optometrist: %s" % op["name"]])
            self.dob_shown.add(p["pid"])
            self.write_eml("ClearSight_Eyecare/Mail/urgent_%d.eml" % self.nid(), op, [gp], [self.eye_admin[0]],
                           "URGENT eye referral", "Dear %s,\n\nPlease see attached urgent referral for %s (aged %d).\n\nRegards\n%s" % (
                               gp["dr"], self.shape(p, "title_full"), self.age(p["dob"]), op["name"]),
                           [("referral.pdf", pdf, "application/pdf")])
        # zipped archive of old run sheets
        deliv = self.svc("pharmacy")
        if deliv:
            bio = io.BytesIO()
            with zipfile.ZipFile(bio, "w", zipfile.ZIP_DEFLATED) as z:
                for k in range(3):
                    ps = r.sample(deliv, min(len(deliv), 6))
                    drv = r.choice(self.drivers)
                    t = ["Run sheet (archived) - driver %s" % self.st(drv)]
                    for p in ps:
                        t.append("%s | %s | %s | %s" % (self.shape_full(p), self.dob_fmt(p["dob"], "slash"), self.addr_str(p["addr"]),
                                                      self.access_line(p) if p["access"] else "ring bell"))
                        self.dob_shown.add(p["pid"])
                    z.writestr(zipfile.ZipInfo("runsheets/oct_%d.txt" % (k + 1), date_time=(2026, 10, 31, 17, 0, 0)), "\n".join(t))
                    self.corpus.append("\n".join(t))
            with open(self.path("Hartwell_Pharmacy/archive/old_run_sheets_oct2026.zip"), "wb") as fh:
                fh.write(bio.getvalue())
            self.count("zip")

    # ---- HL7 ADT/REF and FHIR
    def gen_hl7_fhir(self):
        r = self.r
        # memory referrals REF^I12 and ADT registrations
        mem = self.svc("memory")
        msgs = []
        for p in mem:
            if r.random() < 0.5:
                msgs.append(self.hl7_msg(p, "REF^I12", "WVMEMORY", self.day(90), staff=r.choice(self.admirals),
                                         nte="Referred by GP for memory assessment: %s." % p.get("diag", "memory loss")))
        for i in range(0, len(msgs), 2):
            self.write_hl7("Memory_Service/hl7/ref_i12_%02d.hl7" % (i // 2 + 1), msgs[i:i + 2])
        adt = []
        for p in self.people:
            if r.random() < 0.25:
                adt.append(self.hl7_msg(p, r.choice(["ADT^A04", "ADT^A08"]), r.choice(["HARTWELL", "WVICES"]), self.day(60)))
        for i in range(0, len(adt), 3):
            self.write_hl7("Federation/hub_inbound/adt_%02d.hl7" % (i // 3 + 1), adt[i:i + 3])
        # FHIR bundles: pharmacy MDS patients (MedicationRequest), memory (Observation)
        mds = [p for p in self.people if p["mds"]]
        i = 0
        while i < len(mds):
            k = r.choice([1, 1, 2])
            group = mds[i:i + k]
            self.write_json("Hartwell_Pharmacy/fhir/mds_bundle_%02d.json" % (i + 1), self.bundle(group, "meds"))
            i += k
        for p in mem:
            if r.random() < 0.4:
                self.write_json("Memory_Service/fhir/%s.json" % p["local"], self.bundle([p], "obs"))

    def bundle(self, group, kind):
        r = self.r
        entries = []
        for p in group:
            pid = "pat-%d-%d" % (self.seed, p["pid"])
            ident = [{"system": "https://fhir.hartwellpharmacy.example/Id/pmr", "value": p["local"]}]
            if p["nhs"]:
                ident.insert(0, {"system": "https://fhir.nhs.uk/Id/nhs-number", "value": p["nhs"]})
            pat = {"resourceType": "Patient", "id": pid, "identifier": ident,
                   "name": [{"use": "official", "prefix": [p["title"]], "family": p["surname"], "given": [p["forename"]] + p["middle"]}],
                   "gender": "female" if p["sex"] == "F" else "male", "birthDate": p["dob"].isoformat(),
                   "telecom": [{"system": "phone", "value": p["phone"]}],
                   "address": [{"line": [p["addr"]["line1"]], "city": p["addr"]["town"], "postalCode": p["addr"]["postcode"]}],
                   "generalPractitioner": [{"display": "%s, %s" % (self.gps[p["gp"]]["dr"], PRACTICES[p["gp"]][0])}]}
            self.st(self.gps[p["gp"]])
            self.dob_shown.add(p["pid"])
            entries.append({"fullUrl": "urn:uuid:%s" % pid, "resource": pat})
            rp = p["rels"][0]
            relr = {"resourceType": "RelatedPerson", "id": "rel-%d-%d" % (self.seed, p["pid"]), "patient": {"reference": "Patient/" + pid},
                    "relationship": [{"text": rp["relationship"]}], "name": [{"family": rp["sur"], "given": [rp["first"]]}],
                    "telecom": [{"system": "phone", "value": rp["phone"]}]}
            if rp["dob"]:
                relr["birthDate"] = rp["dob"].isoformat()
            self.related_seen.add(rp["name"])
            entries.append({"resource": relr})
            if kind == "meds":
                ph = r.choice(self.pharmacists)
                for med in r.sample(["Donepezil 10mg tablets", "Amlodipine 5mg tablets", "Metformin 500mg tablets", "Furosemide 40mg tablets",
                                     "Apixaban 5mg tablets", "Memantine 10mg tablets"], 2):
                    mr = {"resourceType": "MedicationRequest", "status": "active", "intent": "order",
                          "medicationCodeableConcept": {"text": med}, "subject": {"reference": "Patient/" + pid, "display": self.shape(p, "full")},
                          "requester": {"display": self.gps[p["gp"]]["dr"]},
                          "performer": {"display": self.st(ph)},
                          "dosageInstruction": [{"text": "One daily in MDS tray"}],
                          "note": [{"text": ("Home delivery. " + self.access_line(p)) if p["access"] and r.random() < 0.5 else "Home delivery - %s" % self.near_miss(p)}]}
                    entries.append({"resource": mr})
            else:
                an = r.choice(self.admirals)
                ob = {"resourceType": "Observation", "status": "final", "code": {"text": "ACE-III total score"},
                      "subject": {"reference": "Patient/" + pid, "display": self.shape(p, "title_full")},
                      "performer": [{"display": self.st(an)}], "valueQuantity": {"value": r.randint(50, 90), "unit": "score"},
                      "note": [{"text": "Seen with %s (%s). %s" % (self.rel(rp), rp["relationship"], self.access_line(p) if p["access"] else "")}]}
                entries.append({"resource": ob})
        return {"resourceType": "Bundle", "type": "collection", "timestamp": "2026-11-20T09:00:00Z", "entry": entries}

    def ensure_access(self):
        r = self.r
        for p in self.people:
            if p["access"] and not set(p["access"]["kinds"]) <= self.access_written.get(p["pid"], set()):
                who = r.choice(self.drivers + self.fitters + self.advisers + self.optoms + self.auds)
                d = self.day(15)
                txt = ["Visit planning note - %s" % d.strftime("%d/%m/%Y"),
                       "From: %s (%s)" % (self.st(who), who["role"]),
                       "Re: %s, %s" % (self.shape_full(p), self.addr_str(p["addr"])),
                       "First visit booked for %s. %s confirmed how to get in:" % (
                           (d + dt.timedelta(days=r.randint(2, 9))).strftime("%d %B"),
                           (self.rel(p["rels"][0]) + " (" + p["rels"][0]["relationship"] + ")") if p["rels"] else "GP surgery"),
                       self.all_access_lines(p)]
                if p.get("partner"):
                    q = self.by[p["partner"]]
                    txt.append("Same house as %s %s." % (self.spouse_word(q), self.shape(q, "full")))
                self.write_text("Federation/visit_planning/%s_%s.txt" % (d.isoformat(), p["local"]), "\n".join(txt))

    def ensure_dob(self):
        missing = [p for p in self.people if p["pid"] not in self.dob_shown]
        if missing:
            rows = [[self.full(p), self.dob_fmt(p["dob"], "slash"), p["nhs"], PRACTICES[p["gp"]][0], "unmatched at hub"] for p in missing]
            self.write_csv("Federation/data_quality/unmatched_referrals.csv", ["patient_name", "date_of_birth", "nhs_number", "registered_practice", "issue"], rows)
            for p in missing:
                self.dob_shown.add(p["pid"])

    # ------------------------------------------------------------- truth
    def truth(self):
        corpus = "\n".join(self.corpus)
        people = []
        for p in self.people:
            d = {"forename": p["forename"], "surname": p["surname"], "dob": p["dob"].strftime("%d/%m/%Y"),
                 "nhs_number": p["nhs"] if p["nhs"] and p["nhs"] in corpus.replace(" ", "").replace("-", "") else "",
                 "keysafe_code": p["access"]["truth"] if p["access"] else ""}
            if p["access"]:
                d["access_kind"] = list(p["access"]["kinds"])
            if p["middle"]:
                d["middle_names"] = " ".join(p["middle"])
            d["title"] = p["title"]
            d["services"] = sorted(p["services"])
            d["special_category"] = p["cond"]
            if p.get("partner"):
                q = self.by[p["partner"]]
                d["partner"] = q["forename"] + " " + q["surname"]
            people.append(d)
        patient_names = {self.full(p) for p in self.people}
        for p in self.people:
            a = p["access"]
            if a and "code" in a["kinds"]:
                assert a["code"] in corpus, p
            if a and "key_holder" in a["kinds"]:
                assert a["holder"]["name"] in corpus, p
        staff = sorted(n for n in self.staff_seen if n in corpus and n not in patient_names)
        related = sorted(n for n in self.related_seen if n in corpus and n not in patient_names and n not in staff)
        return {"people": people, "staff": staff, "related": related}


def main():
    a = sys.argv[1:]
    if len(a) < 2:
        print(__doc__)
        sys.exit(2)
    share, truth = a[0], a[1]
    n = int(a[2]) if len(a) > 2 else 120
    seed = int(a[3]) if len(a) > 3 else 1
    os.makedirs(share, exist_ok=True)
    g = Gen(share, n, seed)
    g.run()
    t = g.truth()
    with open(truth, "w", encoding="utf-8") as fh:
        json.dump(t, fh, indent=1, ensure_ascii=False)
    print(json.dumps({"files": g.counts, "people": len(t["people"]), "staff": len(t["staff"]), "related": len(t["related"]),
                      "with_access": sum(1 for p in t["people"] if p["keysafe_code"])}))


if __name__ == "__main__":
    main()
