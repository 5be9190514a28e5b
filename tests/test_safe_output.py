"""Output safety (issue 14): ``-o`` never replaces an input, devices and links are written
through, the output is checked before any scanning, and no control character of a file name or a
document reaches a person's screen raw."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import triage.cli.check
import triage.outputs.files
from tests.conftest import REFERENCE_SEED, ROOT
from triage.cli import main

SEED_TEXT = REFERENCE_SEED.read_bytes()
INPUT_REFUSED = "is one of this run's inputs"
HOSTILE_PACK = (
    b"pack: hostile\n"
    b"rules:\n"
    b"  - id: hostile-rule\n"
    b"    kind: phrases\n"
    b"    signal: feature\n"
    b"    weight: 1\n"
    b'    description: "bell \\a and \\e]0;pwned\\a title"\n'
    b"    phrases: [hostile phrase]\n"
    b"    examples: {fires: [a hostile phrase], quiet: [nothing]}\n"
)


@pytest.fixture()
def bundle(tmp_path: Path) -> Path:
    """A seeds folder: INDEX.md listing spec.md, the reference seed."""
    folder = tmp_path / "c2"
    folder.mkdir()
    (folder / "spec.md").write_bytes(SEED_TEXT)
    (folder / "INDEX.md").write_text("- [spec](spec.md)\n", encoding="utf-8")
    return folder


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def _unchanged(bundle: Path) -> bool:
    index = (bundle / "INDEX.md").read_text(encoding="utf-8")
    return (bundle / "spec.md").read_bytes() == SEED_TEXT and index == "- [spec](spec.md)\n"


@pytest.mark.parametrize("name", ["spec.md", "INDEX.md"])
def test_output_onto_a_seed_or_its_index_is_refused(
    bundle: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run([str(bundle), "--no-config", "-o", str(bundle / name)], capsys)
    assert code == 2
    assert INPUT_REFUSED in err and "choose another output file" in err
    assert "Traceback" not in err
    assert _unchanged(bundle)


def test_output_onto_a_rule_file_is_refused(
    tmp_path: Path, bundle: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = tmp_path / "R"
    rules.mkdir()
    pack = rules / "pack.yaml"
    pack.write_text("rules: []\n", encoding="utf-8")
    args = [str(bundle), "--no-config", "--rules", str(rules), "-o", str(pack)]
    code, _, err = _run(args, capsys)
    assert (code, pack.read_text(encoding="utf-8")) == (2, "rules: []\n")
    assert INPUT_REFUSED in err


def test_output_onto_the_configuration_file_is_refused(
    bundle: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = bundle / "triage.yaml"
    config.write_text("fail-on: never\n", encoding="utf-8")
    code, _, err = _run([str(bundle), "-o", str(config)], capsys)
    assert (code, config.read_text(encoding="utf-8")) == (2, "fail-on: never\n")
    assert INPUT_REFUSED in err


@pytest.mark.parametrize("link", [os.symlink, os.link], ids=["symlink", "hard link"])
def test_output_onto_another_name_of_a_seed_is_refused(
    tmp_path: Path, bundle: Path, link: object, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other-name.md"
    link(bundle / "spec.md", other)  # type: ignore[operator]
    code, _, err = _run([str(bundle), "--no-config", "-o", str(other)], capsys)
    assert code == 2 and INPUT_REFUSED in err
    assert _unchanged(bundle)


@pytest.mark.parametrize("command", [["ask"], ["rules", "list"], ["explain"]], ids=lambda c: c[0])
def test_every_command_refuses_to_write_over_its_input(
    tmp_path: Path, bundle: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    target = bundle / "spec.md"
    seeds = [str(target)] if command == ["explain"] else [str(bundle)]
    if command == ["rules", "list"]:
        target, seeds = tmp_path / "R" / "pack.yaml", ["--rules", str(tmp_path / "R")]
        target.parent.mkdir()
        target.write_bytes(HOSTILE_PACK)
    before = target.read_bytes()
    code, _, err = _run([*command, *seeds, "--no-config", "-o", str(target)], capsys)
    assert code == 2 and INPUT_REFUSED in err
    assert target.read_bytes() == before


def test_output_through_a_symlink_writes_the_file_and_keeps_the_link(
    tmp_path: Path, bundle: Path
) -> None:
    real = tmp_path / "reports" / "report.txt"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert main([str(bundle), "--no-config", "-o", str(link)]) == 1
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert "spec.md  not-a-spec" in real.read_text(encoding="utf-8")
    assert sorted(p.name for p in real.parent.iterdir()) == ["report.txt"]


def test_output_to_a_pipe_is_written_in_place(tmp_path: Path, bundle: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    assert main([str(bundle), "--no-config", "--format", "json", "-o", str(fifo)]) == 1
    reader.join(10)
    assert received and received[0].startswith(b"{")
    assert fifo.is_fifo()


def test_output_to_a_link_to_dev_stdout_goes_to_stdout(tmp_path: Path, bundle: Path) -> None:
    link = tmp_path / "out"
    link.symlink_to("/dev/stdout")
    command = [sys.executable, "-m", "triage", str(bundle), "--no-config", "-o", str(link)]
    done = subprocess.run(command, capture_output=True, timeout=120, check=False, cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert b"not-a-spec" in done.stdout
    assert link.is_symlink() and os.readlink(link) == "/dev/stdout"


def test_output_dash_is_stdout_and_creates_no_file(
    tmp_path: Path,
    bundle: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = _run([str(bundle), "--no-config", "-o", "-"], capsys)
    assert code == 1 and "not-a-spec" in out
    assert not (tmp_path / "-").exists()
    for command in (["schema"], ["rules", "list", "--no-config"]):
        code, out, _ = _run([*command, "-o", "-"], capsys)
        assert code == 0 and out
    assert not (tmp_path / "-").exists()


def test_unwritable_output_folder_stops_the_run_before_the_scan(
    tmp_path: Path,
    bundle: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    real_open = os.open

    def refuse(path: object, *args: object, **kwargs: object) -> int:
        if str(path).startswith(str(folder)):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    def no_scan(*args: object, **kwargs: object) -> object:
        raise AssertionError("scanned before checking the output")

    monkeypatch.setattr(triage.outputs.files.os, "open", refuse)
    monkeypatch.setattr(triage.cli.check, "assess_seeds", no_scan)
    code, _, err = _run([str(bundle), "--no-config", "-o", str(folder / "r.txt")], capsys)
    assert code == 2
    assert "cannot write in folder" in err and "Permission denied" in err
    assert list(folder.iterdir()) == []


def test_read_only_folder_is_refused_before_the_scan(
    tmp_path: Path,
    bundle: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("this user writes into read-only folders (root)")
        monkeypatch.setattr(triage.cli.check, "assess_seeds", None)  # any scan would fail
        code, _, err = _run([str(bundle), "--no-config", "-o", str(folder / "r.txt")], capsys)
        assert code == 2 and "cannot write in folder" in err
    finally:
        folder.chmod(0o755)


# --- control characters -------------------------------------------------------------------

ESC_NAME = b"a\x1b[2Jb\x1b]0;pwned\x07.md"
ESC_TEXT = (
    b"The system shall expose a REST API \x1b]0;pwned\x07 with \x1b[31mred\x1b[0m endpoints\r"
    b" and the CLI must respond within 200 ms.\nUsers can upload files \xe2\x80\xae here.\n"
)
OUR_COLOURS = re.compile(r"\x1b\[[0-9;]*m")
RAW_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture()
def hostile(tmp_path: Path) -> Path:
    """A folder holding one seed whose name and text carry ESC, OSC, CR and bidi controls."""
    folder = tmp_path / "hostile"
    folder.mkdir()
    name = os.fsencode(folder) + b"/" + ESC_NAME
    with open(name, "wb") as handle:
        handle.write(ESC_TEXT)
    return folder


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_no_control_character_reaches_text_or_markdown(
    hostile: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run([str(hostile), "--no-config", "--format", fmt], capsys)
    assert code == 0
    assert RAW_CONTROLS.search(out) is None
    assert "\\x1b" in out  # the file name is shown, its escape visible


def test_terminal_layout_writes_only_its_own_colours(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run([str(hostile), "--no-config", "--color", "always"], capsys)
    assert code == 0 and OUR_COLOURS.search(out)
    assert RAW_CONTROLS.search(OUR_COLOURS.sub("", out)) is None


def test_explain_and_ask_show_no_control_character(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = next(hostile.iterdir())
    code, out, _ = _run(["explain", str(seed), "--no-config"], capsys)
    assert code == 0 and RAW_CONTROLS.search(out) is None
    (hostile / "x.txt").write_text("We argue that the decision was wrong.", encoding="utf-8")
    _run(["ask", str(hostile / "x.txt"), "--no-config"], capsys)
    code, out, _ = _run(["ask", str(seed), str(hostile / "x.txt"), "--no-config"], capsys)
    assert RAW_CONTROLS.search(out) is None


def test_rules_list_shows_no_control_character(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = tmp_path / "R"
    rules.mkdir()
    (rules / "pack.yaml").write_bytes(HOSTILE_PACK)
    code, out, err = _run(["rules", "list", "--no-config", "--rules", str(rules)], capsys)
    assert code == 0, err
    assert "hostile-rule" in out and RAW_CONTROLS.search(out) is None


# --- the bundle with error rows, and the draft to the requester -----------------------------


@pytest.fixture()
def buildable_with_errors(tmp_path: Path) -> Path:
    """A bundle of the design card, an empty file and a file listed but gone."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(ROOT / "examples" / "design-card" / "design-card.md", folder / "card.md")
    (folder / "empty.txt").write_bytes(b"")
    index = "- [card](card.md)\n- [empty](empty.txt)\n- [gone](gone.txt)\n"
    (folder / "INDEX.md").write_text(index, encoding="utf-8")
    return folder


def test_a_bundle_with_error_rows_is_never_ready_for_design(
    buildable_with_errors: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run([str(buildable_with_errors), "--no-config"], capsys)
    assert code == 2
    bundle_line = out.splitlines()[-1]
    assert "ready for design" not in bundle_line
    assert bundle_line.startswith("bundle: incomplete")
    code, out, _ = _run(
        [str(buildable_with_errors), "--no-config", "-q", "--color", "always"], capsys
    )
    assert "\x1b[32m" not in out  # not green
    assert "\x1b[35m" in out  # the error colour


def test_ask_on_a_bundle_with_unreadable_seeds_asks_again_and_exits_2(
    buildable_with_errors: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(["ask", str(buildable_with_errors), "--no-config"], capsys)
    assert code == 2
    assert "`empty.txt`: we could not read it (it is empty)" in out
    assert "`gone.txt`: we could not read it (it was not among the files we received)" in out
    assert str(buildable_with_errors) not in out
    for advice in ("--", "index", "send the seed's content", "Traceback"):
        assert advice not in out
    assert "nothing to ask" not in err


def test_ask_never_names_a_local_path(
    tmp_path: Path, bundle: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = bundle / "big.txt"
    big.write_text("x " * 600, encoding="utf-8")
    args = ["ask", str(bundle / "spec.md"), str(big), "--max-bytes", "1k", "--no-config"]
    code, out, _ = _run(args, capsys)
    assert code == 2
    assert str(tmp_path) not in out and "--max-bytes" not in out
    assert "`big.txt`: we could not read it (it is larger than we can take)" in out
    assert "`spec.md`: " in out


def test_sarif_with_fail_on_never_reports_only_unreadable_seeds(
    buildable_with_errors: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [str(buildable_with_errors), "--no-config", "--format", "sarif", "--fail-on", "never"]
    code, out, _ = _run(args, capsys)
    results = json.loads(out)["runs"][0]["results"]
    assert code == 2
    assert [result["ruleId"] for result in results] == ["seed-error", "seed-error"]
