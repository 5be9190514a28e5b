"""Safe YAML loading that remembers where every value came from.

Rule and policy files are edited by people, so an error must point at a line. The loader composes
the node tree once, builds plain Python data from it, and records the line of every mapping key and
sequence item under its path (``("rules", 3, "pattern")``). Alias expansion is bounded so that a
"billion laughs" file is refused quickly instead of exhausting memory.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from triage.errors import RuleError

MAX_FILE_BYTES = 2_000_000
MAX_NODES = 200_000

LineMap = dict[tuple[str | int, ...], int]

_CONSTRUCTOR = yaml.constructor.SafeConstructor()


class _Budget:
    """Counts nodes visited, so expanded aliases cannot blow up."""

    def __init__(self, limit: int) -> None:
        self.left = limit

    def spend(self, where: str) -> None:
        self.left -= 1
        if self.left < 0:
            raise RuleError([f"{where}: too many YAML nodes (alias expansion?); refused"])


def load_yaml(path: Path) -> tuple[Any, LineMap]:
    """Load one YAML file safely; return its data and a path-to-line map."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise RuleError([f"{path}: {size} bytes is over the {MAX_FILE_BYTES}-byte limit"])
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError([f"{path}: cannot read: {exc}"]) from exc
    lines: LineMap = {}
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = _build(node, (), lines, _Budget(MAX_NODES), str(path)) if node else None
    except yaml.YAMLError as exc:
        raise RuleError([_yaml_error_message(path, text, exc)]) from exc
    except RecursionError as exc:
        raise RuleError([f"{path}: YAML nested too deeply; refused"]) from exc
    return data, lines


def _yaml_error_message(path: Path, text: str, exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    if isinstance(exc, yaml.reader.ReaderError):
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        return f"{path}:{line}:{column}: invalid YAML: control character U+{code:04X} not allowed"
    where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
    problem = getattr(exc, "problem", None) or str(exc)
    return f"{where}: invalid YAML: {problem}"


def _build(
    node: yaml.Node, path: tuple[str | int, ...], lines: LineMap, budget: _Budget, where: str
) -> Any:
    budget.spend(where)
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node)
            out[key] = _build(value_node, (*path, str(key)), lines, budget, where)
            lines[(*path, str(key))] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*path, i), lines, budget, where) for i, item in enumerate(node.value)]
    return _scalar(node)


def _scalar(node: yaml.Node) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        return repr(node.value)
    return _CONSTRUCTOR.construct_object(node, deep=True)


def line_of(lines: LineMap, loc: Sequence[str | int]) -> int:
    """Return the line of the deepest known prefix of ``loc`` (1 when nothing is known)."""
    parts = tuple(loc)
    while parts:
        if parts in lines:
            return lines[parts]
        parts = parts[:-1]
    return lines.get((), 1)
