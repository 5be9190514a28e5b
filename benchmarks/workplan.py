"""How big each part of the workload is (full or ``--quick``), and writing it to the work folder."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from workload import choose_source, write_documents, write_text

MB = 1_000_000


@dataclass(frozen=True)
class Sizes:
    """How big each part of the workload is, and how often each figure is repeated."""

    text_mb: int  # the large text of the end-to-end, floor and first-run rows
    docs: int  # small documents of ~5 KB
    naive_chars: int
    naive_docs: int
    scale_mb: tuple[int, ...]
    huge_mb: int  # the one document of the peak memory row
    repeats: int  # interleaved runs of each end-to-end row (fresh interpreters)
    huge_repeats: int  # runs of the peak memory row (peak RSS varies little; a run is long)
    light_repeats: int  # interleaved runs of the cheap figures: floors, start-up
    cold_repeats: int  # interleaved pairs of first run (empty cache) and warm run
    hyperscan_cold: bool  # measure the first hyperscan run and its compile (30 s+ each)
    jobs_pairs: int  # --jobs 2 against --jobs 1 (0: no row)


FULL = Sizes(20, 2000, 1_000_000, 50, (1, 10, 100), 200, 3, 1, 5, 3, True, 3)
QUICK = Sizes(4, 300, 200_000, 20, (1, 4, 16), 40, 1, 1, 3, 1, False, 0)


@dataclass(frozen=True)
class Workload:
    """The files written for one benchmark run, and where their text came from."""

    source: str
    text: Path
    docs: Path  # the INDEX.md listing the small documents
    scale: dict[int, Path]
    huge: Path
    never: Path  # a rule pack whose one rule never fires
    work: Path


NEVER_RULE = """pack: never
rules:
  - id: never-fires
    kind: phrases
    signal: feature
    description: A phrase absent from the workload, so no engine can stop its pass early.
    phrases: ["zqxw never present"]
    examples: {fires: ["zqxw never present"], quiet: ["present"]}
"""


def build(work: Path, sizes: Sizes) -> Workload:
    """Write the workload files into ``work`` (reproducible: same bytes on every run)."""
    source = choose_source()
    never = work / "never-rules"
    never.mkdir(parents=True, exist_ok=True)
    (never / "never.yaml").write_text(NEVER_RULE, encoding="utf-8")
    workload = Workload(
        source=source.name,
        text=write_text(source, work / "text.txt", sizes.text_mb * MB),
        docs=write_documents(source, work / "docs", sizes.docs),
        scale={
            size: write_text(source, work / f"scale-{size}.txt", size * MB, seed=size)
            for size in sizes.scale_mb
        },
        huge=write_text(source, work / "huge.txt", sizes.huge_mb * MB, seed=7),
        never=never,
        work=work,
    )
    # ~330 MB were just written: without this, the disk writes them back while the first rows
    # run, and those rows came out ~25% slower (57 against 78 MB/s for the 20 MB text).
    os.sync()
    return workload


def size_mb(path: Path) -> float:
    """Return a file's size in MB (10^6 bytes)."""
    return path.stat().st_size / MB
