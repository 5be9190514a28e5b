"""The shape of the package, read statically: one-way imports, no hidden cycles, small pieces.

The import graph is built with ``ast`` from every module of ``triage``: an edge for each import
at module level, and one for each dotted ``"triage.pkg.module:attr"`` string (a registry entry
loaded lazily by ``importlib``), so a lazy load cannot hide a cycle either. A package's own
``__init__`` is not an edge of its modules (Python imports it first anyway); importing it
explicitly is.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "triage"
MAX_FUNCTION_LINES = 40
MAX_MODULE_LINES = 300
# Layers, lowest first: a module imports only from its own package or from lower layers.
LAYERS = {
    "triage.errors": 0,
    "triage.cache": 0,
    "triage.report": 0,
    "triage.registry": 0,
    "triage.rulebook": 1,
    "triage.inputs": 2,
    "triage.scan": 3,
    "triage.judge": 4,
    "triage.outputs": 5,
    "triage.run": 5,  # run and outputs are siblings: neither imports the other
    "triage.cli": 6,
    "triage": 7,  # the public API and ``python -m triage``
    "triage.__main__": 7,
}
DOTTED = re.compile(r"^(triage(?:\.\w+)*)(?::\w+)?$")


def module_name(path: Path) -> str:
    """Return the dotted name of a module file of the package."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def resolve(target: str) -> str | None:
    """Return the module (or package) an imported or registered dotted name stands for."""
    while target and target not in MODULES:
        target = target.rpartition(".")[0]
    return target or None


def imported_names(node: ast.Import | ast.ImportFrom) -> Iterator[str]:
    """Yield the dotted names an import statement loads (``from a import b``: ``a.b`` or ``a``)."""
    if isinstance(node, ast.Import):
        yield from (alias.name for alias in node.names)
    elif node.module and node.level == 0:
        yield from (f"{node.module}.{alias.name}" for alias in node.names)


def function_bodies(tree: ast.Module) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    """Yield every function and method of a module."""
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node


def edges_of(name: str) -> set[str]:
    """Return the triage modules that a module imports or names in a registry."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    inside = {id(n) for f in function_bodies(tree) for n in ast.walk(f)}
    found: set[str] = set()
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.Import | ast.ImportFrom) and id(node) not in inside:
            targets = list(imported_names(node))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            match = DOTTED.match(node.value)  # only a string naming a module exactly counts
            named = match.group(1) if match else ""
            targets = [named] if "." in named and named in MODULES else []
        for target in targets:
            module = resolve(target) if target.startswith("triage") else None
            if module and module != name:
                found.add(module)
    return found


GRAPH = {name: edges_of(name) for name in MODULES}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """Return one import cycle as a list of modules, or None when the graph has none."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)):
            return cycle
    return None


def layer_of(name: str) -> tuple[str, int]:
    """Return the layer (its top name and rank) that a module belongs to."""
    for prefix in sorted(LAYERS, key=len, reverse=True):
        if name == prefix or name.startswith(prefix + "."):
            return prefix, LAYERS[prefix]
    raise AssertionError(f"{name}: in no layer; add its package to LAYERS")


def test_the_package_imports_cleanly_in_a_fresh_interpreter() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "import triage, triage.cli"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_no_import_cycle_among_the_modules() -> None:
    assert find_cycle(GRAPH) is None, " -> ".join(find_cycle(GRAPH) or [])


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_triage_import_inside_a_function(name: str) -> None:
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    hidden = [
        f"{name}:{node.lineno} in {function.name}()"
        for function in function_bodies(tree)
        for node in ast.walk(function)
        if isinstance(node, ast.Import | ast.ImportFrom)
        and any(target.startswith("triage") for target in imported_names(node))
    ]
    assert not hidden, "import inside a function (use a registry entry or a top-level import)"


@pytest.mark.parametrize("name", sorted(MODULES))
def test_imports_flow_one_way(name: str) -> None:
    own, rank = layer_of(name)
    upward = [
        target
        for target in sorted(GRAPH[name])
        if layer_of(target)[0] != own and layer_of(target)[1] >= rank
    ]
    assert not upward, f"{name} ({own}) imports from its own layer or above: {upward}"


@pytest.mark.parametrize("name", sorted(MODULES))
def test_functions_are_short(name: str) -> None:
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    long = [
        f"{f.name} ({f.end_lineno - f.lineno + 1} lines)"
        for f in function_bodies(tree)
        if f.end_lineno is not None and f.end_lineno - f.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert not long, f"{name}: over {MAX_FUNCTION_LINES} lines: {long}"


@pytest.mark.parametrize("name", sorted(MODULES))
def test_modules_are_small(name: str) -> None:
    lines = MODULES[name].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_MODULE_LINES, f"{name}: {lines} lines"
