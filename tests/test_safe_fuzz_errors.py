"""Issue 14: errors in files people edit: plain words with a line, never pydantic's or a trace."""

from __future__ import annotations

from pathlib import Path

import pytest

from triage.cli import main

PYDANTIC_WORDING = ("Input should", "Extra inputs", "Field required", "pydantic", "http")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "- {file: a.md, verdict: maybe, genre: x, signals: {}}\n",
            "labels.yaml: record 1 (a.md): verdict: 'maybe' is not one of",
        ),
        (
            "- {file: a.md, verdict: buildable, genre: x}\n",
            "labels.yaml: record 1 (a.md): signals: missing",
        ),
        ("x: 1\n", "labels.yaml: not a labels file: expected a list of records"),
        (
            "- file: a.md\n  file: b.md\n",
            "labels.yaml:2: key 'file' appears twice (first at line 1); keep one",
        ),
        ("- [unclosed\n", "labels.yaml:2:1: invalid YAML"),
    ],
)
def test_a_broken_labels_file_is_refused_in_plain_words(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    text: str,
    expected: str,
) -> None:
    (tmp_path / "labels.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["eval", "."]) == 2
    err = capsys.readouterr().err
    assert f"{expected}" in err, err
    assert not any(wording in err for wording in PYDANTIC_WORDING)


def test_a_labels_file_in_cp1252_is_refused_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "labels.yaml").write_bytes("- {file: café.md}\n".encode("cp1252"))
    monkeypatch.chdir(tmp_path)
    assert main(["eval", "."]) == 2
    assert "byte 0xE9 is not UTF-8" in capsys.readouterr().err
