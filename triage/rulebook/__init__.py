"""Rulebook: YAML rule packs and the policy, validated into immutable models, loaded once.

Modules, lowest first: ``yamlfile`` (YAML with a line for every value), ``kinds`` (the rule
models and ``RULE_KINDS``, the one table of rule kinds), ``messages`` (validation errors as
``file:line`` lines), ``opinions`` (when fitted models overrule the policy), ``policy``,
``checks`` (beyond the schema), ``weights`` (fitted models), ``ruleset`` and ``load``.
"""

from triage.rulebook.checks import example_failures
from triage.rulebook.kinds import (
    RULE_KINDS,
    Examples,
    NearRule,
    PhrasesRule,
    RegexRule,
    Rule,
    RuleBase,
)
from triage.rulebook.load import POLICY_FILE, default_rules_dir, load_rules
from triage.rulebook.messages import validation_messages
from triage.rulebook.opinions import DEFAULT_BUILDABLE_ABOVE
from triage.rulebook.policy import (
    AskTemplate,
    Condition,
    LanguagePolicy,
    Policy,
    VerdictRule,
    load_policy,
)
from triage.rulebook.ruleset import RuleSet
from triage.rulebook.weights import (
    GENRE_PREFIX,
    SHARE_PREFIX,
    WEIGHTS_FILE,
    WORDS_FEATURE,
    LinearModel,
    Weights,
    load_weights,
)
from triage.rulebook.yamlfile import MAX_FILE_BYTES, load_yaml

__all__ = [
    "DEFAULT_BUILDABLE_ABOVE",
    "GENRE_PREFIX",
    "MAX_FILE_BYTES",
    "POLICY_FILE",
    "RULE_KINDS",
    "SHARE_PREFIX",
    "WEIGHTS_FILE",
    "WORDS_FEATURE",
    "AskTemplate",
    "Condition",
    "Examples",
    "LanguagePolicy",
    "LinearModel",
    "NearRule",
    "PhrasesRule",
    "Policy",
    "RegexRule",
    "Rule",
    "RuleBase",
    "RuleSet",
    "VerdictRule",
    "Weights",
    "default_rules_dir",
    "example_failures",
    "load_policy",
    "load_rules",
    "load_weights",
    "load_yaml",
    "validation_messages",
]
