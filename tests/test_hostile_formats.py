"""Broken and locked office, PDF, mail and XML files through the pipeline: each ends
with phiscan's own status and reason, and the pipeline carries on (PDF is extracted
in an isolated child by default, so its reasons travel back from there)."""

from __future__ import annotations

import io
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import python_calamine

from phiscan.config import Config
from phiscan.scan.pipeline import scan_item
from phiscan.sources.local import LocalSource
from phiscan.synthetic import demo_share as samples
from phiscan.synthetic.formats import build_pdf

FORMATS = Path(__file__).parent / "data" / "formats"
PEOPLE = samples.make_people(random.Random(3), 4)
VALID = {
    "visit.docx": lambda: samples.visit_docx(PEOPLE[0]),
    "visits.xlsx": lambda: samples.visits_xlsx(PEOPLE),
    "discharge.pdf": lambda: samples.discharge_pdf(PEOPLE[0]),
    "referral.xml": lambda: samples.referral_xml(PEOPLE[0]).encode(),
}
TRUNCATED_REASON = {
    "visit.docx": "corrupt docx (not a valid zip container): BadZipFile",
    "visits.xlsx": "corrupt xlsx (not a valid zip container): BadZipFile",
    "discharge.pdf": "malformed pdf (damaged or not a PDF: pdfium error 3)",
    "referral.xml": "malformed xml: XMLSyntaxError",
}


def scan_bytes(tmp_path, name: str, data: bytes, detector, config: Config | None = None):
    config = config or Config()
    path = tmp_path / name
    path.write_bytes(data)
    source = LocalSource(str(path), config)
    [item] = list(source.walk())
    return scan_item(item, source, detector, config)


@pytest.mark.parametrize("name", sorted(VALID))
def test_truncated_documents_are_errors_in_our_words(tmp_path, detector, name):
    whole = VALID[name]()
    assert scan_bytes(tmp_path, name, whole, detector)[0].status == "scanned"
    [result] = scan_bytes(tmp_path, name, whole[: len(whole) // 2], detector)
    assert (result.status, result.reason, result.findings) == (
        "error", TRUNCATED_REASON[name], [])


@pytest.mark.parametrize("isolate", [["pdf"], []], ids=["isolated", "in-process"])
def test_password_protected_pdf_is_skipped(tmp_path, detector, isolate):
    config = Config()
    config.limits.isolate_extractors = isolate
    locked = build_pdf([["Patient Jane Smith NHS number 943 476 5919"]],
                       encrypt_with_password=True)
    [result] = scan_bytes(tmp_path, "locked.pdf", locked, detector, config)
    assert (result.status, result.reason) == ("skipped", "encrypted pdf (password required)")


def test_office_file_with_a_wrong_extension_is_sniffed(tmp_path, detector):
    [result, *members] = scan_bytes(tmp_path, "scan0001.jpg", VALID["visit.docx"](), detector)
    assert (result.status, result.extractor, members) == ("scanned", "docx", [])
    assert any(finding.entity_type == "UK_NHS" for finding in result.findings)


def test_pdf_that_is_really_text_is_read_as_text(tmp_path, detector):
    [result] = scan_bytes(tmp_path, "report.pdf", b"NHS number 943 476 5919\n", detector)
    assert (result.status, result.reason, result.extractor) == (
        "scanned", "read as text: text content with a .pdf name", "text")
    assert [finding.entity_type for finding in result.findings] == ["UK_NHS"]


def test_a_reader_panic_prints_nothing_and_gives_a_status_row(tmp_path):
    """calamine's Rust panics write their message and a backtrace to file descriptor 2,
    past Python; such a message may quote the bytes read. The scan's stderr stays ours."""
    fixture = FORMATS / "register-panics-calamine.xls"
    with pytest.raises(BaseException) as raised:  # still a panic in this calamine
        python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(fixture.read_bytes()))
    assert type(raised.value).__name__ == "PanicException"
    share, out = tmp_path / "share", tmp_path / "out"
    share.mkdir()
    shutil.copy(fixture, share / "register.xls")
    done = subprocess.run(
        [sys.executable, "-m", "phiscan", "scan", str(share), "--out", str(out), "-q"],
        capture_output=True, text=True, env={**os.environ, "RUST_BACKTRACE": "1"})
    assert done.returncode == 0
    assert "panicked" not in done.stderr and "backtrace" not in done.stderr
    [row] = [json.loads(line) for line in (out / "files.jsonl").read_text().splitlines()]
    assert (row["status"], row["reason"]) == ("error", "malformed xls: XLRDError")
