"""Labels: the human judgments of a labelled folder, checked before anything is triaged.

A labelled folder holds ``labels*.yaml`` files, each a list of records with ``file`` (relative to
the folder), ``verdict``, ``genre`` (a genre id of the policy), ``signals`` (each of the three
dimensions as a boolean) and optional ``hard`` / ``borderline`` flags, ``language``, ``group``
and ``source`` (where the document came from; documents of one group are kept in one fold of a
cross-validation). A record that names a missing file, an unknown verdict or genre, or lacks a
dimension is an error naming the labels file, the record and the field.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from triage.errors import InputError, RuleError
from triage.report import DIMENSIONS, VERDICT_ORDER, Verdict
from triage.rulebook import load_yaml

MAX_PROBLEMS_SHOWN = 40


class Label(BaseModel):
    """One human judgment of one document."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    file: str
    verdict: Verdict
    genre: str
    signals: dict[str, bool]
    hard: bool = False
    borderline: bool = False
    group: str | None = None
    source: dict[str, Any] = {}
    language: str | None = None  # the document's language (ISO 639-1), when labelled

    def source_group(self) -> str:
        """Return the source group of this document: group, else repository, else file."""
        repo = self.source.get("repo")
        return self.group or (repo if isinstance(repo, str) and repo else self.file)


def load_labels(folder: Path, genres: Collection[str]) -> list[Label]:
    """Read and check every ``labels*.yaml`` in a folder against the policy's genre ids.

    Raise ``InputError`` listing every problem (file, record, field) when any record is wrong,
    or when the folder has no labels file.
    """
    files = sorted(folder.glob("labels*.yaml"))
    if not files:
        raise InputError(f"{folder}: no labels*.yaml; eval needs a labelled folder")
    labels: list[Label] = []
    problems: list[str] = []
    for path in files:
        try:
            records = load_yaml(path)[0] or []
        except RuleError as exc:  # unreadable, not UTF-8, invalid YAML, a key written twice
            problems.extend(exc.problems)
            continue
        if not isinstance(records, list):
            problems.append(f"{path}: not a labels file: expected a list of records")
            continue
        for number, record in enumerate(records, start=1):
            found = record_problems(record, folder, genres)
            where = f"{path}: record {number}"
            if isinstance(record, Mapping) and isinstance(record.get("file"), str):
                where += f" ({record['file']})"
            problems.extend(f"{where}: {problem}" for problem in found)
            if not found:
                labels.append(Label.model_validate(record))
    if problems:
        shown = problems[:MAX_PROBLEMS_SHOWN]
        more = len(problems) - len(shown)
        raise InputError("\n".join([*shown, *([f"... and {more} more"] if more else [])]))
    return labels


def record_problems(record: object, folder: Path, genres: Collection[str]) -> list[str]:
    """Return what is wrong with one label record, each as ``field: why``."""
    if not isinstance(record, Mapping):
        return ["not a mapping of fields"]
    problems = []
    file = record.get("file")
    if not isinstance(file, str) or not file:
        problems.append("file: missing (the document's path, relative to the folder)")
    elif not (folder / file).is_file():
        problems.append(f"file: no such file {folder / file}")
    verdict = record.get("verdict")
    if verdict not in VERDICT_ORDER:
        problems.append(f"verdict: {verdict!r} is not one of {', '.join(VERDICT_ORDER)}")
    genre = record.get("genre")
    if genre not in genres:
        problems.append(f"genre: unknown genre id {genre!r} (the policy's genres)")
    problems.extend(_signal_problems(record.get("signals")))
    for flag in ("hard", "borderline"):
        if flag in record and not isinstance(record[flag], bool):
            problems.append(f"{flag}: {record[flag]!r} is not true or false")
    if "group" in record and not isinstance(record["group"], str):
        problems.append(f"group: {record['group']!r} is not a string")
    if "source" in record and not isinstance(record["source"], Mapping):
        problems.append("source: not a mapping (repo, path, commit)")
    return problems


def _signal_problems(signals: object) -> list[str]:
    if not isinstance(signals, Mapping):
        return [f"signals: missing (each of {', '.join(DIMENSIONS)} as true or false)"]
    problems = [
        f"signals.{name}: missing (true or false)" for name in DIMENSIONS if name not in signals
    ]
    problems.extend(
        f"signals.{name}: {signals[name]!r} is not true or false"
        for name in DIMENSIONS
        if name in signals and not isinstance(signals[name], bool)
    )
    problems.extend(
        f"signals.{name}: unknown dimension (use {', '.join(DIMENSIONS)})"
        for name in signals
        if name not in DIMENSIONS
    )
    return problems
