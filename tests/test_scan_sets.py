"""The RE2 engine matches the rules with a few sets: the same rules fire as with one set."""

from __future__ import annotations

import pytest

from triage import default_ruleset
from triage.scan import base, compile_scanner, re2_sets
from triage.scan.base import re2_set, set_matches

TEXTS = [
    "The system shall export the report as CSV within 2 seconds on a Raspberry Pi 4.",
    "Mix the flour and the water, then bake for 40 minutes at 200 °C.",
    "I think the council is wrong, and it should say so.",
    "",
    "x",
]


def test_a_few_sets_fire_the_same_rules_as_one() -> None:
    rules = default_ruleset().rules
    scanner = compile_scanner(rules, "re2")
    for parts in (1, 3, 4, 7):
        sets = re2_sets(rules, parts)
        assert sorted(i for _, group in sets for i in group) == list(range(len(rules)))
        for text in TEXTS:
            data = text.encode()
            assert sorted(scanner.sets_fired(sets, data)) == sorted(
                scanner.sets_fired(re2_sets(rules, 1), data)
            )


def test_a_part_that_finds_nothing_is_checked_rule_by_rule() -> None:
    rules = default_ruleset().rules
    scanner = compile_scanner(rules, "re2")
    many = re2_sets(rules, len(rules))  # one rule per set: most sets find nothing
    text = TEXTS[0].encode()
    assert sorted(scanner.sets_fired(many, text)) == sorted(scanner.fired(text))
    assert scanner.fired(text)


def test_a_part_that_truly_finds_nothing_is_not_searched_again_rule_by_rule(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rules = default_ruleset().rules
    scanner = compile_scanner(rules, "re2")
    sets = re2_sets(rules, 6)

    def refuse(index: int) -> None:
        raise AssertionError(f"rule {index} was searched alone although its set answered")

    monkeypatch.setattr(scanner, "_regex", refuse)
    assert scanner.sets_fired(sets, b"zzzz") == []
    assert scanner.subset_fired(b"zzzz", tuple(range(len(rules)))) == set()


def test_a_set_answer_leaves_out_the_pattern_that_matches_every_text() -> None:
    rules = default_ruleset().rules[:5]
    matcher = re2_set(rules)
    assert set_matches(matcher, b"", len(rules)) == []
    assert set_matches(_GaveUp(), b"anything", len(rules)) is None


class _GaveUp:
    """Stands for a re2.Set whose DFA gave up: its answer is empty."""

    def Match(self, data: bytes) -> list[int]:
        return []


def test_only_the_most_recently_used_subset_sets_are_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each kept subset holds DFA memory of its own: at most ``_SUBSETS`` stay compiled."""
    rules = default_ruleset().rules[:12]
    scanner = compile_scanner(rules, "re2")
    built: list[tuple[int, ...]] = []
    real = base.re2_sets

    def recording(*args: object) -> object:
        built.append(tuple(args[2]))  # type: ignore[arg-type]
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(base, "re2_sets", recording)
    subsets = [tuple(range(k, k + 2)) for k in range(base._SUBSETS + 1)]
    text = TEXTS[0].encode()
    for subset in subsets[:-1]:
        scanner.subset_fired(text, subset)
    scanner.subset_fired(text, subsets[0])  # used again: now the most recent
    scanner.subset_fired(text, subsets[-1])  # one too many: the least recent goes
    assert built == subsets  # the reused one was not built again
    scanner.subset_fired(text, subsets[0])
    scanner.subset_fired(text, subsets[1])
    assert built == [*subsets, subsets[1]]  # the dropped one is built anew
