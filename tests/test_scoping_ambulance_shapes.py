"""Shapes an ambulance service and a care home write (issue 15, dev cases for kinds the
shares so far lacked): a call handler's CAD log with one incident a line (`CH Amy Blake.
Pt WHITELEY, Edna, 91F, NHS ...`: an age with its sex instead of a date of birth, the call
handler's name before the patient's), an ePCR with `Crew: Paramedic ... / EMT ...`, a care
home's transfer form for a resident taken by ambulance, with a daughter who has her own NHS
number, a social care referral from the ambulance service (`Person: ... (aged 87)`, a son
with his own date of birth and NHS number), a couple who are both clients with a door left
on the latch, a care home's admission of a couple (`Residents: Mr Harold Pike (...) and his
wife Mrs Joan Pike (...)`: both residents, she is no relative of his), and the crews'
roster, and a discharge letter naming the nurse who last saw the patient after the date
(`Last seen 11/10/2026 by Joel Trelawney`: staff). Each patient is one row, no staff name
in any, the relatives' own numbers and dates never make or join anyone, and each home's
kind of way in is its own. Scanned and exported by the real CLI.
"""

from __future__ import annotations

import docx
import pytest

from tests.cli import export_individuals, key, scan_quietly
from tests.conftest import assert_no_raw_values
from tests.share_builder import write_files

NHS = {"whiteley": "4857032821", "nuttall": "4859048725", "peter": "4851160178",
       "susan": "4853080236", "harold": "4857957612", "joan": "4856717952"}
FILES = {
    "ambulance/epcr_4471.txt": f"""Yorkshire Vale Ambulance Service - ePCR
Incident: INC4471   Date: 12/11/2026 02:14   Call sign: YV-31
Patient: Mrs Edna WHITELEY   Age: 91   NHS No: {NHS['whiteley'][:3]} {NHS['whiteley'][3:6]} \
{NHS['whiteley'][6:]}
Address: Room 12, Hollins Park Care Home, HX3 5TT
Presenting complaint: unwitnessed fall, ?NOF.
Crew: Paramedic Daniel Okonjo / EMT Priya Lal
Handed over to Sister Joy Adeyemi at ED 03:05.
""",
    "ambulance/cad_log_2026-11-12.txt": f"""CAD log 12/11/2026 - night
02:14 INC4471 CH Amy Blake. Pt WHITELEY, Edna, 91F, NHS {NHS['whiteley']}, Hollins Park CH \
rm 12. Fall. Crew YV-31 (Okonjo/Lal).
02:40 INC4472 CH Amy Blake. Pt Mr Albert Nuttall, 87M, NHS {NHS['nuttall']}, 4 Mill Lane. \
Caller: son Peter Nuttall, NHS {NHS['peter']}, on scene. Key safe code 2291.
""",
    "ambulance/shift_roster.csv": """Call sign,Crew 1,Crew 2,Shift start
YV-31,Daniel Okonjo,Priya Lal,19:00
YV-32,"REDDY, Tom",Amy BLAKE,19:00
""",
    "carehome/transfer_whiteley.txt": f"""Hollins Park Care Home - Hospital transfer form
Resident: Edna Whiteley   DOB: 03/02/1935   Room 12
NHS number: {NHS['whiteley'][:3]} {NHS['whiteley'][3:6]} {NHS['whiteley'][6:]}
Next of kin: Susan Whiteley (daughter), NHS {NHS['susan']}, tel 07700 900412
Transferred by ambulance (crew YV-31, Daniel Okonjo) 02:50 on 12/11/2026.
Completed by: Karen Pollitt, senior carer
""",
    "asc/referral_nuttall.txt": f"""Adult Social Care - referral from ambulance service
Person: Mr Albert Nuttall (aged 87)   NHS: {NHS['nuttall']}
Referrer: Amy Blake, call handler, Yorkshire Vale Ambulance Service
Son Peter Nuttall (DOB 02/09/1962, NHS {NHS['peter']}) lives nearby.
Assessor: Grace Oduya   Broker: Beth Collins
""",
    "carehome/admission_pike.txt": f"""Care home admission - Rosebank
Residents: Mr Harold Pike (DOB 02/02/1931, NHS {NHS['harold']}) and his wife Mrs Joan Pike \
(DOB 09/09/1933, NHS {NHS['joan']}), Room 4 shared.
Daughter: Carol Pike (DOB 12/12/1960), key holder for their bungalow.
""",
    "asc/tate_couple.txt": """Adult Social Care - joint assessment
Clients: Mr Frank Tate (DOB 05/05/1942) and Mrs Ivy Tate (DOB 19/10/1944), 9 Oak Rise.
Both conveyed to hospital 12/11/2026. Back door is left on the latch for carers.
Assessor: Grace Oduya from the reablement team.
""",
}
STAFF = ["Daniel Okonjo", "Priya Lal", "Joy Adeyemi", "Amy Blake", "Tom Reddy",
         "Karen Pollitt", "Grace Oduya", "Beth Collins", "Joel Trelawney"]


def discharge_letter(path) -> None:
    """A letter whose patient is named only in its details table; its body names the nurse
    who last saw her after the date (`Last seen 11/10/2026 by Joel Trelawney`): the doer,
    staff, so the body's key-safe code still joins the one patient of the letter."""
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    for row, (label, value) in zip(table.rows, [
            ("Patient", "Mrs Edna Whiteley"), ("Date of birth", "03/02/1935"),
            ("NHS number", NHS["whiteley"])], strict=True):
        row.cells[0].text, row.cells[1].text = label, value
    document.add_paragraph("Please note that Mrs Whiteley has been discharged from our "
                           "caseload today. Last seen 11/10/2026 by Joel Trelawney.")
    document.add_paragraph("For information: key safe to left of front door, code 1434.")
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(path)


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    share = tmp_path_factory.mktemp("ambulance-share")
    out = tmp_path_factory.mktemp("ambulance-out") / "inventory"
    write_files(share, FILES)
    discharge_letter(share / "letters" / "discharge_whiteley.docx")
    scan_quietly(share, out)
    return out


def test_one_row_per_patient_with_their_own_values_and_kinds(scanned, tmp_path):
    rows = export_individuals(scanned, tmp_path, "--reveal")
    assert sorted((key("PERSON", row["name"]), row["nhs_number"].replace(" ", ""),
                   row["date_of_birth"], row["home_access_kinds"]) for row in rows) == sorted([
        (key("PERSON", "Edna Whiteley"), NHS["whiteley"], "03/02/1935", "code"),
        (key("PERSON", "Albert Nuttall"), NHS["nuttall"], "", "code"),
        (key("PERSON", "Frank Tate"), "", "05/05/1942", "left_open"),
        (key("PERSON", "Ivy Tate"), "", "19/10/1944", "left_open"),
        (key("PERSON", "Harold Pike"), NHS["harold"], "02/02/1931", "key_holder"),
        (key("PERSON", "Joan Pike"), NHS["joan"], "09/09/1933", "key_holder"),
    ])
    related = {key("PERSON", name) for row in rows for name in row["related_people"].split("; ")
               if name}
    assert related == {key("PERSON", name)
                       for name in ("Susan Whiteley", "Peter Nuttall", "Carol Pike")}
    names = {key("PERSON", name) for row in rows
             for name in (row["name"], *row["other_names"].split("; ")) if name}
    assert not names & {key("PERSON", name) for name in STAFF}


def test_nothing_raw_without_reveal(scanned, tmp_path):
    export_individuals(scanned, tmp_path)
    assert_no_raw_values(tmp_path, ["Amy Blake", "Peter Nuttall", NHS["peter"], NHS["susan"],
                                    "2291", "1434", "Joel Trelawney"])
