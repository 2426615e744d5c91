"""spaCy's NER transitions decoded in numpy: the same entities for half the CPU.

spaCy's entity recognizer is a greedy transition parser: its layers (`tok2vec`, the
precomputed `lower` layer) run once per batch in numpy, then a compiled loop takes one
action (B, I, L, U or O with a label) per token for every document, checking each of
the model's 74 actions for validity first. In spaCy 3.8 each of those checks takes and
drops the interpreter lock (a `nogil` inline helper of the parser's state): `perf` on a
worker's blocks puts 40% of the NER's CPU in `take_gil`, `drop_gil` and their mutexes,
and the loop costs more than the layers.

`GreedyNer` runs the same layers on the same batches (spaCy's `Parser.pipe`: batches of
`batch_size`, sorted by length, sub-batches of a quarter), then takes the same actions
for all the documents of a sub-batch at once in numpy: the same state features (the
next token, the open entity's first token, the token before the next), the same sums
in the same order, the same maxout, the output layer's product through the same BLIS
`sgemm` the compiled loop calls, the same validity rules (`ner.pyx`: no entity across a
sentence start, none starting on whitespace, I and L only inside an entity of their
label) and the first best valid action. The documents are spaCy's own (`make_doc`) and
their entities are set as `BiluoPushDown.set_annotations` sets them.

It decodes only the shape it was written for (a NER with its own layers, greedy, an
output layer, three state features, BILUO actions, every class seen) and a pipeline
that runs NER alone; `GreedyNer.of` returns None for anything else, and the caller
uses spaCy's own `pipe`. `tests/test_ner_decoder.py` compares both on every block full
mode reads of the tiered equality corpus and on generated edge cases.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy
from spacy import util
from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc, Span
from thinc.api import NumpyOps

ACTIONS = ("B", "I", "L", "U")
BEGIN, IN, LAST, UNIT, OUT = range(5)
STATE_FEATURES = 3
# The output layer's product through BLIS, as the compiled loop's `sgemm` (thinc's CBlas).
BLIS_OPS = NumpyOps(use_blis=True)


class GreedyNer:
    """`pipe(texts, batch_size)`: spaCy docs with the entities `nlp.pipe` would set."""

    def __init__(self, nlp: Language, ner: EntityRecognizer, moves: list[tuple[int, str]]
                 ) -> None:
        self.nlp = nlp
        self.tok2vec, self.lower, self.upper = ner.model.layers
        self.labels = [label for _action, label in moves]
        self.action = numpy.array([action for action, _label in moves])
        names = sorted(set(self.labels))
        self.label_index = numpy.array([names.index(label) for label in self.labels])
        self.labelled = numpy.array([label != "" for label in self.labels])[None, :]
        self.choices = self.action[None, :]

    @classmethod
    def of(cls, nlp: Language, disabled: list[str]) -> GreedyNer | None:
        """The decoder for this pipeline run with `disabled` off, or None when it is not
        the shape decoded here (spaCy's own `pipe` then)."""
        if [name for name in nlp.pipe_names if name not in disabled] != ["ner"]:
            return None
        ner = nlp.get_pipe("ner")
        if type(ner) is not EntityRecognizer or ner.cfg.get("beam_width") != 1:
            return None
        model = ner.model
        if (model.name != "parser_model" or len(model.layers) != 3
                or not model.attrs.get("has_upper") or model.attrs.get("unseen_classes")
                or type(model.ops) is not NumpyOps):
            return None
        lower = model.layers[1]
        if lower.name != "precomputable_affine" or lower.get_dim("nF") != STATE_FEATURES:
            return None
        moves = [parsed_move(ner.moves.get_class_name(index))
                 for index in range(ner.moves.n_moves)]
        if any(move is None for move in moves) or model.layers[2].get_dim("nO") != len(moves):
            return None
        return cls(nlp, ner, moves)

    def pipe(self, texts: list[str], batch_size: int) -> Iterator[Doc]:
        docs = [self.nlp.make_doc(text) for text in texts]
        for batch in util.minibatch(docs, size=batch_size):
            by_length = sorted(batch, key=len)
            for sub_batch in util.minibatch(by_length, size=max(batch_size // 4, 2)):
                self.annotate(list(sub_batch))
            yield from batch

    def annotate(self, docs: list[Doc]) -> None:
        lengths = numpy.array([len(doc) for doc in docs], dtype=numpy.int64)
        entities = self.decode(docs, lengths) if lengths.any() else []
        found: list[list[Span]] = [[] for _doc in docs]
        for doc_index, start, end, move in entities:
            found[doc_index].append(Span(docs[doc_index], start, end, label=self.labels[move]))
        for doc, spans in zip(docs, found, strict=True):
            doc.set_ents(spans, default="outside")

    def decode(self, docs: list[Doc], lengths: numpy.ndarray) -> list[tuple[int, int, int, int]]:
        """(doc, start token, end token, action) of every entity, as the compiled loop
        finds them (`Parser.greedy_parse`, `predict_states`, `c_transition_batch`)."""
        features = self.lower.predict(self.tok2vec.predict(docs))  # row 0: padding
        rows, n_features, hidden, pieces = features.shape
        features = features.reshape((rows, n_features, hidden * pieces))
        bias = self.lower.get_param("b").reshape((hidden * pieces,))
        weights, output_bias = self.upper.get_param("W"), self.upper.get_param("b")
        offsets = numpy.concatenate(([0], numpy.cumsum(lengths)[:-1]))
        flags = numpy.concatenate([doc.to_array([SENT_START, IS_SPACE]).reshape((-1, 2))
                                   for doc in docs]).astype(numpy.int64)
        sentence_start = numpy.append(flags[:, 0] == 1, False)
        space = flags[:, 1] != 0
        position = numpy.zeros(len(docs), numpy.int64)
        entity_start = numpy.full(len(docs), -1, numpy.int64)
        entity_label = numpy.full(len(docs), -1, numpy.int64)
        entities = []
        states = numpy.flatnonzero(lengths > 0)
        while len(states):
            at, opened = position[states], entity_start[states]
            is_open = opened >= 0
            token = at + offsets[states]
            summed = features[token + 1, 0].copy()
            summed += numpy.where(is_open[:, None], features[opened + offsets[states] + 1, 1],
                                  features[0, 1])
            summed += numpy.where(is_open[:, None], features[token, 2], features[0, 2])
            summed += bias
            scores = BLIS_OPS.gemm(summed.reshape((len(states), hidden, pieces)).max(axis=2),
                                   weights, trans2=True)
            scores += output_bias
            move = numpy.where(self.valid(states, at, is_open, token, lengths, entity_label,
                                          sentence_start, space),
                               scores, -numpy.inf).argmax(axis=1)
            action = self.action[move]
            begins = action == BEGIN
            entity_start[states[begins]] = at[begins]
            entity_label[states[begins]] = self.label_index[move[begins]]
            closes = (action == LAST) | (action == UNIT)
            if closes.any():
                starts = numpy.where(action == LAST, opened, at)
                entities.extend(zip(states[closes].tolist(), starts[closes].tolist(),
                                    (at[closes] + 1).tolist(), move[closes].tolist(), strict=True))
                entity_start[states[action == LAST]] = -1
                entity_label[states[action == LAST]] = -1
            position[states] = at + 1
            states = states[at + 1 < lengths[states]]
        return entities

    def valid(self, states, at, is_open, token, lengths, entity_label, sentence_start,
              space) -> numpy.ndarray:
        """Which actions each state may take (`ner.pyx`, no preset entities: the docs
        are fresh)."""
        more = lengths[states] - at >= 2
        next_starts = numpy.where(more, sentence_start[token + 1], False)
        on_space = space[token]
        same_label = self.label_index[None, :] == entity_label[states][:, None]
        closed = ~is_open
        return numpy.choose(self.choices, [
            (closed & more & ~next_starts & ~on_space)[:, None] & self.labelled,
            (is_open & more & ~next_starts)[:, None] & self.labelled & same_label,
            is_open[:, None] & self.labelled & same_label,
            (closed & ~on_space)[:, None] & self.labelled,
            numpy.broadcast_to(closed[:, None], same_label.shape),
        ])


def parsed_move(name: str) -> tuple[int, str] | None:
    """(action, label) of a BILUO class name (`B-PERSON`, `O`); None for another. An
    action without a label (`U-`: a blocked token's) is never valid on fresh docs."""
    if name == "O":
        return OUT, ""
    action, dash, label = name.partition("-")
    if action not in ACTIONS or not dash:
        return None
    return ACTIONS.index(action), label
