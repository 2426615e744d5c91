"""Time `LocalSource.walk` over a generated tree (default 100,000 files).

    .venv/bin/python bench/walk.py [--files 100000] [--dir /tmp/phiscan-walk]

The tree is made once (empty-ish files in 100 folders of 10 subfolders) and reused.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from phiscan.config import Config  # noqa: E402
from phiscan.sources.local import LocalSource  # noqa: E402


def build_tree(root: Path, files: int) -> None:
    marker = root.parent / f".{root.name}-built-{files}"
    if marker.exists():
        return
    for index in range(files):
        folder = root / f"dept-{index % 100:03d}" / f"team-{index // 100 % 10}"
        if index < 1000:
            folder.mkdir(parents=True, exist_ok=True)
        (folder / f"file-{index:06d}.txt").write_bytes(b"x" * (index % 50))
    marker.write_text("")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=100_000)
    parser.add_argument("--dir", default="/tmp/phiscan-walk")
    args = parser.parse_args()
    root = Path(args.dir)
    root.mkdir(parents=True, exist_ok=True)
    build_tree(root, args.files)
    os.sync()
    started = time.perf_counter()
    count = sum(1 for _item in LocalSource(str(root), Config()).walk())
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"walked {count} items in {seconds:.2f} s ({count / seconds:,.0f} items/s), "
          f"peak RSS {peak_mb:.0f} MB, load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
