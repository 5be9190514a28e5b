"""Output files: written atomically, so a reader never sees half a report or half an index."""

from __future__ import annotations

import codecs
import os
import secrets
import sys
from pathlib import Path

from triage.errors import InputError
from triage.report import printable


def write_output(path: Path | str, text: str | bytes) -> Path:
    """Write ``text`` to ``path`` through a temporary file and ``os.replace``; return the path.

    ``text`` as str is written in UTF-8 (see ``printable``); bytes are written as they are.

    The folder must exist: a missing folder is an ``InputError`` naming it, never created
    silently. A file already at ``path`` keeps its permissions.
    """
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise InputError(
            f"{path}: folder {folder} does not exist; create it or choose another path"
        )
    if path.is_dir():
        raise InputError(f"{path}: is a directory; give a file name to write to")
    temporary = folder / f".{path.name}.{secrets.token_hex(4)}.tmp"
    try:
        data = printable(text).encode("utf-8") if isinstance(text, str) else text
        _write_new(temporary, data, _mode_of(path))
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from exc
    return path


def _mode_of(path: Path) -> int | None:
    """Return the permissions of an existing file, or None for a new one (umask applies)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        return None


def _write_new(temporary: Path, data: bytes, mode: int | None) -> None:
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    if mode is not None:
        os.chmod(temporary, mode)


def emit(text: str | bytes, output: Path | None) -> None:
    """Write ``text`` to ``output`` atomically, or to stdout when no file is given.

    Bytes must be UTF-8 (see ``write_stdout``).
    """
    if output is None:
        write_stdout(text)
        sys.stdout.flush()
    else:
        write_output(output, text)


def write_stdout(text: str | bytes) -> None:
    """Write text (see ``printable``), or UTF-8 bytes, to stdout.

    Bytes go straight to the stream's binary buffer when it encodes in UTF-8 anyway and does
    not translate line ends (what was written as text before is flushed first, so the order
    holds); else they are decoded and written as text, which the stream treats as any other.
    """
    if isinstance(text, str):
        sys.stdout.write(printable(text))
        return
    buffer = getattr(sys.stdout, "buffer", None)
    as_is = os.linesep == "\n" and _is_utf8(getattr(sys.stdout, "encoding", None))
    if buffer is None or not as_is:
        sys.stdout.write(text.decode("utf-8"))
        return
    sys.stdout.flush()
    buffer.write(text)
    buffer.flush()


def _is_utf8(encoding: object) -> bool:
    """Whether a stream's ``encoding`` is UTF-8 (not for a stream that names none)."""
    try:
        return isinstance(encoding, str) and codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False
