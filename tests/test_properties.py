"""Property-based tests: whatever the bytes or the index text, the library answers, the same way.

Arbitrary bytes as a seed and arbitrary text as an INDEX.md never raise out of the library;
every seed gets a verdict or an error row, never both, never neither; the same input gives
byte-identical JSON.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from urllib.parse import unquote

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from triage import Report, SeedReport, assess_file, assess_paths
from triage.inputs import parse_index
from triage.outputs import render_index

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
    assert {unquote(path): title for path, title in parsed} == expected
