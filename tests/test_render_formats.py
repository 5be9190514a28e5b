"""Renderers beyond the golden files: escaping, error rows, YAML equals JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from triage import assess_paths, default_ruleset
from triage.outputs import (
    FORMATS,
    draft_request,
    md_code,
    md_escape,
    needs_asking,
    render,
    render_bytes,
    render_json,
    render_markdown,
)
from triage.report import Report

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def reference() -> Report:
    return assess_paths([ROOT / "seeds" / "INDEX.md"])


def _with_broken_seed(tmp_path: Path) -> Report:
    index = tmp_path / "INDEX.md"
    index.write_text("- [gone](gone.txt)\n- [here](here.txt)\n", encoding="utf-8")
    (tmp_path / "here.txt").write_text("We argue that the decision was wrong.", encoding="utf-8")
    return assess_paths([index])


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a | b", "a \\| b"),
        ("*not bold* and _not italic_", "\\*not bold\\* and \\_not italic\\_"),
        ("<script>", "\\<script\\>"),
        ("two\nlines", "two lines"),
        ("[link](x)", "\\[link\\](x)"),
    ],
)
def test_md_escape(text: str, escaped: str) -> None:
    assert md_escape(text) == escaped


@pytest.mark.parametrize(
    ("text", "code"), [("a.txt", "`a.txt`"), ("a`b", "``a`b``"), ("`x", "`` `x ``")]
)
def test_md_code(text: str, code: str) -> None:
    assert md_code(text) == code


def test_markdown_table_has_one_row_per_seed(tmp_path: Path) -> None:
    report = _with_broken_seed(tmp_path)
    lines = render_markdown(report).splitlines()
    rows = [line for line in lines if line.startswith("| `")]
    assert len(rows) == len(report.seeds) == 2
    assert "| **error** |" in rows[0]
    assert any(line.startswith("Could not be triaged: ") for line in lines)


def test_markdown_quotes_every_piece_of_evidence(reference: Report) -> None:
    text = render_markdown(reference)
    for hit in reference.seeds[0].evidence:
        assert f"> line {hit.line}, column {hit.column} (`{hit.rule}`):" in text


def test_yaml_holds_the_same_data_as_json(reference: Report) -> None:
    assert yaml.safe_load(render(reference, "yaml")) == json.loads(render_json(reference))


def test_json_leaves_scores_out(reference: Report) -> None:
    assert "scores" not in json.loads(render_json(reference))["seeds"][0]


@pytest.mark.parametrize("fmt", FORMATS)
def test_bytes_are_the_rendered_text_in_utf8(reference: Report, fmt: str) -> None:
    assert render_bytes(reference, fmt) == render(reference, fmt).encode("utf-8")


@pytest.mark.parametrize("keep_scores", [True, False])
def test_json_bytes_equal_the_json_text(keep_scores: bool) -> None:
    report = assess_paths([ROOT / "seeds" / "INDEX.md"], keep_scores=keep_scores)
    assert (report.seeds[0].scores is not None) is keep_scores
    assert render_bytes(report, "json") == render_json(report).encode("utf-8")
    assert "scores" not in json.loads(render_bytes(report, "json"))["seeds"][0]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_ends_with_one_newline(reference: Report, fmt: str) -> None:
    text = render(reference, fmt)
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_ask_lists_unreadable_seeds(tmp_path: Path) -> None:
    report = _with_broken_seed(tmp_path)
    assert needs_asking(report)
    message = draft_request(report, default_ruleset().policy)
    # By its own name and in the requester's words: no local path, no operator advice.
    expected = "`gone.txt`: we could not read it (it was not among the files we received)"
    assert expected in message
    assert str(tmp_path) not in message
