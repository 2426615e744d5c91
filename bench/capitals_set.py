"""Build the held-out all-capitals name set (tests/data/capitals_mtsamples)
from the public MTSamples medical transcriptions (see tests/data/SOURCES.md).

    python bench/capitals_set.py mtsamples.csv tests/data/capitals_mtsamples

Each note is an excerpt of one transcription (a few sentences, cut at a sentence's
end), written in capitals as nursing notes are. The names the transcription has are
kept; its de-identified placeholders (`Dr. X`, `Dr. XYZ`) get a surname; about two
notes in three get names where notes carry them (a patient line at the top, `SEEN BY
DR X`, a relative at the bedside, a signature). About one note in three has no name
at all. Every name is labelled by its character span. `dev` (30 notes) was looked at
while the name rules were changed; `heldout_a` (70) was measured once, and one rule was
changed after (`MX` in capitals is no title); `heldout_b` (70) was measured only after
that, with nothing changed since.
"""

from __future__ import annotations

import csv
import json
import random
import re
import sys
from pathlib import Path

DEV = 30
HELDOUT = 70  # each of two held-out parts
SEED = 1414
EXCERPT = (350, 900)
FORENAMES = ["JOHN", "MARGARET", "ANITA", "DEREK", "SIOBHAN", "KWAME", "ELAINE", "RAJESH",
             "BRIDGET", "TREVOR", "FATIMA", "GRAHAM", "JOYCE", "OLUWASEUN", "PAULINE",
             "STUART", "AGNIESZKA", "COLIN", "MAUREEN", "DAVINDER", "HILARY", "NEIL",
             "YVONNE", "BARRY", "CHIOMA", "GORDON", "LORRAINE", "IMRAN", "SHEILA", "KEITH"]
SURNAMES = ["SMITH", "KLEIN", "O'NEILL", "PATEL", "HOLLINGWORTH", "MENSAH", "FERGUSON",
            "KHAN", "DUNCAN", "WEBB-MORTON", "ACHTERBERG", "MCALLISTER", "OKAFOR", "PRICE",
            "LLEWELLYN", "NOWAK", "SUTCLIFFE", "BHATTI", "GREENHALGH", "DOYLE", "ASHWORTH",
            "CHOUDHURY", "FAIRBAIRN", "KOWALSKI", "MORRISON", "ADEYEMI", "HARDCASTLE",
            "QUINN", "ROWBOTHAM", "TENNANT"]
RELATIONS = ["DAUGHTER", "SON", "WIFE", "HUSBAND", "SISTER", "NIECE"]
PLACEHOLDER = re.compile(r"\b(Dr|Mr|Mrs|Ms)\.? (?:X|Y|A|B|G|J|W|XYZ|XXX|ABC)\b(?!\.\w)")
REAL_NAME = re.compile(r"\b(?:Dr|Mr|Mrs|Ms)\.? ((?!(?:X|Y|A|B|G|J|W|XYZ|XXX|ABC)\b)"
                       r"[A-Z][a-z]+(?:[A-Z][a-z]+)?)")


class Note:
    def __init__(self) -> None:
        self.text = ""
        self.names: list[list[int]] = []

    def add(self, piece: str, *names: str) -> None:
        """Append piece; each of names (substrings of piece) is labelled."""
        for name in names:
            at = piece.index(name)
            self.names.append([len(self.text) + at, len(self.text) + at + len(name)])
        self.text += piece


def excerpt(text: str, rng: random.Random) -> str:
    # The CSV marks a paragraph's end `.,` and a heading's `:,`.
    text = " ".join(text.split())
    text = re.sub(r"\s*,\s*(?=[A-Z][A-Z ]+:)", "\n", text)
    text = re.sub(r":\s*,\s*", ": ", text).replace(".,", ".\n").replace(". ,", ".\n")
    anchor = REAL_NAME.search(text) or PLACEHOLDER.search(text)
    start = 0
    if anchor and anchor.start() > EXCERPT[1] - 200:
        start = text.rfind(". ", 0, anchor.start() - rng.randint(50, 300)) + 2
    limit = start + rng.randint(*EXCERPT)
    end = re.compile(r"\.\s").search(text, limit)
    return text[start:len(text) if end is None else end.start() + 1].strip()


def person(rng: random.Random) -> tuple[str, str]:
    return rng.choice(FORENAMES), rng.choice(SURNAMES)


def body(note: Note, text: str, rng: random.Random) -> None:
    """The excerpt in capitals; names kept, placeholders given a surname."""
    position = 0
    for match in sorted([*REAL_NAME.finditer(text), *PLACEHOLDER.finditer(text)],
                        key=lambda m: m.start()):
        if match.start() < position:
            continue
        note.add(text[position:match.start()].upper())
        title = match[0].split()[0].rstrip(".").upper()
        surname = (match[1].upper() if match.re is REAL_NAME else rng.choice(SURNAMES))
        named = f"{title} {surname}"
        note.add(named, surname)
        position = match.end()
    note.add(text[position:].upper())


def build(row: dict, rng: random.Random, with_names: bool) -> dict:
    note = Note()
    text = excerpt(row["transcription"], rng)
    if not with_names:
        text = PLACEHOLDER.sub(lambda m: "the surgeon" if m[1] == "Dr" else "the patient",
                               REAL_NAME.sub("the surgeon", text))
        note.add(text.upper())
        return record(row, note)
    first, last = person(rng)
    header = rng.choice([
        lambda: note.add(f"PT: {last}, {first}\n", f"{last}, {first}"),
        lambda: note.add(f"{first} {last}\n", f"{first} {last}"),
        lambda: note.add(f"PATIENT: {last}, {first.title()}\n", f"{last}, {first.title()}"),
        lambda: None])
    header()
    body(note, text, rng)
    if rng.random() < 0.5:
        doctor = rng.choice(SURNAMES)
        note.add(rng.choice([f" SEEN BY DR {doctor}.", f" D/W DR {doctor}, PLAN AS ABOVE.",
                             f" REVIEWED ON WARD ROUND BY DR {doctor}."]), doctor)
    if rng.random() < 0.25:
        relative = rng.choice([rng.choice(FORENAMES), " ".join(person(rng))])
        note.add(f" {rng.choice(RELATIONS)} {relative} AT BEDSIDE, UPDATED.", relative)
    if rng.random() < 0.5:
        nurse_first, nurse_last = person(rng)
        full, initialled = f"{nurse_first} {nurse_last}", f"{nurse_first[0]}. {nurse_last}"
        signature = rng.choice([f"\n{full} RN", f"\nSIGNED {initialled}, STAFF NURSE",
                                f"\n{full}, SN"])
        note.add(signature, full if full in signature else initialled)
    if not note.names:
        note.add(f"\nSEEN BY DR {last}.", last)
    return record(row, note)


def record(row: dict, note: Note) -> dict:
    """One labelled note in presidio-research's format (what `phiscan eval` reads)."""
    return {"full_text": note.text, "sample_name": row["sample_name"].strip(),
            "spans": [{"entity_type": "PERSON", "entity_value": note.text[start:end],
                       "start_position": start, "end_position": end}
                      for start, end in note.names]}


def main(source: str, target: str) -> None:
    rng = random.Random(SEED)
    with open(source, encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if len(row["transcription"]) > 400]
    seen: set[str] = set()
    unique = [row for row in rows if not (row["transcription"][:200] in seen
                                          or seen.add(row["transcription"][:200]))]
    rng.shuffle(unique)
    notes = [build(row, rng, rng.random() < 0.65 or bool(REAL_NAME.search(row["transcription"])))
             for row in unique[:DEV + 2 * HELDOUT]]
    folder = Path(target)
    folder.mkdir(parents=True, exist_ok=True)
    parts = (("dev", notes[:DEV]), ("heldout_a", notes[DEV:DEV + HELDOUT]),
             ("heldout_b", notes[DEV + HELDOUT:]))
    for part, chosen in parts:
        (folder / f"{part}.json").write_text(
            json.dumps(chosen, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:3])
