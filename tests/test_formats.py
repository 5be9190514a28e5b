"""Seeds in every supported format: readers, line mapping, and the same verdict for the same text.

The PDF, Word and HTML fixtures are written here, by the test, with the libraries.
"""

from __future__ import annotations

import html
import io
import sys
import zipfile
from pathlib import Path

import pytest

from triage import assess_file
from triage.inputs import readers
from triage.report import SeedReport

SPEC = [
    "Library loan tracker: requirements",
    "",
    "The system shall record every loan with the borrower, the book and the due date.",
    "Users can search the catalogue by title, author or ISBN.",
    "As a librarian, I want to see overdue loans so that I can send reminders.",
    "The service must expose a REST API returning JSON.",
    "The search must respond within 200 ms at the 95th percentile for 10,000 books.",
    "Acceptance criteria: a loan past its due date appears in the overdue list the next morning.",
]
OPINION = [
    "Why our city deserves better parks",
    "",
    "I have lived here for twenty years, and frankly the state of our parks is a disgrace.",
    "The council keeps promising change, yet nothing happens. Is it too much to ask for benches?",
    "In my view, the mayor should resign. Critics argue that budgets are tight, but that is weak.",
    "We must demand better, and we must demand it now.",
]


def write_txt(folder: Path, lines: list[str]) -> Path:
    path = folder / "seed.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_md(folder: Path, lines: list[str]) -> Path:
    body = [
        f"# {lines[0]}",
        *(f"**{line}**" if line.startswith("The") else line for line in lines[1:]),
    ]
    path = folder / "seed.md"
    path.write_text("\n".join(body) + "\n", encoding="utf-8")
    return path


def write_html(folder: Path, lines: list[str]) -> Path:
    paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines[1:] if line)
    page = (
        "<!doctype html>\n<html><head><title>Seed</title>\n"
        "<style>p { color: red } /* The system shall never be styled */</style>\n"
        "<script>var s = 'The system shall run this script';</script></head>\n<body>\n"
        "<nav><a href='/'>Home</a> The API must respond within 5 ms to menus</nav>\n"
        f"<main><h1>{html.escape(lines[0])}</h1>\n{paragraphs}\n</main>\n"
        "<footer>Users can subscribe to our newsletter</footer>\n</body></html>\n"
    )
    path = folder / "seed.html"
    path.write_text(page, encoding="utf-8")
    return path


def write_pdf(folder: Path, lines: list[str]) -> Path:
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=10)
    for line in lines:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    path = folder / "seed.pdf"
    path.write_bytes(bytes(pdf.output()))
    return path


def write_docx(folder: Path, lines: list[str]) -> Path:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading(lines[0], level=1)
    for line in lines[1:]:
        document.add_paragraph(line)
    path = folder / "seed.docx"
    document.save(str(path))
    return path


WRITERS = {
    "txt": write_txt,
    "md": write_md,
    "html": write_html,
    "pdf": write_pdf,
    "docx": write_docx,
}


def judged(report: SeedReport) -> tuple[object, ...]:
    assert report.error is None, report.error
    return report.verdict, report.genre, report.dimensions


@pytest.mark.parametrize("content", [SPEC, OPINION], ids=["spec", "opinion"])
@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_same_verdict_in_every_format(tmp_path: Path, content: list[str], fmt: str) -> None:
    (tmp_path / "txt").mkdir()
    (tmp_path / fmt).mkdir(exist_ok=True)
    reference = assess_file(write_txt(tmp_path / "txt", content))
    report = assess_file(WRITERS[fmt](tmp_path / fmt, content))
    assert judged(report) == judged(reference)


def test_the_two_contents_differ(tmp_path: Path) -> None:
    """Guard for the test above: it must compare contents that really get different verdicts."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    spec = assess_file(write_txt(tmp_path / "a", SPEC))
    opinion = assess_file(write_txt(tmp_path / "b", OPINION))
    assert spec.verdict != opinion.verdict


def test_html_keeps_source_line_numbers(tmp_path: Path) -> None:
    page = "<html>\n<body>\n<div>\nintro\n</div>\n\n<p>The system shall export loans as CSV.</p>\n"
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    report = assess_file(path)
    lines = {hit.line for hit in report.evidence if hit.rule == "system-shall"}
    assert lines == {7}


def test_html_drops_scripts_styles_and_navigation(tmp_path: Path) -> None:
    text = readers.read_html(write_html(tmp_path, OPINION).read_bytes(), Path("x.html"))
    assert "parks" in text
    for boilerplate in ("run this script", "styled", "menus", "newsletter", "Home"):
        assert boilerplate not in text
    assert "Seed" in text  # the <title> is visible text


def test_html_header_inside_article_is_kept() -> None:
    page = b"<header>Site name</header><article><header>The real title</header>body</article>"
    text = readers.read_html(page, Path("a.html"))
    assert "The real title" in text
    assert "Site name" not in text


def test_html_separates_table_cells_and_decodes_entities() -> None:
    text = readers.read_html(
        b"<table><tr><td>alpha</td><td>beta&nbsp;&amp;gamma</td></tr>", Path("t.html")
    )
    assert text.split() == ["alpha", "beta", "&gamma"]


def test_html_meta_charset_is_honoured() -> None:
    page = '<meta charset="iso-8859-2"><p>Zażółć</p>'.encode("iso-8859-2")
    assert "Zażółć" in readers.read_html(page, Path("p.html"))


def test_docx_tables_become_rows(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Fields")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "name", "type"
    table.cell(1, 0).text, table.cell(1, 1).text = "isbn", "string"
    buffer = io.BytesIO()
    document.save(buffer)
    text = readers.read_docx(buffer.getvalue(), Path("t.docx"))
    assert text.splitlines() == ["Fields", "name | type", "isbn | string"]


@pytest.mark.parametrize(
    ("suffix", "module", "extra"), [(".pdf", "pypdf", "pdf"), (".docx", "docx", "docx")]
)
def test_missing_extra_names_the_install_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str, module: str, extra: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # makes ``import module`` fail
    path = tmp_path / f"seed{suffix}"
    path.write_bytes(b"%PDF-1.4 or PK whatever")
    report = assess_file(path)
    assert report.verdict is None
    assert f"pip install 'seed-triage[{extra}]'" in (report.error or "")


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_damaged_pdf_or_docx_is_an_error_row(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"broken{suffix}"
    path.write_bytes(
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\nnot really"
        if suffix == ".pdf"
        else b"PK\x03\x04junk"
    )
    report = assess_file(path)
    assert report.verdict is None
    assert "not a readable" in (report.error or "")


def test_pdf_without_text_says_so(tmp_path: Path) -> None:
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_page()
    path = tmp_path / "scan.pdf"
    path.write_bytes(bytes(pdf.output()))
    assert "no text layer" in (assess_file(path).error or "")


def test_password_protected_pdf_says_so(tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    source = write_pdf(tmp_path, SPEC)
    writer = pypdf.PdfWriter(clone_from=str(source))
    writer.encrypt("secret")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    assert "password-protected" in (assess_file(path).error or "")


def test_docx_zip_bomb_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("docx")
    monkeypatch.setattr(readers, "MAX_UNPACKED_BYTES", 1000)
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b" " * 5000)
    assert "zip bomb" in (assess_file(path).error or "")


def test_cli_start_up_does_not_import_the_readers() -> None:
    import subprocess

    code = (
        "import sys, triage.cli.main; "
        "print(sorted(m for m in ('triage.inputs.readers', 'pypdf', 'docx') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_hidden_void_element_does_not_hide_the_rest() -> None:
    page = b'<input type="text" hidden><img aria-hidden="true" src="x.png"><p>kept text</p>'
    assert readers.read_html(page, Path("v.html")).split() == ["kept", "text"]
