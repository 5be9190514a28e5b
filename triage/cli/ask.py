"""``triage ask``: draft the Markdown message to the requester of a bundle that is not buildable.

Exit code: 0 when the draft (or "nothing to ask") covers every seed, 2 when a seed could not be
read: the draft then asks for that document again, and the run is not complete.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from triage.cli.options import (
    DEFAULT_INDEX,
    ExitCode,
    add_output_option,
    add_rules_options,
    add_seed_options,
    assess_seeds,
    output_and_rules,
)
from triage.outputs import draft_request, emit, needs_asking
from triage.report import safe_text


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
    """Draft the message to the requester; nothing to ask when every seed is read and buildable."""
    args = build_parser().parse_args(argv)
    output, ruleset = output_and_rules(args, args.paths or [DEFAULT_INDEX])
    report = assess_seeds(args, ruleset)
    if needs_asking(report):
        emit(draft_request(report, ruleset.policy), output)
    else:
        print(f"triage: nothing to ask: {safe_text(report.bundle.summary)}", file=sys.stderr)
    return ExitCode.ERROR if report.bundle.errors else ExitCode.OK
