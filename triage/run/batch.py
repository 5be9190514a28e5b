"""Batches: a few seeds at a time, stage by stage, and the collector paused while reports pile up.

A batch reads its seeds, then scans them, then judges them: the same reports as one seed at a
time through every stage (``seed``), but each stage's tables (the matcher's, the judge's) stay
in the processor's caches.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterable, Iterator, Sequence

from triage.inputs import Target
from triage.report import SeedReport
from triage.run.plan import Plan
from triage.run.seed import judge_seed, read_seed, scan_read

# Seeds assessed stage by stage together: enough to keep each stage's tables in the processor's
# caches, few enough that a progress bar still moves smoothly.
BATCH = 16
Progress = Callable[[int, int], None]


def assess_batch(plan: Plan, targets: Sequence[Target]) -> list[SeedReport]:
    """Assess a few seeds stage by stage: read them all, scan them all, judge them all."""
    read = [read_seed(plan, target) for target in targets]
    scanned = [scan_read(plan, target, done) for target, done in zip(targets, read, strict=True)]
    return [judge_seed(plan, t, s) for t, s in zip(targets, scanned, strict=True)]


def assess_in_batches(plan: Plan, targets: Sequence[Target]) -> Iterator[SeedReport]:
    """Yield the reports of targets in order, made a batch at a time in this process."""
    for start in range(0, len(targets), BATCH):
        yield from assess_batch(plan, targets[start : start + BATCH])


def gather(
    reports: Iterable[SeedReport], total: int, progress: Progress | None = None
) -> list[SeedReport]:
    """Collect reports with the collector paused, calling ``progress(done, total)`` after each."""
    seeds: list[SeedReport] = []
    with collector_paused():
        for report in reports:
            seeds.append(report)
            if progress is not None:
                progress(len(seeds), total)
    return seeds


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while reports pile up.

    Reports hold no reference cycles, but every collection rescans all reports made so far,
    which on thousands of seeds takes a large share of the run.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # Everything made while paused is still in the youngest generation, so the next
        # collection would scan all of it: move it to the oldest.
        gc.freeze()
        gc.unfreeze()
        if enabled:
            gc.enable()
