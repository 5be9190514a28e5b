"""Scoring: hits to signal scores, to dimensions, to a genre, to a verdict, summary and questions.

Every number is traceable: a signal score is the sum of its rules' ``weight * min(count, cap)``,
per thousand words for density rules (short texts count as ``policy.min_words`` long, so one hit
in a tweet is not a landslide) or per document for structural rules; dimensions and genres are
weighted sums of signal scores; the verdict is the first policy rule whose condition holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress
from typing import TypedDict

from triage.inputs import SeedText
from triage.report import DIMENSIONS, VERDICT_ORDER, BundleReport, Dimensions, SeedReport
from triage.rulebook import Condition, Policy, Rule, VerdictRule
from triage.scan import ScanResult, first_spans, kept_spans

MAX_EVIDENCE = 8
PER_RULE_EVIDENCE = max(1, MAX_EVIDENCE // 4)  # hits shown per rule, so several rules show


class Part(TypedDict):
    """The fields of one ``Contribution``, before the report validates them."""

    rule: str
    signal: str
    count: int
    weight: float
    points: float


def contributions(fired: Sequence[_Points]) -> list[Part]:
    """Return one contribution per rule that fired (as the fields of ``Contribution``).

    ``fired`` as ``rule_points`` returns it. Plain dicts: the report validates them into
    ``Contribution`` models in one call, twice as fast as one by one.
    """
    return [
        {"rule": rule_id, "signal": signal, "count": count, "weight": weight, "points": points}
        for (rule_id, signal, weight, _, _), count, points in fired
    ]


def rule_points(
    policy: Policy, rules: Sequence[Rule], result: ScanResult, words: int
) -> list[_Points]:
    """Return each rule that fired, its count and its points, in the order of the rules.

    A ``density`` rule (the default) scores per thousand words, so long texts don't win by
    length; other rules (headings, document formulas) score per document.
    """
    scale = 1000.0 / max(words, policy.min_words)
    rows = _rows(rules)
    counts = result.counts
    return [
        (row, count, round(row[2] * min(count, row[3]) * (scale if row[4] else 1.0), 3))
        for row, count in [(rows[i], counts[i]) for i in _fired(result)]
    ]


def _fired(result: ScanResult) -> list[int]:
    """Return the indexes of the rules that matched, in order (``compress`` loops in C)."""
    return list(compress(range(len(result.counts)), result.counts))


_Row = tuple[str, str, float, int, bool]
_Points = tuple[_Row, int, float]  # a rule that fired: its row, its count, its points
_ROWS: dict[int, tuple[Sequence[Rule], tuple[_Row, ...]]] = {}


def _rows(rules: Sequence[Rule]) -> tuple[_Row, ...]:
    """Return each rule's id, signal, weight, cap and density as plain tuples, once per rule set.

    Reading five fields of ~35 pydantic rules per document was a third of ``contributions``.
    """
    known = _ROWS.get(id(rules))
    if known is None or known[0] is not rules:
        if len(_ROWS) > 8:
            _ROWS.clear()
        rows = tuple((r.id, r.signal, r.weight, r.cap, r.density) for r in rules)
        known = _ROWS[id(rules)] = (rules, rows)
    return known[1]


# A weighted sum of signal scores: (signal position, weight) in the order the policy lists them.
_Weights = tuple[tuple[int, float], ...]


@dataclass(frozen=True)
class _Sums:
    """The weighted sums of a policy (genre cues, dimension signals) as signal positions.

    Built once per policy, so scoring a document reads no pydantic field and looks up no signal
    by name (genre sums: ~22 -> ~16 us per document).
    """

    genres: tuple[tuple[str, _Weights], ...]
    dimensions: tuple[tuple[str, _Weights], ...]


_SUMS: dict[int, tuple[Policy, _Sums]] = {}


def _sums(policy: Policy) -> _Sums:
    """Return the weighted sums of a policy, built once per policy."""
    known = _SUMS.get(id(policy))
    if known is None or known[0] is not policy:
        if len(_SUMS) > 8:
            _SUMS.clear()
        position = {name: i for i, name in enumerate(policy.signals)}

        def weights(signals: dict[str, float]) -> _Weights:
            return tuple((position[name], weight) for name, weight in signals.items())

        sums = _Sums(
            genres=tuple((name, weights(g.cues)) for name, g in policy.genres.items()),
            dimensions=tuple((name, weights(d.signals)) for name, d in policy.dimensions.items()),
        )
        known = _SUMS[id(policy)] = (policy, sums)
    return known[1]


def signal_scores(policy: Policy, fired: Sequence[_Points]) -> dict[str, float]:
    """Sum the points of the rules that fired (``rule_points``) per signal, in policy order."""
    scores = dict.fromkeys(policy.signals, 0.0)
    for (_, signal, _, _, _), _, points in fired:
        scores[signal] += points
    return {name: round(value, 3) if value else value for name, value in scores.items()}


def _weighted(
    table: tuple[tuple[str, _Weights], ...], signals: dict[str, float]
) -> dict[str, float]:
    """Return each entry's weighted sum of the signal scores, rounded.

    ``signals`` must hold every signal of the policy, in its order. The terms are added in the
    policy's order, as they always were, so the sums are the same floats; an entry whose signals
    are all zero is zero without summing.
    """
    values = list(signals.values())
    return {
        name: round(sum([weight * values[i] for i, weight in pairs]), 3)
        if any([values[i] for i, _ in pairs])
        else 0.0
        for name, pairs in table
    }


def genre_scores(policy: Policy, signals: dict[str, float]) -> dict[str, float]:
    """Score every genre from its cues (``signals`` as ``signal_scores`` returns them)."""
    return _weighted(_sums(policy).genres, signals)


def decide_genre(policy: Policy, scores: dict[str, float]) -> tuple[str, float, str | None]:
    """Return the genre, a confidence in [0, 1] and the runner-up."""
    ranked = sorted(scores, key=lambda name: (-scores[name], name))
    best = ranked[0]
    if scores[best] <= 0 or scores[best] < policy.genres[best].min_score:
        return policy.fallback_genre, 0.0, best if scores[best] > 0 else None
    positive = sum(max(score, 0.0) for score in scores.values())
    runner_up = ranked[1] if len(ranked) > 1 and scores[ranked[1]] > 0 else None
    return best, round(scores[best] / positive, 3), runner_up


def decide_dimensions(
    policy: Policy, signals: dict[str, float], genre: str
) -> tuple[Dimensions, dict[str, float]]:
    """Decide which dimensions are stated as requirements; a non-build genre states none.

    ``signals`` as ``signal_scores`` returns them.
    """
    scores = _weighted(_sums(policy).dimensions, signals)
    spec = policy.genres[genre]
    present = {
        name: spec.intent == "build"
        and name not in spec.suppress
        and scores[name] >= dim.threshold
        and (not dim.requires_any or any(signals.get(s, 0.0) > 0 for s in dim.requires_any))
        for name, dim in policy.dimensions.items()
    }
    return Dimensions(**present), scores


def holds(
    condition: Condition, genre: str, intent: str, dims: Dimensions, signals: dict[str, float]
) -> bool:
    """Return whether a verdict condition holds."""
    present = {name for name in DIMENSIONS if getattr(dims, name)}
    return (
        (condition.genre_intent is None or condition.genre_intent == intent)
        and (not condition.genre_in or genre in condition.genre_in)
        and (not condition.any_dimension or bool(present & set(condition.any_dimension)))
        and not present & set(condition.no_dimension)
        and all(signals.get(s, 0.0) >= v for s, v in condition.min_signal.items())
        and all(signals.get(s, 0.0) <= v for s, v in condition.max_signal.items())
    )


def decide_verdict(
    policy: Policy, genre: str, dims: Dimensions, signals: dict[str, float]
) -> VerdictRule:
    """Return the first verdict rule whose condition holds (the last one always does)."""
    intent = policy.genres[genre].intent
    for rule in policy.verdicts:
        if holds(rule.when, genre, intent, dims, signals):
            return rule
    return policy.verdicts[-1]


def summarise(policy: Policy, genre: str, dims: Dimensions) -> str:
    """Return the one-line summary, e.g. ``opinion article — no software spec, ...``."""
    parts = [
        spec.label if getattr(dims, name) else spec.absent
        for name, spec in ((n, policy.dimensions[n]) for n in DIMENSIONS)
    ]
    return policy.summary.format(genre=policy.genres[genre].label, dimensions=", ".join(parts))


def questions(
    policy: Policy, verdict: str, dims: Dimensions, signals: dict[str, float]
) -> tuple[str, ...]:
    """Return what to ask the requester.

    Every missing dimension's questions; for a document that needs clarification, also the
    policy's clarifications whose signals stayed below their bounds.
    """
    if verdict == "buildable":
        return ()
    asked = [policy.not_a_spec_question] if verdict == "not-a-spec" else []
    for name in DIMENSIONS:
        if not getattr(dims, name):
            asked.extend(policy.dimensions[name].questions)
    if verdict == "needs-clarification":
        asked.extend(
            item.ask
            for item in policy.clarifications
            if any(signals.get(s, 0.0) < bound for s, bound in item.below.items())
            and item.ask not in asked
        )
    return tuple(asked)


def evidence(
    doc: SeedText, rules: Sequence[Rule], result: ScanResult, relevant: dict[str, float]
) -> list[dict[str, object]]:
    """Return the hits of the rules that weighed most in the decision, strongest rule first.

    Each hit is a dict of the fields of ``Hit``; the report validates them.
    """
    rows, counts = _rows(rules), result.counts
    ranked = sorted(
        [
            (-relevant[rows[i][1]] * rows[i][2] * counts[i], i)
            for i in _fired(result)
            if relevant.get(rows[i][1])
        ]
    )
    wanted: list[tuple[int, int]] = []  # (rule, how many of its first spans)
    shown = 0
    for _, index in ranked:
        take = min(PER_RULE_EVIDENCE, MAX_EVIDENCE - shown, kept_spans(result, index))
        wanted.append((index, take))
        shown += take
        if shown >= MAX_EVIDENCE:
            break
    return [
        _hit(doc, rules[index], start, end)
        for (index, _), spans in zip(wanted, first_spans(result, wanted), strict=True)
        for start, end in spans
    ]


def _hit(doc: SeedText, rule: Rule, start: int, end: int) -> dict[str, object]:
    line, column = doc.locate(start)
    return {
        "rule": rule.id,
        "signal": rule.signal,
        "line": line,
        "column": column,
        "excerpt": doc.excerpt(start, end),
    }


def _relevant_signals(policy: Policy, genre: str, dims: Dimensions) -> dict[str, float]:
    """Weights of the signals behind the genre and the dimensions that were found."""
    relevant = {s: w for s, w in policy.genres[genre].cues.items() if w > 0}
    for name in DIMENSIONS:
        if getattr(dims, name):
            for signal, weight in policy.dimensions[name].signals.items():
                relevant[signal] = max(relevant.get(signal, 0.0), weight)
    return relevant


def assess_scan(
    doc: SeedText,
    path: str,
    file: str,
    rules: Sequence[Rule],
    policy: Policy,
    result: ScanResult,
    *,
    keep_scores: bool = True,
) -> SeedReport:
    """Turn one document's scan result into its report.

    ``keep_scores=False`` leaves out the numbers behind the judgment (``scores``: every rule's
    contribution, for ``triage explain``): the printed reports never show them, and building
    them is a fifth of the cost of a report.
    """
    fired = rule_points(policy, rules, result, doc.words)
    signals = signal_scores(policy, fired)
    genres = genre_scores(policy, signals)
    genre, confidence, runner_up = decide_genre(policy, genres)
    dims, dim_scores = decide_dimensions(policy, signals, genre)
    rule = decide_verdict(policy, genre, dims, signals)
    # One validation of nested data: much cheaper than building each model on its own.
    return SeedReport.model_validate(
        {
            "path": path,
            "file": file,
            "verdict": rule.verdict,
            "genre": policy.genres[genre].label,
            "genre_id": genre,
            "genre_confidence": confidence,
            "runner_up": policy.genres[runner_up].label if runner_up else None,
            "summary": summarise(policy, genre, dims),
            "dimensions": dims,
            "reason": rule.reason,
            "questions": questions(policy, rule.verdict, dims, signals),
            "evidence": evidence(doc, rules, result, _relevant_signals(policy, genre, dims)),
            "scores": {
                "words": doc.words,
                "signals": signals,
                "dimensions": dim_scores,
                "genres": genres,
                "contributions": contributions(fired),
            }
            if keep_scores
            else None,
        }
    )


def summarise_bundle(policy: Policy, seeds: Sequence[SeedReport]) -> BundleReport:
    """Judge the seeds together: the best verdict among them, dimensions found in any seed."""
    judged = [s for s in seeds if s.verdict is not None]
    verdict = max((s.verdict for s in judged if s.verdict), key=VERDICT_ORDER.index, default=None)
    dims = Dimensions(
        **{n: any(s.dimensions and getattr(s.dimensions, n) for s in judged) for n in DIMENSIONS}
    )
    buildable = sum(s.verdict == "buildable" for s in judged)
    advice = policy.bundle_advice[verdict] if verdict else policy.bundle_unjudged
    count = f"{len(seeds)} seed{'s' if len(seeds) != 1 else ''}, {buildable} buildable"
    errors = len(seeds) - len(judged)
    if errors:
        count += f", {errors} error{'s' if errors != 1 else ''}"
    return BundleReport(
        verdict=verdict,
        seeds=len(seeds),
        buildable=buildable,
        errors=errors,
        dimensions=dims,
        summary=advice.format(counts=count),
    )
