"""Batches: a few seeds at a time, stage by stage, and the collector paused while reports pile up.

A batch reads its seeds, then scans them, then judges them: the same reports as one seed at a
time through every stage (``seed``), but each stage's tables (the matcher's, the judge's) stay
in the processor's caches.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterable, Iterator, Sequence

from triage.inputs import Document, Target
from triage.report import SeedReport
from triage.run.plan import Plan
from triage.run.seed import Read, judge_seed, read_seed, scan_read
from triage.scan import encode

# Seeds assessed stage by stage together: enough to keep each stage's tables in the processor's
# caches, few enough that a progress bar still moves smoothly and memory stays small (a batch
# ends at BATCH seeds or once its files reach BATCH_BYTES). 2,000 documents of 5 KB, --jobs 1,
# with ``fired_together``: 16 a batch 3.58 s, 32 3.38 s, 64 3.32 s.
BATCH = 64
BATCH_BYTES = 2 << 20
# Documents up to this size are matched together (``fired_together``), outside the time budget
# of each seed (a batch holds about ``BATCH_BYTES``, and the match is linear); a larger one alone,
# under its own budget.
TOGETHER_BYTES = 256 << 10
Progress = Callable[[int, int], None]


def assess_batch(plan: Plan, targets: Sequence[Target]) -> list[SeedReport]:
    """Assess a few seeds stage by stage: read them all, scan them all, judge them all."""
    read = [read_seed(plan, target) for target in targets]
    fired = fired_together(plan, read)
    scanned = [
        scan_read(plan, target, done, found)
        for target, done, found in zip(targets, read, fired, strict=True)
    ]
    return [judge_seed(plan, t, s) for t, s in zip(targets, scanned, strict=True)]


def fired_together(plan: Plan, read: Sequence[Read | SeedReport]) -> list[list[int] | None]:
    """Return which rules fire in each small document read, found for all of them together.

    The scanner runs each of its matchers over all the documents in turn (``fired_together``),
    faster than document by document; None for what is scanned alone (error rows, large texts,
    documents over ``TOGETHER_BYTES``, text that is not valid UTF-8) or if memory runs out.
    """
    chosen: list[int] = []
    texts: list[bytes] = []
    for number, done in enumerate(read):
        data = encode(done.text) if isinstance(done, Document) else None
        if data is not None and len(data) <= TOGETHER_BYTES:
            chosen.append(number)
            texts.append(data)
    found: list[list[int] | None] = [None] * len(read)
    if len(texts) < 2:
        return found
    try:
        together = plan.scanner.fired_together(texts)
    except MemoryError:  # each document is scanned alone, under its own guard
        return found
    for number, fired in zip(chosen, together, strict=True):
        found[number] = fired
    return found


def assess_in_batches(plan: Plan, targets: Sequence[Target]) -> Iterator[SeedReport]:
    """Yield the reports of targets in order, made a batch at a time in this process."""
    for batch in batches(targets):
        yield from assess_batch(plan, batch)


def batches(targets: Sequence[Target]) -> Iterator[Sequence[Target]]:
    """Split targets, in order, into batches of at most ``BATCH`` seeds and ``BATCH_BYTES``.

    A batch ends with the seed that takes its files' sizes (those known) to ``BATCH_BYTES``.
    """
    start = size = 0
    for end, target in enumerate(targets, start=1):
        size += target.size or 0
        if end - start >= BATCH or size >= BATCH_BYTES:
            yield targets[start:end]
            start, size = end, 0
    if start < len(targets):
        yield targets[start:]


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
