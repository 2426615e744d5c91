"""Generated people, never real: the one place names and health-service numbers are made.

Numbers are checksum-valid through the recognizer's own check digit
(`recognizers.nhs_number_recognizer.nhs_check_digit`), so what the generator makes is exactly what
the scanner accepts. Every generator takes a seeded `random.Random`.
"""

from __future__ import annotations

import random

from recognizers.nhs_number_recognizer import nhs_check_digit

FORENAMES = (
    "Jane", "Margaret", "Arthur", "Dorothy", "Harold", "Edith", "Kenneth", "Joan", "Albert",
    "Patricia", "Ronald", "Sheila", "Dennis", "Brenda", "Stanley", "Irene", "Leonard",
    "Gwendoline", "Norman", "Valerie", "Amir", "Priya", "Oluwaseun", "Siobhan", "Tomasz",
)
SURNAMES = (
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel",
    "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall",
    "Wood", "Jackson", "Khan", "Nowak", "Okafor", "Murphy", "Hughes",
)

# Extra shapes for the care share: apostrophes, hyphens, and middle names.
MORE_SURNAMES = ("O'Neill", "Webb-Morton", "O'Brien", "Ferguson-Hart", "McDonald", "Ahmed",
                 "Kowalski", "Baxter", "Fletcher", "Lloyd", "Pearson", "Sutton")
MIDDLE_NAMES = ("Mary", "Ann", "James", "Elizabeth", "John", "Rose")
# Staff come from their own names, so a staff name is never also a patient's.
STAFF_FORENAMES = ("Leanne", "Marcus", "Chloe", "Dwayne", "Fatima", "Gareth", "Hannah",
                   "Imran", "Kirsty", "Liam", "Megan", "Rhys", "Sadia", "Wayne")
STAFF_SURNAMES = ("Bishop", "Carver", "Dunmore", "Ellery", "Fairbank", "Garside", "Holroyd",
                  "Ingham", "Kershaw", "Lumb", "Midgley", "Naylor", "Ormerod", "Sugden")
# Next of kin too (a daughter's married name, a neighbour).
RELATED_FORENAMES = ("Karen", "Julie", "Stephen", "Andrea", "Paul", "Tracey", "Neil", "Wendy")
RELATED_SURNAMES = ("Atkinson", "Barraclough", "Crowther", "Dobson", "Exley", "Firth",
                    "Greenwood", "Haigh")


def mod11_number(rng: random.Random, first_digits: str) -> str:
    """Ten digits starting with `first_digits`, with a valid modulus-11 check digit and
    not one digit repeated."""
    while True:
        stem = first_digits + "".join(str(rng.randrange(10))
                                      for _ in range(9 - len(first_digits)))
        check = nhs_check_digit(stem)
        if check is not None and len(set(stem)) > 1:
            return stem + str(check)


def random_nhs_number(rng: random.Random) -> str:
    """An NHS number from the issued ranges 4, 6 and 7."""
    while True:
        first_nine = str(rng.choice((4, 6, 7))) + "".join(str(rng.randrange(10)) for _ in range(8))
        check = nhs_check_digit(first_nine)
        if check is not None and len(set(first_nine)) > 1:
            return first_nine + str(check)


def test_range_nhs_number(rng: random.Random) -> str:
    """An NHS number from the test range 999 000 0000 - 999 999 9999 (test data)."""
    return mod11_number(rng, "999")


def spaced(nhs_number: str) -> str:
    return f"{nhs_number[:3]} {nhs_number[3:6]} {nhs_number[6:]}"
