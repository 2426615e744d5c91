"""What the fuzzers feed and what they call, shared by the quick properties in the
test suite and the long run in `fuzz/run.py`.

Inputs are valid documents of every type we extract (built from the synthetic
sample share), then truncated and byte-mutated, plus free-form bytes under every
known extension. The call is the extraction half of the pipeline, recursing into
archive members exactly as `scan_document` does, without detection (that is fuzzed
on its own, through `Detector.detect_unit`).
"""

from __future__ import annotations

import io
import json
import posixpath
import random
import zipfile

from hypothesis import strategies as st

from phiscan.config import Config, LimitsConfig
from phiscan.extract import (
    EXTENSIONS,
    EXTRACTORS,
    ExtractContext,
    ExtractionError,
    Skip,
    choose_extractor,
)
from phiscan.model import Child, TextUnit
from phiscan.scan.limits import IsolatedFailure
from phiscan.scan.pipeline import extract_pieces
from phiscan.synthetic import demo_share as samples
from phiscan.synthetic.demo_share import (
    fhir_patient,
    letters_zip,
    make_people,
    rota_csv,
    visit_note,
)

# Our own extractors may only say no with Skip or ExtractionError; a third-party
# library's exception on malformed input is recorded by the pipeline as
# "malformed (Type)", which is acceptable, but never a hang, a crash or a
# BaseException.
OWN_EXTRACTORS = frozenset({"text", "csv", "tsv", "json", "zip"})


def fuzz_limits() -> LimitsConfig:
    """Small limits, so a mutated header cannot make one example slow."""
    return LimitsConfig(max_archive_members=200, max_expanded_bytes=8 * 1024 * 1024,
                        max_member_bytes=4 * 1024 * 1024, max_text_chars=1_000_000,
                        max_pdf_pages=20)


def seed_documents() -> dict[str, bytes]:
    people = make_people(random.Random(11), 6)
    nested = io.BytesIO()
    with zipfile.ZipFile(nested, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("inner/letters.zip", letters_zip(people[:2]))
        archive.writestr("rota.csv", rota_csv(people[2:4]))
    return {
        "visit.txt": visit_note(people[0]).encode(),
        "visit-utf16.txt": visit_note(people[1]).encode("utf-16"),
        "rota.csv": rota_csv(people).encode(),
        "rota.tsv": rota_csv(people).replace(",", "\t").encode(),
        "patient.json": fhir_patient(people[2]).encode(),
        "patients.json": json.dumps([json.loads(fhir_patient(p)) for p in people]).encode(),
        "letters.zip": letters_zip(people),
        "nested.zip": nested.getvalue(),
        "visit.docx": samples.visit_docx(people[0]),
        "visits.xlsx": samples.visits_xlsx(people),
        "discharge.pdf": samples.discharge_pdf(people[1]),
        "plan.rtf": samples.care_plan_rtf(people[2]),
        "rota.eml": samples.rota_change_eml(people[3]),
        "referral.msg": samples.referral_msg(people[4]),
        "adt.hl7": samples.hl7_message(people[5], 1).encode(),
        "handover.html": samples.handover_html(people[0]).encode(),
        "referral.xml": samples.referral_xml(people[1]).encode(),
        "bundle.json": samples.fhir_bundle(people).encode(),
    }


def _mutate(data: bytes, cut: int | None, edits: list[tuple[int, int]]) -> bytes:
    buffer = bytearray(data if cut is None else data[: cut % (len(data) + 1)])
    for position, value in edits:
        if buffer:
            buffer[position % len(buffer)] = value
    return bytes(buffer)


def mutated_documents(seeds: dict[str, bytes]) -> st.SearchStrategy[tuple[str, bytes]]:
    def mutate(name: str) -> st.SearchStrategy[tuple[str, bytes]]:
        data = seeds[name]
        edits = st.lists(st.tuples(st.integers(0, len(data)), st.integers(0, 255)), max_size=12)
        cuts = st.one_of(st.none(), st.integers(0, len(data)))
        return st.tuples(st.just(name), st.builds(_mutate, st.just(data), cuts, edits))

    return st.sampled_from(sorted(seeds)).flatmap(mutate)


def arbitrary_documents() -> st.SearchStrategy[tuple[str, bytes]]:
    names = st.sampled_from(["noext", *[f"file{ext}" for ext in sorted(EXTENSIONS)]])
    return st.tuples(names, st.binary(max_size=4096))


def documents(seeds: dict[str, bytes]) -> st.SearchStrategy[tuple[str, bytes]]:
    return st.one_of(mutated_documents(seeds), arbitrary_documents())


def extract_everything(name: str, data: bytes, limits: LimitsConfig) -> list[str]:
    """Every outcome of extracting one document and its members, as short strings.

    Extraction goes through the pipeline's own `extract_pieces`, so native
    extractors run isolated exactly as in a scan (a crash there is an outcome)."""
    config = Config()
    config.limits = limits
    return _extract(name, data, ExtractContext.for_file(name, limits), config)


def _extract(name: str, data: bytes, ctx: ExtractContext, config: Config) -> list[str]:
    extractor, reason = choose_extractor(name, data)
    if extractor is None:
        return [f"skipped: {reason}"]
    outcomes: list[str] = []
    try:
        for piece in extract_pieces(extractor, data, ctx, config):
            if isinstance(piece, Child):
                check_member_name(piece.name)
                if piece.error or piece.skip_reason:
                    outcomes.append(f"member: {piece.error or piece.skip_reason}")
                    continue
                child_ctx = ExtractContext(piece.name, ctx.limits, ctx.depth + 1, ctx.budget)
                outcomes += _extract(posixpath.basename(piece.name), piece.data, child_ctx,
                                     config)
            else:
                assert isinstance(piece, TextUnit)
                outcomes.append(f"text: {len(piece.text)}")
    except (Skip, ExtractionError) as exc:
        outcomes.append(f"{type(exc).__name__}: {exc}")
    except IsolatedFailure as exc:
        outcomes.append(f"{extractor}: {exc}")
    except Exception:
        if extractor in OWN_EXTRACTORS:
            raise
        outcomes.append(f"{extractor}: library error")
    return outcomes


def check_member_name(name: str) -> None:
    parts = name.split("/")
    assert name and not name.startswith("/") and ".." not in parts and "" not in parts, name


def all_extractor_names() -> list[str]:
    return sorted(EXTRACTORS)
