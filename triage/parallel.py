"""Spread seeds over worker processes; reports come back in index order.

Each worker loads the rules and the compiled matcher once (forked workers inherit them; others
unpickle the rule set and load the matcher from the on-disk cache), then assesses chunks of seeds.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from triage.index import Target
from triage.report import SeedReport
from triage.rules import RuleSet


@dataclass(frozen=True)
class _Job:
    ruleset: RuleSet
    max_bytes: int
    engine: str
    keep_scores: bool


_JOBS: list[_Job] = []  # the one job of this worker process
# Seeds per chunk at most: a worker's last chunk is what the others may wait for at the end
# (with 125-seed chunks on 2,000 seeds that tail cost ~5%; with 24, <1%), and sending a chunk
# costs ~0.2 ms, small against 24 seeds of ~1 ms each.
MAX_CHUNK = 24


def _start_worker(job: _Job) -> None:
    from triage.assess import scanner_for

    scanner_for(job.ruleset, job.engine)
    _JOBS[:] = [job]


def _assess(target: Target) -> str:
    """Assess one target in a worker; the report travels as JSON.

    Unpickling a report in the main process cost ~160 us and validating its JSON ~90 us (and
    writing it ~90 vs ~35 us in the worker); the main process's share is what limits ``--jobs``.
    The round trip gives an equal report: floats are written in their shortest exact form.
    """
    from triage.assess import assess_target

    job = _JOBS[0]
    report = assess_target(target, job.ruleset, job.max_bytes, job.engine, job.keep_scores)
    return report.model_dump_json()


def assess_in_processes(
    targets: Sequence[Target],
    ruleset: RuleSet,
    max_bytes: int,
    engine: str,
    jobs: int,
    keep_scores: bool = True,
) -> Iterator[SeedReport]:
    """Assess targets over ``jobs`` processes, in chunks; yield the reports in input order."""
    chunk = max(1, min(MAX_CHUNK, len(targets) // (jobs * 8)))
    with ProcessPoolExecutor(
        max_workers=jobs,
        initializer=_start_worker,
        initargs=(_Job(ruleset, max_bytes, engine, keep_scores),),
    ) as pool:
        for report in pool.map(_assess, targets, chunksize=chunk):
            yield SeedReport.model_validate_json(report)
