"""Breach scoping scored person by person against a share's known people.

Each exported individual (revealed: `individuals --export --reveal`) is compared with
the truth (`phiscan.synthetic.care_share.CareTruth`). A row *is* a true person when it
carries that person's NHS number, or their full name together with their date of
birth (both compared as keys, so any shape of either matches). A row *carries a staff
name* when its `name` or `other_names` holds a staff member's name.

- identity recall: true people with exactly one row that is them, is nobody else and
  carries no staff name;
- identity precision: rows that are exactly one true person and carry no staff name;
- staff contamination: rows that carry any staff name;
- rows with other keys: rows that are exactly one true person but also carry a date of
  birth or an NHS number that is not theirs (a relative's own, another patient's): a
  responder reading the row would take it for the person's.
"""

from __future__ import annotations

from dataclasses import dataclass

from phiscan.detect.entities import normalise

SEPARATOR = "; "


def _values(row: dict[str, str], column: str) -> list[str]:
    return [value for value in (row.get(column) or "").split(SEPARATOR) if value]


@dataclass(frozen=True)
class RowKeys:
    nhs: frozenset[str]
    names: frozenset[str]
    dobs: frozenset[str]

    @classmethod
    def of(cls, row: dict[str, str]) -> RowKeys:
        return cls(
            frozenset(normalise("UK_NHS", value) for value in _values(row, "nhs_number")),
            frozenset(normalise("PERSON", value)
                      for column in ("name", "other_names") for value in _values(row, column)),
            frozenset(normalise("DATE_OF_BIRTH", value)
                      for value in _values(row, "date_of_birth")),
        )


@dataclass(frozen=True)
class TruePerson:
    nhs: str
    name: str
    dob: str

    @classmethod
    def of(cls, person: dict) -> TruePerson:
        return cls(normalise("UK_NHS", person["nhs_number"]) if person.get("nhs_number") else "",
                   normalise("PERSON", f"{person['forename']} {person['surname']}"),
                   normalise("DATE_OF_BIRTH", person["dob"]))

    def owns_all(self, row: RowKeys) -> bool:
        """Every date of birth and NHS number of the row is this person's."""
        return row.dobs <= {self.dob} and row.nhs <= ({self.nhs} - {""})

    def is_in(self, row: RowKeys) -> bool:
        return (bool(self.nhs) and self.nhs in row.nhs) or (
            self.name in row.names and self.dob in row.dobs)


@dataclass(frozen=True)
class ScopingScore:
    true_people: int
    rows: int
    identity_recall: float
    identity_precision: float
    staff_contamination: float
    rows_with_staff: int
    rows_named_staff: int  # a staff member counted as an individual
    rows_with_other_keys: int = 0  # one true person's row with another's DOB or NHS number

    def as_dict(self) -> dict:
        return {"true_people": self.true_people, "rows": self.rows,
                "identity_recall": round(self.identity_recall, 4),
                "identity_precision": round(self.identity_precision, 4),
                "staff_contamination": round(self.staff_contamination, 4),
                "rows_with_staff": self.rows_with_staff,
                "rows_named_staff": self.rows_named_staff,
                "rows_with_other_keys": self.rows_with_other_keys}


def score_rows(rows: list[dict[str, str]], people: list[dict], staff: list[str]
               ) -> ScopingScore:
    truth = [TruePerson.of(person) for person in people]
    staff_keys = {normalise("PERSON", name) for name in staff}
    keys = [RowKeys.of(row) for row in rows]
    members = [[index for index, person in enumerate(truth) if person.is_in(row)]
               for row in keys]
    with_staff = [bool(row.names & staff_keys) for row in keys]
    exact = [len(found) == 1 and not staff for found, staff in zip(members, with_staff,
                                                                      strict=True)]
    rows_of: dict[int, list[int]] = {}
    for row_index, found in enumerate(members):
        for person in found:
            rows_of.setdefault(person, []).append(row_index)
    recalled = sum(1 for person in range(len(truth))
                   if len(rows_of.get(person, [])) == 1 and exact[rows_of[person][0]])
    count = len(rows)
    return ScopingScore(
        true_people=len(truth), rows=count,
        identity_recall=recalled / len(truth) if truth else 1.0,
        identity_precision=sum(exact) / count if count else 1.0,
        staff_contamination=sum(with_staff) / count if count else 0.0,
        rows_with_staff=sum(with_staff),
        rows_named_staff=sum(bool({normalise("PERSON", name) for name in _values(row, "name")}
                                  & staff_keys) for row in rows),
        rows_with_other_keys=sum(1 for found, row, right in zip(members, keys, exact, strict=True)
                                 if right and not truth[found[0]].owns_all(row)),
    )
