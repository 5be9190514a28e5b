"""Issue 14: no seed hangs the run or ends it with a traceback, and the options say what they want.

Each test names the case of the issue it covers.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from triage.cli import main
from triage.inputs import decode
from triage.run import assess_paths
from triage.run import seed as seed_module
from triage.run.budget import time_budget

SPEC = "The system shall record every loan.\nUsers can search by title over HTTP.\n"


def _bundle(folder: Path, names: list[str]) -> Path:
    for name in names:
        (folder / name).write_text(SPEC, encoding="utf-8")
    return folder


def _errors(report: Any) -> dict[str, str | None]:
    return {seed.path: seed.error for seed in report.seeds}


def test_a_200_kb_markdown_seed_of_open_links_is_triaged_in_seconds(tmp_path: Path) -> None:
    (tmp_path / "links.md").write_text("[a](" * 50_000, encoding="utf-8")
    started = time.perf_counter()
    report = assess_paths([tmp_path / "links.md"])
    assert time.perf_counter() - started < 10  # was over 300 s
    assert report.seeds[0].error is None


def test_a_seed_over_its_time_budget_is_an_error_row_and_the_others_go_on(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    real = seed_module.scan_seed

    def stuck_on_slow(plan: Any, read: Any) -> Any:
        if getattr(read, "name", "").endswith("slow.txt"):
            time.sleep(30)
        return real(plan, read)

    monkeypatch.setattr(seed_module, "scan_seed", stuck_on_slow)
    folder = _bundle(tmp_path, ["a.txt", "slow.txt", "z.txt"])
    started = time.perf_counter()
    report = assess_paths([folder], timeout=0.5)
    assert time.perf_counter() - started < 10
    errors = _errors(report)
    assert errors["slow.txt"] and "took longer than 0.5 seconds" in errors["slow.txt"]
    assert "--timeout" in errors["slow.txt"]
    assert errors["a.txt"] is None and errors["z.txt"] is None


def test_the_cli_timeout_turns_a_stuck_seed_into_exit_2(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(seed_module, "scan_seed", lambda plan, read: time.sleep(30))
    folder = _bundle(tmp_path, ["a.txt"])
    assert main([str(folder), "--timeout", "0.3", "--no-config", "--format", "json"]) == 2
    assert "took longer than 0.3 seconds" in capsys.readouterr().out


def test_the_time_budget_leaves_no_alarm_behind() -> None:
    import signal

    with time_budget(5):
        pass
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)


def test_memory_error_on_one_seed_is_its_error_row(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A 50 MB single line under a memory limit raised MemoryError and no seed was reported."""
    real = seed_module.read_document

    def huge(path: Path, **options: Any) -> Any:
        if path.name == "huge.txt":
            raise MemoryError
        return real(path, **options)

    monkeypatch.setattr(seed_module, "read_document", huge)
    folder = _bundle(tmp_path, ["a.txt", "huge.txt", "z.txt"])
    errors = _errors(assess_paths([folder]))
    assert errors["huge.txt"] and "ran out of memory" in errors["huge.txt"]
    assert errors["a.txt"] is None and errors["z.txt"] is None


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_bomless_utf16_with_a_character_beyond_latin1_is_read(encoding: str) -> None:
    """Was refused as "contains NUL bytes"."""
    text = "Price: 5 € — “quoted”.\n" + SPEC * 20
    assert decode(text.encode(encoding)) == text


def test_binary_with_nul_bytes_is_still_refused() -> None:
    from triage.errors import InputError

    with pytest.raises(InputError, match="NUL"):
        decode(bytes(range(256)) * 16)


@pytest.mark.parametrize("size", ["50 MB", "50MB", "50 MB (52428800 bytes)", "50 mib", "0.5 GB"])
def test_max_bytes_takes_the_tools_own_size_wording(tmp_path: Path, size: str) -> None:
    folder = _bundle(tmp_path, ["a.txt"])
    assert main([str(folder), "--max-bytes", size, "--no-config", "-qq"]) in (0, 1)


@pytest.mark.parametrize(
    ("option", "value", "said"),
    [
        ("--jobs", "abc", "argument --jobs: 'abc' is not a whole number; give 1 or more, e.g. 2"),
        ("--max-bytes", "lots", "'lots' is not a size; try 50 MB, 200k or 1000000"),
        ("--timeout", "soon", "'soon' is not a number of seconds"),
        ("--timeout", "-1", "'-1' is not a number of seconds"),
    ],
)
def test_bad_option_values_are_said_plainly(
    option: str, value: str, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main([option, value])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert said in err and "_positive" not in err and "invalid" not in err


def test_memory_error_in_the_cli_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import triage.cli.check as check

    def out_of_memory(*args: Any, **kwargs: Any) -> Any:
        raise MemoryError

    monkeypatch.setattr(check, "assess_seeds", out_of_memory)
    assert main(["--no-config"]) == 2
    assert capsys.readouterr().err.startswith("triage: ran out of memory; ")
