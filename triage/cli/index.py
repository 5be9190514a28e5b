"""``triage index [DIR]``: write or refresh DIR/INDEX.md, or check that it is up to date."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from triage.cli.options import DEFAULT_INDEX, ExitCode
from triage.outputs import IndexUpdate, refresh_index, write_stdout


def build_parser() -> argparse.ArgumentParser:
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


def run(argv: Sequence[str]) -> ExitCode:
    """Write or refresh an INDEX.md for a folder, or check that it is up to date."""
    args = build_parser().parse_args(argv)
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
