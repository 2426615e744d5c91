"""The HMAC key through the real CLI: where the default one lives, which keys are
refused, and the fingerprint that ties an inventory to its key.

Every subprocess gets its own environment: no PHISCAN_HMAC_KEY unless the test sets
one, and XDG_CONFIG_HOME in the test's folder (the default key never lands in the
real home folder).
"""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
from pathlib import Path

import pytest

from tests import cli
from tests.conftest import all_files_under
from tests.watch_helpers import start_daemon, write_config

NHS = "943 476 5919"
NOTE = f"Patient Jane Smith, NHS number {NHS}, diagnosis: type 2 diabetes.\n"
KEY_A = "first-key-0123456789abcdef"
KEY_B = "second-key-fedcba9876543210"


def env_for(tmp_path: Path, **extra: str) -> dict:
    env = {name: value for name, value in os.environ.items()
           if name not in ("PHISCAN_HMAC_KEY", "PHISCAN_KEY_FILE")}
    return {**env, "XDG_CONFIG_HOME": str(tmp_path / "config"), **extra}


def run_cli(env: dict, *args: str) -> subprocess.CompletedProcess:
    return cli.run_cli(*args, env=env)


def one_line(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def share(tmp_path) -> Path:
    folder = tmp_path / "share"
    folder.mkdir()
    (folder / "note.txt").write_text(NOTE)
    return folder


def scan(env: dict, share: Path, out: Path) -> subprocess.CompletedProcess:
    return run_cli(env, "scan", str(share), "--out", str(out), "--workers", "1", "--quiet")


def run_count(out: Path) -> int:
    with sqlite3.connect(out / "inventory.sqlite") as db:
        return db.execute("SELECT count(*) FROM runs").fetchone()[0]


def test_the_default_key_is_made_in_the_users_config_folder_never_in_the_output(
        tmp_path, share):
    env = env_for(tmp_path)
    out = tmp_path / "out"
    first = scan(env, share, out)
    assert first.returncode == 0, first.stderr
    key_file = tmp_path / "config" / "phiscan" / "hmac.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(key_file.parent.stat().st_mode) == 0o700
    key = key_file.read_text().strip()
    assert len(key) == 64
    assert f"generated a new HMAC key in {key_file} (0600)" in one_line(first.stderr)
    assert "hmac.key" not in {path.name for path in all_files_under(out)}
    assert key not in first.stdout + first.stderr
    for path in all_files_under(out):
        assert key.encode() not in path.read_bytes(), path.name
    second = scan(env, share, tmp_path / "out2")  # the same key, announced once
    assert second.returncode == 0, second.stderr
    assert "generated" not in second.stderr
    assert key_file.read_text().strip() == key


def test_a_key_file_others_can_read_is_refused(tmp_path, share):
    key_file = tmp_path / "keys" / "hmac.key"
    key_file.parent.mkdir()
    key_file.write_text(KEY_A)
    key_file.chmod(0o644)
    result = scan(env_for(tmp_path, PHISCAN_KEY_FILE=str(key_file)), share, tmp_path / "out")
    assert result.returncode == 2
    assert f"the key file {key_file} is readable or writable by others (mode 0644)" in \
        one_line(result.stderr)
    assert KEY_A not in result.stdout + result.stderr
    assert not (tmp_path / "out" / "inventory.sqlite").exists()
    key_file.chmod(0o600)
    assert scan(env_for(tmp_path, PHISCAN_KEY_FILE=str(key_file)), share,
                tmp_path / "out").returncode == 0


def test_a_key_file_inside_the_output_folder_is_refused(tmp_path, share):
    out = tmp_path / "out"
    env = env_for(tmp_path, PHISCAN_KEY_FILE=str(out / "keys" / "hmac.key"))
    result = scan(env, share, out)
    assert result.returncode == 2
    assert "is inside the output folder" in one_line(result.stderr)
    assert not (out / "keys").exists()


def test_a_key_left_in_the_output_folder_by_version_0_1_must_be_moved(tmp_path, share):
    out = tmp_path / "out"
    assert scan(env_for(tmp_path, PHISCAN_HMAC_KEY=KEY_A), share, out).returncode == 0
    (out / "hmac.key").write_text(KEY_A)  # where 0.1 generated its default key
    (out / "hmac.key").chmod(0o600)
    for command in (["scan", str(share), "--out", str(out)],
                    ["individuals", str(out), "--export", str(tmp_path / "p.csv"),
                     "--reveal"]):
        result = run_cli(env_for(tmp_path), *command)
        assert result.returncode == 2, command
        assert f"{out / 'hmac.key'} is a key inside the output folder" in \
            one_line(result.stderr)
        assert "Move it out, to" in one_line(result.stderr)
        assert KEY_A not in result.stdout + result.stderr
    moved = tmp_path / "config" / "phiscan" / "hmac.key"
    moved.parent.mkdir(parents=True, mode=0o700)
    (out / "hmac.key").rename(moved)
    again = scan(env_for(tmp_path), share, out)  # the moved key is the inventory's key
    assert again.returncode == 0, again.stderr


def test_a_short_key_is_refused_without_printing_it(tmp_path, share):
    result = scan(env_for(tmp_path, PHISCAN_HMAC_KEY="short-key-12"), share, tmp_path / "out")
    assert result.returncode == 2
    assert ("the HMAC key from environment variable PHISCAN_HMAC_KEY is 12 bytes; phiscan "
            "needs at least 16") in one_line(result.stderr)
    assert "short-key-12" not in result.stdout + result.stderr


def test_another_key_on_the_same_inventory_is_refused_by_scan_reveal_and_match(
        tmp_path, share):
    """A second key on the same --out used to hash everyone anew (one person became two)
    and `--reveal` said "0 values recovered"."""
    out = tmp_path / "out"
    assert scan(env_for(tmp_path, PHISCAN_HMAC_KEY=KEY_A), share, out).returncode == 0
    mpi = tmp_path / "mpi.csv"
    mpi.write_text(f"nhs_number,name\n{NHS},Jane Smith\n")
    other = env_for(tmp_path, PHISCAN_HMAC_KEY=KEY_B)
    export = tmp_path / "people.csv"
    refused = [scan(other, share, out),
               run_cli(other, "scan", str(share), "--out", str(out), "--full"),
               run_cli(other, "individuals", str(out), "--export", str(export), "--reveal"),
               run_cli(other, "match", str(out), "--mpi", str(mpi))]
    for result in refused:
        assert result.returncode == 2, result.args
        assert (f"the HMAC key from environment variable PHISCAN_HMAC_KEY is not the key the "
                f"inventory in {out} was made with") in one_line(result.stderr), result.args
        assert KEY_A not in result.stdout + result.stderr
        assert KEY_B not in result.stdout + result.stderr
    daemon = start_daemon([share], out, write_config(tmp_path / "watch.toml", workers=1),
                          tmp_path / "logs", env=other)
    assert daemon.process.wait(timeout=120) == 2
    assert "is not the key the inventory" in one_line(daemon.stderr())
    assert run_count(out) == 1 and not export.exists()
    revealed = run_cli(env_for(tmp_path, PHISCAN_HMAC_KEY=KEY_A), "individuals", str(out),
                       "--export", str(export), "--reveal")
    assert revealed.returncode == 0, revealed.stderr
    assert NHS in export.read_text()
