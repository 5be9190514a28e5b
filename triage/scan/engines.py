"""Engines: which one runs, decided in exactly one place, and how a scanner is compiled.

``ENGINES`` is the one registry: an engine's name to its scanner class, named by a dotted
``"module:Class"`` so an engine (and its library) is imported only when it is used. Both give the
same answer: RE2's non-overlapping leftmost-first counts.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
from collections.abc import Callable, Sequence

from triage.errors import TriageError
from triage.registry import resolve
from triage.rulebook import Rule
from triage.scan.base import Scanner

ENGINES: dict[str, str] = {
    "hyperscan": "triage.scan.hsengine:HyperscanScanner",
    "re2": "triage.scan.re2engine:Re2Scanner",
}
CHOICES = ("auto", *ENGINES)
ENGINE_VARIABLE = "TRIAGE_ENGINE"
LARGE_BYTES = 4 << 20
# Hyperscan's database compile grows with the rule count; RE2's stays in milliseconds. Measured
# here (issue 14, benchmarks/README.md): 88 shipped rules compile in 17 s once (cached after),
# 388 rules took 22 s and 1,088 rules 33 s on a 1.5 KB document against 0.1 s for RE2; 10,000
# ran over 590 s (the default rules' database now ships built: ``hsshipped``; the others are
# still compiled). So auto never takes hyperscan above ``AUTO_HYPERSCAN_RULES`` rules (on real
# text it is also slower end to end), and an explicit ``--engine hyperscan`` is refused above
# ``MAX_HYPERSCAN_RULES``.
AUTO_HYPERSCAN_RULES = 150
MAX_HYPERSCAN_RULES = 1000


def hyperscan_available() -> bool:
    """Return whether the optional hyperscan engine is installed (without importing it)."""
    return importlib.util.find_spec("hyperscan") is not None


def choose_engine(
    requested: str | None = None,
    *,
    size: int = 0,
    rules: Sequence[Rule] = (),
) -> str:
    """Return the engine to use: the one asked for, else ``$TRIAGE_ENGINE``, else automatic.

    Automatic, when hyperscan is installed: hyperscan when the largest document (``size``) has
    ``LARGE_BYTES`` or more (its presence pass stops once every rule has fired, which pays on
    large texts), else RE2: small documents gain nothing from hyperscan, which scans them with
    RE2's sets as the re2 engine does. Never hyperscan for more than ``AUTO_HYPERSCAN_RULES``
    rules (its compile outgrows any gain).
    """
    name = _requested(requested)
    if name == "auto":
        return "hyperscan" if _hyperscan_pays(size, rules) else "re2"
    if name not in ENGINES:
        raise TriageError(f"unknown engine {name!r}; choose one of {', '.join(CHOICES)}")
    if name == "hyperscan" and not hyperscan_available():
        raise TriageError("the hyperscan engine is not installed: pip install 'seed-triage[fast]'")
    if name == "hyperscan" and len(rules) > MAX_HYPERSCAN_RULES:
        raise TriageError(
            f"the hyperscan engine takes minutes to compile {len(rules)} rules (over "
            f"{MAX_HYPERSCAN_RULES}); use --engine re2 or auto, which take milliseconds"
        )
    return name


def _requested(requested: str | None) -> str:
    return (requested or os.environ.get(ENGINE_VARIABLE) or "auto").strip().lower()


def _hyperscan_pays(size: int, rules: Sequence[Rule]) -> bool:
    return size >= LARGE_BYTES and len(rules) <= AUTO_HYPERSCAN_RULES and hyperscan_available()


def describe_engine(requested: str | None = None) -> str:
    """Say which engine runs, for ``--version``: a name, or the automatic choice spelled out."""
    name = _requested(requested)
    if name != "auto":
        return choose_engine(name)
    if not hyperscan_available():
        return "re2"
    return (
        f"auto: hyperscan for documents of {LARGE_BYTES >> 20} MB or more, with at most "
        f"{AUTO_HYPERSCAN_RULES} rules; else re2"
    )


def compile_scanner(
    rules: Sequence[Rule], engine: str | None = None, *, use_cache: bool = True
) -> Scanner:
    """Compile a scanner for these rules with the chosen engine (see ``choose_engine``)."""
    scanner_class: Callable[..., Scanner] = resolve(ENGINES[choose_engine(engine, rules=rules)])
    return scanner_class(rules, use_cache=use_cache)
