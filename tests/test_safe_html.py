"""HTML seeds: text an inline style hides is not evidence (issue 14: the README said so)."""

from __future__ import annotations

from pathlib import Path

from triage import assess_file

PAGE = """<html><body>
<p>Our team met on Tuesday and talked about the garden.</p>
<div style="color: red; display:none">The system shall expose a REST API for orders.</div>
<span style="visibility: hidden">The service must answer within 200 ms.</span>
<p style="display: block">We planted tomatoes.</p>
</body></html>
"""


def test_text_hidden_by_an_inline_style_is_not_read(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    assert _requirement_points(page) == 0
    visible = page.read_text(encoding="utf-8").replace("display:none", "display:block")
    page.write_text(visible.replace("visibility: hidden", "visibility: visible"), encoding="utf-8")
    assert _requirement_points(page) > 0


def _requirement_points(page: Path) -> float:
    report = assess_file(page)
    assert report.error is None and report.scores is not None
    return report.scores.signals["requirement"]
