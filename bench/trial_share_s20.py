"""A department share as an IG analyst meets it (session 20, brief ig-trial).

    python bench/trial_share_s20.py SHARE [--truth TRUTH.json]
    python bench/trial_share_s20.py SHARE --drop N     # the watch trial's new files, wave N (1-3)

Writes a share of a community health department with real tools (python-docx, openpyxl,
Pillow for a scanned referral as an image PDF, a hand-written text PDF, stdlib email and
zipfile), folders of differing sensitivity and permissions:

    HR/              0750 group 4201   sickness records, an occupational-health referral
    Rotas/           0755              staff rota (no special category), a visit list with
                                       key-safe codes
    Clinic letters/  0750 group 4202   diabetes clinic letters (docx), a letter e-mailed with
                                       its attachment
    Old export/      0755              a 2019 export from the old PAS (csv), a zip of an older one
    Scans/           0755              a scanned referral (an image PDF, nothing but pixels)
    Public/          0755              leaflets and a newsletter: should hold nothing about anyone
    Manager/         0700              a capability note about one staff member

and TRUTH.json: per file, whether it holds special-category data, home-access details, how many
distinct people it names as subjects, and the exposure its permissions give. Every person,
NHS number (valid check digit, outside the 999 test range), address and code is made up.
Run as root (it sets group owners by number: no group is created on the machine).
"""

from __future__ import annotations

import argparse
import email.message
import json
import os
import random
import zipfile
from pathlib import Path

HR_GID, CLINIC_GID = 4201, 4202
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def nhs_number(rng: random.Random) -> str:
    while True:
        # England's NHS numbers start 4 or 6-7 (3xx is a Northern Irish H&C number, 0xx-3xx
        # can read as a Scottish CHI number, 9xx is the test range)
        digits = [rng.choice((4, 6, 7))] + [rng.randint(0, 9) for _ in range(8)]
        total = sum(d * w for d, w in zip(digits, range(10, 1, -1), strict=False))
        check = 11 - total % 11
        if check == 11:
            check = 0
        if check == 10:
            continue
        s = "".join(map(str, digits)) + str(check)
        return f"{s[:3]} {s[3:6]} {s[6:]}"


FIRST = [
    "Margaret",
    "Derek",
    "Aisha",
    "Tomasz",
    "Eileen",
    "Graham",
    "Priya",
    "Colin",
    "Brenda",
    "Oluwaseun",
    "Hazel",
    "Stanley",
    "Niamh",
    "Barry",
    "Yvonne",
    "Rashid",
    "Doreen",
    "Keith",
    "Sinead",
    "Wilfred",
    "Gillian",
    "Irfan",
    "Maureen",
    "Desmond",
]
LAST = [
    "Ashworth",
    "Pemberton",
    "Okafor",
    "Nowak",
    "Fairclough",
    "Hindle",
    "Chaudhry",
    "Tattersall",
    "Greenhalgh",
    "Adeyemi",
    "Brierley",
    "Whittaker",
    "Gallagher",
    "Kershaw",
    "Duckworth",
    "Rahman",
    "Haworth",
    "Entwistle",
    "Doherty",
    "Lomax",
    "Catterall",
    "Siddiqui",
    "Holt",
    "Rigby",
]
STREETS = [
    "Mill Lane",
    "Chapel Street",
    "Bolton Road",
    "Church Walk",
    "Moss Bank Way",
    "Hollins Road",
]
POSTCODES = [
    "BL1 4QS",
    "BL2 6HN",
    "BL3 5PT",
    "BB4 7LD",
    "OL10 2JW",
    "BL9 8RE",
    "M26 3TA",
    "BL0 9AX",
]
CONDITIONS = [
    ("type 2 diabetes", "metformin 500mg twice daily"),
    ("COPD", "Trelegy Ellipta one puff daily"),
    ("heart failure", "bisoprolol 2.5mg once daily"),
    ("vascular dementia", "donepezil 5mg at night"),
    ("chronic kidney disease stage 3", "ramipril 2.5mg"),
    ("Parkinson's disease", "co-careldopa 25/100"),
    ("bipolar disorder", "lithium carbonate 400mg"),
    ("epilepsy", "levetiracetam 500mg twice daily"),
]


def people(rng: random.Random, n: int) -> list[dict]:
    used: set[str] = set()
    out = []
    while len(out) < n:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if name in used:
            continue
        used.add(name)
        cond, med = rng.choice(CONDITIONS)
        out.append(
            {
                "name": name,
                "dob": f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/"
                f"{rng.randint(1931, 1975)}",
                "nhs": nhs_number(rng),
                "address": f"{rng.randint(2, 140)} {rng.choice(STREETS)}",
                "postcode": rng.choice(POSTCODES),
                "phone": f"07{rng.randint(700, 999)} {rng.randint(100000, 999999)}",
                "condition": cond,
                "medication": med,
                "keysafe": f"{rng.randint(1000, 9999)}",
            }
        )
    return out


def text_pdf(path: Path, lines: list[str]) -> None:
    """A one-page PDF whose text is real text (Helvetica), written by hand."""

    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    ops = ["BT", "/F1 11 Tf", "14 TL", "50 790 Td"]
    for line in lines:
        ops.append(f"({esc(line)}) Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    path.write_bytes(bytes(out))


def image_pdf(path: Path, lines: list[str], seed: int) -> None:
    """A scanned page: the text drawn at 200 dpi, slightly rotated and noisy, saved as an
    image PDF."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    rng = random.Random(seed)
    img = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 34)
    y = 160
    for line in lines:
        draw.text((140, y), line, fill=20, font=font)
        y += 56
    for _ in range(4000):
        img.putpixel((rng.randrange(1654), rng.randrange(2339)), rng.randint(120, 220))
    img = img.rotate(0.8, fillcolor=255).filter(ImageFilter.GaussianBlur(0.6))
    img.save(path, "PDF", resolution=200.0)


def docx(path: Path, paragraphs: list[str], table: list[list[str]] | None = None) -> None:
    import docx as _docx

    d = _docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    if table:
        t = d.add_table(rows=0, cols=len(table[0]))
        for row in table:
            cells = t.add_row().cells
            for c, v in zip(cells, row, strict=True):
                c.text = v
    d.save(path)


def xlsx(path: Path, sheets: dict[str, list[list]]) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)


def letter(p: dict, clinician: str, date: str) -> list[str]:
    return [
        "Royal Moorside Community Diabetes Service",
        "Moorside Health Centre, 1 Wellington Road, Bolton BL2 1AA",
        f"Date: {date}",
        "Dr J. Halliwell, Tonge Fold Medical Practice",
        f"Re: {p['name']}  DOB {p['dob']}  NHS No {p['nhs']}",
        f"{p['address']}, Bolton {p['postcode']}",
        "Dear Dr Halliwell,",
        f"I reviewed {p['name'].split()[0]} in clinic today. Diagnosis: {p['condition']}. "
        f"Current medication: {p['medication']}. HbA1c 64 mmol/mol, up from 58.",
        "Plan: increase dose as above, repeat bloods in three months, dietitian referral made.",
        "Yours sincerely,",
        f"{clinician}, Diabetes Specialist Nurse",
    ]


def build(share: Path, seed: int = 20) -> dict:
    rng = random.Random(seed)
    patients = people(rng, 16)
    staff = people(random.Random(seed + 1), 8)
    truth: dict[str, dict] = {}

    def record(rel: str, special: bool, home: bool, subjects: list[str], exposure: str, note: str):
        truth[rel] = {
            "special_category": special,
            "home_access": home,
            "people": sorted(set(subjects)),
            "exposure": exposure,
            "note": note,
        }

    dirs = {
        "HR": (0o750, HR_GID),
        "Rotas": (0o755, 0),
        "Clinic letters": (0o750, CLINIC_GID),
        "Old export": (0o755, 0),
        "Scans": (0o755, 0),
        "Public": (0o755, 0),
        "Manager": (0o700, 0),
    }
    share.mkdir(parents=True, exist_ok=True)
    os.chmod(share, 0o755)
    for name, (mode, gid) in dirs.items():
        d = share / name
        d.mkdir(exist_ok=True)
        os.chown(d, 0, gid)
        os.chmod(d, mode)

    # HR: staff sickness (health about named staff: special category), group-readable.
    rows = [["Employee", "DOB", "Payroll no", "Start", "End", "Days", "Reason"]]
    reasons = [
        "anxiety and depression",
        "back pain",
        "post-operative recovery (hip replacement)",
        "migraine",
        "pregnancy-related illness",
        "long COVID",
        "stress at work",
        "gastroenteritis",
    ]
    for s, r in zip(staff, reasons, strict=True):
        rows.append(
            [
                s["name"],
                s["dob"],
                f"P{rng.randint(10000, 99999)}",
                "03/03/2026",
                "14/03/2026",
                rng.randint(2, 40),
                r,
            ]
        )
    xlsx(share / "HR/sickness-absence-2026.xlsx", {"Absence": rows})
    record(
        "HR/sickness-absence-2026.xlsx",
        True,
        False,
        [s["name"] for s in staff],
        "group",
        "staff sickness absence with reasons (health)",
    )
    s0 = staff[0]
    docx(
        share / "HR/OH referral - confidential.docx",
        [
            "Occupational Health Management Referral",
            f"Employee: {s0['name']}   Date of birth: {s0['dob']}",
            f"Home address: {s0['address']}, {s0['postcode']}",
            "Reason for referral: recurrent absence for anxiety and depression; "
            "currently prescribed sertraline 50mg.",
            "Questions for OH: is the employee fit for night shifts? "
            "Are adjustments under the Equality Act advised?",
            "Referring manager: Gail Openshaw, Team Leader",
        ],
    )
    record(
        "HR/OH referral - confidential.docx",
        True,
        False,
        [s0["name"]],
        "group",
        "one staff member's mental health and medication",
    )

    # Rotas: the staff rota (names and phones only), and a visit list with key-safe codes.
    rota = [["Week commencing 30/11/2026", "Mon", "Tue", "Wed", "Thu", "Fri", "Mobile"]]
    for s in staff:
        rota.append([s["name"], "E", "E", "L", "off", "L", s["phone"]])
    xlsx(share / "Rotas/district-nursing-rota-w49.xlsx", {"Rota": rota})
    record(
        "Rotas/district-nursing-rota-w49.xlsx",
        False,
        False,
        [],
        "broad",
        "staff names and work mobiles: personal data, nothing sensitive, no patient",
    )
    visits = ["Patient,NHS number,Address,Postcode,Access,Visit"]
    for p in patients[:6]:
        visits.append(
            f"{p['name']},{p['nhs']},{p['address']},{p['postcode']},"
            f"key safe by front door code {p['keysafe']},insulin 08:30"
        )
    (share / "Rotas/visits-monday.csv").write_text("\n".join(visits) + "\n")
    record(
        "Rotas/visits-monday.csv",
        True,
        True,
        [p["name"] for p in patients[:6]],
        "broad",
        "visit list: NHS numbers, addresses, key-safe codes, insulin visits",
    )

    # Clinic letters: group-readable clinical letters, one e-mailed with its attachment.
    for i, p in enumerate(patients[6:10]):
        rel = f"Clinic letters/{p['name'].split()[1]} {p['name'][0]} clinic letter.docx"
        docx(share / rel, letter(p, "Joanne Birtwistle", f"{10 + i}/11/2026"))
        record(rel, True, False, [p["name"]], "group", "clinic letter: diagnosis and medication")
    p = patients[10]
    msg = email.message.EmailMessage()
    msg["From"] = "joanne.birtwistle@moorside.nhs.example"
    msg["To"] = "tongefold.admin@gp.nhs.example"
    msg["Subject"] = "Clinic letter attached"
    msg["Date"] = "Tue, 24 Nov 2026 10:02:11 +0000"
    msg.set_content("Hi, please find attached today's clinic letter for your records. Thanks, Jo")
    att = share / "Clinic letters/_tmp.docx"
    docx(att, letter(p, "Joanne Birtwistle", "24/11/2026"))
    msg.add_attachment(
        att.read_bytes(),
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
        filename="clinic-letter.docx",
    )
    att.unlink()
    (share / "Clinic letters/Clinic letter attached.eml").write_bytes(bytes(msg))
    record(
        "Clinic letters/Clinic letter attached.eml",
        True,
        False,
        [p["name"]],
        "group",
        "e-mail with a clinic letter attached",
    )
    for f in (share / "Clinic letters").iterdir():
        os.chown(f, 0, CLINIC_GID)
        os.chmod(f, 0o640)

    # Old export: the 2019 PAS extract everyone can open, and a zip of an older one.
    rows = ["PAS_ID,SURNAME,FORENAME,DOB,NHS_NO,POSTCODE,DIAG,LAST_SEEN"]
    for i, p in enumerate(patients[:12]):
        first, last = p["name"].split()
        rows.append(
            f"{100200 + i},{last.upper()},{first},{p['dob']},{p['nhs'].replace(' ', '')},"
            f"{p['postcode']},{p['condition']},2019-0{1 + i % 9}-1{i % 9}"
        )
    (share / "Old export/pas_extract_2019.csv").write_text("\n".join(rows) + "\n")
    record(
        "Old export/pas_extract_2019.csv",
        True,
        False,
        [p["name"] for p in patients[:12]],
        "broad",
        "PAS export: names, DOB, NHS numbers, postcodes, diagnoses",
    )
    older = ["nhs,dob,postcode,diagnosis"]
    for p in patients[12:16]:
        older.append(f"{p['nhs'].replace(' ', '')},{p['dob']},{p['postcode']},{p['condition']}")
    with zipfile.ZipFile(share / "Old export/pas_extract_2017.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("pas_extract_2017.csv", "\n".join(older) + "\n")
    record(
        "Old export/pas_extract_2017.zip",
        True,
        False,
        [p["name"] for p in patients[12:16]],
        "broad",
        "older export, no names: NHS number, DOB, postcode, diagnosis",
    )

    # Scans: a referral scanned to an image PDF (the text exists only as pixels).
    p = patients[13]
    image_pdf(
        share / "Scans/scan_0042.pdf",
        [
            "GP REFERRAL - COMMUNITY NURSING",
            f"Patient name: {p['name']}",
            f"Date of birth: {p['dob']}",
            f"NHS number: {p['nhs']}",
            f"Address: {p['address']}, Bolton {p['postcode']}",
            f"Diagnosis: {p['condition']}",
            f"Medication: {p['medication']}",
            "Reason: daily visits for medication prompt, lives alone.",
            f"Access: key safe to left of back door, code {p['keysafe']}",
        ],
        seed,
    )
    record(
        "Scans/scan_0042.pdf",
        True,
        True,
        [p["name"]],
        "broad",
        "scanned referral (image only) with diagnosis and a key-safe code",
    )

    # Public: nothing about anyone (a health term with no one named is not special category).
    docx(
        share / "Public/newsletter-december.docx",
        [
            "Moorside Community Services - December newsletter",
            "Diabetes awareness: our clinics run every Tuesday. "
            "Anyone with type 2 diabetes can self-refer "
            "to the structured education course.",
            "Flu vaccination clinics for staff continue until 18 December.",
            "The Christmas rota will be published on the intranet.",
        ],
    )
    record("Public/newsletter-december.docx", False, False, [], "broad", "newsletter, no one named")
    text_pdf(
        share / "Public/COPD-leaflet.pdf",
        [
            "Living well with COPD",
            "Chronic obstructive pulmonary disease makes it harder to breathe.",
            "Use your inhaler as prescribed and keep your rescue pack at home.",
            "Call 111 if you are more breathless than usual.",
        ],
    )
    record("Public/COPD-leaflet.pdf", False, False, [], "broad", "patient leaflet, no one named")
    (share / "Public/opening-times.txt").write_text(
        "Moorside Health Centre\nMonday to Friday 08:00-18:30\n"
        "Phlebotomy: 08:00-11:00, no appointment needed.\n"
    )
    record("Public/opening-times.txt", False, False, [], "broad", "opening times")

    # Manager: private to the owner.
    s1 = staff[3]
    (share / "Manager/capability notes.txt").write_text(
        f"Capability meeting 19/11/2026 with {s1['name']} (DOB {s1['dob']}).\n"
        "Discussed return to work after migraine-related absence; GP has started propranolol.\n"
        "Agreed reduced hours for four weeks, review in December.\n"
    )
    os.chmod(share / "Manager/capability notes.txt", 0o600)
    record(
        "Manager/capability notes.txt",
        True,
        False,
        [s1["name"]],
        "restricted",
        "one staff member's health, manager only",
    )

    for rel in truth:
        f = share / rel
        if "Clinic letters" not in rel and "Manager" not in rel:
            if rel.startswith("HR/"):
                os.chown(f, 0, HR_GID)
                os.chmod(f, 0o640)
            else:
                os.chmod(f, 0o644)
    return truth


def drop(share: Path, wave: int, seed: int = 20) -> dict:
    """New files landing while the watch daemon runs."""
    rng = random.Random(seed + 100 + wave)
    ps = people(rng, 3)
    truth = {}
    if wave == 1:
        # a member of staff saves a visit list into Public by mistake
        lines = ["Name,Address,Key safe"] + [
            f"{p['name']},{p['address']} {p['postcode']},{p['keysafe']}" for p in ps
        ]
        rel = "Public/monday visits.csv"
        (share / rel).write_text("\n".join(lines) + "\n")
        os.chmod(share / rel, 0o644)
        truth[rel] = {
            "alert": True,
            "people": [p["name"] for p in ps],
            "why": "key-safe codes, broad",
        }
    elif wave == 2:
        # a harmless file: must raise nothing
        rel = "Public/car-park-notice.txt"
        (share / rel).write_text(
            "The staff car park will be resurfaced on 12 December. "
            "Please park on Wellington Road.\n"
        )
        os.chmod(share / rel, 0o644)
        truth[rel] = {"alert": False, "people": [], "why": "no personal data"}
    elif wave == 3:
        # a clinic letter written under a temporary name, then renamed (Word's save dance)
        p = ps[0]
        tmp = share / "Clinic letters/~WRL0001.tmp"
        docx(tmp, letter(p, "Joanne Birtwistle", "02/12/2026"))
        os.chown(tmp, 0, CLINIC_GID)
        os.chmod(tmp, 0o640)
        rel = f"Clinic letters/{p['name'].split()[1]} {p['name'][0]} clinic letter.docx"
        os.replace(tmp, share / rel)
        truth[rel] = {"alert": True, "people": [p["name"]], "why": "special category (group)"}
    return truth


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("share", type=Path)
    ap.add_argument("--truth", type=Path)
    ap.add_argument("--drop", type=int)
    a = ap.parse_args()
    truth = drop(a.share, a.drop) if a.drop else build(a.share)
    if a.truth:
        a.truth.write_text(json.dumps(truth, indent=1))
    print(f"{len(truth)} files written under {a.share}")


if __name__ == "__main__":
    main()
