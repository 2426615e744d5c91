"""Presidio's predefined recognizers are imported one by one, when phiscan uses them, and
spaCy's command line only if something uses it (phiscan/detect/lazy_imports.py); stock
Presidio still gets every recognizer, and spaCy's `info` still answers."""

from __future__ import annotations

import json
import subprocess
import sys

# Prints which predefined recognizer modules a process imported, and the recognizers a
# stock registry loads.
PROBE = """
import json, sys
{setup}
from presidio_analyzer import RecognizerRegistry
imported = sorted(m for m in sys.modules if m.startswith("presidio_analyzer.predefined"))
{before_stock}
registry = RecognizerRegistry()
registry.load_predefined_recognizers(languages=["en"])
print(json.dumps({{"imported": imported,
                   "stock": sorted(type(r).__name__ for r in registry.recognizers)}}))
"""


def probe(setup: str, before_stock: str = "") -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE.format(setup=setup,
                                                              before_stock=before_stock)],
                          capture_output=True, text=True, timeout=300, check=True)
    return json.loads(done.stdout)


def test_the_scan_engine_imports_only_the_recognizers_it_uses():
    plain = probe("")
    lazy = probe("import phiscan.detect.engine",
                 "from phiscan.detect.lazy_imports import import_every_recognizer\n"
                 "import_every_recognizer()")
    url = "presidio_analyzer.predefined_recognizers.generic.url_recognizer"
    assert url in plain["imported"] and url not in lazy["imported"]
    assert not [m for m in lazy["imported"] if ".country_specific." in m]
    assert "presidio_analyzer.predefined_recognizers.generic.email_recognizer" in lazy["imported"]
    assert len(lazy["imported"]) < len(plain["imported"]) // 4
    # Stock Presidio, once every recognizer is imported, loads the same ones as ever.
    assert lazy["stock"] == plain["stock"]
    assert {"EmailRecognizer", "UrlRecognizer", "SpacyRecognizer"} <= set(plain["stock"])


def test_names_beyond_the_imports_run_the_package_as_written():
    found = subprocess.run(
        [sys.executable, "-c",
         "import phiscan.detect\n"
         "from presidio_analyzer.predefined_recognizers import NLP_RECOGNIZERS, UrlRecognizer\n"
         "from presidio_analyzer.predefined_recognizers.third_party import "
         "AzureOpenAILangExtractRecognizer\n"
         "print(sorted(NLP_RECOGNIZERS), UrlRecognizer.__name__)"],
        capture_output=True, text=True, timeout=300, check=True).stdout.split()
    assert found == ["['spacy',", "'stanza',", "'transformers']", "UrlRecognizer"]


def test_spacy_loads_without_its_command_line_which_still_answers():
    found = subprocess.run(
        [sys.executable, "-c",
         "import sys, json\n"
         "from phiscan.config import Config\n"
         "from phiscan.detect.engine import build_analyzer\n"
         "import spacy\n"
         "analyzer = build_analyzer(Config())\n"
         "nlp = analyzer.nlp_engine.nlp['en']\n"
         "people = [e.text for e in nlp('Dr Margaret Thornton saw the patient.').ents]\n"
         "before = sorted(m for m in ('weasel', 'spacy.cli.download', 'spacy.cli._util')\n"
         "                if m in sys.modules)\n"
         "info = spacy.info()\n"
         "from spacy.cli import download\n"
         "print(json.dumps([people, before, sorted(info)[:3], callable(download),\n"
         "                  'weasel' in sys.modules]))"],
        capture_output=True, text=True, timeout=300, check=True).stdout
    people, before, info_keys, download_found, weasel_after = json.loads(found)
    assert people == ["Margaret Thornton"]
    assert before == []  # none of spaCy's command line while the engine is built
    assert info_keys and download_found and weasel_after  # imported once asked for


# Reader libraries a scan imports only once it meets their format.
READER_LIBRARIES = ("openpyxl", "PIL", "docx", "olefile", "msoffcrypto", "xlrd", "pypdfium2",
                    "python_calamine", "pptx", "odf", "dbfread", "access_parser", "pypff")


def test_readers_are_imported_by_the_first_file_of_their_format(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Name", "Ward"])
    book.active.append(["Ann Lee", "Oak"])
    book.save(tmp_path / "ward.xlsx")
    (tmp_path / "msg.hl7").write_bytes(b"MSH|^~\\&|A|B|C|D|202401011200||ADT^A01|1|P|2.5\r"
                                       b"PID|1||123||LEE^ANN\r")
    found = subprocess.run(
        [sys.executable, "-c",
         "import json, sys\n"
         "from pathlib import Path\n"
         f"libraries = {READER_LIBRARIES!r}\n"
         "def loaded():\n"
         "    return sorted(m for m in libraries if m in sys.modules)\n"
         "import phiscan.scan.pipeline\n"
         "from phiscan.config import LimitsConfig\n"
         "from phiscan.extract import ExtractContext, choose_extractor, run_extractor\n"
         "before, read = loaded(), []\n"
         "for name in ('msg.hl7', 'ward.xlsx'):\n"
         f"    data = (Path({str(tmp_path)!r}) / name).read_bytes()\n"
         "    kind = choose_extractor(name, data)[0]\n"
         "    ctx = ExtractContext.for_file(name, LimitsConfig())\n"
         "    text = ' '.join(p.text for p in run_extractor(kind, data, ctx)\n"
         "                    if hasattr(p, 'text'))\n"
         "    read.append([kind, 'Ann' in text or 'ANN' in text, loaded()])\n"
         "print(json.dumps([before, read]))"],
        capture_output=True, text=True, timeout=300, check=True).stdout
    before, read = json.loads(found)
    assert before == []
    assert read[0] == ["hl7", True, []]
    assert read[1][:2] == ["xlsx", True] and "openpyxl" in read[1][2]


def test_every_format_names_a_reader_that_exists():
    from phiscan.extract import EXTENSIONS, EXTRACTORS, Lazy

    assert set(EXTENSIONS.values()) <= set(EXTRACTORS)
    for extractor in EXTRACTORS.values():
        assert isinstance(extractor, Lazy) and callable(extractor.load())


# Scans SHARE with a fork pool of two workers; prints the reader libraries this process
# (the pool's parent) imported, and each location's status and finding count.
POOL_PROBE = """
import json, sqlite3, sys
from phiscan.config import Config
from phiscan.scan.runner import run_scan
libraries = {libraries!r}
config = Config()
config.scan.workers = 2
run_scan([sys.argv[1]], sys.argv[2], config)
with sqlite3.connect(sys.argv[2] + "/inventory.sqlite") as db:
    rows = sorted(db.execute(
        "SELECT l.location, l.status, count(f.id) FROM locations l"
        " LEFT JOIN findings f ON f.location_id = l.id GROUP BY l.id"))
print(json.dumps([sorted(m for m in libraries if m in sys.modules), rows]))
"""


def pool_scan(share, out) -> tuple[list[str], dict[str, tuple[str, int]]]:
    done = subprocess.run(
        [sys.executable, "-c", POOL_PROBE.format(libraries=READER_LIBRARIES), str(share),
         str(out)], capture_output=True, text=True, timeout=600, check=True)
    imported, rows = json.loads(done.stdout)
    return imported, {location.rsplit("/", 1)[-1]: (status, count)
                      for location, status, count in rows}


HL7_MESSAGE = (b"MSH|^~\\&|A|B|C|D|202401011200||ADT^A01|1|P|2.5\r"
               b"PID|1||9434765919^^^NHS^NH||LEE^ANN||19800101|F\r")
ROWS = "nhs_number,name\n9434765919,Ann Lee\n"


def test_a_fork_pool_imports_the_readers_of_the_formats_its_share_holds(tmp_path):
    """The parent reads a local walk's first files ahead and imports their formats'
    readers before forking: a share of messages and extracts never imports the Office,
    PDF and image libraries, and one holding a workbook imports its reader once."""
    import openpyxl

    messages = tmp_path / "messages"
    messages.mkdir()
    (messages / "adt.hl7").write_bytes(HL7_MESSAGE)
    (messages / "rows.csv").write_text(ROWS)
    imported, rows = pool_scan(messages, tmp_path / "out-messages")
    assert imported == []
    assert rows == {"adt.hl7": ("scanned", 3), "rows.csv": ("scanned", 2)}

    book = openpyxl.Workbook()
    book.active.append(["NHS number", "Name"])
    book.active.append(["9434765919", "Ann Lee"])
    book.save(messages / "ward.xlsx")
    imported, rows = pool_scan(messages, tmp_path / "out-workbook")
    assert "openpyxl" in imported and "pypdfium2" not in imported
    assert rows == {"adt.hl7": ("scanned", 3), "rows.csv": ("scanned", 2),
                    "ward.xlsx": ("scanned", 2)}


# Scans SHARE with a fork pool of two workers; prints, per process that compiled any, how
# many of the recognizers' deferred patterns (`Pattern(lazy=True)`) it compiled: the parent
# as "parent", each worker as "worker".
DEFERRED_PROBE = """
import json, os, sys
from recognizers.base import Pattern
from phiscan.config import Config
from phiscan.scan.runner import run_scan
log, parent = sys.argv[3], os.getpid()
compile_pattern = Pattern.compile
def counted(self, flags):
    if "compiled_regex" in vars(self) and self.compiled_regex is None:  # not at __init__
        with open(log, "a") as out:
            out.write(("parent" if os.getpid() == parent else "worker") + "\\n")
    return compile_pattern(self, flags)
Pattern.compile = counted
config = Config()
config.scan.workers = 2
run_scan([sys.argv[1]], sys.argv[2], config)
"""


def deferred_compiles(share, out, log) -> dict[str, int]:
    subprocess.run([sys.executable, "-c", DEFERRED_PROBE, str(share), str(out), str(log)],
                   capture_output=True, text=True, timeout=600, check=True)
    lines = log.read_text().split() if log.exists() else []
    return {process: lines.count(process) for process in sorted(set(lines))}


def test_a_fork_pool_compiles_the_deferred_patterns_once_for_a_share_of_prose(tmp_path):
    """A share whose first files hold prose (a visit note) gets every deferred pattern
    compiled by the parent before the fork, none by a worker; a share of messages and
    extracts compiles none before the fork (each worker compiles what its files reach)."""
    from phiscan.config import Config
    from phiscan.detect.detector import Detector

    detector = Detector(Config(), b"k" * 16)  # its recognizers may be another test's
    deferred = sum(getattr(pattern, "lazy", False)
                   for recognizer in detector.analyzer.registry.recognizers
                   for pattern in getattr(recognizer, "patterns", None) or ())
    notes = tmp_path / "notes"
    notes.mkdir()
    for visit in range(3):
        (notes / f"visit-{visit}.txt").write_text(
            f"Visit {visit}: Ann Lee (NHS 943 476 5919) was well. The key safe by the back "
            "door has code 4321; her daughter holds a spare key.\n")
    compiled = deferred_compiles(notes, tmp_path / "out-notes", tmp_path / "notes.log")
    assert deferred > 20
    assert compiled == {"parent": deferred}

    messages = tmp_path / "messages"
    messages.mkdir()
    (messages / "adt.hl7").write_bytes(HL7_MESSAGE)
    (messages / "rows.csv").write_text(ROWS)
    compiled = deferred_compiles(messages, tmp_path / "out-messages", tmp_path / "rows.log")
    assert "parent" not in compiled
