"""Keyed hashes, masked previews and private output files.

phiscan must never become the second breach: findings are stored as an
HMAC-SHA256 of the normalised value (so the same person links across files
without the value being stored) plus a preview masked enough to be useless to a
thief but enough for an analyst to recognise the kind of value.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path
from typing import IO

from phiscan.config import Config

KEY_ENV = "PHISCAN_HMAC_KEY"
KEY_FILENAME = "hmac.key"
PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700


def ensure_private_dir(path: str | Path) -> Path:
    directory = Path(path)
    directory.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    os.chmod(directory, PRIVATE_DIR_MODE)
    return directory


def open_private(path: str | Path, mode: str = "w", encoding: str | None = "utf-8") -> IO:
    """Open for writing, created 0600 from the start (no window with wider bits)."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if "a" in mode else os.O_TRUNC)
    fd = os.open(path, flags, PRIVATE_FILE_MODE)
    os.fchmod(fd, PRIVATE_FILE_MODE)
    if "b" in mode:
        return os.fdopen(fd, mode)
    return os.fdopen(fd, mode, encoding=encoding, newline="")


def write_private_text(path: str | Path, text: str) -> None:
    with open_private(path) as handle:
        handle.write(text)


def load_hmac_key(out_dir: str | Path, config: Config) -> tuple[bytes, str]:
    """The key and where it came from. Generates one 0600 in out_dir if none is set.

    Order: PHISCAN_HMAC_KEY, [security] hmac_key, [security] hmac_key_file,
    then `out_dir/hmac.key` (created when missing).
    """
    from_env = os.environ.get(KEY_ENV, "")
    if from_env:
        return from_env.encode(), f"environment variable {KEY_ENV}"
    if config.security.hmac_key:
        return config.security.hmac_key.encode(), "config [security] hmac_key"
    key_path = Path(config.security.hmac_key_file) if config.security.hmac_key_file else (
        Path(out_dir) / KEY_FILENAME
    )
    if key_path.exists():
        return key_path.read_bytes().strip(), f"key file {key_path}"
    ensure_private_dir(key_path.parent)
    with open_private(key_path, "wb", encoding=None) as handle:
        handle.write(secrets.token_hex(32).encode())
    return key_path.read_bytes().strip(), f"generated key file {key_path} (new)"


def keyed_hash(key: bytes, entity_type: str, normalised_value: str) -> str:
    message = f"{entity_type}\x1f{normalised_value}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()
