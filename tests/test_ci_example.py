"""The documented CI example: valid YAML, and its triage commands run as written."""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from triage.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "docs" / "ci-example.yml"


def _workflow() -> dict[Any, Any]:
    return yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _triage_commands() -> list[list[str]]:
    steps = _workflow()["jobs"]["triage"]["steps"]
    lines = [line.strip() for step in steps for line in step.get("run", "").splitlines()]
    return [shlex.split(line)[1:] for line in lines if line.startswith("triage ")]


def test_runs_on_pull_requests_that_touch_seeds() -> None:
    trigger = _workflow()[True]  # YAML 1.1 reads the key 'on' as true
    assert trigger["pull_request"]["paths"] == ["seeds/**"]


def test_posts_the_markdown_report_and_fails_the_check() -> None:
    steps = {step.get("name"): step for step in _workflow()["jobs"]["triage"]["steps"]}
    assert "triage-report.md" in steps["Post the report on the pull request"]["run"]
    assert "exit 1" in steps["Fail when the seeds are not buildable"]["run"]
    assert any("--format markdown" in " ".join(cmd) for cmd in _triage_commands())


def test_commands_run_on_a_seed_that_is_not_buildable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    codes = [main(command) for command in _triage_commands()]
    assert codes == [1, 1, 0]
    report = (tmp_path / "triage-report.md").read_text(encoding="utf-8")
    assert report.startswith("# Seed triage") and "not-a-spec" in report
    assert (tmp_path / "triage.sarif").stat().st_size > 0
    assert (tmp_path / "triage-ask.md").read_text(encoding="utf-8").startswith("# ")
