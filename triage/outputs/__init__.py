"""Outputs: reports to text, Markdown, JSON, YAML and SARIF; files written atomically."""

from triage.outputs.files import emit, write_stdout
from triage.outputs.indexer import IndexUpdate, refresh_index
from triage.outputs.render import FORMATS, render_bytes
from triage.outputs.terminal import Progress, render_bundle_line, render_terminal, use_colour

__all__ = [
    "FORMATS",
    "IndexUpdate",
    "Progress",
    "emit",
    "refresh_index",
    "render_bundle_line",
    "render_bytes",
    "render_terminal",
    "use_colour",
    "write_stdout",
]
