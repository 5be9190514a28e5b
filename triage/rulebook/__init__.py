"""Rulebook: YAML rule packs and the policy, validated into immutable models, loaded once."""

from triage.rulebook.policy import AskTemplate, Condition, Policy, VerdictRule, load_policy
from triage.rulebook.rules import (
    POLICY_FILE,
    PhrasesRule,
    RegexRule,
    Rule,
    RuleSet,
    default_rules_dir,
    example_failures,
    load_rules,
)
from triage.rulebook.yamlfile import MAX_FILE_BYTES, load_yaml, validation_messages

__all__ = [
    "MAX_FILE_BYTES",
    "POLICY_FILE",
    "AskTemplate",
    "Condition",
    "PhrasesRule",
    "Policy",
    "RegexRule",
    "Rule",
    "RuleSet",
    "VerdictRule",
    "default_rules_dir",
    "example_failures",
    "load_policy",
    "load_rules",
    "load_yaml",
    "validation_messages",
]
