"""Spread seeds over worker processes; reports come back in index order.

Each worker gets the plan and the list of targets once, when it starts (forked workers inherit
them; others unpickle the plan's recipe and take the scanner from the on-disk cache). A task is
then just a range of target numbers, and its answer one string: the range's reports as JSON, one
per line, because handing each target over and each report back as its own object cost the main
process a sizeable share of a seed's whole work.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from triage.inputs import Target
from triage.report import SeedReport
from triage.run.batch import assess_batch
from triage.run.budget import die_with_parent
from triage.run.plan import Plan

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future
    from multiprocessing.sharedctypes import SynchronizedArray

    Claims = SynchronizedArray[int]

_JOB: list[tuple[Plan, Sequence[Target], Claims]] = []  # the one job of this worker process
# Seeds per chunk at most: a worker's last chunks are what the main process may wait for at the
# end, and sending a chunk costs little against this many seeds' work.
MAX_CHUNK = 24
# Near where the workers and the main process meet, chunks shrink to this many seeds: a worker
# always holds two chunks it has not started (the executor queues them), and the main process
# would wait for those two full chunks at the end of every run.
MIN_CHUNK = 4
TAPER = 8  # a chunk holds at most 1/TAPER of the seeds between it and the meeting point


def _start_worker(plan: Plan, targets: Sequence[Target], claims: Claims) -> None:
    die_with_parent()  # a worker must never outlive a main process killed by a signal
    _JOB[:] = [(plan, targets, claims)]


def _assess_range(number: int, start: int, stop: int) -> str | None:
    """Assess chunk ``number`` (targets ``start`` to ``stop``) in a worker, as JSON lines.

    None when the main process claimed the chunk first. JSON, because validating it in the main
    process is cheaper than unpickling a report; it never holds a raw newline, so lines separate
    reports. The round trip gives an equal report: floats are written in their shortest form.
    """
    plan, targets, claims = _JOB[0]
    if not claim(claims, number):
        return None
    reports = assess_batch(plan, targets[start:stop])
    return "\n".join(report.model_dump_json() for report in reports)


def claim(claims: Claims, number: int) -> bool:
    """Claim chunk ``number`` for this process; False if another process has it.

    Claims, not ``Future.cancel``: Python 3.11's executor fails in its own thread (a traceback
    on stderr) when it breaks with cancelled chunks still queued.
    """
    with claims.get_lock():
        if claims[number]:
            return False
        claims[number] = 1
        return True


def assess_in_processes(plan: Plan, targets: Sequence[Target], jobs: int) -> Iterator[SeedReport]:
    """Assess targets with ``jobs`` processes, in chunks; yield the reports in input order.

    The main process is one of the ``jobs``: ``jobs - 1`` workers take chunks from the front
    while the main process takes them from the back (claiming a chunk no worker has started),
    until they meet. A main process that only waited and decoded reports would still take a
    share of a core from the workers, and the chunks it assesses itself need no hand-over at
    all. Between its own chunks it yields the workers' reports that are ready.

    A worker that dies (the OOM killer, a signal) breaks the pool: the chunks it did not deliver
    are assessed again here, so every seed is still reported. When the main process is
    interrupted (Ctrl-C, SIGTERM) or the caller stops reading, the workers are ended at once.
    """
    import multiprocessing  # only parallel runs pay for the imports
    from concurrent.futures import ProcessPoolExecutor

    chunks = chunk_ranges(len(targets), jobs)
    claims = multiprocessing.Array("b", len(chunks))
    pool = ProcessPoolExecutor(
        jobs - 1, initializer=_start_worker, initargs=(plan, targets, claims)
    )
    try:
        futures = [pool.submit(_assess_range, n, c.start, c.stop) for n, c in enumerate(chunks)]
        yield from _shared(plan, targets, chunks, futures, claims)
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown()


def _shared(
    plan: Plan,
    targets: Sequence[Target],
    chunks: list[range],
    futures: list[Future[str | None]],
    claims: Claims,
) -> Iterator[SeedReport]:
    """Take chunks from the back until the workers' claims are met; yield all in order."""
    own: dict[int, list[SeedReport]] = {}
    ready = 0  # chunks before this one have been yielded
    for number in reversed(range(len(futures))):
        if not claim(claims, number):
            break  # a worker has it, and every chunk before it
        own[number] = assess_batch(plan, targets[chunks[number].start : chunks[number].stop])
        while ready < number and futures[ready].done():
            yield from _delivered(plan, targets, chunks[ready], futures[ready])
            ready += 1
    for number in range(ready, len(futures)):
        if number in own:
            yield from own[number]
        else:
            yield from _delivered(plan, targets, chunks[number], futures[number])


def _delivered(
    plan: Plan, targets: Sequence[Target], chunk: range, future: Future[str | None]
) -> Iterator[SeedReport]:
    """Return a worker's reports of a chunk, or assess the chunk here if its worker died."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        lines = future.result()
    except BrokenProcessPool:
        lines = None
    if lines is None:  # never claimed by a worker that lived to deliver it
        return iter(assess_batch(plan, targets[chunk.start : chunk.stop]))
    return _decoded(lines)


def _stop(pool: Executor) -> None:
    """End a pool's workers now: pending chunks cancelled, running ones killed, no waiting."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(OSError, ValueError):
            process.terminate()


def chunk_ranges(total: int, jobs: int) -> list[range]:
    """Cut ``total`` seeds into chunks, smaller near where the workers and the main process meet.

    The ``jobs - 1`` workers take chunks from the front and the main process from the back, at
    about the same pace: they meet about ``(jobs - 1) / jobs`` of the way.
    """
    largest = max(1, min(MAX_CHUNK, total // (jobs * 8)))
    smallest = min(MIN_CHUNK, largest)
    meeting = total * (jobs - 1) / jobs
    chunks = []
    start = 0
    while start < total:
        size = int(max(smallest, min(largest, abs(meeting - start) / TAPER)))
        chunks.append(range(start, min(total, start + size)))
        start += size
    return chunks


def _decoded(lines: str) -> Iterator[SeedReport]:
    """Return the reports of a chunk a worker sent as JSON lines."""
    return (SeedReport.model_validate_json(line) for line in lines.split("\n"))
