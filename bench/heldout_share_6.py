#!/usr/bin/env python3
"""Held-out share 6: a regional ambulance service sharing with a local authority and a
care home group.  Written blind to phiscan's internals (see README.md beside this file).

usage: python heldout_share_6.py SHARE TRUTH.json [PEOPLE=120] [SEED=1]

Everything is invented.  The truth file is built from a ledger filled in while the files are
written, so it says only what the share really holds:
  - nhs_number is '' unless the number was written somewhere in the share;
  - keysafe_code / access_kind list only the home-access kinds actually written;
  - every patient is written at least once with full name and full date of birth in one record
    (checked at the end: anyone the pathways left without it goes into a data-quality list,
    shared/data_quality/unmatched_records.csv, and the script then asserts that nobody is missing).
"""
import datetime as dt
import json
import os
import random
import sys
from email.message import EmailMessage
from email.utils import format_datetime

import docx
import openpyxl
from docx.shared import Pt

# --------------------------------------------------------------------------- arguments
if len(sys.argv) < 3:
    sys.exit(__doc__)
SHARE = sys.argv[1]
TRUTH = sys.argv[2]
N = int(sys.argv[3]) if len(sys.argv) > 3 else 120
SEED = int(sys.argv[4]) if len(sys.argv) > 4 else 1
R = random.Random(SEED * 7919 + 6)
os.makedirs(SHARE, exist_ok=True)

AMB = "Kestrel Vale Ambulance Service NHS Trust"
AMB_D = "kvas.nhs.uk"
LA = "Harrowden County Council"
LA_D = "harrowden.gov.uk"
CH = "Larchmere Care Group Ltd"
CH_D = "larchmerecare.co.uk"
FIRE = "Harrowden & Kestrel Vale Fire and Rescue Service"
FIRE_D = "hkvfire.gov.uk"
HOMES = ["Larchmere House", "Willowbrook Lodge", "The Beeches Nursing Home"]
HOSP = ["Harrowden General Hospital", "Kestrel Bridge Community Hospital"]
TOWNS = [("Harrowden", "SN"), ("Kestrel Bridge", "SP"), ("Millbeck", "BA"), ("Fenwick Cross", "SN"),
         ("Ashcombe", "SP"), ("Upper Ambry", "BA"), ("Coldharbour", "SN")]
STREETS = ["Mill Lane", "Church View", "Tannery Row", "Orchard Close", "Beech Grove", "Hillside Road",
           "Station Approach", "Fenwick Road", "The Crescent", "Larkspur Way", "Kiln Lane", "Ropewalk",
           "Victoria Terrace", "Gas Street", "Poplar Avenue", "Brook Street", "Sandpit Lane", "Cedar Court",
           "Wharf Road", "Greenacres", "Hollins Drive", "Nether Street", "Cob Lane", "Tithe Barn Close"]
STATIONS = ["Harrowden", "Kestrel Bridge", "Millbeck", "Fenwick Cross"]
GP_PRACTICES = ["Millbeck Surgery", "Fenwick Cross Medical Centre", "Harrowden Health Centre",
                "Ashcombe & Ambry Practice", "Kestrel Bridge Family Doctors"]
TODAY = dt.date(2026, 11, 27)

# --------------------------------------------------------------------------- name pools
F_OLD = ["Margaret", "Jean", "Doreen", "Patricia", "Brenda", "Sheila", "Maureen", "Joan", "Eileen", "Iris",
         "Mavis", "Hazel", "Pauline", "Glenys", "Irene", "Winifred", "Sylvia", "Beryl", "Olive", "Rita",
         "Dorothy", "Edna", "Kathleen", "Valerie", "Gwendoline", "Marjorie", "Rosemary", "Ann", "Christine",
         "Janet", "Lorraine", "Zoë", "Renée", "Aoife", "Siobhan", "Nirmala", "Parveen", "Grace", "Comfort",
         "Halina", "Krystyna", "Mary-Jane", "Rose", "Elsie", "Ivy", "Phyllis", "Audrey", "Yvonne", "Bridget"]
M_OLD = ["Kenneth", "Derek", "Ronald", "Albert", "Dennis", "Bernard", "Leslie", "Raymond", "Harold", "Stanley",
         "Clifford", "Norman", "Trevor", "Geoffrey", "Malcolm", "Alan", "Brian", "Keith", "Roy", "Gordon",
         "Desmond", "Cyril", "Eric", "Francis", "Patrick", "Seán", "Rajinder", "Mohammed", "Tariq", "Winston",
         "Everton", "Tadeusz", "Jean-Paul", "Owain", "Dafydd", "Hamish", "Wilfred", "Arthur", "Sidney", "Horace"]
F_YOUNG = ["Kelly", "Gemma", "Stacey", "Chloe", "Shannon", "Jade", "Kirsty", "Amy", "Danielle", "Priya",
           "Bethany", "Marta", "Anca", "Sunita", "Hannah", "Rhiannon", "Leanne", "Nicola", "Joanne", "Sarah",
           "Claire", "Emma", "Lauren", "Abena", "Ngozi", "Aisling", "Kasia", "Farah", "Tasha", "Louise",
           "Michelle", "Donna", "Karen", "Julie", "Alison", "Helen", "Fiona", "Lucy", "Naomi", "Ruth"]
M_YOUNG = ["Dean", "Lee", "Jordan", "Aaron", "Ryan", "Nathan", "Liam", "Callum", "Craig", "Imran", "Tomasz",
           "Oluwaseun", "Chidi", "Joel", "Gareth", "Wayne", "Darren", "Stuart", "Mark", "Paul", "Simon",
           "Kieran", "Rhys", "Adeel", "Kwame", "Piotr", "Mihai", "Jamie", "Ben", "Matthew", "Tom", "Owen",
           "Sam", "Dominic", "Nikhil", "Ashley", "Gavin", "Carl", "Scott", "Neil"]
SURN = ["O'Connell", "D'Souza", "Smith-Rowe", "McAllister", "MacLeod", "Fitzgerald", "Hollis", "Yeardley",
        "Pendlebury", "Ashworth", "Thwaite", "Cropper", "Brindle", "Gaskell", "Haworth", "Entwistle", "Sowerby",
        "Kershaw", "Lumb", "Greenhalgh", "Ormerod", "Whittaker", "Rushton", "Spedding", "Tattersall", "Nuttall",
        "Pilling", "Holden", "Duckworth", "Barraclough", "Ackroyd", "Sutcliffe", "Cawthorne", "Illingworth",
        "Mottram", "Crabtree", "Dewhurst", "Pickles", "Hargreaves", "Aspinall", "Okonkwo", "Adeyemi", "Mensah",
        "Owusu", "Kowalski", "Nowak", "Wójcik", "Bhatt", "Chaudhry", "Rahman", "Begum", "Hussain", "Patel",
        "Singh-Bains", "Lloyd-Evans", "De Souza", "Le Mesurier", "Van der Merwe", "O'Hare", "McGuinness",
        "Fairclough", "Bamford", "Heywood", "Leach", "Royle", "Schofield", "Stott", "Tweedale", "Wolstenholme",
        "Brearley", "Clegg", "Dyson", "Haigh", "Jagger", "Marsden", "Oldroyd", "Priestley", "Senior", "Tordoff",
        "Uttley", "Walmsley", "Bairstow", "Cockcroft", "Dobson", "Firth", "Gledhill", "Hirst", "Jowett", "Kaye",
        "Lockwood", "Moorhouse", "Naylor", "Oates", "Pearson", "Quarmby", "Radcliffe", "Shackleton", "Thornton",
        "Varley", "Wadsworth", "Armitage", "Binns", "Crowther", "Denton", "Exley", "Fawcett", "Garside", "Hanson",
        "Ibbotson", "Jessop", "Kitson", "Lister", "Mellor", "Noble", "Ogden", "Pogson", "Ramsden", "Sykes",
        "Taylor-Bright", "Ambler", "Booth", "Calvert", "Dransfield", "Eastwood", "Forrest", "Goodall", "Holroyd",
        "Ingham", "Jubb", "Kenyon", "Longbottom", "Mitchell", "Nettleton", "O'Driscoll", "Ní Bhriain", "Ruddock",
        "Stansfield", "Townend", "Umpleby", "Verity", "Whiteley", "Yates", "Zielinski", "Akhtar", "Mahmood",
        "Iqbal", "Kaur", "Gill", "Sandhu", "Okafor", "Boateng", "Asante", "Nwosu", "Popescu", "Ionescu"]

used_names = set()
used_phones = set()


def uniq_name(pool_f, pool_m, sex=None, surname=None):
    for _ in range(10000):
        s = sex or R.choice("FM")
        f = R.choice(pool_f if s == "F" else pool_m)
        sn = surname or R.choice(SURN)
        if (f.lower(), sn.lower()) not in used_names:
            used_names.add((f.lower(), sn.lower()))
            return f, sn, s
    raise RuntimeError("names exhausted")


def mobile():
    while True:
        n = R.randint(0, 999)
        if n not in used_phones:
            used_phones.add(n)
            return R.choice(["07700 900%03d", "07700900%03d", "+44 7700 900%03d", "07700-900-%03d"]) % n


def landline():
    return "01632 960%03d" % R.randint(0, 999)


def nhs_number():
    while True:
        prefix = R.choice([R.randint(401, 499), R.randint(600, 708)])
        digits = [int(c) for c in "%03d%06d" % (prefix, R.randint(0, 999999))]
        s = sum(d * w for d, w in zip(digits, range(10, 1, -1)))
        c = 11 - s % 11
        if c == 11:
            c = 0
        if c == 10:
            continue
        return "".join(map(str, digits)) + str(c)


def nhs_fmt(n, style=None):
    style = style or R.choice(["sp", "sp", "plain", "dash"])
    if style == "sp":
        return "%s %s %s" % (n[:3], n[3:6], n[6:])
    if style == "dash":
        return "%s-%s-%s" % (n[:3], n[3:6], n[6:])
    return n


def postcode(area):
    return "%s%d %d%s%s" % (area, R.randint(1, 19), R.randint(1, 9), R.choice("ABDEFGHJLNPQRSTUWXYZ"),
                            R.choice("ABDEFGHJLNPQRSTUWXYZ"))


def address():
    town, area = R.choice(TOWNS)
    kind = R.random()
    if kind < 0.15:
        line1 = "Flat %d, %s House, %s" % (R.randint(1, 24), R.choice(["Brindley", "Ormond", "Calder", "Weaver"]),
                                          R.choice(STREETS))
    elif kind < 0.25:
        line1 = "%s, %s" % (R.choice(["Rose Cottage", "The Bungalow", "Hawthorn Cottage", "2 Kiln Cottages",
                                      "Sunnyside"]), R.choice(STREETS))
    else:
        line1 = "%d %s" % (R.randint(1, 140), R.choice(STREETS))
    return {"line1": line1, "town": town, "pc": postcode(area)}


def rand_date(a, b):
    return a + dt.timedelta(days=R.randint(0, (b - a).days))


def age_on(d, on):
    return on.year - d.year - ((on.month, on.day) < (d.month, d.day))


# --------------------------------------------------------------------------- staff
STAFF = []


def mk_staff(role, org, n, pool="young", with_addr=False):
    out = []
    for _ in range(n):
        if pool == "young":
            f, s, sex = uniq_name(F_YOUNG, M_YOUNG)
        else:
            f, s, sex = uniq_name(F_YOUNG + F_OLD[:10], M_YOUNG + M_OLD[:10])
        dom = {"amb": AMB_D, "la": LA_D, "ch": CH_D, "fire": FIRE_D, "gp": "nhs.net", "prov": "brightsidehomecare.co.uk"}[org]
        st = {"fore": f, "sur": s, "role": role, "org": org, "sex": sex,
              "email": "%s.%s@%s" % (f.lower().replace("'", ""), s.lower().replace("'", "").replace(" ", ""), dom),
              "phone": mobile(), "id": "%s%05d" % (role[:2].upper(), R.randint(10000, 99999))}
        if with_addr:
            st["addr"] = address()
        out.append(st)
        STAFF.append(st)
    return out


paras = mk_staff("Paramedic", "amb", 10)
techs = mk_staff("Emergency Medical Technician", "amb", 8)
callh = mk_staff("Call Handler", "amb", 5)
hubcl = mk_staff("Clinical Hub Nurse", "amb", 3)
fclead = mk_staff("Frequent Caller Lead", "amb", 1)[0]
ptscrew = mk_staff("PTS Ambulance Care Assistant", "amb", 6)
ptsplan = mk_staff("PTS Planner", "amb", 2)
fallsP = mk_staff("Falls Response Specialist Paramedic", "amb", 2)
ambsafe = mk_staff("Safeguarding Practitioner", "amb", 1)[0]
swork = mk_staff("Social Worker", "la", 5)
fdoor = mk_staff("Adult Social Care Advisor", "la", 3)
reab = mk_staff("Reablement Support Worker", "la", 6)
reablead = mk_staff("Reablement Team Leader", "la", 1)[0]
broker = mk_staff("Care Broker", "la", 3)
otl = mk_staff("Occupational Therapist", "la", 2)
safeg_la = mk_staff("Safeguarding Lead", "la", 1)[0]
admin_la = mk_staff("Business Support Officer", "la", 2)
firec = mk_staff("Community Safety Advocate", "fire", 2)
provco = mk_staff("Care Coordinator", "prov", 3)
gps = mk_staff("GP", "gp", 6, pool="any")
for g in gps:
    g["practice"] = R.choice(GP_PRACTICES)
chman = mk_staff("Home Manager", "ch", 3, pool="any", with_addr=True)
chnurse = mk_staff("Registered Nurse", "ch", 4, with_addr=True)
chcarer = mk_staff("Senior Carer", "ch", 6, with_addr=True)
for i, s in enumerate(chman):
    s["home"] = HOMES[i]
for s in chnurse + chcarer:
    s["home"] = R.choice(HOMES)

CALLSIGNS = ["KV%02d" % R.randint(10, 89) for _ in range(12)]
STAFF_SEEN = set()


def sname(st, style="full"):
    STAFF_SEEN.add(st["fore"] + " " + st["sur"])
    f, s = st["fore"], st["sur"]
    if style == "full":
        return f + " " + s
    if style == "init":
        return f[0] + ". " + s
    if style == "sur_f":
        return s.upper() + ", " + f
    if style == "role":
        return "%s %s (%s)" % (f, s, st["role"])
    if style == "short":
        return f
    if style == "email":
        return "%s %s <%s>" % (f, s, st["email"])
    return f + " " + s


def crew():
    return R.choice(paras), R.choice(techs + paras)


# --------------------------------------------------------------------------- patients
PAT = []
n_ch = max(2, int(N * 0.17))
for i in range(N):
    setting = "carehome" if i < n_ch else "community"
    young = setting == "community" and R.random() < 0.12
    if young:
        f, s, sex = uniq_name(F_YOUNG, M_YOUNG)
        dob = rand_date(dt.date(1958, 1, 1), dt.date(2001, 12, 31))
    else:
        f, s, sex = uniq_name(F_OLD, M_OLD)
        dob = rand_date(dt.date(1925, 1, 1), dt.date(1962, 12, 31))
    mids = []
    if R.random() < 0.35:
        mids = [R.choice(F_OLD if sex == "F" else M_OLD)]
        if R.random() < 0.2:
            mids.append(R.choice(F_OLD if sex == "F" else M_OLD))
        mids = [m for m in mids if m != f]
    title = {"F": R.choice(["Mrs", "Mrs", "Miss", "Ms"]), "M": "Mr"}[sex]
    p = {"i": i, "fore": f, "sur": s, "mid": mids, "sex": sex, "title": title, "dob": dob,
         "nhs": nhs_number() if R.random() < 0.86 else "", "setting": setting, "paths": set(),
         "phone": landline() if R.random() < 0.6 else mobile(), "rel": [], "spouse": None, "access": [],
         "gp": R.choice(gps)}
    if setting == "carehome":
        p["home"] = R.choice(HOMES)
        p["room"] = "Room %d" % R.randint(1, 48)
        p["addr"] = {"line1": p["home"], "town": R.choice(TOWNS)[0], "pc": postcode("SN")}
    else:
        p["addr"] = address()
    PAT.append(p)

comm = [p for p in PAT if p["setting"] == "community"]
old_comm = [p for p in comm if p["dob"].year < 1963]

# couples: both patients, same home
n_couples = max(2, N // 24)
R.shuffle(old_comm)
couples = []
for k in range(n_couples):
    a, b = old_comm[2 * k], old_comm[2 * k + 1]
    if a["sex"] == b["sex"]:
        # re-sex b by renaming (keeps names unique)
        pass
    if R.random() < 0.8:  # shared surname: rename b
        used_names.discard((b["fore"].lower(), b["sur"].lower()))
        pool = F_OLD if b["sex"] == "F" else M_OLD
        for _ in range(500):
            nf = R.choice(pool)
            if (nf.lower(), a["sur"].lower()) not in used_names:
                break
        b["fore"], b["sur"] = nf, a["sur"]
        used_names.add((nf.lower(), a["sur"].lower()))
        if b["sex"] == "F" and b["title"] == "Miss":
            b["title"] = "Mrs"
    b["addr"] = a["addr"]
    b["phone"] = a["phone"]
    a["spouse"], b["spouse"] = b["i"], a["i"]
    couples.append((a, b))

REL_KINDS = ["daughter", "son", "niece", "nephew", "granddaughter", "grandson", "sister", "brother", "friend",
             "neighbour", "daughter-in-law", "son-in-law", "wife", "husband", "partner"]
RELATED = []


def mk_rel(p, kind=None, key_holder=False):
    kind = kind or R.choice(REL_KINDS[:13])
    if kind == "neighbour" and p["setting"] == "carehome":
        kind = "friend"
    same = kind in ("daughter", "son", "sister", "brother", "grandson", "wife", "husband") and R.random() < 0.6
    if kind in ("daughter", "niece", "granddaughter", "sister", "daughter-in-law", "wife"):
        sex = "F"
    elif kind in ("son", "nephew", "grandson", "brother", "son-in-law", "husband"):
        sex = "M"
    else:
        sex = R.choice("FM")
    oldish = kind in ("sister", "brother", "wife", "husband", "friend", "neighbour")
    f, s, _ = uniq_name(F_OLD if oldish else F_YOUNG, M_OLD if oldish else M_YOUNG, sex=sex,
                        surname=p["sur"] if same else None)
    r = {"fore": f, "sur": s, "kind": kind, "phone": mobile(), "sex": sex, "of": p["i"], "key": key_holder}
    if R.random() < 0.3:
        r["dob"] = rand_date(dt.date(1930, 1, 1) if oldish else dt.date(1955, 1, 1),
                             dt.date(1960, 1, 1) if oldish else dt.date(1999, 1, 1))
        if R.random() < 0.3:
            r["nhs"] = nhs_number()
    if kind == "neighbour":
        r["addr"] = dict(p["addr"])
        r["addr"]["line1"] = "%d %s" % (R.randint(1, 140), p["addr"]["line1"].split(" ", 1)[-1])
    elif R.random() < 0.4:
        r["addr"] = address()
    p["rel"].append(r)
    RELATED.append(r)
    return r


for p in PAT:
    if p["spouse"] is None:
        for _ in range(R.choice([0, 1, 1, 1, 2, 2])):
            mk_rel(p)

# home access for community patients
HIDE = ["under the blue plant pot by the back door", "in the meter cupboard on the left of the porch",
        "on a string inside the letterbox", "under the stone hedgehog next to the step",
        "in the old watering can in the side passage", "behind the loose brick left of the back door",
        "in the bird box on the shed wall", "under the doormat at the back", "inside the gas meter box",
        "in the shed, hanging on the nail behind the door", "under the third flowerpot along the wall",
        "taped under the garden bench"]
SAFE_WHERE = ["to the left of the front door", "by the back door", "on the wall behind the wheelie bins",
              "under the porch light", "at the side gate", "beside the garage door", "right of the front door"]
OPEN = ["back door is left on the latch for carers", "front door left unlocked during the day - let yourself in",
        "door is left open for the carers, just push it and shout", "side door kept unlocked, go straight in",
        "leaves the back door unlocked so visitors can let themselves in"]

acc_pool = [p for p in comm]
R.shuffle(acc_pool)
n_acc = int(len(comm) * 0.3)
for p in acc_pool[:n_acc]:
    kinds = [R.choice(["code", "code", "code", "hidden_key", "key_holder", "left_open"])]
    if R.random() < 0.25:
        k2 = R.choice(["code", "hidden_key", "key_holder", "left_open"])
        if k2 not in kinds:
            kinds.append(k2)
    for k in kinds:
        if k == "code":
            code = "%04d" % R.randint(0, 9999)
            if code[0] == code[1] == code[2]:
                code = "%04d" % R.randint(1000, 9999)
            extra = None
            if R.random() < 0.2:
                extra = "%04d" % R.randint(1000, 9999)
            p["access"].append({"kind": "code", "code": code, "where": R.choice(SAFE_WHERE), "gate": extra,
                                "truth": ("gate %s; key safe %s" % (extra, code)) if extra else code})
        elif k == "hidden_key":
            h = R.choice(HIDE)
            p["access"].append({"kind": "hidden_key", "where": h, "truth": "key " + h})
        elif k == "key_holder":
            holder = mk_rel(p, kind=R.choice(["neighbour", "daughter", "son", "niece", "friend"]), key_holder=True)
            p["access"].append({"kind": "key_holder", "holder": holder,
                                "truth": "key held by %s %s (%s)" % (holder["fore"], holder["sur"], holder["kind"])})
        else:
            o = R.choice(OPEN)
            p["access"].append({"kind": "left_open", "how": o, "truth": o})

# pathways
for p in PAT:
    if p["setting"] == "carehome":
        p["paths"].add("carehome")
        if R.random() < 0.6:
            p["paths"].add("epcr")
        if R.random() < 0.5:
            p["paths"].add("adt")
        continue
    young = p["dob"].year >= 1963
    for path, pr in [("epcr", 0.55), ("falls", 0.0 if young else 0.28), ("pts", 0.0 if young else 0.2),
                     ("fc", 0.35 if young else 0.05), ("la", 0.35), ("reable", 0.0 if young else 0.14),
                     ("broker", 0.0 if young else 0.18), ("safeg", 0.25 if young else 0.07), ("ot", 0.1),
                     ("sandw", 0.1), ("fhir", 0.12), ("oru", 0.12)]:
        if R.random() < pr:
            p["paths"].add(path)
    if p["access"] and not p["paths"] & {"falls", "pts", "reable", "broker", "epcr"}:
        p["paths"].add(R.choice(["pts", "reable", "broker", "falls"] if not young else ["epcr"]))
    if not p["paths"]:
        p["paths"].add(R.choice(["epcr", "la"]))
for a, b in couples:
    shared = R.choice(["pts", "falls", "broker", "la"])
    a["paths"].add(shared)
    b["paths"].add(shared)
    a["couple_path"] = b["couple_path"] = shared


def on(path):
    return [p for p in PAT if path in p["paths"]]


# --------------------------------------------------------------------------- ledger
LED = {"dob": set(), "nhs": set(), "access": {}, "related": set()}
FULL_NAME_STYLES = {"full", "title", "upper_sur", "sur_comma", "middle", "initial", "lower", "upper", "sur_first",
                    "title_mid"}
FULL_DOB_STYLES = {"dmy", "dmy_dot", "iso", "long", "ord", "mon", "hl7", "fhir", "dmy_dash", "us_words"}


def nm(p, style=None):
    style = style or R.choice(["full", "full", "title", "upper_sur", "sur_comma", "middle", "initial", "upper",
                               "title_mid"])
    f, s, m = p["fore"], p["sur"], p["mid"]
    if style in ("middle", "title_mid", "initial", "sur_comma") and not m:
        style = {"middle": "full", "title_mid": "title", "initial": "full", "sur_comma": "sur_comma"}[style]
    if style == "full":
        return "%s %s" % (f, s)
    if style == "title":
        return "%s %s %s" % (p["title"], f, s)
    if style == "title_mid":
        return "%s %s %s %s" % (p["title"], f, " ".join(m), s)
    if style == "title_sur":
        return "%s %s" % (p["title"], s)
    if style == "upper_sur":
        return "%s, %s" % (s.upper(), f)
    if style == "sur_comma":
        return "%s, %s" % (s, " ".join([f] + m))
    if style == "middle":
        return "%s %s %s" % (f, " ".join(m), s)
    if style == "initial":
        return "%s %s %s" % (f, " ".join(x[0] + "." for x in m), s)
    if style == "lower":
        return ("%s %s" % (f, s)).lower()
    if style == "upper":
        return ("%s %s" % (f, s)).upper()
    if style == "sur_first":
        return "%s %s" % (s, f)
    if style == "first":
        return f
    raise ValueError(style)


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def fd(d, style=None):
    style = style or R.choice(["dmy", "dmy", "dmy", "dmy_dot", "iso", "long", "ord", "mon", "dmy_dash"])
    if style == "dmy":
        return d.strftime("%d/%m/%Y")
    if style == "dmy_dot":
        return "%d.%d.%d" % (d.day, d.month, d.year)
    if style == "dmy_dash":
        return d.strftime("%d-%m-%Y")
    if style in ("iso", "fhir"):
        return d.isoformat()
    if style == "long":
        return "%d %s %d" % (d.day, MONTHS[d.month - 1], d.year)
    if style == "ord":
        suf = "th" if 11 <= d.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
        return "%d%s %s %d" % (d.day, suf, MONTHS[d.month - 1], d.year)
    if style == "mon":
        return "%02d-%s-%d" % (d.day, MONTHS[d.month - 1][:3], d.year)
    if style == "hl7":
        return d.strftime("%Y%m%d")
    if style == "dmy2":
        return d.strftime("%d/%m/%y")
    raise ValueError(style)


def name_dob(p, nstyle=None, dstyle=None):
    """Name and DOB for one record; marks the ledger when both are full."""
    nstyle = nstyle or R.choice(["full", "full", "title", "upper_sur", "sur_comma", "middle", "initial", "upper"])
    dstyle = dstyle or R.choice(["dmy", "dmy", "dmy", "dmy_dot", "iso", "long", "ord", "mon", "dmy_dash"])
    if nstyle in FULL_NAME_STYLES and dstyle in FULL_DOB_STYLES:
        LED["dob"].add(p["i"])
    return nm(p, nstyle), fd(p["dob"], dstyle)


def nhs_w(p, style=None):
    if not p["nhs"]:
        return ""
    LED["nhs"].add(p["i"])
    return nhs_fmt(p["nhs"], style)


def rel_w(r, style="full"):
    LED["related"].add(r["fore"] + " " + r["sur"])
    if style == "full":
        return r["fore"] + " " + r["sur"]
    if style == "title":
        return ("Mrs " if r["sex"] == "F" else "Mr ") + r["fore"] + " " + r["sur"]
    if style == "sur_comma":
        return r["sur"].upper() + ", " + r["fore"]
    return r["fore"] + " " + r["sur"]


def relword(r):
    return r["kind"]


def access_text(p, a, voice=None):
    """One free-text sentence about access.  Marks the ledger."""
    LED["access"].setdefault(p["i"], {})[a["kind"]] = a["truth"]
    k = a["kind"]
    if k == "code":
        c = a["code"]
        spaced = " ".join(c) if R.random() < 0.2 else c
        t = R.choice(["Key safe %s, code %s." % (a["where"], spaced),
                      "Access via keysafe (%s) - code %s." % (a["where"], spaced),
                      "KEY SAFE %s C/O front door." % spaced if R.random() < 0.5 else "KS code %s." % spaced,
                      "Let ourselves in using the key safe, code %s." % spaced,
                      "Lockbox %s, number is %s." % (a["where"], spaced),
                      "Keysafe code is %s, key safe is %s." % (spaced, a["where"])])
        if a["gate"]:
            t = "Gate keypad %s, then " % a["gate"] + (t if t[:3].isupper() else t[0].lower() + t[1:])
        return t
    if k == "hidden_key":
        return R.choice(["Spare key is kept %s." % a["where"], "Key %s if no answer." % a["where"],
                         "No key safe - key is left %s." % a["where"],
                         "Pt says family leave a key %s." % a["where"]])
    if k == "key_holder":
        h = a["holder"]
        LED["related"].add(h["fore"] + " " + h["sur"])
        if h["kind"] == "neighbour":
            return R.choice(["Neighbour %s at %s holds a key (%s)." % (h["fore"] + " " + h["sur"], h["addr"]["line1"],
                                                                     h["phone"]),
                             "Key holder: %s, next door, tel %s." % (h["fore"] + " " + h["sur"], h["phone"])])
        return R.choice(["%s (%s) has a key and can let crews in - %s." % (h["fore"] + " " + h["sur"], h["kind"],
                                                                            h["phone"]),
                         "Key held by %s %s, %s, mob %s." % (h["fore"], h["sur"], h["kind"], h["phone"])])
    return R.choice([a["how"][0].upper() + a["how"][1:] + ".", "NB " + a["how"] + "."])


def access_lines(p, prob=1.0):
    return [access_text(p, a) for a in p["access"] if R.random() < prob]


def times3():
    t0 = R.randint(0, 1380)
    t1 = t0 + R.randint(6, 240)
    t2 = t1 + R.randint(20, 75)
    return tuple("%02d:%02d" % ((t // 60) % 24, t % 60) for t in (t0, t1, t2))


def incident_no(d):
    return "KV-%s-%06d" % (d.strftime("%y%m%d"), R.randint(1000, 999999))


NEAR_MISS = [
    lambda: "Station door code %s changed - see ops bulletin." % ("%04d" % R.randint(1000, 9999)),
    lambda: "Vehicle keys back in the key safe at %s station (code %s)." % (R.choice(STATIONS),
                                                                            "%04d" % R.randint(1000, 9999)),
    lambda: "Booking ref PTS-%06d." % R.randint(100000, 999999),
    lambda: "Call sign %s, CAD %d." % (R.choice(CALLSIGNS), R.randint(1000000, 9999999)),
    lambda: "Bed %d on Ward %d." % (R.randint(1, 30), R.randint(1, 40)),
    lambda: "Key worker allocated - see case notes.",
    lambda: "Key safe fitting booked with handyperson scheme, code will be with the admin team.",
    lambda: "Key findings: no new injuries, obs stable.",
    lambda: "Staff room keypad %s#." % ("%04d" % R.randint(1000, 9999)),
    lambda: "Locker %d, padlock %s." % (R.randint(1, 60), "%03d" % R.randint(100, 999)),
    lambda: "Lease car %s - fob in the office key cabinet." % ("KV%02d %s" % (R.randint(10, 75),
                                                                              "".join(R.choice("ABCDEFGHJKLMNPRSTUVWXY")
                                                                                      for _ in range(3)))),
    lambda: "ICD-10 W19, SNOMED %d." % R.randint(100000000, 999999999),
    lambda: "Old key safe removed by family, no longer in use.",
    lambda: "Crew locked up on leaving as the patient asked; door chain noted.",
    lambda: "Reception safe code for controlled drugs is held by the duty manager only.",
]


KS_NEAR = {6, 12}  # the two near misses about a (fitted or removed) key safe of the person's own home


def near_miss(p=None):
    """A near-miss line.  With a patient given, the two about a key safe at their own home are used only for
    people living in the community with no home access written anywhere, so nothing contradicts the truth."""
    pool = list(range(len(NEAR_MISS)))
    if p is not None and (p["setting"] != "community" or p["access"]):
        pool = [k for k in pool if k not in KS_NEAR]
    return NEAR_MISS[R.choice(pool)]()


# --------------------------------------------------------------------------- writers
COUNT = {}


def out(rel, data, mode="w"):
    path = os.path.join(SHARE, rel)
    k = 2
    while os.path.exists(path):
        stem, dot, ext_ = rel.rpartition(".")
        path = os.path.join(SHARE, "%s_%d.%s" % (stem, k, ext_))
        k += 1
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if isinstance(data, bytes):
        with open(path, "wb") as fh:
            fh.write(data)
    else:
        with open(path, "w", encoding="utf-8", newline="") as fh:
            fh.write(data)
    ext = rel.rsplit(".", 1)[-1].lower()
    COUNT[ext] = COUNT.get(ext, 0) + 1
    return path


def pdf_bytes(lines, title="document"):
    """A minimal PDF written by hand: Helvetica, WinAnsi, text operators, paginated."""
    wrapped = []
    for ln in lines:
        ln = ln.replace("\t", "    ")
        while len(ln) > 92:
            cut = ln.rfind(" ", 0, 92)
            cut = cut if cut > 20 else 92
            wrapped.append(ln[:cut])
            ln = ln[cut:].lstrip()
        wrapped.append(ln)
    pages = [wrapped[i:i + 52] for i in range(0, max(1, len(wrapped)), 52)] or [[]]

    def esc(s):
        b = s.encode("cp1252", "replace")
        return b.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")

    objs = []
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join("%d 0 R" % (4 + 2 * i) for i in range(len(pages)))
    objs.append(("<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(pages))).encode())
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for i, pg in enumerate(pages):
        stream = b"BT /F1 10 Tf 13 TL 50 800 Td\n"
        for ln in pg:
            stream += b"(" + esc(ln) + b") Tj T*\n"
        stream += b"ET\n"
        objs.append(("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                     "/Contents %d 0 R >>" % (5 + 2 * i)).encode())
        objs.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"endstream")
    outb = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offs = []
    for k, o in enumerate(objs):
        offs.append(len(outb))
        outb += b"%d 0 obj\n" % (k + 1) + o + b"\nendobj\n"
    xref = len(outb)
    outb += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offs:
        outb += b"%010d 00000 n \n" % o
    outb += b"trailer\n<< /Size %d /Root 1 0 R /Info << /Title (%s) /Producer (KVAS docgen) >> >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1, esc(title), xref)
    return outb


def rtf_text(paras):
    def esc(s):
        o = []
        for ch in s:
            if ch in "\\{}":
                o.append("\\" + ch)
            elif ord(ch) > 127:
                o.append("\\u%d?" % (ord(ch) if ord(ch) < 32768 else ord(ch) - 65536))
            else:
                o.append(ch)
        return "".join(o)
    body = "".join(("{\\b %s}\\par\n" % esc(p[2:])) if p.startswith("**") else (esc(p) + "\\par\n") for p in paras)
    return ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\\f0\\fs22\n" + body + "}\n")


FIXED_DT = dt.datetime(2026, 11, 20, 9, 0, 0)


def fix_zip(data):
    """Rewrite an OOXML zip with fixed member timestamps so output is byte-identical per seed."""
    import io
    import zipfile
    src = zipfile.ZipFile(io.BytesIO(data))
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 11, 20, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = info.external_attr
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                import re
                body = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-11-20T09:00:00Z", body)
            dst.writestr(zi, body)
    return bio.getvalue()


def docx_bytes(paras, table=None, header=None, footer=None):
    import io
    d = docx.Document()
    cp = d.core_properties
    cp.created = cp.modified = FIXED_DT
    cp.author = cp.last_modified_by = "KVAS"
    cp.revision = 1
    st = d.styles["Normal"]
    st.font.name = "Arial"
    st.font.size = Pt(10.5)
    if header:
        d.sections[0].header.paragraphs[0].text = header
    if footer:
        d.sections[0].footer.paragraphs[0].text = footer
    for p in paras:
        if p == "<<TABLE>>" and table:
            t = d.add_table(rows=0, cols=len(table[0]))
            t.style = "Table Grid"
            for row in table:
                cells = t.add_row().cells
                for c, v in zip(cells, row):
                    c.text = str(v)
            continue
        if p.startswith("**"):
            d.add_paragraph().add_run(p[2:]).bold = True
        else:
            d.add_paragraph(p)
    bio = io.BytesIO()
    d.save(bio)
    return fix_zip(bio.getvalue())


def xlsx_bytes(sheets):
    import io
    wb = openpyxl.Workbook()
    wb.properties.created = wb.properties.modified = FIXED_DT
    wb.properties.creator = "HCC"
    wb.remove(wb.active)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for r in rows:
            ws.append(list(r))
    bio = io.BytesIO()
    wb.save(bio)
    return fix_zip(bio.getvalue())


def csv_text(rows, sep=","):
    import csv as _csv
    import io
    s = io.StringIO()
    w = _csv.writer(s, delimiter=sep, lineterminator="\r\n")
    for r in rows:
        w.writerow(r)
    return s.getvalue()


def letterhead(org):
    return {"amb": [AMB, "Clinical Hub, Unit 4 Beacon Park, Harrowden SN4 9PX", "Tel 01632 960100"],
            "la": [LA, "Adult Social Care, County Hall, Harrowden SN1 2AA", "Tel 01632 960200"],
            "ch": [CH, "Registered office: 1 Larchmere Drive, Millbeck BA3 7TT", "Tel 01632 960300"],
            "fire": [FIRE, "Prevention Team, Fenwick Cross Fire Station", "Tel 01632 960400"]}[org]


def ev_date():
    return rand_date(dt.date(2026, 8, 1), dt.date(2026, 11, 24))


def tm():
    return "%02d:%02d" % (R.randint(0, 23), R.randint(0, 59))


COMPLAINTS = ["fall at home, found on floor by carer", "shortness of breath, known COPD", "chest pain, central, 40 min",
              "confusion, ?UTI", "fall overnight, long lie approx 6 hrs", "collapse ?syncope",
              "worsening leg ulcer, unable to weight bear", "hypoglycaemia, known T2DM on insulin",
              "reported pain L hip after fall", "low mood, expressing thoughts of self-harm",
              "intoxicated, head injury", "generally unwell, reduced oral intake", "palpitations and dizziness"]
SPECIAL = {"fall at home, found on floor by carer": "physical", "low mood, expressing thoughts of self-harm": "mental_health",
           "intoxicated, head injury": "substance"}

# ============================================================ FREE TEXT
# --- ePCR narratives (one file per incident; a couple of files hold a couple attended together)
epcr_pts = on("epcr")
R.shuffle(epcr_pts)
epcr_files = max(4, N // 8)
chunks = [[p] for p in epcr_pts[:epcr_files]]
for a, b in couples:
    if "epcr" in a["paths"] and "epcr" in b["paths"]:
        chunks.append([a, b])
        break
for ch in chunks:
    d = ev_date()
    inc = incident_no(d)
    c1, c2 = crew()
    cs = R.choice(CALLSIGNS)
    L = ["%s - electronic Patient Care Record (narrative export)" % AMB, "Incident: %s   Call sign: %s" % (inc, cs),
         "Date: %s  Call received %s  On scene %s  Left scene %s" % ((d.strftime("%d/%m/%Y"),) + times3()),
         "Crew: %s (Paramedic, HCPC %s) / %s (%s)" % (sname(c1, "full"), "PA%06d" % R.randint(10000, 999999),
                                                       sname(c2, "full"), c2["role"]), ""]
    for p in ch:
        age = age_on(p["dob"], d)
        if R.random() < 0.55:
            n_, dob_ = name_dob(p)
            L.append("Patient: %s   DOB: %s   NHS: %s" % (n_, dob_, nhs_w(p) or "not known"))
        else:
            L.append("Patient: %s, %d%s, %s" % (nm(p, R.choice(["title_sur", "full", "upper"])), age,
                                               R.choice(["yo", " y/o", " yrs"]), "female" if p["sex"] == "F" else "male"))
        L.append("Address: %s, %s" % (p["addr"]["line1"], p["addr"]["town"]))
        comp = R.choice(COMPLAINTS)
        p.setdefault("complaints", []).append(comp)
        L.append("PC: " + comp)
        hist = "HPC: %s %s. " % (R.choice(["Called by", "999 call from", "Pendant alarm activation, call made by"]),
                                 R.choice(["telecare centre", "a neighbour", "the patient", "carer"] +
                                          ([p["rel"][0]["kind"]] if p["rel"] else [])))
        if p["setting"] == "carehome":
            st = R.choice([s for s in chnurse + chcarer if s["home"] == p["home"]] or chnurse)
            hist += "Staff member %s at %s met crew at the door and gave handover. Pt in %s." % (
                sname(st, "full"), p["home"], p["room"])
        else:
            if p["access"] and R.random() < 0.85:
                hist += "Access: " + " ".join(access_lines(p)) + " "
            else:
                hist += "Pt able to open the door to crew. "
        L.append(hist)
        L.append("Obs: RR %d, SpO2 %d%%, HR %d, BP %d/%d, Temp %.1f, GCS %d, BM %.1f, NEWS2 %d" % (
            R.randint(12, 28), R.randint(88, 99), R.randint(55, 120), R.randint(95, 170), R.randint(55, 95),
            R.uniform(35.6, 38.6), R.choice([15, 15, 14, 13]), R.uniform(3.5, 14), R.randint(0, 8)))
        if p["rel"]:
            r = p["rel"][0]
            L.append("NOK: %s (%s) %s%s" % (rel_w(r, R.choice(["full", "title"])), r["kind"], r["phone"],
                                            (", DOB " + fd(r["dob"])) if r.get("dob") and R.random() < 0.4 else ""))
        if p["spouse"] is not None:
            sp = PAT[p["spouse"]]
            L.append("Lives with %s %s (%s), also known to this service." % (
                "husband" if sp["sex"] == "M" else "wife", nm(sp, "full"), fd(sp["dob"], "dmy")))
            LED["dob"].add(sp["i"])
        L.append("Outcome: %s" % R.choice(["Conveyed to %s ED, handed to Sister %s." % (R.choice(HOSP),
                                                                                       R.choice(F_YOUNG + M_YOUNG)),
                                           "Non-conveyance, referred to falls response team and GP %s." % sname(
                                               p["gp"], "init"),
                                           "Referred to %s adult social care front door (SPA)." % LA,
                                           "Discharged on scene with worsening advice, safety net given."]))
        L.append("")
    L.append(near_miss(ch[-1]))
    L.append("Signed: %s %s, %s" % (c1["fore"][0], c1["sur"], d.strftime("%d/%m/%Y")))
    out("ambulance/epcr/narratives/ePCR_%s.txt" % inc, "\n".join(L) + "\n")

# --- 999 clinical hub call logs (several patients each)
hub_pts = on("epcr") + on("fc") + on("falls")
R.shuffle(hub_pts)
n_logs = max(2, N // 30)
for k in range(n_logs):
    d = ev_date()
    hnd = R.sample(callh, 2)
    L = ["KVAS CLINICAL HUB - CALL HANDLER NOTES EXPORT  %s  (shift: %s / %s)" % (d.isoformat(), sname(hnd[0]),
                                                                                 sname(hnd[1], "sur_f")), ""]
    for p in hub_pts[k * 8:(k + 1) * 8]:
        h = R.choice(hnd + [R.choice(hubcl)])
        caller = p["rel"][0] if p["rel"] and R.random() < 0.6 else None
        t = tm()
        line = "[%s] %s | CH %s | " % (t, incident_no(d), h["fore"][0] + h["sur"][0] + h["sur"][1].upper())
        if caller:
            line += "Caller %s (%s) reports " % (rel_w(caller), caller["kind"])
        else:
            line += R.choice(["Pt called self: ", "Telecare centre reports: ", "Passer-by reports: "])
        line += "%s, %d, %s. " % (nm(p, R.choice(["full", "upper", "title", "lower", "sur_first"])),
                                  age_on(p["dob"], d), R.choice(COMPLAINTS))
        if p["access"] and R.random() < 0.6 and p["setting"] == "community":
            line += access_text(p, R.choice(p["access"])) + " "
        line += R.choice(["Cat 3 assigned.", "Cat 2. Ambulance allocated %s." % R.choice(CALLSIGNS),
                          "Passed to clinical hub for hear & treat (%s)." % sname(R.choice(hubcl)),
                          "Falls team tasked.", "Frequent caller flag on CAD - see care plan."])
        L.append(line)
    L.append("")
    L.append("Note for oncoming shift: " + near_miss())
    out("ambulance/clinical_hub/call_handler_notes_%s.log" % d.strftime("%Y%m%d"), "\n".join(L) + "\n")

# --- frequent caller case reviews
for p in on("fc"):
    d = ev_date()
    att = [fclead, R.choice(hubcl), R.choice(swork), p["gp"], R.choice(paras)]
    n_, dob_ = name_dob(p, R.choice(["full", "sur_comma", "title"]), R.choice(["dmy", "long", "iso"]))
    L = ["# Frequent Caller Case Review", "", "**Service user:** %s  " % n_, "**DOB:** %s  " % dob_,
         "**NHS No:** %s  " % (nhs_w(p) or "awaiting trace"), "**Address:** %s, %s %s  " % (
             p["addr"]["line1"], p["addr"]["town"], p["addr"]["pc"]),
         "**Date of review:** %s  " % d.strftime("%d %B %Y"), "",
         "## Attendees", ""]
    for s in att:
        L.append("- %s, %s (%s)" % (sname(s), s["role"], s.get("practice", {"amb": "KVAS", "la": "HCC",
                                                                            "gp": "GP"}[s["org"]])))
    calls = R.randint(9, 64)
    L += ["", "## Summary", "",
          "%s has made %d calls to 999 in the last 90 days, mostly overnight. %s" % (
              nm(p, "first"), calls, R.choice(["Most calls relate to anxiety and chest pain with normal ECGs.",
                                               "Calls increase around benefit payment dates and alcohol use.",
                                               "Repeated falls with no injury; lives alone."])),
          "Mental health: %s." % R.choice(["known to CMHT, care coordinator %s" % sname(R.choice(swork)),
                                           "no current MH involvement", "GAD diagnosed 2019"]),
          ""]
    if p["rel"]:
        r = p["rel"][0]
        L.append("Family: %s (%s), %s, is supportive%s." % (rel_w(r), r["kind"], r["phone"],
                                                            ", DOB %s" % fd(r["dob"]) if r.get("dob") else ""))
    if p["access"]:
        L.append("Crew access: " + " ".join(access_lines(p)))
    L += ["", "## Plan", "", "1. Single point of contact: %s (frequent caller lead)." % sname(fclead),
          "2. Response plan flag on CAD; %s" % near_miss(p),
          "3. Review again in 6 weeks. Minutes by %s." % sname(R.choice(admin_la))]
    out("ambulance/frequent_callers/case_review_%s_%s.md" % (p["sur"].replace(" ", "").replace("'", ""), d.strftime("%Y%m")),
        "\n".join(L) + "\n")

# --- safeguarding referrals (text)
sg = on("safeg")
for p in sg:
    d = ev_date()
    who = R.choice([ambsafe, R.choice(paras)])
    n_, dob_ = name_dob(p, R.choice(["upper_sur", "full", "middle"]), R.choice(["dmy", "mon", "ord"]))
    concern = R.choice(["financial abuse suspected - family member controlling bank cards",
                        "self-neglect, hoarding, house very cold, no food",
                        "unexplained bruising to both forearms",
                        "carer not attending calls, pt left in wet pad",
                        "domestic abuse disclosed by pt during assessment"])
    L = ["SAFEGUARDING ADULTS REFERRAL (KVAS to %s MASH)" % LA, "Ref: SG/%s/%04d" % (d.year, R.randint(1, 9999)),
         "Referrer: %s, %s, tel %s" % (sname(who), who["role"], who["phone"]),
         "Adult at risk: %s   DOB %s   NHS %s" % (n_, dob_, nhs_w(p) or "-"),
         "Address: %s, %s, %s" % (p["addr"]["line1"], p["addr"]["town"], p["addr"]["pc"]),
         "Nature of concern: " + concern]
    if "family member" in concern or "domestic" in concern:
        r = p["rel"][0] if p["rel"] else mk_rel(p, kind=R.choice(["son", "nephew", "partner", "grandson"]))
        L.append("Person alleged to be causing harm: %s (%s)%s, lives %s." % (
            rel_w(r), r["kind"], (", born " + fd(r["dob"])) if r.get("dob") else "",
            "at the same address" if R.random() < 0.5 else "locally"))
    L.append("Does the adult consent to referral? %s" % R.choice(["Yes", "No - vital interest", "Lacks capacity for this decision"]))
    L.append("Narrative: Crew %s attended (incident %s). %s" % (R.choice(CALLSIGNS), incident_no(d),
                                                                 R.choice(["Pt disclosed the above to %s." % sname(
                                                                     R.choice(techs), "init"),
                                                                     "Concern raised by carer on scene."])))
    if p["access"] and R.random() < 0.5:
        L.append("Access for visiting worker: " + " ".join(access_lines(p)))
    L.append("Received by %s (MASH) on %s." % (sname(safeg_la), d.strftime("%d/%m/%Y")))
    out("local_authority/safeguarding/referrals/SG_referral_%s_%s.txt" % (d.strftime("%Y%m%d"), p["sur"][:4].upper()),
        "\n".join(L) + "\n")

# --- reablement daily notes
for p in on("reable"):
    d0 = ev_date()
    workers = R.sample(reab, 3)
    L = ["REABLEMENT - DAILY RECORD", "Service user: %s" % nm(p, R.choice(["title", "upper_sur", "full", "title_mid"])),
         "Start of service: %s    Team leader: %s" % (d0.strftime("%d/%m/%Y"), sname(reablead)), ""]
    if R.random() < 0.5:
        n_, dob_ = name_dob(p, "full", R.choice(["dmy", "dmy_dot"]))
        L.insert(2, "DOB: %s" % dob_)
    access_done = False
    for day in range(R.randint(3, 7)):
        dd = d0 + dt.timedelta(days=day)
        w = R.choice(workers)
        txt = R.choice(["Assisted with strip wash, pt managed upper body independently.",
                        "Breakfast prepared together, pt made own tea with kettle tipper.",
                        "Practised stairs with OT plan, 2 rails, supervision only.",
                        "Pt low in mood today, said she misses going to chapel.",
                        "Medication prompted from blister pack - all taken.",
                        "Pt had been up in the night, bed dry, no falls."])
        if p["access"] and (not access_done or R.random() < 0.2):
            txt = " ".join(access_lines(p)) + " " + txt
            access_done = True
        if day == 1 and p["rel"]:
            r = p["rel"][0]
            txt += " %s (%s) visited and asked about ongoing care." % (rel_w(r), r["kind"])
        L.append("%s %s - %s (%s)" % (dd.strftime("%a %d/%m"), tm(), txt, sname(w, R.choice(["full", "init", "short"]))))
    L.append("")
    L.append(near_miss(p))
    out("local_authority/reablement/daily_notes_%s.txt" % p["sur"].replace(" ", "_").replace("'", ""), "\n".join(L) + "\n")

# --- MDT minutes (several patients each)
mdt_pool = on("la") + on("falls") + on("reable")
R.shuffle(mdt_pool)
seen = set()
mdt_pool = [p for p in mdt_pool if not (p["i"] in seen or seen.add(p["i"]))]
for k in range(max(2, N // 40)):
    d = ev_date()
    att = [R.choice(fallsP), R.choice(swork), R.choice(otl), reablead, R.choice(broker), R.choice(gps), ambsafe]
    L = ["# Integrated Falls & Frailty MDT - minutes", "", "Date: %s, Teams call" % d.strftime("%A %d %B %Y"), "",
         "Present: " + ", ".join(sname(s, R.choice(["full", "role"])) for s in att),
         "Apologies: " + sname(R.choice(swork)), "", "---", ""]
    for p in mdt_pool[k * 6:(k + 1) * 6]:
        if R.random() < 0.5:
            n_, dob_ = name_dob(p, R.choice(["full", "title", "sur_comma"]), R.choice(["dmy", "long"]))
            head = "## %s (DOB %s)" % (n_, dob_)
        else:
            head = "## %s, %d" % (nm(p, R.choice(["title", "full", "upper"])), age_on(p["dob"], d))
        L += [head, "",
              "%s presented: %s. %s" % (sname(R.choice(att), "short"), R.choice(COMPLAINTS),
                                        R.choice(["Two falls in a month.", "Lives alone, pendant alarm.",
                                                  "Wife is main carer and struggling.", "Awaiting OT visit."])),
              "Action: %s to %s by %s." % (R.choice(["refer", "review", "broker POC for", "arrange stair rail for"]),
                                             nm(p, "title_sur"), sname(R.choice(att), "init")), ""]
        if p["access"] and R.random() < 0.4:
            L.insert(-1, "Access noted: " + " ".join(access_lines(p)))
    L += ["---", "", "Next meeting in two weeks. " + near_miss()]
    out("shared/mdt/MDT_minutes_%s.md" % d.strftime("%Y-%m-%d"), "\n".join(L) + "\n")

# --- care home handover sheets to crews (lists of residents)
for home in HOMES:
    res = [p for p in PAT if p.get("home") == home]
    if not res:
        continue
    d = ev_date()
    nurse = R.choice([s for s in chnurse if s["home"] == home] or chnurse)
    L = ["%s - %s" % (CH, home), "Night handover / transfer sheet  %s" % d.strftime("%d.%m.%Y"),
         "Nurse in charge: %s, mob %s" % (sname(nurse), nurse["phone"]), "",
         "Room | Resident | Age | Issue | Hospital?"]
    for p in res:
        L.append("%s | %s | %d | %s | %s" % (p["room"], nm(p, R.choice(["title", "upper_sur", "full"])),
                                             age_on(p["dob"], d), R.choice(COMPLAINTS + ["settled", "end of life, DNACPR in place"]),
                                             R.choice(["no", "999 called %s" % tm(), "PTS booked", "-"])))
    L += ["", "Crew %s attended %s. %s" % (R.choice(CALLSIGNS), tm(), near_miss()),
          "Manager on call: %s (%s)" % (sname([s for s in chman if s["home"] == home][0]),
                                        [s for s in chman if s["home"] == home][0]["phone"])]
    out("care_homes/%s/handover_%s.txt" % (home.replace(" ", "_"), d.strftime("%Y%m%d")), "\n".join(L) + "\n")

# ============================================================ LETTERS
# --- ambulance -> LA referral letters (docx)
for p in [x for x in on("la") if x["setting"] == "community"][: max(4, N // 14)]:
    d = ev_date()
    para = R.choice(paras)
    n_, dob_ = name_dob(p, R.choice(["title_mid", "title", "full"]), R.choice(["long", "dmy", "ord"]))
    paras_ = letterhead("amb") + ["", d.strftime("%d %B %Y"), "", "Adult Social Care Front Door", LA, "",
                                   "**Referral: %s" % n_, "Date of birth: %s    NHS number: %s" % (dob_, nhs_w(p) or "unknown"),
                                   "Address: %s, %s %s" % (p["addr"]["line1"], p["addr"]["town"], p["addr"]["pc"]), "",
                                   "Dear colleague,", "",
                                   "Our crew attended %s on %s (incident %s). %s We are concerned that %s is not coping at home and would ask for a care needs assessment." % (
                                       nm(p, "title_sur"), d.strftime("%d/%m/%Y"), incident_no(d),
                                       R.choice(COMPLAINTS).capitalize() + ".", "she" if p["sex"] == "F" else "he")]
    if p["rel"]:
        r = p["rel"][0]
        paras_.append("Next of kin is %s (%s), telephone %s." % (rel_w(r), r["kind"], r["phone"]))
    if p["access"] and R.random() < 0.6:
        paras_.append("For your visit: " + " ".join(access_lines(p)))
    paras_ += ["", "Yours faithfully,", "", sname(para), "Paramedic, " + AMB, "cc: %s, %s" % (
        sname(p["gp"], "role"), sname(ambsafe))]
    out("shared/letters/referrals/Referral_to_ASC_%s.docx" % p["sur"].replace(" ", "").replace("'", ""),
        docx_bytes(paras_, footer="%s | %s | OFFICIAL-SENSITIVE" % (AMB, sname(para))))

# --- care package confirmations (pdf) from brokerage to person/family
broker_letter = on("broker")[: max(4, N // 10)]
for p in broker_letter:
    if p.get("couple_path") == "broker" and p["spouse"] is not None and p["spouse"] < p["i"]:
        continue  # couple: one joint letter written by the partner with the lower index
    d = ev_date()
    b = R.choice(broker)
    prov = R.choice(["Brightside Home Care", "Kestrel Homecare CIC", "Comfort At Home Ltd"])
    people = [p] + ([PAT[p["spouse"]]] if p.get("couple_path") == "broker" and p["spouse"] is not None else [])
    addressee = people[0]["rel"][0] if people[0]["rel"] and R.random() < 0.5 else None
    L = letterhead("la") + ["", d.strftime("%d %B %Y"), ""]
    if addressee:
        L += [rel_w(addressee, "title"), addressee.get("addr", people[0]["addr"])["line1"], ""]
        L += ["Dear %s %s," % ("Mrs" if addressee["sex"] == "F" else "Mr", addressee["sur"]), ""]
    else:
        L += [" and ".join(nm(x, "title") for x in people), people[0]["addr"]["line1"],
              "%s %s" % (people[0]["addr"]["town"], people[0]["addr"]["pc"]), ""]
        L += ["Dear %s," % " and ".join(nm(x, "title_sur") for x in people), ""]
    L.append("Re: confirmation of home care package")
    for x in people:
        n_, dob_ = name_dob(x, R.choice(["full", "middle", "title"]), R.choice(["dmy", "long", "mon"]))
        L.append("%s, date of birth %s%s" % (n_, dob_, (", NHS No. " + nhs_w(x)) if x["nhs"] and R.random() < 0.6 else ""))
    hrs = R.choice([7, 10.5, 14, 21])
    L += ["", "I am pleased to confirm that %s will provide %s hours of care a week from %s, four calls a day." % (
        prov, hrs, (d + dt.timedelta(days=R.randint(2, 10))).strftime("%A %d %B")),
          "Your personal budget is £%d.%02d per week; a financial assessment will follow." % (R.randint(120, 700), R.randint(0, 99))]
    acc = [l for x in people for l in access_lines(x)]
    if acc:
        L += ["", "Access arrangements passed to the provider: " + " ".join(acc)]
    L += ["", "If anything changes please call me on %s." % b["phone"], "", "Yours sincerely", "", sname(b),
          "Care Broker, Brokerage Team", "cc: %s; provider %s" % (sname(R.choice(swork)), prov)]
    out("local_authority/brokerage/letters/POC_confirmation_%s_%s.pdf" % (p["sur"].replace(" ", "").replace("'", ""), d.strftime("%Y%m%d")),
        pdf_bytes(L, "Care package confirmation"))

# --- safeguarding outcome letters (rtf)
for p in sg[: max(2, N // 20)]:
    d = ev_date()
    sw = R.choice(swork)
    paras_ = letterhead("la") + ["", d.strftime("%d/%m/%Y"), "", "Private and confidential",
                                  nm(p, R.choice(["title", "title_mid"])), p["addr"]["line1"], p["addr"]["town"], "",
                                  "**Outcome of safeguarding enquiry (Care Act 2014, section 42)",
                                  "Dear %s," % nm(p, "title_sur"), "",
                                  "Following the concern raised by %s on your behalf, %s has completed enquiries." % (
                                      AMB, sname(sw)),
                                  R.choice(["The concern was substantiated and a protection plan is in place.",
                                            "The concern was not substantiated; no further action is needed.",
                                            "The risk remains and we will review in 3 months."])]
    if p["rel"] and R.random() < 0.6:
        r = p["rel"][0]
        paras_.append("With your agreement we have shared this outcome with %s (%s)." % (rel_w(r), r["kind"]))
    paras_ += ["", "Yours sincerely,", sname(sw), "Social Worker, Locality Team East",
               "cc: %s (Safeguarding Lead); %s (KVAS Safeguarding)" % (sname(safeg_la), sname(ambsafe))]
    out("local_authority/safeguarding/outcomes/SG_outcome_%s.rtf" % p["sur"].replace(" ", "").replace("'", ""),
        rtf_text(paras_))

# --- falls team letters to GPs (docx or pdf)
for p in on("falls")[: max(4, N // 10)]:
    d = ev_date()
    fp = R.choice(fallsP)
    n_, dob_ = name_dob(p, R.choice(["full", "upper_sur", "title", "initial"]),
                        R.choice(["dmy", "dmy_dot", "long", "iso"]))
    body = letterhead("amb") + ["", d.strftime("%d %B %Y"), "", sname(p["gp"], "full") if R.random() < 0.5 else "Dr " + p["gp"]["sur"],
                                p["gp"]["practice"], "",
                                "Dear Dr %s," % p["gp"]["sur"], "",
                                "Re: %s, DOB %s, NHS %s" % (n_, dob_, nhs_w(p) or "(not known)"),
                                "%s" % p["addr"]["line1"] + ", " + p["addr"]["town"], "",
                                "Your patient was seen by the Falls Response car on %s after %s. Frailty score %d. %s" % (
                                    d.strftime("%d/%m/%Y"), R.choice(["a fall in the bathroom", "a fall from bed",
                                                                     "a long lie in the garden", "a trip on the stairs"]),
                                    R.randint(4, 8), R.choice(["No injury found.", "Small skin tear L forearm dressed.",
                                                               "Bruised R hip, weight bearing."])),
                                "Medication review suggested: %s." % R.choice(["doxazosin (postural drop 28 mmHg)",
                                                                              "zopiclone", "amlodipine and furosemide"]),
                                "We have referred to community falls clinic and %s reablement." % LA]
    if p["access"] and R.random() < 0.3:
        body.append("Access (for your visiting team): " + " ".join(access_lines(p)))
    body += ["", "Kind regards,", "", sname(fp), "Specialist Paramedic, Falls Response",
             "cc: %s" % ", ".join([nm(p, "title")] + [rel_w(r) for r in p["rel"][:1]])]
    fn = "ambulance/falls/letters/GP_letter_%s_%s" % (p["sur"].replace(" ", "").replace("'", ""), d.strftime("%Y%m%d"))
    if R.random() < 0.5:
        out(fn + ".docx", docx_bytes(body, header=AMB + " - Falls Response Service"))
    else:
        out(fn + ".pdf", pdf_bytes(body, "Falls letter"))

# --- OT / housing adaptations letters to families (rtf) and fire safe-and-well referrals (pdf)
for p in on("ot")[: max(3, N // 15)]:
    d = ev_date()
    ot = R.choice(otl)
    to = p["rel"][0] if p["rel"] and R.random() < 0.5 else None
    paras_ = letterhead("la") + ["", d.strftime("%d %B %Y"), ""]
    if to:
        paras_ += [rel_w(to, "title"), "", "Dear %s," % rel_w(to, "full"), "",
                   "Re: your %s, %s" % (to["kind"] if to["kind"] not in ("neighbour", "friend") else "friend",
                                        nm(p, R.choice(["full", "title"])))]
    else:
        paras_ += [nm(p, "title"), p["addr"]["line1"], "", "Dear %s," % nm(p, "title_sur"), ""]
    paras_ += ["Following my home visit on %s I have recommended: %s." % (
        d.strftime("%d/%m/%Y"), R.choice(["a level-access shower (Disabled Facilities Grant)", "stair lift and second banister",
                                          "ramp to the back door and widened doorway", "grab rails and a raised toilet seat"])),
               "The housing adaptations team (%s) will contact you; reference OT/%d." % (sname(R.choice(admin_la)),
                                                                                       R.randint(10000, 99999))]
    if p["access"] and R.random() < 0.4:
        paras_.append("I have noted for the contractor: " + " ".join(access_lines(p)))
    paras_ += ["", "Yours sincerely,", sname(ot), "Occupational Therapist"]
    out("local_authority/housing_OT/letters/OT_letter_%s.rtf" % p["sur"].replace(" ", "").replace("'", ""), rtf_text(paras_))

for p in on("sandw")[: max(3, N // 20)]:
    d = ev_date()
    fc = R.choice(firec)
    ref = R.choice(paras + swork)
    n_, dob_ = name_dob(p, R.choice(["full", "upper", "title"]), R.choice(["dmy", "long"]))
    L = letterhead("fire") + ["", "SAFE AND WELL VISIT - REFERRAL RECEIVED", "Date: %s" % d.strftime("%d/%m/%Y"), "",
                              "Occupier: %s" % n_, "Date of birth: %s" % dob_, "Address: %s, %s, %s" % (
                                  p["addr"]["line1"], p["addr"]["town"], p["addr"]["pc"]), "Phone: %s" % p["phone"],
                              "Referred by: %s (%s), %s" % (sname(ref), ref["role"], ref["email"]),
                              "Reason: %s" % R.choice(["smoker, uses emollients, lives alone",
                                                       "oxygen in the home, candles", "hoarding, blocked escape route",
                                                       "cognitive impairment, left pans on the hob"]),
                              "Smoke alarms: %s" % R.choice(["none working", "1 fitted, untested", "unknown"]), ""]
    if p["access"]:
        L.append("Access for the visit: " + " ".join(access_lines(p)))
    if p["rel"]:
        r = p["rel"][0]
        L.append("Also contact %s (%s) on %s." % (rel_w(r), r["kind"], r["phone"]))
    L += ["Allocated to: %s, Community Safety Advocate, %s" % (sname(fc), fc["phone"]), "", near_miss(p)]
    out("partners/fire_safe_and_well/SW_referral_%s.pdf" % p["sur"].replace(" ", "").replace("'", ""),
        pdf_bytes(L, "Safe and well referral"))

# --- care home hospital transfer letters (pdf / docx)
for p in on("carehome")[: max(3, n_ch // 3)]:
    d = ev_date()
    nurse = R.choice([s for s in chnurse if s["home"] == p["home"]] or chnurse)
    n_, dob_ = name_dob(p, R.choice(["full", "title_mid", "sur_comma"]), R.choice(["dmy", "long", "mon"]))
    L = letterhead("ch") + [p["home"], "", "HOSPITAL TRANSFER INFORMATION", "Resident: %s" % n_, "DOB: %s" % dob_,
                            "NHS: %s" % (nhs_w(p) or "see MAR chart"), "Room: %s" % p["room"],
                            "GP: %s, %s" % (sname(p["gp"], "full"), p["gp"]["practice"]),
                            "Reason for transfer: %s" % R.choice(COMPLAINTS),
                            "DNACPR: %s   ReSPECT form: %s" % (R.choice(["Yes", "No"]), R.choice(["with resident", "n/a"])),
                            "Communication: %s" % R.choice(["hard of hearing L ear", "dementia, responds to Peggy",
                                                            "Welsh first language", "no concerns"]), ""]
    if p["rel"]:
        r = p["rel"][0]
        L.append("NOK: %s, %s, %s%s" % (rel_w(r), r["kind"], r["phone"],
                                        (", " + r["addr"]["line1"] + ", " + r["addr"]["town"]) if r.get("addr") else ""))
    L += ["Conveyed by KVAS crew %s (%s, %s)" % (R.choice(CALLSIGNS), sname(R.choice(paras), "init"),
                                                sname(R.choice(techs), "init")),
          "Completed by: %s, Registered Nurse, direct line %s" % (sname(nurse), nurse["phone"])]
    fn = "care_homes/transfers/Transfer_%s_%s" % (p["sur"].replace(" ", "").replace("'", ""), d.strftime("%Y%m%d"))
    if R.random() < 0.6:
        out(fn + ".pdf", pdf_bytes(L, "Transfer form"))
    else:
        out(fn + ".docx", docx_bytes(L))

# ============================================================ STRUCTURED
# --- HL7 v2
SEQ = [0]


def hl7_msg(mtype, trig, p, extra, when):
    SEQ[0] += 1
    ts = when.strftime("%Y%m%d") + "%02d%02d" % (R.randint(0, 23), R.randint(0, 59))
    segs = ["MSH|^~\\&|%s|%s|%s|%s|%s||%s^%s|MSG%06d|P|2.4" % (
        R.choice(["KVAS_EPCR", "LARCH_CARE", "HCC_MOSAIC"]), R.choice(["KVAS", "LCG"]), R.choice(["HGH_PAS", "HCC_ASC"]),
        R.choice(["HGH", "HCC"]), ts, mtype, trig, SEQ[0] + R.randint(0, 90000))]
    segs.append("EVN|%s|%s" % (trig, ts))
    pid3 = []
    if p["nhs"] and R.random() < 0.85:
        pid3.append("%s^^^NHS^NH" % nhs_w(p, "plain"))
    pid3.append("%s^^^%s^MR" % ("K%07d" % R.randint(0, 9999999), R.choice(["KVAS", "LCG", "HCC"])))
    dstyle = "hl7"
    LED["dob"].add(p["i"])
    mid = " ".join(p["mid"])
    segs.append("PID|1||%s||%s^%s^%s^^%s||%s|%s|||%s^^%s^^%s||%s" % (
        "~".join(pid3), p["sur"].upper() if R.random() < 0.5 else p["sur"], p["fore"], mid, p["title"],
        fd(p["dob"], dstyle), p["sex"], p["addr"]["line1"], p["addr"]["town"], p["addr"]["pc"], p["phone"]))
    for k, r in enumerate(p["rel"][:2]):
        LED["related"].add(r["fore"] + " " + r["sur"])
        segs.append("NK1|%d|%s^%s|%s|%s|%s||||||||||%s|%s" % (
            k + 1, r["sur"], r["fore"], r["kind"].upper()[:3], (r.get("addr") or {}).get("line1", ""), r["phone"],
            r["sex"], fd(r["dob"], "hl7") if r.get("dob") else ""))
    if p["spouse"] is not None:
        sp = PAT[p["spouse"]]
        segs.append("NK1|%d|%s^%s|SPO|%s|%s" % (len(p["rel"][:2]) + 1, sp["sur"], sp["fore"], sp["addr"]["line1"], sp["phone"]))
    segs += extra
    return "\r".join(segs) + "\r"


adt_pts = on("adt")
for k in range(0, len(adt_pts), 4):
    msgs = []
    for p in adt_pts[k:k + 4]:
        d = ev_date()
        doc = R.choice(gps)
        nurse = R.choice([s for s in chnurse if s["home"] == p["home"]] or chnurse)
        STAFF_SEEN.update([doc["fore"] + " " + doc["sur"], nurse["fore"] + " " + nurse["sur"]])
        pv1 = "PV1|1|E|%s^%s^%d||||%s^%s^%s|||||||||||%s" % (
            R.choice(["AMU", "ED", "WARD7"]), "Bay %d" % R.randint(1, 6), R.randint(1, 30), "C%06d" % R.randint(0, 999999),
            doc["sur"], doc["fore"], "V%07d" % R.randint(0, 9999999))
        rol = "ROL|1|AD|PP^Primary Care Provider|%s^%s^%s" % (doc["id"], doc["sur"], doc["fore"])
        rol2 = "ROL|2|AD|CP^Care home contact|%s^%s^%s||||||||%s" % (nurse["id"], nurse["sur"], nurse["fore"], nurse["phone"])
        msgs.append(hl7_msg("ADT", R.choice(["A01", "A03", "A04"]), p, [pv1, rol, rol2,
                                                                         "NTE|1||Transferred from %s by KVAS. %s" % (
                                                                             p["home"], near_miss(p))], d))
    out("care_homes/hl7/ADT_transfers_%02d.hl7" % (k // 4 + 1), "".join(msgs))

oru_pts = on("oru") + [p for p in on("epcr") if p["setting"] == "community"][:max(3, N // 20)]
for k in range(0, len(oru_pts), 5):
    msgs = []
    for p in oru_pts[k:k + 5]:
        d = ev_date()
        c1, c2 = crew()
        STAFF_SEEN.update([c1["fore"] + " " + c1["sur"], c2["fore"] + " " + c2["sur"]])
        ts = d.strftime("%Y%m%d") + "1200"
        obx = ["OBR|1|%s||EPCR^ePCR observations|||%s|||||||||%s^%s^%s" % (incident_no(d), ts, c1["id"], c1["sur"], c1["fore"]),
               "OBX|1|NM|9279-1^Respiratory rate^LN||%d|/min|||||F" % R.randint(12, 30),
               "OBX|2|NM|59408-5^SpO2^LN||%d|%%|||||F" % R.randint(86, 99),
               "OBX|3|NM|8867-4^Heart rate^LN||%d|/min|||||F" % R.randint(50, 130),
               "OBX|4|ST|NEWS2^NEWS2 score^L||%d||||||F" % R.randint(0, 9),
               "OBX|5|TX|NARR^Clinical narrative^L||%s||||||F" % (
                   "Pt %s. Crew %s/%s." % (R.choice(COMPLAINTS), c1["fore"][0] + c1["sur"], c2["fore"][0] + c2["sur"]))]
        if p["access"] and R.random() < 0.6:
            obx.append("NTE|1||CREW ACCESS NOTE: " + " ".join(access_lines(p)))
        else:
            obx.append("NTE|1||" + near_miss(p))
        msgs.append(hl7_msg("ORU", "R01", p, ["PV1|1|O|AMB^%s" % R.choice(CALLSIGNS)] + obx, d))
    out("ambulance/hl7/ORU_epcr_obs_batch%02d.hl7" % (k // 5 + 1), "".join(msgs))

ref_pts = [p for p in on("la") if p["setting"] == "community"]
R.shuffle(ref_pts)
ref_pts = ref_pts[: max(4, N // 12)]
for k in range(0, len(ref_pts), 4):
    msgs = []
    for p in ref_pts[k:k + 4]:
        d = ev_date()
        para = R.choice(paras)
        advisor = R.choice(fdoor)
        STAFF_SEEN.update([para["fore"] + " " + para["sur"], advisor["fore"] + " " + advisor["sur"]])
        extra = ["RF1|A|R^Routine|SOC^Social care|ASC^Care needs assessment||%s|%s" % (
            "REF%07d" % R.randint(0, 9999999), d.strftime("%Y%m%d")),
            "PRD|RP^Referring provider|%s^%s^^^Paramedic|KVAS Clinical Hub||%s" % (para["sur"], para["fore"], para["phone"]),
            "PRD|RT^Referred to provider|%s^%s^^^Adult Social Care Advisor|%s Front Door" % (advisor["sur"], advisor["fore"], LA),
            "NTE|1||%s" % ("Reason: %s. " % R.choice(COMPLAINTS) + (" ".join(access_lines(p, 0.7)) if p["access"] else near_miss(p)))]
        msgs.append(hl7_msg("REF", "I12", p, extra, d))
    out("shared/hl7/REF_I12_asc_referrals_%02d.hl7" % (k // 4 + 1), "".join(msgs))

# --- FHIR R4 Bundles (ePCR exports)
fhir_pts = on("fhir") + [p for p in on("epcr") if p["setting"] == "carehome"][:2]
for p in fhir_pts:
    d = ev_date()
    c1, c2 = crew()
    STAFF_SEEN.update([c1["fore"] + " " + c1["sur"], c2["fore"] + " " + c2["sur"]])
    LED["dob"].add(p["i"])
    pid = "pat-%04d" % R.randint(0, 9999)
    pat = {"resourceType": "Patient", "id": pid,
           "identifier": ([{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": nhs_w(p, "plain")}] if p["nhs"] else [])
                         + [{"system": "https://kvas.nhs.uk/Id/epcr-patient", "value": "EP%07d" % R.randint(0, 9999999)}],
           "name": [{"use": "official", "family": p["sur"], "given": [p["fore"]] + p["mid"], "prefix": [p["title"]]}],
           "telecom": [{"system": "phone", "value": p["phone"]}], "gender": "female" if p["sex"] == "F" else "male",
           "birthDate": p["dob"].isoformat(),
           "address": [{"line": [p["addr"]["line1"]], "city": p["addr"]["town"], "postalCode": p["addr"]["pc"]}],
           "generalPractitioner": [{"reference": "Practitioner/gp1", "display": "Dr " + sname(p["gp"])}]}
    entries = [pat]
    for k, r in enumerate(p["rel"][:2]):
        LED["related"].add(r["fore"] + " " + r["sur"])
        rp = {"resourceType": "RelatedPerson", "id": "rp%d" % k, "patient": {"reference": "Patient/" + pid},
              "relationship": [{"text": r["kind"]}], "name": [{"family": r["sur"], "given": [r["fore"]]}],
              "telecom": [{"system": "phone", "value": r["phone"]}]}
        if r.get("dob"):
            rp["birthDate"] = r["dob"].isoformat()
        if r.get("nhs"):
            rp["identifier"] = [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": r["nhs"]}]
        entries.append(rp)
    for k, s in enumerate([c1, c2]):
        entries.append({"resourceType": "Practitioner", "id": "crew%d" % k,
                        "identifier": [{"system": "https://kvas.nhs.uk/Id/staff", "value": s["id"]}],
                        "name": [{"family": s["sur"], "given": [s["fore"]]}], "telecom": [{"system": "email", "value": s["email"]}]})
    inc = incident_no(d)
    enc = {"resourceType": "Encounter", "id": "enc1", "status": "finished", "class": {"code": "EMER"},
           "identifier": [{"system": "https://kvas.nhs.uk/Id/incident", "value": inc}],
           "subject": {"reference": "Patient/" + pid, "display": nm(p, "full")},
           "participant": [{"individual": {"reference": "Practitioner/crew%d" % k, "display": sname(s)}} for k, s in
                           enumerate([c1, c2])],
           "period": {"start": d.isoformat() + "T%s:00Z" % tm()}}
    entries.append(enc)
    notes = [{"text": "%s. Conveyed: %s." % (R.choice(COMPLAINTS), R.choice(["yes", "no"]))}]
    if p["access"] and p["setting"] == "community":
        notes.append({"text": "Access: " + " ".join(access_lines(p))})
    else:
        notes.append({"text": near_miss(p)})
    entries.append({"resourceType": "Observation", "id": "obs1", "status": "final",
                    "code": {"coding": [{"system": "http://loinc.org", "code": "59408-5", "display": "SpO2"}]},
                    "subject": {"reference": "Patient/" + pid}, "valueQuantity": {"value": R.randint(85, 99), "unit": "%"},
                    "performer": [{"reference": "Practitioner/crew0", "display": sname(c1)}], "note": notes})
    bundle = {"resourceType": "Bundle", "type": "collection", "timestamp": d.isoformat() + "T23:59:00Z",
              "entry": [{"fullUrl": "urn:uuid:%08x-0000-4000-8000-%012x" % (R.getrandbits(32), R.getrandbits(48)),
                         "resource": e} for e in entries]}
    out("ambulance/fhir/ePCR_bundle_%s.json" % inc, json.dumps(bundle, indent=1, ensure_ascii=False))

# --- CSV: frequent caller register (split names), PTS bookings (full name col + crew access notes),
#          falls log, LA front door contacts, brokerage packages, safe and well list
rows = [["Surname", "Forename(s)", "D.O.B", "NHS_No", "Calls_90d", "Lead", "Plan_review", "CAD_flag"]]
for p in on("fc"):
    LED["dob"].add(p["i"])
    rows.append([p["sur"].upper() if R.random() < 0.3 else p["sur"], " ".join([p["fore"]] + p["mid"]), fd(p["dob"], "dmy"),
                 nhs_w(p, "plain"), R.randint(5, 70), sname(fclead), fd(ev_date(), "dmy"), "FC%04d" % R.randint(0, 9999)])
out("ambulance/frequent_callers/fc_register.csv", csv_text(rows))

rows = [["booking_ref", "travel_date", "passenger_name", "passenger_dob", "age", "pickup_address", "pickup_postcode",
         "destination", "mobility", "escort", "crew", "vehicle", "crew_access_notes", "booked_by"]]
pts_pts = on("pts")
for p in pts_pts:
    for trip in range(R.choice([1, 1, 2])):
        d = ev_date()
        with_dob = R.random() < 0.6
        name = nm(p, R.choice(["full", "upper_sur", "title", "sur_comma", "upper"]))
        dob_ = ""
        if with_dob:
            name, dob_ = name_dob(p, R.choice(["full", "upper_sur", "title", "sur_comma", "upper"]),
                                  R.choice(["dmy", "iso", "dmy_dot"]))
        escort = ""
        if p["spouse"] is not None and p.get("couple_path") == "pts":
            escort = "travelling with spouse " + nm(PAT[p["spouse"]], "full")
        elif p["rel"] and R.random() < 0.4:
            escort = rel_w(p["rel"][0]) + " (" + p["rel"][0]["kind"] + ")"
        notes = " ".join(access_lines(p)) if p["access"] and R.random() < 0.8 else R.choice(
            ["ring bell and wait", "pt can answer door slowly", "", near_miss(p), "dog in house - shut in kitchen"])
        cw = R.sample(ptscrew, 2)
        rows.append(["PTS%06d" % R.randint(0, 999999), d.strftime("%d/%m/%Y"), name, dob_,
                     "" if with_dob else age_on(p["dob"], d), p["addr"]["line1"], p["addr"]["pc"],
                     R.choice(HOSP) + R.choice([" Renal Unit", " Fracture Clinic", " Eye Clinic", " Day Hospital"]),
                     R.choice(["walker", "wheelchair", "stretcher", "walker + 1"]), escort,
                     sname(cw[0]) + " & " + sname(cw[1], "short"), R.choice(["KV-PTS-%02d" % R.randint(1, 40)]), notes,
                     sname(R.choice(ptsplan), "init")])
body_rows = sorted(rows[1:], key=lambda r: r[1][6:] + r[1][3:5] + r[1][:2])
for mon in sorted({r[1][3:5] for r in body_rows}):
    part = [r for r in body_rows if r[1][3:5] == mon]
    out("ambulance/pts/PTS_bookings_export_2026-%s.csv" % mon, csv_text([rows[0]] + part))

rows = [["Date", "Time", "Incident", "Name", "Age", "DOB", "Postcode", "Long lie (hrs)", "Injury", "Responder",
         "Access info", "Outcome", "Referred to"]]
for p in on("falls"):
    d = ev_date()
    full = R.random() < 0.5
    if full:
        n_, dob_ = name_dob(p, R.choice(["full", "sur_first", "upper"]), R.choice(["dmy", "mon", "iso"]))
    else:
        n_, dob_ = nm(p, R.choice(["full", "title", "upper_sur"])), ""
    rows.append([d.strftime("%d/%m/%Y"), tm(), incident_no(d), n_, age_on(p["dob"], d), dob_, p["addr"]["pc"],
                 R.choice([0, 0.5, 1, 3, 6, 11]), R.choice(["none", "skin tear", "bruising", "?NOF"]),
                 sname(R.choice(fallsP), R.choice(["full", "sur_f"])),
                 " ".join(access_lines(p)) if p["access"] and R.random() < 0.7 else "",
                 R.choice(["left at home", "conveyed", "lifted, ok"]),
                 R.choice(["GP", "reablement", "ASC front door", "falls clinic", "telecare"])])
out("ambulance/falls/falls_response_log_2026.csv", csv_text(rows))

rows = [["Contact ID", "Person name", "Date of birth", "NHS number", "Address", "Postcode", "Contact date", "Source",
         "Referrer", "Advisor", "Outcome", "Carer / NOK", "Carer DOB", "Carer NHS no"]]
for p in on("la"):
    d = ev_date()
    r = p["rel"][0] if p["rel"] else None
    n_, dob_ = name_dob(p, R.choice(["full", "sur_comma", "middle", "upper_sur"]), R.choice(["dmy", "dmy", "iso"]))
    rows.append(["C%07d" % R.randint(0, 9999999), n_, dob_, nhs_w(p) if R.random() < 0.7 else "",
                 p["addr"]["line1"] + ", " + p["addr"]["town"], p["addr"]["pc"], d.strftime("%d/%m/%Y"),
                 R.choice(["KVAS", "GP", "Self", "Family", "Hospital"]), sname(R.choice(paras + hubcl)),
                 sname(R.choice(fdoor)), R.choice(["Assessment", "Reablement", "Info & advice", "Safeguarding", "NFA"]),
                 (rel_w(r) + " (" + r["kind"] + ")") if r else "", fd(r["dob"], "dmy") if r and r.get("dob") else "",
                 nhs_fmt(r["nhs"], "sp") if r and r.get("nhs") else ""])
out("local_authority/front_door/ASC_front_door_contacts_Oct-Nov.csv", csv_text(rows))

rows = [["pkg_id", "client_first", "client_last", "client_dob", "provider", "hours_pw", "start", "broker", "assessor",
         "key_safe_or_access", "status"]]
for p in on("broker"):
    d = ev_date()
    LED["dob"].add(p["i"])
    rows.append(["PKG-%05d" % R.randint(0, 99999), p["fore"], p["sur"], fd(p["dob"], "iso"),
                 R.choice(["Brightside Home Care", "Kestrel Homecare CIC", "Comfort At Home Ltd"]),
                 R.choice([7, 10.5, 14, 21]), d.strftime("%d/%m/%Y"), sname(R.choice(broker)), sname(R.choice(swork)),
                 " ".join(access_lines(p)) if p["access"] and R.random() < 0.7 else R.choice(["", "client answers door", "n/a"]),
                 R.choice(["Live", "Sourcing", "Ended"])])
out("local_authority/brokerage/packages_live_export.csv", csv_text(rows, sep=";"))

rows = [["ref", "occupier", "dob", "address", "referrer", "referrer_org", "advocate", "visit_date", "notes"]]
for p in on("sandw"):
    d = ev_date()
    ref = R.choice(paras + swork + reab)
    rows.append(["SW%05d" % R.randint(0, 99999), nm(p, R.choice(["full", "title", "upper"])), fd(p["dob"], "dmy"),
                 p["addr"]["line1"], sname(ref), ref["org"].upper(), sname(R.choice(firec)), d.strftime("%d/%m/%Y"),
                 R.choice(["2 alarms fitted", "no answer, card left", "hoarding level 6", near_miss(p)])])
    LED["dob"].add(p["i"])
out("partners/fire_safe_and_well/sw_referrals_tracker.tsv", csv_text(rows, sep="\t"))

# --- XLSX: ePCR extract, care home residents, OT/housing, care home staff contacts, reablement rota
rows = [["Incident", "Date", "Call sign", "Clinician", "Crew 2", "Patient (as recorded)", "Age", "Date of Birth",
         "NHS Number", "Presenting complaint", "Conveyed", "Destination"]]
for p in on("epcr"):
    d = ev_date()
    c1, c2 = crew()
    full = R.random() < 0.7
    if full:
        n_, dob_ = name_dob(p, R.choice(["full", "upper_sur", "sur_comma", "title", "lower"]), R.choice(["dmy", "iso", "mon"]))
    else:
        n_, dob_ = nm(p, R.choice(["full", "title_sur", "upper_sur"])), ""
    rows.append([incident_no(d), d, R.choice(CALLSIGNS), sname(c1, R.choice(["full", "sur_f"])), sname(c2), n_,
                 age_on(p["dob"], d), dob_, nhs_w(p) if R.random() < 0.6 else "", R.choice(COMPLAINTS),
                 R.choice(["Y", "N"]), R.choice(HOSP + ["n/a"])])
out("ambulance/epcr/ePCR_extract_Aug-Nov.xlsx", xlsx_bytes([("Incidents", rows),
                                                             ("Notes", [["Extract by", sname(R.choice(admin_la))],
                                                                        ["Reason", "Quarterly frailty audit"],
                                                                        ["Note", near_miss()]])]))

sheets = []
for home in HOMES:
    res = [p for p in PAT if p.get("home") == home]
    rows = [["%s - residents list" % home], ["Room", "Title", "First name", "Middle", "Surname", "DOB", "NHS No", "GP",
                                              "Named nurse", "Key worker", "NOK", "NOK relationship", "NOK phone"]]
    for p in res:
        LED["dob"].add(p["i"])
        r = p["rel"][0] if p["rel"] else None
        nn = R.choice([s for s in chnurse if s["home"] == home] or chnurse)
        kw = R.choice([s for s in chcarer if s["home"] == home] or chcarer)
        rows.append([p["room"], p["title"], p["fore"], " ".join(p["mid"]), p["sur"], p["dob"], nhs_w(p, "sp"),
                     sname(p["gp"], "init"), sname(nn), sname(kw, "short") + " " + kw["sur"][0],
                     rel_w(r) if r else "", r["kind"] if r else "", r["phone"] if r else ""])
    sheets.append((home[:28], rows))
out("care_homes/residents_register_all_homes.xlsx", xlsx_bytes(sheets))

rows = [["Staff name", "Role", "Home", "Mobile", "Home address", "Postcode", "Emergency contact?"]]
for s in chman + chnurse + chcarer:
    rows.append([sname(s), s["role"], s["home"], s["phone"], s["addr"]["line1"] + ", " + s["addr"]["town"], s["addr"]["pc"],
                 R.choice(["Y", "N"])])
out("care_homes/staff_contact_list_DO_NOT_SHARE.xlsx", xlsx_bytes([("On-call contacts", rows)]))

rows = [["OT ref", "Client", "DOB", "Adaptation", "Assessor", "Contractor", "Status", "Access for contractor"]]
for p in on("ot"):
    n_, dob_ = name_dob(p, R.choice(["full", "sur_comma"]), R.choice(["dmy", "iso"]))
    rows.append(["OT/%d" % R.randint(10000, 99999), n_, dob_, R.choice(["stair lift", "level access shower", "ramp",
                                                                         "grab rails"]),
                 sname(R.choice(otl)), R.choice(["Ambry Adaptations", "Kiln Lane Builders"]), R.choice(["Approved", "Waiting", "Complete"]),
                 " ".join(access_lines(p)) if p["access"] and R.random() < 0.5 else ""])
out("local_authority/housing_OT/housing_adaptations_tracker.xlsx", xlsx_bytes([("DFG", rows)]))

rows = [["Reablement rota w/c %s" % fd(ev_date(), "dmy")], ["Day", "Time", "Service user", "Worker", "Worker 2", "Visit notes"]]
for p in on("reable"):
    for _ in range(R.randint(2, 4)):
        w = R.sample(reab, 2)
        rows.append([R.choice(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]),
                     R.choice(["07:30", "08:15", "09:00", "12:00", "12:45", "16:30", "17:15", "19:30", "21:00"]),
                     nm(p, R.choice(["full", "title", "upper_sur"])), sname(w[0]), sname(w[1], "short") if R.random() < 0.3 else "",
                     " ".join(access_lines(p)) if p["access"] and R.random() < 0.5 else R.choice(["", "double-up", "meds prompt"])])
out("local_authority/reablement/reablement_rota.xlsx", xlsx_bytes([("Rota", rows)]))

# --- e-mails between staff with attachments
def eml(fr, to, cc, subj, body, atts, d):
    m = EmailMessage()
    m["From"] = sname(fr, "email")
    m["To"] = ", ".join(sname(t, "email") for t in to)
    if cc:
        m["Cc"] = ", ".join(sname(c, "email") for c in cc)
    m["Subject"] = subj
    m["Date"] = format_datetime(dt.datetime(d.year, d.month, d.day, R.randint(7, 19), R.randint(0, 59),
                                            tzinfo=dt.timezone.utc))
    m["Message-ID"] = "<%08x.%s>" % (R.getrandbits(32), fr["email"].split("@")[1])
    m.set_content(body)
    for fn, data, mt in atts:
        main, sub = mt.split("/")
        if isinstance(data, str):
            m.add_attachment(data.encode("utf-8"), maintype=main, subtype=sub, filename=fn)
        else:
            m.add_attachment(data, maintype=main, subtype=sub, filename=fn)
    if m.is_multipart():
        m.set_boundary("==kvas-%016x==" % R.getrandbits(64))
    return bytes(m)


n_mail = 0
# 1) PTS planner -> LA broker: list of shared patients as CSV attachment
plist = pts_pts[:6]
if plist:
    d = ev_date()
    rows = [["Name", "DOB", "Pickup", "Notes"]]
    for p in plist:
        n_, dob_ = name_dob(p, "full", "dmy")
        rows.append([n_, dob_, p["addr"]["line1"], " ".join(access_lines(p)) if p["access"] else ""])
    body = "Hi %s,\n\nAttached are this week's PTS passengers who also have a package with you, so the carers and our crews don't clash on access.\n\nThanks\n%s\nPTS Planning, KVAS" % (
        broker[0]["fore"], sname(ptsplan[0], "full"))
    out("shared/email/RE_PTS_passengers_with_POC.eml",
        eml(ptsplan[0], [broker[0], broker[1]], [ptsplan[1]], "RE: PTS passengers with POC - week %d" % d.isocalendar()[1],
            body, [("pts_poc_%s.csv" % d.strftime("%Y%m%d"), csv_text(rows), "text/csv")], d))
    n_mail += 1
# 2) safeguarding practitioner -> LA safeguarding lead with docx attachment
for p in sg[:3]:
    d = ev_date()
    n_, dob_ = name_dob(p, R.choice(["full", "title"]), R.choice(["dmy", "long"]))
    doc = docx_bytes(["**KVAS safeguarding concern form", "Adult: %s" % n_, "DOB: %s" % dob_,
                      "NHS: %s" % (nhs_w(p) or "-"), "Raised by: %s" % sname(R.choice(paras)),
                      "Detail: " + R.choice(["pt says grandson takes her pension", "no heating, mouldy food",
                                             "bruising, pt frightened of partner"])] +
                     (["Access: " + " ".join(access_lines(p))] if p["access"] else []))
    body = "%s,\n\nPlease see attached concern for %s (%s). Crew %s. I have also rung the MASH duty line.\n\nRegards\n%s\n%s\n%s" % (
        safeg_la["fore"], nm(p, "title_sur"), d.strftime("%d/%m"), R.choice(CALLSIGNS), sname(ambsafe), ambsafe["role"], ambsafe["phone"])
    out("shared/email/Safeguarding_concern_%s.eml" % p["sur"][:5].replace(" ", "").replace("'", ""),
        eml(ambsafe, [safeg_la], [R.choice(swork), R.choice(admin_la)], "OFFICIAL-SENSITIVE: safeguarding concern",
            body, [("concern_form.docx", doc, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")], d))
    n_mail += 1
# 3) care home manager -> KVAS: transfer list (pdf attachment) for several residents
for home in HOMES:
    res = [p for p in PAT if p.get("home") == home][:5]
    if not res:
        continue
    d = ev_date()
    man = [s for s in chman if s["home"] == home][0]
    L = ["%s: residents conveyed to hospital this month" % home, ""]
    for p in res:
        if R.random() < 0.6:
            n_, dob_ = name_dob(p, "title", "dmy")
            L.append("%s  DOB %s  %s  conveyed %s" % (n_, dob_, p["room"], fd(ev_date(), "dmy")))
        else:
            L.append("%s  aged %d  %s" % (nm(p, "upper_sur"), age_on(p["dob"], d), p["room"]))
    L.append("Prepared by %s, Home Manager" % sname(man))
    body = "Dear %s,\n\nAs discussed at the care home forum, here are our conveyances. %s and %s were on shift for most of them.\n\nBest wishes\n%s\n%s\n%s" % (
        fclead["fore"], sname(R.choice(chnurse)), sname(R.choice(chcarer), "full"), sname(man), home, man["phone"])
    out("shared/email/Conveyances_%s.eml" % home.replace(" ", "_"),
        eml(man, [fclead], [R.choice(hubcl)], "Conveyances from %s" % home, body,
            [("conveyances.pdf", pdf_bytes(L, "conveyances"), "application/pdf")], d))
    n_mail += 1
# 4) reablement team leader -> broker: handover of ending reablement (inline, several people)
rb = on("reable")
if rb:
    d = ev_date()
    lines = []
    for p in rb[:5]:
        if R.random() < 0.5:
            n_, dob_ = name_dob(p, R.choice(["full", "title"]), R.choice(["dmy", "ord"]))
            lines.append("- %s (%s): %s" % (n_, dob_, R.choice(["needs ongoing 2 calls/day", "independent, end service"])))
        else:
            lines.append("- %s: %s" % (nm(p, "title"), R.choice(["needs ongoing POC am/pm", "hospital admission"])))
        if p["access"] and R.random() < 0.5:
            lines.append("  " + " ".join(access_lines(p)))
    body = "Hi all,\n\nReablement ending this week:\n\n%s\n\nWorkers %s and %s can do a joint handover visit.\n\n%s\nReablement Team Leader" % (
        "\n".join(lines), sname(reab[0]), sname(reab[1]), sname(reablead))
    out("shared/email/Reablement_ending_wc_%s.eml" % d.strftime("%d%m"),
        eml(reablead, broker, [R.choice(swork), admin_la[0]], "Reablement ending - please broker", body, [], d))
    n_mail += 1
# 5) falls specialist -> GP with xlsx attachment of practice's patients
for g in gps[:2]:
    mine = [p for p in on("falls") if p["gp"] is g]
    if not mine:
        continue
    d = ev_date()
    rows = [["Patient", "DOB", "NHS", "Date seen", "Outcome"]]
    for p in mine:
        n_, dob_ = name_dob(p, "upper_sur", "dmy")
        rows.append([n_, dob_, nhs_w(p), fd(ev_date(), "dmy"), R.choice(["no injury", "referred", "conveyed"])])
    fp = fallsP[0]
    body = "Dear Dr %s,\n\nPlease find attached your practice's patients seen by the falls car this quarter.\n\n%s\nSpecialist Paramedic" % (
        g["sur"], sname(fp))
    out("shared/email/Falls_quarterly_%s.eml" % g["sur"].replace(" ", "").replace("'", ""),
        eml(fp, [g], [fallsP[1]], "Falls response - quarterly list", body,
            [("falls_%s.xlsx" % g["practice"].split()[0], xlsx_bytes([("Seen", rows)]),
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")], d))
    n_mail += 1

# 6) brokers -> home care provider: package requests with the support plan attached
for p in [x for x in on("broker") if x not in broker_letter][: max(3, N // 15)]:
    d = ev_date()
    b = R.choice(broker)
    co = R.choice(provco)
    if R.random() < 0.5:
        n_, dob_ = name_dob(p, R.choice(["full", "title", "sur_comma"]), R.choice(["dmy", "long"]))
        who = "%s, DOB %s" % (n_, dob_)
    else:
        who = "%s (%d)" % (nm(p, R.choice(["title", "full"])), age_on(p["dob"], d))
    acc = " ".join(access_lines(p)) if p["access"] else "Client will answer the door to carers."
    body = ("Hi %s,\n\nCan you pick up a package for %s at %s, %s? 4 calls a day, double-up at tea. "
            "Start ASAP.\n\nAccess: %s\n\nSupport plan attached (assessor %s).\n\nMany thanks,\n%s\nBrokerage, %s\n%s" % (
                co["fore"], who, p["addr"]["line1"], p["addr"]["town"], acc, sname(R.choice(swork)), sname(b), LA, b["phone"]))
    n2, dob2 = name_dob(p, "full", R.choice(["dmy", "iso", "dmy_dot"]))
    plan = ["**Support plan", "Name: %s" % n2, "Date of birth: %s" % dob2, "NHS number: %s" % (nhs_w(p) or "not known"),
            "Outcomes: to remain at home safely; to wash and dress with support.",
            "Calls: 08:00, 12:30, 17:00 (x2), 21:00."]
    if p["rel"]:
        r = p["rel"][0]
        plan.append("Main contact: %s (%s) %s" % (rel_w(r), r["kind"], r["phone"]))
    if p["spouse"] is not None:
        sp = PAT[p["spouse"]]
        plan.append("Lives with spouse %s, who also has care needs." % nm(sp, "full"))
    att = ("support_plan_%s.docx" % p["sur"].replace(" ", "").replace("'", ""), docx_bytes(plan),
           "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    out("local_authority/brokerage/email/Package_request_%s_%s.eml" % (d.strftime("%Y%m%d"), p["sur"][:3].upper().replace("'", "").replace(" ", "")),
        eml(b, [co], [R.choice(broker)] if R.random() < 0.5 else [], "New package request - %s area" % p["addr"]["town"], body,
            [att], d))

# JSON (not FHIR): adult social care case-management export, carers nested with their own details
cases = []
for p in on("la") + on("reable"):
    if any(c["_i"] == p["i"] for c in cases):
        continue
    d = ev_date()
    c = {"_i": p["i"], "caseId": "ASC-%06d" % R.randint(0, 999999),
         "person": {"displayName": nm(p, R.choice(["full", "sur_comma", "title"])),
                    "age": age_on(p["dob"], d)}, "team": R.choice(["Locality East", "Locality West", "Reablement"]),
         "allocatedWorker": sname(R.choice(swork + reab)), "openedOn": d.isoformat()}
    if R.random() < 0.6:
        n_, dob_ = name_dob(p, "full", "iso")
        c["person"] = {"displayName": n_, "dateOfBirth": dob_, "nhsNumber": nhs_w(p, "plain")}
    if p["rel"]:
        r = p["rel"][0]
        carer = {"name": rel_w(r), "relationship": r["kind"], "phone": r["phone"]}
        if r.get("dob"):
            carer["dateOfBirth"] = r["dob"].isoformat()
        if r.get("nhs"):
            carer["nhsNumber"] = r["nhs"]
        c["carers"] = [carer]
    if p["access"] and R.random() < 0.4:
        c["alerts"] = [{"type": "Access", "text": " ".join(access_lines(p))}]
    else:
        c["alerts"] = [{"type": "Lone working", "text": R.choice(["dog", "none", near_miss(p)])}]
    cases.append(c)
for c in cases:
    del c["_i"]
half = len(cases) // 2
for k, part in enumerate([cases[:half], cases[half:]]):
    out("local_authority/front_door/case_export_part%d.json" % (k + 1),
        json.dumps({"exportedBy": sname(R.choice(admin_la)), "exportedAt": "2026-11-2%dT08:15:00Z" % (k + 1),
                    "system": "HCC Mosaic", "cases": part}, indent=2, ensure_ascii=False))

# ============================================================ check and truth
missing = [p for p in PAT if p["i"] not in LED["dob"]]
if missing:
    # every patient must appear with full name + full DOB somewhere: add them to a data-quality list
    rows = [["patient_name", "date_of_birth", "nhs_no", "issue", "raised_by"]]
    for p in missing:
        n_, dob_ = name_dob(p, "full", "dmy")
        rows.append([n_, dob_, nhs_w(p, "plain"), "no matching record in ePCR extract", sname(admin_la[0])])
    out("shared/data_quality/unmatched_records.csv", csv_text(rows))
assert all(p["i"] in LED["dob"] for p in PAT)

patients_names = {(p["fore"] + " " + p["sur"]).lower() for p in PAT}
people = []
for p in PAT:
    e = {"forename": p["fore"], "surname": p["sur"], "dob": p["dob"].strftime("%d/%m/%Y"),
         "nhs_number": p["nhs"] if p["i"] in LED["nhs"] else "", "keysafe_code": "",
         "setting": p["setting"], "title": p["title"]}
    if p["mid"]:
        e["middle_names"] = " ".join(p["mid"])
    if p.get("home"):
        e["care_home"] = p["home"]
    if p["spouse"] is not None:
        sp = PAT[p["spouse"]]
        e["spouse"] = sp["fore"] + " " + sp["sur"]
    acc = LED["access"].get(p["i"], {})
    if acc:
        kinds = [a["kind"] for a in p["access"] if a["kind"] in acc]
        e["keysafe_code"] = "; ".join(acc[k] for k in kinds)
        e["access_kind"] = kinds
    people.append(e)
staff = sorted(STAFF_SEEN)
related = sorted(n for n in LED["related"] if n.lower() not in patients_names)
assert not ({s.lower() for s in staff} & patients_names)
truth = {"people": people, "staff": staff, "related": related}
with open(TRUTH, "w", encoding="utf-8") as fh:
    json.dump(truth, fh, indent=1, ensure_ascii=False)
print("share %s: %d files %s; %d people (%d with home access, %d with NHS no), %d staff, %d related" % (
    SHARE, sum(COUNT.values()), dict(sorted(COUNT.items())), len(people), sum(1 for e in people if e["keysafe_code"]),
    sum(1 for e in people if e["nhs_number"]), len(staff), len(related)))
