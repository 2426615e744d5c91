"""The detection engine: Presidio + spaCy, built once per process, never online.

A bare `AnalyzerEngine()` downloads `en_core_web_lg`, and Presidio's e-mail
recognizer asks tldextract to fetch the public-suffix list. Here the spaCy
pipeline is loaded by package name from site-packages, and the e-mail check
uses tldextract's bundled snapshot only.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import spacy
from presidio_analyzer import (
    AnalyzerEngine,
    EntityRecognizer,
    RecognizerRegistry,
    RecognizerResult,
)
from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine
from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer,
    EmailRecognizer,
    IbanRecognizer,
)
from spacy.tokenizer import Tokenizer

from phiscan.config import Config, ConfigError
from phiscan.detect.entities import DEFAULT_ENTITIES
from recognizers import build_recognizers
from recognizers.nhs_number_recognizer import TEST_DATA_KEY
from recognizers.person_ner_recognizer import CheckedSpacyRecognizer

log = logging.getLogger("phiscan.detect")

# The spaCy components phiscan runs: NER alone (`phiscan.detect.tiered` disables the rest).
NER_COMPONENTS = frozenset({"ner"})
# Never loaded whatever the model: the parser is the costliest.
UNUSED_SPACY_COMPONENTS = ("parser",)
# The matrix products of spaCy's layers go to numpy's BLAS (OpenBLAS) on one thread
# instead of thinc's default BLIS: on the build machine the NER reads the same blocks
# in about two thirds of the CPU time, and finds the same entities (bench/RESULTS.md).
# One thread: the workers are the parallelism; BLAS threads would only spin beside them.
SPACY_OPS = {"name": "numpy", "use_blis": False}
BLAS_THREADS = 1


@cache
def _offline_tld_extractor():
    import tldextract

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


class OfflineEmailRecognizer(EmailRecognizer):
    """Presidio's e-mail recognizer with tldextract's bundled suffix list only."""

    # Its pattern holds no space or line break and it reads no context, so a table row's
    # results are its lines' own, each line's found once (`phiscan.detect.record_lines`).
    line_local_results = True

    def may_find(self, text: str) -> bool:
        return "@" in text  # every address has one: no need to scan text without

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        if not self.may_find(text):
            return []
        return super().analyze(text, entities, nlp_artifacts, regex_flags)

    def validate_result(self, pattern_text: str) -> bool:
        return _offline_tld_extractor()(pattern_text).fqdn != ""


_DIGIT = re.compile(r"\d")


class DigitsFirst:
    """A Presidio recognizer for numbers that contain digits: text without any is
    not scanned (the name stays Presidio's)."""

    # Its patterns never cross a line break and it reads no context, so a table row's
    # results are its lines' own, each line's found once (`phiscan.detect.record_lines`).
    line_local_results = True

    def may_find(self, text: str) -> bool:
        return _DIGIT.search(text) is not None

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        if not self.may_find(text):
            return []
        return super().analyze(text, entities, nlp_artifacts, regex_flags)


class CardNumberRecognizer(DigitsFirst, CreditCardRecognizer):
    def __init__(self) -> None:
        super().__init__(name="CreditCardRecognizer")


class IbanCodeRecognizer(DigitsFirst, IbanRecognizer):
    def __init__(self) -> None:
        super().__init__(name="IbanRecognizer")


class LazyPipelines(Mapping):
    """{language: spaCy pipeline}, the pipeline loaded when it is first asked for: most
    structured files never reach spaCy (a scan of CSV extracts reads no block), and
    loading the model is about a third of a second of CPU. Its language is known
    without loading (`in`, `keys()`, `len`)."""

    def __init__(self, language: str, load: Callable[[], spacy.language.Language]) -> None:
        self.language = language
        self.load = load
        self.pipeline: spacy.language.Language | None = None

    def __getitem__(self, language: str) -> spacy.language.Language:
        if language != self.language:
            raise KeyError(language)
        if self.pipeline is None:
            # Not frozen here (gc.freeze): that would freeze whatever the caller holds
            # too, for the rest of its process. A fork pool's parent freezes its engine
            # before forking; a serial scan leaves a model loaded mid-scan to the collector.
            self.pipeline = self.load()
            log.debug("spaCy model loaded")
        return self.pipeline

    def __iter__(self) -> Iterator[str]:
        return iter((self.language,))

    def __len__(self) -> int:
        return 1

    @property
    def loaded(self) -> bool:
        return self.pipeline is not None


class PreloadedSpacyNlpEngine(SpacyNlpEngine):
    """A SpacyNlpEngine whose pipeline is loaded by us: never downloads. `ner_only`:
    the components phiscan's scan does not run are not loaded (stock Presidio, the
    evaluation's baseline, needs the lemmatizer for its context words). The pipeline
    is loaded when first used (`LazyPipelines`); `load()` loads it now."""

    def __init__(self, model_name: str, ner_only: bool = False) -> None:
        super().__init__(
            models=[{"lang_code": "en", "model_name": model_name}],
            ner_model_configuration=NerModelConfiguration(),
        )
        if not spacy.util.is_package(model_name):
            raise ConfigError(
                f"spaCy model package '{model_name}' is not installed; "
                "install it or set [nlp] model (phiscan never downloads models)"
            )
        excluded = (components_not_needed(model_name) if ner_only
                    else list(UNUSED_SPACY_COMPONENTS))
        self.nlp = LazyPipelines("en", lambda: load_pipeline(model_name, excluded))

    def load(self) -> None:
        self.nlp["en"]


def load_pipeline(model_name: str, excluded: list[str]) -> spacy.language.Language:
    """The installed spaCy pipeline without `excluded`, its layers on `SPACY_OPS`, BLAS on
    `BLAS_THREADS`, its tokenizer built once (`tokenizer_overrides`)."""
    from thinc.api import use_ops
    from threadpoolctl import threadpool_limits

    threadpool_limits(BLAS_THREADS, user_api="blas")  # this process and its forks
    with use_ops(**SPACY_OPS):
        return spacy.load(model_name, exclude=excluded,
                          config=tokenizer_overrides(model_name))


DEFAULT_TOKENIZER = "spacy.Tokenizer.v1"
SAVED_TOKENIZER = "phiscan.SavedTokenizer.v1"


@spacy.registry.tokenizers(SAVED_TOKENIZER)
def saved_tokenizer() -> Callable[[spacy.language.Language], Tokenizer]:
    """A tokenizer without rules, for a pipeline whose saved tokenizer replaces it."""

    def empty(nlp: spacy.language.Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return empty


def tokenizer_overrides(model_name: str) -> dict:
    """spaCy's default tokenizer is built from the language's rules (1,347 special cases
    and three affix regexes) and then, by `from_disk`, reset and built again from the
    package's saved one: a third of the model's load, paid once per scan by the fork
    pool's parent. When the package saves a default tokenizer, it starts empty instead;
    `from_disk` sets every rule, affix and match from the saved file, so it tokenizes the
    same. A package laid out otherwise is loaded as it says."""
    saved = package_config(model_name)
    if saved is None or not (saved[0] / "tokenizer").is_file():
        return {}
    if saved[1]["nlp"].get("tokenizer", {}).get("@tokenizers") != DEFAULT_TOKENIZER:
        return {}
    return {"nlp": {"tokenizer": {"@tokenizers": SAVED_TOKENIZER}}}


@cache
def package_config(model_name: str) -> tuple[Path, spacy.util.Config] | None:
    """The installed package's pipeline folder and its config, uninterpolated; None for a
    package laid out otherwise (not one `*/config.cfg`)."""
    configs = list(spacy.util.get_package_path(model_name).glob("*/config.cfg"))
    if len(configs) != 1:
        return None
    return configs[0].parent, spacy.util.load_config(configs[0], interpolate=False)


def components_not_needed(model_name: str) -> list[str]:
    """The model's components NER does not need, left out of the load (they are never
    run; not loading them is a fifth of the model's load): all but NER and the shared
    layer it listens to, if it does (`en_core_web_sm`'s NER has its own). Read from the
    installed package's config; a package laid out otherwise keeps all but the parser."""
    saved = package_config(model_name)
    if saved is None:
        return list(UNUSED_SPACY_COMPONENTS)
    config = saved[1]
    pipeline = list(config["nlp"]["pipeline"])
    needed = set(NER_COMPONENTS)
    for name in NER_COMPONENTS & set(pipeline):
        upstream = config["components"][name].get("model", {}).get("tok2vec", {}).get(
            "upstream")
        if upstream == "*":  # listens to whichever layer comes first: keep them all
            return list(UNUSED_SPACY_COMPONENTS)
        if upstream:
            needed.add(upstream)
    if not NER_COMPONENTS & set(pipeline):
        return list(UNUSED_SPACY_COMPONENTS)
    return [name for name in pipeline if name not in needed]


def presidio_builtins(nlp_engine: SpacyNlpEngine, vocabulary_dirs: Sequence[str]
                      ) -> list[EntityRecognizer]:
    """The Presidio recognizers phiscan keeps: spaCy NER (PERSON, checked against
    label words), e-mail (offline), card numbers, IBANs. Presidio's UK_NHS, phone and
    date recognizers are replaced by ours (context-scored, UK formats)."""
    return [
        CheckedSpacyRecognizer(["PERSON"], vocabulary_dirs),
        OfflineEmailRecognizer(),
        CardNumberRecognizer(),
        IbanCodeRecognizer(),
    ]


def build_registry(nlp_engine: SpacyNlpEngine, config: Config | None = None
                   ) -> RecognizerRegistry:
    vocabulary_dirs = config.detection.vocabulary_dirs if config else ()
    for folder in vocabulary_dirs:
        if not Path(folder).is_dir():
            raise ConfigError(f"[detection] vocabulary_dir is not a folder: {folder}")
    registry = RecognizerRegistry(supported_languages=["en"])
    for recognizer in [*presidio_builtins(nlp_engine, vocabulary_dirs),
                       *build_recognizers(vocabulary_dirs)]:
        registry.add_recognizer(recognizer)
    return registry


def build_analyzer(config: Config) -> AnalyzerEngine:
    nlp_engine = PreloadedSpacyNlpEngine(config.nlp.model, ner_only=True)
    return AnalyzerEngine(
        registry=build_registry(nlp_engine, config),
        nlp_engine=nlp_engine,
        supported_languages=["en"],
        default_score_threshold=config.detection.threshold,
    )


@dataclass(frozen=True)
class Chunk:
    offset: int
    text: str


def chunk_text(text: str, size: int, overlap: int) -> Iterator[Chunk]:
    """Windows of about `size` characters, overlapping by `overlap`, cut at whitespace."""
    if len(text) <= size:
        yield Chunk(0, text)
        return
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            cut = text.rfind(" ", start + size // 2, end)
            cut = max(cut, text.rfind("\n", start + size // 2, end))
            end = cut if cut > start else end
        yield Chunk(start, text[start:end])
        if end >= len(text):
            return
        start = max(end - overlap, start + 1)


def analyze_text(
    analyzer: AnalyzerEngine, text: str, entities: list[str], config: Config
) -> list[RecognizerResult]:
    """Presidio over long text in overlapping chunks; duplicates at seams removed."""
    seen: set[tuple[str, int, int]] = set()
    results: list[RecognizerResult] = []
    for chunk in chunk_text(text, config.nlp.chunk_chars, config.nlp.chunk_overlap):
        for result in analyzer.analyze(
            chunk.text, language=config.detection.language, entities=entities,
            score_threshold=config.detection.threshold,
        ):
            result.start += chunk.offset
            result.end += chunk.offset
            key = (result.entity_type, result.start, result.end)
            if key not in seen:
                seen.add(key)
                results.append(result)
    return results


def entities_for(config: Config) -> list[str]:
    return list(config.detection.entities or DEFAULT_ENTITIES)


def recognizer_name(result: RecognizerResult) -> str:
    metadata = result.recognition_metadata or {}
    return str(metadata.get(RecognizerResult.RECOGNIZER_NAME_KEY, "unknown"))


def is_test_data(result: RecognizerResult) -> bool:
    return bool((result.recognition_metadata or {}).get(TEST_DATA_KEY))


def supported_entities(analyzer: AnalyzerEngine) -> Iterable[tuple[str, str]]:
    """(entity type, recognizer name) pairs, for `phiscan recognizers`."""
    for recognizer in analyzer.registry.recognizers:
        for entity in recognizer.supported_entities:
            yield entity, recognizer.name
