"""Outputs: reports to text, Markdown, JSON, YAML and SARIF; files written atomically.

What every run needs is imported here; what only one command needs (the question draft, the
JSON Schema, SARIF, the index writer, the evaluation renderers) is loaded on first use from
``LAZY``, so ``triage`` start-up does not pay for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from triage.outputs.files import (
    STDOUT_NAME,
    bundle_files,
    emit,
    guard_output,
    rule_files,
    write_output,
    write_stdout,
)
from triage.outputs.formats import (
    DEFAULT_FORMAT,
    FORMATS,
    OutputFormat,
    evaluation_format_names,
    format_names,
    render,
    render_bytes,
    render_evaluation,
)
from triage.outputs.options import DEFAULT_FAIL_ON, FAIL_LEVELS, RenderOptions
from triage.outputs.render import md_code, md_escape, render_json, render_markdown
from triage.outputs.terminal import Progress, render_bundle_line, render_terminal, use_colour
from triage.registry import resolve

if TYPE_CHECKING:
    from triage.outputs.ask import (
        draft_request,
        missing_dimensions,
        needs_asking,
        other_questions,
    )
    from triage.outputs.evaluation import Evaluation
    from triage.outputs.indexer import IndexUpdate, refresh_index
    from triage.outputs.indexform import render_index
    from triage.outputs.sarif import artifact_uri, render_sarif
    from triage.outputs.schema import render_schema, report_schema

LAZY: dict[str, str] = {
    "draft_request": "triage.outputs.ask:draft_request",
    "missing_dimensions": "triage.outputs.ask:missing_dimensions",
    "needs_asking": "triage.outputs.ask:needs_asking",
    "other_questions": "triage.outputs.ask:other_questions",
    "Evaluation": "triage.outputs.evaluation:Evaluation",
    "IndexUpdate": "triage.outputs.indexer:IndexUpdate",
    "refresh_index": "triage.outputs.indexer:refresh_index",
    "render_index": "triage.outputs.indexform:render_index",
    "artifact_uri": "triage.outputs.sarif:artifact_uri",
    "render_sarif": "triage.outputs.sarif:render_sarif",
    "render_schema": "triage.outputs.schema:render_schema",
    "report_schema": "triage.outputs.schema:report_schema",
}


def __getattr__(name: str) -> Any:
    """Load a name of ``LAZY`` from its module the first time it is asked for."""
    if name not in LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = resolve(LAZY[name])
    globals()[name] = value
    return value


__all__ = [
    "DEFAULT_FAIL_ON",
    "DEFAULT_FORMAT",
    "FAIL_LEVELS",
    "FORMATS",
    "STDOUT_NAME",
    "Evaluation",
    "IndexUpdate",
    "OutputFormat",
    "Progress",
    "RenderOptions",
    "artifact_uri",
    "bundle_files",
    "draft_request",
    "emit",
    "evaluation_format_names",
    "format_names",
    "guard_output",
    "md_code",
    "md_escape",
    "missing_dimensions",
    "needs_asking",
    "other_questions",
    "refresh_index",
    "render",
    "render_bundle_line",
    "render_bytes",
    "render_evaluation",
    "render_index",
    "render_json",
    "render_markdown",
    "render_sarif",
    "render_schema",
    "render_terminal",
    "report_schema",
    "rule_files",
    "use_colour",
    "write_output",
    "write_stdout",
]
