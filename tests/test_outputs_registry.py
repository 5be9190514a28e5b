"""The output format registry: one entry is all a new format needs, on every command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REFERENCE_SEED, ROOT
from triage import assess_paths
from triage.cli import main
from triage.outputs import (
    FORMATS,
    OutputFormat,
    RenderOptions,
    evaluation_format_names,
    render,
    render_bytes,
)
from triage.report import Report

LABELLED = ROOT / "tests" / "fixtures" / "labelled"


def _toy(report: Report, options: RenderOptions) -> str:
    return f"toy: {len(report.seeds)} seed(s), fail-on {options.fail_on}\n"


def _toy_evaluation(evaluation: object, options: RenderOptions) -> str:
    return f"toy evaluation of {getattr(evaluation, 'documents', '?')} documents\n"


@pytest.fixture()
def toy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(FORMATS, "toy", OutputFormat(_toy, _toy_evaluation))


@pytest.mark.usefixtures("toy")
def test_a_registered_format_is_a_cli_choice(capsys: pytest.CaptureFixture[str]) -> None:
    code = main([str(REFERENCE_SEED), "--no-config", "--format", "toy", "--fail-on", "never"])
    assert (code, capsys.readouterr().out) == (0, "toy: 1 seed(s), fail-on never\n")


@pytest.mark.usefixtures("toy")
def test_a_registered_format_writes_the_output_file(tmp_path: Path) -> None:
    out = tmp_path / "report.toy"
    assert main([str(REFERENCE_SEED), "--no-config", "--format", "toy", "-o", str(out)]) == 1
    assert out.read_text(encoding="utf-8") == "toy: 1 seed(s), fail-on not-a-spec\n"


@pytest.mark.usefixtures("toy")
def test_a_registered_format_is_a_valid_configuration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "seed.txt").write_text(REFERENCE_SEED.read_text(encoding="utf-8"), "utf-8")
    (tmp_path / "triage.yaml").write_text("format: toy\n", encoding="utf-8")
    assert main([str(tmp_path / "seed.txt")]) == 1
    assert capsys.readouterr().out == "toy: 1 seed(s), fail-on not-a-spec\n"


@pytest.mark.usefixtures("toy")
def test_a_format_that_renders_evaluations_is_an_eval_choice(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert "toy" in evaluation_format_names()
    assert main(["eval", "--format", "toy", str(LABELLED)]) == 0
    assert capsys.readouterr().out == "toy evaluation of 24 documents\n"


def test_a_format_without_an_evaluation_renderer_is_no_eval_choice(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert "markdown" in FORMATS and "markdown" not in evaluation_format_names()
    with pytest.raises(SystemExit) as exited:
        main(["eval", "--format", "markdown", str(LABELLED)])
    assert exited.value.code == 2
    assert "invalid choice: 'markdown'" in capsys.readouterr().err


def test_a_format_named_by_a_dotted_string_is_loaded_when_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(FORMATS, "lazy", OutputFormat("tests.test_outputs_registry:_toy"))
    report = assess_paths([REFERENCE_SEED])
    assert render(report, "lazy") == "toy: 1 seed(s), fail-on not-a-spec\n"
    assert render_bytes(report, "lazy", RenderOptions(fail_on="never")).endswith(b"never\n")


def test_a_plain_run_loads_no_renderer_it_does_not_print_with() -> None:
    lazy = ["triage.outputs.sarif", "triage.outputs.ask", "triage.outputs.schema"]
    lazy += ["triage.outputs.indexer", "triage.outputs.evaluation"]
    code = (
        "import sys; from triage.cli import main; "
        f"main(['--no-config', '--format', 'json', {str(REFERENCE_SEED)!r}]); "
        f"print(sorted(m for m in {lazy!r} if m in sys.modules), file=sys.stderr)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stderr.strip().splitlines()[-1] == "[]"
