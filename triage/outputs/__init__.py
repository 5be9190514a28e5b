"""Outputs: reports to text, Markdown, JSON, YAML and SARIF; files written atomically."""

from triage.outputs.ask import draft_request, missing_dimensions, needs_asking, other_questions
from triage.outputs.files import emit, write_output, write_stdout
from triage.outputs.indexer import IndexUpdate, refresh_index, render_index
from triage.outputs.render import (
    FORMATS,
    md_code,
    md_escape,
    render,
    render_bytes,
    render_json,
    render_markdown,
)
from triage.outputs.sarif import artifact_uri, render_sarif
from triage.outputs.schema import report_schema
from triage.outputs.terminal import Progress, render_bundle_line, render_terminal, use_colour

__all__ = [
    "FORMATS",
    "IndexUpdate",
    "Progress",
    "artifact_uri",
    "draft_request",
    "emit",
    "md_code",
    "md_escape",
    "missing_dimensions",
    "needs_asking",
    "other_questions",
    "refresh_index",
    "render",
    "render_bundle_line",
    "render_bytes",
    "render_index",
    "render_json",
    "render_markdown",
    "render_sarif",
    "render_terminal",
    "report_schema",
    "use_colour",
    "write_output",
    "write_stdout",
]
