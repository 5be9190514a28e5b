"""Index: which files make up a bundle, from an INDEX.md, a folder or paths on the command line.

A path listed in an index resolves against the index's folder and may not leave it (``..``, an
absolute path, a symlink pointing out) unless the caller allows it explicitly. URLs are listed
as not fetched, never fetched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

INDEX_NAME = "INDEX.md"
SEED_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".html", ".htm", ".pdf", ".docx")
_LINK = re.compile(r"!?\[([^\]]*)\]\(\s*<?([^)>]*?)>?(?:\s+\"[^\"]*\")?\s*\)")
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
_COMMENT = re.compile(r"<!--.*?-->", re.S)


@dataclass(frozen=True)
class Target:
    """One seed to triage: its name as listed, where it is, or why it cannot be read."""

    listed: str
    shown: str
    path: Path | None
    error: str | None = None


def parse_index(text: str) -> list[tuple[str, str]]:
    """Return ``(listed path, title)`` for every seed an INDEX.md names, first mention wins."""
    seen: dict[str, str] = {}
    for line in _content_lines(text):
        for listed, title in _entries_in_line(line):
            seen.setdefault(listed, title)
    return list(seen.items())


def _content_lines(text: str) -> list[str]:
    """Lines outside code fences and HTML comments."""
    lines, fenced = [], False
    for line in _COMMENT.sub("", text).splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced:
            lines.append(line)
    return lines


def _entries_in_line(line: str) -> list[tuple[str, str]]:
    if line.lstrip().startswith("|"):
        return _table_entry(line)
    links = [(m.group(2).strip(), m.group(1).strip()) for m in _LINK.finditer(line)]
    links = [(target, title) for target, title in links if target and not target.startswith("#")]
    if links:
        return links
    bullet = _BULLET.match(line)
    if bullet and _looks_like_path(bullet.group(1)):
        return [(bullet.group(1).strip().strip("`"), "")]
    return []


def _table_entry(line: str) -> list[tuple[str, str]]:
    if _TABLE_RULE.match(line):
        return []
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    first = cells[0] if cells else ""
    link = _LINK.search(first)
    if link:
        return [(link.group(2).strip(), link.group(1).strip())]
    title = cells[1] if len(cells) > 1 else ""
    return [(first.strip("`"), title)] if _looks_like_path(first) else []


def _looks_like_path(text: str) -> bool:
    candidate = text.strip().strip("`")
    return bool(candidate) and (
        candidate.lower().endswith(SEED_SUFFIXES) or bool(_URL.match(candidate))
    )


def resolve_entry(folder: Path, listed: str, shown_folder: str, allow_outside: bool) -> Target:
    """Resolve one listed path against its index's folder, refusing escapes and URLs."""
    shown = _join(shown_folder, listed)
    if _URL.match(listed) and not re.match(r"^[a-zA-Z]:[\\/]", listed):
        return Target(listed, listed, None, "URL entry: not fetched; download it and list the file")
    relative = unquote(listed.split("#", 1)[0].split("?", 1)[0])
    candidate = Path(relative)
    if not allow_outside and candidate.is_absolute():
        return Target(listed, shown, None, "absolute path refused; list it relative to the index")
    path = folder / candidate
    if not allow_outside and not _inside(folder, path):
        return Target(listed, shown, None, "path leaves the index's folder (use --allow-outside)")
    return Target(listed, _join(shown_folder, relative), path)


def _inside(folder: Path, path: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError):
        return False
    return True


def _join(folder: str, name: str) -> str:
    return name if folder in ("", ".") else f"{folder.rstrip('/')}/{name}"


def read_index(index: Path, allow_outside: bool = False) -> list[Target]:
    """Return the targets an INDEX.md lists, in order."""
    text = index.read_text(encoding="utf-8-sig", errors="replace")
    folder_shown = index.parent.as_posix()
    return [
        resolve_entry(index.parent, listed, folder_shown, allow_outside)
        for listed, _title in parse_index(text)
    ]


def folder_documents(folder: Path) -> list[Target]:
    """Return every document directly in a folder that has no INDEX.md, sorted by name."""
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SEED_SUFFIXES)
    return [Target(p.name, p.as_posix(), p) for p in files if p.name != INDEX_NAME]


def collect_targets(paths: list[Path], allow_outside: bool = False) -> list[Target]:
    """Expand command-line paths (INDEX.md files, folders, documents) into targets."""
    targets: list[Target] = []
    for path in paths:
        if path.is_dir():
            index = path / INDEX_NAME
            targets.extend(
                read_index(index, allow_outside) if index.is_file() else folder_documents(path)
            )
        elif path.name == INDEX_NAME and path.is_file():
            targets.extend(read_index(path, allow_outside))
        else:
            targets.append(Target(path.as_posix(), path.as_posix(), path))
    return targets
