"""Readers for seeds that are not plain text: HTML, PDF and Word (.docx).

Imported only when such a file is read (``triage.inputs.formats`` names them), so the CLI does
not pay for them at start-up. PDF and Word need optional extras (``seed-triage[pdf]``,
``seed-triage[docx]``); HTML uses the standard library. How evidence lines map back to the file:

- HTML: line N of the clean text is line N of the HTML source, holding the visible text of that
  source line (columns count within the visible text). Scripts, styles, navigation, site headers
  and footers, and hidden elements are dropped; their lines stay, empty.
- PDF: lines of the text the PDF carries, page after page, one blank line between pages.
- Word: one line per paragraph, in body order; a table row is one line, cells joined by `` | ``.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

from triage.errors import InputError
from triage.inputs.decode import decode

if TYPE_CHECKING:
    from docx.table import Table

MAX_UNPACKED_BYTES = 256 * 1024 * 1024
_DROPPED = frozenset({"script", "style", "noscript", "template", "svg", "canvas", "iframe"})
_BOILERPLATE = frozenset({"nav", "aside"})
_PAGE_FRAME = frozenset({"header", "footer"})
_CONTENT = frozenset({"article", "main"})
_BOILERPLATE_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search"})
# fmt: off
_BLOCKS = frozenset((
    "address", "article", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main", "ol", "p", "pre", "section", "table",
    "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul",
))
# fmt: on
# Elements that never have an end tag, so must never open a skipped region.
_VOID = frozenset(
    ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr")
)
# An inline style that hides an element: its text is not visible on the page.
_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.I)
_UNICODE_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_CHARSET = re.compile(rb"""<meta[^>]{0,200}charset\s*=\s*["']?([a-zA-Z0-9_.:-]{1,40})""", re.I)


def missing_extra(path: Path, extra: str) -> InputError:
    """Return the error for a format whose optional dependency is not installed."""
    return InputError(
        f"{path}: reading {path.suffix.lower()} files needs the {extra} extra; "
        f"install it with: pip install 'seed-triage[{extra}]'"
    )


class _VisibleText(HTMLParser):
    """Collects visible text, keeping each piece on the line it has in the source."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        self._skipping: list[str] = []
        self._content_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skipping:
            if tag == self._skipping[0]:
                self._skipping.append(tag)
        elif tag not in _VOID and (tag in _DROPPED or self._is_boilerplate(tag, dict(attrs))):
            self._skipping.append(tag)
        else:
            self._content_depth += tag in _CONTENT
            self._separate(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self._skipping:
            self._separate(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._skipping:
            if tag == self._skipping[0]:
                self._skipping.pop()
            return
        if tag in _CONTENT:
            self._content_depth = max(0, self._content_depth - 1)
        self._separate(tag)

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        line, _column = self.getpos()
        while len(self.lines) < line:
            self.lines.append("")
        first, *rest = data.replace("\xa0", " ").split("\n")
        self.lines[line - 1] += first
        self.lines.extend(rest)

    def _is_boilerplate(self, tag: str, attrs: dict[str, str | None]) -> bool:
        if tag in _BOILERPLATE or (tag in _PAGE_FRAME and not self._content_depth):
            return True
        if "hidden" in attrs or attrs.get("aria-hidden") == "true":
            return True
        if _HIDDEN_STYLE.search(attrs.get("style") or ""):
            return True
        return (attrs.get("role") or "").lower() in _BOILERPLATE_ROLES

    def _separate(self, tag: str) -> None:
        """Keep words of neighbouring blocks apart (``<td>a</td><td>b</td>``)."""
        if tag in _BLOCKS:
            line, _column = self.getpos()
            while len(self.lines) < line:
                self.lines.append("")
            if self.lines[line - 1] and not self.lines[line - 1].endswith(" "):
                self.lines[line - 1] += " "


def read_html(data: bytes, path: Path) -> str:
    """Return the visible text of an HTML page, line by line as in the source."""
    text = _decode_html(data, path)
    parser = _VisibleText()
    with _reader_errors(path, "HTML page"):
        parser.feed(text)
        parser.close()
    return "\n".join(line.rstrip() for line in parser.lines)


def _decode_html(data: bytes, path: Path) -> str:
    """Decode like any text (BOM, UTF-8, binary refused), unless a meta tag names a charset."""
    text = decode(data, path)
    declared = _CHARSET.search(data[:2048])
    if declared is None or data.startswith(_UNICODE_BOMS):
        return text
    encoding = declared.group(1).decode("ascii").lower()
    if encoding.startswith(("utf-8", "utf8", "utf-16", "utf-32")):
        return text
    try:
        return data.decode(encoding, errors="replace")
    except LookupError:
        return text


def read_pdf(data: bytes, path: Path) -> str:
    """Return the text of every page of a PDF; needs the ``pdf`` extra (pypdf)."""
    try:
        from pypdf import PdfReader
    except ImportError as exc:
        raise missing_extra(path, "pdf") from exc
    with _reader_errors(path, "PDF"), _quiet("pypdf"):
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{path}: the PDF is password-protected; send an unprotected copy")
        pages = [page.extract_text() or "" for page in reader.pages]
    text = "\n\n".join(page.strip("\n") for page in pages)
    if not text.strip():
        raise InputError(f"{path}: the PDF has no text layer (a scan?); send the text or OCR it")
    return text


def read_docx(data: bytes, path: Path) -> str:
    """Return the paragraphs and table rows of a Word file; needs the ``docx`` extra."""
    try:
        import docx
        import docx.table
    except ImportError as exc:
        raise missing_extra(path, "docx") from exc
    with _reader_errors(path, "Word (.docx) document"):
        _check_unpacked_size(data, path)
        document = docx.Document(io.BytesIO(data))
        lines = [
            _row_text(block) if isinstance(block, docx.table.Table) else block.text
            for block in document.iter_inner_content()
        ]
    return "\n".join(lines)


def _row_text(table: Table) -> str:
    return "\n".join(
        " | ".join(" ".join(cell.text.split()) for cell in row.cells) for row in table.rows
    )


def _check_unpacked_size(data: bytes, path: Path) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > MAX_UNPACKED_BYTES:
        raise InputError(
            f"{path}: unpacks to {unpacked} bytes, over the {MAX_UNPACKED_BYTES}-byte limit; "
            "refused (a zip bomb?)"
        )


@contextlib.contextmanager
def _reader_errors(path: Path, what: str) -> Iterator[None]:
    """Turn any failure of a format library into an error row: a bad file must not stop a run."""
    try:
        yield
    except InputError:
        raise
    except Exception as exc:  # the libraries raise many types on damaged files
        reason = " ".join(str(exc).split())[:160] or type(exc).__name__
        raise InputError(f"{path}: not a readable {what}: {reason}") from exc


@contextlib.contextmanager
def _quiet(logger_name: str) -> Iterator[None]:
    """Silence a library's warnings about damaged files; the error row says what matters."""
    logger = logging.getLogger(logger_name)
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)
