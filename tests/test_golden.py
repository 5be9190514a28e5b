"""Golden outputs: every format on the reference seed and the design card, byte for byte.

Rules and scoring change; when they do, regenerate with
``UPDATE_GOLDEN=1 pytest tests/test_golden.py`` and review the diff of ``tests/golden/``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from triage.cli import main

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
BUNDLES = {
    "reference": "seeds/INDEX.md",
    "design-card": "examples/design-card/INDEX.md",
}
FORMATS = {"text": "txt", "json": "json", "markdown": "md", "yaml": "yaml", "sarif": "sarif"}
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def _run(args: list[str], out: Path, monkeypatch: pytest.MonkeyPatch) -> bytes:
    monkeypatch.chdir(ROOT)
    main([*args, "--no-config", "--output", str(out), *([] if args[0] == "ask" else ["-qq"])])
    return out.read_bytes()


def _check(name: str, produced: bytes) -> None:
    golden = GOLDEN / name
    if UPDATE:
        golden.write_bytes(produced)
    assert golden.is_file(), f"missing {golden}; run UPDATE_GOLDEN=1 pytest tests/test_golden.py"
    assert produced == golden.read_bytes(), f"{name} differs; regenerate with UPDATE_GOLDEN=1"


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("bundle", sorted(BUNDLES))
def test_format_matches_golden(
    bundle: str, fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / f"report.{FORMATS[fmt]}"
    produced = _run([BUNDLES[bundle], "--format", fmt], out, monkeypatch)
    _check(f"{bundle}.{FORMATS[fmt]}", produced)


def test_ask_matches_golden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    produced = _run(["ask", BUNDLES["reference"]], tmp_path / "ask.md", monkeypatch)
    _check("reference.ask.md", produced)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_same_input_gives_same_bytes(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _run([BUNDLES["reference"], "--format", fmt], tmp_path / "a", monkeypatch)
    second = _run([BUNDLES["reference"], "--format", fmt], tmp_path / "b", monkeypatch)
    assert first == second


def test_every_golden_file_is_checked() -> None:
    expected = {f"{b}.{ext}" for b in BUNDLES for ext in FORMATS.values()} | {"reference.ask.md"}
    present = {p.name for p in GOLDEN.iterdir()} if GOLDEN.is_dir() else set()
    assert present == expected
