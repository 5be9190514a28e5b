"""Scanner: every rule compiled once, one pass per document, linear time whatever the rules say.

Two engines give the same answer. ``re2`` encodes the text to UTF-8 once, finds in one pass of a
``re2.Set`` which rules fire at all, then runs only those rules' RE2 regexes to count hits
(stopping at the rule's cap) and keep the first few spans. ``hyperscan`` (optional,
``pip install seed-triage[fast]``) counts small documents from the start-of-match events of one
Hyperscan pass, with RE2 recounting any rule whose events overlap, and large ones like ``re2``
but with a Hyperscan presence pass that stops once every rule has fired (see ``hsengine``).
Either way counts are RE2's non-overlapping leftmost-first counts.
"""

from __future__ import annotations

import bisect
import importlib.util
import os
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol, overload

import re2

from triage.errors import TriageError
from triage.rulebook import Rule

MAX_SPANS = 3
_UNANCHORED = re2._Anchor.UNANCHORED
ENGINES = ("hyperscan", "re2")
CHOICES = ("auto", *ENGINES)
ENGINE_VARIABLE = "TRIAGE_ENGINE"
SET_MEMORY = 64 << 20
LARGE_BYTES = 4 << 20
BATCH_SEEDS = 32  # from this many seeds, auto takes hyperscan if its database is cached
# When at most this share of the rules is still to be counted (the later pieces of a large file,
# where most rules reached their cap), a set of just those rules replaces the pass over all:
# a never-firing rule otherwise forces every piece through the full pass.
FEW_LEFT = 0.25
_SUBSETS = 16  # sets of rule subsets kept compiled

Span = tuple[int, int]


@dataclass(frozen=True)
class ScanResult:
    """Hits of one document: per rule index, a count (capped at the rule's cap) and first spans."""

    counts: tuple[int, ...]
    spans: Sequence[tuple[Span, ...]]


class Scanner(Protocol):
    """What every engine offers: its name, its rules, and one scan per text."""

    engine: str
    rules: tuple[Rule, ...]

    def scan(self, text: str, skip: Collection[int] = ()) -> ScanResult:
        """Scan one text once for all rules; the counts of rules in ``skip`` may be left out."""
        ...


class VerifyingScanner:
    """Base of both engines: subclasses say which rules fire, RE2 counts those rules' hits."""

    engine = "re2"

    def __init__(self, rules: Sequence[Rule]) -> None:
        """Keep the rules; each rule's own regex is compiled the first time that rule fires."""
        self.rules = tuple(rules)
        self._caps = tuple(rule.cap for rule in self.rules)
        self._regexes: list[re2._Regexp | None] = [None] * len(self.rules)
        self._subsets: dict[tuple[int, ...], re2.Set] = {}

    def fired(self, data: bytes) -> Iterable[int]:
        """Return the indexes of the rules that match somewhere in ``data`` (a superset is fine)."""
        raise NotImplementedError

    def scan(self, text: str, skip: Collection[int] = ()) -> ScanResult:
        """Scan one text once for all rules; the counts of rules in ``skip`` may be left out.

        ``skip`` saves counting rules whose count is already known to be enough (a large file
        read in pieces, once a rule reached its cap); their counts here may be anything.
        """
        data = encode(text)
        if data is None:  # lone surrogates: not valid UTF-8, nothing can match them sensibly
            return ScanResult((0,) * len(self.rules), ((),) * len(self.rules))
        return self.result(text, data, *self.count_fired(data, skip))

    def count_fired(
        self, data: bytes, skip: Collection[int] = ()
    ) -> tuple[list[int], list[tuple[Span, ...]]]:
        """Count with RE2 the hits of the rules that ``fired`` says match in ``data``."""
        counts = [0] * len(self.rules)
        spans: list[tuple[Span, ...]] = [()] * len(self.rules)
        if not data:
            return counts, spans
        if len(self.rules) - len(skip) <= FEW_LEFT * len(self.rules):
            left = tuple(i for i in range(len(self.rules)) if i not in skip)
            fired: Iterable[int] = self.subset_fired(data, left)
        else:
            fired = self.fired(data)
        for index in sorted(set(fired).difference(skip)):
            counts[index], spans[index] = self.count(index, data)
        return counts, spans

    def subset_fired(self, data: bytes, subset: tuple[int, ...]) -> set[int]:
        """Return which of the rules in ``subset`` match in ``data``, by a set of just those.

        The sets are compiled on first use and a few are kept (a large file's later pieces ask
        about the same few rules again and again).
        """
        if not subset:
            return set()
        matcher = self._subsets.get(subset)
        if matcher is None:
            if len(self._subsets) >= _SUBSETS:
                self._subsets.clear()
            matcher = self._subsets[subset] = re2_set([self.rules[i] for i in subset])
        hits: list[int] = matcher.Match(data) or []
        if not hits:  # nothing, or the set's DFA ran out of memory: each regex says for sure
            return {i for i in subset if self._regex(i).search(data)}
        return {subset[j] for j in hits}

    @staticmethod
    def result(
        text: str, data: bytes, counts: list[int], spans: list[tuple[Span, ...]]
    ) -> ScanResult:
        """Return a scan result, with spans turned into str offsets if the text is not ASCII."""
        if len(data) != len(text):
            return ScanResult(tuple(counts), CharSpans(data, spans))
        return ScanResult(tuple(counts), tuple(spans))

    def set_fired(self, matcher: re2.Set, data: bytes) -> list[int]:
        """Return the rules a ``re2.Set`` finds in ``data``, double-checking an empty answer.

        A set also answers "nothing" when its DFA runs out of memory; each rule's own regex
        falls back to RE2's NFA instead, so it says for sure (cheap: most texts fire something).
        """
        found: list[int] = matcher.Match(data) or []
        if found:
            return found
        return [index for index in range(len(self.rules)) if self._regex(index).search(data)]

    def _regex(self, index: int) -> re2._Regexp:
        regex = self._regexes[index]
        if regex is None:
            regex = self._regexes[index] = re2.compile(self.rules[index].pattern())
        return regex

    def count(self, index: int, data: bytes) -> tuple[int, tuple[Span, ...]]:
        """Count non-overlapping leftmost-first matches up to the cap, keeping the first spans."""
        regex = self._regex(index)
        # The wrapper's finditer builds a match object per hit; the raw call returns spans.
        match, cap, end = regex._regexp.Match, self._caps[index], len(data)
        found: list[Span] = []
        count = position = 0
        while count < cap:
            start, stop = match(_UNANCHORED, data, position, end)[0]
            if start < 0:
                break
            count += 1
            if count <= MAX_SPANS:
                found.append((start, stop))
            position = stop if stop > start else stop + 1
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
        return self.set_fired(self._set, data) if self.rules else ()


def re2_set(rules: Sequence[Rule]) -> re2.Set:
    """Return a compiled ``re2.Set`` of the rules' patterns, indexed like the rules."""
    options = re2.Options()
    # With RE2's default 8 MB the set's DFA keeps flushing its cache: 25x slower.
    options.max_mem = SET_MEMORY
    matcher = re2.Set.SearchSet(options)
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
        once (the evidence of a report: ~16 offsets, 3x faster than one at a time).
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


def hyperscan_available() -> bool:
    """Return whether the optional hyperscan engine is installed (without importing it)."""
    return importlib.util.find_spec("hyperscan") is not None


def choose_engine(
    requested: str | None = None,
    *,
    size: int = 0,
    seeds: int = 1,
    rules: Sequence[Rule] = (),
) -> str:
    """Return the engine to use: the one asked for, else ``$TRIAGE_ENGINE``, else automatic.

    Automatic, when hyperscan is installed: hyperscan when the largest document (``size``) has
    ``LARGE_BYTES`` or more (its pass stops once every rule has fired, which pays on large
    texts), or for a batch of ``BATCH_SEEDS`` or more once the small-document database of these
    ``rules`` is in the cache (then it is ~40% faster per small document than RE2); else RE2.
    Compiling that database costs seconds (~4.5 s for the default rules), RE2 milliseconds, so
    a run never compiles it unasked: ``--engine hyperscan`` does, once per rule set.
    """
    name = (requested or os.environ.get(ENGINE_VARIABLE) or "auto").strip().lower()
    if name == "auto":
        return "hyperscan" if _hyperscan_pays(size, seeds, rules) else "re2"
    if name not in ENGINES:
        raise TriageError(f"unknown engine {name!r}; choose one of auto, {', '.join(ENGINES)}")
    if name == "hyperscan" and not hyperscan_available():
        raise TriageError("the hyperscan engine is not installed: pip install 'seed-triage[fast]'")
    return name


def _hyperscan_pays(size: int, seeds: int, rules: Sequence[Rule]) -> bool:
    if not hyperscan_available():
        return False
    if size >= LARGE_BYTES:
        return True
    if seeds < BATCH_SEEDS or not rules:
        return False
    from triage.scan.hsengine import events_cached  # imports hyperscan: only for batches

    return events_cached(rules)


def describe_engine(requested: str | None = None) -> str:
    """Say which engine runs, for ``--version``: a name, or the automatic choice spelled out."""
    name = (requested or os.environ.get(ENGINE_VARIABLE) or "auto").strip().lower()
    if name != "auto":
        return choose_engine(name)
    if not hyperscan_available():
        return "re2"
    return (
        f"auto: hyperscan for documents of {LARGE_BYTES >> 20} MB or more, and for "
        f"{BATCH_SEEDS} seeds or more once its database is cached; else re2"
    )


def compile_scanner(
    rules: Sequence[Rule], engine: str | None = None, *, use_cache: bool = True
) -> Scanner:
    """Compile a scanner for these rules with the chosen engine (see ``choose_engine``)."""
    if choose_engine(engine) == "hyperscan":
        from triage.scan.hsengine import HyperscanScanner  # imported only when used

        return HyperscanScanner(rules, use_cache=use_cache)
    return Re2Scanner(rules)
