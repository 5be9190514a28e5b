"""On-disk cache of compiled matchers and validated rule sets, keyed by their content.

Entries live in ``$TRIAGE_CACHE_DIR``, else ``$XDG_CACHE_HOME/seed-triage``, else
``~/.cache/seed-triage``; ``TRIAGE_CACHE_DIR=off`` turns the cache off. Each entry's name is a
SHA-256 of everything that went into it (rule text, engine, versions), so a changed rule simply
misses. An entry carries a checksum of its payload; a missing, corrupt or unreadable entry reads
as a miss, and a cache that cannot be written is skipped: the cache can never break a run.
Writes go to a temporary file that is renamed into place, so readers never see half an entry.

The cache is bounded: after each write, the least recently used entries (a read refreshes an
entry's time) are removed until at most ``MAX_ENTRIES`` entries and ``MAX_BYTES`` bytes remain,
and temporary files left by a killed writer are removed after an hour. ``triage cache info``
shows the folder and its size, ``triage cache clear`` empties it. Only files named like entries
(``kind-<64 hex digits>``) or their temporary files are ever removed, so a cache folder set to a
folder that holds other files loses nothing else.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

CACHE_VARIABLE = "TRIAGE_CACHE_DIR"
MAX_ENTRIES = 64
MAX_BYTES = 256 * 1024 * 1024
STALE_TEMPORARY_SECONDS = 3600
_MAGIC = b"seed-triage-cache-1\n"
_DIGEST = 32
_ENTRY_NAME = re.compile(r"[a-z0-9_]+-[0-9a-f]{64}")
_TEMPORARY_NAME = re.compile(r"\.[a-z0-9_]+-[a-z0-9_]{8}")


class CacheUsage(NamedTuple):
    """What the cache folder holds: its entries and their bytes, and temporary files."""

    folder: Path | None
    entries: int
    size: int
    temporary: int


def cache_dir() -> Path | None:
    """Return the cache folder, or None when the cache is turned off."""
    chosen = os.environ.get(CACHE_VARIABLE, "").strip()
    if chosen.lower() in ("off", "0", "none"):
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base else Path.home() / ".cache") / "seed-triage"


def cache_key(parts: Iterable[str]) -> str:
    """Return the entry name for these inputs: a SHA-256 of all of them, in order."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def read_entry(kind: str, key: str) -> bytes | None:
    """Return a cached payload, or None if absent, unreadable or corrupt."""
    folder = cache_dir()
    if folder is None:
        return None
    entry = folder / f"{kind}-{key}"
    try:
        blob = entry.read_bytes()
    except OSError:
        return None
    cut = len(_MAGIC) + _DIGEST
    head, digest, payload = blob[: len(_MAGIC)], blob[len(_MAGIC) : cut], blob[cut:]
    if head != _MAGIC or hashlib.sha256(payload).digest() != digest:
        return None
    with contextlib.suppress(OSError):
        os.utime(entry)  # recently used: evicted last
    return payload


def write_entry(kind: str, key: str, payload: bytes) -> bool:
    """Store a payload atomically; return False (and carry on) when the cache is not writable."""
    folder = cache_dir()
    if folder is None:
        return False
    temporary: str | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{kind}-", dir=folder)
        with os.fdopen(handle, "wb") as out:
            out.write(_MAGIC + hashlib.sha256(payload).digest() + payload)
        os.replace(temporary, folder / f"{kind}-{key}")
    except OSError:
        _remove_quietly(temporary)
        return False
    prune(folder, keep=f"{kind}-{key}")
    return True


def _listing(folder: Path) -> tuple[list[tuple[float, int, Path]], list[tuple[float, Path]]]:
    """Return the entries (time, size, path) and temporary files (time, path) of a folder."""
    entries: list[tuple[float, int, Path]] = []
    temporary: list[tuple[float, Path]] = []
    try:
        children = list(os.scandir(folder))
    except OSError:
        return entries, temporary
    for child in children:
        try:
            info = child.stat(follow_symlinks=False)
        except OSError:
            continue
        if not child.is_file(follow_symlinks=False):
            continue
        if _ENTRY_NAME.fullmatch(child.name):
            entries.append((info.st_mtime, info.st_size, Path(child.path)))
        elif _TEMPORARY_NAME.fullmatch(child.name):
            temporary.append((info.st_mtime, Path(child.path)))
    return entries, temporary


def prune(
    folder: Path, *, keep: str = "", max_entries: int | None = None, max_bytes: int | None = None
) -> int:
    """Remove least recently used entries beyond the bounds and stale temporary files.

    The bounds default to ``MAX_ENTRIES`` and ``MAX_BYTES``. ``keep`` (an entry name, the one
    just written) is never removed. Return how many files were removed; a file another
    process removed first is simply skipped.
    """
    max_entries = MAX_ENTRIES if max_entries is None else max_entries
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    entries, temporary = _listing(folder)
    removed = 0
    cutoff = time.time() - STALE_TEMPORARY_SECONDS
    for mtime, path in temporary:
        if mtime < cutoff:
            removed += _remove_quietly(str(path))
    entries.sort(key=lambda entry: (entry[0], entry[2].name))
    count, total = len(entries), sum(size for _, size, _ in entries)
    for _, size, path in entries:
        if count <= max_entries and total <= max_bytes:
            break
        if path.name == keep:
            continue
        removed += _remove_quietly(str(path))
        count, total = count - 1, total - size
    return removed


def usage() -> CacheUsage:
    """Return the cache folder and what it holds (``triage cache info``)."""
    folder = cache_dir()
    if folder is None:
        return CacheUsage(None, 0, 0, 0)
    entries, temporary = _listing(folder)
    return CacheUsage(folder, len(entries), sum(size for _, size, _ in entries), len(temporary))


def clear() -> CacheUsage:
    """Remove every entry and temporary file; return what was removed (``triage cache clear``)."""
    before = usage()
    if before.folder is not None:
        entries, temporary = _listing(before.folder)
        for path in [p for _, _, p in entries] + [p for _, p in temporary]:
            _remove_quietly(str(path))
    return before


def _remove_quietly(path: str | None) -> int:
    """Remove a file if it is there; return 1 if it was removed, else 0."""
    if path is None:
        return 0
    try:
        os.unlink(path)
    except OSError:
        return 0
    return 1
