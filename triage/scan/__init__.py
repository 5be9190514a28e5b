"""Scan: text to per-rule counts and spans, in one linear-time pass, behind one ``Scanner``.

Two engines give the same answer, RE2's counts: ``re2`` (``re2engine``) and the optional
``hyperscan`` (``hsengine``, ``pip install seed-triage[fast]``). Which one runs is decided in
``engines``, the only place that knows them; a large text is scanned in pieces (``pieces``).
"""

from triage.scan.base import FEW_LEFT, Scanner, re2_sets
from triage.scan.engines import (
    BATCH_SEEDS,
    CHOICES,
    ENGINE_VARIABLE,
    ENGINES,
    LARGE_BYTES,
    choose_engine,
    compile_scanner,
    describe_engine,
    hyperscan_available,
)
from triage.scan.patternshape import costly_start
from triage.scan.pieces import scan_large, split_check
from triage.scan.re2engine import Re2Scanner
from triage.scan.spans import MAX_SPANS, ScanResult, Span, first_spans, kept_spans

__all__ = [
    "BATCH_SEEDS",
    "CHOICES",
    "ENGINES",
    "ENGINE_VARIABLE",
    "FEW_LEFT",
    "LARGE_BYTES",
    "MAX_SPANS",
    "Re2Scanner",
    "ScanResult",
    "Scanner",
    "Span",
    "choose_engine",
    "compile_scanner",
    "costly_start",
    "describe_engine",
    "first_spans",
    "hyperscan_available",
    "kept_spans",
    "re2_sets",
    "scan_large",
    "split_check",
]
