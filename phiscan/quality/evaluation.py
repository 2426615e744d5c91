"""Detection quality on labelled data: precision, recall, F1 per entity type.

Datasets:
- a presidio-research style JSON list (`full_text`, `spans` with `entity_type`,
  `start_position`, `end_position`): Presidio's synthetic set, or the corpus
  `phiscan.synthetic.corpus` generates;
- the NHS number vectors file (`validity` and `presidio_recognizer_span_tests`):
  each validity input becomes `NHS number: <input>`, labelled `UK_NHS` when the
  source says it is valid; CHI and H&C findings count as `UK_NHS` there.

Span level: a prediction matches a gold span of the same type when they
overlap; each gold span and each prediction is matched at most once.
Document level: a document is positive for a type when it holds one.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from phiscan.config import Config

TEST_FLAG = "test_data"


@dataclass(frozen=True)
class Span:
    entity_type: str
    start: int
    end: int
    test_data: bool = False

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass
class LabelledText:
    doc_id: str
    kind: str
    text: str
    gold: list[Span]


@dataclass
class Dataset:
    name: str
    documents: list[LabelledText]
    # prediction type -> gold type, for datasets labelled with coarser types
    aliases: dict[str, str] = field(default_factory=dict)

    def gold_types(self) -> list[str]:
        return sorted({span.entity_type for doc in self.documents for span in doc.gold})


class DatasetError(ValueError):
    """The file is not a dataset phiscan can evaluate on."""


def _span_from_json(item: dict) -> Span:
    return Span(str(item["entity_type"]), int(item["start_position"]),
                int(item["end_position"]), bool(item.get(TEST_FLAG, False)))


def _presidio_documents(records: list) -> list[LabelledText]:
    documents = []
    for index, record in enumerate(records):
        text = record.get("full_text", record.get("text"))
        if not isinstance(text, str):
            raise DatasetError(f"record {index} has no full_text")
        spans = [_span_from_json(item) for item in record.get("spans", [])]
        documents.append(LabelledText(str(record.get("id", index)), str(record.get("kind", "")),
                                      text, spans))
    return documents


NHS_VECTOR_PREFIX = "NHS number: "


def _nhs_vector_documents(raw: dict) -> list[LabelledText]:
    documents = []
    for index, case in enumerate(raw.get("presidio_recognizer_span_tests", [])):
        spans = [Span("UK_NHS", start, end) for start, end in case["spans"]]
        documents.append(LabelledText(f"presidio-span-{index}", "presidio_span", case["text"],
                                      spans))
    for index, case in enumerate(raw.get("validity", [])):
        value = case["input"].strip()
        text = NHS_VECTOR_PREFIX + value
        start = len(NHS_VECTOR_PREFIX)
        spans = [Span("UK_NHS", start, start + len(value))] if case["expected_valid"] else []
        documents.append(LabelledText(f"validity-{index}", "validity", text, spans))
    return documents


def load_dataset(path: str | Path) -> Dataset:
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, json.JSONDecodeError) as exc:
        raise DatasetError(f"cannot read dataset {path}: {type(exc).__name__}") from None
    name = Path(path).name
    if isinstance(raw, dict) and "validity" in raw:
        return Dataset(name, _nhs_vector_documents(raw),
                       aliases={"UK_CHI": "UK_NHS", "UK_HCN": "UK_NHS"})
    if isinstance(raw, dict) and isinstance(raw.get("documents"), list):
        raw = raw["documents"]
    if not isinstance(raw, list):
        raise DatasetError(f"{name}: expected a list of labelled records")
    try:
        return Dataset(name, _presidio_documents(raw))
    except (KeyError, TypeError, ValueError) as exc:
        raise DatasetError(f"{name}: malformed record ({type(exc).__name__})") from None


# --- scoring ------------------------------------------------------------------------------

@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    doc_tp: int = 0
    doc_fp: int = 0
    doc_fn: int = 0

    @staticmethod
    def ratio(part: int, whole: int) -> float | None:
        return part / whole if whole else None

    @property
    def precision(self) -> float | None:
        return self.ratio(self.matched, self.predicted)

    @property
    def recall(self) -> float | None:
        return self.ratio(self.matched, self.gold)

    @property
    def f1(self) -> float | None:
        return f1(self.precision, self.recall)

    @property
    def doc_precision(self) -> float | None:
        return self.ratio(self.doc_tp, self.doc_tp + self.doc_fp)

    @property
    def doc_recall(self) -> float | None:
        return self.ratio(self.doc_tp, self.doc_tp + self.doc_fn)

    @property
    def doc_f1(self) -> float | None:
        return f1(self.doc_precision, self.doc_recall)

    def as_dict(self) -> dict:
        return {
            "gold": self.gold, "predicted": self.predicted, "matched": self.matched,
            "precision": self.precision, "recall": self.recall, "f1": self.f1,
            "doc_precision": self.doc_precision, "doc_recall": self.doc_recall,
            "doc_f1": self.doc_f1,
        }


def f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


@dataclass
class Evaluation:
    dataset: str
    engine: str
    tallies: dict[str, Tally]
    predictions: dict[str, list[Span]]  # doc id -> predictions of the evaluated types
    test_data_gold: int = 0
    test_data_flagged: int = 0

    def as_dict(self) -> dict:
        return {
            "dataset": self.dataset, "engine": self.engine,
            "entities": {name: tally.as_dict() for name, tally in self.tallies.items()},
            "test_data": {"gold": self.test_data_gold, "flagged": self.test_data_flagged},
        }


def match_spans(gold: list[Span], predicted: list[Span]) -> list[tuple[Span, Span]]:
    """A maximum one-to-one matching of overlapping spans (augmenting paths)."""
    gold_of_prediction: dict[int, int] = {}
    prediction_of_gold: dict[int, int] = {}

    def assign(p_index: int, seen: set[int]) -> bool:
        for g_index, candidate in enumerate(gold):
            if g_index in seen or not candidate.overlaps(predicted[p_index]):
                continue
            seen.add(g_index)
            holder = prediction_of_gold.get(g_index)
            if holder is None or assign(holder, seen):
                prediction_of_gold[g_index] = p_index
                gold_of_prediction[p_index] = g_index
                return True
        return False

    for p_index in range(len(predicted)):
        assign(p_index, set())
    return [(gold[g], predicted[p]) for g, p in sorted(prediction_of_gold.items())]


Predictor = Callable[[str], list[Span]]


def evaluate(dataset: Dataset, predict: Predictor, entity_types: Iterable[str],
             engine: str = "") -> Evaluation:
    types = list(entity_types)
    result = Evaluation(dataset.name, engine, {t: Tally() for t in types}, {})
    for doc in dataset.documents:
        predicted = [
            Span(dataset.aliases.get(p.entity_type, p.entity_type), p.start, p.end, p.test_data)
            for p in predict(doc.text)
        ]
        predicted = [p for p in predicted if p.entity_type in result.tallies]
        result.predictions[doc.doc_id] = predicted
        for entity_type, tally in result.tallies.items():
            gold = [s for s in doc.gold if s.entity_type == entity_type]
            mine = [p for p in predicted if p.entity_type == entity_type]
            pairs = match_spans(gold, mine)
            tally.gold += len(gold)
            tally.predicted += len(mine)
            tally.matched += len(pairs)
            tally.doc_tp += bool(gold) and bool(mine)
            tally.doc_fp += not gold and bool(mine)
            tally.doc_fn += bool(gold) and not mine
            result.test_data_gold += sum(g.test_data for g in gold)
            result.test_data_flagged += sum(g.test_data and p.test_data for g, p in pairs)
    return result


# --- engines ------------------------------------------------------------------------------

ENGINES = ("phiscan", "presidio")


def phiscan_predictor(config: Config) -> Predictor:
    """What `phiscan scan` reports for a text: the scan's own detector (tiers, name
    rules, roles, allow-list, windows of long text), over the text as one free-text
    unit, as a plain-text file is read. Values are hashed with a key made for the run
    and never kept."""
    from phiscan.detect.detector import Detector
    from phiscan.detect.windows import text_windows
    from phiscan.model import TextUnit

    detector = Detector(config, os.urandom(32))

    def predict(text: str) -> list[Span]:
        plans = [detector.start(unit)
                 for unit in text_windows(TextUnit(text), config.limits)]
        detector.read_names(plans)
        return [Span(finding.entity_type, finding.start, finding.end, finding.test_data)
                for plan in plans for finding in detector.findings(plan)]

    return predict


def presidio_predictor(config: Config) -> Predictor:
    """Stock Presidio: its default recognizers on the same pinned spaCy pipeline, loaded
    by us (no download). Only the e-mail recognizer's domain check is swapped for the
    same check on tldextract's bundled list, so nothing goes to the network."""
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.predefined_recognizers import EmailRecognizer

    from phiscan.detect.engine import OfflineEmailRecognizer, PreloadedSpacyNlpEngine
    from phiscan.detect.lazy_imports import import_every_recognizer

    import_every_recognizer()  # stock Presidio finds its recognizers among those imported
    nlp_engine = PreloadedSpacyNlpEngine(config.nlp.model)
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(languages=["en"], nlp_engine=nlp_engine)
    registry.recognizers = [
        OfflineEmailRecognizer() if type(r) is EmailRecognizer else r
        for r in registry.recognizers
    ]
    analyzer = AnalyzerEngine(registry=registry, nlp_engine=nlp_engine,
                              supported_languages=["en"])

    def predict(text: str) -> list[Span]:
        return [Span(r.entity_type, r.start, r.end) for r in analyzer.analyze(
            text, language="en", score_threshold=config.detection.threshold)]

    return predict


def build_predictor(engine: str, config: Config) -> Predictor:
    if engine == "presidio":
        return presidio_predictor(config)
    return phiscan_predictor(config)


def default_entity_types(dataset: Dataset) -> list[str]:
    """The dataset's labelled types that phiscan reports."""
    from phiscan.detect.entities import DEFAULT_ENTITIES

    return [t for t in dataset.gold_types() if t in DEFAULT_ENTITIES]
