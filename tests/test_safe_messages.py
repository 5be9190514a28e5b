"""Follow-ups of issue 14: error lines carry no raw control character; eval's -o is guarded."""

from __future__ import annotations

from pathlib import Path

import pytest

from triage.cli import main

LABELS = """- file: docs/a.txt
  verdict: not-a-spec
  genre: recipe
  signals: {software_spec: false, hardware_target: false, performance_core: false}
"""


def test_an_error_line_shows_a_control_character_as_an_escape(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = tmp_path / "rules\x1b]0;owned\x07"
    assert main(["--rules", str(hostile), str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err
    assert "\\x1b" in err


def test_eval_refuses_to_write_over_its_labels(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("Mix flour and water.", encoding="utf-8")
    labels = tmp_path / "labels.yaml"
    labels.write_text(LABELS, encoding="utf-8")
    assert main(["eval", str(tmp_path), "-o", str(labels)]) == 2
    assert labels.read_text(encoding="utf-8") == LABELS
    assert "is one of this run's inputs" in capsys.readouterr().err
