"""Per-test CPU and phiscan starts, for measuring the suite's cost (off by default).

With PHISCAN_TEST_CPU=FILE set, each test appends one tab-separated line to FILE:
node id, the pytest process's own CPU seconds, its waited-for children's CPU seconds, and
how many `phiscan` processes it started, over the test's setup, call and teardown (so a
module fixture's work is counted in the test that first needs it). CPU, not wall time:
the machine the suite is measured on is shared. `bench/suite_cpu.py FILE` sums it per file.
"""

from __future__ import annotations

import os
import resource
import subprocess

import pytest

CPU_FILE = os.environ.get("PHISCAN_TEST_CPU")
_starts = [0]


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _is_phiscan(args) -> bool:
    words = [args] if isinstance(args, (str, bytes)) else list(args)
    return any(str(word).endswith("phiscan") for word in words)


if CPU_FILE:
    _popen_init = subprocess.Popen.__init__

    def _counting_init(self, args, *rest, **kwargs):
        if _is_phiscan(args):
            _starts[0] += 1
        _popen_init(self, args, *rest, **kwargs)

    subprocess.Popen.__init__ = _counting_init

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_protocol(item, nextitem):
        own, children, starts = (_cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN),
                                 _starts[0])
        yield
        with open(CPU_FILE, "a") as handle:
            handle.write(f"{item.nodeid}\t{_cpu(resource.RUSAGE_SELF) - own:.3f}\t"
                         f"{_cpu(resource.RUSAGE_CHILDREN) - children:.3f}\t"
                         f"{_starts[0] - starts}\n")
