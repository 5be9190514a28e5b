"""The presence database of the default rules, built by the project and shipped in the package.

Hyperscan's compile of the presence database grows faster than the rule count: the 264 default
rules take ~26 s (each alone: ~9.6 s in all). So the project compiles it once, when the rules
change (``python -m triage.scan.hsshipped``), and ships it beside this module, LZMA-compressed
(~0.9 MB; read back in ~0.05 s). A test fails when it no longer holds every default rule.

A run looks up each of its rules' expressions in the shipped database; only the expressions it
does not hold (a custom rule, an edited one) are compiled (and cached: ``hsdatabase``), into a
second database. The presence pass runs each part; a part reports the rules of the run it holds
and ignores the others (rules left out with ``--disable``). The file names the Hyperscan
version and the machine it was built for (its code uses no CPU-specific features: ``info()``
says ``Features:`` with nothing after); elsewhere, or when it cannot be read, every expression
is compiled as before. Which rules fire never depends on it: RE2 double-checks every rule the
pass does not report (``hsengine``).
"""

from __future__ import annotations

import json
import lzma
import os
import platform
import sys
import tempfile
import time
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import hyperscan

from triage.rulebook import load_rules
from triage.scan.hsdatabase import (
    Expression,
    compile_database,
    expression,
    hyperscan_version,
    load_database,
)
from triage.scan.patternshape import presence_form

SHIPPED = Path(__file__).with_name("presence-default.hsdb.xz")
FORMAT = 1
_UNHELD = -1


class Part(NamedTuple):
    """One database of a presence pass, and the run's rule behind each of its pattern ids."""

    database: hyperscan.Database
    rules: tuple[int, ...]  # rule index for each id; _UNHELD for a pattern the run lacks


class Presence(NamedTuple):
    """The databases a presence pass runs, and the rules no database holds (RE2 runs them)."""

    parts: tuple[Part, ...]
    unsupported: tuple[int, ...]
    shipped: int  # how many of the rules the shipped database holds


class Shipped(NamedTuple):
    """The shipped database, the id of each expression it holds, and the ids it refused."""

    database: hyperscan.Database | None
    ids: dict[Expression, int]
    unsupported: frozenset[int]


def presence_expressions(patterns: Sequence[str]) -> list[Expression]:
    """Return the Hyperscan expressions of rule patterns in their presence form."""
    return [expression(presence_form(pattern)) for pattern in patterns]


def load_presence(
    expressions: Sequence[Expression], *, use_cache: bool = True, shipped: Path | None = None
) -> Presence:
    """Return the presence databases of these expressions: the shipped one, then the rest's.

    ``shipped``: the shipped database's file (default ``SHIPPED``).
    """
    base = read_shipped(shipped or SHIPPED)
    held = _held(expressions, base)
    rest = [index for index in range(len(expressions)) if index not in held]
    parts: list[Part] = []
    unsupported: list[int] = []
    if base is not None and held:
        unsupported += [index for index, code in held.items() if code in base.unsupported]
        if base.database is not None:
            parts.append(Part(base.database, _rules_by_id(held, len(base.ids))))
    if rest:
        loaded = load_database([expressions[index] for index in rest], use_cache=use_cache)
        unsupported += [rest[code] for code in loaded.unsupported]
        if loaded.database is not None:
            parts.append(Part(loaded.database, tuple(rest)))
    return Presence(tuple(parts), tuple(sorted(unsupported)), len(held))


def _held(expressions: Sequence[Expression], shipped: Shipped | None) -> dict[int, int]:
    """Map each expression the shipped database holds to its id there (a repeated one once)."""
    if shipped is None:
        return {}
    held: dict[int, int] = {}
    taken: set[int] = set()
    for index, compiled in enumerate(expressions):
        code = shipped.ids.get(compiled)
        if code is not None and code not in taken:
            held[index] = code
            taken.add(code)
    return held


def _rules_by_id(held: dict[int, int], size: int) -> tuple[int, ...]:
    rules = [_UNHELD] * size
    for index, code in held.items():
        rules[code] = index
    return tuple(rules)


@lru_cache(maxsize=4)
def read_shipped(path: Path = SHIPPED) -> Shipped | None:
    """Return the shipped database, or None when absent, unreadable or built for another setup."""
    try:
        header, body = _split(lzma.decompress(path.read_bytes()))
        if not _same_setup(header):
            return None
        ids = {(body_text.encode(), flags): code for code, (flags, body_text) in _listed(header)}
        unsupported = frozenset(int(str(code)) for code in _list(header, "unsupported"))
        database = _database(body) if body else None
    except (OSError, lzma.LZMAError, ValueError, KeyError, TypeError, hyperscan.error):
        return None
    return Shipped(database, ids, unsupported)


def _split(payload: bytes) -> tuple[dict[str, object], bytes]:
    head, _, body = payload.partition(b"\n")
    header = json.loads(head)
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise ValueError("not a shipped presence database of this format")
    return header, body


def _same_setup(header: dict[str, object]) -> bool:
    same_version = header.get("hyperscan") == hyperscan_version()
    return same_version and header.get("machine") == platform.machine()


def _listed(header: dict[str, object]) -> list[tuple[int, tuple[int, str]]]:
    pairs: list[tuple[int, tuple[int, str]]] = []
    for code, item in enumerate(_list(header, "expressions")):
        if not isinstance(item, list) or len(item) != 2:
            raise TypeError("each expression must be [flags, pattern]")
        pairs.append((code, (int(str(item[0])), str(item[1]))))
    return pairs


def _list(header: dict[str, object], name: str) -> list[object]:
    value = header[name]
    if not isinstance(value, list):
        raise TypeError(f"{name} must be a list")
    return value


def _database(body: bytes) -> hyperscan.Database:
    database = hyperscan.loadb(body, hyperscan.HS_MODE_BLOCK)
    database.scratch = hyperscan.Scratch(database)
    return database


def shipped_header(path: Path = SHIPPED) -> dict[str, object]:
    """Return the shipped file's header (version, machine, expressions); raise if unreadable."""
    return _split(lzma.decompress(path.read_bytes()))[0]


def write_shipped(patterns: Sequence[str], path: Path = SHIPPED) -> int:
    """Compile the presence database of these patterns and write it to ``path``; return bytes."""
    expressions = presence_expressions(patterns)
    loaded = compile_database(expressions)
    header = {
        "format": FORMAT,
        "hyperscan": hyperscan_version(),
        "machine": platform.machine(),
        "expressions": [[flags, body.decode()] for body, flags in expressions],
        "unsupported": list(loaded.unsupported),
    }
    body = hyperscan.dumpb(loaded.database) if loaded.database is not None else b""
    payload = lzma.compress(json.dumps(header).encode() + b"\n" + body, preset=9)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".shipped-")
    with os.fdopen(handle, "wb") as out:
        out.write(payload)
    os.chmod(temporary, 0o644)  # mkstemp's 0600 would follow the file into the wheel
    os.replace(temporary, path)
    read_shipped.cache_clear()
    return len(payload)


def main() -> int:
    """Rebuild the shipped database from the default rules (run after editing them)."""
    started = time.perf_counter()
    rules = load_rules().rules
    size = write_shipped([rule.pattern() for rule in rules], SHIPPED)
    seconds = time.perf_counter() - started
    print(f"{SHIPPED.name}: {len(rules)} rules, {size:,} bytes, built in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
