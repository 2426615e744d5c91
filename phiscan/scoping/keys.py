"""The scan's HMAC key, for commands that must hash like the scan did."""

from __future__ import annotations

import os
from pathlib import Path

from phiscan.config import Config
from phiscan.security import KEY_ENV, KEY_FILENAME, load_hmac_key


def existing_hmac_key(out_dir: Path, config: Config) -> bytes | None:
    """The key the scan used, or None: never generates one (a new key matches nothing)."""
    key_file = (Path(config.security.hmac_key_file) if config.security.hmac_key_file
                else out_dir / KEY_FILENAME)
    if os.environ.get(KEY_ENV) or config.security.hmac_key or key_file.exists():
        return load_hmac_key(out_dir, config)[0]
    return None
