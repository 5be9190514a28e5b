"""Markdown links, code spans and comments found in linear time, for reading an INDEX.md.

An INDEX.md may be hostile (``'[a](' * 50000``, ``'<!--' * 50000``). A regular expression that
tries every ``[`` and scans to the line's end from each is quadratic, so these scanners walk the
text once: each character is passed over a bounded number of times, whatever the input.

- ``blank_comments``: HTML comments removed, their line breaks kept (line numbers still hold).
- ``blank_code_spans``: a line with its inline code spans (`` `...` ``) turned into spaces, so
  a link shown as code is no link; positions are kept.
- ``find_links``: the ``[text](target)`` links of a line, images (``![alt](x)``) left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BACKTICKS = re.compile(r"(?<!\\)`+")
_LINK_SYNTAX = re.compile(r"\\.?|\[+|\]")  # an escape, a run of openers, a closer
_COMMENT_OPEN = "<!--"
_COMMENT_CLOSE = "-->"


@dataclass(frozen=True)
class Link:
    """One link of a line: its text and target as written (target without ``<>`` or title)."""

    text: str
    target: str


def blank_comments(text: str) -> str:
    """Return the text without its closed HTML comments, keeping each line break they held."""
    pieces: list[str] = []
    position = 0
    while True:
        start = text.find(_COMMENT_OPEN, position)
        while start > 0 and text[start - 1] == "\\":  # an escaped ``\<!--`` opens nothing
            start = text.find(_COMMENT_OPEN, start + 1)
        if start < 0:
            break
        end = text.find(_COMMENT_CLOSE, start + len(_COMMENT_OPEN))
        if end < 0:  # no comment closes after this one, so none of the later ones closes
            break
        pieces.append(text[position:start])
        pieces.append("\n" * (len(text[start:end].splitlines()) - 1))
        position = end + len(_COMMENT_CLOSE)
    pieces.append(text[position:])
    return "".join(pieces)


def blank_code_spans(line: str) -> str:
    """Return the line with every inline code span, backticks included, turned into spaces.

    A span opens at a run of backticks and closes at the next run of the same length; a run
    with no such partner is literal. The partner of each run is found from the right, once.
    """
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(line)]
    if len(runs) < 2:
        return line
    partner: list[int] = [-1] * len(runs)
    last_of_length: dict[int, int] = {}
    for number in range(len(runs) - 1, -1, -1):
        length = runs[number][1] - runs[number][0]
        partner[number] = last_of_length.get(length, -1)
        last_of_length[length] = number
    pieces: list[str] = []
    position = number = 0
    while number < len(runs):
        if partner[number] < 0:
            number += 1
            continue
        start, end = runs[number][0], runs[partner[number]][1]
        pieces += [line[position:start], " " * (end - start)]
        position, number = end, partner[number] + 1
    pieces.append(line[position:])
    return "".join(pieces)


class _Next:
    """The next position of one character at or after a position that only grows."""

    def __init__(self, text: str, char: str) -> None:
        self.text, self.char, self.found = text, char, -2

    def at_or_after(self, position: int) -> int:
        """Return the next index of the character from ``position``, or -1."""
        if self.found != -1 and self.found < position:
            self.found = self.text.find(self.char, position)
        return self.found


def find_links(line: str) -> list[Link]:
    """Return the links of one line, left to right, outside code spans; images are skipped."""
    visible = blank_code_spans(line)
    closing, angle = _Next(visible, ")"), _Next(visible, ">")
    links: list[Link] = []
    openers: list[int] = []  # where each ``[`` not yet closed is
    position = 0
    while (found := _LINK_SYNTAX.search(visible, position)) is not None:
        at, position = found.start(), found.end()
        if visible[at] == "[":
            openers.extend(range(at, position))
        elif visible[at] == "]" and openers:
            start = openers.pop()
            if not visible.startswith("(", at + 1):
                continue
            destination = _destination(visible, at + 2, closing, angle)
            if destination is None:
                continue
            end, target = destination
            if not _is_image(visible, start):
                links.append(Link(line[start + 1 : at], line[target[0] : target[1]]))
            position = end + 1
    return links


def _is_image(visible: str, start: int) -> bool:
    """Tell whether the ``[`` at ``start`` opens an image: ``![alt](...)``, ``!`` not escaped."""
    return visible[start - 1 : start] == "!" and visible[start - 2 : start - 1] != "\\"


def _destination(
    visible: str, start: int, closing: _Next, angle: _Next
) -> tuple[int, tuple[int, int]] | None:
    """Return where a link's ``(...)`` ends and the span of its target, or None if it does not."""
    first = start
    while first < len(visible) and visible[first] in " \t":
        first += 1
    if visible.startswith("<", first):
        right = angle.at_or_after(first)
        after = right + 1
        while 0 < after < len(visible) and visible[after] in " \t":
            after += 1
        if right > 0 and visible.startswith(")", after):
            return after, (first + 1, right)
    end = closing.at_or_after(start)
    if end < 0:
        return None
    return end, (first, first + _without_title(visible[first:end]))


def _without_title(raw: str) -> int:
    """Return the length of a link target written before an optional ``"title"``."""
    stripped = raw.rstrip()
    if len(stripped) < 2 or stripped[-1] not in "\"'":
        return len(stripped)
    opening = stripped.rfind(stripped[-1], 0, len(stripped) - 1)
    if opening > 0 and stripped[opening - 1] in " \t":
        return len(stripped[:opening].rstrip())
    return len(stripped)
