"""Headings: which lines start a section, their title and their level.

Markdown ATX (``## Title``) and setext (a line underlined with ``===`` or ``---``), numbered
headings (``3.2 Title``, ``4. Title`` when short and unpunctuated) and short all-caps lines.
``triage.scan.structure`` cuts a text into sections at them.
"""

from __future__ import annotations

import re

TITLE_CHARS = 60
# A heading's title: a short line (at most 12 words) that does not end like a sentence.
_TITLE = r"[^\W\d_][^\n]{0,100}"
# The line patterns below start with the line break before the line, matched in the text with a
# line break put in front: a literal first character lets the search skip from line to line.
HEADING = re.compile(
    r"\n(?: {0,3}#{1,6}[ \t]+\S[^\n]*$"  # ATX
    r"|[ \t]{0,3}\S[^\n]{0,100}\n {0,3}(?:={3,}|-{3,})[ \t]*$"  # setext
    rf"| {{0,3}}\d{{1,2}}(?:\.\d{{1,2}}){{1,3}}\.?[ \t]+{_TITLE}$"  # 3.2 Title
    rf"| {{0,3}}\d{{1,2}}\.?[ \t]+[A-Z][^\n]{{0,60}}$"  # 4. Title (checked: short, no stop)
    r"|[ \t]{0,3}[A-Z][A-Z0-9 ,&/()'\-]{3,60}$)",  # ALL CAPS
    re.MULTILINE,
)
_SENTENCE_END = (".", ",", ";", ":", "?", "!")


def is_title(line: str) -> bool:
    """Return whether a heading-shaped line reads as a title: short, not ending a sentence."""
    first = line.split("\n", 1)[0].strip()
    if first.startswith("#"):
        return bool(first.strip("# \t"))
    return len(first.split()) <= 12 and not first.endswith(_SENTENCE_END)


def heading_title(line: str) -> str:
    """Return a heading line's title: its first line without the marks, cut short."""
    first = line.split("\n", 1)[0].strip().strip("#").strip()
    return first[:TITLE_CHARS]


_NUMBERED = re.compile(r"\d{1,2}(?:\.\d{1,2})*")


def heading_level(line: str) -> int:
    """Return a heading line's level (see ``structure.Section``); 0 for an all-caps line."""
    if line.startswith("#"):
        return len(line) - len(line.lstrip("#"))
    if "\n" in line:  # setext: the underline decides
        return 1 if line.rstrip().endswith("=") else 2
    numbered = _NUMBERED.match(line)
    return numbered.group().count(".") + 1 if numbered else 0
