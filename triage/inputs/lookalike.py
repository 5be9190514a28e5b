"""A Markdown file named on the command line that reads like an index: one document, a warning.

Decision: a file given by name is triaged as one document, whatever it holds; an index is a
file named ``INDEX.md`` or the folder that holds it. Reading a file as an index because of what
it contains would make a path's meaning depend on a guess: a README whose table of contents
links the files next to it would silently become a run over those files, and the report would
change shape with an edit to the text. So the meaning stays, and when most of the file's lines
link files next to it, a warning on stderr (logger ``triage``) says what to do if an index was
meant. Only the first 64 KB are looked at, and nothing is written.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

from triage.errors import TriageError
from triage.inputs.decode import decode
from triage.inputs.index import content_lines, index_entries, is_url, relative_part

logger = logging.getLogger("triage")
MARKDOWN_SUFFIXES = (".md", ".markdown")
_LOOK_BYTES = 64 * 1024
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def warn_if_index_like(path: Path) -> None:
    """Warn (logger ``triage``) when a Markdown file given by name reads like an index."""
    if path.suffix.lower() not in MARKDOWN_SUFFIXES:
        return
    text = _head(path)
    if text is None:
        return
    linked, lines = index_likeness(text, path.parent)
    if linked >= 2 and linked * 2 > lines:
        logger.warning(
            "triage: warning: %s reads like an index (%d of its %d lines link files next to it) "
            "but is triaged as one document; to triage the files it lists, name it %s or give "
            "its folder",
            path.as_posix(),
            linked,
            lines,
            "INDEX.md",
        )


def index_likeness(text: str, folder: Path) -> tuple[int, int]:
    """Return how many lines of a Markdown text link an existing local file, and of how many.

    Lines counted: those with text, outside code and comments, that are no heading and no table
    rule.
    """
    lines = {
        number
        for number, line in content_lines(text)
        if line.strip() and not line.lstrip().startswith("#") and set(line.strip()) - set("|-: ")
    }
    linked = {
        entry.line
        for entry in index_entries(text)
        if not is_url(entry.listed) and _is_file(folder / relative_part(entry.listed))
    }
    return len(linked & lines), len(lines)


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _head(path: Path) -> str | None:
    """Return the decoded first bytes of a regular file, or None when it cannot be read so."""
    try:
        descriptor = os.open(path, _READ_FLAGS)  # non-blocking: a FIFO is never waited on
    except (OSError, ValueError):
        return None
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return None
        data = os.read(descriptor, _LOOK_BYTES)
    except OSError:
        return None
    finally:
        os.close(descriptor)
    try:
        return decode(data, path) if data else None
    except TriageError:
        return None
