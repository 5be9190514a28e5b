"""Checks beyond the schema, run on each validated rule before any scanning.

A rule's signal must be known to the policy, its pattern must compile in RE2 (linear time) and
must not match the empty string, its id must be unique; its own examples must behave as it says.
"""

from __future__ import annotations

import re2

from triage.rulebook.kinds import RuleBase
from triage.rulebook.policy import Policy

# Probes for zero-length matches: a rule that matches nothing would flood the scanner.
_EMPTY_PROBES = ("", " ", "a", "a b", "\n", "1")
_QUIET = re2.Options()
_QUIET.log_errors = False  # the problem is reported with file and line; no engine log on stderr


def check_rule_fields(rule: RuleBase, policy: Policy) -> list[tuple[str, str]]:
    """Return ``(field, reason)`` for each problem of one rule beyond its schema."""
    problems = []
    if rule.signal not in policy.signals:
        known = ", ".join(sorted(policy.signals))
        problems.append(("signal", f"unknown signal {rule.signal!r} (known: {known})"))
    field = rule.pattern_field
    try:
        compiled = re2.compile(rule.pattern(), _QUIET)
    except re2.error as exc:
        return [*problems, (field, f"not a valid linear-time (RE2) regex: {_re2_reason(exc)}")]
    if any(m.end() == m.start() for probe in _EMPTY_PROBES for m in compiled.finditer(probe)):
        problems.append((field, "can match the empty string; make it match at least one char"))
    return problems


def _re2_reason(exc: Exception) -> str:
    raw = exc.args[0] if exc.args else exc
    return raw.decode(errors="replace") if isinstance(raw, bytes) else str(raw)


def duplicate_ids(located: list[tuple[RuleBase, str]]) -> list[str]:
    """Return one problem for each rule whose id an earlier rule (``file:line``) already has."""
    first_seen: dict[str, str] = {}
    dupes = []
    for rule, where in located:
        if rule.id in first_seen:
            dupes.append(f"{where}: rule {rule.id}: duplicate id (first at {first_seen[rule.id]})")
        first_seen.setdefault(rule.id, where)
    return dupes


def example_failures(rule: RuleBase) -> list[str]:
    """Return each example of a rule that does not behave as the rule says it should."""
    compiled = re2.compile(rule.pattern())
    failures = [
        f"{rule.id}: should fire on {text!r}"
        for text in rule.examples.fires
        if not compiled.search(text)
    ]
    failures += [
        f"{rule.id}: should stay quiet on {text!r}"
        for text in rule.examples.quiet
        if compiled.search(text)
    ]
    return failures
