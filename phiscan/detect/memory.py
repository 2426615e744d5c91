"""Bounded per-worker memories (values, labels, lines, units): one eviction rule.

Each memory is a dict whose oldest entry goes first once it is full. A Dask worker
may run several threads over one engine: one thread's eviction can meet another's
(the same oldest key deleted twice, a dict resized under an iterator), so every
write (an eviction with its insertion) happens under one lock; reads take none.
"""

from __future__ import annotations

import threading
from typing import TypeVar

Key = TypeVar("Key")
Value = TypeVar("Value")

_WRITING = threading.Lock()


def remember(memory: dict[Key, Value], key: Key, value: Value, limit: int) -> Value:
    """Store value under key, first forgetting the oldest entry when memory holds limit."""
    with _WRITING:
        while len(memory) >= max(limit, 1):
            del memory[next(iter(memory))]
        memory[key] = value
    return value
