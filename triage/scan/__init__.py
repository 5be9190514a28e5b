"""Scan: text to per-rule counts and spans, in one linear-time pass, behind one ``Scanner``."""

from triage.scan.scanner import (
    CHOICES,
    ENGINE_VARIABLE,
    MAX_SPANS,
    Scanner,
    ScanResult,
    Span,
    choose_engine,
    compile_scanner,
    describe_engine,
    first_spans,
    kept_spans,
)

__all__ = [
    "CHOICES",
    "ENGINE_VARIABLE",
    "MAX_SPANS",
    "ScanResult",
    "Scanner",
    "Span",
    "choose_engine",
    "compile_scanner",
    "describe_engine",
    "first_spans",
    "kept_spans",
]
