"""Options shared by the subcommands, the exit codes, and what every command does with them."""

from __future__ import annotations

import argparse
import enum
import math
import os
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from triage.cli.config import Config, load_config
from triage.inputs import DEFAULT_MAX_BYTES
from triage.outputs import Progress, bundle_files, guard_output, rule_files
from triage.report import Report
from triage.rulebook import DEFAULT_BUILDABLE_ABOVE, RuleSet, default_rules_dir, load_rules
from triage.run import DEFAULT_TIMEOUT, assess_paths
from triage.scan import CHOICES, ENGINE_VARIABLE

DEFAULT_INDEX = Path("seeds") / "INDEX.md"
_SIZE_UNITS = {"": 1, "b": 1, "byte": 1, "bytes": 1}
_SIZE_UNITS |= {f"{p}{s}": 1 << (10 * n) for n, p in enumerate("kmg", 1) for s in ("", "b", "ib")}
# ``50MB``, ``50 MB``, ``1.5 GB``, ``200k``, and the tool's own wording ``50 MB (52428800 bytes)``.
_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*([a-z]*)(?:\s*\((\d+)\s*bytes\))?")


class ExitCode(enum.IntEnum):
    """Process exit codes, as linters use them."""

    OK = 0
    FINDINGS = 1
    ERROR = 2


def parse_size(text: str) -> int:
    """Parse a size such as ``50MB``, ``50 MB``, ``1.5 GB``, ``200k`` or ``1000000`` into bytes.

    Units are binary (as the tool prints them); ``50 MB (52428800 bytes)``, copied from a
    message of the tool, is read too.
    """
    found = _SIZE.fullmatch(text.strip().lower())
    if found is None or found.group(2) not in _SIZE_UNITS:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size; try 50 MB, 200k or 1000000")
    number, unit, exact = found.groups()
    size = int(exact) if exact else int(float(number) * _SIZE_UNITS[unit])
    if size <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is no size to read a seed with; give 1 or more")
    return size


def positive(value: str) -> int:
    """Parse a whole number of 1 or more (argparse shows the message as it is)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a whole number; give 1 or more, e.g. 2"
        ) from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return number


def seconds(value: str) -> float:
    """Parse a number of seconds of 0 or more; 0 means no time budget."""
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not math.isfinite(number) or number < 0:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a number of seconds; give e.g. 60, 2.5, or 0 for no limit"
        )
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


def add_buildable_above_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--buildable-above``, the fitted decider's spec probability floor (fit and eval)."""
    parser.add_argument(
        "--buildable-above",
        type=_probability,
        default=DEFAULT_BUILDABLE_ABOVE,
        metavar="P",
        help="the spec probability a document must reach to be buildable, in [0.5, 1) "
        f"(default {DEFAULT_BUILDABLE_ABOVE:g})",
    )


def _probability(text: str) -> float:
    """Return a probability in [0.5, 1), or refuse it."""
    value = float(text)
    if not 0.5 <= value < 1.0:
        raise argparse.ArgumentTypeError(f"{text} is not in [0.5, 1)")
    return value


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
        "--timeout",
        type=seconds,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help="a seed whose reading or scanning takes longer becomes an error row and the others "
        f"go on (default: {DEFAULT_TIMEOUT:g}; 0: no limit)",
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


def ruleset_for(
    args: argparse.Namespace, config: Config | None = None, *, weights: bool = True
) -> RuleSet:
    """Load the rule set the options ask for; configured folders and ids come first.

    ``weights=False``: without any fitted weights (for fitting new ones).
    """
    config = config or Config()
    given = [rule_id.strip() for item in args.disable for rule_id in item.split(",")]
    disabled = [*config.disable, *(rule_id for rule_id in given if rule_id)]
    folders = [*config.rules, *args.rules]
    return load_rules(
        folders, disabled, include_defaults=not args.no_default_rules, weights=weights
    )


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
            timeout=args.timeout or None,
        )
    finally:
        progress.finish()


def checked_output(args: argparse.Namespace, config: Config, seeds: Sequence[Path]) -> Path | None:
    """Check ``-o`` before any work (see ``guard_output``); return it, or None for stdout.

    The run's inputs it may not be: the seeds and indexes of ``seeds``, the rule files of every
    rule folder the run loads and the configuration files that apply.
    """
    return guard_output(args.output, _run_inputs(args, config, seeds))


def _run_inputs(args: argparse.Namespace, config: Config, seeds: Sequence[Path]) -> Iterator[Path]:
    """Yield the run's input files, listed only if ``guard_output`` asks (an existing output)."""
    folders = [] if getattr(args, "no_default_rules", False) else [default_rules_dir()]
    yield from rule_files([*folders, *config.rules, *getattr(args, "rules", [])])
    yield from map(Path, config.sources)
    yield from bundle_files(seeds, getattr(args, "allow_outside", False))


def output_and_rules(
    args: argparse.Namespace, seeds: Sequence[Path]
) -> tuple[Path | None, RuleSet]:
    """Check ``-o`` against the run's inputs, then load the rule set: every command's first step."""
    config = config_for(args)
    return checked_output(args, config, seeds), ruleset_for(args, config)
