"""One row per patient, no staff rows, in the shapes of home-based services (issue 15).

A virtual ward's board round written as a Markdown pipe table, a phlebotomy round sheet
whose rows put one space between the name and the date of birth, an equipment delivery
letter naming its two fitters and the patient who signed for it, a letter to a family
carer naming the council officer who will assess them, a monitoring platform's plain JSON
export (patient, assigned nurse, consultant, next of kin), a PCN vaccination round as an
ODS spreadsheet (a title row over the header, a `Vaccinator` column) and a saved portal
page (a labelled patient banner, a table of visits by clinicians, a printed-by footer).
Then a homecare company's JSON visit schedule (a carer object with a relationship), a
befriending service's volunteer register (volunteers alone in their rows with their own
dates of birth, each named on three clients' visits), a virtual ward's handover chat export
(`[date, time] Speaker: Mr Ernest Pollard 24/10/1939 ...`, a husband who `is also on our
list`), a welfare-call log (a volunteer NER read with her job word), a charity's referral
e-mail signed over a job title, and an RTF discharge letter whose cc list opens with the
patient (`cc: Mrs Hilda Bairstow (patient); Priya Raman, Virtual Ward Sister`), and a
monitoring platform's saved patient page (a banner table, a description list). Each patient
is one exported row with their own name, number and date of birth; no staff member is a
row or another name of one. Scanned and exported by the real CLI.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from tests.cli import export_individuals, key, names_with_roles, person, scan_quietly
from tests.share_builder import write_files

# Valid NHS numbers (check digit right), none in the test range.
NHS = {"ashworth": "4857954222", "entwistle": "4850587917", "vine": "4855890626",
       "ellwood": "4857622300", "ellis": "4851289162", "hargreaves": "4851433611",
       "prendergast": "4857773457"}

BOARD_ROUND = f"""# Virtual Ward East - consultant board round 30/11/2026

| Bed | Patient | DOB | NHS No | Plan | Nurse |
|-----|---------|-----|--------|------|-------|
| VW1 | Kathleen Ashworth | 02/02/1940 | {NHS['ashworth']} | IV antibiotics day 3 | Priya Raman |
| VW2 | Leonard Pickles | 17/08/1937 | | step down | Tomasz Nowak |
| VW3 | Irene Mottram | 05/05/1946 | | obs 4-hourly | Priya Raman |

Present: Dr Helen Oduya (consultant)
"""
ROUND_SHEET = f"""PCN housebound phlebotomy round - Wed 2 Dec
Phlebotomist: Grace Onyango

1. Harold Entwistle 04/06/1933 - FBC, U&E. NHS {NHS['entwistle']}
2. Margaret Leach 19/01/1941 - INR. Lives alone.
3. Dennis Womack 28/11/1929 - HbA1c.
"""
DELIVERY_LETTER = f"""Vale Community Equipment Service
25/10/2026
Mrs Phyllis Vine, 8 Brook Street, Wyvernbury

EQUIPMENT DELIVERY CONFIRMATION - job CES-387096
Name   Phyllis Vine
Date of birth   03/04/1927
NHS number   {NHS['vine'][:3]} {NHS['vine'][3:6]} {NHS['vine'][6:]}
Item   alternating pressure mattress
The equipment above was delivered and fitted by Yvonne Cartwright and Imran Duckworth. \
It remains the property of the service.

Signed for by: Phyllis Vine
"""
FAMILY_LETTER = """Home from Hospital Service
17/11/2026
Gareth Clarke-Evans
120 Chapel Row, Kelsford

Dear Gareth,
Re your relative, Margaret Sylvia Rowbotham (born 24 April 1929)
Thank you for talking with me. As promised I have referred you for a carer's
assessment with Marek Griffiths at the council.
Best wishes
Agnieszka McAllister
Coordinator
"""
MONITORING_EXPORT = {
    "export": {"platform": "CareLink Remote", "generated": "2026-11-30T07:00:00Z"},
    "patients": [
        {"patient_id": "VW-1001", "patient_name": "Gordon Ellwood",
         "date_of_birth": "1941-03-12", "nhs_number": NHS["ellwood"],
         "assigned_nurse": "Priya Raman", "consultant": "Dr Helen Oduya",
         "next_of_kin": {"name": "Carol Ellwood", "relationship": "daughter",
                         "phone": "07700 900123"},
         "observations": [{"time": "2026-11-29T08:00:00Z", "spo2": 94}]},
        {"patient_id": "VW-1002", "patient_name": "Winifred Stirk",
         "date_of_birth": "1936-07-04", "nhs_number": None,
         "assigned_nurse": "Tomasz Nowak", "consultant": "Dr Helen Oduya",
         "next_of_kin": {"name": "Derek Stirk", "relationship": "son"}},
        {"patient_id": "VW-1003", "first_name": "Rashid", "last_name": "Qureshi",
         "dob": "22/09/1950", "assigned_nurse": "Priya Raman",
         "consultant": "Dr Helen Oduya"}]}
# A homecare company's visit schedule: split client name fields, nurse and driver fields,
# and a carer object whose `relationship` says she is family (her own date of birth hers).
HOMECARE_SCHEDULE = {
    "company": "Medivance Homecare", "run_date": "2026-12-01",
    "visits": [
        {"visit_id": "MH-77", "client_first_name": "Patrick", "client_surname": "O'Driscoll",
         "client_dob": "14/03/1958", "nurse_name": "Shona McBride", "driver_name": "Gary Lund",
         "carer": {"name": "Maeve O'Driscoll", "relationship": "wife", "dob": "20/08/1960"}},
        {"visit_id": "MH-78", "client_first_name": "Anjali", "client_surname": "Desai",
         "client_dob": "02/11/1971", "nurse_name": "Shona McBride", "driver_name": "Gary Lund"}]}
VACCINATION_ROUND = [
    ["PCN Housebound Round - Tuesday 1 December 2026", "", "", "", ""],
    ["Name", "DOB", "NHS number", "Vaccine", "Vaccinator"],
    ["Ellis, Maureen", "03.05.1935", NHS["ellis"], "Flu + COVID", "Grace Onyango"],
    ["Mr Bernard Tuttle", "1939-11-21", "", "Flu", "Grace Onyango"],
    ["Eileen Oakes", "12 Jun 1944", "", "Flu", "Paul Devereux"]]
PORTAL_PAGE = f"""<!DOCTYPE html>
<html><head><title>Hospital at Home - Patient summary</title></head><body>
<div class="banner">
  <span class="label">Patient:</span> <span class="value">HARGREAVES, Doreen</span>
  <span class="label">DOB:</span> <span class="value">14-Feb-1938</span>
  <span class="label">NHS No:</span> <span class="value">{NHS['hargreaves']}</span>
</div>
<h2>Today's visits</h2>
<table>
<tr><th>Time</th><th>Activity</th><th>Clinician</th></tr>
<tr><td>09:00</td><td>IV ceftriaxone given</td><td>Sister Joanne Blakey</td></tr>
<tr><td>15:00</td><td>Obs reviewed</td><td>Dr Michael Tennant</td></tr>
</table>
<footer>Page printed by Anita Rowe, Ward Clerk, 30/11/2026 10:14</footer>
</body></html>
"""
HANDOVER_CHAT = """[01/12/2026, 07:58] Priya Raman: Morning all. Handover for VW East
[01/12/2026, 07:59] Priya Raman: Mr Ernest Pollard 24/10/1939 NEWS 3, SpO2 92% on air
[01/12/2026, 08:01] Tomasz Nowak: ok I'll take Ernest. Who has Mrs Brenda Kaye (DOB 11/11/1944)?
[01/12/2026, 08:02] Priya Raman: Brenda is mine, IV teicoplanin due 10:00. Husband Geoffrey \
Kaye is also on our list - DOB 03/01/1942, obs only
"""
WELFARE_CALLS = """Home from Hospital - welfare call log, week 48

01/12/2026 10:05 - Call to Mrs Edna Firth (DOB 12/03/1932). Managing well.
  Daughter Susan Firth (07700 900321) has a key.
02/12/2026 09:30 - Call to Mr Frank Hobson (DOB 02/02/1935). Volunteer Aisha Karim to drop \
shopping.
"""
REFERRAL_MAIL = """From: Bethany Walsh <b.walsh@homefromhospital.example>
To: Priya Raman <priya.raman@staldric.example>
Subject: Referral

Hi Priya,

Referral for Mrs Olive Shuttleworth, DOB 07/07/1933, discharged yesterday. Her neighbour
Ruth Pendle at no. 14 has a spare key.

Bethany Walsh
Volunteer Coordinator
"""
# A befriending service's volunteer register (each volunteer alone in a row with their own
# date of birth) and its visit list, which names each volunteer on three clients' visits.
VOLUNTEER_REGISTER = """Befriending volunteers - DBS and training
Name,Date of birth,Address,Phone,DBS issued
Aisha Karim,14/02/1990,"2 Vale Road, Ashby",07700 900601,01/03/2025
Colin Mayhew,30/06/1955,"9 Hill Top, Ashby",07700 900602,12/05/2024
"""
BEFRIENDING_VISITS = """Visit date,Client,DOB,Volunteer,Notes
01/12/2026,Mrs Olive Shuttleworth,07/07/1933,Colin Mayhew,shopping done
01/12/2026,Mr Norman Rigg,01/01/1938,Aisha Karim,chat and tea
02/12/2026,Mrs Dorothy Rigg,02/02/1940,Aisha Karim,
02/12/2026,Mrs Ivy Crabtree,03/03/1931,Colin Mayhew,
03/12/2026,Mr Alf Crabtree,04/04/1929,Aisha Karim,
03/12/2026,Mr Cyril Mottershead,05/05/1936,Colin Mayhew,
"""
# A discharge letter in RTF whose cc list names the patient first, with her apposition.
DISCHARGE_LETTER_RTF = r"""{\rtf1\ansi\deff0{\fonttbl{\f0 Arial;}}\f0\fs22
St Aldric's Virtual Ward\par
\par
Dr Anil Patel\par
Elmfield Surgery\par
\par
1 December 2026\par
\par
Dear Dr Patel\par
\par
Re: Mrs Hilda BAIRSTOW, DOB 04/07/1936, 3 Moss Lane, Ashby\par
\par
Mrs Bairstow was discharged from the virtual ward today.\par
Her son Derek Bairstow (DOB 11/11/1962) is her main carer.\par
\par
Yours sincerely\par
\par
Dr Helen Oduya\par
Consultant Geriatrician\par
\par
cc: Mrs Hilda Bairstow (patient); Priya Raman, Virtual Ward Sister; Derek Bairstow (son)\par
}
"""
# A monitoring platform's patient page: a one-row banner table of labels and values, a
# description list (next of kin with a phone, named nurse, consultant), an observations
# table whose `Entered by` column is staff's.
PATIENT_PAGE = f"""<html><head><title>CareLink Remote - Patient record</title></head><body>
<div>Logged in as: Tomasz Nowak (Staff Nurse)</div>
<table class="banner"><tr><th>Name</th><td>Mr Wilfred PRENDERGAST</td><th>DOB</th>
<td>15 Apr 1940 (86y)</td><th>NHS</th><td>{NHS['prendergast']}</td></tr></table>
<dl><dt>Next of kin</dt><dd>Mavis Prendergast (wife) 01632 960111</dd>
<dt>Named nurse</dt><dd>Priya Raman</dd><dt>Responsible consultant</dt><dd>Dr Helen Oduya</dd></dl>
<table><tr><th>Time</th><th>SpO2</th><th>Entered by</th></tr>
<tr><td>08:00</td><td>93</td><td>Priya Raman</td></tr>
<tr><td>20:00</td><td>95</td><td>Lucy Ferris</td></tr></table>
</body></html>
"""
STAFF = ("Priya Raman", "Tomasz Nowak", "Helen Oduya", "Grace Onyango", "Paul Devereux",
         "Yvonne Cartwright", "Imran Duckworth", "Marek Griffiths", "Agnieszka McAllister",
         "Joanne Blakey", "Michael Tennant", "Anita Rowe", "Aisha Karim", "Bethany Walsh",
         "Shona McBride", "Gary Lund", "Carol Wainwright")
ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def write_ods(path: Path, rows: list[list[str]]) -> None:
    """A one-sheet ODS spreadsheet as its standard defines it (mimetype stored first,
    content.xml, the manifest), as a generator without an office suite writes one."""
    def cell(value: str) -> str:
        return (f'<table:table-cell office:value-type="string"><text:p>{escape(value)}'
                '</text:p></table:table-cell>' if value else "<table:table-cell/>")
    body = "".join("<table:table-row>" + "".join(cell(value) for value in row)
                   + "</table:table-row>" for row in rows)
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NS} '
               'office:version="1.2"><office:body><office:spreadsheet><table:table '
               f'table:name="Round">{body}</table:table></office:spreadsheet></office:body>'
               "</office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
                '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type='
                '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
                'manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"),
                         "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    share = tmp_path_factory.mktemp("home-services-share")
    out = tmp_path_factory.mktemp("home-services-out") / "inventory"
    write_files(share, {"virtual_ward/board_round.md": BOARD_ROUND,
                        "pcn/phlebotomy_round.txt": ROUND_SHEET,
                        "equipment/delivery_CES-387096.txt": DELIVERY_LETTER,
                        "charity/letter_family.txt": FAMILY_LETTER,
                        "homecare/schedule_one.txt": SCHEDULE_ONE,
                        "homecare/schedule_two.txt": SCHEDULE_TWO,
                        "virtual_ward/monitoring_export.json": json.dumps(MONITORING_EXPORT),
                        "hospital_at_home/summary.html": PORTAL_PAGE,
                        "virtual_ward/handover_chat.txt": HANDOVER_CHAT,
                        "charity/welfare_calls.txt": WELFARE_CALLS,
                        "charity/referral.eml": REFERRAL_MAIL,
                        "homecare/schedule.json": json.dumps(HOMECARE_SCHEDULE),
                        "befriending/volunteer_register.csv": VOLUNTEER_REGISTER,
                        "befriending/visits.csv": BEFRIENDING_VISITS,
                        "virtual_ward/discharge_letter.rtf": DISCHARGE_LETTER_RTF,
                        "virtual_ward/patient_page.html": PATIENT_PAGE})
    write_ods(share / "pcn" / "vaccination_round.ods", VACCINATION_ROUND)
    scan_quietly(share, out)
    return out


@pytest.fixture(scope="module")
def exported(scanned, tmp_path_factory):
    return export_individuals(scanned, tmp_path_factory.mktemp("home-services-csv"), "--reveal")


# A homecare company's delivery schedules name the patient unlabelled at the top and a
# member of staff in a service named after its patients at the foot.
SCHEDULE_ONE = """Riverside Homecare - your delivery schedule

Mrs Edna Mary Hollings
4 Tannery Lane, Wyvernbury
Date of birth 11/09/1938

Deliveries every 2 weeks on a Friday.
Questions: patient services (Carol Wainwright), 07700 900233.
"""
SCHEDULE_TWO = """Riverside Homecare - your delivery schedule

Mr Stanley Ackroyd
19 Mill Fold, Wyvernbury
Date of birth 02/12/1944

To change a date ring Carol Wainwright in our Patient Advice and Liaison Service.
"""


def rows_of(rows: list[dict], file_part: str) -> set[tuple[str, str, str]]:
    return {(key("PERSON", row["name"]), row["nhs_number"].replace(" ", ""),
             key("DATE_OF_BIRTH", row["date_of_birth"]))
            for row in rows if file_part in row["first_locations"]}


def test_a_pipe_table_in_markdown_is_one_row_per_patient_and_its_nurse_column_staff(
        scanned, exported):
    assert rows_of(exported, "board_round.md") == {
        person("Kathleen Ashworth", NHS["ashworth"], "02/02/1940"),
        person("Leonard Pickles", "", "17/08/1937"),
        person("Irene Mottram", "", "05/05/1946")}
    assert [(record, masked, role) for record, masked, role in names_with_roles(
        scanned, "board_round.md") if record.startswith("table 1 row 2")] == [
        ("table 1 row 2", "K******* A*******", "subject"),
        ("table 1 row 2", "P**** R****", "staff")]


def test_a_round_sheet_row_with_one_space_before_the_date_gives_name_and_birth_date(exported):
    assert rows_of(exported, "phlebotomy_round.txt") == {
        person("Harold Entwistle", NHS["entwistle"], "04/06/1933"),
        person("Margaret Leach", "", "19/01/1941"),
        person("Dennis Womack", "", "28/11/1929")}


def test_fitters_named_together_are_staff_and_the_patient_who_signed_for_it_is_not(
        scanned, exported):
    assert rows_of(exported, "delivery_CES") == {
        person("Phyllis Vine", NHS["vine"], "03/04/1927")}
    assert [row["other_names"] for row in exported
            if "delivery_CES" in row["first_locations"]] == [""]
    assert [(masked, role) for _record, masked, role in names_with_roles(
        scanned, "delivery_CES")] == [
        ("Mrs P****** V***", ""), ("P****** V***", ""),
        ("Y***** C*********", "staff"), ("I**** D********", "staff"),  # fitted by X and Y
        ("P****** V***", "")]  # Signed for by: the patient, no role


def test_a_council_officer_in_a_letter_to_a_family_carer_is_staff(scanned, exported):
    assert rows_of(exported, "letter_family.txt") == {
        person("Margaret Rowbotham", "", "24/04/1929")}
    roles = {masked: role for _record, masked, role in names_with_roles(
        scanned, "letter_family.txt")}
    assert roles["M**** G********"] == "staff"  # `with Marek Griffiths at the council`


def test_a_monitoring_platforms_json_export_gives_patients_their_nurses_staff(exported):
    assert rows_of(exported, "monitoring_export.json") == {
        person("Gordon Ellwood", NHS["ellwood"], "1941-03-12"),
        person("Winifred Stirk", "", "1936-07-04"),
        person("Rashid Qureshi", "", "22/09/1950")}
    related = {row["name"]: row["related_people"] for row in exported
               if "monitoring_export.json" in row["first_locations"]}
    assert related == {"Gordon Ellwood": "Carol Ellwood", "Winifred Stirk": "Derek Stirk",
                       "Rashid Qureshi": ""}


def test_a_carer_object_with_a_relationship_is_a_related_person_with_her_own_birth_date(
        exported):
    assert rows_of(exported, "schedule.json") == {
        person("Patrick O'Driscoll", "", "14/03/1958"), person("Anjali Desai", "", "02/11/1971")}
    related = {row["name"]: row["related_people"] for row in exported
               if "schedule.json" in row["first_locations"]}
    assert related == {"Patrick O'Driscoll": "Maeve O'Driscoll", "Anjali Desai": ""}


def test_an_ods_round_list_under_a_title_row_names_its_vaccinators_staff(scanned, exported):
    assert rows_of(exported, "vaccination_round.ods") == {
        person("Maureen Ellis", NHS["ellis"], "03.05.1935"),
        person("Bernard Tuttle", "", "1939-11-21"),
        person("Eileen Oakes", "", "12 Jun 1944")}
    vaccinators = [role for _record, masked, role in names_with_roles(
        scanned, "vaccination_round.ods") if masked in ("G**** O******", "P*** D*******")]
    assert vaccinators == ["staff"] * 3


def test_a_saved_portal_page_gives_its_banner_patient_one_row(exported):
    assert rows_of(exported, "summary.html") == {
        person("Doreen Hargreaves", NHS["hargreaves"], "14/02/1938")}


def test_a_chat_exports_messages_are_rows_and_a_husband_also_on_the_list_a_patient(
        scanned, exported):
    assert rows_of(exported, "handover_chat.txt") == {
        person("Ernest Pollard", "", "24/10/1939"), person("Brenda Kaye", "", "11/11/1944"),
        person("Geoffrey Kaye", "", "03/01/1942")}
    assert [(record, masked, role) for record, masked, role in names_with_roles(
        scanned, "handover_chat.txt")] == [
        ("line 2", "Mr E***** P******", ""), ("line 3", "Mrs B***** K***", ""),
        ("line 4", "G******* K***", "subject")]


def test_a_volunteer_read_with_her_job_word_and_a_job_title_read_as_a_name_are_staff(
        scanned, exported):
    assert rows_of(exported, "welfare_calls.txt") == {
        person("Edna Firth", "", "12/03/1932"), person("Frank Hobson", "", "02/02/1935")}
    assert rows_of(exported, "referral.eml") == {
        person("Olive Shuttleworth", "", "07/07/1933")}
    volunteer = [role for _record, masked, role in names_with_roles(
        scanned, "welfare_calls.txt") if masked.endswith("A**** K****")]
    job_title = [role for _record, masked, role in names_with_roles(scanned, "referral.eml")
                 if masked == "V******** C**********"]
    assert (volunteer, job_title) == (["staff"], ["staff"])


def test_volunteers_alone_in_their_register_with_their_own_birth_dates_are_no_rows(
        exported):
    assert rows_of(exported, "volunteer_register.csv") == set()
    assert rows_of(exported, "befriending/visits.csv") == {
        person("Olive Shuttleworth", "", "07/07/1933"), person("Norman Rigg", "", "01/01/1938"),
        person("Dorothy Rigg", "", "02/02/1940"), person("Ivy Crabtree", "", "03/03/1931"),
        person("Alf Crabtree", "", "04/04/1929"), person("Cyril Mottershead", "", "05/05/1936")}


def test_a_cc_list_opening_with_the_patient_makes_no_later_recipient_a_patient(
        scanned, exported):
    assert rows_of(exported, "discharge_letter.rtf") == {
        person("Hilda Bairstow", "", "04/07/1936")}
    cc_line = [(masked, role) for _record, masked, role in names_with_roles(
        scanned, "discharge_letter.rtf")][-3:]
    assert cc_line == [("Mrs H**** B*******", "staff"), ("P**** R****", "staff"),
                       ("D**** B*******", "related")]


def test_a_banner_tables_labels_and_a_description_lists_terms_name_their_values(exported):
    assert rows_of(exported, "patient_page.html") == {
        person("Wilfred Prendergast", NHS["prendergast"], "15/04/1940")}
    assert [row["related_people"] for row in exported
            if "patient_page.html" in row["first_locations"]] == ["Mavis Prendergast"]


def test_no_staff_member_is_a_row_or_another_name_of_one(exported):
    staff = {key("PERSON", name) for name in STAFF}
    for row in exported:
        names = [row["name"], *filter(None, row["other_names"].split("; "))]
        assert not {key("PERSON", name) for name in names} & staff
    assert len(exported) == 32


def test_staff_of_a_service_named_after_patients_is_not_the_patient(scanned, exported):
    """`patient services (Carol Wainwright)`: the service's word `patient` does not make its
    staff member the subject, so the letter's patient keeps his or her own row."""
    assert rows_of(exported, "schedule_one.txt") == {
        person("Edna Mary Hollings", "", "11/09/1938")}
    assert rows_of(exported, "schedule_two.txt") == {
        person("Stanley Ackroyd", "", "02/12/1944")}
    roles = {masked: role for _record, masked, role in names_with_roles(
        scanned, "schedule_one.txt")}
    assert roles["C**** W*********"] == "staff"
