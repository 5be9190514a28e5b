"""Report models: what crosses the public API and what the renderers print.

The JSON form of ``Report`` is a contract other tools read; its schema is exported with
``Report.model_json_schema()``. Field order here is the order in the JSON.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

__version__ = "0.1.0"

DIMENSIONS = ("software_spec", "hardware_target", "performance_core")
Verdict = Literal["buildable", "needs-clarification", "not-a-spec"]
VERDICT_ORDER: tuple[Verdict, ...] = ("not-a-spec", "needs-clarification", "buildable")
# What a terminal or a Markdown page must not receive raw: C0 and C1 controls and DEL (ESC starts
# colour, cursor and OSC sequences), the bidirectional overrides and isolates (text that reads
# differently than it is) and the Unicode line and paragraph separators.
_OTHER_CONTROLS = r"\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(r"[\x00-\x1f" + _OTHER_CONTROLS + "]")
_UNSAFE_IN_LINES = re.compile(r"[\x00-\x08\x0b-\x1f" + _OTHER_CONTROLS + "]")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Hit(_Frozen):
    """One piece of evidence: which rule matched where, with the line it matched in."""

    rule: str
    signal: str
    line: int
    column: int
    excerpt: str


class Dimensions(_Frozen):
    """Whether each core dimension is stated as a requirement of the thing to build."""

    software_spec: bool
    hardware_target: bool
    performance_core: bool


class Contribution(_Frozen):
    """How much one rule added to one signal: ``weight * min(count, cap)``."""

    rule: str
    signal: str
    count: int
    weight: float
    points: float


class Scores(_Frozen):
    """The numbers behind a judgment, for ``triage explain`` and for tuning."""

    words: int
    signals: dict[str, float]
    dimensions: dict[str, float]
    genres: dict[str, float]
    contributions: tuple[Contribution, ...]


class SeedReport(_Frozen):
    """The judgment on one seed, or the error that prevented it.

    ``path`` is the seed as listed in its INDEX.md (or as given on the command line); ``file`` is
    where it was read from, as the user would type it.
    """

    path: str
    file: str
    verdict: Verdict | None = None
    genre: str | None = None
    genre_id: str | None = None
    genre_confidence: float | None = None
    runner_up: str | None = None
    summary: str | None = None
    dimensions: Dimensions | None = None
    reason: str | None = None
    # The document's language (ISO 639-1); None when not checked (short, or read in pieces).
    language: str | None = None
    questions: tuple[str, ...] = ()
    evidence: tuple[Hit, ...] = ()
    # Left out of every dump when absent: `triage` does not build them (see `Judge.report`).
    scores: Scores | None = Field(default=None, exclude_if=lambda scores: scores is None)
    error: str | None = None

    @field_validator("path", "file", "error")
    @classmethod
    def _printable(cls, text: str | None) -> str | None:
        return None if text is None else printable(text)


class BundleReport(_Frozen):
    """The seeds taken together: buildable when any seed carries buildable requirements."""

    verdict: Verdict | None
    seeds: int
    buildable: int
    errors: int
    dimensions: Dimensions
    summary: str


class Report(_Frozen):
    """The whole result of one triage run."""

    tool: str = "seed-triage"
    version: str
    seeds: tuple[SeedReport, ...]
    bundle: BundleReport


def falls_below(seed: SeedReport, fail_on: str) -> bool:
    """Return whether a judged seed's verdict is ``fail_on`` or worse (never for ``never``)."""
    if seed.verdict is None or fail_on not in VERDICT_ORDER:
        return False
    return VERDICT_ORDER.index(seed.verdict) <= VERDICT_ORDER.index(fail_on)


def printable(text: str) -> str:
    """Return ``text`` as it can be written in UTF-8: a file name's undecodable bytes as U+FFFD.

    A name listed from a folder or given on the command line keeps bytes that are not UTF-8 as
    lone surrogates (Python's ``surrogateescape``); no JSON, file or terminal takes those.
    """
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        except UnicodeEncodeError:  # a surrogate that stands for no byte
            return text.encode("utf-8", "replace").decode("utf-8")
    return text


def safe_text(text: str, *, lines: bool = False) -> str:
    r"""Return ``text`` safe to show a person: ``printable``, each control character as an escape.

    An ESC, a carriage return, a bidirectional override and the like become visible escapes
    (``\x1b``, ``\u202e``), so a file name or a document cannot move the cursor, recolour or
    retitle a terminal, or hide text. With ``lines``, newlines and tabs stay (a whole rendered
    page); without, a value is kept on its line (a file name with a newline cannot fake a row).
    """
    pattern = _UNSAFE_IN_LINES if lines else _UNSAFE
    text = printable(text)
    if pattern.search(text) is None:
        return text
    return pattern.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
