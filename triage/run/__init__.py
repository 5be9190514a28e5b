"""Run: one ``Plan`` per run, then every seed read, scanned and judged down one path.

``plan`` builds the plan (the engine chosen once), ``seed`` is the path of one seed, ``batch``
runs seeds stage by stage, ``processes`` spreads them over worker processes, ``api`` holds the
public functions, ``labels`` reads and checks human labels, ``evaluate`` measures the judgments
against them, ``fit`` fits the fitted decider's weights and ``crossval`` cross-validates them by
source group.
"""

from typing import TYPE_CHECKING, Any

from triage.registry import resolve
from triage.rulebook import DEFAULT_BUILDABLE_ABOVE
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

# Imported now, not on first use: the function shares its module's name, and once anything
# imports the module ``triage.run.evaluate``, the package's attribute would be the module.
from triage.run.evaluate import EvalReport, evaluate, score
from triage.run.plan import Plan, default_ruleset, make_plan

if TYPE_CHECKING:
    from triage.run.crossval import DEFAULT_FOLDS, assign_folds, cross_validate, with_weights
    from triage.run.fit import (
        DEFAULT_C,
        fit_corpus,
        fit_weights,
        read_corpus,
        weights_yaml,
    )
    from triage.run.labels import Label, load_labels

# Measuring and fitting are imported when first asked for: a triage run needs neither.
_LATER = {
    name: module
    for module, names in {
        "crossval": ("DEFAULT_FOLDS", "assign_folds", "cross_validate", "with_weights"),
        "fit": (
            "DEFAULT_C",
            "fit_corpus",
            "fit_weights",
            "read_corpus",
            "weights_yaml",
        ),
        "labels": ("Label", "load_labels"),
    }.items()
    for name in names
}


def __getattr__(name: str) -> Any:
    """Import the measuring and fitting names on first use (PEP 562)."""
    module = _LATER.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return resolve(f"{__name__}.{module}:{name}")


__all__ = [
    "DEFAULT_BUILDABLE_ABOVE",
    "DEFAULT_C",
    "DEFAULT_FOLDS",
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
    "assign_folds",
    "cross_validate",
    "default_jobs",
    "default_ruleset",
    "evaluate",
    "explain_file",
    "fit_corpus",
    "fit_weights",
    "load_labels",
    "make_plan",
    "read_corpus",
    "score",
    "weights_yaml",
    "with_weights",
]
