"""JSON documents: leaves flattened to `path: value`, one record per array element."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from phiscan.extract.base import ExtractContext, ExtractionError, Piece, record_unit
from phiscan.extract.text import decode_text

MAX_JSON_DEPTH = 64


def flatten(value: Any, path: str = "", depth: int = 0) -> Iterator[tuple[str, str]]:
    if depth > MAX_JSON_DEPTH:
        raise ExtractionError("json nested deeper than 64 levels")
    if isinstance(value, dict):
        for key, child in value.items():
            yield from flatten(child, f"{path}.{key}" if path else str(key), depth + 1)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from flatten(child, f"{path}[{index}]", depth + 1)
    elif value is not None and not isinstance(value, bool):
        yield path or "value", str(value)


def parse_json(data: bytes, ctx: ExtractContext) -> Any:
    try:
        return json.loads(decode_text(data))
    except (json.JSONDecodeError, RecursionError) as exc:
        raise ExtractionError(f"malformed json: {type(exc).__name__}") from None


def extract_json(data: bytes, ctx: ExtractContext) -> Iterator[Piece]:
    document = parse_json(data, ctx)
    records = document if isinstance(document, list) else [document]
    for index, record in enumerate(records):
        where = f"[{index}]" if isinstance(document, list) else ""
        pairs = list(flatten(record))
        if pairs:
            yield record_unit(pairs, where, where or "document")
