"""Documents: decoding, line endings and Markdown cleaning keep line and column numbers true."""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from triage.errors import InputError
from triage.inputs import HTML_TAGS, decode, make_document, read_document, read_limited


def test_markdown_markup_is_blanked_without_moving_text() -> None:
    raw = "# Title\n\nSee **the [docs](http://x.y/z)** and `code`.\n"
    doc = make_document(raw, markdown=True)
    assert len(doc.text) == len(raw)
    assert "http" not in doc.text and "**" not in doc.text
    offset = doc.text.index("code")
    assert doc.locate(offset) == (3, raw.splitlines()[2].index("code") + 1)


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_numbers_survive_any_line_ending(newline: str) -> None:
    doc = make_document(newline.join(["one", "two", "three target"]))
    assert doc.locate(doc.text.index("target")) == (3, 7)


def test_excerpt_is_the_line_around_the_hit_trimmed() -> None:
    doc = make_document("first line\n" + "word " * 40 + "needle " + "word " * 40 + "\nlast")
    start = doc.text.index("needle")
    excerpt = doc.excerpt(start, start + 6)
    assert "needle" in excerpt and excerpt.startswith("…") and excerpt.endswith("…")
    assert len(excerpt) <= 92


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (codecs.BOM_UTF8 + "café".encode(), "café"),
        (codecs.BOM_UTF16_LE + "café".encode("utf-16-le"), "café"),
        ("café".encode(), "café"),
        ("café".encode("cp1252"), "café"),
    ],
)
def test_decode_handles_boms_utf8_and_legacy_bytes(data: bytes, expected: str) -> None:
    assert decode(data) == expected


def test_binary_is_refused_as_not_a_text_document() -> None:
    with pytest.raises(InputError, match="not a text document"):
        decode(b"\x89PNG\x00\x00\x01")


def test_missing_file_and_directory_give_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_document(tmp_path)


def test_size_limit_is_named(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("x" * 100)
    with pytest.raises(InputError, match="over the size limit of 10 bytes"):
        read_document(big, max_bytes=10)


def test_markdown_noise_is_blanked_as_by_the_plain_regex() -> None:
    import random
    import re

    full = re.compile(  # the plain form of the noise regex: look-behind and line starts
        r"(?<=\])\([^)\s]*(?:\s+\"[^\"]*\")?\)"
        rf"|</?(?:{HTML_TAGS})\b[^>\n]{{0,200}}>|<!--|-->"
        r"|\*\*|__|^[ \t]{0,3}>",
        re.IGNORECASE | re.MULTILINE,
    )
    pieces = ["](x)", '[a](b "t")', "<b>", "</em >", "<b__>", "<!--", "-->", "**", "__", "> "]
    pieces += ["\n>", "\n   > q", "***", "x", " ", "\n", "é", "]", "(", "<", ">", "_", "*"]
    pieces += ['](a\n"t\n>")', "\t", "-", "<a\n>", "](", '"', ")"]
    pieces += ["<i ](a>", "](b)", "<!---", "<b **>", "_**_", "](x<!--)"]  # one kind inside another
    rng = random.Random(3)
    root = Path(__file__).resolve().parent.parent
    texts = [p.read_text(encoding="utf-8") for p in sorted(root.glob("*.md"))]
    texts += ["".join(rng.choices(pieces, k=rng.randint(0, 60))) for _ in range(2000)]
    for text in texts:
        expected = full.sub(lambda m: " " * len(m.group()), text)
        assert make_document(text, markdown=True).text == expected


def _stat_saying(size: int, real: Callable[..., os.stat_result]) -> Callable[..., os.stat_result]:
    def fake(descriptor: int) -> os.stat_result:
        fields = list(real(descriptor))
        fields[stat.ST_SIZE] = size
        return os.stat_result(fields)

    return fake


def test_a_file_that_grows_after_its_size_was_read_is_read_whole_or_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed = tmp_path / "seed.txt"
    seed.write_bytes(b"x" * 100)
    monkeypatch.setattr(os, "fstat", _stat_saying(10, os.fstat))  # it was 10 bytes when seen
    assert read_limited(seed, max_bytes=1000) == b"x" * 100
    with pytest.raises(InputError, match="grew while being read"):
        read_limited(seed, max_bytes=50)


def test_a_path_with_a_nul_character_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_limited(tmp_path / "a\x00b.txt", max_bytes=100)
