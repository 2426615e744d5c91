"""`individuals --reveal` writes each person's own values: a name of another person's file
that shares a key is never theirs, and a double-barrelled surname is a person's identity."""

from __future__ import annotations

import pytest

from tests.cli import export_individuals, scan_quietly


def note(name: str, dob: str, nhs: str, diagnosis: str, next_of_kin: str = "") -> str:
    kin = f"Next of kin: {next_of_kin} (daughter), phone 07700 900123\n" if next_of_kin else ""
    return (f"Patient: {name}\nDOB: {dob}\nNHS Number: {nhs}\nDiagnosis: {diagnosis}.\n{kin}")


# A hospice's ward notes: two Marys whose double surnames share their last part, daughters
# who share one, and two women called Jane Smith, one with her middle name.
SHARE = {
    "ward/a.txt": note("Mary Smith-Jones", "02/03/1944", "401 023 2137", "heart failure"),
    "ward/b.txt": note("Mary Brown-Jones", "11/12/1950", "492 848 7753", "COPD"),
    "ipu/001.txt": note("Agnes Ackroyd", "04/05/1939", "943 476 5919",
                        "motor neurone disease", "Susan Ackroyd-Hall"),
    "ipu/002.txt": note("Bernard Brearley", "19/06/1941", "401 023 2153",
                        "pancreatic cancer", "Susan Brearley-Hall"),
    "ipu/003.txt": note("Cyril Cockcroft", "30/01/1936", "401 023 2161",
                        "renal failure", "Susan Hall"),
    "clinic/c.txt": note("Jane Ann Smith", "07/07/1947", "401 023 2145", "glioblastoma"),
    "clinic/d.txt": note("Jane Smith", "08/08/1958", "943 476 5870", "ovarian cancer"),
}


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    share = tmp_path_factory.mktemp("own-values-share")
    for path, text in SHARE.items():
        (share / path).parent.mkdir(parents=True, exist_ok=True)
        (share / path).write_text(text)
    out = tmp_path_factory.mktemp("own-values-out") / "inventory"
    scan_quietly(share, out)
    return share, out


def revealed(rows: list[dict]) -> set[tuple[str, str, str, str]]:
    return {(row["name"], row["date_of_birth"], row["nhs_number"], row["related_people"])
            for row in rows}


def test_each_row_reveals_its_own_name_and_daughter(scanned, tmp_path):
    _share, out = scanned
    rows = export_individuals(out, tmp_path, "--reveal")
    assert revealed(rows) == {
        ("Mary Smith-Jones", "02/03/1944", "401 023 2137", ""),
        ("Mary Brown-Jones", "11/12/1950", "492 848 7753", ""),
        ("Agnes Ackroyd", "04/05/1939", "943 476 5919", "Susan Ackroyd-Hall"),
        ("Bernard Brearley", "19/06/1941", "401 023 2153", "Susan Brearley-Hall"),
        ("Cyril Cockcroft", "30/01/1936", "401 023 2161", "Susan Hall"),
        ("Jane Ann Smith", "07/07/1947", "401 023 2145", ""),
        ("Jane Smith", "08/08/1958", "943 476 5870", ""),
    }
    assert {row["related_people_count"] for row in rows if row["related_people"]} == {"1"}
    assert {row["reveal_note"] for row in rows} == {""}


def test_a_name_of_the_same_key_in_an_edited_file_is_not_revealed(scanned, tmp_path):
    """Jane Ann Smith's letter edited after the scan to name a Jane Mary Smith: her row
    keeps her date of birth and number, and no name that is not the one stored."""
    share, out = scanned
    letter = share / "clinic" / "c.txt"
    original = letter.read_text()
    letter.write_text("Re-filed.\n" + original.replace("Jane Ann Smith", "Jane Mary Smith"))
    try:
        rows = export_individuals(out, tmp_path, "--reveal")
    finally:
        letter.write_text(original)
    jane = [row for row in rows if row["date_of_birth"] == "07/07/1947"]
    assert [(row["name"], row["nhs_number"], row["reveal_note"]) for row in jane] == [
        ("", "401 023 2145", "1 value(s) not found when re-read (changed since the scan?)")]
