"""Options shared by the subcommands, the exit codes, and what every command does with them."""

from __future__ import annotations

import argparse
import enum
import os
import sys
from pathlib import Path

from triage.cli.config import Config, load_config
from triage.inputs import DEFAULT_MAX_BYTES
from triage.outputs import Progress
from triage.report import Report
from triage.rulebook import RuleSet, load_rules
from triage.run import assess_paths
from triage.scan import CHOICES, ENGINE_VARIABLE

DEFAULT_INDEX = Path("seeds") / "INDEX.md"
_SIZE_UNITS = {"": 1, "b": 1, "k": 1 << 10, "kb": 1 << 10, "m": 1 << 20, "mb": 1 << 20}
_SIZE_UNITS |= {"g": 1 << 30, "gb": 1 << 30}


class ExitCode(enum.IntEnum):
    """Process exit codes, as linters use them."""

    OK = 0
    FINDINGS = 1
    ERROR = 2


def parse_size(text: str) -> int:
    """Parse a size such as ``50MB``, ``200k`` or ``1000000`` into bytes (units are binary)."""
    number = text.strip().lower().rstrip("bkmg")
    unit = text.strip().lower()[len(number) :]
    if not number.isdigit() or unit not in _SIZE_UNITS or int(number) <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size; try 50MB, 200k or 1000000")
    return int(number) * _SIZE_UNITS[unit]


def positive(value: str) -> int:
    """Parse a whole number of 1 or more."""
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return number


def add_rules_options(parser: argparse.ArgumentParser) -> None:
    """Add the options that choose the rules: ``--rules``, ``--disable``, and configuration."""
    parser.add_argument(
        "--rules",
        action="append",
        type=Path,
        default=[],
        metavar="DIR",
        help="extra folder of rule packs (repeatable); a policy.yaml there replaces the default",
    )
    parser.add_argument(
        "--disable",
        action="append",
        default=[],
        metavar="ID",
        help="rule id to disable (repeatable, or comma-separated)",
    )
    parser.add_argument(
        "--no-default-rules", action="store_true", help="use only the folders given by --rules"
    )
    parser.add_argument(
        "--no-config",
        action="store_true",
        help="ignore [tool.triage] in pyproject.toml and triage.yaml in the seeds folder",
    )


def add_output_option(parser: argparse.ArgumentParser) -> None:
    """Add ``-o/--output FILE``."""
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="write to FILE (atomically) instead of stdout; its folder must exist",
    )


def add_seed_options(parser: argparse.ArgumentParser) -> None:
    """Add the seed paths and the options that say how to read and scan them."""
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        help="INDEX.md files, folders or documents (default: seeds/INDEX.md)",
    )
    parser.add_argument(
        "--allow-outside",
        action="store_true",
        help="let an INDEX.md list files outside its own folder",
    )
    parser.add_argument(
        "--max-bytes",
        type=parse_size,
        default=DEFAULT_MAX_BYTES,
        metavar="SIZE",
        help="refuse seeds larger than this, e.g. 50MB, 200k, 1000000 (default: 50MB)",
    )
    parser.add_argument(
        "--engine",
        choices=CHOICES,
        help=f"matching engine (default: ${ENGINE_VARIABLE}, else auto: hyperscan on large inputs)",
    )
    parser.add_argument(
        "--jobs",
        type=positive,
        metavar="N",
        help="processes to use (default: every core from 32 seeds or 1 MB of seeds on, else 1)",
    )


def config_for(args: argparse.Namespace) -> Config:
    """Return the configuration that applies, unless ``--no-config`` was given."""
    if args.no_config:
        return Config()
    return load_config(getattr(args, "paths", None) or [], Path.cwd())


def ruleset_for(args: argparse.Namespace, config: Config | None = None) -> RuleSet:
    """Load the rule set the options ask for; configured folders and ids come first."""
    config = config or Config()
    given = [rule_id.strip() for item in args.disable for rule_id in item.split(",")]
    disabled = [*config.disable, *(rule_id for rule_id in given if rule_id)]
    folders = [*config.rules, *args.rules]
    return load_rules(folders, disabled, include_defaults=not args.no_default_rules)


def is_terminal(stream: object) -> bool:
    """Whether ``stream`` is a terminal that understands cursor codes."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"


def assess_seeds(
    args: argparse.Namespace, ruleset: RuleSet, quiet: int = 0, *, keep_scores: bool = True
) -> Report:
    """Triage the paths of ``args``, with a progress line when stderr is a terminal."""
    progress = Progress(sys.stderr, enabled=quiet == 0 and is_terminal(sys.stderr))
    try:
        return assess_paths(
            args.paths or [DEFAULT_INDEX],
            ruleset,
            allow_outside=args.allow_outside,
            max_bytes=args.max_bytes,
            progress=progress,
            engine=args.engine,
            jobs=args.jobs,
            keep_scores=keep_scores,
        )
    finally:
        progress.finish()
