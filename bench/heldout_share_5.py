#!/usr/bin/env python3
"""Held-out share 5: a community health services trust and its partners.

Usage: python heldout_share_5.py SHARE TRUTH.json [PEOPLE=120] [SEED=1]

Organisation (all invented): Wealdmoor Community Health NHS Trust (district nursing,
tissue viability, continence, podiatry, community matrons, urgent community response,
a virtual ward), sharing records with Vale Urgent Care (out-of-hours GP and NHS 111),
Beacon Telecare (alarm monitoring centre), Cedar Lane Supported Living (a few clients)
and Wealdmoor Council adult social care (integrated team social workers).

Everything is invented. Phones are 07700 900xxx / 01632 960xxx. NHS numbers are valid
mod-11 numbers with a first three digits in 401-499 or 600-708 (never 999).
Written by an author who never read phiscan's detectors, tests, bench or other
held-out generators; see README.md beside this file.
"""
import csv
import datetime as dt
import io
import json
import os
import random
import sys
import zipfile
import zlib
from email.message import EmailMessage
from email.utils import format_datetime

# --------------------------------------------------------------------------- pools
F_FORE = """Dorothy Margaret Joan Irene Edna Vera Gladys Doreen Sheila Brenda Maureen Pauline
Jean Eileen Mavis Hilda Audrey Beryl Winifred Phyllis Ivy Elsie Marjorie Barbara Patricia
Valerie Christine Rosemary Kathleen Bridget Siobhan Nora Agnes Lilian Ethel Freda Muriel
Olive Rita Sylvia Yvonne Janet Gwendolyn Enid Constance Harriet Florence Evelyn Mabel
Annie Teresa Josephine Bernadette Carol Linda Susan Gillian Wendy Jacqueline Shirley
Amrit Pushpa Kamala Nasreen Shamim Gurdeep Blessing Comfort Grazyna Halina Maria
Philomena Rhiannon Morag Isla Elspeth Theodora Zofia Lorraine Denise""".split()
M_FORE = """Harold Arthur Albert Kenneth Ronald Dennis Norman Stanley Leonard Walter Frederick
Raymond Cyril Bernard Gordon Clifford Douglas Eric Ernest Geoffrey Herbert Horace Maurice
Reginald Sidney Trevor Victor Wilfred Alan Brian Colin Derek Graham Keith Malcolm Michael
Peter Roger Terence Barry David Francis Patrick Seamus Declan Hugh Angus Hamish Dafydd
Gareth Emrys Idris Tadeusz Stanislaw Jerzy Mohammed Abdul Gurnam Harbans Rajesh Winston
Delroy Clement Ambrose Lionel Rupert Desmond Gerald Howard Neville Vernon Percy Alfred
Jack Ivor Owen Lloyd""".split()
SURN = """Bell Holroyd Ackroyd Bagshaw Cheesman Dinsdale Earnshaw Fothergill Greenhalgh
Haworth Illingworth Jessop Kershaw Lumb Midgley Nuttall Oldroyd Pickles Quarmby Ramsden
Sutcliffe Thackray Uttley Varley Wadsworth Yeadon Appleyard Binns Crowther Dyson Entwistle
Firth Gaukroger Hirst Ibbotson Jagger Kilner Lockwood Marsden Naylor Ogden Priestley Rushworth
Shackleton Tattersall Walmsley Whiteley Brearley Clegg Denby Hinchliffe Moorhouse Stansfield
Broadbent Armitage Bottomley Cawthorne Drake Eastwood Fairbank Gledhill Hebblethwaite
Ingham Jowett Kitson Ledger Mallinson Netherwood Pearson Rhodes Sugden Townend Wormald
Akhtar Begum Chaudhry Hussain Iqbal Kaur Sandhu Dhillon Gill Mistry Patel Okafor Mensah
Adeyemi Kowalski Nowak Wisniewski Campbell Fraser Murray Robertson Morgan Pritchard
Llewellyn Vaughan Griffiths Hughes Brennan Donnelly Gallagher Quinn Fitzgerald Sheridan
Whitworth Barraclough Cockcroft Dewhirst Emmott Feather Grimshaw Harrop Ineson Judson
Kenyon Leach Metcalfe Nicholson Oates Parkin Royston Schofield Tordoff Underwood Wilkinson
Ashworth Blackburn Collinson Duckworth Ellwood Farrar Garside Holdsworth Jagger Lister
Mellor Normington Pollard Redfearn Speight Thornber Wainwright Yates Buckley Crabtree
Dobson Foster Gaunt Hallas Jarvis Lord Moss Robinshaw Sykes Tomlinson Waddington""".split()
SPECIAL_SURN = ["O'Neill", "O'Brien", "O'Hara", "D'Souza", "McAllister", "MacLeod",
                "McCormack", "MacKenzie", "de Souza", "Van der Berg", "O'Rourke", "McGinley"]
STAFF_FORE_F = """Kemi Joanne Priya Rachel Sophie Hannah Leanne Chloe Gemma Aisha Tendai Megan
Lauren Bethany Niamh Zara Ruth Alison Claire Fiona Harpreet Ngozi Danielle Jodie
Katrina Stacey Yasmin Abigail Charlotte Emma""".split()
STAFF_FORE_M = """Tom Daniel Samir Liam Oliver Kwame Ravi Marcus Jamie Ben Ciaran Stuart Imran
Adam Nathan Callum Joel Matthew""".split()
STAFF_SURN = """Adebayo Thornton Raman Okonkwo Whitfield Chambers Bishop Greaves Lindqvist
Farooq Moyo Haldane Pemberton Rosario Kaczmarek Oyelaran Templeton Ashby Cartwright
Devereux Hollins Kapoor Mwangi Ferreira Nakamura Rutherford Sowerby Tennant Venkatesh
Winterbottom Beaumont Calloway Drummond Everett Fairclough Gillespie Hargreaves Iwu
Jeffries Kirkpatrick Lancaster Macready Northcott Osei Prendergast Quayle Radcliffe
Stainthorpe Trelawney Ventris Wetherall Yardley Zelenko""".split()

STREETS = """Mill Lane|Chapel Street|Moor Road|Church Bank|Station Road|Back Lane|Hollins Lane|
Clough Road|Oak Avenue|Beech Grove|Ing Head|Town Gate|Providence Street|Albert Road|
Victoria Terrace|Booth Street|Heath Road|Fold Court|Sunnybank|Spring Gardens|Birch Close|
Croft Street|Lidget Lane|Shaw Lane|Wharf Street|Kirk Lane|Dale View|Woodland Rise|
Park Terrace|Queens Road""".replace("\n", "").split("|")
TOWNS = [("Harrowfield", "HF"), ("Wealdmoor Bridge", "WM"), ("Copley Vale", "CV"),
         ("Sowden", "HF"), ("Luddenholme", "WM"), ("Ripponden Edge", "CV")]

CONDITIONS = ["venous leg ulcer (left)", "venous leg ulcers both legs", "category 3 pressure ulcer sacrum",
              "category 2 pressure ulcer left heel", "type 2 diabetes, insulin twice daily",
              "long-term urethral catheter", "suprapubic catheter", "COPD with home oxygen",
              "heart failure (NYHA III)", "Alzheimer's dementia", "vascular dementia",
              "Parkinson's disease", "post-op wound after hip fracture", "diabetic foot ulcer right hallux",
              "lymphoedema both legs", "stoma care (colostomy)", "end-of-life care, metastatic bowel cancer",
              "frailty, recurrent falls", "urinary incontinence, pad assessment", "faecal incontinence",
              "atrial fibrillation on apixaban", "chronic kidney disease stage 4", "B12 injections",
              "PEG feeding", "moisture-associated skin damage"]
SL_CONDITIONS = ["learning disability and epilepsy", "autism and anxiety", "Down's syndrome, hypothyroidism",
                 "learning disability, type 1 diabetes", "cerebral palsy, PEG fed"]
REL_WORDS = ["daughter", "son", "niece", "nephew", "granddaughter", "grandson", "sister", "brother",
             "daughter-in-law", "son-in-law", "friend"]
HIDING = ["under the blue plant pot by the back door", "in the meter cupboard on the left of the front door",
          "under the stone frog by the side gate", "on a hook inside the coal shed",
          "under the mat at the back door", "in the small grey lockbox behind the bins",
          "taped under the garden bench", "behind the loose brick left of the porch"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

ORG = "Wealdmoor Community Health NHS Trust"
OOH = "Vale Urgent Care (GP Out of Hours and NHS 111)"
TELE = "Beacon Telecare Monitoring Centre"
SL = "Cedar Lane Supported Living"
COUNCIL = "Wealdmoor Council Adult Social Care"


# --------------------------------------------------------------------------- helpers
def nhs_number(rng, used):
    while True:
        if rng.random() < 0.6:
            first = rng.randint(401, 499)
        else:
            first = rng.randint(600, 708)
        digits = [int(c) for c in f"{first:03d}"] + [rng.randint(0, 9) for _ in range(6)]
        total = sum(d * (10 - i) for i, d in enumerate(digits))
        check = 11 - total % 11
        if check == 11:
            check = 0
        if check == 10:
            continue
        s = "".join(map(str, digits)) + str(check)
        if s not in used:
            used.add(s)
            return s


def fmt_nhs(s, style):
    if style == 0:
        return f"{s[:3]} {s[3:6]} {s[6:]}"
    if style == 1:
        return s
    return f"{s[:3]}-{s[3:6]}-{s[6:]}"


def ordinal(n):
    if 10 <= n % 100 <= 20:
        suf = "th"
    else:
        suf = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


def fmt_dob(d, style):
    if style == "slash":
        return d.strftime("%d/%m/%Y")
    if style == "dot":
        return f"{d.day}.{d.month}.{d.year}"
    if style == "iso":
        return d.isoformat()
    if style == "long":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "mon":
        return f"{d.day:02d}-{MONTHS[d.month - 1][:3]}-{d.year}"
    if style == "ord":
        return f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}"
    if style == "nozero":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "yy":  # only used for years 1931+
        return d.strftime("%d/%m/%y")
    if style == "hl7":
        return d.strftime("%Y%m%d")
    raise ValueError(style)


TEXT_DOB_STYLES = ["slash", "slash", "dot", "iso", "long", "mon", "ord", "nozero"]


def age_on(d, ref):
    return ref.year - d.year - ((ref.month, ref.day) < (d.month, d.day))


class Namer:
    """Unique full names across subjects, staff and related people."""

    def __init__(self, rng):
        self.rng = rng
        self.used = set()

    def take(self, fore, sur):
        key = (fore.lower(), sur.lower())
        if key in self.used:
            return False
        self.used.add(key)
        return True


# --------------------------------------------------------------------------- model
def build_staff(rng, namer):
    spec = [
        ("DN", "District Nurse (Band 6)", 5), ("SN", "Staff Nurse (Band 5)", 4),
        ("HCA", "Healthcare Assistant", 3), ("CM", "Community Matron", 2),
        ("TVN", "Tissue Viability Nurse Specialist", 2), ("CONT", "Continence Nurse Advisor", 2),
        ("POD", "Podiatrist", 3), ("UCRP", "UCR Physiotherapist", 1), ("UCROT", "UCR Occupational Therapist", 1),
        ("ACP", "Advanced Clinical Practitioner, UCR", 2), ("VWC", "Consultant Geriatrician, Virtual Ward", 1),
        ("SPA", "Single Point of Access Coordinator", 2), ("ADMIN", "Team Administrator", 1),
        ("OOHGP", "Out-of-Hours GP", 3), ("HA111", "NHS 111 Health Advisor", 2),
        ("TELOP", "Telecare Operator", 3), ("SW", "Social Worker", 2), ("SLW", "Support Worker", 3),
        ("SLM", "Service Manager, Cedar Lane", 1), ("GP", "GP", 6),
    ]
    staff = []
    for code, role, count in spec:
        for _ in range(count):
            while True:
                female = rng.random() < 0.7
                fore = rng.choice(STAFF_FORE_F if female else STAFF_FORE_M)
                sur = rng.choice(STAFF_SURN)
                if namer.take(fore, sur):
                    break
            doctor = code in ("OOHGP", "GP", "VWC")
            s = dict(forename=fore, surname=sur, full=f"{fore} {sur}", code=code, role=role,
                     title="Dr" if doctor else rng.choice(["Ms", "Mrs", "Miss"]) if female else "Mr",
                     female=female, bleep=str(rng.randint(2000, 2999)), ext=str(rng.randint(4000, 4999)))
            dom = {"OOHGP": "valeurgentcare.nhs.uk", "HA111": "valeurgentcare.nhs.uk",
                   "TELOP": "beacontelecare.org.uk", "SW": "wealdmoor.gov.uk", "SLW": "cedarlane-sl.org.uk",
                   "SLM": "cedarlane-sl.org.uk"}.get(code, "nhs.net")
            s["email"] = f"{fore.lower()}.{sur.lower()}{rng.randint(1, 9) if dom == 'nhs.net' else ''}@{dom}"
            staff.append(s)
    gps = [s for s in staff if s["code"] == "GP"]
    practices = ["Calder Street Surgery", "Moorside Medical Practice", "Harrowfield Health Centre"]
    for i, g in enumerate(gps):
        g["practice"] = practices[i % 3]
    return staff


def by_code(staff, *codes):
    return [s for s in staff if s["code"] in codes]


def make_related(rng, namer, patient_sur, rel, ref, own_dob_p):
    for _ in range(200):
        female = rel in ("daughter", "niece", "granddaughter", "sister", "daughter-in-law", "wife") or (
            rel in ("friend", "neighbour") and rng.random() < 0.5)
        fore = rng.choice(F_FORE if female else M_FORE) if rng.random() < 0.3 else rng.choice(
            STAFF_FORE_F if female else STAFF_FORE_M)
        if rel in ("son", "daughter", "granddaughter", "grandson", "brother", "husband", "wife") or (
                rel in ("sister", "nephew", "niece") and rng.random() < 0.4):
            sur = patient_sur if rng.random() < 0.75 else rng.choice(SURN)
        else:
            sur = rng.choice(SURN)
        if namer.take(fore, sur):
            break
    dob = None
    if rng.random() < own_dob_p:
        if rel in ("granddaughter", "grandson"):
            y = rng.randint(1985, 2000)
        elif rel in ("son", "daughter", "son-in-law", "daughter-in-law", "niece", "nephew"):
            y = rng.randint(1952, 1975)
        else:
            y = rng.randint(1936, 1960)
        dob = dt.date(y, rng.randint(1, 12), rng.randint(1, 28))
    return dict(forename=fore, surname=sur, full=f"{fore} {sur}", rel=rel, dob=dob,
                phone=f"07700 900{rng.randint(0, 999):03d}", female=female)


def build_people(rng, n, staff, namer):
    ref = dt.date(2026, 11, 20)
    used_nhs = set()
    people = []
    n_sl = max(2, n // 20)
    n_couples = max(2, n // 14)
    gps = by_code(staff, "GP")
    i = 0
    while len(people) < n:
        sl = len(people) < n_sl
        female = rng.random() < 0.58
        for _ in range(500):
            fore = rng.choice(F_FORE if female else M_FORE)
            r = rng.random()
            if r < 0.08:
                sur = rng.choice(SPECIAL_SURN)
            elif r < 0.15:
                sur = f"{rng.choice(SURN)}-{rng.choice(SURN)}"
            else:
                sur = rng.choice(SURN)
            if namer.take(fore, sur):
                break
        mid = ""
        if rng.random() < 0.4:
            mid = rng.choice(F_FORE if female else M_FORE)
            if mid == fore:
                mid = ""
        if sl:
            dob = dt.date(rng.randint(1968, 1999), rng.randint(1, 12), rng.randint(1, 28))
        else:
            dob = dt.date(rng.randint(1928, 1958), rng.randint(1, 12), rng.randint(1, 28))
        title = "Mr" if not female else rng.choice(["Mrs", "Mrs", "Miss", "Ms"])
        town, pc_area = rng.choice(TOWNS)
        p = dict(idx=i, forename=fore, middle=mid, surname=sur, female=female, title=title, dob=dob,
                 nhs="" if rng.random() < 0.15 else nhs_number(rng, used_nhs),
                 house=str(rng.randint(1, 140)), street=rng.choice(STREETS), town=town,
                 postcode=f"{pc_area}{rng.randint(1, 9)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}",
                 phone=f"01632 960{rng.randint(0, 999):03d}", mobile=f"07700 900{rng.randint(0, 999):03d}",
                 gp=rng.choice(gps), sl=sl, partner=None, related=[], keyholder=None, access=None,
                 access_neg=None, known_as=None)
        if sl:
            p["flat"] = f"Flat {rng.randint(1, 8)}, Cedar Lane House"
            p["services"] = ["SL"] + (["DN"] if rng.random() < 0.4 else [])
            p["conditions"] = [rng.choice(SL_CONDITIONS)]
        else:
            svc = rng.sample(["DN", "DN", "DN", "TVN", "CONT", "POD", "CM", "UCR", "VW"], rng.randint(1, 3))
            p["services"] = sorted(set(svc))
            p["conditions"] = rng.sample(CONDITIONS, rng.randint(1, 3))
        p["telecare"] = (not sl) and rng.random() < 0.45
        p["ooh"] = rng.random() < 0.2
        p["sw"] = (not sl) and rng.random() < 0.2
        if rng.random() < 0.12 and fore in ("Dorothy", "Margaret", "Harold", "Frederick", "Winifred",
                                            "Kathleen", "Albert", "Patricia", "Elizabeth", "Reginald"):
            p["known_as"] = {"Dorothy": "Dot", "Margaret": "Peggy", "Harold": "Harry", "Frederick": "Fred",
                             "Winifred": "Winnie", "Kathleen": "Kath", "Albert": "Bert",
                             "Patricia": "Pat", "Reginald": "Reg"}[fore]
        people.append(p)
        i += 1
    # couples: pair non-SL people, make them share address and surname
    pool = [p for p in people if not p["sl"]]
    rng.shuffle(pool)
    couples = []
    for k in range(n_couples):
        a, b = pool[2 * k], pool[2 * k + 1]
        if a["female"] == b["female"]:
            b["female"] = not a["female"]
            # re-pick forename to fit
            for _ in range(500):
                fore = rng.choice(F_FORE if b["female"] else M_FORE)
                if namer.take(fore, a["surname"]):
                    break
            b["forename"] = fore
            b["middle"] = ""
            b["known_as"] = None
        else:
            for _ in range(500):
                if namer.take(b["forename"], a["surname"]):
                    break
                b["forename"] = rng.choice(F_FORE if b["female"] else M_FORE)
        b["surname"] = a["surname"]
        b["title"] = "Mrs" if b["female"] else "Mr"
        if a["female"]:
            a["title"] = "Mrs"
        for k2 in ("house", "street", "town", "postcode", "phone", "gp"):
            b[k2] = a[k2]
        b["dob"] = dt.date(min(1958, max(1928, a["dob"].year + rng.randint(-4, 4))), rng.randint(1, 12),
                           rng.randint(1, 28))
        a["partner"], b["partner"] = b["idx"], a["idx"]
        b["telecare"] = a["telecare"]
        if "DN" not in a["services"]:
            a["services"] = sorted(set(a["services"] + ["DN"]))
        if "DN" not in b["services"]:
            b["services"] = sorted(set(b["services"] + ["DN"]))
        couples.append((a, b))
    # relatives, key holders, access
    for p in people:
        if p["partner"] is not None and p["idx"] > p["partner"]:
            continue  # the second of a couple copies from the first below
        nrel = 1 + (rng.random() < 0.45)
        for _ in range(nrel):
            rel = rng.choice(REL_WORDS) if not p["sl"] else rng.choice(["mother", "father", "sister", "brother"])
            if rel in ("mother", "father"):
                r = make_related(rng, namer, p["surname"], "sister" if rel == "mother" else "brother", ref, 0.5)
                r["rel"] = rel
                r["female"] = rel == "mother"
            else:
                r = make_related(rng, namer, p["surname"], rel, ref, 0.3)
            p["related"].append(r)
        # a non-client spouse for some singles
        if p["partner"] is None and not p["sl"] and rng.random() < 0.2:
            r = make_related(rng, namer, p["surname"], "wife" if not p["female"] else "husband", ref, 0.5)
            if r["surname"] == p["surname"] or namer.take(r["forename"], p["surname"]):
                r["surname"] = p["surname"]
                r["full"] = f"{r['forename']} {p['surname']}"
                p["related"].insert(0, r)
        if not p["sl"]:
            x = rng.random()
            if x < 0.40:
                kind = rng.choice(["keysafe", "keysafe", "keysafe", "door", "hidden"])
                if kind == "keysafe":
                    val = str(rng.randint(1000, 9999)) if rng.random() < 0.8 else str(rng.randint(10000, 999999))
                elif kind == "door":
                    val = str(rng.randint(1000, 9999)) + rng.choice(["#", "", "*"])
                else:
                    val = rng.choice(HIDING)
                p["access"] = dict(kind=kind, value=val)
            elif x < 0.55:
                p["access_neg"] = "keyholder"
            elif x < 0.65:
                p["access_neg"] = "pending"
            elif x < 0.75:
                p["access_neg"] = "family_lets_in"
            if p["access_neg"] == "keyholder" or (p["access"] and rng.random() < 0.35):
                p["keyholder"] = make_related(rng, namer, "X", "neighbour", ref, 0.25)
                p["keyholder"]["rel"] = "neighbour"
    for a, b in couples:
        first, second = (a, b) if a["idx"] < b["idx"] else (b, a)
        second["related"] = [r for r in first["related"] if r["rel"] not in ("wife", "husband")]
        first["related"] = [r for r in first["related"] if r["rel"] not in ("wife", "husband")]
        second["related"] = first["related"]
        second["keyholder"] = first["keyholder"]
        second["access"] = first["access"]
        second["access_neg"] = first["access_neg"]
    return people, couples


# --------------------------------------------------------------------------- name shapes
def nm(p, style, rng=None):
    f, m, s, t = p["forename"], p["middle"], p["surname"], p["title"]
    if style == "full":
        return f"{f} {s}"
    if style == "title":
        return f"{t} {f} {s}"
    if style == "mid":
        return f"{f} {m} {s}" if m else f"{f} {s}"
    if style == "title_mid":
        return f"{t} {f} {m} {s}" if m else f"{t} {f} {s}"
    if style == "mid_init":
        return f"{f} {m[0]}. {s}" if m else f"{f} {s}"
    if style == "sur_comma":
        return f"{s.upper()}, {f}"
    if style == "sur_comma_mid":
        return f"{s.upper()}, {f} {m}" if m else f"{s.upper()}, {f}"
    if style == "sur_comma_title":
        return f"{s.upper()}, {f} ({t})"
    if style == "sur_mixed":
        return f"{s}, {f}"
    if style == "upper":
        return f"{f} {s}".upper()
    if style == "lower":
        return f"{f} {s}".lower()
    if style == "fore_SUR":
        return f"{f} {s.upper()}"
    if style == "known":
        return f"{f} ({p['known_as']}) {s}" if p["known_as"] else f"{f} {s}"
    if style == "title_sur":
        return f"{t} {s}"
    if style == "curly":
        return f"{f} {s}".replace("'", "\u2019")
    raise ValueError(style)


TEXT_NAME_STYLES = ["full", "title", "mid", "title_mid", "mid_init", "sur_comma", "sur_comma_mid",
                    "sur_mixed", "fore_SUR", "title", "full", "curly", "known", "upper"]


def sname(s, style):
    """Staff name shapes."""
    f, su = s["forename"], s["surname"]
    if style == "full":
        return f"{f} {su}"
    if style == "init":
        return f"{f[0]}. {su}"
    if style == "sur_comma":
        return f"{su.upper()}, {f}"
    if style == "upper":
        return f"{f} {su}".upper()
    if style == "titled":
        return f"{s['title']} {f} {su}" if s["title"] == "Dr" else f"{f} {su}"
    if style == "first":
        return f
    if style == "role":
        return f"{f} {su}, {s['role']}"
    raise ValueError(style)


def rel_desc(r, p):
    her = "her" if p["female"] else "his"
    return f"{her} {r['rel']}"


WRITTEN = set()


def access_sentence(p, rng):
    a = p["access"]
    if not a:
        return ""
    WRITTEN.add(p["idx"])
    v = a["value"]
    if a["kind"] == "keysafe":
        shown = v if rng.random() < 0.85 else "-".join(v)
        return rng.choice([
            f"Key safe to left of front door, code {shown}.",
            f"Access via key safe - code {shown}.",
            f"KS code {shown} (please re-scramble after use).",
            f"Keysafe by the porch, code is {shown}.",
            f"Access: key safe, code {shown}, key to be returned after each visit.",
        ])
    if a["kind"] == "door":
        return rng.choice([
            f"Door entry code for the block is {v}, then flat is first floor on the right.",
            f"Communal door code {v}; patient cannot get to the intercom.",
            f"Front door keypad code {v}.",
        ])
    return rng.choice([
        f"Spare key is kept {v}.",
        f"No key safe - key is left {v}.",
        f"Key hidden {v}; please put it back.",
    ])


def access_neg_sentence(p, rng):
    n = p["access_neg"]
    kh = p["keyholder"]
    if n == "keyholder" and kh:
        return rng.choice([
            f"No key safe. Key holder: {kh['full']} (neighbour, {kh['phone']}).",
            f"Neighbour {kh['full']} holds a key and will let staff in, tel {kh['phone']}.",
        ])
    if n == "pending":
        return rng.choice(["Key safe requested via Beacon, not yet fitted - code to follow.",
                           "Key safe to be fitted next week; until then ring the bell and wait."])
    if n == "family_lets_in":
        r = p["related"][0] if p["related"] else None
        who = f"{rel_desc(r, p)} {r['full']}" if r else "family"
        return f"No key safe - {who} lets staff in. Patient can answer the door slowly."
    if p["access"] and kh and rng.random() < 0.5:
        return f"Key holder also: {kh['full']} next door ({kh['phone']})."
    return ""


def near_miss(rng, staff_member=None):
    s = staff_member
    opts = [f"Bleep {s['bleep']} if any concerns." if s else "Bleep 2741 for the on-call DN.",
            f"Ring the base on ext {s['ext'] if s else '4412'}.",
            f"Dressings order no. ORD-{rng.randint(100000, 999999)} placed.",
            f"Base office door code changed to {rng.randint(1000, 9999)} (staff only).",
            f"Datix ref W{rng.randint(10000, 99999)} raised.",
            f"Pendant unit ID {rng.randint(10000, 99999)} tested OK.",
            f"Continence products order {rng.randint(1000000, 9999999)} delivered.",
            f"Waterlow score {rng.randint(10, 25)}, MUST {rng.randint(0, 3)}.",
            f"BP {rng.randint(105, 165)}/{rng.randint(60, 95)}, HR {rng.randint(55, 110)}, SpO2 {rng.randint(89, 99)}%.",
            f"Pharmacy batch {rng.randint(1000, 9999)}-{rng.randint(10, 99)} on the dressings.",
            f"Ward 3 (Sowden Community Hospital) door code {rng.randint(1000, 9999)} for step-down transfers.",
            f"Bed {rng.randint(1, 24)}, bay {rng.randint(1, 6)} held at Sowden Community Hospital.",
            f"Lockbox for controlled drugs at base: code {rng.randint(1000, 9999)}."]
    return rng.choice(opts)


# --------------------------------------------------------------------------- writers
def pdf_bytes(lines_pages, title="Document"):
    """Minimal hand-written PDF: Helvetica, WinAnsi, text operators per line."""
    def esc(t):
        b = t.encode("cp1252", "replace")
        out = bytearray()
        for c in b:
            if c in (0x28, 0x29, 0x5C):
                out += b"\\" + bytes([c])
            elif c < 32 or c > 126:
                out += f"\\{c:03o}".encode()
            else:
                out.append(c)
        return bytes(out)

    objs = []
    pages = []
    for lines in lines_pages:
        ops = [b"BT /F1 10 Tf 13 TL 50 800 Td"]
        for ln in lines:
            while len(ln) > 95:
                cut = ln.rfind(" ", 0, 95)
                cut = cut if cut > 20 else 95
                ops.append(b"(" + esc(ln[:cut]) + b") Tj T*")
                ln = ln[cut:].lstrip()
            ops.append(b"(" + esc(ln) + b") Tj T*")
        ops.append(b"ET")
        pages.append(b"\n".join(ops))
    # object numbering: 1 catalog, 2 pages, 3 font, then page/content pairs, then info
    n_pages = len(pages)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(n_pages))
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for i, content in enumerate(pages):
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>".encode())
        objs.append(f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream")
    objs.append(b"<< /Title (" + esc(title) + b") /Producer (Wealdmoor DocGen 2.1) >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for k, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{k} 0 obj\n".encode() + o + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R /Info {len(objs)} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def paginate(lines, per=55):
    return [lines[i:i + per] for i in range(0, len(lines), per)] or [[]]


def rtf_text(lines):
    def esc(t):
        o = []
        for ch in t:
            if ch in "\\{}":
                o.append("\\" + ch)
            elif ord(ch) > 127:
                o.append(f"\\u{ord(ch) if ord(ch) < 32768 else ord(ch) - 65536}?")
            else:
                o.append(ch)
        return "".join(o)
    body = []
    for ln in lines:
        if ln.startswith("**") and ln.endswith("**"):
            body.append("{\\b " + esc(ln.strip("*")) + "}\\par")
        else:
            body.append(esc(ln) + "\\par")
    return ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\n"
            "\\viewkind4\\uc1\\pard\\f0\\fs22\n" + "\n".join(body) + "\n}\n")


def fixed_zip(data):
    """Rewrite an OOXML zip with fixed timestamps so output is byte-identical per seed."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 11, 20, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, src.read(info.filename))
    return out.getvalue()


def docx_bytes(paras, table=None, header=None, footer=None, table_after=0):
    from docx import Document
    doc = Document()
    sec = doc.sections[0]
    if header:
        sec.header.paragraphs[0].text = header
    if footer:
        sec.footer.paragraphs[0].text = footer
    for k, p in enumerate(paras):
        if k == table_after and table:
            t = doc.add_table(rows=len(table), cols=len(table[0]))
            for r, row in enumerate(table):
                for c, val in enumerate(row):
                    t.cell(r, c).text = val
        if p.startswith("**") and p.endswith("**"):
            doc.add_paragraph().add_run(p.strip("*")).bold = True
        else:
            doc.add_paragraph(p)
    if table and table_after >= len(paras):
        t = doc.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, val in enumerate(row):
                t.cell(r, c).text = val
    cp = doc.core_properties
    cp.created = cp.modified = dt.datetime(2026, 11, 20, 9, 0, 0)
    cp.last_modified_by = cp.author = "Wealdmoor CHS"
    bio = io.BytesIO()
    doc.save(bio)
    return fixed_zip(bio.getvalue())


def xlsx_bytes(sheets):
    import xlsxwriter
    bio = io.BytesIO()
    wb = xlsxwriter.Workbook(bio, {"in_memory": True})
    wb.set_properties({"created": dt.datetime(2026, 11, 20, 9, 0, 0), "author": "Wealdmoor CHS"})
    bold = wb.add_format({"bold": True})
    for name, rows, title in sheets:
        ws = wb.add_worksheet(name[:31])
        r0 = 0
        if title:
            ws.write(0, 0, title, bold)
            r0 = 2
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                ws.write_string(r0 + r, c, str(v), bold if r == 0 else None)
    wb.close()
    return fixed_zip(bio.getvalue())


def csv_text(rows, crlf=False):
    bio = io.StringIO()
    w = csv.writer(bio, lineterminator="\r\n" if crlf else "\n")
    for r in rows:
        w.writerow(r)
    return bio.getvalue()


# --------------------------------------------------------------------------- share
class Share:
    def __init__(self, root, rng):
        self.root = root
        self.rng = rng
        self.count = {}

    def write(self, rel, data):
        path = os.path.join(self.root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        mode = "wb" if isinstance(data, bytes) else "w"
        with open(path, mode, **({} if mode == "wb" else {"encoding": "utf-8", "newline": ""})) as fh:
            fh.write(data)
        ext = rel.rsplit(".", 1)[-1]
        self.count[ext] = self.count.get(ext, 0) + 1


def d2(d):
    return d.strftime("%d/%m/%Y")


def visit_dates(rng, k):
    base = dt.date(2026, 10, 5)
    return sorted(base + dt.timedelta(days=rng.randint(0, 50)) for _ in range(k))


def hl7_name(p, mid=True):
    return f"{p['surname'].upper()}^{p['forename']}^{p['middle'] if mid else ''}^^{p['title']}"


def hl7_staff(s, prefix="C"):
    return f"{prefix}{zlib.crc32(s['full'].encode()) % 9000000 + 1000000}^{s['surname'].upper()}^{s['forename']}^^^{s['title']}"


def generate(root, n, seed):
    rng = random.Random(seed)
    WRITTEN.clear()
    namer = Namer(rng)
    staff = build_staff(rng, namer)
    people, couples = build_people(rng, n, staff, namer)
    sh = Share(root, rng)
    S = lambda *c: rng.choice(by_code(staff, *c))  # noqa: E731
    pby = {p["idx"]: p for p in people}

    def dob_t(p, styles=TEXT_DOB_STYLES):
        return fmt_dob(p["dob"], rng.choice(styles))

    def pname(p, styles=TEXT_NAME_STYLES):
        return nm(p, rng.choice(styles))

    def nhs_t(p):
        return fmt_nhs(p["nhs"], rng.choice([0, 0, 1, 2])) if p["nhs"] else ""

    def addr(p):
        if p["sl"]:
            return f"{p['flat']}, 14 Cedar Lane, Harrowfield {p['postcode']}"
        return f"{p['house']} {p['street']}, {p['town']} {p['postcode']}"

    hl7_id = [0]

    def msgid():
        hl7_id[0] += 1
        return f"WCHT{seed:03d}{hl7_id[0]:06d}"

    # ================================================================ FREE TEXT
    # 1. visit notes per patient (DN / TVN / continence / podiatry / community matron / SL)
    svc_staff = {"DN": ("DN", "SN", "HCA"), "TVN": ("TVN",), "CONT": ("CONT",), "POD": ("POD",),
                 "CM": ("CM",), "UCR": ("UCRP", "UCROT", "ACP"), "VW": ("CM", "ACP"), "SL": ("SLW",)}
    for p in people:
        svc = ([s for s in p["services"] if s != "VW"] or ["CM"])[0]
        if rng.random() < 0.5 and not p["sl"]:
            continue
        nvis = 1 + (rng.random() < 0.1)
        for vno, vd in enumerate(visit_dates(rng, nvis)):
            nurse = S(*svc_staff[svc])
            buddy = S("HCA", "SN") if svc == "DN" and rng.random() < 0.5 else None
            L = []
            shape = rng.randint(0, 3)
            if shape == 0:
                L += [f"{ORG} - {svc} visit record", f"Patient: {pname(p)}    DOB: {dob_t(p)}"]
                if p["nhs"]:
                    L.append(f"NHS No: {nhs_t(p)}")
                L.append(f"Address: {addr(p)}")
            elif shape == 1:
                L += [f"VISIT {vd.strftime('%d/%m/%Y')} {rng.randint(8, 17):02d}:{rng.choice(['00', '15', '30', '45'])}",
                      f"{nm(p, rng.choice(['sur_comma', 'sur_comma_mid', 'sur_comma_title']))}  ({dob_t(p)})"
                      + (f"  NHS {nhs_t(p)}" if p["nhs"] else "")]
            elif shape == 2:
                L += [f"Re: {pname(p)}, born {dob_t(p)}" + (f", NHS number {nhs_t(p)}" if p["nhs"] else ""),
                      f"Home visit, {vd.strftime('%A %d %B %Y')}"]
            else:
                L += [f"Service user: {pname(p)}", f"D.O.B. {dob_t(p)}",
                      f"Lives at {addr(p)}"]
            L.append("")
            cond = p["conditions"][0]
            her = "her" if p["female"] else "his"
            she = "She" if p["female"] else "He"
            body = [f"Seen at home for {cond}.",
                    rng.choice([f"{she} was sitting in {her} chair on arrival, bright and chatty.",
                                f"{she} reports poor sleep and pain {rng.randint(3, 8)}/10.",
                                "Found in bed, a little confused this morning.",
                                f"{she} had been up since 5am and was tired."])]
            if "ulcer" in cond or "wound" in cond:
                body.append(f"Wound measured {rng.randint(1, 6)}.{rng.randint(0, 9)} x {rng.randint(1, 5)}.{rng.randint(0, 9)} cm, "
                            f"{rng.choice(['sloughy base', 'granulating', 'moderate exudate', 'malodorous'])}. "
                            f"Redressed with {rng.choice(['Aquacel Ag', 'Inadine', 'Kerramax', 'Mepilex Border'])}.")
            if "catheter" in cond:
                body.append(f"Catheter changed, {rng.choice(['14Ch', '16Ch'])}, draining clear urine.")
            if "insulin" in cond:
                body.append(f"BM {rng.randint(4, 19)}.{rng.randint(0, 9)} pre-insulin; {rng.randint(8, 30)} units given.")
            body.append(near_miss(rng, nurse))
            if p["access"] and rng.random() < 0.7:
                body.append(access_sentence(p, rng))
            neg = access_neg_sentence(p, rng)
            if neg and rng.random() < 0.7:
                body.append(neg)
            if p["related"] and rng.random() < 0.6:
                r = p["related"][0]
                if r["dob"] and rng.random() < 0.4:
                    body.append(f"Next of kin: {r['full']} ({r['rel']}), DOB {fmt_dob(r['dob'], 'slash')}, tel {r['phone']}.")
                else:
                    body.append(rng.choice([f"{rel_desc(r, p).capitalize()} {r['full']} was present and asked for a call back on {r['phone']}.",
                                            f"Spoke to {r['full']} ({r['rel']}) re plan.",
                                            f"NOK: {r['full']}, {r['rel']}, {r['phone']}."]))
            if p["partner"] is not None:
                q = pby[p["partner"]]
                body.append(f"Lives with {'husband' if not q['female'] else 'wife'} {q['forename']}, who is also on our caseload.")
            if buddy:
                body.append(rng.choice([f"Double up with {sname(buddy, 'full')}.",
                                        f"{buddy['forename']} and I did the pressure area care together.",
                                        f"Visit with {sname(buddy, 'full')} (HCA)."]))
            body.append(f"Plan: revisit {(vd + dt.timedelta(days=rng.choice([2, 3, 7]))).strftime('%d/%m')}.")
            L += body
            L.append("")
            sig = rng.choice([f"Seen by: {sname(nurse, 'full')}, {nurse['role']}",
                              f"{sname(nurse, 'full')} {nurse['code']}",
                              f"Signed: {sname(nurse, rng.choice(['full', 'upper']))}   Date: {d2(vd)}",
                              f"Entered by {sname(nurse, 'sur_comma')} at {rng.randint(9, 18)}:{rng.randint(10, 59)}"])
            L.append(sig)
            folder = {"DN": "DistrictNursing/VisitNotes", "TVN": "TissueViability/Notes", "CONT": "Continence/Notes",
                      "POD": "Podiatry/Notes", "CM": "CommunityMatrons/Notes", "UCR": "UCR/Notes",
                      "SL": "CedarLane/DailyNotes"}[svc]
            nl = "\r\n" if svc in ("POD", "CONT") else "\n"
            sh.write(f"{folder}/{p['surname'].replace(' ', '').replace(chr(39), '')}_{p['idx']:03d}_{vd.strftime('%Y%m%d')}_{vno}.txt",
                     nl.join(L) + nl)

    # 2. daily team huddles (multi-patient)
    dn_people = [p for p in people if "DN" in p["services"] or "CM" in p["services"] or "UCR" in p["services"]]
    n_huddle = max(4, n // 12)
    for h in range(n_huddle):
        day = dt.date(2026, 10, 5) + dt.timedelta(days=h * 3)
        team = rng.sample(by_code(staff, "DN", "SN", "HCA", "CM", "SPA", "ACP"), 6)
        L = [f"{rng.choice(['Harrowfield', 'Sowden', 'Copley Vale'])} Neighbourhood Team - daily huddle {day.strftime('%A %d %B %Y')} 09:00",
             "Present: " + ", ".join(sname(s, rng.choice(["full", "full", "titled"])) for s in team[:5]),
             f"Apologies: {sname(team[5], 'full')}",
             f"Nurse in charge: {sname(team[0], 'full')} (bleep {team[0]['bleep']})", ""]
        chosen = rng.sample(dn_people, min(len(dn_people), rng.randint(5, 9)))
        for k, p in enumerate(chosen, 1):
            style = rng.choice(["sur_comma", "fore_SUR", "title", "sur_comma_title"])
            line = f"{k}. {nm(p, style)} ({dob_t(p)})"
            if p["nhs"] and rng.random() < 0.5:
                line += f" NHS {nhs_t(p)}"
            line += f" - {rng.choice(p['conditions'])}"
            L.append(line)
            act = rng.choice(team[:5])
            extra = rng.choice([f"   {act['forename']} to action.", f"   Action: {sname(act, 'full')} to visit today.",
                                f"   Escalated to {sname(S('CM'), 'full')}.", "   No change, continue plan.",
                                f"   Bay {rng.randint(1, 6)} bed {rng.randint(1, 20)} at Sowden Community Hospital - step-down expected."])
            L.append(extra)
            if p["access"] and rng.random() < 0.4:
                L.append("   " + access_sentence(p, rng))
            elif p["access_neg"] == "pending" and rng.random() < 0.5:
                L.append("   " + access_neg_sentence(p, rng))
        L += ["", f"Staffing: {rng.randint(1, 3)} vacancies covered by bank. SPA line ext {S('SPA')['ext']}.",
              f"Minute taker: {sname(S('ADMIN', 'SPA'), 'full')}"]
        sh.write(f"DistrictNursing/Huddles/huddle_{day.isoformat()}.txt", "\n".join(L) + "\n")

    # 3. virtual ward review notes
    vw = [p for p in people if "VW" in p["services"]][: max(3, n // 8)]
    cons = by_code(staff, "VWC")[0]
    for p in vw:
        vd = visit_dates(rng, 1)[0]
        rev = S("CM", "ACP")
        L = ["VIRTUAL WARD - DAILY REVIEW", f"Date: {d2(vd)}   Ward round led by {sname(cons, 'titled')}",
             f"Reviewing clinician: {sname(rev, 'full')}", "",
             f"Pt: {pname(p, ['sur_comma', 'sur_comma_mid', 'title_mid'])}",
             f"DOB {dob_t(p)} (age {age_on(p['dob'], vd)})" + (f"   NHS: {nhs_t(p)}" if p["nhs"] else "   NHS: not known"),
             f"Admitted to VW for {rng.choice(['frailty', 'heart failure', 'COPD exacerbation', 'IV antibiotics (cellulitis)'])}, day {rng.randint(1, 14)}.",
             f"NEWS2 {rng.randint(0, 7)}. Obs: BP {rng.randint(105, 165)}/{rng.randint(60, 95)}, HR {rng.randint(55, 110)}, SpO2 {rng.randint(89, 99)}%. {near_miss(rng)}",
             rng.choice(["Remote monitoring kit working.", "Pulse oximeter readings uploaded twice daily.",
                         "Missed 2 uploads overnight - telephoned, all well."])]
        if p["related"]:
            r = p["related"][-1]
            L.append(f"Discussed with {r['rel']} {r['full']} on the phone ({r['phone']}).")
        if p["access"] and rng.random() < 0.5:
            L.append(access_sentence(p, rng))
        L += ["", f"Plan: {rng.choice(['continue VW 48h', 'step down to DN caseload', 'discharge from VW tomorrow'])}.",
              f"Reviewed by {sname(cons, rng.choice(['titled', 'full']))}, consultant, and {sname(rev, 'full')}."]
        sh.write(f"VirtualWard/Reviews/VW_{p['idx']:03d}_{vd.strftime('%Y%m%d')}.txt", "\n".join(L) + "\n")

    # 4. OOH / 111 call records
    ooh = [p for p in people if p["ooh"]]
    for p in ooh:
        vd = visit_dates(rng, 1)[0]
        ha = S("HA111")
        gp = S("OOHGP")
        caller = p["related"][0] if p["related"] and rng.random() < 0.6 else None
        L = [f"{OOH} - case record", f"Case ref: VUC-{rng.randint(1000000, 9999999)}   Call received {d2(vd)} {rng.randint(18, 23)}:{rng.randint(10, 59)}",
             f"Call handler: {sname(ha, 'full')}", ""]
        if caller:
            L.append(f"Caller: {caller['full']} ({caller['rel']}) on {caller['phone']}")
        else:
            L.append("Caller: patient")
        L += [f"Patient name: {pname(p, ['upper', 'sur_comma', 'full', 'title'])}",
              f"Date of birth: {dob_t(p, ['slash', 'slash', 'long'])}",
              f"NHS number: {nhs_t(p) if p['nhs'] else 'unverified - PDS trace failed'}",
              f"Address: {addr(p)}", f"Registered GP: {sname(p['gp'], 'titled')}, {p['gp']['practice']}", "",
              f"Reason: {rng.choice(['blocked catheter', 'fall, unable to get up', 'increased breathlessness', 'chest pain', 'bleeding from leg ulcer', 'agitated and confused'])}.",
              f"Disposition: {rng.choice(['UCR 2-hour response', 'OOH home visit', 'DN urgent visit', 'ambulance Cat 3'])}."]
        if p["access"] and rng.random() < 0.6:
            L.append("Access info passed to crew: " + access_sentence(p, rng))
        L += [f"Clinical assessment by {sname(gp, 'titled')} at {rng.randint(19, 23)}:{rng.randint(10, 59)}.",
              f"Post-event message sent to {p['gp']['practice']}."]
        sh.write(f"ValeUrgentCare/CaseRecords/VUC_{vd.strftime('%Y%m%d')}_{p['idx']:03d}.txt", "\n".join(L) + "\n")

    # 5. telecare alarm call logs (multi-patient, daily)
    tele = [p for p in people if p["telecare"]]
    n_logs = max(3, n // 20)
    for k in range(n_logs):
        day = dt.date(2026, 10, 10) + dt.timedelta(days=k * 5)
        op, op2 = rng.sample(by_code(staff, "TELOP"), 2)
        L = [f"{TELE} - alarm call log {day.strftime('%d/%m/%Y')}", f"Operators on shift: {sname(op, 'full')}, {sname(op2, 'full')}", ""]
        for p in sorted(rng.sample(tele, min(len(tele), rng.randint(4, 8))), key=lambda x: rng.random()):
            t = f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
            styles = ["slash", "iso", "dot"] + (["yy"] if p["dob"].year >= 1931 else [])
            ev = rng.choice(["Pendant activation", "Fall detector", "Smoke detector", "No-response check", "Bed sensor"])
            line = f"{t} {ev} - {nm(p, rng.choice(['title', 'sur_comma', 'fore_SUR']))} (DOB {fmt_dob(p['dob'], rng.choice(styles))}), {addr(p)}"
            L.append(line)
            out = []
            if p["access"] and rng.random() < 0.6:
                out.append(access_sentence(p, rng) + " Code given to ambulance crew.")
            kh = p["keyholder"]
            if kh and rng.random() < 0.6:
                out.append(f"Responder {kh['full']} (neighbour) called on {kh['phone']}, attended.")
            elif p["related"]:
                out.append(f"Rang {p['related'][0]['rel']} {p['related'][0]['full']}, no answer.")
            out.append(f"Handled by {op['forename']}.")
            L.append("    " + " ".join(out))
        sh.write(f"BeaconTelecare/CallLogs/calllog_{day.isoformat()}.log", "\n".join(L) + "\n")

    # 6. UCR -> OOH evening handovers (multi)
    for k in range(max(3, n // 25)):
        day = dt.date(2026, 10, 7) + dt.timedelta(days=k * 6)
        frm, to = S("ACP", "UCRP"), S("OOHGP")
        L = [f"UCR evening handover to OOH - {d2(day)}", f"Handed over by: {sname(frm, 'full')}   To: {sname(to, 'titled')}",
             f"Coordinator on duty: {sname(S('SPA'), 'full')} ext {S('SPA')['ext']}", ""]
        for p in rng.sample(people, 4):
            L.append(f"* {pname(p, ['sur_comma', 'fore_SUR', 'title'])}, {dob_t(p)}" + (f", {nhs_t(p)}" if p["nhs"] and rng.random() < 0.5 else ""))
            L.append(f"  {rng.choice(p['conditions'])}; {rng.choice(['for review if deteriorates', 'DNACPR in place', 'ReSPECT form at bedside', 'needs 2nd dose IV abx at 22:00'])}.")
            if p["access"] and rng.random() < 0.5:
                L.append("  " + access_sentence(p, rng))
        sh.write(f"UCR/Handovers/ucr_ooh_handover_{day.isoformat()}.txt", "\n".join(L) + "\n")

    # 7. social work case notes
    for p in [p for p in people if p["sw"]][: max(3, n // 10)]:
        sw = S("SW")
        vd = visit_dates(rng, 1)[0]
        r = p["related"][0] if p["related"] else None
        L = [f"{COUNCIL} - case note", f"Person: {pname(p, ['full', 'title', 'mid'])} ({dob_t(p)})",
             f"Worker: {sname(sw, 'full')}  Date: {d2(vd)}", "",
             f"Joint visit with {sname(S('DN', 'CM'), 'full')} from the district nursing team.",
             f"{p['forename']} wants to stay at home. Discussed package of care (4 calls a day) and respite."]
        if r:
            if r["dob"]:
                L.append(f"Carer's assessment offered to {r['full']} ({r['rel']}), born {fmt_dob(r['dob'], 'slash')}, who is finding it hard.")
            else:
                L.append(f"{rel_desc(r, p).capitalize()}, {r['full']}, is main carer and would like a call on {r['phone']}.")
        if p["access"] and rng.random() < 0.5:
            L.append(access_sentence(p, rng))
        L.append(f"Safeguarding: no concerns. Outcome to be shared with {sname(p['gp'], 'titled')}.")
        sh.write(f"AdultSocialCare/CaseNotes/case_{p['idx']:03d}_{vd.isoformat()}.txt", "\n".join(L) + "\n")

    # ================================================================ LETTERS
    # 8. discharge-from-caseload letters to GP (docx)
    for p in rng.sample(people, max(5, n // 4)):
        nurse = S("DN", "TVN", "CONT", "POD", "CM")
        gp = p["gp"]
        ld = visit_dates(rng, 1)[0]
        table = [["Patient", pname(p, ["title_mid", "full", "sur_comma_mid"])], ["Date of birth", dob_t(p, ["slash", "long"])],
                 ["NHS number", nhs_t(p) or "Not recorded"], ["Address", addr(p)]]
        paras = [f"{ORG}", f"{nurse['role']} service, Harrowfield Health Centre, tel 01632 960{rng.randint(0, 999):03d}", d2(ld),
                 f"{sname(gp, 'titled')}", f"{gp['practice']}", "", f"Dear {gp['title']} {gp['surname']},",
                 "**Discharge from community caseload**",
                 f"{rng.choice(['I am writing to let you know that', 'Please note that'])} {nm(p, 'title_sur')} has been discharged from our caseload today. "
                 f"{'Her' if p['female'] else 'His'} {p['conditions'][0]} {rng.choice(['has healed', 'is now managed by the practice nurse', 'is stable'])}.",
                 f"Last seen {d2(ld - dt.timedelta(days=2))} by {sname(S('DN', 'SN'), 'full')}. {near_miss(rng)}",
                 ]
        if p["related"] and rng.random() < 0.5:
            r = p["related"][0]
            paras.append(f"{rel_desc(r, p).capitalize()}, {r['full']}, is aware and has our number.")
        if p["access"] and rng.random() < 0.3:
            paras.append("For information (access for any future visits): " + access_sentence(p, rng))
        paras += ["", "Yours sincerely,", "", sname(nurse, "full"), nurse["role"],
                  f"cc: {sname(S('SPA'), 'full')} (SPA); patient"]
        sh.write(f"Letters/CaseloadDischarge/discharge_{p['idx']:03d}_{ld.isoformat()}.docx",
                 docx_bytes(paras, table=table, table_after=7, header=ORG, footer="Confidential - Wealdmoor CHS"))

    # 9. referral letters (pdf)
    for p in rng.sample(people, max(5, n // 5)):
        frm = S("DN", "CM", "ACP")
        to = S("TVN", "POD", "CONT")
        ld = visit_dates(rng, 1)[0]
        L = [ORG, f"Referral to {to['role']}", "", f"To: {sname(to, 'full')}", f"From: {sname(frm, 'full')}, {frm['role']}",
             f"Date: {d2(ld)}", "", f"Re: {pname(p, ['title', 'sur_comma_title', 'title_mid'])}",
             f"DOB: {dob_t(p)}" + (f"  NHS No: {nhs_t(p)}" if p["nhs"] else ""),
             f"Address: {addr(p)}   Tel: {p['phone']}", f"GP: {sname(p['gp'], 'titled')}, {p['gp']['practice']}", "",
             f"Dear {to['forename']},", "",
             f"Please could you see this {age_on(p['dob'], ld)}-year-old {'lady' if p['female'] else 'gentleman'} with {p['conditions'][0]}. "
             f"{rng.choice(['Not healing after 6 weeks of compression.', 'Bladder diary enclosed.', 'Thick nails, unable to self-care.', 'Deteriorating despite treatment.'])}",
             near_miss(rng, frm)]
        if p["access"] and rng.random() < 0.5:
            L.append(access_sentence(p, rng))
        else:
            neg = access_neg_sentence(p, rng)
            if neg:
                L.append(neg)
        if p["partner"] is not None:
            q = pby[p["partner"]]
            L.append(f"{'Her husband' if p['female'] else 'His wife'} {nm(q, 'full')} (DOB {dob_t(q)}) is also known to us.")
        L += ["", "Many thanks,", sname(frm, "full"), frm["role"], f"Bleep {frm['bleep']}"]
        sh.write(f"Referrals/referral_{to['code']}_{p['idx']:03d}.pdf", pdf_bytes(paginate(L), "Referral"))

    # 10. care act assessments (rtf)
    for p in rng.sample([q for q in people if not q["sl"]], max(4, n // 8)):
        sw = S("SW")
        ld = visit_dates(rng, 1)[0]
        L = ["**Care Act 2014 - Needs Assessment (summary)**", f"{COUNCIL} with {ORG}", "",
             f"Name of adult: {pname(p, ['full', 'mid', 'sur_mixed'])}", f"Date of birth: {dob_t(p)}",
             f"NHS number: {nhs_t(p) or 'n/k'}", f"Address: {addr(p)}",
             f"Assessor: {sname(sw, 'full')}, Social Worker", f"Date of assessment: {d2(ld)}",
             f"Others present: {sname(S('DN', 'CM'), 'full')} (community nurse)"
             + (f"; {p['related'][0]['full']} ({p['related'][0]['rel']})" if p["related"] else ""), "",
             "**Eligible needs**",
             f"Managing and maintaining nutrition; maintaining personal hygiene; being able to make use of the home safely. Health: {', '.join(p['conditions'])}."]
        if p["related"]:
            r = p["related"][0]
            L.append(f"Carer: {r['full']} ({r['rel']})" + (f", date of birth {fmt_dob(r['dob'], 'long')}" if r["dob"] else "") + f", telephone {r['phone']}.")
        if p["partner"] is not None:
            q = pby[p["partner"]]
            L.append(f"Lives with {'husband' if not q['female'] else 'wife'} {nm(q, 'title')} ({dob_t(q)}), who has their own package; joint visits by carers.")
        if p["access"]:
            L.append("Access arrangements: " + access_sentence(p, rng))
        elif p["access_neg"]:
            L.append("Access arrangements: " + access_neg_sentence(p, rng))
        mgr = [s for s in by_code(staff, "SW") if s is not sw][0]
        L += ["", f"Signed: {sname(sw, 'full')}", f"Countersigned by: {sname(mgr, 'full')}, Team Manager"]
        sh.write(f"AdultSocialCare/Assessments/CareAct_{p['surname'].replace(' ', '')}_{p['idx']:03d}.rtf", rtf_text(L))

    # 11. letters to families (docx / pdf)
    for p in rng.sample([q for q in people if q["related"]], max(4, n // 8)):
        r = p["related"][0]
        frm = S("DN", "CM", "SLM") if not p["sl"] else S("SLM")
        ld = visit_dates(rng, 1)[0]
        paras = [ORG if not p["sl"] else SL, d2(ld), "", f"{'Mrs' if r['female'] else 'Mr'} {r['full']}",
                 f"{rng.randint(1, 90)} {rng.choice(STREETS)}, {rng.choice(TOWNS)[0]}", "",
                 f"Dear {'Mrs' if r['female'] else 'Mr'} {r['surname']},",
                 f"Re: your {'mother' if p['female'] and r['rel'] in ('son', 'daughter', 'son-in-law', 'daughter-in-law') else 'relative'}, "
                 f"{pname(p, ['title', 'title_mid', 'full'])}, date of birth {dob_t(p, ['slash', 'long', 'ord'])}",
                 f"Thank you for meeting {sname(frm, 'full')} on {d2(ld - dt.timedelta(days=3))}. "
                 f"As discussed, we will continue to visit {rng.choice(['daily', 'twice weekly', 'three times a week'])}."]
        if p["access"]:
            paras.append("To confirm the access arrangements we hold: " + access_sentence(p, rng))
        elif p["access_neg"] == "pending":
            paras.append("We have asked Beacon Telecare to fit a key safe; we will let you know once it is in.")
        if r["dob"] and rng.random() < 0.5:
            paras.append(f"We have recorded you as next of kin (your date of birth {fmt_dob(r['dob'], 'slash')}, mobile {r['phone']}).")
        paras += ["", "Kind regards,", "", sname(frm, "full"), frm["role"], f"Telephone 01632 960{rng.randint(0, 999):03d} ext {frm['ext']}"]
        if rng.random() < 0.5:
            sh.write(f"Letters/Families/letter_family_{p['idx']:03d}.docx", docx_bytes(paras, header=None))
        else:
            sh.write(f"Letters/Families/letter_family_{p['idx']:03d}.pdf", pdf_bytes(paginate(paras), "Letter"))

    # 12. OOH post-event messages (rtf)
    for p in ooh[: max(3, len(ooh) * 2 // 3)]:
        gp = S("OOHGP")
        L = ["**Post Event Message - Out of Hours**", OOH, "",
             f"To: {p['gp']['practice']} (usual GP {sname(p['gp'], 'titled')})",
             f"Patient: {nm(p, rng.choice(['sur_comma', 'upper', 'sur_comma_title']))}",
             f"DOB: {dob_t(p, ['slash', 'mon'])}    NHS: {nhs_t(p) or 'none recorded'}", f"Address: {addr(p)}",
             "", f"Consultation type: {rng.choice(['Home visit', 'Telephone', 'Treatment centre'])}",
             f"Clinician: {sname(gp, 'titled')} (Out-of-Hours GP)",
             f"History: {rng.choice(p['conditions'])}; {rng.choice(['worse since yesterday', 'new confusion', 'pain uncontrolled'])}.",
             f"Plan: {rng.choice(['DN to review in the morning', 'antibiotics started', 'UCR referral made', 'no change'])}."]
        if p["related"] and rng.random() < 0.5:
            L.append(f"Present during visit: {p['related'][0]['full']} ({p['related'][0]['rel']}).")
        L.append(f"Electronically signed by {sname(gp, 'full')}")
        sh.write(f"ValeUrgentCare/PostEvent/PEM_{p['idx']:03d}.rtf", rtf_text(L))

    # 13. telecare installation letters (pdf) - to the client
    for p in tele[: max(3, len(tele) // 3)]:
        op = S("TELOP")
        L = [TELE, "Unit 4, Calder Business Park, Harrowfield", "", nm(p, "title"), addr(p), "",
             f"Dear {nm(p, 'title_sur')},", "",
             f"Your Lifeline alarm was installed on {d2(visit_dates(rng, 1)[0])}. Client record: {nm(p, 'full')}, "
             f"date of birth {dob_t(p, ['long', 'slash'])}.",
             f"Pendant unit ID {rng.randint(10000, 99999)}; monthly test call ref {rng.randint(100, 999)}."]
        if p["access"] and p["access"]["kind"] == "keysafe":
            WRITTEN.add(p["idx"])
            L.append(f"We have recorded your key safe code ({p['access']['value']}) so that responders and the ambulance service can get in.")
        elif p["access"]:
            L.append("Access details we hold for responders: " + access_sentence(p, rng))
        if p["keyholder"]:
            L.append(f"Your nominated responder is {p['keyholder']['full']} ({p['keyholder']['phone']}).")
        L += ["", "Yours sincerely", sname(op, "full"), "Telecare Operator", "cc: Wealdmoor CHS district nursing team"]
        sh.write(f"BeaconTelecare/Letters/install_{p['idx']:03d}.pdf", pdf_bytes(paginate(L), "Installation"))

    # ================================================================ STRUCTURED
    # 14. HL7 ADT (referral registration), some batch files
    adt_people = rng.sample(people, max(5, n // 4))
    batch = []
    for k, p in enumerate(adt_people):
        ts = visit_dates(rng, 1)[0].strftime("%Y%m%d") + f"{rng.randint(8, 18):02d}{rng.randint(0, 59):02d}00"
        att = S("DN", "CM", "ACP")
        pid3 = (f"{p['nhs']}^^^NHS^NH~" if p["nhs"] else "") + f"RX{rng.randint(1000000, 9999999)}^^^WCHT^MR"
        segs = [f"MSH|^~\\&|SYSTMONE|WCHT|SPA|WCHT|{ts}||ADT^A04^ADT_A01|{msgid()}|P|2.5.1",
                f"EVN|A04|{ts}|||{hl7_staff(S('SPA'), 'U')}",
                f"PID|1||{pid3}||{hl7_name(p, rng.random() < 0.6)}||{fmt_dob(p['dob'], 'hl7')}|{'F' if p['female'] else 'M'}|||"
                f"{p['house']} {p['street']}^^{p['town']}^^{p['postcode']}^GBR||{p['phone'].replace(' ', '')}"]
        for j, r in enumerate(p["related"][:2], 1):
            nk = ["NK1", str(j), f"{r['surname'].upper()}^{r['forename']}", f"{r['rel'].upper()}^{r['rel']}^HL70063", "",
                  r["phone"].replace(" ", "")] + [""] * 11
            if r["dob"]:
                nk[16] = fmt_dob(r["dob"], "hl7")
            segs.append("|".join(nk).rstrip("|"))
        if p["keyholder"]:
            kh = p["keyholder"]
            segs.append(f"NK1|{len(p['related'][:2]) + 1}|{kh['surname'].upper()}^{kh['forename']}|NEI^Neighbour^HL70063||{kh['phone'].replace(' ', '')}|||K^Key holder^HL70131")
        segs.append(f"PV1|1|O|{rng.choice(['DNHAR', 'DNSOW', 'UCR01'])}^^^WCHT||||{hl7_staff(att)}|{hl7_staff(p['gp'], 'G')}")
        segs.append(f"ROL|1|AD|PP^Primary Care Provider^HL70443|{hl7_staff(p['gp'], 'G')}")
        segs.append(f"ROL|2|AD|CP^Consulting Provider^HL70443|{hl7_staff(S('DN', 'SN'))}")
        if p["access"] and rng.random() < 0.5:
            segs.append(f"NTE|1|L|{access_sentence(p, rng)}")
        else:
            segs.append(f"NTE|1|L|Referred for {p['conditions'][0]}. {near_miss(rng)}")
        msg = "\r".join(segs) + "\r"
        if rng.random() < 0.3:
            batch.append(msg)
        else:
            sh.write(f"Interfaces/HL7/ADT/adt_{p['idx']:03d}_{ts}.hl7", msg)
        if len(batch) >= 4 or (k == len(adt_people) - 1 and batch):
            sh.write(f"Interfaces/HL7/ADT/batch_{k:03d}.hl7", "\n".join(batch))
            batch = []

    # 15. HL7 ORU (wound / obs results from TVN and VW)
    for p in rng.sample(people, max(4, n // 8)):
        ts = visit_dates(rng, 1)[0].strftime("%Y%m%d") + "1030"
        obsr = S("TVN", "CM", "DN")
        pid3 = (f"{p['nhs']}^^^NHS^NH" if p["nhs"] else f"RX{rng.randint(1000000, 9999999)}^^^WCHT^MR")
        segs = [f"MSH|^~\\&|WOUNDAPP|WCHT|EPR|WCHT|{ts}||ORU^R01^ORU_R01|{msgid()}|P|2.5.1",
                f"PID|1||{pid3}||{hl7_name(p, False)}||{fmt_dob(p['dob'], 'hl7')}|{'F' if p['female'] else 'M'}",
                f"PV1|1|O|TVN^^^WCHT||||{hl7_staff(obsr)}",
                f"OBR|1|ORD{rng.randint(100000, 999999)}||WOUND^Wound assessment^L|||{ts}|||||||||{hl7_staff(obsr)}",
                f"OBX|1|NM|WLEN^Wound length^L||{rng.randint(1, 8)}.{rng.randint(0, 9)}|cm|||||F|||{ts}||{hl7_staff(obsr)}",
                f"OBX|2|NM|WWID^Wound width^L||{rng.randint(1, 6)}.{rng.randint(0, 9)}|cm|||||F|||{ts}||{hl7_staff(obsr)}",
                f"OBX|3|TX|WNOTE^Wound note^L||{rng.choice(['Slough 30%, granulation 70%.', 'Periwound maceration.', 'Healing well.'])} "
                f"Seen with {sname(S('HCA'), 'full')}.|||||F"]
        if p["access"] and rng.random() < 0.4:
            segs.append(f"NTE|1||{access_sentence(p, rng)}")
        sh.write(f"Interfaces/HL7/ORU/oru_{p['idx']:03d}.hl7", "\r\n".join(segs) + "\r\n")

    # 16. HL7 REF (referral to OOH / from 111)
    for p in rng.sample(people, max(3, n // 12)):
        ts = visit_dates(rng, 1)[0].strftime("%Y%m%d") + "2015"
        gp = S("OOHGP")
        pid3 = (f"{p['nhs']}^^^NHS^NH" if p["nhs"] else "")
        segs = [f"MSH|^~\\&|ADASTRA|VUC|SYSTMONE|WCHT|{ts}||REF^I12^REF_I12|{msgid()}|P|2.5.1",
                f"RF1|A^Accepted^HL70283|U^Urgent^HL70280|DN^District nursing^L||O|VUC{rng.randint(100000, 999999)}",
                f"PRD|RP^Referring Provider^HL70286|{gp['surname'].upper()}^{gp['forename']}^^^Dr|||||VUC",
                f"PRD|RT^Referred to Provider^HL70286|{S('DN')['surname'].upper()}^{S('DN')['forename']}|||||WCHT",
                f"PID|1||{pid3}||{hl7_name(p)}||{fmt_dob(p['dob'], 'hl7')}|{'F' if p['female'] else 'M'}|||{p['house']} {p['street']}^^{p['town']}^^{p['postcode']}"]
        if p["related"]:
            r = p["related"][0]
            segs.append(f"NK1|1|{r['surname'].upper()}^{r['forename']}|{r['rel'].upper()}^{r['rel']}^HL70063||{r['phone'].replace(' ', '')}")
        segs.append(f"PV1|1|E|OOH^^^VUC||||{hl7_staff(gp, 'V')}")
        segs.append(f"NTE|1||111 call: {rng.choice(p['conditions'])}. Please visit in the morning."
                    + (" " + access_sentence(p, rng) if p["access"] and rng.random() < 0.5 else ""))
        sh.write(f"Interfaces/HL7/REF/ref_{p['idx']:03d}.hl7", "\r".join(segs) + "\r")

    # 17. FHIR bundles (telecare client records, OOH encounters; some multi-patient)
    def fhir_patient(p, pid):
        res = {"resourceType": "Patient", "id": pid,
               "name": [{"use": "official", "family": p["surname"], "given": [p["forename"]] + ([p["middle"]] if p["middle"] else []),
                         "prefix": [p["title"]]}],
               "gender": "female" if p["female"] else "male", "birthDate": p["dob"].isoformat(),
               "address": [{"line": [f"{p['house']} {p['street']}"] if not p["sl"] else [p["flat"], "14 Cedar Lane"],
                            "city": p["town"], "postalCode": p["postcode"]}],
               "telecom": [{"system": "phone", "value": p["phone"]}],
               "generalPractitioner": [{"reference": "Practitioner/gp", "display": sname(p["gp"], "titled")}]}
        if p["nhs"]:
            res["identifier"] = [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": p["nhs"]}]
        return res

    def fhir_entries(p, pid, full_url_base):
        ents = [fhir_patient(p, pid)]
        for j, r in enumerate(p["related"]):
            rp = {"resourceType": "RelatedPerson", "id": f"{pid}-rp{j}", "patient": {"reference": f"Patient/{pid}"},
                  "relationship": [{"text": r["rel"]}], "name": [{"family": r["surname"], "given": [r["forename"]]}],
                  "telecom": [{"system": "phone", "value": r["phone"]}]}
            if r["dob"]:
                rp["birthDate"] = r["dob"].isoformat()
            ents.append(rp)
        if p["keyholder"]:
            kh = p["keyholder"]
            rp = {"resourceType": "RelatedPerson", "id": f"{pid}-kh", "patient": {"reference": f"Patient/{pid}"},
                  "relationship": [{"text": "neighbour - key holder / responder"}],
                  "name": [{"family": kh["surname"], "given": [kh["forename"]]}], "telecom": [{"system": "phone", "value": kh["phone"]}]}
            if kh["dob"]:
                rp["birthDate"] = kh["dob"].isoformat()
            ents.append(rp)
        if p["access"]:
            ents.append({"resourceType": "Flag", "id": f"{pid}-access", "status": "active",
                         "category": [{"text": "Access to property"}], "code": {"text": access_sentence(p, rng)},
                         "subject": {"reference": f"Patient/{pid}", "display": nm(p, "full")}})
        op = S("TELOP", "HA111", "OOHGP")
        ents.append({"resourceType": "Encounter", "id": f"{pid}-enc", "status": "finished",
                     "subject": {"reference": f"Patient/{pid}", "display": nm(p, "full")},
                     "participant": [{"individual": {"reference": f"Practitioner/{pid}-pr", "display": sname(op, "full")}}],
                     "reasonCode": [{"text": rng.choice(p["conditions"])}]})
        ents.append({"resourceType": "Practitioner", "id": f"{pid}-pr",
                     "name": [{"family": op["surname"], "given": [op["forename"]], "prefix": [op["title"]] if op["title"] == "Dr" else []}],
                     "telecom": [{"system": "email", "value": op["email"]}]})
        return [{"fullUrl": f"{full_url_base}/{e['resourceType']}/{e['id']}", "resource": e} for e in ents]

    fhir_people = rng.sample(people, max(6, n // 4))
    i = 0
    while i < len(fhir_people):
        grp = fhir_people[i:i + (1 if rng.random() < 0.75 else 3)]
        i += len(grp)
        entries = []
        for p in grp:
            entries += fhir_entries(p, f"p{p['idx']:03d}", "https://fhir.beacontelecare.example")
        bundle = {"resourceType": "Bundle", "id": f"b{seed}-{i}", "type": "collection",
                  "timestamp": "2026-11-0" + str(rng.randint(1, 9)) + "T10:00:00Z", "entry": entries}
        name = f"Interfaces/FHIR/{'client' if len(grp) == 1 else 'clients_batch'}_{i:03d}.json"
        sh.write(name, json.dumps(bundle, indent=2, ensure_ascii=False))

    # 18. CSV extracts (own column naming)
    dn = [p for p in people if "DN" in p["services"]]
    rows = [["caseload_id", "surname", "forename", "middle", "d_o_b", "nhs_no", "post_code", "allocated_to", "visit_freq", "access_notes"]]
    for p in dn:
        nurse = S("DN", "SN")
        rows.append([f"DN{p['idx']:04d}", p["surname"], p["forename"], p["middle"], fmt_dob(p["dob"], "slash"), p["nhs"],
                     p["postcode"], sname(nurse, "full"), rng.choice(["daily", "BD", "3x weekly", "weekly"]),
                     (access_sentence(p, rng) if p["access"] else (access_neg_sentence(p, rng) if p["access_neg"] else ""))])
    sh.write("DistrictNursing/Extracts/dn_caseload_extract.csv", csv_text(rows))
    pod = [p for p in people if "POD" in p["services"]] or people[:5]
    rows = [["Clinic", "Appt", "Patient Name", "Date Of Birth", "NHS", "Podiatrist", "Outcome"]]
    for p in pod:
        rows.append([rng.choice(["Sowden HC", "Copley Vale Clinic", "Domiciliary"]), f"{rng.randint(9, 16)}:{rng.choice(['00', '20', '40'])}",
                     nm(p, rng.choice(["sur_comma", "full", "sur_mixed"])), fmt_dob(p["dob"], rng.choice(["slash", "iso"])),
                     fmt_nhs(p["nhs"], 0) if p["nhs"] else "", sname(S("POD"), rng.choice(["full", "init"])), rng.choice(["Seen", "DNA", "Seen - refer TVN", "Cancelled"])])
    sh.write("Podiatry/clinic_list_november.csv", csv_text(rows, crlf=True))
    cont = [p for p in people if "CONT" in p["services"]] or people[:5]
    rows = [["order_number", "client_full_name", "client_dob", "delivery_postcode", "product", "qty", "authorised_by"]]
    for p in cont:
        rows.append([f"{rng.randint(1000000, 9999999)}", nm(p, rng.choice(["full", "title", "mid"])), fmt_dob(p["dob"], "dot"),
                     p["postcode"], rng.choice(["TENA Pants Plus M", "iD Expert Slip L", "Conveen Optima 25cm"]),
                     str(rng.randint(1, 4) * 28), sname(S("CONT"), "full")])
    sh.write("Continence/product_orders_2026-11.csv", csv_text(rows))
    rows = [["client", "client_dob", "responder_1", "responder_1_relationship", "responder_1_tel", "responder_1_dob", "keysafe", "pendant_id"]]
    for p in tele:
        r = p["keyholder"] or (p["related"][0] if p["related"] else None)
        if p["access"] and p["access"]["kind"] != "hidden":
            WRITTEN.add(p["idx"])
        ks = p["access"]["value"] if p["access"] and p["access"]["kind"] != "hidden" else (
            "see notes" if p["access"] else ("pending" if p["access_neg"] == "pending" else "none"))
        rows.append([nm(p, rng.choice(["sur_comma", "full"])), fmt_dob(p["dob"], "iso"), r["full"] if r else "", r["rel"] if r else "",
                     r["phone"] if r else "", fmt_dob(r["dob"], "slash") if r and r["dob"] else "", ks, str(rng.randint(10000, 99999))])
    sh.write("BeaconTelecare/responder_register.csv", csv_text(rows))
    ucr = [p for p in people if "UCR" in p["services"]] or people[:5]
    rows = [["Referral received", "Patient", "Born", "NHS Number", "Referrer", "Clinician attending", "2hr target met"]]
    for p in ucr:
        rows.append([f"{visit_dates(rng, 1)[0].isoformat()} {rng.randint(8, 20):02d}:{rng.randint(0, 59):02d}", nm(p, rng.choice(["full", "title", "fore_SUR"])),
                     fmt_dob(p["dob"], rng.choice(["slash", "long"])), p["nhs"], rng.choice(["NHS 111", "GP", "Ambulance", "Telecare"]),
                     sname(S("UCRP", "UCROT", "ACP"), "full"), rng.choice(["Y", "Y", "N"])])
    sh.write("UCR/ucr_activity_oct_nov.csv", csv_text(rows))

    # 18b. daily visit lists (one CSV per round per day)
    for k in range(max(3, n // 24)):
        d = dt.date(2026, 11, 2) + dt.timedelta(days=k)
        rows = [["Visit time", "Patient (Surname, Forename)", "DOB", "NHS No.", "Nurse", "Double-up", "Key safe"]]
        for p in sorted(rng.sample(dn, min(len(dn), rng.randint(6, 10))), key=lambda x: rng.random()):
            ks = ""
            if p["access"] and p["access"]["kind"] == "keysafe" and rng.random() < 0.7:
                ks = p["access"]["value"]
                WRITTEN.add(p["idx"])
            elif p["access_neg"] == "pending":
                ks = "awaiting fitting"
            rows.append([f"{rng.randint(8, 16):02d}:{rng.choice(['00', '15', '30', '45'])}", f"{p['surname']}, {p['forename']}",
                         fmt_dob(p["dob"], rng.choice(["slash", "nozero"])), fmt_nhs(p["nhs"], 1) if p["nhs"] else "",
                         sname(S("DN", "SN"), rng.choice(["full", "sur_comma"])),
                         sname(S("HCA"), "full") if rng.random() < 0.3 else "", ks])
        sh.write(f"DistrictNursing/DailyLists/visits_{d.isoformat()}_{rng.choice(['north', 'town', 'south'])}.csv", csv_text(rows, crlf=k % 2 == 0))

    # 19. XLSX workbooks
    for team in ("Harrowfield", "Sowden", "Copley Vale"):
        rows = [["Name", "D.O.B", "Wound type", "Location", "Assessed by", "Date assessed", "Photo taken"]]
        for p in rng.sample(people, 8):
            rows.append([nm(p, rng.choice(["title", "full", "upper"])), fmt_dob(p["dob"], rng.choice(["slash", "iso", "dot"])),
                         rng.choice(["Venous", "Pressure ulcer cat 2", "Pressure ulcer cat 3", "Surgical", "Diabetic foot", "Skin tear"]),
                         rng.choice(["L gaiter", "sacrum", "R heel", "L hallux", "R shin"]), sname(S("TVN", "DN"), "full"),
                         d2(visit_dates(rng, 1)[0]), rng.choice(["Y", "N"])])
        sh.write(f"TissueViability/wound_audit_{team.replace(' ', '')}_Q3.xlsx", xlsx_bytes([("Audit", rows, f"{team} team wound audit Q3 2026")]))

    sheets = []
    for svc, label in [("TVN", "Tissue viability"), ("CM", "Matrons"), ("VW", "Virtual ward")]:
        rows = [["Forename", "Surname", "DOB", "NHS Number", "GP", "Key worker", "Notes"]]
        for p in [q for q in people if svc in q["services"]]:
            rows.append([p["forename"], p["surname"], fmt_dob(p["dob"], "slash"), fmt_nhs(p["nhs"], 0) if p["nhs"] else "",
                         sname(p["gp"], "titled"), sname(S("TVN", "CM", "ACP"), "full"),
                         access_sentence(p, rng) if p["access"] and rng.random() < 0.4 else rng.choice(p["conditions"])])
        sheets.append((label, rows, f"{label} caseload - exported 20/11/2026"))
    sh.write("Reports/specialist_caseloads.xlsx", xlsx_bytes(sheets))
    rows = [["Client name", "Date of birth", "Flat", "Key worker", "Support hours", "Next of kin", "NOK phone", "NOK date of birth"]]
    for p in [q for q in people if q["sl"]]:
        r = p["related"][0] if p["related"] else None
        rows.append([nm(p, rng.choice(["full", "mid"])), fmt_dob(p["dob"], "long"), p["flat"], sname(S("SLW"), "full"),
                     str(rng.randint(20, 60)), f"{r['full']} ({r['rel']})" if r else "", r["phone"] if r else "",
                     fmt_dob(r["dob"], "slash") if r and r["dob"] else ""])
    rota = [["Date", "Shift", "Staff on shift", "Clients supported"]]
    slc = [q for q in people if q["sl"]]
    for k in range(7):
        d = dt.date(2026, 11, 2) + dt.timedelta(days=k)
        for shift in ("Early", "Late", "Sleep-in"):
            rota.append([d2(d), shift, ", ".join(sname(s, "full") for s in rng.sample(by_code(staff, "SLW", "SLM"), 2)),
                         "; ".join(q["forename"] + " " + q["surname"] for q in rng.sample(slc, min(2, len(slc))))])
    sh.write("CedarLane/tenants_and_rota.xlsx", xlsx_bytes([("Tenants", rows, "Cedar Lane House - tenant list"), ("Rota", rota, None)]))
    rows = [["Client", "DOB", "Address", "Lifeline installed", "Key safe code", "Key holder", "Key holder tel", "Monitoring operator"]]
    for p in tele:
        kh = p["keyholder"]
        code = p["access"]["value"] if p["access"] and p["access"]["kind"] in ("keysafe", "door") else ""
        if code:
            WRITTEN.add(p["idx"])
        rows.append([nm(p, rng.choice(["sur_comma", "title", "full"])), fmt_dob(p["dob"], rng.choice(["slash", "mon"])), addr(p),
                     d2(visit_dates(rng, 1)[0]), code, kh["full"] if kh else "", kh["phone"] if kh else "", sname(S("TELOP"), "full")])
    sh.write("BeaconTelecare/client_register.xlsx", xlsx_bytes([("Clients", rows, None)]))
    rows = [["Date", "Nurse", "Round", "Visit order", "Patient", "Patient DOB", "Task"]]
    for k in range(5):
        d = dt.date(2026, 11, 9) + dt.timedelta(days=k)
        for nurse in rng.sample(by_code(staff, "DN", "SN", "HCA"), 4):
            for j, p in enumerate(rng.sample(dn, min(len(dn), 4)), 1):
                rows.append([d2(d), sname(nurse, "full"), rng.choice(["North", "South", "Town"]), str(j), nm(p, "sur_mixed"),
                             fmt_dob(p["dob"], "slash"), rng.choice(["dressing", "insulin", "catheter", "PAC", "bloods"])])
    sh.write("DistrictNursing/Rota/visit_allocation_w46.xlsx", xlsx_bytes([("Allocation", rows, "District nursing allocation - week 46")]))

    # 20. e-mails between staff with attachments
    def eml(frm, to_list, cc_list, subject, body, attachments, when):
        m = EmailMessage()
        m["From"] = f"{sname(frm, 'full')} <{frm['email']}>"
        m["To"] = ", ".join(f"{sname(t, 'full')} <{t['email']}>" for t in to_list)
        if cc_list:
            m["Cc"] = ", ".join(f"{sname(t, 'full')} <{t['email']}>" for t in cc_list)
        m["Subject"] = subject
        m["Date"] = format_datetime(dt.datetime(when.year, when.month, when.day, rng.randint(8, 18), rng.randint(0, 59),
                                                tzinfo=dt.timezone.utc))
        m["Message-ID"] = f"<{rng.randint(10**9, 10**10)}@wealdmoor.example>"
        m.set_content(body)
        for fname, data, mt in attachments:
            maintype, subtype = mt.split("/")
            if isinstance(data, str):
                m.add_attachment(data, subtype=subtype, filename=fname)
            else:
                m.add_attachment(data, maintype=maintype, subtype=subtype, filename=fname)
        if m.is_multipart():
            m.set_boundary(f"===============wchs{rng.randint(10**11, 10**12)}==")
        return m.as_bytes()

    n_mail = max(6, n // 3)
    for k in range(n_mail):
        when = visit_dates(rng, 1)[0]
        frm = S("DN", "CM", "SPA", "TVN", "ACP", "SW", "TELOP", "HA111")
        to = rng.sample([s for s in staff if s is not frm], rng.randint(1, 2))
        cc = rng.sample([s for s in staff if s is not frm and s not in to], rng.randint(0, 3))
        kind = rng.randint(0, 4)
        att = []
        if kind == 0:  # about a couple
            a, b = rng.choice(couples)
            subject = f"Mr and Mrs {a['surname']} - joint visits"
            body = (f"Hi {to[0]['forename']},\n\nCould we set up joint visits for {nm(a, 'title')} ({dob_t(a)}) and "
                    f"{nm(b, 'title')} ({dob_t(b)}) at {addr(a)}?\n"
                    f"{nm(a, 'title_sur') if not a['female'] else nm(b, 'title_sur')} is getting more breathless and "
                    f"{'his' if not a['female'] else 'her'} wife is struggling.\n"
                    + (access_sentence(a, rng) + " (same for both of them)\n" if a["access"] else "")
                    + ("" if not a["access"] or WRITTEN.add(b["idx"]) else "")
                    + f"\nThanks,\n{frm['forename']}\n{sname(frm, 'full')}\n{frm['role']}\n")
        elif kind == 1:  # list of several patients + csv attachment
            ppl = rng.sample(people, 4)
            subject = "Patients to add to tomorrow's list"
            lines = []
            for p in ppl:
                lines.append(f"- {pname(p, ['sur_comma', 'full', 'title'])}, DOB {dob_t(p)}" + (f", NHS {nhs_t(p)}" if p["nhs"] else "")
                             + f": {rng.choice(p['conditions'])}")
            body = "Morning all,\n\nPlease add:\n" + "\n".join(lines) + f"\n\nList attached too.\n\nKind regards\n{sname(frm, 'full')}\n{frm['role']} | ext {frm['ext']}\n"
            att.append(("add_to_list.csv", csv_text([["name", "dob", "nhs"]] + [[nm(p, "full"), fmt_dob(p["dob"], "slash"), p["nhs"]] for p in ppl]), "text/csv"))
        elif kind == 2:  # one patient, letter attached
            p = rng.choice(people)
            subject = f"Re: {nm(p, rng.choice(['title', 'sur_comma']))} - referral"
            body = (f"Dear {to[0]['forename']},\n\nPlease see attached referral for {pname(p)} (born {dob_t(p)}).\n"
                    f"{near_miss(rng, frm)}\n"
                    + (f"{p['related'][0]['full']} ({p['related'][0]['rel']}) is the best contact on {p['related'][0]['phone']}.\n" if p["related"] else "")
                    + f"\nBest wishes,\n{sname(frm, 'full')}\n")
            paras = [ORG, f"Referral: {nm(p, 'title_mid')}", f"Date of birth: {fmt_dob(p['dob'], 'long')}",
                     f"NHS number: {fmt_nhs(p['nhs'], 0) if p['nhs'] else 'not known'}", f"Reason: {', '.join(p['conditions'])}",
                     access_sentence(p, rng) if p["access"] else "", "", f"Referrer: {sname(frm, 'full')}"]
            att.append((f"referral_{p['surname'].replace(' ', '')}.docx", docx_bytes(paras),
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
        elif kind == 3:  # telecare escalation with note attached
            p = rng.choice(tele or people)
            subject = f"Alarm call overnight - {nm(p, 'sur_comma')}"
            body = (f"Hello,\n\n{nm(p, rng.choice(['full', 'title']))}, {dob_t(p)}, pressed the pendant at 03:10. "
                    f"Found on floor by responder.\n"
                    + (f"{access_sentence(p, rng)}\n" if p["access"] else (access_neg_sentence(p, rng) + "\n" if p["access_neg"] else ""))
                    + f"Can a DN check pressure areas today?\n\nRegards\n{sname(frm, 'full')}\n{frm['role']}\n")
            att.append(("call_note.txt", f"Call note: {nm(p, 'upper')} DOB {fmt_dob(p['dob'], 'slash')}\nOperator {sname(frm, 'full')}\nOutcome: no injury.\n", "text/plain"))
        else:  # SPA triage, mixed
            p = rng.choice(people)
            subject = f"SPA triage {d2(when)}"
            body = (f"Team,\n\nNew referral: {nm(p, 'fore_SUR')}\nD.O.B.: {dob_t(p)}\nNHS: {nhs_t(p) or 'TBC'}\n"
                    f"Address: {addr(p)}\nReason: {p['conditions'][0]}\n"
                    f"Referrer: {sname(p['gp'], 'titled')}\n"
                    + (f"Next of kin: {p['related'][0]['full']} ({p['related'][0]['rel']})"
                       + (f", DOB {fmt_dob(p['related'][0]['dob'], 'slash')}" if p['related'][0]['dob'] else "") + "\n" if p["related"] else "")
                    + f"\nAllocated to {sname(to[0], 'full')}.\n\n{sname(frm, 'full')}\nSingle Point of Access\n")
        sh.write(f"Mail/{when.isoformat()}_{k:03d}.eml", eml(frm, to, cc, subject, body, att, when))

    # 21. the team's key-safe list (home access for anyone not yet written, plus some others)
    keyed = [p for p in people if p["access"] and (p["idx"] not in WRITTEN or rng.random() < 0.3)]
    L = ["KEY SAFE / ACCESS LIST - North & Town rounds - DO NOT SHARE OUTSIDE TEAM",
         f"Updated {d2(dt.date(2026, 11, 16))} by {sname(S('ADMIN', 'SPA'), 'full')}", ""]
    for p in keyed:
        WRITTEN.add(p["idx"])
        a = p["access"]
        how = {"keysafe": f"key safe {a['value']}", "door": f"door code {a['value']}", "hidden": f"key {a['value']}"}[a["kind"]]
        who = nm(p, rng.choice(["title", "sur_comma", "full"]))
        if rng.random() < 0.5:
            who += f" ({dob_t(p)})"
        L.append(f"{who}, {p['house']} {p['street']}, {p['postcode']} - {how}")
    bh = S("DN")
    L += ["", f"Office door code (base) {rng.randint(1000, 9999)}; bleep holder today {sname(bh, 'full')} {bh['bleep']}"]
    sh.write("DistrictNursing/keysafe_list_north_town.txt", "\n".join(L) + "\n")
    return people, staff, couples, sh


def ensure_two_mentions(root, people, rng):
    """Every person appears with full name + DOB at least in a roster file."""
    rows = [["Surname", "Forename(s)", "Date of birth", "NHS number", "Services"]]
    for p in people:
        rows.append([p["surname"], (p["forename"] + (" " + p["middle"] if p["middle"] else "")),
                     fmt_dob(p["dob"], "slash"), p["nhs"], "/".join(p["services"])])
    return rows


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        sys.exit(2)
    root, truth_path = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 120
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    os.makedirs(root, exist_ok=True)
    people, staff, couples, sh = generate(root, n, seed)
    rng = random.Random(seed * 7919 + 1)
    # master caseload roster (XLSX) listing everyone: split name columns
    sh.write("Reports/trust_caseload_master.xlsx",
             xlsx_bytes([("All open", ensure_two_mentions(root, people, rng), "All open referrals - Wealdmoor CHS")]))
    truth = {"people": [], "staff": [], "related": []}
    for p in people:
        a = p["access"]
        truth["people"].append({
            "forename": p["forename"], "surname": p["surname"], "dob": p["dob"].strftime("%d/%m/%Y"),
            "nhs_number": p["nhs"], "keysafe_code": (a["value"] if a else ""),
            "middle_names": p["middle"], "special_category": True,
            "home_access_kind": (a["kind"] if a else ""), "services": p["services"],
            "couple_with": (f"{people[p['partner']]['forename']} {people[p['partner']]['surname']}" if p["partner"] is not None else ""),
        })
    truth["staff"] = [s["full"] for s in staff]
    rel = []
    seen = set()
    for p in people:
        for r in p["related"] + ([p["keyholder"]] if p["keyholder"] else []):
            if r["full"] not in seen:
                seen.add(r["full"])
                rel.append(r["full"])
    truth["related"] = rel
    with open(truth_path, "w", encoding="utf-8") as fh:
        json.dump(truth, fh, indent=1, ensure_ascii=False)
    tot = sum(sh.count.values())
    print(f"wrote {tot} files to {root}: " + ", ".join(f"{k} {v}" for k, v in sorted(sh.count.items())))
    print(f"truth: {len(truth['people'])} people, {sum(1 for x in truth['people'] if x['keysafe_code'])} with home access, "
          f"{len(truth['staff'])} staff, {len(truth['related'])} related")


if __name__ == "__main__":
    main()
