"""The on-disk cache: keyed by content, invalidated by rule changes, never able to break a run."""

from __future__ import annotations

from pathlib import Path

import pytest

from triage import cache
from triage.rulebook import RegexRule, default_rules_dir, load_rules

hsengine = pytest.importorskip("triage.scan.hsengine", exc_type=ImportError)
hsdatabase = pytest.importorskip("triage.scan.hsdatabase", exc_type=ImportError)


def _rule(regex: str) -> RegexRule:
    return RegexRule.model_validate(
        {
            "id": "probe",
            "kind": "regex",
            "signal": "feature",
            "regex": regex,
            "description": "test rule",
            "examples": {"fires": ["x"], "quiet": ["y"]},
        }
    )


@pytest.fixture()
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_VARIABLE, str(folder))
    return folder


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"{hsdatabase.CACHE_KIND}-*"))


def _large(text: str) -> str:
    """The text padded past ``PRESENCE_BYTES``: the hyperscan engine's presence pass scans it."""
    return text + " z" * (hsengine.PRESENCE_BYTES // 2)


def test_entries_round_trip_and_checksums_catch_corruption(cache_dir: Path) -> None:
    assert cache.write_entry("blob", "k", b"payload")
    assert cache.read_entry("blob", "k") == b"payload"
    entry = cache_dir / "blob-k"
    entry.write_bytes(entry.read_bytes()[:-1] + b"X")
    assert cache.read_entry("blob", "k") is None
    assert cache.read_entry("blob", "absent") is None


def test_cache_location_follows_xdg_and_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(cache.CACHE_VARIABLE, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere")
    assert cache.cache_dir() == Path("/somewhere/seed-triage")
    monkeypatch.setenv(cache.CACHE_VARIABLE, "off")
    assert cache.cache_dir() is None
    assert not cache.write_entry("blob", "k", b"x")


def test_databases_are_compiled_only_when_a_document_needs_them(cache_dir: Path) -> None:
    scanner = hsengine.HyperscanScanner([_rule(r"\blazy\b")])
    assert _entries(cache_dir) == []
    assert scanner.scan("lazy").counts == (1,)
    assert _entries(cache_dir) == []  # a small document is scanned by the RE2 sets
    assert scanner.scan("lazy " * (hsengine.PRESENCE_BYTES // 5 + 1)).counts == (5,)
    assert len(_entries(cache_dir)) == 1  # the presence database, for a large document


def test_the_database_is_cached_and_reused(cache_dir: Path) -> None:
    hsengine.HyperscanScanner([_rule(r"\bcached\b")]).load_presence()
    assert len(_entries(cache_dir)) == 1
    scanner = hsengine.HyperscanScanner([_rule(r"\bcached\b")])
    assert scanner.scan(_large("cached, cached")).counts == (2,)
    assert len(_entries(cache_dir)) == 1


def test_a_changed_rule_misses_the_cache(cache_dir: Path) -> None:
    hsengine.HyperscanScanner([_rule(r"\bold\b")]).load_presence()
    scanner = hsengine.HyperscanScanner([_rule(r"\bnew\b")])
    assert scanner.scan(_large("old new")).counts == (1,)
    assert len(_entries(cache_dir)) == 2
    assert scanner.scan("old").counts == (0,)


def test_a_corrupt_entry_is_recompiled(cache_dir: Path) -> None:
    hsengine.HyperscanScanner([_rule(r"\bword\b")]).load_presence()
    (entry,) = _entries(cache_dir)
    entry.write_bytes(b"garbage")
    assert hsengine.HyperscanScanner([_rule(r"\bword\b")]).scan(_large("a word")).counts == (1,)
    assert cache.read_entry(hsdatabase.CACHE_KIND, entry.name.split("-", 1)[1]) is not None


def test_a_well_formed_entry_with_a_broken_database_is_recompiled(cache_dir: Path) -> None:
    hsengine.HyperscanScanner([_rule(r"\bword\b")]).load_presence()
    (entry,) = _entries(cache_dir)
    key = entry.name.split("-", 1)[1]
    cache.write_entry(hsdatabase.CACHE_KIND, key, b'{"unsupported": []}\nxx')
    assert hsengine.HyperscanScanner([_rule(r"\bword\b")]).scan(_large("a word")).counts == (1,)


def test_an_unwritable_cache_does_not_break_a_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(cache.CACHE_VARIABLE, str(blocker / "cache"))
    assert hsengine.HyperscanScanner([_rule(r"\bword\b")]).scan(_large("word")).counts == (1,)


def _copy_rules(target: Path) -> Path:
    import shutil

    shutil.copytree(default_rules_dir(), target)
    return target


def test_a_validated_rule_set_is_cached_and_a_changed_file_misses(
    cache_dir: Path, tmp_path: Path
) -> None:
    rules = _copy_rules(tmp_path / "rules")
    first = load_rules([rules], include_defaults=False)
    assert load_rules([rules], include_defaults=False) == first
    assert len(list(cache_dir.glob("ruleset-*"))) == 1
    pack = next(p for p in sorted(rules.glob("*.yaml")) if p.name != "policy.yaml")
    pack.write_text(pack.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    second = load_rules([rules], include_defaults=False)
    assert second.fingerprint != first.fingerprint
    assert len(list(cache_dir.glob("ruleset-*"))) == 2


def test_a_corrupt_rule_set_entry_is_ignored(cache_dir: Path, tmp_path: Path) -> None:
    rules = _copy_rules(tmp_path / "rules")
    expected = load_rules([rules], include_defaults=False)
    for entry in cache_dir.glob("ruleset-*"):
        key = entry.name.split("-", 1)[1]
        cache.write_entry("ruleset", key, b'{"rules": "not a rule set"}')
    assert load_rules([rules], include_defaults=False) == expected
