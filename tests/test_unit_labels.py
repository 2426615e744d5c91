"""A record's field names guarded against the values of its own findings (`UnitLabels`):
a column named after the patient whose row it is (`Jane Example notes`) is stored masked,
and the values looked for in the names are found once a record, not once a field."""

from __future__ import annotations

from phiscan.detect.detector import UnitLabels
from phiscan.detect.labels import folded_values
from phiscan.extract.base import record_unit

ROW = [("client_name", "Jane Example"), ("nhs_number", "943 476 5919"),
       ("Jane Example notes", "key safe 4821"), ("date_of_birth", "12/03/1941")]


def test_a_field_name_repeating_a_value_of_its_row_is_stored_masked(detector):
    unit = record_unit(ROW, "sheet Clients row 2", "sheet Clients row 2")
    fields = {str(finding.field) for finding in detector.detect_unit(unit)
              if not finding.in_label}
    assert "client_name" in fields and "nhs_number" in fields
    assert not any("Jane" in field or "Example" in field for field in fields)
    assert any(field.endswith(" notes") and field != "Jane Example notes" for field in fields)


def test_only_the_values_some_field_name_holds_are_looked_for_in_each_name(detector):
    unit = record_unit(ROW, "sheet Clients row 2", "sheet Clients row 2")
    values = [("PERSON", "Jane Example"), ("UK_NHS", "943 476 5919"),
              ("DATE_OF_BIRTH", "12/03/1941")]
    labels = UnitLabels(detector.labels, unit, values)
    assert labels.values_in_names() == folded_values(values[:1])
    plain = UnitLabels(detector.labels, unit, values)
    for name in labels.field_names:  # the same label as looking for every value
        assert labels.field(name) == plain.guard.guard(name, plain.values)[0]
    assert str(labels.field("nhs_number")) == "nhs_number"
    assert str(labels.field("Jane Example notes")) != "Jane Example notes"
