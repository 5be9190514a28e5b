"""Index: which seeds an INDEX.md names, read from its Markdown text.

An INDEX.md is Markdown written by hand. A seed is named by a link ``[title](path)`` (also
``[title](<path with spaces>)``, ``%20``-encoded paths and reference links ``[id]: path``), by a
table row whose first cell is a path or a link, or by a bullet that is a bare path, optionally
followed by `` - title``. Prose, headings, images, inline code, code blocks (fenced or indented)
and HTML comments are ignored, and an entry listed twice is triaged once. Where the entries lead
is ``triage.inputs.targets``' business.

Reading is linear in the text's length, whatever it holds (``triage.inputs.mdlinks``): the only
regular expressions here are anchored at a line's start or cannot restart inside their own match.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote

from triage.inputs.formats import seed_suffixes
from triage.inputs.mdlinks import blank_code_spans, blank_comments, find_links

INDEX_NAME = "INDEX.md"
_REFERENCE = re.compile(r"^\s{0,3}\[((?:\\.|[^\]\\])+)\]:\s*(<[^>\n]*>|\S+)")
# No ``<`` in the body: a match attempt then stops at the next ``<``, so a search is linear.
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^<>\s]+)>")
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]+://")
_NOT_SEEDS = re.compile(r"^(?:mailto|tel|javascript|data):", re.I)
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")
# ``(?<!\s)``: a run of spaces is tried from its start only (else a search is quadratic in it).
_TITLE_SEPARATOR = re.compile(r"(?<!\s)\s+(?:[-\u2013\u2014]\s+|\()|:\s+|\t")
_PROSE_SEPARATOR = re.compile(r":\s|\s[-\u2013\u2014]\s")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>])")
_FENCES = ("```", "~~~")


@dataclass(frozen=True)
class IndexEntry:
    """One mention of a seed in an INDEX.md: as listed, its title, its line and the line's form.

    ``line`` counts from 0 in ``text.splitlines()``; ``form`` is ``table`` (a table row),
    ``bullet`` (a list item), ``reference`` (``[id]: path``) or ``line`` (a link in prose).
    """

    listed: str
    title: str
    line: int
    form: str


def parse_index(text: str) -> list[tuple[str, str]]:
    """Return ``(listed path, title)`` for every seed an INDEX.md names, first mention wins."""
    seen: dict[str, tuple[str, str]] = {}
    for entry in index_entries(text):
        seen.setdefault(entry_key(entry.listed), (entry.listed, entry.title))
    return list(seen.values())


def index_entries(text: str) -> list[IndexEntry]:
    """Return every mention of a seed, in order, repeats included, with its line and form."""
    entries: list[IndexEntry] = []
    for number, line in content_lines(text):
        form = line_form(line)
        for listed, title in _entries_in_line(line, form):
            if listed and not listed.startswith("#") and not _NOT_SEEDS.match(listed):
                entries.append(IndexEntry(listed, title, number, form))
    return entries


def entry_key(listed: str) -> str:
    """Return the key under which two spellings of one entry (``a b.txt``, ``./a%20b.txt``) meet."""
    if is_url(listed):
        return listed
    return posixpath.normpath(relative_part(listed))


def line_form(line: str) -> str:
    """Return the form of an index line: ``table``, ``reference``, ``bullet`` or ``line``."""
    if line.lstrip().startswith("|"):
        return "table"
    if _REFERENCE.match(line):
        return "reference"
    return "bullet" if _BULLET.match(line) else "line"


def indent_of(line: str) -> int:
    """Return the columns of a line's leading blanks, a tab reaching the next multiple of 4."""
    columns = 0
    for char in line:
        if char == " ":
            columns += 1
        elif char == "\t":
            columns += 4 - columns % 4
        else:
            break
    return columns


def content_lines(text: str) -> list[tuple[int, str]]:
    """Return ``(line number, line)`` outside code blocks (fenced or indented) and comments."""
    lines: list[tuple[int, str]] = []
    fence = ""
    in_list = indented_code = False
    blank_before = True
    for number, line in enumerate(blank_comments(text).splitlines()):
        blank, indent = not line.strip(), indent_of(line)
        marker = line.lstrip()[:3]
        if fence:
            fence = "" if marker == fence else fence
            continue
        if indented_code and (blank or indent >= 4):
            continue
        indented_code = not blank and indent >= 4 and blank_before and not in_list
        if indented_code:
            continue
        if marker in _FENCES and indent < 4:
            fence = marker
            continue
        if not blank and indent < 4:
            if _BULLET.match(line):
                in_list = True
            elif indent == 0 and (blank_before or line.startswith("#")):
                in_list = False
        blank_before = blank
        lines.append((number, line))
    return lines


def _entries_in_line(line: str, form: str) -> list[tuple[str, str]]:
    if form == "table":
        return _table_entry(line)
    reference = _REFERENCE.match(line)
    if reference:
        return [(_target(reference.group(2)), _unescape(reference.group(1)))]
    links = [(_target(link.target), _unescape(link.text)) for link in find_links(line)]
    links += [(m.group(1), "") for m in _AUTOLINK.finditer(blank_code_spans(line))]
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
    links = find_links(first)
    title = _unescape(cells[1]) if len(cells) > 1 else ""
    if links:
        return [(_target(links[0].target), title if len(cells) > 1 else _unescape(links[0].text))]
    first = first.strip("`").strip()
    return [(first, title)] if _looks_like_path(first) else []


def _looks_like_path(text: str) -> bool:
    candidate = text.strip().strip("`").strip()
    if not candidate or "\n" in candidate or "](" in candidate:  # a link shown as code
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
