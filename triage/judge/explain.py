"""Explain: every rule that fired on a document, what it added, and how the decider decided.

This prints the trace behind one report: signal scores built from rule contributions (with the
first hits of each rule, those inside quotations marked and counted apart, and the factor of a
cue confined to a small part of the document), dimension scores against their thresholds, genre
scores with the sections the chosen genre's cues lie in, the verdict rules tried in order until
one held, and the language step (in the header, and after the verdict rules when it changed the
verdict). The steps are those the decider traced; nothing is decided again here.
"""

from __future__ import annotations

from triage.inputs import SeedText
from triage.judge.advice import summarise
from triage.judge.decide import Absence, ModelStep, Trace
from triage.judge.features import Features
from triage.judge.judgment import Judge, Judgment
from triage.judge.reach import sections_held
from triage.rulebook import Policy, RuleSet
from triage.scan import ScanResult, position_limit

TOP_GENRES = 5
TOP_TERMS = 8  # the largest contributions shown per fitted model
TOP_PARTS = 4  # the sections named where the chosen genre's cues lie


def explain_document(
    doc: SeedText, result: ScanResult, ruleset: RuleSet, *, judge: Judge | None = None
) -> str:
    """Return the full decision trace of one document, from its scan result, as text.

    ``judge``: the run's judge (its decider's trace is printed); by default one for ``ruleset``.
    """
    judgment = (judge or Judge(ruleset)).judge(doc, result)
    return "\n".join(explain_lines(doc, result, ruleset.policy, judgment)) + "\n"


def explain_lines(
    doc: SeedText, result: ScanResult, policy: Policy, judgment: Judgment
) -> list[str]:
    """Return the lines of the trace: header, signals, dimensions, genres, verdict rules."""
    features, decision = judgment
    trace, genre = decision.trace, decision.genre
    return [
        f"{doc.name}: {decision.verdict} — {summarise(policy, genre, decision.dimensions)}",
        f"  {features.words} words{_language(policy, trace)}",
        "",
        *_signal_lines(doc, result, features),
        "",
        *_dimension_lines(policy, genre, trace),
        "",
        f"genre: {policy.genres[genre].label} (confidence {decision.confidence:g})",
        *_genre_lines(policy, trace),
        *_part_lines(result, policy, features, genre),
        "",
        *_verdict_lines(trace),
        *_language_change(trace, decision.reason),
        *_model_lines(trace.models),
    ]


def _signal_lines(doc: SeedText, result: ScanResult, features: Features) -> list[str]:
    lines = ["signals (points; density rules per 1000 words):"]
    by_signal: dict[str, list[str]] = {}
    reach = features.reach
    for item in features.fired:
        rule, quoted = item.rule, reach.quoted.get(item.position, ())
        capped = " (capped)" if item.hits >= rule.cap else ""
        apart = f", {len(quoted)} quoted (not counted)" if quoted else ""
        scope = reach.scopes.get(item.position)
        part = f" × {scope.factor:g} (its sections hold {scope.share:.0%})" if scope else ""
        entry = [
            f"    {rule.id}: {item.hits} hit(s){capped}{apart} × {rule.weight:g}{part}"
            f" → {item.points:g}"
        ]
        for start, end in result.spans[item.position]:
            line, column = doc.locate(start)
            mark = "[quoted] " if start in quoted else ""
            entry.append(f"      {line}:{column}  {mark}{doc.excerpt(start, end, width=70)}")
        by_signal.setdefault(rule.signal, []).extend(entry)
    for signal, score in features.signals.items():
        if score or signal in by_signal:
            lines.append(f"  {signal} = {score:g}")
            lines.extend(by_signal.get(signal, []))
    return lines


def _part_lines(result: ScanResult, policy: Policy, features: Features, genre: str) -> list[str]:
    """Return where the chosen genre's cues lie: the sections and their share of the words."""
    structure = features.reach.structure if features.reach.scopes else result.structure
    cues = policy.genres[genre].cues
    fired = [f.position for f in features.fired if f.points > 0 and f.rule.signal in cues]
    if len(structure.sections) < 2 or not fired or result.starts is None:
        return []
    starts, rows = result.starts.of(fired), features.rules
    limits = {i: position_limit(rows[i].cap, rows[i].density) for i in fired}
    held = sorted(
        {s for i in fired for s in sections_held(structure, starts[i], starts[i], limits[i])}
    )
    share = sum([structure.sections[s].words for s in held]) / (structure.words or 1)
    titles = [structure.sections[s].title or "(before the first heading)" for s in held]
    shown = ", ".join(repr(t) for t in titles[:TOP_PARTS])
    more = f" and {len(titles) - TOP_PARTS} more" if len(titles) > TOP_PARTS else ""
    return [
        f"  decided by: {len(held)} of {len(structure.sections)} sections, {share:.0%} of the "
        f"words: {shown}{more}"
    ]


def _dimension_lines(policy: Policy, genre: str, trace: Trace) -> list[str]:
    label = policy.genres[genre].label
    notes: dict[Absence | None, str] = {
        "no-build-genre": f" (the genre {label} intends no build)",
        "suppressed": f" (suppressed for {label})",
    }
    lines = ["dimensions (weighted signals against the threshold):"]
    for step in trace.dimensions:
        lines.append(
            f"  {step.name}: {step.score:g} vs {step.threshold:g} → "
            f"{'present' if step.absent is None else 'absent'}{notes.get(step.absent, '')}"
        )
    return lines


def _genre_lines(policy: Policy, trace: Trace) -> list[str]:
    step = trace.genre
    points = not step.probabilities
    lines = []
    for name, score in step.ranked[:TOP_GENRES]:
        cues = ", ".join(f"{s}×{w:g}" for s, w in policy.genres[name].cues.items())
        lines.append(f"  {name}: {score:g}  [{cues}]" if points else f"  {name}: {score:g}")
    if step.deferred is not None and policy.fitted_genre is not None:
        lines.append(
            f"  too close to call ({step.deferred} by the points, lead under "
            f"{policy.fitted_genre.lead_below:g}): the fitted genre models chose (below)"
        )
    return lines


def _verdict_lines(trace: Trace) -> list[str]:
    lines = ["verdict rules, first that holds decides:"]
    for step in trace.verdicts:
        rule = step.rule
        condition = rule.when.model_dump(mode="json", exclude_defaults=True) or "always"
        lines.append(
            f"  {step.number}. {rule.verdict} when {condition}: {'HOLDS' if step.held else 'no'}"
        )
        if step.held:
            lines.append(f"     → {rule.verdict}: {rule.reason}")
    return lines


def _language(policy: Policy, trace: Trace) -> str:
    """Return the language step for the header line: the language and those the rules read."""
    rules, step = policy.languages, trace.language
    if rules is None:
        return ""
    read = ", ".join(rules.covered)
    if step is None:
        return f"; language not checked (too short to tell; the rules read {read})"
    return f"; language {step.code} ({'' if step.covered else 'not '}read by the rules: {read})"


def _language_change(trace: Trace, reason: str) -> list[str]:
    """Return the language step's effect on the verdict, when it is outside the languages read."""
    step = trace.language
    if step is None or step.covered:
        return []
    if step.before == step.after:
        return ["", f"language {step.code}: {step.after} stays (its evidence held)"]
    return ["", f"language {step.code}: {step.before} becomes {step.after}", f"     → {reason}"]


def _model_lines(models: tuple[ModelStep, ...]) -> list[str]:
    """Return, per fitted model, its answer and its largest terms: rule × weight → points."""
    if not models:
        return []
    lines = ["", "fitted models (feature value × weight → points; logit = bias + points):"]
    for step in models:
        lines.append(
            f"  {step.name}: p={step.probability:g} (threshold {step.threshold:g}) → "
            f"{step.said}; bias {step.bias:g}"
        )
        for term in step.terms[:TOP_TERMS]:
            lines.append(
                f"    {term.feature}: {term.value:.3f} × {term.weight:g} → {term.points:+.3f}"
            )
        if len(step.terms) > TOP_TERMS:
            rest = sum(term.points for term in step.terms[TOP_TERMS:])
            lines.append(f"    ({len(step.terms) - TOP_TERMS} more: {rest:+.3f})")
    return lines
