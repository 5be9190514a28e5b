"""Scan: text to per-rule counts and spans, in one linear-time pass, behind one ``Scanner``."""

from triage.scan.patternshape import costly_start
from triage.scan.scanner import (
    BATCH_SEEDS,
    CHOICES,
    ENGINE_VARIABLE,
    FEW_LEFT,
    LARGE_BYTES,
    MAX_SPANS,
    Re2Scanner,
    Scanner,
    ScanResult,
    Span,
    choose_engine,
    compile_scanner,
    describe_engine,
    first_spans,
    hyperscan_available,
    kept_spans,
)

__all__ = [
    "BATCH_SEEDS",
    "CHOICES",
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
]
