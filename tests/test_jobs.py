"""Parallel runs: reports in index order and identical for any job count; the CLI options."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from triage.assess import MANY_SEEDS, assess_paths, default_jobs
from triage.cli import main
from triage.render import render
from triage.scanner import hyperscan_available

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def bundle(tmp_path: Path) -> Path:
    sources = [
        *sorted((ROOT / "seeds").glob("*.txt")),
        ROOT / "examples/design-card/design-card.md",
    ]
    texts = [p.read_text(encoding="utf-8") for p in sources]
    lines = []
    for number in range(24):
        name = f"seed-{number:02}.md"
        text = texts[number % len(texts)]
        (tmp_path / name).write_text(text[: len(text) * (number + 1) // 24], encoding="utf-8")
        lines.append(f"- [{name}]({name})")
    lines.append("- [missing](missing.md)")
    (tmp_path / "INDEX.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path / "INDEX.md"


def test_reports_are_identical_for_every_job_count(bundle: Path) -> None:
    one = assess_paths([bundle], jobs=1).model_dump_json()
    assert assess_paths([bundle], jobs=2).model_dump_json() == one
    assert assess_paths([bundle], jobs=3, engine="re2").model_dump_json() == one
    if hyperscan_available():
        assert assess_paths([bundle], jobs=2, engine="hyperscan").model_dump_json() == one


def test_many_seeds_use_every_core_by_default() -> None:
    assert default_jobs(1, size=1 << 30) == 1
    assert default_jobs(MANY_SEEDS - 1) == 1
    assert default_jobs(MANY_SEEDS) == default_jobs(2, size=1 << 30) == (os.cpu_count() or 1)


def test_cli_jobs_option(bundle: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main([str(bundle), "--format", "json", "--jobs", "1"])
    single = capsys.readouterr().out
    main([str(bundle), "--format", "json", "--jobs", "2"])
    assert capsys.readouterr().out == single
    with pytest.raises(SystemExit):
        main([str(bundle), "--jobs", "0"])


@pytest.mark.parametrize("engine", ["re2", "hyperscan"])
def test_version_names_the_engine_in_use(
    engine: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    if engine == "hyperscan":
        pytest.importorskip("hyperscan")
    with pytest.raises(SystemExit):
        main(["--engine", engine, "--version"])
    assert f"(engine: {engine})" in capsys.readouterr().out
    monkeypatch.setenv("TRIAGE_ENGINE", engine)
    with pytest.raises(SystemExit):
        main(["--version"])
    assert f"(engine: {engine})" in capsys.readouterr().out


def test_an_unknown_engine_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TRIAGE_ENGINE", "grep")
    assert main([str(ROOT / "seeds" / "INDEX.md")]) == 2
    assert "unknown engine" in capsys.readouterr().err


@pytest.mark.parametrize("jobs", [1, 2])
def test_reports_without_scores_print_the_same(bundle: Path, jobs: int) -> None:
    full = assess_paths([bundle], jobs=jobs)
    lean = assess_paths([bundle], jobs=jobs, keep_scores=False)
    assert all(seed.scores is None for seed in lean.seeds)
    assert any(seed.scores is not None for seed in full.seeds)
    for fmt in ("json", "text", "markdown", "yaml", "sarif"):
        assert render(lean, fmt) == render(full, fmt)
