"""Command line: exit codes, the JSON contract, determinism and one-line user errors."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DESIGN_CARD, REFERENCE_SEED, REFERENCE_SUMMARY, ROOT
from triage.cli import main


def run(args: list[str], cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "triage", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )


def test_no_argument_triages_seeds_index_and_fails_on_not_a_spec() -> None:
    result = run([])
    assert result.returncode == 1
    assert "seeds/000_cf8943a875352be7.txt  not-a-spec" in result.stdout
    assert REFERENCE_SUMMARY in result.stdout
    assert "bundle: not buildable" in result.stdout


def test_design_card_example_passes() -> None:
    result = run(["examples/design-card"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "buildable" in result.stdout and "design card — software spec" in result.stdout


@pytest.mark.parametrize(
    ("fail_on", "code"), [("never", 0), ("not-a-spec", 1), ("needs-clarification", 1)]
)
def test_fail_on_sets_the_exit_code(fail_on: str, code: int) -> None:
    assert main(["--fail-on", fail_on, str(REFERENCE_SEED)]) == code


def test_json_contract() -> None:
    result = run(["--format", "json", "seeds/INDEX.md"])
    data = json.loads(result.stdout)
    [seed] = data["seeds"]
    assert seed["path"] == "000_cf8943a875352be7.txt"
    assert seed["verdict"] == "not-a-spec"
    assert seed["genre"] == "opinion article"
    assert seed["summary"] == REFERENCE_SUMMARY
    assert seed["dimensions"] == {
        "software_spec": False,
        "hardware_target": False,
        "performance_core": False,
    }
    assert seed["questions"]
    assert {"rule", "line", "column", "excerpt"} <= set(seed["evidence"][0])
    assert data["bundle"]["verdict"] == "not-a-spec"


def test_json_output_is_byte_identical_across_runs() -> None:
    first = run(["--format", "json", "seeds/INDEX.md", "examples/design-card"])
    second = run(["--format", "json", "seeds/INDEX.md", "examples/design-card"])
    assert first.stdout == second.stdout and first.stdout


def test_unreadable_seed_is_an_error_row_and_the_rest_go_on(tmp_path: Path) -> None:
    shutil.copy(DESIGN_CARD, tmp_path / "card.md")
    (tmp_path / "INDEX.md").write_text("- [missing](gone.txt)\n- [card](card.md)\n")
    result = run(["--format", "json", str(tmp_path)])
    assert result.returncode == 2
    seeds = json.loads(result.stdout)["seeds"]
    assert seeds[0]["error"] and seeds[0]["verdict"] is None
    assert seeds[1]["verdict"] == "buildable"


def test_broken_rule_file_stops_before_scanning_with_one_line(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("pack: bad\nrules:\n  - id: x\n    kind: regex\n")
    result = run(["--rules", str(tmp_path)])
    assert result.returncode == 2
    assert result.stdout == ""
    assert "bad.yaml:3: rule x:" in result.stderr
    assert "Traceback" not in result.stderr


def test_usage_error_exits_2() -> None:
    assert run(["--format", "nope"]).returncode == 2


def test_rules_test_and_list() -> None:
    tested = run(["rules", "test"])
    assert tested.returncode == 0 and "0 failing examples" in tested.stdout
    listed = run(["rules", "list"])
    assert "modal-shall" in listed.stdout and "requirement" in listed.stdout


def test_empty_index_is_an_error_row(tmp_path: Path) -> None:
    (tmp_path / "INDEX.md").write_text("# nothing here\n")
    result = run([str(tmp_path)])
    assert result.returncode == 2 and "lists no seeds" in result.stdout
