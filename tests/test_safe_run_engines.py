"""Issue 14: the engine choice never takes a path measured slower for the rule set.

With 10,000 user rules, ``--engine hyperscan`` on a 1.5 KB document ran over 590 s and ``auto``
on 10 MB took 353 s against 28 s on RE2: Hyperscan's compile grows with the rule count.
"""

from __future__ import annotations

import pytest

from triage.errors import TriageError
from triage.rulebook import Rule
from triage.run import default_ruleset
from triage.scan import choose_engine, hyperscan_available
from triage.scan.engines import AUTO_HYPERSCAN_RULES, LARGE_BYTES, MAX_HYPERSCAN_RULES

needs_hyperscan = pytest.mark.skipif(not hyperscan_available(), reason="hyperscan not installed")


def _rules(count: int) -> list[Rule]:
    shipped = list(default_ruleset().rules)
    return (shipped * (count // len(shipped) + 1))[:count]


@needs_hyperscan
def test_auto_keeps_hyperscan_for_large_texts_with_few_rules() -> None:
    assert choose_engine("auto", size=LARGE_BYTES, rules=_rules(88)) == "hyperscan"


@needs_hyperscan
def test_auto_never_takes_hyperscan_for_many_rules() -> None:
    many = _rules(AUTO_HYPERSCAN_RULES + 1)
    assert choose_engine("auto", size=10 * LARGE_BYTES, rules=many) == "re2"


@needs_hyperscan
def test_hyperscan_asked_for_ten_thousand_rules_is_refused_with_what_to_do() -> None:
    with pytest.raises(TriageError, match=r"use --engine re2 or auto") as refused:
        choose_engine("hyperscan", rules=_rules(10_000))
    assert "10000 rules" in str(refused.value)
    assert choose_engine("hyperscan", rules=_rules(MAX_HYPERSCAN_RULES)) == "hyperscan"


def test_re2_takes_any_number_of_rules() -> None:
    assert choose_engine("re2", rules=_rules(10_000)) == "re2"
