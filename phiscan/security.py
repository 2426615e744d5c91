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
import re
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


_DIGITS = re.compile(r"\d")


def _mask_word(word: str) -> str:
    return word[:1] + "*" * (len(word) - 1) if word else word


def mask_value(entity_type: str, value: str) -> str:
    """A preview that shows the shape, never the value.

    NHS number: first three digits (`943 *** ****`). Names and free text: first
    letter of each word (`J*** S****`). Emails: first letters of local part and
    domain. Postcodes: outward code only. Codes, dates, other numbers: all masked.
    """
    value = " ".join(value.split())
    if entity_type in ("UK_NHS", "UK_CHI", "UK_HCN"):
        digits = "".join(_DIGITS.findall(value))
        return f"{digits[:3]} *** ****" if len(digits) >= 3 else "***"
    if entity_type == "UK_POSTCODE":
        parts = value.split()
        return f"{parts[0].upper()} ***" if len(parts) == 2 else "*** ***"
    if entity_type == "EMAIL_ADDRESS" and "@" in value:
        local, _, domain = value.partition("@")
        return f"{_mask_word(local)}@{_mask_word(domain.split('.')[0])}.***"
    if entity_type in ("PERSON",):
        return " ".join(_mask_word(word) for word in value.split(" "))[:60]
    masked = re.sub(r"[A-Za-z0-9]", "*", value)
    return masked[:40] if len(masked) <= 40 else masked[:37] + "..."
