"""Join the trust's master patient index (MPI) to the individuals of a breach.

Each MPI row is hashed with the scan's key and the same normalisation as the
findings (NHS number digits; name order-, case- and title-free; date of birth
to ISO), then joined on NHS number, else on full name + date of birth. The
notification list then comes from the trust's own demographics, by MPI row
number: phiscan writes no MPI value anywhere.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from phiscan.detect.entities import normalise
from phiscan.scoping.linkage import Individual, name_dob_keys
from phiscan.security.files import open_private
from phiscan.security.keys import keyed_hash

COLUMN_ROLES = ("nhs", "name", "forename", "surname", "dob", "postcode")
HEADER_ALIASES: dict[str, tuple[str, ...]] = {  # header words, any case and separators
    "nhs": ("nhs number", "nhs", "nhs no", "nhsnumber", "nhs num"),
    "name": ("name", "full name", "patient name", "fullname", "patient"),
    "forename": ("forename", "forenames", "first name", "firstname", "given", "given name",
                 "given names", "christian name"),
    "surname": ("surname", "last name", "lastname", "family", "family name"),
    "dob": ("dob", "d o b", "date of birth", "birth date", "birthdate", "birth", "born",
            "birth dt"),
    "postcode": ("postcode", "post code", "postal code", "postalcode", "zip"),
}
MATCH_COLUMNS = ("individual_id", "status", "matched_on", "mpi_rows")


class MpiError(ValueError):
    """The MPI file or --columns cannot be used. The message holds no MPI value."""


def parse_columns(spec: str | None) -> dict[str, str]:
    """`nhs=NHS_NO,dob=BIRTH` -> {"nhs": "NHS_NO", "dob": "BIRTH"}."""
    if not spec:
        return {}
    mapping = {}
    for part in spec.split(","):
        role, _, column = part.partition("=")
        role, column = role.strip().lower(), column.strip()
        if role not in COLUMN_ROLES or not column:
            raise MpiError(f"--columns: use ROLE=COLUMN with ROLE in {', '.join(COLUMN_ROLES)}")
        mapping[role] = column
    return mapping


def resolve_columns(header: list[str], explicit: dict[str, str]) -> dict[str, int]:
    """Role -> column index, from --columns or from the usual header names."""
    folded = {name.strip().casefold(): index for index, name in enumerate(header)}
    as_words = {header_words(name): index for index, name in enumerate(header)}
    resolved: dict[str, int] = {}
    for role in COLUMN_ROLES:
        if role in explicit:
            index = folded.get(explicit[role].casefold())
            if index is None:
                raise MpiError(f"--columns: no column named {explicit[role]!r} in the MPI header")
            resolved[role] = index
            continue
        for alias in HEADER_ALIASES[role]:
            if alias in as_words:
                resolved[role] = as_words[alias]
                break
    if "nhs" not in resolved and not ("dob" in resolved and (
            "name" in resolved or {"forename", "surname"} <= set(resolved))):
        raise MpiError("MPI needs an NHS number column, or a name and a date of birth column "
                       "(see --columns)")
    return resolved



def header_words(name: str) -> str:
    """`Date_of_Birth`, `date-of-birth`, `D.O.B.` -> `date of birth`, `d o b`."""
    return " ".join("".join(c if c.isalnum() else " " for c in name.casefold()).split())


def unmatched_by_name(columns: dict[str, int]) -> bool:
    """Whether an MPI read with these columns can match only by NHS number: no name and
    date-of-birth pair, so breach people without a number are never matched."""
    return "dob" not in columns or not ("name" in columns
                                        or {"forename", "surname"} <= columns.keys())

@dataclass(frozen=True)
class MpiKeys:
    row: int  # as a spreadsheet numbers it: the header is row 1
    nhs: str | None
    name_dob: tuple[str, str] | None


def _cell(row: list[str], columns: dict[str, int], role: str) -> str:
    index = columns.get(role)
    return row[index].strip() if index is not None and index < len(row) else ""


def hash_row(row_number: int, row: list[str], columns: dict[str, int], key: bytes) -> MpiKeys:
    nhs = _cell(row, columns, "nhs")
    name = _cell(row, columns, "name") or " ".join(
        part for part in (_cell(row, columns, "forename"), _cell(row, columns, "surname")) if part
    )
    dob = _cell(row, columns, "dob")
    nhs_hash = keyed_hash(key, "UK_NHS", normalise("UK_NHS", nhs)) if nhs else None
    name_dob = None
    if name and dob:
        name_dob = (keyed_hash(key, "PERSON", normalise("PERSON", name)),
                    keyed_hash(key, "DATE_OF_BIRTH", normalise("DATE_OF_BIRTH", dob)))
    return MpiKeys(row_number, nhs_hash, name_dob)


def read_mpi(path: Path, explicit: dict[str, str], key: bytes) -> MpiRows:
    # Imported here: phiscan.extract loads every reader, and the CLI registers this module.
    from phiscan.extract.encoding import decode_text

    rows = csv.reader(io.StringIO(decode_text(path.read_bytes()), newline=""))
    header = next(rows, None)
    if header is None:
        raise MpiError("MPI file is empty")
    columns = resolve_columns(header, explicit)
    return MpiRows(unmatched_by_name(columns), [
        hash_row(number, row, columns, key)
        for number, row in enumerate(rows, start=2) if any(cell.strip() for cell in row)])


class MpiRows(NamedTuple):
    nhs_only: bool  # no name and date-of-birth columns were recognised
    rows: list[MpiKeys]


@dataclass
class MatchResult:
    mpi_rows: int
    by_person: dict[str, list[int]] = field(default_factory=dict)  # id -> MPI rows
    matched_on: dict[str, str] = field(default_factory=dict)  # id -> nhs_number | name_dob
    ambiguous_rows: list[int] = field(default_factory=list)
    people: list[Individual] = field(default_factory=list)

    def status(self, person: Individual) -> str:
        rows = self.by_person.get(person.id, [])
        if not rows:
            return "unmatched"
        return "matched" if len(rows) == 1 else "ambiguous"

    def summary(self) -> dict:
        statuses = [self.status(person) for person in self.people]
        matched_on = [self.matched_on[p.id] for p in self.people if self.status(p) == "matched"]
        return {
            "mpi_rows": self.mpi_rows,
            "mpi_rows_in_breach": sum(len(rows) for rows in self.by_person.values())
                                  + len(self.ambiguous_rows),
            "individuals": len(self.people),
            "matched": statuses.count("matched"),
            "ambiguous": statuses.count("ambiguous"),
            "ambiguous_mpi_rows": len(self.ambiguous_rows),
            "unmatched_in_breach": statuses.count("unmatched"),
            "matched_on": {"nhs_number": matched_on.count("nhs_number"),
                           "name_dob": matched_on.count("name_dob")},
        }


def _indexes(people: list[Individual]) -> tuple[dict, dict]:
    by_nhs: dict[str, set[str]] = defaultdict(set)
    by_name_dob: dict[tuple[str, str], set[str]] = defaultdict(set)
    for person in people:
        for record in person.records:
            for nhs in record.nhs:
                by_nhs[nhs].add(person.id)
            for key in name_dob_keys(record):
                by_name_dob[key].add(person.id)
    return by_nhs, by_name_dob


def match_people(people: list[Individual], mpi: list[MpiKeys]) -> MatchResult:
    """An MPI row joins on NHS number, else on name + DOB; two or more candidates, or a
    person claimed by two or more rows, is ambiguous."""
    by_nhs, by_name_dob = _indexes(people)
    result = MatchResult(len(mpi), people=people)
    rows_by_person: dict[str, list[int]] = defaultdict(list)
    for entry in mpi:
        candidates = by_nhs.get(entry.nhs, set()) if entry.nhs else set()
        how = "nhs_number"
        if not candidates and entry.name_dob:
            candidates, how = by_name_dob.get(entry.name_dob, set()), "name_dob"
        if len(candidates) > 1:
            result.ambiguous_rows.append(entry.row)
        elif candidates:
            person_id = next(iter(candidates))
            rows_by_person[person_id].append(entry.row)
            result.matched_on.setdefault(person_id, how)
    result.by_person = dict(rows_by_person)
    return result


def write_match_csv(path: Path, result: MatchResult) -> None:
    with open_private(path) as handle:
        writer = csv.writer(handle)
        writer.writerow(MATCH_COLUMNS)
        for person in result.people:
            writer.writerow([person.id, result.status(person),
                             result.matched_on.get(person.id, ""),
                             ";".join(str(row) for row in result.by_person.get(person.id, []))])
