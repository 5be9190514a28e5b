"""``triage eval DIR``: measure verdicts, genres and dimensions against human labels."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from triage.cli.options import (
    ExitCode,
    add_output_option,
    add_rules_options,
    config_for,
    ruleset_for,
)
from triage.outputs import Evaluation, emit, evaluation_format_names, render_evaluation
from triage.run import evaluate


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of ``triage eval DIR``."""
    parser = argparse.ArgumentParser(
        prog="triage eval",
        description="Triage a folder labelled like the corpus (labels*.yaml) and measure.",
    )
    parser.add_argument("folder", type=Path)
    parser.add_argument("--format", choices=evaluation_format_names(), default="text")
    add_output_option(parser)
    add_rules_options(parser)
    return parser


def run(argv: Sequence[str]) -> ExitCode:
    """Measure verdicts, genres and dimensions against human labels."""
    args = build_parser().parse_args(argv)
    evaluation: Evaluation = evaluate(args.folder, ruleset_for(args, config_for(args)))
    emit(render_evaluation(evaluation, args.format), args.output)
    return ExitCode.OK
