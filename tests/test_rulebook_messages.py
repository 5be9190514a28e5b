"""One message builder for every file a person edits: ``file:line: [rule X: ]field: reason``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from tests.conftest import policy_problems
from triage import RuleError, load_rules
from triage.rulebook import default_rules_dir, load_yaml, validation_messages


class Settings(BaseModel):
    """A configuration-like model, to use the builder the way ``triage.yaml`` does."""

    model_config = ConfigDict(extra="forbid")

    format: str = "text"
    names: tuple[str, ...] = Field(default=("a",), min_length=1)


UNKNOWN = "not a known key; remove it or check its spelling"


def settings_error(path: Path, text: str) -> tuple[ValidationError, dict[Any, int]]:
    """Return the validation error of a settings file and the line of each of its values."""
    path.write_text(text, encoding="utf-8")
    data, lines = load_yaml(path)
    with pytest.raises(ValidationError) as caught:
        Settings.model_validate(data)
    return caught.value, lines


def settings_problems(path: Path, text: str) -> list[str]:
    return validation_messages(path, *settings_error(path, text))


def test_a_value_is_named_by_its_field_and_line(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    found = settings_problems(path, "format: text\ncolour: red\nformat2: 1\n")
    assert found == [
        f"{path}:2: colour: {UNKNOWN}",
        f"{path}:3: format2: {UNKNOWN}",
    ]


def test_an_invalid_item_is_reported_once_without_pydantics_echo(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    found = settings_problems(path, "names:\n  - 3\n")
    assert found == [f"{path}:2: names.0: should be text"]


def test_without_lines_the_line_is_left_out_and_a_prefix_places_the_value(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    error, _ = settings_error(path, "format: [1]\n")
    found = validation_messages(path, error, None, prefix=("tool", "triage"))
    assert found == [f"{path}: tool.triage.format: should be text"]


def line_of_text(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_the_policy_reports_through_the_same_builder(tmp_path: Path) -> None:
    path, found = policy_problems(tmp_path, "\nmin_words:", "\ncolour: red\nmin_words:")
    assert found == [f"{path}:{line_of_text(path, 'colour')}: colour: {UNKNOWN}"]


def test_an_invalid_policy_item_is_reported_once(tmp_path: Path) -> None:
    text = (default_rules_dir() / "policy.yaml").read_text(encoding="utf-8")
    start = text.index("    questions:\n")
    end = text.index("\n  hardware_target:", start)
    path, found = policy_problems(tmp_path, text[start:end], "    questions: [3]")
    line = line_of_text(path, "questions: [3]")
    field = "dimensions.software_spec.questions.0"
    assert found == [f"{path}:{line}: {field}: should be text"]


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ("just a string", "rules.0: should be a mapping (key: value lines)"),
        ("{}", "rule #1: kind: missing or unknown; use one of phrases, regex, near"),
        ("{id: a, kind: [regex]}", "rule a: kind: missing or unknown; use one of"),
        ("{id: 5, kind: regex}", "rule 5: id: should be text"),
    ],
)
def test_a_rule_is_named_by_its_id_or_its_place(tmp_path: Path, item: str, message: str) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    path = folder / "mine.yaml"
    path.write_text(f"pack: mine\nrules:\n  - {item}\n", encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        load_rules([folder])
    assert caught.value.problems[0].startswith(f"{path}:3: {message}")


def test_every_field_of_a_rule_is_reported_in_the_order_of_the_model(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    rule = "{id: A, kind: regex, signal: 3, regex: '', cap: 0, description: '', extra: 1}"
    (folder / "mine.yaml").write_text(f"pack: mine\nrules:\n  - {rule}\n", encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        load_rules([folder])
    fields = [problem.split(": ")[2] for problem in caught.value.problems]
    assert fields == ["id", "signal", "cap", "description", "examples", "regex", "extra"]
