"""``triage fit DIR``: fit the fitted decider's weights on a labelled corpus, into a YAML file."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from triage.cli.options import (
    ExitCode,
    add_buildable_above_option,
    add_rules_options,
    config_for,
    ruleset_for,
)
from triage.outputs import write_output
from triage.rulebook import WEIGHTS_FILE, default_rules_dir
from triage.run import DEFAULT_C, fit_corpus


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of ``triage fit DIR``."""
    parser = argparse.ArgumentParser(
        prog="triage fit",
        description="Fit the weights of the fitted decider on a folder labelled like the corpus "
        "(labels*.yaml) and write them as a YAML file to review. Needs the extra 'fit': "
        "pip install 'seed-triage[fit]'.",
    )
    parser.add_argument("folder", type=Path)
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar="FILE",
        help=f"where to write the weights (default: {WEIGHTS_FILE} in the last --rules folder, "
        "else in the default rules folder)",
    )
    parser.add_argument(
        "--c",
        type=float,
        default=DEFAULT_C,
        metavar="C",
        help=f"inverse strength of the L2 penalty (default {DEFAULT_C:g})",
    )
    add_buildable_above_option(parser)
    add_rules_options(parser)
    return parser


def run(argv: Sequence[str]) -> ExitCode:
    """Fit the weights and write them; say where."""
    args = build_parser().parse_args(argv)
    config = config_for(args)
    ruleset = ruleset_for(args, config, weights=False)
    weights, text = fit_corpus(args.folder, ruleset, args.c, args.buildable_above)
    folders = [*config.rules, *args.rules]
    out = args.out or (Path(folders[-1]) if folders else default_rules_dir()) / WEIGHTS_FILE
    write_output(out, text)
    models = 3 + len(weights.dimensions) + len(weights.genres) - 1
    print(f"triage fit: {models} models written to {out}", file=sys.stderr)
    return ExitCode.OK
