"""Parallel runs: reports in index order and identical for any job count; the CLI options."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest

from triage.cli import main
from triage.inputs import collect_targets
from triage.outputs import render
from triage.run import MANY_SEEDS, assess_file, assess_paths, default_jobs
from triage.run.batch import collector_paused
from triage.run.processes import MAX_CHUNK, chunk_ranges
from triage.scan import hyperscan_available

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


@pytest.mark.slow  # on a cold cache, the default rules' Hyperscan database is compiled first
def test_reports_are_identical_with_the_hyperscan_engine(bundle: Path) -> None:
    if not hyperscan_available():
        pytest.skip("hyperscan is not installed")
    one = assess_paths([bundle], jobs=1, engine="re2").model_dump_json()
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


def test_a_bundle_gives_the_reports_of_one_seed_at_a_time(
    bundle: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (bundle.parent / "binary.md").write_bytes(b"\x00\x01 not text")
    (bundle.parent / "big.txt").write_text("The system shall export CSV.\n" * 40, encoding="utf-8")
    monkeypatch.setattr("triage.inputs.pieces.LARGE_FILE_BYTES", 1000)  # big.txt: in pieces
    with bundle.open("a", encoding="utf-8") as index:
        index.write("- [binary](binary.md)\n- [big](big.txt)\n- [out](../outside.md)\n")
    targets = collect_targets([bundle], False)
    for jobs in (1, 2):
        report = assess_paths([bundle], engine="re2", max_bytes=1 << 20, jobs=jobs)
        one_by_one = [
            assess_file(t.path, listed=t.listed, max_bytes=1 << 20, engine="re2").model_copy(
                update={"file": t.shown}
            )
            if t.path is not None
            else None
            for t in targets
        ]
        errors = [seed.error for seed in report.seeds]
        assert errors.count(None) == 25
        assert "NUL" in (errors[25] or "")
        assert report.seeds[26].verdict is not None
        assert "leaves the index's folder" in (errors[27] or "")
        assert "not found" in (errors[24] or "")
        for seed, expected in zip(report.seeds, one_by_one, strict=True):
            if expected is not None:
                assert seed == expected


@pytest.mark.parametrize(("total", "jobs"), [(1, 2), (25, 2), (2000, 2), (2000, 3), (999, 8)])
def test_chunks_cover_every_seed_once_and_shrink_where_the_processes_meet(
    total: int, jobs: int
) -> None:
    chunks = chunk_ranges(total, jobs)
    assert [i for chunk in chunks for i in chunk] == list(range(total))
    assert max(len(chunk) for chunk in chunks) <= MAX_CHUNK
    if total >= 2000:
        meeting = total * (jobs - 1) // jobs
        near = next(chunk for chunk in chunks if meeting in chunk)
        assert len(near) < len(chunks[0]) and len(near) < max(len(c) for c in chunks[-5:])


def test_what_is_made_while_the_collector_is_paused_is_not_left_young() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        made = [[number] for number in range(20_000)]
    assert gc.isenabled()
    # Left young, the 20,000 lists would be scanned by the next collection (and the one after):
    # they are in the oldest generation, and not frozen there for good.
    assert any(obj is made[-1] for obj in gc.get_objects(generation=2))
    assert gc.get_freeze_count() == 0
