"""spaCy's matrix products on numpy's BLAS, one thread: the same entities as BLIS."""

from __future__ import annotations

import spacy
from thinc.api import use_ops
from threadpoolctl import threadpool_info

from phiscan.detect.engine import SAVED_TOKENIZER, UNUSED_SPACY_COMPONENTS
from phiscan.detect.tiered import text_blocks
from tests.test_tiered import corpus_units


def test_ner_layers_multiply_through_numpy_blas_on_one_thread(detector):
    ner = detector.layered.nlp.get_pipe("ner")
    tok2vec = ner.model.get_ref("tok2vec")
    assert [node.name for node in tok2vec.walk() if node.ops.use_blis] == []
    assert ner.model.ops.use_blis is False
    blas = [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas and set(blas) == {1}


def test_numpy_blas_finds_the_entities_blis_finds(detector, config):
    """Every block full mode would give spaCy, over the tiered equality test's corpus:
    the engine's pipeline and one loaded on thinc's default (BLIS) give the same spans
    and labels."""
    nlp = detector.layered.nlp
    with use_ops("numpy", use_blis=True):
        reference = spacy.load(config.nlp.model, exclude=list(UNUSED_SPACY_COMPONENTS))
    assert reference.get_pipe("ner").model.get_ref("tok2vec").ops.use_blis is True
    blocks = [unit.text[block.start:block.end] for unit in corpus_units()
              for block in text_blocks(unit.text)]
    assert len(blocks) > 2000
    unused = [name for name in nlp.pipe_names if name != "ner"]

    def entities(pipeline) -> list[list[tuple[int, int, str]]]:
        return [[(entity.start_char, entity.end_char, entity.label_) for entity in doc.ents]
                for doc in pipeline.pipe(blocks, disable=unused, batch_size=64)]

    found = entities(nlp)
    assert found == entities(reference)
    assert sum(label == "PERSON" for doc in found for _s, _e, label in doc) > 300


def test_tokenizer_built_once_tokenizes_as_the_package_saved_it(detector, config):
    """The engine's tokenizer starts empty and is read from the package's saved one
    (`engine.tokenizer_overrides`): the same rules, affixes and matches as spaCy's own load,
    and the same tokens over every block of the tiered equality test's corpus."""
    nlp = detector.layered.nlp
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == SAVED_TOKENIZER
    reference = spacy.load(config.nlp.model, exclude=list(UNUSED_SPACY_COMPONENTS))
    # Not the vocabulary: it grows with every text the engine's pipeline has read.
    assert (nlp.tokenizer.to_bytes(exclude=["vocab"])
            == reference.tokenizer.to_bytes(exclude=["vocab"]))
    assert len(nlp.tokenizer.rules) > 1000
    blocks = [unit.text[block.start:block.end] for unit in corpus_units()
              for block in text_blocks(unit.text)]
    assert len(blocks) > 2000

    def tokens(pipeline) -> list[list[tuple[int, str]]]:
        return [[(token.idx, token.text) for token in pipeline.tokenizer(block)]
                for block in blocks]

    assert tokens(nlp) == tokens(reference)
