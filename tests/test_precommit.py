"""The pre-commit hook, tried for real in a scratch git repository.

``test_try_repo`` runs ``pre-commit try-repo`` on this checkout: pre-commit builds the hook's own
environment with pip, so it needs the package index; without it the test is skipped, not failed.
``test_commit_hook`` installs the same hook (language ``system``, calling the installed ``triage``)
and makes real commits: the opinion seed is refused, the design card goes through.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PRE_COMMIT = shutil.which("pre-commit", path=str(BIN)) or shutil.which("pre-commit")
OPINION = ROOT / "seeds" / "000_cf8943a875352be7.txt"
CARD = ROOT / "examples" / "design-card" / "design-card.md"

pytestmark = pytest.mark.skipif(
    PRE_COMMIT is None or shutil.which("git") is None, reason="needs git and pre-commit"
)


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(
        HOME=str(home),
        PRE_COMMIT_HOME=str(home / "pre-commit"),
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="Seed Tester",
        GIT_AUTHOR_EMAIL="tester@example.invalid",
        GIT_COMMITTER_NAME="Seed Tester",
        GIT_COMMITTER_EMAIL="tester@example.invalid",
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        PIP_RETRIES="1",
        PIP_TIMEOUT="20",
        NO_COLOR="1",
        PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
    )
    return env


def _run(cmd: list[str], repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=repo, env=env, capture_output=True, text=True, timeout=600)


def _scratch_repo(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    repo = tmp_path / "intake"
    repo.mkdir()
    env = _env(tmp_path / "home")
    (tmp_path / "home").mkdir()
    _run(["git", "init", "-q", "-b", "main"], repo, env).check_returncode()
    return repo, env


def _stage_seed(repo: Path, env: dict[str, str], source: Path) -> None:
    seeds = repo / "seeds"
    if seeds.exists():
        shutil.rmtree(seeds)
    seeds.mkdir()
    shutil.copy(source, seeds / source.name)
    (seeds / "INDEX.md").write_text(f"- [{source.stem}]({source.name})\n", encoding="utf-8")
    _run(["git", "add", "-A", "seeds"], repo, env).check_returncode()


def _local_hook() -> dict[str, Any]:
    """The hook of .pre-commit-hooks.yaml, run by the triage installed next to this Python."""
    manifest = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for h in manifest if h["id"] == "triage"]
    triage = shutil.which("triage", path=str(BIN))
    assert triage, "the triage console script is not installed next to this Python"
    return {**hook, "language": "system", "entry": triage}


def test_manifest_describes_the_hook() -> None:
    manifest = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = manifest
    assert hook["id"] == "triage"
    assert hook["entry"] == "triage"
    assert hook["pass_filenames"] is False
    assert hook["files"] == "^seeds/"


def test_commit_hook(tmp_path: Path) -> None:
    repo, env = _scratch_repo(tmp_path)
    config = {"repos": [{"repo": "local", "hooks": [_local_hook()]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    _run(["git", "add", ".pre-commit-config.yaml"], repo, env).check_returncode()
    assert PRE_COMMIT is not None
    _run([PRE_COMMIT, "install"], repo, env).check_returncode()

    _stage_seed(repo, env, OPINION)
    refused = _run(["git", "commit", "-m", "add an opinion piece"], repo, env)
    assert refused.returncode != 0, refused.stdout + refused.stderr
    assert "not-a-spec" in refused.stdout + refused.stderr
    assert _run(["git", "rev-parse", "--verify", "HEAD"], repo, env).returncode != 0

    _stage_seed(repo, env, CARD)
    accepted = _run(["git", "commit", "-m", "add the design card"], repo, env)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "Passed" in accepted.stdout + accepted.stderr


def _try_repo(repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    assert PRE_COMMIT is not None
    result = _run([PRE_COMMIT, "try-repo", str(ROOT), "triage"], repo, env)
    if "An unexpected error has occurred" in result.stdout + result.stderr:
        pytest.skip(f"pre-commit could not build the hook environment: {result.stdout[-400:]}")
    return result


@pytest.mark.slow
@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="try-repo needs a git checkout")
def test_try_repo(tmp_path: Path) -> None:
    repo, env = _scratch_repo(tmp_path)
    _stage_seed(repo, env, OPINION)
    refused = _try_repo(repo, env)
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "not-a-spec" in refused.stdout

    _stage_seed(repo, env, CARD)
    accepted = _try_repo(repo, env)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "triage seeds" in accepted.stdout and "Passed" in accepted.stdout
