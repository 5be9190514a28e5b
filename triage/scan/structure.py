"""Structure: where a text's sections and quotations lie, found in one cheap regex pass.

Sections start at headings: Markdown ATX (``## Title``) and setext (a line underlined with
``===`` or ``---``), numbered headings (``3.2 Title``, ``4. Title`` when short and unpunctuated)
and short all-caps lines; headings inside fenced code blocks do not count. The text before the
first heading is a section of its own (untitled). Each section's words are counted as the
document's are, so the sections' words add up to the document's.

Quotations are double-quoted stretches (straight, curly, « ») inside one paragraph, at most
``QUOTE_CHARS`` long, and block quotes (``>`` lines). Offsets are str offsets of the clean text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from triage.inputs import cjk_characters, count_words
from triage.scan.headings import HEADING, heading_level, heading_title, is_title

QUOTE_CHARS = 600
SPLIT_CHARS = 256  # sections up to this long: split (faster than count_words per call)
Spans = list[tuple[int, int]]
_FENCE = re.compile(r"\n {0,3}(`{3,}|~{3,})")
_FRONT_MATTER = re.compile(
    r"\A(?:---|\+\+\+)[ \t]*\n.{0,4000}?\n(?:---|\+\+\+|\.\.\.)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
TITLE_AFTER_WORDS = 50  # a first heading after at most this many words is the document's title
# An inline quotation stays inside one paragraph (a line break, never a blank line). Each
# alternative starts with its quote character, so the search skips to those characters fast; a
# straight quote just after a word character (12" or it"s) opens nothing.
_INSIDE = r"[^{close}\n]*(?:\n(?![ \t]*\n)[^{close}\n]*)*"
_INLINE = re.compile(
    '"(?<!\\w")' + _INSIDE.format(close='"') + '"(?!\\w)'
    "|\u201c" + _INSIDE.format(close="\u201d") + "\u201d"
    "|\u00ab" + _INSIDE.format(close="\u00bb") + "\u00bb"
)
_BLOCK_QUOTE = re.compile(r"\n[ \t]{0,3}>[^\n]*(?:\n[ \t]{0,3}>[^\n]*)*")


class Section(NamedTuple):
    """One section: where it starts, its heading, its words, where its body starts, its level.

    The heading is empty before the first heading; the body starts after the heading's line or
    lines (at ``start`` if untitled). ``level``: 1 for ``#`` or a ``===`` underline, 2 for ``##``
    or ``---``, a numbered heading's count of numbers (``3.2`` is 2); 0 when not known (an
    all-caps line, or no heading).
    """

    start: int
    title: str
    words: int
    body: int
    level: int = 0


@dataclass(frozen=True)
class Structure:
    """A text's sections (in order, the first at 0) and quoted stretches (sorted, disjoint)."""

    sections: tuple[Section, ...]
    quotes: tuple[tuple[int, int], ...]
    length: int = 0
    """The text's length in characters."""
    fence: str = ""
    """The code fence still open at the end of the text ("" if none)."""

    @property
    def quotes_per_kchar(self) -> float:
        """Return how many quotations the text holds per thousand characters."""
        return 1000 * len(self.quotes) / self.length if self.length else 0.0

    @property
    def words(self) -> int:
        """Return the words of the whole text (the sum of its sections')."""
        return sum([section.words for section in self.sections])

    @cached_property
    def _starts(self) -> list[int]:
        return [section.start for section in self.sections]

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [start for start, _ in self.quotes]

    def sections_of(self, offsets: Iterable[int]) -> list[int]:
        """Return the index of the section each offset lies in."""
        starts, at = self._starts, bisect.bisect_right
        return [max(at(starts, offset) - 1, 0) for offset in offsets]

    @property
    def title(self) -> int | None:
        """Return the index of the section whose heading is the document's title, if any.

        That is the first heading, when at most ``TITLE_AFTER_WORDS`` words come before it.
        """
        if not self.sections:
            return None
        if self.sections[0].title:
            return 0
        if len(self.sections) > 1 and self.sections[0].words <= TITLE_AFTER_WORDS:
            return 1
        return None

    def with_subsections(self, found: Iterable[int]) -> set[int]:
        """Return the sections ``found`` and the subsections under each (deeper known levels).

        A heading heads the sections after it up to the next heading of its level or higher, or
        of no known level.
        """
        sections, held = self.sections, set(found)
        for at in list(held):
            level = sections[at].level
            if not level:
                continue
            after = at + 1
            while after < len(sections) and sections[after].level > level:
                held.add(after)
                after += 1
        return held

    def on_heading(self, offsets: Sequence[int]) -> list[bool]:
        """Return whether each offset lies on a heading (its line or lines)."""
        sections = self.sections
        return [
            sections[at].start <= offset < sections[at].body
            for at, offset in zip(self.sections_of(offsets), offsets, strict=True)
        ]

    def quoted(self, offsets: Iterable[int]) -> list[bool]:
        """Return whether each offset lies inside a quotation."""
        if not self.quotes:
            return [False for _ in offsets]
        starts, quotes = self._quote_starts, self.quotes
        found = []
        for offset in offsets:
            at = bisect.bisect_right(starts, offset) - 1
            found.append(at >= 0 and offset < quotes[at][1])
        return found


NO_STRUCTURE = Structure((), (), 0)


def structure_of(text: str, fence: str = "", top: bool = True) -> Structure:
    """Return the sections and quotations of a clean text.

    ``fence``: the code fence open where the text starts (a piece of a larger text);
    ``top``: whether the text starts the document (where front matter may be).
    """
    lines = "\n" + text  # offsets in it are one more than in the text
    fences, fence = _code(text, lines, fence, top)
    sections = _sections(text, lines, fences, None)
    return Structure(sections, _quotations(text, lines, fences), len(text), fence)


def sections_of(text: str, words: int | None = None) -> Structure:
    """Return the sections of a clean text (no quotations: cheaper); ``words``: its, if known."""
    lines = "\n" + text
    fences, fence = _code(text, lines, "", top=True)
    return Structure(_sections(text, lines, fences, words), (), len(text), fence)


def quotations_of(text: str) -> Structure:
    """Return the quotations of a clean text, without its sections (cheaper)."""
    lines = "\n" + text
    fences, _ = _code(text, lines, "", top=True)
    return Structure((), _quotations(text, lines, fences), len(text))


def _sections(text: str, lines: str, fences: Spans, words: int | None) -> tuple[Section, ...]:
    """Return the sections of a text (``lines``: the text with a line break in front)."""
    starts, titles, bodies, levels = [0], [""], [0], [0]
    for match in HEADING.finditer(lines):  # a match's start is the offset of its line
        start, line = match.start(), match.group().strip()
        if (fences and _inside(fences, start)) or not is_title(line):
            continue
        if start:
            starts.append(start)
            titles.append("")
            bodies.append(start)
            levels.append(0)
        titles[-1], bodies[-1] = heading_title(line), match.end() - 1
        levels[-1] = heading_level(line)
    ends = [*starts[1:], len(text)]
    counts = _words(text, starts, ends, words)
    return tuple(
        Section(start, title, count, body, level)
        for start, title, count, body, level in zip(
            starts, titles, counts, bodies, levels, strict=True
        )
    )


def _code(text: str, lines: str, fence: str, top: bool) -> tuple[list[tuple[int, int]], str]:
    """Return the code blocks and the front matter of a text (sorted), and the fence left open."""
    fences, fence = _code_blocks(text, lines, fence)
    front = _FRONT_MATTER.match(text) if top else None
    if front:
        fences.insert(0, front.span())
    return fences, fence


def _quotations(text: str, lines: str, code: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Return the quoted stretches of a text, sorted and disjoint (nested ones merged).

    ``lines``: the text with a line break in front (for the block quotes); strings in ``code``
    (code blocks, front matter) are not quotations.
    """
    found = [
        match.span()
        for match in _INLINE.finditer(text)
        if match.end() - match.start() <= QUOTE_CHARS + 2
        and not (code and _inside(code, match.start()))
    ]
    if ">" in text:
        found.extend((m.start(), m.end() - 1) for m in _BLOCK_QUOTE.finditer(lines))
        found.sort()
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def _words(text: str, starts: list[int], ends: list[int], words: int | None) -> list[int]:
    """Return each section's words, as ``count_words`` counts them.

    Given the text's ``words``, the longest section's are the rest: sections after the first
    start after a line break (no word is cut), so they add up.
    """
    spans = list(zip(starts, ends, strict=True))
    longest = -1 if words is None else max(range(len(spans)), key=lambda k: ends[k] - starts[k])
    counts = [0 if k == longest else _count(text[a:b]) for k, (a, b) in enumerate(spans)]
    if words is not None:  # the longest section's words: the rest
        counts[longest] = words - sum(counts)
    return counts


def _count(piece: str) -> int:
    small = len(piece) <= SPLIT_CHARS
    return len(piece.split()) + cjk_characters(piece) if small else count_words(piece)


def _code_blocks(text: str, lines: str, fence: str) -> tuple[list[tuple[int, int]], str]:
    """Return the fenced code blocks of a text and the fence still open at its end.

    A block opens at a line of three or more backticks or tildes and closes at the next line
    starting with as many of the same; ``fence`` is the fence open where the text starts.
    """
    if not fence and "```" not in text and "~~~" not in text:
        return [], ""
    blocks: list[tuple[int, int]] = []
    opened = 0
    for match in _FENCE.finditer(lines):  # offsets one more than in the text
        marker = match.group(1)
        if not fence:
            fence, opened = marker, match.start()
        elif marker[0] == fence[0] and len(marker) >= len(fence):
            blocks.append((opened, match.end() - 1))
            fence = ""
    if fence:
        blocks.append((opened, len(text)))
    return blocks, fence


def _inside(spans: Sequence[tuple[int, int]], offset: int) -> bool:
    at = bisect.bisect_right(spans, (offset, 1 << 62)) - 1
    return at >= 0 and offset < spans[at][1]


def joined(parts: Sequence[tuple[int, Structure]]) -> Structure:
    """Return the structure of a text from those of its pieces, each with its start offset.

    A piece's untitled first section continues the previous piece's last section.
    """
    sections: list[Section] = []
    quotes: list[tuple[int, int]] = []
    length, fence = 0, ""
    for offset, part in parts:
        length, fence = offset + part.length, part.fence
        for number, section in enumerate(part.sections):
            if number == 0 and sections and not section.title:
                last = sections[-1]
                sections[-1] = last._replace(words=last.words + section.words)
            else:
                sections.append(
                    section._replace(start=section.start + offset, body=section.body + offset)
                )
        quotes.extend((start + offset, end + offset) for start, end in part.quotes)
    return Structure(tuple(sections), tuple(quotes), length, fence)
