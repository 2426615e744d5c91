"""A care provider's share whose people are known one by one (issue 15).

Visit notes, letters, HL7 messages, FHIR bundles, a split-name extract, a rota,
MDT notes and e-mails, generated from a seed. Every record names staff next to the
patient (the carer, the nurse, the consultant who signs, the people `Present:`), some
without any label (recurring across many patients), next of kin and neighbours holding
a key; patients without NHS numbers appear in a surname/forename extract and in
`SURNAME, Forename` prose; one person is written in several shapes (`Mrs Sandra Jones`,
`JONES, Sandra`, `Sandra JONES`, HL7 `JONES^Sandra^^^Mrs`, FHIR family/given, split
columns) with the date of birth in several forms. `CareTruth` holds the people, the
staff and the related people, to score `individuals --export --reveal` person by person
(`phiscan.quality.scoping`). Every identifier is synthetic.

`python -m phiscan.synthetic.care_share SHARE TRUTH.json [PEOPLE] [SEED]` writes one.
"""

from __future__ import annotations

import json
import random
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

from phiscan.synthetic.demo_share import CONDITIONS, POSTCODES
from phiscan.synthetic.groundtruth import Subject, _csv, _write
from phiscan.synthetic.people import (
    FORENAMES,
    MIDDLE_NAMES,
    MORE_SURNAMES,
    RELATED_FORENAMES,
    RELATED_SURNAMES,
    STAFF_FORENAMES,
    STAFF_SURNAMES,
    SURNAMES,
    random_nhs_number,
    spaced,
)
from recognizers.access_kinds import CODE, ENTRY_KINDS

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
RELATIONS = ("daughter", "son", "niece", "wife", "husband")


@dataclass(frozen=True)
class Patient:
    subject: Subject
    middle: str = ""
    next_of_kin: str = ""
    relation: str = ""
    neighbour: str = ""  # holds a key

    def __getattr__(self, name: str):
        return getattr(self.subject, name)


ACCESS_KIND = "access_kind"  # a truth's list of a person's kinds of way in


def access_kinds(person: dict) -> list[str]:
    """A true person's kinds of way in (`code`, `hidden_key`, `key_holder`, `left_open`):
    their `access_kind` list (or one kind as a string); without one, `code` when they have
    a `keysafe_code` (what the truths written before kinds count)."""
    if ACCESS_KIND in person:
        given = person[ACCESS_KIND] or []
        return [given] if isinstance(given, str) else list(given)
    return [CODE] if person.get("keysafe_code") else []


@dataclass
class CareTruth:
    people: list[dict] = field(default_factory=list)  # forename, surname, dob, nhs_number...
    staff: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)

    @property
    def individuals(self) -> int:
        return len(self.people)

    @property
    def with_home_access(self) -> int:
        """People with any way into their home in the share: their `access_kind` list
        where the truth gives one, else a `keysafe_code`."""
        return sum(bool(access_kinds(person)) for person in self.people)

    @property
    def gives_access_kinds(self) -> bool:
        """Whether the truth says which kind of way in each person's is (`access_kind`)."""
        return any(ACCESS_KIND in person for person in self.people)

    def with_access_kind(self, kind: str) -> int:
        return sum(kind in access_kinds(person) for person in self.people)

    @property
    def with_entry_details(self) -> int:
        return sum(bool(set(access_kinds(person)) & ENTRY_KINDS) for person in self.people)

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self), indent=1), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> CareTruth:
        """The truth's people, staff and related people; other keys a truth's author added
        (notes, households) are left aside."""
        given = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(given, dict):
            raise ValueError(f"{path.name}: a truth is a JSON object with `people`")
        return cls(**{name: given.get(name, []) for name in ("people", "staff", "related")})


def _day_month_year(dob: str) -> tuple[int, int, int]:
    day, month, year = dob.split("/")
    return int(day), int(month), int(year)


def dob_forms(dob: str) -> list[str]:
    """`12/04/1930`, `12.04.1930`, `1930-04-12`, `12 April 1930`, `12-Apr-1930`."""
    day, month, year = _day_month_year(dob)
    return [dob, f"{day:02d}.{month:02d}.{year}", f"{year}-{month:02d}-{day:02d}",
            f"{day} {MONTHS[month - 1]} {year}", f"{day:02d}-{MONTHS[month - 1][:3]}-{year}"]


def hl7_dob(dob: str) -> str:
    day, month, year = _day_month_year(dob)
    return f"{year}{month:02d}{day:02d}"


def _staff(rng: random.Random, count: int) -> list[str]:
    names = [f"{forename} {surname}" for forename in STAFF_FORENAMES
             for surname in STAFF_SURNAMES]
    return rng.sample(names, count)


def _patients(rng: random.Random, count: int) -> list[Patient]:
    surnames = SURNAMES + MORE_SURNAMES
    related = [f"{forename} {surname}" for forename in RELATED_FORENAMES
               for surname in RELATED_SURNAMES]
    people: list[Patient] = []
    seen: set[tuple[str, str, str]] = set()
    while len(people) < count:
        forename, surname = rng.choice(FORENAMES), rng.choice(surnames)
        dob = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1920, 1960)}"
        if (forename, surname, dob) in seen:
            continue
        seen.add((forename, surname, dob))
        subject = Subject(
            forename, surname, dob, rng.choice(POSTCODES),
            random_nhs_number(rng) if rng.random() < 0.75 else "",
            keysafe_code=f"{rng.randint(1000, 9999)}" if rng.random() < 0.35 else "",
            condition=rng.choice(CONDITIONS) if rng.random() < 0.5 else "",
            title=rng.choice(("Mr", "Mrs", "Ms")),
        )
        people.append(Patient(
            subject, middle=rng.choice(MIDDLE_NAMES) if rng.random() < 0.2 else "",
            next_of_kin=rng.choice(related) if rng.random() < 0.4 else "",
            relation=rng.choice(RELATIONS),
            neighbour=rng.choice(related) if subject.keysafe_code and rng.random() < 0.3
            else "",
        ))
    return people


def _shape(person: Patient, rng: random.Random) -> str:
    """The patient's name in one of the shapes a record writes it."""
    middle = f" {person.middle}" if person.middle else ""
    return rng.choice((
        f"{person.title} {person.forename}{middle} {person.surname}",
        f"{person.surname.upper()}, {person.forename}{middle}",
        f"{person.forename} {person.surname.upper()}",
        f"{person.forename}{middle} {person.surname}",
    ))


def visit_note(person: Patient, carer: str, nurse: str, unlabelled: str,
               rng: random.Random) -> str:
    dob = rng.choice(dob_forms(person.dob))
    label = rng.choice(("Client", "Patient", "Service user", "Resident"))
    lines = ["Home visit note", f"{label}: {_shape(person, rng)}", f"DOB: {dob}"]
    if person.nhs_number:
        lines.append(f"NHS number: {spaced(person.nhs_number)}")
    lines.append(f"Postcode: {person.postcode}")
    lines.append(rng.choice((f"Carer: {carer}", f"Carer {carer} attended at 09:10.",
                             f"Visited by {carer}.")))
    lines.append(f"Seen by Nurse {nurse}.")
    if person.keysafe_code:
        lines.append(f"Key safe code {person.keysafe_code} by the front door.")
    if person.neighbour:
        lines.append(f"Neighbour {person.neighbour} holds a spare key.")
    if person.next_of_kin:
        lines.append(f"Next of kin: {person.next_of_kin} ({person.relation}).")
    if person.condition:
        lines.append(f"Diagnosis: {person.condition}.")
    lines.append(f"\nMedication given. {unlabelled} stayed for lunch.")
    return "\n".join(lines) + "\n"


def letter(person: Patient, consultant: str, gp: str, rng: random.Random) -> str:
    dob = rng.choice(dob_forms(person.dob))
    nhs = f", NHS {spaced(person.nhs_number)}" if person.nhs_number else ""
    return (f"Re: {person.title} {person.forename} {person.surname.upper()}, DOB {dob}{nhs}\n\n"
            f"Dear Dr {gp.split()[-1]}\n\n"
            f"I reviewed {person.title} {person.surname} in clinic today.\n\n"
            f"Yours sincerely\n\nDr {consultant}\nConsultant Geriatrician\n")


def hl7_message(person: Patient, consultant: str, number: int) -> str:
    family, given = person.surname.upper(), person.forename
    c_given, c_family = consultant.split()
    segments = [
        f"MSH|^~\\&|PAS|RXX|EPR|RXX|20240101120{number % 10}||ADT^A01|{number}|P|2.4",
        f"PID|1||{person.nhs_number}^^^NHS^NH||{family}^{given}^^^{person.title}||"
        f"{hl7_dob(person.dob)}|U",
        f"PV1|1|I|W1^B2||||C{number:04d}^{c_family.upper()}^{c_given}^^^Dr|",
    ]
    if person.next_of_kin:
        k_given, k_family = person.next_of_kin.split()
        segments.append(f"NK1|1|{k_family.upper()}^{k_given}|{person.relation.upper()[:3]}")
    return "\r".join(segments) + "\r"


def fhir_bundle(people: list[Patient], consultant: str) -> dict:
    entries = []
    for person in people:
        resource: dict = {"resourceType": "Patient", "name": [
            {"family": person.surname,
             "given": [person.forename, *([person.middle] if person.middle else [])]}],
            "birthDate": rng_free_iso(person.dob)}
        if person.nhs_number:
            resource["identifier"] = [{"system": "https://fhir.nhs.uk/Id/nhs-number",
                                       "value": person.nhs_number}]
        entries.append({"resource": resource})
    given, family = consultant.split()
    entries.append({"resource": {"resourceType": "Practitioner",
                                 "name": [{"family": family, "given": [given],
                                           "prefix": ["Dr"]}]}})
    return {"resourceType": "Bundle", "type": "collection", "entry": entries}


def rng_free_iso(dob: str) -> str:
    day, month, year = _day_month_year(dob)
    return f"{year}-{month:02d}-{day:02d}"


def mdt_note(person: Patient, present: list[str], rng: random.Random) -> str:
    dob = rng.choice(dob_forms(person.dob))
    return (f"MDT review\nPresent: {', '.join(present)}\n\n"
            f"{person.surname.upper()}, {person.forename} (DOB {dob}) discussed; "
            f"plan agreed.\n")


def email(person: Patient, sender: str, recipient: str, rng: random.Random) -> str:
    def address(name: str) -> str:
        return f"{name} <{name.lower().replace(' ', '.')}@care.example>"

    dob = rng.choice(dob_forms(person.dob))
    return (f"From: {address(sender)}\nTo: {address(recipient)}\nSubject: visit update\n\n"
            f"{person.forename} {person.surname}, DOB {dob}, was seen today.\n")


def build_care_share(root: str | Path, people_count: int = 200, seed: int = 41) -> CareTruth:
    """A generated care share with its truth; see the module docstring."""
    rng = random.Random(seed)
    base = Path(root)
    people = _patients(rng, people_count)
    staff = _staff(rng, 16)
    carers, nurses, consultants, gps = staff[:8], staff[8:11], staff[11:14], staff[14:16]
    unlabelled = carers[:2]  # named in notes without a label: found by recurrence
    with_nhs = [person for person in people if person.nhs_number]
    for index, person in enumerate(people, start=1):
        for visit in range(1 + (index % 3 == 0)):
            _write(base / "visits" / f"visit-{index:04d}-{visit + 1}.txt", visit_note(
                person, rng.choice(carers), rng.choice(nurses), rng.choice(unlabelled), rng))
        if index % 3 == 1:
            _write(base / "letters" / f"clinic-{index:04d}.txt",
                   letter(person, rng.choice(consultants), rng.choice(gps), rng))
        if index % 5 == 2:
            _write(base / "mdt" / f"mdt-{index:04d}.txt",
                   mdt_note(person, rng.sample(staff, 3), rng))
        if index % 7 == 3:
            _write(base / "mail" / f"update-{index:04d}.eml",
                   email(person, rng.choice(carers), rng.choice(nurses), rng))
    for index, person in enumerate(with_nhs[::4], start=1):
        _write(base / "hl7" / f"adt-{index:04d}.hl7",
               hl7_message(person, rng.choice(consultants), index))
    _write(base / "fhir" / "referrals.json",
           json.dumps(fhir_bundle(with_nhs[1::4], consultants[0]), indent=1))
    split = [person for person in people if not person.nhs_number or rng.random() < 0.2]
    _write(base / "exports" / "clients-no-nhs.csv", _csv(
        ["surname", "forename", "date_of_birth", "postcode", "access_notes"],
        [[person.surname, person.forename, dob_forms(person.dob)[4], person.postcode,
          f"Key safe {person.keysafe_code}" if person.keysafe_code else ""]
         for person in split]))
    _write(base / "rota" / "week-12.csv", _csv(
        ["staff_name", "client_name", "client_dob", "visit_time"],
        [[rng.choice(carers), person.listed_name, person.dob, "08:30"]
         for person in people[::2]]))
    _write(base / "rota" / "staff.csv", _csv(
        ["staff_name", "role"], [[name, "carer"] for name in carers]))
    related = sorted({name for person in people for name in (person.next_of_kin,
                                                             person.neighbour) if name})
    return CareTruth(
        people=[asdict(person.subject) | {"middle": person.middle} for person in people],
        staff=staff, related=related,
    )


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    count = int(argv[2]) if len(argv) > 2 else 200
    seed = int(argv[3]) if len(argv) > 3 else 41
    build_care_share(argv[0], count, seed).save(Path(argv[1]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
