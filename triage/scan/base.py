"""The scanner contract and what both engines share: RE2 counts the hits of the rules that fire.

An engine only says which rules fire somewhere in a text (``fired``); the verifying base then
counts each of those rules with its own RE2 regex, so counts are always RE2's non-overlapping
leftmost-first counts, capped at the rule's cap, whichever engine ran.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import Protocol

import re2

from triage.rulebook import Rule
from triage.scan.patternshape import presence_form
from triage.scan.spans import MAX_SPANS, ScanResult, Span, Starts, position_limit, result_of

_UNANCHORED = re2._Anchor.UNANCHORED
# RE2's default 8 MB is too small for the DFA of a set of every rule: it keeps flushing its cache.
SET_MEMORY = 64 << 20
# The rules are matched by a few sets rather than one: one set's DFA grows with the product of
# its patterns, so a few smaller sets build their states faster on new text (benchmarks/README).
# With 187 rules, one of 4 sets needed ~128 MB of DFA states on the training corpus and rebuilt
# them on every pass; 6 sets fit (`rulecost.py --sets`): eval, 1,028 docs, 11.4 -> 9.1 s.
# With 264 rules, 12 sets of ~22: a run over new text spends its pass building DFA states, and
# smaller sets build fewer (2,000 corpus slices of 5 KB, --jobs 1: 5.4 -> 4.9 s; a 20 MB text
# 4.1 -> 3.4 s; peak RSS 350 -> 300 MB; a second pass over the same docs costs ~15% more).
# Consecutive rules share a set (``re2_sets``): first pass ~900 -> ~790 us per 5 KB document,
# the 20 MB text's sets 1.56 -> 1.4 s.
SET_PARTS = 12
# A compiled set and the indexes (among all rules) of the rules it holds, in its order.
RuleSet2 = tuple[re2.Set, tuple[int, ...]]
# When at most this share of the rules is still to be counted (the later pieces of a large file,
# where most rules reached their cap), a set of just those rules replaces the pass over all:
# a never-firing rule otherwise forces every piece through the full pass.
FEW_LEFT = 0.25
# Sets of rule subsets kept compiled, the least recently used dropped first. Each keeps DFA
# states of its own: on a 200 MB text whose pieces each left the hyperscan engine a different
# subset to double-check, 16 kept took it to 740 MB, 4 to 488 MB (2: 439 MB, but the 20 MB
# text 6% slower; re2 alone: 427 MB).
_SUBSETS = 4
# Matches the empty string, so every text: in every answer of a set whose DFA did not give up.
# Without it "no rule matches" looked like a DFA out of memory, and every rule was searched
# again one by one: 2.4 s on a 4 MB piece where 101 rules were silent (seconds, not ms).
_ALWAYS = "(?:)"


class Scanner(Protocol):
    """What every engine offers: its name, its rules, and one scan per text."""

    engine: str
    rules: tuple[Rule, ...]

    def scan(
        self, text: str, skip: Collection[int] = (), fired: Collection[int] | None = None
    ) -> ScanResult:
        """Scan one text once for all rules; the counts of rules in ``skip`` may be left out.

        ``fired``: the rules ``fired_together`` said fire in the text, if it was asked.
        """
        ...

    def fired_together(self, texts: Sequence[bytes]) -> list[list[int]]:
        """Return the rules that fire in each of several UTF-8 texts, as ``scan`` would find."""
        ...


class VerifyingScanner:
    """Base of both engines: subclasses say which rules fire, RE2 counts those rules' hits."""

    engine = "re2"

    def __init__(self, rules: Sequence[Rule]) -> None:
        """Keep the rules; each rule's own regex is compiled the first time that rule fires."""
        self.rules = tuple(rules)
        self._caps = tuple(rule.cap for rule in self.rules)
        self._limits = tuple(position_limit(rule.cap, rule.density) for rule in self.rules)
        self._shown = tuple(min(rule.cap, MAX_SPANS) for rule in self.rules)  # spans kept
        self._regexes: list[re2._Regexp | None] = [None] * len(self.rules)
        self._subsets: dict[tuple[int, ...], tuple[RuleSet2, ...]] = {}

    def fired(self, data: bytes) -> Iterable[int]:
        """Return the indexes of the rules that match somewhere in ``data`` (a superset is fine)."""
        raise NotImplementedError

    def scan(
        self, text: str, skip: Collection[int] = (), fired: Collection[int] | None = None
    ) -> ScanResult:
        """Scan one text once for all rules; the counts of rules in ``skip`` may be left out.

        ``skip`` saves counting rules whose count is already known to be enough (a large file
        read in pieces, once a rule reached its cap); their counts here may be anything.
        ``fired``: what ``fired_together`` said of this text, when it was scanned in a batch.
        """
        data = encode(text)
        if data is None:  # lone surrogates: not valid UTF-8, nothing can match them sensibly
            empty = ((),) * len(self.rules)
            return ScanResult((0,) * len(self.rules), empty, Starts(empty))
        return result_of(text, data, *self.count_fired(data, skip, fired))

    def fired_together(self, texts: Sequence[bytes]) -> list[list[int]]:
        """Return ``fired`` of each text; an engine may find them faster all together."""
        return [list(self.fired(data)) for data in texts]

    def count_fired(
        self, data: bytes, skip: Collection[int] = (), known: Collection[int] | None = None
    ) -> tuple[list[int], list[tuple[Span, ...]], list[tuple[int, ...]]]:
        """Count with RE2 the hits of the rules that ``fired`` says match in ``data``.

        ``known``: those rules, when ``fired_together`` said already.
        """
        counts = [0] * len(self.rules)
        spans: list[tuple[Span, ...]] = [()] * len(self.rules)
        starts: list[tuple[int, ...]] = [()] * len(self.rules)
        if not data:
            return counts, spans, starts
        fired: Iterable[int]
        if known is not None:
            fired = known
        elif len(self.rules) - len(skip) <= FEW_LEFT * len(self.rules):
            left = tuple(i for i in range(len(self.rules)) if i not in skip)
            fired = self.subset_fired(data, left)
        else:
            fired = self.fired(data)
        for index in sorted(set(fired).difference(skip)):
            counts[index], spans[index], starts[index] = self.count(index, data)
        return counts, spans, starts

    def subset_fired(self, data: bytes, subset: tuple[int, ...]) -> set[int]:
        """Return which of the rules in ``subset`` match in ``data``, by sets of just those.

        The subset is split into sets no larger than the engine's own (one large set builds
        its DFA states several times slower). They are compiled on first use and a few are
        kept (a large file's later pieces ask about the same few rules again and again).
        """
        if not subset:
            return set()
        sets = self._subsets.pop(subset, None)  # put back last: most recently used
        if sets is None:
            while len(self._subsets) >= _SUBSETS:
                del self._subsets[next(iter(self._subsets))]
            parts = -(-len(subset) * SET_PARTS // len(self.rules))  # ceiling
            sets = re2_sets(self.rules, parts, subset)
        self._subsets[subset] = sets
        return set(self.sets_fired(sets, data))

    def set_fired(self, matcher: re2.Set, data: bytes) -> list[int]:
        """Return the rules a ``re2.Set`` of all the rules finds in ``data``.

        When the set's DFA gives up (``set_matches`` says None), each rule's own regex falls
        back to RE2's NFA instead, so it says for sure.
        """
        found = set_matches(matcher, data, len(self.rules))
        if found is not None:
            return found
        return [index for index in range(len(self.rules)) if self._regex(index).search(data)]

    def sets_fired(self, sets: Sequence[RuleSet2], data: bytes) -> list[int]:
        """Return the rules that several ``re2.Set`` find in ``data`` (see ``set_fired``).

        A set whose DFA gave up is double-checked over that set's rules only.
        """
        fired: list[int] = []
        for matcher, group in sets:
            fired.extend(self._set_fired(matcher, group, data))
        return fired

    def sets_fired_together(
        self, sets: Sequence[RuleSet2], texts: Sequence[bytes]
    ) -> list[list[int]]:
        """Return ``sets_fired`` of each text, running each set over all the texts in turn.

        One set's DFA then stays in the processor's caches while it meets text after text
        (16 documents of 5 KB together: ~800 -> ~630 us each, benchmarks/README).
        """
        found: list[list[int]] = [[] for _ in texts]
        for matcher, group in sets:
            for data, fired in zip(texts, found, strict=True):
                fired.extend(self._set_fired(matcher, group, data))
        return found

    def _set_fired(self, matcher: re2.Set, group: tuple[int, ...], data: bytes) -> list[int]:
        """Return the rules of ``group`` its set finds in ``data``.

        If the set's DFA gave up, those rules' own regexes search for sure.
        """
        found = set_matches(matcher, data, len(group))
        if found is not None:
            return [group[position] for position in found]
        return [index for index in group if self._regex(index).search(data)]

    def _regex(self, index: int) -> re2._Regexp:
        regex = self._regexes[index]
        if regex is None:
            regex = self._regexes[index] = re2.compile(self.rules[index].pattern())
        return regex

    def count(self, index: int, data: bytes) -> tuple[int, tuple[Span, ...], tuple[int, ...]]:
        """Count non-overlapping leftmost-first matches up to the cap.

        Return the count, the first spans and the starts of the first matches, followed past
        the cap up to the rule's ``position_limit``.
        """
        regex = self._regex(index)
        # The wrapper's finditer builds a match object per hit; the raw call returns spans.
        match, end = regex._regexp.Match, len(data)
        limit, shown = self._limits[index], self._shown[index]
        found: list[Span] = []
        starts: list[int] = []
        count = position = 0
        while count < limit:
            start, stop = match(_UNANCHORED, data, position, end)[0]
            if start < 0:
                break
            count += 1
            starts.append(start)
            if count <= shown:
                found.append((start, stop))
            position = stop if stop > start else stop + 1
        return min(count, self._caps[index]), tuple(found), tuple(starts)


def re2_sets(
    rules: Sequence[Rule], parts: int = SET_PARTS, among: Sequence[int] | None = None
) -> tuple[RuleSet2, ...]:
    """Split the rules (or those of them at the indexes ``among``) into ``parts`` sets.

    Each set holds consecutive rules (those of one pack, alike in language and wording, share a
    set, whose DFA then needs fewer states: a first pass over new text ~12% faster than rules
    dealt out in turn) and comes with the indexes (among all the rules) of the rules it holds.
    """
    chosen = tuple(range(len(rules))) if among is None else tuple(among)
    size = -(-len(chosen) // parts) if chosen else 1  # ceiling
    groups = [chosen[start : start + size] for start in range(0, len(chosen), size)]
    return tuple((re2_set([rules[i] for i in group]), group) for group in groups)


def re2_set(rules: Sequence[Rule], memory: int = SET_MEMORY) -> re2.Set:
    """Return a compiled ``re2.Set`` of the rules' patterns, indexed like the rules.

    Each pattern goes in its presence form (``presence_form``: large bounded repeats unbounded),
    which finds a superset of the texts: the set only says which rules to count. ``memory``:
    the bytes its DFA may use.
    """
    options = re2.Options()
    options.max_mem = memory
    matcher = re2.Set.SearchSet(options)
    for rule in rules:
        matcher.Add(presence_form(rule.pattern()))
    matcher.Add(_ALWAYS)  # last, at position len(rules): see ``set_matches``
    matcher.Compile()
    return matcher


def set_matches(matcher: re2.Set, data: bytes, size: int) -> list[int] | None:
    """Return the positions of the patterns a ``re2_set`` of ``size`` rules finds in ``data``.

    Return None when the set's DFA gave up (out of memory): its answer is then empty, which is
    told apart from "no rule matches" by the pattern that matches every text, added last.
    """
    found: list[int] | None = matcher.Match(data)
    if not found:
        return None
    return [position for position in found if position != size]


def encode(text: str) -> bytes | None:
    """Return the UTF-8 bytes the engines scan, or None for text with lone surrogates."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return None
