"""``triage cache info|clear``: where the on-disk cache is, how much it holds, and emptying it.

The cache (``triage.cache``) keeps validated rule sets and compiled Hyperscan databases. It is
bounded on its own (least recently used entries go first); ``clear`` is for freeing the space
now, or for starting from cold when measuring.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from triage import cache
from triage.cli.options import ExitCode
from triage.inputs import size_text
from triage.report import printable

ACTIONS = ("info", "clear")


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of ``triage cache``."""
    parser = argparse.ArgumentParser(
        prog="triage cache",
        description="Show or empty the on-disk cache of rule sets and compiled databases "
        f"(at most {cache.MAX_ENTRIES} entries and {size_text(cache.MAX_BYTES)}, least "
        f"recently used removed first; {cache.CACHE_VARIABLE}=off turns it off).",
    )
    parser.add_argument(
        "action", choices=ACTIONS, help="info: folder and size; clear: remove every entry"
    )
    return parser


def shown(text: str) -> str:
    """Return a path as it may be printed: no control character reaches the terminal."""
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in printable(text))


def run(argv: Sequence[str]) -> ExitCode:
    """Print where the cache is and what it holds, or empty it."""
    args = build_parser().parse_args(argv)
    for line in _clear() if args.action == "clear" else _info():
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
