#!/usr/bin/env python3
"""Held-out breach share 26: a trust's home therapies unit (home haemodialysis,
home oxygen, home parenteral nutrition) and its homecare company.

usage: heldout_share_26.py SHARE_DIR TRUTH.json [PEOPLE=120] [SEED=1]

Everything is invented. NHS numbers start 485 (valid modulus 11). Phones from
Ofcom drama ranges only.
"""
import sys, os, random, json, datetime as dt, csv, io, zipfile
from email.message import EmailMessage
from email.utils import format_datetime

EXPORT = dt.date(2026, 10, 31)
START = dt.date(2026, 5, 1)

# ----------------------------------------------------------------------------
# names
# ----------------------------------------------------------------------------
CULT = {
    "eng": dict(
        sur=["Whitfield", "Ashworth", "Pemberton", "Haworth", "Dobson", "Greenhalgh", "Marsden",
             "Ackroyd", "Holroyd", "Sutcliffe", "Thwaite", "Brierley", "Crowther", "Fairbairn",
             "Lumb", "Midgley", "Oldroyd", "Pickles", "Rushworth", "Shackleton", "Tordoff",
             "Wadsworth", "Hebblethwaite", "Illingworth", "Nuttall", "Binns", "Ashworth-Lee",
             "Kettlewell", "Scargill", "Bottomley", "Hirst", "Batley", "Cawood", "Dyson", "Firth",
             "Garside", "Hinchliffe", "Jagger", "Kershaw", "Lockwood", "Mellor", "Naylor", "Ormerod",
             "Priestley", "Quarmby", "Radcliffe", "Schofield", "Taylor", "Uttley", "Varley", "Walker",
             "Yates", "Beaumont", "Armitage", "Booth", "Crossley", "Denby", "Exley", "Fearnley",
             "Gaunt", "Holdsworth", "Jowett", "Smith", "Brook", "Wilkinson"],
        f=["Doreen", "Margaret", "Pauline", "Brenda", "Sheila", "Maureen", "Janet", "Gillian",
           "Carol", "Lorraine", "Joanne", "Kerry", "Hazel", "Sandra", "Tracey", "Lindsey",
           "Elizabeth", "Christine", "Jean", "Valerie", "Dawn", "Beverley", "Wendy", "Amy"],
        m=["Kenneth", "Derek", "Malcolm", "Trevor", "Graham", "Alan", "Keith", "Brian", "Colin",
           "Stuart", "Darren", "Wayne", "Lee", "Craig", "Geoffrey", "Roy", "William", "Terence",
           "Philip", "Raymond", "Nigel", "Gary", "Jonathan", "Barry"]),
    "celt": dict(
        sur=["McAllister", "MacLeod", "Drummond", "Galbraith", "Llewellyn", "Prosser", "Pritchard",
             "Vaughan-Jones", "O'Donnell", "O'Sullivan", "Doherty", "Quinlan", "Fitzpatrick",
             "Kilbride", "Hennessy", "Gallagher", "Rafferty", "McGettigan", "Ní Bhriain",
             "Cadwaladr", "MacKinnon", "O'Rourke", "Kerrigan", "McBride", "Lennon", "Rees", "Bowen",
             "Griffiths", "Morgan", "Sinclair", "Munro", "Cameron"],
        f=["Siobhan", "Bernadette", "Eileen", "Rhiannon", "Morag", "Fiona", "Gwen", "Nuala",
           "Catriona", "Aoife", "Bronwen", "Mairead", "Ffion", "Kathleen"],
        m=["Gareth", "Dylan", "Hamish", "Fraser", "Declan", "Seamus", "Ciaran", "Callum", "Ross",
           "Iwan", "Padraig", "Euan", "Rhodri", "Fergus"]),
    "sasian": dict(
        sur=["Patel", "Mistry", "Chauhan", "Parmar", "Sandhu", "Dhillon", "Grewal", "Bains",
             "Hussain", "Akhtar", "Iqbal", "Chaudhry", "Rahman", "Uddin", "Miah", "Chowdhury",
             "Nair", "Menon", "Fernandes", "D'Souza", "Lad", "Solanki", "Shah", "Desai", "Joshi",
             "Gill", "Sidhu", "Mahmood", "Ali", "Khan", "Ahmed", "Islam", "Pillai", "Kapoor"],
        f=["Hansaben", "Jasvinder", "Parveen", "Nasreen", "Shahida", "Rukhsana", "Kulwinder",
           "Manjit", "Anjali", "Priya", "Farzana", "Salma", "Roshan", "Lakshmi", "Kokila",
           "Sunita"],
        m=["Harjit", "Balwinder", "Mohammed", "Abdul", "Tariq", "Imran", "Shafiq", "Rajesh",
           "Dinesh", "Suresh", "Mahendra", "Ashok", "Jagdish", "Faisal", "Gurdev", "Anwar"]),
    "carib": dict(
        sur=["Campbell", "Clarke", "Bailey", "Francis", "Bennett", "Samuels", "Grant",
             "McKenzie", "Forbes", "Gayle", "Henry", "Lindo", "Reid", "Bryan"],
        f=["Hyacinth", "Merlene", "Claudette", "Marcia", "Pearline", "Yvonne", "Icilda",
           "Paulette", "Sonia"],
        m=["Winston", "Delroy", "Errol", "Clive", "Desmond", "Everton", "Lloyd", "Carlton",
           "Neville"]),
    "wafr": dict(
        sur=["Adeyemi", "Okonkwo", "Mensah", "Boateng", "Asante", "Oyelaran", "Nwosu", "Owusu",
             "Adebayo", "Osei-Bonsu", "Eze", "Ogunleye", "Smith-Appiah"],
        f=["Funmilayo", "Abena", "Ngozi", "Adaeze", "Yewande", "Comfort", "Efua", "Folake",
           "Akosua"],
        m=["Olusegun", "Kwame", "Chukwudi", "Kofi", "Babatunde", "Emeka", "Yaw", "Oluwaseun",
           "Kwabena"]),
    "pol": dict(
        sur=["Kowalczyk", "Wisniewski", "Nowak", "Kaminski", "Dabrowski", "Petrauskas",
             "Horvath", "Zielinski", "Sobczak", "Wozniak"],
        f=["Halina", "Krystyna", "Agnieszka", "Danuta", "Renata", "Jadwiga", "Ewa"],
        m=["Zbigniew", "Tadeusz", "Marek", "Krzysztof", "Jerzy", "Andrzej", "Pawel"]),
    "chin": dict(
        sur=["Cheung", "Wong", "Chan", "Lam", "Ng", "Yip", "Tang", "Leung"],
        f=["Mei Ling", "Siu Wai", "Wai Yee", "Lai Fong", "Suk Han"],
        m=["Kwok Wah", "Man Kit", "Chi Keung", "Wing Hong", "Ka Ho"]),
    "som": dict(
        sur=["Warsame", "Farah", "Abdi", "Mohamud", "Hassan", "Jama", "Egal"],
        f=["Hodan", "Ayaan", "Faadumo", "Sahra", "Khadra"],
        m=["Abdirahman", "Mahad", "Yusuf", "Liban", "Abdullahi"]),
    "med": dict(
        sur=["Christodoulou", "Georgiou", "Papadopoulos", "Rossi", "Esposito", "Bianchi",
             "Yilmaz", "Demir", "Kaya", "Loizou"],
        f=["Eleni", "Androulla", "Maria", "Giuseppina", "Ayse", "Fatma", "Despina"],
        m=["Andreas", "Costas", "Giovanni", "Salvatore", "Mehmet", "Mustafa", "Panayiotis"]),
}
CULT_W = [("eng", 36), ("celt", 12), ("sasian", 18), ("carib", 8), ("wafr", 7), ("pol", 6),
          ("chin", 4), ("som", 4), ("med", 5)]
KNOWN_AS = {"Margaret": "Peggy", "Elizabeth": "Betty", "William": "Bill", "Kathleen": "Kath",
            "Terence": "Terry", "Raymond": "Ray", "Geoffrey": "Geoff", "Christine": "Chris",
            "Jonathan": "Jon", "Krzysztof": "Chris", "Wai Yee": "Vivian", "Kwok Wah": "Kenny",
            "Babatunde": "Tunde", "Oluwaseun": "Seun", "Panayiotis": "Peter",
            "Mohammed": "Mo", "Abdirahman": "Abdi", "Jadwiga": "Jadzia", "Salvatore": "Sal"}
MIDDLES_F = ["Ann", "Mary", "Louise", "Jane", "Rose", "Elaine", "Marie", "Patricia"]
MIDDLES_M = ["John", "James", "Edward", "Anthony", "Michael", "David", "Peter", "Arthur"]

TOWNS = [("Hollinsby", "LW4"), ("Hollinsby", "LW7"), ("Stanbeck", "LW11"), ("Thackley Moor", "LW15"),
         ("Brackenholme", "HQ3"), ("Osgodby Vale", "HQ6"), ("Ravensworth", "HQ9"),
         ("Fennersley", "BV2"), ("Lowther Green", "BV5"), ("Cawthorne Bridge", "BV8"),
         ("Wyecombe", "DV1"), ("Stanbeck", "LW12")]
STREETS = ["Moorside Road", "Cragg Lane", "Beech Grove", "Tenter Street", "Hollins Terrace",
           "Mill Fold", "Sycamore Close", "Back Lane", "Albion Street", "Dyers Court",
           "Weavers Way", "Chapel Walk", "Gledhow Avenue", "Priory Drive", "Kingfisher Rise",
           "Station Road", "Pennine View", "Hawthorn Crescent", "Ings Lane", "Carr Bank",
           "Foundry Street", "Lister Gardens", "Orchard Mews", "Park Royd", "Shaw Hill"]
FLATS = ["Calder House", "Ashgrove Court", "Millennium Heights", "Brunswick Court", "Heron Lodge"]

TRUST = "Hollinsby and Stanbeck Hospitals NHS Foundation Trust"
UNIT = "Home Therapies Unit"
HOSP = "Thackley General Hospital"
HOMECARE = "Medivan Homecare Ltd"
O2CO = "Aerolink Home Oxygen"
DOM = "hollinsby-stanbeck.nhs.uk"
HDOM = "medivan-homecare.co.uk"

PRACTICES = ["Brackenholme Medical Centre", "Moorside Surgery", "Tenter Street Health Centre",
             "Osgodby Vale Practice", "Ravensworth Family Doctors", "Fennersley Group Practice",
             "The Mill Fold Surgery", "Lowther Green Medical Practice"]


def nhs_check(d9):
    s = sum(int(c) * w for c, w in zip(d9, range(10, 1, -1)))
    r = 11 - s % 11
    if r == 11:
        r = 0
    return None if r == 10 else r


def nhs_valid(n):
    n = "".join(c for c in n if c.isdigit())
    return len(n) == 10 and nhs_check(n[:9]) == int(n[9])


class W:
    """world"""

    def __init__(self, seed, n):
        self.r = random.Random(seed * 7919 + 26)
        self.seed = seed
        self.n = n
        self.used_names = set()
        self.used_nhs = set()
        self.used_codes = set()
        self.used_phones = set()

    # -- small helpers ------------------------------------------------------
    def ch(self, seq):
        return self.r.choice(seq)

    def p(self, x):
        return self.r.random() < x

    def phone(self, kind="mob"):
        while True:
            if kind == "mob":
                s = "07700 900%03d" % self.r.randint(0, 999)
            elif kind == "lds":
                s = "0113 496 0%03d" % self.r.randint(0, 999)
            else:
                s = "0117 496 0%03d" % self.r.randint(0, 999)
            if s not in self.used_phones:
                self.used_phones.add(s)
                return s

    def nhs(self):
        while True:
            d9 = "485" + "".join(str(self.r.randint(0, 9)) for _ in range(6))
            c = nhs_check(d9)
            if c is None:
                continue
            n = d9 + str(c)
            if n not in self.used_nhs:
                self.used_nhs.add(n)
                return n

    def code4(self):
        while True:
            c = "%04d" % self.r.randint(1000, 9999)
            if c not in self.used_codes and len(set(c)) > 1 and not c.startswith("19") \
                    and not c.startswith("20"):
                self.used_codes.add(c)
                return c

    def name(self, sex=None, cult=None, middle_p=0.0):
        r = self.r
        for _ in range(500):
            c = cult or r.choices([c for c, _ in CULT_W], [w for _, w in CULT_W])[0]
            sx = sex or r.choice("FM")
            d = CULT[c]
            fn = r.choice(d["f"] if sx == "F" else d["m"])
            sn = r.choice(d["sur"])
            if c == "sasian" and r.random() < 0.25:
                if fn in CULT["sasian"]["f"] and r.random() < 0.5:
                    sn = r.choice(["Kaur", "Begum"])
                elif fn in CULT["sasian"]["m"] and r.random() < 0.5:
                    sn = "Singh"
            key = (fn + " " + sn).lower()
            if key in self.used_names:
                continue
            self.used_names.add(key)
            mid = ""
            if r.random() < middle_p and c in ("eng", "celt", "carib"):
                mid = r.choice(MIDDLES_F if sx == "F" else MIDDLES_M)
            return dict(fn=fn, sn=sn, sex=sx, cult=c, mid=mid)
        raise RuntimeError("names exhausted")

    # -- staff ----------------------------------------------------------------
    def build_staff(self):
        r = self.r
        S = {}

        def mk(role, k, title="", sex=None, cult=None):
            out = []
            for _ in range(k):
                nm = self.name(sex=sex, cult=cult)
                nm.update(role=role, title=title)
                nm["full"] = nm["fn"] + " " + nm["sn"]
                nm["ini"] = (nm["fn"][0] + nm["sn"][0]).upper()
                out.append(nm)
            S[role] = out
        mk("nephrologist", 3, "Dr")
        mk("gastro", 1, "Dr")
        mk("resp", 2, "Dr")
        mk("renal_nurse", 5)
        mk("hpn_nurse", 2)
        mk("dietitian", 3)
        mk("o2_nurse", 3)
        mk("tech", 3)
        mk("coord", 3)
        mk("driver", 7)
        mk("pharm", 1)
        mk("admin", 2, sex="F")
        mk("manager", 1)
        mk("gp", 10, "Dr")
        # fixed letter/grade titles
        for s in S["renal_nurse"] + S["hpn_nurse"] + S["o2_nurse"]:
            s["grade"] = r.choice(["Sr", "", "", "CN"])
        self.S = S
        self.staff_all = [s for v in S.values() for s in v]
        self.practice_of = {}
        for i, g in enumerate(S["gp"]):
            self.practice_of[g["full"]] = PRACTICES[i % len(PRACTICES)]

    # -- related ----------------------------------------------------------------
    def related_person(self, pt, rel):
        r = self.r
        sx = {"wife": "F", "husband": "M", "daughter": "F", "son": "M", "partner": None,
              "neighbour": None, "sister": "F", "brother": "M", "niece": "F", "friend": None,
              "daughter-in-law": "F", "son-in-law": "M", "granddaughter": "F", "grandson": "M"}[rel]
        if rel == "partner":
            sx = "M" if pt["sex"] == "F" else "F"
        same = rel in ("wife", "husband", "son", "brother", "grandson") or \
            (rel in ("daughter", "sister", "granddaughter") and r.random() < 0.5)
        if rel == "wife" and r.random() < 0.15:
            same = False
        for _ in range(200):
            spouse = rel in ("wife", "husband", "partner")
            nm = self.name(sex=sx, cult=pt["cult"] if (spouse or r.random() < 0.85) else None)
            if same and pt["sn"] not in ("Kaur", "Begum", "Singh"):
                key = (nm["fn"] + " " + pt["sn"]).lower()
                if key in self.used_names:
                    continue
                self.used_names.discard((nm["fn"] + " " + nm["sn"]).lower())
                self.used_names.add(key)
                nm["sn"] = pt["sn"]
            nm["rel"] = rel
            nm["full"] = nm["fn"] + " " + nm["sn"]
            nm["phone"] = self.phone("mob")
            return nm
        raise RuntimeError

    # -- patients ----------------------------------------------------------------
    def build_people(self):
        r = self.r
        n = self.n
        P = []
        ther = []
        nh = round(n * 0.38)
        no = round(n * 0.37)
        ther = ["HHD"] * nh + ["O2"] * no + ["HPN"] * (n - nh - no)
        r.shuffle(ther)
        no_nhs = set(r.sample(range(n), round(n * 0.2)))
        for i in range(n):
            t = ther[i]
            sex = r.choice("FM")
            nm = self.name(sex=sex, middle_p=0.3)
            p = dict(nm)
            p["idx"] = i
            p["therapy"] = t
            p["also_o2"] = (t == "HPN" and r.random() < 0.12)
            age = {"HHD": (28, 78), "O2": (52, 94), "HPN": (22, 82)}[t]
            a = r.randint(*age)
            dob = dt.date(2026 - a, 1, 1) + dt.timedelta(days=r.randint(0, 364))
            if dob > dt.date(2026 - a, 10, 31):
                dob = dob.replace(year=dob.year - 1)
            p["dob"] = dob
            p["age"] = (EXPORT - dob).days // 365
            if sex == "F":
                p["title"] = r.choices(["Mrs", "Miss", "Ms"], [6, 2, 2])[0] if p["age"] > 30 else r.choice(["Miss", "Ms"])
            else:
                p["title"] = "Mr"
            if r.random() < 0.03:
                p["title"] = "Dr"
            p["known_as"] = KNOWN_AS.get(p["fn"]) if r.random() < 0.7 else None
            p["full"] = p["fn"] + " " + p["sn"]
            p["hosp"] = "K%06d" % r.randint(100000, 999999)
            p["nhs"] = "" if i in no_nhs else self.nhs()
            if not p["nhs"]:
                p["no_nhs_reason"] = r.choice([
                    "registered from overseas - NHS no. not yet traced",
                    "transferred from NHS Scotland, CHI only on file",
                    "temp. number only", "NHS no. pending (PDS trace failed)",
                    "not on PDS under this name"])
            p["gp"] = r.choice(self.S["gp"])
            p["practice"] = self.practice_of[p["gp"]["full"]]
            if t == "HHD":
                p["cons"] = r.choice(self.S["nephrologist"])
                p["nurse"] = r.choice(self.S["renal_nurse"])
                p["diet"] = None
                p["machine"] = r.choice(["NxStage System One", "NxStage System One",
                                         "Quanta SC+", "Fresenius 4008S (home)"])
                p["sched"] = r.choice(["Mon/Wed/Fri", "Tue/Thu/Sat", "5x/wk (short daily)",
                                       "alt nights (nocturnal)", "Mon/Wed/Fri"])
                p["dx"] = r.choice(["diabetic nephropathy", "IgA nephropathy", "ADPKD",
                                    "hypertensive nephrosclerosis", "FSGS",
                                    "reflux nephropathy", "ANCA vasculitis", "unknown aetiology (small kidneys)",
                                    "lupus nephritis", "Alport syndrome"])
            elif t == "O2":
                p["cons"] = r.choice(self.S["resp"])
                p["nurse"] = r.choice(self.S["o2_nurse"])
                p["diet"] = None
                p["dx"] = r.choice(["COPD (GOLD 4)", "COPD", "ILD / IPF", "bronchiectasis",
                                    "pulmonary hypertension", "cystic fibrosis", "heart failure",
                                    "COPD with type 2 resp failure", "sarcoidosis (stage IV)"])
                p["o2"] = dict(lpm=r.choice(["1", "1.5", "2", "2", "3", "4"]),
                               hrs=r.choice(["15", "16", "24", "16+", "ambulatory only"]),
                               conc=r.choice(["yes", "yes", "yes", "no"]),
                               amb=r.choice(["CD cylinders", "portable concentrator",
                                             "liquid O2 (Stroller)", "none"]))
                p["smoker"] = r.choice(["never", "ex (quit 2014)", "ex", "ex (quit 2021)",
                                        "current - counselled", "ex"])
            else:
                p["cons"] = self.S["gastro"][0]
                p["nurse"] = r.choice(self.S["hpn_nurse"])
                p["diet"] = r.choice(self.S["dietitian"])
                p["dx"] = r.choice(["short bowel syndrome", "chronic intestinal pseudo-obstruction",
                                    "radiation enteritis", "Crohn's disease - short bowel",
                                    "mesenteric infarction - SBS", "enterocutaneous fistula",
                                    "malignant bowel obstruction", "scleroderma GI dysmotility"])
                p["bag"] = r.choice(["compounded PN 2.5L", "Kabiven 2053ml", "compounded PN 2L",
                                     "SMOFKabiven 1477ml", "compounded PN 3L"])
                p["nights"] = r.choice(["7", "6", "5", "4"])
                p["line"] = r.choice(["Hickman", "tunnelled CVC", "PICC", "Hickman (R)"])
            if p["also_o2"]:
                p["o2"] = dict(lpm="2", hrs="16", conc="yes", amb="CD cylinders")
            # address
            town, oc = r.choice(TOWNS)
            pc = "%s %d%s%s" % (oc, r.randint(1, 9), r.choice("ABDEFGHJLNPQRSTUWXY"),
                                r.choice("ABDEFGHJLNPQRSTUWXYZ"))
            if r.random() < 0.18:
                addr = dict(line1="Flat %d, %s" % (r.randint(1, 24), r.choice(FLATS)),
                            line2=r.choice(STREETS), town=town, pc=pc, flat=True)
            else:
                addr = dict(line1="%d %s" % (r.randint(1, 140), r.choice(STREETS)), line2="",
                            town=town, pc=pc, flat=False)
            p["addr"] = addr
            p["tel"] = self.phone(r.choice(["lds", "bri", "mob"]))
            # household / related
            rels = []
            if p["age"] > 30 and r.random() < 0.55:
                rels.append(self.related_person(p, "wife" if sex == "M" and r.random() < 0.9 else
                                                ("husband" if sex == "F" else "partner")))
            if p["age"] > 55 and r.random() < 0.6:
                rels.append(self.related_person(p, r.choice(["daughter", "son", "daughter", "niece",
                                                             "son", "daughter-in-law"])))
            if not rels and r.random() < 0.5:
                rels.append(self.related_person(p, r.choice(["sister", "brother", "friend", "partner"])))
            p["rels"] = rels
            p["nok"] = rels[0] if rels else None
            P.append(p)
        self.P = P

    # -- access and events ---------------------------------------------------
    def build_access(self):
        r = self.r
        for p in self.P:
            p["start"] = START - dt.timedelta(days=r.randint(60, 2000))
            if r.random() < 0.12:
                p["start"] = START + dt.timedelta(days=r.randint(5, 140))
            p["end"] = EXPORT
            p["state"] = "active"
        n = len(self.P)
        elig = [p for p in self.P if p["start"] < dt.date(2026, 8, 1)]
        r.shuffle(elig)
        hhd = [p for p in elig if p["therapy"] == "HHD"]
        for p in hhd[:max(2, round(n * 0.035))]:
            p["state"] = "transplanted"
        rest = [p for p in elig if p["state"] == "active"]
        counts = [("died", max(3, round(n * 0.07))), ("care_home", max(2, round(n * 0.04))),
                  ("moved_relative", max(1, round(n * 0.02))), ("moved_house", max(2, round(n * 0.03)))]
        k = 0
        for st, c in counts:
            for p in rest[k:k + c]:
                p["state"] = st
            k += c
        for p in self.P:
            if p["state"] != "active":
                lo = max(p["start"], START) + dt.timedelta(days=25)
                span = (dt.date(2026, 10, 15) - lo).days
                if span < 10:
                    p["state"] = "active"
                else:
                    p["event_date"] = lo + dt.timedelta(days=r.randint(0, span))
                    if p["state"] in ("died", "care_home", "moved_relative", "transplanted"):
                        p["end"] = p["event_date"]
            if p["state"] == "care_home":
                p["care_home"] = r.choice(["Oakhurst Nursing Home", "Larchfield Care Centre",
                                           "St Aidan's Residential Home", "The Laurels Nursing Home"])
            if p["state"] == "moved_relative":
                rr = [x for x in p["rels"] if x["rel"] in ("daughter", "son", "niece", "sister",
                                                            "daughter-in-law", "brother")]
                if not rr:
                    rr = [self.related_person(p, "daughter")]
                    p["rels"].append(rr[0])
                p["moved_to"] = rr[0]
            # homes
            homes = [self.make_home(p, p["addr"], 0.58)]
            if p["state"] == "moved_house":
                town, oc = r.choice(TOWNS)
                pc = "%s %d%s%s" % (oc, r.randint(1, 9), r.choice("ABDEFGHJLNPQRSTUWXY"),
                                    r.choice("ABDEFGHJLNPQRSTUWXYZ"))
                na = dict(line1="%d %s" % (r.randint(1, 90), r.choice(STREETS)), line2="",
                          town=town, pc=pc, flat=False)
                homes.append(self.make_home(p, na, 0.5))
            if p["state"] == "moved_relative":
                rel = p["moved_to"]
                town, oc = r.choice(TOWNS)
                pc = "%s %d%s%s" % (oc, r.randint(1, 9), r.choice("ABDEFGHJLNPQRSTUWXY"),
                                    r.choice("ABDEFGHJLNPQRSTUWXYZ"))
                p["rel_addr"] = dict(line1="%d %s" % (r.randint(1, 90), r.choice(STREETS)), line2="",
                                     town=town, pc=pc, flat=False)
            p["homes"] = homes
            # a way that stops working: code changed (new one not written) / key safe removed
            h = homes[-1]
            codes = [w for w in h["ways"] if w["kind"] == "code"]
            late = max(p["start"], START) > dt.date(2026, 8, 15)
            if codes and not late and p["state"] in ("active", "transplanted") and r.random() < 0.12:
                w = codes[0]
                w["dead"] = rdate(r, max(p["start"], START) + dt.timedelta(days=35), dt.date(2026, 10, 1))
                w["dead_how"] = r.choice(["changed", "removed"]) if w["what"] == "key safe" else "changed"
            elif codes and not late and p["state"] == "active" and r.random() < 0.1:
                w = codes[0]
                w["newcode"] = self.code4()
                w["new_from"] = rdate(r, max(p["start"], START) + dt.timedelta(days=35), dt.date(2026, 10, 1))
        self.compute_kinds()

    def compute_kinds(self):
        for p in self.P:
            cur = p["homes"][-1]

            def kinds(h, at):
                ks = []
                for w in h["ways"]:
                    if not w.get("evidenced", True):
                        continue
                    if w.get("dead") and w["dead"] <= at:
                        continue
                    if w["kind"] not in ks:
                        ks.append(w["kind"])
                return ks
            if p["state"] in ("died", "care_home", "moved_relative"):
                p["access_kind"] = []
                p["former_access_kind"] = kinds(cur, p["event_date"])
            elif p["state"] == "moved_house":
                p["access_kind"] = kinds(cur, EXPORT)
                p["former_access_kind"] = kinds(p["homes"][0], p["event_date"])
            else:
                p["access_kind"] = kinds(cur, EXPORT)
                p["former_access_kind"] = []

    def make_home(self, p, addr, pr):
        r = self.r
        h = dict(addr=addr, ways=[])
        if r.random() >= pr:
            return h
        roll = r.random()
        kinds = []
        if roll < 0.45:
            kinds = ["code"]
        elif roll < 0.58:
            kinds = ["key_holder"]
        elif roll < 0.68:
            kinds = ["hidden_key"]
        elif roll < 0.76:
            kinds = ["left_open"]
        elif roll < 0.86:
            kinds = ["code", "key_holder"]
        elif roll < 0.92:
            kinds = ["left_open", "key_holder"]
        elif roll < 0.96:
            kinds = ["code", "left_open"]
        else:
            kinds = ["hidden_key", "key_holder"]
        for k in kinds:
            w = dict(kind=k)
            if k == "code":
                if addr.get("flat"):
                    w["what"] = r.choice(["door entry", "key safe"])
                else:
                    w["what"] = r.choices(["key safe", "gate", "alarm", "side door keypad"],
                                          [8, 1, 1, 1])[0]
                w["code"] = self.code4()
                w["where"] = r.choice(["left of front door", "by back door", "on wall behind the bins",
                                       "inside porch", "on garage wall", "next to meter cupboard",
                                       "right of front door", "behind drainpipe"])
            elif k == "hidden_key":
                w["where"] = r.choice(["under the blue plant pot by the back door",
                                       "in the meter box (front)", "on a string behind the letterbox",
                                       "under the stone frog by the step", "in the shed, hook left of door",
                                       "under the mat at back door", "in the gas meter cupboard",
                                       "inside the bird box on the fence"])
            elif k == "key_holder":
                if r.random() < 0.12:
                    w["holder"] = dict(place=True, full=r.choice(
                        ["the Costcutter on the corner", "Premier Stores (ask for Raj)",
                         "the scheme office", "the pharmacy next door"]))
                else:
                    kh = [x for x in p["rels"] if x["rel"] in ("daughter", "son", "niece", "sister",
                                                                "brother", "friend", "daughter-in-law")]
                    if kh and r.random() < 0.5:
                        w["holder"] = kh[0]
                    else:
                        nb = self.related_person(p, "neighbour")
                        nb["nbr_no"] = r.choice(["next door", "no. %d" % r.randint(1, 99),
                                                 "opposite", "no. %d" % r.randint(1, 99)])
                        p["rels"].append(nb)
                        w["holder"] = nb
            elif k == "left_open":
                w["how"] = r.choice(["side door of garage left open on delivery days - leave boxes in garage",
                                     "back door left unlocked while on machine - let yourself in" if p["therapy"] == "HHD" else
                                     "back door left unlocked on delivery day - let yourself in, fridge in kitchen",
                                     "front door on the latch Tues am - just push and shout",
                                     "conservatory door left open for driver, stock in back bedroom",
                                     "garage up-and-over left unlocked, side door into kitchen open"])
            h["ways"].append(w)
        return h

    # -- shapes ---------------------------------------------------------------
    def dob_s(self, p, form=None):
        d = p["dob"]
        form = form if form is not None else self.r.randint(0, 6)
        M = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        ML = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]
        return [d.strftime("%d/%m/%Y"), "%d.%d.%s" % (d.day, d.month, str(d.year)[2:]),
                "%02d-%s-%d" % (d.day, M[d.month - 1], d.year), d.isoformat(),
                "%d %s %d" % (d.day, ML[d.month - 1], d.year), d.strftime("%d/%m/%Y"),
                "%02d.%02d.%d" % (d.day, d.month, d.year)][form]

    def nhs_s(self, p, form=None):
        n = p["nhs"]
        if not n:
            return ""
        form = form if form is not None else self.r.choice([0, 0, 0, 1, 1, 2])
        return [n[:3] + " " + n[3:6] + " " + n[6:], n, n[:3] + "-" + n[3:6] + "-" + n[6:]][form]

    def nm(self, p, form=None):
        """a patient's name as staff write it"""
        r = self.r
        form = form if form is not None else r.randint(0, 9)
        fn, sn = p["fn"], p["sn"]
        ka = p.get("known_as")
        if form == 0:
            return "%s %s" % (fn, sn)
        if form == 1:
            return "%s, %s" % (sn.upper(), fn)
        if form == 2:
            return "%s %s %s" % (p["title"], fn[0], sn)
        if form == 3:
            return "%s %s" % (p["title"], sn)
        if form == 4:
            return "%s %s" % (fn, sn.upper())
        if form == 5:
            return "%s %s%s %s" % (p["title"], fn, (" " + p["mid"]) if p["mid"] else "", sn)
        if form == 6:
            return "%s %s" % (ka or fn, sn)
        if form == 7:
            return "%s, %s%s" % (sn, fn, (" " + p["mid"]) if p["mid"] else "")
        if form == 8:
            return "%s %s" % (sn, fn[0])
        return "%s%s %s" % (fn, (' "%s"' % ka) if ka else "", sn)

    def nm_id(self, p):
        """a shape that carries the full forename and surname"""
        return self.nm(p, self.r.choice([0, 1, 4, 5, 7, 9]))

    def addr1(self, a):
        return ", ".join(x for x in [a["line1"], a["line2"], a["town"], a["pc"]] if x)

    def staff_s(self, s, form=None):
        form = form if form is not None else self.r.randint(0, 4)
        t = s.get("title") or ""
        if form == 0:
            return s["full"]
        if form == 1:
            return (t + " " + s["full"]).strip() if t else s["full"]
        if form == 2:
            return "%s %s" % (s["fn"][0], s["sn"]) if not t else "%s %s" % (t, s["sn"])
        if form == 3:
            return s["fn"]
        return s["full"]

    def home_at(self, p, d):
        if p["state"] == "moved_house" and d >= p["event_date"]:
            return p["homes"][1]
        return p["homes"][0]

    def rel_s(self, x):
        return x["full"]

    def way_text(self, p, w, d, style):
        """one access instruction as written on date d in a style; None when nothing to say"""
        r = self.r
        k = w["kind"]
        if k == "code":
            code = w["code"]
            if w.get("newcode") and d >= w["new_from"]:
                code = w["newcode"]
            if w.get("dead") and d >= w["dead"]:
                if w["dead_how"] == "removed":
                    return r.choice(["Key safe removed (landlord) - pt/family will let in, ring ahead",
                                     "KEYSAFE GONE - removed by council, ring pt before arrival",
                                     "Key safe no longer in place. Ring 30 min before."])
                if w["what"] != "key safe":
                    return r.choice(["%s code changed - ring pt/family for new one, old code will not work" % w["what"].capitalize(),
                                     "NEW %s CODE NOT ON SYSTEM - ring ahead" % w["what"].upper()])
                return r.choice(["KS code changed by family - ring pt for new code, old one will NOT work",
                                 "Key safe code CHANGED (see email) - ring NOK for code on the day",
                                 "code changed after break-in nearby, pt will give new one by phone",
                                 "New keysafe code held by Medivan office only - ring office"])
            what = w["what"]
            dig = code
            if style == "driver":
                dig = r.choice([code, code, "-".join(code), code[:2] + " " + code[2:]])
                if what == "key safe":
                    return r.choice(["KS %s %s" % (dig, w["where"]), "keysafe %s (%s)" % (dig, w["where"]),
                                     "K/S code %s" % dig, "key box %s, %s" % (dig, w["where"]),
                                     "KEYSAFE - %s" % dig])
                if what == "door entry":
                    return r.choice(["main door code %s# then lift to %s" % (dig, r.choice(["2nd", "3rd", "1st"])),
                                     "Entry keypad %s then straight up" % dig])
                if what == "gate":
                    return "side gate code %s, boxes to back door" % dig
                if what == "alarm":
                    return "alarm code %s if it goes off - pt sometimes sets it by mistake" % dig
                return "side door keypad %s" % dig
            if style == "nurse":
                if what == "key safe":
                    return r.choice(["Key safe %s - code %s." % (w["where"], dig),
                                     "Access via key safe (%s), code %s." % (w["where"], dig),
                                     "Used key safe as pt %s, code %s." % ({"HHD": "on machine", "HPN": "connected to PN",
                                                                       "O2": "slow to door"}[p["therapy"]], dig),
                                     "Keysafe code is %s (%s)." % (dig, w["where"])])
                if what == "door entry":
                    return "Communal door code %s." % dig
                if what == "gate":
                    return "Gate code %s." % dig
                if what == "alarm":
                    return "House alarm - code %s to disarm (wife sets it when she goes out)." % dig
                return "Side door has keypad lock, %s." % dig
            # schedule / formal
            if what == "key safe":
                return r.choice(["Key safe %s. Code %s" % (w["where"], dig),
                                 "KEY SAFE: %s" % dig, "Keysafe (%s) %s" % (w["where"], dig)])
            if what == "door entry":
                return "Door entry code %s" % dig
            if what == "gate":
                return "Gate code %s" % dig
            if what == "alarm":
                return "Alarm code %s" % dig
            return "Keypad on side door %s" % dig
        if k == "hidden_key":
            loc = w["where"]
            if style == "driver":
                return r.choice(["key %s" % loc, "KEY %s - put back!!" % loc.upper(),
                                 "spare key %s" % loc])
            if style == "nurse":
                return r.choice(["Key is kept %s." % loc, "Let self in with key %s as agreed." % loc])
            return "Spare key %s" % loc
        if k == "key_holder":
            h = w["holder"]
            if h.get("place"):
                return r.choice(["Spare key held at %s" % h["full"], "key with %s" % h["full"]])
            who = h["full"]
            if h["rel"] == "neighbour":
                if style == "driver":
                    return r.choice(["if no answer key w/ %s %s" % (who, h["nbr_no"]),
                                     "nbr %s (%s) has key" % (who, h["nbr_no"]),
                                     "KEY WITH NEIGHBOUR %s %s" % (h["nbr_no"].upper(), who)])
                if style == "nurse":
                    return "Neighbour %s (%s) holds a key - %s." % (who, h["nbr_no"], h["phone"])
                return "Key holder: %s (neighbour, %s) %s" % (who, h["nbr_no"], h["phone"])
            if style == "driver":
                return r.choice(["%s (%s) has key %s" % (h["fn"], h["rel"], h["phone"]),
                                 "key holder %s %s" % (who, h["phone"])])
            if style == "nurse":
                return "%s (%s) has a key and will come round if pt not answering - %s." % (
                    who, h["rel"], h["phone"])
            return "Key holder: %s (%s) %s" % (who, h["rel"], h["phone"])
        if k == "left_open":
            if style == "driver":
                return w["how"].replace("leave", "lv").replace("left", "lft") if r.random() < 0.4 else w["how"]
            if style == "nurse":
                return "Pt leaves door open for us: %s." % w["how"]
            return w["how"][0].upper() + w["how"][1:]
        return None

    def access_line(self, p, d, style, sep="; "):
        h = self.home_at(p, d)
        parts = []
        for w in h["ways"]:
            t = self.way_text(p, w, d, style)
            if t:
                parts.append(t)
        return sep.join(parts)

    def nonaccess_note(self, p, style):
        r = self.r
        opts = ["Pt always in - ring bell and wait, slow to door", "Wheelchair user - allow time",
                "Dog - ask pt to shut it in kitchen", "Do NOT leave on doorstep",
                "Ring 30 mins before", "Park on drive", "Deliver to back door (ramp)",
                "Stock in spare bedroom", "Steps - 2 person lift for fluids",
                "Narrow stairs, store in garage", "Family home all day", "Parking difficult - use bay opp.",
                "Key safe requested via council - not fitted yet", "Customer requests AM slot",
                "Cat - keep doors shut", "Ring mobile not landline", "", "", ""]
        return r.choice(opts)


# ----------------------------------------------------------------------------
# low level writers
# ----------------------------------------------------------------------------
def _pdf_esc(s):
    b = s.encode("cp1252", "replace")
    out = bytearray()
    for c in b:
        if c in (0x28, 0x29, 0x5C):
            out += b"\\" + bytes([c])
        elif c < 32:
            out += b" "
        else:
            out.append(c)
    return bytes(out)


def write_pdf(path, pages, title="", author="", producer="HTU forms"):
    """pages: list of lists of (x, y, size, bold, text)"""
    objs = []

    def add(b):
        objs.append(b)
        return len(objs)
    f1 = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    f2 = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    pages_id = add(None)
    kids = []
    for pg in pages:
        cs = bytearray()
        for (x, y, size, bold, text) in pg:
            if text == "__LINE__":
                cs += b"0.5 w %d %d m %d %d l S\n" % (x, y, 555, y)
                continue
            cs += b"BT /%s %d Tf %d %d Td (" % (b"F2" if bold else b"F1", size, x, y)
            cs += _pdf_esc(text) + b") Tj ET\n"
        c_id = add(b"<< /Length %d >>\nstream\n" % len(cs) + bytes(cs) + b"\nendstream")
        p_id = add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                   b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> >>" % (pages_id, c_id, f1, f2))
        kids.append(p_id)
    objs[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    info = add(b"<< /Title (" + _pdf_esc(title) + b") /Author (" + _pdf_esc(author) +
               b") /Producer (" + _pdf_esc(producer) + b") >>")
    cat = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offs = []
    for i, o in enumerate(objs):
        offs.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offs:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1, cat, info, xref)
    with open(path, "wb") as fh:
        fh.write(out)


def pdf_flow(lines, top=800, left=50, lh=13, width=95):
    """lines: str or (str, size, bold); wraps and paginates"""
    import textwrap
    pages, cur, y = [], [], top
    for ln in lines:
        if isinstance(ln, tuple):
            t, size, bold = ln
        else:
            t, size, bold = ln, 10, False
        if t == "__LINE__":
            cur.append((left, y + 4, 0, False, "__LINE__"))
            y -= 6
            continue
        chunks = textwrap.wrap(t, int(width * 10 / size)) if t else [""]
        for c in chunks:
            if y < 60:
                pages.append(cur)
                cur, y = [], top
            cur.append((left, y, size, bold, c))
            y -= int(lh * size / 10)
    pages.append(cur)
    return pages


def new_docx(author):
    import docx
    d = docx.Document()
    cp = d.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.created = dt.datetime(2026, 10, 1, 9, 0, 0)
    cp.modified = dt.datetime(2026, 10, 1, 9, 0, 0)
    cp.revision = 1
    return d


def save_docx(d, path):
    """save with fixed zip timestamps so a seed gives the same bytes"""
    b = io.BytesIO()
    d.save(b)
    zin = zipfile.ZipFile(io.BytesIO(b.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for it in zin.infolist():
            zi = zipfile.ZipInfo(it.filename, date_time=(2026, 10, 31, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, zin.read(it.filename))


def docx_table(d, rows, style="Table Grid"):
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    try:
        t.style = style
    except Exception:
        pass
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            t.cell(i, j).text = str(v)
    return t


def write_text(path, text, crlf=False):
    if crlf:
        text = text.replace("\n", "\r\n")
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)


def write_csv(path, rows, delim=",", bom=False, crlf=True):
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter=delim, lineterminator="\r\n" if crlf else "\n")
        for r in rows:
            w.writerow(r)


def csv_text(rows):
    s = io.StringIO()
    w = csv.writer(s, lineterminator="\r\n")
    for r in rows:
        w.writerow(r)
    return s.getvalue()


def write_xlsx(path, sheets, author="Medivan Planning"):
    """sheets: list of (name, rows, title_lines)"""
    import xlsxwriter
    wb = xlsxwriter.Workbook(path)
    wb.set_properties({"author": author, "created": dt.datetime(2026, 10, 1, 9, 0, 0)})
    bold = wb.add_format({"bold": True})
    wrap = wb.add_format({"text_wrap": True, "valign": "top"})
    for name, rows, titles in sheets:
        ws = wb.add_worksheet(name[:31])
        r0 = 0
        for t in titles:
            ws.write(r0, 0, t, bold)
            r0 += 1
        if titles:
            r0 += 1
        for i, row in enumerate(rows):
            for j, v in enumerate(row):
                ws.write(r0 + i, j, v, bold if i == 0 else wrap)
        if rows:
            for j in range(len(rows[0])):
                mx = max(len(str(r[j])) if j < len(r) else 0 for r in rows)
                ws.set_column(j, j, min(max(8, mx * 0.9), 60))
    wb.close()


# ----------------------------------------------------------------------------
# read back (self-check)
# ----------------------------------------------------------------------------
def _pdf_text(path):
    import re
    b = open(path, "rb").read()
    out = []
    for m in re.finditer(rb"\(((?:\\.|[^\\)])*)\) Tj", b):
        s = m.group(1)
        s = re.sub(rb"\\(.)", rb"\1", s)
        out.append(s.decode("cp1252", "replace"))
    return "\n".join(out)


def extract_text(path):
    ext = os.path.splitext(path)[1].lower()
    if ext == ".docx":
        import docx
        d = docx.Document(path)
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                parts.append(" | ".join(c.text for c in row.cells))
        for s in d.sections:
            parts += [p.text for p in s.header.paragraphs] + [p.text for p in s.footer.paragraphs]
        return "\n".join(parts)
    if ext == ".xlsx":
        import openpyxl
        wb = openpyxl.load_workbook(path, read_only=True)
        parts = []
        for ws in wb.worksheets:
            for row in ws.iter_rows(values_only=True):
                parts.append(" | ".join("" if v is None else str(v) for v in row))
        wb.close()
        return "\n".join(parts)
    if ext == ".pdf":
        return _pdf_text(path)
    if ext == ".eml":
        import email
        from email import policy
        m = email.message_from_bytes(open(path, "rb").read(), policy=policy.default)
        parts = [str(m["From"]), str(m["To"]), str(m["Cc"] or ""), str(m["Subject"])]
        for part in m.walk():
            if part.is_multipart():
                continue
            try:
                parts.append(part.get_content() if isinstance(part.get_content(), str)
                             else part.get_content().decode("utf-8", "replace"))
            except Exception:
                parts.append(part.get_payload(decode=True).decode("utf-8", "replace"))
        return "\n".join(parts)
    return open(path, encoding="utf-8", errors="replace").read()



# ----------------------------------------------------------------------------
# the share
# ----------------------------------------------------------------------------
def rdate(r, a, b):
    if b < a:
        b = a
    return a + dt.timedelta(days=r.randint(0, (b - a).days))


def dd(d, form=0):
    return [d.strftime("%d/%m/%Y"), d.strftime("%d/%m/%y"), d.strftime("%-d %B %Y"),
            d.isoformat(), d.strftime("%d.%m.%Y"), d.strftime("%a %d/%m")][form]


def safe_fn(s):
    return "".join(c for c in s if c.isalnum() or c in " -_.,'()").strip()


class Share(W):
    def __init__(self, seed, n, root):
        super().__init__(seed, n)
        self.root = root
        self.files = []
        self.build_staff()
        self.build_people()
        self.build_access()
        # o2 engineers (supplier)
        out = []
        for _ in range(2):
            nm = self.name()
            nm.update(role="o2eng", title="", full=nm["fn"] + " " + nm["sn"])
            out.append(nm)
        self.S["o2eng"] = out
        self.staff_all += out

    def path(self, folder, name):
        d = os.path.join(self.root, folder)
        os.makedirs(d, exist_ok=True)
        p = os.path.join(d, safe_fn(name) if "/" not in name else name)
        base, ext = os.path.splitext(p)
        i = 2
        while os.path.exists(p):
            p = "%s (%d)%s" % (base, i, ext)
            i += 1
        self.files.append(p)
        return p

    def window(self, p, lo=START, hi=EXPORT):
        a = max(p["start"], lo)
        b = min(p["end"], hi)
        return a, b

    def signer(self, p):
        return p["cons"]

    # ---------------------------------------------------------------- letters
    def bloods(self, p):
        r = self.r
        if p["therapy"] == "HHD":
            return ("Hb %d g/L, K %.1f, urea %.1f (pre), creat %d, albumin %d, adj Ca %.2f, "
                    "phos %.2f, PTH %.1f pmol/L, ferritin %d" % (
                        r.randint(92, 128), r.uniform(4.1, 6.1), r.uniform(14, 28), r.randint(480, 960),
                        r.randint(30, 42), r.uniform(2.1, 2.5), r.uniform(1.1, 2.2), r.uniform(12, 60),
                        r.randint(200, 700)))
        if p["therapy"] == "O2":
            return ("ABG on air: pH %.2f, pO2 %.1f kPa, pCO2 %.1f kPa, HCO3 %d. FEV1 %.2fL (%d%% pred)." % (
                r.uniform(7.35, 7.44), r.uniform(6.2, 7.4), r.uniform(5.1, 7.8), r.randint(24, 33),
                r.uniform(0.5, 1.6), r.randint(22, 48)))
        return ("Na %d, K %.1f, Mg %.2f, phos %.2f, albumin %d, bili %d, ALP %d, ALT %d, "
                "CRP %d, zinc %.1f, selenium %.2f" % (
                    r.randint(133, 142), r.uniform(3.5, 4.8), r.uniform(0.6, 0.9), r.uniform(0.8, 1.3),
                    r.randint(28, 40), r.randint(6, 30), r.randint(80, 260), r.randint(12, 90),
                    r.randint(1, 30), r.uniform(9, 15), r.uniform(0.6, 1.1)))

    def meds(self, p):
        r = self.r
        pool = {"HHD": ["alfacalcidol 0.25mcg od", "sevelamer 800mg tds with meals",
                        "calcium acetate 1g tds", "darbepoetin 40mcg weekly", "amlodipine 10mg od",
                        "bisoprolol 2.5mg od", "Renavit 1 od", "atorvastatin 20mg on",
                        "insulin glargine 18 units", "cinacalcet 30mg od", "omeprazole 20mg od",
                        "heparin per HD prescription"],
                "O2": ["Trimbow 2 puffs bd", "salbutamol 100mcg prn", "carbocisteine 375mg tds",
                       "prednisolone 5mg od", "furosemide 40mg od", "azithromycin 250mg M/W/F",
                       "Anoro Ellipta 1 puff od", "Adcal-D3 1 bd", "pirfenidone 801mg tds",
                       "sildenafil 20mg tds", "morphine MR 5mg bd"],
                "HPN": ["loperamide 8mg qds", "omeprazole 40mg bd", "codeine phosphate 30mg qds",
                        "Dioralyte", "teduglutide 5mg sc od", "vitamin B12 1mg 3-monthly",
                        "Forceval 1 od", "cholestyramine 4g od", "taurolidine line lock",
                        "ondansetron 4mg prn", "octreotide 100mcg sc tds"]}[p["therapy"]]
        return r.sample(pool, r.randint(3, 6))

    def letter_body(self, p, d):
        r = self.r
        t = p["therapy"]
        heshe = "She" if p["sex"] == "F" else "He"
        hisher = "her" if p["sex"] == "F" else "his"
        lines = []
        if p["state"] == "transplanted" and d >= p["event_date"]:
            lines.append("%s %s received a %s renal transplant at St Bede's on %s and has now been "
                         "discharged from the home haemodialysis programme. The %s machine and all "
                         "remaining stock will be collected by %s; the technician will decommission the "
                         "water supply connection." % (p["title"], p["sn"], r.choice(["deceased-donor", "living-donor"]),
                                                        dd(p["event_date"], 2), p.get("machine", "HD"), HOMECARE))
            lines.append("Creatinine today %d umol/L. %s is on tacrolimus, mycophenolate and prednisolone "
                         "and will be followed up in the transplant clinic." % (r.randint(90, 160), heshe))
            return lines
        if t == "HHD":
            lines.append("I reviewed %s %s in the home therapies clinic today. %s continues on home "
                         "haemodialysis, %s, using the %s. %s vascular access is a %s which is working well."
                         % (p["title"], p["sn"], heshe, p["sched"], p["machine"], hisher.capitalize(),
                            r.choice(["left radiocephalic AVF", "right brachiocephalic AVF",
                                      "tunnelled right IJ line", "left BC fistula (buttonhole)"])))
            lines.append("Interdialytic weight gains %s. Blood pressure %d/%d. %s" % (
                r.choice(["are 1.5-2 kg", "remain high at around 3 kg", "are acceptable"]),
                r.randint(118, 168), r.randint(64, 96),
                r.choice(["Kt/V 2.1 on the last monthly bloods.", "Target weight reduced to %.1f kg." %
                          r.uniform(55, 98), "No hospital admissions since last seen.",
                          "%s remains on the transplant waiting list (active)." % heshe])))
        elif t == "O2":
            o = p["o2"]
            lines.append("%s %s attended for home oxygen review. %s has %s. Resting SpO2 on air %d%%, "
                         "on %s L/min %d%%. I have asked the oxygen service to continue LTOT at %s L/min for "
                         "%s hours per day%s." % (p["title"], p["sn"], heshe, p["dx"], r.randint(82, 89),
                                                   o["lpm"], r.randint(91, 96), o["lpm"], o["hrs"],
                                                   "" if o["amb"] == "none" else " with ambulatory %s" % o["amb"]))
            lines.append("Smoking status: %s. %s" % (p["smoker"], r.choice([
                "Home fire safety visit has been requested.", "E-cigarette use was discussed; she has stopped."
                if p["sex"] == "F" else "E-cigarette use was discussed; he has stopped.",
                "No change to oxygen prescription.", "A HOOF has been sent to the supplier."])))
        else:
            lines.append("I saw %s %s in the intestinal failure clinic. %s has %s and receives home "
                         "parenteral nutrition (%s) %s nights per week via a %s. Weight today %.1f kg "
                         "(BMI %.1f)." % (p["title"], p["sn"], heshe, p["dx"], p["bag"], p["nights"],
                                         p["line"], r.uniform(42, 88), r.uniform(16.5, 27)))
            lines.append(r.choice(["There have been no line infections since the last review.",
                                   "%s had a CRBSI in July treated with line salvage." % heshe,
                                   "Stoma output is around 1.8 L/day.",
                                   "We will reduce to %d nights if weight holds." % (int(p["nights"]) - 1)]))
        return lines

    def gen_letters(self, k):
        r = self.r
        cands = [p for p in self.P]
        for i in range(k):
            p = cands[i % len(cands)] if i < len(cands) else r.choice(cands)
            a, b = self.window(p)
            if p["state"] == "transplanted" and r.random() < 0.5:
                d = p["event_date"] + dt.timedelta(days=r.randint(3, 20))
                if d > EXPORT:
                    d = EXPORT
            else:
                d = rdate(r, a, b)
            cons = p["cons"]
            gp = p["gp"]
            home = self.home_at(p, d)
            ad = home["addr"]
            hdr = [TRUST, "%s, %s" % (UNIT, HOSP), "Thackley Road, Stanbeck LW11 2TG",
                   "Tel 0113 496 0%03d  Fax 0113 496 0%03d" % (self.seed * 17 % 1000, (self.seed * 17 + 1) % 1000)]
            re = "Re: %s  DOB %s" % (self.nm(p, r.choice([5, 1, 4, 0])).replace(p["sn"], p["sn"].upper())
                                     if r.random() < 0.5 else self.nm(p, r.choice([5, 0, 9])),
                                     self.dob_s(p, r.choice([0, 4, 2, 6])))
            ids = ("NHS No: %s   Hosp No: %s" % (self.nhs_s(p), p["hosp"])) if p["nhs"] else \
                ("Hosp No: %s   NHS No: %s" % (p["hosp"], r.choice(["not known", "", "awaited"])))
            diag = ["Diagnoses:", "1. " + p["dx"][0].upper() + p["dx"][1:]]
            extra = {"HHD": ["Established renal failure on home HD", "Type 2 diabetes", "Hypertension",
                             "Renal anaemia", "Secondary hyperparathyroidism"],
                     "O2": ["Chronic hypoxaemia on LTOT", "Osteoporosis", "AF (on apixaban)",
                            "Anxiety", "Type 2 resp failure"],
                     "HPN": ["Intestinal failure type 3", "Hickman line in situ", "Metabolic bone disease",
                             "Iron deficiency", "Previous CRBSI"]}[p["therapy"]]
            for j, x in enumerate(r.sample(extra, r.randint(1, 3))):
                diag.append("%d. %s" % (j + 2, x))
            meds = ["Medications:"] + ["- " + m for m in self.meds(p)]
            body = self.letter_body(p, d)
            sig = ["Yours sincerely", "", "", "%s %s" % (cons["title"], cons["full"]),
                   "Consultant %s" % {"HHD": "Nephrologist", "O2": "Respiratory Physician",
                                      "HPN": "Gastroenterologist (Intestinal Failure)"}[p["therapy"]]]
            dict_ = "Dictated %s, typed %s (%s)" % (dd(d, 1), dd(d + dt.timedelta(days=r.randint(1, 9)), 1),
                                                    "".join(x[0] for x in self.S["admin"][i % 2]["full"].split()).lower())
            cc = ["cc: %s, %s" % (self.nm(p, 2), self.addr1(ad))]
            if p["therapy"] == "HPN" and r.random() < 0.5:
                cc.append("cc: %s (HPN nurse specialist); %s (dietitian)" % (p["nurse"]["full"], p["diet"]["full"]))
            if p["nok"] and r.random() < 0.2:
                cc.append("cc: %s (%s), by agreement" % (p["nok"]["full"], p["nok"]["rel"]))
            to = ["%s %s" % (gp["title"], gp["full"]), p["practice"], "%s" % r.choice(["Hollinsby", "Stanbeck", "Fennersley"])]
            fname = "%s %s %s" % (r.choice(["Clinic letter", "GP letter", "CL", "Letter"]),
                                  p["sn"] + ("_" + p["fn"][0] if r.random() < 0.6 else ""), d.strftime("%Y%m%d"))
            if r.random() < 0.3:
                fname = "%s_%s_%s" % (p["hosp"], d.strftime("%d%m%y"), r.choice(["clinic", "OPD", "review"]))
            if r.random() < 0.72:
                dc = new_docx(self.S["admin"][i % 2]["full"])
                sec = dc.sections[0]
                if r.random() < 0.6:
                    sec.header.paragraphs[0].text = "%s | %s" % (TRUST, UNIT)
                    for h in hdr[1:]:
                        dc.add_paragraph(h)
                else:
                    for h in hdr:
                        dc.add_paragraph(h)
                dc.add_paragraph("Date: %s" % dd(d, r.choice([0, 2])))
                dc.add_paragraph("\n".join(to))
                dc.add_paragraph("Dear Dr %s" % gp["sn"])
                pr = dc.add_paragraph()
                pr.add_run(re).bold = True
                dc.add_paragraph(ids)
                dc.add_paragraph(self.addr1(ad))
                dc.add_paragraph("\n".join(diag))
                dc.add_paragraph("\n".join(meds))
                for b in body:
                    dc.add_paragraph(b)
                dc.add_paragraph("Bloods: " + self.bloods(p))
                for s in sig:
                    dc.add_paragraph(s)
                dc.add_paragraph(dict_)
                for c in cc:
                    dc.add_paragraph(c)
                if r.random() < 0.3:
                    sec.footer.paragraphs[0].text = "Confidential - %s - %s" % (p["hosp"], p["sn"].upper())
                save_docx(dc, self.path("Clinic Letters/%d-%02d" % (d.year, d.month), fname + ".docx"))
            else:
                lines = [(hdr[0], 11, True)] + hdr[1:] + ["__LINE__", "", dd(d, 2), ""] + to + ["",
                         "Dear Dr %s" % gp["sn"], "", (re, 10, True), ids, self.addr1(ad), ""] + diag + [""] + \
                    meds + [""] + body + ["", "Bloods: " + self.bloods(p), ""] + sig + ["", dict_] + cc
                write_pdf(self.path("Clinic Letters/%d-%02d" % (d.year, d.month), fname + ".pdf"),
                          pdf_flow(lines), title=fname, author=cons["full"], producer="Microsoft Word - PDF export")

    # ---------------------------------------------------------------- driver
    def generate(self):
        sc = self.n / 120.0
        self.gen_letters(int(100 * sc))
        self.gen_visits(int(138 * sc))
        self.gen_diet()
        self.gen_hoof()
        self.depot_code = self.code4()
        self.van_code = self.code4()
        self.gen_schedules()
        self.gen_runsheets(int(30 * sc))
        self.gen_jobs()
        self.gen_emails(0)
        self.gen_exports()
        self.gen_mdt(int(12 * max(sc, 0.5)))
        self.gen_scanned(max(4, int(8 * sc)))
        self.readback()

    def readback(self):
        import re
        txt = {}
        for f in self.files:
            txt[f] = extract_text(f)
        self.alltext = "\n".join(txt.values())
        low = self.alltext.lower()
        low = re.sub(r"\s+", " ", low)
        self.lowtext = low
        def written(x):
            a = (x["fn"] + " " + x["sn"]).lower()
            b = (x["sn"] + ", " + x["fn"]).lower()
            return any(re.search(r"(?<![a-z'])" + re.escape(y) + r"(?![a-z])", low) for y in (a, b))
        self.written_staff = set(s["full"] for s in self.staff_all if written(s))
        self.written_rel = set(x["full"] for p in self.P for x in p["rels"] if written(x))
        self.missing_staff = [s["full"] for s in self.staff_all if s["full"] not in self.written_staff]
        self.missing_people = [p["full"] for p in self.P if not written(p)]
        self.filetext = txt
        # evidence that each way into a home is actually written
        flat = low

        def ev(w):
            k = w["kind"]
            if k == "code":
                cs = [w["code"]] + ([w["newcode"]] if w.get("newcode") else [])
                c = cs[-1] if not w.get("dead") else cs[0]
                pats = [c, "-".join(c), c[:2] + " " + c[2:]]
                return any(re.search(r"(?<![\d-])" + re.escape(x) + r"(?![\d-])", flat) for x in pats)
            if k == "hidden_key":
                return w["where"].lower() in flat
            if k == "left_open":
                h = w["how"].lower()
                return h in flat or h.replace("leave", "lv").replace("left", "lft") in flat
            hn = w["holder"]["full"].lower()
            return any(re.search(re.escape(hn) + r".{0,80}key|key.{0,80}" + re.escape(hn), flat) for _ in [0])
        self.unwritten_ways = []
        for p in self.P:
            for h in p["homes"]:
                for w in h["ways"]:
                    w["evidenced"] = ev(w)
                    if not w["evidenced"]:
                        self.unwritten_ways.append((p["full"], w["kind"]))
        self.compute_kinds()

    def truth(self):
        people = []
        for p in self.P:
            e = dict(forename=p["fn"], surname=p["sn"], dob=p["dob"].strftime("%d/%m/%Y"),
                     nhs_number=(p["nhs"][:3] + " " + p["nhs"][3:6] + " " + p["nhs"][6:]) if p["nhs"] else "",
                     access_kind=p["access_kind"], former_access_kind=p["former_access_kind"],
                     middle_name=p["mid"], known_as=p.get("known_as") or "", title=p["title"],
                     therapy=p["therapy"] + ("+O2" if p.get("also_o2") else ""), state=p["state"],
                     hospital_number=p["hosp"],
                     address=self.addr1(p["homes"][-1]["addr"]),
                     household=[dict(name=x["full"], relationship=x["rel"]) for x in p["rels"]])
            if p.get("event_date"):
                e["event_date"] = p["event_date"].strftime("%d/%m/%Y")
            if p["state"] == "moved_house":
                e["former_address"] = self.addr1(p["homes"][0]["addr"])
            if p["state"] == "care_home":
                e["now_at"] = p["care_home"]
            if p["state"] == "moved_relative":
                e["now_at"] = "%s (%s), %s" % (p["moved_to"]["full"], p["moved_to"]["rel"], self.addr1(p["rel_addr"]))
            notes = []
            for h in p["homes"]:
                for w in h["ways"]:
                    if w.get("dead"):
                        notes.append("%s %s on %s: new code not written" % (w["what"], w["dead_how"], w["dead"].strftime("%d/%m/%Y")))
                    if w.get("newcode"):
                        notes.append("code changed %s -> %s on %s (new code written)" % (w["code"], w["newcode"], w["new_from"].strftime("%d/%m/%Y")))
            if not p["nhs"]:
                notes.append("no NHS number: " + p["no_nhs_reason"])
            e["notes"] = notes
            people.append(e)
        staff = sorted(set(s["full"] for s in self.staff_all if s["full"] in self.written_staff))
        related = sorted(set(x["full"] for p in self.P for x in p["rels"] if x["full"] in self.written_rel))
        return dict(people=people, staff=staff, related=related,
                    meta=dict(seed=self.seed, people=self.n, export_date="31/10/2026",
                              files=len(self.files)))


    # ---------------------------------------------------------------- visit notes
    def obs(self, p):
        r = self.r
        if p["therapy"] == "HHD":
            wt = r.uniform(52, 104)
            return "BP %d/%d  P %d  Wt %.1fkg (TW %.1f)  Temp %.1f" % (
                r.randint(110, 170), r.randint(60, 98), r.randint(58, 96), wt,
                wt - r.uniform(-0.5, 2.5), r.uniform(36.1, 37.4))
        if p["therapy"] == "O2":
            return "SpO2 %d%% on air, %d%% on %s L/min. RR %d. HR %d." % (
                r.randint(82, 90), r.randint(90, 97), p["o2"]["lpm"], r.randint(16, 26), r.randint(70, 104))
        return "Wt %.1fkg  BP %d/%d  T %.1f  urine output OK, stoma output ~%.1fL" % (
            r.uniform(40, 90), r.randint(100, 150), r.randint(60, 90), r.uniform(36.2, 37.5), r.uniform(0.6, 2.8))

    def clinical_text(self, p, kind):
        r = self.r
        t = p["therapy"]
        if t == "HHD":
            return r.choice([
                "Observed pt needling %s using buttonhole technique - good aseptic technique, no concerns. "
                "Cannulation x2 first attempt." % ("AVF" if r.random() < 0.7 else "fistula"),
                "Pt set up machine independently, primed and connected. Prescription checked: %s, "
                "QB %d, dialysate %dL. Heparin bolus given." % (p["sched"], r.randint(300, 420), r.randint(20, 60)),
                "Pt reports cramps last 30 min of session - discussed UF goal, target weight to be reviewed at clinic.",
                "Access (AVF) - good thrill and bruit, no signs of infection. Reviewed emergency disconnect "
                "procedure with %s." % (p["nok"]["fn"] if p["nok"] else "pt"),
                "Water test sample taken (chlorine/chloramine) - within limits. Bicarb stock adequate.",
                "Training week %d: pt now doing line care, fluid removal calcs and machine alarms with minimal prompting."
                % r.randint(2, 8),
                "Pt low in mood, finding 5x/wk tiring. Discussed nocturnal option, for MDT.",
                "Bloods taken pre-dialysis (FBC, U&E, bone, PTH, ferritin) - sent via GP courier."])
        if t == "O2":
            return r.choice([
                "Concentrator meter reading %d hrs (last visit %d) - using approx %d hrs/day. "
                "Fire risk assessment done: gas hob, no smokers in house, smoke alarms tested." % (
                    r.randint(8000, 30000), r.randint(6000, 8000), r.randint(10, 20)),
                "Pt breathless on minimal exertion, using O2 mainly at night. Re-educated re 15 hrs/day minimum.",
                "Ambulatory assessment: 6MWT on %s L/min, SpO2 nadir %d%%. Portable cylinder to continue." % (
                    p["o2"]["lpm"], r.randint(84, 90)),
                "Tubing trip hazard discussed; 15m tubing to be reduced. Fire service HFSC referral sent.",
                "Pt admits smoking 2-3 cigarettes/day - fire risk explained, HOORF risk form completed, "
                "consent for fire service referral."])
        return r.choice([
            "Hickman exit site clean and dry, no erythema. Dressing changed, bionector changed. "
            "Pt connecting/disconnecting with good ANTT.",
            "Observed pt set up PN - bag checked against label, pump programmed %d hrs. No concerns." % r.randint(10, 14),
            "Pt reports rigors after connecting Tues night - bloods + line cultures taken, advised to attend "
            "if recurs. Discussed with Dr %s." % p["cons"]["sn"],
            "Fridge temp 5.2C, checked log. Stock: %d bags, ancillaries ok." % r.randint(3, 9),
            "Weight stable. Pt drinking too much hypotonic fluid - re-explained St Mark's solution."])

    def gen_visits(self, k):
        r = self.r
        pool = []
        for p in self.P:
            wgt = {"HHD": 2.0, "HPN": 1.3, "O2": 0.5}[p["therapy"]]
            pool += [p] * int(wgt * 10)
        chosen = []
        seen = set()
        # one each for everyone with access ways (most), then random
        for p in self.P:
            if any(h["ways"] for h in p["homes"]) and p["therapy"] != "O2" and r.random() < 0.8:
                chosen.append(p)
        while len(chosen) < k:
            chosen.append(r.choice(pool))
        for i, p in enumerate(chosen[:k]):
            a, b = self.window(p)
            d = rdate(r, a, b)
            nurse = p["nurse"] if r.random() < 0.8 else r.choice(
                self.S["renal_nurse"] if p["therapy"] == "HHD" else self.S["hpn_nurse"] + self.S["o2_nurse"])
            style = (nurse["idx"] if "idx" in nurse else hash(nurse["full"])) % 3
            style = sum(map(ord, nurse["full"])) % 3
            home = self.home_at(p, d)
            acc = self.access_line(p, d, "nurse", " ") if home["ways"] and r.random() < 0.75 else ""
            if not acc:
                acc = r.choice(["Pt answered door.", "Let in by %s." % (p["nok"]["fn"] if p["nok"] else "pt"),
                                "", "Pt let us in - slow to door.", ""])
            tm = "%02d:%02d" % (r.randint(8, 16), r.choice([0, 10, 15, 20, 30, 40, 45, 50]))
            vt = r.choice({"HHD": ["Routine home visit", "Training visit", "Post-admission review",
                                   "Machine problem", "3-monthly review"],
                           "O2": ["HOS-AR home review", "Initial home O2 assessment", "Follow-up (28 day)"],
                           "HPN": ["HPN home visit", "Line care review", "Post-discharge HPN visit"]}[p["therapy"]])
            unit = {"HHD": "Renal Home Therapies", "O2": "Home Oxygen Assessment & Review Service",
                    "HPN": "Nutrition Support / HPN"}[p["therapy"]]
            sig = "%s %s" % (nurse.get("grade") or "", nurse["full"])
            clin = self.clinical_text(p, vt)
            extra = ""
            if p["state"] == "died" and d >= p["event_date"] - dt.timedelta(days=10):
                d = p["event_date"]
                vt = "Visit - pt deceased"
                clin = "Called by %s - pt died at home this morning. Verified by GP. Machine/equipment to be " \
                       "decommissioned and stock collected - Medivan informed. Condolences given." % (
                           p["nok"]["full"] + " (" + p["nok"]["rel"] + ")" if p["nok"] else "family")
                acc = ""
            pres = "pt" + ((", " + p["nok"]["rel"] + " " + p["nok"]["fn"]) if p["nok"] and r.random() < 0.6 else "")
            if style == 0:
                txt = "%s - HOME VISIT RECORD\n%s\n\nDate: %s   Time: %s\nPatient: %s    DOB: %s\n" \
                      "NHS No: %s    Hosp No: %s\nAddress: %s\nVisit type: %s\nPresent: %s\n\n" \
                      "Obs: %s\n\n%s\n\nEntry/home: %s\n\nPlan: %s\n\nSigned: %s\n" % (
                          unit.upper(), TRUST, dd(d), tm, self.nm(p, 1), self.dob_s(p, 0),
                          self.nhs_s(p) or "-", p["hosp"], self.addr1(home["addr"]), vt, pres,
                          self.obs(p), clin, acc or "n/a",
                          r.choice(["Review 2/52", "Next visit 4 weeks", "Bloods next Tues", "D/w MDT",
                                    "Continue as is", "Phone review 1/52"]), sig.strip())
            elif style == 1:
                txt = "%s %s HV %s (DOB %s, %s)\n%s %s %s\n%s\n%s\n" % (
                    dd(d, 1), tm, self.nm(p, r.choice([2, 3, 5])), self.dob_s(p, 1),
                    p["hosp"] if r.random() < 0.5 or not p["nhs"] else "NHS " + self.nhs_s(p),
                    acc, clin, self.obs(p),
                    r.choice(["Plan: as above.", "Plan - review next wk.", "For MDT.", ""]),
                    nurse["ini"] + (" " + nurse["full"] if r.random() < 0.5 else ""))
                if r.random() < 0.4:
                    d2 = d + dt.timedelta(days=r.randint(7, 21))
                    if d2 <= min(p["end"], EXPORT):
                        acc2 = self.access_line(p, d2, "nurse", " ") if r.random() < 0.5 else ""
                        txt += "\n%s tel call - pt well, %s. %s\n%s\n" % (
                            dd(d2, 1), r.choice(["no issues", "stock query passed to Medivan",
                                                 "machine alarm resolved over phone"]), acc2, nurse["ini"])
            else:
                txt = "Subject: %s (%s)\nDOB: %s  |  NHS: %s  |  Tel: %s\n\n" \
                      "S: %s\nO: %s\nA: %s\nP: %s\n\nAccess to property: %s\n\n-- %s, %s, %s\n" % (
                          self.nm(p, 4), p["hosp"], self.dob_s(p, 2), self.nhs_s(p) or "(none on file)",
                          p["tel"], r.choice(["Pt feels well.", "Pt tired, poor appetite.", "No complaints.",
                                              "Reports SOB worse this week.", "Pt anxious about machine alarms."]),
                          self.obs(p), clin, r.choice(["Continue.", "Review 2/52.", "Refer to dietitian.",
                                                       "Discuss at MDT Thursday."]),
                          acc or "pt/family let in", nurse["full"], unit, dd(d, 0))
            sub = {"HHD": "Nursing/Home HD visits", "O2": "Oxygen/HOSAR reviews", "HPN": "Nursing/HPN visits"}[p["therapy"]]
            fn = r.choice(["%s %s %s.txt" % (d.strftime("%Y-%m-%d"), p["sn"], p["fn"][0]),
                           "HV_%s_%s.txt" % (p["hosp"], d.strftime("%d%m%Y")),
                           "%s visit %s.txt" % (p["sn"].upper(), d.strftime("%d.%m.%y"))])
            write_text(self.path(sub, fn), txt, crlf=r.random() < 0.5)

    # ---------------------------------------------------------------- dietetic reviews
    def gen_diet(self):
        r = self.r
        for p in [x for x in self.P if x["therapy"] == "HPN"]:
            for _ in range(r.choice([1, 1, 1, 2])):
                a, b = self.window(p)
                d = rdate(r, a, b)
                dt_ = p["diet"]
                wt = r.uniform(40, 85)
                ht = r.uniform(1.5, 1.88)
                rows = [["Item", "Current", "Change"],
                        ["PN bag", p["bag"], r.choice(["no change", "increase lipid", "reduce to %s nights" % (int(p["nights"]) - 1)])],
                        ["Nights/week", p["nights"], ""],
                        ["Infusion time", "%d hrs" % r.randint(10, 14), ""],
                        ["Oral intake", r.choice(["small frequent meals", "minimal", "soft diet, ONS x1"]), ""],
                        ["Oral rehydration", r.choice(["St Mark's 1L/day", "Dioralyte", "none"]), ""]]
                lines = ["HOME PARENTERAL NUTRITION - DIETETIC REVIEW",
                         "Name: %s" % self.nm(p, r.choice([0, 5, 9])),
                         "D.O.B.: %s     Hospital no.: %s     NHS no.: %s" % (self.dob_s(p, r.choice([0, 4, 6])), p["hosp"], self.nhs_s(p) or "n/k"),
                         "Review date: %s     Setting: %s" % (dd(d), r.choice(["home visit", "IF clinic", "telephone"])),
                         "Indication for HPN: %s" % p["dx"],
                         "Anthropometry: wt %.1f kg, ht %.2f m, BMI %.1f, MUAC %.1f cm, %s" % (
                             wt, ht, wt / ht / ht, r.uniform(20, 30),
                             r.choice(["wt stable", "2kg loss since last review", "gaining"])),
                         "Biochemistry reviewed: " + self.bloods(p)]
                plan = r.choice(["Continue current regimen, repeat bloods 4/52.",
                                 "Request revised bag formulation from pharmacy (%s)." % self.S["pharm"][0]["full"],
                                 "Liaise with %s re fridge delivery days." % HOMECARE,
                                 "Refer to psychology re eating anxiety."])
                sig = "%s, Specialist Dietitian (Intestinal Failure)" % dt_["full"]
                fn = "HPN diet review %s %s" % (p["sn"], d.strftime("%d-%m-%Y"))
                if r.random() < 0.65:
                    dc = new_docx(dt_["full"])
                    dc.add_heading(lines[0], 1)
                    for l in lines[1:]:
                        dc.add_paragraph(l)
                    dc.add_paragraph("PN regimen:")
                    docx_table(dc, rows)
                    dc.add_paragraph("Plan: " + plan)
                    dc.add_paragraph(sig)
                    save_docx(dc, self.path("HPN/Dietetic reviews", fn + ".docx"))
                else:
                    t = "\n".join(lines) + "\n\nPN regimen:\n" + "\n".join(
                        "  %-16s %-28s %s" % tuple(x) for x in rows) + "\n\nPlan: %s\n\n%s\n" % (plan, sig)
                    write_text(self.path("HPN/Dietetic reviews", fn + ".txt"), t)

    # ---------------------------------------------------------------- HOOF
    def gen_hoof(self):
        r = self.r
        pts = [p for p in self.P if p["therapy"] == "O2" or p.get("also_o2")]
        for p in pts:
            orders = []
            if r.random() < 0.75 or p["start"] >= START:
                a, b = self.window(p)
                orders.append(("New" if p["start"] >= START else r.choice(["Change", "Change", "Renewal"]),
                               rdate(r, a, b)))
            if p["state"] in ("died", "care_home", "moved_relative") and r.random() < 0.8:
                orders.append(("Cancellation / removal", p["event_date"] + dt.timedelta(days=r.randint(1, 5))))
            if p["state"] == "moved_house" and r.random() < 0.8:
                orders.append(("Change of address", p["event_date"]))
            for typ, d in orders:
                if d > EXPORT:
                    d = EXPORT
                home = self.home_at(p, d if typ != "Cancellation / removal" else p["event_date"] - dt.timedelta(days=1))
                o = p["o2"]
                cl = p["nurse"] if r.random() < 0.7 else p["cons"]
                L = []
                y = 800

                def put(x, t, size=9, bold=False):
                    L.append((x, y, size, bold, t))
                put(50, "HOME OXYGEN ORDER FORM (HOOF)  -  PART B", 13, True); y -= 16
                put(50, "To: %s  (North region)   Fax/secure email: orders@aerolink-oxygen.co.uk" % O2CO); y -= 12
                put(50, "Order type: %s            Delivery: %s" % (typ, r.choice(
                    ["Standard (3 working days)", "Next day", "4 hour (urgent)", "Standard"]))); y -= 10
                L.append((50, y, 0, False, "__LINE__")); y -= 14
                put(50, "1. PATIENT DETAILS", 10, True); y -= 14
                put(60, "Surname:  %s" % p["sn"].upper()); put(300, "First name(s):  %s%s" % (p["fn"], (" " + p["mid"]) if p["mid"] else "")); y -= 12
                put(60, "Title:  %s" % p["title"]); put(300, "Date of birth:  %s" % self.dob_s(p, 0)); y -= 12
                put(60, "NHS number:  %s" % (self.nhs_s(p, 0) or "")); put(300, "Hospital no:  %s" % p["hosp"]); y -= 12
                put(60, "Address:  %s" % ", ".join(x for x in [home["addr"]["line1"], home["addr"]["line2"], home["addr"]["town"]] if x)); y -= 12
                put(60, "Postcode:  %s" % home["addr"]["pc"]); put(300, "Tel:  %s" % p["tel"]); y -= 12
                if typ == "Change of address":
                    put(60, "Previous address:  %s" % self.addr1(p["homes"][0]["addr"])); y -= 12
                if p["nok"]:
                    put(60, "Main contact / carer:  %s (%s)  %s" % (p["nok"]["full"], p["nok"]["rel"], p["nok"]["phone"])); y -= 12
                put(60, "GP:  %s %s, %s" % (p["gp"]["title"], p["gp"]["full"], p["practice"])); y -= 16
                put(50, "2. CLINICAL", 10, True); y -= 14
                put(60, "Primary diagnosis:  %s" % p["dx"]); y -= 12
                put(60, "Smoking status:  %s        Risk assessment (IHORM) completed:  %s" % (
                    p.get("smoker", "never"), r.choice(["Yes", "Yes", "No"]))); y -= 16
                put(50, "3. ORDER", 10, True); y -= 14
                if typ.startswith("Cancel"):
                    reason = {"died": "Patient deceased %s" % dd(p["event_date"]),
                              "care_home": "Pt now resident in %s - O2 to be provided there" % p.get("care_home", ""),
                              "moved_relative": "Pt moved to live with family out of area"}[p["state"]]
                    put(60, "REMOVE ALL EQUIPMENT.  Reason:  %s" % reason); y -= 12
                    if p["state"] == "died" and p["nok"]:
                        put(60, "Contact %s (%s) on %s to arrange collection." % (p["nok"]["full"], p["nok"]["rel"], p["nok"]["phone"])); y -= 12
                else:
                    put(60, "LTOT:  %s L/min  for  %s hrs/day     Concentrator: %s" % (o["lpm"], o["hrs"], o["conc"])); y -= 12
                    put(60, "Ambulatory:  %s      Backup cylinder: Yes      Humidification: %s" % (
                        o["amb"], r.choice(["No", "No", "Yes"]))); y -= 12
                    put(60, "Nasal cannula / mask:  %s" % r.choice(["nasal cannula", "24% venturi", "28% venturi"])); y -= 16
                put(50, "4. ACCESS / SAFETY INFORMATION FOR ENGINEER", 10, True); y -= 14
                acc = self.access_line(p, min(d, EXPORT), "form", "; ") if home["ways"] and not typ.startswith("Cancel") else ""
                if typ.startswith("Cancel") and p["state"] == "died":
                    acc = "Family will be at the property - ring before attending"
                if not acc:
                    acc = self.nonaccess_note(p, "form") or "None"
                put(60, acc[:110]); y -= 12
                if len(acc) > 110:
                    put(60, acc[110:220]); y -= 12
                put(60, "Pets:  %s     Other hazards:  %s" % (r.choice(["none", "dog", "cat", "dog (friendly)"]),
                                                         r.choice(["none", "gas fire in lounge", "steep steps", "none"]))); y -= 16
                put(50, "5. CONSENT", 10, True); y -= 14
                put(60, "Patient consents to details being shared with the supplier and the fire and rescue service:  Yes"); y -= 16
                put(50, "6. CLINICIAN", 10, True); y -= 14
                put(60, "Name:  %s" % cl["full"]); put(300, "Role:  %s" % ("HOS-AR nurse" if cl["role"] == "o2_nurse" else "Consultant")); y -= 12
                put(60, "Signature:  %s" % r.choice([cl["sn"], cl["fn"][0] + " " + cl["sn"], "(signed)"])); put(300, "Date:  %s" % dd(d)); y -= 12
                put(60, "Team: %s, %s, 0113 496 0%03d" % ("Home Oxygen Service", HOSP, 100 + self.seed)); y -= 12
                fn = "HOOF %s %s %s.pdf" % (p["sn"], p["fn"][0], d.strftime("%Y%m%d"))
                if r.random() < 0.3:
                    fn = "HOOF_%s_%s.pdf" % (typ.split()[0].upper(), p["hosp"])
                write_pdf(self.path("Oxygen/HOOF sent", fn), [L], title="HOOF", author=cl["full"],
                          producer="HOOF v4.2 form")

    # ---------------------------------------------------------------- deliveries
    def weeks(self):
        w = dt.date(2026, 5, 4)
        out = []
        while w <= dt.date(2026, 10, 26):
            out.append(w)
            w += dt.timedelta(days=7)
        return out

    def items(self, p):
        r = self.r
        if p["therapy"] == "HHD":
            if p["machine"].startswith("NxStage"):
                return r.choice(["PAK/SAK x%d, cartridges x%d, needles" % (r.randint(12, 24), r.randint(12, 24)),
                                 "PureFlow SAK x%d, Express cartridges x%d" % (r.randint(10, 20), r.randint(10, 20))])
            return r.choice(["Bicart x%d, acid conc 5L x%d, dialysers x%d, lines x%d" % (
                r.randint(8, 15), r.randint(8, 15), r.randint(8, 15), r.randint(8, 15)),
                "dialysate 5L x%d, saline 1L x%d, fistula needles 15G x%d" % (r.randint(20, 40), r.randint(10, 20), r.randint(20, 40))])
        if p["therapy"] == "HPN":
            return r.choice(["PN bags x%s (fridge), giving sets, ancillaries" % p["nights"],
                             "%s x%s + lipid, sharps bin, dressings" % (p["bag"], p["nights"])])
        return r.choice(["CD cylinder x%d" % r.randint(2, 6), "O2 cylinders (CD) x%d, swap empties" % r.randint(2, 6),
                         "Liquid O2 refill", "HX cylinder x1 (backup)"])

    def delivers(self, p, wk):
        we = wk + dt.timedelta(days=4)
        if not (p["start"] <= we and wk <= p["end"] and wk <= EXPORT):
            return False
        if p["state"] in ("died", "care_home", "moved_relative", "transplanted") and wk >= p["event_date"]:
            return False
        if p["therapy"] == "HPN":
            return True
        if p["therapy"] == "HHD":
            return (wk.toordinal() // 7 + p["idx"]) % 2 == 0
        return p["o2"]["amb"] in ("CD cylinders", "liquid O2 (Stroller)") and (wk.toordinal() // 7 + p["idx"]) % 2 == 0

    def cref(self, p):
        return "MV%05d" % (30000 + p["idx"] * 37 + self.seed * 11)

    def driver_for(self, p):
        return self.S["driver"][(p["idx"] * 3 + hash(p["addr"]["town"]) % 5) % len(self.S["driver"])] \
            if False else self.S["driver"][(p["idx"] * 3 + len(p["addr"]["town"])) % len(self.S["driver"])]

    def gen_schedules(self):
        r = self.r
        weeks = self.weeks()
        months = sorted(set((w.year, w.month) for w in weeks))
        days = ["Mon", "Tue", "Wed", "Thu", "Fri"]
        self.week_rows = {}
        for w in weeks:
            rows = []
            for p in self.P:
                if self.delivers(p, w):
                    day = days[(p["idx"] + len(p["sn"])) % 5]
                    rows.append((p, w + dt.timedelta(days=days.index(day)), day))
            self.week_rows[w] = rows
        for (y, m) in months:
            sheets = []
            mws = [w for w in weeks if w.month == m]
            mid = mws[len(mws) // 2]
            for w in mws:
                hdr = ["Day", "Cust Ref", "Surname", "Forename", "Address", "Postcode", "Tel", "Therapy",
                       "Items", "Access / driver notes", "Driver"]
                rows = [hdr]
                for p, d, day in sorted(self.week_rows[w], key=lambda x: (x[1], x[0]["addr"]["pc"])):
                    home = self.home_at(p, d)
                    acc = self.access_line(p, d, "form") if home["ways"] else self.nonaccess_note(p, "form")
                    rows.append([day + " " + d.strftime("%d/%m"), self.cref(p), p["sn"].upper() if r.random() < 0.3 else p["sn"],
                                 (p.get("known_as") or p["fn"]) if r.random() < 0.2 else p["fn"],
                                 ", ".join(x for x in [home["addr"]["line1"], home["addr"]["line2"], home["addr"]["town"]] if x),
                                 home["addr"]["pc"], p["tel"], {"HHD": "HHD", "HPN": "HPN", "O2": "O2 cyl"}[p["therapy"]],
                                 self.items(p), acc, self.driver_for(p)["full"]])
                sheets.append(("Wk c %s" % w.strftime("%d.%m"), rows,
                               ["%s - %s deliveries w/c %s" % (HOMECARE, TRUST.split(" NHS")[0], w.strftime("%d/%m/%Y"))]))
            # master access sheet
            am = [["Cust Ref", "Name", "DOB", "Address", "Postcode", "Key holder", "NOK / contact", "Access notes", "Updated"]]
            for p in self.P:
                if not (p["start"] <= mid <= p["end"]) or (p["state"] in ("died", "care_home", "moved_relative", "transplanted") and mid >= p["event_date"]):
                    continue
                home = self.home_at(p, mid)
                acc = self.access_line(p, mid, "form")
                kh = ""
                for wy in home["ways"]:
                    if wy["kind"] == "key_holder" and not wy["holder"].get("place"):
                        kh = "%s (%s) %s" % (wy["holder"]["full"], wy["holder"]["rel"], wy["holder"]["phone"])
                nk = ""
                if p["nok"] and r.random() < 0.7:
                    nk = "%s (%s) %s" % (p["nok"]["full"], p["nok"]["rel"], p["nok"]["phone"])
                if not acc:
                    acc = self.nonaccess_note(p, "form")
                am.append([self.cref(p), self.nm(p, r.choice([1, 7, 1, 5])), self.dob_s(p, r.choice([0, 0, 3])),
                           ", ".join(x for x in [home["addr"]["line1"], home["addr"]["line2"], home["addr"]["town"]] if x),
                           home["addr"]["pc"], kh, nk, acc, dd(rdate(r, max(p["start"], dt.date(2026, 1, 5)), mid), 1)])
            sheets.append(("Access & contacts", am, ["CONFIDENTIAL - driver access list - do not leave in van"]))
            ch = [["Date", "Cust Ref", "Patient", "Change", "Action"]]
            for p in self.P:
                if p["start"].year == y and p["start"].month == m:
                    ch.append([dd(p["start"]), self.cref(p), self.nm(p, 5), "NEW START (%s)" % p["therapy"],
                               "First delivery + install"])
                if p.get("event_date") and p["event_date"].year == y and p["event_date"].month == m:
                    txt = {"died": "DECEASED", "care_home": "Moved to %s" % p.get("care_home"),
                           "moved_relative": "Moved to live with %s" % (p["moved_to"]["rel"] if p.get("moved_to") else "family"),
                           "moved_house": "CHANGE OF ADDRESS - %s" % self.addr1(p["homes"][-1]["addr"]),
                           "transplanted": "Transplant - off programme"}[p["state"]]
                    ch.append([dd(p["event_date"]), self.cref(p), self.nm(p, 5), txt,
                               "Stop deliveries, collect stock" if p["state"] != "moved_house" else "Update address/access"])
                for h in p["homes"]:
                    for wy in h["ways"]:
                        if wy.get("dead") and wy["dead"].month == m:
                            ch.append([dd(wy["dead"]), self.cref(p), self.nm(p, 5),
                                       "%s %s" % (wy["what"].capitalize(), "code changed - DO NOT USE OLD CODE" if wy["dead_how"] == "changed" else "removed"),
                                       "Ring pt before delivery"])
                        if wy.get("newcode") and wy["new_from"].month == m:
                            ch.append([dd(wy["new_from"]), self.cref(p), self.nm(p, 5),
                                       "New %s code %s (old %s)" % (wy["what"], wy["newcode"], wy["code"]), "Update run sheets"])
            sheets.append(("Changes", ch, []))
            nm = "Delivery schedule %s %d.xlsx" % (dt.date(y, m, 1).strftime("%B"), y)
            write_xlsx(self.path("Homecare/Delivery schedules", nm), sheets,
                       author=self.S["coord"][m % len(self.S["coord"])]["full"])
        # csv exports, fortnightly
        for i, w in enumerate(weeks):
            if i % 2 != (self.seed % 2):
                continue
            rows = [["Delivery Date", "Customer No", "Patient Name", "Date of Birth", "Address Line 1",
                     "Address Line 2", "Town", "Postcode", "Product Group", "Qty", "Special Instructions", "Route"]]
            for p, d, day in self.week_rows[w]:
                home = self.home_at(p, d)
                a = home["addr"]
                acc = self.access_line(p, d, "driver", " / ") if home["ways"] else self.nonaccess_note(p, "driver")
                rows.append([d.strftime("%d/%m/%Y"), self.cref(p),
                             self.nm(p, r.choice([1, 1, 2, 4])), self.dob_s(p, r.choice([0, 3])),
                             a["line1"], a["line2"], a["town"], a["pc"],
                             {"HHD": "RENAL-HHD", "HPN": "PN-COLD", "O2": "GAS-O2"}[p["therapy"]],
                             r.randint(1, 40), acc, "R%d" % (1 + self.S["driver"].index(self.driver_for(p)))])
            write_csv(self.path("Homecare/Delivery schedules/portal exports",
                                "medivan_export_wc_%s.csv" % w.strftime("%Y%m%d")), rows, bom=(i % 3 == 0))

    def gen_runsheets(self, k):
        r = self.r
        weeks = self.weeks()
        made = 0
        tries = 0
        while made < k and tries < 500:
            tries += 1
            w = r.choice(weeks)
            drv = r.choice(self.S["driver"])
            day = r.randint(0, 4)
            d = w + dt.timedelta(days=day)
            if d > EXPORT:
                continue
            stops = [(p, dd_) for p, dd_, _ in self.week_rows[w] if self.driver_for(p) is drv]
            stops += r.sample([(p, dd_) for p, dd_, _ in self.week_rows[w]], min(4, len(self.week_rows[w])))
            seen = set()
            st = []
            for p, _ in stops:
                if p["idx"] not in seen:
                    seen.add(p["idx"])
                    st.append(p)
            st = st[:r.randint(7, 14)]
            if len(st) < 4:
                continue
            made += 1
            hdr = ["Stop", "ETA", "Ref", "Customer", "Address", "PC", "Phone", "Load", "Notes", "POD"]
            rows = [hdr]
            t = dt.datetime(2026, 1, 1, 8, r.choice([0, 15, 30]))
            for i, p in enumerate(st):
                home = self.home_at(p, d)
                a = home["addr"]
                acc = self.access_line(p, d, "driver", " / ") if home["ways"] else self.nonaccess_note(p, "driver")
                if p["therapy"] == "HHD" and r.random() < 0.3:
                    acc = (acc + " / " if acc else "") + r.choice(["pt on machine am", "on dialysis til 1pm", "nocturnal - asleep til 11"])
                rows.append([str(i + 1), t.strftime("%H:%M"), self.cref(p),
                             r.choice([self.nm(p, 2), self.nm(p, 3), self.nm(p, 4), self.nm(p, 1)]),
                             ", ".join(x for x in [a["line1"], a["line2"], a["town"]] if x), a["pc"], p["tel"],
                             self.items(p), acc, ""])
                t += dt.timedelta(minutes=r.randint(15, 45))
            van = "Y%s%d %s" % (r.choice("KBLG"), r.randint(20, 75), "".join(r.choice("ABCDEFHJKLMNPRSTVWXY") for _ in range(3)))
            titles = ["%s - RUN SHEET" % HOMECARE.upper(),
                      "%s %s  Driver: %s  Van: %s" % (d.strftime("%a"), dd(d, 1), drv["full"], van)]
            foot = r.choice(["Depot keysafe for returns cage: %s" % self.depot_code,
                             "Van lockbox code %s - do not share" % self.van_code,
                             "Cold chain: PN bags must go straight in pt fridge",
                             "Report failed deliveries to office on 0113 496 0%03d" % (200 + self.seed)])
            fn = "RUN_%s_%s" % (d.strftime("%Y%m%d"), drv["sn"].upper())
            if r.random() < 0.7:
                write_csv(self.path("Homecare/Run sheets/%s" % d.strftime("%Y-%m"), fn + ".csv"),
                          [[titles[0]], [titles[1]]] + rows + [[], [foot]])
            else:
                write_xlsx(self.path("Homecare/Run sheets/%s" % d.strftime("%Y-%m"), fn + ".xlsx"),
                           [("Run", rows, titles), ("Notes", [["Note"], [foot], ["Returns: empties + sharps to depot by 4pm"]], [])],
                           author=drv["full"])

    # ---------------------------------------------------------------- technician job sheets
    def gen_jobs(self):
        r = self.r
        jobs = []
        for p in self.P:
            if p["therapy"] == "HHD":
                if p["start"] >= START:
                    jobs.append((p, "INSTALL", p["start"] - dt.timedelta(days=r.randint(3, 10))))
                if r.random() < 0.55:
                    a, b = self.window(p)
                    jobs.append((p, r.choice(["PPM SERVICE", "FAULT", "FAULT", "WATER TEST / RO SERVICE"]), rdate(r, a, b)))
                if p["state"] in ("died", "transplanted", "care_home", "moved_relative"):
                    jobs.append((p, "DECOMMISSION / UPLIFT", p["event_date"] + dt.timedelta(days=r.randint(2, 12))))
                if p["state"] == "moved_house":
                    jobs.append((p, "RELOCATE MACHINE", p["event_date"]))
            elif p["therapy"] == "O2" or p.get("also_o2"):
                if r.random() < 0.22:
                    a, b = self.window(p)
                    jobs.append((p, r.choice(["CONCENTRATOR SERVICE", "CONCENTRATOR FAULT"]), rdate(r, a, b)))
            else:
                if r.random() < 0.15:
                    a, b = self.window(p)
                    jobs.append((p, "PUMP/FRIDGE CHECK", rdate(r, a, b)))
        for n, (p, typ, d) in enumerate(jobs):
            if d > EXPORT:
                d = EXPORT
            if d < dt.date(2026, 4, 20):
                d = dt.date(2026, 4, 20) + dt.timedelta(days=r.randint(0, 10))
            tech = self.S["o2eng"][n % 2] if ("CONC" in typ) else r.choice(self.S["tech"])
            jno = "%s-26-%04d" % ("AL" if "CONC" in typ else "TJ", 300 + n * 3 + self.seed)
            at_home = d
            if typ.startswith("DECOMM"):
                at_home = p["event_date"] - dt.timedelta(days=1)
            home = self.home_at(p, at_home if typ != "RELOCATE MACHINE" else p["event_date"] - dt.timedelta(days=1))
            acc = self.access_line(p, at_home, "driver", "; ") if home["ways"] else ""
            if typ.startswith("DECOMM"):
                if p["state"] == "died":
                    acc = "%s will meet engineer at property" % (p["nok"]["full"] + " (" + p["nok"]["rel"] + ")" if p["nok"] else "Family")
                elif p["state"] in ("care_home", "moved_relative"):
                    acc = (acc + "; " if acc and r.random() < 0.5 else "") + "pt no longer living at address - %s to attend" % (
                        p["nok"]["fn"] if p["nok"] else "family")
                else:
                    acc = "Pt at home - book AM"
            if not acc:
                acc = r.choice(["Pt home", "Ring first", "Wife at home", "n/a", "Customer present"])
            if typ == "PUMP/FRIDGE CHECK":
                fault = r.choice(["Fridge temp alarm (9C)", "Infusion pump occlusion alarm repeatedly", "Annual pump service"])
                action = r.choice(["Fridge replaced, stock moved, temp 4.8C after 2h", "Pump swapped (S/N recorded), old to workshop",
                                   "Pump serviced and calibrated"])
            elif typ.startswith("FAULT") or typ.endswith("FAULT"):
                if "CONC" in typ:
                    fault = r.choice(["Compressor noisy, O2 purity alarm (OCSI amber)", "Power failure alarm sounding",
                                      "Low flow alarm, code E2", "Unit overheating - filter blocked"])
                    action = r.choice(["Swapped concentrator, old unit to workshop", "Replaced fuse, advised pt re extension lead",
                                       "Cleaned/replaced gross particle filter, purity 93%", "Re-sited away from radiator"])
                else:
                    fault = r.choice(["E-231 arterial pressure low alarm repeatedly", "Code 1117 - blood leak detector",
                                      "Cartridge not loading (door sensor)", "Heater fault F-09", "RO unit low flow, code W12",
                                      "Conductivity alarm - code 2053", "Power failure alarm sounding"])
                    action = r.choice(["Replaced pressure pod, tested OK", "Recalibrated sensor, ran self test - pass",
                                       "Replaced door latch assembly", "Changed pre-filters, flushed RO, flow normal",
                                       "Replaced fuse, advised pt re extension lead"])
            elif typ.startswith("INSTALL"):
                fault = "New install - %s" % p["machine"]
                action = "Installed %s, plumbing for water inlet/drain, electrical test, RO commissioned, chlorine test neg." % p["machine"]
            elif typ.startswith("DECOMM"):
                fault = "Uplift equipment - %s" % {"died": "pt deceased", "transplanted": "pt transplanted",
                                                    "care_home": "pt moved to care home",
                                                    "moved_relative": "pt moved out"}[p["state"]]
                action = "Machine drained, disconnected, removed. Stock collected (%d boxes). Capped water/drain." % r.randint(3, 30)
            elif typ.startswith("RELOCATE"):
                fault = "Relocate machine to new address: %s" % self.addr1(p["homes"][-1]["addr"])
                action = "Removed from old addr, installed at new, RO recommissioned."
            else:
                fault = typ.title()
                action = r.choice(["6-monthly PPM complete, electrical safety test pass", "Filters changed, hours logged %d" % r.randint(2000, 20000),
                                   "Service complete. Next due %s" % dd(d + dt.timedelta(days=182), 1)])
            mser = "%s%07d" % (r.choice(["NX", "FR", "QT", "EV"]), r.randint(0, 9999999))
            a = home["addr"]
            fields = [("Job No", jno), ("Date", dd(d)), ("Job type", typ),
                      ("Customer", self.nm(p, r.choice([2, 4, 5, 0]))),
                      ("Address", ", ".join(x for x in [a["line1"], a["line2"], a["town"]] if x)), ("Postcode", a["pc"]),
                      ("Tel", p["tel"]), ("Equipment", "%s  S/N %s" % (p.get("machine", "Concentrator 5L"), mser)),
                      ("Access", acc), ("Reported fault / task", fault), ("Work done", action),
                      ("Parts used", r.choice(["none", "pressure pod x1", "filter kit", "fuse 5A", "door latch"])),
                      ("Time on site", "%02d:%02d-%02d:%02d" % (r.randint(8, 14), r.choice([0, 15, 30, 45]), r.randint(14, 17), r.choice([0, 15, 30, 45]))),
                      ("Engineer", tech["full"]), ("Customer signature", r.choice(["signed", "signed by wife", "unable - on machine", "n/a"]))]
            if p["therapy"] == "HHD" and r.random() < 0.4:
                fields.insert(4, ("Hosp No", p["hosp"]))
            fn = "%s %s %s" % (jno, p["sn"].upper(), typ.split()[0].split("/")[0].title())
            folder = "Technical/Job sheets/%s" % ("Aerolink" if "CONC" in typ else d.strftime("%Y-%m"))
            if r.random() < 0.55:
                txt = "%s TECHNICAL SERVICES - JOB SHEET\n%s\n\n" % ("AEROLINK" if "CONC" in typ else "RENAL", "=" * 44)
                txt += "\n".join("%-22s %s" % (k + ":", v) for k, v in fields) + "\n"
                if r.random() < 0.3:
                    txt += "\nNotes: %s\n" % r.choice(["Pt asked about holiday dialysis - referred to unit.",
                                                       "Unit workshop door code changed, see team email",
                                                       "Left spare fuses with pt.", "Dog shut in kitchen, no issues."])
                write_text(self.path(folder, fn + ".txt"), txt, crlf=True)
            else:
                dc = new_docx(tech["full"])
                dc.add_heading("Job Sheet %s" % jno, 1)
                docx_table(dc, [[k, v] for k, v in fields])
                dc.add_paragraph("Technician declaration: equipment left safe and in working order.")
                save_docx(dc, self.path(folder, fn + ".docx"))

    # ---------------------------------------------------------------- e-mail
    def eml(self, folder, fname, frm, to, subj, body, d, cc=None, att=None):
        r = self.r
        m = EmailMessage()
        m["From"] = frm
        m["To"] = to
        if cc:
            m["Cc"] = cc
        m["Subject"] = subj
        m["Date"] = format_datetime(dt.datetime(d.year, d.month, d.day, r.randint(8, 17), r.randint(0, 59),
                                                tzinfo=dt.timezone(dt.timedelta(hours=1))))
        m["Message-ID"] = "<%d.%d@%s>" % (d.toordinal(), r.randint(10000, 99999), DOM)
        m.set_content(body)
        if att:
            for an, data in att:
                m.add_attachment(data.encode("utf-8"), maintype="text", subtype="csv", filename=an)
            m.set_boundary("----=_Part_%d_%d" % (d.toordinal(), self.seed))
        with open(self.path(folder, fname), "wb") as fh:
            fh.write(bytes(m))

    def addr_of(self, s, dom):
        return "%s <%s.%s@%s>" % (s["full"], s["fn"].lower().replace(" ", ""), s["sn"].lower().replace("'", "").replace(" ", ""), dom)

    def sigblock(self, s, role):
        return "\n\nKind regards\n%s\n%s\n%s" % (s["full"] if self.r.random() < 0.7 else s["fn"], role,
                                                 UNIT + ", " + HOSP if role != "Customer Services Coordinator" else HOMECARE)

    def gen_emails(self, k):
        r = self.r
        n0 = len(self.files)
        unit = self.S["renal_nurse"] + self.S["hpn_nurse"] + self.S["admin"] + self.S["manager"]
        coords = self.S["coord"]
        role = {"renal_nurse": "Renal Home Therapies Nurse", "hpn_nurse": "HPN Nurse Specialist",
                "admin": "Home Therapies Administrator", "manager": "Home Therapies Unit Manager",
                "o2_nurse": "HOS-AR Nurse"}

        def pick_unit(p=None):
            if p is not None and r.random() < 0.6 and p["therapy"] != "O2":
                return p["nurse"]
            return r.choice(unit)
        folder = "Email/Medivan"
        # 1. access changes (always, for every changed/removed/new code)
        for p in self.P:
            for h in p["homes"]:
                for w in h["ways"]:
                    if w.get("dead"):
                        s = pick_unit(p)
                        c = r.choice(coords)
                        d = w["dead"]
                        if w["dead_how"] == "changed":
                            body = (("Hi %s\n\nPlease can you update the notes for %s (%s), %s.\n\n"
                                    "The family have changed the ") + {"key safe": "key safe", "door entry": "main door entry",
                                                                      "gate": "gate", "alarm": "alarm",
                                                                      "side door keypad": "side door keypad"}[w["what"]] +
                                    (" code after a break-in in the street. They do not want the "
                                    "new code written on run sheets any more - drivers are to ring %s on arrival and "
                                    "they will give it over the phone. The old code will no longer work.%s")) % (
                                        c["fn"], self.nm(p, 5), self.cref(p), self.addr1(h["addr"]),
                                        (p["nok"]["full"] + " on " + p["nok"]["phone"]) if p["nok"] else "the patient on " + p["tel"],
                                        self.sigblock(s, role[s["role"]]))
                            subj = "%s code change - %s %s" % (w["what"].capitalize(), p["title"], p["sn"])
                        else:
                            body = ("Hi %s\n\nJust to let you know the key safe at %s (%s) has been taken off "
                                    "by the housing association as the porch is being replaced. There is no key safe there now. "
                                    "Please ring %s the day before and someone will be in.%s" % (
                                        c["fn"], self.addr1(h["addr"]), self.nm(p, 2), p["tel"], self.sigblock(s, role[s["role"]])))
                            subj = "Key safe removed - %s" % p["sn"]
                        self.eml(folder, "%s %s.eml" % (d.strftime("%Y%m%d"), subj.replace(":", "")), self.addr_of(s, DOM),
                                 self.addr_of(c, HDOM), subj, body, d)
                    if w.get("newcode"):
                        s = pick_unit(p)
                        c = r.choice(coords)
                        d = w["new_from"]
                        body = ("Hello %s,\n\nNew " + w["what"] + " code for %s at %s: %s (was %s). Please update the driver "
                                "sheets. Patient is %s.%s") % (
                                    c["fn"], self.nm(p, 0), self.addr1(h["addr"]), w["newcode"], w["code"],
                                    r.choice(["on dialysis Mon/Wed/Fri mornings so can't get to the door", "often asleep after a night run",
                                              "unsteady on her feet" if p["sex"] == "F" else "unsteady on his feet"]),
                                    self.sigblock(s, role[s["role"]]))
                        subj = "RE: access %s - new code" % p["sn"]
                        self.eml(folder, "%s %s.eml" % (d.strftime("%Y%m%d"), subj.replace(":", "")), self.addr_of(s, DOM),
                                 self.addr_of(c, HDOM), subj, body, d)
        # 2. life events
        for p in self.P:
            if not p.get("event_date"):
                continue
            s = pick_unit(p) if p["therapy"] != "O2" else r.choice(self.S["o2_nurse"])
            rl = role.get(s["role"], "Nurse")
            c = r.choice(coords)
            d = p["event_date"] + dt.timedelta(days=r.randint(0, 3))
            if d > EXPORT:
                d = EXPORT
            old = p["homes"][0]
            if p["state"] == "died":
                subj = "Sad news - %s %s (%s)" % (p["title"], p["sn"], self.cref(p))
                body = ("Hi %s\n\nSorry to let you know that %s, DOB %s, passed away on %s. Please stop all deliveries "
                        "and arrange collection of stock and %s. %s will be at the house - please ring %s to arrange a time "
                        "rather than using the key safe/any previous access arrangements.%s" % (
                            c["fn"], self.nm(p, 5), self.dob_s(p, 0), dd(p["event_date"], 2),
                            {"HHD": "the machine (technicians will decommission)", "HPN": "the pump and fridge",
                             "O2": "cylinders (Aerolink collecting the concentrator)"}[p["therapy"]],
                            p["nok"]["full"] if p["nok"] else "The family", p["nok"]["phone"] if p["nok"] else p["tel"],
                            self.sigblock(s, rl)))
            elif p["state"] == "care_home":
                subj = "Stop deliveries - %s moved to care home" % p["sn"]
                acc = self.access_line(p, p["event_date"] - dt.timedelta(days=1), "form", "; ")
                body = ("Hi %s\n\n%s (%s) has moved permanently into %s from %s. Please cancel deliveries to %s. "
                        "%sThe care home will order through their own supplier.%s" % (
                            c["fn"], self.nm(p, 0), self.cref(p), p["care_home"], dd(p["event_date"]), self.addr1(old["addr"]),
                            ("Please also remove the access info from your system (%s) as the house is being sold. " % acc) if acc and r.random() < 0.6 else "",
                            self.sigblock(s, rl)))
            elif p["state"] == "moved_relative":
                subj = "Change - %s %s now living with family" % (p["fn"], p["sn"])
                rel = p["moved_to"]
                body = ("Hi %s\n\n%s, DOB %s, has moved in with %s %s at %s and will not be returning to %s. "
                        "Care transferring to the local team there, so please stop deliveries from %s. Stock at the old "
                        "address to be collected - %s has the keys.%s" % (
                            c["fn"], self.nm(p, 0), self.dob_s(p, 4), "her" if p["sex"] == "F" else "his", rel["rel"] + " " + rel["full"],
                            self.addr1(p["rel_addr"]), self.addr1(old["addr"]), dd(p["event_date"]), rel["fn"],
                            self.sigblock(s, rl)))
            elif p["state"] == "transplanted":
                subj = "HHD pt transplanted - stop deliveries %s" % self.cref(p)
                body = ("Hi %s\n\nGood news - %s received a kidney transplant on %s. Please cancel all HHD deliveries and "
                        "book the uplift of the %s with %s. Pt is home now and happy for you to ring on %s.%s" % (
                            c["fn"], self.nm(p, 2), dd(p["event_date"]), p.get("machine", "machine"),
                            r.choice(self.S["tech"])["full"], p["tel"], self.sigblock(s, rl)))
            else:
                subj = "Change of address - %s" % self.nm(p, 2)
                new = p["homes"][-1]
                acc = self.access_line(p, p["event_date"], "form", "; ")
                body = ("Hi %s\n\nPlease note change of address for %s (DOB %s) from %s:\n\nOLD: %s\nNEW: %s\n\n"
                        "Access at new address: %s\n\nFirst delivery to new address w/c %s.%s" % (
                            c["fn"], self.nm(p, 5), self.dob_s(p, 0), dd(p["event_date"]), self.addr1(old["addr"]),
                            self.addr1(new["addr"]), acc or "pt will be in, ring ahead",
                            dd(p["event_date"] + dt.timedelta(days=7 - p["event_date"].weekday())), self.sigblock(s, rl)))
            self.eml(folder, "%s %s.eml" % (d.strftime("%Y%m%d"), subj.replace(":", "")), self.addr_of(s, DOM),
                     self.addr_of(c, HDOM), subj, body, d, cc=self.addr_of(r.choice(self.S["admin"]), DOM))
        # 3. new starters
        for p in self.P:
            if p["start"] < START or p["therapy"] == "O2":
                continue
            s = p["nurse"]
            c = r.choice(coords)
            d = p["start"] - dt.timedelta(days=r.randint(5, 14))
            home = p["homes"][0]
            acc = self.access_line(p, p["start"], "form", "\n  ") or "Pt/wife will be in"
            body = ("Hi %s\n\nNew %s referral - first delivery please w/c %s.\n\nName: %s\nDOB: %s\nNHS no: %s\n"
                    "Address: %s\nTel: %s\nNOK: %s\nTherapy: %s\nAccess:\n  %s\n\nPrescription to follow from pharmacy (%s).%s" % (
                        c["fn"], p["therapy"], dd(p["start"]), self.nm(p, 5), self.dob_s(p, 0), self.nhs_s(p) or "not yet available",
                        self.addr1(home["addr"]), p["tel"],
                        ("%s (%s) %s" % (p["nok"]["full"], p["nok"]["rel"], p["nok"]["phone"])) if p["nok"] else "none given",
                        p.get("machine", p.get("bag", "")), acc, self.S["pharm"][0]["full"], self.sigblock(s, role[s["role"]])))
            self.eml(folder, "%s New referral %s.eml" % (d.strftime("%Y%m%d"), p["sn"]), self.addr_of(s, DOM),
                     self.addr_of(c, HDOM), "New referral - %s %s" % (p["therapy"], self.nm(p, 8)), body, max(d, dt.date(2026, 4, 20)))
        # 4. failed deliveries (from coordinators)
        cand = [p for p in self.P if p["therapy"] != "O2"]
        for i in range(max(3, int(8 * self.n / 120))):
            p = r.choice(cand)
            a, b = self.window(p)
            d = rdate(r, a, b)
            c = r.choice(coords)
            s = p["nurse"]
            drv = self.driver_for(p)
            home = self.home_at(p, d)
            has = bool(home["ways"])
            body = ("Hi %s\n\n%s attempted delivery to %s (%s) on %s - no answer. %s Fluids brought back to depot. "
                    "Can someone from the unit check pt is OK and rebook?\n\nThanks\n%s\nCustomer Services Coordinator\n%s\n"
                    "0113 496 0%03d" % (
                        s["fn"], drv["full"], self.nm(p, 3), self.cref(p), dd(d, 2),
                        r.choice(["Driver used the key safe but the door was chained from inside.",
                                  "Key holder not in.", "Access notes did not work - please confirm current arrangement."])
                        if has else r.choice(["No access arrangement on file.", "Neighbour had no key."]),
                        c["full"], HOMECARE, 200 + self.seed))
            self.eml("Email/Medivan", "%s Failed delivery %s.eml" % (d.strftime("%Y%m%d"), self.cref(p)), self.addr_of(c, HDOM),
                     self.addr_of(s, DOM), "Failed delivery %s %s" % (self.cref(p), d.strftime("%d/%m")), body, d)
        # 5. weekly list with CSV attachment
        weeks = self.weeks()
        for i in range(max(3, int(8 * self.n / 120))):
            w = weeks[(i * 3 + self.seed) % len(weeks)]
            c = r.choice(coords)
            s = r.choice(self.S["admin"])
            rows = [["Ref", "Surname", "Forename", "DOB", "NHS", "Postcode", "Del day", "Access"]]
            for p, d, day in self.week_rows[w]:
                if p["therapy"] == "O2":
                    continue
                home = self.home_at(p, d)
                rows.append([self.cref(p), p["sn"], p["fn"], self.dob_s(p, 0), self.nhs_s(p, 1), home["addr"]["pc"], day,
                             self.access_line(p, d, "form", "; ") if home["ways"] else ""])
            body = ("Hi %s\n\nAttached the HHD/HPN list for w/c %s with current access notes as we have them. "
                    "Please check against yours and let me know of differences.\n\nThanks\n%s\n%s" % (
                        c["fn"], dd(w), s["full"], UNIT))
            self.eml("Email/Medivan", "%s Weekly list wc %s.eml" % ((w - dt.timedelta(days=3)).strftime("%Y%m%d"), w.strftime("%d-%m")),
                     self.addr_of(s, DOM), self.addr_of(c, HDOM), "Weekly delivery list w/c %s" % w.strftime("%d/%m/%y"),
                     body, w - dt.timedelta(days=3), att=[("HTU_list_wc_%s.csv" % w.strftime("%Y%m%d"), csv_text(rows))])
        # 6. internal / near miss
        mgr = self.S["manager"][0]
        for i in range(3):
            d = dt.date(2026, 5 + i * 2, 3 + i)
            subj, body = [
                ("Training room door code", "All,\n\nThe training room door code on level 2 has been changed to C%s X. "
                 "Please don't prop the door open. The stock room key is in the nurses' office key safe (%s).\n\n%s" % (
                     self.code4(), self.code4(), mgr["full"])),
                ("Pool car", "Hi all\n\nPool car keys are now in the key box by reception, code %s. Please fill in the mileage sheet.\n\n%s" % (
                    self.code4(), mgr["fn"])),
                ("Datix and key safe codes on run sheets", "All,\n\nFollowing the IG audit, please do not put key safe codes in "
                 "e-mail subject lines. Use the secure route. Key points from the audit are attached to the Q2 minutes.\n\n%s\n%s" % (
                     mgr["full"], "Home Therapies Unit Manager"))][i]
            self.eml("Email/Internal", "%s %s.eml" % (d.strftime("%Y%m%d"), subj), self.addr_of(mgr, DOM),
                     "HTU team <home.therapies@%s>" % DOM, subj, body, d)
        self.n_email = len(self.files) - n0

    # ---------------------------------------------------------------- HL7 / FHIR exports
    def gen_exports(self):
        r = self.r
        ts = "20261031%02d%02d" % (r.randint(1, 5), r.randint(0, 59))
        msgs = []
        hhd = [p for p in self.P if p["therapy"] == "HHD"]
        for i, p in enumerate(hhd):
            home = p["homes"][-1]
            a = home["addr"]
            pid3 = "%s^^^RXH^MR" % p["hosp"]
            if p["nhs"]:
                pid3 = "%s^^^NHS^NH~%s" % (p["nhs"], pid3)
            dead = p["state"] == "died"
            pid = "PID|1||%s||%s^%s^%s^^%s||%s|%s|||%s^%s^%s^^%s^GBR^H||%s|||||||||||||%s|%s" % (
                pid3, p["sn"].upper(), p["fn"].upper(), p["mid"].upper(), p["title"].upper(), p["dob"].strftime("%Y%m%d"),
                p["sex"], a["line1"], a["line2"], a["town"], a["pc"], p["tel"].replace(" ", ""),
                p["event_date"].strftime("%Y%m%d") if dead else "", "Y" if dead else "N")
            seg = ["MSH|^~\\&|RENALPLUS|RXH_HTU|EXPORT|IG|%s||ADT^A31|HTU%s%04d|P|2.4" % (ts, ts[:8], i + 1),
                   "EVN|A31|%s" % ts, pid]
            if p["nok"]:
                nk = p["nok"]
                seg.append("NK1|1|%s^%s|%s|||%s" % (nk["sn"].upper(), nk["fn"].upper(),
                                                     {"wife": "SPO^Spouse", "husband": "SPO^Spouse", "partner": "DOM^Partner",
                                                      "daughter": "CHD^Child", "son": "CHD^Child"}.get(nk["rel"], "OTH^" + nk["rel"].title()),
                                                     nk["phone"].replace(" ", "")))
            c = p["cons"]
            pv1_class = "O"
            seg.append("PV1|1|%s|HTU^HOME^^RXH||||%s^%s^%s^^^Dr|||REN|||||||||%s" % (
                pv1_class, c["sn"][:3].upper() + "01", c["sn"].upper(), c["fn"].upper(), p["hosp"]))
            if p["state"] != "active":
                seg.append("NTE|1||Programme status: %s %s" % ({"died": "DECEASED", "transplanted": "OFF PROGRAMME - Tx",
                                                              "care_home": "OFF PROGRAMME - care home",
                                                              "moved_relative": "TRANSFERRED OUT",
                                                              "moved_house": "ACTIVE - address changed"}[p["state"]],
                                                             p["event_date"].strftime("%d/%m/%Y")))
            msgs.append("\r".join(seg))
        with open(self.path("Exports", "HTU_renal_HHD_ADT_%s.hl7" % ts[:8]), "w", newline="") as fh:
            fh.write("\r\n".join(msgs) + "\r\n")
        # FHIR for O2 + HPN
        entries = []
        prac = {}
        for s in self.S["resp"] + self.S["gastro"]:
            pid_ = "prac-%s" % s["sn"].lower().replace(" ", "").replace("'", "")
            prac[s["full"]] = pid_
            entries.append({"fullUrl": "urn:uuid:%s" % pid_, "resource": {
                "resourceType": "Practitioner", "id": pid_,
                "name": [{"family": s["sn"], "given": [s["fn"]], "prefix": ["Dr"]}]}})
        for p in self.P:
            if p["therapy"] == "HHD":
                continue
            if p["start"] > dt.date(2026, 10, 20):
                continue
            home = p["homes"][-1]
            a = home["addr"]
            res = {"resourceType": "Patient", "id": "htu-%d" % (1000 + p["idx"] * 7 + self.seed),
                   "identifier": ([{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": p["nhs"]}] if p["nhs"] else []) +
                   [{"system": "https://%s/Id/hospital-number" % DOM, "value": p["hosp"]}],
                   "active": p["state"] in ("active", "moved_house"),
                   "name": [{"use": "official", "family": p["sn"], "given": [p["fn"]] + ([p["mid"]] if p["mid"] else []),
                             "prefix": [p["title"]]}] + ([{"use": "usual", "given": [p["known_as"]]}] if p.get("known_as") else []),
                   "gender": "female" if p["sex"] == "F" else "male",
                   "birthDate": p["dob"].isoformat(),
                   "telecom": [{"system": "phone", "value": p["tel"]}],
                   "address": [{"use": "home", "line": [x for x in [a["line1"], a["line2"]] if x], "city": a["town"], "postalCode": a["pc"]}],
                   "generalPractitioner": [{"display": "%s %s, %s" % (p["gp"]["title"], p["gp"]["full"], p["practice"])}]}
            if p["state"] == "died":
                res["deceasedDateTime"] = p["event_date"].isoformat()
            if p["state"] == "care_home":
                res["address"][0]["use"] = "old"
                res["address"].append({"use": "temp", "text": p["care_home"]})
            if p["nok"]:
                res["contact"] = [{"relationship": [{"text": p["nok"]["rel"]}],
                                   "name": {"family": p["nok"]["sn"], "given": [p["nok"]["fn"]]},
                                   "telecom": [{"system": "phone", "value": p["nok"]["phone"]}]}]
            entries.append({"fullUrl": "urn:uuid:%s" % res["id"], "resource": res})
            entries.append({"resource": {"resourceType": "CarePlan", "id": "cp-%s" % res["id"], "status":
                                         "active" if res["active"] else "completed", "intent": "plan",
                                         "title": {"O2": "Home oxygen (LTOT)", "HPN": "Home parenteral nutrition"}[p["therapy"]],
                                         "subject": {"reference": "Patient/%s" % res["id"]},
                                         "author": {"reference": "Practitioner/%s" % prac[p["cons"]["full"]], "display": "Dr " + p["cons"]["full"]},
                                         "description": p["dx"]}})
        bundle = {"resourceType": "Bundle", "type": "collection", "timestamp": "2026-10-31T0%d:12:00+00:00" % r.randint(1, 6),
                  "meta": {"source": "HTU register export (oxygen + HPN)"}, "entry": entries}
        with open(self.path("Exports", "htu_o2_hpn_register_20261031.json"), "w", encoding="utf-8") as fh:
            json.dump(bundle, fh, indent=1, ensure_ascii=False)
        # HPN register spreadsheet (split columns)
        rows = [["Surname", "Forename", "Known as", "DOB", "NHS Number", "Hosp No", "Indication", "Line", "Nights", "Status", "Named nurse", "Dietitian"]]
        infx = [["Date", "Patient", "Organism", "Line outcome"]]
        for p in self.P:
            if p["therapy"] != "HPN":
                continue
            rows.append([p["sn"], p["fn"], p.get("known_as") or "", self.dob_s(p, 0), self.nhs_s(p, 1), p["hosp"], p["dx"], p["line"],
                         p["nights"], {"active": "Active", "died": "Died %s" % dd(p.get("event_date", EXPORT)),
                                       "care_home": "Discharged (care home)", "moved_relative": "Transferred out",
                                       "moved_house": "Active (new address)", "transplanted": "Off"}[p["state"]],
                         p["nurse"]["full"], p["diet"]["full"]])
            if r.random() < 0.2:
                infx.append([dd(rdate(r, START, EXPORT)), "%s, %s" % (p["sn"].upper(), p["fn"]),
                             r.choice(["CoNS", "S. aureus", "Klebsiella", "Candida"]), r.choice(["salvaged", "removed + replaced"])])
        write_xlsx(self.path("HPN", "HPN register 2026.xlsx"), [("Register", rows, []), ("CRBSI log", infx, ["Line infections 2026"])],
                   author=self.S["hpn_nurse"][0]["full"])

    # ---------------------------------------------------------------- MDT
    def gen_mdt(self, k):
        r = self.r
        d = dt.date(2026, 5, 7)
        for i in range(k):
            present = r.sample(self.S["nephrologist"], 2) + r.sample(self.S["renal_nurse"], 3) + \
                [self.S["manager"][0]] + r.sample(self.S["dietitian"], 1) + r.sample(self.S["hpn_nurse"], 1) + \
                r.sample(self.S["tech"], 1) + [self.S["gastro"][0]] + r.sample(self.S["o2_nurse"], 1) + [self.S["pharm"][0]]
            if r.random() < 0.5:
                present += r.sample(self.S["resp"], 1)
            apol = r.sample([s for s in self.staff_all if s["role"] in ("renal_nurse", "dietitian", "coord", "admin") and s not in present], 2)
            rows = [["Patient", "Hosp no", "Therapy", "Discussion", "Action / who"]]
            dl = d + dt.timedelta(days=14)
            for p in self.P:
                if p.get("event_date") and d - dt.timedelta(days=14) <= p["event_date"] < d:
                    txt = {"died": "Died %s. Bereavement letter; uplift booked." % dd(p["event_date"], 1),
                           "transplanted": "Transplanted %s - discharge from HHD" % dd(p["event_date"], 1),
                           "care_home": "Now in %s. Discharge from home programme." % p.get("care_home"),
                           "moved_relative": "Moved to family - transfer care.",
                           "moved_house": "Moved house - reinstall/relocate. Update access info with Medivan."}[p["state"]]
                    rows.append([self.nm(p, r.choice([1, 5, 9])), p["hosp"], p["therapy"], txt,
                                 r.choice(self.staff_all[:20])["fn"]])
            pool = [p for p in self.P if p["start"] <= d <= p["end"] and not (p.get("event_date") and p["event_date"] < d and p["state"] != "moved_house")]
            for p in r.sample(pool, min(len(pool), r.randint(6, 11))):
                common = ["Carer strain - %s struggling, refer for respite" % (p["nok"]["fn"] if p["nok"] else "family"),
                          "Holiday request (Cornwall, Aug) - arrange deliveries", "Safeguarding concern raised - see notes"]
                txt = r.choice(common + {
                    "HHD": ["Poor adherence to sessions - %s to visit" % p["nurse"]["fn"], "High IDWG, review TW",
                            "Bloods: K 6.3 - dietitian to review", "Machine faults x3 this month - tech to swap",
                            "For transplant work-up", "Consider nocturnal HHD", "Ready for solo dialysis sign-off"],
                    "HPN": ["Line infection - cultures CoNS, salvage with taurolidine locks", "Weight loss 4kg - increase PN",
                            "Reduce PN nights - trial 5/7", "Teduglutide - funding application",
                            "Missed fridge delivery x2 - escalate to Medivan"],
                    "O2": ["Fire risk - smoking, HOORF done", "Not using concentrator (meter 4 hrs/day) - review need",
                           "Ambulatory O2 not used - withdraw", "Increase to 3L/min - new HOOF",
                           "Palliative - ReSPECT form in place"]}[p["therapy"]])
                who = r.choice([p["nurse"], p["cons"]] + ([p["diet"]] if p.get("diet") else []))
                rows.append([self.nm(p, r.choice([1, 4, 0, 7, 2])) + (("  (%s)" % self.dob_s(p, 1)) if r.random() < 0.3 else ""),
                             p["hosp"], p["therapy"], txt, who["fn"] + " " + who["sn"][0]])
            dc = new_docx(self.S["admin"][i % 2]["full"])
            dc.add_heading("Home Therapies MDT - %s" % dd(d, 2), 1)
            dc.add_paragraph("Present: " + ", ".join(self.staff_s(s, r.choice([0, 1])) for s in present))
            dc.add_paragraph("Apologies: " + ", ".join(s["full"] for s in apol))
            dc.add_paragraph("Minutes: %s" % self.S["admin"][i % 2]["full"])
            dc.add_paragraph("1. Actions from last meeting - all complete except uplift backlog (Medivan).")
            dc.add_paragraph("2. Patient discussion")
            docx_table(dc, rows)
            dc.add_paragraph("3. AOB: %s" % r.choice(["Key points from the renal network meeting circulated.",
                                                      "Stock room code changed - ask %s." % self.S["manager"][0]["fn"],
                                                      "Audit of access info on run sheets (IG) - %s leading." % self.S["manager"][0]["full"],
                                                      "Nil."]))
            dc.add_paragraph("Next meeting: %s" % dd(dl, 2))
            save_docx(dc, self.path("MDT", "MDT minutes %s.docx" % d.strftime("%Y-%m-%d")))
            d = dl

    # ---------------------------------------------------------------- scanned forms
    def ocrize(self, s, rate=0.02):
        r = self.r
        sub = {"l": "1", "O": "0", "o": "c", "e": "c", "i": "l", "S": "5", "rn": "m", "m": "rn"}
        out = []
        i = 0
        while i < len(s):
            c = s[i]
            if c in sub and r.random() < rate:
                out.append(sub[c])
            else:
                out.append(c)
            i += 1
        return "".join(out)

    def gen_scanned(self, k):
        r = self.r
        cand = [p for p in self.P if p["homes"][0]["ways"]] + r.sample(self.P, 4)
        r.shuffle(cand)
        for i, p in enumerate(cand[:k]):
            a, b = self.window(p)
            d = rdate(r, max(p["start"] - dt.timedelta(days=30), dt.date(2026, 4, 1)), a + dt.timedelta(days=30))
            if d > b:
                d = a
            home = self.home_at(p, d)
            ad = home["addr"]
            acc_parts = {w["kind"]: w for w in home["ways"]}
            L = []
            o = lambda s: self.ocrize(s, 0.03)
            L.append(o("%s  -  HOME DELIVERY AGREEMENT & ACCESS FORM" % HOMECARE.upper()))
            L.append(o("Please complete in BLOCK CAPITALS and return in the envelope provided"))
            L.append("")
            L.append(o("Patient name:") + "  " + ("%s %s" % (p["fn"], p["sn"])).upper())
            L.append(o("Date of birth:") + "  " + self.dob_s(p, r.choice([0, 1, 6])))
            L.append(o("NHS number (if known):") + "  " + (self.nhs_s(p, 0) or "DONT KNOW"))
            L.append(o("Address:") + "  " + self.addr1(ad).upper())
            L.append(o("Telephone:") + "  " + p["tel"])
            L.append(o("Therapy:  [%s] Dialysis  [%s] Nutrition (PN)  [%s] Oxygen" % (
                "X" if p["therapy"] == "HHD" else " ", "X" if p["therapy"] == "HPN" else " ", "X" if p["therapy"] == "O2" else " ")))
            L.append("")
            L.append(o("HOW CAN OUR DRIVER GET IN IF YOU CANNOT COME TO THE DOOR?"))
            w = acc_parts.get("code")
            cval = "N/A"
            if w and w["what"] in ("key safe", "door entry", "side door keypad"):
                cval = w["code"]
                if w.get("newcode") and d >= w["new_from"]:
                    cval = w["newcode"]
                if w.get("dead") and d >= w["dead"]:
                    cval = "N/A"
            L.append(o("Key safe / door code:") + "  " + cval)
            if w and w["what"] == "key safe":
                L.append(o("Where is the key safe?") + "  " + w["where"].upper())
            w = acc_parts.get("key_holder")
            L.append(o("Key holder (name, address, phone):") + "  " + (
                ("%s, %s, %s" % (w["holder"]["full"].upper(), w["holder"].get("nbr_no", w["holder"]["rel"]), w["holder"]["phone"]))
                if w and not w["holder"].get("place") else (w["holder"]["full"].upper() if w else "NONE")))
            w = acc_parts.get("hidden_key")
            if w:
                L.append(o("Other instructions:") + "  KEY " + w["where"].upper())
            w = acc_parts.get("left_open")
            if w:
                L.append(o("Other instructions:") + "  " + w["how"].upper())
            if not home["ways"]:
                L.append(o("Other instructions:") + "  " + r.choice(["I AM ALWAYS IN", "RING BELL AND WAIT PLEASE", "WIFE IS IN"]))
            L.append("")
            L.append(o("I agree to Medivan Homecare holding these details for delivery purposes."))
            L.append(o("Signed:") + "  " + r.choice([p["sn"].upper(), "%s %s" % (p["fn"][0], p["sn"]), "(signature)"]) +
                     "      " + o("Date:") + "  " + d.strftime("%d/%m/%y"))
            if p["nok"] and r.random() < 0.4:
                L.append(o("Completed on behalf of patient by:") + "  %s (%s)" % (p["nok"]["full"].upper(), p["nok"]["rel"].upper()))
            L.append("")
            L.append(o("OFFICE USE: entered on system by %s  %s" % (r.choice(self.S["coord"])["fn"][0] + r.choice(self.S["coord"])["sn"][0],
                                                               (d + dt.timedelta(days=3)).strftime("%d/%m"))))
            pages = pdf_flow(L, width=100)
            write_pdf(self.path("Scans", "SCAN_%s_%04d.pdf" % (d.strftime("%Y%m%d"), 1000 + i * 13 + self.seed)),
                      pages, title="", author="", producer="Canon iR-ADV C5535 PDF (OCR)")

    # ==== END SHARE ====


def main():
    a = sys.argv[1:]
    if len(a) < 2:
        print(__doc__)
        sys.exit(2)
    root, truthp = a[0], a[1]
    n = int(a[2]) if len(a) > 2 else 120
    seed = int(a[3]) if len(a) > 3 else 1
    os.makedirs(root, exist_ok=True)
    sh = Share(seed, n, root)
    sh.generate()
    sys.stderr.write("files %d; missing staff %s; missing people %s; unwritten ways %s\n" % (
        len(sh.files), sh.missing_staff, sh.missing_people, sh.unwritten_ways))
    with open(truthp, "w") as fh:
        json.dump(sh.truth(), fh, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
