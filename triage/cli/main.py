"""Command line dispatcher: pick the subcommand, run it, turn the project's errors into exit 2.

Exit codes follow linters: 0 nothing below ``--fail-on``, 1 some seed below it, 2 usage, rule
or I/O error. Only the project's own ``TriageError`` is turned into a one-line message; anything
else is a bug and keeps its traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence

from triage.cli.options import ExitCode
from triage.errors import RuleError, TriageError
from triage.registry import resolve

Command = Callable[[Sequence[str]], int]

# Subcommand name -> "module:function", imported only when that subcommand runs.
COMMANDS: dict[str, str] = {
    "rules": "triage.cli.rules:run",
    "ask": "triage.cli.ask:run",
    "schema": "triage.cli.schema:run",
    "eval": "triage.cli.eval:run",
    "explain": "triage.cli.explain:run",
    "index": "triage.cli.index:run",
    "cache": "triage.cli.cache:run",
}
# What ``triage`` runs when the first argument names no subcommand.
MAIN_COMMAND = "triage.cli.check:run"


def load_command(target: str) -> Command:
    """Import the function a ``"module:function"`` entry names."""
    command: Command = resolve(target)
    return command


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in COMMANDS:
        command, argv = load_command(COMMANDS[argv[0]]), argv[1:]
    else:
        command = load_command(MAIN_COMMAND)
    try:
        return int(command(argv))
    except RuleError as exc:
        for problem in exc.problems:
            print(f"triage: {problem}", file=sys.stderr)
        return ExitCode.ERROR
    except TriageError as exc:
        for line in str(exc).splitlines():
            print(f"triage: {line}", file=sys.stderr)
        return ExitCode.ERROR
    except BrokenPipeError:
        # The reader (e.g. `head`) went away; like other CLI tools, stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return ExitCode.OK


if __name__ == "__main__":
    sys.exit(main())
