"""The per-worker memories' one eviction rule (`phiscan.detect.memory.remember`)."""

from __future__ import annotations

import sys
import threading

from phiscan.detect.memory import remember


def test_the_oldest_entry_goes_first_and_the_memory_stays_bounded():
    memory: dict[str, int] = {}
    for number in range(10):
        assert remember(memory, f"k{number}", number, 4) == number
    assert list(memory) == ["k6", "k7", "k8", "k9"]


def test_threads_sharing_a_memory_never_fail_when_they_evict_at_once():
    """A Dask worker may run several threads over one engine: two threads picking the
    same oldest key must not raise (a `del` of it did) and the bound must hold."""
    memory: dict[tuple[int, int], int] = {}
    failures: list[BaseException] = []
    limit = 8

    def fill(thread: int) -> None:
        try:
            for number in range(20_000):
                remember(memory, (thread, number), number, limit)
        except BaseException as error:  # noqa: BLE001 - any failure fails the test
            failures.append(error)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible
    try:
        threads = [threading.Thread(target=fill, args=(number,)) for number in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert failures == []
    assert len(memory) == limit
