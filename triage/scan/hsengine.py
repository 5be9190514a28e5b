r"""The hyperscan engine: all rules in a Hyperscan database, one pass per document.

Documents under ``EVENT_BYTES`` are counted from one pass of a database compiled with
``HS_FLAG_SOM_LEFTMOST``: each event gives (rule, start, end), and a rule whose events never
overlap is counted from them directly, exactly as RE2 would (the argument is in
``_event_counts``); RE2 recounts only the rules whose events overlap. Larger documents use a
second database compiled with ``HS_FLAG_SINGLEMATCH``: it reports each rule at most once, so the
slow part of Hyperscan from Python (one callback per event) costs one call per rule that fires,
and the pass stops once every rule has fired; RE2 then counts the hits of those rules only (see
``scanner``). Either way counts are RE2's exactly.

Flags: ``(?mi)`` becomes ``HS_FLAG_MULTILINE | HS_FLAG_CASELESS``; every pattern that could
match a non-ASCII character (``.``, ``[^...]``, ``\S``, non-ASCII text...) is compiled with
``HS_FLAG_UTF8`` (so it matches characters, as in RE2), the others byte-wise (the same matches on
UTF-8 text, and several times cheaper to compile); never ``HS_FLAG_UCP``, so ``\b``, ``\w``,
``\d``, ``\s`` are ASCII, as in RE2.

Where the two engines could disagree, RE2 decides:
- a pattern Hyperscan refuses is run by RE2 on every document (it still costs one linear pass);
  one it refuses with start-of-match only ("Pattern is too large") goes into the event database
  for presence, and RE2 counts it when it fires;
- Hyperscan's ``\s`` also matches a vertical tab, RE2's does not; RE2 also folds ``k`` with the
  Kelvin sign and ``s`` with the long s, byte-wise Hyperscan does not: a document containing any
  of these three characters is passed to the RE2 set instead.

Compiling takes seconds (for the 88 default rules: the event database about 6 s, the presence
database about 3 s), so each database is serialized into the cache (``triage.cache``) under a key
made of the patterns, their flags and the Hyperscan version, and each is only loaded (or
compiled) when a document first needs it.
"""

from __future__ import annotations

import contextlib
import json
import platform
import re
from collections.abc import Collection, Iterable, Sequence
from typing import NamedTuple

import hyperscan
import re2

from triage.cache import cache_key, has_entry, read_entry, write_entry
from triage.rulebook import Rule
from triage.scan.patternshape import costly_start
from triage.scan.scanner import (
    FEW_LEFT,
    MAX_SPANS,
    ScanResult,
    Span,
    VerifyingScanner,
    encode,
    re2_set,
)

_FLAGS = re.compile(r"\(\?([a-z]+)\)")
_FLAG_BITS = {
    "i": hyperscan.HS_FLAG_CASELESS,
    "m": hyperscan.HS_FLAG_MULTILINE,
    "s": hyperscan.HS_FLAG_DOTALL,
}
# Characters on which Hyperscan and RE2 disagree: vertical tab, Kelvin sign, long s.
_RE2_ONLY = ("\x0b", "\u212a", "\u017f")
_RE2_ONLY_BYTES = tuple(character.encode() for character in _RE2_ONLY)
# Escapes that can match a non-ASCII character (or need Unicode tables).
_WIDE_ESCAPES = frozenset("WSDBpPCX")
CACHE_KIND = "hyperscan"
# Documents below this size are counted from start-of-match events, larger ones by RE2 (on
# 88 rules the events cost ~0.08 ms per KB, the presence pass and RE2 ~17 ms for 1 MB: the two
# meet at about 200 KB).
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
# this way (the set of all rules costs 0.19 ms per 5 KB, +40%): start-of-match finds this
# match, and the event counts equal RE2's on every test text, the corpus and the 2,000
# benchmark documents; a start-of-match miss of the same kind would go unnoticed.

Expression = tuple[bytes, int]


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
        counts, spans, unsure = self._event_counts(data)
        for index in unsure:
            counts[index], spans[index] = self.count(index, data)
        return self.result(text, data, counts, spans)

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
            presence = [expression(rule.pattern()) for rule in self.rules]
            self._presence = load_database(presence, use_cache=self._use_cache)
        return self._presence

    def fired(self, data: bytes) -> Iterable[int]:
        """Return the rules that match in ``data``, in one pass of the presence database.

        The pass stops by itself once every rule has fired; it is also stopped once all but
        ``FEW_LEFT`` of the rules have fired, and a set of just the others decides about them
        (a rule that never fires would otherwise keep the pass going to the end: ~50 MB/s,
        where the set of a few rules runs several times faster).
        """
        if _needs_re2(data):
            return self._re2_fired(data)
        database, unsupported, _ = self.load_presence()
        found = set(unsupported)
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

    def _event_counts(self, data: bytes) -> tuple[list[int], list[tuple[Span, ...]], set[int]]:
        r"""Count each rule's hits from the start-of-match events of one pass.

        With ``HS_FLAG_SOM_LEFTMOST`` (and no ``SINGLEMATCH``) Hyperscan reports, for every
        offset where a rule's match ends, the leftmost start of a match ending there, in the
        order of the ends. One rule's events are taken in that order: an event that starts at or
        after the end of the last one taken is a new match; one that starts where the last
        taken match starts is that match again, ending later (a greedy tail: ``[a-z]{3,}``,
        ``\d+``, ``MUST(?:\s+NOT)?``); any other event overlaps. If no event overlaps, the
        matches taken are RE2's non-overlapping leftmost-first matches, provided that RE2 ends
        each of them where its last event ended (one anchored RE2 match per match that grew):

        - say RE2 next takes (s, e), the leftmost match starting at or after the last end p.
          Every match ending after p is reported with a start at p or later (an earlier one
          would be an event that overlaps), so with start s: every end of a match starting at
          s is an event starting at s. No event starting after s comes before them (it would
          be taken first, and they would overlap it), so the next match taken starts at s and
          grows through all its ends: its last end is e, which the anchored match confirms;
        - an event after RE2's last match would be a match RE2 missed; there is none.

        Once a rule reaches its cap (scoring uses min(count, cap)) its last match is kept: the
        argument holds for the first ``cap`` matches as long as no later event overlaps it. A
        rule with an overlapping event (``x[^x]*x``...) or whose grown match RE2 ends elsewhere
        (``a|ab``) is "unsure" and RE2 recounts it, as are the rules Hyperscan refuses with
        start-of-match. The pass cannot stop early: a late event can still reveal an overlap
        (returning non-zero from the callback would not help).
        """
        database, unsupported, _ = self.load_events()
        caps = self._caps
        counts = [0] * len(self.rules)
        ends = self._no_ends.copy()  # end of the last match taken, frozen at the cap
        starts = [-1] * len(self.rules)  # start of the last match taken
        grown: dict[int, dict[int, int]] = {}  # rule: {start: last end} of the matches that grew
        found: dict[int, list[Span]] = {}  # the first spans of each rule that matched
        unsure = set(unsupported)

        def on_event(rule: int, start: int, end: int, flags: int, context: object) -> None:
            if start < ends[rule]:
                if start != starts[rule] or end <= ends[rule]:
                    unsure.add(rule)
                    return
                ends[rule] = end  # the last match taken, ending later
                grown.setdefault(rule, {})[start] = end
                if counts[rule] <= MAX_SPANS:
                    found[rule][-1] = (start, end)
                return
            count = counts[rule]
            if count < caps[rule]:
                counts[rule] = count + 1
                ends[rule], starts[rule] = end, start
                if count < MAX_SPANS:
                    found.setdefault(rule, []).append((start, end))

        if database is not None:
            database.scan(data, match_event_handler=on_event)
        for rule, matches in grown.items():
            if rule not in unsure and not self._ends_agree(rule, data, matches):
                unsure.add(rule)
        spans: list[tuple[Span, ...]] = [()] * len(self.rules)
        for rule, first in found.items():
            spans[rule] = tuple(first)
        return counts, spans, unsure

    def _ends_agree(self, rule: int, data: bytes, matches: dict[int, int]) -> bool:
        """Whether RE2's match of the rule starting at each given start ends at the given end."""
        match = self._regex(rule)._regexp.Match
        return all(match(_ANCHORED, data, s, len(data))[0][1] == e for s, e in matches.items())


def event_expressions(
    rules: Sequence[Rule],
) -> tuple[list[Expression], list[Expression], set[int]]:
    """Return the event database's expressions, their presence fallbacks, and the costly rules.

    The costly ones, whose start is expensive to track, go in for presence (``patternshape``).
    """
    patterns = [rule.pattern() for rule in rules]
    costly = {i for i, pattern in enumerate(patterns) if costly_start(pattern)}
    events = [expression(p, som=i not in costly) for i, p in enumerate(patterns)]
    return events, [expression(pattern) for pattern in patterns], costly


def events_cached(rules: Sequence[Rule]) -> bool:
    """Whether the event database of these rules is already compiled in the cache."""
    events, presence, _ = event_expressions(rules)
    return has_entry(CACHE_KIND, database_key([*events, *presence]))


def _needs_re2(text: str | bytes) -> bool:
    """Whether a text (or its UTF-8 bytes) holds a character on which Hyperscan and RE2 disagree.

    Asked of the str where there is one: finding one character in a str takes ~0.4 us for 5 KB,
    finding its UTF-8 bytes in bytes ~8 us.
    """
    if isinstance(text, str):
        return any(character in text for character in _RE2_ONLY)
    return any(character in text for character in _RE2_ONLY_BYTES)


def expression(pattern: str, *, som: bool = False) -> Expression:
    """Split a rule pattern's leading inline flags into Hyperscan flag bits.

    ``som``: report every match with its leftmost start (for counting), else each rule once.
    """
    flags = hyperscan.HS_FLAG_SOM_LEFTMOST if som else hyperscan.HS_FLAG_SINGLEMATCH
    head = _FLAGS.match(pattern)
    if head and set(head.group(1)) <= set(_FLAG_BITS):
        for letter in head.group(1):
            flags |= _FLAG_BITS[letter]
        pattern = pattern[head.end() :]
    if may_match_non_ascii(pattern):
        flags |= hyperscan.HS_FLAG_UTF8
    return pattern.encode("utf-8"), flags


def may_match_non_ascii(pattern: str) -> bool:
    """Return whether a pattern could match a non-ASCII character (conservatively: yes if unsure).

    Such a pattern must run in UTF-8 mode, where ``.`` or ``[^x]{1,9}`` count characters, not bytes.
    """
    if not pattern.isascii():
        return True
    index, in_class = 0, False
    while index < len(pattern):
        char, after = pattern[index], pattern[index + 1 : index + 2]
        if char == "\\":
            if _wide_escape(pattern[index + 1 : index + 3]):
                return True
            index += 2
            continue
        if in_class:
            if pattern.startswith("[:^", index):
                return True
            in_class = char != "]"
        elif char == "[":
            if after == "^":
                return True
            in_class = True
            index += 1 if after == "]" else 0  # a leading "]" is a literal
        elif char == ".":
            return True
        index += 1
    return False


def _wide_escape(escape: str) -> bool:
    """Whether an escape (the two characters after a backslash) may match beyond ASCII."""
    letter, following = escape[:1], escape[1:]
    if letter in _WIDE_ESCAPES or letter.isdigit():
        return True
    return letter == "x" and (not following or following in "89abcdefABCDEF{")


def database_key(expressions: Sequence[Expression]) -> str:
    """Return the cache key of a database: its expressions, flags, versions and platform."""
    version = str(getattr(hyperscan, "__version__", "unknown"))
    patterns = (f"{flags}:{body!r}" for body, flags in expressions)
    return cache_key(["hyperscan", version, platform.machine(), *patterns])


class Loaded(NamedTuple):
    """A compiled database and what it does not cover."""

    database: hyperscan.Database | None
    unsupported: tuple[int, ...]  # patterns Hyperscan refused in every form
    presence_only: tuple[int, ...] = ()  # patterns compiled in their fallback form instead


def load_database(
    expressions: Sequence[Expression],
    fallbacks: Sequence[Expression] | None = None,
    *,
    use_cache: bool = True,
) -> Loaded:
    """Return the database of the expressions, from cache if possible; see ``compile_database``."""
    key = database_key([*expressions, *(fallbacks or ())])
    cached = read_entry(CACHE_KIND, key) if use_cache else None
    loaded = _deserialize(cached) if cached is not None else None
    if loaded is not None:
        return loaded
    loaded = compile_database(expressions, fallbacks)
    if use_cache:
        write_entry(CACHE_KIND, key, _serialize(loaded))
    return loaded


def compile_database(
    expressions: Sequence[Expression], fallbacks: Sequence[Expression] | None = None
) -> Loaded:
    """Compile every pattern Hyperscan accepts; return the database and the refused indexes.

    A refused pattern is tried again in its ``fallbacks`` form when given (start-of-match is
    refused for some patterns that compile fine without it).
    """
    indexes = list(range(len(expressions)))
    try:
        return Loaded(_compile(expressions, indexes) if indexes else None, ())
    except hyperscan.error:
        pass  # some pattern is refused: find which, then compile the others
    if fallbacks is not None:
        # Start-of-match compiles are slow: one pattern at a time finds the refused ones in
        # under a second, where halving took seconds.
        refused = [i for i in indexes if _refused(expressions, [i])]
        mixed = [fallbacks[i] if i in refused else expressions[i] for i in indexes]
        database, unsupported, _ = compile_database(mixed)
        return Loaded(database, unsupported, tuple(i for i in refused if i not in unsupported))
    refused = sorted(_refused(expressions, indexes))
    accepted = [i for i in indexes if i not in set(refused)]
    if not accepted:
        return Loaded(None, tuple(refused))
    return Loaded(_compile(expressions, accepted), tuple(refused))


def _compile(expressions: Sequence[Expression], indexes: Sequence[int]) -> hyperscan.Database:
    database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    database.compile(
        expressions=[expressions[i][0] for i in indexes],
        ids=list(indexes),
        elements=len(indexes),
        flags=[expressions[i][1] for i in indexes],
    )
    return database


def _refused(expressions: Sequence[Expression], indexes: list[int]) -> list[int]:
    """Find the patterns Hyperscan refuses by halving (the error does not say which one)."""
    try:
        _compile(expressions, indexes)
    except hyperscan.error:
        if len(indexes) == 1:
            return indexes
        middle = len(indexes) // 2
        return _refused(expressions, indexes[:middle]) + _refused(expressions, indexes[middle:])
    return []


def _serialize(loaded: Loaded) -> bytes:
    lists = {"unsupported": list(loaded.unsupported), "presence_only": list(loaded.presence_only)}
    header = json.dumps(lists).encode() + b"\n"
    return header + (hyperscan.dumpb(loaded.database) if loaded.database is not None else b"")


def _deserialize(payload: bytes) -> Loaded | None:
    """Rebuild a cached database; None when the entry cannot be used (then we recompile)."""
    header, _, body = payload.partition(b"\n")
    try:
        lists = json.loads(header)
        unsupported = tuple(int(i) for i in lists["unsupported"])
        presence_only = tuple(int(i) for i in lists.get("presence_only", ()))
        if not body:
            return Loaded(None, unsupported, presence_only)
        database = hyperscan.loadb(body, hyperscan.HS_MODE_BLOCK)
        database.scratch = hyperscan.Scratch(database)
    except (ValueError, KeyError, TypeError, AttributeError, hyperscan.error):
        return None
    return Loaded(database, unsupported, presence_only)
