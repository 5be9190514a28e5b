"""Output files: checked before any work, written atomically, never over one of the inputs.

``-o FILE`` is checked by ``guard_output`` before anything is scanned: ``-`` means stdout; a
file that is one of the run's inputs (a seed, an INDEX.md, a rule or configuration file, known
by device and inode, so a symlink or a hard link to one is caught too) is refused, and so is a
path whose folder is missing or cannot be written. ``emit`` then writes a regular file
atomically (through a symlink: the file it points to, and the link stays), and a device, a pipe
or ``/dev/stdout`` directly, as a shell's ``>`` would.
"""

from __future__ import annotations

import codecs
import os
import secrets
import stat
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from triage.errors import InputError
from triage.inputs import INDEX_NAME, collect_targets
from triage.report import printable, safe_text

STDOUT_NAME = "-"
# Links through these folders name an open file or a device (/dev/stdout, /proc/self/fd/1):
# such an output is opened and written, never replaced.
_LIVE_FOLDERS = ("/dev/", "/proc/")
_MAX_LINKS = 40


def write_output(path: Path | str, text: str | bytes) -> Path:
    """Write ``text`` to ``path`` through a temporary file and ``os.replace``; return the path.

    ``text`` as str is written in UTF-8 (see ``printable``); bytes are written as they are.

    The folder must exist: a missing folder is an ``InputError`` naming it, never created
    silently. A file already at ``path`` keeps its permissions.
    """
    path = Path(path)
    folder, shown = path.parent, safe_text(str(path))
    if not folder.is_dir():
        raise InputError(
            f"{shown}: folder {safe_text(str(folder))} does not exist; "
            "create it or choose another path"
        )
    if path.is_dir():
        raise InputError(f"{shown}: is a directory; give a file name to write to")
    temporary = folder / f".{path.name}.{secrets.token_hex(4)}.tmp"
    try:
        data = printable(text).encode("utf-8") if isinstance(text, str) else text
        _write_new(temporary, data, _mode_of(path))
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise InputError(f"{shown}: cannot write: {exc.strerror or exc}") from exc
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
    """Write ``text`` to ``output``, or to stdout when no file (or ``-``) is given.

    A regular file is replaced atomically, through a symlink if ``output`` is one; a device,
    a pipe or a link to an open file (``/dev/stdout``) is written directly. Bytes must be
    UTF-8 (see ``write_stdout``).
    """
    if output is None or str(output) == STDOUT_NAME:
        write_stdout(text)
        sys.stdout.flush()
        return
    path = Path(output)
    if _writes_directly(path):
        sys.stdout.flush()
        _write_directly(path, printable(text).encode("utf-8") if isinstance(text, str) else text)
    else:
        write_output(_link_target(path), text)


def guard_output(output: Path | None, inputs: Iterable[Path] = ()) -> Path | None:
    """Check, before any work, that ``output`` can be written and is none of ``inputs``.

    Return the path to write, or None for stdout (no ``-o``, or ``-o -``). Raise an
    ``InputError`` naming the path and what to do when it is one of the inputs (by device and
    inode), a directory, or in a folder that is missing or cannot be written.
    """
    if output is None or str(output) == STDOUT_NAME:
        return None
    path = Path(output)
    shown = safe_text(str(path))
    info = _stat(path)
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise InputError(f"{shown}: is a directory; give a file name to write to")
    if info is not None and (info.st_dev, info.st_ino) in _identities(inputs):
        raise InputError(
            f"{shown}: is one of this run's inputs (a seed, index, rule or configuration "
            "file); writing there would replace it; choose another output file"
        )
    if info is not None and _writes_directly(path):
        if not os.access(path, os.W_OK):
            raise InputError(f"{shown}: cannot write: permission denied; choose another path")
        return path
    _check_folder(_link_target(path), shown)
    return path


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


def bundle_files(paths: Sequence[Path], allow_outside: bool = False) -> list[Path]:
    """Return the files a run on ``paths`` reads: the documents and every INDEX.md."""
    files = [path / INDEX_NAME if path.is_dir() else path for path in paths]
    targets = collect_targets(list(paths), allow_outside)
    return files + [target.path for target in targets if target.path is not None]


def rule_files(folders: Iterable[Path]) -> list[Path]:
    """Return the rule and policy files (``*.yaml``) of the rule folders a run loads."""
    return [path for folder in folders if folder.is_dir() for path in folder.glob("*.yaml")]


def _stat(path: Path) -> os.stat_result | None:
    """Return what ``path`` leads to (links followed), or None when nothing is there yet."""
    try:
        return path.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        shown = safe_text(str(path))
        raise InputError(f"{shown}: cannot use as output: {exc.strerror or exc}") from exc


def _identities(paths: Iterable[Path]) -> set[tuple[int, int]]:
    """Return the device and inode of each path that exists (links followed)."""
    found = set()
    for path in paths:
        try:
            info = path.stat()
        except (OSError, ValueError):
            continue
        found.add((info.st_dev, info.st_ino))
    return found


def _check_folder(path: Path, shown: str) -> None:
    """Refuse an output whose folder is missing or takes no new file (tried, then removed)."""
    folder = path.parent
    if not folder.is_dir():
        raise InputError(
            f"{shown}: folder {safe_text(str(folder))} does not exist; "
            "create it or choose another path"
        )
    probe = folder / f".{path.name}.{secrets.token_hex(4)}.tmp"
    try:
        os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        probe.unlink()
    except OSError as exc:
        raise InputError(
            f"{shown}: cannot write in folder {safe_text(str(folder))}: "
            f"{exc.strerror or exc}; choose a folder you can write to"
        ) from exc


def _link_target(path: Path) -> Path:
    """Return the file a symlink leads to (so the link stays), or ``path`` itself."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _writes_directly(path: Path) -> bool:
    """Whether ``path`` is written in place: a device, a pipe, or a link to an open file."""
    try:
        info = path.stat()
    except OSError:
        return False
    if not stat.S_ISREG(info.st_mode):
        return True
    hop = path
    for _ in range(_MAX_LINKS):
        if not hop.is_symlink():
            return False
        if os.path.abspath(hop).startswith(_LIVE_FOLDERS):
            return True
        hop = hop.parent / os.readlink(hop)
    return False


def _write_directly(path: Path, data: bytes) -> None:
    """Write ``data`` to a device or pipe, or append to the open file a live link names."""
    regular = stat.S_ISREG(path.stat().st_mode)
    flags = os.O_WRONLY | (os.O_APPEND if regular else 0)
    try:
        descriptor = os.open(path, flags)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        shown = safe_text(str(path))
        raise InputError(f"{shown}: cannot write: {exc.strerror or exc}") from exc
