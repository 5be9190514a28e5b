"""Configuration: ``[tool.triage]`` in a ``pyproject.toml`` or ``triage.yaml`` in the seeds folder.

Both hold the same keys: ``format``, ``fail-on``, ``rules`` (extra rule folders, relative to the
file that names them) and ``disable`` (rule ids). The ``pyproject.toml`` is the nearest one, from
the working folder upward, that has a ``[tool.triage]`` table; ``triage.yaml`` sits in the seeds
folder and wins over it. Command-line flags win over both; rule folders and disabled ids add up.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError

from triage.errors import ConfigError
from triage.outputs import FAIL_LEVELS, FORMATS
from triage.rulebook import load_yaml, validation_messages

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 uses the tomli backport
    import tomli as tomllib

CONFIG_FILE = "triage.yaml"
PYPROJECT = "pyproject.toml"
DEFAULT_SEEDS = Path("seeds")


class Config(BaseModel):
    """Defaults for the command line; every field is optional."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    format: str | None = None
    fail_on: str | None = Field(default=None, validation_alias=AliasChoices("fail-on", "fail_on"))
    rules: tuple[Path, ...] = ()
    disable: tuple[str, ...] = ()
    sources: tuple[str, ...] = Field(default=(), exclude=True)

    @field_validator("format", mode="before")
    @classmethod
    def _registered_format(cls, value: object) -> object:
        return one_of(value, tuple(FORMATS))

    @field_validator("fail_on", mode="before")
    @classmethod
    def _fail_level(cls, value: object) -> object:
        return one_of(value, FAIL_LEVELS)


def one_of(value: object, allowed: tuple[str, ...]) -> object:
    """Return ``value`` if it is None or one of ``allowed``; else refuse it as a Literal would."""
    if value is None or (isinstance(value, str) and value in allowed):
        return value
    quoted = [repr(name) for name in allowed]
    expected = f"{', '.join(quoted[:-1])} or {quoted[-1]}" if len(quoted) > 1 else quoted[0]
    raise PydanticCustomError("literal_error", "use one of {expected}", {"expected": expected})


def merge(base: Config, override: Config) -> Config:
    """Return ``base`` updated by ``override``: scalars replace, lists add up."""
    return Config(
        format=override.format or base.format,
        fail_on=override.fail_on or base.fail_on,
        rules=base.rules + override.rules,
        disable=base.disable + override.disable,
        sources=base.sources + override.sources,
    )


def find_pyproject(start: Path) -> Path | None:
    """Return the nearest ``pyproject.toml`` at or above ``start`` with a ``[tool.triage]``."""
    for folder in (start, *start.parents):
        candidate = folder / PYPROJECT
        if candidate.is_file() and "triage" in _toml_tools(candidate):
            return candidate
    return None


def _toml_tools(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from exc
    tools = data.get("tool", {})
    return tools if isinstance(tools, dict) else {}


def load_pyproject(path: Path) -> Config:
    """Load the ``[tool.triage]`` table of a ``pyproject.toml``."""
    table = _toml_tools(path).get("triage", {})
    try:
        config = Config.model_validate(table)
    except ValidationError as exc:
        problems = validation_messages(path, exc, None, prefix=("tool", "triage"))
        raise ConfigError("\n".join(problems)) from exc
    return _anchored(config, path)


def load_yaml_config(path: Path) -> Config:
    """Load a ``triage.yaml``; an empty file is an empty configuration."""
    data, lines = load_yaml(path)
    try:
        config = Config.model_validate(data or {})
    except ValidationError as exc:
        raise ConfigError("\n".join(validation_messages(path, exc, lines))) from exc
    return _anchored(config, path)


def _anchored(config: Config, path: Path) -> Config:
    """Resolve rule folders against the folder of the file that names them."""
    rules = tuple(p if p.is_absolute() else path.parent / p for p in config.rules)
    return config.model_copy(update={"rules": rules, "sources": (str(path),)})


def seeds_folder(paths: Sequence[Path]) -> Path:
    """Return the folder whose ``triage.yaml`` applies: that of the first path given."""
    if not paths:
        return DEFAULT_SEEDS
    first = paths[0]
    return first if first.is_dir() else first.parent


def load_config(paths: Sequence[Path], cwd: Path) -> Config:
    """Load and merge the configuration that applies to a run on ``paths`` from ``cwd``."""
    config = Config()
    pyproject = find_pyproject(cwd)
    if pyproject is not None:
        config = merge(config, load_pyproject(pyproject))
    local = seeds_folder(paths) / CONFIG_FILE
    if local.is_file():
        config = merge(config, load_yaml_config(local))
    return config
