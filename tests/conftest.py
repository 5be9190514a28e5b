"""Shared fixtures: paths of the bundled seeds and examples, and the optional labelled corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from triage.errors import RuleError
from triage.rulebook import RegexRule, default_rules_dir, load_policy

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
REFERENCE_SEED = SEEDS / "000_cf8943a875352be7.txt"
DESIGN_CARD = ROOT / "examples" / "design-card" / "design-card.md"
# The labelled corpus lives beside the checkout; TRIAGE_CORPUS points elsewhere.
CORPUS = Path(os.environ.get("TRIAGE_CORPUS", str(ROOT.parent / "shared" / "corpus")))
REFERENCE_SUMMARY = "opinion article — no software spec, no hardware target, no performance core"


@pytest.fixture(scope="session")
def reference_text() -> str:
    return REFERENCE_SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def card_text() -> str:
    return DESIGN_CARD.read_text(encoding="utf-8")


@pytest.fixture()
def corpus() -> Path:
    if not (CORPUS / "docs").is_dir():
        pytest.skip("labelled corpus ../shared/corpus not present")
    return CORPUS


def file_named_in_bytes(folder: Path, name: bytes, content: bytes) -> Path:
    """Write a file whose name is given in bytes (maybe not UTF-8); skip where none can be."""
    path = os.fsencode(folder) + b"/" + name
    try:
        with open(path, "wb") as handle:
            handle.write(content)
    except OSError:
        pytest.skip("this file system takes only UTF-8 names")
    return Path(os.fsdecode(path))


# A smallest valid rule pack of one rule, for tests that add user rules.
CSV_PACK = """\
pack: mine
rules:
  - id: csv-export
    kind: phrases
    signal: feature
    phrases: [export csv]
    description: Asks for a CSV export.
    examples: {fires: [export csv], quiet: [import csv]}
"""


# Fuzz tests: TRIAGE_FUZZ_EXAMPLES inputs per test (60 in CI), no example database, no deadline.
FUZZ = settings(
    max_examples=int(os.environ.get("TRIAGE_FUZZ_EXAMPLES", "60")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def regex_rule(rule_id: str, regex: str, cap: int = 5) -> RegexRule:
    """Return a valid one-regex rule for scanner tests (signal ``feature``)."""
    return RegexRule.model_validate(
        {
            "id": rule_id,
            "kind": "regex",
            "signal": "feature",
            "regex": regex,
            "cap": cap,
            "description": "test rule",
            "examples": {"fires": ["x"], "quiet": ["y"]},
        }
    )


def policy_problems(tmp_path: Path, old: str, new: str) -> tuple[Path, list[str]]:
    """Load the default policy with one edit; return its path and its problems."""
    text = (default_rules_dir() / "policy.yaml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "policy.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        load_policy(path)
    return path, caught.value.problems
