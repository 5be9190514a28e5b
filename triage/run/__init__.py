"""Run: wires the stages for a text, a file or a bundle (read, scan, judge) and returns reports."""

from triage.run.api import (
    assess_document,
    assess_file,
    assess_index,
    assess_paths,
    assess_text,
    default_ruleset,
)

__all__ = [
    "assess_document",
    "assess_file",
    "assess_index",
    "assess_paths",
    "assess_text",
    "default_ruleset",
]
