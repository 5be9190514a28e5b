"""One test per row of the README table "Bad input and what you get".

Every bad input gives an error row (or a refusal before scanning, for rules and output paths)
that says what is wrong, and never hides the other seeds of the run.
"""

from __future__ import annotations

import codecs
import os
import socket
import time
from pathlib import Path

import pytest

from tests.conftest import file_named_in_bytes
from triage import assess_file, assess_paths, load_rules
from triage.cli import main
from triage.inputs import read_document
from triage.outputs import FORMATS, render_bytes
from triage.report import SeedReport, printable

SPEC = (
    "Loan tracker\n\nThe system shall record every loan.\n"
    "Users can search the catalogue by title.\n"
)


def error_of(report: SeedReport) -> str:
    assert report.verdict is None, f"expected an error row, got {report.verdict}"
    assert report.error
    return report.error


def index_with(folder: Path, text: str) -> Path:
    index = folder / "INDEX.md"
    index.write_text(text, encoding="utf-8")
    (folder / "good.txt").write_text(SPEC, encoding="utf-8")
    return index


def rows_by_name(index: Path, **options: bool) -> dict[str, SeedReport]:
    return {seed.path: seed for seed in assess_paths([index], **options).seeds}


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert "empty file" in error_of(assess_file(path))


def test_whitespace_only(tmp_path: Path) -> None:
    path = tmp_path / "blank.md"
    path.write_text(" \n\t\n   \r\n", encoding="utf-8")
    assert "only whitespace" in error_of(assess_file(path))


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "picture.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert "not a text document" in error_of(assess_file(path))


def test_binary_without_nul_bytes(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(1, 32)) * 40)
    assert "not a text document" in error_of(assess_file(path))


def test_nul_bytes(tmp_path: Path) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(SPEC.encode() + b"\x00\x00trailing")
    assert "NUL" in error_of(assess_file(path))


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_utf16_and_bom(tmp_path: Path, encoding: str) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text(SPEC, encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_bytes(SPEC.encode(encoding))  # utf-16 writes a BOM; -le/-be do not
    expected = assess_file(plain)
    report = assess_file(other)
    assert report.error is None
    assert report.verdict == expected.verdict
    assert [(h.rule, h.line, h.column) for h in report.evidence] == [
        (h.rule, h.line, h.column) for h in expected.evidence
    ]


def test_invalid_utf8_keeps_the_valid_text(tmp_path: Path) -> None:
    path = tmp_path / "damaged.txt"
    path.write_bytes("Café naïve\n".encode() + b"\xff\xfe\xc3(" + SPEC.encode())
    report = assess_file(path)
    assert report.error is None
    assert report.evidence
    assert any("shall" in hit.excerpt for hit in report.evidence)


def test_legacy_single_byte_text(tmp_path: Path) -> None:
    heading = "R\u00e9sum\u00e9 \u2013 caf\u00e9\n"
    path = tmp_path / "legacy.txt"
    path.write_bytes((heading + SPEC).encode("cp1252"))
    assert read_document(path).text.startswith(heading)
    report = assess_file(path)
    assert report.verdict == assess_file(_utf8_copy(tmp_path, heading + SPEC)).verdict


def _utf8_copy(folder: Path, text: str) -> Path:
    path = folder / "copy.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_line_endings(tmp_path: Path, newline: str) -> None:
    unix = _utf8_copy(tmp_path, SPEC)
    other = tmp_path / "other.txt"
    other.write_bytes(SPEC.replace("\n", newline).encode())
    expected = [(h.rule, h.line, h.column, h.excerpt) for h in assess_file(unix).evidence]
    assert expected
    assert [(h.rule, h.line, h.column, h.excerpt) for h in assess_file(other).evidence] == expected


def test_200_mb_file_is_refused_fast(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: nothing is written to disk
    started = time.perf_counter()
    error = error_of(assess_file(path))
    assert time.perf_counter() - started < 1.0
    assert "size limit of 50 MB" in error
    assert "--max-bytes" in error


def test_max_bytes_is_configurable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _utf8_copy(tmp_path, SPEC)
    assert main([str(path), "--max-bytes", "10", "--format", "json"]) == 2
    assert "size limit of 10 bytes" in capsys.readouterr().out
    assert main([str(path), "--max-bytes", "1k", "--fail-on", "never"]) == 0


def test_missing_file_in_the_index(tmp_path: Path) -> None:
    index = index_with(tmp_path, "- [gone](missing.txt)\n- [good](good.txt)\n")
    rows = rows_by_name(index)
    assert "file not found" in error_of(rows["missing.txt"])
    assert rows["good.txt"].verdict is not None


@pytest.mark.parametrize("listed", ["../outside.txt", "sub/../../outside.txt", "/etc/hostname"])
def test_path_escaping_the_folder(tmp_path: Path, listed: str) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (tmp_path / "outside.txt").write_text(SPEC, encoding="utf-8")
    index = index_with(seeds, f"- [escape]({listed})\n- [good](good.txt)\n")
    rows = rows_by_name(index)
    assert "--allow-outside" in error_of(rows[listed]) or "absolute path" in error_of(rows[listed])
    assert rows["good.txt"].verdict is not None
    if listed.startswith(".."):
        assert rows_by_name(index, allow_outside=True)[listed].verdict is not None


def test_symlink_out(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text(SPEC, encoding="utf-8")
    (seeds / "link.txt").symlink_to(secret)
    (seeds / "inside.txt").symlink_to(seeds / "good.txt")
    index = index_with(seeds, "- [out](link.txt)\n- [in](inside.txt)\n")
    rows = rows_by_name(index)
    assert "symlink pointing out" in error_of(rows["link.txt"])
    assert rows["inside.txt"].verdict is not None
    assert rows_by_name(index, allow_outside=True)["link.txt"].verdict is not None


def test_symlink_out_in_a_folder_without_index(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (tmp_path / "secret.txt").write_text(SPEC, encoding="utf-8")
    (seeds / "link.txt").symlink_to(tmp_path / "secret.txt")
    (seeds / "good.txt").write_text(SPEC, encoding="utf-8")
    rows = {seed.path: seed for seed in assess_paths([seeds]).seeds}
    assert "symlink pointing out" in error_of(rows["link.txt"])
    assert rows["good.txt"].verdict is not None


def test_url_entry_is_not_fetched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("triage tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    url = "https://example.com/spec.pdf"
    index = index_with(tmp_path, f"- [remote]({url})\n- <http://example.org/x.txt>\n- good.txt\n")
    rows = rows_by_name(index)
    assert "not fetched" in error_of(rows[url])
    assert "not fetched" in error_of(rows["http://example.org/x.txt"])
    assert rows["good.txt"].verdict is not None


def test_empty_index(tmp_path: Path) -> None:
    index = tmp_path / "INDEX.md"
    index.write_bytes(b"")
    (seed,) = assess_paths([index]).seeds
    assert "lists no seeds" in error_of(seed)
    assert "triage index" in error_of(seed)


def test_index_listing_nothing_valid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    index = tmp_path / "INDEX.md"
    index.write_text("# Seeds\n\nSee the notes.txt we talked about.\n- [a](missing.md)\n")
    (seed,) = assess_paths([index]).seeds
    assert "file not found" in error_of(seed)
    assert main([str(index)]) == 2
    assert "missing.md" in capsys.readouterr().out


def test_directory_passed_as_a_seed(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    index = index_with(tmp_path, "- [folder](sub/)\n- good.txt\n")
    rows = rows_by_name(index)
    assert "is a directory" in error_of(rows["sub/"])
    assert "is a directory" in error_of(assess_file(tmp_path / "sub"))


def test_empty_directory_on_the_command_line(tmp_path: Path) -> None:
    (seed,) = assess_paths([tmp_path]).seeds
    assert "no documents" in error_of(seed)


def test_unreadable_permissions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _utf8_copy(tmp_path, SPEC)
    if os.geteuid() == 0:  # root reads anything: simulate the refusal instead
        real_open = os.open

        def refuse(name: str | Path, *args: int, **kwargs: int) -> int:
            if os.fspath(name) == os.fspath(path):
                raise PermissionError(13, "Permission denied", os.fspath(name))
            return real_open(name, *args, **kwargs)

        monkeypatch.setattr(os, "open", refuse)
    else:
        path.chmod(0)
    assert "permission denied" in error_of(assess_file(path))


def test_unreadable_index_is_an_error_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index = index_with(tmp_path, "- good.txt\n")

    def refuse(name: str | Path, *args: int, **kwargs: int) -> int:
        raise PermissionError(13, "Permission denied", os.fspath(name))

    monkeypatch.setattr(os, "open", refuse)
    (seed,) = assess_paths([index, tmp_path / "other.txt"]).seeds[:1]
    assert "permission denied" in error_of(seed)


def test_malformed_rule_file_stops_before_scanning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "mine.yaml").write_text("pack: mine\nrules:\n  - id: x\n    kind: regex\n   bad: [\n")
    seed = _utf8_copy(tmp_path, SPEC)
    assert main([str(seed), "--rules", str(rules)]) == 2
    out, err = capsys.readouterr()
    assert out == ""  # nothing was scanned or reported
    assert f"{rules / 'mine.yaml'}:5" in err
    assert "invalid YAML" in err


def test_catastrophic_regex_runs_in_linear_time(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "evil.yaml").write_text(
        "pack: evil\nrules:\n  - id: nested-plus\n    kind: regex\n    signal: feature\n"
        "    regex: '(a+)+$'\n    description: Backtracking engines explode on this.\n"
        "    examples: {fires: [aaa], quiet: [bbb]}\n"
    )
    seed = tmp_path / "adversarial.txt"
    seed.write_text("a" * 200_000 + "!\n" + "a" * 50 + "\n", encoding="utf-8")
    ruleset = load_rules([rules])
    assert ruleset.rule("nested-plus").pattern().endswith("(a+)+$")
    started = time.perf_counter()
    report = assess_file(seed, ruleset)
    assert time.perf_counter() - started < 2.0
    assert report.scores is not None
    assert [(c.rule, c.count) for c in report.scores.contributions if c.rule == "nested-plus"] == [
        ("nested-plus", 1)
    ]


def test_yaml_bomb_is_refused_quickly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "bomb.yaml").write_text(billion_laughs(), encoding="utf-8")
    started = time.perf_counter()
    assert main([str(_utf8_copy(tmp_path, SPEC)), "--rules", str(rules)]) == 2
    assert time.perf_counter() - started < 5.0
    assert "too many YAML nodes" in capsys.readouterr().err


def billion_laughs(levels: int = 9) -> str:
    lines = ['a: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"b{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def test_output_path_in_a_missing_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no" / "such" / "report.json"
    code = main([str(_utf8_copy(tmp_path, SPEC)), "--output", str(target), "--format", "json"])
    assert code == 2
    assert f"folder {target.parent} does not exist" in capsys.readouterr().err
    assert not (tmp_path / "no").exists()


def test_output_file_is_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "report.json"
    seed = _utf8_copy(tmp_path, SPEC)
    main([str(seed), "--output", str(target), "--format", "json", "--fail-on", "never"])
    assert capsys.readouterr().out == ""
    assert '"verdict"' in target.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_bom_bytes_alone_do_not_crash(tmp_path: Path) -> None:
    for bom in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_LE):
        path = tmp_path / "bom.txt"
        path.write_bytes(bom)
        assert "only whitespace" in error_of(assess_file(path))


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    assert "not a regular file" in error_of(assess_file(path))


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets here")
def test_socket_is_refused_as_no_regular_file(tmp_path: Path) -> None:
    path = tmp_path / "sock.txt"
    with socket.socket(socket.AF_UNIX) as listening:
        listening.bind(str(path))  # a socket cannot be opened to read: the open fails
        assert "not a regular file" in error_of(assess_file(path))


def test_page_with_only_scripts_has_no_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><script>var x = 'The system shall';</script></html>")
    assert "no text" in error_of(assess_file(path))


ORDER_EXPORT = b"The tool must export every order as a CSV file.\n"
# Not a spec, so that SARIF (one result per seed at the default fail-on level) names the file too.
RIVER_WALK = b"We walked by the river and talked about the weather all afternoon.\n"


def test_a_file_name_that_is_not_utf8_is_shown_and_every_format_renders(tmp_path: Path) -> None:
    file_named_in_bytes(tmp_path, b"bad\xffname.txt", RIVER_WALK)
    report = assess_paths([tmp_path])
    (seed,) = report.seeds
    assert seed.verdict is not None  # read and judged under its real name
    assert seed.file.endswith("bad\ufffdname.txt")
    for fmt in FORMATS:
        shown = render_bytes(report, fmt).decode("utf-8")
        assert ("bad%EF%BF%BDname.txt" if fmt == "sarif" else "bad\ufffdname.txt") in shown


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain.txt", "plain.txt"),
        ("café.txt", "café.txt"),
        ("bad\udcffname.txt", "bad\ufffdname.txt"),
        ("lone\ud800.txt", "lone?.txt"),
    ],
)
def test_printable(text: str, shown: str) -> None:
    assert printable(text) == shown
    assert SeedReport(path=text, file=text, error=text).error == shown


def test_explaining_a_file_whose_name_is_not_utf8(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    path = file_named_in_bytes(tmp_path, b"bad\xffname.txt", ORDER_EXPORT)
    assert main(["explain", str(path)]) == 0
    assert "bad\ufffdname.txt: " in capsysbinary.readouterr().out.decode("utf-8")
