#!/usr/bin/env python3
"""Held-out share 27: a care-software supplier's support-desk and data-migration share.

usage: heldout_share_27.py SHARE_DIR TRUTH.json [PEOPLE=120] [SEED=1]

Kestrel Care Systems Ltd sells "Kestrel Domiciliary" to home-care agencies. Its support desk
and migration team keep one shared drive. Everything is invented. Deterministic per seed.
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

D = dt.date
EXPORT = D(2026, 9, 30)
START = D(2026, 3, 1)

# ----------------------------------------------------------------------------- names
F_OLD = {
    "brit": ["Doreen", "Mavis", "Joan", "Brenda", "Margaret", "Dorothy", "Edna", "Irene", "Betty",
             "Sheila", "Pauline", "Jean", "Marjorie", "Hilda", "Vera", "Gladys", "Audrey",
             "Kathleen", "Patricia", "Barbara", "Maureen", "Elsie", "Winifred", "Sylvia", "Freda",
             "Ivy", "Lilian", "Nora", "Olive", "Valerie", "Christine", "Glenys", "Enid", "Ruby"],
    "sasian_m": ["Razia", "Zubaida", "Nasreen", "Parveen", "Shamim", "Bilqis", "Rashida",
                 "Khadija", "Fazilat", "Sakina", "Jamila"],
    "sikh": ["Harbans", "Surjit", "Jaswinder", "Gurmeet", "Manjit", "Kuldeep"],
    "guj": ["Pushpa", "Hansaben", "Kokila", "Savita", "Lalita"],
    "pol": ["Halina", "Stanisława", "Wanda", "Jadwiga", "Olena", "Krystyna", "Lidia"],
    "carib": ["Hyacinth", "Myrtle", "Gloria", "Icilda", "Pearline", "Beverley", "Maud"],
    "irish": ["Bridget", "Philomena", "Siobhan", "Nuala", "Eileen", "Mary"],
    "ital": ["Giuseppina", "Carmela", "Rosaria", "Assunta"],
    "chin": ["Wai Ling", "Mei Fong", "Siu Ying", "Lai Kuen"],
    "som": ["Amina", "Fadumo", "Hawa", "Saida"],
    "celt": ["Morag", "Dilys", "Gwen", "Morwenna", "Ailsa", "Bronwen"],
}
M_OLD = {
    "brit": ["Harold", "Arthur", "Kenneth", "Derek", "Frank", "Albert", "Walter", "Norman",
             "Dennis", "Ronald", "Geoffrey", "Stanley", "Clifford", "Eric", "Leslie", "Brian",
             "Keith", "Trevor", "Malcolm", "Raymond", "Donald", "Cyril", "Herbert", "Gordon",
             "Alan", "Jack", "Wilfred", "Roy"],
    "sasian_m": ["Mohammed", "Bashir", "Abdul", "Ghulam", "Mahmood", "Nazir", "Iqbal", "Sadiq",
                 "Yousaf", "Rafiq", "Fazal"],
    "sikh": ["Gurdev", "Balwinder", "Ajit", "Kuldip", "Harnam", "Sohan"],
    "guj": ["Jayant", "Ramesh", "Mukesh", "Bhikhu", "Dilip"],
    "pol": ["Kazimierz", "Bronisław", "Józef", "Stefan", "Mykola", "Taras", "Zbigniew"],
    "carib": ["Winston", "Delroy", "Cleveland", "Lloyd", "Errol", "Hubert", "Linford"],
    "irish": ["Seamus", "Patrick", "Michael", "Declan", "Eamon", "Fergal"],
    "ital": ["Giovanni", "Salvatore", "Vincenzo", "Luigi"],
    "chin": ["Kwok Wing", "Man Hung", "Chi Keung"],
    "som": ["Abdullah", "Saleh", "Abdirahman", "Yusuf"],
    "celt": ["Fergus", "Hamish", "Emrys", "Gethin", "Alasdair"],
}
SUR = {
    "brit": ["Sutcliffe", "Ackroyd", "Greenwood", "Crowther", "Holdsworth", "Barraclough",
             "Hebblethwaite", "Lumb", "Haigh", "Pickles", "Illingworth", "Whiteley", "Firth",
             "Priestley", "Hirst", "Broadbent", "Wadsworth", "Dyson", "Thackray", "Oldroyd",
             "Sykes", "Bottomley", "Ramsden", "Beaumont", "Fawcett", "Tattersall", "Hinchliffe",
             "Appleyard", "Marsden", "Exley", "Kershaw", "Smith-Baines", "Lloyd-Jones",
             "Wormald", "Jowett", "Ibbotson", "Naylor", "Womersley", "Blackburn", "Cawthorne"],
    "sasian_m": ["Hussain", "Akhtar", "Bi", "Begum", "Mahmood", "Iqbal", "Khan", "Rashid",
                 "Shah", "Qureshi", "Anwar", "Chaudhry", "Aslam", "Mirza"],
    "sikh": ["Singh", "Kaur", "Sandhu", "Dhillon", "Bains", "Gill", "Sahota"],
    "guj": ["Patel", "Mistry", "Parmar", "Lad", "Chauhan"],
    "pol": ["Kowalczyk", "Nowak", "Wiśniewski", "Zielińska", "Kowalenko", "Hrycak", "Bondarenko",
            "Sawicki", "Dąbek"],
    "carib": ["Campbell", "Thompson", "Grant", "McKenzie", "Bailey", "Francis", "Brown-Clarke",
              "Samuels", "Reid"],
    "irish": ["O'Donnell", "O'Rourke", "McGuinness", "Flanagan", "Doherty", "Ní Bhriain",
              "Mac Giolla", "Kavanagh"],
    "ital": ["Rossi", "Esposito", "Di Marco", "De Luca", "Capaldi"],
    "chin": ["Chan", "Wong", "Cheung", "Li", "Yip"],
    "som": ["Al-Hakimi", "Warsame", "Farah", "Nasser", "Abdi"],
    "celt": ["McAllister", "Pritchard", "Llewellyn", "Mackintosh", "Cadwaladr", "MacLeod"],
}
CULT_W = [("brit", 52), ("sasian_m", 13), ("sikh", 5), ("guj", 4), ("pol", 7), ("carib", 6),
          ("irish", 6), ("ital", 2), ("chin", 2), ("som", 2), ("celt", 4)]
KNOWN_AS = {"Margaret": ["Peggy", "Maggie", "Rita"], "Dorothy": ["Dot", "Dolly"],
            "Elizabeth": ["Betty", "Liz"], "Winifred": ["Winnie"], "Kathleen": ["Kath"],
            "Patricia": ["Pat"], "Frederick": ["Fred"], "Wilfred": ["Wilf"], "Kenneth": ["Ken"],
            "Ronald": ["Ron"], "Albert": ["Bert"], "Herbert": ["Bert"], "Gurdev": ["Dev"],
            "Kazimierz": ["Kaz"], "Józef": ["Joe"], "Mohammed": ["Haji"], "Giuseppina": ["Pina"],
            "Bronisław": ["Bronek"], "Giovanni": ["John"], "Bridget": ["Bridie"],
            "Stanisława": ["Stasia"], "Mykola": ["Mick"], "Kwok Wing": ["Kevin"],
            "Mary": ["Molly"], "Lilian": ["Lily"], "Salvatore": ["Sal"], "Derek": ["Del"]}
MIDDLE_F = ["Ann", "Mary", "Elizabeth", "Jane", "May", "Louise", "Rose", "Edith", "Joyce"]
MIDDLE_M = ["James", "William", "John", "Edward", "Thomas", "George", "Henry", "Arthur"]

YF = ["Leanne", "Kayleigh", "Jade", "Chantelle", "Gemma", "Stacey", "Aneela", "Sadia", "Amrit",
      "Nikita", "Marta", "Agnieszka", "Grace", "Blessing", "Chiamaka", "Tendai", "Precious",
      "Danielle", "Shannon", "Abigail", "Hannah", "Kasia", "Oana", "Mihaela", "Zainab", "Hollie",
      "Rebecca", "Lauren", "Nadia", "Ruth", "Simone", "Joanne", "Tracey", "Nicola", "Samina",
      "Rukhsana", "Bernadette", "Claire", "Siân", "Yetunde"]
YM = ["Ryan", "Callum", "Kieran", "Faisal", "Imran", "Bogdan", "Ionut", "Florin", "Dean",
      "Jordan", "Tunde", "Arjun", "Liam", "Shane", "Adeel", "Tomasz", "Craig", "Jamie", "Nathan"]
YS = ["Bishop", "Walsh", "Nolan", "Riley", "Atkinson", "Shaw", "Hussain", "Ahmed", "Kaur",
      "Popescu", "Nowicka", "Adeyemi", "Okonkwo", "Moyo", "Sibanda", "Brennan", "Holroyd",
      "Clegg", "Butterworth", "Rahman", "Begum", "Ionescu", "Kaminska", "Lees", "Horsfall",
      "Farrar", "Mensah", "Osei", "Stead", "Crabtree", "Wilkinson", "Hanson", "Dobson", "Mahmood",
      "Sharma", "Gallagher", "Pearson", "Kamara", "Haworth", "Quinn"]

AGENCIES = [
    dict(code="CVH", name="Calder Valley Homecare Ltd", short="Calder Valley",
         dom="caldervalleyhomecare.example", areas=[("HX", 1, 7)],
         towns=[("Halifax", "HX", 1, 3), ("Sowerby Bridge", "HX", 6, 6), ("Elland", "HX", 5, 5),
                ("Hebden Bridge", "HX", 7, 7), ("Illingworth", "HX", 2, 2), ("Ovenden", "HX", 3, 3)], office="Horton Street, Halifax", legacy="CareTrak", weight=27),
    dict(code="AWH", name="Aire & Wharfe Home Support", short="Aire & Wharfe",
         dom="aireandwharfe.example", areas=[("BD", 2, 21), ("LS", 20, 29)],
         towns=[("Shipley", "BD", 18, 18), ("Bingley", "BD", 16, 16), ("Keighley", "BD", 20, 22),
                ("Baildon", "BD", 17, 17), ("Otley", "LS", 21, 21), ("Ilkley", "LS", 29, 29),
                ("Bradford", "BD", 2, 10)],
         office="Briggate, Shipley", legacy="RotaWise", weight=26),
    dict(code="HCC", name="Humber Coast Care Services", short="Humber Coast",
         dom="humbercoastcare.example", areas=[("HU", 3, 17)],
         towns=[("Hull", "HU", 3, 9), ("Hessle", "HU", 13, 13), ("Cottingham", "HU", 16, 16),
                ("Beverley", "HU", 17, 17), ("Anlaby", "HU", 10, 10)], office="George Street, Hull",
         legacy=None, weight=22),
    dict(code="DDC", name="Don & Dearne Care at Home", short="Don & Dearne",
         dom="donanddearne.example", areas=[("DN", 2, 12), ("S", 63, 73)],
         towns=[("Doncaster", "DN", 2, 5), ("Mexborough", "S", 64, 64), ("Conisbrough", "DN", 12, 12),
                ("Wath upon Dearne", "S", 63, 63), ("Barnsley", "S", 70, 75), ("Rotherham", "S", 60, 66)], office="Hall Gate, Doncaster", legacy=None, weight=23),
    dict(code="FTV", name="Five Towns & Vale Homecare", short="Five Towns",
         dom="fivetownshomecare.example", areas=[("WF", 6, 11), ("YO", 8, 8), ("YO", 23, 26)],
         towns=[("Castleford", "WF", 10, 10), ("Pontefract", "WF", 8, 9), ("Normanton", "WF", 6, 6),
                ("Selby", "YO", 8, 8), ("York", "YO", 23, 26), ("Knottingley", "WF", 11, 11)],
         office="Carleton Street, Castleford", legacy=None, weight=22),
]
STREET_A = ["Moor", "Hollin", "Birch", "Ash", "Clough", "Royd", "Holme", "Stocks", "Lister",
            "Hanson", "Bank", "Well", "Mill", "Chapel", "Carr", "Ings", "Kirk", "Spring", "Heath",
            "Shay", "Saville", "Ferncliffe", "Wheatley", "Lee", "Cote", "Sandholme", "Scarr",
            "Thornhill", "Beech", "Foxglove", "Rowan", "Osprey", "Greenside", "Priory", "Tofts"]
STREET_B = ["Road", "Lane", "Street", "Terrace", "Close", "Avenue", "Grove", "Drive", "Court",
            "Fold", "Crescent", "Way", "Gardens", "View", "Walk", "Rise", "Mount"]
BLOCKS = ["Harewood Court", "Beacon House", "Calder Heights", "Priestley Court", "Mill Fold Flats",
          "St Anne's Court", "Wharfe View", "Minster Court", "Paragon House", "Dearne Court"]
CARE_HOMES = ["Beechwood Lodge Care Home", "Ashgrove Nursing Home", "St Hilda's Residential Home",
              "The Laurels Care Centre", "Fernbank House", "Holme Valley Nursing Home",
              "Cedar Lodge", "Ravenscliffe Manor Care Home"]
INWARD = "ABDEFGHJLNPQRSTUWXYZ"

CONDS = ["Alzheimer's dementia", "vascular dementia", "COPD", "type 2 diabetes",
         "insulin-dependent diabetes", "Parkinson's disease", "heart failure", "CVA 2023 - left sided weakness",
         "osteoarthritis both knees", "AF", "CKD stage 3", "multiple sclerosis", "frailty / recurrent falls",
         "macular degeneration", "venous leg ulcers", "long-term catheter", "colostomy",
         "depression", "hypertension", "Lewy body dementia", "osteoporosis - #NOF 2025",
         "motor neurone disease", "breast ca - palliative", "prostate ca", "epilepsy"]
MEDS = [("Donepezil", "10mg", "nocte"), ("Metformin", "500mg", "BD"), ("Apixaban", "5mg", "BD"),
        ("Amlodipine", "5mg", "OD"), ("Ramipril", "2.5mg", "OD"), ("Furosemide", "40mg", "mane"),
        ("Co-codamol 30/500", "2 tabs", "QDS PRN"), ("Paracetamol", "1g", "QDS"),
        ("Co-careldopa 25/100", "1 tab", "TDS"), ("Salbutamol inh", "2 puffs", "PRN"),
        ("Sertraline", "50mg", "OD"), ("Lansoprazole", "15mg", "OD"), ("Bisoprolol", "2.5mg", "OD"),
        ("Adcal D3", "1 tab", "BD"), ("Alendronic acid", "70mg", "weekly (Weds)"),
        ("Memantine", "10mg", "OD"), ("Quetiapine", "25mg", "nocte"), ("Laxido", "1 sachet", "OD"),
        ("Atorvastatin", "20mg", "nocte"), ("Warfarin", "as per yellow book", "5pm"),
        ("Levetiracetam", "500mg", "BD"), ("Morphine sulphate oral soln", "2.5ml", "PRN"),
        ("Gliclazide", "80mg", "BD"), ("Mirtazapine", "15mg", "nocte"), ("Digoxin", "125mcg", "OD")]


def nhs_check(nine):
    s = sum(int(c) * w for c, w in zip(nine, range(10, 1, -1)))
    c = 11 - s % 11
    if c == 11:
        c = 0
    return None if c == 10 else c


def nhs_valid(num):
    d = "".join(ch for ch in num if ch.isdigit())
    return len(d) == 10 and nhs_check(d[:9]) == int(d[9])


MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTHS_L = ["January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"]


def ordinal(n):
    return "%d%s" % (n, "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def fdob(d, style):
    if style == "uk":
        return d.strftime("%d/%m/%Y")
    if style == "iso":
        return d.isoformat()
    if style == "ora":
        return "%02d-%s-%d" % (d.day, MONTHS[d.month - 1].upper(), d.year)
    if style == "ora2":
        return "%02d-%s-%02d" % (d.day, MONTHS[d.month - 1].upper(), d.year % 100)
    if style == "long":
        return "%d %s %d" % (d.day, MONTHS_L[d.month - 1], d.year)
    if style == "short":
        return "%d %s %d" % (d.day, MONTHS[d.month - 1], d.year)
    if style == "dots":
        return d.strftime("%d.%m.%Y")
    if style == "slim":
        return "%d/%d/%d" % (d.day, d.month, d.year)
    if style == "ord":
        return "%s %s %d" % (ordinal(d.day), MONTHS_L[d.month - 1], d.year)
    if style == "compact":
        return d.strftime("%Y%m%d")
    raise ValueError(style)


def fnhs(n, style):
    if not n:
        return ""
    d = n.replace(" ", "")
    if style == "plain":
        return d
    if style == "dash":
        return "%s-%s-%s" % (d[:3], d[3:6], d[6:])
    return "%s %s %s" % (d[:3], d[3:6], d[6:])


def ascii_fold(s):
    tr = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻáéíóú", "acelnoszzACELNOSZZaeiou")
    return s.translate(tr)


def uk(d):
    return d.strftime("%d/%m/%Y")


def ukt(t):
    return t.strftime("%d/%m/%Y %H:%M")


def phone(rng, mobile=None):
    if mobile is None:
        mobile = rng.random() < 0.6
    if mobile:
        return "07700 900%03d" % rng.randint(0, 999)
    return rng.choice(["0113 496 0%03d", "0117 496 0%03d"]) % rng.randint(0, 999)


# ----------------------------------------------------------------------------- world
class World:
    def __init__(self, n, seed):
        self.rng = rng = random.Random(seed * 1000003 + 27)
        self.seed = seed
        self.used_names = set()
        self.used_nhs = set()
        self.related = []
        self.staff = {}            # full name -> role
        self.written = {}          # person idx -> dict of what was written
        self.homes = {}
        self.staff_written = set()
        self.rel_written = set()
        self.agencies = [dict(a) for a in AGENCIES]
        for a in self.agencies:
            a["carers"] = [self.new_staff("carer", a) for _ in range(rng.randint(6, 8))]
            a["coords"] = [self.new_staff("coordinator", a) for _ in range(2)]
            a["manager"] = self.new_staff("registered manager", a)
            a["people"] = []
        self.engineers = [self.new_staff("engineer", None) for _ in range(6)]
        self.migration_lead = self.engineers[0]
        self.people = []
        for i in range(n):
            self.people.append(self.new_person(i))
        self.make_couples()
        self.assign_states()
        for p in self.people:
            self.written[p["idx"]] = dict(current=set(), former=set(), nhs=False, dob=False,
                                          name=False, void=set())

    # -- names
    def unique(self, fn, sn):
        return (fn + " " + sn) not in self.used_names

    def new_staff(self, role, agency):
        rng = self.rng
        while True:
            fn = rng.choice(YF + YF + YM)
            sn = rng.choice(YS)
            if self.unique(fn, sn):
                break
        self.used_names.add(fn + " " + sn)
        s = dict(fn=fn, sn=sn, full=fn + " " + sn, role=role,
                 agency=agency["code"] if agency else "KCS")
        if agency:
            s["email"] = "%s.%s@%s" % (ascii_fold(fn).lower(), ascii_fold(sn).lower().replace("'", ""), agency["dom"])
        else:
            s["email"] = "%s.%s@kestrelcare.example" % (ascii_fold(fn).lower(), ascii_fold(sn).lower())
        self.staff[s["full"]] = role
        return s

    def new_related(self, rel, surname=None, cult="brit", sex=None):
        rng = self.rng
        if sex is None:
            sex = rng.choice("FM")
        for _ in range(200):
            if rel in ("wife", "husband"):
                pool = F_OLD[cult] if sex == "F" else M_OLD[cult]
            elif cult in ("brit", "carib", "irish", "celt", "pol", "ital"):
                pool = YF + ["Susan", "Karen", "Julie", "Sandra", "Linda", "Carol", "Janet", "Denise"] if sex == "F" else \
                    YM + ["Stephen", "Paul", "Mark", "Gary", "David", "Andrew", "Neil", "Ian"]
            else:
                pool = (F_OLD.get(cult, F_OLD["brit"]) + ["Farzana", "Shazia", "Nazia", "Pinder", "Rupa"]) if sex == "F" \
                    else (M_OLD.get(cult, M_OLD["brit"]) + ["Tariq", "Zahid", "Sajid", "Raj", "Sunil"])
            fn = rng.choice(pool)
            sn = surname or rng.choice(SUR[rng.choice(["brit", "brit", cult])])
            if cult == "sikh" and surname is None:
                sn = "Kaur" if sex == "F" else "Singh"
            if sex == "M" and sn == "Zielińska":
                sn = "Zieliński"
            if sex == "F" and sn in ("Wiśniewski", "Zieliński", "Sawicki"):
                sn = sn[:-1] + "a"
            if self.unique(fn, sn):
                break
            surname = None
        self.used_names.add(fn + " " + sn)
        r = dict(fn=fn, sn=sn, full=fn + " " + sn, rel=rel, phone=phone(rng), sex=sex)
        self.related.append(r)
        return r

    def postcode(self, agency, town=None):
        rng = self.rng
        area, lo, hi = [t[1:] for t in agency["towns"] if t[0] == town][0]
        return "%s%d %d%s%s" % (area, rng.randint(lo, hi), rng.randint(1, 9), rng.choice(INWARD), rng.choice(INWARD))

    def new_home(self, agency, town=None):
        rng = self.rng
        hid = len(self.homes)
        kind = rng.choices(["house", "bungalow", "flat", "terrace"], [4, 3, 2, 3])[0]
        street = rng.choice(STREET_A) + " " + rng.choice(STREET_B)
        if kind == "flat":
            line1 = "Flat %d, %s" % (rng.randint(1, 40), rng.choice(BLOCKS))
            line2 = street
        else:
            line1 = "%d %s" % (rng.randint(1, 180), street)
            line2 = ""
        town = town or rng.choice(agency["towns"])[0]
        h = dict(id=hid, kind=kind, line1=line1, line2=line2, town=town,
                 pc=self.postcode(agency, town), facts=[], void=None)
        self.homes[hid] = h
        return h

    def new_person(self, i):
        rng = self.rng
        ag = rng.choices(self.agencies, [a["weight"] for a in self.agencies])[0]
        cult = rng.choices([c for c, _ in CULT_W], [w for _, w in CULT_W])[0]
        sex = rng.choice("FFFM")  # home care clients: mostly women
        for _ in range(500):
            fn = rng.choice(F_OLD[cult] if sex == "F" else M_OLD[cult])
            if cult == "sikh":
                sn = ("Kaur" if sex == "F" else "Singh") if rng.random() < 0.6 else rng.choice(SUR["sikh"][2:])
            elif cult == "sasian_m" and sex == "F" and rng.random() < 0.4:
                sn = rng.choice(["Begum", "Bi", "Bibi"])
            elif cult == "pol" and sex == "M" and rng.random() < 0.5:
                sn = rng.choice(["Wiśniewski", "Zieliński", "Kowalczyk", "Sawicki", "Nowak"])
            else:
                sn = rng.choice(SUR[cult])
                if sex == "M" and sn == "Zielińska":
                    sn = "Zieliński"
            if sex == "F" and sn.endswith(("ski", "cki")):
                sn = sn[:-1] + "a"
            if self.unique(fn, sn):
                break
        self.used_names.add(fn + " " + sn)
        mid = ""
        if cult in ("brit", "irish", "celt", "carib") and rng.random() < 0.35:
            mid = rng.choice(MIDDLE_F if sex == "F" else MIDDLE_M)
        known = ""
        if fn in KNOWN_AS and rng.random() < 0.6:
            known = rng.choice(KNOWN_AS[fn])
        age = rng.choices([rng.randint(66, 79), rng.randint(80, 89), rng.randint(90, 101), rng.randint(38, 65)],
                          [3, 5, 3, 1])[0]
        dob = D(2026 - age, rng.randint(1, 12), rng.randint(1, 28))
        if rng.random() < 0.5:
            dob = D(dob.year, dob.month, rng.randint(1, 28))
        title = rng.choice(["Mrs", "Mrs", "Miss", "Ms"]) if sex == "F" else "Mr"
        nhs = ""
        if rng.random() < 0.79:
            while True:
                nine = "485" + "%06d" % rng.randint(0, 999999)
                c = nhs_check(nine)
                if c is not None and nine not in self.used_nhs:
                    self.used_nhs.add(nine)
                    nhs = nine + str(c)
                    break
        home = self.new_home(ag)
        # next of kin
        nok_rel = rng.choice(["daughter", "son", "daughter", "niece", "son", "spouse", "spouse",
                              "daughter-in-law", "nephew", "friend", "granddaughter"])
        if nok_rel == "spouse":
            nok_rel = "husband" if sex == "F" else "wife"
        if nok_rel in ("wife", "husband"):
            nok = self.new_related(nok_rel, surname=sn, cult=cult, sex="F" if nok_rel == "wife" else "M")
        elif nok_rel in ("son", "nephew") or (nok_rel in ("daughter", "granddaughter") and rng.random() < 0.4):
            nok = self.new_related(nok_rel, surname=sn, cult=cult,
                                   sex="M" if nok_rel in ("son", "nephew") else "F")
        else:
            nok = self.new_related(nok_rel, cult=cult, sex="M" if nok_rel in ("son", "nephew") else "F")
        nconds = rng.randint(1, 4)
        conds = rng.sample(CONDS, nconds)
        meds = rng.sample(MEDS, rng.randint(0, 6))
        p = dict(idx=i, fn=fn, sn=sn, mid=mid, known=known, title=title, sex=sex, cult=cult,
                 dob=dob, nhs=nhs, agency=ag, agency2=None, home=home, home_new=None,
                 state="living", state_date=None, dest=None, nok=nok, conds=conds, meds=meds,
                 calls=rng.choice([1, 2, 2, 3, 3, 4, 4]), phone=phone(rng, False),
                 kd_id="KD%05d" % rng.randint(10000, 99999), couple=None,
                 gp=rng.choice(["Dr Hollis", "Dr Mistry", "Dr Adebayo", "Dr Crane", "Dr Mellor",
                                "Dr Zaman"]) + ", " + rng.choice(["Northgate Surgery", "Kings Cross Practice",
                                                                  "Moor Lane Medical Centre", "Riverside Health Centre",
                                                                  "Station Road Surgery"]))
        ag["people"].append(p)
        return p

    def make_couples(self):
        rng = self.rng
        # three married couples, both clients, one home
        cands = [p for p in self.people if p["nok"]["rel"] in ("wife", "husband")]
        rng.shuffle(cands)
        made = 0
        for p in cands:
            if made >= 3:
                break
            q = None
            for r in self.people:
                if r is not p and r["agency"] is p["agency"] and r["couple"] is None and p["couple"] is None \
                        and r["nok"]["rel"] not in ("wife", "husband") and r["sex"] != p["sex"]:
                    q = r
                    break
            if q is None:
                continue
            # q becomes p's spouse: rename q to the nok's name? keep q's own forename, take p's surname
            old = q["fn"] + " " + q["sn"]
            if not self.unique(q["fn"], p["sn"]):
                continue
            self.used_names.discard(old)
            q["sn"] = p["sn"]
            q["cult"] = p["cult"]
            self.used_names.add(q["fn"] + " " + q["sn"])
            # p's nok (spouse) was a related person: drop it, the spouse is q
            self.related.remove(p["nok"])
            self.used_names.discard(p["nok"]["full"])
            p["nok"] = dict(fn=q["fn"], sn=q["sn"], full=q["fn"] + " " + q["sn"],
                            rel="wife" if q["sex"] == "F" else "husband", phone=p["phone"], client=True)
            q["nok_spouse"] = p
            del self.homes[q["home"]["id"]]
            q["home"] = p["home"]
            q["couple"] = p
            p["couple"] = q
            q["title"] = "Mrs" if q["sex"] == "F" else "Mr"
            made += 1

    def assign_states(self):
        rng = self.rng
        n = len(self.people)
        order = [p for p in self.people if p["couple"] is None]
        rng.shuffle(order)
        nd, nc, nr, nm = round(n * 0.075), round(n * 0.055), max(1, round(n * 0.017)), round(n * 0.06)
        # who moves in with a relative: someone whose next of kin is a child, niece or nephew
        rel_c = [p for p in order if p["nok"]["rel"] in ("daughter", "son", "niece", "nephew", "granddaughter")][:nr]
        order = rel_c + [p for p in order if p not in rel_c]
        k = 0
        for state, cnt in (("relative", nr), ("died", nd), ("care_home", nc), ("moved_house", nm)):
            for p in order[k:k + cnt]:
                p["state"] = state
                p["state_date"] = START + dt.timedelta(days=rng.randint(50, 195))
                if state == "care_home":
                    p["dest"] = rng.choice(CARE_HOMES)
                elif state == "relative":
                    rel = p["nok"]
                    h = self.new_home(p["agency"])
                    p["dest"] = "%s's house (%s, %s %s)" % (rel["rel"], h["line1"], h["town"], h["pc"])
                    p["dest_home"] = h
                elif state == "moved_house":
                    p["home_new"] = self.new_home(p["agency"], p["home"]["town"])
            k += cnt
        # transfers between customers: the same person on two customers' systems
        for p in order[k:k + 5]:
            other = rng.choice([a for a in self.agencies if a is not p["agency"]])
            p["agency2"] = other
            p["transfer_date"] = START + dt.timedelta(days=rng.randint(60, 150))
        # access facts
        for p in self.people:
            if p["couple"] is not None and p["couple"]["idx"] < p["idx"]:
                continue  # the shared home was set by the first of the couple
            at_home_end = p["state"] in ("living", "moved_house")
            homes = [p["home"]] + ([p["home_new"]] if p["home_new"] else [])
            for h in homes:
                prob = 0.58 if h is (p["home_new"] or p["home"]) and at_home_end else 0.70
                if p["couple"]:
                    prob = 0.9
                if rng.random() < prob:
                    h["facts"] = self.make_facts(p, h)
                elif rng.random() < 0.35:
                    h["near"] = rng.choice(["fitting", "office", "family"])
            # a way in that stops working: only for people living at the same home at the end
            if p["state"] == "living" and p["home"]["facts"] and rng.random() < 0.12:
                codes = [f for f in p["home"]["facts"] if f["kind"] == "code"]
                if codes:
                    f = codes[0]
                    f["void"] = rng.choice(["changed", "removed"])
                    f["void_date"] = START + dt.timedelta(days=rng.randint(70, 190))
                    p["home"]["void"] = f

    def make_facts(self, p, h):
        rng = self.rng
        facts = []
        r = rng.random()
        if r < 0.62:
            facts.append(self.code_fact(h))
            if rng.random() < 0.3:
                facts.append(self.holder_fact(p))
        elif r < 0.75:
            facts.append(self.hidden_fact())
            if rng.random() < 0.3:
                facts.append(self.holder_fact(p))
        elif r < 0.88:
            facts.append(self.holder_fact(p))
        else:
            facts.append(self.open_fact(p))
            if rng.random() < 0.4:
                facts.append(self.code_fact(h))
        return facts

    def code_fact(self, h):
        rng = self.rng
        if h["kind"] == "flat" and rng.random() < 0.6:
            what = "door entry"
            code = rng.choice(["%d" % rng.randint(1000, 9999), "%d#" % rng.randint(1000, 9999),
                               "C%d" % rng.randint(1000, 9999), "%dX" % rng.randint(100, 999)])
            where = "main entrance keypad"
            f = dict(kind="code", what=what, code=code, where=where)
            # plus a key safe for the flat itself, sometimes
            if rng.random() < 0.5:
                f["ks"] = "%04d" % rng.randint(0, 9999)
            return f
        what = rng.choices(["key safe", "key safe", "key safe", "lock box", "alarm", "gate padlock"],
                           [5, 5, 5, 1, 1, 1])[0]
        code = rng.choice(["%04d" % rng.randint(0, 9999), "%04d" % rng.randint(1000, 9999),
                           "%d" % rng.randint(1930, 1999), "%03d" % rng.randint(0, 999),
                           "%d%d%d%d%d" % tuple(rng.randint(0, 9) for _ in range(5))])
        if what == "alarm":
            where = rng.choice(["panel in the hall", "panel behind the front door", "keypad in the porch"])
        elif what == "gate padlock":
            where = rng.choice(["side gate", "back gate off the ginnel", "gate to the rear yard"])
        else:
            where = rng.choice(["left of front door", "right of front door", "by the back door",
                                "behind the drainpipe at the side", "on the garage wall",
                                "under the kitchen window", "in the porch, behind the bin",
                                "on the wall by the side gate", "next to the electric meter box",
                                "behind the wheelie bins", "at the back, right of the kitchen door"])
        return dict(kind="code", what=what, code=code, where=where)

    def hidden_fact(self):
        rng = self.rng
        where = rng.choice([
            "under the blue plant pot by the back door", "on a string behind the letterbox",
            "in the meter box (meter box opened with the triangle key on the ledge)",
            "under the stone frog on the back step", "in the bird box in the side garden",
            "under the doormat at the back", "in the coal shed, on the nail left of the door",
            "inside the outside light fitting by the porch", "under the loose brick by the drain",
            "in the shed, in the blue tin on the shelf", "taped under the garden bench",
            "in the fake rock in the front border", "under the gnome by the bins",
            "on the hook inside the porch (porch never locked)"])
        return dict(kind="hidden_key", where=where)

    def holder_fact(self, p):
        rng = self.rng
        r = rng.random()
        if r < 0.45 and p["nok"].get("client") is None:
            return dict(kind="key_holder", who=p["nok"], whodesc=p["nok"]["rel"])
        if r < 0.85:
            nb = self.new_related("neighbour", cult=rng.choice(["brit", "brit", p["cult"]]))
            nb["key"] = True
            return dict(kind="key_holder", who=nb, whodesc="neighbour at no. %d" % rng.randint(1, 120))
        shop = rng.choice(["Shah's newsagents on the corner", "the Spar on %s" % p["home"]["line1"].split(" ", 1)[-1],
                           "the Co-op pharmacy counter", "the pub next door (The Fleece)",
                           "the scheme manager's office"])
        return dict(kind="key_holder", who=None, whodesc=shop)

    def open_fact(self, p):
        rng = self.rng
        how = rng.choice([
            "front door left on the latch for carers", "back door unlocked 8am-10pm, just let yourself in",
            "door on the latch - knock and walk in", "%s leaves the door unlocked for the morning call" %
            ("wife" if p["sex"] == "M" else "son"),
            "door left open for lunch and tea calls - push hard, it sticks",
            "porch and inner door unlocked in the day, let yourself in and shout"])
        return dict(kind="left_open", how=how)

    # -- where is p living at a date / at the end
    def home_at(self, p, day):
        if p["state"] == "moved_house" and day >= p["state_date"]:
            return p["home_new"]
        return p["home"]

    def active_at(self, p, day):
        return not (p["state"] in ("died", "care_home", "relative") and day >= p["state_date"])

    def end_home(self, p):
        if p["state"] in ("died", "care_home", "relative"):
            return None
        return p["home_new"] if p["state"] == "moved_house" else p["home"]

    # -- tracking
    def note_fact(self, p, h, f):
        """A fact about home h was written in the share, in p's record."""
        for q in ([p, p["couple"]] if p["couple"] else [p]):
            w = self.written[q["idx"]]
            if f.get("void"):
                w["void"].add(f["kind"])
                continue
            if self.end_home(q) is h:
                w["current"].add(f["kind"])
            else:
                w["former"].add(f["kind"])

    def note(self, p, nhs=False, dob=False, name=True):
        w = self.written[p["idx"]]
        w["nhs"] |= nhs
        w["dob"] |= dob
        w["name"] |= name

    # -- name shapes
    def name(self, p, shape):
        fn, sn = p["fn"], p["sn"]
        if shape == "full":
            return "%s %s" % (fn, sn)
        if shape == "fullmid":
            return "%s %s%s" % (fn, (p["mid"] + " ") if p["mid"] else "", sn)
        if shape == "known":
            return "%s %s" % (p["known"] or fn, sn)
        if shape == "knownbr":
            return "%s (%s) %s" % (fn, p["known"], sn) if p["known"] else "%s %s" % (fn, sn)
        if shape == "SUR":
            return "%s, %s" % (sn.upper(), fn)
        if shape == "SURmid":
            return "%s, %s%s" % (sn.upper(), fn, (" " + p["mid"]) if p["mid"] else "")
        if shape == "sur":
            return "%s, %s" % (sn, fn)
        if shape == "title":
            return "%s %s %s" % (p["title"], fn[0], sn)
        if shape == "titlefull":
            return "%s %s %s" % (p["title"], fn, sn)
        if shape == "titlesur":
            return "%s %s" % (p["title"], sn)
        if shape == "upper":
            return ascii_fold("%s %s" % (fn, sn)).upper()
        if shape == "sn_i":
            return "%s %s" % (sn, fn[0])
        raise ValueError(shape)

    def any_name(self, p, shapes=("full", "SUR", "title", "titlefull", "known", "sur", "fullmid", "knownbr")):
        s = self.rng.choice(shapes)
        return self.name(p, s)

    def addr(self, h, oneline=True):
        parts = [h["line1"]] + ([h["line2"]] if h["line2"] else []) + [h["town"], h["pc"]]
        return ", ".join(parts) if oneline else "\n".join(parts)

    # -- access wording
    def fact_short(self, f):
        """How a coordinator types it in an 'access' field."""
        rng = self.rng
        k = f["kind"]
        if k == "code":
            if f["what"] == "door entry":
                s = rng.choice(["Main door code %s" % f["code"], "entrance keypad %s" % f["code"],
                                "Door entry: %s then flat no." % f["code"], "communal door %s" % f["code"]])
                if f.get("ks"):
                    s += rng.choice(["; KS by flat door %s" % f["ks"], " / keysafe %s outside flat" % f["ks"]])
                return s
            if f["what"] == "alarm":
                return rng.choice(["Alarm code %s (%s)" % (f["code"], f["where"]),
                                   "alarm %s - set when leaving" % f["code"],
                                   "Burglar alarm: %s, %s" % (f["code"], f["where"])])
            if f["what"] == "gate padlock":
                return rng.choice(["Padlock on %s - %s" % (f["where"], f["code"]),
                                   "%s combination %s" % (f["where"], f["code"])])
            return rng.choice(["KS %s %s" % (f["code"], f["where"]),
                               "Key safe %s, code %s" % (f["where"], f["code"]),
                               "keysafe - %s - %s" % (f["where"], f["code"]),
                               "K/S %s (%s)" % (f["code"], f["where"]),
                               "%s %s, c. %s" % (f["what"], f["where"], f["code"]),
                               "Keysafe code %s" % f["code"]])
        if k == "hidden_key":
            return rng.choice(["Key %s" % f["where"], "spare key %s" % f["where"],
                               "Key kept %s" % f["where"], "key is %s" % f["where"]])
        if k == "key_holder":
            if f["who"]:
                w = f["who"]
                return rng.choice(["Key holder: %s (%s) %s" % (w["full"], f["whodesc"], w["phone"]),
                                   "Spare key with %s %s" % (f["whodesc"], w["full"]),
                                   "Keys - %s, %s, tel %s" % (w["full"], f["whodesc"], w["phone"])])
            return rng.choice(["Spare key held at %s" % f["whodesc"], "Key holder: %s" % f["whodesc"]])
        if k == "left_open":
            return f["how"][0].upper() + f["how"][1:]
        raise ValueError(k)

    def fact_prose(self, f):
        rng = self.rng
        k = f["kind"]
        if k == "code":
            if f["what"] == "door entry":
                s = "The building has a keypad at the %s, the code is %s." % (f["where"], f["code"])
                if f.get("ks"):
                    s += " The key for the flat is in a key safe by the flat door, code %s." % f["ks"]
                return s
            if f["what"] == "alarm":
                return "There is an intruder alarm, %s. Code to unset is %s; please set it again when you leave." % (
                    f["where"], f["code"])
            if f["what"] == "gate padlock":
                return "Go round the %s, the padlock code is %s." % (f["where"], f["code"])
            return rng.choice([
                "Carers use the key safe %s. Code %s. Please return the key and scramble the numbers." % (f["where"], f["code"]),
                "Access is via the %s %s, the code is %s." % (f["what"], f["where"], f["code"]),
                "%s is %s - code %s - put the key back every time!" % (f["what"].capitalize(), f["where"], f["code"])])
        if k == "hidden_key":
            return rng.choice(["A spare key is kept %s." % f["where"],
                               "If no answer, the key is %s - let yourself in and call out." % f["where"]])
        if k == "key_holder":
            if f["who"]:
                w = f["who"]
                return rng.choice(["%s (%s) holds a spare key, phone %s." % (w["full"], f["whodesc"], w["phone"]),
                                   "If you cannot get in, a key is held by %s, %s, on %s." % (w["full"], f["whodesc"], w["phone"])])
            return "A spare key is held at %s; ask at the counter." % f["whodesc"]
        if k == "left_open":
            return rng.choice(["The %s." % f["how"], "Access: %s." % f["how"]])
        raise ValueError(k)

    def write_access(self, p, h, day, prose=False, sep="; "):
        """Text for the facts of home h still true on day, recorded as written."""
        fs = facts_at(h, day)
        if not fs:
            return self.near_text(h, prose)
        out = []
        for f in fs:
            out.append(self.fact_prose(f) if prose else self.fact_short(f))
            self.note_fact(p, h, f)
        return (" " if prose else sep).join(out)

    def near_text(self, h, prose=False):
        nr = h.get("near")
        rng = self.rng
        if nr == "fitting":
            return rng.choice(["Key safe fitting booked with Age UK - code TBC", "KS to be fitted (OT referral)",
                               "Awaiting key safe - family to let in until fitted"])
        if nr == "office":
            return rng.choice(["Key safe code held by office - ring coordinator", "code with the admin team",
                               "KS code not recorded - ask office"])
        if nr == "family":
            return rng.choice(["Client answers door", "Daughter present for all calls", "Ring bell, client will let you in",
                               "Knock loudly - hard of hearing"])
        return "" if not prose else "Client lets carers in."


# ----------------------------------------------------------------------------- writers
def pdf_bytes(pages):
    """pages: list of lists of lines. Uncompressed, Type1 Helvetica, WinAnsi."""
    objs = []

    def esc(s):
        # WinAnsi has no Polish letters: a printout drops their marks
        s = "".join(c if c.encode("cp1252", "ignore") else ascii_fold(c) for c in s)
        b = s.encode("cp1252", "replace")
        return b.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")

    font_id = 3
    page_ids = []
    contents = []
    for lines in pages:
        parts = [b"BT /F1 10 Tf 13 TL 50 800 Td"]
        for ln in lines:
            if ln.startswith("# "):
                parts.append(b"/F1 13 Tf (" + esc(ln[2:]) + b") Tj T* /F1 10 Tf")
            else:
                parts.append(b"(" + esc(ln) + b") Tj T*")
        parts.append(b"ET")
        contents.append(b"\n".join(parts))
    n = len(pages)
    # object numbering: 1 catalog, 2 pages, 3 font, then page/content pairs
    for i in range(n):
        page_ids.append(4 + 2 * i)
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objs.append(b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in page_ids) + b"] /Count %d >>" % n)
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for i in range(n):
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                    % (font_id, page_ids[i] + 1))
        c = contents[i]
        objs.append(b"<< /Length %d >>\nstream\n" % len(c) + c + b"\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offs = []
    for i, o in enumerate(objs):
        offs.append(out.tell())
        out.write(b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n")
    x = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for o in offs:
        out.write(b"%010d 00000 n \n" % o)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x))
    return out.getvalue()


def wrap(line, width=95):
    out = []
    for para in line.split("\n"):
        while len(para) > width:
            cut = para.rfind(" ", 0, width)
            if cut <= 0:
                cut = width
            out.append(para[:cut])
            para = para[cut:].lstrip()
        out.append(para)
    return out


class Share:
    def __init__(self, root):
        self.root = root
        self.files = []
        self.texts = []   # every text written (for the self-check)

    def path(self, rel):
        p = os.path.join(self.root, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        self.files.append(rel)
        return p

    def text(self, rel, s, enc="utf-8", crlf=False):
        if crlf:
            s = s.replace("\r\n", "\n").replace("\n", "\r\n")
        with open(self.path(rel), "w", encoding=enc, newline="") as fh:
            fh.write(s)
        self.texts.append(s)

    def csv(self, rel, header, rows, delim=",", enc="utf-8", bom=False):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=delim, lineterminator="\r\n")
        if header:
            w.writerow(header)
        for r in rows:
            w.writerow(["" if v is None else v for v in r])
        s = buf.getvalue()
        with open(self.path(rel), "w", encoding=("utf-8-sig" if bom else enc), newline="", errors="replace") as fh:
            fh.write(s)
        self.texts.append(s)

    def json(self, rel, obj, indent=2):
        s = json.dumps(obj, indent=indent, ensure_ascii=False, default=str)
        with open(self.path(rel), "w", encoding="utf-8") as fh:
            fh.write(s)
        self.texts.append(s)

    def xlsx(self, rel, sheets):
        """sheets: list of (title, rows) ; rows lists of values."""
        import openpyxl
        wb = openpyxl.Workbook()
        wb.remove(wb.active)
        for title, rows in sheets:
            ws = wb.create_sheet(title[:31])
            for r in rows:
                ws.append(["" if v is None else v for v in r])
                self.texts.append("\t".join(str(v) for v in r if v is not None))
        wb.properties.creator = "Kestrel Domiciliary"
        wb.properties.created = dt.datetime(2026, 6, 1)
        wb.properties.modified = dt.datetime(2026, 6, 1)
        wb.save(self.path(rel))

    def docx(self, rel, blocks, header=None, footer=None):
        """blocks: ('h', text) | ('p', text) | ('t', rows)."""
        import docx
        d = docx.Document()
        if header:
            d.sections[0].header.paragraphs[0].text = header
            self.texts.append(header)
        if footer:
            d.sections[0].footer.paragraphs[0].text = footer
            self.texts.append(footer)
        for b in blocks:
            if b[0] == "h":
                d.add_heading(b[1], level=b[2] if len(b) > 2 else 1)
                self.texts.append(b[1])
            elif b[0] == "p":
                d.add_paragraph(b[1])
                self.texts.append(b[1])
            elif b[0] == "t":
                rows = b[1]
                t = d.add_table(rows=len(rows), cols=max(len(r) for r in rows))
                t.style = "Table Grid"
                for i, r in enumerate(rows):
                    for j, v in enumerate(r):
                        t.cell(i, j).text = str(v)
                    self.texts.append("\t".join(str(v) for v in r))
        # fixed core properties so the bytes do not depend on the clock
        d.core_properties.author = "Kestrel Domiciliary"
        d.core_properties.created = dt.datetime(2026, 6, 1)
        d.core_properties.modified = dt.datetime(2026, 6, 1)
        d.save(self.path(rel))

    def pdf(self, rel, lines, per_page=56):
        flat = []
        for ln in lines:
            flat.extend(wrap(ln) if not ln.startswith("# ") else [ln])
        pages = [flat[i:i + per_page] for i in range(0, len(flat), per_page)] or [[""]]
        with open(self.path(rel), "wb") as fh:
            fh.write(pdf_bytes(pages))
        self.texts.append("\n".join(flat))

    def eml(self, rel, frm, to, subject, when, body, cc=None, attach=None):
        m = EmailMessage()
        m["From"] = frm
        m["To"] = to
        if cc:
            m["Cc"] = cc
        m["Subject"] = subject
        m["Date"] = format_datetime(when.replace(tzinfo=dt.timezone(dt.timedelta(hours=1))))
        m["Message-ID"] = "<%s@mail.kestrelcare.example>" % abs(hash((rel, subject))) if False else \
            "<%08x.%s@mail.kestrelcare.example>" % (len(self.files) * 2654435761 % 2 ** 32, when.strftime("%Y%m%d%H%M"))
        m.set_content(body)
        if attach:
            for name, data, mtype in attach:
                maintype, subtype = mtype.split("/")
                if isinstance(data, str):
                    m.add_attachment(data, subtype=subtype, filename=name)
                else:
                    m.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
                self.texts.append(data if isinstance(data, str) else "")
        with open(self.path(rel), "wb") as fh:
            fh.write(bytes(m))
        self.texts.append(subject + "\n" + body)


# ----------------------------------------------------------------------------- migration
ADMIN_LVL = ["Prompt", "Assist", "Administer", "Administer", "Family"]


def status_at(w, p, day):
    if w.active_at(p, day):
        return "A"
    return {"died": "D", "care_home": "X", "relative": "X"}[p["state"]]


def sql_q(v):
    if v is None or v == "":
        return "NULL"
    if isinstance(v, int):
        return str(v)
    return "'" + str(v).replace("'", "''") + "'"


def gen_caretrak(w, s):
    """Calder Valley: CareTrak 3 -> Kestrel."""
    rng = w.rng
    ag = w.agencies[0]
    base = "Migration/CVH - Calder Valley (CareTrak)/"
    ppl = sorted([p for p in w.people if p["agency"] is ag or p["agency2"] is ag and p["transfer_date"] < D(2026, 3, 14)],
                 key=lambda p: p["sn"])
    exp_day = D(2026, 3, 14)
    for i, p in enumerate(ppl):
        p["ct_ref"] = "CT-%05d" % (400 + i * 7 + rng.randint(0, 5))
    # clients split by surname initial, as the old system's export tool did
    hdr = ["CLI_REF", "CLI_TTL", "CLI_SNAME", "CLI_FNAME", "CLI_MNAME", "CLI_KNOWNAS", "CLI_DOB", "CLI_NHSNO",
           "ADDR1", "ADDR2", "TOWN", "PCODE", "TEL1", "STAT_CD", "PKG_CALLS", "KS_YN", "KS_NUM", "KS_LOC", "ACC_NOTES"]
    groups = [("A-G", "ABCDEFG"), ("H-M", "HIJKLM"), ("N-Z", "NOPQRSTUVWXYZ")]
    contacts, meds, alerts = [], [], []
    for tag, letters in groups:
        rows = []
        for p in ppl:
            if ascii_fold(p["sn"])[0].upper() not in letters:
                continue
            h = w.home_at(p, exp_day)
            ks = [f for f in h["facts"] if f["kind"] == "code" and f["what"] in ("key safe", "lock box")]
            ks_num = ks_loc = ""
            other = []
            if ks:
                ks_num, ks_loc = ks[0]["code"], ks[0]["where"].upper()
                w.note_fact(p, h, ks[0])
            for f in h["facts"]:
                if ks and f is ks[0]:
                    continue
                other.append(w.fact_short(f).upper())
                w.note_fact(p, h, f)
            if not h["facts"] and h.get("near"):
                other.append(w.near_text(h).upper())
            nhs = fnhs(p["nhs"], rng.choice(["plain", "dash", "plain"])) if p["nhs"] else rng.choice(["N/K", "", "", "TBC"])
            w.note(p, nhs=bool(p["nhs"]), dob=True)
            rows.append([p["ct_ref"], p["title"].upper(), ascii_fold(p["sn"]).upper(), ascii_fold(p["fn"]).upper(),
                         p["mid"].upper(), p["known"].upper(), fdob(p["dob"], "ora"), nhs,
                         h["line1"].upper(), h["line2"].upper(), h["town"].upper(), h["pc"], p["phone"],
                         status_at(w, p, exp_day), p["calls"], "Y" if ks else "N", ks_num, ks_loc, " / ".join(other)])
            nk = p["nok"]
            key = any(f["kind"] == "key_holder" and f.get("who") is nk for f in h["facts"])
            contacts.append([p["ct_ref"], 1, ascii_fold(nk["full"]).upper(), nk["rel"].upper(), nk["phone"],
                             "Y" if key else "N", "Y"])
            for f in h["facts"]:
                if f["kind"] == "key_holder" and f.get("who") and f["who"] is not nk:
                    contacts.append([p["ct_ref"], 2, ascii_fold(f["who"]["full"]).upper(), "NEIGHBOUR", f["who"]["phone"], "Y", "N"])
            for m in p["meds"]:
                meds.append([p["ct_ref"], m[0].upper(), m[1], m[2], rng.choice(ADMIN_LVL)])
            for c in p["conds"]:
                alerts.append([p["ct_ref"], "MEDICAL", c.upper()])
            if rng.random() < 0.3:
                alerts.append([p["ct_ref"], "RISK", rng.choice(["FALLS RISK - 2 CARERS FOR HOIST", "DOG ON PREMISES - SHUT IN KITCHEN",
                                                                "SMOKER - OXYGEN IN HOUSE", "LIVES ALONE", "DNACPR IN PLACE (PURPLE FORM ON FRIDGE)"])])
        s.csv(base + "01 Legacy export 14-03-2026/CT_CLIENTS_%s.csv" % tag, hdr, rows)
    s.csv(base + "01 Legacy export 14-03-2026/CT_CONTACTS.csv",
          ["CLI_REF", "CON_SEQ", "CON_NAME", "CON_REL", "CON_TEL", "KEYHLDR_YN", "NOK_YN"], contacts)
    s.csv(base + "01 Legacy export 14-03-2026/CT_MEDS.csv", ["CLI_REF", "DRUG_DESC", "DOSE", "FREQ", "ADMIN_LVL"], meds)
    s.csv(base + "01 Legacy export 14-03-2026/CT_ALERTS.csv", ["CLI_REF", "ALERT_TYPE", "ALERT_TXT"], alerts)
    s.text(base + "01 Legacy export 14-03-2026/EXPORT_LOG.TXT",
           "CareTrak 3.11 Data Export Utility\r\nExport started 14/03/2026 09:02:11 by user CVHADMIN\r\n"
           "Tables: CLIENTS (3 files, split by surname), CONTACTS, MEDS, ALERTS\r\n"
           "Rows exported: CLIENTS %d, CONTACTS %d, MEDS %d, ALERTS %d\r\n"
           "Warnings: 2 rows with DOB century ambiguity (pre-2000 import)\r\nExport finished 09:04:53\r\n"
           % (len(ppl), len(contacts), len(meds), len(alerts)))
    # mapping workbook, several versions
    fieldmap = [["CareTrak table.field", "Kestrel entity.field", "Transform", "Owner", "Notes"],
                ["CLIENTS.CLI_REF", "su_service_user.legacy_ref", "copy", w.migration_lead["full"], ""],
                ["CLIENTS.CLI_SNAME/FNAME", "su_service_user.surname/forename", "Title case (watch Mc/O')", w.migration_lead["full"], "ALL CAPS in source"],
                ["CLIENTS.CLI_DOB", "su_service_user.dob", "DD-MON-YYYY -> ISO", w.engineers[2]["full"], "2 digit years on 3 rows, fix by hand"],
                ["CLIENTS.CLI_NHSNO", "su_service_user.nhs_number", "strip dashes, mod 11", w.engineers[2]["full"], "N/K and TBC -> NULL"],
                ["CLIENTS.KS_NUM", "su_access_info.keysafe_code", "copy", w.migration_lead["full"], "Customer wants these migrated - see Jo's email 18/03"],
                ["CLIENTS.KS_LOC", "su_access_info.keysafe_location", "sentence case", "", ""],
                ["CLIENTS.ACC_NOTES", "su_access_info.access_notes", "copy, free text", "", "contains key holder names"],
                ["CONTACTS.*", "su_contact", "KEYHLDR_YN -> is_key_holder", "", ""],
                ["MEDS.*", "emar_medication", "manual check by CVH", ag["manager"]["full"], "do NOT auto-create MAR"],
                ["ALERTS.MEDICAL", "su_condition", "free text", "", ""],
                ["CLIENTS.STAT_CD", "su_service_user.status", "A->ACTIVE, D->DECEASED, X->ENDED", "", "D rows still migrated for history"]]
    sample = [["CLI_REF", "Name (as exported)", "DOB", "NHS", "KS_NUM", "KS_LOC", "Kestrel preview"]]
    for p in rng.sample(ppl, min(8, len(ppl))):
        h = w.home_at(p, exp_day)
        ks = [f for f in h["facts"] if f["kind"] == "code"]
        if ks:
            w.note_fact(p, h, ks[0])
        w.note(p, nhs=bool(p["nhs"]), dob=True)
        sample.append([p["ct_ref"], w.name(p, "upper"), fdob(p["dob"], "ora"), fnhs(p["nhs"], "dash"),
                       ks[0]["code"] if ks else "", ks[0]["where"].upper() if ks else "",
                       "%s | %s | %s" % (w.name(p, "SUR"), fdob(p["dob"], "uk"), "KS: %s" % ks[0]["code"] if ks else "no access info")])
    issues = [["#", "CLI_REF", "Client", "Problem", "Raised by", "Status"]]
    for j, p in enumerate(rng.sample(ppl, min(10, len(ppl)))):
        prob = rng.choice(["DOB '%s' - century?" % fdob(p["dob"], "ora2"), "NHS no fails check digit in source - retyped from GP letter",
                           "Duplicate of %s (same DOB %s)" % ("CT-%05d" % rng.randint(100, 399), fdob(p["dob"], "uk")),
                           "Known-as in surname field", "Address line 2 holds access notes", "No postcode"])
        w.note(p, dob="DOB" in prob or "dob" in prob.lower() and "DOB" in prob)
        if "DOB '" in prob or "same DOB" in prob:
            w.note(p, dob=True)
        issues.append([j + 1, p["ct_ref"], w.name(p, "SUR"), prob, rng.choice([ag["coords"][0]["full"], w.engineers[2]["full"]]),
                       rng.choice(["Open", "Fixed", "Fixed", "Won't fix"])])
    status = [["STAT_CD", "Meaning", "Kestrel"], ["A", "Active", "ACTIVE"], ["D", "Deceased", "DECEASED"],
              ["X", "Ended / left service", "ENDED"], ["H", "In hospital", "SUSPENDED"]]
    for v in (1, 3):
        sheets = [("Field map", fieldmap), ("Status codes", status), ("Sample rows", sample), ("Issues", issues)]
        if v == 3:
            acc = [["CLI_REF", "Old ACC_NOTES", "-> keysafe_code", "-> keysafe_location", "-> key_holder", "-> access_notes"]]
            for p in ppl:
                h = w.home_at(p, exp_day)
                if not h["facts"] or rng.random() < 0.5:
                    continue
                code = [f for f in h["facts"] if f["kind"] == "code"]
                hold = [f for f in h["facts"] if f["kind"] == "key_holder"]
                other = [f for f in h["facts"] if f["kind"] in ("hidden_key", "left_open")]
                old = " / ".join(w.fact_short(f).upper() for f in h["facts"])
                for f in h["facts"]:
                    w.note_fact(p, h, f)
                acc.append([p["ct_ref"], old, code[0]["code"] if code else "", code[0]["where"] if code else "",
                            (hold[0]["who"]["full"] if hold[0]["who"] else hold[0]["whodesc"]) if hold else "",
                            "; ".join(w.fact_short(f) for f in other)])
            sheets.append(("Access mapping", acc))
        s.xlsx(base + "02 Mapping/CareTrak_to_Kestrel_mapping_v%d.xlsx" % v, sheets)
    # SQL and JSON import batches
    batches = [ppl[0::3], ppl[1::3], ppl[2::3]]
    bdays = [D(2026, 4, 21), D(2026, 5, 19), D(2026, 6, 16)]
    for b, (grp, bday) in enumerate(zip(batches, bdays), 1):
        sql = ["-- Kestrel Domiciliary: data migration, customer CVH (Calder Valley Homecare)",
               "-- source: CareTrak 3 export 14/03/2026, batch %d of 3" % b,
               "-- generated %s 14:%02d by %s" % (bday.isoformat(), rng.randint(0, 59), w.engineers[2]["email"].split("@")[0]),
               "SET NAMES utf8mb4;", "START TRANSACTION;", ""]
        js = []
        for p in grp:
            su = 20000 + p["idx"] * 3
            h = w.home_at(p, exp_day)   # the batch still uses the March export
            st = {"A": "ACTIVE", "D": "DECEASED", "X": "ENDED"}[status_at(w, p, bday)]
            sql.append("INSERT INTO su_service_user (su_id, legacy_ref, title, forename, middle_names, surname, known_as, dob, nhs_number, status, customer_id) VALUES (%s);" % ", ".join(
                sql_q(v) for v in [su, p["ct_ref"], p["title"], p["fn"], p["mid"], p["sn"], p["known"], p["dob"].isoformat(), p["nhs"] or None, st, 14]))
            w.note(p, nhs=bool(p["nhs"]), dob=True)
            sql.append("INSERT INTO su_address (su_id, line1, line2, town, postcode, is_current) VALUES (%s);" % ", ".join(
                sql_q(v) for v in [su, h["line1"], h["line2"], h["town"], h["pc"], 1]))
            code = [f for f in h["facts"] if f["kind"] == "code"]
            notes = [w.fact_short(f) for f in h["facts"] if f["kind"] != "code"]
            if h["facts"]:
                for f in h["facts"]:
                    w.note_fact(p, h, f)
                sql.append("INSERT INTO su_access_info (su_id, keysafe_code, keysafe_location, access_notes) VALUES (%s);" % ", ".join(
                    sql_q(v) for v in [su, code[0]["code"] if code else None, code[0]["where"] if code else None, "; ".join(notes) or None]))
            sql.append("INSERT INTO su_contact (su_id, name, relationship, phone, is_nok, is_key_holder) VALUES (%s);" % ", ".join(
                sql_q(v) for v in [su, p["nok"]["full"], p["nok"]["rel"], p["nok"]["phone"], 1,
                                   int(any(f["kind"] == "key_holder" and f.get("who") is p["nok"] for f in h["facts"]))]))
            for c in p["conds"]:
                sql.append("INSERT INTO su_condition (su_id, description) VALUES (%d, %s);" % (su, sql_q(c)))
            sql.append("")
            js.append({"legacyRef": p["ct_ref"], "title": p["title"], "forename": p["fn"], "surname": p["sn"],
                       "knownAs": p["known"] or None, "dateOfBirth": p["dob"].isoformat(), "nhsNumber": p["nhs"] or None,
                       "status": st, "address": {"line1": h["line1"], "line2": h["line2"] or None, "town": h["town"], "postcode": h["pc"]},
                       "access": {"keySafeCode": code[0]["code"] if code else None,
                                  "keySafeLocation": code[0]["where"] if code else None,
                                  "notes": "; ".join(notes) or None},
                       "conditions": p["conds"],
                       "contacts": [{"name": p["nok"]["full"], "relationship": p["nok"]["rel"], "phone": p["nok"]["phone"],
                                     "keyHolder": any(f["kind"] == "key_holder" and f.get("who") is p["nok"] for f in h["facts"])}]})
        sql.append("COMMIT;")
        s.text(base + "03 SQL/cvh_su_batch%d.sql" % b, "\n".join(sql) + "\n")
        s.json(base + "04 JSON/cvh_import_batch%d.json" % b,
               {"customer": "CVH", "source": "CareTrak 3", "batch": b, "created": bday.isoformat() + "T14:00:00", "serviceUsers": js})
        # reconciliation after each batch
        rec = []
        for p in grp:
            ok = rng.random() < 0.85
            rec.append([p["ct_ref"], w.name(p, "upper"), "%s %s" % (p["fn"], p["sn"]), fdob(p["dob"], "ora"),
                        fdob(p["dob"], "uk") if ok else fdob(p["dob"].replace(year=p["dob"].year + 100) if p["dob"].year < 1926 else p["dob"], "uk"),
                        "MATCH" if ok else "CHECK"])
            w.note(p, dob=True)
        s.csv(base + "05 Recon/recon_batch%d_%s.csv" % (b, bday.strftime("%Y%m%d")),
              ["legacy_ref", "legacy_name", "kestrel_name", "legacy_dob", "kestrel_dob", "result"], rec)
    # a dob fix script
    fix = ["-- CVH post-migration fixes (ticket KCS-%d)" % rng.randint(48000, 48999), "START TRANSACTION;"]
    for p in rng.sample(ppl, 4):
        fix.append("UPDATE su_service_user SET dob = '%s' WHERE legacy_ref = '%s'; -- %s was %s" % (
            p["dob"].isoformat(), p["ct_ref"], w.name(p, "title"), fdob(p["dob"], "ora2")))
        w.note(p, dob=True)
    fix.append("COMMIT;")
    s.text(base + "03 SQL/cvh_fix_dob_century.sql", "\n".join(fix) + "\n")
    return ppl


def facts_at(h, day):
    return [f for f in h["facts"] if not (f.get("void") and day >= f["void_date"])]


def gen_rotawise(w, s):
    """Aire & Wharfe: RotaWise -> Kestrel, two exports (April full, July delta)."""
    rng = w.rng
    ag = w.agencies[1]
    base = "Migration/AWH - Aire and Wharfe (RotaWise)/"
    ppl = [p for p in w.people if p["agency"] is ag or p["agency2"] is ag]
    for p in ppl:
        p["rw_id"] = rng.randint(1000, 9999)
    def su_name(p):
        return "%s, %s%s" % (p["sn"], p["fn"], (" (%s)" % p["known"]) if p["known"] else "")
    for day, fname in ((D(2026, 4, 2), "RW_ServiceUsers_FULL_20260402.csv"), (D(2026, 7, 20), "RW_ServiceUsers_DELTA_20260720.csv")):
        rows = []
        for p in ppl:
            if day.month == 7 and rng.random() < 0.45 and p["state"] == "living":
                continue  # delta: only some rows
            h = w.home_at(p, day)
            fs = facts_at(h, day)
            entry = "; ".join(w.fact_short(f) for f in fs if f["kind"] != "key_holder")
            kh = "; ".join(w.fact_short(f) for f in fs if f["kind"] == "key_holder")
            for f in fs:
                w.note_fact(p, h, f)
            if not fs and h.get("near"):
                entry = w.near_text(h)
            if not w.active_at(p, day):
                stat = {"died": "Deceased %s" % uk(p["state_date"]), "care_home": "Ended - perm. placement %s" % p["dest"],
                        "relative": "Ended - moved to %s" % p["dest"]}[p["state"]]
            else:
                stat = "Active"
            addr = "\n".join([h["line1"]] + ([h["line2"]] if h["line2"] else []) + [h["town"]])
            w.note(p, nhs=bool(p["nhs"]), dob=True)
            rows.append([p["rw_id"], su_name(p), fdob(p["dob"], "slim"), fnhs(p["nhs"], "spaced") if p["nhs"] else "",
                         addr, h["pc"], p["phone"], entry, kh, "; ".join(p["conds"]), stat,
                         rng.choice(["LA - Bradford", "LA - Leeds", "CHC", "Private", "Direct Payment"])])
        s.csv(base + "RotaWise exports/" + fname,
              ["ServiceUserID", "SU_Name", "D.O.B", "NHSNum", "Addr", "PostCode", "HomeTel", "EntryInfo", "KeyHolder",
               "MedicalInfo", "Status", "Funding"], rows)
    # contacts and medication
    rows = []
    for p in ppl:
        rows.append([p["rw_id"], p["nok"]["full"], p["nok"]["rel"].title(), p["nok"]["phone"], "NOK"])
        for f in p["home"]["facts"]:
            if f["kind"] == "key_holder" and f.get("who") and f["who"] is not p["nok"]:
                rows.append([p["rw_id"], f["who"]["full"], "Neighbour", f["who"]["phone"], "Key holder"])
                w.note_fact(p, p["home"], f)
    s.csv(base + "RotaWise exports/RW_Contacts_20260402.csv", ["ServiceUserID", "ContactName", "Relationship", "Tel", "Type"], rows)
    rows = []
    for p in ppl:
        for m in p["meds"]:
            rows.append([p["rw_id"], su_name(p), m[0], m[1], m[2], rng.choice(["Prompt", "Administer", "Level 2", "Level 3"])])
    s.csv(base + "RotaWise exports/RW_Medication_20260402.tsv", ["ServiceUserID", "SU_Name", "Drug", "Dose", "When", "Support"],
          rows, delim="\t")
    # RotaWise API dump (JSON), used by the engineers to test the importer
    js = []
    for p in ppl:
        day = D(2026, 5, 6)
        h = w.home_at(p, day)
        fs = facts_at(h, day)
        for f in fs:
            w.note_fact(p, h, f)
        w.note(p, nhs=bool(p["nhs"]), dob=True)
        js.append({"ClientId": p["rw_id"], "FullName": w.name(p, "titlefull"), "DateOfBirth": p["dob"].isoformat() + "T00:00:00",
                   "NHSNo": fnhs(p["nhs"], "plain") or None, "Address": {"Lines": [x for x in (h["line1"], h["line2"]) if x], "Town": h["town"], "PostCode": h["pc"]},
                   "EntryDetails": [w.fact_short(f) for f in fs],
                   "Active": w.active_at(p, day),
                   "Contacts": [{"Name": p["nok"]["full"], "Relationship": p["nok"]["rel"], "Phone": p["nok"]["phone"]}],
                   "Diagnoses": p["conds"]})
    s.json(base + "RotaWise exports/rw_api_clients_2026-05-06.json", {"Success": True, "Count": len(js), "Data": js})
    # mapping workbook
    fm = [["RotaWise field", "Kestrel field", "Rule", "Comment"],
          ["SU_Name", "surname + forename + known_as", "split on first comma; '(..)' -> known_as", "some have no comma!"],
          ["D.O.B", "dob", "d/m/yyyy", ""], ["NHSNum", "nhs_number", "remove spaces", "blank allowed"],
          ["Addr", "address lines", "split on newline", "multi-line cell"],
          ["EntryInfo", "access_info.access_notes + keysafe_code", "regex for 3-5 digits after 'KS' / 'key safe'", "manual review list on sheet Entry review"],
          ["KeyHolder", "contact (is_key_holder=1)", "", ""], ["Status", "status", "'Deceased dd/mm/yyyy' -> DECEASED + date", ""]]
    review = [["ServiceUserID", "SU_Name", "D.O.B", "EntryInfo (RotaWise)", "Parsed code", "Reviewer"]]
    for p in rng.sample(ppl, min(14, len(ppl))):
        h = w.home_at(p, D(2026, 4, 2))
        if not h["facts"]:
            continue
        code = [f for f in h["facts"] if f["kind"] == "code"]
        for f in h["facts"]:
            w.note_fact(p, h, f)
        w.note(p, dob=True)
        review.append([p["rw_id"], su_name(p), fdob(p["dob"], "slim"), "; ".join(w.fact_short(f) for f in h["facts"]),
                       code[0]["code"] if code else "(none)", rng.choice([w.engineers[3]["full"], ag["coords"][1]["full"]])])
    s.xlsx(base + "Mapping/RotaWise_Kestrel_field_mapping.xlsx", [("Mapping", fm), ("Entry review", review),
                                                                    ("Open questions", [["Q", "Asked", "Answer"],
                                                                                        ["Do we migrate ended clients?", ag["manager"]["full"], "Yes, last 12 months only"],
                                                                                        ["Can key safe codes go in the new access field?", w.engineers[3]["full"], "Yes (AWH decision 09/04)"]])])
    # SQL load scripts (two batches)
    half = [ppl[::2], ppl[1::2]]
    for b, grp in enumerate(half, 1):
        day = D(2026, 5, 12) if b == 1 else D(2026, 6, 9)
        out = ["/* AWH RotaWise load, batch %d, %s */" % (b, day.strftime("%d/%m/%Y")), "BEGIN;"]
        vals = []
        for p in grp:
            h = w.home_at(p, day)
            fs = facts_at(h, day)
            for f in fs:
                w.note_fact(p, h, f)
            w.note(p, nhs=bool(p["nhs"]), dob=True)
            vals.append("  (%s)" % ", ".join(sql_q(v) for v in [
                "RW%d" % p["rw_id"], su_name(p), fdob(p["dob"], "iso"), fnhs(p["nhs"], "plain") or None,
                " | ".join(x for x in (h["line1"], h["line2"], h["town"]) if x), h["pc"],
                "; ".join(w.fact_short(f) for f in fs) or None, "ACTIVE" if w.active_at(p, day) else "ENDED"]))
        out.append("INSERT INTO staging.rw_service_user (legacy_ref, su_name_raw, dob, nhs_number, address_raw, postcode, entry_info_raw, status) VALUES")
        out.append(",\n".join(vals) + ";")
        out.append("CALL migrate.rw_staging_to_kestrel(15);")
        out.append("COMMIT;")
        s.text(base + "SQL/awh_rw_load_batch%d.sql" % b, "\n".join(out) + "\n")
    return ppl


# ----------------------------------------------------------------------------- ECM, MAR, care plans, reports
ECM_NOTES = ["", "", "", "", "", "", "All care given as per plan", "SU in good spirits", "Declined shower, strip wash given",
             "Ate half of breakfast", "Family present", "Bins out", "Pad changed, skin intact", "Meds prompted",
             "No answer at first - SU was in the bathroom", "Running low on milk, told daughter", "Catheter bag emptied",
             "Sore on heel - reported to office", "Asleep - left sandwich", "Refused tablets - recorded on MAR",
             "Tag not reading - logged by phone", "Traffic on the A629", "Doubled up with second carer"]


def clients_of(w, ag, day):
    out = []
    for p in w.people:
        own = p["agency"] is ag
        if p["agency2"] is not None:
            if p["agency2"] is ag:
                own = day >= p["transfer_date"]
            elif own:
                own = day < p["transfer_date"]
        if own and w.active_at(p, day):
            out.append(p)
    return out


def regular_carers(w, p, ag):
    r = random.Random(p["idx"] * 31 + w.seed + len(ag["code"]))
    return r.sample(ag["carers"], 3)


def gen_ecm(w, s):
    rng = w.rng
    for ai, ag in enumerate(w.agencies):
        weeks = sorted(rng.sample(range(0, 29), 7))
        for wk in weeks:
            mon = D(2026, 3, 2) + dt.timedelta(weeks=wk)
            rows = []
            vid = rng.randint(100000, 900000)
            for day_off in range(7):
                day = mon + dt.timedelta(days=day_off)
                for p in clients_of(w, ag, day):
                    h = w.home_at(p, day)
                    fs = facts_at(h, day)
                    carers = regular_carers(w, p, ag)
                    for c in range(p["calls"]):
                        hh = [7, 12, 16, 20][c] if p["calls"] == 4 else [8, 13, 18][c % 3]
                        sched = dt.datetime(day.year, day.month, day.day, hh, rng.choice([0, 15, 30, 45]))
                        late = rng.choices([0, rng.randint(1, 20), rng.randint(25, 70)], [6, 3, 1])[0]
                        cin = sched + dt.timedelta(minutes=late - rng.randint(0, 5))
                        mins = rng.choice([15, 20, 25, 30, 30, 45])
                        cout = cin + dt.timedelta(minutes=mins + rng.randint(-4, 6))
                        carer = rng.choice(carers)
                        exc = ""
                        if late >= 30:
                            exc = "LATE"
                        elif (cout - cin).seconds < 60 * (mins - 5):
                            exc = "SHORT"
                        note = rng.choice(ECM_NOTES)
                        if fs and rng.random() < 0.05:
                            f = rng.choice(fs)
                            note = rng.choice(["Used %s" % w.fact_short(f), "%s - ok" % w.fact_short(f),
                                               "Access: %s" % w.fact_short(f)])
                            if f["kind"] == "code" and rng.random() < 0.4:
                                note = "KS code %s stiff, had to try 3 times" % f["code"] if f["what"] in ("key safe", "lock box") else note
                            w.note_fact(p, h, f)
                        vid += 1
                        rows.append([vid, p, p["kd_id"], sched, cin, cout, carer["full"],
                                     rng.choice(["NFC", "NFC", "GPS", "Tel"]), mins, exc, note])
                        w.staff_written.add(carer["full"])
            rows.sort(key=lambda r: (r[3], r[0]))
            if ai % 2 == 0:
                hdr = ["Visit Ref", "Service User", "SU Ref", "Scheduled", "Check In", "Check Out", "Carer", "Method",
                       "Planned Mins", "Exception", "Carer Notes"]
                out = [[r[0], w.name(r[1], "sur"), r[2], ukt(r[3]), ukt(r[4]), ukt(r[5]), r[6], r[7], r[8], r[9], r[10]] for r in rows]
            else:
                hdr = ["VisitID", "Client", "ClientID", "PlannedStart", "ActualStart", "ActualEnd", "CareWorker", "Verification",
                       "Duration", "Alert", "Notes"]
                out = [[r[0], w.name(r[1], "title"), r[2], r[3].strftime("%Y-%m-%d %H:%M"), r[4].strftime("%Y-%m-%d %H:%M"),
                        r[5].strftime("%Y-%m-%d %H:%M"), r[6], r[7], r[8], r[9], r[10]] for r in rows]
            for r in rows:
                w.note(r[1])
            s.csv("ECM/%s/ECM_visits_%s_to_%s.csv" % (ag["code"], mon.strftime("%Y-%m-%d"), (mon + dt.timedelta(days=6)).strftime("%Y-%m-%d")),
                  hdr, out)
        # a missed-visit exception summary (text) per agency
        lines = ["%s - ECM exceptions summary" % ag["name"], "Generated by Kestrel Domiciliary reporting, %s" % uk(D(2026, 8, 3)), ""]
        for p in rng.sample(clients_of(w, ag, D(2026, 7, 20)), min(6, len(clients_of(w, ag, D(2026, 7, 20))))):
            c = rng.choice(regular_carers(w, p, ag))
            lines.append("%s  %s  MISSED %s call - carer %s; reason: %s" % (
                uk(D(2026, 7, rng.randint(20, 31))), w.name(p, "SUR"), rng.choice(["AM", "lunch", "tea", "bed"]), c["full"],
                rng.choice(["no access - key safe empty", "carer sick, not covered", "rota error", "SU at day centre, not cancelled",
                            "SU in hospital (BRI)", "double-booked"])))
            w.staff_written.add(c["full"])
            w.note(p)
        s.text("ECM/%s/Exceptions_July2026.txt" % ag["code"], "\n".join(lines) + "\n")


MAR_CODES = ["A", "A", "A", "A", "A", "A", "R", "S", "F", "H", "N", "O"]


def gen_mar(w, s):
    rng = w.rng
    for ai, ag in enumerate(w.agencies):
        for mi, month in enumerate(rng.sample([4, 5, 6, 7, 8, 9], 3)):
            start = D(2026, month, rng.randint(1, 20))
            rows = []
            for p in clients_of(w, ag, start):
                if not p["meds"] or rng.random() < 0.3:
                    continue
                w.note(p, dob=True)
                for m in p["meds"]:
                    for dd in range(7):
                        day = start + dt.timedelta(days=dd)
                        code = rng.choice(MAR_CODES)
                        c = rng.choice(regular_carers(w, p, ag))
                        w.staff_written.add(c["full"])
                        rows.append([p, m, day, code, c])
            title = "MAR extract %s %s - %s to %s" % (ag["short"], MONTHS_L[month - 1], uk(start), uk(start + dt.timedelta(days=6)))
            legend = "Codes: A=administered R=refused S=asleep F=family gave H=hospital N=not required (PRN) O=other (see notes)"
            if (ai + mi) % 2 == 0:
                hdr = ["Service user", "DOB", "NHS number", "Medication", "Dose", "Frequency", "Date", "Outcome", "Staff"]
                out = [[w.name(r[0], "SUR"), fdob(r[0]["dob"], "uk"), fnhs(r[0]["nhs"], "spaced"), r[1][0], r[1][1], r[1][2], uk(r[2]), r[3], r[4]["full"]] for r in rows]
                for r in rows:
                    w.note(r[0], nhs=bool(r[0]["nhs"]))
                s.csv("MAR/%s/MAR_%s_2026-%02d.csv" % (ag["code"], ag["code"], month), hdr, out)
            else:
                hdr = ["Client", "Date of birth", "Drug", "Dose", "When", "Date", "Code", "Given by"]
                out = [[w.name(r[0], "titlefull"), fdob(r[0]["dob"], "short"), r[1][0], r[1][1], r[1][2], r[2], r[3], r[4]["full"]] for r in rows]
                s.xlsx("MAR/%s/MAR_%s_2026-%02d.xlsx" % (ag["code"], ag["code"], month),
                       [("MAR", [[title], [legend], []] + [hdr] + out)])


def careplan_lines(w, p, ag, day):
    rng = w.rng
    h = w.home_at(p, day)
    fs = facts_at(h, day)
    coord = rng.choice(ag["coords"])
    w.staff_written.add(coord["full"])
    acc = []
    for f in fs:
        acc.append(w.fact_prose(f))
        w.note_fact(p, h, f)
    if not fs:
        acc.append(w.near_text(h, True) or "Client lets carers in.")
    w.note(p, nhs=bool(p["nhs"]), dob=True)
    info = [("Name", w.name(p, "fullmid")), ("Known as", p["known"] or p["fn"]), ("Date of birth", fdob(p["dob"], "uk")),
            ("NHS number", fnhs(p["nhs"], "spaced") or "not known"), ("Address", w.addr(h)), ("Telephone", p["phone"]),
            ("GP", p["gp"]), ("Next of kin", "%s (%s) %s" % (p["nok"]["full"], p["nok"]["rel"], p["nok"]["phone"]))]
    w.rel_written.add(p["nok"]["full"])
    about = rng.choice([
        "%s has lived in %s most of their life and likes to talk about %s." % (p["known"] or p["fn"], h["town"],
                                                                               rng.choice(["the mill", "the allotment", "her grandchildren", "cricket", "the chapel choir", "Pakistan", "the war years", "bus driving"])),
        "I like my tea strong with two sugars. Please don't rush me in the mornings.",
        "Prefers %s carers. First language %s; family translate on the phone if needed." % (
            "female" if p["sex"] == "F" else "male", {"sasian_m": "Urdu/Punjabi", "sikh": "Punjabi", "guj": "Gujarati", "pol": "Polish",
                                                      "som": "Somali/Arabic", "chin": "Cantonese", "ital": "Italian"}.get(p["cult"], "English")),
        "Independent and proud - encourage to do what they can for themselves."])
    health = "; ".join(p["conds"])
    medsup = "Medication support: " + ("; ".join("%s %s %s" % m for m in p["meds"]) if p["meds"] else "none - manages own")
    calls = ["Morning 08:00 - personal care, breakfast, meds", "Lunch 12:30 - meal, drink", "Tea 16:30 - meal, meds",
             "Bed 19:30 - personal care, night meds"][:p["calls"]]
    return dict(info=info, about=about, health=health, meds=medsup, access=acc, calls=calls, coord=coord, day=day, home=h)


def gen_careplans(w, s):
    rng = w.rng
    chosen = [p for p in w.people if rng.random() < 0.52]
    pdf_agency = w.agencies[2]
    npdf = 0
    for p in chosen:
        ag = p["agency"]
        last = (p["state_date"] - dt.timedelta(days=10)) if p["state"] in ("died", "care_home", "relative") else EXPORT
        day = START + dt.timedelta(days=rng.randint(0, max(1, (last - START).days)))
        cp = careplan_lines(w, p, ag, day)
        stem = "%s %s" % (p["sn"], p["fn"][0])
        title = "%s - Care and Support Plan" % ag["name"]
        if ag is pdf_agency and npdf < 9:
            npdf += 1
            lines = ["# " + title, "Printed from Kestrel Domiciliary %s by %s" % (uk(day), cp["coord"]["full"]), ""]
            lines += ["%s: %s" % kv for kv in cp["info"]]
            lines += ["", "# About me", cp["about"], "", "# My health", cp["health"], "", "# Medication", cp["meds"],
                      "", "# Getting into my home", " ".join(cp["access"]), "", "# My calls"] + cp["calls"] + \
                     ["", "Reviewed by %s, Care Coordinator, %s. Next review %s." % (cp["coord"]["full"], uk(day), uk(day + dt.timedelta(days=182)))]
            s.pdf("Support/Tickets/%s/attachments/CarePlan_%s.pdf" % (ag["code"], stem.replace(" ", "_")), lines)
        elif ag["code"] in ("CVH", "DDC") or (ag is pdf_agency):
            blocks = [("h", title), ("t", [list(kv) for kv in cp["info"]]), ("h", "About me", 2), ("p", cp["about"]),
                      ("h", "Health conditions", 2), ("p", cp["health"]), ("h", "Medication", 2), ("p", cp["meds"]),
                      ("h", "Access to property", 2), ("p", " ".join(cp["access"])), ("h", "Calls", 2)] + \
                     [("p", c) for c in cp["calls"]] + [("p", "Plan agreed with %s and %s (%s). Coordinator: %s. Date: %s" % (
                         w.name(p, "titlefull"), p["nok"]["full"], p["nok"]["rel"], cp["coord"]["full"], uk(day)))]
            s.docx("CarePlans/%s/%s - care plan %s.docx" % (ag["code"], stem, day.strftime("%Y-%m")), blocks,
                   header="%s  |  CONFIDENTIAL" % ag["name"], footer="Kestrel Domiciliary care plan template v5")
        else:
            t = [title.upper(), "=" * len(title), ""]
            t += ["%-14s %s" % (k + ":", v) for k, v in cp["info"]]
            t += ["", "ABOUT ME", cp["about"], "", "HEALTH", cp["health"], "", "MEDS", cp["meds"], "",
                  "ACCESS / KEY SAFE", " ".join(cp["access"]), "", "CALLS"] + cp["calls"] + ["", "Coordinator: %s   Review date: %s" % (cp["coord"]["full"], uk(day))]
            s.text("CarePlans/%s/%s_careplan_%s.txt" % (ag["code"], stem.replace(" ", "_"), day.strftime("%Y%m%d")), "\n".join(t) + "\n", crlf=True)


def gen_returns(w, s):
    """Go-live client lists (customers without a migration) and the councils' quarterly returns."""
    rng = w.rng
    for ag in w.agencies[2:]:
        day = D(2026, 3, rng.randint(2, 20))
        rows = []
        for p in w.people:
            if p["agency"] is ag or p["agency2"] is ag:
                w.note(p, nhs=bool(p["nhs"]), dob=True)
                rows.append([p["kd_id"], w.name(p, "SUR"), fdob(p["dob"], "dots"), fnhs(p["nhs"], "plain"), w.home_at(p, day)["pc"],
                             p["calls"], "Active" if (p["agency"] is ag and w.active_at(p, day)) else "Pending start"])
        s.xlsx("Support/Tickets/%s/attachments/Active clients %s.xlsx" % (ag["code"], day.strftime("%d-%m-%Y")),
               [("Clients", [["Client ID", "Client name", "DOB", "NHS number", "Postcode", "Calls/day", "Status"]] + rows)])
    for ag in w.agencies:
        for q, qend in (("Q1", D(2026, 6, 30)), ("Q2", D(2026, 9, 30))):
            rows = []
            qstart = D(2026, 4, 1) if q == "Q1" else D(2026, 7, 1)
            for p in w.people:
                if not (p["agency"] is ag or p["agency2"] is ag):
                    continue
                if not w.active_at(p, qstart):
                    continue
                w.note(p, nhs=bool(p["nhs"]), dob=True)
                end = p["state_date"] if p["state"] in ("died", "care_home", "relative") and p["state_date"] <= qend else ""
                rows.append([fnhs(p["nhs"], "plain"), p["sn"].upper(), p["fn"], fdob(p["dob"], "iso"), w.home_at(p, qstart)["pc"],
                             round(p["calls"] * 0.5 * 91, 1), end.isoformat() if end else "",
                             {"died": "DIED", "care_home": "RES", "relative": "MOVED"}.get(p["state"], "") if end else ""])
            s.csv("Support/Tickets/%s/attachments/LA_return_%s_2026-27_%s.csv" % (ag["code"], q, ag["code"]),
                  ["NHS_NO", "SURNAME", "FORENAME", "DOB", "POSTCODE", "HOURS_DELIVERED", "END_DATE", "END_REASON"], rows)


def gen_reports(w, s):
    """Kestrel report exports the customers ran and sent in (the 'Client Access Sheet' bug and others)."""
    rng = w.rng
    for ai, ag in enumerate(w.agencies):
        day = D(2026, rng.choice([6, 7, 8, 9]), rng.randint(1, 28))
        if ag["code"] in ("HCC", "DDC", "FTV"):
            day = D(2026, 9, rng.randint(8, 25))   # the late list: everyone on the books then
        rows = []
        ppl = clients_of(w, ag, day)
        for p in ppl:
            h = w.home_at(p, day)
            fs = facts_at(h, day)
            code = [f for f in fs if f["kind"] == "code"]
            for f in fs:
                w.note_fact(p, h, f)
            w.note(p, nhs=bool(p["nhs"]), dob=True)
            rows.append([p["kd_id"], p["sn"], p["fn"], fdob(p["dob"], "uk"), fnhs(p["nhs"], "spaced"), h["line1"], h["town"], h["pc"],
                         code[0]["code"] if code else "", "; ".join(w.fact_short(f) for f in fs if not code or f is not code[0]) or w.near_text(h),
                         p["nok"]["full"], p["nok"]["phone"]])
            w.rel_written.add(p["nok"]["full"])
        hdr = ["Client ID", "Surname", "Forename", "DOB", "NHS No", "Address 1", "Town", "Postcode", "Key Safe", "Access Notes",
               "NOK", "NOK Tel"]
        if ai % 2:
            s.xlsx("Support/Tickets/%s/attachments/Client_Access_Sheet_%s.xlsx" % (ag["code"], day.strftime("%d%m%Y")),
                   [("Client Access Sheet", [["%s - Client Access Sheet - run %s" % (ag["name"], uk(day))], hdr] + rows)])
        else:
            s.csv("Support/Tickets/%s/attachments/ClientAccessSheet_%s.csv" % (ag["code"], day.isoformat()), hdr, rows)


# ----------------------------------------------------------------------------- tickets and mail
SIGS = ["Kind regards", "Thanks", "Many thanks", "Cheers", "Regards"]


class Desk:
    def __init__(self, w, s):
        self.w, self.s = w, s
        self.rng = w.rng
        self.next_id = 47000 + w.rng.randint(0, 800)
        self.count = 0
        self.pending = []

    def tid(self):
        self.next_id += self.rng.randint(3, 40)
        return "KCS-%d" % self.next_id

    def eng(self):
        return self.rng.choice(self.w.engineers[1:])

    def sig(self, who, ag=None):
        self.w.staff_written.add(who["full"])
        if ag is None:
            return "%s,\n%s\n%s | Kestrel Care Systems Ltd\nSupport: 0113 496 0%03d" % (
                self.rng.choice(SIGS), who["full"], self.rng.choice(["2nd line support", "Support Engineer", "Data Migration", "Senior Support Engineer"]),
                self.rng.randint(0, 999))
        return "%s\n%s\n%s, %s" % (self.rng.choice(SIGS), who["fn"] if self.rng.random() < 0.5 else who["full"], who["role"].title(), ag["name"])

    def write(self, ag, subject, created, requester, assignee, msgs, tags, status="Solved", as_eml=None):
        """Tickets are numbered in the order they were raised: kept until flush()."""
        self.w.staff_written.add(requester["full"])
        self.w.staff_written.add(assignee["full"])
        self.pending.append((created, len(self.pending), (ag, subject, created, requester, assignee, msgs, tags, status, as_eml)))

    def flush(self):
        for _, _, args in sorted(self.pending, key=lambda x: (x[0], x[1])):
            self._write(*args)
        self.pending = []

    def _write(self, ag, subject, created, requester, assignee, msgs, tags, status="Solved", as_eml=None):
        w, rng = self.w, self.rng
        t = self.tid()
        if as_eml is None:
            as_eml = rng.random() < 0.22
        slug = "".join(c if c.isalnum() else "_" for c in subject)[:40].strip("_")
        if not as_eml:
            head = ["=" * 70, "Ticket:     %s" % t, "Subject:    %s" % subject, "Customer:   %s (%s)" % (ag["name"], ag["code"]),
                    "Requester:  %s <%s>" % (requester["full"], requester["email"]), "Assignee:   %s" % assignee["full"],
                    "Priority:   %s" % rng.choice(["Normal", "Normal", "High", "Urgent", "Low"]), "Status:     %s" % status,
                    "Created:    %s" % ukt(created), "Tags:       %s" % ", ".join(tags), "=" * 70, ""]
            body = []
            for who, when, text in msgs:
                body.append("--- %s, %s ---" % (who["full"], ukt(when)))
                body.append(text.strip())
                body.append("")
            self.s.text("Support/Tickets/%s/%s %s.txt" % (ag["code"], t, slug), "\n".join(head + body))
        else:
            who, when, text = msgs[-1]
            quoted = []
            for pw, pwhen, ptext in reversed(msgs[:-1]):
                quoted.append("\nOn %s, %s wrote:\n" % (pwhen.strftime("%a, %d %b %Y at %H:%M"), pw["full"]) +
                              "\n".join("> " + ln for ln in ptext.strip().split("\n")))
            bodytxt = "##- Please type your reply above this line -##\n\n" + text.strip() + "\n" + "".join(quoted) + \
                "\n\nTicket %s | %s | Status: %s\n" % (t, ag["name"], status)
            frm = "%s (Kestrel Support) <support@kestrelcare.example>" % who["full"]
            self.s.eml("Support/Tickets/%s/%s %s.eml" % (ag["code"], t, slug), frm, "%s <%s>" % (requester["full"], requester["email"]),
                       "[Kestrel Support] Re: %s [%s]" % (subject, t), when, bodytxt)
        self.count += 1
        return t


def when(rng, day, h0=8, h1=17):
    return dt.datetime(day.year, day.month, day.day, rng.randint(h0, h1), rng.randint(0, 59))


def later(rng, t, lo=20, hi=1500):
    r = t + dt.timedelta(minutes=rng.randint(lo, hi))
    if r.hour >= 18 or r.hour < 8:   # the desk works office hours
        nd = r.date() + dt.timedelta(days=1 if r.hour >= 18 else 0)
        r = dt.datetime(nd.year, nd.month, nd.day, rng.randint(8, 10), rng.randint(0, 59))
    return r


def screenshot(w, p, h, day, fs_note=True):
    rng = w.rng
    fs = facts_at(h, day)
    acc = ""
    if fs and fs_note:
        f = rng.choice(fs)
        acc = " Access: %s." % w.fact_short(f)
        w.note_fact(p, h, f)
    w.note(p, dob=True)
    return "[Attachment: %s - screenshot of the client card in the carer app. It shows %s, DOB %s, %s.%s Next call %s.]" % (
        rng.choice(["image001.png", "Screenshot_2026%02d%02d.jpg" % (day.month, day.day), "IMG_%04d.JPG" % rng.randint(1000, 9999), "capture.PNG"]),
        w.name(p, rng.choice(["SUR", "titlefull", "full"])), fdob(p["dob"], rng.choice(["uk", "short"])), w.addr(h), acc,
        rng.choice(["07:30", "12:15", "17:00", "19:45"]))


def t_app(d, p, ag, day):
    w, rng = d.w, d.rng
    h = w.home_at(p, day)
    co = rng.choice(ag["coords"])
    e = d.eng()
    carer = rng.choice(regular_carers(w, p, ag))
    w.staff_written.add(carer["full"])
    c0 = when(rng, day, 7, 10)
    m1 = "Hi,\n%s's phone isn't showing the %s call for %s today, the rota on the web side has it. " \
         "She had to ring the office for the address and the access. Can you look asap, it happened Tuesday as well.\n%s\n\n%s" % (
             carer["fn"], rng.choice(["morning", "lunch", "tea", "bed"]), w.name(p, rng.choice(["title", "titlefull", "known"])),
             screenshot(w, p, h, day), w_sig(d, co, ag))
    m2 = "Hi %s,\nThe visit was created after the app's last sync at %s. I've forced a resync for %s's device and the call is there now. " \
         "We're tracking the sync delay under PRB-%d.\n\n%s" % (co["fn"], c0.strftime("%H:%M"), carer["full"], rng.randint(200, 400), d.sig(e))
    return d.write(ag, "Visit missing from carer app - %s" % w.name(p, "title"), c0, co, e,
                   [(co, c0, m1), (e, later(rng, c0), m2)], ["carer-app", "sync"])


def w_sig(d, who, ag):
    return d.sig(who, ag)


def t_dup(d, p, ag, day):
    w, rng = d.w, d.rng
    co = rng.choice(ag["coords"])
    e = d.eng()
    c0 = when(rng, day)
    a, b = rng.sample(["SUR", "title", "known", "fullmid", "titlefull", "knownbr"], 2)
    w.note(p, dob=True, nhs=bool(p["nhs"]))
    m1 = "Hello, we have two records for the same %s:\n\n  %s   DOB %s   %s\n  %s   DOB %s   %s\n\n" \
         "Visits are split across both so the invoice is wrong. Please merge into the first one.\n%s" % (
             "lady" if p["sex"] == "F" else "gentleman", w.name(p, a), fdob(p["dob"], "uk"), p["kd_id"], w.name(p, b), fdob(p["dob"], rng.choice(["iso", "short", "dots"])),
             "KD%05d" % rng.randint(10000, 99999), w_sig(d, co, ag))
    if p["nhs"]:
        m1 = m1.replace("Please merge", "NHS no is %s on both. Please merge" % fnhs(p["nhs"], rng.choice(["spaced", "plain"])))
    m2 = "Merged. Visit history and MAR moved to %s, the duplicate is archived.\n\n%s" % (p["kd_id"], d.sig(e))
    return d.write(ag, "Duplicate client record", c0, co, e, [(co, c0, m1), (e, later(rng, c0), m2)], ["data-fix", "merge"])


def t_state(d, p, ag):
    """Died, care home, moved to a relative: always written."""
    w, rng = d.w, d.rng
    day = p["state_date"] + dt.timedelta(days=rng.randint(1, 9))
    co = rng.choice(ag["coords"] + [ag["manager"]])
    e = d.eng()
    c0 = when(rng, day)
    h = p["home"]
    fs = facts_at(h, day)
    nm = w.name(p, rng.choice(["titlefull", "SUR", "full", "title"]))
    if p["state"] == "died":
        first = rng.choice(["Sadly %s passed away on %s." % (nm, uk(p["state_date"])),
                            "Just to let you know %s died in hospital on %s." % (nm, uk(p["state_date"])),
                            "%s (DOB %s) has died, date of death %s." % (nm, fdob(p["dob"], "uk"), uk(p["state_date"]))])
        ask = "Calls are still generating on the rota from next week. Can you end the package and stop the invoices going to the %s?" % rng.choice(["council", "family"])
    elif p["state"] == "care_home":
        first = "%s has gone into %s permanently from %s (after a stay in hospital)." % (nm, p["dest"], uk(p["state_date"]))
        ask = "Package ended. The app still shows the calls and the old access info - please end date everything."
    else:
        first = "%s has moved permanently to live with %s %s - %s - from %s, not coming back to the old address." % (
            nm, "her" if p["sex"] == "F" else "his", p["nok"]["rel"], p["dest"], uk(p["state_date"]))
        ask = "Please close the record; the new area is not covered by us."
        w.rel_written.add(p["nok"]["full"])
    extra = ""
    if fs and rng.random() < 0.75:
        f = rng.choice(fs)
        extra = "\nAlso the family are %s, so please wipe the access note (%s) off the carer app." % (
            rng.choice(["selling the house", "clearing the house", "handing the flat back to the council"]), w.fact_short(f))
        w.note_fact(p, h, f)
    w.note(p, dob=("DOB" in first))
    m1 = "Hi,\n%s %s%s\n\n%s" % (first, ask, extra, w_sig(d, co, ag))
    m2 = "Hi %s,\nSorry to hear that. I've set the status to %s with effect from %s, end-dated the visit schedule and " \
         "cleared the access information from the app. Historic records are kept under your retention settings.\n\n%s" % (
             co["fn"], "DECEASED" if p["state"] == "died" else "ENDED", uk(p["state_date"]), d.sig(e))
    subj = {"died": "Client deceased - stop calls", "care_home": "Client into residential care", "relative": "Client moved out of area"}[p["state"]]
    return d.write(ag, subj, c0, co, e, [(co, c0, m1), (e, later(rng, c0), m2)], ["status", "end-package"])


def t_move(d, p, ag):
    w, rng = d.w, d.rng
    day = p["state_date"] + dt.timedelta(days=rng.randint(0, 6))
    co = rng.choice(ag["coords"])
    e = d.eng()
    c0 = when(rng, day)
    old, new = p["home"], p["home_new"]
    fs_new = facts_at(new, day)
    acc_new = w.write_access(p, new, day) if fs_new else (w.near_text(new) or "client will let carers in for now")
    old_fs = facts_at(old, day)
    old_txt = ""
    if old_fs:
        old_txt = " The app is still showing the OLD access (%s) - that house is empty now, please get rid of it." % w.fact_short(old_fs[0])
        w.note_fact(p, old, old_fs[0])
    w.note(p, dob=True)
    m1 = "Hi,\n%s (DOB %s) moved on %s from %s to:\n\n%s\n\nNew access: %s.%s\n\nCan the address be changed without losing the visit history?\n%s" % (
        w.name(p, rng.choice(["titlefull", "full", "SUR"])), fdob(p["dob"], "uk"), uk(p["state_date"]), w.addr(old), w.addr(new, False),
        acc_new, old_txt, w_sig(d, co, ag))
    m2 = "Hi %s,\nDone - new address is current from %s, the old one is kept as a previous address. Rounds will recalc tonight.\n\n%s" % (
        co["fn"], uk(p["state_date"]), d.sig(e))
    return d.write(ag, "Change of address - %s" % w.name(p, "title"), c0, co, e, [(co, c0, m1), (e, later(rng, c0), m2)], ["address"])


def t_void(d, p, ag):
    w, rng = d.w, d.rng
    f = p["home"]["void"]
    day = f["void_date"]
    co = rng.choice(ag["coords"] + [ag["manager"]])
    e = d.eng()
    c0 = when(rng, day)
    nm = w.name(p, rng.choice(["titlefull", "SUR", "title"]))
    if f["void"] == "changed":
        m1 = "Hi,\nThe family have changed the key safe code for %s after %s. The new code is NOT to go on Kestrel - carers ring the office " \
             "for it. Please make sure the old code (%s) is gone from the record and from the phones.\n%s" % (
                 nm, rng.choice(["a carer from another agency left it open", "the grandson's friend saw it", "a suspected attempted break-in"]),
                 f["code"], w_sig(d, co, ag))
    else:
        m1 = "Hi,\nThe key safe at %s's has been taken off the wall (%s). Nobody gets in that way now - %s. Please remove the code %s " \
             "from the access info.\n%s" % (nm, rng.choice(["house being rendered", "family's decision", "it was broken"]),
                                            rng.choice(["her son is living there now and is in for all calls", "client is now able to answer the door"]),
                                            f["code"], w_sig(d, co, ag))
    w.note_fact(p, p["home"], f)
    m2 = "Access fields cleared on %s and a forced resync sent to all devices.\n\n%s" % (p["kd_id"], d.sig(e))
    return d.write(ag, "Access details changed - please remove old code", c0, co, e, [(co, c0, m1), (e, later(rng, c0), m2)], ["access-info", "security"])


def t_transfer(d, p):
    w, rng = d.w, d.rng
    ag, old = p["agency2"], p["agency"]
    day = p["transfer_date"]
    co = rng.choice(ag["coords"])
    e = d.eng()
    c0 = when(rng, day)
    h = w.home_at(p, day)
    fs = facts_at(h, day)
    w.note(p, dob=True, nhs=bool(p["nhs"]))
    m1 = "Morning,\nWe're picking up %s (DOB %s%s) from %s on %s. They're on Kestrel too - can you copy the record across " \
         "so we don't have to re-key meds and access? The family have agreed.\n%s" % (
             w.name(p, "titlefull"), fdob(p["dob"], "uk"), (", NHS " + fnhs(p["nhs"], "spaced")) if p["nhs"] else "", old["name"], uk(day), w_sig(d, co, ag))
    if fs:
        acc = w.write_access(p, h, day)
        m2 = "Hi %s,\nWe can't copy between customers without %s's written OK - I've asked them. In the meantime this is what was on their card " \
             "(from the family's copy you sent): %s. Please check it with the family.\n\n%s" % (co["fn"], old["short"], acc, d.sig(e))
    else:
        m2 = "Hi %s,\nWe need %s's written agreement before we move data between customers. I've emailed their manager.\n\n%s" % (
            co["fn"], old["short"], d.sig(e))
    return d.write(ag, "Transfer of client from %s" % old["short"], c0, co, e, [(co, c0, m1), (e, later(rng, c0), m2)], ["transfer", "ig"])


def t_report(d, ag, ppl, day):
    w, rng = d.w, d.rng
    co = ag["manager"]
    e = d.eng()
    c0 = when(rng, day)
    rows = []
    for p in ppl:
        h = w.home_at(p, day)
        fs = facts_at(h, day)
        acc = "; ".join(w.fact_short(f) for f in fs) or w.near_text(h)
        for f in fs:
            w.note_fact(p, h, f)
        w.note(p, dob=True)
        rows.append("%s\t%s\t%s\t%s" % (w.name(p, "sur"), fdob(p["dob"], "uk"), h["pc"], acc))
    m1 = "Hi,\nWhen coordinators print the Client Access Sheet the key safe codes come out in full. We hand these to agency staff. " \
         "Can there be an option to mask them? Example from this morning (pasted):\n\n%s\n\n%s" % ("\n".join(rows), w_sig(d, co, ag))
    m2 = "Hi %s,\nThanks - logged as feature request FR-%d (mask access fields on printed reports). Until then the report can be run " \
         "without the Access column (Reports > Options > Columns).\nPlease don't send the codes to us by email, the desk mailbox is read by several people.\n\n%s" % (
             co["fn"], rng.randint(100, 300), d.sig(e))
    return d.write(ag, "Client access sheet shows key safe codes", c0, co, e, [(co, c0, m1), (e, later(rng, c0), m2)], ["reports", "feature-request"])


def t_ecm(d, p, ag, day):
    w, rng = d.w, d.rng
    co = rng.choice(ag["coords"])
    e = d.eng()
    carer = rng.choice(regular_carers(w, p, ag))
    c0 = when(rng, day)
    h = w.home_at(p, day)
    fs = facts_at(h, day)
    note = "no tag read"
    if fs and rng.random() < 0.5:
        f = rng.choice(fs)
        note = "carer says %s" % w.fact_short(f).lower()
        w.note_fact(p, h, f)
    t = dt.datetime(day.year, day.month, day.day, 8, 30)
    m1 = "Hi,\nECM shows %s's 08:30 call for %s on %s as MISSED but %s says she was there 08:41-09:10 (%s). The LA are querying it.\n" \
         "Row from the export:\n%s,%s,%s,%s,,,%s,NFC,30,MISSED,\nCan you check the device logs?\n%s" % (
             w.name(p, "titlesur"), carer["full"], uk(day), carer["fn"], note, rng.randint(100000, 900000), w.name(p, "sur"),
             p["kd_id"], ukt(t), carer["full"], w_sig(d, co, ag))
    m2 = "Hi %s,\nThe device logged the NFC tag at 08:41 but had no signal until 11:02, so the check-in arrived after the visit was " \
         "auto-marked missed. I've corrected the visit from the device log (audit note added).\n\n%s" % (co["fn"], d.sig(e))
    w.staff_written.add(carer["full"])
    w.note(p)
    return d.write(ag, "ECM missed call dispute", c0, co, e, [(co, c0, m1), (e, later(rng, c0), m2)], ["ecm"])


def t_mar(d, p, ag, day):
    w, rng = d.w, d.rng
    co = rng.choice(ag["coords"])
    e = d.eng()
    c0 = when(rng, day)
    m = rng.choice(p["meds"]) if p["meds"] else ("Paracetamol", "1g", "QDS")
    w.note(p, dob=True, nhs=bool(p["nhs"]))
    m1 = "Hi,\n%s's %s %s %s isn't on the eMAR since the update. The carers recorded it on paper on the %s and %s. " \
         "Client: %s, DOB %s%s. Diagnoses on file: %s.\n%s" % (
             w.name(p, "title"), m[0], m[1], m[2], uk(day - dt.timedelta(days=2)), uk(day - dt.timedelta(days=1)),
             w.name(p, "SUR"), fdob(p["dob"], rng.choice(["uk", "dots", "short"])),
             (", NHS " + fnhs(p["nhs"], "plain")) if p["nhs"] and rng.random() < 0.6 else "", "; ".join(p["conds"]), w_sig(d, co, ag))
    m2 = "Hi %s,\nThe item had an end date of %s copied in from the prescription import. I've removed the end date; it will show on the next " \
         "MAR round. Please ask the carers to back-enter the paper records.\n\n%s" % (co["fn"], uk(day - dt.timedelta(days=3)), d.sig(e))
    return d.write(ag, "Medication missing from eMAR", c0, co, e, [(co, c0, m1), (e, later(rng, c0), m2)], ["emar"])


def t_mig(d, p, ag, day):
    w, rng = d.w, d.rng
    co = rng.choice(ag["coords"])
    e = w.engineers[rng.choice([0, 2, 3])]
    c0 = when(rng, day)
    h = w.home_at(p, D(2026, 3, 14))
    fs = facts_at(h, day)
    w.note(p, dob=True, nhs=bool(p["nhs"]))
    for f in fs:
        w.note_fact(p, h, f)
    if ag["code"] == "CVH":
        raw = "|".join([p.get("ct_ref", "CT-?????"), ascii_fold(p["sn"]).upper(), ascii_fold(p["fn"]).upper(), fdob(p["dob"], "ora"),
                        fnhs(p["nhs"], "dash") or "N/K", h["line1"].upper(), h["pc"], " / ".join(w.fact_short(f).upper() for f in fs)])
    else:
        raw = ",".join(['"%s, %s"' % (p["sn"], p["fn"]), fdob(p["dob"], "slim"), fnhs(p["nhs"], "spaced"), '"%s"' % h["line1"], h["pc"],
                        '"%s"' % "; ".join(w.fact_short(f) for f in fs)])
    m1 = "Hi %s,\n%s isn't in Kestrel after last night's batch but %s on our old list. Line from the old export:\n\n%s\n\n%s has calls from Monday!\n%s" % (
        e["fn"], w.name(p, rng.choice(["titlefull", "SUR"])), "she's" if p["sex"] == "F" else "he's", raw,
        "She" if p["sex"] == "F" else "He", w_sig(d, co, ag))
    m2 = "Hi %s,\nThat row was rejected by the importer (%s). I've loaded it by hand - please check the record before Monday.\n\n%s" % (
        co["fn"], rng.choice(["postcode failed validation", "date of birth century", "duplicate legacy ref", "name field over 50 chars"]), d.sig(e))
    return d.write(ag, "Client missing after migration", c0, co, e, [(co, c0, m1), (e, later(rng, c0), m2)], ["migration"])


def t_wrong(d, ag, other_ppl, other, day):
    """Kestrel sent a customer a file holding another customer's clients."""
    w, rng = d.w, d.rng
    co = ag["manager"]
    e = d.eng()
    c0 = when(rng, day)
    lines = []
    for p in other_ppl:
        h = w.home_at(p, day)
        fs = facts_at(h, day)
        for f in fs:
            w.note_fact(p, h, f)
        w.note(p, dob=True)
        lines.append("%s | %s | %s | %s" % (w.name(p, "full"), fdob(p["dob"], "iso"), h["pc"], "; ".join(w.fact_short(f) for f in fs) or "-"))
    m1 = "Hi,\nThe import-check file you sent us yesterday is not our clients. I don't know any of these people, e.g.\n\n%s\n\n" \
         "We have deleted it. I assume you'll need to tell %s.\n%s" % ("\n".join(lines), other["name"], w_sig(d, co, ag))
    m2 = "Hi %s,\nThank you for telling us and for deleting it. This has been raised as incident INC-%d and our DPO will be in touch.\n\n%s" % (
        co["fn"], rng.randint(10, 99), d.sig(w.engineers[0]))
    return d.write(ag, "Wrong customer's data received", c0, co, e, [(co, c0, m1), (w.engineers[0], later(rng, c0), m2)], ["incident", "ig"])


NOISE = [("Password reset for coordinator", "Hi, %s is locked out after the holiday, can you reset? Username %s.",
          "Reset done, temporary password sent by SMS to the number on the account."),
         ("Rota screen slow on Mondays", "The rota screen takes 2 minutes to load every Monday morning. %s says it's fine at home. user %s",
          "Known issue with the weekly recalculation, fix in 5.3.1 (release 12/05)."),
         ("Invoice run failed", "The invoice run for the council stopped at 64%%. %s tried twice. (user %s)",
          "A rate card had no end date. Fixed; please run it again."),
         ("Carer app keeps logging out", "%s's Samsung keeps logging out of the app every hour. Login %s.",
          "Battery optimisation was killing the app. Steps sent: Settings > Apps > Kestrel > Battery > Unrestricted."),
         ("Printer not printing rotas", "Rota printouts come out blank on the office printer. %s has restarted it. (%s)",
          "This is your printer driver, not Kestrel - please ask your IT provider."),
         ("New starter login", "Please set up a login for %s starting Monday, copy %s's permissions.",
          "Created - invite sent to their work email."),
         ("Training session request", "Could we book a refresher on the care planning module for %s and the seniors? %s asked too.",
          "Booked for 3 June 10:00 (Teams).")]


def t_noise(d, ag, day):
    w, rng = d.w, d.rng
    co = rng.choice(ag["coords"] + [ag["manager"]])
    e = d.eng()
    c0 = when(rng, day)
    subj, q, a = rng.choice(NOISE)
    other = rng.choice(ag["carers"] + ag["coords"])
    w.staff_written.add(other["full"])
    m1 = "Hi,\n" + q % (other["full"], other["fn"].lower() + "." + ascii_fold(other["sn"]).lower()) + "\n" + w_sig(d, co, ag)
    m2 = "Hi %s,\n%s\n\n%s" % (co["fn"], a, d.sig(e))
    return d.write(ag, subj, c0, co, e, [(co, c0, m1), (e, later(rng, c0), m2)], ["general"])


def t_sar(d, p, ag, day):
    """A subject access request: the engineer exports the whole record as JSON into the ticket folder."""
    w, rng = d.w, d.rng
    co = ag["manager"]
    e = d.eng()
    c0 = when(rng, day)
    h = w.home_at(p, day)
    fs = facts_at(h, day)
    for f in fs:
        w.note_fact(p, h, f)
    w.note(p, dob=True, nhs=bool(p["nhs"]))
    visits = []
    for k in range(rng.randint(6, 14)):
        vd = day - dt.timedelta(days=k)
        c = rng.choice(regular_carers(w, p, ag))
        w.staff_written.add(c["full"])
        visits.append({"date": vd.isoformat(), "time": rng.choice(["08:00", "12:30", "17:00"]), "carer": c["full"],
                       "notes": rng.choice(ECM_NOTES[6:])})
    rec = {"serviceUser": {"id": p["kd_id"], "title": p["title"], "givenName": p["fn"], "middleNames": p["mid"] or None,
                           "familyName": p["sn"], "preferredName": p["known"] or None, "birthDate": p["dob"].isoformat(),
                           "nhsNumber": fnhs(p["nhs"], "spaced") or None, "gp": p["gp"],
                           "address": {"line1": h["line1"], "line2": h["line2"], "town": h["town"], "postcode": h["pc"]},
                           "accessInformation": [w.fact_short(f) for f in fs], "conditions": p["conds"],
                           "medication": [{"drug": m[0], "dose": m[1], "frequency": m[2]} for m in p["meds"]]},
           "contacts": [{"name": p["nok"]["full"], "relationship": p["nok"]["rel"], "phone": p["nok"]["phone"]}],
           "visits": visits, "exportedBy": e["full"], "exportedAt": c0.isoformat()}
    w.rel_written.add(p["nok"]["full"])
    fname = "SAR_%s_%s.json" % (p["kd_id"], c0.strftime("%Y%m%d"))
    d.s.json("Support/Tickets/%s/attachments/%s" % (ag["code"], fname), rec)
    m1 = "Hi,\nWe've had a subject access request from %s's %s (%s) for everything we hold. Can you export the full record for %s?\n%s" % (
        w.name(p, "titlefull"), p["nok"]["rel"], p["nok"]["full"], p["kd_id"], w_sig(d, co, ag))
    m2 = "Hi %s,\nExport attached (%s). It includes the access information and visit notes - please redact before it goes out.\n\n%s" % (
        co["fn"], fname, d.sig(e))
    return d.write(ag, "SAR - full record export", c0, co, e, [(co, c0, m1), (e, later(rng, c0), m2)], ["sar", "ig"])


def ecm_extract(d, p, ag, day):
    """CSV of one client's visits attached to an ECM ticket."""
    w, rng = d.w, d.rng
    rows = []
    for k in range(7):
        vd = day - dt.timedelta(days=6 - k)
        if not w.active_at(p, vd):
            continue
        for c in range(p["calls"]):
            carer = rng.choice(regular_carers(w, p, ag))
            w.staff_written.add(carer["full"])
            t = dt.datetime(vd.year, vd.month, vd.day, [8, 12, 17, 20][c], 30)
            st = rng.choices(["COMPLETE", "LATE", "MISSED"], [8, 2, 1])[0]
            rows.append([w.name(p, "sur"), p["kd_id"], ukt(t), "" if st == "MISSED" else ukt(t + dt.timedelta(minutes=rng.randint(0, 40))),
                         carer["full"], st])
    w.note(p)
    d.s.csv("Support/Tickets/%s/attachments/ECM_%s_%s.csv" % (ag["code"], p["kd_id"], day.strftime("%Y%m%d")),
            ["Client", "Client Ref", "Planned", "Checked in", "Carer", "Status"], rows)


def gen_mail(w, s, d):
    rng = w.rng
    lead = w.migration_lead
    cvh, awh = w.agencies[0], w.agencies[1]
    n = 0

    def send(rel, frm, to, subj, day, body, attach=None, cc=None):
        nonlocal n
        n += 1
        w.staff_written.add(frm["full"])
        w.staff_written.add(to["full"])
        s.eml("Support/Mail/%s" % rel, "%s <%s>" % (frm["full"], frm["email"]), "%s <%s>" % (to["full"], to["email"]), subj,
              when(rng, day), body, attach=attach, cc=cc)

    # migration progress with failing rows
    for ag, ppl_key in ((cvh, "ct_ref"), (awh, "rw_id")):
        ppl = [p for p in w.people if p.get(ppl_key)]
        for k, day in enumerate([D(2026, 4, 22), D(2026, 5, 20), D(2026, 6, 17)]):
            bad = rng.sample(ppl, min(rng.randint(2, 5), len(ppl)))
            lines = []
            for p in bad:
                w.note(p, dob=True)
                lines.append("  - %s (%s), DOB %s: %s" % (w.name(p, rng.choice(["SUR", "titlefull", "upper"])), p.get(ppl_key), fdob(p["dob"], "uk"),
                                                        rng.choice(["no postcode", "NHS number fails check digit", "DOB looks 100 years out",
                                                                    "two active addresses", "key holder with no phone number"])))
            body = "Hi %s,\n\nBatch %d is loaded. %d rows need your team to look at them:\n\n%s\n\nEverything else reconciled - sheet in the " \
                   "shared folder (05 Recon).\n\n%s" % (ag["manager"]["fn"], k + 1, len(bad), "\n".join(lines), d.sig(lead))
            send("%s migration - batch %d loaded (%s).eml" % (ag["code"], k + 1, day.strftime("%d-%m")), lead, ag["manager"],
                 "%s migration - batch %d loaded, %d rows to check" % (ag["short"], k + 1, len(bad)), day, body)
    # the July delta: deceased and ended clients in the RotaWise export
    ended = [p for p in w.people if p.get("rw_id") and not w.active_at(p, D(2026, 7, 20))]
    if ended:
        lines = []
        for p in ended:
            h = p["home"]
            fs = facts_at(h, D(2026, 7, 20))
            acc = ""
            if fs and rng.random() < 0.7:
                acc = " - still has '%s' in EntryInfo" % w.fact_short(fs[0])
                w.note_fact(p, h, fs[0])
            w.note(p, dob=True)
            lines.append("  %s  %s  %s  %s%s" % (p["rw_id"], w.name(p, "sur"), fdob(p["dob"], "slim"),
                                                 {"died": "Deceased", "care_home": "Ended (care home)", "relative": "Ended (moved away)"}[p["state"]], acc))
        body = "Hi %s,\n\nThe delta export from RotaWise (20/07) still carries ended clients with their entry info. Do you want these " \
               "migrated as history, or left out?\n\n%s\n\nIf left out I'll strip them before the final load.\n\n%s" % (
                   awh["manager"]["fn"], "\n".join(lines), d.sig(w.engineers[3]))
        send("AWH delta - ended clients.eml", w.engineers[3], awh["manager"], "RotaWise delta - deceased/ended clients", D(2026, 7, 21), body)
        reply = "Hi %s,\nLeave them out please, except for anyone who died in the last 3 months (safeguarding reviews). " \
                "And please don't send entry info by email again!\n\n%s" % (w.engineers[3]["fn"], d.sig(awh["manager"], awh))
        send("AWH delta - ended clients - reply.eml", awh["manager"], w.engineers[3], "Re: RotaWise delta - deceased/ended clients", D(2026, 7, 22), reply)
    # managers sending access info for new starters by e-mail (the habit the desk kept asking them to stop)
    for ag in w.agencies:
        for k in range(rng.randint(1, 3)):
            day = D(2026, rng.randint(4, 9), rng.randint(1, 28))
            ppl = [p for p in clients_of(w, ag, day) if facts_at(w.home_at(p, day), day)]
            if not ppl:
                continue
            sel = rng.sample(ppl, min(rng.randint(1, 4), len(ppl)))
            lines = []
            for p in sel:
                h = w.home_at(p, day)
                w.note(p, dob=rng.random() < 0.5)
                lines.append("%s, %s - %s" % (w.name(p, rng.choice(["titlefull", "full", "knownbr"])), w.addr(h), w.write_access(p, h, day)))
            e = rng.choice(w.engineers[1:])
            co = rng.choice(ag["coords"])
            body = "Hi %s,\n\nCan you put the access details on for these - the import screen won't let me save the access tab:\n\n%s\n\n" \
                   "Thanks\n%s" % (e["fn"], "\n".join(lines), co["full"])
            send("%s access details %s-%d.eml" % (ag["code"], day.strftime("%Y%m%d"), k), co, e, "access details for new clients", day, body)
    # internal engineer chatter with a pasted row
    for k in range(6):
        p = rng.choice(w.people)
        day = D(2026, rng.randint(3, 9), rng.randint(1, 28))
        a, b = rng.sample(w.engineers, 2)
        h = w.home_at(p, day)
        w.note(p, dob=True, nhs=bool(p["nhs"]))
        row = "%s;%s;%s;%s;%s" % (p["kd_id"], w.name(p, "SUR"), fdob(p["dob"], "iso"), fnhs(p["nhs"], "plain"), h["pc"])
        body = "%s - this one breaks the %s. Row as it comes out of the view:\n\n%s\n\nAny ideas? I think it's the %s.\n\n%s" % (
            b["fn"], rng.choice(["PDF care plan render", "ECM export", "LA invoice export", "NHS number lookup"]), row,
            rng.choice(["apostrophe", "hyphen", "missing line 2", "accented letter", "space in the NHS number"]), a["fn"])
        send("internal %d - row breaks export.eml" % k, a, b, "row that breaks the export", day, body)
    # release notes and outage notices: no people
    for k, (ver, day) in enumerate([("5.2.4", D(2026, 3, 24)), ("5.3.0", D(2026, 5, 12)), ("5.3.1", D(2026, 6, 30)), ("5.4.0", D(2026, 9, 8))]):
        body = "Dear customer,\n\nKestrel Domiciliary %s is released tonight 22:00-23:30.\n\n- Faster rota recalculation\n- Access fields can be hidden " \
               "on printed reports (FR-%d)\n- eMAR: PRN reasons\n- ECM: offline check-ins are kept for 72 hours\n\nKestrel Care Systems" % (ver, rng.randint(100, 300))
        for ag in w.agencies:
            send("release %s - %s.eml" % (ver, ag["code"]), lead, ag["manager"], "Kestrel Domiciliary %s release" % ver, day, body)
    return n


def gen_logs(w, s):
    rng = w.rng
    # importer logs echoing rejected rows
    for b, day in enumerate([D(2026, 4, 21), D(2026, 5, 19), D(2026, 6, 16)], 1):
        lines = []
        t = dt.datetime(day.year, day.month, day.day, 14, 0)
        ppl = [p for p in w.people if p.get("ct_ref")]
        for k in range(rng.randint(30, 60)):
            t += dt.timedelta(seconds=rng.randint(1, 20))
            lines.append("%s,%03d INFO  [import-worker-%d] row %d ok" % (t.strftime("%Y-%m-%d %H:%M:%S"), rng.randint(0, 999), rng.randint(1, 3), k + 1))
            if rng.random() < 0.15 and ppl:
                p = rng.choice(ppl)
                h = p["home"]
                fs = facts_at(h, D(2026, 3, 14))
                for f in fs:
                    w.note_fact(p, h, f)
                w.note(p, dob=True, nhs=bool(p["nhs"]))
                raw = "|".join([p["ct_ref"], ascii_fold(p["sn"]).upper(), ascii_fold(p["fn"]).upper(), p["title"].upper(), fdob(p["dob"], "ora"),
                                fnhs(p["nhs"], "dash") or "N/K", h["line1"].upper(), h["pc"], " / ".join(w.fact_short(f).upper() for f in fs)])
                lines.append("%s,%03d ERROR [import-worker-%d] RowValidationException: %s :: %s" % (
                    t.strftime("%Y-%m-%d %H:%M:%S"), rng.randint(0, 999), rng.randint(1, 3),
                    rng.choice(["postcode failed validation", "dob century ambiguous", "duplicate legacy_ref", "KS_NUM not numeric"]), raw))
        s.text("Logs/migration/cvh_import_batch%d_%s.log" % (b, day.strftime("%Y%m%d")), "\n".join(lines) + "\n")
    # api sync logs from the carer app (visit notes echoed in payloads)
    for k in range(12):
        day = D(2026, 3, 10) + dt.timedelta(days=rng.randint(0, 200))
        lines = []
        t = dt.datetime(day.year, day.month, day.day, 6, 0)
        pay = []
        for j in range(rng.randint(40, 90)):
            t += dt.timedelta(seconds=rng.randint(5, 600))
            ag = rng.choice(w.agencies)
            lines.append("%sZ DEBUG sync tenant=%s device=%s status=200 items=%d" % (t.isoformat(), ag["code"], "A%06d" % rng.randint(0, 999999), rng.randint(1, 12)))
            if rng.random() < 0.12:
                cl = clients_of(w, ag, day)
                if not cl:
                    continue
                p = rng.choice(cl)
                c = rng.choice(regular_carers(w, p, ag))
                w.staff_written.add(c["full"])
                h = w.home_at(p, day)
                fs = facts_at(h, day)
                note = rng.choice(ECM_NOTES[6:])
                if fs and rng.random() < 0.4:
                    f = rng.choice(fs)
                    note = "got in with " + w.fact_short(f).lower()
                    w.note_fact(p, h, f)
                w.note(p)
                obj = {"tenant": ag["code"], "visitId": rng.randint(100000, 999999), "client": w.name(p, "title"), "clientRef": p["kd_id"],
                       "carer": c["full"], "checkIn": t.isoformat(), "note": note}
                lines.append("%sZ WARN  payload rejected (409 conflict) %s" % (t.isoformat(), json.dumps(obj)))
                pay.append(obj)
        s.text("Logs/api-sync/sync_%s.log" % day.strftime("%Y%m%d"), "\n".join(lines) + "\n")
        if pay:
            s.json("Logs/api-sync/failed_payloads_%s.json" % day.strftime("%Y%m%d"), pay)
    # PDF render errors echoing care plan fields
    for k in range(5):
        day = D(2026, 4, 1) + dt.timedelta(days=rng.randint(0, 170))
        lines = []
        for j in range(rng.randint(3, 8)):
            p = rng.choice(w.people)
            if not w.active_at(p, day):
                continue
            h = w.home_at(p, day)
            fs = facts_at(h, day)
            txt = " ".join(w.fact_prose(f) for f in fs) if fs else "Client lets carers in."
            for f in fs:
                w.note_fact(p, h, f)
            w.note(p, dob=True)
            lines.append("[%s %02d:%02d] careplan-pdf: field 'access' overflow (%d chars) for %s (%s, DOB %s): \"%s\"" % (
                uk(day), rng.randint(8, 17), rng.randint(0, 59), len(txt), p["kd_id"], w.name(p, "title"), fdob(p["dob"], "uk"), txt))
        s.text("Logs/render/careplan_pdf_errors_%s.log" % day.strftime("%Y%m%d"), "\n".join(lines) + "\n")


def gen_admin(w, s):
    rng = w.rng
    s.text("Support/Knowledge base/Office key safe - out of hours.txt",
           "Leeds office (2nd floor, Wellington Street)\nOut of hours the building key is in the key safe by the bike store, code %04d.\n"
           "Server room door code %d#. Alarm: %04d then OFF. Please don't share outside Kestrel.\n" % (rng.randint(0, 9999), rng.randint(1000, 9999), rng.randint(0, 9999)))
    s.text("Support/Knowledge base/How to hide access fields on reports.txt",
           "Reports > Client Access Sheet > Options > Columns: untick 'Key Safe' and 'Access Notes'.\n"
           "From 5.3.0 an admin can set 'Mask access information on printed reports' (Settings > Security).\n"
           "Access info is shown to carers only on the day of the call and only after check-in (5.4.0).\n")
    s.text("Support/Knowledge base/ECM error codes.txt",
           "E101 NFC tag not registered\nE102 GPS outside geofence (150m)\nE200 Device offline - check-in queued\nE301 Call-in from unknown number\n"
           "E404 Visit not found on device (resync)\nKey: 'key worker' in the client card is the named coordinator, not a key holder.\n")
    s.text("Support/Knowledge base/Migration runbook.md",
           "# Data migration runbook (domiciliary customers)\n\n1. Customer exports from old system (we never log in to their old system).\n"
           "2. Files land in Migration/<customer>/ - this folder is NOT to be shared outside the migration team.\n"
           "3. Map fields (mapping workbook), agree access-info handling with the customer in writing.\n"
           "4. Load to staging, run reconciliation, customer signs off each batch.\n5. Delete the legacy export 30 days after go-live.\n")
    oncall = [["Week commencing", "Primary", "Secondary", "Phone"]]
    for k in range(20):
        a, b = rng.sample(w.engineers, 2)
        oncall.append([uk(D(2026, 3, 2) + dt.timedelta(weeks=k)), a["full"], b["full"], "07700 900%03d" % rng.randint(0, 999)])
        w.staff_written.add(a["full"]); w.staff_written.add(b["full"])
    s.xlsx("Support/On-call rota 2026.xlsx", [("On call", oncall)])
    contacts = [["Customer", "Code", "Registered manager", "Coordinators", "Office"]]
    for ag in w.agencies:
        contacts.append([ag["name"], ag["code"], ag["manager"]["full"], ", ".join(c["full"] for c in ag["coords"]), ag["office"]])
        w.staff_written.add(ag["manager"]["full"])
        for c in ag["coords"]:
            w.staff_written.add(c["full"])
    s.csv("Support/Customer contacts.csv", contacts[0], contacts[1:])
    s.text("Support/Knowledge base/Supported devices.txt", "Carer app 3.8+: Android 11+, iOS 16+. NFC tags: NTAG213. Printers: any PCL6.\n")
    for ag in w.agencies:
        s.text("Support/Tickets/%s/README.txt" % ag["code"],
               "Ticket exports for %s. Exported from the helpdesk nightly. Attachments the customer sent are in attachments/.\n" % ag["name"])


# ----------------------------------------------------------------------------- main
def rand_day(rng, lo=START, hi=EXPORT - dt.timedelta(days=2)):
    if hi <= lo:
        return lo
    return lo + dt.timedelta(days=rng.randint(0, (hi - lo).days))


def last_day(w, p):
    if p["state"] in ("died", "care_home", "relative"):
        return p["state_date"] - dt.timedelta(days=1)
    return EXPORT - dt.timedelta(days=2)


def agency_at(p, day):
    if p["agency2"] is not None and day >= p["transfer_date"]:
        return p["agency2"]
    return p["agency"]


def gen_tickets(w, s, d, n_random):
    rng = w.rng
    for p in w.people:
        if p["state"] in ("died", "care_home", "relative"):
            t_state(d, p, agency_at(p, p["state_date"]))
        elif p["state"] == "moved_house":
            t_move(d, p, agency_at(p, p["state_date"]))
        if p["home"].get("void") and p["couple"] is None or (p["home"].get("void") and p["couple"]["idx"] > p["idx"]):
            t_void(d, p, agency_at(p, p["home"]["void"]["void_date"]))
        if p["agency2"] is not None:
            t_transfer(d, p)
    kinds = ["app"] * 20 + ["dup"] * 9 + ["ecm"] * 14 + ["mar"] * 11 + ["mig"] * 12 + ["noise"] * 16 + ["sar"] * 3
    for k in range(n_random):
        kind = rng.choice(kinds)
        if kind == "noise":
            t_noise(d, rng.choice(w.agencies), rand_day(rng))
            continue
        p = rng.choice(w.people)
        day = rand_day(rng, START + dt.timedelta(days=5), last_day(w, p))
        ag = agency_at(p, day)
        if kind == "mig":
            if ag["code"] not in ("CVH", "AWH") or not (p.get("ct_ref") or p.get("rw_id")):
                kind = "app"
            else:
                day = rand_day(rng, D(2026, 4, 22), min(D(2026, 6, 30), last_day(w, p)))
        if kind == "app":
            t_app(d, p, ag, day)
        elif kind == "dup":
            t_dup(d, p, ag, day)
        elif kind == "ecm":
            t_ecm(d, p, ag, day)
            if rng.random() < 0.6:
                ecm_extract(d, p, ag, day)
        elif kind == "mar":
            t_mar(d, p, ag, day)
        elif kind == "mig":
            t_mig(d, p, ag, day)
        elif kind == "sar":
            t_sar(d, p, ag, day)
    for ag in w.agencies:
        day = rand_day(rng, D(2026, 5, 1))
        cl = clients_of(w, ag, day)
        t_report(d, ag, rng.sample(cl, min(len(cl), rng.randint(3, 6))), day)
    # one misdirected file
    a, b = rng.sample(w.agencies, 2)
    day = D(2026, 6, rng.randint(1, 28))
    cl = clients_of(w, b, day)
    t_wrong(d, a, rng.sample(cl, min(len(cl), 5)), b, day)


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    share, truth_path = argv[1], argv[2]
    n = int(argv[3]) if len(argv) > 3 else 120
    seed = int(argv[4]) if len(argv) > 4 else 1
    os.makedirs(share, exist_ok=True)
    if os.listdir(share):
        print("share dir not empty: %s" % share)
        return 2
    w = World(n, seed)
    s = Share(share)
    gen_caretrak(w, s)
    gen_rotawise(w, s)
    gen_ecm(w, s)
    gen_mar(w, s)
    gen_careplans(w, s)
    gen_reports(w, s)
    gen_returns(w, s)
    d = Desk(w, s)
    gen_tickets(w, s, d, int(n * 1.45))
    gen_mail(w, s, d)
    d.flush()
    gen_logs(w, s)
    gen_admin(w, s)
    truth = build_truth(w, s)
    with open(truth_path, "w", encoding="utf-8") as fh:
        json.dump(truth, fh, indent=1, ensure_ascii=False)
    print("files: %d  people: %d  staff: %d  related: %d" % (len(s.files), len(truth["people"]), len(truth["staff"]), len(truth["related"])))
    return 0


def build_truth(w, s):
    blob = "\n".join(s.texts)
    low = blob.lower()
    folded = ascii_fold(blob).lower()

    def present(name):
        return name.lower() in low or ascii_fold(name).lower() in folded

    people = []
    for p in w.people:
        wr = w.written[p["idx"]]
        if p["state"] == "living":
            st = "living at home"
        elif p["state"] == "moved_house":
            st = "moved house %s (old home's access may linger in older files)" % uk(p["state_date"])
        elif p["state"] == "died":
            st = "died %s" % uk(p["state_date"])
        else:
            st = "moved permanently to %s %s" % (p["dest"], uk(p["state_date"]))
        e = {"forename": p["fn"], "surname": p["sn"], "dob": p["dob"].strftime("%d/%m/%Y"),
             "nhs_number": fnhs(p["nhs"], "spaced"),
             "access_kind": sorted(wr["current"]), "former_access_kind": sorted(wr["former"]),
             "state": st, "agency": p["agency"]["code"] + ((" then " + p["agency2"]["code"]) if p["agency2"] else ""),
             "middle_name": p["mid"], "known_as": p["known"], "title": p["title"],
             "postcode": (w.end_home(p) or p["home"])["pc"], "kestrel_id": p["kd_id"]}
        if p["couple"]:
            e["household"] = "lives with spouse %s %s (also a service user)" % (p["couple"]["fn"], p["couple"]["sn"])
        if wr["void"]:
            e["notes"] = "a way in that stopped working (code changed / key safe removed) is in the share: %s" % ", ".join(sorted(wr["void"]))
        if p["state"] in ("died", "care_home", "relative"):
            assert not e["access_kind"], e
        people.append(e)
    staff = sorted(n for n in w.staff if n in w.staff_written and present(n))
    rel_names = set()
    for r in w.related:
        if present(r["full"]):
            rel_names.add(r["full"])
    pnames = {p["fn"] + " " + p["sn"] for p in w.people}
    related = sorted(rel_names - pnames - set(staff))
    return {"people": people, "staff": staff, "related": related,
            "share": "heldout share 27 (seed %d): Kestrel Care Systems support and migration share" % w.seed,
            "export_date": "30/09/2026"}


if __name__ == "__main__":
    sys.exit(main(sys.argv))
