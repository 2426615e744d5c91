#!/usr/bin/env python3
"""Held-out breach share 25: county fire and rescue Safe and Well team + adult safeguarding.

usage: heldout_share_25.py SHARE_DIR TRUTH.json [PEOPLE=120] [SEED=1]
Everything invented. Phones from Ofcom drama ranges, NHS numbers 485/999 test ranges.
"""
import csv
import datetime as dt
import io
import json
import os
import random
import sys
from email.message import EmailMessage
from email.utils import format_datetime

SHARE = sys.argv[1]
TRUTH = sys.argv[2]
NPEOPLE = int(sys.argv[3]) if len(sys.argv) > 3 else 120
SEED = int(sys.argv[4]) if len(sys.argv) > 4 else 1
R = random.Random(SEED * 7919 + 25)
EXPORT = dt.date(2026, 11, 20)
P0 = dt.date(2026, 6, 1)

# ---------------------------------------------------------------- names
F_FEM = ["Doreen", "Margaret", "Irene", "Joan", "Patricia", "Maureen", "Eileen", "Brenda", "Sheila", "Jean",
         "Gwendoline", "Elsie", "Winifred", "Dorothy", "Beryl", "Hilda", "Mavis", "Olive", "Rita", "Pauline",
         "Shirley", "Valerie", "Edna", "Glenys", "Bridget", "Siobhan", "Nuala", "Kathleen", "Agnieszka", "Halina",
         "Krystyna", "Zofia", "Parveen", "Shamim", "Nasreen", "Rukhsana", "Kulwant", "Gurmeet", "Harbans", "Pushpa",
         "Hansa", "Savita", "Bimla", "Hyacinth", "Gloria", "Icilda", "Merline", "Pearline", "Yetunde", "Adaeze",
         "Fiona", "Morag", "Catriona", "Eluned", "Rhiannon", "Ffion", "Teresa", "Giuseppina", "Carmela", "Mei",
         "Despina", "Androulla", "Rosemary", "Iris", "Vera", "Lorraine", "Carol", "Janet", "Ann-Marie", "Marie-Claire"]
F_MAL = ["Arthur", "Dennis", "Kenneth", "Ronald", "Derek", "Alan", "Brian", "Trevor", "Leslie", "Stanley",
         "Cyril", "Gordon", "Norman", "Raymond", "Clifford", "Harold", "Walter", "Albert", "Desmond", "Winston",
         "Delroy", "Lloyd", "Mohammed", "Abdul", "Ghulam", "Mushtaq", "Gurdev", "Harjit", "Balbir", "Jaswant",
         "Ramesh", "Vinod", "Dhiren", "Tadeusz", "Zbigniew", "Stanislaw", "Patrick", "Seamus", "Declan", "Eamon",
         "Hamish", "Angus", "Gareth", "Dafydd", "Emrys", "Olumide", "Chukwuemeka", "Kwame", "Giovanni", "Salvatore",
         "Wing", "Costas", "Panayiotis", "Geoffrey", "Malcolm", "Graham", "Keith", "Jean-Paul", "Terence", "Roy"]
SURN = ["Kowalczyk", "Whiteley", "Ackroyd", "Hepworth", "Sutcliffe", "Barraclough", "Greenwood", "Holroyd",
        "Bairstow", "Illingworth", "Hussain", "Akhtar", "Begum", "Mahmood", "Iqbal", "Rashid", "Sandhu", "Gill",
        "Dhaliwal", "Bains", "Mistry", "Patel", "Chauhan", "Parmar", "Campbell", "Brown", "Thompson", "McKenzie",
        "Reid", "Adeyemi", "Okafor", "Mensah", "Nowak", "Wisniewski", "Kaminski", "O'Brien", "O'Sullivan",
        "McGuinness", "Gallagher", "Doherty", "MacLeod", "Fraser", "Munro", "Pritchard", "Llewellyn", "Vaughan",
        "Evans", "Rossi", "Esposito", "Romano", "Cheung", "Wong", "Georgiou", "Christodoulou", "Papadopoulos",
        "Smith", "Jones", "Walker", "Hargreaves", "Fairbairn", "Pickles", "Oldroyd", "Lumb", "Booth",
        "Shackleton", "Crowther", "Haigh", "Dewhirst", "Firth", "Jagger", "Rhodes", "Priestley", "Stansfield",
        "Armitage", "Brook-Sykes", "Kerr-Dalton", "Ellwood", "Naylor", "Cockcroft", "Wadsworth", "Ogunleye",
        "Van der Berg", "De Souza", "Fernandes", "D'Arcy", "Mahon", "Quinn", "Ward", "Yeadon", "Thackray"]
YOUNG_F = ["Sharon", "Karen", "Julie", "Tracey", "Nicola", "Samina", "Rupinder", "Joanne", "Claire", "Donna",
           "Kelly", "Marcia", "Bernadette", "Aisha", "Leanne", "Gemma", "Sian", "Magdalena", "Priya", "Yvonne"]
YOUNG_M = ["Darren", "Gary", "Wayne", "Stephen", "Imran", "Tariq", "Kuldip", "Paul", "Mark", "Lee", "Craig",
           "Dean", "Andrzej", "Marcus", "Sanjay", "Neil", "Ian", "Kevin", "Jason", "Carl"]

STREETS = ["Moorside Road", "Cragg Lane", "Bankfield Terrace", "Heath View", "Ivy Street", "Lister Avenue",
           "Tanhouse Lane", "Mill Fold", "Back Lane", "Well Close", "Chapel Street", "Kirkgate", "Beck Side",
           "Sowood Court", "Greenhead Road", "Thornhill Grove", "Prospect Place", "Acre Crescent",
           "Jubilee Way", "Valley Rise", "Stoney Royd", "Holme Close", "Marsh Lane", "Albion Street",
           "Station Road", "Laburnum Drive", "Ashgrove", "Park Mount", "Clough Road", "Fernbank"]
TOWNS = [("Harrowfield", "HX9"), ("Dunsby Bridge", "DB4"), ("Orbeck", "OQ7"), ("Castleford Moor", "CQ2"),
         ("Lowther Brook", "LZ3"), ("Netherholme", "NQ5"), ("Sallowby", "SQ8"), ("Kestrel Hill", "KQ1")]
GP_PRACTICES = ["Moorside Medical Practice", "Orbeck Health Centre", "Brook Lane Surgery",
                "Netherholme Group Practice", "Kestrel Hill Surgery", "The Albion Practice"]
CARE_HOMES = ["Oakwood Grange Care Home", "Ashlea Court Nursing Home", "St Aidan's Residential Home",
              "Heathfield House Care Home", "The Laurels Nursing Home"]


class NameBank:
    def __init__(self, r):
        self.r = r
        self.used = set()

    def take(self, firsts, surnames=SURN, surname=None):
        for _ in range(1000):
            f = self.r.choice(firsts)
            s = surname or self.r.choice(surnames)
            if (f, s) not in self.used:
                self.used.add((f, s))
                return f, s
        raise RuntimeError("names")


NB = NameBank(R)


def nhs_number(r, prefix):
    while True:
        body = prefix + "".join(str(r.randint(0, 9)) for _ in range(6))
        tot = sum(int(d) * (10 - i) for i, d in enumerate(body))
        chk = 11 - tot % 11
        if chk == 11:
            chk = 0
        if chk == 10:
            continue
        return body + str(chk)


def nhs_ok(n):
    d = n.replace(" ", "").replace("-", "")
    if len(d) != 10 or not d.isdigit():
        return False
    tot = sum(int(x) * (10 - i) for i, x in enumerate(d[:9]))
    chk = 11 - tot % 11
    chk = 0 if chk == 11 else chk
    return chk != 10 and chk == int(d[9])


def nhs_shape(n, r):
    k = r.random()
    if k < 0.5:
        return f"{n[:3]} {n[3:6]} {n[6:]}"
    if k < 0.8:
        return n
    return f"{n[:3]}-{n[3:6]}-{n[6:]}"


def phone(r):
    k = r.random()
    if k < 0.5:
        return f"07700 900{r.randint(0, 999):03d}"
    if k < 0.75:
        return f"0113 496 0{r.randint(0, 999):03d}"
    return f"0117 496 0{r.randint(0, 999):03d}"


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def dob_shape(d, r, k=None):
    k = r.randrange(6) if k is None else k
    if k == 0:
        return d.strftime("%d/%m/%Y")
    if k == 1:
        return f"{d.day}/{d.month}/{d.year}"
    if k == 2:
        return d.strftime("%d-%b-%Y")
    if k == 3:
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if k == 4:
        return d.strftime("%d.%m.%Y")
    return d.isoformat()


def ds(d):
    return d.strftime("%d/%m/%Y")


def rand_date(r, a, b):
    return a + dt.timedelta(days=r.randint(0, (b - a).days))


# ---------------------------------------------------------------- staff
def make_staff():
    st = {}
    def add(role, n, firsts, prefix=""):
        out = []
        for _ in range(n):
            f, s = NB.take(firsts)
            out.append({"forename": f, "surname": s, "role": role, "full": f"{f} {s}"})
        st[role] = out
    add("ff", 10, YOUNG_M + YOUNG_F)          # firefighters / crew
    add("wm", 3, YOUNG_M + YOUNG_F)           # watch managers
    add("adv", 5, YOUNG_F + YOUNG_M)          # safe and well advocates
    add("sw", 5, YOUNG_F + YOUNG_M)           # social workers
    add("sgl", 2, YOUNG_F)                    # safeguarding lead / practice manager
    add("dn", 5, YOUNG_F + ["Marcia", "Bernadette"])  # district nurses
    add("gp", 6, YOUNG_M + YOUNG_F)           # GPs
    add("ctrl", 4, YOUNG_F + YOUNG_M)         # control room
    add("police", 2, YOUNG_M)
    return st


# ---------------------------------------------------------------- people
CONDITIONS = ["COPD", "Dementia (Alzheimer's type)", "vascular dementia", "Parkinson's disease",
              "type 2 diabetes", "heart failure", "atrial fibrillation", "CVA (2024) L sided weakness",
              "osteoarthritis", "macular degeneration - registered sight impaired", "hearing loss",
              "alcohol dependence", "depression", "schizophrenia (stable)", "MS", "pressure ulcer sacrum grade 3",
              "psoriasis / eczema", "lymphoedema bilat legs", "Korsakoff's", "frailty", "falls"]
MEDS = ["home oxygen 2L/min via concentrator", "Doublebase gel (paraffin-based emollient)",
        "Epaderm ointment", "Zerobase cream", "morphine sulphate MR 10mg bd", "donepezil 10mg",
        "co-careldopa 25/100", "metformin 500mg", "furosemide 40mg", "apixaban 5mg bd",
        "salbutamol inhaler", "Oramorph PRN", "sertraline 50mg", "insulin (Lantus) - DN administers",
        "Cetraben cream", "diazepam 2mg"]


def make_people(n, staff):
    people = []
    related_all = []
    towns = TOWNS
    for i in range(n):
        sex = "F" if R.random() < 0.6 else "M"
        f, s = NB.take(F_FEM if sex == "F" else F_MAL)
        p = {"forename": f, "surname": s, "sex": sex}
        p["middle"] = R.choice(F_FEM if sex == "F" else F_MAL) if R.random() < 0.3 else ""
        p["known_as"] = ""
        if R.random() < 0.12:
            ka = {"Margaret": "Peggy", "William": "Bill", "Patricia": "Pat", "Kenneth": "Ken", "Dorothy": "Dot",
                  "Winifred": "Win", "Gwendoline": "Gwen", "Harold": "Harry", "Albert": "Bert", "Raymond": "Ray",
                  "Stanislaw": "Stan", "Chukwuemeka": "Emeka", "Zbigniew": "Zbyszek", "Terence": "Terry",
                  "Panayiotis": "Peter", "Kathleen": "Kath", "Bridget": "Biddy", "Gurdev": "Dev"}.get(f)
            p["known_as"] = ka or ""
        p["title"] = ("Mrs" if R.random() < 0.6 else R.choice(["Miss", "Ms"])) if sex == "F" else "Mr"
        y = R.randint(1926, 1962)
        p["dob_d"] = dt.date(y, R.randint(1, 12), R.randint(1, 28))
        p["dob"] = ds(p["dob_d"])
        pref = R.choice(["485", "485", "999"])
        pref = os.environ.get("HELDOUT_NHS_PREFIX", pref)  # optional: force one test range (default mixed)
        sub = random.Random(R.random())  # own stream: the prefix never shifts the rest of the share
        p["nhs"] = nhs_number(sub, pref) if R.random() < 0.72 else ""
        town, out = R.choice(towns)
        p["house"] = str(R.randint(1, 140)) if R.random() < 0.8 else R.choice(["Flat 3", "Flat 12", "Flat 7b"]) + ", " + R.choice(["Priory Court", "Beckett House", "Calder Heights"])
        p["street"] = R.choice(STREETS)
        p["town"] = town
        p["postcode"] = f"{out} {R.randint(1, 9)}{R.choice('ABDEFGHJLNPQRSTUWXYZ')}{R.choice('ABDEFGHJLNPQRSTUWXYZ')}"
        p["addr1"] = f"{p['house']} {p['street']}" if "Flat" not in p["house"] else f"{p['house']}, {p['street']}"
        p["phone"] = phone(R)
        p["gp_practice"] = R.choice(GP_PRACTICES)
        p["gp"] = R.choice(staff["gp"])
        p["conds"] = R.sample(CONDITIONS, R.randint(1, 3))
        p["meds"] = R.sample(MEDS, R.randint(1, 3))
        p["oxygen"] = any("oxygen" in m for m in p["meds"])
        p["emollient"] = any(w in " ".join(p["meds"]) for w in ("Doublebase", "Epaderm", "Zerobase", "Cetraben"))
        p["cir"] = R.choice([1, 1, 2, 3, 4, 5, 6, 7, 8]) if R.random() < 0.35 else 0
        p["smoker"] = R.random() < 0.35
        p["bedbound"] = R.random() < 0.2
        p["dog"] = R.choice(["", "", "", "small dog (friendly)", "Staffie - put in kitchen before entry", "2 cats"])
        p["lives_alone"] = R.random() < 0.7
        p["adv"] = R.choice(staff["adv"])
        p["sw"] = R.choice(staff["sw"])
        p["dn"] = R.choice(staff["dn"])
        # next of kin
        rel_kind = R.choice(["daughter", "son", "niece", "nephew", "husband", "wife", "granddaughter", "friend"])
        if rel_kind in ("husband", "wife"):
            rel_kind = "husband" if sex == "F" else "wife"
        fem = rel_kind in ("daughter", "niece", "wife", "granddaughter") or (rel_kind == "friend" and R.random() < .5)
        same = rel_kind in ("son", "husband", "wife") or (rel_kind in ("daughter", "granddaughter") and R.random() < .4)
        nf, ns = NB.take(YOUNG_F if fem else YOUNG_M, surname=s if same else None)
        if rel_kind in ("husband", "wife"):
            nf, ns = NB.take(F_MAL if rel_kind == "husband" else F_FEM, surname=s)
        p["nok"] = {"forename": nf, "surname": ns, "rel": rel_kind, "phone": phone(R), "full": f"{nf} {ns}"}
        p["related"] = [p["nok"]["full"]]
        # state at the export date
        k = R.random()
        p["state"] = "living"
        if k < 0.06:
            p["state"] = "died_fire" if R.random() < 0.4 else "died"
        elif k < 0.12:
            p["state"] = "care_home"
        p["event_date"] = rand_date(R, dt.date(2026, 8, 1), dt.date(2026, 11, 5)) if p["state"] != "living" else None
        p["care_home"] = R.choice(CARE_HOMES) if p["state"] == "care_home" else ""
        # access plan
        p["access"] = {}
        p["ks_changed"] = False
        if R.random() < 0.6:
            kinds = R.sample(["code", "code", "code", "key_holder", "hidden_key", "left_open"], R.randint(1, 2))
            for kd in kinds:
                if kd == "code":
                    p["access"]["code"] = {"code": f"{R.randint(0, 9999):04d}" if R.random() < .85 else f"{R.randint(10000, 99999)}",
                                           "where": R.choice(["L/H side of front door", "by back door", "on wall by gas meter",
                                                              "under porch light", "R of door frame, behind the wheelie bin",
                                                              "side of garage"]),
                                           "what": R.choice(["key safe", "key safe", "keysafe", "KS", "door keypad", "communal door"])}
                elif kd == "key_holder":
                    kh_n = R.random()
                    if kh_n < 0.5:
                        p["access"]["key_holder"] = {"who": p["nok"]["full"], "desc": p["nok"]["rel"], "rel": True}
                    else:
                        hf, hs = NB.take(F_FEM + F_MAL + YOUNG_F)
                        hn = R.choice(["2", "4", "11", "15", "23", "opposite", "next door"])
                        p["access"]["key_holder"] = {"who": f"{hf} {hs}", "desc": f"neighbour at no. {hn}" if hn[0].isdigit() else f"neighbour {hn}", "rel": False}
                        p["related"].append(f"{hf} {hs}")
                elif kd == "hidden_key":
                    p["access"]["hidden_key"] = R.choice(["under the green plant pot by the back door",
                                                          "in the meter box (front of house)",
                                                          "under the mat", "on a string through the letterbox",
                                                          "in the shed, on hook behind door",
                                                          "under the stone frog in the front garden",
                                                          "inside the bird box on the fence"])
                else:
                    p["access"]["left_open"] = R.choice(["front door left unlocked during the day for carers - knock and walk in",
                                                         "door on the latch, let yourself in and shout",
                                                         "back door kept open til 9pm for carers - just push the door",
                                                         "door left open for visitors, walk in"])
        # key safe changed after safeguarding concern (financial abuse by a relative who knew the code)
        if p["state"] == "living" and "code" in p["access"] and p["nok"]["rel"] not in ("husband", "wife") and R.random() < 0.35:
            p["ks_changed"] = True
            p["old_code"] = p["access"]["code"]["code"]
            p["new_code_written"] = R.random() < 0.5
            if p["new_code_written"]:
                p["access"]["code"] = dict(p["access"]["code"], code=f"{R.randint(0, 9999):04d}")
        kinds_current = set(p["access"])
        if p.get("ks_changed") and not p.get("new_code_written"):
            kinds_current.discard("code")
        if p["state"] == "living":
            p["access_kind"] = sorted(kinds_current)
            p["former_access_kind"] = []
        else:
            p["access_kind"] = []
            p["former_access_kind"] = sorted(kinds_current)
        people.append(p)
    return people


def access_lines(p, r, style="risk", old=False, nocode=False):
    """Lines describing the way in, as crews/control write them."""
    a = p["access"]
    out = []
    if "code" in a and not nocode:
        c = a["code"]
        code = p["old_code"] if old else c["code"]
        w = c["what"]
        if w in ("door keypad", "communal door"):
            out.append(r.choice([f"{'Communal door' if w == 'communal door' else 'Front door keypad'} code {code}",
                                 f"Entry: {w} {code}#"]))
        else:
            out.append(r.choice([f"KS {code} {c['where']}", f"Key safe code {code} - {c['where']}",
                                 f"{w} {c['where']}, code {code}", f"Keysafe: {code} ({c['where']})",
                                 f"KEY SAFE {code}"]))
    if "key_holder" in a:
        k = a["key_holder"]
        out.append(r.choice([f"Key holder: {k['who']} ({k['desc']})", f"Spare key with {k['who']}, {k['desc']}",
                             f"{k['desc'].capitalize()} {k['who']} has a key"]))
    if "hidden_key" in a:
        out.append(r.choice([f"Key {a['hidden_key']}", f"Spare key kept {a['hidden_key']}"]))
    if "left_open" in a:
        out.append(a["left_open"].capitalize())
    return out


NO_ACCESS = ["Occupier answers door - allow time, slow on feet", "Ring bell and wait, hard of hearing",
             "No key safe", "KS fitting requested via Careline", "Careline hold key holder details",
             "Door chain on at night", "Daughter lets crews in by arrangement", "Access via rear - side gate",
             "", "", "Ring before attending"]

# ---------------------------------------------------------------- writers
FILES = []


def _path(rel):
    if rel in FILES:
        b, e = os.path.splitext(rel)
        k = 2
        while f"{b} ({k}){e}" in FILES:
            k += 1
        rel = f"{b} ({k}){e}"
    path = os.path.join(SHARE, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    FILES.append(rel)
    return path


def wtxt(rel, text, enc="utf-8"):
    nl = "\r\n" if R.random() < 0.4 else "\n"
    with open(_path(rel), "w", encoding=enc, newline=nl) as fh:
        fh.write(text)


def wdocx(rel, paras, tables=(), header=None):
    from docx import Document
    doc = Document()
    doc.core_properties.created = dt.datetime(2026, 6, 1)
    doc.core_properties.author = "SFRS"
    if header:
        doc.sections[0].header.paragraphs[0].text = header
    for para in paras:
        if isinstance(para, tuple) and para[0] == "TABLE":
            rows = para[1]
            t = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for i, row in enumerate(rows):
                for j, cell in enumerate(row):
                    t.cell(i, j).text = str(cell)
        elif isinstance(para, tuple) and para[0] == "H":
            doc.add_heading(para[1], level=1)
        else:
            doc.add_paragraph(para)
    doc.save(_path(rel))


def _pdf_esc(s):
    s = s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return s.encode("cp1252", "replace")


def wpdf(rel, lines, size=10):
    per = 60
    pages = [lines[i:i + per] for i in range(0, max(len(lines), 1), per)] or [[]]
    objs = []
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(len(pages)))
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    font_id = 3 + 2 * len(pages)
    for i, pg in enumerate(pages):
        content = b"BT /F1 %d Tf 14 TL 50 800 Td " % size
        for ln in pg:
            content += b"(" + _pdf_esc(ln) + b") Tj T* "
        content += b"ET"
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {4 + 2 * i} 0 R "
                    f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode())
        objs.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offs = []
    for n, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % n + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offs:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    with open(_path(rel), "wb") as fh:
        fh.write(bytes(out))


def weml(rel, frm, to, subj, body, when, cc=None, attach=None):
    m = EmailMessage()
    m["From"] = frm
    m["To"] = to
    if cc:
        m["Cc"] = cc
    m["Subject"] = subj
    m["Date"] = format_datetime(when)
    m["Message-ID"] = f"<{R.randint(10**11, 10**12)}.{len(FILES)}@mail.sfrs.example>"
    m.set_content(body)
    if attach:
        name, data = attach
        m.add_attachment(data.encode("utf-8"), maintype="text", subtype="csv", filename=name)
    with open(_path(rel), "wb") as fh:
        fh.write(bytes(m))


# ---------------------------------------------------------------- name shapes
def nm(p, r, k=None):
    f, s, t = p["forename"], p["surname"], p["title"]
    k = r.randrange(8) if k is None else k
    if k == 0:
        return f"{f} {s}"
    if k == 1:
        return f"{s.upper()}, {f}"
    if k == 2:
        return f"{t} {f[0]} {s}"
    if k == 3:
        return f"{t} {s}"
    if k == 4:
        return f"{f} {p['middle']} {s}" if p["middle"] else f"{f} {s}"
    if k == 5:
        return f"{f} ({p['known_as']}) {s}" if p["known_as"] else f"{s}, {f}"
    if k == 6:
        return f"{t} {f} {s}"
    return f"{f[0]}. {s}"


def email_of(st):
    return f"{st['forename'].lower()}.{st['surname'].lower().replace(' ', '').replace(chr(39), '')}"


def sfull(st, r, k=None):
    k = r.randrange(4) if k is None else k
    return [st["full"], f"{st['forename'][0]}. {st['surname']}", f"{st['forename']} {st['surname']}", st["forename"]][k]


def risk_bits(p):
    b = []
    if p["oxygen"]:
        b.append("O2 IN USE")
    if p["emollient"]:
        b.append("paraffin emollients")
    if p["bedbound"]:
        b.append("bedbound")
    if p["smoker"]:
        b.append("smoker" + (" - smokes in bed" if R.random() < .4 else ""))
    if p["cir"]:
        b.append(f"hoarding CIR {p['cir']}")
    if p["dog"]:
        b.append(p["dog"])
    return b


# ---------------------------------------------------------------- documents
def visit_records(people, staff):
    n = 0
    for idx, p in enumerate(people):
        nvis = R.choice([1, 1, 2, 2, 3])
        last = p["event_date"] - dt.timedelta(days=7) if p["event_date"] else dt.date(2026, 11, 18)
        dates = sorted(rand_date(R, P0, last) for _ in range(nvis))
        p["visits"] = dates
        for vi, d in enumerate(dates):
            crew = R.sample(staff["ff"], 2)
            adv = p["adv"]
            old = p.get("ks_changed") and d < p.setdefault("ks_change_date", rand_date(R, dt.date(2026, 8, 20), dt.date(2026, 10, 20)))
            gone = bool(p.get("ks_changed") and not old and not p.get("new_code_written"))
            acc = access_lines(p, R, old=bool(old), nocode=gone) if p["access"] else [R.choice(NO_ACCESS) or "Occupier lets in"]
            if gone:
                acc.append("Key safe code changed after s/g concern - new code not recorded, ring SW")
            fire = []
            fire.append(R.choice(["2 x 10yr sealed smoke alarms fitted (hall, landing)",
                                  "Smoke alarm in hall tested OK, 1 fitted in bedroom",
                                  "Telecare-linked smoke detector fitted, tested with Careline",
                                  "Heat alarm fitted kitchen. Existing alarm no battery - replaced"]))
            if p["oxygen"]:
                fire.append("Home oxygen in use - concentrator in lounge, O2 warning sticker on front door. Advised no naked flames.")
            if p["emollient"]:
                fire.append("Uses paraffin based emollient - advised re: clothing/bedding soaked, do not smoke.")
            if p["smoker"]:
                fire.append(R.choice(["Smokes in chair, burn marks on carpet.", "Smokes in bed - fire retardant bedding given.",
                                      "Smoker. Deep ashtray provided."]))
            if p["cir"]:
                fire.append(f"Clutter image rating {p['cir']}/9 (lounge), {min(9, p['cir'] + 1)}/9 (bedroom). Exits {'partly blocked' if p['cir'] > 5 else 'clear'}.")
            if vi == 0 or R.random() < .5:
                hdr = [f"Name: {nm(p, R, R.choice([0, 1, 6] if vi == 0 else [0, 1, 4, 6, 5]))}", f"DOB: {dob_shape(p['dob_d'], R)}"]
            else:
                hdr = [f"Occupier: {nm(p, R, R.choice([0, 2, 3, 6]))}"]
            if p["nhs"] and R.random() < .6:
                hdr.append(f"NHS No: {nhs_shape(p['nhs'], R)}")
            hdr.append(f"Address: {p['addr1']}, {p['town']}, {p['postcode']}")
            ref = f"SW/{d:%y}/{1000 + idx * 3 + vi}"
            kind = "Home Fire Safety Visit" if vi == 0 else "Revisit"
            body = hdr + ["", f"Visit type: {kind}", f"Attended by: {sfull(adv, R, 0)} (S&W Advocate)" if R.random() < .5 else f"Crew: {sfull(crew[0], R, 1)}, {sfull(crew[1], R, 1)} ({R.choice(['Red', 'Blue', 'White', 'Green'])} Watch)",
                          f"Lives alone: {'Y' if p['lives_alone'] else 'N'}",
                          f"Health: {', '.join(p['conds'])}", "", "Fire safety:"] + ["- " + x for x in fire] + [
                          "", "Access for crews: " + "; ".join(acc),
                          f"NOK: {p['nok']['full']} ({p['nok']['rel']}) {p['nok']['phone']}" if (vi == 0 or R.random() < .5) else "NOK: see referral",
                          "", f"Actions: {R.choice(['Refer to SG hub', 'Premises risk info updated', 'Nil further', 'Revisit 3 months', 'Referral to OT for bed'])}"]
            fn = f"Safe and Well/Visit records/{d:%Y}/{d:%m %b}/{ref.replace('/', '-')} {p['surname'].replace(chr(39), '')}"
            if R.random() < .6:
                wtxt(fn + ".txt", f"{kind.upper()}  Ref {ref}  Date {ds(d)}\n" + "\n".join(body) + "\n")
            else:
                wdocx(fn + ".docx", [("H", f"Safe and Well - {kind}"), f"Ref: {ref}    Date of visit: {d:%d %B %Y}"] + body)
            n += 1


def referrals(people, staff):
    for idx, p in enumerate(people):
        if R.random() > .5:
            continue
        d = rand_date(R, dt.date(2026, 5, 20), (p["visits"][0] - dt.timedelta(days=3)))
        by = p["dn"] if R.random() < .6 else p["gp"]
        role = "District Nurse" if by in staff["dn"] else "GP"
        org = "Calderbrook Community Nursing Team" if role == "District Nurse" else p["gp_practice"]
        rows = [["Referral to", "Fire & Rescue Service - Safe and Well"], ["Date", ds(d)],
                ["Patient name", f"{p['forename']} {p['surname']}" if R.random() < .6 else f"{p['surname'].upper()} {p['forename']}"],
                ["D.O.B", dob_shape(p["dob_d"], R)], ["NHS Number", nhs_shape(p["nhs"], R) if p["nhs"] else "not known"],
                ["Address", f"{p['addr1']}, {p['town']}"], ["Postcode", p["postcode"]], ["Tel", p["phone"]],
                ["Diagnosis / PMH", ", ".join(p["conds"])], ["Current medication", "; ".join(p["meds"])],
                ["Reason for referral", R.choice(["Smoker with home oxygen", "Uses emollients, smokes", "Hoarding, candles used",
                                                  "Lives alone, memory poor, leaves pans on", "Falls + smoking in chair", "Bedbound, no working smoke alarm"])],
                ["Consent", R.choice(["Yes - verbal", "Y", "Yes (patient)", "Best interests - lacks capacity"])],
                ["Access", "; ".join(access_lines(p, R, old=bool(p.get("ks_changed")))) if p["access"] and R.random() < .6 else "Patient will answer"],
                ["Referrer", f"{by['full']}, {role}, {org}"]]
        fn = f"Referrals/{d:%Y-%m}/Referral {p['surname']} {p['forename'][0]} {d:%d%m%y}"
        if R.random() < .5:
            wdocx(fn + ".docx", [("H", "SAFE AND WELL REFERRAL FORM"), ("TABLE", rows)])
        else:
            wpdf(fn + ".pdf", ["SAFE AND WELL REFERRAL FORM", ""] + [f"{a}: {b}" for a, b in rows])


def safeguarding(people, staff):
    cases = [p for p in people if p.get("ks_changed")]
    others = [p for p in people if not p.get("ks_changed") and (p["cir"] >= 6 or R.random() < .08)]
    cases += others
    meetings = []
    for p in cases:
        d = p.get("ks_change_date") or rand_date(R, dt.date(2026, 7, 1), dt.date(2026, 10, 30))
        if p["event_date"] and d > p["event_date"]:
            d = p["event_date"] - dt.timedelta(days=5)
        raised = R.choice(staff["ff"] + staff["adv"] + staff["dn"])
        if p.get("ks_changed"):
            conc = (f"Financial abuse suspected. {p['title']} {p['surname']} told advocate that {'her' if p['sex'] == 'F' else 'his'} {p['nok']['rel']} "
                    f"has been letting themselves in using the key safe (code {p['old_code']}) and taking pension money from the tin. "
                    f"Key safe code changed on {ds(d + dt.timedelta(days=2))} by crew. ")
            if p.get("new_code_written"):
                conc += f"New code {p['access']['code']['code']} - only SW, Careline and control to hold it."
            else:
                conc += "New code NOT written on this form - held by allocated SW only."
        else:
            conc = R.choice([f"Self-neglect and hoarding, CIR {p['cir'] or 7}. Refuses support. Significant fire loading in lounge and stairs.",
                             "Neglect - carers not attending calls, pressure damage noted, NOK not engaging.",
                             "Smoking with oxygen, burns on clothing, declining to stop. Capacity queried."])
        rows = [["Adult at risk", f"{p['forename']} {p['surname']}"], ["DOB", dob_shape(p["dob_d"], R)],
                ["NHS no", nhs_shape(p["nhs"], R) if p["nhs"] else ""], ["Address", f"{p['addr1']}, {p['town']} {p['postcode']}"],
                ["Type of abuse", "Financial" if p.get("ks_changed") else R.choice(["Self-neglect", "Neglect/acts of omission"])],
                ["Concern", conc], ["Raised by", f"{raised['full']}"], ["Date raised", ds(d)],
                ["Person alleged to cause harm", p["nok"]["full"] + f" ({p['nok']['rel']})" if p.get("ks_changed") else "N/A"],
                ["Allocated worker", p["sw"]["full"]]]
        fn = f"Safeguarding/Concerns/{d:%Y}/AS-{d:%m%d}-{p['surname'].replace(' ', '')}"
        if R.random() < .6:
            wdocx(fn + ".docx", [("H", "Adult Safeguarding Concern"), ("TABLE", rows)], header="OFFICIAL-SENSITIVE")
        else:
            wpdf(fn + ".pdf", ["ADULT SAFEGUARDING CONCERN FORM  (OFFICIAL-SENSITIVE)", ""] + [f"{a}: {b}" for a, b in rows])
        meetings.append((d, p))
    # strategy meetings: group 2-4 cases
    meetings.sort(key=lambda x: x[0])
    i = 0
    while i < len(meetings):
        grp = meetings[i:i + R.randint(2, 4)]
        i += len(grp)
        md = grp[-1][0] + dt.timedelta(days=R.randint(3, 10))
        present = [staff["sgl"][0]] + R.sample(staff["sw"], 2) + [R.choice(staff["wm"]), R.choice(staff["adv"]),
                                                                   R.choice(staff["dn"]), R.choice(staff["police"])]
        apolog = [R.choice(staff["gp"]), staff["sgl"][1]]
        lines = [f"Section 42 Strategy Meeting - minutes", f"Date: {md:%d %B %Y}  Venue: Teams",
                 "Present: " + ", ".join(f"{s['full']} ({s['role'].upper()})" for s in present),
                 "Apologies: " + ", ".join(s["full"] for s in apolog), "Chair: " + staff["sgl"][0]["full"], ""]
        for n, (d, p) in enumerate(grp, 1):
            lines.append(f"{n}. {nm(p, R, R.choice([1, 6, 4]))} (DOB {dob_shape(p['dob_d'], R)})")
            if p.get("ks_changed"):
                lines.append(f"   {sfull(p['sw'], R, 2)} summarised: {p['nok']['rel']} knew key safe code and has been taking money. "
                             f"Code changed. Police ({sfull(present[-1], R, 1)}) to contact {p['nok']['full']}. "
                             + ("Control informed of new code." if p.get("new_code_written") else "New code not to be minuted."))
            else:
                lines.append(f"   Concern discussed. Fire service to revisit with {sfull(p['adv'], R, 0)}. S42 enquiry {'to proceed' if R.random() < .6 else 'not required - NFA'}.")
            lines.append("")
        lines.append("Actions: see tracker. Next meeting 4 weeks.")
        fn = f"Safeguarding/Strategy meetings/Minutes {md:%Y-%m-%d}"
        if R.random() < .5:
            wdocx(fn + ".docx", lines, header="OFFICIAL-SENSITIVE - not for onward sharing")
        else:
            wpdf(fn + ".pdf", lines)


def premises(people, staff):
    rows = []
    removed = []
    for idx, p in enumerate(people):
        gone = bool(p.get("ks_changed") and not p.get("new_code_written"))
        acc = (access_lines(p, R, nocode=gone) if p["access"] else [R.choice(NO_ACCESS)])
        if gone:
            acc.append(f"KS code changed {ds(p['ks_change_date'])} - s/g. New code NOT held - ring duty SW")
        row = [f"PR{2000 + idx}", p["surname"].upper(), p["forename"], p["addr1"], p["town"], p["postcode"],
               "; ".join(acc), " / ".join(risk_bits(p)), ds(p["visits"][-1])]
        if p["state"] == "living":
            rows.append(row)
        else:
            why = (f"DECEASED {ds(p['event_date'])}" + (" (fatal fire)" if p["state"] == "died_fire" else "")) if p["state"].startswith("died") else f"moved to {p['care_home']} {ds(p['event_date'])}"
            removed.append(row + [why])
    head = ["Ref", "Surname", "Forename", "Address", "Town", "Postcode", "Access", "Hazards", "Last S&W visit"]
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(head)
    w.writerows(rows)
    with open(_path("Control/Premises risk/premises_risk_list_export_20112026.csv"), "w", encoding="utf-8", newline="") as fh:
        fh.write(buf.getvalue())
    import openpyxl
    wb = openpyxl.Workbook()
    wb.properties.created = dt.datetime(2026, 11, 20)
    ws = wb.active
    ws.title = "Active"
    ws.append(["Premises risk information - Safe and Well - read by Control before mobilising"])
    ws.append(head)
    for r_ in rows:
        ws.append(r_)
    ws2 = wb.create_sheet("O2 & bedbound")
    ws2.append(["Name", "DOB", "Address", "O2", "Bedbound", "Notes"])
    for p in people:
        if (p["oxygen"] or p["bedbound"]) and p["state"] == "living":
            ws2.append([f"{p['title']} {p['forename'][0]} {p['surname']}", ds(p["dob_d"]), f"{p['addr1']} {p['postcode']}",
                        "Y" if p["oxygen"] else "", "Y" if p["bedbound"] else "", ", ".join(p["conds"][:2])])
    ws3 = wb.create_sheet("Removed")
    ws3.append(head + ["Reason removed"])
    for r_ in removed:
        ws3.append(r_)
    wb.save(_path("Control/Premises risk/Premises risk list MASTER.xlsx"))


def emails(people, staff):
    hub = "Adult Safeguarding Hub <asg.hub@council.example>"
    for p in people:
        if R.random() > .25 and p["state"] == "living":
            continue
        adv = p["adv"]
        d = p["event_date"] or rand_date(R, dt.date(2026, 6, 10), dt.date(2026, 11, 19))
        when = dt.datetime(d.year, d.month, d.day, R.randint(8, 19), R.randint(0, 59), tzinfo=dt.timezone.utc)
        if p["state"] == "died_fire":
            wm = R.choice(staff["wm"])
            body = (f"All,\n\nFor info - fatal fire overnight at {p['addr1']}, {p['town']}. Occupier {nm(p, R, 6)} (DOB {dob_shape(p['dob_d'], R)}) "
                    f"pronounced dead at scene. Was known to S&W (last visit {ds(p['visits'][-1])}). "
                    f"{'Home oxygen in use.' if p['oxygen'] else 'Smoking materials suspected.'} Crews gained entry "
                    f"{'using key safe' if 'code' in p['access'] else 'by force'}.\n\nPremises risk entry removed. "
                    f"NOK {p['nok']['full']} informed by police.\n\n{wm['full']}\nWatch Manager, Orbeck Fire Station\n")
            weml(f"Email/Incidents/{d:%Y%m%d} fatal fire {p['surname']}.eml", f"{wm['full']} <{email_of(wm)}@sfrs.example>",
                 hub, f"FATAL FIRE - {p['addr1']} - {p['surname'].upper()}", body, when,
                 cc=f"{staff['sgl'][0]['full']} <{email_of(staff['sgl'][0])}@council.example>")
        elif p["state"] == "died":
            body = (f"Hi,\nJust to let you know {p['title']} {p['surname']} ({p['addr1']}) passed away on {ds(p['event_date'])} - "
                    f"daughter/family informed us. Please remove from premises risk list and cancel revisit.\n"
                    f"Old access details ({'; '.join(access_lines(p, R)) or 'none'}) no longer needed.\n\nThanks\n{adv['full']}\nSafe and Well Advocate\n")
            weml(f"Email/S&W team/{d:%Y%m%d} RE {p['surname']} deceased.eml", f"{adv['full']} <{email_of(adv)}@sfrs.example>",
                 f"Control Room <control@sfrs.example>", f"Remove from PR list - {p['surname']}", body, when)
        elif p["state"] == "care_home":
            body = (f"Control,\n{nm(p, R, 0)} DOB {dob_shape(p['dob_d'], R)} has moved permanently into {p['care_home']} as of "
                    f"{ds(p['event_date'])}. House at {p['addr1']} now empty - family clearing it.\nPlease remove "
                    f"access info from PR{2000 + people.index(p)}.\n\n{p['sw']['full']}\nSocial Worker, Adult Social Care\n")
            weml(f"Email/S&W team/{d:%Y%m%d} {p['surname']} moved to care home.eml", f"{p['sw']['full']} <{email_of(p['sw'])}@council.example>",
                 "Control Room <control@sfrs.example>", f"{p['surname']} - permanent care home placement", body, when)
        else:
            ff = R.choice(staff["ff"])
            acc = "; ".join(access_lines(p, R)) if p["access"] and not p.get("ks_changed") else "answers door"
            body = (f"Morning hub,\n\nVisited {nm(p, R, R.choice([0, 6, 2]))} today at {p['addr1']}, {p['town']} {p['postcode']}."
                    f" DOB {dob_shape(p['dob_d'], R)}{', NHS ' + nhs_shape(p['nhs'], R) if p['nhs'] and R.random() < .5 else ''}.\n"
                    f"{R.choice(['House very cluttered', 'Burns on chair and carpet', 'No food in house, fridge off', 'Confused, thought we were the police'])}. "
                    f"{'Uses ' + p['meds'][0] + '.' if R.random() < .6 else ''}\nAccess: {acc}.\n"
                    f"Have fitted alarms. Can someone from SW give us a ring back?\n\nCheers\n{ff['forename']}\n{ff['full']} | Firefighter | SFRS\n")
            att = None
            if R.random() < .3:
                b = io.StringIO()
                cw = csv.writer(b)
                cw.writerow(["date", "occupier", "dob", "address", "access", "outcome"])
                for q in R.sample(people, 5):
                    if q["state"] != "living":
                        continue
                    cw.writerow([ds(q["visits"][0]), nm(q, R, 1), ds(q["dob_d"]), q["addr1"],
                                 "; ".join(access_lines(q, R)) if q["access"] and not q.get("ks_changed") else "", "alarms fitted"])
                att = ("visits_this_week.csv", b.getvalue())
            weml(f"Email/Crew to hub/{d:%Y%m%d} {p['surname']}.eml", f"{ff['full']} <{email_of(ff)}@sfrs.example>", hub,
                 f"S&W concern - {p['surname']}, {p['town']}", body, when, attach=att)


def letters(people, staff):
    for p in people:
        if R.random() > .3:
            continue
        adv = p["adv"]
        d = p["visits"][0] + dt.timedelta(days=R.randint(1, 6))
        to_nok = p["state"] != "living" or R.random() < .3
        if to_nok:
            k = p["nok"]
            lines = [f"{k['forename']} {k['surname']}", "c/o " + p["addr1"] if R.random() < .3 else f"{R.randint(1, 99)} {R.choice(STREETS)}",
                     p["town"], "", f"{d:%d %B %Y}", "", f"Dear {k['forename']},", "",
                     f"Re: {p['forename']} {p['surname']}, {p['addr1']}"]
            if p["state"] == "care_home":
                lines += ["", f"We understand {p['forename']} has now moved into {p['care_home']}. We have taken the house off our visit list "
                          "and removed the access details our crews held."]
            elif p["state"].startswith("died"):
                lines += ["", f"I was very sorry to hear of your {('mother' if p['sex'] == 'F' else 'father') if k['rel'] in ('son', 'daughter') else 'relative'}'s death. "
                          "We have removed the property from our visit list and our records of how crews could get in."]
            else:
                lines += ["", "Following our Safe and Well visit we have fitted smoke alarms. Please could you check the alarm monthly.",
                          "If you have changed the key safe code please let our control room know on 0113 496 0500."]
        else:
            lines = [f"{p['title']} {p['forename'][0]} {p['surname']}", p["addr1"], p["town"], p["postcode"], "",
                     f"{d:%d %B %Y}", "", f"Dear {p['title']} {p['surname']},", "",
                     "Thank you for letting us visit. We fitted your smoke alarms and talked about escape plans.",
                     "Please press the test button once a month."]
            if p["emollient"]:
                lines.append("Remember that creams you use can soak into clothing and bedding and catch fire easily.")
        lines += ["", "Yours sincerely", "", adv["full"], "Safe and Well Advocate"]
        fn = f"Letters/{d:%Y-%m}/{'NOK ' if to_nok else ''}{p['surname']} {d:%d%m}"
        if R.random() < .6:
            wdocx(fn + ".docx", lines)
        else:
            wtxt(fn + ".txt", "\n".join(lines) + "\n")


def xml_export(people, staff):
    from xml.sax.saxutils import escape as e
    x = ['<?xml version="1.0" encoding="UTF-8"?>', '<VisitExport system="HFSC-Tablet" exported="2026-11-20T06:00:00">']
    for idx, p in enumerate(people):
        for d in p["visits"]:
            x.append(f'  <Visit id="V{idx:03d}{d:%m%d}" date="{d.isoformat()}">')
            x.append(f"    <Occupier><Surname>{e(p['surname'])}</Surname><Forenames>{e(p['forename'] + (' ' + p['middle'] if p['middle'] else ''))}</Forenames>"
                     f"<DateOfBirth>{p['dob_d'].isoformat()}</DateOfBirth><NHSNo>{p['nhs']}</NHSNo></Occupier>")
            x.append(f"    <Address>{e(p['addr1'])}, {e(p['town'])}</Address><Postcode>{p['postcode']}</Postcode>")
            x.append(f"    <Advocate>{e(p['adv']['full'])}</Advocate><AlarmsFitted>{R.randint(1, 3)}</AlarmsFitted>")
            x.append(f"    <Risks>{e(', '.join(risk_bits(p)))}</Risks>")
            x.append("  </Visit>")
    x.append("</VisitExport>")
    wtxt("Exports/HFSC_visits_export_20261120.xml", "\n".join(x) + "\n")


def scanned(people, staff):
    for p in R.sample(people, min(12, len(people))):
        d = p["visits"][0]
        lines = ["SAFE AND WELL - HOME VISIT CHECKLIST (PAPER COPY)", "",
                 f"OCCUPIER NAME: {p['forename']} {p['surname']}".upper(), f"D.O.B: {dob_shape(p['dob_d'], R, 0)}",
                 f"ADDRESS: {p['addr1']} {p['town']} {p['postcode']}".upper(),
                 f"SMOKE ALARMS FITTED: {R.randint(1, 3)}   TESTED: YES", f"SMOKER: {'YES' if p['smoker'] else 'NO'}",
                 f"OXYGEN: {'YES' if p['oxygen'] else 'NO'}", f"CLUTTER RATING: {p['cir'] or 1}",
                 "ACCESS: " + ("; ".join(access_lines(p, R, old=bool(p.get('ks_changed')) and d < p['ks_change_date'], nocode=bool(p.get('ks_changed')) and d >= p['ks_change_date'] and not p.get('new_code_written'))).upper() if p["access"] else "OCCUPIER"),
                 f"SIGNED (ADVOCATE): {p['adv']['full'].upper()}   DATE: {ds(d)}"]
        wpdf(f"Scans/{d:%Y%m}/SCAN_{R.randint(10000, 99999)}.pdf", lines, size=11)


def control(people, staff):
    # control room mobilisation log: PR info read out to crews
    head = ["Incident no", "Date/time", "Type", "Address", "Postcode", "Operator", "PR info passed", "Appliance", "OIC"]
    rows = []
    for n in range(70):
        p = R.choice(people)
        d = rand_date(R, P0, p["event_date"] or EXPORT - dt.timedelta(days=1))
        typ = R.choice(["AFA - telecare smoke detector", "AFA - telecare smoke detector", "Assist ambulance - gain entry",
                        "Smell of burning", "Cooking fire - out on arrival", "Concern for welfare - gain entry"])
        if p["state"] == "died_fire" and d == p["event_date"]:
            typ = "FIRE - dwelling, persons reported"
        pr = "; ".join(access_lines(p, R)) if p["access"] and not p.get("ks_changed") else R.choice(["nil", "PR on file - occupier only", "O2 in use" if p["oxygen"] else "nil"])
        op = R.choice(staff["ctrl"])
        rows.append([f"{d:%y}{R.randint(10000, 99999)}", f"{ds(d)} {R.randint(0, 23):02d}:{R.randint(0, 59):02d}", typ,
                     p["addr1"] + ", " + p["town"], p["postcode"], sfull(op, R, R.choice([0, 1])), pr,
                     R.choice(["P11", "P12", "P31", "P41"]), sfull(R.choice(staff["wm"] + staff["ff"]), R, 1)])
    for p in people:  # fatal fires always in the log
        if p["state"] == "died_fire":
            op = R.choice(staff["ctrl"])
            rows.append([f"26{R.randint(10000, 99999)}", f"{ds(p['event_date'])} 03:{R.randint(10, 59)}", "FIRE - dwelling, persons reported",
                         p["addr1"] + ", " + p["town"], p["postcode"], op["full"], "; ".join(access_lines(p, R)) or "O2 in use",
                         "P11", sfull(R.choice(staff["wm"]), R, 1)])
    rows.sort(key=lambda r_: (r_[1][6:10], r_[1][3:5], r_[1][:2]))
    b = io.StringIO()
    w = csv.writer(b)
    w.writerow(head)
    w.writerows(rows)
    with open(_path("Control/Incident logs/mobilisations Jun-Nov 2026.csv"), "w", encoding="utf-8", newline="") as fh:
        fh.write(b.getvalue())
    # team contacts list
    role = {"ff": "Firefighter", "wm": "Watch Manager", "adv": "Safe and Well Advocate", "sw": "Social Worker",
            "sgl": "Safeguarding Practice Manager", "dn": "District Nurse", "gp": "GP", "ctrl": "Control Operator",
            "police": "PC, Adult Protection Unit"}
    rows = [["Name", "Role", "Base", "Phone"]]
    for k, v in staff.items():
        for st in v:
            rows.append([st["full"], role[k], R.choice(["Orbeck FS", "Harrowfield FS", "County Hall", "Kestrel Hill HC", "Control"]), phone(R)])
    wdocx("Admin/Team contacts and partners.docx", [("H", "Safe and Well / Safeguarding - useful contacts"), ("TABLE", rows),
                                                     "Station key safe code for out of hours returns: 2741 (Orbeck FS side door)"])


def tablet(people, staff):
    """Monthly tablet exports of visits (CSV) and a year-to-date workbook."""
    allrows = []
    for idx, p in enumerate(people):
        for d in p["visits"]:
            old = bool(p.get("ks_changed")) and d < p["ks_change_date"]
            gone = bool(p.get("ks_changed")) and not old and not p.get("new_code_written")
            acc = "; ".join(access_lines(p, R, old=old, nocode=gone)) if p["access"] else ""
            allrows.append([d, p, acc])
    allrows.sort(key=lambda x: x[0])
    head = ["VisitDate", "Surname", "Forename", "DOB", "NHSNumber", "Addr1", "Town", "Postcode", "AccessNotes", "Advocate", "Outcome"]
    for m in range(6, 12):
        b = io.StringIO()
        w = csv.writer(b)
        w.writerow(head)
        for d, p, acc in allrows:
            if d.month == m:
                w.writerow([d.strftime("%d/%m/%Y"), p["surname"], p["forename"] + (" " + p["middle"] if p["middle"] and R.random() < .5 else ""),
                            p["dob_d"].strftime("%d/%m/%Y"), p["nhs"], p["addr1"], p["town"], p["postcode"], acc,
                            p["adv"]["full"], R.choice(["Complete", "Complete", "Part complete - revisit", "Referred on"])])
        with open(_path(f"Safe and Well/Tablet exports/HFSC_export_2026-{m:02d}.csv"), "w", encoding="utf-8", newline="") as fh:
            fh.write(b.getvalue())
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "YTD"
    ws.append(["Visit", "Occupier", "D.O.B.", "NHS", "Post code", "Hazards", "Advocate"])
    for d, p, acc in allrows:
        ws.append([d, nm(p, R, 1), p["dob_d"], nhs_shape(p["nhs"], R) if p["nhs"] else "", p["postcode"],
                   ", ".join(risk_bits(p)), sfull(p["adv"], R, 1)])
    for c in ws["A"][1:] + ws["C"][1:]:
        c.number_format = "dd/mm/yyyy"
    wb.save(_path("Safe and Well/Performance/S&W visits YTD 2026-27.xlsx"))


def main():
    staff = make_staff()
    people = make_people(NPEOPLE, staff)
    visit_records(people, staff)
    referrals(people, staff)
    safeguarding(people, staff)
    premises(people, staff)
    emails(people, staff)
    letters(people, staff)
    xml_export(people, staff)
    scanned(people, staff)
    control(people, staff)
    tablet(people, staff)
    truth = {"people": [], "staff": sorted({s["full"] for v in staff.values() for s in v}), "related": []}
    rel = set()
    for p in people:
        truth["people"].append({"forename": p["forename"], "surname": p["surname"], "dob": p["dob"],
                                "nhs_number": (f"{p['nhs'][:3]} {p['nhs'][3:6]} {p['nhs'][6:]}" if p["nhs"] else ""),
                                "access_kind": p["access_kind"], "former_access_kind": p["former_access_kind"],
                                "state": p["state"], "key_safe_changed": p["ks_changed"],
                                "new_code_written": p.get("new_code_written", None),
                                "middle": p["middle"], "known_as": p["known_as"], "postcode": p["postcode"],
                                "next_of_kin": p["nok"]["full"],
                                "access_detail": {k: (v["code"] if k == "code" else v["who"] if k == "key_holder" else v)
                                                  for k, v in p["access"].items()},
                                "old_code": p.get("old_code", ""),
                                "event_date": ds(p["event_date"]) if p["event_date"] else "",
                                "care_home": p["care_home"]})
        rel.update(p["related"])
    truth["related"] = sorted(rel)
    truth["files"] = len(FILES)
    with open(TRUTH, "w") as fh:
        json.dump(truth, fh, indent=1)


if __name__ == "__main__":
    main()
