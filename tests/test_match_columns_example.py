"""The `match` warning's --columns example names headers the MPI reader would not read by
itself: an example of headers it reads anyway (`Given`, `Family`, `Birth`) shows nothing."""

from __future__ import annotations

import pytest

from phiscan.commands.match import COLUMNS_EXAMPLE
from phiscan.scoping.mpi import MpiError, parse_columns, resolve_columns


def test_the_columns_example_names_headers_only_columns_can_name() -> None:
    explicit = parse_columns(COLUMNS_EXAMPLE)
    header = ["NHS No", *explicit.values()]
    header_alone = ["Record", *explicit.values()]
    with pytest.raises(MpiError):
        resolve_columns(header_alone, {})
    assert resolve_columns(header, {}) == {"nhs": 0}
    assert resolve_columns(header_alone, explicit) == {"forename": 1, "surname": 2, "dob": 3}
