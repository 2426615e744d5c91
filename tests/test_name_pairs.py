"""A unit's name pairs worked out once per stretch (`NamePairs`): the same pairs as
finding them again in every part of it."""

from __future__ import annotations

import random

from phiscan.detect.tiered import NamePairs, name_pairs, text_blocks
from tests.test_tiered import corpus_units

ODD_TEXTS = [
    "abJohn Smith and Mary Jones",  # a capital after letters starts no pair
    "Address: 12 Victoria Road, Leeds\nSeen by Jane  Doe, O'Neil-Smith Ann",
    "A-B C D.E F, G\tH\n\nI J",  # pairs that share their last capital
    "SMITH, Jane; Mr. J. Patel",
]


def test_the_pairs_of_a_part_are_the_stretch_pairs_inside_it():
    """Every block of the tiered equality test's corpus (and odd texts) as a stretch,
    with its sub-ranges at every pair's edges and at random: `NamePairs.inside` gives
    exactly `name_pairs` of the sub-range, and `within` exactly `name_pairs`."""
    pick = random.Random(3)
    texts = [unit.text for unit in corpus_units()] + ODD_TEXTS
    compared = with_pairs = 0
    for text in texts:
        pairs = NamePairs(text)
        for block in text_blocks(text):
            found = pairs.within(block.start, block.end)
            assert found == name_pairs(text, block.start, block.end)
            with_pairs += bool(found)
            edges = {block.start, block.end}
            for pair in found:
                edges |= {pair.start, pair.end, pair.start + 1, pair.end - 1}
            edges |= {pick.randint(block.start, block.end) for _ in range(4)}
            ordered = sorted(edges)
            for start in ordered:
                for end in ordered:
                    if start <= end:
                        assert pairs.inside(start, end) == name_pairs(text, start, end)
                        compared += 1
    assert with_pairs > 800 and compared > 90_000
