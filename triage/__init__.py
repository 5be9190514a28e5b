"""seed-triage: is this seed a buildable requirement? Evidence line by line, questions to ask.

Public API::

    from triage import assess_text, assess_file, assess_index, assess_paths, load_rules

    rules = load_rules(["my-rules/"], disable=["modal-shall"])  # str or Path folders
    report = assess_text("The tool shall export CSV.", rules)

A seed that cannot be assessed (unreadable, empty, only markup) is a report with ``error`` set
and no verdict, from every entry point; ``assess_text("")`` too. A wrong argument type is a
``TypeError``; a broken rule file, index or configuration is a ``TriageError`` naming the file,
the line and what to do.
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
