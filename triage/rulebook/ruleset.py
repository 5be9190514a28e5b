"""The validated results: one YAML file of rules (a pack), and every enabled rule plus policy."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from triage.rulebook.kinds import RULE_ID, Rule
from triage.rulebook.policy import Policy
from triage.rulebook.weights import Weights


class RulePack(BaseModel):
    """One YAML file of rules."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    pack: str = Field(pattern=RULE_ID)
    description: str = ""
    rules: tuple[Rule, ...]


class RuleSet(BaseModel):
    """Every enabled rule plus the policy (and fitted weights, if any), loaded once."""

    model_config = ConfigDict(frozen=True)

    rules: tuple[Rule, ...]
    policy: Policy
    sources: tuple[str, ...]
    fingerprint: str
    weights: Weights | None = None

    def rule(self, rule_id: str) -> Rule:
        """Return the rule with this id."""
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)
