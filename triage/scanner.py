"""Scanner: every rule compiled once, one pass per document, linear time whatever the rules say.

The engine is RE2: a ``re2.Set`` tells in one pass which rules fire at all, and only those rules
are then run to count their hits and keep the first few spans as evidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import re2

from triage.rules import Rule

MAX_SPANS = 3


@dataclass(frozen=True)
class ScanResult:
    """Hits of one document: per rule index, a count (capped at the rule's cap) and first spans."""

    counts: tuple[int, ...]
    spans: tuple[tuple[tuple[int, int], ...], ...]


class Scanner:
    """All rules of a rule set compiled into one matcher."""

    engine = "re2"

    def __init__(self, rules: Sequence[Rule]) -> None:
        """Compile every rule; patterns were already validated when the rules were loaded."""
        self.rules = tuple(rules)
        self._caps = tuple(rule.cap for rule in self.rules)
        self._regexes = tuple(re2.compile(rule.pattern()) for rule in self.rules)
        self._set = re2.Set.SearchSet()
        for rule in self.rules:
            self._set.Add(rule.pattern())
        self._set.Compile()

    def scan(self, text: str) -> ScanResult:
        """Scan one text once for all rules."""
        counts = [0] * len(self.rules)
        spans: list[tuple[tuple[int, int], ...]] = [()] * len(self.rules)
        fired = self._set.Match(text) if self.rules else []
        for index in fired or ():
            counts[index], spans[index] = self._count(index, text)
        return ScanResult(tuple(counts), tuple(spans))

    def _count(self, index: int, text: str) -> tuple[int, tuple[tuple[int, int], ...]]:
        cap = self._caps[index]
        found: list[tuple[int, int]] = []
        count = 0
        for match in self._regexes[index].finditer(text):
            if len(found) < MAX_SPANS:
                found.append(match.span())
            count += 1
            if count >= cap:
                break
        return count, tuple(found)


def compile_scanner(rules: Sequence[Rule]) -> Scanner:
    """Compile a scanner for these rules."""
    return Scanner(rules)
