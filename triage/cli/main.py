"""Command line: parse arguments, call the library, pick a renderer, set the exit code.

Exit codes follow linters: 0 nothing below ``--fail-on``, 1 some seed below it, 2 usage, rule
or I/O error. Only the project's own ``TriageError`` is turned into a one-line message; anything
else is a bug and keeps its traceback.

Output: the report goes to stdout, or to ``--output FILE`` (written atomically; stdout then
stays empty). ``-q`` prints only the bundle line on stdout; ``-qq`` prints nothing, so only the
exit code speaks. ``--output`` always receives the full report.
"""

from __future__ import annotations

import argparse
import enum
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from triage.cli.config import Config, load_config
from triage.errors import RuleError, TriageError
from triage.inputs import DEFAULT_MAX_BYTES
from triage.outputs import (
    FORMATS,
    IndexUpdate,
    Progress,
    emit,
    refresh_index,
    render_bundle_line,
    render_bytes,
    render_terminal,
    use_colour,
    write_stdout,
)
from triage.report import Report, __version__, falls_below
from triage.rulebook import RuleSet, example_failures, load_rules
from triage.run import assess_paths
from triage.scan import CHOICES, ENGINE_VARIABLE, describe_engine

DEFAULT_INDEX = Path("seeds") / "INDEX.md"
FAIL_ON = ("not-a-spec", "needs-clarification", "never")
DEFAULT_FORMAT = "text"
DEFAULT_FAIL_ON = "not-a-spec"


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
    parser.add_argument(
        "--no-config",
        action="store_true",
        help="ignore [tool.triage] in pyproject.toml and triage.yaml in the seeds folder",
    )


def _output_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="write to FILE (atomically) instead of stdout; its folder must exist",
    )


def _seed_options(parser: argparse.ArgumentParser) -> None:
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
        type=_positive,
        metavar="N",
        help="processes to use (default: every core from 32 seeds or 1 MB of seeds on, else 1)",
    )


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of the main command (triage seeds)."""
    parser = argparse.ArgumentParser(
        prog="triage",
        description="Triage seed documents: buildable requirements, or questions to send back. "
        "Other commands: 'triage ask', 'triage schema', 'triage rules list|test', "
        "'triage explain FILE', 'triage eval DIR', 'triage index DIR'.",
    )
    _seed_options(parser)
    parser.add_argument(
        "--format", choices=FORMATS, help=f"report format (default: {DEFAULT_FORMAT})"
    )
    parser.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        help=f"exit 1 when a seed's verdict is this or worse (default: {DEFAULT_FAIL_ON})",
    )
    parser.add_argument(
        "-q",
        "--quiet",
        action="count",
        default=0,
        help="-q: print only the bundle line; -qq: print nothing (the exit code tells)",
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the terminal layout (auto: only on a terminal without NO_COLOR)",
    )
    _output_option(parser)
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
    _output_option(parser)
    _rules_options(parser)
    return parser


def build_ask_parser() -> argparse.ArgumentParser:
    """Return the parser of ``triage ask``."""
    parser = argparse.ArgumentParser(
        prog="triage ask",
        description="Draft a Markdown message to the requester of a bundle that is not buildable.",
    )
    _seed_options(parser)
    _output_option(parser)
    _rules_options(parser)
    return parser


def build_schema_parser() -> argparse.ArgumentParser:
    """Return the parser of ``triage schema``."""
    parser = argparse.ArgumentParser(
        prog="triage schema", description="Print the JSON Schema of the JSON report."
    )
    _output_option(parser)
    return parser


def config_for(args: argparse.Namespace) -> Config:
    """Return the configuration that applies, unless ``--no-config`` was given."""
    if args.no_config:
        return Config()
    return load_config(getattr(args, "paths", None) or [], Path.cwd())


def load_ruleset_from(args: argparse.Namespace, config: Config | None = None) -> RuleSet:
    """Load the rule set the options ask for; configured folders and ids come first."""
    config = config or Config()
    given = [rule_id.strip() for item in args.disable for rule_id in item.split(",")]
    disabled = [*config.disable, *(rule_id for rule_id in given if rule_id)]
    folders = [*config.rules, *args.rules]
    return load_rules(folders, disabled, include_defaults=not args.no_default_rules)


def exit_code(report: Report, fail_on: str) -> ExitCode:
    """Return 2 if a seed could not be read, 1 if a verdict is at or below ``fail_on``, else 0."""
    if any(seed.error for seed in report.seeds):
        return ExitCode.ERROR
    below = any(falls_below(seed, fail_on) for seed in report.seeds)
    return ExitCode.FINDINGS if below else ExitCode.OK


def _assess(
    args: argparse.Namespace, ruleset: RuleSet, quiet: int = 0, *, keep_scores: bool = True
) -> Report:
    """Triage the paths of ``args``, with a progress line when stderr is a terminal."""
    progress = Progress(sys.stderr, enabled=quiet == 0 and _terminal(sys.stderr))
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


def _terminal(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"


def run_check(argv: Sequence[str]) -> ExitCode:
    """Triage seeds and print the report."""
    args = build_parser().parse_args(argv)
    config = config_for(args)
    fmt = args.format or config.format or DEFAULT_FORMAT
    fail_on = args.fail_on or config.fail_on or DEFAULT_FAIL_ON
    # No format prints the per-rule scores (that is ``triage explain``): not built at all.
    report = _assess(args, load_ruleset_from(args, config), args.quiet, keep_scores=False)
    if args.output is not None:
        emit(render_bytes(report, fmt, fail_on=fail_on), args.output)
    write_stdout(_stdout_text(report, args, fmt, fail_on))
    return exit_code(report, fail_on)


def _stdout_text(report: Report, args: argparse.Namespace, fmt: str, fail_on: str) -> str | bytes:
    """Return what stdout shows: the bundle line (-q), nothing (-qq, or --output), or the report."""
    colour = use_colour(sys.stdout, os.environ, args.color)
    if args.quiet:
        return render_bundle_line(report, colour) if args.quiet == 1 else ""
    if args.output is not None:
        return ""
    if fmt == "text" and (_terminal(sys.stdout) or args.color == "always"):
        return render_terminal(report, colour)
    return render_bytes(report, fmt, fail_on=fail_on)


def run_ask(argv: Sequence[str]) -> ExitCode:
    """Draft the message to the requester; nothing to ask when the bundle is buildable."""
    from triage.outputs.ask import draft_request, needs_asking

    args = build_ask_parser().parse_args(argv)
    ruleset = load_ruleset_from(args, config_for(args))
    report = _assess(args, ruleset)
    if not needs_asking(report):
        print(f"triage: nothing to ask: {report.bundle.summary}", file=sys.stderr)
        return ExitCode.OK
    emit(draft_request(report, ruleset.policy), args.output)
    return ExitCode.ERROR if report.bundle.errors else ExitCode.OK


def run_schema(argv: Sequence[str]) -> ExitCode:
    """Print the JSON Schema of the JSON report."""
    from triage.outputs.schema import render_schema

    args = build_schema_parser().parse_args(argv)
    emit(render_schema(), args.output)
    return ExitCode.OK


def run_rules(argv: Sequence[str]) -> ExitCode:
    """List the rules, or run every rule's examples."""
    args = build_rules_parser().parse_args(argv)
    ruleset = load_ruleset_from(args, config_for(args))
    if args.action == "list":
        lines = [f"{r.id:32} {r.signal:14} {r.weight:>5g}  {r.description}" for r in ruleset.rules]
        emit("".join(f"{line}\n" for line in lines), args.output)
        return ExitCode.OK
    failures = [failure for rule in ruleset.rules for failure in example_failures(rule)]
    summary = f"{len(ruleset.rules)} rules, {len(failures)} failing examples"
    emit("".join(f"{line}\n" for line in [*failures, summary]), args.output)
    return ExitCode.FINDINGS if failures else ExitCode.OK


def build_eval_parser() -> argparse.ArgumentParser:
    """Return the parser of ``triage eval DIR``."""
    parser = argparse.ArgumentParser(
        prog="triage eval",
        description="Triage a folder labelled like the corpus (labels*.yaml) and measure.",
    )
    parser.add_argument("folder", type=Path)
    parser.add_argument("--format", choices=("text", "json"), default="text")
    _output_option(parser)
    _rules_options(parser)
    return parser


def run_eval(argv: Sequence[str]) -> ExitCode:
    """Measure verdicts, genres and dimensions against human labels."""
    from triage.run.evaluate import evaluate, render_eval_text

    args = build_eval_parser().parse_args(argv)
    report = evaluate(args.folder, load_ruleset_from(args, config_for(args)))
    if args.format == "json":
        emit(report.model_dump_json(indent=2) + "\n", args.output)
    else:
        emit(render_eval_text(report), args.output)
    return ExitCode.OK


def build_explain_parser() -> argparse.ArgumentParser:
    """Return the parser of ``triage explain FILE``."""
    parser = argparse.ArgumentParser(
        prog="triage explain",
        description="Show every rule that fired on a document and how the policy decided.",
    )
    parser.add_argument("file", type=Path)
    _output_option(parser)
    _rules_options(parser)
    return parser


def run_explain(argv: Sequence[str]) -> ExitCode:
    """Print the decision trace of one document."""
    from triage.run.api import explain_file

    args = build_explain_parser().parse_args(argv)
    ruleset = load_ruleset_from(args, config_for(args))
    emit(explain_file(args.file, ruleset), args.output)
    return ExitCode.OK


def run_index(argv: Sequence[str]) -> ExitCode:
    """Write or refresh an INDEX.md for a folder, or check that it is up to date."""
    args = build_index_parser().parse_args(argv)
    update = refresh_index(args.folder, write=not args.check)
    write_stdout(describe_update(update, checking=args.check) + "\n")
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


COMMANDS = {
    "rules": run_rules,
    "ask": run_ask,
    "schema": run_schema,
    "eval": run_eval,
    "explain": run_explain,
    "index": run_index,
}


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
        for line in str(exc).splitlines():
            print(f"triage: {line}", file=sys.stderr)
        return ExitCode.ERROR
    except BrokenPipeError:
        # The reader (e.g. `head`) went away; like other CLI tools, stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return ExitCode.OK


if __name__ == "__main__":
    sys.exit(main())
