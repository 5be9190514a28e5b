"""Index: which seeds an INDEX.md names, read from its Markdown text.

An INDEX.md is Markdown written by hand. A seed is named by a link ``[title](path)`` (also
``[title](<path with spaces>)``, ``%20``-encoded paths and reference links ``[id]: path``), by a
table row whose first cell is a path or a link, or by a bullet that is a bare path, optionally
followed by `` - title``. Prose, headings, code blocks and HTML comments are ignored, and an entry
listed twice is triaged once. Where the entries lead is ``triage.inputs.targets``' business.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote

from triage.inputs.formats import seed_suffixes

INDEX_NAME = "INDEX.md"
MAX_INDEX_BYTES = 5 * 1024 * 1024
_LINK = re.compile(r"!?\[((?:\\.|[^\]\\])*)\]\(\s*(<[^>\n]*>|[^)\n]*?)(?:\s+\"[^\"]*\")?\s*\)")
_REFERENCE = re.compile(r"^\s{0,3}\[((?:\\.|[^\]\\])+)\]:\s*(<[^>\n]*>|\S+)")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]+)>")
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]+://")
_NOT_SEEDS = re.compile(r"^(?:mailto|tel|javascript|data):", re.I)
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")
_TITLE_SEPARATOR = re.compile(r"\s+[-\u2013\u2014]\s+|:\s+|\s+\(|\t")
_PROSE_SEPARATOR = re.compile(r":\s|\s[-\u2013\u2014]\s")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_COMMENT = re.compile(r"(?<!\\)<!--.*?-->", re.S)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>])")


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
    return posixpath.normpath(relative_part(listed))


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
    return candidate.lower().endswith(seed_suffixes()) or is_url(candidate)


def is_url(listed: str) -> bool:
    """Tell whether an entry is a URL (``https:``, ``ftp:``...) rather than a drive path."""
    return bool(_URL.match(listed)) and not re.match(r"^[a-zA-Z]:[\\/]", listed)


def relative_part(listed: str) -> str:
    """Return the file part of a listed path: no ``#anchor``/``?query``, URL-decoded, ``/``.

    A ``%XX`` that is no UTF-8 stands for that byte of the file name (``triage index`` writes
    one so for a name that is not UTF-8).
    """
    part = listed.split("#", 1)[0].split("?", 1)[0]
    return unquote(part, errors="surrogateescape").replace("\\", "/").strip()
