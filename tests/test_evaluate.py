"""Evaluation against labels and the explain trace, on the project's own labelled fixtures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import REFERENCE_SEED, ROOT
from tests.test_cli import run
from triage import default_ruleset
from triage.report import Dimensions, SeedReport
from triage.run import Label, evaluate, score

FIXTURES = ROOT / "tests" / "fixtures" / "labelled"


def test_own_fixtures_are_judged_as_labelled() -> None:
    report = evaluate(FIXTURES, default_ruleset())
    assert report.verdict_accuracy == 1.0
    assert report.genre_accuracy == 1.0
    assert all(dim.f1 == 1.0 for dim in report.dimensions.values())


def test_own_fixtures_are_judged_as_labelled_by_the_rules_alone() -> None:
    ruleset = default_ruleset()
    update = {"fitted_genre": None, "fitted_verdict": None}
    policy = ruleset.policy.model_copy(update=update)  # a new fingerprint: no cached judgments
    alone = ruleset.model_copy(update={"policy": policy, "fingerprint": "rules-alone"})
    report = evaluate(FIXTURES, alone)
    assert report.verdict_accuracy == 1.0
    assert report.genre_accuracy == 1.0


def _seed(verdict: str, genre: str, software: bool) -> SeedReport:
    dims = Dimensions(software_spec=software, hardware_target=False, performance_core=False)
    return SeedReport(path="x", file="x", verdict=verdict, genre_id=genre, dimensions=dims)


def _label(verdict: str, genre: str, software: bool, borderline: bool = False) -> Label:
    signals = {"software_spec": software, "hardware_target": False, "performance_core": False}
    return Label(file="x", verdict=verdict, genre=genre, signals=signals, borderline=borderline)


def test_figures_are_computed_from_labels_and_borderline_is_left_out() -> None:
    labels = [
        _label("buildable", "design-card", True),
        _label("not-a-spec", "opinion-article", False),
        _label("not-a-spec", "news-report", False),
        _label("buildable", "design-card", True, borderline=True),
    ]
    reports = [
        _seed("buildable", "design-card", True),
        _seed("buildable", "requirements-spec", True),
        _seed("not-a-spec", "news-report", False),
        _seed("not-a-spec", "opinion-article", False),
    ]
    report = score(labels, reports)
    assert report.scored == 3 and report.borderline == 1
    assert report.verdict_accuracy == round(2 / 3, 4)
    assert report.genre_accuracy == round(2 / 3, 4)
    assert report.not_a_spec_called_buildable == 0.5
    assert report.confusion["not-a-spec"]["buildable"] == 1
    software = report.dimensions["software_spec"]
    assert (software.precision, software.recall) == (0.5, 1.0)
    assert len(report.misses) == 2  # the wrong one, and the borderline one, listed but not scored


def test_eval_command_prints_figures_and_json() -> None:
    text = run(["eval", str(FIXTURES)])
    assert text.returncode == 0
    assert "verdict accuracy 1.000" in text.stdout and "confusion" in text.stdout
    data = json.loads(run(["eval", "--format", "json", str(FIXTURES)]).stdout)
    assert data["documents"] == 24 and data["borderline"] == 1
    assert set(data["dimensions"]["performance_core"]) >= {"precision", "recall", "f1"}


def test_eval_on_a_folder_without_labels_is_an_error(tmp_path: Path) -> None:
    result = run(["eval", str(tmp_path)])
    assert result.returncode == 2 and "no labels*.yaml" in result.stderr


def test_explain_shows_rules_points_and_the_verdict_chain() -> None:
    result = run(["explain", str(REFERENCE_SEED)])
    assert result.returncode == 0
    out = result.stdout
    assert "opinion = " in out and "charged-vocabulary:" in out
    assert "software_spec:" in out and "intends no build" in out
    assert "genre: opinion article" in out
    assert "HOLDS" in out and "→ not-a-spec" in out


_GOOD = (
    "- {file: docs/a.txt, verdict: not-a-spec, genre: opinion-article, "
    "signals: {software_spec: false, hardware_target: false, performance_core: false}}\n"
)


@pytest.mark.parametrize(
    ("record", "field"),
    [
        (_GOOD.replace("opinion-article", "gossip"), "genre: unknown genre id 'gossip'"),
        (_GOOD.replace("verdict: not-a-spec", "verdict: maybe"), "verdict: 'maybe'"),
        (_GOOD.replace("docs/a.txt", "docs/missing.txt"), "file: no such file"),
        (_GOOD.replace("hardware_target: false, ", ""), "signals.hardware_target: missing"),
        (_GOOD.replace("software_spec: false", "software_spec: maybe"), "signals.software_spec"),
        (_GOOD.replace("signals: ", "tags: "), "signals: missing"),
    ],
)
def test_a_wrong_label_is_an_error_naming_file_record_and_field(
    tmp_path: Path, record: str, field: str
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("I think so.\n", encoding="utf-8")
    (tmp_path / "labels.yaml").write_text(_GOOD + record, encoding="utf-8")
    result = run(["eval", str(tmp_path)])
    assert result.returncode == 2
    line = next(x for x in result.stderr.splitlines() if field in x)
    assert str(tmp_path / "labels.yaml") in line and "record 2 (docs/" in line
    assert "verdict accuracy" not in result.stdout
