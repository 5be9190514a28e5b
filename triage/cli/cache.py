"""``triage cache info|clear|warm``: where the on-disk cache is, emptying it, and filling it.

The cache (``triage.cache``) keeps validated rule sets, compiled Hyperscan databases and the
language classifier's model, decompressed (``triage.inputs.langmodel``). It is
bounded on its own (least recently used entries go first); ``clear`` is for freeing the space
now, or for starting from cold when measuring; ``warm`` builds, before any run, what a run with
the same rule options would otherwise build on its first seed (a CI job's set-up step).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence

from triage import cache
from triage.cli.options import ExitCode, add_rules_options, config_for, ruleset_for
from triage.inputs import langmodel, size_text
from triage.report import printable
from triage.rulebook import Rule
from triage.scan import CHOICES, choose_engine, compile_scanner, hyperscan_available
from triage.scan.engines import AUTO_HYPERSCAN_RULES

ACTIONS = ("info", "clear", "warm")


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of ``triage cache``."""
    parser = argparse.ArgumentParser(
        prog="triage cache",
        description="Show or empty the on-disk cache of rule sets and compiled databases "
        f"(at most {cache.MAX_ENTRIES} entries and {size_text(cache.MAX_BYTES)}, least "
        f"recently used removed first; {cache.CACHE_VARIABLE}=off turns it off).",
    )
    parser.add_argument(
        "action",
        choices=ACTIONS,
        help="info: folder and size; clear: remove every entry; warm: validate the rule set "
        "and compile the databases a run with the same options would use",
    )
    add_rules_options(parser)
    parser.add_argument(
        "--engine",
        choices=CHOICES,
        default=None,
        help="warm: the engine to prepare for (default: auto, which prepares hyperscan when "
        "it is installed and could choose it)",
    )
    return parser


def shown(text: str) -> str:
    """Return a path as it may be printed: no control character reaches the terminal."""
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in printable(text))


def run(argv: Sequence[str]) -> ExitCode:
    """Print where the cache is and what it holds, or empty it."""
    args = build_parser().parse_args(argv)
    lines = {"clear": _clear, "info": _info}.get(args.action)
    for line in lines() if lines is not None else _warm(args):
        print(line)
    return ExitCode.OK


def _clear() -> list[str]:
    removed = cache.clear()
    if removed.folder is None:
        return [f"cache: off ({cache.CACHE_VARIABLE}); nothing to clear"]
    files = removed.entries + removed.temporary
    where = shown(str(removed.folder))
    return [f"cache: removed {files} file(s), {size_text(removed.size)}, from {where}"]


def _info() -> list[str]:
    held = cache.usage()
    if held.folder is None:
        return [f"cache: off ({cache.CACHE_VARIABLE})"]
    return [
        f"cache: {shown(str(held.folder))}",
        f"entries: {held.entries} of at most {cache.MAX_ENTRIES}",
        f"size: {size_text(held.size)} of at most {size_text(cache.MAX_BYTES)}",
    ]


def _warm(args: argparse.Namespace) -> list[str]:
    """Validate the rule set, compile the Hyperscan database, decompress the language model."""
    args.paths = []  # the configuration found from the current folder applies
    started = time.perf_counter()
    ruleset = ruleset_for(args, config_for(args))
    rules = ruleset.rules
    lines = [f"rule set: {len(rules)} rules ready in {time.perf_counter() - started:.2f} s"]
    if cache.cache_dir() is None:
        lines.append(f"cache: off ({cache.CACHE_VARIABLE}); nothing was kept")
    lines.append(_warm_engine((args.engine or "auto").lower(), rules))
    started = time.perf_counter()
    built = langmodel.warm()
    done = "found in the cache" if not built else "decompressed into the cache"
    if cache.cache_dir() is None:
        done = "loaded"
    return [*lines, f"language model: {done} in {time.perf_counter() - started:.2f} s"]


def _warm_engine(engine: str, rules: Sequence[Rule]) -> str:
    """Compile the Hyperscan database a run with this engine and these rules would use."""
    if engine == "auto" and not hyperscan_available():
        return "hyperscan: not installed; re2 needs no compiled database"
    if engine == "auto" and len(rules) > AUTO_HYPERSCAN_RULES:
        return f"hyperscan: auto does not choose it for over {AUTO_HYPERSCAN_RULES} rules"
    if engine == "re2":
        return "re2: needs no compiled database"
    choose_engine("hyperscan", rules=rules)  # says why not, when it cannot be used
    started = time.perf_counter()
    scanner = compile_scanner(rules, "hyperscan")
    load = getattr(scanner, "load_presence", None)  # the hyperscan engine's (an optional import)
    shipped = load().shipped if load is not None else 0
    held = f"; {shipped} of the {len(rules)} rules in the shipped database" if shipped else ""
    return f"hyperscan: database ready in {time.perf_counter() - started:.2f} s{held}"
