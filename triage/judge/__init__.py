"""Judge: a document's scan result and the rule set's words become its report.

``Judge`` is built once per rule set and holds everything judging needs; ``report`` turns one
document's scan result into its ``SeedReport``. The bundle is judged by ``summarise_bundle``.
"""

from __future__ import annotations

from triage.inputs import SeedText
from triage.judge.explain import explain_document
from triage.judge.scoring import assess_scan, summarise_bundle
from triage.report import SeedReport
from triage.rulebook import RuleSet
from triage.scan import ScanResult

__all__ = ["Judge", "explain_document", "summarise_bundle"]


class Judge:
    """Judges documents against one rule set and its policy."""

    def __init__(self, ruleset: RuleSet) -> None:
        """Keep the rule set; built once per run."""
        self.ruleset = ruleset

    def report(
        self,
        doc: SeedText,
        result: ScanResult,
        path: str,
        file: str,
        *,
        keep_scores: bool = True,
    ) -> SeedReport:
        """Return the report of one document from its scan result."""
        rules, policy = self.ruleset.rules, self.ruleset.policy
        return assess_scan(doc, path, file, rules, policy, result, keep_scores=keep_scores)
