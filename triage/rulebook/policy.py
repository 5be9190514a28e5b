"""Policy: the data that turns signal scores into dimensions, a genre, a verdict and questions.

Every threshold and every word the user reads lives in ``rules/policy.yaml``; this module only
declares its shape and checks that its names refer to each other correctly.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from triage.errors import RuleError
from triage.report import DIMENSIONS, Verdict
from triage.rulebook.messages import validation_messages
from triage.rulebook.opinions import FittedGenreSpec, FittedVerdictSpec
from triage.rulebook.yamlfile import load_yaml


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SignalSpec(_Frozen):
    """A named kind of evidence that rules feed."""

    description: str


class DimensionSpec(_Frozen):
    """One core dimension: which signals feed it, when it counts as present, what to ask."""

    label: str
    absent: str
    signals: dict[str, float]
    threshold: float
    requires_any: tuple[str, ...] = ()
    # A score at least this many times the threshold holds the dimension whatever a genre's
    # ``suppress`` says: no genre silences what its own evidence clearly holds.
    held_above: float | None = Field(default=None, gt=1.0)
    questions: tuple[str, ...] = Field(min_length=1)


class GenreSpec(_Frozen):
    """One genre: the cues that point to it and whether such a document intends a build."""

    label: str
    intent: Literal["build", "none"]
    cues: dict[str, float]
    min_score: float = 0.0
    suppress: tuple[str, ...] = ()


class Condition(_Frozen):
    """When a verdict rule applies; every given field must hold."""

    genre_intent: Literal["build", "none"] | None = None
    genre_in: tuple[str, ...] = ()
    any_dimension: tuple[str, ...] = ()
    no_dimension: tuple[str, ...] = ()
    min_signal: dict[str, float] = {}
    max_signal: dict[str, float] = {}


class VerdictRule(_Frozen):
    """A verdict and when it applies; the first rule whose condition holds decides."""

    verdict: Verdict
    when: Condition
    reason: str


class Clarification(_Frozen):
    """A question for a document that intends a build, asked while a signal stays below a bound."""

    below: dict[str, float] = Field(min_length=1)
    ask: str


class AskTemplate(_Frozen):
    """The sentences of ``triage ask``: a message to the requester, with ``{placeholders}``."""

    title: str
    greeting: str
    received: str
    one_document: str
    many_documents: str
    seed_line: str
    error_line: str
    not_enough: str
    dimension_heading: str
    evidence_found: str
    no_evidence: str
    mentions: str
    questions_intro: str
    other_questions: str
    already_there: str
    closing: str
    signature: str


# A language code as the language check gives it: ISO 639-1 (two letters), else ISO 639-3.
LANGUAGE_CODE = r"^[a-z]{2,3}$"
# Filled in when the policy loads, so a sentence that cannot be filled in is refused then: with
# names, and with the shortest codes (a name falls back to its code).
_LANGUAGE_PLACEHOLDERS = (
    {"language": "German", "covered": "English"},
    {"language": "xx", "covered": "xx"},
)


class LanguagePolicy(_Frozen):
    """Which languages the rules read, and what to say of a document in another one.

    A text of fewer than ``min_words`` words is not checked. The first ``sample_words`` words of
    a sample of ``sample_chars`` characters (fenced code left out) are read: when at least
    ``sure_share`` of them are ``common_words`` of a covered language and at most
    ``max_foreign_letters`` of its letters are outside ASCII, the text is in that language and
    no classifier is loaded; otherwise the classifier names the language, believed at
    ``min_confidence`` or more. ``aliases`` turn the classifier's codes into the ones reported
    (to ``null``: no language, e.g. ``zxx``); ``names`` name them in the question and reason.
    """

    covered: tuple[str, ...] = Field(min_length=1)
    min_words: int = Field(default=30, ge=1)
    # At most a quarter of what a document read in pieces keeps (``OPENING_CHARS``).
    sample_chars: int = Field(default=20_000, ge=100, le=32_768)
    sample_words: int = Field(default=3000, ge=10)
    common_words: dict[str, frozenset[str]] = {}
    sure_share: float = Field(default=0.12, gt=0.0, le=1.0)
    max_foreign_letters: float = Field(default=0.02, ge=0.0, le=1.0)
    min_confidence: float = Field(default=0.2, ge=0.0, le=1.0)
    aliases: dict[str, str | None] = {}
    names: dict[str, str] = {}
    question: str
    reason: str

    @model_validator(mode="after")
    def _codes_and_placeholders(self) -> LanguagePolicy:
        problems = [
            f"{where}: {code!r} is not a language code (two or three lowercase letters)"
            for where, codes in (
                ("covered", self.covered),
                ("aliases", [*self.aliases, *(c for c in self.aliases.values() if c)]),
                ("names", self.names),
            )
            for code in codes
            if not re.fullmatch(LANGUAGE_CODE, code)
        ]
        problems.extend(
            f"common_words: {code!r} is not a covered language"
            for code in self.common_words
            if code not in self.covered
        )
        problems.extend(_template_problem("question", self.question))
        problems.extend(_template_problem("reason", self.reason))
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def name(self, code: str) -> str:
        """Return a language's name for a person, else its code."""
        return self.names.get(code, code)


def _template_problem(field: str, template: str) -> list[str]:
    """Return why a sentence's ``{placeholders}`` cannot be filled in (none: an empty list)."""
    try:
        for values in _LANGUAGE_PLACEHOLDERS:
            template.format(**values)
    except (KeyError, IndexError, ValueError, AttributeError, TypeError) as exc:
        known = ", ".join(f"{{{name}}}" for name in _LANGUAGE_PLACEHOLDERS[0])
        return [f"{field}: cannot fill in its placeholders ({exc!s}); use {known}"]
    return []


class StructureSpec(_Frozen):
    """How a document's structure weighs genre cues (``triage.judge.reach``).

    ``scoped``: genre-cue signals that count for the sections their hits lie in; a signal whose
    sections hold less than ``min_share`` of the words has its points shrunk in proportion.
    ``min_words``: shorter documents are judged as a whole. ``quoted``: author's-voice signals
    whose hits inside quotations are counted apart and add no points, unless the text holds
    more than ``quotes_max_per_kchar`` quotations per thousand characters (then they are its
    format, e.g. the strings of JSON, not reported speech).
    """

    scoped: tuple[str, ...] = ()
    min_share: float = Field(default=0.25, gt=0.0, le=1.0)
    min_words: int = Field(default=0, ge=0)
    quoted: tuple[str, ...] = ()
    quotes_max_per_kchar: float = Field(default=20.0, gt=0.0)


class Policy(_Frozen):
    """The whole decision policy, validated as a unit."""

    signals: dict[str, SignalSpec]
    min_words: int = Field(default=200, ge=1)
    # Density rules count a longer text as this many words long (None: no ceiling).
    max_words: int | None = Field(default=None, ge=1)
    dimensions: dict[str, DimensionSpec]
    genres: dict[str, GenreSpec]
    fallback_genre: str
    verdicts: tuple[VerdictRule, ...] = Field(min_length=1)
    summary: str = "{genre} — {dimensions}"
    not_a_spec_question: str
    clarifications: tuple[Clarification, ...] = ()
    bundle_advice: dict[Verdict, str]
    bundle_unjudged: str = (
        "incomplete: not every seed could be read ({counts}) → fix the errors above and run again"
    )
    ask: AskTemplate | None = None
    # Who decides: the thresholds and verdict rules above, or the models of weights.yaml.
    decider: Literal["policy", "fitted"] = "policy"
    # The policy decider's second opinion on close genre calls (needs weights.yaml).
    fitted_genre: FittedGenreSpec | None = None
    # ... and on verdicts: the fitted spec model overrules the verdict when it is sure.
    fitted_verdict: FittedVerdictSpec | None = None
    # The languages the rules read (none: no language check).
    languages: LanguagePolicy | None = None
    structure: StructureSpec = StructureSpec()

    def reads_weights(self) -> bool:
        """Whether judging reads ``weights.yaml``: the fitted decider or a fitted opinion."""
        return self.decider == "fitted" or bool(self.fitted_genre or self.fitted_verdict)

    @model_validator(mode="after")
    def _structure_names(self) -> Policy:
        """Scoped and quoted signals are known signals that feed no dimension."""
        named = {*self.structure.scoped, *self.structure.quoted}
        problems = [f"structure: unknown signal {s!r}" for s in sorted(named - set(self.signals))]
        for name, dim in self.dimensions.items():
            fed = sorted(named & set(dim.signals))
            problems.extend(f"structure: signal {s!r} feeds dimension {name}" for s in fed)
        if problems:
            raise ValueError("; ".join(problems))
        return self

    @model_validator(mode="after")
    def _names_refer_to_each_other(self) -> Policy:
        problems = [*self._dimension_problems(), *self._genre_problems(), *self._verdict_problems()]
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def _dimension_problems(self) -> list[str]:
        problems = []
        if set(self.dimensions) != set(DIMENSIONS):
            problems.append(f"dimensions must be exactly {', '.join(DIMENSIONS)}")
        for name, dim in self.dimensions.items():
            unknown = (set(dim.signals) | set(dim.requires_any)) - set(self.signals)
            problems.extend(f"dimensions.{name}: unknown signal {s!r}" for s in sorted(unknown))
        return problems

    def _genre_problems(self) -> list[str]:
        problems = []
        if self.fallback_genre not in self.genres:
            problems.append(f"fallback_genre {self.fallback_genre!r} is not a genre")
        for name, genre in self.genres.items():
            unknown = set(genre.cues) - set(self.signals)
            problems.extend(f"genres.{name}: unknown signal {s!r}" for s in sorted(unknown))
            strange = set(genre.suppress) - set(DIMENSIONS)
            problems.extend(f"genres.{name}: unknown dimension {d!r}" for d in sorted(strange))
        return problems

    def _verdict_problems(self) -> list[str]:
        problems: list[str] = []
        for i, rule in enumerate(self.verdicts):
            names = set(rule.when.min_signal) | set(rule.when.max_signal)
            dims = set(rule.when.any_dimension) | set(rule.when.no_dimension)
            genres = sorted(set(rule.when.genre_in) - set(self.genres))
            problems.extend(f"verdicts.{i}: unknown genre {g!r}" for g in genres)
            unknown = sorted(names - set(self.signals))
            problems.extend(f"verdicts.{i}: unknown signal {s!r}" for s in unknown)
            strange = sorted(dims - set(DIMENSIONS))
            problems.extend(f"verdicts.{i}: unknown dimension {d!r}" for d in strange)
        for i, item in enumerate(self.clarifications):
            unknown = sorted(set(item.below) - set(self.signals))
            problems.extend(f"clarifications.{i}: unknown signal {s!r}" for s in unknown)
        if self.verdicts[-1].when != Condition():
            problems.append("the last verdict rule must have an empty 'when' (the default)")
        return problems


def load_policy(path: Path) -> Policy:
    """Load and validate ``policy.yaml``; raise ``RuleError`` with file and line on problems."""
    data, lines = load_yaml(path)
    try:
        return Policy.model_validate(data)
    except ValidationError as exc:
        raise RuleError(validation_messages(path, exc, lines)) from exc
