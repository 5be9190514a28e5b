r"""The hyperscan engine: which rules fire, from a Hyperscan presence database, checked by RE2.

Hyperscan only says which rules fire, and only on documents of ``PRESENCE_BYTES`` or more:
one pass of a database compiled with ``HS_FLAG_SINGLEMATCH`` reports each rule at most once, so
the slow part of Hyperscan from Python (one callback per event) costs one call per rule that
fires, and the pass stops once every rule has fired; RE2 double-checks the rules it stays silent
about (MISSED below), then counts the hits of the rules that fire (``triage.scan.base``).
Smaller documents are scanned exactly as the re2 engine scans them (a few ``re2.Set`` of the
rules, ``triage.scan.re2engine``). Either way every count is RE2's.

Where the two engines could disagree, RE2 decides:
- a pattern Hyperscan refuses is run by RE2 on every document (it still costs one linear pass);
- Hyperscan's ``\s`` also matches a vertical tab, RE2's does not; RE2 also folds ``k`` with the
  Kelvin sign and ``s`` with the long s, byte-wise Hyperscan does not: a document containing any
  of these three characters is passed to the RE2 sets instead.

The presence databases are only loaded when a large document first needs them: the one shipped
for the default rules (``triage.scan.hsshipped``), and one compiled (then cached:
``triage.scan.hsdatabase``) for the rules it does not hold.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence

import hyperscan

from triage.rulebook import Rule
from triage.scan.base import FEW_LEFT, RuleSet2, VerifyingScanner, re2_sets
from triage.scan.hsshipped import Part, Presence, load_presence, presence_expressions

# The UTF-8 of characters on which Hyperscan and RE2 disagree: vertical tab, Kelvin sign, long s.
_RE2_ONLY = tuple(character.encode() for character in ("\x0b", "\u212a", "\u017f"))
# Documents below this size are scanned by the RE2 sets, larger ones by the presence pass and
# RE2 (the size where start-of-match events and the presence pass cost the same, kept as it was;
# the RE2 sets were not measured against the presence pass here: benchmarks/README.md).
PRESENCE_BYTES = 160 << 10
# MISSED: Hyperscan 5 (hyperscan 0.9.1) misses some matches in a multi-pattern database.
# Without start-of-match, with or without HS_FLAG_SINGLEMATCH, the rule ``stance-verb``
# (``(?mi)\b(?:i|we)\s+...(?:think|...)``) finds nothing in b"\n## User Stories\n\nI think our
# indus", yet finds "I think" when the text ends one byte earlier. With HS_FLAG_SOM_LEFTMOST
# (small documents used to be counted from such start-of-match events) it misses others: with
# the 164 default rules, ``personal-experience`` found nothing in '.”\n\n      “Then I was
# right.”' where RE2 finds "I was" (the pattern compiled alone in Hyperscan finds it), and some
# rules were counted one short (13 against 14); start-of-match counting was dropped for this.
# So RE2 has the last word on the rules the presence pass stays silent about: a ``re2.Set`` of
# just those rules (on large documents most rules have fired: a small, fast set). A rule
# Hyperscan reports that RE2 does not find only costs time: RE2 counts it as 0.


class HyperscanScanner(VerifyingScanner):
    """Large documents: a Hyperscan presence pass, checked by RE2; small ones: the RE2 sets."""

    engine = "hyperscan"

    def __init__(self, rules: Sequence[Rule], *, use_cache: bool = True) -> None:
        """Compile the RE2 sets; the presence databases are loaded when first needed."""
        super().__init__(rules)
        self._use_cache = use_cache
        self._presence: Presence | None = None
        self._sets: tuple[RuleSet2, ...] = re2_sets(self.rules)

    def load_presence(self) -> Presence:
        """Return the presence databases (``HS_FLAG_SINGLEMATCH``), loading them on first use."""
        if self._presence is None:
            expressions = presence_expressions([rule.pattern() for rule in self.rules])
            self._presence = load_presence(expressions, use_cache=self._use_cache)
        return self._presence

    def fired(self, data: bytes) -> Iterable[int]:
        """Return the rules that match in ``data``, in one pass of each presence database.

        The pass stops by itself once every rule has fired; it is also stopped once all but
        ``FEW_LEFT`` of the rules have fired, and a set of just the others decides about them
        (a rule that never fires would otherwise keep the pass going to the end, where the set
        of a few rules runs faster).
        """
        if _by_sets(data):
            return self.sets_fired(self._sets, data)
        presence = self.load_presence()
        found = set(presence.unsupported)
        enough = len(self.rules) - int(FEW_LEFT * len(self.rules))
        for part in presence.parts:
            if len(found) < enough:
                _presence_pass(part, data, found, enough)
        return found | self._re2_missed(data, found)

    def fired_together(self, texts: Sequence[bytes]) -> list[list[int]]:
        """Return ``fired`` of each text; those the RE2 sets decide run through them together."""
        by_sets = [k for k, data in enumerate(texts) if _by_sets(data)]
        together = self.sets_fired_together(self._sets, [texts[k] for k in by_sets])
        found = dict(zip(by_sets, together, strict=True))
        return [found[k] if k in found else list(self.fired(d)) for k, d in enumerate(texts)]

    def _re2_missed(self, data: bytes, found: set[int]) -> set[int]:
        """Return the rules Hyperscan did not report but RE2 finds (see MISSED above)."""
        return self.subset_fired(data, tuple(i for i in range(len(self.rules)) if i not in found))


def _presence_pass(part: Part, data: bytes, found: set[int], enough: int) -> None:
    """Add the rules one database finds in ``data`` to ``found``; stop once it holds ``enough``."""
    rules = part.rules

    def collect(code: int, start: int, end: int, flags: int, context: object) -> bool:
        rule = rules[code]
        if rule >= 0:  # a pattern of the shipped database this run's rules lack is ignored
            found.add(rule)
        return len(found) >= enough  # True stops the pass

    with contextlib.suppress(hyperscan.ScanTerminated):
        part.database.scan(data, match_event_handler=collect)


def _by_sets(data: bytes) -> bool:
    """Whether the RE2 sets decide which rules fire in ``data`` (small, or where they differ)."""
    return len(data) < PRESENCE_BYTES or _needs_re2(data)


def _needs_re2(data: bytes) -> bool:
    """Whether UTF-8 text holds a character on which Hyperscan and RE2 disagree."""
    return any(character in data for character in _RE2_ONLY)
