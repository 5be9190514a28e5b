"""The fitted decider's features, the same for fitting and judging (``triage.judge.fitted``).

Per rule ``log1p(min(hits, cap))``; the length ``log1p(words)``; per signal its section coverage
``share:SIGNAL``: the share of the document's words in the sections its hits lie in (the
sections of ``triage.scan.Structure``, placed as ``triage.judge.reach`` places them); per genre
``genre:GENRE``, ``log1p`` of the policy's score for it (the rules' reading, which the models
may lean on or correct). No per-thousand-words scaling, no short-text multiplier.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import accumulate

from triage.judge.features import RuleRow, fired_positions
from triage.judge.reach import held_and_tail
from triage.rulebook import GENRE_PREFIX, SHARE_PREFIX, WORDS_FEATURE
from triage.scan import ScanResult, position_limit


def rule_value(hits: int, cap: int) -> float:
    """Return one rule's feature: ``log1p`` of its hits, capped."""
    return math.log1p(min(hits, cap))


def words_value(words: int) -> float:
    """Return the length feature: ``log1p`` of the word count."""
    return math.log1p(words)


def genre_value(score: float) -> float:
    """Return one genre's feature: ``log1p`` of the policy's score (a negative score is 0)."""
    return math.log1p(score) if score > 0 else 0.0


# The last document's shares: the spec model and the genre models of one judgment both read them.
_LAST: list[tuple[Sequence[RuleRow], ScanResult | None, Sequence[int], dict[str, float]]] = []


def signal_shares(
    rules: Sequence[RuleRow],
    result: ScanResult | None,
    hits: Sequence[int],
    words: int | None = None,
) -> dict[str, float]:
    """Return, per signal with hits, the share of the words in the sections its hits lie in.

    A text of one section (or whose hit positions are not known) is covered whole by every
    signal that fired. A rule followed to its position limit may hit later: every section from
    its last hit followed on counts (as ``reach`` reads it). ``words``: the text's, if counted
    already (its sections are then found without counting the longest one's). The answer for the
    same objects as the last call is remembered (they are immutable; compared by identity).
    """
    last = _LAST[0] if _LAST else None
    if last is not None and last[0] is rules and last[1] is result and last[2] is hits:
        return dict(last[3])
    shares = _shares(rules, result, hits, words)
    _LAST[:] = [(rules, result, hits, shares)]
    return dict(shares)


def _shares(
    rules: Sequence[RuleRow], result: ScanResult | None, hits: Sequence[int], words: int | None
) -> dict[str, float]:
    fired = fired_positions(hits)
    if not fired:
        return {}
    starts = result.starts if result is not None else None
    structure = result.sections(words) if result is not None and starts is not None else None
    if starts is None or structure is None or len(structure.sections) < 2 or not structure.words:
        return dict.fromkeys([rules[i].signal for i in fired], 1.0)
    offsets = starts.of(fired)
    count = len(structure.sections)
    held: dict[str, tuple[set[int], int]] = {}  # per signal: sections hit, and an open tail
    for i in fired:
        limit = position_limit(rules[i].cap, rules[i].density)
        found, tail = held_and_tail(structure, offsets[i], offsets[i], limit)
        sections, first = held.setdefault(rules[i].signal, (set(), count))
        sections.update(found)
        held[rules[i].signal] = (sections, min(first, tail))
    lengths = [section.words for section in structure.sections]
    after = list(accumulate(reversed(lengths), initial=0))[::-1]  # after[k]: words from k on
    total = structure.words
    return {
        signal: round((sum([lengths[k] for k in found if k < tail]) + after[tail]) / total, 3)
        for signal, (found, tail) in held.items()
    }


def feature_names(
    rules: Sequence[RuleRow], signals: Sequence[str], genres: Sequence[str]
) -> list[str]:
    """Return the names of the dense feature row: rule ids, ``words``, ``share:``, ``genre:``."""
    return [
        *(row.id for row in rules),
        WORDS_FEATURE,
        *(SHARE_PREFIX + s for s in signals),
        *(GENRE_PREFIX + g for g in genres),
    ]


def feature_row(
    rules: Sequence[RuleRow],
    hits: Sequence[int],
    words: int,
    shares: dict[str, float],
    signals: Sequence[str],
    genre_scores: dict[str, float],
) -> list[float]:
    """Return the dense feature row of one document (``feature_names`` order), for fitting.

    ``genre_scores``: the policy's score of every genre, in the policy's order.
    """
    values = [rule_value(n, row.cap) if n else 0.0 for row, n in zip(rules, hits, strict=True)]
    return [
        *values,
        words_value(words),
        *(shares.get(s, 0.0) for s in signals),
        *(genre_value(score) for score in genre_scores.values()),
    ]
