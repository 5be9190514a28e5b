"""Input formats come from one table: a format added there alone is listed, read and judged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from triage import assess_file
from triage.cli import main
from triage.inputs import FORMATS, InputFormat, format_for, seed_suffixes

ROOT = Path(__file__).resolve().parent.parent
CARD = ROOT / "examples" / "design-card" / "design-card.md"


def read_toy(data: bytes, path: Path) -> str:
    """Read the toy format: UTF-8 text with every line written backwards."""
    return "\n".join(line[::-1] for line in data.decode("utf-8").split("\n"))


@pytest.fixture()
def toy_folder(tmp_path: Path) -> Path:
    text = CARD.read_text(encoding="utf-8")
    backwards = "\n".join(line[::-1] for line in text.split("\n"))
    (tmp_path / "card.toy").write_text(backwards, encoding="utf-8")
    return tmp_path


def _toy_registered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(FORMATS, ".toy", InputFormat(f"{__name__}:read_toy", markdown=True))


def test_an_unknown_suffix_is_not_listed_in_a_folder(
    toy_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(toy_folder), "--format", "json"]) == 2
    assert "no documents" in capsys.readouterr().out


def test_a_format_registered_in_the_table_is_listed_and_judged_by_the_cli(
    toy_folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _toy_registered(monkeypatch)
    main([str(toy_folder), "--format", "json"])
    (seed,) = json.loads(capsys.readouterr().out)["seeds"]
    assert seed["file"].endswith("card.toy")
    assert seed["error"] is None
    expected = assess_file(CARD).model_dump(mode="json")
    assert seed["verdict"] == expected["verdict"]
    assert seed["summary"] == expected["summary"]


def test_an_index_bullet_may_name_a_registered_format(
    toy_folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _toy_registered(monkeypatch)
    (toy_folder / "INDEX.md").write_text("# Seeds\n\n- card.toy\n", encoding="utf-8")
    main([str(toy_folder / "INDEX.md"), "--format", "json"])
    (seed,) = json.loads(capsys.readouterr().out)["seeds"]
    assert seed["path"] == "card.toy" and seed["error"] is None


def test_the_listed_suffixes_and_the_text_formats_derive_from_the_table() -> None:
    listed = (".txt", ".md", ".markdown", ".text", ".html", ".htm", ".pdf", ".docx")
    assert seed_suffixes() == listed
    assert [format_for(Path(f"a{s}")).is_text for s in listed] == [True] * 4 + [False] * 4
    assert format_for(Path("notes.rst")).is_text  # named explicitly, read as text
    assert format_for(Path("README.MD")).markdown
