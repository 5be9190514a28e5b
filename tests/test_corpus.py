"""Judgments on the labelled corpus (../shared/corpus), when it is present.

The bars are the project's accuracy contract: a rule change that breaks judgments fails here.
The corpus is a sample; rules must be written for the language of requirements and genres, so
no phrase of a rule may come from a single corpus document.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
import re2

from triage import default_ruleset
from triage.inputs import read_document
from triage.rulebook import PhrasesRule
from triage.run import EvalReport, evaluate


@lru_cache(maxsize=1)
def _evaluation(folder: Path) -> EvalReport:
    return evaluate(folder, default_ruleset())


def test_verdict_accuracy_and_the_costly_confusions(corpus: Path) -> None:
    report = _evaluation(corpus)
    assert report.verdict_accuracy >= 0.90
    assert report.not_a_spec_called_buildable <= 0.02
    assert report.buildable_called_not_a_spec <= 0.05


def test_genre_accuracy(corpus: Path) -> None:
    assert _evaluation(corpus).genre_accuracy >= 0.80


@pytest.mark.parametrize("dimension", ["software_spec", "hardware_target", "performance_core"])
def test_dimension_f1(corpus: Path, dimension: str) -> None:
    assert _evaluation(corpus).dimensions[dimension].f1 >= 0.80


def test_borderline_documents_are_listed_but_not_scored(corpus: Path) -> None:
    report = _evaluation(corpus)
    assert report.borderline > 0
    assert report.scored == report.documents - report.borderline


def test_no_phrase_comes_from_a_single_corpus_document(corpus: Path) -> None:
    texts = [read_document(p).text for p in sorted((corpus / "docs").iterdir())]
    single = []
    for rule in default_ruleset().rules:
        patterns = (
            [
                (p, f"(?{'m' if rule.case_sensitive else 'mi'}){PhrasesRule.phrase_regex(p)}")
                for p in rule.phrases
            ]
            if isinstance(rule, PhrasesRule)
            else [(rule.id, rule.pattern())]
        )
        for name, pattern in patterns:
            compiled = re2.compile(pattern)
            if sum(1 for text in texts if compiled.search(text)) == 1:
                single.append(f"{rule.id}: {name}")
    assert not single, single
