"""Build phiscan's health vocabularies from public sources (run by hand, not at scan time).

    python tools/build_vocabularies.py SOURCES_DIR

SOURCES_DIR holds the source files named below, obtained as `recognizers/data/README.md`
says (each source's origin, version and licence are recorded there). Reads the
hand-chosen inputs in `recognizers/data/curated/`; writes into `recognizers/data/`:
`health_conditions.txt`, `health_conditions_in_context.txt`,
`medications.txt`, `medications_in_context.txt`, `medication_trade_names.txt` (sorted,
one folded term a line).

What is kept: short names that a note would write (at most `MAX_WORDS` words, no
commas or classification wording such as `unspecified` or `due to`), each also in
British spelling (`recognizers/spelling.py`). What needs clinical context: a term
that is everyday English (a word of an English dictionary, a word of Zipf frequency
at least `EVERYDAY_ZIPF` in the `wordfreq` package's English list, or a phrase of such
words only: `cold`, `shock`, `iron`, `chest pain`) and every trade name. Needs
`pip install wordfreq pyahocorasick regex` for the build (wordfreq not at run time).
"""

from __future__ import annotations

import csv
import io
import re
import sys
import unicodedata
import xml.etree.ElementTree as ElementTree
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "recognizers" / "data"
HERE = DATA / "curated"  # the hand-chosen inputs: curated terms, exclusions
sys.path.insert(0, str(ROOT))

from recognizers.health_vocabulary import fold  # noqa: E402
from recognizers.spelling import uk_spelling  # noqa: E402

ICD10CM = "icd10c-tabular-April-1-2026.xml"
DISEASE_ONTOLOGY = "doid.obo"
SYMPTOM_ONTOLOGY = "symp_import.owl"
DRUGBANK = "drugbank_vocabulary.csv"
ORANGE_BOOK = "orange_book.zip"
DICTIONARY = "american-english"  # Debian's wamerican (SCOWL), used at build time only

MAX_WORDS = 4
MIN_CHARS = 4
EVERYDAY_ZIPF = 4.0  # about once in 10,000 words of general English or more often
DICTIONARY_WORD_ZIPF = 3.0  # a dictionary word rarer than this is a specialist's word
CHOSEN_EVERYDAY_ZIPF = 4.5  # for the hand-chosen terms (`diabetes` 4.2 stays specific)
EVERYDAY_MEDICINE_ZIPF = 5.0  # `today`, `same`: no medicine a record names
# ICD-10-CM chapters of external causes (V00-Y99) and of contact with services
# (Z00-Z99) name events and encounters, not a person's conditions.
ICD_SKIPPED_PREFIXES = ("V", "W", "X", "Y", "Z")
# Classification wording: a term holding one is a heading of the classification,
# not what a note writes.
CLASSIFICATION_WORDS = frozenset({
    "unspecified", "other", "specified", "nos", "nec", "due", "without", "with", "and",
    "or", "of", "in", "by", "classified", "elsewhere", "site", "sites", "type", "part",
    "parts", "certain", "not", "than", "stage", "encounter", "sequela", "subsequent",
    "initial", "involving", "affecting", "associated", "following", "complicating",
})
# Words too general to say anything about a person on their own, whatever a source
# calls them (a heading of the Disease Ontology, a grouping of the Symptom Ontology).
TOO_GENERAL = frozenset(read.strip() for read in (HERE / "too_general.txt").read_text(
    encoding="utf-8").splitlines() if read.strip() and not read.startswith("#"))
# Drug names that are not medicines a record would name (water, oxygen, ...): the
# Zipf rule puts most in context; these never reach a list.
DRUG_FORM_WORDS = frozenset({
    "tablet", "tablets", "capsule", "capsules", "injection", "solution", "cream",
    "ointment", "kit", "oral", "topical", "gel", "spray", "powder", "suspension",
    "hydrochloride", "sodium", "potassium", "calcium", "acetate", "sulfate", "citrate",
    "phosphate", "maleate", "mesylate", "tartrate", "succinate", "besylate", "bromide",
    "chloride", "fumarate", "hcl", "and", "in", "with", "plastic", "container",
})


def ascii_folded(term: str) -> str:
    """`Sjögren` -> `sjogren`: what the automaton's folding can match."""
    decomposed = unicodedata.normalize("NFKD", term)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def clean(term: str) -> str | None:
    """A source's name as a vocabulary term, or None when it is not one a note writes."""
    term = re.sub(r"\s*[\[(][^\])]*[\])]", "", term)  # `(disorder)`, `[HIV] disease`
    term = ascii_folded(term).strip().strip(".")
    if not term or "," in term or ";" in term or ":" in term or not term.isascii():
        return None
    folded = " ".join(fold(term).split())
    words = folded.split()
    if not 1 <= len(words) <= MAX_WORDS or len(folded) < MIN_CHARS:
        return None
    if any(word in CLASSIFICATION_WORDS for word in words) or folded in TOO_GENERAL:
        return None
    if all(word.isdigit() or len(word) < 2 for word in words):
        return None
    return folded


def icd10cm(path: Path) -> Iterator[str]:
    """Descriptions and inclusion terms of ICD-10-CM diagnosis codes."""
    for diag in ElementTree.parse(path).iter("diag"):
        code = diag.findtext("name", "")
        if code.startswith(ICD_SKIPPED_PREFIXES):
            continue
        yield diag.findtext("desc", "")
        for note in diag.iterfind("inclusionTerm/note"):
            yield note.text or ""


def disease_ontology(path: Path) -> Iterator[str]:
    """Names and exact synonyms of Disease Ontology terms, obsolete ones left out."""
    for stanza in path.read_text(encoding="utf-8").split("\n\n"):
        if not stanza.startswith("[Term]") or "is_obsolete: true" in stanza:
            continue
        for line in stanza.splitlines():
            if line.startswith("name: "):
                yield line[6:]
            elif line.startswith("synonym: ") and " EXACT " in line:
                synonym = line.split('"')[1]
                if not synonym.isupper():  # acronyms (`EEOC`, `GANT`) are other words too
                    yield synonym


def symptom_ontology(path: Path) -> Iterator[str]:
    """Labels and exact synonyms of Symptom Ontology classes."""
    text = path.read_text(encoding="utf-8")
    for block in re.findall(r"<owl:Class rdf:about=\"[^\"]*SYMP_\d+\">(.*?)</owl:Class>", text,
                            re.S):
        if "owl:deprecated" in block:
            continue
        yield from re.findall(r"<rdfs:label[^>]*>([^<]+)</rdfs:label>", block)
        yield from re.findall(r"<oboInOwl:hasExactSynonym[^>]*>([^<]+)<", block)


def drugbank(path: Path) -> Iterator[str]:
    """Common names of DrugBank's open vocabulary (semicolon separated). Its synonyms
    are left out: they hold other languages' names (`Hierro`, `Boro`) and acronyms
    (`SAHA`) that are everyday words or names in English text."""
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("DrugBank ID"))
    for row in csv.reader(lines[start + 1:], delimiter=";"):
        if len(row) >= 3:
            yield row[2]


def orange_book_rows(path: Path) -> Iterator[list[str]]:
    with zipfile.ZipFile(path) as archive:
        text = archive.read("products.txt").decode("latin-1")
    for row in csv.reader(io.StringIO(text), delimiter="~"):
        if len(row) >= 3 and row[0] != "Ingredient":
            yield row


def orange_book_ingredients(path: Path) -> Iterator[str]:
    """Active ingredients of FDA-approved drug products."""
    for row in orange_book_rows(path):
        yield from (part.strip() for part in row[0].split(";"))


def orange_book_trade_names(path: Path) -> Iterator[str]:
    """Trade names of FDA-approved drug products (`Percocet`, `Procardia XL`)."""
    for row in orange_book_rows(path):
        yield row[2]


def drug_name(term: str) -> str | None:
    """A drug name without salts and forms (`METFORMIN HYDROCHLORIDE` -> `metformin`)."""
    folded = clean(term)
    if folded is None:
        return None
    words = [word for word in folded.split() if word not in DRUG_FORM_WORDS]
    # Codes and strengths (`cop 1`, `android 10`, `2 c me c`) are no names a note writes.
    if not words or any(not word.isalpha() or len(word) < 3 for word in words):
        return None
    return " ".join(words) if len(" ".join(words)) >= MIN_CHARS else None


def curated(name: str) -> Iterator[str]:
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        entry = " ".join(line.split())
        if entry and not entry.startswith("#"):
            yield " ".join(fold(entry).split())


def with_british(terms: Iterable[str]) -> set[str]:
    found = set()
    for term in terms:
        found.add(term)
        found.add(" ".join(fold(uk_spelling(term)).split()))
    return found


def zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def everyday_word(word: str) -> bool:
    return zipf(word) >= EVERYDAY_ZIPF


def everyday(term: str, dictionary: frozenset[str]) -> bool:
    """Whether a source's term reads as everyday English: a word of an English
    dictionary that is not rare (`vertigo`, `sequel`, `Heather`; `hematoma`, `bursitis`
    are rare, `metformin` is in no dictionary) or a common word, or a phrase of common
    words only (`chest pain`, `heart attack`)."""
    words = term.split()
    if len(words) == 1:
        return (term in dictionary and zipf(term) >= DICTIONARY_WORD_ZIPF) or everyday_word(term)
    return all(everyday_word(word) for word in words)


def plural(term: str) -> str | None:
    """`pleural effusion` -> `pleural effusions`, `deformity` -> `deformities`."""
    last = term.rsplit(" ", 1)[-1]
    if last.endswith(("s", "x", "z", "ch", "sh", "ia", "itis", "osis", "emia", "aemia")):
        return None
    if last.endswith("y") and last[-2:-1] not in "aeiou":
        return term[:-1] + "ies"
    return term + "s"


def english_words(path: Path) -> frozenset[str]:
    """An English dictionary's words, folded (`Heather` -> `heather`)."""
    return frozenset(" ".join(fold(line).split())
                     for line in path.read_text(encoding="utf-8").splitlines()
                     if "'" not in line)


def write(name: str, terms: Iterable[str], header: str) -> None:
    lines = [f"# {line}" for line in header.splitlines()] + sorted(terms)
    (DATA / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def build(sources: Path) -> None:
    dictionary = english_words(sources / DICTIONARY)
    conditions: set[str] = set()
    for source in (icd10cm(sources / ICD10CM), disease_ontology(sources / DISEASE_ONTOLOGY),
                   symptom_ontology(sources / SYMPTOM_ONTOLOGY)):
        conditions.update(term for name in source if (term := clean(name)))
    conditions = with_british(conditions)
    conditions |= {form for term in conditions if (form := plural(term))}
    medicines: set[str] = set()
    for source in (drugbank(sources / DRUGBANK), orange_book_ingredients(sources / ORANGE_BOOK)):
        medicines.update(term for name in source if (term := drug_name(name)))
    medicines = with_british(medicines) - conditions  # in both: read as a condition
    # Trade names are coined words that read as names (`Baros`, `Patrol`): in context only.
    trade_names = {term for name in orange_book_trade_names(sources / ORANGE_BOOK)
                   if (term := drug_name(name))} - medicines - conditions
    excluded = set(curated("excluded_terms.txt"))
    header = ("Built by tools/build_vocabularies.py from public sources;\n"
              "see recognizers/data/README.md. Do not edit: edit the build inputs and rebuild.")
    for name, terms, entity in (("health_conditions", conditions, "conditions, findings"),
                                ("medications", medicines, "medicines")):
        chosen = set(curated(f"curated_{name.split('_')[-1]}.txt"))
        # Chosen terms of everyday words (`stress at work`, `knee injury`): in context only.
        everyday_file = f"curated_{name.split('_')[-1]}_in_context.txt"
        chosen_everyday = set(curated(everyday_file)) if (HERE / everyday_file).exists() else set()
        terms = (terms | chosen | chosen_everyday) - excluded
        # Chosen terms are specific by choice unless a single very common word
        # (`cancer`, `depression`: the economy's too).
        in_context = {term for term in terms - chosen if everyday(term, dictionary)} | {
            term for term in chosen if " " not in term and zipf(term) >= CHOSEN_EVERYDAY_ZIPF} | (
            chosen_everyday - excluded)
        if name == "medications":
            # A medicine named by one of the commonest words (`today`, `same`, `date`) is
            # never meant in a record: left out.
            dropped = {term for term in in_context if zipf(term) >= EVERYDAY_MEDICINE_ZIPF}
            terms -= dropped
            in_context -= dropped
            trade = trade_names - chosen - excluded - terms
            trade = {term for term in trade if zipf(term) < EVERYDAY_MEDICINE_ZIPF}
            everyday_trade = {term for term in trade if everyday(term, dictionary)}
            in_context |= everyday_trade
            write("medication_trade_names.txt", trade - everyday_trade,
                  f"{header}\nTrade names of medicines: counted in clinical context only.")
            print(f"medication trade names: {len(trade - everyday_trade)}")
        write(f"{name}.txt", terms - in_context, f"{header}\nHealth {entity}.")
        write(f"{name}_in_context.txt", in_context,
              f"{header}\nHealth {entity} that are everyday English: counted in clinical "
              "context only.")
        print(f"{name}: {len(terms - in_context)} terms, {len(in_context)} in context only")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    build(Path(sys.argv[1]))
