"""A large text file read in pieces gives the same report as read whole."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from triage.inputs import LargeText
from triage.run import assess_file, assess_paths

ROOT = Path(__file__).resolve().parent.parent


def _text(seed: int, size: int) -> str:
    paths = [*sorted((ROOT / "seeds").glob("*")), *sorted((ROOT / "examples").rglob("*.md"))]
    paths.append(ROOT / "README.md")
    lines = [line for p in paths if p.is_file() for line in p.read_text("utf-8").splitlines()]
    rng = random.Random(seed)
    out: list[str] = []
    while sum(len(line) + 1 for line in out) < size:
        out.append(rng.choice(lines))
        if rng.random() < 0.05:
            out.append("")
    return "\n".join(out) + "\n"


def _in_small_pieces(monkeypatch: pytest.MonkeyPatch, large: int = 1) -> None:
    """Make every file of ``large`` bytes or more a large one, read in pieces of 3,000 bytes."""
    monkeypatch.setattr("triage.inputs.pieces.LARGE_FILE_BYTES", large)
    monkeypatch.setattr("triage.inputs.pieces.PIECE_BYTES", 3000)


def _recorded_pieces(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record the file of every piece read."""
    seen: list[Path] = []
    real = LargeText.pieces

    def recording(self: LargeText, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        for piece in real(self, *args, **kwargs):  # type: ignore[arg-type]
            seen.append(self.path)
            yield piece

    monkeypatch.setattr(LargeText, "pieces", recording)
    return seen


def _whole_and_pieces(path: Path, monkeypatch: pytest.MonkeyPatch, engine: str) -> tuple[str, str]:
    whole = assess_file(path, engine=engine).model_dump_json()
    _in_small_pieces(monkeypatch)
    seen = _recorded_pieces(monkeypatch)
    pieces = assess_file(path, engine=engine).model_dump_json()
    assert len(seen) > 10  # really read in pieces
    return whole, pieces


# With hyperscan, on a cold cache, the default rules' database is compiled first: seconds.
@pytest.mark.parametrize("engine", ["re2", pytest.param("hyperscan", marks=pytest.mark.slow)])
@pytest.mark.parametrize("suffix", [".md", ".txt", ".rst"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_file_read_in_pieces_gives_the_same_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: str, suffix: str, seed: int
) -> None:
    if engine == "hyperscan":
        pytest.importorskip("hyperscan")
    path = tmp_path / f"big{suffix}"
    text = _text(seed, 120_000)
    if seed == 2:
        text = "\ufeff" + text.replace("\n", "\r\n")
    if seed == 3:  # old Mac line ends, and a blank line of mixed ones
        text = text.replace("\n", "\r").replace("\r\r", "\r\r\n", 3)
    path.write_text(text, encoding="utf-8", newline="")
    whole, pieces = _whole_and_pieces(path, monkeypatch, engine)
    assert pieces == whole


def test_a_file_that_is_not_utf8_is_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(_text(3, 20_000).encode("utf-8") + "\n\ncaf\xe9 d\xe9j\xe0\n".encode("cp1252"))
    whole = assess_file(path).model_dump_json()
    _in_small_pieces(monkeypatch)
    assert assess_file(path).model_dump_json() == whole


def test_a_binary_file_is_refused_in_pieces_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(b"words\n\n" * 2000 + b"\x00")
    _in_small_pieces(monkeypatch)
    assert "NUL" in (assess_file(path).error or "")


def test_a_large_seed_in_an_index_is_read_in_pieces_and_judged_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "big.md").write_text(_text(4, 60_000), encoding="utf-8")
    (tmp_path / "small.md").write_text("The tool must export a CSV file.\n", encoding="utf-8")
    index = tmp_path / "INDEX.md"
    index.write_text("- [big](big.md)\n- [small](small.md)\n", encoding="utf-8")
    whole = assess_paths([index], engine="re2").model_dump_json()
    _in_small_pieces(monkeypatch, large=10_000)  # big.md is large, small.md is not
    read = _recorded_pieces(monkeypatch)
    assert assess_paths([index], engine="re2").model_dump_json() == whole
    assert {path.name for path in read} == {"big.md"}
    assert len(read) > 10
