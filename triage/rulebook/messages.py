"""Turning pydantic validation errors into ``file:line: rule X: field: reason`` lines.

One builder serves rule packs, the policy and the configuration file, so every file a person
edits reports its mistakes the same way: the file, the line of the value, which rule (when the
value belongs to one) and the field, then pydantic's reason.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from triage.rulebook.kinds import RULE_KINDS
from triage.rulebook.yamlfile import LineMap, line_of

Loc = list[str | int]
_UNION_TAG_ERRORS = ("union_tag_not_found", "union_tag_invalid")


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
    return loc, err["msg"]


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
