"""Rule kinds live in one table: a new kind is one model plus one entry in ``RULE_KINDS``."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar, Literal

import pytest
from pydantic import Field

from triage import RuleError, load_rules
from triage.cache import CACHE_VARIABLE, read_entry
from triage.rulebook import RULE_KINDS, RuleBase, RuleSet, example_failures


class WordRule(RuleBase):
    """A toy kind: one word (an RE2 alternation of words is allowed), matched whole."""

    pattern_field: ClassVar[str] = "word"

    kind: Literal["word"]
    word: str = Field(min_length=1)

    def body(self) -> str:
        return rf"\b(?:{self.word})\b"


class OtherWordRule(WordRule):
    """The same toy kind by another model, as when a plugin changes its code."""


TOY_PACK = """\
pack: toy
rules:
  - id: says-frob
    kind: word
    signal: feature
    word: {word}
    description: Says frob.
    examples: {{fires: ["we frob it"], quiet: ["frobnicate"]}}
"""


@pytest.fixture()
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_VARIABLE, str(folder))
    return folder


def toy_rules(tmp_path: Path, word: str = "frob") -> Path:
    folder = tmp_path / "toy-rules"
    folder.mkdir(exist_ok=True)
    (folder / "toy.yaml").write_text(TOY_PACK.format(word=word), encoding="utf-8")
    return folder


def test_every_kind_is_filed_under_its_own_name_and_reports_on_its_own_field() -> None:
    assert list(RULE_KINDS) == ["phrases", "regex", "near"]
    for name, model in RULE_KINDS.items():
        assert model.kind_name() == name
        assert model.pattern_field in model.model_fields


def test_a_kind_added_to_the_table_loads_and_runs_its_examples(
    tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(RULE_KINDS, "word", WordRule)
    rule = load_rules([toy_rules(tmp_path)]).rule("says-frob")
    assert isinstance(rule, WordRule)
    assert rule.pattern() == r"(?mi)\b(?:frob)\b"
    assert example_failures(rule) == []


def test_a_rule_set_with_an_added_kind_comes_back_from_the_cache(
    tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(RULE_KINDS, "word", WordRule)
    first = load_rules([toy_rules(tmp_path)])
    assert load_rules([toy_rules(tmp_path)]) == first
    (entry,) = cache_dir.glob("ruleset-*")
    payload = read_entry("ruleset", entry.name.split("-", 1)[1])
    assert payload is not None
    cached = RuleSet.model_validate_json(payload)
    assert cached == first
    assert isinstance(cached.rule("says-frob"), WordRule)


def test_a_kind_given_another_model_does_not_reuse_the_cached_set(
    tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(RULE_KINDS, "word", WordRule)
    load_rules([toy_rules(tmp_path)])
    monkeypatch.setitem(RULE_KINDS, "word", OtherWordRule)
    assert isinstance(load_rules([toy_rules(tmp_path)]).rule("says-frob"), OtherWordRule)
    assert len(list(cache_dir.glob("ruleset-*"))) == 2


def test_an_added_kind_is_offered_and_checked_like_the_others(
    tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(RULE_KINDS, "word", WordRule)
    folder = toy_rules(tmp_path, word="'('")
    (folder / "more.yaml").write_text("pack: more\nrules:\n  - {id: x, kind: glob}\n")
    with pytest.raises(RuleError) as caught:
        load_rules([folder])
    more, toy = caught.value.problems
    assert more.endswith("rule x: kind: missing or unknown; use one of phrases, regex, near, word")
    assert toy.startswith(f"{folder / 'toy.yaml'}:6: rule says-frob: word: not a valid")


def test_a_kind_not_in_the_table_is_refused(tmp_path: Path, cache_dir: Path) -> None:
    with pytest.raises(RuleError) as caught:
        load_rules([toy_rules(tmp_path)])
    assert caught.value.problems == [
        f"{tmp_path / 'toy-rules' / 'toy.yaml'}:4: rule says-frob: kind: "
        "missing or unknown; use one of phrases, regex, near"
    ]
