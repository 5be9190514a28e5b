"""The parent side's tools: start a child measurement or the CLI, time it, take medians.

Every subprocess runs with this checkout first on ``PYTHONPATH`` (``ROOT``), so the benchmark
measures the code it sits beside, whatever ``triage`` the interpreter has installed.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CACHE_VARIABLE = "TRIAGE_CACHE_DIR"

Measured = dict[str, Any]


def child_env(cache: Path | None = None) -> dict[str, str]:
    """Return the environment of a subprocess: this checkout first, and a cache folder if given."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
    if cache is not None:
        env[CACHE_VARIABLE] = str(cache)
    return env


def run_child(*args: str, cache: Path | None = None) -> Measured:
    """Run one measurement (``children.measure``) in a fresh interpreter; return its figures."""
    command = [sys.executable, str(HERE / "run.py"), "--child", *args]
    done = subprocess.run(
        command, capture_output=True, text=True, cwd=ROOT, env=child_env(cache), check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"child {' '.join(args)} failed:\n{done.stderr}")
    measured: Measured = json.loads(done.stdout.strip().splitlines()[-1])
    return measured


def triage_child(engine: str, jobs: int, path: Path, rules: Path | None = None) -> Measured:
    """Measure one end-to-end triage run in a fresh interpreter."""
    return run_child("triage", engine, str(jobs), str(rules or "-"), str(path))


def cli_seconds(args: Sequence[str], cache: Path | None = None) -> float:
    """Return the wall time of ``python -m triage ARGS`` run from the checkout.

    Exit codes 0 and 1 (a seed at or below ``--fail-on``) are normal; anything else raises.
    """
    return command_seconds([sys.executable, "-m", "triage", *args], cache, ok=(0, 1))


def command_seconds(
    command: Sequence[str], cache: Path | None = None, ok: Sequence[int] = (0,)
) -> float:
    """Return the wall time of one command run from the checkout, its output discarded."""
    started = time.perf_counter()
    done = subprocess.run(
        list(command),
        cwd=ROOT,
        env=child_env(cache),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode not in ok:
        stderr = done.stderr.decode(errors="replace")
        raise RuntimeError(f"{' '.join(command)} exited {done.returncode}:\n{stderr}")
    return seconds


def interleaved(runs: Sequence[Callable[[], Any]], repeats: int) -> list[list[Any]]:
    """Run the callables one after the other, ``repeats`` rounds (A B A B, not A A B B).

    Return each callable's results in order. On a noisy machine a slow period then slows every
    row a little rather than one row a lot.
    """
    results: list[list[Any]] = [[] for _ in runs]
    for _ in range(repeats):
        for index, run in enumerate(runs):
            results[index].append(run())
    return results


def median_run(runs: Sequence[Measured], key: str = "seconds") -> Measured:
    """Return the run with the median ``key`` (the upper one of an even count)."""
    ordered = sorted(runs, key=lambda run: float(run[key]))
    return ordered[len(ordered) // 2]


def median(values: Sequence[float]) -> float:
    """Return the median of the values."""
    return statistics.median(values)


def fresh_cache(work: Path) -> Path:
    """Return a new empty cache folder inside the work folder."""
    return Path(tempfile.mkdtemp(prefix="empty-cache-", dir=work))
