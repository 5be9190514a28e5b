"""Command line: one module per subcommand; ``main`` is the console script."""

from triage.cli.config import Config, FailOn, Format, find_pyproject, load_config
from triage.cli.main import FAIL_ON, main

__all__ = [
    "FAIL_ON",
    "Config",
    "FailOn",
    "Format",
    "find_pyproject",
    "load_config",
    "main",
]
