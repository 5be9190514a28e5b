"""Judge: a document's scan result and the rule set's words become its report.

``Judge`` is built once per run and holds what judging reads (score tables, a ``Decider``);
``Judge.report`` turns one document's scan result into its ``SeedReport`` along one path:
features → decision → advice. The bundle is judged by ``summarise_bundle``, a fold over the
seed reports. ``explain_document`` prints the trace the decider returned.
"""

from triage.judge.bundle import BundleTally, summarise_bundle
from triage.judge.checked import CheckedDecider
from triage.judge.decide import (
    Absence,
    Decider,
    Decision,
    DimensionStep,
    GenreOpinion,
    GenreStep,
    LanguageStep,
    ModelStep,
    PolicyDecider,
    Term,
    Trace,
    VerdictStep,
)
from triage.judge.explain import explain_document
from triage.judge.features import Features, Fired, RuleRow, measure
from triage.judge.fitfeatures import feature_names, feature_row, signal_shares
from triage.judge.fitted import FittedDecider
from triage.judge.judgment import Judge, Judgment
from triage.judge.models import GenreModels

__all__ = [
    "Absence",
    "BundleTally",
    "CheckedDecider",
    "Decider",
    "Decision",
    "DimensionStep",
    "Features",
    "Fired",
    "FittedDecider",
    "GenreModels",
    "GenreOpinion",
    "GenreStep",
    "Judge",
    "Judgment",
    "LanguageStep",
    "ModelStep",
    "PolicyDecider",
    "RuleRow",
    "Term",
    "Trace",
    "VerdictStep",
    "explain_document",
    "feature_names",
    "feature_row",
    "measure",
    "signal_shares",
    "summarise_bundle",
]
