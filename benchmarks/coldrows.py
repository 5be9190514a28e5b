"""Rows measured through the CLI or with an empty cache: first run, rule compile, start-up.

The CLI runs as ``python -m triage`` from the checkout (``measure.cli_seconds``). "Warm" runs use
the usual cache folder, warmed by one untimed run first; "first" runs get a new empty
``TRIAGE_CACHE_DIR`` each time.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from children import NO_LIMIT
from measure import cli_seconds, command_seconds, fresh_cache, interleaved, median, run_child
from rows import Row, engines, has_hyperscan
from workplan import Sizes, Workload, size_mb

FIRST_BAR = 2.0  # a first run should take at most twice a warm one
COMPILE_BAR = 5.0  # seconds to build the scanner of the default rules plus one pack
START_BAR = 3.0  # `triage seeds/INDEX.md` against `python -c "import pydantic, yaml"`


def first_run_rows(workload: Workload, sizes: Sizes, auto_engine: dict[str, str]) -> list[Row]:
    """First run with an empty cache against a warm run, through the CLI, interleaved pairs."""
    targets = {"text": workload.text, "docs": workload.docs}
    labels = {"text": f"{size_mb(workload.text):.0f} MB text", "docs": f"{sizes.docs} docs"}
    configs = [("auto", "text"), ("auto", "docs")]
    if has_hyperscan() and sizes.hyperscan_cold:
        configs += [("hyperscan", "text"), ("hyperscan", "docs")]
    runs: list[Callable[[], float]] = []
    for engine, name in configs:
        args = ["--engine", engine, "--jobs", "1", "--format", "json"]
        args += ["--max-bytes", str(NO_LIMIT), str(targets[name])]
        cli_seconds(args)  # untimed: the usual cache now holds what this run needs
        runs.append(lambda a=args: cli_seconds(a, cache=fresh_cache(workload.work)))
        runs.append(lambda a=args: cli_seconds(a))
    results = interleaved(runs, sizes.cold_repeats)
    rows: list[Row] = []
    for number, (engine, name) in enumerate(configs):
        first, warm = median(results[2 * number]), median(results[2 * number + 1])
        shown = f"auto → {auto_engine.get(name, '?')}" if engine == "auto" else engine
        mark = "ok" if first <= FIRST_BAR * warm else "ABOVE BAR"
        rows.append(
            (
                f"first run vs warm, CLI ({shown}, --jobs 1), {labels[name]}",
                f"{first:7.2f} s vs {warm:.2f} s = {first / warm:.1f}x ({mark}: <= 2x)",
            )
        )
    if has_hyperscan() and not sizes.hyperscan_cold:
        rows.append(("first run vs warm, CLI (hyperscan)", "skipped in --quick (compiles 30 s+)"))
    return rows


def compile_rows(workload: Workload, sizes: Sizes) -> list[Row]:
    """Building the scanner of the default rules plus one rule pack, empty cache, per engine."""
    measured = [e for e in engines() if e != "hyperscan" or sizes.hyperscan_cold]
    runs: list[Callable[[], dict[str, float]]] = [
        lambda e=engine: run_child(
            "compile", e, str(workload.never), cache=fresh_cache(workload.work)
        )
        for engine in measured
    ]
    rows: list[Row] = []
    for engine, results in zip(measured, interleaved(runs, sizes.cold_repeats), strict=True):
        seconds = median([r["seconds"] for r in results])
        loading = median([r["rules"] for r in results])
        mark = "ok" if seconds <= COMPILE_BAR else "ABOVE BAR"
        rows.append(
            (
                f"custom rules compile ({engine}), empty cache",
                f"{seconds:7.2f} s  ({mark}: <= 5 s; {int(results[0]['rule_count'])} rules, "
                f"of which loading them {loading:.2f} s)",
            )
        )
    if "hyperscan" in engines() and "hyperscan" not in measured:
        rows.append(("custom rules compile (hyperscan)", "skipped in --quick (30 s+)"))
    return rows


def startup_rows(sizes: Sizes) -> list[Row]:
    """Wall time of ``triage seeds/INDEX.md`` and ``triage --version`` against the imports."""
    imports = [sys.executable, "-c", "import pydantic, yaml"]
    runs: list[Callable[[], float]] = [
        lambda: cli_seconds(["seeds/INDEX.md"]),
        lambda: command_seconds(imports),
        lambda: cli_seconds(["--version"]),
    ]
    for run in runs:
        run()  # untimed: caches and page cache warm
    seeds, base, version = (median(r) for r in interleaved(runs, sizes.light_repeats))
    mark = "ok" if seeds <= START_BAR * base else "ABOVE BAR"
    return [
        (
            "start-up: triage seeds/INDEX.md",
            f"{seeds:7.3f} s vs {base:.3f} s for `import pydantic, yaml` = {seeds / base:.1f}x "
            f"({mark}: <= 3x)",
        ),
        ("start-up: triage --version", f"{version:7.3f} s"),
    ]
