"""seed-triage: is this seed a buildable requirement? Evidence line by line, questions to ask.

Public API::

    from triage import assess_text, assess_file, assess_index, assess_paths, load_rules
"""

from triage.errors import InputError, RuleError, TriageError
from triage.report import Report, SeedReport, __version__
from triage.rulebook import RuleSet, load_rules
from triage.run import (
    assess_document,
    assess_file,
    assess_index,
    assess_paths,
    assess_text,
    default_ruleset,
)

__all__ = [
    "InputError",
    "Report",
    "RuleError",
    "RuleSet",
    "SeedReport",
    "TriageError",
    "__version__",
    "assess_document",
    "assess_file",
    "assess_index",
    "assess_paths",
    "assess_text",
    "default_ruleset",
    "load_rules",
]
