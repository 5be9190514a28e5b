"""Index: which seeds an INDEX.md names, and paths that may not leave its folder."""

from __future__ import annotations

from pathlib import Path

from triage.inputs import collect_targets, parse_index, read_index

INDEX = """\
# Seeds for project X

Some prose with a [link to an anchor](#top) that is not a seed.

| seed | title |
|------|-------|
| [brief.md](brief.md) | The brief |
| notes.txt | Meeting notes |

- [Spec](docs/spec%20v2.md)
- other.txt
- just a remark, not a path
- [brief again](brief.md)

```
- inside.txt
```
<!-- - commented.txt -->
"""


def test_links_tables_and_bullets_are_seeds_in_order_once() -> None:
    listed = [path for path, _ in parse_index(INDEX)]
    assert listed == ["brief.md", "notes.txt", "docs/spec%20v2.md", "other.txt"]


def test_titles_are_kept() -> None:
    assert dict(parse_index(INDEX))["notes.txt"] == "Meeting notes"


def test_url_encoded_paths_resolve(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "spec v2.md").write_text("x")
    (tmp_path / "INDEX.md").write_text("- [Spec](docs/spec%20v2.md)\n")
    [target] = read_index(tmp_path / "INDEX.md")
    assert target.path is not None and target.path.is_file() and target.error is None


def test_escaping_paths_and_urls_become_error_rows(tmp_path: Path) -> None:
    (tmp_path / "INDEX.md").write_text(
        "- [up](../secret.txt)\n- [abs](/etc/passwd.txt)\n- https://example.com/spec.md\n"
    )
    errors = [t.error for t in read_index(tmp_path / "INDEX.md")]
    assert errors[0] is not None and "leaves the index's folder" in errors[0]
    assert errors[1] is not None and "absolute path" in errors[1]
    assert errors[2] is not None and "not fetched" in errors[2]


def test_symlink_out_of_the_folder_is_refused_unless_allowed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("x")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "link.txt").symlink_to(outside)
    (seeds / "INDEX.md").write_text("- link.txt\n")
    [refused] = read_index(seeds / "INDEX.md")
    [allowed] = read_index(seeds / "INDEX.md", allow_outside=True)
    assert refused.error is not None and allowed.error is None


def test_folder_without_index_lists_its_documents(tmp_path: Path) -> None:
    for name in ("b.md", "a.txt", "image.png"):
        (tmp_path / name).write_text("x")
    assert [t.listed for t in collect_targets([tmp_path])] == ["a.txt", "b.md"]
