"""Targets: the seeds of a bundle, from INDEX.md files, folders or paths on the command line.

A listed path resolves against the index's folder and may not leave it (``..``, an absolute path,
a symlink pointing out) unless the caller allows it explicitly. URLs are listed as not fetched,
never fetched. Problems become error targets, so one bad entry never hides the others.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from triage.errors import InputError
from triage.inputs.decode import decode
from triage.inputs.files import DEFAULT_MAX_BYTES, check_file, read_limited
from triage.inputs.formats import seed_suffixes
from triage.inputs.index import INDEX_NAME, is_url, parse_index, relative_part
from triage.inputs.lookalike import warn_if_index_like

_DRIVE = re.compile(r"^[a-zA-Z]:")  # C: and the like: absolute on Windows
_OUT = "symlink pointing out leaves the index's folder (use --allow-outside)"
_PATH_OUT = "path leaves the index's folder (use --allow-outside)"


@dataclass(frozen=True)
class Target:
    """One seed to triage: its name as listed, where it is, or why it cannot be read."""

    listed: str
    shown: str
    path: Path | None
    error: str | None = None
    size: int | None = None  # bytes, when the index looked at the file (it may change)
    # What makes two entries one file (device and inode), when the index already looked.
    key: object = field(default=None, compare=False, repr=False)


def resolve_entry(folder: Path, listed: str, shown_folder: str, allow_outside: bool) -> Target:
    """Resolve one listed path against its index's folder, refusing escapes and URLs."""
    if is_url(listed):
        return Target(listed, listed, None, "URL entry: not fetched; download it and list the file")
    relative = relative_part(listed)
    shown = _join(shown_folder, relative)
    if "\x00" in relative:
        return Target(listed, shown, None, "path contains a NUL character; fix the index entry")
    if not allow_outside and (relative.startswith("/") or _DRIVE.match(relative)):
        return Target(listed, shown, None, "absolute path refused; list it relative to the index")
    path = folder / relative
    info = _plain_file(path, relative)
    if info is not None:
        key = (info.st_dev, info.st_ino)
        return Target(listed, shown, path, size=info.st_size, key=key)
    if not allow_outside and not _inside(folder, path):
        reason = _OUT if _is_link_out(Path(relative)) else _PATH_OUT
        return Target(listed, shown, None, reason)
    return Target(listed, shown, path)


def entry_problem(
    folder: Path, listed: str, max_bytes: int = DEFAULT_MAX_BYTES, *, literal: bool = False
) -> tuple[str, str]:
    """Say what an entry of ``folder``'s index is: ``seed``, ``url``, ``gone`` or ``refused``.

    ``gone``: no file of that name. ``refused``: something is there but a run would refuse it
    (a symlink out, a path leaving the folder, a FIFO, a directory, a file over ``max_bytes``);
    the second item says why, in the words of the error row. ``literal``: ``listed`` is a file
    name in the folder as it is (no ``%20``, ``#anchor``), as ``triage index`` finds one.
    """
    if literal:
        path: Path | None = folder / listed
        error = None if _inside(folder, folder / listed) else _OUT
    elif is_url(listed):
        return "url", resolve_entry(folder, listed, "", allow_outside=False).error or ""
    else:
        target = resolve_entry(folder, listed, "", allow_outside=False)
        path, error = target.path, target.error
    if path is None or error is not None:
        return "refused", error or "refused"
    return _path_problem(path, max_bytes)


def _path_problem(path: Path, max_bytes: int) -> tuple[str, str]:
    """Say whether a path inside the folder is a seed a run reads, gone, or refused and why."""
    try:
        os.lstat(path)
    except FileNotFoundError:
        return "gone", "file gone"
    except (OSError, ValueError) as exc:
        return "refused", f"cannot be read: {getattr(exc, 'strerror', None) or exc}"
    try:
        check_file(path, path.stat(), max_bytes)
    except InputError as exc:
        return "refused", str(exc).removeprefix(f"{path}: ")
    except FileNotFoundError:
        return "refused", "symlink to a missing file; fix or remove the link"
    except (OSError, ValueError) as exc:
        return "refused", f"cannot be read: {getattr(exc, 'strerror', None) or exc}"
    return "seed", ""


def _plain_file(path: Path, relative: str) -> os.stat_result | None:
    """Return the ``lstat`` of a plain name in the folder that is there and no symlink.

    Such a name resolves inside the resolved folder: one ``lstat`` instead of resolving every
    component of both paths, and the same call tells the file's identity and size.
    """
    if "/" in relative or relative in ("", ".", ".."):
        return None
    try:
        info = os.lstat(path)
    except (OSError, ValueError):
        return None
    return None if stat.S_ISLNK(info.st_mode) else info


def _inside(folder: Path, path: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def _is_link_out(candidate: Path) -> bool:
    """Tell whether a path stays inside lexically, so only a symlink can take it out."""
    return ".." not in candidate.parts and not candidate.is_absolute()


def _join(folder: str, name: str) -> str:
    return name if folder in ("", ".") else f"{folder.rstrip('/')}/{name}"


def read_index(
    index: Path, allow_outside: bool = False, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[Target]:
    """Return the targets an INDEX.md lists, in order; an unusable index is one error target.

    The index is held to the seeds' size limit (``--max-bytes``). An entry naming the index
    itself (a "this file" link) is no seed and is left out.
    """
    shown = index.as_posix()
    try:
        text = decode(read_limited(index, max_bytes), index)
    except InputError as exc:
        return [Target(shown, shown, None, str(exc))]
    entries = parse_index(text)
    folder_shown = index.parent.as_posix()
    own = _identity(index)[0]
    targets = [
        _with_identity(resolve_entry(index.parent, listed, folder_shown, allow_outside))
        for listed, _ in entries
    ]
    seeds = [target for target in targets if target.path is None or target.key != own]
    if not seeds:
        problem = "lists no seeds; name each as [title](file) or run 'triage index' on the folder"
        if targets:
            problem = "lists only itself; name each seed as [title](file)"
        return [Target(shown, shown, None, f"{shown}: {problem}")]
    return seeds


def _with_identity(target: Target) -> Target:
    """Return the target with its identity and size, so the index can tell itself apart."""
    if target.path is None or target.key is not None:
        return target
    key, size = _identity(target.path)
    return Target(target.listed, target.shown, target.path, target.error, size, key)


def folder_documents(folder: Path, allow_outside: bool = False) -> list[Target]:
    """Return every document directly in a folder that has no INDEX.md, sorted by name."""
    shown = folder.as_posix()
    try:
        files = sorted(seed_files(folder))
    except OSError as exc:
        return [Target(shown, shown, None, f"{shown}: cannot list: {exc.strerror or exc}")]
    if not files:
        problem = f"no documents ({', '.join(seed_suffixes())}) and no {INDEX_NAME}"
        return [Target(shown, shown, None, f"{shown}: {problem}")]
    return [resolve_entry(folder, p.name, shown, allow_outside) for p in files]


def seed_files(folder: Path) -> list[Path]:
    """Return the files directly in a folder that look like seeds (not the INDEX.md itself)."""
    suffixes = seed_suffixes()
    return [
        path
        for path in folder.iterdir()
        if path.is_file()
        and path.suffix.lower() in suffixes
        and path.name != INDEX_NAME
        and not path.name.startswith(".")
    ]


def collect_targets(
    paths: list[Path], allow_outside: bool = False, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[Target]:
    """Expand command-line paths (INDEX.md files, folders, documents) into targets, each once.

    A file given by name is one document whatever it holds; a Markdown file that reads like an
    index gets a warning (see ``triage.inputs.lookalike``), never a change of meaning.
    """
    targets: list[Target] = []
    for path in paths:
        if path.is_dir():
            index = path / INDEX_NAME
            found = index.exists() or index.is_symlink()
            targets.extend(
                read_index(index, allow_outside, max_bytes)
                if found
                else folder_documents(path, allow_outside)
            )
        elif path.name == INDEX_NAME and path.is_file():
            targets.extend(read_index(path, allow_outside, max_bytes))
        else:
            warn_if_index_like(path)
            targets.append(Target(path.as_posix(), path.as_posix(), path))
    return _once(targets)


def _once(targets: list[Target]) -> list[Target]:
    """Keep the first of the targets that name one file, each with its size when known."""
    seen: set[object] = set()
    unique = []
    for target in targets:
        key: object = (target.listed, target.error)
        if target.key is not None:
            key = target.key
        elif target.path is not None:
            key, size = _identity(target.path)
            target = Target(target.listed, target.shown, target.path, target.error, size, key)
        if key not in seen:
            seen.add(key)
            unique.append(target)
    return unique


def _identity(path: Path) -> tuple[object, int | None]:
    """Return what makes two listed paths the same file (device and inode), and its size.

    One ``stat``, rather than resolving the path (an ``lstat`` per component); a path that
    cannot be read is known by its absolute, normalised spelling, and reported once.
    """
    try:
        info = path.stat()
    except (OSError, ValueError):
        return os.path.normpath(os.path.abspath(path)), None
    return (info.st_dev, info.st_ino), info.st_size
