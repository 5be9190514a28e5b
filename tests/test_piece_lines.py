"""A piece counts the line breaks before a span from its checkpoints: the same as from its start."""

from __future__ import annotations

import random

from triage.inputs.pieces import _CHECKPOINT, Piece


def test_line_breaks_before_any_offset_are_those_counted_from_the_start() -> None:
    chooser = random.Random(7)
    text = "".join(chooser.choice("ab \n\n\r") for _ in range(3 * _CHECKPOINT + 123))
    piece = Piece(text, offset=10, lines=4)
    edges = [0, 1, _CHECKPOINT - 1, _CHECKPOINT, _CHECKPOINT + 1, len(text) - 1, len(text)]
    for offset in edges + [chooser.randrange(len(text) + 1) for _ in range(300)]:
        assert piece.line_breaks_before(offset) == text.count("\n", 0, offset), offset


def test_a_passage_names_the_line_it_starts_on() -> None:
    text = "first\n" + "x\n" * _CHECKPOINT + "the span is here\nlast"
    piece = Piece(text, offset=100, lines=9)
    start = text.index("span")
    passage = piece.passage(start, start + 4)
    assert passage.text == "the span is here"
    assert passage.line == 9 + text.count("\n", 0, start) + 1
    assert passage.begin == 100 + text.index("the span")
