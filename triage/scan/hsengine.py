r"""The hyperscan engine: all rules in a Hyperscan database, one pass per document.

Documents under ``EVENT_BYTES`` are counted from one pass of a database compiled with
``HS_FLAG_SOM_LEFTMOST``: each event gives (rule, start, end), and a rule whose events never
overlap is counted from them directly, exactly as RE2 would; RE2 recounts only the rules whose
events overlap. Larger documents use a second database compiled with ``HS_FLAG_SINGLEMATCH``: it
reports each rule at most once, so the slow part of Hyperscan from Python (one callback per
event) costs one call per rule that fires, and the pass stops once every rule has fired; RE2
then counts the hits of those rules only (``triage.scan.base``). Either way counts are RE2's.

Where the two engines could disagree, RE2 decides:
- a pattern Hyperscan refuses is run by RE2 on every document (it still costs one linear pass);
  one it refuses with start-of-match only ("Pattern is too large") goes into the event database
  for presence, and RE2 counts it when it fires;
- Hyperscan's ``\s`` also matches a vertical tab, RE2's does not; RE2 also folds ``k`` with the
  Kelvin sign and ``s`` with the long s, byte-wise Hyperscan does not: a document containing any
  of these three characters is passed to the RE2 set instead.

Each database is only loaded (or compiled, then cached: ``triage.scan.hsdatabase``) when a
document first needs it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Collection, Iterable, Sequence

import hyperscan
import re2

from triage.rulebook import Rule
from triage.scan.base import FEW_LEFT, VerifyingScanner, encode, re2_set
from triage.scan.hsdatabase import Loaded, event_expressions, expression, load_database
from triage.scan.patternshape import presence_form
from triage.scan.spans import MAX_SPANS, ScanResult, Span, result_of

# Characters on which Hyperscan and RE2 disagree: vertical tab, Kelvin sign, long s.
_RE2_ONLY = ("\x0b", "\u212a", "\u017f")
_RE2_ONLY_BYTES = tuple(character.encode() for character in _RE2_ONLY)
# Documents below this size are counted from start-of-match events (one callback per event),
# larger ones by the presence pass and RE2 (one callback per rule that fires): where the two
# cost the same, measured on the default rules (see benchmarks/README.md).
EVENT_BYTES = 160 << 10
_NEVER = 1 << 62
_ANCHORED = re2._Anchor.ANCHOR_START
# MISSED: Hyperscan 5 (hyperscan 0.9.1) misses some matches without start-of-match. With or
# without HS_FLAG_SINGLEMATCH, the rule ``stance-verb`` (``(?mi)\b(?:i|we)\s+...(?:think|...)``)
# finds nothing in b"\n## User Stories\n\nI think our indus", yet finds "I think" when the
# text ends one byte earlier; with HS_FLAG_SOM_LEFTMOST it is found. So RE2 has the last word
# on the rules the presence pass stays silent about: a ``re2.Set`` of just those rules (on
# large documents most rules have fired: a small, fast set). A rule Hyperscan reports that RE2
# does not find only costs time: RE2 counts it as 0. The event pass is not double-checked
# this way (a set of all rules on every small document would cost much of what the events
# save): start-of-match finds this match, and the event counts equal RE2's on every test text,
# the corpus and the benchmark documents; a start-of-match miss of the same kind would go
# unnoticed.


class HyperscanScanner(VerifyingScanner):
    """All rules in one Hyperscan database; counts from its events, or from RE2 where unsure."""

    engine = "hyperscan"

    def __init__(self, rules: Sequence[Rule], *, use_cache: bool = True) -> None:
        """Keep the rules; each database is loaded (or compiled and cached) when first needed.

        The event database serves documents under ``EVENT_BYTES``, the presence database larger
        ones, so a run on small documents never compiles the other.
        """
        super().__init__(rules)
        self._use_cache = use_cache
        self._events: Loaded | None = None
        self._no_ends: list[int] = []
        self._presence: Loaded | None = None
        self._fallback: re2.Set | None = None

    def scan(self, text: str, skip: Collection[int] = ()) -> ScanResult:
        """Scan one text once for all rules: from events if small, else presence then RE2."""
        data = encode(text)
        if data is None or len(data) >= EVENT_BYTES or _needs_re2(text):
            return super().scan(text, skip)
        counts, spans, starts, unsure = self._event_counts(data)
        for index in unsure:
            counts[index], spans[index], starts[index] = self.count(index, data)
        return result_of(text, data, counts, spans, starts)

    def load_events(self) -> Loaded:
        """Return the start-of-match database, loading (or compiling) it on first use."""
        if self._events is None:
            events, presence, costly = event_expressions(self.rules)
            self._events = load_database(events, presence, use_cache=self._use_cache)
            # Where each rule's last event ended: "never" for the rules compiled for presence
            # only, so their one event marks them unsure and RE2 counts them.
            only = set(self._events.presence_only) | costly
            self._no_ends = [_NEVER if i in only else -1 for i in range(len(self.rules))]
        return self._events

    def load_presence(self) -> Loaded:
        """Return the presence database (``HS_FLAG_SINGLEMATCH``), loading it on first use."""
        if self._presence is None:
            presence = [expression(presence_form(rule.pattern())) for rule in self.rules]
            self._presence = load_database(presence, use_cache=self._use_cache)
        return self._presence

    def fired(self, data: bytes) -> Iterable[int]:
        """Return the rules that match in ``data``, in one pass of the presence database.

        The pass stops by itself once every rule has fired; it is also stopped once all but
        ``FEW_LEFT`` of the rules have fired, and a set of just the others decides about them
        (a rule that never fires would otherwise keep the pass going to the end, where the set
        of a few rules runs faster).
        """
        if _needs_re2(data):
            return self._re2_fired(data)
        presence = self.load_presence()
        database, found = presence.database, set(presence.unsupported)
        enough = len(self.rules) - int(FEW_LEFT * len(self.rules))

        def collect(rule: int, start: int, end: int, flags: int, context: object) -> bool:
            found.add(rule)
            return len(found) >= enough  # True stops the pass

        if database is not None and len(found) < enough:
            with contextlib.suppress(hyperscan.ScanTerminated):
                database.scan(data, match_event_handler=collect)
        return found | self._re2_missed(data, found)

    def _re2_missed(self, data: bytes, found: set[int]) -> set[int]:
        """Return the rules Hyperscan did not report but RE2 finds (see MISSED above)."""
        return self.subset_fired(data, tuple(i for i in range(len(self.rules)) if i not in found))

    def _re2_fired(self, data: bytes) -> Iterable[int]:
        if self._fallback is None:
            self._fallback = re2_set(self.rules)
        return self.set_fired(self._fallback, data)

    def _event_counts(
        self, data: bytes
    ) -> tuple[list[int], list[tuple[Span, ...]], list[tuple[int, ...]], set[int]]:
        """Count each rule's hits from the start-of-match events of one pass.

        Hyperscan reports, for every offset where a rule's match ends, the leftmost start of a
        match ending there. Taken in order, a rule's events are exactly RE2's non-overlapping
        leftmost-first matches as long as none overlaps the last match taken (one starting
        where it starts is that match, grown by a greedy tail) and RE2 ends each grown match
        where its last event ended, which one anchored RE2 match confirms. Any other rule is
        "unsure" and RE2 recounts it, as are the rules refused with start-of-match. The pass
        cannot stop early: a late event can still reveal an overlap. ``tests/test_engines.py``
        and ``tests/test_pipeline_events.py`` show the cases.
        """
        events = self.load_events()
        database = events.database
        # Matches are taken up to each rule's position limit (past its cap), then capped.
        tally = _Tally(self._limits, self._no_ends, events.unsupported, self._shown)
        if database is not None:
            database.scan(data, match_event_handler=tally.handler())
        for rule, matches in tally.grown.items():
            if rule not in tally.unsure and not self._ends_agree(rule, data, matches):
                tally.unsure.add(rule)
        counts = [min(n, cap) for n, cap in zip(tally.counts, self._caps, strict=True)]
        return counts, tally.spans(), tally.starts_taken(), tally.unsure

    def _ends_agree(self, rule: int, data: bytes, matches: dict[int, int]) -> bool:
        """Whether RE2's match of the rule starting at each given start ends at the given end."""
        match = self._regex(rule)._regexp.Match
        return all(match(_ANCHORED, data, s, len(data))[0][1] == e for s, e in matches.items())


def _needs_re2(text: str | bytes) -> bool:
    """Whether a text (or its UTF-8 bytes) holds a character on which Hyperscan and RE2 disagree.

    Asked of the str where there is one: finding a character in a str is much cheaper than
    finding its UTF-8 bytes in bytes.
    """
    if isinstance(text, str):
        return any(character in text for character in _RE2_ONLY)
    return any(character in text for character in _RE2_ONLY_BYTES)


class _Tally:
    """One document's counts from events: per rule, the matches taken and whether unsure."""

    def __init__(
        self,
        caps: Sequence[int],
        no_ends: list[int],
        unsupported: Iterable[int],
        shown: Sequence[int] | None = None,
    ):
        """Start with no match taken; ``no_ends`` marks the rules whose events only say presence.

        ``caps``: how many matches to take per rule (the engine passes the position limits);
        ``shown``: how many of them keep their spans (``MAX_SPANS`` by default).
        """
        self.caps = caps
        self.shown = shown if shown is not None else [MAX_SPANS] * len(caps)
        self.counts = [0] * len(caps)
        self.ends = no_ends.copy()  # end of the last match taken, frozen at the limit
        self.starts = [-1] * len(caps)  # start of the last match taken
        self.grown: dict[int, dict[int, int]] = {}  # rule: {start: last end} of grown matches
        self.found: dict[int, list[Span]] = {}  # the first spans of each rule that matched
        self.taken: dict[int, list[int]] = {}  # the start of every match taken, per rule
        self.unsure = set(unsupported)

    def handler(self) -> Callable[[int, int, int, int, object], None]:
        """Return the event callback (a closure over locals: one call per event, kept lean)."""
        caps, counts, ends, starts = self.caps, self.counts, self.ends, self.starts
        grown, found, unsure, taken, shown = (
            self.grown,
            self.found,
            self.unsure,
            self.taken,
            self.shown,
        )

        def on_event(rule: int, start: int, end: int, flags: int, context: object) -> None:
            if start < ends[rule]:
                if start != starts[rule] or end <= ends[rule]:
                    unsure.add(rule)
                    return
                ends[rule] = end  # the last match taken, ending later
                grown.setdefault(rule, {})[start] = end
                if counts[rule] <= shown[rule]:
                    found[rule][-1] = (start, end)
                return
            count = counts[rule]
            if count < caps[rule]:
                counts[rule] = count + 1
                ends[rule], starts[rule] = end, start
                if count < shown[rule]:
                    found.setdefault(rule, []).append((start, end))
                taken.setdefault(rule, []).append(start)

        return on_event

    def starts_taken(self) -> list[tuple[int, ...]]:
        """Return the start of every match taken, per rule (a grown match keeps its start)."""
        starts: list[tuple[int, ...]] = [()] * len(self.counts)
        for rule, taken in self.taken.items():
            starts[rule] = tuple(taken)
        return starts

    def spans(self) -> list[tuple[Span, ...]]:
        """Return the first spans of every rule."""
        spans: list[tuple[Span, ...]] = [()] * len(self.counts)
        for rule, first in self.found.items():
            spans[rule] = tuple(first)
        return spans
