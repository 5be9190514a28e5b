"""Configuration from [tool.triage] and triage.yaml; command-line flags win."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from triage.cli import Config, find_pyproject, load_config, main
from triage.outputs import FAIL_LEVELS, FORMATS

ROOT = Path(__file__).resolve().parent.parent
OPINION = ROOT / "seeds" / "000_cf8943a875352be7.txt"


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder with one not-a-spec seed, as the working folder."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "opinion.txt").write_text(OPINION.read_text(encoding="utf-8"), encoding="utf-8")
    (seeds / "INDEX.md").write_text("- [opinion](opinion.txt)\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _pyproject(folder: Path, table: str) -> None:
    (folder / "pyproject.toml").write_text(f"[project]\nname = 'x'\n\n[tool.triage]\n{table}\n")


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_registered_format_is_a_valid_configuration(fmt: str) -> None:
    assert Config.model_validate({"format": fmt}).format == fmt


@pytest.mark.parametrize("level", FAIL_LEVELS)
def test_every_fail_level_is_a_valid_configuration(level: str) -> None:
    assert Config.model_validate({"fail-on": level}).fail_on == level


def test_fail_levels_are_the_verdicts_below_buildable_and_never() -> None:
    assert FAIL_LEVELS == ("not-a-spec", "needs-clarification", "never")


def test_an_unknown_format_is_refused_in_plain_words() -> None:
    with pytest.raises(ValidationError) as caught:
        Config.model_validate({"format": "pdf"})
    expected = "use one of 'text', 'json', 'markdown', 'yaml' or 'sarif'"
    assert caught.value.errors()[0]["msg"] == expected


def test_pyproject_sets_format_and_fail_on(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _pyproject(project, 'format = "json"\nfail-on = "never"')
    assert main([]) == 0
    assert json.loads(capsys.readouterr().out)["bundle"]["verdict"] == "not-a-spec"


def test_flags_win_over_configuration(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _pyproject(project, 'format = "json"\nfail-on = "never"')
    assert main(["--format", "text", "--fail-on", "not-a-spec"]) == 1
    assert capsys.readouterr().out.startswith("seeds/opinion.txt  not-a-spec")


def test_triage_yaml_in_the_seeds_folder_wins_over_pyproject(project: Path) -> None:
    _pyproject(project, 'format = "json"\nfail-on = "never"')
    (project / "seeds" / "triage.yaml").write_text("format: markdown\n", encoding="utf-8")
    config = load_config([], project)
    assert (config.format, config.fail_on) == ("markdown", "never")


def test_pyproject_is_found_from_a_subfolder(project: Path) -> None:
    _pyproject(project, 'format = "yaml"')
    deeper = project / "a" / "b"
    deeper.mkdir(parents=True)
    assert find_pyproject(deeper) == project / "pyproject.toml"


def test_pyproject_without_a_triage_table_is_skipped(project: Path) -> None:
    _pyproject(project, 'format = "yaml"')
    inner = project / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text("[project]\nname = 'inner'\n", encoding="utf-8")
    assert find_pyproject(inner) == project / "pyproject.toml"


def test_rule_folders_are_relative_to_the_config_file(project: Path) -> None:
    _pyproject(project, 'rules = ["extra-rules"]\ndisable = ["modal-shall"]')
    config = load_config([], project / "seeds")
    assert config.rules == (project / "extra-rules",)
    assert config.disable == ("modal-shall",)


def test_configured_and_given_ids_add_up(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rule_ids = [line.split()[0] for line in _rules_list(capsys, [])]
    first, second = rule_ids[0], rule_ids[1]
    _pyproject(project, f'disable = ["{first}"]')
    remaining = _rules_list(capsys, ["--disable", second])
    assert len(remaining) == len(rule_ids) - 2
    assert not {first, second} & {line.split()[0] for line in remaining}


def _rules_list(capsys: pytest.CaptureFixture[str], extra: list[str]) -> list[str]:
    assert main(["rules", "list", *extra]) == 0
    return capsys.readouterr().out.splitlines()


def test_no_config_ignores_the_files(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _pyproject(project, 'format = "json"\nfail-on = "never"')
    assert main(["--no-config"]) == 1
    assert capsys.readouterr().out.startswith("seeds/opinion.txt")


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('format = "pdf"', "tool.triage.format: use one of 'text', 'json'"),
        ('colour = "yes"', "tool.triage.colour: not a known key; remove it or check its spelling"),
        ("fail-on = 3", "tool.triage.fail-on: use one of 'not-a-spec'"),
    ],
)
def test_bad_pyproject_is_refused_with_its_key(
    project: Path, capsys: pytest.CaptureFixture[str], table: str, message: str
) -> None:
    _pyproject(project, table)
    assert main([]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"triage: {project / 'pyproject.toml'}: ")
    assert message in err


def test_bad_triage_yaml_points_at_the_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "seeds" / "triage.yaml").write_text("format: text\nfail-on: sometimes\n", "utf-8")
    assert main([]) == 2
    expected = "triage: seeds/triage.yaml:2: fail-on: use one of 'not-a-spec'"
    assert expected in capsys.readouterr().err


def test_empty_triage_yaml_is_an_empty_configuration(project: Path) -> None:
    (project / "seeds" / "triage.yaml").write_text("", encoding="utf-8")
    assert load_config([], project).format is None


def test_merge_keeps_sources_in_order(project: Path) -> None:
    _pyproject(project, 'format = "json"')
    (project / "seeds" / "triage.yaml").write_text("format: yaml\n", encoding="utf-8")
    config = load_config([Path("seeds")], project)
    assert config.sources == (str(project / "pyproject.toml"), str(Path("seeds/triage.yaml")))
    assert Config().sources == ()


def test_a_repeated_key_in_triage_yaml_names_both_lines(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "seeds" / "triage.yaml").write_text("format: json\nformat: text\n", "utf-8")
    assert main([]) == 2
    assert capsys.readouterr().err == (
        "triage: seeds/triage.yaml:2: key 'format' appears twice (first at line 1); keep one\n"
    )


@pytest.mark.parametrize(
    "text",
    [
        "format: [1]\n",
        "rules: 3\n",
        "disable: {a: 1}\n",
        "fail-on: 7\ncolour: red\n",
        "- a list\n",
        "format: \x00\n",
        "format: pdf\n",
    ],
)
def test_config_errors_carry_no_pydantic_wording(
    project: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    (project / "seeds" / "triage.yaml").write_text(text, encoding="utf-8")
    assert main([]) == 2
    err = capsys.readouterr().err
    assert err.startswith("triage: seeds/triage.yaml")
    for wording in ("Input should", "Extra inputs", "pydantic", "http", "Traceback"):
        assert wording not in err
