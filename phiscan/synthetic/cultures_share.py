"""A city community health team's share whose people are named in many cultures (issue 15).

Every share written before named people mostly in British and Welsh shapes. Here a
city's records name them as its systems do: Sikh and South Asian Muslim names whose
family word (`Singh`, `Kaur`, `Begum`, `Bibi`, `Khan`, `Patel`, `Ahmed`) many unrelated
people share; names with no inherited family name written in another order in another
system (`Mohammed Abdul Rashid`, `RASHID, Mohammed Abdul`, `Abdul Rashid Mohammed`);
Chinese and Vietnamese names written family first in capitals (`CHAN Tai Man`, `NGUYEN
Thi Lan`); diacritics in one system and not another (`Łukasz Wiśniewski` / `Lukasz
Wisniewski`, `Đức` / `Duc`); particles (`binti`, `al-`, `van der`, `de la`, `ap`, `Ní`);
transliterations (`Mohammed` / `Muhammad` / `Mohamed`). Same-name different people
(different dates of birth), families sharing a surname at one postcode, and staff sharing
surnames with patients. Records: free-text visit notes, clinic letters, a split-column
CSV extract, HL7 `FAMILY^GIVEN`, FHIR family/given and e-mails. Every identifier is
synthetic. `CareTruth` holds the people and staff for `phiscan eval --scoping`.

`python -m phiscan.synthetic.cultures_share SHARE TRUTH.json [SEED]` writes one.
"""

from __future__ import annotations

import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from phiscan.synthetic.care_share import CareTruth, dob_forms, hl7_dob, rng_free_iso
from phiscan.synthetic.groundtruth import _csv, _write
from phiscan.synthetic.people import random_nhs_number, spaced

POSTCODES = ("B11 1AA", "B12 9QT", "B10 0HJ", "LS8 5DR", "LS7 3PL", "M14 7JW", "BD3 8AX",
             "E1 5LN", "LE5 4HB", "CF24 2SA")

# (given as its owner writes it, family as its owner writes it, plain given, plain family,
#  family written first, other whole-name forms another system writes)
_Name = tuple[str, str, str, str, bool, tuple[str, ...]]
NAMES: tuple[_Name, ...] = (
    ("Harjit", "Singh", "Harjit", "Singh", False, ()),
    ("Harjit", "Singh", "Harjit", "Singh", False, ()),
    ("Harjit", "Singh", "Harjit", "Singh", False, ()),
    ("Gurpreet", "Kaur", "Gurpreet", "Kaur", False, ()),
    ("Manjit", "Kaur", "Manjit", "Kaur", False, ()),
    ("Balvinder Singh", "Sandhu", "Balvinder", "Sandhu", False, ("Balvinder Sandhu",)),
    ("Rukhsana", "Begum", "Rukhsana", "Begum", False, ()),
    ("Rukhsana", "Begum", "Rukhsana", "Begum", False, ()),
    ("Shahida", "Bibi", "Shahida", "Bibi", False, ()),
    ("Nasima", "Begum", "Nasima", "Begum", False, ()),
    ("Mohammed Abdul", "Rashid", "Mohammed Abdul", "Rashid", False,
     ("Abdul Rashid Mohammed",)),
    ("Mohammed", "Iqbal", "Mohammed", "Iqbal", False, ("Muhammad Iqbal",)),
    ("Mohammed", "Iqbal", "Mohammed", "Iqbal", False, ("Mohamed Iqbal",)),
    ("Muhammad Yusuf", "Hussain", "Muhammad Yusuf", "Hussain", False,
     ("Yusuf Hussain Muhammad", "Mohammad Yusuf Hussain")),
    ("Imran", "Khan", "Imran", "Khan", False, ()),
    ("Farida", "Khan", "Farida", "Khan", False, ()),
    ("Rajesh", "Patel", "Rajesh", "Patel", False, ()),
    ("Amina", "Patel", "Amina", "Patel", False, ()),
    ("Nasreen", "Ahmed", "Nasreen", "Ahmed", False, ("Nasreen Ahmad",)),
    ("Tai Man", "Chan", "Tai Man", "Chan", True, ()),
    ("Siu Ming", "Wong", "Siu Ming", "Wong", True, ()),
    ("Mei Ling", "Cheung", "Mei Ling", "Cheung", True, ()),
    ("Thị Lan", "Nguyễn", "Thi Lan", "Nguyen", True, ()),
    ("Đức Anh", "Trần", "Duc Anh", "Tran", True, ()),
    ("Văn Minh", "Phạm", "Van Minh", "Pham", True, ()),
    ("Łukasz", "Wiśniewski", "Lukasz", "Wisniewski", False, ()),
    ("Małgorzata", "Kowalczyk", "Malgorzata", "Kowalczyk", False, ()),
    ("Paweł", "Wójcik", "Pawel", "Wojcik", False, ()),
    ("Siobhán", "Ní Bhriain", "Siobhan", "Ni Bhriain", False, ()),
    ("Seán", "Ó Murchú", "Sean", "O Murchu", False, ()),
    ("Nurul Aisyah", "binti Ahmad", "Nurul Aisyah", "Ahmad", False,
     ("Nurul Aisyah Ahmad",)),
    ("Khalid", "al-Rashid", "Khalid", "Al-Rashid", False, ("Khalid Rashid",)),
    ("Pieter", "van der Berg", "Pieter", "Van Der Berg", False, ()),
    ("María", "de la Cruz", "Maria", "De La Cruz", False, ()),
    ("Rhodri", "ap Gwyn", "Rhodri", "ap Gwyn", False, ()),
    ("Ahmad", "bin Ismail", "Ahmad", "Ismail", False, ("Ahmad Ismail",)),
    ("Fatima", "al-Zahra", "Fatima", "Al-Zahra", False, ("Fatima Zahra",)),
    ("Jürgen", "Müller", "Jurgen", "Muller", False, ()),
    ("Zoë", "Ørsted", "Zoe", "Orsted", False, ()),
)
# Staff who share a surname with patients (never a patient's row).
STAFF = ("Sandeep Singh", "Parveen Begum", "Wei Chan", "Anil Patel", "Ewa Kowalczyk",
         "Hoa Nguyen", "Tariq Khan", "Joanna Wisniewski")
TITLES = {"Kaur": "Mrs", "Begum": "Mrs", "Bibi": "Mrs"}


@dataclass(frozen=True)
class Person:
    name: _Name
    dob: str
    postcode: str
    nhs_number: str
    title: str

    @property
    def given(self) -> str:
        return self.name[0]

    @property
    def family(self) -> str:
        return self.name[1]

    @property
    def plain(self) -> tuple[str, str]:
        return self.name[2], self.name[3]

    def shapes(self) -> list[str]:
        """The whole name as the share's free text writes it."""
        given, family, plain_given, plain_family, family_first, others = self.name
        written = [f"{self.title} {given} {family}", f"{plain_given} {plain_family}",
                   f"{plain_family.upper()}, {plain_given}",
                   f"{plain_family.upper()} {plain_given}"]
        if family_first:
            written.append(f"{family.upper()} {given}")
        return written + list(others)


def _people(rng: random.Random) -> list[Person]:
    people = []
    dobs: set[str] = set()
    for index, name in enumerate(NAMES):
        while (dob := f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/"
                      f"{rng.randint(1930, 2004)}") in dobs:
            pass
        dobs.add(dob)
        family = name[3]
        # a family: the second of a surname shares the first one's postcode
        same = [person for person in people if person.plain[1] == family]
        postcode = same[0].postcode if same and family in ("Khan", "Patel") else (
            POSTCODES[index % len(POSTCODES)])
        title = TITLES.get(family, rng.choice(("Mr", "Mrs", "Ms")))
        people.append(Person(name, dob, postcode,
                             random_nhs_number(rng) if index % 3 != 1 else "", title))
    return people


def visit_note(person: Person, shape: str, carer: str, rng: random.Random) -> str:
    dob = rng.choice(dob_forms(person.dob))
    if rng.random() < 0.3:  # a nurse's prose, the name not after a label
        return (f"Community nursing - visit record\nVisited {shape} ({person.dob}) at home "
                f"with {carer}. Dressing changed, observations stable.\n")
    lines = ["Community nursing - visit record", f"Patient: {shape}", f"Born: {dob}"]
    if person.nhs_number and rng.random() < 0.5:
        lines.append(f"NHS No: {spaced(person.nhs_number)}")
    lines += [f"Address postcode: {person.postcode}", f"Nurse: {carer}",
              "Dressing changed, observations stable. Next visit in three days."]
    return "\n".join(lines) + "\n"


def letter(person: Person, shape: str, doctor: str, gp: str, rng: random.Random) -> str:
    nhs = f", NHS number {spaced(person.nhs_number)}" if person.nhs_number else ""
    return (f"Dear Dr {gp.split()[-1]}\n\nRe: {shape}, date of birth "
            f"{rng.choice(dob_forms(person.dob))}{nhs}\n\nThank you for referring this "
            "patient, who attended the diabetes clinic today with an interpreter.\n\n"
            f"Kind regards\n\nDr {doctor}\nDiabetes Consultant\n")


def email(person: Person, shape: str, sender: str, rng: random.Random) -> str:
    address = sender.lower().replace(" ", ".")
    return (f"From: {sender} <{address}@cht.example>\nTo: duty.desk@cht.example\n"
            f"Subject: interpreter booked\n\nHi, an interpreter is booked for {shape} "
            f"(DOB {rng.choice(dob_forms(person.dob))}) on Thursday.\n\n{sender}\n")


def hl7_message(person: Person, doctor: str, number: int) -> str:
    family, given = person.family if number % 2 else person.plain[1], person.plain[0]
    d_given, d_family = doctor.split()
    return "\r".join([
        f"MSH|^~\\&|PAS|RYY|CHT|RYY|2026110{number % 10}0900||ADT^A04|C{number}|P|2.4",
        f"PID|1||{person.nhs_number}^^^NHS^NH||{family.upper()}^{given.replace(' ', '^', 1)}"
        f"^^^{person.title}||{hl7_dob(person.dob)}|U",
        f"PV1|1|O|DIAB||||D{number:03d}^{d_family.upper()}^{d_given}^^^Dr|",
    ]) + "\r"


def fhir_bundle(people: list[Person], doctor: str) -> dict:
    entries = []
    for person in people:
        resource: dict = {"resourceType": "Patient",
                          "name": [{"family": person.family, "given": person.given.split()}],
                          "birthDate": rng_free_iso(person.dob)}
        if person.nhs_number:
            resource["identifier"] = [{"system": "https://fhir.nhs.uk/Id/nhs-number",
                                       "value": person.nhs_number}]
        entries.append({"resource": resource})
    given, family = doctor.split()
    entries.append({"resource": {"resourceType": "Practitioner",
                                 "name": [{"family": family, "given": [given]}]}})
    return {"resourceType": "Bundle", "type": "collection", "entry": entries}


def build_cultures_share(root: str | Path, seed: int = 13) -> CareTruth:
    """The share and its truth; see the module docstring."""
    rng = random.Random(seed)
    base = Path(root)
    people = _people(rng)
    nurses, doctors, gps = STAFF[:5], STAFF[5:7], STAFF[7:]
    for index, person in enumerate(people, start=1):
        shapes = person.shapes()
        for visit, shape in enumerate(rng.sample(shapes, min(3, len(shapes))), start=1):
            _write(base / "visits" / f"visit-{index:03d}-{visit}.txt",
                   visit_note(person, shape, rng.choice(nurses), rng))
        _write(base / "letters" / f"clinic-{index:03d}.txt",
               letter(person, rng.choice(shapes), rng.choice(doctors), gps[0], rng))
        if index % 2:
            _write(base / "mail" / f"interpreter-{index:03d}.eml",
                   email(person, rng.choice(shapes), rng.choice(nurses), rng))
    with_nhs = [person for person in people if person.nhs_number]
    for index, person in enumerate(with_nhs[::2], start=1):
        _write(base / "hl7" / f"a04-{index:03d}.hl7", hl7_message(person, doctors[0], index))
    _write(base / "fhir" / "referrals.json",
           json.dumps(fhir_bundle(people[1::2], doctors[1]), indent=1, ensure_ascii=False))
    # the extract of another system: plain letters, its own order for names without one
    rows = []
    for person in people:
        given, family = person.plain
        if person.name[5] and len(person.name[5][0].split()) == 3:
            *given_words, family = person.name[5][0].split()
            given = " ".join(given_words)
        rows.append([family, given, dob_forms(person.dob)[rng.randrange(5)], person.postcode])
    _write(base / "exports" / "caseload.csv",
           _csv(["surname", "forename", "date_of_birth", "postcode"], rows))
    return CareTruth(
        people=[{"forename": person.given, "surname": person.family, "dob": person.dob,
                 "postcode": person.postcode, "nhs_number": person.nhs_number,
                 "keysafe_code": ""} for person in people],
        staff=list(STAFF), related=[])


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    build_cultures_share(argv[0], int(argv[2]) if len(argv) > 2 else 13).save(Path(argv[1]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
