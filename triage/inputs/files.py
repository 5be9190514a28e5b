"""Files: reading a seed's bytes with its size checked first; never waiting on a pipe."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from triage.errors import InputError

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
# Non-blocking: opening a FIFO to read would otherwise wait for a writer.
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
_READ_PIECE = 1 << 30  # below Linux's largest single read, so a short read is the file's end


def read_limited(path: Path, max_bytes: int) -> bytes:
    """Read a regular file of at most ``max_bytes``; the size is checked before reading.

    One ``open`` and an ``fstat`` of what it opened, which is cheaper for a small seed than a
    ``stat`` and an ``io`` file object. Opened non-blocking, so a FIFO is refused, never waited on.
    """
    try:
        descriptor = os.open(path, _READ_FLAGS)
    except (OSError, ValueError) as exc:
        raise _unopened(path, exc, max_bytes) from exc
    try:
        info = os.fstat(descriptor)
        check_file(path, info, max_bytes)
        # One byte more than the file's size tells it grew; asking for ``max_bytes + 1``
        # would allocate that much up front for every small file.
        data = _read_up_to(descriptor, min(info.st_size, max_bytes) + 1)
        if len(data) > info.st_size:
            data += _read_up_to(descriptor, max_bytes + 1 - len(data))
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    finally:
        os.close(descriptor)
    if len(data) > max_bytes:
        raise InputError(f"{path}: grew while being read; over {size_text(max_bytes)}")
    return data


def _unopened(path: Path, exc: Exception, max_bytes: int) -> InputError:
    """Say why a seed could not be opened: missing, a folder or a socket, or not allowed."""
    if isinstance(exc, FileNotFoundError):
        return InputError(f"{path}: file not found; check the name in the index")
    with contextlib.suppress(OSError, ValueError):
        check_file(path, path.stat(), max_bytes)  # raises for what is no regular file
    if isinstance(exc, PermissionError):
        return InputError(f"{path}: permission denied; check the file's permissions")
    reason = getattr(exc, "strerror", None) or str(exc)
    return InputError(f"{path}: cannot read: {reason}")


def _read_up_to(descriptor: int, size: int) -> bytes:
    """Read ``size`` bytes, or fewer where the file ends (a short read of a file is its end)."""
    pieces = []
    while size > 0:
        asked = min(size, _READ_PIECE)
        piece = os.read(descriptor, asked)
        pieces.append(piece)
        size -= len(piece)
        if len(piece) < asked:
            break
    return b"".join(pieces)


def check_file(path: Path, info: os.stat_result, max_bytes: int) -> None:
    """Refuse what is not a regular file of at most ``max_bytes``, saying what to do."""
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        raise InputError(f"{path}: is a directory, not a document; list the files in it instead")
    if not stat.S_ISREG(mode):
        raise InputError(f"{path}: not a regular file (device, pipe or socket); refused")
    size = info.st_size
    if size > max_bytes:
        raise InputError(
            f"{path}: {size_text(size)} is over the size limit of {size_text(max_bytes)}; "
            "raise it with --max-bytes if this file really is a seed"
        )


def size_text(size: int) -> str:
    """Return a size for people: ``50 MB (52428800 bytes)``."""
    for unit, factor in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if size >= factor:
            return f"{size / factor:.3g} {unit} ({size} bytes)"
    return f"{size} bytes"
