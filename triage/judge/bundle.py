"""Bundle: the seeds judged together, as a fold over their reports.

A bundle is buildable when any seed carries buildable requirements: its verdict is the best of
its seeds', and a dimension is found when any seed states it. ``BundleTally`` adds one report at
a time, so a run can summarise seeds as they come.

While any seed could not be read the bundle is incomplete (the unread one may be the spec): its
summary says so (the policy's ``bundle_unjudged``), never "ready for design", whatever the
verdict of the seeds that were read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import reduce

from triage.report import DIMENSIONS, VERDICT_ORDER, BundleReport, Dimensions, SeedReport, Verdict
from triage.rulebook import Policy


@dataclass(frozen=True)
class BundleTally:
    """What the seeds so far add up to; ``add`` returns the tally with one more seed."""

    seeds: int = 0
    errors: int = 0
    buildable: int = 0
    verdict: Verdict | None = None
    found: frozenset[str] = frozenset()

    def add(self, seed: SeedReport) -> BundleTally:
        """Return this tally with ``seed`` counted (an error row counts only as an error)."""
        if seed.verdict is None:
            return BundleTally(
                self.seeds + 1, self.errors + 1, self.buildable, self.verdict, self.found
            )
        verdict = seed.verdict
        if self.verdict is not None:
            verdict = max(self.verdict, verdict, key=VERDICT_ORDER.index)
        found = self.found
        if seed.dimensions:
            found |= {name for name in DIMENSIONS if getattr(seed.dimensions, name)}
        buildable = self.buildable + (seed.verdict == "buildable")
        return BundleTally(self.seeds + 1, self.errors, buildable, verdict, found)

    def report(self, policy: Policy) -> BundleReport:
        """Return the bundle's report, its advice worded by the policy (incomplete on an error)."""
        if self.verdict is None or self.errors:
            advice = policy.bundle_unjudged
        else:
            advice = policy.bundle_advice[self.verdict]
        count = f"{self.seeds} seed{'s' if self.seeds != 1 else ''}, {self.buildable} buildable"
        if self.errors:
            count += f", {self.errors} error{'s' if self.errors != 1 else ''}"
        return BundleReport(
            verdict=self.verdict,
            seeds=self.seeds,
            buildable=self.buildable,
            errors=self.errors,
            dimensions=Dimensions(**{name: name in self.found for name in DIMENSIONS}),
            summary=advice.format(counts=count),
        )


def summarise_bundle(policy: Policy, seeds: Iterable[SeedReport]) -> BundleReport:
    """Judge the seeds together: the best verdict among them, dimensions found in any seed."""
    return reduce(BundleTally.add, seeds, BundleTally()).report(policy)
