"""Rule packs: the declarative YAML entries that recognise one cue each.

A rule names its ``kind`` (how it matches), the ``signal`` it is evidence for and a ``weight``.
Every kind compiles to one regular expression in the common subset of RE2 and Hyperscan, so the
scanner can use any linear-time engine and a user's pattern can never hang it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any, Literal

import re2
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from triage.cache import cache_key, read_entry, write_entry
from triage.errors import RuleError
from triage.rulebook.policy import Policy, load_policy
from triage.rulebook.yamlfile import LineMap, line_of, load_yaml

RULE_ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
POLICY_FILE = "policy.yaml"
# Probes for zero-length matches: a rule that matches nothing would flood the scanner.
_EMPTY_PROBES = ("", " ", "a", "a b", "\n", "1")
_CACHE_KIND = "ruleset"
_VALIDATING_MODULES = (
    "rulebook/rules.py",
    "rulebook/policy.py",
    "rulebook/yamlfile.py",
    "cache.py",
)
_KINDS = ("phrases", "regex", "near")


class Examples(BaseModel):
    """Text a rule must fire on and text it must stay quiet on; run by ``triage rules test``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    fires: tuple[str, ...] = Field(min_length=1)
    quiet: tuple[str, ...] = Field(min_length=1)


class _RuleBase(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=RULE_ID)
    signal: str
    weight: float = 1.0
    cap: int = Field(default=5, ge=1, le=1000)
    density: bool = True
    case_sensitive: bool = False
    description: str = Field(min_length=1)
    examples: Examples

    def body(self) -> str:
        """Return the regex body of this rule, without flags."""
        raise NotImplementedError

    def pattern(self) -> str:
        """Return the full regular expression this rule compiles to, flags included."""
        flags = "m" if self.case_sensitive else "mi"
        return f"(?{flags}){self.body()}"


def _phrase_regex(phrase: str) -> str:
    words = phrase.split()
    core = r"\s+".join(re2.escape(w) for w in words)
    start = r"\b" if words[0][0].isalnum() else ""
    end = r"\b" if words[-1][-1].isalnum() else ""
    return f"{start}{core}{end}"


def _alternation(phrases: Iterable[str]) -> str:
    return "(?:" + "|".join(_phrase_regex(p) for p in phrases) + ")"


class PhrasesRule(_RuleBase):
    """Any of a list of phrases, matched as whole words; spaces match any whitespace."""

    kind: Literal["phrases"]
    phrases: tuple[Annotated[str, Field(min_length=1, pattern=r"\S")], ...] = Field(min_length=1)

    def body(self) -> str:
        """Return the alternation of the phrases."""
        return _alternation(self.phrases)

    @staticmethod
    def phrase_regex(phrase: str) -> str:
        """Return the regex one phrase compiles to (word-bounded, any whitespace between words)."""
        return _phrase_regex(phrase)


class RegexRule(_RuleBase):
    """A regular expression in the RE2 syntax; ``^`` and ``$`` match at line boundaries."""

    kind: Literal["regex"]
    regex: str = Field(min_length=1)

    def body(self) -> str:
        """Return the user's pattern as written."""
        return self.regex


class NearRule(_RuleBase):
    """A phrase from ``first`` followed within ``within`` words by a phrase from ``then``."""

    kind: Literal["near"]
    first: tuple[str, ...] = Field(min_length=1)
    then: tuple[str, ...] = Field(min_length=1)
    within: int = Field(default=5, ge=0, le=30)

    def body(self) -> str:
        """Return a bounded-gap pattern, linear-time in every engine."""
        gap = rf"(?:\W+\w+){{0,{self.within}}}\W+"
        return _alternation(self.first) + gap + _alternation(self.then)


Rule = Annotated[PhrasesRule | RegexRule | NearRule, Field(discriminator="kind")]
_RULE: TypeAdapter[Rule] = TypeAdapter(Rule)
_QUIET = re2.Options()
_QUIET.log_errors = False  # the problem is reported with file and line; no engine log on stderr
_PATTERN_FIELD = {"phrases": "phrases", "regex": "regex", "near": "first"}


class RulePack(BaseModel):
    """One YAML file of rules."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    pack: str = Field(pattern=RULE_ID)
    description: str = ""
    rules: tuple[Rule, ...]


class RuleSet(BaseModel):
    """Every enabled rule plus the policy, validated together and loaded once."""

    model_config = ConfigDict(frozen=True)

    rules: tuple[Rule, ...]
    policy: Policy
    sources: tuple[str, ...]
    fingerprint: str

    def rule(self, rule_id: str) -> Rule:
        """Return the rule with this id."""
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)


def default_rules_dir() -> Path:
    """Return the rules shipped with the package (or the checkout's ``rules/`` when editable)."""
    package = Path(__file__).resolve().parent.parent
    packaged = package / "rules"
    return packaged if packaged.is_dir() else package.parent / "rules"


def load_rules(
    extra_dirs: Iterable[Path] = (),
    disable: Iterable[str] = (),
    *,
    include_defaults: bool = True,
) -> RuleSet:
    """Load, validate and combine rule packs; raise ``RuleError`` listing every problem found.

    Parsing YAML dominates start-up, so a validated rule set is kept in the cache (see
    ``triage.cache``) under a hash of every rule file and of the code that validates them.
    """
    dirs = ([default_rules_dir()] if include_defaults else []) + [Path(d) for d in extra_dirs]
    disable = tuple(disable)
    key = _ruleset_key(dirs, disable)
    cached = read_entry(_CACHE_KIND, key) if key else None
    if cached is not None:
        try:
            return RuleSet.model_validate_json(cached)
        except ValidationError:
            pass  # an entry from another version of the models: load from the files
    ruleset = _load_rule_files(dirs, disable)
    if key:
        write_entry(_CACHE_KIND, key, ruleset.model_dump_json().encode())
    return ruleset


def _ruleset_key(dirs: list[Path], disable: tuple[str, ...]) -> str | None:
    """Hash everything a rule set is built from; None when a folder cannot be read."""
    code = Path(__file__).resolve().parent.parent
    parts = [_CACHE_KIND, *sorted(disable), "\1"]
    try:
        for module in _VALIDATING_MODULES:
            parts.append((code / module).read_text(encoding="utf-8"))
        if not all(folder.is_dir() for folder in dirs):
            return None  # reported by the loader
        for folder in dirs:
            for path in sorted(folder.glob("*.yaml")):
                parts.extend([str(path.resolve()), path.read_text(encoding="utf-8-sig")])
    except (OSError, UnicodeDecodeError):
        return None
    return cache_key(parts)


def _load_rule_files(dirs: list[Path], disable: tuple[str, ...]) -> RuleSet:
    policy_path = _find_policy(dirs)
    policy = load_policy(policy_path)
    problems: list[str] = []
    located: list[tuple[Rule, str]] = []
    sources: list[str] = [policy_path.read_text(encoding="utf-8-sig")]
    for path in _pack_files(dirs, problems):
        sources.append(path.read_text(encoding="utf-8-sig"))
        located.extend(_load_pack(path, policy, problems))
    problems.extend(_duplicate_ids(located))
    rules = [rule for rule, _ in located]
    unknown = sorted(set(disable) - {r.id for r in rules})
    problems.extend(f"--disable: no rule has the id {rule_id!r}" for rule_id in unknown)
    if problems:
        raise RuleError(problems)
    enabled = tuple(r for r in rules if r.id not in set(disable))
    digest = hashlib.sha256("\0".join([*sources, *sorted(disable)]).encode()).hexdigest()
    return RuleSet(rules=enabled, policy=policy, sources=tuple(sources), fingerprint=digest)


def _find_policy(dirs: list[Path]) -> Path:
    found = [d / POLICY_FILE for d in dirs if (d / POLICY_FILE).is_file()]
    if not found:
        raise RuleError([f"no {POLICY_FILE} in any rules folder: {', '.join(map(str, dirs))}"])
    return found[-1]


def _pack_files(dirs: list[Path], problems: list[str]) -> list[Path]:
    files: list[Path] = []
    for folder in dirs:
        if not folder.is_dir():
            problems.append(f"{folder}: rules folder not found")
            continue
        files.extend(p for p in sorted(folder.glob("*.yaml")) if p.name != POLICY_FILE)
    return files


def _load_pack(path: Path, policy: Policy, problems: list[str]) -> list[tuple[Rule, str]]:
    """Validate one pack rule by rule, so one broken rule does not hide the problems of others.

    Return the valid rules, each with its ``file:line`` for later messages.
    """
    try:
        data, lines = load_yaml(path)
    except RuleError as exc:
        problems.extend(exc.problems)
        return []
    raw_rules = data.get("rules") if isinstance(data, dict) else None
    header = {**data, "rules": []} if isinstance(raw_rules, list) else data
    try:
        RulePack.model_validate(header)
    except ValidationError as exc:
        problems.extend(_validation_messages(path, exc, lines, data))
    located = []
    for index, raw in enumerate(raw_rules if isinstance(raw_rules, list) else []):
        try:
            rule = _RULE.validate_python(raw)
        except ValidationError as exc:
            problems.extend(_validation_messages(path, exc, lines, data, ("rules", index)))
            continue
        for field, why in check_rule_fields(rule, policy):
            line = line_of(lines, ("rules", index, field))
            problems.append(f"{path}:{line}: rule {rule.id}: {field}: {why}")
        located.append((rule, f"{path}:{line_of(lines, ('rules', index))}"))
    return located


def _validation_messages(
    path: Path, exc: ValidationError, lines: LineMap, data: Any, prefix: tuple[int | str, ...] = ()
) -> list[str]:
    messages = []
    errors = exc.errors()
    item_locs = {err["loc"][:-1] for err in errors if err["loc"]}
    for err in errors:
        if err["type"] == "too_short" and err["loc"] in item_locs:
            continue  # pydantic's echo of an invalid item: "should have at least 1 item"
        loc = _without_kind_tag([*prefix, *err["loc"]])
        reason = err["msg"]
        if err["type"] in ("union_tag_not_found", "union_tag_invalid"):
            loc, reason = [*loc, "kind"], f"missing or unknown; use one of {', '.join(_KINDS)}"
        rule_id = _rule_id_at(data, loc)
        field = ".".join(str(p) for p in loc[2:]) if rule_id else ".".join(str(p) for p in loc)
        who = f"rule {rule_id}: " if rule_id else ""
        messages.append(f"{path}:{line_of(lines, loc)}: {who}{field or 'file'}: {reason}")
    return messages


def _without_kind_tag(loc: list[str | int]) -> list[str | int]:
    """Drop the union tag pydantic inserts (``rules.0.regex.weight`` -> ``rules.0.weight``)."""
    if len(loc) >= 4 and loc[0] == "rules" and loc[2] in _KINDS:
        return [*loc[:2], *loc[3:]]
    return loc


def _rule_id_at(data: Any, loc: list[str | int]) -> str | None:
    if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
        try:
            return str(data["rules"][loc[1]].get("id", f"#{loc[1] + 1}"))
        except (KeyError, IndexError, TypeError, AttributeError):
            return None
    return None


def check_rule_fields(rule: Rule, policy: Policy) -> list[tuple[str, str]]:
    """Return ``(field, reason)`` for each problem of one rule beyond its schema."""
    problems = []
    if rule.signal not in policy.signals:
        known = ", ".join(sorted(policy.signals))
        problems.append(("signal", f"unknown signal {rule.signal!r} (known: {known})"))
    field = _PATTERN_FIELD[rule.kind]
    try:
        compiled = re2.compile(rule.pattern(), _QUIET)
    except re2.error as exc:
        return [*problems, (field, f"not a valid linear-time (RE2) regex: {_re2_reason(exc)}")]
    if any(m.end() == m.start() for probe in _EMPTY_PROBES for m in compiled.finditer(probe)):
        problems.append((field, "can match the empty string; make it match at least one char"))
    return problems


def _re2_reason(exc: Exception) -> str:
    raw = exc.args[0] if exc.args else exc
    return raw.decode(errors="replace") if isinstance(raw, bytes) else str(raw)


def _duplicate_ids(located: list[tuple[Rule, str]]) -> list[str]:
    first_seen: dict[str, str] = {}
    dupes = []
    for rule, where in located:
        if rule.id in first_seen:
            dupes.append(f"{where}: rule {rule.id}: duplicate id (first at {first_seen[rule.id]})")
        first_seen.setdefault(rule.id, where)
    return dupes


def example_failures(rule: Rule) -> list[str]:
    """Return each example of a rule that does not behave as the rule says it should."""
    compiled = re2.compile(rule.pattern())
    failures = [
        f"{rule.id}: should fire on {text!r}"
        for text in rule.examples.fires
        if not compiled.search(text)
    ]
    failures += [
        f"{rule.id}: should stay quiet on {text!r}"
        for text in rule.examples.quiet
        if compiled.search(text)
    ]
    return failures
