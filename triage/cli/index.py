"""``triage index [DIR]``: write or refresh DIR/INDEX.md, or check that it is up to date."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from triage.cli.options import DEFAULT_INDEX, ExitCode
from triage.outputs import IndexUpdate, refresh_index, write_stdout
from triage.report import safe_text


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
    """Return one line saying what ``triage index`` did (or would do), and what it left alone."""
    count = f"{len(update.entries)} seed{'s' if len(update.entries) != 1 else ''}"
    verb = "out of date" if checking else "written"
    parts = [f"{update.path}: {verb if update.changed else 'up to date'} ({count})"]
    if update.added:
        parts.append(f"new: {_names(update.added)}")
    if update.dropped:
        parts.append(f"dropped, file gone: {_names(update.dropped)}")
    if update.by_hand:
        names = _names(update.by_hand)
        parts.append(f"file gone but its line names other seeds too, edit it by hand: {names}")
    if update.refused:
        parts.append(f"kept, but a run refuses: {_reasons(update.refused)}")
    if update.not_added:
        parts.append(f"not added, a run would refuse: {_reasons(update.not_added)}")
    return safe_text("; ".join(parts))


def _names(names: tuple[str, ...]) -> str:
    return ", ".join(names)


def _reasons(pairs: tuple[tuple[str, str], ...]) -> str:
    return ", ".join(f"{name} ({why})" for name, why in pairs)
