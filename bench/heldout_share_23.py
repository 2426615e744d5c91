#!/usr/bin/env python3
"""Held-out breach share 23: council home-adaptations (OT / DFG / contractors /
handyperson) + housing association extra-care schemes.

usage: heldout_share_23.py SHARE_DIR TRUTH.json [PEOPLE=120] [SEED=1]

Everything is invented. NHS numbers start 485 with a valid modulus-11 check digit.
Phones only from Ofcom drama ranges. PDFs are written by a tiny stdlib writer
(text layer, Helvetica) because reportlab is not present in the venv.
"""
import csv
import io
import json
import os
import random
import re
import sys
import zipfile
from datetime import date, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from datetime import datetime, timezone

import docx
import openpyxl

# ---------------------------------------------------------------- vocab
F_FEM = ["Ann", "Margaret", "Doreen", "Eileen", "Patricia", "Jean", "Brenda", "Sylvia", "Maureen",
         "Irene", "Gwendoline", "Pauline", "Valerie", "Hazel", "Edna", "Nora", "Bridget", "Rita",
         "Shirley", "Winifred", "Enid", "Olive", "Beryl", "Kathleen", "Sheila", "Audrey", "Glenys",
         "Mavis", "Agnieszka", "Halina", "Parveen", "Nasreen", "Gurdeep", "Yvonne", "Lorna", "Ivy",
         "Dilys", "Myfanwy", "Sadie", "Constance", "Rosalind", "Philippa", "Thelma", "Una", "Vera"]
F_MAL = ["Dennis", "Harold", "Kenneth", "Brian", "Derek", "Ronald", "Albert", "Trevor", "Clifford",
         "Norman", "Leslie", "Stanley", "Gordon", "Raymond", "Malcolm", "Cyril", "Desmond", "Eamon",
         "Tadeusz", "Mohammed", "Iqbal", "Baldev", "Winston", "Errol", "Hywel", "Emrys", "Alwyn",
         "Geoffrey", "Wilfred", "Bernard", "Horace", "Keith", "Terence", "Frank", "Arthur", "Ivor"]
MIDDLE_F = ["Mary", "Elizabeth", "Joan", "Rose", "May", "Louise", "Ann", "Grace", "Lilian", "Edith"]
MIDDLE_M = ["John", "James", "William", "George", "Thomas", "Edward", "Henry", "Charles", "Ray"]
SURN = ["Price", "Hartley", "Oldroyd", "Sutcliffe", "Ackroyd", "Brearley", "Haigh", "Pickles",
        "Illingworth", "Lumb", "Crabtree", "Greenwood", "Midgley", "Holroyd", "Dyson", "Firth",
        "Bairstow", "Kershaw", "Thackray", "Normington", "Wainwright", "Priestley", "Booth",
        "Lloyd-Jones", "Smith-Bowers", "Ward-Hinchliffe", "O'Hare", "O'Donnell", "D'Arcy", "McAllister",
        "MacLeod", "Kowalczyk", "Nowak", "Hussain", "Akhtar", "Sandhu", "Bains", "Campbell", "Ellison",
        "Fairbairn", "Gott", "Hebblethwaite", "Jowett", "Kitson", "Lister", "Mawson", "Naylor",
        "Ogden", "Pearson", "Rhodes", "Scatchard", "Tetley", "Utley", "Varley", "Whiteley", "Yeadon",
        "Atha", "Binns", "Cawood", "Denison", "Emmott", "Fawthrop", "Gaunt", "Hird", "Inman",
        "Jagger", "Kellett", "Laycock", "Marsden", "Nettleton", "Oates", "Petty", "Quarmby",
        "Riley", "Shackleton", "Townend", "Verity", "Walsh", "Exley", "Young", "Zeal", "Morgan-Pryce"]
STAFF_F = ["Leanne", "Kirsty", "Sophie", "Jodie", "Amira", "Bethany", "Chloe", "Danielle", "Fatima",
           "Gemma", "Hollie", "Imogen", "Jasmine", "Kayleigh", "Lauren", "Megan", "Niamh", "Priya"]
STAFF_M = ["Omar", "Craig", "Darren", "Jamie", "Kieran", "Liam", "Marcus", "Nathan", "Ryan",
           "Shane", "Tariq", "Wayne", "Zak", "Ashley", "Callum", "Dean", "Gavin", "Lee"]
STAFF_S = ["Bishop", "Haddad", "Okafor", "Sharma", "Doyle", "Fenwick", "Garside", "Hepworth",
           "Iqbal", "Jennings", "Kaur", "Lowther", "Mistry", "Nuttall", "Osei", "Pritchard",
           "Quinn", "Rafiq", "Stansfield", "Tennant", "Umpleby", "Vickers", "Wilde", "Yates",
           "Ahmed", "Brannigan", "Coates", "Dewhirst"]
STREETS = ["Moorland View", "Chapel Fold", "Back Lane", "Mill Bank", "Station Road", "Ings Way",
           "Providence Terrace", "Weavers Croft", "Hollin Lane", "Cross Flatts Grove",
           "Tong Road", "Bramley Croft", "Stoney Rock Lane", "Whingate Avenue", "Gledhow Rise"]
TOWNS = [("Leeds", "LS"), ("Bradford", "BD"), ("Halifax", "HX"), ("Wakefield", "WF")]
SCHEMES = [("Brookfield Court", "LS13 2QT"), ("Willow Rise", "BD10 8NJ"), ("Calder Mews", "HX3 6RB")]
CARE_HOMES = ["Elmhurst Care Home", "The Laurels Nursing Home", "Oakwood Lodge", "St Aidan's House"]
ADAPTS = ["stairlift (straight)", "stairlift (curved)", "external ramp", "level-access shower",
          "door-entry system", "grab rails x4", "through-floor lift", "half-steps + rails",
          "wet room conversion", "widened doorways", "key safe install", "intercom / door release"]
CONTRACTORS = ["Pennine Mobility Ltd", "Aire Valley Adaptations", "Stairways North",
               "ShowerSafe Installs", "Calder Access & Ramps"]
CONDITIONS = ["COPD", "Parkinson's disease", "MS", "post-CVA L hemiparesis", "OA both knees",
              "heart failure", "vascular dementia", "Alzheimer's", "MND", "R THR (recent)",
              "diabetic, bilateral BKA", "falls x3 this year", "macular degeneration", "RA"]


def nhs_number(rng, used):
    while True:
        d = [4, 8, 5] + [rng.randrange(10) for _ in range(6)]
        s = sum(v * w for v, w in zip(d, range(10, 1, -1)))
        c = 11 - (s % 11)
        if c == 11:
            c = 0
        if c == 10:
            continue
        n = "".join(map(str, d)) + str(c)
        if n not in used:
            used.add(n)
            return n


def phone(rng):
    r = rng.random()
    if r < 0.5:
        return "07700 900%03d" % rng.randrange(1000)
    if r < 0.7:
        return "0113 496 0%03d" % rng.randrange(1000)
    if r < 0.85:
        return "0117 496 0%03d" % rng.randrange(1000)
    return "020 7946 0%03d" % rng.randrange(1000)


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def ordinal(n):
    return str(n) + ("th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def dob_fmt(rng, d, style=None):
    style = style if style is not None else rng.randrange(7)
    if style == 0:
        return d.strftime("%d/%m/%Y")
    if style == 1:
        return "%d %s %d" % (d.day, MONTHS[d.month - 1][:3], d.year)
    if style == 2:
        return d.isoformat()
    if style == 3:
        return d.strftime("%d.%m.%Y")
    if style == 4:
        return "%s %s %d" % (ordinal(d.day), MONTHS[d.month - 1], d.year)
    if style == 5:
        return d.strftime("%d-%b-%Y")
    return "%d/%d/%d" % (d.day, d.month, d.year)


def nhs_fmt(rng, n, style=None):
    style = style if style is not None else rng.randrange(3)
    if style == 0:
        return "%s %s %s" % (n[:3], n[3:6], n[6:])
    if style == 1:
        return n
    return "%s-%s-%s" % (n[:3], n[3:6], n[6:])


# ---------------------------------------------------------------- minimal PDF
def _pdf_esc(s):
    s = s.encode("latin-1", "replace").decode("latin-1")
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def write_pdf(path, pages):
    """pages: list of list-of-lines. Text layer in Helvetica, A4."""
    objs = []

    def add(b):
        objs.append(b)
        return len(objs)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    pages_id_placeholder = len(objs) + 1
    objs.append(None)  # pages obj
    kids = []
    for lines in pages:
        ops = ["BT", "/F1 10 Tf", "13 TL", "50 800 Td"]
        for ln in lines:
            wrapped = []
            while len(ln) > 95:
                cut = ln.rfind(" ", 0, 95)
                cut = cut if cut > 20 else 95
                wrapped.append(ln[:cut])
                ln = ln[cut:].lstrip()
            wrapped.append(ln)
            for w in wrapped:
                ops.append("(%s) Tj T*" % _pdf_esc(w))
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1", "replace")
        cid = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        pid = add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                  b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (pages_id_placeholder, cid, font))
        kids.append(pid)
    objs[pages_id_placeholder - 1] = (b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids)))
    cat = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id_placeholder)
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(out.tell())
        out.write(b"%d 0 obj\n" % i + o + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for o in offs:
        out.write(b"%010d 00000 n \n" % o)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, cat, xref))
    with open(path, "wb") as f:
        f.write(out.getvalue())


# ---------------------------------------------------------------- world
class World:
    def __init__(self, n, seed):
        self.rng = rng = random.Random(seed)
        self.seed = seed
        self.used_names = set()
        self.used_nhs = set()
        self.staff = {}      # role -> list of names (display names)
        self.staff_all = []
        self.related = []
        self.people = []
        self._mk_staff()
        for i in range(n):
            self.people.append(self._mk_person(i))
        self._traps()

    def uniq_name(self, fn_pool, sn_pool):
        rng = self.rng
        for _ in range(1000):
            fn, sn = rng.choice(fn_pool), rng.choice(sn_pool)
            if (fn, sn) not in self.used_names:
                self.used_names.add((fn, sn))
                return fn, sn
        raise RuntimeError("names exhausted")

    def _mk_staff(self):
        rng = self.rng
        roles = {"ot": 6, "ota": 3, "fitter": 8, "handyperson": 3, "scheme_mgr": 3, "concierge": 4,
                 "reablement": 8, "fire": 3, "gp": 6, "grants": 2, "coord": 2, "volunteer": 2,
                 "surveyor": 2}
        for role, k in roles.items():
            lst = []
            for _ in range(k):
                fn, sn = self.uniq_name(STAFF_F + STAFF_M, STAFF_S)
                name = ("Dr %s %s" % (fn, sn)) if role == "gp" else "%s %s" % (fn, sn)
                lst.append(name)
                self.staff_all.append(name)
            self.staff[role] = lst

    def _free_flat(self, sch):
        used = self.__dict__.setdefault("flats", set())
        while True:
            f = self.rng.randrange(1, 60)
            if (sch, f) not in used:
                used.add((sch, f))
                return f

    def rel(self, fn, sn):
        name = "%s %s" % (fn, sn)
        self.related.append(name)
        return name

    def related_person(self, surname_like=None, sex=None):
        rng = self.rng
        pool = F_FEM if (sex == "F" or (sex is None and rng.random() < 0.5)) else F_MAL
        if surname_like:
            for _ in range(200):
                fn = rng.choice(pool)
                if (fn, surname_like) not in self.used_names:
                    self.used_names.add((fn, surname_like))
                    return self.rel(fn, surname_like), fn, surname_like
        fn, sn = self.uniq_name(pool, SURN)
        return self.rel(fn, sn), fn, sn

    def _mk_person(self, i):
        rng = self.rng
        sex = "F" if rng.random() < 0.6 else "M"
        fn, sn = self.uniq_name(F_FEM if sex == "F" else F_MAL, SURN)
        p = {"id": i, "fn": fn, "sn": sn, "sex": sex}
        p["mid"] = rng.choice(MIDDLE_F if sex == "F" else MIDDLE_M) if rng.random() < 0.35 else ""
        p["known_as"] = p["mid"] if (p["mid"] and rng.random() < 0.4) else ""
        p["title"] = "Mrs" if sex == "F" and rng.random() < 0.7 else ("Miss" if sex == "F" else "Mr")
        if sex == "F" and rng.random() < 0.1:
            p["title"] = "Ms"
        p["dob"] = date(1926, 1, 1) + timedelta(days=rng.randrange(365 * 34))
        p["nhs"] = nhs_number(rng, self.used_nhs) if rng.random() < 0.75 else ""
        if rng.random() < 0.45:
            sch, pc = rng.choice(SCHEMES)
            flat = self._free_flat(sch)
            p["scheme"] = sch
            p["flat"] = flat
            p["addr"] = "Flat %d, %s" % (flat, sch)
            p["pc"] = pc
            p["town"] = {"LS": "Leeds", "BD": "Bradford", "HX": "Halifax"}[pc[:2]]
        else:
            town, a = rng.choice(TOWNS)
            p["scheme"] = None
            p["addr"] = "%d %s" % (rng.randrange(1, 140), rng.choice(STREETS))
            p["town"] = town
            p["pc"] = "%s%d %d%s" % (a, rng.randrange(1, 20), rng.randrange(1, 10),
                                      "".join(rng.choice("ABDEFGHJLNPQRSTUWXY") for _ in range(2)))
        st = rng.random()
        if st < 0.08:
            p["status"] = "died"
        elif st < 0.16:
            p["status"] = "care_home"
            p["care_home"] = rng.choice(CARE_HOMES)
        elif st < 0.24 and p["scheme"]:
            p["status"] = "moved_flat"
            nf = p["flat"]
            nf = self._free_flat(p["scheme"])
            p["old_flat"] = p["flat"]
            p["flat"] = nf
            p["old_addr"] = p["addr"]
            p["addr"] = "Flat %d, %s" % (nf, p["scheme"])
        elif st < 0.34:
            p["status"] = "hospital"
        else:
            p["status"] = "home"
        if p["status"] == "died":
            p["died"] = date(2026, 9, 1) + timedelta(days=rng.randrange(70))
        p["cond"] = rng.sample(CONDITIONS, rng.choice([1, 1, 2]))
        p["adapt"] = rng.choice(ADAPTS)
        p["ot"] = rng.choice(self.staff["ot"])
        p["gp"] = rng.choice(self.staff["gp"])
        p["contractor"] = rng.choice(CONTRACTORS)
        p["fitters"] = rng.sample(self.staff["fitter"], 2)
        p["reab"] = rng.sample(self.staff["reablement"], 2)
        p["ref"] = "DFG/%02d/%04d" % (26 if rng.random() < 0.7 else 25, 1000 + i * 7 + rng.randrange(7))
        p["job"] = "J%05d" % (20000 + i * 13 + rng.randrange(13))
        # next of kin
        p["nok"] = None
        if rng.random() < 0.7 or p["status"] == "died":
            rel = rng.choice(["son", "daughter", "niece", "nephew", "husband", "wife", "friend",
                              "daughter-in-law", "brother", "sister"])
            if rel in ("husband", "wife") and p["status"] == "died":
                rel = "daughter"
            if rel in ("husband", "wife"):
                rel = "husband" if sex == "F" else "wife"
            same = rel in ("son", "daughter", "husband", "wife", "brother", "sister") and rng.random() < 0.8
            rsex = "F" if rel in ("daughter", "niece", "wife", "daughter-in-law", "sister") else "M"
            name, rfn, rsn = self.related_person(sn if same else None, rsex)
            p["nok"] = {"name": name, "fn": rfn, "sn": rsn, "rel": rel, "phone": phone(rng)}
        p["late_spouse"] = None
        if sex == "F" and p["title"] == "Mrs" and rng.random() < 0.15:
            name, rfn, rsn = self.related_person(sn, "M")
            p["late_spouse"] = name
        p["cur"] = set()
        p["former"] = set()
        p["plan"] = self._plan_access(p)
        return p

    def _plan_access(self, p):
        """List of access items: dict(kind, home in {'cur','old'}, chan)."""
        rng = self.rng
        items = []
        if rng.random() > 0.55:
            return items
        kinds = ["code", "code", "code", "hidden_key", "key_holder", "key_holder", "left_open"]
        k = rng.choice([1, 1, 1, 2])
        chosen = []
        for _ in range(k):
            c = rng.choice(kinds)
            if c not in chosen:
                chosen.append(c)
        moved = p["status"] in ("died", "care_home")
        for c in chosen:
            chans = ["ot", "ot", "ot", "reg", "eml", "job"]
            if p["scheme"] and c == "code":
                chans += ["concierge", "concierge"]
            ch = rng.choice(chans)
            if p["status"] == "moved_flat" and ch in ("ot", "job"):
                ch = "eml"
            home = "old" if moved else "cur"
            items.append({"kind": c, "home": home, "chan": ch})
        if p["status"] == "moved_flat" and rng.random() < 0.8:
            # old flat door code, written in the concierge log: former
            items.append({"kind": "code", "home": "old", "chan": "concierge"})
        if any(it["kind"] == "key_holder" for it in items):
            if rng.random() < 0.75:
                name, rfn, rsn = self.related_person(None if rng.random() < 0.6 else p["sn"])
                p["keyholder"] = {"name": name, "fn": rfn, "sn": rsn,
                                  "desc": rng.choice(["neighbour", "neighbour", "friend", "cousin",
                                                      "neighbour (no. %d)" % rng.randrange(2, 90)])}
            elif p.get("nok"):
                p["keyholder"] = {"name": p["nok"]["name"], "desc": p["nok"]["rel"],
                                  "fn": p["nok"]["fn"], "sn": p["nok"]["sn"]}
            else:
                name, rfn, rsn = self.related_person(None)
                p["keyholder"] = {"name": name, "fn": rfn, "sn": rsn, "desc": "neighbour"}
        return items

    def _traps(self):
        rng = self.rng
        ps = self.people
        # a married couple, both service users at one address, same access plan
        a, b = ps[3], ps[4]
        if a["sex"] == b["sex"]:
            b["sex"] = "M" if a["sex"] == "F" else "F"
            self.used_names.discard((b["fn"], b["sn"]))
            pool = F_FEM if b["sex"] == "F" else F_MAL
            b["fn"] = rng.choice([x for x in pool if (x, a["sn"]) not in self.used_names])
            b["title"] = "Mrs" if b["sex"] == "F" else "Mr"
            b["mid"] = ""
            b["known_as"] = ""
        else:
            self.used_names.discard((b["fn"], b["sn"]))
            pool = F_FEM if b["sex"] == "F" else F_MAL
            if (b["fn"], a["sn"]) in self.used_names:
                b["fn"] = rng.choice([x for x in pool if (x, a["sn"]) not in self.used_names])
        a["title"] = "Mrs" if a["sex"] == "F" else "Mr"
        b["title"] = "Mrs" if b["sex"] == "F" else "Mr"
        b["sn"] = a["sn"]
        self.used_names.add((b["fn"], b["sn"]))
        for k in ("addr", "town", "pc", "scheme", "flat", "status", "ot", "contractor", "fitters"):
            b[k] = a.get(k)
        a["status"] = b["status"] = "home"
        for q in (a, b):
            q.pop("old_flat", None)
            q.pop("old_addr", None)
            q.pop("died", None)
        a["plan"] = [{"kind": "code", "home": "cur", "chan": "ot"},
                     {"kind": "left_open", "home": "cur", "chan": "ot"}]
        b["plan"] = [dict(x) for x in a["plan"]]
        a["spouse"], b["spouse"] = b["id"], a["id"]
        # two people with the same name, different DOBs
        c, d = ps[10], ps[11]
        d["fn"], d["sn"], d["sex"] = c["fn"], c["sn"], c["sex"]
        d["title"] = c["title"]
        d["mid"] = "" if c["mid"] else rng.choice(MIDDLE_F if c["sex"] == "F" else MIDDLE_M)
        d["known_as"] = ""
        if not d["nhs"]:
            d["nhs"] = nhs_number(rng, self.used_nhs)
        if not c["nhs"]:
            c["nhs"] = nhs_number(rng, self.used_nhs)
        # a patient whose surname equals a staff member's surname
        st = self.staff["reablement"][0].split()[-1]
        e = ps[15]
        if (e["fn"], st) not in self.used_names:
            self.used_names.discard((e["fn"], e["sn"]))
            e["sn"] = st
            self.used_names.add((e["fn"], st))

    def say(self, p, item):
        """record that an access item was written to a file."""
        (p["cur"] if item["home"] == "cur" else p["former"]).add(item["kind"])


# ---------------------------------------------------------------- phrasing
def code4(rng):
    c = "%04d" % rng.randrange(10000)
    r = rng.random()
    if r < 0.1:
        return c + "#"
    if r < 0.18:
        return "C" + c[:3]
    if r < 0.24:
        return "%s-%s" % (c[:2], c[2:])
    return c


def pron(p):
    return ("she", "her") if p["sex"] == "F" else ("he", "his")


def access_line(w, p, item):
    """A free-text line giving one kind of way into p's current or former home."""
    rng = w.rng
    she, her = pron(p)
    k = item["kind"]
    c = code4(rng)
    kh = p.get("keyholder") or {"name": "a neighbour", "desc": "neighbour", "fn": "", "sn": ""}
    if item["home"] == "old" and p["status"] == "moved_flat":
        if k == "code":
            return rng.choice([
                "Flat %d (old flat, %s moved to flat %d) door entry code still %s until reset by Tunstall eng."
                % (p["old_flat"], p["title"] + " " + p["sn"], p["flat"], c),
                "Old flat %d keypad %s - void now, %s %s moved over to %d" % (
                    p["old_flat"], c, p["fn"], p["sn"], p["flat"]),
            ])
        k_home = "old flat %d" % p["old_flat"]
    if k == "code":
        t = [
            "Key safe by front door, code %s" % c,
            "KS code %s (left of porch light)" % c,
            "keysafe is on the side wall behind the bins - code %s, pls scramble after use" % c,
            "Access: key safe %s" % c,
            "lockbox on garden gate 4 digits %s" % c,
            "Front door keypad %s then push hard, door sticks" % c,
            "Door-entry code for the flat changed today, new code %s (old code cancelled)" % c,
            "kesafe code %s - by the meter cupbord" % c,
            "Key in keysafe under the kitchen window, %s" % c,
            "Gate padlock %s, key safe round back same code" % c,
            "Clé dans la boîte à clés, code %s (note from daughter's French neighbour)" % c,
        ]
        if p["scheme"]:
            t += ["Flat %d door entry code %s (new fob not issued yet)" % (p["flat"], c),
                  "Scheme front entrance keypad %s then flat %d buzzer - %s can't get to intercom" % (
                      c, p["flat"], she)]
        return rng.choice(t)
    if k == "hidden_key":
        return rng.choice([
            "Spare key under the green plant pot by the back door",
            "key is kept in the meter box on a bit of string",
            "Key hidden behind loose brick left of the back step",
            "Spare key in the shed, on the nail behind the door (shed not locked)",
            "%s keeps a key under the mat for the contractors" % she.capitalize(),
            "key under stone frog in front garden!!",
            "Back door key left in the coal bunker while %s is in hosp" % she,
            "key on string thru the letterbox - pull gently",
        ])
    if k == "key_holder":
        nm = kh["name"]
        d = kh["desc"]
        return rng.choice([
            "%s %s holds a key, tel %s" % (d.capitalize(), nm, phone(rng)),
            "Key holder: %s (%s)" % (nm, d),
            "Spare key with %s next door - knock first" % nm,
            "%s's %s %s has a key and will meet fitters" % (p["fn"], d, nm),
            "Keys: %s, %s - %s" % (nm, d, phone(rng)),
        ])
    if k == "left_open":
        return rng.choice([
            "Door left on the latch for the OT visit, let yourself in and shout",
            "Back door unlocked in the day - just push the door",
            "%s leaves the front door open for the fitters Tues AM, walk straight in" % she.capitalize(),
            "Door on the snib during works, contractor to let themselves in",
            "pls note door is left unlocked while %s is upstairs - go in and call up" % she,
        ])
    raise ValueError(k)


NEAR_MISS = [
    "Key worker: {staff}",
    "code status: DNACPR in place (ReSPECT form in blue folder on fridge)",
    "Staff office key safe {code} - NOT for residents' use",
    "Job code SL-{code} raised on Civica",
    "Wheelchair access via ramp at side of building",
    "Key safe fitting booked for {day} (Handyperson)",
    "Key safe removed by family last month",
    "Bank PIN {code} written on card by phone - advised to destroy",
    "Door code for the flat is with the admin team, ring the office",
    "Fault code E{code} on stairlift display, engineer called",
    "Key findings: poor sitting balance, unable to step into bath",
    "Locked up and checked back door after visit",
    "Pool car keys returned to the Civic Centre key cabinet",
    "Access to GP: reviewed by practice nurse",
    "Concierge desk safe {code} for petty cash only",
    "door chain on - resident anxious about cold callers",
    "Press any key to wake the stairlift handset",
    "Visit type code HA2 (home assessment)",
]


def near_miss(w):
    rng = w.rng
    return rng.choice(NEAR_MISS).format(staff=rng.choice(w.staff_all), code="%04d" % rng.randrange(10000),
                                        day="%d/%d" % (rng.randrange(1, 28), rng.randrange(9, 12)))


def name_shape(w, p, style=None):
    rng = w.rng
    style = style if style is not None else rng.randrange(9)
    fn = p["fn"]
    if style == 0:
        return "%s %s %s" % (p["title"], fn, p["sn"])
    if style == 1:
        return "%s, %s" % (p["sn"].upper(), fn)
    if style == 2:
        return "%s %s" % (fn, p["sn"].upper())
    if style == 3:
        if p["known_as"]:
            return "%s %s %s (known as %s)" % (fn, p["mid"], p["sn"], p["known_as"])
        return "%s %s" % (fn, p["sn"])
    if style == 4:
        if p["mid"]:
            return "%s %s %s" % (fn, p["mid"], p["sn"])
        return "%s %s" % (fn, p["sn"])
    if style == 5:
        return "%s %s, %s" % (p["sn"].upper(), fn, p["title"])
    if style == 6:
        return "%s %s" % (fn, p["sn"])
    if style == 7:
        return "%s %s. %s" % (p["title"], fn[0], p["sn"])
    return "%s %s" % (fn, p["sn"])


def called(p):
    """what staff call the person in free text"""
    return p["known_as"] or p["fn"]


# ---------------------------------------------------------------- writers
class Share:
    def __init__(self, root, w):
        self.root = root
        self.w = w
        self.rng = w.rng
        self.count = {}

    def path(self, rel):
        full = os.path.join(self.root, rel)
        base, e = os.path.splitext(full)
        k = 2
        while os.path.exists(full):
            full = "%s_%d%s" % (base, k, e)
            k += 1
        os.makedirs(os.path.dirname(full), exist_ok=True)
        ext = os.path.splitext(rel)[1].lower() or "(none)"
        self.count[ext] = self.count.get(ext, 0) + 1
        return full

    def txt(self, rel, text, enc="utf-8"):
        with open(self.path(rel), "w", encoding=enc, newline="\r\n" if self.rng.random() < 0.3 else "\n") as f:
            f.write(text)

    def docx(self, rel, paras, tables=(), header=None):
        d = docx.Document()
        if header:
            d.sections[0].header.paragraphs[0].text = header
        for ptxt in paras:
            if isinstance(ptxt, tuple) and ptxt[0] == "H":
                d.add_heading(ptxt[1], level=2)
            elif isinstance(ptxt, tuple) and ptxt[0] == "T":
                rows = ptxt[1]
                t = d.add_table(rows=len(rows), cols=len(rows[0]))
                t.style = "Table Grid"
                for i, r in enumerate(rows):
                    for j, v in enumerate(r):
                        t.cell(i, j).text = str(v)
            else:
                d.add_paragraph(ptxt)
        d.core_properties.author = self.rng.choice(self.w.staff["coord"] + self.w.staff["ot"])
        d.core_properties.created = d.core_properties.modified = datetime(2026, 11, 2, 8, 0)
        full = self.path(rel)
        d.save(full)
        fix_zip(full)

    def pdf(self, rel, pages):
        write_pdf(self.path(rel), pages)

    def csv(self, rel, header, rows, delim=","):
        buf = io.StringIO()
        wr = csv.writer(buf, delimiter=delim, lineterminator="\r\n")
        wr.writerow(header)
        wr.writerows(rows)
        with open(self.path(rel), "w", encoding="utf-8-sig" if self.rng.random() < 0.4 else "utf-8",
                  newline="") as f:
            f.write(buf.getvalue())

    def xlsx(self, rel, sheets):
        wb = openpyxl.Workbook()
        wb.remove(wb.active)
        for title, rows in sheets:
            ws = wb.create_sheet(title)
            for r in rows:
                ws.append(r)
        wb.properties.creator = self.w.staff["coord"][0]
        wb.properties.created = wb.properties.modified = datetime(2026, 11, 2, 8, 0)
        full = self.path(rel)
        wb.save(full)
        fix_zip(full)

    def eml(self, rel, frm, to, subject, body, when, attachments=(), cc=None):
        m = EmailMessage()
        m["From"] = frm
        m["To"] = to
        if cc:
            m["Cc"] = cc
        m["Subject"] = subject
        m["Date"] = format_datetime(datetime(when.year, when.month, when.day, 9 + self.rng.randrange(8),
                                             self.rng.randrange(60), tzinfo=timezone.utc))
        m["Message-ID"] = "<%d.%d@adaptations.example.gov.uk>" % (self.w.seed, len(self.count) * 1000 +
                                                                   sum(self.count.values()))
        m.set_content(body)
        for fname, data, mt in attachments:
            maintype, subtype = mt.split("/")
            if isinstance(data, str):
                data = data.encode("utf-8")
            m.add_attachment(data, maintype=maintype, subtype=subtype, filename=fname)
        if m.is_multipart():
            m.set_boundary("=_share23_%d_%d" % (self.w.seed, sum(self.count.values())))
        with open(self.path(rel), "wb") as f:
            f.write(bytes(m))


def fix_zip(path):
    """rewrite an OOXML zip with fixed member times, so a seed gives the same bytes."""
    with zipfile.ZipFile(path) as z:
        members = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-11-02T08:00:00Z", data)
            zi = zipfile.ZipInfo(name, date_time=(2026, 11, 2, 8, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


def email_of(name, dom="calderdale-adapt.example.gov.uk"):
    parts = name.replace("Dr ", "").lower().replace("'", "").split()
    return "%s.%s@%s" % (parts[0], parts[-1], dom)


def d2(d):
    return d.strftime("%d/%m/%Y")


def fmt_addr(p, old=False):
    a = p["old_addr"] if old and p.get("old_addr") else p["addr"]
    return "%s, %s %s" % (a, p["town"], p["pc"])


# ---------------------------------------------------------------- documents
def items(p, chan):
    return [it for it in p["plan"] if it["chan"] == chan]


def gen_ot_notes(S):
    w, rng = S.w, S.rng
    for p in w.people:
        vd = date(2026, 8, 1) + timedelta(days=rng.randrange(30))
        p["visit"] = vd
        she, her = pron(p)
        nm = name_shape(w, p)
        lines = []
        lines.append(rng.choice(["OT HOME ASSESSMENT", "Home Assessment - Adult Social Care OT",
                                 "OT assessment (home adaptations)", "HOME VISIT - OT"]))
        lines.append("Client: %s" % nm)
        lines.append(rng.choice(["DOB: ", "D.O.B ", "Date of birth: ", "dob "]) + dob_fmt(rng, p["dob"]))
        if p["nhs"]:
            lines.append(rng.choice(["NHS No: ", "NHS number ", "NHS: "]) + nhs_fmt(rng, p["nhs"]))
        lines.append("Address: " + fmt_addr(p, old=bool(p.get("old_addr"))))
        lines.append("Visit date: %s   OT: %s" % (d2(vd), p["ot"]))
        if rng.random() < 0.3:
            lines.append("Joint visit with %s (OTA)" % rng.choice(w.staff["ota"]))
        lines.append("")
        lines.append("Dx / PMH: " + ", ".join(p["cond"]))
        lines.append("")
        body = []
        nok_present = p["nok"] and rng.random() < 0.5
        body.append("%s seen at home%s. %s reports %s." % (
            called(p), " with %s %s present" % (p["nok"]["rel"], p["nok"]["name"]) if nok_present else "",
            she.capitalize(), rng.choice(["struggling on the stairs, sleeping downstairs on the settee",
                                          "2 falls getting out of the bath", "unable to manage front step",
                                          "can't reach the door entry handset in time",
                                          "managing but very SOB on stairs"])))
        if p.get("late_spouse"):
            body.append("Lives alone since her late husband %s died (%d). Very house proud." % (
                p["late_spouse"], rng.randrange(2012, 2025)))
        if p.get("spouse") is not None:
            sp = w.people[p["spouse"]]
            body.append("Lives with %s %s %s (also known to service, see their file)." % (
                "husband" if sp["sex"] == "M" else "wife", sp["fn"], sp["sn"]))
        if p["status"] == "hospital":
            body.append("NB %s admitted to LGI since visit - works can go ahead while in hosp, family agreeable." % she)
        body.append("Recommendation: %s. Refer to DFG (ref %s)." % (p["adapt"], p["ref"]))
        acc_lines = []
        for it in items(p, "ot"):
            acc_lines.append(access_line(w, p, it))
            w.say(p, it)
        sp = w.people[p["spouse"]] if p.get("spouse") is not None else None
        if sp is not None and sp.get("_ot_acc") and len(sp["_ot_acc"]) == len(acc_lines):
            acc_lines = list(sp["_ot_acc"])   # one home, one key safe: same lines as the spouse's note
        p["_ot_acc"] = acc_lines
        body += acc_lines
        for _ in range(rng.randrange(0, 3)):
            body.append(near_miss(w))
        if p["nok"] and (not nok_present or rng.random() < 0.3):
            body.append("NOK: %s (%s) %s" % (p["nok"]["name"], p["nok"]["rel"], p["nok"]["phone"]))
        tail = body[1:]
        rng.shuffle(tail)
        lines += body[:1] + tail
        lines.append("")
        lines.append(rng.choice(["Signed: ", "-- ", "OT: ", ""]) + p["ot"] + rng.choice([", Occupational Therapist", " OT", ""]))
        fname = "%s_%s_%s" % (vd.strftime("%Y%m%d"), p["sn"].replace("'", "").upper(), p["fn"][0])
        if rng.random() < 0.6:
            S.txt("OT/Assessments/%s/%s.txt" % (vd.strftime("%Y-%m"), fname), "\n".join(lines) + "\n")
        else:
            S.docx("OT/Assessments/%s/%s.docx" % (vd.strftime("%Y-%m"), fname), lines,
                   header="Adult Social Care - Occupational Therapy - OFFICIAL-SENSITIVE")


def gen_register(S):
    w, rng = S.w, S.rng
    hdr = ["Ref", "Surname", "Forename", "Known as", "DOB", "NHS No", "Address", "Postcode", "Scheme",
           "OT", "Adaptation", "Contractor", "Status", "Key holder", "Access notes"]
    rows = []
    for p in w.people:
        st = {"home": "Open", "hospital": "Open - in hosp", "died": "Closed - deceased %s" % d2(p["died"]) if p.get("died") else "",
              "care_home": "Closed - perm. to %s" % p.get("care_home"), "moved_flat": "Open - transferred flat %s->%s" % (
                  p.get("old_flat"), p.get("flat"))}[p["status"]]
        acc = []
        kh = ""
        for it in items(p, "reg"):
            if it["kind"] == "key_holder":
                kh = "%s (%s)" % (p["keyholder"]["name"], p["keyholder"]["desc"])
            else:
                acc.append(access_line(w, p, it))
            w.say(p, it)
        if not acc and rng.random() < 0.15:
            acc.append(near_miss(w))
        rows.append([p["ref"], p["sn"], p["fn"], p["known_as"], dob_fmt(rng, p["dob"], 0), p["nhs"],
                     p["old_addr"] if p["status"] == "moved_flat" and rng.random() < 0.0 else p["addr"], p["pc"],
                     p["scheme"] or "", p["ot"], p["adapt"], p["contractor"], st, kh, "; ".join(acc)])
    S.csv("Coordination/Adaptations_Register_MASTER.csv", hdr, rows)
    return hdr, rows


def gen_weekly(S, reg_hdr, reg_rows):
    w, rng = S.w, S.rng
    for wk, wd in enumerate([date(2026, 10, 5), date(2026, 10, 12), date(2026, 10, 19), date(2026, 10, 26)]):
        open_rows = [reg_hdr[:13]] + [r[:13] for r in reg_rows if r[12].startswith("Open") and rng.random() < 0.7]
        closed = [["Ref", "Name", "DOB", "Closed reason"]] + [
            [r[0], "%s, %s" % (r[1].upper(), r[2]), r[4], r[12]] for r in reg_rows if r[12].startswith("Closed")]
        jobs = [["Job no", "Customer", "Address", "Contractor", "Fitter", "Works", "Target date"]]
        for p in rng.sample(w.people, 25):
            jobs.append([p["job"], "%s %s %s" % (p["title"], p["fn"][0], p["sn"]), p["addr"], p["contractor"],
                         p["fitters"][0], p["adapt"], d2(wd + timedelta(days=rng.randrange(3, 30)))])
        notes = [["Weekly adaptations export w/c %s" % d2(wd)], ["Produced by %s" % w.staff["coord"][0]],
                 ["Open cases: %d" % (len(open_rows) - 1)], ["Please do not forward outside the team."]]
        S.xlsx("Coordination/Weekly/Adaptations_weekly_%s.xlsx" % wd.isoformat(),
               [("Open cases", open_rows), ("Closed", closed), ("Contractor jobs", jobs), ("Notes", notes)])


def gen_dfg(S):
    w, rng = S.w, S.rng
    for p in w.people:
        if rng.random() > 0.25:
            continue
        rows = [["Applicant", name_shape(w, p, rng.choice([0, 4, 6]))],
                ["Date of birth", dob_fmt(rng, p["dob"])],
                ["NHS number", nhs_fmt(rng, p["nhs"]) if p["nhs"] else "not known"],
                ["Address", fmt_addr(p, old=bool(p.get("old_addr")))],
                ["Grant ref", p["ref"]],
                ["Works", p["adapt"]],
                ["Estimated cost", "£%d" % rng.randrange(900, 30000)],
                ["Means test", rng.choice(["passported (Pension Credit)", "nil contribution", "contribution £%d" % rng.randrange(100, 4000)])],
                ["Grants officer", rng.choice(w.staff["grants"])]]
        paras = [("H", "Disabled Facilities Grant - case summary"), ("T", rows), "",
                 "Surveyor: %s. Tenure: %s." % (rng.choice(w.staff["surveyor"]),
                                                 "HA tenant (extra care)" if p["scheme"] else rng.choice(["owner occupier", "private rented", "council tenant"])),
                 "OT recommendation received from %s on %s." % (p["ot"], d2(p["visit"] + timedelta(days=rng.randrange(2, 12))))]
        if p["nok"] and rng.random() < 0.5:
            paras.append("Correspondence to %s (%s) as agreed - lasting power of attorney (P&FA) seen." % (p["nok"]["name"], p["nok"]["rel"]))
        if rng.random() < 0.3:
            paras.append(near_miss(w))
        S.docx("DFG/Case files/%s %s %s.docx" % (p["ref"].replace("/", "-"), p["sn"], p["fn"][0]), paras)


def gen_jobs(S):
    w, rng = S.w, S.rng
    for p in w.people:
        has = items(p, "job")
        if not has and rng.random() > 0.55:
            continue
        if p["status"] == "died" and not has and rng.random() < 0.5:
            continue
        jd = p["visit"] + timedelta(days=rng.randrange(20, 60))
        she, her = pron(p)
        L = ["%s - JOB SHEET" % p["contractor"].upper(),
             "Job no: %s      Council ref: %s" % (p["job"], p["ref"]),
             "Customer: %s" % rng.choice(["%s %s %s" % (p["title"], p["fn"][0], p["sn"]), name_shape(w, p, 0), name_shape(w, p, 1)]),
             "Site: %s" % fmt_addr(p, old=bool(p.get("old_addr"))),
             "Contact: %s" % (("%s (%s) %s" % (p["nok"]["name"], p["nok"]["rel"], p["nok"]["phone"])) if p["nok"] else phone(rng)),
             "Works: %s" % p["adapt"],
             "Date booked: %s  Fitters: %s / %s" % (d2(jd), p["fitters"][0], p["fitters"][1]),
             "", "ACCESS / SITE NOTES:"]
        for it in has:
            L.append("  " + access_line(w, p, it))
            w.say(p, it)
        if not has:
            L.append("  " + rng.choice(["customer in, ring bell and wait - slow to door", "park on drive",
                                         "tenant will be home, knock loud (HOH)", "dog - keep kitchen door shut",
                                         near_miss(w)]))
        if p["status"] == "hospital":
            L.append("  customer in hospital - works while away agreed by OT %s" % p["ot"].split()[0])
        L += ["", "Materials: " + rng.choice(["Acorn 180 rail kit", "Bison Bede Platinum", "Stannah 600",
                                               "GRP ramp 1:12 x 3.6m", "AKW tray 1200x900 + Triton T80"]),
              "Sig (fitter): ____________    Sig (customer): ____________"]
        ext = rng.choice([".txt", ".txt", ".docx"])
        rel = "Contractors/%s/Job sheets/%s_%s%s" % (p["contractor"], p["job"], p["sn"].replace("'", ""), ext)
        if ext == ".txt":
            S.txt(rel, "\n".join(L) + "\n")
        else:
            S.docx(rel, L)
        p["jobdate"] = jd


def gen_quotes_certs(S):
    w, rng = S.w, S.rng
    for p in w.people:
        if rng.random() < 0.18:
            amt = rng.randrange(600, 25000)
            S.pdf("Contractors/%s/Quotes/Q-%s %s.pdf" % (p["contractor"], p["job"], p["sn"]), [[
                p["contractor"], "QUOTATION", "", "Quote ref Q-%s   Date %s" % (p["job"], d2(p["visit"] + timedelta(days=15))),
                "For: %s, %s" % (name_shape(w, p, rng.choice([0, 7])), fmt_addr(p, old=bool(p.get("old_addr")))),
                "Council ref: %s   Surveyor: %s" % (p["ref"], rng.choice(w.staff["surveyor"])),
                "", "Supply and fit %s" % p["adapt"], "Labour 2 operatives x %d days" % rng.randrange(1, 6),
                "Total ex VAT: GBP %d.00 (VAT zero-rated, disabled person)" % amt,
                "", "Quote valid 30 days. Estimator: %s" % p["fitters"][0]]])
        if p.get("jobdate") and p["status"] != "died" and rng.random() < 0.6:
            cd = p["jobdate"] + timedelta(days=rng.randrange(1, 10))
            lines = ["CERTIFICATE OF COMPLETION - ADAPTATION WORKS", "",
                     "Council ref %s   Job %s" % (p["ref"], p["job"]),
                     "Service user: %s" % name_shape(w, p, rng.choice([1, 2, 5])),
                     "Date of birth: %s" % dob_fmt(rng, p["dob"]),
                     "Address: %s" % fmt_addr(p),
                     "Works completed: %s on %s" % (p["adapt"], d2(cd)),
                     "Installer: %s (%s)" % (p["fitters"][0], p["contractor"]),
                     "Handover/demo given to service user" + (" and %s %s" % (p["nok"]["rel"], p["nok"]["name"]) if p["nok"] and rng.random() < 0.5 else ""),
                     "LOLER first thorough exam due: %s" % d2(cd + timedelta(days=182)),
                     "", "Signed ........ %s   Checked by OT %s" % (p["fitters"][0], p["ot"])]
            if rng.random() < 0.25:
                # scanned-looking: OCR-ish text layer, uppercased, some noise
                lines = [l.upper().replace("O", "O").replace(":", " :") for l in lines]
                lines.insert(0, "~~ SCANNED BY CIVIC CENTRE MFD-3 ~~  page 1/1")
                S.pdf("Scans/SCAN_%s_%04d.pdf" % (cd.strftime("%Y%m%d"), rng.randrange(10000)), [lines])
            else:
                S.pdf("Contractors/%s/Completion/COMP_%s.pdf" % (p["contractor"], p["job"]), [lines])
            if rng.random() < 0.35:
                snag = ["Snag list - %s - %s" % (p["job"], p["addr"]),
                        "Cust: %s" % name_shape(w, p, rng.choice([2, 6, 7])),
                        "1. " + rng.choice(["silicone gap at tray edge", "rail 2 loose", "ramp handrail end cap missing",
                                             "stairlift park position wrong", "door closer too strong for cust"]),
                        "2. " + rng.choice(["make good plaster", "remove old bath from garden", "carpet gripper exposed"]),
                        "Return visit: %s w/ %s" % (d2(cd + timedelta(days=7)), p["fitters"][1])]
                S.txt("Contractors/%s/Snags/snag_%s.txt" % (p["contractor"], p["job"]), "\n".join(snag) + "\n")


def gen_emails(S):
    w, rng = S.w, S.rng
    for p in w.people:
        has = items(p, "eml")
        want = has or rng.random() < 0.15 or p["status"] in ("care_home", "died")
        if not want:
            continue
        she, her = pron(p)
        frm_name = rng.choice(w.staff["coord"] + [p["ot"]])
        to_name = p["fitters"][0]
        when = date(2026, 10, 1) + timedelta(days=rng.randrange(40))
        L = ["Hi %s," % to_name.split()[0], ""]
        L.append("Re %s %s (%s), %s - job %s." % (p["title"], p["sn"], dob_fmt(rng, p["dob"]),
                                                  p["addr"], p["job"]))
        if p["status"] == "moved_flat":
            L.append("%s has now moved from flat %d to flat %d at %s so works are at the NEW flat please." % (
                called(p), p["old_flat"], p["flat"], p["scheme"]))
        if p["status"] == "care_home":
            L.append("Update - %s has gone into %s permanently, so please cancel the %s. Family are clearing the house." % (
                called(p), p["care_home"], p["adapt"]))
        if p["status"] == "died":
            L.append("Sadly %s passed away on %s. Please stand the fitters down. %s" % (
                called(p), d2(p["died"]), "Key safe to be taken off once %s has cleared the house." % p["nok"]["name"] if p["nok"] else ""))
        if p["status"] == "hospital":
            L.append("%s is still on ward 28 at St James's so nobody will be home." % called(p))
        for it in has:
            L.append(access_line(w, p, it))
            w.say(p, it)
        if rng.random() < 0.4:
            L.append(near_miss(w))
        L += ["", "Thanks", frm_name.split()[0], frm_name + " | Home Adaptations | " + phone(rng)]
        att = []
        if rng.random() < 0.5:
            buf = io.StringIO()
            cw = csv.writer(buf)
            cw.writerow(["job", "surname", "forename", "dob", "address", "works", "access"])
            others = [p] + rng.sample(w.people, 3)
            for q in others:
                acc = ""
                cw.writerow([q["job"], q["sn"], q["fn"], dob_fmt(rng, q["dob"], 0), q["addr"], q["adapt"], acc])
            att.append(("jobs_%s.csv" % when.strftime("%d%m"), buf.getvalue(), "text/csv"))
        subj = rng.choice(["RE: %s %s" % (p["job"], p["sn"]), "access for %s" % p["sn"], "FW: job %s" % p["job"],
                           "%s - update" % p["ref"]])
        S.eml("Mail/%s/%s_%s.eml" % (frm_name.split()[-1], when.strftime("%Y%m%d"), p["job"]),
              "%s <%s>" % (frm_name, email_of(frm_name)), "%s <%s>" % (to_name, email_of(to_name, "contractor.example.co.uk")),
              subj, "\n".join(L) + "\n", when, att)
    # bulk e-mail with a CSV of the week's jobs (access column)
    for k in range(3):
        when = date(2026, 10, 2 + 7 * k)
        buf = io.StringIO()
        cw = csv.writer(buf)
        cw.writerow(["Job", "Name", "DOB", "NHS", "Address", "Postcode", "Works", "Fitter"])
        for q in rng.sample(w.people, 18):
            cw.writerow([q["job"], "%s %s" % (q["fn"], q["sn"].upper()), dob_fmt(rng, q["dob"], 2), q["nhs"],
                         q["addr"], q["pc"], q["adapt"], q["fitters"][0]])
        c = rng.choice(w.staff["coord"])
        S.eml("Mail/Bulk/weekly_jobs_%s.eml" % when.isoformat(), "%s <%s>" % (c, email_of(c)),
              "Contractors <jobs@contractor.example.co.uk>", "Jobs w/c %s" % d2(when),
              "Morning all,\n\nAttached this week's jobs. Any probs ring me.\n\n%s\n" % c, when,
              [("jobs_wc_%s.csv" % when.isoformat(), buf.getvalue(), "text/csv")])


def gen_concierge(S):
    w, rng = S.w, S.rng
    for sch, pc in SCHEMES:
        res = [p for p in w.people if p["scheme"] == sch]
        for wk in range(3):
            d0 = date(2026, 9, 28) + timedelta(days=7 * wk)
            mgr = w.staff["scheme_mgr"][SCHEMES.index((sch, pc))]
            L = ["%s - CONCIERGE DESK HANDOVER LOG  w/c %s" % (sch.upper(), d2(d0)),
                 "Scheme manager: %s" % mgr, ""]
            for day in range(5):
                dd = d0 + timedelta(days=day)
                con = rng.choice(w.staff["concierge"])
                L.append("%s  (%s on desk)" % (dd.strftime("%a %d/%m"), con))
                for p in rng.sample(res, min(len(res), rng.randrange(2, 5))):
                    L.append("- Flat %s %s: %s" % (p["flat"], rng.choice([p["sn"], p["title"] + " " + p["sn"], called(p) + " " + p["sn"][0]]),
                                                   rng.choice(["OT visit booked", "contractor in for %s" % p["adapt"],
                                                               "reablement AM call done (%s)" % p["reab"][0],
                                                               "pendant tested OK", "asked for help with post",
                                                               "fire service HSV booked"])))
                if rng.random() < 0.4:
                    L.append("- " + near_miss(w))
                L.append("")
            if wk == 0:
                L.append("DOOR ENTRY / FOB CHANGES THIS WEEK:")
                for p in res:
                    for it in items(p, "concierge"):
                        L.append("* %s (%s): %s" % (p["fn"] + " " + p["sn"], "flat %s" % (p["old_flat"] if it["home"] == "old" and p.get("old_flat") else p["flat"]), access_line(w, p, it)))
                        w.say(p, it)
            S.txt("ExtraCare/%s/Concierge/handover_%s.txt" % (sch.replace(" ", "_"), d0.isoformat()), "\n".join(L) + "\n")


def gen_letters(S):
    w, rng = S.w, S.rng
    for p in w.people:
        she, her = pron(p)
        r = rng.random()
        if p["status"] == "died" and p["nok"]:
            nk = p["nok"]
            L = ["Adult Social Care - Home Adaptations Service", "Civic Centre, Halifax HX1 1ZZ", "",
                 d2(p["died"] + timedelta(days=rng.randrange(10, 30))), "",
                 "%s %s" % ("Mr" if nk["rel"] in ("son", "nephew", "brother") else "Mrs", nk["name"]), "", 
                 "Dear %s %s," % ("Mr" if nk["rel"] in ("son", "nephew", "brother") else "Mrs", nk["sn"]), "",
                 "Re: the late %s, %s" % (name_shape(w, p, rng.choice([0, 4])), fmt_addr(p)),
                 "Date of birth %s" % dob_fmt(rng, p["dob"]), "",
                 "I was very sorry to hear of your %s's death. Please accept the condolences of the whole team."
                 % {"son": "mother" if p["sex"] == "F" else "father", "daughter": "mother" if p["sex"] == "F" else "father"}.get(nk["rel"], "relative"),
                 "The grant application for the %s has been closed. Nothing is owed by the estate. "
                 "If the equipment needs collecting please ring %s on %s." % (p["adapt"], w.staff["coord"][0], phone(rng)),
                 "", "Yours sincerely", "", p["ot"], "Occupational Therapist"]
            if rng.random() < 0.5:
                S.docx("Letters/Bereavement/%s %s - condolence.docx" % (p["sn"], p["fn"]), L)
            else:
                S.pdf("Letters/Bereavement/%s_%s_closure.pdf" % (p["sn"], p["fn"][0]), [L])
            continue
        if r < 0.2:
            L = ["Home Adaptations Service", "", d2(p["visit"] + timedelta(days=rng.randrange(5, 25))), "",
                 name_shape(w, p, 0), fmt_addr(p), "", "Our ref: %s" % p["ref"], "",
                 "Dear %s %s," % (p["title"], p["sn"]), "",
                 "Following my visit on %s I have recommended a %s. Your case has been passed to the "
                 "Disabled Facilities Grant team and a surveyor will contact you." % (d2(p["visit"]), p["adapt"]),
                 "If you have any questions please call me on %s." % phone(rng), "",
                 "Yours sincerely", p["ot"], "Occupational Therapist"]
            if p["nok"] and rng.random() < 0.4:
                L.insert(-3, "cc: %s (%s)" % (p["nok"]["name"], p["nok"]["rel"]))
            S.docx("Letters/Service users/%s %s %s.docx" % (p["ref"].replace("/", "-"), p["sn"], p["title"]), L)
        elif r < 0.38:
            L = ["Home Adaptations Service - Occupational Therapy", "", d2(p["visit"] + timedelta(days=rng.randrange(3, 20))), "",
                 "%s" % p["gp"], rng.choice(["Moorside Surgery", "Calder Valley Medical Practice", "Bramley Village Health Centre"]), "",
                 "Dear %s," % p["gp"].split()[0] + " " + p["gp"].split()[-1], "",
                 "Re: %s  DOB %s  %s" % (name_shape(w, p, rng.choice([0, 1, 5])), dob_fmt(rng, p["dob"]),
                                        ("NHS " + nhs_fmt(rng, p["nhs"])) if p["nhs"] else ""),
                 fmt_addr(p), "",
                 "I assessed your patient at home on %s. Diagnoses noted: %s. I have recommended %s. "
                 "I would be grateful for a supporting letter re: medical need for the %s." % (
                     d2(p["visit"]), ", ".join(p["cond"]), p["adapt"], p["adapt"]),
                 "", "Kind regards", "", p["ot"], "Occupational Therapist, HCPC registered"]
            if rng.random() < 0.5:
                S.pdf("Letters/GP/%s_GP_%s.pdf" % (p["sn"].replace("'", ""), p["ref"].replace("/", "")), [L])
            else:
                S.docx("Letters/GP/%s_GP_%s.docx" % (p["sn"].replace("'", ""), p["ref"].replace("/", "")), L)


def gen_rotas(S):
    w, rng = S.w, S.rng
    for wk in range(4):
        d0 = date(2026, 10, 5) + timedelta(days=7 * wk)
        rows = []
        for day in range(5):
            dd = d0 + timedelta(days=day)
            for hp in w.staff["handyperson"]:
                for q in rng.sample(w.people, 2):
                    rows.append([dd.strftime("%a %d/%m"), hp, w.staff["volunteer"][(day + wk) % 2],
                                 "%s %s" % (q["title"], q["sn"]), q["addr"], q["pc"],
                                 rng.choice(["fit key safe", "grab rail", "smoke alarm check", "curtain rail",
                                             "move bed downstairs", "trip hazard - carpet", "half step"])])
        S.csv("Handyperson/Rota/handyperson_rota_wc_%s.csv" % d0.isoformat(),
              ["Day", "Handyperson", "Volunteer", "Client", "Address", "Postcode", "Task"], rows)
        # reablement rota: carers across patients, no labels on the carers
        sheet = [["Reablement rota w/c %s" % d2(d0)], [],
                 ["Time", "Service user", "DOB", "Address", "Worker 1", "Worker 2", "Notes"]]
        for q in rng.sample(w.people, 22):
            sheet.append([rng.choice(["07:30", "08:15", "09:00", "12:00", "17:30", "20:00"]),
                          name_shape(w, q, rng.choice([1, 2, 6])), dob_fmt(rng, q["dob"], 0), q["addr"],
                          q["reab"][0], q["reab"][1],
                          rng.choice(["", "post stairlift - practise transfers", "shower board", "2 carers",
                                      "hoist", near_miss(w)])])
        S.xlsx("Reablement/Rotas/reablement_rota_%s.xlsx" % d0.isoformat(),
               [("Rota", sheet), ("Staff", [["Name", "Role"]] + [[s_, "Reablement support worker"] for s_ in w.staff["reablement"]])])


def gen_xml(S):
    from xml.sax.saxutils import escape as X
    w, rng = S.w, S.rng
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<AdaptationsRegister exported="2026-11-02T07:00:00" system="Civica APP">']
    for p in w.people:
        out.append("  <Case ref=\"%s\">" % p["ref"])
        out.append("    <Client><Surname>%s</Surname><Forenames>%s</Forenames><DateOfBirth>%s</DateOfBirth>"
                   % (X(p["sn"]), X(p["fn"] + (" " + p["mid"] if p["mid"] else "")), p["dob"].isoformat())
                   + ("<NHSNumber>%s</NHSNumber>" % p["nhs"] if p["nhs"] else "") + "</Client>")
        out.append("    <Address><Line1>%s</Line1><Town>%s</Town><Postcode>%s</Postcode></Address>" % (X(p["addr"]), p["town"], p["pc"]))
        out.append("    <Worker role=\"OT\">%s</Worker><Contractor>%s</Contractor><Works>%s</Works>" % (X(p["ot"]), X(p["contractor"]), X(p["adapt"])))
        out.append("    <Status>%s</Status>" % p["status"])
        out.append("  </Case>")
    out.append("</AdaptationsRegister>")
    S.txt("Coordination/Exports/register_export_20261102.xml", "\n".join(out) + "\n")


def gen_mdt(S):
    w, rng = S.w, S.rng
    for k in range(6):
        md = date(2026, 9, 8) + timedelta(days=14 * k)
        present = rng.sample(w.staff["ot"], 3) + rng.sample(w.staff["reablement"], 2) + [w.staff["coord"][k % 2], rng.choice(w.staff["fire"]), rng.choice(w.staff["scheme_mgr"])]
        paras = [("H", "Home Adaptations & Extra Care MDT - %s" % d2(md)),
                 "Present: " + ", ".join(present),
                 "Apologies: " + rng.choice(w.staff["gp"]), ""]
        rows = [["Client", "DOB", "Discussion", "Action", "Lead"]]
        for q in rng.sample(w.people, 8):
            rows.append([name_shape(w, q, rng.choice([1, 2, 7])), dob_fmt(rng, q["dob"]),
                         rng.choice(["stairlift fitted, reablement 2/52", "await DFG approval", "fire HSV done - 2 alarms fitted",
                                     "tenant moving flats, door entry to be reprogrammed", "waiting list", "code status discussed - ReSPECT in place",
                                     "family want care home", "complex - ceiling track hoist"]),
                         rng.choice(["chase surveyor", "OT revisit", "close case", "refer to Fire Service", "book handyperson"]),
                         rng.choice(present)])
        paras.append(("T", rows))
        paras.append("Next MDT %s. Minutes: %s" % (d2(md + timedelta(days=14)), present[-3]))
        S.docx("Meetings/MDT/MDT minutes %s.docx" % md.isoformat(), paras)


def gen_respect(S):
    w, rng = S.w, S.rng
    for p in w.people:
        if rng.random() > 0.17:
            continue
        L = ["ReSPECT - Recommended Summary Plan for Emergency Care and Treatment", "",
             "Full name: %s" % name_shape(w, p, rng.choice([4, 1])),
             "Date of birth: %s" % dob_fmt(rng, p["dob"]),
             "NHS/CHI/Health and care number: %s" % (nhs_fmt(rng, p["nhs"]) if p["nhs"] else ""),
             "Address: %s" % fmt_addr(p), "",
             "Section 4: CPR attempts NOT recommended (DNACPR)  -- code status: DNACPR",
             "Clinical recommendations: prioritise comfort. Condition: %s" % ", ".join(p["cond"]),
             "Emergency contact: %s" % ("%s (%s) %s" % (p["nok"]["name"], p["nok"]["rel"], p["nok"]["phone"]) if p["nok"] else "none"),
             "Clinician: %s   Date: %s" % (p["gp"], d2(p["visit"] - timedelta(days=rng.randrange(30, 400)))),
             "(copy kept in the extra care scheme office - form was in the house)" if p["scheme"] else "(copy scanned for OT file)"]
        S.pdf("OT/ReSPECT copies/ReSPECT_%s_%s.pdf" % (p["sn"].replace("'", ""), p["fn"]), [L])


def gen_fire(S):
    w, rng = S.w, S.rng
    for p in w.people:
        if rng.random() > 0.17:
            continue
        fo = rng.choice(w.staff["fire"])
        L = ["WEST YORKSHIRE FIRE - SAFE AND WELL / HOME SAFETY VISIT REFERRAL",
             "Referrer: %s (OT)   Date: %s" % (p["ot"], d2(p["visit"] + timedelta(days=3))),
             "Name: %s" % name_shape(w, p, rng.choice([0, 2, 3])),
             "DOB: %s" % dob_fmt(rng, p["dob"]),
             "Address: %s" % fmt_addr(p, old=bool(p.get("old_addr"))),
             "Risk factors: %s" % rng.choice(["smokes in bed", "oxygen in use - emollients", "hoarding", "lives alone, poor mobility", "chip pan"]),
             "Visit allocated to: %s" % fo,
             "Outcome: " + rng.choice(["2 x 10yr alarms fitted", "fire retardant bedding given", "not in - card left", "vibrating pillow pad fitted"])]
        if rng.random() < 0.3:
            L.append(near_miss(w))
        S.txt("Referrals/Fire service/HSV_%s_%s.txt" % (p["sn"].replace("'", "").lower(), p["visit"].strftime("%d%m")), "\n".join(L) + "\n")


def gen_reablement(S):
    w, rng = S.w, S.rng
    for p in w.people:
        if p["status"] in ("died", "care_home") or rng.random() > 0.25:
            continue
        she, her = pron(p)
        vd = date(2026, 10, 10) + timedelta(days=rng.randrange(30))
        c1, c2 = p["reab"]
        L = ["Reablement visit - %s" % d2(vd),
             "%s | %s | %s" % (name_shape(w, p, rng.choice([1, 2, 6])), dob_fmt(rng, p["dob"]), p["addr"]),
             "",
             "%s and %s. %s" % (c1, c2, rng.choice(["Practised stairlift transfers x3, independent.",
                                                     "Showered with supervision on new seat, v pleased.",
                                                     "Ramp used with frame, SOB at top, rested.",
                                                     "Tried door entry handset - can now answer from chair."])),
             "Plan: %s" % rng.choice(["reduce to 1 call/day", "discharge from reablement Fri", "continue 1/52", "refer back to OT %s" % p["ot"]]),
             "%s / %s" % (c1.split()[0], c2.split()[0]),
             "Reviewed: %s (reablement lead)" % w.staff["reablement"][-1]]
        if rng.random() < 0.5:
            S.docx("Reablement/Visit notes/%s/%s_%s.docx" % (vd.strftime("%Y-%m"), p["sn"].replace("'", ""), vd.isoformat()), L)
        else:
            S.txt("Reablement/Visit notes/%s/%s_%s.txt" % (vd.strftime("%Y-%m"), p["sn"].replace("'", ""), vd.isoformat()), "\n".join(L) + "\n")


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    root, truth_path = argv[1], argv[2]
    n = int(argv[3]) if len(argv) > 3 else 120
    seed = int(argv[4]) if len(argv) > 4 else 1
    w = World(n, seed)
    os.makedirs(root, exist_ok=True)
    S = Share(root, w)
    gen_ot_notes(S)
    reg_hdr, reg_rows = gen_register(S)
    gen_weekly(S, reg_hdr, reg_rows)
    for fn in GENERATORS:
        fn(S)
    write_truth(w, truth_path)
    print("files:", sum(S.count.values()), dict(sorted(S.count.items())))
    return 0


GENERATORS = [gen_dfg, gen_jobs, gen_quotes_certs, gen_emails, gen_concierge, gen_letters, gen_rotas,
              gen_xml, gen_mdt, gen_respect, gen_fire, gen_reablement]


def write_truth(w, path):
    people = []
    for p in w.people:
        people.append({"forename": p["fn"], "surname": p["sn"], "dob": p["dob"].strftime("%d/%m/%Y"),
                       "nhs_number": p["nhs"], "access_kind": sorted(p["cur"]),
                       "former_access_kind": sorted(p["former"])})
    staff = sorted(set(w.staff_all))
    related = sorted(set(w.related))
    with open(path, "w") as f:
        json.dump({"people": people, "staff": staff, "related": related}, f, indent=1)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
