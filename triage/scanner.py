"""Scanner: every rule compiled once, one pass per document, linear time whatever the rules say.

Two engines give the same answer. Both encode the text to UTF-8 once, find in one pass which rules
fire at all, then run only those rules' RE2 regexes to count hits (stopping at the rule's cap) and
keep the first few spans. The engines differ only in that first pass: ``re2`` uses a ``re2.Set``;
``hyperscan`` (optional, ``pip install seed-triage[fast]``) uses one Hyperscan database, about
fifty times faster on large texts. Counts always come from RE2, so they are RE2's non-overlapping
leftmost-first counts whichever engine found the rules that fire.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

import re2

from triage.errors import TriageError
from triage.rules import Rule

MAX_SPANS = 3
ENGINES = ("hyperscan", "re2")
ENGINE_VARIABLE = "TRIAGE_ENGINE"

Span = tuple[int, int]


@dataclass(frozen=True)
class ScanResult:
    """Hits of one document: per rule index, a count (capped at the rule's cap) and first spans."""

    counts: tuple[int, ...]
    spans: tuple[tuple[Span, ...], ...]


class Scanner(Protocol):
    """What every engine offers: its name, its rules, and one scan per text."""

    engine: str
    rules: tuple[Rule, ...]

    def scan(self, text: str) -> ScanResult:
        """Scan one text once for all rules."""
        ...


class VerifyingScanner:
    """Base of both engines: subclasses say which rules fire, RE2 counts those rules' hits."""

    engine = "re2"

    def __init__(self, rules: Sequence[Rule]) -> None:
        """Keep the rules; each rule's own regex is compiled the first time that rule fires."""
        self.rules = tuple(rules)
        self._caps = tuple(rule.cap for rule in self.rules)
        self._regexes: list[re2._Regexp | None] = [None] * len(self.rules)

    def fired(self, data: bytes) -> Iterable[int]:
        """Return the indexes of the rules that match somewhere in ``data`` (a superset is fine)."""
        raise NotImplementedError

    def scan(self, text: str) -> ScanResult:
        """Scan one text once for all rules."""
        counts = [0] * len(self.rules)
        spans: list[tuple[Span, ...]] = [()] * len(self.rules)
        data = encode(text)
        if data is None:  # lone surrogates: not valid UTF-8, nothing can match them sensibly
            return ScanResult(tuple(counts), tuple(spans))
        for index in sorted(set(self.fired(data))) if data else ():
            counts[index], spans[index] = self._count(index, data)
        if len(data) != len(text):
            spans = to_char_spans(data, spans)
        return ScanResult(tuple(counts), tuple(spans))

    def _count(self, index: int, data: bytes) -> tuple[int, tuple[Span, ...]]:
        cap = self._caps[index]
        found: list[Span] = []
        count = 0
        regex = self._regexes[index]
        if regex is None:
            regex = self._regexes[index] = re2.compile(self.rules[index].pattern())
        for match in regex.finditer(data):
            if len(found) < MAX_SPANS:
                found.append(match.span())
            count += 1
            if count >= cap:
                break
        return count, tuple(found)


class Re2Scanner(VerifyingScanner):
    """The portable engine: a ``re2.Set`` of all rules says which fire, in one linear pass."""

    engine = "re2"

    def __init__(self, rules: Sequence[Rule]) -> None:
        """Compile every rule, and all of them together into one set."""
        super().__init__(rules)
        self._set = re2_set(self.rules)

    def fired(self, data: bytes) -> Iterable[int]:
        """Return the rules the set finds in ``data``."""
        return self._set.Match(data) or () if self.rules else ()


def re2_set(rules: Sequence[Rule]) -> re2.Set:
    """Return a compiled ``re2.Set`` of the rules' patterns, indexed like the rules."""
    matcher = re2.Set.SearchSet()
    for rule in rules:
        matcher.Add(rule.pattern())
    matcher.Compile()
    return matcher


def encode(text: str) -> bytes | None:
    """Return the UTF-8 bytes the engines scan, or None for text with lone surrogates."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return None


def to_char_spans(data: bytes, spans: Sequence[tuple[Span, ...]]) -> list[tuple[Span, ...]]:
    """Turn UTF-8 byte offsets into str offsets, in one forward walk over the bytes."""
    offsets = sorted({offset for found in spans for span in found for offset in span})
    chars: dict[int, int] = {0: 0}
    previous = 0
    for offset in offsets:
        chars[offset] = chars[previous] + len(data[previous:offset].decode("utf-8"))
        previous = offset
    return [tuple((chars[start], chars[end]) for start, end in found) for found in spans]


def hyperscan_available() -> bool:
    """Return whether the optional hyperscan engine is installed (without importing it)."""
    return importlib.util.find_spec("hyperscan") is not None


def choose_engine(requested: str | None = None) -> str:
    """Return the engine to use: the one asked for, else ``$TRIAGE_ENGINE``, else the fastest."""
    name = (requested or os.environ.get(ENGINE_VARIABLE) or "").strip().lower()
    if not name:
        return "hyperscan" if hyperscan_available() else "re2"
    if name not in ENGINES:
        raise TriageError(f"unknown engine {name!r}; choose one of {', '.join(ENGINES)}")
    if name == "hyperscan" and not hyperscan_available():
        raise TriageError("the hyperscan engine is not installed: pip install 'seed-triage[fast]'")
    return name


def compile_scanner(
    rules: Sequence[Rule], engine: str | None = None, *, use_cache: bool = True
) -> Scanner:
    """Compile a scanner for these rules with the chosen engine (see ``choose_engine``)."""
    if choose_engine(engine) == "hyperscan":
        from triage.hsengine import HyperscanScanner  # imported only when used

        return HyperscanScanner(rules, use_cache=use_cache)
    return Re2Scanner(rules)
