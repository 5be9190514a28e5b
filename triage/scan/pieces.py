"""Scanning a large text in pieces: per-piece results summed into the result of the whole.

Per rule the counts are summed and capped (``min(sum, cap)`` is the capped count of the whole),
and the first spans are kept with offsets shifted by the characters before the piece. A rule
that reached its cap is skipped in later pieces: nothing more is learnt from it.
"""

from __future__ import annotations

from collections.abc import Sequence

from triage.inputs import LargeText, PartialDocument, Piece, SameWhenSplit
from triage.rulebook import Rule
from triage.scan.base import Scanner
from triage.scan.spans import MAX_SPANS, ScanResult, Span


def scan_large(scanner: Scanner, large: LargeText) -> tuple[PartialDocument, ScanResult]:
    """Scan a large text piece by piece; return its partial document and its whole result.

    Raises what reading the pieces raises (``NotPlainUtf8``, ``InputError``).
    """
    totals = PieceTotals(scanner.rules)
    for piece in large.pieces(split_check(scanner)):
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

    def capped(self) -> set[int]:
        """Return the rules whose count reached their cap: nothing more to learn about them."""
        return {i for i, count in enumerate(self.counts) if count >= self.rules[i].cap}

    def add(self, result: ScanResult, piece: Piece, doc: PartialDocument) -> None:
        """Add one piece's result; keep in ``doc`` the passages of the spans kept from it."""
        for index, count in enumerate(result.counts):
            if not count:
                continue
            cap = self.rules[index].cap
            if self.counts[index] >= cap:
                continue  # skipped in this piece's scan: its count may be anything
            self.counts[index] = min(self.counts[index] + count, cap)
            kept = self.spans[index]
            if len(kept) >= MAX_SPANS:
                continue
            for start, end in result.spans[index][: MAX_SPANS - len(kept)]:
                kept.append((start + piece.offset, end + piece.offset))
                doc.keep(piece, start, end)

    def result(self) -> ScanResult:
        """Return the result of the whole text."""
        return ScanResult(tuple(self.counts), tuple(tuple(s) for s in self.spans))
