"""Documents: bytes on disk to clean text whose line and column numbers match the original file.

Cleaning never moves text between lines, and Markdown markup is blanked with spaces rather than
removed, so an offset in the clean text gives the line and column a person sees in their editor.
HTML, PDF and Word files go through ``triage.inputs.readers`` (imported only when such a file is
read); how their lines are numbered is explained there.
"""

from __future__ import annotations

import bisect
import codecs
import contextlib
import itertools
import os
import re
import stat
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Protocol

import re2

from triage.errors import InputError

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text", "")
MARKDOWN_SUFFIXES = (".md", ".markdown")
_READERS = (".html", ".htm", ".xhtml", ".pdf", ".docx")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Magic numbers of formats people send by mistake under a text name, for a better message.
_MAGIC = (
    (b"%PDF-", "a PDF; name it .pdf"),
    (b"PK\x03\x04", "a zip archive (a .docx?); name it .docx if it is a Word file"),
    (b"\xd0\xcf\x11\xe0", "an old Office file (.doc); save it as .docx or .txt"),
    (b"{\\rtf", "an RTF file; save it as .docx or .txt"),
)
# C0 control characters other than tab, line feed, form feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
_MAX_CONTROL_SHARE = 0.05
_NEWLINES = re.compile(r"\r\n?")
_WORD_CHUNK = 1 << 22
# Translation of bytes for counting words: whitespace (as ``str.isspace`` says) to b" ", rest b"x".
_WORD_BYTES = bytes(32 if chr(b).isspace() else 120 for b in range(128)) + b"x" * 128
# The characters beyond ASCII that ``str.split()`` treats as whitespace.
UNICODE_SPACES = "\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_UNICODE_SPACE = re2.compile(f"[{UNICODE_SPACES}]")
_MANY_SPACES = 10_000
_LINE_END = re.compile("\n")
# Non-blocking: opening a FIFO to read would otherwise wait for a writer.
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
_READ_PIECE = 1 << 30  # below Linux's largest single read, so a short read is the file's end
# Markdown that carries no words: link targets, HTML tags, emphasis and quote marks. Backticks
# stay: a code span is evidence of an interface.
_HTML_TAGS = (
    "a|abbr|b|br|code|dd|del|details|div|dl|dt|em|h[1-6]|hr|i|img|kbd|li|ol|p|pre|s|small|span|"
    "strong|sub|summary|sup|table|tbody|td|th|thead|tr|u|ul|center|font|figure|figcaption|picture|"
    "source|video|iframe|style|script"
)
# Markdown noise as one alternation whose every branch starts with a literal character, so ``re``
# skips ahead to candidates (a look-behind ``(?<=\])`` or a ``^`` branch made it 2-3x slower):
# a link target is matched from its ``]`` and a quote mark from the newline before it; both of
# these characters are kept. No other branch can start at a ``]`` or a newline, or end there, so
# the same spans are blanked as with ``(?<=\])\(...\)`` and ``^[ \t]{0,3}>`` (a test compares).
_MD_NOISE = re.compile(
    r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"
    rf"|</?(?:{_HTML_TAGS})\b[^>\n]{{0,200}}>|<!--|-->"
    r"|\*\*|__|\n[ \t]{0,3}>",
    re.IGNORECASE,
)
# Every piece of noise contains one of these.
_MD_NEEDLES = ("](", "<", "-->", "**", "__", ">")


def _blank(match: re.Match[str]) -> str:
    found = match.group()
    if found[0] in "]\n":
        return found[0] + " " * (len(found) - 1)
    return " " * len(found)


def blank_markdown_noise(text: str) -> str:
    """Replace Markdown noise with as many spaces, so no line or column moves.

    Link targets, HTML tags and comments, emphasis marks and quote marks; backticks stay (a code
    span is evidence of an interface). A newline is put in front so the first line's quote mark
    is found like the others, and taken off again.
    """
    if not any(needle in text for needle in _MD_NEEDLES):
        return text
    return _MD_NOISE.sub(_blank, "\n" + text)[1:]


@dataclass(frozen=True)
class Document:
    """Clean text of one seed, ready to scan."""

    name: str
    text: str

    @cached_property
    def words(self) -> int:
        """Return the number of whitespace-separated words (as ``len(text.split())``)."""
        return count_words(self.text)

    @cached_property
    def line_starts(self) -> tuple[int, ...]:
        """Return the offset where each line starts (computed only when evidence is located)."""
        return (0, *(m.end() for m in _LINE_END.finditer(self.text)))

    def locate(self, offset: int) -> tuple[int, int]:
        """Return the 1-based line and column of a character offset."""
        if "line_starts" in self.__dict__:
            line = bisect.bisect_right(self.line_starts, offset) - 1
            return line + 1, offset - self.line_starts[line] + 1
        # A few hits are located per document: counting is cheaper than a map of every line.
        line_start = self.text.rfind("\n", 0, offset) + 1
        return self.text.count("\n", 0, offset) + 1, offset - line_start + 1

    def excerpt(self, start: int, end: int, width: int = 90) -> str:
        """Return the line around a span, trimmed to ``width`` characters, whitespace collapsed."""
        return excerpt(self.text, start, end, width)


class SeedText(Protocol):
    """What scoring needs of a document: its word count, and where and around what a hit is."""

    @property
    def name(self) -> str:
        """Return the document's name."""
        ...

    @property
    def words(self) -> int:
        """Return the number of whitespace-separated words."""
        ...

    def locate(self, offset: int) -> tuple[int, int]:
        """Return the 1-based line and column of a character offset."""
        ...

    def excerpt(self, start: int, end: int, width: int = 90) -> str:
        """Return the line around a span, trimmed to ``width`` characters."""
        ...


def excerpt(text: str, start: int, end: int, width: int = 90) -> str:
    """Return the line(s) of ``text`` around a span, trimmed to ``width``, whitespace collapsed.

    Only the text from the start of the span's first line to the end of its last line is read.
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    left = max(line_start, min(start - width // 3, line_end - width))
    snippet = " ".join(text[left : min(line_end, left + width)].split())
    prefix = "…" if left > line_start else ""
    suffix = "…" if left + width < line_end else ""
    return f"{prefix}{snippet}{suffix}"


def count_words(text: str) -> int:
    """Count whitespace-separated words exactly like ``len(text.split())``, without the list.

    The text is counted in pieces of a few MB (bounded memory): each piece is encoded, its
    whitespace mapped to spaces and everything else to ``x``, and word starts counted.
    """
    total = 0
    word_before = False
    for start in range(0, len(text), _WORD_CHUNK):
        piece = text[start : start + _WORD_CHUNK]
        words, first, last = _piece_words(piece)
        total += words - (word_before and first)
        word_before = last
    return total


def _piece_words(piece: str) -> tuple[int, bool, bool]:
    """Return the words of a piece and whether it starts and ends inside a word."""
    first, last = not piece[0].isspace(), not piece[-1].isspace()
    marks = _word_marks(piece)
    if marks is None:
        return len(piece.split()), first, last
    return marks.count(b" x") + first, first, last


def _word_marks(piece: str) -> bytes | bytearray | None:
    """Return the piece as bytes, whitespace as b" " and the rest b"x"; None if that is slow."""
    data = piece.encode("utf-8", "surrogatepass")
    marks = data.translate(_WORD_BYTES)
    if piece.isascii() or not _UNICODE_SPACE.search(data):
        return marks
    found = itertools.islice(_UNICODE_SPACE.finditer(data), _MANY_SPACES + 1)
    spans = [match.span() for match in found]
    if len(spans) > _MANY_SPACES:
        return None
    spaced = bytearray(marks)
    for start, end in spans:
        spaced[start:end] = b" " * (end - start)
    return spaced


def make_document(text: str, name: str = "<text>", *, markdown: bool = False) -> Document:
    """Build a document from text: normalise line endings and blank Markdown noise."""
    return Document(name=name, text=clean_text(text.lstrip("\ufeff"), markdown=markdown))


def clean_text(text: str, *, markdown: bool = False) -> str:
    """Normalise line endings and blank Markdown noise; lines and columns never move.

    Works line by line, so a text cut at line ends cleans piece by piece to the same result.
    """
    if "\r" in text:  # the substitution costs a pass even when it finds nothing
        text = _NEWLINES.sub("\n", text)
    if markdown:
        text = blank_markdown_noise(text)
    return text


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
    """Turn the bytes of a file into a document, choosing the reader by the file's suffix."""
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES or suffix not in _READERS:
        return make_document(decode(data, path), str(path), markdown=suffix in MARKDOWN_SUFFIXES)
    from triage.inputs import readers  # lazy: only HTML, PDF and Word seeds pay for the readers

    text = readers.READERS[suffix](data, path)
    return make_document(text, str(path))


def read_limited(path: Path, max_bytes: int) -> bytes:
    """Read a regular file of at most ``max_bytes``; the size is checked before reading.

    One ``open`` and an ``fstat`` of what it opened: half the cost of a ``stat`` and an ``io``
    file object for a small seed. Opened non-blocking, so a FIFO is refused, never waited on.
    """
    try:
        descriptor = os.open(path, _READ_FLAGS)
    except (OSError, ValueError) as exc:
        raise _unopened(path, exc, max_bytes) from exc
    try:
        info = os.fstat(descriptor)
        _check_file(path, info, max_bytes)
        # One byte more than the file's size tells it grew; asking for ``max_bytes + 1``
        # would allocate that much up front (20 us more per small file at 512 MB).
        data = _read_up_to(descriptor, min(info.st_size, max_bytes) + 1)
        if len(data) > info.st_size:
            data += _read_up_to(descriptor, max_bytes + 1 - len(data))
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    finally:
        os.close(descriptor)
    if len(data) > max_bytes:
        raise InputError(f"{path}: grew while being read; over {size_text(max_bytes)}")
    return data


def _unopened(path: Path, exc: Exception, max_bytes: int) -> InputError:
    """Say why a seed could not be opened: missing, a folder or a socket, or not allowed."""
    if isinstance(exc, FileNotFoundError):
        return InputError(f"{path}: file not found; check the name in the index")
    with contextlib.suppress(OSError, ValueError):
        _check_file(path, path.stat(), max_bytes)  # raises for what is no regular file
    if isinstance(exc, PermissionError):
        return InputError(f"{path}: permission denied; check the file's permissions")
    reason = getattr(exc, "strerror", None) or str(exc)
    return InputError(f"{path}: cannot read: {reason}")


def _read_up_to(descriptor: int, size: int) -> bytes:
    """Read ``size`` bytes, or fewer where the file ends (a short read of a file is its end)."""
    pieces = []
    while size > 0:
        asked = min(size, _READ_PIECE)
        piece = os.read(descriptor, asked)
        pieces.append(piece)
        size -= len(piece)
        if len(piece) < asked:
            break
    return b"".join(pieces)


def _check_file(path: Path, info: os.stat_result, max_bytes: int) -> None:
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        raise InputError(f"{path}: is a directory, not a document; list the files in it instead")
    if not stat.S_ISREG(mode):
        raise InputError(f"{path}: not a regular file (device, pipe or socket); refused")
    size = info.st_size
    if size > max_bytes:
        raise InputError(
            f"{path}: {size_text(size)} is over the size limit of {size_text(max_bytes)}; "
            "raise it with --max-bytes if this file really is a seed"
        )


def size_text(size: int) -> str:
    """Return a size for people: ``50 MB (52428800 bytes)``."""
    for unit, factor in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if size >= factor:
            return f"{size / factor:.3g} {unit} ({size} bytes)"
    return f"{size} bytes"


def decode(data: bytes, path: Path | str = "<bytes>") -> str:
    """Decode bytes: BOM, then UTF-8, then Windows-1252; refuse binary data.

    UTF-16 without a BOM is recognised by its zero bytes. A file that is mostly valid UTF-8 keeps
    UTF-8 with the few invalid bytes replaced by U+FFFD; otherwise it is read as Windows-1252, the
    usual legacy single-byte encoding. Nothing here raises on invalid bytes.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _text_or_refuse(data[len(bom) :].decode(encoding, errors="replace"), path)
    wide = _bomless_utf16(data)
    if wide:
        return _text_or_refuse(data.decode(wide, errors="replace"), path)
    _refuse_magic(data, path)
    if b"\x00" in data:
        raise InputError(f"{path}: not a text document (contains NUL bytes)")
    return _text_or_refuse(_decode_8bit(data), path, control_bytes(data))


def _decode_8bit(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd") - data.decode("cp1252", errors="replace").count("\ufffd")
    good = sum(1 for char in lenient if char > "\x7f" and char != "\ufffd")
    return lenient if good > bad else data.decode("cp1252", errors="replace")


def _bomless_utf16(data: bytes) -> str | None:
    """Return ``utf-16-le``/``-be`` when every other byte is zero, as in BOM-less UTF-16 text."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) == len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) == len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _refuse_magic(data: bytes, path: Path | str) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"{path}: not a text document (looks like {what})")


def control_bytes(data: bytes) -> int:
    """Count the control characters ``decode`` refuses in bulk, in UTF-8 or single-byte bytes.

    They are ASCII, which both decodings map to themselves (and nothing else to them).
    """
    return len(data) - len(data.translate(None, _CONTROL_BYTES))


def _text_or_refuse(text: str, path: Path | str, controls: int | None = None) -> str:
    if controls is None:
        controls = len(_CONTROL.findall(text))
    if controls and controls > _MAX_CONTROL_SHARE * len(text):
        raise InputError(f"{path}: not a text document (binary control characters)")
    return text
