"""Issue 14, ``triage index`` and INDEX.md reading: nothing a person wrote is lost, no seed is
invented, nothing hangs on hostile text.

Each test names the case of the issue it covers; each failed before the fix.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from triage import assess_paths
from triage.cli import main
from triage.inputs import collect_targets, parse_index, read_index
from triage.outputs import refresh_index

SPEC = "Loan tracker\n\nThe system shall record every loan.\n"


def seeds_folder(tmp_path: Path, *names: str, index: str | None = None) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for name in names:
        (folder / name).write_text(SPEC, encoding="utf-8")
    if index is not None:
        (folder / "INDEX.md").write_text(index, encoding="utf-8")
    return folder


def index_text(folder: Path) -> str:
    return (folder / "INDEX.md").read_text(encoding="utf-8")


HAND_WRITTEN = """\
# Loan tracker seeds

Collected by Ana.

- [The brief](brief.md) — reviewed by Ana, v2 pending
  Bob wants the overdue rules first.
- notes.txt
- [Old draft](gone.md) — superseded
  see the brief instead

## Notes

Ask Bob which export format the bank takes.
"""


def test_refresh_keeps_text_below_the_list_remarks_and_bullets(tmp_path: Path) -> None:
    folder = seeds_folder(tmp_path, "brief.md", "notes.txt", "new-spec.md", index=HAND_WRITTEN)
    update = refresh_index(folder)
    assert index_text(folder) == HAND_WRITTEN.replace(
        "- [Old draft](gone.md) — superseded\n  see the brief instead\n",
        "- [new spec](new-spec.md)\n",
    )
    assert update.added == ("new-spec.md",) and update.dropped == ("gone.md",)


def test_an_up_to_date_bullet_index_is_up_to_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = seeds_folder(tmp_path, "brief.md", "notes.txt", "gone.md", index=HAND_WRITTEN)
    assert main(["index", str(folder), "--check"]) == 0
    assert "up to date (3 seeds)" in capsys.readouterr().out
    assert main(["index", str(folder)]) == 0
    assert index_text(folder) == HAND_WRITTEN


@pytest.mark.parametrize(
    ("listed", "new_line"),
    [
        ("1. [Brief](brief.md)\n2. [Notes](notes.txt)\n", "3. [new](new.md)\n"),
        ("* brief.md\n* notes.txt\n", "* new.md\n"),
        ("  + `brief.md`\n  + `notes.txt`\n", "  + `new.md`\n"),
        ("- [brief.md](brief.md)\n", "- [new.md](new.md)\n"),
        (
            "| File | What | Owner |\n|---|---|---|\n| [x](brief.md) | The brief | Ana |\n",
            "| [new.md](new.md) | new |  |\n",
        ),
        ("| File | What |\n|---|---|\n| `brief.md` | The brief |\n", "| `new.md` | new |\n"),
        ("[brief]: brief.md\n", "[new]: new.md\n"),
    ],
    ids=["numbered", "bare", "ticked", "link-named", "table", "ticked-table", "reference"],
)
def test_new_files_join_the_list_in_its_own_form(
    tmp_path: Path, listed: str, new_line: str
) -> None:
    folder = seeds_folder(tmp_path, "brief.md", "notes.txt", "new.md")
    head = "# Seeds\n\n"
    (folder / "INDEX.md").write_text(head + listed + "\nThe end.\n", encoding="utf-8")
    if "notes.txt" not in listed:
        (folder / "notes.txt").unlink()
    refresh_index(folder)
    assert index_text(folder) == head + listed + new_line + "\nThe end.\n"


def test_a_name_a_form_cannot_hold_is_written_as_a_link(tmp_path: Path) -> None:
    folder = seeds_folder(tmp_path, "brief.md", "a - b.md", "c|d.md", "e\x1bf.md")
    (folder / "INDEX.md").write_text("- brief.md\n", encoding="utf-8")
    refresh_index(folder)
    text = index_text(folder)
    assert "- [a b](a%20-%20b.md)\n" in text and "- c|d.md\n" in text
    assert "- [e\ufffdf](e%1Bf.md)\n" in text
    assert "\x1b" not in text
    assert sorted(path for path, _ in parse_index(text)) == sorted(
        ["brief.md", "a%20-%20b.md", "c|d.md", "e%1Bf.md"]
    )
    assert not refresh_index(folder).changed


def test_line_endings_are_kept(tmp_path: Path) -> None:
    folder = seeds_folder(tmp_path, "brief.md", "new.md")
    (folder / "INDEX.md").write_bytes(b"# Seeds\r\n\r\n- brief.md\r\n\r\nNotes.\r\n")
    refresh_index(folder)
    assert (folder / "INDEX.md").read_bytes() == (
        b"# Seeds\r\n\r\n- brief.md\r\n- new.md\r\n\r\nNotes.\r\n"
    )


def test_refused_files_are_reported_as_refused_not_gone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text(SPEC)
    folder = seeds_folder(tmp_path, "brief.md")
    (folder / "link.md").symlink_to(outside)
    os.mkfifo(folder / "pipe.txt")
    with open(folder / "huge.txt", "wb") as handle:
        handle.truncate(51 * 1024 * 1024)  # sparse: over the 50 MB limit, nothing written
    (folder / "new-link.md").symlink_to(outside)
    listed = "- brief.md\n- link.md\n- pipe.txt\n- huge.txt\n"
    (folder / "INDEX.md").write_text(listed)
    assert main(["index", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "file gone" not in out
    assert "kept, but a run refuses: link.md (symlink pointing out" in out
    assert "pipe.txt (not a regular file" in out and "huge.txt (51 MB" in out
    assert "not added, a run would refuse: new-link.md (symlink pointing out" in out
    assert index_text(folder) == listed


def test_a_gone_file_on_a_line_with_other_seeds_is_left_for_a_person(tmp_path: Path) -> None:
    folder = seeds_folder(tmp_path, "brief.md")
    listed = "- [brief](brief.md), replaces [old](old.md)\n"
    (folder / "INDEX.md").write_text(listed)
    update = refresh_index(folder)
    assert update.by_hand == ("old.md",) and update.changed and not update.dropped
    assert index_text(folder) == listed


CODE_AND_IMAGES = """\
# Seeds

- [Spec](spec.md) ![diagram](diagram.md)
- write links as `[title](file.md)`, e.g. `- [Brief](inline.md)`
- ![only an image](image.md)
- [![badge](badge.png)](linked.md)

An entry looks like this:

    [indented code](indented.md)

```
- [fenced](fenced.md)
```
"""


def test_inline_code_code_blocks_and_images_are_not_seeds() -> None:
    assert [path for path, _ in parse_index(CODE_AND_IMAGES)] == ["spec.md", "linked.md"]


def test_an_indented_line_under_a_list_item_is_no_code_block() -> None:
    text = "- [a](a.md)\n\n    [b](b.md), more about a\n\n      - [c](c.md)\n"
    assert [path for path, _ in parse_index(text)] == ["a.md", "b.md", "c.md"]


def test_an_index_listing_itself_does_not_triage_itself(tmp_path: Path) -> None:
    folder = seeds_folder(tmp_path, "brief.md", index="- [this list](INDEX.md)\n- brief.md\n")
    report = assess_paths([folder])
    assert [seed.path for seed in report.seeds] == ["brief.md"]
    assert not refresh_index(folder, write=False).changed
    (folder / "INDEX.md").write_text("- [this list](./INDEX.md)\n")
    [row] = assess_paths([folder]).seeds
    assert row.error is not None and "lists only itself" in row.error


INDEX_LIKE = "# Reading list\n\n- [Brief](brief.md)\n- [Notes](notes.txt)\n- [Old](old.txt)\n"


def test_a_markdown_index_named_otherwise_is_one_document_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = seeds_folder(tmp_path, "brief.md", "notes.txt")
    (folder / "list.md").write_text(INDEX_LIKE)
    with caplog.at_level(logging.WARNING, logger="triage"):
        targets = collect_targets([folder / "list.md"])
    assert [target.listed for target in targets] == [(folder / "list.md").as_posix()]
    assert "reads like an index (2 of its 3 lines link files next to it)" in caplog.text
    assert "name it INDEX.md or give its folder" in caplog.text
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="triage"):
        collect_targets([folder / "brief.md", folder / "notes.txt"])
    assert caplog.text == ""


def test_the_index_like_warning_reaches_stderr_once(tmp_path: Path) -> None:
    folder = seeds_folder(tmp_path, "brief.md", "notes.txt")
    (folder / "list.md").write_text(INDEX_LIKE)
    done = subprocess.run(
        [sys.executable, "-m", "triage", "--format", "json", str(folder / "list.md")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr
    assert done.stderr.count("reads like an index") == 1
    assert done.stderr.startswith("triage: warning: ")


def test_max_bytes_applies_to_the_index(tmp_path: Path) -> None:
    folder = seeds_folder(tmp_path, "brief.md", index="- brief.md\n" + "x" * 3000 + "\n")
    [refused] = read_index(folder / "INDEX.md", max_bytes=1024)
    assert refused.error is not None and "over the size limit of 1 KB" in refused.error
    assert "--max-bytes" in refused.error
    [seed] = collect_targets([folder], max_bytes=1 << 20)
    assert seed.error is None and seed.listed == "brief.md"
    big = "- brief.md\n<!--" + "x" * (6 << 20) + "-->\n"  # 6 MB: over the old fixed 5 MB
    (folder / "INDEX.md").write_text(big)
    [seed] = collect_targets([folder])
    assert seed.error is None


HOSTILE = ["[a](", "<!--", "<a:", "[", "](", "![a](", "[a](<", "`` `", "- a" + " " * 60]


@pytest.mark.parametrize("unit", HOSTILE)
def test_hostile_index_text_is_read_in_linear_time(unit: str) -> None:
    text = unit * (200_000 // len(unit))  # before: '[a](' x 50000 took minutes
    started = time.perf_counter()
    parse_index(text)
    parse_index(text.replace(unit, unit + "\n", 500))
    assert time.perf_counter() - started < 5


def test_a_hostile_index_gives_rows_quickly(tmp_path: Path) -> None:
    folder = seeds_folder(tmp_path, "brief.md", index="- brief.md\n" + "[a](" * 50_000 + "\n")
    started = time.perf_counter()
    assert main(["--format", "json", "-qq", str(folder)]) in (0, 1)
    assert time.perf_counter() - started < 30


def test_a_file_named_like_a_drive_path_is_listed_so_a_run_reads_it(tmp_path: Path) -> None:
    (tmp_path / "A:x.md").write_text("The tool shall list files.", encoding="utf-8")
    (tmp_path / "INDEX.md").write_text("# Seeds\n\n- [Brief](brief.md)\n", encoding="utf-8")
    (tmp_path / "brief.md").write_text("A brief.", encoding="utf-8")
    refresh_index(tmp_path)
    assert "- [A:x](./A:x.md)" in (tmp_path / "INDEX.md").read_text(encoding="utf-8")
    targets = collect_targets([tmp_path / "INDEX.md"])
    assert [t.error for t in targets] == [None, None]
    (tmp_path / "A:x.md").unlink()
    assert refresh_index(tmp_path).dropped == ("A:x.md",)
