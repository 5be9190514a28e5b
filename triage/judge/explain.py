"""Explain: every rule that fired on a document, what it added, and how the policy decided.

This is the trace behind one report: signal scores built from rule contributions (with the
first hits of each rule), dimension scores against their thresholds, genre scores, and the verdict
rules tried in order until one held.
"""

from __future__ import annotations

from triage.inputs import Document
from triage.judge.scoring import assess_scan, holds
from triage.report import DIMENSIONS, SeedReport
from triage.rulebook import RuleSet
from triage.scan import ScanResult

TOP_GENRES = 5


def explain_document(doc: Document, result: ScanResult, ruleset: RuleSet) -> str:
    """Return the full decision trace of one document, from its scan result, as text."""
    report = assess_scan(doc, doc.name, doc.name, ruleset.rules, ruleset.policy, result)
    return (
        "\n".join(
            [
                f"{doc.name}: {report.verdict} — {report.summary}",
                f"  {report.scores.words if report.scores else 0} words",
                "",
                *_signal_lines(doc, ruleset, result, report),
                "",
                *_dimension_lines(ruleset, report),
                "",
                *_genre_lines(ruleset, report),
                "",
                *_verdict_lines(ruleset, report),
            ]
        )
        + "\n"
    )


def _signal_lines(
    doc: Document, ruleset: RuleSet, result: ScanResult, report: SeedReport
) -> list[str]:
    assert report.scores is not None
    lines = ["signals (points; density rules per 1000 words):"]
    by_signal: dict[str, list[str]] = {}
    position = {rule.id: i for i, rule in enumerate(ruleset.rules)}
    for part in report.scores.contributions:
        index = position[part.rule]
        capped = " (capped)" if part.count >= ruleset.rules[index].cap else ""
        entry = [
            f"    {part.rule}: {part.count} hit(s){capped} × {part.weight:g} → {part.points:g}"
        ]
        for start, end in result.spans[index]:
            line, column = doc.locate(start)
            entry.append(f"      {line}:{column}  {doc.excerpt(start, end, width=70)}")
        by_signal.setdefault(part.signal, []).extend(entry)
    for signal, score in report.scores.signals.items():
        if score or signal in by_signal:
            lines.append(f"  {signal} = {score:g}")
            lines.extend(by_signal.get(signal, []))
    return lines


def _dimension_lines(ruleset: RuleSet, report: SeedReport) -> list[str]:
    assert report.scores is not None and report.dimensions is not None
    lines = ["dimensions (weighted signals against the threshold):"]
    genre = ruleset.policy.genres[report.genre_id or ruleset.policy.fallback_genre]
    for name in DIMENSIONS:
        spec = ruleset.policy.dimensions[name]
        present = getattr(report.dimensions, name)
        note = ""
        if genre.intent != "build":
            note = f" (the genre {genre.label} intends no build)"
        elif name in genre.suppress:
            note = f" (suppressed for {genre.label})"
        lines.append(
            f"  {name}: {report.scores.dimensions[name]:g} vs {spec.threshold:g} → "
            f"{'present' if present else 'absent'}{note}"
        )
    return lines


def _genre_lines(ruleset: RuleSet, report: SeedReport) -> list[str]:
    assert report.scores is not None
    ranked = sorted(report.scores.genres.items(), key=lambda kv: (-kv[1], kv[0]))
    lines = [f"genre: {report.genre} (confidence {report.genre_confidence:g})"]
    for name, score in ranked[:TOP_GENRES]:
        cues = ", ".join(f"{s}×{w:g}" for s, w in ruleset.policy.genres[name].cues.items())
        lines.append(f"  {name}: {score:g}  [{cues}]")
    return lines


def _verdict_lines(ruleset: RuleSet, report: SeedReport) -> list[str]:
    assert report.scores is not None and report.dimensions is not None
    policy = ruleset.policy
    genre = report.genre_id or policy.fallback_genre
    intent = policy.genres[genre].intent
    lines = ["verdict rules, first that holds decides:"]
    for number, rule in enumerate(policy.verdicts, start=1):
        ok = holds(rule.when, genre, intent, report.dimensions, report.scores.signals)
        condition = rule.when.model_dump(mode="json", exclude_defaults=True) or "always"
        lines.append(f"  {number}. {rule.verdict} when {condition}: {'HOLDS' if ok else 'no'}")
        if ok:
            lines.append(f"     → {rule.verdict}: {rule.reason}")
            break
    return lines
