"""Advice: what a report says to a person about a decision: summary, questions, evidence shown."""

from __future__ import annotations

from triage.inputs import SeedText
from triage.judge.features import Features
from triage.report import DIMENSIONS, Dimensions
from triage.rulebook import Policy
from triage.scan import ScanResult, first_spans, kept_spans

MAX_EVIDENCE = 8
PER_RULE_EVIDENCE = max(1, MAX_EVIDENCE // 4)  # hits shown per rule, so several rules show


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


def relevant_signals(policy: Policy, genre: str, dims: Dimensions) -> dict[str, float]:
    """Return the weights of the signals behind the genre and the dimensions that were found."""
    relevant = {s: w for s, w in policy.genres[genre].cues.items() if w > 0}
    for name in DIMENSIONS:
        if getattr(dims, name):
            for signal, weight in policy.dimensions[name].signals.items():
                relevant[signal] = max(relevant.get(signal, 0.0), weight)
    return relevant


def evidence(
    doc: SeedText, features: Features, result: ScanResult, relevant: dict[str, float]
) -> list[dict[str, object]]:
    """Return the hits of the rules that weighed most in the decision, strongest rule first.

    Each hit is a dict of the fields of ``Hit``; the report validates them.
    """
    wanted = _evidence_wanted(features, result, relevant)
    rows = features.rules
    return [
        _hit(doc, rows[index].id, rows[index].signal, start, end)
        for (index, _), spans in zip(wanted, first_spans(result, wanted), strict=True)
        for start, end in spans
    ]


def _evidence_wanted(
    features: Features, result: ScanResult, relevant: dict[str, float]
) -> list[tuple[int, int]]:
    """Return which rules to show and how many of their first spans, at most ``MAX_EVIDENCE``."""
    rows, hits = features.rules, features.hits
    ranked = sorted(
        [
            (-relevant[rows[i].signal] * rows[i].weight * hits[i], i)
            for i in features.points
            if relevant.get(rows[i].signal)
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
    return wanted


def _hit(doc: SeedText, rule: str, signal: str, start: int, end: int) -> dict[str, object]:
    line, column = doc.locate(start)
    return {
        "rule": rule,
        "signal": signal,
        "line": line,
        "column": column,
        "excerpt": doc.excerpt(start, end),
    }
