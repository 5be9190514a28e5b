"""Rebuild the training corpus from git snapshots into a labelled folder.

Usage: ``python corpus/materialise.py --mirrors DIR --out DIR [--manifest FOLDER ...]``.

Reads every ``manifest/*.yaml`` beside this script, takes each record's bytes from
``git cat-file`` at the pinned commit (cut to ``source.lines`` when given), checks their SHA-256
and writes them to ``OUT/docs/<id><suffix>``, with one ``OUT/labels-train.yaml`` in the format of
``../shared/corpus`` (plus ``group`` and ``language``). Nothing is downloaded: a repository
missing from ``--mirrors`` is reported and its records skipped. ``--check`` only validates the
manifest (unique ids, known genres and verdicts, all fields present) and needs no snapshots.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
GENRES = frozenset(
    [
        "requirements-spec",
        "design-proposal",
        "protocol-or-format-spec",
        "hardware-spec",
        "feature-request",
        "design-card",
        "rfp-or-sow",
        "research-paper",
        "product-pitch",
        "opinion-article",
        "news-report",
        "blog-post",
        "tutorial",
        "product-review",
        "press-release",
        "fiction",
        "meeting-notes",
        "chat-log",
        "legal-text",
        "recipe",
        "other",
    ]
)
VERDICTS = frozenset({"buildable", "needs-clarification", "not-a-spec"})
DIMENSIONS = ("software_spec", "hardware_target", "performance_core")
# The C loader when PyYAML has it: the manifest runs to tens of thousands of lines.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
REQUIRED = ("id", "source", "sha256", "language", "verdict", "genre", "signals", "title", "note")


def load_manifest(folder: Path) -> list[dict[str, Any]]:
    """Return every record of every ``*.yaml`` in the manifest folder, in file order."""
    records: list[dict[str, Any]] = []
    for path in sorted(folder.glob("*.yaml")):
        for record in yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or []:
            records.append({**record, "_file": path.name})
    return records


def record_problems(record: dict[str, Any]) -> list[str]:
    """Return what is wrong with one record (empty when it is valid)."""
    where = f"{record.get('_file')}: {record.get('id', '?')}"
    problems = [f"{where}: missing {key}" for key in REQUIRED if key not in record]
    if record.get("genre") not in GENRES:
        problems.append(f"{where}: unknown genre {record.get('genre')!r}")
    if record.get("verdict") not in VERDICTS:
        problems.append(f"{where}: unknown verdict {record.get('verdict')!r}")
    signals = record.get("signals") or {}
    if set(signals) != set(DIMENSIONS) or not all(isinstance(v, bool) for v in signals.values()):
        problems.append(f"{where}: signals must give {', '.join(DIMENSIONS)} as true/false")
    if record.get("verdict") == "not-a-spec" and any(signals.values()):
        problems.append(f"{where}: a not-a-spec document states no dimension")
    source = record.get("source") or {}
    if not all(source.get(key) for key in ("repo", "path", "commit")):
        problems.append(f"{where}: source needs repo, path and commit")
    return problems


def manifest_problems(records: list[dict[str, Any]]) -> list[str]:
    """Return every problem of the manifest: each record's, and ids used twice."""
    problems = [problem for record in records for problem in record_problems(record)]
    seen: set[str] = set()
    for record in records:
        if record.get("id") in seen:
            problems.append(f"{record['_file']}: {record['id']}: duplicate id")
        seen.add(record.get("id", ""))
    return problems


def git_dir(mirrors: Path, repo: str) -> Path | None:
    """Return the git directory of a repository's snapshot, or None when it is not there."""
    base = mirrors / repo.replace("/", "+")
    for candidate in (base / "repo" / ".git", base / "repo", base / ".git", base):
        if (candidate / "HEAD").is_file():
            return candidate
    return None


def record_bytes(repo_dir: Path, source: dict[str, Any]) -> bytes:
    """Return the bytes a record names: the file at the commit, cut to its lines if given."""
    spec = f"{source['commit']}:{source['path']}"
    data = subprocess.run(
        ["git", "--git-dir", str(repo_dir), "cat-file", "blob", spec],
        capture_output=True,
        check=True,
    ).stdout
    if "lines" in source:
        first, last = source["lines"]
        data = b"".join(data.splitlines(keepends=True)[first - 1 : last])
    return data


def label_of(record: dict[str, Any], file: str) -> dict[str, Any]:
    """Return the record as a label in the format of ``../shared/corpus``."""
    keys = ("verdict", "genre", "signals", "hard", "borderline", "source", "title", "note")
    label = {"file": file, **{key: record.get(key, False) for key in keys}}
    group = record.get("group") or record["source"]["repo"]
    return {**label, "group": group, "language": record["language"]}


def materialise(records: list[dict[str, Any]], mirrors: Path, out: Path) -> tuple[int, list[str]]:
    """Write the texts and labels; return how many were written and what went wrong."""
    (out / "docs").mkdir(parents=True, exist_ok=True)
    labels, problems = [], []
    for record in records:
        source = record["source"]
        repo_dir = git_dir(mirrors, source["repo"])
        if repo_dir is None:
            problems.append(f"{record['id']}: no snapshot of {source['repo']} in {mirrors}")
            continue
        data = record_bytes(repo_dir, source)
        if hashlib.sha256(data).hexdigest() != record["sha256"]:
            problems.append(f"{record['id']}: checksum differs from the manifest")
            continue
        file = f"docs/{record['id']}{PurePosixPath(source['path']).suffix or '.txt'}"
        (out / file).write_bytes(data)
        labels.append(label_of(record, file))
    text = yaml.safe_dump(labels, sort_keys=False, allow_unicode=True, width=100)
    (out / "labels-train.yaml").write_text(text, encoding="utf-8")
    return len(labels), problems


def main(argv: list[str] | None = None) -> int:
    """Validate the manifest, then (unless ``--check``) write the corpus; 0 when all went well."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", type=Path, help="folder of owner+name git snapshots")
    parser.add_argument("--out", type=Path, help="folder to write docs/ and labels-train.yaml to")
    parser.add_argument("--check", action="store_true", help="only validate the manifest")
    parser.add_argument(
        "--manifest",
        type=Path,
        action="append",
        help="folder of manifest files, repeatable (default: manifest/, the training corpus; "
        "holdout*/ are the held-out sets, see the README)",
    )
    args = parser.parse_args(argv)
    records = [r for folder in args.manifest or [HERE / "manifest"] for r in load_manifest(folder)]
    problems = manifest_problems(records)
    if not problems and not args.check:
        if args.mirrors is None or args.out is None:
            parser.error("--mirrors and --out are needed to write the corpus")
        written, problems = materialise(records, args.mirrors, args.out)
        print(f"{written} of {len(records)} documents written to {args.out}")
    for problem in problems:
        print(f"materialise: {problem}", file=sys.stderr)
    print(f"{len(records)} records, {len({r['source']['repo'] for r in records})} repositories")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
