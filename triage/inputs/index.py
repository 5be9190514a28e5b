"""Index: which files make up a bundle, from an INDEX.md, a folder or paths on the command line.

An INDEX.md is Markdown written by hand. A seed is named by a link ``[title](path)`` (also
``[title](<path with spaces>)``, ``%20``-encoded paths and reference links ``[id]: path``), by a
table row whose first cell is a path or a link, or by a bullet that is a bare path, optionally
followed by `` - title``. Prose, headings, code blocks and HTML comments are ignored, and an entry
listed twice is triaged once.

A listed path resolves against the index's folder and may not leave it (``..``, an absolute path,
a symlink pointing out) unless the caller allows it explicitly. URLs are listed as not fetched,
never fetched. Problems become error targets, so one bad entry never hides the others.
"""

from __future__ import annotations

import os
import posixpath
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from triage.errors import InputError
from triage.inputs.documents import decode, read_limited

INDEX_NAME = "INDEX.md"
MAX_INDEX_BYTES = 5 * 1024 * 1024
SEED_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".html", ".htm", ".pdf", ".docx")
_LINK = re.compile(r"!?\[((?:\\.|[^\]\\])*)\]\(\s*(<[^>\n]*>|[^)\n]*?)(?:\s+\"[^\"]*\")?\s*\)")
_REFERENCE = re.compile(r"^\s{0,3}\[((?:\\.|[^\]\\])+)\]:\s*(<[^>\n]*>|\S+)")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]+)>")
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]+://")
_DRIVE = re.compile(r"^[a-zA-Z]:")  # C: and the like: absolute on Windows
_NOT_SEEDS = re.compile(r"^(?:mailto|tel|javascript|data):", re.I)
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")
_TITLE_SEPARATOR = re.compile(r"\s+[-\u2013\u2014]\s+|:\s+|\s+\(|\t")
_PROSE_SEPARATOR = re.compile(r":\s|\s[-\u2013\u2014]\s")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_COMMENT = re.compile(r"(?<!\\)<!--.*?-->", re.S)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>])")


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


def parse_index(text: str) -> list[tuple[str, str]]:
    """Return ``(listed path, title)`` for every seed an INDEX.md names, first mention wins."""
    seen: dict[str, tuple[str, str]] = {}
    for line in _content_lines(text):
        for listed, title in _entries_in_line(line):
            if listed and not listed.startswith("#") and not _NOT_SEEDS.match(listed):
                seen.setdefault(entry_key(listed), (listed, title))
    return list(seen.values())


def entry_key(listed: str) -> str:
    """Return the key under which two spellings of one entry (``a b.txt``, ``./a%20b.txt``) meet."""
    if is_url(listed):
        return listed
    return posixpath.normpath(_relative_part(listed))


def _content_lines(text: str) -> list[str]:
    """Lines outside code fences and HTML comments."""
    lines: list[str] = []
    fence = ""
    for line in _COMMENT.sub("", text).splitlines():
        marker = line.lstrip()[:3]
        if marker in ("```", "~~~") and (not fence or marker == fence):
            fence = "" if fence else marker
        elif not fence:
            lines.append(line)
    return lines


def _entries_in_line(line: str) -> list[tuple[str, str]]:
    if line.lstrip().startswith("|"):
        return _table_entry(line)
    reference = _REFERENCE.match(line)
    if reference:
        return [(_target(reference.group(2)), _unescape(reference.group(1)))]
    links = [(_target(m.group(2)), _unescape(m.group(1))) for m in _LINK.finditer(line)]
    links += [(m.group(1), "") for m in _AUTOLINK.finditer(line)]
    if links:
        return links
    bullet = _BULLET.match(line)
    return _bare_path(bullet.group(1)) if bullet else []


def _target(raw: str) -> str:
    raw = raw.strip()
    return raw[1:-1].strip() if raw.startswith("<") and raw.endswith(">") else raw


def _unescape(text: str) -> str:
    if "\\" not in text:  # the usual case: no Markdown escape, no substitution to set up
        return text.strip()
    return _ESCAPE.sub(r"\1", text).strip()


def _bare_path(text: str) -> list[tuple[str, str]]:
    """Read a bullet that is a path, maybe in backticks, maybe followed by `` - title``."""
    text = text.strip()
    if text.startswith("`") and "`" in text[1:]:
        path, rest = text[1:].split("`", 1)
        title = _TITLE_SEPARATOR.sub("", rest, count=1).strip(" )")
        return [(path.strip(), title)] if _looks_like_path(path) else []
    parts = _TITLE_SEPARATOR.split(text, maxsplit=1)
    if len(parts) == 2 and _looks_like_path(parts[0]):
        return [(parts[0].strip(), parts[1].strip(" )"))]
    if _looks_like_path(text) and not _PROSE_SEPARATOR.search(text):
        return [(text, "")]
    return []


def _table_entry(line: str) -> list[tuple[str, str]]:
    if _TABLE_RULE.match(line):
        return []
    cells = [c.strip().replace("\\|", "|") for c in _CELL_SPLIT.split(line.strip().strip("|"))]
    first = cells[0] if cells else ""
    link = _LINK.search(first)
    title = _unescape(cells[1]) if len(cells) > 1 else ""
    if link:
        return [(_target(link.group(2)), title if len(cells) > 1 else _unescape(link.group(1)))]
    first = first.strip("`").strip()
    return [(first, title)] if _looks_like_path(first) else []


def _looks_like_path(text: str) -> bool:
    candidate = text.strip().strip("`").strip()
    if not candidate or "\n" in candidate:
        return False
    return candidate.lower().endswith(SEED_SUFFIXES) or is_url(candidate)


def is_url(listed: str) -> bool:
    """Tell whether an entry is a URL (``https:``, ``ftp:``...) rather than a drive path."""
    return bool(_URL.match(listed)) and not re.match(r"^[a-zA-Z]:[\\/]", listed)


def _relative_part(listed: str) -> str:
    """Return the file part of a listed path: no ``#anchor``/``?query``, URL-decoded, ``/``.

    A ``%XX`` that is no UTF-8 stands for that byte of the file name (``triage index`` writes
    one so for a name that is not UTF-8).
    """
    part = listed.split("#", 1)[0].split("?", 1)[0]
    return unquote(part, errors="surrogateescape").replace("\\", "/").strip()


def resolve_entry(folder: Path, listed: str, shown_folder: str, allow_outside: bool) -> Target:
    """Resolve one listed path against its index's folder, refusing escapes and URLs."""
    if is_url(listed):
        return Target(listed, listed, None, "URL entry: not fetched; download it and list the file")
    relative = _relative_part(listed)
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
        reason = "symlink pointing out" if _is_link_out(Path(relative)) else "path"
        return Target(
            listed, shown, None, f"{reason} leaves the index's folder (use --allow-outside)"
        )
    return Target(listed, shown, path)


def _plain_file(path: Path, relative: str) -> os.stat_result | None:
    """Return the ``lstat`` of a plain name in the folder that is there and no symlink.

    Such a name resolves inside the resolved folder: one ``lstat`` instead of resolving every
    component of both paths (~11), and the same call tells the file's identity and size.
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


def read_index(index: Path, allow_outside: bool = False) -> list[Target]:
    """Return the targets an INDEX.md lists, in order; an unusable index is one error target."""
    shown = index.as_posix()
    try:
        text = decode(read_limited(index, MAX_INDEX_BYTES), index)
    except InputError as exc:
        return [Target(shown, shown, None, str(exc))]
    entries = parse_index(text)
    if not entries:
        problem = "lists no seeds; name each as [title](file) or run 'triage index' on the folder"
        return [Target(shown, shown, None, f"{shown}: {problem}")]
    folder_shown = index.parent.as_posix()
    return [
        resolve_entry(index.parent, listed, folder_shown, allow_outside) for listed, _ in entries
    ]


def folder_documents(folder: Path, allow_outside: bool = False) -> list[Target]:
    """Return every document directly in a folder that has no INDEX.md, sorted by name."""
    shown = folder.as_posix()
    try:
        files = sorted(seed_files(folder))
    except OSError as exc:
        return [Target(shown, shown, None, f"{shown}: cannot list: {exc.strerror or exc}")]
    if not files:
        problem = f"no documents ({', '.join(SEED_SUFFIXES)}) and no {INDEX_NAME}"
        return [Target(shown, shown, None, f"{shown}: {problem}")]
    return [resolve_entry(folder, p.name, shown, allow_outside) for p in files]


def seed_files(folder: Path) -> list[Path]:
    """Return the files directly in a folder that look like seeds (not the INDEX.md itself)."""
    return [
        path
        for path in folder.iterdir()
        if path.is_file()
        and path.suffix.lower() in SEED_SUFFIXES
        and path.name != INDEX_NAME
        and not path.name.startswith(".")
    ]


def collect_targets(paths: list[Path], allow_outside: bool = False) -> list[Target]:
    """Expand command-line paths (INDEX.md files, folders, documents) into targets, each once."""
    targets: list[Target] = []
    for path in paths:
        if path.is_dir():
            index = path / INDEX_NAME
            found = index.exists() or index.is_symlink()
            targets.extend(
                read_index(index, allow_outside) if found else folder_documents(path, allow_outside)
            )
        elif path.name == INDEX_NAME and path.is_file():
            targets.extend(read_index(path, allow_outside))
        else:
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

    One ``stat`` (resolving the path took ~40 us: an ``lstat`` per component); a path that
    cannot be read is known by its absolute, normalised spelling, and reported once.
    """
    try:
        info = path.stat()
    except (OSError, ValueError):
        return os.path.normpath(os.path.abspath(path)), None
    return (info.st_dev, info.st_ino), info.st_size
