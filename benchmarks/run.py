"""Speed of seed-triage, measured side by side in one run: ``python benchmarks/run.py [--quick]``.

Builds its workload from real text when ``../shared/corpus/docs`` is beside the project, else
from generated text (``workload.py``; the output says which), then prints one table:

- the bare pass floor of each engine (which rules fire, nothing else) and each engine end to end
  (read, clean, scan, score, JSON report, one core, warm cache), with their ratio (``rows.py``);
- the first run with an empty cache against a warm one through the CLI, building the scanner of
  the default rules plus one rule pack with an empty cache, and the start-up (``coldrows.py``);
- time per MB at growing sizes, peak memory on one very large document, the naive ``re`` loop
  and, in a full run, ``--jobs 2`` against ``--jobs 1`` (``rows.py``).

Each end-to-end measurement runs in a fresh child interpreter (``children.py``), so its peak RSS is
its own, and every figure is the median of interleaved repeats (A B A B, not A A B B): the machine
is noisy. Subprocesses import ``triage`` from this checkout (``measure.py``).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from children import measure
from coldrows import compile_rows, first_run_rows, startup_rows
from rows import EndToEnd, Row, jobs_rows, memory_rows, naive_rows, scaling_rows
from workplan import FULL, QUICK, Sizes, Workload, build

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def machine() -> str:
    """Describe the machine: cores, CPU model, Python version."""
    model = "unknown CPU"
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return f"{os.cpu_count()} cores, {model}, Python {platform.python_version()}"


def main() -> None:
    """Build the workload, run every measurement, print the table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small workload, about a minute")
    parser.add_argument("--work", type=Path, help="folder for the workload (default: a temp dir)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))  # this checkout's triage, whatever is installed
    if args.child:
        print(json.dumps(measure(args.child[0], args.child[1:])))
        return
    sizes = QUICK if args.quick else FULL
    # As an installed package runs: pip compiles the bytecode at install time. Without it every
    # child would compile the sources it imports (PYTHONDONTWRITEBYTECODE, or a fresh checkout).
    compileall.compile_dir(ROOT / "triage", quiet=1)
    with tempfile.TemporaryDirectory(prefix="triage-bench-") as scratch:
        work = args.work or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        report(build(work, sizes), sizes, args.quick)


def report(workload: Workload, sizes: Sizes, quick: bool) -> None:
    """Measure every row and print the table, after the machine and the workload used."""
    print(f"machine: {machine()}")
    print(f"command: python benchmarks/run.py{' --quick' if quick else ''}")
    print(f"workload: {workload.source}", flush=True)
    print(
        f"          {sizes.docs} docs of ~5 KB, a {sizes.text_mb} MB text, "
        f"{'/'.join(map(str, sizes.scale_mb))} MB texts, one {sizes.huge_mb} MB text "
        f"(written to {workload.work}, removed after)"
    )
    started = time.perf_counter()
    end_to_end = EndToEnd(workload, sizes)
    parts: list[tuple[str, Callable[[], list[Row]]]] = [
        ("floor and end to end", end_to_end.rows),
        ("first run", lambda: first_run_rows(workload, sizes, end_to_end.auto_engine)),
        ("custom rules compile", lambda: compile_rows(workload, sizes)),
        ("start-up", lambda: startup_rows(sizes)),
        ("time per MB", lambda: scaling_rows(workload, sizes)),
        ("peak memory", lambda: memory_rows(workload, sizes)),
        ("naive re", lambda: naive_rows(workload, sizes, end_to_end.best)),
        ("--jobs 2", lambda: jobs_rows(workload, sizes)),
    ]
    rows: list[Row] = []
    for name, part in parts:
        print(f"[{time.perf_counter() - started:5.0f} s] {name}...", file=sys.stderr, flush=True)
        rows += part()
    width = max(len(name) for name, _ in rows)
    print()
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    print(f"\nmeasured in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
