r"""Large text files in bounded memory: read, decode, clean and scan in pieces cut at blank lines.

A file of ``LARGE_FILE_BYTES`` (16 MB) or more (plain text or Markdown, UTF-8) is never held
whole: it is read in pieces of about ``PIECE_BYTES`` (4 MB), each cut just after a blank line,
decoded, cleaned and scanned on its own. (Read whole, a file costs about 3x its size: bytes,
str and the UTF-8 the engines scan; from 16 MB on that would pass 2x its size + 100 MB.)
Per rule the counts are summed and capped (``min(sum, cap)`` is the capped count of the
whole), the first spans are kept with offsets shifted by the characters before the piece, and
words are counted per piece (a cut falls on whitespace, so no word is split). Only the lines
around the kept spans are kept, for the evidence.

What can differ from scanning the whole text: a match that would cross a cut, i.e. one that
contains the blank line cut at (``\s+`` between the words of a phrase, ``\W+`` in a ``near``
rule, a negated class without ``\n``...). Every other match lies within one piece, and each
piece starts and ends at a line boundary, where ``^``, ``$`` and ``\b`` behave as in the whole
text. A cut is taken only where the text around it (``WINDOW`` characters on each side) gives the
same counts scanned whole as scanned in two, else the next blank line is tried; so a difference
needs a match longer than the window that crosses a blank line. ``\A`` and ``\z`` (start and end
of the whole text) would also match at every cut; no default rule uses them.

A file without blank lines is read whole, and one that is not valid UTF-8 (or has a UTF-16/32
byte order mark) goes the ordinary way (``triage.inputs.documents``), which decides its
encoding from the whole file.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from triage.errors import InputError
from triage.inputs.documents import (
    _READERS,
    MARKDOWN_SUFFIXES,
    TEXT_SUFFIXES,
    _bomless_utf16,
    _check_file,
    _refuse_magic,
    clean_text,
    control_bytes,
    count_words,
    excerpt,
    size_text,
)
from triage.rulebook import Rule
from triage.scan import MAX_SPANS, Scanner, ScanResult, Span

LARGE_FILE_BYTES = 16 << 20
PIECE_BYTES = 4 << 20
WINDOW = 4096
_BLANK_LINE = re.compile(rb"\n\r?\n|\r\r(?!\n)")  # never between \r and \n
_MAX_CONTROL_SHARE = 0.05


class NotPlainUtf8(Exception):
    """The file must be decoded as a whole (not UTF-8, or UTF-16/32)."""


@dataclass
class PartialDocument:
    """What scoring needs of a document read in pieces: words and the lines around kept spans."""

    name: str
    words: int = 0
    passages: dict[int, tuple[int, int, str]] = field(default_factory=dict)
    """Per kept span start: the offset its passage starts at, that line's number, the passage."""

    def locate(self, offset: int) -> tuple[int, int]:
        """Return the 1-based line and column of a kept span's start."""
        begin, line, text = self.passages[offset]
        relative = offset - begin
        line_start = text.rfind("\n", 0, relative) + 1
        return line + text.count("\n", 0, relative), relative - line_start + 1

    def excerpt(self, start: int, end: int, width: int = 90) -> str:
        """Return the line around a kept span, as ``Document.excerpt`` does on the whole text."""
        begin, _, text = self.passages[start]
        return excerpt(text, start - begin, end - begin, width)


def is_large_text(path: Path, size: int | None = None) -> bool:
    """Whether a file is read in pieces: a text (not HTML, PDF, Word) file of the large size.

    ``size``: the file's size when the caller has just seen it (else it is looked up).
    """
    if size is None:
        try:
            size = path.stat().st_size
        except OSError:
            return False
    suffix = path.suffix.lower()
    # As in ``document_from_bytes``: every suffix without a reader is read as text.
    return size >= LARGE_FILE_BYTES and (suffix in TEXT_SUFFIXES or suffix not in _READERS)


def scan_large_file(
    path: Path,
    scanner: Scanner,
    max_bytes: int,
    piece_bytes: int | None = None,
) -> tuple[PartialDocument, ScanResult]:
    """Read, clean and scan a large UTF-8 text file piece by piece (see the module docstring).

    Raises ``NotPlainUtf8`` when the file must be decoded whole, ``InputError`` when it is
    refused (as ``read_document`` would refuse it).
    """
    _check_file(path, path.stat(), max_bytes)
    markdown = path.suffix.lower() in MARKDOWN_SUFFIXES
    doc = PartialDocument(name=str(path))
    totals = _Totals(scanner.rules)
    offset = lines = controls = chars = 0
    with path.open("rb") as handle:
        cut = pieces(handle, path, scanner, markdown, piece_bytes or PIECE_BYTES, max_bytes)
        for number, raw in enumerate(cut):
            text = _decode_piece(raw, path, first=number == 0)
            controls += control_bytes(raw)
            chars += len(text)
            text = clean_text(text.lstrip("\ufeff") if number == 0 else text, markdown=markdown)
            result = scanner.scan(text, totals.capped())
            totals.add(result, offset, text, lines, doc)
            doc.words += count_words(text)
            offset += len(text)
            lines += text.count("\n")
    if controls and controls > _MAX_CONTROL_SHARE * chars:
        raise InputError(f"{path}: not a text document (binary control characters)")
    if not doc.words:
        raise InputError(f"{path}: no text, only whitespace or markup; send the seed's content")
    return doc, ScanResult(tuple(totals.counts), tuple(tuple(s) for s in totals.spans))


@dataclass
class _Totals:
    """Counts and first spans summed over the pieces."""

    rules: Sequence[Rule]
    counts: list[int] = field(init=False)
    spans: list[list[Span]] = field(init=False)

    def __post_init__(self) -> None:
        self.counts = [0] * len(self.rules)
        self.spans = [[] for _ in self.rules]

    def capped(self) -> set[int]:
        """Return the rules whose count reached their cap: nothing more to learn about them."""
        return {i for i, count in enumerate(self.counts) if count >= self.rules[i].cap}

    def add(
        self, result: ScanResult, offset: int, text: str, lines: int, doc: PartialDocument
    ) -> None:
        """Add one piece's result; keep the passages of the spans kept from it."""
        for index, count in enumerate(result.counts):
            if not count:
                continue
            if self.counts[index] >= self.rules[index].cap:
                continue  # skipped in this piece's scan: its count may be anything
            self.counts[index] = min(self.counts[index] + count, self.rules[index].cap)
            kept = self.spans[index]
            if len(kept) >= MAX_SPANS:
                continue
            for start, end in result.spans[index][: MAX_SPANS - len(kept)]:
                kept.append((start + offset, end + offset))
                doc.passages[start + offset] = _passage(text, start, end, offset, lines)


def _passage(text: str, start: int, end: int, offset: int, lines: int) -> tuple[int, int, str]:
    """Return the lines of ``text`` around a span: (their offset in the whole, line, text)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    line = lines + text.count("\n", 0, line_start) + 1
    return offset + line_start, line, text[line_start:line_end]


def _decode_piece(raw: bytes, path: Path, *, first: bool) -> str:
    """Decode one piece as strict UTF-8, refusing what ``decode`` refuses."""
    if first:
        if any(raw.startswith(bom) for bom in (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
            raise NotPlainUtf8
        if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _bomless_utf16(raw):
            raise NotPlainUtf8
        if raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        else:
            _refuse_magic(raw, path)
    if b"\x00" in raw:
        raise InputError(f"{path}: not a text document (contains NUL bytes)")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise NotPlainUtf8 from exc


def pieces(
    handle: BinaryIO, path: Path, scanner: Scanner, markdown: bool, piece_bytes: int, max_bytes: int
) -> Iterator[bytes]:
    """Yield the file's bytes in pieces of about ``piece_bytes``, each cut after a blank line."""
    buffer = b""
    total = 0
    while True:
        block = handle.read(piece_bytes)
        total += len(block)
        if total > max_bytes:
            raise InputError(f"{path}: grew while being read; over {size_text(max_bytes)}")
        buffer += block
        while len(buffer) >= piece_bytes or (not block and buffer):
            cut = _cut(buffer, piece_bytes, scanner, markdown) if block else len(buffer)
            if cut is None:
                break  # no usable blank line yet: read more
            yield buffer[:cut]
            buffer = buffer[cut:]
        if not block:
            return


def _cut(buffer: bytes, target: int, scanner: Scanner, markdown: bool) -> int | None:
    """Return where to cut the buffer: just after a blank line at or past ``target``."""
    position = target
    while True:
        found = _BLANK_LINE.search(buffer, position)
        if found is None:
            return None
        cut = found.end()
        if cut + WINDOW > len(buffer):
            return None  # the window after the cut is not read yet
        if _same_whole_and_split(buffer, cut, scanner, markdown):
            return cut
        position = cut


def _same_whole_and_split(buffer: bytes, cut: int, scanner: Scanner, markdown: bool) -> bool:
    """Whether the text around a cut gives the same counts scanned whole and in two."""
    left = _window_text(buffer[max(0, cut - WINDOW) : cut], markdown)
    right = _window_text(buffer[cut : cut + WINDOW], markdown)
    whole = scanner.scan(left + right).counts
    halves = zip(scanner.scan(left).counts, scanner.scan(right).counts, scanner.rules, strict=True)
    return list(whole) == [min(a + b, rule.cap) for a, b, rule in halves]


def _window_text(raw: bytes, markdown: bool) -> str:
    return clean_text(raw.decode("utf-8", "ignore"), markdown=markdown)
