"""Rule packs: every rule's own examples, and the errors a broken rule file gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from triage import RuleError, default_ruleset, load_rules
from triage.rulebook import default_rules_dir, example_failures

RULES = default_ruleset().rules


def _example_cases() -> list[tuple[str, str, str]]:
    cases = []
    for rule in RULES:
        cases += [(rule.id, "fires", text) for text in rule.examples.fires]
        cases += [(rule.id, "quiet", text) for text in rule.examples.quiet]
    return cases


def _case_id(case: tuple[str, str, str]) -> str:
    rule_id, kind, text = case
    index = [t for r, k, t in _example_cases() if r == rule_id and k == kind].index(text)
    return f"{rule_id}:{kind}:{index}"


@pytest.mark.parametrize("case", _example_cases(), ids=_case_id)
def test_rule_example(case: tuple[str, str, str]) -> None:
    rule_id, kind, text = case
    rule = default_ruleset().rule(rule_id)
    failures = [f for f in example_failures(rule) if repr(text) in f]
    assert not failures, f"{rule_id} {kind}: {failures}"


def test_every_rule_has_examples_both_ways_and_a_description() -> None:
    for rule in RULES:
        assert rule.examples.fires and rule.examples.quiet, rule.id
        assert rule.description.strip(), rule.id


def test_every_signal_is_fed_by_some_rule() -> None:
    fed = {rule.signal for rule in RULES}
    assert set(default_ruleset().policy.signals) <= fed


def _pack(tmp_path: Path, body: str) -> Path:
    folder = tmp_path / "user-rules"
    folder.mkdir()
    (folder / "mine.yaml").write_text(body, encoding="utf-8")
    return folder


GOOD_RULE = """\
pack: mine
rules:
  - id: my-rule
    kind: phrases
    signal: feature
    phrases: ["frobnicate"]
    description: Frobnication is a feature.
    examples: {fires: ["we frobnicate"], quiet: ["nothing here"]}
"""


REGEX = 'kind: phrases\n    signal: feature\n    phrases: ["frobnicate"]'


def test_user_rules_are_added(tmp_path: Path) -> None:
    ruleset = load_rules([_pack(tmp_path, GOOD_RULE)])
    assert ruleset.rule("my-rule").signal == "feature"
    assert len(ruleset.rules) == len(RULES) + 1


def test_rules_can_be_disabled_by_id() -> None:
    victim = RULES[0].id
    ruleset = load_rules(disable=[victim])
    assert victim not in {rule.id for rule in ruleset.rules}


def test_disabling_an_unknown_id_is_an_error() -> None:
    with pytest.raises(RuleError, match="no rule has the id 'no-such-rule'"):
        load_rules(disable=["no-such-rule"])


def _regex(pattern: str) -> tuple[str, str]:
    return REGEX, f"kind: regex\n    signal: feature\n    regex: '{pattern}'"


BROKEN = [
    (("signal: feature", "signal: featur"), r"mine.yaml:5: rule my-rule: signal: unknown signal"),
    (_regex("(a"), r"mine.yaml:6: rule my-rule: regex: not a valid"),
    (_regex("(x)\\1"), r"rule my-rule: regex: not a valid"),
    (_regex("(?=x)y"), r"rule my-rule: regex: not a valid"),
    (_regex("a*"), r"rule my-rule: regex: can match the empty"),
    (("kind: phrases", "kind: phrases\n    colour: red"), r"mine.yaml:\d+: rule my-rule: colour:"),
    (('phrases: ["frobnicate"]', "phrases: []"), r"mine.yaml:\d+: rule my-rule: phrases: "),
    (
        ("id: my-rule", "id: My Rule"),
        r"mine.yaml:3: rule My Rule: id: use lowercase letters and digits",
    ),
    (("    description: Frobnication is a feature.\n", ""), r"rule my-rule: description: missing"),
    (("rules:", "rules: ["), r"mine.yaml:\d+:\d+: invalid YAML"),
]


@pytest.mark.parametrize(("change", "message"), BROKEN)
def test_broken_rule_file_names_file_line_rule_and_reason(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    folder = _pack(tmp_path, GOOD_RULE.replace(*change))
    with pytest.raises(RuleError, match=message):
        load_rules([folder])


def test_duplicate_rule_ids_are_refused_with_both_places(tmp_path: Path) -> None:
    duplicate = GOOD_RULE.replace("my-rule", RULES[0].id)
    with pytest.raises(
        RuleError, match=rf"rule {RULES[0].id}: duplicate id \(first at .*\.yaml:\d+\)"
    ):
        load_rules([_pack(tmp_path, duplicate)])


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    two_bad = GOOD_RULE + GOOD_RULE.replace("my-rule", "other").replace("feature", "nope")
    two_bad = two_bad.replace("pack: mine\nrules:\n", "pack: mine\nrules:\n", 1)
    body = two_bad.replace("\npack: mine\nrules:\n", "\n")
    body = body.replace('phrases: ["frobnicate"]', 'phrases: [""]', 1)
    with pytest.raises(RuleError) as caught:
        load_rules([_pack(tmp_path, body)])
    assert len(caught.value.problems) == 2


def test_yaml_alias_bomb_is_refused(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    with pytest.raises(RuleError, match="too many YAML nodes"):
        load_rules([_pack(tmp_path, "\n".join(lines) + "\n")])


def test_defaults_live_in_the_package_or_the_checkout() -> None:
    assert (default_rules_dir() / "policy.yaml").is_file()
