r"""The hyperscan engine: all rules in one Hyperscan database, one pass per document.

The database is compiled with ``HS_FLAG_SINGLEMATCH``: the pass reports each rule at most once,
so the slow part of Hyperscan from Python (one callback per event) costs one call per rule that
fires, not one per hit. RE2 then counts the hits of those rules only (see ``scanner``), so counts
are RE2's exactly. Flags: ``(?mi)`` becomes ``HS_FLAG_MULTILINE | HS_FLAG_CASELESS``; every pattern
that could match a non-ASCII character (``.``, ``[^...]``, ``\S``, non-ASCII text...) is compiled
with ``HS_FLAG_UTF8`` (so it matches characters, as in RE2), the others byte-wise (the same matches
on UTF-8 text, and several times cheaper to compile); never ``HS_FLAG_UCP``, so ``\b``, ``\w``,
``\d``, ``\s`` are ASCII, as in RE2.

Where the two engines could disagree, RE2 decides:
- a pattern Hyperscan refuses is run by RE2 on every document (it still costs one linear pass);
- Hyperscan's ``\s`` also matches a vertical tab, RE2's does not; RE2 also folds ``k`` with the
  Kelvin sign and ``s`` with the long s, byte-wise Hyperscan does not: a document containing any
  of these three characters is passed to the RE2 set instead.

Compiling takes seconds for hundreds of rules, so the database is serialized into the cache
(``triage.cache``) under a key made of the patterns, their flags and the Hyperscan version.
"""

from __future__ import annotations

import json
import platform
import re
from collections.abc import Iterable, Sequence
from typing import cast

import hyperscan
import re2

from triage.cache import cache_key, read_entry, write_entry
from triage.rules import Rule
from triage.scanner import VerifyingScanner, re2_set

_FLAGS = re.compile(r"\(\?([a-z]+)\)")
_FLAG_BITS = {
    "i": hyperscan.HS_FLAG_CASELESS,
    "m": hyperscan.HS_FLAG_MULTILINE,
    "s": hyperscan.HS_FLAG_DOTALL,
}
# Characters on which Hyperscan and RE2 disagree: vertical tab, Kelvin sign, long s.
_RE2_ONLY = (b"\x0b", "\u212a".encode(), "\u017f".encode())
# Escapes that can match a non-ASCII character (or need Unicode tables).
_WIDE_ESCAPES = frozenset("WSDBpPCX")
CACHE_KIND = "hyperscan"

Expression = tuple[bytes, int]


class HyperscanScanner(VerifyingScanner):
    """All rules in one Hyperscan database; RE2 counts the hits of the rules that fire."""

    engine = "hyperscan"

    def __init__(self, rules: Sequence[Rule], *, use_cache: bool = True) -> None:
        """Load the database from the cache, or compile it (and cache it)."""
        super().__init__(rules)
        expressions = [expression(rule.pattern()) for rule in self.rules]
        self._database, self._unsupported = load_database(expressions, use_cache=use_cache)
        self._fallback: re2.Set | None = None

    def fired(self, data: bytes) -> Iterable[int]:
        """Return the rules that match in ``data``, in one pass of the database."""
        if any(character in data for character in _RE2_ONLY):
            return self._re2_fired(data)
        found = set(self._unsupported)
        if self._database is not None:
            self._database.scan(data, match_event_handler=_collect, context=found)
        return found

    def _re2_fired(self, data: bytes) -> Iterable[int]:
        if self._fallback is None:
            self._fallback = re2_set(self.rules)
        return self.set_fired(self._fallback, data)


def _collect(rule: int, start: int, end: int, flags: int, found: object) -> None:
    cast(set[int], found).add(rule)


def expression(pattern: str) -> Expression:
    """Split a rule pattern's leading inline flags into Hyperscan flag bits."""
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


def database_key(expressions: Sequence[Expression]) -> str:
    """Return the cache key of a database: its expressions, flags, versions and platform."""
    version = str(getattr(hyperscan, "__version__", "unknown"))
    patterns = (f"{flags}:{body!r}" for body, flags in expressions)
    return cache_key(["hyperscan", version, platform.machine(), *patterns])


def load_database(
    expressions: Sequence[Expression], *, use_cache: bool = True
) -> tuple[hyperscan.Database | None, tuple[int, ...]]:
    """Return the database and the indexes of the patterns it lacks, from cache if possible."""
    key = database_key(expressions)
    cached = read_entry(CACHE_KIND, key) if use_cache else None
    loaded = _deserialize(cached) if cached is not None else None
    if loaded is not None:
        return loaded
    database, unsupported = compile_database(expressions)
    if use_cache:
        write_entry(CACHE_KIND, key, _serialize(database, unsupported))
    return database, unsupported


def compile_database(
    expressions: Sequence[Expression],
) -> tuple[hyperscan.Database | None, tuple[int, ...]]:
    """Compile every pattern Hyperscan accepts; return the database and the refused indexes."""
    indexes = list(range(len(expressions)))
    try:
        return (_compile(expressions, indexes) if indexes else None), ()
    except hyperscan.error:
        pass  # some pattern is refused: find which, then compile the others
    refused = sorted(_refused(expressions, indexes))
    accepted = [i for i in indexes if i not in set(refused)]
    if not accepted:
        return None, tuple(refused)
    return _compile(expressions, accepted), tuple(refused)


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


def _serialize(database: hyperscan.Database | None, unsupported: tuple[int, ...]) -> bytes:
    header = json.dumps({"unsupported": list(unsupported)}).encode() + b"\n"
    return header + (hyperscan.dumpb(database) if database is not None else b"")


def _deserialize(payload: bytes) -> tuple[hyperscan.Database | None, tuple[int, ...]] | None:
    """Rebuild a cached database; None when the entry cannot be used (then we recompile)."""
    header, _, body = payload.partition(b"\n")
    try:
        unsupported = tuple(int(i) for i in json.loads(header)["unsupported"])
        if not body:
            return None, unsupported
        database = hyperscan.loadb(body, hyperscan.HS_MODE_BLOCK)
        database.scratch = hyperscan.Scratch(database)
    except (ValueError, KeyError, TypeError, hyperscan.error):
        return None
    return database, unsupported
