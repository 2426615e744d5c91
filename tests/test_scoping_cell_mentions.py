"""A row's person is the one its name columns name, and a printed form's dot leaders are
labels (issue 15).

- A client export's free-text cell naming someone else (`Notes: Client 2 (Stan Ogden)
  died 02/10/26 - unit reassigned`, an equipment cell's `Lifeline Vi`) made that name the
  row's person, with the row's date of birth and the death: a widow's row became her late
  husband's and she was missing. The row keeps its name columns' person; the mention is a
  record of its own that identifies nobody, and the death stated right after it is its.
- A visit form's `Name ........ Hyacinth Jean Pollitt` lost its first word (a label's value
  is not inside a sentence to NER's rule) and made `Jean Pollitt` a person apart from her
  own record; with the dot leader read as the label's colon the name is whole.
"""

from __future__ import annotations

import pytest

from tests.cli import export_individuals, key, scanned_share

EXPORT = (
    "Client Ref,Title,Forename,Surname,Known As,DOB,Postcode,Equipment,Responder 1,"
    "Resp 1 Relationship,Record Notes\n"
    "AL4410,Mrs,Winifred,Ogden,Win,14/02/1944,HX3 6QT,Lifeline Vi + pendant,Trevor Ogden,son,"
    "Client 2 (Stan Ogden) died 02/10/26 - unit reassigned\n"
    "AL4411,Mr,Desmond,Ackroyd,,30/06/1939,HX3 7BW,Lifeline Vi + falls detector,"
    "Maureen Ackroyd,daughter,\n"
)
VISIT = (
    "Calderbrook Response Team - attendance form\n"
    "Name ............ Philippa Rose Hartigan\n"
    "Date of birth ... 03 Aug 1947\n"
    "Ref ............. AL4460\n"
    "Getting in ...... key safe left of porch, code 2719\n"
    "Found: on the floor by the stairs, no injury. Helped up with the Raizer.\n"
)
LETTER = (
    "Dear Mrs Hartigan,\n\nThank you for letting our responders in on Tuesday.\n"
    "Philippa Hartigan, DOB 03/08/1947, HX2 8LD\n"
)
SHARE = {"exports/alarm_clients.csv": EXPORT, "visits/attendance_AL4460.txt": VISIT,
         "letters/hartigan.txt": LETTER}


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    out = scanned_share(tmp_path_factory, "cell-mentions", SHARE)
    return export_individuals(out, tmp_path_factory.mktemp("cell-mentions-export"), "--reveal")


def test_each_row_is_its_name_columns_person_and_the_form_one_person(rows):
    assert sorted((key("PERSON", row["name"]), key("DATE_OF_BIRTH", row["date_of_birth"]))
                  for row in rows) == sorted(
        (key("PERSON", name), key("DATE_OF_BIRTH", dob)) for name, dob in (
            ("Winifred Ogden", "14/02/1944"), ("Desmond Ackroyd", "30/06/1939"),
            ("Philippa Hartigan", "03/08/1947")))


def test_a_death_stated_after_a_mentioned_name_is_not_the_rows_person(rows):
    deceased = {key("PERSON", row["name"]): row["deceased"] for row in rows}
    assert deceased[key("PERSON", "Winifred Ogden")] == "false"


def test_the_forms_access_code_is_the_forms_person(rows):
    kinds = {key("PERSON", row["name"]): row["home_access_kinds"] for row in rows}
    assert kinds[key("PERSON", "Philippa Hartigan")] == "code"
    assert kinds[key("PERSON", "Desmond Ackroyd")] == ""
