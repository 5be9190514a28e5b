"""Broken rule files are refused before any scanning, with file, line, rule id and reason."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from triage import RuleError, load_rules
from triage.rulebook import MAX_FILE_BYTES, default_rules_dir

GOOD = """\
  - id: {rule_id}
    kind: regex
    signal: feature
    regex: 'export\\s+csv'
    description: Asks for a CSV export.
    examples: {{fires: [export csv], quiet: [import csv]}}
"""


def pack(folder: Path, body: str, name: str = "mine") -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text(f"pack: {name}\nrules:\n{body}", encoding="utf-8")
    return path


def problems(folder: Path) -> list[str]:
    with pytest.raises(RuleError) as caught:
        load_rules([folder])
    return caught.value.problems


def one_rule(field_lines: str, rule_id: str = "my-rule") -> str:
    """A rule with good defaults; ``field_lines`` replaces or adds fields (one per line)."""
    fields = {
        "kind": "regex",
        "signal": "feature",
        "regex": "'export\\s+csv'",
        "description": "Asks for a CSV export.",
        "examples": "{fires: [export csv], quiet: [import csv]}",
    }
    for line in field_lines.strip().splitlines():
        key, value = line.split(":", 1)
        fields[key.strip()] = value.strip()
    body = "".join(f"    {key}: {value}\n" for key, value in fields.items() if value != "DROP")
    return f"  - id: {rule_id}\n{body}"


@pytest.mark.parametrize(
    ("fields", "field", "reason"),
    [
        ("colour: red", "colour", "not a known key; remove it or check its spelling"),
        ("regex: '(unclosed'", "regex", "not a valid linear-time (RE2) regex: missing )"),
        ("regex: '(a)\\1'", "regex", "not a valid linear-time (RE2) regex"),
        ("regex: '(?=lookahead)x'", "regex", "not a valid linear-time (RE2) regex"),
        ("signal: vibes", "signal", "unknown signal 'vibes'"),
        ("regex: ''", "regex", "at least 1 character"),
        ("regex: 'x*'", "regex", "can match the empty string"),
        ("regex: '\\b'", "regex", "can match the empty string"),
        ("kind: phrases\nregex: DROP\nphrases: ['']", "phrases.0", "at least 1 character"),
        ("kind: phrases\nregex: DROP\nphrases: []", "phrases", "at least 1 item"),
        ("kind: DROP", "kind", "use one of phrases, regex, near"),
        ("kind: glob", "kind", "use one of phrases, regex, near"),
        ("weight: heavy", "weight", "should be a number"),
        ("examples: {fires: [x]}", "examples.quiet", "missing; add it"),
    ],
    ids=lambda value: str(value)[:24],
)
def test_each_broken_rule_names_file_line_rule_and_reason(
    tmp_path: Path, fields: str, field: str, reason: str
) -> None:
    path = pack(tmp_path / "rules", GOOD.format(rule_id="fine") + one_rule(fields))
    (problem,) = problems(tmp_path / "rules")
    where, rule, named_field, why = problem.split(": ", 3)
    assert where.startswith(f"{path}:")
    assert int(where.rsplit(":", 1)[1]) == expected_line(path, field)
    assert rule == "rule my-rule"
    assert named_field == field
    assert reason in why


def expected_line(path: Path, field: str) -> int:
    """Line of the field in the second rule, or the rule's first line if the field is absent."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(n for n, line in enumerate(lines, 1) if "id: my-rule" in line)
    key = f"    {field.split('.')[0]}:"
    return next((n for n, line in enumerate(lines, 1) if n > start and line.startswith(key)), start)


def test_bad_field_points_at_its_own_line(tmp_path: Path) -> None:
    path = pack(tmp_path / "rules", one_rule("signal: vibes"))
    (problem,) = problems(tmp_path / "rules")
    assert problem.startswith(f"{path}:5: rule my-rule: signal:")


def test_duplicate_id_names_both_places(tmp_path: Path) -> None:
    first = pack(tmp_path / "rules", GOOD.format(rule_id="twice"), "one")
    second = pack(tmp_path / "rules", GOOD.format(rule_id="twice"), "two")
    (problem,) = problems(tmp_path / "rules")
    assert problem == f"{second}:3: rule twice: duplicate id (first at {first}:3)"


def test_a_user_rule_cannot_reuse_a_default_id(tmp_path: Path) -> None:
    default_id = load_rules().rules[0].id
    pack(tmp_path / "rules", GOOD.format(rule_id=default_id))
    (problem,) = problems(tmp_path / "rules")
    assert "duplicate id" in problem


def test_every_problem_of_every_file_is_reported_at_once(tmp_path: Path) -> None:
    pack(tmp_path / "rules", one_rule("colour: red", "a") + one_rule("regex: 'x*'", "b"), "one")
    pack(tmp_path / "rules", one_rule("signal: vibes", "c"), "two")
    found = problems(tmp_path / "rules")
    assert [p.split(": ")[1] for p in found] == ["rule a", "rule b", "rule c"]


def test_invalid_yaml_gives_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "rules" / "mine.yaml"
    path.parent.mkdir()
    path.write_text("pack: mine\nrules:\n  - id: x\n    kind: [regex\n")
    (problem,) = problems(tmp_path / "rules")
    assert problem.startswith(f"{path}:5:1: invalid YAML")


def test_pack_level_problems(tmp_path: Path) -> None:
    path = tmp_path / "rules" / "mine.yaml"
    path.parent.mkdir()
    path.write_text("pack: Not A Name\nrules: {}\nextra: 1\n")
    found = problems(tmp_path / "rules")
    assert any(p.startswith(f"{path}:1: pack:") for p in found)
    assert any(p.startswith(f"{path}:2: rules:") for p in found)
    assert any(p.startswith(f"{path}:3: extra:") for p in found)


def test_huge_rule_file_is_refused_without_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "rules" / "huge.yaml"
    path.parent.mkdir()
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    read = Path.read_bytes

    def refuse_the_huge_file(self: Path) -> bytes:
        assert self != path, "the huge file was read"
        return read(self)

    monkeypatch.setattr(Path, "read_bytes", refuse_the_huge_file)
    (problem,) = problems(tmp_path / "rules")
    assert problem == f"{path}: {MAX_FILE_BYTES + 1} bytes is over the {MAX_FILE_BYTES}-byte limit"


def test_yaml_bomb_is_refused_by_the_node_budget(tmp_path: Path) -> None:
    lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]" for i in range(1, 10)]
    path = tmp_path / "rules" / "bomb.yaml"
    path.parent.mkdir()
    path.write_text("\n".join(lines) + "\n")
    started = time.perf_counter()
    (problem,) = problems(tmp_path / "rules")
    assert time.perf_counter() - started < 5.0
    assert problem == f"{path}: too many YAML nodes (alias expansion?); refused"


def test_deeply_nested_yaml_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "rules" / "deep.yaml"
    path.parent.mkdir()
    path.write_text("pack: deep\nrules: " + "[" * 50_000 + "]" * 50_000 + "\n")
    (problem,) = problems(tmp_path / "rules")
    assert problem == f"{path}: YAML nested too deeply; refused"


def test_unknown_disabled_id(tmp_path: Path) -> None:
    with pytest.raises(RuleError) as caught:
        load_rules(disable=["no-such-rule"])
    assert caught.value.problems == ["--disable: no rule has the id 'no-such-rule'"]


def test_missing_rules_folder(tmp_path: Path) -> None:
    assert problems(tmp_path / "nowhere") == [
        f"{tmp_path / 'nowhere'}: rules folder not found; give a folder of *.yaml rule packs"
    ]


@pytest.mark.parametrize(
    ("encoding", "reason"),
    [
        ("utf-16", "the file is UTF-16 text; save it as UTF-8"),
        ("utf-32", "the file is UTF-32 text; save it as UTF-8"),
    ],
)
def test_a_wide_rule_file_is_refused_with_its_encoding(
    tmp_path: Path, encoding: str, reason: str
) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    path = folder / "mine.yaml"
    path.write_text("pack: mine\nrules:\n" + GOOD.format(rule_id="wide"), encoding=encoding)
    assert problems(folder) == [f"{path}: {reason} and try again"]


def test_a_cp1252_rule_file_is_refused_at_the_byte(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    path = folder / "mine.yaml"
    path.write_bytes(("pack: mine\nrules:\n" + GOOD.format(rule_id="café")).encode("cp1252"))
    (problem,) = problems(folder)
    assert problem.startswith(f"{path}:3:12: byte 0xE9 is not UTF-8")
    assert problem.endswith("save it as UTF-8 and try again")


def test_a_repeated_key_in_a_rule_names_both_lines(tmp_path: Path) -> None:
    path = pack(tmp_path / "rules", one_rule("weight: 2") + "    weight: 5\n")
    (problem,) = problems(tmp_path / "rules")
    first = expected_line(path, "weight")  # the rule's last field, so the repeat is next
    assert problem == (
        f"{path}:{first + 1}: key 'weight' appears twice (first at line {first}); keep one"
    )


def test_a_repeated_key_in_the_policy_names_both_lines(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    text = (default_rules_dir() / "policy.yaml").read_text(encoding="utf-8")
    start = next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith("min_words:"))
    (folder / "policy.yaml").write_text(text + "min_words: 1\n", encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        load_rules([folder], include_defaults=False)
    end = len(text.splitlines()) + 1
    assert caught.value.problems == [
        f"{folder / 'policy.yaml'}:{end}: key 'min_words' appears twice "
        f"(first at line {start}); keep one"
    ]


def test_a_date_yaml_cannot_build_is_a_rule_error(tmp_path: Path) -> None:
    path = pack(tmp_path / "rules", one_rule("description: 2024-13-45"))
    (problem,) = problems(tmp_path / "rules")
    assert problem.startswith(f"{path}:")
    assert "invalid YAML value '2024-13-45'" in problem


def test_a_rule_file_that_is_not_a_regular_file_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    (folder / "folder.yaml").mkdir(parents=True)
    assert problems(folder) == [f"{folder / 'folder.yaml'}: not a regular file; give a YAML file"]


def test_rule_messages_are_in_plain_words(tmp_path: Path) -> None:
    rule = "{id: A, kind: regex, signal: 3, regex: '', cap: 0, description: '', extra: 1}"
    pack(tmp_path / "rules", f"  - {rule}\n  - 7\n  - {{id: b, kind: near, weight: [1]}}\n")
    found = "\n".join(problems(tmp_path / "rules"))
    for pydantic_wording in ("Input should", "Extra inputs", "Field required", "pydantic", "http"):
        assert pydantic_wording not in found


BLANK = "needs a word, not only spaces"
EMPTY = "needs at least 1 character(s)"


@pytest.mark.parametrize(
    ("fields", "field", "reason"),
    [
        ("kind: near\nregex: DROP\nfirst: [export]\nthen: [' ']", "then.0", BLANK),
        ("kind: near\nregex: DROP\nfirst: ['']\nthen: [csv]", "first.0", EMPTY),
        ("kind: phrases\nregex: DROP\nphrases: ['  ']", "phrases.0", BLANK),
    ],
)
def test_a_blank_phrase_in_any_kind_is_refused_not_a_traceback(
    tmp_path: Path, fields: str, field: str, reason: str
) -> None:
    """Found by the fuzz harness: a blank ``near`` phrase raised IndexError while loading."""
    pack(tmp_path / "rules", one_rule(fields))
    (problem,) = problems(tmp_path / "rules")
    assert problem.endswith(f"rule my-rule: {field}: {reason}")
