"""Bounded per-worker memories (values, labels, lines, units): one eviction rule.

Each memory is a dict whose oldest entry goes first once it is full. A Dask worker
may run several threads over one engine: one thread's eviction can meet another's
(the same oldest key deleted twice, a dict resized under an iterator), so every
write (an eviction with its insertion) happens under one lock; reads take none.
"""

from __future__ import annotations

import hashlib
import os
import threading
from typing import Generic, TypeVar

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


class KeyedMemory(Generic[Value]):
    """Values remembered under a keyed digest of their text (a random key per process, so
    no text is held and digests mean nothing outside it), bounded by `remember`."""

    def __init__(self, limit: int) -> None:
        self.secret = os.urandom(16)
        self.limit = limit
        self.known: dict[bytes, Value] = {}

    def digest(self, text: str) -> bytes:
        return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16,
                               key=self.secret).digest()

    def get(self, key: bytes | None) -> Value | None:
        return None if key is None else self.known.get(key)

    def put(self, key: bytes, value: Value) -> Value:
        return remember(self.known, key, value, self.limit)
