"""What a run imports: measuring, fitting and YAML only when used; the public names stay right."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

CHECK_NAMES = """
import types
import triage.run.crossval, triage.run.evaluate, triage.run.fit, triage.run.labels
import triage.run
modules = [n for n in triage.run.__all__ if isinstance(getattr(triage.run, n), types.ModuleType)]
assert not modules, modules
from triage.run import evaluate, fit_corpus, Label
assert callable(evaluate) and callable(fit_corpus) and isinstance(Label, type)
"""

RUN_AND_LIST = """
import sys
from triage.cli import main
main(["--format", "json", "-o", sys.argv[1], sys.argv[2]])
print(" ".join(sorted(m for m in sys.modules if m == "yaml" or m.startswith("triage.run."))))
"""


def _python(code: str, *args: str, cache: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"TRIAGE_CACHE_DIR": str(cache), "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
        check=True,
    )
    return done.stdout


def test_public_names_are_the_functions_even_after_their_modules_are_imported(
    tmp_path: Path,
) -> None:
    _python(CHECK_NAMES, cache=tmp_path)


def test_a_run_on_a_cached_rule_set_imports_no_yaml_nor_fitting(tmp_path: Path) -> None:
    seeds = str(ROOT / "seeds" / "INDEX.md")
    first = _python(RUN_AND_LIST, str(tmp_path / "a.json"), seeds, cache=tmp_path)
    assert "yaml" in first.split()  # the cache was empty: the rule files were read
    loaded = _python(RUN_AND_LIST, str(tmp_path / "b.json"), seeds, cache=tmp_path).split()
    assert "yaml" not in loaded
    assert not {"triage.run.fit", "triage.run.crossval"} & set(loaded)
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
