"""Children's and families' services and sheltered housing: one right row per person
(issue 15; dev cases in the seventh share's genres, written before its data is seen).

A health visitor's new-birth note names the baby, the mother with her own date of birth
and NHS number and the father; an EHC-plan health advice letter names the
child, the parent (also in its `cc:` line, where `Joanne Brannigan (parent)` is related,
not a recipient on the staff side) and a brother whose date of birth is written in prose
wrapped over a line break (`... and his brother` / `Finn Brannigan (born ...)`: the role
word on the line above is his; before, he was a row of his own); a careline call log names
tenants, an operator, a warden and key holders with their own dates of birth; a tenancy
letter is to a couple who are both tenants. Parents, siblings and key holders are related:
never a row, and their dates of birth never the child's or the tenant's.
"""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest

from tests.cli import export_individuals, names_with_roles, scan_quietly, scanned_share
from tests.share_builder import write_files

CALL_LOG = """\
Careline call log - Beech Court extra care scheme - night of 03/11/2026

02:14 Pendant alarm. Tenant: Mrs Irene Cowgill, Flat 12, DOB 21/06/1934. Operator: Jason Pell.
Called key holder: son Martin Cowgill 07700 900555 (DOB 12/01/1962), attending.
Warden on call: Bev Ormerod.

03:40 Smoke alarm. Tenant: Mr Stanley Ibbotson, Flat 3, DOB 09/09/1937. Operator: Jason Pell.
Key holder daughter Lynne Marsh 07700 900556 not answering; warden attended.
"""
HEALTH_ADVICE = """\
Kestrel Vale Community Paediatrics
Re: Education, Health and Care Needs Assessment - Health Advice
Child: Leo Brannigan    Date of birth: 2 March 2017    NHS number: 611 969 2495
Parent/carer: Joanne Brannigan, 12 Mill Lane, Harrowden SN5 2RR

Dear Ms Patel,

I saw Leo in clinic with his mother Joanne on 20 October. Leo has a diagnosis of autism
spectrum disorder and global developmental delay. He lives with his mother and his brother
Finn Brannigan (born 04/07/2013), who has no health needs.

Yours sincerely,

Dr Ayesha Karim
Consultant Community Paediatrician

cc: Joanne Brannigan (parent); Rachel Dunn, School Nurse; SENCo, St Mary's Primary
"""
NEW_BIRTH_VISIT = """\
Harrowden Children's Community Health - Health Visiting
New birth visit (day 12)

Child: Amara OKAFOR-REID    DOB: 14/08/2026    NHS No: 438 888 9342
Address: 7 Wren Close, Harrowden SN5 4TT

Mother: Chioma Okafor, DOB 03/02/1994, NHS 480 986 5347
Father: Daniel Reid (works away, not present)

Seen at home with mum. Baby feeding well, weight 3.9kg. Mum reports low mood, EPDS 14,
discussed with GP. Grandmother Grace Okafor staying for two weeks.

Health Visitor: Sarah Whitfield
"""
TENANCY_LETTER = """\
Larchfield Housing Association - Sheltered Housing

Mr Roy Pickersgill and Mrs Edna Pickersgill
Flat 4, Larch Court, Harrowden SN5 9LC

Tenants: Roy Pickersgill (DOB 03/03/1940) and Edna Pickersgill (DOB 17/07/1942)

Dear Mr and Mrs Pickersgill,

Your joint tenancy of Flat 4 begins on 1 December. The scheme manager, Alison Greaves,
will visit to set up your careline pendants.

Yours sincerely,
Tom Hurst
Lettings Officer
"""
FILES = {"housing/careline_call_log_beech_court.txt": CALL_LOG,
         "paediatrics/ehc_health_advice_Brannigan.txt": HEALTH_ADVICE,
         "health_visiting/new_birth_visit_Okafor-Reid.txt": NEW_BIRTH_VISIT,
         "housing/tenancy_letter_Pickersgill.txt": TENANCY_LETTER}


@pytest.fixture(scope="module")
def scanned(tmp_path_factory) -> Path:
    return scanned_share(tmp_path_factory, "childrens", FILES)


def test_the_parent_and_the_brother_of_a_child_are_related(scanned):
    assert sorted(names_with_roles(scanned, "ehc_health_advice")) == [
        ("document", "Dr A***** K****", "staff"),
        ("document", "F*** B********", "related"),  # `his brother` on the line above
        ("document", "J***** B********", "related"),
        ("document", "J***** B********", "related"),  # `cc: ... (parent)`
        ("document", "L** B********", "subject"),
        ("document", "Ms P****", ""),
        ("document", "R***** D***", "staff"),
        # `St Mary's Primary` (a cc recipient) is a school, no name (session 12: a saint's
        # possessive names a place)
    ]


def test_one_row_per_child_and_tenant_with_their_own_keys_only(scanned, tmp_path):
    rows = export_individuals(scanned, tmp_path, "--reveal")
    assert sorted((row["name"], row["other_names"], row["date_of_birth"], row["nhs_number"],
                   sorted(row["related_people"].split("; "))) for row in rows) == [
        ("Amara Okafor-Reid", "", "14/08/2026", "438 888 9342",
         ["Chioma Okafor", "Daniel Reid", "Grace Okafor"]),
        ("Leo Brannigan", "", "2 March 2017", "611 969 2495",
         ["Finn Brannigan", "Joanne Brannigan"]),
        ("Mr Roy Pickersgill", "", "03/03/1940", "", [""]),
        ("Mr Stanley Ibbotson", "", "09/09/1937", "", ["Lynne Marsh"]),
        ("Mrs Edna Pickersgill", "", "17/07/1942", "", [""]),
        ("Mrs Irene Cowgill", "", "21/06/1934", "", ["Martin Cowgill"]),
    ]



def careline_email() -> str:
    message = EmailMessage()
    message["From"] = "Jason Pell <jason.pell@careline.example>"
    message["To"] = "Beech Court Warden <warden@larchfield.example>"
    message["Subject"] = "Overnight call - Flat 12"
    message.set_content(
        "Hi Bev,\n\nMrs Irene Cowgill (DOB 21/06/1934) pressed her pendant at 02:14. Her son "
        "Martin Cowgill attended.\nHer husband Walter Cowgill, also a tenant (DOB 05/05/1931), "
        "was asleep.\n\nJason Pell\nCareline Operator\n")
    return message.as_string()


# A careline's responders (a son with his own date of birth, a neighbour, each `Name
# (relation)` in a name column) for a couple who are both tenants; a special-needs
# transport run's driver and a grandad named in its notes.
RESPONDERS = (
    "Tenant,DOB,Scheme,Flat,Responder 1,Responder 1 phone,Responder 1 DOB,Responder 2,"
    "Responder 2 phone\n"
    "Gladys Penrose,14/02/1933,Willow Court,7,Dennis Penrose (son),07700 900401,02/05/1958,"
    "Amy Fox (neighbour),07700 900402\n"
    "Harold Penrose,19/08/1931,Willow Court,7,Dennis Penrose (son),07700 900401,02/05/1958,"
    "Amy Fox (neighbour),07700 900402\n")
TRANSPORT = (
    "Run,Pupil,DOB,School,Driver,Pickup notes\n"
    "R1,Sophie-Rose Kerr,03/03/2011,Oakfield Special School,Phil Ambler,"
    "Grandad Ted Kerr waits at gate\n")


@pytest.fixture(scope="module")
def careline(tmp_path_factory) -> Path:
    share = tmp_path_factory.mktemp("careline-share")
    out = tmp_path_factory.mktemp("careline-out") / "inventory"
    write_files(share, {"careline/overnight_call.eml": careline_email(),
                        "careline/responders.csv": RESPONDERS,
                        "transport/send_runs_autumn.csv": TRANSPORT})
    scan_quietly(share, out)
    return out


def test_a_husband_who_is_also_a_tenant_is_a_subject_and_an_unclosed_signature_staff(careline):
    assert sorted(names_with_roles(careline, "overnight_call.eml")) == [
        ("body line 3", "M***** C******", "related"),
        ("body line 3", "Mrs I**** C******", ""),
        ("body line 4", "J**** P***", "staff"),  # `Careline Operator` on the line below
        ("body line 4", "W***** C******", "subject"),  # `also a tenant`
        ("headers", "B**** C**** W*****", "staff"),
        ("headers", "J**** P***", "staff"),
    ]


def test_responders_drivers_and_grandads_are_never_the_tenant_or_the_pupil(careline, tmp_path):
    rows = export_individuals(careline, tmp_path, "--reveal")
    assert sorted((row["name"], row["date_of_birth"], sorted(row["related_people"].split("; ")))
                  for row in rows) == [
        ("Gladys Penrose", "14/02/1933", ["Amy Fox", "Dennis Penrose"]),
        ("Harold Penrose", "19/08/1931", ["Amy Fox", "Dennis Penrose"]),
        ("Mrs Irene Cowgill", "21/06/1934", ["Martin Cowgill"]),
        ("Sophie-Rose Kerr", "03/03/2011", ["Ted Kerr"]),
        ("Walter Cowgill", "05/05/1931", [""]),
    ]
    assert [role for _record, masked, role in names_with_roles(careline, "send_runs_autumn")
            if masked.startswith("P")] == ["staff"]
