"""Home access per person (issue 15): the right people, the right kind. An instruction to
go in is by what its line gives (`let ourselves in using the key safe, code ...` is the
code's way in, not a door left open; alone, `let yourself in` is), and a key device
written as absent (`No key safe - spare key is under ...`) gives the key's place, not a
code (`recognizers/access_kinds.py`). Cases in the genres of a community health service
and a housing association's careline (podiatry bookings, a hospital-to-home volunteer's
log, a careline call, a children's nurse's home visit), with near misses from the same
worlds (a volunteers' office code, a school gate code). Scanned and exported by the real
CLI; nothing raw leaves without `--reveal`.
"""

from __future__ import annotations

import pytest

from tests.cli import export_individuals, key, report_json, scanned_share
from tests.conftest import assert_no_raw_values

PEOPLE = {  # name, DOB, the kinds of way in the share gives
    "Olive Brannigan": ("14/02/1938", "code"),
    "Reginald Tolley": ("30/09/1929", "hidden_key"),
    "Edith Fenwick": ("04/05/1936", "code"),
    "Albert Quayle": ("12/12/1931", "left_open"),
    "Poppy Shaw": ("03/03/2019", "code"),
}
KINDS_SHARE = {
    "podiatry/bookings.csv": (
        "Patient,DOB,NHS number,Clinic,Podiatrist,Access notes\n"
        "Olive Brannigan,14/02/1938,4868123106,Home visit,Dawn Kettlewell,\"Let yourself in"
        " with the key from the key safe by the garage, code 2291.\"\n"
        "Reginald Tolley,30/09/1929,4869256681,Home visit,Dawn Kettlewell,No key safe - spare"
        " key is under the green plant pot by the back step.\n"),
    "hospital_to_home/visit_log_fenwick.txt": (
        "Hospital to Home - volunteer visit log\n"
        "Client: Mrs Edith Fenwick   DOB 04/05/1936   NHS 486 938 7859\n"
        "Volunteer: Josh Penrose\n"
        "Visit 1: Please enter via the keysafe at the side gate - code 4406. Shopping put"
        " away, staff room code for the volunteers office is 1999.\n"),
    "careline/call_2231.txt": (
        "Careline call 14:02\nClient: Albert Quayle, DOB 12/12/1931, NHS 4862750877\n"
        "Pendant activation, no answer on speech. Door on the latch in the day, let yourself"
        " in.\nMobile warden attended 14:31.\n"),
    "children/visit_shaw.txt": (
        "Community childrens nursing - home visit\n"
        "Child: Poppy Shaw   DOB 03/03/2019   NHS 4864208743\n"
        "Mum asked us to let ourselves in using the key safe by the front door, code 5512."
        " School gate code is 7788 for pick-up.\n"),
}

# Whose home each detail opens: the subject of the record or of the list row it is written
# in, both people of one line or of one home (`Patient 1`, `Patient 2` of one surname and
# `Same address.`; two children of one name and `Family home:`), the person a block goes
# on to name (`Visit 2` / `Access: ...` / `Client: ...`), the person above for a paragraph
# that names nobody; never a member of staff (an operator, a warden, a volunteer, a nurse)
# and never the key holder, who is the subject's related person (`Key held by`, `Keys are
# held by`). Near misses of the same worlds (a scheme office's door code, a nursery gate,
# a volunteers' locker, van keys) open nobody's home. The podiatry list's second section is
# headed by a name that is not read (`## ARTHUR WHITELEY, 91`): its hidden key is nobody's,
# never the person's of the section above.
ATTRIBUTION_SHARE = {
    "careline/call_log_2026-11-03.txt": (
        'CARELINE MONITORING CENTRE - CALL LOG - Tuesday 3 November 2026\n'
        'Operator: Kim Ashworth\n'
        '\n'
        "09:12 Mrs Ada Pilkington (DOB 03/04/1930), Flat 2 Cromwell Court. Fall in "
        "bathroom. Responder: son Martin Pilkington, 07700 900311, attended 09:40. Key "
        "safe by the front door, code 4471.\n"
        '09:55 Mr Frank Oldham (DOB 11/11/1928). Pendant test only, no concerns.\n'
        "10:05 Mrs Vera Lumb (DOB 22/02/1935). Chest pain, ambulance called. Key held "
        "by Brenda Lumb (daughter), 07700 900123. Warden Gary Mottershead informed.\n"
        "10:20 Mr Harold Pike (DOB 05/05/1930) and Mrs Joan Pike (DOB 12/08/1932), "
        "Flat 3. Smoke alarm activation, false alarm. Door left on the latch for the "
        "warden.\n"
        '10:30 Scheme office door code changed to 2580 - staff only.\n'),
    "children/nurse_note_shaw.txt": (
        "Community Children's Nursing Team - home visit record\n"
        'Child: Leo Hartley   DOB 21/07/2017   NHS 4862920225\n'
        'Mother: Danielle Hartley, 07700 900444\n'
        'Visit by: Nurse Rachel Brook\n'
        "Family home: key safe by the back door, code 6620, for the short breaks team. "
        "Nursery gate code is 1357 for pick-up (not the home).\n"),
    "h2h/volunteer_log_week45.txt": (
        'Hospital to Home - volunteer visit log, week 45\n'
        'Volunteer: Josh Penrose\n'
        '\n'
        "Mon 02/11: Mrs Edna Crowther, DOB 01/01/1933 - settled home, spare key under "
        "the plant pot by the back door.\n"
        "Tue 03/11: Mr Leonard Haigh, DOB 05/05/1931 - shopping done; his nephew Paul "
        "Haigh has a key.\n"
        "Wed 04/11: Mrs Irene Slater, DOB 14/08/1939 - pension collected. Volunteers' "
        "locker code is 2468.\n"),
    "h2h/visits_today.txt": (
        "Hospital to Home - visits today\n\n"
        "Visit 1\nAccess: key safe 2299 by the porch\nClient: Mrs Ivy Marsden\n"
        "DOB: 02/02/1932\n\n"
        "Visit 2\nAccess: door on the latch, walk in\nClient: Mr Ron Dyson\n"
        "DOB: 03/03/1933\n\n"
        "Visit 3\nClient: Mrs Elsie Garside\nDOB: 04/04/1934\nNo access issues.\n"),
    "oxygen/installs.txt": (
        "Oxygen contractor - installs this week\n\n"
        "Mrs Freda Hobson (DOB 06/06/1936)\nConcentrator installed, cylinders checked.\n\n"
        "Access: key safe 4455 by the porch.\n\n"
        "Mr Cecil Moorhouse (DOB 07/07/1937)\nNo concerns. Van keys left with the depot.\n"),
    "children/short_break_referral.txt": (
        "Children with disabilities team - short break referral\n"
        "Child 1: Kai Brennan, DOB 11/11/2016\nChild 2: Ruby Brennan, DOB 05/05/2019\n"
        "Parent: Shona Brennan\nFamily home: key safe by the back door, code 3344.\n"),
    "careline/alarm_log.txt": (
        "Careline alarm log\n"
        "14:30 Alarm from Flat 11, Mr Jack Rhodes (DOB 03/04/1929). Keys are held by Sandra"
        " Wilkinson, his niece.\n"),
    "podiatry/joint_booking_dobbs.txt": (
        "Podiatry booking - joint home visit\n"
        "Patient 1: Mr Cyril Dobbs, DOB 04/04/1931\n"
        "Patient 2: Mrs Hilda Dobbs, DOB 19/09/1933\n"
        "Same address. Access notes: spare key in the meter box, let yourself in.\n"),
    "podiatry/home_visits_week45.md": (
        '# Podiatry home visits - week 45\n'
        '\n'
        '## Brannigan, Olive (DOB 14/02/1938)\n'
        'Nail care, no concerns.\n'
        '\n'
        '## ARTHUR WHITELEY, 91\n'
        'Seen by D. Kettlewell. Access: spare key under the stone tortoise by the back door.\n'
        '\n'
        '## Tolley, Reginald (DOB 30/09/1929)\n'
        'Callus care. Van keys left with reception.\n'),
    "sheltered/tenant_list.csv": (
        'Flat,Tenant,DOB,Key safe,Key holder,Warden\n'
        '1,Mrs Doris Entwistle,17/06/1931,3390 by the door,,Gary Mottershead\n'
        '2,Mr Stanley Greenhalgh,02/02/1929,,Eileen Greenhalgh (niece),Gary Mottershead\n'
        '4,Mrs Nora Ackroyd,09/12/1934,,,Gary Mottershead\n'),
}
ATTRIBUTED = {  # name, DOB, kinds of way in, related people
    ("Ada Pilkington", "03/04/1930", "code", "Martin Pilkington"),
    ("Frank Oldham", "11/11/1928", "", ""),
    ("Vera Lumb", "22/02/1935", "key_holder", "Brenda Lumb"),
    ("Harold Pike", "05/05/1930", "left_open", ""),
    ("Joan Pike", "12/08/1932", "left_open", ""),
    ("Doris Entwistle", "17/06/1931", "code", ""),
    ("Stanley Greenhalgh", "02/02/1929", "key_holder", "Eileen Greenhalgh"),
    ("Nora Ackroyd", "09/12/1934", "", ""),
    ("Leo Hartley", "21/07/2017", "code", "Danielle Hartley"),
    ("Edna Crowther", "01/01/1933", "hidden_key", ""),
    ("Leonard Haigh", "05/05/1931", "key_holder", "Paul Haigh"),
    ("Irene Slater", "14/08/1939", "", ""),
    ("Olive Brannigan", "14/02/1938", "", ""),
    ("Reginald Tolley", "30/09/1929", "", ""),
    ("Ivy Marsden", "02/02/1932", "code", ""),
    ("Ron Dyson", "03/03/1933", "left_open", ""),
    ("Elsie Garside", "04/04/1934", "", ""),
    ("Freda Hobson", "06/06/1936", "code", ""),
    ("Cecil Moorhouse", "07/07/1937", "", ""),
    ("Kai Brennan", "11/11/2016", "code", ""),
    ("Ruby Brennan", "05/05/2019", "code", "Shona Brennan"),
    ("Jack Rhodes", "03/04/1929", "key_holder", "Sandra Wilkinson"),
    ("Cyril Dobbs", "04/04/1931", "hidden_key", ""),
    ("Hilda Dobbs", "19/09/1933", "hidden_key", ""),
}


@pytest.fixture(scope="module")
def kinds_scanned(tmp_path_factory):
    return scanned_share(tmp_path_factory, "access-per-person", KINDS_SHARE)


def test_going_in_is_by_the_way_its_line_gives(kinds_scanned, tmp_path):
    rows = export_individuals(kinds_scanned, tmp_path, "--reveal")
    assert sorted((key("PERSON", row["name"]), row["date_of_birth"], row["home_access_kinds"])
                  for row in rows) == sorted(
        (key("PERSON", name), dob, kinds) for name, (dob, kinds) in PEOPLE.items())


@pytest.fixture(scope="module")
def attribution_scanned(tmp_path_factory):
    return scanned_share(tmp_path_factory, "access-attribution", ATTRIBUTION_SHARE)


def test_a_detail_opens_the_home_of_its_subject_never_of_staff_or_key_holders(
        attribution_scanned, tmp_path):
    rows = export_individuals(attribution_scanned, tmp_path, "--reveal")
    assert sorted((key("PERSON", row["name"]), row["date_of_birth"], row["home_access_kinds"],
                   key("PERSON", row["related_people"]) if row["related_people"] else "")
                  for row in rows) == sorted(
        (key("PERSON", name), dob, kinds, key("PERSON", related) if related else "")
        for name, dob, kinds, related in ATTRIBUTED)
    assert [row["other_names"] for row in rows] == [""] * len(rows)


def test_the_report_counts_the_right_people(attribution_scanned):
    people = report_json(attribution_scanned)["individuals"]
    assert (people["total"], people["with_home_access"], people["with_entry_details"],
            people["with_key_holder_only"]) == (24, 17, 13, 4)
    assert people["by_access_kind"] == {"code": 7, "hidden_key": 3, "left_open": 3,
                                        "key_holder": 4}


def test_nothing_raw_without_reveal(kinds_scanned, tmp_path):
    export_individuals(kinds_scanned, tmp_path)
    for written in (tmp_path, kinds_scanned):
        assert_no_raw_values(written, ["2291", "4406", "5512", "Olive Brannigan",
                                       "Dawn Kettlewell", "4868123106"])
