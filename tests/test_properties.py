"""Property-based tests: whatever the bytes or the index text, the library answers, the same way.

Arbitrary bytes as a seed and arbitrary text as an INDEX.md never raise out of the library;
every seed gets a verdict or an error row, never both, never neither; the same input gives
byte-identical JSON.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from triage import Report, SeedReport, assess_file, assess_paths
from triage.inputs import entry_key, index_entries, parse_index
from triage.outputs import refresh_index, render_index
from triage.outputs.indexform import entry_lines

SUFFIXES = st.sampled_from([".txt", ".md", ".html", ".pdf", ".docx", ".bin", ""])
MARKUP = st.sampled_from(
    ["[", "](", ")", "|", "- ", "* ", "`", "<!--", "-->", "```", "\n", "../", "/", "%20", "http://",
     ".txt", ".md", "seed", " ", "<", ">", "\\", ":", "#", "\x00", "INDEX.md", "."]
)  # fmt: skip
INDEX_TEXT = st.one_of(st.text(max_size=300), st.lists(MARKUP, max_size=40).map("".join))
SEED_TEXT = "The system shall record every loan.\nUsers can search by title.\n"
PROPERTY_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def is_row(seed: SeedReport) -> bool:
    return (seed.verdict is None) != (seed.error is None)


@PROPERTY_SETTINGS
@given(data=st.binary(max_size=2000), suffix=SUFFIXES)
def test_any_bytes_give_a_verdict_or_an_error_row(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"seed{suffix}"
        path.write_bytes(data)
        first = assess_file(path)
        second = assess_file(path)
    assert is_row(first)
    assert first.model_dump_json() == second.model_dump_json()


@PROPERTY_SETTINGS
@given(text=st.text(max_size=400), suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_any_text_in_any_encoding_gives_a_row(text: str, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for encoding in ("utf-8", "utf-16", "utf-8-sig"):
            path = Path(folder) / f"seed{suffix}"
            path.write_bytes(text.encode(encoding, errors="surrogatepass"))
            assert is_row(assess_file(path))


@PROPERTY_SETTINGS
@given(text=INDEX_TEXT)
def test_any_index_text_gives_rows_for_every_seed(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "seed.txt").write_text(SEED_TEXT, encoding="utf-8")
        (root / "seed.md").write_text(SEED_TEXT, encoding="utf-8")
        (root / "INDEX.md").write_text(text, encoding="utf-8", errors="surrogatepass")
        first: Report = assess_paths([root])
        second = assess_paths([root])
    assert first.seeds
    assert all(is_row(seed) for seed in first.seeds)
    assert first.bundle.seeds == len(first.seeds)
    assert first.model_dump_json() == second.model_dump_json()


@PROPERTY_SETTINGS
@given(text=INDEX_TEXT)
def test_parse_index_is_deterministic_and_lists_each_entry_once(text: str) -> None:
    entries = parse_index(text)
    assert entries == parse_index(text)
    assert len({path for path, _ in entries}) == len(entries)


NAME_CHARS = st.characters(blacklist_categories=["Cs", "Cc"], blacklist_characters="/\\")
FILE_NAMES = st.text(NAME_CHARS, min_size=1, max_size=20).map(lambda stem: f"{stem.strip()}x.md")
TITLES = st.text(st.characters(blacklist_categories=["Cs", "Cc"]), max_size=30)


@PROPERTY_SETTINGS
@given(entries=st.lists(st.tuples(FILE_NAMES, TITLES), max_size=6, unique_by=lambda e: e[0]))
def test_written_index_reads_back(entries: list[tuple[str, str]]) -> None:
    parsed = parse_index(render_index("# Seeds", entries))
    expected = {name: " ".join(title.split()) for name, title in entries}
    assert {entry_key(path): title for path, title in parsed} == expected


# INDEX.md written by triage index, then annotated by a person: it reads back, and a refresh keeps
# every line a person wrote (issue 14).
REMARKS = st.text(
    st.characters(whitelist_categories=["L", "N", "Zs"]), min_size=1, max_size=20
).filter(str.strip)  # a remark has words; a dash followed by nothing is no remark
MODEL_LINES = st.sampled_from(
    ["- [Brief](brief.md)", "3. brief.md", "* `brief.md`", "| [brief.md](brief.md) | Brief |",
     "| `brief.md` | Brief | owner |", "[brief]: brief.md", "See [Brief](brief.md)."]
)  # fmt: skip
SAFE_NAMES = FILE_NAMES.filter(lambda name: not name.startswith("."))


def with_remark(line: str, remark: str) -> str:
    """Return a written entry line with a person's remark after it, as people add them."""
    return f"{line} {remark} |" if line.lstrip().startswith("|") else f"{line} \u2014 {remark}"


@PROPERTY_SETTINGS
@given(
    names=st.lists(SAFE_NAMES, min_size=1, max_size=5, unique=True),
    model_line=MODEL_LINES,
    remarks=st.lists(REMARKS, min_size=5, max_size=5),
)
def test_written_entries_with_remarks_read_back(
    names: list[str], model_line: str, remarks: list[str]
) -> None:
    [model] = index_entries(model_line)
    lines = entry_lines(model_line, model, names)
    annotated = [with_remark(line, remark) for line, remark in zip(lines, remarks, strict=False)]
    for text in ("\n".join(lines), "\n".join(annotated)):
        assert [entry_key(path) for path, _ in parse_index(text)] == names


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    names=st.lists(SAFE_NAMES, min_size=2, max_size=5, unique=True),
    model_line=MODEL_LINES,
    remarks=st.lists(REMARKS, min_size=5, max_size=5),
    gone=st.integers(min_value=0, max_value=4),
)
def test_refresh_keeps_every_line_a_person_wrote(
    names: list[str], model_line: str, remarks: list[str], gone: int
) -> None:
    *listed, new = names
    [model] = index_entries(model_line)
    entry_rows = [
        with_remark(line, remark)
        for line, remark in zip(entry_lines(model_line, model, listed), remarks, strict=False)
    ]
    text = "# Seeds\n\nBy Ana.\n\n" + "\n".join(entry_rows) + "\n\n## Notes\n\nKeep me.\n"
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for name in listed:
            (root / name).write_text(SEED_TEXT, encoding="utf-8")
        (root / "INDEX.md").write_text(text, encoding="utf-8")
        assert not refresh_index(root, write=False).changed
        gone_name = listed[gone % len(listed)]
        (root / gone_name).unlink()
        (root / new).write_text(SEED_TEXT, encoding="utf-8")
        update = refresh_index(root)
        after = (root / "INDEX.md").read_text(encoding="utf-8")
    kept = [line for line in text.splitlines() if line != entry_rows[gone % len(listed)]]
    assert [line for line in after.splitlines() if line in kept] == kept
    assert update.dropped == (gone_name,) and update.added == (new,)
    assert {entry_key(path) for path, _ in parse_index(after)} == {*listed, new} - {gone_name}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(unit=st.lists(MARKUP, min_size=1, max_size=6).map("".join))
def test_adversarial_repeats_are_read_in_bounded_time(unit: str) -> None:
    text = unit * (60_000 // len(unit))
    started = time.perf_counter()
    parse_index(text)
    assert time.perf_counter() - started < 2  # linear: about 0.05 s; quadratic: minutes
