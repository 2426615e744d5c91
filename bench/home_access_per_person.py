"""Home access person by person on a generated share (issue 15): counts agree even when a
detail lands on the wrong person (one person's hidden key on another's row while a third is
missed), so this compares each true person's kinds of way in with their rows'.

    python bench/home_access_per_person.py TRUTH.json PEOPLE.csv

PEOPLE.csv is `phiscan individuals OUT --export PEOPLE.csv --reveal` (never commit it).
Printed: counts only (no name): true people with home access, of them those whose rows give
any, those whose rows give exactly their kinds, and true people without home access whose
rows give some.
"""

from __future__ import annotations

import csv
import json
import sys

from phiscan.quality.scoping import RowKeys, TruePerson
from phiscan.synthetic.care_share import access_kinds


def row_kinds(rows: list[dict[str, str]], keys: list[RowKeys], person: dict) -> set[str]:
    found = TruePerson.of(person)
    return {kind for row, row_keys in zip(rows, keys, strict=True) if found.is_in(row_keys)
            for kind in row["home_access_kinds"].split(";") if kind}


def compare(truth: dict, rows: list[dict[str, str]]) -> dict[str, int]:
    keys = [RowKeys.of(row) for row in rows]
    figures = {"true_with_home_access": 0, "given_home_access": 0, "with_exactly_their_kinds": 0,
               "without_but_given": 0}
    for person in truth["people"]:
        true_kinds, given = set(access_kinds(person)), row_kinds(rows, keys, person)
        if true_kinds:
            figures["true_with_home_access"] += 1
            figures["given_home_access"] += bool(given)
            figures["with_exactly_their_kinds"] += given == true_kinds
        elif given:
            figures["without_but_given"] += 1
    return figures


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as handle:
        truth = json.load(handle)
    with open(sys.argv[2], newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    print(" | ".join(f"{name} {value}" for name, value in compare(truth, rows).items()))


if __name__ == "__main__":
    main()
