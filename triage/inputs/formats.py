"""Input formats: ONE table from a file's suffix to how it becomes clean text.

Every list of suffixes derives from ``FORMATS``: which files a folder lists as seeds, which paths
an INDEX.md bullet may name, which files are read as text (and may be read in pieces when
large). Plain text and Markdown are decoded here; the readers of other formats are named by a
dotted ``"module:function"`` and imported only when such a file is read, so start-up does not
pay for them. How their lines are numbered is explained in ``triage.inputs.readers``.

To add a format: one entry here (and its reader), plus its tests.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from triage.errors import InputError
from triage.inputs.decode import decode
from triage.inputs.files import DEFAULT_MAX_BYTES, read_limited
from triage.inputs.text import Document, make_document
from triage.registry import resolve

Reader = Callable[[bytes, Path], str]


@dataclass(frozen=True)
class InputFormat:
    """How files of one suffix become text."""

    reader: str | None = None
    """``"module:function"`` turning ``(bytes, path)`` into text; None: decoded as plain text."""
    markdown: bool = False
    """Whether Markdown noise is blanked from the text."""
    listed: bool = True
    """Whether a folder without an INDEX.md lists files of this suffix as seeds."""

    @property
    def is_text(self) -> bool:
        """Whether the file is decoded as plain text (so a large one can be read in pieces)."""
        return self.reader is None


TEXT = InputFormat()
MARKDOWN = InputFormat(markdown=True)
HTML = InputFormat("triage.inputs.readers:read_html")
# A file named on the command line with a suffix of no other format is read as plain text.
OTHER_TEXT = InputFormat(listed=False)

# In the order a folder's message lists them.
FORMATS: dict[str, InputFormat] = {
    ".txt": TEXT,
    ".md": MARKDOWN,
    ".markdown": MARKDOWN,
    ".text": TEXT,
    ".html": HTML,
    ".htm": HTML,
    ".pdf": InputFormat("triage.inputs.readers:read_pdf"),
    ".docx": InputFormat("triage.inputs.readers:read_docx"),
    ".xhtml": InputFormat(HTML.reader, listed=False),
    "": OTHER_TEXT,
}


def format_for(path: Path) -> InputFormat:
    """Return the format of a file, by its suffix (any unknown suffix is plain text)."""
    return FORMATS.get(path.suffix.lower(), OTHER_TEXT)


def seed_suffixes() -> tuple[str, ...]:
    """Return the suffixes of the files a folder lists as seeds (and an index bullet may name)."""
    return tuple(suffix for suffix, form in FORMATS.items() if form.listed)


def read_document(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one seed file; raise ``InputError`` saying what is wrong and what to do."""
    data = read_limited(path, max_bytes)
    if not data:
        raise InputError(f"{path}: empty file, nothing to triage; send the seed's content")
    doc = document_from_bytes(data, path)
    if not doc.text or doc.text.isspace():  # not strip(): no copy of a large text
        raise InputError(f"{path}: no text, only whitespace or markup; send the seed's content")
    return doc


def document_from_bytes(data: bytes, path: Path) -> Document:
    """Turn the bytes of a file into a document, with the reader its format names."""
    form = format_for(path)
    text = decode(data, path) if form.reader is None else load_reader(form.reader)(data, path)
    return make_document(text, str(path), markdown=form.markdown)


@cache
def load_reader(dotted: str) -> Reader:
    """Import a reader named ``"module:function"`` (on first use only)."""
    reader: Reader = resolve(dotted)
    return reader
