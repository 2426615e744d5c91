"""Every supported file type, generated here (no binary blobs), each planting known
identifiers with unambiguous context so the expected counts are exact.

Planted values: NHS_TEXT (UK_NHS), ACCESS_TEXT (HOME_ACCESS), EMAIL (EMAIL_ADDRESS).
"""

from __future__ import annotations

import io
import json
import zipfile
from email.message import EmailMessage
from pathlib import Path

import docx
import openpyxl

from phiscan.synthetic.formats import build_msg, build_pdf

NHS_NUMBER = "9434765919"
NHS_SPACED = "943 476 5919"
NHS_TEXT = f"NHS number: {NHS_SPACED}"
ACCESS_CODE = "4821"
ACCESS_TEXT = f"Key safe code {ACCESS_CODE} by the front door."
EMAIL = "carer.team@example.org"
PATIENT_NAME = "Jane Smith"
RAW_VALUES = [NHS_NUMBER, NHS_SPACED, ACCESS_CODE, EMAIL, PATIENT_NAME]


def write_files(root: Path, files: dict[str, str]) -> None:
    """Each text at its relative path under `root` (folders made), as UTF-8."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def note_lines() -> list[str]:
    return [f"Patient seen at home. {NHS_TEXT}.", ACCESS_TEXT]


def docx_bytes() -> bytes:
    document = docx.Document()
    document.add_paragraph(f"Referral letter. {NHS_TEXT}.")
    table = document.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text = "nhs_number"
    table.rows[0].cells[1].text = "access_notes"
    table.rows[1].cells[0].text = NHS_SPACED
    table.rows[1].cells[1].text = ACCESS_TEXT
    document.sections[0].footer.paragraphs[0].text = f"Questions: {EMAIL}"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes() -> bytes:
    workbook = openpyxl.Workbook()
    visits = workbook.active
    visits.title = "Visits"
    visits.append(["nhs_number", "access_notes", "visit_time"])
    visits.append([NHS_SPACED, ACCESS_TEXT, "08:30"])
    visits.append(["", "No access notes", "09:00"])
    contacts = workbook.create_sheet("Contacts")
    contacts.append(["team", "email"])
    contacts.append(["North", EMAIL])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def rtf_bytes() -> bytes:
    return ("{\\rtf1\\ansi{\\fonttbl\\f0\\fswiss Helvetica;}\\f0\\pard "
            f"Care plan. {NHS_TEXT}.\\par {ACCESS_TEXT}\\par}}").encode()


def xml_bytes() -> bytes:
    return (f'<?xml version="1.0"?>\n<referral><patient><note>{NHS_TEXT}</note>'
            f"<access>{ACCESS_TEXT}</access></patient></referral>\n").encode()


def html_bytes() -> bytes:
    return (f"<!DOCTYPE html><html><head><title>Visit</title><style>p {{color: red}}</style>"
            f"<script>var code = '{ACCESS_CODE}';</script></head><body><p>{NHS_TEXT}</p>"
            f"<p>Contact <a href='mailto:{EMAIL}'>{EMAIL}</a></p></body></html>").encode()


def hl7_bytes() -> bytes:
    segments = [
        "MSH|^~\\&|PAS|LEEDS|CARE|LEEDS|20240105103000||ADT^A04|MSG0001|P|2.4",
        "EVN|A04|20240105103000",
        f"PID|1||{NHS_NUMBER}^^^NHS^NH~LTH123456^^^LTH^MR||Smith^Jane^^^Mrs||19410312|F|||"
        "1 Trevelyan Square^Boar Lane^Leeds^^LS1 6AE",
        f"NTE|1||{ACCESS_TEXT}",
    ]
    return "\r".join(segments).encode() + b"\r"


def fhir_bundle_bytes() -> bytes:
    def patient(nhs_number: str, family: str) -> dict:
        return {"resourceType": "Patient",
                "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number",
                                "value": nhs_number}],
                "name": [{"given": ["Jane"], "family": family}],
                "birthDate": "1941-03-12",
                "telecom": [{"system": "email", "value": EMAIL}]}
    bundle = {"resourceType": "Bundle", "type": "searchset", "entry": [
        {"resource": patient(NHS_NUMBER, "Smith")},
        {"resource": patient("4010232137", "Jones")},
        {"resource": {"resourceType": "Organization", "name": "Leeds GP"}},
    ]}
    return json.dumps(bundle, indent=1).encode()


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("letters/letter-1.txt", f"Dear Mrs Smith, {NHS_TEXT}.\n")
        archive.writestr("letters/plan.docx", docx_bytes())
    return buffer.getvalue()


def eml_bytes() -> bytes:
    message = EmailMessage()
    message["From"] = f"Care Team <{EMAIL}>"
    message["To"] = "gp.surgery@example.org"
    message["Subject"] = "Visit rota update"
    message.set_content(f"Hello,\n{ACCESS_TEXT}\n")
    message.add_attachment("\n".join(note_lines()).encode(), maintype="text", subtype="plain",
                           filename="visit-note.txt")
    message.add_attachment(xlsx_bytes(), maintype="application",
                           subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           filename="rota.xlsx")
    return message.as_bytes()


def msg_bytes() -> bytes:
    return build_msg(
        subject="Hospital discharge", body=f"Discharged today. {NHS_TEXT}.\n",
        sender=EMAIL, to="District nurses",
        attachments=[("access.txt", ACCESS_TEXT.encode())],
    )


def build_every_type(root: Path) -> None:
    """One file per supported type, plus types recognised by content, not name."""
    files = {
        "note.txt": "\n".join(note_lines()).encode(),
        "rota.csv": f"nhs_number,access_notes\n{NHS_SPACED},{ACCESS_TEXT}\n".encode(),
        "rota.tsv": f"nhs_number\temail\n{NHS_SPACED}\t{EMAIL}\n".encode(),
        "export.json": json.dumps([{"nhs_number": NHS_SPACED, "email": EMAIL}]).encode(),
        "patients.json": fhir_bundle_bytes(),
        "referral.xml": xml_bytes(),
        "visit.html": html_bytes(),
        "plan.docx": docx_bytes(),
        "rota.xlsx": xlsx_bytes(),
        "discharge.pdf": build_pdf([[f"Discharge summary. {NHS_TEXT}."], [ACCESS_TEXT]]),
        "scanned.pdf": build_pdf([[]]),
        "protected.pdf": build_pdf([[NHS_TEXT]], encrypt_with_password=True),
        "care-plan.rtf": rtf_bytes(),
        "update.eml": eml_bytes(),
        "discharge.msg": msg_bytes(),
        "adt.hl7": hl7_bytes(),
        "letters.zip": zip_bytes(),
        "sniffed/report.dat": build_pdf([[NHS_TEXT]]),
        "sniffed/message.out": hl7_bytes(),
        "sniffed/plan.bin": docx_bytes(),
        "sniffed/image.raw": bytes(range(256)) * 8,
    }
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


def build_malformed(root: Path) -> None:
    truncated_pdf = build_pdf([[NHS_TEXT]])
    files = {
        "not-really.docx": b"This is a plain text file that claims to be a Word document.\n",
        "truncated.pdf": truncated_pdf[: len(truncated_pdf) // 3],
        "corrupt.zip": b"PK\x03\x04" + b"\x14\x00\x00\x00\x08\x00" + b"\xff" * 40,
        "binary.txt": bytes(range(256)) * 4,
        "broken.xlsx": zip_bytes_with({"xl/workbook.xml": b"<workbook><sheets>"}),
        "bad.eml": b"this line is not a header\nnor is this one\n",
        "invalid.hl7": b"PID|1||9434765919\rMSH is not first here\r",
        "invalid.json": b'{"nhs_number": "943 476 5919", ',
        "bad.xml": b"<?xml version='1.0'?><note><unclosed></note>",
        "bad.msg": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100,
        "bad.rtf": b"not rtf at all, just words\n",
    }
    for name, content in files.items():
        (root / name).write_bytes(content)


def zip_bytes_with(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()
