r"""Large text files in bounded memory: a reading strategy, read and cleaned in pieces.

A text file (plain text or Markdown, UTF-8) of ``LARGE_FILE_BYTES`` or more is never held whole:
it is read in pieces of about ``PIECE_BYTES``, each cut just after a blank line, then decoded and
cleaned on its own; the caller scans each piece. Read whole, a file costs bytes, str and the
UTF-8 the engines scan at once; in pieces, memory stays bounded. Words are counted per piece (a
cut falls on whitespace, so no word is split), and only the lines around the spans the caller
keeps are kept, for the evidence (``PartialDocument``).

A match that would cross a cut (one containing the blank line cut at: ``\s+`` between the words
of a phrase, ``\W+`` in a ``near`` rule...) is the one thing that could differ from scanning the
whole text; each piece starts and ends at a line boundary, where ``^``, ``$`` and ``\b`` behave as
in the whole text. So a cut is taken only where the caller's ``same_when_split`` says the text
around it (``WINDOW`` characters on each side) scans alike whole and in two; else the next blank
line is tried. ``\A`` and ``\z`` would also match at every cut; no default rule uses them.

A file without blank lines is read whole, and one that is not valid UTF-8 (or has a UTF-16/32
byte order mark) raises ``NotPlainUtf8``: it must be decoded whole (``read_document``), which
decides its encoding from the whole file.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate
from pathlib import Path
from typing import BinaryIO, NamedTuple

from triage.errors import InputError
from triage.inputs.decode import (
    bomless_utf16,
    control_bytes,
    refuse_controls,
    refuse_magic,
    refuse_nul,
)
from triage.inputs.files import check_file, size_text
from triage.inputs.formats import format_for
from triage.inputs.text import clean_text, count_words, excerpt

LARGE_FILE_BYTES = 16 << 20
PIECE_BYTES = 4 << 20
# The start of the clean text a document read in pieces keeps, for the language check (which
# reads no more of any text: four times the policy's largest ``sample_chars``).
OPENING_CHARS = 1 << 17
WINDOW = 4096
_CHECKPOINT = 1 << 16  # characters between the line-break counts a piece keeps
_BLANK_LINE = re.compile(rb"\n\r?\n|\r\r(?!\n)")  # never between \r and \n
_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)

SameWhenSplit = Callable[[str, str], bool]
"""Whether two clean texts, one after the other, scan alike whole and one by one."""
WordCount = Callable[["Piece"], int]
"""The words of a piece, as ``count_words`` counts them (called once the piece is used)."""


class Passage(NamedTuple):
    """The lines around a kept span."""

    begin: int
    """The offset, in the whole clean text, where the lines start."""
    line: int
    """The number of the first of them."""
    text: str


class NotPlainUtf8(Exception):
    """The file must be decoded as a whole (not UTF-8, or UTF-16/32)."""


def is_large_text(path: Path, size: int | None = None) -> bool:
    """Whether a file is read in pieces: a text (not HTML, PDF, Word) file of the large size.

    ``size``: the file's size when the caller has just seen it (else it is looked up).
    """
    if size is None:
        try:
            size = path.stat().st_size
        except OSError:
            return False
    return size >= LARGE_FILE_BYTES and format_for(path).is_text


@dataclass(frozen=True)
class Piece:
    """One piece of clean text, and where it lies in the whole text."""

    text: str
    offset: int
    """Characters of the whole clean text before this piece."""
    lines: int
    """Line breaks before this piece."""

    def passage(self, start: int, end: int) -> Passage:
        """Return the lines of this piece around a span given in the piece's offsets."""
        text = self.text
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        line = self.lines + self.line_breaks_before(line_start) + 1
        return Passage(self.offset + line_start, line, text[line_start:line_end])

    def line_breaks_before(self, offset: int) -> int:
        """Return how many line breaks this piece holds before ``offset`` (in its offsets).

        Counted from the last checkpoint (every ``_CHECKPOINT`` characters) before it: a piece
        keeps up to hundreds of spans, and counting each from the piece's start took 0.1 s on
        a 20 MB text.
        """
        mark = offset // _CHECKPOINT
        return self._breaks_at_checkpoints[mark] + self.text.count("\n", mark * _CHECKPOINT, offset)

    @cached_property
    def _breaks_at_checkpoints(self) -> list[int]:
        """Line breaks before each checkpoint: at 0, ``_CHECKPOINT``, 2 × ``_CHECKPOINT``..."""
        text, step = self.text, _CHECKPOINT
        per_stretch = [text.count("\n", at, at + step) for at in range(0, len(text) + 1, step)]
        return list(accumulate(per_stretch, initial=0))


@dataclass
class PartialDocument:
    """A document read in pieces: its word count and the lines around the spans kept from it.

    It offers what judging needs of any document (``SeedText``), for the kept spans.
    """

    name: str
    words: int = 0
    passages: dict[int, Passage] = field(default_factory=dict)
    """Per kept span start (in the whole text): the passage around it."""
    opening: str = ""
    """The first ``OPENING_CHARS`` characters of the clean text."""

    def keep(self, piece: Piece, start: int, end: int) -> None:
        """Keep the lines around a span of a piece (given in the piece's offsets)."""
        self.passages[piece.offset + start] = piece.passage(start, end)

    def locate(self, offset: int) -> tuple[int, int]:
        """Return the 1-based line and column of a kept span's start."""
        passage = self.passages[offset]
        relative = offset - passage.begin
        line_start = passage.text.rfind("\n", 0, relative) + 1
        return passage.line + passage.text.count("\n", 0, relative), relative - line_start + 1

    def excerpt(self, start: int, end: int, width: int = 90) -> str:
        """Return the line around a kept span, as ``Document.excerpt`` does on the whole text."""
        passage = self.passages[start]
        return excerpt(passage.text, start - passage.begin, end - passage.begin, width)


class LargeText:
    """A large text file to read in pieces; its ``document`` fills in as the pieces are read."""

    def __init__(self, path: Path, max_bytes: int) -> None:
        """Name the file; nothing is read until ``pieces`` is iterated."""
        self.path = path
        self.max_bytes = max_bytes
        self.document = PartialDocument(name=str(path))

    def pieces(
        self, same_when_split: SameWhenSplit, words: WordCount | None = None
    ) -> Iterator[Piece]:
        """Yield the clean text in pieces; refuse the file, at the end, as ``decode`` would.

        ``words``: what counts a piece's words once the caller has used it (when the caller
        counted them already); by default they are counted here.

        Raises ``NotPlainUtf8`` when the file must be decoded whole, ``InputError`` when it is
        refused (as ``read_document`` would refuse it).
        """
        path, doc = self.path, self.document
        check_file(path, path.stat(), self.max_bytes)
        markdown = format_for(path).markdown
        offset = lines = controls = chars = 0
        with path.open("rb") as handle:
            cut = _cut_pieces(handle, path, same_when_split, markdown, self.max_bytes)
            for number, raw in enumerate(cut):
                text = _decode_piece(raw, path, first=number == 0)
                controls += control_bytes(raw)
                chars += len(text)
                text = clean_text(text.lstrip("\ufeff") if number == 0 else text, markdown=markdown)
                piece = Piece(text, offset, lines)
                yield piece
                if len(doc.opening) < OPENING_CHARS:
                    doc.opening += text[: OPENING_CHARS - len(doc.opening)]
                doc.words += words(piece) if words else count_words(text)
                offset += len(text)
                lines += text.count("\n")
        refuse_controls(path, controls, chars)
        if not doc.words:
            raise InputError(f"{path}: no text, only whitespace or markup; send the seed's content")


def _decode_piece(raw: bytes, path: Path, *, first: bool) -> str:
    """Decode one piece as strict UTF-8, refusing what ``decode`` refuses."""
    if first:
        if raw.startswith(_WIDE_BOMS) or bomless_utf16(raw):
            raise NotPlainUtf8
        if raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        else:
            refuse_magic(raw, path)
    refuse_nul(raw, path)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise NotPlainUtf8 from exc


def _cut_pieces(
    handle: BinaryIO, path: Path, same: SameWhenSplit, markdown: bool, max_bytes: int
) -> Iterator[bytes]:
    """Yield the file's bytes in pieces of about ``PIECE_BYTES``, each cut after a blank line."""
    piece_bytes = PIECE_BYTES
    buffer = b""
    total = 0
    while True:
        block = handle.read(piece_bytes)
        total += len(block)
        if total > max_bytes:
            raise InputError(f"{path}: grew while being read; over {size_text(max_bytes)}")
        buffer += block
        while len(buffer) >= piece_bytes or (not block and buffer):
            cut = _cut(buffer, piece_bytes, same, markdown) if block else len(buffer)
            if cut is None:
                break  # no usable blank line yet: read more
            yield buffer[:cut]
            buffer = buffer[cut:]
        if not block:
            return


def _cut(buffer: bytes, target: int, same: SameWhenSplit, markdown: bool) -> int | None:
    """Return where to cut the buffer: just after a blank line at or past ``target``."""
    position = target
    while True:
        found = _BLANK_LINE.search(buffer, position)
        if found is None:
            return None
        cut = found.end()
        if cut + WINDOW > len(buffer):
            return None  # the window after the cut is not read yet
        left = _window_text(buffer[max(0, cut - WINDOW) : cut], markdown)
        if same(left, _window_text(buffer[cut : cut + WINDOW], markdown)):
            return cut
        position = cut


def _window_text(raw: bytes, markdown: bool) -> str:
    return clean_text(raw.decode("utf-8", "ignore"), markdown=markdown)
