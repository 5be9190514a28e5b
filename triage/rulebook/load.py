"""Loading rule folders into one validated ``RuleSet``, from the cache when nothing changed.

Every problem of every file is collected and reported at once, each with its file and line,
before any scanning. The policy is the ``policy.yaml`` of the last folder that has one, and the
fitted weights (optional) the ``weights.yaml`` of the last folder that has one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache
from os import PathLike
from pathlib import Path

from pydantic import ValidationError
from pydantic_core import from_json

from triage.cache import cache_key, read_entry, write_entry
from triage.errors import RuleError
from triage.rulebook.checks import check_rule_fields, duplicate_ids
from triage.rulebook.kinds import RULE_KINDS, RuleBase, rule_adapter
from triage.rulebook.messages import validation_messages
from triage.rulebook.policy import Policy, load_policy
from triage.rulebook.ruleset import RulePack, RuleSet
from triage.rulebook.weights import WEIGHTS_FILE, Weights, load_weights
from triage.rulebook.yamlfile import line_of, load_yaml, read_yaml_text

POLICY_FILE = "policy.yaml"
_CACHE_KIND = "ruleset"
_PACKAGE = Path(__file__).resolve().parent

Located = list[tuple[RuleBase, str]]


def default_rules_dir() -> Path:
    """Return the rules shipped with the package (or the checkout's ``rules/`` when editable)."""
    packaged = _PACKAGE.parent / "rules"
    return packaged if packaged.is_dir() else _PACKAGE.parent.parent / "rules"


def load_rules(
    extra_dirs: Iterable[str | PathLike[str]] | str | PathLike[str] = (),
    disable: Iterable[str] | str = (),
    *,
    include_defaults: bool = True,
    weights: bool = True,
) -> RuleSet:
    """Load, validate and combine rule packs; raise ``RuleError`` listing every problem found.

    ``extra_dirs`` are folders of ``*.yaml`` packs (``str`` or ``Path``; one folder may be given
    alone), ``disable`` rule ids (one id may be given alone). ``weights=False`` leaves any
    ``weights.yaml`` unread and unchecked (``triage fit`` writes a new one from the rules alone).

    Parsing YAML dominates start-up, so a validated rule set is kept in the cache (see
    ``triage.cache``) under a hash of every rule file and of the code that validates them.
    """
    if isinstance(extra_dirs, str | PathLike):
        extra_dirs = [extra_dirs]
    dirs = ([default_rules_dir()] if include_defaults else []) + [Path(d) for d in extra_dirs]
    disable = (disable,) if isinstance(disable, str) else tuple(disable)
    key = _ruleset_key(dirs, disable, weights)
    cached = read_entry(_CACHE_KIND, key) if key else None
    if cached is not None:
        try:
            # Parsed first: rules dispatch on their kind in Python, which wants Python data.
            return RuleSet.model_validate(from_json(cached))
        except ValueError:  # not JSON, or (ValidationError) from another version of the models
            pass  # load from the files
    ruleset = _load_rule_files(dirs, disable, weights)
    if key:
        write_entry(_CACHE_KIND, key, ruleset.model_dump_json().encode())
    return ruleset


@cache
def _validating_modules() -> tuple[Path, ...]:
    """Return the code that validates a rule set: all of this package, and the cache format."""
    return (*sorted(_PACKAGE.glob("*.py")), _PACKAGE.parent / "cache.py")


def _ruleset_key(dirs: list[Path], disable: tuple[str, ...], weights: bool) -> str | None:
    """Hash everything a rule set is built from; None when a folder cannot be read."""
    kinds = [
        f"{name}={model.__module__}.{model.__qualname__}" for name, model in RULE_KINDS.items()
    ]
    parts = [_CACHE_KIND, *sorted(disable), "\1", *kinds, "\1", str(weights)]
    try:
        parts.extend(module.read_text(encoding="utf-8") for module in _validating_modules())
        if not all(folder.is_dir() for folder in dirs):
            return None  # reported by the loader
        for folder in dirs:
            for path in sorted(folder.glob("*.yaml")):
                parts.extend([str(path.resolve()), path.read_text(encoding="utf-8-sig")])
    except (OSError, UnicodeDecodeError):
        return None
    return cache_key(parts)


def _load_rule_files(dirs: list[Path], disable: tuple[str, ...], read_weights: bool) -> RuleSet:
    policy_path = _find_policy(dirs)
    policy = load_policy(policy_path)
    problems: list[str] = []
    located: Located = []
    sources: list[str] = [policy_path.read_text(encoding="utf-8-sig")]
    for path in _pack_files(dirs, problems):
        before = len(problems)
        located.extend(_load_pack(path, policy, problems))
        if len(problems) == before:  # else the file may be unreadable; the run stops anyway
            sources.append(read_yaml_text(path))
    problems.extend(duplicate_ids(located))
    rules = [rule for rule, _ in located]
    unknown = sorted(set(disable) - {r.id for r in rules})
    problems.extend(f"--disable: no rule has the id {rule_id!r}" for rule_id in unknown)
    if problems:
        raise RuleError(problems)
    weights, weights_text = (
        _weights(dirs, policy, [r.id for r in rules]) if read_weights else (None, "")
    )
    enabled = tuple(r for r in rules if r.id not in set(disable))
    parts = [*sources, *sorted(disable), weights_text]
    digest = hashlib.sha256("\0".join(parts).encode()).hexdigest()
    return RuleSet(
        rules=enabled, policy=policy, sources=tuple(sources), fingerprint=digest, weights=weights
    )


def _weights(dirs: list[Path], policy: Policy, rule_ids: list[str]) -> tuple[Weights | None, str]:
    """Return the fitted weights of the last folder that has a weights file, and its text.

    A policy that asks for the fitted decider or its genre models without any weights file is
    refused.
    """
    found = [d / WEIGHTS_FILE for d in dirs if (d / WEIGHTS_FILE).is_file()]
    if not found:
        if policy.reads_weights():
            raise RuleError([_weights_missing(policy)])
        return None, ""
    path = found[-1]
    return load_weights(path, policy, rule_ids), path.read_text(encoding="utf-8-sig")


def _weights_missing(policy: Policy) -> str:
    """Say which part of the policy needs a weights file, and the two ways out."""
    if policy.decider == "fitted":
        return f"{POLICY_FILE}: decider: fitted needs a {WEIGHTS_FILE} (triage fit)"
    named = ("fitted_genre", "fitted_verdict")
    asks = " and ".join(name for name in named if getattr(policy, name))
    return (
        f"{POLICY_FILE}: {asks} need(s) a {WEIGHTS_FILE} beside it (triage fit), "
        f"or remove {asks} from the policy"
    )


def _find_policy(dirs: list[Path]) -> Path:
    found = [d / POLICY_FILE for d in dirs if (d / POLICY_FILE).is_file()]
    if not found:
        raise RuleError([f"no {POLICY_FILE} in any rules folder: {', '.join(map(str, dirs))}"])
    return found[-1]


def _pack_files(dirs: list[Path], problems: list[str]) -> list[Path]:
    files: list[Path] = []
    for folder in dirs:
        if not folder.is_dir():
            problems.append(f"{folder}: rules folder not found; give a folder of *.yaml rule packs")
            continue
        data = (POLICY_FILE, WEIGHTS_FILE)
        files.extend(p for p in sorted(folder.glob("*.yaml")) if p.name not in data)
    return files


def _load_pack(path: Path, policy: Policy, problems: list[str]) -> Located:
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
        problems.extend(validation_messages(path, exc, lines, data=data))
    adapter = rule_adapter()
    located: Located = []
    for index, raw in enumerate(raw_rules if isinstance(raw_rules, list) else []):
        try:
            rule = adapter.validate_python(raw)
        except ValidationError as exc:
            where = ("rules", index)
            problems.extend(validation_messages(path, exc, lines, data=data, prefix=where))
            continue
        for field, why in check_rule_fields(rule, policy):
            line = line_of(lines, ("rules", index, field))
            problems.append(f"{path}:{line}: rule {rule.id}: {field}: {why}")
        located.append((rule, f"{path}:{line_of(lines, ('rules', index))}"))
    return located
