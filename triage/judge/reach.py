"""Reach: where a document's genre cues lie, in its sections and inside or outside quotations.

Two corrections to a rule's whole-document points, both set in the policy's ``structure``:

- **quoted**: hits of the author's-voice signals (``structure.quoted``) that lie inside a
  quotation are someone else's voice; they are counted apart and add no points.
- **scoped**: a genre cue (``structure.scoped``) counts for the sections it lies in. Per signal,
  the sections holding its (unquoted) hits cover a share of the document's words; below
  ``structure.min_share`` the signal's points shrink in proportion (``share / min_share``). So a
  long spec with one "Commentary" section is judged by the part that dominates it, while a
  document whose cues run through it, one without headings, or one shorter than
  ``structure.min_words``, is judged exactly as before.

Dimension signals are never scoped nor quoted (the policy refuses it): requirements are read
from the whole document.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from triage.rulebook import Policy
from triage.scan import ScanResult, Structure, position_limit


class Scope(NamedTuple):
    """Where a scoped cue's hits lie: its sections, their share of the words, its factor."""

    sections: tuple[int, ...]
    share: float
    factor: float


class Reach(NamedTuple):
    """A document's structure, the quoted hits per rule and each scoped rule's scope."""

    structure: Structure
    quoted: dict[int, tuple[int, ...]]
    """Per rule position: the starts of its hits that lie inside quotations."""
    voiced: dict[int, int]
    """Per rule with quoted hits: its count of hits outside quotations, capped."""
    scopes: dict[int, Scope]
    """Per scoped rule position with hits, when the document is scoped (else empty)."""

    def factor(self, position: int) -> float:
        """Return what a rule's points are multiplied by (1.0 when not scoped)."""
        scope = self.scopes.get(position)
        return 1.0 if scope is None else scope.factor


class ReachTable(NamedTuple):
    """What reach reads of the rules and the policy, per rule position."""

    signals: tuple[str, ...]
    density: tuple[bool, ...]
    caps: tuple[int, ...]
    quoted: frozenset[int]
    scoped: frozenset[int]
    min_share: float
    min_words: int
    long_words: int
    quotes_max_per_kchar: float

    @classmethod
    def build(cls, rules: Sequence[tuple[str, bool, int]], policy: Policy) -> ReachTable:
        """Mark each rule, given as (signal, density, cap) in rule order, as the policy says."""
        spec = policy.structure
        signals = tuple(signal for signal, _, _ in rules)
        return cls(
            signals=signals,
            density=tuple(density for _, density, _ in rules),
            caps=tuple(cap for _, _, cap in rules),
            quoted=frozenset(i for i, s in enumerate(signals) if s in spec.quoted),
            scoped=frozenset(i for i, s in enumerate(signals) if s in spec.scoped),
            min_share=spec.min_share,
            min_words=spec.min_words,
            long_words=max(policy.max_words or 0, spec.min_words),
            quotes_max_per_kchar=spec.quotes_max_per_kchar,
        )


NO_REACH = Reach(Structure((), (), 0), {}, {}, {})


def reach_of(table: ReachTable, result: ScanResult, words: int) -> Reach:
    """Return the quoted hits and the scopes of one document's fired rules.

    The text's structure is only looked at when a rule that could be scoped or quoted fired.
    """
    counts, density = result.counts, table.density
    long = words >= table.long_words
    scopable = [i for i in table.scoped if counts[i] and (long or not density[i])]
    quotable = [i for i in table.quoted if counts[i]]
    if result.starts is None or not (quotable or (scopable and words >= table.min_words)):
        return NO_REACH
    could_scope = words >= table.min_words and bool(scopable)
    structure = _structure(result, could_scope, bool(quotable), words)
    scoping = could_scope and len(structure.sections) > 1
    quoting = bool(structure.quotes) and structure.quotes_per_kchar <= table.quotes_max_per_kchar
    wanted = sorted({*(scopable if scoping else ()), *(quotable if quoting else ())})
    if not wanted:
        return NO_REACH
    starts = result.starts.of(wanted)
    quoted = _quoted(table, structure, starts) if quoting else {}
    voiced = {i: _voiced(table, i, len(starts[i]), len(q)) for i, q in quoted.items()}
    scopes = _scopes(table, structure, starts, quoted, words) if scoping else {}
    return Reach(structure, quoted, voiced, scopes)


def _structure(result: ScanResult, sections: bool, quotes: bool, words: int) -> Structure:
    """Return what is needed of the text's structure: its sections, its quotations, or both.

    ``words``: the text's, so its longest section's need not be counted again.
    """
    if not sections:
        return result.quotations()
    found = result.sections(words)
    return result.structure if quotes else found


def _voiced(table: ReachTable, i: int, followed: int, quoted: int) -> int:
    """Return a rule's count of hits outside quotations, capped.

    A rule followed to its position limit may have more hits, unknown: they are taken to lie
    outside quotations (so a quoted hit never takes away a hit that may be the author's).
    """
    cap = table.caps[i]
    if followed >= position_limit(cap, table.density[i]):
        return cap
    return min(followed - quoted, cap)


def _quoted(
    table: ReachTable, structure: Structure, starts: dict[int, tuple[int, ...]]
) -> dict[int, tuple[int, ...]]:
    found = {}
    for i, offsets in starts.items():
        if i in table.quoted and structure.quotes:
            inside = tuple(o for o, q in zip(offsets, structure.quoted(offsets), strict=True) if q)
            if inside:
                found[i] = inside
    return found


def _scopes(
    table: ReachTable,
    structure: Structure,
    starts: dict[int, tuple[int, ...]],
    quoted: dict[int, tuple[int, ...]],
    words: int,
) -> dict[int, Scope]:
    """Return the scope of each scoped rule that has one.

    A per-document rule whose hits all lie on headings (not the document's title) counts for
    the sections they head, subsections included; the
    density rules of a long document (``long_words``), per signal, for the sections their hits
    lie in (in a shorter one a confined cue's density is already diluted by the other words).
    """
    held: dict[int | str, set[int]] = {}
    for i, offsets in starts.items():
        if i not in table.scoped or (table.density[i] and words < table.long_words):
            continue
        inside = set(quoted.get(i, ()))
        voiced = [o for o in offsets if o not in inside]
        if not table.density[i] and not _headings_only(structure, voiced):
            continue
        key: int | str = table.signals[i] if table.density[i] else i
        found = sections_held(
            structure, voiced, offsets, position_limit(table.caps[i], table.density[i])
        )
        if not table.density[i]:  # a heading cue weighs for its subsections too
            found = structure.with_subsections(found)
        held.setdefault(key, set()).update(found)
    total = structure.words or 1
    lengths = [section.words for section in structure.sections]
    by_key = {}
    for key, found in held.items():
        share = sum([lengths[s] for s in found]) / total
        factor = round(min(1.0, share / table.min_share), 3)
        by_key[key] = Scope(tuple(sorted(found)), round(share, 3), factor)
    keys = {i: table.signals[i] if table.density[i] else i for i in starts}
    return {i: by_key[key] for i, key in keys.items() if key in by_key}


def _headings_only(structure: Structure, offsets: Sequence[int]) -> bool:
    """Return whether hits all lie on headings other than the title (which heads it all)."""
    title = structure.title
    return all(structure.on_heading(offsets)) and title not in structure.sections_of(offsets)


def sections_held(
    structure: Structure, voiced: Sequence[int], offsets: Sequence[int], limit: int
) -> set[int]:
    """Return the sections a rule's hits (``voiced``: those outside quotations) lie in.

    ``offsets``: all its hits followed; for a rule followed to its position ``limit``, later
    hits are unknown, so every section from its last hit followed on may hold some.
    """
    found, tail = held_and_tail(structure, voiced, offsets, limit)
    found.update(range(tail, len(structure.sections)))
    return found


def held_and_tail(
    structure: Structure, voiced: Sequence[int], offsets: Sequence[int], limit: int
) -> tuple[set[int], int]:
    """Return what ``sections_held`` holds as the sections of the hits and the open tail.

    The tail: the first section of those that may hold later hits (every one after it too),
    or the number of sections when there is none. A long document of many sections is held
    by a few numbers rather than a set of them all.
    """
    found = set(structure.sections_of(voiced))
    if offsets and len(offsets) >= limit:
        return found, structure.sections_of([offsets[-1]])[0]
    return found, len(structure.sections)
