"""spaCy's NER transitions decoded in numpy (`GreedyNer`): the entities spaCy sets."""

from __future__ import annotations

import random

import spacy

from phiscan.detect.ner_decoder import GreedyNer
from phiscan.detect.tiered import batch_size, text_blocks
from tests.test_tiered import corpus_units


def edge_cases(blocks: list[str]) -> list[str]:
    """Shapes the validity rules turn on: whitespace tokens (doubled spaces, tabs, line
    breaks, leading and trailing), text in capitals, one word, nothing, several lines."""
    pick = random.Random(7)
    shaped = ["", " ", "\n", "\n\n", "A", "Smith", "Mr John Smith", "John  Smith\n\nJane Doe",
              "Dr.  J.  Patel\t(GP)", "SMITH, Jane  \n  DOB 01/02/1950"]
    for block in pick.sample(blocks, 600):
        shaped += [block.upper(), block.replace(" ", "  "), f" \t{block} ",
                   block.replace(", ", "\n"), block.split(" ")[0],
                   "\n".join(pick.sample(blocks, 3))]
    return shaped


def entities(docs) -> list[tuple[list[tuple[int, int, str]], list[tuple[str, str]]]]:
    return [([(entity.start_char, entity.end_char, entity.label_) for entity in doc.ents],
             [(token.ent_iob_, token.ent_type_) for token in doc]) for doc in docs]


def test_the_decoder_sets_the_entities_spacy_sets(detector):
    """Every block full mode would give spaCy over the tiered equality test's corpus, and
    edge cases built from them, read in batches of the sizes a worker makes (one block,
    a few, spaCy's sub-batches, all at once): the same entities, with the same labels,
    and the same tags on every token as spaCy's own loop."""
    layered = detector.layered
    assert layered.decoder is not None
    blocks = [unit.text[block.start:block.end] for unit in corpus_units()
              for block in text_blocks(unit.text)]
    assert len(blocks) > 2000
    pieces = blocks + edge_cases(blocks)
    found_people = 0
    start = 0
    for size in [1, 2, 7, 64, 500] * 3 + [len(pieces)]:
        batch = pieces[start:start + size] or pieces[:size]
        start += size
        chars = batch_size(batch, layered.batch_chars)
        ours = entities(layered.decoder.pipe(batch, chars))
        if len(batch) == 1:
            assert ours == entities([layered.nlp(batch[0])])
        assert ours == entities(layered.nlp.pipe(batch, batch_size=chars))
        found_people += sum(label == "PERSON" for spans, _tags in ours
                            for _s, _e, label in spans)
    assert found_people > 1000


def test_another_pipeline_shape_is_left_to_spacy(detector):
    nlp = detector.layered.nlp
    assert GreedyNer.of(nlp, []) is not None
    assert GreedyNer.of(nlp, ["ner"]) is None
    assert GreedyNer.of(spacy.blank("en"), []) is None
    ner = nlp.get_pipe("ner")
    ner.cfg["beam_width"] = 4
    try:
        assert GreedyNer.of(nlp, []) is None
    finally:
        ner.cfg["beam_width"] = 1
    with_sentences = spacy.blank("en")
    with_sentences.add_pipe("sentencizer")
    assert GreedyNer.of(with_sentences, []) is None
