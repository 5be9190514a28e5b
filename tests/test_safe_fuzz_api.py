"""Issue 14: the library's edges: empty and wrong-typed input, the README's examples as copied."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import CSV_PACK
from triage import assess_file, assess_index, assess_text, load_rules
from triage.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_an_empty_text_is_the_error_row_an_empty_seed_file_gives(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = assess_text("")
    assert report.verdict is None
    assert report.error == "<text>: empty text, nothing to triage; send the seed's content"
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["--format", "json", str(tmp_path / "empty.txt")]) == 2
    assert "empty file, nothing to triage; send the seed's content" in capsys.readouterr().out


@pytest.mark.parametrize("text", [" \n\t\n", "**  **\n<b></b>\n"])
def test_a_text_of_whitespace_or_markup_is_an_error_row(text: str) -> None:
    report = assess_text(text, name="blank.md", markdown=True)
    assert report.verdict is None
    assert report.error == "blank.md: no text, only whitespace or markup; send the seed's content"


@pytest.mark.parametrize(("value", "kind"), [(None, "NoneType"), (b"bytes", "bytes"), (3, "int")])
def test_assess_text_of_a_non_string_is_a_clear_type_error(value: object, kind: str) -> None:
    with pytest.raises(TypeError, match=f"assess_text takes a str, not {kind}; decode bytes"):
        assess_text(value)  # type: ignore[arg-type]


def test_assess_file_of_a_non_path_is_a_clear_type_error() -> None:
    with pytest.raises(TypeError, match="assess_file takes a path \\(str or Path\\), not NoneType"):
        assess_file(None)  # type: ignore[arg-type]


def test_the_readme_load_rules_example_works_as_copied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "my-rules").mkdir()
    (tmp_path / "my-rules" / "mine.yaml").write_text(CSV_PACK, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert 'load_rules(["my-rules/"], disable=["modal-shall"])' in readme
    bundle = assess_index("seeds/INDEX.md", load_rules(["my-rules/"], disable=["modal-shall"]))
    assert bundle.seeds
    rules = load_rules(["my-rules/"], disable=["modal-shall"])
    assert "csv-export" in {rule.id for rule in rules.rules}
    assert "modal-shall" not in {rule.id for rule in rules.rules}


def test_one_folder_or_one_id_may_be_given_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "my-rules").mkdir()
    (tmp_path / "my-rules" / "mine.yaml").write_text(CSV_PACK, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    alone = load_rules("my-rules/", disable="modal-shall")
    assert alone == load_rules([Path("my-rules")], disable=["modal-shall"])
