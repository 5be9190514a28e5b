"""The public entry points: assess a text, a file, an INDEX.md or a list of paths.

Each function wires the stages in order (index, documents, scanner, scoring) and returns
pydantic reports. Rules are loaded and compiled once per rule set and reused.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from triage import __version__
from triage.documents import DEFAULT_MAX_BYTES, Document, make_document, read_document
from triage.errors import InputError
from triage.index import Target, collect_targets
from triage.report import Report, SeedReport
from triage.rules import RuleSet, load_rules
from triage.scanner import Scanner, compile_scanner
from triage.scoring import assess_scan, summarise_bundle


@lru_cache(maxsize=1)
def default_ruleset() -> RuleSet:
    """Return the shipped rules and policy, loaded once."""
    return load_rules()


_SCANNERS: dict[str, Scanner] = {}


def scanner_for(ruleset: RuleSet) -> Scanner:
    """Return the compiled scanner of a rule set, compiling it on first use."""
    if ruleset.fingerprint not in _SCANNERS:
        _SCANNERS[ruleset.fingerprint] = compile_scanner(ruleset.rules)
    return _SCANNERS[ruleset.fingerprint]


def assess_document(
    doc: Document, ruleset: RuleSet | None = None, path: str | None = None, file: str | None = None
) -> SeedReport:
    """Scan and score one already-read document."""
    ruleset = ruleset or default_ruleset()
    result = scanner_for(ruleset).scan(doc.text)
    name = path or doc.name
    return assess_scan(doc, name, file or name, ruleset.rules, ruleset.policy, result)


def assess_text(
    text: str, ruleset: RuleSet | None = None, *, name: str = "<text>", markdown: bool = False
) -> SeedReport:
    """Assess a text given directly."""
    return assess_document(make_document(text, name, markdown=markdown), ruleset)


def assess_file(
    path: Path | str,
    ruleset: RuleSet | None = None,
    *,
    listed: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> SeedReport:
    """Assess one file; a file that cannot be read gives a report with ``error`` set."""
    path = Path(path)
    shown = path.as_posix()
    try:
        doc = read_document(path, max_bytes=max_bytes)
    except InputError as exc:
        return SeedReport(path=listed or shown, file=shown, error=str(exc))
    return assess_document(doc, ruleset, listed or shown, shown)


def assess_target(target: Target, ruleset: RuleSet, max_bytes: int) -> SeedReport:
    """Assess one target of an index; an unusable entry gives an error row."""
    if target.path is None:
        return SeedReport(path=target.listed, file=target.shown, error=target.error)
    report = assess_file(target.path, ruleset, listed=target.listed, max_bytes=max_bytes)
    return report.model_copy(update={"file": target.shown})


def assess_paths(
    paths: Sequence[Path | str],
    ruleset: RuleSet | None = None,
    *,
    allow_outside: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[int, int], None] | None = None,
) -> Report:
    """Assess INDEX.md files, folders and documents; the bundle is all of them together.

    ``progress(done, total)`` is called after each seed, for a progress bar.
    """
    ruleset = ruleset or default_ruleset()
    targets = collect_targets([Path(p) for p in paths], allow_outside)
    if not targets:
        raise InputError(f"no seeds found in {', '.join(str(p) for p in paths)}")
    seeds: list[SeedReport] = []
    for target in targets:
        seeds.append(assess_target(target, ruleset, max_bytes))
        if progress is not None:
            progress(len(seeds), len(targets))
    bundle = summarise_bundle(ruleset.policy, seeds)
    return Report(version=__version__, seeds=tuple(seeds), bundle=bundle)


def assess_index(index: Path | str, ruleset: RuleSet | None = None, **options: Any) -> Report:
    """Assess every seed an INDEX.md lists."""
    return assess_paths([index], ruleset, **options)
