#!/usr/bin/env python3
"""Held-out share 9 (session 9, 1 Dec 2026): an acute trust's virtual ward and
hospital-at-home service with its partners.

  * Wealdmoor Hospitals NHS Foundation Trust - Virtual Ward & Hospital at Home
    (ObsLink remote-monitoring kit, daily obs, consultant board rounds, OPAT IV
    antibiotics and fluids at home)
  * Brightcourse Clinical Homecare Ltd - contracted specialist-medicine homecare
    (biologics, HPN, fridge and ancillary deliveries, own nurses and drivers)
  * Tanhill & Ferrow Primary Care Network - housebound vaccination and phlebotomy round
  * Homeward Friends (registered charity) - home-from-hospital and befriending

usage: python heldout_share_9.py SHARE TRUTH.json [PEOPLE=120] [SEED=1]

Everything is invented. Phones are 07700 900xxx, NHS numbers are valid mod-11 in
issued ranges (401-499, 600-708), never 999.
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

TODAY = dt.date(2026, 11, 27)
FIXED_ZIP_TIME = (2026, 11, 27, 9, 0, 0)

# --------------------------------------------------------------------------- names
F_NAMES = """Margaret Dorothy Joan Patricia Brenda Sheila Maureen Pauline Valerie Barbara Irene
Eileen Doreen Audrey Kathleen Elsie Sylvia Jean Christine Janet Rita Gwendoline Hilda Marjorie
Winifred Beryl Edna Iris Olive Vera Mavis Shirley Sandra Gillian Linda Susan Elaine Lorraine Yvonne
Deborah Karen Tracey Nicola Joanne Amanda Rachel Claire Fatima Nasreen Priya Aisha Grace Blessing
Agnieszka Bozena Siobhan Bernadette Mary-Anne Rosemary Ann-Marie Lesley Carol Wendy Jacqueline
Hazel Philippa Harriet Ruby Imogen Leah Kerry Dawn Naomi Esther Moira Morag Ffion Rhiannon""".split()
M_NAMES = """Arthur Kenneth Dennis Ronald Derek Raymond Leslie Norman Stanley Harold Albert Frederick
Gordon Malcolm Brian Keith Trevor Terence Colin Roy Geoffrey Alan Bernard Clifford Douglas Ernest
Walter Cyril Reginald Victor Graham Michael Peter David John Stephen Paul Gary Neil Mark Darren
Wayne Lee Imran Tariq Rajesh Sanjay Kwame Emmanuel Tomasz Piotr Declan Padraig Eamon Huw Rhys
Gareth Alistair Hamish Callum Jamal Desmond Winston Cedric Rupert Oliver Nathan Aaron Owen Dylan
Lewis Bradley Shaun Jason Rory Ciaran Marcus Ashok Vikram""".split()
SURNAMES = """Hughes Pritchard Ashworth Whitlock Greenhalgh Bramwell Threlfall Cottam Lowther Marsden
Fairclough Heseltine Ormerod Pickersgill Sutcliffe Tattersall Wainwright Ackroyd Barraclough
Calvert Dewhurst Entwistle Fothergill Gaskell Haworth Illingworth Jagger Kershaw Lumb Mitchell
Nuttall Oldroyd Pilling Quarmby Rishworth Shackleton Thornber Uttley Verity Walmsley Yates
O'Brien O'Neill O'Hara D'Souza D'Arcy McAllister MacLeod McCarthy Fitzgerald Okafor Adeyemi Mensah
Osei Nwosu Begum Chowdhury Hussain Rahman Patel Sharma Kaur Gill Nowak Kowalski Wisniewski
Zielinska Smith-Jones Lloyd-Evans Bowes-Lyon Clarke-Hill Ward-Baxter Price-Owen Foster Kendrick
Lancaster Merriman Norcliffe Pemberton Radcliffe Stainton Tennant Underwood Vickers Wetherall
Abbott Blackburn Cartwright Duckworth Eccles Fenwick Grimshaw Holroyd Ingham Jowett Kilburn
Ledger Moorhouse Naylor Outhwaite Pollard Ramsden Scargill Topham Umpleby Varley Whiteley
Aspinall Birtwistle Crowther Dobson Eastwood Firth Garside Hebden Jessop Lister Midgley
Nicholson Oakes Priestley Rhodes Senior Tordoff Wilby Wroe Atherton Boothroyd Clegg Dyson
Evans Griffiths Jenkins Llewellyn Morgan Powell Rees Vaughan Bevan Cadwallader""".split()
MIDDLE_F = "Anne Mary Elizabeth Rose Louise Jane May Joan Ellen Margaret Catherine Patricia".split()
MIDDLE_M = "James John William George Edward Thomas Henry Charles Frederick Arthur Patrick Joseph".split()
TOWNS = [("Ferrow", "FR"), ("Tanhill", "TH"), ("Wealdmoor", "WD"), ("Cragside Bridge", "CB"),
         ("Low Ashby", "LA"), ("Heptonfold", "HF")]
STREETS = """Oak Road|Beech Grove|Mill Lane|Station Road|Chapel Street|Moorside Avenue|Canal Bank|
Hollin Close|Brookfield Drive|Clough Lane|Victoria Terrace|Albert Street|Fern Bank|Priory Walk|
Heather View|Sycamore Court|Weavers Row|Kiln Lane|Spring Gardens|Lark Rise""".replace("\n", "").split("|")

CONDITIONS = ["COPD", "heart failure", "type 2 diabetes", "CKD stage 3", "atrial fibrillation",
              "Parkinson's disease", "rheumatoid arthritis", "Crohn's disease", "multiple sclerosis",
              "frailty", "dementia (mild)", "bronchiectasis", "cellulitis", "osteoporosis",
              "hypertension", "short bowel syndrome", "psoriasis", "asthma", "lung cancer (palliative)"]
PATHWAYS = ["Frailty", "Respiratory", "Heart failure", "OPAT (IV antibiotics)", "IV fluids / AKI"]
BIOLOGICS = ["adalimumab 40 mg pen", "etanercept 50 mg pen", "ustekinumab 90 mg syringe",
             "ocrelizumab infusion", "vedolizumab SC 108 mg", "secukinumab 150 mg pen"]
HPN = "home parenteral nutrition (3-in-1 bag, 5 nights/week)"

PRESENTING = {"Frailty": "fall at home, frailty assessment, UTI on oral antibiotics",
              "Respiratory": "exacerbation of COPD, sats 89% RA, oral steroids",
              "Heart failure": "decompensated HF, +3 kg, IV furosemide on the ward then oral",
              "OPAT (IV antibiotics)": "lower limb cellulitis for IV ceftriaxone once daily",
              "IV fluids / AKI": "AKI on CKD, IV fluids 1 L/24h, daily U&E"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def nhs_number(rng, used):
    while True:
        pre = rng.choice([rng.randint(401, 499), rng.randint(600, 708)])
        body = [int(c) for c in f"{pre:03d}{rng.randint(0, 999999):06d}"]
        total = sum(d * (10 - i) for i, d in enumerate(body))
        chk = 11 - total % 11
        if chk == 11:
            chk = 0
        if chk == 10:
            continue
        s = "".join(map(str, body)) + str(chk)
        if s not in used:
            used.add(s)
            return s


def fmt_nhs(n, style):
    if not n:
        return ""
    return [f"{n[:3]} {n[3:6]} {n[6:]}", n, f"{n[:3]}-{n[3:6]}-{n[6:]}"][style % 3]


def fmt_dob(d, style):
    s = style % 7
    if s == 0:
        return d.strftime("%d/%m/%Y")
    if s == 1:
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if s == 2:
        return d.isoformat()
    if s == 3:
        return d.strftime("%d-%b-%Y")
    if s == 4:
        return d.strftime("%d.%m.%Y")
    if s == 5:
        return f"{d.day}/{d.month}/{d.year}"
    return f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}"


def age(d, at=TODAY):
    return at.year - d.year - ((at.month, at.day) < (d.month, d.day))


def phone(rng, used):
    while True:
        p = f"07700 900{rng.randint(0, 999):03d}"
        if p not in used:
            used.add(p)
            return p


# --------------------------------------------------------------------------- model
class World:
    def __init__(self, n, seed):
        self.rng = rng = random.Random(seed * 7919 + 9)
        self.used_names = set()
        self.used_nhs = set()
        self.used_phones = set()
        self.staff = {}        # key -> dict(name, first, last, role, org, email)
        self.related = []      # dicts
        self.patients = []
        self.used_ids = set()
        self.make_staff()
        for i in range(n):
            self.patients.append(self.make_patient(i))
        self.make_couples()
        self.drop_charity_only_nhs()
        for p in self.patients:
            self.make_relatives(p)
        for p in self.patients:
            self.make_access(p)

    def unique_name(self, sex=None, surname=None):
        rng = self.rng
        for _ in range(1000):
            s = sex or rng.choice("FM")
            fn = rng.choice(F_NAMES if s == "F" else M_NAMES)
            sn = surname or rng.choice(SURNAMES)
            if (fn, sn) not in self.used_names:
                self.used_names.add((fn, sn))
                return s, fn, sn
        raise RuntimeError("names exhausted")

    def add_staff(self, key, role, org, title=""):
        s, fn, sn = self.unique_name()
        dom = {"vw": "wealdmoor-nhs.example", "hc": "brightcourse-homecare.example",
               "pcn": "tanhillferrow-pcn.example", "ch": "homewardfriends.example"}[org]
        self.staff[key] = dict(key=key, first=fn, last=sn, name=f"{fn} {sn}", role=role, org=org,
                               title=title, sex=s,
                               email=f"{fn.lower()}.{sn.lower().replace(chr(39), '')}@{dom}",
                               dob=dt.date(self.rng.randint(1950, 2002), self.rng.randint(1, 12),
                                           self.rng.randint(1, 28)),
                               badge=f"HF-V-{self.rng.randint(100, 999):04d}")

    def make_staff(self):
        for i in range(3):
            self.add_staff(f"cons{i}", "Consultant geriatrician" if i != 1 else
                           "Consultant respiratory physician", "vw", "Dr")
        self.add_staff("reg0", "Specialty registrar", "vw", "Dr")
        for i in range(7):
            self.add_staff(f"vwn{i}", "Virtual ward nurse" if i else "Virtual ward sister", "vw")
        for i in range(2):
            self.add_staff(f"vwhca{i}", "Healthcare assistant (kit installer)", "vw")
        for i in range(2):
            self.add_staff(f"vwco{i}", "Virtual ward coordinator", "vw")
        self.add_staff("vwpharm", "Virtual ward pharmacist", "vw")
        for i in range(4):
            self.add_staff(f"hcn{i}", "Homecare nurse", "hc")
        for i in range(4):
            self.add_staff(f"drv{i}", "Homecare driver", "hc")
        for i in range(2):
            self.add_staff(f"hcph{i}", "Homecare pharmacist", "hc")
        for i in range(2):
            self.add_staff(f"hcadm{i}", "Patient services administrator", "hc")
        for i in range(3):
            self.add_staff(f"gp{i}", "GP", "pcn", "Dr")
        for i in range(3):
            self.add_staff(f"vac{i}", "Vaccinator", "pcn")
        for i in range(2):
            self.add_staff(f"phl{i}", "Phlebotomist", "pcn")
        self.add_staff("pcnco", "PCN care coordinator", "pcn")
        for i in range(2):
            self.add_staff(f"chco{i}", "Home-from-hospital coordinator", "ch")
        for i in range(7):
            self.add_staff(f"vol{i}", "Volunteer", "ch")
        self.add_staff("chadm", "Charity office administrator", "ch")

    def uid(self, fmt, lo, hi):
        while True:
            v = fmt.format(self.rng.randint(lo, hi))
            if v not in self.used_ids:
                self.used_ids.add(v)
                return v

    def S(self, prefix):
        keys = [k for k in self.staff if k.startswith(prefix)]
        return self.staff[self.rng.choice(keys)]

    def make_patient(self, i):
        rng = self.rng
        sex, fn, sn = self.unique_name()
        dob = dt.date(rng.choices([rng.randint(1926, 1945), rng.randint(1946, 1965),
                                   rng.randint(1966, 2004)], [5, 4, 2])[0],
                      rng.randint(1, 12), rng.randint(1, 28))
        mid = []
        if rng.random() < 0.4:
            pool = MIDDLE_F if sex == "F" else MIDDLE_M
            mid = [rng.choice(pool)]
            if rng.random() < 0.2:
                mid.append(rng.choice([m for m in pool if m != mid[0]]))
            mid = [m for m in mid if m != fn]
        town, pc = rng.choice(TOWNS)
        p = dict(id=i, pid=f"P{i:03d}", sex=sex, first=fn, last=sn, mid=mid, dob=dob,
                 nhs=nhs_number(rng, self.used_nhs) if rng.random() < 0.87 else "",
                 title=rng.choice(["Mrs", "Ms", "Miss"]) if sex == "F" else "Mr",
                 addr=f"{rng.randint(1, 140)} {rng.choice(STREETS)}", town=town,
                 postcode=f"{pc}{rng.randint(1, 9)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
                          f"{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}",
                 phone=phone(rng, self.used_phones), mrn=self.uid("WM{}", 1000000, 9999999),
                 conds=rng.sample(CONDITIONS, rng.randint(1, 3)),
                 gp=self.S("gp"), spouse=None, rels=[], access=[], access_text={},
                 preferred=None)
        if rng.random() < 0.08:
            p["preferred"] = {"Margaret": "Peggy", "Dorothy": "Dot", "Kathleen": "Kath",
                              "Frederick": "Fred", "Albert": "Bert", "William": "Bill",
                              "Patricia": "Pat", "Terence": "Terry", "Stanley": "Stan",
                              "Ronald": "Ron", "Harold": "Harry", "Winifred": "Win"}.get(fn)
        svc = set()
        if rng.random() < 0.5:
            svc.add("vw")
        if rng.random() < 0.3:
            svc.add("hc")
        if rng.random() < 0.4:
            svc.add("pcn")
        if rng.random() < 0.35:
            svc.add("ch")
        if not svc:
            svc.add(rng.choice(["vw", "hc", "pcn", "ch"]))
        p["svc"] = svc
        if "vw" in svc:
            p["pathway"] = rng.choice(PATHWAYS)
            p["cons"] = self.S("cons")
            p["vwnurse"] = self.S("vwn")
            p["kit"] = self.uid("OBL-KT-{}", 100000, 999999)
            p["tabpin"] = f"{rng.randint(1000, 9999)}"
            p["admit"] = TODAY - dt.timedelta(days=rng.randint(2, 24))
            p["vwref"] = self.uid("VW-{}", 10000, 99999)
        if "hc" in svc:
            p["therapy"] = HPN if rng.random() < 0.2 else rng.choice(BIOLOGICS)
            p["hcnurse"] = self.S("hcn")
            p["driver"] = self.S("drv")
            p["order"] = self.uid("BCH-ORD-{}", 1000000, 9999999)
            p["fridge"] = f"FRG-{rng.randint(20, 26)}-{rng.randint(10000, 99999)}"
            p["fridgelock"] = f"{rng.randint(100, 999)}"
        if "pcn" in svc:
            p["vacc"] = self.S("vac")
            p["phleb"] = self.S("phl")
        if "ch" in svc:
            p["vol"] = self.S("vol")
            p["case"] = self.uid("HF-2026-0{}", 100, 999)
        return p

    def drop_charity_only_nhs(self):
        # the charity never holds NHS numbers: a client known only to it has none in the share
        for p in self.patients:
            if p["svc"] == {"ch"}:
                p["nhs"] = ""

    def make_couples(self):
        rng = self.rng
        pool = list(self.patients)
        rng.shuffle(pool)
        ncouples = max(2, len(pool) // 20)
        taken = set()
        made = 0
        for a in pool:
            if made >= ncouples:
                break
            if a["id"] in taken:
                continue
            for b in pool:
                if b["id"] in taken or b["id"] == a["id"] or a["sex"] == b["sex"]:
                    continue
                if abs(a["dob"].year - b["dob"].year) > 9 or age(a["dob"]) < 55:
                    continue
                # couple: same address; usually wife takes husband's surname
                husband, wife = (a, b) if a["sex"] == "M" else (b, a)
                if rng.random() < 0.75 and (wife["first"], husband["last"]) not in self.used_names:
                    self.used_names.add((wife["first"], husband["last"]))
                    wife["last"] = husband["last"]
                wife["title"] = "Mrs"
                for k in ("addr", "town", "postcode"):
                    wife[k] = husband[k]
                a["spouse"], b["spouse"] = b["id"], a["id"]
                if "vw" in a["svc"] or rng.random() < 0.5:
                    b["svc"].add("pcn")
                    a["svc"].add("pcn")
                    for x in (a, b):
                        x.setdefault("vacc", self.S("vac"))
                        x.setdefault("phleb", self.S("phl"))
                taken |= {a["id"], b["id"]}
                made += 1
                break

    def add_related(self, p, rel, surname=None, keyholder=False):
        rng = self.rng
        sex = {"daughter": "F", "son": "M", "wife": "F", "husband": "M", "niece": "F",
               "nephew": "M", "sister": "F", "brother": "M"}.get(rel)
        s, fn, sn = self.unique_name(sex, surname)
        r = dict(first=fn, last=sn, name=f"{fn} {sn}", rel=rel, phone=phone(rng, self.used_phones),
                 dob=None, nhs="", keyholder=keyholder, patient=p["id"],
                 addr=f"{rng.randint(1, 99)} {rng.choice(STREETS)}, {rng.choice(TOWNS)[0]}")
        if rng.random() < 0.3:
            base = p["dob"].year + (rng.randint(22, 38) if rel in ("daughter", "son", "niece", "nephew")
                                    else rng.randint(-15, 15))
            r["dob"] = dt.date(min(max(base, 1930), 2004), rng.randint(1, 12), rng.randint(1, 28))
        if rng.random() < 0.07:
            r["nhs"] = nhs_number(rng, self.used_nhs)
            if not r["dob"]:
                r["dob"] = dt.date(p["dob"].year + rng.randint(20, 35), rng.randint(1, 12),
                                   rng.randint(1, 28))
        p["rels"].append(r)
        self.related.append(r)
        return r

    def make_relatives(self, p):
        rng = self.rng
        if p["spouse"] is not None:
            sp = self.patients[p["spouse"]]
            p["rels"].append(dict(first=sp["first"], last=sp["last"],
                                  name=f"{sp['first']} {sp['last']}",
                                  rel="husband" if sp["sex"] == "M" else "wife", phone=sp["phone"],
                                  dob=sp["dob"], nhs="", keyholder=False, patient=p["id"],
                                  is_patient=True, addr=""))
        k = rng.choice([1, 1, 2, 2, 3])
        for _ in range(k):
            rel = rng.choice(["daughter", "son", "daughter", "niece", "nephew", "friend",
                              "neighbour", "sister", "brother", "granddaughter"])
            same = rel in ("son", "brother", "nephew") or (rel == "daughter" and rng.random() < 0.4)
            self.add_related(p, rel, p["last"] if same and rng.random() < 0.8 else None)
        if rng.random() < 0.06:
            self.add_related(p, "lodger")
        if rng.random() < 0.05:
            self.add_related(p, "appointee (DWP)")
        if p["spouse"] is None and rng.random() < 0.15:
            self.add_related(p, "husband" if p["sex"] == "F" else "wife", p["last"])
        p["nok"] = [r for r in p["rels"] if r["rel"] not in ("lodger", "appointee (DWP)")][0] \
            if any(r["rel"] not in ("lodger", "appointee (DWP)") for r in p["rels"]) else p["rels"][0]

    def make_access(self, p):
        rng = self.rng
        if p["spouse"] is not None and p["spouse"] < p["id"]:
            sp = self.patients[p["spouse"]]
            if not sp["access"]:
                p["nearmiss"] = sp.get("nearmiss")
                return
            # same home: same way in, written for both
            p["access"] = list(sp["access"])
            p["access_value"] = sp["access_value"]
            p["access_lines"] = list(sp["access_lines"])
            return
        if rng.random() > 0.36:
            p["nearmiss"] = rng.choice(NEAR_MISS_PATIENT) if rng.random() < 0.5 else None
            return
        kinds = rng.choices([["code"], ["hidden_key"], ["key_holder"], ["left_open"],
                             ["code", "key_holder"], ["hidden_key", "key_holder"]],
                            [50, 18, 14, 8, 6, 4])[0]
        lines, vals = [], []
        for kd in kinds:
            if kd == "code":
                c = rng.choice([f"{rng.randint(0, 9999):04d}", f"{rng.randint(1000, 9999)}",
                                f"{rng.choice('CXZ')}{rng.randint(1000, 9999)}"])
                c2 = f"{rng.randint(1000, 9999)}"
                spaced = "-".join(c)
                t = rng.randint(0, 6)
                line = [f"Key safe to the left of the front door, code {c}.",
                        f"KS {c} (key on red fob) - please scramble the dial after use.",
                        f"Keysafe code {spaced}",
                        f"Key is in the lockbox on the garage wall, combination {c}.",
                        f"Side gate keypad {c2}# then front door key in the key safe, code {c}.",
                        f"Key box by back door: {c}. Alarm panel in hall - disarm with {c2}.",
                        f"Access via key safe (code {c}) at the side of the porch."][t]
                v = c if t not in (4, 5) else f"{c2} / {c}"
            elif kd == "hidden_key":
                line = rng.choice([
                    "Spare front door key under the stone tortoise by the back step.",
                    "Key kept in the meter box at the front - flip the catch with a coin.",
                    "Key on a string behind the letterbox.",
                    "Back door key hidden in the shed, top shelf, in the Quality Street tin.",
                    "Key under the green plant pot to the left of the front step.",
                    "Spare key inside the bird box on the fence (lift the lid)."])
                v = re.sub(r"\.$", "", line)
            elif kd == "key_holder":
                r = self.add_related(p, "neighbour", keyholder=True)
                r["rel"] = "neighbour (key holder)"
                n = rng.randint(1, 60)
                line = rng.choice([
                    f"If no answer, key held by neighbour {r['first']} {r['last']} at no. {n} "
                    f"({r['phone']}) - knock and ask.",
                    f"Key holder: {r['first']} {r['last']}, neighbour over the road, {r['phone']}. "
                    f"They will give you the key if Pt does not answer.",
                    f"Spare key is with {r['first']} {r['last']} next door (no. {n}); "
                    f"ring {r['phone']} to collect it."])
                v = f"key held by {r['name']}"
            else:
                line = rng.choice([
                    "Front door left on the latch for visits - let yourself in and call out.",
                    "Back door is kept unlocked 9-5 for the nurses, just push the door and shout.",
                    "Pt leaves the porch door open for the drivers - go straight in, she is in "
                    "the back room."])
                v = "door left open for visitors"
            lines.append(line)
            vals.append(v)
        p["access"] = kinds
        p["access_lines"] = lines
        p["access_value"] = "; ".join(vals)


NEAR_MISS_PATIENT = [
    "Key safe fitting requested through the council handyperson scheme - not fitted yet.",
    "Pt has a key safe but the code is held by the office; phone the team to get it.",
    "Please lock the door behind you and put the chain back on - Pt anxious about burglars.",
    "Wheelchair access via ramp at the side; door bell broken, knock loudly.",
    "Key safe removed in October when the door was replaced. Pt or daughter will let you in.",
    "Key worker at the council is aware. Key concerns: falls, low mood.",
    "Code status (resus): for full escalation. Key findings: fluid overload.",
]


def near_misses(rng):
    return rng.choice([
        f"Tablet PIN {rng.randint(1000, 9999)} (monitoring tablet only).",
        f"Kit serial OBL-KT-{rng.randint(100000, 999999)}, SIM {rng.randint(10**9, 10**10 - 1)}.",
        f"Hub office keypad {rng.randint(1000, 9999)}# - please do not share.",
        f"Drug fridge padlock {rng.randint(100, 999)} (medication fridge only).",
        f"Vaccine batch FL{rng.randint(2600, 2699)}-{rng.choice('ABC')}{rng.randint(10, 99)}.",
        f"Van 4 keys in the depot key press, press code {rng.randint(1000, 9999)}.",
        f"Order no BCH-ORD-{rng.randint(1000000, 9999999)}, job {rng.randint(10000, 99999)}.",
        f"Rx token {rng.randint(100000, 999999):X}-{rng.randint(1000, 9999)}-"
        f"{rng.randint(100000, 999999):X}.",
        f"Charity hub door C{rng.randint(1000, 9999)}.",
        f"Case number HF-2026-{rng.randint(100, 999):04d}.",
        f"Depot door {rng.randint(1000, 9999)}#, CD cupboard {rng.randint(100, 999)}.",
        f"Volunteer badge HF-V-{rng.randint(100, 999):04d}.",
    ])


# --------------------------------------------------------------------------- name shapes
def shape(p, style, rng=None):
    fn, sn, mid = p["first"], p["last"], p["mid"]
    s = style % 12
    if s == 0:
        return f"{fn} {sn}"
    if s == 1:
        return f"{p['title']} {fn} {sn}"
    if s == 2:
        return f"{sn.upper()}, {fn}"
    if s == 3:
        return f"{sn}, {fn}" + (f" {' '.join(mid)}" if mid else "")
    if s == 4:
        return f"{fn} {' '.join(m[0] + '.' for m in mid)} {sn}" if mid else f"{fn} {sn}"
    if s == 5:
        return f"{fn} {' '.join(mid)} {sn}" if mid else f"{p['title']} {fn} {sn}"
    if s == 6:
        return f"{sn.upper()} {fn}"
    if s == 7:
        return f"{fn.lower()} {sn.lower()}"
    if s == 8:
        return f"{fn} ({p['preferred']}) {sn}" if p.get("preferred") else f"{fn} {sn}"
    if s == 9:
        return f"{fn.upper()} {sn.upper()}"
    if s == 10:
        return f"{p['title']} {fn} {' '.join(mid)} {sn}".replace("  ", " ")
    return f"{sn}, {p['title']} {fn}"


# --------------------------------------------------------------------------- writers
class Writer:
    def __init__(self, root):
        self.root = root
        self.count = {}

    def path(self, rel):
        full = os.path.join(self.root, rel)
        assert not os.path.exists(full), rel
        os.makedirs(os.path.dirname(full), exist_ok=True)
        ext = rel.rsplit(".", 1)[-1].lower()
        self.count[ext] = self.count.get(ext, 0) + 1
        return full

    def text(self, rel, text, encoding="utf-8"):
        with open(self.path(rel), "w", encoding=encoding, newline="\n") as f:
            f.write(text)

    def raw(self, rel, data):
        with open(self.path(rel), "wb") as f:
            f.write(data)

    def csv(self, rel, header, rows, delimiter=","):
        self.raw(rel, csv_bytes(header, rows, delimiter))

    def json(self, rel, obj):
        self.text(rel, json.dumps(obj, indent=2, ensure_ascii=False) + "\n")


def csv_bytes(header, rows, delimiter=","):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    if header:
        w.writerow(header)
    for r in rows:
        w.writerow(r)
    return buf.getvalue().encode("utf-8")


def normalise_zip(data):
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>2026-11-27T09:00:00Z",
                              body)
            zi = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            z.writestr(zi, body)
    return out.getvalue()


def docx_bytes(paras, tables=(), header=None, footer=None):
    import docx
    d = docx.Document()
    cp = d.core_properties
    cp.author = "Wealdmoor"
    cp.created = cp.modified = dt.datetime(2026, 11, 27, 9, 0, 0)
    if header:
        d.sections[0].header.paragraphs[0].text = header
    if footer:
        d.sections[0].footer.paragraphs[0].text = footer
    for para in paras:
        if isinstance(para, tuple) and para[0] == "TABLE":
            rows = para[1]
            t = d.add_table(rows=len(rows), cols=len(rows[0]))
            for i, r in enumerate(rows):
                for j, v in enumerate(r):
                    t.cell(i, j).text = str(v)
        else:
            d.add_paragraph(para)
    for rows in tables:
        t = d.add_table(rows=len(rows), cols=len(rows[0]))
        for i, r in enumerate(rows):
            for j, v in enumerate(r):
                t.cell(i, j).text = str(v)
    buf = io.BytesIO()
    d.save(buf)
    return normalise_zip(buf.getvalue())


def pdf_escape(s):
    s = s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return s.encode("cp1252", "replace")


def wrap(line, width=92):
    out = []
    while len(line) > width:
        cut = line.rfind(" ", 0, width)
        if cut < 20:
            cut = width
        out.append(line[:cut])
        line = "   " + line[cut:].lstrip()
    out.append(line)
    return out


def pdf_bytes(lines, title="Document"):
    flat = []
    for ln in lines:
        flat.extend(wrap(ln) if ln else [""])
    pages = [flat[i:i + 56] for i in range(0, max(len(flat), 1), 56)] or [[""]]
    objs = []
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages)))
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for i, pg in enumerate(pages):
        stream = io.BytesIO()
        stream.write(b"BT /F1 10 Tf 13 TL 50 800 Td\n")
        for ln in pg:
            stream.write(b"(" + pdf_escape(ln) + b") Tj T*\n")
        stream.write(b"ET\n")
        body = stream.getvalue()
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font "
                    f"<< /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>".encode())
        objs.append(f"<< /Length {len(body)} >>\nstream\n".encode() + body + b"endstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, o in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(f"{n} 0 obj\n".encode() + o + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R /Info << /Title ({title}) >> >>\n"
              f"startxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def rtf_bytes(lines):
    def esc(s):
        s = s.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")
        return "".join(c if ord(c) < 128 else f"\\u{ord(c)}?" for c in s)
    body = "\\par\n".join(esc(x) for x in lines)
    return ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\n"
            "\\viewkind4\\uc1\\pard\\f0\\fs22 " + body + "\\par\n}\n").encode("ascii")


def xlsx_bytes(sheets):
    import openpyxl
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, titles, header, rows in sheets:
        ws = wb.create_sheet(name)
        for t in titles:
            ws.append([t])
        if header:
            ws.append(header)
        for r in rows:
            ws.append(list(r))
    wb.properties.creator = "Brightcourse"
    wb.properties.created = wb.properties.modified = dt.datetime(2026, 11, 27, 9, 0, 0)
    buf = io.BytesIO()
    wb.save(buf)
    return normalise_zip(buf.getvalue())


def xml_esc(s):
    return (str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def ods_bytes(sheets):
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content '
             'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
             'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
             'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
             'office:version="1.2"><office:body><office:spreadsheet>']
    for name, titles, header, rows in sheets:
        parts.append(f'<table:table table:name="{xml_esc(name)}">')
        allrows = [[t] for t in titles] + ([header] if header else []) + [list(r) for r in rows]
        for r in allrows:
            parts.append("<table:table-row>")
            for v in r:
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    parts.append(f'<table:table-cell office:value-type="float" office:value="{v}">'
                                 f"<text:p>{v}</text:p></table:table-cell>")
                else:
                    parts.append(f'<table:table-cell office:value-type="string"><text:p>'
                                 f"{xml_esc(v)}</text:p></table:table-cell>")
            parts.append("</table:table-row>")
        parts.append("</table:table>")
    parts.append("</office:spreadsheet></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:version="1.2" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        zi = zipfile.ZipInfo("mimetype", FIXED_ZIP_TIME)
        zi.compress_type = zipfile.ZIP_STORED
        z.writestr(zi, "application/vnd.oasis.opendocument.spreadsheet")
        for nm, body in (("META-INF/manifest.xml", manifest), ("content.xml", "".join(parts))):
            zi = zipfile.ZipInfo(nm, FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, body)
    return out.getvalue()


def eml_bytes(frm, to, cc, subject, body, when, attachments=(), msgid="x"):
    m = EmailMessage()
    m["From"] = f"{frm['name']} <{frm['email']}>"
    m["To"] = ", ".join(f"{t['name']} <{t['email']}>" for t in to)
    if cc:
        m["Cc"] = ", ".join(f"{t['name']} <{t['email']}>" for t in cc)
    m["Subject"] = subject
    m["Date"] = format_datetime(when)
    m["Message-ID"] = f"<{msgid}@mail.wealdmoor-nhs.example>"
    m.set_content(body)
    for name, data, mt in attachments:
        maintype, subtype = mt.split("/")
        m.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    if m.is_multipart():
        m.set_boundary(f"=_share9_{msgid}_boundary")
    return m.as_bytes()


def sig(st, style):
    s = style % 5
    if s == 0:
        return st["name"]
    if s == 1:
        return f"{st['first'][0]}. {st['last']}"
    if s == 2:
        return f"{st['name']} ({st['role']})"
    if s == 3:
        return f"{st['last'].upper()}, {st['first']}"
    return f"{st['title'] + ' ' if st['title'] else ''}{st['name']}"


# --------------------------------------------------------------------------- share
def build(share, n, seed):
    W = World(n, seed)
    rng = W.rng
    w = Writer(share)
    P = W.patients
    st = W.staff
    vw = [p for p in P if "vw" in p["svc"]]
    hc = [p for p in P if "hc" in p["svc"]]
    pcn = [p for p in P if "pcn" in p["svc"]]
    ch = [p for p in P if "ch" in p["svc"]]
    written_access = set()

    def home(p):
        return f"{p['addr']}, {p['town']} {p['postcode']}"

    def access_block(p, force=False):
        """Home-access lines, only for people who have them (or the near miss)."""
        if p["access"]:
            written_access.add(p["id"])
            return list(p["access_lines"])
        if p.get("nearmiss") and (force or rng.random() < 0.6):
            return [p["nearmiss"]]
        return []

    def primary_access_home(p):
        for s in ("vw", "hc", "ch", "pcn"):
            if s in p["svc"]:
                return s

    def contacts(p, style=0):
        out = []
        for i, r in enumerate(x for x in p["rels"] if not x.get("is_patient")):
            rel = "neighbour" if r.get("keyholder") else r["rel"]
            if (style + i) % 2:
                out.append(f"{r['name']} ({rel}) {r['phone']}")
            else:
                out.append(f"{rel} {r['first']} {r['last']}, {r['phone']}"
                           + (f", {r['addr']}" if r["addr"] and i % 3 == 0 else "")
                           + (f", DOB {fmt_dob(r['dob'], i)}" if r["dob"] and i % 2 == 0 else ""))
            if r["nhs"]:
                out[-1] += f" (own NHS no {fmt_nhs(r['nhs'], i)}, registered carer)"
        return "; ".join(out)

    def nok_line(p, style=0):
        r = p["nok"]
        s = style % 3
        if s == 0:
            return f"NOK: {r['name']} ({r['rel']}) {r['phone']}"
        if s == 1:
            return f"Next of kin - {r['rel']} {r['first']} {r['last']}, tel {r['phone']}"
        return f"Contact {r['last'].upper()}, {r['first']} - {r['rel']} - {r['phone']}"

    # ---------------- Virtual ward: caseload CSV (split names, every VW patient, DOB)
    rows = []
    for p in vw:
        rows.append([p["vwref"], p["mrn"], p["last"], p["first"], " ".join(p["mid"]),
                     p["dob"].strftime("%d/%m/%Y"), p["nhs"], p["pathway"], p["admit"].isoformat(),
                     p["cons"]["name"], p["vwnurse"]["name"], p["kit"], rng.choice(
                         ["Active", "Active", "Step-down pending", "Discharged"])])
    w.csv("VirtualWard/Caseload/vw_caseload_export_2026-11-27.csv",
          ["vw_ref", "hosp_no", "pt_surname", "pt_forename", "pt_middle", "pt_dob", "nhs_no",
           "pathway", "admitted", "responsible_consultant", "named_nurse", "obslink_kit", "status"], rows)

    # ---------------- VW admission notes (free text, one per VW patient)
    for k, p in enumerate(vw):
        nurse, hca = p["vwnurse"], W.S("vwhca")
        lines = [f"WEALDMOOR VIRTUAL WARD - ADMISSION NOTE ({p['pathway']})",
                 f"Patient: {shape(p, k)}    DOB: {fmt_dob(p['dob'], k)}"
                 + (f"    NHS No: {fmt_nhs(p['nhs'], k)}" if p["nhs"] else "    NHS No: not known - "
                    "temp number requested"),
                 f"Hosp no {p['mrn']}   Address: {home(p)}   Tel {p['phone']}",
                 f"Admitted {p['admit'].strftime('%d/%m/%Y')} from {rng.choice(['ED', 'AMU', 'GP referral', 'SDEC', 'ward 23 (step-down)'])}."
                 f" Responsible consultant {sig(p['cons'], 4)}.",
                 "",
                 f"PMH: {', '.join(p['conds'])}.",
                 f"Presenting: {PRESENTING[p['pathway']]}.",
                 f"Plan: daily obs via ObsLink, nurse visit {rng.choice(['daily', 'BD', 'alternate days'])},"
                 f" board round review. {'IV via midline, OPAT nurse to visit.' if 'OPAT' in p['pathway'] else ''}",
                 "",
                 f"Kit installed by {sig(hca, k + 1)}: {p['kit']}, tablet PIN {p['tabpin']} "
                 f"(patient to keep with tablet). Pulse oximeter, BP cuff, thermometer.",
                 nok_line(p, k), "Other contacts: " + contacts(p, k)]
        if p["spouse"] is not None:
            sp = P[p["spouse"]]
            lines.append(f"Lives with {('husband' if sp['sex'] == 'M' else 'wife')} {sp['first']} "
                         f"who is also known to our services.")
        for r in p["rels"]:
            if r["rel"] == "lodger":
                lines.append(f"Lodger {r['name']} lives in the back bedroom (tel {r['phone']}), not involved in care.")
            if r["rel"].startswith("appointee"):
                lines.append(f"Finances: DWP appointee is {r['name']}, {r['addr']}.")
        acc = access_block(p) if primary_access_home(p) == "vw" else (
            access_block(p, True) if not p["access"] else [])
        if acc:
            lines.append("Access: " + " ".join(acc))
        lines += ["", f"Admitting nurse: {sig(nurse, k)}   {rng.choice(['RN', 'Band 6', 'Band 5'])}",
                  f"Reviewed: {sig(p['cons'], k + 2)}"]
        fname = f"VirtualWard/Admissions/adm_{p['vwref']}_{p['last'].replace(chr(39), '')}.txt"
        w.text(fname, "\n".join(lines) + "\n")

    # ---------------- daily review notes: several patients per file, ages not DOBs
    days = [TODAY - dt.timedelta(days=d) for d in range(6, 0, -1)]
    for di, day in enumerate(days):
        sel = rng.sample(vw, min(len(vw), rng.randint(8, 12)))
        rev = W.S("vwn")
        out = [f"Virtual Ward daily review - {day.strftime('%A %d %B %Y')}", f"Reviewer: {sig(rev, di)}",
               f"Consultant on board: {sig(W.S('cons'), di + 1)}", ""]
        for j, p in enumerate(sel):
            out += ["---", f"{shape(p, di + j)}, {age(p['dob'])}y, {p['pathway']} ({p['vwref']})",
                    f"Obs: SpO2 {rng.randint(88, 98)}% HR {rng.randint(58, 112)} RR {rng.randint(14, 26)} "
                    f"T {rng.randint(360, 383) / 10} BP {rng.randint(98, 168)}/{rng.randint(52, 96)}"
                    f" NEWS2 {rng.randint(0, 6)}",
                    rng.choice(["Stable, continue plan.", "Spoke to daughter, symptoms improving.",
                                "Missed 08:00 upload - phoned, tablet flat. Charged.",
                                "Breathless on exertion, ask reg to review.",
                                "IV dose given by OPAT nurse 10:15, site clean.",
                                "For step-down to PCN/community team Friday."])]
            if rng.random() < 0.25:
                out.append(near_misses(rng))
            if p["access"] and rng.random() < 0.3:
                out.append("Reminder for visiting nurse: " + p["access_lines"][0])
                written_access.add(p["id"])
        out += ["---", f"Signed {sig(rev, di + 2)}"]
        w.text(f"VirtualWard/DailyReview/daily_review_{day.isoformat()}.txt", "\n".join(out) + "\n")

    # ---------------- board-round lists (docx table + txt)
    for bi, day in enumerate(days[::2]):
        sel = rng.sample(vw, min(len(vw), rng.randint(10, 16)))
        cons = W.S("cons")
        rows = [["Slot", "Patient", "Age", "Pathway", "NEWS2", "Plan", "Nurse"]]
        for j, p in enumerate(sel):
            rows.append([str(j + 1), shape(p, bi * 3 + j), f"{age(p['dob'])}", p["pathway"],
                         str(rng.randint(0, 6)), rng.choice(["continue", "bloods tomorrow", "d/c Fri",
                                                               "escalate to SDEC", "stop IV, oral switch"]),
                         p["vwnurse"]["first"]])
        paras = [f"Virtual Ward consultant board round - {day.strftime('%d/%m/%Y')} 09:30",
                 f"Chair: {sig(cons, 4)}. Present: " + ", ".join(sig(W.S('vwn'), x) for x in range(3))
                 + f", {sig(st['vwpharm'], 0)} (pharmacy), {sig(st['vwco0'], 1)}.",
                 ("TABLE", rows), "Actions to coordinator. Next board round 09:30 tomorrow (MS Teams)."]
        w.raw(f"VirtualWard/BoardRound/board_round_{day.isoformat()}.docx", docx_bytes(paras))
    for bi, day in enumerate(days[1::2]):
        sel = rng.sample(vw, min(len(vw), 12))
        out = [f"BOARD ROUND {day.strftime('%d.%m.%Y')}  (typed by {sig(st['vwco1'], 0)})", ""]
        for j, p in enumerate(sel):
            out.append(f"{j + 1:>2}. {shape(p, bi + j + 5):<34} {age(p['dob']):>3}  {p['pathway']:<22} "
                       f"{rng.choice(['cont', 'd/c', 'review', 'reg'])}  NN {p['vwnurse']['first']} "
                       f"{p['vwnurse']['last'][0]}.")
        w.text(f"VirtualWard/BoardRound/board_round_{day.isoformat()}.txt", "\n".join(out) + "\n")

    # ---------------- OPAT / IV visit notes
    opat = [p for p in vw if "OPAT" in p["pathway"] or "IV" in p["pathway"]]
    for wk in range(2):
        if not opat:
            break
        nurse = W.S("vwn")
        out = [f"OPAT / IV FLUIDS HOME VISIT LOG - week {47 + wk}", f"Nurse: {nurse['name']}", ""]
        for j, p in enumerate(opat):
            day = TODAY - dt.timedelta(days=7 * (1 - wk) + j % 5)
            out.append(f"{day.strftime('%d/%m')} {rng.randint(8, 16)}:{rng.choice(['00', '15', '30', '45'])}"
                       f"  {shape(p, j + wk)} (DOB {fmt_dob(p['dob'], j + 3)})  {p['addr']}")
            out.append(f"    {rng.choice(['Ceftriaxone 2 g IV', 'Teicoplanin 400 mg IV', 'Sodium chloride 0.9% 1 L over 8 h', 'Ertapenem 1 g IV'])}"
                       f" via {rng.choice(['midline L arm', 'PICC R arm', 'cannula L hand'])}. "
                       f"Batch {rng.choice('ABCDEFGH')}{rng.randint(10000, 99999)} exp 03/27.")
            if p["access"] and rng.random() < 0.6:
                out.append("    " + " ".join(p["access_lines"]))
                written_access.add(p["id"])
            out.append(f"    signed {sig(nurse, j)}")
        w.text(f"VirtualWard/OPAT/iv_visits_wk{47 + wk}.txt", "\n".join(out) + "\n")

    # ---------------- HL7 ADT and ORU
    def xpn(p):
        return f"{p['last'].upper()}^{p['first']}^{' '.join(p['mid'])}^^{p['title']}"

    def xcn(s, code):
        return f"{code}^{s['last']}^{s['first']}^^^{s['title']}"

    for bi in range(0, len(vw), 4):
        batch = vw[bi:bi + 4]
        msgs = []
        for j, p in enumerate(batch):
            ts = p["admit"].strftime("%Y%m%d") + f"{8 + j:02d}1500"
            pid3 = (f"{p['nhs']}^^^NHS^NH~" if p["nhs"] else "") + f"{p['mrn']}^^^WMH^MR"
            segs = [f"MSH|^~\\&|VWARD|WEALDMOOR|OBSLINK|WMH|{ts}||ADT^A01|ADT{bi + j:05d}|P|2.4",
                    f"EVN|A01|{ts}",
                    f"PID|1||{pid3}||{xpn(p)}||{p['dob'].strftime('%Y%m%d')}|{p['sex']}|||"
                    f"{p['addr']}^^{p['town']}^^{p['postcode']}||{p['phone']}"]
            for ri, r in enumerate([r for r in p["rels"] if not r.get("is_patient")][:2]):
                f = [""] * 17
                f[1] = str(ri + 1)
                f[2] = f"{r['last'].upper()}^{r['first']}"
                f[3] = f"{r['rel'][:3].upper()}^{r['rel']}"
                f[4] = r["addr"].replace(", ", "^^", 1) if r["addr"] else ""
                f[5] = r["phone"]
                if r["dob"]:
                    f[16] = r["dob"].strftime("%Y%m%d")
                segs.append("NK1|" + "|".join(f[1:]))
            segs.append(f"PV1|1|O|VW^VIRTUAL WARD^{p['pathway'][:4].upper()}|||"
                        f"|{xcn(p['cons'], 'C' + str(1000 + j))}|||VW|||||||||{p['vwref']}")
            segs.append(f"ROL|1|AD|NN^Named nurse|{xcn(p['vwnurse'], 'N' + str(200 + j))}")
            if p["access"] and rng.random() < 0.35:
                segs.append(f"NTE|1||Home access: {p['access_lines'][0]}")
                written_access.add(p["id"])
            msgs.append("\r".join(segs))
        w.raw(f"VirtualWard/HL7/adt_a01_batch{bi // 4 + 1:02d}.hl7", ("\r\n".join(msgs) + "\r").encode())
    disch = [p for j, p in enumerate(vw) if j % 5 in (0, 3)]
    for bi in range(0, len(disch), 6):
        msgs = []
        for j, p in enumerate(disch[bi:bi + 6]):
            ts = TODAY.strftime("%Y%m%d") + f"{10 + j:02d}0000"
            pid3 = (f"{p['nhs']}^^^NHS^NH~" if p["nhs"] else "") + f"{p['mrn']}^^^WMH^MR"
            msgs.append("\r".join([
                f"MSH|^~\\&|VWARD|WEALDMOOR|PAS|WMH|{ts}||ADT^A03|A03{bi + j:05d}|P|2.4",
                f"EVN|A03|{ts}",
                f"PID|1||{pid3}||{xpn(p)}||{p['dob'].strftime('%Y%m%d')}|{p['sex']}|||"
                f"{p['addr']}^^{p['town']}^^{p['postcode']}",
                f"PV1|1|O|VW^VIRTUAL WARD|||||{xcn(p['cons'], 'C1001')}|||VW||||||||{p['vwref']}"
                f"|||||||||||||||||01^Discharged home|||||||{ts}",
                f"ROL|1|AD|DC^Discharging nurse|{xcn(W.S('vwn'), 'N300')}"]))
        w.raw(f"VirtualWard/HL7/adt_a03_discharges_{bi // 6 + 1:02d}.hl7", ("\r".join(msgs) + "\r").encode())
    oru = []
    for j, p in enumerate(rng.sample(vw, min(len(vw), 24))):
        ts = (TODAY - dt.timedelta(days=j % 4)).strftime("%Y%m%d") + "0805"
        segs = [f"MSH|^~\\&|OBSLINK|OBSLINK|VWARD|WEALDMOOR|{ts}||ORU^R01|ORU{j:05d}|P|2.4",
                f"PID|1||{p['mrn']}^^^WMH^MR||{xpn(p)}||{p['dob'].strftime('%Y%m%d')}|{p['sex']}",
                f"PV1|1|O|VW^VIRTUAL WARD||||{xcn(p['cons'], 'C1000')}",
                f"OBR|1||{p['kit']}|OBS^Remote observations|||{ts}"]
        for k, (code, nm, val, unit) in enumerate([("59408-5", "SpO2", rng.randint(88, 99), "%"),
                                                   ("8867-4", "Heart rate", rng.randint(55, 115), "/min"),
                                                   ("8310-5", "Temperature", rng.randint(358, 385) / 10, "Cel"),
                                                   ("8480-6", "Systolic BP", rng.randint(95, 170), "mm[Hg]")]):
            segs.append(f"OBX|{k + 1}|NM|{code}^{nm}^LN||{val}|{unit}|||||F|||{ts}")
        segs.append(f"NTE|1||Reviewed by {sig(p['vwnurse'], j)}. " + rng.choice(
            ["No action.", "Phoned pt, feels well.", "Escalated to reg.", near_misses(rng)]))
        oru.append("\r".join(segs))
    for k in range(0, len(oru), 6):
        w.raw(f"VirtualWard/HL7/obslink_oru_r01_2026-11-2{3 + k // 6}.hl7", ("\n".join(oru[k:k + 6]) + "\n").encode())

    # ---------------- FHIR bundles
    def fhir_patient(p, idx):
        res = {"resourceType": "Patient", "id": p["pid"].lower(),
               "identifier": ([{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": p["nhs"]}]
                              if p["nhs"] else []) +
                             [{"system": "https://wealdmoor-nhs.example/Id/hospital-number", "value": p["mrn"]}],
               "name": [{"use": "official", "family": p["last"], "given": [p["first"]] + p["mid"],
                         "prefix": [p["title"]]}],
               "gender": "female" if p["sex"] == "F" else "male",
               "birthDate": p["dob"].isoformat(),
               "address": [{"line": [p["addr"]], "city": p["town"], "postalCode": p["postcode"]}],
               "telecom": [{"system": "phone", "value": p["phone"]}],
               "generalPractitioner": [{"display": f"Dr {p['gp']['name']}"}],
               "contact": [{"relationship": [{"text": r["rel"]}],
                            "name": {"family": r["last"], "given": [r["first"]]},
                            "telecom": [{"system": "phone", "value": r["phone"]}]}
                           for r in p["rels"][:2]]}
        return res

    for bi in range(0, len(vw), 4):
        batch = vw[bi:bi + 4]
        entries = []
        for j, p in enumerate(batch):
            entries.append({"fullUrl": f"urn:uuid:{p['pid'].lower()}", "resource": fhir_patient(p, j)})
            entries.append({"resource": {"resourceType": "Encounter", "status": "in-progress",
                                         "class": {"code": "VR", "display": "virtual"},
                                         "subject": {"reference": f"Patient/{p['pid'].lower()}",
                                                     "display": f"{p['first']} {p['last']}"},
                                         "participant": [{"individual": {"display": p["vwnurse"]["name"]}},
                                                         {"individual": {"display": f"Dr {p['cons']['name']}"}}],
                                         "period": {"start": p["admit"].isoformat()}}})
            entries.append({"resource": {"resourceType": "Observation", "status": "final",
                                         "code": {"text": "Oxygen saturation"},
                                         "subject": {"reference": f"Patient/{p['pid'].lower()}"},
                                         "effectiveDateTime": "2026-11-26T08:05:00Z",
                                         "valueQuantity": {"value": rng.randint(88, 99), "unit": "%"},
                                         "device": {"display": f"ObsLink kit {p['kit']}"},
                                         "performer": [{"display": "ObsLink platform"}]}})
            if "OPAT" in p["pathway"] or "IV" in p["pathway"]:
                entries.append({"resource": {"resourceType": "MedicationAdministration", "status": "completed",
                                             "medicationCodeableConcept": {"text": "Ceftriaxone 2 g IV"},
                                             "subject": {"reference": f"Patient/{p['pid'].lower()}",
                                                         "display": shape(p, j + 1)},
                                             "effectiveDateTime": "2026-11-25T10:20:00Z",
                                             "performer": [{"actor": {"display": W.S('vwn')['name']}}],
                                             "note": [{"text": rng.choice(
                                                 ["Given at home, no reaction.", "Line flushed.",
                                                  near_misses(rng)] + (
                                                     [" ".join(p["access_lines"])] if p["access"] else []))}]}})
                note = entries[-1]["resource"]["note"][0]["text"]
                if p["access"] and note == " ".join(p["access_lines"]):
                    written_access.add(p["id"])
            for r in p["rels"]:
                if r.get("is_patient") or not (r["dob"] or r["nhs"]):
                    continue
                rp = {"resourceType": "RelatedPerson", "patient": {"reference": f"Patient/{p['pid'].lower()}"},
                      "relationship": [{"text": r["rel"]}],
                      "name": [{"family": r["last"], "given": [r["first"]]}],
                      "birthDate": r["dob"].isoformat(),
                      "telecom": [{"system": "phone", "value": r["phone"]}]}
                if r["nhs"]:
                    rp["identifier"] = [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": r["nhs"]}]
                entries.append({"resource": rp})
        w.json(f"VirtualWard/FHIR/vw_bundle_{bi // 4 + 1:02d}.json",
               {"resourceType": "Bundle", "type": "collection", "timestamp": "2026-11-26T23:00:00Z",
                "entry": entries})

    # ---------------- ObsLink platform: plain JSON export, ODS daily obs, HTML portal pages
    plat = []
    for j, p in enumerate(vw):
        plat.append({"pt_name": f"{p['first']} {p['last']}" if j % 3 else shape(p, 3),
                     "dob": p["dob"].isoformat(), "nhs": p["nhs"] or None, "ward_ref": p["vwref"],
                     "device": {"kit_serial": p["kit"], "tablet_pin": p["tabpin"],
                                "sim": f"8944{rng.randint(10**11, 10**12 - 1)}"},
                     "installed_by": W.S("vwhca")["name"],
                     "escalation_contact": {"name": p["nok"]["name"], "relationship": p["nok"]["rel"],
                                            "phone": p["nok"]["phone"]},
                     "last_readings": [{"t": f"2026-11-2{d}T08:0{d}:00Z", "spo2": rng.randint(88, 99),
                                        "hr": rng.randint(55, 115)} for d in range(4, 7)],
                     "alerts_acknowledged_by": p["vwnurse"]["email"]})
    w.json("ObsLink/exports/obslink_patient_export_2026-11-26.json",
           {"platform": "ObsLink Remote Monitoring 4.2", "tenant": "Wealdmoor VW",
            "exported_by": st["vwco0"]["email"], "patients": plat})
    for j, p in enumerate(vw):
        if j % 3:
            continue
        w.json(f"ObsLink/exports/per_patient/{p['kit']}.json", {
            "kit": p["kit"], "tabletPin": p["tabpin"],
            "patient": {"displayName": shape(p, j), "dateOfBirth": fmt_dob(p["dob"], j + 2),
                        "nhsNumber": fmt_nhs(p["nhs"], j) or None, "postcode": p["postcode"]},
            "carer": {"name": p["nok"]["name"], "relationship": p["nok"]["rel"], "mobile": p["nok"]["phone"]},
            "readings": [{"taken": f"2026-11-{20 + d}T07:5{d}:00Z", "spo2": rng.randint(88, 99),
                          "pulse": rng.randint(55, 115), "temp": rng.randint(358, 385) / 10,
                          "reviewedBy": W.S("vwn")["name"]} for d in range(6)],
            "installer": W.S("vwhca")["name"]})
    for di, day in enumerate(days[-3:]):
        rows = []
        for j, p in enumerate(rng.sample(vw, min(len(vw), 20))):
            rows.append([f"{p['first']} {p['last']}", age(p["dob"]), p["kit"], rng.randint(88, 99),
                         rng.randint(55, 115), rng.randint(12, 26), rng.choice(["", "", "AMBER", "RED"]),
                         p["vwnurse"]["name"]])
        w.raw(f"ObsLink/exports/daily_obs_{day.isoformat()}.ods", ods_bytes(
            [("Obs", [f"ObsLink daily observations {day.strftime('%d/%m/%Y')}"],
              ["Patient name", "Age", "Kit", "SpO2", "HR", "RR", "Alert", "Acknowledged by"], rows)]))
    for j, p in enumerate(rng.sample(vw, min(len(vw), 5))):
        html = (f"<!DOCTYPE html><html><head><title>ObsLink - {p['vwref']}</title></head><body>"
                f"<h1>ObsLink clinician portal</h1><p>Logged in as {p['vwnurse']['email']}</p>"
                f"<h2>{shape(p, j + 2)}</h2><p>Date of birth: {fmt_dob(p['dob'], j + 1)} &middot; "
                f"NHS: {fmt_nhs(p['nhs'], j) or 'n/a'} &middot; Kit {p['kit']}</p>"
                f"<table><tr><th>Time</th><th>SpO2</th><th>HR</th><th>Reviewed by</th></tr>"
                + "".join(f"<tr><td>2026-11-2{d} 08:0{d}</td><td>{rng.randint(88, 99)}</td>"
                          f"<td>{rng.randint(55, 110)}</td><td>{W.S('vwn')['name']}</td></tr>" for d in range(3, 7))
                + f"</table><p>Escalation contact: {p['nok']['name']} ({p['nok']['rel']}) {p['nok']['phone']}</p>"
                "</body></html>")
        w.text(f"ObsLink/portal_saved/patient_{p['vwref']}.html", html)
    alerts = rng.sample(vw, min(len(vw), 9))
    w.text("ObsLink/portal_saved/alerts_dashboard.html",
           "<!DOCTYPE html><html><head><title>ObsLink alerts</title></head><body><h1>Open alerts</h1>"
           "<table><tr><th>Patient</th><th>Age</th><th>Alert</th><th>Owner</th></tr>"
           + "".join(f"<tr><td>{shape(p, i)}</td><td>{age(p['dob'])}</td><td>"
                     f"{rng.choice(['SpO2 < 90', 'No upload 24h', 'HR > 110'])}</td><td>{p['vwnurse']['name']}</td></tr>"
                     for i, p in enumerate(alerts)) + "</table></body></html>")

    # ---------------- VW letters: admission (docx), discharge to GP (pdf), family (rtf)
    for j, p in enumerate(vw):
        if j % 3 == 0:
            paras = ["Wealdmoor Hospitals NHS Foundation Trust - Virtual Ward & Hospital at Home",
                     f"{p['title']} {p['first']} {p['last']}", home(p), "",
                     f"Date: {p['admit'].strftime('%d %B %Y')}",
                     f"NHS number: {fmt_nhs(p['nhs'], j) or 'to follow'}   Date of birth: {fmt_dob(p['dob'], j + 2)}",
                     "", f"Dear {p['title']} {p['last']},",
                     f"You have been admitted to our virtual ward ({p['pathway']} pathway). Your monitoring kit "
                     f"({p['kit']}) should be used every morning before 9am. Your tablet PIN is {p['tabpin']}.",
                     f"Your named nurse is {p['vwnurse']['name']} and your consultant is Dr {p['cons']['name']}. "
                     f"For advice call the virtual ward hub on 07700 900{rng.randint(0, 999):03d} (8am-8pm).",
                     "", "Yours sincerely,", sig(st["vwco0"], 2)]
            w.raw(f"VirtualWard/Letters/admission_letter_{p['vwref']}.docx",
                  docx_bytes(paras, footer="Virtual Ward hub, Level 2, Wealdmoor General"))
        if j % 5 in (0, 3):
            lines = ["WEALDMOOR HOSPITALS NHS FOUNDATION TRUST", "Virtual Ward discharge summary", "",
                     f"To: Dr {p['gp']['name']}, Tanhill & Ferrow PCN", f"cc: {p['title']} {p['first']} {p['last']}",
                     "", f"Re: {shape(p, j + 4)}", f"DOB {fmt_dob(p['dob'], j)}   NHS {fmt_nhs(p['nhs'], j + 1) or '-'}"
                     f"   Hosp no {p['mrn']}", f"{home(p)}", "",
                     f"Admitted to virtual ward {p['admit'].strftime('%d/%m/%Y')}, discharged {TODAY.strftime('%d/%m/%Y')}.",
                     f"Pathway: {p['pathway']}. Background: {', '.join(p['conds'])}.",
                     "Actions for GP: repeat U&E in 1 week; review diuretic dose.",
                     f"The ObsLink kit ({p['kit']}) will be collected by {W.S('vwhca')['name']}.",
                     "", f"{sig(p['cons'], 4)}, Consultant", f"Dictated/typed by {st['vwco1']['name']}"]
            w.raw(f"VirtualWard/Letters/discharge_gp_{p['vwref']}.pdf", pdf_bytes(lines))
        if j % 6 == 2:
            r = p["nok"]
            lines = [f"{r['name']}", r["addr"] if r["addr"] else home(p), "",
                     f"Dear {r['first']},",
                     f"Re: your {('mother' if p['sex'] == 'F' else 'father') if r['rel'] in ('daughter', 'son') else r['rel']}"
                     f" {p['first']} {p['last']} (born {fmt_dob(p['dob'], j + 1)})",
                     f"Thank you for agreeing to be the escalation contact while {p['first']} is on the virtual ward. "
                     "We will call you if readings are not uploaded by 10am.",
                     "Please keep this letter safe.", "", "Kind regards", sig(p["vwnurse"], 2),
                     "Virtual Ward & Hospital at Home"]
            w.raw(f"VirtualWard/Letters/family_letter_{p['vwref']}.rtf", rtf_bytes(lines))

    # ---------------- Homecare: register xlsx, run sheets, nurse visit records, driver notes
    rows = []
    for j, p in enumerate(hc):
        acc = ""
        if p["access"] and primary_access_home(p) == "hc":
            acc = " ".join(access_block(p))
        elif p["access"] and rng.random() < 0.3:
            acc = p["access_lines"][0]
            written_access.add(p["id"])
        elif p.get("nearmiss") and rng.random() < 0.5:
            acc = p["nearmiss"]
        alt = p["nok"]
        rows.append([f"{p['last'].upper()}, {p['first']}", p["dob"].strftime("%d/%m/%Y"), p["nhs"],
                     home(p), p["phone"], p["therapy"], p["hcnurse"]["name"], p["driver"]["name"],
                     p["fridge"], f"{alt['name']} ({alt['rel']}) {alt['phone']}", contacts(p, j), acc,
                     p["order"]])
    w.raw("Brightcourse/Registers/brightcourse_patient_register_Nov26.xlsx", xlsx_bytes([
        ("Patients", ["Brightcourse Clinical Homecare - Wealdmoor contract - active patients"],
         ["Patient (Surname, Forename)", "Date of birth", "NHS no", "Delivery address", "Phone",
          "Therapy", "Homecare nurse", "Driver", "Fridge serial", "Alternative delivery contact",
          "Family / other contacts", "Access notes", "Current order"], rows)]))
    for wk in range(2):
        for dv in [s for k, s in st.items() if k.startswith("drv")]:
            stops = [p for p in hc if p["driver"] is dv]
            if not stops:
                continue
            rows = []
            for j, p in enumerate(stops):
                acc = ""
                if p["access"] and (primary_access_home(p) == "hc" or rng.random() < 0.4):
                    acc = " ".join(access_block(p))
                elif rng.random() < 0.3:
                    acc = near_misses(rng)
                rows.append([j + 1, f"{8 + j}:{rng.choice(['00', '30'])}", shape(p, j + wk * 3), p["addr"],
                             p["postcode"], p["therapy"].split(" (")[0],
                             "2-8C" if "parenteral" not in p["therapy"] else "ambient+fridge",
                             f"DLV-{rng.randint(100000, 999999)}", acc, ""])
            day = (TODAY - dt.timedelta(days=7 * (1 - wk) + 2)).strftime("%A %d %B %Y")
            data = xlsx_bytes([("Run", [f"Delivery run sheet - {day}", f"Driver: {dv['name']}   Van 3 "
                                        f"(keys in depot key press {rng.randint(1000, 9999)})"],
                                ["Stop", "ETA", "Patient", "Address", "Postcode", "Items", "Cold chain",
                                 "Delivery no", "Access / notes", "Signature"], rows)])
            if wk == 0:
                w.raw(f"Brightcourse/RunSheets/run_{dv['first']}_{dv['last'].replace(chr(39), '')}_wk47.xlsx", data)
            else:
                w.csv(f"Brightcourse/RunSheets/run_{dv['first']}_{dv['last'].replace(chr(39), '')}_wk48.csv",
                      ["stop", "eta", "patient", "address", "postcode", "items", "cold_chain", "delivery_no",
                       "access_notes", "driver"], [r[:9] + [dv["name"]] for r in rows])
    for j, p in enumerate(hc):
        nurse = p["hcnurse"]
        if j % 2 == 0:
            lines = [f"BRIGHTCOURSE CLINICAL HOMECARE - NURSE VISIT RECORD", f"Visit date: {(TODAY - dt.timedelta(days=j % 9)).strftime('%d/%m/%Y')}",
                     f"Patient: {shape(p, j + 1)}   DOB: {fmt_dob(p['dob'], j + 4)}   NHS: {fmt_nhs(p['nhs'], j) or 'n/k'}",
                     f"Therapy: {p['therapy']}",
                     f"Administered: {'HPN connection via tunnelled line, aseptic technique' if 'HPN' in p['therapy'] else p['therapy'] + ' SC, L thigh'}. "
                     f"Batch {rng.choice(['AD', 'ET', 'UK', 'VD'])}{rng.randint(100000, 999999)}, exp 08/27.",
                     f"Fridge {p['fridge']} temp {rng.randint(3, 7)}C. Fridge lock {p['fridgelock']} (drug fridge only).",
                     f"Sharps bin swapped. Next visit 4 weeks. {rng.choice(['No concerns.', 'Injection site red - photo sent to pharmacist ' + W.S('hcph')['name'] + '.'])}"]
            if p["access"] and rng.random() < 0.5:
                lines.append("Access: " + " ".join(p["access_lines"]))
                written_access.add(p["id"])
            lines += ["", f"Nurse: {sig(nurse, j)}   NMC PIN {rng.randint(10, 99)}{rng.choice('ABCDEFGHIJ')}{rng.randint(1000, 9999)}{rng.choice('EO')}",
                      f"Patient signature: {p['first'][0]}. {p['last']}"]
            w.text(f"Brightcourse/NurseVisits/visit_{p['order']}.txt", "\n".join(lines) + "\n")
    for dv in [s for k, s in st.items() if k.startswith("drv")]:
        stops = [p for p in hc if p["driver"] is dv]
        if not stops:
            continue
        out = [f"Driver delivery notes - {dv['name']} - w/c 23 Nov", ""]
        for j, p in enumerate(stops):
            out.append(f"{p['first']} {p['last']} ({p['postcode']}): " + rng.choice(
                ["delivered, fridge checked, pt signed.", "no answer, carded, rebooked for Thursday.",
                 f"left with {p['nok']['rel']} {p['nok']['name']} as agreed.", "ancillaries only (swabs, sharps bins)."]))
            if p["access"] and rng.random() < 0.5:
                out.append("   " + p["access_lines"][0].replace("Pt", "pt"))
                written_access.add(p["id"])
            if rng.random() < 0.3:
                out.append("   " + near_misses(rng))
        out.append(f"Van returned to depot, keys in press. {dv['first']}")
        w.text(f"Brightcourse/DriverNotes/driver_{dv['first']}_{dv['last'].replace(chr(39), '')}_notes.txt", "\n".join(out) + "\n")
    # schedules + agreements (letters)
    for j, p in enumerate(hc):
        if j % 3 == 2:
            continue
        if j % 2 == 1:
            lines = ["Brightcourse Clinical Homecare Ltd", "YOUR DELIVERY SCHEDULE", "",
                     f"{p['title']} {p['first']} {' '.join(p['mid'])} {p['last']}".replace("  ", " "),
                     home(p), f"Date of birth {fmt_dob(p['dob'], j + 5)}", "",
                     f"Medicine: {p['therapy']}", f"Deliveries every 4 weeks on a {rng.choice(['Monday', 'Tuesday', 'Thursday'])}, "
                     f"driver {p['driver']['first']}.", f"Order reference {p['order']}. Prescription token "
                     f"{rng.randint(100000, 999999):X}-{rng.randint(1000, 9999)}.",
                     f"Questions: patient services ({st['hcadm0']['name']}), 07700 900{rng.randint(0, 999):03d}."]
            w.raw(f"Brightcourse/Letters/delivery_schedule_{p['order']}.docx", docx_bytes(lines))
        else:
            lines = ["BRIGHTCOURSE CLINICAL HOMECARE - PATIENT AGREEMENT", "",
                     f"Patient name: {p['first']} {p['last']}", f"Date of birth: {fmt_dob(p['dob'], j)}",
                     f"NHS number: {fmt_nhs(p['nhs'], j + 2) or ''}", f"Address: {home(p)}",
                     f"Alternative delivery contact: {p['nok']['name']}, {p['nok']['rel']}, {p['nok']['phone']}", "",
                     "I agree that Brightcourse may deliver my medicines and that a Brightcourse nurse may visit.",
                     ]
            if p["access"] and "code" in p["access"] and rng.random() < 0.6:
                lines.append("If I am out, the driver may put fridge items away using: " + p["access_lines"][0])
                written_access.add(p["id"])
            lines += ["", f"Signed (patient): {p['first']} {p['last']}", f"Witness: {sig(p['hcnurse'], 0)}",
                      f"Checked by pharmacist {sig(W.S('hcph'), 2)}"]
            if j % 4 == 0:
                w.raw(f"Brightcourse/Letters/patient_agreement_{p['order']}.pdf", pdf_bytes(lines))
            else:
                w.raw(f"Brightcourse/Letters/patient_agreement_{p['order']}.rtf", rtf_bytes(lines))

    # ---------------- PCN: housebound register (ODS), round sheets (xlsx/csv), invitations (pdf/rtf)
    rows = []
    for j, p in enumerate(pcn):
        acc = ""
        if p["access"] and primary_access_home(p) == "pcn":
            acc = " ".join(access_block(p))
        carer = next((r for r in p["rels"] if r["dob"] and not r.get("is_patient")), None)
        rows.append([f"{p['first']} {p['last']}", f"{p['dob'].day} {MONTHS[p['dob'].month - 1]} {p['dob'].year}",
                     fmt_nhs(p["nhs"], 0), home(p), p["gp"]["name"],
                     rng.choice(["flu+COVID due", "flu given", "declined COVID", "pneumo due"]),
                     rng.choice(["HbA1c, U&E", "FBC", "INR", "none", "lipids"]),
                     f"{carer['name']} ({carer['rel']}) DOB {carer['dob'].strftime('%d/%m/%Y')}"
                     + (f" NHS {fmt_nhs(carer['nhs'], 0)}" if carer["nhs"] else "") if carer else "",
                     contacts(p, j), acc])
    w.raw("PCN/housebound_register_Nov26.ods", ods_bytes([
        ("Housebound", ["Tanhill & Ferrow PCN housebound register (care coordinator: " + st["pcnco"]["name"] + ")"],
         ["Name", "D.O.B.", "NHS No", "Address", "Usual GP", "Vaccs", "Bloods due", "Registered carer",
          "Contacts", "Access"], rows)]))
    rounds = [pcn[i:i + 9] for i in range(0, len(pcn), 9)]
    for ri, grp in enumerate(rounds):
        vac = W.S("vac")
        day = TODAY - dt.timedelta(days=20 - ri * 2)
        batch = f"FL{rng.randint(2600, 2699)}-{rng.choice('ABC')}{rng.randint(10, 99)}"
        rows = []
        for j, p in enumerate(grp):
            acc = ""
            if p["access"] and (primary_access_home(p) == "pcn" or rng.random() < 0.35):
                acc = " ".join(access_block(p))
            elif rng.random() < 0.2:
                acc = rng.choice(NEAR_MISS_PATIENT)
            ident = fmt_dob(p["dob"], j + ri) if (j + ri) % 3 else f"{age(p['dob'])} yrs"
            rows.append([f"{10 + j // 2}:{'00' if j % 2 == 0 else '30'}", shape(p, j + ri), ident, p["addr"],
                         rng.choice(["Flu (aQIV)", "COVID-19 (JN.1)", "Flu + COVID"]), batch,
                         rng.choice(["given", "given", "declined", "not home"]), acc, vac["first"] + " " + vac["last"][0]])
        title = f"Housebound vaccination round - {day.strftime('%A %d %B %Y')} - vaccinator {vac['name']}"
        if ri % 2 == 0:
            w.raw(f"PCN/Rounds/vacc_round_{day.isoformat()}.xlsx", xlsx_bytes([
                ("Round", [title], ["Time", "Patient", "DOB / age", "Address", "Vaccine", "Batch", "Outcome",
                                    "Access", "Vaccinator"], rows)]))
        else:
            w.csv(f"PCN/Rounds/vacc_round_{day.isoformat()}.csv",
                  ["time", "patient", "dob_or_age", "address", "vaccine", "batch_no", "outcome", "access",
                   "vaccinator"], rows)
    for ri, grp in enumerate(rounds):
        ph = W.S("phl")
        day = TODAY - dt.timedelta(days=9 - ri)
        out = [f"PHLEBOTOMY ROUND {day.strftime('%d/%m/%Y')} - {ph['name']} (PCN phlebotomist)",
               f"Samples to path lab by 13:00, courier job {rng.randint(10000, 99999)}", ""]
        for j, p in enumerate(grp):
            out.append(f"* {shape(p, j + ri + 1)} - {age(p['dob'])} - {p['addr']} {p['postcode']} - "
                       f"{rng.choice(['U&E', 'FBC', 'INR', 'HbA1c'])} - {rng.choice(['done', 'done', 'difficult bleed, 2 attempts', 'not home'])}")
            if p["access"] and rng.random() < 0.3:
                out.append("    " + p["access_lines"][0])
                written_access.add(p["id"])
        w.text(f"PCN/Rounds/phlebotomy_round_{day.isoformat()}.txt", "\n".join(out) + "\n")
    res = []
    for j, p in enumerate(pcn):
        if j % 2:
            continue
        res.append([p["nhs"], p["last"], p["first"], p["dob"].strftime("%Y%m%d"),
                    rng.choice(["K", "NA", "Hb", "HbA1c", "INR"]), round(rng.uniform(2, 140), 1),
                    (TODAY - dt.timedelta(days=j % 9)).isoformat(), p["phleb"]["name"], f"LAB{rng.randint(10**6, 10**7)}"])
    w.csv("PCN/Results/phlebotomy_results_wk47.csv",
          ["NHSNumber", "Surname", "Forenames", "DateOfBirth", "Test", "Result", "Collected", "CollectedBy",
           "LabNo"], res, delimiter=";")
    for j, p in enumerate(pcn):
        if j % 3 != 0:
            continue
        lines = ["Tanhill & Ferrow Primary Care Network", "Housebound vaccination programme", "",
                 f"{p['title']} {p['first']} {p['last']}", home(p), "",
                 f"Date of birth: {fmt_dob(p['dob'], j + 6)}    NHS number: {fmt_nhs(p['nhs'], j) or 'see practice'}", "",
                 f"Dear {p['title']} {p['last']},",
                 "You are due your autumn flu and COVID-19 vaccinations. As you are housebound our team will "
                 f"visit you at home. Your vaccinator will be {p['vacc']['name']}.",
                 "If you cannot be in, please call the care coordinator.", "",
                 f"{st['pcnco']['name']}, PCN care coordinator, on behalf of Dr {p['gp']['name']}"]
        if j % 2 == 0:
            w.raw(f"PCN/Invitations/invite_{p['pid']}.pdf", pdf_bytes(lines))
        else:
            w.raw(f"PCN/Invitations/invite_{p['pid']}.rtf", rtf_bytes(lines))

    # ---------------- Charity: referrals CSV (DOB ISO), settling logs, welfare calls, letters, roster
    rows = []
    for j, p in enumerate(ch):
        rows.append([p["case"], p["first"], p["last"], p["dob"].isoformat(), p["addr"], p["postcode"], p["phone"],
                     rng.choice(["Virtual ward", "Discharge team", "GP", "Self", "Daughter"]),
                     W.S("vwn")["name"] if rng.random() < 0.5 else st["pcnco"]["name"],
                     p["vol"]["name"], f"{p['nok']['name']} - {p['nok']['phone']}", contacts(p, j)])
    w.csv("HomewardFriends/referrals_2026.csv",
          ["Case number", "First name", "Last name", "Date of birth", "Address", "Postcode", "Tel",
           "Referral source", "Referrer", "Volunteer", "Emergency contact", "Other contacts"], rows)
    for vk in [k for k in st if k.startswith("vol")]:
        vol = st[vk]
        mine = [p for p in ch if p["vol"] is vol]
        if not mine:
            continue
        out = [f"Homeward Friends - settling-in and welfare call log", f"Volunteer: {vol['name']} (badge {vol['badge']})",
               f"Coordinator: {st['chco0']['name']}", ""]
        for j, p in enumerate(mine):
            d = TODAY - dt.timedelta(days=10 - j % 8)
            out += ["====", f"{d.strftime('%d/%m/%Y')} SETTLING IN: {shape(p, j + 2)}, aged {age(p['dob'])}, {p['addr']}",
                    rng.choice(["Put heating on, made a cuppa, milk and bread bought (receipt in envelope).",
                                "Collected prescription from pharmacy, checked smoke alarm.",
                                "Client tearful, missing the cat (in cattery). Will call tomorrow."])]
            if p["access"] and (primary_access_home(p) == "ch" or rng.random() < 0.3):
                out.append("How to get in next time: " + " ".join(access_block(p)))
            elif p.get("nearmiss") and rng.random() < 0.5:
                out.append(p["nearmiss"])
            out.append(f"{(d + dt.timedelta(days=2)).strftime('%d/%m')} WELFARE CALL: {p['first']} "
                       + rng.choice(["fine, had a visit from the nurse.", "no answer x2, rang " + p["nok"]["rel"] + " " + p["nok"]["name"] + " - all ok.",
                                     "wants shopping Friday."]))
            if rng.random() < 0.2:
                out.append(near_misses(rng))
        w.text(f"HomewardFriends/VolunteerLogs/log_{vol['first']}_{vol['last'].replace(chr(39), '')}.txt", "\n".join(out) + "\n")
    for j, p in enumerate(ch):
        if j % 3 == 0:
            paras = ["Homeward Friends - home from hospital & befriending", "Registered charity no. 1190XXX", "",
                     f"{p['first']} {p['last']}", home(p), "",
                     f"Dear {p['preferred'] or p['first']},",
                     f"Welcome to Homeward Friends. Your volunteer is {p['vol']['first']} and will visit on "
                     f"{rng.choice(['Tuesdays', 'Wednesdays', 'Fridays'])}. Volunteers always carry a photo badge.",
                     f"Your case number is {p['case']}. Please quote it if you call the hub.",
                     "", "Warm wishes", f"{st['chco1']['name']}, Home-from-hospital coordinator"]
            w.raw(f"HomewardFriends/Letters/welcome_{p['case']}.docx", docx_bytes(paras))
    calls = []
    for j, p in enumerate(ch):
        for c in range(rng.randint(1, 3)):
            calls.append([(TODAY - dt.timedelta(days=c * 3 + j % 3)).isoformat(), p["case"],
                          f"{p['first']} {p['last']}", age(p["dob"]), p["vol"]["name"],
                          rng.choice(["answered - well", "no answer", "answered - wants shopping",
                                      "spoke to " + p["nok"]["rel"]]), rng.randint(3, 25)])
    w.csv("HomewardFriends/CRM/welfare_calls_export.csv",
          ["call_date", "case_no", "client_full_name", "client_age", "caller", "outcome", "minutes"], calls)
    w.raw("HomewardFriends/Admin/welfare_call_rota.ods", ods_bytes([
        ("Rota", ["Welfare call rota - December 2026"], ["Client", "Phone", "Day", "Volunteer", "Back-up"],
         [[shape(p, j + 7), p["phone"], rng.choice(["Mon", "Wed", "Fri"]), p["vol"]["name"],
           st["chco1"]["name"]] for j, p in enumerate(ch)])]))
    rows = []
    for vk in [k for k in st if k.startswith("vol")]:
        v = st[vk]
        ec_s, ec_f, ec_l = W.unique_name()
        ec = dict(first=ec_f, last=ec_l, name=f"{ec_f} {ec_l}", rel="volunteer's emergency contact",
                  phone=phone(rng, W.used_phones), dob=None, nhs="", keyholder=False, patient=None)
        W.related.append(ec)
        rows.append([v["name"], v["dob"].strftime("%d/%m/%Y"),
                     f"{rng.randint(1, 99)} {rng.choice(STREETS)}, {rng.choice(TOWNS)[0]}",
                     f"07700 900{rng.randint(0, 999):03d}", v["badge"], f"DBS{rng.randint(10**9, 10**10)}",
                     f"{ec['name']} ({rng.choice(['partner', 'mother', 'husband', 'friend'])}) {ec['phone']}",
                     len([p for p in ch if p["vol"] is v])])
    w.raw("HomewardFriends/Admin/volunteer_roster.xlsx", xlsx_bytes([
        ("Volunteers", [], ["Volunteer", "DOB", "Home address", "Mobile", "Badge", "DBS cert", "Emergency contact", "Clients"], rows)]))

    # ---------------- cross-org: minutes, incident reports, chat export, e-mails
    attendees = [st["cons0"], st["vwn0"], st["vwco0"], st["hcadm0"], st["pcnco"], st["chco0"], W.S("hcn")]
    sel = rng.sample(P, min(len(P), 8))
    out = ["# Virtual Ward partners meeting - 19 November 2026", "",
           "Attendees: " + "; ".join(f"{a['name']} ({a['role']})" for a in attendees),
           f"Apologies: {st['gp1']['name']}, {st['chco1']['name']}", "", "## Patients discussed", ""]
    for j, p in enumerate(sel):
        out.append(f"- {shape(p, j)} ({age(p['dob'])}) - " + rng.choice(
            ["homecare and VW visits clash on Tuesdays, coordinators to align.",
             "charity to settle in after step-down, volunteer allocated.",
             "missed deliveries x2; driver to phone ahead.", "needs bloods before VW discharge - PCN round."]))
    out += ["", "## AOB", f"- Hub office keypad changed to {rng.randint(1000, 9999)}#.",
            f"- Brightcourse depot moving; new depot door {rng.randint(1000, 9999)}.",
            "- Reminder: key safe codes must not go in e-mail subject lines.", "",
            f"Minutes: {st['vwco1']['name']}"]
    w.text("Shared/Minutes/partners_meeting_2026-11-19.md", "\n".join(out) + "\n")

    acc_people = [p for p in P if p["access"]]
    inc_sel = rng.sample(acc_people, min(2, len(acc_people)))
    for k, p in enumerate(inc_sel):
        other = rng.choice([q for q in P if q is not p])
        rep = W.S("drv") if k == 0 else W.S("vwn")
        lines = [f"INCIDENT REPORT IR-2026-{rng.randint(1000, 9999)}", f"Reported by: {rep['name']} ({rep['role']})",
                 f"Date: {(TODAY - dt.timedelta(days=3 + k)).strftime('%d/%m/%Y')}", "",
                 "What happened:",
                 (f"Delivery paperwork for {p['first']} {p['last']} (DOB {fmt_dob(p['dob'], k)}) was handed to "
                  f"{other['title']} {other['last']} at {other['addr']} by mistake. The paperwork showed the "
                  f"access note: \"{p['access_lines'][0]}\"" if k == 0 else
                  f"The home-access note for {shape(p, 1)} ({age(p['dob'])}) was read out on a call in the hub "
                  f"office with the door open: \"{' '.join(p['access_lines'])}\""),
                 "", "Immediate action: " + ("patient informed; code changed by family." if "code" in p["access"]
                                             else "patient informed."),
                 f"Manager reviewing: {st['hcadm1']['name'] if k == 0 else st['vwn0']['name']}"]
        written_access.add(p["id"])
        if k == 0:
            w.raw(f"Shared/Incidents/incident_{k + 1}.docx", docx_bytes(lines))
        else:
            w.text(f"Shared/Incidents/incident_{k + 1}.txt", "\n".join(lines) + "\n")
    lines = [f"INCIDENT REPORT IR-2026-{rng.randint(1000, 9999)} (near miss)",
             f"Reported by: {st['vac0']['name']}",
             f"Vaccine fridge at the PCN hub found at 9C. Batch FL{rng.randint(2600, 2699)}-A{rng.randint(10, 99)} quarantined. "
             f"Fridge keypad code {rng.randint(1000, 9999)} changed. No patient harm; "
             f"{', '.join(shape(q, 0) for q in pcn[:3])} to be revisited."]
    w.text("Shared/Incidents/incident_3_vaccine_fridge.txt", "\n".join(lines) + "\n")

    # chat export
    chat = ["[Microsoft Teams export - channel: VW hub handover - 24/11/2026]", ""]
    people = [W.S("vwn"), W.S("vwn"), st["vwco0"], W.S("hcn"), W.S("drv")]
    for j, p in enumerate(rng.sample(P, min(len(P), 14))):
        a = people[j % len(people)]
        msg = rng.choice([f"anyone seen {shape(p, j)}'s uploads today? nothing since 7",
                          f"{p['first']} {p['last'][0]}. on {p['addr']} asking when her delivery is",
                          f"can someone ring {p['nok']['rel']} of {shape(p, j + 1)} on {p['nok']['phone']}",
                          f"{shape(p, j)} dob {fmt_dob(p['dob'], j)} - bloods back, K 5.9, reg aware"])
        chat.append(f"[{9 + j // 3:02d}:{(j * 7) % 60:02d}] {a['name']}: {msg}")
        if p["access"] and rng.random() < 0.35:
            chat.append(f"[{9 + j // 3:02d}:{(j * 7 + 2) % 60:02d}] {people[(j + 1) % 5]['name']}: "
                        f"for {p['first']}: {p['access_lines'][0]}")
            written_access.add(p["id"])
        elif rng.random() < 0.2:
            chat.append(f"[{9 + j // 3:02d}:{(j * 7 + 2) % 60:02d}] {people[(j + 2) % 5]['name']}: {near_misses(rng)}")
    w.text("Shared/Chat/teams_vw_hub_handover_2026-11-24.txt", "\n".join(chat) + "\n")

    # e-mails with attachments
    when0 = dt.datetime(2026, 11, 20, 9, 12, tzinfo=dt.timezone.utc)
    # 1 VW -> homecare, attach csv of shared patients
    shared = [p for p in hc if "vw" in p["svc"]] or hc[:3]
    att = csv_bytes(["Name", "DOB", "NHS", "VW nurse", "Homecare nurse"],
                    [[f"{p['first']} {p['last']}", p["dob"].strftime("%d/%m/%Y"), p["nhs"],
                      p.get("vwnurse", st["vwn0"])["name"], p["hcnurse"]["name"]] for p in shared])
    w.raw("Shared/Email/shared_patients_vw_brightcourse.eml", eml_bytes(
        st["vwco0"], [st["hcadm0"], st["hcadm1"]], [st["vwn0"], st["hcph0"]],
        "Shared patients - VW and Brightcourse", "Hi both,\n\nList of our shared patients attached so visits "
        "do not clash.\n\nThanks\n" + st["vwco0"]["first"], when0, [("shared_patients.csv", att, "text/csv")], "m1"))
    # 2 charity referral with docx form
    for k, p in enumerate([q for q in ch if "vw" in q["svc"]][:4]):
        frm = p.get("vwnurse") or W.S("vwn")
        form = ["Homeward Friends referral form", f"Client: {shape(p, k + 1)}", f"DOB: {fmt_dob(p['dob'], k + 2)}",
                f"Address: {home(p)}", f"Phone: {p['phone']}", f"Next of kin: {p['nok']['name']} ({p['nok']['rel']}) {p['nok']['phone']}",
                f"Needs: shopping, settling in, welfare calls. Referrer: {frm['name']}"]
        if p["access"] and rng.random() < 0.5:
            form.append("Access: " + " ".join(p["access_lines"]))
            written_access.add(p["id"])
        body = (f"Dear {st['chco0']['first']},\n\nPlease see attached referral for {p['title']} {p['last']}, "
                f"going home from the virtual ward on Friday.\n\nKind regards\n{frm['name']}\nVirtual Ward nurse")
        w.raw(f"Shared/Email/referral_{p['case']}.eml", eml_bytes(
            frm, [st["chco0"]], [st["chadm"]], f"Referral - {p['case']}", body,
            when0 + dt.timedelta(hours=5 + k), [("referral.docx", docx_bytes(form),
                                                  "application/vnd.openxmlformats-officedocument.wordprocessingml.document")],
            f"m2-{k}"))
    # 3 PCN -> VW with PDF round summary
    grp = pcn[:8]
    pdfl = ["PCN housebound round summary - week 47", ""] + [
        f"{shape(p, i)}  {fmt_dob(p['dob'], i + 1)}  {p['postcode']}  bloods: {rng.choice(['done', 'due', 'failed'])}"
        for i, p in enumerate(grp)] + ["", f"Phlebotomist: {st['phl0']['name']}; vaccinators {st['vac0']['name']}, {st['vac1']['name']}"]
    w.raw("Shared/Email/pcn_round_summary_wk47.eml", eml_bytes(
        st["pcnco"], [st["vwco1"]], [st["gp0"], st["phl0"]], "Housebound round summary wk47",
        "Summary attached. Two patients were not home, see list.\n\n" + st["pcnco"]["name"],
        when0 + dt.timedelta(days=2), [("round_summary_wk47.pdf", pdf_bytes(pdfl), "application/pdf")], "m3"))
    # 4 homecare driver -> office about access (plain body)
    ap = [p for p in hc if p["access"]]
    if ap:
        p = ap[0]
        body = (f"Hi {st['hcadm0']['first']},\n\n{p['title']} {p['first']} {p['last']} was out again today. "
                f"For the record the family say: {p['access_lines'][0]}\nCan you add it to the run sheet?\n\n"
                f"{p['driver']['first']}\nSent from my phone")
        written_access.add(p["id"])
    else:
        p = hc[0] if hc else P[0]
        body = f"Hi,\n\n{p['first']} {p['last']} was out again today. Carded.\n\nDriver"
    w.raw("Shared/Email/driver_missed_delivery.eml", eml_bytes(
        p.get("driver", st["drv0"]), [st["hcadm0"]], [], "missed delivery", body, when0 + dt.timedelta(days=3), (), "m4"))
    # 5 VW coordinator -> all: step-down list with xlsx attachment
    sd = rng.sample(vw, min(len(vw), 10))
    att = xlsx_bytes([("Step-down", [], ["Patient", "Age", "DOB", "Pathway", "Step-down to", "Coordinator"],
                       [[shape(p, i + 2), age(p["dob"]), fmt_dob(p["dob"], i), p["pathway"],
                         rng.choice(["PCN", "Homeward Friends", "District nurses"]), st["vwco1"]["name"]]
                        for i, p in enumerate(sd)])])
    w.raw("Shared/Email/step_down_list.eml", eml_bytes(
        st["vwco1"], [st["pcnco"], st["chco1"], st["cons2"]], [st["vwn1"], st["vwn2"]],
        "Step-down list this week", "All,\n\nStep-down list attached.\n\n" + st["vwco1"]["name"],
        when0 + dt.timedelta(days=4), [("stepdown.xlsx", att,
                                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")], "m5"))

    for j, p in enumerate(vw):
        if j % 7 != 1:
            continue
        lines = [f"Virtual ward discharge - {p['first']} {p['last']}", f"DOB {fmt_dob(p['dob'], j)}",
                 f"NHS {fmt_nhs(p['nhs'], j) or 'not known'}", f"Consultant: Dr {p['cons']['name']}",
                 "Discharged to GP care; no further monitoring."]
        w.raw(f"Shared/Email/vw_discharge_to_gp_{p['vwref']}.eml", eml_bytes(
            p["vwnurse"], [p["gp"]], [p["cons"], st["vwco0"]], f"VW discharge {p['vwref']}",
            f"Dear Dr {p['gp']['last']},\n\nPlease find attached the virtual ward discharge summary for your "
            f"patient {p['title']} {p['last']}.\n\n{p['vwnurse']['name']}\nVirtual Ward nurse",
            when0 + dt.timedelta(days=5, hours=j), [(f"discharge_{p['vwref']}.pdf", pdf_bytes(lines), "application/pdf")],
            f"m6-{j}"))

    rows = [[s_["name"], s_["role"], {"vw": "Wealdmoor VW & Hospital at Home", "hc": "Brightcourse Clinical Homecare",
                                      "pcn": "Tanhill & Ferrow PCN", "ch": "Homeward Friends"}[s_["org"]],
             s_["email"], phone(rng, W.used_phones)] for i, s_ in enumerate(st.values())]
    w.csv("Shared/Contacts/partner_staff_contacts.csv", ["Name", "Role", "Organisation", "E-mail", "Work mobile"], rows)

    # ---------------- make sure every access person has their access written (all kinds)
    for p in P:
        if p["access"] and p["id"] not in written_access:
            s = primary_access_home(p)
            lines = [f"Handover note - {shape(p, 0)} (DOB {fmt_dob(p['dob'], p['id'])})",
                     f"Service: {s.upper()}"] + p["access_lines"] + [f"Written by {W.S('vwn' if s == 'vw' else 'hcadm' if s == 'hc' else 'pcnco' if s == 'pcn' else 'chco')['name']}"]
            w.text(f"Shared/Handover/access_{p['pid']}.txt", "\n".join(lines) + "\n")
            written_access.add(p["id"])

    # ---------------- truth
    people = []
    for p in P:
        d = {"forename": p["first"], "surname": p["last"], "dob": p["dob"].strftime("%d/%m/%Y"),
             "nhs_number": p["nhs"], "keysafe_code": p.get("access_value", "") if p["access"] else "",
             "middle_names": " ".join(p["mid"]), "services": sorted(p["svc"]),
             "special_category": True}
        if p["access"]:
            d["access_kind"] = sorted(set(p["access"]))
        if p["spouse"] is not None:
            sp = P[p["spouse"]]
            d["spouse_is_patient"] = f"{sp['first']} {sp['last']}"
        people.append(d)
    staff_names = sorted(s["name"] for s in st.values())
    rel_names = sorted({r["name"] for r in W.related if not r.get("is_patient")})
    patient_names = {f"{p['first']} {p['last']}" for p in P}
    assert not (patient_names & set(staff_names)) and not (patient_names & set(rel_names))
    assert not (set(staff_names) & set(rel_names))
    return {"people": people, "staff": staff_names, "related": rel_names}, w.count


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        sys.exit(2)
    share, truth = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 120
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    os.makedirs(share, exist_ok=True)
    t, counts = build(share, n, seed)
    with open(truth, "w", encoding="utf-8") as f:
        json.dump(t, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"{len(t['people'])} people, {len(t['staff'])} staff, {len(t['related'])} related; files: "
          + ", ".join(f"{k}={v}" for k, v in sorted(counts.items())) + f" (total {sum(counts.values())})")


if __name__ == "__main__":
    main()
