"""Speed of seed-triage, measured side by side in one run: ``python benchmarks/run.py [--quick]``.

Builds its workload from the project's own texts (``benchmarks/workload.py``), then measures each
row in a fresh child process (so peak RSS belongs to that row alone) and prints one table:
end-to-end throughput (read, clean, scan, score, JSON report) per engine, the naive per-rule
``re`` loop on the same rules, ``--jobs 2`` against ``--jobs 1``, the cold start of ``triage`` on
the bundled seeds, time per MB at growing sizes, and peak memory on one very large document.
The labelled corpus in ``../shared/corpus/docs`` is measured as an extra row when present.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS_DOCS = ROOT.parent / "shared" / "corpus" / "docs"
MB = 1_000_000
NO_LIMIT = 1 << 29  # max_bytes for the benchmark: above every workload file


@dataclass(frozen=True)
class Sizes:
    """How big each part of the workload is."""

    text_mb: int
    docs: int
    naive_chars: int
    naive_docs: int
    scale_mb: tuple[int, ...]
    huge_mb: int
    cold_runs: int
    job_pairs: int
    repeats: int  # runs per engine row, the median shown


FULL = Sizes(20, 2000, 1_000_000, 50, (1, 10, 100), 200, 5, 5, 3)
QUICK = Sizes(4, 300, 200_000, 20, (1, 4, 16), 40, 3, 1, 1)

Row = tuple[str, str]


# ---- child side: one measurement per process -------------------------------------------------


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_triage(paths: list[str], engine: str, jobs: int, rules: str) -> dict[str, float]:
    """Triage paths end to end (JSON report included); the matcher is ready before timing."""
    from triage.outputs import render_bytes
    from triage.rulebook import load_rules
    from triage.run import assess_paths, make_plan
    from triage.scan import LARGE_BYTES

    ruleset = load_rules([Path(rules)] if rules != "-" else [])
    started = time.perf_counter()
    requested = None if engine == "auto" else engine
    warm_up = (ROOT / "README.md").read_text(encoding="utf-8")
    large = warm_up * (LARGE_BYTES // len(warm_up.encode()) + 1)
    plans = [make_plan(ruleset, requested), make_plan(ruleset, requested, largest=NO_LIMIT)]
    for plan in {plan.engine: plan for plan in plans}.values():
        # Compiled (or loaded from the cache), and run on a small and a large text so that lazy
        # set-up (such as hyperscan's presence database) is not timed.
        for sample in (warm_up, large):
            plan.scanner.scan(sample)
    setup = time.perf_counter() - started
    started = time.perf_counter()
    # As `triage --format json` does: the per-rule scores, which no format prints, are not kept.
    report = assess_paths(
        paths, ruleset, engine=requested, jobs=jobs, max_bytes=NO_LIMIT, keep_scores=False
    )
    size = len(render_bytes(report, "json"))  # what `triage --format json` writes
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "setup": setup, "rss_mb": _peak_mb(), "json_bytes": size}


def child_naive(path: str, limit: int) -> dict[str, float]:
    """Count every rule's matches with Python ``re``, one ``finditer`` per rule (the baseline)."""
    import re

    from triage.run import default_ruleset

    texts = _texts(Path(path), limit)
    compiled = []
    for rule in default_ruleset().rules:
        with contextlib.suppress(re.error):  # RE2 syntax Python lacks: counted as skipped
            compiled.append(re.compile(rule.pattern()))
    started = time.perf_counter()
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


# ---- parent side -------------------------------------------------------------------------------


def triage_child(engine: str, jobs: int, path: Path, rules: Path | None = None) -> dict[str, float]:
    """Measure one end-to-end triage run in a fresh interpreter."""
    return run_child("triage", engine, str(jobs), str(rules or "-"), str(path))


def run_child(*args: str) -> dict[str, float]:
    """Run one measurement in a fresh interpreter and return what it printed."""
    command = [sys.executable, str(Path(__file__)), "--child", *args]
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
    measured: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return measured


def triage_command() -> list[str]:
    """Return how to start the ``triage`` console script of this interpreter."""
    script = Path(sys.executable).parent / "triage"
    return [str(script)] if script.exists() else [sys.executable, "-m", "triage"]


def cold_start(runs: int) -> tuple[float, float]:
    """Median wall time of ``triage`` on the bundled seeds: warm cache, and with an empty one."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([*triage_command()], cwd=ROOT, capture_output=True, check=False)
        times.append(time.perf_counter() - started)
    with tempfile.TemporaryDirectory() as empty:
        env = dict(os.environ, TRIAGE_CACHE_DIR=empty)
        started = time.perf_counter()
        subprocess.run([*triage_command()], cwd=ROOT, capture_output=True, check=False, env=env)
        empty_cache = time.perf_counter() - started
    return statistics.median(times), empty_cache


def build(work: Path, sizes: Sizes) -> dict[str, Path]:
    """Write the workload files (reproducible: same bytes on every run)."""
    sys.path.insert(0, str(HERE))
    from workload import write_documents, write_text

    files = {"text": write_text(work / "text.txt", sizes.text_mb * MB)}
    files["docs"] = write_documents(work / "docs", sizes.docs)
    for size in sizes.scale_mb:
        files[f"scale{size}"] = write_text(work / f"scale-{size}.txt", size * MB, seed=size)
    files["huge"] = write_text(work / "huge.txt", sizes.huge_mb * MB, seed=7)
    files["never"] = write_never_rule(work / "never-rules")
    # ~330 MB were just written: without this, the disk writes them back while the first rows
    # run, and those rows came out ~25% slower (57 against 78 MB/s for the 20 MB text).
    os.sync()
    return files


NEVER_RULE = """pack: never
rules:
  - id: never-fires
    kind: phrases
    signal: feature
    description: A phrase absent from the workload, so no engine can stop its pass early.
    phrases: ["zqxw never present"]
    examples: {fires: ["zqxw never present"], quiet: ["present"]}
"""


def write_never_rule(folder: Path) -> Path:
    """Write a rule pack whose one rule never fires on the workload."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "never.yaml").write_text(NEVER_RULE, encoding="utf-8")
    return folder


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
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small workload, a minute or less")
    parser.add_argument("--work", type=Path, help="folder for the workload (default: a temp dir)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(args.child)))
        return
    sizes = QUICK if args.quick else FULL
    with tempfile.TemporaryDirectory(prefix="triage-bench-") as scratch:
        work = args.work or Path(scratch)
        report(build(work, sizes), sizes, args.quick)


def _child(argv: list[str]) -> dict[str, float]:
    kind, *rest = argv
    if kind == "triage":
        engine, jobs, rules, *paths = rest
        return child_triage(paths, engine, int(jobs), rules)
    return child_naive(rest[0], int(rest[1]))


def report(files: dict[str, Path], sizes: Sizes, quick: bool) -> None:
    """Measure every row and print the table."""
    print(f"machine: {machine()}")
    print(f"command: python benchmarks/run.py{' --quick' if quick else ''}\n")
    rows, best = engine_rows(files, sizes)
    rows += naive_rows(files, sizes, best)
    rows += [jobs_row(files, sizes), cold_row(sizes)]
    rows += scaling_rows(files, sizes) + corpus_rows()
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


def engine_rows(files: dict[str, Path], sizes: Sizes) -> tuple[list[Row], tuple[float, float]]:
    """End-to-end throughput of each engine on the big text and on the small documents."""
    rows: list[Row] = []
    text_mb = files["text"].stat().st_size / MB
    best = (0.0, 0.0)
    for engine in ("hyperscan", "re2"):
        big = median_run(sizes.repeats, engine, files["text"])
        many = median_run(sizes.repeats, engine, files["docs"])
        speed = (text_mb / big["seconds"], sizes.docs / many["seconds"])
        best = (max(best[0], speed[0]), max(best[1], speed[1]))
        setup = f"matcher ready in {big['setup']:.2f} s"
        worst = median_run(sizes.repeats, engine, files["text"], files["never"])
        rows.append(
            (
                f"triage ({engine}), {text_mb:.0f} MB text",
                f"{speed[0]:8.1f} MB/s    peak RSS {big['rss_mb']:.0f} MB ({setup})",
            )
        )
        rows.append(
            (
                f"triage ({engine}), {sizes.docs} docs of 5 KB",
                f"{speed[1]:8.0f} docs/s  peak RSS {many['rss_mb']:.0f} MB",
            )
        )
        rows.append(
            (
                f"triage ({engine}), same text + 1 rule that never fires",
                f"{text_mb / worst['seconds']:8.1f} MB/s    (no early stop of the pass)",
            )
        )
    return rows, best


def median_run(
    repeats: int, engine: str, path: Path, rules: Path | None = None
) -> dict[str, float]:
    """Run one row ``repeats`` times, each in a fresh interpreter; return the median run.

    On this kind of machine single runs of a row varied by 10-30% (the other core busy, the
    page cache reclaimed); the median of three is steadier.
    """
    runs = sorted(
        (triage_child(engine, 1, path, rules) for _ in range(repeats)), key=lambda r: r["seconds"]
    )
    return runs[len(runs) // 2]


def naive_rows(files: dict[str, Path], sizes: Sizes, best: tuple[float, float]) -> list[Row]:
    """The same rules through Python's ``re``, one ``finditer`` per rule, and the ratios."""
    text = run_child("naive", str(files["text"]), str(sizes.naive_chars))
    docs = run_child("naive", str(files["docs"].parent), str(sizes.naive_docs))
    per_mb = text["chars"] / MB / text["seconds"]
    per_doc = sizes.naive_docs / docs["seconds"]
    skipped = f"{int(text['skipped'])} rules not compilable by re"
    return [
        (
            f"naive re loop, first {text['chars'] / MB:.1f} MB of the text",
            f"{per_mb:8.3f} MB/s    ({skipped})",
        ),
        (f"naive re loop, {sizes.naive_docs} docs of 5 KB", f"{per_doc:8.1f} docs/s"),
        (
            "fastest engine / naive re",
            f"{best[0] / per_mb:8.0f}x text, {best[1] / per_doc:.0f}x docs",
        ),
    ]


def jobs_row(files: dict[str, Path], sizes: Sizes) -> Row:
    """``--jobs 2`` against ``--jobs 1`` on the small documents, median of interleaved pairs.

    One pair is not enough here: on a 2-core virtual machine the ratio of a single pair was
    seen anywhere from 1.37x to 1.90x, depending on what else ran on the other core.
    """
    ratios, speeds = [], []
    for _ in range(sizes.job_pairs):
        one = triage_child("auto", 1, files["docs"])
        two = triage_child("auto", 2, files["docs"])
        ratios.append(one["seconds"] / two["seconds"])
        speeds.append(sizes.docs / two["seconds"])
    pairs = f"{len(ratios)} pair{'s' if len(ratios) != 1 else ''}"
    spread = f"{min(ratios):.2f}-{max(ratios):.2f}x over {pairs}, "
    return (
        "--jobs 2 vs --jobs 1, docs",
        f"{statistics.median(ratios):8.2f}x    ({spread}{statistics.median(speeds):.0f} docs/s)",
    )


def cold_row(sizes: Sizes) -> Row:
    """Wall time of the ``triage`` command on the bundled seeds."""
    warm, empty = cold_start(sizes.cold_runs)
    return (
        "cold `triage` on the bundled seeds",
        f"{warm:8.3f} s       (empty cache: {empty:.3f} s)",
    )


def scaling_rows(files: dict[str, Path], sizes: Sizes) -> list[Row]:
    """Time per MB at growing sizes, then peak memory on one very large document."""
    rows: list[Row] = []
    for size in sizes.scale_mb:
        run = triage_child("hyperscan", 1, files[f"scale{size}"])
        rows.append(
            (
                f"scaling: {size} MB text",
                f"{run['seconds'] * 1000 / size:8.1f} ms/MB   peak RSS {run['rss_mb']:.0f} MB",
            )
        )
    huge_mb = files["huge"].stat().st_size / MB
    huge = triage_child("hyperscan", 1, files["huge"])
    target = f"target <= {2 * huge_mb + 100:.0f} MB"
    rows.append(
        (
            f"peak memory, one {huge_mb:.0f} MB document",
            f"{huge['rss_mb']:8.0f} MB      ({target}; {huge_mb / huge['seconds']:.1f} MB/s)",
        )
    )
    return rows


def corpus_rows() -> list[Row]:
    """The labelled corpus next to the project, when present."""
    if not CORPUS_DOCS.is_dir():
        return []
    paths = sorted(CORPUS_DOCS.iterdir())
    size = sum(p.stat().st_size for p in paths) / MB
    run = triage_child("auto", 1, CORPUS_DOCS)
    speed = f"{len(paths) / run['seconds']:8.0f} docs/s  {size / run['seconds']:.1f} MB/s"
    return [(f"corpus: {len(paths)} docs, {size:.1f} MB", speed)]


if __name__ == "__main__":
    main()
