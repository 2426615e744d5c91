"""spaCy reads the names of a whole batch of files at once, with the same results
as file by file, and the per-file limits still hold for each file."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

from phiscan.config import Config
from phiscan.detect.tiered import NerMemory
from phiscan.detect.unit_memo import UnitMemo
from phiscan.scan import pipeline
from phiscan.scan.executors import BATCH_SIZE, LARGEST_BATCH, SerialExecutor, make_executor
from phiscan.scan.limits import TIMEOUT_REASON
from phiscan.scan.pipeline import NameReading, scan_item
from phiscan.sources.local import LocalSource
from recognizers.nhs_number_recognizer import nhs_check_digit

FIRST = ["Winifred", "Cuthbert", "Ethelred", "Gwendolyn", "Percival", "Rosalind", "Ambrose",
         "Hermione", "Lancelot", "Marigold", "Bartholomew", "Philippa", "Ignatius", "Clementine"]
LAST = ["Ashdown", "Blackwood", "Crowther", "Dunmore", "Elsworth", "Fairweather", "Grimshaw",
        "Hargreaves", "Inchcombe", "Jessop", "Kettering", "Lockwood", "Mottram", "Nettleship"]


# Names the small English model reads as people in a salutation.
PEOPLE = [("Leonard", "Roberts"), ("Dorothy", "Taylor"), ("Stanley", "Nowak"),
          ("Margaret", "Jones"), ("Albert", "Jackson"), ("Joan", "Wilson")]


def nhs_number(serial: int) -> str:
    """A valid NHS number (mod 11 check digit) from the test range 999 000 0000 on."""
    stem = f"{999_000_000 + serial:09d}"
    check = nhs_check_digit(stem)
    return nhs_number(serial + 1) if check is None else stem + str(check)


def letter(first: str, last: str, serial: int) -> str:
    return (f"Leeds Community Care\n\nDear {first} {last},\n\n"
            f"Your NHS number is {nhs_number(serial)}. Your diabetes review is booked.\n")


def share_of(tmp_path: Path, texts: dict[str, str]) -> tuple[LocalSource, list, Config]:
    share = tmp_path / "share"
    share.mkdir()
    for name, text in texts.items():
        (share / name).write_text(text)
    config = Config()
    source = LocalSource(str(share), config)
    return source, sorted(source.walk(), key=lambda item: item.location), config


def names_found(results: list) -> list[list[tuple[str, str]]]:
    return [sorted((f.entity_type, f.masked) for f in result.findings) for [result] in results]


def test_a_batch_is_one_spacy_call_with_the_results_of_file_by_file(tmp_path, detector):
    texts = {f"letter-{i}.txt": letter(*PEOPLE[i], i) for i in range(6)}
    texts["no-names.txt"] = "Key safe code 4321 by the back door.\n"
    source, items, config = share_of(tmp_path, texts)
    layered = detector.layered
    layered.ner_memory = NerMemory()
    detector.units = UnitMemo()  # each scan reads its units: none answered from memory
    calls, blocks = layered.spacy_calls, layered.blocks_read

    names = NameReading(detector, config)
    batched = [scan_item(item, source, detector, config, names) for item in items]
    assert [result.findings for [result] in batched][:6] == [[]] * 6  # names not read yet
    names.finish()
    batched_calls, batched_blocks = layered.spacy_calls - calls, layered.blocks_read - blocks

    layered.ner_memory = NerMemory()
    detector.units = UnitMemo()
    calls, blocks = layered.spacy_calls, layered.blocks_read
    one_by_one = [scan_item(item, source, detector, config) for item in items]
    assert (batched_calls, layered.spacy_calls - calls) == (1, 6)
    assert batched_blocks == layered.blocks_read - blocks >= 6
    assert batched == one_by_one
    people = [[masked for entity, masked in found if entity == "PERSON"]
              for found in names_found(batched)]
    assert [len(found) for found in people] == [1, 1, 1, 1, 1, 1, 0]
    assert [result.categories for [result] in batched][:6] == [batched[0][0].categories] * 6
    assert batched[6][0].categories == one_by_one[6][0].categories != []


def test_a_file_whose_names_overrun_the_limit_times_out_alone(tmp_path, detector, monkeypatch):
    """The batch overruns one file's limit, so each file reads its own names under its
    own limit: the long one (a thousand different names next to NHS numbers: seconds
    of NER) times out as before batching, the letter is complete."""
    people = itertools.islice(itertools.product(FIRST, LAST, FIRST), 1000)
    long_text = "".join(
        f"Resident {first} {last} {middle} slept well (NHS number {nhs_number(serial)}).\n"
        for serial, (first, last, middle) in enumerate(people, start=100))
    source, items, config = share_of(tmp_path, {"a-long.txt": long_text,
                                                "b-letter.txt": letter(*PEOPLE[0], 7)})
    # Timed against this machine, not a fixed second: the limit is a few times the long
    # file's cheap pass, and its NER is made to take longer than the limit whatever the load.
    started = time.process_time()
    scan_item(items[0], source, detector, config, NameReading(detector, config))
    config.limits.per_file_timeout_seconds = max(1.0, 3 * (time.process_time() - started))
    read_names, chars_per_call = detector.layered.ner_people_in, []

    def ner_slower_than_the_limit(pieces: list[str]):
        chars_per_call.append(sum(map(len, pieces)))
        if chars_per_call[-1] > len(long_text) // 2:  # the limit counts CPU time: spend it
            spent = time.process_time() + config.limits.per_file_timeout_seconds + 0.5
            while time.process_time() < spent:
                pass
        return read_names(pieces)

    monkeypatch.setattr(detector.layered, "ner_people_in", ner_slower_than_the_limit)
    detector.layered.ner_memory = NerMemory()
    names = NameReading(detector, config)
    [long_result], [letter_result] = [scan_item(item, source, detector, config, names)
                                      for item in items]
    names.finish()
    # The batch (both files), then each file alone (the long one, the letter).
    assert len(chars_per_call) == 3
    assert chars_per_call[0] > chars_per_call[1] > len(long_text) // 2 > chars_per_call[2]
    assert (long_result.status, long_result.reason, long_result.findings) == (
        "error", TIMEOUT_REASON, [])
    assert (letter_result.status, letter_result.reason) == ("scanned", "")
    assert sorted({f.entity_type for f in letter_result.findings}) == [
        "HEALTH_CONDITION", "PERSON", "UK_NHS"]


def test_held_text_is_bounded_and_files_without_names_to_read_complete_at_once(
        tmp_path, detector, monkeypatch):
    texts = {f"letter-{i}.txt": letter(*PEOPLE[i], 200 + i) for i in range(4)}
    texts["no-names.txt"] = "Key safe code 4321 by the back door.\n"
    source, items, config = share_of(tmp_path, texts)
    lengths = [len(texts[f"letter-{i}.txt"]) for i in range(4)]
    monkeypatch.setattr(pipeline, "HELD_TEXT_CHARS", lengths[0] + lengths[1])
    detector.layered.ner_memory = NerMemory()
    calls = detector.layered.spacy_calls
    names = NameReading(detector, config)
    results = [scan_item(item, source, detector, config, names) for item in items]
    [no_names] = results[4]
    assert no_names.categories != [] and names.held_chars == lengths[3]  # done at once
    assert [bool(result.findings) for [result] in results[:3]] == [True, True, True]
    assert [result.findings for [result] in results[3:4]] == [[]]  # the fourth still waits
    assert detector.layered.spacy_calls - calls == 1  # read once, when over the bound
    names.finish()
    assert detector.layered.spacy_calls - calls == 2
    assert all(result.findings for [result] in results)


def serial_letters(tmp_path: Path, count: int, first_year: int) -> tuple[SerialExecutor, list]:
    """`count` letters to pairs of PEOPLE in a share, and a `--workers 1` executor with its
    jobs over them (the caller closes the executor)."""
    pairs = itertools.islice(itertools.cycle(itertools.product(PEOPLE, PEOPLE)), count)
    texts = {f"letter-{i:02d}.txt": letter(first[0], last[1], first_year + i)
             for i, (first, last) in enumerate(pairs)}
    source, items, config = share_of(tmp_path, texts)
    config.scan.workers = 1
    executor = make_executor(config, b"test-key-not-secret")
    assert isinstance(executor, SerialExecutor)
    jobs = [(source.uri, item) for item in items]
    return executor, jobs


def one_by_one(executor: SerialExecutor, jobs: list) -> list:
    """The same jobs scanned file by file, with nothing answered from the batch's memory."""
    executor.state.detector.layered.ner_memory = NerMemory()
    executor.state.detector.units = UnitMemo()
    return [executor.state.scan(job) for job in jobs]


def test_a_serial_scan_reads_each_batch_of_files_names_in_one_spacy_call(tmp_path):
    """`--workers 1` scans in the pool's batches: 20 letters are two batches (16 and 4),
    two spaCy calls, with every file's names and the results of file by file."""
    executor, jobs = serial_letters(tmp_path, BATCH_SIZE + 4, 300)
    layered = executor.state.detector.layered
    batched = list(executor.map(jobs))
    assert layered.spacy_calls == 2
    calls = layered.spacy_calls
    assert batched == one_by_one(executor, jobs)
    assert layered.spacy_calls - calls == BATCH_SIZE + 4
    assert [result.location for [result] in batched] == [item.location for _uri, item in jobs]
    # The small model reads a salutation's first name with Jones or Wilson as no person.
    people = [sum(finding.entity_type == "PERSON" for finding in result.findings)
              for [result] in batched]
    assert people == [1, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 1]
    executor.close()


def test_a_serial_scan_reads_names_in_batches_growing_to_the_largest(tmp_path):
    """60 letters are three batches (16, 32 and 12 files): three spaCy calls, with the
    findings of file by file."""
    assert LARGEST_BATCH >= 4 * BATCH_SIZE
    executor, jobs = serial_letters(tmp_path, 3 * BATCH_SIZE + 12, 400)
    batched = list(executor.map(jobs))
    assert executor.state.detector.layered.spacy_calls == 3
    assert batched == one_by_one(executor, jobs)
    assert sum(finding.entity_type == "PERSON" for [result] in batched
               for finding in result.findings) > 40
