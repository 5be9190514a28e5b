"""Rule kinds: the models of the declarative YAML entries that recognise one cue each.

A rule names its ``kind`` (how it matches), the ``signal`` it is evidence for and a ``weight``.
Every kind compiles to one regular expression in the common subset of RE2 and Hyperscan, so the
scanner can use any linear-time engine and a user's pattern can never hang it.

``RULE_KINDS`` is the one table of kinds: a kind's name is the ``Literal`` of its model's ``kind``
field, and the validator, the error messages and the checks all read the table, so a new kind is
one model class plus one entry here.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Annotated, Any, ClassVar, Literal, Union, get_args

import re2
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter
from pydantic_core import CoreSchema, core_schema

RULE_ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class Examples(BaseModel):
    """Text a rule must fire on and text it must stay quiet on; run by ``triage rules test``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    fires: tuple[str, ...] = Field(min_length=1)
    quiet: tuple[str, ...] = Field(min_length=1)


class RuleBase(BaseModel):
    """What every rule kind has; a kind adds its matcher's fields and ``body()``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    # The field a problem with the compiled pattern is reported on.
    pattern_field: ClassVar[str]

    id: str = Field(pattern=RULE_ID)
    signal: str
    weight: float = 1.0
    cap: int = Field(default=5, ge=1, le=1000)
    density: bool = True
    case_sensitive: bool = False
    description: str = Field(min_length=1)
    examples: Examples
    # Each kind narrows this to its name; last, so dumps keep the field order they always had.
    kind: str

    @classmethod
    def kind_name(cls) -> str:
        """Return the name of this kind: the one value of its ``kind`` field's ``Literal``."""
        (name,) = get_args(cls.model_fields["kind"].annotation)
        return str(name)

    def body(self) -> str:
        """Return the regex body of this rule, without flags."""
        raise NotImplementedError

    def pattern(self) -> str:
        """Return the full regular expression this rule compiles to, flags included."""
        flags = "m" if self.case_sensitive else "mi"
        return f"(?{flags}){self.body()}"


# A phrase holds at least one word: an empty or blank phrase has no regex (and would match
# everywhere), so every phrase field of every kind is refused at load time when blank.
Phrase = Annotated[str, Field(min_length=1, pattern=r"\S")]


def _phrase_regex(phrase: str) -> str:
    words = phrase.split()
    core = r"\s+".join(re2.escape(w) for w in words)
    start = r"\b" if words[0][0].isalnum() else ""
    end = r"\b" if words[-1][-1].isalnum() else ""
    return f"{start}{core}{end}"


def _alternation(phrases: Iterable[str]) -> str:
    return "(?:" + "|".join(_phrase_regex(p) for p in phrases) + ")"


class PhrasesRule(RuleBase):
    """Any of a list of phrases, matched as whole words; spaces match any whitespace."""

    pattern_field: ClassVar[str] = "phrases"

    kind: Literal["phrases"]
    phrases: tuple[Phrase, ...] = Field(min_length=1)

    def body(self) -> str:
        """Return the alternation of the phrases."""
        return _alternation(self.phrases)

    @staticmethod
    def phrase_regex(phrase: str) -> str:
        """Return the regex one phrase compiles to (word-bounded, any whitespace between words)."""
        return _phrase_regex(phrase)


class RegexRule(RuleBase):
    """A regular expression in the RE2 syntax; ``^`` and ``$`` match at line boundaries."""

    pattern_field: ClassVar[str] = "regex"

    kind: Literal["regex"]
    regex: str = Field(min_length=1)

    def body(self) -> str:
        """Return the user's pattern as written."""
        return self.regex


class NearRule(RuleBase):
    """A phrase from ``first`` followed within ``within`` words by a phrase from ``then``."""

    pattern_field: ClassVar[str] = "first"

    kind: Literal["near"]
    first: tuple[Phrase, ...] = Field(min_length=1)
    then: tuple[Phrase, ...] = Field(min_length=1)
    within: int = Field(default=5, ge=0, le=30)

    def body(self) -> str:
        """Return a bounded-gap pattern, linear-time in every engine."""
        gap = rf"(?:\W+\w+){{0,{self.within}}}\W+"
        return _alternation(self.first) + gap + _alternation(self.then)


def kinds_table(*models: type[RuleBase]) -> dict[str, type[RuleBase]]:
    """Return the registry entries for these models, each under its kind's name."""
    return {model.kind_name(): model for model in models}


# The one table of rule kinds, in the order the "use one of ..." message lists them.
RULE_KINDS: dict[str, type[RuleBase]] = kinds_table(PhrasesRule, RegexRule, NearRule)


def rule_adapter() -> TypeAdapter[RuleBase]:
    """Return the validator of one raw rule, discriminated on ``kind`` over ``RULE_KINDS`` now."""
    return _adapter_for(tuple(RULE_KINDS.values()))


@lru_cache(maxsize=8)
def _adapter_for(models: tuple[type[RuleBase], ...]) -> TypeAdapter[RuleBase]:
    members: Any = Union[models]  # noqa: UP007  (members known at run time: the subscript form)
    return TypeAdapter(Annotated[members, Field(discriminator="kind")])


def _as_rule(value: Any) -> RuleBase:
    """Pass a rule model through; validate raw data (a cached rule set) as its kind's model."""
    if isinstance(value, RuleBase):
        return value
    kind = value.get("kind") if isinstance(value, dict) else None
    model = RULE_KINDS.get(kind) if isinstance(kind, str) else None
    # The union adapter only for data of no known kind: it words the error.
    return model.model_validate(value) if model else rule_adapter().validate_python(value)


class _AnyKind:
    """Pydantic schema of a rule of any kind in ``RULE_KINDS`` when validated, not when defined.

    It is serialized by inference, so a rule keeps every field of its own kind.
    """

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> CoreSchema:
        return core_schema.no_info_plain_validator_function(_as_rule)

    def __get_pydantic_json_schema__(self, schema: CoreSchema, handler: Any) -> Any:
        return handler(rule_adapter().core_schema)


# A rule of any registered kind, for the fields of other models.
Rule = Annotated[RuleBase, _AnyKind()]
