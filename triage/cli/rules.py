"""``triage rules list|test``: list the rules, or run every rule's examples."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from triage.cli.options import (
    ExitCode,
    add_output_option,
    add_rules_options,
    output_and_rules,
)
from triage.outputs import emit
from triage.report import safe_text
from triage.rulebook import RuleSet, example_failures


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of ``triage rules list|test``."""
    parser = argparse.ArgumentParser(prog="triage rules", description="Inspect the rule packs.")
    parser.add_argument("action", choices=("list", "test"))
    add_output_option(parser)
    add_rules_options(parser)
    return parser


def run(argv: Sequence[str]) -> ExitCode:
    """List the rules, or run every rule's examples."""
    args = build_parser().parse_args(argv)
    output, ruleset = output_and_rules(args, [])
    if args.action == "list":
        emit(_lines(rule_lines(ruleset)), output)
        return ExitCode.OK
    failures = [failure for rule in ruleset.rules for failure in example_failures(rule)]
    summary = f"{len(ruleset.rules)} rules, {len(failures)} failing examples"
    emit(_lines([*failures, summary]), output)
    return ExitCode.FINDINGS if failures else ExitCode.OK


def rule_lines(ruleset: RuleSet) -> list[str]:
    """Return one line per rule: id, signal, weight and description."""
    return [f"{r.id:32} {r.signal:14} {r.weight:>5g}  {r.description}" for r in ruleset.rules]


def _lines(lines: Sequence[str]) -> str:
    """Return one line per item; a rule's own text cannot bring a control character along."""
    return "".join(f"{safe_text(line)}\n" for line in lines)
