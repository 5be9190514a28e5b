"""One seed, one straight path: read (whole, or in pieces when large) → scan → judge.

Each stage is a function of the plan; ``batch`` runs them stage by stage over a few seeds, which
gives the same reports. A seed that cannot be read or is refused becomes an error row, built
in one place (``error_row``), and the others go on.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple, TypeVar

from triage.errors import InputError
from triage.inputs import (
    Document,
    LargeText,
    NotPlainUtf8,
    SeedText,
    Target,
    is_large_text,
    read_document,
)
from triage.report import SeedReport
from triage.run.budget import SeedTimeout, time_budget
from triage.run.plan import Plan
from triage.scan import ScanResult, scan_large

Read = Document | LargeText
Scanned = tuple[SeedText, ScanResult]
_In = TypeVar("_In")
_Out = TypeVar("_Out")


def assess_seed(plan: Plan, target: Target) -> SeedReport:
    """Read, scan and judge one seed; a seed that cannot be read gives an error row."""
    return judge_seed(plan, target, scan_read(plan, target, read_seed(plan, target)))


def read_seed(plan: Plan, target: Target) -> Read | SeedReport:
    """Read a seed whole, or name it for reading in pieces when it is a large text file.

    The size the index saw, if it did, only chooses how the file is read: reading checks it again.
    """
    path = target.path
    if path is None:
        return error_row(target, target.error)
    if is_large_text(path, target.size):
        return LargeText(path, plan.max_bytes)
    return guarded(target, _read_whole, plan, path)


def _read_whole(plan: Plan, path: Path) -> Document:
    return read_document(path, max_bytes=plan.max_bytes)


class Matched(NamedTuple):
    """A document read whole, and the rules ``fired_together`` found in it (with its batch)."""

    doc: Document
    fired: list[int]

    @property
    def name(self) -> str:
        """Return the document's name."""
        return self.doc.name


def scan_seed(plan: Plan, read: Read | Matched) -> Scanned:
    """Scan a document; a large text is read and scanned piece by piece.

    A large file that is not plain UTF-8 is read whole after all, as any other file.
    """
    if isinstance(read, Matched):
        return read.doc, plan.scanner.scan(read.doc.text, fired=read.fired)
    if isinstance(read, Document):
        return read, plan.scanner.scan(read.text)
    try:
        return scan_large(plan.scanner, read)
    except NotPlainUtf8:
        doc = read_document(read.path, max_bytes=plan.max_bytes)
        return doc, plan.scanner.scan(doc.text)


def scan_read(
    plan: Plan, target: Target, read: Read | SeedReport, fired: list[int] | None = None
) -> Scanned | SeedReport:
    """Scan what ``read_seed`` gave (an error row passes as it is, a failure becomes one).

    ``fired``: the rules the scanner's ``fired_together`` found in the document, if asked.
    """
    if isinstance(read, SeedReport):
        return read
    todo: Read | Matched = read
    if fired is not None and isinstance(read, Document):
        todo = Matched(read, fired)
    return guarded(target, scan_seed, plan, todo)


def judge_seed(plan: Plan, target: Target, scanned: Scanned | SeedReport) -> SeedReport:
    """Return the report of a scanned seed (or its error row, as it is)."""
    if isinstance(scanned, SeedReport):
        return scanned
    doc, result = scanned
    return plan.judge.report(doc, result, target.listed, target.shown, keep_scores=plan.keep_scores)


def guarded(
    target: Target, stage: Callable[[Plan, _In], _Out], plan: Plan, value: _In
) -> _Out | SeedReport:
    """Run one stage of a seed; what makes the seed unreadable becomes its error row.

    So do a stage that outruns the plan's time budget and one that runs out of memory (a huge
    single line under a memory limit): the memory is given back as the stage unwinds, and the
    other seeds go on.
    """
    try:
        with time_budget(plan.timeout):
            return stage(plan, value)
    except InputError as exc:
        return error_row(target, str(exc))
    except OSError as exc:
        return error_row(target, f"{target.path}: cannot read: {exc}")
    except SeedTimeout:
        return error_row(target, _timed_out(target, plan.timeout))
    except MemoryError:
        return error_row(target, _no_memory(target))


def _timed_out(target: Target, seconds: float | None) -> str:
    return (
        f"{target.shown}: took longer than {seconds:g} seconds and was stopped; "
        "raise --timeout if this file really is a seed"
    )


def _no_memory(target: Target) -> str:
    return (
        f"{target.shown}: ran out of memory reading or scanning it; give triage more memory, "
        "or lower --max-bytes to refuse such files up front"
    )


def error_row(target: Target, reason: str | None) -> SeedReport:
    """Return the report of a seed that could not be assessed, saying why."""
    return SeedReport(path=target.listed, file=target.shown, error=reason)
