"""The public entry points: assess a text, a file, an INDEX.md or a list of paths.

Each call is one run: it builds one ``Plan`` (rules, compiled scanner, engine, judge, limits)
and takes every seed down the one path of ``seed`` (in batches, or over worker processes), then
judges the bundle. Rules are loaded and compiled once per rule set and reused across runs.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from triage.errors import InputError
from triage.inputs import (
    DEFAULT_MAX_BYTES,
    Document,
    Target,
    collect_targets,
    make_document,
    read_document,
)
from triage.judge import explain_document, summarise_bundle
from triage.report import Report, SeedReport, __version__
from triage.rulebook import RuleSet
from triage.run.batch import assess_in_batches, gather
from triage.run.plan import Plan, make_plan, target_sizes
from triage.run.processes import assess_in_processes
from triage.run.seed import assess_seed, error_row, judge_seed, scan_seed

# From this many seeds, or this many bytes over several seeds, the main command uses every core
# by default: starting worker processes costs about as much as a dozen small seeds' work.
MANY_SEEDS = 32
MANY_BYTES = 1 << 20


def assess_document(
    doc: Document,
    ruleset: RuleSet | None = None,
    path: str | None = None,
    file: str | None = None,
    *,
    engine: str | None = None,
    keep_scores: bool = True,
) -> SeedReport:
    """Scan and judge one already-read document (``keep_scores``: see ``Judge.report``)."""
    plan = make_plan(ruleset, engine, keep_scores=keep_scores, largest=len(doc.text))
    name = path or doc.name
    return judge_seed(plan, Target(name, file or name, None), scan_seed(plan, doc))


def assess_text(
    text: str,
    ruleset: RuleSet | None = None,
    *,
    name: str = "<text>",
    markdown: bool = False,
    engine: str | None = None,
) -> SeedReport:
    """Assess a text given directly.

    An empty text, or one of only whitespace or markup, gives the same error row as an empty
    seed file on the command line (``error`` set, no verdict), so a caller looping over texts
    handles every unusable seed one way. A value that is not a ``str`` is a ``TypeError``.
    """
    if not isinstance(text, str):
        raise TypeError(
            f"assess_text takes a str, not {type(text).__name__}; "
            "decode bytes first or pass a file to assess_file"
        )
    doc = make_document(text, name, markdown=markdown)
    if not doc.text or doc.text.isspace():
        return error_row(Target(name, name, None), _no_text(name, text))
    return assess_document(doc, ruleset, engine=engine)


def _no_text(name: str, text: str) -> str:
    """Say why a text holds nothing to triage, in the words used for a seed file."""
    if not text:
        return f"{name}: empty text, nothing to triage; send the seed's content"
    return f"{name}: no text, only whitespace or markup; send the seed's content"


def assess_file(
    path: Path | str,
    ruleset: RuleSet | None = None,
    *,
    listed: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    engine: str | None = None,
    keep_scores: bool = True,
) -> SeedReport:
    """Assess one file; a file that cannot be read gives a report with ``error`` set.

    ``path`` is a ``str`` or ``os.PathLike``; anything else is a ``TypeError``.
    """
    if not isinstance(path, str | os.PathLike):
        raise TypeError(f"assess_file takes a path (str or Path), not {type(path).__name__}")
    path = Path(path)
    shown = path.as_posix()
    size = max(target_sizes([Target(shown, shown, path)]))
    plan = make_plan(ruleset, engine, max_bytes=max_bytes, keep_scores=keep_scores, largest=size)
    return assess_seed(plan, Target(listed or shown, shown, path, size=size))


def default_jobs(seeds: int, size: int = 0) -> int:
    """Return the job count for ``seeds`` documents of ``size`` bytes in all: every core or 1."""
    many = seeds >= MANY_SEEDS or (seeds > 1 and size >= MANY_BYTES)
    return max(1, os.cpu_count() or 1) if many else 1


def assess_targets(plan: Plan, targets: Sequence[Target], jobs: int = 1) -> Iterator[SeedReport]:
    """Yield the reports of targets in index order, made by ``jobs`` processes when over one."""
    if jobs <= 1 or len(targets) <= 1:
        return assess_in_batches(plan, targets)
    return assess_in_processes(plan, targets, jobs)


def assess_paths(
    paths: Sequence[Path | str],
    ruleset: RuleSet | None = None,
    *,
    allow_outside: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[int, int], None] | None = None,
    engine: str | None = None,
    jobs: int | None = 1,
    keep_scores: bool = True,
    timeout: float | None = None,
) -> Report:
    """Assess INDEX.md files, folders and documents; the bundle is all of them together.

    ``progress(done, total)`` is called after each seed, for a progress bar. ``jobs`` processes
    share the work (None: every core when there are many seeds); reports keep the index order
    and are identical whatever the job count or engine. ``keep_scores=False`` leaves each
    seed's ``scores`` out (they are only printed by ``triage explain``). ``timeout``: seconds
    reading, and then scanning, one seed may take before it becomes an error row (None: no
    budget; the CLI's ``--timeout`` gives one; see ``run.budget`` for where it holds).
    """
    targets = collect_targets([Path(p) for p in paths], allow_outside, max_bytes=max_bytes)
    if not targets:
        raise InputError(f"no seeds found in {', '.join(str(p) for p in paths)}")
    sizes = target_sizes(targets)  # one stat per seed, for the job count and the engine
    workers = default_jobs(len(targets), sum(sizes)) if jobs is None else jobs
    plan = make_plan(
        ruleset,
        engine,
        max_bytes=max_bytes,
        keep_scores=keep_scores,
        largest=max(sizes),
        timeout=timeout,
    )
    seeds = gather(assess_targets(plan, targets, workers), len(targets), progress)
    bundle = summarise_bundle(plan.ruleset.policy, seeds)
    return Report(version=__version__, seeds=tuple(seeds), bundle=bundle)


def assess_index(index: Path | str, ruleset: RuleSet | None = None, **options: Any) -> Report:
    """Assess every seed an INDEX.md lists."""
    return assess_paths([index], ruleset, **options)


def explain_file(path: Path | str, ruleset: RuleSet | None = None) -> str:
    """Return the decision trace of one document file (``triage explain``)."""
    doc = read_document(Path(path))
    plan = make_plan(ruleset)
    return explain_document(doc, plan.scanner.scan(doc.text), plan.ruleset)
