"""On-disk cache of compiled matchers and validated rule sets, keyed by their content.

Entries live in ``$TRIAGE_CACHE_DIR``, else ``$XDG_CACHE_HOME/seed-triage``, else
``~/.cache/seed-triage``; ``TRIAGE_CACHE_DIR=off`` turns the cache off. Each entry's name is a
SHA-256 of everything that went into it (rule text, engine, versions), so a changed rule simply
misses. An entry carries a checksum of its payload; a missing, corrupt or unreadable entry reads
as a miss, and a cache that cannot be written is skipped: the cache can never break a run.
Writes go to a temporary file that is renamed into place, so readers never see half an entry.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

CACHE_VARIABLE = "TRIAGE_CACHE_DIR"
_MAGIC = b"seed-triage-cache-1\n"
_DIGEST = 32


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
    try:
        blob = (folder / f"{kind}-{key}").read_bytes()
    except OSError:
        return None
    cut = len(_MAGIC) + _DIGEST
    head, digest, payload = blob[: len(_MAGIC)], blob[len(_MAGIC) : cut], blob[cut:]
    if head != _MAGIC or hashlib.sha256(payload).digest() != digest:
        return None
    return payload


def has_entry(kind: str, key: str) -> bool:
    """Return whether an entry exists (without reading or checking it)."""
    folder = cache_dir()
    return folder is not None and (folder / f"{kind}-{key}").is_file()


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
    return True


def _remove_quietly(path: str | None) -> None:
    if path is not None:
        with contextlib.suppress(OSError):
            os.unlink(path)
