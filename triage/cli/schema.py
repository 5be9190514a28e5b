"""``triage schema``: print the JSON Schema of the JSON report."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from triage.cli.options import ExitCode, add_output_option
from triage.outputs import emit, guard_output, render_schema


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of ``triage schema``."""
    parser = argparse.ArgumentParser(
        prog="triage schema", description="Print the JSON Schema of the JSON report."
    )
    add_output_option(parser)
    return parser


def run(argv: Sequence[str]) -> ExitCode:
    """Print the JSON Schema of the JSON report."""
    args = build_parser().parse_args(argv)
    emit(render_schema(), guard_output(args.output))
    return ExitCode.OK
