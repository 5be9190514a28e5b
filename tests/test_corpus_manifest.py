"""The training corpus manifest (``corpus/``): valid records, and texts rebuilt from git exactly."""

from __future__ import annotations

import collections
import hashlib
import importlib.util
import shutil
import subprocess
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "corpus" / "manifest"


def _materialise() -> ModuleType:
    spec = importlib.util.spec_from_file_location("materialise", ROOT / "corpus" / "materialise.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


materialise = _materialise()
RECORDS: list[dict[str, Any]] = materialise.load_manifest(MANIFEST)


def test_every_record_of_the_manifest_is_valid() -> None:
    assert materialise.manifest_problems(RECORDS) == []


def test_the_corpus_is_broad() -> None:
    genres = collections.Counter(record["genre"] for record in RECORDS)
    sources = {record.get("group") or record["source"]["repo"] for record in RECORDS}
    assert set(genres) == set(materialise.GENRES)
    assert min(genres.values()) >= 30, genres.most_common()[-3:]
    assert len(sources) >= 150
    assert len(RECORDS) >= 1000


def test_no_repository_gives_more_than_six_documents_per_group() -> None:
    per_group = collections.Counter(
        record.get("group") or record["source"]["repo"] for record in RECORDS
    )
    assert max(per_group.values()) <= 6, per_group.most_common(3)


def _record(**changes: Any) -> dict[str, Any]:
    record = {
        "id": "x-0001",
        "source": {"repo": "o/r", "path": "a.md", "commit": "0" * 40},
        "sha256": "0" * 64,
        "language": "en",
        "verdict": "not-a-spec",
        "genre": "recipe",
        "signals": {"software_spec": False, "hardware_target": False, "performance_core": False},
        "title": "t",
        "note": "n",
        "_file": "test.yaml",
    }
    return {**record, **changes}


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"genre": "poem"}, "unknown genre 'poem'"),
        ({"verdict": "maybe"}, "unknown verdict 'maybe'"),
        ({"signals": {"software_spec": True}}, "signals must give"),
        (
            {
                "signals": {
                    "software_spec": True,
                    "hardware_target": False,
                    "performance_core": False,
                }
            },
            "a not-a-spec document states no dimension",
        ),
        ({"source": {"repo": "o/r"}}, "source needs repo, path and commit"),
    ],
)
def test_a_broken_record_is_named_with_its_problem(changes: dict[str, Any], problem: str) -> None:
    problems = materialise.record_problems(_record(**changes))
    assert any(problem in found for found in problems), problems


def test_an_id_used_twice_is_a_problem() -> None:
    problems = materialise.manifest_problems([_record(), _record()])
    assert problems == ["test.yaml: x-0001: duplicate id"]


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_texts_are_rebuilt_from_a_snapshot_with_their_lines_and_checksum(tmp_path: Path) -> None:
    repo = tmp_path / "mirrors" / "o+r" / "repo"
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / "doc.md").write_bytes(b"line one\nline two\nline three\n")
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "add", "doc.md"], check=True)
    subprocess.run([*git, "commit", "-qm", "doc"], check=True)
    commit = subprocess.run(
        [*git, "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    source = {"repo": "o/r", "path": "doc.md", "commit": commit, "lines": [2, 3]}
    wanted = b"line two\nline three\n"
    good = _record(source=source, sha256=hashlib.sha256(wanted).hexdigest())
    bad = _record(id="x-0002", source=source, sha256="0" * 64)
    written, problems = materialise.materialise([good, bad], tmp_path / "mirrors", tmp_path / "out")
    assert written == 1
    assert problems == ["x-0002: checksum differs from the manifest"]
    assert (tmp_path / "out" / "docs" / "x-0001.md").read_bytes() == wanted
    labels = yaml.safe_load((tmp_path / "out" / "labels-train.yaml").read_text(encoding="utf-8"))
    assert labels[0]["file"] == "docs/x-0001.md" and labels[0]["group"] == "o/r"


DEV_SET = ROOT.parent / "shared" / "corpus"


HOLDOUT: list[dict[str, Any]] = materialise.load_manifest(ROOT / "corpus" / "holdout")
HOLDOUT2: list[dict[str, Any]] = materialise.load_manifest(ROOT / "corpus" / "holdout2")
HOLDOUT3: list[dict[str, Any]] = materialise.load_manifest(ROOT / "corpus" / "holdout3")
HOLDOUT4: list[dict[str, Any]] = materialise.load_manifest(ROOT / "corpus" / "holdout4")
HOLDOUT5: list[dict[str, Any]] = materialise.load_manifest(ROOT / "corpus" / "holdout5")
HOLDOUT6: list[dict[str, Any]] = materialise.load_manifest(ROOT / "corpus" / "holdout6")


@pytest.mark.skipif(not DEV_SET.is_dir(), reason="the labelled dev set is not beside the project")
@pytest.mark.parametrize(
    "records",
    [RECORDS, HOLDOUT, HOLDOUT2, HOLDOUT3, HOLDOUT4, HOLDOUT5, HOLDOUT6],
    ids=[
        "training",
        "held-out",
        "held-out-2",
        "held-out-3",
        "held-out-4",
        "held-out-5",
        "held-out-6",
    ],
)
def test_a_manifest_shares_no_source_with_the_dev_set(records: list[dict[str, Any]]) -> None:
    dev_sources = {
        record["source"]["repo"]
        for path in DEV_SET.glob("labels*.yaml")
        for record in yaml.safe_load(path.read_text(encoding="utf-8"))
    }
    assert dev_sources & {record["source"]["repo"] for record in records} == set()


@pytest.mark.parametrize(
    "held",
    [HOLDOUT, HOLDOUT2, HOLDOUT3, HOLDOUT4, HOLDOUT5, HOLDOUT6],
    ids=["held-out", "held-out-2", "held-out-3", "held-out-4", "held-out-5", "held-out-6"],
)
def test_every_record_of_a_held_out_set_is_valid_and_ids_are_unique_across_all(
    held: list[dict[str, Any]],
) -> None:
    assert held
    assert materialise.manifest_problems(held) == []
    every = RECORDS + HOLDOUT + HOLDOUT2 + HOLDOUT3 + HOLDOUT4 + HOLDOUT5 + HOLDOUT6
    assert materialise.manifest_problems(every) == []


def _sources(records: list[dict[str, Any]]) -> set[str]:
    repos = {r["source"]["repo"].lower() for r in records}
    return repos | {r["group"].lower() for r in records if "group" in r}


@pytest.mark.parametrize(
    ("held", "others"),
    [
        (HOLDOUT, RECORDS),
        (HOLDOUT2, RECORDS),
        (HOLDOUT2, HOLDOUT),
        (HOLDOUT3, RECORDS + HOLDOUT + HOLDOUT2),
        (HOLDOUT4, RECORDS + HOLDOUT + HOLDOUT2 + HOLDOUT3),
        (HOLDOUT5, RECORDS + HOLDOUT + HOLDOUT2 + HOLDOUT3 + HOLDOUT4),
        (HOLDOUT6, RECORDS + HOLDOUT + HOLDOUT2 + HOLDOUT3 + HOLDOUT4 + HOLDOUT5),
    ],
    ids=[
        "held-out/training",
        "held-out-2/training",
        "held-out-2/held-out",
        "held-out-3/others",
        "held-out-4/others",
        "held-out-5/others",
        "held-out-6/others",
    ],
)
def test_a_held_out_set_shares_no_source_with_the_sets_before_it(
    held: list[dict[str, Any]], others: list[dict[str, Any]]
) -> None:
    assert _sources(held) & _sources(others) == set()
