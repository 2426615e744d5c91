"""Shares whose breach scope is known exactly, to test the linkage end to end.

`build_known_share` is small and hand-designed (people in several files and
formats, with and without NHS numbers, name variants, two different people
with the same name, staff named on a rota, a test-range number); its
`GroundTruth` states the exact count, home-access count and bounds.
`build_population_share` is large and generated from a seed, in compact CSV
and JSON files (plus a few notes) so it scans quickly. Every identifier is
synthetic: NHS numbers are checksum-valid but random.
"""

from __future__ import annotations

import csv
import io
import json
import random
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from phiscan.synthetic.demo_share import CONDITIONS, MEDICATIONS, POSTCODES
from phiscan.synthetic.people import (
    FORENAMES,
    SURNAMES,
    random_nhs_number,
    spaced,
    test_range_nhs_number,
)

STAFF = ("Thomas Baker", "Grace Holloway", "Oliver Pemberton")


@dataclass(frozen=True)
class Subject:
    forename: str
    surname: str
    dob: str  # dd/mm/yyyy
    postcode: str
    nhs_number: str = ""
    keysafe_code: str = ""
    condition: str = ""
    title: str = "Mrs"

    @property
    def name(self) -> str:
        return f"{self.forename} {self.surname}"

    @property
    def listed_name(self) -> str:
        """`SMITH, Jane`: how a rota or a ward list writes it."""
        return f"{self.surname.upper()}, {self.forename}"

    @property
    def iso_dob(self) -> str:
        day, month, year = self.dob.split("/")
        return f"{year}-{month}-{day}"


@dataclass
class GroundTruth:
    individuals: int
    with_home_access: int
    lower_bound: int = 0
    upper_bound: int = 0
    test_range_nhs_numbers: int = 0
    subjects: list[Subject] = field(default_factory=list)

    def raw_values(self) -> list[str]:
        """Every identifier planted, for leak checks on outputs."""
        values = list(STAFF)
        for person in self.subjects:
            values += [person.name, person.listed_name, person.dob, person.iso_dob,
                       person.postcode]
            if person.nhs_number:
                values += [person.nhs_number, spaced(person.nhs_number)]
            if person.keysafe_code:
                values.append(person.keysafe_code)
        return values


def _csv(header: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def _write(path: Path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def _zip(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def visit_note(person: Subject, carer: str) -> str:
    lines = [f"Home visit note\n\nPatient: {person.title} {person.name}"]
    if person.nhs_number:
        lines.append(f"NHS number: {spaced(person.nhs_number)}")
    lines.append(f"DOB: {person.dob}\nPostcode: {person.postcode}\n")
    lines.append(f"Carer {carer} attended at 09:10.")
    if person.keysafe_code:
        lines.append(f"Key safe code {person.keysafe_code} by the front door.")
    if person.condition:
        lines.append(f"Diagnosis: {person.condition}.")
    return "\n".join(lines) + "\n"


def fhir_patient(person: Subject) -> dict:
    resource: dict = {"resourceType": "Patient"}
    if person.nhs_number:
        resource["identifier"] = [{"system": "https://fhir.nhs.uk/Id/nhs-number",
                                   "value": person.nhs_number}]
    resource["name"] = [{"text": person.name}]
    resource["birthDate"] = person.iso_dob
    resource["address"] = [{"postalCode": person.postcode}]
    return resource


def _known_people(rng: random.Random) -> list[Subject]:
    return [
        Subject("Jane", "Smith", "14/03/1938", "LS6 2QB", random_nhs_number(rng), "4821"),
        Subject("Arthur", "Jones", "02/11/1941", "BD7 1DP", random_nhs_number(rng),
                condition="heart failure", title="Mr"),
        Subject("Dorothy", "Taylor", "23/07/1935", "HX1 5TT", keysafe_code="7315"),
        Subject("Harold", "Brown", "30/01/1944", "WF1 2EB", random_nhs_number(rng)),
        Subject("Edith", "Wilson", "09/09/1929", "HG2 8PA", random_nhs_number(rng)),
        Subject("Kenneth", "Davies", "17/05/1940", "YO1 7HH", keysafe_code="2580", title="Mr"),
        Subject("Kenneth", "Davies", "04/12/1952", "YO1 7HH", title="Mr"),
    ]


def build_known_share(root: str | Path, seed: int = 11) -> GroundTruth:
    """Seven people, three with home-access details; bounds 6 and 10.

    Upper bound 10: the rota rows of Jane, Dorothy and Kenneth (1) carry no postcode,
    so strict linkage keeps them apart from these people's notes and letters.
    Lower bound 6: loose linkage joins the two Kenneth Davies (same name and postcode).
    """
    rng = random.Random(seed)
    jane, arthur, dorothy, harold, edith, kenneth, kenneth_two = _known_people(rng)
    test_number = test_range_nhs_number(rng)
    base = Path(root)
    # Jane: a visit note (NHS number) and a rota row as `SMITH, Jane` with DOB, no postcode.
    _write(base / "care-notes" / "visit-0001.txt", visit_note(jane, STAFF[0]))
    _write(base / "care-notes" / "visit-0002.txt", visit_note(arthur, STAFF[1]))
    # Kenneth (1): a note with postcode, no NHS number; the other Kenneth Davies shares
    # name and postcode but not the date of birth: two people, one for the loose bound.
    _write(base / "care-notes" / "visit-0003.txt", visit_note(kenneth, STAFF[2]))
    _write(base / "rota" / "week-48.csv", _csv(
        ["staff_name", "client_name", "client_dob", "access_notes", "visit_time"],
        [[STAFF[0], jane.listed_name, jane.dob, f"Key safe code {jane.keysafe_code}", "08:30"],
         [STAFF[2], dorothy.listed_name, dorothy.dob,
          f"Key safe code {dorothy.keysafe_code}", "10:00"],
         [STAFF[1], kenneth.listed_name, kenneth.dob,
          f"Key safe code {kenneth.keysafe_code}", "11:30"]],
    ))
    # Staff only: names with shift times, never a data subject.
    _write(base / "rota" / "staff.csv", _csv(
        ["staff_name", "shift", "mobile_team"],
        [[name, "07:00-15:00", "North"] for name in STAFF],
    ))
    # Arthur, Edith, Kenneth (2): FHIR Patients; Edith has no other location.
    _write(base / "exports" / "patients.json",
           json.dumps([fhir_patient(arthur), fhir_patient(edith), fhir_patient(kenneth_two)],
                      indent=1))
    # Dorothy (no NHS number anywhere): a letter with postcode; Harold: a referral in a zip.
    _write(base / "letters" / "batch.zip", _zip({
        "letters/dt.txt": f"Dear Mrs {dorothy.name}\nDate of birth: {dorothy.dob}\n"
                          f"Postcode: {dorothy.postcode}\nYour next review is on Monday.\n",
        "letters/hb.txt": f"Referral for Mr {harold.name}\nNHS number: "
                          f"{spaced(harold.nhs_number)}\nDOB: {harold.dob}\n",
    }))
    _write(base / "exports" / "clients.csv", _csv(
        ["nhs_number", "name", "date_of_birth", "postcode"],
        [[harold.nhs_number, harold.listed_name, harold.dob, harold.postcode],
         [test_number, "Test Patient", "01/01/1970", "LS1 6AE"]],
    ))
    return GroundTruth(
        individuals=7, with_home_access=3, lower_bound=6, upper_bound=10,
        test_range_nhs_numbers=1,
        subjects=[jane, arthur, dorothy, harold, edith, kenneth, kenneth_two],
    )


def _population(rng: random.Random, count: int) -> list[Subject]:
    people: list[Subject] = []
    seen_nhs: set[str] = set()
    seen_name_dob: set[tuple[str, str, str]] = set()
    while len(people) < count:
        forename, surname = rng.choice(FORENAMES), rng.choice(SURNAMES)
        dob = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1920, 1965)}"
        nhs_number = random_nhs_number(rng) if rng.random() < 0.85 else ""
        if (forename, surname, dob) in seen_name_dob or (nhs_number and nhs_number in seen_nhs):
            continue
        seen_name_dob.add((forename, surname, dob))
        seen_nhs.add(nhs_number)
        people.append(Subject(
            forename, surname, dob, rng.choice(POSTCODES), nhs_number,
            keysafe_code=f"{rng.randint(1000, 9999)}" if rng.random() < 0.3 else "",
            condition=rng.choice(CONDITIONS) if rng.random() < 0.5 else "",
            title=rng.choice(("Mr", "Mrs", "Ms")),
        ))
    return people


def _client_rows(people: list[Subject], rng: random.Random) -> list[list[str]]:
    rows = []
    for person in people:
        name = person.listed_name if rng.random() < 0.5 else f"{person.title} {person.name}"
        rows.append([person.nhs_number, name, person.dob, person.postcode, person.condition])
    return rows


def _test_rows(rng: random.Random, count: int) -> list[list[str]]:
    return [[test_range_nhs_number(rng), "Test Patient", "01/01/1970", "LS1 6AE",
             rng.choice(MEDICATIONS)] for _ in range(count)]


def build_population_share(root: str | Path, people_count: int = 520, seed: int = 23
                           ) -> GroundTruth:
    """Hundreds of people over CSV exports, a key-safe list without NHS numbers, FHIR
    referrals for people without NHS numbers, notes, zipped letters and a staff rota."""
    rng = random.Random(seed)
    people = _population(rng, people_count)
    base = Path(root)
    with_nhs = [person for person in people if person.nhs_number]
    without_nhs = [person for person in people if not person.nhs_number]
    header = ["nhs_number", "client_name", "date_of_birth", "postcode", "condition"]
    for start in range(0, len(with_nhs), 200):
        rows = _client_rows(with_nhs[start:start + 200], rng) + _test_rows(rng, 2)
        _write(base / "exports" / f"clients-{start // 200 + 1:02d}.csv", _csv(header, rows))
    keysafe_people = [person for person in people if person.keysafe_code]
    _write(base / "exports" / "key-safes.csv", _csv(
        ["client_name", "client_dob", "postcode", "access_notes"],
        [[person.listed_name, person.dob, person.postcode,
          f"Key safe code {person.keysafe_code}"] for person in keysafe_people],
    ))
    _write(base / "exports" / "referrals.json",
           json.dumps([fhir_patient(person) for person in without_nhs], indent=1))
    for index, person in enumerate(with_nhs[:10], start=1):
        _write(base / "care-notes" / f"visit-{index:04d}.txt",
               visit_note(person, STAFF[index % len(STAFF)]))
    _write(base / "letters" / "letters.zip", _zip({
        f"letters/letter-{index:04d}.txt":
            f"Dear {person.title} {person.name}\nNHS number: {spaced(person.nhs_number)}\n"
            f"Your next review is on Monday.\n"
        for index, person in enumerate(with_nhs[10:30], start=1)
    }))
    _write(base / "rota" / "staff.csv", _csv(
        ["staff_name", "shift"],
        [[f"{rng.choice(FORENAMES)} {rng.choice(SURNAMES)}", "07:00-15:00"] for _ in range(30)],
    ))
    return GroundTruth(
        individuals=len(people), with_home_access=len(keysafe_people),
        test_range_nhs_numbers=2 * len(range(0, len(with_nhs), 200)), subjects=people,
    )
