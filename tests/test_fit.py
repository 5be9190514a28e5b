"""``triage fit`` and ``triage eval --cv``: deterministic fits, grouped folds, a clear hint."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.test_cli import run
from triage import default_ruleset
from triage.cli import main
from triage.judge import measure
from triage.rulebook import load_weights
from triage.run import Label, assign_folds, cross_validate, fit_corpus, read_corpus

FIXTURES = ROOT / "tests" / "fixtures" / "labelled"


def test_fit_is_deterministic_and_its_file_loads() -> None:
    pytest.importorskip("sklearn")
    ruleset = default_ruleset()
    weights, first = fit_corpus(FIXTURES, ruleset)
    _, second = fit_corpus(FIXTURES, ruleset)
    assert first == second
    assert first.startswith("# Fitted weights") and "23 scored" in first
    assert set(weights.genres) >= {"opinion-article", "requirements-spec"}


def test_fit_command_writes_identical_bytes_twice(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    paths = [tmp_path / "a.yaml", tmp_path / "b.yaml"]
    for path in paths:
        done = run(["fit", str(FIXTURES), "--out", str(path)])
        assert done.returncode == 0, done.stderr
    assert paths[0].read_bytes() == paths[1].read_bytes()
    ruleset = default_ruleset()
    loaded = load_weights(paths[0], ruleset.policy, [r.id for r in ruleset.rules])
    assert loaded.spec.weights


def test_cross_validation_runs_on_a_small_folder() -> None:
    pytest.importorskip("sklearn")
    report = cross_validate(FIXTURES, default_ruleset(), k=3)
    assert "3-fold cross-validation" in report.method
    assert report.scored == 23 and 0.0 <= report.verdict_accuracy <= 1.0
    assert sum(g.support for g in report.genres.values()) == 23
    languages = default_ruleset().policy.languages
    assert report.languages is not None and languages is not None
    assert tuple(report.languages.covered) == languages.covered  # the policy's, not English alone
    done = run(["eval", "--cv", "3", str(FIXTURES)])
    assert done.returncode == 0, done.stderr
    assert "grouped 3-fold cross-validation" in done.stdout
    assert "genre accuracy per labelled genre" in done.stdout


def test_folds_keep_a_source_group_together_and_are_deterministic() -> None:
    none = {"software_spec": False, "hardware_target": False, "performance_core": False}
    labels = [
        Label(file=f"d{i}", verdict="not-a-spec", genre="other", signals=none, group=f"g{i % 4}")
        for i in range(12)
    ]
    folds = assign_folds(labels, 3)
    assert folds == assign_folds(labels, 3)
    by_group: dict[str, set[int]] = {}
    for label, fold in zip(labels, folds, strict=True):
        by_group.setdefault(label.source_group(), set()).add(fold)
    assert all(len(found) == 1 for found in by_group.values())
    assert set(folds) == {0, 1, 2}


def test_fit_without_scikit_learn_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "sklearn", None)
    monkeypatch.setitem(sys.modules, "sklearn.linear_model", None)
    assert main(["fit", str(FIXTURES), "--out", "/nonexistent/w.yaml"]) == 2
    assert "pip install 'seed-triage[fit]'" in capsys.readouterr().err


def test_fit_keeps_the_spec_probability_to_build_and_names_it() -> None:
    pytest.importorskip("sklearn")
    weights, text = fit_corpus(FIXTURES, default_ruleset(), buildable_above=0.7)
    assert weights.buildable_above == 0.7
    assert "buildable_above: 0.7\n" in text and "--buildable-above 0.7" in text
    assert "share:SIGNAL" in text  # the header names the section-coverage features
    assert "genre:GENRE" in text  # and the policy's genre scores


def test_fit_features_end_with_the_policy_genre_scores() -> None:
    ruleset = default_ruleset()
    corpus = read_corpus(FIXTURES, ruleset)
    genres = list(ruleset.policy.genres)
    assert corpus.names[-len(genres) :] == [f"genre:{g}" for g in genres]
    sample = next(s for s in corpus.samples if s.error is None)
    assert len(sample.row) == len(corpus.names)
    assert sample.doc is not None and sample.result is not None
    scores = measure(corpus.plan.judge.tables, sample.result, sample.doc.words).genres
    best = max(scores, key=lambda g: scores[g])
    assert sample.row[corpus.names.index(f"genre:{best}")] == pytest.approx(
        math.log1p(scores[best])
    )


def test_fit_refuses_a_spec_probability_outside_its_range(tmp_path: Path) -> None:
    done = run(["fit", str(FIXTURES), "--out", str(tmp_path / "w.yaml"), "--buildable-above", "2"])
    assert done.returncode == 2 and "not in [0.5, 1)" in done.stderr
