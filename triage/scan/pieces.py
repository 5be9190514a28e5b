"""Scanning a large text in pieces: per-piece results summed into the result of the whole.

Per rule the counts are summed and capped (``min(sum, cap)`` is the capped count of the whole),
and the first spans are kept with offsets shifted by the characters before the piece, as are
the starts of the hits counted and the pieces' structures (joined). A rule that reached its cap
is skipped in later pieces: nothing more is learnt from it.
"""

from __future__ import annotations

from collections.abc import Sequence

from triage.inputs import LargeText, PartialDocument, Piece, SameWhenSplit, count_words
from triage.rulebook import Rule
from triage.scan.base import Scanner
from triage.scan.spans import MAX_SPANS, ScanResult, Span, Starts, position_limit
from triage.scan.structure import Structure, joined, structure_of


def scan_large(scanner: Scanner, large: LargeText) -> tuple[PartialDocument, ScanResult]:
    """Scan a large text piece by piece; return its partial document and its whole result.

    Raises what reading the pieces raises (``NotPlainUtf8``, ``InputError``).
    """
    totals = PieceTotals(scanner.rules)
    for piece in large.pieces(split_check(scanner), totals.words):
        totals.add(scanner.scan(piece.text, totals.capped()), piece, large.document)
    return large.document, totals.result()


def split_check(scanner: Scanner) -> SameWhenSplit:
    """Return whether two texts give the same counts scanned together and one by one."""

    def same_when_split(left: str, right: str) -> bool:
        whole = scanner.scan(left + right).counts
        halves = zip(scanner.scan(left).counts, scanner.scan(right).counts, strict=True)
        capped = [min(a + b, rule.cap) for (a, b), rule in zip(halves, scanner.rules, strict=True)]
        return list(whole) == capped

    return same_when_split


class PieceTotals:
    """Counts and first spans summed over the pieces."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        """Start from nothing found."""
        self.rules = rules
        self.counts = [0] * len(rules)
        self.spans: list[list[Span]] = [[] for _ in rules]
        self.starts: list[list[int]] = [[] for _ in rules]
        self.limits = [position_limit(rule.cap, rule.density) for rule in rules]
        self.structures: list[tuple[int, Structure]] = []
        self.last: Piece | None = None
        """The piece added last (its structure last in ``structures``)."""

    def capped(self) -> set[int]:
        """Return the rules followed to their position limit: nothing more to learn about them.

        (Past its cap, a rule's count stays; only where its hits lie is still learnt.)
        """
        return {i for i, starts in enumerate(self.starts) if len(starts) >= self.limits[i]}

    def words(self, piece: Piece) -> int:
        """Return a piece's words: those of its sections when it was the last added (as many)."""
        if self.last is piece:
            return self.structures[-1][1].words
        return count_words(piece.text)

    def add(self, result: ScanResult, piece: Piece, doc: PartialDocument) -> None:
        """Add one piece's result; keep in ``doc`` the passages of the spans kept from it."""
        # The piece's own structure, knowing the code fence open where it starts and whether it
        # starts the document (front matter): the piece's scan could not know either.
        fence = self.structures[-1][1].fence if self.structures else ""
        structure = structure_of(piece.text, fence, top=piece.offset == 0)
        self.structures.append((piece.offset, structure))
        self.last = piece
        limits, taken = self.limits, self.starts
        # A rule skipped in this piece's scan may have any count: it is left out.
        fired = [i for i, n in enumerate(result.counts) if n and len(taken[i]) < limits[i]]
        starts = result.starts.of(fired) if result.starts is not None else {}
        for index in fired:
            left = limits[index] - len(taken[index])
            taken[index].extend(s + piece.offset for s in starts.get(index, ())[:left])
            self.counts[index] = min(
                self.counts[index] + result.counts[index], self.rules[index].cap
            )
            kept = self.spans[index]
            if len(kept) >= MAX_SPANS:
                continue
            for start, end in result.spans[index][: MAX_SPANS - len(kept)]:
                kept.append((start + piece.offset, end + piece.offset))
                doc.keep(piece, start, end)

    def result(self) -> ScanResult:
        """Return the result of the whole text."""
        return ScanResult(
            tuple(self.counts),
            tuple(tuple(s) for s in self.spans),
            Starts(tuple(tuple(s) for s in self.starts)),
            found=joined(self.structures),
        )
