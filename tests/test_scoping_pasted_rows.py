"""A table pasted into a ticket as text keeps each row's person apart (issue 15, from blind
share 27).

A care agency's manager pastes rows of the Client Access Sheet into a support ticket, cells
parted by tabs. A row ending `code with the admin team` put `team` right before the next row's
name, which read as a member of staff: that row's client and her key holder were taken for
staff and the row joined the client above, who got a key holder she does not have. A word that
ends a row is no role of the name opening the next.
"""

from __future__ import annotations

from tests.cli import scanned_share, ways_in_by_number

MIRZA, BAINS = "4851000006", "4851000014"
TICKET = (
    "Hi,\nWhen coordinators print the Client Access Sheet the key safe codes come out in full. "
    "Example from this morning (pasted):\n\n"
    "Mirza, Abdul\t28/03/1952\tLS29 8QX\tcode with the admin team\n"
    "Bains, Gurdev\t14/07/1945\tLS29 5BA\tKey holder: Surjit Bains (wife) 07700 900087\n\n"
    "Cheers\nTracey\n"
)
REGISTER = ("NHS number,Surname,Forename,DOB,Postcode\n"
            f"{MIRZA},Mirza,Abdul,28/03/1952,LS29 8QX\n"
            f"{BAINS},Bains,Gurdev,14/07/1945,LS29 5BA\n")


def test_a_pasted_rows_client_is_no_member_of_staff(tmp_path_factory, tmp_path):
    scanned = scanned_share(tmp_path_factory, "pasted-rows",
                            {"tickets/KCS-50140.txt": TICKET, "register/clients.csv": REGISTER})
    assert ways_in_by_number(scanned, tmp_path) == {
        MIRZA: ("false", "", "", ""), BAINS: ("true", "key_holder", "", "")}
