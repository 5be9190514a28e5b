"""The public entry points: assess a text, a file, an INDEX.md or a list of paths.

Each function wires the stages in order (index, documents, scanner, scoring) and returns
pydantic reports. Rules are loaded and compiled once per rule set and reused.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
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
from triage.judge import Judge, explain_document, summarise_bundle
from triage.report import Report, SeedReport, __version__
from triage.rulebook import RuleSet, load_rules
from triage.run.large import NotPlainUtf8, is_large_text, scan_large_file
from triage.scan import Scanner, choose_engine, compile_scanner


@lru_cache(maxsize=1)
def default_ruleset() -> RuleSet:
    """Return the shipped rules and policy, loaded once."""
    return load_rules()


_SCANNERS: dict[tuple[str, str], Scanner] = {}
# From this many seeds, or this many bytes over several seeds, the main command uses every core
# by default: starting worker processes costs ~30 ms, about 15 small seeds' worth of work.
MANY_SEEDS = 32
MANY_BYTES = 1 << 20
# Seeds assessed stage by stage together (``assess_batch``): enough to keep each stage's tables
# in the processor's caches, few enough that a progress bar still moves smoothly.
BATCH = 16


def scanner_for(ruleset: RuleSet, engine: str | None = None) -> Scanner:
    """Return the compiled scanner of a rule set and engine, compiling it on first use."""
    key = (ruleset.fingerprint, choose_engine(engine))
    if key not in _SCANNERS:
        _SCANNERS[key] = compile_scanner(ruleset.rules, key[1])
    return _SCANNERS[key]


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
    ruleset = ruleset or default_ruleset()
    engine = choose_engine(engine, size=len(doc.text))
    result = scanner_for(ruleset, engine).scan(doc.text)
    name = path or doc.name
    return Judge(ruleset).report(doc, result, name, file or name, keep_scores=keep_scores)


def assess_text(
    text: str,
    ruleset: RuleSet | None = None,
    *,
    name: str = "<text>",
    markdown: bool = False,
    engine: str | None = None,
) -> SeedReport:
    """Assess a text given directly."""
    return assess_document(make_document(text, name, markdown=markdown), ruleset, engine=engine)


def assess_file(
    path: Path | str,
    ruleset: RuleSet | None = None,
    *,
    listed: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    engine: str | None = None,
    keep_scores: bool = True,
) -> SeedReport:
    """Assess one file; a file that cannot be read gives a report with ``error`` set."""
    path = Path(path)
    shown = path.as_posix()
    read = _read_seed(path, listed or shown, shown, max_bytes)
    if isinstance(read, SeedReport):
        return read
    if isinstance(read, Path):
        return _assess_large(read, ruleset, listed or shown, shown, max_bytes, engine, keep_scores)
    return assess_document(
        read, ruleset, listed or shown, shown, engine=engine, keep_scores=keep_scores
    )


def _read_seed(
    path: Path, name: str, file: str, max_bytes: int, size: int | None = None
) -> Document | SeedReport | Path:
    """Read one seed: its document, or a report with ``error`` set, or the path of a large text.

    A large text file (see ``triage.run.large``) is not read here: it is read and scanned in pieces.
    ``size``: as the index saw it, if it did (it only chooses how the file is read: the read
    itself checks the size again).
    """
    if is_large_text(path, size):
        return path
    return _read_whole(path, name, file, max_bytes)


def _read_whole(path: Path, name: str, file: str, max_bytes: int) -> Document | SeedReport:
    try:
        return read_document(path, max_bytes=max_bytes)
    except InputError as exc:
        return SeedReport(path=name, file=file, error=str(exc))
    except OSError as exc:
        return SeedReport(path=name, file=file, error=f"{path}: cannot read: {exc}")


def _assess_large(
    path: Path,
    ruleset: RuleSet | None,
    name: str,
    file: str,
    max_bytes: int,
    engine: str | None,
    keep_scores: bool,
) -> SeedReport:
    """Assess a large text file read in pieces (bounded memory, see ``triage.run.large``).

    A file that is not plain UTF-8 is decoded whole instead, as any other file.
    """
    ruleset = ruleset or default_ruleset()
    try:
        engine = choose_engine(engine, size=path.stat().st_size)
        doc, result = scan_large_file(path, scanner_for(ruleset, engine), max_bytes)
    except NotPlainUtf8:
        read = _read_whole(path, name, file, max_bytes)
        if isinstance(read, SeedReport):
            return read
        return assess_document(read, ruleset, name, file, engine=engine, keep_scores=keep_scores)
    except InputError as exc:
        return SeedReport(path=name, file=file, error=str(exc))
    except OSError as exc:
        return SeedReport(path=name, file=file, error=f"{path}: cannot read: {exc}")
    return Judge(ruleset).report(doc, result, name, file, keep_scores=keep_scores)


def assess_batch(
    targets: Sequence[Target],
    ruleset: RuleSet,
    max_bytes: int,
    engine: str,
    keep_scores: bool = True,
) -> list[SeedReport]:
    """Assess a few targets of an index stage by stage: read them all, scan them, score them.

    The same reports as one target at a time through every stage, ~5% faster on small seeds:
    each stage's tables (the matcher's, the scoring's) stay in the processor's caches. An
    unusable entry or unreadable seed gives an error row. ``engine``: a name ``choose_engine``
    gave for the whole run.
    """
    read = [
        _read_seed(t.path, t.listed, t.shown, max_bytes, t.size)
        if t.path is not None
        else SeedReport(path=t.listed, file=t.shown, error=t.error)
        for t in targets
    ]
    scanner = scanner_for(ruleset, engine)
    results = iter([scanner.scan(doc.text) for doc in read if isinstance(doc, Document)])
    judge = Judge(ruleset)
    reports = []
    for target, doc in zip(targets, read, strict=True):
        name, file = target.listed, target.shown
        if isinstance(doc, Document):
            result = next(results)
            doc = judge.report(doc, result, name, file, keep_scores=keep_scores)
        elif isinstance(doc, Path):
            doc = _assess_large(doc, ruleset, name, file, max_bytes, engine, keep_scores)
        reports.append(doc)
    return reports


def _in_batches(
    targets: Sequence[Target], ruleset: RuleSet, max_bytes: int, engine: str, keep_scores: bool
) -> Iterator[SeedReport]:
    for start in range(0, len(targets), BATCH):
        batch = targets[start : start + BATCH]
        yield from assess_batch(batch, ruleset, max_bytes, engine, keep_scores)


def default_jobs(seeds: int, size: int = 0) -> int:
    """Return the job count for ``seeds`` documents of ``size`` bytes in all: every core or 1."""
    many = seeds >= MANY_SEEDS or (seeds > 1 and size >= MANY_BYTES)
    return max(1, os.cpu_count() or 1) if many else 1


def _sizes(targets: Sequence[Target]) -> list[int]:
    """Return each target's size (as the index saw it, else as it is now), after a 0."""
    sizes = [0]
    for target in targets:
        if target.size is not None or target.path is None:
            sizes.append(target.size or 0)
            continue
        with contextlib.suppress(OSError):  # an unreadable seed becomes an error row later
            sizes.append(target.path.stat().st_size)
    return sizes


def assess_targets(
    targets: Sequence[Target],
    ruleset: RuleSet,
    max_bytes: int,
    engine: str | None = None,
    jobs: int = 1,
    keep_scores: bool = True,
    largest: int | None = None,
) -> Iterator[SeedReport]:
    """Yield the reports of targets in index order, made by ``jobs`` processes when over one.

    ``largest``: the size of the largest target, when the caller already has it (else stat).
    """
    size = max(_sizes(targets)) if largest is None else largest
    engine = choose_engine(engine, size=size, seeds=len(targets), rules=ruleset.rules)
    if jobs <= 1 or len(targets) <= 1:
        return _in_batches(targets, ruleset, max_bytes, engine, keep_scores)
    from triage.run.processes import assess_in_processes  # only parallel runs pay for the import

    scanner_for(ruleset, engine)  # compile (or load) once, before workers fork
    return assess_in_processes(targets, ruleset, max_bytes, engine, jobs, keep_scores)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while reports pile up.

    Reports hold no reference cycles, but every collection rescans all reports made so far: on
    2,000 seeds that was 30% of the run (and 80% of receiving reports from worker processes).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # Everything made while paused is still in the youngest generation, so the next
        # collection would scan all of it (~15 ms for 2,000 reports): move it to the oldest.
        gc.freeze()
        gc.unfreeze()
        if enabled:
            gc.enable()


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
) -> Report:
    """Assess INDEX.md files, folders and documents; the bundle is all of them together.

    ``progress(done, total)`` is called after each seed, for a progress bar. ``jobs`` processes
    share the work (None: every core when there are many seeds); reports keep the index order
    and are identical whatever the job count or engine. ``keep_scores=False`` leaves each
    seed's ``scores`` out (they are only printed by ``triage explain``).
    """
    ruleset = ruleset or default_ruleset()
    targets = collect_targets([Path(p) for p in paths], allow_outside)
    if not targets:
        raise InputError(f"no seeds found in {', '.join(str(p) for p in paths)}")
    sizes = _sizes(targets)  # one stat per seed, for the job count and the engine
    workers = default_jobs(len(targets), sum(sizes)) if jobs is None else jobs
    seeds: list[SeedReport] = []
    reports = assess_targets(
        targets, ruleset, max_bytes, engine, workers, keep_scores, largest=max(sizes)
    )
    with _collector_paused():
        for report in reports:
            seeds.append(report)
            if progress is not None:
                progress(len(seeds), len(targets))
    bundle = summarise_bundle(ruleset.policy, seeds)
    return Report(version=__version__, seeds=tuple(seeds), bundle=bundle)


def assess_index(index: Path | str, ruleset: RuleSet | None = None, **options: Any) -> Report:
    """Assess every seed an INDEX.md lists."""
    return assess_paths([index], ruleset, **options)


def explain_file(path: Path | str, ruleset: RuleSet | None = None) -> str:
    """Return the decision trace of one document file (``triage explain``)."""
    ruleset = ruleset or default_ruleset()
    doc = read_document(Path(path))
    return explain_document(doc, scanner_for(ruleset).scan(doc.text), ruleset)
