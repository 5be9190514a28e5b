"""Command line: one module per subcommand; ``main`` is the console script."""

from triage.cli.config import Config, find_pyproject, load_config
from triage.cli.main import COMMANDS, main
from triage.cli.options import ExitCode

__all__ = [
    "COMMANDS",
    "Config",
    "ExitCode",
    "find_pyproject",
    "load_config",
    "main",
]
