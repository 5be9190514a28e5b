"""``triage cache warm``: a run's rule set and database are built before the run asks for them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.test_rule_errors import one_rule, pack
from triage import cache, default_ruleset
from triage.cli import main
from triage.rulebook import default_rules_dir
from triage.scan.engines import AUTO_HYPERSCAN_RULES


@pytest.fixture()
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_VARIABLE, str(folder))
    monkeypatch.chdir(tmp_path)  # no pyproject.toml configuration applies
    return folder


def _kinds(folder: Path) -> list[str]:
    if not folder.exists():  # nothing cached yet (the default rules may be loaded already)
        return []
    return sorted(path.name.split("-")[0] for path in folder.iterdir())


def test_warm_validates_the_rule_set_into_the_cache(
    cache_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    count = len(default_ruleset().rules)  # (may cache the default rules' entry)
    shutil.copytree(default_rules_dir(), tmp_path / "rules")
    before = _kinds(cache_dir)
    argv = ["cache", "warm", "--no-default-rules", "--rules", str(tmp_path / "rules")]
    assert main([*argv, "--engine", "re2"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1] == "re2: needs no compiled database"
    assert out[2].startswith("language model: decompressed into the cache in ")
    assert _kinds(cache_dir) == sorted([*before, "langid", "ruleset"])  # the copy's own entry
    assert main(argv) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"rule set: {count} rules ready in ")
    assert count > AUTO_HYPERSCAN_RULES  # so auto never compiles a database for them
    assert out[1] in (
        f"hyperscan: auto does not choose it for over {AUTO_HYPERSCAN_RULES} rules",
        "hyperscan: not installed; re2 needs no compiled database",
    )
    assert out[2].startswith("language model: found in the cache in ")
    assert _kinds(cache_dir) == sorted([*before, "langid", "ruleset"])


def test_warm_compiles_the_database_auto_would_use(
    cache_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shipped = pytest.importorskip("triage.scan.hsshipped", exc_type=ImportError)
    if shipped.read_shipped() is None:
        pytest.skip("the shipped presence database is for another Hyperscan or machine")
    ids = [rule.id for rule in default_ruleset().rules]
    disable = ["--disable", ",".join(ids[5:])]  # five rules, so that auto takes hyperscan
    assert main(["cache", "warm", *disable]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("rule set: 5 rules ready in ")
    assert out[1].startswith("hyperscan: database ready in ")
    assert out[1].endswith("; 5 of the 5 rules in the shipped database")
    assert _kinds(cache_dir) == ["langid", "ruleset"]  # nothing compiled
    pack(tmp_path / "mine", one_rule(""))  # a rule the shipped database lacks
    mine = ["--rules", str(tmp_path / "mine")]
    assert main(["cache", "warm", *disable, *mine]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1].endswith("; 5 of the 6 rules in the shipped database")
    assert _kinds(cache_dir) == ["hyperscan", "langid", "ruleset", "ruleset"]
    before = sorted(cache_dir.iterdir())
    assert main(["cache", "warm", *disable, *mine, "--engine", "hyperscan"]) == 0
    assert sorted(cache_dir.iterdir()) == before  # found in the cache, not built again


def test_warm_with_the_cache_off_says_nothing_was_kept(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(cache.CACHE_VARIABLE, "off")
    monkeypatch.chdir(tmp_path)
    assert main(["cache", "warm", "--engine", "re2"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1] == f"cache: off ({cache.CACHE_VARIABLE}); nothing was kept"
    assert out[3].startswith("language model: loaded in ")
    assert list(tmp_path.iterdir()) == []
