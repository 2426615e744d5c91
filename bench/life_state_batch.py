"""A district nursing caseload with deaths at home and reablement discharges into care homes
(session 18, `ha-person`): a person's death or permanent move is stated in one record, the way
into the home they left in another; a couple share a home, the access note in one's record.

    python bench/life_state_batch.py SHARE_DIR TRUTH.json

The truth counts home access as most authors do: the way into the home of the person each note
is about, and none for the dead or those who moved out for good (`deceased`, `moved_out`).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def nhs_number(stem: str) -> str:
    """`stem` (9 digits) with its modulus 11 check digit (stems giving 10 are not used)."""
    total = sum(int(digit) * (10 - position) for position, digit in enumerate(stem))
    check = (11 - total % 11) % 11
    assert check != 10, stem
    return stem + str(check)


# forename, surname, dob, NHS number, postcode, truth's access kinds, life state
PEOPLE = [
    ("Doreen", "Ackroyd", "14/03/1931", nhs_number("401223344"), "HD7 4JQ", [], "deceased"),
    ("Walter", "Bramley", "02/09/1936", nhs_number("401223351"), "HD7 5LS", [], "deceased"),
    ("Irene", "Cattermole", "21/06/1934", nhs_number("401223369"), "HD8 0BT", [], "moved_out"),
    ("Harold", "Dewhirst", "30/11/1929", nhs_number("401223377"), "HD8 9PN", [], "deceased"),
    ("Muriel", "Eastwood", "07/01/1938", nhs_number("401223385"), "HD9 1RW", [], "deceased"),
    ("Leonard", "Firth", "19/05/1935", nhs_number("401223393"), "HD9 3AX", ["code"], ""),
    ("Audrey", "Firth", "11/12/1937", nhs_number("401223407"), "HD9 3AX", [], ""),
    ("Gladys", "Hirst", "25/08/1933", nhs_number("401223415"), "HD7 6DF", ["code"], ""),
    ("Stanley", "Ibbotson", "03/04/1940", nhs_number("401223423"), "HD8 7GH", ["key_holder"], ""),
    ("Phyllis", "Jagger", "16/10/1932", nhs_number("401223431"), "HD9 4JK", ["left_open"], ""),
    ("Norman", "Kershaw", "28/02/1939", nhs_number("401223458"), "HD7 2LM", ["code"], ""),
    ("Edna", "Lumb", "09/07/1936", nhs_number("401223466"), "HD8 5NP", ["code"], ""),
    ("Bernard", "Mitchell", "13/09/1930", nhs_number("401223474"), "HD9 6QR", [], "deceased"),
]
STAFF = ["Rachel Oldroyd", "Tariq Hussain", "Bethany Senior"]


def files() -> dict[str, str]:
    a, b, c, d, e, lf, af, g, s, p, n, ed, bm = PEOPLE
    header = "NHS Number,Surname,Forename,DOB,Postcode,Status,Date of death,Access\n"
    caseload = header + "".join(
        f"{x[3]},{x[1]},{x[0]},{x[2]},{x[4]},{status},{dod},{access}\n"
        for x, status, dod, access in (
            (a, "Active", "", ""),
            (b, "Discharged", "18/10/2026", ""),
            (g, "Active", "", "KS by front door 5172"),
            (n, "Active", "", "Key safe code 8830 on garage wall"),
            (bm, "Active", "", "Keysafe 6604 left of porch"),
        ))
    notes = {
        "dn/visits/1001.txt": (
            f"District Nursing - visit record\nPatient: {a[0]} {a[1]}  DOB: {a[2]}  NHS: {a[3]}\n"
            f"Address: 4 Scar Lane, Golcar {a[4]}\nSeen by: {STAFF[0]}\n\n"
            "Syringe driver checked, comfortable. Access: key safe by the back door, code 3391.\n"),
        "dn/visits/1002.txt": (
            f"Patient: {b[0]} {b[1]}  DOB: {b[2]}  NHS: {b[3]}\nAddress: 9 Mill Bank {b[4]}\n"
            "Wound dressing changed. Spare key under the blue plant pot by the shed.\n"
            f"Nurse: {STAFF[1]}\n"),
        "dn/visits/1003.txt": (
            f"Patient: {lf[0]} {lf[1]}  DOB: {lf[2]}  NHS: {lf[3]}\nAddress: 2 Holme Road {lf[4]}\n"
            f"Next of kin: wife {af[0]} {af[1]}\n"
            "Catheter care. Access: key safe on the wall by the gate, code 4128.\n"),
        "dn/visits/1004.txt": (
            f"Patient: {af[0]} {af[1]}  DOB: {af[2]}  NHS: {af[3]}\nAddress: 2 Holme Road {af[4]}\n"
            "Leg ulcer review, healing well. Lives with husband, no concerns.\n"),
        "dn/visits/1005.txt": (
            f"Patient: {g[0]} {g[1]}  DOB: {g[2]}  NHS: {g[3]}\n"
            "Husband died last year; Gladys lives alone and is managing. Insulin given.\n"),
        "dn/visits/1006.txt": (
            f"Patient: {s[0]} {s[1]}  DOB: {s[2]}  NHS: {s[3]}\nPostcode: {s[4]}\n"
            "Key holder: daughter Janet Ibbotson 07700 900123. COPD review.\n"),
        "dn/visits/1007.txt": (
            f"Patient: {p[0]} {p[1]}  DOB: {p[2]}  NHS: {p[3]}\nPostcode: {p[4]}\n"
            "Door is left on the latch in the day, let yourself in. Heart failure review.\n"),
        "dn/visits/1008.txt": (
            f"Patient: {ed[0]} {ed[1]}  DOB: {ed[2]}  NHS: {ed[3]}\nPostcode: {ed[4]}\n"
            "Two weeks' respite at Holly Bank care home from 20/11, then home. "
            "Key safe 2719 by the front door.\n"),
        "dn/visits/1009.txt": (
            f"Patient: {d[0]} {d[1]}  DOB: {d[2]}  NHS: {d[3]}\nPostcode: {d[4]}\n"
            "Palliative review. Lockbox on the porch wall, combination 5506.\n"),
        "dn/visits/1010.txt": (
            f"Patient: {e[0]} {e[1]}  DOB: {e[2]}  NHS: {e[3]}\nPostcode: {e[4]}\n"
            "Pressure care. Access via key safe, code 9071, left of the garage.\n"),
        "dn/verification/1011.txt": (
            "Verification of expected death\n"
            f"Patient: {a[0]} {a[1]}  DOB: {a[2]}  NHS: {a[3]}\n"
            "Date of death: 29/10/2026  Time: 03:40\nPlace: usual place of residence\n"
            f"Verified by: {STAFF[2]}\n"),
        "reablement/1012.txt": (
            "Reablement team - discharges, November 2026\n\n"
            f"1. {c[0]} {c[1]} (DOB {c[2]}, NHS {c[3]}) - moved into Larchfield care home "
            "permanently on 12/11. Package ended.\n"
            f"2. {ed[0]} {ed[1]} (DOB {ed[2]}, NHS {ed[3]}) - goals met, discharged home.\n"),
        "reablement/assessments/1013.txt": (
            f"Reablement assessment\nName: {c[0]} {c[1]}\nDOB: {c[2]}\nPostcode: {c[4]}\n"
            "Key safe by the side door, code 6612. Two calls a day.\n"),
        "equipment/1014.txt": (
            "Equipment loans - collection after death\n\n"
            f"- Mr {bm[0]} {bm[1]}, DOB {bm[2]}, NHS {bm[3]}: hospital bed and airflow mattress\n"),
        "caseload/caseload_nov.csv": caseload,
        "hl7/1015.hl7": (
            "MSH|^~\\&|PAS|RXX|DN|RXX|202610010900||ADT^A03|77|P|2.4\r"
            f"PID|1||{d[3]}^^^NHS||{d[1].upper()}^{d[0]}^^^Mr||{d[2][6:]}{d[2][3:5]}{d[2][:2]}|M"
            f"|||1 Park Row^^Kirkburton^^{d[4]}||||||||||||||||||20260930|Y\r"),
        "fhir/1016.json": json.dumps({
            "resourceType": "Patient",
            "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": e[3]}],
            "name": [{"family": e[1], "given": [e[0]]}],
            "birthDate": f"{e[2][6:]}-{e[2][3:5]}-{e[2][:2]}",
            "deceasedDateTime": "2026-09-14T06:10:00Z"}, indent=1),
    }
    return notes


def truth() -> dict:
    return {"people": [
        {"forename": f, "surname": s, "dob": dob, "nhs_number": nhs, "postcode": pc,
         "access_kind": kinds, "life_state": state}
        for f, s, dob, nhs, pc, kinds, state in PEOPLE],
        "staff": STAFF, "related": ["Janet Ibbotson"]}


def main() -> None:
    share, truth_path = Path(sys.argv[1]), Path(sys.argv[2])
    for name, text in files().items():
        path = share / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    truth_path.write_text(json.dumps(truth(), indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
