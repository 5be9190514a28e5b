"""SARIF output: valid against the official 2.1.0 schema, one result per seed below --fail-on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from triage import assess_paths
from triage.outputs import RenderOptions, artifact_uri, render_sarif
from triage.report import Report

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((Path(__file__).parent / "fixtures" / "sarif-schema-2.1.0.json").read_text())
VALIDATOR = jsonschema.Draft4Validator(SCHEMA)
FEATURE_TEXT = (
    "The tool shall accept a CSV file and shall print one line per record. "
    "Users must be able to filter records by date. " * 4
)


def _report(paths: list[str], monkeypatch: pytest.MonkeyPatch) -> Report:
    monkeypatch.chdir(ROOT)
    return assess_paths(paths)


def _sarif(report: Report, fail_on: str) -> dict[str, Any]:
    log = json.loads(render_sarif(report, RenderOptions(fail_on=fail_on)))
    VALIDATOR.validate(log)
    return log  # type: ignore[no-any-return]


def test_schema_fixture_is_the_official_one() -> None:
    assert SCHEMA["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert SCHEMA["properties"]["version"]["enum"] == ["2.1.0"]
    jsonschema.Draft4Validator.check_schema(SCHEMA)


def test_reference_seed_is_one_error_result(monkeypatch: pytest.MonkeyPatch) -> None:
    report = _report(["seeds/INDEX.md"], monkeypatch)
    (result,) = _sarif(report, "not-a-spec")["runs"][0]["results"]
    seed = report.seeds[0]
    assert result["ruleId"] == "not-a-spec"
    assert result["level"] == "error"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == seed.file
    assert location["region"] == {
        "startLine": seed.evidence[0].line,
        "startColumn": seed.evidence[0].column,
    }
    assert len(result["relatedLocations"]) == len(seed.evidence) - 1
    assert seed.summary and seed.summary in result["message"]["text"]


def test_fail_on_never_reports_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    report = _report(["seeds/INDEX.md"], monkeypatch)
    assert _sarif(report, "never")["runs"][0]["results"] == []


def test_buildable_seed_is_not_a_result(monkeypatch: pytest.MonkeyPatch) -> None:
    report = _report(["examples/design-card/INDEX.md"], monkeypatch)
    assert report.seeds[0].verdict == "buildable"
    for level in ("not-a-spec", "needs-clarification"):
        assert _sarif(report, level)["runs"][0]["results"] == []


def test_needs_clarification_counts_only_from_that_level(tmp_path: Path) -> None:
    seed = tmp_path / "feature.txt"
    seed.write_text(FEATURE_TEXT, encoding="utf-8")
    report = assess_paths([seed])
    verdict = report.seeds[0].verdict
    strict = _sarif(report, "needs-clarification")["runs"][0]["results"]
    lenient = _sarif(report, "not-a-spec")["runs"][0]["results"]
    assert len(strict) == (verdict != "buildable")
    assert len(lenient) == (verdict == "not-a-spec")


def test_unreadable_seed_is_a_seed_error_result(tmp_path: Path) -> None:
    index = tmp_path / "INDEX.md"
    index.write_text("- [missing](missing.txt)\n- [ok](ok.txt)\n", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("An opinion, plainly stated.", encoding="utf-8")
    results = _sarif(assess_paths([index]), "never")["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["seed-error"]
    assert "region" not in results[0]["locations"][0]["physicalLocation"]


def test_rule_index_points_at_the_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    log = _sarif(_report(["seeds/INDEX.md"], monkeypatch), "not-a-spec")
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    for result in log["runs"][0]["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


@pytest.mark.parametrize(
    ("file", "uri"),
    [
        ("seeds/a.txt", "seeds/a.txt"),
        ("seeds/with space.txt", "seeds/with%20space.txt"),
        ("/abs/seed #1.md", "file:///abs/seed%20%231.md"),
    ],
)
def test_artifact_uri(file: str, uri: str) -> None:
    assert artifact_uri(file) == uri


def test_seed_without_evidence_points_at_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    report = _report(["seeds/INDEX.md"], monkeypatch)
    bare = report.model_copy(
        update={"seeds": (report.seeds[0].model_copy(update={"evidence": ()}),)}
    )
    (result,) = _sarif(bare, "not-a-spec")["runs"][0]["results"]
    assert "region" not in result["locations"][0]["physicalLocation"]
    assert "relatedLocations" not in result
