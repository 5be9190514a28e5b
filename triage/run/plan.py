"""The plan of a run: the rule set, its compiled scanner, the engine, the judge and the limits.

A ``Plan`` is built ONCE per run: the engine is chosen there (``choose_engine`` is asked once),
the scanner taken from the in-process cache (one compiled scanner per rule set and engine), and
the judge built. Everything after that only reads the plan.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from triage.inputs import DEFAULT_MAX_BYTES, Target
from triage.judge import Judge
from triage.rulebook import RuleSet, load_rules
from triage.scan import Scanner, choose_engine, compile_scanner

# One compiled scanner per (rule set fingerprint, engine), one judge per rule set: building
# either costs more than judging a seed, and library callers make one plan per text.
_SCANNERS: dict[tuple[str, str], Scanner] = {}
_JUDGES: dict[str, Judge] = {}


@lru_cache(maxsize=1)
def default_ruleset() -> RuleSet:
    """Return the shipped rules and policy, loaded once."""
    return load_rules()


@dataclass(frozen=True, eq=False)
class Plan:
    """What every seed of one run is read, scanned and judged with.

    Compared and hashed by identity: a plan is built once per run, so it can key a cache.
    """

    ruleset: RuleSet
    engine: str
    scanner: Scanner
    judge: Judge
    max_bytes: int = DEFAULT_MAX_BYTES
    keep_scores: bool = True
    timeout: float | None = None  # seconds each stage of a seed may take (see ``run.budget``)

    def __reduce__(self) -> tuple[object, tuple[RuleSet, str, int, bool, float | None]]:
        """Pickle the recipe, not the compiled scanner: a worker takes its own from the cache."""
        recipe = (self.ruleset, self.engine, self.max_bytes, self.keep_scores, self.timeout)
        return plan_for, recipe


def make_plan(
    ruleset: RuleSet | None = None,
    engine: str | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    keep_scores: bool = True,
    largest: int = 0,
    timeout: float | None = None,
) -> Plan:
    """Build the plan of a run whose largest seed has ``largest`` bytes.

    ``engine``: as asked (None: ``$TRIAGE_ENGINE``, else automatic); chosen here, once.
    ``timeout``: seconds each stage of a seed may take before it becomes an error row.
    """
    ruleset = ruleset or default_ruleset()
    name = choose_engine(engine, size=largest, rules=ruleset.rules)
    return plan_for(ruleset, name, max_bytes, keep_scores, timeout)


def plan_for(
    ruleset: RuleSet,
    engine: str,
    max_bytes: int,
    keep_scores: bool,
    timeout: float | None = None,
) -> Plan:
    """Build a plan for an engine already chosen (a worker process rebuilds its plan so)."""
    scanner = scanner_of(ruleset, engine)
    judge = judge_of(ruleset)
    return Plan(ruleset, engine, scanner, judge, max_bytes, keep_scores, timeout)


def judge_of(ruleset: RuleSet) -> Judge:
    """Return the judge of a rule set, building it on first use."""
    if ruleset.fingerprint not in _JUDGES:
        _JUDGES[ruleset.fingerprint] = Judge(ruleset)
    return _JUDGES[ruleset.fingerprint]


def scanner_of(ruleset: RuleSet, engine: str) -> Scanner:
    """Return the compiled scanner of a rule set and a chosen engine, compiling it on first use."""
    key = (ruleset.fingerprint, engine)
    if key not in _SCANNERS:
        _SCANNERS[key] = compile_scanner(ruleset.rules, engine)
    return _SCANNERS[key]


def target_sizes(targets: Sequence[Target]) -> list[int]:
    """Return each target's size (as the index saw it, else as it is now), after a 0."""
    sizes = [0]
    for target in targets:
        if target.size is not None or target.path is None:
            sizes.append(target.size or 0)
            continue
        with contextlib.suppress(OSError):  # an unreadable seed becomes an error row later
            sizes.append(target.path.stat().st_size)
    return sizes
