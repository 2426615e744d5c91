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
