"""Where output goes and how it looks: --output, --quiet, colour, progress."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from triage.cli import main
from triage.outputs import Progress, use_colour, write_output, write_stdout

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = str(ROOT / "seeds" / "INDEX.md")
ANSI = "\x1b["


class FakeTerminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main([*args, "--no-config"])
    out, err = capsys.readouterr()
    return code, out, err


def test_output_file_gets_the_report_stdout_stays_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.md"
    code, stdout, _ = _run([REFERENCE, "--format", "markdown", "-o", str(out)], capsys)
    assert code == 1
    assert out.read_text(encoding="utf-8").startswith("# Seed triage")
    assert stdout == ""


def test_quiet_with_output_prints_the_bundle_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.sarif"
    code, stdout, _ = _run([REFERENCE, "--format", "sarif", "-o", str(out), "-q"], capsys)
    assert code == 1
    assert out.read_text(encoding="utf-8").startswith("{")
    assert stdout.startswith("bundle: ") and stdout.count("\n") == 1


def test_output_replaces_an_existing_file_and_leaves_no_temp(tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o640)
    write_output(out, "new\n")
    assert out.read_text(encoding="utf-8") == "new\n"
    assert out.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]


def test_new_output_file_follows_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_output(tmp_path / "r.txt", "x")
    finally:
        os.umask(old)
    assert (tmp_path / "r.txt").stat().st_mode & 0o777 == 0o644


def test_missing_output_folder_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "nope" / "report.json"
    code, stdout, err = _run([REFERENCE, "--format", "json", "--output", str(target)], capsys)
    assert code == 2
    assert stdout == ""
    assert err.startswith(f"triage: {target}: folder {target.parent} does not exist; create it")


def test_output_onto_a_folder_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run([REFERENCE, "--output", str(tmp_path)], capsys)
    assert code == 2
    assert err == f"triage: {tmp_path}: is a directory; give a file name to write to\n"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [["schema"], ["rules", "list"], ["ask", REFERENCE]])
def test_every_command_takes_output(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main([*command, "--output", str(out)]) == 0
    assert capsys.readouterr().out == ""
    assert out.stat().st_size > 0


def test_quiet_prints_only_the_bundle_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run([REFERENCE, "-q"], capsys)
    assert code == 1
    assert out == "bundle: not buildable (1 seed, 0 buildable) → ask for real requirements\n"


def test_very_quiet_prints_nothing_but_keeps_the_exit_code(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert _run([REFERENCE, "-qq"], capsys) == (1, "", "")


def test_piped_output_has_no_colour(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run([REFERENCE], capsys)
    assert ANSI not in out


def test_terminal_gets_colour_and_the_compact_layout(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    terminal = FakeTerminal()
    monkeypatch.setattr("sys.stdout", terminal)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    main([REFERENCE, "--no-config"])
    text = terminal.getvalue()
    assert f"{ANSI}1m{ANSI}31mnot-a-spec" in text
    assert "why:" not in text and "  1. " in text


def test_no_color_keeps_the_layout_without_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = FakeTerminal()
    monkeypatch.setattr("sys.stdout", terminal)
    monkeypatch.setenv("NO_COLOR", "1")
    main([REFERENCE, "--no-config"])
    assert ANSI not in terminal.getvalue()
    assert terminal.getvalue().startswith("not-a-spec  ")


@pytest.mark.parametrize(
    ("tty", "env", "mode", "expected"),
    [
        (True, {}, "auto", True),
        (False, {}, "auto", False),
        (True, {"NO_COLOR": "1"}, "auto", False),
        (True, {"NO_COLOR": ""}, "auto", True),
        (True, {"TERM": "dumb"}, "auto", False),
        (False, {}, "always", True),
        (True, {}, "never", False),
    ],
)
def test_use_colour(tty: bool, env: dict[str, str], mode: str, expected: bool) -> None:
    stream = FakeTerminal() if tty else io.StringIO()
    assert use_colour(stream, env, mode) is expected


def _many_seeds(folder: Path, count: int) -> Path:
    for i in range(count):
        (folder / f"seed{i}.txt").write_text(f"Opinion number {i}: this is wrong.", "utf-8")
    return folder


def test_progress_on_a_terminal_stderr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stderr = FakeTerminal()
    monkeypatch.setattr("sys.stderr", stderr)
    monkeypatch.setenv("TERM", "xterm")
    main([str(_many_seeds(tmp_path, 6)), "--no-config", "-o", str(tmp_path / "r.txt")])
    text = stderr.getvalue()
    assert "1/6 seeds" in text and "6/6 seeds" in text
    assert text.endswith("\r\x1b[K")


def test_no_progress_when_quiet_or_piped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = str(_many_seeds(tmp_path, 6))
    stderr = FakeTerminal()
    monkeypatch.setattr("sys.stderr", stderr)
    main([seeds, "--no-config", "-q"])
    assert stderr.getvalue() == ""
    piped = io.StringIO()
    monkeypatch.setattr("sys.stderr", piped)
    main([seeds, "--no-config"])
    assert piped.getvalue() == ""


def test_progress_stays_silent_for_few_seeds() -> None:
    stream = FakeTerminal()
    progress = Progress(stream, enabled=True)
    progress(1, 2)
    progress.finish()
    assert stream.getvalue() == ""


def test_bytes_on_stdout_follow_the_text_written_before(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    monkeypatch.setattr("sys.stdout", stream)
    write_stdout("first — ")
    write_stdout("second — ok\n".encode())
    stream.flush()
    assert stream.buffer.getvalue().decode("utf-8") == "first — second — ok\n"


def test_bytes_on_a_stdout_in_another_encoding_are_written_as_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-16-le")
    monkeypatch.setattr("sys.stdout", stream)
    write_stdout("verdict — ok\n".encode())
    stream.flush()
    assert stream.buffer.getvalue() == "verdict — ok\n".encode("utf-16-le")


@pytest.mark.parametrize("encoding", [None, "", "no-such-codec"])
def test_bytes_on_a_stdout_naming_no_known_encoding_are_written_as_text(
    monkeypatch: pytest.MonkeyPatch, encoding: str | None
) -> None:
    class Stream(io.StringIO):
        def __init__(self) -> None:
            super().__init__()
            self.buffer = io.BytesIO()

        @property
        def encoding(self) -> str | None:  # type: ignore[override]
            return encoding

    stream = Stream()
    monkeypatch.setattr("sys.stdout", stream)
    write_stdout("verdict — ok\n".encode())
    assert stream.getvalue() == "verdict — ok\n" and stream.buffer.getvalue() == b""


def test_bytes_go_as_text_where_text_streams_translate_line_ends(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="\r\n")
    monkeypatch.setattr("sys.stdout", stream)
    monkeypatch.setattr(os, "linesep", "\r\n")  # as on Windows
    write_stdout(b"one\ntwo\n")
    stream.flush()
    assert stream.buffer.getvalue() == b"one\r\ntwo\r\n"


def test_bytes_on_a_stdout_without_a_buffer_are_written_as_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stream = io.StringIO()
    monkeypatch.setattr("sys.stdout", stream)
    write_stdout("verdict — ok\n".encode())
    assert stream.getvalue() == "verdict — ok\n"


def test_json_output_file_holds_what_stdout_shows(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    index = str(Path(__file__).resolve().parent.parent / "seeds" / "INDEX.md")
    main(["--format", "json", index])
    shown = capsysbinary.readouterr().out
    main(["--format", "json", "--output", str(tmp_path / "report.json"), index])
    assert (tmp_path / "report.json").read_bytes() == shown
    assert shown.endswith(b"}\n") and "—".encode() in shown
