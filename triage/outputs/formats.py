"""Output formats: the one registry that every list of formats derives from.

Each entry names how a format renders a report and, when it can, an evaluation
(``triage eval``). A renderer is a function, or a ``"module:attr"`` string loaded when the
format is first used, so a run never imports a renderer it does not print with. Every
renderer takes ``(report, options)``; it returns text, or UTF-8 bytes when it can
serialize straight to bytes (JSON, whose reports run to megabytes).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from triage.outputs.options import RenderOptions
from triage.outputs.render import render_json_bytes, render_markdown, render_text, render_yaml
from triage.registry import resolve
from triage.report import Report, printable

DEFAULT_FORMAT = "text"

ReportRenderer = Callable[[Report, RenderOptions], str | bytes]
# An evaluation is ``triage.run.EvalReport``; ``triage.outputs.evaluation`` types it.
EvaluationRenderer = Callable[[Any, RenderOptions], str]
_Loaded = TypeVar("_Loaded")


@dataclass(frozen=True)
class OutputFormat:
    """How one format renders a report, and an evaluation when it can (else ``None``)."""

    report: ReportRenderer | str
    evaluation: EvaluationRenderer | str | None = None


FORMATS: dict[str, OutputFormat] = {
    "text": OutputFormat(render_text, "triage.outputs.evaluation:render_evaluation_text"),
    "json": OutputFormat(render_json_bytes, "triage.outputs.evaluation:render_evaluation_json"),
    "markdown": OutputFormat(render_markdown),
    "yaml": OutputFormat(render_yaml),
    "sarif": OutputFormat("triage.outputs.sarif:render_sarif"),
}


def format_names() -> tuple[str, ...]:
    """Return the name of every registered format, in registry order."""
    return tuple(FORMATS)


def evaluation_format_names() -> tuple[str, ...]:
    """Return the formats that can render an evaluation (``triage eval --format``)."""
    return tuple(name for name, entry in FORMATS.items() if entry.evaluation is not None)


def _load(entry: _Loaded | str) -> _Loaded:
    """Return a registered renderer, importing it first when it is named by a string."""
    if not isinstance(entry, str):
        return entry
    loaded: _Loaded = resolve(entry)
    return loaded


def render_bytes(report: Report, fmt: str, options: RenderOptions | None = None) -> bytes:
    """Render ``report`` in the format ``fmt`` as the UTF-8 bytes written to a file or stdout."""
    rendered = _load(FORMATS[fmt].report)(report, options or RenderOptions())
    return rendered if isinstance(rendered, bytes) else _utf8(rendered)


def _utf8(text: str) -> bytes:
    """Encode ``text``; a lone surrogate from a file name becomes U+FFFD (see ``printable``)."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return printable(text).encode("utf-8")


def render(report: Report, fmt: str, options: RenderOptions | None = None) -> str:
    """Render ``report`` in the format ``fmt`` as text."""
    rendered = _load(FORMATS[fmt].report)(report, options or RenderOptions())
    return rendered.decode("utf-8") if isinstance(rendered, bytes) else rendered


def render_evaluation(evaluation: Any, fmt: str, options: RenderOptions | None = None) -> str:
    """Render an evaluation (see ``triage.outputs.evaluation``) in an evaluation format."""
    renderer = FORMATS[fmt].evaluation
    if renderer is None:
        raise ValueError(f"format {fmt!r} cannot render an evaluation")
    return _load(renderer)(evaluation, options or RenderOptions())
