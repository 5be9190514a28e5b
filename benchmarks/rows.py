"""Rows measured in-process in fresh children: floor and end to end, time per MB, peak memory.

Each function returns table rows (name, value); every figure is the median of interleaved runs.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

from measure import Measured, interleaved, median, median_run, run_child, triage_child
from workplan import MB, Sizes, Workload, size_mb

Row = tuple[str, str]
FLOOR_BAR = 0.5  # the bare pass should be at least half of the end-to-end time


def has_hyperscan() -> bool:
    """Return whether the hyperscan engine can run here."""
    return importlib.util.find_spec("hyperscan") is not None


def engines() -> list[str]:
    """Return the engines to measure one by one."""
    return ["re2", *(["hyperscan"] if has_hyperscan() else [])]


def docs_mb(workload: Workload) -> float:
    """Return the size of the small documents together, in MB."""
    folder = workload.docs.parent
    return sum(p.stat().st_size for p in folder.iterdir() if p.name != "INDEX.md") / MB


class EndToEnd:
    """The floor and end-to-end rows; keeps what later rows need (speeds, auto's choice)."""

    def __init__(self, workload: Workload, sizes: Sizes) -> None:
        """Remember the workload; nothing is measured yet."""
        self.workload, self.sizes = workload, sizes
        self.sizes_mb = {"docs": docs_mb(workload), "text": size_mb(workload.text)}
        self.auto_engine: dict[str, str] = {}  # what auto chose, per target
        self.best = {"docs": 0.0, "text": 0.0}  # fastest end to end: docs/s and MB/s

    def target(self, name: str) -> Path:
        """Return the path of a target: ``docs`` (the INDEX.md) or ``text``."""
        return self.workload.docs if name == "docs" else self.workload.text

    def label(self, name: str) -> str:
        """Return how a target is named in the table."""
        if name == "docs":
            return f"{self.sizes.docs} docs ({self.sizes_mb['docs']:.1f} MB)"
        return f"{self.sizes_mb['text']:.0f} MB text"

    def speed(self, name: str, seconds: float) -> str:
        """Return docs/s and MB/s of a run over a target."""
        per_mb = self.sizes_mb[name] / seconds
        if name == "docs":
            return f"{self.sizes.docs / seconds:7.0f} docs/s {per_mb:6.1f} MB/s"
        return f"{'':14} {per_mb:6.1f} MB/s"

    def rows(self) -> list[Row]:
        """Measure the floors, then every engine end to end, interleaved; return the rows."""
        floors = run_child(
            "floor", str(self.workload.docs), str(self.workload.text), str(self.sizes.light_repeats)
        )
        rows: list[Row] = []
        for key, seconds in floors.items():
            engine, name = key.split()  # "re2 docs", "hyperscan text"...
            rows.append((f"floor ({engine}), {self.label(name)}", self.speed(name, seconds)))
        combos = [(engine, name) for engine in [*engines(), "auto"] for name in ("docs", "text")]
        runs: list[Callable[[], Measured]] = [
            lambda e=engine, n=name: triage_child(e, 1, self.target(n)) for engine, name in combos
        ]
        results = interleaved(runs, self.sizes.repeats)
        for (engine, name), measured in zip(combos, results, strict=True):
            rows.append(self.row(engine, name, median_run(measured), floors))
        return rows

    def row(self, engine: str, name: str, run: Measured, floors: Measured) -> Row:
        """Return one end-to-end row with its floor ratio."""
        seconds = float(run["seconds"])
        chosen = str(run["engine"])
        shown = engine
        if engine == "auto":
            self.auto_engine[name] = chosen
            shown = f"auto → {chosen}"
        speed = self.sizes.docs / seconds if name == "docs" else self.sizes_mb[name] / seconds
        self.best[name] = max(self.best[name], speed)
        ratio = floors[f"{chosen} {name}"] / seconds
        mark = "ok" if ratio >= FLOOR_BAR else "BELOW BAR"
        return (
            f"end to end ({shown}), {self.label(name)}",
            f"{self.speed(name, seconds)}  floor/e2e {ratio:4.0%} ({mark}: >= 50%)  "
            f"peak RSS {run['rss_mb']:.0f} MB",
        )


def scaling_rows(workload: Workload, sizes: Sizes) -> list[Row]:
    """Time per MB at growing sizes for each engine, interleaved."""
    combos = [(size, engine) for size in sizes.scale_mb for engine in engines()]
    runs: list[Callable[[], Measured]] = [
        lambda s=size, e=engine: triage_child(e, 1, workload.scale[s]) for size, engine in combos
    ]
    results = dict(zip(combos, interleaved(runs, sizes.repeats), strict=True))
    rows: list[Row] = []
    for size in sizes.scale_mb:
        parts = []
        for engine in engines():
            run = median_run(results[(size, engine)])
            per_mb = run["seconds"] * 1000 / size_mb(workload.scale[size])
            parts.append(f"{engine} {per_mb:6.1f} ms/MB (RSS {run['rss_mb']:.0f} MB)")
        rows.append((f"time per MB, {size} MB text", "   ".join(parts)))
    return rows


def memory_rows(workload: Workload, sizes: Sizes) -> list[Row]:
    """Peak RSS of each engine on one very large document, beside the target 2x size + 100 MB."""
    runs: list[Callable[[], Measured]] = [
        lambda e=engine: triage_child(e, 1, workload.huge) for engine in engines()
    ]
    huge = size_mb(workload.huge)
    target = 2 * huge + 100
    rows: list[Row] = []
    for engine, measured in zip(engines(), interleaved(runs, sizes.huge_repeats), strict=True):
        run = median_run(measured, "rss_mb")
        mark = "ok" if run["rss_mb"] <= target else "ABOVE TARGET"
        rows.append(
            (
                f"peak memory ({engine}), one {huge:.0f} MB document",
                f"{run['rss_mb']:7.0f} MB  (target <= {target:.0f} MB: {mark}; "
                f"{huge / run['seconds']:.1f} MB/s)",
            )
        )
    return rows


def naive_rows(workload: Workload, sizes: Sizes, best: dict[str, float]) -> list[Row]:
    """The same rules through Python's ``re``, one ``finditer`` per rule, and the ratios."""
    text = run_child("naive", str(workload.text), str(sizes.naive_chars))
    docs = run_child("naive", str(workload.docs.parent), str(sizes.naive_docs))
    per_mb = text["chars"] / MB / text["seconds"]
    per_doc = sizes.naive_docs / docs["seconds"]
    skipped = f"{int(text['skipped'])} rules not compilable by re"
    return [
        (
            f"naive re loop, first {text['chars'] / MB:.1f} MB of the text",
            f"{per_mb:8.3f} MB/s    ({skipped})",
        ),
        (f"naive re loop, {sizes.naive_docs} docs", f"{per_doc:8.1f} docs/s"),
        (
            "fastest end to end / naive re",
            f"{best['text'] / per_mb:8.0f}x text, {best['docs'] / per_doc:.0f}x docs",
        ),
    ]


def jobs_rows(workload: Workload, sizes: Sizes) -> list[Row]:
    """``--jobs 2`` against ``--jobs 1`` on the small documents, median of interleaved pairs."""
    if not sizes.jobs_pairs:
        return []
    one, two = interleaved(
        [
            lambda: triage_child("auto", 1, workload.docs),
            lambda: triage_child("auto", 2, workload.docs),
        ],
        sizes.jobs_pairs,
    )
    ratios = [a["seconds"] / b["seconds"] for a, b in zip(one, two, strict=True)]
    speed = median([sizes.docs / b["seconds"] for b in two])
    spread = f"{min(ratios):.2f}-{max(ratios):.2f}x over {len(ratios)} pairs"
    return [
        ("--jobs 2 vs --jobs 1, docs", f"{median(ratios):8.2f}x    ({spread}, {speed:.0f} docs/s)")
    ]
