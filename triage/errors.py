"""Errors the user can act on: each says what went wrong, where, and what to do."""

from __future__ import annotations


class TriageError(Exception):
    """Base of every error the CLI reports as one line instead of a traceback."""


class RuleError(TriageError):
    """A rule or policy file is invalid; raised before any scanning starts."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


class InputError(TriageError):
    """A path, index or document given by the user cannot be used."""


class ConfigError(TriageError):
    """A ``[tool.triage]`` table or ``triage.yaml`` is invalid."""
