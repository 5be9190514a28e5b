"""Documents: bytes on disk to clean text whose line and column numbers match the original file.

Cleaning never moves text between lines, and Markdown markup is blanked with spaces rather than
removed, so an offset in the clean text gives the line and column a person sees in their editor.
"""

from __future__ import annotations

import bisect
import codecs
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from triage.errors import InputError

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text", "")
MARKDOWN_SUFFIXES = (".md", ".markdown")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_NEWLINES = re.compile(r"\r\n?")
_LINE_END = re.compile("\n")
# Markdown that carries no words: link targets, HTML tags, emphasis and quote marks. Backticks
# stay: a code span is evidence of an interface.
_HTML_TAGS = (
    "a|abbr|b|br|code|dd|del|details|div|dl|dt|em|h[1-6]|hr|i|img|kbd|li|ol|p|pre|s|small|span|"
    "strong|sub|summary|sup|table|tbody|td|th|thead|tr|u|ul|center|font|figure|figcaption|picture|"
    "source|video|iframe|style|script"
)
_MD_NOISE = re.compile(
    r"(?<=\])\([^)\s]*(?:\s+\"[^\"]*\")?\)"
    rf"|</?(?:{_HTML_TAGS})\b[^>\n]{{0,200}}>|<!--|-->"
    r"|\*\*|__|^[ \t]{0,3}>",
    re.IGNORECASE | re.MULTILINE,
)


@dataclass(frozen=True)
class Document:
    """Clean text of one seed, ready to scan."""

    name: str
    text: str

    @cached_property
    def words(self) -> int:
        """Return the number of whitespace-separated words."""
        return len(self.text.split())

    @cached_property
    def line_starts(self) -> tuple[int, ...]:
        """Return the offset where each line starts (computed only when evidence is located)."""
        return (0, *(m.end() for m in _LINE_END.finditer(self.text)))

    def locate(self, offset: int) -> tuple[int, int]:
        """Return the 1-based line and column of a character offset."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def excerpt(self, start: int, end: int, width: int = 90) -> str:
        """Return the line around a span, trimmed to ``width`` characters, whitespace collapsed."""
        line_start = self.text.rfind("\n", 0, start) + 1
        line_end = self.text.find("\n", end)
        line_end = len(self.text) if line_end < 0 else line_end
        left = max(line_start, min(start - width // 3, line_end - width))
        snippet = " ".join(self.text[left : min(line_end, left + width)].split())
        prefix = "…" if left > line_start else ""
        suffix = "…" if left + width < line_end else ""
        return f"{prefix}{snippet}{suffix}"


def make_document(text: str, name: str = "<text>", *, markdown: bool = False) -> Document:
    """Build a document from text: normalise line endings and blank Markdown noise."""
    text = _NEWLINES.sub("\n", text.lstrip("\ufeff"))
    if markdown:
        text = _MD_NOISE.sub(lambda m: " " * len(m.group()), text)
    return Document(name=name, text=text)


def read_document(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one seed file; raise ``InputError`` saying what is wrong and what to do."""
    data = _read_bytes(path, max_bytes)
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES:
        raise InputError(f"{path}: unsupported format {suffix!r}; convert it to .txt or .md")
    return make_document(decode(data, path), str(path), markdown=suffix in MARKDOWN_SUFFIXES)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        if path.is_dir():
            raise InputError(f"{path}: is a directory, not a document")
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"{path}: {size} bytes is over the size limit of {max_bytes} bytes")
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"{path}: file not found") from exc
    except PermissionError as exc:
        raise InputError(f"{path}: permission denied; check the file's permissions") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc


def decode(data: bytes, path: Path | str = "<bytes>") -> str:
    """Decode bytes: BOM first, then strict UTF-8, then Windows-1252; refuse binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    if b"\x00" in data:
        raise InputError(f"{path}: not a text document (contains NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")
