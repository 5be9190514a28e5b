"""INDEX.md as people write it, and ``triage index`` writing one."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from tests.conftest import file_named_in_bytes
from triage import assess_paths
from triage.cli import main
from triage.inputs import entry_key, parse_index
from triage.outputs import refresh_index, render_index

SPEC = "Loan tracker\n\nThe system shall record every loan.\n"


def test_links_tables_bullets_and_references() -> None:
    text = """# Seeds for the loan tracker

Intro prose mentioning notes.txt is not an entry.

- [The brief](brief.md "hover title")
* [Spaced name](<my notes.txt>)
+ [Encoded](design%20v2.md)
- `raw/path with spaces.txt` - a bare path with a title
- plain.html
1. numbered.pdf: numbered bullet

| File | What |
|------|------|
| [table link](tbl.docx) | a linked row |
| table-plain.txt | plain row |
| `ticked.md` | ticks |
| not a path | ignored |

[ref]: referenced.txt
"""
    assert parse_index(text) == [
        ("brief.md", "The brief"),
        ("my notes.txt", "Spaced name"),
        ("design%20v2.md", "Encoded"),
        ("raw/path with spaces.txt", "a bare path with a title"),
        ("plain.html", ""),
        ("numbered.pdf", "numbered bullet"),
        ("tbl.docx", "a linked row"),
        ("table-plain.txt", "plain row"),
        ("ticked.md", "ticks"),
        ("referenced.txt", "ref"),
    ]


def test_comments_code_and_prose_are_ignored() -> None:
    text = """Some prose with a [link to a section](#usage) and [mail](mailto:a@b.c).
<!-- - hidden.txt
[also hidden](hidden.md) -->
```
- in-code.txt
```
~~~md
[fenced](fenced.md)
~~~
- Remember to read the design.md file first
- Read this: notes.txt
- kept.txt
"""
    assert parse_index(text) == [("kept.txt", "")]


def test_duplicates_are_listed_once() -> None:
    text = "- [a](a b.txt)\n- [again](./a%20b.txt)\n| a b.txt | row |\n- [other](b.txt)\n"
    assert parse_index(text) == [("a b.txt", "a"), ("b.txt", "other")]


def test_duplicates_are_triaged_once(tmp_path: Path) -> None:
    (tmp_path / "a b.txt").write_text(SPEC)
    (tmp_path / "INDEX.md").write_text("- [a](a%20b.txt)\n- [b](<./a b.txt>)\n")
    report = assess_paths([tmp_path, tmp_path / "a b.txt"])
    assert [seed.path for seed in report.seeds] == ["a%20b.txt"]
    assert report.seeds[0].file == f"{tmp_path.as_posix()}/a b.txt"


def test_escaped_pipes_and_brackets_in_tables() -> None:
    text = "| [a \\[draft\\]](a.md) | pros \\| cons |\n"
    assert parse_index(text) == [("a.md", "pros | cons")]


def test_entry_key_normalises_spellings() -> None:
    assert entry_key("./docs/../a%20b.txt") == entry_key("a b.txt") == "a b.txt"
    assert entry_key("docs\\spec.md") == "docs/spec.md"
    assert entry_key("https://x.org/a%20b") == "https://x.org/a%20b"


def folder_with(tmp_path: Path, *names: str) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for name in names:
        (folder / name).write_text(SPEC, encoding="utf-8")
    return folder


def test_index_command_writes_an_index_that_reads_back(tmp_path: Path) -> None:
    names = ("b.md", "a (draft) #1.txt", "x|y [z].html", "100%.txt", "\u00e9t\u00e9 notes.md")
    folder = folder_with(tmp_path, *names, "ignored.png", ".hidden.txt")
    assert main(["index", str(folder)]) == 0
    listed = parse_index((folder / "INDEX.md").read_text(encoding="utf-8"))
    assert [entry_key(path) for path, _ in listed] == sorted(names)
    report = assess_paths([folder])
    assert [seed.error for seed in report.seeds] == [None] * len(names)


def test_refresh_keeps_titles_order_and_preamble(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, "one.txt", "two.txt", "new.md")
    (folder / "INDEX.md").write_text(
        "# Loan tracker seeds\n\nWritten by Ana.\n\n"
        "- [Second, by hand](two.txt)\n- [First, by hand](one.txt)\n- [Gone](gone.txt)\n"
        "- [Remote](https://example.com/x.pdf)\n"
    )
    update = refresh_index(folder)
    text = (folder / "INDEX.md").read_text()
    assert text == (
        "# Loan tracker seeds\n\nWritten by Ana.\n\n"
        "- [Second, by hand](two.txt)\n- [First, by hand](one.txt)\n"
        "- [Remote](https://example.com/x.pdf)\n- [new](new.md)\n"
    )
    assert parse_index(text) == [
        ("two.txt", "Second, by hand"),
        ("one.txt", "First, by hand"),
        ("https://example.com/x.pdf", "Remote"),
        ("new.md", "new"),
    ]
    assert update.added == ("new.md",)
    assert update.dropped == ("gone.txt",)


def test_refresh_without_changes_does_not_touch_the_file(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, "one.txt")
    refresh_index(folder)
    index = folder / "INDEX.md"
    os.utime(index, (1_000_000, 1_000_000))
    update = refresh_index(folder)
    assert not update.changed
    assert index.stat().st_mtime == 1_000_000


def test_index_check_mode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = folder_with(tmp_path, "one.txt")
    assert main(["index", str(folder), "--check"]) == 1
    assert not (folder / "INDEX.md").exists()
    assert "out of date" in capsys.readouterr().out
    assert main(["index", str(folder)]) == 0
    assert main(["index", str(folder), "--check"]) == 0


def test_index_of_a_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index", str(tmp_path / "nope")]) == 2
    assert "not a folder" in capsys.readouterr().err


def test_index_is_replaced_atomically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = folder_with(tmp_path, "one.txt")
    (folder / "INDEX.md").write_text("- [mine](one.txt)\n- two.txt\n")
    before = (folder / "INDEX.md").read_text()

    def crash(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    assert main(["index", str(folder)]) == 2
    assert (folder / "INDEX.md").read_text() == before
    assert sorted(p.name for p in folder.iterdir()) == ["INDEX.md", "one.txt"]


def test_render_index_round_trips_titles() -> None:
    entries = [("a.txt", "Title with | pipe and [brackets]"), ("sub/b c.md", "")]
    assert parse_index(render_index("# Seeds", entries)) == [
        ("a.txt", "Title with | pipe and [brackets]"),
        ("sub/b%20c.md", ""),
    ]


def snapshot(folder: Path) -> dict[str, tuple[str, float]]:
    return {
        str(path.relative_to(folder)): (
            hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir",
            path.stat().st_mtime,
        )
        for path in sorted(folder.rglob("*"))
    }


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--format", "json"],
        ["--format", "text", "--fail-on", "never"],
        ["seeds/INDEX.md"],
        ["seeds/a.txt", "seeds/sub"],
        ["rules", "list"],
        ["rules", "test"],
        ["index", "seeds", "--check"],
    ],
    ids=lambda argv: " ".join(argv) or "(no arguments)",
)
def test_no_command_but_index_writes_into_the_seeds_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    seeds = folder_with(tmp_path, "a.txt", "b.md")
    (seeds / "sub").mkdir()
    (seeds / "sub" / "c.txt").write_text(SPEC)
    (seeds / "INDEX.md").write_text("- [a](a.txt)\n- [missing](gone.txt)\n")
    monkeypatch.chdir(tmp_path)
    before = snapshot(seeds)
    main(argv)
    assert snapshot(seeds) == before


def test_the_index_command_is_the_one_that_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Guard for the test above: the snapshot does see a change when one happens."""
    seeds = folder_with(tmp_path, "a.txt", "b.md")
    (seeds / "INDEX.md").write_text("- [a](a.txt)\n")
    monkeypatch.chdir(tmp_path)
    before = snapshot(seeds)
    assert main(["index"]) == 0
    assert snapshot(seeds) != before


def test_index_command_refuses_a_symlinked_index(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = folder_with(tmp_path, "one.txt")
    elsewhere = tmp_path / "elsewhere.md"
    elsewhere.write_text("- one.txt\n")
    (folder / "INDEX.md").symlink_to(elsewhere)
    assert main(["index", str(folder)]) == 2
    assert "is a symlink" in capsys.readouterr().err
    assert elsewhere.read_text() == "- one.txt\n"


def test_an_index_of_a_name_that_is_not_utf8_reads_back_to_that_file(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    content = b"The tool must export every order as a CSV file.\n"
    file_named_in_bytes(tmp_path, b"caf\xe9 notes.txt", content)  # Latin-1, as old archives have
    assert main(["index", str(tmp_path)]) == 0
    assert "new: caf\ufffd notes.txt" in capsysbinary.readouterr().out.decode("utf-8")
    written = (tmp_path / "INDEX.md").read_text(encoding="utf-8")
    assert "](caf%E9%20notes.txt)" in written and "[caf\ufffd notes.txt]" in written
    (seed,) = assess_paths([tmp_path / "INDEX.md"]).seeds
    assert seed.error is None and seed.file.endswith("caf\ufffd notes.txt")
    assert not refresh_index(tmp_path).changed  # the entry is known again, not re-added
