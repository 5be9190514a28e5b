"""Safe YAML loading that remembers where every value came from.

Rule and policy files are edited by people, so an error must point at a line. The loader composes
the node tree once, builds plain Python data from it, and records the line of every mapping key and
sequence item under its path (``("rules", 3, "pattern")``). Alias expansion is bounded so that a
"billion laughs" file is refused quickly instead of exhausting memory. A key written twice in one
mapping is refused with both lines (plain YAML would silently keep the last value), and a file that
is not UTF-8 (UTF-16 from a Windows editor, cp1252) is refused with its encoding and what to do.
"""

from __future__ import annotations

import codecs
import stat
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from triage.errors import RuleError

if TYPE_CHECKING:
    import yaml

MAX_FILE_BYTES = 2_000_000
MAX_NODES = 200_000

LineMap = dict[tuple[str | int, ...], int]


@cache
def _yaml() -> Any:
    """Import PyYAML when a file is first read: a run whose rule set is cached reads none."""
    import yaml

    return yaml


@cache
def _constructor() -> yaml.constructor.SafeConstructor:
    constructor: yaml.constructor.SafeConstructor = _yaml().constructor.SafeConstructor()
    return constructor


class _Budget:
    """Counts nodes visited, so expanded aliases cannot blow up."""

    def __init__(self, limit: int) -> None:
        self.left = limit

    def spend(self, where: str) -> None:
        self.left -= 1
        if self.left < 0:
            raise RuleError([f"{where}: too many YAML nodes (alias expansion?); refused"])


_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
_SAVE_AS_UTF8 = "save it as UTF-8 and try again"


def read_yaml_text(path: Path) -> str:
    """Return the text of a YAML file people edit; raise ``RuleError`` when it cannot be used.

    Refused: over ``MAX_FILE_BYTES`` (checked before reading), unreadable, or not UTF-8 (a
    UTF-8 byte-order mark is allowed), each with the file, the place and what to do.
    """
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise RuleError([f"{path}: not a regular file; give a YAML file"])
        size = info.st_size
        if size > MAX_FILE_BYTES:
            raise RuleError([f"{path}: {size} bytes is over the {MAX_FILE_BYTES}-byte limit"])
        data = path.read_bytes()
    except OSError as exc:
        raise RuleError([f"{path}: cannot read: {exc.strerror or exc}"]) from exc
    for bom, name in _WIDE_BOMS:
        if data.startswith(bom):
            raise RuleError([f"{path}: the file is {name} text; {_SAVE_AS_UTF8}"])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = data[exc.start]
        why = f"byte 0x{byte:02X} is not UTF-8 (a cp1252 or Latin-1 file?)"
        raise RuleError([f"{path}:{line}:{column}: {why}; {_SAVE_AS_UTF8}"]) from exc


def load_yaml(path: Path) -> tuple[Any, LineMap]:
    """Load one YAML file safely; return its data and a path-to-line map."""
    text = read_yaml_text(path)
    lines: LineMap = {}
    yaml = _yaml()
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
    if isinstance(exc, _yaml().reader.ReaderError):
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
    yaml = _yaml()
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        first: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node, where)
            if key in first:  # also 1 and true, which Python's dict cannot keep apart
                _repeated_key(where, key, first[key], key_node)
            first[key] = key_node.start_mark.line + 1
            out[key] = _build(value_node, (*path, str(key)), lines, budget, where)
            lines[(*path, str(key))] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*path, i), lines, budget, where) for i, item in enumerate(node.value)]
    return _scalar(node, where)


def _repeated_key(where: str, key: Any, first: int, node: yaml.Node) -> None:
    """Refuse a key written twice in one mapping, naming both lines."""
    line = node.start_mark.line + 1
    raise RuleError(
        [f"{where}:{line}: key {str(key)!r} appears twice (first at line {first}); keep one"]
    )


def _scalar(node: yaml.Node, where: str) -> Any:
    """Build one scalar; a value YAML's own types refuse (``2024-13-45``) is a ``RuleError``."""
    if not isinstance(node, _yaml().ScalarNode):
        return repr(node.value)
    try:
        return _constructor().construct_object(node, deep=True)
    except (ValueError, OverflowError) as exc:
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        why = f"invalid YAML value {node.value!r}: {exc}"
        raise RuleError([f"{where}:{line}:{column}: {why}"]) from exc


def line_of(lines: LineMap, loc: Sequence[str | int]) -> int:
    """Return the line of the deepest known prefix of ``loc`` (1 when nothing is known)."""
    parts = tuple(loc)
    while parts:
        if parts in lines:
            return lines[parts]
        parts = parts[:-1]
    return lines.get((), 1)
