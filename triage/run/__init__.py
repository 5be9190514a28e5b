"""Run: wires the stages for a text, a file or a bundle (read, scan, judge) and returns reports."""

from triage.run.api import (
    MANY_SEEDS,
    assess_batch,
    assess_document,
    assess_file,
    assess_index,
    assess_paths,
    assess_text,
    default_jobs,
    default_ruleset,
    scanner_for,
)
from triage.run.evaluate import EvalReport, Label, evaluate, score

__all__ = [
    "MANY_SEEDS",
    "EvalReport",
    "Label",
    "assess_batch",
    "assess_document",
    "assess_file",
    "assess_index",
    "assess_paths",
    "assess_text",
    "default_jobs",
    "default_ruleset",
    "evaluate",
    "scanner_for",
    "score",
]
