#!/usr/bin/env python3
"""Held-out breach share 18: a university's student health, wellbeing and disability service.

    python heldout_share_18.py SHARE TRUTH.json [PEOPLE=120] [SEED=1]

Writes a breach responder's export folder for the University of Wexcombe's Student Wellbeing
and Disability Service (SWDS), its campus GP (Wexcombe University Health Centre, run by the
Castlegate Medical Partnership), accommodation and campus security, and occupational health;
and a truth file (outside the share).  Standard library, python-docx and openpyxl only.
Everything is invented.  Deterministic from SEED.
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

import docx
import openpyxl

NOW = dt.date(2026, 11, 27)
MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
          'September', 'October', 'November', 'December']


# ----------------------------------------------------------------------------- formats
def d_dmy(d):
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def d_iso(d):
    return d.isoformat()


def d_long(d):
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def d_mon(d):
    return f"{d.day:02d}-{MONTHS[d.month - 1][:3]}-{d.year}"


def d_hl7(d):
    return f"{d.year}{d.month:02d}{d.day:02d}"


def d_dots(d):
    return f"{d.day}.{d.month}.{d.year}"


def nhs_spaced(n):
    return f"{n[:3]} {n[3:6]} {n[6:]}"


# ----------------------------------------------------------------------------- name pools
F_UK = ['Olivia', 'Amelia', 'Isla', 'Ava', 'Mia', 'Sophie', 'Grace', 'Chloe', 'Ella', 'Lily', 'Emily',
        'Freya', 'Evie', 'Hannah', 'Jessica', 'Lucy', 'Megan', 'Niamh', 'Eleanor', 'Rosie', 'Holly',
        'Abigail', 'Imogen', 'Phoebe', 'Georgia', 'Katie', 'Bethan', 'Ffion', 'Caitlin', 'Aisha', 'Zara',
        'Maryam', 'Amara', 'Priya', 'Anjali', 'Siobhan', 'Roisin', 'Jade', 'Leah', 'Erin', 'Tilly',
        'Harriet', 'Maisie', 'Poppy', 'Rebecca', 'Laura']
M_UK = ['Oliver', 'Jack', 'Harry', 'George', 'Charlie', 'Thomas', 'James', 'William', 'Joshua', 'Daniel',
        'Samuel', 'Ethan', 'Lewis', 'Callum', 'Ryan', 'Kieran', 'Rhys', 'Owen', 'Dylan', 'Liam', 'Connor',
        'Adam', 'Mohammed', 'Yusuf', 'Hamza', 'Arjun', 'Rohan', 'Kwame', 'Tobi', 'Finn', 'Alfie', 'Max',
        'Ben', 'Matthew', 'Luke', 'Nathan', 'Jordan', 'Reece', 'Elliot', 'Toby']
MIDDLE_F = ['Rose', 'Grace', 'Louise', 'Anne', 'Mae', 'Elizabeth', 'Jane', 'Catherine', 'Hope', 'Marie', 'Nia']
MIDDLE_M = ['James', 'John', 'Edward', 'Alexander', 'Michael', 'Lee', 'David', 'Thomas', 'Rhys', 'Peter', 'Ali']
SURN = ['Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson',
        'Roberts', 'Robinson', 'Thompson', 'Wright', 'Walker', 'White', 'Edwards', 'Hughes', 'Green', 'Hall',
        'Lewis', 'Harris', 'Clarke', 'Patel', 'Jackson', 'Wood', 'Turner', 'Martin', 'Cooper', 'Hill', 'Ward',
        'Morris', 'Moore', 'Clark', 'Lee', 'King', 'Baker', 'Harrison', 'Morgan', 'Allen', 'Scott', 'Phillips',
        'Watson', 'Parker', 'Price', 'Bennett', 'Young', 'Griffiths', 'Mitchell', 'Kelly', 'Cook', 'Carter',
        'Richardson', 'Bailey', 'Collins', 'Bell', 'Shaw', 'Murphy', 'Miller', 'Cox', 'Richards', 'Khan',
        'Marshall', 'Anderson', 'Simpson', 'Ellis', 'Adams', 'Singh', 'Begum', 'Wilkinson', 'Foster',
        'Chapman', 'Powell', 'Webb', 'Rogers', 'Gray', 'Mason', 'Ali', 'Hunt', 'Hussain', 'Campbell',
        'Matthews', 'Owen', 'Palmer', 'Holmes', 'Mills', 'Barnes', 'Knight', 'Lloyd', 'Butler', 'Russell',
        'Fisher', 'Stevens', 'Jenkins', 'Murray', 'Dixon', 'Harvey', "O'Brien", "O'Connor", 'McCarthy',
        'MacLeod', 'Fitzgerald-Hart', 'Ashworth-Jones', 'Okafor', 'Adeyemi', 'Mensah', 'Nowak', 'Kowalski',
        'Costa', 'Rossi', 'Dubois', "D'Souza", 'Nic Giolla Phádraig'.replace('á', 'a'), 'Van der Berg']
# international: (forename, surname, family_first_in_source, english_name)
INTL = [('Wei', 'Zhang', True, 'Kevin'), ('Na', 'Li', True, 'Nina'), ('Fang', 'Wang', True, ''),
        ('Yang', 'Liu', True, 'Leo'), ('Jing', 'Chen', True, 'Cherry'), ('Xin', 'Huang', True, ''),
        ('Yuxuan', 'Lin', True, 'Vivian'), ('Haoran', 'Xu', True, ''), ('Thi Lan', 'Nguyen', True, ''),
        ('Min-jun', 'Kim', True, ''), ('Yuki', 'Sato', True, ''), ('Sneha', 'Iyer', False, ''),
        ('Venkata Sai', 'Reddy', False, ''), ('Chukwuemeka', 'Okonkwo', False, 'Emeka'),
        ('Oluwaseun', 'Adebayo', False, 'Seun'), ('Ngozi', 'Eze', False, ''),
        ('Abdullah', 'Al-Harbi', False, ''), ('Fatima', 'Al-Sayed', False, ''),
        ('Maria Jose', 'Garcia Lopez', False, ''), ('Dimitrios', 'Papadakis', False, 'Jim'),
        ('Aigerim', 'Nurlanovna', False, ''), ('Mehmet', 'Yilmaz', False, '')]
INTL_M = {'Wei', 'Yang', 'Haoran', 'Min-jun', 'Venkata Sai', 'Chukwuemeka', 'Oluwaseun', 'Abdullah', 'Dimitrios', 'Mehmet'}
STAFF_F = ['Rachel', 'Helen', 'Claire', 'Joanne', 'Sarah', 'Karen', 'Nicola', 'Gemma', 'Fiona', 'Alison',
           'Deborah', 'Rukhsana', 'Yvonne', 'Marianne', 'Tessa', 'Hilary', 'Bronwen', 'Adaeze', 'Ingrid']
STAFF_M = ['Andrew', 'Mark', 'Paul', 'Stephen', 'Gareth', 'Richard', 'Neil', 'Simon', 'Darren', 'Ian',
           'Graham', 'Tariq', 'Colin', 'Declan', 'Rob', 'Nigel', 'Kofi', 'Hugh', 'Barry']
STAFF_S = ['Patel', 'Hughes', 'Whitcombe', 'Ferris', 'Oduya', 'Lindqvist', 'Marsh', 'Penrose', 'Quinlan',
           'Gallagher', 'Haworth', 'Sandhu', 'Blackwood', 'Tremayne', 'Ogilvie', 'Rafferty', 'Caldwell',
           'Ashby', 'Duckworth', 'Fairbairn', 'Kaur', 'Mistry', 'Nightingale', 'Pryce', 'Shah', 'Jones',
           'Brennan', 'Lockwood', 'Harland', 'Mbeki', 'Wilson', 'Taylor', 'Greaves', 'Stroud']
REL_F = ['Susan', 'Julie', 'Amanda', 'Lisa', 'Tracey', 'Joanne', 'Nicola', 'Michelle', 'Kerry', 'Donna',
         'Angela', 'Sharon', 'Shabana', 'Grace', 'Mei', 'Folake', 'Bernadette', 'Carol', 'Anita']
REL_M = ['David', 'Paul', 'Mark', 'Steven', 'Robert', 'Gary', 'Martin', 'Anthony', 'Kevin', 'Imran',
         'Jason', 'Sean', 'Patrick', 'Adewale', 'Chen', 'Philip', 'Keith', 'Trevor']
FRIEND_F = ['Jess', 'Becky', 'Ellie', 'Millie', 'Kayla', 'Nadia', 'Orla', 'Tegan', 'Sasha']
FRIEND_M = ['Sam', 'Josh', 'Tom', 'Ollie', 'Zak', 'Jamie', 'Kai', 'Marcus', 'Ross']

HALLS = {
    'Fenwick Court': dict(kind='flat', code=True, blocks='ABCDEF', pc='WX2 7LT', street='Fenwick Lane'),
    "Tanner's Yard": dict(kind='flat', code=True, blocks='ABCD', pc='WX1 3DS', street='Tanner Street'),
    'Marlowe Hall': dict(kind='corridor', code=False, blocks='NSW', pc='WX2 7NB', street='University Road'),
    'Riverside Studios': dict(kind='studio', code=True, blocks='R', pc='WX1 5QA', street='Quayside'),
    'Orchard Quarter': dict(kind='flat', code=False, blocks='PQ', pc='WX3 1HG', street='Orchard Way'),
}
STREETS = ['Elm Grove', 'Harcourt Road', 'Victoria Terrace', 'Bramble Street', 'Cavendish Road', 'Lorne Street',
           'Albion Place', 'Sefton Avenue', 'Rydal Street', 'Hartington Road', 'Mafeking Terrace',
           'Peel Street', 'Wellesley Road', 'Granby Row', 'Clifton Mount']
HOME_TOWNS = [('Harland', 'HL'), ('Stourmere', 'ST'), ('Wexcombe', 'WX'), ('Brackley Vale', 'BV'),
              ('Kirkby Moor', 'KM'), ('Ashdown', 'AD')]

MH = ['generalised anxiety disorder', 'low mood / depression', 'panic attacks', 'OCD', 'PTSD',
      'emotionally unstable personality disorder', 'bipolar affective disorder', 'self-harm (cutting)',
      'suicidal ideation', 'social anxiety', 'first-episode psychosis (EIP)', 'complex grief']
ED = ['anorexia nervosa', 'bulimia nervosa', 'ARFID', 'binge eating disorder']
DIS = ['dyslexia', 'dyspraxia', 'ADHD (combined type)', 'autism spectrum condition', 'epilepsy',
       'type 1 diabetes', "Crohn's disease", 'ME/CFS', 'severe hearing loss (BSL user)', 'visual impairment',
       'cerebral palsy (wheelchair user)', 'hypermobile EDS', 'long COVID', 'sickle cell disease',
       'multiple sclerosis', 'chronic migraine']
PHYS = ['asthma', 'tonsillitis', 'glandular fever', 'UTI', 'acne', 'IBS', 'coeliac disease', 'iron deficiency']


class P:
    """One person whose health, wellbeing or disability record the service holds."""

    def __init__(self, **kw):
        self.__dict__.update(kw)

    @property
    def fs(self):
        return f"{self.forename} {self.surname}"

    @property
    def full(self):
        return ' '.join([self.forename] + self.middle + [self.surname])

    @property
    def initial(self):
        return self.forename[0]

    @property
    def mid_init(self):
        return (' ' + ' '.join(m[0] + '.' for m in self.middle)) if self.middle else ''

    def sf_upper(self):
        return f"{self.surname.upper()}, {self.forename}"

    def sfm(self):
        return f"{self.surname}, {self.forename}{self.mid_init}"

    def titled(self):
        return f"{self.title} {self.initial} {self.surname.upper()}"

    def known(self):
        """what the wellbeing team calls them"""
        return self.preferred or self.forename

    def known_full(self):
        return f"{self.known()} {self.surname}"

    def hl7(self):
        return f"{self.surname.upper()}^{self.forename}^{' '.join(self.middle)}^^{self.title}"

    def pron(self):
        return {'F': ('she', 'her', 'her'), 'M': ('he', 'him', 'his'), 'X': ('they', 'them', 'their')}[self.sex]


class World:
    def __init__(self, n, seed):
        self.rng = random.Random(seed * 7919 + 18)
        self.n = n
        self.seed = seed
        self.used_nhs = set()
        self.used_sno = set()
        self.staff = {}
        self.related = set()
        self.people = []
        self.homes = []
        self.granted = {}     # pid -> list of (kind, value, file)
        self.covered = set()  # pid covered by full name + dob/nhs in one record
        self.files = []
        self.mentions = {}

    # ---------------------------------------------------------------- identifiers
    def nhs(self):
        r = self.rng
        while True:
            d = [int(r.choice('46'))] + [r.randrange(10) for _ in range(8)]
            s = sum(d[i] * (10 - i) for i in range(9))
            c = 11 - s % 11
            if c == 11:
                c = 0
            if c == 10:
                continue
            v = ''.join(map(str, d)) + str(c)
            if v in self.used_nhs or v.startswith('999'):
                continue
            self.used_nhs.add(v)
            return v

    def sno(self, year):
        while True:
            v = f"{year % 100:02d}{self.rng.randrange(100000, 999999)}"
            if v not in self.used_sno:
                self.used_sno.add(v)
                return v

    def phone(self):
        return f"07700 900{self.rng.randrange(1000):03d}"

    def code4(self):
        return f"{self.rng.randrange(1000, 9999)}"

    def date_between(self, a, b):
        return a + dt.timedelta(days=self.rng.randrange((b - a).days + 1))

    # ---------------------------------------------------------------- staff
    def mk_staff(self, role, org, n):
        out = []
        r = self.rng
        for _ in range(n):
            while True:
                sex = r.choice('FM')
                fn = r.choice(STAFF_F if sex == 'F' else STAFF_M)
                sn = r.choice(STAFF_S)
                name = f"{fn} {sn}"
                if name not in self.staff:
                    break
            title = r.choice(['Dr']) if role in ('GP', 'psychiatrist', 'consultant', 'OH physician', 'registrar') \
                else ('Ms' if sex == 'F' else 'Mr')
            s = dict(name=name, fn=fn, sn=sn, role=role, org=org, title=title, sex=sex,
                     email=f"{fn[0].lower()}.{sn.lower().replace(' ', '')}@{org_domain(org)}",
                     ext=f"{r.randrange(2000, 2999)}")
            self.staff[name] = s
            out.append(s)
        return out


def org_domain(org):
    return {'SWDS': 'wexcombe.ac.uk', 'Security': 'wexcombe.ac.uk', 'Accommodation': 'wexcombe.ac.uk',
            'Academic': 'wexcombe.ac.uk', 'GP': 'nhs.net', 'MHT': 'nhs.net', 'Hospital': 'nhs.net',
            'OH': 'medivale-oh.co.uk', 'Lettings': 'brightsidelets.co.uk', 'Assessment': 'accesscentre.org.uk',
            'Support': 'wexcombe.ac.uk'}.get(org, 'wexcombe.ac.uk')


# ============================================================================ world building
def build(n, seed):
    w = World(n, seed)
    r = w.rng
    S = {}
    S['gp'] = w.mk_staff('GP', 'GP', 4)
    S['nurse'] = w.mk_staff('practice nurse', 'GP', 3)
    S['reception'] = w.mk_staff('receptionist', 'GP', 2)
    S['counsellor'] = w.mk_staff('counsellor', 'SWDS', 5)
    S['wba'] = w.mk_staff('wellbeing adviser', 'SWDS', 4)
    S['mha'] = w.mk_staff('mental health adviser', 'SWDS', 2)
    S['da'] = w.mk_staff('disability adviser', 'SWDS', 3)
    S['assessor'] = w.mk_staff('needs assessor', 'Assessment', 2)
    S['mentor'] = w.mk_staff('specialist mentor', 'Support', 4)
    S['notetaker'] = w.mk_staff('note-taker', 'Support', 3)
    S['warden'] = w.mk_staff('warden', 'Accommodation', 3)
    S['rla'] = w.mk_staff('residence life assistant', 'Accommodation', 4)
    S['security'] = w.mk_staff('security officer', 'Security', 5)
    S['tutor'] = w.mk_staff('personal tutor', 'Academic', 5)
    S['agent'] = w.mk_staff('lettings agent', 'Lettings', 2)
    S['hosp'] = w.mk_staff('registrar', 'Hospital', 3)
    S['mht'] = w.mk_staff('care coordinator', 'MHT', 2)
    S['psych'] = w.mk_staff('psychiatrist', 'MHT', 1)
    S['oh'] = w.mk_staff('OH nurse', 'OH', 1)
    S['ohdr'] = w.mk_staff('OH physician', 'OH', 1)
    S['head'] = w.mk_staff('Head of Student Wellbeing and Disability', 'SWDS', 1)
    S['dpo'] = w.mk_staff('data protection officer', 'SWDS', 1)
    S['complaints'] = w.mk_staff('complaints officer', 'SWDS', 1)
    S['hr'] = w.mk_staff('HR business partner', 'Academic', 1)
    w.S = S

    # ------------------------------------------------------------ people
    groups = []
    # proportions of n
    def k(frac):
        return max(1, round(n * frac))
    plan = [('fresher', k(0.29)), ('second', k(0.20)), ('finalist', k(0.10)), ('pg', k(0.08)),
            ('careleaver', k(0.07)), ('mature', k(0.10)), ('staff', k(0.07))]
    tot = sum(c for _, c in plan)
    plan.append(('leaver', n - tot))  # withdrawn / graduated / suspended / died
    intl_pool = INTL[:]
    r.shuffle(intl_pool)
    used_names = set()
    staff_names = set(w.staff)
    pid = 0
    for grp, cnt in plan:
        for _ in range(max(0, cnt)):
            pid += 1
            intl = grp in ('pg', 'fresher', 'second', 'finalist') and intl_pool and r.random() < (0.55 if grp == 'pg' else 0.08)
            sex = r.choice('FFMMF') if r.random() > 0.03 else 'X'
            english = ''
            fam_first = False
            if intl:
                fn, sn, fam_first, english = intl_pool.pop()
                sex = 'M' if fn in INTL_M else 'F'
                middle = []
            else:
                while True:
                    fn = r.choice(F_UK if sex == 'F' else M_UK if sex == 'M' else F_UK + M_UK)
                    sn = r.choice(SURN)
                    if f"{fn} {sn}" not in staff_names:
                        break
                middle = []
                if r.random() < 0.3:
                    middle = [r.choice(MIDDLE_F if sex == 'F' else MIDDLE_M)]
                    if r.random() < 0.15:
                        middle.append(r.choice(MIDDLE_F if sex == 'F' else MIDDLE_M))
                        if middle[0] == middle[1]:
                            middle.pop()
            if grp == 'fresher':
                dob = w.date_between(dt.date(2007, 9, 1), dt.date(2008, 8, 31))
                year = 2026
            elif grp == 'second':
                dob = w.date_between(dt.date(2006, 9, 1), dt.date(2007, 8, 31))
                year = 2025
            elif grp == 'finalist':
                dob = w.date_between(dt.date(2004, 9, 1), dt.date(2006, 8, 31))
                year = 2024
            elif grp == 'pg':
                dob = w.date_between(dt.date(1994, 1, 1), dt.date(2003, 8, 31))
                year = 2026
            elif grp == 'careleaver':
                dob = w.date_between(dt.date(2004, 1, 1), dt.date(2008, 8, 31))
                year = r.choice([2024, 2025, 2026])
            elif grp == 'mature':
                dob = w.date_between(dt.date(1972, 1, 1), dt.date(2001, 12, 31))
                year = r.choice([2024, 2025, 2026])
            elif grp == 'staff':
                dob = w.date_between(dt.date(1961, 1, 1), dt.date(1996, 12, 31))
                year = 0
            else:
                dob = w.date_between(dt.date(2002, 1, 1), dt.date(2007, 8, 31))
                year = r.choice([2023, 2024, 2025])
            key = (fn, sn, dob)
            if key in used_names:
                continue
            used_names.add(key)
            p = P(pid=pid, forename=fn, surname=sn, middle=middle, dob=dob, sex=sex, grp=grp, year=year,
                  intl=bool(intl), fam_first=fam_first, english=english, preferred='', legal_note='',
                  title={'F': r.choice(['Miss', 'Ms', 'Ms']), 'M': 'Mr', 'X': 'Mx'}[sex],
                  nhs='', sno='', staffno='', email='', phone=w.phone(), conds=[], services=set(),
                  home=None, old_home=None, status='active', contacts=[], tutor=r.choice(S['tutor']),
                  adviser=r.choice(S['wba'] + S['mha']), counsellor=r.choice(S['counsellor']),
                  gp=r.choice(S['gp']), da=r.choice(S['da']), mentor=r.choice(S['mentor']),
                  course='', event_date=None)
            if grp == 'mature' and dob.year < 1990:
                p.title = r.choice(['Mrs', 'Ms']) if sex == 'F' else 'Mr'
            w.people.append(p)
    # deliberate same-name pair and sibling pair
    ppl = w.people
    if len(ppl) > 20:
        a, b = ppl[3], ppl[len(ppl) // 2]
        if not b.intl and not a.intl:
            b.forename, b.surname, b.sex = a.forename, a.surname, a.sex
            b.middle = [] if a.middle else [r.choice(MIDDLE_F if a.sex == 'F' else MIDDLE_M)]
            b.title = a.title
        w.same_name = (a, b)
    else:
        w.same_name = None
    courses = ['BSc Psychology', 'BA English Literature', 'BEng Mechanical Engineering', 'LLB Law',
               'BSc Computer Science', 'BA History', 'BSc Nursing (Adult)', 'BSc Biomedical Science',
               'BA Fine Art', 'BMus Music', 'BSc Physics', 'MA Social Work', 'MSc Data Science',
               'MBA', 'PGCE Primary', 'BA Business Management', 'BSc Sport and Exercise Science',
               'BA Criminology', 'MEng Civil Engineering', 'BSc Pharmacology']
    pg_courses = ['MSc Data Science', 'MA Social Work', 'MBA', 'PGCE Primary', 'PhD Chemistry', 'MSc Public Health',
                  'LLM International Law']
    # identifiers, services, conditions
    for p in ppl:
        p.course = r.choice(pg_courses if p.grp == 'pg' else courses)
        if p.grp == 'staff':
            p.staffno = f"E{r.randrange(1000000, 9999999)}"
            p.job = r.choice(['Lecturer in Chemistry', 'Library Assistant', 'Catering Supervisor',
                              'Research Fellow (Physics)', 'Grounds Maintenance Operative', 'Admissions Officer',
                              'Senior Lecturer in Law', 'IT Service Desk Analyst', 'Cleaner (Estates)',
                              'Technician, School of Engineering'])
            p.email = f"{p.forename.lower()}.{p.surname.lower().replace(' ', '').replace(chr(39), '')}@wexcombe.ac.uk"
            p.services = {'oh'}
            p.conds = [r.choice(['work-related stress', 'low back pain', 'depression', 'long COVID',
                                 'breast cancer (returning after treatment)', 'type 2 diabetes',
                                 'alcohol misuse', 'menopause symptoms', 'knee replacement'])]
            p.nhs = w.nhs() if r.random() < 0.5 else ''
        else:
            p.sno = w.sno(p.year)
            p.email = f"{p.forename.split()[0][0].lower()}{p.surname.split()[-1].lower().replace(chr(39), '')}{p.sno[-3:]}@student.wexcombe.ac.uk"
            p.gp_reg = r.random() < (0.55 if p.intl else 0.82) or p.grp == 'careleaver'
            p.nhs = w.nhs() if p.gp_reg else ''
            sv = set()
            roll = r.random()
            if roll < 0.45:
                sv.add('counselling')
            if r.random() < 0.4:
                sv.add('disability')
            if r.random() < 0.45 or not sv:
                sv.add('wellbeing')
            if p.nhs:
                sv.add('gp')
            p.services = sv
            c = []
            if sv & {'counselling', 'wellbeing'}:
                c.append(r.choice(MH))
                if r.random() < 0.12:
                    c.append(r.choice(ED))
                    sv.add('ed')
            if 'disability' in sv:
                c.append(r.choice(DIS))
            if 'gp' in sv and r.random() < 0.4:
                c.append(r.choice(PHYS))
            p.conds = c or [r.choice(MH)]
        # chosen / english names
        if p.english:
            p.preferred = p.english
        elif not p.intl and p.grp != 'staff' and r.random() < 0.06:
            if p.forename in ('Samuel', 'Daniel', 'Matthew', 'Thomas', 'Jessica', 'Rebecca', 'Eleanor', 'Abigail'):
                p.preferred = {'Samuel': 'Sam', 'Daniel': 'Dani', 'Matthew': 'Matty', 'Thomas': 'Tom',
                               'Jessica': 'Jess', 'Rebecca': 'Becca', 'Eleanor': 'Nell', 'Abigail': 'Abi'}[p.forename]
            else:
                p.preferred = r.choice(['Alex', 'Charlie', 'Robin', 'Ash', 'Kit', 'Jay', 'Sky', 'Rowan'])
                p.legal_note = 'chosen name'
        # contacts
        rel_sn = p.surname if r.random() < 0.8 else r.choice(SURN)
        mum = f"{r.choice(REL_F)} {rel_sn}"
        dad = f"{r.choice(REL_M)} {p.surname}"
        if p.intl and p.fam_first:
            mum = f"{r.choice(['Mei', 'Hui', 'Lan', 'Xiu'])} {p.surname}"
            dad = f"{r.choice(['Jian', 'Gang', 'Ming', 'Chen'])} {p.surname}"
        if p.grp == 'careleaver':
            p.contacts = [('friend', f"{r.choice(FRIEND_F + FRIEND_M)} {r.choice(SURN)}", w.phone())]
        elif p.grp in ('mature', 'staff'):
            p.contacts = [('partner', f"{r.choice(REL_M if p.sex == 'F' else REL_F)} {p.surname}", w.phone())]
        else:
            p.contacts = [('mother', mum, w.phone())]
            if r.random() < 0.4:
                p.contacts.append(('father', dad, w.phone()))
        for _, nm, _ in p.contacts:
            w.related.add(nm)
    # (related names are checked against staff and people at the end of build)
    # siblings: two locals living at home -> handled with mature/family homes below
    # ------------------------------------------------------------ homes
    def new_home(**kw):
        h = dict(id=len(w.homes) + 1, residents=[], access=[], others=[])
        h.update(kw)
        w.homes.append(h)
        return h

    def halls_home(hall, p, year_round=False):
        info = HALLS[hall]
        while True:
            blk = r.choice(info['blocks'])
            flat = r.randrange(1, 13)
            room = r.randrange(1, 7)
            if (hall, blk, flat) not in used_flats:
                used_flats.add((hall, blk, flat))
                break
        if info['kind'] == 'corridor':
            label = f"Room {blk}{r.randrange(1, 4)}.{r.randrange(1, 30):02d}"
        elif info['kind'] == 'studio':
            label = f"Studio {r.randrange(1, 5)}{r.randrange(1, 20):02d}"
        else:
            label = f"Block {blk}, Flat {flat}, Room {room}"
        h = new_home(type='halls', hall=hall, label=label, blk=blk, flat=f"{blk}{flat}",
                     address=f"{label}, {hall}, {info['street']}, Wexcombe {info['pc']}",
                     postcode=info['pc'], code=w.code4() if info['code'] else '')
        h['residents'].append(p)
        return h

    houses = []
    used_flats = set()
    for p in ppl:
        g = p.grp
        if g == 'fresher':
            p.home = halls_home(r.choice(['Fenwick Court', 'Fenwick Court', "Tanner's Yard", 'Marlowe Hall']), p)
        elif g == 'pg':
            p.home = halls_home(r.choice(['Orchard Quarter', 'Riverside Studios', 'Orchard Quarter']), p)
        elif g in ('second', 'finalist'):
            if g == 'second':
                p.old_home = halls_home(r.choice(['Fenwick Court', "Tanner's Yard", 'Marlowe Hall']), p)
                p.old_home['residents'] = []
                p.old_home['old_of'] = p
            # join an existing house with space or make one
            cand = [h for h in houses if len(h['residents']) < (2 if len(houses) % 3 else 3) and r.random() < 0.35]
            if cand:
                h = cand[0]
            else:
                num = r.randrange(2, 120)
                st = r.choice(STREETS)
                h = new_home(type='house', label=f"{num} {st}", address=f"{num} {st}, Wexcombe WX{r.randrange(3, 6)} {r.randrange(1, 9)}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}",
                             code='', agent=r.choice(S['agent']))
                h['others'] = [f"{r.choice(FRIEND_F + FRIEND_M)} {r.choice(SURN)}" for _ in range(r.randrange(1, 4))]
                for o in h['others']:
                    w.related.add(o)
                houses.append(h)
            h['residents'].append(p)
            p.home = h
        elif g == 'careleaver':
            if r.random() < 0.5:
                p.home = halls_home('Riverside Studios', p, year_round=True)
            else:
                num = r.randrange(1, 60)
                st = r.choice(STREETS)
                p.home = new_home(type='ownflat', label=f"Flat {r.randrange(1, 12)}, {num} {st}",
                                  address=f"Flat {r.randrange(1, 12)}, {num} {st}, Wexcombe WX{r.randrange(1, 6)} {r.randrange(1, 9)}PL",
                                  code='')
                p.home['residents'].append(p)
        elif g in ('mature', 'staff'):
            town, pcx = r.choice(HOME_TOWNS)
            num = r.randrange(1, 200)
            st = r.choice(['Lark Rise', 'Moorside Close', 'Church Lane', 'Beech Avenue', 'Meadow Way', 'Kestrel Drive',
                           'Rowan Court', 'Station Road', 'Mill Lane'])
            p.home = new_home(type='family', label=f"{num} {st}", address=f"{num} {st}, {town} {pcx}{r.randrange(1, 20)} {r.randrange(1, 9)}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}", code='')
            p.home['residents'].append(p)
        else:  # leaver
            p.status = r.choice(['withdrawn', 'graduated', 'suspended', 'withdrawn', 'graduated', 'suspended', 'died'])
            p.old_home = halls_home(r.choice(['Fenwick Court', "Tanner's Yard", 'Marlowe Hall']), p)
            p.old_home['residents'] = []
            p.old_home['old_of'] = p
            town, pcx = r.choice(HOME_TOWNS)
            p.home = None  # back to parents far away / deceased / graduated: not tracked
            p.event_date = w.date_between(dt.date(2026, 1, 10), dt.date(2026, 7, 15))
            p.parent_town = town
    # ensure at most 2 deaths
    died = [p for p in ppl if p.status == 'died']
    for p in died[2:]:
        p.status = 'withdrawn'
    # sibling pair: two matures? make a local sibling pair from freshers/second: live at family home
    locals_ = [p for p in ppl if p.grp in ('fresher', 'second') and not p.intl and p not in (w.same_name or ())]
    w.siblings = None
    if len(locals_) >= 2:
        s1, s2 = locals_[0], locals_[-1]
        s2.surname = s1.surname
        s2.contacts = list(s1.contacts)
        town, pcx = 'Wexcombe', 'WX'
        num = r.randrange(1, 200)
        h = new_home(type='family', label=f"{num} Beaconsfield Road", address=f"{num} Beaconsfield Road, Wexcombe WX6 2RE", code='')
        for s in (s1, s2):
            if s.home:
                if s in s.home['residents']:
                    s.home['residents'].remove(s)
            s.home = h
            h['residents'].append(s)
            s.old_home = None
        w.siblings = (s1, s2)
    w.homes = [h for h in w.homes if h['residents'] or h.get('old_of')]
    w.houses = [h for h in houses if h['residents']]
    # ------------------------------------------------------------ access plans
    HIDE = ['under the plant pot by the front step', 'in the gas meter box at the side of the house',
            'taped under the lid of the green recycling bin', 'under the doormat', 'behind the loose brick left of the back door',
            'on a string inside the letterbox', 'in the little bird box on the fence', 'under the stone frog by the back door',
            'in the outside tap cupboard', 'on the ledge above the back door']
    for h in w.homes:
        if not h['residents'] or h.get('old_of'):
            continue
        acc = []
        t = h['type']
        roll = r.random()
        if t == 'halls':
            if h['code'] and roll < 0.45:
                acc.append(('code', h['code'], 'flat'))
            elif not h['code'] and roll < 0.08:
                acc.append(('hidden_key', 'key card left under the doormat outside the flat', 'halls'))
            if acc and r.random() < 0.12:
                fr = f"{r.choice(FRIEND_F + FRIEND_M)} {r.choice(SURN)}"
                w.related.add(fr)
                acc.append(('key_holder', fr, 'flatmate'))
        elif t == 'house':
            if roll < 0.35:
                acc.append(('code', w.code4(), r.choice(['keypad', 'keysafe'])))
            elif roll < 0.50:
                acc.append(('hidden_key', r.choice(HIDE), ''))
            elif roll < 0.58:
                acc.append(('left_open', '', ''))
            if r.random() < 0.15:
                acc.append(('key_holder', h.get('agent', {}).get('name') if r.random() < 0.5 and h.get('agent') else h['others'][0], 'agent' if r.random() < 0.5 else 'housemate'))
        elif t == 'ownflat':
            if roll < 0.35:
                acc.append(('code', w.code4(), 'entry'))
            elif roll < 0.55:
                fr = f"{r.choice(FRIEND_F + FRIEND_M)} {r.choice(SURN)}"
                w.related.add(fr)
                acc.append(('key_holder', fr, 'friend'))
            elif roll < 0.65:
                acc.append(('hidden_key', r.choice(HIDE), ''))
        elif t == 'family':
            if roll < 0.15:
                acc.append(('code', w.code4(), 'keysafe'))
            elif roll < 0.33:
                res = h['residents'][0]
                det = r.choice(['daughter', 'neighbour', 'sister', 'son'] if res.dob.year < 1992 else ['neighbour', 'sister', 'brother', 'neighbour'])
                relnm = f"{r.choice(REL_M if det in ('son', 'brother') else REL_F)} {res.surname if det != 'neighbour' else r.choice(SURN)}"
                w.related.add(relnm)
                acc.append(('key_holder', relnm, det))
            elif roll < 0.43:
                acc.append(('left_open', '', ''))
            elif roll < 0.52:
                acc.append(('hidden_key', r.choice(HIDE), ''))
        # fix key_holder tuple where agent chosen
        fixed = []
        for kind, val, det in acc:
            if kind == 'key_holder' and det == 'agent' and not h.get('agent'):
                det = 'housemate'
            if kind == 'key_holder' and det == 'agent':
                val = h['agent']['name']
            if kind == 'key_holder' and det == 'housemate':
                val = h['others'][0] if h['others'] else val
            fixed.append((kind, val, det))
        h['access'] = fixed
    # deceased: no current home; their records remain
    w.name_clash = sorted(w.related & (set(w.staff) | {p.fs for p in ppl}))
    return w


# ============================================================================ access phrases
def code_phrase(w, h, val, det, style=None):
    r = w.rng
    s = style if style is not None else r.randrange(6)
    if h['type'] == 'halls' and h['label'].startswith('Studio'):
        opts = [f"studio door code {val}", f"{h['label']} keypad: {val}", f"code for the studio door is {val}#",
                f"door code {val} ({h['label'].lower()})", f"entry code to {h['label']} - {val}", f"studio code {' '.join(val)}"]
    elif h['type'] == 'halls':
        opts = [f"flat door code {val}", f"Flat {h['flat']} entry keypad: {val}", f"code for the flat door is {val}#",
                f"door code {val} (flat {h['flat']})", f"entry code to Flat {h['flat']} - {val}",
                f"flat code {' '.join(val)}"]
    elif det == 'keysafe':
        opts = [f"key safe by the back door, code {val}", f"landlord's key box to the left of the porch - code {val}",
                f"keysafe {val} (on the wall by the bins)", f"key is in the key safe, code {val}",
                f"Key safe on the side wall: {val}", f"lock box code {val} - key for the front door inside"]
    elif det == 'entry':
        opts = [f"building entry code {val}", f"main door to the flats is {val}#", f"entry keypad {val} then second floor",
                f"communal door code {val}", f"code for the main entrance: {val}", f"street door keypad - {val}"]
    else:
        opts = [f"front door keypad {val}", f"house door code {val}", f"the code for the front door is {val}",
                f"keypad on front door - {val} then push hard", f"Door code: {val}", f"digital lock on the front door, {val}"]
    return opts[s % len(opts)]


def hidden_phrase(w, val, style=None):
    s = style if style is not None else w.rng.randrange(5)
    opts = [f"spare key is {val}", f"they keep a key {val}", f"key {val}", f"if no answer the spare is {val}",
            f"a spare key is kept {val}"]
    if val.startswith('key card'):
        return val
    return opts[s % len(opts)]


def holder_phrase(w, val, det, style=None):
    s = style if style is not None else w.rng.randrange(5)
    if det == 'agent':
        opts = [f"letting agent {val} (Brightside) holds a set of keys", f"keys also held by {val} at Brightside Student Lets",
                f"spare key with the agent, {val}", f"{val} from the lettings agency has a key"]
    elif det in ('daughter', 'son', 'sister', 'brother'):
        opts = [f"ring {det} {val} who lives next door - she has a key" if det in ('daughter', 'sister') else f"ring {det} {val} who lives next door - he has a key",
                f"{det} ({val}) holds a spare key and lives two doors down", f"Keyholder: {val} ({det}), {w.phone()}",
                f"spare key with {det} {val}"]
    elif det == 'neighbour':
        opts = [f"neighbour {val} at no. {w.rng.randrange(1, 90)} holds a spare key", f"Keyholder: {val} (neighbour), {w.phone()}",
                f"spare key with the neighbour, {val}", f"{val} next door has a key"]
    else:
        opts = [f"spare key with {det} {val}", f"{val} ({det}) has a spare key", f"Keyholder: {val} ({det}), {w.phone()}",
                f"{det} {val} keeps a key for emergencies"]
    return opts[s % len(opts)]


LEFT_OPEN = ["back door is left unlocked in the day - go round the side and let yourself in",
             "door is on the latch in the daytime, walk straight in",
             "just push the front door, they never lock it",
             "front door is usually left unlocked, let yourself in and call out",
             "door is always left open in the daytime - knock and go in",
             "side door is never locked, come in that way"]


def access_text(w, h, items=None, style=None):
    """Render a home's access items; returns (text, [(kind, value)])"""
    parts, got = [], []
    for kind, val, det in (items if items is not None else h['access']):
        if kind == 'code':
            parts.append(code_phrase(w, h, val, det, style))
            got.append(('code', val))
        elif kind == 'hidden_key':
            parts.append(hidden_phrase(w, val, style))
            got.append(('hidden_key', val))
        elif kind == 'key_holder':
            parts.append(holder_phrase(w, val, det, style))
            got.append(('key_holder', f"key held by {val}"))
        elif kind == 'left_open':
            t = LEFT_OPEN[(style if style is not None else w.rng.randrange(99)) % len(LEFT_OPEN)]
            parts.append(t)
            got.append(('left_open', t))
    return '; '.join(parts), got


NEAR = [
    "Counselling centre side door code changed to C{c} - do not give to students",
    "library locker PIN {c} written on {pos} planner (locker 2{d})",
    "security lodge key cabinet code is {c}, log every key out",
    "Wi-Fi for visitors: WEX-Guest, access code {c}{d}",
    "print release code {c}{d} for the wellbeing room printer",
    "Lab 2.14 door code {c}* (chemistry) - {pro} has been told not to work there alone",
    "exam candidate number {cand}",
    "module codes PSY{d}1{d} and PSY{d}0{d} - extension agreed",
    "Fenwick laundry room code {c} is the same for the whole block",
    "bike store code {c} (shared by all of the block)",
    "key worker at the council leaving-care team is {kw}",
    "Key dates: assessment deadline {kd}",
    "Key issues: sleep, isolation, deadlines",
    "security did a welfare entry with the master key; nothing to report about the room itself",
    "music practice room keypad {c}",
    "staff car park barrier code {c}",
    "she asked for the counselling waiting-room code; told her to ring the bell",
    "new room key issued from the lodge, old key deactivated",
    "SWDS office safe combination kept by the service manager only",
    "bank card PIN written in {pos} diary - advised to destroy it",
    "PEEP: wheelchair access via the ramp at the north entrance",
    "key fob for the sports centre lost - replaced at reception ({c2})",
    "ICD-10 F41.1 recorded on the referral",
    "RAG code amber on the engagement report",
    "no key safe at the property - {pro} lets people in {refl}",
    "locked the flat door behind us on leaving",
]


def near(w, p=None, k=None):
    r = w.rng
    t = NEAR[k if k is not None else r.randrange(len(NEAR))]
    pos = p.pron()[2] if p else 'her'
    pro = p.pron()[0] if p else 'she'
    refl = {'she': 'herself', 'he': 'himself', 'they': 'themselves'}[pro]
    return t.format(c=w.code4(), d=r.randrange(10), pos=pos, pro=pro, refl=refl, cand=f"{r.randrange(10000, 99999)}",
                    kw=f"{r.choice(REL_F)} {r.choice(STAFF_S)}" if False else 'the duty social worker',
                    kd=d_dmy(w.date_between(dt.date(2026, 12, 1), dt.date(2027, 1, 20))), c2=f"fob {r.randrange(100, 999)}")


# ============================================================================ writers
def write_pdf(path, title, text):
    lines = []
    import textwrap
    for para in text.split('\n'):
        if not para.strip():
            lines.append('')
            continue
        lines.extend(textwrap.wrap(para, 92) or [''])
    pages = [lines[i:i + 58] for i in range(0, len(lines), 58)] or [[]]

    def esc(s):
        s = s.encode('cp1252', 'replace').decode('latin-1')
        return s.replace('\\', '\\\\').replace('(', '\\(').replace(')', '\\)')
    objs = []
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = ' '.join(f"{3 + 2 * i} 0 R" for i in range(len(pages)))
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    font_id = 3 + 2 * len(pages)
    for i, pg in enumerate(pages):
        content = ['BT', '/F1 10 Tf', '13 TL', '50 800 Td']
        for ln in pg:
            content.append(f"({esc(ln)}) Tj T*")
        content.append('ET')
        stream = '\n'.join(content).encode('latin-1')
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 {font_id} 0 R >> >> /Contents {4 + 2 * i} 0 R >>".encode())
        objs.append(b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream")
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    info_id = len(objs) + 1
    objs.append(f"<< /Title ({esc(title)}) /Producer (SWDS casework export) >>".encode('latin-1'))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offs = []
    for i, o in enumerate(objs):
        offs.append(len(out))
        out += f"{i + 1} 0 obj\n".encode() + o + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for o in offs:
        out += f"{o:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R /Info {info_id} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    with open(path, 'wb') as f:
        f.write(out)


def rtf_escape(s):
    out = []
    for ch in s:
        if ch in '\\{}':
            out.append('\\' + ch)
        elif ch == '\n':
            out.append('\\par\n')
        elif ord(ch) > 127:
            out.append(f"\\u{ord(ch)}?")
        else:
            out.append(ch)
    return ''.join(out)


def write_rtf(path, text):
    body = rtf_escape(text)
    s = ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\n"
         "\\viewkind4\\uc1\\pard\\f0\\fs22 " + body + "\\par\n}")
    with open(path, 'w', encoding='ascii') as f:
        f.write(s)


def normalise_zip(data):
    """fixed timestamps inside an OOXML package, so a seed gives the same bytes"""
    import re
    import zipfile
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == 'docProps/core.xml':
                body = re.sub(rb'(<dcterms:(created|modified)[^>]*>)[^<]*', rb'\g<1>2026-11-27T12:00:00Z', body)
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 11, 27, 12, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            z.writestr(zi, body)
    return out.getvalue()


def _fix_file(path):
    with open(path, 'rb') as f:
        data = f.read()
    with open(path, 'wb') as f:
        f.write(normalise_zip(data))


def write_docx(path, blocks, header=None, footer=None):
    d = docx.Document()
    sec = d.sections[0]
    if header:
        sec.header.paragraphs[0].text = header
    if footer:
        sec.footer.paragraphs[0].text = footer
    for b in blocks:
        if isinstance(b, str):
            d.add_paragraph(b)
        elif b[0] == 'h':
            d.add_heading(b[1], level=b[2] if len(b) > 2 else 1)
        elif b[0] == 'table':
            rows = b[1]
            t = d.add_table(rows=len(rows), cols=max(len(x) for x in rows))
            t.style = 'Table Grid'
            for i, row in enumerate(rows):
                for j, cell in enumerate(row):
                    t.cell(i, j).text = str(cell)
    d.core_properties.author = 'SWDS'
    d.save(path)
    _fix_file(path)


def write_xlsx(path, sheets):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets:
        ws = wb.create_sheet(name[:31])
        for row in rows:
            ws.append(list(row))
    wb.save(path)
    _fix_file(path)


def xlsx_bytes(sheets):
    bio = io.BytesIO()
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets:
        ws = wb.create_sheet(name[:31])
        for row in rows:
            ws.append(list(row))
    wb.save(bio)
    return normalise_zip(bio.getvalue())


def docx_bytes(blocks):
    tmp = io.BytesIO()
    d = docx.Document()
    for b in blocks:
        if isinstance(b, str):
            d.add_paragraph(b)
        elif b[0] == 'table':
            rows = b[1]
            t = d.add_table(rows=len(rows), cols=max(len(x) for x in rows))
            for i, row in enumerate(rows):
                for j, cell in enumerate(row):
                    t.cell(i, j).text = str(cell)
    d.save(tmp)
    return normalise_zip(tmp.getvalue())


def csv_text(rows, delim=','):
    bio = io.StringIO()
    wr = csv.writer(bio, delimiter=delim, lineterminator='\r\n')
    for row in rows:
        wr.writerow(row)
    return bio.getvalue()


# ============================================================================ the share
class Share:
    def __init__(self, w, root):
        self.w = w
        self.root = root
        self.count = 0

    def path(self, rel):
        p = os.path.join(self.root, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        self.count += 1
        self.w.files.append(rel)
        return p

    def text(self, rel, text):
        with open(self.path(rel), 'w', encoding='utf-8', newline='\n') as f:
            f.write(text)

    def csv(self, rel, rows, delim=','):
        with open(self.path(rel), 'w', encoding='utf-8', newline='') as f:
            f.write(csv_text(rows, delim))

    def xlsx(self, rel, sheets):
        write_xlsx(self.path(rel), sheets)

    def docx(self, rel, blocks, header=None, footer=None):
        write_docx(self.path(rel), blocks, header, footer)

    def pdf(self, rel, title, text):
        write_pdf(self.path(rel), title, text)

    def rtf(self, rel, text):
        write_rtf(self.path(rel), text)

    def json(self, rel, obj):
        with open(self.path(rel), 'w', encoding='utf-8') as f:
            json.dump(obj, f, indent=2, ensure_ascii=False)

    def raw(self, rel, data):
        with open(self.path(rel), 'wb') as f:
            f.write(data)

    # ------------------------------------------------------------ truth bookkeeping
    def cover(self, *ps):
        for p in ps:
            self.w.covered.add(p.pid)

    def seen(self, rel, *ps):
        for p in ps:
            self.w.mentions.setdefault(p.pid, set()).add(rel)

    def grant(self, home, got, rel):
        """the record names every person living in `home` and gives these ways in"""
        for p in home['residents']:
            for kind, val in got:
                self.w.granted.setdefault(p.pid, []).append((kind, val, rel))
        home['rendered'] = home.get('rendered', 0) + 1


def sole(p):
    h = p.home
    return h is not None and len(h['residents']) == 1 and bool(h['access'])


def generate(root, truth_path, n=120, seed=1):
    w = build(n, seed)
    r = w.rng
    S = w.S
    sh = Share(w, root)
    ppl = w.people
    students = [p for p in ppl if p.grp != 'staff']
    staffp = [p for p in ppl if p.grp == 'staff']
    scale = n / 120.0

    def cnt(x):
        return max(1, round(x * scale))

    def pick(pool, k):
        pool = list(pool)
        r.shuffle(pool)
        return pool[:k]

    def st(role):
        return r.choice(S[role])

    def dd(a=dt.date(2025, 9, 15), b=NOW):
        return w.date_between(a, b)

    def recent(p):
        """a date at which the person is where the record says"""
        if p.home is None:
            return w.date_between(dt.date(2025, 10, 1), p.event_date or dt.date(2026, 6, 1))
        if p.grp in ('fresher', 'pg') or p.old_home is not None or p.year == 2026:
            return w.date_between(dt.date(2026, 9, 28), NOW)
        return dd(dt.date(2026, 1, 5))

    def where(p):
        if p.home is None:
            return p.old_home['address'] if p.old_home else 'home address'
        return p.home['address']

    def cond(p):
        return p.conds[0] if p.conds else 'low mood'

    def contact(p):
        c = p.contacts[0]
        return c

    order_name = {}

    def uni_name(p):
        """how the university's student record writes the name"""
        if p.intl and p.fam_first:
            return f"{p.surname.upper()} {p.forename}"
        return p.full

    GPNAME = 'Wexcombe University Health Centre'
    GPADDR = 'Wexcombe University Health Centre, Student Village, Campus Road, Wexcombe WX2 7HA'

    # ================================================================ STRUCTURED
    # --- GP registrations, one per intake year
    for yr in (2025, 2026):
        regs = [p for p in ppl if p.nhs and p.grp != 'staff' and (p.year == yr or (yr == 2025 and p.year < 2025))]
        rows = [['Registration date', 'NHS number', 'Surname', 'Forename(s)', 'Date of birth', 'Sex',
                 'Term-time address', 'Postcode', 'Mobile', 'Previous GP', 'Student number', 'Usual GP']]
        for p in regs:
            ry = p.year if p.year else yr
            rd = w.date_between(dt.date(ry, 9, 10), dt.date(ry, 10, 20))
            addr = (p.home if (p.home and p.year == yr and p.home['type'] == 'halls') else (p.old_home or p.home))
            a = addr['address'] if addr else ''
            fmt = d_dmy(p.dob) if yr == 2026 else d_iso(p.dob)
            rows.append([d_dmy(rd), p.nhs if yr == 2026 else nhs_spaced(p.nhs), p.surname.upper(),
                         ' '.join([p.forename] + p.middle), fmt, {'F': 'F', 'M': 'M', 'X': 'I'}[p.sex],
                         a.rsplit(',', 1)[0] if a else '', a.rsplit(' ', 2)[-2] + ' ' + a.rsplit(' ', 1)[-1] if a else '',
                         p.phone, r.choice(['Dr Okoro, Harland', 'Mill Lane Surgery', 'Oakfield Health Centre', 'overseas - none', 'The Elms Practice']),
                         p.sno, p.gp['name']])
            sh.cover(p)
        rel = f"GP/Registrations/new_registrations_{yr}-{(yr + 1) % 100}.csv"
        sh.csv(rel, rows)
        sh.seen(rel, *regs)

    # --- immunisation catch-up (XLSX)
    imm = [p for p in ppl if p.nhs and p.grp in ('fresher', 'second', 'careleaver', 'pg')]
    imm = pick(imm, min(len(imm), cnt(30)))
    rows = [['Immunisation catch-up list - MenACWY / MMR2 / HPV - freshers 2026'], [],
            ['Patient', 'DOB', 'NHS No', 'MenACWY', 'MMR', 'HPV', 'Invited', 'Notes']]
    for p in imm:
        rows.append([p.sfm(), d_mon(p.dob), nhs_spaced(p.nhs), r.choice(['Given', 'Due', 'Declined', 'Given']),
                     r.choice(['2 doses', '1 dose - MMR2 due', 'unknown - no records from home country', '2 doses']),
                     r.choice(['Complete', 'Not given', 'n/a', 'Dose 1 only']),
                     d_dmy(dd(dt.date(2026, 9, 20), dt.date(2026, 10, 30))),
                     r.choice(['', '', 'egg allergy - check', 'needle phobic, wants mum there', 'text sent x2'])])
        sh.cover(p)
    rel = 'GP/Immunisations/catch_up_freshers_2026.xlsx'
    sh.xlsx(rel, [('Catch-up', rows)])
    sh.seen(rel, *imm)

    # --- sexual health clinic (CSV, ; separated, as the clinic system writes it)
    shc = pick([p for p in students if p.nhs], cnt(12))
    rows = [['clinic_date', 'patient_surname', 'patient_forename', 'dob', 'nhs_no', 'reason', 'outcome', 'clinician']]
    for p in shc:
        rows.append([d_iso(recent(p)), p.surname, p.forename, d_iso(p.dob), p.nhs,
                     r.choice(['STI screen', 'contraception review', 'PrEP start', 'emergency contraception', 'chlamydia treatment', 'coil fitting']),
                     r.choice(['treated', 'results by text', 'follow up 3/12', 'referred to GUM']), st('nurse')['name']])
        sh.cover(p)
    rel = 'GP/Clinics/sexual_health_clinic_2026.csv'
    sh.csv(rel, rows, ';')
    sh.seen(rel, *shc)

    # --- travel clinic (XLSX)
    tr = pick([p for p in students if p.nhs], cnt(8))
    rows = [['Travel clinic bookings (fieldwork and year abroad)'],
            ['Name', 'Date of Birth', 'Student No', 'Destination', 'Vaccines', 'Malaria advice', 'Nurse']]
    for p in tr:
        rows.append([f"{p.forename} {p.surname}", d_long(p.dob), p.sno, r.choice(['Ghana (fieldwork)', 'Peru', 'India (elective)', 'Kenya', 'Vietnam']),
                     r.choice(['Typhoid, Hep A', 'Yellow fever, Typhoid', 'Hep A, Rabies x3', 'Cholera oral']),
                     r.choice(['Malarone', 'Doxycycline', 'n/a']), st('nurse')['name']])
        sh.cover(p)
    rel = 'GP/Clinics/travel_clinic_bookings.xlsx'
    sh.xlsx(rel, [('Bookings', rows)])
    sh.seen(rel, *tr)

    # --- eating-disorder pathway tracker (XLSX)
    edp = [p for p in students if 'ed' in p.services] or pick(students, 3)
    rows = [['ED pathway - shared care tracker (GP / SWDS / Beacon House)'], [],
            ['Name', 'NHS number', 'DOB', 'Dx', 'BMI (last)', 'Bloods', 'Weighed by', 'MARSIPAN risk', 'Beacon House status', 'SWDS lead']]
    for p in edp:
        ed = next((c for c in p.conds if c in ED), 'anorexia nervosa')
        rows.append([f"{p.surname}, {p.forename}", nhs_spaced(p.nhs) if p.nhs else 'not reg', d_dmy(p.dob), ed,
                     round(r.uniform(14.2, 19.5), 1), r.choice(['K+ 3.2 - repeat', 'normal', 'due']),
                     st('nurse')['name'], r.choice(['red', 'amber', 'green']),
                     r.choice(['accepted - day programme', 'waiting list', 'assessment booked', 'discharged to GP']), p.adviser['name']])
        if p.nhs:
            sh.cover(p)
    rel = 'GP/Eating disorders/ED_pathway_tracker.xlsx'
    sh.xlsx(rel, [('Tracker', rows)])
    sh.seen(rel, *edp)

    # --- halls welfare watch lists with flat codes (current year)
    for hall in ('Fenwick Court', "Tanner's Yard"):
        res = [p for p in ppl if p.home and p.home['type'] == 'halls' and p.home['hall'] == hall]
        if not res:
            continue
        rows = [[f"{hall} - Residence Life welfare watch list 2026/27 (RLA use only)"],
                ['Student', 'Student no', 'Block', 'Flat', 'Room', 'Flat door code', 'Concern', 'RLA', 'Last contact']]
        for p in res:
            h = p.home
            codes = [a for a in h['access'] if a[0] == 'code']
            code = codes[0][1] if codes else r.choice(['', 'fob', 'see lodge'])
            rows.append([p.known_full(), p.sno, h['blk'], h['flat'], h['label'].split('Room ')[-1], code,
                         r.choice(['homesick, not eating', 'panic attacks', 'not attending', 'flatmate conflict', 'alcohol',
                                   'low mood - SWDS aware', 'DSA - PEEP in place', 'self-harm disclosed to RLA']),
                         st('rla')['name'], d_dmy(recent(p))])
            if codes:
                sh.grant(h, [('code', code)], f"Accommodation/{hall} welfare watch list 2026-27.xlsx")
        rel = f"Accommodation/{hall} welfare watch list 2026-27.xlsx"
        near_rows = [['Block-wide codes (not flat codes)'], ['Laundry', w.code4()], ['Bike store', w.code4()],
                     ['Bin store', w.code4()]]
        sh.xlsx(rel, [('Watch list', rows), ('Block codes', near_rows)])
        sh.seen(rel, *res)

    # --- other halls list (no codes; card access)
    res = [p for p in ppl if p.home and p.home['type'] == 'halls' and p.home['hall'] in ('Marlowe Hall', 'Orchard Quarter', 'Riverside Studios')]
    rows = [['Hall', 'Room', 'Surname', 'First name', 'Known as', 'Student ID', 'Arrival', 'Notes']]
    for p in res:
        h = p.home
        note = ''
        acc = [a for a in h['access'] if a[0] == 'code']
        if h['hall'] == 'Riverside Studios' and acc:
            note = f"year-round licence; studio door code {acc[0][1]}"
            sh.grant(h, [('code', acc[0][1])], 'Accommodation/halls_other_residents_2026-27.csv')
        elif r.random() < 0.25:
            note = r.choice(['card access only - replacement card issued', 'key card lost x2', 'year-round licence',
                             'late arrival (visa)', 'accessible room - PEEP'])
        rows.append([h['hall'], h['label'], p.surname, p.forename if not p.fam_first else p.forename, p.preferred, p.sno,
                     d_dmy(dd(dt.date(2026, 9, 19), dt.date(2026, 10, 5))), note])
    rel = 'Accommodation/halls_other_residents_2026-27.csv'
    sh.csv(rel, rows)
    sh.seen(rel, *res)

    # --- last year's allocations (old rooms, no codes)
    olds = [p for p in ppl if p.old_home]
    rows = [['Allocation 2025/26', '', '', '', ''], ['Name', 'Hall', 'Room', 'Moved out', 'Deposit']]
    for p in olds:
        mo = p.event_date if p.event_date else dt.date(2026, 6, r.randrange(10, 28))
        rows.append([p.sf_upper(), p.old_home['hall'], p.old_home['label'], d_dmy(mo), r.choice(['returned', 'deduction - cleaning', 'held'])])
    rel = 'Accommodation/archive/allocations_2025-26_moveouts.csv'
    sh.csv(rel, rows)
    sh.seen(rel, *olds)

    # --- Brightside Student Lets tenant list (houses)
    rows = [['Property', 'Tenants', 'Lead tenant DOB', 'Contract', 'Access for contractors', 'Agent']]
    for h in w.houses:
        pres = h['residents']
        names = [p.full for p in pres] + h['others']
        r.shuffle(names)
        lead = pres[0]
        txt, got = access_text(w, h, style=r.randrange(6)) if h['access'] else (r.choice(['tenants to let in', 'arrange with lead tenant', 'keys at office']), [])
        rows.append([h['address'], '; '.join(names), f"{lead.full} {d_dmy(lead.dob)}", '01/09/2026 - 30/06/2027', txt, h['agent']['name']])
        if got:
            sh.grant(h, got, 'Accommodation/Private housing/Brightside_tenancies_2026-27.csv')
        sh.cover(lead)
    rel = 'Accommodation/Private housing/Brightside_tenancies_2026-27.csv'
    sh.csv(rel, rows)
    sh.seen(rel, *[p for h in w.houses for p in h['residents']])

    # --- care leavers and estranged students (XLSX)
    cl = [p for p in ppl if p.grp == 'careleaver']
    rows = [['Care leavers & estranged students - support register (CONFIDENTIAL)'],
            ['Surname', 'Forename', 'DOB', 'Student no', 'Status', 'Accommodation', 'Bursary', 'Named contact', 'Access / visiting notes']]
    for p in cl:
        h = p.home
        txt, got = (access_text(w, h) if h and h['access'] else ('', []))
        if not txt:
            txt = r.choice(['', 'prefers text before visits', near(w, p, 10), 'door buzzer broken - phone on arrival'])
        rows.append([p.surname.upper(), p.forename, d_dmy(p.dob), p.sno, r.choice(['care leaver', 'estranged', 'care leaver (UASC)']),
                     h['address'] if h else '', r.choice(['£2,000', '£3,000', '£1,500']), p.adviser['name'], txt])
        if got:
            sh.grant(h, got, 'Wellbeing/Registers/care_leavers_estranged_register.xlsx')
        sh.cover(p)
    rel = 'Wellbeing/Registers/care_leavers_estranged_register.xlsx'
    sh.xlsx(rel, [('Register', rows)])
    sh.seen(rel, *cl)

    # --- engagement extracts keyed by student number
    for term in ('T1_wk6', 'T1_wk9'):
        sel = pick([p for p in students if p.status == 'active'], cnt(40))
        rows = [['student_number', 'module', 'attendance_pct', 'vle_logins_14d', 'submissions_missed', 'rag', 'flagged_to']]
        for p in sel:
            rows.append([p.sno, f"{r.choice(['PSY', 'ENG', 'LAW', 'CSC', 'HIS', 'BIO', 'MEC'])}{r.randrange(1, 4)}0{r.randrange(10, 99)}",
                         r.randrange(0, 100), r.randrange(0, 40), r.randrange(0, 4), r.choice(['R', 'A', 'G', 'G']), p.tutor['name']])
        rel = f"Head office/Engagement/engagement_extract_{term}.csv"
        sh.csv(rel, rows)
        sh.seen(rel, *sel)

    # --- mailing list export
    ml = [p for p in students if p.status == 'active']
    rows = [['Email', 'First Name', 'Last Name', 'Mailing list', 'Subscribed']]
    for p in ml:
        rows.append([p.email, p.known(), p.surname, r.choice(['Disability Service updates', 'Wellbeing newsletter', 'DSA students']), d_iso(dd())])
    rel = 'Head office/mailing_list_export.csv'
    sh.csv(rel, rows)
    sh.seen(rel, *ml)

    # --- lost key log (security lodge)
    lk = pick([p for p in ppl if p.home and p.home['type'] == 'halls'], cnt(10))
    rows = [['Date', 'Time', 'Student', 'Hall / room', 'Item', 'Action', 'Officer']]
    for p in lk:
        rows.append([d_dmy(recent(p)), f"{r.randrange(0, 24):02d}:{r.randrange(60):02d}", f"{p.surname}, {p.initial}", p.home['label'] + ', ' + p.home['hall'],
                     r.choice(['room key', 'key card', 'flat fob', 'room key + fob']),
                     r.choice(['spare issued from lodge key cabinet - to return by 10am', 'lock change requested', 'card re-encoded, old card cancelled',
                               'let in by duty officer with master key', 'found in the lock - returned']), st('security')['name']])
    rel = 'Security/lost_key_log_2026.csv'
    sh.csv(rel, rows)
    sh.seen(rel, *lk)

    # --- OH referrals (staff)
    rows = [['Ref', 'Employee', 'Staff no', 'DOB', 'Job title', 'Referred by', 'Reason', 'Appointment', 'OH clinician']]
    for p in staffp:
        rows.append([f"OH-{r.randrange(1000, 9999)}", f"{p.title} {p.forename} {' '.join(p.middle) + ' ' if p.middle else ''}{p.surname}",
                     p.staffno, d_dmy(p.dob), p.job, st('hr')['name'], cond(p), d_dmy(dd(dt.date(2026, 2, 1))), S['oh'][0]['name']])
        sh.cover(p)
    rel = 'Occupational health/OH_referrals_2026.csv'
    sh.csv(rel, rows)
    sh.seen(rel, *staffp)

    # --- DSA tracker
    dsa = [p for p in students if 'disability' in p.services]
    rows = [['DSA applications 2025-27'], [],
            ['Student', 'SID', 'DoB', 'Condition(s)', 'SFE ref', 'Needs assessment', 'Assessor', 'Equipment', 'Mentor', 'Status']]
    for p in dsa:
        rows.append([f"{p.forename}{p.mid_init} {p.surname}", p.sno, d_dots(p.dob), ', '.join(c for c in p.conds if c in DIS) or cond(p),
                     f"SFE{r.randrange(10000000, 99999999)}", d_dmy(dd()), st('assessor')['name'],
                     r.choice(['laptop + Read&Write', 'ergonomic chair', 'Dragon, digital recorder', 'none']), p.mentor['name'],
                     r.choice(['approved', 'awaiting SFE', 'report sent', 'equipment delivered'])])
        sh.cover(p)
    rel = 'Disability/DSA_tracker.xlsx'
    sh.xlsx(rel, [('DSA', rows)])
    sh.seen(rel, *dsa)

    # --- mentor and note-taker rotas
    for kind in ('mentoring', 'note-taking'):
        sel = pick(dsa, min(len(dsa), cnt(16))) if dsa else pick(students, 8)
        rows = [['Week', 'Day', 'Time', 'Student', 'Support worker', 'Room', 'Notes']]
        for p in sel:
            room = r.choice(['Library group room 3', 'SWDS room 1.04', 'Teams', 'Lecture theatre B'])
            note = r.choice(['', '', near(w, p, 1), near(w, p, 4), 'key dates in calendar', 'prefers Teams'])
            rows.append([f"wk {r.randrange(1, 12)}", r.choice(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']), f"{r.randrange(9, 17)}:00",
                         p.known_full() if kind == 'mentoring' else f"{p.surname.upper()} {p.initial}",
                         p.mentor['name'] if kind == 'mentoring' else st('notetaker')['name'], room, note])
        rel = f"Disability/Rotas/{kind}_rota_T1_2026.xlsx"
        sh.xlsx(rel, [('Rota', rows)])
        sh.seen(rel, *sel)

    # --- HL7 v2 referrals to the MH trust and hospital ADT
    def pid_seg(p, i=1):
        addr = where(p)
        parts = addr.split(', ')
        last = parts[-1].split(' ')
        city, pc = ' '.join(last[:-2]), ' '.join(last[-2:])
        a = [', '.join(parts[:-1][:2]), ', '.join(parts[:-1][2:])]
        ident = f"{p.nhs}^^^NHS^NH~{p.sno}^^^WEXUNI^PI" if p.nhs else f"{p.sno}^^^WEXUNI^PI"
        return (f"PID|{i}||{ident}||{p.hl7()}||{d_hl7(p.dob)}|{'F' if p.sex == 'F' else 'M' if p.sex == 'M' else 'U'}|||"
                f"{a[0]}^{a[1]}^{city}^^{pc}||{p.phone}")

    hl7_people = [p for p in students if p.nhs]
    groups = [pick(hl7_people, cnt(5)) for _ in range(3)]
    for gi, grp in enumerate(groups):
        msgs = []
        for p in grp:
            ts = recent(p)
            gp = p.gp
            cid = f"{r.randrange(10**9, 10**10)}"
            kind = ['REF^I12', 'REF^I12', 'ADT^A03'][gi]
            m = [f"MSH|^~\\&|EMIS|CASTLEGATE|{'RIO' if gi < 2 else 'PAS'}|{'WHMHT' if gi < 2 else 'WRI'}|{d_hl7(ts)}1030||{kind}|{cid}|P|2.4",
                 f"EVN||{d_hl7(ts)}1030", pid_seg(p)]
            c = contact(p)
            m.append(f"NK1|1|{c[1].split()[-1].upper()}^{c[1].split()[0]}|{'MTH' if c[0] == 'mother' else 'FTH' if c[0] == 'father' else 'FND' if c[0] == 'friend' else 'SPO'}^{c[0]}||{c[2]}")
            if gi < 2:
                m.append(f"PV1|1|O|||||{gp['sn'].upper()}^{gp['fn']}^^^Dr|||||||||||{cid[:6]}")
                m.append(f"RF1|A|R|{'Psych' if gi == 0 else 'EIP'}|||{cid[:8]}|{d_hl7(ts)}")
                m.append(f"PRD|RP|{gp['sn'].upper()}^{gp['fn']}^^^Dr|{GPNAME}")
                txt = (f"{p.title} {p.surname} is a {p.course} student, {p.pron()[0]} presents with {cond(p)}. "
                       f"Lives in {(p.home.get('hall') or p.home['label']) if p.home else 'student accommodation'}. Seen by SWDS ({p.adviser['name']}). "
                       f"PHQ-9 {r.randrange(10, 27)}, GAD-7 {r.randrange(8, 21)}. Please assess.")
                m.append(f"OBX|1|TX|REASON^Reason for referral||{txt}")
            else:
                doc = st('hosp')
                m.append(f"PV1|1|I|AMU^Bay 3^Bed 4^WRI||||{doc['sn'].upper()}^{doc['fn']}^^^Dr|||||||||||{cid[:7]}|||||||||||||||||||||||||{d_hl7(ts)}0210|{d_hl7(ts + dt.timedelta(days=r.randrange(1, 5)))}1500")
                m.append(f"DG1|1||{r.choice(['T42.4', 'T39.1', 'E10.1', 'G40.9', 'R55'])}^{r.choice(['overdose', 'DKA', 'seizure', 'collapse'])}^I10")
                m.append(f"NTE|1||Discharged back to {(p.home.get('hall') or p.home['label']) if p.home else 'parents'}; SWDS informed.")
            msgs.append('\r'.join(m))
            sh.cover(p)
        rel = f"GP/Referrals/{['mht_referrals_outbound', 'eip_referrals', 'wri_discharges_inbound'][gi]}_{gi + 1}.hl7"
        with open(sh.path(rel), 'w', encoding='utf-8', newline='') as f:
            f.write('\r\n'.join(msgs) + '\r\n')
        sh.seen(rel, *grp)

    # --- FHIR JSON
    def fhir_patient(p, i):
        res = {"resourceType": "Patient", "id": f"pt{i}",
               "identifier": ([{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": p.nhs}] if p.nhs else []) +
                             [{"system": "https://wexcombe.ac.uk/Id/student-number", "value": p.sno}],
               "name": [{"use": "official", "family": p.surname, "given": [p.forename] + p.middle}],
               "gender": {'F': 'female', 'M': 'male', 'X': 'other'}[p.sex], "birthDate": d_iso(p.dob),
               "telecom": [{"system": "phone", "value": p.phone}, {"system": "email", "value": p.email}]}
        if p.preferred:
            res["name"].append({"use": "usual", "family": p.surname, "given": [p.preferred]})
        if p.home:
            res["address"] = [{"use": "temp", "text": p.home['address']}]
        return res

    for fi, (title, svc) in enumerate([('eating_disorder_referrals', 'Beacon House Eating Disorders Service'),
                                       ('cmht_referrals', 'Wexcombe Central CMHT'),
                                       ('immunisations_bundle', None)]):
        sel = pick([p for p in students if p.nhs], cnt(5))
        entries = []
        for i, p in enumerate(sel):
            entries.append({"fullUrl": f"urn:uuid:pt{fi}{i}", "resource": fhir_patient(p, f"{fi}{i}")})
            gp = p.gp
            if svc:
                entries.append({"fullUrl": f"urn:uuid:sr{fi}{i}", "resource": {
                    "resourceType": "ServiceRequest", "status": "active", "intent": "order",
                    "subject": {"reference": f"urn:uuid:pt{fi}{i}"},
                    "requester": {"display": f"Dr {gp['name']}"},
                    "performer": [{"display": svc}],
                    "reasonCode": [{"text": cond(p) if svc.startswith('Wex') else next((c for c in p.conds if c in ED), 'restrictive eating')}],
                    "note": [{"text": f"Student at Wexcombe, {p.course}. Lives {where(p).split(',')[0]}. Mum {contact(p)[1]} aware." if contact(p)[0] == 'mother' else f"Student, {p.course}."}],
                    "authoredOn": d_iso(recent(p))}})
            else:
                entries.append({"fullUrl": f"urn:uuid:im{fi}{i}", "resource": {
                    "resourceType": "Immunization", "status": "completed",
                    "vaccineCode": {"text": r.choice(['MenACWY', 'MMR', 'HPV', 'Td/IPV'])},
                    "patient": {"reference": f"urn:uuid:pt{fi}{i}"},
                    "occurrenceDateTime": d_iso(dd(dt.date(2026, 9, 20))),
                    "performer": [{"actor": {"display": st('nurse')['name']}}]}})
            sh.cover(p)
        entries.append({"fullUrl": "urn:uuid:prac", "resource": {"resourceType": "Practitioner",
                        "name": [{"family": S['gp'][0]['sn'], "given": [S['gp'][0]['fn']], "prefix": ["Dr"]}]}})
        rel = f"GP/Referrals/{title}.json"
        sh.json(rel, {"resourceType": "Bundle", "type": "collection", "entry": entries})
        sh.seen(rel, *sel)

    # --- case-management exports (JSON and XML)
    cm = [p for p in students if p.services & {'wellbeing', 'counselling'}]
    halves = [cm[::2], cm[1::2]]
    for hi, part in enumerate(halves):
        cases = []
        for p in part:
            notes = []
            for _ in range(r.randrange(1, 3)):
                notes.append({"date": d_iso(recent(p)), "author": p.adviser['name'],
                              "text": r.choice([f"Check-in call. {p.known()} reports {cond(p)} worse with deadlines.",
                                                f"Discussed extenuating circumstances for {r.choice(['PSY2031', 'LAW1004', 'CSC2011'])}.",
                                                f"Tutor {p.tutor['name']} raised attendance. Email sent.",
                                                f"Risk reviewed - {r.choice(['low', 'medium', 'high'])}. Safety plan updated.",
                                                f"{near(w, p)}."])})
            c = contact(p)
            cases.append({"caseId": f"SWDS-{r.randrange(10000, 99999)}",
                          "student": {"studentNumber": p.sno,
                                      "legalName": {"first": p.forename, "middle": ' '.join(p.middle), "last": p.surname},
                                      "preferredName": p.preferred or None,
                                      "dateOfBirth": d_iso(p.dob) if hi == 0 else d_dmy(p.dob),
                                      "course": p.course, "termAddress": where(p) if p.home else None},
                          "status": p.status, "riskLevel": r.choice(['low', 'medium', 'high']),
                          "presenting": p.conds, "caseworker": p.adviser['name'],
                          "contacts": [{"name": c[1], "relationship": c[0], "phone": c[2]}],
                          "notes": notes})
            sh.cover(p)
        rel = f"Head office/CaseLink export/caselink_cases_{hi + 1}.json"
        sh.json(rel, {"exported": "2026-11-26T17:02:11Z", "system": "CaseLink 4.2", "cases": cases})
        sh.seen(rel, *part)
    # XML exports: disability service
    for xi in range(2):
        sel = dsa[xi::2]
        out = ['<?xml version="1.0" encoding="UTF-8"?>', '<DisabilityCaseExport service="SWDS" generated="2026-11-26">']
        for p in sel:
            def x(s):
                return str(s).replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
            out.append('  <Student>')
            out.append(f"    <StudentNumber>{p.sno}</StudentNumber>")
            out.append(f"    <Surname>{x(p.surname)}</Surname>")
            out.append(f"    <Forenames>{x(' '.join([p.forename] + p.middle))}</Forenames>")
            if p.preferred:
                out.append(f"    <KnownAs>{x(p.preferred)}</KnownAs>")
            out.append(f"    <DateOfBirth>{d_iso(p.dob)}</DateOfBirth>")
            if p.nhs and xi == 0:
                out.append(f"    <NHSNumber>{p.nhs}</NHSNumber>")
            out.append(f"    <Conditions>{x('; '.join(p.conds))}</Conditions>")
            out.append(f"    <Adviser>{x(p.da['name'])}</Adviser>")
            out.append(f"    <Adjustments>{x(r.choice(['25% extra time; rest breaks', 'separate room; PC', 'reader; 50% extra time', 'alternative assessment']))}</Adjustments>")
            out.append('  </Student>')
            sh.cover(p)
        out.append('</DisabilityCaseExport>')
        rel = f"Disability/exports/disability_cases_{xi + 1}.xml"
        sh.text(rel, '\n'.join(out) + '\n')
        sh.seen(rel, *sel)

    w.sh = sh
    w.helpers = dict(pick=pick, st=st, dd=dd, recent=recent, where=where, cond=cond, contact=contact, cnt=cnt,
                     uni_name=uni_name, GPNAME=GPNAME, GPADDR=GPADDR)
    return w


def generate_text(w):
    r = w.rng
    S = w.S
    sh = w.sh
    H = w.helpers
    pick, st, dd, recent, where, cond, contact, cnt = (H[k] for k in ('pick', 'st', 'dd', 'recent', 'where', 'cond', 'contact', 'cnt'))
    GPNAME, GPADDR = H['GPNAME'], H['GPADDR']
    ppl = w.people
    students = [p for p in ppl if p.grp != 'staff']
    staffp = [p for p in ppl if p.grp == 'staff']
    active_home = [p for p in students if p.home is not None]

    def old_code_line(p):
        if p.status == 'died':
            return ''
        if p.old_home and p.old_home.get('code') and p.event_date:
            return (f"{p.known()} left {p.old_home['hall']} ({p.old_home['label']}) on {d_dmy(p.event_date)} ({p.status}); "
                    f"flat code {p.old_home['code']} was changed when the room was re-let.")
        if p.old_home and p.old_home.get('code'):
            return (f"{p.known()} moved out of {p.old_home['hall']} ({p.old_home['label']}) in the summer - "
                    f"the old flat code {p.old_home['code']} was changed at changeover, so ignore it on the old sheet.")
        if p.old_home:
            return f"No longer at {p.old_home['hall']}; now at {where(p).split(',')[0] if p.home else 'home'}."
        return ''

    # ================================================================ FREE TEXT
    # --- counselling session notes (one file per client, sessions separated)
    cl = pick([p for p in students if 'counselling' in p.services], cnt(8))
    for p in cl:
        c = p.counsellor
        start = recent(p) - dt.timedelta(days=42)
        parts = [f"CLIENT: {p.known_full()}    Student no: {p.sno}    Counsellor: {c['name']}",
                 f"Presenting: {', '.join(p.conds)}", '']
        if r.random() < 0.5:
            parts.insert(1, f"Intake: DOB {d_dmy(p.dob)} (legal name {p.full})" if p.preferred else f"Intake: {p.full}, DOB {d_dmy(p.dob)}")
            sh.cover(p)
        for si in range(r.randrange(2, 5)):
            d = start + dt.timedelta(days=7 * si)
            lines = [f"Session {si + 1} - {d_dmy(d)}"]
            lines.append(r.choice([
                f"{p.known()} arrived late, apologetic. Talked about {p.pron()[2]} {contact(p)[0]} and the pressure to stay on the course.",
                f"CORE-10 score {r.randrange(12, 34)}. Reports sleeping 3-4 hours. Not eating breakfast or lunch most days.",
                f"Explored the panic episode in the library last Tuesday. Grounding techniques practised in session.",
                f"Disclosed thoughts of ending {p.pron()[2]} life last weekend, no plan, protective factors: {p.pron()[2]} {contact(p)[0]} and {p.pron()[2]} cat at home.",
                f"Talked about the break-up with {r.choice(FRIEND_F + FRIEND_M)} and the flat being tense since.",
                f"Discussed key issues for the coming weeks: deadlines, money, going home at Christmas.",
            ]))
            if si == 1 and r.random() < 0.4:
                lines.append(near(w, p, r.choice([0, 1, 6, 10, 11, 12, 16])))
            if si == 1 and sole(p) and r.random() < 0.35:
                txt, got = access_text(w, p.home)
                lines.append(f"Safety plan: if {p.known()} doesn't answer, {txt}.")
                sh.grant(p.home, got, f"Counselling/Session notes/{p.known()} {p.surname[0]} {p.sno}.txt")
            lines.append(f"Plan: {r.choice(['continue weekly', 'review in 2 weeks', 'refer to GP re meds', 'liaise with mental health adviser'])}.")
            parts.append('\n'.join(lines))
            parts.append('---')
        ol = old_code_line(p)
        if ol and r.random() < 0.5:
            parts.append(ol)
        rel = f"Counselling/Session notes/{p.known()} {p.surname[0]} {p.sno}.txt"
        sh.text(rel, '\n'.join(parts) + '\n')
        sh.seen(rel, p)

    # --- security incident logs
    for month in [(2026, 1), (2026, 3), (2026, 5), (2026, 9), (2026, 10), (2026, 11)]:
        lines = [f"CAMPUS SECURITY - OCCURRENCE LOG - {MONTHS[month[1] - 1].upper()} {month[0]}", '=' * 60]
        m0 = dt.date(month[0], month[1], 1)
        current = month >= (2026, 9)
        if current:
            pool = [p for p in ppl if p.home and p.home['type'] == 'halls']
        else:
            pool = [p for p in ppl if p.old_home or (p.home and p.home['type'] == 'halls' and p.grp in ('pg', 'careleaver'))]
        sel = pick(pool, min(len(pool), cnt(7)))
        for p in sel:
            d = m0 + dt.timedelta(days=r.randrange(27))
            t = f"{r.randrange(0, 24):02d}:{r.randrange(60):02d}"
            off = st('security')
            h = p.home if current or (p.home and not p.old_home) else p.old_home
            loc = f"{h['hall']} {h['label']}" if h and h.get('hall') else 'campus'
            who = r.choice([f"student {p.sno}", f"{p.surname.upper()}, {p.forename} ({p.sno})", f"{p.known_full()}",
                            f"{p.title} {p.surname}"])
            ev = r.choice([
                f"Call from flatmate: {who} found unwell in room, drowsy, empty packets. Ambulance called {t}, crew arrived {t[:2]}:{(int(t[3:]) + 14) % 60:02d}. Conveyed to WRI.",
                f"Welfare request from SWDS: {who} not seen for 6 days. Officer knocked, no answer, welfare entry with master key. Student asleep, OK. RLA informed.",
                f"Noise complaint. Party in flat. {who} intoxicated, vomiting, put in recovery position by flatmates. Monitored.",
                f"{who} attended lodge distressed, said {p.pron()[0]} had taken 10 paracetamol. First aid, ambulance called.",
                f"Fire alarm activation - burnt toast. {who} has PEEP (mobility) - evacuated with buddy as per plan.",
                f"{who} locked out, no key. ID checked, let in with master key. Reminded about spare from lodge key cabinet.",
                f"Seizure reported in corridor outside {loc}. {who} known epileptic per PEEP. Recovered, declined ambulance.",
            ])
            entry = f"{d_dmy(d)} {t} | {off['name']} | {loc} | {ev}"
            if current and p.home and p.home['type'] == 'halls' and sole(p) and any(a[0] == 'code' for a in p.home['access']) and r.random() < 0.45:
                code = [a for a in p.home['access'] if a[0] == 'code'][0][1]
                entry += f" Crew given flat door code {code} so they could get straight up."
                sh.grant(p.home, [('code', code)], f"Security/Occurrence log {month[0]}-{month[1]:02d}.log")
            elif r.random() < 0.3:
                entry += ' ' + near(w, p, r.choice([2, 13, 17, 8]))
            lines.append(entry)
            lines.append('-' * 60)
        rel = f"Security/Occurrence log {month[0]}-{month[1]:02d}.log"
        sh.text(rel, '\n'.join(lines) + '\n')
        sh.seen(rel, *sel)

    # --- residence-life welfare visits (halls and off-campus houses)
    rl_files = [('Fenwick Court', 'T1'), ("Tanner's Yard", 'T1'), ('Marlowe Hall', 'T1'), ('off-campus houses', 'T1')]
    for hall, term in rl_files:
        if hall == 'off-campus houses':
            homes = [h for h in w.houses]
            homes = pick(homes, min(len(homes), cnt(8)))
            lines = [f"Residence Life - off-campus welfare visits - {term} 2026", '']
            for h in homes:
                rla = st('rla')
                names = ', '.join(p.known_full() for p in h['residents'])
                d = dd(dt.date(2026, 10, 1))
                txt = f"{d_dmy(d)} - {rla['name']} - {h['label']}: visited {names}"
                if len(h['residents']) > 1:
                    txt += ' (housemates)'
                txt += '. ' + r.choice(['House cold, damp in back bedroom - landlord told.', 'All OK, one housemate struggling with money.',
                                       'Bins not collected, mice. Referred to Brightside.', 'Quiet, nobody answered at first.'])
                if h['access'] and r.random() < 0.6:
                    at, got = access_text(w, h)
                    txt += f" Note for next visit: {at}."
                    sh.grant(h, got, f"Residence life/Welfare visits {hall} {term}.txt")
                for p in h['residents']:
                    if p.old_home and r.random() < 0.4:
                        txt += ' ' + old_code_line(p)
                lines.append(txt)
                lines.append('')
                sh.seen(f"Residence life/Welfare visits {hall} {term}.txt", *h['residents'])
        else:
            res = [p for p in ppl if p.home and p.home.get('hall') == hall]
            res = pick(res, min(len(res), cnt(8)))
            lines = [f"RESIDENCE LIFE WELFARE VISITS - {hall.upper()} - {term} 2026/27", '']
            for p in res:
                rla = st('rla')
                d = recent(p)
                h = p.home
                txt = f"{d_dmy(d)} {rla['name']}: {h['label']}. {p.known()} "
                txt += r.choice(['seemed flat, room very untidy, bins overflowing. Encouraged to see SWDS.',
                                 'fine, settling in, joined the climbing club.',
                                 'in tears - homesick, not been to lectures for two weeks. Referral to wellbeing.',
                                 'not in. Flatmates say not seen since Sunday. Left card, told duty warden.',
                                 'asked about moving rooms (flatmate conflict). Passed to accommodation office.'])
                if sole(p) and r.random() < 0.45:
                    at, got = access_text(w, h)
                    txt += f" ({at})"
                    sh.grant(h, got, f"Residence life/Welfare visits {hall} {term}.txt")
                elif r.random() < 0.35:
                    txt += ' ' + near(w, p, r.choice([8, 9, 13, 17, 25]))
                lines.append(txt)
                lines.append('')
            rel = f"Residence life/Welfare visits {hall} {term}.txt"
            sh.seen(rel, *res)
        sh.text(f"Residence life/Welfare visits {hall} {term}.txt", '\n'.join(lines) + '\n')

    # --- welfare-check requests (individual)
    wc = pick(active_home, cnt(4))
    for p in wc:
        tutor = p.tutor
        d = recent(p)
        c = contact(p)
        body = [f"WELFARE CHECK REQUEST", f"Date: {d_dmy(d)}", f"Requested by: {r.choice([tutor['name'] + ' (personal tutor)', c[1] + ' (' + c[0] + ')'])}",
                f"Student: {p.known_full()} ({p.sno})", f"Address: {where(p)}", '',
                f"Reason: not seen for a week, missed two seminars and the {r.choice(['PSY2031', 'LAW2002', 'BIO1120'])} test, not answering {p.pron()[2]} phone. "
                f"{c[0].capitalize()} ({c[1]}, {c[2]}) rang the SWDS duty line worried."]
        if sole(p):
            at, got = access_text(w, p.home)
            body.append(f"{c[0].capitalize()} says: {at}.")
            sh.grant(p.home, got, f"Wellbeing/Welfare checks/welfare_check_{p.sno}.txt")
        else:
            body.append(r.choice(['Security to attend with RLA; master key if no answer.', near(w, p, 13)]))
        body.append(f"Outcome: {r.choice(['found safe, unwell with flu', 'found in room, low, agreed SWDS appt next day', 'not at address - at partner' + chr(39) + 's; phoned', 'taken to A&E by RLA'])}")
        rel = f"Wellbeing/Welfare checks/welfare_check_{p.sno}.txt"
        sh.text(rel, '\n'.join(body) + '\n')
        sh.seen(rel, p)

    # --- GP consultation notes
    gpn = pick([p for p in students if p.nhs], cnt(5))
    for p in gpn:
        gp = p.gp
        d = recent(p)
        t = (f"{GPNAME} - consultation\n{p.sf_upper()}  DOB {d_mon(p.dob)}  NHS {nhs_spaced(p.nhs)}\n"
             f"Seen {d_dmy(d)} by Dr {gp['name']}\n\n"
             f"Hx: {r.choice(['4/52 low mood, anhedonia, poor sleep', 'sore throat 5/7, fever', 'palpitations before exams', 'weight loss 6kg over term, restricting', 'request for sick note - missed exam', 'hearing voices 2/52, smoking cannabis daily'])}.\n"
             f"Background: {', '.join(p.conds)}.\nO/E: {r.choice(['alert, good eye contact', 'BMI 16.4, HR 48', 'tonsils enlarged, exudate', 'tearful, flat affect'])}.\n"
             f"Plan: {r.choice(['sertraline 50mg, review 2/52', 'pen V 500mg qds 10/7', 'refer CMHT routine', 'urgent EIP referral', 'bloods, ECG, weekly weights with PN', 'fit note 2/52 for university'])}. "
             f"Safety-netted. {r.choice(['Consent to share with SWDS.', 'Does not want parents told.', 'Mum in consultation.'])}\n")
        rel = f"GP/Consultations/{p.surname}_{p.forename.split()[0]}_{d_iso(d)}.txt"
        sh.text(rel, t)
        sh.cover(p)
        sh.seen(rel, p)

    # --- incident reports (serious incidents incl. deaths)
    died = [p for p in ppl if p.status == 'died']
    inc = died + pick([p for p in active_home if p not in died], max(0, cnt(3) - len(died)))
    for p in inc:
        if p.status == 'died':
            d = p.event_date
            t = (f"# Serious incident report - death of a student\n\n**Student:** {p.full} ({p.sno}), DOB {d_long(p.dob)}\n"
                 f"**Date:** {d_long(d)}\n**Location:** {p.old_home['hall'] if p.old_home else 'off campus'}, {p.old_home['label'] if p.old_home else ''}\n\n"
                 f"## Summary\nFlatmates raised concern at 09:40 that {p.known()} had not been seen since the previous evening. "
                 f"Security ({st('security')['name']}) made a welfare entry with the master key at 10:05 and found {p.pron()[1]} unresponsive. "
                 f"Paramedics confirmed death at 10:31. Police attended; not treated as suspicious.\n\n"
                 f"## Known to services\nSWDS ({p.adviser['name']}) since {d_mon(d - dt.timedelta(days=120))}: {', '.join(p.conds)}. Campus GP: Dr {p.gp['name']}.\n"
                 f"Next of kin: {contact(p)[1]} ({contact(p)[0]}) informed by police.\n\n## Actions\n- Postvention support to flat and course\n- Suicide-safer review meeting\n- Records frozen for coroner\n")
            sh.cover(p)
        else:
            d = recent(p)
            t = (f"# Incident report\n\nRef IR-{r.randrange(1000, 9999)}  Date {d_dmy(d)}\n\n"
                 f"Student {p.known_full()} ({p.sno}) {r.choice(['disclosed an overdose to the RLA', 'was found in a distressed state on the roof terrace of the library', 'collapsed in the sports centre'])}. "
                 f"Ambulance called. Taken to Wexcombe Royal Infirmary.\n\nStaff involved: {st('rla')['name']}, {st('security')['name']}.\n\n"
                 f"{near(w, p, r.choice([2, 13, 14, 15]))}.\n")
        rel = f"Head office/Incidents/IR_{d_iso(d)}_{p.sno}.md"
        sh.text(rel, t)
        sh.seen(rel, p)

    # --- crisis plans
    cp = pick([p for p in active_home if p.services & {'wellbeing', 'counselling'}], cnt(4))
    for p in cp:
        c = contact(p)
        lines = [f"CRISIS AND SAFETY PLAN", f"Name: {p.full}" + (f" (known as {p.preferred})" if p.preferred else ''),
                 f"DOB: {d_long(p.dob)}", f"Student number: {p.sno}", f"Lives: {where(p)}", '',
                 f"My warning signs: not getting out of bed, stopping eating, {r.choice(['cutting', 'drinking alone', 'not replying to messages'])}",
                 f"Things that help: {r.choice(['walking by the river', 'ringing my mum', 'music', 'the climbing wall'])}",
                 f"People I can contact: {c[1]} ({c[0]}) {c[2]}; Samaritans 116 123; SWDS duty {S['mha'][0]['name']}",
                 f"Professionals: GP Dr {p.gp['name']}; adviser {p.adviser['name']}"]
        if sole(p) and r.random() < 0.6:
            at, got = access_text(w, p.home)
            lines.append(f"If I can't be contacted: {at}.")
            sh.grant(p.home, got, f"Wellbeing/Crisis plans/crisis_plan_{p.surname}_{p.sno}.txt")
        else:
            lines.append(f"If I can't be contacted: ask security to do a welfare check.")
        rel = f"Wellbeing/Crisis plans/crisis_plan_{p.surname}_{p.sno}.txt"
        sh.text(rel, '\n'.join(lines) + '\n')
        sh.cover(p)
        sh.seen(rel, p)

    # --- suicide-safer protocol notes (multi-student, sections)
    for k in range(2):
        sel = pick([p for p in students if p.services & {'wellbeing', 'counselling'} and p.status in ('active', 'died')], cnt(4))
        d = dd(dt.date(2026, 10, 1))
        lines = [f"SUICIDE-SAFER PROTOCOL - case review meeting {d_long(d)}",
                 f"Present: {S['head'][0]['name']}, {S['mha'][0]['name']}, {S['mha'][1]['name']}, {st('warden')['name']}, Dr {st('gp')['name']}",
                 '']
        for p in sel:
            lines.append('***')
            lines.append(f"{p.known_full()} - {p.sno} - {p.course}")
            lines.append(f"Risk: {r.choice(['high', 'medium', 'medium', 'low'])}. {', '.join(p.conds)}. "
                         f"{r.choice(['Recent attempt (OD) in ' + MONTHS[r.randrange(12)] + '.', 'Ideation increasing.', 'Engaged with CMHT.', 'Declined GP.'])}")
            lines.append(f"Key worker: {p.adviser['name']}. Key dates: {d_dmy(d + dt.timedelta(days=10))} exam board.")
            if p.status == 'died':
                lines.append('Postvention: contact with family via Head of Service only.')
            lines.append(f"Actions: {r.choice(['daily check-in text', 'trusted contact consent - ' + contact(p)[1], 'warden to visit weekly', 'fitness to study referral'])}")
        rel = f"Wellbeing/Suicide-safer/review_{d_iso(d)}.txt"
        sh.text(rel, '\n'.join(lines) + '\n')
        sh.seen(rel, *sel)

    # --- adviser case notes (disability and wellbeing)
    an = pick(students, cnt(5))
    for p in an:
        adv = p.da if 'disability' in p.services else p.adviser
        d = recent(p)
        lines = [f"Case note - {adv['name']} - {d_dmy(d)}", f"Re: {p.sfm()} / {p.sno}", '',
                 r.choice([f"Met {p.known()} to review {p.pron()[2]} learning support plan. {cond(p).capitalize()} - struggling with group work.",
                           f"Phone call from {contact(p)[1]} ({contact(p)[0]}) - worried, {p.known()} has stopped answering. Explained confidentiality.",
                           f"Email from {p.tutor['name']} re missed deadlines. Suggested extenuating circumstances form.",
                           f"{p.known()} came in after the fire alarm, upset about evacuation from upper floor. PEEP review needed."]),
                 near(w, p, r.choice([3, 4, 6, 7, 11, 19, 22])) + '.']
        ol = old_code_line(p)
        if ol:
            lines.append(ol)
        if p.status in ('withdrawn', 'suspended', 'graduated'):
            lines.append(f"Status: {p.status} ({d_dmy(p.event_date)}). Now living with family in {getattr(p, 'parent_town', 'home town')}.")
        rel = f"{'Disability' if 'disability' in p.services else 'Wellbeing'}/Case notes/{p.sno}_{d_iso(d)}.txt"
        sh.text(rel, '\n'.join(lines) + '\n')
        sh.seen(rel, p)

    # --- assistive-technology / home visit log (homes off campus)
    vis = [p for p in students if p.home and p.home['type'] in ('family', 'ownflat')]
    lines = ['DSA assistive technology training & home visits - T1 2026 (Access Assessment Centre)', '']
    seen_homes = set()
    vsel = []
    for p in vis:
        h = p.home
        if h['id'] in seen_homes:
            continue
        seen_homes.add(h['id'])
        if not h['access'] and r.random() < 0.6:
            continue
        names = ' and '.join(x.known_full() for x in h['residents'])
        trainer = st('assessor')
        d = dd(dt.date(2026, 9, 20))
        txt = f"{d_dmy(d)} {trainer['name']} - {names} - {h['address']}. "
        if len(h['residents']) > 1:
            txt += 'Siblings, both at Wexcombe, share the dining table as a desk. '
        txt += r.choice(['Set up Dragon and Read&Write.', 'Laptop delivered, mind-mapping software installed.',
                         'Ergonomic chair assembled.', 'Follow-up on ClaroRead.'])
        if h['access']:
            at, got = access_text(w, h)
            txt += f" Access: {at}."
            sh.grant(h, got, 'Disability/AT home visits T1 2026.txt')
        else:
            txt += ' ' + near(w, p, r.choice([24, 25]))
        lines.append(txt)
        lines.append('')
        vsel.extend(h['residents'])
    rel = 'Disability/AT home visits T1 2026.txt'
    sh.text(rel, '\n'.join(lines) + '\n')
    sh.seen(rel, *vsel)
    return w


def generate_letters(w):
    r = w.rng
    S = w.S
    sh = w.sh
    H = w.helpers
    pick, st, dd, recent, where, cond, contact, cnt = (H[k] for k in ('pick', 'st', 'dd', 'recent', 'where', 'cond', 'contact', 'cnt'))
    GPNAME, GPADDR = H['GPNAME'], H['GPADDR']
    ppl = w.people
    students = [p for p in ppl if p.grp != 'staff']
    staffp = [p for p in ppl if p.grp == 'staff']
    active_home = [p for p in students if p.home is not None]
    SWDS = 'Student Wellbeing and Disability Service, The Hub, University of Wexcombe, Campus Road, Wexcombe WX2 7HA'

    # --- GP clinic / referral letters (DOCX)
    for p in pick([p for p in students if p.nhs], cnt(6)):
        gp = p.gp
        d = recent(p)
        kind = r.choice(['mht', 'clinic', 'uni'])
        blocks = [GPNAME, 'Campus Road, Wexcombe WX2 7HA   Tel 01632 960 441', '', d_long(d), '']
        if kind == 'mht':
            blocks += ['Single Point of Access, Wexcombe and Harland Mental Health NHS Foundation Trust', '',
                       'Dear colleague,', '',
                       f"Re: {p.title} {p.full}  DOB: {d_dmy(p.dob)}  NHS No: {nhs_spaced(p.nhs)}",
                       f"Term address: {where(p)}", '',
                       f"Thank you for seeing this {p.dob.year < 2000 and 'mature ' or ''}student with {', '.join(p.conds)}. "
                       f"{p.pron()[0].capitalize()} has been supported by the university's mental health adviser {p.adviser['name']} since {MONTHS[(d.month + 8) % 12]}. "
                       f"Risk: {r.choice(['passive ideation, no plan', 'self-harm weekly, superficial', 'overdose x1 in October'])}.",
                       '', 'Yours sincerely,', '', f"Dr {gp['name']}", 'GP, Castlegate Medical Partnership']
        elif kind == 'clinic':
            doc = st('hosp')
            blocks += [f"Dr {gp['name']}, {GPNAME}", '', f"Dear Dr {gp['sn']},", '',
                       f"Re: {p.forename.upper()} {p.surname.upper()}, {d_long(p.dob)}, NHS {p.nhs}",
                       '', f"I saw this young {'woman' if p.sex == 'F' else 'man' if p.sex == 'M' else 'person'} in the {r.choice(['neurology', 'gastroenterology', 'diabetes transition', 'adolescent gynaecology'])} clinic today. "
                       f"Diagnosis: {', '.join(p.conds)}. I have advised the university be asked for exam adjustments.",
                       '', f"Dr {doc['name']}, Specialty Registrar, Wexcombe Royal Infirmary", f"cc: {p.title} {p.surname}, {where(p)}"]
        else:
            blocks += ['To whom it may concern', '',
                       f"{p.full} (date of birth {d_dmy(p.dob)}) is registered with this practice.",
                       f"{p.pron()[0].capitalize()} has {cond(p)} and was unwell between {d_dmy(d - dt.timedelta(days=14))} and {d_dmy(d)}. "
                       f"I support {p.pron()[2]} application for extenuating circumstances.",
                       '', f"Dr {gp['name']}", f"NHS number {nhs_spaced(p.nhs)}"]
        rel = f"GP/Letters/{kind}_letter_{p.surname}_{d_iso(d)}.docx"
        sh.docx(rel, blocks, footer='Castlegate Medical Partnership - confidential')
        sh.cover(p)
        sh.seen(rel, p)

    # --- hospital discharge letters back to halls (PDF)
    for p in pick([p for p in active_home if p.home['type'] == 'halls' and p.nhs], cnt(2)):
        d = recent(p)
        doc = st('hosp')
        t = (f"WEXCOMBE ROYAL INFIRMARY - DISCHARGE SUMMARY\n\nPatient: {p.sf_upper()}\nDOB: {d_dmy(p.dob)}   NHS: {nhs_spaced(p.nhs)}\n"
             f"Admitted: {d_dmy(d - dt.timedelta(days=3))}  Discharged: {d_dmy(d)}\nGP: Dr {p.gp['name']}, {GPNAME}\n\n"
             f"Diagnosis: {r.choice(['paracetamol overdose - NAC completed', 'diabetic ketoacidosis', 'alcohol intoxication, head injury', 'first seizure'])}\n"
             f"Background: {', '.join(p.conds)}\n\nDischarge destination: student halls - {where(p)}. Flatmate collecting.\n"
             f"Liaison psychiatry: seen, {r.choice(['low risk', 'follow up CMHT', 'home treatment team declined'])}.\n"
             f"University welfare team informed with consent ({p.adviser['name']}).\n\nDr {doc['name']}, Acute Medicine\n")
        rel = f"Wellbeing/Hospital/discharge_{p.sno}.pdf"
        sh.pdf(rel, 'Discharge summary', t)
        sh.cover(p)
        sh.seen(rel, p)

    # --- DSA needs assessment reports (PDF and DOCX), NHS numbers present
    dsa = [p for p in students if 'disability' in p.services]
    for i, p in enumerate(pick(dsa, min(len(dsa), cnt(5)))):
        a = st('assessor')
        d = recent(p)
        body = [f"DSA NEEDS ASSESSMENT REPORT", f"Access Assessment Centre, Wexcombe", '',
                f"Student: {p.full}", f"Date of birth: {d_long(p.dob)}", f"NHS number: {nhs_spaced(p.nhs) if p.nhs else 'not provided'}",
                f"Student number: {p.sno}   Course: {p.course}", f"Assessor: {a['name']}   Date: {d_dmy(d)}", '',
                f"1. Disability: {', '.join(p.conds)} (evidence: {r.choice(['GP letter', 'diagnostic assessment report', 'consultant letter'])}).",
                f"2. Impact on study: {r.choice(['slow reading speed, poor working memory', 'fatigue after 2 hours', 'difficulty in group work', 'cannot take notes in lectures'])}.",
                f"3. Recommendations: specialist mentor ({p.mentor['name']}), note-taker, assistive software, 25% extra time.",
                f"4. Accommodation: {where(p) if p.home else 'n/a'}."]
        if p.home and p.home['type'] in ('family', 'ownflat') and sole(p) and r.random() < 0.5:
            at, got = access_text(w, p.home)
            body.append(f"5. Equipment delivery: {at}.")
            sh.grant(p.home, got, f"Disability/DSA reports/DSA_report_{p.surname}_{p.sno}.{'pdf' if i % 2 == 0 else 'docx'}")
        rel = f"Disability/DSA reports/DSA_report_{p.surname}_{p.sno}.{'pdf' if i % 2 == 0 else 'docx'}"
        if i % 2 == 0:
            sh.pdf(rel, 'DSA needs assessment', '\n'.join(body))
        else:
            sh.docx(rel, body)
        sh.cover(p)
        sh.seen(rel, p)

    # --- learning support plans (DOCX, form table)
    for p in pick(dsa or students, cnt(5)):
        rows = [['Name', p.full], ['Known as', p.preferred or p.forename], ['Date of birth', d_dmy(p.dob)], ['Student number', p.sno],
                ['Course', p.course], ['Diagnoses', '; '.join(p.conds)],
                ['Exam adjustments', r.choice(['25% extra time, rest breaks 10 min/hr', 'separate room, PC with spellcheck', 'reader and scribe', 'exams on ground floor'])],
                ['Teaching adjustments', 'slides 48h in advance; recording permitted'], ['Disability adviser', p.da['name']],
                ['Exam candidate number', f"{r.randrange(100000, 999999)}"]]
        rel = f"Disability/Learning support plans/LSP {p.surname}, {p.forename}.docx"
        sh.docx(rel, [('h', 'Learning Support Plan 2026/27'), ('table', rows), 'Shared with school with student consent.'],
                header='University of Wexcombe - Disability Service')
        sh.cover(p)
        sh.seen(rel, p)

    # --- PEEPs for students in halls
    hp = [p for p in active_home if p.home['type'] == 'halls' and 'disability' in p.services]
    for p in pick(hp, min(len(hp), cnt(4))):
        h = p.home
        rows = [['Name', f"{p.title} {p.full}"], ['Student no', p.sno], ['DOB', d_iso(p.dob)], ['Hall / room', f"{h['hall']}, {h['label']}"],
                ['Condition', '; '.join(c for c in p.conds if c in DIS) or cond(p)],
                ['Alarm awareness', r.choice(['vibrating pillow pad', 'hears alarm', 'flashing beacon'])],
                ['Evacuation', r.choice(['buddy from flat + evac chair on stairwell', 'self-evacuate via ground-floor fire exit', 'refuge point on landing, security to attend'])]]
        codes = [a for a in h['access'] if a[0] == 'code']
        if codes and r.random() < 0.7:
            rows.append(['Access for emergency services', f"{code_phrase(w, h, codes[0][1], 'flat', r.randrange(6))}; security also hold a master key"])
            sh.grant(h, [('code', codes[0][1])], f"Disability/PEEPs/PEEP_{p.sno}.docx")
        else:
            rows.append(['Access for emergency services', 'security master key (lodge)'])
        rows.append(['Buddy', f"{r.choice(FRIEND_F + FRIEND_M)} (flatmate)"])
        rel = f"Disability/PEEPs/PEEP_{p.sno}.docx"
        sh.docx(rel, [('h', 'Personal Emergency Evacuation Plan'), ('table', rows), f"Agreed with warden {st('warden')['name']}."])
        sh.cover(p)
        sh.seen(rel, p)

    # --- SAR reply (PDF)
    p = r.choice(students)
    d = recent(p)
    t = (f"University of Wexcombe - Information Compliance\n\n{d_long(d)}\n\n{p.title} {p.full}\n{where(p) if p.home else 'c/o parents'}\n\n"
         f"Dear {p.title} {p.surname},\n\nSubject access request - our ref SAR-{r.randrange(1000, 9999)}\n\n"
         f"We confirm your identity (date of birth {d_dmy(p.dob)}, student number {p.sno}). Enclosed are copies of the records held by the Student "
         f"Wellbeing and Disability Service, Residence Life and Campus Security. Third-party names have been redacted except staff acting in their role "
         f"({p.adviser['name']}, {p.tutor['name']}).\n\nSome records were withheld under the serious harm exemption after advice from Dr {p.gp['name']}.\n\n"
         f"Yours sincerely\n{S['dpo'][0]['name']}\nData Protection Officer\n")
    rel = f"Head office/SAR/SAR_response_{p.sno}.pdf"
    sh.pdf(rel, 'SAR response', t)
    sh.cover(p)
    sh.seen(rel, p)

    # --- complaint replies (RTF)
    for p in pick(students, cnt(2)):
        d = recent(p)
        t = (f"University of Wexcombe\nStudent Complaints Office\n\n{d_long(d)}\n\nPrivate and confidential\n{p.title} {p.initial} {p.surname}\n\n"
             f"Dear {p.known()},\n\nYour complaint about the Student Wellbeing and Disability Service (stage 2)\n\n"
             f"You complained that your learning support plan for {cond(p)} was not sent to your school before the January exams, and that "
             f"a counsellor ({p.counsellor['name']}) discussed your case with your {contact(p)[0]} without your consent. "
             f"I have upheld the first part. The second part is not upheld: the call was from your {contact(p)[0]} and no information was given.\n\n"
             f"Yours sincerely\n\n{S['complaints'][0]['name']}\nComplaints Officer\n")
        rel = f"Head office/Complaints/complaint_reply_{p.surname}.rtf"
        sh.rtf(rel, t)
        sh.seen(rel, p)

    # --- risk assessments (DOCX)
    for p in pick([p for p in active_home if p.services & {'wellbeing', 'counselling'}], cnt(3)):
        d = recent(p)
        rows = [['Student', p.known_full()], ['Student number', p.sno], ['Date of birth', d_long(p.dob)], ['Address', where(p)],
                ['Risk to self', r.choice(['high', 'medium', 'low'])], ['Risk from others', r.choice(['none known', 'ex-partner - non-molestation order'])],
                ['Protective factors', f"{contact(p)[0]} ({contact(p)[1]}), course, pet at home"], ['Assessed by', p.adviser['name']]]
        extra = []
        if sole(p) and r.random() < 0.5:
            at, got = access_text(w, p.home)
            rows.append(['Access if no response', at])
            sh.grant(p.home, got, f"Wellbeing/Risk assessments/RA_{p.surname}_{d_iso(d)}.docx")
        else:
            extra.append(near(w, p, r.choice([11, 12, 13])))
        rel = f"Wellbeing/Risk assessments/RA_{p.surname}_{d_iso(d)}.docx"
        sh.docx(rel, [('h', 'Wellbeing risk assessment'), ('table', rows)] + extra)
        sh.cover(p)
        sh.seen(rel, p)

    # --- fitness to study (DOCX)
    for p in pick(students, cnt(2)):
        d = recent(p)
        blocks = [('h', 'Fitness to Study Panel - minutes'), f"Date: {d_long(d)}",
                  f"Present: {S['head'][0]['name']} (chair), {p.tutor['name']} (personal tutor), {p.adviser['name']} (SWDS), {st('warden')['name']} (warden)",
                  f"Student: {p.sf_upper()} ({p.sno}), attended with {contact(p)[1]} ({contact(p)[0]})",
                  f"Concerns: {', '.join(p.conds)}; three security call-outs; not attending since week 3.",
                  f"Outcome: {r.choice(['interruption of studies recommended (suspend until September)', 'support plan with weekly review', 'return to study approved with conditions'])}.",
                  near(w, p, 7)]
        rel = f"Wellbeing/Fitness to study/FtS_{p.sno}_{d_iso(d)}.docx"
        sh.docx(rel, blocks)
        sh.seen(rel, p)

    # --- fit notes (PDF)
    for p in pick([p for p in ppl if p.nhs], cnt(3)):
        d = recent(p)
        t = (f"Statement of Fitness for Work / Study (copy)\n\nPatient's name: {p.title} {p.full}\nDate of birth: {d_dmy(p.dob)}\nNHS number: {p.nhs}\n\n"
             f"I assessed your case on: {d_dmy(d)}\nBecause of the following condition(s): {cond(p)}\n"
             f"I advise you that: you are not fit for work/study for {r.randrange(1, 5)} weeks.\nDoctor: Dr {p.gp['name']}, {GPNAME}\n")
        rel = f"GP/Fit notes/fitnote_{p.surname}_{d_iso(d)}.pdf"
        sh.pdf(rel, 'Fit note', t)
        sh.cover(p)
        sh.seen(rel, p)

    # --- referral to the MH trust (RTF)
    for p in pick([p for p in students if p.nhs and p.home], cnt(2)):
        d = recent(p)
        t = (f"REFERRAL TO WEXCOMBE CENTRAL CMHT\n\nFrom: {p.adviser['name']}, Mental Health Adviser, SWDS\nWith the student's consent.\n\n"
             f"Name: {p.sfm()}\nDOB: {d_mon(p.dob)}\nNHS no: {nhs_spaced(p.nhs)}\nGP: Dr {p.gp['name']}, {GPNAME}\nAddress: {where(p)}\n\n"
             f"Reason: {', '.join(p.conds)}. Deteriorating over 6 weeks; {r.choice(['two attempts to ligature reported by flatmate', 'stopped eating', 'paranoid about flatmates', 'hearing voices'])}.\n"
             f"Next of kin: {contact(p)[1]}, {contact(p)[0]}, {contact(p)[2]}\n")
        rel = f"Wellbeing/Referrals/CMHT_referral_{p.sno}.rtf"
        sh.rtf(rel, t)
        sh.cover(p)
        sh.seen(rel, p)

    # --- extenuating circumstances evidence (PDF)
    for p in pick(students, cnt(2)):
        d = recent(p)
        t = (f"EXTENUATING CIRCUMSTANCES - SUPPORTING EVIDENCE\n\nStudent: {p.known_full()}  ID {p.sno}\nModules: PSY2031, PSY2044\n\n"
             f"Statement from SWDS ({p.adviser['name']}): the student has been supported for {cond(p)} this term and had a crisis on {d_dmy(d)}. "
             f"We support a deferral to the August resit period.\n\n{near(w, p, 7)}\n")
        rel = f"Head office/Extenuating circumstances/EC_evidence_{p.sno}.pdf"
        sh.pdf(rel, 'EC evidence', t)
        sh.seen(rel, p)

    # --- condolence / death notification (RTF)
    for p in [p for p in ppl if p.status == 'died']:
        c = contact(p)
        t = (f"University of Wexcombe - Office of the Vice-Chancellor\n\n{d_long(p.event_date + dt.timedelta(days=9))}\n\n{c[1]}\n\n"
             f"Dear {c[1].split()[0]},\n\nI am writing on behalf of the whole University to say how deeply sorry we are at the death of {p.known()}. "
             f"{p.pron()[0].capitalize()} was a much-loved member of the {p.course} community. {p.adviser['name']} from our wellbeing service "
             f"will be your single point of contact and can help with returning {p.known()}'s belongings from {p.old_home['hall'] if p.old_home else 'halls'}.\n\n"
             f"With deepest sympathy\n")
        rel = f"Head office/Deaths/letter_to_family_{p.sno}.rtf"
        sh.rtf(rel, t)
        sh.seen(rel, p)

    # --- occupational health letters and reports (staff)
    for i, p in enumerate(staffp):
        if i >= cnt(2) and not sole(p):
            continue
        d = dd(dt.date(2026, 3, 1))
        blocks = ['Medivale Occupational Health - on behalf of the University of Wexcombe', '', 'Management referral report', '',
                  f"Employee: {p.title} {p.full}", f"Date of birth: {d_dmy(p.dob)}", f"Staff number: {p.staffno}", f"Role: {p.job}", '',
                  f"{p.title} {p.surname} was seen on {d_dmy(d)} by {S['ohdr'][0]['title']} {S['ohdr'][0]['name']}. {p.pron()[0].capitalize()} has {cond(p)}. "
                  f"In my opinion {p.pron()[0]} is fit for a phased return over 4 weeks with adjustments.", '']
        if sole(p):
            at, got = access_text(w, p.home)
            blocks.append(f"Home visit by OH nurse {S['oh'][0]['name']} arranged for {d_dmy(d + dt.timedelta(days=7))} at {where(p)}; {at}.")
            sh.grant(p.home, got, f"Occupational health/Reports/OH_report_{p.staffno}.docx")
        blocks.append(f"cc {S['hr'][0]['name']}, HR")
        rel = f"Occupational health/Reports/OH_report_{p.staffno}.docx"
        sh.docx(rel, blocks, header='CONFIDENTIAL - MEDICAL IN CONFIDENCE')
        sh.cover(p)
        sh.seen(rel, p)
    return w


def generate_mail(w):
    r = w.rng
    S = w.S
    sh = w.sh
    H = w.helpers
    pick, st, dd, recent, where, cond, contact, cnt = (H[k] for k in ('pick', 'st', 'dd', 'recent', 'where', 'cond', 'contact', 'cnt'))
    ppl = w.people
    students = [p for p in ppl if p.grp != 'staff']
    active_home = [p for p in students if p.home is not None]

    def addr(s):
        return f"{s['name']} <{s['email']}>"

    def mail(rel, frm, to, subject, body, d, atts=(), cc=None):
        m = EmailMessage()
        m['From'] = frm
        m['To'] = to
        if cc:
            m['Cc'] = cc
        m['Subject'] = subject
        m['Date'] = format_datetime(dt.datetime(d.year, d.month, d.day, r.randrange(8, 19), r.randrange(60), tzinfo=dt.timezone.utc))
        m['Message-ID'] = f"<{r.randrange(10**12)}@wexcombe.ac.uk>"
        m.set_content(body)
        for name, data, mt, st_ in atts:
            m.add_attachment(data, maintype=mt, subtype=st_, filename=name)
        if atts:
            m.set_boundary(f"=_swds_{r.randrange(10**12):012d}")
        sh.raw(rel, bytes(m))

    XLSX = ('application', 'vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    DOCX = ('application', 'vnd.openxmlformats-officedocument.wordprocessingml.document')

    # 1. parents to halls with access details (sole residents in halls / own flat / family)
    par = [p for p in active_home if sole(p) and p.grp not in ('staff', 'careleaver') and p.contacts[0][0] in ('mother', 'father')]
    for p in pick(par, min(len(par), cnt(3))):
        c = contact(p)
        d = recent(p)
        at, got = access_text(w, p.home)
        warden = st('warden')
        body = (f"Hello,\n\nI'm {p.known()}'s {'mum' if c[0] == 'mother' else 'dad'}. {p.pron()[0].capitalize()} hasn't replied to any of us since the weekend "
                f"and {p.pron()[0]} has had a really bad time with {p.pron()[2]} {cond(p)} this term. Please could someone check on {p.pron()[1]}? "
                f"{p.pron()[2].capitalize()} full name is {p.full}, date of birth {d_long(p.dob)}, and {p.pron()[0]} lives at {where(p)}.\n\n"
                f"In case it helps, {at}.\n\nThank you, I'm worried sick.\n{c[1]}\n{c[2]}\n")
        rel = f"Head office/Email/{d_iso(d)} worried parent - {p.surname}.eml"
        mail(rel, f"{c[1]} <{c[1].split()[0].lower()}.{p.surname.lower().replace(' ', '').replace(chr(39), '')}@example.net>",
             f"Residence Life <reslife@wexcombe.ac.uk>", f"Please check on my {'daughter' if p.sex == 'F' else 'son' if p.sex == 'M' else 'child'}", body, d,
             cc=addr(warden))
        sh.grant(p.home, got, rel)
        sh.cover(p)
        sh.seen(rel, p)

    # 2. tutor to adviser concern
    for p in pick(students, cnt(2)):
        d = recent(p)
        body = (f"Hi {p.adviser['fn']},\n\nJust flagging {p.known_full()} ({p.sno}) from my tutor group - engagement report has {p.pron()[1]} on red, "
                f"missed the module PSY{r.randrange(1, 4)}0{r.randrange(10, 99)} test and looked very thin when I last saw {p.pron()[1]}. "
                f"Key dates: resubmission {d_dmy(d + dt.timedelta(days=21))}.\n\nBest,\n{p.tutor['name']}\n")
        rel = f"Head office/Email/{d_iso(d)} tutor concern {p.sno}.eml"
        mail(rel, addr(p.tutor), addr(p.adviser), f"Concern - {p.sno}", body, d)
        sh.seen(rel, p)

    # 3. GP to SWDS with consent, DOCX attached
    for p in pick([p for p in students if p.nhs], cnt(1)):
        d = recent(p)
        att = docx_bytes([f"Re: {p.full}, DOB {d_dmy(p.dob)}, NHS {nhs_spaced(p.nhs)}",
                          f"Diagnoses: {', '.join(p.conds)}. Medication: {r.choice(['sertraline 100mg', 'fluoxetine 20mg', 'lamotrigine', 'insulin (basal bolus)'])}.",
                          f"Dr {p.gp['name']}"])
        body = f"Dear {p.adviser['fn']},\n\nWith {p.known()}'s written consent, summary attached for the support plan.\n\nKind regards\nDr {p.gp['name']}\n"
        rel = f"Head office/Email/{d_iso(d)} GP summary {p.surname}.eml"
        mail(rel, addr(p.gp), addr(p.adviser), 'Medical summary (with consent)', body, d,
             atts=[(f"summary_{p.surname}.docx", att) + DOCX])
        sh.cover(p)
        sh.seen(rel, p)

    # 4. adviser to wardens: welfare watch XLSX (shared house rows included)
    sel = pick([p for p in active_home if p.home['type'] == 'halls'], cnt(8))
    rows = [['Name', 'DOB', 'Hall', 'Room', 'Concern', 'Adviser']]
    for p in sel:
        rows.append([p.full, d_dmy(p.dob), p.home['hall'], p.home['label'], cond(p), p.adviser['name']])
        sh.cover(p)
    d = dd(dt.date(2026, 10, 10))
    rel = f"Head office/Email/{d_iso(d)} students of concern for wardens.eml"
    mail(rel, addr(S['mha'][0]), ', '.join(addr(x) for x in S['warden']), 'Students of concern - weekly list',
         f"Wardens,\n\nThis week's list attached. Please don't forward. Laundry code at Fenwick has changed to {w.code4()} for everyone, FYI.\n\n{S['mha'][0]['name']}\n", d,
         atts=[('students_of_concern.xlsx', xlsx_bytes([('List', rows)])) + XLSX])
    sh.seen(rel, *sel)

    # 5. security to residence life: incident
    for p in pick([p for p in active_home if p.home['type'] == 'halls'], cnt(2)):
        d = recent(p)
        sec = st('security')
        body = (f"Hi all,\n\nFYI last night at 02:15 {p.known_full()} ({p.home['hall']}, {p.home['label']}) was brought back by taxi after being discharged from A&E. "
                f"{p.pron()[0].capitalize()} couldn't find {p.pron()[2]} key so I let {p.pron()[1]} in with the master key and issued a spare from the lodge key cabinet.\n\n"
                f"{sec['name']}\nCampus Security\n")
        rel = f"Head office/Email/{d_iso(d)} security overnight {p.sno}.eml"
        mail(rel, addr(sec), 'reslife@wexcombe.ac.uk', f"Overnight - {p.home['hall']}", body, d)
        sh.seen(rel, p)

    # 6. lettings agent with tenant CSV (houses with access) - household records
    hs = [h for h in w.houses if h['access']]
    if hs:
        agent = S['agent'][0]
        rows = [['address', 'tenant_names', 'access_notes']]
        gots = []
        for h in hs:
            at, got = access_text(w, h)
            gots.append(got)
            rows.append([h['address'], ' / '.join(p.full for p in h['residents']), at])
        d = dd(dt.date(2026, 10, 1))
        rel = f"Head office/Email/{d_iso(d)} Brightside gas safety access.eml"
        mail(rel, addr(agent), 'accommodation@wexcombe.ac.uk', 'Gas safety inspections - access list',
             f"Hi,\n\nPlease see attached the access list our engineer will use for the student houses next week. Not all tenants have replied.\n\nRegards\n{agent['name']}\nBrightside Student Lets\n",
             d, atts=[('gas_safety_access.csv', csv_text(rows).encode('utf-8'), 'text', 'csv')])
        for h, got in zip(hs, gots):
            sh.grant(h, got, rel)
        sh.seen(rel, *[p for h in hs for p in h['residents']])

    # 7. exam office with LSP list (CSV)
    dsa = [p for p in students if 'disability' in p.services]
    if dsa:
        sel = pick(dsa, min(len(dsa), cnt(10)))
        rows = [['Candidate no', 'Student no', 'Surname', 'Forename', 'Adjustment', 'Reason']]
        for p in sel:
            rows.append([f"{r.randrange(100000, 999999)}", p.sno, p.surname, p.forename, r.choice(['25% ET', 'separate room', 'reader', 'PC']), cond(p)])
        d = dd(dt.date(2026, 11, 1))
        rel = f"Head office/Email/{d_iso(d)} exam adjustments January.eml"
        mail(rel, addr(S['da'][0]), 'exams@wexcombe.ac.uk', 'January exam adjustments',
             f"Hi Exams team,\n\nAttached the adjustments list for January. Candidate numbers as per your system.\n\n{S['da'][0]['name']}\n", d,
             atts=[('adjustments_jan.csv', csv_text(rows).encode('utf-8'), 'text', 'csv')])
        sh.seen(rel, *sel)

    # 8. OH to HR (staff)
    staffp = [p for p in ppl if p.grp == 'staff']
    for p in pick(staffp, min(len(staffp), cnt(1))):
        d = dd(dt.date(2026, 4, 1))
        body = f"Dear {S['hr'][0]['fn']},\n\nPlease find attached my report on {p.title} {p.forename} {p.surname} (staff no {p.staffno}).\n\n{S['ohdr'][0]['title']} {S['ohdr'][0]['name']}\n"
        att = docx_bytes([f"Employee: {p.full}, DOB {d_dmy(p.dob)}", f"Condition: {cond(p)}", 'Fit with adjustments.'])
        rel = f"Occupational health/Email/{d_iso(d)} OH report {p.staffno}.eml"
        mail(rel, addr(S['ohdr'][0]), addr(S['hr'][0]), 'OH report', body, d, atts=[('OH_report.docx', att) + DOCX])
        sh.cover(p)
        sh.seen(rel, p)

    # 9. SAR request
    p = r.choice(students)
    d = recent(p)
    rel = f"Head office/Email/{d_iso(d)} subject access request.eml"
    mail(rel, f"{p.known_full()} <{p.email}>", f"{S['dpo'][0]['name']} <dataprotection@wexcombe.ac.uk>", 'Subject access request',
         f"Hi,\n\nI want a copy of everything the wellbeing service and counselling have on me, including notes from my sessions with {p.counsellor['name']}.\n\n"
         f"{p.full}\nStudent number {p.sno}\nDOB {d_dmy(p.dob)}\n", d)
    sh.cover(p)
    sh.seen(rel, p)

    # 10. mentor to adviser, rota xlsx attached
    sel = pick(dsa or students, cnt(6))
    rows = [['Student', 'Sessions used', 'Sessions left', 'Comment']]
    for p in sel:
        rows.append([f"{p.surname}, {p.forename}", r.randrange(1, 10), r.randrange(0, 10), r.choice(['good progress', 'DNA x3', 'wants different mentor', 'anxious about placement'])])
    d = dd(dt.date(2026, 10, 15))
    mentor = st('mentor')
    rel = f"Head office/Email/{d_iso(d)} mentoring hours.eml"
    mail(rel, addr(mentor), addr(S['da'][1]), 'Mentoring hours T1', f"Hi,\n\nHours so far attached.\n\n{mentor['name']}\n", d,
         atts=[('mentoring_hours.xlsx', xlsx_bytes([('Hours', rows)])) + XLSX])
    sh.seen(rel, *sel)

    # 11. sibling household e-mail
    if w.siblings:
        s1, s2 = w.siblings
        h = s1.home
        d = dd(dt.date(2026, 10, 1))
        txt = (f"Hi {s1.adviser['fn']},\n\nJust so you know, {s1.known_full()} and {s2.known_full()} are brother/sister and both registered with us "
               f"- they live at home with their {contact(s1)[0]} at {h['address']}. Please don't mix up their files.")
        if h['access']:
            at, got = access_text(w, h)
            txt += f" For the home visit next week: {at}."
            rel = f"Head office/Email/{d_iso(d)} siblings home visit.eml"
            sh.grant(h, got, rel)
        rel = f"Head office/Email/{d_iso(d)} siblings home visit.eml"
        mail(rel, addr(s1.da), addr(s1.adviser), 'Siblings - both ours', txt + f"\n\n{s1.da['name']}\n", d)
        sh.seen(rel, s1, s2)
    return w


def finish(w, truth_path):
    r = w.rng
    sh = w.sh
    # --- any home whose way in was planned but never written: the duty warden's handover notes
    lines = ['DUTY WARDEN HANDOVER NOTES - access for welfare checks (keep in the duty folder)', '']
    for h in w.homes:
        if h['access'] and h['residents'] and not h.get('rendered'):
            at, got = access_text(w, h)
            names = ' & '.join(f"{p.known_full()} ({p.sno or p.staffno})" for p in h['residents'])
            lines.append(f"{names} - {h['address']}: {at}.")
            sh.grant(h, got, 'Residence life/duty warden handover notes.txt')
            sh.seen('Residence life/duty warden handover notes.txt', *h['residents'])
    lines += ['', 'General:', 'Lodge key cabinet code is changed monthly - ask the duty officer, do not write it here.',
              f"Counselling centre door code changed to {w.code4()}# (staff only).", 'Key worker for care leavers: see register.',
              f"Orchard Quarter bin store code {w.code4()} (whole site)."]
    sh.text('Residence life/duty warden handover notes.txt', '\n'.join(lines) + '\n')
    # --- coverage: anyone without full name + DOB / NHS number in one record
    miss = [p for p in w.people if p.pid not in w.covered]
    if miss:
        rows = [['Surname', 'Forename', 'Middle names', 'Date of birth', 'Student/staff no', 'Service', 'Query']]
        for p in miss:
            rows.append([p.surname, p.forename, ' '.join(p.middle), d_dmy(p.dob), p.sno or p.staffno, ', '.join(sorted(p.services)),
                         'demographics check for CaseLink migration'])
            sh.cover(p)
        sh.csv('Head office/CaseLink export/demographics_check.csv', rows)
        sh.seen('Head office/CaseLink export/demographics_check.csv', *miss)
    # --- truth
    prio = {'code': 0, 'hidden_key': 1, 'key_holder': 2, 'left_open': 3}
    people = []
    for p in w.people:
        g = w.granted.get(p.pid, [])
        kinds = sorted({k for k, _, _ in g}, key=lambda k: prio[k])
        val = ''
        if g:
            best = sorted(g, key=lambda x: prio[x[0]])[0]
            val = best[1]
        rec = {"forename": p.forename, "surname": p.surname, "dob": d_dmy(p.dob), "nhs_number": p.nhs,
               "keysafe_code": val, "access_kind": kinds, "special_category": True}
        if p.middle:
            rec["middle_names"] = ' '.join(p.middle)
        people.append(rec)
    staff = sorted(w.staff)
    pnames = {p.fs for p in w.people}
    related = sorted(x for x in w.related if x not in w.staff and x not in pnames)
    with open(truth_path, 'w', encoding='utf-8') as f:
        json.dump({"people": people, "staff": staff, "related": related}, f, indent=1, ensure_ascii=False)
    return people


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    root, truth = argv[1], argv[2]
    n = int(argv[3]) if len(argv) > 3 else 120
    seed = int(argv[4]) if len(argv) > 4 else 1
    os.makedirs(root, exist_ok=True)
    w = generate(root, truth, n, seed)
    generate_text(w)
    generate_letters(w)
    generate_mail(w)
    people = finish(w, truth)
    ha = sum(1 for p in people if p['keysafe_code'])
    print(f"{w.sh.count} files, {len(people)} people, {ha} with home access" + (f"; name clash {w.name_clash}" if w.name_clash else ''))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
