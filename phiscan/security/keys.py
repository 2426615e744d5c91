"""The HMAC key: where it is found (one look-up order), where a default one is made,
and the fingerprint that ties an inventory to the key it was made with.

The key must never travel with the inventory: whoever holds both can test every NHS
number (about 10^9 of them, three digits already in the masked preview) against the
hashes. So the default key lives in the user's own config folder, never in the output
folder, and a key file others can read is refused.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path

from phiscan.config import Config
from phiscan.inventory.store import Inventory
from phiscan.security.files import PRIVATE_FILE_MODE, Refused, ensure_private_dir

log = logging.getLogger("phiscan.security.keys")

KEY_ENV = "PHISCAN_HMAC_KEY"
KEY_FILE_ENV = "PHISCAN_KEY_FILE"
KEY_FILENAME = "hmac.key"
MIN_KEY_BYTES = 16
KEY_CHECK_META = "key_check"
_KEY_CHECK_MESSAGE = b"phiscan-key-check"
_NEW_KEY_HINT = "python -c 'import secrets; print(secrets.token_hex(32))'"


class KeyProblem(Refused):
    """The key cannot be used: too short, readable by others, beside the data, or not
    the key the inventory was made with. Never carries key material."""


@dataclass(frozen=True)
class HmacKey:
    secret: bytes
    origin: str  # where it came from, for messages: never the key itself
    created: bool = False


def default_key_file() -> Path:
    """`$XDG_CONFIG_HOME/phiscan/hmac.key`, else `~/.config/phiscan/hmac.key`."""
    config_home = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config_home) / "phiscan" / KEY_FILENAME


def key_file_path(config: Config) -> Path:
    """PHISCAN_KEY_FILE, else [security] hmac_key_file, else the per-user default."""
    chosen = os.environ.get(KEY_FILE_ENV) or config.security.hmac_key_file
    return Path(chosen).expanduser() if chosen else default_key_file()


def find_hmac_key(out_dir: str | Path, config: Config, *, create: bool) -> HmacKey | None:
    """The one look-up order: PHISCAN_HMAC_KEY, [security] hmac_key, then the key file
    (`key_file_path`), generated 0600 in a 0700 folder when missing and `create` (the
    commands that scan); None when there is no key and `create` is false (a new key
    would match nothing)."""
    out = Path(out_dir)
    _refuse_key_left_in(out)
    if os.environ.get(KEY_ENV):
        return _checked(HmacKey(os.environ[KEY_ENV].encode(), f"environment variable {KEY_ENV}"))
    if config.security.hmac_key:
        return _checked(HmacKey(config.security.hmac_key.encode(),
                                "config [security] hmac_key"))
    path = key_file_path(config)
    _refuse_inside(path, out)
    if path.exists():
        return _checked(_read_key_file(path))
    return _generate(path) if create else None


def _checked(key: HmacKey) -> HmacKey:
    if len(key.secret) < MIN_KEY_BYTES:
        raise KeyProblem(f"the HMAC key from {key.origin} is {len(key.secret)} bytes; phiscan "
                         f"needs at least {MIN_KEY_BYTES} (make one with `{_NEW_KEY_HINT}`)")
    return key


def _refuse_key_left_in(out: Path) -> None:
    """phiscan 0.1 wrote its default key to DIR/hmac.key, beside the data it protects."""
    left = out / KEY_FILENAME
    if left.exists() or left.is_symlink():
        raise KeyProblem(
            f"{left} is a key inside the output folder (phiscan 0.1 put its default key "
            "there): whoever copies the folder gets the key with the hashes. Move it out, "
            f"to {default_key_file()} (phiscan's default place, if you keep no other key "
            f"there) or anywhere private with {KEY_FILE_ENV} or [security] hmac_key_file "
            "pointing at it; keep it 0600; then run again")


def _refuse_inside(path: Path, out: Path) -> None:
    key_folder, out_folder = path.parent.resolve(), out.resolve()
    if key_folder == out_folder or out_folder in key_folder.parents:
        raise KeyProblem(f"the key file {path} is inside the output folder {out}: keep the "
                         "key apart from the inventory (see SECURITY.md, key handling)")


def _read_key_file(path: Path) -> HmacKey:
    mode = stat.S_IMODE(os.stat(path).st_mode)
    if mode & 0o077:
        raise KeyProblem(f"the key file {path} is readable or writable by others (mode "
                         f"{mode:04o}): `chmod 600 {path}`, and treat the key as leaked if "
                         "others may have read it")
    return HmacKey(path.read_bytes().strip(), f"key file {path}")


def _generate(path: Path) -> HmacKey:
    ensure_private_dir(path.parent)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW,
                     PRIVATE_FILE_MODE)
    except FileExistsError:  # another phiscan made it first: use theirs
        return _checked(_read_key_file(path))
    with os.fdopen(fd, "wb") as handle:
        handle.write(secrets.token_hex(32).encode())
    log.warning("generated a new HMAC key in %s (0600); keep it to link later scans, and "
                "never send it with an inventory", path)
    return HmacKey(path.read_bytes().strip(), f"key file {path} (new)", created=True)


def key_check(secret: bytes) -> str:
    """The key's fingerprint: a keyed hash of a constant (says nothing of the key)."""
    return hmac.new(secret, _KEY_CHECK_MESSAGE, hashlib.sha256).hexdigest()


def mismatch(stored: str | None, key: HmacKey) -> bool:
    return stored is not None and not hmac.compare_digest(stored, key_check(key.secret))


def refuse_other_key(stored: str | None, key: HmacKey, out: Path) -> None:
    """Raise KeyProblem when the inventory in `out` was made with another key."""
    if mismatch(stored, key):
        raise KeyProblem(
            f"the HMAC key from {key.origin} is not the key the inventory in {out} was made "
            "with (their fingerprints differ): with it every person would hash anew and "
            "nothing could be linked or revealed. Use the scan's key, or a new output "
            "folder for a new key")


def no_key_message() -> str:
    return (f"no HMAC key: set {KEY_ENV}, or point {KEY_FILE_ENV} or [security] hmac_key_file "
            f"at the key the scan used (by default {default_key_file()})")


def claim_key(inventory: Inventory, key: HmacKey) -> None:
    """For the commands that write findings: refuse another key than the inventory's,
    and record the fingerprint of the first key (also in an inventory from before
    fingerprints, which cannot be checked)."""
    stored = inventory.meta(KEY_CHECK_META)
    refuse_other_key(stored, key, inventory.out_dir)
    if stored is None:
        inventory.set_meta(KEY_CHECK_META, key_check(key.secret))


def scan_key(out_dir: Path, config: Config) -> HmacKey:
    """The key a command that hashes new findings uses: found or made, and claimed. No
    key is made for an inventory made with another one (a wrong $HOME): it is refused
    before a new key file appears."""
    key = find_hmac_key(out_dir, config, create=False)
    if key is None:
        if made_with_a_key(out_dir):
            raise KeyProblem(f"the inventory in {out_dir} was made with an HMAC key that is "
                             f"not found here ({no_key_message()}); no new key was made")
        key = find_hmac_key(out_dir, config, create=True)
    assert key is not None
    with Inventory(out_dir) as inventory:
        claim_key(inventory, key)
    return key


def made_with_a_key(out_dir: Path) -> bool:
    """Whether an inventory in `out_dir` already holds a key's fingerprint."""
    try:
        with Inventory(out_dir, readonly=True) as inventory:
            return inventory.meta(KEY_CHECK_META) is not None
    except FileNotFoundError:
        return False


def inventory_key(out_dir: Path, config: Config) -> HmacKey | None:
    """The key a reader (reveal, match) hashes with: None when none is configured;
    KeyProblem when it is not the inventory's."""
    key = find_hmac_key(out_dir, config, create=False)
    if key is not None:
        with Inventory(out_dir, readonly=True) as inventory:
            refuse_other_key(inventory.meta(KEY_CHECK_META), key, out_dir)
    return key


def keyed_hash(key: bytes, entity_type: str, normalised_value: str) -> str:
    """What the inventory stores instead of a value: HMAC-SHA256 under the scan's key."""
    message = f"{entity_type}\x1f{normalised_value}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()
