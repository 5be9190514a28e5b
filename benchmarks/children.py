"""The child side of the benchmark: one measurement per fresh interpreter, printed as JSON.

``run.py --child KIND ARGS...`` calls ``measure(KIND, ARGS)``; the parent (``rows.py``) starts
one child per measurement, so each child's peak RSS is its own. Every child imports ``triage``
from the checkout the benchmark sits in (the parent puts it first on ``PYTHONPATH``).
"""

from __future__ import annotations

import contextlib
import resource
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NO_LIMIT = 1 << 29  # max_bytes for the benchmark: above every workload file
# Before the clock starts, the scanner of an end-to-end run is warmed as the floor's matcher is:
# on the first documents, or on the first piece of a large text (4 MB: ``PIECE_BYTES``).
WARM_DOCS = 50
WARM_CHARS = 4 << 20

Measured = dict[str, Any]


def peak_mb() -> float:
    """Return this process's peak resident memory in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(kind: str, args: list[str]) -> Measured:
    """Run the child measurement ``kind`` with its string arguments."""
    if kind == "triage":
        engine, jobs, rules, *paths = args
        return child_triage(paths, engine, int(jobs), rules)
    if kind == "floor":
        docs, text, repeats = args
        return child_floor(Path(docs), Path(text), int(repeats))
    if kind == "compile":
        return child_compile(args[0], Path(args[1]))
    return child_naive(args[0], int(args[1]))


def inputs_of(paths: list[str]) -> list[Path]:
    """Return the documents behind the paths: an INDEX.md stands for the files beside it."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.name == "INDEX.md":
            found.extend(sorted(p for p in path.parent.iterdir() if p.name != "INDEX.md"))
        else:
            found.append(path)
    return found


def child_triage(paths: list[str], engine: str, jobs: int, rules: str) -> Measured:
    """Triage paths end to end (JSON report included); the matcher is ready before timing.

    As ``triage --format json`` does: ``assess_paths(..., keep_scores=False)`` (no format prints
    the per-rule scores), then ``render_bytes(report, "json")``. The plan the run will use is
    built first and its scanner warmed as the floor's is (``WARM_DOCS``, ``WARM_CHARS``).
    """
    from triage.outputs import render_bytes
    from triage.rulebook import load_rules
    from triage.run import assess_paths, make_plan

    ruleset = load_rules([Path(rules)] if rules != "-" else [])
    requested = None if engine == "auto" else engine
    documents = inputs_of(paths)
    started = time.perf_counter()
    largest = max(p.stat().st_size for p in documents)
    plan = make_plan(ruleset, requested, max_bytes=NO_LIMIT, keep_scores=False, largest=largest)
    for path in documents[:WARM_DOCS]:
        with path.open(encoding="utf-8", errors="replace") as opened:
            plan.scanner.scan(opened.read(WARM_CHARS))
    setup = time.perf_counter() - started
    started = time.perf_counter()
    report = assess_paths(
        paths, ruleset, engine=requested, jobs=jobs, max_bytes=NO_LIMIT, keep_scores=False
    )
    size = len(render_bytes(report, "json"))  # what `triage --format json` writes
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "setup": setup,
        "rss_mb": peak_mb(),
        "json_bytes": size,
        "engine": plan.engine,
    }


def floor_pass(engine: str) -> Callable[[list[bytes]], int]:
    """Return the bare "which rules fire" pass of an engine, with a fresh matcher.

    re2: new ``re2.Set`` s of the rules, whose DFAs start empty as in a new run (RE2 builds
    its DFA states as it meets new text: a second pass over the same texts is several times
    faster, so a reused set would measure a pass no run makes), run over the texts as a run
    does, a batch (``BATCH`` texts) at a time with each set over all of the batch in turn
    (``sets_fired_together``: faster than text by text, so the floor is the fastest pass);
    hyperscan: one pass of each of its presence databases (for the default rules, the one
    shipped) with a no-op callback returning None (never stopping early).
    """
    from triage.run import make_plan
    from triage.run.batch import BATCH
    from triage.scan import re2_sets

    scanner: Any = make_plan(None, engine).scanner
    if engine == "re2":
        sets = re2_sets(scanner.rules)

        def batched(texts: list[bytes]) -> int:
            found = 0
            for start in range(0, len(texts), BATCH):
                batch = texts[start : start + BATCH]
                found += sum(map(len, scanner.sets_fired_together(sets, batch)))
            return found

        return batched
    databases = [part.database for part in scanner.load_presence().parts]

    def noop(*_: object) -> None:
        return None

    def run(texts: list[bytes]) -> int:
        for data in texts:
            for database in databases:
                database.scan(data, match_event_handler=noop)
        return len(texts)

    return run


def child_floor(docs_index: Path, text: Path, repeats: int) -> Measured:
    """Time the bare pass of each engine on the documents and on the text, interleaved.

    The text is cut in the pieces the tool reads a large file in (``PIECE_BYTES``). Each timed
    pass has a fresh matcher, warmed first (untimed) on the first documents or the first piece,
    as the end-to-end runs are; passes run ``repeats`` times in turn (re2 docs, re2 text,
    hyperscan docs, ...); the medians are returned.
    """
    from triage.inputs.pieces import PIECE_BYTES
    from triage.scan import hyperscan_available

    docs = [p.read_bytes() for p in inputs_of([str(docs_index)])]
    data = text.read_bytes()
    pieces = [data[start : start + PIECE_BYTES] for start in range(0, len(data), PIECE_BYTES)]
    engines = ["re2", *(["hyperscan"] if hyperscan_available() else [])]
    workloads = {"docs": (docs[:WARM_DOCS], docs), "text": (pieces[:1], pieces)}
    times: dict[str, list[float]] = {}
    for _ in range(repeats):
        for engine in engines:
            for name, (warm, texts) in workloads.items():
                run = floor_pass(engine)
                run(warm)  # untimed
                started = time.perf_counter()
                run(texts)
                times.setdefault(f"{engine} {name}", []).append(time.perf_counter() - started)
    return {name: statistics.median(values) for name, values in times.items()}


def child_compile(engine: str, extra_rules: Path) -> Measured:
    """Time building a scanner for the default rules plus one rule pack (cache set by parent).

    Loading and validating the rules, compiling the scanner and, for hyperscan, its presence
    database (which it otherwise builds on the first large document). Imports are not timed.
    """
    from triage.rulebook import load_rules
    from triage.scan import compile_scanner

    started = time.perf_counter()
    ruleset = load_rules([extra_rules])
    loaded = time.perf_counter()
    scanner: Any = compile_scanner(ruleset.rules, engine)
    if engine == "hyperscan":
        scanner.load_presence()
    done = time.perf_counter()
    return {"seconds": done - started, "rules": loaded - started, "rule_count": len(ruleset.rules)}


def child_naive(path: str, limit: int) -> Measured:
    """Count every rule's matches with Python ``re``, one ``finditer`` per rule (the baseline)."""
    import re

    from triage.run import default_ruleset

    texts = _texts(Path(path), limit)
    compiled = []
    for rule in default_ruleset().rules:
        with contextlib.suppress(re.error):  # RE2 syntax Python lacks: counted as skipped
            compiled.append(re.compile(rule.pattern()))
    started = time.perf_counter()
    counts: list[int] = []
    for text in texts:
        counts = [sum(1 for _ in regex.finditer(text)) for regex in compiled]
    seconds = time.perf_counter() - started
    skipped = len(default_ruleset().rules) - len(compiled)
    chars = sum(len(t) for t in texts)
    return {"seconds": seconds, "chars": chars, "skipped": skipped, "hits": sum(counts)}


def _texts(path: Path, limit: int) -> list[str]:
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.name != "INDEX.md")[:limit]
        return [p.read_text(encoding="utf-8") for p in files]
    return [path.read_text(encoding="utf-8")[:limit]]
