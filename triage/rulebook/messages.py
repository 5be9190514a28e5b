"""Turning pydantic validation errors into ``file:line: rule X: field: reason`` lines.

One builder serves rule packs, the policy and the configuration file, so every file a person
edits reports its mistakes the same way: the file, the line of the value, which rule (when the
value belongs to one) and the field, then the reason in plain words: pydantic's own wording
("Input should be ...", "Extra inputs are not permitted") and its links never reach the user.
``plain_reason`` gives that wording for any pydantic error, for files read elsewhere (labels).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from triage.rulebook.kinds import RULE_ID, RULE_KINDS
from triage.rulebook.yamlfile import LineMap, line_of

Loc = list[str | int]
_UNION_TAG_ERRORS = ("union_tag_not_found", "union_tag_invalid")

# pydantic error type -> the reason in a rule file's words; ``{name}`` takes the error's context.
_PLAIN: dict[str, str] = {
    "missing": "missing; add it",
    "extra_forbidden": "not a known key; remove it or check its spelling",
    "literal_error": "use one of {expected}",
    "enum": "use one of {expected}",
    "string_type": "should be text",
    "bool_type": "should be true or false",
    "bool_parsing": "should be true or false",
    "int_type": "should be a whole number",
    "int_parsing": "should be a whole number",
    "int_from_float": "should be a whole number",
    "float_type": "should be a number",
    "float_parsing": "should be a number",
    "finite_number": "should be a finite number",
    "list_type": "should be a list",
    "tuple_type": "should be a list",
    "set_type": "should be a list",
    "dict_type": "should be a mapping (key: value lines)",
    "model_type": "should be a mapping (key: value lines)",
    "model_attributes_type": "should be a mapping (key: value lines)",
    "too_short": "needs at least {min_length} item(s)",
    "too_long": "takes at most {max_length} item(s)",
    "string_too_short": "needs at least {min_length} character(s)",
    "string_too_long": "takes at most {max_length} character(s)",
    "string_pattern_mismatch": "should have the form {pattern}",  # unless in _PATTERNS
    "greater_than": "should be more than {gt}",
    "greater_than_equal": "should be at least {ge}",
    "less_than": "should be less than {lt}",
    "less_than_equal": "should be at most {le}",
    "path_type": "should be a path",
    "frozen_instance": "cannot be changed",
}


def validation_messages(
    path: Path,
    exc: ValidationError,
    lines: LineMap | None,
    *,
    data: Any = None,
    prefix: tuple[str | int, ...] = (),
) -> list[str]:
    """Turn pydantic errors into ``file:line: field: reason`` lines, one per problem.

    ``prefix`` is where the validated value sits in the file (``("rules", 3)`` for one rule);
    with the file's ``data``, an error inside ``rules[i]`` names that rule by its id. Without
    ``lines`` (a file with no line map) the line is left out.
    """
    errors = exc.errors()
    item_locs = {err["loc"][:-1] for err in errors if err["loc"]}
    messages = []
    for err in errors:
        if err["type"] == "too_short" and err["loc"] in item_locs:
            continue  # pydantic's echo of an invalid item: "should have at least 1 item"
        loc, reason = _located_reason(err, prefix)
        rule_id = _rule_id_at(data, loc)
        field = ".".join(str(p) for p in (loc[2:] if rule_id else loc)) or "file"
        who = f"rule {rule_id}: " if rule_id else ""
        where = f"{path}:{line_of(lines, loc)}" if lines is not None else str(path)
        messages.append(f"{where}: {who}{field}: {reason}")
    return messages


def _located_reason(err: ErrorDetails, prefix: tuple[str | int, ...]) -> tuple[Loc, str]:
    """Return where in the file an error is and its reason, in the words of a rule file."""
    loc = _without_kind_tag([*prefix, *err["loc"]])
    if err["type"] in _UNION_TAG_ERRORS:
        return [*loc, "kind"], f"missing or unknown; use one of {', '.join(RULE_KINDS)}"
    return loc, plain_reason(err)


# Patterns of the models, said in words.
_PATTERNS = {
    r"\S": "needs a word, not only spaces",
    RULE_ID: "use lowercase letters and digits in words joined by single hyphens (export-csv)",
}


def plain_reason(err: ErrorDetails) -> str:
    """Return the reason of one pydantic error in plain words (no "Input should be", no link)."""
    ctx = err.get("ctx") or {}
    if err["type"] == "string_pattern_mismatch" and ctx.get("pattern") in _PATTERNS:
        return _PATTERNS[ctx["pattern"]]
    template = _PLAIN.get(err["type"])
    if template is not None:
        try:
            return template.format(**ctx)
        except (KeyError, IndexError, ValueError):
            pass  # a context without the expected names: fall back to pydantic's message
    if err["type"] in ("value_error", "assertion_error") and "error" in ctx:
        return str(ctx["error"])
    message = err["msg"]
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    if message.startswith("Input should be "):
        message = "should be " + message.removeprefix("Input should be ")
    return message.replace("Input ", "the value ").split(" [type=", 1)[0]


def _without_kind_tag(loc: Loc) -> Loc:
    """Drop the union tag pydantic inserts (``rules.0.regex.weight`` -> ``rules.0.weight``)."""
    if len(loc) >= 4 and loc[0] == "rules" and loc[2] in RULE_KINDS:
        return [*loc[:2], *loc[3:]]
    return loc


def _rule_id_at(data: Any, loc: Loc) -> str | None:
    """Return the id (or ``#n``) of the rule that ``loc`` points into, if it points into one."""
    if data is None or len(loc) < 2 or loc[0] != "rules" or not isinstance(loc[1], int):
        return None
    try:
        return str(data["rules"][loc[1]].get("id", f"#{loc[1] + 1}"))
    except (KeyError, IndexError, TypeError, AttributeError):
        return None
