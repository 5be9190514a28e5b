"""Command line: parse arguments, call the library, pick a renderer, set the exit code.

Exit codes follow linters: 0 nothing below ``--fail-on``, 1 some seed below it, 2 usage, rule
or I/O error. Only the project's own ``TriageError`` is turned into a one-line message; anything
else is a bug and keeps its traceback.
"""

from __future__ import annotations

import argparse
import enum
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from triage import __version__
from triage.assess import assess_paths
from triage.documents import DEFAULT_MAX_BYTES
from triage.errors import RuleError, TriageError
from triage.indexer import IndexUpdate, refresh_index
from triage.output import write_output
from triage.policy import VERDICT_ORDER
from triage.render import RENDERERS
from triage.report import Report
from triage.rules import RuleSet, example_failures, load_rules
from triage.scanner import CHOICES, ENGINE_VARIABLE, describe_engine

DEFAULT_INDEX = Path("seeds") / "INDEX.md"
FAIL_ON = ("not-a-spec", "needs-clarification", "never")


class _EngineVersion(argparse.Action):
    """``--version``: print the version and the engine a run with these options would use."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        try:
            engine = describe_engine(getattr(namespace, "engine", None))
        except TriageError as exc:
            parser.error(str(exc))
        print(f"triage {__version__} (engine: {engine})")
        parser.exit()


class ExitCode(enum.IntEnum):
    """Process exit codes."""

    OK = 0
    FINDINGS = 1
    ERROR = 2


def _rules_options(parser: argparse.ArgumentParser) -> None:
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


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of the main command (triage seeds)."""
    parser = argparse.ArgumentParser(
        prog="triage",
        description="Triage seed documents: buildable requirements, or questions to send back. "
        "Other commands: 'triage rules list|test', 'triage explain FILE', 'triage eval DIR', "
        "'triage index DIR'.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        help="INDEX.md files, folders or documents (default: seeds/INDEX.md)",
    )
    parser.add_argument("--format", choices=sorted(RENDERERS), default="text")
    parser.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        default="not-a-spec",
        help="exit 1 when a seed's verdict is this or worse (default: not-a-spec)",
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
        "--output",
        type=Path,
        metavar="FILE",
        help="write the report to FILE (atomically) instead of standard output",
    )
    parser.add_argument(
        "--engine",
        choices=CHOICES,
        help=f"matching engine (default: ${ENGINE_VARIABLE}, else auto: hyperscan on large inputs)",
    )
    parser.add_argument(
        "--jobs",
        type=_positive,
        metavar="N",
        help="processes to use (default: every core from 32 seeds or 1 MB of seeds on, else 1)",
    )
    parser.add_argument(
        "--version", action=_EngineVersion, nargs=0, help="print the version and the engine"
    )
    _rules_options(parser)
    return parser


_SIZE_UNITS = {"": 1, "b": 1, "k": 1 << 10, "kb": 1 << 10, "m": 1 << 20, "mb": 1 << 20}
_SIZE_UNITS |= {"g": 1 << 30, "gb": 1 << 30}


def parse_size(text: str) -> int:
    """Parse a size such as ``50MB``, ``200k`` or ``1000000`` into bytes (units are binary)."""
    number = text.strip().lower().rstrip("bkmg")
    unit = text.strip().lower()[len(number) :]
    if not number.isdigit() or unit not in _SIZE_UNITS or int(number) <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size; try 50MB, 200k or 1000000")
    return int(number) * _SIZE_UNITS[unit]


def build_index_parser() -> argparse.ArgumentParser:
    """Return the parser of ``triage index [DIR]``."""
    parser = argparse.ArgumentParser(
        prog="triage index",
        description="Write or refresh DIR/INDEX.md, keeping hand-written titles and order.",
    )
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_INDEX.parent)
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if the index is out of date"
    )
    return parser


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return number


def build_rules_parser() -> argparse.ArgumentParser:
    """Return the parser of ``triage rules list|test``."""
    parser = argparse.ArgumentParser(prog="triage rules", description="Inspect the rule packs.")
    parser.add_argument("action", choices=("list", "test"))
    _rules_options(parser)
    return parser


def load_ruleset_from(args: argparse.Namespace) -> RuleSet:
    """Load the rule set the options ask for."""
    disabled = [rule_id.strip() for item in args.disable for rule_id in item.split(",")]
    return load_rules(args.rules, disabled, include_defaults=not args.no_default_rules)


def exit_code(report: Report, fail_on: str) -> ExitCode:
    """Return 2 if a seed could not be read, 1 if a verdict is at or below ``fail_on``, else 0."""
    if any(seed.error for seed in report.seeds):
        return ExitCode.ERROR
    if fail_on == "never":
        return ExitCode.OK
    limit = VERDICT_ORDER.index(fail_on)
    below = any(VERDICT_ORDER.index(s.verdict) <= limit for s in report.seeds if s.verdict)
    return ExitCode.FINDINGS if below else ExitCode.OK


def run_check(argv: Sequence[str]) -> ExitCode:
    """Triage seeds and print the report."""
    args = build_parser().parse_args(argv)
    ruleset = load_ruleset_from(args)
    report = assess_paths(
        args.paths or [DEFAULT_INDEX],
        ruleset,
        allow_outside=args.allow_outside,
        max_bytes=args.max_bytes,
        engine=args.engine,
        jobs=args.jobs,
    )
    rendered = RENDERERS[args.format](report)
    if args.output:
        write_output(args.output, rendered)
    else:
        sys.stdout.write(rendered)
    return exit_code(report, args.fail_on)


def run_rules(argv: Sequence[str]) -> ExitCode:
    """List the rules, or run every rule's examples."""
    args = build_rules_parser().parse_args(argv)
    ruleset = load_ruleset_from(args)
    if args.action == "list":
        for rule in ruleset.rules:
            print(f"{rule.id:32} {rule.signal:14} {rule.weight:>5g}  {rule.description}")
        return ExitCode.OK
    failures = [failure for rule in ruleset.rules for failure in example_failures(rule)]
    for failure in failures:
        print(failure)
    print(f"{len(ruleset.rules)} rules, {len(failures)} failing examples")
    return ExitCode.FINDINGS if failures else ExitCode.OK


def build_eval_parser() -> argparse.ArgumentParser:
    """Return the parser of ``triage eval DIR``."""
    parser = argparse.ArgumentParser(
        prog="triage eval",
        description="Triage a folder labelled like the corpus (labels*.yaml) and measure.",
    )
    parser.add_argument("folder", type=Path)
    parser.add_argument("--format", choices=("text", "json"), default="text")
    _rules_options(parser)
    return parser


def run_eval(argv: Sequence[str]) -> ExitCode:
    """Measure verdicts, genres and dimensions against human labels."""
    from triage.evaluate import evaluate, render_eval_text

    args = build_eval_parser().parse_args(argv)
    report = evaluate(args.folder, load_ruleset_from(args))
    if args.format == "json":
        sys.stdout.write(report.model_dump_json(indent=2) + "\n")
    else:
        sys.stdout.write(render_eval_text(report))
    return ExitCode.OK


def build_explain_parser() -> argparse.ArgumentParser:
    """Return the parser of ``triage explain FILE``."""
    parser = argparse.ArgumentParser(
        prog="triage explain",
        description="Show every rule that fired on a document and how the policy decided.",
    )
    parser.add_argument("file", type=Path)
    _rules_options(parser)
    return parser


def run_explain(argv: Sequence[str]) -> ExitCode:
    """Print the decision trace of one document."""
    from triage.documents import read_document
    from triage.explain import explain_document

    args = build_explain_parser().parse_args(argv)
    ruleset = load_ruleset_from(args)
    sys.stdout.write(explain_document(read_document(args.file), ruleset))
    return ExitCode.OK


def run_index(argv: Sequence[str]) -> ExitCode:
    """Write or refresh an INDEX.md for a folder, or check that it is up to date."""
    args = build_index_parser().parse_args(argv)
    update = refresh_index(args.folder, write=not args.check)
    print(describe_update(update, checking=args.check))
    return ExitCode.FINDINGS if args.check and update.changed else ExitCode.OK


def describe_update(update: IndexUpdate, *, checking: bool) -> str:
    """Return one line saying what ``triage index`` did (or would do)."""
    count = f"{len(update.entries)} seed{'s' if len(update.entries) != 1 else ''}"
    if not update.changed:
        return f"{update.path}: up to date ({count})"
    verb = "out of date" if checking else "written"
    parts = [f"{update.path}: {verb} ({count})"]
    if update.added:
        parts.append(f"new: {', '.join(update.added)}")
    if update.dropped:
        parts.append(f"dropped, file gone: {', '.join(update.dropped)}")
    return "; ".join(parts)


COMMANDS = {"rules": run_rules, "eval": run_eval, "explain": run_explain, "index": run_index}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    command = COMMANDS.get(argv[0]) if argv else None
    try:
        return int(command(argv[1:]) if command else run_check(argv))
    except RuleError as exc:
        for problem in exc.problems:
            print(f"triage: {problem}", file=sys.stderr)
        return ExitCode.ERROR
    except TriageError as exc:
        print(f"triage: {exc}", file=sys.stderr)
        return ExitCode.ERROR
    except BrokenPipeError:
        # The reader (e.g. `head`) went away; like other CLI tools, stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return ExitCode.OK


if __name__ == "__main__":
    sys.exit(main())
