"""Command line: one module per subcommand; ``main`` is the console script."""

from triage.cli.main import main

__all__ = ["main"]
