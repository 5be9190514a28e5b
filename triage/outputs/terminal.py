"""Terminal niceties: colour and a compact layout for people, a progress line on stderr.

The only control sequences written are this module's own: every value is shown with
``safe_text`` first.

Plain ANSI codes, no dependency. Colour is used only when the stream is a terminal, ``NO_COLOR``
is unset or empty (https://no-color.org) and ``TERM`` is not ``dumb``; piped output stays the
plain text layout, byte for byte.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TextIO

from triage.report import Report, SeedReport, safe_text

RESET = "\x1b[0m"
BOLD = "\x1b[1m"
DIM = "\x1b[2m"
VERDICT_COLOURS = {
    "buildable": "\x1b[32m",
    "needs-clarification": "\x1b[33m",
    "not-a-spec": "\x1b[31m",
    "error": "\x1b[35m",
}
EVIDENCE_SHOWN = 3
PROGRESS_MIN_SEEDS = 5
CLEAR_LINE = "\r\x1b[K"


def use_colour(stream: TextIO, environ: Mapping[str, str], mode: str = "auto") -> bool:
    """Decide whether to colour output written to ``stream`` (``mode``: auto, always, never)."""
    if mode != "auto":
        return mode == "always"
    if environ.get("NO_COLOR") or environ.get("TERM") == "dumb":
        return False
    return stream.isatty()


def paint(text: str, style: str, colour: bool) -> str:
    """Wrap ``text`` in an ANSI style when colour is on."""
    return f"{style}{text}{RESET}" if colour and style else text


def render_terminal(report: Report, colour: bool = True) -> str:
    """Render the compact layout: verdict first, three pieces of evidence, numbered questions."""
    blocks = [_seed_block(seed, colour) for seed in report.seeds]
    return "\n".join(blocks) + "\n" + render_bundle_line(report, colour)


def render_bundle_line(report: Report, colour: bool = False) -> str:
    """Render only the bundle's verdict line, as ``--quiet`` prints it.

    A bundle with a seed that could not be read is coloured as an error, whatever the others say.
    """
    verdict = report.bundle.verdict or "error"
    if report.bundle.errors:
        verdict = "error"
    bundle = paint(safe_text(report.bundle.summary), BOLD + VERDICT_COLOURS[verdict], colour)
    return f"{paint('bundle:', BOLD, colour)} {bundle}\n"


def _seed_block(seed: SeedReport, colour: bool) -> str:
    verdict = seed.verdict or "error"
    head = f"{paint(verdict, BOLD + VERDICT_COLOURS[verdict], colour)}  {safe_text(seed.file)}"
    if seed.error is not None:
        return f"{head}\n  {safe_text(seed.error)}"
    lines = [head, f"  {safe_text(seed.summary or '')}"]
    for hit in seed.evidence[:EVIDENCE_SHOWN]:
        quote = safe_text(f"{hit.rule}  “{hit.excerpt}”")
        lines.append(paint(f"    {hit.line}:{hit.column} {quote}", DIM, colour))
    lines.extend(f"  {i}. {safe_text(q)}" for i, q in enumerate(seed.questions, 1))
    return "\n".join(lines)


class Progress:
    """A one-line ``[done/total]`` counter on stderr, erased when finished."""

    def __init__(self, stream: TextIO, enabled: bool) -> None:
        """Write to ``stream`` only when ``enabled``."""
        self.stream = stream
        self.enabled = enabled
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        """Show that ``done`` of ``total`` seeds are triaged."""
        if not self.enabled or total < PROGRESS_MIN_SEEDS:
            return
        width = 24
        filled = width * done // total
        bar = "#" * filled + "-" * (width - filled)
        self.stream.write(f"{CLEAR_LINE}triage [{bar}] {done}/{total} seeds")
        self.stream.flush()
        self.shown = True

    def finish(self) -> None:
        """Erase the progress line, if one was drawn."""
        if self.shown:
            self.stream.write(CLEAR_LINE)
            self.stream.flush()
            self.shown = False
