"""Command line dispatcher: pick the subcommand, run it, turn the project's errors into exit 2.

Exit codes follow linters: 0 nothing below ``--fail-on``, 1 some seed below it, 2 usage, rule
or I/O error. The project's own ``TriageError``, Ctrl-C, SIGTERM and running out of memory are
turned into a one-line message and exit 2; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from types import FrameType
from typing import Any

from triage.cli.options import ExitCode
from triage.errors import RuleError, TriageError
from triage.registry import resolve
from triage.report import safe_text

Command = Callable[[Sequence[str]], int]
Handler = Any  # what ``signal.signal`` takes and returns: a function, SIG_DFL, SIG_IGN or None

# Subcommand name -> "module:function", imported only when that subcommand runs.
COMMANDS: dict[str, str] = {
    "rules": "triage.cli.rules:run",
    "ask": "triage.cli.ask:run",
    "schema": "triage.cli.schema:run",
    "eval": "triage.cli.eval:run",
    "fit": "triage.cli.fit:run",
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


class Terminated(KeyboardInterrupt):
    """SIGTERM, turned into an exception so a run stops its workers and says why."""


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise Terminated


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit code.

    Ctrl-C and SIGTERM give exit 2 with one line, as every run that could not finish: the
    contract is 0/1/2, and a CI gate reads 2 as "no verdict" (pytest does the same).
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in COMMANDS:
        command, argv = load_command(COMMANDS[argv[0]]), argv[1:]
    else:
        command = load_command(MAIN_COMMAND)
    previous = _on_sigterm(_terminate)
    try:
        return int(command(argv))
    except RuleError as exc:
        return _say(exc.problems)
    except TriageError as exc:
        return _say(str(exc).splitlines())
    except BrokenPipeError:
        # The reader (e.g. `head`) went away; like other CLI tools, stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return ExitCode.OK
    except KeyboardInterrupt as exc:
        how = "terminated (SIGTERM)" if isinstance(exc, Terminated) else "interrupted"
        print(f"triage: {how}; no report was made; run it again to get one", file=sys.stderr)
        return ExitCode.ERROR
    except MemoryError:
        print(_OUT_OF_MEMORY, file=sys.stderr)
        return ExitCode.ERROR
    finally:
        _on_sigterm(previous)


def _say(problems: Sequence[str]) -> ExitCode:
    """Print each problem on stderr as one ``triage:`` line, control characters escaped."""
    for problem in problems:
        print(f"triage: {safe_text(problem)}", file=sys.stderr)
    return ExitCode.ERROR


_OUT_OF_MEMORY = (
    "triage: ran out of memory; give it more, use fewer --jobs, "
    "or lower --max-bytes to refuse large seeds up front"
)


def _on_sigterm(handler: Handler) -> Handler:
    """Set the SIGTERM handler (main thread only); return the one it replaces."""
    if threading.current_thread() is not threading.main_thread():
        return handler
    return signal.signal(signal.SIGTERM, signal.SIG_DFL if handler is None else handler)


if __name__ == "__main__":
    sys.exit(main())
