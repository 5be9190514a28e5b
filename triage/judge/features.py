"""Features: a scan result and a word count become rule points and signal, genre, dimension scores.

Every number is traceable: a signal score is the sum of its rules' ``weight * min(count, cap)``,
per thousand words for density rules (short texts count as ``policy.min_words`` long, so one hit
in a tweet is not a landslide, and texts longer than ``policy.max_words`` count as that long, so
a long specification's capped counts are not diluted to nothing) or per document for structural
rules; genre and dimension scores
are weighted sums of signal scores. Where the policy says so, a genre cue's hits inside
quotations add nothing and a cue confined to a small part of a long document counts for that
part (``triage.judge.reach``). Nothing here decides anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress
from typing import NamedTuple

from triage.judge.reach import NO_REACH, Reach, ReachTable, reach_of
from triage.rulebook import Policy, Rule
from triage.scan import ScanResult


class RuleRow(NamedTuple):
    """The fields of a rule that scoring reads, copied once out of the pydantic model."""

    id: str
    signal: str
    weight: float
    cap: int
    density: bool


class Fired(NamedTuple):
    """A rule that matched: its position in the rule set, its row, its hits and its points."""

    position: int
    rule: RuleRow
    hits: int
    points: float


class WeightedSum(NamedTuple):
    """One genre's or dimension's score: ``(signal position, weight)`` terms in policy order."""

    name: str
    terms: tuple[tuple[int, float], ...]


@dataclass(frozen=True)
class ScoreTables:
    """What scoring reads of a rule set, as plain tuples, built once per ``Judge``.

    Reading pydantic fields per document was a large share of a report's cost, and looking up
    signals by name in every weighted sum too; these tables read neither.
    """

    rules: tuple[RuleRow, ...]
    signals: tuple[str, ...]
    genres: tuple[WeightedSum, ...]
    dimensions: tuple[WeightedSum, ...]
    min_words: int
    max_words: int | None = None
    reach: ReachTable | None = None

    @classmethod
    def build(cls, rules: Sequence[Rule], policy: Policy) -> ScoreTables:
        """Copy the rules' scoring fields and the policy's weighted sums into tables."""
        position = {name: i for i, name in enumerate(policy.signals)}

        def weighted(name: str, signals: dict[str, float]) -> WeightedSum:
            return WeightedSum(name, tuple((position[s], w) for s, w in signals.items()))

        return cls(
            rules=tuple(RuleRow(r.id, r.signal, r.weight, r.cap, r.density) for r in rules),
            signals=tuple(policy.signals),
            genres=tuple(weighted(name, g.cues) for name, g in policy.genres.items()),
            dimensions=tuple(weighted(name, d.signals) for name, d in policy.dimensions.items()),
            min_words=policy.min_words,
            max_words=policy.max_words,
            reach=ReachTable.build([(r.signal, r.density, r.cap) for r in rules], policy),
        )


class Features(NamedTuple):
    """What a decision is made from: the rules that fired and the scores they add up to.

    ``points`` holds, per rule that fired (by its position in ``rules``), the points it added to
    its signal, in rule order; ``hits`` is every rule's count of hits. ``signals``, ``genres``
    and ``dimensions`` hold every name of the policy, in its order. ``language``: the document's
    language (ISO 639-1), ``None`` when not checked.
    """

    words: int
    rules: tuple[RuleRow, ...]
    hits: Sequence[int]
    points: dict[int, float]
    signals: dict[str, float]
    genres: dict[str, float]
    dimensions: dict[str, float]
    language: str | None = None
    reach: Reach = NO_REACH
    """Hits counted apart as quoted, and the sections that scoped signals lie in."""
    scan: ScanResult | None = None
    """The scan result measured (hit starts, structure), for deciders that read where hits lie."""
    traced: bool = True
    """Whether deciders list each model's terms in their trace (``triage explain`` shows them;
    a report without scores needs only the models' probabilities)."""

    @property
    def fired(self) -> tuple[Fired, ...]:
        """Return each rule that fired with its hits and points, in rule order."""
        rules, hits = self.rules, self.hits
        return tuple([Fired(i, rules[i], hits[i], points) for i, points in self.points.items()])


def measure(
    tables: ScoreTables,
    result: ScanResult,
    words: int,
    language: str | None = None,
    *,
    traced: bool = True,
) -> Features:
    """Return the features of one document from its scan result, word count and language.

    ``traced``: whether the decision made on them lists each model's terms (``Features``).
    """
    reach = NO_REACH
    if tables.reach is not None:
        reach = reach_of(tables.reach, result, words)
    points = rule_points(tables, result, words, reach)
    signals = signal_scores(tables, points)
    values = list(signals.values())
    return Features(
        words=words,
        rules=tables.rules,
        hits=result.counts,
        points=points,
        signals=signals,
        genres=weighted_sums(tables.genres, values),
        dimensions=weighted_sums(tables.dimensions, values),
        language=language,
        reach=reach,
        scan=result,
        traced=traced,
    )


def rule_points(
    tables: ScoreTables, result: ScanResult, words: int, reach: Reach = NO_REACH
) -> dict[int, float]:
    """Return the points of each rule that fired, by its position, in the order of the rules.

    A ``density`` rule (the default) scores per thousand words of ``density_words``, so long
    texts don't win by length (nor lose by it past ``max_words``, as counts are capped); other
    rules (headings, document formulas) score per document. Hits ``reach`` finds quoted add
    nothing, and a scoped signal's rules score times its scope's factor.
    """
    scale = 1000.0 / density_words(tables, words)
    rows, counts = tables.rules, result.counts
    points = {
        i: round(row.weight * min(n, row.cap) * (scale if row.density else 1.0), 3)
        for i, row, n in [(i, rows[i], counts[i]) for i in fired_positions(counts)]
    }
    if reach is NO_REACH:
        return points
    for i in points:
        factor = reach.factor(i)
        if i in reach.voiced or factor != 1.0:
            row, n = rows[i], reach.voiced.get(i, counts[i])
            points[i] = round(row.weight * n * (scale if row.density else 1.0) * factor, 3)
    return points


def density_words(tables: ScoreTables, words: int) -> int:
    """Return the length density rules score against: ``words`` within the policy's bounds."""
    longest = words if tables.max_words is None else min(words, tables.max_words)
    return max(longest, tables.min_words)


def fired_positions(counts: Sequence[int]) -> list[int]:
    """Return the positions of the rules with hits, in order (``compress`` loops in C)."""
    return list(compress(range(len(counts)), counts))


def signal_scores(tables: ScoreTables, points: dict[int, float]) -> dict[str, float]:
    """Sum the points of the rules that fired (``rule_points``) per signal, in policy order."""
    scores = dict.fromkeys(tables.signals, 0.0)
    rows = tables.rules
    for i, value in points.items():
        scores[rows[i].signal] += value
    return {name: round(value, 3) if value else value for name, value in scores.items()}


def weighted_sums(table: Sequence[WeightedSum], values: Sequence[float]) -> dict[str, float]:
    """Return each entry's weighted sum of the signal scores (``values``, in policy order), rounded.

    The terms are added in the policy's order, so the sums are always the same floats; an entry
    whose signals are all zero is zero without summing.
    """
    return {
        name: round(sum([weight * values[i] for i, weight in terms]), 3)
        if any([values[i] for i, _ in terms])
        else 0.0
        for name, terms in table
    }


def contributions(features: Features) -> list[dict[str, object]]:
    """Return the fields of one ``Contribution`` per rule that fired.

    Plain dicts: the report validates them all in one call, much cheaper than one model at a
    time; the model (``extra="forbid"``, every field required) refuses a misnamed key.
    """
    rows, hits = features.rules, features.hits
    return [
        {
            "rule": (row := rows[i]).id,
            "signal": row.signal,
            "count": hits[i],
            "weight": row.weight,
            "points": points,
        }
        for i, points in features.points.items()
    ]
