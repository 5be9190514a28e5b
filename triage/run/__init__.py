"""Run: one ``Plan`` per run, then every seed read, scanned and judged down one path.

``plan`` builds the plan (the engine chosen once), ``seed`` is the path of one seed, ``batch``
runs seeds stage by stage, ``processes`` spreads them over worker processes, ``api`` holds the
public functions and ``evaluate`` measures the judgments against human labels.
"""

from triage.run.api import (
    MANY_SEEDS,
    assess_document,
    assess_file,
    assess_index,
    assess_paths,
    assess_text,
    default_jobs,
    explain_file,
)
from triage.run.budget import DEFAULT_TIMEOUT
from triage.run.evaluate import EvalReport, Label, evaluate, score
from triage.run.plan import Plan, default_ruleset, make_plan

__all__ = [
    "DEFAULT_TIMEOUT",
    "MANY_SEEDS",
    "EvalReport",
    "Label",
    "Plan",
    "assess_document",
    "assess_file",
    "assess_index",
    "assess_paths",
    "assess_text",
    "default_jobs",
    "default_ruleset",
    "evaluate",
    "explain_file",
    "make_plan",
    "score",
]
