"""``triage eval DIR``: measure verdicts, genres and dimensions against human labels.

``--cv K``: instead of the rule set as loaded, fit the fitted decider's weights on K-1 folds of
source groups and judge the held-out fold, K times: the figure for sources never seen.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from pathlib import Path

from triage.cli.options import (
    ExitCode,
    add_buildable_above_option,
    add_output_option,
    add_rules_options,
    config_for,
    positive,
    ruleset_for,
)
from triage.outputs import (
    Evaluation,
    emit,
    evaluation_format_names,
    guard_output,
    render_evaluation,
    rule_files,
)
from triage.rulebook import default_rules_dir
from triage.run import DEFAULT_C, DEFAULT_FOLDS, cross_validate, evaluate


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of ``triage eval DIR``."""
    parser = argparse.ArgumentParser(
        prog="triage eval",
        description="Triage a folder labelled like the corpus (labels*.yaml) and measure. "
        "The labels are checked first: a wrong record is an error (exit 2).",
    )
    parser.add_argument("folder", type=Path)
    parser.add_argument("--format", choices=evaluation_format_names(), default="text")
    parser.add_argument(
        "--cv",
        type=positive,
        nargs="?",
        const=DEFAULT_FOLDS,
        default=None,
        metavar="K",
        help="grouped cross-validation: fit the weights on K-1 folds of source groups, judge "
        "the held-out one as the policy decides with them (the fitted decider if the policy reads "
        f"no weights; K defaults to {DEFAULT_FOLDS}; needs the extra 'fit')",
    )
    parser.add_argument(
        "--c", type=float, default=DEFAULT_C, metavar="C", help="L2 penalty for --cv fits"
    )
    add_output_option(parser)
    add_buildable_above_option(parser)
    add_rules_options(parser)
    return parser


def run(argv: Sequence[str]) -> ExitCode:
    """Measure verdicts, genres and dimensions against human labels."""
    args = build_parser().parse_args(argv)
    config = config_for(args)
    output = guard_output(args.output, _eval_inputs(args.folder, [*config.rules, *args.rules]))
    ruleset = ruleset_for(args, config, weights=args.cv is None)  # --cv fits its own
    if args.cv is not None:
        if args.cv < 2:
            build_parser().error("--cv needs 2 folds or more")
        evaluation: Evaluation = cross_validate(
            args.folder, ruleset, args.cv, args.c, args.buildable_above
        )
    else:
        evaluation = evaluate(args.folder, ruleset)
    emit(render_evaluation(evaluation, args.format), output)
    return ExitCode.OK


def _eval_inputs(folder: Path, rule_folders: Sequence[Path]) -> Iterator[Path]:
    """Yield what an evaluation reads (listed only if ``-o`` names an existing file)."""
    yield from (path for path in folder.rglob("*") if path.is_file())
    yield from rule_files([default_rules_dir(), *rule_folders])
