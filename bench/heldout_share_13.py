#!/usr/bin/env python3
"""Held-out breach share 13: a city neurological and long-term-conditions community
service and its partners (Brackenford, an invented English city).

    python heldout_share_13.py SHARE TRUTH.json [PEOPLE=120] [SEED=1]

Deterministic from SEED. Standard library plus python-docx and openpyxl.
Everything is invented: names, addresses, phones (07700 900xxx), NHS numbers
(valid mod 11, first digit 4 or 6).
"""
import csv
import datetime as dt
import io
import json
import os
import random
import sys
import unicodedata
from email.message import EmailMessage
from email.utils import format_datetime

import docx
import openpyxl

# ---------------------------------------------------------------------------
# basic helpers
# ---------------------------------------------------------------------------
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]


def fold(s):
    """Strip diacritics the way many letter systems do (Ł -> L, ễ -> e)."""
    s = s.replace("Ł", "L").replace("ł", "l").replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def d_slash(d):
    return d.strftime("%d/%m/%Y")


def d_iso(d):
    return d.isoformat()


def d_long(d):
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def d_mon(d):
    return f"{d.day:02d}-{MONTHS[d.month - 1][:3]}-{d.year}"


def d_hl7(d):
    return d.strftime("%Y%m%d")


def d_dot(d):
    return d.strftime("%d.%m.%Y")


def age_on(d, on):
    return on.year - d.year - ((on.month, on.day) < (d.month, d.day))


def nhs_fmt(n, style=0):
    if not n:
        return ""
    if style == 0:
        return f"{n[:3]} {n[3:6]} {n[6:]}"
    if style == 1:
        return n
    return f"{n[:3]}-{n[3:6]}-{n[6:]}"


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.used_nhs = set()
        self.used_phone = set()
        self.used_codes = set()

    def nhs(self):
        r = self.r
        while True:
            digits = [r.choice([4, 6])] + [r.randrange(10) for _ in range(8)]
            if digits[:3] == [9, 9, 9]:
                continue
            tot = sum(d * (10 - i) for i, d in enumerate(digits))
            chk = 11 - tot % 11
            if chk == 11:
                chk = 0
            if chk == 10:
                continue
            s = "".join(map(str, digits)) + str(chk)
            if s not in self.used_nhs:
                self.used_nhs.add(s)
                return s

    def phone(self):
        while True:
            p = f"07700 900{self.r.randrange(1000):03d}"
            if p not in self.used_phone:
                self.used_phone.add(p)
                return p

    def code(self):
        while True:
            c = f"{self.r.randrange(10000):04d}"
            if c not in self.used_codes and len(set(c)) > 1:
                self.used_codes.add(c)
                return c


# ---------------------------------------------------------------------------
# names by naming culture
# ---------------------------------------------------------------------------
CULTURES = [
    ("white_british", 22), ("sikh", 10), ("muslim_sa", 14), ("gujarati", 7),
    ("chinese", 5), ("vietnamese", 4), ("polish", 6), ("lithuanian", 2),
    ("irish", 5), ("somali", 6), ("nigerian", 7), ("caribbean", 9), ("kurdish", 3),
]

N = {
    "wb_m": ["Derek", "Kevin", "Graham", "Keith", "Barry", "Alan", "Stephen", "Trevor", "Malcolm",
             "Ryan", "Liam", "Gary", "Neil", "Howard", "Roy", "Dennis", "Philip", "Callum"],
    "wb_f": ["Margaret", "Jean", "Pauline", "Susan", "Janet", "Christine", "Sharon", "Dorothy",
             "Bethany", "Lorna", "Gillian", "Hazel", "Brenda", "Joanne", "Kirsty", "Sylvia", "Mavis"],
    "wb_s": ["Holroyd", "Barraclough", "Sutcliffe", "Ackroyd", "Greenwood", "Hirst", "Wilson",
             "Ashworth-Brown", "Hebblethwaite", "Cawthorne", "Pickles", "Firth", "Lumb", "Ogden",
             "Crabtree", "Midgley", "Shackleton", "Rushworth", "Normington", "Lister"],
    "sikh_m": ["Harjit", "Gurdev", "Jaswant", "Sukhdev", "Darshan", "Gurmail", "Ravinder", "Kuldip",
               "Amarjit", "Mohinder", "Tarsem", "Hardeep"],
    "sikh_f": ["Gurpreet", "Harbans", "Surinder", "Kulwant", "Jasvir", "Sukhwinder", "Parminder",
               "Balbir", "Rajinder", "Manjit", "Amrit", "Navjot"],
    "sikh_s": ["Sandhu", "Gill", "Dhaliwal", "Sidhu", "Bains", "Johal", "Grewal", "Virdi", "Bassi",
               "Hayer"],
    "msa_m2": [("Mohammed", "Abdul", "Rashid"), ("Mohammed", None, "Iqbal"), ("Zulfiqar", "Ali", "Khan"),
               ("Shabir", None, "Hussain"), ("Ghulam", None, "Mustafa"), ("Abdul", "Karim", "Miah"),
               ("Jamal", None, "Uddin"), ("Mohammed", None, "Shahjahan"), ("Tariq", "Mehmood", "Akhtar"),
               ("Nadeem", None, "Ahmed"), ("Mohammed", "Arif", "Khan"), ("Abdul", "Hamid", "Ahmed"),
               ("Mushtaq", None, "Ahmed"), ("Mohammed", "Younis", "Bashir"), ("Imtiaz", None, "Ali")],
    "msa_f": [("Razia", None, "Begum"), ("Nasreen", None, "Bibi"), ("Shahida", None, "Begum"),
              ("Zubeida", None, "Khatun"), ("Fatima", None, "Bibi"), ("Rukhsana", None, "Akhtar"),
              ("Parveen", None, "Kauser"), ("Amina", None, "Khan"), ("Shamim", "Ara", "Begum"),
              ("Samina", None, "Ahmed"), ("Nusrat", None, "Hussain"), ("Jamila", None, "Bibi"),
              ("Saima", None, "Patel")],
    "guj_m": ["Ramesh", "Dinesh", "Pravin", "Jayantilal", "Bhikhubhai", "Harish", "Mukesh", "Vinod",
              "Nitin"],
    "guj_f": ["Hansaben", "Jayshree", "Kokila", "Manjula", "Pushpa", "Savita", "Induben", "Bhavna",
              "Nisha"],
    "guj_s": ["Patel", "Patel", "Patel", "Mistry", "Shah", "Parmar", "Lad", "Chauhan", "Solanki"],
    "zh_s": ["Chan", "Wong", "Leung", "Li", "Cheung", "Lau", "Ho", "Ng", "Yeung", "Tang"],
    "zh_m": ["Tai Man", "Wai Keung", "Kwok Wah", "Chi Wing", "Ka Ho", "Siu Kei"],
    "zh_f": ["Siu Ling", "Mei Fong", "Yuk Lan", "Lai Kuen", "Wai Yee", "Pui Shan"],
    "zh_en_m": ["Peter", "David", "Albert", "Sam", "Kenneth"],
    "zh_en_f": ["Mary", "Grace", "Winnie", "Susan", "Helen"],
    "vi_s": [("Nguyen", "Nguyễn"), ("Tran", "Trần"), ("Le", "Lê"), ("Pham", "Phạm"), ("Hoang", "Hoàng"),
             ("Vu", "Vũ"), ("Dang", "Đặng")],
    "vi_m": [("Hung", "Hùng"), ("Tuan", "Tuấn"), ("Dung", "Dũng"), ("Thanh", "Thanh"), ("Cuong", "Cường"),
             ("Minh", "Minh")],
    "vi_f": [("Lan", "Lan"), ("Hoa", "Hoa"), ("Mai", "Mai"), ("Hanh", "Hạnh"), ("Thuy", "Thủy"),
             ("Huong", "Hương")],
    "pl_m": ["Łukasz", "Krzysztof", "Tadeusz", "Zbigniew", "Mirosław", "Andrzej", "Grzegorz", "Jarosław"],
    "pl_f": ["Grażyna", "Małgorzata", "Bożena", "Jadwiga", "Halina", "Agnieszka", "Elżbieta", "Jolanta"],
    "pl_s": [("Wiśniewski", "Wiśniewska"), ("Kowalczyk", "Kowalczyk"), ("Wójcik", "Wójcik"),
             ("Zając", "Zając"), ("Lewandowski", "Lewandowska"), ("Dąbrowski", "Dąbrowska"),
             ("Król", "Król"), ("Szymański", "Szymańska"), ("Woźniak", "Woźniak")],
    "lt_m": [("Tomas", "Petrauskas"), ("Vytautas", "Kazlauskas"), ("Darius", "Jankauskas"),
             ("Algirdas", "Žukauskas")],
    "lt_f": [("Jurgita", "Kazlauskienė"), ("Rasa", "Petrauskaitė"), ("Ona", "Jankauskienė"),
             ("Laima", "Stankevičienė")],
    "ie_m": [("Seán", "Ó Briain"), ("Pádraig", "Mac Cárthaigh"), ("Ciarán", "Ó Súilleabháin"),
             ("Donal", "O'Donoghue"), ("Eoin", "McLaughlin"), ("Tadhg", "Ó Murchú"), ("Declan", "O'Sullivan")],
    "ie_f": [("Siobhán", "Ní Bhriain"), ("Máire", "Ní Dhónaill"), ("Bríd", "O'Donoghue"),
             ("Caitríona", "Mac Cárthaigh"), ("Nóirín", "Ní Mhurchú"), ("Eileen", "O'Sullivan")],
    "so_m": ["Abdirahman", "Abdullahi", "Yusuf", "Mohamed", "Abdiweli", "Hassan", "Ismail"],
    "so_f": ["Hodan", "Faadumo", "Ayaan", "Sahra", "Khadra", "Hibo", "Asha", "Ubah"],
    "so_p": ["Farah", "Abdi", "Ali", "Warsame", "Jama", "Nur", "Osman", "Elmi", "Duale", "Aden", "Hassan",
             "Omar", "Egal"],
    "ng_m": [("Oluwaseun", "Adeyemi"), ("Adebayo", "Ogunleye"), ("Olufemi", "Bakare"), ("Chukwuemeka", "Okafor"),
             ("Chidi", "Nwankwo"), ("Ifeanyi", "Eze"), ("Abiodun", "Olawale"), ("Tunde", "Adebisi")],
    "ng_f": [("Funmilayo", "Bakare"), ("Bukola", "Adeyemi"), ("Temitope", "Ogunleye"), ("Ngozi", "Eze"),
             ("Obiageli", "Okonkwo"), ("Adaeze", "Nwankwo"), ("Folasade", "Olawale")],
    "ng_mid_m": ["Michael", "Chinedu", "Adewale", "Samuel"],
    "ng_mid_f": ["Grace", "Oluwatoyin", "Esther", "Blessing"],
    "cb_m": ["Desmond", "Winston", "Errol", "Cleveland", "Lloyd", "Carlton", "Everton", "Neville"],
    "cb_f": ["Hyacinth", "Beverley", "Marcia", "Icilda", "Gloria", "Claudette", "Pearline", "Merline"],
    "cb_s": ["Campbell", "Clarke", "Bailey", "Francis", "Reid", "Thompson", "McKenzie", "Gordon",
             "Blackwood", "Fearon", "Grant"],
    "ku_m": [("Rebwar", "Ahmed"), ("Karwan", "Mahmoud"), ("Dilshad", "Hama Rashid"), ("Shwan", "Aziz")],
    "ku_f": [("Shilan", "Mohammed"), ("Nasrin", "Karim"), ("Avin", "Aziz"), ("Hero", "Qadir")],
}

TITLES = {"M": "Mr", "F": "Mrs"}


class Person:
    def __init__(self, idx):
        self.idx = idx
        self.mid = ""
        self.variants = []          # (forename, surname) alternative spellings
        self.known_as = ""
        self.family_first = False   # Chinese / Vietnamese record order
        self.related = []           # dicts: name, rel, phone
        self.home = "own"
        self.household = None
        self.access = {}            # planned access: kinds -> detail
        self.services = set()
        self.language = ""
        self.year_only = False

    # ---- name shapes -----------------------------------------------------
    def fs(self):
        return f"{self.fn} {self.sn}"

    def fms(self):
        return f"{self.fn} {self.mid} {self.sn}" if self.mid else self.fs()

    def SF(self):
        return f"{self.sn.upper()}, {self.fn}"

    def Sf(self):
        return f"{self.sn}, {self.fn}"

    def Sfm(self):
        return f"{self.sn}, {self.fn} {self.mid[0]}." if self.mid else self.Sf()

    def Sfmfull(self):
        return f"{self.sn}, {self.fn} {self.mid}" if self.mid else self.Sf()

    def title(self):
        if self.sex == "F":
            t = "Miss" if self.age < 25 else ("Ms" if self.idx % 5 == 0 else "Mrs")
        else:
            t = "Master" if self.age < 16 else "Mr"
        return t

    def tsn(self):
        return f"{self.title()} {self.sn}"

    def tfs(self):
        return f"{self.title()} {self.fn} {self.sn}"

    def tinit(self):
        return f"{self.title()} {self.fn[0]}. {self.sn}"

    def FS(self):
        return f"{self.fn} {self.sn.upper()}"

    def native(self):
        """Family name first in capitals (Chinese, Vietnamese)."""
        if self.mid:
            return f"{self.sn.upper()} {self.mid} {self.fn}"
        return f"{self.sn.upper()} {self.fn}"

    def hl7(self):
        return f"{fold(self.sn).upper()}^{fold(self.fn).upper()}^{fold(self.mid).upper()}^^{self.title().upper()}"

    def any_name(self, r, full_only=False):
        """A shape a worker would write for this person."""
        shapes = [self.fs, self.fms, self.SF, self.Sf, self.Sfm, self.tfs, self.FS]
        if self.family_first:
            shapes += [self.native, self.native]
        if not full_only:
            shapes += [self.tsn, self.tinit]
        s = r.choice(shapes)()
        return s

    def dob_any(self, r):
        return r.choice([d_slash, d_slash, d_iso, d_long, d_mon, d_dot])(self.dob)


def make_person(g, idx, culture, sex, age, today):
    r = g.r
    p = Person(idx)
    p.culture, p.sex = culture, sex
    m = sex == "M"
    if culture == "white_british":
        p.fn = r.choice(N["wb_m"] if m else N["wb_f"])
        p.sn = r.choice(N["wb_s"])
        if r.random() < 0.4:
            p.mid = r.choice(["James", "John", "Edward", "Paul"] if m else ["Anne", "Elizabeth", "Mary", "Louise"])
    elif culture == "sikh":
        p.fn = r.choice(N["sikh_m"] if m else N["sikh_f"])
        sk = "Singh" if m else "Kaur"
        if r.random() < 0.55:
            p.sn = sk
        else:
            p.sn = r.choice(N["sikh_s"])
            p.mid = sk
            p.variants.append((p.fn, sk))          # family name dropped in some records
        p.language = "Punjabi" if age > 60 else ""
    elif culture == "muslim_sa":
        fn, mid, sn = r.choice(N["msa_m2"] if m else N["msa_f"])
        p.fn, p.mid, p.sn = fn, mid or "", sn
        if fn == "Mohammed":
            p.variants.append(("Muhammad", sn))
        if mid and fn == "Mohammed":
            p.known_as = mid if mid != "Abdul" else "Abdul Rashid"
        p.language = r.choice(["Urdu", "Punjabi (Mirpuri)", "Sylheti", "Bengali"]) if age > 60 else ""
    elif culture == "gujarati":
        p.fn = r.choice(N["guj_m"] if m else N["guj_f"])
        p.sn = r.choice(N["guj_s"])
        if r.random() < 0.5:
            p.mid = r.choice(N["guj_m"])
        if p.fn.endswith("bhai") or p.fn.endswith("ben"):
            p.variants.append((p.fn.replace("bhai", "").replace("ben", ""), p.sn))
        p.language = "Gujarati" if age > 65 else ""
    elif culture == "chinese":
        p.sn = r.choice(N["zh_s"])
        p.fn = r.choice(N["zh_m"] if m else N["zh_f"])
        p.family_first = True
        if r.random() < 0.5:
            p.known_as = r.choice(N["zh_en_m"] if m else N["zh_en_f"])
        p.language = "Cantonese" if age > 55 else ""
    elif culture == "vietnamese":
        sn, sn_d = r.choice(N["vi_s"])
        fn, fn_d = r.choice(N["vi_m"] if m else N["vi_f"])
        p.fn, p.sn = fn, sn
        p.mid = "Van" if m else "Thi"
        p.family_first = True
        p.variants.append((fn_d, sn_d))
        p.language = "Vietnamese" if age > 45 else ""
    elif culture == "polish":
        p.fn = r.choice(N["pl_m"] if m else N["pl_f"])
        sm, sf = r.choice(N["pl_s"])
        p.sn = sm if m else sf
        if fold(p.fn) != p.fn or fold(p.sn) != p.sn:
            p.variants.append((fold(p.fn), fold(p.sn)))
        p.language = "Polish" if age > 55 else ""
    elif culture == "lithuanian":
        p.fn, p.sn = r.choice(N["lt_m"] if m else N["lt_f"])
        if fold(p.sn) != p.sn:
            p.variants.append((p.fn, fold(p.sn)))
        p.language = "Lithuanian" if age > 55 else ""
    elif culture == "irish":
        p.fn, p.sn = r.choice(N["ie_m"] if m else N["ie_f"])
        if fold(p.fn) != p.fn or fold(p.sn) != p.sn:
            p.variants.append((fold(p.fn), fold(p.sn)))
    elif culture == "somali":
        p.fn = r.choice(N["so_m"] if m else N["so_f"])
        p.mid = r.choice(N["so_p"])
        p.sn = r.choice([x for x in N["so_p"] if x != p.mid])
        p.variants.append((p.fn, p.mid))            # written with the father's name only
        p.language = "Somali" if age > 40 else ""
    elif culture == "nigerian":
        p.fn, p.sn = r.choice(N["ng_m"] if m else N["ng_f"])
        if r.random() < 0.5:
            p.mid = r.choice(N["ng_mid_m"] if m else N["ng_mid_f"])
    elif culture == "caribbean":
        p.fn = r.choice(N["cb_m"] if m else N["cb_f"])
        p.sn = r.choice(N["cb_s"])
        if r.random() < 0.3:
            p.mid = r.choice(["Augustus", "Theophilus", "Delroy"] if m else ["Maud", "Icilda", "Joy"])
    elif culture == "kurdish":
        p.fn, p.sn = r.choice(N["ku_m"] if m else N["ku_f"])
        p.language = "Kurdish Sorani" if age > 40 else ""
    start = today - dt.timedelta(days=int(age * 365.25) + r.randrange(365))
    p.dob = start
    p.age = age_on(p.dob, today)
    return p


# ---------------------------------------------------------------------------
# staff, volunteers and GPs (all counted as staff in the truth)
# ---------------------------------------------------------------------------
ORG = {
    "cnlt": "Brackenford Community Neurology & Long-Term Conditions Service",
    "trust": "Brackenford Community Health NHS Trust",
    "bri": "Brackenford Royal Infirmary - Department of Neurology",
    "med": "Medivia Home Nutrition Ltd",
    "wps": "Brackenford Wheelchair & Posture Service",
    "bices": "BICES (Brackenford Integrated Community Equipment Service)",
    "cont": "ContiCare Direct",
    "hub": "Brackenford Carers' Hub",
    "faith": "Brackenford Faith Neighbours",
    "lang": "Brackenford Language Line (interpreting)",
}

STAFF_DEF = [
    # key, title, forename, surname, role, org
    ("fenwick", "Dr", "Alasdair", "Fenwick", "Consultant Neurologist (movement disorders)", "bri"),
    ("obi", "Dr", "Nkechi", "Obi", "Consultant Neurologist (MS)", "bri"),
    ("sahota", "Dr", "Rajinder", "Sahota", "Consultant Stroke Physician", "bri"),
    ("brennan", "Dr", "Caoimhe", "Brennan", "Consultant Neurologist, MND Care Centre lead", "bri"),
    ("bickerstaff", "Mrs", "Lorraine", "Bickerstaff", "Medical Secretary", "bri"),
    ("kowalski", "", "Bernadette", "Kowalski", "MND Specialist Nurse", "cnlt"),
    ("skaur", "", "Sunita", "Kaur", "Parkinson's Disease Nurse Specialist", "cnlt"),
    ("mahmood", "", "Tariq", "Mahmood", "Parkinson's Disease Nurse Specialist", "cnlt"),
    ("pryce", "", "Gareth", "Pryce", "MS Specialist Nurse", "cnlt"),
    ("campbell", "", "Yvonne", "Campbell", "Stroke Specialist Nurse (6-month reviews)", "cnlt"),
    ("whitlam", "", "Joanna", "Whitlam", "Neuro Physiotherapist", "cnlt"),
    ("ikhan", "", "Imran", "Khan", "Physiotherapist", "cnlt"),
    ("gallagher", "", "Niamh", "Gallagher", "Occupational Therapist", "cnlt"),
    ("ppatel", "", "Priya", "Patel", "Occupational Therapist", "cnlt"),
    ("ashdown", "", "Chloe", "Ashdown", "Rehab Assistant", "cnlt"),
    ("fearon", "", "Delroy", "Fearon", "Rehab Assistant", "cnlt"),
    ("dhillon", "", "Amandeep", "Kaur Dhillon", "Speech and Language Therapist", "cnlt"),
    ("thornber", "", "Rebecca", "Thornber", "Speech and Language Therapist", "cnlt"),
    ("lowther", "", "Hannah", "Lowther", "SLT Assistant", "cnlt"),
    ("nowak", "", "Magdalena", "Nowak", "Specialist Dietitian (home enteral feeding)", "cnlt"),
    ("sempers", "", "Oliver", "Sempers", "Dietitian", "cnlt"),
    ("tetley", "", "Fiona", "Tetley", "Service Manager", "cnlt"),
    ("haigh", "", "Kerry", "Haigh", "Team Administrator", "cnlt"),
    ("doyle", "", "Anne-Marie", "Doyle", "Continence Nurse Specialist", "cnlt"),
    ("rudd", "", "Stacey", "Rudd", "Nutrition Nurse Advisor", "med"),
    ("asante", "", "Kwame", "Asante", "Delivery Driver", "med"),
    ("zielinski", "", "Piotr", "Zieliński", "Delivery Driver", "med"),
    ("marr", "", "Louise", "Marr", "Customer Services", "med"),
    ("greaves", "", "Samantha", "Greaves", "Clinical Lead, Wheelchair Therapist", "wps"),
    ("lindqvist", "", "Aaron", "Lindqvist", "Rehabilitation Engineer", "wps"),
    ("mbeki", "", "Daniel", "Mbeki", "Field Engineer", "wps"),
    ("kaczmarek", "", "Tomasz", "Kaczmarek", "Field Engineer", "wps"),
    ("hollins", "", "Craig", "Hollins", "Store Coordinator", "bices"),
    ("butterfield", "", "Wayne", "Butterfield", "Driver / Technician", "bices"),
    ("bains", "", "Jaspreet", "Singh Bains", "Technician", "bices"),
    ("rourke", "", "Mick", "Rourke", "Driver", "bices"),
    ("parris", "", "Leon", "Parris", "Delivery Driver", "cont"),
    ("oyelaran", "", "Ruth", "Oyelaran", "Carer Support Worker", "hub"),
    ("akhtar", "", "Shabnam", "Akhtar", "Carer Support Worker", "hub"),
    ("rahman", "Imam", "Qasim", "Rahman", "Volunteer lead, Masjid al-Noor", "faith"),
    ("hbegum", "", "Hafsa", "Begum", "Volunteer (Masjid al-Noor)", "faith"),
    ("gill", "", "Bhupinder", "Singh Gill", "Sewa volunteer lead (Guru Nanak Gurdwara)", "faith"),
    ("johal", "", "Gurmeet", "Kaur Johal", "Volunteer (Guru Nanak Gurdwara)", "faith"),
    ("mistry", "", "Kiran", "Mistry", "Volunteer (Shree Krishna Mandir)", "faith"),
    ("lumb", "", "Margaret", "Lumb", "Volunteer (St Aidan's Church)", "faith"),
    ("ambrose", "Revd", "Jonathan", "Ambrose", "Coordinator, Faith Neighbours (St Aidan's)", "faith"),
    ("tran", "", "Hieu", "Tran", "Vietnamese interpreter", "lang"),
    ("warsame", "", "Fartun", "Warsame", "Somali interpreter", "lang"),
    ("ackerley", "Dr", "Simon", "Ackerley", "GP, Moorside Medical Practice", "gp"),
    ("mehta", "Dr", "Anjali", "Mehta", "GP, Clover Street Surgery", "gp"),
    ("nwosu", "Dr", "Emeka", "Nwosu", "GP, Whitebridge Health Centre", "gp"),
    ("hensby", "Dr", "Clare", "Hensby", "GP, Old Mill Surgery", "gp"),
    ("adamski", "Dr", "Wojciech", "Adamski", "GP, Bankfield Group Practice", "gp"),
]

GP_PRACTICE = {
    "ackerley": ("Moorside Medical Practice", "14 Moorside Road, Brackenford BK2 4HS"),
    "mehta": ("Clover Street Surgery", "2 Clover Street, Brackenford BK5 1AN"),
    "nwosu": ("Whitebridge Health Centre", "Whitebridge Lane, Brackenford BK7 3PL"),
    "hensby": ("Old Mill Surgery", "Old Mill Yard, Brackenford BK1 2DD"),
    "adamski": ("Bankfield Group Practice", "88 Bankfield Road, Brackenford BK4 6RT"),
}


class Staff:
    def __init__(self, key, title, fn, sn, role, org):
        self.key, self.title, self.fn, self.sn, self.role, self.org = key, title, fn, sn, role, org

    def fs(self):
        return f"{self.fn} {self.sn}"

    def t(self):
        return f"{self.title} {self.fn} {self.sn}" if self.title else self.fs()

    def short(self):
        return f"{self.fn} {self.sn[0]}."

    def init(self):
        return f"{self.fn[0]}. {self.sn}"

    def email(self):
        dom = {"cnlt": "nhs.net", "trust": "nhs.net", "bri": "nhs.net", "gp": "nhs.net",
               "med": "medivia-homenutrition.example", "wps": "nhs.net",
               "bices": "bices.brackenford.example", "cont": "conticaredirect.example",
               "hub": "brackenfordcarershub.example", "faith": "faithneighbours.example",
               "lang": "brackenfordlanguageline.example"}[self.org]
        return f"{fold(self.fn).lower().replace('-', '')}.{fold(self.sn).lower().replace(' ', '').replace('-', '')}@{dom}"

    def hl7(self):
        return f"{fold(self.sn).upper().replace(' ', '')}^{fold(self.fn).upper()}^^^{self.title.upper()}"

    def addr(self):
        return f"{self.fs()} <{self.email()}>"


STAFF = {k: Staff(k, t, f, s, ro, o) for k, t, f, s, ro, o in STAFF_DEF}


# ---------------------------------------------------------------------------
# clinical vocabulary
# ---------------------------------------------------------------------------
COND = {
    "mnd": ("Motor neurone disease", "MND", "brennan", ["kowalski"]),
    "pd": ("Parkinson's disease", "PD", "fenwick", ["skaur", "mahmood"]),
    "ms": ("Multiple sclerosis", "MS", "obi", ["pryce"]),
    "stroke": ("Stroke", "stroke", "sahota", ["campbell"]),
    "other": ("", "", "fenwick", ["whitlam", "gallagher"]),
}
OTHER_DX = ["Functional neurological disorder", "Acquired brain injury (RTC 2019)", "Huntington's disease",
            "Cerebral palsy (spastic quadriplegia)", "Duchenne muscular dystrophy", "Progressive supranuclear palsy",
            "Myasthenia gravis", "Post-encephalitic brain injury", "Spinal cord injury (T6, incomplete)"]

CLIN = {
    "mnd": ["ALSFRS-R {a} (was {b} in August).", "Discussed gastrostomy - agreed RIG referral to Dr Brennan.",
            "NIV overnight, tolerating about 6 hrs.", "Riluzole 50mg BD continued, LFTs due.",
            "Weight {w} kg, down 2.1 kg since last visit.", "ReSPECT form completed, copy left in the house.",
            "Eye-gaze communication aid trial going well.", "Sialorrhoea - glycopyrronium liquid started.",
            "Cough assist machine delivered, family shown how to use it."],
    "pd": ["Co-careldopa 25/100 one tab QDS; wearing off at 3-4 hours.", "Two falls since last visit, no injury.",
           "Visual hallucinations at night - discussed with Dr Fenwick, quetiapine not started yet.",
           "Lying BP 128/76, standing 104/62, dizzy on standing.", "Coughing on thin fluids at lunch.",
           "Rotigotine patch 4mg increased to 6mg.", "Freezing in doorways - cueing strategies practised.",
           "Constipation - on Laxido 2 sachets daily.", "Mood low, family worried; GDS 9."],
    "ms": ["Relapse in September, IV methylprednisolone on the day unit.", "Ocrelizumab next infusion due December.",
           "Bladder urgency, self-catheterising ISC x4 daily.", "Fatigue management programme, week 3 of 6.",
           "Baclofen 10mg TDS for spasticity, ?increase.", "EDSS {e}.", "Vitamin D level ok.",
           "Foot drop R - FES trial referral.", "Cognition: struggling at work, OH referral discussed."],
    "stroke": ["L MCA infarct (April), R hemiparesis, expressive dysphasia.", "AF - on apixaban 5mg BD.",
               "mRS 3 at six months.", "Mood: PHQ-9 14, referred to stroke psychology.",
               "Advised not to drive, DVLA informed by patient.", "BP 142/88 - GP to review ramipril.",
               "R MCA infarct, L neglect persisting.", "Post-stroke shoulder pain, hemi-sling.",
               "Fatigue improving, walking to the corner shop with a stick."],
    "other": ["Seizure-free since June.", "Spasticity clinic follow-up in January.", "Chorea worse when anxious.",
              "Night-time positioning reviewed.", "Pain 6/10, on pregabalin 75mg BD.",
              "Behaviour changes - family finding it hard.", "Ptosis worse in evenings, pyridostigmine reviewed."],
}
FEED = ["PEG 15Fr, Nutrison Energy 1000ml at 100ml/hr overnight via Infinity pump.",
        "RIG in situ, Jevity Plus 500ml x2 bolus + flushes 50ml x4.",
        "Stoma site clean and dry, balloon water changed (4ml).",
        "Water flushes 250ml four times a day.", "Feed reduced to 750ml, weight stable at {w} kg."]
SLT_CLIN = ["IDDSI level 2 mildly thick fluids, level 5 minced & moist diet.", "Dysarthria - using a LightWriter.",
            "Communication passport updated.", "Swallow safer with chin tuck; family shown.",
            "Voice banking started.", "Word-finding therapy, naming 14/20.", "Silent aspiration suspected, VFS booked."]
EQUIP = ["profiling bed + dynamic mattress", "riser-recliner chair", "mobile hoist + 2 slings (M)", "commode",
         "perching stool", "bath board", "Sara Stedy", "shower chair", "raised toilet seat", "pressure cushion",
         "over-bed table", "bed lever", "walking frame (4-wheeled)", "grab rails x2", "ceiling track hoist sling"]
WHEEL = ["Powerchair Quickie Q500 M, tilt-in-space", "Attendant-propelled wheelchair (Action 3)",
         "Tilt-in-space chair (Rea Azalea)", "Self-propelled lightweight chair", "Jay 3 pressure cushion",
         "Buggy (Convaid Cruiser)", "Head support (Whitmyer)"]
CONT = ["TENA Flex Maxi x4/day", "SpeediCath catheters 120/month", "Conveen sheath + leg bags",
        "Pull-ups (Large) x3/day", "Bed pads washable x6", "Night drainage bags x10"]


# ---------------------------------------------------------------------------
# population
# ---------------------------------------------------------------------------
STREETS = ["Tanner Street", "Holly Bank Road", "Marsh Lane", "Kiln Row", "Victoria Terrace", "Granby Avenue",
           "Larkhill Close", "Pennine View", "Ashgrove", "Mount Pleasant", "Quarry Road", "Carlisle Street",
           "Lumb Lane", "Heaton Grove", "St Paul's Road", "Cornwall Terrace", "Mannville Walk", "Bolling Road",
           "Whetley Hill", "Sunbridge Road", "Oak Lane", "Thornton View", "Greaves Street", "Ryan Street",
           "Legrams Terrace", "Fagley Crescent", "Rosebery Road", "Wapping Road"]
FLATS = ["Sorrel Court", "Jubilee House", "Beech Tower", "Kestrel Court", "Millstream House"]
CARE_HOMES = [("Hollins Grange Nursing Home", "Hollins Lane, Brackenford BK8 2NW"),
              ("Meadowcroft Care Centre", "Meadowcroft Drive, Brackenford BK6 9LE")]
RELS_ADULT = ["son", "daughter", "husband", "wife", "nephew", "niece", "brother", "sister", "grandson",
              "granddaughter", "son-in-law", "daughter-in-law"]


def postcode(r):
    return f"BK{r.randrange(1, 13)} {r.randrange(1, 10)}{r.choice('ABDEFGHJLNPQRSTUWXY')}{r.choice('ABDEFGHJLNPQRSTUWXY')}"


def related_name(r, p, rel):
    """A relative's name in the person's naming culture."""
    c = p.culture
    male = rel in ("son", "husband", "nephew", "brother", "grandson", "son-in-law", "father")
    if c == "white_british":
        fn = r.choice(N["wb_m"] if male else N["wb_f"])
        sn = p.sn if rel in ("son", "daughter", "husband", "wife", "brother", "sister", "father", "mother") else r.choice(N["wb_s"])
    elif c == "sikh":
        fn = r.choice(N["sikh_m"] if male else N["sikh_f"])
        fam = p.sn if p.sn not in ("Singh", "Kaur") else ""
        sn = ("Singh" if male else "Kaur") + (f" {fam}" if fam else "")
    elif c == "muslim_sa":
        fn = r.choice(["Imran", "Asif", "Kamran", "Faisal", "Adnan", "Bilal"] if male else
                      ["Sobia", "Ayesha", "Nabila", "Hina", "Farzana", "Tahira"])
        sn = r.choice([p.sn if p.sn not in ("Begum", "Bibi", "Khatun") else "Hussain", "Iqbal", "Mahmood"]) if male else \
            r.choice(["Begum", "Bibi", "Akhtar", p.sn])
    elif c == "gujarati":
        fn = r.choice(["Sanjay", "Hitesh", "Ketan", "Rakesh"] if male else ["Hetal", "Mital", "Dipti", "Rupal"])
        sn = p.sn
    elif c == "chinese":
        fn = r.choice(["Kevin", "Michael", "Ka Wai", "Jason"] if male else ["Amy", "Cindy", "Wing Yan", "Joyce"])
        sn = p.sn if rel in ("son", "daughter", "brother", "sister") else r.choice(N["zh_s"])
    elif c == "vietnamese":
        fn = r.choice(["Quang", "Long", "Bao"] if male else ["Linh", "Trang", "Ngoc"])
        sn = p.sn if rel in ("son", "daughter") else r.choice([s for s, _ in N["vi_s"]])
    elif c in ("polish", "lithuanian"):
        fn = r.choice(["Marek", "Paweł", "Kamil"] if male else ["Karolina", "Monika", "Ewelina"])
        sn = p.sn
        for a, b in N["pl_s"]:
            if p.sn in (a, b):
                sn = a if male else b
        if c == "lithuanian":
            stem = p.sn.replace("ienė", "as").replace("aitė", "as")
            sn = stem if male else stem[:-2] + "ienė"
        sn = fold(sn) if r.random() < 0.3 else sn
    elif c == "irish":
        fn = r.choice(["Colm", "Niall", "Brendan"] if male else ["Aoife", "Orla", "Gráinne"])
        sn = r.choice(["Brennan-Ward", p.sn, "McGrath", "O'Neill"])
    elif c == "somali":
        fn = r.choice(["Mahad", "Liban", "Abdikarim"] if male else ["Deeqa", "Nimco", "Sagal"])
        sn = r.choice([p.fn if p.sex == "M" else p.mid, "Abdi", "Mohamud"])
    elif c == "nigerian":
        fn = r.choice(["Tobi", "Kunle", "Obinna", "Emeka"] if male else ["Yetunde", "Chioma", "Kemi", "Ifeoma"])
        sn = p.sn
    elif c == "caribbean":
        fn = r.choice(["Marcus", "Andre", "Tyrone", "Devon"] if male else ["Paulette", "Sonia", "Janice", "Nadine"])
        sn = r.choice([p.sn, p.sn, "Powell", "Edwards"])
    else:
        fn = r.choice(["Hawre", "Soran", "Dana"] if male else ["Lana", "Shno", "Rezan"])
        sn = p.sn
    return f"{fn} {sn}"


HIDE = ["under the green plant pot to the left of the back door", "in the meter box (needs a triangle key, one in the van)",
        "on a string inside the letterbox", "under the stone frog by the front step",
        "on the hook inside the coal shed", "behind the loose brick to the right of the back door",
        "under the doormat at the back", "in the blue bird box on the fence", "inside the gas meter cupboard",
        "under the wheelie bin by the side gate", "taped under the bench in the porch"]
OPEN = ["door is left on the latch for visits - let yourself in and shout hello",
        "back door unlocked during the day, go straight in", "front door left open for carers 8am-6pm, push hard, it sticks",
        "side door left unlocked when wife is at work - walk in", "door on the snib in the daytime, just go in",
        "family leave the porch door unlocked for deliveries, go through to the kitchen"]
CODE_WHERE = ["by the front door", "left of the porch", "behind the drainpipe", "on the back wall", "by the garage door",
              "under the kitchen window", "next to the side gate", "inside the porch (porch not locked)"]


NEIGH = [("Howard", "Gordon"), ("Janice", "Rushworth"), ("Abdul", "Ghafoor"), ("Pat", "Kenny"), ("Sonia", "Powell"),
         ("Ray", "Dobson"), ("Shazia", "Parveen"), ("Ken", "Illingworth"), ("Bharti", "Lakhani"), ("Tony", "Mellor"),
         ("Irene", "Scholes"), ("Kamal", "Hossain"), ("Viv", "Ambler"), ("Delia", "Hanson"), ("Wasim", "Akram Butt"),
         ("Joyce", "Pinder"), ("Lenny", "Rhodes"), ("Amrik", "Chana"), ("Maureen", "Tordoff"), ("Roman", "Horvath")]


def neighbour_name(r, taken):
    for _ in range(20):
        f, s_ = r.choice(NEIGH)
        if f"{f} {s_}" not in taken:
            return f"{f} {s_}"
    return f"{f} {s_}"


def build_people(g, n, today):
    r = g.r
    people = []
    cults = [c for c, w in CULTURES for _ in range(w)]
    conds = ["mnd"] * 10 + ["pd"] * 25 + ["ms"] * 22 + ["stroke"] * 33 + ["other"] * 14
    for i in range(n):
        cond = conds[i % len(conds)] if i < len(conds) else r.choice(conds)
        cul = r.choice(cults)
        sex = r.choice("MF")
        if cond == "mnd":
            age = r.randrange(42, 82)
        elif cond == "pd":
            age = r.randrange(52, 92)
        elif cond == "ms":
            age = r.randrange(24, 66)
        elif cond == "stroke":
            age = r.randrange(38, 96)
        else:
            age = r.choice([r.randrange(6, 17), r.randrange(18, 45), r.randrange(45, 80)])
        taken = {(q.fn, q.sn) for q in people}
        for _ in range(40):
            p = make_person(g, i, cul, sex, age, today)
            if (p.fn, p.sn) not in taken:
                break
            cul = r.choice(cults)
        p.cond = cond
        p.dx = COND[cond][0] or r.choice(OTHER_DX if age >= 18 else OTHER_DX[3:5])
        if age < 18:
            p.dx = r.choice(["Cerebral palsy (spastic quadriplegia)", "Duchenne muscular dystrophy",
                             "Acquired brain injury (RTC 2024)"])
        people.append(p)
    # the same name for different people (different dates of birth)
    pairs = [("sikh", "F", "Gurpreet", "Kaur", ""), ("sikh", "M", "Harjit", "Singh", ""),
             ("muslim_sa", "F", "Razia", "Begum", ""), ("white_british", "F", "Margaret", "Wilson", "")]
    k = 5
    for cul, sex, fn, sn, mid in pairs:
        for j in range(2):
            p = people[k]
            k += 7
            p.culture, p.sex, p.fn, p.sn, p.mid = cul, sex, fn, sn, mid
            p.variants = []
            p.known_as = ""
            p.family_first = False
            p.language = "Punjabi" if cul == "sikh" and p.age > 60 else ("Urdu" if cul == "muslim_sa" and p.age > 60 else "")
    # NHS numbers: about 15% have none anywhere in the share
    for p in people:
        p.nhs = "" if r.random() < 0.15 else g.nhs()
        p.phone = g.phone()
        p.pc = postcode(r)
        if r.random() < 0.2:
            p.addr = f"Flat {r.randrange(1, 40)}, {r.choice(FLATS)}, {r.choice(STREETS)}"
        else:
            p.addr = f"{r.randrange(1, 160)} {r.choice(STREETS)}"
        p.year_only = r.random() < 0.12
    # care homes and inpatients (not in their own home: no home access)
    for p in people:
        if p.age > 70 and r.random() < 0.12:
            p.home = "carehome"
            p.carehome = r.choice(CARE_HOMES)
            p.addr, p.pc = p.carehome[0], p.carehome[1].split("Brackenford ")[1]
    # households: couples / parent and adult child who are both service users
    adults = [p for p in people if p.home == "own" and p.age >= 30 and p.culture not in ("kurdish",)]
    r.shuffle(adults)
    hh = 0
    used = set()
    for a in adults:
        if hh >= max(3, n // 16):
            break
        if a.idx in used:
            continue
        for b in adults:
            if b.idx in used or b.idx == a.idx or b.culture != a.culture:
                continue
            if b.fn == a.fn and b.sn == a.sn:
                continue
            used |= {a.idx, b.idx}
            hh += 1
            b.addr, b.pc, b.phone = a.addr, a.pc, a.phone
            a.household = b.household = hh
            a.partner, b.partner = b, a
            # share a family name where the culture does
            if a.culture in ("white_british", "caribbean", "nigerian", "gujarati", "polish", "irish", "chinese", "vietnamese"):
                if a.culture == "polish":
                    base = [x for x in N["pl_s"] if a.sn in x]
                    if base:
                        b.sn = base[0][0] if b.sex == "M" else base[0][1]
                elif a.culture == "irish":
                    if "'" in a.sn or a.sn.startswith("Mc"):
                        b.sn = a.sn
                elif not any(q.fn == b.fn and q.sn == a.sn for q in people):
                    b.sn = a.sn
                b.variants = [(fold(b.fn), fold(b.sn))] if fold(b.fn + b.sn) != b.fn + b.sn else \
                    ([v for v in b.variants if v[1] != b.sn and v[1] == fold(b.sn)] or b.variants)
            break
    for p in people:
        if not hasattr(p, "partner"):
            p.partner = None
    # staff
    for p in people:
        p.consultant = STAFF[COND[p.cond][2]]
        p.nurse = STAFF[r.choice(COND[p.cond][3])]
        p.therapist = STAFF[r.choice(["whitlam", "ikhan", "gallagher", "ppatel"])]
        p.slt_staff = STAFF[r.choice(["dhillon", "thornber"])]
        p.diet = STAFF[r.choice(["nowak", "nowak", "sempers"])]
        p.gp = STAFF[r.choice(list(GP_PRACTICE))]
        s = {"rehab"} if (p.cond in ("stroke", "other") or r.random() < 0.4) else set()
        pr = {"mnd": (0.9, 0.6, 0.7, 0.9, 0.2), "pd": (0.3, 0.08, 0.2, 0.5, 0.3),
              "ms": (0.1, 0.05, 0.45, 0.4, 0.4), "stroke": (0.4, 0.15, 0.25, 0.6, 0.25),
              "other": (0.3, 0.2, 0.7, 0.5, 0.3)}[p.cond]
        for name, pb in zip(("slt", "enteral", "wheelchair", "equipment", "continence"), pr):
            if r.random() < pb:
                s.add(name)
        if p.age < 18:
            s |= {"wheelchair", "rehab"}
        if r.random() < 0.22 and p.age >= 18:
            s.add("carers")
        if p.culture in ("sikh", "muslim_sa", "gujarati", "caribbean", "nigerian", "white_british", "somali") \
                and p.age > 50 and r.random() < 0.25 and p.home == "own":
            s.add("faith")
        p.services = s
    # relatives
    pnames = {q.fs() for q in people}
    for p in people:
        if p.age < 18:
            for rel in ("mother", "father"):
                nm_ = related_name(r, p, "daughter" if rel == "mother" else "son")
                nm_ = nm_.split(" ", 1)[0] + " " + (p.sn if p.culture not in ("sikh", "somali") else nm_.split(" ", 1)[1])
                p.related.append({"name": nm_, "rel": rel, "phone": g.phone()})
            continue
        nrel = r.choice([1, 1, 2, 2, 3])
        for _ in range(nrel):
            rel = r.choice([x for x in RELS_ADULT if p.age > 62 or not x.startswith("grand")] if p.age > 45
                           else ["husband", "wife", "brother", "sister", "mother", "father"])
            if rel in ("husband", "wife"):
                if p.partner is not None:
                    continue
                rel = "husband" if p.sex == "F" else "wife"
            if any(x["rel"] == rel and rel in ("husband", "wife") for x in p.related):
                continue
            for _ in range(10):
                nm_ = related_name(r, p, rel)
                if nm_.split(" ")[0] != p.fn and nm_ not in pnames and nm_ not in [x["name"] for x in p.related]:
                    break
            p.related.append({"name": nm_, "rel": rel, "phone": g.phone()})
        if p.language and p.related and r.random() < 0.7:
            p.related[0]["interprets"] = True
    # planned home access, one plan per home
    homes = {}
    for p in people:
        if p.home != "own":
            continue
        key = p.household or f"p{p.idx}"
        homes.setdefault(key, []).append(p)
    for key, members in homes.items():
        p = members[0]
        if r.random() > 0.5:
            continue
        roll = r.random()
        if roll < 0.42:
            kinds = ["code"]
        elif roll < 0.55:
            kinds = ["hidden_key"]
        elif roll < 0.72:
            kinds = ["key_holder"]
        elif roll < 0.82:
            kinds = ["left_open"]
        elif roll < 0.94:
            kinds = ["code", "key_holder"]
        else:
            kinds = ["hidden_key", "key_holder"]
        plan = {}
        for kd in kinds:
            if kd == "code":
                plan["code"] = (g.code(), r.choice(CODE_WHERE))
            elif kd == "hidden_key":
                plan["hidden_key"] = r.choice(HIDE)
            elif kd == "left_open":
                plan["left_open"] = r.choice(OPEN)
            else:
                who = r.random()
                if who < 0.5 and any(x["rel"] not in ("mother", "father") for x in p.related):
                    h = r.choice([x for x in p.related])
                elif who < 0.85:
                    h = {"name": neighbour_name(r, pnames), "rel": f"neighbour at no. {r.randrange(1, 90)}",
                         "phone": g.phone()}
                    p.related.append(h)
                elif p.culture in ("caribbean", "nigerian", "polish", "irish", "lithuanian"):
                    h = {"name": {"caribbean": "Marlene Whyte", "nigerian": "Emmanuel Adeyinka"}.get(
                        p.culture, "Tomasz Nowicki"), "phone": g.phone()}
                    h["rel"] = {"caribbean": "pastor at Mount Zion Church of God",
                                "nigerian": "pastor at Covenant Life Assembly"}.get(p.culture, "parish priest, Our Lady of Czestochowa")
                    p.related.append(h)
                else:
                    h = {"name": related_name(r, p, r.choice(["brother", "sister", "son", "daughter"])),
                         "rel": r.choice(["nephew", "niece", "cousin"]), "phone": g.phone()}
                    p.related.append(h)
                plan["key_holder"] = h
        for m in members:
            m.access = plan
    return people


# ---------------------------------------------------------------------------
# file formats
# ---------------------------------------------------------------------------
def pdf_bytes(lines, title="Letter"):
    """A PDF with a real text layer (Helvetica, WinAnsi), written by hand."""
    def esc(t):
        t = t.encode("cp1252", errors="replace").decode("cp1252")
        return t.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    out_lines = []
    for ln in lines:
        ln = "".join(c if c.encode("cp1252", errors="ignore") else fold(c) for c in ln)
        while len(ln) > 95:
            cut = ln.rfind(" ", 0, 95)
            cut = cut if cut > 20 else 95
            out_lines.append(ln[:cut])
            ln = ln[cut:].lstrip()
        out_lines.append(ln)
    pages = [out_lines[i:i + 60] for i in range(0, len(out_lines), 60)] or [[""]]
    objs = []
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages)))
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for i, pg in enumerate(pages):
        body = ["BT", "/F1 10 Tf", "12 TL", "56 790 Td"]
        for ln in pg:
            body.append(f"({esc(ln)}) Tj T*")
        body.append("ET")
        stream = "\n".join(body).encode("cp1252", errors="replace")
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                    f"/Contents {5 + 2 * i} 0 R >>".encode())
        objs.append(b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream")
    buf = io.BytesIO()
    buf.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offs = []
    for i, o in enumerate(objs):
        offs.append(buf.tell())
        buf.write(f"{i + 1} 0 obj\n".encode() + o + b"\nendobj\n")
    x = buf.tell()
    buf.write(f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode())
    for o in offs:
        buf.write(f"{o:010d} 00000 n \n".encode())
    buf.write(f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R /Info << /Title ({esc(title)}) >> >>\nstartxref\n{x}\n%%EOF\n".encode())
    return buf.getvalue()


def rtf_bytes(paras):
    def esc(t):
        o = []
        for c in t:
            if c in "\\{}":
                o.append("\\" + c)
            elif ord(c) < 128:
                o.append(c)
            else:
                try:
                    b = c.encode("cp1252")
                    o.append("\\'%02x" % b[0])
                except UnicodeEncodeError:
                    o.append("\\u%d?" % ord(c))
        return "".join(o)
    s = ["{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\\viewkind4\\uc1\\pard\\f0\\fs22 "]
    for p in paras:
        if p == "":
            s.append("\\par\n")
        elif p.startswith("**"):
            s.append("{\\b " + esc(p[2:]) + "}\\par\n")
        else:
            s.append(esc(p) + "\\par\n")
    s.append("}")
    return "".join(s).encode("ascii")


def docx_bytes(paras, header="", footer="", tables=()):
    d = docx.Document()
    sec = d.sections[0]
    if header:
        sec.header.paragraphs[0].text = header
    if footer:
        sec.footer.paragraphs[0].text = footer
    ti = 0
    for p in paras:
        if p == "@TABLE" and ti < len(tables):
            rows = tables[ti]
            ti += 1
            t = d.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = "Table Grid"
            for i, row in enumerate(rows):
                for j, v in enumerate(row):
                    t.cell(i, j).text = str(v)
        elif p.startswith("**"):
            d.add_paragraph().add_run(p[2:]).bold = True
        else:
            d.add_paragraph(p)
    b = io.BytesIO()
    d.save(b)
    return b.getvalue()


def xlsx_bytes(sheets):
    """sheets: list of (title, rows)"""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets:
        ws = wb.create_sheet(title[:31])
        for row in rows:
            ws.append(list(row))
    b = io.BytesIO()
    wb.save(b)
    return b.getvalue()


def csv_text(rows, delim=","):
    b = io.StringIO()
    w = csv.writer(b, delimiter=delim, lineterminator="\r\n")
    for row in rows:
        w.writerow(row)
    return b.getvalue()


# ---------------------------------------------------------------------------
# the share
# ---------------------------------------------------------------------------
def chunks(lst, k):
    k = max(1, k)
    size = (len(lst) + k - 1) // k
    return [lst[i:i + size] for i in range(0, len(lst), size)] if lst else []


class Share:
    def __init__(self, root, g, people, today):
        self.root, self.g, self.r, self.people, self.today = root, g, g.r, people, today
        self.files = []
        self.ident = set()
        self.acc_w = {}
        self.related_named = set()
        self.staff_named = set()
        self.kinds_by_file = {}

    # ---- bookkeeping -----------------------------------------------------
    def write(self, rel, data):
        path = os.path.join(self.root, rel)
        k = 2
        while os.path.exists(path):
            base, ext = os.path.splitext(os.path.join(self.root, rel))
            path = f"{base} ({k}){ext}"
            k += 1
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if isinstance(data, str):
            data = data.encode("utf-8")
        with open(path, "wb") as f:
            f.write(data)
        self.files.append(rel)

    def mark(self, p):
        self.ident.add(p.idx)

    def relname(self, h):
        self.related_named.add(h["name"])
        return h["name"]

    def day(self, k=None):
        base = dt.date(2026, 10, 5)
        return base + dt.timedelta(days=self.r.randrange(0, 52) if k is None else k)

    # ---- names and dates -------------------------------------------------
    def name(self, p, full=True, variant=0.12):
        """Return (text, canonical_full)."""
        r = self.r
        x = r.random()
        if p.variants and x < variant:
            vf, vs = r.choice(p.variants)
            return r.choice([f"{vf} {vs}", f"{vs.upper()}, {vf}", f"{vs}, {vf}"]), False
        if p.known_as and x < variant + 0.08:
            if p.family_first:
                return f"{p.known_as} {p.sn}", False
            return f"{p.fs()} (known as {p.known_as})", True
        shapes = [p.fs, p.fms, p.SF, p.Sf, p.Sfm, p.Sfmfull, p.tfs, p.FS]
        if p.family_first:
            shapes += [p.native, p.native, p.native]
        if not full:
            shapes += [p.tsn, p.tinit, p.tsn]
        f = r.choice(shapes)
        return f(), f not in (p.tsn, p.tinit)

    def dob(self, p, allow_year=True):
        """Return (text, full)."""
        if allow_year and p.year_only and self.r.random() < 0.35:
            return self.r.choice([f"b. {p.dob.year}", f"born {p.dob.year}", f"aged {p.age}", f"YOB {p.dob.year}"]), False
        return p.dob_any(self.r), True

    def ident_line(self, p, style=None, nhs_p=0.7, dob_p=1.0, full=True):
        """A patient heading as a worker writes it. Marks coverage."""
        r = self.r
        nm, canon = self.name(p, full=full)
        parts = [nm]
        full_id = False
        if r.random() < dob_p:
            dtext, dfull = self.dob(p)
            lab = r.choice(["DOB", "D.O.B.", "dob", "Born", "DoB", ""])
            parts.append(f"({dtext})" if not lab else f"{lab} {dtext}" if lab != "Born" or dfull else dtext)
            full_id |= dfull
        if p.nhs and r.random() < nhs_p:
            parts.append(r.choice(["NHS", "NHS No", "NHS no.", "NHS#"]) + " " + nhs_fmt(p.nhs, r.randrange(3)))
            full_id = True
        if canon and full_id:
            self.mark(p)
        sep = r.choice(["  ", " - ", ", ", "   "])
        return sep.join(parts)

    # ---- relatives -------------------------------------------------------
    def rel_mention(self, p):
        r = self.r
        if not p.related:
            if p.language:
                who = STAFF["tran"] if p.culture == "vietnamese" else STAFF["warsame"] if p.culture == "somali" else None
                if who:
                    self.staff_named.add(who.key)
                    return f"Interpreter {who.fs()} ({p.language}) via Language Line, in person."
                return f"Telephone interpreter used ({p.language})."
            return ""
        h = r.choice([x for x in p.related if x["rel"] not in ("faith leader",) and not x["rel"].startswith("pastor")
                      and not x["rel"].startswith("parish")] or p.related)
        n = self.relname(h)
        rel = h["rel"]
        if h.get("interprets"):
            return r.choice([f"{rel.capitalize()} {n} interpreted ({p.language}).",
                             f"{n} ({rel}) present and translated - declined professional interpreter.",
                             f"Used {rel} {n} to interpret, {p.language}."])
        if rel.startswith("neighbour"):
            return f"{n} ({rel}) popped round during the visit."
        return r.choice([f"{rel.capitalize()} {n} present.", f"Spoke to {rel} {n} on {h['phone']}.",
                         f"{n} ({rel}) present throughout.", f"{rel.capitalize()} ({n}) raised concerns about nights.",
                         f"Carer is {rel} {n}, {h['phone']}."])

    # ---- home access -----------------------------------------------------
    def acc(self, p, ctx="note", only=None):
        plan = p.access
        if not plan:
            return ""
        r = self.r
        parts = []
        kinds = [k for k in ("code", "hidden_key", "key_holder", "left_open") if k in plan and (only is None or k in only)]
        for k in kinds:
            if k == "code":
                c, w = plan["code"]
                if ctx == "col":
                    t = r.choice(["{c}", "KS {c}", "Key safe {w} {c}", "keysafe - {c}", "Yes - {c} ({w})", "KS {w}: {c}"])
                elif ctx == "formal":
                    t = r.choice(["our driver may use the key safe {w} (code {c})", "the key is in the key safe {w}, code {c}"])
                else:
                    t = r.choice(["Key safe {w}, code {c}.", "Access: key safe {w} - {c}.", "KS {c} ({w}).",
                                  "Let self in via key safe {w}, code {c}.", "Key box {w}, code is {c}, scramble after use.",
                                  "Lockbox {c} - press CLEAR first, then the code, pull the lever down.",
                                  "Key safe number's {cs}.", "Supra key safe {w}, combination {c}.",
                                  "KEY SAFE {c}.", "Access via keysafe ({w}) code {c}."])
                parts.append(t.format(c=c, w=w, cs=" ".join(c)))
            elif k == "hidden_key":
                h = plan["hidden_key"]
                if ctx == "col":
                    t = r.choice(["key {h}", "Spare key {h}", "no KS - key {h}"])
                elif ctx == "formal":
                    t = "the spare key is kept {h}"
                else:
                    t = r.choice(["Spare key {h}.", "Key kept {h}.", "No key safe - key is {h}.",
                                  "If no answer the key is {h}.", "Let yourself in, key {h}."])
                parts.append(t.format(h=h))
            elif k == "key_holder":
                h = plan["key_holder"]
                n = self.relname(h)
                rel = h["rel"]
                if rel.startswith("neighbour") and ctx == "formal":
                    t = f"your neighbour {n} at number {rel.split('no. ')[1]} holds a spare key"
                elif rel.startswith("neighbour"):
                    no = rel.split("no. ")[1]
                    t = r.choice([f"Neighbour {n} (no. {no}) has a spare key.", f"Key holder: {n}, neighbour at {no}, {h['phone']}",
                                  f"If no answer, neighbour {n} at number {no} holds a key."])
                elif ctx == "col":
                    t = r.choice([f"{n} ({rel}) {h['phone']}", f"Key holder {n}, {rel}", f"keys with {rel} {n}"])
                elif ctx == "formal":
                    t = f"{n} ({rel}) holds a spare key and can let our driver in"
                else:
                    t = r.choice([f"Key holder: {n} ({rel}) {h['phone']}.", f"{n} ({rel}) has a spare key, {h['phone']}.",
                                  f"Keys held by {n}, {rel}.", f"If no answer, {n} ({rel}) holds a key - {h['phone']}."])
                parts.append(t)
            else:
                o = plan["left_open"]
                parts.append(o if ctx in ("col", "formal") else o[0].upper() + o[1:] + ".")
        members = [q for q in self.people if q.access is plan]
        for q in members:
            w = self.acc_w.setdefault(q.idx, {"kinds": set()})
            for k in kinds:
                w["kinds"].add(k)
        if ctx == "formal":
            return " and ".join(parts)
        return " ".join(parts) if ctx != "col" else "; ".join(parts)

    # ---- near misses -----------------------------------------------------
    def near(self, world=None):
        r = self.r
        c = self.g.code()
        pool = {
            "bices": [f"Depot key safe (Unit 4, Canal Wharf) is now {c} - night returns only.",
                      f"Van 12 immobiliser code {c}, do not leave it in the cab.",
                      f"Order ref BICES-{r.randrange(500000, 599999)}, collection job no. {r.randrange(80000, 99999)}.",
                      "Yard gate code changed Monday - ask Craig, not on the sheet.",
                      f"Van 3 keys in the depot key box, code {c}."],
            "med": [f"Medivia depot door code {c}# (Wakefield Road unit).",
                    "Infinity pump lock mode set - PIN with Medivia nurse advisor only.",
                    f"Order MHN-{r.randrange(400000, 499999)}; batch 22K{r.randrange(100, 999)} not affected by recall.",
                    "Pump fault code E23 (occlusion) - swapped pump, old one returned."],
            "clinic": [f"Neuro OPD staff door code C{c} from Monday.", "Clinic room 4 key is in the reception key safe.",
                       f"SLT office key safe {c} - pool car 6 keys inside.", "Key worker for this family is the social worker.",
                       "Key points from clinic: see below.", "Read code F152. ICD-10 G35."],
            "faith": [f"Masjid al-Noor hall code {c} for the Saturday lunch club.",
                      "Key holders for the gurdwara langar hall: Bhupinder and Gurmeet - ring before 7am.",
                      f"St Aidan's church hall key safe at the side door, code {c}.",
                      "Mandir kitchen keys are with the committee secretary.",
                      "Volunteer locker key left with Revd Jonathan."],
            "hub": [f"Carers' Hub key safe (side entrance) {c} for Saturday volunteers.",
                    "Hub alarm code is with Ruth - do not write it on the rota.", "Key worker: Shabnam (Hub)."],
            "home": ["Key safe fitting booked with Careline for 18/11 - code not known yet.",
                     "Key safe removed when the family moved her downstairs; daughter lets us in.",
                     "Key safe code is with the admin team, ring the office.",
                     "Police forced entry on 31/10 when no answer (found on floor) - door since repaired.",
                     "Locksmith changed the locks after the burglary; no spare key yet, ring before visiting.",
                     "Reminded to lock the door and use the chain after we leave.",
                     "Worried about cold callers - referred to Trading Standards.",
                     "Code status: not for CPR (ReSPECT completed).",
                     "Gave bank card and PIN to a volunteer for shopping - advised against, son now does it."],
            "carehome": [f"Hollins Grange front door code {c}# (ask for it at reception next time).",
                         f"Meadowcroft: visitors' door keypad {c} then sign in."],
        }
        if world is None:
            world = r.choice(list(pool))
        return r.choice(pool[world])

    def clin(self, p, k=2):
        r = self.r
        pool = list(CLIN[p.cond])
        out = r.sample(pool, min(k, len(pool)))
        return " ".join(x.format(a=r.randrange(18, 40), b=r.randrange(30, 44), w=round(r.uniform(42, 88), 1),
                                 e=r.choice(["4.0", "5.5", "6.0", "6.5", "7.0"])) for x in out)

    def staff(self, key):
        self.staff_named.add(key)
        return STAFF[key]

    # =====================================================================
    # NOTES
    # =====================================================================
    def notes_slt(self, n_files):
        r = self.r
        pts = [p for p in self.people if "slt" in p.services]
        for i, grp in enumerate(chunks(pts, n_files)):
            st = self.staff(["thornber", "dhillon"][i % 2])
            d = self.day()
            L = [f"SLT community visits - {d.strftime('%A')} {d_long(d)} - {st.fs()} (SLT)",
                 self.near("clinic") if i % 2 == 0 else "", "=" * 60]
            t = 9 * 60
            for p in grp:
                L.append(f"{t // 60:02d}:{t % 60:02d}  {self.ident_line(p)}")
                if p.home == "carehome":
                    L.append(f"       Seen at {p.carehome[0]}. " + (self.near("carehome") if r.random() < 0.4 else ""))
                else:
                    L.append(f"       {p.addr}, {p.pc}")
                L.append("       " + " ".join(r.sample(SLT_CLIN, 2)) + " " + self.clin(p, 1))
                rm = self.rel_mention(p)
                if rm:
                    L.append("       " + rm)
                if p.access and r.random() < 0.45:
                    L.append("       " + self.acc(p))
                if r.random() < 0.25:
                    a = self.staff("lowther")
                    L.append(f"       Joint visit with {a.fs()} (SLT assistant) who will do the follow-up practice sessions.")
                L.append(f"       Plan: review {r.choice(['2/52', '4/52', '6/52', 'after VFS'])}. {st.init()}")
                L.append("-" * 60)
                t += r.choice([60, 75, 90])
            self.write(f"Notes/SLT/SLT_visits_{d_iso(d)}_{st.sn.replace(' ', '')}.txt", "\n".join(L) + "\n")

    def notes_rehab(self, n_files):
        r = self.r
        pts = [p for p in self.people if "rehab" in p.services]
        r.shuffle(pts)
        for i, grp in enumerate(chunks(pts, n_files)):
            st = self.staff(["whitlam", "ikhan", "gallagher", "ppatel", "whitlam"][i % 5])
            ra = self.staff(r.choice(["ashdown", "fearon"]))
            wk = 40 + i
            L = [f"Community Neuro-Rehab Team - home visit notes - week {wk}", f"Clinician: {st.fs()}, {st.role}", ""]
            for p in grp:
                d = self.day()
                style = r.random()
                if style < 0.5:
                    nm, canon = self.name(p)
                    dtext, dfull = self.dob(p)
                    L.append(f"PATIENT: {nm}    DOB: {dtext}    " + (f"NHS: {nhs_fmt(p.nhs)}" if p.nhs and r.random() < 0.6 else ""))
                    if canon and (dfull or p.nhs):
                        self.mark(p)
                    L.append(f"Date of visit: {d_slash(d)}   Location: " + ("home" if p.home == "own" else p.addr))
                else:
                    L.append(f"{d_slash(d)} - home visit - {self.ident_line(p, nhs_p=0.3)}")
                L.append(f"S: {r.choice(['Reports', 'Says', 'Feels'])} {r.choice(['more tired this week', 'walking a bit further', 'stairs harder', 'fell on Sunday, no injury', 'shoulder painful at night'])}. " + self.rel_mention(p))
                L.append(f"O: {self.clin(p, 1)} {r.choice(['TUG 24s.', 'Berg 38/56.', 'Transfers with 1 + frame.', '10m walk 19s with stick.', 'Sitting balance fair.'])}")
                L.append(f"A: {r.choice(['Steady progress.', 'Deteriorating mobility.', 'High falls risk.', 'Plateaued.'])}")
                plan = f"P: {r.choice(['Continue HEP.', 'Refer to wheelchair service.', 'Order equipment via BICES.', 'Review in 2/52.'])}"
                if r.random() < 0.35:
                    plan += f" {ra.fs()} to visit Thursday for practice."
                L.append(plan)
                if p.access and r.random() < 0.4:
                    L.append("Access: " + self.acc(p))
                elif r.random() < 0.15:
                    L.append(self.near("home"))
                L.append(f"{st.fs()} ({st.role.split(' (')[0]})")
                L.append("")
            self.write(f"Notes/Neuro rehab/rehab_visits_wk{wk}_{st.sn.lower()}.txt", "\n".join(L))

    def notes_nurses(self):
        r = self.r
        plan = [("mnd", "kowalski", "MND"), ("pd", "skaur", "PD"), ("pd", "mahmood", "PD"), ("ms", "pryce", "MS"),
                ("stroke", "campbell", "Stroke6m"), ("stroke", "campbell", "Stroke6m")]
        strokes = [p for p in self.people if p.cond == "stroke"]
        half = (len(strokes) + 1) // 2
        for j, (cond, key, lab) in enumerate(plan):
            st = self.staff(key)
            if cond == "stroke":
                pts = strokes[:half] if j == 4 else strokes[half:]
            else:
                pts = [p for p in self.people if p.cond == cond and p.nurse.key == key]
            L = [f"{st.fs()} - {st.role} - visit notes (copied from the laptop, {MONTHS[10 if j % 2 else 9]} 2026)", ""]
            for p in pts:
                d = self.day()
                nm, canon = self.name(p)
                if r.random() < 0.5:
                    dtext, dfull = self.dob(p)
                    first = (f"{d_slash(d)} Visited {nm} ({dtext}) at " + ("home" if p.home == "own" else p.addr) + ". ")
                    if canon and dfull:
                        self.mark(p)
                else:
                    first = f"{d.strftime('%d/%m')} {nm}, {p.addr}. "
                    if p.nhs and r.random() < 0.5:
                        first += f"NHS {nhs_fmt(p.nhs, 1)}. "
                        if canon:
                            self.mark(p)
                body = first + self.clin(p, r.randrange(2, 4)) + " " + self.rel_mention(p)
                if "enteral" in p.services:
                    body += " " + r.choice(FEED).format(w=round(r.uniform(45, 80), 1))
                if cond == "stroke":
                    body = f"6-month review. " + body + f" mRS {r.randrange(1, 5)}."
                if p.access and r.random() < 0.5:
                    body += " " + self.acc(p)
                elif r.random() < 0.2:
                    body += " " + self.near("home")
                if r.random() < 0.3:
                    o = self.staff(r.choice(["ikhan", "gallagher", "nowak", "doyle", "greaves"]))
                    body += f" Referred to {o.fs()} ({o.role.split(' (')[0]})."
                L.append(body)
                L.append(f"  -- {st.init()}")
                L.append("")
            self.write(f"Notes/Specialist nurses/{lab}_{st.sn.replace(' ', '')}_visits.txt", "\n".join(L))

    def notes_runs(self):
        r = self.r
        eq = [p for p in self.people if "equipment" in p.services and p.home == "own"]
        r.shuffle(eq)
        for i, grp in enumerate(chunks(eq, 3)):
            d = self.day(10 + i * 9)
            drv, tech = self.staff(["butterfield", "rourke", "butterfield"][i]), self.staff("bains")
            van = [7, 3, 12][i]
            L = [f"BICES DELIVERY / COLLECTION RUN   Van {van}   {d.strftime('%a')} {d_slash(d)}",
                 f"Driver: {drv.fs()}    Tech: {tech.fs()}    Planner: {self.staff('hollins').fs()}",
                 self.near("bices"), ""]
            for s, p in enumerate(grp, 1):
                job = r.choice(["DELIVER", "DELIVER", "COLLECT", "REPAIR", "DELIVER + COLLECT"])
                nm = r.choice([p.SF(), p.FS(), p.fs(), p.native() if p.family_first else p.tfs()])
                L.append(f"Stop {s}  {r.choice(['08:00-10:00', '10:00-12:00', '12:00-14:00', '14:00-16:00', 'AM', 'PM'])}  {job}  Order {r.randrange(550000, 599999)}")
                L.append(f"  Client: {nm}    {p.addr}, {p.pc}    Tel {p.phone}")
                L.append(f"  Items: {'; '.join(r.sample(EQUIP, r.randrange(1, 4)))}")
                if p.access and r.random() < 0.85:
                    L.append(f"  Access: {self.acc(p, 'col')}")
                elif p.related and r.random() < 0.5:
                    h = r.choice(p.related)
                    L.append(f"  Contact {h['rel']} {self.relname(h)} {h['phone']} 30 mins before")
                if r.random() < 0.3:
                    L.append(f"  Note: {r.choice(['2 person lift', 'narrow stairs', 'dog - keep in kitchen', 'park at rear', 'bungalow, ramp at side'])}")
                L.append("")
            L.append(f"Returns to depot by 16:30. Signed off: {drv.init()}")
            self.write(f"Runs/BICES/run_van{van}_{d_iso(d)}.txt", "\n".join(L))
        # feed deliveries
        fe = [p for p in self.people if "enteral" in p.services]
        for i, grp in enumerate(chunks(fe, 2)):
            d = self.day(20 + i * 14)
            drv = self.staff(["asante", "zielinski"][i % 2])
            L = [f"Medivia Home Nutrition - Brackenford round {chr(65 + i)} - {d_long(d)}", f"Driver {drv.fs()}",
                 self.near("med"), "", "No. | Patient | Address | Delivery | Access / notes"]
            for s, p in enumerate(grp, 1):
                nm = r.choice([p.tfs(), p.SF(), p.fs()])
                items = r.choice(["Nutrison Energy 1000ml x28, giving sets x28", "Jevity Plus 500ml x56, syringes 60ml x30",
                                  "Peptamen 500ml x28, extension sets x4", "Infinity pump (swap), stand"])
                a = self.acc(p, "col") if (p.access and r.random() < 0.8) else ("ring on arrival" if r.random() < 0.5 else "")
                L.append(f"{s} | {nm} | {p.addr}, {p.pc} | {items} | {a}")
            self.write(f"Runs/Medivia/round_{chr(65 + i)}_{d_iso(d)}.txt", "\n".join(L) + "\n")
        co = [p for p in self.people if "continence" in p.services and p.home == "own"]
        d = self.day(33)
        drv = self.staff("parris")
        L = [f"ContiCare Direct - home deliveries - Brackenford West - {d_mon(d)}", f"Driver: {drv.fs()}", ""]
        for p in co:
            L.append(f"* {p.tinit()}  {p.addr} {p.pc}  - {r.choice(CONT)}")
            if p.access and r.random() < 0.6:
                L.append(f"    if out: {self.acc(p)}")
            elif r.random() < 0.3:
                L.append("    leave with neighbour if no answer (parcel only)")
        L.append("")
        L.append("Van 2 fuel card PIN is in the office, not on this sheet.")
        self.write(f"Runs/ContiCare/deliveries_{d_iso(d)}.txt", "\n".join(L) + "\n")

    def notes_engineers(self):
        r = self.r
        wp = [p for p in self.people if "wheelchair" in p.services]
        for i, grp in enumerate(chunks(wp, 2)):
            eng = self.staff(["mbeki", "kaczmarek"][i])
            L = [f"WHEELCHAIR & POSTURE SERVICE - ENGINEER JOB SHEETS - {eng.fs()}", ""]
            for p in grp:
                d = self.day()
                L.append(f"Job {r.randrange(30000, 39999)}   {d_slash(d)}   {r.choice(['Repair', 'Service', 'Handover', 'Collection', 'Cushion check'])}")
                L.append(f"User: {self.ident_line(p, nhs_p=0.2)}")
                L.append(f"Address: {p.addr}, {p.pc}   Tel: {p.phone}")
                L.append(f"Equipment: {r.choice(WHEEL)}  serial {r.choice('ABCDEFGH')}{r.randrange(100000, 999999)}")
                L.append(f"Work done: {r.choice(['replaced armrest pad', 'new batteries fitted', 'joystick recalibrated - joystick lock code reset to default', 'tyres inflated, brakes adjusted', 'headrest re-set'])}")
                if p.age < 18 and p.related:
                    L.append(f"Parent present: {self.relname(p.related[0])} ({p.related[0]['rel']})")
                if p.access and r.random() < 0.5:
                    L.append(f"Access: {self.acc(p)}")
                L.append(f"Engineer: {eng.init()}   Time on site {r.randrange(20, 90)} min")
                L.append("")
            self.write(f"Wheelchair service/job_sheets_{eng.sn.lower()}.txt", "\n".join(L))

    def notes_mdt(self, n_files):
        r = self.r
        pts = r.sample(self.people, min(len(self.people), 12 * n_files))
        for i, grp in enumerate(chunks(pts, n_files)):
            d = dt.date(2026, 10, 7) + dt.timedelta(days=14 * i)
            pres = [self.staff(k) for k in r.sample(["fenwick", "obi", "sahota", "brennan", "kowalski", "skaur", "mahmood",
                                                     "pryce", "campbell", "whitlam", "ikhan", "gallagher", "dhillon",
                                                     "nowak", "greaves", "doyle", "tetley"], 9)]
            L = [f"# Community Neuro & LTC MDT - {d_long(d)}", "",
                 "Present: " + ", ".join(f"{s.fs()} ({s.role.split(' (')[0].split(',')[0]})" for s in pres),
                 f"Apologies: {self.staff('haigh').fs()} (minutes by {self.staff('tetley').fs()})", "",
                 "Key points from last meeting: actions carried forward (see below).", ""]
            for k, p in enumerate(grp, 1):
                nm, canon = self.name(p, variant=0.05)
                dtext, dfull = self.dob(p, allow_year=False)
                hd = f"## {k}. {nm} ({dtext})" + (f" NHS {nhs_fmt(p.nhs)}" if p.nhs and r.random() < 0.5 else "")
                if canon:
                    self.mark(p)
                L.append(hd)
                L.append(f"{p.dx}. {self.clin(p, 2)} {self.rel_mention(p)}")
                if p.access and r.random() < 0.2:
                    L.append(f"Lone working: {self.acc(p)}")
                who = r.choice(pres)
                L.append(f"Action: {who.fs()} to {r.choice(['review', 'refer to hospice', 'chase wheelchair', 'write to GP', 'arrange joint visit'])}.")
                L.append("")
            self.write(f"MDT/MDT_minutes_{d_iso(d)}.md", "\n".join(L))

    def notes_handover(self, n_files):
        r = self.r
        for i in range(n_files):
            d = dt.date(2026, 10, 30) + dt.timedelta(days=7 * i)
            on = [self.staff(k) for k in r.sample(["kowalski", "skaur", "pryce", "campbell", "mahmood", "doyle"], 2)]
            pts = r.sample(self.people, 8)
            L = [f"WEEKEND HANDOVER  Fri {d_slash(d)}", f"On call: {on[0].fs()} (Sat), {on[1].fs()} (Sun)", ""]
            for p in pts:
                nm, _ = self.name(p, full=False)
                line = f"- {nm}: {self.clin(p, 1)}"
                if r.random() < 0.4:
                    line += " " + self.rel_mention(p)
                if p.access and r.random() < 0.5:
                    line += " Access - " + self.acc(p)
                L.append(line)
            L.append("")
            L.append(self.near("clinic"))
            self.write(f"Handover/weekend_handover_{d_iso(d)}.txt", "\r\n".join(L) + "\r\n")

    def notes_chat(self, n_files):
        r = self.r
        for i in range(n_files):
            who = [self.staff(k) for k in (["kowalski", "nowak", "rudd", "brennan"] if i == 0 else ["pryce", "skaur", "campbell", "haigh"])]
            L = [f"Chat export - {'MND & nutrition' if i == 0 else 'Neuro CNS team'} - exported 30/11/2026", ""]
            pts = r.sample(self.people, 7)
            d = dt.datetime(2026, 11, 2, 8, 10)
            for p in pts:
                for _ in range(r.randrange(2, 4)):
                    d += dt.timedelta(minutes=r.randrange(3, 75))
                    s = r.choice(who)
                    nm, _ = self.name(p, full=False)
                    msg = r.choice([f"anyone seen {nm} this week?", f"{nm} - {self.clin(p, 1)}",
                                    f"{nm} daughter rang again re appointment", f"can someone visit {nm} tomorrow am"])
                    if p.access and r.random() < 0.35:
                        msg += " " + self.acc(p)
                    L.append(f"[{d.strftime('%d/%m/%Y, %H:%M')}] {s.fs()}: {msg}")
                if r.random() < 0.3:
                    L.append(f"[{d.strftime('%d/%m/%Y, %H:%M')}] {r.choice(who).fs()}: {self.near()}")
            self.write(f"Chat/chat_export_{i + 1}.txt", "\n".join(L) + "\n")

    def notes_volunteers(self):
        r = self.r
        fa = [p for p in self.people if "faith" in p.services]
        teams = [("Masjid al-Noor", ["rahman", "hbegum"], ("muslim_sa", "somali", "kurdish")),
                 ("Guru Nanak Gurdwara", ["gill", "johal"], ("sikh",)),
                 ("St Aidan's & Shree Krishna Mandir", ["lumb", "mistry", "ambrose"], ())]
        for name, keys, culs in teams:
            grp = [p for p in fa if (p.culture in culs if culs else p.culture not in ("muslim_sa", "somali", "kurdish", "sikh"))]
            vols = [self.staff(k) for k in keys]
            L = [f"Faith Neighbours - {name} team - visit log October/November 2026", f"Coordinator: {self.staff('ambrose').t()}", ""]
            for p in grp:
                for _ in range(r.randrange(1, 3)):
                    d = self.day()
                    v = r.choice(vols)
                    nm = r.choice([p.tsn(), p.fs(), f"{p.fn}"]) if r.random() < 0.6 else self.name(p)[0]
                    extra = ""
                    if r.random() < 0.4:
                        extra = f" ({r.choice(['aged ' + str(p.age), 'b. ' + str(p.dob.year), 'DOB ' + d_slash(p.dob)])})"
                    hs, hh = ("he", "him") if p.sex == "M" else ("she", "her")
                    t = f"{d_slash(d)} {v.fn}: visited {nm}{extra}. " + r.choice(
                        ["Did the shopping (Asda).", f"Sat with {hh} for an hour, {hs} misses coming to the lunch club.",
                         "Picked up prescription from Clover St.", f"Read to {hh}, {hs} is tired.", "Took soup and chapatis.",
                         f"Helped {hh} ring the council about the blue badge."])
                    if p.access and r.random() < 0.5:
                        t += " " + self.acc(p)
                    if r.random() < 0.2:
                        t += " " + self.near("faith")
                    L.append(t)
            self.write(f"Volunteers/FaithNeighbours_{name.split()[0].replace(chr(39), '')}_log.txt", "\n".join(L) + "\n")
        ca = [p for p in self.people if "carers" in p.services]
        for i, grp in enumerate(chunks(ca, 2)):
            st = self.staff(["oyelaran", "akhtar"][i])
            L = [f"Brackenford Carers' Hub - contact log - {st.fs()}", self.near("hub"), ""]
            for p in grp:
                d = self.day()
                carer = next((x for x in p.related if x["rel"] not in ("faith leader",) and "neighbour" not in x["rel"]), None)
                nm, _ = self.name(p, full=False)
                if carer:
                    L.append(f"{d_slash(d)} Call from {self.relname(carer)} ({carer['rel']} and main carer of {nm}, {p.dx}). "
                             + r.choice(["Carer's assessment offered - accepted.", "Exhausted, wants respite info.",
                                         "Referred to carers' breaks fund.", "Asked about PIP and Carer's Allowance."]))
                else:
                    L.append(f"{d_slash(d)} Referral about {nm} ({p.dx}) - no carer identified yet.")
                if p.access and r.random() < 0.4:
                    L.append("  Emergency plan: " + self.acc(p))
            self.write(f"Volunteers/CarersHub_contact_log_{i + 1}.txt", "\n".join(L) + "\n")

    def notes_misc(self):
        r = self.r
        # dietetics
        di = [p for p in self.people if "enteral" in p.services or (p.cond in ("mnd", "stroke") and r.random() < 0.3)]
        for i, grp in enumerate(chunks(di, 2)):
            st = self.staff(["nowak", "sempers"][i])
            L = [f"Dietetic home visits - {st.fs()}", ""]
            for p in grp:
                L.append(self.ident_line(p, nhs_p=0.5))
                L.append(f"  Wt {round(r.uniform(40, 95), 1)}kg  BMI {round(r.uniform(16, 31), 1)}  " +
                         (r.choice(FEED).format(w=round(r.uniform(45, 80), 1)) if "enteral" in p.services else "Oral nutritional supplements (Fortisip Compact x2)."))
                if "enteral" in p.services:
                    L.append(f"  Medivia nurse {self.staff('rudd').fs()} to visit re pump training.")
                if p.access and r.random() < 0.3:
                    L.append("  " + self.acc(p))
                L.append("")
            self.write(f"Notes/Dietetics/home_visits_{st.sn.lower()}.txt", "\n".join(L))
        # continence assessments
        co = [p for p in self.people if "continence" in p.services]
        st = self.staff("doyle")
        L = ["Continence assessments - community - Anne-Marie Doyle CNS", ""]
        for p in co:
            L.append(f"{self.ident_line(p, nhs_p=0.5)}: {r.choice(CONT)}. {r.choice(['Bladder diary reviewed.', 'UTI x2 this year.', 'Night-time incontinence since stroke.', 'ISC taught, managing well.'])}")
            if p.access and r.random() < 0.3:
                L.append("   " + self.acc(p))
        self.write("Notes/Continence/continence_assessments.txt", "\n".join(L) + "\n")
        # phone messages
        for i in range(2):
            L = [f"Phone messages - neuro admin - {['October', 'November'][i]}", ""]
            for p in r.sample(self.people, 9):
                h = p.related[0] if p.related else None
                nm, _ = self.name(p, full=False)
                who = f"{self.relname(h)} ({h['rel']})" if h else "patient"
                msg = f"{r.randrange(1, 29):02d}/{10 + i} {who} rang re {nm}: {r.choice(['appointment clash', 'bed not delivered', 'feed short', 'wants call back', 'interpreter needed'])}. Tel {h['phone'] if h else p.phone}."
                if p.access and r.random() < 0.3:
                    msg += " Said " + self.acc(p)
                L.append(msg + f" - {self.staff('haigh').fn}")
            self.write(f"Admin/phone_messages_{['oct', 'nov'][i]}.txt", "\n".join(L) + "\n")
        # duty log
        L = []
        for p in r.sample(self.people, 10):
            d = dt.datetime(2026, 11, 1) + dt.timedelta(hours=r.randrange(0, 700))
            nm, _ = self.name(p, full=False)
            L.append(f"{d.strftime('%Y-%m-%d %H:%M')} DUTY {r.choice(['SK', 'GP', 'YC', 'BK'])} {nm} - {self.clin(p, 1)}" +
                     (" " + self.acc(p) if p.access and r.random() < 0.4 else ""))
        L.append(f"{dt.datetime(2026, 11, 29, 17, 0).strftime('%Y-%m-%d %H:%M')} DUTY - {self.near('clinic')}")
        self.write("Admin/duty_log.log", "\n".join(L) + "\n")

    # =====================================================================
    # LETTERS
    # =====================================================================
    def letter_out(self, rel_base, fmt, paras, header="", footer="", tables=()):
        if fmt == "docx":
            self.write(rel_base + ".docx", docx_bytes(paras, header, footer, tables))
        elif fmt == "rtf":
            flat = [header, ""] if header else []
            for p in paras:
                if p == "@TABLE" and tables:
                    for row in tables[0]:
                        flat.append("    ".join(str(x) for x in row))
                else:
                    flat.append(p)
            if footer:
                flat += ["", footer]
            self.write(rel_base + ".rtf", rtf_bytes(flat))
        else:
            flat = [header, ""] if header else []
            for p in paras:
                if p == "@TABLE" and tables:
                    for row in tables[0]:
                        flat.append("   ".join(str(x) for x in row))
                else:
                    flat.append(p.lstrip("*"))
            if footer:
                flat += ["", footer]
            self.write(rel_base + ".pdf", pdf_bytes(flat, "Letter"))

    def re_block(self, p, nhs=True, style=None):
        """The patient block of a letter; marks coverage."""
        r = self.r
        style = style if style is not None else r.randrange(4)
        dob = r.choice([d_slash, d_long, d_slash, d_mon])(p.dob)
        nh = nhs_fmt(p.nhs) if (p.nhs and nhs) else ""
        self.mark(p)
        if style == 0:
            return [f"**Re: {p.tfs()}, DOB {dob}" + (f", NHS No {nh}" if nh else ""), f"{p.addr}, Brackenford {p.pc}"]
        if style == 1:
            return [f"**RE: {p.SF()}  D.O.B. {dob}  " + (f"NHS Number: {nh}" if nh else "NHS Number: not known"),
                    f"Address: {p.addr}, {p.pc}"]
        if style == 2:
            nm = p.native() if p.family_first else p.fms()
            return [f"**Patient: {nm}", f"Date of birth: {dob}", f"NHS number: {nh or 'awaiting registration'}",
                    f"Address: {p.addr}, Brackenford {p.pc}"]
        return [f"**Re: {p.Sfmfull()} ({dob})" + (f"  NHS {nh}" if nh else ""), f"{p.addr}, {p.pc}"]

    def letters(self, n_letters):
        r = self.r
        fmts = ["docx", "pdf", "rtf"]
        pool = list(self.people)
        r.shuffle(pool)
        kinds = ["clinic", "clinic", "clinic", "rehab", "slt", "diet", "medivia", "wheelchair", "bices", "hub", "cont"]
        made = 0
        i = 0
        while made < n_letters and i < len(pool) * 3:
            p = pool[i % len(pool)]
            kind = kinds[made % len(kinds)]
            i += 1
            need = {"slt": "slt", "diet": "enteral", "medivia": "enteral", "wheelchair": "wheelchair",
                    "bices": "equipment", "hub": "carers", "cont": "continence", "rehab": "rehab"}.get(kind)
            if need and need not in p.services:
                continue
            if getattr(p, "_letter", 0) >= (1 if i <= len(pool) else 2):
                continue
            p._letter = getattr(p, "_letter", 0) + 1
            fmt = fmts[made % 3]
            self.one_letter(p, kind, fmt, made)
            made += 1

    def one_letter(self, p, kind, fmt, k):
        r = self.r
        d = self.day()
        gp = self.staff(p.gp.key)
        prac, paddr = GP_PRACTICE[gp.key]
        sal = f"Dear {gp.title} {gp.sn},"
        nm_file = r.choice([p.fs(), p.SF(), p.tinit(), p.Sf()])
        if kind == "clinic":
            c = self.staff(p.consultant.key)
            sec = self.staff("bickerstaff")
            hdr = ORG["bri"] + " | Outpatients, Level 2, Brackenford Royal Infirmary, BK1 3EX"
            paras = [f"Clinic date: {d_long(d)}", f"Typed: {d_slash(d + dt.timedelta(days=r.randrange(3, 15)))} {sec.init()}", "",
                     f"{gp.t()}", prac, paddr, ""] + self.re_block(p) + ["", sal, "",
                     f"Diagnosis: {p.dx}", "",
                     f"I reviewed {p.tsn()} in the {COND[p.cond][1] or 'general neurology'} clinic today" +
                     (", accompanied by " + (self.relname(p.related[0]) + f" ({p.related[0]['rel']})") if p.related else "") + ". " +
                     self.clin(p, 3), "",
                     f"{'He' if p.sex == 'M' else 'She'} remains under {p.nurse.fs()}, {p.nurse.role}, who will continue to visit at home."]
            self.staff_named.add(p.nurse.key)
            if "enteral" in p.services:
                paras.append("Home enteral feeding is supplied by Medivia Home Nutrition; dietetic lead " + self.staff("nowak").fs() + ".")
            paras += ["", "Yours sincerely,", "", c.t(), c.role, "", f"cc: {p.tfs()}, {p.addr}" + (f"; {p.nurse.fs()}" if r.random() < 0.5 else "")]
            self.letter_out(f"Letters/Clinic/{d_iso(d)} Clinic letter - {nm_file}", fmt, paras, hdr,
                            "Please quote the hospital number on all correspondence.")
        elif kind == "rehab":
            st = self.staff(p.therapist.key)
            paras = [d_long(d), "", gp.t(), prac, ""] + self.re_block(p) + ["", sal, "",
                     f"Discharge from Community Neuro-Rehabilitation Team caseload",
                     f"{p.tsn()} has completed {r.randrange(6, 14)} sessions of home-based rehabilitation. {self.clin(p, 2)}",
                     r.choice(["Goals met: walks indoors with a frame, managing stairs with rail.",
                               "Goals partially met; carer shown safe transfers.", "Equipment provided via BICES."]),
                     "", "Kind regards,", "", st.fs(), st.role, ORG["cnlt"]]
            self.letter_out(f"Letters/Neuro rehab/Discharge summary {nm_file}", fmt, paras, ORG["cnlt"])
        elif kind == "slt":
            st = self.staff(p.slt_staff.key)
            paras = [f"SPEECH AND LANGUAGE THERAPY REPORT", f"Date: {d_slash(d)}", "@TABLE", "",
                     f"Summary: {' '.join(r.sample(SLT_CLIN, 3))}", self.rel_mention(p), "",
                     "Recommendations are on the placemat left in the kitchen.", "", st.fs(), st.role]
            nm_cell = p.native() if p.family_first else p.fms()
            tab = [["Name", nm_cell], ["Date of birth", d_slash(p.dob)], ["NHS number", nhs_fmt(p.nhs) or "-"],
                   ["Address", f"{p.addr}, {p.pc}"], ["GP", f"{gp.t()}, {prac}"], ["Diagnosis", p.dx]]
            self.mark(p)
            self.letter_out(f"Letters/SLT/SLT report - {nm_file}", fmt, paras, ORG["cnlt"] + " - Speech and Language Therapy",
                            tables=[tab])
        elif kind == "diet":
            st = self.staff(p.diet.key)
            paras = [d_long(d), "", gp.t(), prac, ""] + self.re_block(p) + ["", sal, "",
                     "Home enteral tube feeding - prescription request", r.choice(FEED).format(w=round(r.uniform(45, 80), 1)),
                     "Please add to repeat: Nutrison Energy 1000ml x 28 per month, ENFit syringes 60ml x 30.",
                     f"Feed and ancillaries are delivered to the home every 4 weeks by Medivia Home Nutrition.", "",
                     "Yours sincerely,", "", st.fs(), st.role]
            self.letter_out(f"Letters/Dietetics/HETF letter {nm_file}", fmt, paras, ORG["cnlt"] + " - Nutrition & Dietetics")
        elif kind == "medivia":
            st = self.staff("rudd")
            h = p.related[0] if p.related else None
            child = p.age < 18 and h is not None
            addressee = [f"Parent/carer of {p.fs()}" if child else p.tfs(), p.addr, f"Brackenford {p.pc}"]
            paras = addressee + ["", d_long(d), "", f"Customer ref: MHN-{r.randrange(400000, 499999)}",
                     f"Patient: {p.fs()}   Date of birth: {d_long(p.dob)}" + (f"   NHS number: {nhs_fmt(p.nhs)}" if p.nhs else ""), "",
                     f"Dear {self.relname(h) if child else p.tsn()},", "", "Welcome to Medivia Home Nutrition. Your first delivery is booked for "
                     f"{d_long(d + dt.timedelta(days=5))} between 8am and 1pm."]
            self.mark(p)
            if p.access and r.random() < 0.8:
                paras.append("You told us that if you are not in, " + self.acc(p, "formal") + ". We have noted this on your delivery instructions.")
            else:
                paras.append("If you are not in, our driver will leave a card and call to rebook. We never leave feed outside.")
            if h:
                paras.append(f"We have recorded {self.relname(h)} ({h['rel']}) as your contact on {h['phone']}.")
            paras += ["Your Infinity pump has a lock mode; your nurse advisor will set it. Please do not share pump PINs.", "",
                      "Kind regards,", "", st.fs(), st.role, ORG["med"]]
            self.letter_out(f"Letters/Medivia/Welcome letter {nm_file}", fmt, paras, ORG["med"] + " - Customer Services 0800 000 0000")
        elif kind == "wheelchair":
            st = self.staff("greaves")
            to = p.related[0] if (p.age < 18 and p.related) else None
            head = [f"{to['name'] if to else p.tfs()}", p.addr, p.pc, "", d_long(d), ""]
            if to:
                self.relname(to)
            paras = head + self.re_block(p, style=r.choice([0, 3])) + ["",
                     f"Dear {to['name'] if to else p.tsn()},", "",
                     f"Following the assessment on {d_slash(d - dt.timedelta(days=20))} we have ordered: {r.choice(WHEEL)}.",
                     f"Our engineer ({self.staff(r.choice(['mbeki', 'kaczmarek'])).fs()}) will ring to arrange the handover at home.",
                     "The powerchair has a PIN lock on the joystick; we will set it with you on the day.", "",
                     "Yours sincerely,", st.fs(), st.role]
            self.letter_out(f"Letters/Wheelchair/{d_iso(d)}_{fold(p.sn).upper().replace(' ', '')}_{fold(p.fn).replace(' ', '')}", fmt, paras, ORG["wps"])
        elif kind == "bices":
            st = self.staff("hollins")
            paras = [p.tfs(), p.addr, p.pc, "", d_long(d), "", f"Order number: {r.randrange(550000, 599999)}",
                     f"Client: {p.fs()}   Date of birth: {d_slash(p.dob)}", "",
                     f"Dear {p.tsn()},", "", "Your equipment delivery is confirmed:", "@TABLE", "",
                     "When the items are no longer needed please ring us to arrange collection; do not take them to the tip."]
            self.mark(p)
            if p.access and r.random() < 0.6:
                paras.append("Delivery instructions we hold: " + self.acc(p, "col") + ". Please tell us if this changes.")
            paras += ["", st.fs(), st.role, ORG["bices"], "Depot: Unit 4 Canal Wharf, Brackenford BK3 1QQ"]
            tab = [["Item", "Qty", "Date"]] + [[x, 1, d_slash(d + dt.timedelta(days=3))] for x in r.sample(EQUIP, 3)]
            self.letter_out(f"Letters/BICES/Delivery confirmation {nm_file}", fmt, paras, ORG["bices"], tables=[tab])
        elif kind == "hub":
            st = self.staff(r.choice(["oyelaran", "akhtar"]))
            carer = next((x for x in p.related if "neighbour" not in x["rel"] and x["rel"] not in ("faith leader",)), None)
            if carer is None:
                carer = {"name": related_name(r, p, "daughter"), "rel": "daughter", "phone": self.g.phone()}
                p.related.append(carer)
            cn = self.relname(carer)
            paras = [cn, p.addr, p.pc, "", d_long(d), "", f"Dear {cn.split()[0]},", "",
                     f"Thank you for talking to us about caring for your {({'son': 'parent', 'daughter': 'parent'}).get(carer['rel'], 'relative')}, "
                     f"{p.fs()} (date of birth {d_slash(p.dob)}), who has {p.dx.lower()}.",
                     "As agreed, we have booked your carer's assessment and sent information about carers' breaks.",
                     f"Our Saturday drop-in is at the Hub; volunteers use the side entrance.", "",
                     "Best wishes,", st.fs(), st.role, ORG["hub"]]
            self.mark(p)
            self.letter_out(f"Letters/Carers Hub/Letter to carer {k}", fmt, paras, ORG["hub"])
        else:
            st = self.staff("doyle")
            paras = [d_long(d), "", gp.t(), prac, ""] + self.re_block(p) + ["", sal, "",
                     f"Continence assessment: {r.choice(CONT)}. {r.choice(['Urodynamics not indicated.', 'Started mirabegron 50mg, please continue.', 'Deliveries by ContiCare Direct every 12 weeks.'])}",
                     "", "Yours sincerely,", st.fs(), st.role]
            self.letter_out(f"Letters/Continence/Continence letter {nm_file}", fmt, paras, ORG["cnlt"] + " - Continence Service")

    # =====================================================================
    # STRUCTURED
    # =====================================================================
    def caseloads(self):
        r = self.r
        groups = [("MND", lambda p: p.cond == "mnd", "kowalski"), ("Parkinsons", lambda p: p.cond == "pd", None),
                  ("MS", lambda p: p.cond == "ms", "pryce"), ("Stroke_6m_reviews", lambda p: p.cond == "stroke", "campbell"),
                  ("Neuro_rehab", lambda p: "rehab" in p.services and p.cond not in ("mnd", "pd", "ms", "stroke") or
                   ("rehab" in p.services and r.random() < 0.3), None),
                  ("SLT", lambda p: "slt" in p.services, None), ("Dietetics_HETF", lambda p: "enteral" in p.services, "nowak")]
        for gi, (lab, f, key) in enumerate(groups):
            pts = [p for p in self.people if f(p)]
            style = gi % 4
            rows = []
            if style == 0:
                rows.append(["Surname", "Forename", "DOB", "NHS No", "Address", "Postcode", "Tel", "Key safe / access", "Named nurse", "Next review"])
                for p in pts:
                    rows.append([p.sn.upper(), p.fn + (f" {p.mid}" if p.mid else ""), d_slash(p.dob), nhs_fmt(p.nhs), p.addr, p.pc, p.phone,
                                 self.acc(p, "col") if p.access else "", self.staff(key or p.nurse.key).fs(), d_slash(self.day(30))])
            elif style == 1:
                rows.append([f"{lab} caseload extract - run 28/11/2026 by K Haigh"])
                rows.append(["Patient name", "Date of birth", "NHS number", "Diagnosis", "Clinician", "Last contact", "Lone working / access"])
                self.staff("haigh")
                for p in pts:
                    nm = p.Sfm() if r.random() < 0.6 else (p.native() if p.family_first else p.tfs())
                    cl = p.nurse if lab not in ("SLT", "Neuro_rehab") else (p.slt_staff if lab == "SLT" else p.therapist)
                    rows.append([nm, d_iso(p.dob), nhs_fmt(p.nhs, 1), p.dx, self.staff(cl.key).init(), d_iso(self.day()),
                                 (self.acc(p, "col") if p.access and r.random() < 0.7 else ("dog" if r.random() < 0.1 else ""))])
            elif style == 2:
                rows.append(["nhs_number", "family_name", "given_names", "birth_date", "sex", "postcode", "gp_practice", "allocated_to", "notes"])
                for p in pts:
                    cl = p.slt_staff if lab == "SLT" else p.nurse
                    note = self.acc(p, "col") if p.access and r.random() < 0.6 else r.choice(["", "", "interpreter: " + p.language if p.language else "", "2 person visit"])
                    rows.append([p.nhs, p.sn, (p.fn + " " + p.mid).strip(), d_hl7(p.dob), p.sex, p.pc, GP_PRACTICE[p.gp.key][0],
                                 self.staff(cl.key).fs(), note])
            else:
                rows.append(["Name", "D.O.B", "NHS", "Address", "Main carer", "Carer tel", "Access info", "Clinician"])
                for p in pts:
                    h = next((x for x in p.related if "neighbour" not in x["rel"] and "faith" not in x["rel"] and "pastor" not in x["rel"] and "priest" not in x["rel"]), None)
                    cl = p.diet if lab == "Dietetics_HETF" else p.therapist
                    rows.append([p.fms() if not p.family_first else p.native(), d_mon(p.dob), nhs_fmt(p.nhs, 2), f"{p.addr}, {p.pc}",
                                 (f"{self.relname(h)} ({h['rel']})" if h else ""), h["phone"] if h else "",
                                 self.acc(p, "col") if p.access else "", self.staff(cl.key).fs()])
            for p in pts:
                self.mark(p)
            self.write(f"Extracts/Caseloads/{lab}_caseload.csv", csv_text(rows))

    def spreadsheets(self):
        r = self.r
        # BICES deliveries and collections
        eq = [p for p in self.people if "equipment" in p.services]
        rows = [["BICES - open orders and collections - Brackenford North & West"], [],
                ["Order", "Client surname", "Client forename", "DOB", "Address", "Postcode", "Item", "Job", "Due", "Technician", "Access notes", "Referrer"]]
        for p in eq:
            acc = self.acc(p, "col") if (p.access and p.home == "own" and r.random() < 0.7) else ""
            rows.append([r.randrange(550000, 599999), p.sn, p.fn, d_slash(p.dob) if r.random() < 0.8 else "", p.addr, p.pc,
                         r.choice(EQUIP), r.choice(["Deliver", "Collect", "Repair", "Deliver"]), d_slash(self.day(40)),
                         self.staff(r.choice(["butterfield", "bains", "rourke"])).fs(), acc,
                         self.staff(p.therapist.key).fs()])
        rows2 = [["Depot info"], ["Depot key safe", "Unit 4 side door", self.g.code()], ["Van 7 immobiliser", "", self.g.code()],
                 ["Out of hours", "Craig Hollins", "07700 900999"]]
        self.write("Extracts/BICES/BICES_open_orders.xlsx", xlsx_bytes([("Orders", rows), ("Depot", rows2)]))
        # BICES collections for people who died / moved
        col = r.sample(eq, min(8, len(eq)))
        rows = [["Collection ID", "Name", "DOB", "Reason", "Items", "Access"]]
        for p in col:
            rows.append([f"C{r.randrange(10000, 99999)}", p.Sf(), d_iso(p.dob), r.choice(["no longer needed", "moved to care home", "upgrade", "deceased"]),
                         r.choice(EQUIP), self.acc(p, "col") if p.access and r.random() < 0.5 else "ring daughter first"])
        self.write("Extracts/BICES/collections_Nov.xlsx", xlsx_bytes([("Collections", rows)]))
        # Medivia register
        fe = [p for p in self.people if "enteral" in p.services]
        rows = [["Medivia Home Nutrition - Brackenford patient register"],
                ["Patient ID", "Title", "First name", "Last name", "Date of birth", "NHS number", "Address 1", "Postcode", "Feed", "Pump", "Delivery day", "Delivery instructions", "Nurse advisor"]]
        for p in fe:
            rows.append([f"MHN{r.randrange(100000, 999999)}", p.title(), p.fn, p.sn, p.dob, p.nhs, p.addr, p.pc,
                         r.choice(["Nutrison Energy", "Jevity Plus", "Peptamen", "Osmolite 1.5"]), f"Infinity {r.randrange(1000, 9999)}",
                         r.choice(["Mon", "Tue", "Wed", "Thu", "Fri"]), self.acc(p, "col") if p.access else "", self.staff("rudd").fs()])
            self.mark(p)
        self.write("Extracts/Medivia/Medivia_register_Brackenford.xlsx", xlsx_bytes([("Register", rows)]))
        # wheelchair waiting list
        wp = [p for p in self.people if "wheelchair" in p.services]
        rows = [["Ref", "Name", "DOB", "Age", "Priority", "Referred by", "Therapist", "Equipment", "Parent/carer"]]
        for p in wp:
            h = p.related[0] if (p.related and p.age < 18) else None
            rows.append([f"WPS{r.randrange(1000, 9999)}", p.SF() if r.random() < 0.5 else p.fms(), d_mon(p.dob), p.age,
                         r.choice(["Urgent", "Routine", "Palliative fast track" if p.cond == "mnd" else "Routine"]),
                         self.staff(p.therapist.key).fs(), self.staff("greaves").fs(), r.choice(WHEEL),
                         f"{self.relname(h)} ({h['rel']})" if h else ""])
        self.write("Extracts/Wheelchair/waiting_list.xlsx", xlsx_bytes([("Waiting list", rows)]))
        # continence deliveries
        co = [p for p in self.people if "continence" in p.services]
        rows = [["Customer", "Address", "Postcode", "Products", "Next delivery", "Safe place / access"]]
        for p in co:
            rows.append([p.tinit(), p.addr, p.pc, r.choice(CONT), d_slash(self.day(45)),
                         self.acc(p, "col") if (p.access and r.random() < 0.5) else r.choice(["", "porch", "with neighbour (parcel)"])])
        self.write("Extracts/ContiCare/delivery_schedule.xlsx", xlsx_bytes([("Deliveries", rows)]))
        # volunteer rota
        fa = [p for p in self.people if "faith" in p.services]
        rows = [["Faith Neighbours - shopping & visiting rota - November"], ["Day", "Volunteer", "Client", "Address", "Phone", "Notes"]]
        vols = ["rahman", "hbegum", "gill", "johal", "mistry", "lumb"]
        for p in fa:
            for _ in range(r.randrange(1, 3)):
                v = self.staff(r.choice(vols))
                rows.append([r.choice(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]), v.fs(), r.choice([p.tsn(), p.fs(), p.fn + " " + p.sn[0]]),
                             p.addr, p.phone, self.acc(p, "col") if (p.access and r.random() < 0.5) else r.choice(["", "halal only", "likes a chat", "veg only"])])
        rows.append(["", "", "", "", "", f"Gurdwara hall code for Sunday pick-ups: {self.g.code()}"])
        self.write("Volunteers/FaithNeighbours_rota_Nov.xlsx", xlsx_bytes([("Rota", rows)]))
        # carers hub register: cared-for people
        ca = [p for p in self.people if "carers" in p.services]
        rows = [["Carer name", "Relationship", "Carer phone", "Cared-for person", "Cared-for DOB", "Condition", "Worker"]]
        for p in ca:
            h = next((x for x in p.related if "neighbour" not in x["rel"] and "faith" not in x["rel"] and "pastor" not in x["rel"] and "priest" not in x["rel"]), None)
            if not h:
                continue
            rows.append([self.relname(h), h["rel"], h["phone"], p.fs(), d_slash(p.dob), p.dx, self.staff(r.choice(["oyelaran", "akhtar"])).fs()])
            self.mark(p)
        self.write("Volunteers/CarersHub_register.xlsx", xlsx_bytes([("Carers", rows)]))
        # lone working register (all teams)
        lw = [p for p in self.people if p.access or r.random() < 0.15]
        rows = [["LONE WORKING & ACCESS REGISTER - Community Neuro - CONFIDENTIAL"], [],
                ["Patient", "DOB", "Address", "Risks", "Access", "Updated by"]]
        for p in lw:
            acc = self.acc(p, "col") if p.access else r.choice(["", "ring bell, slow to answer", "Careline pendant"])
            rows.append([p.Sfm(), d_slash(p.dob), f"{p.addr} {p.pc}", r.choice(["", "dog", "son aggressive at times", "smoker - oxygen", ""]),
                         acc, self.staff(r.choice(["haigh", "tetley", "kowalski", "pryce"])).init()])
            self.mark(p)
        self.write("Extracts/lone_working_register.xlsx", xlsx_bytes([("Register", rows)]))

    def hl7(self, n_files):
        r = self.r
        pts = r.sample(self.people, min(len(self.people), 8 * n_files))
        for i, grp in enumerate(chunks(pts, n_files)):
            msgs = []
            for j, p in enumerate(grp):
                ts = dt.datetime(2026, 10, 1, 9) + dt.timedelta(hours=r.randrange(0, 1400))
                typ = r.choice(["REF^I12", "ADT^A04", "ADT^A08"])
                pid3 = f"{p.nhs}^^^NHS^NH~" if p.nhs else ""
                pid3 += f"RBK{r.randrange(100000, 999999)}^^^RBK^MR"
                seg = [f"MSH|^~\\&|BRI_EPR|BRI|CNLT_SYS|BCHT|{ts.strftime('%Y%m%d%H%M%S')}||{typ}|{i}{j:04d}{r.randrange(1000)}|P|2.4",
                       f"EVN|{typ.split('^')[1]}|{ts.strftime('%Y%m%d%H%M')}",
                       f"PID|1||{pid3}||{p.hl7()}||{d_hl7(p.dob)}|{p.sex}|||{fold(p.addr).upper()}^^BRACKENFORD^^{p.pc}||{p.phone.replace(' ', '')}"]
                self.mark(p)
                if p.related and r.random() < 0.7:
                    h = p.related[0]
                    nm = self.relname(h).split(" ", 1)
                    seg.append(f"NK1|1|{fold(nm[1]).upper()}^{fold(nm[0]).upper()}|{h['rel'].split(' ')[0].upper()[:3]}^{h['rel']}|||{h['phone'].replace(' ', '')}")
                seg.append(f"PV1|1|O|NEURO^^^BRI||||{self.staff(p.consultant.key).hl7()}|{self.staff(p.gp.key).hl7()}|||||||||||")
                if typ == "REF^I12":
                    seg.insert(2, f"RF1|A|R|COMMUNITY NEURO^Community neuro referral||||REF{r.randrange(10000, 99999)}")
                    rol = self.staff(p.nurse.key)
                    seg.append(f"ROL|1|AD|CP^Care Provider|{rol.hl7()}")
                    seg.append(f"OBX|1|TX|DX^Diagnosis||{p.dx}||||||F")
                    note = self.clin(p, 1)
                    if p.access and r.random() < 0.4:
                        note += " " + self.acc(p)
                    seg.append(f"NTE|1||{note}")
                msgs.append("\r".join(seg))
            self.write(f"Interfaces/HL7/bri_to_cnlt_{i + 1:02d}.hl7", "\r\n".join(msgs) + "\r")

    def fhir(self, n_files):
        r = self.r
        pts = r.sample(self.people, min(len(self.people), 7 * n_files))
        for i, grp in enumerate(chunks(pts, n_files)):
            entries = []
            used_staff = set()
            for p in grp:
                pid = f"pat-{p.idx:04d}"
                pat = {"resourceType": "Patient", "id": pid,
                       "name": [{"use": "official", "family": p.sn, "given": [p.fn] + ([p.mid] if p.mid else []),
                                 "prefix": [p.title()]}],
                       "gender": "male" if p.sex == "M" else "female", "birthDate": d_iso(p.dob),
                       "address": [{"line": [p.addr], "city": "Brackenford", "postalCode": p.pc}],
                       "telecom": [{"system": "phone", "value": p.phone}]}
                if p.nhs:
                    pat["identifier"] = [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": p.nhs}]
                if p.known_as:
                    pat["name"].append({"use": "usual", "given": [p.known_as], "family": p.sn})
                if p.related and r.random() < 0.6:
                    h = p.related[0]
                    nm = self.relname(h).split(" ", 1)
                    pat["contact"] = [{"relationship": [{"text": h["rel"]}], "name": {"family": nm[1], "given": [nm[0]]},
                                       "telecom": [{"system": "phone", "value": h["phone"]}]}]
                self.mark(p)
                entries.append({"fullUrl": f"urn:uuid:{pid}", "resource": pat})
                nurse = self.staff(p.nurse.key)
                used_staff.add(nurse.key)
                cond = {"resourceType": "Condition", "id": f"cond-{p.idx}", "subject": {"reference": f"Patient/{pid}"},
                        "code": {"text": p.dx}, "recorder": {"reference": f"Practitioner/{nurse.key}", "display": nurse.fs()}}
                entries.append({"fullUrl": f"urn:uuid:cond-{p.idx}", "resource": cond})
                if p.access and r.random() < 0.5:
                    flag = {"resourceType": "Flag", "id": f"flag-{p.idx}", "status": "active",
                            "category": [{"text": "Home access"}], "code": {"text": self.acc(p)},
                            "subject": {"reference": f"Patient/{pid}"}, "author": {"reference": f"Practitioner/{nurse.key}", "display": nurse.fs()}}
                    entries.append({"fullUrl": f"urn:uuid:flag-{p.idx}", "resource": flag})
                if "enteral" in p.services or "equipment" in p.services:
                    dr = {"resourceType": "DeviceRequest", "id": f"dr-{p.idx}", "status": "active", "intent": "order",
                          "codeCodeableConcept": {"text": "Enteral feeding pump" if "enteral" in p.services else r.choice(EQUIP)},
                          "subject": {"reference": f"Patient/{pid}"},
                          "requester": {"reference": f"Practitioner/{p.therapist.key}", "display": self.staff(p.therapist.key).fs()},
                          "note": [{"text": r.choice(["Deliver to home address.", "Two-person delivery.", "Pump PIN set by Medivia nurse."])}]}
                    used_staff.add(p.therapist.key)
                    entries.append({"fullUrl": f"urn:uuid:dr-{p.idx}", "resource": dr})
            for k in sorted(used_staff):
                s = STAFF[k]
                entries.append({"fullUrl": f"urn:uuid:{k}", "resource": {"resourceType": "Practitioner", "id": k,
                                "name": [{"family": s.sn, "given": [s.fn], "prefix": [s.title] if s.title else []}],
                                "qualification": [{"code": {"text": s.role}}]}})
            b = {"resourceType": "Bundle", "type": "collection", "timestamp": f"2026-11-{10 + i:02d}T10:00:00Z", "entry": entries}
            self.write(f"Interfaces/FHIR/cnlt_bundle_{i + 1}.json", json.dumps(b, indent=1, ensure_ascii=False))

    def emails(self, n_files):
        r = self.r
        pool = list(self.people)
        r.shuffle(pool)
        pi = 0
        for i in range(n_files):
            kind = i % 4
            d = dt.datetime(2026, 10, 12, 8, 5, tzinfo=dt.timezone.utc) + dt.timedelta(days=r.randrange(0, 45), minutes=r.randrange(0, 540))
            m = EmailMessage()
            if kind == 0:
                # CSV attachment: referral list sent to BICES / Medivia
                frm, to, cc = self.staff(r.choice(["whitlam", "gallagher", "ppatel", "ikhan"])), self.staff("hollins"), self.staff("tetley")
                grp = [p for p in pool[pi:pi + 6]]
                pi += 6
                m["Subject"] = f"Urgent equipment - {len(grp)} clients this week"
                body = [f"Hi {to.fn},", "", "Please see attached, all urgent (end of life / hospital discharge).",
                        "Access details are in the last column where the family gave them.", "", "Thanks", frm.fs(), frm.role]
                rows = [["Name", "DOB", "NHS", "Address", "Item", "Access"]]
                for p in grp:
                    rows.append([p.fms() if not p.family_first else p.native(), d_slash(p.dob), nhs_fmt(p.nhs), f"{p.addr} {p.pc}",
                                 r.choice(EQUIP), self.acc(p, "col") if p.access and p.home == "own" else ""])
                    self.mark(p)
                m.set_content("\n".join(body))
                m.add_attachment(csv_text(rows).encode("utf-8"), maintype="text", subtype="csv", filename="urgent_equipment.csv")
            elif kind == 1:
                # DOCX attachment: MDT referral form
                frm, to = self.staff(r.choice(["kowalski", "pryce", "campbell", "skaur"])), self.staff(r.choice(["dhillon", "nowak", "greaves"]))
                cc = self.staff("haigh")
                p = pool[pi]
                pi += 1
                nm, _ = self.name(p, full=False)
                m["Subject"] = f"Referral - {nm}"
                body = [f"{to.fn}", "", f"Referral form attached for {nm}. {self.clin(p, 1)}",
                        self.rel_mention(p), "", f"{frm.fs()}", frm.role, ORG["cnlt"]]
                m.set_content("\n".join(body))
                tab = [["Name", p.fms()], ["Date of birth", d_long(p.dob)], ["NHS number", nhs_fmt(p.nhs) or "none"],
                       ["Address", f"{p.addr}, {p.pc}"], ["Diagnosis", p.dx], ["Referrer", frm.fs()]]
                if p.access:
                    tab.append(["Access to property", self.acc(p, "col")])
                self.mark(p)
                m.add_attachment(docx_bytes(["**Community Neuro internal referral", "@TABLE", "", "Reason: " + self.clin(p, 2)],
                                            ORG["cnlt"], tables=[tab]),
                                 maintype="application", subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
                                 filename=f"Referral_{fold(p.sn)}.docx")
            elif kind == 2:
                # plain mail between partner orgs about one or two people
                frm, to = self.staff(r.choice(["rudd", "marr", "greaves", "hollins", "oyelaran"])), self.staff(r.choice(["nowak", "kowalski", "pryce", "haigh"]))
                cc = self.staff(r.choice(["tetley", "lindqvist", "asante"]))
                grp = pool[pi:pi + 2]
                pi += 2
                lines = [f"Hi {to.fn},", ""]
                for p in grp:
                    nm, canon = self.name(p, variant=0.2)
                    ident = ""
                    if r.random() < 0.6:
                        ident = f" (DOB {p.dob_any(r)}" + (f", NHS {nhs_fmt(p.nhs)})" if p.nhs else ")")
                        if canon:
                            self.mark(p)
                    t = f"Re {nm}{ident}: " + r.choice(["delivery failed twice, no answer.", "family asking for an earlier slot.",
                                                        "pump swapped, old one returned.", "daughter says the bed is too high."])
                    if p.access and r.random() < 0.6:
                        t += " " + r.choice(["The son rang to say ", "For next time, ", "FYI "]) + self.acc(p)
                    lines.append(t)
                lines += ["", "Kind regards", frm.fs(), frm.role, ORG[frm.org]]
                m["Subject"] = "RE: deliveries this week"
                m.set_content("\n".join(lines))
            else:
                # GP practice to service
                frm = self.staff(r.choice(["ackerley", "mehta", "nwosu", "hensby", "adamski"]))
                to, cc = self.staff(r.choice(["fenwick", "obi", "sahota", "brennan"])), self.staff("bickerstaff")
                p = pool[pi]
                pi += 1
                nm, canon = self.name(p)
                lines = [f"Dear {to.title} {to.sn},", "",
                         f"Advice and guidance: {nm}, {d_slash(p.dob)}" + (f", {nhs_fmt(p.nhs, 1)}" if p.nhs else "") + ".",
                         f"{self.clin(p, 1)} Would you be happy for me to {r.choice(['increase the dose', 'refer back', 'stop the patch'])}?",
                         self.rel_mention(p), "", "Many thanks", frm.t(), GP_PRACTICE[frm.key][0]]
                if canon:
                    self.mark(p)
                m["Subject"] = "A&G request - neurology"
                m.set_content("\n".join(lines))
            m["From"] = frm.addr()
            m["To"] = to.addr()
            m["Cc"] = cc.addr()
            m["Date"] = format_datetime(d)
            m["Message-ID"] = f"<{i}.{d.strftime('%Y%m%d%H%M')}@share13.example>"
            self.write(f"Mail/{d.strftime('%Y%m%d')}_{i:02d}.eml", bytes(m))

    def html(self):
        r = self.r
        fe = [p for p in self.people if "enteral" in p.services]
        # Medivia portal: one patient page
        for p in fe[:2]:
            acc = self.acc(p, "col") if p.access else "None recorded"
            h = p.related[0] if p.related else None
            s = f"""<!DOCTYPE html><html><head><title>Medivia Clinician Portal</title><style>td{{padding:4px}}</style></head><body>
<h1>Medivia Clinician Portal</h1><p>Logged in as {self.staff('nowak').fs()} | <a href="#">Log out</a></p>
<table class="banner"><tr><td>Patient</td><td>{p.tfs()}</td><td>DOB</td><td>{d_slash(p.dob)}</td><td>NHS</td><td>{nhs_fmt(p.nhs) or '-'}</td></tr></table>
<dl><dt>Address</dt><dd>{p.addr}, Brackenford {p.pc}</dd><dt>Delivery instructions</dt><dd>{acc}</dd>
<dt>Contact</dt><dd>{(self.relname(h) + ' (' + h['rel'] + ') ' + h['phone']) if h else p.phone}</dd></dl>
<h2>Orders</h2><table><tr><th>Order</th><th>Date</th><th>Items</th><th>Driver</th></tr>
<tr><td>MHN-{r.randrange(400000, 499999)}</td><td>{d_slash(self.day())}</td><td>Nutrison Energy x28</td><td>{self.staff('asante').fs()}</td></tr>
<tr><td>MHN-{r.randrange(400000, 499999)}</td><td>{d_slash(self.day())}</td><td>Giving sets x28</td><td>{self.staff('zielinski').fs()}</td></tr></table>
<p>Pump lock PIN is managed by the Medivia nurse advisor.</p></body></html>"""
            self.mark(p)
            self.write(f"Portal/Medivia_patient_{p.idx}.html", s)
        # BICES job list
        eq = [p for p in self.people if "equipment" in p.services][:15]
        rows = "".join(f"<tr><td>{r.randrange(550000, 599999)}</td><td>{p.SF()}</td><td>{d_iso(p.dob)}</td><td>{p.addr}</td><td>{p.pc}</td>"
                       f"<td>{self.acc(p, 'col') if p.access and r.random() < 0.5 else ''}</td></tr>\n" for p in eq)
        self.write("Portal/BICES_jobs_today.html", f"<html><body><h2>BICES - jobs for {self.staff('butterfield').fs()}</h2>"
                   f"<table><tr><th>Order</th><th>Client</th><th>DOB</th><th>Address</th><th>Postcode</th><th>Access</th></tr>\n{rows}</table>"
                   f"<p>{self.near('bices')}</p></body></html>")
        # carers hub CRM page
        ca = [p for p in self.people if "carers" in p.services][:10]
        rows = ""
        for p in ca:
            h = next((x for x in p.related if "neighbour" not in x["rel"]), None)
            if h:
                rows += f"<tr><td>{self.relname(h)}</td><td>{h['rel']}</td><td>{p.fs()}</td><td>{p.dx}</td></tr>\n"
        self.write("Portal/CarersHub_CRM_carers.html", "<html><body><h1>Brackenford Carers' Hub - CRM</h1>"
                   f"<table><tr><th>Carer</th><th>Relationship</th><th>Caring for</th><th>Condition</th></tr>\n{rows}</table></body></html>")
        # wheelchair portal list
        wp = [p for p in self.people if "wheelchair" in p.services][-12:]
        rows = "".join(f"<tr><td>{p.fms()}</td><td>{d_long(p.dob)}</td><td>{nhs_fmt(p.nhs)}</td><td>{r.choice(WHEEL)}</td>"
                       f"<td>{self.staff(r.choice(['mbeki', 'kaczmarek', 'lindqvist'])).fs()}</td></tr>\n" for p in wp)
        for p in wp:
            self.mark(p)
        self.write("Portal/WPS_handover_schedule.html", "<html><body><h1>Wheelchair &amp; Posture - handovers</h1>"
                   f"<table><tr><th>Service user</th><th>Date of birth</th><th>NHS no</th><th>Chair</th><th>Engineer</th></tr>\n{rows}</table></body></html>")

    def jsons(self):
        r = self.r
        fa = [p for p in self.people if "faith" in p.services]
        visits = []
        for p in fa:
            v = self.staff(r.choice(["rahman", "hbegum", "gill", "johal", "mistry", "lumb"]))
            c = {"client": {"name": r.choice([p.fs(), p.tsn()]), "year_of_birth": p.dob.year, "phone": p.phone,
                            "address": p.addr}, "volunteer": v.fs(), "date": d_iso(self.day()),
                 "task": r.choice(["shopping", "visit", "prescription", "lift to appointment"])}
            if p.access and r.random() < 0.5:
                c["entry_notes"] = self.acc(p, "col")
            visits.append(c)
        self.write("Volunteers/faith_app_export.json", json.dumps({"exported": "2026-11-28", "org": ORG["faith"],
                   "hall_info": {"masjid_hall_code": self.g.code(), "note": "Not for clients' homes"}, "visits": visits}, indent=2, ensure_ascii=False))
        # equipment API export
        eq = [p for p in self.people if "equipment" in p.services][15:40]
        items = []
        for p in eq:
            it = {"orderId": r.randrange(550000, 599999), "client": {"surname": p.sn, "forenames": (p.fn + " " + p.mid).strip(),
                  "dob": d_iso(p.dob), "nhsNumber": p.nhs or None, "postcode": p.pc}, "item": r.choice(EQUIP),
                  "technician": self.staff(r.choice(["butterfield", "bains", "rourke"])).fs()}
            if p.access and p.home == "own" and r.random() < 0.5:
                it["client"]["accessNotes"] = self.acc(p, "col")
            items.append(it)
            self.mark(p)
        self.write("Extracts/BICES/api_orders_export.json", json.dumps({"orders": items}, indent=2, ensure_ascii=False))
        # stroke 6m review tracker
        st = [p for p in self.people if p.cond == "stroke"][:20]
        recs = []
        for p in st:
            recs.append({"patient": p.Sf(), "dob": d_slash(p.dob), "nhs": p.nhs, "stroke_date": d_iso(self.day(-200)),
                         "review_due": d_iso(self.day(10)), "reviewer": self.staff("campbell").fs(),
                         "mrs": r.randrange(0, 5), "phq9": r.randrange(0, 20)})
            self.mark(p)
        self.write("Extracts/stroke_6m_tracker.json", json.dumps(recs, indent=1, ensure_ascii=False))

    def top_up(self):
        """Anyone not yet named in full with a DOB or NHS number gets a clinic letter."""
        for p in self.people:
            if p.idx not in self.ident:
                self.one_letter(p, "clinic", ["docx", "pdf", "rtf"][p.idx % 3], 900 + p.idx)

    # =====================================================================
    def build(self):
        n = len(self.people)
        scale = max(1, round(n / 120 * 1))
        self.notes_slt(4 * scale)
        self.notes_rehab(5 * scale)
        self.notes_nurses()
        self.notes_runs()
        self.notes_engineers()
        self.notes_mdt(3 * scale)
        self.notes_handover(2)
        self.notes_chat(2)
        self.notes_volunteers()
        self.notes_misc()
        self.letters(round(42 * n / 120))
        self.caseloads()
        self.spreadsheets()
        self.hl7(5)
        self.fhir(4)
        self.emails(12)
        self.html()
        self.jsons()
        self.top_up()

    def truth(self):
        people = []
        for p in self.people:
            w = self.acc_w.get(p.idx, {"kinds": set()})
            kinds = [k for k in ("code", "hidden_key", "key_holder", "left_open") if k in w["kinds"]]
            val = ""
            if "code" in kinds:
                val = p.access["code"][0]
            elif "hidden_key" in kinds:
                val = p.access["hidden_key"]
            elif "key_holder" in kinds:
                val = "key held by " + p.access["key_holder"]["name"]
            elif "left_open" in kinds:
                val = p.access["left_open"]
            rec = {"forename": p.fn, "surname": p.sn, "dob": d_slash(p.dob), "nhs_number": p.nhs,
                   "keysafe_code": val, "access_kind": kinds, "special_category": True}
            if p.mid:
                rec["middle_names"] = p.mid
            people.append(rec)
        staff = sorted({STAFF[k].fs() for k in self.staff_named} | {STAFF[k].fs() for k in ("haigh", "tetley")})
        pnames = {p.fs() for p in self.people}
        related = sorted(n for n in self.related_named if n not in pnames)
        return {"people": people, "staff": staff, "related": related}


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    share, truth_path = argv[1], argv[2]
    n = int(argv[3]) if len(argv) > 3 else 120
    seed = int(argv[4]) if len(argv) > 4 else 1
    random.seed(seed)                      # e-mail boundaries
    g = Gen(seed)
    today = dt.date(2026, 11, 30)
    people = build_people(g, n, today)
    s = Share(share, g, people, today)
    os.makedirs(share, exist_ok=True)
    s.build()
    missing = [p.idx for p in people if p.idx not in s.ident]
    assert not missing, missing
    t = s.truth()
    os.makedirs(os.path.dirname(os.path.abspath(truth_path)), exist_ok=True)
    with open(truth_path, "w", encoding="utf-8") as f:
        json.dump(t, f, indent=1, ensure_ascii=False)
    print(f"{len(s.files)} files, {len(people)} people, "
          f"{sum(1 for x in t['people'] if x['keysafe_code'])} with home access, "
          f"{len(t['staff'])} staff, {len(t['related'])} related")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
