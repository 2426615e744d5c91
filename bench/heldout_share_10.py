#!/usr/bin/env python3
"""Held-out share 10: an adult learning-disability and autism service with its partners.

Usage: python heldout_share_10.py SHARE TRUTH.json [PEOPLE=120] [SEED=1]

Organisation (all invented):
  * Severnbrook Community Learning Disability Team (Severnbrook Partnership NHS FT)
  * Kestrel Supported Living (council-commissioned supported living and outreach)
  * Larkfield Day Opportunities and Short Breaks (day centre, respite unit, minibuses)
  * GP practices doing annual health checks (Hollins Lane, Mill Street, Castlegate)
  * Brackenmoor Council Appointeeship and Deputyship Team
Deterministic from SEED. Everything is synthetic.
"""
import csv
import io
import json
import os
import random
import sys
import zipfile
from datetime import date, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from datetime import datetime, timezone

import docx
import openpyxl

TODAY = date(2026, 11, 20)

MALE = ["Daniel", "Thomas", "Jamal", "Liam", "Owen", "Callum", "Rhys", "Joseph", "Aaron", "Kieran",
        "Marcus", "Samuel", "Harvey", "Dominic", "Ibrahim", "Tariq", "Patrick", "Gareth", "Neil",
        "Stephen", "Craig", "Adrian", "Ravi", "Connor", "Lewis", "Elliot", "Jordan", "Bradley",
        "Wayne", "Dean", "Gavin", "Shaun", "Ashley", "Carl", "Kwame", "Tobias", "Rory", "Euan",
        "Malachy", "Sean", "Declan", "Ade", "Hamza", "Zain", "Jonah", "Felix", "Barry", "Trevor",
        "Colin", "Roy", "Dennis", "Keith", "Graham", "Martin", "Nigel", "Alan", "Philip", "Ryan"]
FEMALE = ["Grace", "Chloe", "Amira", "Leanne", "Bethany", "Kirsty", "Natasha", "Sophie", "Hannah",
          "Jade", "Rebecca", "Megan", "Zara", "Priya", "Siobhan", "Nia", "Abigail", "Lorraine",
          "Tracey", "Julie", "Karen", "Denise", "Sharon", "Mary-Jane", "Ann-Marie", "Precious",
          "Chiamaka", "Yasmin", "Fatima", "Ellie", "Lucy", "Gemma", "Kelly", "Stacey", "Emma",
          "Rosie", "Bernadette", "Maureen", "Pauline", "Brenda", "Sandra", "Janet", "Irene",
          "Hazel", "Eileen", "Joan", "Doreen", "Carol", "Wendy", "Lisa", "Nicola", "Danielle",
          "Aoife", "Roisin", "Tamsin", "Harriet", "Imogen", "Beatrice"]
SURNAMES = ["Okafor", "O'Neill", "Smith", "Jones", "Ward-Lewis", "Patel", "Khan", "Hughes", "Evans",
            "Pritchard", "D'Souza", "McAllister", "Bennett", "Thornton", "Ashworth", "Hollis",
            "Mensah", "Adeyemi", "Nowak", "Kowalski", "Barrington", "Fairclough", "Greenhalgh",
            "Whitworth", "Rahman", "Begum", "Ali", "Chowdhury", "Taylor", "Brown", "Wilson",
            "Doherty", "MacLeod", "Fitzgerald", "O'Brien", "Lloyd", "Morgan", "Price", "Powell",
            "Sutcliffe", "Holroyd", "Entwistle", "Crossley", "Birtwistle", "Hargreaves", "Kaur",
            "Singh", "Gill", "Sandhu", "Osei", "Boateng", "Asante", "Campbell", "Stewart",
            "Fraser", "Rowe", "Lister", "Naylor", "Pickering", "Atkinson", "Bell", "Dixon",
            "Marsh", "Shaw", "Walsh", "Quinn", "Kavanagh", "Brennan", "Lynch", "Farrell",
            "Holt", "Clegg", "Haworth", "Kershaw", "Ormerod", "Pilling", "Tattersall", "Duckworth",
            "Hill-Wood", "St John", "Van der Berg", "Da Silva", "Yilmaz", "Demir", "Mahmood",
            "Iqbal", "Hussain", "Akhtar", "Lowe", "Sharples", "Cunliffe", "Gaskell", "Rigby"]
MIDDLE = ["James", "Anne", "Louise", "John", "Marie", "Lee", "Michael", "Rose", "David", "Jane",
          "Edward", "May", "Alexander", "Elizabeth", "Paul", "Grace"]
STREETS = ["Rowan Close", "Mill Brow", "Chapel Street", "Larch Avenue", "Beech Grove", "Canal Side",
           "Hawthorn Road", "Peel Street", "Moorside Lane", "Albert Terrace", "Victoria Road",
           "Brook Street", "Oakfield Drive", "Church Lane", "Cemetery Road", "Heather Bank",
           "Lune Way", "Ribble Drive", "Kiln Lane", "Weavers Court", "Tanner Street", "Pennine View"]
TOWNS = [("Severnbrook", "SB"), ("Brackenmoor", "BK"), ("Holmbridge", "HB"), ("Cragside", "CG")]
PRACTICES = ["Hollins Lane Surgery", "Mill Street Medical Centre", "Castlegate Health Centre"]
CONDITIONS = ["Down syndrome", "autism", "epilepsy", "cerebral palsy", "Fragile X syndrome",
              "moderate learning disability", "severe learning disability", "mild learning disability",
              "dysphagia", "hypothyroidism", "type 2 diabetes", "constipation", "anxiety", "ADHD",
              "Prader-Willi syndrome", "Williams syndrome", "visual impairment", "hearing loss"]


class Ctx:
    pass


def nhs_number(rng):
    while True:
        first = rng.choice([rng.randint(401, 499), rng.randint(600, 708)])
        digits = [int(c) for c in f"{first:03d}"] + [rng.randint(0, 9) for _ in range(6)]
        total = sum(d * (10 - i) for i, d in enumerate(digits))
        check = 11 - total % 11
        if check == 11:
            check = 0
        if check == 10:
            continue
        return "".join(map(str, digits)) + str(check)


def fmt_nhs(n, rng):
    s = rng.randint(0, 3)
    if s == 0:
        return n
    if s == 1:
        return f"{n[:3]} {n[3:6]} {n[6:]}"
    if s == 2:
        return f"{n[:3]}-{n[3:6]}-{n[6:]}"
    return f"{n[:3]} {n[3:6]} {n[6:]}"


def fmt_dob(d, style):
    if style == "uk":
        return d.strftime("%d/%m/%Y")
    if style == "iso":
        return d.isoformat()
    if style == "long":
        return f"{d.day} {d.strftime('%B %Y')}"
    if style == "mon":
        return d.strftime("%d-%b-%Y")
    if style == "dot":
        return d.strftime("%d.%m.%Y")
    if style == "hl7":
        return d.strftime("%Y%m%d")
    if style == "short":
        return d.strftime("%d/%m/%y")
    raise ValueError(style)


def age(d, on=TODAY):
    return on.year - d.year - ((on.month, on.day) < (d.month, d.day))


def phone(rng):
    return f"07700 900{rng.randint(0, 999):03d}"


def landline(rng):
    return f"0161 496 {rng.randint(0, 9999):04d}"


def nm(p, style="plain"):
    f, s, m = p["forename"], p["surname"], p.get("middle_names", "")
    title = p.get("title", "")
    if style == "plain":
        return f"{f} {s}"
    if style == "full":
        return f"{f} {m} {s}" if m else f"{f} {s}"
    if style == "title":
        return f"{title} {f} {s}" if title else f"{f} {s}"
    if style == "upper_rev":
        return f"{s.upper()}, {f}"
    if style == "rev":
        return f"{s}, {f} {m[0]}." if m else f"{s}, {f}"
    if style == "initial":
        return f"{f} {m[0]}. {s}" if m else f"{f} {s}"
    if style == "lower":
        return f"{f} {s}".lower()
    if style == "upper":
        return f"{f} {s}".upper()
    if style == "title_short":
        return f"{title} {s}" if title else s
    raise ValueError(style)


# ---------------------------------------------------------------- writers

def pdf_escape(s):
    s = s.encode("latin-1", "replace").decode("latin-1")
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def write_pdf(path, lines, title=""):
    wrapped = []
    for ln in lines:
        while len(ln) > 95:
            cut = ln.rfind(" ", 0, 95)
            cut = cut if cut > 20 else 95
            wrapped.append(ln[:cut])
            ln = ln[cut:].lstrip()
        wrapped.append(ln)
    pages = [wrapped[i:i + 52] for i in range(0, max(len(wrapped), 1), 52)] or [[]]
    objs = []
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(len(pages)))
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    font_id = 3 + 2 * len(pages)
    for i, pg in enumerate(pages):
        ops = ["BT", "/F1 10 Tf", "13 TL", "50 800 Td"]
        for ln in pg:
            ops.append(f"({pdf_escape(ln)}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1")
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 {font_id} 0 R >> >> /Contents {4 + 2 * i} 0 R >>".encode())
        objs.append(b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream")
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, o in enumerate(objs):
        offsets.append(len(out))
        out += f"{i + 1} 0 obj\n".encode() + o + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    info = ""
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    with open(path, "wb") as fh:
        fh.write(bytes(out))


def rtf_escape(s):
    out = []
    for ch in s:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) > 127:
            out.append(f"\\u{ord(ch)}?")
        else:
            out.append(ch)
    return "".join(out)


def write_rtf(path, lines):
    body = "".join(rtf_escape(ln) + "\\par\n" for ln in lines)
    with open(path, "w", encoding="ascii") as fh:
        fh.write("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\\f0\\fs22\n" + body + "}\n")


def docx_bytes(paras, tables=(), header=None, footer=None):
    d = docx.Document()
    if header:
        d.sections[0].header.paragraphs[0].text = header
    if footer:
        d.sections[0].footer.paragraphs[0].text = footer
    for p in paras:
        if isinstance(p, tuple) and p[0] == "TABLE":
            rows = p[1]
            t = d.add_table(rows=len(rows), cols=len(rows[0]))
            for i, r in enumerate(rows):
                for j, c in enumerate(r):
                    t.cell(i, j).text = str(c)
        else:
            d.add_paragraph(p)
    for rows in tables:
        t = d.add_table(rows=len(rows), cols=len(rows[0]))
        for i, r in enumerate(rows):
            for j, c in enumerate(r):
                t.cell(i, j).text = str(c)
    b = io.BytesIO()
    d.save(b)
    return b.getvalue()


def write_docx(path, paras, tables=(), header=None, footer=None):
    with open(path, "wb") as fh:
        fh.write(docx_bytes(paras, tables, header, footer))


def write_csv(path, header, rows, delim=","):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, delimiter=delim)
        w.writerow(header)
        w.writerows(rows)


def write_xlsx(path, sheets):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets:
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(list(r))
    wb.save(path)


def xml_esc(s):
    return str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def write_ods(path, sheets):
    content = ['<?xml version="1.0" encoding="UTF-8"?>',
               '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">',
               "<office:body><office:spreadsheet>"]
    for name, rows in sheets:
        content.append(f'<table:table table:name="{xml_esc(name)}">')
        for r in rows:
            content.append("<table:table-row>")
            for c in r:
                content.append(f'<table:table-cell office:value-type="string"><text:p>{xml_esc(c)}</text:p></table:table-cell>')
            content.append("</table:table-row>")
        content.append("</table:table>")
    content.append("</office:spreadsheet></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">\n'
                ' <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>\n'
                ' <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>\n'
                '</manifest:manifest>\n')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", "\n".join(content), compress_type=zipfile.ZIP_DEFLATED)


def write_text(path, text):
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)


# ---------------------------------------------------------------- world

def build_world(n, rng):
    used = set()
    surnames = SURNAMES[:]

    def uniq(fore_pool, surname=None):
        for _ in range(1000):
            f = rng.choice(fore_pool)
            s = surname or rng.choice(surnames)
            if (f, s) not in used:
                used.add((f, s))
                return f, s
        raise RuntimeError("names")

    towns = TOWNS
    addr_used = set()

    def address():
        while True:
            t, pc = rng.choice(towns)
            a = (rng.randint(1, 140), rng.choice(STREETS), t)
            if a not in addr_used:
                addr_used.add(a)
                post = f"{pc}{rng.randint(1, 9)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
                return {"line": f"{a[0]} {a[1]}", "town": t, "postcode": post}

    people, related, staff = [], [], []
    # staff first with roles
    roles = ([("LD nurse", 5), ("clinical psychologist", 2), ("speech and language therapist", 2),
              ("occupational therapist", 2), ("PBS practitioner", 2), ("consultant psychiatrist", 1),
              ("support worker", 14), ("team leader", 3), ("on-call manager", 2), ("driver", 3),
              ("passenger escort", 2), ("day opportunities worker", 4), ("short breaks worker", 3),
              ("GP", 4), ("practice nurse", 3), ("finance officer", 2), ("admin", 3),
              ("social worker", 3), ("volunteer", 2), ("pharmacist", 1)])
    for role, k in roles:
        for _ in range(k):
            sex = rng.choice("MF")
            f, s = uniq(MALE if sex == "M" else FEMALE)
            st = {"forename": f, "surname": s, "role": role, "sex": sex, "phone": phone(rng),
                  "badge": f"SPT{rng.randint(10000, 99999)}"}
            if role in ("GP", "consultant psychiatrist", "clinical psychologist"):
                st["title"] = "Dr"
            staff.append(st)
    for st in staff:
        st["name"] = f"{st['forename']} {st['surname']}"
        st["practice"] = rng.choice(PRACTICES)

    # subjects
    i = 0
    households = []
    while len(people) < n:
        kind = rng.choices(["family", "sl_shared", "sl_flat", "own", "couple"], [38, 22, 20, 10, 10])[0]
        if kind == "couple" and n - len(people) < 2:
            kind = "own"
        if kind == "sl_shared":
            size = min(rng.randint(3, 4), n - len(people))
        elif kind == "couple":
            size = 2
        else:
            size = 1
        addr = address()
        hh = {"kind": kind, "address": addr, "members": [], "relatives": [], "access": None}
        shared_surname = rng.choice(surnames)
        for k in range(size):
            sex = rng.choice("MF")
            if kind == "couple" and k == 1:
                sex = "F" if hh["members"][0]["sex"] == "M" else rng.choice("MF")
            sname = shared_surname if (kind == "couple" and k == 1 and rng.random() < 0.5) else None
            f, s = uniq(MALE if sex == "M" else FEMALE, sname)
            if kind == "family":
                a = rng.randint(18, 55)
            elif kind in ("sl_shared", "sl_flat"):
                a = rng.randint(19, 80)
            else:
                a = rng.randint(24, 78)
            dob = TODAY - timedelta(days=a * 365 + rng.randint(0, 364))
            p = {"id": len(people), "forename": f, "surname": s, "sex": sex, "dob": dob,
                 "title": rng.choice(["Mr"] if sex == "M" else ["Ms", "Miss", "Mrs"]),
                 "nhs": nhs_number(rng) if rng.random() < 0.9 else "",
                 "middle_names": rng.choice(MIDDLE) if rng.random() < 0.35 else "",
                 "hh": hh, "phone": phone(rng) if rng.random() < 0.5 else "",
                 "practice": rng.choice(PRACTICES), "conditions": rng.sample(CONDITIONS, 2),
                 "flat": (f"Flat {rng.randint(1, 12)}, " if kind == "sl_flat" else ""),
                 "room": (f"Room {k + 1}" if kind == "sl_shared" else ""),
                 "related": []}
            if kind == "couple" and k == 1 and sname:
                p["title"] = "Mrs" if sex == "F" else "Mr"
            people.append(p)
            hh["members"].append(p)
        # relatives
        lead = hh["members"][0]
        if kind == "family":
            np_ = rng.choice([1, 1, 2])
            for j in range(np_):
                sex = "F" if j == 0 else "M"
                same = rng.random() < 0.85
                f, s = uniq(MALE if sex == "M" else FEMALE, lead["surname"] if same else None)
                r = {"forename": f, "surname": s, "rel": "mother" if sex == "F" else ("father" if same else "stepfather"),
                     "phone": phone(rng), "address": addr, "of": [lead]}
                if rng.random() < 0.3:
                    r["dob"] = lead["dob"] - timedelta(days=rng.randint(20, 38) * 365 + rng.randint(0, 300))
                    if rng.random() < 0.5:
                        r["nhs"] = nhs_number(rng)
                hh["relatives"].append(r)
            if rng.random() < 0.2:
                f, s = uniq(MALE + FEMALE)
                hh["relatives"].append({"forename": f, "surname": s, "rel": "lodger", "phone": phone(rng),
                                        "address": addr, "of": [lead]})
        for p in hh["members"]:
            if rng.random() < 0.45:
                sex = rng.choice("MF")
                f, s = uniq(MALE if sex == "M" else FEMALE, p["surname"])
                p["related"].append({"forename": f, "surname": s, "rel": "sister" if sex == "F" else "brother",
                                     "phone": phone(rng), "address": address(), "of": [p]})
            if rng.random() < 0.15:
                f, s = uniq(MALE + FEMALE)
                p["related"].append({"forename": f, "surname": s, "rel": "advocate (Severnbrook Advocacy)",
                                     "phone": phone(rng), "address": None, "of": [p]})
            if rng.random() < 0.1:
                f, s = uniq(MALE + FEMALE)
                p["related"].append({"forename": f, "surname": s, "rel": "friend",
                                     "phone": phone(rng), "address": address(), "of": [p]})
        # home access (not for shared supported-living houses)
        if kind != "sl_shared" and rng.random() < 0.36:
            kinds = rng.sample(["code", "hidden_key", "key_holder", "left_open"], rng.choice([1, 1, 1, 2]))
            if kind == "sl_flat" and "left_open" in kinds and len(kinds) == 1:
                kinds = ["code"]
            acc = {"kinds": kinds}
            if "code" in kinds:
                acc["code"] = f"{rng.randint(0, 9999):04d}" if rng.random() < 0.8 else f"{rng.choice('CXZ')}{rng.randint(100, 999)}"
                acc["where"] = rng.choice(["left of the front door", "by the back gate", "behind the wheelie bins",
                                           "on the wall by the porch", "beside the communal entrance to the flat"])
            if "hidden_key" in kinds:
                acc["hidden"] = rng.choice(["under the blue plant pot by the back step",
                                            "inside the gas meter box", "under the stone frog by the door",
                                            "on a string behind the letterbox", "in the shed, hanging on the left nail",
                                            "under the doormat at the back door"])
            if "key_holder" in kinds:
                sex = rng.choice("MF")
                f, s = uniq(MALE if sex == "M" else FEMALE)
                kh = {"forename": f, "surname": s, "rel": "neighbour and key holder", "phone": phone(rng),
                      "address": {"line": f"{rng.randint(1, 140)} {addr['line'].split(' ', 1)[1]}",
                                  "town": addr["town"], "postcode": addr["postcode"]}, "of": list(hh["members"])}
                acc["holder"] = kh
                hh["relatives"].append(kh)
            if "left_open" in kinds:
                acc["open"] = rng.choice(["back door is left on the latch on day-centre mornings, just push and call out",
                                          "front door left unlocked from 8.30, let yourself in",
                                          "door is left open for the escort - walk straight in"])
            hh["access"] = acc
        households.append(hh)

    for hh in households:
        for p in hh["members"]:
            p["related"] = hh["relatives"] + p["related"]
            related.extend(x for x in p["related"] if x not in related)
    for r in related:
        r["name"] = f"{r['forename']} {r['surname']}"
    # some staff share surnames with subjects by chance: rename a few staff surnames
    subj_surnames = [p["surname"] for p in people]
    for st in rng.sample(staff, 8):
        cand = rng.choice(subj_surnames)
        if (st["forename"], cand) not in used:
            used.discard((st["forename"], st["surname"]))
            st["surname"] = cand
            st["name"] = f"{st['forename']} {cand}"
            used.add((st["forename"], cand))
    # services
    for p in people:
        kind = p["hh"]["kind"]
        p["day"] = rng.random() < (0.7 if kind in ("family", "sl_shared") else 0.4)
        p["days"] = ", ".join(sorted(rng.sample(["Mon", "Tue", "Wed", "Thu", "Fri"], rng.randint(1, 4)),
                                     key=["Mon", "Tue", "Wed", "Thu", "Fri"].index))
        p["transport"] = p["day"] and kind != "sl_shared" and rng.random() < 0.8
        p["respite"] = kind == "family" and rng.random() < 0.6
        p["finance"] = None
        if rng.random() < 0.3:
            famrels = [r for r in p["related"] if r["rel"] in ("mother", "father", "sister", "brother", "stepfather")]
            if famrels and rng.random() < 0.5:
                p["finance"] = ("appointee", famrels[0])
            else:
                p["finance"] = (rng.choice(["appointeeship", "Court of Protection deputyship"]), None)
        p["client_ref"] = f"BKC-{rng.randint(100000, 999999)}"
        p["sl"] = kind in ("sl_shared", "sl_flat")
        p["tenancy"] = f"TR/{rng.randint(10000, 99999)}" if p["sl"] else ""
    return people, staff, related, households


def access_text(hh, p_names):
    a = hh["access"]
    parts = []
    if "code" in a["kinds"]:
        parts.append(f"key safe {a['where']}, code {a['code']}")
    if "hidden_key" in a["kinds"]:
        parts.append(f"spare key is kept {a['hidden']}")
    if "key_holder" in a["kinds"]:
        kh = a["holder"]
        parts.append(f"{kh['name']} at {kh['address']['line']} holds a key ({kh['phone']})")
    if "left_open" in a["kinds"]:
        parts.append(a["open"])
    return "; ".join(parts)


def truth_code(hh):
    a = hh["access"]
    if "code" in a["kinds"]:
        return a["code"]
    if "hidden_key" in a["kinds"]:
        return a["hidden"]
    if "key_holder" in a["kinds"]:
        return f"key held by {a['holder']['name']}"
    return a["open"]


NEAR_MISS = [
    "Larkfield day centre front keypad changed to 5190# from Monday - do not share with families.",
    "Respite unit (Larkfield Lodge) side door code is 2046 - staff only.",
    "Minibus keys are in the depot key safe, code 7713. Return them by 4.30.",
    "Team base (Severnbrook CLDT, Unit 4) door code 1984X.",
    "Medication cabinet code at Rowan Close staff office is 3318.",
    "Finance safe combination changed - ask Debbie in finance, not on email.",
    "Petty cash tin key is in the top drawer of the office desk.",
    "Team tablet PIN 260614, Wi-Fi password Kestrel-Guest-2026.",
    "Please quote invoice number INV-204518 and order number PO-77310 on all correspondence.",
    "Staff ID badge SPT40127 left in minibus 3.",
    "Key worker for the week has changed - see allocations.",
    "Key points from the review are below.",
    "Code status discussed at MDT: for full escalation.",
    "Key safe fitting booked for next month by the council's equipment service.",
    "Office key safe at the Kestrel hub is 6402 for the on-call bag.",
    "Bank sort code 20-45-77 (council client account), reference CA-88214.",
    "Locked up after the visit and put the door chain back on as asked.",
]


# ---------------------------------------------------------------- generation

def main():
    args = sys.argv[1:]
    if len(args) < 2:
        print(__doc__)
        sys.exit(2)
    share, truth_path = args[0], args[1]
    n = int(args[2]) if len(args) > 2 else 120
    seed = int(args[3]) if len(args) > 3 else 1
    rng = random.Random(seed * 1009 + 10)
    people, staff, related, households = build_world(n, rng)
    os.makedirs(share, exist_ok=True)
    by_role = {}
    for st in staff:
        by_role.setdefault(st["role"], []).append(st)

    def S(role):
        return rng.choice(by_role[role])

    covered = set()
    access_written = set()
    written_files = []

    def out(rel):
        path = os.path.join(share, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        written_files.append(rel)
        return path

    def mark(p):
        covered.add(p["id"])

    def acc_for(p):
        hh = p["hh"]
        if hh["access"]:
            for m in hh["members"]:
                access_written.add(m["id"])
            others = [nm(m, "plain") for m in hh["members"] if m is not p]
            pre = f"(home shared with {', '.join(others)}) " if others else ""
            return pre + access_text(hh, None)
        return ""

    def addr(p):
        a = p["hh"]["address"]
        return f"{p['flat']}{a['line']}, {a['town']} {a['postcode']}"

    def dstyle():
        return rng.choice(["uk", "iso", "long", "mon", "dot", "uk", "uk"])

    def pick(pool, k):
        k = min(k, len(pool))
        return rng.sample(pool, k)

    def when(days_back=120):
        return TODAY - timedelta(days=rng.randint(0, days_back))

    sl_people = [p for p in people if p["sl"]]
    fam_people = [p for p in people if p["hh"]["kind"] == "family"]
    day_people = [p for p in people if p["day"]]
    trans_people = [p for p in people if p["transport"]]
    resp_people = [p for p in people if p["respite"]]
    fin_people = [p for p in people if p["finance"]]
    access_people = [p for p in people if p["hh"]["access"]]

    # ============ STRUCTURED ============
    # 1 CLDT caseload extract (split name columns), two localities
    order = people[:]
    rng.shuffle(order)
    caseload = order[: int(len(order) * 0.45)]
    half = len(caseload) // 2
    for part, grp in (("North", caseload[:half]), ("South", caseload[half:])):
        rows = []
        for p in grp:
            rows.append([p["forename"], p.get("middle_names", ""), p["surname"], fmt_dob(p["dob"], "iso"),
                         p["nhs"], addr(p), p["practice"], S("LD nurse")["name"],
                         S("consultant psychiatrist")["name"] if rng.random() < 0.4 else "",
                         f"CLDT-{rng.randint(20000, 99999)}", "; ".join(p["conditions"])])
            mark(p)
        write_csv(out(f"CLDT/Extracts/caseload_{part.lower()}_locality_2026-11.csv"),
                  ["Forename", "Middle name(s)", "Surname", "Date of Birth", "NHS No", "Home address",
                   "Registered GP practice", "Named LD nurse", "Psychiatrist", "Referral ref", "Diagnoses"], rows)

    # 2 Supported living tenants xlsx + rota sheet
    rows = [["Tenant", "D.O.B.", "NHS number", "Property", "Tenancy ref", "Team leader", "Core hours/wk",
             "On-call manager"]]
    for p in sl_people:
        rows.append([nm(p, "plain"), fmt_dob(p["dob"], "uk"), fmt_nhs(p["nhs"], rng) if p["nhs"] else "",
                     addr(p) + (f" ({p['room']})" if p["room"] else ""), p["tenancy"], S("team leader")["name"],
                     rng.choice([14, 21, 28, 42, 56, 84]), S("on-call manager")["name"]])
        mark(p)
    rota = [["Date", "Shift", "Support worker", "Tenants supported", "Sleep-in"]]
    for d in range(14):
        day = TODAY - timedelta(days=d)
        for sh in ("07:30-15:00", "14:30-22:00"):
            sw = S("support worker")
            ten = pick(sl_people, 3)
            rota.append([day.strftime("%d/%m/%Y"), sh, sw["name"], "; ".join(nm(t, "plain") for t in ten),
                         "Y" if sh.startswith("14") and rng.random() < 0.4 else "N"])
    write_xlsx(out("Kestrel/Tenancies/tenant_register_and_rota.xlsx"), [("Tenants", rows), ("Rota", rota)])

    # 3 Appointeeship / deputyship ODS (council system)
    rows = [["Client", "Date of birth", "Client ref", "Arrangement", "Appointee / deputy", "Relationship",
             "Bank", "Sort code", "Account ending", "Finance officer", "Last statement"]]
    for p in fin_people:
        kind, who = p["finance"]
        rows.append([nm(p, "upper_rev"), fmt_dob(p["dob"], "dot"), p["client_ref"],
                     "Appointee (DWP)" if kind == "appointee" else kind.title(),
                     who["name"] if who else "Brackenmoor Council (corporate)", who["rel"] if who else "",
                     rng.choice(["Lloyds", "NatWest", "Barclays", "Nationwide"]),
                     f"{rng.randint(10, 99)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}",
                     f"{rng.randint(1000, 9999)}", S("finance officer")["name"],
                     when(60).strftime("%d.%m.%Y")])
    write_ods(out("Council/Appointeeship/client_accounts_Q3.ods"), [("Clients", rows)])
    # second ODS: transactions with client name only
    tx = [["Date", "Client ref", "Client name", "Description", "Amount", "Officer"]]
    for p in pick(fin_people, 20):
        for _ in range(rng.randint(1, 3)):
            tx.append([when(90).strftime("%d/%m/%Y"), p["client_ref"], nm(p, "plain"),
                       rng.choice(["Personal allowance", "Kestrel top-up invoice INV-%d" % rng.randint(100000, 999999),
                                   "PIP", "ESA", "Utility - gas", "Larkfield day fees"]),
                       f"{rng.randint(5, 400)}.{rng.randint(0, 99):02d}", S("finance officer")["name"]])
    write_ods(out("Council/Appointeeship/transactions_Oct2026.ods"), [("Transactions", tx)])

    # 4 HL7 ORU (annual health check) and ADT (respite admission)
    ahc = [p for p in people if p not in caseload] + pick(caseload, 10)
    rng.shuffle(ahc)
    hl7_group = ahc[:30]
    for bi in range(0, len(hl7_group), 6):
        msgs = []
        for p in hl7_group[bi:bi + 6]:
            gp = S("GP")
            pn = S("practice nurse")
            cid = rng.randint(100000, 999999)
            ts = when(200).strftime("%Y%m%d") + "1030"
            segs = [f"MSH|^~\\&|EMISWEB|{p['practice'].replace(' ', '')}|CLDT|SEVERNBROOK|{ts}||ORU^R01|{cid}|P|2.4"]
            pid3 = f"{p['nhs']}^^^NHS^NH" if p["nhs"] else f"{rng.randint(100000, 999999)}^^^EMIS^MR"
            a = p["hh"]["address"]
            segs.append(f"PID|1||{pid3}||{p['surname'].upper()}^{p['forename'].upper()}^{p.get('middle_names', '').upper()}^^{p['title'].upper()}||{fmt_dob(p['dob'], 'hl7')}|{p['sex']}|||{p['flat']}{a['line']}^^{a['town']}^^{a['postcode']}||{p['phone']}")
            mark(p)
            for r in p["related"][:1]:
                if r["rel"] in ("mother", "father", "sister", "brother", "stepfather"):
                    ra = r["address"] or a
                    segs.append(f"NK1|1|{r['surname'].upper()}^{r['forename'].upper()}|{r['rel'][:3].upper()}^{r['rel']}|{ra['line']}^^{ra['town']}^^{ra['postcode']}|{r['phone']}")
            segs.append(f"PV1|1|O|{p['practice'].replace(' ', '')}||||G{rng.randint(1000000, 9999999)}^{gp['surname']}^{gp['forename']}^^^DR")
            segs.append(f"ROL|1|AD|PP^Primary care provider|G{rng.randint(1000000, 9999999)}^{gp['surname']}^{gp['forename']}")
            segs.append(f"ROL|2|AD|NUR^Practice nurse|{pn['surname']}^{pn['forename']}")
            segs.append(f"OBR|1|{cid}||AHC^Learning disability annual health check|||{ts}")
            segs.append(f"OBX|1|NM|27113001^Body weight||{rng.randint(45, 120)}|kg|||||F")
            segs.append(f"OBX|2|NM|75367002^Blood pressure||{rng.randint(100, 150)}|mm[Hg]|||||F")
            segs.append(f"OBX|3|TX|AHCNOTE^Summary||Annual health check completed with {nm(p, 'plain')} and support. Health action plan updated; {p['conditions'][0]} reviewed.||||||F")
            segs.append(f"NTE|1||Reasonable adjustments: longer appointment, first of the day. Seen by {pn['name']} with {gp['name']}.")
            msgs.append("\r".join(segs))
        with open(out(f"GP/AHC_results/ahc_oru_batch_{bi // 6 + 1:02d}.hl7"), "w", newline="") as fh:
            fh.write("\r\n".join(msgs) + "\r\n")
    # ADT for respite admissions (A01/A03)
    msgs = []
    for p in pick(resp_people, 8):
        ts = when(90).strftime("%Y%m%d") + "1600"
        pid3 = f"{p['nhs']}^^^NHS^NH" if p["nhs"] else f"LL{rng.randint(1000, 9999)}^^^LARKFIELD^PI"
        segs = [f"MSH|^~\\&|CAREDIRECTOR|LARKFIELD|CLDT|SEVERNBROOK|{ts}||ADT^A01|{rng.randint(10000, 99999)}|P|2.4",
                f"EVN|A01|{ts}",
                f"PID|1||{pid3}||{p['surname']}^{p['forename']}||{fmt_dob(p['dob'], 'hl7')}|{p['sex']}"]
        mark(p)
        for j, r in enumerate([r for r in p["related"] if r["rel"] in ("mother", "father", "stepfather")][:2]):
            line = f"NK1|{j + 1}|{r['surname']}^{r['forename']}|PAR^Parent|||{r['phone']}"
            if r.get("dob"):
                line += f"||||||||||||{fmt_dob(r['dob'], 'hl7')}"
            segs.append(line)
        w = S("short breaks worker")
        segs.append(f"PV1|1|I|LARKFIELD^LODGE^{rng.randint(1, 6)}|||||||||||||||||RESP{rng.randint(1000, 9999)}")
        segs.append(f"ROL|1|AD|KW^Key worker|{w['surname']}^{w['forename']}")
        msgs.append("\r".join(segs))
    with open(out("Larkfield/ShortBreaks/adt_feed_export.hl7"), "w", newline="") as fh:
        fh.write("\n".join(msgs) + "\n")

    # 5 FHIR bundles
    fhir_group = ahc[30:50]
    for bi in range(0, len(fhir_group), 4):
        entries = []
        for p in fhir_group[bi:bi + 4]:
            pid = f"pat-{p['id']}"
            ident = [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": p["nhs"]}] if p["nhs"] else \
                [{"system": "https://severnbrook.nhs.uk/Id/rio", "value": f"RIO{rng.randint(100000, 999999)}"}]
            given = [p["forename"]] + ([p["middle_names"]] if p.get("middle_names") else [])
            a = p["hh"]["address"]
            entries.append({"fullUrl": f"urn:uuid:{pid}", "resource": {
                "resourceType": "Patient", "id": pid, "identifier": ident,
                "name": [{"family": p["surname"], "given": given, "prefix": [p["title"]]}],
                "gender": "male" if p["sex"] == "M" else "female", "birthDate": p["dob"].isoformat(),
                "address": [{"line": [p["flat"] + a["line"]], "city": a["town"], "postalCode": a["postcode"]}]}})
            mark(p)
            for r in p["related"][:2]:
                rr = {"resourceType": "RelatedPerson", "id": f"rp-{p['id']}-{r['forename']}",
                      "patient": {"reference": f"Patient/{pid}"},
                      "relationship": [{"text": r["rel"]}],
                      "name": [{"family": r["surname"], "given": [r["forename"]]}],
                      "telecom": [{"system": "phone", "value": r["phone"]}]}
                if r.get("dob"):
                    rr["birthDate"] = r["dob"].isoformat()
                if r.get("nhs"):
                    rr["identifier"] = [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": r["nhs"]}]
                entries.append({"resource": rr})
            nurse, slt = S("LD nurse"), S("speech and language therapist")
            entries.append({"resource": {"resourceType": "Encounter", "id": f"enc-{p['id']}", "status": "finished",
                                         "subject": {"reference": f"Patient/{pid}", "display": nm(p, "plain")},
                                         "participant": [{"individual": {"display": nurse["name"]}},
                                                         {"individual": {"display": slt["name"]}}],
                                         "period": {"start": when(100).isoformat()}}})
            entries.append({"resource": {"resourceType": "Observation", "id": f"obs-{p['id']}", "status": "final",
                                         "code": {"text": "Dysphagia risk (IDDSI level)"},
                                         "subject": {"reference": f"Patient/{pid}"},
                                         "valueString": f"Level {rng.randint(4, 7)}",
                                         "performer": [{"display": slt["name"]}]}})
            note = f"Care plan reviewed with {nm(p, 'plain')} and {p['related'][0]['name'] if p['related'] else 'support staff'}."
            if p["hh"]["access"] and rng.random() < 0.5:
                note += " Home visits: " + acc_for(p) + "."
            else:
                note += " " + rng.choice(NEAR_MISS)
            entries.append({"resource": {"resourceType": "CarePlan", "id": f"cp-{p['id']}", "status": "active",
                                         "intent": "plan", "title": "Health action plan",
                                         "subject": {"reference": f"Patient/{pid}"},
                                         "author": {"display": nurse["name"]},
                                         "note": [{"text": note}]}})
        write_text(out(f"CLDT/FHIR/bundle_{bi // 4 + 1:02d}.json"),
                   json.dumps({"resourceType": "Bundle", "type": "collection", "entry": entries}, indent=1))

    # 6 case-management plain JSON (Kestrel outreach)
    cases = []
    for p in pick([q for q in people if q["hh"]["kind"] in ("sl_flat", "own", "couple", "family")], 22):
        c = {"case_id": f"KSL-{rng.randint(1000, 9999)}",
             "service_user": {"name": nm(p, rng.choice(["plain", "title"])), "dob": fmt_dob(p["dob"], "iso"),
                              "nhs": p["nhs"], "address": addr(p), "mobile": p["phone"]},
             "allocated": [S("support worker")["name"], S("support worker")["name"]],
             "team_leader": S("team leader")["name"],
             "contacts": [{"name": r["name"], "relationship": r["rel"], "phone": r["phone"]} for r in p["related"][:3]],
             "alerts": [rng.choice(["Epilepsy rescue medication", "Choking risk", "Lone working: two staff",
                                    "Key safe fitting booked", "Dislikes loud noise"])],
             "visit_notes_access": acc_for(p) if p["hh"]["access"] and rng.random() < 0.6 else ""}
        if p["nhs"] == "":
            del c["service_user"]["nhs"]
        if c["service_user"]["name"].startswith(p["forename"]) or True:
            mark(p)
        cases.append(c)
    write_text(out("Kestrel/Outreach/case_export.json"),
               json.dumps({"exported": "2026-11-19T18:02:11Z", "system": "Kestrel CaseBook", "cases": cases}, indent=2))
    # rota JSON (plain)
    shifts = []
    outreach = [p for p in people if p["hh"]["kind"] in ("sl_flat", "own", "couple")]
    for d in range(7):
        for _ in range(8):
            sw = S("support worker")
            p = rng.choice(outreach)
            shifts.append({"date": (TODAY - timedelta(days=d)).isoformat(), "start": f"{rng.randint(7, 19):02d}:00",
                           "hours": rng.choice([1, 2, 3, 4]), "worker": sw["name"], "worker_badge": sw["badge"],
                           "tenant": nm(p, "plain"), "tenant_age": age(p["dob"]),
                           "location": addr(p), "on_call": S("on-call manager")["name"]})
    write_text(out("Kestrel/Rota/outreach_rota_week47.json"), json.dumps(shifts, indent=1))

    # 7 day-centre attendance xlsx (ages, not DOB)
    rows = [["Name", "Age", "Days", "Transport", "Keyworker", "Dietary"]]
    for p in day_people:
        rows.append([nm(p, rng.choice(["plain", "plain", "initial"])), age(p["dob"]), p["days"],
                     "Minibus" if p["transport"] else "Own", S("day opportunities worker")["name"],
                     rng.choice(["", "Soft diet", "Halal", "Vegetarian", "Thickened fluids (IDDSI 2)"])])
    write_xlsx(out("Larkfield/DayOpps/attendance_register_Nov.xlsx"), [("Register", rows)])

    # 8 respite bookings CSV (upper-reversed names, ages, booker)
    rows = []
    for p in resp_people:
        rel = [r for r in p["related"] if r["rel"] in ("mother", "father", "stepfather")]
        booker = rel[0] if rel else None
        arr = TODAY + timedelta(days=rng.randint(-60, 60))
        rows.append([nm(p, "upper_rev"), age(p["dob"]), arr.strftime("%d/%m/%Y"),
                     (arr + timedelta(days=rng.randint(2, 6))).strftime("%d/%m/%Y"), f"Room {rng.randint(1, 6)}",
                     booker["name"] if booker else S("social worker")["name"], booker["phone"] if booker else "",
                     S("short breaks worker")["name"], f"BKG-{rng.randint(10000, 99999)}"])
    write_csv(out("Larkfield/ShortBreaks/bookings_winter.csv"),
              ["Guest", "Age", "Arrive", "Depart", "Room", "Booked by", "Contact tel", "Lodge key worker", "Booking no"], rows)

    # 9 AHC register CSV per practice (reversed names, mon DOB)
    for pr in PRACTICES:
        rows = []
        for p in [q for q in people if q["practice"] == pr]:
            if rng.random() < 0.6:
                rows.append([nm(p, "rev"), fmt_dob(p["dob"], "mon"), p["nhs"],
                             (TODAY + timedelta(days=rng.randint(-30, 200))).strftime("%b %Y"),
                             S("practice nurse")["name"], S("GP")["name"],
                             rng.choice(["Invited", "Booked", "DNA x1", "Completed", "Declined - best interests mtg"])])
                mark(p)
        write_csv(out(f"GP/Registers/{pr.split()[0].lower()}_LD_register_AHC.csv"),
                  ["Patient", "DOB", "NHS Number", "AHC due", "Practice nurse", "Usual GP", "Status"], rows)

    # 10 transport schedule CSV + run sheet text
    runs = [trans_people[i::3] for i in range(3)]
    rows = []
    for ri, grp in enumerate(runs):
        drv, esc = by_role["driver"][ri % len(by_role["driver"])], by_role["passenger escort"][ri % 2]
        for k, p in enumerate(grp):
            note = acc_for(p) if p["hh"]["access"] and rng.random() < 0.5 else rng.choice(
                ["Wheelchair - use tail lift", "Sits behind driver", "Bring grab sheet", "Mum waves from window",
                 "Ring bell twice", ""])
            rows.append([f"Run {ri + 1}", drv["name"], esc["name"], f"08:{10 + k * 4:02d}", nm(p, "plain"),
                         addr(p), p["related"][0]["phone"] if p["related"] else p["phone"], note])
    write_csv(out("Larkfield/Transport/transport_schedule_w47.csv"),
              ["Run", "Driver", "Escort", "Pick-up", "Passenger", "Pick-up address", "Contact", "Notes"], rows)

    # 11 HTML portal pages
    for p in pick(people, 5):
        rels = "".join(f"<tr><td>{xml_esc(r['name'])}</td><td>{xml_esc(r['rel'])}</td><td>{r['phone']}</td></tr>"
                       for r in p["related"][:3])
        visits = "".join(f"<tr><td>{when(60).strftime('%d/%m/%Y')}</td><td>{xml_esc(S('support worker')['name'])}</td>"
                         f"<td>{rng.choice(['Shopping', 'Budgeting', 'Medication prompt', 'Community access', 'Cooking'])}</td></tr>"
                         for _ in range(4))
        html = f"""<!DOCTYPE html><html><head><title>Kestrel Portal - Person profile</title></head><body>
<div class="nav">Kestrel Portal | My caseload | Rota | Logout ({xml_esc(S('team leader')['name'])})</div>
<table class="banner"><tr><td>Name</td><td>{xml_esc(nm(p, 'title'))}</td><td>Date of birth</td><td>{fmt_dob(p['dob'], 'long')}</td></tr>
<tr><td>NHS number</td><td>{fmt_nhs(p['nhs'], rng) if p['nhs'] else 'not recorded'}</td><td>Address</td><td>{xml_esc(addr(p))}</td></tr></table>
<h2>Contacts</h2><table><tr><th>Name</th><th>Relationship</th><th>Phone</th></tr>{rels}</table>
<h2>Recent visits</h2><table><tr><th>Date</th><th>Worker</th><th>Activity</th></tr>{visits}</table>
<p>{xml_esc(rng.choice(NEAR_MISS))}</p></body></html>"""
        mark(p)
        write_text(out(f"Kestrel/Portal/profile_{p['id']:03d}.html"), html)
    # caseload dashboard page (list of several people, ages)
    rowsh = "".join(f"<tr><td>{xml_esc(nm(p, 'plain'))}</td><td>{age(p['dob'])}</td><td>{xml_esc(S('support worker')['name'])}</td><td>{xml_esc(p['hh']['address']['town'])}</td></tr>"
                    for p in pick(outreach, 12))
    write_text(out("Kestrel/Portal/caseload_dashboard.html"),
               f"<html><head><title>Caseload</title></head><body><h1>Outreach caseload</h1><table><tr><th>Person</th><th>Age</th><th>Lead worker</th><th>Area</th></tr>{rowsh}</table></body></html>")

    # 12 e-mails with attachments
    def eml(rel, frm, to, cc, subject, body, attachments):
        m = EmailMessage()
        m["From"] = f"{frm['name']} <{frm['forename'].lower()}.{frm['surname'].lower().replace(' ', '').replace(chr(39), '')}@severnbrook.nhs.uk>"
        m["To"] = ", ".join(f"{t['name']} <{t['forename'].lower()}.{t['surname'].lower().replace(' ', '').replace(chr(39), '')}@kestrel-sl.org.uk>" for t in to)
        if cc:
            m["Cc"] = ", ".join(f"{t['name']} <{t['forename'].lower()}@brackenmoor.gov.uk>" for t in cc)
        m["Subject"] = subject
        m["Date"] = format_datetime(datetime(2026, 11, rng.randint(1, 19), rng.randint(8, 17), 5, tzinfo=timezone.utc))
        m.set_content(body)
        for fname, data, mt in attachments:
            maintype, subtype = mt.split("/")
            m.add_attachment(data, maintype=maintype, subtype=subtype, filename=fname)
        with open(out(rel), "wb") as fh:
            fh.write(bytes(m))

    for ei in range(5):
        grp = pick(people, 4)
        frm = S(rng.choice(["LD nurse", "PBS practitioner", "social worker", "team leader"]))
        to = [S("team leader"), S("support worker")]
        cc = [S("admin"), S("on-call manager")]
        body = [f"Hi {to[0]['forename']},", ""]
        for p in grp[:2]:
            body.append(f"Re {nm(p, rng.choice(['plain', 'title', 'initial']))} ({age(p['dob'])}): "
                        + rng.choice(["can we move the review to next week?", "GP has asked for a weight chart.",
                                      "family have raised concerns about the new support worker.",
                                      "the hospital passport needs updating before the dental appointment."]))
            if p["hh"]["access"] and rng.random() < 0.4:
                body.append(f"For the visit: {acc_for(p)}.")
        body += ["", rng.choice(NEAR_MISS), "", "Thanks", frm["name"], frm["role"]]
        csvbuf = io.StringIO()
        w = csv.writer(csvbuf)
        w.writerow(["Full name", "DOB", "NHS", "Referral reason"])
        for p in grp:
            w.writerow([nm(p, "full"), fmt_dob(p["dob"], "uk"), p["nhs"], rng.choice(["PBS", "SLT", "OT", "Psychology"])])
            mark(p)
        atts = [("referrals.csv", csvbuf.getvalue().encode(), "text/csv")]
        if ei % 2 == 0:
            p = grp[2]
            atts.append(("letter.docx", docx_bytes([f"Dear {p['title']} {p['surname']},",
                                                      f"Re: {nm(p, 'plain')}, born {fmt_dob(p['dob'], 'long')}",
                                                      "Your review meeting is booked. Please bring your hospital passport.",
                                                      S("LD nurse")["name"]]),
                         "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
        eml(f"Mail/Exported/msg_{ei + 1:03d}.eml", frm, to, cc, f"Referrals and updates ({len(grp)} people)",
            "\n".join(body), atts)

    # ============ FREE TEXT ============
    def entry_lines(p, author):
        d = when(90)
        txt = rng.choice([
            f"Home visit to {nm(p, rng.choice(['plain', 'title', 'title_short']))}. Discussed sleep, diet and {p['conditions'][0]}.",
            f"Telephone call with {p['related'][0]['name'] + ' (' + p['related'][0]['rel'] + ')' if p['related'] else 'the person'} about appointments.",
            f"Desensitisation session for bloods with {nm(p, 'plain')}; managed tourniquet for 20 seconds.",
            f"Reviewed communication passport with {p['forename']}; uses Makaton and a now/next board.",
        ])
        return f"{d.strftime('%d/%m/%Y')} {rng.randint(9, 16)}:{rng.choice(['00', '15', '30', '45'])} - {author['name']} ({author['role']})\n{txt}"

    # contact notes: one file per person for a subset
    notes_people = pick(people, 14)
    for p in notes_people:
        lines = [f"SEVERNBROOK CLDT - CONTACT NOTES", f"Client: {nm(p, rng.choice(['full', 'upper', 'title']))}",
                 f"DOB: {fmt_dob(p['dob'], dstyle())}" if rng.random() < 0.7 else f"Age: {age(p['dob'])}",
                 f"NHS: {fmt_nhs(p['nhs'], rng)}" if p["nhs"] else "NHS: not known", "=" * 40]
        for _ in range(rng.randint(3, 6)):
            lines.append(entry_lines(p, S(rng.choice(["LD nurse", "speech and language therapist",
                                                       "occupational therapist", "clinical psychologist",
                                                       "PBS practitioner"]))))
            lines.append("-" * 40)
        if p["hh"]["access"] and rng.random() < 0.6:
            lines.append(f"Access for visits: {acc_for(p)}.")
        else:
            lines.append(rng.choice(NEAR_MISS))
        if lines[2].startswith("DOB"):
            mark(p)
        write_text(out(f"CLDT/ContactNotes/{p['surname'].replace(chr(39), '').replace(' ', '')}_{p['forename'][0]}_{p['id']:03d}.txt"),
                   "\n".join(lines) + "\n")

    # daily logs per shared house
    houses = [h for h in households if h["kind"] == "sl_shared"]
    for hi, h in enumerate(houses[:5]):
        lines = [f"Kestrel Supported Living - daily log - {h['address']['line']}", ""]
        for d in range(3):
            day = TODAY - timedelta(days=d)
            sw = S("support worker")
            lines.append(f"{day.strftime('%A %d %B %Y')} - early shift ({sw['name']})")
            for p in h["members"]:
                lines.append(f"  {p['forename']} {p['surname'] if rng.random() < 0.6 else ''}".rstrip() + ": "
                             + rng.choice(["good morning, went to Larkfield on the bus.",
                                           "refused breakfast, prompted twice, ate toast at 10.",
                                           "seizure 2 mins at 07:40, no rescue med needed, logged on chart.",
                                           "went shopping with staff, managed money well.",
                                           "anxious about the fire alarm test; used sensory box."]))
            lines.append(f"  Meds signed by {sw['name']}; {rng.choice(NEAR_MISS)}")
            lines.append("---")
        write_text(out(f"Kestrel/DailyLogs/house_{hi + 1}_log.txt"), "\n".join(lines) + "\n")

    # shift handovers (several tenants, outreach flats, with access)
    for hi in range(4):
        grp = pick(outreach, 5)
        frm, to = S("support worker"), S("support worker")
        lines = [f"SHIFT HANDOVER {(TODAY - timedelta(days=hi)).strftime('%d.%m.%y')}  from {frm['name']} to {to['name']}",
                 f"On call tonight: {S('on-call manager')['name']} {S('on-call manager')['phone']}", ""]
        for p in grp:
            s = f"* {nm(p, rng.choice(['plain', 'lower', 'title']))} ({addr(p)}) - " + rng.choice(
                ["PRN given 14:00, calmer after.", "needs help with bills tomorrow.", "GP letter on the fridge.",
                 "had a good day, cooked pasta."])
            if p["hh"]["access"] and rng.random() < 0.7:
                s += f" Access: {acc_for(p)}."
            lines.append(s)
        lines += ["", rng.choice(NEAR_MISS), rng.choice(NEAR_MISS)]
        write_text(out(f"Kestrel/Handovers/handover_{hi + 1}.txt"), "\n".join(lines) + "\n")

    # PBS ABC incident records
    for ii in range(4):
        p = rng.choice(people)
        pr = S("PBS practitioner")
        w = S(rng.choice(["support worker", "day opportunities worker"]))
        lines = ["POSITIVE BEHAVIOUR SUPPORT - ABC RECORD",
                 f"Person: {nm(p, rng.choice(['plain', 'initial']))}    Age: {age(p['dob'])}",
                 f"Completed by: {w['name']}   Reviewed by: {pr['name']} (PBS practitioner)",
                 f"Date/time: {when(30).strftime('%d/%m/%Y')} 13:{rng.randint(10, 59)}",
                 "A (antecedent): change of staff at lunch; minibus late; noisy room.",
                 "B (behaviour): shouting, hit the table, pushed " + S("day opportunities worker")["name"] + " once.",
                 "C (consequence): moved to quiet room, offered ear defenders, settled in 10 minutes.",
                 "Restrictive practice used: none.",
                 rng.choice(NEAR_MISS)]
        write_text(out(f"CLDT/PBS/ABC_{ii + 1:02d}.txt"), "\n".join(lines) + "\n")

    # transport run sheets (text)
    for ri, grp in enumerate(runs):
        drv, esc = by_role["driver"][ri % len(by_role["driver"])], by_role["passenger escort"][ri % 2]
        lines = [f"LARKFIELD TRANSPORT - RUN SHEET - Run {ri + 1} - Minibus {ri + 2}",
                 f"Driver: {drv['name']}   Escort: {esc['name']}   Vehicle check signed: {drv['forename'][0]}.{drv['surname']}",
                 "Minibus keys from depot key safe (code 7713), return by 16:30.", ""]
        for k, p in enumerate(grp):
            s = f"{k + 1}. {nm(p, rng.choice(['plain', 'title', 'upper']))}, {addr(p)}"
            if p["hh"]["access"]:
                s += f"\n   Access: {acc_for(p)}"
            else:
                s += "\n   " + rng.choice(["Wait at door - carer brings out.", "Wheelchair, tail lift.",
                                           "Sheltered flat - ring intercom, staff bring down.", "No access notes."])
            lines.append(s)
        write_text(out(f"Larkfield/Transport/run_sheet_{ri + 1}.txt"), "\n".join(lines) + "\n")

    # respite stay notes
    for ri, p in enumerate(pick(resp_people, 4)):
        w1, w2 = S("short breaks worker"), S("short breaks worker")
        par = [r for r in p["related"] if r["rel"] in ("mother", "father", "stepfather")]
        lines = [f"Larkfield Lodge short break - stay notes",
                 f"Guest: {nm(p, 'title')}, DOB {fmt_dob(p['dob'], 'short')}",
                 f"Dropped off by {par[0]['name'] + ' (' + par[0]['rel'] + ', ' + par[0]['phone'] + ')' if par else 'Kestrel staff'}.",
                 f"Night 1 ({w1['name']}): settled 22:30, checked hourly.",
                 f"Night 2 ({w2['name']}): woke 03:00, warm milk, back to sleep.",
                 "Lodge front door code 2046 is staff only - guests' families ring the bell.",
                 f"Return home: {acc_for(p) if p['hh']['access'] else 'parent collecting at 4pm.'}"]
        write_text(out(f"Larkfield/ShortBreaks/stay_notes_{ri + 1}.txt"), "\n".join(lines) + "\n")

    # best interests / capacity assessments
    for bi, p in enumerate(pick(people, 4)):
        ass = S(rng.choice(["LD nurse", "social worker", "consultant psychiatrist"]))
        rel = p["related"][0] if p["related"] else None
        lines = ["MENTAL CAPACITY ASSESSMENT AND BEST INTERESTS DECISION",
                 f"Relevant person: {nm(p, 'full')}   D.O.B. {fmt_dob(p['dob'], dstyle())}",
                 f"Decision: {rng.choice(['blood test under sedation', 'moving to supported living', 'management of finances', 'dental treatment'])}",
                 f"Assessor: {ass['name']}, {ass['role']}",
                 f"Consulted: {rel['name'] + ' (' + rel['rel'] + ')' if rel else 'no family - IMCA instructed'}; {S('GP')['name']} (GP)",
                 "Stage 1: impairment of the mind - learning disability.",
                 "Stage 2: unable to retain or weigh the information despite easy-read materials.",
                 "Outcome: lacks capacity for this decision; best interests meeting held.",
                 "Key findings shared with the family."]
        mark(p)
        write_text(out(f"CLDT/MCA/best_interests_{bi + 1}.txt"), "\n".join(lines) + "\n")

    # safeguarding concerns
    for si, p in enumerate(pick(people, 3)):
        raiser = S(rng.choice(["support worker", "day opportunities worker", "driver"]))
        lines = [f"SAFEGUARDING ADULTS CONCERN - Brackenmoor Council",
                 f"Adult at risk: {nm(p, 'upper_rev')}  ({age(p['dob'])} yrs)",
                 f"Raised by: {raiser['name']} ({raiser['role']}), badge {raiser['badge']}",
                 f"Concern: possible financial abuse - money missing from wallet after visits. "
                 f"{p['related'][0]['name'] + ' (' + p['related'][0]['rel'] + ') informed.' if p['related'] else ''}",
                 f"Allocated to: {S('social worker')['name']} (social worker)",
                 rng.choice(NEAR_MISS)]
        write_text(out(f"Council/Safeguarding/concern_{si + 1}.txt"), "\n".join(lines) + "\n")

    # meeting minutes
    for mi in range(2):
        att = pick(staff, 7)
        grp = pick(people, 6)
        lines = [f"CLDT / Kestrel / Larkfield interface meeting - minutes - {when(40).strftime('%d %B %Y')}",
                 "Attendees: " + ", ".join(f"{s['name']} ({s['role']})" for s in att),
                 "Apologies: " + S("consultant psychiatrist")["name"], "", "1. Case updates"]
        for p in grp:
            lines.append(f"- {nm(p, rng.choice(['plain', 'title', 'initial']))}, {age(p['dob'])}: "
                         + rng.choice(["transition to Kestrel flat agreed.", "respite hours increased.",
                                       "referral to dysphagia clinic.", "annual health check overdue."]))
        lines += ["", "2. Premises", rng.choice(NEAR_MISS), rng.choice(NEAR_MISS), "",
                  f"Actions: {att[0]['name']} to circulate; {att[1]['name']} to update rota."]
        write_text(out(f"Meetings/interface_minutes_{mi + 1}.md"), "\n".join(lines) + "\n")

    # chat export
    for ci in range(2):
        members = pick(by_role["support worker"] + by_role["team leader"], 5)
        lines = [f"WhatsApp Chat with Kestrel Outreach Team {ci + 1}"]
        for _ in range(14):
            s = rng.choice(members)
            p = rng.choice(outreach)
            msg = rng.choice([f"anyone free to cover {p['forename']} {p['surname']} at 2?",
                              f"{p['forename']} says thanks for the shopping",
                              f"running late for {nm(p, 'lower')}",
                              "wifi in the office is Kestrel-Guest-2026 btw",
                              "tablet pin is 260614"])
            if p["hh"]["access"] and rng.random() < 0.25:
                msg = f"for {p['forename']} {p['surname']}: {acc_for(p)}"
            lines.append(f"[{when(10).strftime('%d/%m/%Y')}, {rng.randint(7, 21):02d}:{rng.randint(0, 59):02d}] {s['name']}: {msg}")
        write_text(out(f"Kestrel/Chat/outreach_chat_{ci + 1}.txt"), "\n".join(lines) + "\n")

    # ============ LETTERS ============
    def letter_head(org):
        return {"CLDT": ["Severnbrook Partnership NHS Foundation Trust", "Community Learning Disability Team, Unit 4, Canal Side, Severnbrook SB1 4QT"],
                "GP": ["Hollins Lane Surgery", "Hollins Lane, Holmbridge HB2 6RS"],
                "COUNCIL": ["Brackenmoor Council - Appointeeship and Deputyship Team", "Town Hall, Brackenmoor BK1 1AA"],
                "KESTREL": ["Kestrel Supported Living", "The Hub, 3 Weavers Court, Severnbrook SB2 7LN"],
                "LARK": ["Larkfield Day Opportunities and Short Breaks", "Larkfield House, Lune Way, Cragside CG4 2PB"]}[org]

    letter_pool = [p for p in people]
    rng.shuffle(letter_pool)
    li = 0

    def next_people(k):
        nonlocal li
        res = letter_pool[li:li + k]
        li += k
        if len(res) < k:
            res += pick(people, k - len(res))
        return res

    # easy-read appointment letters (docx)
    for p in next_people(6):
        nurse = S("LD nurse")
        paras = letter_head("CLDT") + ["", nm(p, "title"), addr(p), "",
                                       f"Date of birth: {fmt_dob(p['dob'], 'long')}", "",
                                       f"Hello {p['forename']},",
                                       f"You have an appointment with {nurse['name']}, your learning disability nurse.",
                                       f"When: {(TODAY + timedelta(days=rng.randint(3, 40))).strftime('%A %d %B')} at 10 o'clock",
                                       "Where: at your home. Ring the bell and wait for me.",
                                       "You can bring someone you trust.",
                                       f"cc: {p['practice']}; {S('admin')['name']} (admin)"]
        mark(p)
        write_docx(out(f"CLDT/Letters/easyread_appt_{p['id']:03d}.docx"), paras,
                   footer="Severnbrook CLDT - easy read")

    # AHC invitations (pdf)
    for p in next_people(6):
        gp = S("GP")
        lines = [p["practice"], "", nm(p, "title"), addr(p), "",
                 f"NHS number: {fmt_nhs(p['nhs'], rng)}" if p["nhs"] else "",
                 f"Date of birth: {fmt_dob(p['dob'], 'uk')}", "",
                 f"Dear {nm(p, 'title_short')},",
                 "Your learning disability annual health check is due.",
                 "Please ring the surgery to book a long appointment. We can see you first thing when it is quiet.",
                 "If you need an easy read version or a visit at home please tell us.",
                 "", "Yours sincerely", gp["name"], "GP partner"]
        mark(p)
        write_pdf(out(f"GP/Letters/AHC_invite_{p['id']:03d}.pdf"), lines)

    # AHC results to GP (rtf)
    for p in next_people(5):
        nurse, gp = S("practice nurse"), S("GP")
        lines = [f"To: {gp['name']}, {p['practice']}", f"From: {nurse['name']}, practice nurse",
                 f"Re: {nm(p, 'upper_rev')}   DOB {fmt_dob(p['dob'], 'dot')}   NHS {p['nhs'] or 'n/k'}",
                 "", "Annual health check results:",
                 f"Weight {rng.randint(45, 120)} kg; BP {rng.randint(100, 150)}/{rng.randint(60, 95)}; TSH normal.",
                 f"Conditions reviewed: {', '.join(p['conditions'])}.",
                 f"Carer present: {p['related'][0]['name'] + ' (' + p['related'][0]['rel'] + ')' if p['related'] else 'support worker ' + S('support worker')['name']}.",
                 "Actions: bowel chart, dental referral, flu vaccine given.", rng.choice(NEAR_MISS)]
        mark(p)
        write_rtf(out(f"GP/Letters/AHC_results_{p['id']:03d}.rtf"), lines)

    # hospital passports (docx with table)
    for p in next_people(5):
        rel = p["related"][0] if p["related"] else None
        rows = [["My name", nm(p, "full")], ["I like to be called", p["forename"]],
                ["Date of birth", fmt_dob(p["dob"], dstyle())], ["NHS number", p["nhs"] or "I don't know it"],
                ["Who to contact", f"{rel['name']} ({rel['rel']}) {rel['phone']}" if rel else "Kestrel on call"],
                ["My GP", p["practice"]], ["Things you must know", "; ".join(p["conditions"])],
                ["How I communicate", "short sentences, pictures, give me time"]]
        if rel and rel.get("dob") and rng.random() < 0.6:
            rows.append(["My carer's date of birth", fmt_dob(rel["dob"], "uk")])
        mark(p)
        write_docx(out(f"CLDT/HospitalPassports/passport_{p['surname'].replace(chr(39), '').replace(' ', '_')}_{p['id']:03d}.docx"),
                   ["My Hospital Passport", ("TABLE", rows), f"Completed with {S('LD nurse')['name']}"])

    # health action plans (pdf)
    for p in next_people(4):
        lines = ["HEALTH ACTION PLAN", f"Name: {nm(p, 'plain')}", f"Age: {age(p['dob'])}",
                 f"Born: {fmt_dob(p['dob'], 'long')}", "", "My health goals:",
                 "1. Walk to the shop three times a week.", "2. Drink 6 cups of water a day.",
                 f"3. See the dentist - {S('LD nurse')['name']} will help me book.",
                 f"Signed: {S('LD nurse')['name']} (LD nurse)   {S('occupational therapist')['name']} (OT)"]
        mark(p)
        write_pdf(out(f"CLDT/HealthActionPlans/HAP_{p['id']:03d}.pdf"), lines)

    # letters to families (rtf)
    fam_letters = [p for p in fam_people if p["related"]]
    rng.shuffle(fam_letters)
    for p in fam_letters[:5]:
        par = p["related"][0]
        pa = par["address"] or p["hh"]["address"]
        lines = letter_head("LARK") + ["", par["name"], f"{pa['line']}, {pa['town']} {pa['postcode']}", "",
                                       f"Dear {par['forename']},",
                                       f"Re: {nm(p, 'plain')} (date of birth {fmt_dob(p['dob'], 'uk')})",
                                       f"Thank you for booking a short break for {p['forename']}. "
                                       f"Our minibus driver {S('driver')['name']} will collect at 9.30.",
                                       "Please send medication in the original boxes with the MAR chart.",
                                       (f"We have noted your instructions for the return journey: {acc_for(p)}."
                                        if p["hh"]["access"] and rng.random() < 0.5 else
                                        "The Lodge keypad is for staff; please ring the bell when you arrive."),
                                       "", "Best wishes", S("short breaks worker")["name"], "Short breaks coordinator"]
        mark(p)
        write_rtf(out(f"Larkfield/Letters/family_letter_{p['id']:03d}.rtf"), lines)

    # deputyship/appointeeship finance statements (pdf)
    for p in fin_people[:5]:
        kind, who = p["finance"]
        fo = S("finance officer")
        lines = letter_head("COUNCIL") + ["", "CLIENT ACCOUNT STATEMENT", f"Client: {nm(p, 'title')}",
                                          f"Date of birth: {fmt_dob(p['dob'], 'uk')}", f"Client reference: {p['client_ref']}",
                                          f"Arrangement: {kind}" + (f" - appointee {who['name']} ({who['rel']})" if who else ""),
                                          f"Account: Brackenmoor Client Account, sort code 20-45-77, account ending {rng.randint(1000, 9999)}",
                                          "", "Date        Description                     Amount"]
        bal = rng.randint(300, 3000)
        for _ in range(6):
            amt = rng.randint(10, 300)
            lines.append(f"{when(60).strftime('%d/%m/%Y')}  {rng.choice(['Personal allowance', 'PIP', 'Kestrel invoice INV-%d' % rng.randint(100000, 999999), 'Electricity']):30s}  {amt:>7.2f}")
        lines += [f"Closing balance: {bal:.2f}", "", f"Finance officer: {fo['name']}  Tel {landline(rng)}"]
        mark(p)
        write_pdf(out(f"Council/Appointeeship/statement_{p['client_ref']}.pdf"), lines)

    # tenancy / support-plan letters (docx)
    for p in [q for q in sl_people if q["hh"]["kind"] == "sl_flat"][:4] or sl_people[:4]:
        tl = S("team leader")
        paras = letter_head("KESTREL") + ["", nm(p, "title"), addr(p), "",
                                          f"Tenancy reference: {p['tenancy']}",
                                          f"Date of birth: {fmt_dob(p['dob'], 'uk')}",
                                          f"Dear {p['forename']},",
                                          "Your support plan review is attached. Your support hours stay the same.",
                                          (f"Our staff will use the access arrangement you agreed: {acc_for(p)}."
                                           if p["hh"]["access"] else "Staff will knock and wait for you to answer."),
                                          "", tl["name"], "Team leader", f"cc: {S('social worker')['name']} (social worker)"]
        mark(p)
        write_docx(out(f"Kestrel/Letters/support_plan_{p['tenancy'].replace('/', '-')}.docx"), paras)

    # Access coverage: every household with access gets written at least once
    for p in access_people:
        if p["id"] not in access_written:
            hh = p["hh"]
            names = " and ".join(nm(m, "plain") for m in hh["members"])
            lines = [f"Kestrel / Larkfield - access information sheet", f"For: {names}",
                     f"Address: {addr(p)}", f"Access: {acc_for(p)}",
                     f"Checked by: {S('team leader')['name']}", "Do not leave this sheet in the minibus."]
            if p["id"] not in covered:
                lines.insert(2, f"DOB: {fmt_dob(p['dob'], 'uk')}")
                mark(p)
            write_text(out(f"Kestrel/AccessSheets/access_{p['id']:03d}.txt"), "\n".join(lines) + "\n")
    # make sure couples' access lines name both (acc_for marks all members; the sheets above name both)

    # DOB coverage: an extra GP list for anyone not yet written with full name and DOB
    missing = [p for p in people if p["id"] not in covered]
    if missing:
        rows = []
        for p in missing:
            rows.append([p["surname"], p["forename"], fmt_dob(p["dob"], "uk"), p["nhs"], p["practice"],
                         S("GP")["name"], "Flu vaccine - housebound LD list"])
            mark(p)
        write_csv(out("GP/Registers/flu_housebound_LD_list.csv"),
                  ["Surname", "First name", "Date of birth", "NHS number", "Practice", "GP", "Campaign"], rows)

    # ============ TRUTH ============
    tp = []
    for p in people:
        e = {"forename": p["forename"], "surname": p["surname"], "dob": p["dob"].strftime("%d/%m/%Y"),
             "nhs_number": p["nhs"], "keysafe_code": ""}
        if p.get("middle_names"):
            e["middle_names"] = p["middle_names"]
        if p["id"] in access_written:
            e["keysafe_code"] = truth_code(p["hh"])
            e["access_kind"] = list(p["hh"]["access"]["kinds"])
        e["living"] = p["hh"]["kind"]
        e["special_category"] = True
        tp.append(e)
    used_staff = sorted({s["name"] for s in staff})
    used_related = sorted({r["name"] for r in related})
    with open(truth_path, "w", encoding="utf-8") as fh:
        json.dump({"people": tp, "staff": used_staff, "related": used_related}, fh, indent=1, ensure_ascii=False)
    counts = {}
    for f in written_files:
        ext = os.path.splitext(f)[1]
        counts[ext] = counts.get(ext, 0) + 1
    print(f"{len(written_files)} files, {len(tp)} people, {sum(1 for e in tp if e['keysafe_code'])} with home access; "
          + ", ".join(f"{k}:{v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    main()
