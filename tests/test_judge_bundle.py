"""The bundle as a fold: seed reports added one at a time give the bundle's report."""

from __future__ import annotations

import pytest

from tests.conftest import DESIGN_CARD
from triage import RuleSet, SeedReport, assess_file, assess_text, default_ruleset
from triage.judge import BundleTally, summarise_bundle


@pytest.fixture(scope="module")
def ruleset() -> RuleSet:
    return default_ruleset()


@pytest.fixture(scope="module")
def seeds(reference_text: str) -> list[SeedReport]:
    error = SeedReport(path="gone.txt", file="gone.txt", error="gone.txt: cannot read")
    return [assess_text(reference_text), error, assess_file(DESIGN_CARD)]


def test_the_best_verdict_and_every_dimension_found_make_the_bundle(
    ruleset: RuleSet, seeds: list[SeedReport]
) -> None:
    bundle = summarise_bundle(ruleset.policy, seeds)
    assert (bundle.verdict, bundle.seeds, bundle.buildable, bundle.errors) == ("buildable", 3, 1, 1)
    assert bundle.dimensions.software_spec and not bundle.dimensions.hardware_target
    assert bundle.summary == (
        "incomplete: not every seed could be read (3 seeds, 1 buildable, 1 error)"
        " → fix the errors above and run again"
    )


def test_adding_seeds_one_by_one_gives_the_same_bundle(
    ruleset: RuleSet, seeds: list[SeedReport]
) -> None:
    tally = BundleTally()
    for seed in seeds:
        tally = tally.add(seed)
    assert tally.report(ruleset.policy) == summarise_bundle(ruleset.policy, seeds)


def test_the_order_of_the_seeds_does_not_change_the_bundle(
    ruleset: RuleSet, seeds: list[SeedReport]
) -> None:
    forward = summarise_bundle(ruleset.policy, seeds)
    assert summarise_bundle(ruleset.policy, list(reversed(seeds))) == forward


def test_a_bundle_of_errors_only_is_unjudged(ruleset: RuleSet, seeds: list[SeedReport]) -> None:
    bundle = summarise_bundle(ruleset.policy, [seeds[1]])
    assert (bundle.verdict, bundle.errors) == (None, 1)
    assert bundle.summary.startswith("incomplete: not every seed could be read (1 seed, 0 ")


def test_an_empty_bundle_has_no_verdict(ruleset: RuleSet) -> None:
    bundle = summarise_bundle(ruleset.policy, [])
    assert (bundle.verdict, bundle.seeds) == (None, 0)
