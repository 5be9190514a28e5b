"""Issue 14: the on-disk cache is bounded (least recently used go first); ``triage cache``."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from triage import cache
from triage.cli import main
from triage.rulebook import default_rules_dir, load_rules


@pytest.fixture()
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    folder.mkdir()
    monkeypatch.setenv(cache.CACHE_VARIABLE, str(folder))
    return folder


def _fill(folder: Path, count: int, size: int = 10) -> list[str]:
    """Write ``count`` entries, each older than the next; return their keys, oldest first."""
    keys = [f"{n:064x}" for n in range(count)]
    for age, key in enumerate(reversed(keys)):
        assert cache.write_entry("blob", key, b"x" * size)
        stamp = 1_000_000 - age * 10.0
        os.utime(folder / f"blob-{key}", (stamp, stamp))
    return keys


def test_the_cache_keeps_at_most_max_entries_oldest_removed_first(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    keys = _fill(cache_dir, 3)
    assert cache.write_entry("blob", "f" * 64, b"new")
    left = sorted(p.name for p in cache_dir.iterdir())
    assert left == sorted(f"blob-{k}" for k in [*keys[1:], "f" * 64])


def test_a_read_entry_is_kept_longer_than_an_unread_one(cache_dir: Path) -> None:
    keys = _fill(cache_dir, 3)
    assert cache.read_entry("blob", keys[0]) is not None  # the oldest, now recently used
    assert cache.prune(cache_dir, max_entries=2) == 1
    assert not (cache_dir / f"blob-{keys[1]}").exists()
    assert (cache_dir / f"blob-{keys[0]}").exists()


def test_the_cache_keeps_at_most_max_bytes_but_never_the_entry_just_written(
    cache_dir: Path,
) -> None:
    keys = _fill(cache_dir, 4, size=100)
    cache.prune(cache_dir, keep=f"blob-{keys[0]}", max_bytes=2 * 152 + 10)  # 152: header + 100
    left = sorted(p.name for p in cache_dir.iterdir())
    assert left == sorted([f"blob-{keys[0]}", f"blob-{keys[3]}"])


def test_prune_and_clear_touch_only_files_named_like_entries(cache_dir: Path) -> None:
    _fill(cache_dir, 2)
    others = ["notes.txt", "blob-short", ".hidden", "ruleset-" + "g" * 64]
    for name in others:
        (cache_dir / name).write_text("keep me", encoding="utf-8")
    (cache_dir / ("x-" + "0" * 64)).mkdir()
    stale = cache_dir / ".blob-abcd1234"
    stale.write_bytes(b"half")
    os.utime(stale, (1.0, 1.0))
    fresh = cache_dir / ".blob-efgh5678"
    fresh.write_bytes(b"being written")
    assert cache.prune(cache_dir, max_entries=1) == 2  # the oldest entry and the stale file
    assert not stale.exists() and fresh.exists()
    removed = cache.clear()
    assert (removed.entries, removed.temporary) == (1, 1)
    assert sorted(p.name for p in cache_dir.iterdir()) == sorted([*others, "x-" + "0" * 64])


def test_cache_info_and_clear_commands(
    cache_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(default_rules_dir(), tmp_path / "rules")
    load_rules([tmp_path / "rules"], include_defaults=False)
    assert main(["cache", "info"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"cache: {cache_dir}"
    assert lines[1] == f"entries: 1 of at most {cache.MAX_ENTRIES}"
    assert main(["cache", "clear"]) == 0
    assert capsys.readouterr().out.startswith("cache: removed 1 file(s), ")
    assert list(cache_dir.iterdir()) == []
    assert main(["cache", "info"]) == 0
    assert "entries: 0 of" in capsys.readouterr().out


def test_cache_commands_when_the_cache_is_off(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(cache.CACHE_VARIABLE, "off")
    assert main(["cache", "info"]) == 0
    assert main(["cache", "clear"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "cache: off (TRIAGE_CACHE_DIR)",
        "cache: off (TRIAGE_CACHE_DIR); nothing to clear",
    ]
