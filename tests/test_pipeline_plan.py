"""One Plan per run: the engine chosen once, a seed's path the same whatever its size."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from triage import assess_file, assess_paths
from triage.inputs import PartialDocument, SeedText, make_document
from triage.run import make_plan
from triage.scan import choose_engine

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def bundle(tmp_path: Path) -> Path:
    card = (ROOT / "examples" / "design-card" / "design-card.md").read_text(encoding="utf-8")
    (tmp_path / "card.md").write_text(card, encoding="utf-8")
    (tmp_path / "big.md").write_text((card + "\n\n") * 40, encoding="utf-8")
    (tmp_path / "INDEX.md").write_text("- [c](card.md)\n- [b](big.md)\n- [m](gone.md)\n")
    return tmp_path / "INDEX.md"


def test_the_engine_is_chosen_once_per_run(bundle: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("triage.inputs.pieces.LARGE_FILE_BYTES", 10_000)  # big.md in pieces
    monkeypatch.setattr("triage.inputs.pieces.PIECE_BYTES", 3000)
    asked: list[str | None] = []

    def counting(requested: str | None = None, **options: object) -> str:
        asked.append(requested)
        return choose_engine(requested, **options)  # type: ignore[arg-type]

    monkeypatch.setattr("triage.run.plan.choose_engine", counting)
    report = assess_paths([bundle], engine="re2")
    assert len(asked) == 1
    assert [seed.error is None for seed in report.seeds] == [True, True, False]


def test_a_plan_travels_to_a_worker_as_its_recipe() -> None:
    plan = make_plan(engine="re2", max_bytes=1234, keep_scores=False)
    copy = pickle.loads(pickle.dumps(plan))
    assert (copy.engine, copy.max_bytes, copy.keep_scores) == ("re2", 1234, False)
    assert copy.ruleset.fingerprint == plan.ruleset.fingerprint
    assert copy.scanner is plan.scanner  # the process's compiled scanner, not a new one


def test_a_document_read_in_pieces_is_judged_as_the_whole_one(
    bundle: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = bundle.parent / "big.md"
    whole = assess_file(big, engine="re2")
    monkeypatch.setattr("triage.inputs.pieces.LARGE_FILE_BYTES", 10_000)
    monkeypatch.setattr("triage.inputs.pieces.PIECE_BYTES", 3000)
    assert assess_file(big, engine="re2") == whole
    both: list[SeedText] = [PartialDocument("x"), make_document("x")]  # one shape, say the types
    assert [doc.name for doc in both] == ["x", "<text>"]
