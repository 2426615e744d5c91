#!/usr/bin/env python3
"""Held-out breach share 19: Doorstep Clinics CIC, a social enterprise that takes
dentistry, eye care, podiatry and hearing care to people who cannot travel.

    python heldout_share_19.py SHARE TRUTH.json [PEOPLE=120] [SEED=1]

Writes SHARE (the shared drive as taken) and TRUTH.json (outside it).  Everything
is invented.  Output depends only on PEOPLE and SEED.
"""
import csv
import datetime as dt
import io
import json
import os
import random
import re
import shutil
import sys
import zipfile
from email.message import EmailMessage
from email.utils import format_datetime

import docx
import openpyxl

ZIP_TIME = (2026, 9, 30, 17, 45, 0)
START = dt.date(2025, 10, 1)
END = dt.date(2026, 9, 30)
ORG = "Doorstep Clinics CIC"
DOMAIN = "doorstepclinics.org.uk"

# ---------------------------------------------------------------- name pools
FEMALE = ["Margaret", "Elizabeth", "Patricia", "Dorothy", "Kathleen", "Barbara", "Irene", "Joan",
          "Florence", "Winifred", "Josephine", "Bridget", "Ellen", "Gwendoline", "Susan", "Mary",
          "Audrey", "Sheila", "Maureen", "Brenda", "Valerie", "Edna", "Hilda", "Doreen", "Beryl",
          "Pauline", "Jean", "Rita", "Eileen", "Marjorie", "Agnes", "Ada", "Olive", "Glenys",
          "Shirley", "Theresa", "Nora", "Priscilla", "Rosina", "Mercy", "Grace", "Hannah", "Catrin",
          "Yvonne", "Sandra", "Janet", "Bernadette", "Lilian", "Ivy", "Christine"]
MALE = ["William", "Robert", "James", "John", "Edward", "Frederick", "Albert", "Thomas",
        "Joseph", "Richard", "Henry", "Michael", "Patrick", "Anthony", "Alfred", "Christopher",
        "Arthur", "Kenneth", "Dennis", "Leonard", "Raymond", "Stanley", "Gordon", "Ronald",
        "Derek", "Clifford", "Norman", "Trevor", "Bernard", "Cyril", "Harold", "Walter",
        "Gareth", "Dafydd", "Emlyn", "Aubrey", "Winston", "Delroy", "Tomasz", "Sean"]
SURNAMES = ["Ashworth", "Brindley", "Caddick", "Dunmore", "Eckersley", "Fenwick", "Gittins",
            "Hollins", "Ingleby", "Jeavons", "Kettley", "Lathom", "Mellor", "Nuttall", "Onions",
            "Pritchard", "Quayle", "Rudge", "Sankey", "Tibbetts", "Upton", "Vaughan", "Whitmore",
            "Yapp", "Bebbington", "Corfield", "Dorrell", "Evason", "Froggatt", "Gwilliam", "Hadley",
            "Instone", "Jukes", "Kinsey", "Lloyd-Hughes", "Maddox", "Needham", "Oakley", "Parton",
            "Roden", "Southall", "Tonks", "Venables", "Wagstaff", "Beddoes", "Cartwright",
            "Davenport", "Edwardes", "Fairclough", "Garbett", "Higley", "Jarrett", "Kendrick",
            "Lovatt", "Meredith", "Norbury", "Pugh", "Rowley", "Slater", "Timmis", "Whittall",
            "Okafor", "Mensah", "Nowak", "Kowalczyk", "Campbell", "Grant", "Ferreira", "O'Rourke",
            "McAllister", "Bhatt", "Chaudhry", "Begum", "Ahmed", "Mistry", "Ellery", "Penhaligon",
            "Trevithick", "Ap Rhys", "Bowdler", "Cheadle", "Dipple", "Gough", "Haycock", "Ludlam"]
TRAV_SURNAMES = ["Boswell", "Loveridge", "Penfold", "Lee", "Smith", "Price", "Ward", "McDonagh",
                 "Doherty", "Joyce", "Cash", "Wenman", "Buckland", "Lamb"]
NICK = {"Margaret": "Peggy", "Elizabeth": "Betty", "Patricia": "Pat", "Dorothy": "Dot",
        "Kathleen": "Kath", "Barbara": "Babs", "Irene": "Reenie", "Florence": "Flo",
        "Winifred": "Winnie", "Josephine": "Josie", "Bridget": "Biddy", "Ellen": "Nell",
        "Gwendoline": "Gwen", "Susan": "Sue", "Marjorie": "Madge", "Agnes": "Nessie",
        "Christine": "Chris", "Bernadette": "Bernie", "Theresa": "Tess", "Priscilla": "Cilla",
        "William": "Bill", "Robert": "Bob", "James": "Jim", "John": "Jack", "Edward": "Ted",
        "Frederick": "Fred", "Albert": "Bert", "Thomas": "Tom", "Joseph": "Joe", "Richard": "Dick",
        "Henry": "Harry", "Michael": "Mick", "Patrick": "Paddy", "Anthony": "Tony",
        "Alfred": "Alf", "Christopher": "Chris", "Kenneth": "Ken", "Leonard": "Len",
        "Raymond": "Ray", "Stanley": "Stan", "Ronald": "Ron", "Bernard": "Bernie",
        "Dafydd": "Dai", "Walter": "Wally"}
YOUNG_F = ["Kerry", "Gemma", "Natasha", "Leanne", "Sana", "Priya", "Chloe", "Bethan", "Rhiannon",
           "Amira", "Joanne", "Lisa", "Hayley", "Claire", "Zofia", "Fiona", "Abigail", "Tamsin",
           "Nicola", "Donna", "Ruth", "Adaeze", "Harpreet", "Siobhan", "Kirsty", "Emma", "Lorraine"]
YOUNG_M = ["Gary", "Darren", "Lee", "Craig", "Imran", "Rhys", "Owen", "Marcus", "Jason", "Paul",
           "Stuart", "Neil", "Kieran", "Arjun", "Kwame", "Lewis", "Martin", "Simon", "Dean",
           "Callum", "Wayne", "Piotr", "Aled", "Nathan", "Graham", "Shane", "Kevin"]
STAFF_SURNAMES = ["Mirza", "Lowe", "Bell", "Haddon", "Stokes", "Pemberton-Wylie", "Ruddock",
                  "Sandhu", "Tranter", "Kaczmarek", "Wilde", "Osei", "Ferris", "Gallimore",
                  "Dyke", "Hensby", "Ambrose", "Cheung", "Lattimer", "Morgan-Reece", "Nkemelu",
                  "Shenton", "Orme", "Ransome", "Chadwick", "Baxendale", "Iqbal", "Fennimore"]
OTHER_SURNAMES = ["Qureshi", "Halloran", "Brightwell", "Okonjo", "Pargeter", "Vines", "Sowerby",
                  "Tilsley", "Marchant", "Colclough", "Eyre", "Faulkner", "Greatbatch", "Hebden",
                  "Ibbotson", "Jopling", "Kirkbride", "Lund", "Moseley", "Nairn", "Oldroyd",
                  "Pickering", "Raistrick", "Scholey", "Thwaite", "Umney", "Verity", "Wardle",
                  "Yeadon", "Bastow", "Crowther", "Dobbs", "Eastwood", "Fretwell", "Greaves",
                  "Harker", "Illingworth", "Jessop", "Kaye", "Lockwood", "Mallinson", "Nutter",
                  "Oxley", "Pashley", "Quarmby", "Redfearn", "Sugden", "Tinker", "Uttley"]

TOWNS = [("Hollowford", "SY7"), ("Castlebridge", "SY9"), ("Marsham", "HR6"), ("Kingsley Wood", "TF9"),
         ("Alderbury St Mary", "SY5"), ("Wenbury", "WR15"), ("Clunford", "SY7"), ("Lydcott", "HR6")]
STREETS = ["Mill Lane", "Chapel Street", "Brook Road", "Station Road", "The Paddocks", "Orchard Close",
           "Church Walk", "Lower Bank", "Quarry Rise", "Well Meadow", "Coppice Drive", "Ludlow Road",
           "Cae Glas", "Townsend", "Broad Street", "Sheep Street", "Hawthorn Way", "Nursery Gardens",
           "Tan House Lane", "Pound Lane", "Dinham", "Old Forge Row"]
HOUSE_NAMES = ["Rose Cottage", "The Bungalow", "Ty Nant", "Holly Bank", "Westview", "Meadow Cottage",
               "Fernleigh", "2 Keepers Cottages", "The Old Smithy", "Brynhyfryd"]

CARE_HOMES = [("Larchfield House", "12 Larchfield Road, Hollowford", "SY7 8QE"),
              ("Orchard Lea Care Home", "Orchard Lea, Marsham", "HR6 0JS"),
              ("St Brannock's Nursing Home", "Church Walk, Castlebridge", "SY9 5AW"),
              ("The Willows Residential Home", "45 Station Road, Wenbury", "WR15 8DN")]
SCHEMES = [("Bramley Court", "sheltered", "Bramley Court, Townsend, Hollowford", "SY7 9BJ"),
           ("Harbour Mews", "extra care", "Harbour Mews, Quay Street, Castlebridge", "SY9 5HQ")]
SITES = [("Fernhill Lane Traveller Site", "Fernhill Lane, Kingsley Wood", "TF9 4RT"),
         ("Cold Ash Park", "Cold Ash Lane, Lydcott", "HR6 9PL")]
PARK = ("Meadowbank Park Homes", "Meadowbank, Alderbury St Mary", "SY5 0NF")
MOORINGS = [("Lydbrook Marina", "Lydbrook Marina, Canal Side, Wenbury", "WR15 8XR"),
            ("Marcher Canal towpath, Bridge 41", "towpath moorings near Bridge 41, Clunford", "SY7 0EJ")]
BOATS = ["Kingfisher Blue", "Dunroamin", "Tilly Mint", "Brief Encounter", "Otter's Rest", "Morning Star",
         "Lazy Days II", "Nutmeg", "Bluebell", "Second Wind"]

PRACTICES = [("Hollowford Medical Practice", "hollowford.medicalpractice@nhs.net", "M82041"),
             ("Castlebridge & Clun Valley Surgery", "castlebridge.surgery@nhs.net", "M82017"),
             ("Marsham Health Centre", "marsham.hc@nhs.net", "M81055"),
             ("Wenbury Family Doctors", "wenbury.familydrs@nhs.net", "M81093"),
             ("Kingsley Wood Surgery", "kingsleywood.surgery@nhs.net", "M82066")]
CONDITIONS = ["dementia (Alzheimer's)", "vascular dementia", "Parkinson's disease", "COPD",
              "type 2 diabetes", "heart failure", "stroke, left side weakness", "MS",
              "severe agoraphobia", "learning disability", "motor neurone disease",
              "osteoarthritis, bedbound", "macular degeneration", "frailty, falls",
              "schizophrenia", "chronic kidney disease stage 4", "COPD, on home oxygen",
              "type 1 diabetes, peripheral neuropathy", "post-polio syndrome", "Huntington's disease"]

NHS_NO_PREFIX = os.environ.get("HELDOUT_NHS_PREFIX", "999")


def nhs_number(rng, used):
    while True:
        body = NHS_NO_PREFIX + "".join(str(rng.randrange(10)) for _ in range(9 - len(NHS_NO_PREFIX)))
        s = sum(int(d) * (10 - i) for i, d in enumerate(body))
        c = 11 - s % 11
        if c == 11:
            c = 0
        if c == 10:
            continue
        n = body + str(c)
        if n not in used:
            used.add(n)
            return n


def fmt_nhs(n, style=0):
    if style == 0:
        return f"{n[:3]} {n[3:6]} {n[6:]}"
    if style == 1:
        return n
    return f"{n[:3]}-{n[3:6]}-{n[6:]}"


def fdob(d, style=0):
    if style == 0:
        return d.strftime("%d/%m/%Y")
    if style == 1:
        return f"{d.day} {d.strftime('%b %Y')}"
    if style == 2:
        return d.isoformat()
    if style == 3:
        return f"{d.day} {d.strftime('%B %Y')}"
    return d.strftime("%d.%m.%Y")


class World:
    pass


# ---------------------------------------------------------------- the world
def build_world(n_people, seed):
    rng = random.Random(seed * 7919 + 19)
    w = World()
    w.rng = rng
    used_names = set()
    used_nhs = set()
    phones = list(range(900000, 901000))
    rng.shuffle(phones)
    w._phones = phones
    landlines = list(range(960000, 961000))
    rng.shuffle(landlines)
    w._land = landlines

    def mobile():
        return f"07700 {w._phones.pop()}"

    def landline():
        return f"01632 {w._land.pop()}"
    w.mobile = mobile
    w.landline = landline

    def uniq(first_pool, sur_pool):
        while True:
            f = rng.choice(first_pool)
            s = rng.choice(sur_pool)
            if (f, s) not in used_names and f"{f} {s}".lower() not in (x.lower() for x in ()):
                used_names.add((f, s))
                return f, s

    # staff
    roles = [("Dentist (clinical director)", "Dr", "dental"), ("Dentist", "Dr", "dental"),
             ("Dental nurse", "", "dental"), ("Dental nurse", "", "dental"), ("Dental nurse", "", "dental"),
             ("Optometrist", "", "eye"), ("Optometrist", "", "eye"), ("Dispensing optician", "", "eye"),
             ("Podiatrist", "", "podiatry"), ("Podiatrist", "", "podiatry"), ("Podiatry assistant", "", "podiatry"),
             ("Audiologist", "", "hearing"), ("Hearing aid dispenser", "", "hearing"),
             ("Driver", "", "van"), ("Driver", "", "van"), ("Driver", "", "van"), ("Driver", "", "van"),
             ("Referrals coordinator", "", "admin"), ("Rota and routes coordinator", "", "admin"),
             ("Office manager", "", "admin"), ("Finance and payroll officer", "", "admin"),
             ("Operations director and IG lead", "", "admin"), ("Chief executive", "", "admin")]
    w.staff = []
    st_sur = list(STAFF_SURNAMES)
    rng.shuffle(st_sur)
    for i, (role, title, team) in enumerate(roles):
        female = rng.random() < 0.6
        f = rng.choice(YOUNG_F if female else YOUNG_M)
        s = st_sur[i]
        used_names.add((f, s))
        w.staff.append(dict(forename=f, surname=s, role=role, title=title, team=team,
                            female=female, dob=dt.date(rng.randint(1962, 2001), rng.randint(1, 12), rng.randint(1, 28)),
                            ni=f"Q{rng.choice('QRSTWY')} {rng.randint(10,99)} {rng.randint(10,99)} {rng.randint(10,99)} {rng.choice('ABCD')}",
                            mobile=mobile(), email=f"{f.lower()}.{s.lower().replace('-', '')}@{DOMAIN}",
                            salary=rng.choice([21840, 23150, 24900, 27300, 31200, 38400, 45100, 52800, 61200]),
                            start=dt.date(rng.randint(2015, 2025), rng.randint(1, 12), 1)))
    w.by_team = {}
    for s in w.staff:
        w.by_team.setdefault(s["team"], []).append(s)
    w.ig_lead = [s for s in w.staff if "IG lead" in s["role"]][0]
    w.ref_coord = [s for s in w.staff if s["role"] == "Referrals coordinator"][0]
    w.rota_coord = [s for s in w.staff if s["role"].startswith("Rota")][0]
    w.office_mgr = [s for s in w.staff if s["role"] == "Office manager"][0]
    w.ceo = [s for s in w.staff if s["role"] == "Chief executive"][0]
    w.payroll = [s for s in w.staff if s["role"].startswith("Finance")][0]

    # external professionals
    oth = list(OTHER_SURNAMES)
    rng.shuffle(oth)

    def pro(title, role, org):
        female = rng.random() < 0.55
        f = rng.choice(YOUNG_F if female else YOUNG_M)
        s = oth.pop()
        used_names.add((f, s))
        return dict(forename=f, surname=s, title=title, role=role, org=org, phone=landline())
    w.gps = {p[0]: [pro("Dr", "GP", p[0]), pro("Dr", "GP", p[0])] for p in PRACTICES}
    w.dns = [pro("", "District nurse", "Marches Community Nursing") for _ in range(4)]
    w.sws = [pro("", "Social worker", "Marches Council Adult Social Care") for _ in range(3)]
    w.ch_mgr = {c[0]: pro("", "Home manager", c[0]) for c in CARE_HOMES}
    w.sch_mgr = {s[0]: pro("", "Scheme manager", s[0]) for s in SCHEMES}
    w.wardens = {s[0]: pro("", "Site warden", s[0]) for s in SITES}
    w.marina_mgr = pro("", "Marina manager", MOORINGS[0][0])
    w.labtech = pro("", "Dental technician", "Kestrel Dental Laboratory")
    w.imca = pro("", "IMCA", "Marches Advocacy")
    w.professionals = ([g for v in w.gps.values() for g in v] + w.dns + w.sws + list(w.ch_mgr.values())
                       + list(w.sch_mgr.values()) + list(w.wardens.values()) + [w.marina_mgr, w.labtech, w.imca])

    # patients
    home_types = (["house"] * 40 + ["bungalow"] * 12 + ["flat"] * 5 + ["sheltered"] * 10 + ["extracare"] * 5
                  + ["carehome"] * 15 + ["park"] * 6 + ["boat"] * 5 + ["site"] * 8)
    w.patients = []
    used_addr = set()
    i = 0
    while len(w.patients) < n_people:
        ht = rng.choice(home_types)
        female = rng.random() < 0.58
        pool_s = TRAV_SURNAMES if ht == "site" else SURNAMES
        f, s = uniq(FEMALE if female else MALE, pool_s)
        if ht == "site":
            age = rng.randint(34, 82)
        elif ht in ("carehome", "extracare"):
            age = rng.randint(74, 101)
        elif ht == "boat":
            age = rng.randint(48, 79)
        else:
            age = rng.randint(58 if ht in ("sheltered", "park") else 41, 98)
        dob = dt.date(2026 - age, rng.randint(1, 12), rng.randint(1, 28))
        middle = rng.choice(FEMALE if female else MALE) if rng.random() < 0.35 else ""
        if middle == f:
            middle = ""
        title = ("Mrs" if rng.random() < 0.6 else rng.choice(["Miss", "Ms"])) if female else "Mr"
        p = dict(idx=len(w.patients), forename=f, middle=middle, surname=s, female=female, title=title,
                 dob=dob, nhs=nhs_number(rng, used_nhs), home=ht, condition=rng.choice(CONDITIONS),
                 nick=NICK.get(f, "") if rng.random() < 0.5 else "", maiden="",
                 lacks_capacity=False, deceased=None, moved=None, respite=None, spouse=None,
                 relatives=[], notes=[], near=[], kinds=[], old_home=None, code="")
        if female and title == "Mrs" and rng.random() < 0.3:
            m = rng.choice(SURNAMES)
            if m != s:
                p["maiden"] = m
        if "dementia" in p["condition"] or "learning" in p["condition"] or "Huntington" in p["condition"]:
            p["lacks_capacity"] = rng.random() < 0.8
        p["practice"] = rng.choice(PRACTICES)
        p["gp"] = rng.choice(w.gps[p["practice"][0]])
        p["phone"] = landline() if rng.random() < 0.6 and ht not in ("site", "boat") else (mobile() if rng.random() < 0.6 else "")
        town, pc_area = rng.choice(TOWNS)
        pc_unit = lambda: f"{pc_area} {rng.randint(0, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
        if ht in ("house", "bungalow", "flat"):
            while True:
                if ht == "flat":
                    a = f"Flat {rng.randint(1, 12)}, {rng.randint(1, 60)} {rng.choice(STREETS)}, {town}"
                elif rng.random() < 0.2:
                    a = f"{rng.choice(HOUSE_NAMES)}, {rng.choice(STREETS)}, {town}"
                else:
                    a = f"{rng.randint(1, 140)} {rng.choice(STREETS)}, {town}"
                if a not in used_addr:
                    break
            p["address"], p["postcode"] = a, pc_unit()
        elif ht in ("sheltered", "extracare"):
            sc = SCHEMES[0] if ht == "sheltered" else SCHEMES[1]
            p["scheme"] = sc
            p["flat"] = rng.randint(1, 40)
            p["address"], p["postcode"] = f"Flat {p['flat']}, {sc[2]}", sc[3]
        elif ht == "carehome":
            ch = rng.choice(CARE_HOMES)
            p["carehome"] = ch
            p["room"] = rng.randint(1, 48)
            p["address"], p["postcode"] = f"Room {p['room']}, {ch[0]}, {ch[1]}", ch[2]
        elif ht == "park":
            p["plot"] = rng.randint(1, 64)
            p["address"], p["postcode"] = f"{p['plot']} {PARK[1]}", PARK[2]
        elif ht == "boat":
            mo = rng.choice(MOORINGS)
            p["boat"] = rng.choice(BOATS)
            p["mooring"] = mo
            p["address"], p["postcode"] = f"NB {p['boat']}, {mo[1]}", mo[2]
        elif ht == "site":
            si = rng.choice(SITES)
            p["site"] = si
            p["pitch"] = rng.randint(1, 18)
            p["address"], p["postcode"] = f"Pitch {p['pitch']}, {si[0]}, {si[1]}", si[2]
        used_addr.add(p["address"])
        # services
        sv = []
        for name, pr in (("dental", 0.55), ("eye", 0.5), ("podiatry", 0.45), ("hearing", 0.35)):
            if rng.random() < pr:
                sv.append(name)
        if not sv:
            sv.append(rng.choice(["dental", "eye", "podiatry", "hearing"]))
        p["services"] = sv
        # relatives
        for _ in range(rng.choice([0, 1, 1, 2, 2])):
            rel = rng.choice(["daughter", "son", "niece", "nephew", "daughter-in-law", "friend", "brother", "sister"])
            rf = rng.choice(YOUNG_F if rel in ("daughter", "niece", "daughter-in-law", "sister") else YOUNG_M)
            rs = s if rel in ("son", "brother") or (rel == "daughter" and rng.random() < 0.4) else rng.choice(OTHER_SURNAMES + SURNAMES)
            if (rf, rs) in used_names:
                continue
            used_names.add((rf, rs))
            p["relatives"].append(dict(forename=rf, surname=rs, rel=rel, phone=mobile()))
        w.patients.append(p)
        # a couple sharing the home
        if ht in ("house", "bungalow", "park", "boat", "sheltered", "site") and len(w.patients) < n_people and rng.random() < 0.14:
            female2 = not female
            f2 = rng.choice(FEMALE if female2 else MALE)
            if (f2, s) in used_names:
                continue
            used_names.add((f2, s))
            age2 = max(30, age + rng.randint(-6, 6))
            q = dict(p)
            q.update(idx=len(w.patients), forename=f2, middle="", female=female2,
                     title=("Mrs" if female2 else "Mr"), dob=dt.date(2026 - age2, rng.randint(1, 12), rng.randint(1, 28)),
                     nhs=nhs_number(rng, used_nhs), condition=rng.choice(CONDITIONS), nick=NICK.get(f2, "") if rng.random() < 0.5 else "",
                     maiden="", lacks_capacity=False, deceased=None, moved=None, respite=None, spouse=p["idx"],
                     relatives=list(p["relatives"]), notes=[], near=[], kinds=[], old_home=None, code="",
                     services=[x for x in ["dental", "eye", "podiatry", "hearing"] if rng.random() < 0.45] or ["eye"])
            q["phone"] = p["phone"]
            p["spouse"] = q["idx"]
            w.patients.append(q)
        i += 1
    w.P = w.patients

    # home access, per household
    households = {}
    for p in w.P:
        key = p["spouse"] if p["spouse"] is not None and p["spouse"] < p["idx"] else p["idx"]
        households.setdefault(key, []).append(p)
    w.households = households
    for key in sorted(households):
        members = households[key]
        p = members[0]
        notes, near = access_notes(w, p, rng)
        for m in members:
            m["notes"] = notes
            m["near"] = list(near)
    # life events: deaths, permanent moves into care homes, respite stays
    home_alone = [p for p in w.P if p["home"] in ("house", "bungalow") and p["spouse"] is None]
    couples = [p for p in w.P if p["spouse"] is not None and p["idx"] < p["spouse"] and p["home"] in ("house", "bungalow", "park", "boat")]
    rng.shuffle(home_alone)
    rng.shuffle(couples)
    # the cases worth having: a way in written down before the death or the move
    couples.sort(key=lambda p: 0 if p["notes"] else 1)
    withn = [p for p in home_alone if p["notes"]]
    without = [p for p in home_alone if not p["notes"]]
    clear = (without + withn)[:2]
    rest = [p for p in withn + without if p not in clear]
    for p in clear:
        p["deceased"] = START + dt.timedelta(days=rng.randint(160, 300))
        p["clearance"] = True
    for p in couples[:2]:
        p["deceased"] = START + dt.timedelta(days=rng.randint(120, 320))
    for p in rest[:2]:
        ch = rng.choice(CARE_HOMES)
        p["moved"] = START + dt.timedelta(days=rng.randint(120, 250))
        p["old_home"] = (p["address"], p["postcode"])
        p["carehome"] = ch
        p["room"] = rng.randint(1, 48)
    for p in rest[2:4]:
        ch = rng.choice(CARE_HOMES)
        p["respite"] = (START + dt.timedelta(days=rng.randint(300, 340)), ch)
        p["respite_ch"] = ch

    # kinds per living person
    for p in w.P:
        kinds = []
        if p.get("clearance"):
            p["notes"] = []
        if p["moved"]:
            # the way into the empty old house is no one's home now
            pass
        for n in p["notes"]:
            for k in n["kinds"]:
                if k not in kinds:
                    kinds.append(k)
        counted = not p["deceased"] and not p["moved"]
        p["kinds"] = [k for k in ("code", "hidden_key", "left_open", "key_holder") if k in kinds] if counted else []
        codes = [n.get("code") for n in p["notes"] if n.get("code")]
        p["code"] = codes[0] if codes and counted else ""
    return w


def code4(rng):
    c = str(rng.randint(0, 9999)).zfill(4)
    return c


def access_notes(w, p, rng):
    """Ways into p's home, each {text, kinds, code}, and near misses (text only)."""
    ht = p["home"]
    notes, near = [], []
    r = rng.random
    rel = p["relatives"]
    she = "they" if p["spouse"] is not None else ("she" if p["female"] else "he")
    her = "them" if p["spouse"] is not None else ("her" if p["female"] else "him")
    is_ = "are" if p["spouse"] is not None else "is"

    def n(text, kinds, code=""):
        notes.append(dict(text=text, kinds=kinds, code=code))
    if ht in ("house", "bungalow", "flat"):
        if r() < 0.36:
            c = code4(rng)
            n(rng.choice([f"Key safe to left of front door, code {c}",
                          f"KS by back door - {c}",
                          f"Keysafe code {c} (on the wall behind the water butt)",
                          f"Key in key safe on the garage wall, code {c}. Scramble the numbers after please",
                          f"Key safe: {c}. It is round the side by the gas meter",
                          f"Access - keysafe, code {c[:2]} {c[2:]}"]), ["code"], c)
        elif r() < 0.15:
            near.append(rng.choice(["Key safe fitting booked with Care & Repair - no code yet, phone daughter before visiting",
                                    "Key safe code is held by the office, ring before you go",
                                    f"No key safe. Ring the bell and wait, {she} {is_} slow to the door"]))
        if r() < 0.14:
            n(rng.choice(["Spare key under the stone hedgehog by the back step",
                          "Key is kept in the meter box at the front (box not locked)",
                          "Key on a string inside the letterbox",
                          "Key under the blue plant pot to the right of the porch",
                          "Spare key hidden in the shed, on the hook behind the door",
                          "If no answer the key is under the mat at the back door"]), ["hidden_key"])
        if r() < 0.09:
            n(rng.choice(["Back door left unlocked on visit days - let yourself in and shout hello",
                          f"Door on the latch from 10am, go straight in, {she} can't get up to answer",
                          "Front door is left open for us, just push it and call out",
                          f"Porch door unlocked, walk in - {she} {is_} usually in the back room"]), ["left_open"])
        if r() < 0.2 and rel:
            k = rng.choice(rel)
            n(rng.choice([f"Keys held by {k['rel']} {k['forename']} {k['surname']} ({k['phone']})",
                          f"Key holder: {k['rel']} {k['forename']} {k['surname']}, {k['phone']}",
                          f"{k['rel'].capitalize()} {k['forename']} has a spare key - {k['phone']}"]), ["key_holder"])
        elif r() < 0.08:
            nf, ns = rng.choice(YOUNG_F + YOUNG_M), rng.choice(OTHER_SURNAMES)
            num = rng.randint(1, 80)
            n(f"Neighbour {nf} {ns} at no. {num} holds a key ({w.mobile()})", ["key_holder"])
        if r() < 0.15:
            near.append(rng.choice(["Wheelchair access via ramp at the rear",
                                    "Please make sure the back door is locked when you leave",
                                    "Park on the verge, 3rd house after the chapel",
                                    f"Door chain on - {she} will take it off when {she} {'see' if is_ == 'are' else 'sees'} the lanyard"]))
    elif ht in ("sheltered", "extracare"):
        sc = p["scheme"]
        flat = p["flat"]
        if ht == "sheltered":
            if r() < 0.45:
                c, c2 = code4(rng), code4(rng)
                n(rng.choice([f"{sc[0]} front door keypad {c2}, flat {flat} key safe {c}",
                              f"Scheme entrance code {c2}# then flat {flat} on the 1st floor - key safe by the flat door {c}"]), ["code"], c)
            elif r() < 0.3:
                c2 = code4(rng)
                n(f"Main door code for {sc[0]} is {c2}*, flat {flat} is through the lounge", ["code"], c2)
            if r() < 0.25:
                m = w.sch_mgr[sc[0]]
                n(f"Scheme manager {m['forename']} {m['surname']} holds a spare key to flat {flat}", ["key_holder"])
            if r() < 0.1:
                n(f"Flat {flat} door left on the latch in the mornings, let yourself in", ["left_open"])
            if r() < 0.3:
                near.append(f"Scheme office door code {code4(rng)} - care plan folder is in the office (staff only)")
        else:
            if r() < 0.5:
                c2 = code4(rng)
                n(rng.choice([f"{sc[0]} main entrance keypad {c2}, flat {flat} ground floor",
                              f"Harbour Mews - door code {c2}, then lift to flat {flat}"]), ["code"], c2)
            if r() < 0.2:
                near.append("Care team on site can be contacted on the intercom at reception")
    elif ht == "carehome":
        near.append(rng.choice([f"Sign in at reception, visit in the lounge or {'her' if p['female'] else 'his'} room",
                                f"Ring the bell at the front, staff will bring {her} to the quiet room",
                                "Care home - report to the nurse in charge on arrival"]))
    elif ht == "park":
        if r() < 0.45:
            c = code4(rng)
            n(rng.choice([f"Key box by the steps of the park home, code {c}",
                          f"Lock box on the veranda post - {c}"]), ["code"], c)
        if r() < 0.2:
            n("Key under the gas bottle cover at the side of the park home", ["hidden_key"])
        if r() < 0.2:
            nf, ns = rng.choice(YOUNG_F + YOUNG_M), rng.choice(OTHER_SURNAMES)
            n(f"Neighbour at plot {rng.randint(1, 64)}, {nf} {ns}, has a key", ["key_holder"])
    elif ht == "boat":
        if r() < 0.5:
            c = code4(rng)
            n(f"Padlock on the rear hatch of '{p['boat']}' - combination {c}", ["code"], c)
        if r() < 0.3 and p["mooring"] is MOORINGS[0]:
            c = code4(rng)
            n(f"Marina pedestrian gate code {c}, pontoon C", ["code"], c)
        if r() < 0.25:
            n("Key to the side hatch kept in the tin under the tiller seat", ["hidden_key"])
        if r() < 0.2:
            nf, ns = rng.choice(YOUNG_F + YOUNG_M), rng.choice(OTHER_SURNAMES)
            n(f"Boater on '{rng.choice(BOATS)}' moored alongside ({nf} {ns}) holds a spare key", ["key_holder"])
        if r() < 0.5:
            near.append("Towpath is muddy - wellies. Park in the pub car park, 5 min walk")
    elif ht == "site":
        si = p["site"]
        if r() < 0.35:
            c = code4(rng)
            n(f"Site barrier code {c} (changes monthly)", ["code"], c)
        if r() < 0.25:
            n(f"Key to the trailer is kept in the amenity block on pitch {p['pitch']}, on top of the boiler cupboard", ["hidden_key"])
        if r() < 0.15:
            n("Trailer door left open for us, knock and go in", ["left_open"])
        if r() < 0.2:
            nf = rng.choice(YOUNG_F)
            n(f"Sister {nf} {p['surname']} on pitch {rng.randint(1, 18)} holds a spare key", ["key_holder"])
        if r() < 0.6:
            near.append(f"Shower block code {code4(rng)} (site's, staff may use the toilet - ask warden)")
    return notes, near


# ---------------------------------------------------------------- name shapes
def full(p, title=True, middle=False):
    parts = []
    if title:
        parts.append(p["title"])
    parts.append(p["forename"])
    if middle and p["middle"]:
        parts.append(p["middle"])
    parts.append(p["surname"])
    return " ".join(parts)


def typo(s, rng):
    swaps = [("tt", "t"), ("ll", "l"), ("ie", "ei"), ("ou", "o"), ("ey", "y"), ("ck", "k"), ("th", "t"), ("ph", "f")]
    for a, b in swaps:
        if a in s:
            return s.replace(a, b, 1)
    if len(s) > 4:
        return s[:-2] + s[-1] + s[-2]
    return s


def name_as(p, rng, style=None):
    styles = ["formal", "plain", "surname_first", "initial", "nick", "caps", "typo", "maiden"]
    if style is None:
        style = rng.choice(styles[:7])
    if style == "formal":
        return full(p)
    if style == "plain":
        return full(p, title=False, middle=rng.random() < 0.3)
    if style == "surname_first":
        return f"{p['surname'].upper()}, {p['forename']}" + (f" {p['middle']}" if p["middle"] else "")
    if style == "initial":
        return f"{p['title']} {p['forename'][0]}. {p['surname']}"
    if style == "nick":
        return f"{p['nick'] or p['forename']} {p['surname']}"
    if style == "caps":
        return f"{p['forename']} {p['surname'].upper()}"
    if style == "typo":
        return f"{p['forename']} {typo(p['surname'], rng)}"
    if style == "maiden":
        return f"{p['forename']} {p['surname']} (nee {p['maiden']})" if p["maiden"] else full(p)
    return full(p)


def sname(s, title=False):
    return (f"{s['title']} " if title and s.get("title") else "") + f"{s['forename']} {s['surname']}"


# ---------------------------------------------------------------- writers
def fix_core(xml, when):
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    xml = re.sub(rb"(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)", rb"\g<1>" + stamp.encode() + rb"\g<2>", xml)
    xml = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>" + stamp.encode() + rb"\g<2>", xml)
    return xml


def normalise_zip(data, when):
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            b = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                b = fix_core(b, when)
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, b)
    return out.getvalue()


class Share:
    def __init__(self, root):
        self.root = root
        self.files = []

    def path(self, rel):
        p = os.path.join(self.root, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        return p

    def write_bytes(self, rel, b):
        with open(self.path(rel), "wb") as f:
            f.write(b)
        self.files.append(rel)

    def write_text(self, rel, s, enc="utf-8", newline="\n"):
        self.write_bytes(rel, s.replace("\n", newline).encode(enc))


def docx_bytes(blocks, when, author):
    """blocks: list of ('h', text, level) | ('p', text) | ('t', rows[, header]) | ('foot', text)"""
    d = docx.Document()
    cp = d.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.created = dt.datetime(when.year, when.month, when.day, 9, 0, 0)
    cp.modified = dt.datetime(when.year, when.month, when.day, 9, 0, 0)
    cp.revision = 1
    for b in blocks:
        if b[0] == "h":
            d.add_heading(b[1], level=b[2] if len(b) > 2 else 1)
        elif b[0] == "p":
            d.add_paragraph(b[1])
        elif b[0] == "t":
            rows = b[1]
            t = d.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            t.style = "Table Grid"
            for i, r in enumerate(rows):
                for j, v in enumerate(r):
                    t.cell(i, j).text = str(v)
        elif b[0] == "foot":
            d.sections[0].footer.paragraphs[0].text = b[1]
        elif b[0] == "head":
            d.sections[0].header.paragraphs[0].text = b[1]
    bio = io.BytesIO()
    d.save(bio)
    return normalise_zip(bio.getvalue(), when)


def xlsx_bytes(sheets, when, author):
    """sheets: list of (name, rows) where rows[0] may be title lines"""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets:
        ws = wb.create_sheet(name[:31])
        for r in rows:
            ws.append(list(r))
    wb.properties.creator = author
    wb.properties.lastModifiedBy = author
    wb.properties.created = dt.datetime(when.year, when.month, when.day, 9, 0, 0)
    wb.properties.modified = dt.datetime(when.year, when.month, when.day, 9, 0, 0)
    bio = io.BytesIO()
    wb.save(bio)
    return normalise_zip(bio.getvalue(), when)


def pdf_escape(s):
    s = s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return s.encode("cp1252", "replace")


def pdf_bytes(pages, title="", when=None):
    """pages: list of list of lines. Helvetica, text layer, no compression."""
    objs = []

    def add(b):
        objs.append(b)
        return len(objs)
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    fontb = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    pages_id = len(objs) + 1
    objs.append(None)
    kids = []
    for lines in pages:
        out = [b"BT"]
        y = 800
        for ln in lines:
            bold = ln.startswith("**")
            if bold:
                ln = ln[2:]
            size = 12 if bold else 10
            out.append(b"/F%d %d Tf" % (2 if bold else 1, size))
            out.append(b"1 0 0 1 50 %d Tm" % y)
            out.append(b"(" + pdf_escape(ln) + b") Tj")
            y -= 16 if bold else 13
            if y < 40:
                break
        out.append(b"ET")
        stream = b"\n".join(out)
        cid = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        pid = add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                  b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> >>" % (pages_id, cid, font, fontb))
        kids.append(pid)
    objs[pages_id - 1] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % len(kids)
    stamp = (when or END).strftime("D:%Y%m%d090000Z").encode()
    info = add(b"<< /Title (" + pdf_escape(title) + b") /Producer (Doorstep Clinics PMS) /CreationDate (" + stamp + b") >>")
    cat = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(out.tell())
        out.write(b"%d 0 obj\n" % i + o + b"\nendobj\n")
    x = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for o in offs:
        out.write(b"%010d 00000 n \n" % o)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, cat, info, x))
    return out.getvalue()


def wrap(text, width=95):
    out = []
    for para in text.split("\n"):
        line = ""
        for word in para.split(" "):
            if len(line) + len(word) + 1 > width:
                out.append(line)
                line = word
            else:
                line = (line + " " + word).strip()
        out.append(line)
    return out


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


def csv_text(rows, delim=","):
    bio = io.StringIO()
    wr = csv.writer(bio, delimiter=delim, lineterminator="\r\n")
    for r in rows:
        wr.writerow(r)
    return bio.getvalue()


_msgid = [0]


def eml_bytes(frm, to, subject, body, when, attachments=(), cc=None, seed=1):
    m = EmailMessage()
    m["From"] = frm
    m["To"] = to
    if cc:
        m["Cc"] = cc
    m["Subject"] = subject
    m["Date"] = format_datetime(when)
    _msgid[0] += 1
    m["Message-ID"] = f"<{when.strftime('%Y%m%d%H%M')}.{seed}.{_msgid[0]}@mail.{DOMAIN}>"
    m.set_content(body)
    for name, data, maintype, subtype in attachments:
        m.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    if attachments:
        m.set_boundary(f"----=_Part_{seed}_{_msgid[0]}")
    return bytes(m)


DOCX = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")
XLSX = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
PDF = ("application", "pdf")


def dtm(d, h=9, mi=0):
    return dt.datetime(d.year, d.month, d.day, h, mi, tzinfo=dt.timezone.utc)


# ---------------------------------------------------------------- visits
SERVICE_STAFF = {"dental": ["Dentist"], "eye": ["Optometrist"], "podiatry": ["Podiatrist"], "hearing": ["Audiologist", "Hearing aid dispenser"]}


def plan_visits(w):
    rng = w.rng
    visits = []
    # clinic days: about one a week, Tuesdays, with a Thursday now and then
    days = []
    d = START
    while d <= END:
        if d.weekday() == 1 or (d.weekday() == 3 and rng.random() < 0.2):
            days.append(d)
        d += dt.timedelta(days=1)
    for p in w.P:
        last = p["deceased"] or END
        pool = [x for x in days if x < last]
        for sv in p["services"]:
            nv = rng.choice([1, 1, 2, 2, 3])
            for _ in range(nv):
                d = rng.choice(pool)
                clin = rng.choice([s for s in w.staff if any(s["role"].startswith(r) for r in SERVICE_STAFF[sv])])
                visits.append(dict(p=p, service=sv, date=d, clin=clin, time=f"{rng.randint(9, 15):02d}:{rng.choice(['00', '15', '30', '45'])}"))
    visits.sort(key=lambda v: (v["date"], v["time"], v["p"]["idx"], v["service"]))
    for v in visits:
        v["at"] = where(v["p"], v["date"])
    return visits


def where(p, d):
    """(address, postcode, kind) of where p was seen on d."""
    if p["moved"] and d >= p["moved"]:
        ch = p["carehome"]
        return (f"Room {p['room']}, {ch[0]}, {ch[1]}", ch[2], "carehome")
    if p["respite"] and p["respite"][0] <= d <= p["respite"][0] + dt.timedelta(days=14):
        ch = p["respite"][1]
        return (f"{ch[0]}, {ch[1]} (respite)", ch[2], "carehome")
    return (p["address"], p["postcode"], p["home"])


EMITTED = set()


def mark(p, text):
    if text and any(n["text"] in text for n in p["notes"]):
        EMITTED.add(p["idx"])
    return text


def access_text(p, at_kind, used=True):
    t = _access_text(p, at_kind)
    return mark(p, t) if used else t


def _access_text(p, at_kind):
    if at_kind == "carehome":
        return "; ".join(p["near"]) if p["home"] == "carehome" else "Sign in at reception"
    txt = [n["text"] for n in p["notes"]] + p["near"]
    return "; ".join(txt)


# ---------------------------------------------------------------- generate
def generate(root, n_people, seed):
    w = build_world(n_people, seed)
    rng = w.rng
    S = Share(root)
    visits = plan_visits(w)
    P = w.P
    vans = ["Van 1 (WX71 KLD)", "Van 2 (WX22 PRH)", "Van 3 (LR19 DTV)"]
    drivers = w.by_team["van"]
    van_box = {v: code4(rng) for v in vans}
    base_code = code4(rng)
    stock_code = code4(rng)

    # --- route sheets: group visits by date and van
    by_day = {}
    for v in visits:
        if v["at"][2] == "carehome":
            continue
        by_day.setdefault(v["date"], []).append(v)
    days = sorted(by_day)
    recent = set(days[-16:])
    archive = []
    for d in days:
        vs = by_day[d]
        van = vans[d.toordinal() % 3]
        drv = drivers[d.toordinal() % len(drivers)]
        title = f"{van} - {d.strftime('%A %d %B %Y')} - Driver: {sname(drv)}"
        head = ["Time", "Patient", "DOB", "NHS No", "Address", "Postcode", "Phone", "Service", "Clinician", "Access / entry notes"]
        rows = []
        for v in vs:
            p = v["p"]
            style = rng.choice(["formal", "plain", "nick", "initial", "formal"])
            rows.append([v["time"], name_as(p, rng, style), fdob(p["dob"], 0),
                         fmt_nhs(p["nhs"]) if rng.random() < 0.6 else "", v["at"][0], v["at"][1], p["phone"],
                         v["service"].capitalize(), sname(v["clin"]), access_text(p, v["at"][2])])
        if d in recent:
            sheet = [[title], [f"Depot lock box for van keys: {van_box[van]}. Base door code {base_code}. Fuel card in glovebox."], head] + rows
            S.write_bytes(f"03 Rotas and routes/Van routes/Route {d.isoformat()} {van.split(' (')[0]}.xlsx",
                          xlsx_bytes([("Route", sheet)], d, sname(w.rota_coord)))
        else:
            archive.append((d, van, [head] + rows))
    # archive zip of older route sheets as csv
    zb = io.BytesIO()
    with zipfile.ZipFile(zb, "w", zipfile.ZIP_DEFLATED) as z:
        for d, van, rows in archive:
            zi = zipfile.ZipInfo(f"routes_2025-26/{d.strftime('%Y-%m')}/route_{d.strftime('%Y%m%d')}_{van.split(' (')[0].replace(' ', '').lower()}.csv", date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, csv_text(rows))
    S.write_bytes("03 Rotas and routes/Van routes/Archive/Route sheets Oct25-Jun26.zip", zb.getvalue())

    # --- clinician rota (staff only, with near-miss codes)
    for q, months in (("Q3", (7, 8, 9)), ("Q2", (4, 5, 6))):
        rows = [[f"{ORG} clinician and driver rota {q} 2026"], ["Week commencing", "Van", "Driver", "Dentist", "Dental nurse", "Optometrist", "Podiatrist", "Audiology"]]
        d = dt.date(2026, months[0], 1)
        while d.month in months:
            if d.weekday() == 0:
                rows.append([d.strftime("%d/%m/%Y"), rng.choice(vans), sname(rng.choice(drivers)),
                             sname(rng.choice([s for s in w.staff if s["role"].startswith("Dentist")]), True),
                             sname(rng.choice([s for s in w.staff if s["role"] == "Dental nurse"])),
                             sname(rng.choice([s for s in w.staff if s["role"] == "Optometrist"])),
                             sname(rng.choice([s for s in w.staff if s["role"] == "Podiatrist"])),
                             sname(rng.choice(w.by_team["hearing"]))])
            d += dt.timedelta(days=1)
        rows.append([])
        rows.append([f"Base (Unit 4, Castlebridge Enterprise Park) door code {base_code}; stock room {stock_code}. Van keys in depot lock box."])
        S.write_bytes(f"03 Rotas and routes/Clinician rota {q} 2026.xlsx", xlsx_bytes([("Rota", rows)], dt.date(2026, months[0], 1) - dt.timedelta(days=10), sname(w.rota_coord)))

    # --- drivers' notes (near misses only)
    S.write_text("03 Rotas and routes/Notes for new drivers.txt",
                 f"NOTES FOR NEW DRIVERS - updated {END.strftime('%d/%m/%Y')} by {sname(w.rota_coord)}\n\n"
                 f"1. Van keys live in the depot lock box. Codes: " + ", ".join(f"{v} {c}" for v, c in van_box.items()) + ".\n"
                 f"2. Base door code is {base_code}, stock room {stock_code}. Do not write either on the route sheet.\n"
                 "3. Never leave the clinician's laptop in the van, not even for five minutes (see July incident).\n"
                 "4. At Fernhill Lane always report to the site office first; the warden likes to know who is on site.\n"
                 "5. At Lydbrook Marina park in the visitors' bays, not on the slipway.\n"
                 f"5a. Hollowford Medical Practice: drop GOS forms and referral replies at the back door, code {code4(rng)}#, post tray on the left.\n"
                 "6. Key worker for driver queries is " + sname(w.office_mgr) + ". Timesheet code for route days is RT-2.\n"
                 "7. Fuel card PIN is with the office manager, not in the glovebox.\n")

    # --- dental visit notes, monthly docx
    dental = [v for v in visits if v["service"] == "dental"]
    months = sorted({(v["date"].year, v["date"].month) for v in dental})
    for (yy, mm) in months:
        vs = [v for v in dental if (v["date"].year, v["date"].month) == (yy, mm)]
        blocks = [("head", f"{ORG} - Community Dental Service - domiciliary visit notes"),
                  ("h", f"Domiciliary dental visit notes - {dt.date(yy, mm, 1).strftime('%B %Y')}", 1)]
        for v in vs:
            p = v["p"]
            nurse = rng.choice([s for s in w.staff if s["role"] == "Dental nurse"])
            tx = rng.choice(["Full upper and lower exam, BPE 2/2/2, scaling", "Upper F/- impressions taken, sent to lab",
                             "Try-in of new lower denture, bite adjusted", "Denture fit - patient happy", "Extraction LR6 under LA",
                             "Ulcer from denture flange, eased", "Review, oral hygiene advice given to carer", "Fluoride varnish, reline of upper denture"])
            para = (f"{v['date'].strftime('%d/%m/%Y')} {v['time']} - {name_as(p, rng, rng.choice(['formal', 'nick', 'plain']))}, "
                    f"DOB {fdob(p['dob'], rng.choice([0, 1, 3]))}, NHS {fmt_nhs(p['nhs'])}. At {v['at'][0]}. "
                    f"Seen by {sname(v['clin'], True)} with {sname(nurse)}. {tx}. MH: {p['condition']}.")
            if p["lacks_capacity"]:
                para += " Lacks capacity for this decision - best interests form completed."
            acc = access_text(p, v["at"][2], used=False)
            if acc and rng.random() < 0.7:
                para += f" Access: {mark(p, acc)}."
            if p["relatives"] and rng.random() < 0.4:
                k = p["relatives"][0]
                para += f" {k['rel'].capitalize()} {k['forename']} present."
            blocks.append(("p", para))
        blocks.append(("foot", "CONFIDENTIAL - patient identifiable information"))
        d = dt.date(yy, mm, 28)
        S.write_bytes(f"01 Clinical/Dental/Domiciliary visit notes/DomDental visit notes {yy}-{mm:02d}.docx",
                      docx_bytes(blocks, d, sname(w.by_team["dental"][0])))

    # --- MCA / best interests forms
    mca = [p for p in P if p["lacks_capacity"] and "dental" in p["services"]][:14]
    for j, p in enumerate(mca):
        d = START + dt.timedelta(days=rng.randint(10, 330))
        clin = rng.choice([s for s in w.staff if s["role"].startswith("Dentist")])
        consulted = []
        for k in p["relatives"]:
            consulted.append(f"{k['forename']} {k['surname']} ({k['rel']})")
        if not consulted:
            consulted.append(f"{w.imca['forename']} {w.imca['surname']} (IMCA, {w.imca['org']})")
        if p["home"] == "carehome":
            m = w.ch_mgr[p["carehome"][0]]
            consulted.append(f"{m['forename']} {m['surname']} (home manager)")
        rows = [["Patient name", full(p, middle=True)], ["Date of birth", fdob(p["dob"], 0)],
                ["NHS number", fmt_nhs(p["nhs"])], ["Address", f"{p['address']}, {p['postcode']}"],
                ["Decision to be made", rng.choice(["Extraction of painful teeth under local anaesthetic", "Provision of new complete dentures", "Scale and polish and review"])],
                ["Stage 1 - impairment of mind or brain", p["condition"]],
                ["Stage 2 - can the person understand, retain, weigh, communicate?", "Unable to retain or weigh the information despite pictures and simple words"],
                ["People consulted", "; ".join(consulted)],
                ["Best interests decision", "Proceed - least restrictive option, patient relaxed with carer present"],
                ["Assessor", f"{sname(clin, True)}, {clin['role']}"], ["Date", d.strftime("%d/%m/%Y")]]
        blocks = [("h", "Mental Capacity Act 2005 - assessment and best interests record", 1), ("t", rows),
                  ("foot", f"{ORG} MCA1 form v4")]
        nm = f"MCA BI form - {p['surname']} {p['forename'][0]}"
        S.write_bytes(f"01 Clinical/Dental/Consent and capacity/{nm}.docx", docx_bytes(blocks, d, sname(clin)))
        if j % 4 == 0:
            rows2 = [r[:] for r in rows]
            rows2[-1][1] = (d + dt.timedelta(days=21)).strftime("%d/%m/%Y")
            rows2[8][1] = "Reviewed after family meeting - proceed"
            S.write_bytes(f"01 Clinical/Dental/Consent and capacity/{nm} v2 FINAL.docx",
                          docx_bytes(blocks[:1] + [("t", rows2)] + blocks[2:], d + dt.timedelta(days=21), sname(clin)))

    # --- lab dockets (pdf)
    dock = [v for v in dental if "denture" in "x"] or []
    denture_pts = [p for p in P if "dental" in p["services"]]
    rng.shuffle(denture_pts)
    for k, p in enumerate(denture_pts[:18]):
        d = START + dt.timedelta(days=rng.randint(0, 330))
        clin = rng.choice([s for s in w.staff if s["role"].startswith("Dentist")])
        lines = ["**Kestrel Dental Laboratory - work docket", f"Docket no. KDL-{26000 + k * 7 + seed}",
                 f"Practice: {ORG} (domiciliary), Unit 4 Castlebridge Enterprise Park",
                 f"Clinician: {sname(clin, True)}    Technician: {w.labtech['forename']} {w.labtech['surname']}",
                 "", f"Patient: {name_as(p, rng, rng.choice(['formal', 'surname_first']))}",
                 f"DOB: {fdob(p['dob'], 0)}", f"Ref: {p['surname'][:4].upper()}{p['dob'].strftime('%d%m')}",
                 "", f"Work: {rng.choice(['Upper complete acrylic F/-', 'Lower complete -/F', 'Full upper and lower F/F', 'Reline upper', 'Cobalt chrome lower partial'])}",
                 f"Shade: {rng.choice(['A2', 'A3', 'B2', 'A3.5'])}  Mould: {rng.choice(['S4', 'M3', 'L2'])}",
                 f"Stage: {rng.choice(['Bite blocks', 'Try-in', 'Finish'])}",
                 f"Return by: {(d + dt.timedelta(days=10)).strftime('%d/%m/%Y')} to base, not to patient's home",
                 "", "Please mark the dentures with the patient's name (care home)." if p["home"] == "carehome" else ""]
        S.write_bytes(f"01 Clinical/Dental/Lab dockets/KDL docket {p['surname']} {d.strftime('%d%m%y')}.pdf", pdf_bytes([lines], "Lab docket", d))

    # --- community dental service export csv (surname/forename, no NHS for some)
    rows = [["Surname", "Forename", "Title", "DOB", "NHS_No", "Postcode", "Residence_type", "Registered_GP", "Status"]]
    for p in P:
        if "dental" in p["services"]:
            st = "Deceased" if p["deceased"] else ("Active")
            rows.append([p["surname"], p["forename"], p["title"], fdob(p["dob"], 0), p["nhs"] if rng.random() < 0.7 else "",
                         p["postcode"] if not p["moved"] else p["carehome"][2],
                         {"carehome": "Care home", "site": "Traveller site", "boat": "Boat", "park": "Park home"}.get(p["home"], "Own home"),
                         f"{p['gp']['title']} {p['gp']['surname']}, {p['practice'][0]}", st])
    S.write_text("01 Clinical/Dental/CDS caseload export 2026-09-30.csv", csv_text(rows))

    # --- eye care: GOS6 claims xlsx, XML batch, spectacle orders csv, JSON export
    eye = [v for v in visits if v["service"] == "eye"]
    rows = [["GOS 6 domiciliary sight test claims 2025/26"],
            ["Claim ref", "Date of test", "Patient name", "Date of birth", "NHS number", "Address", "Postcode", "Reason unable to leave home unaccompanied", "Optometrist", "GOC no.", "Voucher"]]
    goc = {s["surname"]: f"01-{rng.randint(10000, 39999)}" for s in w.staff if s["team"] == "eye"}
    for k, v in enumerate(eye):
        p = v["p"]
        rows.append([f"G6-{seed}{k:04d}", v["date"].strftime("%d/%m/%Y"), name_as(p, rng, rng.choice(["plain", "formal", "caps", "typo", "maiden"])),
                     fdob(p["dob"], 0), fmt_nhs(p["nhs"]), v["at"][0], v["at"][1],
                     rng.choice(["Housebound - frailty", "Agoraphobia", "Bedbound", "Dementia, needs escort", "Care home resident", "Lives on a boat, cannot manage bus"]),
                     sname(v["clin"]), goc.get(v["clin"]["surname"], ""), rng.choice(["", "A", "B", "C"])])
    S.write_bytes("01 Clinical/Eye care/GOS6 claims 2025-26.xlsx", xlsx_bytes([("Claims", rows)], END, sname(w.office_mgr)))
    # a stale copy with the first half
    S.write_bytes("01 Clinical/Eye care/Old/Copy of GOS6 claims 2025-26.xlsx", xlsx_bytes([("Claims", rows[:len(rows) // 2])], dt.date(2026, 3, 31), sname(w.office_mgr)))
    # XML batch submission (last quarter)
    xml = ['<?xml version="1.0" encoding="UTF-8"?>', f'<GOSClaimBatch contractor="{ORG}" contractNo="DOM-4471" submitted="{END.isoformat()}">']
    for k, v in enumerate([v for v in eye if v["date"] >= dt.date(2026, 7, 1)]):
        p = v["p"]
        xml.append(f'  <Claim ref="G6Q3-{k:03d}" type="GOS6">')
        xml.append(f"    <Patient><Title>{p['title']}</Title><Forename>{p['forename']}</Forename><Surname>{xesc(p['surname'])}</Surname>"
                   f"<DateOfBirth>{p['dob'].isoformat()}</DateOfBirth><NHSNumber>{p['nhs']}</NHSNumber>"
                   f"<Address>{xesc(v['at'][0])}</Address><Postcode>{v['at'][1]}</Postcode></Patient>")
        xml.append(f"    <TestDate>{v['date'].isoformat()}</TestDate><Performer goc=\"{goc.get(v['clin']['surname'], '')}\">{sname(v['clin'])}</Performer>")
        xml.append("  </Claim>")
    xml.append("</GOSClaimBatch>")
    S.write_text("01 Clinical/Eye care/GOS6 submission Q3 2026.xml", "\n".join(xml) + "\n")
    # spectacle orders
    do = [s for s in w.staff if s["role"] == "Dispensing optician"][0]
    rows = [["order_no", "patient", "dob", "rx_r", "rx_l", "add", "frame", "lens", "dispensed_by", "deliver_to", "status"]]
    for k, v in enumerate(eye):
        if rng.random() < 0.6:
            p = v["p"]
            rows.append([f"SO{seed}{k:04d}", name_as(p, rng, rng.choice(["initial", "surname_first", "nick"])), fdob(p["dob"], 2),
                         f"{rng.choice(['+', '-'])}{rng.randint(0, 8) * 0.25:.2f}/-0.50x{rng.randint(1, 180)}", f"{rng.choice(['+', '-'])}{rng.randint(0, 8) * 0.25:.2f}DS",
                         f"+{rng.choice([2.0, 2.5, 3.0]):.2f}", rng.choice(["Moda 3021 tort", "Rimless Ti 52", "Easy-clip 49 black"]),
                         rng.choice(["SV distance", "SV reading", "Bifocal D28", "Varifocal"]), sname(do), "Patient's home (van visit)", rng.choice(["Ordered", "At lab", "Collected", "Delivered"])])
    S.write_text("01 Clinical/Eye care/Spectacle orders 2025-26.csv", csv_text(rows))
    # JSON export from optometry system
    recs = []
    for p in P:
        if "eye" not in p["services"]:
            continue
        at = where(p, END if not p["deceased"] else p["deceased"])
        rec = {"patientId": f"OPT{p['idx'] + 1000 * seed}", "title": p["title"], "firstName": p["forename"], "lastName": p["surname"],
               "dob": p["dob"].isoformat(), "nhsNumber": fmt_nhs(p["nhs"]) if rng.random() < 0.8 else None,
               "address": {"line": at[0], "postcode": at[1]}, "residence": at[2],
               "gp": {"name": f"{p['gp']['title']} {p['gp']['forename']} {p['gp']['surname']}", "practice": p["practice"][0], "odsCode": p["practice"][2]},
               "conditions": [p["condition"]], "deceased": p["deceased"].isoformat() if p["deceased"] else None,
               "contacts": [{"name": f"{k['forename']} {k['surname']}", "relationship": k["rel"], "phone": k["phone"]} for k in p["relatives"]],
               "visitInstructions": access_text(p, at[2]) or None}
        recs.append(rec)
    S.write_text("01 Clinical/Eye care/optix_export_2026-09-30.json", json.dumps({"exported": END.isoformat(), "site": ORG, "patients": recs}, indent=2))

    # --- podiatry caseload xlsx (+ old copy) and notes rtf
    pod = [p for p in P if "podiatry" in p["services"]]
    head = ["Name", "DOB", "NHS No", "Address", "Postcode", "Home type", "Access / entry", "Diabetic foot risk", "Podiatrist", "Next due", "Key contact"]

    def pod_rows(pts, asof):
        rows = [["Podiatry domiciliary caseload", f"as of {asof.strftime('%d/%m/%Y')}"], head]
        for p in pts:
            if p["deceased"] and p["deceased"] < asof:
                continue
            at = where(p, asof)
            k = p["relatives"][0] if p["relatives"] else None
            rows.append([name_as(p, rng, rng.choice(["formal", "plain", "typo", "nick", "maiden"])), fdob(p["dob"], rng.choice([0, 4])),
                         fmt_nhs(p["nhs"], 1), at[0], at[1], at[2], access_text(p, at[2]), rng.choice(["Low", "Moderate", "High", "Active ulcer"]),
                         sname(rng.choice([s for s in w.staff if s["team"] == "podiatry"])), (asof + dt.timedelta(days=rng.randint(14, 70))).strftime("%d/%m/%Y"),
                         f"{k['forename']} {k['surname']} ({k['rel']}) {k['phone']}" if k else ""])
        return rows
    S.write_bytes("01 Clinical/Podiatry/Podiatry caseload.xlsx", xlsx_bytes([("Caseload", pod_rows(pod, END))], END, sname(w.by_team["podiatry"][0])))
    S.write_bytes("01 Clinical/Podiatry/Copy of Podiatry caseload (Feb).xlsx", xlsx_bytes([("Caseload", pod_rows(pod[: len(pod) * 2 // 3], dt.date(2026, 2, 14)))], dt.date(2026, 2, 14), sname(w.by_team["podiatry"][1])))
    pv = [v for v in visits if v["service"] == "podiatry" and dt.date(2026, 1, 1) <= v["date"] <= dt.date(2026, 3, 31)]
    parts = [r"{\rtf1\ansi\deff0{\fonttbl{\f0 Arial;}}\f0\fs20 ", r"{\b Podiatry domiciliary notes January - March 2026}\par\par "]
    for v in pv:
        p = v["p"]
        t = (f"{v['date'].strftime('%d/%m/%y')} {name_as(p, rng, rng.choice(['formal', 'initial', 'nick']))} ({fdob(p['dob'], 0)}). "
             f"{rng.choice(['Nail care and callus reduction', 'Dressing to L hallux ulcer, no signs of infection', 'Offloading felt applied', 'Thickened nails reduced with burr', 'Routine diabetic foot check, pulses palpable'])}. "
             f"{access_text(p, v['at'][2]) if rng.random() < 0.5 else ''} - {sname(v['clin'])}")
        parts.append(rtf_escape(t) + r"\par ")
    parts.append("}")
    S.write_text("01 Clinical/Podiatry/Podiatry notes Jan-Mar 2026.rtf", "".join(parts))

    # --- audiology: repairs log csv, HL7 referrals
    hv = [v for v in visits if v["service"] == "hearing"]
    rows = [["Date", "Patient", "DOB", "Aid make/model", "Serial", "Side", "Fault", "Fault code", "Action", "Audiologist"]]
    for v in hv:
        p = v["p"]
        rows.append([v["date"].strftime("%d/%m/%Y"), name_as(p, rng, rng.choice(["surname_first", "plain"])), fdob(p["dob"], 0),
                     rng.choice(["Oticon Ruby 2 BTE", "Phonak Naida M70", "Signia Pure C&G", "Danalogic Ambio"]), f"{rng.randint(1000000, 9999999)}",
                     rng.choice(["L", "R", "Both"]), rng.choice(["Dead", "Whistling", "Intermittent", "Tubing split", "Battery door broken"]),
                     f"E{rng.randint(1, 9)}", rng.choice(["Retubed", "Sent for repair", "Replaced on loan", "Cleaned, wax guard changed"]), sname(v["clin"])])
    S.write_text("01 Clinical/Audiology/Hearing aid repairs log.csv", csv_text(rows))

    # --- referrals: HL7, FHIR, email with attachments, tracker
    refpts = list(P)
    rng.shuffle(refpts)
    refpts = refpts[: int(len(P) * 0.55)]
    tracker = [["Referral tracker 2025-26"], ["Received", "Via", "Patient", "DOB", "NHS number", "Service", "Referrer", "Triage", "Allocated to", "Status"]]
    hl7_n = fhir_n = eml_n = 0
    for k, p in enumerate(refpts):
        d = START + dt.timedelta(days=rng.randint(0, 300))
        sv = p["services"][0]
        via = ["hl7", "fhir", "email", "email"][k % 4]
        ref = p["gp"] if rng.random() < 0.7 else rng.choice(w.dns)
        refname = (f"{ref['title']} " if ref["title"] else "") + f"{ref['forename']} {ref['surname']}"
        acc = "; ".join(n["text"] for n in p["notes"]) if p["notes"] and rng.random() < 0.6 and not p["moved"] else ""
        reason = rng.choice({"dental": ["Broken upper denture, unable to eat", "Sore mouth, loose teeth", "Lost lower denture in hospital"],
                             "eye": ["Struggling to see TV and post, last sight test 2019", "Glasses broken, cannot read labels", "Diabetic, no eye test for 3 years"],
                             "podiatry": ["Long toenails, cannot reach, diabetic", "Ingrown toenail R hallux", "Callus L heel, painful to walk"],
                             "hearing": ["Hearing aid not working, isolating", "Needs hearing assessment - family concerned", "Aid whistling, tubing split"]}[sv])
        if via in ("hl7", "fhir") or acc:
            mark(p, acc)
        if via == "hl7":
            hl7_n += 1
            msg = hl7_ref(w, p, ref, d, reason, acc, k, seed)
            S.write_bytes(f"02 Referrals/GP system messages/REF_{d.strftime('%Y%m%d')}_{k:03d}.hl7", msg.encode("utf-8"))
        elif via == "fhir":
            fhir_n += 1
            b = fhir_ref(w, p, ref, d, reason, acc, k, seed)
            S.write_text(f"02 Referrals/GP system messages/servicerequest-{d.strftime('%Y%m%d')}-{k:03d}.json", json.dumps(b, indent=2))
        else:
            eml_n += 1
            form = [["Patient", full(p, middle=True)], ["Known as", p["nick"] or p["forename"]], ["Date of birth", fdob(p["dob"], 3)],
                    ["NHS number", fmt_nhs(p["nhs"])], ["Address", f"{p['address']}, {p['postcode']}"], ["Telephone", p["phone"]],
                    ["Reason for referral", reason], ["Relevant history", p["condition"]],
                    ["Next of kin", "; ".join(f"{x['forename']} {x['surname']} ({x['rel']}) {x['phone']}" for x in p["relatives"]) or "None known"],
                    ["Access arrangements", acc or "Patient will answer the door"], ["Referrer", f"{refname}, {ref['org']}"]]
            if p["maiden"] and rng.random() < 0.7:
                form.insert(1, ["Previous surname", p["maiden"]])
            att_name = f"Domiciliary referral - {p['surname']}.docx"
            att = docx_bytes([("h", f"Referral to {ORG}", 1), ("t", form)], d, refname)
            attachments = [(att_name, att) + DOCX]
            if rng.random() < 0.3:
                pdf = pdf_bytes([["**Patient summary", f"{full(p)}  DOB {fdob(p['dob'], 0)}  NHS {fmt_nhs(p['nhs'])}",
                                  f"Registered GP: {p['gp']['title']} {p['gp']['surname']}, {p['practice'][0]}",
                                  f"Problems: {p['condition']}", "Medication: see repeat template", "Allergies: NKDA"]], "Summary", d)
                attachments.append(("Patient summary.pdf", pdf) + PDF)
            body = (f"Hi,\n\nPlease find attached a referral for {name_as(p, rng, rng.choice(['formal', 'nick', 'plain']))} "
                    f"({fdob(p['dob'], 0)}) for your {sv} service. {reason}.\n")
            if acc and rng.random() < 0.5:
                body += f"\nAccess: {acc}\n"
            body += f"\nMany thanks\n{refname}\n{ref['org']}\n{ref['phone']}\n"
            frm = f"{refname} <{(p['practice'][1] if ref['role'] == 'GP' else 'marches.communitynursing@nhs.net')}>"
            e = eml_bytes(frm, f"Doorstep Referrals <referrals@{DOMAIN}>", f"Referral - {p['surname']} - {sv}", body, dtm(d, 10, rng.randint(0, 59)), attachments, seed=seed)
            S.write_bytes(f"02 Referrals/Inbox/{d.strftime('%Y-%m-%d')} Referral {p['surname']}.eml", e)
            if eml_n in (2, 7):
                S.write_bytes(f"01 Clinical/{ {'dental': 'Dental', 'eye': 'Eye care', 'podiatry': 'Podiatry', 'hearing': 'Audiology'}[sv]}/FW Referral {p['surname']}.eml", e)
        tracker.append([d.strftime("%d/%m/%Y"), via.upper() if via != "email" else "Email", name_as(p, rng, rng.choice(["formal", "caps", "plain"])),
                        fdob(p["dob"], 0), fmt_nhs(p["nhs"]) if rng.random() < 0.5 else "", sv.capitalize(), refname,
                        rng.choice(["Routine", "Urgent", "Routine"]), sname(w.ref_coord), rng.choice(["Booked", "Seen", "Discharged", "Awaiting consent"])])
    S.write_bytes("02 Referrals/Referral tracker 2025-26.xlsx", xlsx_bytes([("Tracker", tracker)], END, sname(w.ref_coord)))

    # --- care home visit lists
    for ch in CARE_HOMES:
        res = [p for p in P if (p["home"] == "carehome" and p["carehome"] is ch) or (p["moved"] and p["carehome"] is ch)]
        if not res:
            continue
        d = dt.date(2026, rng.randint(5, 9), rng.randint(1, 28))
        mgr = w.ch_mgr[ch[0]]
        rows = [["Room", "Resident", "DOB", "NHS number", "Service", "Notes from home"]]
        for p in res:
            rows.append([str(p["room"]), name_as(p, rng, rng.choice(["formal", "nick", "plain"])), fdob(p["dob"], 1), fmt_nhs(p["nhs"]),
                         ", ".join(p["services"]), rng.choice(["", "Lost lower denture - may be in laundry", "Glasses need names engraved", "Daughter wants to be present", "Hearing aid batteries every Monday"])])
        blocks = [("h", f"{ch[0]} - visit list {d.strftime('%d/%m/%Y')}", 1),
                  ("p", f"Home manager: {mgr['forename']} {mgr['surname']} ({mgr['phone']}). Clinicians to sign in at reception; visitor parking at the front."),
                  ("t", rows), ("p", f"List agreed by {sname(w.rota_coord)}.")]
        S.write_bytes(f"10 Care homes/{ch[0]}/Visit list {d.isoformat()}.docx", docx_bytes(blocks, d, sname(w.rota_coord)))

    # --- Traveller sites: clinic plan docx per site; moorings list
    for si in SITES:
        res = [p for p in P if p["home"] == "site" and p["site"] is si]
        if not res:
            continue
        wd = w.wardens[si[0]]
        d = dt.date(2026, rng.randint(4, 9), rng.randint(1, 28))
        rows = [["Pitch", "Name", "DOB", "Services wanted", "Notes"]]
        for p in res:
            rows.append([str(p["pitch"]), name_as(p, rng, rng.choice(["plain", "nick", "formal"])), fdob(p["dob"], 0), ", ".join(p["services"]),
                         mark(p, "; ".join([n["text"] for n in p["notes"]][:2]))])
        blocks = [("h", f"Outreach clinic day - {si[0]}", 1),
                  ("p", f"Date: {d.strftime('%A %d %B %Y')}. Site warden: {wd['forename']} {wd['surname']} ({wd['phone']}). Report to the site office on arrival."),
                  ("p", f"Facilities for staff: site shower block code {code4(rng)} (communal, staff may use the toilet). Park the van by the site office, not on a pitch."),
                  ("t", rows),
                  ("p", "Literacy: several residents prefer a phone call to a letter. Please read letters out and do not leave them with neighbours."),
                  ("p", f"Clinicians: {', '.join(sname(s) for s in rng.sample(w.staff[:13], 3))}. Driver: {sname(rng.choice(drivers))}.")]
        S.write_bytes(f"11 Sites and moorings/{si[0]} clinic plan {d.strftime('%b %Y')}.docx", docx_bytes(blocks, d, sname(w.rota_coord)))
    boats = [p for p in P if p["home"] == "boat"]
    rows = [["Boat", "Owner / patient", "DOB", "Mooring", "Phone", "Access", "Notes"]]
    for p in boats:
        rows.append([p["boat"], name_as(p, rng, rng.choice(["plain", "formal"])), fdob(p["dob"], 0), p["mooring"][0], p["phone"],
                     mark(p, "; ".join(n["text"] for n in p["notes"])), "; ".join(p["near"])])
    rows.append(["", f"Marina office: {w.marina_mgr['forename']} {w.marina_mgr['surname']} {w.marina_mgr['phone']}", "", "", "", "", "Continuous cruisers move every 14 days - check with the office"])
    S.write_text("11 Sites and moorings/Boaters list.csv", csv_text(rows))

    # --- safeguarding
    sg_log = [["Safeguarding log 2025-26"], ["Date", "Ref", "Adult at risk", "DOB", "Category", "Raised by", "Referred to", "Outcome"]]
    sg_cases = rng.sample([p for p in P if not p["deceased"]], 6)
    cats = ["Self-neglect", "Financial abuse", "Neglect by carer", "Domestic abuse", "Organisational (care home)", "Hoarding / fire risk"]
    for k, p in enumerate(sg_cases):
        d = START + dt.timedelta(days=rng.randint(20, 340))
        by = rng.choice(w.staff[:13])
        sw = rng.choice(w.sws)
        cat = cats[k]
        detail = {
            "Self-neglect": "Kitchen with no food, soiled bedding, patient declined help. Lives alone.",
            "Financial abuse": f"Patient said a man 'from the council' had been taking her to the cash machine. Her bank card and a note with the PIN {code4(rng)} were in the biscuit tin in the lounge - advised her to ring the bank.",
            "Neglect by carer": "Agency carer had not visited for two days per the log in the house; patient dehydrated.",
            "Domestic abuse": "Bruising to both forearms. Husband answered for her throughout the visit.",
            "Organisational (care home)": "Dentures not cleaned for a week per the mouth-care chart; two residents' dentures mixed up.",
            "Hoarding / fire risk": "Hallway blocked to ceiling, only route to the bedroom past the gas fire. Fire service home safety visit requested.",
        }[cat]
        rows = [["Adult at risk", full(p, middle=True)], ["Date of birth", fdob(p["dob"], 0)], ["NHS number", fmt_nhs(p["nhs"])],
                ["Address", f"{where(p, d)[0]}, {where(p, d)[1]}"], ["Category", cat], ["What was seen or said", detail],
                ["Does the adult know about this referral?", rng.choice(["Yes, and agrees", "Yes, does not agree - vital interest", "No - lacks capacity"])],
                ["Raised by", f"{sname(by)} ({by['role']})"], ["Referred to", f"{sw['forename']} {sw['surname']}, {sw['org']}"], ["Date", d.strftime("%d/%m/%Y")]]
        if p["relatives"]:
            x = p["relatives"][0]
            rows.insert(4, ["Family", f"{x['forename']} {x['surname']} ({x['rel']}), {x['phone']}"])
        S.write_bytes(f"04 Safeguarding/Concern {d.strftime('%Y-%m-%d')} {p['forename'][0]}{p['surname'][0]}.docx",
                      docx_bytes([("h", "Safeguarding adults concern form", 1), ("t", rows), ("foot", "Restricted - safeguarding")], d, sname(by)))
        sg_log.append([d.strftime("%d/%m/%Y"), f"SG-{seed}-{k + 1:02d}", name_as(p, rng, "formal"), fdob(p["dob"], 0), cat, sname(by),
                       f"{sw['forename']} {sw['surname']} (ASC)", rng.choice(["Section 42 enquiry opened", "Advice only", "Closed - support in place", "Open"])])
    S.write_bytes("04 Safeguarding/Safeguarding log 2025-26.xlsx", xlsx_bytes([("Log", sg_log)], END, sname(w.ig_lead)))

    # --- complaints
    comp_log = [["Complaints log 2025-26"], ["Received", "Complainant", "About (patient)", "Patient DOB", "Service", "Summary", "Handler", "Outcome"]]
    comp_pts = [p for p in P if p["relatives"] and not p["deceased"]]
    rng.shuffle(comp_pts)
    for k, p in enumerate(comp_pts[:4]):
        d = START + dt.timedelta(days=rng.randint(30, 320))
        x = p["relatives"][0]
        sv = p["services"][0]
        summary = ["The new dentures took eleven weeks and still do not fit; she has been eating soup since Christmas.",
                   "The clinician left without locking the back door on 3 March; it was still open when I called round that evening. Nobody told us.",
                   "Her glasses were delivered with the wrong prescription twice and nobody answered the phone.",
                   "The podiatrist cut his toe and did not tell the district nurse; it became infected."][k]
        letter = [("p", f"{x['forename']} {x['surname']}"), ("p", f"{d.strftime('%d %B %Y')}"), ("p", f"Dear {ORG},"),
                  ("p", f"I am writing to complain about the care given to my {'mother' if p['female'] else 'father'}, "
                        f"{name_as(p, rng, rng.choice(['formal', 'nick']))}, born {fdob(p['dob'], 3)}. {summary}"),
                  ("p", f"I would like a written explanation. I can be reached on {x['phone']}."), ("p", "Yours faithfully"), ("p", f"{x['forename']} {x['surname']}")]
        S.write_bytes(f"05 Complaints/{d.strftime('%Y-%m')} {p['surname']} complaint letter.docx", docx_bytes(letter, d, f"{x['forename']} {x['surname']}"))
        d2 = d + dt.timedelta(days=rng.randint(14, 25))
        resp = ["**" + ORG, "Unit 4, Castlebridge Enterprise Park, Castlebridge SY9 5TT", "", d2.strftime("%d %B %Y"), "",
                f"{x['forename']} {x['surname']}", "", f"Our ref: CMP-{seed}-{k + 1:02d}",
                f"Re: {full(p)}, date of birth {fdob(p['dob'], 0)}", "", f"Dear {('Ms' if x['forename'] in YOUNG_F else 'Mr')} {x['surname']},", ""]
        resp += wrap(f"Thank you for your letter of {d.strftime('%d %B')} about the {sv} care given to your relative. I am sorry for the distress this has caused. "
                     f"I have spoken with the clinician concerned and with {sname(w.office_mgr)}, our office manager. "
                     "We have changed our procedure so that this cannot happen again, and I would be glad to meet you.")
        resp += ["", "Yours sincerely", "", sname(w.ceo), "Chief Executive"]
        S.write_bytes(f"05 Complaints/{d.strftime('%Y-%m')} {p['surname']} response.pdf", pdf_bytes([resp], "Complaint response", d2))
        comp_log.append([d.strftime("%d/%m/%Y"), f"{x['forename']} {x['surname']} ({x['rel']})", name_as(p, rng, "formal"), fdob(p["dob"], 0), sv,
                         summary[:60] + "...", sname(w.ceo), rng.choice(["Upheld", "Partly upheld", "Not upheld"])])
    S.write_bytes("05 Complaints/Complaints log.xlsx", xlsx_bytes([("Log", comp_log)], END, sname(w.office_mgr)))

    # --- SAR
    sar_p = rng.choice([p for p in P if not p["deceased"] and not p["lacks_capacity"] and len(p["services"]) >= 2] or P)
    d = dt.date(2026, 6, rng.randint(1, 20))
    body = (f"Dear Sir/Madam\n\nUnder the UK GDPR I am asking for a copy of all the records you hold about me. "
            f"My name is {full(sar_p)} and my date of birth is {fdob(sar_p['dob'], 3)}. My address is {sar_p['address']}, {sar_p['postcode']}.\n\n"
            f"Please send them by email. My NHS number is {fmt_nhs(sar_p['nhs'])} if that helps.\n\nRegards\n{sar_p['forename']} {sar_p['surname']}\n")
    S.write_bytes(f"06 Information governance/SAR {d.year}-{sar_p['surname']}/Request.eml",
                  eml_bytes(f"{sar_p['forename']} {sar_p['surname']} <{sar_p['forename'][0].lower()}{sar_p['surname'].lower().replace(' ', '').replace(chr(39), '')}{rng.randint(40, 99)}@example.com>",
                            f"info@{DOMAIN}", "Subject access request", body, dtm(d, 20, 14), seed=seed))
    sv_sar = [v for v in visits if v["p"] is sar_p]
    pages = []
    pg = ["**Subject access disclosure - " + full(sar_p), f"DOB {fdob(sar_p['dob'], 0)}   NHS {fmt_nhs(sar_p['nhs'])}", f"Prepared by {sname(w.ig_lead)}", ""]
    pg += wrap("Registered details: " + f"{sar_p['address']}, {sar_p['postcode']}. Phone {sar_p['phone']}. GP {sar_p['gp']['title']} {sar_p['gp']['surname']}.")
    pg += wrap("Visit instructions held: " + (access_text(sar_p, sar_p["home"]) or "none"))
    pages.append(pg)
    for v in sv_sar:
        pages.append([f"**Visit record {v['date'].strftime('%d/%m/%Y')}", f"Service: {v['service']}  Clinician: {sname(v['clin'])}", f"Seen at: {v['at'][0]}",
                      "Notes: routine domiciliary visit, no concerns. Next review as per recall."])
    S.write_bytes(f"06 Information governance/SAR {d.year}-{sar_p['surname']}/Disclosure bundle (redacted).pdf", pdf_bytes(pages, "SAR bundle", d + dt.timedelta(days=25)))
    S.write_bytes(f"06 Information governance/SAR {d.year}-{sar_p['surname']}/Covering letter.docx",
                  docx_bytes([("p", d.strftime("%d %B %Y")), ("p", f"{full(sar_p)}\n{sar_p['address']}\n{sar_p['postcode']}"),
                              ("p", f"Dear {sar_p['title']} {sar_p['surname']},"),
                              ("p", "Please find enclosed a copy of the records we hold about you. Names of third parties have been removed where required."),
                              ("p", f"Yours sincerely\n{sname(w.ig_lead)}\nOperations Director and Data Protection Lead")], d + dt.timedelta(days=25), sname(w.ig_lead)))

    # --- incident: laptop stolen from van
    inc_d = dt.date(2026, 7, rng.randint(6, 24))
    inc_clin = rng.choice([s for s in w.staff if s["team"] in ("eye", "podiatry")])
    inc_drv = rng.choice(drivers)
    inc_pts = [v["p"] for v in visits if v["clin"] is inc_clin and v["date"] <= inc_d]
    seen = []
    for p in inc_pts:
        if p not in seen:
            seen.append(p)
    inc_pts = seen[-30:]
    rows = [["Surname", "Forename", "DOB", "NHS number", "Address", "Data on laptop", "Home access details held?", "Letter sent"]]
    for p in inc_pts:
        rows.append([p["surname"], p["forename"], fdob(p["dob"], 0), fmt_nhs(p["nhs"], 1), p["address"], "Visit notes, photos of feet/eyes",
                     "Yes" if p["notes"] else "No", rng.choice(["Yes", "Yes", "Pending", "No - deceased" if p["deceased"] else "Yes"])])
    S.write_text(f"06 Information governance/Incident {inc_d.isoformat()} laptop theft/Patients on stolen laptop.csv", csv_text(rows))
    rep = [["Incident no.", f"INC-{inc_d.year}-{seed}07"], ["Date and time", f"{inc_d.strftime('%d/%m/%Y')} approx. 12:40"],
           ["Location", "Lay-by on the A488 near Clunford, van parked while crew at a visit"],
           ["Staff involved", f"{sname(inc_clin)} ({inc_clin['role']}), {sname(inc_drv)} (driver)"],
           ["What happened", "Passenger window smashed, clinician's laptop bag taken from the footwell. Laptop encrypted (BitLocker); the PIN was on a sticky note inside the bag. Paper route sheet for the day also in the bag."],
           ["Police", f"Reported, crime ref 22/{rng.randint(10000, 99999)}/26"],
           ["Patients affected", f"{len(inc_pts)} (list attached). Route sheet held key safe codes for some of them - codes to be changed with families."],
           ["Reported by", sname(inc_clin)], ["Investigating officer", sname(w.ig_lead)]]
    S.write_bytes(f"06 Information governance/Incident {inc_d.isoformat()} laptop theft/Incident report.docx",
                  docx_bytes([("h", "Information governance incident report", 1), ("t", rep)], inc_d, sname(w.ig_lead)))
    ico = [("h", "ICO personal data breach report - DRAFT", 1),
           ("p", f"Organisation: {ORG}. DPO / contact: {sname(w.ig_lead)}, {w.ig_lead['email']}, {w.ig_lead['mobile']}."),
           ("p", f"On {inc_d.strftime('%d %B %Y')} a laptop and a paper route sheet were stolen from one of our vans. "
                 f"{len(inc_pts)} patients are on the laptop; the route sheet held home access information for some of them."),
           ("p", "Special category data: health. Vulnerable people: yes (housebound, some lacking capacity).")]
    S.write_bytes(f"06 Information governance/Incident {inc_d.isoformat()} laptop theft/ICO notification draft v2.docx", docx_bytes(ico, inc_d + dt.timedelta(days=1), sname(w.ig_lead)))
    S.write_bytes(f"06 Information governance/Incident {inc_d.isoformat()} laptop theft/ICO notification draft v3 FINAL.docx",
                  docx_bytes(ico + [("p", "Measures: key safe codes changed for all affected patients by 31 July; remote wipe attempted; staff retrained.")], inc_d + dt.timedelta(days=3), sname(w.ig_lead)))
    # clinician's email with the day's route sheet attached
    inc_day = [v for v in visits if v["clin"] is inc_clin and v["date"] <= inc_d][-6:]
    rs = [["Time", "Patient", "DOB", "Address", "Postcode", "Access"]] + [[v["time"], name_as(v["p"], rng, "plain"), fdob(v["p"]["dob"], 0), v["at"][0], v["at"][1], access_text(v["p"], v["at"][2])] for v in inc_day]
    body = (f"{w.ig_lead['forename']},\n\nAs discussed on the phone - the van was broken into while we were at a visit and my laptop bag has gone. "
            f"The paper route sheet was in it. I've attached the electronic copy so you can see which patients and which access notes were on it.\n\n"
            f"{inc_drv['forename']} has taken the van to the glass place. Police ref to follow.\n\n{sname(inc_clin)}\n{inc_clin['role']}\n")
    S.write_bytes(f"06 Information governance/Incident {inc_d.isoformat()} laptop theft/RE laptop stolen from van.eml",
                  eml_bytes(f"{sname(inc_clin)} <{inc_clin['email']}>", f"{sname(w.ig_lead)} <{w.ig_lead['email']}>", "RE: laptop stolen from van - URGENT", body,
                            dtm(inc_d, 15, 5), [("route sheet.xlsx", xlsx_bytes([("Route", rs)], inc_d, sname(inc_clin))) + XLSX],
                            cc=f"{sname(w.ceo)} <{w.ceo['email']}>", seed=seed))

    # --- deaths and moves: emails about former homes
    for p in P:
        if p.get("clearance"):
            if not p["relatives"]:
                p["relatives"].append(dict(forename="Alan", surname=p["surname"], rel="son", phone=w.mobile()))
            x = p["relatives"][0]
            c = code4(rng)
            d = p["deceased"] + dt.timedelta(days=rng.randint(5, 20))
            body = (f"Hello,\n\nI'm sorry to tell you that my {'mother' if p['female'] else 'father'}, {full(p)} ({fdob(p['dob'], 0)}), passed away on "
                    f"{p['deceased'].strftime('%d %B')}. Please cancel any appointments.\n\nThe loan hearing aids and the glasses you made are still at the house, {p['address']}. "
                    f"We are clearing it this month and nobody lives there now. If your driver wants to collect them, the key is in the key safe by the front door, code {c}.\n\n"
                    f"Thanks for everything you did for {'her' if p['female'] else 'him'}.\n{x['forename']} {x['surname']}\n{x['phone']}\n")
            S.write_bytes(f"02 Referrals/Inbox/{d.isoformat()} Bereavement {p['surname']}.eml",
                          eml_bytes(f"{x['forename']} {x['surname']} <{x['forename'].lower()}.{x['surname'].lower().replace(' ', '')}@example.com>", f"info@{DOMAIN}",
                                    f"{p['forename']} {p['surname']} - sad news", body, dtm(d, 18, 30), seed=seed))
        if p["moved"]:
            if not p["relatives"]:
                p["relatives"].append(dict(forename="Jean", surname=p["surname"], rel="niece", phone=w.mobile()))
            x = p["relatives"][0]
            c = code4(rng)
            old = p["old_home"]
            d = p["moved"] + dt.timedelta(days=rng.randint(3, 30))
            body = (f"Hi {w.ref_coord['forename']},\n\nJust to update you - {p['title']} {p['surname']} ({name_as(p, rng, 'plain')}, DOB {fdob(p['dob'], 0)}) moved permanently into "
                    f"{p['carehome'][0]} on {p['moved'].strftime('%d/%m/%Y')}, room {p['room']}. Please change her address on your system."
                    if p["female"] else
                    f"Hi {w.ref_coord['forename']},\n\nJust to update you - {p['title']} {p['surname']} ({name_as(p, rng, 'plain')}, DOB {fdob(p['dob'], 0)}) moved permanently into "
                    f"{p['carehome'][0]} on {p['moved'].strftime('%d/%m/%Y')}, room {p['room']}. Please change his address on your system.")
            body += (f"\n\nThe old house at {old[0]}, {old[1]} is empty now and on the market. The estate agent has the key-safe code ({c}) if anything needs collecting from there.\n\n"
                     f"{x['forename']} {x['surname']} ({x['rel']})\n{x['phone']}\n")
            S.write_bytes(f"02 Referrals/Inbox/{d.isoformat()} Change of address {p['surname']}.eml",
                          eml_bytes(f"{x['forename']} {x['surname']} <{x['forename'].lower()}{rng.randint(1, 99)}@example.com>", f"referrals@{DOMAIN}",
                                    f"Change of address - {p['surname']}", body, dtm(d, 11, 2), seed=seed))
        if p["respite"]:
            d0, ch = p["respite"]
            body = (f"Morning team,\n\n{full(p)} (DOB {fdob(p['dob'], 0)}) is in {ch[0]} for two weeks' respite from {d0.strftime('%d/%m')}, "
                    f"then back home to {p['address']}. Please see {'her' if p['female'] else 'him'} at the home if the podiatry visit falls in that fortnight, "
                    f"otherwise at home as usual" + (f" - access at home unchanged: {mark(p, '; '.join(n['text'] for n in p['notes']))}." if p["notes"] else ".") +
                    f"\n\n{sname(w.rota_coord)}\n")
            S.write_bytes(f"03 Rotas and routes/Respite {p['surname']} {d0.isoformat()}.eml",
                          eml_bytes(f"{sname(w.rota_coord)} <{w.rota_coord['email']}>", f"clinicians@{DOMAIN}", f"Respite - {p['surname']}", body, dtm(d0 - dt.timedelta(days=3), 8, 40), seed=seed))

    # --- letters to patients and families (docx; a batch in a zip)
    lpts = list(P)
    rng.shuffle(lpts)
    zb = io.BytesIO()
    zlist = []
    for k, p in enumerate(lpts[:30]):
        if p["deceased"]:
            continue
        d = dt.date(2026, 9, rng.randint(1, 25))
        sv = p["services"][0]
        to_family = p["lacks_capacity"] and p["relatives"]
        if to_family:
            x = p["relatives"][0]
            addressee = [f"{x['forename']} {x['surname']}"]
            salut = f"Dear {x['forename']} {x['surname']},"
            txt = (f"We would like to visit your {x['rel'] in ('son', 'daughter', 'daughter-in-law') and ('mother' if p['female'] else 'father') or 'relative'}, "
                   f"{name_as(p, rng, rng.choice(['formal', 'nick']))} (date of birth {fdob(p['dob'], 3)}), for a {sv} appointment on "
                   f"{(d + dt.timedelta(days=14)).strftime('%A %d %B')} between 10am and 1pm. As {'she' if p['female'] else 'he'} may not remember, we would be grateful if you could be there or let us know.")
        else:
            addressee = [full(p)] + p["address"].split(", ") + [p["postcode"]]
            salut = f"Dear {p['title']} {p['surname']},"
            txt = (f"Your next {sv} appointment at home is on {(d + dt.timedelta(days=14)).strftime('%A %d %B')} between 10am and 1pm. "
                   f"Your NHS number is {fmt_nhs(p['nhs'])}. If you cannot make it, please ring us on 01632 960{rng.randint(100, 999)}.")
        blocks = [("p", f"{ORG}\nUnit 4, Castlebridge Enterprise Park, Castlebridge SY9 5TT"), ("p", "\n".join(addressee)), ("p", d.strftime("%d %B %Y")),
                  ("p", salut), ("p", txt), ("p", f"Yours sincerely\n\n{sname(w.office_mgr)}\nOffice Manager")]
        b = docx_bytes(blocks, d, sname(w.office_mgr))
        name = f"Appt letter {p['surname']} {p['forename'][0]} {d.strftime('%d%m%y')}.docx"
        if k % 2 == 0:
            S.write_bytes(f"09 Letters/September 2026/{name}", b)
        else:
            zlist.append((name, b))
    with zipfile.ZipFile(zb, "w", zipfile.ZIP_DEFLATED) as z:
        for name, b in zlist:
            zi = zipfile.ZipInfo(f"Letters batch Sep26/{name}", date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, b)
    S.write_bytes("09 Letters/Letters batch Sep26.zip", zb.getvalue())

    # --- governance minutes
    mp = rng.sample([p for p in P if not p["deceased"]], 3)
    blocks = [("h", "Clinical governance meeting - minutes", 1), ("p", f"Date: {dt.date(2026, 9, 10).strftime('%d %B %Y')}, Unit 4 meeting room"),
              ("p", "Present: " + ", ".join(sname(s, True) for s in w.staff if s["team"] != "van")[:400]),
              ("p", f"1. Incident INC-{inc_d.year}: laptop theft. {w.ig_lead['forename']} reported all affected families contacted; codes changed where we held them. Action: no paper route sheets with access details from October - {w.rota_coord['forename']}."),
              ("p", f"2. Case review: {mp[0]['forename'][0]}{mp[0]['surname'][0]} (podiatry) - delayed referral to vascular. Learning shared."),
              ("p", f"3. {full(mp[1])} - family praised the audiology team; card passed to {w.by_team['hearing'][0]['forename']}."),
              ("p", f"4. Key points: GOS 6 audit 98% complete; key stage for new van procurement; fault codes on the Phonak chargers escalated to supplier."),
              ("p", f"5. Traveller site outreach: warden at Fernhill asks for a regular monthly day. Agreed in principle.")]
    S.write_bytes("00 Management/Clinical governance minutes 2026-09.docx", docx_bytes(blocks, dt.date(2026, 9, 12), sname(w.office_mgr)))

    # --- HR and payroll (staff only)
    for mo in (7, 8, 9):
        rows = [["Employee no", "Name", "DOB", "NI number", "Role", "Annual salary", "Gross pay", "Tax code", "Sort code", "Account no"]]
        for k, s in enumerate(w.staff):
            rows.append([f"E{100 + k}", sname(s), s["dob"].strftime("%d/%m/%Y"), s["ni"], s["role"], s["salary"], f"{s['salary'] / 12:.2f}", "1257L",
                         f"40-{(k * 7) % 90 + 10:02d}-{(k * 13) % 90 + 10:02d}", f"{31000000 + k * 4567:08d}"])
        S.write_text(f"07 HR and payroll/Payroll/Payroll {2026}-{mo:02d}.csv", csv_text(rows))
    rows = [["Name", "Role", "Start date", "DBS certificate", "DBS date", "Mobile", "Email", "Emergency contact"]]
    for s in w.staff:
        ef, es = rng.choice(YOUNG_F + YOUNG_M), s["surname"]
        rows.append([sname(s), s["role"], s["start"].strftime("%d/%m/%Y"), f"00{rng.randint(1000000000, 1999999999)}", s["start"].strftime("%d/%m/%Y"),
                     s["mobile"], s["email"], f"{ef} {es} {w.mobile()}"])
    S.write_bytes("07 HR and payroll/Staff list and DBS.xlsx", xlsx_bytes([("Staff", rows)], END, sname(w.office_mgr)))
    sick = rng.sample(w.staff, 4)
    blocks = [("h", "Sickness absence - return to work notes", 1)] + [
        ("p", f"{sname(s)} ({s['role']}), DOB {s['dob'].strftime('%d/%m/%Y')}: {rng.choice(['back surgery, phased return', 'stress at work, OH referral made', 'chest infection, 8 days', 'pregnancy-related sickness'])}. RTW meeting with {sname(w.office_mgr)}.")
        for s in sick]
    S.write_bytes("07 HR and payroll/Sickness absence RTW 2026.docx", docx_bytes(blocks, END, sname(w.office_mgr)))

    # --- stock and equipment
    rows = [["Equipment and stock register"], ["Item", "Location", "Batch / serial", "Qty", "Expiry", "Notes"]]
    for it in ["Portable dental unit (Bien-Air)", "Handheld slit lamp", "Autorefractor", "Podiatry drill", "Otoscope", "Lidocaine 2% cartridges",
               "Alginate", "Sharps bins", "Hearing aid batteries 312", "Autoclave"]:
        rows.append([it, rng.choice(vans + ["Base stock room"]), f"B{rng.randint(10000, 99999)}", rng.randint(1, 50), f"{rng.randint(1, 12):02d}/2027", ""])
    rows.append(["Van key lock boxes", "Depot", "", 3, "", "; ".join(f"{v}: {c}" for v, c in van_box.items())])
    rows.append(["Stock room door", "Base", "", 1, "", f"Code {stock_code}, changed quarterly"])
    S.write_bytes("08 Stock and equipment/Equipment and stock register.xlsx", xlsx_bytes([("Register", rows)], END, sname(w.office_mgr)))
    S.write_bytes("08 Stock and equipment/Van weekly check - Van 2.docx", docx_bytes(
        [("h", "Van weekly check", 1), ("t", [["Check", "OK?"], ["Tyres", "Yes"], ["Sharps bin sealed", "Yes"], ["Fridge temp", "4C"],
                                             ["Lock box code changed this month", "Yes - new code with office manager"], ["Checked by", sname(drivers[1])]])],
        END, sname(drivers[1])))

    # --- a new-patient list pasted into a text file by admin (tab separated)
    newp = [p for p in P if not p["deceased"]]
    rng.shuffle(newp)
    lines = ["Surname\tForename\tDOB\tPostcode\tService\tNotes"]
    for p in newp[:15]:
        lines.append(f"{p['surname']}\t{p['nick'] or p['forename']}\t{fdob(p['dob'], 0)}\t{p['postcode']}\t{p['services'][0]}\t{mark(p, '; '.join(n['text'] for n in p['notes'][:1]))}")
    S.write_text("02 Referrals/waiting list paste.txt", "\n".join(lines) + "\n")

    # ensure everyone appears with an identity key at least once: an "all patients" master list
    rows = [["MRN", "Title", "Forename", "Middle", "Surname", "Known as", "Previous surname", "DOB", "NHS number", "Address", "Postcode", "Phone", "GP practice", "Services", "Status"]]
    for p in P:
        st = "Deceased " + p["deceased"].strftime("%d/%m/%Y") if p["deceased"] else ("Moved to care home" if p["moved"] else "Active")
        at = where(p, END)
        rows.append([f"DC{seed}{p['idx']:04d}", p["title"], p["forename"], p["middle"], p["surname"], p["nick"], p["maiden"], fdob(p["dob"], 0),
                     fmt_nhs(p["nhs"]), at[0], at[1], p["phone"], p["practice"][0], "; ".join(p["services"]), st])
    S.write_bytes("00 Management/Master patient list 2026-09.xlsx", xlsx_bytes([("Patients", rows)], END, sname(w.office_mgr)))
    return w, S, visits


def xesc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;")


def hl7_ref(w, p, ref, d, reason, acc, k, seed):
    ts = d.strftime("%Y%m%d") + "1015"
    sex = "F" if p["female"] else "M"
    segs = [f"MSH|^~\\&|EMISWEB|{p['practice'][2]}|DOORSTEP|DCCIC|{ts}||REF^I12|{seed}{k:05d}|P|2.4",
            f"RF1|A^Accepted|R^Routine|DOM^Domiciliary||{seed}{k:05d}|{d.strftime('%Y%m%d')}",
            f"PID|1||{p['nhs']}^^^NHS^NH||{p['surname']}^{p['forename']}^{p['middle']}^^{p['title']}||{p['dob'].strftime('%Y%m%d')}|{sex}|||"
            f"{p['address'].replace(', ', '^', 1)}^^^{p['postcode']}||{p['phone']}"]
    if p["relatives"]:
        x = p["relatives"][0]
        segs.append(f"NK1|1|{x['surname']}^{x['forename']}|{x['rel'].upper()}||{x['phone']}")
    segs.append(f"PRD|RP|{ref['surname']}^{ref['forename']}^^^{ref['title']}|{ref['org']}")
    segs.append(f"PV1|1|O|||||{p['gp']['surname']}^{p['gp']['forename']}^^^Dr")
    segs.append(f"OBX|1|TX|REASON||{reason}")
    if acc:
        segs.append(f"NTE|1||Access: {acc}")
    segs.append(f"NTE|2||Housebound. {p['condition']}.")
    return "\r".join(segs) + "\r"


def fhir_ref(w, p, ref, d, reason, acc, k, seed):
    pid = f"pat-{seed}-{k}"
    name = [{"use": "official", "family": p["surname"], "given": [p["forename"]] + ([p["middle"]] if p["middle"] else []), "prefix": [p["title"]]}]
    if p["nick"]:
        name.append({"use": "usual", "given": [p["nick"]], "family": p["surname"]})
    if p["maiden"]:
        name.append({"use": "maiden", "family": p["maiden"], "given": [p["forename"]]})
    pat = {"resourceType": "Patient", "id": pid,
           "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": p["nhs"]}],
           "name": name, "gender": "female" if p["female"] else "male", "birthDate": p["dob"].isoformat(),
           "address": [{"line": p["address"].split(", ")[:-1], "city": p["address"].split(", ")[-1], "postalCode": p["postcode"]}]}
    if p["phone"]:
        pat["telecom"] = [{"system": "phone", "value": p["phone"]}]
    if p["relatives"]:
        x = p["relatives"][0]
        pat["contact"] = [{"relationship": [{"text": x["rel"]}], "name": {"family": x["surname"], "given": [x["forename"]]},
                           "telecom": [{"system": "phone", "value": x["phone"]}]}]
    prac = {"resourceType": "Practitioner", "id": f"prac-{seed}-{k}", "name": [{"family": ref["surname"], "given": [ref["forename"]], "prefix": [ref["title"]] if ref["title"] else []}]}
    sr = {"resourceType": "ServiceRequest", "id": f"sr-{seed}-{k}", "status": "active", "intent": "order",
          "subject": {"reference": f"Patient/{pid}", "display": f"{p['forename']} {p['surname']}"},
          "requester": {"reference": f"Practitioner/prac-{seed}-{k}", "display": f"{ref['title']} {ref['forename']} {ref['surname']}".strip()},
          "authoredOn": d.isoformat(), "reasonCode": [{"text": reason}],
          "note": [{"text": f"Housebound - {p['condition']}." + (f" Access: {acc}" if acc else "")}]}
    return {"resourceType": "Bundle", "type": "message", "timestamp": f"{d.isoformat()}T10:15:00Z",
            "entry": [{"resource": pat}, {"resource": prac}, {"resource": sr}]}


def write_truth(w, path):
    people = []
    for p in w.P:
        if p["kinds"] and p["idx"] not in EMITTED:
            # the way in never reached a file beside this person: not exposed for them
            print(f"note: access of patient {p['idx']} written nowhere beside them; not counted", file=sys.stderr)
            p["kinds"], p["code"] = [], ""
        people.append(dict(forename=p["forename"], surname=p["surname"], dob=fdob(p["dob"], 0), postcode=where(p, p["deceased"] or END)[1], nhs_number=p["nhs"],
                           keysafe_code=p["code"], condition=p["condition"], title=p["title"], middle=p["middle"],
                           access_kind=p["kinds"], home_type=p["home"], known_as=p["nick"], previous_surname=p["maiden"],
                           deceased=p["deceased"].isoformat() if p["deceased"] else "",
                           moved_to_care_home=p["moved"].isoformat() if p["moved"] else "",
                           former_home_access_not_counted=bool(p["moved"] or p.get("clearance") or (p["deceased"] and p["notes"]))))
    staff = [sname(s) for s in w.staff]
    related = []
    for p in w.P:
        for x in p["relatives"]:
            nm = f"{x['forename']} {x['surname']}"
            if nm not in related:
                related.append(nm)
    truth = dict(people=people, staff=staff, related=related,
                 professionals=[(f"{x['title']} " if x["title"] else "") + f"{x['forename']} {x['surname']}" for x in w.professionals])
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(truth, f, indent=1, ensure_ascii=False)
        f.write("\n")


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    share, truth = argv[1], argv[2]
    n = int(argv[3]) if len(argv) > 3 else 120
    seed = int(argv[4]) if len(argv) > 4 else 1
    if os.path.exists(share):
        shutil.rmtree(share)
    os.makedirs(share)
    _msgid[0] = 0
    EMITTED.clear()
    w, S, visits = generate(share, n, seed)
    write_truth(w, truth)
    kinds = {}
    for p in w.P:
        for k in p["kinds"]:
            kinds[k] = kinds.get(k, 0) + 1
    print(f"files {len(S.files)} people {len(w.P)} with home access {sum(1 for p in w.P if p['kinds'])} kinds {kinds}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
