"""Clean text: a document's text whose line and column numbers match the original file.

Cleaning never moves text between lines, and Markdown markup is blanked with spaces rather than
removed, so an offset in the clean text gives the line and column a person sees in their editor.
Word counts and line lookups avoid building lists the size of the document.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Protocol

import re2

_NEWLINES = re.compile(r"\r\n?")
WORD_CHUNK = 1 << 22  # characters counted at a time: bounded memory on a large text
# Translation of bytes for counting words: whitespace (as ``str.isspace`` says) to b" ", rest b"x".
_WORD_BYTES = bytes(32 if chr(b).isspace() else 120 for b in range(128)) + b"x" * 128
# The characters beyond ASCII that ``str.split()`` treats as whitespace.
UNICODE_SPACES = "\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_UNICODE_SPACE = re2.compile(f"[{UNICODE_SPACES}]")
MANY_SPACES = 10_000  # beyond this many non-ASCII spaces in a chunk, ``str.split`` counts it
_LINE_END = re.compile("\n")
# Markdown that carries no words: link targets, HTML tags, emphasis and quote marks. Backticks
# stay: a code span is evidence of an interface.
HTML_TAGS = (
    "a|abbr|b|br|code|dd|del|details|div|dl|dt|em|h[1-6]|hr|i|img|kbd|li|ol|p|pre|s|small|span|"
    "strong|sub|summary|sup|table|tbody|td|th|thead|tr|u|ul|center|font|figure|figcaption|picture|"
    "source|video|iframe|style|script"
)
# Markdown noise other than link targets, as one alternation whose every branch starts with a
# literal character and reads at most about 200 characters from where it starts, so a pass over
# any text takes linear time. A quote mark is matched from the newline before it, which is kept.
_MD_NOISE = re.compile(
    rf"</?(?:{HTML_TAGS})\b[^>\n]{{0,200}}>|<!--|-->|\*\*|__|\n[ \t]{{0,3}}>",
    re.IGNORECASE,
)
# A link target ``](url)`` or ``](url "title")`` is found by ``LinkTargets`` without a regex:
# as a regex, a ``](`` whose target never closes (``'[a](' * 50000``) is read to its end again
# from every ``](`` after it, which takes time quadratic in the text's length.
_TARGET_STOP = re.compile(r"[)\s]")
_NOT_SPACE = re.compile(r"\S")
# UTF-8 lead bytes of U+3000-U+9FFF and U+F000-U+FFFF: a text without them holds no CJK character.
_CJK_LEADS = tuple(bytes([lead]) for lead in (0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEF))
# Hiragana, katakana, CJK extension A, unified ideographs, compatibility ideographs.
_CJK_RUN = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# Every piece of noise contains one of these.
_MD_NEEDLES = ("](", "<", "-->", "**", "__", ">")


class SeedText(Protocol):
    """What judging needs of a document: its word count, and where and around what a hit is."""

    @property
    def name(self) -> str:
        """Return the document's name."""
        ...

    @property
    def words(self) -> int:
        """Return the number of words, as ``count_words`` counts them."""
        ...

    def locate(self, offset: int) -> tuple[int, int]:
        """Return the 1-based line and column of a character offset."""
        ...

    def excerpt(self, start: int, end: int, width: int = 90) -> str:
        """Return the line around a span, trimmed to ``width`` characters."""
        ...


@dataclass(frozen=True)
class Document:
    """Clean text of one seed, ready to scan."""

    name: str
    text: str

    @cached_property
    def words(self) -> int:
        """Return the number of words, as ``count_words`` counts them."""
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


def blank_markdown_noise(text: str) -> str:
    """Replace Markdown noise with as many spaces, so no line or column moves.

    Link targets, HTML tags and comments, emphasis and quote marks; backticks stay (a code span
    is evidence of an interface). The same spans as the link-target branch (a look-behind on
    ``]``), the bounded tag and mark branches and a line-start quote branch of one leftmost-first
    regex would blank (a test compares them), in time linear in the text's length. A newline is
    put in front so the first line's quote mark is found like the others, and taken off again.
    """
    if not any(needle in text for needle in _MD_NEEDLES):
        return text
    text = "\n" + text
    pieces: list[str] = []
    done = 0
    for start, end in noise_spans(text):
        pieces += (text[done:start], " " * (end - start))
        done = end
    pieces.append(text[done:])
    return "".join(pieces)[1:]


def noise_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield the spans to blank, leftmost first and never overlapping, in linear time.

    Link targets and the other noise are searched apart, each from where the last span ended;
    a match found beyond that point is kept for later, so no character is read twice by either.
    """
    targets = LinkTargets(text)
    other = _MD_NOISE.search(text)
    link = targets.first(0)
    while other is not None or link is not None:
        if link is not None and (other is None or link[0] < other.start()):
            start, end = link
        else:
            assert other is not None
            start, end = other.span()
        # The ``]`` before a link target and the newline before a quote mark stay.
        yield (start + 1 if text[start] in "]\n" else start), end
        if other is not None and other.start() < end:
            other = _MD_NOISE.search(text, end)
        if link is not None and link[0] < end:
            link = targets.first(end)


class LinkTargets:
    """Find link targets ``](url)`` / ``](url "title")`` in a text, in linear time over a run.

    Every ``](`` inside the same run of characters other than ``)`` and whitespace ends at the
    same stop, so the outcome is worked out once per stop (``_stop``, ``_end``).
    """

    def __init__(self, text: str) -> None:
        """Search ``text``; candidates must then be asked for in increasing order."""
        self.text = text
        self._stop = -1
        self._end: int | None = None

    def first(self, pos: int) -> tuple[int, int] | None:
        """Return the span (from its ``]``) of the first link target at or after ``pos``."""
        start = self.text.find("](", pos)
        while start >= 0:
            end = self._target_end(start + 2)
            if end is not None:
                return start, end
            # Every ``](`` before the stop fails the same way.
            start = self.text.find("](", max(start + 1, self._stop - 1))
        return None

    def _target_end(self, begin: int) -> int | None:
        """Return where the target that starts at ``begin`` ends, or None if it never closes."""
        if begin > self._stop:
            found = _TARGET_STOP.search(self.text, begin)
            self._stop = found.start() if found else len(self.text)
            self._end = _closing(self.text, self._stop)
        return self._end


def _closing(text: str, stop: int) -> int | None:
    """Return the end of a target whose URL stops at ``stop``: ``)``, or a quoted title."""
    if stop >= len(text):
        return None
    if text[stop] == ")":
        return stop + 1
    quote = _NOT_SPACE.search(text, stop)
    if quote is None or text[quote.start()] != '"':
        return None
    close = text.find('"', quote.start() + 1)
    return close + 2 if close >= 0 and text.startswith(")", close + 1) else None


def count_words(text: str) -> int:
    """Count whitespace-separated words, plus one per Chinese or Japanese character.

    Those scripts put no spaces between words; word processors count each such character as a
    word, and so does this. Without Han or kana this is exactly ``len(text.split())``, without
    the list. The text is counted in chunks of ``WORD_CHUNK`` characters (bounded memory): each
    chunk is encoded, its whitespace mapped to spaces and everything else to ``x``, and word
    starts counted.
    """
    total = 0
    word_before = False
    for start in range(0, len(text), WORD_CHUNK):
        piece = text[start : start + WORD_CHUNK]
        words, first, last = _piece_words(piece)
        total += words - (word_before and first) + cjk_characters(piece)
        word_before = last
    return total


def cjk_characters(text: str) -> int:
    """Return how many Han, hiragana and katakana characters a text holds."""
    if text.isascii():
        return 0
    data = text.encode("utf-8", "surrogatepass")
    if not any(lead in data for lead in _CJK_LEADS):  # ~5x faster than the regex on Latin text
        return 0
    return sum(match.end() - match.start() for match in _CJK_RUN.finditer(text))


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
    found = itertools.islice(_UNICODE_SPACE.finditer(data), MANY_SPACES + 1)
    spans = [match.span() for match in found]
    if len(spans) > MANY_SPACES:
        return None
    spaced = bytearray(marks)
    for start, end in spans:
        spaced[start:end] = b" " * (end - start)
    return spaced
