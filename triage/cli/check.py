"""The main command, ``triage [PATHS]``: triage seeds, print the report, set the exit code.

Output: the report goes to stdout, or to ``--output FILE`` (written atomically; stdout then
stays empty). ``-q`` prints only the bundle line on stdout; ``-qq`` prints nothing, so only the
exit code speaks. ``--output`` always receives the full report.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from triage.cli.options import (
    DEFAULT_INDEX,
    ExitCode,
    add_output_option,
    add_rules_options,
    add_seed_options,
    assess_seeds,
    checked_output,
    config_for,
    is_terminal,
    ruleset_for,
)
from triage.errors import TriageError
from triage.outputs import (
    DEFAULT_FAIL_ON,
    DEFAULT_FORMAT,
    FAIL_LEVELS,
    RenderOptions,
    emit,
    format_names,
    render_bundle_line,
    render_bytes,
    use_colour,
    write_stdout,
)
from triage.report import Report, __version__, falls_below
from triage.scan import describe_engine


class _EngineVersion(argparse.Action):
    """``--version``: print the version and the engine a run with these options would use."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        try:
            engine = describe_engine(getattr(namespace, "engine", None))
        except TriageError as exc:
            parser.error(str(exc))
        print(f"triage {__version__} (engine: {engine})")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of the main command (triage seeds)."""
    parser = argparse.ArgumentParser(
        prog="triage",
        description="Triage seed documents: buildable requirements, or questions to send back. "
        "Other commands: 'triage ask', 'triage schema', 'triage rules list|test', "
        "'triage explain FILE', 'triage eval DIR [--cv K]', 'triage fit DIR', "
        "'triage index DIR', 'triage cache info|clear'.",
    )
    add_seed_options(parser)
    _report_options(parser)
    add_output_option(parser)
    parser.add_argument(
        "--version", action=_EngineVersion, nargs=0, help="print the version and the engine"
    )
    add_rules_options(parser)
    return parser


def _report_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format", choices=format_names(), help=f"report format (default: {DEFAULT_FORMAT})"
    )
    parser.add_argument(
        "--fail-on",
        choices=FAIL_LEVELS,
        help=f"exit 1 when a seed's verdict is this or worse (default: {DEFAULT_FAIL_ON})",
    )
    parser.add_argument(
        "-q",
        "--quiet",
        action="count",
        default=0,
        help="-q: print only the bundle line; -qq: print nothing (the exit code tells)",
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the terminal layout (auto: only on a terminal without NO_COLOR)",
    )


def exit_code(report: Report, fail_on: str) -> ExitCode:
    """Return 2 if a seed could not be read, 1 if a verdict is at or below ``fail_on``, else 0."""
    if any(seed.error for seed in report.seeds):
        return ExitCode.ERROR
    below = any(falls_below(seed, fail_on) for seed in report.seeds)
    return ExitCode.FINDINGS if below else ExitCode.OK


def run(argv: Sequence[str]) -> ExitCode:
    """Triage seeds and print the report."""
    args = build_parser().parse_args(argv)
    config = config_for(args)
    fmt = args.format or config.format or DEFAULT_FORMAT
    fail_on = args.fail_on or config.fail_on or DEFAULT_FAIL_ON
    output = checked_output(args, config, args.paths or [DEFAULT_INDEX])
    # No format prints the per-rule scores (that is ``triage explain``): not built at all.
    report = assess_seeds(args, ruleset_for(args, config), args.quiet, keep_scores=False)
    if output is not None:
        emit(render_bytes(report, fmt, RenderOptions(fail_on)), output)
    write_stdout(_stdout_text(report, args, output, (fmt, fail_on)))
    return exit_code(report, fail_on)


def _stdout_text(
    report: Report, args: argparse.Namespace, output: Path | None, how: tuple[str, str]
) -> str | bytes:
    """Return what stdout shows: the bundle line (-q), nothing (-qq, or --output), or the report."""
    fmt, fail_on = how
    colour = use_colour(sys.stdout, os.environ, args.color)
    if args.quiet:
        return render_bundle_line(report, colour) if args.quiet == 1 else ""
    if output is not None:
        return ""
    terminal = is_terminal(sys.stdout) or args.color == "always"
    return render_bytes(report, fmt, RenderOptions(fail_on, terminal, colour))
