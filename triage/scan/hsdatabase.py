r"""Hyperscan databases: rule patterns to Hyperscan expressions, compiled once and cached.

Flags: ``(?mi)`` becomes ``HS_FLAG_MULTILINE | HS_FLAG_CASELESS``; every pattern that could
match a non-ASCII character (``.``, ``[^...]``, ``\S``, non-ASCII text...) is compiled with
``HS_FLAG_UTF8`` (so it matches characters, as in RE2), the others byte-wise (the same matches on
UTF-8 text, and several times cheaper to compile); never ``HS_FLAG_UCP``, so ``\b``, ``\w``,
``\d``, ``\s`` are ASCII, as in RE2. A pattern Hyperscan refuses is left out of the database and
reported, so RE2 runs it instead.

Compiling takes seconds, so each database is serialized into the cache (``triage.cache``) under
a key made of the patterns, their flags and the Hyperscan version.
"""

from __future__ import annotations

import json
import platform
import re
from collections.abc import Sequence
from typing import NamedTuple

import hyperscan

from triage.cache import cache_key, read_entry, write_entry

_FLAGS = re.compile(r"\(\?([a-z]+)\)")
_FLAG_BITS = {
    "i": hyperscan.HS_FLAG_CASELESS,
    "m": hyperscan.HS_FLAG_MULTILINE,
    "s": hyperscan.HS_FLAG_DOTALL,
}
# Escapes that can match a non-ASCII character (or need Unicode tables).
_WIDE_ESCAPES = frozenset("WSDBpPCX")
CACHE_KIND = "hyperscan"

Expression = tuple[bytes, int]


def expression(pattern: str) -> Expression:
    """Split a rule pattern's leading inline flags into Hyperscan flag bits.

    Every expression reports its rule at most once (``HS_FLAG_SINGLEMATCH``): presence only.
    """
    flags = hyperscan.HS_FLAG_SINGLEMATCH
    head = _FLAGS.match(pattern)
    if head and set(head.group(1)) <= set(_FLAG_BITS):
        for letter in head.group(1):
            flags |= _FLAG_BITS[letter]
        pattern = pattern[head.end() :]
    if may_match_non_ascii(pattern):
        flags |= hyperscan.HS_FLAG_UTF8
    return pattern.encode("utf-8"), flags


def may_match_non_ascii(pattern: str) -> bool:
    """Return whether a pattern could match a non-ASCII character (conservatively: yes if unsure).

    Such a pattern must run in UTF-8 mode, where ``.`` or ``[^x]{1,9}`` count characters, not bytes.
    """
    if not pattern.isascii():
        return True
    index, in_class = 0, False
    while index < len(pattern):
        char, after = pattern[index], pattern[index + 1 : index + 2]
        if char == "\\":
            if _wide_escape(pattern[index + 1 : index + 3]):
                return True
            index += 2
            continue
        if in_class:
            if pattern.startswith("[:^", index):
                return True
            in_class = char != "]"
        elif char == "[":
            if after == "^":
                return True
            in_class = True
            index += 1 if after == "]" else 0  # a leading "]" is a literal
        elif char == ".":
            return True
        index += 1
    return False


def _wide_escape(escape: str) -> bool:
    """Whether an escape (the two characters after a backslash) may match beyond ASCII."""
    letter, following = escape[:1], escape[1:]
    if letter in _WIDE_ESCAPES or letter.isdigit():
        return True
    return letter == "x" and (not following or following in "89abcdefABCDEF{")


def hyperscan_version() -> str:
    """Return the installed hyperscan's version: a database loads only in the one that wrote it."""
    return str(getattr(hyperscan, "__version__", "unknown"))


def database_key(expressions: Sequence[Expression]) -> str:
    """Return the cache key of a database: its expressions, flags, versions and platform."""
    patterns = (f"{flags}:{body!r}" for body, flags in expressions)
    return cache_key(["hyperscan", hyperscan_version(), platform.machine(), *patterns])


class Loaded(NamedTuple):
    """A compiled database and what it does not cover."""

    database: hyperscan.Database | None
    unsupported: tuple[int, ...]  # patterns Hyperscan refused


def load_database(expressions: Sequence[Expression], *, use_cache: bool = True) -> Loaded:
    """Return the database of the expressions, from cache if possible; see ``compile_database``."""
    key = database_key(expressions)
    cached = read_entry(CACHE_KIND, key) if use_cache else None
    loaded = _deserialize(cached) if cached is not None else None
    if loaded is not None:
        return loaded
    loaded = compile_database(expressions)
    if use_cache:
        write_entry(CACHE_KIND, key, _serialize(loaded))
    return loaded


def compile_database(expressions: Sequence[Expression]) -> Loaded:
    """Compile every pattern Hyperscan accepts; return the database and the refused indexes."""
    indexes = list(range(len(expressions)))
    try:
        return Loaded(_compile(expressions, indexes) if indexes else None, ())
    except hyperscan.error:
        pass  # some pattern is refused: find which, then compile the others
    refused = sorted(_refused(expressions, indexes))
    accepted = [i for i in indexes if i not in set(refused)]
    if not accepted:
        return Loaded(None, tuple(refused))
    return Loaded(_compile(expressions, accepted), tuple(refused))


def _compile(expressions: Sequence[Expression], indexes: Sequence[int]) -> hyperscan.Database:
    database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    database.compile(
        expressions=[expressions[i][0] for i in indexes],
        ids=list(indexes),
        elements=len(indexes),
        flags=[expressions[i][1] for i in indexes],
    )
    return database


def _refused(expressions: Sequence[Expression], indexes: list[int]) -> list[int]:
    """Find the patterns Hyperscan refuses by halving (the error does not say which one)."""
    try:
        _compile(expressions, indexes)
    except hyperscan.error:
        if len(indexes) == 1:
            return indexes
        middle = len(indexes) // 2
        return _refused(expressions, indexes[:middle]) + _refused(expressions, indexes[middle:])
    return []


def _serialize(loaded: Loaded) -> bytes:
    lists = {"unsupported": list(loaded.unsupported)}
    header = json.dumps(lists).encode() + b"\n"
    return header + (hyperscan.dumpb(loaded.database) if loaded.database is not None else b"")


def _deserialize(payload: bytes) -> Loaded | None:
    """Rebuild a cached database; None when the entry cannot be used (then we recompile)."""
    header, _, body = payload.partition(b"\n")
    try:
        lists = json.loads(header)
        unsupported = tuple(int(i) for i in lists["unsupported"])
        if not body:
            return Loaded(None, unsupported)
        database = hyperscan.loadb(body, hyperscan.HS_MODE_BLOCK)
        database.scratch = hyperscan.Scratch(database)
    except (ValueError, KeyError, TypeError, AttributeError, hyperscan.error):
        return None
    return Loaded(database, unsupported)
