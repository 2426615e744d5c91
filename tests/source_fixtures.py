"""Session fixtures for the S3 and SMB source tests: real servers on 127.0.0.1.

Registered from conftest.py (`pytest_plugins`), so every test module shares one
moto server and one smbd.
"""

from __future__ import annotations

import io
import os
import random
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from phiscan.synthetic.demo_share import (
    PEOPLE_COUNT,
    build_other_formats,
    build_sample_share,
    make_people,
)
from tests.servers import (
    SambaServer,
    SambaUnavailable,
    start_moto,
    start_samba,
)

SAMPLE_MAX_FILE_BYTES = 200_000
SAMPLE_EXCLUDE = ["scratch/*"]
AWS_TEST_ENV = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_MAX_ATTEMPTS": "2",  # keeps the 503 tests short; real runs use the profile's setting
    "AWS_CONFIG_FILE": os.devnull,
    "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
}


def _docx_bytes(text: str) -> bytes:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _xlsx_bytes(rows: list[list[str]]) -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _image_only_pdf() -> bytes:
    """A scanned page: a picture in a PDF, no text layer."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (200, 100), "white").save(buffer, format="PDF")
    return buffer.getvalue()


def mislabelled_files() -> dict[str, bytes]:
    """Real files whose names lie about their type, as an export or a rename leaves them."""
    return {
        "patients.csv": _xlsx_bytes([["Name", "NHS number"], ["Jane Smith", "943 476 5919"]]),
        "report.txt": _image_only_pdf(),
        "invoice.pdf": _docx_bytes("Invoice for Jane Smith, NHS number 943 476 5919."),
    }


def _nested_zip(inner_name: str, inner: bytes, note: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(inner_name, inner)
        archive.writestr("readme.txt", note)
    return buffer.getvalue()


def has_own_extractor(name: str, data: bytes) -> bool:
    """Office files are only added once their extractor exists: read as plain zips,
    their XML parts would cost minutes of NLP and test nothing new."""
    from phiscan.extract import choose_extractor

    extractor, _reason = choose_extractor(name, data)
    return extractor not in (None, "zip")


def build_parity_share(root: Path) -> None:
    """The every-format sample share (office, PDF, e-mail, HL7...) plus the cases where
    sources could disagree: nested archives, binary, empty, too large, excluded,
    non-ASCII and deep names."""
    people = build_sample_share(root)
    # The other formats under formats/, so the pinned sample folders stay as other
    # tests (reveal) expect them; the same people every_format=True would use.
    for folder in ("care-notes", "exports", "letters"):
        (root / "formats" / folder).mkdir(parents=True)
    build_other_formats(root / "formats", make_people(random.Random(7), PEOPLE_COUNT)[24:])
    extra = root / "extra"
    (extra / "deep" / "er" / "still").mkdir(parents=True)
    (root / "scratch").mkdir()
    visit = (root / "care-notes" / "visit-001.txt").read_bytes()
    letters = (root / "letters" / "appointment-letters.zip").read_bytes()
    (extra / "nested.zip").write_bytes(
        _nested_zip("letters.zip", letters, "Archive of letters, see inside.\n"))
    person = people[0]
    documents = {
        "visit-note.docx": _docx_bytes(visit.decode()),
        "caseload.xlsx": _xlsx_bytes([["client_name", "nhs_number", "condition"],
                                      [person.name, person.nhs_number, person.condition]]),
    }
    for name, data in documents.items():
        if has_own_extractor(name, data):
            (extra / name).write_bytes(data)
    (extra / "café notes – ward 3.txt").write_bytes(visit)
    (extra / "utf16-note.txt").write_bytes(visit.decode().encode("utf-16"))
    (extra / "deep" / "er" / "still" / "note.md").write_bytes(visit)
    (extra / "empty.txt").write_bytes(b"")
    (extra / "blob.bin").write_bytes(bytes(range(256)) * 8)
    (extra / "huge.log").write_bytes(b"routine log line, nothing personal\n" * 7_000)
    (root / "scratch" / "ignored.txt").write_bytes(visit)
    for path in [root, *root.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)  # smbd reads as the guest account


@pytest.fixture(scope="session")
def aws_test_env() -> Iterator[dict[str, str]]:
    saved = {name: os.environ.get(name) for name in AWS_TEST_ENV}
    os.environ.update(AWS_TEST_ENV)
    yield AWS_TEST_ENV
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture(scope="session")
def moto_endpoint(aws_test_env) -> Iterator[str]:
    server, url = start_moto()
    yield url
    server.stop()


@pytest.fixture(scope="session")
def s3_admin(moto_endpoint):
    """A client straight to moto, for setting buckets up (never used by phiscan)."""
    import boto3

    return boto3.client("s3", endpoint_url=moto_endpoint, region_name="us-east-1")


@pytest.fixture(scope="session")
def served_dir() -> Iterator[Path]:
    """A world-traversable folder (pytest's tmp dirs are 0700, closed to smbd's guest)."""
    path = Path(tempfile.mkdtemp(prefix="phiscan-sources-"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def parity_share(served_dir) -> Path:
    root = served_dir / "parity"
    root.mkdir()
    build_parity_share(root)
    return root


@pytest.fixture(scope="session")
def restricted_share(served_dir) -> Path:
    """Files the SMB user may list but not read: the permission faults."""
    root = served_dir / "restricted"
    (root / "locked-dir").mkdir(parents=True)
    (root / "open.txt").write_text("Team rota: nothing personal here.\n")
    (root / "locked.txt").write_text("Referral letter for a patient.\n")
    (root / "locked-dir" / "inside.txt").write_text("Minutes.\n")
    root.chmod(0o755)
    (root / "open.txt").chmod(0o644)
    (root / "locked.txt").chmod(0o600)  # owned by root: the SMB user cannot open it
    (root / "locked-dir").chmod(0o700)
    return root


@pytest.fixture(scope="session")
def links_share(served_dir) -> Path:
    """A DFS link (a reparse point to an SMB client) next to a plain file."""
    root = served_dir / "links"
    root.mkdir()
    (root / "plain.txt").write_text("Nothing personal.\n")
    (root / "elsewhere").symlink_to("msdfs:127.0.0.1\\parity")
    root.chmod(0o755)
    (root / "plain.txt").chmod(0o644)
    return root


@pytest.fixture(scope="session")
def loops_share(served_dir) -> Path:
    """Links smbd follows itself (links inside a share are followed by default): the
    client sees `loop` and `team/back` as plain folders, each the share's root again."""
    root = served_dir / "loops"
    (root / "team").mkdir(parents=True)
    (root / "deep" / "l1" / "l2" / "l3" / "l4").mkdir(parents=True)
    (root / "note.txt").write_text("Team rota: nothing personal here.\n")
    (root / "team" / "visit.txt").write_text("Patient Jane Smith, NHS number 943 476 5919.\n")
    (root / "deep" / "l1" / "l2" / "l3" / "l4" / "deep.txt").write_text("Minutes.\n")
    (root / "loop").symlink_to(".")
    (root / "team" / "back").symlink_to("..")
    for path in [root, *root.rglob("*")]:
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() else 0o644)
    return root


@pytest.fixture(scope="session")
def mislabelled_share(served_dir) -> Path:
    root = served_dir / "mislabelled"
    root.mkdir()
    for name, data in mislabelled_files().items():
        (root / name).write_bytes(data)
        (root / name).chmod(0o644)
    root.chmod(0o755)
    return root


@pytest.fixture(scope="session")
def acl_share(served_dir) -> Path:
    """An empty folder for the NT ACL tests (Samba's acl_xattr share), which fill it
    and set its ACLs with smbcacls once smbd is up."""
    root = served_dir / "acl"
    root.mkdir()
    root.chmod(0o755)
    return root


@pytest.fixture(scope="session")
def samba(served_dir, parity_share, restricted_share, links_share, loops_share, acl_share,
          mislabelled_share) -> Iterator[SambaServer]:
    shares = {"parity": f"guest:{parity_share}", "restricted": f"user:{restricted_share}",
              "links": f"dfs:{links_share}", "loops": f"guest:{loops_share}",
              "acl": f"acl:{acl_share}", "mislabelled": f"guest:{mislabelled_share}"}
    try:
        server = start_samba(served_dir / "samba", shares)
    except SambaUnavailable as exc:
        if os.geteuid() == 0:
            raise  # CI runs as root: Samba must be there
        pytest.skip(f"SAMBA TESTS NOT RUN: {exc}")
    yield server
    server.stop()


def parity_config():
    """The same scan settings for every source in the parity test."""
    from phiscan.config import Config

    config = Config()
    config.scan.workers = 1
    config.scan.max_file_bytes = SAMPLE_MAX_FILE_BYTES
    config.scan.exclude = list(SAMPLE_EXCLUDE)
    return config


def upload_tree(s3_admin, bucket: str, prefix: str, root: Path) -> int:
    """Every file under root as `prefix/relative/path`; returns the object count."""
    s3_admin.create_bucket(Bucket=bucket)
    count = 0
    for path in sorted(root.rglob("*")):
        if path.is_file():
            key = f"{prefix}/{path.relative_to(root).as_posix()}"
            s3_admin.put_object(Bucket=bucket, Key=key, Body=path.read_bytes())
            count += 1
    return count


def rows_by_location(out: Path) -> dict[str, dict]:
    import json

    lines = (out / "files.jsonl").read_text(encoding="utf-8").splitlines()
    return {row["location"]: row for row in map(json.loads, lines)}


@pytest.fixture
def reuse_detector(monkeypatch, detector):
    """In-process scans reuse the session's real engine instead of loading spaCy
    again (about 5 s each). The parity test keeps real worker processes."""
    from dataclasses import asdict

    import phiscan.scan.executors
    from phiscan.config import Config

    build = phiscan.scan.executors.Detector
    defaults = Config()

    def session_engine_when_equivalent(config, hmac_key: bytes):
        same = (hmac_key == b"test-key-not-secret"
                and asdict(config.detection) == asdict(defaults.detection)
                and asdict(config.nlp) == asdict(defaults.nlp))
        return detector if same else build(config, hmac_key)

    monkeypatch.setattr(phiscan.scan.executors, "Detector", session_engine_when_equivalent)
