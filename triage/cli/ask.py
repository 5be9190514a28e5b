"""``triage ask``: draft the Markdown message to the requester of a bundle that is not buildable."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from triage.cli.options import (
    ExitCode,
    add_output_option,
    add_rules_options,
    add_seed_options,
    assess_seeds,
    config_for,
    ruleset_for,
)
from triage.outputs import draft_request, emit, needs_asking


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of ``triage ask``."""
    parser = argparse.ArgumentParser(
        prog="triage ask",
        description="Draft a Markdown message to the requester of a bundle that is not buildable.",
    )
    add_seed_options(parser)
    add_output_option(parser)
    add_rules_options(parser)
    return parser


def run(argv: Sequence[str]) -> ExitCode:
    """Draft the message to the requester; nothing to ask when the bundle is buildable."""
    args = build_parser().parse_args(argv)
    ruleset = ruleset_for(args, config_for(args))
    report = assess_seeds(args, ruleset)
    if not needs_asking(report):
        print(f"triage: nothing to ask: {report.bundle.summary}", file=sys.stderr)
        return ExitCode.OK
    emit(draft_request(report, ruleset.policy), args.output)
    return ExitCode.ERROR if report.bundle.errors else ExitCode.OK
