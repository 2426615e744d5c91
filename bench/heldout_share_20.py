#!/usr/bin/env python3
"""Held-out breach share 20: a council's telecare / community-alarm service (Careline),
its falls-response team, the out-of-hours district nurses and the reablement team.

    python heldout_share_20.py SHARE_DIR TRUTH.json [PEOPLE=120] [SEED=1]

Deterministic for the same arguments (fixed timestamps in every zip, MIME boundary and PDF).
Standard library plus python-docx and openpyxl. Everything is invented: NHS numbers start 485
with a valid Modulus 11 check digit, phones are Ofcom drama numbers (07700 900xxx,
0161 496 0xxx), streets, towns and people do not exist.
"""
import base64
import csv
import datetime as dt
import io
import json
import random
import sys
import zipfile
from pathlib import Path

import docx
import openpyxl
from docx.shared import Pt

FIXED = dt.datetime(2026, 11, 20, 9, 0, 0)
TODAY = dt.date(2026, 11, 20)

# --------------------------------------------------------------------------------------
# name pools
FEM = [("Margaret", ["Peggy", "Maggie", "Madge"]), ("Elizabeth", ["Betty", "Liz", "Bet"]),
       ("Dorothy", ["Dot", "Dolly"]), ("Patricia", ["Pat", "Trish"]), ("Kathleen", ["Kath"]),
       ("Florence", ["Flo", "Florrie"]), ("Winifred", ["Winnie"]), ("Mary", ["Molly"]),
       ("Josephine", ["Josie"]), ("Gwendoline", ["Gwen"]), ("Irene", ["Renee"]),
       ("Valerie", ["Val"]), ("Barbara", ["Babs", "Barb"]), ("Agnes", ["Aggie", "Nessie"]),
       ("Evelyn", ["Evie"]), ("Beatrice", ["Bea", "Trixie"]), ("Marjorie", ["Marj"]),
       ("Lilian", ["Lily"]), ("Maureen", ["Mo"]), ("Phyllis", ["Phyl"]),
       ("Bernadette", ["Bernie"]), ("Bridget", ["Bridie"]), ("Christine", ["Chris"]),
       ("Jean", []), ("Sheila", []), ("Brenda", []), ("Joan", []), ("Edna", []),
       ("Doreen", []), ("Audrey", []), ("Hilda", []), ("Eileen", []), ("Mavis", []),
       ("Ivy", []), ("Sylvia", []), ("Pauline", []), ("Rita", []), ("Gladys", []),
       ("Nora", []), ("Hyacinth", []), ("Myrtle", []), ("Siobhan", []),
       ("Veronica", ["Ronnie"]), ("Theresa", ["Tess", "Terri"])]
MAL = [("William", ["Bill", "Billy"]), ("Robert", ["Bob", "Bobby"]), ("James", ["Jim", "Jimmy"]),
       ("John", ["Jack", "Johnny"]), ("Edward", ["Ted", "Eddie"]), ("Frederick", ["Fred"]),
       ("Albert", ["Bert", "Albie"]), ("Harold", ["Harry"]), ("Thomas", ["Tom", "Tommy"]),
       ("Richard", ["Dick"]), ("Alfred", ["Alf", "Alfie"]), ("Leonard", ["Len"]),
       ("Ronald", ["Ron", "Ronnie"]), ("Donald", ["Don"]), ("Kenneth", ["Ken"]),
       ("Stanley", ["Stan"]), ("Raymond", ["Ray"]), ("Gerald", ["Gerry"]),
       ("Walter", ["Wally"]), ("Clifford", ["Cliff"]), ("Terence", ["Terry"]),
       ("Anthony", ["Tony"]), ("Michael", ["Mick"]), ("Patrick", ["Paddy", "Pat"]),
       ("Desmond", ["Des"]), ("Wilfred", ["Wilf"]), ("Arthur", []), ("George", []), ("Dennis", []), ("Norman", []), ("Eric", []),
       ("Derek", []), ("Cyril", []), ("Percy", []), ("Winston", []), ("Brian", []), ("Keith", []), ("Colin", [])]
SA_SUR = {"Patel", "Hussain", "Akhtar", "Sandhu", "Gill", "Kaur", "Singh", "Begum", "Ahmed",
          "Mistry", "Chauhan"}
PL_SUR = {"Kowalczyk", "Nowak", "Zajac"}
WA_SUR = {"Mensah", "Okafor"}
SA_POOLS = {  # surname -> (women's names, men's names) of that community
    "mus": ([("Parveen", []), ("Nasreen", []), ("Shamim", []), ("Rukhsana", []), ("Zarina", [])],
            [("Mohammed", []), ("Abdul", []), ("Bashir", []), ("Ghulam", []), ("Yaqub", [])]),
    "sikh": ([("Kulwant", []), ("Jaswinder", ["Jas"]), ("Surinder", []), ("Gurmeet", [])],
             [("Gurdev", []), ("Karamjit", []), ("Harbhajan", []), ("Balbir", [])]),
    "guj": ([("Hansaben", ["Hansa"]), ("Kokilaben", ["Kokila"]), ("Manjula", [])],
            [("Ramesh", []), ("Mahendra", []), ("Jayantilal", ["Jayant"])]),
}
SA_COMMUNITY = {"Hussain": "mus", "Akhtar": "mus", "Begum": "mus", "Ahmed": "mus",
                "Sandhu": "sikh", "Gill": "sikh", "Kaur": "sikh", "Singh": "sikh",
                "Patel": "guj", "Mistry": "guj", "Chauhan": "guj"}
PL_F = [("Krystyna", ["Krysia"]), ("Zofia", ["Zosia"]), ("Halina", []), ("Danuta", [])]
PL_M = [("Stanislaw", ["Stan", "Stash"]), ("Tadeusz", ["Tadek"]), ("Zbigniew", ["Zbyszek"])]
WA_F = [("Comfort", []), ("Grace", []), ("Abena", []), ("Felicia", [])]
WA_M = [("Kwame", []), ("Emmanuel", ["Emma"]), ("Samuel", ["Sammy"]), ("Joseph", ["Joe"])]
MIDDLE_F = ["Ann", "Mary", "Elizabeth", "Joan", "Rose", "May", "Jean", "Louise"]
MIDDLE_M = ["James", "John", "Arthur", "George", "Edward", "Henry", "Thomas"]
SURNAMES = ["Ormerod", "Higginbottom", "Ashcroft", "Pilkington", "Whitworth", "Haworth",
            "Greenhalgh", "Butterworth", "Entwistle", "Kershaw", "Fairclough", "Tattersall",
            "Brierley", "Crossley", "Horrocks", "Lomax", "Nuttall", "Sutcliffe", "Ackroyd",
            "Holroyd", "Barraclough", "Dobson", "Shaw", "Thwaite", "Pickles", "Hargreaves",
            "Duckworth", "Gaskell", "Mellor", "Pendlebury", "Rothwell", "Schofield",
            "Wolstenholme", "O'Hara", "McGuinness", "Doherty", "Kowalczyk", "Nowak", "Patel",
            "Hussain", "Akhtar", "Sandhu", "Gill", "Campbell", "Brown", "Reid", "Clarke-Hughes",
            "Fitzgerald", "Barker", "Taylor", "Walsh", "Murphy", "Isherwood", "Heap",
            "Openshaw", "Bentley", "Cunliffe", "Marsden", "Rigby", "Slater", "Worsley",
            "Howarth", "Jagger", "Fletcher", "Hindle", "Ramsbottom", "Grimshaw", "Riley",
            "Seddon", "Hamer", "Booth", "Clegg", "Dewhurst", "Eccles", "Farnworth",
            "Gregson", "Hulme", "Ingham", "Kenyon", "Leach", "Mather", "Partington",
            "Royle", "Stott", "Tonge", "Walmsley", "Yates", "Ogden", "Pollitt", "Lord",
            "Chadwick", "Bamford", "Ainsworth", "Bradshaw", "Coupe", "Dearden", "Edge",
            "Francis", "Garnett", "Hesketh", "Jolly", "Knowles", "Lees", "Makin", "Nield",
            "Parr", "Quayle", "Ratcliffe", "Scholes", "Tomlinson", "Unsworth-Bell", "Vose",
            "Wardle", "Zajac", "Mensah", "Okafor", "Grant", "Bailey", "Forbes", "Kaur",
            "Singh", "Begum", "Ahmed", "Mistry", "Chauhan"]
REL_F = ["Karen", "Julie", "Tracey", "Lisa", "Andrea", "Nicola", "Joanne", "Michelle",
         "Amanda", "Sharon", "Debbie", "Claire", "Helen", "Rubina", "Agnieszka", "Jas",
         "Lorraine", "Wendy", "Gillian", "Carol", "Janet", "Angela", "Denise", "Kerry"]
REL_M = ["Gary", "Mark", "Paul", "Dean", "Stephen", "Wayne", "Shaun", "Darren", "Lee",
         "Carl", "Imran", "Tomasz", "Ian", "Neil", "Martin", "Andrew", "Graham", "Philip",
         "Kevin", "Russell", "Jason", "Adrian"]
NEIGH = [("Iris", "Bell"), ("Frank", "Moody"), ("Sandra", "Kilbride"), ("Bob", "Tranter"),
         ("Pam", "Haydock"), ("Jimmy", "Costigan"), ("Lynn", "Aspinall"), ("Ray", "Birtwistle"),
         ("Yvonne", "Sixsmith"), ("Harpreet", "Dhillon"), ("Val", "Cowburn"),
         ("Trevor", "Nightingale"), ("Maxine", "Sefton"), ("Des", "Warburton"),
         ("Gloria", "Edmondson"), ("Stuart", "Pennington"), ("Joyce", "Hartley"),
         ("Ahmed", "Laher"), ("Marion", "Swindells"), ("Ted", "Kirkham")]

STREETS = ["Lark Rise", "Mill Lane", "Tanpits Road", "Cobden Street", "Ravenscroft Close",
           "Bleachers Way", "Hollins Brow", "Wellfield Terrace", "Kestrel Avenue", "Gorsey Bank",
           "Chapel Fold", "Thornleigh Drive", "Orchard Walk", "Bradshaw Meadows", "Dyeworks Lane",
           "Pennine View", "Sough Lane", "Quarry Bank Road", "Cotton Row", "Tenter Street",
           "Brookside Crescent", "Slack Lane", "Whinberry Way", "Rushcroft Road", "Hillock Close",
           "Fernhill Grove", "Beech Mount", "Cheetham Fold", "Lowbrook Avenue", "Weavers Green"]
SCHEMES = ["Spinners Court", "Mayfield House", "Ashbrook Court", "Harwood Lodge", "Cobden Mews"]
SCHEME_STREET = {"Spinners Court": "Cotton Row", "Mayfield House": "Beech Mount",
                 "Ashbrook Court": "Brookside Crescent", "Harwood Lodge": "Dyeworks Lane",
                 "Cobden Mews": "Cobden Street"}
TOWNS = [("Brackenhurst", "BK1"), ("Brackenhurst", "BK2"), ("Kearsden", "BK4"),
         ("Ashbrook", "BK5"), ("Haddon Bridge", "BK7"), ("Moorside Fold", "BK8"),
         ("Cobden Vale", "BK9")]
CARE_HOMES = ["Ashgrove Care Home", "The Laurels Nursing Home", "Fernlea House (residential)",
              "Heathfield Court Care Centre", "St Anne's Nursing Home"]
GP_PRACTICES = ["Moorside Surgery", "Tanpits Medical Centre", "Kearsden Health Centre",
                "Haddon Bridge Family Practice", "Cobden Vale Surgery"]

# staff: (forename, surname, role, short)
STAFF = [
    ("Leanne", "Bickerstaffe", "call handler", "Leanne B"),
    ("Donna", "Whitlock", "call handler", "Donna W"),
    ("Kirsty", "Maddocks", "call handler", "Kirsty"),
    ("Shabana", "Rafiq", "call handler", "Shabana"),
    ("Jordan", "Pyle", "call handler", "Jordan P"),
    ("Beverley", "Thistlethwaite", "call handler", "Bev T"),
    ("Mandy", "Corrigan", "call handler", "Mandy"),
    ("Tariq", "Mahmood", "call handler", "Tariq"),
    ("Gemma", "Loftus", "call handler", "Gemma L"),
    ("Gareth", "Lydiate", "responder", "Gaz"),
    ("Michelle", "Sowerby", "responder", "Michelle S"),
    ("Craig", "Ashworth", "responder", "Craig A"),
    ("Kevin", "Bramhall", "responder", "Kev"),
    ("Asif", "Qureshi", "responder", "Asif"),
    ("Jodie", "Mawdsley", "responder", "Jodie"),
    ("Lewis", "Catterall", "responder", "Lewis"),
    ("Ruth", "Okonjo", "OOH district nurse", "Ruth"),
    ("Siobhan", "Deery", "OOH district nurse", "Siobhan D"),
    ("Marek", "Zielinski", "OOH district nurse", "Marek"),
    ("Helen", "Garside", "OOH district nurse", "Helen G"),
    ("Precious", "Ndlovu", "OOH district nurse", "Precious"),
    ("Alison", "Tyldesley", "OOH DN team lead", "Ali T"),
    ("Dave", "Critchley", "installer", "Dave C"),
    ("Steve", "Unsworth", "installer", "Steve U"),
    ("Phil", "Greaves", "installer", "Phil"),
    ("Sam", "Ridings", "reablement support worker", "Sam R"),
    ("Chantelle", "Kay", "reablement support worker", "Chantelle"),
    ("Niamh", "Brennan", "reablement OT", "Niamh"),
    ("Jackie", "Heaton", "reablement coordinator", "Jackie H"),
    ("Lorraine", "Mottershead", "Careline team leader", "Lorraine"),
    ("Paul", "Fenwick", "telecare service manager", "Paul F"),
]
GPS = [("Anjali", "Khan", "Moorside Surgery"), ("Femi", "Adeyemi", "Tanpits Medical Centre"),
       ("Claire", "Hitchen", "Kearsden Health Centre"), ("Iain", "Murray",
                                                        "Haddon Bridge Family Practice"),
       ("Rashid", "Chowdhury", "Cobden Vale Surgery")]
HOSP_DRS = [("Sarah", "Lund", "Consultant Geriatrician"), ("Tom", "Heyworth", "FY2"),
            ("Priya", "Raman", "Orthogeriatric registrar")]

CONDITIONS = ["COPD", "AF on apixaban", "T2DM (diet)", "T2DM on insulin - hypos",
              "CCF, on furosemide", "vascular dementia", "Alzheimer's (mod)", "Parkinson's",
              "osteoporosis", "OA both knees", "hx #NOF L 2024", "post CVA R sided weakness",
              "registered blind (AMD)", "epilepsy", "CKD 3b", "angina (GTN spray)",
              "hypertension", "LTC catheter - DN weekly", "home O2 2L (NO SMOKING)",
              "depression", "anxiety", "hard of hearing", "leg ulcers - DN dressings",
              "recurrent UTIs", "lymphoedema", "MS", "macular degeneration",
              "postural hypotension", "peripheral neuropathy", "prostate ca (stable)",
              "hx breast ca", "alcohol - previous dependence", "frailty (CFS 6)",
              "learning disability (mild)", "bipolar - lithium", "pressure sore sacrum gr2"]
FALLS = ["found on floor in bathroom", "slid off the bed", "fell in kitchen reaching for kettle",
         "found sat on hall floor, couldn't get up", "fell on stairs (bottom 2 steps)",
         "slipped getting out of the bath", "fell in the garden by the back step",
         "on floor next to commode", "fell getting up from armchair in the night"]
INJ = ["no obvious injury", "small skin tear L forearm - dressed", "bruise R hip, weight bearing",
       "c/o pain L wrist, ?#", "graze to forehead, no LOC reported", "no injury, very cold",
       "skin tear R shin approx 4cm, steri-stripped", "no injury, but confused ?UTI"]

HIDE = ["under the green plant pot by the back door", "under the hedgehog ornament on the front step",
        "in the meter box (not locked)", "on a string behind the letterbox",
        "under the mat at the back door", "in the shed, on the hook behind the door",
        "inside the bird box on the side fence", "under the loose paving slab by the bins",
        "in the magnetic box behind the drainpipe", "under the stone frog by the front door",
        "in the coal bunker", "on top of the outside light over the back door"]
KS_LOC = ["left of front door", "by back door", "in porch", "behind drainpipe at side",
          "on wall by garage", "right of kitchen door", "under front window",
          "side of house by gate", "by the wheelie bins", "inside the back porch"]
KS_MAKE = ["Supra C500", "Keysafe Pro", "Master Lock 5401", "Burton", "KS (unknown make)"]
OPEN = ["Door left on the latch 8am-8pm for carers", "Back door unlocked in the day - let yourself in and shout",
        "Front door on the snib - just push it", "Leaves door unlocked for responders, walk straight in",
        "Door kept unlocked (pt can't get to it) - go straight in", "Back door never locked, come round the side"]

RELS_CHILD = ["son", "daughter", "son-in-law", "daughter-in-law", "grandson", "granddaughter",
              "nephew", "niece"]


def nhs_number(rng, used):
    while True:
        digits = [4, 8, 5] + [rng.randrange(10) for _ in range(6)]
        s = sum(d * w for d, w in zip(digits, range(10, 1, -1)))
        chk = 11 - (s % 11)
        if chk == 11:
            chk = 0
        if chk == 10:
            continue
        n = "".join(map(str, digits)) + str(chk)
        if n not in used:
            used.add(n)
            return n


def fmt_nhs(n, style):
    if not n:
        return ""
    if style == 0:
        return f"{n[:3]} {n[3:6]} {n[6:]}"
    if style == 1:
        return n
    return f"{n[:3]}-{n[3:6]}-{n[6:]}"


MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def fmt_dob(d, style):
    if style == "uk":
        return d.strftime("%d/%m/%Y")
    if style == "dots":
        return f"{d.day}.{d.month}.{d.year % 100:02d}"
    if style == "iso":
        return d.isoformat()
    if style == "long":
        return f"{d.day} {MON[d.month - 1]} {d.year}"
    if style == "dmy-mon":
        return f"{d.day:02d}-{MON[d.month - 1]}-{d.year}"
    if style == "short":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "hl7":
        return d.strftime("%Y%m%d")
    raise ValueError(style)


def mob(rng):
    return f"07700 900{rng.randrange(1000):03d}"


def land(rng):
    return f"0161 496 0{rng.randrange(1000):03d}"


# --------------------------------------------------------------------------------------
class Rel:
    def __init__(self, forename, surname, relationship, phone, has_key, staff=False):
        self.forename, self.surname, self.relationship = forename, surname, relationship
        self.phone, self.has_key, self.staff = phone, has_key, staff
        self.written = False

    @property
    def full(self):
        return f"{self.forename} {self.surname}"


class Home:
    def __init__(self):
        self.members = []
        self.ks = None            # dict(code, loc, make)
        self.ks_secret = False    # fitted but code never written down
        self.communal = None      # communal door keypad code (sheltered scheme)
        self.hidden = None
        self.open = None
        self.kh = []              # Rel with a key
        self.contacts = []        # Rel without a key (NOK, contacts)


class Person:
    def __init__(self):
        self.files = []
        self.variants = []
        self.acc = []
        self.former = []
        self.health = False

    def add_file(self, f):
        if f not in self.files:
            self.files.append(f)

    def v(self, s):
        if s not in self.variants:
            self.variants.append(s)
        return s


class World:
    def __init__(self, n, seed):
        self.rng = random.Random(seed * 7919 + n)
        self.n = n
        self.people = []
        self.homes = []
        self.used_nhs = set()
        self.used_names = {("Edna", "Whitlock"), ("Winifred", "Ashworth"), ("Winnie", "Ashworth"),
                           ("Margaret", "Jones")}
        self.staff = [dict(forename=f, surname=s, role=r, short=sh) for f, s, r, sh in STAFF]
        self.related = []
        self.build()

    # ---- generation
    def make_person(self, sex, surname=None, age_band="old"):
        rng = self.rng
        p = Person()
        p.sex = sex
        if surname is None:
            bad = {"Kaur", "Begum"} if sex == "M" else {"Singh"}
            surname = rng.choice([s for s in SURNAMES if s not in bad])
        p.surname = surname
        if surname in SA_SUR:
            pool = SA_POOLS[SA_COMMUNITY[surname]][0 if sex == "F" else 1]
        elif surname in PL_SUR:
            pool = PL_F if sex == "F" else PL_M
        elif surname in WA_SUR:
            pool = WA_F if sex == "F" else WA_M
        else:
            pool = FEM if sex == "F" else MAL
        for _ in range(50):
            p.forename, pets = rng.choice(pool)
            p.pet = rng.choice(pets) if pets and rng.random() < 0.8 else None
            keys = {(p.forename, surname), (p.pet or p.forename, surname)}
            if not keys & self.used_names:
                break
        self.used_names |= keys
        p.middle = (rng.choice(MIDDLE_F if sex == "F" else MIDDLE_M)
                    if rng.random() < 0.3 and pool in (FEM, MAL) else None)
        if sex == "F":
            p.title = rng.choices(["Mrs", "Miss", "Ms"], [7, 2, 1])[0]
        else:
            p.title = "Mr"
        if age_band == "old":
            y = rng.randint(1926, 1956)
        else:
            y = rng.randint(1962, 1994)
        p.dob = dt.date(y, rng.randint(1, 12), rng.randint(1, 28))
        p.nhs = nhs_number(rng, self.used_nhs) if rng.random() < 0.8 else ""
        p.status = "home"
        p.no_health = rng.random() < 0.09
        p.conds = rng.sample(CONDITIONS, rng.randint(1, 4))
        p.gp = rng.choice(GPS)
        return p

    def build(self):
        rng = self.rng
        n = self.n
        pid = 0
        couple_plan = []
        while pid < n:
            h = Home()
            is_couple = n - pid >= 2 and rng.random() < 0.12
            if is_couple:
                sur = rng.choice([s for s in SURNAMES if s not in ("Kaur", "Begum")])
                a = self.make_person("M", sur)
                if sur == "Singh":
                    wsur = "Kaur"
                elif sur in SA_SUR or rng.random() < 0.85:
                    wsur = sur
                else:
                    wsur = None
                b = self.make_person("F", wsur)
                if b.title == "Miss":
                    b.title = "Mrs"
                by = min(1958, max(1926, a.dob.year + rng.randint(-6, 3)))
                b.dob = dt.date(by, b.dob.month, b.dob.day)
                h.members = [a, b]
                couple_plan.append(h)
            else:
                sex = rng.choice("FFFM")
                band = "old" if rng.random() < 0.9 else "young"
                h.members = [self.make_person(sex, age_band=band)]
            for m in h.members:
                pid += 1
                m.pid = pid
                m.home = h
                self.people.append(m)
            self.homes.append(h)
        # reference numbers, areas, addresses
        used_addr = set()
        for i, h in enumerate(self.homes):
            h.ref = f"CL{20400 + i * 7 + rng.randint(0, 5)}"
            h.area = "N" if rng.random() < 0.55 else "S"
            town, pc = rng.choice(TOWNS)
            h.town = town
            h.postcode = f"{pc} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
            while True:
                if rng.random() < 0.15:
                    sch = rng.choice(SCHEMES)
                    h.addr1 = f"Flat {rng.randint(1, 40)}, {sch}"
                    h.addr2 = SCHEME_STREET[sch]
                    h.scheme = True
                else:
                    h.addr1 = f"{rng.randint(1, 180)} {rng.choice(STREETS)}"
                    h.addr2 = ""
                    h.scheme = False
                if h.addr1 not in used_addr:
                    used_addr.add(h.addr1)
                    break
            h.tel = land(rng)
            h.kit = rng.choice(["Vela Hub 4G + pendant", "Vela Classic + pendant",
                                "Vela Hub 4G + wrist pendant", "Orbit pendant (mobile)",
                                "Vela Hub 4G + falls detector"])
            h.sensors = ", ".join(rng.sample(["smoke det", "falls detector", "bed sensor",
                                              "door exit sensor", "flood det", "CO det",
                                              "pill dispenser", "heat det"], rng.randint(0, 3)))
        # statuses: a few died, a few moved into care homes
        singles = [h for h in self.homes if len(h.members) == 1]
        rng.shuffle(singles)
        k = max(1, n // 17)
        for h in singles[:k]:
            p = h.members[0]
            p.status = "died"
            p.died_on = TODAY - dt.timedelta(days=rng.randint(5, 70))
        for h in singles[k:2 * k]:
            p = h.members[0]
            p.status = "carehome"
            p.care_home = rng.choice(CARE_HOMES)
            p.moved_on = TODAY - dt.timedelta(days=rng.randint(7, 90))
        if len(couple_plan) >= 2:
            h = couple_plan[0]
            h.members[0].status = "died"
            h.members[0].died_on = TODAY - dt.timedelta(days=rng.randint(10, 40))
            h = couple_plan[1]
            h.members[1].status = "carehome"
            h.members[1].care_home = rng.choice(CARE_HOMES)
            h.members[1].moved_on = TODAY - dt.timedelta(days=rng.randint(10, 60))
        # forced hard cases among singles living at home
        home_singles = [h for h in singles[2 * k:] if h.members[0].status == "home"]
        if len(home_singles) >= 6:
            e = home_singles[0].members[0]
            e.sex, e.title, e.forename, e.pet, e.surname = "F", "Mrs", "Edna", None, "Whitlock"
            w = home_singles[1].members[0]
            w.sex, w.title, w.forename, w.pet, w.surname = "F", "Mrs", "Winifred", "Winnie", "Ashworth"
            for hh in home_singles[2:4]:
                m = hh.members[0]
                m.sex, m.title, m.forename, m.pet, m.surname = "F", "Mrs", "Margaret", None, "Jones"
                m.middle = None
            self.edna_home, self.winnie_home = home_singles[0], home_singles[1]
        else:
            self.edna_home = self.winnie_home = None
        for h in self.homes:
            for m in h.members:
                if m.dob.year > 1960:
                    m.conds = rng.sample(["learning disability (mild)", "epilepsy", "MS",
                                          "cerebral palsy", "acquired brain injury",
                                          "autism", "T1DM - hypos", "bipolar - lithium"], 2)
        # home access facts
        for h in self.homes:
            r = rng.random()
            if r < 0.66:
                h.ks = dict(code=f"{rng.randint(0, 9999):04d}", loc=rng.choice(KS_LOC),
                            make=rng.choice(KS_MAKE))
                h.ks_secret = rng.random() < 0.15
            if h.scheme and rng.random() < 0.7:
                h.communal = f"{rng.randint(1000, 9999)}"
            if rng.random() < 0.13:
                h.hidden = rng.choice(HIDE)
            if rng.random() < 0.09:
                h.open = rng.choice(OPEN)
            main = h.members[0]
            nkh = rng.choices([0, 1, 2], [4, 4, 2])[0]
            for _ in range(nkh):
                h.kh.append(self.make_rel(main, True))
            if rng.random() < 0.5:
                h.contacts.append(self.make_rel(main, False))
        if self.edna_home:
            self.edna_home.kh.insert(0, Rel("Donna", "Whitlock", "daughter", mob(rng), True,
                                            staff=True))
            self.winnie_home.kh.insert(0, Rel("Craig", "Ashworth", "grandson", mob(rng), True,
                                              staff=True))

    def make_rel(self, p, has_key):
        rng = self.rng
        r = rng.random()
        if r < 0.25:
            f, s = rng.choice(NEIGH)
            return Rel(f, s, "neighbour", mob(rng), has_key)
        if r < 0.32:
            f = rng.choice(REL_F + REL_M)
            return Rel(f, rng.choice(SURNAMES), "friend", mob(rng), has_key)
        rel = rng.choice(RELS_CHILD)
        fem = rel in ("daughter", "daughter-in-law", "granddaughter", "niece")
        f = rng.choice(REL_F if fem else REL_M)
        if rel in ("son", "grandson", "nephew") or (fem and rng.random() < 0.3):
            s = p.surname
        else:
            s = rng.choice(SURNAMES)
        return Rel(f, s, rel, mob(rng), has_key)

    # ---- exposure bookkeeping
    def expose(self, h, kind, f):
        for m in h.members:
            lst = m.acc if m.status == "home" else m.former
            if kind not in lst:
                lst.append(kind)
            m.add_file(f)

    def rel_written(self, rel):
        rel.written = True

    def health(self, p, f):
        p.health = True
        p.add_file(f)

    def living(self, h):
        return [m for m in h.members if m.status == "home"]

    # ---- name shapes
    def name(self, p, style):
        t = p.title
        fn = p.forename
        pet = p.pet or p.forename
        if style == "full":
            s = f"{fn} {p.surname}"
        elif style == "pet":
            s = f"{pet} {p.surname}"
        elif style == "tinit":
            s = f"{t} {fn[0]} {p.surname}"
        elif style == "tfull":
            s = f"{t} {fn} {p.surname}"
        elif style == "SUR":
            s = f"{p.surname.upper()}, {fn}"
        elif style == "Sur":
            s = f"{p.surname}, {fn}"
        elif style == "paren":
            s = f"{fn} ({p.pet}) {p.surname}" if p.pet else f"{fn} {p.surname}"
        elif style == "middle":
            s = f"{fn} {p.middle} {p.surname}" if p.middle else f"{fn} {p.surname}"
        elif style == "tpet":
            s = f"{t} {pet} {p.surname}"
        elif style == "SURpet":
            s = f"{p.surname.upper()}, {fn} ({p.pet})" if p.pet else f"{p.surname.upper()}, {fn}"
        elif style == "FULLUP":
            s = f"{fn} {p.surname.upper()}"
        else:
            raise ValueError(style)
        return p.v(s)

    def rname(self, p):
        return self.name(p, self.rng.choice(["full", "pet", "tinit", "tfull", "SUR", "paren",
                                             "tpet", "middle", "Sur"]))

    def med(self, p, n=None):
        c = p.conds if n is None else p.conds[:n]
        return ", ".join(c)

    def staff_by_role(self, *roles):
        return [s for s in self.staff if s["role"] in roles]

    def pick_staff(self, *roles):
        return self.rng.choice(self.staff_by_role(*roles))


def sfull(s):
    return f"{s['forename']} {s['surname']}"


# --------------------------------------------------------------------------------------
# writers of formats
def save_docx(d, path):
    cp = d.core_properties
    cp.author = "Careline"
    cp.last_modified_by = "Careline"
    cp.created = FIXED
    cp.modified = FIXED
    cp.last_printed = FIXED
    d.save(path)
    normalize_zip(path)


def save_xlsx(wb, path):
    wb.properties.creator = "CL8 export"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.save(path)
    normalize_zip(path)


def normalize_zip(path):
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    fixed = []
    for name, data in items:
        if name == "docProps/core.xml":
            import re
            data = re.sub(rb"<dcterms:modified([^>]*)>[^<]*</dcterms:modified>",
                          rb"<dcterms:modified\1>2026-11-20T09:00:00Z</dcterms:modified>", data)
        fixed.append((name, data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in fixed:
            zi = zipfile.ZipInfo(name, date_time=(2026, 11, 20, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


def pdf_escape(s):
    s = s.encode("latin-1", "replace").decode("latin-1")
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def write_pdf(path, pages):
    """pages: list of list of (size, text) lines. Minimal PDF, Helvetica, text layer."""
    objs = []
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objs.append(None)  # pages, filled later
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for lines in pages:
        y = 800
        parts = ["BT"]
        for size, text in lines:
            parts.append(f"/F1 {size} Tf 1 0 0 1 50 {y} Tm ({pdf_escape(text)}) Tj")
            y -= size + 5
        parts.append("ET")
        stream = "\n".join(parts).encode("latin-1")
        objs.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        cnum = len(objs)
        objs.append(("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % cnum).encode())
        kids.append(len(objs))
    objs[1] = ("<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join(f"{k} 0 R" for k in kids), len(kids))).encode()
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
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref))
    Path(path).write_bytes(out.getvalue())


def rtf_escape(s):
    out = []
    for ch in s:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) > 127:
            out.append("\\u%d?" % ord(ch))
        else:
            out.append(ch)
    return "".join(out)


def write_rtf(path, paras):
    body = "".join((rtf_escape(p) if not p.startswith("\\") else p) + "\\par\n" for p in paras)
    Path(path).write_text("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\n"
                          "\\viewkind4\\uc1\\pard\\f0\\fs22\n" + body + "}\n", encoding="ascii")


def write_eml(path, frm, to, subject, date, body, attachments=(), msgid="", cc=None, inreply=None):
    boundary = "----=_Part_" + base64.b32encode(subject.encode()[:10]).decode().strip("=")
    hdr = [f"From: {frm}", f"To: {to}"]
    if cc:
        hdr.append(f"Cc: {cc}")
    hdr += [f"Subject: {subject}", f"Date: {date}", f"Message-ID: <{msgid}@careline.brackenhurst.gov.uk>",
            "MIME-Version: 1.0"]
    if inreply:
        hdr.append(f"In-Reply-To: <{inreply}@careline.brackenhurst.gov.uk>")
    if not attachments:
        hdr += ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit"]
        text = "\n".join(hdr) + "\n\n" + body + "\n"
    else:
        hdr.append(f'Content-Type: multipart/mixed; boundary="{boundary}"')
        parts = ["\n".join(hdr), "", "This is a multi-part message in MIME format.", "",
                 f"--{boundary}", "Content-Type: text/plain; charset=utf-8",
                 "Content-Transfer-Encoding: 8bit", "", body, ""]
        for fname, ctype, data in attachments:
            b64 = base64.encodebytes(data).decode()
            parts += [f"--{boundary}", f'Content-Type: {ctype}; name="{fname}"',
                      "Content-Transfer-Encoding: base64",
                      f'Content-Disposition: attachment; filename="{fname}"', "", b64]
        parts.append(f"--{boundary}--")
        text = "\n".join(parts) + "\n"
    Path(path).write_text(text, encoding="utf-8")


def csv_bytes(rows):
    b = io.StringIO()
    w = csv.writer(b, lineterminator="\r\n")
    w.writerows(rows)
    return b.getvalue().encode("utf-8")


def email_date(d, hh, mm):
    wd = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][d.weekday()]
    return f"{wd}, {d.day} {MON[d.month - 1]} {d.year} {hh:02d}:{mm:02d}:00 +0000"


# --------------------------------------------------------------------------------------
class Share:
    def __init__(self, root, world):
        self.root = Path(root)
        self.w = world
        self.rng = world.rng
        self.used = set()

    def uniq(self, rel):
        """a new file name for a per-person file (two letters for one Jones, M never overwrite)"""
        base, dot, ext = rel.rpartition(".")
        cand, n = rel, 2
        while cand in self.used:
            cand = f"{base} ({n}).{ext}"
            n += 1
        self.used.add(cand)
        return cand

    def path(self, rel):
        p = self.root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        return p

    # ---------------- access phrase helpers
    def ks_phrase(self, h, f, style=None):
        rng = self.rng
        ks = h.ks
        c, loc = ks["code"], ks["loc"]
        forms = [f"KS {loc} - {c}", f"Key safe code {c} ({loc})", f"keysafe {loc}, code {c}",
                 f"K/S {c} {loc}", f"{ks['make']} key safe {loc}. Code {c}",
                 f"access via key safe {loc}, code {c}", f"KS code: {c}", f"key safe {c}",
                 f"KS ({loc}) combi {c}", f"c/safe {loc} no. {c}"]
        self.w.expose(h, "code", f)
        return rng.choice(forms) if style is None else forms[style % len(forms)]

    def communal_phrase(self, h, f):
        self.w.expose(h, "code", f)
        return self.rng.choice([f"Main entrance keypad {h.communal}#",
                                f"communal door code {h.communal}",
                                f"entry door to the block: press C then {h.communal}",
                                f"Front door of scheme - code {h.communal}"])

    def hidden_phrase(self, h, f):
        self.w.expose(h, "hidden_key", f)
        forms = [f"Spare key kept {h.hidden}", f"key {h.hidden}",
                 f"Back door key hidden {h.hidden}", f"spare key is {h.hidden}"]
        forms.append(f"if KS jams there is a spare key {h.hidden}" if h.ks
                     else f"No key safe - key is left {h.hidden}")
        return self.rng.choice(forms)

    def open_phrase(self, h, f):
        self.w.expose(h, "left_open", f)
        return h.open

    def kh_phrase(self, h, rel, f):
        self.w.expose(h, "key_holder", f)
        self.w.rel_written(rel)
        rng = self.rng
        forms = [f"KH: {rel.full} ({rel.relationship}) {rel.phone} - has key",
                 f"{rel.relationship} {rel.full} holds a key",
                 f"Key held by {rel.full} ({rel.relationship}), {rel.phone}",
                 f"{rel.full} ({rel.relationship}) has a key, tel {rel.phone}"]
        if rel.relationship == "neighbour":
            forms.append(f"Neighbour {rel.full} at no.{rng.randint(1, 90)} has a key")
        return rng.choice(forms)

    def access_lines(self, h, f, want=("code", "hidden", "open", "kh", "communal"), p_each=1.0):
        out = []
        rng = self.rng
        if "communal" in want and h.communal and rng.random() < p_each:
            out.append(self.communal_phrase(h, f))
        if "code" in want and h.ks:
            if h.ks_secret:
                out.append(rng.choice(["KS fitted - code on CL8 only, ring MC",
                                       "key safe (code held by monitoring centre)",
                                       "KS yes - code not to be written on notes"]))
            elif rng.random() < p_each:
                out.append(self.ks_phrase(h, f))
        if "hidden" in want and h.hidden and rng.random() < p_each:
            out.append(self.hidden_phrase(h, f))
        if "open" in want and h.open and rng.random() < p_each:
            out.append(self.open_phrase(h, f))
        if "kh" in want:
            for rel in h.kh:
                if rng.random() < p_each:
                    out.append(self.kh_phrase(h, rel, f))
        return out

    # ---------------- 1. monitoring centre export North (CSV, one row per home)
    def export_north(self):
        w, rng = self.w, self.rng
        f = "Monitoring Centre/Exports/CL8_client_export_NORTH_2026-11-18.csv"
        cols = ["Client Ref", "Title", "Forename", "Surname", "Known As", "DOB", "NHS Number",
                "Address 1", "Address 2", "Town", "Postcode", "Home Tel", "Equipment", "Sensors",
                "Key Safe", "KS Location", "KS Code", "Access Notes", "Responder 1",
                "Resp 1 Relationship", "Resp 1 Tel", "Resp 1 Key", "Responder 2",
                "Resp 2 Relationship", "Resp 2 Tel", "Resp 2 Key", "GP Practice",
                "Medical Summary", "Client 2 Title", "Client 2 Forename", "Client 2 Surname",
                "Client 2 DOB", "Client 2 NHS", "Client 2 Medical", "Record Notes"]
        rows = [cols]
        for h in w.homes:
            live = w.living(h)
            if h.area != "N" or not live:
                continue
            a = live[0]
            w.name(a, "full")
            a.add_file(f)
            ks = "Y" if h.ks else "N"
            code = ""
            if h.ks:
                if h.ks_secret:
                    code = "held by MC"
                elif rng.random() < 0.85:
                    code = h.ks["code"]
                    w.expose(h, "code", f)
                else:
                    code = "see notes"
            notes = []
            if h.communal and rng.random() < 0.8:
                notes.append(self.communal_phrase(h, f))
            if h.hidden:
                notes.append(self.hidden_phrase(h, f))
            if h.open:
                notes.append(self.open_phrase(h, f))
            resp = []
            for rel in (h.kh + h.contacts)[:2]:
                resp.append([rel.full, rel.relationship, rel.phone, "Y" if rel.has_key else "N"])
                w.rel_written(rel)
                if rel.has_key:
                    w.expose(h, "key_holder", f)
            while len(resp) < 2:
                resp.append(["", "", "", ""])
            medtxt = "" if a.no_health else w.med(a)
            if not a.no_health:
                w.health(a, f)
            row = [h.ref, a.title, a.forename, a.surname, a.pet or "",
                   fmt_dob(a.dob, "uk"), fmt_nhs(a.nhs, 0), h.addr1, h.addr2, h.town,
                   h.postcode, h.tel, h.kit, h.sensors, ks, h.ks["loc"] if h.ks else "", code,
                   "; ".join(notes)] + resp[0] + resp[1] + [a.gp[2], medtxt]
            if len(live) > 1:
                b = live[1]
                w.name(b, "full")
                b.add_file(f)
                if not b.no_health:
                    w.health(b, f)
                row += [b.title, b.forename, b.surname, fmt_dob(b.dob, "uk"), fmt_nhs(b.nhs, 0),
                        "" if b.no_health else w.med(b)]
            else:
                row += ["", "", "", "", "", ""]
            rn = ""
            gone = [m for m in h.members if m.status != "home"]
            if gone:
                g = gone[0]
                if g.status == "died":
                    rn = f"Client 2 ({w.name(g, 'pet')}) deceased {g.died_on.strftime('%d/%m/%y')} - removed"
                else:
                    rn = f"{w.name(g, 'pet')} now in {g.care_home} - removed as client 2"
                g.add_file(f)
            row.append(rn)
            rows.append(row)
        self.path(f).write_bytes(csv_bytes(rows))

    # ---------------- 2. South export (XLSX, split names, one row per person)
    def export_south(self):
        w, rng = self.w, self.rng
        f = "Monitoring Centre/Exports/CL8 export SOUTH area Nov26.xlsx"
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Client list"
        ws.append(["Careline - South locality client list (run 18/11/2026 06:00)"])
        ws.append(["Ref", "SURNAME", "Forename(s)", "Pref name", "Sex", "D.O.B.", "NHS No.",
                   "Address", "Postcode", "Tel", "Kit", "KS?", "KS code / access",
                   "Key holders / contacts", "Med hx / risks", "Status"])
        ws2_rows = []
        for h in w.homes:
            live = w.living(h)
            if h.area != "S" or not live:
                continue
            for i, p in enumerate(live):
                p.add_file(f)
                fn = f"{p.forename} {p.middle}" if p.middle else p.forename
                p.v(f"{p.surname.upper()} {fn}")
                acc = []
                if h.ks:
                    if h.ks_secret:
                        acc.append("code on system")
                    else:
                        acc.append(self.ks_phrase(h, f, style=rng.choice([6, 7, 1, 3])))
                if h.communal:
                    acc.append(self.communal_phrase(h, f))
                if h.hidden and rng.random() < 0.7:
                    acc.append(self.hidden_phrase(h, f))
                if h.open:
                    acc.append(self.open_phrase(h, f))
                khs = []
                for rel in h.kh + h.contacts:
                    w.rel_written(rel)
                    tag = "KEY" if rel.has_key else "no key"
                    short = {"daughter": "dau", "neighbour": "nbr", "granddaughter": "g/dau",
                             "grandson": "g/son", "son-in-law": "s-i-l",
                             "daughter-in-law": "d-i-l"}.get(rel.relationship, rel.relationship)
                    khs.append(f"{rel.full} ({short}) {rel.phone} {tag}")
                    if rel.has_key:
                        w.expose(h, "key_holder", f)
                if len(live) > 1:
                    other = live[1 - i]
                    khs.insert(0, f"lives with {other.title.lower()}. {other.forename} (also client)")
                medtxt = ""
                if not p.no_health:
                    w.health(p, f)
                    medtxt = w.med(p)
                    if rng.random() < 0.3:
                        medtxt += "; " + rng.choice(["high falls risk", "DNACPR in place",
                                                     "lives alone, poor mobility",
                                                     "uses 4-wheeled walker", "hoarding - trip hazards",
                                                     "dog in property (friendly)"])
                ref = h.ref + (f"/{i + 1}" if len(live) > 1 else "")
                ws.append([ref, p.surname.upper(), fn, p.pet or "", p.sex,
                           dt.datetime(p.dob.year, p.dob.month, p.dob.day),
                           fmt_nhs(p.nhs, 1), f"{h.addr1}, {h.addr2 + ', ' if h.addr2 else ''}{h.town}",
                           h.postcode, h.tel, h.kit, "Y" if h.ks else "N", " / ".join(acc),
                           "; ".join(khs), medtxt, "Active"])
                ws.cell(row=ws.max_row, column=6).number_format = "dd/mm/yyyy"
            for rel in h.kh:
                ws2_rows.append([h.ref, w.name(live[0], "SUR"), rel.full, rel.relationship,
                                 rel.phone, "Yes", rng.choice(["", "works days", "24hr",
                                                               "not weekends", "lives 2 mins away"])])
        ws2 = wb.create_sheet("Responders")
        ws2.append(["Ref", "Client", "Responder name", "Relationship", "Mobile", "Holds key?",
                    "Availability"])
        for r in ws2_rows:
            ws2.append(r)
        save_xlsx(wb, self.path(f))

    # ---------------- 3. key safe register (installers) XLSX
    def ks_register(self):
        w, rng = self.w, self.rng
        f = "Installations/Key safe register 2019-2026.xlsx"
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Register"
        ws.append(["Job no", "Surname", "First name", "Address", "Postcode", "Make", "Location",
                   "Code", "Fitted", "Fitted by", "Status"])
        installers = w.staff_by_role("installer")
        closed = []
        for h in w.homes:
            if not h.ks or h.ks_secret or rng.random() < 0.3:
                continue
            p = h.members[0]
            fitted = dt.date(rng.randint(2019, 2026), rng.randint(1, 12), rng.randint(1, 28))
            if fitted > TODAY:
                fitted = dt.date(2026, 3, 2)
            inst = rng.choice(installers)
            status = "Active"
            if all(m.status != "home" for m in h.members):
                status = ("Client deceased - KS not removed" if p.status == "died"
                          else "Client in care home - KS still on wall")
            row = [f"JS{rng.randint(10000, 99999)}", p.surname, p.pet or p.forename,
                   h.addr1 + (", " + h.addr2 if h.addr2 else ""), h.postcode, h.ks["make"],
                   h.ks["loc"], h.ks["code"], fitted.strftime("%d/%m/%Y"), sfull(inst), status]
            p.v(f"{p.pet or p.forename} {p.surname}")
            w.expose(h, "code", f)
            for m in h.members:
                m.add_file(f)
            if status == "Active":
                ws.append(row)
            else:
                closed.append(row)
        ws3 = wb.create_sheet("Closed - not removed")
        ws3.append(["Job no", "Surname", "First name", "Address", "Postcode", "Make", "Location",
                    "Code", "Fitted", "Fitted by", "Status"])
        for r in closed:
            ws3.append(r)
        ws4 = wb.create_sheet("Office")
        ws4.append(["Item", "Detail"])
        ws4.append(["Base key safe (pool car keys)", "code 2206 - do NOT give out"])
        ws4.append(["Stock room", "door code 7319#"])
        ws4.append(["Demo key safe (training)", "set to 0000"])
        save_xlsx(wb, self.path(f))

    # ---------------- 4. closures (died / care home)
    def closures(self):
        w, rng = self.w, self.rng
        f = "Monitoring Centre/Closures/closures_Q3-Q4_2026.csv"
        rows = [["Ref", "Client", "DOB", "NHS No", "Address", "Postcode", "Closed", "Reason",
                 "Destination", "Equipment", "KS status", "Notes"]]
        for h in w.homes:
            for p in h.members:
                if p.status == "home":
                    continue
                p.add_file(f)
                nm = w.name(p, rng.choice(["SUR", "Sur", "SURpet"]))
                if p.status == "died":
                    closed, reason = p.died_on, "Deceased"
                    dest = rng.choice(["", "died at home", "died in RBH", "died in hospice"])
                    cause = rng.choice(["", "pneumonia", "following fall / #NOF", "end stage HF",
                                        "ca lung", "dementia"])
                    if cause:
                        dest = (dest + " - " if dest else "") + cause
                        w.health(p, f)
                else:
                    closed, reason = p.moved_on, "Permanent residential care"
                    dest = p.care_home
                ksst, notes = "", []
                live = w.living(h)
                if h.ks:
                    if h.ks_secret:
                        ksst = "Fitted - collection requested"
                    elif live:
                        ksst = f"Stays - {live[0].forename} still a client, code {h.ks['code']} unchanged"
                        w.expose(h, "code", f)
                    else:
                        ksst = rng.choice([f"Fitted - not removed. Code {h.ks['code']}",
                                           f"KS still on wall ({h.ks['loc']}) code {h.ks['code']} - family to remove",
                                           f"not collected, code {h.ks['code']} not changed"])
                        w.expose(h, "code", f)
                else:
                    ksst = "none"
                for rel in h.kh[:1]:
                    if rng.random() < 0.7:
                        notes.append(f"{rel.relationship} {rel.full} still has key - clearing property"
                                     if not live else f"{rel.full} ({rel.relationship}) remains KH")
                        w.rel_written(rel)
                        w.expose(h, "key_holder", f)
                if not p.no_health and rng.random() < 0.6:
                    notes.append(rng.choice(["alarm activations x14 in Sept (falls)",
                                             f"hx {p.conds[0]}", "was on DN caseload"]))
                    w.health(p, f)
                if h.hidden and not live and rng.random() < 0.5:
                    notes.append(self.hidden_phrase(h, f))
                rows.append([h.ref, nm, fmt_dob(p.dob, rng.choice(["uk", "short"])),
                             fmt_nhs(p.nhs, 0), h.addr1 + (" " + h.addr2 if h.addr2 else ""),
                             h.postcode, closed.strftime("%d/%m/%Y"), reason, dest, h.kit, ksst,
                             "; ".join(notes)])
        self.path(f).write_bytes(csv_bytes(rows))

    # ---------------- 5. call log
    def call_log(self):
        w, rng = self.w, self.rng
        f = "Monitoring Centre/Call logs/call_log_wk46_2026.csv"
        handlers = w.staff_by_role("call handler")
        responders = w.staff_by_role("responder")
        rows = [["Call ID", "Date", "Time", "Ref", "Client", "Alarm", "Handler", "Outcome", "Notes"]]
        calls = []
        live_people = [p for p in w.people if p.status == "home"]
        ncalls = int(len(w.people) * 2.2)
        for _ in range(ncalls):
            p = rng.choice(live_people)
            d = dt.date(2026, 11, rng.randint(9, 15))
            t = dt.time(rng.randint(0, 23), rng.randint(0, 59))
            calls.append((d, t, p))
        calls.sort(key=lambda x: (x[0], x[1], x[2].pid))
        cid = 884120
        for d, t, p in calls:
            h = p.home
            cid += rng.randint(1, 9)
            hd = rng.choice(handlers)
            nm = w.name(p, rng.choice(["SUR", "SUR", "Sur", "tinit", "pet", "SURpet"]))
            p.add_file(f)
            if p.no_health:
                alarm, outcome = rng.choice([("Pendant", "Accidental"), ("Test call", "Test OK"),
                                             ("Hub", "Low battery"), ("Smoke det", "False alarm - cooking")])
                note = rng.choice(["pressed by mistake, all ok", "monthly test call, spoke to client",
                                   "battery low on pendant - replacement posted", "burnt toast, all ok",
                                   "no speech, rang back - fine, pressed while dusting"])
            else:
                kind = rng.random()
                alarm = rng.choice(["Pendant", "Pendant", "Falls det", "Hub", "Bed sensor"])
                if kind < 0.45:
                    outcome = rng.choice(["Responder sent", "KH attended", "999 called",
                                          "OOH DN informed"])
                    bits = [rng.choice(FALLS)]
                    if outcome == "Responder sent":
                        r1, r2 = rng.sample(responders, 2)
                        bits.append(f"{r1['short']} & {r2['short']} dispatched")
                        if h.ks and not h.ks_secret and rng.random() < 0.35:
                            bits.append("KS " + h.ks["code"])
                            w.expose(h, "code", f)
                        elif h.hidden and rng.random() < 0.5:
                            bits.append(self.hidden_phrase(h, f))
                    elif outcome == "KH attended" and h.kh:
                        rel = h.kh[0]
                        bits.append(rng.choice([f"rang KH {rel.forename} ({rel.relationship}) - has key, attending",
                                                f"{rel.full} attending with key ETA 15 min",
                                                f"KH {rel.full} {rel.phone} going round, has a key"]))
                        w.rel_written(rel)
                        w.expose(h, "key_holder", f)
                    elif outcome == "999 called":
                        bits.append(rng.choice(["c/o chest pain", "SOB, lips blue per client",
                                                "head injury, on anticoags", "unresponsive on speech"]))
                        if h.ks and not h.ks_secret and rng.random() < 0.6:
                            bits.append(f"KS code {h.ks['code']} given to NWAS")
                            w.expose(h, "code", f)
                        elif h.open:
                            bits.append("crew told door on latch")
                            w.expose(h, "left_open", f)
                    else:
                        bits.append(rng.choice(["catheter bypassing", "dressing leaking",
                                                "pain in leg ulcer", "blocked catheter"]))
                    note = ", ".join(bits)
                    w.health(p, f)
                elif kind < 0.7:
                    outcome = rng.choice(["Reassurance", "Advice given"])
                    note = rng.choice(["feeling lonely, chat", "couldn't sleep, anxious",
                                       "asking what day it is - confused", "dizzy, advised 111",
                                       "pain in hip, has paracetamol, advised GP",
                                       "low BS? had biscuits, rang back 20 min ok",
                                       "wanted to know when carers coming"])
                    if any(x in note for x in ("dizzy", "hip", "BS", "confused", "anxious")):
                        w.health(p, f)
                else:
                    outcome = rng.choice(["Accidental", "No response - resp sent", "Door exit - returned"])
                    note = rng.choice(["pressed by accident", "no speech, rang back ok",
                                       "no answer on speech or phone"])
                    if outcome.startswith("Door exit"):
                        alarm = "Door exit"
                        note = rng.choice(["door sensor went, client back in bed when rang",
                                           "front door open 10 min, client said putting bin out"])
                    if outcome.startswith("No response"):
                        r1 = rng.choice(responders)
                        note += f", {r1['short']} sent"
                        if h.ks and not h.ks_secret and rng.random() < 0.4:
                            note += f" - KS {h.ks['loc']} {h.ks['code']}"
                            w.expose(h, "code", f)
                        elif h.open:
                            note += " - door on latch, let self in"
                            w.expose(h, "left_open", f)
            rows.append([str(cid), d.strftime("%d/%m/%Y"), t.strftime("%H:%M"), h.ref, nm, alarm,
                         hd["short"] if rng.random() < 0.6 else sfull(hd), outcome, note])
        self.path(f).write_bytes(csv_bytes(rows))

    # ---------------- 6. responder visit notes (txt)
    def visit_notes(self):
        w, rng = self.w, self.rng
        cand = [p for p in w.people if p.status == "home" and not p.no_health]
        rng.shuffle(cand)
        chosen = cand[:int(len(w.people) * 0.4)]
        responders = w.staff_by_role("responder")
        nurses = w.staff_by_role("OOH district nurse")
        shift_log = []
        for i, p in enumerate(chosen):
            h = p.home
            d = dt.date(2026, 11, rng.randint(8, 18))
            r1, r2 = rng.sample(responders, 2)
            call = dt.time(rng.randint(0, 23), rng.randint(0, 59))
            arr_m = call.hour * 60 + call.minute + rng.randint(12, 45)
            arr = f"{(arr_m // 60) % 24:02d}:{arr_m % 60:02d}"
            style = i % 4
            if style == 3:
                f = "Falls Response/Shift logs/responder_shift_log_Nov26.txt"
            else:
                f = self.uniq(f"Falls Response/Visit notes/{d.isoformat()}_{p.surname.replace(chr(39), '')}_{h.ref}.txt")
            p.add_file(f)
            w.health(p, f)
            fall = rng.choice(FALLS)
            inj = rng.choice(INJ)
            acc = self.access_lines(h, f, p_each=0.8)
            obs = f"BP {rng.randint(100, 165)}/{rng.randint(55, 95)} HR {rng.randint(55, 110)} SpO2 {rng.randint(89, 99)}% T {rng.randint(355, 378) / 10}"
            pet = p.pet or p.forename
            he = "He" if p.sex == "M" else "She"
            if style == 0:
                lines = ["FALLS RESPONSE - ATTENDANCE NOTE",
                         f"Client: {w.name(p, 'paren')}   DOB: {fmt_dob(p.dob, 'uk')}   Ref: {h.ref}",
                         f"NHS: {fmt_nhs(p.nhs, 0) or 'not known'}",
                         f"Address: {h.addr1}, {h.addr2 + ', ' if h.addr2 else ''}{h.town} {h.postcode}",
                         f"Responders: {sfull(r1)} / {sfull(r2)}",
                         f"Call {call.strftime('%H:%M')}  On scene {arr}",
                         "Access: " + ("; ".join(acc) if acc else "client let us in"),
                         "",
                         f"{pet} {fall}. {inj}. Obs {obs}. Raizer used to lift, "
                         f"mobilised with frame, back to bed. PMH {w.med(p, 2)}.",
                         rng.choice(["Referred OOH DN for dressing.", "Advised GP review re meds.",
                                     "Falls team referral done.", "No further action."]),
                         f"Left {pet} comfortable, pendant on, door locked behind us.",
                         f"{r1['forename']} {r1['surname'][0]}."]
            elif style == 1:
                nm = w.name(p, rng.choice(["tpet", "tfull", "pet"]))
                lines = [f"{d.strftime('%d/%m/%y')} {arr} att {nm} {h.addr1} {h.postcode}",
                         f"dob {fmt_dob(p.dob, 'dots')}",
                         f"called by MC ({rng.choice(w.staff_by_role('call handler'))['short']}) falls det activation",
                         ("in via " + acc[0].lower()) if acc else "KH let us in",
                         f"{fall}, {inj}. obs {obs}.",
                         f"{he} says {rng.choice(['tripped on rug', 'legs just went', 'felt dizzy before', 'doesnt remember'])}. "
                         f"hx {w.med(p)}.",
                         f"{rng.choice(nurses)['forename']} (OOH DN) informed" if rng.random() < 0.5 else "",
                         f"- {r1['short']} / {r2['short']}"]
                lines += acc[1:]
            elif style == 2:
                nm = w.name(p, rng.choice(["FULLUP", "full", "middle"]))
                lines = ["Brackenhurst Careline Falls Response Service",
                         "=" * 44,
                         f"Name ............ {nm}",
                         f"Date of birth ... {fmt_dob(p.dob, 'long')}",
                         f"Ref ............. {h.ref}",
                         f"Date/time ....... {d.strftime('%d %b %Y')} {arr}",
                         f"Team ............ {r1['short']}, {r2['short']}",
                         "Getting in ...... " + (" | ".join(acc) if acc else (
                             f"n/a - {[m for m in w.living(h) if m is not p][0].pet or [m for m in w.living(h) if m is not p][0].forename} opened door"
                             if len(w.living(h)) > 1 else "n/a - client came to door on frame")),
                         "",
                         f"Found: {fall}. Injury: {inj}.",
                         f"Obs: {obs}",
                         f"Meds/PMH: {w.med(p)}",
                         f"Outcome: {rng.choice(['left at home', 'NWAS called, conveyed RBH', 'son came to stay overnight', 'DN to visit am'])}"]
            else:
                nm = w.name(p, rng.choice(["tinit", "pet", "SUR"]))
                entry = [f"{d.strftime('%d/%m')} {arr}  {nm} ({h.ref})  {h.addr1}"]
                if rng.random() < 0.5:
                    entry.append(f"  DOB {fmt_dob(p.dob, 'short')}")
                entry.append(f"  {fall}, {inj}")
                for a in acc:
                    entry.append("  " + a)
                entry.append(f"  {r1['short']} + {r2['short']}")
                shift_log.append((d, arr, "\n".join(entry)))
                continue
            self.path(f).write_text("\n".join(x for x in lines if x != "") + "\n", encoding="utf-8")
        if shift_log:
            f = "Falls Response/Shift logs/responder_shift_log_Nov26.txt"
            head = ("RESPONDER SHIFT LOG - NOV 2026 (nights unless stated)\n"
                    "Van 2 fuel card in glovebox. Base key safe for van keys moved - ask Lorraine for the new number.\n"
                    "-----\n")
            self.path(f).write_text(head + "\n-----\n".join(e for _, _, e in sorted(shift_log)) + "\n", encoding="utf-8")

    # ---------------- 7. installation job sheets (docx)
    def job_sheets(self):
        w, rng = self.w, self.rng
        homes = [h for h in w.homes if w.living(h)]
        rng.shuffle(homes)
        installers = w.staff_by_role("installer")
        for h in homes[:max(3, int(len(w.people) * 0.18))]:
            live = w.living(h)
            p = live[0]
            jn = f"JS{rng.randint(10000, 99999)}"
            f = self.uniq(f"Installations/Job sheets/{jn} {p.surname}.docx")
            inst = rng.choice(installers)
            d = docx.Document()
            st = d.styles["Normal"]
            st.font.name = "Arial"
            st.font.size = Pt(10)
            d.add_heading("Brackenhurst Careline - Installation / Visit Job Sheet", level=1)
            d.add_paragraph(f"Job no: {jn}        Visit type: {rng.choice(['New install', 'Upgrade to digital', 'Add sensor', 'Fault visit'])}")
            t = d.add_table(rows=0, cols=2)
            t.style = "Table Grid"
            names = " & ".join(w.name(m, rng.choice(["tfull", "full", "middle"])) for m in live)

            def row(a, b):
                c = t.add_row().cells
                c[0].text, c[1].text = a, b
            row("Client name(s)", names)
            row("Date of birth", " / ".join(fmt_dob(m.dob, "uk") for m in live))
            nhs = " / ".join(fmt_nhs(m.nhs, 0) for m in live if m.nhs)
            row("NHS number", nhs or "not given")
            row("Address", f"{h.addr1}, {h.addr2 + ', ' if h.addr2 else ''}{h.town}, {h.postcode}")
            row("Equipment installed", h.kit + (", " + h.sensors if h.sensors else ""))
            if h.ks:
                row("Key safe", f"{'Existing' if rng.random() < 0.5 else 'Fitted today'} - {h.ks['make']}, {h.ks['loc']}")
                if h.ks_secret:
                    row("Code set", "Client set own code - not recorded")
                else:
                    row("Code set", h.ks["code"])
                    w.expose(h, "code", f)
            else:
                row("Key safe", rng.choice(["Declined", "N/A", "to book - client thinking about it"]))
            khs = []
            for rel in h.kh:
                khs.append(f"{rel.full} ({rel.relationship}) {rel.phone} - key")
                w.rel_written(rel)
                w.expose(h, "key_holder", f)
            for rel in h.contacts:
                khs.append(f"{rel.full} ({rel.relationship}) {rel.phone} - contact only")
                w.rel_written(rel)
            row("Responders / key holders", "\n".join(khs) or "none - uses Careline responders")
            if any(not m.no_health for m in live) and rng.random() < 0.7:
                m = [m for m in live if not m.no_health][0]
                row("Relevant health info", w.med(m, 2))
                w.health(m, f)
            row("Installer", sfull(inst))
            row("Client signature", "signed" if rng.random() < 0.5 else f"signed by {live[0].forename}")
            extra = []
            if h.hidden and rng.random() < 0.6:
                extra.append(self.hidden_phrase(h, f))
            if h.open and rng.random() < 0.6:
                extra.append(self.open_phrase(h, f))
            extra.append(rng.choice(["Test call to MC ok (Kirsty).", "Pendant range tested to garden - ok.",
                                     "Hub on 4G, no landline.", "Advised re bathing with pendant on."]))
            d.add_paragraph("Installer notes: " + " ".join(extra))
            for m in live:
                m.add_file(f)
            save_docx(d, self.path(f))

    # ---------------- 8a. reablement referrals (docx letters)
    def reablement_referrals(self):
        w, rng = self.w, self.rng
        cand = [p for p in w.people if p.status == "home" and not p.no_health]
        rng.shuffle(cand)
        rb = w.staff_by_role("reablement coordinator", "reablement OT")
        for p in cand[:max(2, int(len(w.people) * 0.08))]:
            h = p.home
            f = self.uniq(f"Reablement/Referrals/Reablement referral - {p.surname}, {p.forename[0]}.docx")
            d = docx.Document()
            d.add_paragraph("Brackenhurst Council Adult Social Care - Reablement (START) Team")
            d.add_paragraph(f"Date: {rng.randint(9, 19)} November 2026")
            d.add_paragraph(f"Re: {w.name(p, rng.choice(['tfull', 'tpet', 'middle']))}, DOB {fmt_dob(p.dob, 'long')}"
                            + (f", NHS {fmt_nhs(p.nhs, 2)}" if p.nhs else ""))
            d.add_paragraph("Dear Jackie,")
            fall = rng.choice(FALLS)
            d.add_paragraph(
                f"I am referring {p.pet or p.forename} following {rng.randint(2, 5)} falls response call-outs in the last "
                f"fortnight (most recently {fall}). {('He' if p.sex == 'M' else 'She')} has {w.med(p)} and is struggling "
                f"with transfers and getting to the toilet at night. {p.pet or p.forename} would like to stay at home.")
            w.health(p, f)
            t = d.add_table(rows=0, cols=2)
            t.style = "Table Grid"
            for a, b in [("Address", f"{h.addr1}, {h.addr2 + ', ' if h.addr2 else ''}{h.town} {h.postcode}"),
                         ("Phone", h.tel), ("GP", f"Dr {p.gp[0][0]} {p.gp[1]}, {p.gp[2]}")]:
                c = t.add_row().cells
                c[0].text, c[1].text = a, b
            acc = self.access_lines(h, f, want=("code", "hidden", "open", "communal"), p_each=0.9)
            c = t.add_row().cells
            c[0].text, c[1].text = "Access to property", "; ".join(acc) if acc else "Client can answer door (slowly)"
            nok = (h.kh + h.contacts)[:1]
            if nok:
                rel = nok[0]
                c = t.add_row().cells
                c[0].text = "Next of kin"
                c[1].text = f"{rel.full} ({rel.relationship}) {rel.phone}" + (", has a key" if rel.has_key else "")
                w.rel_written(rel)
                if rel.has_key:
                    w.expose(h, "key_holder", f)
            me = w.pick_staff("Careline team leader", "telecare service manager")
            d.add_paragraph("Many thanks,")
            d.add_paragraph(f"{sfull(me)}\n{me['role'].title()}, Brackenhurst Careline\n{land(rng)}")
            p.add_file(f)
            save_docx(d, self.path(f))

    # ---------------- 8b. OOH district nurse referrals (PDF)
    def dn_pdfs(self):
        w, rng = self.w, self.rng
        cand = [p for p in w.people if p.status == "home" and not p.no_health]
        rng.shuffle(cand)
        for p in cand[:max(2, int(len(w.people) * 0.07))]:
            h = p.home
            f = self.uniq(f"OOH District Nursing/Referrals/OOH DN referral {h.ref}.pdf")
            nurse = w.pick_staff("OOH district nurse")
            resp = w.pick_staff("responder")
            lines = [(14, "Brackenhurst & District Community Services - Out of Hours District Nursing"),
                     (11, "REFERRAL FROM CARELINE FALLS RESPONSE"),
                     (10, ""),
                     (10, f"Patient: {w.name(p, rng.choice(['SUR', 'tfull', 'full']))}"),
                     (10, f"DOB: {fmt_dob(p.dob, 'dmy-mon')}     NHS No: {fmt_nhs(p.nhs, 0) or 'unknown - not on spine?'}"),
                     (10, f"Address: {h.addr1} {h.addr2} {h.town} {h.postcode}".replace("  ", " ")),
                     (10, f"Referred by: {sfull(resp)} (responder)   Taken by: {sfull(nurse)}"),
                     (10, f"Reason: {rng.choice(INJ[1:4] + ['catheter blocked', 'leg ulcer dressing soaked through', 'pressure area check sacrum'])}"),
                     (10, f"PMH: {w.med(p)}"),
                     (10, "Access for night visit:")]
            w.health(p, f)
            for a in self.access_lines(h, f, p_each=0.9) or ["patient able to open door"]:
                lines.append((10, "   " + a))
            lines += [(10, ""), (9, "Please note: NOT for emergency use. If deteriorating call 999."),
                      (9, f"Printed {rng.randint(9, 19)}/11/2026 by CL8 workstation MC-04")]
            p.add_file(f)
            write_pdf(self.path(f), [lines])

    # ---------------- 8c. GP letters (RTF)
    def gp_letters(self):
        w, rng = self.w, self.rng
        cand = [p for p in w.people if p.status == "home" and not p.no_health]
        rng.shuffle(cand)
        for p in cand[:max(2, int(len(w.people) * 0.05))]:
            h = p.home
            gpf, gps, prac = p.gp
            f = self.uniq(f"Referrals/GP letters/{prac.split()[0]}_{p.surname.replace(chr(39), '')}_{p.forename}.rtf")
            paras = [prac, f"{rng.randint(2, 80)} High Street, {h.town}", "", f"{rng.randint(3, 17)}/11/2026", "",
                     "To: Brackenhurst Careline (Telecare)", "",
                     f"\\b Re: {rtf_escape(w.name(p, 'tfull'))}  DOB {fmt_dob(p.dob, 'uk')}"
                     + (f"  NHS {fmt_nhs(p.nhs, 0)}" if p.nhs else "") + "\\b0",
                     f"{h.addr1}, {h.town} {h.postcode}", "", "Dear Careline team,",
                     f"I would be grateful if you could install a falls detector for {p.title} {p.surname}, who has "
                     f"{w.med(p)}. {('He' if p.sex == 'M' else 'She')} has had several unwitnessed falls and was found on "
                     "the floor by a neighbour last week after an unknown length of time.",
                     ]
            w.health(p, f)
            if h.kh and rng.random() < 0.7:
                rel = h.kh[0]
                paras.append(f"{('His' if p.sex == 'M' else 'Her')} {rel.relationship}, {rel.full} ({rel.phone}), holds a key and is happy to be a responder.")
                w.rel_written(rel)
                w.expose(h, "key_holder", f)
            elif h.ks and not h.ks_secret and rng.random() < 0.5:
                paras.append(f"There is already a key safe at the property ({h.ks['loc']}); the code I have on file is {h.ks['code']}.")
                w.expose(h, "code", f)
            paras += ["", "Yours sincerely,", "", f"Dr {gpf} {gps}", "GP Partner"]
            p.add_file(f)
            write_rtf(self.path(f), paras)

    # ---------------- 9. emails
    def emails(self):
        w, rng = self.w, self.rng
        cand = [p for p in w.people if p.status == "home" and not p.no_health]
        rng.shuffle(cand)
        nurses = w.staff_by_role("OOH district nurse")
        handlers = w.staff_by_role("call handler")
        n_mail = max(3, int(len(w.people) * 0.1))
        for i, p in enumerate(cand[:n_mail]):
            h = p.home
            nurse = rng.choice(nurses)
            hd = rng.choice(handlers)
            d = dt.date(2026, 11, rng.randint(9, 19))
            f = self.uniq(f"Email/OOH DN/{d.isoformat()} KS request {h.ref}.eml")
            nm = w.name(p, rng.choice(["tinit", "tpet", "full", "pet"]))
            dob = fmt_dob(p.dob, rng.choice(["uk", "short", "dots"]))
            ask = rng.choice([f"Hi, we've got a late visit to {nm} dob {dob} at {h.addr1} tonight, can you confirm the key safe code please?",
                              f"Hiya - {nm} ({dob}), {h.postcode}. Going in around 2am for {rng.choice(['catheter', 'syringe driver check', 'dressing', 'insulin'])}. Have you got access details?",
                              f"Could you let us know how to get in at {h.addr1} for {nm}, DOB {dob}? Pt can't get to the door."])
            w.health(p, f)
            acc = self.access_lines(h, f, p_each=0.95)
            if acc:
                ans = f"Hi {nurse['forename']},\n\n" + "\n".join(acc) + f"\n\nThanks\n{hd['forename']}\nBrackenhurst Careline (24hr) {land(rng)}"
            else:
                ans = (f"Hi {nurse['forename']}, we've no key safe or key holders on file for this client, "
                       f"you'll need to ring ahead on {h.tel}.\n\n{hd['forename']}")
            body = ans + "\n\n-----Original Message-----\nFrom: " + sfull(nurse) + "\n" + ask + \
                f"\n\n{sfull(nurse)}\nOOH District Nurse\nBrackenhurst & District Community Services"
            write_eml(self.path(f), f"Brackenhurst Careline <careline@brackenhurst.gov.uk>",
                      f"{sfull(nurse)} <{nurse['forename'].lower()}.{nurse['surname'].lower()}@bdcs.nhs.uk>",
                      f"RE: access details - {h.ref}", email_date(d, rng.randint(17, 23), rng.randint(0, 59)),
                      body, msgid=f"ks{seedish(h.ref, i)}", inreply=f"q{i}")
            p.add_file(f)
        # falls list with a CSV attachment
        cand2 = [p for p in w.people if p.status == "home" and not p.no_health]
        rng.shuffle(cand2)
        lst = cand2[:max(4, int(len(w.people) * 0.12))]
        f = "Email/Reablement/2026-11-16 Falls list wk46 for reablement.eml"
        rows = [["Surname", "Forename", "DOB", "NHS", "Falls last 30d", "Notes"]]
        for p in lst:
            rows.append([p.surname, p.pet or p.forename, fmt_dob(p.dob, "uk"), fmt_nhs(p.nhs, 1),
                         str(rng.randint(2, 9)), rng.choice(["", w.med(p, 1), "declined falls clinic",
                                                               "frightened to go upstairs now"])])
            p.v(f"{p.pet or p.forename} {p.surname}")
            w.health(p, f)
        jk = [s for s in w.staff if s["surname"] == "Heaton"][0]
        write_eml(self.path(f), "Lorraine Mottershead <lorraine.mottershead@brackenhurst.gov.uk>",
                  f"{sfull(jk)} <jackie.heaton@brackenhurst.gov.uk>", "Falls list wk46 - frequent fallers",
                  email_date(dt.date(2026, 11, 16), 9, 12),
                  "Morning Jackie,\n\nAs promised, the frequent fallers from last week's activations. "
                  "Can you see if any of these could come onto reablement?\n\nLorraine\nCareline Team Leader",
                  attachments=[("falls_wk46.csv", "text/csv", csv_bytes(rows))], msgid="fallswk46")
        # key holder changes with a CSV attachment
        homes = [h for h in w.homes if h.kh and w.living(h)]
        rng.shuffle(homes)
        rows = [["Ref", "Client", "Key holder", "Relationship", "Phone", "Change"]]
        f = "Email/Monitoring Centre/2026-11-12 KH updates from reviews.eml"
        for h in homes[:max(3, int(len(w.people) * 0.08))]:
            p = w.living(h)[0]
            rel = h.kh[-1]
            rows.append([h.ref, w.name(p, "Sur"), rel.full, rel.relationship, rel.phone,
                         rng.choice(["new KH - has key cut", "phone no. changed", "added as 2nd KH (has key)"])])
            w.rel_written(rel)
            w.expose(h, "key_holder", f)
            p.add_file(f)
        write_eml(self.path(f), "Jordan Pyle <jordan.pyle@brackenhurst.gov.uk>",
                  "Careline Admin <careline.admin@brackenhurst.gov.uk>", "KH updates from reviews",
                  email_date(dt.date(2026, 11, 12), 14, 40),
                  "Hi all, please update CL8 with the attached key holder changes from this week's reviews. Jordan",
                  attachments=[("kh_changes_wk45.csv", "text/csv", csv_bytes(rows))], msgid="khupd")
        # staff-as-relative email
        if w.edna_home:
            e = w.edna_home.members[0]
            f = "Email/Monitoring Centre/2026-11-14 my mum.eml"
            body = (f"Hi Lorraine,\n\nJust so you know, mum ({w.name(e, 'tfull')}, {e.home.ref}) is back home from RBH today. "
                    f"I'm still her first responder and I've got her key, "
                    + (f"but if I'm on shift can the team use the key safe? Code is still {e.home.ks['code']}."
                       if e.home.ks and not e.home.ks_secret else
                       "but if I'm on shift please ring my husband first, he has one too.")
                    + "\n\nThanks\nDonna\n(call handler, nights)")
            w.expose(e.home, "key_holder", f)
            if e.home.ks and not e.home.ks_secret:
                w.expose(e.home, "code", f)
            write_eml(self.path(f), "Donna Whitlock <donna.whitlock@brackenhurst.gov.uk>",
                      "Lorraine Mottershead <lorraine.mottershead@brackenhurst.gov.uk>", "my mum",
                      email_date(dt.date(2026, 11, 14), 7, 55), body, msgid="dwmum")
            e.add_file(f)

    # ---------------- 10. HL7 ADT feed
    def hl7(self):
        w, rng = self.w, self.rng
        cand = [p for p in w.people if p.status in ("home", "carehome") and not p.no_health]
        rng.shuffle(cand)
        f = "Integration/RBH_ADT_to_Careline_20261117.hl7"
        msgs = []
        for i, p in enumerate(cand[:max(3, int(len(w.people) * 0.12))]):
            h = p.home
            ts = f"202611{rng.randint(10, 17)}{rng.randint(7, 20):02d}{rng.randint(0, 59):02d}"
            mrn = f"RBH{rng.randint(1000000, 9999999)}"
            pid3 = f"{p.nhs}^^^NHS^NH~{mrn}^^^RBH^MR" if p.nhs else f"{mrn}^^^RBH^MR"
            dr = rng.choice(HOSP_DRS)
            addr = (f"{p.care_home}^^{h.town}^^" if p.status == "carehome"
                    else f"{h.addr1}^{h.addr2}^{h.town}^^{h.postcode}")
            seg = [f"MSH|^~\\&|RBH_PAS|RBH|CARELINE|BMBC|{ts}||ADT^A03|MSG{ts}{i:03d}|P|2.4",
                   f"EVN|A03|{ts}",
                   f"PID|1||{pid3}||{p.surname.upper()}^{p.forename}^{p.middle or ''}^^{p.title}||{fmt_dob(p.dob, 'hl7')}|{p.sex}|||"
                   f"{addr}||{h.tel}"]
            p.v(f"{p.surname.upper()}^{p.forename}")
            rels = h.kh + h.contacts
            if rels:
                rel = rels[0]
                seg.append(f"NK1|1|{rel.surname}^{rel.forename}|{rel.relationship.upper()[:3]}^{rel.relationship}|||{rel.phone}")
                w.rel_written(rel)
            seg.append(f"PV1|1|I|{rng.choice(['Ward 4^^Elderly Care', 'AMU^^', 'Ward 12^^Ortho'])}|||||"
                       f"G{rng.randint(1000000, 9999999)}^{dr[1]}^{dr[0]}^^^Dr")
            seg.append(f"DG1|1||^{p.conds[0]}||{ts}|F")
            seg.append(f"OBX|1|TX|DISCH^Discharge summary||{rng.choice(FALLS)} - admitted; {rng.choice(['mechanical fall', 'UTI', 'postural drop', 'chest infection'])}. "
                       f"Home with reablement. Please reconnect alarm.||||||F")
            if p.status == "home" and h.ks and not h.ks_secret and rng.random() < 0.4:
                seg.append(f"NTE|1||Transport crew to use key safe {h.ks['loc']} code {h.ks['code']} - pt has no key with her")
                w.expose(h, "code", f)
            w.health(p, f)
            p.add_file(f)
            msgs.append("\r".join(seg))
        self.path(f).write_bytes(("\r\n".join(msgs) + "\r\n").encode("utf-8"))

    # ---------------- 11. rotas
    def rotas(self):
        w, rng = self.w, self.rng
        f = "Rotas/Responder rota Nov 2026.xlsx"
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Nov"
        days = [dt.date(2026, 11, d) for d in range(1, 31)]
        ws.append(["Responder"] + [d.strftime("%a %d") for d in days])
        for s in w.staff_by_role("responder"):
            row = [sfull(s)]
            for d in days:
                row.append(rng.choice(["E", "L", "N", "N", "OFF", "OFF", "AL", "E"]))
            ws.append(row)
        ws.append([])
        ws.append(["E 07-15  L 14-22  N 21:45-07:15.  Van keys in base key safe (code changed 03/11 - ask Lorraine)"])
        save_xlsx(wb, self.path(f))
        f = "Rotas/call_handler_shifts_wk46-47.csv"
        rows = [["Date", "Day", "Early", "Late", "Night", "Notes"]]
        ch = w.staff_by_role("call handler")
        for d in [dt.date(2026, 11, x) for x in range(9, 23)]:
            e, l, n = rng.sample(ch, 3)
            note = ""
            if rng.random() < 0.2:
                note = rng.choice(["Donna W swap w/ Gemma (mum's hospital appt)", "Tariq training am",
                                   "Bev T AL", "Lorraine on call", "Leanne B sick - covered by Mandy"])
            rows.append([d.strftime("%d/%m/%Y"), d.strftime("%a"), sfull(e), sfull(l), sfull(n), note])
        self.path(f).write_bytes(csv_bytes(rows))
        f = "Rotas/OOH DN and reablement on-call.txt"
        lines = ["OOH DISTRICT NURSING - NIGHT COVER (Brackenhurst & District)", ""]
        for s in w.staff_by_role("OOH district nurse", "OOH DN team lead"):
            lines.append(f"{sfull(s):<22} {s['role']:<20} {mob(rng)}")
        lines += ["", "REABLEMENT (START) - weekend on call"]
        for s in w.staff_by_role("reablement support worker", "reablement OT", "reablement coordinator"):
            lines.append(f"{sfull(s):<22} {s['role']:<28} {mob(rng)}")
        lines += ["", "Installers (Mon-Fri 8-4): " + ", ".join(sfull(s) for s in w.staff_by_role("installer")),
                  "Service manager: Paul Fenwick. Team leader: Lorraine Mottershead.",
                  "Nurses' base door code and drug cupboard keys: ask the shift lead, never email."]
        self.path(f).write_text("\n".join(lines) + "\n", encoding="utf-8")

    # ---------------- 12. key holder list (responders' crib sheet)
    def kh_list(self):
        w, rng = self.w, self.rng
        f = "Falls Response/Key holder list - responders copy.txt"
        out = ["KEY HOLDER / ACCESS LIST - RESPONDERS COPY - DO NOT LEAVE IN VAN",
               "Updated by Gaz 11/11. Tell MC if anything changes!!", ""]
        homes = [h for h in w.homes if w.living(h) and (h.kh or h.hidden or h.open or h.ks)]
        rng.shuffle(homes)
        homes = homes[:int(len(homes) * 0.55)]
        homes.sort(key=lambda h: h.members[0].surname)
        for h in homes:
            live = w.living(h)
            nm = " & ".join(w.name(m, rng.choice(["Sur", "SUR", "SURpet"]) if j == 0 else "pet")
                            for j, m in enumerate(live))
            out.append(f"{nm} - {h.addr1}, {h.town} ({h.ref})")
            for a in self.access_lines(h, f, p_each=0.85):
                out.append("    " + a)
            for rel in h.contacts[:1]:
                if rng.random() < 0.5:
                    out.append(f"    NOK {rel.full} ({rel.relationship}) {rel.phone} - no key")
                    w.rel_written(rel)
            for m in live:
                m.add_file(f)
            out.append("")
        self.path(f).write_text("\n".join(out), encoding="utf-8")

    # ---------------- 13. falls MDT notes (markdown pipe table)
    def mdt(self):
        w, rng = self.w, self.rng
        f = "Falls Response/MDT/Falls huddle 2026-11-12.md"
        cand = [p for p in w.people if p.status == "home" and not p.no_health]
        rng.shuffle(cand)
        present = rng.sample([s for s in w.staff if s["role"] not in ("call handler",)], 6)
        lines = ["# Falls huddle - Thu 12 Nov 2026", "",
                 "Present: " + ", ".join(sfull(s) for s in present), "",
                 "Apologies: " + sfull(w.pick_staff("OOH DN team lead", "telecare service manager")), "",
                 "| Client | DOB | NHS no | Falls (30d) | Discussion | Action | Lead |",
                 "|---|---|---|---|---|---|---|"]
        for p in cand[:max(3, int(len(w.people) * 0.08))]:
            lead = rng.choice(present)
            act = rng.choice(["refer falls clinic", "OT for bed lever", "GP med review (postural BP)",
                              "reablement 6 wks", "add falls detector", "bed sensor trial"])
            disc = f"{rng.choice(FALLS)}; {w.med(p, 2)}"
            lines.append(f"| {w.name(p, rng.choice(['pet', 'tinit', 'full']))} | {fmt_dob(p.dob, 'short')} | "
                         f"{fmt_nhs(p.nhs, 0)} | {rng.randint(2, 8)} | {disc} | {act} | {lead['forename']} |")
            w.health(p, f)
            p.add_file(f)
        lines += ["", "## AOB", "- Key safe at base has been changed, new code from Lorraine only.",
                  "- Reminder: do not text key safe codes to personal phones.",
                  "- Raizer 2 back from service."]
        self.path(f).write_text("\n".join(lines) + "\n", encoding="utf-8")

    # ---------------- 14. reablement handover (docx table)
    def reablement_handover(self):
        w, rng = self.w, self.rng
        f = "Reablement/Handover/START handover wk47.docx"
        cand = [p for p in w.people if p.status == "home" and not p.no_health]
        rng.shuffle(cand)
        workers = w.staff_by_role("reablement support worker", "reablement OT")
        d = docx.Document()
        d.add_heading("START Reablement - weekly handover w/c 16/11/2026", level=2)
        d.add_paragraph("For reablement staff only. Access info must not be shared outside the team.")
        t = d.add_table(rows=1, cols=7)
        t.style = "Table Grid"
        for c, txt in zip(t.rows[0].cells, ["Name", "DOB", "NHS", "Address", "Goals / needs",
                                             "Access", "Worker"]):
            c.text = txt
        for p in cand[:max(3, int(len(w.people) * 0.1))]:
            h = p.home
            c = t.add_row().cells
            c[0].text = w.name(p, rng.choice(["SUR", "Sur", "tpet", "full"]))
            c[1].text = fmt_dob(p.dob, rng.choice(["uk", "iso", "dmy-mon"]))
            c[2].text = fmt_nhs(p.nhs, 0)
            c[3].text = f"{h.addr1}, {h.postcode}"
            c[4].text = rng.choice(["wash/dress, ", "meal prep, ", "stairs practice, ", "shower transfers, "]) + w.med(p, 1)
            w.health(p, f)
            acc = self.access_lines(h, f, p_each=0.8)
            c[5].text = "\n".join(acc) if acc else "ring bell, wait (slow)"
            c[6].text = rng.choice(workers)["short"]
            p.add_file(f)
        d.add_paragraph("Chantelle off Thurs. Niamh covering OT assessments.")
        save_docx(d, self.path(f))

    # ---------------- 15. office info (near misses only, no people)
    def office(self):
        f = "Monitoring Centre/Useful/MC desk info.txt"
        txt = ("MONITORING CENTRE DESK INFO\n"
               "Wifi: CL-MC-2  (password on the whiteboard)\n"
               "Server room door: keypad 4410, press # (IT only)\n"
               "Pool car key safe outside base: code changed monthly - ask team leader\n"
               "Unit fault codes: E07 low battery, E14 no mains, E22 radio trigger fault\n"
               "Key worker for new starters: Lorraine\n"
               "Press any key on the CL8 console to wake it\n"
               "NWAS control: 0161 496 0999 (professional line)\n"
               "Timesheet code for responder overtime: RS-OT-14\n")
        self.path(f).write_text(txt, encoding="utf-8")

    def run(self):
        self.export_north()
        self.export_south()
        self.ks_register()
        self.closures()
        self.call_log()
        self.visit_notes()
        self.job_sheets()
        self.reablement_referrals()
        self.dn_pdfs()
        self.gp_letters()
        self.emails()
        self.hl7()
        self.rotas()
        self.kh_list()
        self.mdt()
        self.reablement_handover()
        self.office()


def seedish(s, i):
    return "".join(c for c in s if c.isdigit()) + f"{i:03d}"


KIND_ORDER = ["code", "hidden_key", "key_holder", "left_open"]


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    share, truth = argv[1], argv[2]
    people = int(argv[3]) if len(argv) > 3 else 120
    seed = int(argv[4]) if len(argv) > 4 else 1
    Path(share).mkdir(parents=True, exist_ok=True)
    w = World(people, seed)
    Share(share, w).run()
    out_people = []
    for p in w.people:
        out_people.append({
            "forename": p.forename,
            "surname": p.surname,
            "dob": p.dob.strftime("%d/%m/%Y"),
            "nhs_number": fmt_nhs(p.nhs, 0),
            "access_kind": [k for k in KIND_ORDER if k in p.acc],
            "former_access_kind": [k for k in KIND_ORDER if k in p.former],
            "home_access": bool(p.acc),
            "health": p.health,
            "subject": True,
            "title": p.title,
            "known_as": p.pet or "",
            "middle_name": p.middle or "",
            "status": {"home": "living at home", "died": "died",
                       "carehome": "moved into a care home"}[p.status],
            "client_ref": p.home.ref,
            "household": [m.pid for m in p.home.members if m is not p],
            "postcode": p.home.postcode,
            "variants": p.variants,
            "files": p.files,
        })
    staff = [sfull(s) for s in w.staff] + [f"{a} {b}" for a, b, _ in GPS] + \
            [f"{a} {b}" for a, b, _ in HOSP_DRS]
    related = []
    for h in w.homes:
        for rel in h.kh + h.contacts:
            if rel.written and rel.full not in related:
                related.append(rel.full)
    truth_obj = {"share": "heldout share 20: Brackenhurst Careline (telecare, falls response, "
                          "OOH district nursing, reablement)",
                 "people_count": len(out_people), "seed": seed,
                 "people": out_people, "staff": staff, "related": related,
                 "staff_also_related": [r for r in related if r in staff]}
    Path(truth).parent.mkdir(parents=True, exist_ok=True)
    Path(truth).write_text(json.dumps(truth_obj, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
