"""Spans: where a rule matched, as str offsets, converted from UTF-8 byte offsets when read.

A result also holds the start of every counted hit (``Starts``), for the judge to place hits in
sections and quotations, and the text's ``Structure``.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import overload

from triage.scan.structure import (
    NO_STRUCTURE,
    Structure,
    quotations_of,
    sections_of,
    structure_of,
)

Span = tuple[int, int]
MAX_SPANS = 3  # spans kept per rule: the evidence of a report shows at most this many
# Hits whose starts are kept per rule: counting stops at a rule's cap, but the hits of a
# per-document rule (headings, document formulas: few, and low caps) are followed up to this many,
# so the judge sees which sections a capped heading cue heads. A density rule is followed to its
# cap only: following the many hits of every density rule past its cap cost a quarter to a third
# of the speed on large texts (``benchmarks``).
POSITIONS = 8


def position_limit(cap: int, density: bool = False) -> int:
    """Return how many of a rule's hits are followed (their starts kept): at least its cap."""
    return cap if density else max(cap, POSITIONS)


@dataclass(frozen=True, eq=False)
class ScanResult:
    """Hits of one document: per rule index, a count (capped at the rule's cap) and first spans.

    Also where each rule's first hits start, and the text's ``structure``: given (a text read in
    pieces), or found from ``text`` when first asked for (many documents never need it).
    Results are equal when their counts, spans, starts and structures are.
    """

    counts: tuple[int, ...]
    spans: Sequence[tuple[Span, ...]]
    starts: Starts | None = None
    """Where each rule's first hits start, up to ``position_limit`` of them (None: not known,
    e.g. a hand-made result)."""
    found: Structure | None = None
    """The text's sections and quotations, once known."""
    text: str | None = field(default=None, repr=False)
    """The text scanned, to find its structure from (None: given, or not known)."""

    @property
    def structure(self) -> Structure:
        """Return the text's sections and quotations (empty when not known)."""
        if self.found is None:
            if self.text is None:
                return NO_STRUCTURE
            sections = self.__dict__.get("_sections")
            found = (
                structure_of(self.text)
                if sections is None
                else replace(sections, quotes=self.quotations().quotes)
            )
            object.__setattr__(self, "found", found)
        assert self.found is not None
        return self.found

    def sections(self, words: int | None = None) -> Structure:
        """Return the text's sections, with its quotations only if already known (cheaper).

        ``words``: the text's words, when already counted (``sections_of``).
        """
        return self._part("_sections", lambda text: sections_of(text, words))

    def quotations(self) -> Structure:
        """Return the text's quotations, with its sections only if already known (cheaper)."""
        return self._part("_quoted", quotations_of)

    def _part(self, name: str, find: Callable[[str], Structure]) -> Structure:
        """Return part of the structure, found once (the whole structure when known)."""
        if self.found is not None or self.text is None:
            return self.structure
        part = self.__dict__.get(name)
        if part is None:
            part = find(self.text)
            object.__setattr__(self, name, part)
        return part

    def __eq__(self, other: object) -> bool:
        """Compare counts, spans, starts and structures."""
        if not isinstance(other, ScanResult):
            return NotImplemented
        mine = (self.counts, self.spans, self.starts, self.structure)
        return mine == (other.counts, other.spans, other.starts, other.structure)

    __hash__ = None  # type: ignore[assignment]


class Starts:
    """The starts of each rule's first hits (``position_limit``), as str offsets when read.

    Kept as the scan found them (UTF-8 byte offsets, with the bytes to convert them, or str
    offsets when ``data`` is None: an ASCII text or a sum of pieces).
    """

    def __init__(self, starts: Sequence[tuple[int, ...]], data: bytes | None = None) -> None:
        """Keep the starts, and the bytes they point into when they are byte offsets."""
        self._starts = starts
        self._data = data

    def of(self, wanted: Sequence[int]) -> dict[int, tuple[int, ...]]:
        """Return the starts of the rules asked for, as str offsets, converted in one pass."""
        if self._data is None:
            return {index: self._starts[index] for index in wanted}
        offsets = sorted({offset for index in wanted for offset in self._starts[index]})
        chars: dict[int, int] = {}
        before = total = 0
        for offset in offsets:
            total += len(self._data[before:offset].decode("utf-8"))
            chars[offset], before = total, offset
        return {index: tuple([chars[o] for o in self._starts[index]]) for index in wanted}

    def __len__(self) -> int:
        """Return the number of rules."""
        return len(self._starts)

    def __eq__(self, other: object) -> bool:
        """Compare the starts of every rule as str offsets."""
        if not isinstance(other, Starts):
            return NotImplemented
        every = range(len(self))
        return len(self) == len(other) and self.of(every) == other.of(every)

    __hash__ = None  # type: ignore[assignment]


class CharSpans(Sequence[tuple[Span, ...]]):
    """Spans per rule as str offsets, turned from UTF-8 byte offsets only when read.

    Reports show the spans of a few rules only, so converting all of them would be wasted; each
    conversion decodes from the nearest offset already known, so reading is linear overall.
    """

    def __init__(self, data: bytes, spans: Sequence[tuple[Span, ...]]) -> None:
        """Keep the bytes the spans point into."""
        self._data = data
        self._spans = spans
        self._known = [0]  # byte offsets whose char offset is known, sorted
        self._chars = {0: 0}

    def __len__(self) -> int:
        """Return the number of rules."""
        return len(self._spans)

    @overload
    def __getitem__(self, index: int) -> tuple[Span, ...]: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[tuple[Span, ...]]: ...
    def __getitem__(self, index: int | slice) -> tuple[Span, ...] | Sequence[tuple[Span, ...]]:
        """Return one rule's spans (or a slice of them) in str offsets."""
        if isinstance(index, slice):
            return tuple(self[i] for i in range(len(self))[index])
        return tuple((self._char(a), self._char(b)) for a, b in self._spans[index])

    def first_many(self, wanted: Sequence[tuple[int, int]]) -> list[tuple[Span, ...]]:
        """Return, per (rule, count) asked, that rule's first ``count`` spans in str offsets.

        All the offsets are converted in one pass, decoding each stretch of bytes between them
        once, rather than one offset at a time.
        """
        raw = [self._spans[index][:count] for index, count in wanted]
        offsets = sorted({offset for spans in raw for span in spans for offset in span})
        chars: dict[int, int] = {}
        before = total = 0
        for offset in offsets:
            total += len(self._data[before:offset].decode("utf-8"))
            chars[offset], before = total, offset
        return [tuple((chars[a], chars[b]) for a, b in spans) for spans in raw]

    def kept(self, index: int) -> int:
        """Return how many spans one rule has (without converting them)."""
        return len(self._spans[index])

    def __iter__(self) -> Iterator[tuple[Span, ...]]:
        """Iterate over every rule's spans."""
        return (self[i] for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        """Compare with any sequence of spans, element by element."""
        return isinstance(other, Sequence) and tuple(self) == tuple(other)

    __hash__ = None  # type: ignore[assignment]

    def _char(self, offset: int) -> int:
        if offset not in self._chars:
            before = self._known[bisect.bisect_right(self._known, offset) - 1]
            piece = self._data[before:offset].decode("utf-8")
            self._chars[offset] = self._chars[before] + len(piece)
            bisect.insort(self._known, offset)
        return self._chars[offset]


def result_of(
    text: str,
    data: bytes,
    counts: list[int],
    spans: list[tuple[Span, ...]],
    starts: Sequence[tuple[int, ...]],
) -> ScanResult:
    """Return a scan result, with offsets turned into str offsets if the text is not ASCII."""
    if len(data) != len(text):
        return ScanResult(tuple(counts), CharSpans(data, spans), Starts(starts, data), text=text)
    return ScanResult(tuple(counts), tuple(spans), Starts(starts), text=text)


def kept_spans(result: ScanResult, index: int) -> int:
    """Return how many spans a rule has in a result (without converting them)."""
    if isinstance(result.spans, CharSpans):
        return result.spans.kept(index)
    return len(result.spans[index])


def first_spans(result: ScanResult, wanted: Sequence[tuple[int, int]]) -> list[tuple[Span, ...]]:
    """Return, per (rule, count) asked, the rule's first ``count`` spans, converting only those."""
    if isinstance(result.spans, CharSpans):
        return result.spans.first_many(wanted)
    return [result.spans[index][:count] for index, count in wanted]
