"""The subcommand registry: every command answers --help, and start-up imports none of them."""

from __future__ import annotations

import subprocess
import sys

import pytest

from triage.cli import COMMANDS, main


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_registered_command_has_help(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main([name, "--help"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.startswith(f"usage: triage {name}")


def test_the_main_command_names_every_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert all(f"'triage {name}" in out for name in COMMANDS)


def test_start_up_imports_no_subcommand() -> None:
    modules = sorted({target.partition(":")[0] for target in COMMANDS.values()})
    code = (
        "import sys, triage.cli; "
        f"print(sorted(m for m in {modules!r} + ['triage.cli.check'] if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_subcommand_loads_only_its_own_module() -> None:
    code = (
        "import sys; from triage.cli import main; main(['schema']); "
        "print(sorted(m for m in sys.modules if m.startswith('triage.cli.')), file=sys.stderr)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = out.stderr.strip().splitlines()[-1]
    assert (
        loaded
        == "['triage.cli.config', 'triage.cli.main', 'triage.cli.options', 'triage.cli.schema']"
    )
