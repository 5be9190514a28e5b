"""``triage explain FILE``: every rule that fired on a document and how the policy decided."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from triage.cli.options import (
    ExitCode,
    add_output_option,
    add_rules_options,
    output_and_rules,
)
from triage.outputs import emit
from triage.report import safe_text
from triage.run import explain_file


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of ``triage explain FILE``."""
    parser = argparse.ArgumentParser(
        prog="triage explain",
        description="Show every rule that fired on a document and how the policy decided.",
    )
    parser.add_argument("file", type=Path)
    add_output_option(parser)
    add_rules_options(parser)
    return parser


def run(argv: Sequence[str]) -> ExitCode:
    """Print the decision trace of one document."""
    args = build_parser().parse_args(argv)
    output, ruleset = output_and_rules(args, [args.file])
    emit(safe_text(explain_file(args.file, ruleset), lines=True), output)
    return ExitCode.OK
