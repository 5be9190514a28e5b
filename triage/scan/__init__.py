"""Scan: text to per-rule counts and spans, in one linear-time pass, behind one ``Scanner``.

Two engines give the same answer, RE2's counts: ``re2`` (``re2engine``) and the optional
``hyperscan`` (``hsengine``, ``pip install seed-triage[fast]``). Which one runs is decided in
``engines``, the only place that knows them; a large text is scanned in pieces (``pieces``).
"""

from triage.scan.base import FEW_LEFT, Scanner, encode, re2_sets
from triage.scan.engines import (
    CHOICES,
    ENGINE_VARIABLE,
    ENGINES,
    LARGE_BYTES,
    choose_engine,
    compile_scanner,
    describe_engine,
    hyperscan_available,
)
from triage.scan.pieces import scan_large, split_check
from triage.scan.re2engine import Re2Scanner
from triage.scan.spans import (
    MAX_SPANS,
    POSITIONS,
    ScanResult,
    Span,
    Starts,
    first_spans,
    kept_spans,
    position_limit,
)
from triage.scan.structure import NO_STRUCTURE, Section, Structure, structure_of

__all__ = [
    "CHOICES",
    "ENGINES",
    "ENGINE_VARIABLE",
    "FEW_LEFT",
    "LARGE_BYTES",
    "MAX_SPANS",
    "NO_STRUCTURE",
    "POSITIONS",
    "Re2Scanner",
    "ScanResult",
    "Scanner",
    "Section",
    "Span",
    "Starts",
    "Structure",
    "choose_engine",
    "compile_scanner",
    "describe_engine",
    "encode",
    "first_spans",
    "hyperscan_available",
    "kept_spans",
    "position_limit",
    "re2_sets",
    "scan_large",
    "split_check",
    "structure_of",
]
