"""Scanner: one compiled matcher, exact capped counts, first spans, linear time."""

from __future__ import annotations

from triage.rulebook import PhrasesRule, RegexRule
from triage.scan import MAX_SPANS, compile_scanner


def _phrases(rule_id: str, phrases: list[str], cap: int = 5) -> PhrasesRule:
    return PhrasesRule.model_validate(
        {
            "id": rule_id,
            "kind": "phrases",
            "signal": "feature",
            "phrases": phrases,
            "cap": cap,
            "description": "test rule",
            "examples": {"fires": ["x"], "quiet": ["y"]},
        }
    )


def test_counts_are_per_rule_and_capped() -> None:
    scanner = compile_scanner([_phrases("a", ["alpha"], cap=2), _phrases("b", ["beta"])])
    result = scanner.scan("alpha alpha alpha beta")
    assert result.counts == (2, 1)
    assert result.spans[1] == ((18, 22),)


def test_phrases_match_whole_words_case_insensitively_across_whitespace() -> None:
    scanner = compile_scanner([_phrases("a", ["acceptance criteria"])])
    assert scanner.scan("ACCEPTANCE\n  Criteria").counts == (1,)
    assert scanner.scan("acceptance criterias").counts == (0,)


def test_overlapping_rules_each_keep_their_hits() -> None:
    scanner = compile_scanner([_phrases("a", ["shall"]), _phrases("b", ["system shall"])])
    assert scanner.scan("the system shall log").counts == (1, 1)


def test_only_the_first_spans_are_kept() -> None:
    scanner = compile_scanner([_phrases("a", ["x"], cap=100)])
    result = scanner.scan("x " * 50)
    assert result.counts == (50,)
    assert len(result.spans[0]) == MAX_SPANS


def test_a_classic_catastrophic_pattern_runs_in_linear_time() -> None:
    rule = RegexRule.model_validate(
        {
            "id": "nested",
            "kind": "regex",
            "signal": "feature",
            "regex": "(a+)+$",
            "description": "backtracking bomb for re",
            "examples": {"fires": ["aa"], "quiet": ["b"]},
        }
    )
    # Python's re needs minutes here; RE2 answers at once.
    assert compile_scanner([rule]).scan("a" * 50_000 + "!").counts == (0,)
